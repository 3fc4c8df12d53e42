"""How the console shows errors, warnings, verbose and debug lines, -WhatIf and -Confirm.

The error layout is Windows PowerShell 5.1's ``NormalView`` of ``ErrorRecord``
(PowerShellCore.format.ps1xml, kept in PowerShell 7 as ``ConvertTo-NormalErrorView`` /
``$ErrorView='NormalView'``):

1. ``<command> : `` when the record's InvocationInfo names a command;
2. the message (ErrorDetails if set, else the exception's);
3. the position message (``At line:1 char:15`` / ``+ <line>`` / ``+ <spaces>~~~``), left out
   for errors without an InvocationInfo, such as the server-side errors of EMS;
4. ``    + CategoryInfo          : ...``, ``    + FullyQualifiedErrorId : ...`` and, for remote
   errors, ``    + PSComputerName        : <fqdn>``.  The view cuts each of these lines into
   pieces of ``BufferWidth - 6`` characters and glues them together, each piece behind four
   spaces, *without* line breaks; the console's word wrap at ``BufferWidth - 1`` then breaks
   the result, which is why continuation lines start with three, then two spaces
   (ems-behaviour.md 4.1: the captured FQID lines are reproduced exactly by this rule);
5. a final line holding one space (the view ends the text with a newline and a blank).

The whole text is word-wrapped by the formatter (``text.generate_lines``) at the console's
column count, ``BufferWidth - 1`` (ConsoleLineOutput keeps the last column free).
"""

from __future__ import annotations

from emshell.formatting.text import generate_lines, wrap_text

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from emshell.engine.errors import ErrorRecord

_INDENT = "    "
_POSITION_LINE_MAX = 69  # PositionUtilities.VerboseMessage: source lines are cut to 69 characters


# --------------------------------------------------------------------------- position message


def position_message(extent: Any) -> str:
    """``InvocationInfo.PositionMessage`` (5.1 ``PositionUtilities.VerboseMessage``).

    ``At line:L char:C`` (``At <file>:L char:C`` for a script), then ``+ `` and the first line
    of the extent, then ``+ `` and tildes under the extent.  Tabs become four spaces; a line
    longer than 69 characters is cut around the extent and marked with ``... ``; an extent
    that goes on to later lines is underlined to the end of its first line.
    """
    if extent is None:
        return ""
    where = extent.file or "line"
    source_line = extent.source.line_text(extent.start_line).rstrip()
    message = ""
    if source_line:
        before = extent.start_column - 1
        if extent.start_line == extent.end_line:
            length = extent.end_column - extent.start_column
        else:
            length = len(source_line) - extent.start_column + 1
        if "\t" in source_line:
            head = source_line[:before].replace("\t", "    ")
            body = source_line[before : before + length].replace("\t", "    ")
            tail = source_line[before + length :].replace("\t", "    ")
            source_line = head + body + tail
            before, length = len(head), len(body)
        cut_start = cut_end = False
        if len(source_line) > _POSITION_LINE_MAX:
            source_line, before, length, cut_start, cut_end = _cut_source_line(source_line, before, length)
        message = ("... " if cut_start else "") + source_line + (" ..." if cut_end else "")
        message += "\n+ " + " " * (before + (4 if cut_start else 0)) + "~" * (length if length > 0 else 1)
    return f"At {where}:{extent.start_line} char:{extent.start_column}\n+ {message}"


def _cut_source_line(line: str, before: int, length: int) -> tuple[str, int, int, bool, bool]:
    """Keep up to 12 characters before the extent and 8 after, then widen to 69 in all."""
    limit = _POSITION_LINE_MAX
    keep_before = min(before, 12)
    after = len(line) - length - before
    keep_after = min(after, 8)
    total = keep_before + length + keep_after
    if total >= limit:
        if keep_before + length >= limit:
            length = limit - keep_before
        cut_end = True
    else:
        if before - keep_before > 0:
            keep_before += min(before - keep_before, limit - total)
            total = keep_before + length + keep_after
        if total < limit and after > 0:
            keep_after += min(after, limit - total)
        cut_end = keep_after < after
    cut_start = keep_before < before
    start = max(before - keep_before, 0)
    line = line[start : start + limit]
    before = min(before, keep_before)
    length = min(length, limit - before)
    return line, before, length, cut_start, cut_end


# --------------------------------------------------------------------------- error records


def _command_prefix(record: ErrorRecord) -> str:
    """``<command> : `` as the view's first expression computes it."""
    info = record.InvocationInfo
    if info is None or getattr(record, "remote_computer", None):
        return ""  # errors from the Exchange server carry no local invocation (ems-behaviour §4.2)
    command = info.MyCommand
    invocation_name = getattr(info, "InvocationName", "") or ""
    if command:
        kind = str(getattr(command, "CommandType", "") or "")
        if kind == "ExternalScript":
            path = getattr(command, "Path", None)
            return f"{path} : " if path else ""
        if kind == "Script":
            block = getattr(command, "ScriptBlock", None)
            return f"{_text_of(block)} : " if block is not None else ""
        if invocation_name in ("", "&", "."):
            name = getattr(command, "Name", command)
            return f"{name} : " if name else ""
        return f"{invocation_name} : "
    if invocation_name:
        return f"{invocation_name} : "
    return ""


