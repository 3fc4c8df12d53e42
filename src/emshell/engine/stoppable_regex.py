"""Regular expressions that a stop request can interrupt.

A stop request (Ctrl-C, ``--timeout``) is honoured where the interpreter looks for it: between
statements, loop iterations and pipeline objects.  A regular expression that backtracks
catastrophically (``'a' * 40 + 'b' -match '^(a+)+$'``) never comes back to such a point; neither
does .NET's in Windows PowerShell.  Python's matcher does, however, let signal handlers run while
it works, so a compiled pattern is wrapped to count the matches under way: a signal handler that
sees one (``Runspace.interrupt``) raises the stop error right there, which abandons the match.
A match changes nothing, so stopping it half-way leaves no half-done work.

The count is per process: emshell runs one pipeline at a time per thread, and signal handlers run
in the main thread only.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

_running = 0  # matches under way, in this process


def regex_running() -> bool:
    """Whether a regular expression is being matched right now (asked from a signal handler)."""
    return _running > 0


class StoppableRegex:
    """A compiled ``re`` pattern whose matching methods count themselves as under way."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: re.Pattern) -> None:
        self.compiled = compiled

    # what the rest of the engine reads from a compiled pattern
    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return _run(self.compiled.search, string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return _run(self.compiled.match, string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return _run(self.compiled.fullmatch, string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return _run(self.compiled.sub, repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return _run(self.compiled.subn, repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list:
        return _run(self.compiled.split, string, maxsplit)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return _run(self.compiled.findall, string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        matches = self.compiled.finditer(string, pos, endpos)  # lazy: each step is a match of its own
        while True:
            found = _run(next, matches, None)
            if found is None:
                return
            yield found

    def __repr__(self) -> str:
        return f"StoppableRegex({self.compiled.pattern!r})"


def _run(method: Any, *args: Any) -> Any:
    global _running
    _running += 1
    try:
        return method(*args)
    finally:
        _running -= 1
