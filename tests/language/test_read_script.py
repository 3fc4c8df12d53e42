"""Script files are read as Windows PowerShell reads ``.ps1`` files: a byte-order mark picks
UTF-8, UTF-16 LE or UTF-16 BE; without one the bytes are UTF-8 if they decode as such, else
Windows-1252.  CRLF line ends become LF; extents name the script's path."""

from __future__ import annotations

import pytest

from emshell.language import parse_file, read_script

TEXT = "Set-UMService -Identity 'EX01' -Comment 'Zürich – café'\r\nGet-UMService\r\n"


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8 without BOM"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8 with BOM"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16 LE"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16 BE"),
        (TEXT.encode("cp1252"), "Windows-1252 (not valid UTF-8)"),
    ],
)
def test_encodings(tmp_path, encoded, label):
    path = tmp_path / "script.ps1"
    path.write_bytes(encoded)
    assert read_script(path) == TEXT.replace("\r\n", "\n")


def test_parse_file_sets_the_path_and_lines(tmp_path):
    path = tmp_path / "script.ps1"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    tree = parse_file(path)
    second = tree.end_block.statements[1]
    assert tree.source.path == str(path)
    assert (second.extent.file, second.extent.start_line, second.extent.text) == (str(path), 2, "Get-UMService")


def test_parse_file_display_path(tmp_path):
    path = tmp_path / "script.ps1"
    path.write_text("Get-UMService\n", encoding="utf-8")
    tree = parse_file(path, display_path=r"C:\Scripts\script.ps1")
    assert tree.extent.file == r"C:\Scripts\script.ps1"
