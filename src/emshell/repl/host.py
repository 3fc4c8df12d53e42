"""The console host of the interactive shell.

Everything goes to the terminal, in order, the way the EMS console window shows it: errors in
red, warnings, verbose and debug text in yellow, ``Write-Host`` in the colours it asks for --
and all of it plain when colour is off (``NO_COLOR``, ``TERM=dumb``, or output that is not a
terminal).  Questions (Read-Host, missing mandatory parameters, confirmations, credentials) are
read through ``reader(prompt, secure)``, which the REPL backs with prompt-toolkit; Ctrl-C at such
a question stops the running pipeline, as it does in PowerShell.
"""

from __future__ import annotations

from emshell.engine.host import Host
from emshell.repl.colors import STREAM_COLORS, paint

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine.errors import ErrorRecord

PIPELINE_STOPPED = "PipelineStopped"


class ReplHost(Host):
    interactive = True

    def __init__(self, width: int = 120, *, output: Any = None, color: bool = False,
                 reader: Callable[[str, bool], str] | None = None):  # fmt: skip
        import sys

        super().__init__(width)
        self.output = output if output is not None else sys.stdout
        self.color = color
        self.reader = reader
        self.runspace: Any = None  # set by the REPL: Ctrl-C at a question stops its pipeline
        self.interrupted = False  # Ctrl-C was pressed during the current command
        self._host_colors: tuple[Any, Any] | None = None

    # ---------------------------------------------------------------- output

    def emit(self, stream: str, text: str) -> None:
        if self.color:
            if stream == "host" and self._host_colors is not None:
                text = paint(text, *self._host_colors)
            elif stream in STREAM_COLORS:
                text = paint(text, STREAM_COLORS[stream])
        self.output.write(text)
        if stream != "output":
            self.output.flush()

    def write_host(self, text: str, foreground: str | None = None, background: str | None = None,
                   newline: bool = True) -> None:  # fmt: skip
        self._host_colors = (foreground, background) if (foreground or background) else None
        try:
            super().write_host(text, foreground, background, newline)
        finally:
            self._host_colors = None

    def write_error_record(self, record: ErrorRecord) -> None:
        if self.interrupted and record.FullyQualifiedErrorId.split(",", 1)[0] == PIPELINE_STOPPED:
            return  # a pipeline stopped with Ctrl-C ends silently in the console
        super().write_error_record(record)

    def flush(self) -> None:
        self.output.flush()

    # ---------------------------------------------------------------- input

    def can_prompt(self) -> bool:
        return self.reader is not None or bool(self.inputs)

    def read_line(self, prompt: str = "", *, secure: bool = False) -> str:
        """Show ``prompt`` (its last line is where the answer is typed) and read the answer;
        with ``secure`` the answer is masked and never written to a transcript."""
        if self.inputs or self.reader is None:
            return super().read_line(prompt, secure=secure)
        head, newline, last = prompt.rpartition("\n")
        if newline:
            self.emit("host", head + "\n")
        self.output.flush()
        try:
            answer = self.reader(last, secure)
        except (KeyboardInterrupt, EOFError):
            self.stop_pipeline()
            raise
        for transcript in self.transcripts:
            transcript.write(prompt + ("" if secure else answer) + "\n")
        return answer

    def stop_pipeline(self) -> None:
        """Ctrl-C: stop the running pipeline (raises the engine's stop error when there is one)."""
        self.interrupted = True
        runspace = self.runspace
        if runspace is not None:
            runspace.request_stop()
            runspace.raise_if_stopped()
