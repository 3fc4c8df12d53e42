"""The properties every input must keep, shared by the fuzz tests and ``bench/fuzz.py``.

``check_runs(text, workdir)``: ``Shell.run`` returns (never raises), within the stop limit plus
a grace period, reports no emshell-internal error, and leaves everything outside the sandbox
alone (a canary file sits next to the sandbox directory).

``check_failure_keeps_org(command)``: a command that reports an error leaves the organization's
canonical dump byte-identical.

Each raises ``PropertyViolation`` naming what went wrong; the caller shrinks and reports it.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time

from emshell import Shell
from emshell.engine.errors import PSError, new_error

STOP_AFTER = 2.0  # seconds: the run is asked to stop, as --timeout does
GRACE = 3.0  # seconds a stopped run may take to unwind before it counts as a hang
CANARY = "emshell fuzz canary: nothing may change this file\n"
INTERNAL_ERROR_ID = "EmshellInternalError"


class PropertyViolation(AssertionError):
    pass


class Workdir:
    """A sandbox directory for the shell, and beside it a canary no script may touch."""

    def __init__(self, root: str):
        self.root = root
        self.sandbox = os.path.join(root, "sandbox")
        self.outside = os.path.join(root, "outside")
        self.canary = os.path.join(self.outside, "canary.txt")
        os.makedirs(self.outside, exist_ok=True)
        with open(self.canary, "w", encoding="utf-8") as handle:
            handle.write(CANARY)

    def reset(self) -> None:
        if os.path.isdir(self.sandbox) and not os.path.islink(self.sandbox):
            shutil.rmtree(self.sandbox)
        elif os.path.lexists(self.sandbox):  # a sandbox that became a file is a finding of its own
            os.remove(self.sandbox)

    def check_untouched(self) -> None:
        if os.path.lexists(self.sandbox) and not os.path.isdir(self.sandbox):
            raise PropertyViolation("the sandbox directory was replaced by a file")
        if sorted(os.listdir(self.root)) not in (["outside"], ["outside", "sandbox"]):
            raise PropertyViolation(f"a file appeared outside the sandbox: {sorted(os.listdir(self.root))}")
        if os.listdir(self.outside) != ["canary.txt"]:
            raise PropertyViolation(f"a file appeared outside the sandbox: {os.listdir(self.outside)}")
        with open(self.canary, encoding="utf-8") as handle:
            if handle.read() != CANARY:
                raise PropertyViolation("the canary file outside the sandbox was changed")


def _stop_error() -> PSError:
    return PSError(new_error("TimeoutException", "fuzz time limit", "ScriptTimeout", "OperationTimeout"))


class _Hang(BaseException):
    """Raised in the run by the timer once the grace period is over: not an ``Exception``, so
    that nothing in the engine takes it for an error of the script."""


def run_with_limits(shell: Shell, text: str, stop_after: float = STOP_AFTER, grace: float = GRACE):
    """``shell.run(text)``, interrupted after ``stop_after`` seconds the way ``--timeout`` does
    it: a timer signal whose handler asks the run to stop (``Runspace.interrupt``), repeated
    every quarter second (a finally block may loop too).  A run still going ``grace`` seconds
    after that is a hang: it is ended and reported instead of waited for."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("run_with_limits needs the main thread: it stops the run with a timer signal")
    started = time.perf_counter()
    deadline = started + stop_after + grace

    def expire(signum: int, frame: object) -> None:
        if time.perf_counter() > deadline:
            raise _Hang
        shell.runspace.interrupt(_stop_error())

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, stop_after, 0.25)
    try:
        result = shell.run(text)
    except _Hang:
        raise PropertyViolation(f"the run did not stop within {grace:g} s after it was asked to") from None
    except BaseException as error:  # the property is "nothing escapes", whatever it is
        raise PropertyViolation(f"Shell.run raised {type(error).__name__}: {error}") from error
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return result


def check_runs(text: str, workdir: Workdir, stop_after: float = STOP_AFTER, grace: float = GRACE) -> None:
    workdir.reset()
    shell = Shell(sandbox=workdir.sandbox)
    check_result(run_with_limits(shell, text, stop_after, grace))
    workdir.check_untouched()


def check_result(result) -> None:
    """No internal error among the error records, and the result renders."""
    internal = [record.message for record in result.errors if INTERNAL_ERROR_ID in record.FullyQualifiedErrorId]
    if internal:
        raise PropertyViolation(internal[0])  # "emshell internal error: <Python exception>"
    try:
        result.text  # noqa: B018 - rendering must work too
        result.error_text()
    except Exception as error:
        raise PropertyViolation(f"rendering the result raised {type(error).__name__}: {error}") from error


def check_failure_keeps_org(command: str, workdir: Workdir) -> bool:
    """True when ``command`` failed (and so was checked)."""
    workdir.reset()
    shell = Shell(sandbox=workdir.sandbox)
    before = shell.org.dump()
    result = run_with_limits(shell, command)
    check_result(result)
    if not result.errors:
        return False
    after = shell.org.dump()
    if after != before:
        import difflib

        diff = "".join(list(difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0))[2:12])
        raise PropertyViolation(f"the command failed ({result.error_ids[0]}) but changed the org:\n{diff}")
    return True
