"""The emulated file system: Windows paths mapped into one sandbox directory.

Scripts see a Windows machine: the current location is ``C:\\Windows\\system32`` (as in EMS),
``C:\\temp\\report.csv`` is a valid path.  On the host, drive ``C:`` is the sandbox directory
itself, so ``C:\\temp\\report.csv`` is ``<sandbox>/temp/report.csv``.  Anything that would leave
the sandbox -- ``..`` above the drive root, another drive, a UNC path, a symbolic link that
points outside -- is refused with a PowerShell-style error, so a script can never read or
write the host's files.
"""

from __future__ import annotations

import os

from emshell.engine.errors import PSError, new_error

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_LOCATION = "C:\\Windows\\system32"


def access_denied(path: str) -> PSError:
    return PSError(new_error(
        "UnauthorizedAccessException",
        f"Access to the path '{path}' is denied. emshell keeps file access inside its sandbox directory.",
        "System.UnauthorizedAccessException", "PermissionDenied", path,
    ))  # fmt: skip


MAX_PATH = 260  # Windows PowerShell 5.1 runs on .NET Framework, which refuses longer paths


def path_too_long(path: str) -> PSError:
    return PSError(new_error(
        "System.IO.PathTooLongException",
        "The specified path, file name, or both are too long. The fully qualified file name must be less than 260 "
        "characters, and the directory name must be less than 248 characters.",
        "System.IO.PathTooLongException", "NotSpecified", path,
    ))  # fmt: skip


def illegal_characters() -> PSError:
    return PSError(new_error("ArgumentException", "Illegal characters in path.", "System.ArgumentException",
                             "NotSpecified"))  # fmt: skip


class Sandbox:
    """Maps Windows paths to host paths below ``root`` and back."""

    def __init__(self, root: str | os.PathLike[str] | None = None, location: str = DEFAULT_LOCATION):
        self._root = os.fspath(root) if root is not None else None
        self._made = False
        self.location = location  # the current location, a Windows path
        self.location_stacks: dict[str, list[str]] = {}  # Push-Location / Pop-Location, by stack name

    @property
    def root(self) -> str:
        """The sandbox directory; a fresh temporary directory unless one was given (made when
        first needed, so that drive C: is always a folder, never a file a script wrote)."""
        if self._root is None:
            import shutil
            import tempfile
            import weakref

            self._root = tempfile.mkdtemp(prefix="emshell-")
            self._made = True
            # a directory emshell made is emshell's to remove: when the session is collected, or
            # at exit (a directory the user named stays, with what the script wrote)
            weakref.finalize(self, shutil.rmtree, self._root, ignore_errors=True)
        elif not self._made:
            os.makedirs(self._root, exist_ok=True)
            self._made = True
        return self._root

    def full_path(self, path: str) -> str:
        """The absolute Windows path of ``path`` (relative to the current location)."""
        import ntpath

        if "\0" in path or any("\ud800" <= ch <= "\udfff" for ch in path):
            raise illegal_characters()  # no host file can have such a name
        path = path.replace("/", "\\")
        if path.startswith("\\\\"):
            raise access_denied(path)
        if ntpath.isabs(path) and not ntpath.splitdrive(path)[0]:
            path = "C:" + path
        elif not ntpath.isabs(path):
            path = ntpath.join(self.location, path)
        drive, rest = ntpath.splitdrive(path)
        if drive.upper() != "C:":
            raise access_denied(path)
        parts: list[str] = []
        for part in rest.split("\\"):
            if part in ("", "."):
                continue
            if part == "..":
                if parts:
                    parts.pop()
                continue  # like Windows: ``..`` at the root stays at the root
            parts.append(part)
        full = "C:\\" + "\\".join(parts)
        if len(full) >= MAX_PATH:
            raise path_too_long(full)
        return full

    def host_path(self, path: str) -> Path:
        """The host file for a Windows path, guaranteed to lie inside the sandbox."""
        from pathlib import Path

        full = self.full_path(path)
        root = Path(self.root).resolve()
        relative = full[3:].split("\\") if len(full) > 3 else []
        candidate = root.joinpath(*relative) if relative else root
        resolved = candidate.resolve()
        if resolved != root and root not in resolved.parents:
            raise access_denied(path)
        return resolved

    def windows_path(self, host: str | os.PathLike[str]) -> str:
        """The Windows path of a host path inside the sandbox."""
        from pathlib import Path

        relative = Path(host).resolve().relative_to(Path(self.root).resolve())
        return "C:\\" + "\\".join(relative.parts)
