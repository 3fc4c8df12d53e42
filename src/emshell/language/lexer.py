"""PowerShell's tokenizer, driven by the parser the way PowerShell's own parser drives it.

PowerShell lexes by context: after a command name ``-Name`` is a parameter and ``a,b`` a
bare-word array; after a value ``-eq`` is an operator; ``$x.Name`` is member access only when
the dot touches the value.  The lexer therefore takes the LALR state stack on every call and
chooses its *mode* from the set of terminals that state accepts (precomputed per state):

* statement  -- a statement or pipeline element may start (``COMMAND_NAME`` accepted);
* argument   -- a command argument may follow (``GENERIC`` accepted);
* operand    -- an expression operand is expected;
* operator   -- an operand was just read (``BINOP`` accepted);
* key        -- a hash-table key, attribute argument name or ``break`` label (``BAREWORD``);
* function name, and three "string continues" modes for the text after a ``$( ... )``
  inside a double-quoted string, a here-string or a bare word.

A newline is emitted only where the parser can shift it (checked by simulating the pending
reductions); elsewhere it is white space, which is how ``1 +``, ``$a,`` and ``|`` continue on
the next line.  Each token records whether white space preceded it, because adjacency
matters (``$a.b`` vs ``$a .b``, ``$x[0]`` vs ``$x [0]``).

Literal tokens (numbers, strings, variables, bare words) carry their finished syntax-tree
node as ``value``.
"""

from __future__ import annotations

import re

from emshell.language import nodes as N
from emshell.language.chars import (
    DASHES,
    DIGITS_RE,
    DOUBLE_QUOTES,
    ESCAPES,
    HEX_RE,
    IDENTIFIER_RE,
    LABEL_RE,
    MULTIPLIERS,
    NUMBER_END,
    PLAIN_WORD_RE,
    SINGLE_QUOTES,
    SKIP_NL_RE,
    SKIP_RE,
    TOKEN_END,
    TYPE_NAME_RE,
    VAR_NAME_RE,
    WHITESPACE_RE,
    is_variable_start,
)
from emshell.language.messages import message

Extent = N.Extent

# ------------------------------------------------------------------ tokens


class Token:
    """A terminal for the parser: ``type`` is the grammar's terminal name."""

    __slots__ = ("type", "value", "start", "end", "space")

    # Lark reads these when it builds its own ``$END`` token; positions are offsets here.
    line = column = end_line = end_column = None

    def __init__(self, type: str, value, start: int, end: int, space: bool):
        self.type = type
        self.value = value
        self.start = start
        self.end = end
        self.space = space

    @property
    def start_pos(self) -> int:
        return self.start

    @property
    def end_pos(self) -> int:
        return self.end

    def __repr__(self) -> str:
        return f"Token({self.type}, {self.start}:{self.end})"


class LexError(Exception):
    """A lexical error, reported with PowerShell's parser error id."""

    def __init__(self, error_id: str, start: int, end: int, *args, incomplete: bool = False):
        super().__init__(error_id)
        self.error_id = error_id
        self.message = message(error_id, *args)
        self.start = start
        self.end = end
        self.incomplete = incomplete


# ------------------------------------------------------------------ modes

(M_STATEMENT, M_ARGUMENT, M_OPERAND, M_OPERATOR, M_KEY, M_FUNCNAME,
 M_DQ, M_HS, M_BW) = range(9)  # fmt: skip

KEYWORDS = {
    word: word.upper()
    for word in (
        "if elseif else switch foreach in for while do until try catch finally trap throw "
        "return exit break continue function filter param begin process end dynamicparam"
    ).split()
}
# Keywords that continue the statement before them: a newline in between is skipped.
CONTINUATION_KEYWORDS = {"else": "ELSE", "elseif": "ELSEIF", "catch": "CATCH", "finally": "FINALLY"}


def state_mode(accepts) -> int:
    """The lexing mode for a parser state, from the terminals it accepts."""
    if "DQ_MID" in accepts:
        return M_DQ
    if "HS_MID" in accepts:
        return M_HS
    if "BW_MID" in accepts:
        return M_BW
    if "COMMAND_NAME" in accepts:
        return M_STATEMENT
    if "GENERIC" in accepts:
        return M_ARGUMENT
    if "FUNCNAME" in accepts:
        return M_FUNCNAME
    if "BAREWORD" in accepts:
        return M_KEY
    if "BINOP" in accepts:
        return M_OPERATOR
    return M_OPERAND


# Binary operators: name -> (canonical operator, precedence).  PowerShell's precedence levels:
# 1 logical, 2 bitwise, 3 comparison, 4 additive, 5 multiplicative, 6 format, 7 range.
_COMPARISON = ("eq ne gt ge lt le like notlike match notmatch contains notcontains in notin "
               "replace split").split()  # fmt: skip
BINARY_OPERATORS: dict[str, tuple[str, int]] = {}
for _name in _COMPARISON:
    for _prefix in ("", "i", "c"):
        BINARY_OPERATORS[_prefix + _name] = ("-" + _prefix + _name, 3)
for _name in ("join", "is", "isnot", "as", "shl", "shr"):
    BINARY_OPERATORS[_name] = ("-" + _name, 3)
for _name in ("and", "or", "xor"):
    BINARY_OPERATORS[_name] = ("-" + _name, 1)
for _name in ("band", "bor", "bxor"):
    BINARY_OPERATORS[_name] = ("-" + _name, 2)
BINARY_OPERATORS["f"] = ("-f", 6)
UNARY_OPERATORS = {"not": "-not", "bnot": "-bnot", "split": "-split", "join": "-join",
                   "isplit": "-isplit", "csplit": "-csplit"}  # fmt: skip

PLUS_OP = ("+", 4)
MINUS_OP = ("-", 4)
_SYMBOL_OPERATORS = {"*": ("*", 5), "/": ("/", 5), "%": ("%", 5)}
RANGE_OP = ("..", 7)

_STREAMS = {"": "Output", "1": "Output", "2": "Error", "3": "Warning", "4": "Verbose",
            "5": "Debug", "6": "Information", "*": "All"}  # fmt: skip

# Punctuation that reads the same in every mode.
_SIMPLE = {"(": "LPAREN", ")": "RPAREN", "{": "LBRACE", "}": "RBRACE", ";": "_SEMI"}
# Characters that may start white space, a comment or a line continuation.
_SKIP_START = frozenset(" \t\v\f\xa0\x85\u1680\u2028\u2029\u202f\u205f\u3000#`<") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
KEYWORD_TERMINALS = frozenset(KEYWORDS.values())

