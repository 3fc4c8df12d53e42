"""What the fuzzers found: each input once made a Python exception escape ``Shell.run`` (or
made drive C: a file).  Each now ends as PowerShell ends it: output, or the error record named
here."""

import pytest

from emshell import Shell

COMMANDS = "Microsoft.PowerShell.Commands."

FOUND = [
    # (input, FullyQualifiedErrorIds, what the console shows when there is no error)
    ("'x' | Set-Content", [f"InputObjectMissingMandatory,{COMMANDS}SetContentCommand"], ""),
    ("[int][decimal]::MaxValue", ["InvalidCastIConvertible"], ""),
    ("[math]::Floor([decimal]::MaxValue)", [], "79228162514264337593543950335\n"),
    ("[decimal]::MinValue", [], "-79228162514264337593543950335\n"),
    ("Get-Random -Maximum 'not a number' -SetSeed 1", [], None),
    ("Get-Random @{a=1}", [f"ConvertToFinalInvalidCastException,{COMMANDS}GetRandomCommand"], ""),
    ("(New-TimeSpan -Start '2020-01-01' -End '2020-01-02').Days", [], "1\n"),
    ("(New-TimeSpan).GetType().FullName", [], "System.TimeSpan\n"),
    ("$null::x", [], ""),
    ("$null::x()", ["InvokeMethodOnNull"], ""),
    ("for(;", ["MissingEndParenthesisAfterStatement"], ""),
    ("[System.DayOfWeek]1e309", ["UndefinedInEnumSingleTypeConverter"], ""),
    ("[t]$i = 1", ["TypeNotFound"], ""),
    ("'a' -like '[t-U]'", [], "False\n"),
    ("4 -is $null", ["IsOperatorRequiresType"], ""),
    ("4 -as $null", ["AsOperatorRequiresType"], ""),
    ("1e\u20139", [], "1E-09\n"),  # an en dash is a minus sign in PowerShell, in an exponent too
    ("1e309l", ["BadNumericConstant"], ""),
    ("9223372036854775808l", ["BadNumericConstant"], ""),
    ("'x' > C:\\Windows", [f"FileOpenFailure,{COMMANDS}OutFileCommand"], ""),
    ("'x' > C:\\nope\\a.txt", [f"FileOpenFailure,{COMMANDS}OutFileCommand"], ""),
    ("Get-Content \"C:\\a`0b\"", [f"System.ArgumentException,{COMMANDS}GetContentCommand"], ""),
    ("Get-Item ('C:\\' + 'a' * 300)", [f"System.IO.PathTooLongException,{COMMANDS}GetItemCommand"], ""),
    ("Import-Csv -Path a.csv, $null", [f"FileOpenFailure,{COMMANDS}ImportCsvCommand"], ""),
    ("Get-Alias -Name $null, nope", [f"ItemNotFoundException,{COMMANDS}GetAliasCommand"], ""),
    ("1..3 | Select-Object -First $null", [], ""),
    ("New-TimeSpan -End $null", [f"CannotConvertArgumentNoMessage,{COMMANDS}NewTimeSpanCommand"], ""),
    ("Get-Date -Format 0", [f"System.FormatException,{COMMANDS}GetDateCommand"], ""),
    ("Start-Transcript -Path C:\\", [f"CannotStartTranscription,{COMMANDS}StartTranscriptCommand"], ""),
    ("Write-Error -ErrorRecord ''", [f"CannotConvertArgumentNoMessage,{COMMANDS}WriteErrorCommand"], ""),
    ("Get-Random Administrator", [], None),  # text that is no number counts as no -Maximum, as in 5.1
    ("[DayOfWeek]1e309", ["UndefinedInEnumSingleTypeConverter"], ""),
    ("[DayOfWeek][double]::NaN", ["UndefinedInEnumSingleTypeConverter"], ""),
    ("4 -is $$", ["IsOperatorRequiresType"], ""),
    ("Import-Csv a,$null", [f"FileOpenFailure,{COMMANDS}ImportCsvCommand"], ""),
    ("Get-Alias -Name $null,x", [f"ItemNotFoundException,{COMMANDS}GetAliasCommand"], ""),
    ("Start-Transcript C:\\", [f"CannotStartTranscription,{COMMANDS}StartTranscriptCommand"], ""),
    ("Enable-ExchangeCertificate -Services UM",
     ["7DAF8243,Microsoft.Exchange.Management.SystemConfigurationTasks.EnableExchangeCertificate"], ""),
    ('function f { "$(f)" }; f', ["CallDepthOverflow"], ""),
    ("New-TimeSpan", [], None),
    ("'x' > C:\\", [f"FileOpenFailure,{COMMANDS}OutFileCommand"], ""),
    ('Get-Content "a`0b"', [f"System.ArgumentException,{COMMANDS}GetContentCommand"], ""),
    ("Out-File E -A", [], ""),
    ("Out-File E -A; (Get-Item E).Length", [], "0\n"),  # Out-File makes its file before any input arrives
    ("1e309 % 1", [], "NaN\n"),
    ("Set-UMDialPlan MySIPDialPlan -AllowedInternationalGroups @{a=1}",
     ["ParameterArgumentTransformationError,Set-UMDialPlan"], ""),
    ("1 | % { 'b' } { \"p$_\" } $()", [], "b\np1\n"),  # a $null script block is a step left out
]  # fmt: skip


@pytest.mark.parametrize(("text", "error_ids", "output"), FOUND, ids=[f[0] for f in FOUND])
def test_an_input_the_fuzzers_found_ends_as_powershell_ends_it(text, error_ids, output):
    result = Shell().run(text)
    # an Exchange error id starts with "[Server=...,RequestId=...,TimeStamp=...] [FailureCategory=...] "
    assert [error_id.rsplit("] ", 1)[-1] for error_id in result.error_ids] == error_ids
    if output is not None and not error_ids:
        assert result.text == output


def test_a_script_cannot_turn_drive_c_into_a_file(tmp_path):
    sandbox = tmp_path / "sandbox"
    shell = Shell(sandbox=sandbox)
    result = shell.run("'x' > C:\\; 'y' | Set-Content C:\\")
    assert len(result.errors) == 2
    assert sandbox.is_dir()
