"""Windows PowerShell 5.1's help views (Help.format.ps1xml) as indented paragraphs.

The views are custom controls: text, newlines and frames with a left indent of 4.  A page is
therefore a list of ``(indent, text)`` lines, which the console word-wraps inside their
indent (``emshell.formatting.layout.complex_lines``).  An empty line inside a frame keeps its
indent, so the help's "blank" lines are four (or eight) spaces, as the console writes them.

The section layouts follow the views: DefaultCommandHelp (NAME, SYNOPSIS, SYNTAX,
DESCRIPTION, RELATED LINKS, REMARKS), VerboseCommandHelp for -Detailed (PARAMETERS with
descriptions, EXAMPLES, REMARKS), FullCommandHelp for -Full (the attribute block of each
parameter, INPUTS, OUTPUTS, EXAMPLES, RELATED LINKS), ExampleCommandHelp for -Examples, and
the parameter view of -Parameter.  The REMARKS lines are 5.1's (lower-case ``get-help``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from emshell.help.helpinfo import CommandHelpInfo, ParameterHelpInfo

FRAME = 4

# HelpDisplayStrings as Windows PowerShell 5.1 shows them.
COMMON_PARAMETERS = "<CommonParameters>"
BASE_CMDLET_INFORMATION = (
    "This cmdlet supports the common parameters: Verbose, Debug,\n"
    "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
    "OutBuffer, PipelineVariable, and OutVariable. For more information, see \n"
    "about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). "
)
ATTRIBUTE_LABELS = ("Required?", "Position?", "Default value", "Accept pipeline input?",
                    "Accept wildcard characters?")  # fmt: skip
_LABEL_WIDTH = 29  # "Accept wildcard characters?" and two spaces

Lines = list  # of (indent, text)


def _details(page: Lines, info: CommandHelpInfo) -> None:
    """MamlDetailsControl: NAME and SYNOPSIS."""
    page += [(0, "NAME"), (FRAME, info.Name), (FRAME, ""), (0, "SYNOPSIS"), (FRAME, info.Synopsis),
             (FRAME, ""), (FRAME, "")]  # fmt: skip


def _syntax(page: Lines, info: CommandHelpInfo) -> None:
    """MamlIndentedSyntaxControl: each syntax line followed by a blank, and one more."""
    page.append((0, "SYNTAX"))
    for item in info.syntax_items:
        page += [(FRAME, item), (FRAME, "")]
    page.append((FRAME, ""))


def _text_block(page: Lines, paragraphs: list[str], indent: int) -> None:
    """Paragraphs, a blank line between two of them."""
    for index, paragraph in enumerate(paragraphs):
        if index:
            page.append((indent, ""))
        page.append((indent, paragraph))


def _description(page: Lines, info: CommandHelpInfo) -> None:
    """MamlIndentedDescriptionControl."""
    page.append((0, "DESCRIPTION"))
    _text_block(page, info.description, FRAME)
    page += [(FRAME, ""), (0, "")]


def _related_links(page: Lines, info: CommandHelpInfo) -> None:
    page.append((0, "RELATED LINKS"))
    page += [(FRAME, link + " ") for link in info.related]  # link text, a blank, an empty URI


def _remarks(page: Lines, info: CommandHelpInfo) -> None:
    name = info.Name
    page += [
        (0, "REMARKS"),
        (FRAME, f'To see the examples, type: "get-help {name} -examples".'),
        (FRAME, f'For more information, type: "get-help {name} -detailed".'),
        (FRAME, f'For technical information, type: "get-help {name} -full".'),
    ]
    if info.related:
        page.append((FRAME, f'For online help, type: "get-help {name} -online"'))


def _examples(page: Lines, info: CommandHelpInfo) -> None:
    """MamlExampleControl for each example, inside a frame."""
    for number, (code, remarks) in enumerate(info.examples, 1):
        page += [(FRAME, f"-------------------------- EXAMPLE {number} --------------------------"),
                 (FRAME, ""), (FRAME, "PS C:\\>" + code), (FRAME, "")]  # fmt: skip
        _text_block(page, remarks, FRAME)
        page += [(FRAME, ""), (FRAME, "")]


def _common_parameters(page: Lines) -> None:
    page += [(FRAME, COMMON_PARAMETERS), (2 * FRAME, BASE_CMDLET_INFORMATION), (FRAME, "")]


def _parameter_head(parameter: ParameterHelpInfo) -> str:
    return f"-{parameter.name}{parameter.value_text}"


def parameter_block(parameter: ParameterHelpInfo, indent: int) -> Lines:
    """MamlFullParameterControl: the parameter, its description and its attributes."""
    inner = indent + FRAME
    block: Lines = [(indent, _parameter_head(parameter))]
    _text_block(block, parameter.description, inner)
    block.append((inner, ""))
    values = (parameter.required, parameter.position, parameter.defaultValue, parameter.pipelineInput,
              parameter.globbing)  # fmt: skip
    block += [(inner, label.ljust(_LABEL_WIDTH) + value) for label, value in zip(ATTRIBUTE_LABELS, values)]
    block.append((inner, ""))
    return block


def _types(page: Lines, title: str, names: tuple[str, ...]) -> None:
    """INPUTS / OUTPUTS: MamlTypeWithDescriptionControl per type, then a blank."""
    page.append((0, title))
    for name in names:
        page += [(FRAME, name), (FRAME, "")]
    page.append((FRAME, ""))


def default_view(info: CommandHelpInfo) -> Lines:
    page: Lines = []
    _details(page, info)
    _syntax(page, info)
    _description(page, info)
    _related_links(page, info)
    page.append((0, ""))
    _remarks(page, info)
    return page


def detailed_view(info: CommandHelpInfo) -> Lines:
    page: Lines = []
    _details(page, info)
    _syntax(page, info)
    _description(page, info)
    page.append((0, "PARAMETERS"))
    for parameter in info.parameters:
        page.append((FRAME, _parameter_head(parameter)))
        _text_block(page, parameter.description, 2 * FRAME)
        page.append((2 * FRAME, ""))
    _common_parameters(page)
    _examples(page, info)
    _remarks(page, info)
    return page


def full_view(info: CommandHelpInfo) -> Lines:
    page: Lines = []
    _details(page, info)
    _syntax(page, info)
    _description(page, info)
    page.append((0, "PARAMETERS"))
    for parameter in info.parameters:
        page += parameter_block(parameter, FRAME)
    _common_parameters(page)
    _types(page, "INPUTS", info.input_types)
    _types(page, "OUTPUTS", info.output_types)
    if info.notes:
        page += [(0, "NOTES"), (FRAME, ""), (FRAME, "")]
        _text_block(page, info.notes, 2 * FRAME)
        page.append((FRAME, ""))
    _examples(page, info)
    page.append((FRAME, ""))
    _related_links(page, info)
    return page


def examples_view(info: CommandHelpInfo) -> Lines:
    page: Lines = []
    _details(page, info)
    _examples(page, info)
    return page


# --------------------------------------------------------------------------- generated help

# What 5.1 builds for a command without help (DefaultCommandHelpObjectBuilder): the syntax,
# the aliases, and for -Full the parameters as the metadata declares them (positions as
# declared, from 0).  Derived from the builder's fields; the blank lines follow the views above.
GENERATED_LABELS = ("Required?", "Position?", "Accept pipeline input?", "Parameter set name", "Aliases",
                    "Dynamic?")  # fmt: skip


def generated_parameter_block(parameter: ParameterHelpInfo, indent: int) -> Lines:
    inner = indent + FRAME
    block: Lines = [(indent, _parameter_head(parameter)), (inner, "")]
    block += [(inner, label.ljust(_LABEL_WIDTH) + value)
              for label, value in zip(GENERATED_LABELS, parameter.generated_values())]  # fmt: skip
    block.append((inner, ""))
    return block


def _generated_tail(page: Lines, info: CommandHelpInfo) -> None:
    page += [(0, "ALIASES"), (FRAME, ", ".join(info.aliases) or "None"), (FRAME, ""), (0, ""),
             (0, "REMARKS"), (FRAME, "None")]  # fmt: skip


def generated_view(info: CommandHelpInfo) -> Lines:
    page: Lines = [(0, "NAME"), (FRAME, info.Name), (FRAME, "")]
    _syntax(page, info)
    _generated_tail(page, info)
    return page


def generated_full_view(info: CommandHelpInfo) -> Lines:
    page: Lines = [(0, "NAME"), (FRAME, info.Name), (FRAME, "")]
    _syntax(page, info)
    page.append((0, "PARAMETERS"))
    for parameter in info.parameters:
        page += generated_parameter_block(parameter, FRAME)
    if info.has_common_parameters:
        _common_parameters(page)
    _types(page, "INPUTS", info.input_types)
    _types(page, "OUTPUTS", info.output_types)
    _generated_tail(page, info)
    return page


VIEWS = {"default": default_view, "detailed": detailed_view, "full": full_view, "examples": examples_view,
         "generated": generated_view, "generated-full": generated_full_view}
