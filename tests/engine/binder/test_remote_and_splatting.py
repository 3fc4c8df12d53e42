"""EMS's implicit-remoting cmdlets (ems-behaviour.md 4.2) and splatting (D13).

In EMS, Set-UMService is a local proxy function in front of the server's cmdlet: the proxy
resolves parameter names (so ambiguity, duplicates and missing arguments are local errors with
a position), the server does the rest (its errors carry the computer name and no position, and
a failed conversion reads "Cannot process argument transformation").
"""

from __future__ import annotations

import pytest
from binder_support import (
    REMOTE_COMPUTER,
    Arg,
    Bound,
    Colon,
    Fails,
    Splat,
    bind,
    bind_error,
    check,
    function,
    get_service,
    param,
    set_um_service,
)

from emshell.engine.psobject import Hashtable

SET_UM = set_um_service()
LOCAL_UM = set_um_service(remote=False)
TRANSFORM = "Cannot process argument transformation on parameter '{}'. {}"
TRANSFORMATION = {"category": "InvalidData", "exception": "ParameterBindingArgumentTransformationException"}
UM_STARTUP_MODE = "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMStartupMode"
ALREADY_BOUND = (
    "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to "
    'parameters that can accept multiple values, use the array syntax. For example, "-parameter '
    'value1,value2,value3".'
)

REMOTE_CASES = [
    ("binds", ("ex01", "-UMStartupMode", "tls", Colon("Confirm", False)),
     Bound({"UMStartupMode": "TLS", "Confirm": False, "Identity": "ex01"}, "__AllParameterSets")),
    ("-cf and -wi aliases", ("-Identity", "ex01", "-wi", Colon("cf", False)),
     Bound({"Identity": "ex01", "WhatIf": True, "Confirm": False})),
    ("-C is Confirm, a switch", ("-C", "ex01"), Bound({"Confirm": True, "Identity": "ex01"})),
    # local: name resolution in the proxy
    ("ambiguous prefix (local)", ("-I", "x"),
     Fails("AmbiguousParameter",
           "Parameter cannot be processed because the parameter name 'I' is ambiguous. Possible matches include: "
           "-Identity -IPAddressFamily -IPAddressFamilyConfigurable -IrmLogEnabled -IrmLogMaxAge "
           "-IrmLogMaxDirectorySize -IrmLogMaxFileSize -IrmLogPath -InformationAction -InformationVariable.",
           at="-I")),
    ("ambiguous prefix of two (local)", ("-IrmLogMax", "x"),
     Fails("AmbiguousParameter",
           "Parameter cannot be processed because the parameter name 'IrmLogMax' is ambiguous. Possible matches "
           "include: -IrmLogMaxAge -IrmLogMaxDirectorySize -IrmLogMaxFileSize.", at="-IrmLogMax")),
    ("a parameter twice (local)", ("-Identity", "a", "-Identity", "b"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("Identity"), at="-Identity")),
    ("the proxy sees duplicates before the server converts", ("-UMStartupMode", "Foo", "-UMStartupMode", "TCP"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("UMStartupMode"), at="-UMStartupMode")),
    ("missing argument: proxy parameters are [Object] (local)", ("-IrmLogEnabled",),
     Fails("MissingArgument", "Missing an argument for parameter 'IrmLogEnabled'. Specify a parameter of type "
           "'System.Object' and try again.", at="-IrmLogEnabled")),
    # server side
    ("unknown name (server)", ("ex01", "-Nope", "x"),
     Fails("NamedParameterNotFound", "A parameter cannot be found that matches parameter name 'Nope'.")),
    ("an extra positional argument (server)", ("ex01", "ex02"),
     Fails("PositionalParameterNotFound", "A positional parameter cannot be found that accepts argument 'ex02'.")),
    ("a bad enum value (server)", ("ex01", "-UMStartupMode", "Foo"),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "UMStartupMode", f'Cannot convert value "Foo" to type "{UM_STARTUP_MODE}". Error: "Unable to match the '
         "identifier name Foo to a valid enumerator name. Specify one of the following enumerator names and try "
         'again:\nTCP, TLS, Dual"'), **TRANSFORMATION)),
    ("a bad number (server)", ("ex01", "-MaxCallsAllowed", "many"),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "MaxCallsAllowed", 'Cannot convert value "many" to type "System.Int32". Error: "Input string was not in a '
         'correct format."'), **TRANSFORMATION)),
    ("a string for a Boolean (server)", ("ex01", "-IrmLogEnabled", "true"),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "IrmLogEnabled", 'Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept '
         "only Boolean values and numbers, such as $True, $False, 1 or 0."), **TRANSFORMATION)),
    ("a missing mandatory parameter (server)", ("-UMStartupMode", "TCP"),
     Fails("MissingMandatoryParameter",
           "Cannot process command because of one or more missing mandatory parameters: Identity.")),
]  # fmt: skip


