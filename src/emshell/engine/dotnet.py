""".NET value types scripts meet: DateTime, TimeSpan, Guid, Version, IPAddress, Regex and
its Match objects, the generic Dictionary and HashSet, StringBuilder, [ref].

Each class follows the ``PS_TYPE_NAMES``/``PS_PROPERTIES`` protocol, and lists the .NET
methods scripts may call in ``PS_METHODS`` (name -> accepted argument counts); ``members``
calls them with PowerShell values, which the methods convert themselves.  A method signals a
.NET exception by raising ``DotNetException``.

DateTime and TimeSpan count 100-nanosecond ticks, as .NET does, so arithmetic and
round-trips are exact.  Local time follows the machine's zone unless ``LOCAL_OFFSET_MINUTES``
pins it (tests do).
"""

from __future__ import annotations

import re

from emshell.engine.limits import check_element_count, check_string_length
from emshell.engine.primitives import DotNetException, to_string
from emshell.engine.psobject import ArrayList, Hashtable
from emshell.engine.stoppable_regex import StoppableRegex

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

TICKS_PER_MILLISECOND = 10_000
TICKS_PER_SECOND = 10_000_000
TICKS_PER_MINUTE = 600_000_000
TICKS_PER_HOUR = 36_000_000_000
TICKS_PER_DAY = 864_000_000_000
MAX_TICKS = 3_155_378_975_999_999_999
UNIX_EPOCH_TICKS = 621_355_968_000_000_000
FILETIME_EPOCH_TICKS = 504_911_232_000_000_000

LOCAL_OFFSET_MINUTES: int | None = None  # pin the local time zone (minutes east of UTC)

_OUT_OF_RANGE = "System.ArgumentOutOfRangeException"


def _number(value: Any, method: str, param: str, type_name: str = "System.Double") -> Any:
    from emshell.engine.conversion import convert_argument

    return convert_argument(value, type_name, method, param)


def local_offset_minutes(utc_ticks: int) -> int:
    """The local zone's offset from UTC at a UTC instant."""
    if LOCAL_OFFSET_MINUTES is not None:
        return LOCAL_OFFSET_MINUTES
    import time

    try:
        local = time.localtime((utc_ticks - UNIX_EPOCH_TICKS) / TICKS_PER_SECOND)
    except (OverflowError, OSError, ValueError):
        local = time.localtime(0)
    return (local.tm_gmtoff or 0) // 60


# --------------------------------------------------------------------------- DateTime


