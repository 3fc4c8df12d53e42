"""Enable-, Disable-, Get-, Set-UMMailbox on the built-in organization."""

from __future__ import annotations

import pytest
from mailboxes_support import error_of, not_found, not_um_enabled, server_error, unchanged, values

from emshell import Shell


@pytest.fixture
def shell() -> Shell:
    return Shell()


# --------------------------------------------------------------------------- Enable-UMMailbox


def test_enable_writes_the_um_mailbox(shell) -> None:
    result = shell.run("Enable-UMMailbox -Identity florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52000 "
                       "-PIN 2468135")  # fmt: skip
    assert result.text == (
        "\n"
        "Name                      UMEnabled Extensions           UMDialPlan                UMMailboxPolicy               \n"
        "----                      --------- ----------           ----------                ---------------               \n"
        "Florence Flipo            True      {52000}              MyUMDialPlan              MyUMMailboxPolicy             \n"
        "\n"
        "\n"
    )
    assert values(shell, "Get-UMMailbox florencef", "Extensions", "UMAddresses", "EmailAddresses") == [[
        "{52000}", "{EUM:52000;phone-context=MyUMDialPlan.contoso.com}",
        "{SMTP:florencef@contoso.com, EUM:52000;phone-context=MyUMDialPlan.contoso.com}",
    ]]  # fmt: skip
    # the PIN is expired unless -PINExpired $false: the task's default is $true
    assert values(shell, "Get-UMMailboxPin florencef", "PinExpired", "LockedOut") == [["True", "False"]]
    assert shell.org.resolve("mailbox", "florencef").pin == "2468135"


def test_enable_several_extensions_and_pin_not_expired(shell) -> None:
    shell.run("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52000,52001 -PIN 2468135 "
              "-PINExpired $false -AutomaticSpeechRecognitionEnabled $false")  # fmt: skip
    assert values(shell, "Get-UMMailbox florencef", "Extensions", "AutomaticSpeechRecognitionEnabled") == [
        ["{52000, 52001}", "False"]]  # fmt: skip
    assert values(shell, "Get-UMMailboxPin florencef", "PinExpired") == [["False"]]


def test_enable_keeps_numbers_as_typed(shell) -> None:
    shell.run("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 05123 -PIN 0246813")
    assert values(shell, "Get-UMMailbox florencef", "Extensions") == [["{05123}"]]
    assert shell.org.resolve("mailbox", "florencef").pin == "0246813"


def test_enable_takes_the_extension_from_the_phone_number(shell) -> None:
    assert values(shell, "Enable-UMMailbox davidp -UMMailboxPolicy MyUMMailboxPolicy", "Extensions") == [["{50142}"]]
    pin = shell.org.resolve("mailbox", "davidp").pin
    assert len(pin) == 6 and pin.isdigit()  # generated with the policy's minimum length


@pytest.mark.parametrize(
    ("policy", "arguments", "expected"),
    [
        ("MySIPDialPlan Default Policy", "-Extensions 23999 -SIPResourceIdentifier florencef@contoso.com",
         ["{23999}", "florencef@contoso.com",
          "{EUM:florencef@contoso.com;phone-context=MySIPDialPlan.contoso.com, "
          "eum:23999;phone-context=MySIPDialPlan.contoso.com}"]),
        ("MyDialPlan Default Policy", "-Extensions 50999 -SIPResourceIdentifier +14255550199",
         ["{50999}", "+14255550199",
          "{EUM:+14255550199;phone-context=MyDialPlan.contoso.com, eum:50999;phone-context=MyDialPlan.contoso.com}"]),
    ],
)  # fmt: skip
def test_enable_on_sip_and_e164_dial_plans(shell, policy: str, arguments: str, expected: list[str]) -> None:
    shell.run(f"Enable-UMMailbox florencef -UMMailboxPolicy '{policy}' {arguments}")
    assert values(shell, "Get-UMMailbox florencef", "Extensions", "SIPResourceIdentifier", "UMAddresses") == [expected]


