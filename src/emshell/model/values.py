"""Exchange value types: parsing what an administrator types, printing what EMS shows.

Each type has ``parse(text)`` (raising ``ValueParseError``, a ``ValueError``), a ``__str__``
that gives EMS's display form, equality, and the ``PS_TYPE_NAMES`` / ``PS_PROPERTIES`` protocol
the engine reads.  Where Exchange's exact wording of a parse error could not be found, the
message is an approximation listed in APPROXIMATIONS.md.

The enums used by the UM cmdlets live in ``emshell.model.enums`` (re-exported here).
"""

from __future__ import annotations

from emshell.model.enums import ENUMS, EnumValue, FlagsValue, enum_class, enum_value  # noqa: F401
from emshell.model.errors import DomainRuleError, PropertyValidationError, ValueParseError

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

EXCHANGE_DATA = "Microsoft.Exchange.Data."
MAX_INT64 = 2**63 - 1


# --------------------------------------------------------------------------- typed strings


class TypedStr(str):
    """A string that keeps the .NET type it stands for (``Guid``, ``Fqdn``, ``SmtpAddress``...)."""

    __slots__ = ()
    TYPE_NAMES: tuple[str, ...] = ("System.String", "System.Object")
    PS_PROPERTIES: tuple[str, ...] = ()

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return self.TYPE_NAMES

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class Guid(TypedStr):
    """A ``System.Guid`` in its lower-case ``8-4-4-4-12`` form."""

    __slots__ = ()
    TYPE_NAMES = ("System.Guid", "System.ValueType", "System.Object")

    @classmethod
    def parse(cls, text: object) -> Guid:
        import re

        word = str(text).strip().strip("{}")
        if not re.fullmatch(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", word):
            raise ValueParseError(
                "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                target=text,
            )
        return cls(word.lower())


def is_guid(text: str) -> bool:
    try:
        Guid.parse(text)
    except ValueParseError:
        return False
    return True


class ExchangeObjectVersion(TypedStr):
    """``ExchangeVersion`` of a directory object, e.g. ``0.1 (8.0.535.0)``."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "ExchangeObjectVersion", "System.Object")


class ServerVersion(TypedStr):
    """``AdminDisplayVersion``: ``Version 15.1 (Build 2507.6)``."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "ServerVersion", "System.Object")

    @classmethod
    def parse(cls, text: object) -> ServerVersion:
        import re

        match = re.fullmatch(r"\s*Version (\d+)\.(\d+) \(Build (\d+)\.(\d+)\)\s*", str(text))
        if not match:
            raise ValueParseError(
                f"'{text}' is not a server version like 'Version 15.1 (Build 2507.6)'.", target=text
            )
        return cls(f"Version {int(match[1])}.{int(match[2])} (Build {int(match[3])}.{int(match[4])})")

    @property
    def parts(self) -> tuple[int, int, int, int]:
        """(major, minor, build, revision)."""
        head, _, build = str(self)[len("Version "):].partition(" (Build ")
        major, minor = head.split(".")
        number, revision = build.rstrip(")").split(".")
        return int(major), int(minor), int(number), int(revision)


class SmtpAddress(TypedStr):
    """An SMTP address (``local@domain``)."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "SmtpAddress", "System.ValueType", "System.Object")

    @classmethod
    def parse(cls, text: object) -> SmtpAddress:
        import re

        word = str(text).strip()
        if not re.fullmatch(r"[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", word):
            raise ValueParseError(f'"{word}" isn\'t a valid SMTP address.', target=text)
        return cls(word)


class ProxyAddress(TypedStr):
    """An entry of ``EmailAddresses``: ``SMTP:...``, ``smtp:...``, ``EUM:...``, ``eum:...``.
    An upper-case prefix marks the primary address of its kind."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "ProxyAddress", "System.Object")

    @property
    def prefix(self) -> str:
        return str(self).partition(":")[0]

    @property
    def address(self) -> str:
        return str(self).partition(":")[2]

    @property
    def is_primary(self) -> bool:
        return self.prefix.isupper()


# --------------------------------------------------------------------------- sizes


class ByteQuantifiedSize:
    """A size in bytes that prints as ``10 MB (10,485,760 bytes)``."""

    __slots__ = ("_bytes",)
    PS_TYPE_NAMES = (EXCHANGE_DATA + "ByteQuantifiedSize", "System.ValueType", "System.Object")
    PS_PROPERTIES: tuple[str, ...] = ()
    UNITS = (("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1))

    def __init__(self, byte_count: int):
        if not 0 <= byte_count <= MAX_INT64:
            raise ValueParseError(
                f'The value "{byte_count}" is out of range: a size must be from 0 through {MAX_INT64} bytes.',
                target=byte_count,
            )
        self._bytes = int(byte_count)

    @property
    def bytes(self) -> int:
        return self._bytes

    @classmethod
    def from_units(cls, amount: int, unit: str) -> ByteQuantifiedSize:
        return cls(amount * dict(cls.UNITS)[unit.upper()])

    @classmethod
    def parse(cls, text: object) -> ByteQuantifiedSize:
        """``10MB``, ``10 MB``, ``1.5GB``, ``10485760`` (bytes), ``10 MB (10,485,760 bytes)``."""
        if isinstance(text, ByteQuantifiedSize):
            return text
        if isinstance(text, int) and not isinstance(text, bool):
            return cls(text)
        import re

        word = str(text).strip()
        match = re.fullmatch(
            r"(\d[\d,]*)(?:\.(\d+))?\s*(B|KB|MB|GB|TB)?(?:\s*\(\s*(\d[\d,]*)\s*bytes\s*\))?", word, re.IGNORECASE
        )
        if not match:
            raise cls.bad_format(text)
        whole, fraction, unit, exact = match.groups()
        if exact is not None:
            return cls(int(exact.replace(",", "")))
        size = dict(cls.UNITS)[(unit or "B").upper()]
        digits = (fraction or "").rstrip("0")
        scaled = int(whole.replace(",", "") + digits) * size
        quotient, remainder = divmod(scaled, 10 ** len(digits))
        if remainder:
            raise cls.bad_format(text)
        if quotient > MAX_INT64:
            raise ValueParseError(
                f'The value "{word}" is out of range: a size must be from 0 through {MAX_INT64} bytes.',
                target=text,
            )
        return cls(quotient)

    @staticmethod
    def bad_format(text: object) -> ValueParseError:
        return ValueParseError(
            f'The value "{text}" isn\'t a valid size. Enter a number, optionally followed by B, KB, MB, GB '
            f"or TB (for example, 10MB).",
            target=text,
        )

    def short(self) -> str:
        """The amount in the largest unit that divides it exactly (``250 MB``, ``1536 KB``)."""
        for unit, size in self.UNITS:
            if self._bytes and self._bytes % size == 0:
                return f"{self._bytes // size} {unit}"
        return f"{self._bytes} B"

    def __str__(self) -> str:
        unit, size = next(((u, s) for u, s in self.UNITS if self._bytes >= s), ("B", 1))
        integral = self._bytes // size
        decimals = max(0, 4 - len(str(integral)))
        scaled, _ = divmod(self._bytes * 10**decimals * 2 + size, 2 * size)  # round half up
        whole, part = divmod(scaled, 10**decimals)
        amount = str(whole)
        if decimals and part:
            amount += "." + str(part).rjust(decimals, "0").rstrip("0")
        return f"{amount} {unit} ({self._bytes:,} bytes)"

    def __repr__(self) -> str:
        return f"ByteQuantifiedSize({self._bytes})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ByteQuantifiedSize) and other._bytes == self._bytes

    def __hash__(self) -> int:
        return hash(("bqs", self._bytes))

    def __lt__(self, other: ByteQuantifiedSize) -> bool:
        return self._bytes < other._bytes

    def __le__(self, other: ByteQuantifiedSize) -> bool:
        return self._bytes <= other._bytes


_CLR_NAMES = {
    "ByteQuantifiedSize": EXCHANGE_DATA + "ByteQuantifiedSize, Microsoft.Exchange.Data, Version=15.0.0.0, "
    "Culture=neutral, PublicKeyToken=31bf3856ad364e35",
    "Int32": "System.Int32, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
    "EnhancedTimeSpan": EXCHANGE_DATA + "EnhancedTimeSpan, Microsoft.Exchange.Data, Version=15.0.0.0, "
    "Culture=neutral, PublicKeyToken=31bf3856ad364e35",
}


class Unlimited:
    """``Unlimited[T]``: either the word ``Unlimited`` or a bounded value of type T
    (``ByteQuantifiedSize`` or ``int``)."""

    __slots__ = ("value", "of")
    PS_PROPERTIES = ("IsUnlimited", "Value")

    def __init__(self, value: Any = None, of: str = "ByteQuantifiedSize"):
        self.value = value  # None means unlimited
        self.of = of

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (f"{EXCHANGE_DATA}Unlimited`1[[{_CLR_NAMES[self.of]}]]", "System.ValueType", "System.Object")

    @property
    def is_unlimited(self) -> bool:
        return self.value is None

    @property
    def IsUnlimited(self) -> bool:
        return self.value is None

    @property
    def Value(self) -> Any:
        return self.value

    @classmethod
    def parse(cls, text: object, of: str = "ByteQuantifiedSize") -> Unlimited:
        if isinstance(text, Unlimited):
            return text
        if str(text).strip().lower() == "unlimited":
            return cls(None, of)
        if of == "ByteQuantifiedSize":
            return cls(ByteQuantifiedSize.parse(text), of)
        if of == "EnhancedTimeSpan":
            return cls(EnhancedTimeSpan.parse(text), of)
        if isinstance(text, int) and not isinstance(text, bool):
            return cls(text, of)
        word = str(text).strip()
        if word.lstrip("-").isdigit():
            return cls(int(word), of)
        raise ValueParseError(f'The value "{word}" isn\'t valid. Enter a number or "Unlimited".', target=text)

    def short(self) -> str:
        if self.value is None:
            return "Unlimited"
        return self.value.short() if isinstance(self.value, ByteQuantifiedSize) else str(self.value)

    def __str__(self) -> str:
        return "Unlimited" if self.value is None else str(self.value)

    def __repr__(self) -> str:
        return f"Unlimited({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unlimited) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("unlimited", self.value))

    def exceeds(self, bound: Any) -> bool:
        """True when this limit is larger than ``bound`` (a bounded value or Unlimited)."""
        other = bound.value if isinstance(bound, Unlimited) else bound
        if other is None:
            return False
        if self.value is None:
            return True
        return other < self.value


# --------------------------------------------------------------------------- time spans


class EnhancedTimeSpan:
    """A duration that prints as .NET's ``TimeSpan``: ``30.00:00:00``, ``01:30:00``."""

    __slots__ = ("ticks",)
    PS_TYPE_NAMES = (EXCHANGE_DATA + "EnhancedTimeSpan", "System.ValueType", "System.Object")
    PS_PROPERTIES: tuple[str, ...] = ()
    TICKS_PER_SECOND = 10_000_000
    MAX_TICKS = MAX_INT64

    def __init__(self, ticks: int):
        self.ticks = int(ticks)

    @classmethod
    def from_parts(cls, days: int = 0, hours: int = 0, minutes: int = 0, seconds: int = 0) -> EnhancedTimeSpan:
        return cls((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * cls.TICKS_PER_SECOND)

    @property
    def total_seconds(self) -> float:
        return self.ticks / self.TICKS_PER_SECOND

    @classmethod
    def parse(cls, text: object) -> EnhancedTimeSpan:
        """.NET ``TimeSpan.Parse``: ``d``, ``hh:mm``, ``hh:mm:ss``, ``d.hh:mm:ss``, ``d:hh:mm:ss``,
        each with an optional ``.fffffff`` fraction of a second and a leading ``-``."""
        if isinstance(text, EnhancedTimeSpan):
            return text
        word = str(text).strip()
        negative = word.startswith("-")
        body = word[1:] if negative else word
        days = hours = minutes = seconds = 0
        fraction = "0"
        parts = body.split(":")
        try:
            if len(parts) == 1:
                days = cls._number(parts[0])
            elif len(parts) in (2, 3):
                head, _, first = parts[0].rpartition(".")
                days = cls._number(head) if head else 0
                hours = cls._number(first)
                minutes = cls._number(parts[1])
                if len(parts) == 3:
                    whole, dot, fraction = parts[2].partition(".")
                    seconds = cls._number(whole)
                    fraction = cls._fraction(fraction) if dot else "0"
            elif len(parts) == 4:
                days, hours, minutes = (cls._number(p) for p in parts[:3])
                whole, dot, fraction = parts[3].partition(".")
                seconds = cls._number(whole)
                fraction = cls._fraction(fraction) if dot else "0"
            else:
                raise ValueError
        except ValueError:
            raise ValueParseError("String was not recognized as a valid TimeSpan.", target=text) from None
        if hours > 23 or minutes > 59 or seconds > 59 or days > 10675199:
            raise ValueParseError(
                "The TimeSpan could not be parsed because at least one of the numeric components is out of "
                "range or contains too many digits.",
                target=text,
                exception_type="System.OverflowException",
            )
        ticks = cls.from_parts(days, hours, minutes, seconds).ticks + int(fraction.ljust(7, "0"))
        return cls(-ticks if negative else ticks)

    @staticmethod
    def _number(text: str) -> int:
        if not text.isdigit() or not text.isascii():
            raise ValueError(text)
        return int(text)

    @staticmethod
    def _fraction(text: str) -> str:
        if not text.isdigit() or len(text) > 7:
            raise ValueError(text)
        return text

    def __str__(self) -> str:
        sign = "-" if self.ticks < 0 else ""
        seconds, fraction = divmod(abs(self.ticks), self.TICKS_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        hours, minute = divmod(minutes, 60)
        days, hour = divmod(hours, 24)
        text = f"{hour:02d}:{minute:02d}:{second:02d}"
        if days:
            text = f"{days}.{text}"
        if fraction:
            text += f".{fraction:07d}"
        return sign + text

    def __repr__(self) -> str:
        return f"EnhancedTimeSpan({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EnhancedTimeSpan) and other.ticks == self.ticks

    def __hash__(self) -> int:
        return hash(("timespan", self.ticks))

    def __lt__(self, other: EnhancedTimeSpan) -> bool:
        return self.ticks < other.ticks


# --------------------------------------------------------------------------- schedules

DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
MINUTES_PER_WEEK = 7 * 24 * 60


class ScheduleInterval:
    """One weekly interval: ``Sun.2:00 AM-Sun.2:30 AM``.  ``start`` and ``end`` are minutes from
    Sunday midnight; an interval may wrap round the end of the week."""

    __slots__ = ("start", "end")
    PS_TYPE_NAMES = ("Microsoft.Exchange.Common.ScheduleInterval", "System.ValueType", "System.Object")
    PS_PROPERTIES: tuple[str, ...] = ()
    FORMAT_HINT = "StartDay.Hour:Minute [AM | PM]-EndDay.Hour:Minute [AM | PM]"

    def __init__(self, start: int, end: int):
        self.start = start % MINUTES_PER_WEEK
        self.end = end % MINUTES_PER_WEEK

    @property
    def duration(self) -> int:
        """Length in minutes (0 when start and end meet)."""
        return (self.end - self.start) % MINUTES_PER_WEEK

    @classmethod
    def parse(cls, text: object) -> ScheduleInterval:
        """The forms the reference documents: ``Sun.11:30 PM-Mon.1:30 AM``, ``6.22:00-6.22:15``,
        ``Sun.1:15 AM-Monday.23:00``; days by full name, abbreviation or 0-6 (0 = Sunday); minutes
        are rounded down to a quarter hour."""
        if isinstance(text, ScheduleInterval):
            return text
        word = str(text).strip()
        first, dash, second = word.partition("-")
        if not dash or "-" in second:
            raise cls.bad_format(text)
        start = cls._moment(first.strip(), text)
        end = cls._moment(second.strip(), text)
        interval = cls(start, end)
        if interval.duration < 15:
            raise ValueParseError(
                f'The start time and end time of the schedule interval "{word}" must be at least 15 minutes '
                f"apart.",
                target=text,
            )
        return interval

    @classmethod
    def bad_format(cls, text: object) -> ValueParseError:
        return ValueParseError(
            f'"{text}" isn\'t a valid schedule interval. Use the format {cls.FORMAT_HINT}.', target=text
        )

    @classmethod
    def _moment(cls, text: str, whole: object) -> int:
        import re

        match = re.fullmatch(r"([A-Za-z]+|\d)\.(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?", text)
        if not match:
            raise cls.bad_format(whole)
        day_text, hour_text, minute_text, meridiem = match.groups()
        day = cls._day(day_text)
        hour, minute = int(hour_text), int(minute_text)
        if day is None or minute > 59:
            raise cls.bad_format(whole)
        if meridiem:
            if not 1 <= hour <= 12:
                raise cls.bad_format(whole)
            hour = hour % 12 + (12 if meridiem.upper() == "PM" else 0)
        elif hour > 23:
            raise cls.bad_format(whole)
        return (day * 24 + hour) * 60 + minute - minute % 15

    @staticmethod
    def _day(text: str) -> int | None:
        if text.isdigit():
            number = int(text)
            return number if number <= 6 else None
        lowered = text.lower()
        for index, name in enumerate(DAY_NAMES):
            if lowered in (name.lower(), name[:3].lower()):
                return index
        return None

    @staticmethod
    def _format_moment(minutes: int) -> str:
        day, rest = divmod(minutes % MINUTES_PER_WEEK, 24 * 60)
        hour, minute = divmod(rest, 60)
        clock = 12 if hour % 12 == 0 else hour % 12
        return f"{DAY_NAMES[day][:3]}.{clock}:{minute:02d} {'AM' if hour < 12 else 'PM'}"

    def __str__(self) -> str:
        return f"{self._format_moment(self.start)}-{self._format_moment(self.end)}"

    def __repr__(self) -> str:
        return f"ScheduleInterval({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScheduleInterval) and (other.start, other.end) == (self.start, self.end)

    def __hash__(self) -> int:
        return hash(("schedule", self.start, self.end))

    @classmethod
    def daily(cls, start_minute: int, end_minute: int) -> list[ScheduleInterval]:
        """The same interval on each day from Sunday to Saturday."""
        day = 24 * 60
        return [cls(d * day + start_minute, d * day + end_minute) for d in range(7)]


def check_schedule(intervals: Iterable[ScheduleInterval], one_start_per_day: bool = False) -> None:
    """Several intervals must leave at least 15 minutes between each other (and, for grammar
    generation, start at most once a day)."""
    ordered = sorted(intervals, key=lambda i: i.start)
    for earlier, later in zip(ordered, ordered[1:]):
        if later.start - (earlier.start + earlier.duration) < 15:
            raise PropertyValidationError(
                f'The schedule intervals "{earlier}" and "{later}" must be at least 15 minutes apart.',
                error_id="ScheduleIntervalConflict",
            )
    if one_start_per_day:
        days = [i.start // (24 * 60) for i in ordered]
        if len(days) != len(set(days)):
            raise PropertyValidationError(
                "Only one start time per day is allowed in the schedule.", error_id="ScheduleIntervalConflict"
            )


# --------------------------------------------------------------------------- collections


class MultiValuedProperty(list):
    """Exchange's multi-valued property: a list that prints as ``{a, b, c}``.

    Set- cmdlets replace it (``-X a,b``) or edit it (``-X @{Add=...; Remove=...}``).  The
    16-item ``$FormatEnumerationLimit`` of EMS is the formatter's business, not this class's.
    """

    __slots__ = ("item_type",)

    def __init__(self, items: Iterable[Any] = (), item_type: str = "System.String"):
        super().__init__(items)
        self.item_type = item_type

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (
            f"{EXCHANGE_DATA}MultiValuedProperty`1[[{self.item_type}]]",
            EXCHANGE_DATA + "MultiValuedPropertyBase",
            "System.Object",
        )

    PS_PROPERTIES = ("IsReadOnly", "Count")

    @property
    def Count(self) -> int:
        return len(self)

    IsReadOnly = False

    def copy(self) -> MultiValuedProperty:
        return MultiValuedProperty(self, self.item_type)

    def replaced(self, values: Iterable[Any]) -> MultiValuedProperty:
        """A new collection holding exactly ``values`` (``-X a,b,c``; ``$null`` clears)."""
        result = MultiValuedProperty((), self.item_type)
        for value in values or ():
            if value not in result:
                result.append(value)
        return result

    def edited(self, add: Iterable[Any] = (), remove: Iterable[Any] = ()) -> MultiValuedProperty:
        """``@{Add=...; Remove=...}``: adding a value already present is an error; removing a
        value that is absent is ignored."""
        result = self.copy()
        for value in remove or ():
            while value in result:
                result.remove(value)
        for value in add or ():
            if value in result:
                raise DomainRuleError(
                    f'The value "{value}" is already present in the collection.',
                    target=value,
                    error_id="ErrorValueAlreadyPresent",
                    exception_type="System.InvalidOperationException",
                )
            result.append(value)
        return result

    def __str__(self) -> str:
        return "{" + ", ".join(str(item) for item in self) + "}"

    def __repr__(self) -> str:
        return f"MultiValuedProperty({list(self)!r})"

    __hash__ = None  # type: ignore[assignment]


# --------------------------------------------------------------------------- directory ids

PARTITION_GUID = "59ce2f71-eaa2-4ddf-a4fa-f25069d0b324"  # the forest's account partition


def escape_rdn(value: str) -> str:
    """Escape a value for use in a distinguished name (RFC 4514)."""
    out = []
    for index, char in enumerate(value):
        if char in ',+"\\<>;=' or (char == "#" and index == 0) or (char == " " and index in (0, len(value) - 1)):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def split_dn(dn: str) -> list[tuple[str, str]]:
    """``CN=a\\,b,DC=x`` -> ``[("CN", "a,b"), ("DC", "x")]`` (leaf first)."""
    parts: list[tuple[str, str]] = []
    attr, value, escaped, in_value = [], [], False, False
    for char in dn:
        if escaped:
            (value if in_value else attr).append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "=" and not in_value:
            in_value = True
        elif char == "," and in_value:
            parts.append(("".join(attr).strip(), "".join(value)))
            attr, value, in_value = [], [], False
        else:
            (value if in_value else attr).append(char)
    if attr or value:
        parts.append(("".join(attr).strip(), "".join(value)))
    return parts


def join_dn(parts: Iterable[tuple[str, str]]) -> str:
    return ",".join(f"{attr}={escape_rdn(value)}" for attr, value in parts)


class ADObjectId:
    """A directory object's id.  Prints as Exchange prints it: the leaf name for objects in the
    Exchange configuration container, ``Server\\Leaf`` for a server's protocol objects (the call
    router settings print as ``EX01\\UMCallRouterSettings``), and the canonical name for anything
    else (``contoso.com/Users/Tony Smith``, ``contoso.com/Configuration/Schema/ms-Exch-UM-Dial-Plan``)."""

    __slots__ = ("DistinguishedName", "ObjectGuid")
    PS_TYPE_NAMES = (
        "Microsoft.Exchange.Data.Directory.ADObjectId", EXCHANGE_DATA + "ObjectId", "System.Object",
    )  # fmt: skip
    PS_PROPERTIES = (
        "IsDeleted", "Rdn", "Parent", "Depth", "DistinguishedName", "IsRelativeDn", "DomainId",
        "PartitionGuid", "PartitionFQDN", "ObjectGuid", "Name",
    )  # fmt: skip

    def __init__(self, distinguished_name: str, guid: str | None = None):
        self.DistinguishedName = distinguished_name
        self.ObjectGuid = Guid(str(guid).lower()) if guid else None

    @property
    def parts(self) -> list[tuple[str, str]]:
        return split_dn(self.DistinguishedName)

    @property
    def Name(self) -> str:
        parts = self.parts
        return parts[0][1] if parts else ""

    @property
    def Rdn(self) -> str:
        parts = self.parts
        return f"{parts[0][0]}={escape_rdn(parts[0][1])}" if parts else ""

    @property
    def Parent(self) -> ADObjectId | None:
        parts = self.parts
        return ADObjectId(join_dn(parts[1:])) if len(parts) > 1 else None

    @property
    def Depth(self) -> int:
        return len(self.parts) - 1

    @property
    def DomainId(self) -> ADObjectId:
        return ADObjectId(join_dn(p for p in self.parts if p[0].upper() == "DC"))

    @property
    def PartitionFQDN(self) -> str:
        return ".".join(value for attr, value in self.parts if attr.upper() == "DC")

    IsDeleted = False
    IsRelativeDn = False
    PartitionGuid = Guid(PARTITION_GUID)

    def __str__(self) -> str:
        parts = self.parts
        if not parts:
            return ""
        names = [(attr.upper(), value) for attr, value in parts]
        lowered = [(attr, value.lower()) for attr, value in names]
        exchange_container = [("CN", "microsoft exchange"), ("CN", "services"), ("CN", "configuration")]
        for start in range(len(lowered) - 2):
            if lowered[start:start + 3] == exchange_container:
                for index, (attr, value) in enumerate(lowered[:start]):
                    if attr == "CN" and value == "protocols" and 0 < index < start - 1:
                        return f"{names[index + 1][1]}\\{names[0][1]}"
                return names[0][1]
        domain = ".".join(value for attr, value in names if attr == "DC")
        path = [value for attr, value in reversed(names) if attr != "DC"]
        return f"{domain}/" + "/".join(path)

    def __repr__(self) -> str:
        return f"ADObjectId({self.DistinguishedName!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ADObjectId):
            return False
        if self.ObjectGuid and other.ObjectGuid:
            return self.ObjectGuid == other.ObjectGuid
        return self.DistinguishedName.lower() == other.DistinguishedName.lower()

    def __hash__(self) -> int:
        return hash(self.ObjectGuid or self.DistinguishedName.lower())


# --------------------------------------------------------------------------- host names


class Fqdn(TypedStr):
    """A fully qualified domain name (``dc01.contoso.com``)."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "Fqdn", "System.Object")

    @classmethod
    def parse(cls, text: object) -> Fqdn:
        import re

        word = str(text).strip()
        label = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
        if len(word) > 255 or not re.fullmatch(rf"{label}(?:\.{label})*\.?", word):
            raise ValueParseError(f'"{word}" isn\'t a valid FQDN.', target=text, error_id="InvalidFqdn")
        return cls(word)


def _is_ipv4(text: str) -> bool:
    pieces = text.split(".")
    return len(pieces) == 4 and all(p.isdigit() and len(p) <= 3 and int(p) <= 255 for p in pieces)


def _is_ipv6(text: str) -> bool:
    if ":" not in text:
        return False
    import ipaddress

    try:
        ipaddress.IPv6Address(text.partition("%")[0])
    except ValueError:
        return False
    scope = text.partition("%")[2]
    return not scope or scope.isalnum()


def is_ip_address(text: str) -> bool:
    return _is_ipv4(text) or _is_ipv6(text)


class UMSmartHost(TypedStr):
    """A UM IP gateway address: an IPv4 or IPv6 address (``fe80::39bd:88f7:6969:d223%11``) or an
    FQDN."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "UMSmartHost", "System.Object")

    @classmethod
    def parse(cls, text: object) -> UMSmartHost:
        word = str(text).strip()
        if is_ip_address(word):
            return cls(word)
        try:
            if word.replace(".", "").isdigit():  # looks like an IPv4 address but is not one
                raise ValueParseError(word)
            Fqdn.parse(word)
        except ValueParseError:
            raise ValueParseError(
                f'"{word}" isn\'t a valid IP address or FQDN.', target=text, error_id="InvalidUMSmartHost"
            ) from None
        return cls(word)

    @property
    def is_ip_address(self) -> bool:
        return is_ip_address(str(self))


class ProtocolConnectionSettings:
    """``host[:port[:encryption]]``, as in ``northamerica.lyncpoolna.contoso.com:5061``."""

    __slots__ = ("hostname", "port", "encryption")
    PS_TYPE_NAMES = (EXCHANGE_DATA + "ProtocolConnectionSettings", "System.Object")
    PS_PROPERTIES = ("Hostname", "Port", "EncryptionType")
    ENCRYPTIONS = ("SSL", "TLS")

    def __init__(self, hostname: Fqdn, port: int | None = None, encryption: str | None = None):
        self.hostname = hostname
        self.port = port
        self.encryption = encryption

    Hostname = property(lambda self: self.hostname)
    Port = property(lambda self: self.port)
    EncryptionType = property(lambda self: self.encryption)

    @classmethod
    def parse(cls, text: object) -> ProtocolConnectionSettings:
        if isinstance(text, ProtocolConnectionSettings):
            return text
        word = str(text).strip()
        pieces = word.split(":")
        if len(pieces) > 3:
            raise cls.bad_format(text)
        try:
            host = Fqdn.parse(pieces[0])
        except ValueParseError:
            raise cls.bad_format(text) from None
        port = None
        if len(pieces) > 1:
            if not pieces[1].isdigit() or not 1 <= int(pieces[1]) <= 65535:
                raise cls.bad_format(text)
            port = int(pieces[1])
        encryption = None
        if len(pieces) > 2:
            matches = [e for e in cls.ENCRYPTIONS if e.lower() == pieces[2].lower()]
            if not matches:
                raise cls.bad_format(text)
            encryption = matches[0]
        return cls(host, port, encryption)

    @staticmethod
    def bad_format(text: object) -> ValueParseError:
        return ValueParseError(
            f'"{text}" isn\'t valid connection settings. Use the format hostname:port (for example, '
            f"pool01.contoso.com:5061).",
            target=text,
        )

    def __str__(self) -> str:
        text = str(self.hostname)
        if self.port is not None:
            text += f":{self.port}"
        if self.encryption:
            text += f":{self.encryption}"
        return text

    def __repr__(self) -> str:
        return f"ProtocolConnectionSettings({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProtocolConnectionSettings) and str(other).lower() == str(self).lower()

    def __hash__(self) -> int:
        return hash(str(self).lower())


class UMLanguage(TypedStr):
    """A UM language by culture name (``en-US``)."""

    __slots__ = ()
    TYPE_NAMES = (EXCHANGE_DATA + "Directory.SystemConfiguration.UMLanguage", "System.Object")

    @classmethod
    def parse(cls, text: object) -> UMLanguage:
        import re

        word = str(text).strip()
        match = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|\d{3}))?", word)
        if not match:
            raise ValueParseError(
                f"Culture is not supported. Parameter name: name {word} is an invalid culture identifier.",
                target=text,
                exception_type="System.Globalization.CultureNotFoundException",
            )
        language, script, region = match.groups()
        name = language.lower()
        if script:
            name += "-" + script.title()
        if region:
            name += "-" + region.upper()
        return cls(name)


# --------------------------------------------------------------------------- conversions


def identity_text(value: Any) -> str:
    """How an identity argument reads as text (strings, ids, or records passed by pipeline)."""
    if isinstance(value, str):
        return value
    identity = getattr(value, "Identity", None)
    return str(identity if identity is not None else value)
