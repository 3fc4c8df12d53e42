"""``LanguagePrimitives.ConvertTo``: casts, ``-as``, typed variables and parameter conversion.

``convert_to(value, target)`` converts a PowerShell value to a type (a ``PSType`` or a name as a
script writes it) or raises ``ConversionError`` with PowerShell's exact message and error id:

    Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."
    Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".

The rules follow Windows PowerShell 5.1: ``''`` and ``$null`` become 0 for numbers; strings
parse with the invariant culture (hex ``0x``, thousands separators, through-double rounding
to even for integers: ``[int]'2.5'`` is 2); any non-empty string is ``$true``; enums take
names in any case, unique prefixes and (for flags) comma lists; a scalar given to an array
type becomes a one-element array; ``[scriptblock]`` refuses strings.
"""

from __future__ import annotations

import math
import re

from emshell.engine.errors import ErrorRecord, NetException, PSError
from emshell.engine.limits import check_element_count
from emshell.engine.primitives import (
    INTEGER_TYPES,
    Single,
    TypedArray,
    dotnet_to_string,
    is_array,
    is_decimal,
    is_true,
    make_integer,
    runtime_error,
    to_string,
    type_name,
)
from emshell.engine.psobject import ArrayList, Char, Hashtable, PSObject
from emshell.engine.types import EnumType, EnumValue, PSType, resolve_type, type_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

__all__ = ["ConversionError", "convert_to", "try_convert", "convert_argument", "parse_number",
           "resolve_type", "type_of"]  # fmt: skip

SMA = "System.Management.Automation."
BAD_FORMAT = "Input string was not in a correct format."

# What .NET's OverflowException says for each integer type.
_OVERFLOW_NOUN = {
    "System.Byte": "an unsigned byte", "System.SByte": "a signed byte", "System.Int16": "an Int16",
    "System.UInt16": "a UInt16", "System.Int32": "an Int32", "System.UInt32": "a UInt32",
    "System.Int64": "an Int64", "System.UInt64": "a UInt64", "System.Decimal": "a Decimal",
    "System.Char": "a character",
}  # fmt: skip


class ConversionError(PSError):
    """A failed conversion.  ``message`` is PowerShell's text (the binder wraps it in
    "Cannot bind parameter 'X'. <message>"); ``error_id`` its FullyQualifiedErrorId."""

    def __init__(self, message: str, error_id: str, value: Any = None, target: str = ""):
        self.message = message
        self.error_id = error_id
        self.value = value
        self.target = target
        super().__init__(self.make_record())

    def make_record(self, target_object: Any = None) -> ErrorRecord:
        """The record a failed cast gives in an expression:
        ``InvalidArgument: (:) [], RuntimeException`` with the conversion's error id."""
        inner = NetException(SMA + "PSInvalidCastException", self.message)
        exception = NetException(SMA + "RuntimeException", self.message, inner)
        return ErrorRecord(exception, self.error_id, "InvalidArgument", target_object)

    def make_assignment_record(self) -> ErrorRecord:
        """The record a type-constrained variable gives (``[datetime]$d = $null``):
        ``MetadataError: (:) [], ArgumentTransformationMetadataException``, id RuntimeException."""
        inner = NetException(SMA + "PSInvalidCastException", self.message)
        exception = NetException(SMA + "ArgumentTransformationMetadataException", self.message, inner)
        return ErrorRecord(exception, "RuntimeException", "MetadataError", None)


def _with_inner(value: Any, target: str, inner: str, error_id: str) -> ConversionError:
    return ConversionError(
        f'Cannot convert value "{dotnet_to_string(value)}" to type "{target}". Error: "{inner}"', error_id, value, target
    )


def cannot_convert(value: Any, target: str, error_id: str = "ConvertToFinalInvalidCastException") -> ConversionError:
    """``Cannot convert the "v" value of type "T1" to type "T2".``"""
    return ConversionError(
        f'Cannot convert the "{dotnet_to_string(value)}" value of type "{type_name(value)}" to type "{target}".',
        error_id, value, target,
    )  # fmt: skip


# --------------------------------------------------------------------------- entry points


