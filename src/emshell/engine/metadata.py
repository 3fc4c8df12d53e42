"""Command metadata: the one declaration of a command that everything else reads.

A ``CommandMetadata`` holds what PowerShell's ``CommandMetadata``/``ParameterMetadata`` hold:
parameters with their type, aliases, parameter sets, positions, mandatory and pipeline flags,
accepted values and validation.  The binder binds from it; completion, ``Get-Help``,
``Get-Command -Syntax`` and the binding error messages are generated from it.  Nothing else
describes a command's parameters.

Positions are zero-based binding indexes (the Exchange reference prints them one-based).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

ALL_PARAMETER_SETS = "__AllParameterSets"

# PowerShell's common parameters (5.1: no ProgressAction), with the engine's aliases.
COMMON_PARAMETERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Verbose", "SwitchParameter", ("vb",)),
    ("Debug", "SwitchParameter", ("db",)),
    ("ErrorAction", "ActionPreference", ("ea",)),
    ("WarningAction", "ActionPreference", ("wa",)),
    ("InformationAction", "ActionPreference", ("infa",)),
    ("ErrorVariable", "String", ("ev",)),
    ("WarningVariable", "String", ("wv",)),
    ("InformationVariable", "String", ("iv",)),
    ("OutVariable", "String", ("ov",)),
    ("OutBuffer", "Int32", ("ob",)),
    ("PipelineVariable", "String", ("pv",)),
)
SHOULD_PROCESS_PARAMETERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("WhatIf", "SwitchParameter", ("wi",)),
    ("Confirm", "SwitchParameter", ("cf",)),
)

ACTION_PREFERENCES = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend")


class ParameterSetInfo:
    """How a parameter takes part in one parameter set."""

    __slots__ = (
        "set_name", "position", "mandatory", "value_from_pipeline",
        "value_from_pipeline_by_property_name", "value_from_remaining_arguments", "help_message",
    )  # fmt: skip

    def __init__(
        self,
        set_name: str = ALL_PARAMETER_SETS,
        position: int | None = None,
        mandatory: bool = False,
        value_from_pipeline: bool = False,
        value_from_pipeline_by_property_name: bool = False,
        value_from_remaining_arguments: bool = False,
        help_message: str | None = None,
    ):
        self.set_name = set_name
        self.position = position
        self.mandatory = mandatory
        self.value_from_pipeline = value_from_pipeline
        self.value_from_pipeline_by_property_name = value_from_pipeline_by_property_name
        self.value_from_remaining_arguments = value_from_remaining_arguments
        self.help_message = help_message

    def __repr__(self) -> str:
        flags = [f"pos={self.position}"] if self.position is not None else []
        flags += [n for n in ("mandatory", "value_from_pipeline",
                              "value_from_pipeline_by_property_name",
                              "value_from_remaining_arguments") if getattr(self, n)]  # fmt: skip
        return f"ParameterSetInfo({self.set_name!r} {' '.join(flags)})"


class Validation:
    """A validation attribute: ``kind`` is ValidateSet, ValidateRange, ValidateLength,
    ValidateCount, ValidatePattern, ValidateNotNull, ValidateNotNullOrEmpty or ValidateScript;
    ``args`` are its arguments as written."""

    __slots__ = ("kind", "args", "ignore_case")

    def __init__(self, kind: str, *args: Any, ignore_case: bool = True):
        self.kind = kind
        self.args = args
        self.ignore_case = ignore_case

    def __repr__(self) -> str:
        return f"Validation({self.kind}, {self.args!r})"


class ParameterMetadata:
    """One parameter of a command."""

    def __init__(
        self,
        name: str,
        type_name: str = "Object",
        *,
        aliases: tuple[str, ...] = (),
        sets: dict[str, ParameterSetInfo] | None = None,
        accepted_values: tuple[str, ...] = (),
        validations: tuple[Validation, ...] = (),
        allow_null: bool = False,
        allow_empty_string: bool = False,
        allow_empty_collection: bool = False,
        summary: str = "",
        default_value: Any = None,
        is_common: bool = False,
        multi_valued: bool = False,
        wildcards: bool = False,
        constraints: dict[str, Any] | None = None,
    ):
        self.name = name
        self.type_name = type_name
        self.aliases = aliases
        self.sets = sets if sets is not None else {ALL_PARAMETER_SETS: ParameterSetInfo()}
        self.accepted_values = accepted_values
        self.validations = validations
        self.allow_null = allow_null
        self.allow_empty_string = allow_empty_string
        self.allow_empty_collection = allow_empty_collection
        self.summary = summary
        self.default_value = default_value
        self.is_common = is_common
        self.multi_valued = multi_valued
        self.wildcards = wildcards
        self.constraints = constraints or {}

    @property
    def is_switch(self) -> bool:
        return self.type_name.lower() in ("switchparameter", "switch", "system.management.automation.switchparameter")

    @property
    def in_all_sets(self) -> bool:
        return ALL_PARAMETER_SETS in self.sets

    def set_info(self, set_name: str) -> ParameterSetInfo | None:
        """This parameter's role in ``set_name`` (or in all sets)."""
        return self.sets.get(set_name) or self.sets.get(ALL_PARAMETER_SETS)

    def is_mandatory_in(self, set_name: str) -> bool:
        info = self.set_info(set_name)
        return bool(info and info.mandatory)

    @property
    def takes_pipeline_input(self) -> bool:
        return any(i.value_from_pipeline or i.value_from_pipeline_by_property_name for i in self.sets.values())

    def __repr__(self) -> str:
        return f"ParameterMetadata({self.name!r}, {self.type_name!r}, sets={list(self.sets.values())})"


