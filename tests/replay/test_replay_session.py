"""The lines EMS scripts start with succeed (the shell is already connected), and transcripts
are written as Windows PowerShell 5.1 writes them."""

from __future__ import annotations

from datetime import datetime

import pytest

from emshell import Shell

CONNECT = ("$Session = New-PSSession -ConfigurationName Microsoft.Exchange "
           "-ConnectionUri http://MyUMServer1.contoso.com/PowerShell/ -Authentication Kerberos")  # fmt: skip

# Bootstrap lines that print nothing and report no error.
SILENT = [
    CONNECT,
    CONNECT + "; Import-PSSession $Session -DisableNameChecking -AllowClobber | Out-Null",
    CONNECT + "; Import-Module (Import-PSSession $Session -AllowClobber) -Global",
    CONNECT + "; Remove-PSSession $Session",
    CONNECT + "; Get-PSSession | Remove-PSSession",
    "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn",
    "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010",
    "Add-PSSnapin *Exchange*",
    "Set-AdServerSettings -ViewEntireForest $true",
    "Set-ADServerSettings -ViewEntireForest:$false",
    "Import-Module Microsoft.PowerShell.Utility",
    "Import-Module ExchangeManagement",
    r". $env:ExchangeInstallPath\bin\RemoteExchange.ps1",
    r". 'C:\Program Files\Microsoft\Exchange Server\V15\bin\RemoteExchange.ps1'",
    r"Import-Module $env:ExchangeInstallPath\bin\RemoteExchange.ps1",
]


@pytest.mark.parametrize("script", SILENT)
def test_bootstrap_lines_are_quiet_no_ops(ems, script):
    result = ems.run(script)
    assert result.errors == []
    assert result.text == ""


# (script, console text)
OUTPUT = [
    (CONNECT + "; $Session",
     "\n Id Name            ComputerName    ComputerType    State         ConfigurationName     Availability\n"
     " -- ----            ------------    ------------    -----         -----------------     ------------\n"
     "  1 Session1        MyUMServer1.... RemoteMachine   Opened        Microsoft.Exchange       Available\n\n\n"),
    (CONNECT + "; $Session.ComputerName; $Session.State; \"$Session\"",
     "MyUMServer1.contoso.com\nOpened\n[PSSession]Session1\n"),
    (CONNECT + "; New-PSSession -ComputerName EX02 | ForEach-Object Name; (Get-PSSession).Count", "Session2\n2\n"),
    (CONNECT + "; Remove-PSSession $Session; (Get-PSSession).Count; $Session.State", "0\nClosed\n"),
    (CONNECT + "; (Import-PSSession $Session).Name", "tmp_yjk1ufse.e1b\n"),
    ("Set-AdServerSettings -ViewEntireForest $true; (Get-AdServerSettings).ViewEntireForest", "True\n"),
    ("(Get-AdServerSettings).ViewEntireForest", "False\n"),
    (r". $env:ExchangeInstallPath\bin\RemoteExchange.ps1; $exbin; $exscripts",
     "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\\n"
     "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\scripts\\\n"),
    ("Connect-ExchangeServer -auto -ClientApplication:ManagementShell",
     "VERBOSE: Connecting to MyUMServer1.contoso.com.\nVERBOSE: Connected to MyUMServer1.contoso.com.\n"),
    ("Connect-ExchangeServer MyUMServer2", "VERBOSE: Connecting to MyUMServer2.contoso.com.\n"
                                           "VERBOSE: Connected to MyUMServer2.contoso.com.\n"),
    ("Get-PSSnapin | ForEach-Object Name", "Microsoft.PowerShell.Core\n"),
    ("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn -PassThru | ForEach-Object Name; "
     "(Get-PSSnapin).Count", "Microsoft.Exchange.Management.PowerShell.SnapIn\n2\n"),
    ("Get-Module | ForEach-Object Name",
     "Microsoft.PowerShell.Management\nMicrosoft.PowerShell.Utility\ntmp_yjk1ufse.e1b\n"),
    ("Import-Module Microsoft.PowerShell.Security; (Get-Module Microsoft.PowerShell.S*).Name",
     "Microsoft.PowerShell.Security\n"),
    ("(Get-Module tmp_*).ExportedCommands.ContainsKey('Set-UMService')", "True\n"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), OUTPUT, ids=[case[0] for case in OUTPUT])
def test_console_text(ems, script, expected):
    result = ems.run(script)
    assert result.errors == []
    assert result.text == expected


ERRORS = [
    ("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; "
     "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn",
     "AddPSSnapInRead,Microsoft.PowerShell.Commands.AddPSSnapinCommand",
     "Cannot add Windows PowerShell snap-in Microsoft.Exchange.Management.PowerShell.SnapIn because it is already "
     "added. Verify the name of the snap-in, and then try again."),
    ("Add-PSSnapin Quest.ActiveRoles.ADManagement",
     "AddPSSnapInRead,Microsoft.PowerShell.Commands.AddPSSnapinCommand",
     "The Windows PowerShell snap-in 'Quest.ActiveRoles.ADManagement' is not installed on this computer."),
    ("Get-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn",
     "NoPSSnapInsFound,Microsoft.PowerShell.Commands.GetPSSnapinCommand",
     "No Windows PowerShell snap-ins matching the pattern 'Microsoft.Exchange.Management.PowerShell.SnapIn' were "
     "found. Check the pattern and then try the command again."),
    ("Import-Module ActiveDirectory",
     "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand",
     "The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module "
     "directory."),
    ("Stop-Transcript",
     "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand",
     "An error occurred stopping transcription: The host is not currently transcribing."),
]  # fmt: skip


