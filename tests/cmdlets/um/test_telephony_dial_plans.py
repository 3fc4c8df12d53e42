"""New-, Get-, Set-, Remove-UMDialPlan on the built-in organization: what they change, what Get-
shows afterwards, and the errors EMS prints (exact text; unverified Exchange wording is the
model's paraphrase, see APPROXIMATIONS.md)."""

from __future__ import annotations

import pytest

from emshell import Shell

SERVER_SIDE = "Microsoft.Exchange.Management.Tasks.UM."


def failure(result) -> tuple[str, str, str]:
    """(message, CategoryInfo, FullyQualifiedErrorId without the [Server=...] prefix) of the one error."""
    (error,) = result.errors
    fqid = error.FullyQualifiedErrorId
    if fqid.startswith("[Server="):  # the server, request id and time differ from run to run in EMS
        fqid = fqid.split("] ", 1)[1]
    return str(error), str(error.CategoryInfo), fqid


def prop(result, name: str, index: int = 0):
    return result.output[index].get_property(name)


@pytest.fixture
def shell() -> Shell:
    return Shell()


# --------------------------------------------------------------------------- New-UMDialPlan


def test_new_dial_plan_returns_it_and_makes_its_default_policy(shell) -> None:
    result = shell.run(
        "New-UMDialPlan -Name Fabrikam -CountryOrRegionCode 44 -NumberOfDigitsInExtension 4 -URIType E164 "
        "-VoIPSecurity SIPSecured -AccessTelephoneNumbers +442075550100 -FaxEnabled $false"
    )
    assert result.ok, result.text
    assert [str(prop(result, n)) for n in ("Name", "NumberOfDigitsInExtension", "URIType", "VoIPSecurity",
                                           "CountryOrRegionCode", "AccessTelephoneNumbers", "FaxEnabled",
                                           "PhoneContext", "UMMailboxPolicies")] == [
        "Fabrikam", "4", "E164", "SIPSecured", "44", "{+442075550100}", "False", "Fabrikam.contoso.com",
        "{Fabrikam Default Policy}",
    ]  # fmt: skip
    policy = shell.run("Get-UMMailboxPolicy -UMDialPlan Fabrikam")
    assert [str(prop(policy, "Name")), str(prop(policy, "UMDialPlan"))] == ["Fabrikam Default Policy", "Fabrikam"]


def test_new_dial_plan_table_view(shell) -> None:
    result = shell.run("New-UMDialPlan -Name Fabrikam -CountryOrRegionCode 44 -NumberOfDigitsInExtension 4")
    assert result.text == (
        "\n"
        "Name                      NumberOfDigitsInExtension URIType    SubscriberType\n"
        "----                      ------------------------- -------    --------------\n"
        "Fabrikam                                          4 TelExtn    Enterprise    \n"
        "\n"
        "\n"
    )


def test_new_dial_plan_without_its_default_policy(shell) -> None:
    result = shell.run(
        "New-UMDialPlan Solo -CountryOrRegionCode 1 -NumberOfDigitsInExtension 3 -GenerateUMMailboxPolicy $false"
    )
    assert result.ok
    assert str(prop(result, "UMMailboxPolicies")) == "{}"
    assert "Solo Default Policy" not in shell.org.names("mailboxPolicy")


def test_new_dial_plan_whatif_changes_nothing(shell) -> None:
    before = shell.org.dump()
    result = shell.run("New-UMDialPlan -Name Fabrikam -CountryOrRegionCode 44 -NumberOfDigitsInExtension 4 -WhatIf")
    assert (result.text, result.output, shell.org.dump()) == ('What if: Creating UM dial plan "Fabrikam".\n', [], before)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-UMDialPlan -Name MyUMDialPlan -NumberOfDigitsInExtension 4",
         ("Cannot process command because of one or more missing mandatory parameters: CountryOrRegionCode.",
          "InvalidArgument: (:) [New-UMDialPlan], ParameterBindingException",
          "MissingMandatoryParameter,New-UMDialPlan")),
        ("New-UMDialPlan -Name MyUMDialPlan -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4",
         ("Active Directory operation failed on DC01.contoso.com. The object 'CN=MyUMDialPlan,CN=UM DialPlan "
          "Container,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com' "
          "already exists.",
          "NotSpecified: (:) [New-UMDialPlan], ADObjectAlreadyExistsException",
          "[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] B25D1BF2," + SERVER_SIDE + "NewUMDialPlan")),
        ("New-UMDialPlan -Name X -CountryOrRegionCode 1 -NumberOfDigitsInExtension 21",
         ("The value 21 of property NumberOfDigitsInExtension is out of range. It must be from 1 through 20.",
          "InvalidData: (:) [New-UMDialPlan], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] 6003F5AA," + SERVER_SIDE + "NewUMDialPlan")),
        ("New-UMDialPlan -Name X -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 -DefaultLanguage de-DE",
         ('The language "de-DE" isn\'t available for DefaultLanguage: its UM language pack isn\'t installed on any '
          "Mailbox server. Installed UM languages: en-US.",
          "InvalidData: (:) [New-UMDialPlan], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] C8CDD482," + SERVER_SIDE + "NewUMDialPlan")),
        ("New-UMDialPlan -Name X -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 -VoIPSecurity Encrypted",
         ('Cannot process argument transformation on parameter \'VoIPSecurity\'. Cannot convert value "Encrypted" to '
          'type "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMVoIPSecurityType". Error: "Unable to match '
          "the identifier name Encrypted to a valid enumerator name. Specify one of the following enumerator names "
          'and try again:\nSIPSecured, Unsecured, Secured"',
          "InvalidData: (:) [New-UMDialPlan], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,New-UMDialPlan")),
    ],
    ids=["missing-country-code", "name-taken", "too-many-digits", "language-not-installed", "bad-security"],
)  # fmt: skip
def test_new_dial_plan_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    result = shell.run(command)
    assert failure(result) == expected
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- Get-UMDialPlan


