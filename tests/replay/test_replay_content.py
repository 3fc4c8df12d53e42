"""The content cmdlets: the bytes Windows PowerShell 5.1 writes (encodings, byte-order marks,
CRLF), what Get-Content reads back, and the errors."""

from __future__ import annotations

import pytest

UTF16_BOM = b"\xff\xfe"


def utf16(text: str) -> bytes:
    return UTF16_BOM + text.encode("utf-16-le")


# (script, Windows path of the file, its exact bytes)
BYTES = [
    # Set-Content / Add-Content: ANSI (code page 1252) without a byte-order mark, CRLF after each value
    (r"Set-Content C:\f.txt 'caf" + "\u00e9" + "','b'", r"C:\f.txt", b"caf\xe9\r\nb\r\n"),
    (r"Set-Content C:\f.txt 'a'; Add-Content C:\f.txt 'b'", r"C:\f.txt", b"a\r\nb\r\n"),
    (r"Set-Content C:\f.txt 1,2 -NoNewline", r"C:\f.txt", b"12"),
    (r"Set-Content C:\f.txt 'x' -Encoding UTF8", r"C:\f.txt", b"\xef\xbb\xbfx\r\n"),
    (r"Set-Content C:\f.txt 'x' -Encoding Unicode", r"C:\f.txt", utf16("x\r\n")),
    (r"Set-Content C:\f.txt '" + "\u00e9" + "' -Encoding Ascii", r"C:\f.txt", b"?\r\n"),
    (r"Set-Content C:\f.txt 65,66 -Encoding Byte", r"C:\f.txt", b"AB"),
    (r"'a','b' | Set-Content C:\f.txt", r"C:\f.txt", b"a\r\nb\r\n"),
    # Add-Content keeps the encoding of the file it appends to
    (r"'a' | Out-File C:\f.txt; Add-Content C:\f.txt 'b'", r"C:\f.txt", utf16("a\r\nb\r\n")),
    # Out-File and > write what the console shows, as UTF-16 LE with a byte-order mark
    (r"'a' | Out-File C:\f.txt; 'b' | Out-File C:\f.txt -Append", r"C:\f.txt", utf16("a\r\nb\r\n")),
    (r"[pscustomobject]@{Name='x'} | Out-File C:\f.txt", r"C:\f.txt", utf16("\r\nName\r\n----\r\nx   \r\n\r\n\r\n")),
    (r"'a' | Out-File C:\f.txt -Encoding ascii", r"C:\f.txt", b"a\r\n"),
    (r"'a','b' | Out-File C:\f.txt -NoNewline", r"C:\f.txt", utf16("ab")),
    # New-Item -Value: UTF-8 without a byte-order mark, no line end
    (r"New-Item C:\f.txt -Value 'caf" + "\u00e9" + "' | Out-Null", r"C:\f.txt", b"caf\xc3\xa9"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "path", "expected"), BYTES, ids=[case[0] for case in BYTES])
def test_bytes_on_disk(ems, script, path, expected):
    result = ems.run(script)
    assert result.errors == []
    assert ems.path(path).read_bytes() == expected


# (bytes of C:\in.txt, script, console text)
READS = [
    (b"one\r\ntwo\r\n", r"Get-Content C:\in.txt", "one\ntwo\n"),
    (b"one\ntwo", r"(Get-Content C:\in.txt).Count", "2\n"),
    (b"one\rtwo\r\n", r"Get-Content C:\in.txt", "one\ntwo\n"),
    (b"\xef\xbb\xbfcaf\xc3\xa9\r\n", r"Get-Content C:\in.txt", "caf\u00e9\n"),
    (utf16("caf\u00e9\r\n"), r"Get-Content C:\in.txt", "caf\u00e9\n"),
    # no byte-order mark: 5.1 reads ANSI, so UTF-8 without a BOM comes out garbled
    (b"caf\xc3\xa9\r\n", r"Get-Content C:\in.txt", "caf\u00c3\u00a9\n"),
    (b"caf\xc3\xa9\r\n", r"Get-Content C:\in.txt -Encoding UTF8", "caf\u00e9\n"),
    (b"1\r\n2\r\n3\r\n4\r\n5\r\n", r"Get-Content C:\in.txt -TotalCount 2", "1\n2\n"),
    (b"1\r\n2\r\n3\r\n4\r\n5\r\n", r"Get-Content C:\in.txt -Head 1", "1\n"),
    (b"1\r\n2\r\n3\r\n4\r\n5\r\n", r"Get-Content C:\in.txt -Tail 2", "4\n5\n"),
    (b"1\r\n2\r\n3\r\n4\r\n5\r\n", r"Get-Content C:\in.txt -ReadCount 2 | ForEach-Object { $_.Count }", "2\n2\n1\n"),
    (b"1\r\n2\r\n3\r\n", r"(Get-Content C:\in.txt -ReadCount 0).Count", "3\n"),
    (b"1\r\n2\r\n", r"(Get-Content C:\in.txt -Raw).Length", "6\n"),
    (b"a;b;c", r"Get-Content C:\in.txt -Delimiter ';'", "a;\nb;\nc\n"),
    (b"AB", r"Get-Content C:\in.txt -Encoding Byte", "65\n66\n"),
    (b"", r"(Get-Content C:\in.txt) -eq $null", "True\n"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "script", "expected"), READS, ids=[case[1] + " " + repr(case[0]) for case in READS])
