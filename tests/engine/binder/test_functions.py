"""Script functions: their metadata from param blocks, implicit positions, simple functions'
``$args``, remaining arguments and mandatory parameters."""

from __future__ import annotations

import pytest
from binder_support import (
    FALSE,
    TRUE,
    Bound,
    Colon,
    Fails,
    attr,
    bind,
    check,
    function,
    n,
    param,
    s,
)

from emshell.engine.metadata import ALL_PARAMETER_SETS

POSITIONAL = "A positional parameter cannot be found that accepts argument '{}'."
NOT_FOUND = "A parameter cannot be found that matches parameter name '{}'."
MISSING = "Cannot process command because of one or more missing mandatory parameters:{}."
ADVANCED = attr("CmdletBinding")

# function Add($a, $b) { ... }
SIMPLE = function("Add", param("a"), param("b"), simple_form=True)
NAME_NUMBER = function("Show", param("Name"), param("Number"), simple_form=True)
# function Copy-Thing { param([string]$Source, [switch]$Force, [string]$Destination) }
WITH_SWITCH = function("Copy-Thing", param("Source", type_name="string"), param("Force", type_name="switch"),
                       param("Destination", type_name="string"))  # fmt: skip
# the same, advanced
ADVANCED_COPY = function("Copy-Thing", param("Source", type_name="string"), param("Force", type_name="switch"),
                         param("Destination", type_name="string"), binding=ADVANCED)  # fmt: skip
# [CmdletBinding(PositionalBinding=$false)]
NAMED_ONLY = function("Set-Named", param("Name", type_name="string"),
                      binding=attr("CmdletBinding", PositionalBinding=FALSE))  # fmt: skip
# one explicit Position makes the others named (pb in about_Functions_Advanced_Parameters terms)
ONE_POSITION = function("pb", param("x", attr("Parameter", Position=n(0)), type_name="int"),
                        param("y", type_name="int"))  # fmt: skip
REMAINING = function(
    "Invoke-Rest",
    param("First", attr("Parameter", Position=n(0))),
    param("Rest", attr("Parameter", ValueFromRemainingArguments=TRUE)),
)
MANDATORY = function(
    "New-Gateway",
    param("Name", attr("Parameter", Mandatory=TRUE, Position=n(0)), type_name="string"),
    param("Address", attr("Parameter", Mandatory=None), type_name="string"),
    param("Port", type_name="int"),
)

