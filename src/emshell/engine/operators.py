"""PowerShell's operators over evaluated values: ``binary(op, left, right)``, ``unary(op, value)``.

Operator names are the AST's canonical lower-case spellings (``+``, ``-eq``, ``-ceq``,
``-ireplace``, ``..``, ``-f`` ...).  The rules are Windows PowerShell 5.1's:

* comparisons are case-insensitive unless the ``c`` form is used, and the left operand's type
  drives the conversion of the right one; a collection on the left filters (``1,2,3 -gt 1``);
* ``-match`` on a scalar sets ``$Matches`` through ``ctx.set_matches``;
* ``-replace``/``-match``/``-split`` use .NET regular expressions (translated for ``re``);
* arithmetic widens: an Int32 or Int64 result that overflows becomes a Double, ``/`` of two
  integers gives an integer when exact and a Double otherwise, integer ``/`` or ``%`` by zero
  is "Attempted to divide by zero.";
* ``..``, ``string * n``, ``array * n``, ``+`` and ``-join`` refuse results above the
  per-value budget (``emshell.engine.limits``: ``MAX_ELEMENTS`` elements, ``MAX_STRING_LENGTH``
  characters) with the OutOfMemoryException error Windows PowerShell shows when it cannot
  allocate them (a documented emulator limit).

``-and``/``-or`` short-circuit in the interpreter; they are accepted here for completeness.
"""

from __future__ import annotations

import math

from emshell.engine import conversion
from emshell.engine.conversion import ConversionError, cannot_convert, convert_to, parse_number
from emshell.engine.errors import PSError
from emshell.engine.limits import check_element_count, check_string_length, checked_join
from emshell.engine.primitives import (
    INTEGER_TYPES,
    DotNetException,
    TypedArray,
    as_list,
    compare,
    dotnet_error,
    dotnet_to_string,
    enumerate_value,
    equals,
    is_array,
    is_decimal,
    is_true,
    make_integer,
    number_type,
    runtime_error,
    to_string,
    type_name,
)
from emshell.engine.psobject import Char, Hashtable
from emshell.engine.types import EnumValue, PSType

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# --------------------------------------------------------------------------- entry points


def binary(op: str, left: Any, right: Any, ctx: Any = None) -> Any:
    """Evaluate ``left op right``."""
    base, case_sensitive = split_operator(op)
    handler = _BINARY.get(base)
    if handler is None:
        raise ValueError(f"unknown binary operator {op!r}")
    return handler(left, right, case_sensitive, ctx)


def unary(op: str, value: Any, ctx: Any = None) -> Any:
    """Evaluate ``op value`` (``-not``, ``!``, ``-``, ``+``, ``-bnot``, ``-split``, ``-join``,
    ``,``, ``++``, ``--``)."""
    lower = op.lower()
    if lower in ("-not", "!"):
        return not is_true(value)
    if lower == "-":
        return _arith("*", _to_number(value, None), -1) if value is not None else 0
    if lower == "+":
        return _to_number(value, None) if value is not None else 0
    if lower == "-bnot":
        if isinstance(value, EnumValue):
            return value.enum_type.member(~value.value)
        number, width = _integer_operand(value)
        result = ~number
        return result if width == 32 else make_integer(result, "System.Int64")
    if lower in ("-split", "-isplit", "-csplit"):
        words: list[str] = []
        for item in as_list(value):
            words.extend(to_string(item, ctx).split())
        return TypedArray(words, "System.String")
    if lower == "-join":
        return checked_join("", [dotnet_to_string(item) for item in as_list(value)])
    if lower == ",":
        return [value]
    if lower in ("++", "--"):
        return binary(lower[0], 0 if value is None else value, 1, ctx)
    raise ValueError(f"unknown unary operator {op!r}")


_CASE_OPERATORS = frozenset((
    "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-like", "-notlike", "-match", "-notmatch", "-contains",
    "-notcontains", "-in", "-notin", "-replace", "-split",
))  # fmt: skip


def split_operator(op: str) -> tuple[str, bool]:
    """``-creplace`` -> (``-replace``, True); ``-ieq`` -> (``-eq``, False)."""
    lower = op.lower()
    if lower in _BINARY:
        return lower, False
    if len(lower) > 2 and lower[0] == "-" and lower[1] in "ci":
        base = "-" + lower[2:]
        if base in _CASE_OPERATORS:
            return base, lower[1] == "c"
    return lower, False


# --------------------------------------------------------------------------- numbers


