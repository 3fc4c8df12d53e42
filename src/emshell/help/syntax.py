"""Syntax lines generated from command metadata: Get-Command -Syntax and Get-Help's SYNTAX.

Both follow Windows PowerShell 5.1's ``CommandParameterSetInfo.GenerateParametersInDisplayOrder``:
in each parameter set the positional parameters come first (by position), then the named
mandatory ones, then the named optional ones; when the set holds all eleven common
parameters they collapse into ``[<CommonParameters>]`` at the end (WhatIf and Confirm are not
common parameters there, so they are listed by name).

The two readers differ in how a parameter looks:

* Get-Command -Syntax (``CommandParameterSetInfo.ToString``) names types as
  ``ToStringCodeMethods.Type`` does: the type accelerator when there is one (``<string[]>``,
  ``<int>``, ``<scriptblock>``), else the type name without its namespace (``<Object>``,
  ``<UMServerIdParameter>``);
* Get-Help's syntax control writes the help's own type names (``<String[]>``) and a set of
  accepted values as ``{TCP | TLS | Dual}``, and always ends with ``[<CommonParameters>]``.

Exchange cmdlets keep the order of the Exchange reference, where the named optional
parameters, WhatIf and Confirm among them, are in alphabetical order.
"""

from __future__ import annotations

from emshell.engine.metadata import ALL_PARAMETER_SETS

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo

COMMON_PARAMETERS_TEXT = "<CommonParameters>"
SHOULD_PROCESS = ("whatif", "confirm")
COMMON_COUNT = 11  # Verbose, Debug, ErrorAction, WarningAction, InformationAction, the 5 variables, OutBuffer

# ToStringCodeMethods.Type: the built-in accelerator a type prints as in Get-Command -Syntax.
_ACCELERATORS = {
    "string": "string", "int32": "int", "int64": "long", "int16": "int16", "boolean": "bool", "byte": "byte",
    "sbyte": "sbyte", "char": "char", "double": "double", "single": "float", "decimal": "decimal",
    "datetime": "datetime", "timespan": "timespan", "guid": "guid", "hashtable": "hashtable",
    "psobject": "psobject", "scriptblock": "scriptblock", "pscredential": "pscredential", "version": "version",
    "regex": "regex", "xmldocument": "xml", "uri": "uri", "ipaddress": "ipaddress", "type": "type",
    "uint16": "uint16", "uint32": "uint32", "uint64": "uint64", "securestring": "securestring",
    "switchparameter": "switch", "array": "array",
}  # fmt: skip


def is_should_process(parameter: ParameterMetadata) -> bool:
    return parameter.name.lower() in SHOULD_PROCESS


def is_common(parameter: ParameterMetadata) -> bool:
    """One of the eleven common parameters (WhatIf and Confirm are not)."""
    return parameter.is_common and not is_should_process(parameter)


def short_type_name(type_name: str) -> str:
    """``System.Management.Automation.PSObject[]`` -> ``PSObject[]``."""
    name = type_name.strip() or "Object"
    suffix = ""
    while name.endswith("[]"):
        name, suffix = name[:-2], suffix + "[]"
    if "[" not in name:
        name = name.rsplit(".", 1)[-1]
    return name + suffix


def command_type_text(type_name: str) -> str:
    """How Get-Command -Syntax names a parameter type."""
    name = short_type_name(type_name)
    suffix = ""
    while name.endswith("[]"):
        name, suffix = name[:-2], suffix + "[]"
    return _ACCELERATORS.get(name.lower(), name) + suffix


def help_type_text(type_name: str) -> str:
    """How generated help names a parameter type."""
    return short_type_name(type_name)


def parameter_set_names(metadata: CommandMetadata) -> list[str]:
    """The sets in 5.1's order: the default set first (``GenerateParameterSetMappingFromMetadata``
    numbers it before the others), then the others as the parameters declare them
    (``__AllParameterSets`` when no set is named)."""
    names = list(metadata.parameter_set_names)
    default = metadata.default_parameter_set
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


def _in_set(parameter: ParameterMetadata, set_name: str) -> ParameterSetInfo | None:
    if set_name == ALL_PARAMETER_SETS:
        return parameter.sets.get(ALL_PARAMETER_SETS) or next(iter(parameter.sets.values()), None)
    return parameter.sets.get(set_name) or parameter.sets.get(ALL_PARAMETER_SETS)


