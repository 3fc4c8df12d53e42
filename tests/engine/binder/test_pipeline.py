"""Pipeline input (H29-33): each object binds by value, then by property name, without and then
with coercion, into the parameters the command line left unbound."""

from __future__ import annotations

import pytest
from binder_support import (
    REMOTE_COMPUTER,
    Block,
    attr,
    bind,
    function,
    get_service,
    param,
    plain,
    set_um_service,
    stop_process,
    where_object,
)

from emshell.engine.errors import PSError
from emshell.engine.metadata import CommandMetadata, parameter
from emshell.engine.psobject import Hashtable, PSObject

NOT_BOUND = (
    "The input object cannot be bound to any parameters for the command either because the command does not take "
    "pipeline input or the input and its properties do not match any of the parameters that take pipeline input."
)


def obj(**properties) -> PSObject:
    return PSObject(properties)


class ServerObject:
    """An Exchange-like object exposing properties through the PS_PROPERTIES protocol."""

    PS_TYPE_NAMES = ("Deserialized.Microsoft.Exchange.Data.Directory.Management.UMServer", "Deserialized.System.Object")
    PS_PROPERTIES = ("Name", "Identity")

    def __init__(self, name: str):
        self.Name = name
        self.Identity = name


CASES = [
    ("by value", get_service(), (), "spooler", {"Name": ["spooler"]}, "Default"),
    ("by property name", get_service(), (), obj(Name="spooler", ComputerName="srv1"),
     {"Name": ["spooler"], "ComputerName": ["srv1"]}, "Default"),
    ("by property name through an alias", get_service(), (), obj(ServiceName="spooler"), {"Name": ["spooler"]},
     "Default"),
    ("a property of the protocol", get_service(), (), ServerObject("ex01"), {"Name": ["ex01"]}, "Default"),
    ("by property name, coerced", stop_process(), (), obj(Id="42"), {"Id": [42]}, "Id"),
    ("the property decides the set", stop_process(), (), obj(Name="notepad"), {"Name": ["notepad"]}, "Name"),
    ("property names ignore case", stop_process(), (), obj(processname="notepad"), {"Name": ["notepad"]}, "Name"),
    ("command line and pipeline together", stop_process(), ("-Force",), obj(Id=7), {"Force": True, "Id": [7]}, "Id"),
    # the identity parameter type turns a piped object into its identity
    ("an Exchange identity by value", set_um_service(), ("-UMStartupMode", "TLS"), ServerObject("ex01"),
     {"UMStartupMode": "TLS", "Identity": "ex01"}, "__AllParameterSets"),
    ("Where-Object's input object", where_object(), (Block("$_.Enabled"),), obj(Enabled=True),
     {"FilterScript": "<block>", "InputObject": "<object>"}, "ScriptBlockSet"),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "item", "bound", "set_name"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_pipeline_binding(meta, tokens, item, bound, set_name):
    binding = bind(meta, *tokens, pipeline=True)
    result = binding.bind_pipeline_object(item)
    expected = {k: (item if v == "<object>" else tokens[0] if v == "<block>" else v) for k, v in bound.items()}
    assert plain(result) == expected
    assert binding.parameter_set_name == set_name


NOT_BOUND_CASES = [
    ("a property that names no parameter", stop_process(), (), obj(Identity=1)),
    ("a prefix of a property name does not count", stop_process(), (), obj(I=1)),
    ("hashtable keys are not properties", stop_process(), (), Hashtable([("Id", 1)])),
    ("the parameter was given on the command line", stop_process(), ("-Id", 5), obj(Name="x")),
    ("nothing takes pipeline input", function("f", param("x")), (), 1),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "tokens", "item"), [c[1:] for c in NOT_BOUND_CASES],
                         ids=[c[0] for c in NOT_BOUND_CASES])  # fmt: skip
def test_input_object_not_bound(meta, tokens, item):
    binding = bind(meta, *tokens, pipeline=True)
    with pytest.raises(PSError) as caught:
        binding.bind_pipeline_object(item)
    record = caught.value.record
    assert record.message == NOT_BOUND
    assert record.FullyQualifiedErrorId.split(",")[0] == "InputObjectNotBound"
    assert record.CategoryInfo.Category == "InvalidArgument"
    assert record.TargetObject is item


def test_each_object_starts_from_the_command_line_binding():
    binding = bind(stop_process(), "-PassThru", pipeline=True)
    assert plain(binding.bind_pipeline_object(obj(Id=1))) == {"PassThru": True, "Id": [1]}
    assert plain(binding.bind_pipeline_object(obj(Name="x"))) == {"PassThru": True, "Name": ["x"]}
    assert binding.parameter_set_name == "Name"
    assert binding.bound_by_pipeline == ["Name"]
    with pytest.raises(PSError):
        binding.bind_pipeline_object(obj(Other=1))
    assert plain(binding.bind_pipeline_object(obj(Id=2))) == {"PassThru": True, "Id": [2]}


