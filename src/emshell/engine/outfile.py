"""Writing formatted output to a file: ``> file``, ``>> file`` and Out-File.

Windows PowerShell 5.1 writes these files as UTF-16 LE with a byte-order mark ("Unicode")
and CRLF line ends, formatted as the console would show them; emshell does the same so a
script's files look as they would on the Exchange server.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from emshell.engine.runspace import Runspace

ENCODINGS = {
    "unicode": "utf-16-le", "utf8": "utf-8-sig", "utf7": "utf-7", "utf32": "utf-32-le",
    "ascii": "ascii", "bigendianunicode": "utf-16-be", "default": "cp1252", "oem": "cp437",
    "string": "utf-16-le", "unknown": "utf-16-le", "byte": "latin-1",
}  # fmt: skip
BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}


def encode_text(text: str, encoding: str, *, with_bom: bool) -> bytes:
    """Encode with Windows line ends and, for a new file, the encoding's byte-order mark."""
    codec = ENCODINGS.get(encoding.lower(), encoding)
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(codec, errors="replace")
    if with_bom:
        data = BOMS.get(codec, b"") + data
    return data


class OutFileWriter:
    """Formats objects with Out-Default's rules and appends the text to a sandbox file."""

    def __init__(self, runspace: Runspace, path: Path, *, append: bool = False, encoding: str = "unicode",
                 width: int | None = None):  # fmt: skip
        from emshell.formatting import OutDefault

        self.path = path
        self.encoding = encoding
        limit = runspace.session.get_value("FormatEnumerationLimit")
        # Out-File lays text out on the full width (the console keeps one column free).
        self.formatter = OutDefault(width or runspace.host.width, limit if isinstance(limit, int) else 16,
                                    console=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        exists = path.exists() and path.stat().st_size > 0
        self._with_bom = not (append and exists)
        if not append:
            path.write_bytes(b"")
        elif not path.exists():
            path.touch()  # Out-File opens its file before any input arrives: it exists even if none does
        self._opened = False

    def write(self, value: Any) -> None:
        self._append(self.formatter.process(value))

    def close(self) -> None:
        self._append(self.formatter.end())

    def _append(self, text: str) -> None:
        if not text:
            return
        with open(self.path, "ab") as handle:
            handle.write(encode_text(text, self.encoding, with_bom=self._with_bom))
        self._with_bom = False
