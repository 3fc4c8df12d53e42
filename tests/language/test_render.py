"""``render_parse_error``: the console text of a parse error, as Windows PowerShell 5.1 shows it.

The layout is the ParseException message (``At line:L char:C`` or ``At <file>:L char:C``,
the source line after ``+ ``, tildes under the error, the error text) and the two ``+``
lines of the error view.  Command text reports ``ParentContainsErrorRecordException``, a
script file ``ParseException``.  Lines longer than 69 characters are cut around the error
and marked with ``...``; tabs count as four spaces.
"""

from __future__ import annotations

import pytest

from emshell.engine.errors import ParseError
from emshell.language import parse, render_parse_error


def rendered(source: str, path: str | None = None) -> str:
    with pytest.raises(ParseError) as caught:
        parse(source, path)
    return render_parse_error(caught.value)


def test_command_text():
    assert rendered("1 +") == (
        "At line:1 char:4\n"
        "+ 1 +\n"
        "+    ~\n"
        "You must provide a value expression following the '+' operator.\n"
        "    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n"
        "    + FullyQualifiedErrorId : ExpectedValueExpression\n"
        " \n"
    )


def test_script_file():
    assert rendered("Get-Foo\n  if ($x) {", r"C:\Scripts\x.ps1") == (
        "At C:\\Scripts\\x.ps1:2 char:11\n"
        "+   if ($x) {\n"
        "+           ~\n"
        "Missing closing '}' in statement block or type definition.\n"
        "    + CategoryInfo          : ParserError: (:) [], ParseException\n"
        "    + FullyQualifiedErrorId : MissingEndCurlyBrace\n"
        " \n"
    )


def test_token_underlined_in_full():
    assert rendered("$x = 1 foobar   ").splitlines()[:4] == [
        "At line:1 char:8",
        "+ $x = 1 foobar",
        "+        ~~~~~~",
        "Unexpected token 'foobar' in expression or statement.",
    ]


def test_long_line_is_cut_around_the_error():
    source = (
        "Get-UMService -Identity EX01 | Where-Object { $_.Name -like 'EX*' } | "
        "Set-UMService -UMStartupMode Dual -Confirm:$false )"
    )
    assert rendered(source).splitlines()[:3] == [
        "At line:1 char:121",
        "+ ... e -like 'EX*' } | Set-UMService -UMStartupMode Dual -Confirm:$false )",
        "+ " + " " * 72 + "~",
    ]


def test_tabs_count_as_four_spaces():
    assert rendered("\tif\t($x").splitlines()[:3] == [
        "At line:1 char:8",
        "+     if    ($x",
        "+              ~",
    ]


def test_multi_line_string_is_underlined_to_the_end_of_its_first_line():
    assert rendered("Write-Host 'abc\ndef").splitlines()[:3] == [
        "At line:1 char:12",
        "+ Write-Host 'abc",
        "+            ~~~~",
    ]