def _to_number(value: Any, left_type: str | None) -> Any:
    """An arithmetic operand as a number (``$null`` is 0, a string is parsed)."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Char):
        return ord(value)
    if isinstance(value, (int, float)) or is_decimal(value):
        return value
    if isinstance(value, str):
        number = parse_number(value)
        if number is None:  # not a literal; PowerShell's conversion decides (and words the error)
            return convert_to(value, left_type or "System.Int32")
        return number
    if isinstance(value, EnumValue):
        return value.value
    raise cannot_convert(value, left_type or "System.Int32")


_INT_RANK = {"System.SByte": 0, "System.Byte": 0, "System.Int16": 0, "System.UInt16": 0, "System.Int32": 0,
             "System.UInt32": 1, "System.Int64": 2, "System.UInt64": 3}  # fmt: skip
_RANK_TYPES = ("System.Int32", "System.UInt32", "System.Int64", "System.UInt64")


def _divide_by_zero() -> PSError:
    return runtime_error("Attempted to divide by zero.", "RuntimeException", "NotSpecified")


def _arith(op: str, a: Any, b: Any) -> Any:
    """``a op b`` for two numbers with PowerShell's result types."""
    if is_decimal(a) or is_decimal(b):
        return _decimal_arith(op, a, b)
    if isinstance(a, float) or isinstance(b, float):
        x, y = float(a), float(b)
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "/":
            if y == 0:
                return math.nan if x == 0 or x != x else math.copysign(math.inf, x) * math.copysign(1, y)
            return x / y
        return math.fmod(x, y) if y != 0 and not math.isinf(x) else math.nan  # .NET: Infinity % y is NaN
    ta, tb = number_type(a), number_type(b)
    rank = max(_INT_RANK[ta], _INT_RANK[tb])  # type: ignore[index]
    if rank == 1 and (a < 0 or b < 0 or "UInt32" not in (ta or "") + (tb or "")):
        rank = 2  # int + uint widens to long, as in C#
    result_type = _RANK_TYPES[rank]
    x, y = int(a), int(b)
    if op == "+":
        result = x + y
    elif op == "-":
        result = x - y
    elif op == "*":
        result = x * y
    elif op == "/":
        if y == 0:
            raise _divide_by_zero()
        if x % y != 0:
            return x / y
        result = x // y
    else:
        if y == 0:
            raise _divide_by_zero()
        result = abs(x) % abs(y) * (-1 if x < 0 else 1)
    lo, hi, _ = INTEGER_TYPES[result_type]
    if lo <= result <= hi:
        return make_integer(result, result_type)
    return float(result)


def _decimal_arith(op: str, a: Any, b: Any) -> Any:
    from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

    x = a if is_decimal(a) else Decimal(f"{a:.15g}") if isinstance(a, float) else Decimal(int(a))
    y = b if is_decimal(b) else Decimal(f"{b:.15g}") if isinstance(b, float) else Decimal(int(b))
    with localcontext() as context:
        context.prec = 29
        try:
            if op == "+":
                result = x + y
            elif op == "-":
                result = x - y
            elif op == "*":
                result = x * y
            elif op == "/":
                if y == 0:
                    raise _divide_by_zero()
                result = x / y
            else:
                if y == 0:
                    raise _divide_by_zero()
                result = x % y  # the sign of the dividend, as in .NET
        except (DivisionByZero, InvalidOperation):
            raise _divide_by_zero() from None
    if abs(result) > Decimal(79228162514264337593543950335):
        raise dotnet_error(DotNetException("System.OverflowException",
                                           "Value was either too large or too small for a Decimal."))  # fmt: skip
    return result


_OP_METHODS = {"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply", "/": "op_Division",
               "%": "op_Modulus"}  # fmt: skip


def _no_operator(op: str, left: Any) -> PSError:
    return runtime_error(
        f"Method invocation failed because [{type_name(left)}] does not contain a method named '{_OP_METHODS[op]}'.",
        "MethodNotFound",
    )


def _numeric(op: str, left: Any, right: Any) -> Any:
    left_number = _to_number(left, None)
    right_number = _to_number(right, number_type(left_number))
    return _arith(op, left_number, right_number)


def _is_numeric_like(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, Char)) or is_decimal(value)


