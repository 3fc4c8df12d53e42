"""``tokenize(text)``: the tokens of a (possibly incomplete or wrong) script, for highlighting
and completion.

The lexer needs the parser to know its mode, so tokenizing runs the parser too, with a
builder that builds nothing.  It never raises: where the parse fails, the offending text is
returned as an ``error`` token and lexing resumes at the next statement.  Comments, which
the parser skips, are recovered from the gaps between tokens.
"""

from __future__ import annotations

import re

_COMMENT_RE = re.compile(r"<#[\s\S]*?(?:#>|$(?![\s\S]))|#[^\r\n]*")

# Terminal name -> token kind.
_KINDS = {
    "COMMAND_NAME": "command", "FUNCNAME": "command", "INVOKE": "operator",
    "GENERIC": "argument", "BW_BEGIN": "argument", "BW_MID": "argument", "BW_END": "argument",
    "PARAMETER": "parameter", "PARAMETER_COLON": "parameter", "DASHDASH": "parameter",
    "VARIABLE": "variable", "SPLAT": "variable",
    "NUMBER": "number", "STRING": "string",
    "DQ_BEGIN": "string", "DQ_MID": "string", "DQ_END": "string",
    "HS_BEGIN": "string", "HS_MID": "string", "HS_END": "string",
    "TYPE": "type", "ATTR": "type", "MEMBER": "member", "METHOD": "member",
    "BAREWORD": "name", "LABEL": "name", "_NL": "newline", "_SEMI": "punctuation",
}  # fmt: skip
_OPERATORS = frozenset(("BINOP", "PLUS", "MINUS", "UPLUS", "UMINUS", "UNARYOP", "PREINC", "PREDEC",
                        "POSTINC", "POSTDEC", "EQUALS", "ASSIGNOP", "PIPE", "COMMA", "UCOMMA",
                        "REDIRECTION", "MERGE", "AMPERSAND", "ANDAND", "OROR", "REDIRECT_IN"))  # fmt: skip


class TokenInfo:
    """One token: ``kind`` (keyword, command, parameter, variable, string, number, operator,
    punctuation, type, member, argument, name, comment, newline, error), its text and offsets."""

    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind: str, text: str, start: int, end: int):
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"TokenInfo({self.kind!r}, {self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other) -> bool:
        return isinstance(other, TokenInfo) and (self.kind, self.text, self.start, self.end) == (
            other.kind, other.text, other.start, other.end)  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.kind, self.text, self.start, self.end))


class _NothingBuilder:
    """A tree builder whose every callback returns None."""

    def __getattr__(self, name):
        return _nothing


def _nothing(children):
    return None


def _kind(ttype: str) -> str:
    kind = _KINDS.get(ttype)
    if kind is not None:
        return kind
    if ttype in _OPERATORS:
        return "operator"
    if ttype.isupper() and ttype.isalpha() and ttype not in ("LPAREN", "RPAREN", "LBRACE", "RBRACE",
                                                             "LBRACKET", "RBRACKET", "SUBEXPR",
                                                             "ARRAYEXPR", "HASHSTART"):  # fmt: skip
        return "keyword"
    return "punctuation"


def tokenize(text: str) -> list[TokenInfo]:
    """The tokens of ``text``, comments included, in order.  Never raises."""
    from emshell.language import driver
    from emshell.language.ast import ScriptSource
    from emshell.language.lexer import Lexer, LexError
    from emshell.language.parser import tables

    parse_tables = tables()
    found: list[TokenInfo] = []
    position = 0
    length = len(text)
    while position <= length:
        lexer = Lexer(text, ScriptSource(text), parse_tables)
        lexer.pos = position
        real_next = lexer.next

        def collect(states, real_next=real_next):
            token = real_next(states)
            if token.type != "$END":
                found.append(TokenInfo(_kind(token.type), text[token.start : token.end], token.start, token.end))
            return token

        lexer.next = collect
        try:
            driver.run(parse_tables, lexer, _NothingBuilder())
            break
        except driver.SyntaxErrorAt as failure:
            token = failure.token
            if token.type == "$END":
                break
            if found and found[-1].start == token.start:
                found[-1].kind = "error"
            position = max(token.end, position + 1)
        except LexError as failure:
            start = max(failure.start, lexer.pos)
            end = length if failure.incomplete else max(failure.end, start + 1)
            end = min(end, length)
            if end > start:
                found.append(TokenInfo("error", text[start:end], start, end))
            position = max(end, position + 1)
        except driver.NestingTooDeep as failure:
            position = max(failure.token.end, position + 1)
    return _with_comments(text, found)


def _with_comments(text: str, tokens: list[TokenInfo]) -> list[TokenInfo]:
    result: list[TokenInfo] = []
    previous = 0
    for token in sorted(tokens, key=lambda t: t.start):
        if token.start < previous:
            continue
        for m in _COMMENT_RE.finditer(text, previous, token.start):
            result.append(TokenInfo("comment", m.group(), m.start(), m.end()))
        result.append(token)
        previous = token.end
    for m in _COMMENT_RE.finditer(text, previous):
        result.append(TokenInfo("comment", m.group(), m.start(), m.end()))
    return result
