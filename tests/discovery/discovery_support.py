"""Shared pieces for the discovery tests: a deterministic shell and text helpers."""

from __future__ import annotations

from datetime import datetime

from emshell import Shell

CLOCK = datetime(2026, 11, 27, 14, 3, 4)


def new_shell(width: int = 120) -> Shell:
    return Shell(width=width, seed=7, clock=lambda: CLOCK)


def run(command: str, width: int = 120):
    """Run one command line in a fresh shell; the Result (``.text``, ``.error_ids`` ...)."""
    return new_shell(width).run(command)


def show(text: str) -> str:
    """Text with blanks and line ends made visible, for assertion messages."""
    return "\n".join(line.replace(" ", "·") + "¶" for line in text.split("\n"))


def lines(text: str) -> list[str]:
    return text.split("\n")
