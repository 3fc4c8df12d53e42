"""Static members and constructors of the engine's .NET types.

``builtin_statics(ptype)`` gives ``[math]::Round``, ``[string]::Join``, ``[datetime]::Now``,
``[convert]::ToInt32``, ``[System.IO.Path]::Combine`` ... as ``StaticProperty``/``StaticMethod``
tables (lower-case name -> member); ``constructor_for(ptype)`` gives what ``[T]::new(...)`` and
``New-Object`` call.  Arguments arrive as PowerShell values and are converted here with
.NET's overload rules; a .NET failure is a ``DotNetException`` that ``members`` reports as
``Exception calling "X" with "N" argument(s): "..."``.
"""

from __future__ import annotations

import re

from emshell.engine.dotnet import (
    FILETIME_EPOCH_TICKS,
    MAX_TICKS,
    TICKS_PER_DAY,
    TICKS_PER_HOUR,
    TICKS_PER_MILLISECOND,
    TICKS_PER_MINUTE,
    TICKS_PER_SECOND,
    DateTime,
    DateTimeParseError,
    Dictionary,
    Encoding,
    Guid,
    HashSet,
    IPAddress,
    PSReference,
    Regex,
    RegexParseError,
    StringBuilder,
    StringComparer,
    TimeSpan,
    Version,
    _number,
    _timespan_arg,
    encoding,
    parse_datetime,
    parse_exact,
    parse_timespan,
)
from emshell.engine.limits import check_element_count, check_string_length, checked_join
from emshell.engine.primitives import DotNetException, to_string
from emshell.engine.psobject import Hashtable

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

_OUT_OF_RANGE = "System.ArgumentOutOfRangeException"


# --------------------------------------------------------------------------- static members

_statics_cache: dict[str, dict | None] = {}


def builtin_statics(ptype: Any) -> dict | None:
    """The static members of an engine type (``[math]::Round``, ``[datetime]::Now`` ...),
    lower-case name -> ``StaticProperty``/``StaticMethod``; None when it has none."""
    full = ptype.full_name
    if full in _statics_cache:
        return _statics_cache[full]
    builder = _STATIC_BUILDERS.get(full)
    if builder is None and ptype.kind in ("int", "float", "decimal"):
        builder = _numeric_statics
    table = builder(ptype) if builder is not None else None
    _statics_cache[full] = table
    return table


def _table(*members: Any) -> dict:
    return {member.name.lower(): member for member in members}


def _method(name: str, arities: tuple[int, ...], func: Any, definition: str = "") -> Any:
    from emshell.engine.types import StaticMethod

    return StaticMethod(name, func, arities, definition)


def _prop(name: str, getter: Any) -> Any:
    from emshell.engine.types import StaticProperty

    return StaticProperty(name, getter)


def _const(name: str, value: Any) -> Any:
    return _prop(name, lambda ctx: value)


def _arg(value: Any, type_name: str, method: str, param: str) -> Any:
    return _number(value, method, param, type_name)


def _set_ref(ref: Any, value: Any) -> None:
    if isinstance(ref, PSReference):
        ref.Value = value


def _try(parse: Any) -> Any:
    """A ``TryParse(s, [ref]result)`` from a parse function that raises DotNetException."""

    def try_parse(args: list, ctx: Any) -> bool:
        try:
            value = parse([args[0]], ctx)
        except DotNetException:
            _set_ref(args[-1], None)
            return False
        _set_ref(args[-1], value)
        return True

    return try_parse


# ---------------------------------------------------------------- System.Math


def _math_value(value: Any, method: str, param: str = "value") -> Any:
    from emshell.engine.primitives import is_number

    if is_number(value):
        return value
    return _arg(value, "System.Double", method, param)


def _names_an_option(value: Any) -> bool:
    """An enum value, or text that is not a number: the enum argument of an overload."""
    if type(value).__name__ == "EnumValue":
        return True
    return isinstance(value, str) and not value.strip().lstrip("-").isdigit()


def _math_round(args: list, ctx: Any) -> Any:
    from emshell.engine.primitives import is_decimal

    value = _math_value(args[0], "Round")
    digits = 0
    away = False
    for extra in args[1:]:
        if _names_an_option(extra):
            away = _arg(extra, "System.MidpointRounding", "Round", "mode").value == 1
        else:
            digits = int(_arg(extra, "System.Int32", "Round", "digits"))
    if is_decimal(value):
        import decimal

        if not 0 <= digits <= 28:
            raise DotNetException(_OUT_OF_RANGE, "Decimal can only round to between 0 and 28 digits of precision.\n"
                                  "Parameter name: decimals")  # fmt: skip
        mode = decimal.ROUND_HALF_UP if away else decimal.ROUND_HALF_EVEN
        with decimal.localcontext() as context:
            context.prec = 60  # a Decimal has up to 29 digits, more than the default context's 28
            return value.quantize(decimal.Decimal(1).scaleb(-digits), rounding=mode)
    if not 0 <= digits <= 15:
        raise DotNetException(_OUT_OF_RANGE, "Rounding digits must be between 0 and 15, inclusive.\nParameter name: digits")
    number = float(value)
    if abs(number) >= 1e16 or number != number:
        return number
    import math

    power = 10.0**digits
    scaled = number * power
    if away:
        fraction, whole = math.modf(scaled)
        if abs(fraction) >= 0.5:
            whole += math.copysign(1.0, fraction)
        scaled = whole
    else:
        scaled = float(round(scaled))
    return scaled / power


def _math_pair(args: list, method: str, pick: Any) -> Any:
    from emshell.engine.primitives import is_decimal, make_integer, number_type

    a = _math_value(args[0], method, "val1")
    b = _math_value(args[1], method, "val2")
    if is_decimal(a) or is_decimal(b):
        from decimal import Decimal

        return pick(Decimal(str(a)) if not is_decimal(a) else a, Decimal(str(b)) if not is_decimal(b) else b)
    if isinstance(a, float) or isinstance(b, float):
        return float(pick(float(a), float(b)))
    wide = "System.Int64" if "System.Int64" in (number_type(a), number_type(b)) else number_type(a)
    result = pick(int(a), int(b))
    return make_integer(result, wide) if wide in ("System.Int64",) else result


def _math_abs(args: list, ctx: Any) -> Any:
    from emshell.engine.primitives import INTEGER_TYPES, is_decimal, make_integer, number_type

    value = _math_value(args[0], "Abs")
    if isinstance(value, float) or is_decimal(value):
        return abs(value)
    kind = number_type(value) or "System.Int32"
    if value == INTEGER_TYPES[kind][0] and value < 0:
        raise DotNetException("System.OverflowException", "Negating the minimum value of a twos complement number is invalid.")
    return make_integer(abs(int(value)), kind)


