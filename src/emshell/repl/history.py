"""Command history: the session's ``Get-History`` entries and the persistent history file.

Each command line the REPL runs becomes a ``HistoryInfo`` in ``runspace.history`` (what
``Get-History`` lists).  Separately, the lines typed are kept across sessions in the user's data
directory -- ``$XDG_DATA_HOME/emshell/history``, else ``~/.local/share/emshell/history`` -- for
Up-arrow recall.  A history file that cannot be read or written is simply not used: the shell
never fails because of it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

COMPLETED = "Completed"
FAILED = "Failed"
STOPPED = "Stopped"


class HistoryInfo:
    """``Microsoft.PowerShell.Commands.HistoryInfo``: one command line run in this session."""

    __slots__ = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime")

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.HistoryInfo", "System.Object")
    PS_PROPERTIES = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime")

    def __init__(self, history_id: int, command_line: str, status: str, start: Any, end: Any):
        self.Id = history_id
        self.CommandLine = command_line
        self.ExecutionStatus = status
        self.StartExecutionTime = start
        self.EndExecutionTime = end

    def __str__(self) -> str:
        return self.CommandLine  # what [string] of a HistoryInfo gives

    def __repr__(self) -> str:
        return f"HistoryInfo({self.Id}, {self.CommandLine!r}, {self.ExecutionStatus})"


def history_path(environ: Mapping[str, str]) -> str:
    """Where the persistent history lives for this user."""
    base = environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "emshell", "history")


def file_history(path: str) -> Any:
    """A prompt-toolkit history kept in ``path`` that tolerates an unusable file."""
    from prompt_toolkit.history import FileHistory

    class _TolerantFileHistory(FileHistory):
        def load_history_strings(self):  # type: ignore[override]
            try:
                yield from super().load_history_strings()
            except (OSError, UnicodeDecodeError):
                return

        def store_string(self, string: str) -> None:
            try:
                os.makedirs(os.path.dirname(self.filename), exist_ok=True)
                super().store_string(string)
            except OSError:
                pass  # read-only home, full disk: keep the line in memory only

    return _TolerantFileHistory(path)
