"""Coercion and validation (G23-27): compiled cmdlets, script functions and EMS's remote
cmdlets each report a failed conversion in their own way."""

from __future__ import annotations

import pytest
from binder_support import (
    FALSE,
    Block,
    Bound,
    Colon,
    Fails,
    PyValue,
    attr,
    check,
    function,
    get_service,
    n,
    param,
    s,
    set_um_service,
    stop_process,
    where_object,
)

from emshell.engine.binder import lookup_type
from emshell.engine.errors import PSError

BIND = "Cannot bind parameter '{}'. {}"
TRANSFORM = "Cannot process argument transformation on parameter '{}'. {}"
VALIDATE = "Cannot validate argument on parameter '{}'. {}"
NOT_INT = 'Cannot convert value "{}" to type "System.Int32". Error: "Input string was not in a correct format."'
BOOLEAN_ONLY = ('Cannot convert value "{}" to type "{}". Boolean parameters accept only Boolean values and numbers, '
                "such as $True, $False, 1 or 0.")  # fmt: skip
NULL = "Cannot bind argument to parameter '{}' because it is null."
EMPTY_STRING = "Cannot bind argument to parameter '{}' because it is an empty string."
EMPTY_ARRAY = "Cannot bind argument to parameter '{}' because it is an empty array."
IN_SET = ('The argument "{}" does not belong to the set "{}" specified by the ValidateSet attribute. Supply an '
          "argument that is in the set and then try the command again.")  # fmt: skip
VALIDATION = {"category": "InvalidData", "exception": "ParameterBindingValidationException"}
TRANSFORMATION = {"category": "InvalidData", "exception": "ParameterBindingArgumentTransformationException"}

LOCAL_UM = set_um_service(remote=False)  # as a compiled cmdlet in a local runspace would report it
STOP_PROCESS = stop_process()
GET_SERVICE = get_service()

