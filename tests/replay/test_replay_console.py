"""Replaying a script at the prompt: how it is cut into command lines, what the console shows,
and the Python API around it."""

from __future__ import annotations

import pytest

from emshell import Shell
from emshell.replay import split_script

P = "[PS] C:\\Windows\\system32>"

# (script, [(typed text, runs)], param block text)
SPLITS = [
    ("Get-UMService\n", [("Get-UMService", True)], None),
    ("$a = 1; $b = 2\n\n\n$c = 3", [("$a = 1; $b = 2", True), ("$c = 3", True)], None),
    ("# one\n# two\nGet-Date  # trailing\n", [("# one", False), ("# two", False), ("Get-Date  # trailing", True)], None),
    ("foreach ($i in 1..2) {\n  $i\n}\n'after'", [("foreach ($i in 1..2) {\n  $i\n}", True), ("'after'", True)], None),
    ("<# block\n   comment #>\n1", [("<# block\n   comment #>", False), ("1", True)], None),
    ("Get-UMService |\n  Select-Object Name", [("Get-UMService |\n  Select-Object Name", True)], None),
    ("Get-UMService `\n  -Identity X", [("Get-UMService `\n  -Identity X", True)], None),
    ("if ($x) { 1 }\nelse { 2 }", [("if ($x) { 1 }\nelse { 2 }", True)], None),
    ("param($Name = 'x')\n\"Hi $Name\"", [("\"Hi $Name\"", True)], "param($Name = 'x')"),
    ("[CmdletBinding()]\nparam([string]$A)\n$A", [("$A", True)], "[CmdletBinding()]\nparam([string]$A)"),
    # a script that does not parse is typed whole, and reports its parse error
    ("Get-UMService {\n'x'", [("Get-UMService {\n'x'", True)], None),
    ("begin { 1 }\nend { 2 }", [("begin { 1 }\nend { 2 }", True)], None),
]  # fmt: skip


@pytest.mark.parametrize(("script", "lines", "param"), SPLITS, ids=[case[0] for case in SPLITS])
def test_split_script(script, lines, param):
    typed, param_text = split_script(script)
    assert [(line.text, line.runs) for line in typed] == lines
    assert param_text == param


# (script, console transcript)
TRANSCRIPTS = [
    ("$x = 6\n$x * 7", f"{P}$x = 6\n{P}$x * 7\n42\n"),
    ("# a comment\n'out'", f"{P}# a comment\n{P}'out'\nout\n"),
    ("foreach ($i in 1..2) {\n    $i\n}", f"{P}foreach ($i in 1..2) {{\n>>     $i\n>> }}\n1\n2\n"),
    # the prompt follows the location
    ("New-Item C:\\temp -ItemType Directory | Out-Null\ncd C:\\temp\n'here'",
     f"{P}New-Item C:\\temp -ItemType Directory | Out-Null\n{P}cd C:\\temp\n[PS] C:\\temp>'here'\nhere\n"),
    # an error ends its own command line only, and is positioned within it
    ("'before'\n  Get-Item C:\\nope\n'after'",
     f"{P}'before'\nbefore\n{P}  Get-Item C:\\nope\n"
     "Get-Item : Cannot find path 'C:\\nope' because it does not exist.\n"
     "At line:1 char:3\n+   Get-Item C:\\nope\n+   ~~~~~~~~~~~~~~~~\n"
     "    + CategoryInfo          : ObjectNotFound: (C:\\nope:String) [Get-Item], ItemNotFoundException\n"
     "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\n \n"
     f"{P}'after'\nafter\n"),
    ("throw 'stop'\n'still typed'", f"{P}throw 'stop'\nstop\nAt line:1 char:1\n+ throw 'stop'\n+ ~~~~~~~~~~~~\n"
     "    + CategoryInfo          : OperationStopped: (stop:String) [], RuntimeException\n"
     "    + FullyQualifiedErrorId : stop\n \n"
     f"{P}'still typed'\nstill typed\n"),
    # exit ends the replay
    ("'one'\nexit 3\n'never'", f"{P}'one'\none\n{P}exit 3\n"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), TRANSCRIPTS, ids=[case[0] for case in TRANSCRIPTS])