def test_get_lists_every_dial_plan(shell) -> None:
    result = shell.run("Get-UMDialPlan")
    assert [str(o.get_property("Name")) for o in result.output] == ["MyDialPlan", "MySIPDialPlan", "MyUMDialPlan"]


def test_get_one_dial_plan_as_a_list(shell) -> None:
    text = shell.run("Get-UMDialPlan -Identity MyUMDialPlan | Format-List").text
    for line in (
        "NumberOfDigitsInExtension               : 5",
        "AccessTelephoneNumbers                  : {+14255550100}",
        "VoIPSecurity                            : Unsecured",
        "UMMailboxPolicies                       : {MyUMDialPlan Default Policy, MyUMMailboxPolicy}",
        "UMAutoAttendants                        : {MyUMAutoAttendant}",
        "UMAutoAttendant                         : MyUMAutoAttendant",
        "UMIPGateway                             : {MyUMIPGateway}",
        "URIType                                 : TelExtn",
        "Identity                                : MyUMDialPlan",
    ):
        assert f"\n{line}\n" in text


def test_get_unknown_dial_plan(shell) -> None:
    assert failure(shell.run("Get-UMDialPlan NoSuchPlan")) == (
        "The operation couldn't be performed because object 'NoSuchPlan' couldn't be found on 'DC01.contoso.com'.",
        "NotSpecified: (:) [Get-UMDialPlan], ManagementObjectNotFoundException",
        "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] 17A70874," + SERVER_SIDE + "GetUMDialPlan",
    )


# --------------------------------------------------------------------------- Set-UMDialPlan


@pytest.mark.parametrize(
    ("arguments", "shown"),
    [
        ("-OutsideLineAccessCode 9", {"OutsideLineAccessCode": "9"}),
        ("-WelcomeGreetingEnabled $true -WelcomeGreetingFilename welcome.wav",
         {"WelcomeGreetingEnabled": "True", "WelcomeGreetingFilename": "welcome.wav"}),
        ("-AudioCodec wma -DialByNamePrimary FirstLast -DialByNameSecondary None",
         {"AudioCodec": "Wma", "DialByNamePrimary": "FirstLast", "DialByNameSecondary": "None"}),
        ("-MaxCallDuration 60 -MaxRecordingDuration 10 -RecordingIdleTimeout 8 -InputFailuresBeforeDisconnect 5 "
         "-LogonFailuresBeforeDisconnect 4",
         {"MaxCallDuration": "60", "MaxRecordingDuration": "10", "RecordingIdleTimeout": "8",
          "InputFailuresBeforeDisconnect": "5", "LogonFailuresBeforeDisconnect": "4"}),
        ("-AccessTelephoneNumbers @{Add='+14255550199'}", {"AccessTelephoneNumbers": "{+14255550199}"}),
        ("-PilotIdentifierList 55100,55101 -OperatorExtension 50000 -Extension 50001",
         {"PilotIdentifierList": "{55100, 55101}", "OperatorExtension": "50000", "Extension": "50001"}),
        ("-InfoAnnouncementEnabled Uninterruptible -InfoAnnouncementFilename notice.wav",
         {"InfoAnnouncementEnabled": "Uninterruptible", "InfoAnnouncementFilename": "notice.wav"}),
        ("-ContactScope GlobalAddressList -CallSomeoneEnabled $false -SendVoiceMsgEnabled $false",
         {"ContactScope": "GlobalAddressList", "CallSomeoneEnabled": "False", "SendVoiceMsgEnabled": "False"}),
        ("-VoIPSecurity Secured -UMAutoAttendant MyAutoAttendant",
         {"VoIPSecurity": "Secured", "UMAutoAttendant": "MyAutoAttendant"}),
        ("-CountryOrRegionCode 44 -InternationalAccessCode '00' -NationalNumberPrefix 0 -DefaultLanguage en-US "
         "-ForceUpgrade",
         {"CountryOrRegionCode": "44", "InternationalAccessCode": "00", "NationalNumberPrefix": "0"}),
        ("-ConfiguredInternationalGroups 'Europe,00*,00*,Calls to Europe' -AllowedInternationalGroups Europe",
         {"ConfiguredInternationalGroups": "{Europe,00*,00*,Calls to Europe}", "AllowedInternationalGroups": "{Europe}"}),
    ],
)  # fmt: skip
def test_set_dial_plan_shows_in_get(shell, arguments: str, shown: dict[str, str]) -> None:
    result = shell.run(f"Set-UMDialPlan -Identity MyDialPlan {arguments}")
    assert result.ok and result.warnings == [], result.text
    after = shell.run("Get-UMDialPlan MyDialPlan")
    assert {name: str(prop(after, name)) for name in shown} == shown


