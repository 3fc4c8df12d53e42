"""CSV cmdlets: ConvertTo-Csv, Export-Csv, ConvertFrom-Csv and Import-Csv, as Windows
PowerShell 5.1 writes and reads them.

Writing: a ``#TYPE <type name>`` line unless -NoTypeInformation, the first object's property
names as the header, every value quoted (embedded quotes doubled) and a ``$null`` value left
empty; values are their .NET ``ToString()`` (so an array reads ``System.Object[]``).
Export-Csv writes ASCII by default.  Reading: the ``#TYPE`` line becomes a ``CSV:<type>`` type
name, every value is a string, missing trailing values are ``$null``.
"""

from __future__ import annotations

from emshell.cmdlets.filesystem import (
    Drive,
    command_type,
    detect_codec,
    encode,
    io_error,
    part_not_found,
    refused,
)
from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError, new_error
from emshell.engine.metadata import CommandMetadata, parameter
from emshell.engine.primitives import dotnet_to_string, enumerate_value, to_string
from emshell.engine.property_expression import all_property_names, get_property
from emshell.engine.psobject import PSCUSTOMOBJECT_TYPE_NAMES, PSObject, type_names_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

UTILITY = "Microsoft.PowerShell.Utility"
EXPORT_ENCODINGS = ("Unicode", "UTF7", "UTF8", "ASCII", "UTF32", "BigEndianUnicode", "Default", "OEM")
_EXPORT_CODECS = {"unicode": "utf-16-le", "utf7": "utf-7", "utf8": "utf-8", "ascii": "ascii", "utf32": "utf-32-le",
                  "bigendianunicode": "utf-16-be", "default": "cp1252", "oem": "cp437"}  # fmt: skip
LIST_SEPARATOR = ","  # en-US TextInfo.ListSeparator, for -UseCulture


def _meta(name: str, params: list, *, synopsis: str, **kwargs: Any) -> CommandMetadata:
    return CommandMetadata(name, params, module=UTILITY, version="3.1.0.0", implementing_type=command_type(name),
                           synopsis=synopsis, **kwargs)  # fmt: skip


def _delimiter_parameters(position: int) -> list:
    return [
        parameter("Delimiter", "Char", position=position, sets=("Delimiter",)),
        parameter("UseCulture", "SwitchParameter", mandatory=True, sets=("UseCulture",)),
    ]


def _delimiter(params: dict) -> str:
    if params.get("UseCulture"):
        return LIST_SEPARATOR
    value = params.get("Delimiter")
    return to_string(value)[:1] if value is not None else ","


# =========================================================================== writing


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def type_line(obj: Any) -> str:
    names = type_names_of(obj)
    if not names:
        return "#TYPE"
    name = names[0]
    return "#TYPE " + (name[4:] if name.lower().startswith("csv:") else name)


def csv_row(obj: Any, names: list[str], delimiter: str) -> str:
    fields = []
    for name in names:
        value = get_property(obj, name)
        fields.append("" if value is None else quote(dotnet_to_string(value)))
    return delimiter.join(fields)


def property_names(obj: Any) -> list[str]:
    return all_property_names(obj)


class CsvWriter:
    """The lines ConvertTo-Csv and Export-Csv produce for a stream of objects."""

    def __init__(self, delimiter: str, type_information: bool, names: list[str] | None = None):
        self.delimiter = delimiter
        self.type_information = type_information
        self.names = names  # known in advance when appending to an existing file

    def lines(self, obj: Any) -> list[str]:
        out = []
        if self.names is None:
            self.names = property_names(obj)
            if self.type_information:
                out.append(type_line(obj))
            out.append(self.delimiter.join(quote(name) for name in self.names))
        out.append(csv_row(obj, self.names, self.delimiter))
        return out


@cmdlet(_meta("ConvertTo-Csv", [
    parameter("InputObject", "PSObject", position=0, mandatory=True, pipeline=True),
    *_delimiter_parameters(1),
    parameter("NoTypeInformation", "SwitchParameter", aliases=("NTI",)),
], default_parameter_set="Delimiter", synopsis="Converts objects to CSV lines."))  # fmt: skip
class ConvertToCsv(Cmdlet):
    def begin(self) -> None:
        self.writer = CsvWriter(_delimiter(self.params), not self.params.get("NoTypeInformation"))

    def process(self) -> None:
        if "InputObject" in self.params:
            for line in self.writer.lines(self.params["InputObject"]):
                self.write_object(line)


