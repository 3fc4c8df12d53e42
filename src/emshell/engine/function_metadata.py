"""Command metadata for script functions and script blocks, read from their param blocks.

A function's ``param(...)`` (or the ``function f($a, $b)`` form) declares its parameters the
way a cmdlet's class does: ``[CmdletBinding(...)]`` on the block, and on each parameter a type
constraint, ``[Parameter(...)]`` attributes (one per parameter set), ``[Alias()]``, the
``Validate*`` and ``Allow*`` attributes, and a default value.  The result is the same
``CommandMetadata`` the binder uses for cmdlets.

PowerShell's rules kept here:

- A function is *advanced* when it has ``[CmdletBinding()]`` or any ``[Parameter()]``
  attribute; only advanced functions get the common parameters.  A simple function collects
  unknown ``-Name`` arguments and extra positional ones in ``$args``.
- Positions: unless ``PositionalBinding=$false``, and unless some ``[Parameter()]`` names a
  ``Position`` or a ``ParameterSetName``, every parameter that is not a switch gets the next
  position in declaration order (the compiler's "automatic positions").
- Attributes are applied right to left, closest to the variable first, so validation
  attributes run in the reverse of their written order.
- Default values stay syntax trees (``default_value``): the interpreter evaluates them at call
  time, in the function's scope.
"""

from __future__ import annotations

from emshell.engine.binder import canonical_type_name
from emshell.engine.metadata import (
    ALL_PARAMETER_SETS,
    CommandMetadata,
    ParameterMetadata,
    ParameterSetInfo,
    Validation,
)
from emshell.language import ast as A

TYPE_CHECKING = False  # the typing module stays unimported at run time (start-up budget)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_VALIDATIONS = {
    "validateset": "ValidateSet", "validaterange": "ValidateRange", "validatelength": "ValidateLength",
    "validatecount": "ValidateCount", "validatepattern": "ValidatePattern", "validatescript": "ValidateScript",
    "validatenotnull": "ValidateNotNull", "validatenotnullorempty": "ValidateNotNullOrEmpty",
}  # fmt: skip


def attribute_kind(type_name: str) -> str:
    """``Parameter``, ``ParameterAttribute`` and ``System.Management.Automation.ParameterAttribute``
    all name the same attribute: ``parameter``."""
    kind = type_name.strip().lower()
    if kind.startswith("system.management.automation."):
        kind = kind[len("system.management.automation.") :]
    if kind.endswith("attribute"):
        kind = kind[: -len("attribute")]
    return kind


class _AttributeReader:
    """Evaluates attribute arguments with the interpreter's ``evaluate`` callback."""

    def __init__(self, evaluate: Callable[[Any], Any]):
        self.evaluate = evaluate

    def named(self, attribute: A.AttributeAst) -> dict[str, Any]:
        """Named arguments by lower-case name; ``[Parameter(Mandatory)]`` means ``$true``."""
        values: dict[str, Any] = {}
        for argument in attribute.named_arguments:
            value = True if argument.expression_omitted else self.evaluate(argument.argument)
            values[argument.argument_name.lower()] = value
        return values

    def positional(self, attribute: A.AttributeAst) -> list[Any]:
        return [self.evaluate(expression) for expression in attribute.positional_arguments]


def _flag(value: Any) -> bool:
    from emshell.engine.primitives import is_true

    return is_true(value)


def _text(value: Any) -> str:
    from emshell.engine.primitives import to_string

    return to_string(value)


def _flatten(values: list[Any]) -> list[Any]:
    result: list[Any] = []
    for value in values:
        if isinstance(value, (list, tuple)):
            result.extend(_flatten(list(value)))
        else:
            result.append(value)
    return result


def _parameter_set(reader: _AttributeReader, attribute: A.AttributeAst) -> ParameterSetInfo:
    named = reader.named(attribute)
    position = named.get("position")
    return ParameterSetInfo(
        set_name=_text(named["parametersetname"]) if "parametersetname" in named else ALL_PARAMETER_SETS,
        position=int(position) if position is not None else None,
        mandatory=_flag(named.get("mandatory", False)),
        value_from_pipeline=_flag(named.get("valuefrompipeline", False)),
        value_from_pipeline_by_property_name=_flag(named.get("valuefrompipelinebypropertyname", False)),
        value_from_remaining_arguments=_flag(named.get("valuefromremainingarguments", False)),
        help_message=_text(named["helpmessage"]) if "helpmessage" in named else None,
    )


