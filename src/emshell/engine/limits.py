"""The emulator's resource limits: what keeps one script from taking the host down.

Windows PowerShell runs until the server runs out of memory or stack; an emulator that runs
many sessions in one process (a test suite, pytest-xdist) must refuse earlier.  Each limit is
reported with the error Windows PowerShell shows when it hits the same wall:

========================  ============  =====================================================
limit                     default       refused with
========================  ============  =====================================================
``MAX_CALL_DEPTH``        100 calls     ScriptCallDepthException "The script failed due to
                                        call depth overflow." (PowerShell's own limit)
``MAX_ELEMENTS``          1,000,000     OutOfMemoryException: one array (``1..1e9``,
                                        ``@(1) * 1e9``, ``New-Object byte[] 1e9``,
                                        ``ToCharArray``, ``-split``, output collected
                                        into a value: ``$a = foreach ...``, ``@(...)``)
``MAX_STRING_LENGTH``     10,000,000    OutOfMemoryException: one string (``'x' * 1e9``,
                                        ``[string]::new('x', 1e9)``, ``-join``, ``PadLeft``,
                                        ``-replace``, string concatenation)
========================  ============  =====================================================

Parser nesting is limited separately (``emshell.language.driver.MAX_STACK_DEPTH``: deeper
input is PowerShell's "script is too complex" parse error).  Python's own recursion is given
room for ``MAX_CALL_DEPTH`` script calls (``ensure_stack_headroom``); should a path still
exhaust it, the interpreter reports the call-depth error, never a RecursionError.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from emshell.engine.errors import ErrorRecord, NetException, PSError, new_error

MAX_CALL_DEPTH = 100
MAX_ELEMENTS = 1_000_000
MAX_STRING_LENGTH = 10_000_000

# A script call costs up to ~20 Python frames (measured: a function called from a string
# sub-expression, 1,790 frames for 100 calls); 6,000 leaves room for the paths that combine
# several such steps per call, and stays far from the C stack's limits.
PYTHON_RECURSION_LIMIT = 6000


def out_of_memory() -> PSError:
    full = "System.OutOfMemoryException"
    message = "Exception of type 'System.OutOfMemoryException' was thrown."
    return PSError(ErrorRecord(NetException(full, message), full, "OperationStopped", None))


def call_depth_overflow(invocation_info: object = None) -> PSError:
    return PSError(new_error(
        "ScriptCallDepthException", "The script failed due to call depth overflow.", "CallDepthOverflow",
        "InvalidOperation", invocation_info=invocation_info,
    ))  # fmt: skip


def check_string_length(length: int) -> None:
    """Refuse to build a string of ``length`` characters beyond the budget."""
    if length > MAX_STRING_LENGTH:
        raise out_of_memory()


def check_element_count(count: int) -> None:
    """Refuse to build an array of ``count`` elements beyond the budget."""
    if count > MAX_ELEMENTS:
        raise out_of_memory()


def bounded_append(items: list) -> Callable[[Any], None]:
    """``items.append`` for output collected into one value (``$a = <pipeline>``, ``@()``,
    ``$()``): each object is cheap, but ``foreach ($i in 1..1000) { 1..999999 }`` would fill
    the host's memory one object at a time."""
    append = items.append

    def collect(value: Any) -> None:
        if len(items) >= MAX_ELEMENTS:
            # ends the script, not just the statement: a loop would only fill the next one
            error = out_of_memory()
            error.script_terminating = True
            raise error
        append(value)

    return collect


def checked_join(separator: str, texts: list[str]) -> str:
    """``separator.join(texts)``, measured before it is built."""
    total = sum(map(len, texts)) + len(separator) * max(0, len(texts) - 1)
    check_string_length(total)
    return separator.join(texts)


def ensure_stack_headroom() -> None:
    """Let Python recurse deep enough for ``MAX_CALL_DEPTH`` script calls (never lowers it)."""
    import sys

    if sys.getrecursionlimit() < PYTHON_RECURSION_LIMIT:
        sys.setrecursionlimit(PYTHON_RECURSION_LIMIT)
