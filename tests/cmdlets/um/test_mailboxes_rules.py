"""New-, Get-, Set-, Remove-, Enable-, Disable-UMCallAnsweringRule."""

from __future__ import annotations

import pytest
from mailboxes_support import error_of, not_found, not_um_enabled, server_error, unchanged, values

from emshell import Shell

NEW = "New-UMCallAnsweringRule"


@pytest.fixture
def shell() -> Shell:
    return Shell()


def rules(shell: Shell, mailbox: str = "tonysmith") -> list[list[str]]:
    return values(shell, f"Get-UMCallAnsweringRule -Mailbox {mailbox}", "Name", "Priority", "Enabled")


# --------------------------------------------------------------------------- New-


def test_new_writes_the_rule(shell) -> None:
    result = shell.run("New-UMCallAnsweringRule -Mailbox tonysmith -Name MyCallAnsweringRule -Priority 2")
    assert result.text == (
        "\n"
        "Name                           Priority Enabled\n"
        "----                           -------- -------\n"
        "MyCallAnsweringRule                   2 True   \n"
        "\n"
        "\n"
    )
    assert rules(shell) == [["MyUMCallAnsweringRule", "1", "True"], ["MyCallAnsweringRule", "2", "True"]]


def test_new_with_conditions_and_actions(shell) -> None:
    shell.run('New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -Priority 3 -CallerIds "1,4255550100,,",'
              '"1,4255550123,," -CallersCanInterruptGreeting $true -CheckAutomaticReplies $true -ScheduleStatus 0x4 '
              '-TimeOfDay "3,4,8:00,12:00" -ExtensionsDialed 51234 -KeyMappings "1,1,Receptionist,,,,,45678,",'
              '"5,2,Urgent Issues,23456,23,45671,50,,"')  # fmt: skip
    assert values(shell, "Get-UMCallAnsweringRule Busy -Mailbox tonysmith", "CallerIds", "CallersCanInterruptGreeting",
                  "CheckAutomaticReplies", "ScheduleStatus", "TimeOfDay", "ExtensionsDialed", "KeyMappings",
                  "Mailbox") == [[
        "{1,4255550100,,, 1,4255550123,,}", "True", "True", "4", "3,4,8:00,12:00", "{51234}",
        "{1,1,Receptionist,,,,,45678,, 5,2,Urgent Issues,23456,23,45671,50,,}", "contoso.com/Users/Tony Smith",
    ]]  # fmt: skip


