""".NET formatting (en-US, .NET Framework 4.x) and the DateTime/TimeSpan/Guid/Version/Regex values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from emshell.engine.dotnet import (
    DateTime,
    Guid,
    TimeSpan,
    Version,
    compile_regex,
    parse_datetime,
    parse_timespan,
    replacement_function,
    translate_pattern,
)
from emshell.engine.dotnet_format import FormatError, format_composite, format_number, format_value
from emshell.engine.dotnet_statics import regex_escape
from emshell.engine.primitives import DotNetException, Int64, Single

NUMBERS = [
    (1234.5678, "N", "1,234.57"),
    (1234.5678, "N0", "1,235"),
    (-1234.5, "N1", "-1,234.5"),
    (1234.5, "F", "1234.50"),
    (1.005, "F2", "1.01"),
    (2.5, "F0", "3"),
    (-0.001, "F2", "0.00"),
    (42, "D5", "00042"),
    (-42, "D4", "-0042"),
    (255, "X", "FF"),
    (255, "x4", "00ff"),
    (-1, "X", "FFFFFFFF"),
    (Int64(-1), "X", "FFFFFFFFFFFFFFFF"),
    (0.1234, "P", "12.34 %"),
    (0.1234, "P1", "12.3 %"),
    (-0.5, "P0", "-50 %"),
    (1234.5, "C", "$1,234.50"),
    (-1234.5, "C", "($1,234.50)"),
    (12345.678, "E", "1.234568E+004"),
    (12345.678, "e2", "1.23e+004"),
    (0.000123, "E1", "1.2E-004"),
    (12345.678, "G", "12345.678"),
    (12345.678, "G3", "1.23E+04"),
    (0.00001, "G", "1E-05"),
    (123456789, "G", "123456789"),
    (Decimal("1.50"), "G", "1.50"),
    (0.1 + 0.2, "R", "0.30000000000000004"),
    (0.5, "R", "0.5"),
    (Single(0.1), "R", "0.1"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (1234567.891, "#,##0", "1,234,568"),
    (0.256, "0%", "26%"),
    (5, "000", "005"),
    (3.14159, "0.00", "3.14"),
    (3.1, "0.##", "3.1"),
    (0.5, "#.##", ".5"),
    (1234567, "#,#,,", "1"),
    (-5, "0;(0)", "(5)"),
    (0, "0;(0);'zero'", "zero"),
    (12345, "0.0E+00", "1.2E+04"),
    (42, "'#'0", "#42"),
    (42, "\\#0", "#42"),
    (Decimal("2.345"), "N2", "2.35"),
    (Decimal("1234.5"), "C0", "$1,235"),
]


@pytest.mark.parametrize(("value", "spec", "expected"), NUMBERS, ids=[f"{v!r}:{s}" for v, s, _ in NUMBERS])
def test_number_formats(value, spec, expected):
    assert format_number(value, spec) == expected


@pytest.mark.parametrize(("value", "spec"), [(1.5, "D"), (1.5, "X"), (5, "R"), (5, "Z")])
def test_invalid_number_formats(value, spec):
    with pytest.raises(FormatError) as info:
        format_number(value, spec)
    assert info.value.message == "Format specifier was invalid."


STAMP = DateTime.from_parts(2026, 11, 27, 14, 3, 4, 56, kind="Local")
MORNING = DateTime.from_parts(2021, 3, 4, 9, 5, 6)

DATES = [
    (STAMP, "d", "11/27/2026"),
    (STAMP, "D", "Friday, November 27, 2026"),
    (STAMP, "t", "2:03 PM"),
    (STAMP, "T", "2:03:04 PM"),
    (STAMP, "f", "Friday, November 27, 2026 2:03 PM"),
    (STAMP, "F", "Friday, November 27, 2026 2:03:04 PM"),
    (STAMP, "g", "11/27/2026 2:03 PM"),
    (STAMP, "G", "11/27/2026 2:03:04 PM"),
    (STAMP, "M", "November 27"),
    (STAMP, "Y", "November 2026"),
    (STAMP, "s", "2026-11-27T14:03:04"),
    (STAMP, "u", "2026-11-27 14:03:04Z"),
    (STAMP, "o", "2026-11-27T14:03:04.0560000-05:00"),
    (STAMP, "R", "Fri, 27 Nov 2026 14:03:04 GMT"),
    (STAMP, "U", "Friday, November 27, 2026 7:03:04 PM"),
    (STAMP, "yyyy-MM-dd HH:mm:ss.fff", "2026-11-27 14:03:04.056"),
    (STAMP, "dddd, MMM d", "Friday, Nov 27"),
    (STAMP, "yyyyMMdd_HHmmss", "20261127_140304"),
    (STAMP, "h:mm tt", "2:03 PM"),
    (STAMP, "%d", "27"),
    (STAMP, "yy", "26"),
    (STAMP, "HH:mm:ss.FFF", "14:03:04.056"),
    (MORNING, "HH:mm:ss.FFF", "09:05:06"),
    (STAMP, "zzz", "-05:00"),
    (STAMP, "'Day' d 'of' MMMM", "Day 27 of November"),
    (MORNING, "M/d/yy h:m:s t", "3/4/21 9:5:6 A"),
    (STAMP, "MM\\/dd", "11/27"),
]


@pytest.mark.parametrize(("value", "spec", "expected"), DATES, ids=[f"{s}" for _, s, _ in DATES])
def test_date_formats(value, spec, expected):
    assert value.ps_format(spec) == expected


@pytest.mark.parametrize("spec", ["h", "q", "J"])
def test_single_letter_date_format_that_is_not_standard(spec):
    with pytest.raises(FormatError):
        STAMP.ps_format(spec)


SPANS = [
    (TimeSpan.from_parts(1, 2, 3, 4), None, "1.02:03:04"),
    (TimeSpan.from_parts(0, 0, 0, 4, 500), None, "00:00:04.5000000"),
    (TimeSpan(-TimeSpan.from_parts(0, 1, 0, 0).ticks), None, "-01:00:00"),
    (TimeSpan.from_parts(1, 2, 3, 4), "c", "1.02:03:04"),
    (TimeSpan.from_parts(1, 2, 3, 4, 500), "g", "1:2:03:04.5"),
    (TimeSpan.from_parts(0, 2, 3, 4), "G", "0:02:03:04.0000000"),
    (TimeSpan.from_parts(0, 2, 3, 4), r"hh\:mm\:ss", "02:03:04"),
    (TimeSpan.from_parts(3, 2, 3, 4), r"d\.hh", "3.02"),
    (TimeSpan.from_parts(0, 0, 1, 30, 250), "mm':'ss'.'fff", "01:30.250"),
]


@pytest.mark.parametrize(("value", "spec", "expected"), SPANS, ids=[str(s) for _, s, _ in SPANS])
def test_timespan_formats(value, spec, expected):
    assert value.ToString(spec) == expected


def test_timespan_custom_format_needs_escaped_separators():
    with pytest.raises(DotNetException) as info:
        TimeSpan.from_parts(0, 1, 2, 3).ToString("hh:mm")
    assert info.value.message == "Input string was not in a correct format."


COMPOSITE = [
    ("{0}", [None], ""),
    ("{{0}}", [], "{0}"),
    ("{0,-6}|{0,6}", ["ab"], "ab    |    ab"),
    ("{0:N0} items", [12345], "12,345 items"),
    ("{1}{0}", ["a", "b"], "ba"),
    ("{0}", [[1, 2]], "System.Object[]"),
    ("{0:P0}", [0.5], "50 %"),
    ("{0:yyyy}", [STAMP], "2026"),
    ("{0:hh\\:mm}", [TimeSpan.from_parts(0, 1, 2, 3)], "01:02"),
    ("{0:B}", [Guid("0f8fad5bd9cb469fa16570867728950e")], "{0f8fad5b-d9cb-469f-a165-70867728950e}"),
    ("{0}", [True], "True"),
    ("{0 , 4}", [7], "   7"),
]


@pytest.mark.parametrize(("fmt", "args", "expected"), COMPOSITE, ids=[c[0] for c in COMPOSITE])
def test_composite_format(fmt, args, expected):
    assert format_composite(fmt, args) == expected


@pytest.mark.parametrize("fmt", ["{0", "{a}", "}", "{0,}", "{0:x{"])
def test_composite_format_errors(fmt):
    with pytest.raises(FormatError) as info:
        format_composite(fmt, [1])
    assert info.value.message == "Input string was not in a correct format."


def test_format_value_ignores_format_for_strings():
    assert format_value("5", "N2") == "5"


# --------------------------------------------------------------------------- DateTime and friends


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2021-03-04", "03/04/2021 00:00:00"), ("2021-03-04T05:06:07", "03/04/2021 05:06:07"),
     ("2021-03-04 05:06:07.5", "03/04/2021 05:06:07"), ("3/4/2021", "03/04/2021 00:00:00"),
     ("3/4/21 5:06 PM", "03/04/2021 17:06:00"), ("2021/3/4", "03/04/2021 00:00:00"),
     ("March 4, 2021", "03/04/2021 00:00:00"), ("4 Mar 2021 10:00", "03/04/2021 10:00:00"),
     ("Thu, 04 Mar 2021 10:00:00 GMT", "03/04/2021 05:00:00"), ("2021-03-04T10:00:00+01:00", "03/04/2021 04:00:00"),
     ("10:30", "11/27/2026 10:30:00")],
)
def test_datetime_parse(text, expected, ctx):
    assert parse_datetime(text, ctx).ps_to_string() == expected


@pytest.mark.parametrize("text", ["13/13/2021", "2021-02-30", "abc", "25:00"])
def test_datetime_parse_rejects(text, ctx):
    with pytest.raises(ValueError, match="String was not recognized as a valid DateTime."):
        parse_datetime(text, ctx)


def test_datetime_arithmetic_and_kinds():
    utc = STAMP.ToUniversalTime()
    assert (utc.kind, utc.ps_to_string(), utc.ToLocalTime().ps_to_string()) == (
        "Utc", "11/27/2026 19:03:04", "11/27/2026 14:03:04")
    assert STAMP.AddYears(1).AddMonths(-13).ps_to_string() == "10/27/2026 14:03:04"
    assert STAMP.Subtract(MORNING).TotalDays == pytest.approx(2094.20692, abs=1e-5)


def test_datetime_range_error():
    with pytest.raises(DotNetException) as info:
        DateTime.from_parts(9999, 12, 31).AddDays(1)
    assert info.value.message == (
        "The added or subtracted value results in an un-representable DateTime.\nParameter name: value")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("00:30", "00:30:00"), ("1.00:00:01", "1.00:00:01"), ("1:02:03:04", "1.02:03:04"), ("-1:00", "-01:00:00"),
     ("00:00:00.1234567", "00:00:00.1234567")],
)
def test_timespan_parse(text, expected):
    assert parse_timespan(text).ToString() == expected


def test_guid_formats():
    guid = Guid.parse("0F8FAD5B-D9CB-469F-A165-70867728950E")
    assert [guid.ToString(f) for f in ("N", "D", "B", "P")] == [
        "0f8fad5bd9cb469fa16570867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e",
        "{0f8fad5b-d9cb-469f-a165-70867728950e}", "(0f8fad5b-d9cb-469f-a165-70867728950e)"]


def test_version_ordering():
    assert sorted([Version.parse("15.1.2"), Version.parse("15.1"), Version.parse("8.0.0.1")], key=lambda v: v._key()) == [
        Version.parse("8.0.0.1"), Version.parse("15.1"), Version.parse("15.1.2")]
    assert Version.parse("15.1").ToString() == "15.1" and Version.parse("15.1").Revision == -1


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("(?<name>x)", "(?P<name>x)"), ("(?'n'x)\\k<n>", "(?P<n>x)(?P=n)"), ("a\\z", "a\\Z"), ("(?<=a)b", "(?<=a)b"),
     ("[a[]", "[a\\[]"), ("\\p{Lu}", "[A-Z]")],
)
def test_translate_pattern(pattern, expected):
    assert translate_pattern(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "replacement", "text", "expected"),
    [(r"(\w+)@(\w+)", "$2\\$1", "me@host", "host\\me"), (r"(?<u>\w+)@", "${u}#", "me@", "me#"),
     (r"b", "[$`|$']", "abc", "a[a|c]c"), (r"(a)(b)?", "$2$1", "ac", "ac"), (r"x", "$9", "x", "$9"),
     (r"(a)", "$10", "a", "a0")],
)
def test_replacement_strings(pattern, replacement, text, expected):
    compiled = compile_regex(pattern)
    assert compiled.sub(replacement_function(replacement, compiled), text) == expected


def test_regex_escape_matches_dotnet():
    assert regex_escape("C:\\a b.txt [x] {y} #") == "C:\\\\a\\ b\\.txt\\ \\[x]\\ \\{y}\\ \\#"