CASES = [
    # simple functions: implicit positions, $args for the rest
    ("simple: by position", SIMPLE, (1, 2), Bound({"a": 1, "b": 2}, args=[])),
    ("simple: extra arguments go to $args", SIMPLE, (1, 2, 3, 4), Bound({"a": 1, "b": 2}, args=[3, 4])),
    ("simple: named and positional", SIMPLE, ("-b", 2, 1), Bound({"b": 2, "a": 1}, args=[])),
    ("simple: an unknown -name takes the next argument into $args", SIMPLE, ("-c", 5, 1),
     Bound({"a": 1}, args=["-c", 5])),
    # quirk kept from 5.1: an unbound named argument takes the next positional one even with a colon
    ("simple: an unknown -name:value", SIMPLE, (Colon("c", 5), 1), Bound({}, args=["-c:", 5, 1])),
    ("simple: no common parameters", SIMPLE, ("-Verbose",), Bound({}, args=["-Verbose"])),
    ("simple: a switch has no position", WITH_SWITCH, ("a", "b"), Bound({"Source": "a", "Destination": "b"})),
    ("simple: a switch by name", WITH_SWITCH, ("a", "-Force", "b"),
     Bound({"Force": True, "Source": "a", "Destination": "b"})),
    ("simple: ambiguous prefixes still fail", NAME_NUMBER, ("-N", 1),
     Fails("AmbiguousParameter", "Parameter cannot be processed because the parameter name 'N' is ambiguous. "
           "Possible matches include: -Name -Number.", at="-N")),
    # advanced functions
    ("advanced: common parameters", ADVANCED_COPY, ("a", "-Verbose"), Bound({"Verbose": True, "Source": "a"})),
    ("advanced: an extra argument", ADVANCED_COPY, ("a", "b", "c"),
     Fails("PositionalParameterNotFound", POSITIONAL.format("c"))),
    ("advanced: an unknown name", ADVANCED_COPY, ("-Nope", "x"),
     Fails("NamedParameterNotFound", NOT_FOUND.format("Nope"), at="-Nope")),
    ("PositionalBinding=$false", NAMED_ONLY, ("x",), Fails("PositionalParameterNotFound", POSITIONAL.format("x"))),
    ("PositionalBinding=$false by name", NAMED_ONLY, ("-Name", "x"), Bound({"Name": "x"})),
    ("one Position: the others are named", ONE_POSITION, (2, 3), Fails("PositionalParameterNotFound",
                                                                        POSITIONAL.format("3"))),
    ("one Position: by name works", ONE_POSITION, (2, "-y", 3), Bound({"y": 3, "x": 2})),
    # ValueFromRemainingArguments
    ("remaining arguments", REMAINING, ("a", "b", "c"), Bound({"First": "a", "Rest": ["b", "c"]})),
    ("remaining arguments take unknown names as text", REMAINING, ("a", "-x", "b"),
     Bound({"First": "a", "Rest": ["-x", "b"]})),
    ("nothing remaining", REMAINING, ("a",), Bound({"First": "a"})),
    # mandatory parameters
    ("mandatory: all given", MANDATORY, ("gw1", "-Address", "10.0.0.1"),
     Bound({"Address": "10.0.0.1", "Name": "gw1"}, ALL_PARAMETER_SETS)),
    ("mandatory: one missing", MANDATORY, ("gw1",), Fails("MissingMandatoryParameter", MISSING.format(" Address"))),
    ("mandatory: two missing, in declaration order", MANDATORY, ("-Port", 5060),
     Fails("MissingMandatoryParameter", MISSING.format(" Name Address"))),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_function_binding(meta, tokens, expected):
    check(meta, tokens, expected)


def test_args_remember_the_parameter_names_they_were_typed_as():
    binding = bind(SIMPLE, "-Fruit", "apple")
    flag = binding.unbound_arguments[0]
    assert (str(flag), flag.parameter_name) == ("-Fruit", "Fruit")


def test_missing_mandatory_parameters_are_prompted_for_on_interactive_hosts():
    asked = []

    def prompt(meta, missing):
        asked.append((meta.name, [p.name for p in missing]))
        return {"Address": "10.0.0.1"}

    binding = bind(MANDATORY, "gw1", prompt=prompt)
    assert asked == [("New-Gateway", ["Address"])]
    assert binding.bound == {"Name": "gw1", "Address": "10.0.0.1"}


def test_prompted_values_are_converted_and_validated():
    check(MANDATORY, ("gw1",), Fails("ParameterArgumentValidationErrorEmptyStringNotAllowed",
                                     "Cannot bind argument to parameter 'Address' because it is an empty string.",
                                     category="InvalidData", exception="ParameterBindingValidationException"),
          prompt=lambda meta, missing: {"Address": ""})  # fmt: skip


# --------------------------------------------------------------------------- metadata


def positions(meta):
    return {p.name: [i.position for i in p.sets.values()] for p in meta.own_parameters}


def test_implicit_positions_skip_switches():
    assert positions(WITH_SWITCH) == {"Source": [0], "Force": [None], "Destination": [1]}


def test_simple_and_advanced_functions():
    assert (SIMPLE.kind, SIMPLE.add_common_parameters, SIMPLE.get("Verbose")) == ("Function", False, None)
    assert ADVANCED_COPY.get("Verbose").is_common
    assert ONE_POSITION.add_common_parameters  # a [Parameter()] attribute makes a function advanced


def test_cmdlet_binding_settings():
    meta = function(
        "Remove-Widget", param("Id", type_name="int"),
        binding=attr("CmdletBinding", SupportsShouldProcess=None, ConfirmImpact=s("High"),
                     DefaultParameterSetName=s("ById")),
    )  # fmt: skip
    assert (meta.supports_should_process, meta.confirm_impact, meta.default_parameter_set) == (True, "High", "ById")
    assert meta.get("WhatIf").is_common and meta.get("Confirm").is_common


def test_parameter_attributes_map_to_parameter_sets():
    meta = function(
        "Get-Widget",
        param("Name", attr("Parameter", Mandatory=None, Position=n(0), ParameterSetName=s("ByName"),
                           ValueFromPipelineByPropertyName=None, HelpMessage=s("The widget's name")),
              attr("Parameter", ParameterSetName=s("All")), attr("Alias", s("WidgetName"), s("wn")),
              type_name="string[]"),  # fmt: skip
        param("InputObject", attr("Parameter", ValueFromPipeline=None)),
    )
    name = meta.get("Name")
    assert name.type_name == "String[]" and name.aliases == ("WidgetName", "wn")
    by_name, all_set = name.sets["ByName"], name.sets["All"]
    assert (by_name.mandatory, by_name.position, by_name.value_from_pipeline_by_property_name) == (True, 0, True)
    assert by_name.help_message == "The widget's name"
    assert (all_set.mandatory, all_set.position) == (False, None)
    assert meta.get("InputObject").sets[ALL_PARAMETER_SETS].value_from_pipeline
    assert meta.parameter_set_names == ["ByName", "All"]


def test_type_constraints_and_defaults():
    default = s("gw")
    meta = function("f", param("Count", type_name="int"), param("On", type_name="System.Management.Automation.SwitchParameter"),
                    param("Name", default=default), param("Any"))  # fmt: skip
    assert [p.type_name for p in meta.own_parameters] == ["Int32", "SwitchParameter", "Object", "Object"]
    assert meta.get("Name").default_value is default  # evaluated by the interpreter at call time


def test_validation_and_allow_attributes():
    meta = function("f", param("Mode", attr("ValidateNotNullOrEmpty"), attr("ValidateSet", s("a"), s("b")),
                               attr("AllowNull"), attr("AllowEmptyString"), attr("AllowEmptyCollection")))  # fmt: skip
    mode = meta.get("Mode")
    assert [(v.kind, v.args) for v in mode.validations] == [("ValidateSet", ("a", "b")), ("ValidateNotNullOrEmpty", ())]
    assert (mode.allow_null, mode.allow_empty_string, mode.allow_empty_collection) == (True, True, True)


def test_attribute_names_may_be_written_in_full():
    meta = function("f", param("x", attr("System.Management.Automation.ParameterAttribute", Mandatory=None),
                               attr("ValidateRangeAttribute", n(1), n(2))))  # fmt: skip
    assert meta.get("x").sets[ALL_PARAMETER_SETS].mandatory
    assert meta.get("x").validations[0].kind == "ValidateRange"
