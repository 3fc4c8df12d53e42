"""Every example of the cmdlet reference pages of this family (MicrosoftDocs/office-docs-powershell,
``exchange/exchange-ps/ExchangePowerShell/<Cmdlet>.md``), as cmdlet + parameter combinations run
on the built-in organization.  Values are our own where the page's would collide with the state
other examples need; the examples that are wrong on the page itself fail as EMS fails.
"""

from __future__ import annotations

import pytest
from mailboxes_support import error_of, server_error

from emshell import Shell

NON_INTERACTIVE = (
    "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
    "InvalidOperation: (:) [Disable-UMMailbox], PSInvalidOperationException",
    "InvalidOperation,Disable-UMMailbox",
)


def missing_identity(cmdlet: str) -> tuple[str, str, str]:
    return (
        "Cannot process command because of one or more missing mandatory parameters: Identity.",
        f"InvalidArgument: (:) [{cmdlet}], ParameterBindingException",
        f"MissingMandatoryParameter,{cmdlet}",
    )


OK = None
# (command line, answers to prompts, expected error or OK); one built-in org per case.
EXAMPLES = [
    # Enable-UMMailbox: both examples enable tonysmith, whom every other example needs UM-enabled
    ("Enable-UMMailbox -Identity florencef@contoso.com -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52345 "
     "-PIN 5643892 -NotifyEmail administrator@contoso.com -PINExpired $true", (), OK),
    ("Enable-UMMailbox -Identity florencef@contoso.com -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52345 "
     '-PIN 5643892 -SIPResourceIdentifier "florencef@contoso.com" -PINExpired $true', (), OK),
    ("Disable-UMMailbox tonysmith -Confirm:$false\n"
     "Enable-UMMailbox -Identity tonysmith@contoso.com -UMMailboxPolicy MyUMMailboxPolicy -Extensions 51234 "
     "-PIN 5643892 -NotifyEmail administrator@contoso.com -PINExpired $true", (), OK),
    ("Enable-UMMailbox -Identity tonysmith@contoso.com -UMMailboxPolicy MyUMMailboxPolicy -Extensions 51234 "
     '-PIN 5643892 -SIPResourceIdentifier "tonysmith@contoso.com" -PINExpired $true', (), server_error(
         "Enable-UMMailbox", 'The mailbox "Tony Smith" is already enabled for Unified Messaging.', "TaskException",
         "InvalidOperation", "UserAlreadyUmEnabledException")),
    # Disable-UMMailbox: ConfirmImpact High
    ("Disable-UMMailbox -Identity tonysmith@contoso.com", ("Y",), OK),
    ("Disable-UMMailbox -Identity tonysmith@contoso.com", (), NON_INTERACTIVE),
    # Get-UMMailbox
    ("Get-UMMailbox", (), OK),
    ("Get-UMMailbox -Identity tonysmith@contoso.com | Format-List", (), OK),
    # Set-UMMailbox
    ("Set-UMMailbox -Identity tony@contoso.com -CallAnsweringAudioCodec Wma -CallAnsweringRulesEnabled $false "
     "-FaxEnabled $false -UMSMSNotificationOption VoiceMail", (), OK),
    ("Set-UMMailbox -Identity tony@contoso.com -TUIAccessToCalendarEnabled $false -TUIAccessToEmailEnabled $false",
     (), OK),
    # Get-UMMailboxPin
    ("Get-UMMailboxPin", (), OK),
    ("Get-UMMailboxPin -Identity tonysmith@contoso.com", (), OK),
    # Set-UMMailboxPIN
    ("Set-UMMailboxPIN -Identity tonysmith@contoso.com", (), OK),
    ("Set-UMMailboxPIN -Identity tonysmith@contoso.com -PIN 1985848 -PinExpired $true", (), OK),
    ("Set-UMMailboxPIN -Identity tonysmith@contoso.com -LockedOut $true", (), OK),
    ("Set-UMMailboxPIN -Identity tonysmith@contoso.com -LockedOut $false", (), OK),
    # New-UMCallAnsweringRule
    ("New-UMCallAnsweringRule -Mailbox tonysmith -Name MyCallAnsweringRule -Priority 2", (), OK),
    ('New-UMCallAnsweringRule -Name MyCallAnsweringRule -CallerIds "1,4255550100,,","1,4255550123,," -Priority 2 '
     "-CallersCanInterruptGreeting $true -Mailbox tonysmith", (), OK),
    ("New-UMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 -Mailbox tonysmith@contoso.com "
     "-ScheduleStatus 0x8", (), OK),
    ("New-UMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 -Mailbox tonysmith -ScheduleStatus 0x4 "
     '-KeyMappings "1,1,Receptionist,,,,,45678,","5,2,Urgent Issues,23456,23,45671,50,,"', (), OK),
    ("New-UMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 -Mailbox tonysmith -ScheduleStatus 0x4 - "
     '-KeyMappings "1,1,Receptionist,,,,,45678,","5,2,Urgent Issues,23456,23,45671,50,,"', (), (
         "A positional parameter cannot be found that accepts argument '-'.",
         "InvalidArgument: (:) [New-UMCallAnsweringRule], ParameterBindingException",
         "PositionalParameterNotFound,New-UMCallAnsweringRule")),
    ('New-UMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 -Mailbox tonysmith -TimeOfDay "1,0,,"', (), OK),
    ('New-UMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 -Mailbox tonysmith -TimeOfDay "3,4,8:00,12:00"',
     (), OK),
    # Get-UMCallAnsweringRule (without -Mailbox: the Administrator's own mailbox)
    ("Get-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith | Format-List", (), OK),
    ("Get-UMCallAnsweringRule -Identity MyUMCallAnsweringRule", (), OK),
    # Set-UMCallAnsweringRule: the page's examples lack the mandatory -Identity
    ("Set-UMCallAnsweringRule -Mailbox tonysmith -Name MyCallAnsweringRule -Priority 2", (),
     missing_identity("Set-UMCallAnsweringRule")),
    ("Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -Name MyCallAnsweringRule "
     "-Priority 2", (), OK),
    ('Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Name MyCallAnsweringRule -CallerIds "1,4255550100,,",'
     '"1,4255550123,," -Priority 2 -CallersCanInterruptGreeting $true -Mailbox tonysmith', (), OK),
    ("Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 "
     "-Mailbox tonysmith@contoso.com -ScheduleStatus 0x8", (), OK),
    ("Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 "
     '-Mailbox tonysmith -ScheduleStatus 0x4 -KeyMappings "1,1,Receptionist,,,,,45678,",'
     '"5,2,Urgent Issues,23456,23,45671,50,,"', (), OK),
    ('Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 '
     '-Mailbox tonysmith -TimeOfDay "1,0,,"', (), OK),
    ('Set-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Name MyCallAnsweringRule -Priority 2 '
     '-Mailbox tonysmith -TimeOfDay "3,4,8:00,12:00"', (), OK),
    # Remove-UMCallAnsweringRule: ConfirmImpact High
    ("Remove-UMCallAnsweringRule -Identity MyUMCallAnsweringRule", ("Y",), OK),
    ("Remove-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith", ("Y",), OK),
    # Enable-UMCallAnsweringRule
    ("Enable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith", (), OK),
    ("Enable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -WhatIf", (), OK),
    ("Enable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -Confirm", ("Y",), OK),
    # Disable-UMCallAnsweringRule: two examples have a space inside the cmdlet name
    ("Disable -UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith", (), (
        "The term 'Disable' is not recognized as the name of a cmdlet, function, script file, or operable program. "
        "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        "ObjectNotFound: (Disable:String) [], CommandNotFoundException", "CommandNotFoundException")),
    ("Disable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -WhatIf", (), OK),
    ("Disable-UMCallAnsweringRule -Identity MyUMCallAnsweringRule -Mailbox tonysmith -Confirm", ("Y",), OK),
    # Get-Mailbox
    ("Get-Mailbox -ResultSize unlimited", (), OK),
    ("Get-Mailbox -OrganizationalUnit Users", (), OK),
    ("Get-Mailbox -Anr Chr", (), OK),
    ("Get-Mailbox -Archive -Database MBXDB01", (), OK),
    ("Get-Mailbox -Identity ed@contoso.com -RemoteArchive", (), OK),
    # Set-Mailbox (the last example's parameter exists only in Exchange Online)
    ('Set-Mailbox -Identity "John Woods" -DeliverToMailboxAndForward $true -ForwardingSMTPAddress manuel@contoso.com',
     (), OK),
    ('Get-Mailbox -OrganizationalUnit "Marketing" | Set-Mailbox -UseDatabaseQuotaDefaults $false '
     "-IssueWarningQuota 200MB -ProhibitSendQuota 250MB -ProhibitSendReceiveQuota 280MB", (), OK),
    ("Get-User -Filter \"Department -eq 'Customer Service'\" | Set-Mailbox -MaxSendSize 2MB", (), OK),
    ("Set-Mailbox John@contoso.com -MailTipTranslations (\"FR: C'est la langue française\", \"CHT: 這是漢語語言\")",
     (), OK),
    ('$password = Read-Host "Enter password" -AsSecureString\n\n'
     "Set-Mailbox florencef -Password $password -ResetPasswordOnNextLogon $true", ("P@ssw0rd1",), OK),
    ('Set-Mailbox -Arbitration -Identity "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}" -MessageTracking $false'
     '\n\nSet-Mailbox -Arbitration -Identity "SystemMailbox{1f05a927-b864-48a7-984d-95b1adfbfe2d}" '
     "-MessageTracking $true", (), OK),
    ('Set-Mailbox -Identity "John Woods" -EmailAddresses @{add="Jwoods@contoso.com"}', (), OK),
    ("Set-Mailbox -Identity asraf@contoso.com -RemoveDelayReleaseHoldApplied", (), (
        "A parameter cannot be found that matches parameter name 'RemoveDelayReleaseHoldApplied'.",
        "InvalidArgument: (:) [Set-Mailbox], ParameterBindingException", "NamedParameterNotFound,Set-Mailbox")),
    # Get-Recipient
    ("Get-Recipient -ResultSize unlimited", (), OK),
    ('Get-Recipient -Identity "Marketing Department" | Format-List', (), OK),
    ("Get-Recipient -RecipientType MailContact -SortBy Office | Format-Table -Auto Office,Name", (), OK),
]  # fmt: skip


@pytest.mark.parametrize(("command", "answers", "expected"), EXAMPLES,
                         ids=[f"{i:02d} {command.splitlines()[-1][:60]}" for i, (command, *_) in enumerate(EXAMPLES)])
def test_reference_example(command: str, answers: tuple[str, ...], expected: tuple[str, str, str] | None) -> None:
    shell = Shell(inputs=answers)
    before = shell.org.dump()
    result = shell.run(command)
    if expected is OK:
        assert result.ok, result.text
        if command.startswith("Get-") and "| Set-" not in command or "-WhatIf" in command:
            assert shell.org.dump() == before
    else:
        assert error_of(result) == expected
        assert shell.org.dump() == before