@cmdlet(_meta("Export-Csv", [
    parameter("InputObject", "PSObject", mandatory=True, pipeline=True),
    parameter("Path", "String", position=0, sets=("Delimiter", "UseCulture")),
    parameter("LiteralPath", "String", aliases=("PSPath",)),
    parameter("Force", "SwitchParameter"),
    parameter("NoClobber", "SwitchParameter", aliases=("NoOverwrite",)),
    parameter("Encoding", "String", accepted_values=EXPORT_ENCODINGS),
    parameter("Append", "SwitchParameter"),
    *_delimiter_parameters(1),
    parameter("NoTypeInformation", "SwitchParameter", aliases=("NTI",)),
], default_parameter_set="Delimiter", supports_should_process=True,
   synopsis="Writes objects to a CSV file (ASCII by default)."))  # fmt: skip
class ExportCsv(Cmdlet):
    def begin(self) -> None:
        self.rows: list[str] = []
        self.writer: CsvWriter | None = None
        self.drive = Drive(self.runtime.runspace.sandbox)
        path = self.params.get("LiteralPath") or self.params.get("Path")
        if not path:
            raise PSError(new_error(
                "PSArgumentException", "Specify a file path.", "CannotSpecifyPathAndLiteralPath,"
                "Microsoft.PowerShell.Commands.ExportCsvCommand", "InvalidData", activity="Export-Csv",
            ))  # fmt: skip
        try:
            self.full = self.drive.full_path(path)
            self.host_file = self.drive.host_path(self.full)
        except PSError as error:
            raise refused(error, "FileOpenFailure", "Export-Csv") from None
        if self.host_file.is_dir():
            raise io_error(f"Access to the path '{self.full}' is denied.", self.full, "FileOpenFailure", "Export-Csv",
                           "OpenError", "UnauthorizedAccessException")  # fmt: skip
        self.appending = bool(self.params.get("Append")) and self.host_file.exists() and self.host_file.stat().st_size > 0
        if self.params.get("NoClobber") and self.host_file.exists() and not self.appending:
            raise io_error(f"The file '{self.full}' already exists.", self.full, "NoClobber", "Export-Csv",
                           "ResourceExists")  # fmt: skip
        if not self.host_file.parent.is_dir():
            raise part_not_found(self.full, "FileOpenFailure", "Export-Csv", "OpenError")
        self.allowed = self.should_process(self.full, "Export-Csv")
        names = self._existing_header() if self.appending else None
        self.writer = CsvWriter(_delimiter(self.params), not self.params.get("NoTypeInformation"), names)

    def _existing_header(self) -> list[str] | None:
        from emshell.cmdlets.filesystem import read_text

        lines = [line for line in read_text(self.host_file).splitlines() if line.strip()]
        if lines and lines[0].startswith("#"):
            lines = lines[1:]
        return parse_line(lines[0], _delimiter(self.params)) if lines else None

    def process(self) -> None:
        if not self.allowed or "InputObject" not in self.params:
            return
        obj = self.params["InputObject"]
        if self.appending and not self.params.get("Force") and self.writer.names is not None:
            available = {name.lower() for name in property_names(obj)}
            missing = [name for name in self.writer.names if name.lower() not in available]
            if missing:
                raise PSError(new_error(
                    "InvalidOperationException",
                    f"Cannot append CSV content to the following file: {self.full}. The appended object does not "
                    f"have a property that corresponds to the following column: {missing[0]}. To continue with "
                    "mismatched properties, add the -Force parameter, and then retry the command.",
                    "CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand",
                    "InvalidData", missing[0], activity="Export-Csv",
                ))  # fmt: skip
        self.rows.extend(self.writer.lines(obj))

    def end(self) -> None:
        if not self.allowed or not self.rows:
            return
        encoding = str(self.params.get("Encoding") or "ASCII").lower()
        codec_name = _EXPORT_CODECS.get(encoding, "ascii")
        text = "".join(row + "\r\n" for row in self.rows)
        with open(self.host_file, "ab" if self.appending else "wb") as handle:
            handle.write(encode(text, codec_name, with_bom=not self.appending))
        self.drive.touch(self.host_file, self.context.now())


# =========================================================================== reading


def parse_line(line: str, delimiter: str) -> list[str]:
    """The fields of one header line."""
    return next(iter_records([line], delimiter), [])


def iter_records(lines: Iterable[str], delimiter: str) -> Iterator[list[str]]:
    """CSV records from text lines: quoted fields may hold delimiters, doubled quotes and line
    breaks; text after a closing quote is kept, as 5.1's reader does."""
    fields: list[str] = []
    field: list[str] = []
    in_quotes = False
    pending = False  # a record is under way
    for line in lines:
        if not pending and not line.strip():
            continue  # 5.1 skips blank lines
        i = 0
        length = len(line)
        pending = True
        while i < length:
            ch = line[i]
            if in_quotes:
                if ch == '"':
                    if i + 1 < length and line[i + 1] == '"':
                        field.append('"')
                        i += 1
                    else:
                        in_quotes = False
                else:
                    field.append(ch)
            elif ch == '"' and not "".join(field).strip():
                field.clear()
                in_quotes = True
            elif ch == delimiter:
                fields.append("".join(field))
                field.clear()
            else:
                field.append(ch)
            i += 1
        if in_quotes:
            field.append("\n")  # the quoted value goes on to the next line
            continue
        fields.append("".join(field))
        yield fields
        fields, field, pending = [], [], False
    if pending:
        fields.append("".join(field))
        yield fields


