"""The item and location cmdlets in the sandbox: PowerShell in, exact console text out; errors
as (FullyQualifiedErrorId, message) as Windows PowerShell 5.1 reports them."""

from __future__ import annotations

import pytest

SETUP = r"New-Item C:\temp -ItemType Directory | Out-Null; Set-Content C:\temp\a.txt 'alpha'; "

# (script run after SETUP, console text)
OUTPUT = [
    # Windows paths compare without case, on any host
    (r"Test-Path C:\TEMP\A.TXT", "True\n"),
    (r"Test-Path C:\temp\a.txt -PathType Container", "False\n"),
    (r"Test-Path C:\temp -PathType Container", "True\n"),
    (r"Test-Path C:\temp\*.txt", "True\n"),
    (r"Test-Path C:\temp\*.csv", "False\n"),
    # outside the sandbox is like a missing drive: False, no error
    (r"Test-Path D:\data", "False\n"),
    (r"Test-Path \\fileserver\share\users.csv", "False\n"),
    (r"Test-Path C:\..\..\etc\passwd", "False\n"),
    (r"Test-Path env:ExchangeInstallPath; Test-Path env:NoSuchThing", "True\nFalse\n"),
    (r"$here = 1; Test-Path variable:here; Test-Path variable:global:nothere", "True\nFalse\n"),
    (r"Test-Path HKLM:\SOFTWARE\Microsoft\ExchangeServer", "False\n"),
    (r"Test-Path 'C:\a<b>.txt' -IsValid; Test-Path C:\new\name.txt -IsValid", "False\nTrue\n"),
    # the folders every Exchange server has
    (r"Get-ChildItem C:\ -Name", "Program Files\nProgramData\ntemp\nUsers\nWindows\n"),
    (r"Test-Path $env:ExchangeInstallPath\bin\RemoteExchange.ps1", "True\n"),
    (r"Test-Path C:\Users\Administrator\Documents", "True\n"),
    # items
    (r"(Get-Item C:\temp\a.txt).FullName", "C:\\temp\\a.txt\n"),
    (r"Get-Item C:\temp\a.txt | ForEach-Object { $_.Name, $_.Length, $_.Extension, $_.BaseName }",
     "a.txt\n7\n.txt\na\n"),
    (r"(Get-Item C:\temp\a.txt).PSPath", "Microsoft.PowerShell.Core\\FileSystem::C:\\temp\\a.txt\n"),
    (r"(Get-Item C:\temp).PSIsContainer; (Get-Item C:\temp\a.txt).Mode", "True\n-a----\n"),
    # .NET keeps the path an item was made from: Get-ChildItem's items print as their name
    (r"(Get-ChildItem C:\temp)[0].ToString(); (Get-Item C:\temp\a.txt).ToString()", "a.txt\nC:\\temp\\a.txt\n"),
    (r"Get-ChildItem C:\temp | ForEach-Object FullName", "C:\\temp\\a.txt\n"),
    (r"Get-ChildItem C:\temp\a.txt | Get-Content", "alpha\n"),
    # Get-ChildItem filters; 5.1's -Include filters only with a wildcard path or -Recurse
    (r"New-Item C:\temp\sub -ItemType Directory | Out-Null; Set-Content C:\temp\sub\b.log x; "
     r"Get-ChildItem C:\temp -Recurse -Name", "sub\na.txt\nsub\\b.log\n"),
    (r"Get-ChildItem C:\temp -Include *.txt -Name", ""),
    (r"Get-ChildItem C:\temp\* -Include *.txt -Name", "a.txt\n"),
    (r"Get-ChildItem C:\temp -Filter *.TXT -Name", "a.txt\n"),
    (r"New-Item C:\temp\d -ItemType Directory | Out-Null; Get-ChildItem C:\temp -Directory -Name; "
     r"Get-ChildItem C:\temp -File -Name", "d\na.txt\n"),
    # New-Item
    (r"New-Item C:\temp\n.txt -ItemType File -Value 'v1' | Out-Null; Get-Content C:\temp\n.txt", "v1\n"),
    (r"New-Item C:\temp\n.txt -Value 'v1' | Out-Null; New-Item C:\temp\n.txt -Value 'v2' -Force | Out-Null; "
     r"Get-Content C:\temp\n.txt", "v2\n"),
    (r"New-Item -Path C:\temp -Name x.txt | ForEach-Object FullName", "C:\\temp\\x.txt\n"),
    (r"New-Item C:\temp\deep\er\x.txt -Force | Out-Null; Test-Path C:\temp\deep\er", "True\n"),
    (r"New-Item C:\temp -ItemType Directory -Force | ForEach-Object FullName", "C:\\temp\n"),
    (r"New-Item C:\one\two\three -ItemType Directory | ForEach-Object Name", "three\n"),
    # Remove / Copy / Move / Rename
    (r"Remove-Item C:\temp\a.txt; Test-Path C:\temp\a.txt", "False\n"),
    (r"New-Item C:\temp\s -ItemType Directory | Out-Null; Set-Content C:\temp\s\f.txt x; "
     r"Remove-Item C:\temp\s -Recurse; Test-Path C:\temp\s", "False\n"),
    (r"Copy-Item C:\temp\a.txt C:\temp\b.txt; Get-Content C:\temp\b.txt", "alpha\n"),
    (r"New-Item C:\out -ItemType Directory | Out-Null; Copy-Item C:\temp\a.txt C:\out; Get-ChildItem C:\out -Name",
     "a.txt\n"),
    (r"Copy-Item C:\temp C:\copy -Recurse; Get-Content C:\copy\a.txt", "alpha\n"),
    (r"Move-Item C:\temp\a.txt C:\temp\m.txt; Test-Path C:\temp\a.txt; Get-Content C:\temp\m.txt", "False\nalpha\n"),
    (r"Rename-Item C:\temp\a.txt r.txt -PassThru | ForEach-Object FullName", "C:\\temp\\r.txt\n"),
    # -WhatIf says what would happen, and nothing happens
    (r"Remove-Item C:\temp\*.txt -WhatIf; Test-Path C:\temp\a.txt",
     'What if: Performing the operation "Remove File" on target "C:\\temp\\a.txt".\nTrue\n'),
    (r"New-Item C:\temp\w -ItemType Directory -WhatIf",
     'What if: Performing the operation "Create Directory" on target "Destination: C:\\temp\\w".\n'),
    (r"Copy-Item C:\temp\a.txt C:\temp\c.txt -WhatIf",
     'What if: Performing the operation "Copy File" on target "Item: C:\\temp\\a.txt Destination: '
     'C:\\temp\\c.txt".\n'),
    (r"Rename-Item C:\temp\a.txt z.txt -WhatIf",
     'What if: Performing the operation "Rename File" on target "Item: C:\\temp\\a.txt Destination: '
     'C:\\temp\\z.txt".\n'),
    # locations
    (r"Set-Location C:\temp; (Get-Location).Path; Resolve-Path a.txt | ForEach-Object Path",
     "C:\\temp\nC:\\temp\\a.txt\n"),
    (r"cd C:\temp; Resolve-Path .\a.txt -Relative; cd ..; (Get-Location).Path", ".\\a.txt\nC:\\\n"),
    (r"Push-Location C:\temp; (Get-Location).Path; Pop-Location; (Get-Location).Path",
     "C:\\temp\nC:\\Windows\\system32\n"),
    (r"Resolve-Path C:\temp\*.txt | ForEach-Object Path", "C:\\temp\\a.txt\n"),
    (r"cd ~; (Get-Location).Path", "C:\\Users\\Administrator\n"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), OUTPUT, ids=[case[0] for case in OUTPUT])
