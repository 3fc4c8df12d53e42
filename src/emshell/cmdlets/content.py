"""The content cmdlets, inside the sandbox: Get-Content, Set-Content, Add-Content and Out-File.

Windows PowerShell 5.1's encodings: Set-Content and Add-Content write ANSI (code page 1252,
"Default") unless told otherwise, Add-Content keeps the encoding of the file it appends to,
Out-File writes what the console would show as UTF-16 LE with a byte-order mark ("Unicode"),
and Get-Content reads by byte-order mark, else ANSI.  Each value ends with CRLF.
"""

from __future__ import annotations

from emshell.cmdlets.filesystem import (
    PROVIDER_ENCODINGS,
    Drive,
    codec,
    command_type,
    detect_codec,
    encode,
    io_error,
    part_not_found,
    path_not_found,
    refused,
    split_lines,
)
from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError
from emshell.engine.metadata import CommandMetadata, parameter
from emshell.engine.primitives import enumerate_value, to_string

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

MANAGEMENT = "Microsoft.PowerShell.Management"
UTILITY = "Microsoft.PowerShell.Utility"
OUT_FILE_ENCODINGS = ("unknown", "string", "unicode", "bigendianunicode", "utf8", "utf7", "utf32", "ascii",
                      "default", "oem")  # fmt: skip


def _meta(name: str, params: list, *, module: str = MANAGEMENT, synopsis: str, **kwargs: Any) -> CommandMetadata:
    return CommandMetadata(name, params, module=module, version="3.1.0.0", implementing_type=command_type(name),
                           synopsis=synopsis, **kwargs)  # fmt: skip


def _content_paths() -> list:
    return [
        parameter("Path", "String[]", position=0, mandatory=True, by_property_name=True, sets=("Path",)),
        parameter("LiteralPath", "String[]", mandatory=True, by_property_name=True, sets=("LiteralPath",),
                  aliases=("PSPath",)),
        parameter("Filter", "String"), parameter("Include", "String[]"), parameter("Exclude", "String[]"),
        parameter("Force", "SwitchParameter"), parameter("Credential", "PSCredential"),
        parameter("Stream", "String"),
        parameter("Encoding", "FileSystemCmdletProviderEncoding", accepted_values=PROVIDER_ENCODINGS),
    ]  # fmt: skip


def _requested(params: dict) -> tuple[list[str], bool]:
    if "LiteralPath" in params:
        return list(params["LiteralPath"]), True
    return list(params["Path"]), False


# =========================================================================== Get-Content


@cmdlet(_meta("Get-Content", [
    *_content_paths(),
    parameter("ReadCount", "Int64", by_property_name=True),
    parameter("TotalCount", "Int64", by_property_name=True, aliases=("First", "Head")),
    parameter("Tail", "Int32", aliases=("Last",)),
    parameter("Delimiter", "String"),
    parameter("Raw", "SwitchParameter"),
    parameter("Wait", "SwitchParameter"),
], default_parameter_set="Path", synopsis="Reads a file's lines (or its whole text with -Raw)."))  # fmt: skip
class GetContent(Cmdlet):
    def process(self) -> None:
        drive = Drive(self.runtime.runspace.sandbox)
        paths, literal = _requested(self.params)
        for path in paths:
            try:
                found, pattern = drive.expand(path, literal=literal)
            except PSError as error:
                self.write_error(refused(error, "GetContentReaderUnauthorizedAccessError", "Get-Content").record)
                continue
            if not found and not pattern:
                self.write_error(path_not_found(drive.full_path(path), "Get-Content").record)
                continue
            for full in found:
                host = drive.host_path(full)
                if host.is_dir():
                    self.write_error(io_error(f"Access to the path '{full}' is denied.", full,
                                              "GetContentReaderUnauthorizedAccessError", "Get-Content",
                                              "PermissionDenied", "UnauthorizedAccessException").record)  # fmt: skip
                    continue
                self._read(host)

    def _read(self, host: Path) -> None:
        encoding = str(self.params.get("Encoding") or "")
        data = host.read_bytes()
        if encoding.lower() == "byte":
            items: list = list(data)
        else:
            name, skip = detect_codec(data, codec(encoding) if encoding else "cp1252")
            text = data[skip:].decode(name, errors="replace")
            if self.params.get("Raw"):
                if text:
                    self.write_object(text)
                return
            delimiter = self.params.get("Delimiter")
            items = _split_delimited(text, delimiter) if delimiter else split_lines(text)
        if "TotalCount" in self.params and self.params["TotalCount"] >= 0:
            items = items[: self.params["TotalCount"]]
        if "Tail" in self.params and self.params["Tail"] >= 0:
            count = self.params["Tail"]
            items = items[len(items) - count :] if count else []
        read_count = self.params.get("ReadCount", 1)
        if read_count == 1 or not items:
            for item in items:
                self.write_object(item)
        elif read_count <= 0:
            self.write_object(items)
        else:
            for start in range(0, len(items), read_count):
                self.write_object(items[start : start + read_count])