def _math_unary(name: str, func: Any, decimal_func: Any = None) -> Any:
    def apply(args: list, ctx: Any) -> Any:
        from emshell.engine.primitives import is_decimal

        value = _math_value(args[0], name, "d")
        if decimal_func is not None and is_decimal(value):
            return decimal_func(value)
        try:
            return float(func(float(value)))
        except (ValueError, OverflowError):
            return _math_domain(name, float(value))

    return _method(name, (1,), apply)


def _math_domain(name: str, value: float) -> float:
    if name in ("Log", "Log10") and value == 0:
        return float("-inf")
    if name == "Exp" and value > 0:
        return float("inf")
    return float("nan")


def _math_log(args: list, ctx: Any) -> float:
    import math

    value = float(_math_value(args[0], "Log", "a"))
    try:
        if len(args) == 2:
            return math.log(value, float(_math_value(args[1], "Log", "newBase")))
        return math.log(value)
    except (ValueError, ZeroDivisionError):
        return float("-inf") if value == 0 else float("nan")


def _math_pow(args: list, ctx: Any) -> float:
    x = float(_math_value(args[0], "Pow", "x"))
    y = float(_math_value(args[1], "Pow", "y"))
    try:
        return float(x**y) if not (x < 0 and y != int(y)) else float("nan")
    except OverflowError:
        return float("inf")
    except ZeroDivisionError:
        return float("inf")


def _math_sign(args: list, ctx: Any) -> int:
    value = _math_value(args[0], "Sign")
    if value != value:
        raise DotNetException("System.ArithmeticException", "Function does not accept floating point Not-a-Number values.")
    return (value > 0) - (value < 0)


def _math_statics(ptype: Any) -> dict:
    import math
    from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR

    def dec(mode: str) -> Any:
        return lambda d: d.to_integral_value(rounding=mode)  # quantize fails on 29-digit values

    return _table(
        _const("PI", math.pi),
        _const("E", math.e),
        _method("Round", (1, 2, 3), _math_round),
        _method("Abs", (1,), _math_abs),
        _method("Max", (2,), lambda a, c: _math_pair(a, "Max", max)),
        _method("Min", (2,), lambda a, c: _math_pair(a, "Min", min)),
        _method("Pow", (2,), _math_pow),
        _math_unary("Sqrt", math.sqrt),
        _math_unary("Floor", math.floor, dec(ROUND_FLOOR)),
        _math_unary("Ceiling", math.ceil, dec(ROUND_CEILING)),
        _math_unary("Truncate", math.trunc, dec(ROUND_DOWN)),
        _math_unary("Exp", math.exp),
        _math_unary("Log10", math.log10),
        _math_unary("Sin", math.sin),
        _math_unary("Cos", math.cos),
        _math_unary("Tan", math.tan),
        _math_unary("Asin", math.asin),
        _math_unary("Acos", math.acos),
        _math_unary("Atan", math.atan),
        _method("Atan2", (2,), lambda a, c: math.atan2(float(_math_value(a[0], "Atan2", "y")),
                                                       float(_math_value(a[1], "Atan2", "x")))),  # fmt: skip
        _method("Log", (1, 2), _math_log),
        _method("Sign", (1,), _math_sign),
    )


# ---------------------------------------------------------------- System.String


def _string_values(args: list) -> list:
    if len(args) == 1 and isinstance(args[0], list):
        return list(args[0])
    return list(args)


def _text(value: Any) -> str:
    from emshell.engine.primitives import dotnet_to_string

    return "" if value is None else dotnet_to_string(value)


def _string_join(args: list, ctx: Any) -> str:
    separator = "" if args[0] is None else to_string(args[0])
    values = args[1:]
    if len(values) == 3 and isinstance(values[0], list):
        start = int(_arg(values[1], "System.Int32", "Join", "startIndex"))
        count = int(_arg(values[2], "System.Int32", "Join", "count"))
        values = [values[0][start : start + count]]
    return checked_join(separator, [_text(v) for v in _string_values(values)])


def _string_format(args: list, ctx: Any) -> str:
    from emshell.engine.dotnet_format import FormatError, format_composite

    if args[0] is None:
        raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: format")
    try:
        return format_composite(to_string(args[0]), _string_values(args[1:]))
    except FormatError as error:
        raise DotNetException("System.FormatException", error.message) from None


def _string_compare(args: list, ctx: Any) -> int:
    from emshell.engine.primitives import compare_strings, is_true

    a, b = args[0], args[1]
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    ignore_case = False
    if len(args) > 2:
        option = args[2]
        if isinstance(option, bool):
            ignore_case = option
        elif isinstance(option, str) or type(option).__name__ == "EnumValue":
            ignore_case = _arg(option, "System.StringComparison", "Compare", "comparisonType").ToString().endswith(
                "IgnoreCase")
        else:
            ignore_case = is_true(option)
    return compare_strings(to_string(a), to_string(b), ignore_case)


def _string_statics(ptype: Any) -> dict:
    return _table(
        _const("Empty", ""),
        _method("IsNullOrEmpty", (1,), lambda a, c: a[0] is None or to_string(a[0]) == ""),
        _method("IsNullOrWhiteSpace", (1,), lambda a, c: a[0] is None or to_string(a[0]).strip() == ""),
        _method("Join", (2, -2), _string_join),
        _method("Concat", (1, -1), lambda a, c: checked_join("", [_text(v) for v in _string_values(a)])),
        _method("Format", (1, -1), _string_format),
        _method("Compare", (2, 3), _string_compare),
        _method("CompareOrdinal", (2,), lambda a, c: (to_string(a[0]) > to_string(a[1])) - (to_string(a[0]) < to_string(a[1]))),
        _method("Equals", (2, 3), lambda a, c: (to_string(a[0]).lower() == to_string(a[1]).lower())
                if len(a) == 3 and to_string(a[2]).endswith("IgnoreCase") else a[0] == a[1]),  # fmt: skip
        _method("Copy", (1,), lambda a, c: to_string(a[0])),
    )


# ---------------------------------------------------------------- numeric types