CMDLET_CASES = [
    ("string to Int32[]", STOP_PROCESS, ("-Id", "42"), Bound({"Id": [42]}, "Id")),
    ("a scalar becomes a one-element array", STOP_PROCESS, ("-Id", 42), Bound({"Id": [42]})),
    ("an array converts element by element", STOP_PROCESS, ("-Id", ["1", 2]), Bound({"Id": [1, 2]})),
    ("a bad element", STOP_PROCESS, ("-Id", [1, "x"]),
     Fails("CannotConvertArgumentNoMessage", BIND.format("Id", NOT_INT.format("x")), at="1,x")),
    ("a bad named value", STOP_PROCESS, ("-Id", "abc"),
     Fails("CannotConvertArgumentNoMessage", BIND.format("Id", NOT_INT.format("abc")), at="abc")),
    ("a bad -Name:value points at the value", STOP_PROCESS, (Colon("Id", "abc"),),
     Fails("CannotConvertArgumentNoMessage", BIND.format("Id", NOT_INT.format("abc")), at="abc")),
    ("an array for a scalar", where_object(), ("-Property", ["a", "b"]),
     Fails("CannotConvertArgument", "Cannot convert 'System.Object[]' to the type 'System.String' required by "
           "parameter 'Property'. Specified method is not supported.", at="a,b")),
    ("an array for an object parameter", where_object(), ("-Property", "a", "-Value", [1, 2]),
     Bound({"Property": "a", "Value": [1, 2]})),
    ("[bool] takes $true", LOCAL_UM, ("ex01", "-IrmLogEnabled", True), Bound({"IrmLogEnabled": True, "Identity": "ex01"})),
    ("[bool] takes numbers", LOCAL_UM, ("ex01", "-IrmLogEnabled", 0), Bound({"IrmLogEnabled": False, "Identity": "ex01"})),
    ("[bool] takes non-zero doubles", LOCAL_UM, ("ex01", "-IrmLogEnabled", 0.5),
     Bound({"IrmLogEnabled": True, "Identity": "ex01"})),
    ("[bool] refuses 'true'", LOCAL_UM, ("ex01", "-IrmLogEnabled", "true"),
     Fails("CannotConvertArgument", "Cannot convert 'System.String' to the type 'System.Boolean' required by "
           "parameter 'IrmLogEnabled'. ", at="true")),
    ("[bool] refuses $null", LOCAL_UM, ("ex01", "-IrmLogEnabled", None),
     Fails("ParameterArgumentValidationErrorNullNotAllowed", NULL.format("IrmLogEnabled"), at="$null")),
    ("a switch refuses a string", GET_SERVICE, (Colon("DependentServices", "yes"),),
     Fails("CannotConvertArgument", "Cannot convert 'System.String' to the type "
           "'System.Management.Automation.SwitchParameter' required by parameter 'DependentServices'. ", at="yes")),
    ("an enum by name, any case", LOCAL_UM, ("ex01", "-UMStartupMode", "dual"),
     Bound({"UMStartupMode": "Dual", "Identity": "ex01"})),
    ("an enum by unique prefix", LOCAL_UM, ("ex01", "-UMStartupMode", "TL"),
     Bound({"UMStartupMode": "TLS", "Identity": "ex01"})),
    ("an enum value that does not exist", LOCAL_UM, ("ex01", "-UMStartupMode", "Foo"),
     Fails("CannotConvertArgumentNoMessage", BIND.format("UMStartupMode",
           'Cannot convert value "Foo" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMStartupMode". '
           'Error: "Unable to match the identifier name Foo to a valid enumerator name. Specify one of the following '
           'enumerator names and try again:\nTCP, TLS, Dual"'), at="Foo")),
    ("an ambiguous enum prefix", LOCAL_UM, ("ex01", "-IPAddressFamily", "IPv"),
     Fails("CannotConvertArgumentNoMessage", BIND.format("IPAddressFamily",
           'Cannot convert value "IPv" to type "Microsoft.Exchange.Data.Directory.IPAddressFamily". Error: "The '
           "identifier name IPv cannot be processed due to the inability to differentiate between the following "
           'enumerator names: IPv4Only, IPv6Only. Try a more specific identifier name."'), at="IPv")),
    ("the engine's enums", GET_SERVICE, ("-ErrorAction", "stop"),
     Bound({"ErrorAction": lookup_type("ActionPreference")["Stop"]})),
    ("an Exchange value type converts through its registered parser", LOCAL_UM, ("-Identity", "ex01", "-IrmLogMaxAge", "30.00:00:00"),
     Bound({"Identity": "ex01", "IrmLogMaxAge": "30.00:00:00"})),
    ("a multi-valued property takes a list", LOCAL_UM, ("ex01", "-DialPlans", ["dp1", "dp2"]),
     Bound({"Identity": "ex01", "DialPlans": ["dp1", "dp2"]})),
    ("a multi-valued property wraps one value", LOCAL_UM, ("ex01", "-DialPlans", "dp1"),
     Bound({"Identity": "ex01", "DialPlans": ["dp1"]})),
    # G26: mandatory parameters refuse $null and empty values
    ("mandatory: $null", GET_SERVICE, ("-DisplayName", None),
     Fails("ParameterArgumentValidationErrorNullNotAllowed", NULL.format("DisplayName"), at="$null", **VALIDATION)),
    ("mandatory: an empty string element", GET_SERVICE, ("-DisplayName", ""),
     Fails("ParameterArgumentValidationErrorEmptyStringNotAllowed", EMPTY_STRING.format("DisplayName"), at="''",
           **VALIDATION)),
    ("mandatory: an empty array", GET_SERVICE, ("-DisplayName", []),
     Fails("ParameterArgumentValidationErrorEmptyArrayNotAllowed", EMPTY_ARRAY.format("DisplayName"), at="@()",
           **VALIDATION)),
    ("mandatory: a $null element", GET_SERVICE, ("-DisplayName", ["a", None]),
     Fails("ParameterArgumentValidationErrorNullNotAllowed", NULL.format("DisplayName"), at="a,$null", **VALIDATION)),
    ("not mandatory: $null is fine", GET_SERVICE, ("-Include", None), Bound({"Include": None})),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "expected"), [c[1:] for c in CMDLET_CASES], ids=[c[0] for c in CMDLET_CASES])
def test_compiled_cmdlets(meta, tokens, expected):
    check(meta, tokens, expected)