class DateTime:
    """``System.DateTime``: ticks since 0001-01-01 and a Kind (Unspecified, Utc, Local)."""

    __slots__ = ("ticks", "kind")

    PS_TYPE_NAMES = ("System.DateTime", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("DateTime", "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond",
                     "Minute", "Month", "Second", "Ticks", "TimeOfDay", "Year")  # fmt: skip
    PS_METHODS = {
        "Add": (1,), "AddTicks": (1,), "AddMilliseconds": (1,), "AddSeconds": (1,), "AddMinutes": (1,),
        "AddHours": (1,), "AddDays": (1,), "AddMonths": (1,), "AddYears": (1,), "Subtract": (1,),
        "ToString": (0, 1, 2), "ToShortDateString": (0,), "ToLongDateString": (0,),
        "ToShortTimeString": (0,), "ToLongTimeString": (0,), "ToUniversalTime": (0,), "ToLocalTime": (0,),
        "CompareTo": (1,), "Equals": (1,), "IsDaylightSavingTime": (0,), "ToFileTime": (0,),
        "ToFileTimeUtc": (0,), "GetHashCode": (0,),
    }  # fmt: skip

    def __init__(self, ticks: int, kind: str = "Unspecified"):
        if not 0 <= ticks <= MAX_TICKS:
            raise DotNetException(
                _OUT_OF_RANGE,
                "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.\nParameter name: ticks",
            )
        self.ticks = ticks
        self.kind = kind

    # ---------------------------------------------------------------- construction

    @classmethod
    def from_parts(cls, year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
                   millisecond: int = 0, kind: str = "Unspecified") -> DateTime:  # fmt: skip
        from datetime import date

        try:
            ordinal = date(year, month, day).toordinal() - 1
        except ValueError:
            raise DotNetException(
                _OUT_OF_RANGE, "Year, Month, and Day parameters describe an un-representable DateTime."
            ) from None
        if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 60):
            raise DotNetException(
                _OUT_OF_RANGE, "Hour, Minute, and Second parameters describe an un-representable DateTime."
            )
        if not 0 <= millisecond < 1000:
            raise DotNetException(
                _OUT_OF_RANGE,
                "Valid values are between 0 and 999, inclusive.\nParameter name: millisecond",
            )
        time_ticks = (hour * 3600 + minute * 60 + second) * TICKS_PER_SECOND + millisecond * TICKS_PER_MILLISECOND
        return cls(ordinal * TICKS_PER_DAY + time_ticks, kind)

    @classmethod
    def from_python(cls, value: Any, kind: str = "Local") -> DateTime:
        """From a Python ``datetime`` (naive values are taken as ``kind``)."""
        if value.tzinfo is not None:
            offset = value.utcoffset()
            naive = value.replace(tzinfo=None) - offset
            utc = cls.from_python(naive, "Utc")
            return utc if kind == "Utc" else utc.ToLocalTime()
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        ticks = (value.toordinal() - 1) * TICKS_PER_DAY + seconds * TICKS_PER_SECOND + value.microsecond * 10
        return cls(ticks, kind)

    @classmethod
    def now(cls, ctx: Any = None) -> DateTime:
        from emshell.engine.primitives import context_or_default

        current = context_or_default(ctx).now()
        if isinstance(current, DateTime):
            return current
        return cls.from_python(current, "Local")

    def to_python(self) -> Any:
        """A naive Python ``datetime`` (microsecond precision)."""
        from datetime import date, datetime

        days, rem = divmod(self.ticks, TICKS_PER_DAY)
        d = date.fromordinal(days + 1)
        seconds, fraction = divmod(rem, TICKS_PER_SECOND)
        hours, seconds = divmod(seconds, 3600)
        minutes, seconds = divmod(seconds, 60)
        return datetime(d.year, d.month, d.day, hours, minutes, seconds, fraction // 10)

    def _date(self) -> Any:
        from datetime import date

        return date.fromordinal(self.ticks // TICKS_PER_DAY + 1)

    # ---------------------------------------------------------------- properties

    @property
    def Year(self) -> int:
        return self._date().year

    @property
    def Month(self) -> int:
        return self._date().month

    @property
    def Day(self) -> int:
        return self._date().day

    @property
    def Hour(self) -> int:
        return (self.ticks // TICKS_PER_HOUR) % 24

    @property
    def Minute(self) -> int:
        return (self.ticks // TICKS_PER_MINUTE) % 60

    @property
    def Second(self) -> int:
        return (self.ticks // TICKS_PER_SECOND) % 60

    @property
    def Millisecond(self) -> int:
        return (self.ticks // TICKS_PER_MILLISECOND) % 1000

    @property
    def Ticks(self) -> int:
        from emshell.engine.primitives import Int64

        return Int64(self.ticks)

    @property
    def fraction_ticks(self) -> int:
        return self.ticks % TICKS_PER_SECOND

    @property
    def day_of_week(self) -> int:
        return (self.ticks // TICKS_PER_DAY + 1) % 7

    @property
    def DayOfWeek(self) -> Any:
        from emshell.engine.types import builtin_enum

        return builtin_enum("System.DayOfWeek").member(self.day_of_week)

    @property
    def DayOfYear(self) -> int:
        return self._date().timetuple().tm_yday

    @property
    def Date(self) -> DateTime:
        return DateTime(self.ticks - self.ticks % TICKS_PER_DAY, self.kind)

    @property
    def TimeOfDay(self) -> TimeSpan:
        return TimeSpan(self.ticks % TICKS_PER_DAY)

    @property
    def Kind(self) -> Any:
        from emshell.engine.types import builtin_enum

        return builtin_enum("System.DateTimeKind")[self.kind]

    @property
    def DateTime(self) -> str:
        """The script property PowerShell adds: long date and long time."""
        return self.ToLongDateString() + " " + self.ToLongTimeString()

    # ---------------------------------------------------------------- arithmetic

    def _add_ticks(self, ticks: int) -> DateTime:
        total = self.ticks + ticks
        if not 0 <= total <= MAX_TICKS:
            raise DotNetException(
                _OUT_OF_RANGE, "The added or subtracted value results in an un-representable DateTime.\n"
                "Parameter name: value"
            )  # fmt: skip
        return DateTime(total, self.kind)

    def _add_scaled(self, value: Any, scale: int, method: str) -> DateTime:
        number = float(_number(value, method, "value"))
        millis = int(number * scale + (0.5 if number >= 0 else -0.5))
        if not -MAX_TICKS // TICKS_PER_MILLISECOND <= millis <= MAX_TICKS // TICKS_PER_MILLISECOND:
            raise DotNetException(_OUT_OF_RANGE, "Value to add was out of range.\nParameter name: value")
        return self._add_ticks(millis * TICKS_PER_MILLISECOND)

    def Add(self, value: Any) -> DateTime:
        return self._add_ticks(_timespan_arg(value, "Add").ticks)

    def AddTicks(self, value: Any) -> DateTime:
        return self._add_ticks(int(_number(value, "AddTicks", "value", "System.Int64")))

    def AddMilliseconds(self, value: Any) -> DateTime:
        return self._add_scaled(value, 1, "AddMilliseconds")

    def AddSeconds(self, value: Any) -> DateTime:
        return self._add_scaled(value, 1000, "AddSeconds")

    def AddMinutes(self, value: Any) -> DateTime:
        return self._add_scaled(value, 60_000, "AddMinutes")

    def AddHours(self, value: Any) -> DateTime:
        return self._add_scaled(value, 3_600_000, "AddHours")

    def AddDays(self, value: Any) -> DateTime:
        return self._add_scaled(value, 86_400_000, "AddDays")

    def AddMonths(self, value: Any) -> DateTime:
        import calendar

        months = int(_number(value, "AddMonths", "months", "System.Int32"))
        if not -120000 <= months <= 120000:
            raise DotNetException(
                _OUT_OF_RANGE, "Months value must be between +/-120000.\nParameter name: months"
            )
        d = self._date()
        index = d.year * 12 + (d.month - 1) + months
        year, month = divmod(index, 12)
        month += 1
        if not 1 <= year <= 9999:
            raise DotNetException(
                _OUT_OF_RANGE, "The added or subtracted value results in an un-representable DateTime.\n"
                "Parameter name: months"
            )  # fmt: skip
        day = min(d.day, calendar.monthrange(year, month)[1])
        return DateTime(DateTime.from_parts(year, month, day).ticks + self.ticks % TICKS_PER_DAY, self.kind)

    def AddYears(self, value: Any) -> DateTime:
        years = int(_number(value, "AddYears", "value", "System.Int32"))
        if not -10000 <= years <= 10000:
            raise DotNetException(_OUT_OF_RANGE, "Years value must be between +/-10000.\nParameter name: years")
        return self.AddMonths(years * 12)

    def Subtract(self, value: Any) -> Any:
        if isinstance(value, DateTime):
            return TimeSpan(self.ticks - value.ticks)
        return self._add_ticks(-_timespan_arg(value, "Subtract").ticks)

    # ---------------------------------------------------------------- conversion

    def utc_offset_minutes(self) -> int:
        if self.kind == "Utc":
            return local_offset_minutes(self.ticks)
        guess = local_offset_minutes(self.ticks)
        return local_offset_minutes(self.ticks - guess * TICKS_PER_MINUTE)

    def ToUniversalTime(self) -> DateTime:
        if self.kind == "Utc":
            return self
        return DateTime(max(0, self.ticks - self.utc_offset_minutes() * TICKS_PER_MINUTE), "Utc")

    def ToLocalTime(self) -> DateTime:
        if self.kind == "Local":
            return self
        offset = local_offset_minutes(self.ticks)
        return DateTime(min(MAX_TICKS, max(0, self.ticks + offset * TICKS_PER_MINUTE)), "Local")

    def ToFileTime(self) -> int:
        return self.ToUniversalTime().ToFileTimeUtc()

    def ToFileTimeUtc(self) -> int:
        from emshell.engine.primitives import Int64

        ticks = self.ticks if self.kind == "Utc" else self.ToUniversalTime().ticks
        if ticks < FILETIME_EPOCH_TICKS:
            raise DotNetException(_OUT_OF_RANGE, "Not a valid Win32 FileTime.\nParameter name: fileTime")
        return Int64(ticks - FILETIME_EPOCH_TICKS)

    def IsDaylightSavingTime(self) -> bool:
        if self.kind == "Utc" or LOCAL_OFFSET_MINUTES is not None:
            return False
        import time

        try:
            return bool(time.localtime((self.ToUniversalTime().ticks - UNIX_EPOCH_TICKS) / TICKS_PER_SECOND).tm_isdst)
        except (OverflowError, OSError, ValueError):
            return False

    # ---------------------------------------------------------------- text

    def ToString(self, fmt: Any = None, provider: Any = None) -> str:
        from emshell.engine.dotnet_format import FormatError, format_datetime

        spec = None if fmt is None else to_string(fmt)
        try:
            return format_datetime(self, spec or None)
        except FormatError as error:
            raise DotNetException("System.FormatException", error.message) from None

    def ps_format(self, spec: str | None) -> str:
        from emshell.engine.dotnet_format import format_datetime

        return format_datetime(self, spec)

    def ps_to_string(self) -> str:
        """The culture-invariant form PowerShell uses in ``"$date"`` and ``[string]$date``."""
        from emshell.engine.dotnet_format import format_datetime

        return format_datetime(self, "MM/dd/yyyy HH:mm:ss")

    def ToShortDateString(self) -> str:
        return self.ps_format("d")

    def ToLongDateString(self) -> str:
        return self.ps_format("D")

    def ToShortTimeString(self) -> str:
        return self.ps_format("t")

    def ToLongTimeString(self) -> str:
        return self.ps_format("T")

    # ---------------------------------------------------------------- comparison

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, DateTime):
            raise DotNetException("System.ArgumentException", "Object must be of type DateTime.")
        return (self.ticks > other.ticks) - (self.ticks < other.ticks)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, DateTime) and other.ticks == self.ticks

    def GetHashCode(self) -> int:
        return (self.ticks ^ (self.ticks >> 32)) & 0x7FFFFFFF

    def ps_compare(self, other: DateTime) -> int:
        return (self.ticks > other.ticks) - (self.ticks < other.ticks)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateTime) and other.ticks == self.ticks

    def __lt__(self, other: DateTime) -> bool:
        return self.ticks < other.ticks

    def __le__(self, other: DateTime) -> bool:
        return self.ticks <= other.ticks

    def __gt__(self, other: DateTime) -> bool:
        return self.ticks > other.ticks

    def __ge__(self, other: DateTime) -> bool:
        return self.ticks >= other.ticks

    def __hash__(self) -> int:
        return hash(self.ticks)

    def __repr__(self) -> str:
        return f"DateTime({self.ps_to_string()!r}, {self.kind})"


# --------------------------------------------------------------------------- DateTime parsing

_MONTHS = {name.lower(): i + 1 for i, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"))}  # fmt: skip
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")

_TIME = r"(?P<h>\d{1,2}):(?P<mi>\d{1,2})(?::(?P<s>\d{1,2})(?:\.(?P<f>\d{1,7}))?)?\s*(?P<ampm>[AaPp][Mm])?"
_ZONE = r"(?P<z>Z|GMT|UTC|[+-]\d{1,2}(?::?\d{2})?)?"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:(?:T|\s+)" + _TIME + r")?\s*" + _ZONE),
    re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?:\s+" + _TIME + r")?\s*" + _ZONE),
    re.compile(r"(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{2}|\d{4})(?:\s+" + _TIME + r")?\s*" + _ZONE),
    re.compile(r"(?:(?P<dow>[A-Za-z]+),?\s+)?(?P<d>\d{1,2})[\s-](?P<mon>[A-Za-z]+)\.?,?[\s-](?P<y>\d{2,4})"
               r"(?:\s+" + _TIME + r")?\s*" + _ZONE),  # fmt: skip
    re.compile(r"(?:(?P<dow>[A-Za-z]+),?\s+)?(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{2,4})"
               r"(?:\s+" + _TIME + r")?\s*" + _ZONE),  # fmt: skip
    re.compile(r"(?P<mon>[A-Za-z]+)\s+(?P<y>\d{4})"),
    re.compile(_TIME + r"\s*" + _ZONE),
)


class HintedDateTime(DateTime):
    """A date marked by ``Get-Date -DisplayHint``: the console shows only its date, or only its
    time; everything else treats it as the date it is."""

    __slots__ = ("DisplayHint",)

    def __init__(self, value: DateTime, hint: str):
        super().__init__(value.ticks, value.kind)
        self.DisplayHint = hint


class DateTimeParseError(ValueError):
    pass


def parse_datetime(text: str, ctx: Any = None) -> DateTime:
    """``DateTime.Parse`` with the invariant culture (month before day)."""
    stripped = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(stripped)
        if match is not None:
            result = _datetime_from_match(match.groupdict(), ctx)
            if result is not None:
                return result
    raise DateTimeParseError("String was not recognized as a valid DateTime.")


def _datetime_from_match(parts: dict[str, Any], ctx: Any) -> DateTime | None:
    if parts.get("y") is None:
        today = DateTime.now(ctx)
        year, month, day = today.Year, today.Month, today.Day
    else:
        year = int(parts["y"])
        if len(parts["y"]) == 2:
            year += 2000 if year < 30 else 1900
        if parts.get("mon"):
            month = _MONTHS.get(parts["mon"].lower(), 0)
            if not month:
                return None
        else:
            month = int(parts["m"])
        day = int(parts["d"]) if parts.get("d") else 1
    dow = parts.get("dow")
    if dow and not any(name.startswith(dow.lower()) for name in _DAYS):
        return None
    hour = int(parts["h"]) if parts.get("h") else 0
    minute = int(parts["mi"]) if parts.get("mi") else 0
    second = int(parts["s"]) if parts.get("s") else 0
    fraction = int((parts.get("f") or "0").ljust(7, "0"))
    ampm = (parts.get("ampm") or "").upper()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "PM" else 0)
    try:
        value = DateTime.from_parts(year, month, day, hour, minute, second)
    except DotNetException:
        return None
    value = DateTime(value.ticks + fraction, "Unspecified")
    zone = parts.get("z")
    if zone:
        offset = 0
        if zone.upper() not in ("Z", "GMT", "UTC"):
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
            offset = sign * (hours * 60 + minutes)
        return DateTime(value.ticks - offset * TICKS_PER_MINUTE, "Utc").ToLocalTime()
    return value


def parse_exact(text: str, fmt: str) -> DateTime:
    """``DateTime.ParseExact`` with the invariant culture for a custom or standard format."""
    from emshell.engine.dotnet_format import _STANDARD_DATE

    if len(fmt) == 1:
        if fmt not in _STANDARD_DATE:
            raise DateTimeParseError("Input string was not in a correct format.")
        fmt = _STANDARD_DATE[fmt]
    regex: list[str] = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch in "'\"":
            end = fmt.find(ch, i + 1)
            end = len(fmt) if end < 0 else end
            regex.append(re.escape(fmt[i + 1 : end]))
            i = end + 1
            continue
        if ch == "\\" and i + 1 < len(fmt):
            regex.append(re.escape(fmt[i + 1]))
            i += 2
            continue
        j = i
        while j < len(fmt) and fmt[j] == ch:
            j += 1
        count = j - i
        i = j
        regex.append(_exact_token(ch, count))
    match = re.fullmatch("".join(regex), text.strip(), re.IGNORECASE)
    if match is None:
        raise DateTimeParseError("String was not recognized as a valid DateTime.")
    return _datetime_from_exact(match.groupdict())


def _exact_token(ch: str, count: int) -> str:
    if ch == "y":
        return r"(?P<y>\d{4})" if count >= 3 else r"(?P<y2>\d{2})" if count == 2 else r"(?P<y2>\d{1,2})"
    if ch == "M":
        return {1: r"(?P<m>\d{1,2})", 2: r"(?P<m>\d{2})", 3: r"(?P<mon>[A-Za-z]{3})"}.get(count, r"(?P<mon>[A-Za-z]+)")
    if ch == "d":
        return {1: r"(?P<d>\d{1,2})", 2: r"(?P<d>\d{2})"}.get(count, r"(?P<dow>[A-Za-z]+)")
    names = {"H": "h24", "h": "h12", "m": "mi", "s": "s"}
    if ch in names:
        return rf"(?P<{names[ch]}>\d{{1,2}})" if count == 1 else rf"(?P<{names[ch]}>\d{{2}})"
    if ch in "fF":
        return rf"(?P<f>\d{{{count}}})" if ch == "f" else rf"(?P<f>\d{{0,{count}}})"
    if ch == "t":
        return r"(?P<ampm>[AaPp][Mm]?)"
    if ch in "zK":
        return r"(?P<z>Z|[+-]\d{1,2}(?::?\d{2})?)?"
    return re.escape(ch * count)


def _datetime_from_exact(parts: dict[str, Any]) -> DateTime:
    year = int(parts["y"]) if parts.get("y") else 1
    if parts.get("y2"):
        year = int(parts["y2"]) + (2000 if int(parts["y2"]) < 30 else 1900)
    month = int(parts["m"]) if parts.get("m") else _MONTHS.get((parts.get("mon") or "jan").lower()[:3], 0)
    day = int(parts["d"]) if parts.get("d") else 1
    hour = int(parts.get("h24") or parts.get("h12") or 0)
    ampm = (parts.get("ampm") or "").upper()
    if parts.get("h12") is not None and ampm:
        hour = hour % 12 + (12 if ampm.startswith("P") else 0)
    try:
        value = DateTime.from_parts(year, month, day, hour, int(parts.get("mi") or 0), int(parts.get("s") or 0))
    except DotNetException:
        raise DateTimeParseError("String was not recognized as a valid DateTime.") from None
    fraction = int((parts.get("f") or "0").ljust(7, "0")[:7])
    return DateTime(value.ticks + fraction, "Unspecified")


# --------------------------------------------------------------------------- TimeSpan


def _timespan_arg(value: Any, method: str) -> TimeSpan:
    if isinstance(value, TimeSpan):
        return value
    from emshell.engine.conversion import convert_argument

    return convert_argument(value, "System.TimeSpan", method, "value")


class TimeSpan:
    """``System.TimeSpan``: a signed number of ticks."""

    __slots__ = ("ticks",)

    PS_TYPE_NAMES = ("System.TimeSpan", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours",
                     "TotalMinutes", "TotalSeconds", "TotalMilliseconds")  # fmt: skip
    PS_METHODS = {"Add": (1,), "Subtract": (1,), "Negate": (0,), "Duration": (0,), "ToString": (0, 1, 2),
                  "CompareTo": (1,), "Equals": (1,), "GetHashCode": (0,)}  # fmt: skip

    def __init__(self, ticks: int):
        self.ticks = int(ticks)

    @classmethod
    def from_parts(cls, days: int, hours: int, minutes: int, seconds: int, milliseconds: int = 0) -> TimeSpan:
        total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
        return cls(total * TICKS_PER_SECOND + milliseconds * TICKS_PER_MILLISECOND)

    @classmethod
    def interval(cls, value: float, scale_ms: int) -> TimeSpan:
        """.NET Framework's ``TimeSpan.FromX``: rounded to the millisecond."""
        if value != value:
            raise DotNetException("System.ArgumentException", "TimeSpan does not accept floating point Not-a-Number values.")
        millis = value * scale_ms + (0.5 if value >= 0 else -0.5)
        if abs(millis) > 922337203685477:
            raise DotNetException("System.OverflowException", "TimeSpan overflowed because the duration is too long.")
        return cls(int(millis) * TICKS_PER_MILLISECOND)

    def _parts(self) -> tuple[int, int, int, int, int]:
        ticks = abs(self.ticks)
        sign = -1 if self.ticks < 0 else 1
        days, rem = divmod(ticks, TICKS_PER_DAY)
        hours, rem = divmod(rem, TICKS_PER_HOUR)
        minutes, rem = divmod(rem, TICKS_PER_MINUTE)
        seconds, rem = divmod(rem, TICKS_PER_SECOND)
        return sign * days, sign * hours, sign * minutes, sign * seconds, sign * (rem // TICKS_PER_MILLISECOND)

    @property
    def Days(self) -> int:
        return self._parts()[0]

    @property
    def Hours(self) -> int:
        return self._parts()[1]

    @property
    def Minutes(self) -> int:
        return self._parts()[2]

    @property
    def Seconds(self) -> int:
        return self._parts()[3]

    @property
    def Milliseconds(self) -> int:
        return self._parts()[4]

    @property
    def Ticks(self) -> int:
        from emshell.engine.primitives import Int64

        return Int64(self.ticks)

    @property
    def TotalDays(self) -> float:
        return self.ticks / TICKS_PER_DAY

    @property
    def TotalHours(self) -> float:
        return self.ticks / TICKS_PER_HOUR

    @property
    def TotalMinutes(self) -> float:
        return self.ticks / TICKS_PER_MINUTE

    @property
    def TotalSeconds(self) -> float:
        return self.ticks / TICKS_PER_SECOND

    @property
    def TotalMilliseconds(self) -> float:
        return self.ticks / TICKS_PER_MILLISECOND

    def Add(self, other: Any) -> TimeSpan:
        return TimeSpan(self.ticks + _timespan_arg(other, "Add").ticks)

    def Subtract(self, other: Any) -> TimeSpan:
        return TimeSpan(self.ticks - _timespan_arg(other, "Subtract").ticks)

    def Negate(self) -> TimeSpan:
        return TimeSpan(-self.ticks)

    def Duration(self) -> TimeSpan:
        return TimeSpan(abs(self.ticks))

    def ToString(self, fmt: Any = None, provider: Any = None) -> str:
        from emshell.engine.dotnet_format import FormatError, format_timespan

        try:
            return format_timespan(self, None if fmt is None else to_string(fmt))
        except FormatError as error:
            raise DotNetException("System.FormatException", error.message) from None

    def ps_format(self, spec: str | None) -> str:
        from emshell.engine.dotnet_format import format_timespan

        return format_timespan(self, spec)

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, TimeSpan):
            raise DotNetException("System.ArgumentException", "Object must be of type TimeSpan.")
        return self.ps_compare(other)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, TimeSpan) and other.ticks == self.ticks

    def GetHashCode(self) -> int:
        return (self.ticks ^ (self.ticks >> 32)) & 0x7FFFFFFF

    def ps_compare(self, other: TimeSpan) -> int:
        return (self.ticks > other.ticks) - (self.ticks < other.ticks)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeSpan) and other.ticks == self.ticks

    def __lt__(self, other: TimeSpan) -> bool:
        return self.ticks < other.ticks

    def __hash__(self) -> int:
        return hash(("TimeSpan", self.ticks))

    def __repr__(self) -> str:
        return f"TimeSpan({self.ToString()!r})"


