"""UM IP gateways (New-, Get-, Set-, Remove-, Enable-, Disable-UMIPGateway) and the hunt groups that
live under them (New-, Get-, Remove-UMHuntGroup) on the built-in organization."""

from __future__ import annotations

import pytest

from emshell import Shell

SERVER_SIDE = "Microsoft.Exchange.Management.Tasks.UM."


def failure(result) -> tuple[str, str, str]:
    """(message, CategoryInfo, FullyQualifiedErrorId without the [Server=...] prefix) of the one error."""
    (error,) = result.errors
    fqid = error.FullyQualifiedErrorId
    if fqid.startswith("[Server="):
        fqid = fqid.split("] ", 1)[1]
    return str(error), str(error.CategoryInfo), fqid


def text(value) -> str:
    return "" if value is None else str(value)  # as the console shows an empty property


def shown(shell: Shell, command: str, *names: str) -> list[str]:
    result = shell.run(command)
    assert result.ok, result.text
    (obj,) = result.output
    return [text(obj.get_property(name)) for name in names]


def names(result) -> list[str]:
    return [str(o.get_property("Name")) for o in result.output]


@pytest.fixture
def shell() -> Shell:
    return Shell()


def not_found(identity: str, cmdlet: str, code: str) -> tuple[str, str, str]:
    return (
        f"The operation couldn't be performed because object '{identity}' couldn't be found on 'DC01.contoso.com'.",
        f"NotSpecified: (:) [{cmdlet}], ManagementObjectNotFoundException",
        f"[FailureCategory=Cmdlet-ManagementObjectNotFoundException] {code},{SERVER_SIDE}{cmdlet.replace('-', '')}",
    )


# --------------------------------------------------------------------------- New-UMIPGateway


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("-Address 10.10.10.2", ["10.10.10.2", "IPv4Only", "5060", "Enabled", "{}"]),
        ("-Address fe80::39bd:88f7:6969:d223%11 -IPAddressFamily Any",
         ["fe80::39bd:88f7:6969:d223%11", "Any", "5060", "Enabled", "{}"]),
        ("-Address gw.contoso.com -UMDialPlan MySIPDialPlan", ["gw.contoso.com", "IPv4Only", "5060", "Enabled",
                                                               "{:MySIPDialPlan}"]),
    ],
)  # fmt: skip
def test_new_gateway(shell, arguments: str, expected: list[str]) -> None:
    assert shown(shell, f"New-UMIPGateway -Name GW2 {arguments}", "Address", "IPAddressFamily", "Port", "Status",
                 "HuntGroups") == expected  # fmt: skip
    assert shown(shell, "Get-UMIPGateway GW2", "Name", "Address")[1] == expected[0]


def test_new_gateway_with_a_dial_plan_gets_a_hunt_group(shell) -> None:
    shell.run("New-UMIPGateway -Name GW2 -Address gw.contoso.com -UMDialPlan MySIPDialPlan")
    assert shown(shell, "Get-UMHuntGroup GW2\\GW2", "PilotIdentifier", "UMDialPlan", "UMIPGateway") == [
        "", "MySIPDialPlan", "GW2",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-UMIPGateway -Identity MyUMIPGateway -Address 10.10.10.1",
         ("A parameter cannot be found that matches parameter name 'Identity'.",
          "InvalidArgument: (:) [New-UMIPGateway], ParameterBindingException",
          "NamedParameterNotFound,New-UMIPGateway")),
        ("New-UMIPGateway -Name V6 -Address fe80::39bd:88f7:6969:d223%11",
         ("An IPv6 address can't be used when IPAddressFamily is IPv4Only.",
          "InvalidData: (:) [New-UMIPGateway], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] 97F995F3," + SERVER_SIDE + "NewUMIPGateway")),
        ("New-UMIPGateway -Name GW4 -Address 10.1.1.4 -UMDialPlan MySIPDialPlan",
         ('The UM IP gateway "GW4" must use an FQDN as its address to be linked to the Secured UM dial plan '
          '"MySIPDialPlan".',
          "InvalidOperation: (:) [New-UMIPGateway], TaskException",
          "[FailureCategory=Cmdlet-TaskException] 783D6349," + SERVER_SIDE + "NewUMIPGateway")),
        ("New-UMIPGateway -Name GW5 -Address 10.1.1.5 -UMDialPlan NoSuchPlan",
         not_found("NoSuchPlan", "New-UMIPGateway", "68A45910")),
        ("New-UMIPGateway -Name GW6 -Address 10.1.1.6 -IPAddressFamily IPv5",
         ("Cannot process argument transformation on parameter 'IPAddressFamily'. Cannot convert value \"IPv5\" to "
          'type "Microsoft.Exchange.Data.Directory.IPAddressFamily". Error: "Unable to match the identifier name IPv5 '
          "to a valid enumerator name. Specify one of the following enumerator names and try again:\n"
          'IPv4Only, IPv6Only, Any"',
          "InvalidData: (:) [New-UMIPGateway], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,New-UMIPGateway")),
    ],
    ids=["no-identity-parameter", "ipv6-needs-family", "secured-needs-fqdn", "unknown-dial-plan", "bad-family"],
)  # fmt: skip
def test_new_gateway_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