class CommandMetadata:
    """A command's declaration.

    ``kind`` is ``Cmdlet`` or ``Function`` (as Get-Command shows it). ``remote`` marks Exchange
    cmdlets: in EMS they run on the server through implicit remoting, so their errors carry
    ``PSComputerName`` and conversion failures read "Cannot process argument transformation".
    """

    def __init__(
        self,
        name: str,
        parameters: list[ParameterMetadata] | tuple[ParameterMetadata, ...] = (),
        *,
        default_parameter_set: str | None = None,
        supports_should_process: bool = False,
        confirm_impact: str = "Medium",
        kind: str = "Cmdlet",
        module: str = "",
        version: str = "",
        remote: bool = False,
        implementing_type: str = "",
        synopsis: str = "",
        description: str = "",
        examples: tuple[tuple[str, str], ...] = (),
        output_types: tuple[str, ...] = (),
        positional_binding: bool = True,
        add_common_parameters: bool = True,
    ):
        self.name = name
        verb, _, noun = name.partition("-")
        self.verb = verb if noun else ""
        self.noun = noun
        self.default_parameter_set = default_parameter_set
        self.supports_should_process = supports_should_process
        self.confirm_impact = confirm_impact
        self.kind = kind
        self.module = module
        self.version = version
        self.remote = remote
        self.implementing_type = implementing_type
        self.synopsis = synopsis
        self.description = description
        self.examples = examples
        self.output_types = output_types
        self.positional_binding = positional_binding
        self.add_common_parameters = add_common_parameters  # False for a simple function
        self.parameters: dict[str, ParameterMetadata] = {}  # lower-case name -> metadata
        for param in parameters:
            self.parameters[param.name.lower()] = param
        if add_common_parameters:
            extra = COMMON_PARAMETERS + (SHOULD_PROCESS_PARAMETERS if supports_should_process else ())
            for pname, ptype, aliases in extra:
                if pname.lower() not in self.parameters:
                    self.parameters[pname.lower()] = ParameterMetadata(
                        pname, ptype, aliases=aliases, is_common=True,
                        accepted_values=ACTION_PREFERENCES if ptype == "ActionPreference" else (),
                    )  # fmt: skip

    # ----------------------------------------------------------------- queries

    @property
    def parameter_set_names(self) -> list[str]:
        """Named sets in declaration order (``__AllParameterSets`` only when no set is named)."""
        names: list[str] = []
        for param in self.parameters.values():
            for set_name in param.sets:
                if set_name != ALL_PARAMETER_SETS and set_name not in names:
                    names.append(set_name)
        return names or [ALL_PARAMETER_SETS]

    @property
    def own_parameters(self) -> list[ParameterMetadata]:
        """Parameters the command declares itself, without the common ones."""
        return [p for p in self.parameters.values() if not p.is_common]

    def parameters_in_set(self, set_name: str) -> list[ParameterMetadata]:
        return [p for p in self.parameters.values() if set_name in p.sets or p.in_all_sets]

    def get(self, name: str) -> ParameterMetadata | None:
        return self.parameters.get(name.lower())

    def __repr__(self) -> str:
        return f"CommandMetadata({self.name!r}, {len(self.parameters)} parameters)"


def parameter(
    name: str,
    type_name: str = "Object",
    *,
    position: int | None = None,
    mandatory: bool = False,
    pipeline: bool = False,
    by_property_name: bool = False,
    remaining: bool = False,
    sets: tuple[str, ...] = (),
    **kwargs: Any,
) -> ParameterMetadata:
    """Shorthand for declaring a parameter that behaves the same in each of its sets."""
    set_names = sets or (ALL_PARAMETER_SETS,)
    infos = {
        s: ParameterSetInfo(s, position, mandatory, pipeline, by_property_name, remaining) for s in set_names
    }
    return ParameterMetadata(name, type_name, sets=infos, **kwargs)
