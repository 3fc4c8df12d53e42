"""PowerShell's value primitives: truthiness, string conversion, enumeration, equality, ordering.

These are the rules of ``System.Management.Automation.LanguagePrimitives`` that every other
layer leans on: ``if ($x)``, ``"$x"``, ``foreach``, ``-eq`` and ``Sort-Object`` all come here.

Numbers.  A Python ``int`` is an Int32 or an Int64 by magnitude (see ``psobject``); the other
integer types (``[byte]``, ``[long]`` ...) are ``int`` subclasses that carry their .NET name, and
``[float]`` (System.Single) is a ``float`` subclass.  Typed arrays (``[string[]]``) are
``TypedArray`` lists that remember their element type.

The run-time context protocol
-----------------------------
Value operations that need the session take a ``ctx`` argument (``None`` means
``DefaultContext()``).  Any object with these members will do:

``ctx.now() -> datetime.datetime``
    the session's current local time (naive), so tests can freeze the clock;
``ctx.new_guid() -> str``
    a new GUID string (seeded in tests);
``ctx.set_matches(value)``
    assign ``$Matches`` (a ``Hashtable``) after a successful scalar ``-match``;
``ctx.invoke_scriptblock(sb, args, dollar_under=...) -> list``
    run a script block (``.Where()``, ``.ForEach()``, script methods and properties) and
    return its output objects;
``ctx.ofs -> str``
    the ``$OFS`` separator used when an array becomes a string.

A context may also set ``supports_this = True`` and accept ``this=`` in ``invoke_scriptblock``
so that script methods and script properties see ``$this``; without it the object is passed
as ``$_``.

Value hooks
-----------
Besides ``PS_TYPE_NAMES``/``PS_PROPERTIES`` (see ``psobject``), a .NET-like class may define:
``ToString()`` (its text), ``ps_to_string()`` (a culture-invariant text for ``"$x"`` when it
differs from ``ToString()``, as for DateTime), ``ps_format(spec)`` (IFormattable),
``ps_compare(other)`` (``other`` already converted to its type), ``ps_equals(other,
case_sensitive)`` (``other`` as the script gave it, so a type may parse text itself), ``ps_is_true()``, ``ps_enumerate()`` (an enumerable that is not a list),
``ps_get_index(i)``/``ps_set_index(i, v)``, ``ps_set_property(name, value, ctx)`` (validate
or convert assignments), ``ps_operator(op, right)`` (``+ - * / %``; ``NotImplemented`` to
decline) and ``PS_METHODS`` (name -> accepted argument counts; see ``members``).
"""

from __future__ import annotations

from emshell.engine.errors import ErrorRecord, NetException, PSError, new_error
from emshell.engine.limits import checked_join
from emshell.engine.psobject import ARGUMENT_NUMBER_TYPES, ArrayList, Char, Hashtable, PSObject, type_names_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


# --------------------------------------------------------------------------- context


class DefaultContext:
    """A stand-alone run-time context: the real clock, random GUIDs, ``$OFS`` = ' '.

    ``now`` freezes the clock (a ``datetime``); ``guids`` are handed out in order before random
    ones; script blocks given to ``invoke_scriptblock`` may be Python callables, called as
    ``sb(dollar_under, *args)`` (a list result is the output, ``None`` is no output).
    """

    __slots__ = ("ofs", "matches", "_now", "_guids")

    supports_this = False

    def __init__(self, now: Any = None, guids: list[str] | None = None, ofs: str = " "):
        self.ofs = ofs
        self.matches: Any = None
        self._now = now
        self._guids = list(guids or ())

    def now(self) -> Any:
        if self._now is not None:
            return self._now
        from datetime import datetime

        return datetime.now()

    def new_guid(self) -> str:
        if self._guids:
            return self._guids.pop(0)
        import uuid

        return str(uuid.uuid4())

    def set_matches(self, matches: Any) -> None:
        self.matches = matches

    def invoke_scriptblock(self, sb: Any, args: list, dollar_under: Any = None) -> list:
        if not callable(sb):
            raise TypeError("DefaultContext can only invoke Python callables")
        result = sb(dollar_under, *args)
        if result is None:
            return []
        return list(result) if isinstance(result, list) else [result]


def context_or_default(ctx: Any) -> Any:
    return ctx if ctx is not None else DefaultContext()


# --------------------------------------------------------------------------- number types


class SizedInt(int):
    """An integer of a .NET type other than Int32 (``[byte]``, ``[long]``, ``[uint64]`` ...)."""

    __slots__ = ()
    PS_TYPE_NAMES: tuple[str, ...] = ()
    MIN = 0
    MAX = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self)})"


