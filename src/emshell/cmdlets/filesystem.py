"""The FileSystem provider of the emulated server: drive C: inside the sandbox directory.

Scripts see Windows semantics on any host: paths compare without regard to case
(``C:\\Temp\\Users.csv`` finds ``<sandbox>/temp/users.csv``), ``-Path`` takes PowerShell
wildcards, a file can only be created in a directory that exists, and the folders every
Exchange server has (``C:\\Windows\\System32``, the Administrator's profile, the Exchange
install folder) are there from the first use.  Anything outside the sandbox is refused with
the sandbox's access-denied error (``emshell.engine.sandbox``).

The item cmdlets (``files``), the content cmdlets (``content``) and the CSV cmdlets
(``csvfiles``) share this module: path resolution, the 5.1 "Cannot find path" errors, the
``FileInfo`` / ``DirectoryInfo`` objects and text encodings.
"""

from __future__ import annotations

import os

from emshell.engine.errors import PSError, new_error
from emshell.engine.operators import compile_wildcard
from emshell.engine.property_expression import is_wildcard

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from emshell.engine.sandbox import Sandbox

PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
PROVIDER_PREFIX = PROVIDER + "::"
COMMANDS = "Microsoft.PowerShell.Commands."

# Folders a Windows Server 2016 with Exchange 2016 has; created in the sandbox on first use.
EXCHANGE_INSTALL = "Program Files\\Microsoft\\Exchange Server\\V15"
STANDARD_DIRECTORIES = (
    "Windows\\system32",  # spelled as EMS's start location, C:\Windows\system32
    "Windows\\Temp",
    "ProgramData",
    "Users\\Public",
    "Users\\Administrator\\Desktop",
    "Users\\Administrator\\Documents",
    "Users\\Administrator\\AppData\\Local\\Temp",
    "Users\\Administrator\\AppData\\Roaming",
    EXCHANGE_INSTALL + "\\bin",  # spelled as $env:ExchangeInstallPath\bin\... names it
    EXCHANGE_INSTALL + "\\Scripts",
    EXCHANGE_INSTALL + "\\Logging",
)

# What EMS itself dot-sources.  The shell is already connected, so emshell's stand-ins only set
# the folder variables the real RemoteExchange.ps1 sets; Connect-ExchangeServer is a command.
_STAND_IN_NOTE = (
    "# emshell stand-in: the Exchange Management Shell is already connected to the organization,\r\n"
    "# so loading this script again changes nothing.\r\n"
)
EXCHANGE_SCRIPTS = {
    "RemoteExchange.ps1": _STAND_IN_NOTE
    + "$global:exinstall = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\'\r\n"
    "$global:exbin = $global:exinstall + 'bin\\'\r\n"
    "$global:exscripts = $global:exinstall + 'scripts\\'\r\n",
    "ConnectFunctions.ps1": _STAND_IN_NOTE,
    "CommonConnectFunctions.ps1": _STAND_IN_NOTE,
}


def prepare_drive(sandbox: Sandbox) -> None:
    """Create the standard folders (and EMS's own scripts) in a sandbox that lacks them."""
    root = sandbox.root
    if os.path.isdir(os.path.join(root, "Windows", "system32")):
        return
    for folder in STANDARD_DIRECTORIES:
        os.makedirs(os.path.join(root, *folder.split("\\")), exist_ok=True)
    bin_dir = os.path.join(root, *EXCHANGE_INSTALL.split("\\"), "bin")
    for name, text in EXCHANGE_SCRIPTS.items():
        target = os.path.join(bin_dir, name)
        if not os.path.exists(target):
            with open(target, "wb") as handle:
                handle.write(text.encode("ascii"))


# --------------------------------------------------------------------------- errors


def command_type(command: str) -> str:
    """``Get-Content`` -> ``Microsoft.PowerShell.Commands.GetContentCommand``."""
    return COMMANDS + command.replace("-", "") + "Command"


def path_not_found(path: str, command: str) -> PSError:
    return PSError(new_error(
        "ItemNotFoundException", f"Cannot find path '{path}' because it does not exist.",
        f"PathNotFound,{command_type(command)}", "ObjectNotFound", path, activity=command,
    ))  # fmt: skip


def part_not_found(path: str, error_id: str, command: str, category: str = "WriteError") -> PSError:
    """.NET's DirectoryNotFoundException: the parent folder of a new file does not exist."""
    return PSError(new_error(
        "DirectoryNotFoundException", f"Could not find a part of the path '{path}'.",
        f"{error_id},{command_type(command)}", category, path, activity=command,
    ))  # fmt: skip


def io_error(message: str, path: str, error_id: str, command: str, category: str = "WriteError",
             exception: str = "IOException") -> PSError:  # fmt: skip
    return PSError(new_error(exception, message, f"{error_id},{command_type(command)}", category, path,
                             activity=command))  # fmt: skip