def test_an_object_missing_a_mandatory_property():
    meta = function(
        "New-Gateway",
        param("Name", attr("Parameter", Mandatory=None, ValueFromPipelineByPropertyName=None)),
        param("Address", attr("Parameter", Mandatory=None, ValueFromPipelineByPropertyName=None)),
    )
    binding = bind(meta, pipeline=True)  # both can come from the pipeline: no prompt, no error yet
    assert binding.bound == {}
    assert binding.bind_pipeline_object(obj(Name="gw1", Address="10.0.0.1")) == {"Address": "10.0.0.1", "Name": "gw1"}
    with pytest.raises(PSError) as caught:
        binding.bind_pipeline_object(obj(Name="gw2"))
    record = caught.value.record
    assert record.message == ("The input object cannot be bound because it did not contain the information required "
                              "to bind all mandatory parameters:  Address")  # fmt: skip
    assert record.FullyQualifiedErrorId == "InputObjectMissingMandatory,New-Gateway"


def test_mandatory_pipeline_parameters_are_not_missing_before_input_arrives():
    binding = bind(set_um_service(), "-UMStartupMode", "TLS", pipeline=True)
    assert plain(binding.bound) == {"UMStartupMode": "TLS"}


def test_a_failed_conversion_of_a_script_parameter_is_an_error_for_that_object():
    meta = function("Set-Port", param("Port", attr("Parameter", ValueFromPipelineByPropertyName=None), type_name="int"))
    binding = bind(meta, pipeline=True)
    with pytest.raises(PSError) as caught:
        binding.bind_pipeline_object(obj(Port="http"))
    record = caught.value.record
    assert record.FullyQualifiedErrorId == "ParameterArgumentTransformationError,Set-Port"
    assert record.message == ("Cannot process argument transformation on parameter 'Port'. Cannot convert value "
                              '"http" to type "System.Int32". Error: "Input string was not in a correct format."')
    assert record.TargetObject is not None
    assert binding.bind_pipeline_object(obj(Port="5060")) == {"Port": 5060}


def test_remote_pipeline_errors_come_from_the_server():
    binding = bind(set_um_service(), "-Identity", "ex01", pipeline=True)
    with pytest.raises(PSError) as caught:
        binding.bind_pipeline_object(ServerObject("ex02"))
    record = caught.value.record
    assert record.FullyQualifiedErrorId == "InputObjectNotBound,Set-UMService"
    assert record.remote_computer == REMOTE_COMPUTER
    assert record.InvocationInfo.extent is None


def test_delay_bind_script_blocks_run_for_each_object():
    upper = Block("$_.ToUpper()", str.upper)
    binding = bind(get_service(), "-Name", upper, pipeline=True)
    assert plain(binding.bind_pipeline_object("spooler")) == {"Name": ["SPOOLER"]}
    assert plain(binding.bind_pipeline_object("w32time")) == {"Name": ["W32TIME"]}


def test_a_delay_bind_script_block_needs_input():
    with pytest.raises(PSError) as caught:
        bind(get_service(), "-Name", Block("$_.Name", str))
    assert caught.value.record.message == (
        "Cannot evaluate parameter 'Name' because its argument is specified as a script block and there is no "
        "input. A script block cannot be evaluated without input.")  # fmt: skip


def test_an_object_that_does_not_convert_does_not_bind_by_value():
    set_date = CommandMetadata("Set-Date", [
        parameter("Date", "DateTime", position=0, mandatory=True, pipeline=True, by_property_name=True, sets=("Date",)),
        parameter("Adjust", "TimeSpan", position=0, mandatory=True, by_property_name=True, sets=("Adjust",)),
    ], default_parameter_set="Date", implementing_type="Microsoft.PowerShell.Commands.SetDateCommand")  # fmt: skip
    binding = bind(set_date, pipeline=True)
    with pytest.raises(PSError) as caught:
        binding.bind_pipeline_object("notepad")
    assert caught.value.record.message == NOT_BOUND
    binding.bind_pipeline_object("2016-06-01")
    assert (binding.bound_by_pipeline, binding.parameter_set_name) == (["Date"], "Date")


def test_a_property_that_does_not_convert_is_an_error_for_that_object():
    binding = bind(stop_process(), pipeline=True)
    with pytest.raises(PSError) as caught:
        binding.bind_pipeline_object(obj(Id="notepad"))
    record = caught.value.record
    assert record.FullyQualifiedErrorId == "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.StopProcessCommand"
    assert record.message == ("Cannot bind parameter 'Id'. Cannot convert value \"notepad\" to type \"System.Int32\". "
                              'Error: "Input string was not in a correct format."')


def test_a_positional_script_block_is_delay_bound_too():
    binding = bind(get_service(), Block("$_.Trim()", str.strip), pipeline=True)
    assert binding.bound_positionally == ["Name"]
    assert plain(binding.bind_pipeline_object(" spooler ")) == {"Name": ["spooler"]}