ADVANCED = attr("CmdletBinding")
CONVERT = function(
    "Set-Thing",
    param("Count", type_name="int"),
    param("Flag", type_name="bool"),
    param("Text", type_name="string"),
    param("Names", type_name="string[]"),
    param("On", type_name="switch"),
    param("Anything"),
    binding=ADVANCED,
)
FUNCTION_CONVERSION_CASES = [
    ("[int] from a string", ("-Count", "7"), Bound({"Count": 7})),
    ("[int] from a bad string", ("-Count", "abc"),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format("Count", NOT_INT.format("abc")), at="abc",
           **TRANSFORMATION)),
    ("[int] from an array", ("-Count", [1, 2]),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "Count", 'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".'),
         at="1,2", **TRANSFORMATION)),
    ("[string] joins an array", ("-Text", [1, 2]), Bound({"Text": "1 2"})),
    ("[string] from $null is empty", ("-Text", None), Bound({"Text": ""})),
    ("[string[]] wraps a scalar", ("-Names", "a"), Bound({"Names": ["a"]})),
    ("[bool] from $true", ("-Flag", True), Bound({"Flag": True})),
    ("[bool] from 1", ("-Flag", 1), Bound({"Flag": True})),
    ("[bool] refuses 'true'", ("-Flag", "true"),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "Flag", BOOLEAN_ONLY.format("System.String", "System.Boolean")), at="true", **TRANSFORMATION)),
    ("[bool] refuses $null", ("-Flag", None),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "Flag", BOOLEAN_ONLY.format("", "System.Boolean")), at="$null", **TRANSFORMATION)),
    ("[switch] refuses a string", (Colon("On", "yes"),),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "On", BOOLEAN_ONLY.format("System.String", "System.Management.Automation.SwitchParameter")), at="yes",
         **TRANSFORMATION)),
    ("untyped takes anything", ("-Anything", [1, "a"]), Bound({"Anything": [1, "a"]})),
]  # fmt: skip


@pytest.mark.parametrize(("tokens", "expected"), [c[1:] for c in FUNCTION_CONVERSION_CASES],
                         ids=[c[0] for c in FUNCTION_CONVERSION_CASES])  # fmt: skip
def test_function_parameters_convert_by_transformation(tokens, expected):
    check(CONVERT, tokens, expected)


GREATER_THAN_5 = Block("$_ -gt 5", lambda value: value > 5)


def validated(name: str, *attributes, type_name: str | None = None):
    return function("Test-Validation", param(name, *attributes, type_name=type_name), binding=ADVANCED)