def _numeric_statics(ptype: Any) -> dict:
    from emshell.engine.primitives import INTEGER_TYPES, Single, make_integer

    full = ptype.full_name
    members: list[Any] = []
    if full in INTEGER_TYPES:
        lo, hi, _ = INTEGER_TYPES[full]
        members += [_const("MaxValue", make_integer(hi, full)), _const("MinValue", make_integer(lo, full))]

        def parse(args: list, ctx: Any) -> Any:
            text = args[0]
            if text is None:
                raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: String")
            stripped = to_string(text).strip()
            if not re.fullmatch(r"[+-]?\d+", stripped):
                raise DotNetException("System.FormatException", "Input string was not in a correct format.")
            number = int(stripped)
            if not lo <= number <= hi:
                raise DotNetException("System.OverflowException", f"Value was either too large or too small for {_noun(full)}.")
            return make_integer(number, full)
    else:
        if full == "System.Double":
            members += [_const("MaxValue", 1.7976931348623157e308), _const("MinValue", -1.7976931348623157e308),
                        _const("Epsilon", 5e-324), _const("NaN", float("nan")),
                        _const("PositiveInfinity", float("inf")), _const("NegativeInfinity", float("-inf"))]  # fmt: skip
        elif full == "System.Single":
            members += [_const("MaxValue", Single(3.4028234663852886e38)), _const("MinValue", Single(-3.4028234663852886e38)),
                        _const("Epsilon", Single(1.401298464324817e-45)), _const("NaN", Single(float("nan"))),
                        _const("PositiveInfinity", Single(float("inf"))), _const("NegativeInfinity", Single(float("-inf")))]  # fmt: skip
        else:
            from decimal import Decimal

            top = Decimal(79228162514264337593543950335)
            members += [_const("MaxValue", top), _const("MinValue", top.copy_negate()), _const("Zero", Decimal(0)),
                        _const("One", Decimal(1)), _const("MinusOne", Decimal(-1))]  # fmt: skip

        def parse(args: list, ctx: Any) -> Any:
            from emshell.engine.conversion import ConversionError, convert_to

            if args[0] is None:
                raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: s")
            text = to_string(args[0])
            if text.strip() == "":
                raise DotNetException("System.FormatException", "Input string was not in a correct format.")
            try:
                return convert_to(text, ptype)
            except ConversionError:
                raise DotNetException("System.FormatException", "Input string was not in a correct format.") from None

        if full in ("System.Double", "System.Single"):
            members += [
                _method("IsNaN", (1,), lambda a, c: float(_arg(a[0], full, "IsNaN", "d")) != float(_arg(a[0], full, "IsNaN", "d"))),
                _method("IsInfinity", (1,), lambda a, c: abs(float(_arg(a[0], full, "IsInfinity", "d"))) == float("inf")),
                _method("IsPositiveInfinity", (1,), lambda a, c: float(_arg(a[0], full, "IsPositiveInfinity", "d")) == float("inf")),
                _method("IsNegativeInfinity", (1,), lambda a, c: float(_arg(a[0], full, "IsNegativeInfinity", "d")) == float("-inf")),
            ]  # fmt: skip
    members += [_method("Parse", (1, 2, 3), parse), _method("TryParse", (2, 4), _try(parse))]
    return _table(*members)


def _noun(full: str) -> str:
    from emshell.engine.conversion import _OVERFLOW_NOUN

    return _OVERFLOW_NOUN[full]


def _bool_parse(args: list, ctx: Any) -> bool:
    if args[0] is None:
        raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: value")
    text = to_string(args[0]).strip().strip("\0").lower()
    if text in ("true", "false"):
        return text == "true"
    raise DotNetException("System.FormatException", "String was not recognized as a valid Boolean.")


def _bool_statics(ptype: Any) -> dict:
    return _table(_const("TrueString", "True"), _const("FalseString", "False"),
                  _method("Parse", (1,), _bool_parse), _method("TryParse", (2,), _try(_bool_parse)))  # fmt: skip


# ---------------------------------------------------------------- System.Char


def _char_test(name: str, test: Any) -> Any:
    def apply(args: list, ctx: Any) -> bool:
        if len(args) == 2:
            text = to_string(args[0])
            index = int(_arg(args[1], "System.Int32", name, "index"))
            if not 0 <= index < len(text):
                raise DotNetException(_OUT_OF_RANGE, "Index was out of range. Must be non-negative and less than the "
                                      "size of the collection.\nParameter name: index")  # fmt: skip
            char = text[index]
        else:
            char = _arg(args[0], "System.Char", name, "c")
        return bool(test(char))

    return _method(name, (1, 2), apply)


def _char_statics(ptype: Any) -> dict:
    import unicodedata

    from emshell.engine.psobject import Char

    def category(prefixes: tuple[str, ...]) -> Any:
        return lambda c: unicodedata.category(c).startswith(prefixes)

    return _table(
        _char_test("IsDigit", lambda c: unicodedata.category(c) == "Nd"),
        _char_test("IsLetter", category(("L",))),
        _char_test("IsLetterOrDigit", lambda c: unicodedata.category(c) == "Nd" or unicodedata.category(c).startswith("L")),
        _char_test("IsNumber", category(("N",))),
        _char_test("IsWhiteSpace", lambda c: c.isspace()),
        _char_test("IsUpper", lambda c: unicodedata.category(c) == "Lu"),
        _char_test("IsLower", lambda c: unicodedata.category(c) == "Ll"),
        _char_test("IsPunctuation", category(("P",))),
        _char_test("IsSymbol", category(("S",))),
        _char_test("IsControl", lambda c: unicodedata.category(c) == "Cc"),
        _method("ToUpper", (1, 2), lambda a, c: Char(_arg(a[0], "System.Char", "ToUpper", "c").upper())),
        _method("ToLower", (1, 2), lambda a, c: Char(_arg(a[0], "System.Char", "ToLower", "c").lower())),
        _method("ToString", (1,), lambda a, c: str(_arg(a[0], "System.Char", "ToString", "c"))),
        _method("Parse", (1,), lambda a, c: _arg(a[0], "System.Char", "Parse", "s")),
        _const("MaxValue", Char("\uffff")),
        _const("MinValue", Char("\0")),
    )


