"""Formatting end to end: PowerShell text in, console text out (script blocks in calculated
properties, $FormatEnumerationLimit, Out-String, the streams)."""

import pytest

language = pytest.importorskip("emshell.language")
if not hasattr(language, "parse"):  # the parser is built in parallel; these run once it exists
    pytest.skip("emshell.language.parse is not available yet", allow_module_level=True)

from formatting_support import show  # noqa: E402

from emshell.shell import Shell  # noqa: E402


@pytest.mark.parametrize(("script", "expected"), [
    ("[pscustomobject]@{Name='UM01'; Count=12} | Format-Table Name, @{n='Half'; e={$_.Count / 2}; Alignment='Left'}",
     "\nName Half\n---- ----\nUM01 6   \n\n\n"),
    ("[pscustomobject]@{Name='UM01'; Count=12} | Format-List Name, @{Label='Double'; Expression={$_.Count * 2}}",
     "\n\nName   : UM01\nDouble : 24\n\n\n\n"),
    ("$FormatEnumerationLimit = 2; [pscustomobject]@{a=1..5} | Format-List",
     "\n\na : {1, 2...}\n\n\n\n"),
    ("1..4 | ForEach-Object { [pscustomobject]@{n=$_; odd=$_ % 2} } | Format-Table n -GroupBy odd",
     "\n\n   odd: 1\n\nn\n-\n1\n\n\n   odd: 0\n\nn\n-\n2\n\n\n   odd: 1\n\nn\n-\n3\n\n\n   odd: 0\n\nn\n-\n4\n\n\n"),
    ("[pscustomobject]@{Name='a'}, [pscustomobject]@{Name='b'} | Format-Wide -Column 2",
     "\n\na" + " " * 59 + "b" + " " * 58 + "\n\n\n"),  # two columns of 59 on 119
    # strings stay out of band, even through Format-Wide (5.1 needs -Force to format them)
    ("'a', 'b' | Format-Wide -Column 2", "a\nb\n"),
    ("Write-Warning 'Changes take effect after the service restarts.'",
     "WARNING: Changes take effect after the service restarts.\n"),
    ("@{Port=5062}", "\nName                           Value" + " " * 83 + "\n----                           -----"
     + " " * 83 + "\nPort                           5062" + " " * 84 + "\n\n\n"),
])  # fmt: skip
def test_console_text(script, expected):
    text = Shell().run(script).text
    assert text == expected, show(text)


def test_out_string_returns_the_console_text_as_one_string():
    result = Shell().run("[pscustomobject]@{a=1} | Out-String")
    assert result.output == ["\na\n-\n1\n\n\n"]


def test_out_string_stream_gives_lines():
    result = Shell().run("[pscustomobject]@{a=1} | Out-String -Stream")
    assert result.output == ["", "a", "-", "1", "", ""]