def _add(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    if left is None:
        if right is None:
            return None
        if isinstance(right, (str, list, Hashtable)) or not _is_numeric_like(right):
            return right
        return _numeric("+", 0, right)
    if isinstance(left, str) and not isinstance(left, Char):
        text = to_string(right, ctx)
        check_string_length(len(left) + len(text))
        return left + text
    if isinstance(left, list):
        extra = list(right) if isinstance(right, list) else [right]
        check_element_count(len(left) + len(extra))
        return list(left) + extra
    if isinstance(left, Hashtable):
        return _merge_hashtables(left, right)
    if isinstance(left, Char) and isinstance(right, str) and not isinstance(right, Char):
        return left + right
    if _is_numeric_like(left) or isinstance(left, EnumValue):
        return _numeric("+", left, right)
    return _object_arith("+", left, right)


def _merge_hashtables(left: Hashtable, right: Any) -> Hashtable:
    if not isinstance(right, Hashtable):
        raise runtime_error("A hash table can only be added to another hash table.", "AddHashTableToNonHashTable")
    result = left.copy()
    for key, value in right.items():
        if key in result:
            existing = next(k for k in result.keys() if (k.lower() if isinstance(k, str) else k) ==
                            (key.lower() if isinstance(key, str) else key))  # fmt: skip
            raise dotnet_error(DotNetException(
                "System.ArgumentException",
                f"Item has already been added. Key in dictionary: '{to_string(existing)}'  Key being added: "
                f"'{to_string(key)}'",
            ))  # fmt: skip
        result[key] = value
    return result


def _object_arith(op: str, left: Any, right: Any) -> Any:
    from emshell.engine.dotnet import DateTime, TimeSpan

    if isinstance(left, DateTime):
        if op == "-" and isinstance(right, DateTime):
            return TimeSpan(left.ticks - right.ticks)
        if op in "+-":
            span = _as_timespan(right)
            try:
                return left._add_ticks(span.ticks if op == "+" else -span.ticks)
            except DotNetException as error:
                raise dotnet_error(error) from None
    if isinstance(left, TimeSpan) and op in "+-":
        span = _as_timespan(right)
        return TimeSpan(left.ticks + span.ticks if op == "+" else left.ticks - span.ticks)
    hook = getattr(left, "ps_operator", None)  # Exchange value types (ByteQuantifiedSize ...)
    if hook is not None:
        result = hook(op, right)
        if result is not NotImplemented:
            return result
    raise _no_operator(op, left)


def _as_timespan(value: Any) -> Any:
    from emshell.engine.dotnet import TimeSpan

    if isinstance(value, TimeSpan):
        return value
    return convert_to(value, "System.TimeSpan")


def _subtract(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    return _arith_op("-", left, right)


def _multiply(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    if isinstance(left, str) and not isinstance(left, Char):
        count = int(convert_to(right, "System.Int32"))
        if count <= 0:
            return ""
        check_string_length(len(left) * count)
        return left * count
    if isinstance(left, list):
        count = int(convert_to(right, "System.Int32"))
        if count <= 0:
            return []
        check_element_count(len(left) * count)
        return list(left) * count
    return _arith_op("*", left, right)


def _divide(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    return _arith_op("/", left, right)


def _modulus(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    return _arith_op("%", left, right)


def _arith_op(op: str, left: Any, right: Any) -> Any:
    if isinstance(left, (list, Hashtable)):
        raise _no_operator(op, left)
    if left is None or _is_numeric_like(left) or isinstance(left, (str, EnumValue)):
        return _numeric(op, left, right)
    return _object_arith(op, left, right)


# --------------------------------------------------------------------------- comparison


def _filtering(predicate: Callable[[Any, Any, bool], bool]) -> Callable[[Any, Any, bool, Any], Any]:
    """A comparison operator: a scalar left gives a bool, a collection on the left the
    elements for which it holds."""

    def operator(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
        items = enumerate_value(left)
        if items is None:
            return predicate(left, right, cs)
        return [item for item in items if predicate(item, right, cs)]

    return operator


def _eq(a: Any, b: Any, cs: bool) -> bool:
    return equals(a, b, cs)


def _ne(a: Any, b: Any, cs: bool) -> bool:
    return not equals(a, b, cs)


def _gt(a: Any, b: Any, cs: bool) -> bool:
    return compare(a, b, cs) > 0


def _ge(a: Any, b: Any, cs: bool) -> bool:
    return compare(a, b, cs) >= 0


def _lt(a: Any, b: Any, cs: bool) -> bool:
    return compare(a, b, cs) < 0


def _le(a: Any, b: Any, cs: bool) -> bool:
    return compare(a, b, cs) <= 0


def _contains(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    items = enumerate_value(left)
    return any(equals(item, right, cs) for item in ([left] if items is None else items))


def _notcontains(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return not _contains(left, right, cs, ctx)


def _in(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return _contains(right, left, cs, ctx)


def _notin(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return not _contains(right, left, cs, ctx)


# --------------------------------------------------------------------------- wildcards

_wildcards: dict[tuple[str, bool], Any] = {}


def compile_wildcard(pattern: str, case_sensitive: bool = False) -> Any:
    """A PowerShell wildcard (``*``, ``?``, ``[a-z]``, backtick escapes) as a compiled regex
    that must match the whole text."""
    import re

    if pattern is None:  # a $null among a cmdlet's -Name patterns matches only the empty name
        pattern = ""
    key = (pattern, case_sensitive)
    found = _wildcards.get(key)
    if found is not None:
        return found
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "`" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if ch == "*":
            out.append(".*")
        elif ch == "?":
            out.append(".")
        elif ch == "[":
            end = i + 1
            body: list[str] = []
            while end < n and pattern[end] != "]":
                if pattern[end] == "`" and end + 1 < n:
                    end += 1
                    body.append(re.escape(pattern[end]))
                elif pattern[end] == "-" and body and end + 1 < n and pattern[end + 1] != "]":
                    if pattern[end - 1] > pattern[end + 1]:  # a reversed range ([t-U]) matches nothing
                        body.pop()
                        end += 2
                        continue
                    body.append("-")
                else:
                    body.append(re.escape(pattern[end]))
                end += 1
            if end >= n:
                raise PSError(_wildcard_error(pattern))
            out.append("[" + "".join(body) + "]" if body else "(?!)")
            i = end + 1
            continue
        else:
            out.append(re.escape(ch))
        i += 1
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    try:
        found = re.compile("".join(out), flags)
    except re.error:
        raise PSError(_wildcard_error(pattern)) from None
    if len(_wildcards) > 500:
        _wildcards.clear()
    _wildcards[key] = found
    return found


def _wildcard_error(pattern: str) -> Any:
    from emshell.engine.errors import new_error

    return new_error("System.Management.Automation.WildcardPatternException",
                     f"The specified wildcard character pattern is not valid: {pattern}", "RuntimeException",
                     "NotSpecified")  # fmt: skip


def wildcard_match(pattern: str, text: str, case_sensitive: bool = False) -> bool:
    """``text -like pattern``."""
    return compile_wildcard(pattern, case_sensitive).fullmatch(text) is not None


def _like(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    regex = compile_wildcard(to_string(right, ctx), cs)
    items = enumerate_value(left)
    if items is None:
        return regex.fullmatch(to_string(left, ctx)) is not None
    return [item for item in items if regex.fullmatch(to_string(item, ctx)) is not None]


def _notlike(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    regex = compile_wildcard(to_string(right, ctx), cs)
    items = enumerate_value(left)
    if items is None:
        return regex.fullmatch(to_string(left, ctx)) is None
    return [item for item in items if regex.fullmatch(to_string(item, ctx)) is None]


# --------------------------------------------------------------------------- regular expressions


def compile_pattern(pattern: str, case_sensitive: bool, options: int = 0) -> Any:
    """Compile a .NET pattern for an operator; a bad one is InvalidRegularExpression."""
    from emshell.engine.dotnet import RegexParseError, compile_regex

    try:
        return compile_regex(pattern, options | (0 if case_sensitive else 1))
    except RegexParseError:
        raise runtime_error(f"The regular expression pattern {pattern} is not valid.", "InvalidRegularExpression",
                            target_object=pattern) from None  # fmt: skip


def matches_table(match: Any) -> Hashtable:
    """``$Matches`` for a successful match: named groups, then numbered ones from the highest
    (the order Windows PowerShell's hashtable happens to show)."""
    from emshell.engine.dotnet import group_order

    named: list[tuple[Any, str]] = []
    numbered: list[tuple[Any, str]] = []
    for name, number in group_order(match.re):
        value = match.group(number)
        if value is None:
            continue
        if name.isdigit():
            numbered.append((int(name), value))
        else:
            named.append((name, value))
    return Hashtable(named + list(reversed(numbered)))


def _match(left: Any, right: Any, cs: bool, ctx: Any, negate: bool = False) -> Any:
    regex = compile_pattern(to_string(right, ctx), cs)
    items = enumerate_value(left)
    if items is None:
        found = regex.search(to_string(left, ctx))
        if found is not None and ctx is not None:
            ctx.set_matches(matches_table(found))
        return (found is None) if negate else (found is not None)
    return [item for item in items if (regex.search(to_string(item, ctx)) is None) == negate]


def _notmatch(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    return _match(left, right, cs, ctx, negate=True)


def _replace(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    from emshell.engine.dotnet import replacement_function

    if isinstance(right, list):
        if len(right) > 2:
            raise runtime_error(f"The -replace operator allows only two elements to follow it, not {len(right)}.",
                                "BadReplaceArgument")  # fmt: skip
        pattern = right[0] if right else ""
        replacement = right[1] if len(right) > 1 else ""
    else:
        pattern, replacement = right, ""
    regex = compile_pattern(to_string(pattern, ctx), cs)
    substitute = replacement_function(to_string(replacement, ctx), regex)
    items = enumerate_value(left)
    if items is None:
        replaced = regex.sub(substitute, to_string(left, ctx))
        check_string_length(len(replaced))
        return replaced
    return [regex.sub(substitute, to_string(item, ctx)) for item in items]


def _split_options(value: Any) -> int:
    from emshell.engine.types import EnumType

    global _SPLIT_OPTIONS
    if _SPLIT_OPTIONS is None:
        _SPLIT_OPTIONS = EnumType(
            "System.Management.Automation.SplitOptions",
            ("None", "SimpleMatch", "RegexMatch", "CultureInvariant", "IgnorePatternWhitespace", "Multiline",
             "Singleline", "IgnoreCase", "ExplicitCapture"),
            flags=True, values=(0, 1, 2, 4, 8, 16, 32, 64, 128),
        )  # fmt: skip
    return convert_to(value, _SPLIT_OPTIONS).value


_SPLIT_OPTIONS: Any = None


def _split(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    from emshell.engine.dotnet import regex_split

    args = right if isinstance(right, list) else [right]
    if not args:
        args = [" "]
    delimiter = args[0]
    limit = int(convert_to(args[1], "System.Int32")) if len(args) > 1 else 0
    options = _split_options(args[2]) if len(args) > 2 and args[2] is not None else 0
    if options & 1 and options & 2:
        raise runtime_error("Cannot combine SimpleMatch with RegexMatch.", "InvalidSplitOptionCombination")
    if limit < 0:
        limit = 0
    pieces: list[str] = []
    inputs = as_list(left) if left is not None else [None]
    if callable(delimiter) or type_name(delimiter) == "System.Management.Automation.ScriptBlock":
        for item in inputs:
            pieces.extend(_split_with_script(to_string(item, ctx), delimiter, limit, ctx))
        return TypedArray(pieces, "System.String")
    pattern = to_string(delimiter, ctx)
    if options & 1:
        import re

        pattern = re.escape(pattern)
    regex_options = 1 if not cs or options & 64 else 0  # IgnoreCase
    for bit, flag in ((16, 2), (32, 16), (8, 32), (128, 4)):  # Multiline, Singleline, IgnorePatternWhitespace, ExplicitCapture
        if options & bit:
            regex_options |= flag
    regex = compile_pattern(pattern, True, regex_options)
    for item in inputs:
        pieces.extend(regex_split(regex, to_string(item, ctx), max(limit - 1, 0)))
    return TypedArray(pieces, "System.String")


def _split_with_script(text: str, delimiter: Any, limit: int, ctx: Any) -> list[str]:
    from emshell.engine.primitives import context_or_default

    runner = context_or_default(ctx)
    pieces: list[str] = []
    start = 0
    for position, ch in enumerate(text):
        if limit and len(pieces) + 1 >= limit:
            break
        if is_true(runner.invoke_scriptblock(delimiter, [], dollar_under=Char(ch))):
            pieces.append(text[start:position])
            start = position + 1
    pieces.append(text[start:])
    return pieces


def _join(left: Any, right: Any, cs: bool, ctx: Any) -> str:
    separator = to_string(right, ctx)
    return checked_join(separator, [dotnet_to_string(item) for item in as_list(left)])


def _format(left: Any, right: Any, cs: bool, ctx: Any) -> str:
    from emshell.engine.dotnet_format import FormatError, format_composite

    fmt = to_string(left, ctx)
    args = list(right) if is_array(right) else [right]  # an object[] spreads; an ArrayList is one argument
    try:
        return format_composite(fmt, args)
    except FormatError as error:
        raise runtime_error(f"Error formatting a string: {error.message}.", "FormatError",
                            target_object=fmt) from None  # fmt: skip
    except DotNetException as error:
        raise runtime_error(f"Error formatting a string: {error.message}.", "FormatError",
                            target_object=fmt) from None  # fmt: skip


# --------------------------------------------------------------------------- types


def _type_operand(right: Any, operator: str) -> PSType:
    if isinstance(right, PSType):
        return right
    ptype = convert_to(right, "System.Type")
    if ptype is None:  # $null converts to no type
        raise runtime_error(f"The right operand of '{operator}' must be a type.",
                            f"{operator[1:].capitalize()}OperatorRequiresType")  # fmt: skip
    return ptype


def _is(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return _type_operand(right, "-is").is_instance(left)


def _isnot(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return not _is(left, right, cs, ctx)


def _as(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
    ptype = _type_operand(right, "-as")
    return conversion.try_convert(left, ptype, ctx)[1]


# --------------------------------------------------------------------------- bitwise and logic


def _integer_operand(value: Any) -> tuple[int, int]:
    """A bitwise operand as (integer, width in bits: 32 or 64)."""
    if isinstance(value, EnumValue):
        return value.value, 32
    number = _to_number(value, None)
    if isinstance(number, float) or is_decimal(number):
        number = int(convert_to(number, "System.Int64"))
    kind = number_type(number)
    width = 64 if kind in ("System.Int64", "System.UInt64", "System.UInt32") else 32
    return int(number), width


def _bitwise(function: Callable[[int, int], int]) -> Callable[[Any, Any, bool, Any], Any]:
    def operator(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
        a, wa = _integer_operand(left)
        b, wb = _integer_operand(right)
        result = function(a, b)
        if isinstance(left, EnumValue):
            return left.enum_type.member(result)
        if max(wa, wb) == 32:
            return result
        return make_integer(result, "System.Int64") if -(2**63) <= result < 2**63 else result

    return operator


def _shift(left_shift: bool) -> Callable[[Any, Any, bool, Any], Any]:
    def operator(left: Any, right: Any, cs: bool, ctx: Any) -> Any:
        a, width = _integer_operand(left)
        count, _ = _integer_operand(right)
        count &= width - 1
        if left_shift:
            result = (a << count) & ((1 << width) - 1)
            if result >= 1 << (width - 1):
                result -= 1 << width
        else:
            result = a >> count
        return result if width == 32 else make_integer(result, "System.Int64")

    return operator


def _and(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return is_true(left) and is_true(right)


def _or(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return is_true(left) or is_true(right)


def _xor(left: Any, right: Any, cs: bool, ctx: Any) -> bool:
    return is_true(left) != is_true(right)


# --------------------------------------------------------------------------- range


def _range(left: Any, right: Any, cs: bool, ctx: Any) -> list:
    start = int(convert_to(left, "System.Int32"))
    end = int(convert_to(right, "System.Int32"))
    check_element_count(abs(end - start) + 1)
    step = 1 if end >= start else -1
    return list(range(start, end + step, step))


_BINARY: dict[str, Callable[[Any, Any, bool, Any], Any]] = {
    "+": _add,
    "-": _subtract,
    "*": _multiply,
    "/": _divide,
    "%": _modulus,
    "-eq": _filtering(_eq),
    "-ne": _filtering(_ne),
    "-gt": _filtering(_gt),
    "-ge": _filtering(_ge),
    "-lt": _filtering(_lt),
    "-le": _filtering(_le),
    "-like": _like,
    "-notlike": _notlike,
    "-match": _match,
    "-notmatch": _notmatch,
    "-contains": _contains,
    "-notcontains": _notcontains,
    "-in": _in,
    "-notin": _notin,
    "-replace": _replace,
    "-split": _split,
    "-join": _join,
    "-f": _format,
    "-is": _is,
    "-isnot": _isnot,
    "-as": _as,
    "-band": _bitwise(lambda a, b: a & b),
    "-bor": _bitwise(lambda a, b: a | b),
    "-bxor": _bitwise(lambda a, b: a ^ b),
    "-shl": _shift(True),
    "-shr": _shift(False),
    "-and": _and,
    "-or": _or,
    "-xor": _xor,
    "..": _range,
}

__all__ = ["binary", "unary", "split_operator", "compile_wildcard", "wildcard_match", "compile_pattern",
           "matches_table", "ConversionError"]  # fmt: skip
