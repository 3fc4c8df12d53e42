"""Line breaking: the formatter's word wrap (5.1 GenerateLines) and the console host's
(5.1 ConsoleHostUserInterface.WrapText)."""

import pytest

from emshell.formatting.text import cell_len, generate_lines, truncate_at_newline, wrap_text


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("", 10, [""]),
    ("short", 10, ["short"]),
    ("exactly10!", 10, ["exactly10!"]),
    # a word keeps its trailing blank, so wrapped lines can end in one
    ("the quick brown fox jumps", 10, ["the quick ", "brown fox ", "jumps"]),
    ("hello world", 8, ["hello ", "world"]),
    # a word longer than a line is cut to fill the current line first
    ("abcdefghijklmnop", 5, ["abcde", "fghij", "klmno", "p"]),
    ("ab cdefghij", 5, ["ab cd", "efghi", "j"]),
    # every source line is wrapped on its own
    ("one\ntwo three four", 9, ["one", "two ", "three ", "four"]),
    ("crlf\r\nline", 10, ["crlf", "line"]),
])  # fmt: skip
def test_formatter_word_wrap(text, width, expected):
    assert generate_lines(text, width) == expected


def test_formatter_first_line_can_be_narrower():
    assert generate_lines("aaa bbb ccc ddd", 4, 8) == ["aaa ", "bbb ccc ", "ddd"]


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("WARNING: aaa bbb", 10, ["WARNING: ", "aaa bbb"]),
    # a run of blanks that does not fit fills the line exactly; the rest starts the next
    ("abcd     efg", 6, ["abcd  ", "   efg"]),
    ("abcdefgh", 3, ["abc", "def", "gh"]),
    ("a\nb", 5, ["a", "b"]),
    ("tab\there", 20, ["tab here"]),
    ("", 5, []),
])  # fmt: skip
def test_console_host_wrap(text, width, expected):
    assert wrap_text(text, width) == expected


@pytest.mark.parametrize(("text", "cells"), [("abc", 3), ("日本", 4), ("aé", 2), ("", 0)])
def test_screen_cells(text, cells):
    assert cell_len(text) == cells


@pytest.mark.parametrize(("text", "expected"), [
    ("one line", "one line"), ("first\nsecond", "first..."), ("cr\rlf", "cr..."), ("", ""),
])  # fmt: skip
def test_table_cells_show_their_first_line(text, expected):
    assert truncate_at_newline(text) == expected