def _text_of(block: Any) -> str:
    text = getattr(block, "text", None)
    return text if isinstance(text, str) else str(block)


def _glued_pieces(line: str, piece_width: int) -> str:
    """``$line -split "(.{$width})"`` with every non-empty piece put behind four spaces."""
    import re

    pieces = re.split(f"(.{{{max(piece_width, 1)}}})", line)
    return "".join(_INDENT + piece for piece in pieces if piece)


def error_text(record: ErrorRecord, buffer_width: int = 120) -> str:
    """The NormalView text of an error record, before the console wraps it."""
    details = record.ErrorDetails
    details = getattr(details, "Message", details)  # ErrorDetails object or its message
    message = details or record.Exception.Message
    if record.FullyQualifiedErrorId == "NativeCommandErrorMessage":
        return record.Exception.Message
    info = record.InvocationInfo
    position = ""
    if info is not None and (info.MyCommand or record.CategoryInfo.Category != "ParserError"):
        position = info.PositionMessage or ""
    if position:
        position = "\n" + position
    piece_width = buffer_width - len(_INDENT) - 2
    position += "\n" + _glued_pieces("+ CategoryInfo          : " + record.CategoryInfo.GetMessage(), piece_width)
    position += "\n" + _glued_pieces("+ FullyQualifiedErrorId : " + record.FullyQualifiedErrorId, piece_width)
    computer = getattr(record, "remote_computer", None)
    if computer:
        position += "\n" + _glued_pieces("+ PSComputerName        : " + computer, piece_width)
    if details:
        return _command_prefix(record) + message + position
    return _command_prefix(record) + message + position + "\n "


def wrap_formatted(text: str, columns: int) -> list[str]:
    """The formatter's ComplexWriter: each line of ``text`` word-wrapped at ``columns``."""
    if columns <= 0:
        return []
    return generate_lines(text, columns, columns)


def render_error(record: ErrorRecord, width: int = 120) -> str:
    """An error record as the EMS console prints it, newline-terminated (``width`` is the
    console buffer width; text wraps at ``width - 1``)."""
    lines = wrap_formatted(error_text(record, width), width - 1)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- host streams


def _host_lines(prefix: str, message: str, width: int) -> str:
    """The console host's ``WriteWrappedLine``: word-wrapped at ``width - 1``."""
    lines = wrap_text(prefix + message, width - 1) or [prefix]
    return "\n".join(lines) + "\n"


def render_warning(message: str, width: int = 120) -> str:
    return _host_lines("WARNING: ", message, width)


def render_verbose(message: str, width: int = 120) -> str:
    return _host_lines("VERBOSE: ", message, width)


def render_debug(message: str, width: int = 120) -> str:
    return _host_lines("DEBUG: ", message, width)


# --------------------------------------------------------------------------- ShouldProcess


def should_process_message(action: str, target: str) -> str:
    """The default ShouldProcess sentence (CommandBaseStrings.ShouldProcessMessage)."""
    return f'Performing the operation "{action}" on target "{target}".'


def render_whatif(message: str) -> str:
    """``What if: <message>`` (CommandBaseStrings.ShouldProcessWhatIfMessage), no newline."""
    return f"What if: {message}"


CONFIRM_QUERY = "Are you sure you want to perform this action?"

# ShouldProcess's choices (CommandBaseStrings: &Yes, Yes to &All, &No, No to A&ll, &Suspend).
SHOULD_PROCESS_CHOICES = (("Y", "Yes"), ("A", "Yes to All"), ("N", "No"), ("L", "No to All"), ("S", "Suspend"))


def render_choice_line(choices: tuple[tuple[str, str], ...] = SHOULD_PROCESS_CHOICES, default: str = "Y",
                       width: int = 120) -> str:  # fmt: skip
    """``[Y] Yes  [A] Yes to All ... [?] Help (default is "Y"): `` as the console writes it,
    starting a new line where the next choice would pass the window edge."""
    items = [f"[{key}] {label}  " for key, label in choices] + ["[?] Help "]
    if default:
        items.append(f'(default is "{default}"): ')
    lines: list[str] = []
    current = ""
    for item in items:
        if current and len(current) + len(item) > width - 1:
            lines.append(current)
            current = ""
        current += item
    lines.append(current)
    return "\n".join(lines)


def render_confirm_prompt(caption: str, message: str, width: int = 120, *, query: str | None = CONFIRM_QUERY,
                          choices: tuple[tuple[str, str], ...] = SHOULD_PROCESS_CHOICES,
                          default: str = "Y") -> str:  # fmt: skip
    """The confirmation prompt up to where the answer is typed (no newline at the end):
    a blank line, the caption, the query and message (ShouldProcess puts "Are you sure you
    want to perform this action?" before the operation), then the choice line.  Pass
    ``query=None`` for ShouldContinue-style questions whose message stands alone."""
    body = message if query is None else f"{query}\n{message}"
    parts = ["", _wrapped_block(caption, width), _wrapped_block(body, width),
             render_choice_line(choices, default, width)]  # fmt: skip
    return "\n".join(parts)


def _wrapped_block(text: str, width: int) -> str:
    return "\n".join(wrap_text(text, width - 1))
