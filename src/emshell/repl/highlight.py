"""Syntax colouring of the input line: pygments' PowerShell lexer, taught the session's commands.

Pygments colours every ``Verb-Noun`` word as a command and no alias at all; this lexer asks the
session instead, so ``Set-UMService``, ``fl`` and a function defined a minute ago are commands
and ``Set-Nothing`` is not.  Colours follow PSReadLine's defaults (commands yellow, parameters
and operators dark grey, strings dark cyan, variables and keywords green, comments dark green).
Imported only by the REPL (pygments and prompt-toolkit are not needed elsewhere).
"""

from __future__ import annotations

from pygments.lexers.shell import PowerShellLexer
from pygments.token import Name

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

# PSReadLine's default token colours, as prompt-toolkit style strings
STYLE = {
    "pygments.name.builtin": "ansibrightyellow",  # commands
    "pygments.name.attribute": "ansibrightblack",  # parameters
    "pygments.operator": "ansibrightblack",
    "pygments.punctuation": "",
    "pygments.name.variable": "ansigreen",
    "pygments.keyword": "ansigreen",
    "pygments.string": "ansicyan",
    "pygments.comment": "ansigreen",
    "pygments.number": "",
    "pygments.name": "",
}


class EmsPowerShellLexer(PowerShellLexer):
    """PowerShell lexer whose commands are the session's (``known_commands()`` gives their
    lower-case names)."""

    name = "EMS PowerShell"
    aliases = ["ems-powershell"]

    def __init__(self, **options):
        super().__init__(**options)
        self.known_commands: Callable[[], frozenset[str]] = frozenset

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, object, str]]:
        known = self.known_commands()
        for index, token, value in super().get_tokens_unprocessed(text):
            if token in (Name, Name.Builtin) and value[:1] not in ("-", "$"):
                token = Name.Builtin if value.lower() in known else Name
            elif token is Name and value[:1] == "-":
                token = Name.Attribute
            yield index, token, value


def prompt_lexer(known_commands: Callable[[], frozenset[str]]):
    """A prompt-toolkit lexer for the input line."""
    from prompt_toolkit.lexers import PygmentsLexer

    lexer = PygmentsLexer(EmsPowerShellLexer, sync_from_start=True)
    lexer.pygments_lexer.known_commands = known_commands
    return lexer