def test_new_gateway_whatif(shell) -> None:
    before = shell.org.dump()
    result = shell.run("New-UMIPGateway -Name GW2 -Address 10.1.1.2 -WhatIf")
    assert (result.text, shell.org.dump()) == ('What if: Creating UM IP gateway "GW2".\n', before)


# --------------------------------------------------------------------------- Get-UMIPGateway


def test_get_gateways_table(shell) -> None:
    assert shell.run("Get-UMIPGateway").text == (
        "\n"
        "Name                      Address                        Status      Port\n"
        "----                      -------                        ------      ----\n"
        "LyncPoolNA                northamerica.lyncpoolna.con... Enabled     5061\n"
        "MyUMIPGateway             10.10.10.1                     Enabled     5060\n"
        "\n"
        "\n"
    )


def test_simulators_are_listed_only_with_include_simulator(shell) -> None:
    shell.run("Set-UMIPGateway -Identity MyUMIPGateway -Simulator $true")
    assert names(shell.run("Get-UMIPGateway")) == ["LyncPoolNA"]
    assert names(shell.run("Get-UMIPGateway -IncludeSimulator")) == ["LyncPoolNA", "MyUMIPGateway"]
    assert names(shell.run("Get-UMIPGateway -Identity MyUMIPGateway")) == ["MyUMIPGateway"]


def test_get_one_gateway_as_a_list(shell) -> None:
    text = shell.run("Get-UMIPGateway -Identity MyUMIPGateway | Format-List").text
    for line in ("Address                        : 10.10.10.1", "OutcallsAllowed                : True",
                 "HuntGroups                     : {12345:MyUMDialPlan}", "Identity                       : MyUMIPGateway"):
        assert f"\n{line}\n" in text  # fmt: skip


def test_get_unknown_gateway(shell) -> None:
    assert failure(shell.run("Get-UMIPGateway 10.10.10.1")) == not_found("10.10.10.1", "Get-UMIPGateway", "36685EC8")


# --------------------------------------------------------------------------- Set-UMIPGateway


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("-Address 10.10.10.9", {"Address": "10.10.10.9"}),
        ("-Address 10.10.10.1 -Status Disabled -OutcallsAllowed $false",
         {"Status": "Disabled", "OutcallsAllowed": "False"}),
        ("-Address fe80::39bd:88f7:6969:d223%11 -IPAddressFamily Any -Status NoNewCalls",
         {"Address": "fe80::39bd:88f7:6969:d223%11", "IPAddressFamily": "Any", "Status": "NoNewCalls"}),
        ("-Simulator $true -Port 5080 -MessageWaitingIndicatorAllowed $false -DelayedSourcePartyInfoEnabled $true "
         "-ForceUpgrade",
         {"Simulator": "True", "Port": "5080", "MessageWaitingIndicatorAllowed": "False",
          "DelayedSourcePartyInfoEnabled": "True"}),
        ("-Name PBX01", {"Name": "PBX01", "HuntGroups": "{12345:MyUMDialPlan}"}),
    ],
)  # fmt: skip
def test_set_gateway_shows_in_get(shell, arguments: str, expected: dict[str, str]) -> None:
    result = shell.run(f"Set-UMIPGateway -Identity MyUMIPGateway {arguments}")
    assert result.ok and result.warnings == [], result.text
    name = expected.get("Name", "MyUMIPGateway")
    assert dict(zip(expected, shown(shell, f"Get-UMIPGateway {name}", *expected))) == expected