_TIMESPAN_FORMS = (
    re.compile(r"\s*(?P<neg>-)?(?:(?P<d>\d+)\.)?(?P<h>\d+):(?P<m>\d+)(?::(?P<s>\d+)(?:\.(?P<f>\d+))?)?\s*"),
    re.compile(r"\s*(?P<neg>-)?(?P<d>\d+):(?P<h>\d+):(?P<m>\d+):(?P<s>\d+)(?:\.(?P<f>\d+))?\s*"),
)


def parse_timespan(text: str) -> TimeSpan:
    """``TimeSpan.Parse``: ``[-][d.]hh:mm[:ss[.fffffff]]`` or a number of days."""
    stripped = text.strip()
    days_only = re.fullmatch(r"(-)?(\d+)", stripped)
    if days_only:
        days = int(days_only.group(2))
        if days > 10675199:
            raise DotNetException("System.OverflowException", _TIMESPAN_RANGE)
        return TimeSpan((-1 if days_only.group(1) else 1) * days * TICKS_PER_DAY)
    match = next((m for m in (form.fullmatch(text) for form in _TIMESPAN_FORMS) if m is not None), None)
    if match is None:
        raise DotNetException("System.FormatException", "String was not recognized as a valid TimeSpan.")
    hours, minutes = int(match["h"]), int(match["m"])
    seconds = int(match["s"] or 0)
    fraction_text = match["f"] or ""
    if hours > 23 or minutes > 59 or seconds > 59 or len(fraction_text) > 7:
        raise DotNetException("System.OverflowException", _TIMESPAN_RANGE)
    ticks = TimeSpan.from_parts(int(match["d"] or 0), hours, minutes, seconds).ticks
    ticks += int(fraction_text.ljust(7, "0")) if fraction_text else 0
    return TimeSpan(-ticks if match["neg"] else ticks)


