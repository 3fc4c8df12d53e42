"""New-, Get-, Set-, Remove-UMMailboxPolicy on the built-in organization."""

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


def not_found(identity: str, cmdlet: str, code: str) -> tuple[str, str, str]:
    return (
        f"The operation couldn't be performed because object '{identity}' couldn't be found on 'DC01.contoso.com'.",
        f"NotSpecified: (:) [{cmdlet}], ManagementObjectNotFoundException",
        f"[FailureCategory=Cmdlet-ManagementObjectNotFoundException] {code},{SERVER_SIDE}{cmdlet.replace('-', '')}",
    )


def names(result) -> list[str]:
    assert not result.errors, result.text
    return [str(o.get_property("Name")) for o in result.output]


def policy(shell: Shell, name: str, *properties: str) -> list[str]:
    result = shell.run(f"Get-UMMailboxPolicy -Identity '{name}'")
    (obj,) = result.output
    return [str(obj.get_property(p)) for p in properties]


@pytest.fixture
def shell() -> Shell:
    return Shell()


# --------------------------------------------------------------------------- New-UMMailboxPolicy


def test_new_policy(shell) -> None:
    result = shell.run("New-UMMailboxPolicy -Name Sales -UMDialPlan MyDialPlan")
    assert result.text == (
        "\n"
        "Name                           UMDialPlan                MinPINLength PINLifetime\n"
        "----                           ----------                ------------ -----------\n"
        "Sales                          MyDialPlan                           6 60.00:00:00\n"
        "\n"
        "\n"
    )
    assert names(shell.run("Get-UMMailboxPolicy -UMDialPlan MyDialPlan")) == ["MyDialPlan Default Policy", "Sales"]
    assert policy(shell, "Sales", "MaxLogonAttempts", "LogonFailuresBeforePINReset", "AllowFax") == ["15", "5", "True"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-UMMailboxPolicy -Name MyUMMailboxPolicy -UMDialPlan MyUMDialPlan",
         ("Active Directory operation failed on DC01.contoso.com. The object 'CN=MyUMMailboxPolicy,CN=UM Mailbox "
          "Policies,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com' already "
          "exists.",
          "NotSpecified: (:) [New-UMMailboxPolicy], ADObjectAlreadyExistsException",
          "[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] 074971A7," + SERVER_SIDE + "NewUMMailboxPolicy")),
        ("New-UMMailboxPolicy -Name Sales -UMDialPlan NoSuchPlan",
         not_found("NoSuchPlan", "New-UMMailboxPolicy", "1EED6F1D")),
        ("New-UMMailboxPolicy -Name Sales",
         ("Cannot process command because of one or more missing mandatory parameters: UMDialPlan.",
          "InvalidArgument: (:) [New-UMMailboxPolicy], ParameterBindingException",
          "MissingMandatoryParameter,New-UMMailboxPolicy")),
        ("New-UMMailboxPolicy -Name ('P' * 65) -UMDialPlan MyDialPlan",
         ("The length of the property is too long. The maximum length is 64 and the length of the value provided is "
          "65.",
          "InvalidData: (:) [New-UMMailboxPolicy], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] 4FE8CCC1," + SERVER_SIDE + "NewUMMailboxPolicy")),
    ],
    ids=["name-taken", "unknown-dial-plan", "missing-dial-plan", "name-too-long"],
)  # fmt: skip
def test_new_policy_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


def test_new_policy_whatif(shell) -> None:
    before = shell.org.dump()
    result = shell.run("New-UMMailboxPolicy -Name Sales -UMDialPlan MyDialPlan -WhatIf")
    assert (result.text, shell.org.dump()) == ('What if: Creating UM mailbox policy "Sales".\n', before)


# --------------------------------------------------------------------------- Get-UMMailboxPolicy


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMMailboxPolicy", ["MyDialPlan Default Policy", "MySIPDialPlan Default Policy",
                                 "MyUMDialPlan Default Policy", "MyUMMailboxPolicy"]),
        ("Get-UMMailboxPolicy -Identity MyUMMailboxPolicy", ["MyUMMailboxPolicy"]),
        ("Get-UMMailboxPolicy -UMDialPlan MyUMDialPlan", ["MyUMDialPlan Default Policy", "MyUMMailboxPolicy"]),
    ],
)  # fmt: skip
def test_get_policies(shell, command: str, expected: list[str]) -> None:
    assert names(shell.run(command)) == expected


