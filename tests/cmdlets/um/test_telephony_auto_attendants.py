"""New-, Get-, Set-, Remove-, Enable-, Disable-UMAutoAttendant on the built-in organization."""

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


def invalid(message: str, cmdlet: str, code: str) -> tuple[str, str, str]:
    return (message, f"InvalidData: (:) [{cmdlet}], DataValidationException",
            f"[FailureCategory=Cmdlet-DataValidationException] {code},{SERVER_SIDE}{cmdlet.replace('-', '')}")  # fmt: skip


def names(result) -> list[str]:
    assert not result.errors, result.text
    return [str(o.get_property("Name")) for o in result.output]


def attendant(shell: Shell, name: str, *properties: str) -> list[str]:
    (obj,) = shell.run(f"Get-UMAutoAttendant -Identity {name}").output
    return ["" if obj.get_property(p) is None else str(obj.get_property(p)) for p in properties]


@pytest.fixture
def shell() -> Shell:
    return Shell()


# --------------------------------------------------------------------------- New-UMAutoAttendant


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("", ["Disabled", "{}", "False", "", "Pacific Standard Time"]),
        ("-PilotIdentifierList 55100 -Status Enabled", ["Enabled", "{55100}", "False", "", "Pacific Standard Time"]),
        ("-PilotIdentifierList 56000,56100 -SpeechEnabled $true -Status Enabled -DTMFFallbackAutoAttendant MyDTMFAA",
         ["Enabled", "{56000, 56100}", "True", "MyDTMFAA", "Pacific Standard Time"]),
    ],
)  # fmt: skip
def test_new_auto_attendant(shell, arguments: str, expected: list[str]) -> None:
    result = shell.run(f"New-UMAutoAttendant -Name Reception -UMDialPlan MyUMDialPlan {arguments}")
    assert result.ok, result.text
    shown = attendant(shell, "Reception", "Status", "PilotIdentifierList", "SpeechEnabled", "DTMFFallbackAutoAttendant",
                      "TimeZone")  # fmt: skip
    assert shown == expected
    assert "Reception" in str(shell.run("Get-UMDialPlan MyUMDialPlan").output[0].get_property("UMAutoAttendants"))


def test_new_auto_attendant_table_view(shell) -> None:
    result = shell.run("New-UMAutoAttendant Reception -UMDialPlan MyUMDialPlan -PilotIdentifierList 55100 -Status Enabled")
    assert result.text == (
        "\n"
        "Name                      Status     PilotIdentifierList       UMDialPlan               \n"
        "----                      ------     -------------------       ----------               \n"
        "Reception                 Enabled    {55100}                   MyUMDialPlan             \n"
        "\n"
        "\n"
    )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-UMAutoAttendant -Name MyUMAutoAttendant -UMDialPlan MyUMDialPlan -PilotIdentifierList 55000 -Status Enabled",
         ("Active Directory operation failed on DC01.contoso.com. The object 'CN=MyUMAutoAttendant,CN=UM AutoAttendant "
          "Container,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com' already "
          "exists.",
          "NotSpecified: (:) [New-UMAutoAttendant], ADObjectAlreadyExistsException",
          "[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] 94A9238B," + SERVER_SIDE + "NewUMAutoAttendant")),
        ("New-UMAutoAttendant -Name Reception -UMDialPlan MyUMDialPlan -DTMFFallbackAutoAttendant MyDTMFAA",
         invalid("A DTMF fallback auto attendant can be set only on a speech-enabled auto attendant.",
                 "New-UMAutoAttendant", "26059A01")),
        ("New-UMAutoAttendant -Name Reception -UMDialPlan NoSuchPlan",
         not_found("NoSuchPlan", "New-UMAutoAttendant", "2CA6E3AC")),
        ("New-UMAutoAttendant -Name Reception -UMDialPlan MyUMDialPlan -SpeechEnabled $true -DTMFFallbackAutoAttendant Nope",
         not_found("Nope", "New-UMAutoAttendant", "2CA6E3AC")),
        ("New-UMAutoAttendant -Name Reception -UMDialPlan MyUMDialPlan -Status NoNewCalls",
         ("Cannot process argument transformation on parameter 'Status'. Cannot convert value \"NoNewCalls\" to type "
          '"Microsoft.Exchange.Data.Directory.SystemConfiguration.StatusEnum". Error: "Unable to match the identifier '
          "name NoNewCalls to a valid enumerator name. Specify one of the following enumerator names and try again:\n"
          'Enabled, Disabled"',
          "InvalidData: (:) [New-UMAutoAttendant], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,New-UMAutoAttendant")),
    ],
    ids=["name-taken", "fallback-needs-speech", "unknown-dial-plan", "unknown-fallback", "bad-status"],
)  # fmt: skip
def test_new_auto_attendant_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