def _validation(reader: _AttributeReader, kind: str, attribute: A.AttributeAst) -> Validation:
    name = _VALIDATIONS[kind]
    args = reader.positional(attribute)
    named = reader.named(attribute)
    ignore_case = True
    if name == "ValidateSet":
        args = _flatten(args)
        ignore_case = _flag(named.get("ignorecase", True))
    elif name == "ValidatePattern" and "options" in named:
        ignore_case = "ignorecase" in _text(named["options"]).lower()
    return Validation(name, *args, ignore_case=ignore_case)


class _ParameterReader:
    """One ``ParameterAst`` -> ``ParameterMetadata`` (positions are assigned afterwards)."""

    def __init__(self, reader: _AttributeReader):
        self.reader = reader
        self.has_parameter_attribute = False  # makes the function advanced
        self.custom_positions = False  # a Position or a ParameterSetName switches automatic positions off

    def read(self, parameter: A.ParameterAst) -> ParameterMetadata:
        reader = self.reader
        type_name = "Object"
        typed = False
        sets: dict[str, ParameterSetInfo] = {}
        aliases: list[str] = []
        validations: list[Validation] = []
        flags = {"allownull": False, "allowemptystring": False, "allowemptycollection": False,
                 "supportswildcards": False}  # fmt: skip
        for attribute in parameter.attributes:
            if isinstance(attribute, A.TypeConstraintAst):
                if not typed:  # the leftmost constraint is the parameter's type
                    type_name, typed = canonical_type_name(attribute.type_name), True
                continue
            if not isinstance(attribute, A.AttributeAst):
                continue
            kind = attribute_kind(attribute.type_name)
            if kind == "parameter":
                info = _parameter_set(reader, attribute)
                self.has_parameter_attribute = True
                if info.position is not None or info.set_name != ALL_PARAMETER_SETS:
                    self.custom_positions = True
                sets[info.set_name] = info
            elif kind == "alias":
                aliases.extend(_text(a) for a in _flatten(reader.positional(attribute)))
            elif kind in _VALIDATIONS:
                validations.append(_validation(reader, kind, attribute))
            elif kind in flags:
                flags[kind] = True
        validations.reverse()  # attributes apply right to left
        return ParameterMetadata(
            parameter.name.name,
            type_name,
            aliases=tuple(aliases),
            sets=sets or {ALL_PARAMETER_SETS: ParameterSetInfo()},
            validations=tuple(validations),
            allow_null=flags["allownull"],
            allow_empty_string=flags["allowemptystring"],
            allow_empty_collection=flags["allowemptycollection"],
            wildcards=flags["supportswildcards"],
            default_value=parameter.default_value,
        )


def _cmdlet_binding(param_block: A.ParamBlockAst | None) -> A.AttributeBaseAst | None:
    if param_block is None:
        return None
    for attribute in param_block.attributes:
        if attribute_kind(attribute.type_name) == "cmdletbinding":
            return attribute
    return None


def metadata_from_function(name: str, param_block: A.ParamBlockAst | None,
                           parameters: tuple[A.ParameterAst, ...] | None,
                           evaluate: Callable[[Any], Any]) -> CommandMetadata:  # fmt: skip
    """The ``CommandMetadata`` of a function (or script block / script file) named ``name``.

    ``parameters`` is the ``function f($a, $b)`` form, used when there is no param block;
    ``evaluate(expression_ast)`` evaluates attribute arguments.
    """
    reader = _AttributeReader(evaluate)
    binding = _cmdlet_binding(param_block)
    settings = reader.named(binding) if isinstance(binding, A.AttributeAst) else {}
    parameter_asts = param_block.parameters if param_block is not None else (parameters or ())
    parameter_reader = _ParameterReader(reader)
    declared = [parameter_reader.read(parameter) for parameter in parameter_asts]
    advanced = binding is not None or parameter_reader.has_parameter_attribute
    positional_binding = _flag(settings.get("positionalbinding", True))
    if positional_binding and not parameter_reader.custom_positions:
        position = 0
        for param in declared:
            if param.is_switch:
                continue
            for info in param.sets.values():
                info.position = position
            position += 1
    default_set = settings.get("defaultparametersetname")
    return CommandMetadata(
        name,
        declared,
        default_parameter_set=_text(default_set) if default_set is not None else None,
        supports_should_process=_flag(settings.get("supportsshouldprocess", False)),
        confirm_impact=_text(settings["confirmimpact"]) if "confirmimpact" in settings else "Medium",
        kind="Function",
        positional_binding=positional_binding,
        add_common_parameters=advanced,
    )


__all__ = ["attribute_kind", "metadata_from_function"]