_TIMESPAN_RANGE = ("The TimeSpan could not be parsed because at least one of the numeric components is out of "
                   "range or contains too many digits.")  # fmt: skip


# --------------------------------------------------------------------------- Guid

_GUID_FORMS = (
    re.compile(r"[0-9a-fA-F]{32}"),
    re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    re.compile(r"\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}"),
    re.compile(r"\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\)"),
)


class Guid:
    """``System.Guid``."""

    __slots__ = ("hex",)

    PS_TYPE_NAMES = ("System.Guid", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Guid",)
    PS_METHODS = {"ToString": (0, 1, 2), "Equals": (1,), "CompareTo": (1,), "ToByteArray": (0,), "GetHashCode": (0,)}

    def __init__(self, hex32: str):
        self.hex = hex32.lower()

    @classmethod
    def parse(cls, text: str) -> Guid:
        stripped = text.strip()
        if not any(form.fullmatch(stripped) for form in _GUID_FORMS):
            raise DotNetException(
                "System.FormatException",
                "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
            )
        return cls(re.sub(r"[^0-9a-fA-F]", "", stripped))

    @property
    def Guid(self) -> str:
        return self.ToString()

    def ToString(self, fmt: Any = None, provider: Any = None) -> str:
        h = self.hex
        dashed = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        spec = (to_string(fmt) if fmt is not None else "") or "D"
        if spec in ("D", "d"):
            return dashed
        if spec in ("N", "n"):
            return h
        if spec in ("B", "b"):
            return "{" + dashed + "}"
        if spec in ("P", "p"):
            return "(" + dashed + ")"
        if spec in ("X", "x"):
            return (f"{{0x{h[:8]},0x{h[8:12]},0x{h[12:16]},"
                    f"{{{','.join('0x' + h[i:i + 2] for i in range(16, 32, 2))}}}}}")  # fmt: skip
        raise DotNetException(
            "System.FormatException", 'Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".'
        )

    def ps_format(self, spec: str | None) -> str:
        return self.ToString(spec)

    def ToByteArray(self) -> list:
        from emshell.engine.primitives import Byte, TypedArray

        raw = bytes.fromhex(self.hex)
        ordered = raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:]
        return TypedArray((Byte(b) for b in ordered), "System.Byte")

    def Equals(self, other: Any) -> bool:
        return isinstance(other, Guid) and other.hex == self.hex

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        return self.ps_compare(other)

    def GetHashCode(self) -> int:
        return int(self.hex[:8], 16) & 0x7FFFFFFF

    def ps_compare(self, other: Guid) -> int:
        return (self.hex > other.hex) - (self.hex < other.hex)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Guid) and other.hex == self.hex

    def __hash__(self) -> int:
        return hash(self.hex)

    def __repr__(self) -> str:
        return f"Guid({self.ToString()!r})"