def test_set_dial_plan_with_dialing_rules_from_csv_rows(shell) -> None:
    result = shell.run(
        "$rows = [pscustomobject]@{Name='local'; NumberMask='9xxxxxxx'; DialedNumber='9xxxxxxx'; Comment='Local'},"
        " [pscustomobject]@{Name='long distance'; NumberMask='91xxxxxxxxxx'; DialedNumber='91xxxxxxxxxx'; Comment=''}\n"
        "Set-UMDialPlan -Identity MyDialPlan -ConfiguredInCountryOrRegionGroups $rows\n"
        "Set-UMDialPlan -Identity MyDialPlan -AllowedInCountryOrRegionGroups local"
    )
    assert result.ok, result.text
    after = shell.run("Get-UMDialPlan MyDialPlan")
    assert list(prop(after, "ConfiguredInCountryOrRegionGroups")) == [
        "local,9xxxxxxx,9xxxxxxx,Local", "long distance,91xxxxxxxxxx,91xxxxxxxxxx,",
    ]  # fmt: skip
    assert list(prop(after, "AllowedInCountryOrRegionGroups")) == ["local"]


def test_set_nothing_new_warns(shell) -> None:
    result = shell.run("Set-UMDialPlan MyDialPlan -OutsideLineAccessCode $null")
    assert result.ok
    assert result.warnings == ["The command completed successfully but no settings of 'MyDialPlan' have been modified."]


def test_set_whatif_changes_nothing(shell) -> None:
    before = shell.org.dump()
    result = shell.run("Set-UMDialPlan MyDialPlan -OutsideLineAccessCode 9 -WhatIf")
    assert (result.text, shell.org.dump()) == ('What if: Setting UM dial plan "MyDialPlan".\n', before)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMDialPlan -Identity MyDialPlan -Name Renamed",
         ("The Name property of a UM dial plan can't be changed after the UM dial plan is created.",
          "InvalidOperation: (:) [Set-UMDialPlan], TaskException",
          "[FailureCategory=Cmdlet-TaskException] B7519D2F," + SERVER_SIDE + "SetUMDialPlan")),
        ("Set-UMDialPlan -Identity MyDialPlan -URIType SipName",
         ("A parameter cannot be found that matches parameter name 'URIType'.",
          "InvalidArgument: (:) [Set-UMDialPlan], ParameterBindingException", "NamedParameterNotFound,Set-UMDialPlan")),
        ("Set-UMDialPlan -Identity MyDialPlan -NumberOfDigitsInExtension 4",
         ("A parameter cannot be found that matches parameter name 'NumberOfDigitsInExtension'.",
          "InvalidArgument: (:) [Set-UMDialPlan], ParameterBindingException", "NamedParameterNotFound,Set-UMDialPlan")),
        ("Set-UMDialPlan -Identity MyDialPlan -WelcomeGreetingEnabled $true",
         ("A welcome greeting can't be enabled until a welcome greeting file name is set (WelcomeGreetingFilename).",
          "InvalidData: (:) [Set-UMDialPlan], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] 6D0927B5," + SERVER_SIDE + "SetUMDialPlan")),
        ("Set-UMDialPlan -Identity MyDialPlan -MaxCallDuration 5",
         ("The value 5 of property MaxCallDuration is out of range. It must be from 10 through 120.",
          "InvalidData: (:) [Set-UMDialPlan], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] E7A4BFA6," + SERVER_SIDE + "SetUMDialPlan")),
        ("Set-UMDialPlan -Identity MyUMDialPlan -VoIPSecurity SIPSecured",
         ('The UM IP gateway "MyUMIPGateway" must use an FQDN as its address to be linked to the SIPSecured UM dial '
          'plan "MyUMDialPlan".',
          "InvalidOperation: (:) [Set-UMDialPlan], TaskException",
          "[FailureCategory=Cmdlet-TaskException] 9B7E49E4," + SERVER_SIDE + "SetUMDialPlan")),
        ("Set-UMDialPlan -Identity MyDialPlan -UMAutoAttendant NoSuchAA",
         ("The operation couldn't be performed because object 'NoSuchAA' couldn't be found on 'DC01.contoso.com'.",
          "NotSpecified: (:) [Set-UMDialPlan], ManagementObjectNotFoundException",
          "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] A018550F," + SERVER_SIDE + "SetUMDialPlan")),
        ("Set-UMDialPlan -Identity NoSuchPlan -FaxEnabled $false",
         ("The operation couldn't be performed because object 'NoSuchPlan' couldn't be found on 'DC01.contoso.com'.",
          "NotSpecified: (:) [Set-UMDialPlan], ManagementObjectNotFoundException",
          "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] A018550F," + SERVER_SIDE + "SetUMDialPlan")),
    ],
    ids=["name-immutable", "uri-type-not-settable", "digits-not-settable", "greeting-needs-file", "range",
         "secured-needs-fqdn-gateways", "unknown-auto-attendant", "unknown-dial-plan"],
)  # fmt: skip
def test_set_dial_plan_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    result = shell.run(command)
    assert failure(result) == expected
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- Remove-UMDialPlan