def test_new_auto_attendant_whatif(shell) -> None:
    before = shell.org.dump()
    result = shell.run("New-UMAutoAttendant -Name Reception -UMDialPlan MyUMDialPlan -WhatIf")
    assert (result.text, shell.org.dump()) == ('What if: Creating UM auto attendant "Reception".\n', before)


# --------------------------------------------------------------------------- Get-UMAutoAttendant


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMAutoAttendant", ["MyAutoAttendant", "MyDTMFAA", "MySpeechEnabledAA", "MyUMAutoAttendant",
                                 "SalesAutoAttendant"]),
        ("Get-UMAutoAttendant -Identity MyUMAutoAttendant", ["MyUMAutoAttendant"]),
        ("Get-UMAutoAttendant -UMDialPlan MyUMDialPlan", ["MyUMAutoAttendant"]),
        ("Get-UMAutoAttendant -UMDialPlan MySIPDialPlan", []),
    ],
)  # fmt: skip
def test_get_auto_attendants(shell, command: str, expected: list[str]) -> None:
    assert names(shell.run(command)) == expected


def test_get_auto_attendant_as_a_list(shell) -> None:
    text = shell.run("Get-UMAutoAttendant MyUMAutoAttendant | Format-List").text
    for line in ("PilotIdentifierList                       : {55000}", "SpeechEnabled                             : False",
                 "TimeZoneName                              : (UTC-08:00) Pacific Time (US & Canada)",
                 "UMDialPlan                                : MyUMDialPlan", "Status                                    : Enabled"):
        assert f"\n{line}\n" in text  # fmt: skip


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMAutoAttendant -Identity NoSuchAA", not_found("NoSuchAA", "Get-UMAutoAttendant", "219580EE")),
        ("Get-UMAutoAttendant -UMDialPlan NoSuchPlan", not_found("NoSuchPlan", "Get-UMAutoAttendant", "219580EE")),
    ],
)  # fmt: skip
def test_get_auto_attendant_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert failure(shell.run(command)) == expected


# --------------------------------------------------------------------------- Set-UMAutoAttendant