# --------------------------------------------------------------------------- Version


class Version:
    """``System.Version``: Major.Minor[.Build[.Revision]] (absent parts are -1)."""

    __slots__ = ("Major", "Minor", "Build", "Revision")

    PS_TYPE_NAMES = ("System.Version", "System.Object")
    PS_PROPERTIES = ("Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision")
    PS_METHODS = {"ToString": (0, 1), "CompareTo": (1,), "Equals": (1,), "GetHashCode": (0,)}

    def __init__(self, major: int, minor: int = 0, build: int = -1, revision: int = -1):
        for name, value in (("major", major), ("minor", minor)):
            if value < 0:
                raise DotNetException(
                    _OUT_OF_RANGE, f"Version's parameters must be greater than or equal to zero.\nParameter name: {name}"
                )
        self.Major = major
        self.Minor = minor
        self.Build = build
        self.Revision = revision

    @classmethod
    def parse(cls, text: str) -> Version:
        parts = text.strip().split(".")
        if not 2 <= len(parts) <= 4:
            raise DotNetException("System.ArgumentException", "Version string portion was too short or too long.")
        numbers: list[int] = []
        for part in parts:
            stripped = part.strip()
            if not re.fullmatch(r"[+-]?\d+", stripped):
                raise DotNetException("System.FormatException", "Input string was not in a correct format.")
            number = int(stripped)
            if number < 0:
                raise DotNetException(
                    _OUT_OF_RANGE, "Version's parameters must be greater than or equal to zero.\nParameter name: version"
                )
            numbers.append(number)
        return cls(*numbers)

    @property
    def MajorRevision(self) -> int:
        return self.Revision >> 16 if self.Revision > 0 else (-1 if self.Revision < 0 else 0)

    @property
    def MinorRevision(self) -> int:
        return self.Revision & 0xFFFF if self.Revision >= 0 else -1

    def _key(self) -> tuple[int, int, int, int]:
        return (self.Major, self.Minor, self.Build, self.Revision)

    def ToString(self, field_count: Any = None) -> str:
        parts = [self.Major, self.Minor] + [p for p in (self.Build, self.Revision) if p >= 0]
        if field_count is not None:
            count = int(_number(field_count, "ToString", "fieldCount", "System.Int32"))
            if not 0 <= count <= len(parts):
                raise DotNetException(
                    "System.ArgumentException",
                    f"Argument must be between 0 and {len(parts)}.\nParameter name: fieldCount",
                )
            parts = parts[:count]
        return ".".join(str(p) for p in parts)

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        return self.ps_compare(other)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, Version) and other._key() == self._key()

    def GetHashCode(self) -> int:
        return hash(self._key()) & 0x7FFFFFFF

    def ps_compare(self, other: Version) -> int:
        return (self._key() > other._key()) - (self._key() < other._key())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and other._key() == self._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Version({self.ToString()!r})"


# --------------------------------------------------------------------------- IPAddress


class IPAddress:
    """``System.Net.IPAddress`` (enough to parse, compare and print an address)."""

    __slots__ = ("_address",)

    PS_TYPE_NAMES = ("System.Net.IPAddress", "System.Object")
    PS_PROPERTIES = ("AddressFamily", "IsIPv6LinkLocal", "IsIPv6Multicast", "IsIPv6SiteLocal", "IPAddressToString")
    PS_METHODS = {"ToString": (0,), "Equals": (1,), "GetAddressBytes": (0,)}

    def __init__(self, address: Any):
        self._address = address

    @classmethod
    def parse(cls, text: str) -> IPAddress:
        import ipaddress

        try:
            return cls(ipaddress.ip_address(text.strip()))
        except ValueError:
            raise DotNetException("System.FormatException", "An invalid IP address was specified.") from None

    @property
    def AddressFamily(self) -> str:
        return "InterNetwork" if self._address.version == 4 else "InterNetworkV6"

    @property
    def IsIPv6LinkLocal(self) -> bool:
        return self._address.version == 6 and self._address.is_link_local

    @property
    def IsIPv6Multicast(self) -> bool:
        return self._address.version == 6 and self._address.is_multicast

    @property
    def IsIPv6SiteLocal(self) -> bool:
        return self._address.version == 6 and self._address.is_site_local

    @property
    def IPAddressToString(self) -> str:
        return str(self._address)

    def ToString(self) -> str:
        return str(self._address)

    def GetAddressBytes(self) -> list:
        from emshell.engine.primitives import Byte, TypedArray

        return TypedArray((Byte(b) for b in self._address.packed), "System.Byte")

    def Equals(self, other: Any) -> bool:
        return self == other

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IPAddress) and other._address == self._address

    def __hash__(self) -> int:
        return hash(self._address)


# --------------------------------------------------------------------------- regular expressions


class RegexParseError(Exception):
    """The .NET ``ArgumentException`` for a bad pattern (``parsing "(" - Not enough )'s.``)."""

    def __init__(self, pattern: str, reason: str):
        super().__init__(f'parsing "{pattern}" - {reason}')
        self.pattern = pattern
        self.message = f'parsing "{pattern}" - {reason}'


_PY_ERRORS = (  # Python's re message prefix -> .NET's reason
    ("missing ), unterminated subpattern", "Not enough )'s."),
    ("unbalanced parenthesis", "Too many )'s."),
    ("nothing to repeat", "Quantifier {x,y} following nothing."),
    ("multiple repeat", "Nested quantifier."),
    ("unterminated character set", "Unterminated [] set."),
    ("bad escape (end of pattern)", "Illegal \\ at end of pattern."),
    ("bad character range", "[x-y] range in reverse order."),
    ("unknown group name", "Reference to undefined group name."),
    ("invalid group reference", "Reference to undefined group number."),
)

_CATEGORIES = {"L": r"^\W\d_", "Lu": "A-Z", "Ll": "a-z", "N": r"\d", "Nd": r"\d", "P": r"!-/:-@\[-`{-~",
               "Z": r"\s", "Zs": " "}  # fmt: skip

# RegexOptions values -> Python flags
_OPTION_FLAGS = ((1, re.IGNORECASE), (2, re.MULTILINE), (16, re.DOTALL), (32, re.VERBOSE))

_compiled: dict[tuple[str, int], Any] = {}


def translate_pattern(pattern: str, explicit_capture: bool = False) -> str:
    """A .NET regular expression in Python's ``re`` dialect."""
    out: list[str] = []
    i = 0
    n = len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "k" and i + 2 < n and pattern[i + 2] in "<'":
                close = ">" if pattern[i + 2] == "<" else "'"
                end = pattern.find(close, i + 3)
                if end > 0:
                    name = pattern[i + 3 : end]
                    out.append(f"\\{name}" if name.isdigit() else f"(?P={name})")
                    i = end + 1
                    continue
            if nxt in "pP" and i + 2 < n and pattern[i + 2] == "{":
                end = pattern.find("}", i + 3)
                body = _CATEGORIES.get(pattern[i + 3 : end]) if end > 0 else None
                if body is not None:
                    negate = nxt == "P"
                    if in_class:
                        out.append(body)
                    else:
                        out.append(("[^" if negate else "[") + body + "]")
                    i = end + 1
                    continue
            if not in_class and nxt == "Z":
                out.append(r"(?=\n?\Z)")
            elif not in_class and nxt == "z":
                out.append(r"\Z")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if ch == "(" and i + 2 < n and pattern[i + 1] == "?" and pattern[i + 2] in "<'":
            if pattern[i + 2] == "<" and i + 3 < n and pattern[i + 3] in "=!":
                out.append(pattern[i : i + 4])
                i += 4
                continue
            close = ">" if pattern[i + 2] == "<" else "'"
            end = pattern.find(close, i + 3)
            if end > 0:
                out.append(f"(?P<{pattern[i + 3 : end]}>")
                i = end + 1
                continue
        if ch == "(" and explicit_capture and not pattern.startswith("(?", i):
            out.append("(?:")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def compile_regex(pattern: str, options: int = 0) -> Any:
    """Compile a .NET pattern with RegexOptions bits; ``RegexParseError`` on a bad pattern."""
    key = (pattern, options)
    found = _compiled.get(key)
    if found is not None:
        return found
    flags = 0
    for bit, flag in _OPTION_FLAGS:
        if options & bit:
            flags |= flag
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = StoppableRegex(re.compile(translate_pattern(pattern, bool(options & 4)), flags))
    except re.error as error:
        message = str(error.msg)
        reason = next((net for py, net in _PY_ERRORS if message.startswith(py)), message[:1].upper() + message[1:] + ".")
        raise RegexParseError(pattern, reason) from None
    if len(_compiled) > 500:
        _compiled.clear()
    _compiled[key] = found
    return found


