"""Column arithmetic and cell text (5.1 ColumnWidthManager, TableWriter, ListWriter)."""

import pytest

from emshell.formatting.layout import (
    TableLayout,
    best_items_per_row,
    fit_column_widths,
    list_lines,
    row_field,
)
from emshell.formatting.values import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT


@pytest.mark.parametrize(("widths", "table_width", "expected"), [
    ([5, 5], 20, [5, 5]),                  # fits: nothing changes
    ([10, 0, 0], 30, [10, 9, 9]),          # unsized columns share the rest
    ([10, 0, 0], 31, [10, 10, 9]),         # one character at a time, from the left
    ([30, 0], 119, [30, 88]),              # the hashtable view: Value takes the line
    ([20, 20, 20], 50, [20, 20, 8]),       # too wide: the last column shrinks
    ([30, 30, 30], 40, [30, 9, -1]),       # ... or is hidden when it cannot keep one character
    ([0, 0], 3, [1, 1]),
])  # fmt: skip
def test_column_widths(widths, table_width, expected):
    assert fit_column_widths(widths, table_width) == expected


@pytest.mark.parametrize(("value", "width", "alignment", "expected"), [
    ("ab", 5, ALIGN_LEFT, "ab   "),
    ("ab", 5, ALIGN_RIGHT, "   ab"),
    ("ab", 5, ALIGN_CENTER, " ab  "),
    ("abcdef", 6, ALIGN_LEFT, "abcdef"),
    ("abcdefgh", 6, ALIGN_LEFT, "abc..."),     # 5.1 cuts with three dots
    ("abcdefgh", 6, ALIGN_RIGHT, "...fgh"),    # right-aligned cells keep their end
    ("abcdefgh", 6, ALIGN_CENTER, "abc..."),
    ("abcdefgh", 3, ALIGN_LEFT, "abc"),        # no room for dots
    ("abcdefgh", 3, ALIGN_RIGHT, "fgh"),
    ("one\ntwo", 8, ALIGN_LEFT, "one...  "),   # first line only
    ("", 3, ALIGN_LEFT, "   "),
    ("日本語", 5, ALIGN_LEFT, "日..."),         # East Asian characters take two cells
    ("日本語", 4, ALIGN_LEFT, "... "),          # a cut wide character leaves one cell blank
])  # fmt: skip
def test_cell_text(value, width, alignment, expected):
    assert row_field(value, width, alignment) == expected


def test_header_dashes_match_label_length_and_right_columns_align_right():
    table = TableLayout(40, [6, 5, 4], [ALIGN_LEFT, ALIGN_RIGHT, ALIGN_LEFT])
    assert table.header(["Name", "Num", "Desc"]) == ["Name     Num Desc", "----     --- ----"]


def test_long_header_wraps_in_its_column():
    table = TableLayout(40, [6, 3, 8], [ALIGN_LEFT, ALIGN_RIGHT, ALIGN_LEFT])
    assert table.header(["Name", "Num", "Description"]) == [
        "Name   Num Descript",
        "           ion     ",
        "----   --- --------",
    ]


def test_wrapped_row_pads_shorter_cells():
    table = TableLayout(40, [5, 10], [ALIGN_LEFT, ALIGN_LEFT])
    assert table.row(["a", "one two three"], None, True) == ["a     one two   ", "      three     "]
    assert table.row(["a", "one two three"], None, False) == ["a     one two..."]


def test_hidden_column_keeps_its_separator_in_single_line_rows():
    # 5.1 adds the blank before every column after the first, hidden or not
    table = TableLayout(12, [10, 10, 10], [ALIGN_LEFT] * 3)
    assert table.widths == [10, 1, -1]
    assert table.row(["abc", "x", "y"], None, False) == ["abc        x"]


def test_too_narrow_screen_shows_no_table():
    assert TableLayout(4, [2], [ALIGN_LEFT]).header(["a"]) == []


@pytest.mark.parametrize(("item", "screen", "expected"), [
    (10, 119, 10), (20, 119, 5), (118, 119, 1), (200, 119, 1), (0, 119, 1),
])  # fmt: skip
def test_wide_items_per_row(item, screen, expected):
    assert best_items_per_row(item, screen) == expected


def test_list_labels_pad_to_the_longest_and_values_wrap_under_the_value_column():
    assert list_lines(["Name", "Description"], ["UM01", "one two three four five"], 30) == [
        "Name        : UM01",
        "Description : one two three ",
        "              four five",
    ]


def test_list_value_lines_and_empty_values():
    assert list_lines(["A", "Bb"], ["x\ny", ""], 30) == ["A  : x", "     y", "Bb : "]