def refused(error: PSError, error_id: str, command: str) -> PSError:
    """The sandbox's access-denied error, worded for the cmdlet that hit it (a path that is too
    long or has illegal characters keeps its own exception)."""
    record = error.record
    exception = record.Exception
    if exception.short_name != "UnauthorizedAccessException":
        return PSError(new_error(
            exception.type_name, exception.Message, f"{exception.type_name},{command_type(command)}",
            record.CategoryInfo.Category, record.TargetObject, activity=command,
        ))  # fmt: skip
    return PSError(new_error(
        "UnauthorizedAccessException", record.Exception.Message, f"{error_id},{command_type(command)}",
        "PermissionDenied", record.TargetObject, activity=command,
    ))  # fmt: skip


# --------------------------------------------------------------------------- paths


def provider_path(path: str) -> str:
    """Strip a provider qualifier (``Microsoft.PowerShell.Core\\FileSystem::C:\\x``)."""
    marker = path.find("::")
    if marker > 0 and path[:marker].lower() in ("filesystem", PROVIDER.lower()):
        return path[marker + 2 :]
    return path


def is_filesystem_path(path: str) -> bool:
    """False for the other PowerShell drives (``Env:``, ``Variable:``, ``HKLM:`` ...)."""
    path = provider_path(path)
    drive, sep, _rest = path.partition(":")
    return not sep or len(drive) == 1 or "\\" in drive or "/" in drive


class Drive:
    """Drive C: of one runspace: Windows paths in, host paths and items out."""

    __slots__ = ("sandbox",)

    def __init__(self, sandbox: Sandbox):
        self.sandbox = sandbox
        prepare_drive(sandbox)

    @property
    def location(self) -> str:
        return self.sandbox.location

    def full_path(self, path: str) -> str:
        """The absolute Windows path (relative to the current location); raises the sandbox's
        access-denied error for other drives and UNC paths."""
        path = provider_path(path)
        if path == "~" or path.startswith(("~\\", "~/")):
            path = "C:\\Users\\Administrator" + path[1:]
        return self.sandbox.full_path(path)

    def host_path(self, full: str) -> Path:
        """The host file for a full Windows path, found without regard to case; raises
        access denied when a link leads out of the sandbox."""
        from pathlib import Path

        root = Path(self.sandbox.root)
        current = root
        parts = [part for part in full[3:].split("\\") if part]
        for index, part in enumerate(parts):
            candidate = current / part
            if not os.path.lexists(candidate):
                match = _case_insensitive_child(current, part)
                if match is None:
                    current = current.joinpath(*parts[index:])
                    break
                candidate = match
            current = candidate
        resolved = current.resolve()
        real_root = root.resolve()
        if resolved != real_root and real_root not in resolved.parents:
            from emshell.engine.sandbox import access_denied

            raise access_denied(full)
        return resolved

    def expand(self, path: str, *, literal: bool = False) -> tuple[list[str], bool]:
        """The full Windows paths of the existing items that ``path`` names, and whether it
        was a wildcard pattern (then no match is not an error)."""
        full = self.full_path(path)
        if literal or not is_wildcard(full):
            return ([full] if self.host_path(full).exists() or full == "C:\\" else []), False
        found = ["C:"]
        for part in [p for p in full[3:].split("\\") if p]:
            next_found: list[str] = []
            for parent in found:
                parent_dir = parent + "\\"
                if is_wildcard(part):
                    host_dir = self.host_path(parent_dir)
                    if not host_dir.is_dir():
                        continue
                    pattern = compile_wildcard(part)
                    entries = sorted(host_dir.iterdir(), key=lambda entry: (not entry.is_dir(), entry.name.lower()))
                    next_found.extend(parent_dir + entry.name for entry in entries if pattern.fullmatch(entry.name))
                elif self.host_path(parent_dir + part).exists():
                    next_found.append(parent_dir + part)
            found = next_found
        return found, True

    def item(self, full: str, *, display: str | None = None) -> Any:
        """A FileInfo or DirectoryInfo for an existing path."""
        host = self.host_path(full)
        cls = DirectoryInfo if host.is_dir() else FileInfo
        return cls(full, host, display if display is not None else full)

    def children(self, full: str) -> list[Any]:
        """The items of a folder as the provider lists them: folders first, then files, each
        in NTFS order (by name, without case)."""
        host = self.host_path(full)
        base = full.rstrip("\\") + "\\"
        entries = sorted(host.iterdir(), key=lambda entry: (not entry.is_dir(), entry.name.lower()))
        return [(DirectoryInfo if entry.is_dir() else FileInfo)(base + entry.name, entry, entry.name)
                for entry in entries]  # fmt: skip

    def parent_exists(self, full: str) -> bool:
        import ntpath

        parent = ntpath.dirname(full)
        return parent == full or self.host_path(parent).is_dir()

    def touch(self, host: Path, when: Any) -> None:
        """Stamp a file that emshell wrote with the session's clock, so listings are
        reproducible under a fixed clock."""
        import time

        stamp = time.mktime(when.timetuple()) if hasattr(when, "timetuple") else None
        if stamp is not None:
            os.utime(host, (stamp, stamp))