def test_remove_unused_dial_plan(shell) -> None:
    shell.run("New-UMDialPlan Spare -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 -GenerateUMMailboxPolicy $false")
    result = shell.run("Remove-UMDialPlan -Identity Spare -Confirm:$false")
    assert (result.ok, result.text) == (True, "")
    assert "Spare" not in shell.org.names("dialPlan")


def test_remove_after_its_users_are_gone(shell) -> None:
    result = shell.run(
        "New-UMDialPlan Spare -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 | Out-Null\n"
        "Remove-UMMailboxPolicy 'Spare Default Policy' -Confirm:$false\n"
        "Get-UMDialPlan Spare | Remove-UMDialPlan -Confirm:$false"
    )
    assert result.ok, result.text
    assert "Spare" not in shell.org.names("dialPlan")


@pytest.mark.parametrize(
    ("identity", "users"),
    [
        ("MyUMDialPlan", 'UM mailbox policy "MyUMDialPlan Default Policy", UM mailbox policy "MyUMMailboxPolicy", UM '
                         'auto attendant "MyUMAutoAttendant", UM hunt group "MyUMIPGateway\\MyUMHuntGroup"'),
        ("MySIPDialPlan", 'UM mailbox policy "MySIPDialPlan Default Policy", UM hunt group "LyncPoolNA\\LyncPoolNA", '
                          'UM service "MyUMServer2", UM service "MyUMServer3", UM call router settings '
                          '"MyUMServer2\\UMCallRouterSettings", UM call router settings '
                          '"MyUMServer3\\UMCallRouterSettings"'),
    ],
)  # fmt: skip
def test_remove_refused_while_in_use(shell, identity: str, users: str) -> None:
    before = shell.org.dump()
    result = shell.run(f"Remove-UMDialPlan -Identity {identity} -Confirm:$false")
    assert failure(result) == (
        f'The UM dial plan "{identity}" can\'t be removed because it\'s in use by: {users}.',
        "InvalidOperation: (:) [Remove-UMDialPlan], TaskException",
        "[FailureCategory=Cmdlet-TaskException] 53AEE823," + SERVER_SIDE + "RemoveUMDialPlan",
    )
    assert shell.org.dump() == before


def test_remove_needs_confirmation_in_a_script(shell) -> None:
    shell.run("New-UMDialPlan Spare -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 -GenerateUMMailboxPolicy $false")
    result = shell.run("Remove-UMDialPlan -Identity Spare")
    (error,) = result.errors
    assert (str(error), error.FullyQualifiedErrorId) == (
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        "InvalidOperation,Remove-UMDialPlan",
    )  # fmt: skip
    assert "Spare" in shell.org.names("dialPlan")


def test_remove_asks_interactively() -> None:
    shell = Shell(inputs=["Y"])
    shell.run("New-UMDialPlan Spare -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 -GenerateUMMailboxPolicy $false")
    result = shell.run("Remove-UMDialPlan -Identity Spare")
    assert result.ok, result.text
    assert 'Removing UM dial plan "Spare".' in result.text
    assert "Spare" not in shell.org.names("dialPlan")


def test_remove_whatif(shell) -> None:
    before = shell.org.dump()
    result = shell.run("Remove-UMDialPlan MyDialPlan -WhatIf")
    assert (result.text, shell.org.dump()) == ('What if: Removing UM dial plan "MyDialPlan".\n', before)