def group_order(compiled: Any) -> list[tuple[str, int]]:
    """.NET's group numbering: (name, Python group number), whole match first, then the
    unnamed groups, then the named ones."""
    named = {number: name for name, number in compiled.groupindex.items()}
    unnamed = [g for g in range(1, compiled.groups + 1) if g not in named]
    order = [("0", 0)] + [(str(position), g) for position, g in enumerate(unnamed, 1)]
    order += [(named[g], g) for g in sorted(named)]
    return order


def replacement_function(replacement: str, compiled: Any) -> Any:
    """A ``re.sub`` callback for a .NET replacement string (``$1``, ``${name}``, ``$0``, ``$&``,
    ``$$``, ``$```, ``$'``, ``$+``, ``$_``)."""
    order = group_order(compiled)
    by_name = {name.lower(): number for name, number in order}
    numbers = {str(position): number for position, (_, number) in enumerate(order)}
    pieces: list[Any] = []
    i = 0
    n = len(replacement)
    literal: list[str] = []
    while i < n:
        ch = replacement[i]
        if ch != "$" or i + 1 >= n:
            literal.append(ch)
            i += 1
            continue
        nxt = replacement[i + 1]
        if nxt == "$":
            literal.append("$")
            i += 2
            continue
        ref: Any = None
        advance = 0
        if nxt.isdigit():
            j = i + 1
            while j < n and replacement[j].isdigit():
                j += 1
            digits = replacement[i + 1 : j]
            while digits and digits not in numbers:
                digits = digits[:-1]
            if digits:
                ref = ("group", numbers[digits])
                advance = 1 + len(digits)
        elif nxt == "{":
            end = replacement.find("}", i + 2)
            name = replacement[i + 2 : end] if end > 0 else ""
            if end > 0 and (name.lower() in by_name or name in numbers):
                ref = ("group", numbers[name] if name in numbers else by_name[name.lower()])
                advance = end + 1 - i
        elif nxt == "&":
            ref, advance = ("group", 0), 2
        elif nxt == "`":
            ref, advance = ("before", None), 2
        elif nxt == "'":
            ref, advance = ("after", None), 2
        elif nxt == "+":
            ref, advance = ("last", None), 2
        elif nxt == "_":
            ref, advance = ("input", None), 2
        if ref is None:
            literal.append("$")
            i += 1
            continue
        if literal:
            pieces.append("".join(literal))
            literal = []
        pieces.append(ref)
        i += advance
    if literal:
        pieces.append("".join(literal))
    last_group = order[-1][1] if len(order) > 1 else 0
    growth = [None, 0]  # [the input string, how much the replacements have added to it]

    def substitute(match: Any) -> str:
        result = _substitution(match)
        if growth[0] is not match.string:
            growth[0], growth[1] = match.string, 0
        growth[1] += len(result) - (match.end() - match.start())
        if growth[1] > 0:  # measured before re.sub builds the result
            check_string_length(len(match.string) + growth[1])
        return result

    def _substitution(match: Any) -> str:
        out: list[str] = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            kind, number = piece
            if kind == "group":
                out.append(match.group(number) or "")
            elif kind == "before":
                out.append(match.string[: match.start()])
            elif kind == "after":
                out.append(match.string[match.end() :])
            elif kind == "last":
                out.append(match.group(last_group) or "")
            else:
                out.append(match.string)
        return "".join(out)

    return substitute


class Capture:
    """``System.Text.RegularExpressions.Capture``."""

    __slots__ = ("Index", "Length", "Value")

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Capture", "System.Object")
    PS_PROPERTIES = ("Index", "Length", "Value")
    PS_METHODS = {"ToString": (0,)}

    def __init__(self, index: int, value: str):
        self.Index = index
        self.Length = len(value)
        self.Value = value

    def ToString(self) -> str:
        return self.Value


class Group(Capture):
    """``System.Text.RegularExpressions.Group``."""

    __slots__ = ("Success", "Name")

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object")
    PS_PROPERTIES = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, name: str, success: bool, index: int, value: str):
        super().__init__(index, value)
        self.Name = name
        self.Success = success

    @property
    def Captures(self) -> ArrayList:
        items = [Capture(self.Index, self.Value)] if self.Success else []
        return ArrayList(items, "System.Text.RegularExpressions.CaptureCollection")


class GroupCollection(ArrayList):
    """``Match.Groups``: indexable by number or by name."""

    __slots__ = ()

    def __init__(self, groups: list[Group]):
        super().__init__(groups, "System.Text.RegularExpressions.GroupCollection")

    def ps_get_index(self, key: Any) -> Any:
        if isinstance(key, str) and not key.lstrip("-").isdigit():
            lower = key.lower()
            return next((g for g in self if g.Name.lower() == lower), None)
        number = int(key)
        return self[number] if 0 <= number < len(self) else None


class Match(Group):
    """``System.Text.RegularExpressions.Match``."""

    __slots__ = ("_groups", "_regex", "_input", "_end")

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
                     "System.Text.RegularExpressions.Capture", "System.Object")  # fmt: skip
    PS_PROPERTIES = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")
    PS_METHODS = {"NextMatch": (0,), "ToString": (0,), "Result": (1,)}

    def __init__(self, regex: Regex, text: str, match: Any):
        if match is None:
            super().__init__("0", False, 0, "")
            self._groups: list[Group] = [Group("0", False, 0, "")]
            self._end = len(text) + 1
        else:
            super().__init__("0", True, match.start(), match.group(0))
            self._groups = []
            for name, number in group_order(match.re):
                value = match.group(number)
                self._groups.append(Group(name, value is not None, max(match.start(number), 0), value or ""))
            self._end = match.end() if match.end() > match.start() else match.end() + 1
        self._regex = regex
        self._input = text

    @property
    def Groups(self) -> GroupCollection:
        return GroupCollection(self._groups)

    def NextMatch(self) -> Match:
        if not self.Success or self._end > len(self._input):
            return Match(self._regex, self._input, None)
        return Match(self._regex, self._input, self._regex.compiled.search(self._input, self._end))

    def Result(self, replacement: Any) -> str:
        return replacement_function(to_string(replacement), self._regex.compiled)(
            self._regex.compiled.match(self._input, self.Index)
        )


