"""Replaying a script as if an administrator typed it at the EMS prompt, command line by
command line: what a console transcript shows.

A script is cut into the command lines a person would type: each top-level statement with the
whole source lines it covers (statements that share a line stay together), and each comment
line between statements.  Blank lines are not typed.  Every command line is echoed after the
prompt (``[PS] C:\\Windows\\system32>``; continuation lines after ``>> ``), then run in the
global scope as the console runs it, so an error ends only its own command line and is
positioned within it ("At line:1 char:5").

The script's arguments are the global ``$args``; a top-level ``param(...)`` block is bound to
them first, without an echo, so its parameters become global variables.  ``exit``
(or Ctrl-C, or ``--timeout``) ends the replay.  ``$PSScriptRoot`` is empty, as it is at the prompt.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any


def prompt_text(runspace: Any) -> str:
    """EMS's prompt (CommonConnectFunctions.ps1): ``[PS] <location>>``."""
    return f"[PS] {runspace.sandbox.location}>"


class CommandLine:
    """One piece of a script typed at the prompt."""

    __slots__ = ("text", "runs")

    def __init__(self, text: str, runs: bool):
        self.text = text
        self.runs = runs  # False for comment lines: typed, but nothing to run

    def __repr__(self) -> str:
        return f"CommandLine({self.text!r}, runs={self.runs})"


def split_script(text: str) -> tuple[list[CommandLine], str | None]:
    """The command lines of a script, and the text of its param block (None without one).
    A script that does not parse is typed as one command line (which then reports the parse
    error); so is one with begin/process/end blocks."""
    from emshell.engine.errors import ParseError
    from emshell.language import parse

    try:
        tree = parse(text)
    except ParseError:
        return [CommandLine(text.strip("\r\n"), True)], None
    if tree.begin_block is not None or tree.process_block is not None:
        return [CommandLine(text.strip("\r\n"), True)], None
    source_lines = text.split("\n")
    spans: list[tuple[int, int, bool]] = []
    param_text = None
    if tree.param_block is not None and tree.param_block.extent is not None:
        param_text = tree.param_block.extent.text
        extent = tree.param_block.extent
        spans.append((extent.start_line, extent.end_line, False))
    body = tree.end_block
    statements = (*body.statements, *body.traps) if body is not None else ()
    for statement in statements:
        extent = statement.extent
        if extent is not None:
            spans.append((extent.start_line, _last_line(extent), True))
    spans.sort()
    merged: list[list[Any]] = []  # [first line, last line, runs]
    for start, end, runs in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = merged[-1][2] or runs
        else:
            merged.append([start, end, runs])
    lines: list[CommandLine] = []
    next_line = 1
    for start, end, runs in merged:
        lines.extend(_comment_lines(source_lines, next_line, start - 1))
        if runs:
            lines.append(CommandLine(_join(source_lines, start, end), True))
        next_line = end + 1
    lines.extend(_comment_lines(source_lines, next_line, len(source_lines)))
    return lines, param_text


def _last_line(extent: Any) -> int:
    """The line of an extent's last character (an extent may end just after a line break)."""
    end_line = extent.end_line
    if extent.end_column == 1 and extent.end_offset > extent.start_offset:
        end_line -= 1
    return end_line


def _join(source_lines: list[str], first: int, last: int) -> str:
    return "\n".join(line.rstrip("\r") for line in source_lines[first - 1 : last]).rstrip()


def _comment_lines(source_lines: list[str], first: int, last: int) -> list[CommandLine]:
    """The non-blank lines between statements (comments), each typed on its own; a block
    comment is typed whole."""
    out: list[CommandLine] = []
    block: list[str] | None = None
    for index in range(first, last + 1):
        line = source_lines[index - 1].rstrip("\r") if index <= len(source_lines) else ""
        if block is not None:
            block.append(line)
            if "#>" in line:
                out.append(CommandLine("\n".join(block).rstrip(), False))
                block = None
            continue
        if not line.strip():
            continue
        if "<#" in line and "#>" not in line[line.index("<#") :]:
            block = [line]
            continue
        out.append(CommandLine(line.rstrip(), False))
    if block is not None:
        out.append(CommandLine("\n".join(block).rstrip(), False))
    return out


def echo(host: Any, prompt: str, command: str) -> None:
    """Show a typed command line: a recording host keeps it (stream ``echo``), transcripts get
    it; a terminal shows what is typed by itself, so a console host gets nothing."""
    from emshell.engine.host import RecordingHost

    text = prompt + command.replace("\n", "\n>> ") + "\n"
    if isinstance(host, RecordingHost):
        host.events.append(("echo", text))
    for transcript in host.transcripts:
        transcript.write(text)


class ReplayOutcome:
    """How a replay ended (the fields of ``RunOutcome`` that exit codes read)."""

    __slots__ = ("output", "exit_code", "terminated", "parse_failed", "succeeded")

    def __init__(self) -> None:
        self.output: list = []
        self.exit_code: int | None = None
        self.terminated = False  # some command line ended with a terminating error
        self.parse_failed = False
        self.succeeded = True  # the last command line succeeded


def replay(runspace: Any, text: str, args: tuple = ()) -> ReplayOutcome:
    """Type ``text`` at the prompt of ``runspace``, one command line after another."""
    lines, param_text = split_script(text)
    outcome = ReplayOutcome()
    runspace.session.set_value("args", list(args), "global")
    if param_text is not None:
        bound = runspace.execute(f". {{\n{param_text}\n}} @args")
        _merge(outcome, bound)
        if bound.terminated:
            return outcome
    host = runspace.host
    for line in lines:
        echo(host, prompt_text(runspace), line.text)
        if not line.runs:
            continue
        result = runspace.execute(line.text)
        _merge(outcome, result)
        if outcome.exit_code is not None or (result.terminated and _stopped(runspace)):
            break
    return outcome


# Errors that stop the whole session, not one command line: Ctrl-C and emshell's --timeout.
_STOPPING_ERRORS = ("PipelineStopped", "ScriptTimeout")


def _stopped(runspace: Any) -> bool:
    return bool(runspace.errors) and runspace.errors[0].FullyQualifiedErrorId.split(",", 1)[0] in _STOPPING_ERRORS


def _merge(outcome: ReplayOutcome, result: Any) -> None:
    outcome.output.extend(result.output)
    outcome.exit_code = result.exit_code
    outcome.terminated = outcome.terminated or result.terminated
    outcome.parse_failed = outcome.parse_failed or result.parse_failed
    outcome.succeeded = result.succeeded


def exit_code(outcome: ReplayOutcome) -> int:
    """``exit N`` wins; else 1 when a command line ended with a terminating error or did not
    parse, 0 otherwise."""
    if outcome.exit_code is not None:
        return outcome.exit_code
    return 1 if outcome.terminated or outcome.parse_failed else 0