_FAST_VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_FAST_PARAMETER = re.compile(r"-([A-Za-z_][A-Za-z0-9_\-]*)(:?)")
_FAST_OPERATOR = re.compile(r"-([A-Za-z]+)(?![A-Za-z0-9_])")
# First-character classes for the fast paths of ``Lexer.next``.
_OTHER, _LETTER, _SIMPLE_PUNCTUATION, _DOLLAR, _HYPHEN, _DOT, _NEWLINE = range(7)
_CHAR_CLASS = {chr(c): _LETTER for c in range(ord("a"), ord("z") + 1)}
_CHAR_CLASS.update({chr(c): _LETTER for c in range(ord("A"), ord("Z") + 1)})
_CHAR_CLASS.update({c: _SIMPLE_PUNCTUATION for c in "(){};"})
_CHAR_CLASS.update({"$": _DOLLAR, "-": _HYPHEN, ".": _DOT, "\n": _NEWLINE, "\r": _NEWLINE})
_FAST_MEMBER = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)")
# Quoted strings with nothing to escape, expand or double (no quote may follow the closing one).
_PLAIN_SINGLE_QUOTED = re.compile("'([^'\u2018\u2019\u201a\u201b]*)'(?!['\u2018\u2019\u201a\u201b])")
_PLAIN_DOUBLE_QUOTED = re.compile('"([^"`$\u201c\u201d\u201e]*)"(?!["\u201c\u201d\u201e])')


def _digit_redirection(text: str, pos: int):
    """A redirection operator at ``pos`` (``>``, ``>>``, ``2>``, ``2>&1``, ``*>`` ...) or None."""
    c = text[pos : pos + 1]
    start = pos
    stream = ""
    if c in "123456*" and c:
        if text[pos + 1 : pos + 2] != ">":
            return None
        stream = c
        pos += 1
    elif c != ">":
        return None
    pos += 1
    if text[pos : pos + 1] == "&":
        target = text[pos + 1 : pos + 2]
        if target in ("1", "2"):
            return "MERGE", (_STREAMS[stream], _STREAMS[target]), start, pos + 2
        return None
    append = text[pos : pos + 1] == ">"
    if append:
        pos += 1
    return "REDIRECTION", (_STREAMS[stream], append), start, pos


# ------------------------------------------------------------------ the lexer


