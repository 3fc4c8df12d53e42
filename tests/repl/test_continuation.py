"""Enter runs complete input; incomplete input opens a ``>> `` line."""

from __future__ import annotations

import pytest

from emshell.repl.continuation import balanced, is_complete

CASES = [
    ("", True),
    ("   ", True),
    ("Get-UMService", True),
    ("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual", True),
    ("if ($true) {", False),
    ("if ($true) {\n  'yes'\n}", True),
    ("foreach ($s in Get-UMService) {\n  $s.Name", False),
    ("function Test-It {", False),
    ("Get-UMService |", False),
    ("Get-UMService |\n  Format-List", True),
    ("Get-UMService `", False),
    ("Get-UMService `\n  -Identity MyUMServer1", True),
    ("(1 +", False),
    ("1 +", False),
    ("$a = @(1,", False),
    ("'unclosed", False),
    ('"unclosed', False),
    ("'closed'", True),
    ('@"\nhere-string', False),
    ('@"\nhere-string\n"@', True),
    ("@'\nliteral\n'@", True),
    ("<# open comment", False),
    ("Get-Date # a comment with an { in it", True),
    ("}", True),  # an error, but complete: running it shows the parse error
    ("Get-UMService )", True),
]


@pytest.mark.parametrize(("text", "complete"), CASES, ids=[repr(t) for t, _ in CASES])
def test_is_complete(text: str, complete: bool) -> None:
    assert is_complete(text) is complete


@pytest.mark.parametrize(("text", "complete"), [
    ("if ($true) {", False),
    ("if ($true) { 'x' }", True),
    ("Get-UMService |", False),
    ("Get-UMService | Format-List", True),
    ("'open", False),
    ('"a $(1 + (2)) b"', True),
    ("Get-Date `", False),
    ("<# x", False),
    ("${open", False),
    ("@(1,", False),
    ("}", True),
])  # fmt: skip
def test_the_fallback_counts_brackets_and_quotes(text: str, complete: bool) -> None:
    assert balanced(text) is complete