def _target(target: str | PSType) -> PSType:
    if isinstance(target, PSType):
        return target
    ptype = resolve_type(target)
    if ptype is None:
        raise runtime_error(f"Unable to find type [{target}].", "TypeNotFound", target_name=target,
                            target_type="TypeName")  # fmt: skip
    return ptype


def convert_to(value: Any, target: str | PSType, ctx: Any = None) -> Any:
    """Convert ``value`` to ``target`` as ``[T]value`` does; ``ConversionError`` on failure."""
    ptype = _target(target)
    kind = ptype.kind
    if kind == "object" or kind == "psobject":
        return value
    if kind == "void":
        return None
    if value is None:
        return _from_null(ptype)
    if kind == "enum":
        return _to_enum(value, ptype)  # type: ignore[arg-type]
    if kind is None or kind not in _HANDLERS:
        if ptype.is_instance(value):
            return value
        converted = _custom(value, ptype, ctx)
        if converted is not NotImplemented:
            return converted
        raise cannot_convert(value, ptype.full_name)
    return _HANDLERS[kind](value, ptype, ctx)


def try_convert(value: Any, target: str | PSType, ctx: Any = None) -> tuple[bool, Any]:
    """``value -as [T]``: (True, converted) or (False, None)."""
    try:
        return True, convert_to(value, target, ctx)
    except ConversionError:
        return False, None


def convert_argument(value: Any, target: str | PSType, method: str, parameter: str) -> Any:
    """Convert a .NET method argument; failure is PowerShell's
    MethodArgumentConversionInvalidCastArgument error."""
    ptype = _target(target)
    try:
        return convert_to(value, ptype)
    except ConversionError as error:
        raise runtime_error(
            f'Cannot convert argument "{parameter}", with value: "{to_string(value)}", for "{method}" to type '
            f'"{ptype.full_name}": "{error.message}"',
            "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
            exception_type=SMA + "MethodException",
        ) from None  # fmt: skip


def _custom(value: Any, ptype: PSType, ctx: Any) -> Any:
    try:
        return ptype.custom_convert(value, ctx)
    except ConversionError:
        raise
    except PSError:
        raise
    except Exception as error:  # a registered converter's own failure
        message = getattr(error, "message", None) or str(error)
        raise _with_inner(value, ptype.full_name, message, "InvalidCastParseTargetInvocation") from None


# --------------------------------------------------------------------------- null

_NULL_DEFAULTS: dict[str, Any] = {"string": "", "bool": False, "switch": False}


def _from_null(ptype: PSType) -> Any:
    kind = ptype.kind
    if kind in _NULL_DEFAULTS:
        return _NULL_DEFAULTS[kind]
    if kind == "char":
        return Char("\0")
    if kind == "int":
        return make_integer(0, ptype.full_name)
    if kind == "float":
        return Single(0.0) if ptype.full_name == "System.Single" else 0.0
    if kind == "decimal":
        from decimal import Decimal

        return Decimal(0)
    if kind == "enum":
        names = ",".join(ptype.names)  # type: ignore[attr-defined]
        raise ConversionError(
            f'Cannot convert null to type "{ptype.full_name}" due to enumeration values that are not valid. '
            f"Specify one of the following enumeration values and try again. The possible enumeration values "
            f'are "{names}".',
            "nullToObjectInvalidCast", None, ptype.full_name,
        )  # fmt: skip
    if ptype.value_type and kind != "nullable":
        raise ConversionError(f'Cannot convert null to type "{ptype.full_name}".', "nullToObjectInvalidCast",
                              None, ptype.full_name)  # fmt: skip
    return None


# --------------------------------------------------------------------------- numbers

# Number shapes (compiled on first use; the re module caches them).
_INT_TEXT = r"\s*[+-]?\d+\s*"
_REAL_TEXT = r"\s*[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*"
_DECIMAL_TEXT = r"\s*[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)\s*"
_HEX_TEXT = r"\s*(?:0[xX]|&[hH]|#)([0-9a-fA-F]+)\s*"


def _bits(full: str) -> int:
    lo, hi, _ = INTEGER_TYPES[full]
    return (hi - lo).bit_length()