# ---------------------------------------------------------------- System.Convert


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _convert_integer(full: str, method: str) -> Any:
    from emshell.engine.primitives import INTEGER_TYPES, make_integer

    lo, hi, _ = INTEGER_TYPES[full]
    bits = (hi - lo).bit_length()

    def convert(args: list, ctx: Any) -> Any:
        from emshell.engine.conversion import ConversionError, convert_to

        value = args[0]
        if len(args) == 2:
            base = int(_arg(args[1], "System.Int32", method, "fromBase"))
            if base not in (2, 8, 10, 16):
                raise DotNetException("System.ArgumentException", "Invalid Base.")
            text = "" if value is None else to_string(value)
            if text == "":
                return make_integer(0, full)
            body = text
            negative = False
            if base == 10 and body.startswith("-"):
                negative, body = True, body[1:]
            if base == 16 and body[:2].lower() == "0x":
                body = body[2:]
            digits = ""
            for ch in body:
                if ch.lower() in _DIGITS[:base]:
                    digits += ch
                else:
                    break
            if not digits:
                raise DotNetException("System.FormatException", "Could not find any recognizable digits.")
            if len(digits) != len(body):
                raise DotNetException("System.FormatException", "Additional non-parsable characters are at the end of the string.")
            number = int(digits, base)
            if base != 10 and number < 1 << bits:
                if lo < 0 and number > hi:
                    number -= 1 << bits
            elif negative:
                number = -number
            if not lo <= number <= hi:
                raise DotNetException("System.OverflowException", f"Value was either too large or too small for {_noun(full)}.")
            return make_integer(number, full)
        if value is None:
            return make_integer(0, full)
        if isinstance(value, str) and type(value).__name__ != "Char":
            stripped = value.strip()
            if not re.fullmatch(r"[+-]?\d+", stripped):
                raise DotNetException("System.FormatException", "Input string was not in a correct format.")
            number = int(stripped)
            if not lo <= number <= hi:
                raise DotNetException("System.OverflowException", f"Value was either too large or too small for {_noun(full)}.")
            return make_integer(number, full)
        try:
            return convert_to(value, full)
        except ConversionError as error:
            inner = error.message.rsplit('Error: "', 1)[-1].rstrip('"') if 'Error: "' in error.message else error.message
            raise DotNetException("System.OverflowException" if "too large" in inner else "System.InvalidCastException",
                                  inner) from None  # fmt: skip

    return _method(method, (1, 2), convert)


def _convert_to_string(args: list, ctx: Any) -> str:
    from emshell.engine.primitives import dotnet_to_string, number_type

    value = args[0]
    if len(args) == 2 and isinstance(value, int) and not isinstance(value, bool):
        base = int(_arg(args[1], "System.Int32", "ToString", "toBase"))
        if base not in (2, 8, 10, 16):
            raise DotNetException("System.ArgumentException", "Invalid Base.")
        number = int(value)
        if base == 10:
            return str(number)
        if number < 0:
            width = 64 if number_type(value) == "System.Int64" else 32
            number &= (1 << width) - 1
        return format(number, {2: "b", 8: "o", 16: "x"}[base])
    return "" if value is None else dotnet_to_string(value)


def _convert_via(full: str, method: str) -> Any:
    def convert(args: list, ctx: Any) -> Any:
        from emshell.engine.conversion import ConversionError, convert_to

        value = args[0]
        if full == "System.Boolean" and isinstance(value, str):
            return _bool_parse([value], ctx)
        try:
            return convert_to(value, full)
        except ConversionError as error:
            inner = error.message.rsplit('Error: "', 1)[-1].rstrip('"') if 'Error: "' in error.message else error.message
            raise DotNetException("System.FormatException", inner) from None

    return _method(method, (1, 2), convert)


def _from_base64(args: list, ctx: Any) -> list:
    import base64
    import binascii

    from emshell.engine.primitives import Byte, TypedArray

    text = re.sub(r"\s", "", to_string(args[0]))
    try:
        if len(text) % 4:
            raise binascii.Error
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise DotNetException("System.FormatException", "The input is not a valid Base-64 string as it contains a "
                              "non-base 64 character, more than two padding characters, or an illegal character "
                              "among the padding characters. ") from None  # fmt: skip
    return TypedArray((Byte(b) for b in data), "System.Byte")


def _to_base64(args: list, ctx: Any) -> str:
    import base64

    data = bytes(int(b) & 0xFF for b in (args[0] or []))
    if len(args) == 3:
        start = int(_arg(args[1], "System.Int32", "ToBase64String", "offset"))
        data = data[start : start + int(_arg(args[2], "System.Int32", "ToBase64String", "length"))]
    return base64.b64encode(data).decode("ascii")


def _convert_statics(ptype: Any) -> dict:
    members = [_convert_integer(full, "To" + full.split(".")[1]) for full in
               ("System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
                "System.Int64", "System.UInt64")]  # fmt: skip
    members += [_convert_via("System.Double", "ToDouble"), _convert_via("System.Single", "ToSingle"),
                _convert_via("System.Decimal", "ToDecimal"), _convert_via("System.Boolean", "ToBoolean"),
                _convert_via("System.Char", "ToChar"), _convert_via("System.DateTime", "ToDateTime"),
                _method("ToString", (1, 2), _convert_to_string),
                _method("ToBase64String", (1, 2, 3, 4), _to_base64),
                _method("FromBase64String", (1,), _from_base64)]  # fmt: skip
    return _table(*members)


# ---------------------------------------------------------------- System.IO.Path


def _is_rooted(path: str) -> bool:
    return path.startswith(("\\", "/")) or (len(path) >= 2 and path[1] == ":")


def _path_combine(args: list, ctx: Any) -> str:
    parts = [to_string(p) if p is not None else None for p in _string_values(args)]
    if any(p is None for p in parts):
        raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: path" +
                              ("1" if parts and parts[0] is None else "2"))  # fmt: skip
    result = ""
    for part in parts:
        if not part:
            continue
        if _is_rooted(part) or not result:
            result = part
        elif result.endswith(("\\", "/", ":")):
            result += part
        else:
            result += "\\" + part
    return result


def _split_path(path: str) -> tuple[str, str]:
    cut = max(path.rfind("\\"), path.rfind("/"), path.rfind(":") if len(path) > 1 and path[1] == ":" else -1)
    return path[: cut + 1], path[cut + 1 :]


def _path_file_name(args: list, ctx: Any) -> Any:
    return None if args[0] is None else _split_path(to_string(args[0]))[1]


def _path_extension(args: list, ctx: Any) -> Any:
    if args[0] is None:
        return None
    name = _split_path(to_string(args[0]))[1]
    dot = name.rfind(".")
    return "" if dot < 0 or dot == len(name) - 1 else name[dot:]


def _path_without_extension(args: list, ctx: Any) -> Any:
    if args[0] is None:
        return None
    name = _split_path(to_string(args[0]))[1]
    dot = name.rfind(".")
    return name if dot < 0 else name[:dot]


def _path_root(path: str) -> str:
    """``C:\\``, ``C:``, ``\\\\server\\share`` or ``\\``; '' for a relative path."""
    match = re.match(r"[A-Za-z]:[\\/]?|\\\\[^\\/]+[\\/][^\\/]+|[\\/]", path)
    return match.group(0) if match else ""


def _path_directory(args: list, ctx: Any) -> Any:
    if args[0] is None:
        return None
    path = to_string(args[0])
    if path == "":
        raise DotNetException("System.ArgumentException", "The path is not of a legal form.")
    root = _path_root(path)
    if len(path) <= len(root):
        return None  # the path is a root: it has no directory
    cut = max(path.rfind("\\"), path.rfind("/"))
    if cut < len(root):
        return root
    return path[:cut]