class Regex:
    """``System.Text.RegularExpressions.Regex`` (``[regex]'pattern'``)."""

    __slots__ = ("pattern", "options", "compiled")

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Regex", "System.Object")
    PS_PROPERTIES = ("Options", "MatchTimeout", "RightToLeft")
    PS_METHODS = {"Match": (1, 2), "Matches": (1, 2), "IsMatch": (1, 2), "Replace": (2, 3), "Split": (1, 2),
                  "GetGroupNames": (0,), "GetGroupNumbers": (0,), "ToString": (0,)}  # fmt: skip

    def __init__(self, pattern: str, options: int = 0):
        self.pattern = pattern
        self.options = options
        self.compiled = compile_regex(pattern, options)

    @property
    def Options(self) -> Any:
        from emshell.engine.types import builtin_enum

        return builtin_enum("System.Text.RegularExpressions.RegexOptions").member(self.options)

    @property
    def MatchTimeout(self) -> TimeSpan:
        return TimeSpan(-TICKS_PER_MILLISECOND)

    @property
    def RightToLeft(self) -> bool:
        return bool(self.options & 64)

    def _start(self, text: str, start: Any, method: str) -> int:
        if start is None:
            return 0
        position = int(_number(start, method, "startat", "System.Int32"))
        if not 0 <= position <= len(text):
            raise DotNetException(_OUT_OF_RANGE, "Start index cannot be less than 0 or greater than input length.\n"
                                  "Parameter name: startat")  # fmt: skip
        return position

    def Match(self, text: Any, start: Any = None) -> Match:
        value = to_string(text)
        return Match(self, value, self.compiled.search(value, self._start(value, start, "Match")))

    def Matches(self, text: Any, start: Any = None) -> ArrayList:
        value = to_string(text)
        matches = [Match(self, value, m) for m in self.compiled.finditer(value, self._start(value, start, "Matches"))]
        return ArrayList(matches, "System.Text.RegularExpressions.MatchCollection")

    def IsMatch(self, text: Any, start: Any = None) -> bool:
        value = to_string(text)
        return self.compiled.search(value, self._start(value, start, "IsMatch")) is not None

    def Replace(self, text: Any, replacement: Any, count: Any = None) -> str:
        limit = 0 if count is None else int(_number(count, "Replace", "count", "System.Int32"))
        if limit < 0:
            limit = 0
        return self.compiled.sub(replacement_function(to_string(replacement), self.compiled), to_string(text), limit)

    def Split(self, text: Any, count: Any = None) -> list:
        from emshell.engine.primitives import TypedArray

        limit = 0 if count is None else max(0, int(_number(count, "Split", "count", "System.Int32")) - 1)
        return TypedArray(regex_split(self.compiled, to_string(text), limit), "System.String")

    def GetGroupNames(self) -> list:
        from emshell.engine.primitives import TypedArray

        return TypedArray((name for name, _ in group_order(self.compiled)), "System.String")

    def GetGroupNumbers(self) -> list:
        from emshell.engine.primitives import TypedArray

        return TypedArray(range(len(group_order(self.compiled))), "System.Int32")

    def ToString(self) -> str:
        return self.pattern


def regex_split(compiled: Any, text: str, max_splits: int = 0) -> list[str]:
    """``Regex.Split``: captured groups are kept in the output, as .NET does."""
    parts = [part for part in compiled.split(text, max_splits) if part is not None]
    check_element_count(len(parts))
    return parts


# --------------------------------------------------------------------------- collections




class StringComparer:
    """``[StringComparer]::OrdinalIgnoreCase`` and friends, for the generic collections."""

    __slots__ = ("name", "ignore_case")

    PS_PROPERTIES = ()

    def __init__(self, name: str):
        self.name = name
        self.ignore_case = name.endswith("IgnoreCase")

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        kind = "OrdinalComparer" if self.name.startswith("Ordinal") else "CultureAwareComparer"
        return ("System." + kind, "System.StringComparer", "System.Object")

    def key(self, value: Any) -> Any:
        return value.lower() if self.ignore_case and isinstance(value, str) else value

    def ToString(self) -> str:
        return self.PS_TYPE_NAMES[0]


class Dictionary(Hashtable):
    """``System.Collections.Generic.Dictionary[K,V]``: ordinal (case-sensitive) keys unless
    built with an IgnoreCase ``StringComparer``."""

    __slots__ = ("type_name", "key_type", "value_type", "comparer")

    def __init__(self, type_name: str, key_type: Any = None, value_type: Any = None,
                 comparer: StringComparer | None = None):  # fmt: skip
        super().__init__()
        self.type_name = type_name
        self.key_type = key_type
        self.value_type = value_type
        self.comparer = comparer

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (self.type_name, "System.Object")

    def _key(self, key: Any) -> Any:
        return key if self.comparer is None else self.comparer.key(key)

    def __getitem__(self, key: Any) -> Any:
        entry = self._data.get(self._key(key))
        return None if entry is None else entry[1]

    def __setitem__(self, key: Any, value: Any) -> None:
        entry = self._data.get(self._key(key))
        if entry is None:
            self._data[self._key(key)] = [key, value]
        else:
            entry[1] = value

    def __delitem__(self, key: Any) -> None:
        self._data.pop(self._key(key), None)

    def __contains__(self, key: Any) -> bool:
        return self._key(key) in self._data

    def get(self, key: Any, default: Any = None) -> Any:
        entry = self._data.get(self._key(key))
        return default if entry is None else entry[1]

    def copy(self) -> Dictionary:
        clone = Dictionary(self.type_name, self.key_type, self.value_type, self.comparer)
        for key, value in self.items():
            clone[key] = value
        return clone


class HashSet:
    """``System.Collections.Generic.HashSet[T]`` (ordinal for strings unless built with an
    IgnoreCase ``StringComparer``; insertion order kept)."""

    __slots__ = ("_items", "type_name", "element_type", "comparer")

    PS_PROPERTIES = ("Count", "Comparer")
    PS_METHODS = {"Add": (1,), "Contains": (1,), "Remove": (1,), "Clear": (0,), "UnionWith": (1,),
                  "IntersectWith": (1,), "ExceptWith": (1,), "IsSubsetOf": (1,), "IsSupersetOf": (1,),
                  "Overlaps": (1,), "SetEquals": (1,)}  # fmt: skip

    def __init__(self, type_name: str, element_type: Any = None, items: Any = (),
                 comparer: StringComparer | None = None):  # fmt: skip
        self._items: dict[Any, Any] = {}  # comparison key -> element
        self.type_name = type_name
        self.element_type = element_type
        self.comparer = comparer
        for item in items:
            self._items.setdefault(self._key(item), item)

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (self.type_name, "System.Object")

    @property
    def Count(self) -> int:
        return len(self._items)

    @property
    def Comparer(self) -> Any:
        return self.comparer

    def _key(self, item: Any) -> Any:
        return item if self.comparer is None else self.comparer.key(item)

    def ps_enumerate(self) -> Any:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def _convert(self, value: Any) -> Any:
        if self.element_type is None:
            return value
        return self.element_type.convert(value)

    def Add(self, value: Any) -> bool:
        item = self._convert(value)
        key = self._key(item)
        if key in self._items:
            return False
        self._items[key] = item
        return True

    def Contains(self, value: Any) -> bool:
        return self._key(self._convert(value)) in self._items

    def Remove(self, value: Any) -> bool:
        return self._items.pop(self._key(self._convert(value)), _MISSING) is not _MISSING

    def Clear(self) -> None:
        self._items.clear()

    def _others(self, other: Any) -> list:
        from emshell.engine.primitives import as_list

        return [self._convert(item) for item in as_list(other)]

    def _other_keys(self, other: Any) -> set:
        return {self._key(item) for item in self._others(other)}

    def UnionWith(self, other: Any) -> None:
        for item in self._others(other):
            self._items.setdefault(self._key(item), item)

    def IntersectWith(self, other: Any) -> None:
        keep = self._other_keys(other)
        self._items = {k: v for k, v in self._items.items() if k in keep}

    def ExceptWith(self, other: Any) -> None:
        for key in self._other_keys(other):
            self._items.pop(key, None)

    def IsSubsetOf(self, other: Any) -> bool:
        return set(self._items) <= self._other_keys(other)

    def IsSupersetOf(self, other: Any) -> bool:
        return set(self._items) >= self._other_keys(other)

    def Overlaps(self, other: Any) -> bool:
        return bool(set(self._items) & self._other_keys(other))

    def SetEquals(self, other: Any) -> bool:
        return set(self._items) == self._other_keys(other)