def _parse_real(text: str) -> float | None:
    """``Double.Parse`` with NumberStyles.Float | AllowThousands, invariant culture."""
    stripped = text.strip()
    lower = stripped.lower()
    if lower in ("infinity", "+infinity"):
        return float("inf")
    if lower == "-infinity":
        return float("-inf")
    if lower == "nan":
        return float("nan")
    if not re.fullmatch(_REAL_TEXT, text):
        return None
    try:
        return float(stripped.replace(",", ""))
    except ValueError:
        return None


def _round_even(value: Any) -> int:
    if isinstance(value, float):
        return round(value)
    from decimal import ROUND_HALF_EVEN

    return int(value.to_integral_value(rounding=ROUND_HALF_EVEN))  # quantize fails past 28 digits


def _integer_from_string(text: str, full: str) -> int:
    lo, hi, _ = INTEGER_TYPES[full]
    if text == "":
        return 0
    hex_match = re.fullmatch(_HEX_TEXT, text)
    if hex_match:
        number = int(hex_match.group(1), 16)
        bits = _bits(full)
        if number >= 1 << bits:
            raise _with_inner(text, full, f"Value was either too large or too small for {_OVERFLOW_NOUN[full]}.",
                              "InvalidCastFromStringToInteger")  # fmt: skip
        if lo < 0 and number > hi:
            number -= 1 << bits  # two's complement, as Convert.ToInt32(text, 16)
        return number
    if re.fullmatch(_INT_TEXT, text):
        number = int(text.strip())
        if not lo <= number <= hi:
            raise _with_inner(text, full, f"Value was either too large or too small for {_OVERFLOW_NOUN[full]}.",
                              "InvalidCastFromStringToInteger")  # fmt: skip
        return number
    real = _parse_real(text)  # PowerShell retries through double: [int]'1.5', [int]'1e3', [int]'1,000'
    if real is not None and real == real and real not in (float("inf"), float("-inf")):
        number = _round_even(real)
        if lo <= number <= hi:
            return number
    raise _with_inner(text, full, BAD_FORMAT, "InvalidCastFromStringToInteger")


def _invalid_cast(value: Any, source: str, target: str) -> ConversionError:
    return _with_inner(value, "System." + target, f"Invalid cast from '{source}' to '{target}'.", "InvalidCastIConvertible")