def test_get_policy_as_a_list(shell) -> None:
    text = shell.run("Get-UMMailboxPolicy MyUMMailboxPolicy | Format-List").text
    for line in ("MinPINLength                              : 6", "PINLifetime                               : 60.00:00:00",
                 "UMDialPlan                                : MyUMDialPlan", "Name                                      : "
                 "MyUMMailboxPolicy"):
        assert f"\n{line}\n" in text  # fmt: skip


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMMailboxPolicy -Identity NoSuchPolicy", not_found("NoSuchPolicy", "Get-UMMailboxPolicy", "13DE0C5F")),
        ("Get-UMMailboxPolicy -UMDialPlan NoSuchPlan", not_found("NoSuchPlan", "Get-UMMailboxPolicy", "13DE0C5F")),
    ],
)  # fmt: skip
def test_get_policy_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert failure(shell.run(command)) == expected


# --------------------------------------------------------------------------- Set-UMMailboxPolicy


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("-LogonFailuresBeforePINReset 8 -MaxLogonAttempts 12 -MinPINLength 8 -PINHistoryCount 10 -PINLifetime 60 "
         "-ResetPINText 'Your PIN was reset.'",
         {"LogonFailuresBeforePINReset": "8", "MaxLogonAttempts": "12", "MinPINLength": "8", "PINHistoryCount": "10",
          "PINLifetime": "60.00:00:00", "ResetPINText": "Your PIN was reset."}),
        ("-PINLifetime Unlimited -MaxLogonAttempts Unlimited", {"PINLifetime": "Unlimited", "MaxLogonAttempts": "Unlimited"}),
        ("-AllowDialPlanSubscribers $false -AllowedInCountryOrRegionGroups Local,LongDistance "
         "-AllowedInternationalGroups Europe -AllowExtensions $false",
         {"AllowDialPlanSubscribers": "False", "AllowedInCountryOrRegionGroups": "{Local, LongDistance}",
          "AllowedInternationalGroups": "{Europe}", "AllowExtensions": "False"}),
        ("-UMEnabledText 'Welcome to voice mail.' -VoiceMailText 'You have a voice message.' -FaxMessageText 'A fax.'",
         {"UMEnabledText": "Welcome to voice mail.", "VoiceMailText": "You have a voice message.",
          "FaxMessageText": "A fax."}),
        ("-AllowFax $false -AllowTUIAccessToCalendar $false -AllowTUIAccessToEmail $false -AllowPlayOnPhone $false "
         "-AllowSMSNotification $false -AllowVoiceMailPreview $false -AllowPinlessVoiceMailAccess $true",
         {"AllowFax": "False", "AllowTUIAccessToCalendar": "False", "AllowTUIAccessToEmail": "False",
          "AllowPlayOnPhone": "False", "AllowSMSNotification": "False", "AllowVoiceMailPreview": "False",
          "AllowPinlessVoiceMailAccess": "True"}),
        ("-ProtectAuthenticatedVoiceMail Private -ProtectUnauthenticatedVoiceMail All -RequireProtectedPlayOnPhone $true",
         {"ProtectAuthenticatedVoiceMail": "Private", "ProtectUnauthenticatedVoiceMail": "All",
          "RequireProtectedPlayOnPhone": "True"}),
        ("-VoiceMailPreviewPartnerAddress vmp@partner.com -VoiceMailPreviewPartnerAssignedID contoso-01 "
         "-VoiceMailPreviewPartnerMaxDeliveryDelay 600 -VoiceMailPreviewPartnerMaxMessageDuration 120",
         {"VoiceMailPreviewPartnerAddress": "vmp@partner.com", "VoiceMailPreviewPartnerAssignedID": "contoso-01",
          "VoiceMailPreviewPartnerMaxDeliveryDelay": "600", "VoiceMailPreviewPartnerMaxMessageDuration": "120"}),
        ("-UMDialPlan MyDialPlan -Name 'Renamed Policy' -ForceUpgrade",
         {"UMDialPlan": "MyDialPlan", "Name": "Renamed Policy"}),
    ],
)  # fmt: skip
def test_set_policy_shows_in_get(shell, arguments: str, expected: dict[str, str]) -> None:
    result = shell.run(f"Set-UMMailboxPolicy -Identity 'MyDialPlan Default Policy' {arguments}")
    assert result.ok and result.warnings == [], result.text
    name = expected.get("Name", "MyDialPlan Default Policy")
    assert dict(zip(expected, policy(shell, name, *expected))) == expected


