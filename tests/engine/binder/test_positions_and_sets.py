"""Positional binding (E14-16) and parameter sets (F18-22): command line -> bound parameters and
chosen set, or -> error."""

from __future__ import annotations

import pytest
from binder_support import (
    Block,
    Bound,
    Colon,
    Fails,
    attr,
    bind,
    check,
    function,
    get_service,
    get_um_mailbox,
    n,
    param,
    s,
    stop_process,
    where_object,
)

AMBIGUOUS_SET = "Parameter set cannot be resolved using the specified named parameters."
POSITIONAL = "A positional parameter cannot be found that accepts argument '{}'."

GET_SERVICE = get_service()
STOP_PROCESS = stop_process()
WHERE_OBJECT = where_object()
GET_UM_MAILBOX = get_um_mailbox()
IS_ENABLED = Block("$_.Enabled")

# Get-Item-like function with gaps in its positions: Path at 0, Filter at 3, Depth at 7.
GAPS = function(
    "Get-Thing",
    param("Path", attr("Parameter", Position=n(0)), type_name="string"),
    param("Filter", attr("Parameter", Position=n(3)), type_name="string"),
    param("Depth", attr("Parameter", Position=n(7)), type_name="int"),
    binding=attr("CmdletBinding"),
)

# Two sets, one default, with a position that means different parameters in each set.
BY_NAME_OR_ID = function(
    "Get-Widget",
    param("Name", attr("Parameter", Position=n(0), ParameterSetName=s("ByName")), type_name="string"),
    param("Id", attr("Parameter", Position=n(0), ParameterSetName=s("ById")), type_name="int"),
    param("Tag", attr("Parameter", Position=n(1)), type_name="string"),
    binding=attr("CmdletBinding", DefaultParameterSetName=s("ByName")),
)

# Two sets, no default: one of them has a mandatory parameter.
HIGH_OR_LOW = function(
    "Send-Message",
    param("High", attr("Parameter", ParameterSetName=s("High"), Mandatory=None), type_name="switch"),
    param("Low", attr("Parameter", ParameterSetName=s("Low")), type_name="switch"),
    binding=attr("CmdletBinding"),
)

# Two sets, no default, nothing mandatory: nothing can choose.
EITHER = function(
    "Set-Either",
    param("Left", attr("Parameter", ParameterSetName=s("Left")), type_name="switch"),
    param("Right", attr("Parameter", ParameterSetName=s("Right")), type_name="switch"),
    binding=attr("CmdletBinding"),
)

# [CmdletBinding(DefaultParameterSetName='None')]: a default set that no parameter names.
NONE_DEFAULT = function(
    "Sync-Thing",
    param("Full", attr("Parameter", ParameterSetName=s("Full"), Mandatory=None), type_name="switch"),
    param("Since", attr("Parameter", ParameterSetName=s("Delta"), Mandatory=None), type_name="datetime"),
    param("Quiet", type_name="switch"),
    binding=attr("CmdletBinding", DefaultParameterSetName=s("None")),
)