def _path_change_extension(args: list, ctx: Any) -> Any:
    if args[0] is None:
        return None
    path = to_string(args[0])
    head, name = _split_path(path)
    dot = name.rfind(".")
    stem = name if dot < 0 else name[:dot]
    if args[1] is None:
        return head + stem
    extension = to_string(args[1])
    if extension and not extension.startswith("."):
        extension = "." + extension
    return head + stem + extension


def _path_statics(ptype: Any) -> dict:
    from emshell.engine.psobject import Char

    return _table(
        _method("Combine", (1, -2), _path_combine),
        _method("GetFileName", (1,), _path_file_name),
        _method("GetExtension", (1,), _path_extension),
        _method("GetFileNameWithoutExtension", (1,), _path_without_extension),
        _method("GetDirectoryName", (1,), _path_directory),
        _method("ChangeExtension", (2,), _path_change_extension),
        _method("IsPathRooted", (1,), lambda a, c: a[0] is not None and _is_rooted(to_string(a[0]))),
        _method("HasExtension", (1,), lambda a, c: bool(_path_extension(a, c))),
        _method("GetTempPath", (0,), lambda a, c: "C:\\Windows\\TEMP\\"),
        _method("GetPathRoot", (1,), lambda a, c: None if a[0] is None else _path_root(to_string(a[0]))),
        _method("GetRandomFileName", (0,), lambda a, c: _random_file_name(c)),
        _const("DirectorySeparatorChar", Char("\\")),
        _const("AltDirectorySeparatorChar", Char("/")),
        _const("PathSeparator", Char(";")),
        _const("VolumeSeparatorChar", Char(":")),
    )


def _random_file_name(ctx: Any) -> str:
    from emshell.engine.primitives import context_or_default

    token = context_or_default(ctx).new_guid().replace("-", "")
    return f"{token[:8]}.{token[8:11]}"


# ---------------------------------------------------------------- System.Environment