def test_renamed_gateway_keeps_its_hunt_groups(shell) -> None:
    shell.run("Set-UMIPGateway -Identity MyUMIPGateway -Name PBX01")
    assert shown(shell, "Get-UMHuntGroup PBX01\\MyUMHuntGroup", "UMIPGateway") == ["PBX01"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMIPGateway -Identity LyncPoolNA -Address 10.0.0.5",
         ('The UM IP gateway "LyncPoolNA" must use an FQDN as its address to be linked to the Secured UM dial plan '
          '"MySIPDialPlan".',
          "InvalidOperation: (:) [Set-UMIPGateway], TaskException",
          "[FailureCategory=Cmdlet-TaskException] 8C15C3D3," + SERVER_SIDE + "SetUMIPGateway")),
        ("Set-UMIPGateway -Identity MyUMIPGateway -Port 70000",
         ("The value 70000 of property Port is out of range. It must be from 0 through 65535.",
          "InvalidData: (:) [Set-UMIPGateway], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] B5356D32," + SERVER_SIDE + "SetUMIPGateway")),
        ("Set-UMIPGateway -Identity MyUMIPGateway -Name LyncPoolNA",
         ("Active Directory operation failed on DC01.contoso.com. The object 'CN=LyncPoolNA,CN=UM IPGateway "
          "Container,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com' "
          "already exists.",
          "NotSpecified: (:) [Set-UMIPGateway], ADObjectAlreadyExistsException",
          "[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] 377F67E4," + SERVER_SIDE + "SetUMIPGateway")),
        ("Set-UMIPGateway -Identity MyUMIPGateway -Status Paused",
         ("Cannot process argument transformation on parameter 'Status'. Cannot convert value \"Paused\" to type "
          '"Microsoft.Exchange.Data.Directory.SystemConfiguration.GatewayStatus". Error: "Unable to match the '
          "identifier name Paused to a valid enumerator name. Specify one of the following enumerator names and try "
          'again:\nEnabled, Disabled, NoNewCalls"',
          "InvalidData: (:) [Set-UMIPGateway], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,Set-UMIPGateway")),
        ("Set-UMIPGateway -Identity NoSuchGateway -Port 5061", not_found("NoSuchGateway", "Set-UMIPGateway", "F1084921")),
    ],
    ids=["secured-needs-fqdn", "port-range", "name-taken", "bad-status", "unknown-gateway"],
)  # fmt: skip
def test_set_gateway_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- Enable-/Disable-UMIPGateway


@pytest.mark.parametrize(
    ("command", "status"),
    [
        ("Disable-UMIPGateway -Identity MyUMIPGateway -Confirm:$false", "NoNewCalls"),
        ("Disable-UMIPGateway -Identity MyUMIPGateway -Immediate $false -Confirm:$false", "NoNewCalls"),
        ("Disable-UMIPGateway -Identity MyUMIPGateway -Immediate $true -Confirm:$false", "Disabled"),
        ("Disable-UMIPGateway MyUMIPGateway -Immediate $true -Confirm:$false; Enable-UMIPGateway MyUMIPGateway",
         "Enabled"),
    ],
)  # fmt: skip
def test_enable_and_disable_set_the_status(shell, command: str, status: str) -> None:
    result = shell.run(command)
    assert (result.ok, result.warnings) == (True, []), result.text
    assert shown(shell, "Get-UMIPGateway MyUMIPGateway", "Status") == [status]


def test_enable_an_enabled_gateway_warns(shell) -> None:
    result = shell.run("Enable-UMIPGateway -Identity MyUMIPGateway")
    assert result.warnings == ["The command completed successfully but no settings of 'MyUMIPGateway' have been "
                               "modified."]  # fmt: skip


def test_disable_needs_confirmation_in_a_script(shell) -> None:
    result = shell.run("Disable-UMIPGateway -Identity MyUMIPGateway")
    assert [str(e) for e in result.errors] == [
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    assert shown(shell, "Get-UMIPGateway MyUMIPGateway", "Status") == ["Enabled"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Enable-UMIPGateway -Identity NoSuchGateway", not_found("NoSuchGateway", "Enable-UMIPGateway", "66D95907")),
        ("Disable-UMIPGateway -Identity NoSuchGateway -Confirm:$false",
         not_found("NoSuchGateway", "Disable-UMIPGateway", "5DA1F50C")),
    ],
)  # fmt: skip
def test_enable_disable_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert failure(shell.run(command)) == expected


def test_disable_whatif(shell) -> None:
    result = shell.run("Disable-UMIPGateway -Identity MyUMIPGateway -WhatIf")
    assert result.text == 'What if: Disabling UM IP gateway "MyUMIPGateway".\n'
    assert shown(shell, "Get-UMIPGateway MyUMIPGateway", "Status") == ["Enabled"]