@pytest.mark.parametrize(
    ("identity", "arguments", "expected"),
    [
        ("MySpeechEnabledAA", "-DTMFFallbackAutoAttendant MyDTMFAA -OperatorExtension 50100 "
         "-AfterHoursTransferToOperatorEnabled $true",
         {"DTMFFallbackAutoAttendant": "MyDTMFAA", "OperatorExtension": "50100",
          "AfterHoursTransferToOperatorEnabled": "True"}),
        ("MyUMAutoAttendant", "-BusinessHoursSchedule 0.10:45-0.13:15,1.09:00-1.17:00,6.09:00-6.16:30 "
         "-HolidaySchedule 'New Year,newyrgrt.wav,1/2/2014','Building Closed,construction.wav,4/24/2014,4/28/2014'",
         {"BusinessHoursSchedule": "{Sun.10:45 AM-Sun.1:15 PM, Mon.9:00 AM-Mon.5:00 PM, Sat.9:00 AM-Sat.4:30 PM}",
          "HolidaySchedule": "{New Year,newyrgrt.wav,1/2/2014, Building Closed,construction.wav,4/24/2014,4/28/2014}"}),
        ("MyAutoAttendant", "-BusinessHoursKeyMappingEnabled $true -BusinessHoursKeyMapping "
         "'1,Sales,,SalesAutoAttendant','2,Support,12345','3,Directions,,,directions.wav'",
         {"BusinessHoursKeyMappingEnabled": "True",
          "BusinessHoursKeyMapping": "{1,Sales,,SalesAutoAttendant, 2,Support,12345, 3,Directions,,,directions.wav}"}),
        ("MyAutoAttendant", "-AfterHoursKeyMappingEnabled $true -AfterHoursKeyMapping '1,Emergency,50999' "
         "-AfterHoursWelcomeGreetingFilename closed.wav -AfterHoursWelcomeGreetingEnabled $true",
         {"AfterHoursKeyMapping": "{1,Emergency,50999}", "AfterHoursWelcomeGreetingEnabled": "True",
          "AfterHoursWelcomeGreetingFilename": "closed.wav"}),
        ("MyAutoAttendant", "-BusinessName Contoso -BusinessLocation Redmond -WeekStartDay Monday -NameLookupEnabled "
         "$false -CallSomeoneEnabled $false -SendVoiceMsgEnabled $true -ContactScope GlobalAddressList",
         {"BusinessName": "Contoso", "BusinessLocation": "Redmond", "WeekStartDay": "Monday",
          "NameLookupEnabled": "False", "CallSomeoneEnabled": "False", "SendVoiceMsgEnabled": "True",
          "ContactScope": "GlobalAddressList"}),
        ("MyAutoAttendant", "-InfoAnnouncementEnabled Uninterruptible -InfoAnnouncementFilename notice.wav "
         "-MatchedNameSelectionMethod Department -AllowExtensions $true -AllowDialPlanSubscribers $false",
         {"InfoAnnouncementEnabled": "Uninterruptible", "InfoAnnouncementFilename": "notice.wav",
          "MatchedNameSelectionMethod": "Department", "AllowExtensions": "True", "AllowDialPlanSubscribers": "False"}),
        ("MyAutoAttendant", "-Timezone 'Eastern Standard Time' -TimeZoneName '(UTC-05:00) Eastern Time (US & Canada)' "
         "-Language en-US -PilotIdentifierList 50500 -ForceUpgrade",
         {"TimeZone": "Eastern Standard Time", "TimeZoneName": "(UTC-05:00) Eastern Time (US & Canada)",
          "PilotIdentifierList": "{50500}"}),
        ("MyAutoAttendant", "-Name Lobby -SpeechEnabled $true", {"Name": "Lobby", "SpeechEnabled": "True"}),
    ],
)  # fmt: skip
def test_set_auto_attendant_shows_in_get(shell, identity: str, arguments: str, expected: dict[str, str]) -> None:
    result = shell.run(f"Set-UMAutoAttendant -Identity {identity} {arguments}")
    assert result.ok and result.warnings == [], result.text
    name = expected.get("Name", identity)
    assert dict(zip(expected, attendant(shell, name, *expected))) == expected


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMAutoAttendant -Identity MySpeechEnabledAA -DTMFFallbackAutoAttendant MyDTMFAA -OperatorExtension 50100 "
         "-AfterHoursTransferToOperatorEnabled $true -StaroutToDialPlanEnabled $true",
         ("A parameter cannot be found that matches parameter name 'StaroutToDialPlanEnabled'.",
          "InvalidArgument: (:) [Set-UMAutoAttendant], ParameterBindingException",
          "NamedParameterNotFound,Set-UMAutoAttendant")),
        ("Set-UMAutoAttendant -Identity MyDTMFAA -DTMFFallbackAutoAttendant MySpeechEnabledAA",
         invalid("A DTMF fallback auto attendant can be set only on a speech-enabled auto attendant.",
                 "Set-UMAutoAttendant", "DA105117")),
        ("Set-UMAutoAttendant -Identity MyAutoAttendant -BusinessHoursKeyMapping '1,Sales,,NoSuchAA'",
         invalid('The key mapping "1,Sales,,NoSuchAA" in BusinessHoursKeyMapping transfers to the UM auto attendant '
                 '"NoSuchAA", which doesn\'t exist.', "Set-UMAutoAttendant", "EE9C2BE9")),
        ("Set-UMAutoAttendant -Identity MyAutoAttendant -AfterHoursKeyMapping '0,Operator,12345'",
         invalid("The key 0 is reserved for the operator and can't be used in AfterHoursKeyMapping.",
                 "Set-UMAutoAttendant", "53ABB413")),
        ("Set-UMAutoAttendant -Identity MyAutoAttendant -BusinessHoursWelcomeGreetingEnabled $true",
         invalid("BusinessHoursWelcomeGreetingEnabled can't be $true until BusinessHoursWelcomeGreetingFilename is set.",
                 "Set-UMAutoAttendant", "6F8D162C")),
        ("Set-UMAutoAttendant -Identity MyAutoAttendant -Language fr-FR",
         invalid('The language "fr-FR" isn\'t available for Language: its UM language pack isn\'t installed on any '
                 "Mailbox server. Installed UM languages: en-US.", "Set-UMAutoAttendant", "2E025E3C")),
        ("Set-UMAutoAttendant -Identity MyAutoAttendant -WeekStartDay Funday",
         ("Cannot process argument transformation on parameter 'WeekStartDay'. Cannot convert value \"Funday\" to type "
          '"System.DayOfWeek". Error: "Unable to match the identifier name Funday to a valid enumerator name. Specify '
          'one of the following enumerator names and try again:\nSunday, Monday, Tuesday, Wednesday, Thursday, Friday, '
          'Saturday"',
          "InvalidData: (:) [Set-UMAutoAttendant], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,Set-UMAutoAttendant")),
        ("Set-UMAutoAttendant -Identity MyAutoAttendant -Name MyUMAutoAttendant",
         ("Active Directory operation failed on DC01.contoso.com. The object 'CN=MyUMAutoAttendant,CN=UM AutoAttendant "
          "Container,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com' already "
          "exists.",
          "NotSpecified: (:) [Set-UMAutoAttendant], ADObjectAlreadyExistsException",
          "[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] 24A25127," + SERVER_SIDE + "SetUMAutoAttendant")),
        ("Set-UMAutoAttendant -Identity NoSuchAA -SpeechEnabled $true",
         not_found("NoSuchAA", "Set-UMAutoAttendant", "F376071D")),
    ],
    ids=["no-starout-parameter", "fallback-needs-speech", "key-mapping-target", "key-0-reserved", "greeting-needs-file",
         "language-not-installed", "bad-day", "name-taken", "unknown-auto-attendant"],
)  # fmt: skip
def test_set_auto_attendant_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


