"""Is the text typed so far a complete input, or does the console wait for more (``>> ``)?

PowerShell decides with its parser: input is incomplete when a parse error says the input
ended too early (``ParseError.IncompleteInput``: an open brace, parenthesis, quote or
here-string, a trailing pipe, an operator missing its right operand) or when the text ends with
a line-continuation backtick.  Any other parse error is complete input: running it shows the
error.  Should the parser itself fail unexpectedly, a bracket-and-quote count decides.
"""

from __future__ import annotations

from emshell.repl.scanner import CLOSERS, OPENERS, OPERATOR, STRING, VARIABLE, scan


def is_complete(text: str) -> bool:
    """True when ``text`` should run on Enter; False when Enter should open a ``>> `` line."""
    if not text.strip():
        return True
    if text.rstrip(" \t").endswith("`"):
        return False  # a line continuation
    from emshell.engine.errors import ParseError
    from emshell.language import parse

    try:
        parse(text)
    except ParseError as error:
        return not any(info.IncompleteInput for info in error.errors)
    except Exception:  # the parser's own failure must not block the console
        return balanced(text)
    return True


def balanced(text: str) -> bool:
    """The fallback test: every quote, brace and parenthesis closed, no trailing pipe."""
    scanned = scan(text)
    if scanned.open_comment or scanned.trailing_backtick:
        return False
    depth = 0
    last = None
    for token in scanned.tokens:
        if token.kind in (STRING, VARIABLE) and not token.closed:
            return False
        if token.kind == OPERATOR:
            if token.text in OPENERS:
                depth += 1
            elif token.text in CLOSERS:
                depth = max(0, depth - 1)
        if not (token.kind == OPERATOR and token.text == "\n"):
            last = token
    if last is not None and last.kind == OPERATOR and last.text in ("|", ","):
        return False
    return depth == 0
