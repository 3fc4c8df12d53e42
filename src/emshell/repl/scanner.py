"""A forgiving tokenizer for the line being typed.

The real lexer (``emshell.language``) is driven by the parser and stops at the first error;
the text before the cursor is, by nature, unfinished: an open quote, a half-typed parameter, a
brace not yet closed.  This scanner never fails.  It splits the text the way PowerShell's
command mode does (bare words end at white space and ``& ( ) , ; { | }``), keeps quoted strings
whole (noting whether they are closed), reads variables with their member chain (``$x.A.B``),
and reports what it found as flat ``Token`` objects for the completion analyser and the
"is this input complete?" check.
"""

from __future__ import annotations

from emshell.language.chars import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES, TOKEN_END

# Token kinds
WORD = "word"  # a bare word: command name, argument, keyword, number
PARAMETER = "parameter"  # -Name or -Name: (the dash and the colon are part of the text)
STRING = "string"  # '...' "..." @'...'@ @"..."@
VARIABLE = "variable"  # $name, $env:name, ${name}, @splat, with any .Member chain
OPERATOR = "operator"  # | ; & && || = , newline, and the openers and closers below
OPENERS = {"(": ")", "$(": ")", "@(": ")", "{": "}", "@{": "}"}
CLOSERS = frozenset(")}")

_NEWLINES = "\r\n"
_VARIABLE_CHARS_EXTRA = "_?:"


class Token:
    """One piece of the typed text.  ``space`` says whether white space came before it;
    ``closed`` is False for a string (or ``${``/``<#``) the text ends inside of; for a variable,
    ``members`` lists the ``.Name`` parts that follow it (the last may be empty: ``$x.``)."""

    __slots__ = ("kind", "text", "start", "end", "space", "closed", "members")

    def __init__(self, kind: str, text: str, start: int, end: int, space: bool, *, closed: bool = True,
                 members: tuple[str, ...] = ()):  # fmt: skip
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.space = space
        self.closed = closed
        self.members = members

    def __repr__(self) -> str:
        extra = "" if self.closed else " open"
        if self.members:
            extra += " ." + ".".join(self.members)
        return f"Token({self.kind} {self.text!r}{extra})"


class Scan:
    """The tokens of a text, and how the text ends."""

    __slots__ = ("tokens", "open_comment", "trailing_backtick", "ends_with_space")

    def __init__(self) -> None:
        self.tokens: list[Token] = []
        self.open_comment = False  # ends inside <# ... (no #>)
        self.trailing_backtick = False  # ends with a line-continuation backtick
        self.ends_with_space = False  # white space (or a comment) after the last token