def test_reading(ems, data, script, expected):
    ems.path(r"C:\in.txt").write_bytes(data)
    result = ems.run(script)
    assert result.errors == []
    assert result.text == expected


ERRORS = [
    (r"Get-Content C:\Windows",
     "GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand",
     "Access to the path 'C:\\Windows' is denied."),
    (r"Set-Content C:\nope\a.txt x",
     "GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands.SetContentCommand",
     "Could not find a part of the path 'C:\\nope\\a.txt'."),
    (r"Add-Content C:\Windows x",
     "GetContentWriterUnauthorizedAccessError,Microsoft.PowerShell.Commands.AddContentCommand",
     "Access to the path 'C:\\Windows' is denied."),
    (r"'x' | Out-File C:\nope\a.txt",
     "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand",
     "Could not find a part of the path 'C:\\nope\\a.txt'."),
    (r"'x' | Out-File C:\a.txt; 'y' | Out-File C:\a.txt -NoClobber",
     "NoClobber,Microsoft.PowerShell.Commands.OutFileCommand", "The file 'C:\\a.txt' already exists."),
    (r"'x' | Out-File D:\a.txt",
     "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand",
     "Access to the path 'D:\\a.txt' is denied. emshell keeps file access inside its sandbox directory."),
    (r"Set-Content ..\..\..\..\etc\x.txt x",
     None, None),  # ``..`` stops at the drive root: C:\etc\x.txt does not exist as a folder
]  # fmt: skip


@pytest.mark.parametrize(("script", "error_id", "message"), ERRORS, ids=[case[0] for case in ERRORS])
def test_errors(ems, script, error_id, message):
    result = ems.run(script)
    if error_id is None:
        assert result.error_ids == ["GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands."
                                    "SetContentCommand"]  # fmt: skip
        assert result.errors[0].message == "Could not find a part of the path 'C:\\etc\\x.txt'."
        return
    assert result.error_ids == [error_id]
    assert result.errors[0].message == message


def test_whatif_writes_nothing(ems):
    result = ems.run(r"Set-Content C:\w.txt 'x' -WhatIf; Add-Content C:\w.txt 'x' -WhatIf; "
                     r"'x' | Out-File C:\w.txt -WhatIf; Test-Path C:\w.txt")  # fmt: skip
    assert result.text == (
        'What if: Performing the operation "Set Content" on target "Path: C:\\w.txt".\n'
        'What if: Performing the operation "Add Content" on target "Path: C:\\w.txt".\n'
        'What if: Performing the operation "Output to File" on target "C:\\w.txt".\n'
        "False\n"
    )


def test_pass_thru_writes_the_values_on(ems):
    assert ems.run(r"'a','b' | Set-Content C:\p.txt -PassThru").text == "a\nb\n"


def test_redirection_and_tee_share_the_sandbox(ems):
    result = ems.run(r"'one' > C:\r.txt; 'two' >> C:\r.txt; 'three' | Tee-Object C:\t.txt | Out-Null; "
                     r"Get-Content C:\r.txt; Get-Content C:\t.txt")  # fmt: skip
    assert result.text == "one\ntwo\nthree\n"
    assert ems.path(r"C:\r.txt").read_bytes() == utf16("one\r\ntwo\r\n")