# --------------------------------------------------------------------------- Remove-UMIPGateway


def test_remove_gateway_takes_its_hunt_groups(shell) -> None:
    result = shell.run("Remove-UMIPGateway -Identity MyUMIPGateway -Confirm:$false")
    assert (result.ok, result.text) == (True, "")
    assert shell.org.names("ipGateway") == ["LyncPoolNA"]
    assert shell.org.names("huntGroup") == ["LyncPoolNA\\LyncPoolNA"]
    assert shown(shell, "Get-UMDialPlan MyUMDialPlan", "UMIPGateway") == ["{}"]


def test_remove_unknown_gateway(shell) -> None:
    result = shell.run("Remove-UMIPGateway -Identity NoSuchGateway -Confirm:$false")
    assert failure(result) == not_found("NoSuchGateway", "Remove-UMIPGateway", "1594FDB0")


def test_remove_gateway_whatif_and_confirmation(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Remove-UMIPGateway MyUMIPGateway -WhatIf").text == (
        'What if: Removing UM IP gateway "MyUMIPGateway".\n'
    )
    assert [str(e) for e in shell.run("Remove-UMIPGateway MyUMIPGateway").errors] == [
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- hunt groups


@pytest.mark.parametrize(
    ("arguments", "pilot"),
    [("-PilotIdentifier 12346", "12346"), ("-PilotIdentifier 5551234,55555", "5551234 55555"), ("", "")],
)
def test_new_hunt_group(shell, arguments: str, pilot: str) -> None:
    result = shell.run(f"New-UMHuntGroup -Name Sales -UMDialPlan MyUMDialPlan -UMIPGateway MyUMIPGateway {arguments}")
    assert result.ok, result.text
    assert [text(result.output[0].get_property(n)) for n in ("Name", "PilotIdentifier", "UMDialPlan", "UMIPGateway")] == [
        "Sales", pilot, "MyUMDialPlan", "MyUMIPGateway",
    ]  # fmt: skip
    assert shown(shell, "Get-UMIPGateway MyUMIPGateway", "HuntGroups") == [f"{{12345:MyUMDialPlan, {pilot}:MyUMDialPlan}}"]


def test_new_hunt_group_table_view(shell) -> None:
    result = shell.run("New-UMHuntGroup Sales -PilotIdentifier 12346 -UMDialPlan MyUMDialPlan -UMIPGateway MyUMIPGateway")
    assert result.text == (
        "\n"
        "Name                      PilotIdentifier      UMDialPlan                UMIPGateway              \n"
        "----                      ---------------      ----------                -----------              \n"
        "Sales                     12346                MyUMDialPlan              MyUMIPGateway            \n"
        "\n"
        "\n"
    )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-UMHuntGroup -Name MyUMHuntGroup -PilotIdentifier 12345 -UMDialPlan MyUMDialPlan -UMIPGateway MyUMIPGateway",
         ("Active Directory operation failed on DC01.contoso.com. The object 'CN=MyUMHuntGroup,CN=MyUMIPGateway,CN=UM "
          "IPGateway Container,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,"
          "DC=com' already exists.",
          "NotSpecified: (:) [New-UMHuntGroup], ADObjectAlreadyExistsException",
          "[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] 0412503A," + SERVER_SIDE + "NewUMHuntGroup")),
        ("New-UMHuntGroup -Name Other -PilotIdentifier 12345 -UMDialPlan MyUMDialPlan -UMIPGateway MyUMIPGateway",
         ('The UM IP gateway "MyUMIPGateway" already has a hunt group with pilot identifier "12345".',
          "InvalidOperation: (:) [New-UMHuntGroup], TaskException",
          "[FailureCategory=Cmdlet-TaskException] 0D6A6D5B," + SERVER_SIDE + "NewUMHuntGroup")),
        ("New-UMHuntGroup -Name Secure -UMDialPlan MySIPDialPlan -UMIPGateway MyUMIPGateway",
         ('The UM IP gateway "MyUMIPGateway" must use an FQDN as its address to be linked to the Secured UM dial plan '
          '"MySIPDialPlan".',
          "InvalidOperation: (:) [New-UMHuntGroup], TaskException",
          "[FailureCategory=Cmdlet-TaskException] A726E08A," + SERVER_SIDE + "NewUMHuntGroup")),
        ("New-UMHuntGroup -Name Other -UMDialPlan MyUMDialPlan -UMIPGateway NoSuchGateway",
         not_found("NoSuchGateway", "New-UMHuntGroup", "9050DBC5")),
        ("New-UMHuntGroup -Name Other -UMIPGateway MyUMIPGateway",
         ("Cannot process command because of one or more missing mandatory parameters: UMDialPlan.",
          "InvalidArgument: (:) [New-UMHuntGroup], ParameterBindingException",
          "MissingMandatoryParameter,New-UMHuntGroup")),
    ],
    ids=["name-taken", "pilot-taken", "secured-needs-fqdn", "unknown-gateway", "missing-dial-plan"],
)  # fmt: skip
def test_new_hunt_group_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMHuntGroup", ["LyncPoolNA", "MyUMHuntGroup"]),
        ("Get-UMHuntGroup -Identity MyUMIPGateway\\MyUMHuntGroup", ["MyUMHuntGroup"]),
        ("Get-UMHuntGroup -UMDialPlan MyUMDialPlan", ["MyUMHuntGroup"]),
        ("Get-UMHuntGroup -UMDialPlan MyDialPlan", []),
    ],
)
def test_get_hunt_groups(shell, command: str, expected: list[str]) -> None:
    assert names(shell.run(command)) == expected