def test_new_in_the_users_own_mailbox_by_default(shell) -> None:
    shell.run("New-UMCallAnsweringRule -Name Holidays")
    assert rules(shell, "Administrator") == [["MyUMCallAnsweringRule", "1", "True"], ["Holidays", "9", "True"]]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -Priority 1", server_error(
            NEW, 'Priority 1 is already used by the call answering rule "MyUMCallAnsweringRule". Each rule in a '
            "mailbox must have a different priority.", "TaskException", "InvalidOperation", "DuplicatePriority")),
        ("New-UMCallAnsweringRule -Name myumcallansweringrule -Mailbox tonysmith", server_error(
            NEW, 'A call answering rule named "myumcallansweringrule" already exists in this mailbox.',
            "TaskException", "InvalidOperation", "CallAnsweringRuleNameExists")),
        ("New-UMCallAnsweringRule -Name Busy -Mailbox davidp", not_um_enabled(NEW, "David Pelton")),
        ("New-UMCallAnsweringRule -Name Busy -Mailbox nobody", not_found(NEW, "nobody")),
        ('New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -TimeOfDay "5,0,,"', server_error(
            NEW, '"5,0,," isn\'t a valid time of day: "5" must be a number from 0 through 3.', "FormatException",
            "InvalidData", "ValueParseError")),
        ('New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -TimeOfDay "3,4,12:00,8:00"', server_error(
            NEW, '"3,4,12:00,8:00" isn\'t a valid time of day: the period must end after it starts.',
            "FormatException", "InvalidData", "ValueParseError")),
        ('New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -CallerIds "1,phone,,"', server_error(
            NEW, '"1,phone,," isn\'t a valid caller ID: "phone" isn\'t a phone number.', "FormatException",
            "InvalidData", "ValueParseError")),
        ('New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -KeyMappings "1,1,Receptionist"', server_error(
            NEW, '"1,1,Receptionist" isn\'t a valid key mapping. Use the form "type,key,context,find-me number 1,'
            'seconds,find-me number 2,seconds,transfer number,transfer contact".', "FormatException", "InvalidData",
            "ValueParseError")),
        ('New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -KeyMappings "1,1,A,,,,,45678,","1,1,B,,,,,45679,"',
         server_error(NEW, 'Key 1 is used by more than one key mapping of the call answering rule "Busy".',
                      "TaskException", "InvalidOperation", "DuplicateKeyMapping")),
        ("New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -ExtensionsDialed 59999", server_error(
            NEW, 'The extension "59999" isn\'t assigned to a UM-enabled user.', "TaskException", "InvalidOperation",
            "InvalidExtensionDialed")),
        ("New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -ScheduleStatus 16", server_error(
            NEW, "The value 16 of property ScheduleStatus is out of range. It must be from 0 through 15.",
            "DataValidationException", "InvalidData", "ValueOutOfRange")),
    ],
)  # fmt: skip
def test_new_refusals(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_new_whatif(shell) -> None:
    before = shell.org.dump()
    assert shell.run("New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -WhatIf").text == \
        'What if: Creating call answering rule "Busy".\n'  # fmt: skip
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- Get-


def test_get_in_full(shell) -> None:
    lines = shell.run("Get-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith | Format-List")
    guid = shell.org.resolve("callAnsweringRule", "MyUMCallAnsweringRule", mailbox="tonysmith").Guid
    assert lines.text.splitlines()[3:] == [
        "Name                        : MyUMCallAnsweringRule",
        "CallerIds                   : {}",
        "CallersCanInterruptGreeting : False",
        "CheckAutomaticReplies       : False",
        "ExtensionsDialed            : {}",
        "KeyMappings                 : {}",
        "Mailbox                     : contoso.com/Users/Tony Smith",
        "Priority                    : 1",
        "ScheduleStatus              : 0",
        "TimeOfDay                   : ",
        "Enabled                     : True",
        f"Identity                    : contoso.com/Users/Tony Smith\\{guid}",
        "IsValid                     : True",
        "ObjectState                 : Unchanged",
        "",
        "",
        "",
    ]


def test_get_without_a_mailbox_reads_the_users_own(shell) -> None:
    assert values(shell, "Get-UMCallAnsweringRule -Identity MyUMCallAnsweringRule", "Mailbox") == [
        ["contoso.com/Users/Administrator"]]  # fmt: skip


def test_get_lists_by_priority(shell) -> None:
    shell.run("New-UMCallAnsweringRule -Name Late -Mailbox tonysmith -Priority 7")
    shell.run("New-UMCallAnsweringRule -Name Early -Mailbox tonysmith -Priority 3")
    assert [name for name, *_ in rules(shell)] == ["MyUMCallAnsweringRule", "Early", "Late"]


def test_get_refusals(shell) -> None:
    assert error_of(shell.run("Get-UMCallAnsweringRule Nope -Mailbox tonysmith")) == not_found(
        "Get-UMCallAnsweringRule", "Nope")  # fmt: skip
    assert error_of(shell.run("Get-UMCallAnsweringRule -Mailbox davidp")) == not_um_enabled(
        "Get-UMCallAnsweringRule", "David Pelton")  # fmt: skip


# --------------------------------------------------------------------------- Set-


def test_set_changes_what_get_shows(shell) -> None:
    shell.run('Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -Priority 4 '
              '-ScheduleStatus 0x8 -TimeOfDay "1,0,," -Name OutOfOffice')  # fmt: skip
    assert values(shell, "Get-UMCallAnsweringRule OutOfOffice -Mailbox tonysmith", "Priority", "ScheduleStatus",
                  "TimeOfDay") == [["4", "8", "1,0,,"]]  # fmt: skip


def test_set_a_piped_rule(shell) -> None:
    shell.run("Get-UMCallAnsweringRule -Mailbox tonysmith | Set-UMCallAnsweringRule -Priority 5")
    assert rules(shell) == [["MyUMCallAnsweringRule", "5", "True"]]
    assert rules(shell, "Administrator") == [["MyUMCallAnsweringRule", "1", "True"]]


def test_set_nothing_new_warns(shell) -> None:
    result = shell.run("Set-UMCallAnsweringRule MyUMCallAnsweringRule -Mailbox tonysmith -Priority 1")
    assert result.warnings == ["The command completed successfully but no settings of 'MyUMCallAnsweringRule' have "
                               "been modified."]  # fmt: skip


def test_set_refusals(shell) -> None:
    shell.run("New-UMCallAnsweringRule -Name Busy -Mailbox tonysmith -Priority 2")
    assert error_of(unchanged(shell, "Set-UMCallAnsweringRule Busy -Mailbox tonysmith -Priority 1")) == server_error(
        "Set-UMCallAnsweringRule", 'Priority 1 is already used by the call answering rule "MyUMCallAnsweringRule". '
        "Each rule in a mailbox must have a different priority.", "TaskException", "InvalidOperation",
        "DuplicatePriority")  # fmt: skip
    assert error_of(unchanged(shell, "Set-UMCallAnsweringRule Busy -Mailbox tonysmith -Name MyUMCallAnsweringRule")) \
        == server_error("Set-UMCallAnsweringRule", 'A call answering rule named "MyUMCallAnsweringRule" already '
                        "exists in this mailbox.", "TaskException", "InvalidOperation",
                        "CallAnsweringRuleNameExists")  # fmt: skip
    assert error_of(unchanged(shell, "Set-UMCallAnsweringRule Nope -Mailbox tonysmith -Priority 3")) == not_found(
        "Set-UMCallAnsweringRule", "Nope")  # fmt: skip


def test_set_without_identity(shell) -> None:
    """The reference's Set- examples name the rule with -Name only: Identity is mandatory."""
    assert error_of(unchanged(shell, "Set-UMCallAnsweringRule -Mailbox tonysmith -Name MyCallAnsweringRule "
                                     "-Priority 2")) == (
        "Cannot process command because of one or more missing mandatory parameters: Identity.",
        "InvalidArgument: (:) [Set-UMCallAnsweringRule], ParameterBindingException",
        "MissingMandatoryParameter,Set-UMCallAnsweringRule",
    )  # fmt: skip


# --------------------------------------------------------------------------- Remove-, Enable-, Disable-


def test_remove(shell) -> None:
    assert shell.run("Remove-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith "
                     "-Confirm:$false").ok  # fmt: skip
    assert rules(shell) == []
    assert rules(shell, "Administrator") == [["MyUMCallAnsweringRule", "1", "True"]]


def test_remove_asks_for_confirmation(shell) -> None:
    result = unchanged(shell, "Remove-UMCallAnsweringRule -Identity MyUMCallAnsweringRule")
    assert error_of(result)[0] == "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    answered = Shell(inputs=["Y"])
    assert answered.run("Remove-UMCallAnsweringRule -Identity MyUMCallAnsweringRule").text == (
        "\nConfirm\nAre you sure you want to perform this action?\n"
        'Removing call answering rule "MyUMCallAnsweringRule".\n'
        '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): Y\n'
    )
    assert rules(answered, "Administrator") == []


def test_remove_whatif_and_refusal(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Remove-UMCallAnsweringRule MyUMCallAnsweringRule -Mailbox tonysmith -WhatIf").text == \
        'What if: Removing call answering rule "MyUMCallAnsweringRule".\n'  # fmt: skip
    assert shell.org.dump() == before
    assert error_of(unchanged(shell, "Remove-UMCallAnsweringRule Nope -Mailbox tonysmith -Confirm:$false")) == \
        not_found("Remove-UMCallAnsweringRule", "Nope")  # fmt: skip


def test_disable_and_enable(shell) -> None:
    shell.run("Disable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -Confirm:$false")
    assert rules(shell) == [["MyUMCallAnsweringRule", "1", "False"]]
    shell.run("Enable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith")
    assert rules(shell) == [["MyUMCallAnsweringRule", "1", "True"]]


def test_enable_and_disable_whatif_confirm_and_refusals(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Enable-UMCallAnsweringRule MyUMCallAnsweringRule -Mailbox tonysmith -WhatIf").text == \
        'What if: Enabling call answering rule "MyUMCallAnsweringRule".\n'  # fmt: skip
    assert error_of(shell.run("Disable-UMCallAnsweringRule MyUMCallAnsweringRule -Mailbox tonysmith"))[0] == \
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."  # fmt: skip
    assert shell.org.dump() == before
    assert error_of(shell.run("Enable-UMCallAnsweringRule Nope -Mailbox tonysmith")) == not_found(
        "Enable-UMCallAnsweringRule", "Nope")  # fmt: skip
    assert error_of(shell.run("Disable-UMCallAnsweringRule MyUMCallAnsweringRule -Mailbox kima "
                              "-Confirm:$false")) == not_found("Disable-UMCallAnsweringRule",
                                                               "MyUMCallAnsweringRule")  # fmt: skip