def _case_insensitive_child(folder: Path, name: str) -> Path | None:
    if not folder.is_dir():
        return None
    lower = name.lower()
    for entry in folder.iterdir():
        if entry.name.lower() == lower:
            return entry
    return None


def relative_path(full: str, location: str) -> str:
    """``Resolve-Path -Relative``: ``.\\x.txt``, ``..\\temp\\x.txt``."""
    import ntpath

    relative = ntpath.relpath(full, location)
    if relative == ".":
        return "."
    return relative if relative.startswith("..") else ".\\" + relative


# --------------------------------------------------------------------------- items


def _timestamp(seconds: float) -> Any:
    from datetime import datetime

    from emshell.engine.dotnet import DateTime

    return DateTime.from_python(datetime.fromtimestamp(seconds), "Local")


def _utc(seconds: float) -> Any:
    from datetime import UTC, datetime

    from emshell.engine.dotnet import DateTime

    return DateTime.from_python(datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None), "Utc")


class PSDriveName(str):
    """``PSDrive`` of a file-system item: the drive ``C`` (prints as its name)."""

    __slots__ = ()
    PS_TYPE_NAMES = ("System.Management.Automation.PSDriveInfo", "System.Object")


class FileSystemInfo:
    """What FileInfo and DirectoryInfo share, with the provider's note properties."""

    __slots__ = ("FullName", "host", "display")

    def __init__(self, full: str, host: Path, display: str):
        self.FullName = full
        self.host = host
        self.display = display  # .NET keeps the path it was created with: Get-ChildItem gives the name

    @property
    def Name(self) -> str:
        return self.FullName.rstrip("\\").rsplit("\\", 1)[-1] if len(self.FullName) > 3 else self.FullName

    @property
    def PSPath(self) -> str:
        return PROVIDER_PREFIX + self.FullName

    @property
    def PSParentPath(self) -> str:
        parent = self.parent_path
        return PROVIDER_PREFIX + parent if parent else ""

    @property
    def parent_path(self) -> str:
        if len(self.FullName) <= 3:
            return ""
        parent = self.FullName.rstrip("\\").rsplit("\\", 1)[0]
        return parent + "\\" if len(parent) == 2 else parent

    @property
    def PSChildName(self) -> str:
        return self.Name

    PSDrive = PSDriveName("C")
    PSProvider = PROVIDER

    @property
    def Exists(self) -> bool:
        return self.host.exists()

    @property
    def Extension(self) -> str:
        name = self.Name
        dot = name.rfind(".")
        return name[dot:] if dot > 0 else ""

    @property
    def BaseName(self) -> str:
        extension = self.Extension
        return self.Name[: -len(extension)] if extension else self.Name

    def _stat(self) -> Any:
        return self.host.stat()

    @property
    def CreationTime(self) -> Any:
        return _timestamp(self._stat().st_mtime)

    @property
    def CreationTimeUtc(self) -> Any:
        return _utc(self._stat().st_mtime)

    @property
    def LastAccessTime(self) -> Any:
        return _timestamp(self._stat().st_mtime)

    @property
    def LastAccessTimeUtc(self) -> Any:
        return _utc(self._stat().st_mtime)

    @property
    def LastWriteTime(self) -> Any:
        return _timestamp(self._stat().st_mtime)

    @property
    def LastWriteTimeUtc(self) -> Any:
        return _utc(self._stat().st_mtime)

    Target = None
    LinkType = None

    def ToString(self) -> str:
        return self.display

    __str__ = ToString

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.FullName!r})"


class FileInfo(FileSystemInfo):
    """``System.IO.FileInfo`` as Get-Item and Get-ChildItem return it."""

    __slots__ = ()
    PS_TYPE_NAMES = ("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                     "System.Object")  # fmt: skip
    PS_PROPERTIES = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "Mode",
                     "VersionInfo", "BaseName", "Target", "LinkType", "Name", "Length", "DirectoryName",
                     "Directory", "IsReadOnly", "Exists", "FullName", "Extension", "CreationTime",
                     "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime",
                     "LastWriteTimeUtc", "Attributes")  # fmt: skip

    PSIsContainer = False
    Mode = "-a----"
    Attributes = "Archive"
    IsReadOnly = False

    @property
    def VersionInfo(self) -> str:
        return f"File:             {self.FullName}"

    @property
    def Length(self) -> int:
        return self._stat().st_size

    @property
    def DirectoryName(self) -> str:
        return self.parent_path

    @property
    def Directory(self) -> DirectoryInfo:
        return DirectoryInfo(self.parent_path, self.host.parent, self.parent_path)