def scan(text: str) -> Scan:
    """Split ``text`` into tokens; never raises."""
    return _Scanner(text).run()


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.result = Scan()

    def run(self) -> Scan:
        text = self.text
        length = len(text)
        space = False
        while self.pos < length:
            c = text[self.pos]
            if c in " \t\f\v\xa0":
                self.pos += 1
                space = True
                continue
            if c == "`" and self.pos + 1 < length and text[self.pos + 1] in _NEWLINES:
                self.pos += 2  # a line continuation is white space
                space = True
                continue
            if c == "`" and self.pos + 1 == length:
                self.result.trailing_backtick = True
                self.pos += 1
                space = True
                continue
            if c == "#":
                self._skip_line_comment()
                space = True
                continue
            if text.startswith("<#", self.pos):
                self._skip_block_comment()
                space = True
                continue
            start = self.pos
            token = self._token(c, space)
            token.start = start
            token.end = self.pos
            self.result.tokens.append(token)
            space = False
        self.result.ends_with_space = space or not self.result.tokens
        return self.result

    # --------------------------------------------------------------- pieces

    def _skip_line_comment(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end < 0 else end

    def _skip_block_comment(self) -> None:
        end = self.text.find("#>", self.pos + 2)
        if end < 0:
            self.result.open_comment = True
            self.pos = len(self.text)
        else:
            self.pos = end + 2

    def _token(self, c: str, space: bool) -> Token:
        text = self.text
        pos = self.pos
        two = text[pos : pos + 2]
        if c in _NEWLINES:
            self.pos += 2 if two == "\r\n" else 1
            return Token(OPERATOR, "\n", 0, 0, space)
        if two in ("$(", "@(", "@{", "&&", "||"):
            self.pos += 2
            return Token(OPERATOR, two, 0, 0, space)
        if two in ("@'", '@"') and self._here_string_opens(pos + 2):
            return self._here_string(two[1], space)
        if c in "(){}|;&,=":
            self.pos += 1
            return Token(OPERATOR, c, 0, 0, space)
        if c in SINGLE_QUOTES:
            return self._quoted(space, single=True)
        if c in DOUBLE_QUOTES:
            return self._quoted(space, single=False)
        if c in "$@" and self._variable_follows(pos + 1):
            return self._variable(space)
        if c in DASHES and (pos + 1 == len(text) or text[pos + 1].isalpha() or text[pos + 1] in "_?"):
            return self._parameter(space)
        return self._word(space)

    def _here_string_opens(self, pos: int) -> bool:
        """``@'`` / ``@"`` open a here-string only when the rest of the line is blank."""
        rest = self.text[pos:]
        line = rest.split("\n", 1)[0]
        return line.strip(" \t\r") == ""

    def _here_string(self, quote: str, space: bool) -> Token:
        text = self.text
        start = self.pos
        self.pos += 2
        terminator = "\n" + quote + "@"
        end = text.find(terminator, self.pos)
        if end < 0:
            self.pos = len(text)
            return Token(STRING, text[start:], 0, 0, space, closed=False)
        self.pos = end + len(terminator)
        return Token(STRING, text[start : self.pos], 0, 0, space)

    def _quoted(self, space: bool, *, single: bool) -> Token:
        text = self.text
        start = self.pos
        quotes = SINGLE_QUOTES if single else DOUBLE_QUOTES
        i = self.pos + 1
        while i < len(text):
            ch = text[i]
            if not single and ch == "`":
                i += 2
                continue
            if ch in quotes:
                if i + 1 < len(text) and text[i + 1] in quotes:  # '' or "" is an escaped quote
                    i += 2
                    continue
                self.pos = i + 1
                return Token(STRING, text[start : self.pos], 0, 0, space)
            if not single and ch == "$" and text.startswith("$(", i):
                i = self._skip_subexpression(i + 2)
                continue
            i += 1
        self.pos = len(text)
        return Token(STRING, text[start:], 0, 0, space, closed=False)

    def _skip_subexpression(self, i: int) -> int:
        """Past the ``)`` that closes a ``$(`` inside a double-quoted string."""
        depth = 1
        text = self.text
        while i < len(text) and depth:
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif ch in SINGLE_QUOTES or ch in DOUBLE_QUOTES:
                close = text.find(ch, i + 1)
                i = len(text) if close < 0 else close
            i += 1
        return i

    def _variable_follows(self, pos: int) -> bool:
        if pos >= len(self.text):
            return self.text[pos - 1] == "$"  # a lone "$" at the end: a variable being typed
        ch = self.text[pos]
        if self.text[pos - 1] == "@":
            return ch.isalnum() or ch == "_"
        return ch.isalnum() or ch in "_?:$^{"

    def _variable(self, space: bool) -> Token:
        text = self.text
        start = self.pos
        i = self.pos + 1
        closed = True
        if i < len(text) and text[i] == "{":
            close = text.find("}", i + 1)
            if close < 0:
                i, closed = len(text), False
            else:
                i = close + 1
        elif i < len(text) and text[i] in "$^?" and text[start] == "$":
            i += 1
        else:
            while i < len(text) and (text[i].isalnum() or text[i] in _VARIABLE_CHARS_EXTRA):
                if text[i] == ":" and text.startswith("::", i):
                    break
                i += 1
        name_end = i
        members: list[str] = []
        if closed:
            while i < len(text) and text[i] == ".":
                j = i + 1
                while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                    j += 1
                members.append(text[i + 1 : j])
                i = j
                if not members[-1]:
                    break
        self.pos = i
        token = Token(VARIABLE, text[start:name_end], 0, 0, space, closed=closed, members=tuple(members))
        return token

    def _parameter(self, space: bool) -> Token:
        text = self.text
        start = self.pos
        i = self.pos + 1
        while i < len(text) and text[i] not in TOKEN_END and text[i] not in ":'\"`$":
            i += 1
        if i < len(text) and text[i] == ":":
            i += 1
        self.pos = i
        return Token(PARAMETER, text[start:i], 0, 0, space)

    def _word(self, space: bool) -> Token:
        text = self.text
        start = self.pos
        i = self.pos
        while i < len(text):
            ch = text[i]
            if ch in TOKEN_END:
                break
            if ch == "`":
                i += 2
                continue
            if (ch in SINGLE_QUOTES or ch in DOUBLE_QUOTES) and i > start:
                break  # abc'def' is two pieces glued together; keep them apart
            i += 1
        if i == start:  # a lone character nothing else claims
            i += 1
        self.pos = min(i, len(text))
        return Token(WORD, text[start : self.pos], 0, 0, space)
