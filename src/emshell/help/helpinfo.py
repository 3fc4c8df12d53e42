"""The objects Get-Help writes: command help (MamlCommandHelpInfo), one parameter's help,
and the rows of a help listing (HelpInfoShort).

Command help is built from two sources only: the command's metadata (syntax, parameter
types, positions, mandatory and pipeline flags, defaults) and its help text (``texts``).
The console shows these objects through the help views (``emshell.formatting.views`` hands
them to ``render``); scripts can read their properties (``(Get-Help X).Synopsis``).
"""

from __future__ import annotations

from emshell.engine.metadata import ALL_PARAMETER_SETS
from emshell.help import syntax
from emshell.help.texts import CommandHelpText, paragraphs

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from emshell.engine.metadata import CommandMetadata, ParameterMetadata

PSCUSTOMOBJECT = ("System.Management.Automation.PSCustomObject", "System.Object")
_VIEW_TYPE = {"default": "MamlCommandHelpInfo", "detailed": "MamlCommandHelpInfo#DetailedView",
              "full": "MamlCommandHelpInfo#FullView", "examples": "MamlCommandHelpInfo#ExamplesView"}  # fmt: skip


def help_category(metadata: CommandMetadata) -> str:
    """Cmdlet, or Function for EMS's Exchange proxies and script functions."""
    return "Function" if metadata.kind in ("Function", "Filter") else "Cmdlet"


def _position(parameter: ParameterMetadata) -> str:
    """Help counts positions from 1; ``named`` when the parameter has none."""
    positions = [info.position for info in parameter.sets.values() if info.position is not None]
    return str(positions[0] + 1) if positions else "named"


def _pipeline_input(parameter: ParameterMetadata) -> str:
    by_value = any(info.value_from_pipeline for info in parameter.sets.values())
    by_name = any(info.value_from_pipeline_by_property_name for info in parameter.sets.values())
    kinds = [kind for kind, on in (("ByValue", by_value), ("ByPropertyName", by_name)) if on]
    return f"True ({', '.join(kinds)})" if kinds else "False"


def _default_value(parameter: ParameterMetadata) -> str:
    value = parameter.default_value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (str, int, float)) and str(value) != "":
        return str(value)
    return "False" if parameter.is_switch else "None"


class ParameterHelpInfo:
    """One parameter as help describes it (Get-Help -Parameter writes these)."""

    PS_TYPE_NAMES = ("MamlCommandHelpInfo#parameter",) + PSCUSTOMOBJECT
    PS_PROPERTIES = ("name", "type", "required", "position", "defaultValue", "pipelineInput", "globbing",
                     "description")  # fmt: skip

    def __init__(self, parameter: ParameterMetadata, text: str, *, generated: bool = False):
        self.metadata = parameter
        self.generated = generated
        self.name = parameter.name
        self.type = syntax.help_type_text(parameter.type_name)
        self.value_text = f" [<{self.type}>]" if parameter.is_switch else f" <{self.type}>"
        self.required = "true" if any(info.mandatory for info in parameter.sets.values()) else "false"
        self.position = _position(parameter)
        self.defaultValue = _default_value(parameter)
        self.pipelineInput = _pipeline_input(parameter)
        self.globbing = "true" if parameter.wildcards else "false"
        self.description = paragraphs(text)

    def generated_values(self) -> tuple[str, ...]:
        """The attributes generated help shows (5.1's DefaultCommandHelpObjectBuilder)."""
        parameter = self.metadata
        positions = [str(i.position) for i in parameter.sets.values() if i.position is not None]
        sets = [name for name in parameter.sets if name != ALL_PARAMETER_SETS]
        pipeline = _pipeline_input(parameter)
        return (self.required, positions[0] if positions else "named",
                pipeline[0].lower() + pipeline[1:], ", ".join(sets) or "(All)",
                ", ".join(parameter.aliases) or "None", "false")

    def help_paragraphs(self) -> list[tuple[int, str]]:
        from emshell.help.render import generated_parameter_block, parameter_block

        return generated_parameter_block(self, 0) if self.generated else parameter_block(self, 0)

    def __str__(self) -> str:
        return self.name