def test_console_text(ems, script, expected):
    result = ems.run(SETUP + script)
    assert result.errors == []
    assert result.text == expected


NOT_FOUND = "Cannot find path '{0}' because it does not exist."

# (script run after SETUP, [(FullyQualifiedErrorId, message)])
ERRORS = [
    (r"Get-Item C:\temp\missing.txt",
     [("PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand", NOT_FOUND.format("C:\\temp\\missing.txt"))]),
    (r"Remove-Item C:\temp\missing.txt",
     [("PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand", NOT_FOUND.format("C:\\temp\\missing.txt"))]),
    (r"Get-ChildItem C:\nowhere",
     [("PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand", NOT_FOUND.format("C:\\nowhere"))]),
    (r"Set-Location nowhere",
     [("PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand",
       NOT_FOUND.format("C:\\Windows\\system32\\nowhere"))]),
    (r"Resolve-Path C:\x\y",
     [("PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand", NOT_FOUND.format("C:\\x\\y"))]),
    (r"New-Item C:\temp -ItemType Directory",
     [("DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand",
       "An item with the specified name C:\\temp already exists.")]),
    (r"New-Item C:\temp\a.txt",
     [("NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand", "The file 'C:\\temp\\a.txt' already exists.")]),
    (r"New-Item C:\nope\a.txt",
     [("NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand",
       "Could not find a part of the path 'C:\\nope\\a.txt'.")]),
    (r"New-Item C:\temp\l -ItemType SymbolicLink",
     [("Argument,Microsoft.PowerShell.Commands.NewItemCommand",
       'The type is not a known type for the file system. Only "file","directory" or "symboliclink" can be '
       "specified.")]),
    (r"Rename-Item C:\temp\zz.txt y.txt",
     [("InvalidOperation,Microsoft.PowerShell.Commands.RenameItemCommand",
       "Cannot rename because item at 'C:\\temp\\zz.txt' does not exist.")]),
    (r"Rename-Item C:\temp\a.txt C:\elsewhere\b.txt",
     [("Argument,Microsoft.PowerShell.Commands.RenameItemCommand",
       "Cannot rename the specified target, because it represents a path or device name.")]),
    (r"Copy-Item C:\temp\a.txt C:\temp\a.txt",
     [("CopyError,Microsoft.PowerShell.Commands.CopyItemCommand", "Cannot overwrite the item C:\\temp\\a.txt with itself.")]),
    (r"Copy-Item C:\temp\a.txt C:\nope\b.txt",
     [("CopyFileInfoItemIOError,Microsoft.PowerShell.Commands.CopyItemCommand",
       "Could not find a part of the path 'C:\\nope\\b.txt'.")]),
    (r"Set-Content C:\temp\b.txt x; Move-Item C:\temp\a.txt C:\temp\b.txt",
     [("MoveFileInfoItemIOError,Microsoft.PowerShell.Commands.MoveItemCommand",
       "Cannot create a file when that file already exists.")]),
    # outside the sandbox: refused
    ("Get-ChildItem D:\\",
     [("DirUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetChildItemCommand",
       "Access to the path 'D:\\' is denied. emshell keeps file access inside its sandbox directory.")]),
    (r"Remove-Item \\fileserver\share\x.txt",
     [("RemoveItemUnauthorizedAccessError,Microsoft.PowerShell.Commands.RemoveItemCommand",
       "Access to the path '\\\\fileserver\\share\\x.txt' is denied. emshell keeps file access inside its sandbox "
       "directory.")]),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), ERRORS, ids=[case[0] for case in ERRORS])
