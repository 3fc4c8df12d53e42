"""``[System.IO.File]`` and ``[System.IO.Directory]``: the .NET file API, inside the sandbox.

Scripts read and write files with these statics as often as with Get-Content.  Paths go
through the runtime context's drive C: (``RuntimeContext.file_system``: the runspace's
sandbox), so they resolve like any other path -- relative to the current location, without
regard to case -- and nothing outside the sandbox directory can be named: another drive, a UNC
path or a link leading out is .NET's UnauthorizedAccessException.  Without a runspace (no
context) every path is refused.  Failures are the .NET exceptions the real methods throw, so
the script sees ``Exception calling "ReadAllText" with "1" argument(s): "Could not find file
'C:\\x.txt'."``.

File: ReadAllText, ReadAllLines, ReadAllBytes, WriteAllText, WriteAllLines, WriteAllBytes,
AppendAllText, Exists.  Directory: Exists, GetFiles, GetDirectories, CreateDirectory.
"""

from __future__ import annotations

from emshell.engine.errors import PSError
from emshell.engine.limits import MAX_STRING_LENGTH, check_element_count, check_string_length
from emshell.engine.primitives import DotNetException, TypedArray, enumerate_value, to_string
from emshell.engine.types import StaticMethod

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

_UTF8 = "utf-8"


def _method(name: str, arities: tuple[int, ...], func: Any) -> StaticMethod:
    def call(args: list, ctx: Any) -> Any:
        try:
            return func(args, ctx)
        except OSError as error:  # what the host file system said, as .NET's IOException
            raise DotNetException("System.IO.IOException", error.strerror or str(error)) from None

    return StaticMethod(name, call, arities)


def _table(*methods: StaticMethod) -> dict:
    return {method.name.lower(): method for method in methods}


# --------------------------------------------------------------------------- paths


class _Target:
    """A path argument resolved on drive C:."""

    __slots__ = ("drive", "full", "host")

    def __init__(self, drive: Any, full: str, host: Path):
        self.drive = drive
        self.full = full
        self.host = host


def _locate(value: Any, ctx: Any, parameter: str = "path") -> _Target:
    if value is None:
        raise DotNetException("System.ArgumentNullException", f"Value cannot be null.\nParameter name: {parameter}")
    path = to_string(value)
    if path == "":
        raise DotNetException("System.ArgumentException", "Empty path name is not legal.")
    if not path.strip():
        raise DotNetException("System.ArgumentException", "The path is not of a legal form.")
    drive = getattr(ctx, "file_system", None)
    if drive is None:
        raise DotNetException("System.UnauthorizedAccessException", f"Access to the path '{path}' is denied.")
    try:
        full = drive.full_path(path)
        return _Target(drive, full, drive.host_path(full))
    except PSError as error:  # outside the sandbox, or a name no file can have
        exception = error.record.Exception
        raise DotNetException(exception.type_name, exception.Message) from None