class Lexer:
    """Tokens for one script text; ``next(stack)`` lexes the next token for that LALR stack.

    ``view`` describes the parse table: ``modes[state]``, ``accepts[state]`` (frozensets of
    terminal names), ``newline[state]`` (0: never, 1: shift, 2: after reductions) and
    ``can_shift(stack, terminal)``.
    """

    def __init__(self, text: str, source, view):
        self.text = text
        self.length = len(text)
        self.source = source
        self.view = view
        self.modes = view.modes
        self.accepts = view.accepts
        self.newline = view.newline
        self.keywords = view.keywords
        self.pos = 0
        self.pending_space = False

    # ---------------------------------------------------------------- entry point

    def next(self, stack):
        state = stack[-1]
        mode = self.modes[state]
        if mode is None:
            mode = self.view.describe(state)
        if mode >= M_DQ:
            return self._continue_string(mode)
        text = self.text
        pos = self.pos
        space = self.pending_space
        if space:
            self.pending_space = False
        c = text[pos : pos + 1]
        if c == " ":
            pos += 1
            c = text[pos : pos + 1]
            space = True
        if c in _SKIP_START:
            m = SKIP_RE.match(text, pos)
            if m is not None:
                pos = m.end()
                space = True
                c = text[pos : pos + 1]
        kind = _CHAR_CLASS.get(c, _OTHER)
        if kind == _LETTER:
            if mode == M_ARGUMENT or mode == M_STATEMENT:
                m = PLAIN_WORD_RE.match(text, pos)
                end = m.end()
                if end >= self.length or text[end] in TOKEN_END:
                    word = m.group()
                    keywords = self.keywords[state]
                    if keywords:
                        keyword = KEYWORDS.get(word.lower())
                        if keyword is not None and keyword in keywords:
                            self.pos = end
                            return Token(keyword, None, pos, end, space)
                    self.pos = end
                    node = N.StringConstant(Extent(self.source, pos, end), word, "BareWord")
                    return Token("GENERIC" if mode == M_ARGUMENT else "COMMAND_NAME", node, pos, end, space)
        elif kind == _SIMPLE_PUNCTUATION:
            self.pos = pos + 1
            return Token(_SIMPLE[c], None, pos, pos + 1, space)
        elif kind == _DOLLAR:
            if mode != M_FUNCNAME:
                m = _FAST_VARIABLE.match(text, pos)
                if m is not None:
                    end = m.end()
                    follow = text[end : end + 1]
                    if not follow or (follow in TOKEN_END if mode == M_ARGUMENT else follow < "\x80" and follow not in ":?"):
                        self.pos = end
                        node = N.Variable(Extent(self.source, pos, end), m.group(1), False)
                        return Token("VARIABLE", node, pos, end, space)
        elif kind == _HYPHEN:
            if mode == M_ARGUMENT:
                m = _FAST_PARAMETER.match(text, pos)
                if m is not None and "PARAMETER" in self.accepts[state]:
                    end = m.end()
                    follow = text[end : end + 1]
                    if not follow or follow in TOKEN_END:
                        self.pos = end
                        if m.group(2):
                            return Token("PARAMETER_COLON", m.group(1), pos, end, space)
                        return Token("PARAMETER", m.group(1), pos, end, space)
            elif mode == M_OPERATOR:
                m = _FAST_OPERATOR.match(text, pos)
                if m is not None:
                    binary = BINARY_OPERATORS.get(m.group(1).lower())
                    if binary is not None and "UNARYOP" not in self.accepts[state]:
                        end = m.end()
                        self.pos = end
                        return Token("BINOP", binary, pos, end, space)
        elif kind == _DOT:
            if not space and (mode == M_OPERATOR or mode == M_ARGUMENT):
                m = _FAST_MEMBER.match(text, pos)
                if m is not None and "MEMBER" in self.accepts[state]:
                    end = m.end()
                    member = N.StringConstant(Extent(self.source, pos + 1, end), m.group(1), "BareWord")
                    if text[end : end + 1] == "(":
                        self.pos = end + 1
                        return Token("METHOD", (member, False), pos, end + 1, space)
                    self.pos = end
                    return Token("MEMBER", (member, False), pos, end, space)
        elif kind == _NEWLINE:
            q = SKIP_NL_RE.match(text, pos).end()
            newline = self.newline[state]
            emit = newline == 1 or (newline == 2 and self.view.can_shift(stack, "_NL"))
            if emit and q < self.length and text[q] in "eEcCfF":
                word = IDENTIFIER_RE.match(text, q)
                if word is not None:
                    keyword = CONTINUATION_KEYWORDS.get(word.group().lower())
                    if keyword is not None and self.view.can_shift(stack, keyword):
                        emit = False
            if emit:
                self.pos = q
                self.pending_space = True
                return Token("_NL", None, pos, pos + 1, space)
            pos = q
            space = True
            c = text[pos : pos + 1]
            if c in _SIMPLE:
                self.pos = pos + 1
                return Token(_SIMPLE[c], None, pos, pos + 1, space)
        if not c:
            self.pos = pos
            return Token("$END", None, pos, pos, space)
        if c == "`" and pos + 1 >= self.length:
            raise LexError("IncompleteString", self.length, self.length, incomplete=True)
        if c == "<" and text.startswith("<#", pos):
            raise LexError("MissingTerminatorMultiLineComment", pos, self.length, incomplete=True)
        if mode == M_ARGUMENT:
            token = self._argument(pos, c, space, self.accepts[state], self.keywords[state])
        elif mode == M_OPERATOR:
            token = self._operator(pos, c, space, self.accepts[state], self.keywords[state])
        elif mode == M_STATEMENT:
            token = self._statement(pos, c, space, self.accepts[state], self.keywords[state])
        elif mode == M_KEY:
            token = self._key(pos, c, space, self.accepts[state], self.keywords[state])
        elif mode == M_FUNCNAME:
            token = self._function_name(pos, c, space)
        else:
            token = self._operand(pos, c, space, self.accepts[state], self.keywords[state])
        self.pos = token.end
        return token

    # ---------------------------------------------------------------- shared pieces

    def _extent(self, start: int, end: int):
        return Extent(self.source, start, end)

    def _punctuation(self, pos, c, space, accepts):
        """``|``, ``||`` and ``&&`` (the rest of the punctuation is read in ``next``)."""
        text = self.text
        if c == "|":
            if text.startswith("||", pos):
                return Token("OROR", None, pos, pos + 2, space)
            return Token("PIPE", None, pos, pos + 1, space)
        if c == "&" and text.startswith("&&", pos):
            return Token("ANDAND", None, pos, pos + 2, space)
        if c in _SIMPLE:
            return Token(_SIMPLE[c], None, pos, pos + 1, space)
        return None

    def _keyword(self, pos, space, keywords):
        """A keyword the state accepts, or None."""
        m = IDENTIFIER_RE.match(self.text, pos)
        if m is None:
            return None
        end = m.end()
        if end < self.length and self.text[end] not in TOKEN_END:
            return None
        keyword = KEYWORDS.get(m.group().lower())
        if keyword is not None and keyword in keywords:
            return Token(keyword, None, pos, end, space)
        return None

    def _variable(self, pos, space, command_mode):
        """``$name``, ``${name}``, ``$scope:name``; in command mode ``$a\\b`` is a bare word."""
        text = self.text
        start = pos
        pos += 1
        c = text[pos : pos + 1]
        if c == "{":
            end, path = self._braced_variable(start)
        elif c and (c in "$?^"):
            path = c
            end = pos + 1
        elif c and is_variable_start(c) and (m := VAR_NAME_RE.match(text, pos)) is not None:
            end = m.end()
            path = m.group()
        else:
            return None
        if command_mode and end < self.length:
            follow = text[end]
            if follow not in TOKEN_END and follow != "." and follow != "[":
                return self._generic(start, space, "GENERIC")
        self._check_variable_path(path, start, end)
        return Token("VARIABLE", N.variable(self._extent(start, end), path), start, end, space)

    def _braced_variable(self, start):
        text = self.text
        pos = start + 2
        chars = []
        while True:
            if pos >= self.length:
                raise LexError("IncompleteDollarVariableReference", start, start + 1, incomplete=True)
            c = text[pos]
            if c == "}":
                break
            if c == "`" and pos + 1 < self.length:
                pos += 1
                c = ESCAPES.get(text[pos], text[pos])
            chars.append(c)
            pos += 1
        path = "".join(chars)
        if not path:
            raise LexError("EmptyVariableReference", pos, pos + 1)
        return pos + 1, path

    def _check_variable_path(self, path, start, end):
        prefix, colon, name = path.partition(":")
        if colon and not name:
            raise LexError("InvalidVariableReferenceWithDrive", start, end)

    def _splat(self, pos, space):
        m = VAR_NAME_RE.match(self.text, pos + 1)
        end = m.end()
        path = m.group()
        return Token("SPLAT", N.Variable(self._extent(pos, end), path, True), pos, end, space)

    def _at(self, pos, space, command_mode):
        """``@(``, ``@{``, here-strings and ``@splat``; None if ``@`` starts a bare word."""
        text = self.text
        c = text[pos + 1 : pos + 2]
        if c == "(":
            return Token("ARRAYEXPR", None, pos, pos + 2, space)
        if c == "{":
            return Token("HASHSTART", None, pos, pos + 2, space)
        if c and c in DOUBLE_QUOTES + SINGLE_QUOTES:
            header = WHITESPACE_RE.match(text, pos + 2)
            after = header.end() if header else pos + 2
            if after >= self.length or text[after] in "\r\n":
                return self._here_string(pos, space, c in DOUBLE_QUOTES, after)
            if after < self.length:
                raise LexError("UnexpectedCharactersAfterHereStringHeader", pos + 2, pos + 2)
        if c and is_variable_start(c) and c not in "$^:":
            m = VAR_NAME_RE.match(text, pos + 1)
            end = m.end()
            if not command_mode or end >= self.length or text[end] in TOKEN_END:
                return self._splat(pos, space)
        return None

    # ---------------------------------------------------------------- numbers

    def _number(self, pos, space, command_mode):
        """A number literal at ``pos`` (optionally signed), or None if the text is no number."""
        text = self.text
        start = pos
        c = text[pos]
        negative = False
        if c in DASHES:
            negative = True
            pos += 1
        real = False
        hex_digits = None
        if text.startswith(("0x", "0X"), pos):
            m = HEX_RE.match(text, pos + 2)
            if m is None:
                return None
            hex_digits = m.group()
            pos = m.end()
        else:
            m = DIGITS_RE.match(text, pos)
            if m is not None:
                pos = m.end()
            if text[pos : pos + 1] == "." and text[pos + 1 : pos + 2] != ".":
                m2 = DIGITS_RE.match(text, pos + 1)
                if m is None and m2 is None:
                    return None
                real = True
                pos = m2.end() if m2 is not None else pos + 1
            elif m is None:
                return None
            if text[pos : pos + 1] in ("e", "E"):
                q = pos + 1
                if text[q : q + 1] in ("+",) or (text[q : q + 1] and text[q] in DASHES):
                    q += 1
                m3 = DIGITS_RE.match(text, q)
                if m3 is not None:
                    real = True
                    pos = m3.end()
        digits_end = pos
        suffix = text[pos : pos + 1].lower()
        if suffix in ("l", "d"):
            pos += 1
        else:
            suffix = ""
        multiplier = 1
        unit = text[pos : pos + 2].lower()
        if unit in MULTIPLIERS:
            multiplier = MULTIPLIERS[unit]
            pos += 2
        if pos < self.length:
            follow = text[pos]
            if follow not in TOKEN_END and (command_mode or follow not in NUMBER_END):
                return None
        value = _number_value(text[start:digits_end], negative, real, hex_digits, suffix, multiplier)
        if value is None:
            raise LexError("BadNumericConstant", start, pos, text[start:pos])
        return Token("NUMBER", N.Constant(self._extent(start, pos), value), start, pos, space)

    # ---------------------------------------------------------------- strings

    def _single_quoted(self, pos, space, here=False):
        text = self.text
        start = pos
        pos += 1
        chars = []
        while True:
            q = _find_any(text, SINGLE_QUOTES, pos)
            if q < 0:
                raise LexError("TerminatorExpectedAtEndOfString", start, self.length, "'", incomplete=True)
            chars.append(text[pos:q])
            if q + 1 < self.length and text[q + 1] in SINGLE_QUOTES:
                chars.append(text[q + 1])
                pos = q + 2
                continue
            end = q + 1
            break
        value = "".join(chars)
        node = N.StringConstant(self._extent(start, end), value, "SingleQuoted")
        return Token("STRING", node, start, end, space)

    def _double_quoted(self, pos, space):
        start = pos
        end, parts, stop = self._scan_expandable(pos + 1, M_DQ)
        if stop == "sub":
            return Token("DQ_BEGIN", (start, parts, end - 2), start, end, space)
        node = _string_node(self._extent(start, end), self.text[start + 1 : end - 1], parts, "DoubleQuoted")
        return Token("STRING", node, start, end, space)

    def _here_string(self, pos, space, expandable, after_header):
        text = self.text
        start = pos
        body = after_header
        if body < self.length and text[body] == "\r":
            body += 1
        if body < self.length and text[body] == "\n":
            body += 1
        if text[body : body + 1] in (DOUBLE_QUOTES if expandable else SINGLE_QUOTES) and text[body + 1 : body + 2] == "@" and text[body:body + 1]:
            # the footer right after the header: an empty here-string
            kind = "DoubleQuotedHereString" if expandable else "SingleQuotedHereString"
            end = body + 2
            return Token("STRING", N.StringConstant(self._extent(start, end), "", kind), start, end, space)
        if not expandable:
            q = _find_here_footer(text, body, SINGLE_QUOTES)
            if q < 0:
                raise LexError("TerminatorExpectedAtEndOfString", start, self.length, "'@", incomplete=True)
            end = _footer_end(text, q)
            value = text[body : _footer_content_end(text, body, q)]
            node = N.StringConstant(self._extent(start, end), value, "SingleQuotedHereString")
            return Token("STRING", node, start, end, space)
        end, parts, stop = self._scan_expandable(body, M_HS, start)
        if stop == "sub":
            return Token("HS_BEGIN", (start, parts, end - 2), start, end, space)
        raw = text[body : _footer_content_end(text, body, _footer_start(text, end))]
        node = _string_node(self._extent(start, end), raw, parts, "DoubleQuotedHereString")
        return Token("STRING", node, start, end, space)

    def _continue_string(self, mode):
        """The text after ``)`` that closes a ``$( ... )`` inside a string or bare word."""
        pos = self.pos
        self.pending_space = False
        end, parts, stop = self._scan_expandable(pos, mode)
        kind = "DQ" if mode == M_DQ else "HS" if mode == M_HS else "BW"
        self.pos = end
        if stop == "sub":
            return Token(kind + "_MID", (pos, parts, end - 2), pos, end, False)
        return Token(kind + "_END", (pos, parts), pos, end, False)

    def _scan_expandable(self, pos, mode, opening=None):
        """Scan expandable text from ``pos`` up to its end or to the next ``$(``.

        Returns ``(end, parts, stop)``: ``stop`` is ``"end"`` (``end`` is just past the closing
        quote, here-string footer or bare word) or ``"sub"`` (``end`` is just past ``$(``).
        ``parts`` are literal strings (escapes applied) and variable nodes.
        """
        text = self.text
        length = self.length
        parts: list = []
        chars: list[str] = []
        start = pos
        while True:
            if mode == M_BW:
                m = PLAIN_WORD_RE.match(text, pos)
                if m is not None:
                    chars.append(m.group())
                    pos = m.end()
                if pos >= length or text[pos] in TOKEN_END:
                    break
            else:
                run = _run_end(text, pos, mode)
                if run > pos:
                    chars.append(text[pos:run])
                    pos = run
                if pos >= length:
                    quote = '"' if mode == M_DQ else '"@'
                    if opening is None:
                        opening = start - 1 if mode == M_DQ else start
                    raise LexError("TerminatorExpectedAtEndOfString", opening, length, quote, incomplete=True)
            c = text[pos]
            if c == "`":
                if pos + 1 < length:
                    nxt = text[pos + 1]
                    chars.append(ESCAPES.get(nxt, nxt))
                    pos += 2
                else:
                    pos += 1
                continue
            if c == "$":
                nxt = text[pos + 1 : pos + 2]
                if nxt == "(":
                    if chars:
                        parts.append("".join(chars))
                    return pos + 2, parts, "sub"
                variable = self._string_variable(pos)
                if variable is None:
                    chars.append("$")
                    pos += 1
                    continue
                if chars:
                    parts.append("".join(chars))
                    chars = []
                parts.append(variable.value)
                pos = variable.end
                continue
            if mode == M_DQ:
                # a double quote: doubled, it stands for itself; alone, it ends the string
                if pos + 1 < length and text[pos + 1] in DOUBLE_QUOTES:
                    chars.append(text[pos + 1])
                    pos += 2
                    continue
                pos += 1
                break
            if mode == M_HS:
                # a newline: the footer ends the string, anything else is text
                line_end = pos + 2 if text.startswith("\r\n", pos) else pos + 1
                if text[line_end : line_end + 1] in DOUBLE_QUOTES and text[line_end + 1 : line_end + 2] == "@":
                    pos = line_end + 2
                    break
                chars.append(text[pos:line_end])
                pos = line_end
                continue
            # a quote inside a bare word: its content joins the word
            if c in SINGLE_QUOTES:
                token = self._single_quoted(pos, False)
                chars.append(token.value.value)
                pos = token.end
                continue
            end, inner, stop = self._scan_expandable(pos + 1, M_DQ)
            if stop == "sub":
                raise LexError("UnexpectedToken", pos, end, text[pos:end])
            for part in inner:
                if type(part) is str:
                    chars.append(part)
                else:
                    if chars:
                        parts.append("".join(chars))
                        chars = []
                    parts.append(part)
            pos = end
        if chars:
            parts.append("".join(chars))
        return pos, parts, "end"

    def _string_variable(self, pos):
        """A variable inside expandable text at ``$``, or None if ``$`` is literal there."""
        text = self.text
        c = text[pos + 1 : pos + 2]
        if c == "{":
            end, path = self._braced_variable(pos)
        elif c and c in "$?^":
            path = c
            end = pos + 2
        elif c and is_variable_start(c) and (m := VAR_NAME_RE.match(text, pos + 1)) is not None:
            end = m.end()
            path = m.group()
        else:
            return None
        self._check_variable_path(path, pos, end)
        return Token("VARIABLE", N.variable(self._extent(pos, end), path), pos, end, False)

    def _string(self, pos, c, space):
        if c == "'":
            m = _PLAIN_SINGLE_QUOTED.match(self.text, pos)
            if m is not None:
                end = m.end()
                node = N.StringConstant(Extent(self.source, pos, end), m.group(1), "SingleQuoted")
                return Token("STRING", node, pos, end, space)
        elif c == '"':
            m = _PLAIN_DOUBLE_QUOTED.match(self.text, pos)
            if m is not None:
                end = m.end()
                node = N.StringConstant(Extent(self.source, pos, end), m.group(1), "DoubleQuoted")
                return Token("STRING", node, pos, end, space)
        if c in SINGLE_QUOTES:
            return self._single_quoted(pos, space)
        return self._double_quoted(pos, space)

    # ---------------------------------------------------------------- bare words

    def _generic(self, pos, space, ttype):
        """A bare word (PowerShell's generic token) as ``ttype``: ``GENERIC`` (an argument, may
        expand variables), ``COMMAND_NAME`` or ``FUNCNAME`` (always constant text)."""
        text = self.text
        start = pos
        m = PLAIN_WORD_RE.match(text, pos)
        if m is not None:
            end = m.end()
            if end >= self.length or text[end] in TOKEN_END:
                node = N.StringConstant(self._extent(start, end), m.group(), "BareWord")
                return Token(ttype, node, start, end, space)
        if text[pos] in TOKEN_END:  # a character no token can start with (NUL, a stray `&`)
            return Token("UNKNOWN", None, pos, pos + 1, space)
        if ttype != "GENERIC":
            end, value = self._constant_word(pos)
            return Token(ttype, N.StringConstant(self._extent(start, end), value, "BareWord"), start, end, space)
        end, parts, stop = self._scan_expandable(pos, M_BW)
        if stop == "sub":
            return Token("BW_BEGIN", (start, parts, end - 2), start, end, space)
        node = _string_node(self._extent(start, end), text[start:end], parts, "BareWord")
        return Token("GENERIC", node, start, end, space)

    def _constant_word(self, pos):
        """A bare word whose expansions are kept as text (command and function names)."""
        text = self.text
        chars = []
        while pos < self.length:
            c = text[pos]
            if c in TOKEN_END:
                break
            if c == "`" and pos + 1 < self.length:
                chars.append(ESCAPES.get(text[pos + 1], text[pos + 1]))
                pos += 2
            elif c in SINGLE_QUOTES:
                token = self._single_quoted(pos, False)
                chars.append(token.value.value)
                pos = token.end
            elif c in DOUBLE_QUOTES:
                end, _, stop = self._scan_expandable(pos + 1, M_DQ)
                if stop == "sub":
                    end = _skip_balanced(text, end)
                chars.append(text[pos + 1 : end - 1])
                pos = end
            elif c == "$" and text.startswith("$(", pos):
                end = _skip_balanced(text, pos + 2)
                chars.append(text[pos:end])
                pos = end
            else:
                chars.append(c)
                pos += 1
        return pos, "".join(chars)

    # ---------------------------------------------------------------- types and attributes

    def _type(self, pos, space):
        """``[TypeName]`` (``TYPE``) or ``[Name(`` (``ATTR``, an attribute's opening)."""
        text = self.text
        start = pos
        pos += 1
        ws = WHITESPACE_RE.match(text, pos)
        if ws is not None:
            pos = ws.end()
        m = TYPE_NAME_RE.match(text, pos)
        if m is None:
            if pos >= self.length:
                raise LexError("MissingTypename", start + 1, start + 1, incomplete=True)
            if text[pos] == "]":
                raise LexError("MissingTypename", start + 1, start + 1)
            end = pos + 1
            raise LexError("UnexpectedToken", pos, end, text[pos:end])
        name_start = pos
        pos = m.end()
        while text.startswith("[", pos):
            pos = self._type_brackets(pos)
        name = text[name_start:pos]
        ws = WHITESPACE_RE.match(text, pos)
        if ws is not None:
            pos = ws.end()
        c = text[pos : pos + 1]
        if c == "]":
            return Token("TYPE", name, start, pos + 1, space)
        if c == "(":
            return Token("ATTR", name, start, pos + 1, space)
        if not c:
            raise LexError("EndSquareBracketExpectedAtEndOfAttribute", pos, pos, incomplete=True)
        raise LexError("EndSquareBracketExpectedAtEndOfAttribute", pos, pos)

    def _type_brackets(self, pos):
        """Skip ``[]``, ``[,]`` or generic arguments ``[string,int]`` after a type name."""
        text = self.text
        depth = 0
        while pos < self.length:
            c = text[pos]
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    return pos + 1
            elif c in "\r\n":
                break
            pos += 1
        raise LexError("EndSquareBracketExpectedAtEndOfType", pos, pos, incomplete=pos >= self.length)

    # ---------------------------------------------------------------- member access

    def _member(self, pos, space, static):
        """``.Name``, ``.Name(``, ``::Name``, ``.'name'``, ``.$name`` after a value."""
        text = self.text
        start = pos
        name_at = pos + (2 if static else 1)
        m = IDENTIFIER_RE.match(text, name_at)
        if m is not None:
            end = m.end()
            member = N.StringConstant(self._extent(name_at, end), m.group(), "BareWord")
        else:
            c = text[name_at : name_at + 1]
            if c and c in SINGLE_QUOTES + DOUBLE_QUOTES:
                token = self._string(name_at, c, False)
                if token.type != "STRING":
                    raise LexError("MissingPropertyName", name_at, name_at)
                member = token.value
                end = token.end
            elif c == "$":
                token = self._variable(name_at, False, False)
                if token is None:
                    raise LexError("MissingPropertyName", name_at, name_at)
                member = token.value
                end = token.end
            else:
                raise LexError("MissingPropertyName", name_at, name_at, incomplete=name_at >= self.length)
        if text[end : end + 1] == "(":
            return Token("METHOD", (member, static), start, end + 1, space)
        return Token("MEMBER", (member, static), start, end, space)

    def _postfix(self, pos, c, space, accepts):
        """Member access or indexing touching the previous value, or None."""
        if space or "MEMBER" not in accepts:
            return None
        text = self.text
        if c == ".":
            nxt = text[pos + 1 : pos + 2]
            if nxt != "." and not (nxt.isdigit() and "BINOP" not in accepts):
                return self._member(pos, space, False)
            return None
        if c == ":" and text.startswith("::", pos):
            return self._member(pos, space, True)
        if c == "[" and "TYPE" not in accepts:  # after a type literal `[` starts a cast chain
            return Token("LBRACKET", None, pos, pos + 1, space)
        return None

    # ---------------------------------------------------------------- modes

    def _word(self, pos, space, keywords, ttype):
        """A bare word, or a keyword when the state accepts that keyword."""
        text = self.text
        m = PLAIN_WORD_RE.match(text, pos)
        if m is not None:
            end = m.end()
            if end >= self.length or text[end] in TOKEN_END:
                word = m.group()
                if keywords:
                    keyword = KEYWORDS.get(word.lower())
                    if keyword is not None and keyword in keywords:
                        return Token(keyword, None, pos, end, space)
                node = N.StringConstant(Extent(self.source, pos, end), word, "BareWord")
                return Token(ttype, node, pos, end, space)
            if keywords:
                token = self._keyword(pos, space, keywords)
                if token is not None:
                    return token
        return self._generic(pos, space, ttype)

    def _statement(self, pos, c, space, accepts, keywords):
        """The start of a statement or pipeline element: keyword, expression or command."""
        text = self.text
        if c.isalpha():
            return self._word(pos, space, keywords, "COMMAND_NAME")
        if c == "$":
            if text.startswith("$(", pos):
                return Token("SUBEXPR", None, pos, pos + 2, space)
            token = self._variable(pos, space, False)
            if token is not None:
                return token
        elif c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
            return self._string(pos, c, space)
        elif c == "|" or c == "&" and text.startswith("&&", pos):
            return self._punctuation(pos, c, space, accepts)
        elif c == "@":
            token = self._at(pos, space, False)
            if token is not None:
                return token
        elif c.isdigit() or (c == "." and text[pos + 1 : pos + 2].isdigit()):
            token = self._number(pos, space, False)
            if token is not None:
                return token
        elif c in DASHES:
            token = self._unary_dash(pos, space, accepts, statement=True)
            if token is not None:
                return token
        elif c == "[":
            return self._type(pos, space)
        elif c == "&":
            return Token("INVOKE", "&", pos, pos + 1, space)
        elif c == ".":
            nxt = text[pos + 1 : pos + 2]
            if not nxt or nxt in TOKEN_END or nxt == "$" or nxt in DOUBLE_QUOTES or nxt in SINGLE_QUOTES:
                return Token("INVOKE", ".", pos, pos + 1, space)
        elif c == "!" or c == "+" or c == ",":
            return self._unary_symbol(pos, c, space, accepts)
        elif c == ":":
            m = LABEL_RE.match(text, pos)
            if m is not None and "LABEL" in accepts:
                return Token("LABEL", m.group(1), pos, m.end(), space)
        return self._generic(pos, space, "COMMAND_NAME")

    def _operand(self, pos, c, space, accepts, keywords):
        """An expression operand (or, for error messages, whatever stands there)."""
        text = self.text
        if c == "$":
            if text.startswith("$(", pos):
                return Token("SUBEXPR", None, pos, pos + 2, space)
            token = self._variable(pos, space, False)
            if token is not None:
                return token
        elif c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
            return self._string(pos, c, space)
        elif c.isdigit() or (c == "." and text[pos + 1 : pos + 2].isdigit()):
            token = self._number(pos, space, False)
            if token is not None:
                return token
        elif c == "@":
            token = self._at(pos, space, False)
            if token is not None:
                return token
        elif c in DASHES:
            token = self._unary_dash(pos, space, accepts, statement=False)
            if token is not None:
                return token
        elif c == "[":
            return self._type(pos, space)
        elif c == "!" or c == "+" or c == ",":
            return self._unary_symbol(pos, c, space, accepts)
        elif c == "|" or c == "&":
            token = self._punctuation(pos, c, space, accepts)
            if token is not None:
                return token
        elif c.isalpha():
            return self._word(pos, space, keywords, "COMMAND_NAME")
        elif c == "]":
            return Token("RBRACKET", None, pos, pos + 1, space)
        elif c == "=":
            return Token("EQUALS", "=", pos, pos + 1, space)
        return self._generic(pos, space, "COMMAND_NAME")

    def _key(self, pos, c, space, accepts, keywords):
        """A hash-table key, attribute argument name or jump label: a simple name, else an operand."""
        if c.isalpha() or c == "_":
            if keywords:
                token = self._keyword(pos, space, keywords)
                if token is not None:
                    return token
            m = IDENTIFIER_RE.match(self.text, pos)
            end = m.end()
            node = N.StringConstant(Extent(self.source, pos, end), m.group(), "BareWord")
            return Token("BAREWORD", node, pos, end, space)
        return self._operand(pos, c, space, accepts, keywords)

    def _function_name(self, pos, c, space):
        token = self._punctuation(pos, c, space, ())
        if token is not None:
            return token
        return self._generic(pos, space, "FUNCNAME")

    def _unary_dash(self, pos, space, accepts, statement):
        """A dash where an operand may start: ``-5``, ``-not``, ``--``, ``-``."""
        text = self.text
        nxt = text[pos + 1 : pos + 2]
        if nxt.isdigit() or (nxt == "." and text[pos + 2 : pos + 3].isdigit()):
            token = self._number(pos, space, False)
            if token is not None:
                return token
        if nxt.isalpha():
            m = IDENTIFIER_RE.match(text, pos + 1)
            end = m.end()
            word = m.group().lower()
            operator = UNARY_OPERATORS.get(word)
            if operator is not None and (end >= self.length or not (text[end].isalnum() or text[end] == "_")):
                return Token("UNARYOP", operator, pos, end, space)
            if statement:
                return None  # a command whose name starts with a dash
            binary = BINARY_OPERATORS.get(word)
            if binary is not None:
                return Token("BINOP", binary, pos, end, space)
            return Token("PARAMETER", m.group(), pos, end, space)
        if nxt and nxt in DASHES:
            return Token("PREDEC", "--", pos, pos + 2, space)
        if nxt == "=":
            return Token("ASSIGNOP", "-=", pos, pos + 2, space)
        if "UMINUS" in accepts or "MINUS" not in accepts:
            return Token("UMINUS", "-", pos, pos + 1, space)
        return Token("MINUS", MINUS_OP, pos, pos + 1, space)

    def _unary_symbol(self, pos, c, space, accepts):
        if c == "!":
            return Token("UNARYOP", "!", pos, pos + 1, space)
        if c == ",":
            if "COMMA" in accepts:
                return Token("COMMA", None, pos, pos + 1, space)
            return Token("UCOMMA", ",", pos, pos + 1, space)
        if self.text.startswith("++", pos):
            return Token("PREINC", "++", pos, pos + 2, space)
        if self.text.startswith("+=", pos):
            return Token("ASSIGNOP", "+=", pos, pos + 2, space)
        if "UPLUS" in accepts or "PLUS" not in accepts:
            return Token("UPLUS", "+", pos, pos + 1, space)
        return Token("PLUS", PLUS_OP, pos, pos + 1, space)

    def _operator(self, pos, c, space, accepts, keywords):
        """After an operand: operators, member access, indexing, closers, redirections."""
        text = self.text
        if not space and (c == "." or c == "[" or c == ":") and "MEMBER" in accepts:
            token = self._postfix(pos, c, space, accepts)
            if token is not None:
                return token
        if c in DASHES:
            nxt = text[pos + 1 : pos + 2]
            if nxt.isalpha():
                m = IDENTIFIER_RE.match(text, pos + 1)
                end = m.end()
                word = m.group().lower()
                if "UNARYOP" in accepts and word in UNARY_OPERATORS:
                    return Token("UNARYOP", UNARY_OPERATORS[word], pos, end, space)
                binary = BINARY_OPERATORS.get(word)
                if binary is not None:
                    return Token("BINOP", binary, pos, end, space)
                return self._parameter(pos, space, True)
            if nxt and nxt in DASHES:
                if "PREDEC" in accepts:
                    return Token("PREDEC", "--", pos, pos + 2, space)
                return Token("POSTDEC", "--", pos, pos + 2, space)
            if nxt == "=":
                return Token("ASSIGNOP", "-=", pos, pos + 2, space)
            if "UMINUS" in accepts and (nxt.isdigit() or nxt == "$"):
                return self._unary_dash(pos, space, accepts, statement=False)
            return Token("MINUS", MINUS_OP, pos, pos + 1, space)
        if c == "=":
            return Token("EQUALS", "=", pos, pos + 1, space)
        if c == ",":
            return Token("COMMA" if "COMMA" in accepts else "UCOMMA", ",", pos, pos + 1, space)
        if c == "|" or c == "&":
            token = self._punctuation(pos, c, space, accepts)
            if token is not None:
                return token
            return Token("AMPERSAND", None, pos, pos + 1, space)
        if c == "]":
            return Token("RBRACKET", None, pos, pos + 1, space)
        if c == "+":
            if text.startswith("++", pos):
                return Token("PREINC" if "PREINC" in accepts else "POSTINC", "++", pos, pos + 2, space)
            if text.startswith("+=", pos):
                return Token("ASSIGNOP", "+=", pos, pos + 2, space)
            return Token("PLUS", PLUS_OP, pos, pos + 1, space)
        if c in "*/%":
            if text.startswith("=", pos + 1):
                return Token("ASSIGNOP", c + "=", pos, pos + 2, space)
            if c == "*" and text.startswith("*>", pos):
                return self._redirection(pos, space)
            return Token("BINOP", _SYMBOL_OPERATORS[c], pos, pos + 1, space)
        if c == "." and text.startswith("..", pos):
            return Token("BINOP", RANGE_OP, pos, pos + 2, space)
        if c == ">" or (c in "123456" and text.startswith(">", pos + 1)):
            return self._redirection(pos, space)
        if c == "<":
            return Token("REDIRECT_IN", None, pos, pos + 1, space)
        if c.isalpha() and keywords:
            token = self._keyword(pos, space, keywords)
            if token is not None:
                return token
        return self._operand(pos, c, space, accepts, keywords)

    def _redirection(self, pos, space):
        found = _digit_redirection(self.text, pos)
        if found is None:
            return Token("REDIRECTION", ("Output", False), pos, pos + 1, space)
        ttype, value, start, end = found
        return Token(ttype, value, start, end, space)

    def _parameter(self, pos, space, expression_mode):
        """``-Name`` or ``-Name:`` (command mode), as PowerShell's ScanParameter reads it."""
        text = self.text
        end = pos + 1
        colon = False
        while end < self.length:
            c = text[end]
            if c in TOKEN_END or c in ".[":
                break
            if c == ":":
                colon = True
                break
            if c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
                if expression_mode:
                    break
                return self._generic(pos, space, "GENERIC")
            if expression_mode and not (c.isalnum() or c == "_"):
                break
            end += 1
        name = text[pos + 1 : end]
        if colon and not expression_mode:
            return Token("PARAMETER_COLON", name, pos, end + 1, space)
        return Token("PARAMETER", name, pos, end, space)

    def _argument(self, pos, c, space, accepts, keywords):
        """A command argument position: parameters, bare words, values, redirections."""
        text = self.text
        if c in DASHES:
            nxt = text[pos + 1 : pos + 2]
            if nxt.isalpha() or nxt == "_" or nxt == "?":
                if "PARAMETER" in accepts:
                    return self._parameter(pos, space, False)
            elif nxt and nxt in DASHES:
                after = text[pos + 2 : pos + 3]
                if (not after or after in TOKEN_END) and "DASHDASH" in accepts:
                    return Token("DASHDASH", None, pos, pos + 2, space)
            elif nxt.isdigit() or nxt == ".":
                token = self._number(pos, space, True)
                if token is not None:
                    return token
            return self._generic(pos, space, "GENERIC")
        if c.isalpha():
            return self._word(pos, space, keywords, "GENERIC")
        if c == "$":
            if text.startswith("$(", pos):
                return Token("SUBEXPR", None, pos, pos + 2, space)
            token = self._variable(pos, space, True)
            if token is not None:
                return token
            return self._generic(pos, space, "GENERIC")
        if c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
            return self._string(pos, c, space)
        if not space and (c == "." or c == "[" or c == ":") and "MEMBER" in accepts:
            token = self._postfix(pos, c, space, accepts)
            if token is not None:
                return token
        if c == ",":
            return Token("COMMA", None, pos, pos + 1, space)
        if c == "|" or c == "&":
            token = self._punctuation(pos, c, space, accepts)
            if token is not None:
                return token
            return Token("AMPERSAND", None, pos, pos + 1, space)
        if c.isdigit():
            if text[pos + 1 : pos + 2] == ">":
                return self._redirection(pos, space)
            token = self._number(pos, space, True)
            if token is not None:
                return token
            return self._generic(pos, space, "GENERIC")
        if c == "@":
            token = self._at(pos, space, True)
            if token is not None:
                return token
            return self._generic(pos, space, "GENERIC")
        if c == ">" or (c == "*" and text.startswith("*>", pos)):
            return self._redirection(pos, space)
        if c == "<":
            return Token("REDIRECT_IN", None, pos, pos + 1, space)
        if c == "." and text[pos + 1 : pos + 2].isdigit():
            token = self._number(pos, space, True)
            if token is not None:
                return token
        return self._generic(pos, space, "GENERIC")