def test_csv_driven_enablement(shell) -> None:
    script = (
        "$users = [PSCustomObject]@{Alias='davidp'; Policy='MyUMMailboxPolicy'; Extension='50142'; Pin='2468135'},"
        "[PSCustomObject]@{Alias='florencef'; Policy='MyUMMailboxPolicy'; Extension='50143'; Pin='1357913'},"
        "[PSCustomObject]@{Alias='johnw'; Policy='MyUMMailboxPolicy'; Extension='50142'; Pin='1357913'}\n"
        "$users | ForEach-Object { Enable-UMMailbox -Identity $_.Alias -UMMailboxPolicy $_.Policy "
        "-Extensions $_.Extension -PIN $_.Pin -PinExpired $true }"
    )
    result = shell.run(script)
    assert [str(o.get_property("Name")) for o in result.output] == ["David Pelton", "Florence Flipo"]
    assert error_of(result) == server_error(  # the third user's extension is taken: only that one fails
        "Enable-UMMailbox", 'The extension "50142" is already used by "contoso.com/Users/David Pelton" in dial plan '
        '"MyUMDialPlan".', "TaskException", "InvalidOperation", "ExtensionInUse")  # fmt: skip
    assert values(shell, "Get-UMMailboxPin florencef", "UserID", "PinExpired") == [["florencef@contoso.com", "True"]]


def test_enable_whatif_and_validateonly_change_nothing(shell) -> None:
    before = shell.org.dump()
    result = shell.run("Enable-UMMailbox davidp -UMMailboxPolicy MyUMMailboxPolicy -WhatIf")
    assert result.text == 'What if: Enabling Unified Messaging for mailbox "davidp" with UM mailbox policy ' \
                          '"MyUMMailboxPolicy".\n'  # fmt: skip
    result = shell.run("Enable-UMMailbox davidp -UMMailboxPolicy MyUMMailboxPolicy -ValidateOnly")
    assert [str(o.get_property("UMEnabled")) for o in result.output] == ["True"]  # what would be written
    assert shell.org.dump() == before


@pytest.mark.parametrize(
    ("command", "message", "exception", "category", "error_id"),
    [
        ("Enable-UMMailbox tonysmith -UMMailboxPolicy MyUMMailboxPolicy -Extensions 51999",
         'The mailbox "Tony Smith" is already enabled for Unified Messaging.', "TaskException", "InvalidOperation",
         "UserAlreadyUmEnabledException"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 51234",
         'The extension "51234" is already used by "contoso.com/Users/Tony Smith" in dial plan "MyUMDialPlan".',
         "TaskException", "InvalidOperation", "ExtensionInUse"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 123",
         'The extension "123" isn\'t valid for dial plan "MyUMDialPlan": it must be 5 digits long.',
         "DataValidationException", "InvalidData", "InvalidExtension"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy",
         'An extension number is required to enable "contoso.com/Users/Florence Flipo" for Unified Messaging on dial '
         'plan "MyUMDialPlan".', "DataValidationException", "InvalidData", "ExtensionRequired"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy 'MySIPDialPlan Default Policy' -Extensions 23999",
         'The dial plan "MySIPDialPlan" uses SipName addresses: a SIP resource identifier is required '
         '(SIPResourceIdentifier).', "DataValidationException", "InvalidData", "SipResourceIdentifierRequired"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy 'MySIPDialPlan Default Policy' -Extensions 23999 "
         "-SIPResourceIdentifier florence",
         '"florence" isn\'t a valid SIP resource identifier for dial plan "MySIPDialPlan": use a SIP address like '
         'user@contoso.com.', "DataValidationException", "InvalidData", "InvalidSipNameResourceIdException"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy 'MyDialPlan Default Policy' -Extensions 50999 "
         "-SIPResourceIdentifier 4255550199",
         '"4255550199" isn\'t a valid E.164 resource identifier for dial plan "MyDialPlan": use a number like '
         '+14255550123.', "DataValidationException", "InvalidData", "InvalidE164ResourceIdException"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52000 -PIN 1234",
         'The PIN must be from 6 through 24 digits long (UM mailbox policy "MyUMMailboxPolicy").',
         "DataValidationException", "InvalidData", "PINTooShort"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52000 -PIN 12ab56",
         "The PIN must contain only digits.", "DataValidationException", "InvalidData", "InvalidPIN"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52000 -NotifyEmail nobody",
         '"nobody" isn\'t a valid SMTP address.', "FormatException", "InvalidData", "ValueParseError"),
    ],
)  # fmt: skip
def test_enable_refusals(shell, command: str, message: str, exception: str, category: str, error_id: str) -> None:
    result = unchanged(shell, command)
    assert error_of(result) == server_error("Enable-UMMailbox", message, exception, category, error_id)