def _existing_file(target: _Target) -> Path:
    host = target.host
    if host.is_dir():
        raise DotNetException("System.UnauthorizedAccessException", f"Access to the path '{target.full}' is denied.")
    if not host.is_file():
        if not host.parent.is_dir():
            raise _part_not_found(target.full)
        raise DotNetException("System.IO.FileNotFoundException", f"Could not find file '{target.full}'.")
    if host.stat().st_size > 4 * MAX_STRING_LENGTH:
        check_string_length(host.stat().st_size // 4)
    return host


def _writable_file(target: _Target) -> Path:
    host = target.host
    if host.is_dir():
        raise DotNetException("System.UnauthorizedAccessException", f"Access to the path '{target.full}' is denied.")
    if not host.parent.is_dir():
        raise _part_not_found(target.full)
    return host


def _part_not_found(full: str) -> DotNetException:
    return DotNetException("System.IO.DirectoryNotFoundException", f"Could not find a part of the path '{full}'.")


def _stamp(target: _Target, ctx: Any) -> None:
    now = getattr(ctx, "now", None)
    if now is not None:
        target.drive.touch(target.host, now())


# --------------------------------------------------------------------------- encodings


def _codec(encoding: Any, method: str) -> str | None:
    """The codec of an ``[System.Text.Encoding]`` argument (None when not given)."""
    if encoding is None:
        return None
    codec = getattr(encoding, "codec", None)
    if codec is None:
        raise DotNetException("System.ArgumentException", f"Cannot convert argument \"encoding\" for \"{method}\".")
    return codec


def _read_text(host: Path, codec: str | None) -> str:
    from emshell.cmdlets.filesystem import detect_codec

    data = host.read_bytes()
    name, skip = detect_codec(data, codec or _UTF8)  # StreamReader: the byte-order mark wins
    return data[skip:].decode(name, errors="replace")


def _encode(text: str, codec: str | None, *, preamble: bool) -> bytes:
    """.NET writes UTF-8 without a byte-order mark by default; an Encoding object writes its
    preamble (``[Text.Encoding]::UTF8`` has one)."""
    from emshell.cmdlets.filesystem import encode

    check_string_length(len(text))
    return encode(text, codec or _UTF8, with_bom=preamble and codec is not None)


def _lines(value: Any) -> list[str]:
    items = enumerate_value(value)
    values = [value] if items is None else list(items)
    check_element_count(len(values))
    return [to_string(item) for item in values]


# --------------------------------------------------------------------------- File


def _read_all_text(args: list, ctx: Any) -> str:
    host = _existing_file(_locate(args[0], ctx))
    return _read_text(host, _codec(args[1] if len(args) > 1 else None, "ReadAllText"))


def _read_all_lines(args: list, ctx: Any) -> TypedArray:
    from emshell.cmdlets.filesystem import split_lines

    host = _existing_file(_locate(args[0], ctx))
    lines = split_lines(_read_text(host, _codec(args[1] if len(args) > 1 else None, "ReadAllLines")))
    check_element_count(len(lines))
    return TypedArray(lines, "System.String")


def _read_all_bytes(args: list, ctx: Any) -> TypedArray:
    host = _existing_file(_locate(args[0], ctx))
    check_element_count(host.stat().st_size)
    return TypedArray(list(host.read_bytes()), "System.Byte")


def _write(args: list, ctx: Any, text: str, method: str, *, append: bool = False) -> None:
    target = _locate(args[0], ctx)
    host = _writable_file(target)
    codec = _codec(args[2] if len(args) > 2 else None, method)
    fresh = not append or not host.exists() or host.stat().st_size == 0
    data = _encode(text, codec, preamble=fresh)
    with open(host, "ab" if append else "wb") as handle:
        handle.write(data)
    _stamp(target, ctx)


def _write_all_text(args: list, ctx: Any) -> None:
    _write(args, ctx, "" if args[1] is None else to_string(args[1]), "WriteAllText")


def _append_all_text(args: list, ctx: Any) -> None:
    _write(args, ctx, "" if args[1] is None else to_string(args[1]), "AppendAllText", append=True)


def _write_all_lines(args: list, ctx: Any) -> None:
    if args[1] is None:
        raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: contents")
    lines = _lines(args[1])
    check_string_length(sum(len(line) + 2 for line in lines))
    _write(args, ctx, "".join(line + "\r\n" for line in lines), "WriteAllLines")


def _write_all_bytes(args: list, ctx: Any) -> None:
    from emshell.engine.conversion import convert_to

    if args[1] is None:
        raise DotNetException("System.ArgumentNullException", "Value cannot be null.\nParameter name: bytes")
    values = enumerate_value(args[1])
    values = [args[1]] if values is None else list(values)
    check_element_count(len(values))
    data = bytes(int(convert_to(value, "System.Byte")) for value in values)
    target = _locate(args[0], ctx)
    _writable_file(target).write_bytes(data)
    _stamp(target, ctx)


def _file_exists(args: list, ctx: Any) -> bool:
    """True for an existing file in the sandbox; .NET answers False, never an error."""
    try:
        return _locate(args[0], ctx).host.is_file()
    except (DotNetException, OSError):
        return False


def file_statics(ptype: Any) -> dict:
    return _table(
        _method("ReadAllText", (1, 2), _read_all_text),
        _method("ReadAllLines", (1, 2), _read_all_lines),
        _method("ReadAllBytes", (1,), _read_all_bytes),
        _method("WriteAllText", (2, 3), _write_all_text),
        _method("WriteAllLines", (2, 3), _write_all_lines),
        _method("WriteAllBytes", (2,), _write_all_bytes),
        _method("AppendAllText", (2, 3), _append_all_text),
        _method("Exists", (1,), _file_exists),
    )


# --------------------------------------------------------------------------- Directory


def _directory_exists(args: list, ctx: Any) -> bool:
    try:
        return _locate(args[0], ctx).host.is_dir()
    except (DotNetException, OSError):
        return False


def _search_pattern(value: Any) -> Any:
    import re

    pattern = "*" if value is None else to_string(value)
    if ".." in pattern or "\\" in pattern or "/" in pattern:  # .NET refuses patterns that leave the folder
        raise DotNetException("System.ArgumentException", "Search pattern cannot contain \"..\" to move up "
                              "directories and can be contained only internally in file/directory names, as in "
                              "\"a..b\".\nParameter name: searchPattern")  # fmt: skip
    regex = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


def _recursive(value: Any) -> bool:
    if value is None:
        return False
    text = to_string(value).strip().lower()
    return text in ("alldirectories", "1")


def _entries(args: list, ctx: Any, *, folders: bool) -> TypedArray:
    target = _locate(args[0], ctx)
    if not target.host.is_dir():
        raise _part_not_found(target.full)
    pattern = _search_pattern(args[1] if len(args) > 1 else None)
    recursive = _recursive(args[2] if len(args) > 2 else None)
    found: list[str] = []
    pending = [(target.full.rstrip("\\"), target.host)]
    while pending:
        folder, host = pending.pop(0)
        for entry in sorted(host.iterdir(), key=lambda item: item.name.lower()):
            full = f"{folder}\\{entry.name}"
            is_dir = entry.is_dir() and not entry.is_symlink()
            if is_dir == folders and pattern.fullmatch(entry.name):
                found.append(full)
                check_element_count(len(found))
            if recursive and is_dir:
                pending.append((full, entry))
    return TypedArray(found, "System.String")


def _create_directory(args: list, ctx: Any) -> Any:
    target = _locate(args[0], ctx)
    if target.host.exists() and not target.host.is_dir():
        raise DotNetException("System.IO.IOException", f"Cannot create \"{target.full}\" because a file or directory "
                              "with the same name already exists.")  # fmt: skip
    target.host.mkdir(parents=True, exist_ok=True)
    return target.drive.item(target.full)


def directory_statics(ptype: Any) -> dict:
    return _table(
        _method("Exists", (1,), _directory_exists),
        _method("GetFiles", (1, 2, 3), lambda a, c: _entries(a, c, folders=False)),
        _method("GetDirectories", (1, 2, 3), lambda a, c: _entries(a, c, folders=True)),
        _method("CreateDirectory", (1,), _create_directory),
    )
