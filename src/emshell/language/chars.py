"""PowerShell's character classes (its ``CharTraits`` table) and the small scanners built on it.

Only facts are taken from PowerShell: which characters end a token, which start a variable
name, which quote and dash characters count as quotes and dashes.
"""

from __future__ import annotations

import re

# Characters that end a bare word in command mode (``ForceStartNewToken``): whitespace,
# newlines and ``& ( ) , ; { | }``.  Not ``< > = [ ] #``: ``a>b`` and ``a#b`` are one word.
TOKEN_END = frozenset(" \t\v\f\r\n\x00&(),;{|}\xa0\x85\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
# ... and after a number in expression mode (``ForceStartNewTokenAfterNumber``): operators.
NUMBER_END = TOKEN_END | frozenset("!#%*+-./<=>]\u2013\u2014\u2015")

DASHES = "-\u2013\u2014\u2015"  # hyphen, en dash, em dash, horizontal bar
SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = '"\u201c\u201d\u201e'
QUOTES = SINGLE_QUOTES + DOUBLE_QUOTES

# Horizontal white space (PowerShell's IsWhitespace: ASCII blanks, NBSP, NEL, Unicode separators).
_WS = " \\t\\v\\f\\xa0\\x85\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
WHITESPACE_RE = re.compile(f"[{_WS}]+")
# White space, comments and line continuations; stops at a newline (or an unterminated `<#`).
# A backtick before a newline continues the line; before other white space it is ignored.
SKIP_RE = re.compile(f"(?:[{_WS}]+|`(?:\\r\\n|\\n|\\r)|`[{_WS}]+|#[^\\r\\n]*|<#[\\s\\S]*?#>)+")
# The same, newlines included: what separates two significant tokens across lines.
SKIP_NL_RE = re.compile(f"(?:[{_WS}\\r\\n]+|`(?:\\r\\n|\\n|\\r)|`[{_WS}]+|#[^\\r\\n]*|<#[\\s\\S]*?#>)+")

ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}

# Unbraced variable names: letters, digits, `_`, `?` and the `:` of a scope or drive prefix
# (but not `::`, the static member operator).
VAR_NAME_RE = re.compile(r"(?:[^\W]|\?|:(?!:))+")
IDENTIFIER_RE = re.compile(r"[^\W\d]\w*")
LABEL_RE = re.compile(r":([^\W\d]\w*)")
DIGITS_RE = re.compile(r"[0-9]+")
HEX_RE = re.compile(r"[0-9a-fA-F]+")
# A run of bare-word characters with nothing to process (no quote, escape or `$`).
PLAIN_WORD_RE = re.compile(
    f"[^{_WS}\\r\\n\\x00&(),;{{|}}`$'\"\\u2018\\u2019\\u201a\\u201b\\u201c\\u201d\\u201e]+"
)
TYPE_NAME_RE = re.compile(r"[^\W\d][\w.`+]*")

MULTIPLIERS = {"kb": 1024, "mb": 1024**2, "gb": 1024**3, "tb": 1024**4, "pb": 1024**5}


def is_variable_start(c: str) -> bool:
    """May ``c`` follow ``$`` in an unbraced variable name (PowerShell's VarNameFirst)?"""
    return c.isalnum() or c in "_?:$^"