class CsvReader:
    """Objects from CSV lines: header (or -Header), optional #TYPE line."""

    def __init__(self, delimiter: str, header: list[str] | None):
        self.delimiter = delimiter
        self.header = header
        self.type_names: tuple[str, ...] = PSCUSTOMOBJECT_TYPE_NAMES

    def objects(self, lines: list[str]) -> Iterator[PSObject]:
        if lines and lines[0].startswith("#TYPE"):
            name = lines[0][5:].strip()
            if name:
                self.type_names = ("CSV:" + name, *PSCUSTOMOBJECT_TYPE_NAMES)
            lines = lines[1:]
        records = iter_records(lines, self.delimiter)
        names = self.header
        if names is None:
            names = next(records, None)
            if names is None:
                return
            names = [name or f"H{index + 1}" for index, name in enumerate(names)]
        for values in records:
            pairs = [(name, values[index] if index < len(values) else None) for index, name in enumerate(names)]
            yield PSObject(pairs, self.type_names)


@cmdlet(_meta("ConvertFrom-Csv", [
    parameter("InputObject", "PSObject[]", position=0, mandatory=True, pipeline=True, by_property_name=True),
    *_delimiter_parameters(1),
    parameter("Header", "String[]"),
], default_parameter_set="Delimiter", synopsis="Turns CSV lines into objects."))  # fmt: skip
class ConvertFromCsv(Cmdlet):
    def begin(self) -> None:
        self.lines: list[str] = []

    def process(self) -> None:
        value = self.params.get("InputObject")
        items = enumerate_value(value)
        for item in items if items is not None else [value]:
            if item is not None:
                self.lines.extend(to_string(item).replace("\r\n", "\n").split("\n"))

    def end(self) -> None:
        header = self.params.get("Header")
        reader = CsvReader(_delimiter(self.params), list(header) if header else None)
        for obj in reader.objects(self.lines):
            self.write_object(obj)


@cmdlet(_meta("Import-Csv", [
    parameter("Path", "String[]", position=0, pipeline=True, by_property_name=True, sets=("Delimiter", "UseCulture")),
    parameter("LiteralPath", "String[]", by_property_name=True, aliases=("PSPath",)),
    *_delimiter_parameters(1),
    parameter("Header", "String[]"),
    parameter("Encoding", "String", accepted_values=EXPORT_ENCODINGS),
], default_parameter_set="Delimiter", synopsis="Reads a CSV file as objects, one per row."))  # fmt: skip
class ImportCsv(Cmdlet):
    def process(self) -> None:
        drive = Drive(self.runtime.runspace.sandbox)
        literal = "LiteralPath" in self.params
        paths = self.params.get("LiteralPath" if literal else "Path") or []
        for path in [p for p in paths if p is not None]:  # $null names no file, as `Import-Csv $null`
            try:
                found, pattern = drive.expand(path, literal=literal)
                targets = found if found or pattern else [drive.full_path(path)]
            except PSError as error:
                self.write_error(refused(error, "FileOpenFailure", "Import-Csv").record)
                continue
            for full in targets:
                self._import(drive, full)

    def _import(self, drive: Drive, full: str) -> None:
        host = drive.host_path(full)
        if not host.exists():
            kind = "FileNotFoundException" if host.parent.is_dir() else "DirectoryNotFoundException"
            message = f"Could not find file '{full}'." if host.parent.is_dir() else \
                f"Could not find a part of the path '{full}'."  # fmt: skip
            self.write_error(new_error(kind, message, "FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand",
                                       "OpenError", activity="Import-Csv"))  # fmt: skip
            return
        if host.is_dir():
            self.write_error(new_error(
                "UnauthorizedAccessException", f"Access to the path '{full}' is denied.",
                "FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand", "OpenError", activity="Import-Csv",
            ))  # fmt: skip
            return
        data = host.read_bytes()
        encoding = self.params.get("Encoding")
        default = _EXPORT_CODECS.get(str(encoding).lower(), "cp1252") if encoding else "cp1252"
        name, skip = detect_codec(data, default)
        text = data[skip:].decode(name, errors="replace")
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        header = self.params.get("Header")
        reader = CsvReader(_delimiter(self.params), list(header) if header else None)
        for obj in reader.objects(lines):
            self.write_object(obj)