class Byte(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.Byte", "System.ValueType", "System.Object")
    MIN, MAX = 0, 255


class SByte(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.SByte", "System.ValueType", "System.Object")
    MIN, MAX = -128, 127


class Int16(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.Int16", "System.ValueType", "System.Object")
    MIN, MAX = -(2**15), 2**15 - 1


class UInt16(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.UInt16", "System.ValueType", "System.Object")
    MIN, MAX = 0, 2**16 - 1


class UInt32(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.UInt32", "System.ValueType", "System.Object")
    MIN, MAX = 0, 2**32 - 1


class Int64(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.Int64", "System.ValueType", "System.Object")
    MIN, MAX = -(2**63), 2**63 - 1


class UInt64(SizedInt):
    __slots__ = ()
    PS_TYPE_NAMES = ("System.UInt64", "System.ValueType", "System.Object")
    MIN, MAX = 0, 2**64 - 1


class Single(float):
    """``[float]`` / ``[single]``: printed with 7 significant digits."""

    __slots__ = ()
    PS_TYPE_NAMES = ("System.Single", "System.ValueType", "System.Object")

    def __repr__(self) -> str:
        return f"Single({float(self)!r})"


INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# .NET full name -> (min, max, Python class or None for plain int)
INTEGER_TYPES: dict[str, tuple[int, int, type | None]] = {
    "System.Byte": (0, 255, Byte),
    "System.SByte": (-128, 127, SByte),
    "System.Int16": (-(2**15), 2**15 - 1, Int16),
    "System.UInt16": (0, 2**16 - 1, UInt16),
    "System.Int32": (INT32_MIN, INT32_MAX, None),
    "System.UInt32": (0, 2**32 - 1, UInt32),
    "System.Int64": (INT64_MIN, INT64_MAX, Int64),
    "System.UInt64": (0, 2**64 - 1, UInt64),
}


def is_decimal(value: Any) -> bool:
    return type(value).__name__ == "Decimal" and type(value).__module__ in ("decimal", "_decimal", "_pydecimal")


def is_number(value: Any) -> bool:
    """A .NET numeric value (not bool, not char, not enum)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or is_decimal(value)


def number_type(value: Any) -> str | None:
    """The .NET name of a numeric value's type, or None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if isinstance(value, SizedInt):
            return value.PS_TYPE_NAMES[0]
        return "System.Int32" if INT32_MIN <= value <= INT32_MAX else "System.Int64"
    if isinstance(value, float):
        return "System.Single" if isinstance(value, Single) else "System.Double"
    if is_decimal(value):
        return "System.Decimal"
    return None


def make_integer(value: int, type_name: str) -> int:
    """``value`` as an integer of ``type_name`` (the caller checked the range)."""
    cls = INTEGER_TYPES[type_name][2]
    return int(value) if cls is None else cls(value)


# --------------------------------------------------------------------------- typed arrays


class TypedArray(list):
    """An array with an element type other than object: ``[string[]]``, ``[int[]]``."""

    __slots__ = ("element_type",)

    def __init__(self, items: Any = (), element_type: str = "System.Object"):
        super().__init__(items)
        self.element_type = element_type

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (self.element_type + "[]", "System.Array", "System.Object")

    def __eq__(self, other: object) -> bool:  # reference equality, as in .NET
        return self is other

    __hash__ = object.__hash__


def is_array(value: Any) -> bool:
    """A .NET array (``object[]`` or typed), as opposed to an ArrayList or other list."""
    return isinstance(value, list) and not isinstance(value, ArrayList)


# --------------------------------------------------------------------------- errors


class DotNetException(Exception):
    """A .NET exception thrown by an emulated .NET member (``Substring`` out of range ...).

    ``members`` turns it into PowerShell's ``Exception calling "X" with "N" argument(s)``.
    """

    def __init__(self, type_name: str, message: str):
        super().__init__(message)
        self.type_name = type_name
        self.message = message


def runtime_error(
    message: str,
    error_id: str,
    category: str = "InvalidOperation",
    target_object: Any = None,
    exception_type: str = "System.Management.Automation.RuntimeException",
    **kwargs: Any,
) -> PSError:
    """A terminating error as the engine raises it from an expression (``+ CategoryInfo :
    InvalidOperation: (:) [], RuntimeException``)."""
    return PSError(new_error(exception_type, message, error_id, category, target_object, **kwargs))


def dotnet_error(exc: DotNetException) -> PSError:
    """A .NET exception escaping an operator: ``OperationStopped: (:) [], ArgumentException``
    with the exception's full type name as the error id."""
    full = exc.type_name
    record = ErrorRecord(NetException(full, exc.message), full, "OperationStopped", None)
    return PSError(record)


# --------------------------------------------------------------------------- truthiness


def is_true(value: Any) -> bool:
    """PowerShell's conversion to bool (``if ($x)``, ``-not``, ``[bool]``)."""
    if value is None:
        return False
    t = type(value)
    if t is bool:
        return value
    if t is str:
        return len(value) > 0
    if t is int or t is float:
        return value != 0
    if isinstance(value, list):
        count = len(value)
        if count == 0:
            return False
        if count == 1:
            first = value[0]
            if isinstance(first, list):
                return len(first) > 0
            return is_true(first)
        return True
    if isinstance(value, str):
        return len(value) > 0
    if isinstance(value, (int, float)) or is_decimal(value):
        return value != 0
    flag = getattr(value, "ps_is_true", None)  # switch parameters, enums
    if flag is not None:
        return bool(flag())
    return True


# --------------------------------------------------------------------------- strings


def format_double(value: float, precision: int = 15) -> str:
    """A double as .NET Framework's ``ToString()`` prints it ("G15"; "G7" for Single)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"  # .NET Framework prints negative zero as 0
    mantissa, _, exp_text = f"{value:.{precision - 1}e}".partition("e")
    exponent = int(exp_text)
    sign = "-" if mantissa.startswith("-") else ""
    digits = mantissa.lstrip("-").replace(".", "").rstrip("0") or "0"
    if exponent >= precision or exponent < -4:
        body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{body}E{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    if exponent >= 0:
        if len(digits) <= exponent + 1:
            return sign + digits + "0" * (exponent + 1 - len(digits))
        return sign + digits[: exponent + 1] + "." + digits[exponent + 1 :]
    return sign + "0." + "0" * (-exponent - 1) + digits


def format_decimal(value: Any) -> str:
    """A Decimal as .NET prints it: every stored digit, never an exponent."""
    text = format(value, "f")
    if text.startswith("-") and not value:
        text = text[1:]
    return text


def dotnet_to_string(value: Any) -> str:
    """``Object.ToString()`` as .NET defines it for a value (arrays give their type name).

    Used inside error messages (``Cannot convert the "System.Object[]" value ...``) and for
    array elements and property values nested in a string conversion.
    """
    if isinstance(value, list):
        return type_names_of(value)[0]
    return to_string(value)


def to_string(value: Any, ctx: Any = None) -> str:
    """PowerShell's culture-invariant conversion to string (``"$x"``, ``[string]$x``)."""
    if value is None:
        return ""
    t = type(value)
    if t is str or t is Char:
        return value
    if t is bool:
        return "True" if value else "False"
    if t is int:
        return str(value)
    if t is float:
        return format_double(value)
    if isinstance(value, list):
        separator = " " if ctx is None else ctx.ofs
        return checked_join(separator, [dotnet_to_string(item) for item in value])
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if type(value) in ARGUMENT_NUMBER_TYPES:
        return value.argument_text  # a bare command argument converts as it was typed
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return format_double(float(value), 7 if isinstance(value, Single) else 15)
    if is_decimal(value):
        return format_decimal(value)
    convert = getattr(value, "ps_to_string", None)  # culture-invariant form (DateTime)
    if convert is not None:
        return convert()
    method = getattr(value, "ToString", None)
    if method is not None and callable(method):
        return method()
    if isinstance(value, PSObject):
        inner = "; ".join(f"{name}={dotnet_to_string(item)}" for name, item in value.items())
        return "@{" + inner + "}"
    names = getattr(value, "PS_TYPE_NAMES", None)
    if names:
        if type(value).__str__ is not object.__str__:
            return str(value)
        return names[0]
    return str(value)


def type_name(value: Any) -> str:
    """The full .NET type name of a value (``System.Int32``, ``System.Object[]``); '' for $null."""
    names = type_names_of(value)
    return names[0] if names else ""


def short_type_name(full_name: str) -> str:
    """``Type.Name`` from a full name: ``System.String[]`` -> ``String[]``,
    ``System.Collections.Generic.List`1[[System.String, ...]]`` -> ``List`1``."""
    depth = 0
    cut = 0
    for i, ch in enumerate(full_name):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "." and depth == 0:
            cut = i + 1
    name = full_name[cut:]
    if "`" in name and "[[" in name:
        name = name[: name.index("[[")]
    return name


# --------------------------------------------------------------------------- enumeration


def enumerate_value(value: Any) -> Iterator[Any] | None:
    """The elements PowerShell would stream from ``value`` in a pipeline or ``foreach``;
    ``None`` for scalars (strings, hashtables, PSObjects, ``$null``)."""
    if value is None:
        return None
    if isinstance(value, list):
        return iter(value)
    if isinstance(value, (str, Hashtable, PSObject)):
        return None
    if isinstance(value, tuple):
        return iter(value)
    enumerate_ = getattr(value, "ps_enumerate", None)  # HashSet, MatchCollection ...
    if enumerate_ is not None:
        return enumerate_()
    return None


def as_list(value: Any) -> list:
    """The elements of ``value`` as a list (a scalar gives a one-element list, $null none)."""
    if value is None:
        return []
    items = enumerate_value(value)
    return [value] if items is None else list(items)


# --------------------------------------------------------------------------- comparison


def compare_strings(a: str, b: str, ignore_case: bool = True) -> int:
    """Culture-style string ordering (en-US): letters order alphabetically regardless of case,
    and for a case-sensitive comparison lower case sorts before upper case."""
    la, lb = a.lower(), b.lower()
    if la != lb:
        return -1 if la < lb else 1
    if ignore_case or a == b:
        return 0
    for ca, cb in zip(a, b):
        if ca != cb:
            return -1 if ca.islower() else 1
    return (len(a) > len(b)) - (len(a) < len(b))


def _numeric(value: Any) -> bool:
    return is_number(value)


def _to_left_type(left: Any, right: Any) -> Any:
    """Convert ``right`` to the type of ``left`` (the rule of every PowerShell comparison)."""
    from emshell.engine import conversion

    return conversion.convert_to(right, conversion.type_of(left))


def equals(a: Any, b: Any, case_sensitive: bool = False) -> bool:
    """``a -eq b`` for a scalar ``a``: the left operand's type drives the conversion of the
    right one; a failed conversion means "not equal"."""
    if a is None:
        return b is None
    if b is None:
        return False
    if type(a) is str or (isinstance(a, str) and not isinstance(a, Char)):
        text = b if isinstance(b, str) else to_string(b)
        if case_sensitive:
            return a == text
        return a == text or a.lower() == text.lower()
    if isinstance(a, Char):
        if isinstance(b, str):
            if len(b) != 1:
                return False
            other = b
        else:
            try:
                other = _to_left_type(a, b)
            except PSError:
                return False
        return a == other if case_sensitive else a.lower() == other.lower()
    if type(a) is bool:
        return a == is_true(b)
    if _numeric(a):
        if _numeric(b):
            return a == b
        if isinstance(b, bool):
            return a == int(b)
        if isinstance(b, Char):
            return a == ord(b)
        try:
            other = _to_left_type(a, b)
        except PSError:
            return False
        return a == other
    if isinstance(a, (list, Hashtable, PSObject)):
        return a is b
    if a is b:
        return True
    custom = getattr(a, "ps_equals", None)
    if custom is not None:
        return custom(b, case_sensitive)
    try:
        other = _to_left_type(a, b)
    except PSError:
        return False
    return a is other or a == other


def compare(a: Any, b: Any, case_sensitive: bool = False) -> int:
    """Ordering for ``-lt``/``-gt``/``Sort-Object``: negative, zero or positive.

    ``$null`` sorts before everything.  An operand that cannot be converted to the left
    operand's type gives PowerShell's ``ComparisonFailure`` error.
    """
    if a is None:
        return 0 if b is None else -1
    if b is None:
        return 1
    if isinstance(a, str) and not isinstance(a, Char):
        text = b if isinstance(b, str) else to_string(b)
        return compare_strings(a, text, not case_sensitive)
    if _numeric(a) and _numeric(b):
        return (a > b) - (a < b)
    if isinstance(a, bool) and isinstance(b, bool):
        return int(a) - int(b)
    try:
        other = _to_left_type(a, b)
    except PSError as error:
        inner = error.record.Exception.Message
        raise runtime_error(
            f'Could not compare "{to_string(a)}" to "{to_string(b)}". Error: "{inner}"',
            "ComparisonFailure",
        ) from None
    if isinstance(a, Char):
        if case_sensitive:
            return (a > other) - (a < other)
        la, lo = a.upper(), other.upper()
        return (la > lo) - (la < lo)
    if isinstance(a, bool):
        return int(a) - int(other)
    if _numeric(a):
        return (a > other) - (a < other)
    custom = getattr(a, "ps_compare", None)
    if custom is not None:
        return custom(other)
    if a is other or a == other:
        return 0
    raise runtime_error(f'Cannot compare "{to_string(a)}" because it is not IComparable.', "NotIcomparable")