def _split_delimited(text: str, delimiter: str) -> list[str]:
    """-Delimiter: each chunk keeps the delimiter that ends it (as 5.1 returns them)."""
    chunks = []
    start = 0
    while True:
        index = text.find(delimiter, start)
        if index < 0:
            if start < len(text):
                chunks.append(text[start:])
            return chunks
        chunks.append(text[start : index + len(delimiter)])
        start = index + len(delimiter)


# =========================================================================== Set-Content / Add-Content


def _writer_metadata(name: str, synopsis: str) -> CommandMetadata:
    return _meta(name, [
        *_content_paths(),
        parameter("Value", "Object[]", position=1, mandatory=True, pipeline=True, by_property_name=True,
                  allow_null=True, allow_empty_collection=True),
        parameter("PassThru", "SwitchParameter"),
        parameter("NoNewline", "SwitchParameter"),
    ], default_parameter_set="Path", supports_should_process=True, synopsis=synopsis)  # fmt: skip


class ContentWriter(Cmdlet):
    """Collects the values and writes them when the pipeline ends."""

    append = False
    action = ""

    def begin(self) -> None:
        self.values: list = []
        self.targets: list[tuple[str, bool]] = []  # (path, literal) of each processed input, in order

    def process(self) -> None:
        paths, literal = _requested(self.params)
        self.targets.extend((path, literal) for path in paths if (path, literal) not in self.targets)
        value = self.params.get("Value")
        items = enumerate_value(value)
        self.values.extend(items if items is not None else [value])
        if self.params.get("PassThru"):
            self.write_object(value, enumerate_collection=True)

    def end(self) -> None:
        drive = Drive(self.runtime.runspace.sandbox)
        name = self.metadata.name
        for path, literal in self.targets:  # none when no input object could be bound
            try:
                found, pattern = drive.expand(path, literal=literal)
                targets = found if found or pattern else [drive.full_path(path)]
                for full in targets:
                    self._write(drive, full)
            except PSError as error:
                if error.record.Exception.short_name == "UnauthorizedAccessException":
                    error = refused(error, "GetContentWriterUnauthorizedAccessError", name)
                self.write_error(error.record)

    def _write(self, drive: Drive, full: str) -> None:
        name = self.metadata.name
        host = drive.host_path(full)
        if host.is_dir():
            raise io_error(f"Access to the path '{full}' is denied.", full, "GetContentWriterUnauthorizedAccessError",
                           name, "PermissionDenied", "UnauthorizedAccessException")  # fmt: skip
        if not host.parent.is_dir():
            raise part_not_found(full, "GetContentWriterDirectoryNotFoundError", name, "ObjectNotFound")
        if not self.should_process(f"Path: {full}", self.action):
            return
        appending = self.append and host.exists() and host.stat().st_size > 0
        encoding = str(self.params.get("Encoding") or "")
        if encoding.lower() == "byte":
            data = bytes(int(to_string(v)) & 0xFF if not isinstance(v, int) else v & 0xFF
                         for v in self.values if v is not None)  # fmt: skip
        else:
            if encoding:
                codec_name = codec(encoding)
            elif appending:
                with open(host, "rb") as existing:  # Add-Content keeps the file's encoding
                    codec_name = detect_codec(existing.read(4))[0]
            else:
                codec_name = "cp1252"  # 5.1's "Default": the ANSI code page
            separator = "" if self.params.get("NoNewline") else "\r\n"
            text = "".join(to_string(value, self.context) + separator for value in self.values
                           if value is not None)  # fmt: skip
            data = encode(text, codec_name, with_bom=not appending)
        with open(host, "ab" if appending else "wb") as handle:
            handle.write(data)
        drive.touch(host, self.context.now())