@pytest.mark.parametrize(("script", "error_id", "message"), ERRORS, ids=[case[0] for case in ERRORS])
def test_errors(ems, script, error_id, message):
    result = ems.run(script)
    assert result.error_ids == [error_id]
    assert result.errors[0].message == message


def test_set_adserversettings_binds_as_an_exchange_cmdlet(ems):
    result = ems.run("Set-AdServerSettings -ViewEntireForest maybe")
    assert result.text.splitlines()[-2].strip() == "+ PSComputerName        : myumserver1.contoso.com"


def test_a_module_file_in_the_sandbox_is_loaded_into_the_session(ems):
    ems.path(r"C:\scripts").mkdir()
    ems.path(r"C:\scripts\Tools.psm1").write_text("function Get-Answer { 42 }")
    assert ems.run(r"Import-Module C:\scripts\Tools.psm1; Get-Answer").text == "42\n"


# --------------------------------------------------------------------------- transcripts

START = datetime(2023, 6, 1, 10, 0, 0)
HEADER = (
    "**********************\r\n"
    "Windows PowerShell transcript start\r\n"
    "Start time: 20230601100000\r\n"
    "Username: CONTOSO\\Administrator\r\n"
    "RunAs User: CONTOSO\\Administrator\r\n"
    "Machine: MYUMSERVER1 (Microsoft Windows NT 10.0.14393.0)\r\n"
    "Host Application: C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\powershell.exe -noexit -command \". "
    "'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\RemoteExchange.ps1'; Connect-ExchangeServer -auto "
    "-ClientApplication:ManagementShell \"\r\n"
    "Process ID: 4242\r\n"
    "PSVersion: 5.1.14393.7426\r\n"
    "PSEdition: Desktop\r\n"
    "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1.14393.7426\r\n"
    "BuildVersion: 10.0.14393.7426\r\n"
    "CLRVersion: 4.0.30319.42000\r\n"
    "WSManStackVersion: 3.0\r\n"
    "PSRemotingProtocolVersion: 2.3\r\n"
    "SerializationVersion: 1.1.0.1\r\n"
    "**********************\r\n"
)
FOOTER = "**********************\r\nWindows PowerShell transcript end\r\nEnd time: 20230601100000\r\n**********************\r\n"


def fixed_shell(tmp_path) -> Shell:
    return Shell(sandbox=tmp_path, clock=lambda: START)


def test_start_and_stop_transcript_in_a_script(tmp_path):
    shell = fixed_shell(tmp_path)
    result = shell.run("Start-Transcript -Path C:\\logs\\um.txt\n'inside'\nWrite-Warning 'careful'\n"
                       "Stop-Transcript\n'outside'")  # fmt: skip
    assert result.text == ("Transcript started, output file is C:\\logs\\um.txt\ninside\nWARNING: careful\n"
                           "Transcript stopped, output file is C:\\logs\\um.txt\noutside\n")  # fmt: skip
    data = shell.path(r"C:\logs\um.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, CRLF line ends
    assert data[3:].decode("utf-8") == (HEADER + "Transcript started, output file is C:\\logs\\um.txt\r\n"
                                        "inside\r\nWARNING: careful\r\n" + FOOTER)  # fmt: skip


def test_a_replayed_transcript_echoes_each_command_after_the_prompt(tmp_path):
    shell = fixed_shell(tmp_path)
    shell.replay("Start-Transcript C:\\t.txt | Out-Null\n$x = 2\n$x * 3\nStop-Transcript | Out-Null\n")
    text = shell.path(r"C:\t.txt").read_bytes()[3:].decode("utf-8")
    assert text == (HEADER + "[PS] C:\\Windows\\system32>$x = 2\r\n[PS] C:\\Windows\\system32>$x * 3\r\n6\r\n"
                    "[PS] C:\\Windows\\system32>Stop-Transcript | Out-Null\r\n" + FOOTER)  # fmt: skip


def test_append_and_no_clobber(tmp_path):
    shell = fixed_shell(tmp_path)
    shell.run("Start-Transcript C:\\t.txt | Out-Null; 'one'; Stop-Transcript | Out-Null")
    shell.run("Start-Transcript C:\\t.txt -Append | Out-Null; 'two'; Stop-Transcript | Out-Null")
    text = shell.path(r"C:\t.txt").read_bytes().decode("utf-8-sig")
    assert text.count("Windows PowerShell transcript start") == 2
    assert text.index("one") < text.index("two")
    result = shell.run("Start-Transcript C:\\t.txt -NoClobber")
    assert result.error_ids == ["NoClobber,Microsoft.PowerShell.Commands.StartTranscriptCommand"]
    assert result.errors[0].message == "File C:\\t.txt already exists and NoClobber was specified."


def test_default_transcript_name(tmp_path):
    shell = fixed_shell(tmp_path)
    result = shell.run("Start-Transcript")
    name = result.output[0].rsplit("\\", 1)[-1]
    assert result.output[0].startswith("Transcript started, output file is C:\\Users\\Administrator\\Documents\\")
    prefix, machine, tag, stamp, extension = name.split(".")
    assert (prefix, machine, stamp, extension) == ("PowerShell_transcript", "MYUMSERVER1", "20230601100000", "txt")
    assert len(tag) == 8 and tag.isalnum()


def test_closing_the_shell_ends_open_transcripts(tmp_path):
    with fixed_shell(tmp_path) as shell:
        shell.run("Start-Transcript C:\\t.txt | Out-Null; 'left open'")
    assert shell.path(r"C:\t.txt").read_bytes().decode("utf-8-sig").endswith(FOOTER)
