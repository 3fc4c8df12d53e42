"""Syntax lines from command metadata: Get-Command -Syntax and Get-Help's SYNTAX section.

The rules are Windows PowerShell 5.1's ``CommandParameterSetInfo``: positional parameters
first (by position), then named mandatory, then named optional ones; the eleven common
parameters collapse into ``[<CommonParameters>]``; WhatIf and Confirm are listed by name.
"""

import pytest
from discovery_support import run, show

from emshell.engine.metadata import CommandMetadata, ParameterSetInfo, Validation, parameter
from emshell.engine.metadata import ParameterMetadata as P
from emshell.help.syntax import (
    command_syntax,
    command_type_text,
    help_parameter_order,
    help_syntax_items,
    set_syntax,
)


def _meta(params, **kwargs):
    return CommandMetadata("Test-Thing", params, **kwargs)


# --------------------------------------------------------------------------- one parameter set


@pytest.mark.parametrize(("params", "expected"), [
    # positional optional, positional mandatory, named optional, named mandatory
    ([parameter("Name", "String", position=0)], "[[-Name] <string>] [<CommonParameters>]"),
    ([parameter("Name", "String", position=0, mandatory=True)], "[-Name] <string> [<CommonParameters>]"),
    ([parameter("Count", "Int32")], "[-Count <int>] [<CommonParameters>]"),
    ([parameter("Id", "Int32[]", mandatory=True)], "-Id <int[]> [<CommonParameters>]"),
    # switches have no value; a mandatory switch has no brackets
    ([parameter("Force", "SwitchParameter")], "[-Force] [<CommonParameters>]"),
    ([parameter("Force", "SwitchParameter", mandatory=True)], "-Force [<CommonParameters>]"),
    # positional first by position, then named mandatory, then named optional (declaration order)
    ([parameter("Zeta", "String"), parameter("Must", "String", mandatory=True),
      parameter("Second", "Object", position=1), parameter("First", "PSObject", position=0)],
     "[[-First] <psobject>] [[-Second] <Object>] -Must <string> [-Zeta <string>] [<CommonParameters>]"),
], ids=["optional positional", "mandatory positional", "named", "mandatory named", "switch", "mandatory switch",
        "display order"])  # fmt: skip
def test_one_set_reads_as_5_1_writes_it(params, expected):
    assert set_syntax(_meta(params), "__AllParameterSets") == expected


def test_should_process_parameters_are_named_before_the_common_ones():
    metadata = _meta([parameter("Identity", "String", position=0, mandatory=True)], supports_should_process=True)
    assert set_syntax(metadata, "__AllParameterSets") == "[-Identity] <string> [-WhatIf] [-Confirm] [<CommonParameters>]"


def test_a_simple_function_has_no_common_parameters():
    metadata = _meta([parameter("a", "Object", position=0)], add_common_parameters=False)
    assert command_syntax(metadata) == "\nTest-Thing [[-a] <Object>]\n"


def test_each_parameter_set_is_a_line_after_an_empty_one():
    metadata = _meta([
        parameter("Name", "String[]", position=0, sets=("ByName",)),
        parameter("Id", "Int32[]", mandatory=True, sets=("ById",)),
        parameter("Force", "SwitchParameter"),
    ], default_parameter_set="ByName")  # fmt: skip
    assert command_syntax(metadata) == (
        "\nTest-Thing [[-Name] <string[]>] [-Force] [<CommonParameters>]\n"
        "\nTest-Thing -Id <int[]> [-Force] [<CommonParameters>]\n"
    )


@pytest.mark.parametrize(("type_name", "expected"), [
    ("String", "string"), ("String[]", "string[]"), ("Int32", "int"), ("Int64[]", "long[]"), ("Boolean", "bool"),
    ("Object", "Object"), ("Object[]", "Object[]"), ("PSObject", "psobject"), ("ScriptBlock[]", "scriptblock[]"),
    ("Hashtable", "hashtable"), ("DateTime", "datetime"), ("System.Management.Automation.PSCredential", "pscredential"),
    ("UMServerIdParameter", "UMServerIdParameter"), ("Microsoft.Exchange.Data.Fqdn", "Fqdn"),
])  # fmt: skip
def test_get_command_names_types_by_their_accelerators(type_name, expected):
    assert command_type_text(type_name) == expected


# --------------------------------------------------------------------------- help style