def _environment_statics(ptype: Any) -> dict:
    def context_value(name: str, default: Any) -> Any:
        return lambda ctx: getattr(ctx, name, None) or default

    def os_version(ctx: Any) -> Any:
        from emshell.engine.psobject import PSObject

        return PSObject((("Platform", "Win32NT"), ("ServicePack", ""), ("Version", Version(10, 0, 14393, 0)),
                         ("VersionString", "Microsoft Windows NT 10.0.14393.0")),
                        ("System.OperatingSystem", "System.Object"))  # fmt: skip

    def variable(args: list, ctx: Any) -> Any:
        getter = getattr(ctx, "get_environment_variable", None)
        return getter(to_string(args[0])) if getter is not None else None

    return _table(
        _const("NewLine", "\r\n"),
        _prop("MachineName", context_value("machine_name", "localhost")),
        _prop("UserName", context_value("user_name", "Administrator")),
        _prop("UserDomainName", context_value("user_domain", "CONTOSO")),
        _prop("CurrentDirectory", context_value("current_directory", "C:\\Windows\\system32")),
        _const("SystemDirectory", "C:\\Windows\\system32"),
        _const("ProcessorCount", 4),
        _const("Is64BitOperatingSystem", True),
        _const("Is64BitProcess", True),
        _const("UserInteractive", True),
        _prop("OSVersion", os_version),
        _prop("TickCount", lambda ctx: int(DateTime.now(ctx).ticks // TICKS_PER_MILLISECOND) & 0x7FFFFFFF),
        _method("GetEnvironmentVariable", (1, 2), variable),
    )


def _encoding_statics(ptype: Any) -> dict:
    def get_encoding(args: list, ctx: Any) -> Encoding:
        key = to_string(args[0]).lower().replace("-", "")
        aliases = {"utf8": "utf8", "65001": "utf8", "usascii": "ascii", "ascii": "ascii", "20127": "ascii",
                   "utf16": "unicode", "unicode": "unicode", "1200": "unicode", "utf32": "utf32",
                   "windows1252": "default", "1252": "default"}  # fmt: skip
        if key not in aliases:
            raise DotNetException("System.ArgumentException", f"'{to_string(args[0])}' is not a supported encoding "
                                  "name. For information on defining a custom encoding, see the documentation for "
                                  "the Encoding.RegisterProvider method.\nParameter name: name")  # fmt: skip
        return encoding(aliases[key])

    members = [_prop(name, lambda ctx, n=key: encoding(n)) for key, name in
               (("utf8", "UTF8"), ("ascii", "ASCII"), ("unicode", "Unicode"), ("bigendianunicode", "BigEndianUnicode"),
                ("utf32", "UTF32"), ("default", "Default"))]  # fmt: skip
    return _table(*members, _method("GetEncoding", (1,), get_encoding))


# ---------------------------------------------------------------- DateTime, TimeSpan, Guid, Version


def _datetime_parse(args: list, ctx: Any) -> DateTime:
    if args[0] is None:
        raise DotNetException("System.ArgumentNullException", "String reference not set to an instance of a String.\n"
                              "Parameter name: s")  # fmt: skip
    try:
        return parse_datetime(to_string(args[0]), ctx)
    except DateTimeParseError as error:
        raise DotNetException("System.FormatException", str(error)) from None


def _datetime_parse_exact(args: list, ctx: Any) -> DateTime:
    text = to_string(args[0])
    formats = args[1] if isinstance(args[1], list) else [args[1]]
    for fmt in formats:
        try:
            return parse_exact(text, to_string(fmt))
        except DateTimeParseError:
            continue
    raise DotNetException("System.FormatException", "String was not recognized as a valid DateTime.")


def _datetime_statics(ptype: Any) -> dict:
    import calendar

    def days_in_month(args: list, ctx: Any) -> int:
        year = int(_arg(args[0], "System.Int32", "DaysInMonth", "year"))
        month = int(_arg(args[1], "System.Int32", "DaysInMonth", "month"))
        if not 1 <= month <= 12:
            raise DotNetException(_OUT_OF_RANGE, "Month must be between one and twelve.\nParameter name: month")
        if not 1 <= year <= 9999:
            raise DotNetException(_OUT_OF_RANGE, "Year must be between 1 and 9999.\nParameter name: year")
        return calendar.monthrange(year, month)[1]

    def specify_kind(args: list, ctx: Any) -> DateTime:
        value = _arg(args[0], "System.DateTime", "SpecifyKind", "value")
        kind = _arg(args[1], "System.DateTimeKind", "SpecifyKind", "kind").ToString()
        return DateTime(value.ticks, kind)

    def from_file_time(utc: bool) -> Any:
        def convert(args: list, ctx: Any) -> DateTime:
            value = int(_arg(args[0], "System.Int64", "FromFileTime", "fileTime"))
            if value < 0:
                raise DotNetException(_OUT_OF_RANGE, "Not a valid Win32 FileTime.\nParameter name: fileTime")
            result = DateTime(value + FILETIME_EPOCH_TICKS, "Utc")
            return result if utc else result.ToLocalTime()

        return convert

    def compare(args: list, ctx: Any) -> int:
        a = _arg(args[0], "System.DateTime", "Compare", "t1")
        b = _arg(args[1], "System.DateTime", "Compare", "t2")
        return a.ps_compare(b)

    return _table(
        _prop("Now", lambda ctx: DateTime.now(ctx)),
        _prop("Today", lambda ctx: DateTime.now(ctx).Date),
        _prop("UtcNow", lambda ctx: DateTime.now(ctx).ToUniversalTime()),
        _const("MinValue", DateTime(0)),
        _const("MaxValue", DateTime(MAX_TICKS)),
        _method("Parse", (1, 2, 3), _datetime_parse),
        _method("TryParse", (2, 4), _try(_datetime_parse)),
        _method("ParseExact", (3, 4), _datetime_parse_exact),
        _method("TryParseExact", (5,), lambda a, c: _try(_datetime_parse_exact)([a[0], a[1], a[-1]], c)),
        _method("DaysInMonth", (2,), days_in_month),
        _method("IsLeapYear", (1,), lambda a, c: calendar.isleap(int(_arg(a[0], "System.Int32", "IsLeapYear", "year")))),
        _method("SpecifyKind", (2,), specify_kind),
        _method("FromFileTime", (1,), from_file_time(False)),
        _method("FromFileTimeUtc", (1,), from_file_time(True)),
        _method("Compare", (2,), compare),
    )


def _timespan_statics(ptype: Any) -> dict:
    from emshell.engine.primitives import Int64

    def from_unit(name: str, scale_ms: int) -> Any:
        return _method(name, (1,), lambda a, c: TimeSpan.interval(float(_arg(a[0], "System.Double", name, "value")),
                                                                  scale_ms))  # fmt: skip

    def parse(args: list, ctx: Any) -> TimeSpan:
        if args[0] is None:
            raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: input")
        return parse_timespan(to_string(args[0]))

    return _table(
        from_unit("FromDays", 86_400_000),
        from_unit("FromHours", 3_600_000),
        from_unit("FromMinutes", 60_000),
        from_unit("FromSeconds", 1000),
        from_unit("FromMilliseconds", 1),
        _method("FromTicks", (1,), lambda a, c: TimeSpan(int(_arg(a[0], "System.Int64", "FromTicks", "value")))),
        _method("Parse", (1, 2), parse),
        _method("TryParse", (2, 3), _try(parse)),
        _method("Compare", (2,), lambda a, c: _timespan_arg(a[0], "Compare").ps_compare(_timespan_arg(a[1], "Compare"))),
        _const("Zero", TimeSpan(0)),
        _const("MaxValue", TimeSpan(2**63 - 1)),
        _const("MinValue", TimeSpan(-(2**63))),
        _const("TicksPerDay", Int64(TICKS_PER_DAY)),
        _const("TicksPerHour", Int64(TICKS_PER_HOUR)),
        _const("TicksPerMinute", Int64(TICKS_PER_MINUTE)),
        _const("TicksPerSecond", Int64(TICKS_PER_SECOND)),
        _const("TicksPerMillisecond", Int64(TICKS_PER_MILLISECOND)),
    )


def _guid_statics(ptype: Any) -> dict:
    from emshell.engine.primitives import context_or_default

    def parse(args: list, ctx: Any) -> Guid:
        if args[0] is None:
            raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: input")
        return Guid.parse(to_string(args[0]))

    return _table(
        _method("NewGuid", (0,), lambda a, c: Guid.parse(context_or_default(c).new_guid())),
        _const("Empty", Guid("0" * 32)),
        _method("Parse", (1,), parse),
        _method("TryParse", (2,), _try(parse)),
    )


def _version_statics(ptype: Any) -> dict:
    def parse(args: list, ctx: Any) -> Version:
        if args[0] is None:
            raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: input")
        return Version.parse(to_string(args[0]))

    return _table(_method("Parse", (1,), parse), _method("TryParse", (2,), _try(parse)))


# ---------------------------------------------------------------- Regex


def _regex_options(value: Any, method: str) -> int:
    return _arg(value, "System.Text.RegularExpressions.RegexOptions", method, "options").value


def _regex_of(args: list, method: str, pattern_at: int = 1, options_at: int = 2) -> Regex:
    pattern = args[pattern_at]
    if pattern is None:
        raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: pattern")
    options = _regex_options(args[options_at], method) if len(args) > options_at else 0
    try:
        return Regex(to_string(pattern), options)
    except RegexParseError as error:
        raise DotNetException("System.ArgumentException", error.message) from None


_ESCAPES = {"\\": "\\\\", "*": "\\*", "+": "\\+", "?": "\\?", "|": "\\|", "{": "\\{", "[": "\\[", "(": "\\(",
            ")": "\\)", "^": "\\^", "$": "\\$", ".": "\\.", "#": "\\#", " ": "\\ ", "\t": "\\t", "\n": "\\n",
            "\r": "\\r", "\f": "\\f", "\v": "\\v"}  # fmt: skip


def regex_escape(text: str) -> str:
    """``[regex]::Escape``: .NET escapes these characters and whitespace (not ``]`` or ``}``)."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _regex_unescape(args: list, ctx: Any) -> str:
    text = to_string(args[0])
    simple = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
    return re.sub(r"\\(.)", lambda m: simple.get(m.group(1), m.group(1)), text)


def _regex_statics(ptype: Any) -> dict:
    return _table(
        _method("Escape", (1,), lambda a, c: regex_escape(to_string(a[0]))),
        _method("Unescape", (1,), _regex_unescape),
        _method("Match", (2, 3), lambda a, c: _regex_of(a, "Match").Match(a[0])),
        _method("Matches", (2, 3), lambda a, c: _regex_of(a, "Matches").Matches(a[0])),
        _method("IsMatch", (2, 3), lambda a, c: _regex_of(a, "IsMatch").IsMatch(a[0])),
        _method("Replace", (3, 4), lambda a, c: _regex_of(a, "Replace", 1, 3).Replace(a[0], a[2])),
        _method("Split", (2, 3), lambda a, c: _regex_of(a, "Split").Split(a[0])),
    )


def _ipaddress_statics(ptype: Any) -> dict:
    def parse(args: list, ctx: Any) -> IPAddress:
        if args[0] is None:
            raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: ipString")
        return IPAddress.parse(to_string(args[0]))

    return _table(
        _method("Parse", (1,), parse),
        _method("TryParse", (2,), _try(parse)),
        _const("Any", IPAddress.parse("0.0.0.0")),
        _const("Loopback", IPAddress.parse("127.0.0.1")),
        _const("Broadcast", IPAddress.parse("255.255.255.255")),
        _const("IPv6Any", IPAddress.parse("::")),
        _const("IPv6Loopback", IPAddress.parse("::1")),
    )


def _dns_statics(ptype: Any) -> dict:
    return _table(_method("GetHostName", (0,), lambda a, c: getattr(c, "machine_name", None) or "localhost"))


# ---------------------------------------------------------------- System.Array and System.Enum


def _array_statics(ptype: Any) -> dict:
    import functools

    from emshell.engine.primitives import compare

    def target(args: list, method: str) -> list:
        if args[0] is None:
            raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: array")
        if not isinstance(args[0], list):
            raise DotNetException("System.ArgumentException", "Object must be an array.")
        return args[0]

    def index_of(args: list, ctx: Any, last: bool = False) -> int:
        from emshell.engine.members_builtin import list_index_of

        return list_index_of(target(args, "IndexOf"), args[1:], ctx, last)

    def sort(args: list, ctx: Any) -> None:
        target(args, "Sort").sort(key=functools.cmp_to_key(lambda a, b: compare(a, b, True)))

    def clear(args: list, ctx: Any) -> None:
        items = target(args, "Clear")
        start = int(_arg(args[1], "System.Int32", "Clear", "index"))
        count = int(_arg(args[2], "System.Int32", "Clear", "length"))
        if start < 0 or count < 0 or start + count > len(items):  # never grows the array
            raise DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.")
        items[start : start + count] = [None] * count

    def create(args: list, ctx: Any) -> list:
        from emshell.engine.members import construct
        from emshell.engine.types import array_type

        element = _arg(args[0], "System.Type", "CreateInstance", "elementType")
        return construct(array_type(element), args[1:], ctx)

    return _table(
        _method("Reverse", (1, 3), lambda a, c: target(a, "Reverse").reverse()),
        _method("IndexOf", (2, 3), index_of),
        _method("LastIndexOf", (2, 3), lambda a, c: index_of(a, c, last=True)),
        _method("Sort", (1,), sort),
        _method("Clear", (3,), clear),
        _method("CreateInstance", (2,), create),
    )


def _enum_statics(ptype: Any) -> dict:
    from emshell.engine.primitives import TypedArray

    def enum_type(value: Any, method: str) -> Any:
        found = _arg(value, "System.Type", method, "enumType")
        if found.kind != "enum":
            raise DotNetException("System.ArgumentException", "Type provided must be an Enum.\nParameter name: enumType")
        return found

    def parse(args: list, ctx: Any) -> Any:
        from emshell.engine.conversion import ConversionError, convert_to

        target = enum_type(args[0], "Parse")
        try:
            return convert_to(to_string(args[1]), target)
        except ConversionError:
            raise DotNetException("System.ArgumentException", f"Requested value '{to_string(args[1])}' was not found.") from None

    def is_defined(args: list, ctx: Any) -> bool:
        target = enum_type(args[0], "IsDefined")
        value = args[1]
        if isinstance(value, str):
            return value in target.names
        return target.is_defined(int(value.value if hasattr(value, "enum_type") else value))

    def get_name(args: list, ctx: Any) -> Any:
        target = enum_type(args[0], "GetName")
        value = args[1]
        number = value.value if hasattr(value, "enum_type") else int(value)
        return target._by_value.get(number)

    return _table(
        _method("GetNames", (1,), lambda a, c: TypedArray(enum_type(a[0], "GetNames").names, "System.String")),
        _method("GetValues", (1,), lambda a, c: [enum_type(a[0], "GetValues").member(v)
                                                 for _, v in enum_type(a[0], "GetValues").members]),  # fmt: skip
        _method("Parse", (2, 3), parse),
        _method("IsDefined", (2,), is_defined),
        _method("GetName", (2,), get_name),
        _method("ToObject", (2,), lambda a, c: enum_type(a[0], "ToObject").member(int(_arg(a[1], "System.Int64",
                                                                                          "ToObject", "value")))),  # fmt: skip
    )


def _string_comparer_statics(ptype: Any) -> dict:
    names = ("Ordinal", "OrdinalIgnoreCase", "CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture",
             "InvariantCultureIgnoreCase")  # fmt: skip
    return _table(*(_const(name, StringComparer(name)) for name in names))


def _io_statics(builder: str) -> Any:
    def build(ptype: Any) -> dict:
        from emshell.engine import dotnet_io

        return getattr(dotnet_io, builder)(ptype)

    return build


_STATIC_BUILDERS: dict[str, Any] = {
    "System.IO.File": _io_statics("file_statics"),
    "System.IO.Directory": _io_statics("directory_statics"),
    "System.StringComparer": _string_comparer_statics,
    "System.Math": _math_statics,
    "System.String": _string_statics,
    "System.Boolean": _bool_statics,
    "System.Char": _char_statics,
    "System.Convert": _convert_statics,
    "System.IO.Path": _path_statics,
    "System.Environment": _environment_statics,
    "System.Text.Encoding": _encoding_statics,
    "System.DateTime": _datetime_statics,
    "System.TimeSpan": _timespan_statics,
    "System.Guid": _guid_statics,
    "System.Version": _version_statics,
    "System.Text.RegularExpressions.Regex": _regex_statics,
    "System.Net.IPAddress": _ipaddress_statics,
    "System.Net.Dns": _dns_statics,
    "System.Array": _array_statics,
    "System.Enum": _enum_statics,
}


# --------------------------------------------------------------------------- constructors


def constructor_for(ptype: Any) -> tuple[Any, tuple[int, ...]] | None:
    """(factory(args, ctx), accepted argument counts) for ``[T]::new`` / ``New-Object``."""
    kind = ptype.kind
    full = ptype.full_name
    if ptype.statics and "new" in ptype.statics:
        member = ptype.statics["new"]
        return member.func, member.arities
    factory = _CONSTRUCTORS.get(kind or "") or _CONSTRUCTORS.get(full)
    if factory is None:
        return None
    func, arities = factory
    return (lambda args, ctx: func(ptype, args, ctx)), arities


def _comparer_of(args: list) -> tuple[list, StringComparer | None]:
    """Split a trailing ``IEqualityComparer`` argument off a constructor's arguments."""
    if args and isinstance(args[-1], StringComparer):
        return args[:-1], args[-1]
    return args, None


def _new_collection(ptype: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.conversion import convert_to
    from emshell.engine.primitives import as_list

    args, comparer = _comparer_of(args)
    if comparer is not None and ptype.kind == "hashset":
        items = args[0] if args and (isinstance(args[0], list) or hasattr(args[0], "ps_enumerate")) else []
        element = ptype.element_type
        return HashSet(ptype.full_name, element, (convert_to(i, element) for i in as_list(items)), comparer)
    if args and (isinstance(args[0], list) or hasattr(args[0], "ps_enumerate")):
        return convert_to(args[0], ptype)
    if args and (isinstance(args[0], int) and not isinstance(args[0], bool)) and args[0] < 0:
        raise DotNetException(_OUT_OF_RANGE, "Non-negative number required.\nParameter name: capacity")
    return convert_to([], ptype)


def _new_hashtable(ptype: Any, args: list, ctx: Any) -> Any:
    if args and isinstance(args[0], Hashtable):
        return Hashtable(args[0].items(), ordered=ptype.kind == "ordered")
    return Hashtable(ordered=ptype.kind == "ordered")


def _new_dictionary(ptype: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.conversion import convert_to

    args, comparer = _comparer_of(args)
    key_type, value_type = ptype.generic_args
    result = Dictionary(ptype.full_name, key_type, value_type, comparer)
    if args and isinstance(args[0], Hashtable):
        for key, value in args[0].items():
            result[convert_to(key, key_type)] = convert_to(value, value_type)
    return result


def _new_datetime(ptype: Any, args: list, ctx: Any) -> DateTime:
    kind = "Unspecified"
    if len(args) in (2, 8) or (len(args) == 7 and _names_an_option(args[-1])):  # ... DateTimeKind kind)
        kind = _arg(args[-1], "System.DateTimeKind", "new", "kind").ToString()
        args = args[:-1]
    if len(args) == 1:
        return DateTime(int(_arg(args[0], "System.Int64", "new", "ticks")), kind)
    parts = [int(_arg(a, "System.Int32", "new", "value")) for a in args]
    if len(parts) in (3, 6, 7):
        return DateTime.from_parts(*parts, kind=kind)
    raise DotNetException("System.ArgumentException", "Invalid DateTime constructor arguments.")


def _new_timespan(ptype: Any, args: list, ctx: Any) -> TimeSpan:
    values = [int(_arg(a, "System.Int64" if len(args) == 1 else "System.Int32", "new", "value")) for a in args]
    if len(values) == 1:
        return TimeSpan(values[0])
    if len(values) == 3:
        result = TimeSpan.from_parts(0, *values)
    else:
        result = TimeSpan.from_parts(*values)
    if abs(result.ticks) >= 2**63:
        raise DotNetException(_OUT_OF_RANGE, "TimeSpan overflowed because the duration is too long.")
    return result


def _new_version(ptype: Any, args: list, ctx: Any) -> Version:
    if not args:
        return Version(0, 0)
    if len(args) == 1:
        return Version.parse(to_string(args[0]))
    return Version(*(int(_arg(a, "System.Int32", "new", "value")) for a in args))


def _new_regex(ptype: Any, args: list, ctx: Any) -> Regex:
    return _regex_of(args, "new", 0, 1)


def _new_string(ptype: Any, args: list, ctx: Any) -> str:
    if len(args) == 2:
        char = _arg(args[0], "System.Char", "new", "c")
        count = int(_arg(args[1], "System.Int32", "new", "count"))
        if count < 0:
            raise DotNetException(_OUT_OF_RANGE, "Count cannot be less than zero.\nParameter name: count")
        check_string_length(count)
        return char * count
    return checked_join("", [to_string(c) for c in (args[0] or [])])


def _new_object(ptype: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.psobject import PSObject

    if ptype.kind == "psobject" and args:
        return args[0]
    names = ("System.Object",) if ptype.kind == "object" else None
    return PSObject() if names is None else PSObject((), names)


def _new_exception(ptype: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.errors import NetException

    message = to_string(args[0]) if args else f"Exception of type '{ptype.full_name}' was thrown."
    inner = args[1] if len(args) > 1 and isinstance(args[1], NetException) else None
    return NetException(ptype.full_name, message, inner)


def _new_array(ptype: Any, args: list, ctx: Any) -> list:
    from emshell.engine.conversion import convert_to
    from emshell.engine.primitives import TypedArray

    count = int(_arg(args[0], "System.Int32", "new", "length"))
    if count < 0:
        raise DotNetException("System.OverflowException", "Arithmetic operation resulted in an overflow.")
    check_element_count(count)
    element = ptype.element_type
    if element is None or element.full_name == "System.Object":
        return [None] * count
    default = convert_to(None, element) if element.value_type else None
    return TypedArray([default] * count, element.full_name)


def _new_stringbuilder(ptype: Any, args: list, ctx: Any) -> StringBuilder:
    if not args:
        return StringBuilder()
    if isinstance(args[0], int) and not isinstance(args[0], bool):
        return StringBuilder("", int(args[0]))
    capacity = int(_arg(args[1], "System.Int32", "new", "capacity")) if len(args) > 1 else 16
    return StringBuilder(to_string(args[0]), capacity)


def _new_by_name(ptype: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.psobject import PSObject

    full = ptype.full_name
    if full.endswith("PSNoteProperty"):
        from emshell.engine.members import NoteProperty

        return NoteProperty(to_string(args[0]), args[1] if len(args) > 1 else None)
    if full.endswith("PSCredential"):
        return PSObject((("UserName", to_string(args[0])), ("Password", args[1])),
                        (full, "System.Object"))  # fmt: skip
    raise DotNetException("System.MissingMethodException", f"Constructor on type '{full}' not found.")


_CONSTRUCTORS: dict[str, tuple[Any, tuple[int, ...]]] = {
    "arraylist": (_new_collection, (0, 1)),
    "list": (_new_collection, (0, 1)),
    "hashset": (_new_collection, (0, 1, 2)),
    "hashtable": (_new_hashtable, (0, 1, 2)),
    "ordered": (_new_hashtable, (0, 1)),
    "dictionary": (_new_dictionary, (0, 1, 2)),
    "datetime": (_new_datetime, (1, 2, 3, 6, 7, 8)),
    "timespan": (_new_timespan, (1, 3, 4, 5)),
    "guid": (lambda p, a, c: Guid.parse(to_string(a[0])) if a else Guid("0" * 32), (0, 1)),
    "version": (_new_version, (0, 1, 2, 3, 4)),
    "regex": (_new_regex, (1, 2)),
    "string": (_new_string, (1, 2)),
    "object": (_new_object, (0,)),
    "psobject": (_new_object, (0, 1)),
    "pscustomobject": (_new_object, (0,)),
    "exception": (_new_exception, (0, 1, 2)),
    "array": (_new_array, (1,)),
    "stringbuilder": (_new_stringbuilder, (0, 1, 2)),
    "ref": (lambda p, a, c: PSReference(a[0] if a else None), (0, 1)),
    "class": (_new_by_name, (1, 2)),
}
