"""How values read on screen (5.1 PSObjectHelper.FormatField / SmartToString / GetObjectName)."""

from decimal import Decimal

import pytest
from formatting_support import ExchangeObject, ObjectId, Service, custom

from emshell.engine.dotnet import DateTime, TimeSpan
from emshell.engine.primitives import Single
from emshell.engine.psobject import Hashtable, PSObject
from emshell.formatting.values import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    default_alignment,
    field_text,
    smart_to_string,
    visible_properties,
)
from emshell.formatting.views import UM_SERVER

WHEN = DateTime.from_parts(2026, 11, 27, 14, 3, 4)


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""),
    (True, "True"),
    (False, "False"),
    (42, "42"),
    (-7, "-7"),
    (0.1 + 0.2, "0.3"),
    (1e20, "1E+20"),
    (2.5, "2.5"),
    (Single(1.1), "1.1"),
    (Decimal("1.50"), "1.50"),
    ("text", "text"),
    ("", ""),
    # en-US current culture, not the invariant "11/27/2026 14:03:04" of [string]
    (WHEN, "11/27/2026 2:03:04 PM"),
    (TimeSpan.from_parts(30, 0, 0, 0), "30.00:00:00"),
    (TimeSpan.from_parts(0, 1, 2, 3), "01:02:03"),
    ([1, 2, 3], "{1, 2, 3}"),
    ([], "{}"),
    (["a"], "{a}"),
    ([None, 1], "{$null, 1}"),
    ([True, 2.5, WHEN], "{True, 2.5, 11/27/2026 2:03:04 PM}"),
    (Hashtable([("a", 1), ("b", 2)]), "{a, b}"),
    (Hashtable(), "{}"),
    (custom(a=1, b="x"), "@{a=1; b=x}"),
    # PSObject.ToString does not expand what it holds
    (custom(a=[1, 2], h=Hashtable([("k", 1)]), n=None, d=WHEN), "@{a=System.Object[]; h=System.Collections.Hashtable; n=; d=11/27/2026 2:03:04 PM}"),
    (custom(inner=custom(x=1)), "@{inner=@{x=1}}"),
    (PSObject(), "@{}"),
    ([custom(a=1), custom(a=2)], "{@{a=1}, @{a=2}}"),
    ([ObjectId("DP1"), ObjectId("DP2")], "{DP1, DP2}"),
    # items without their own ToString show their display-name property
    ([Service("W32Time", "Windows Time")], "{W32Time}"),
])  # fmt: skip
def test_display_text(value, expected):
    assert smart_to_string(value, 16) == expected


@pytest.mark.parametrize(("count", "limit", "expected"), [
    (4, 4, "{1, 2, 3, 4}"),
    (5, 4, "{1, 2, 3, 4...}"),
    (20, 16, "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16...}"),
    (16, 16, "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}"),
    (3, 0, "{...}"),
    (0, 0, "{}"),
    (6, -1, "{1, 2, 3, 4, 5, 6}"),
])  # fmt: skip
def test_enumeration_limit(count, limit, expected):
    assert smart_to_string(list(range(1, count + 1)), limit) == expected


@pytest.mark.parametrize(("value", "format_string", "expected"), [
    (3.14159, "N2", "3.14"),
    (1234567, "N0", "1,234,567"),
    (5, "{0:D3}", "005"),
    (0.256, "P1", "25.6 %"),
    (WHEN, "yyyy-MM-dd", "2026-11-27"),
    ("text", "{0,6}", "  text"),
    (5, "{1}", ""),  # a failing format shows an empty field
    (5, None, "5"),
])  # fmt: skip
def test_format_string(value, format_string, expected):
    assert field_text(value, 16, format_string) == expected


@pytest.mark.parametrize(("value", "alignment"), [
    (1, ALIGN_RIGHT), (1.5, ALIGN_RIGHT), (True, ALIGN_RIGHT), (Decimal(1), ALIGN_RIGHT),
    ("1", ALIGN_LEFT), (None, ALIGN_LEFT), (WHEN, ALIGN_LEFT), ([1, 2], ALIGN_LEFT), (custom(a=1), ALIGN_LEFT),
])  # fmt: skip
def test_generated_columns_right_align_scalars_but_strings(value, alignment):
    assert default_alignment(value) == alignment


def test_remoting_properties_are_hidden_and_runspace_id_leads():
    obj = ExchangeObject(UM_SERVER, [("Name", "UM01"), ("Status", "Enabled")])
    assert visible_properties(obj) == ["RunspaceId", "Name", "Status"]


def test_computer_name_shows_when_asked_for():
    obj = ExchangeObject(UM_SERVER, [("Name", "UM01")])
    obj.PSShowComputerName = True
    assert visible_properties(obj) == ["PSComputerName", "RunspaceId", "Name"]