VALIDATION_CASES = [
    ("ValidateSet: in the set", validated("Mode", attr("ValidateSet", s("a"), s("b"), s("c"))), ("-Mode", "b"),
     Bound({"Mode": "b"})),
    ("ValidateSet: any case by default", validated("Mode", attr("ValidateSet", s("a"), s("b"))), ("-Mode", "B"),
     Bound({"Mode": "B"})),
    ("ValidateSet: not in the set", validated("Mode", attr("ValidateSet", s("a"), s("b"), s("c"))), ("-Mode", "d"),
     Fails("ParameterArgumentValidationError", VALIDATE.format("Mode", IN_SET.format("d", "a,b,c")), at="d",
           **VALIDATION)),
    ("ValidateSet: IgnoreCase=$false",
     validated("Mode", attr("ValidateSet", s("a"), s("b"), IgnoreCase=FALSE)), ("-Mode", "B"),
     Fails("ParameterArgumentValidationError", VALIDATE.format("Mode", IN_SET.format("B", "a,b")), at="B",
           **VALIDATION)),
    ("ValidateSet: each element of an array", validated("Mode", attr("ValidateSet", s("a"), s("b")), type_name="string[]"),
     ("-Mode", ["a", "x"]),
     Fails("ParameterArgumentValidationError", VALIDATE.format("Mode", IN_SET.format("x", "a,b")), at="a,x",
           **VALIDATION)),
    ("ValidateRange: below", validated("Port", attr("ValidateRange", n(1), n(65535)), type_name="int"), ("-Port", 0),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Port", "The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater "
         "than or equal to 1 and then try the command again."), at="0", **VALIDATION)),
    ("ValidateRange: above, after conversion", validated("Port", attr("ValidateRange", n(1), n(65535)), type_name="int"),
     ("-Port", "70000"),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Port", "The 70000 argument is greater than the maximum allowed range of 65535. Supply an argument that is "
         "less than or equal to 65535 and then try the command again."), at="70000", **VALIDATION)),
    ("ValidateRange: inside", validated("Port", attr("ValidateRange", n(1), n(65535)), type_name="int"),
     ("-Port", "5060"), Bound({"Port": 5060})),
    ("ValidateLength: too short", validated("Pin", attr("ValidateLength", n(4), n(24))), ("-Pin", "12"),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Pin", 'The character length (2) of the argument is too short. Specify an argument with a length that is '
         'greater than or equal to "4", and then try the command again.'), at="12", **VALIDATION)),
    ("ValidateLength: too long", validated("Pin", attr("ValidateLength", n(1), n(3))), ("-Pin", "12345"),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Pin", "The character length of the 5 argument is too long. Shorten the character length of the argument "
         'so it is fewer than or equal to "3" characters, and then try the command again.'), at="12345",
         **VALIDATION)),
    ("ValidateCount: too many", validated("Tags", attr("ValidateCount", n(1), n(2)), type_name="string[]"),
     ("-Tags", ["a", "b", "c"]),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Tags", "The number of provided arguments, (3), exceeds the maximum number of allowed arguments (2). "
         "Provide fewer than 2 arguments, and then try the command again."), at="a,b,c", **VALIDATION)),
    ("ValidateCount: too few", validated("Tags", attr("ValidateCount", n(2), n(3)), type_name="string[]"),
     ("-Tags", "a"),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Tags", "The number of provided arguments (1) is fewer than the minimum number of allowed arguments (2). "
         "Provide more than 2 arguments, and then try the command again."), at="a", **VALIDATION)),
    ("ValidatePattern", validated("Extension", attr("ValidatePattern", s(r"^\d+$"))), ("-Extension", "12a"),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Extension", 'The argument "12a" does not match the "^\\d+$" pattern. Supply an argument that matches '
         '"^\\d+$" and try the command again.'), at="12a", **VALIDATION)),
    ("ValidateNotNullOrEmpty: empty string", validated("Name", attr("ValidateNotNullOrEmpty")), ("-Name", ""),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Name", "The argument is null or empty. Provide an argument that is not null or empty, and then try the "
         "command again."), at="''", **VALIDATION)),
    ("ValidateNotNullOrEmpty: empty array", validated("Name", attr("ValidateNotNullOrEmpty")), ("-Name", []),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Name", "The argument is null, empty, or an element of the argument collection contains a null value. "
         "Supply a collection that does not contain any null values and then try the command again."), at="@()",
         **VALIDATION)),
    ("ValidateNotNull", validated("Name", attr("ValidateNotNull")), ("-Name", None),
     Fails("ParameterArgumentValidationError", VALIDATE.format(
         "Name", "The argument is null. Provide a valid value for the argument, and then try running the command "
         "again."), at="$null", **VALIDATION)),
    ("Mandatory [string] refuses ''", validated("Name", attr("Parameter", Mandatory=None), type_name="string"),
     ("-Name", ""), Fails("ParameterArgumentValidationErrorEmptyStringNotAllowed", EMPTY_STRING.format("Name"),
                          at="''", **VALIDATION)),
    ("Mandatory [string] turns $null into ''", validated("Name", attr("Parameter", Mandatory=None), type_name="string"),
     ("-Name", None), Fails("ParameterArgumentValidationErrorEmptyStringNotAllowed", EMPTY_STRING.format("Name"),
                            at="$null", **VALIDATION)),
    ("AllowEmptyString", validated("Name", attr("Parameter", Mandatory=None), attr("AllowEmptyString"),
                                   type_name="string"), ("-Name", ""), Bound({"Name": ""})),
    ("Mandatory untyped refuses $null", validated("Value", attr("Parameter", Mandatory=None)), ("-Value", None),
     Fails("ParameterArgumentValidationErrorNullNotAllowed", NULL.format("Value"), at="$null", **VALIDATION)),
    ("AllowNull", validated("Value", attr("Parameter", Mandatory=None), attr("AllowNull")), ("-Value", None),
     Bound({"Value": None})),
    ("Mandatory [string[]] refuses @()", validated("Names", attr("Parameter", Mandatory=None), type_name="string[]"),
     ("-Names", []), Fails("ParameterArgumentValidationErrorEmptyArrayNotAllowed", EMPTY_ARRAY.format("Names"),
                           at="@()", **VALIDATION)),
    ("AllowEmptyCollection", validated("Names", attr("Parameter", Mandatory=None), attr("AllowEmptyCollection"),
                                       type_name="string[]"), ("-Names", []), Bound({"Names": []})),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "expected"), [c[1:] for c in VALIDATION_CASES],
                         ids=[c[0] for c in VALIDATION_CASES])  # fmt: skip