_MISSING = object()


class StringBuilder:
    """``System.Text.StringBuilder``; ``Append`` returns the builder, as in .NET.  Appends are
    kept as parts and measured as they come, so a loop of appends stays linear and cannot grow
    past the string budget (``emshell.engine.limits``)."""

    __slots__ = ("_parts", "_length", "Capacity")

    PS_TYPE_NAMES = ("System.Text.StringBuilder", "System.Object")
    PS_PROPERTIES = ("Capacity", "MaxCapacity", "Length")
    PS_METHODS = {"Append": (1, 3), "AppendLine": (0, 1), "AppendFormat": tuple(range(1, 12)), "Insert": (2,),
                  "Remove": (2,), "Replace": (2,), "Clear": (0,), "ToString": (0, 2)}  # fmt: skip
    MaxCapacity = 2147483647

    def __init__(self, text: str = "", capacity: int = 16):
        self._parts = [text] if text else []
        self._length = len(text)
        self.Capacity = max(capacity, len(text))

    def _text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def _add(self, text: str) -> StringBuilder:
        check_string_length(self._length + len(text))
        self._parts.append(text)
        self._length += len(text)
        self._grow()
        return self

    def _set(self, text: str) -> None:
        self._parts = [text] if text else []
        self._length = len(text)
        self._grow()

    def _grow(self) -> None:
        while self.Capacity < self._length:
            self.Capacity *= 2

    @property
    def Length(self) -> int:
        return self._length

    @Length.setter
    def Length(self, value: int) -> None:
        check_string_length(value)
        self._set(self._text()[:value].ljust(value, "\0"))

    def Append(self, value: Any, start: Any = None, count: Any = None) -> StringBuilder:
        text = to_string(value)
        if start is not None:
            begin = int(_number(start, "Append", "startIndex", "System.Int32"))
            text = text[begin : begin + int(_number(count, "Append", "count", "System.Int32"))]
        return self._add(text)

    def AppendLine(self, value: Any = None) -> StringBuilder:
        return self._add(to_string(value) + "\r\n")

    def AppendFormat(self, fmt: Any, *args: Any) -> StringBuilder:
        from emshell.engine.dotnet_format import FormatError, format_composite

        values = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        try:
            text = format_composite(to_string(fmt), values)
        except FormatError as error:
            raise DotNetException("System.FormatException", error.message) from None
        return self._add(text)

    def Insert(self, index: Any, value: Any) -> StringBuilder:
        text = self._text()
        at = int(_number(index, "Insert", "index", "System.Int32"))
        if not 0 <= at <= len(text):
            raise DotNetException(_OUT_OF_RANGE, "Index was out of range. Must be non-negative and less than or "
                                  "equal to the size of the collection.\nParameter name: index")  # fmt: skip
        inserted = to_string(value)
        check_string_length(self._length + len(inserted))
        self._set(text[:at] + inserted + text[at:])
        return self

    def Remove(self, start: Any, length: Any) -> StringBuilder:
        text = self._text()
        begin = int(_number(start, "Remove", "startIndex", "System.Int32"))
        count = int(_number(length, "Remove", "length", "System.Int32"))
        if begin < 0 or count < 0 or begin + count > len(text):
            raise DotNetException(_OUT_OF_RANGE, "Index was out of range. Must be non-negative and less than the "
                                  "size of the collection.\nParameter name: startIndex")  # fmt: skip
        self._set(text[:begin] + text[begin + count :])
        return self

    def Replace(self, old: Any, new: Any) -> StringBuilder:
        old_text = to_string(old)
        if not old_text:
            raise DotNetException("System.ArgumentException", "String cannot be of zero length.\nParameter name: oldValue")
        text, new_text = self._text(), to_string(new)
        check_string_length(self._length + text.count(old_text) * (len(new_text) - len(old_text)))
        self._set(text.replace(old_text, new_text))
        return self

    def Clear(self) -> StringBuilder:
        self._set("")
        return self

    def ToString(self, start: Any = None, length: Any = None) -> str:
        text = self._text()
        if start is None:
            return text
        begin = int(_number(start, "ToString", "startIndex", "System.Int32"))
        return text[begin : begin + int(_number(length, "ToString", "length", "System.Int32"))]


class PSReference:
    """``[ref]``: a box whose ``Value`` a method can set (``[int]::TryParse($s, [ref]$n)``)."""

    __slots__ = ("Value",)

    PS_TYPE_NAMES = ("System.Management.Automation.PSReference", "System.Object")
    PS_PROPERTIES = ("Value",)

    def __init__(self, value: Any = None):
        self.Value = value


# --------------------------------------------------------------------------- Encoding


class Encoding:
    """``[System.Text.Encoding]::UTF8`` and friends: bytes to text and back."""

    __slots__ = ("codec", "EncodingName", "WebName", "CodePage")

    PS_TYPE_NAMES = ("System.Text.Encoding", "System.Object")
    PS_PROPERTIES = ("BodyName", "EncodingName", "HeaderName", "WebName", "CodePage", "IsSingleByte")
    PS_METHODS = {"GetBytes": (1, 3), "GetString": (1, 3), "GetByteCount": (1,), "GetPreamble": (0,)}

    def __init__(self, codec: str, name: str, web_name: str, code_page: int):
        self.codec = codec
        self.EncodingName = name
        self.WebName = web_name
        self.CodePage = code_page

    @property
    def BodyName(self) -> str:
        return self.WebName

    HeaderName = BodyName

    @property
    def IsSingleByte(self) -> bool:
        return self.codec in ("ascii", "cp1252", "latin-1")

    def GetBytes(self, value: Any, start: Any = None, count: Any = None) -> list:
        from emshell.engine.primitives import Byte, TypedArray

        if value is None:
            raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: s")
        text = "".join(to_string(v) for v in value) if isinstance(value, list) else to_string(value)
        if start is not None:
            begin = int(_number(start, "GetBytes", "index", "System.Int32"))
            text = text[begin : begin + int(_number(count, "GetBytes", "count", "System.Int32"))]
        data = text.encode(self.codec, errors="replace")
        return TypedArray((Byte(b) for b in data), "System.Byte")

    def GetByteCount(self, value: Any) -> int:
        return len(self.GetBytes(value))

    def GetString(self, data: Any, start: Any = None, count: Any = None) -> str:
        raw = bytes(int(b) & 0xFF for b in (data or []))
        if start is not None:
            begin = int(_number(start, "GetString", "index", "System.Int32"))
            raw = raw[begin : begin + int(_number(count, "GetString", "count", "System.Int32"))]
        return raw.decode(self.codec, errors="replace")

    def GetPreamble(self) -> list:
        from emshell.engine.primitives import Byte, TypedArray

        boms = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-32-le": b"\xff\xfe\x00\x00"}
        return TypedArray((Byte(b) for b in boms.get(self.codec, b"")), "System.Byte")

    def ToString(self) -> str:
        return "System.Text." + {"utf-8": "UTF8Encoding", "ascii": "ASCIIEncoding", "utf-16-le": "UnicodeEncoding",
                                 "utf-32-le": "UTF32Encoding"}.get(self.codec, "SBCSCodePageEncoding")  # fmt: skip


_ENCODINGS = {
    "utf8": ("utf-8", "Unicode (UTF-8)", "utf-8", 65001),
    "ascii": ("ascii", "US-ASCII", "us-ascii", 20127),
    "unicode": ("utf-16-le", "Unicode", "utf-16", 1200),
    "bigendianunicode": ("utf-16-be", "Unicode (Big-Endian)", "utf-16BE", 1201),
    "utf32": ("utf-32-le", "Unicode (UTF-32)", "utf-32", 12000),
    "default": ("cp1252", "Western European (Windows)", "Windows-1252", 1252),
}


def encoding(name: str) -> Encoding:
    return Encoding(*_ENCODINGS[name.lower()])
