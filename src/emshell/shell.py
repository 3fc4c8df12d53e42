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

``run`` is ``powershell -Command``, ``run_file`` is ``powershell -File``; ``replay`` and
``replay_file`` type a script at the prompt one command line at a time, so ``Result.text`` is
the console transcript: each command echoed after ``[PS] C:\\Windows\\system32>``, then what
it printed (see ``emshell.replay``).
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
    """What one ``Shell.run`` / ``run_file`` / ``replay`` produced."""

    def __init__(self, output: list, text: str, errors: list[ErrorRecord], warnings: list[str],
                 exit_code: int):  # fmt: skip
        self.output = output  # the objects written to the pipeline
        self.text = text  # everything the console would show, streams interleaved
        self.errors = errors  # ErrorRecords, oldest first; ``str(record)`` is the message
        self.warnings = warnings  # warning messages, without the "WARNING: " prefix
        self.exit_code = exit_code

    @property
    def ok(self) -> bool:
        """True when no error was reported and the run ended normally."""
        return not self.errors and self.exit_code == 0

    @property
    def error_ids(self) -> list[str]:
        """Each error's FullyQualifiedErrorId (``PathNotFound,Microsoft.PowerShell...``)."""
        return [record.FullyQualifiedErrorId for record in self.errors]

    @property
    def error_messages(self) -> list[str]:
        return [record.message for record in self.errors]

    def values(self, name: str) -> list:
        """The ``name`` property of each output object that has one, as ``$_.<name>`` reads it
        (``result.values("UMStartupMode")``); formatting records are skipped."""
        from emshell.engine.property_expression import all_property_names, get_property

        lower = name.lower()
        return [get_property(obj, name) for obj in self.output
                if any(prop.lower() == lower for prop in all_property_names(obj))]  # fmt: skip

    def error_text(self, width: int = 120) -> str:
        """The errors as the console shows them (message, position, CategoryInfo ...)."""
        from emshell.formatting.error_view import render_error

        return "".join(render_error(record, width) for record in self.errors)

    def __repr__(self) -> str:
        return f"Result(ok={self.ok}, exit_code={self.exit_code}, output={len(self.output)} objects, " \
               f"errors={self.error_ids})"  # fmt: skip


class Shell:
    """An emulated Exchange Management Shell session.

    ``org`` is an ``Organization`` or the path of a YAML org file (default: a copy of the
    built-in contoso.com); ``sandbox`` is the host directory that stands for drive C: (default:
    a new temporary directory, made when a command first touches a file); ``inputs`` answer
    Read-Host and other prompts in order; ``clock`` replaces the wall clock (a callable that
    returns a ``datetime``).
    """

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

    @property
    def location(self) -> str:
        """The current location, a Windows path (``C:\\Windows\\system32`` at the start)."""
        return self.runspace.sandbox.location

    def path(self, windows_path: str) -> Any:
        """The host ``Path`` of a file in the sandbox (``shell.path(r"C:\\temp\\out.csv")``)."""
        from emshell.cmdlets.filesystem import Drive

        drive = Drive(self.runspace.sandbox)
        return drive.host_path(drive.full_path(windows_path))

    # ------------------------------------------------------------------ running

    def run(self, text: str) -> Result:
        """Run a command line or a whole script text, like ``powershell -Command``."""
        return self._run(lambda: self.runspace.execute(text), exit_code=lambda outcome: exit_code_of(outcome, script=False))

    def run_file(self, path: str | PathLike[str], args: Iterable[Any] = ()) -> Result:
        """Run a .ps1 file from the host file system, like ``powershell -File``."""
        import os

        from emshell.language import read_script

        text = read_script(path)
        return self._run(lambda: self.runspace.execute(text, path=os.fspath(path), args=tuple(args)),
                         exit_code=lambda outcome: exit_code_of(outcome, script=True))  # fmt: skip

    def replay(self, text: str, args: Iterable[Any] = ()) -> Result:
        """Type a script at the prompt, one command line at a time; ``Result.text`` is the
        console transcript, each command echoed after the prompt."""
        from emshell.replay import exit_code, replay

        return self._run(lambda: replay(self.runspace, text, tuple(args)), exit_code=exit_code)

    def replay_file(self, path: str | PathLike[str], args: Iterable[Any] = ()) -> Result:
        """``replay`` for a .ps1 file on the host file system."""
        from emshell.language import read_script

        return self.replay(read_script(path), args)

    def close(self) -> None:
        """End the session: transcripts still open get their footer (as when EMS exits)."""
        if "ems.session" in self.runspace.extensions:
            from emshell.cmdlets.session import stop_all_transcripts

            stop_all_transcripts(self.runspace)

    def __enter__(self) -> Shell:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, execute: Callable[[], Any], *, exit_code: Callable[[Any], int]) -> Result:
        host = self.host
        start_event = len(host.events)
        start_warnings = len(host.warning_messages)
        start_errors = self.runspace.error_count
        outcome = execute()
        new_errors = self.runspace.error_count - start_errors
        errors = list(reversed(self.runspace.errors[:new_errors]))
        text = "".join(text for _, text in host.events[start_event:])
        return Result(outcome.output, text, errors, host.warning_messages[start_warnings:], exit_code(outcome))


def exit_code_of(outcome: Any, *, script: bool) -> int:
    """pwsh's exit codes: ``exit N`` wins; a script exits 1 when a terminating error ended
    it; a command line exits 0 when its last statement succeeded, else 1."""
    if outcome.exit_code is not None:
        return outcome.exit_code
    if script:
        return 1 if outcome.terminated else 0
    return 0 if outcome.succeeded else 1