def _to_integer(value: Any, ptype: PSType, ctx: Any) -> int:
    full = ptype.full_name
    lo, hi, _ = INTEGER_TYPES[full]
    if isinstance(value, str):
        if isinstance(value, Char):
            number = ord(value)
        else:
            return make_integer(_integer_from_string(value, full), full)
    elif isinstance(value, int):
        number = int(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > 2.0**64:
            raise _with_inner(value, full, f"Value was either too large or too small for {_OVERFLOW_NOUN[full]}.",
                              "InvalidCastIConvertible")  # fmt: skip
        number = round(value)
    elif is_decimal(value):
        number = _round_even(value)
    elif isinstance(value, EnumValue):
        number = value.value
    else:
        return _fallback(value, ptype, ctx)
    if not lo <= number <= hi:
        raise _with_inner(value, full, f"Value was either too large or too small for {_OVERFLOW_NOUN[full]}.",
                          "InvalidCastIConvertible")  # fmt: skip
    return make_integer(number, full)


def _to_real(value: Any, ptype: PSType, ctx: Any) -> float:
    single = ptype.full_name == "System.Single"
    if isinstance(value, Char):
        raise _invalid_cast(value, "Char", ptype.name)
    if isinstance(value, str):
        if value == "":
            number = 0.0
        else:
            parsed = _parse_real(value)
            if parsed is None:
                raise _with_inner(value, ptype.full_name, BAD_FORMAT, "InvalidCastFromStringToDoubleOrSingle")
            number = parsed
    elif isinstance(value, (int, float)) or is_decimal(value):
        number = float(value)
    elif isinstance(value, EnumValue):
        number = float(value.value)
    else:
        return _fallback(value, ptype, ctx)
    if single:
        import struct

        try:
            return Single(struct.unpack("f", struct.pack("f", number))[0])
        except OverflowError:
            return Single(float("inf") if number > 0 else float("-inf"))
    return number


_DECIMAL_MAX = 79228162514264337593543950335


def _to_decimal(value: Any, ptype: PSType, ctx: Any) -> Any:
    from decimal import Decimal, InvalidOperation

    overflow = "Value was either too large or too small for a Decimal."
    if is_decimal(value):
        return value
    if isinstance(value, Char):
        raise _invalid_cast(value, "Char", "Decimal")
    if isinstance(value, str):
        if value == "":
            return Decimal(0)
        if re.fullmatch(_DECIMAL_TEXT, value):
            result = Decimal(value.strip().replace(",", ""))
        else:
            real = _parse_real(value)
            if real is None or real != real or real in (float("inf"), float("-inf")):
                raise _with_inner(value, "System.Decimal", BAD_FORMAT, "InvalidCastFromStringToDecimal")
            result = Decimal(f"{real:.15g}")
        if abs(result) > _DECIMAL_MAX:
            raise _with_inner(value, "System.Decimal", overflow, "InvalidCastFromStringToDecimal")
        return result
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > _DECIMAL_MAX:
            raise _with_inner(value, "System.Decimal", overflow, "InvalidCastIConvertible")
        try:
            return Decimal(f"{value:.{7 if isinstance(value, Single) else 15}g}")
        except InvalidOperation:  # pragma: no cover - format always yields a number
            raise _with_inner(value, "System.Decimal", overflow, "InvalidCastIConvertible") from None
    if isinstance(value, int):
        return Decimal(int(value))
    if isinstance(value, EnumValue):
        return Decimal(value.value)
    return _fallback(value, ptype, ctx)


def _to_char(value: Any, ptype: PSType, ctx: Any) -> Char:
    if isinstance(value, str):
        if len(value) == 1:
            return value if isinstance(value, Char) else Char(value)
        raise _with_inner(value, "System.Char", "String must be exactly one character long.",
                          "InvalidCastParseTargetInvocation")  # fmt: skip
    if isinstance(value, bool):
        raise _invalid_cast(value, "Boolean", "Char")
    if isinstance(value, int):
        if not 0 <= value <= 0xFFFF:
            raise _with_inner(value, "System.Char", "Value was either too large or too small for a character.",
                              "InvalidCastIConvertible")  # fmt: skip
        return Char(chr(int(value)))
    if isinstance(value, float):
        raise _invalid_cast(value, "Single" if isinstance(value, Single) else "Double", "Char")
    if is_decimal(value):
        raise _invalid_cast(value, "Decimal", "Char")
    return _fallback(value, ptype, ctx)


def parse_number(text: str) -> Any:
    """A string read as a PowerShell number for arithmetic (``5 + '10'``, ``'3' * 2`` ...):
    decimal or hex integers (Int32, else Int64, else Double), reals, the ``d``/``l`` type
    suffixes and the ``kb``..``pb`` multipliers.  ``None`` when the text is not a number."""
    stripped = text.strip()
    if stripped == "":
        return 0
    match = re.fullmatch(
        r"([+-]?)(0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([ld])?(kb|mb|gb|tb|pb)?", stripped, re.IGNORECASE
    )
    if match is None:
        real = _parse_real(stripped)
        return real
    sign, body, suffix, multiplier = match.groups()
    scale = {"kb": 2**10, "mb": 2**20, "gb": 2**30, "tb": 2**40, "pb": 2**50}.get((multiplier or "").lower(), 1)
    if body.lower().startswith("0x"):
        number: Any = int(body, 16)
    elif any(c in body.lower() for c in ".e"):
        number = float(body)
    else:
        number = int(body)
    if (suffix or "").lower() == "d":
        from decimal import Decimal

        number = Decimal(body) if not body.lower().startswith("0x") else Decimal(number)
        return (-number if sign == "-" else number) * scale
    number = number * scale
    if sign == "-":
        number = -number
    if isinstance(number, int) and not -(2**63) <= number < 2**63:
        return float(number)
    if (suffix or "").lower() == "l":
        return make_integer(number, "System.Int64") if isinstance(number, int) else number
    return number


# --------------------------------------------------------------------------- enums


def _to_enum(value: Any, ptype: EnumType) -> EnumValue:
    full = ptype.full_name
    if isinstance(value, EnumValue):
        if value.enum_type is ptype:
            return value
        number = value.value
    elif isinstance(value, str):
        return _enum_from_string(value, ptype)
    elif isinstance(value, bool) or not (isinstance(value, int) or isinstance(value, float) or is_decimal(value)):
        if isinstance(value, list):
            return _enum_from_string(",".join(to_string(item) for item in value), ptype)
        raise cannot_convert(value, full)
    else:
        if isinstance(value, float) and not math.isfinite(value):
            raise _undefined_enum(value, ptype, "UndefinedInEnumSingleTypeConverter")
        number = _round_even(value) if not isinstance(value, int) else int(value)
    if not ptype.is_defined(number):
        raise _undefined_enum(value, ptype, "UndefinedInEnumSingleTypeConverter")
    return ptype.member(number)


def _undefined_enum(value: Any, ptype: EnumType, error_id: str) -> ConversionError:
    names = ",".join(ptype.names)
    return ConversionError(
        f'Cannot convert value "{dotnet_to_string(value)}" to type "{ptype.full_name}" due to enumeration values '
        f"that are not valid. Specify one of the following enumeration values and try again. The possible "
        f'enumeration values are "{names}".',
        error_id, value, ptype.full_name,
    )  # fmt: skip


def _enum_from_string(text: str, ptype: EnumType) -> EnumValue:
    pieces = text.split(",")
    values = [ptype.lookup(piece) for piece in pieces]
    if all(v is not None for v in values) and text.strip():
        if len(pieces) > 1 and not ptype.flags:
            raise ConversionError(
                f'Cannot convert value "{text}" to type "{ptype.full_name}" because no commas are allowed for '
                "this enumeration.", "InvalidCastExceptionEnumerationNoFlagAndComma", text, ptype.full_name,
            )  # fmt: skip
        number = 0
        for v in values:
            number |= v  # type: ignore[operator]
        if not ptype.is_defined(number):
            raise _undefined_enum(text, ptype, "EnumParseUndefined")
        return ptype.member(number)
    try:
        name = ptype.disambiguate(text)
    except ValueError as error:
        raise _with_inner(text, ptype.full_name, str(error), "SubstringDisambiguationEnumParseThrewAnException") from None
    return ptype[name]


# --------------------------------------------------------------------------- collections


def _items_of(value: Any) -> list:
    """Elements for a collection conversion (strings and hashtables are single items)."""
    if isinstance(value, list):
        return list(value)
    if hasattr(value, "ps_enumerate"):
        return list(value.ps_enumerate())
    return [value]


def _to_array(value: Any, ptype: PSType, ctx: Any) -> list:
    element = ptype.element_type
    if element is None:  # [array] / System.Array
        if is_array(value):
            return value
        return _items_of(value)
    if element.full_name == "System.Object":
        if type(value) is list:
            return value
        return list(_items_of(value))
    if isinstance(value, TypedArray) and value.element_type == element.full_name:
        return value
    if element.full_name == "System.Char" and isinstance(value, str):
        check_element_count(len(value))
        return TypedArray((Char(c) for c in value), "System.Char")  # [char[]]'abc' is String.ToCharArray
    return TypedArray((convert_to(item, element, ctx) for item in _items_of(value)), element.full_name)


def _to_hashtable(value: Any, ptype: PSType, ctx: Any) -> Hashtable:
    if isinstance(value, Hashtable) and type(value) is Hashtable and not value.ordered:
        return value
    if isinstance(value, Hashtable):
        return Hashtable(value.items())
    if isinstance(value, int) and not isinstance(value, bool):
        return Hashtable()  # Hashtable(int capacity), as PowerShell's constructor conversion finds it
    return _fallback(value, ptype, ctx)


def _to_ordered(value: Any, ptype: PSType, ctx: Any) -> Hashtable:
    if isinstance(value, Hashtable):
        return value if value.ordered else Hashtable(value.items(), ordered=True)
    return _fallback(value, ptype, ctx)


def _to_custom_object(value: Any, ptype: PSType, ctx: Any) -> Any:
    if isinstance(value, Hashtable):
        return PSObject((to_string(key), item) for key, item in value.items())
    return value


def _to_arraylist(value: Any, ptype: PSType, ctx: Any) -> ArrayList:
    if isinstance(value, ArrayList) and value.type_name == ptype.full_name:
        return value
    if isinstance(value, list) or hasattr(value, "ps_enumerate"):
        return ArrayList(_items_of(value), ptype.full_name)
    if isinstance(value, int) and not isinstance(value, bool):
        return ArrayList((), ptype.full_name)  # ArrayList(int capacity)
    return _fallback(value, ptype, ctx)


def _to_generic_list(value: Any, ptype: PSType, ctx: Any) -> ArrayList:
    if isinstance(value, ArrayList) and value.type_name == ptype.full_name:
        return value
    element = ptype.element_type
    return ArrayList((convert_to(item, element, ctx) for item in _items_of(value)), ptype.full_name)  # type: ignore[arg-type]


def _to_dictionary(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import Dictionary

    if isinstance(value, Dictionary) and value.type_name == ptype.full_name:
        return value
    if not isinstance(value, Hashtable):
        return _fallback(value, ptype, ctx)
    key_type, value_type = ptype.generic_args
    result = Dictionary(ptype.full_name, key_type, value_type)
    for key, item in value.items():
        result[convert_to(key, key_type, ctx)] = convert_to(item, value_type, ctx)
    return result


def _to_hashset(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import HashSet

    if isinstance(value, HashSet) and value.type_name == ptype.full_name:
        return value
    element = ptype.element_type
    return HashSet(ptype.full_name, element, (convert_to(item, element, ctx) for item in _items_of(value)))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- .NET value types


def _parse_with(value: Any, ptype: PSType, ctx: Any, parse: Any, instance: type) -> Any:
    from emshell.engine.primitives import DotNetException

    if isinstance(value, instance):
        return value
    if not isinstance(value, str):
        return _fallback(value, ptype, ctx)
    try:
        return parse(value)
    except DotNetException as error:
        raise _with_inner(value, ptype.full_name, error.message, "InvalidCastParseTargetInvocation") from None
    except ValueError as error:
        raise _with_inner(value, ptype.full_name, str(error), "InvalidCastParseTargetInvocation") from None


def _to_datetime(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import DateTime, parse_datetime

    if isinstance(value, int) and not isinstance(value, bool):
        return _construct(value, ptype, lambda: DateTime(int(value)))
    return _parse_with(value, ptype, ctx, lambda text: parse_datetime(text, ctx), DateTime)


def _to_timespan(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import TimeSpan, parse_timespan

    if isinstance(value, int) and not isinstance(value, bool):
        return TimeSpan(int(value))
    return _parse_with(value, ptype, ctx, parse_timespan, TimeSpan)


def _to_guid(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import Guid

    return _parse_with(value, ptype, ctx, Guid.parse, Guid)


def _to_version(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import Version

    return _parse_with(value, ptype, ctx, Version.parse, Version)


def _to_ipaddress(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import IPAddress

    return _parse_with(value, ptype, ctx, IPAddress.parse, IPAddress)


def _to_regex(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import Regex, RegexParseError

    if isinstance(value, Regex):
        return value
    text = value if isinstance(value, str) else to_string(value)
    try:
        return Regex(text)
    except RegexParseError as error:
        raise _with_inner(value, ptype.full_name, error.message, "InvalidCastFromStringToRegex") from None


def _to_type(value: Any, ptype: PSType, ctx: Any) -> PSType:
    if isinstance(value, PSType):
        return value
    if isinstance(value, str):
        found = resolve_type(value)
        if found is None:
            raise cannot_convert(value, "System.Type", "InvalidCastFromStringToType")
        return found
    return _fallback(value, ptype, ctx)


def _to_stringbuilder(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import StringBuilder

    if isinstance(value, StringBuilder):
        return value
    return StringBuilder(to_string(value))


def _to_ref(value: Any, ptype: PSType, ctx: Any) -> Any:
    from emshell.engine.dotnet import PSReference

    return value if isinstance(value, PSReference) else PSReference(value)


def _to_exception(value: Any, ptype: PSType, ctx: Any) -> Any:
    if ptype.is_instance(value):
        return value
    if isinstance(value, str):
        return NetException(ptype.full_name, value)
    return _fallback(value, ptype, ctx)


def _to_nullable(value: Any, ptype: PSType, ctx: Any) -> Any:
    return convert_to(value, ptype.generic_args[0], ctx)


def _to_scriptblock(value: Any, ptype: PSType, ctx: Any) -> Any:
    if ptype.is_instance(value):
        return value
    raise cannot_convert(value, ptype.full_name)


def _to_xml(value: Any, ptype: PSType, ctx: Any) -> Any:
    if ptype.is_instance(value):
        return value
    import xml.etree.ElementTree as ElementTree

    text = to_string(value, ctx)
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        line, column = getattr(error, "position", (1, 1))
        raise _with_inner(value, ptype.full_name, f"Data at the root level is invalid. Line {line}, position {column + 1}.",
                          "InvalidCastToXmlDocument") from None  # fmt: skip
    document = PSObject([(root.tag, _xml_node(root))], ("System.Xml.XmlDocument", "System.Xml.XmlNode", "System.Object"))
    return document


def _xml_node(element: Any) -> Any:
    """An element as PowerShell's XML adapter shows it: attributes and child elements as
    properties; a leaf without attributes is its text."""
    children = list(element)
    if not children and not element.attrib:
        return element.text or ""
    node = PSObject((), ("System.Xml.XmlElement", "System.Xml.XmlLinkedNode", "System.Xml.XmlNode", "System.Object"))
    for name, item in element.attrib.items():
        node.set_property(name, item)
    for child in children:
        item = _xml_node(child)
        existing = node.get_property(child.tag, _ABSENT)
        if existing is _ABSENT:
            node.set_property(child.tag, item)
        elif isinstance(existing, list):
            existing.append(item)
        else:
            node.set_property(child.tag, [existing, item])
    if element.text and element.text.strip() and children:
        node.set_property("#text", element.text.strip())
    return node


_ABSENT = object()


def _construct(value: Any, ptype: PSType, build: Any) -> Any:
    from emshell.engine.primitives import DotNetException

    try:
        return build()
    except DotNetException as error:
        raise _with_inner(value, ptype.full_name, error.message, "InvalidCastConstructorException") from None


def _fallback(value: Any, ptype: PSType, ctx: Any) -> Any:
    """The last resort: the value already is the type, or a registered converter, or fail."""
    if ptype.is_instance(value):
        return value
    converted = _custom(value, ptype, ctx)
    if converted is not NotImplemented:
        return converted
    raise cannot_convert(value, ptype.full_name)


def _to_string(value: Any, ptype: PSType, ctx: Any) -> str:
    return to_string(value, ctx)


def _to_bool(value: Any, ptype: PSType, ctx: Any) -> bool:
    return is_true(value)


def _instance_or_fail(value: Any, ptype: PSType, ctx: Any) -> Any:
    return _fallback(value, ptype, ctx)


_HANDLERS: dict[str, Any] = {
    "string": _to_string,
    "bool": _to_bool,
    "switch": _to_bool,
    "char": _to_char,
    "int": _to_integer,
    "float": _to_real,
    "decimal": _to_decimal,
    "array": _to_array,
    "hashtable": _to_hashtable,
    "ordered": _to_ordered,
    "pscustomobject": _to_custom_object,
    "arraylist": _to_arraylist,
    "list": _to_generic_list,
    "dictionary": _to_dictionary,
    "hashset": _to_hashset,
    "datetime": _to_datetime,
    "timespan": _to_timespan,
    "guid": _to_guid,
    "version": _to_version,
    "ipaddress": _to_ipaddress,
    "regex": _to_regex,
    "type": _to_type,
    "stringbuilder": _to_stringbuilder,
    "ref": _to_ref,
    "exception": _to_exception,
    "nullable": _to_nullable,
    "scriptblock": _to_scriptblock,
    "xml": _to_xml,
    "static": _instance_or_fail,
    "class": _instance_or_fail,
    "interface": _instance_or_fail,
    "valuetype": _instance_or_fail,
}
