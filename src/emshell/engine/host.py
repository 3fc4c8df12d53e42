"""Hosts: where a runspace's text goes and where its questions are answered.

``RecordingHost`` keeps every line with the stream it belongs to (the Shell API and the test
fixtures read it); ``ConsoleHost`` writes output to stdout and errors, warnings and verbose
text to stderr, as ``powershell.exe -Command`` does.  The REPL has its own host in
``emshell.repl``.  Prompts (Read-Host, mandatory parameters, confirmations) go through
``read_line``; a non-interactive host answers from a queue of scripted input, or refuses.
"""

from __future__ import annotations

from emshell.engine.errors import PSError, new_error

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from emshell.engine.errors import ErrorRecord

NON_INTERACTIVE = (
    "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
)


def non_interactive_error() -> PSError:
    return PSError(new_error(
        "PSInvalidOperationException", NON_INTERACTIVE, "InvalidOperation", "InvalidOperation",
    ))  # fmt: skip


class Host:
    """Base host: formats the streams; subclasses decide where text goes."""

    interactive = False

    def __init__(self, width: int = 120, inputs: Iterable[str] = ()):
        self.width = width
        self.inputs = list(inputs)  # scripted answers for Read-Host and prompts
        self.transcripts: list[Any] = []  # open Start-Transcript files
        self.warning_messages: list[str] = []  # every warning shown, without its prefix

    # --- where text goes (subclasses override) ---------------------------------
    def emit(self, stream: str, text: str) -> None:
        raise NotImplementedError

    def _emit(self, stream: str, text: str) -> None:
        self.emit(stream, text)
        for transcript in self.transcripts:
            transcript.write(text)

    # --- output ---------------------------------------------------------------
    def write(self, text: str) -> None:
        """Formatted output text (Out-Default), already with its line ends."""
        if text:
            self._emit("output", text)

    def write_line(self, text: str = "") -> None:
        self._emit("output", text + "\n")

    def write_host(self, text: str, foreground: str | None = None, background: str | None = None,
                   newline: bool = True) -> None:  # fmt: skip
        self._emit("host", text + ("\n" if newline else ""))

    def write_error_record(self, record: ErrorRecord) -> None:
        from emshell.formatting.error_view import render_error

        self._emit("error", render_error(record, self.width))

    def write_error_text(self, text: str) -> None:
        self._emit("error", text if text.endswith("\n") else text + "\n")

    def write_warning(self, message: str) -> None:
        from emshell.formatting.error_view import render_warning

        self.warning_messages.append(message)
        self._emit("warning", render_warning(message, self.width))

    def write_verbose(self, message: str) -> None:
        from emshell.formatting.error_view import render_verbose

        self._emit("verbose", render_verbose(message, self.width))

    def write_debug(self, message: str) -> None:
        from emshell.formatting.error_view import render_debug

        self._emit("debug", render_debug(message, self.width))

    # --- input ----------------------------------------------------------------
    def read_line(self, prompt: str = "", *, secure: bool = False) -> str:
        """Show ``prompt`` and read one line; scripted input first, else refuse."""
        if self.inputs:
            answer = self.inputs.pop(0)
            self._emit("host", prompt + ("" if secure else answer) + "\n")
            return answer
        raise non_interactive_error()

    def can_prompt(self) -> bool:
        return self.interactive or bool(self.inputs)


class RecordingHost(Host):
    """Records every piece of text with its stream, in order."""

    def __init__(self, width: int = 120, inputs: Iterable[str] = (), *, interactive: bool = False):
        super().__init__(width, inputs)
        self.interactive = interactive
        self.events: list[tuple[str, str]] = []

    def emit(self, stream: str, text: str) -> None:
        self.events.append((stream, text))

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.events)

    def stream_text(self, *streams: str) -> str:
        return "".join(text for stream, text in self.events if stream in streams)

    def clear(self) -> None:
        self.events.clear()


class ConsoleHost(Host):
    """stdout for output and Write-Host; stderr for errors, warnings, verbose and debug."""

    ERROR_STREAMS = frozenset({"error", "warning", "verbose", "debug"})

    def __init__(self, width: int = 120, inputs: Iterable[str] = (), stdout: Any = None, stderr: Any = None):
        import sys

        super().__init__(width, inputs)
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def emit(self, stream: str, text: str) -> None:
        if stream in self.ERROR_STREAMS:
            self.stdout.flush()
            self.stderr.write(text)
            self.stderr.flush()
        else:
            self.stdout.write(text)