def test_set_auto_attendant_nothing_new_warns(shell) -> None:
    result = shell.run("Set-UMAutoAttendant MyUMAutoAttendant -SpeechEnabled $false")
    assert result.warnings == [
        "The command completed successfully but no settings of 'MyUMAutoAttendant' have been modified."
    ]


# --------------------------------------------------------------------------- Enable-/Disable-UMAutoAttendant


@pytest.mark.parametrize(
    ("command", "status"),
    [
        ("Enable-UMAutoAttendant -Identity MyAutoAttendant", "Enabled"),
        ("Disable-UMAutoAttendant -Identity MyUMAutoAttendant -Confirm:$false", "Disabled"),
        ("Get-UMAutoAttendant -UMDialPlan MyDialPlan | Enable-UMAutoAttendant", "Enabled"),
    ],
)
def test_enable_disable(shell, command: str, status: str) -> None:
    result = shell.run(command)
    assert (result.ok, result.warnings) == (True, []), result.text
    name = "MyUMAutoAttendant" if "MyUMAutoAttendant" in command else "MyAutoAttendant"
    assert attendant(shell, name, "Status") == [status]


def test_enable_an_enabled_auto_attendant_warns(shell) -> None:
    result = shell.run("Enable-UMAutoAttendant MyUMAutoAttendant")
    assert result.warnings == [
        "The command completed successfully but no settings of 'MyUMAutoAttendant' have been modified."
    ]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Enable-UMAutoAttendant -Identity NoSuchAA", not_found("NoSuchAA", "Enable-UMAutoAttendant", "9C41A636")),
        ("Disable-UMAutoAttendant -Identity NoSuchAA -Confirm:$false",
         not_found("NoSuchAA", "Disable-UMAutoAttendant", "CDCF9FE9")),
    ],
)  # fmt: skip
def test_enable_disable_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert failure(shell.run(command)) == expected


def test_disable_needs_confirmation_and_whatif_changes_nothing(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Disable-UMAutoAttendant MyUMAutoAttendant -WhatIf").text == (
        'What if: Disabling UM auto attendant "MyUMAutoAttendant".\n'
    )
    assert shell.run("Enable-UMAutoAttendant MyAutoAttendant -WhatIf").text == (
        'What if: Enabling UM auto attendant "MyAutoAttendant".\n'
    )
    assert [str(e) for e in shell.run("Disable-UMAutoAttendant MyUMAutoAttendant").errors] == [
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- Remove-UMAutoAttendant


def test_remove_auto_attendant_unlinks_its_dial_plan(shell) -> None:
    result = shell.run("Remove-UMAutoAttendant -Identity MyUMAutoAttendant -Confirm:$false")
    assert (result.ok, result.text) == (True, "")
    assert "MyUMAutoAttendant" not in shell.org.names("autoAttendant")
    dial_plan = shell.run("Get-UMDialPlan MyUMDialPlan").output[0]
    assert (dial_plan.get_property("UMAutoAttendant"), str(dial_plan.get_property("UMAutoAttendants"))) == (None, "{}")


def test_remove_dtmf_fallback_in_use(shell) -> None:
    shell.run("Set-UMAutoAttendant MySpeechEnabledAA -DTMFFallbackAutoAttendant MyDTMFAA")
    before = shell.org.dump()
    result = shell.run("Remove-UMAutoAttendant -Identity MyDTMFAA -Confirm:$false")
    assert failure(result) == (
        'The UM auto attendant "MyDTMFAA" can\'t be removed because it\'s in use by: UM auto attendant '
        '"MySpeechEnabledAA".',
        "InvalidOperation: (:) [Remove-UMAutoAttendant], TaskException",
        "[FailureCategory=Cmdlet-TaskException] F3FA18D3," + SERVER_SIDE + "RemoveUMAutoAttendant",
    )
    assert shell.org.dump() == before


def test_remove_unknown_auto_attendant(shell) -> None:
    result = shell.run("Remove-UMAutoAttendant -Identity NoSuchAA -Confirm:$false")
    assert failure(result) == not_found("NoSuchAA", "Remove-UMAutoAttendant", "4E4E3467")


def test_remove_auto_attendant_needs_confirmation(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Remove-UMAutoAttendant MyDTMFAA -WhatIf").text == 'What if: Removing UM auto attendant "MyDTMFAA".\n'
    assert [str(e) for e in shell.run("Remove-UMAutoAttendant MyDTMFAA").errors] == [
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    assert shell.org.dump() == before