CASES = [
    # E: positions
    ("first position", GET_SERVICE, ("spooler",), Bound({"Name": ["spooler"]}, "Default")),
    ("an argument with no position left", GET_SERVICE, ("a", "b"), Fails("PositionalParameterNotFound",
                                                                          POSITIONAL.format("b"))),
    ("named first, then by position", GET_SERVICE, ("-Include", "a*", "spooler"),
     Bound({"Include": ["a*"], "Name": ["spooler"]})),
    ("positions skip their gaps", GAPS, ("C:\\", "*.txt", 3),
     Bound({"Path": "C:\\", "Filter": "*.txt", "Depth": 3})),
    ("a named parameter frees the position for the next one", GAPS, ("-Path", "C:\\", "*.txt"),
     Bound({"Path": "C:\\", "Filter": "*.txt"})),
    ("positional $null", GET_SERVICE, ("a", None), Fails("PositionalParameterNotFound", POSITIONAL.format("$null"))),
    ("positional array shows its type", GET_SERVICE, ("a", ["b", "c"]),
     Fails("PositionalParameterNotFound", POSITIONAL.format("System.Object[]"))),
    ("default set first, without coercion", BY_NAME_OR_ID, ("gizmo",),
     Bound({"Name": "gizmo"}, "ByName")),
    ("another set without coercion beats the default set with it", BY_NAME_OR_ID, (42,),
     Bound({"Id": 42}, "ById")),
    ("the default set with coercion beats the others with it", BY_NAME_OR_ID, (4.5,),
     Bound({"Name": "4.5"}, "ByName")),
    ("the other set once it is chosen", BY_NAME_OR_ID, (Colon("Id", 7), "t"),
     Bound({"Id": 7, "Tag": "t"}, "ById")),
    # F: sets
    ("no arguments: the default set", GET_SERVICE, (), Bound({}, "Default")),
    ("a parameter of one set", GET_SERVICE, ("-DisplayName", "Print Spooler"),
     Bound({"DisplayName": ["Print Spooler"]}, "DisplayName")),
    ("parameters of two sets", GET_SERVICE, ("-Name", "a", "-DisplayName", "b"),
     Fails("AmbiguousParameterSet", AMBIGUOUS_SET)),
    ("a narrowed set has no position for the argument", GET_SERVICE, ("-DisplayName", "b", "x"),
     Fails("PositionalParameterNotFound", POSITIONAL.format("x"))),
    ("-Switch:$false still selects its set", HIGH_OR_LOW, (Colon("Low", False),), Bound({"Low": False}, "Low")),
    ("no default: the set without unbound mandatory parameters", HIGH_OR_LOW, (), Bound({}, "Low")),
    ("no default and nothing to decide", EITHER, (), Fails("AmbiguousParameterSet", AMBIGUOUS_SET)),
    ("a default set that no parameter names", NONE_DEFAULT, ("-Quiet",), Bound({"Quiet": True}, "None")),
    ("the other sets still narrow", NONE_DEFAULT, ("-Full",), Bound({"Full": True}, "Full")),
    ("two sets of a default-less cmdlet", GET_UM_MAILBOX, ("-Anr", "tony"), Bound({"Anr": "tony"}, "AnrSet")),
    ("position selects the Identity set", GET_UM_MAILBOX, ("tony",), Bound({"Identity": "tony"}, "Identity")),
    ("an all-sets parameter decides nothing", GET_UM_MAILBOX, ("-ResultSize", "10"),
     Fails("AmbiguousParameterSet", AMBIGUOUS_SET)),
    ("Anr narrows the sets before Identity's position", GET_UM_MAILBOX, ("tony", "-Anr", "x"),
     Fails("PositionalParameterNotFound", POSITIONAL.format("tony"))),
    # Where-Object: script block set vs property sets
    ("a script block goes to the script block set", WHERE_OBJECT, (IS_ENABLED,),
     Bound({"FilterScript": IS_ENABLED}, "ScriptBlockSet")),
    ("a property name alone: the default EqualSet", WHERE_OBJECT, ("Enabled",),
     Bound({"Property": "Enabled"}, "EqualSet")),
    ("property, -EQ and value", WHERE_OBJECT, ("Name", "-EQ", "spooler"),
     Bound({"EQ": True, "Property": "Name", "Value": "spooler"}, "EqualSet")),
    ("property, value and -Match", WHERE_OBJECT, ("Name", "^s", "-Match"),
     Bound({"Match": True, "Property": "Name", "Value": "^s"}, "MatchSet")),
    ("an operator alias", WHERE_OBJECT, ("Name", "-IMatch", "^s"),
     Bound({"Match": True, "Property": "Name", "Value": "^s"}, "MatchSet")),
    ("two operators", WHERE_OBJECT, ("Name", "-EQ", "-Match", "x"), Fails("AmbiguousParameterSet", AMBIGUOUS_SET)),
    # quirk kept from 5.1: once -EQ chose EqualSet, the script block converts to Property's string
    ("a script block with an operator", WHERE_OBJECT, (IS_ENABLED, "-EQ"),
     Bound({"EQ": True, "Property": "$_.Enabled"}, "EqualSet")),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_positions_and_sets(meta, tokens, expected):
    check(meta, tokens, expected)


def test_positional_conversion_failure_reports_the_original_error():
    check(STOP_PROCESS, ("notepad",), Fails(
        "CannotConvertArgumentNoMessage",
        "Cannot bind parameter 'Id'. Cannot convert value \"notepad\" to type \"System.Int32\". "
        "Error: \"Input string was not in a correct format.\"",
        at="notepad",
    ))  # fmt: skip


PIPED = function(
    "Set-Piped",
    param("InputObject", attr("Parameter", ParameterSetName=s("Object"), ValueFromPipeline=None)),
    param("Path", attr("Parameter", ParameterSetName=s("Path"))),
    param("Force", type_name="switch"),
    binding=attr("CmdletBinding", DefaultParameterSetName=s("Path")),
)


def test_pipeline_input_waits_with_every_set_that_can_take_it():
    binding = bind(GET_SERVICE, "-Include", "a*", pipeline=True)  # ComputerName takes input in every set
    assert binding.valid_sets == ["Default", "DisplayName", "InputObject"]
    assert binding.parameter_set_name == "Default"  # tentatively, as $PSCmdlet shows in begin


def test_pipeline_input_drops_the_sets_that_cannot_take_it():
    binding = bind(PIPED, "-Force", pipeline=True)
    assert binding.valid_sets == ["Object"]
    assert binding.parameter_set_name == "Object"


def test_without_pipeline_input_the_default_set_wins():
    binding = bind(PIPED, "-Force")
    assert binding.valid_sets == ["Path"]
    assert binding.parameter_set_name == "Path"
