"""The words of a command's help: what it is for, what each parameter does, examples.

Texts are written for emshell (``core_texts`` for PowerShell's cmdlets and the discovery
commands, ``exchange_texts`` for the Exchange ones).  Where no text was written, the command's
metadata fills in: its ``synopsis`` and ``description``, and for Exchange parameters the
``summary`` of the cmdlet reference.  Nothing about *how* a command is called lives here --
that comes from the metadata alone (``emshell.help.syntax``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from emshell.engine.metadata import CommandMetadata, ParameterMetadata


class CommandText:
    """What help says about one command, before the metadata is merged in."""

    __slots__ = ("synopsis", "description", "parameters", "examples", "related", "notes")

    def __init__(self, synopsis: str = "", description: str = "", parameters: dict[str, str] | None = None,
                 examples: tuple[tuple[str, str], ...] = (), related: tuple[str, ...] = (),
                 notes: str = ""):  # fmt: skip
        self.synopsis = synopsis
        self.description = description
        self.parameters = parameters or {}
        self.examples = examples  # (command line, what it does)
        self.related = related  # names of related commands and topics
        self.notes = notes


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs: blocks separated by an empty line."""
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def _authored(name: str) -> CommandText | None:
    from emshell.help import core_texts, exchange_texts

    return core_texts.TEXTS.get(name) or exchange_texts.TEXTS.get(name)


class CommandHelpText:
    """A command's help text with the metadata merged in: what the help views print."""

    def __init__(self, metadata: CommandMetadata):
        from emshell.help import core_texts

        self.metadata = metadata
        found = _authored(metadata.name)
        authored = found or CommandText()
        # A script function without help gets 5.1's generated, syntax-only help.
        self.generated = found is None and not metadata.synopsis and not metadata.remote and not metadata.description
        self.synopsis = authored.synopsis or metadata.synopsis or metadata.name
        self.description = paragraphs(authored.description or metadata.description or self.synopsis)
        self.examples = tuple(authored.examples) or tuple(metadata.examples)
        self.related = tuple(authored.related) or _same_noun(metadata)
        self.notes = paragraphs(authored.notes)
        self._own = authored.parameters
        self._shared = core_texts.SHARED if not (metadata.remote or self.generated) else {}

    def parameter(self, parameter: ParameterMetadata) -> str:
        """The description of one parameter."""
        if self.generated:
            return ""
        return (self._own.get(parameter.name) or parameter.summary or self._shared.get(parameter.name)
                or _should_process_text(parameter) or "")  # fmt: skip


def _should_process_text(parameter: ParameterMetadata) -> str:
    lower = parameter.name.lower()
    if lower == "whatif":
        return "Shows what the command would do without doing it."
    if lower == "confirm":
        return "Asks for confirmation before the command changes anything. -Confirm:$false turns the prompt off."
    return ""


def _same_noun(metadata: CommandMetadata) -> tuple[str, ...]:
    """Related links for a command without written ones: the other Exchange commands on the
    same noun (Get-UMService -> Set-UMService, Enable-UMService ...)."""
    if not metadata.remote or not metadata.noun:
        return ()
    from emshell.cmdlets.exchange import reference_names

    noun = metadata.noun.lower()
    return tuple(name for name in reference_names()
                 if name.split("-", 1)[-1].lower() == noun and name.lower() != metadata.name.lower())  # fmt: skip
