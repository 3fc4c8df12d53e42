"""The sandbox: a script cannot reach the host.  No program starts, nothing goes on the network,
no file outside the sandbox directory is read or written, and nothing evaluates Python.  Each
attempt is refused with a PowerShell-style error, and a canary file next to the sandbox proves
that nothing outside it was touched.
"""

import inspect
import os

import pytest

from emshell import Shell

PROGRAMS = ("This command cannot be run here: emshell emulates the Exchange Management Shell and does not start "
            "programs on this computer.")  # fmt: skip
NETWORK = "This command cannot be run here: emshell emulates the Exchange Management Shell and does not reach the network."
CODE = "This command cannot be run here: emshell emulates the Exchange Management Shell and does not compile or load code."
COMMANDS = "Microsoft.PowerShell.Commands."
CANARY = "the host's own file\n"


@pytest.fixture
def box(tmp_path):
    """A shell whose drive C: is ``tmp_path/sandbox``, with a canary file outside it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "canary.txt").write_text(CANARY)
    shell = Shell(sandbox=tmp_path / "sandbox")
    shell.run("New-Item C:\\temp -ItemType Directory | Out-Null")
    yield shell
    assert (outside / "canary.txt").read_text() == CANARY
    assert sorted(os.listdir(outside)) == ["canary.txt"]
    assert sorted(os.listdir(tmp_path)) == ["outside", "sandbox"]


def program_refused(name: str) -> str:
    return f"The program '{name}' cannot run here: emshell emulates Exchange cmdlets and does not start external programs."


# ----------------------------------------------------------------------------- programs

PROGRAM_ATTEMPTS = [
    ("Start-Process notepad", f"ExternalProgramRefused,{COMMANDS}StartProcessCommand", PROGRAMS),
    ("start calc.exe -Wait -NoNewWindow", f"ExternalProgramRefused,{COMMANDS}StartProcessCommand", PROGRAMS),
    ("Start-Process powershell -ArgumentList '-c', 'id' -Verb RunAs", f"ExternalProgramRefused,{COMMANDS}StartProcessCommand",
     PROGRAMS),
    ("Invoke-Item C:\\temp\\report.csv", f"ExternalProgramRefused,{COMMANDS}InvokeItemCommand", PROGRAMS),
    ("ii C:\\temp", f"ExternalProgramRefused,{COMMANDS}InvokeItemCommand", PROGRAMS),
    ("& program.exe", "ExternalProgramRefused", program_refused("program.exe")),
    ("cmd /c dir", "ExternalProgramRefused", program_refused("cmd")),
    ("& 'C:\\Windows\\System32\\cmd.exe' /c dir", "ExternalProgramRefused", program_refused("C:\\Windows\\System32\\cmd.exe")),
    (".\\setup.exe /quiet", "ExternalProgramRefused", program_refused(".\\setup.exe")),
    ("python -c 'import os'", "ExternalProgramRefused", program_refused("python")),
    ("bash -c id", "ExternalProgramRefused", program_refused("bash")),
    ("powershell -Command Get-Process", "ExternalProgramRefused", program_refused("powershell")),
    ("[System.Diagnostics.Process]::Start('calc')", "TypeNotFound", "Unable to find type [System.Diagnostics.Process]."),
]  # fmt: skip


@pytest.mark.parametrize(("script", "error_id", "message"), PROGRAM_ATTEMPTS, ids=[a[0] for a in PROGRAM_ATTEMPTS])
def test_no_program_is_started(box, script, error_id, message):
    result = box.run(script)
    assert result.error_ids == [error_id]
    assert result.error_messages == [message]
    assert result.output == []


# ----------------------------------------------------------------------------- network

NETWORK_ATTEMPTS = [
    ("Invoke-WebRequest http://example.com -UseBasicParsing", f"NetworkAccessRefused,{COMMANDS}InvokeWebRequestCommand"),
    ("iwr -Uri https://example.com -OutFile C:\\temp\\x.html", f"NetworkAccessRefused,{COMMANDS}InvokeWebRequestCommand"),
    ("curl http://example.com", f"NetworkAccessRefused,{COMMANDS}InvokeWebRequestCommand"),
    ("wget http://example.com", f"NetworkAccessRefused,{COMMANDS}InvokeWebRequestCommand"),
    ("Invoke-RestMethod http://example.com/api -Method Post -Body @{a=1}", f"NetworkAccessRefused,{COMMANDS}InvokeRestMethodCommand"),
    ("irm http://example.com", f"NetworkAccessRefused,{COMMANDS}InvokeRestMethodCommand"),
    ("Send-MailMessage -To a@contoso.com -From b@contoso.com -Subject Hi -SmtpServer smtp", f"NetworkAccessRefused,{COMMANDS}SendMailMessageCommand"),
    ("Test-NetConnection mail.contoso.com -Port 25", "NetworkAccessRefused,Test-NetConnection"),
    ("Test-Connection MyUMServer1 -Count 1 -Quiet", f"NetworkAccessRefused,{COMMANDS}TestConnectionCommand"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "error_id"), NETWORK_ATTEMPTS, ids=[a[0] for a in NETWORK_ATTEMPTS])
def test_nothing_goes_on_the_network(box, script, error_id):
    result = box.run(script)
    assert result.error_ids == [error_id]
    assert result.error_messages == [NETWORK]


@pytest.mark.parametrize(("script", "error_id", "message"), [
    ("New-Object System.Net.WebClient", f"TypeNotFound,{COMMANDS}NewObjectCommand",
     "Cannot find type [System.Net.WebClient]: verify that the assembly containing this type is loaded."),
    ("[System.Net.Sockets.TcpClient]::new('mail', 25)", "TypeNotFound", "Unable to find type [System.Net.Sockets.TcpClient]."),
    ("[System.Net.WebRequest]::Create('http://x')", "TypeNotFound", "Unable to find type [System.Net.WebRequest]."),
])  # fmt: skip
def test_no_network_type_exists(box, script, error_id, message):
    result = box.run(script)
    assert result.error_ids == [error_id]
    assert result.error_messages == [message]


@pytest.mark.parametrize(("script", "error_id"), [
    ("Start-Process", f"MissingMandatoryParameter,{COMMANDS}StartProcessCommand"),
    ("Start-Process notepad -Bogus", f"NamedParameterNotFound,{COMMANDS}StartProcessCommand"),
    ("Invoke-WebRequest http://x -Method Fetch", f"CannotConvertArgumentNoMessage,{COMMANDS}InvokeWebRequestCommand"),
    ("Send-MailMessage -To a@b", f"MissingMandatoryParameter,{COMMANDS}SendMailMessageCommand"),
    ("Add-Type -Name X", f"MissingMandatoryParameter,{COMMANDS}AddTypeCommand"),
])  # fmt: skip
def test_refused_commands_bind_like_the_real_ones_first(box, script, error_id):
    assert box.run(script).error_ids == [error_id]


def test_refused_commands_are_documented_like_the_real_ones(box):
    result = box.run("Get-Command Start-Process, Invoke-WebRequest, Test-NetConnection | Select-Object Name, "
                     "CommandType, Source | Format-Table -AutoSize")  # fmt: skip
    lines = [line.split() for line in result.text.splitlines() if line.strip()]
    assert lines[2:] == [["Start-Process", "Cmdlet", "Microsoft.PowerShell.Management"],
                         ["Invoke-WebRequest", "Cmdlet", "Microsoft.PowerShell.Utility"],
                         ["Test-NetConnection", "Function", "NetTCPIP"]]  # fmt: skip


# ----------------------------------------------------------------------------- files

ESCAPES = [
    # (how the path tries to leave, the path)
    ("relative traversal", "..\\..\\..\\..\\..\\..\\..\\..\\outside\\canary.txt"),
    ("traversal from the root", "C:\\..\\..\\outside\\canary.txt"),
    ("forward slashes", "C:/../../outside/canary.txt"),
    ("a POSIX absolute path", "/etc/passwd"),
    ("another drive", "D:\\outside\\canary.txt"),
    ("a UNC path", "\\\\server\\share\\canary.txt"),
    ("a device path", "\\\\?\\C:\\outside\\canary.txt"),
    ("a NUL character", "C:\\temp\\a\x00b.txt"),
]  # fmt: skip

READERS = [
    "Get-Content -LiteralPath $p",
    "Get-Item -LiteralPath $p",
    "Get-ChildItem -LiteralPath $p",
    "Import-Csv -LiteralPath $p",
    "Copy-Item -LiteralPath $p C:\\temp\\copy.txt",
    "[System.IO.File]::ReadAllText($p)",
    "[System.IO.File]::ReadAllBytes($p)",
    "[System.IO.Directory]::GetFiles($p)",
    ". $p",
]
WRITERS = [
    "Set-Content -LiteralPath $p -Value pwned",
    "Add-Content -LiteralPath $p -Value pwned",
    "'pwned' | Out-File -LiteralPath $p",
    "'pwned' > $p",
    "New-Item $p -ItemType File -Value pwned -Force",
    "Remove-Item -LiteralPath $p -Force",
    "Copy-Item C:\\Windows\\system32 $p -Recurse",
    "Move-Item C:\\temp $p",
    "Get-UMService | Export-Csv -LiteralPath $p",
    "Start-Transcript -LiteralPath $p",
    "[System.IO.File]::WriteAllText($p, 'pwned')",
    "[System.IO.File]::AppendAllText($p, 'pwned')",
    "[System.IO.Directory]::CreateDirectory($p)",
]


@pytest.mark.parametrize("command", READERS + WRITERS)
@pytest.mark.parametrize(("how", "path"), ESCAPES, ids=[e[0] for e in ESCAPES])
def test_no_file_outside_the_sandbox_is_read_or_written(box, how, path, command):
    """Traversal stops at the root of C: (as on Windows), so a write may land inside the
    sandbox; the fixture checks that nothing outside it changed."""
    result = box.run(f"$p = '{path}'; {command}")
    if command in READERS:
        assert result.errors, "the path names no file the script may read"
    assert all(CANARY.strip() not in str(value) for value in result.output)
    box.run("Stop-Transcript")


@pytest.mark.parametrize("link_to", ["folder", "file"])
@pytest.mark.parametrize("command", [
    "Get-Content C:\\temp\\link{file}",
    "Set-Content C:\\temp\\link{file} -Value pwned",
    "'pwned' > C:\\temp\\link{file}",
    "Get-ChildItem C:\\temp\\link{file}",
    "Copy-Item C:\\temp\\link{file} C:\\temp\\copy",
    "[System.IO.File]::ReadAllText('C:\\temp\\link{file}')",
    "[System.IO.File]::WriteAllText('C:\\temp\\link{file}', 'pwned')",
    "Remove-Item C:\\temp\\link{file} -Recurse -Force",
])  # fmt: skip
def test_a_symbolic_link_out_of_the_sandbox_is_not_followed(box, tmp_path, link_to, command):
    target = tmp_path / "outside" if link_to == "folder" else tmp_path / "outside" / "canary.txt"
    os.symlink(target, tmp_path / "sandbox" / "temp" / "link")
    script = command.format(file="\\canary.txt" if link_to == "folder" else "")
    result = box.run(script)
    assert result.errors
    assert "emshell keeps file access inside its sandbox directory." in result.error_messages[0]
    assert all(CANARY.strip() not in str(value) for value in result.output)


@pytest.mark.parametrize(("script", "error_id", "message"), [
    ("[System.IO.File]::ReadAllText('/etc/passwd')", "DirectoryNotFoundException",
     "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find a part of the path 'C:\\etc\\passwd'.\""),
    ("[System.IO.File]::ReadAllText('D:\\x.txt')", "UnauthorizedAccessException",
     "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Access to the path 'D:\\x.txt' is denied. emshell "
     "keeps file access inside its sandbox directory.\""),
    ("Get-Content D:\\x.txt", f"GetContentReaderUnauthorizedAccessError,{COMMANDS}GetContentCommand",
     "Access to the path 'D:\\x.txt' is denied. emshell keeps file access inside its sandbox directory."),
    ("Get-Content \\\\server\\share\\x.txt", f"GetContentReaderUnauthorizedAccessError,{COMMANDS}GetContentCommand",
     "Access to the path '\\\\server\\share\\x.txt' is denied. emshell keeps file access inside its sandbox directory."),
    ("Get-Content ..\\..\\..\\..\\..\\etc\\passwd", f"PathNotFound,{COMMANDS}GetContentCommand",
     "Cannot find path 'C:\\etc\\passwd' because it does not exist."),
])  # fmt: skip
def test_outside_paths_get_powershell_style_errors(box, script, error_id, message):
    result = box.run(script)
    assert result.error_ids == [error_id]
    assert result.error_messages == [message]


# ----------------------------------------------------------------------------- the .NET file API, inside

IO_ROUND_TRIPS = [
    ("[IO.File]::WriteAllText('C:\\temp\\a.txt', \"one`ntwo\"); [IO.File]::ReadAllText('c:\\TEMP\\A.TXT')", "one\ntwo\n"),
    ("[IO.File]::WriteAllText('C:\\temp\\a.txt', \"one`r`ntwo\"); [IO.File]::ReadAllLines('C:\\temp\\a.txt').Count", "2\n"),
    ("[IO.File]::WriteAllLines('C:\\temp\\b.txt', [string[]]('x', 'y')); Get-Content C:\\temp\\b.txt", "x\ny\n"),
    ("[IO.File]::WriteAllText('C:\\temp\\c.txt', 'a'); [IO.File]::AppendAllText('C:\\temp\\c.txt', 'b'); "
     "Get-Content C:\\temp\\c.txt", "ab\n"),
    ("[IO.File]::WriteAllBytes('C:\\temp\\d.bin', [byte[]](72, 105)); [IO.File]::ReadAllBytes('C:\\temp\\d.bin') -join ','",
     "72,105\n"),
    ("[IO.File]::WriteAllText('C:\\temp\\e.txt', 'é'); [IO.File]::ReadAllBytes('C:\\temp\\e.txt') -join ','", "195,169\n"),
    ("Set-Location C:\\temp; [IO.File]::WriteAllText('rel.txt', 'r'); Test-Path C:\\temp\\rel.txt", "True\n"),
    ("[IO.File]::Exists('C:\\temp'), [IO.File]::Exists('C:\\Windows\\system32\\nope'), [IO.Directory]::Exists('C:\\temp')",
     "False\nFalse\nTrue\n"),
    ("[IO.File]::Exists('/etc/passwd'), [IO.File]::Exists('D:\\x'), [IO.Directory]::Exists('\\\\srv\\share')",
     "False\nFalse\nFalse\n"),
    ("'x' > C:\\temp\\f1.txt; 'y' > C:\\temp\\f2.log; [IO.Directory]::GetFiles('C:\\temp')", "C:\\temp\\f1.txt\nC:\\temp\\f2.log\n"),
    ("'x' > C:\\temp\\f1.txt; [IO.Directory]::GetFiles('C:\\temp', '*.TXT')", "C:\\temp\\f1.txt\n"),
    ("[void][IO.Directory]::CreateDirectory('C:\\temp\\x\\y'); 'z' > C:\\temp\\x\\y\\z.txt; "
     "[IO.Directory]::GetFiles('C:\\temp', '*.txt', 'AllDirectories')", "C:\\temp\\x\\y\\z.txt\n"),
    ("([IO.Directory]::CreateDirectory('C:\\temp\\new')).FullName; Test-Path C:\\temp\\new -PathType Container",
     "C:\\temp\\new\nTrue\n"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), IO_ROUND_TRIPS)
def test_the_dotnet_file_api_works_inside_the_sandbox(box, script, expected):
    result = box.run(script)
    assert result.errors == []
    assert result.text == expected


@pytest.mark.parametrize(("script", "error_id", "message"), [
    ("[IO.File]::ReadAllText('C:\\temp\\missing.txt')", "FileNotFoundException", "Could not find file 'C:\\temp\\missing.txt'."),
    ("[IO.File]::ReadAllText('C:\\nope\\a.txt')", "DirectoryNotFoundException", "Could not find a part of the path 'C:\\nope\\a.txt'."),
    ("[IO.File]::WriteAllText('C:\\nope\\a.txt', 'x')", "DirectoryNotFoundException", "Could not find a part of the path 'C:\\nope\\a.txt'."),
    ("[IO.File]::ReadAllText('C:\\temp')", "UnauthorizedAccessException", "Access to the path 'C:\\temp' is denied."),
    ("[IO.File]::ReadAllText($null)", "ArgumentNullException", "Value cannot be null.\nParameter name: path"),
    ("[IO.File]::ReadAllText('')", "ArgumentException", "Empty path name is not legal."),
    ("[IO.Directory]::GetFiles('C:\\nope')", "DirectoryNotFoundException", "Could not find a part of the path 'C:\\nope'."),
    ("[IO.Directory]::GetFiles('C:\\temp', '..\\*')", "ArgumentException",
     "Search pattern cannot contain \"..\" to move up directories and can be contained only internally in file/directory "
     "names, as in \"a..b\".\nParameter name: searchPattern"),
    ("'x' > C:\\temp\\f; [IO.Directory]::CreateDirectory('C:\\temp\\f')", "IOException",
     "Cannot create \"C:\\temp\\f\" because a file or directory with the same name already exists."),
])  # fmt: skip
def test_the_dotnet_file_api_fails_as_dotnet_does(box, script, error_id, message):
    result = box.run(script)
    assert result.error_ids == [error_id]
    method, count = script.split("::")[-1].split("(")[0], 1 + script.split("::")[-1].count(",")
    assert result.error_messages == [f'Exception calling "{method}" with "{count}" argument(s): "{message}"']


# ----------------------------------------------------------------------------- no Python

PYTHON_PROBES = [
    "''.GetType().Assembly",
    "''.GetType().Assembly.Location",
    "[type]::GetType('System.Diagnostics.Process')",
    "''.GetType().GetMethod('ToUpper').Invoke('a', @())",
    "[Activator]::CreateInstance([string])",
    "[AppDomain]::CurrentDomain.GetAssemblies()",
    "[Reflection.Assembly]::LoadWithPartialName('System.Web')",
    "[System.Runtime.InteropServices.Marshal]::AllocHGlobal(10)",
    "[PowerShell]::Create()",
    "[scriptblock]::Create('1')",
    "Add-Type -TypeDefinition 'public class X {}'",
    "Add-Type -AssemblyName System.Web",
    "Invoke-Expression '[type]::GetType(''os'')'",
    "$ExecutionContext.InvokeCommand.InvokeScript('1')",
    "$Host.Runspace",
    "New-Object -ComObject WScript.Shell",
    "Import-Module C:\\evil.dll",
    "''.__class__",
    "''.__class__.__mro__",
    "$x = 'a'; $x.__init__",
    "[string].__subclasses__()",
    "(Get-UMService)[0].__dict__",
    "(Get-UMService)[0]._org",
    "(Get-Item C:\\Windows).__class__.__init__.__globals__",
    "[math].__module__",
    "(Get-Date).__reduce__()",
    "[type]'os'",
    "[type]'builtins.eval'",
    "[System.Type]::GetType('builtins.eval')",
    "& { param($x) $x.__class__ } 1",
]


@pytest.mark.parametrize("script", PYTHON_PROBES)
def test_no_way_leads_to_python(box, script):
    result = box.run(script)
    for value in result.output:
        assert not (inspect.ismodule(value) or inspect.isclass(value) or inspect.isroutine(value)
                    or isinstance(value, (dict, tuple, set))), f"a Python object reached the script: {value!r}"  # fmt: skip
    assert "<class '" not in result.text and "<module '" not in result.text and "<function " not in result.text
    assert "EmshellInternalError" not in result.error_ids


@pytest.mark.parametrize(("script", "error_id"), [
    ("Add-Type -TypeDefinition 'public class X {}'", f"CodeLoadingRefused,{COMMANDS}AddTypeCommand"),
    ("Add-Type -AssemblyName System.Web", f"CodeLoadingRefused,{COMMANDS}AddTypeCommand"),
])  # fmt: skip
def test_add_type_is_refused(box, script, error_id):
    result = box.run(script)
    assert result.error_ids == [error_id]
    assert result.error_messages == [CODE]