class CommandHelpInfo:
    """A command's help topic, shown in one of the views: default, detailed, full, examples."""

    PS_PROPERTIES = ("Name", "Category", "Synopsis", "Component", "Role", "Functionality", "ModuleName",
                     "Syntax", "Description", "Parameters", "Examples", "RelatedLinks")  # fmt: skip

    def __init__(self, metadata: CommandMetadata, view: str = "default", aliases: tuple[str, ...] = ()):
        text = CommandHelpText(metadata)
        self.metadata = metadata
        self.view = view
        self.generated = text.generated
        self.aliases = aliases
        self.has_common_parameters = any(syntax.is_common(p) for p in metadata.parameters.values())
        self.Name = metadata.name
        self.Category = help_category(metadata)
        self.Synopsis = text.synopsis
        self.ModuleName = metadata.module
        self.Component = self.Role = self.Functionality = None
        self.syntax_items = syntax.help_syntax_items(metadata, common=not self.generated or self.has_common_parameters)
        self.description = text.description
        self.parameters = [ParameterHelpInfo(p, text.parameter(p), generated=self.generated)
                           for p in syntax.help_parameter_order(metadata)]  # fmt: skip
        self.examples = [(code, paragraphs(remark)) for code, remark in text.examples]
        self.related = list(text.related)
        self.notes = text.notes
        self.input_types = _input_types(metadata)
        self.output_types = tuple(metadata.output_types) or ("System.Object",)

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        own = _VIEW_TYPE[self.view]
        chain = (own, "MamlCommandHelpInfo") if own != "MamlCommandHelpInfo" else (own,)
        return chain + ("HelpInfo",) + PSCUSTOMOBJECT

    # properties scripts read
    @property
    def Syntax(self) -> list[str]:
        return list(self.syntax_items)

    @property
    def Description(self) -> str:
        return "\n\n".join(self.description)

    @property
    def Parameters(self) -> list[ParameterHelpInfo]:
        return list(self.parameters)

    @property
    def Examples(self) -> list[str]:
        return [code for code, _ in self.examples]

    @property
    def RelatedLinks(self) -> list[str]:
        return list(self.related)

    def help_paragraphs(self) -> list[tuple[int, str]]:
        from emshell.help.render import VIEWS

        view = self.view
        if self.generated:
            view = "generated-full" if view == "full" else "generated"
        return VIEWS[view](self)

    def __str__(self) -> str:
        return self.Name


def _input_types(metadata: CommandMetadata) -> tuple[str, ...]:
    names: list[str] = []
    for parameter in metadata.own_parameters:
        if any(info.value_from_pipeline for info in parameter.sets.values()):
            name = syntax.help_type_text(parameter.type_name)
            if name not in names:
                names.append(name)
    return tuple(names) or ("None",)


class HelpInfoShort:
    """One row of a help listing (``Get-Help *UM*``)."""

    PS_TYPE_NAMES = ("HelpInfoShort",) + PSCUSTOMOBJECT
    PS_PROPERTIES = ("Name", "Category", "Component", "Role", "Functionality", "Synopsis", "ModuleName")

    def __init__(self, name: str, category: str, synopsis: str, module: str = ""):
        self.Name = name
        self.Category = category
        self.Synopsis = synopsis
        self.ModuleName = module
        self.Component = self.Role = self.Functionality = ""

    def __str__(self) -> str:
        return self.Name


def short_entry(metadata: CommandMetadata) -> HelpInfoShort:
    return HelpInfoShort(metadata.name, help_category(metadata), CommandHelpText(metadata).synopsis, metadata.module)


def alias_entry(name: str, target: str) -> HelpInfoShort:
    return HelpInfoShort(name, "Alias", target)


def topic_entry(name: str, synopsis: str) -> HelpInfoShort:
    return HelpInfoShort(name, "HelpFile", synopsis)


def command_help(metadata: CommandMetadata, view: str = "default") -> Any:
    return CommandHelpInfo(metadata, view)