@pytest.mark.parametrize(
    ("command", "identity"),
    [
        ("Enable-UMMailbox nobody -UMMailboxPolicy MyUMMailboxPolicy", "nobody"),
        ("Enable-UMMailbox florencef -UMMailboxPolicy NoSuchPolicy -Extensions 52000", "NoSuchPolicy"),
    ],
)
def test_enable_not_found(shell, command: str, identity: str) -> None:
    assert error_of(unchanged(shell, command)) == not_found("Enable-UMMailbox", identity)


def test_enable_not_found_as_the_console_shows_it(shell) -> None:
    result = shell.run("Enable-UMMailbox nobody -UMMailboxPolicy MyUMMailboxPolicy")
    assert result.text.startswith(
        "The operation couldn't be performed because object 'nobody' couldn't be found on 'DC01.contoso.com'.\n"
        "    + CategoryInfo          : NotSpecified: (:) [Enable-UMMailbox], ManagementObjectNotFoundException\n"
        "    + FullyQualifiedErrorId : [Server=MYUMSERVER1,RequestId="
    )
    assert result.text.endswith("    + PSComputerName        : myumserver1.contoso.com\n \n")


def test_enable_missing_policy_is_a_binding_error(shell) -> None:
    result = unchanged(shell, "Enable-UMMailbox florencef -Extensions 52000")
    assert error_of(result) == (
        "Cannot process command because of one or more missing mandatory parameters: UMMailboxPolicy.",
        "InvalidArgument: (:) [Enable-UMMailbox], ParameterBindingException",
        "MissingMandatoryParameter,Enable-UMMailbox",
    )


def test_enable_cloud_voice_mail_is_not_emulated(shell) -> None:
    result = shell.run("Enable-UMMailbox florencef -EnableCloudVoiceMail -UMMailboxPolicy MyUMMailboxPolicy "
                       "-Extensions 52000 -SendWelcomeMail $true")  # fmt: skip
    assert result.warnings == [
        'emshell does not emulate cloud voice mail (Skype for Business Online): the mailbox is enabled for Unified '
        'Messaging on premises with UM mailbox policy "MyUMMailboxPolicy".'
    ]  # fmt: skip
    assert values(shell, "Get-UMMailbox florencef", "UMEnabled") == [["True"]]
    assert error_of(unchanged(shell, "Enable-UMMailbox davidp -EnableCloudVoiceMail")) == server_error(
        "Enable-UMMailbox", "emshell does not emulate cloud voice mail (Skype for Business Online): use "
        "-UMMailboxPolicy to enable the mailbox for Unified Messaging on premises.", "TaskException",
        "InvalidOperation", "CloudVoiceMailNotEmulated")  # fmt: skip


# --------------------------------------------------------------------------- Disable-UMMailbox


def test_disable_keeps_the_um_properties_by_default(shell) -> None:
    result = shell.run("Disable-UMMailbox tonysmith -Confirm:$false")
    assert result.ok and result.output == []
    mailbox = shell.org.resolve("mailbox", "tonysmith")
    assert (mailbox.UMEnabled, str(mailbox.UMMailboxPolicy), str(mailbox.Extensions)) == (
        False, "MyUMMailboxPolicy", "{51234}")  # fmt: skip
    assert values(shell, "Get-Mailbox tonysmith", "UMEnabled", "EmailAddresses") == [
        ["False", "{SMTP:tonysmith@contoso.com, smtp:tony@contoso.com}"]]  # fmt: skip
    assert shell.run("Get-UMMailbox").output[-1].get_property("Name") == "Pilar Pinilla"


def test_disable_without_keeping_properties(shell) -> None:
    shell.run("Disable-UMMailbox tonysmith -KeepProperties $false -Confirm:$false")
    mailbox = shell.org.resolve("mailbox", "tonysmith")
    assert (mailbox.UMMailboxPolicy, str(mailbox.Extensions), mailbox.pin) == (None, "{}", None)


def test_disable_asks_for_confirmation(shell) -> None:
    result = unchanged(shell, "Disable-UMMailbox tonysmith")  # a script cannot answer the prompt
    assert error_of(result) == (
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        "InvalidOperation: (:) [Disable-UMMailbox], PSInvalidOperationException",
        "InvalidOperation,Disable-UMMailbox",
    )
    answered = Shell(inputs=["N"])
    assert answered.run("Disable-UMMailbox tonysmith").text == (
        "\nConfirm\nAre you sure you want to perform this action?\n"
        'Disabling Unified Messaging for mailbox "tonysmith".\n'
        '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): N\n'
    )
    assert answered.org.resolve("mailbox", "tonysmith").UMEnabled


