"""Transcripts: everything the console shows, written to a file between the header and footer
blocks of Windows PowerShell 5.1 (Start-Transcript, ``emshell --transcript FILE``).

A transcript is attached to the host (``host.transcripts``): the host hands it every piece of
text it shows, and ``emshell.replay`` echoes each command line into it after the prompt.  The
file is written as 5.1 writes it: UTF-8 with a byte-order mark and CRLF line ends.  The header
lists the session's user, machine, host application, process id and ``$PSVersionTable``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from os import PathLike
    from typing import Any

RULE = "**********************"
# The Exchange Management Shell shortcut: powershell.exe loading RemoteExchange.ps1.
EMS_HOST_APPLICATION = (
    "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\powershell.exe -noexit -command \". 'C:\\Program Files\\"
    "Microsoft\\Exchange Server\\V15\\bin\\RemoteExchange.ps1'; Connect-ExchangeServer -auto "
    "-ClientApplication:ManagementShell \""
)
OS_VERSION = "Microsoft Windows NT 10.0.14393.0"  # Windows Server 2016


def timestamp(when: Any) -> str:
    """``{0:yyyyMMddHHmmss}``."""
    return when.strftime("%Y%m%d%H%M%S")


def prologue(runspace: Any, started: Any) -> str:
    """The header block (InternalHostUserInterfaceStrings.TranscriptPrologue as 5.1.14393
    writes it: no "Configuration Name" line yet)."""
    session = runspace.session
    user = f"{session.get_env('USERDOMAIN') or ''}\\{session.get_env('USERNAME') or 'Administrator'}"
    lines = [
        RULE,
        "Windows PowerShell transcript start",
        f"Start time: {timestamp(started)}",
        f"Username: {user}",
        f"RunAs User: {user}",
        f"Machine: {session.get_env('COMPUTERNAME') or 'localhost'} ({OS_VERSION})",
        f"Host Application: {EMS_HOST_APPLICATION}",
        f"Process ID: {session.get_value('PID')}",
    ]
    table = session.get_value("PSVersionTable")
    for key, value in table.items() if table is not None else ():
        shown = ", ".join(str(item) for item in value) if isinstance(value, (list, tuple)) else str(value)
        lines.append(f"{key}: {shown}")
    lines.append(RULE)
    return "\n".join(lines) + "\n"


def epilogue(ended: Any) -> str:
    return f"{RULE}\nWindows PowerShell transcript end\nEnd time: {timestamp(ended)}\n{RULE}\n"


class Transcript:
    """One open transcript file on the host file system."""

    def __init__(self, path: str | PathLike[str], runspace: Any, *, append: bool = False, windows_path: str = ""):
        self.path = path
        self.windows_path = windows_path or str(path)  # what messages show
        self.runspace = runspace
        exists = append and _non_empty(path)
        self._handle: Any = open(path, "ab" if append else "wb")  # closed by stop()
        if not exists:
            self._handle.write(b"\xef\xbb\xbf")
        self.write(prologue(runspace, runspace.now()))

    def write(self, text: str) -> None:
        """Text the console shows (the host calls this for every piece it writes)."""
        if self._handle is not None and text:
            self._handle.write(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"))
            self._handle.flush()

    def stop(self) -> None:
        """Write the footer and close the file."""
        if self._handle is None:
            return
        self.write(epilogue(self.runspace.now()))
        self._handle.close()
        self._handle = None

    @property
    def open(self) -> bool:
        return self._handle is not None


def _non_empty(path: Any) -> bool:
    import os

    try:
        return os.path.getsize(path) > 0
    except OSError:
        return False