# ------------------------------------------------------------------ helpers


def _find_any(text: str, chars: str, pos: int) -> int:
    best = -1
    for ch in chars:
        q = text.find(ch, pos)
        if q >= 0 and (best < 0 or q < best):
            best = q
    return best


def _run_end(text: str, pos: int, mode: int) -> int:
    """End of the run of plain characters from ``pos`` in a double-quoted or here-string."""
    length = len(text)
    specials = "`$\"\u201c\u201d\u201e" if mode == M_DQ else "`$\r\n"
    end = pos
    while end < length and text[end] not in specials:
        end += 1
    return end


def _find_here_footer(text: str, pos: int, quotes: str) -> int:
    """Offset of the newline before the here-string footer (``'@`` at a line start), or -1."""
    while True:
        q = text.find("\n", pos)
        if q < 0:
            return -1
        if text[q + 1 : q + 2] in quotes and text[q + 1 : q + 2] and text[q + 2 : q + 3] == "@":
            return q
        pos = q + 1


def _footer_end(text: str, newline: int) -> int:
    return newline + 3


def _footer_start(text: str, end: int) -> int:
    """The newline before a footer ending at ``end`` (``\\n"@`` or ``\\r\\n"@``)."""
    return end - 3


def _footer_content_end(text: str, body: int, newline: int) -> int:
    if newline > body and text[newline - 1] == "\r":
        return newline - 1
    return max(newline, body)


