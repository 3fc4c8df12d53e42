"""Get-Member: a ``   TypeName: X`` group per distinct type, then the auto-sized Name /
MemberType / Definition table (PowerShellCore.format.ps1xml's MemberDefinition view)."""

import pytest
from discovery_support import new_shell, run, show

CUSTOM = "[pscustomobject]@{Name='MBX01'; Mode='TLS'}"


def test_a_custom_object():
    result = run(f"{CUSTOM} | Get-Member")
    assert result.ok
    assert result.text == (
        "\n\n"
        "   TypeName: System.Management.Automation.PSCustomObject\n"
        "\n"
        "Name        MemberType   Definition                    \n"
        "----        ----------   ----------                    \n"
        "Equals      Method       bool Equals(System.Object obj)\n"
        "GetHashCode Method       int GetHashCode()             \n"
        "GetType     Method       type GetType()                \n"
        "ToString    Method       string ToString()             \n"
        "Mode        NoteProperty string Mode=TLS               \n"
        "Name        NoteProperty string Name=MBX01             \n"
        "\n\n"
    ), show(result.text)


def test_each_type_gets_its_own_group_once_in_arrival_order():
    result = run(f"{CUSTOM}, 'text', {CUSTOM}, 7 | Get-Member -MemberType Method -Name GetType")
    assert result.text == (
        "\n\n"
        "   TypeName: System.Management.Automation.PSCustomObject\n\n"
        "Name    MemberType Definition    \n"
        "----    ---------- ----------    \n"
        "GetType Method     type GetType()\n"
        "\n\n"
        "   TypeName: System.String\n\n"
        "Name    MemberType Definition    \n"
        "----    ---------- ----------    \n"
        "GetType Method     type GetType()\n"
        "\n\n"
        "   TypeName: System.Int32\n\n"
        "Name    MemberType Definition    \n"
        "----    ---------- ----------    \n"
        "GetType Method     type GetType()\n"
        "\n\n"
    ), show(result.text)


@pytest.mark.parametrize(("arguments", "names"), [
    ("", ["Equals", "GetHashCode", "GetType", "ToString", "Mode", "Name"]),
    ("-MemberType NoteProperty", ["Mode", "Name"]),
    ("-MemberType Properties", ["Mode", "Name"]),
    ("-MemberType Methods", ["Equals", "GetHashCode", "GetType", "ToString"]),
    ("-MemberType Method, NoteProperty -Name *o*", ["GetHashCode", "ToString", "Mode"]),
    ("-Name N*", ["Name"]),
    ("Get*", ["GetHashCode", "GetType"]),
])  # fmt: skip
def test_filters(arguments, names):
    output = run(f"{CUSTOM} | Get-Member {arguments}").output
    assert [member.Name for member in output] == names


def test_rows_are_member_definitions_scripts_can_read():
    shell = new_shell()
    member = shell.run(f"{CUSTOM} | Get-Member -Name Mode").output[0]
    assert (member.TypeName, member.Name, member.MemberType, member.Definition) == (
        "System.Management.Automation.PSCustomObject", "Mode", "NoteProperty", "string Mode=TLS")
    assert shell.run(f"({CUSTOM} | Get-Member -Name Mode).Definition").output == ["string Mode=TLS"]


def test_an_exchange_object_shows_its_type_and_properties():
    output = run("Get-UMService MyUMServer1 | Get-Member -MemberType NoteProperty").output
    assert {member.TypeName for member in output} == {"Microsoft.Exchange.Data.Directory.Management.UMServer"}
    names = [member.Name for member in output]
    assert {"UMStartupMode", "DialPlans", "RunspaceId", "Identity"} <= set(names)


def test_static_members_of_a_type():
    output = run("[math] | Get-Member -Static -Name Round, ReferenceEquals").output
    assert [(m.TypeName, m.Name, m.MemberType) for m in output] == [
        ("System.Math", "ReferenceEquals", "Method"), ("System.Math", "Round", "Method")]
    assert output[0].Definition == "static bool ReferenceEquals(System.Object objA, System.Object objB)"


def test_force_adds_the_hidden_members():
    names = [member.Name for member in run(f"{CUSTOM} | Get-Member -Force -MemberType MemberSet").output]
    assert names == ["psadapted", "psbase", "psextended", "psobject"]


@pytest.mark.parametrize("command", ["Get-Member", "$null | Get-Member", "@() | Get-Member"])
def test_without_an_object_it_fails(command):
    result = run(command)
    assert result.error_ids == ["NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"]
    assert str(result.errors[0]) == "You must specify an object for the Get-Member cmdlet."
    assert str(result.errors[0].CategoryInfo) == "CloseError: (:) [Get-Member], InvalidOperationException"