def test_disable_refusals(shell) -> None:
    assert error_of(unchanged(shell, "Disable-UMMailbox davidp -Confirm:$false")) == not_um_enabled(
        "Disable-UMMailbox", "David Pelton")  # fmt: skip
    assert error_of(unchanged(shell, "Disable-UMMailbox nobody -Confirm:$false")) == not_found(
        "Disable-UMMailbox", "nobody")  # fmt: skip


# --------------------------------------------------------------------------- Get-UMMailbox


def test_get_lists_the_um_enabled_mailboxes(shell) -> None:
    assert shell.run("Get-UMMailbox").text == (
        "\n"
        "Name                      UMEnabled Extensions           UMDialPlan                UMMailboxPolicy               \n"
        "----                      --------- ----------           ----------                ---------------               \n"
        "Administrator             True      {51000}              MyUMDialPlan              MyUMMailboxPolicy             \n"
        "Kim Akers                 True      {23456}              MySIPDialPlan             MySIPDialPlan Default Policy  \n"
        "Pilar Pinilla             True      {50123}              MyDialPlan                MyDialPlan Default Policy     \n"
        "Tony Smith                True      {51234}              MyUMDialPlan              MyUMMailboxPolicy             \n"
        "\n"
        "\n"
    )


def test_get_one_in_full(shell) -> None:
    lines = shell.run("Get-UMMailbox -Identity tonysmith@contoso.com | Format-List").text.splitlines()
    assert lines[3:8] == [
        "AllowUMCallsFromNonUsers          : SearchEnabled",
        "AnonymousCallersCanLeaveMessages  : True",
        "AutomaticSpeechRecognitionEnabled : True",
        "CallAnsweringAudioCodec           : Mp3",
        "CallAnsweringRulesEnabled         : True",
    ]
    assert "UMAddresses                       : {EUM:51234;phone-context=MyUMDialPlan.contoso.com}" in lines
    assert "Identity                          : contoso.com/Users/Tony Smith" in lines


def test_get_a_mailbox_that_is_not_um_enabled(shell) -> None:
    """The task skips it and says why only in the verbose stream."""
    result = shell.run("Get-UMMailbox davidp")
    assert (result.ok, result.output, result.text) == (True, [], "")
    assert shell.run("Get-UMMailbox davidp -Verbose").text == (
        'VERBOSE: The mailbox "davidp" isn\'t enabled for Unified Messaging.\n')  # fmt: skip
    assert error_of(shell.run("Get-UMMailbox nobody")) == not_found("Get-UMMailbox", "nobody")


@pytest.mark.parametrize(
    ("arguments", "names"),
    [
        ("-Filter {UMEnabled -eq $true -and Name -like 'T*'}", ["Tony Smith"]),
        ("-Filter \"Extensions -eq '23456'\"", ["Kim Akers"]),
        ("-Filter \"UMDialPlan -eq 'MyUMDialPlan' -and -not (Name -eq 'Administrator')\"", ["Tony Smith"]),
        ("-Filter \"SIPResourceIdentifier -ne `$null\"", ["Kim Akers", "Pilar Pinilla"]),
        ("-Anr Pil", ["Pilar Pinilla"]),
        ("*i*", ["Administrator", "Kim Akers", "Pilar Pinilla", "Tony Smith"]),
        ("t* -Verbose", ["Tony Smith"]),
        ("-OrganizationalUnit Users -SortBy DisplayName", ["Administrator", "Kim Akers", "Pilar Pinilla", "Tony Smith"]),
        ("-OrganizationalUnit Marketing", []),
    ],
)  # fmt: skip
def test_get_queries(shell, arguments: str, names: list[str]) -> None:
    assert [n for (n,) in values(shell, f"Get-UMMailbox {arguments}", "Name")] == names


def test_get_result_size(shell) -> None:
    result = shell.run("Get-UMMailbox -ResultSize 2")
    assert [o.get_property("Name") for o in result.output] == ["Administrator", "Kim Akers"]
    assert result.warnings == ["There are more results available than are currently displayed. To view them, "
                               "increase the value for the ResultSize parameter."]  # fmt: skip


