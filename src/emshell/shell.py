"""The Python API: ``Shell`` runs EMS commands and scripts and tells what happened.

    >>> from emshell import Shell
    >>> shell = Shell()
    >>> result = shell.run("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual")
    >>> result.ok, result.warnings[:1]
    (True, [...])
    >>> shell.org.um_service("MyUMServer1").UMStartupMode
    'Dual'

Each ``Shell`` has its own organization (a fast copy of the built-in one unless given), its
own session state and its own sandbox directory, so tests never share state.
"""

from __future__ import annotations

from emshell.engine.host import RecordingHost
from emshell.engine.runspace import Runspace
from emshell.engine.sandbox import Sandbox

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from os import PathLike
    from typing import Any

    from emshell.engine.errors import ErrorRecord


class Result:
    """What one ``Shell.run`` / ``run_file`` produced."""

    def __init__(self, output: list, text: str, errors: list[ErrorRecord], warnings: list[str],
                 exit_code: int):  # fmt: skip
        self.output = output  # the objects written to the pipeline
        self.text = text  # everything the console would show, streams interleaved
        self.errors = errors  # ErrorRecords; ``str(record)`` is the message
        self.warnings = warnings  # warning messages, without the "WARNING: " prefix
        self.exit_code = exit_code

    @property
    def ok(self) -> bool:
        """True when no error was reported and the run ended normally."""
        return not self.errors and self.exit_code == 0

    @property
    def error_ids(self) -> list[str]:
        return [record.FullyQualifiedErrorId for record in self.errors]

    def __repr__(self) -> str:
        return f"Result(ok={self.ok}, exit_code={self.exit_code}, output={len(self.output)} objects, " \
               f"errors={self.error_ids})"  # fmt: skip


class Shell:
    """An emulated Exchange Management Shell session."""

    def __init__(
        self,
        org: Any = None,
        width: int = 120,
        sandbox: str | PathLike[str] | None = None,
        *,
        seed: int = 0,
        clock: Callable[[], Any] | None = None,
        inputs: Iterable[str] = (),
    ):
        if isinstance(org, (str, bytes)) or hasattr(org, "__fspath__"):
            from emshell.model import Organization

            org = Organization.load(org)
        self.host = RecordingHost(width, inputs)
        self.runspace = Runspace(self.host, org=org, seed=seed, clock=clock, sandbox=Sandbox(sandbox))

    @property
    def org(self) -> Any:
        """The organization this shell changes (assert on it directly)."""
        return self.runspace.org

    @property
    def sandbox(self) -> str:
        """The host directory that stands for drive ``C:`` of the emulated server."""
        return self.runspace.sandbox.root

    def run(self, text: str) -> Result:
        """Run a command line or a whole script text, like ``powershell -Command``."""
        return self._run(lambda: self.runspace.execute(text), script=False)

    def run_file(self, path: str | PathLike[str], args: Iterable[Any] = ()) -> Result:
        """Run a .ps1 file from the host file system, like ``powershell -File``."""
        from emshell.language import read_script

        text = read_script(path)
        import os

        return self._run(lambda: self.runspace.execute(text, path=os.fspath(path), args=tuple(args)), script=True)

    def _run(self, execute: Callable[[], Any], *, script: bool) -> Result:
        host = self.host
        start_event = len(host.events)
        start_warnings = len(host.warning_messages)
        start_errors = self.runspace.error_count
        outcome = execute()
        new_errors = self.runspace.error_count - start_errors
        errors = list(reversed(self.runspace.errors[:new_errors]))
        text = "".join(text for _, text in host.events[start_event:])
        return Result(outcome.output, text, errors, host.warning_messages[start_warnings:],
                      exit_code_of(outcome, script=script))  # fmt: skip


def exit_code_of(outcome: Any, *, script: bool) -> int:
    """pwsh's exit codes: ``exit N`` wins; a script exits 1 when a terminating error ended
    it; a command line exits 0 when its last statement succeeded, else 1."""
    if outcome.exit_code is not None:
        return outcome.exit_code
    if script:
        return 1 if outcome.terminated else 0
    return 0 if outcome.succeeded else 1
