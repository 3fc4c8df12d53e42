"""Golden transcript cases: a ``.ps1`` script and, beside it, the transcript it must produce.

For ``examples/enable-um-mailboxes.ps1`` the files that may sit beside it are:

``enable-um-mailboxes.out``
    the expected transcript: each command line echoed after the prompt, then what the console
    showed (``emshell.replay``).  ``pytest --ps1-update`` writes it.
``enable-um-mailboxes.yaml``
    the organization to start from (default: the built-in contoso.com).
``enable-um-mailboxes.input``
    answers for Read-Host and other prompts, one per line.
``enable-um-mailboxes.files/``
    copied into the sandbox first: it stands for drive C:, so ``.files/temp/users.csv`` is
    ``C:\\temp\\users.csv``.

A case runs on a fresh shell with a fixed clock (the organization's own, which starts at a
fixed time), seed 0 and width 120, in a new temporary sandbox, so its transcript is the same
on every machine and in every pytest-xdist worker.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

WIDTH = 120


class GoldenCase:
    """The files of one case."""

    def __init__(self, script: Path):
        self.script = script
        self.expected = script.with_suffix(".out")
        self.org_file = script.with_suffix(".yaml")
        self.input_file = script.with_suffix(".input")
        self.files = script.with_suffix(".files")

    def load_org(self) -> Any:
        from emshell.model import Organization

        return Organization.load(self.org_file) if self.org_file.is_file() else Organization.default()

    def inputs(self) -> list[str]:
        if not self.input_file.is_file():
            return []
        return self.input_file.read_text(encoding="utf-8-sig").splitlines()

    def expected_text(self) -> str | None:
        if not self.expected.is_file():
            return None
        # A checkout with CRLF line ends (git on Windows) still compares equal.
        return self.expected.read_text(encoding="utf-8").replace("\r\n", "\n")

    def run(self, sandbox: str | Path, org: Any = None) -> Any:
        """Replay the script on a fresh shell; returns the ``Result`` (its ``text`` is the
        transcript)."""
        import shutil

        from emshell.shell import Shell

        if self.files.is_dir():
            shutil.copytree(self.files, sandbox, dirs_exist_ok=True)
        org = org if org is not None else self.load_org()
        with Shell(org, WIDTH, sandbox, clock=lambda: org.clock.now, inputs=self.inputs()) as shell:
            return shell.replay_file(self.script)

    def write_expected(self, text: str) -> None:
        with open(self.expected, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def transcript_diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of two transcripts, with a hint when only trailing spaces differ (tables
    pad their lines, and editors like to strip them)."""
    import difflib

    expected_lines = expected.splitlines(keepends=True)
    actual_lines = actual.splitlines(keepends=True)
    diff = "".join(difflib.unified_diff(expected_lines, actual_lines, f"{name}.out (expected)",
                                        f"{name}.ps1 (actual)"))  # fmt: skip
    notes = []
    if [line.rstrip() for line in expected_lines] == [line.rstrip() for line in actual_lines]:
        notes.append("The transcripts differ only in trailing spaces (was the .out file trimmed by an editor?).")
    notes.append("Run pytest with --ps1-update to accept the actual transcript.")
    return diff + ("" if diff.endswith("\n") else "\n") + "\n".join(notes)