@pytest.mark.parametrize(("tokens", "expected"), [c[1:] for c in REMOTE_CASES], ids=[c[0] for c in REMOTE_CASES])
def test_ems_remote_cmdlet(tokens, expected):
    check(SET_UM, tokens, expected)


def test_a_hashtable_for_a_multi_valued_property_stays_whole():
    changes = Hashtable([("Add", "dp2"), ("Remove", "dp1")])
    binding = bind(SET_UM, "ex01", "-DialPlans", Arg(changes, "@{Add='dp2';Remove='dp1'}"))
    assert binding.bound["DialPlans"] is changes  # the Exchange layer applies @{Add=...; Remove=...}


@pytest.mark.parametrize("tokens", [
    ("ex01", "-Nope", "x"), ("ex01", "ex02"), ("ex01", "-UMStartupMode", "Foo"), ("-UMStartupMode", "TCP"),
])  # fmt: skip
def test_server_side_errors_carry_the_computer_and_no_position(tokens):
    record = bind_error(SET_UM, *tokens)
    assert record.remote_computer == REMOTE_COMPUTER
    assert record.InvocationInfo.extent is None


@pytest.mark.parametrize(("tokens", "local_id", "local_message"), [
    (("ex01", "-UMStartupMode", "Foo"), "CannotConvertArgumentNoMessage",
     "Cannot bind parameter 'UMStartupMode'. Cannot convert value \"Foo\" to type "
     f'"{UM_STARTUP_MODE}". Error: "Unable to match the identifier name Foo to a valid enumerator name. '
     'Specify one of the following enumerator names and try again:\nTCP, TLS, Dual"'),
    (("-UMStartupMode", "Foo", "-UMStartupMode", "TCP"), "CannotConvertArgumentNoMessage",
     "Cannot bind parameter 'UMStartupMode'. Cannot convert value \"Foo\" to type "
     f'"{UM_STARTUP_MODE}". Error: "Unable to match the identifier name Foo to a valid enumerator name. '
     'Specify one of the following enumerator names and try again:\nTCP, TLS, Dual"'),
    (("ex01", "-Nope"), "NamedParameterNotFound", "A parameter cannot be found that matches parameter name 'Nope'."),
])  # fmt: skip
def test_the_same_cmdlet_run_locally_reports_compiled_cmdlet_errors(tokens, local_id, local_message):
    record = bind_error(LOCAL_UM, *tokens)
    assert record.FullyQualifiedErrorId == f"{local_id},Microsoft.Exchange.Management.Tasks.UM.SetUMServer"
    assert record.message == local_message
    assert record.remote_computer is None and record.InvocationInfo.extent is not None


GET_SERVICE = get_service()
SIMPLE = function("Show", param("a"), param("b"))

SPLAT_CASES = [
    ("hashtable entries bind by name", GET_SERVICE, (Splat(Hashtable([("Name", "spooler"), ("ComputerName", "srv1")])),),
     Bound({"Name": ["spooler"], "ComputerName": ["srv1"]}, "Default")),
    ("keys may be prefixes", GET_SERVICE, (Splat(Hashtable([("Na", "spooler")])),), Bound({"Name": ["spooler"]})),
    ("keys may be aliases", GET_SERVICE, (Splat(Hashtable([("ServiceName", "spooler")])),), Bound({"Name": ["spooler"]})),
    ("a switch from a hashtable", GET_SERVICE, (Splat(Hashtable([("DependentServices", False)])),),
     Bound({"DependentServices": False})),
    ("an array binds by position", GET_SERVICE, (Splat(["spooler"]),), Bound({"Name": ["spooler"]})),
    ("splatted and explicit arguments together", GET_SERVICE, ("-DS", Splat(Hashtable([("Name", "spooler")]))),
     Bound({"DependentServices": True, "Name": ["spooler"]})),
    ("an unknown key", GET_SERVICE, (Splat(Hashtable([("Nope", 1)]), "@opts"),),
     Fails("NamedParameterNotFound", "A parameter cannot be found that matches parameter name 'Nope'.", at="@opts")),
    # Windows PowerShell 5.1: an explicit parameter does not override a splatted one (7.1 changed that)
    ("explicit after splatted", GET_SERVICE, (Splat(Hashtable([("Name", "a")]), "@opts"), "-Name", "b"),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("Name"), at="-Name")),
    ("splatted after explicit", GET_SERVICE, ("-Name", "b", Splat(Hashtable([("Name", "a")]), "@opts")),
     Fails("ParameterAlreadyBound", ALREADY_BOUND.format("Name"), at="@opts")),
    ("a simple function's $args keep splatted names", SIMPLE, (Splat(Hashtable([("c", 1)])),),
     Bound({}, args=["-c:", 1])),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "expected"), [c[1:] for c in SPLAT_CASES], ids=[c[0] for c in SPLAT_CASES])
def test_splatting(meta, tokens, expected):
    check(meta, tokens, expected)
