"""Parse errors as Windows PowerShell 5.1 prints them.

A ``ParseException``'s message is, for each error, the position message (``At line:1
char:5`` or ``At C:\\path\\x.ps1:3 char:5``, ``+ <source line>``, ``+ <spaces>~~~``) and the
error's text, errors separated by a blank line.  The console shows that message, then the
``+ CategoryInfo`` and ``+ FullyQualifiedErrorId`` lines.  The category's reason is
``ParseException`` when a script file failed to parse and
``ParentContainsErrorRecordException`` for command text (``-Command``, the prompt).
"""

from __future__ import annotations

TOO_MANY_ERRORS = "Not all parse errors were reported.  Correct the reported errors and try again."


def position_message(extent) -> str:
    """PositionUtilities.VerboseMessage: ``At line:L char:C`` plus the underlined line."""
    from emshell.formatting.error_view import position_message as verbose_message

    return verbose_message(extent)


def exception_message(errors) -> str:
    """``ParseException.Message``: every error's position and text (at most ten)."""
    shown = [position_message(info.extent) + "\n" + info.Message for info in errors[:10]]
    if len(errors) > 10:
        shown.append(TOO_MANY_ERRORS)
    return "\n\n".join(shown)


def render_parse_error(error, width: int = 120) -> str:
    """What Windows PowerShell prints for a ParseError, newline-terminated."""
    from emshell.engine.errors import ErrorRecord, NetException
    from emshell.formatting.error_view import render_error

    errors = error.errors
    in_file = bool(errors and errors[0].extent is not None and errors[0].extent.file)
    reason = "ParseException" if in_file else "ParentContainsErrorRecordException"
    exception = NetException("System.Management.Automation." + reason, exception_message(errors))
    record = ErrorRecord(exception, error.record.FullyQualifiedErrorId, "ParserError")
    return render_error(record, width)
