"""LanguagePrimitives: truthiness, string conversion, enumeration, equality and ordering."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import error_of

from emshell.engine.dotnet import DateTime, Guid, TimeSpan
from emshell.engine.primitives import (
    DefaultContext,
    Int64,
    Single,
    TypedArray,
    compare,
    enumerate_value,
    equals,
    is_true,
    to_string,
    type_name,
)
from emshell.engine.psobject import ArrayList, Char, Hashtable, PSObject
from emshell.engine.types import builtin_enum

DAY = builtin_enum("System.DayOfWeek")

TRUTH = [
    ("$null", None, False),
    ("0", 0, False),
    ("1", 1, True),
    ("-1", -1, True),
    ("0.0", 0.0, False),
    ("0d", Decimal(0), False),
    ("''", "", False),
    ("'0'", "0", True),
    ("'False'", "False", True),
    ("' '", " ", True),
    ("@()", [], False),
    ("@(0)", [0], False),
    ("@(1)", [1], True),
    ("@('')", [""], False),
    ("@(0, 0)", [0, 0], True),
    ("@(,@())", [[]], False),
    ("@(,@(0))", [[0]], True),
    ("@{}", Hashtable(), True),
    ("[pscustomobject]@{}", PSObject(), True),
    ("[DayOfWeek]::Sunday", DAY["Sunday"], False),
    ("[DayOfWeek]::Monday", DAY["Monday"], True),
    ("$true", True, True),
]


@pytest.mark.parametrize(("expression", "value", "expected"), TRUTH, ids=[t[0] for t in TRUTH])
def test_is_true(expression, value, expected):
    assert is_true(value) is expected


STRINGS = [
    ("$true", True, "True"),
    ("$null", None, ""),
    ("42", 42, "42"),
    ("0.1 + 0.2", 0.1 + 0.2, "0.3"),
    ("1/3", 1 / 3, "0.333333333333333"),
    ("1e20", 1e20, "1E+20"),
    ("1e15", 1e15, "1E+15"),
    ("123456789012345.0", 123456789012345.0, "123456789012345"),
    ("0.0001", 0.0001, "0.0001"),
    ("0.00001", 0.00001, "1E-05"),
    ("-1.5", -1.5, "-1.5"),
    ("[double]::MaxValue", 1.7976931348623157e308, "1.79769313486232E+308"),
    ("[double]::PositiveInfinity", float("inf"), "Infinity"),
    ("[double]::NaN", float("nan"), "NaN"),
    ("[float]0.1", Single(0.1), "0.1"),
    ("1.50d", Decimal("1.50"), "1.50"),
    ("[decimal]1e2", Decimal("1E+2"), "100"),
    ("1, 2, 3", [1, 2, 3], "1 2 3"),
    ("1, (2, 3)", [1, [2, 3]], "1 System.Object[]"),
    ("@{}", Hashtable(), "System.Collections.Hashtable"),
    ("[ordered]@{}", Hashtable(ordered=True), "System.Collections.Specialized.OrderedDictionary"),
    ("[pscustomobject]@{a=1; b=$null; c=1,2}", PSObject([("a", 1), ("b", None), ("c", [1, 2])]),
     "@{a=1; b=; c=System.Object[]}"),
    ("Get-Date (frozen)", DateTime.from_parts(2026, 11, 27, 14, 3, 4), "11/27/2026 14:03:04"),
    ("[char]'x'", Char("x"), "x"),
    ("[DayOfWeek]::Friday", DAY["Friday"], "Friday"),
    ("[timespan]'1.02:03:04'", TimeSpan.from_parts(1, 2, 3, 4), "1.02:03:04"),
    ("[guid]", Guid("0f8fad5bd9cb469fa16570867728950e"), "0f8fad5b-d9cb-469f-a165-70867728950e"),
    ("1TB", 2**40, "1099511627776"),
]


@pytest.mark.parametrize(("expression", "value", "expected"), STRINGS, ids=[t[0] for t in STRINGS])
def test_to_string(expression, value, expected):
    assert to_string(value) == expected


def test_to_string_joins_arrays_with_ofs():
    assert to_string([1, 2, 3], DefaultContext(ofs="-")) == "1-2-3"


TYPE_NAMES = [
    ("1", 1, "System.Int32"),
    ("3000000000", 3000000000, "System.Int64"),
    ("[long]1", Int64(1), "System.Int64"),
    ("1.5", 1.5, "System.Double"),
    ("'a'", "a", "System.String"),
    ("@()", [], "System.Object[]"),
    ("[string[]]@()", TypedArray((), "System.String"), "System.String[]"),
    ("ArrayList", ArrayList(), "System.Collections.ArrayList"),
    ("$true", True, "System.Boolean"),
    ("$null", None, ""),
]


@pytest.mark.parametrize(("expression", "value", "expected"), TYPE_NAMES, ids=[t[0] for t in TYPE_NAMES])
def test_type_name(expression, value, expected):
    assert type_name(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [([1, 2], [1, 2]), (ArrayList([3]), [3]), ("abc", None), (Hashtable([("a", 1)]), None), (None, None),
     (PSObject(), None), (5, None)],
    ids=["array", "ArrayList", "string", "hashtable", "null", "PSObject", "scalar"],
)
def test_enumerate_value(value, expected):
    items = enumerate_value(value)
    assert (None if items is None else list(items)) == expected


EQUALS = [
    ("1 -eq 1.0", 1, 1.0, False, True),
    ("1 -eq 1.5", 1, 1.5, False, False),
    ("1 -eq '1'", 1, "1", False, True),
    ("1 -eq '1.0'", 1, "1.0", False, True),
    ("'1.0' -eq 1", "1.0", 1, False, False),
    ("'abc' -eq 'ABC'", "abc", "ABC", False, True),
    ("'abc' -ceq 'ABC'", "abc", "ABC", True, False),
    ("1 -eq 'abc'", 1, "abc", False, False),
    ("0 -eq ''", 0, "", False, True),
    ("$null -eq $null", None, None, False, True),
    ("$null -eq 0", None, 0, False, False),
    ("0 -eq $null", 0, None, False, False),
    ("$true -eq 'false'", True, "false", False, True),
    ("$false -eq ''", False, "", False, True),
    ("$true -eq 10", True, 10, False, True),
    ("[char]'a' -eq 'A'", Char("a"), "A", False, True),
    ("[char]'a' -ceq 'A'", Char("a"), "A", True, False),
    ("@(1) -eq @(1) (reference)", [1], [1], False, False),
    ("[DayOfWeek]::Monday -eq 'monday'", DAY["Monday"], "monday", False, True),
    ("'Monday' -eq [DayOfWeek]::Monday", "Monday", DAY["Monday"], False, True),
    ("(Get-Date) -eq '11/27/2026 14:03:04'", DateTime.from_parts(2026, 11, 27, 14, 3, 4), "11/27/2026 14:03:04",
     False, True),
]


@pytest.mark.parametrize(("expression", "a", "b", "cs", "expected"), EQUALS, ids=[t[0] for t in EQUALS])
def test_equals(expression, a, b, cs, expected):
    assert equals(a, b, cs) is expected


COMPARE = [
    ("1 vs 2", 1, 2, False, -1),
    ("'a' vs 'B'", "a", "B", False, -1),
    ("'B' vs 'a'", "B", "a", False, 1),
    ("'a' vs 'A' case-sensitive (lower case first)", "a", "A", True, -1),
    ("'a' vs 'A'", "a", "A", False, 0),
    ("'10' vs 9 (string comparison)", "10", 9, False, -1),
    ("10 vs '9' (numeric comparison)", 10, "9", False, 1),
    ("$null vs 1", None, 1, False, -1),
    ("1 vs $null", 1, None, False, 1),
    ("2.5 vs 2", 2.5, 2, False, 1),
    ("[timespan] vs '01:00:00'", TimeSpan.from_parts(0, 2, 0, 0), "01:00:00", False, 1),
]


@pytest.mark.parametrize(("expression", "a", "b", "cs", "expected"), COMPARE, ids=[t[0] for t in COMPARE])
def test_compare(expression, a, b, cs, expected):
    assert compare(a, b, cs) == expected


COMPARE_ERRORS = [
    ("1 -lt 'abc'", 1, "abc", "ComparisonFailure",
     'Could not compare "1" to "abc". Error: "Cannot convert value "abc" to type "System.Int32". '
     'Error: "Input string was not in a correct format.""'),
    ("[char]'0' -ge 0.02", Char("0"), 0.02, "ComparisonFailure",
     'Could not compare "0" to "0.02". Error: "Cannot convert value "0.02" to type "System.Char". '
     "Error: \"Invalid cast from 'Double' to 'Char'.\"\""),
    ("@{} -lt 1", Hashtable(), 1, "NotIcomparable",
     'Cannot compare "System.Collections.Hashtable" because it is not IComparable.'),
]


@pytest.mark.parametrize(("expression", "a", "b", "error_id", "message"), COMPARE_ERRORS,
                         ids=[t[0] for t in COMPARE_ERRORS])
def test_compare_errors(expression, a, b, error_id, message):
    assert error_of(lambda: compare(a, b)) == (error_id, message)
