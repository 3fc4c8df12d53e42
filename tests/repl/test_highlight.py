"""Input colouring knows the session's commands, not just any Verb-Noun word."""

from __future__ import annotations

from pygments.token import Name

from emshell.repl.highlight import EmsPowerShellLexer


def tokens(text: str, known: set[str]) -> list[tuple[object, str]]:
    lexer = EmsPowerShellLexer()
    lexer.known_commands = lambda: frozenset(known)
    return [(token, value) for _, token, value in lexer.get_tokens_unprocessed(text) if value.strip()]


def test_commands_parameters_and_unknown_words() -> None:
    found = tokens("Set-UMService -Identity MyUMServer1 | fl; Set-Nothing", {"set-umservice", "fl"})
    assert found == [
        (Name.Builtin, "Set-UMService"),
        (Name.Attribute, "-Identity"),
        (Name, "MyUMServer1"),
        (found[3][0], "|"),
        (Name.Builtin, "fl"),
        (found[5][0], ";"),
        (Name, "Set-Nothing"),
    ]


def test_variables_keep_their_colour() -> None:
    found = tokens("$service.Name", {"set-umservice"})
    assert found[0] == (Name.Variable, "$service")
