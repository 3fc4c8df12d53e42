"""Property tests: whatever the input, ``parse`` returns a tree or raises ParseError.

Token soups (fragments of PowerShell glued at random), random printable text and random
code points; the seed is fixed (``derandomize``) and the example counts bounded so the run is
fast and repeatable.  ``tokenize`` must never raise either.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emshell.engine.errors import ParseError
from emshell.language import ast as A
from emshell.language import parse, tokenize

FRAGMENTS = [
    "$x", "$env:X", "${a b}", "@p", "-Name", "-Name:", "--", "Get-UMService", "Set-UMService", "(", ")",
    "{", "}", "[", "]", "[int]", "[Parameter(", "@(", "@{", "$(", '"', "'", '"a $x"', "'q'", '@"\n',
    '\n"@', "@'\n", "\n'@", ",", ";", "\n", "|", "=", "+=", "+", "-", "*", "/", "%", ".", "::", "..",
    "`", "`\n", "#c\n", "<#", "#>", "if", "elseif", "else", "foreach", "in", "for", "while", "do",
    "until", "switch", "default", "try", "catch", "finally", "trap", "throw", "return", "exit", "break",
    "continue", "function", "filter", "param", "begin", "process", "end", ":lbl", "1", "0x1F", "10MB",
    "1.5", "-5", "&", "&&", "||", ">", ">>", "2>&1", "<", "-eq", "-not", "!", "++", "--", "-f", "–",
    "“", "”", "‘", "’", " ", "\t", "$_.Name", ".Count", ".Split(", "Dual", "EX01", "\x00",
]  # fmt: skip

FAST = settings(derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_fails_cleanly(text: str) -> None:
    try:
        tree = parse(text)
    except ParseError as error:
        first = error.errors[0]
        assert first.ErrorId and first.Message
        assert 0 <= first.extent.start_offset <= first.extent.end_offset <= len(text)
        assert error.record.FullyQualifiedErrorId == first.ErrorId
    else:
        assert isinstance(tree, A.ScriptBlockAst)
        assert tree.extent.end_offset == len(text)


@FAST
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join))
def test_token_soup(text):
    parses_or_fails_cleanly(text)


@FAST
@given(st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=60))
def test_printable_text(text):
    parses_or_fails_cleanly(text)


@FAST
@given(st.text(max_size=40))
def test_any_code_points(text):
    parses_or_fails_cleanly(text)


@FAST
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join))
def test_tokenize_never_raises(text):
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