def test_set_policy_nothing_new_warns(shell) -> None:
    result = shell.run("Set-UMMailboxPolicy MyUMMailboxPolicy -MinPINLength 6")
    assert result.warnings == [
        "The command completed successfully but no settings of 'MyUMMailboxPolicy' have been modified."
    ]


def test_set_policy_whatif(shell) -> None:
    before = shell.org.dump()
    result = shell.run("Set-UMMailboxPolicy MyUMMailboxPolicy -MinPINLength 8 -WhatIf")
    assert (result.text, shell.org.dump()) == ('What if: Setting UM mailbox policy "MyUMMailboxPolicy".\n', before)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMMailboxPolicy -Identity MyUMMailboxPolicy -LogonFailuresBeforePINReset 20",
         ("The value of LogonFailuresBeforePINReset must be less than the value of MaxLogonAttempts.",
          "InvalidData: (:) [Set-UMMailboxPolicy], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] 2FC7DA58," + SERVER_SIDE + "SetUMMailboxPolicy")),
        ("Set-UMMailboxPolicy -Identity MyUMMailboxPolicy -MinPINLength 30",
         ("The value 30 of property MinPINLength is out of range. It must be from 4 through 24.",
          "InvalidData: (:) [Set-UMMailboxPolicy], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] B6E0A462," + SERVER_SIDE + "SetUMMailboxPolicy")),
        ("Set-UMMailboxPolicy -Identity MyUMMailboxPolicy -ProtectAuthenticatedVoiceMail Some",
         ("Cannot process argument transformation on parameter 'ProtectAuthenticatedVoiceMail'. Cannot convert value "
          '"Some" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.DRMProtectionOptions". Error: "Unable '
          "to match the identifier name Some to a valid enumerator name. Specify one of the following enumerator "
          'names and try again:\nNone, Private, All"',
          "InvalidData: (:) [Set-UMMailboxPolicy], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,Set-UMMailboxPolicy")),
        ("Set-UMMailboxPolicy -Identity MyUMMailboxPolicy -UMDialPlan NoSuchPlan",
         not_found("NoSuchPlan", "Set-UMMailboxPolicy", "C13D8BAC")),
        ("Set-UMMailboxPolicy -Identity NoSuchPolicy -AllowFax $false",
         not_found("NoSuchPolicy", "Set-UMMailboxPolicy", "C13D8BAC")),
    ],
    ids=["resets-not-below-attempts", "pin-length-range", "bad-protection", "unknown-dial-plan", "unknown-policy"],
)  # fmt: skip
def test_set_policy_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- Remove-UMMailboxPolicy


def test_remove_unused_policy(shell) -> None:
    result = shell.run("Remove-UMMailboxPolicy -Identity 'MyUMDialPlan Default Policy' -Confirm:$false")
    assert (result.ok, result.text) == (True, "")
    assert names(shell.run("Get-UMMailboxPolicy -UMDialPlan MyUMDialPlan")) == ["MyUMMailboxPolicy"]


def test_remove_policy_in_use(shell) -> None:
    shell.run("New-UMMailboxPolicy -Name Sales -UMDialPlan MyUMDialPlan")
    org = shell.org
    org.enable_um_mailbox(org.resolve("mailbox", "davidp"), org.resolve("mailboxPolicy", "Sales"), extensions=["50142"])
    before = org.dump()
    result = shell.run("Remove-UMMailboxPolicy -Identity Sales -Confirm:$false")
    assert failure(result) == (
        'The UM mailbox policy "Sales" can\'t be removed because it\'s in use by: mailbox '
        '"contoso.com/Users/David Pelton".',
        "InvalidOperation: (:) [Remove-UMMailboxPolicy], TaskException",
        "[FailureCategory=Cmdlet-TaskException] 13E389F0," + SERVER_SIDE + "RemoveUMMailboxPolicy",
    )
    assert org.dump() == before


def test_remove_unknown_policy(shell) -> None:
    result = shell.run("Remove-UMMailboxPolicy -Identity NoSuchPolicy -Confirm:$false")
    assert failure(result) == not_found("NoSuchPolicy", "Remove-UMMailboxPolicy", "7C05B8D6")


def test_remove_policy_needs_confirmation(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Remove-UMMailboxPolicy 'MyUMDialPlan Default Policy' -WhatIf").text == (
        'What if: Removing UM mailbox policy "MyUMDialPlan Default Policy".\n'
    )
    assert [str(e) for e in shell.run("Remove-UMMailboxPolicy 'MyUMDialPlan Default Policy'").errors] == [
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    assert shell.org.dump() == before