def _skip_balanced(text: str, pos: int) -> int:
    """Past the ``)`` that closes a ``$(`` opened just before ``pos`` (best effort)."""
    depth = 1
    while pos < len(text):
        c = text[pos]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return pos + 1
        elif c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
            q = _find_any(text, SINGLE_QUOTES if c in SINGLE_QUOTES else DOUBLE_QUOTES, pos + 1)
            if q < 0:
                break
            pos = q
        pos += 1
    raise LexError("IncompleteDollarSubexpressionReference", pos, pos, incomplete=True)


def _string_node(extent, raw: str, parts: list, kind: str):
    """A constant string node when nothing expands, else an expandable one."""
    if all(type(part) is str for part in parts):
        return N.StringConstant(extent, "".join(parts), kind)
    return N.ExpandableString(extent, raw, tuple(parts), kind)


def _number_value(literal: str, negative: bool, real: bool, hex_digits, suffix: str, multiplier: int):
    """The value of a number literal as PowerShell types it (None if it has none)."""
    if suffix == "d":
        from decimal import Decimal, InvalidOperation

        try:
            return Decimal(literal.replace("\u2013", "-").replace("\u2014", "-").replace("\u2015", "-")) * multiplier
        except InvalidOperation:
            return None
    if hex_digits is not None:
        value = int(hex_digits, 16)
        if len(hex_digits) <= 8:
            value = value - (1 << 32) if value >= 1 << 31 else value
        elif len(hex_digits) <= 16:
            value = value - (1 << 64) if value >= 1 << 63 else value
        else:
            return None
        if negative:
            value = -value
        return value * multiplier
    body = literal.lstrip("-\u2013\u2014\u2015")
    if real:
        # an exponent's sign may be any dash PowerShell accepts (1e\u20139)
        value = float(body.replace("\u2013", "-").replace("\u2014", "-").replace("\u2015", "-")) * multiplier
        if negative:
            value = -value
        if suffix == "l":
            return int(round(value)) if -(2.0**63) <= value < 2.0**63 else None  # beyond Int64: not a number
        return value
    value = int(body) * multiplier
    if negative:
        value = -value
    if -(1 << 63) <= value < 1 << 63:
        return value
    if suffix == "l":
        return None  # 9223372036854775808l: no Int64 holds it
    from decimal import Decimal

    if len(body) <= 28:
        return Decimal(value)
    return float(value)
