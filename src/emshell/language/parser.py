"""``parse`` and ``parse_file``: text in, ``ScriptBlockAst`` out, or ``ParseError``."""

from __future__ import annotations

import gc

from emshell.language import driver
from emshell.language.ast import Extent, ScriptSource
from emshell.language.lexer import Lexer, LexError
from emshell.language.transformer import AstBuilder

_TABLES = None


def tables() -> driver.ParserTables:
    """The parse tables (loaded once per process; built on first use ever)."""
    global _TABLES
    if _TABLES is None:
        from emshell.language import tables as table_cache

        _TABLES = driver.ParserTables(table_cache.load())
    return _TABLES


def parse(text: str, path: str | None = None):
    """Parse PowerShell source text into a ``ScriptBlockAst`` whose ``source`` is set.

    Raises ``emshell.engine.errors.ParseError`` listing PowerShell's parse error(s).
    """
    source = ScriptSource(text, path)
    parse_tables = tables()
    lexer = Lexer(text, source, parse_tables)
    builder = AstBuilder(source)
    # The parser allocates many small objects and makes no reference cycles: pausing the
    # cyclic collector while it runs saves about a quarter of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return driver.run(parse_tables, lexer, builder)
    except driver.SyntaxErrorAt as failure:
        from emshell.language.syntax_errors import Classifier

        diagnosis = Classifier(parse_tables, text).diagnose(failure.states, failure.values, failure.token)
        error = (diagnosis.error_id, diagnosis.args, diagnosis.start, diagnosis.end, diagnosis.incomplete)
    except LexError as failure:
        error = (failure.error_id, failure.message, failure.start, failure.end, failure.incomplete)
    except driver.NestingTooDeep as failure:
        token = failure.token
        error = ("ScriptTooComplicated", (), token.start, token.end, False)
    finally:
        if collecting:
            gc.enable()
    raise _parse_error(source, *error)


def _parse_error(source: ScriptSource, error_id: str, args, start: int, end: int, incomplete: bool):
    from emshell.engine.errors import ErrorRecord, NetException, ParseError, ParseErrorInfo
    from emshell.language.diagnostics import exception_message
    from emshell.language.messages import message

    text = args if isinstance(args, str) else message(error_id, *args)
    info = ParseErrorInfo(error_id, text, Extent(source, start, end), incomplete)
    exception = NetException("System.Management.Automation.ParseException", exception_message([info]))
    record = ErrorRecord(exception, error_id, "ParserError")
    return ParseError(record, [info])


def read_script(path) -> str:
    """A script file's text: BOM-detected (UTF-8, UTF-16 LE/BE), else UTF-8 with a
    Windows-1252 fallback, as Windows PowerShell reads ``.ps1`` files; CRLF becomes LF."""
    with open(path, "rb") as handle:
        data = handle.read()
    return decode_script(data)


def decode_script(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le", errors="replace")
    elif data.startswith(b"\xfe\xff"):
        text = data[2:].decode("utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n")


def parse_file(path, display_path: str | None = None):
    """Parse a script file (see ``read_script``); extents name ``display_path`` or ``path``."""
    import os

    return parse(read_script(path), display_path if display_path is not None else os.fspath(path))