def test_replay_text(ems, script, expected):
    assert ems.replay(script).text == expected


def test_replay_binds_arguments_to_the_param_block(ems):
    script = "param([string]$Server = 'MyUMServer1', [int]$Count = 1)\n\"$Server x $Count\""
    assert ems.replay(script).text == f'{P}"$Server x $Count"\nMyUMServer1 x 1\n'
    assert ems.replay(script, args=["MyUMServer2", "3"]).text == f'{P}"$Server x $Count"\nMyUMServer2 x 3\n'


def test_replay_without_a_param_block_sees_args(ems):
    assert ems.replay("$args.Count", args=["a", "b"]).text == f"{P}$args.Count\n2\n"


@pytest.mark.parametrize(("script", "exit_code"), [
    ("'fine'", 0),
    ("Get-Item C:\\nope", 0),  # a non-terminating error does not fail a script
    ("throw 'boom'", 1),
    ("Get-Item C:\\nope -ErrorAction Stop", 1),
    ("exit 7", 7),
    ("'unclosed", 1),
])  # fmt: skip
def test_replay_exit_code(ems, script, exit_code):
    assert ems.replay(script).exit_code == exit_code


def test_read_host_answers_from_inputs(tmp_path):
    shell = Shell(sandbox=tmp_path, inputs=["Kim Akers", "23456"])
    result = shell.replay("$name = Read-Host 'Name'\n$ext = Read-Host 'Extension'\n\"$name at $ext\"")
    assert result.text == (f"{P}$name = Read-Host 'Name'\nName: Kim Akers\n{P}$ext = Read-Host 'Extension'\n"
                           f"Extension: 23456\n{P}\"$name at $ext\"\nKim Akers at 23456\n")  # fmt: skip


def test_read_host_without_an_answer_fails_as_non_interactive(ems):
    result = ems.run("Read-Host 'Name'")
    assert result.error_ids[0].startswith("InvalidOperation")


def test_result_describes_the_run(ems):
    result = ems.run("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual; Get-Item C:\\nope; 'x'")
    assert result.output == ["x"]
    assert result.error_ids == ["PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"]
    assert result.error_messages == ["Cannot find path 'C:\\nope' because it does not exist."]
    assert str(result.errors[0]) == "Cannot find path 'C:\\nope' because it does not exist."
    assert result.errors[0].CategoryInfo.Category == "ObjectNotFound"
    assert result.error_text().startswith("Get-Item : Cannot find path 'C:\\nope' because it does not exist.\n")
    assert result.warnings and not result.ok
    assert ems.org.um_service("MyUMServer1").UMStartupMode == "Dual"


def test_run_file_runs_as_a_script(ems, tmp_path):
    script = tmp_path / "report.ps1"
    script.write_text("param($Name)\nGet-UMService $Name | ForEach-Object UMStartupMode\n")
    result = ems.run_file(script, args=["MyUMServer2"])
    assert result.text == "Dual\n" and result.exit_code == 0


def test_shells_do_not_share_state(tmp_path):
    first = Shell(sandbox=tmp_path / "one")
    second = Shell(sandbox=tmp_path / "two")
    first.run("Set-UMService -Identity MyUMServer1 -UMStartupMode TLS; $shared = 1; "
              "Set-Content C:\\mark.txt x; cd C:\\Users")  # fmt: skip
    assert second.org.um_service("MyUMServer1").UMStartupMode == "TCP"
    assert second.run("$shared -eq $null; Test-Path C:\\mark.txt; (Get-Location).Path").text == \
        "True\nFalse\nC:\\Windows\\system32\n"  # fmt: skip


def test_values_reads_a_property_of_the_output_objects(ems):
    result = ems.run("Get-UMService MyUMServer1; Get-UMService MyUMServer2; 'a string'")
    assert result.values("UMStartupMode") == ["TCP", "Dual"]
    assert result.values("Length") == [8]
    assert ems.run("Get-UMService MyUMServer1 | Format-List").values("UMStartupMode") == []