@cmdlet(_writer_metadata("Set-Content", "Writes values to a file, replacing its content (ANSI by default)."))
class SetContent(ContentWriter):
    action = "Set Content"


@cmdlet(_writer_metadata("Add-Content", "Appends values to a file, in the file's own encoding."))
class AddContent(ContentWriter):
    append = True
    action = "Add Content"


# =========================================================================== Out-File


def out_file_target(runspace: Any, path: str, *, append: bool, no_clobber: bool = False) -> tuple[Drive, Any, str]:
    """The drive, host file and full path Out-File (and so ``>`` / ``>>``) writes to, after
    Out-File's checks: a folder, an existing file with -NoClobber, a missing parent folder and
    a path outside the sandbox are errors."""
    drive = Drive(runspace.sandbox)
    try:
        full = drive.full_path(path)
        host = drive.host_path(full)
    except PSError as error:
        raise refused(error, "FileOpenFailure", "Out-File") from None
    if host.is_dir():
        raise io_error(f"Access to the path '{full}' is denied.", full, "FileOpenFailure", "Out-File",
                       "OpenError", "UnauthorizedAccessException")  # fmt: skip
    if no_clobber and host.exists() and not append:
        raise io_error(f"The file '{full}' already exists.", full, "NoClobber", "Out-File", "ResourceExists")
    if not host.parent.is_dir():
        raise part_not_found(full, "FileOpenFailure", "Out-File", "OpenError")
    return drive, host, full


@cmdlet(_meta("Out-File", [
    parameter("FilePath", "String", position=0, mandatory=True, sets=("ByPath",), aliases=("Path",)),
    parameter("LiteralPath", "String", mandatory=True, sets=("ByLiteralPath",), aliases=("PSPath",)),
    parameter("Encoding", "String", position=1, accepted_values=OUT_FILE_ENCODINGS),
    parameter("Append", "SwitchParameter"),
    parameter("Force", "SwitchParameter"),
    parameter("NoClobber", "SwitchParameter", aliases=("NoOverwrite",)),
    parameter("Width", "Int32"),
    parameter("NoNewline", "SwitchParameter"),
    parameter("InputObject", "PSObject", pipeline=True),
], module=UTILITY, default_parameter_set="ByPath", supports_should_process=True,
   synopsis="Sends formatted output to a file (UTF-16 LE by default)."))  # fmt: skip
class OutFile(Cmdlet):
    def begin(self) -> None:
        self.writer: Any = None
        self.pieces: list[str] = []
        path = self.params.get("LiteralPath") or self.params["FilePath"]
        drive, host, full = out_file_target(self.runtime.runspace, path, append=bool(self.params.get("Append")),
                                            no_clobber=bool(self.params.get("NoClobber")))  # fmt: skip
        if not self.should_process(full, "Output to File"):
            return
        self.drive, self.host_file = drive, host
        encoding = to_string(self.params.get("Encoding") or "unicode")
        if self.params.get("NoNewline"):
            self.encoding = encoding
            return
        from emshell.engine.outfile import OutFileWriter

        self.writer = OutFileWriter(self.runtime.runspace, host, append=bool(self.params.get("Append")),
                                    encoding=encoding, width=self.params.get("Width"))  # fmt: skip

    def process(self) -> None:
        if "InputObject" not in self.params:
            return
        value = self.params["InputObject"]
        if self.writer is not None:
            self.writer.write(value)
        elif hasattr(self, "encoding"):
            self.pieces.append(to_string(value, self.context))

    def end(self) -> None:
        if self.writer is not None:
            self.writer.close()
        elif hasattr(self, "encoding"):
            from emshell.engine.outfile import encode_text

            appending = bool(self.params.get("Append")) and self.host_file.exists()
            with open(self.host_file, "ab" if appending else "wb") as handle:
                handle.write(encode_text("".join(self.pieces), self.encoding, with_bom=not appending))
        else:
            return
        self.drive.touch(self.host_file, self.context.now())