def test_get_bad_filter(shell) -> None:
    assert error_of(shell.run("Get-UMMailbox -Filter \"Bogus -eq 1\"")) == server_error(
        "Get-UMMailbox", "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"The property "
        "'Bogus' can't be used in a filter: it isn't a property of the objects this command returns.\"",
        "ParameterBindingException", "InvalidArgument", "InvalidFilter", "Microsoft.Exchange.Management.Tasks.UM.")
    message = error_of(shell.run("Get-UMMailbox -Filter \"Name -eq\""))[0]
    assert message == ('Cannot bind parameter \'Filter\' to the target. Exception setting "Filter": "Invalid filter '
                       'syntax. For a description of the filter parameter syntax see the command help.\n"Name -eq" '
                       'at position 9."')  # fmt: skip


# --------------------------------------------------------------------------- Set-UMMailbox


def test_set_changes_what_get_shows(shell) -> None:
    result = shell.run("Set-UMMailbox -Identity tony@contoso.com -CallAnsweringAudioCodec Wma "
                       "-CallAnsweringRulesEnabled $false -FaxEnabled $false -UMSMSNotificationOption VoiceMail "
                       "-AllowUMCallsFromNonUsers None -OperatorNumber 51000 -PinlessAccessToVoiceMailEnabled $true")
    assert result.ok and result.text == ""
    assert values(shell, "Get-UMMailbox tonysmith", "CallAnsweringAudioCodec", "CallAnsweringRulesEnabled",
                  "FaxEnabled", "UMSMSNotificationOption", "AllowUMCallsFromNonUsers", "OperatorNumber",
                  "PinlessAccessToVoiceMailEnabled") == [
        ["Wma", "False", "False", "VoiceMail", "None", "51000", "True"]]  # fmt: skip


def test_set_policy_in_the_same_dial_plan(shell) -> None:
    shell.run("Set-UMMailbox tonysmith -UMMailboxPolicy 'MyUMDialPlan Default Policy'")
    assert values(shell, "Get-UMMailbox tonysmith", "UMMailboxPolicy") == [["MyUMDialPlan Default Policy"]]


def test_set_nothing_new_warns(shell) -> None:
    result = shell.run("Set-UMMailbox tonysmith -FaxEnabled $true")
    assert result.text == "WARNING: The command completed successfully but no settings of 'tonysmith' have been " \
                          "modified.\n"  # fmt: skip


def test_set_whatif_changes_nothing(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Set-UMMailbox tonysmith -FaxEnabled $false -WhatIf").text == \
        'What if: Setting UM mailbox "tonysmith".\n'  # fmt: skip
    assert shell.org.dump() == before


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMMailbox davidp -FaxEnabled $false", not_um_enabled("Set-UMMailbox", "David Pelton")),
        ("Set-UMMailbox nobody -FaxEnabled $false", not_found("Set-UMMailbox", "nobody")),
        ("Set-UMMailbox tonysmith -UMMailboxPolicy 'MyDialPlan Default Policy'", server_error(
            "Set-UMMailbox", 'The UM mailbox policy "MyDialPlan Default Policy" belongs to UM dial plan "MyDialPlan", '
            'but the mailbox "contoso.com/Users/Tony Smith" is in UM dial plan "MyUMDialPlan". Disable and enable the '
            'mailbox to move it to another dial plan.', "TaskException", "InvalidOperation", "DialPlanMismatch")),
        ("Set-UMMailbox tonysmith -Name ('x' * 65)", server_error(
            "Set-UMMailbox", "The length of the property is too long. The maximum length is 64 and the length of the "
            "value provided is 65.", "DataValidationException", "InvalidData", "StringLengthTooLong")),
    ],
)  # fmt: skip
def test_set_refusals(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_set_bad_enum_value(shell) -> None:
    assert error_of(unchanged(shell, "Set-UMMailbox tonysmith -CallAnsweringAudioCodec Foo")) == (
        'Cannot process argument transformation on parameter \'CallAnsweringAudioCodec\'. Cannot convert value "Foo" '
        'to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.AudioCodecEnum". Error: "Unable to match the '
        "identifier name Foo to a valid enumerator name. Specify one of the following enumerator names and try "
        'again:\nG711, Wma, Gsm, Mp3"',
        "InvalidData: (:) [Set-UMMailbox], ParameterBindin...mationException",
        "ParameterArgumentTransformationError,Set-UMMailbox",
    )  # fmt: skip