def test_get_hunt_group_as_a_list(shell) -> None:
    text = shell.run("Get-UMHuntGroup -Identity MyUMIPGateway\\MyUMHuntGroup | Format-List").text
    for line in ("PilotIdentifier   : 12345", "UMDialPlan        : MyUMDialPlan", "UMIPGateway       : MyUMIPGateway",
                 "Identity          : MyUMHuntGroup"):
        assert f"\n{line}\n" in text  # fmt: skip


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMHuntGroup -Identity NoSuchGroup", not_found("NoSuchGroup", "Get-UMHuntGroup", "CE9CDC1D")),
        ("Get-UMHuntGroup -Identity LyncPoolNA\\MyUMHuntGroup",
         not_found("LyncPoolNA\\MyUMHuntGroup", "Get-UMHuntGroup", "CE9CDC1D")),
        ("Get-UMHuntGroup -UMDialPlan NoSuchPlan", not_found("NoSuchPlan", "Get-UMHuntGroup", "CE9CDC1D")),
        ("Remove-UMHuntGroup -Identity NoSuchGroup -Confirm:$false",
         not_found("NoSuchGroup", "Remove-UMHuntGroup", "ED607F65")),
    ],
    ids=["unknown-name", "another-gateway", "unknown-dial-plan", "remove-unknown-name"],
)
def test_hunt_group_lookup_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert failure(shell.run(command)) == expected


def test_a_hunt_group_name_two_gateways_share_needs_its_gateway(shell) -> None:
    shell.run("New-UMIPGateway -Name GW2 -Address 10.0.0.9 -UMDialPlan MyUMDialPlan; "
              "New-UMHuntGroup -Name MyUMHuntGroup -PilotIdentifier 999 -UMDialPlan MyUMDialPlan -UMIPGateway GW2")
    result = shell.run("Remove-UMHuntGroup -Identity MyUMHuntGroup -Confirm:$false")
    assert result.error_messages == ["The operation couldn't be performed because 'MyUMHuntGroup' matches multiple entries."]
    assert shell.run("Remove-UMHuntGroup -Identity GW2\\MyUMHuntGroup -Confirm:$false").errors == []
    assert shell.run("(Get-UMHuntGroup -Identity MyUMHuntGroup).PilotIdentifier").text == "12345\n"


@pytest.mark.parametrize(
    "command",
    [
        "Remove-UMHuntGroup -Identity MyUMIPGateway\\MyUMHuntGroup -Confirm:$false",
        "Get-UMHuntGroup -UMDialPlan MyUMDialPlan | Remove-UMHuntGroup -Confirm:$false",
    ],
)
def test_remove_hunt_group(shell, command: str) -> None:
    result = shell.run(command)
    assert (result.ok, result.text) == (True, "")
    assert shell.org.names("huntGroup") == ["LyncPoolNA\\LyncPoolNA"]
    assert shown(shell, "Get-UMIPGateway MyUMIPGateway", "HuntGroups") == ["{}"]


def test_remove_hunt_group_whatif(shell) -> None:
    result = shell.run("Remove-UMHuntGroup MyUMIPGateway\\MyUMHuntGroup -WhatIf")
    assert result.text == 'What if: Removing UM hunt group "MyUMIPGateway\\MyUMHuntGroup".\n'
    assert "MyUMIPGateway\\MyUMHuntGroup" in shell.org.names("huntGroup")