class DirectoryInfo(FileSystemInfo):
    """``System.IO.DirectoryInfo``."""

    __slots__ = ()
    PS_TYPE_NAMES = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                     "System.Object")  # fmt: skip
    PS_PROPERTIES = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "Mode",
                     "BaseName", "Target", "LinkType", "Name", "FullName", "Parent", "Exists", "Root",
                     "Extension", "CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc",
                     "LastWriteTime", "LastWriteTimeUtc", "Attributes")  # fmt: skip

    PSIsContainer = True

    @property
    def Mode(self) -> str:
        return "d--hs-" if len(self.FullName) <= 3 else "d-----"

    @property
    def Attributes(self) -> str:
        return "Hidden, System, Directory" if len(self.FullName) <= 3 else "Directory"

    @property
    def Parent(self) -> DirectoryInfo | None:
        parent = self.parent_path
        return DirectoryInfo(parent, self.host.parent, parent) if parent else None

    @property
    def Root(self) -> DirectoryInfo:
        return DirectoryInfo("C:\\", self.host, "C:\\")


def _register_views() -> None:
    """FileSystem.format.ps1xml's table: Mode, LastWriteTime as "{0,10}  {1,8}", Length, Name.
    (5.1 also groups the rows under a "    Directory: C:\\..." header; the formatter has no
    view-level grouping yet, so that header is not shown.)"""
    from emshell.formatting import views
    from emshell.formatting.values import ALIGN_LEFT, ALIGN_RIGHT

    if any(view.name == "children" for view in views.VIEWS):
        return

    def last_write(item: Any) -> str:
        stamp = item.LastWriteTime
        return f"{stamp.ToString('d'):>10}  {stamp.ToString('t'):>8}"

    views.VIEWS.append(views.TableView("children", ("System.IO.FileInfo", "System.IO.DirectoryInfo"), [
        views.TableColumn("Mode", width=7, alignment=ALIGN_LEFT),
        views.TableColumn("LastWriteTime", last_write, width=25, alignment=ALIGN_RIGHT),
        views.TableColumn("Length", lambda item: getattr(item, "Length", None), width=14, alignment=ALIGN_RIGHT),
        views.TableColumn("Name"),
    ]))  # fmt: skip


_register_views()


# --------------------------------------------------------------------------- text encodings

# -Encoding names of the FileSystem provider (FileSystemCmdletProviderEncoding) -> codec.
PROVIDER_ENCODINGS = ("Unknown", "String", "Unicode", "Byte", "BigEndianUnicode", "UTF8", "UTF7", "UTF32",
                      "Ascii", "Default", "Oem", "BigEndianUTF32")  # fmt: skip
CODECS = {
    "unknown": "utf-16-le", "string": "utf-16-le", "unicode": "utf-16-le", "bigendianunicode": "utf-16-be",
    "utf8": "utf-8", "utf7": "utf-7", "utf32": "utf-32-le", "bigendianutf32": "utf-32-be", "ascii": "ascii",
    "default": "cp1252", "oem": "cp437", "byte": "latin-1",
}  # fmt: skip
BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
        "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}  # fmt: skip


def codec(encoding: str) -> str:
    return CODECS.get(encoding.lower(), "cp1252")


def encode(text: str, codec_name: str, *, with_bom: bool) -> bytes:
    """Text as .NET's encoder writes it: characters the code page lacks become '?'."""
    data = text.encode(codec_name, errors="replace")
    return BOMS.get(codec_name, b"") + data if with_bom else data


def detect_codec(data: bytes, default: str = "cp1252") -> tuple[str, int]:
    """StreamReader's byte-order-mark detection: (codec, length of the mark)."""
    if data.startswith(b"\xff\xfe\x00\x00"):
        return "utf-32-le", 4
    if data.startswith(b"\x00\x00\xfe\xff"):
        return "utf-32-be", 4
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8", 3
    if data.startswith(b"\xff\xfe"):
        return "utf-16-le", 2
    if data.startswith(b"\xfe\xff"):
        return "utf-16-be", 2
    return default, 0


def read_text(host: Path, encoding: str | None = None) -> str:
    """A file's text: the byte-order mark decides, else ``encoding`` (5.1 reads ANSI)."""
    data = host.read_bytes()
    name, skip = detect_codec(data, codec(encoding) if encoding else "cp1252")
    return data[skip:].decode(name, errors="replace")


def split_lines(text: str) -> list[str]:
    """StreamReader.ReadLine: CR, LF and CRLF end a line; a final line end adds no line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