def test_errors(ems, script, expected):
    result = ems.run(SETUP + script)
    assert [(e.FullyQualifiedErrorId, e.message) for e in result.errors] == expected


def test_path_not_found_renders_as_5_1_does(ems):
    result = ems.run(r"Get-Content C:\x")
    assert result.text == (
        "Get-Content : Cannot find path 'C:\\x' because it does not exist.\n"
        "At line:1 char:1\n"
        "+ Get-Content C:\\x\n"
        "+ ~~~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (C:\\x:String) [Get-Content], ItemNotFoundException\n"
        "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand\n"
        " \n"
    )


def test_a_link_out_of_the_sandbox_is_refused(ems, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    ems.run(r"New-Item C:\temp -ItemType Directory | Out-Null")
    (ems.path("C:\\temp") / "link.txt").symlink_to(outside)
    result = ems.run(r"Get-Content C:\temp\link.txt")
    assert result.error_ids == ["GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand"]
    assert "secret" not in result.text


def test_files_live_in_the_sandbox_directory(ems):
    ems.run(r"New-Item C:\temp -ItemType Directory | Out-Null; Set-Content C:\temp\report.txt 'ok'")
    assert (ems.path(r"C:\temp\report.txt")).read_bytes() == b"ok\r\n"
    assert ems.path(r"C:\temp\report.txt").parent.parent == ems.path("C:\\")


def test_removing_a_folder_with_children_asks_first(tmp_path):
    from emshell import Shell

    shell = Shell(sandbox=tmp_path, inputs=["N"])
    result = shell.run(r"New-Item C:\t\x -ItemType Directory -Force | Out-Null; Remove-Item C:\t; Test-Path C:\t")
    assert "The item at C:\\t has children and the Recurse parameter was not specified." in result.text
    assert result.text.endswith("True\n")


def test_the_file_listing_has_5_1_columns(tmp_path):
    from datetime import datetime

    from emshell import Shell

    shell = Shell(sandbox=tmp_path, clock=lambda: datetime(2023, 6, 1, 10, 5))
    text = shell.run(r"New-Item C:\temp -ItemType Directory | Out-Null; Set-Content C:\temp\a.txt 'hello'; "
                     r"Get-ChildItem C:\temp").text  # fmt: skip
    lines = text.splitlines()
    assert lines[1].rstrip() == "Mode                LastWriteTime         Length Name"
    assert lines[2].rstrip() == "----                -------------         ------ ----"
    assert lines[3].rstrip() == "-a----         6/1/2023  10:05 AM              7 a.txt"