def display_order(metadata: CommandMetadata, set_name: str) -> tuple[list[tuple[ParameterMetadata, ParameterSetInfo]], bool]:
    """The parameters of one set in display order, and whether the common parameters close
    the line as ``[<CommonParameters>]``."""
    positional: list[tuple[int, int, ParameterMetadata, ParameterSetInfo]] = []
    mandatory: list[tuple[ParameterMetadata, ParameterSetInfo]] = []
    optional: list[tuple[ParameterMetadata, ParameterSetInfo]] = []
    common: list[tuple[ParameterMetadata, ParameterSetInfo]] = []
    for index, parameter in enumerate(metadata.parameters.values()):
        info = _in_set(parameter, set_name)
        if info is None:
            continue
        if info.position is not None:
            positional.append((info.position, index, parameter, info))
        elif info.mandatory:
            mandatory.append((parameter, info))
        elif is_common(parameter):
            common.append((parameter, info))
        else:
            optional.append((parameter, info))
    if metadata.remote:  # the Exchange reference's order: named optional parameters alphabetically
        optional.sort(key=lambda pair: pair[0].name.lower())
    ordered = [(p, i) for _, _, p, i in sorted(positional, key=lambda item: (item[0], item[1]))]
    ordered += mandatory + optional
    collapsed = len(common) == COMMON_COUNT
    if not collapsed:
        ordered += common
    return ordered, collapsed


def _command_parameter_text(parameter: ParameterMetadata, info: ParameterSetInfo) -> str:
    """``AppendFormatCommandParameterInfo``."""
    name = parameter.name
    if parameter.is_switch:
        return f"-{name}" if info.mandatory else f"[-{name}]"
    type_text = command_type_text(parameter.type_name)
    positional = info.position is not None
    if info.mandatory:
        return f"[-{name}] <{type_text}>" if positional else f"-{name} <{type_text}>"
    return f"[[-{name}] <{type_text}>]" if positional else f"[-{name} <{type_text}>]"


def set_syntax(metadata: CommandMetadata, set_name: str) -> str:
    """One parameter set as ``CommandParameterSetInfo.ToString`` writes it."""
    ordered, collapsed = display_order(metadata, set_name)
    pieces = [_command_parameter_text(p, i) for p, i in ordered]
    if collapsed:
        pieces.append(f"[{COMMON_PARAMETERS_TEXT}]")
    return " ".join(pieces)


def command_syntax(metadata: CommandMetadata) -> str:
    """``CommandInfo.Syntax``: each set on its own line, every line preceded by an empty one."""
    return "".join(f"\n{metadata.name} {set_syntax(metadata, s)}\n" for s in parameter_set_names(metadata))


def accepted_values(parameter: ParameterMetadata) -> tuple[str, ...]:
    """The values a parameter accepts when it names them: its declared list or a ValidateSet."""
    if parameter.accepted_values:
        return tuple(str(v) for v in parameter.accepted_values)
    for validation in parameter.validations:
        if validation.kind == "ValidateSet":
            return tuple(str(v) for v in validation.args)
    return ()


def help_parameter_value(parameter: ParameterMetadata) -> str:
    """The value part of a parameter in help syntax: `` <Type>``, `` {a | b}`` or nothing."""
    if parameter.is_switch:
        return ""
    values = accepted_values(parameter)
    if values:
        return " {" + " | ".join(values) + "}"
    return f" <{help_type_text(parameter.type_name)}>"


def _help_parameter_text(parameter: ParameterMetadata, info: ParameterSetInfo) -> str:
    """Help.format.ps1xml's MamlParameterControl (without its trailing blank)."""
    value = help_parameter_value(parameter)
    positional = info.position is not None
    if not info.mandatory and positional:
        return f"[[-{parameter.name}]{value}]"
    if not info.mandatory:
        return f"[-{parameter.name}{value}]"
    if positional:
        return f"[-{parameter.name}]{value}"
    return f"-{parameter.name}{value}"


def help_syntax_items(metadata: CommandMetadata, *, common: bool = True) -> list[str]:
    """Get-Help's syntax lines, one per parameter set (``common``: end with
    ``[<CommonParameters>]``, as written help always does)."""
    items = []
    tail = [f"[{COMMON_PARAMETERS_TEXT}]"] if common else []
    for set_name in parameter_set_names(metadata):
        ordered, _ = display_order(metadata, set_name)
        pieces = [_help_parameter_text(p, i) for p, i in ordered if not is_common(p)]
        items.append(" ".join([metadata.name, *pieces, *tail]))
    return items


def help_parameter_order(metadata: CommandMetadata) -> list[ParameterMetadata]:
    """The command's own parameters (WhatIf and Confirm included) in the order help lists
    them: as they first appear in the syntax lines."""
    seen: dict[str, ParameterMetadata] = {}
    for set_name in parameter_set_names(metadata):
        ordered, _ = display_order(metadata, set_name)
        for parameter, _info in ordered:
            if not is_common(parameter):
                seen.setdefault(parameter.name.lower(), parameter)
    return list(seen.values())
