"""``tokenize``: tolerant tokens for highlighting and completion (comments included, never raises)."""

from __future__ import annotations

import pytest

from emshell.language import tokenize


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Get-UMService -Identity EX01 | Set-UMService -UMStartupMode Dual # go",
            [("command", "Get-UMService"), ("parameter", "-Identity"), ("argument", "EX01"), ("operator", "|"),
             ("command", "Set-UMService"), ("parameter", "-UMStartupMode"), ("argument", "Dual"),
             ("comment", "# go")],
        ),
        (
            'if ($x -eq 1) { "a $b" }',
            [("keyword", "if"), ("punctuation", "("), ("variable", "$x"), ("operator", "-eq"), ("number", "1"),
             ("punctuation", ")"), ("punctuation", "{"), ("string", '"a $b"'), ("punctuation", "}")],
        ),
        ('Get-Foo "unterminated', [("command", "Get-Foo"), ("error", '"unterminated')]),
        ("1 2 3; Get-Bar", [("number", "1"), ("error", "2"), ("number", "3"), ("punctuation", ";"),
                            ("command", "Get-Bar")]),
        ('$x.Name.Split(",")', [("variable", "$x"), ("member", ".Name"), ("member", ".Split("), ("string", '","'),
                                ("punctuation", ")")]),
        ("<# help #>\n[int]$n = 5", [("comment", "<# help #>"), ("newline", "\n"), ("type", "[int]"),
                                     ("variable", "$n"), ("operator", "="), ("number", "5")]),
    ],  # fmt: skip
)
def test_tokens(source, expected):
    assert [(token.kind, token.text) for token in tokenize(source)] == expected


def test_offsets_match_the_text():
    source = "Set-X -A 1 -B:'two' | % { $_ }"
    for token in tokenize(source):
        assert source[token.start : token.end] == token.text
