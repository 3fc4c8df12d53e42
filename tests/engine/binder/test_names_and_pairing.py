"""Parameter names (B6-9) and pairing names with values (C10-11, A4): command line -> bound
parameters, or -> error id, exact message and where it points."""

from __future__ import annotations

import pytest
from binder_support import Arg, Bound, Colon, Fails, check, get_service, set_um_service, stop_process

AMBIGUOUS = "Parameter cannot be processed because the parameter name '{}' is ambiguous. Possible matches include:{}."
ALREADY_BOUND = (
    "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to "
    'parameters that can accept multiple values, use the array syntax. For example, "-parameter '
    'value1,value2,value3".'
)
MISSING_ARGUMENT = "Missing an argument for parameter '{}'. Specify a parameter of type '{}' and try again."
NOT_FOUND = "A parameter cannot be found that matches parameter name '{}'."

GET_SERVICE = get_service()

NAME_CASES = [
    ("exact name", ("-Name", "spooler"), Bound({"Name": ["spooler"]}, "Default")),
    ("any case", ("-nAmE", "spooler"), Bound({"Name": ["spooler"]})),
    ("unique prefix", ("-Na", "spooler"), Bound({"Name": ["spooler"]})),
    ("one letter prefix", ("-N", "spooler"), Bound({"Name": ["spooler"]})),
    ("alias", ("-ServiceName", "spooler"), Bound({"Name": ["spooler"]})),
    ("alias prefix", ("-ServiceN", "spooler"), Bound({"Name": ["spooler"]})),
    ("short alias", ("-Cn", "srv1"), Bound({"ComputerName": ["srv1"]})),
    ("exact alias of a switch", ("-DS",), Bound({"DependentServices": True})),
    ("second alias", ("-ServicesDependedOn",), Bound({"RequiredServices": True})),
    ("declared parameter beats a common one", ("-De",), Bound({"DependentServices": True})),
    ("prefix that only names one", ("-Di", "Print Spooler"), Bound({"DisplayName": ["Print Spooler"]}, "DisplayName")),
    ("common parameter by alias", ("-ov", "out"), Bound({"OutVariable": "out"})),
    ("common parameter by prefix", ("-OutV", "out"), Bound({"OutVariable": "out"})),
    ("declared and common candidates", ("-D", "x"),
     Fails("AmbiguousParameter", AMBIGUOUS.format("D", " -DependentServices -DisplayName -Debug"), at="-D")),
    ("two declared, two common", ("-I", "x"),
     Fails("AmbiguousParameter",
           AMBIGUOUS.format("I", " -Include -InputObject -InformationAction -InformationVariable"), at="-I")),
    ("only common candidates", ("-Inf", "x"),
     Fails("AmbiguousParameter", AMBIGUOUS.format("Inf", " -InformationAction -InformationVariable"), at="-Inf")),
    ("unknown name", ("-Nope",), Fails("NamedParameterNotFound", NOT_FOUND.format("Nope"), at="-Nope")),
    ("unknown name keeps its spelling", ("-NOPE", "x"), Fails("NamedParameterNotFound", NOT_FOUND.format("NOPE"),
                                                               at="-NOPE")),
    ("prefixes do not stretch past the name", ("-Names", "x"),
     Fails("NamedParameterNotFound", NOT_FOUND.format("Names"), at="-Names")),
    ("same parameter twice", ("-Name", "a", "-Name", "b"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("Name"), at="-Name")),
    ("same parameter by alias", ("-Name", "a", "-ServiceName", "b"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("ServiceName"), at="-ServiceName")),
    ("same parameter by prefix", ("-DisplayName", "a", "-Disp", "b"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("Disp"), at="-Disp")),
    ("same switch twice", ("-DS", "-DependentServices"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("DependentServices"), at="-DependentServices")),
]  # fmt: skip


@pytest.mark.parametrize(("tokens", "expected"), [c[1:] for c in NAME_CASES], ids=[c[0] for c in NAME_CASES])
def test_parameter_names(tokens, expected):
    check(GET_SERVICE, tokens, expected)


PAIRING_CASES = [
    ("a switch does not take the next element", ("-DependentServices", "spooler"),
     Bound({"DependentServices": True, "Name": ["spooler"]}, "Default")),
    ("-Switch $false binds $false by position", ("-DependentServices", False),
     Bound({"DependentServices": True, "Name": ["False"]})),
    ("-Switch:$false", (Colon("DependentServices", False),), Bound({"DependentServices": False})),
    ("-Switch:$true", (Colon("DependentServices", True),), Bound({"DependentServices": True})),
    ("-Switch:0 is false", (Colon("DependentServices", 0),), Bound({"DependentServices": False})),
    ("-Switch:$null means present", (Colon("DependentServices", None),), Bound({"DependentServices": True})),
    ("-Name value", ("-Name", "a"), Bound({"Name": ["a"]})),
    ("-Name:value", (Colon("Name", "a"),), Bound({"Name": ["a"]})),
    ("-Name with nothing after it", ("-Include",),
     Fails("MissingArgument", MISSING_ARGUMENT.format("Include", "System.String[]"), at="-Include")),
    ("-Name followed by a parameter", ("-Include", "-DisplayName", "x"),
     Fails("MissingArgument", MISSING_ARGUMENT.format("Include", "System.String[]"), at="-Include")),
    ("-Name followed by a switch", ("-Include", "-DS"),
     Fails("MissingArgument", MISSING_ARGUMENT.format("Include", "System.String[]"), at="-Include")),
    ("-Name followed by a colon form", ("-Include", Colon("Exclude", "x")),
     Fails("MissingArgument", MISSING_ARGUMENT.format("Include", "System.String[]"), at="-Include")),
    ("-Name followed by a dash word that names nothing", ("-Include", "-foo"),
     Bound({"Include": ["-foo"]})),
    ("a quoted dash word is an argument", (Arg("-foo"),), Bound({"Name": ["-foo"]})),
    ("-- makes the rest arguments", ("--", "-Name"), Bound({"Name": ["-Name"]}, "Default")),
    ("-- then a value and a dash word", ("-DS", "--", "-DisplayName"),
     Bound({"DependentServices": True, "Name": ["-DisplayName"]})),
]  # fmt: skip


@pytest.mark.parametrize(("tokens", "expected"), [c[1:] for c in PAIRING_CASES], ids=[c[0] for c in PAIRING_CASES])
def test_pairing(tokens, expected):
    check(GET_SERVICE, tokens, expected)


def test_missing_argument_names_the_parameter_type():
    check(stop_process(), ("-Id",), Fails("MissingArgument", MISSING_ARGUMENT.format("Id", "System.Int32[]"),
                                          at="-Id"))  # fmt: skip


def test_bound_parameters_keep_binding_order():
    from binder_support import bind

    binding = bind(GET_SERVICE, "spooler", "-Include", "a*", "-DS")
    assert list(binding.bound) == ["Include", "DependentServices", "Name"]
    assert binding.bound_positionally == ["Name"]


def test_names_are_resolved_against_common_and_should_process_parameters():
    check(set_um_service(remote=False), ("ex01", "-wi", Colon("cf", False)),
          Bound({"WhatIf": True, "Confirm": False, "Identity": "ex01"}))  # fmt: skip
