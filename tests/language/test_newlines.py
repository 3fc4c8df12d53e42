"""Where a newline ends a statement and where PowerShell reads on.

A newline is a statement separator only where one may stand; after ``|``, ``,``, ``=``, a
binary or unary operator, an opening bracket or a keyword that needs more, it is white space.
``else``/``elseif``/``catch``/``finally`` on the next line continue the statement before.
Deeply nested input is refused with a ParseError, never a RecursionError.
"""

from __future__ import annotations

import pytest
from tree_shapes import shape

from emshell.engine.errors import ParseError
from emshell.language import parse


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Get-A |\nGet-B", "cmd(b'Get-A') | cmd(b'Get-B')"),
        ("Get-A |\n\n  # note\n  Get-B", "cmd(b'Get-A') | cmd(b'Get-B')"),
        ("Get-A -X 1,\n 2", "cmd(b'Get-A', -X, @[1, 2])"),
        ("$x = 1,\n2", "$x = @[1, 2]"),
        ("$x =\n 5", "$x = 5"),
        ("$x = 1 +\n 2", "$x = (1 + 2)"),
        ("$x = 1 -and\n $y", "$x = (1 -and $y)"),
        ("$x = -not\n $y", "$x = (-not $y)"),
        ("$x = (\n 1\n)", "$x = paren(1)"),
        ("$x = 1\n+ 2", "$x = 1; (+2)"),
        ("$x.Method(\n 1,\n 2)", "$x.Method(1, 2)"),
        ("$a[\n0\n]", "$a[0]"),
        ("@{\n a = 1\n\n b = 2\n}", "@{b'a'=1; b'b'=2}"),
        ("if ($x)\n{ 1 }\nelse\n{ 2 }", "if($x){1} else{2}"),
        ("if ($x) { 1 }\n\nelseif ($y) { 2 }", "if($x){1} elseif($y){2}"),
        ("try { 1 }\ncatch { 2 }\nfinally { 3 }", "try{1} catch{2} finally{3}"),
        ("foreach ($i in $a)\n{\n $i\n}", "foreach($i in $a){$i}"),
        ("function f\n{\n 1\n}", "function f{1}"),
        ("switch ($x)\n{\n 1\n {\n 'a'\n }\n}", "switch($x){1{'a'}}"),
        ("do { 1 }\nwhile ($x)", "do{1}while($x)"),
        ("[CmdletBinding()]\nparam\n(\n $a\n)", "[CmdletBinding()]param($a)"),
        ("Get-A `\n -X 1", "cmd(b'Get-A', -X, 1)"),
        ("Get-A\n-X 1", "cmd(b'Get-A'); cmd(b'-X', 1)"),
        ("Get-A ` \n-X", "cmd(b'Get-A'); cmd(b'-X')"),
        ("Get-A; Get-B\r\nGet-C", "cmd(b'Get-A'); cmd(b'Get-B'); cmd(b'Get-C')"),
    ],
)
def test_newline(source, expected):
    assert shape(parse(source)) == expected


@pytest.mark.parametrize(
    "source",
    ["(" * 3000 + "1" + ")" * 3000, "{" * 3000 + "}" * 3000, "@(" * 3000, "-not " * 3000 + "1",
     "if ($x) {" * 1000 + "}" * 1000, "$(" * 3000 + ")" * 3000],  # fmt: skip
)
def test_deep_nesting_is_refused_cleanly(source):
    with pytest.raises(ParseError) as caught:
        parse(source)
    assert caught.value.errors[0].ErrorId == "ScriptTooComplicated"
    assert caught.value.errors[0].Message == "Processing was stopped because the script is too complex."


def test_moderate_nesting_parses():
    assert shape(parse("(" * 60 + "1" + ")" * 60)).count("paren(") == 60