def test_validation(meta, tokens, expected):
    check(meta, tokens, expected)


def test_validate_script_runs_the_block_with_the_value():
    meta = validated("Size", attr("ValidateScript", PyValue(GREATER_THAN_5)), type_name="int")
    check(meta, ("-Size", 9), Bound({"Size": 9}))
    check(meta, ("-Size", 3), Fails("ParameterArgumentValidationError", VALIDATE.format(
        "Size", 'The "$_ -gt 5" validation script for the argument with value "3" did not return a result of True. '
        "Determine why the validation script failed, and then try the command again."), at="3", **VALIDATION))


def test_validation_attributes_run_right_to_left():
    meta = validated("Mode", attr("ValidateNotNullOrEmpty"), attr("ValidateSet", s("a"), s("b")))
    check(meta, ("-Mode", ""), Fails("ParameterArgumentValidationError",
                                     VALIDATE.format("Mode", IN_SET.format("", "a,b")), at="''", **VALIDATION))


def test_a_failed_transformation_by_position_ends_the_binding():
    check(CONVERT, ("abc",), Fails("ParameterArgumentTransformationError",
                                   TRANSFORM.format("Count", NOT_INT.format("abc")), at="abc", **TRANSFORMATION))


def test_validation_errors_are_binding_errors_scripts_can_catch():
    meta = validated("Mode", attr("ValidateSet", s("a")))
    with pytest.raises(PSError) as caught:
        check(meta, ("-Mode", "z"), Bound({}))
    assert caught.value.record.Exception.type_name == "System.Management.Automation.ParameterBindingValidationException"


SHOULD_PROCESS = function("Remove-ShareCredential", param("Target", type_name="string"),
                          binding=attr("CmdletBinding", SupportsShouldProcess=None))  # fmt: skip
COMMON_PARAMETER_CASES = [
    ("a common switch binds like a compiled cmdlet's", SHOULD_PROCESS, (Colon("Confirm", "$false"),),
     Fails("CannotConvertArgument", "Cannot convert 'System.String' to the type "
           "'System.Management.Automation.SwitchParameter' required by parameter 'Confirm'. ", at="$false")),
    ("a common enum parameter", SHOULD_PROCESS, ("-ErrorAction", "Later"),
     Fails("CannotConvertArgumentNoMessage", BIND.format(
         "ErrorAction", 'Cannot convert value "Later" to type "System.Management.Automation.ActionPreference". '
         'Error: "Unable to match the identifier name Later to a valid enumerator name. Specify one of the '
         'following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend"'),
         at="Later")),
    ("EMS proxies declare switches: a bad switch value fails locally", set_um_service(),
     ("ex01", Colon("Confirm", "no")),
     Fails("ParameterArgumentTransformationError", TRANSFORM.format(
         "Confirm", BOOLEAN_ONLY.format("System.String", "System.Management.Automation.SwitchParameter")), at="no",
         **TRANSFORMATION)),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "expected"), [c[1:] for c in COMMON_PARAMETER_CASES],
                         ids=[c[0] for c in COMMON_PARAMETER_CASES])  # fmt: skip
def test_common_and_proxy_parameters(meta, tokens, expected):
    check(meta, tokens, expected)