def test_help_syntax_names_types_as_declared_and_lists_accepted_values():
    metadata = _meta([
        parameter("Identity", "UMServerIdParameter", position=0, mandatory=True),
        parameter("Mode", "UMStartupMode", accepted_values=("TCP", "TLS", "Dual")),
        P("Level", "String", validations=(Validation("ValidateSet", "Low", "High"),)),
        parameter("Count", "Int32"),
        parameter("Quiet", "SwitchParameter"),
    ], supports_should_process=True)  # fmt: skip
    assert help_syntax_items(metadata) == [
        "Test-Thing [-Identity] <UMServerIdParameter> [-Mode {TCP | TLS | Dual}] [-Level {Low | High}] "
        "[-Count <Int32>] [-Quiet] [-WhatIf] [-Confirm] [<CommonParameters>]"
    ]


def test_exchange_named_parameters_keep_the_reference_alphabetical_order():
    metadata = _meta([
        parameter("Identity", "UMServerIdParameter", position=0, mandatory=True),
        parameter("UMStartupMode", "UMStartupMode"),
        parameter("DialPlans", "MultiValuedProperty"),
    ], supports_should_process=True, remote=True, kind="Function")  # fmt: skip
    assert set_syntax(metadata, "__AllParameterSets") == (
        "[-Identity] <UMServerIdParameter> [-Confirm] [-DialPlans <MultiValuedProperty>] "
        "[-UMStartupMode <UMStartupMode>] [-WhatIf] [<CommonParameters>]"
    )


def test_help_lists_parameters_in_the_order_they_first_appear_in_the_syntax():
    metadata = _meta([
        P("Value", "Object", sets={"A": ParameterSetInfo("A", 1), "B": ParameterSetInfo("B", 1)}),
        parameter("Name", "String", position=0, sets=("A",)),
        parameter("Id", "Int32", position=0, sets=("B",)),
    ])  # fmt: skip
    assert [p.name for p in help_parameter_order(metadata)] == ["Name", "Value", "Id"]


# --------------------------------------------------------------------------- through the shell


@pytest.mark.parametrize(("command", "expected"), [
    ("Get-Command Get-UMService -Syntax",
     "\nGet-UMService [[-Identity] <UMServerIdParameter>] [-DomainController <Fqdn>] [<CommonParameters>]\n\n"),
    ("Get-Command Set-UMService -Syntax",
     "\nSet-UMService [-Identity] <UMServerIdParameter> [-Confirm] [-DialPlans <MultiValuedProperty>] "
     "[-DomainController <Fqdn>] [-GrammarGenerationSchedule <ScheduleInterval[]>] [-IPAddressFamily "
     "<IPAddressFamily>] [-IPAddressFamilyConfigurable <bool>] [-IrmLogEnabled <bool>] [-IrmLogMaxAge "
     "<EnhancedTimeSpan>] [-IrmLogMaxDirectorySize <Unlimited>] [-IrmLogMaxFileSize <ByteQuantifiedSize>] "
     "[-IrmLogPath <LocalLongFullPath>] [-MaxCallsAllowed <int>] [-SIPAccessService <ProtocolConnectionSettings>] "
     "[-Status <ServerStatus>] [-UMStartupMode <UMStartupMode>] [-WhatIf] [<CommonParameters>]\n\n"),
    ("Get-Command Sort-Object -Syntax",
     "\nSort-Object [[-Property] <Object[]>] [-Descending] [-Unique] [-InputObject <psobject>] [-Culture <string>] "
     "[-CaseSensitive] [<CommonParameters>]\n\n"),
    ("function Show-It($Name, [int]$Count) {}; Get-Command Show-It -Syntax",
     "\nShow-It [[-Name] <Object>] [[-Count] <int>]\n\n"),
    ("Get-Command ft -Syntax",
     "\nFormat-Table [[-Property] <Object[]>] [-AutoSize] [-HideTableHeaders] [-Wrap] [-GroupBy <Object>] "
     "[-View <string>] [-ShowError] [-DisplayError] [-Force] [-Expand <string>] [-InputObject <psobject>] "
     "[<CommonParameters>]\n\n"),
], ids=["Get-UMService", "Set-UMService", "Sort-Object", "script function", "alias"])  # fmt: skip
def test_get_command_syntax_prints_each_set_after_an_empty_line(command, expected):
    result = run(command, width=400)
    assert result.ok, result.error_ids
    assert result.text == expected, show(result.text)


def test_the_default_set_comes_first():
    metadata = _meta([
        parameter("Name", "String[]", position=0, sets=("AllCommandSet",)),
        parameter("Noun", "String[]", sets=("CmdletSet",)),
    ], default_parameter_set="CmdletSet")  # fmt: skip
    assert command_syntax(metadata) == (
        "\nTest-Thing [-Noun <string[]>] [<CommonParameters>]\n"
        "\nTest-Thing [[-Name] <string[]>] [<CommonParameters>]\n"
    )
