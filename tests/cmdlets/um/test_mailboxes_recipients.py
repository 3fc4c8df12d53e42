"""Get-Mailbox, Set-Mailbox, Get-User and Get-Recipient: the recipient basics UM scripts use."""

from __future__ import annotations

import pytest
from mailboxes_support import RECIPIENT_TASKS, error_of, not_found, server_error, unchanged, values

from emshell import Shell

MAILBOX_NAMES = ["Adam Barr", "Administrator", "Chris Ashton", "David Pelton", "Ed Meadows", "Florence Flipo",
                 "Jeff Hay", "John Woods", "Kim Akers", "Molly Dempsey", "Pilar Pinilla", "Tony Smith"]  # fmt: skip


@pytest.fixture
def shell() -> Shell:
    return Shell()


def names(shell: Shell, command: str) -> list[str]:
    return [name for (name,) in values(shell, command, "Name")]


def recipient_error(cmdlet: str, message: str, exception: str, category: str, error_id: str) -> tuple[str, str, str]:
    return server_error(cmdlet, message, exception, category, error_id, RECIPIENT_TASKS)


# --------------------------------------------------------------------------- Get-Mailbox


def test_get_mailbox_table(shell) -> None:
    lines = shell.run("Get-Mailbox -ResultSize unlimited").text.splitlines()
    assert lines[1:5] == [
        "Name                      Alias                ServerName       ProhibitSendQuota",
        "----                      -----                ----------       -----------------",
        "Adam Barr                 adamb                myumserver1      Unlimited        ",
        "Administrator             Administrator        myumserver1      Unlimited        ",
    ]
    assert len(lines) == 3 + len(MAILBOX_NAMES) + 2


def test_get_mailbox_in_full(shell) -> None:
    lines = shell.run("Get-Mailbox tonysmith | Format-List").text.splitlines()
    assert lines[3:6] == [
        "Database                      : MBXDB01",
        "DeliverToMailboxAndForward    : False",
        "ExchangeGuid                  : " + str(values(shell, "Get-Mailbox tonysmith", "ExchangeGuid")[0][0]),
    ]
    for line in ("UMEnabled                     : True", "OrganizationalUnit            : contoso.com/Users",
                 "RecipientTypeDetails          : UserMailbox", "Name                          : Tony Smith"):
        assert line in lines


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("", MAILBOX_NAMES),
        ("-OrganizationalUnit Users", [n for n in MAILBOX_NAMES if n not in ("Jeff Hay", "Molly Dempsey")]),
        ("-OrganizationalUnit Marketing", ["Jeff Hay", "Molly Dempsey"]),
        ("-OrganizationalUnit contoso.com/Marketing", ["Jeff Hay", "Molly Dempsey"]),
        ("-OrganizationalUnit 'OU=Marketing,DC=contoso,DC=com'", ["Jeff Hay", "Molly Dempsey"]),
        ("-Anr Chr", ["Chris Ashton"]),
        ("-Anr smith", ["Tony Smith"]),
        ("-Archive", ["Chris Ashton", "Ed Meadows"]),
        ("-Archive -Database MBXDB01", ["Chris Ashton"]),
        ("-RemoteArchive", ["Ed Meadows"]),
        ("-Identity ed@contoso.com -RemoteArchive", ["Ed Meadows"]),
        ("-Arbitration", ["SystemMailbox{1f05a927-b864-48a7-984d-95b1adfbfe2d}",
                          "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}"]),
        ("-PublicFolder", []),
        ("-Database MBXDB01 -Filter {UMEnabled -eq $true}", ["Administrator", "Kim Akers", "Pilar Pinilla",
                                                            "Tony Smith"]),
        ("-Server MyUMServer1 -RecipientTypeDetails UserMailbox -Filter \"Department -like 'Mark*'\"", ["Jeff Hay", "Molly Dempsey"]),
        ("-Filter \"Office -like 'Building*'\" -SortBy Office", ["Chris Ashton", "Adam Barr"]),
        ("john*", ["John Woods"]),
        ("tony@contoso.com", ["Tony Smith"]),
    ],
)  # fmt: skip
def test_get_mailbox_queries(shell, arguments: str, expected: list[str]) -> None:
    assert names(shell, f"Get-Mailbox {arguments}") == expected


def test_get_mailbox_result_size_warnings(shell) -> None:
    result = shell.run("Get-Mailbox -ResultSize 1")
    assert [o.get_property("Name") for o in result.output] == ["Adam Barr"]
    assert result.warnings == ["There are more results available than are currently displayed. To view them, "
                               "increase the value for the ResultSize parameter."]  # fmt: skip


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-Mailbox nobody", not_found("Get-Mailbox", "nobody", RECIPIENT_TASKS)),
        ("Get-Mailbox -Identity chrisa -RemoteArchive", not_found("Get-Mailbox", "chrisa", RECIPIENT_TASKS)),
        ("Get-Mailbox 'SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}'",
         not_found("Get-Mailbox", "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}", RECIPIENT_TASKS)),
        ("Get-Mailbox -OrganizationalUnit Sales", not_found("Get-Mailbox", "Sales", RECIPIENT_TASKS)),
        ("Get-Mailbox -Database 'Mailbox Database 0181915290'", recipient_error(
            "Get-Mailbox", 'Couldn\'t find database "Mailbox Database 0181915290". Make sure you have typed it '
            "correctly.",
            "ManagementObjectNotFoundException", "NotSpecified", "DatabaseNotFound")),
        ("Get-Mailbox -SortBy Bogus", recipient_error(
            "Get-Mailbox", 'The property "Bogus" can\'t be used to sort the results. Use one of: Name, DisplayName, '
            "Alias, City, FirstName, LastName, Office, ServerLegacyDN.", "LocalizedException", "InvalidArgument",
            "InvalidSortProperty")),
    ],
)  # fmt: skip
def test_get_mailbox_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(shell.run(command)) == expected


def test_get_mailbox_database_error_as_the_console_shows_it(shell) -> None:
    """The captured EMS 2016 error (ems-behaviour.md 4.1), with this org's server and time."""
    text = shell.run("Get-Mailbox -Database 0181915290 -Archive").text  # the captured command line
    assert text.startswith(
        'Couldn\'t find database "0181915290". Make sure you have typed it correctly.\n'
        "    + CategoryInfo          : NotSpecified: (:) [Get-Mailbox], ManagementObjectNotFoundException\n"
        "    + FullyQualifiedErrorId : [Server=MYUMSERVER1,RequestId="
    )


def test_get_mailbox_bad_recipient_type(shell) -> None:
    message, category, fqid = error_of(shell.run("Get-Mailbox -RecipientTypeDetails Bogus"))
    assert message.startswith("Cannot process argument transformation on parameter 'RecipientTypeDetails'. Cannot "
                              'convert value "Bogus" to type "Microsoft.Exchange.Data.Directory.Recipient.'
                              'RecipientTypeDetails".')  # fmt: skip
    assert fqid == "ParameterArgumentTransformationError,Get-Mailbox"


# --------------------------------------------------------------------------- Set-Mailbox


def test_set_mailbox_properties(shell) -> None:
    result = shell.run("Set-Mailbox -Identity 'John Woods' -DeliverToMailboxAndForward $true "
                       "-ForwardingSMTPAddress manuel@contoso.com -Office 'Building 5' -MaxSendSize 2MB "
                       "-HiddenFromAddressListsEnabled $true -MailTip 'Out until Monday'")  # fmt: skip
    assert result.ok and result.text == ""
    assert values(shell, "Get-Mailbox johnw", "DeliverToMailboxAndForward", "ForwardingSmtpAddress", "Office",
                  "MaxSendSize", "HiddenFromAddressListsEnabled", "MailTip") == [
        ["True", "smtp:manuel@contoso.com", "Building 5", "2 MB (2,097,152 bytes)", "True", "Out until Monday"]]


def test_set_mailbox_quotas_from_a_pipeline(shell) -> None:
    shell.run("Get-Mailbox -OrganizationalUnit Marketing | Set-Mailbox -UseDatabaseQuotaDefaults $false "
              "-IssueWarningQuota 200MB -ProhibitSendQuota 250MB -ProhibitSendReceiveQuota 280MB")  # fmt: skip
    assert values(shell, "Get-Mailbox -OrganizationalUnit Marketing", "UseDatabaseQuotaDefaults", "ProhibitSendQuota") \
        == [["False", "250 MB (262,144,000 bytes)"]] * 2  # fmt: skip
    assert values(shell, "Get-Mailbox johnw", "ProhibitSendQuota") == [["Unlimited"]]


def test_set_mailbox_from_get_user(shell) -> None:
    shell.run("Get-User -Filter \"Department -eq 'Customer Service'\" | Set-Mailbox -MaxSendSize 2MB")
    assert values(shell, "Get-Mailbox -Filter {MaxSendSize -ne 'Unlimited'}", "Name") == [["Adam Barr"]]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ("@{add='Jwoods@contoso.com'}", "{SMTP:john@contoso.com, smtp:Jwoods@contoso.com}"),
        ("@{Add='SMTP:jwoods@contoso.com'}", "{smtp:john@contoso.com, SMTP:jwoods@contoso.com}"),
        ("'SMTP:woods@contoso.com','x500:/o=Contoso/cn=Recipients/cn=johnw'",
         "{SMTP:woods@contoso.com, x500:/o=Contoso/cn=Recipients/cn=johnw}"),
    ],
)  # fmt: skip
def test_set_mailbox_email_addresses(shell, edit: str, expected: str) -> None:
    shell.run(f"Set-Mailbox -Identity 'John Woods' -EmailAddresses {edit}")
    assert values(shell, "Get-Mailbox johnw", "EmailAddresses") == [[expected]]


def test_set_mailbox_primary_address(shell) -> None:
    shell.run("Set-Mailbox tonysmith -PrimarySmtpAddress tony@contoso.com")
    assert values(shell, "Get-Mailbox tonysmith", "PrimarySmtpAddress", "EmailAddresses") == [[
        "tony@contoso.com",
        "{SMTP:tony@contoso.com, smtp:tonysmith@contoso.com, EUM:51234;phone-context=MyUMDialPlan.contoso.com}"]]


def test_an_eum_address_is_a_new_extension(shell) -> None:
    shell.run("Set-Mailbox tonysmith -EmailAddresses @{Add='EUM:51235;phone-context=MyUMDialPlan.contoso.com'}")
    assert values(shell, "Get-UMMailbox tonysmith", "Extensions") == [["{51234, 51235}"]]
    shell.run("Set-Mailbox tonysmith -EmailAddresses @{Remove='EUM:51234;phone-context=MyUMDialPlan.contoso.com'}")
    assert values(shell, "Get-UMMailbox tonysmith", "Extensions") == [["{51235}"]]


def test_set_mailbox_arbitration_capabilities(shell) -> None:
    shell.run("Set-Mailbox -Arbitration -Identity 'SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}' "
              "-MessageTracking $false")  # fmt: skip
    shell.run("Set-Mailbox -Arbitration -Identity 'SystemMailbox{1f05a927-b864-48a7-984d-95b1adfbfe2d}' "
              "-MessageTracking $true")  # fmt: skip
    assert values(shell, "Get-Mailbox -Arbitration", "PersistedCapabilities") == [
        ["{OrganizationCapabilityMessageTracking}"], ["{}"]]  # fmt: skip


def test_set_mailbox_type_password_and_translations() -> None:
    shell = Shell(inputs=["P@ssw0rd1"])
    result = shell.run('$password = Read-Host "Enter password" -AsSecureString\n'
                       "Set-Mailbox florencef -Password $password -ResetPasswordOnNextLogon $true -Type Shared "
                       "-MailTipTranslations (\"FR: C'est la langue française\", \"CHT: 這是漢語語言\")")  # fmt: skip
    assert (result.ok, result.text) == (True, "Enter password: \n")
    assert values(shell, "Get-Mailbox florencef", "ResetPasswordOnNextLogon", "RecipientTypeDetails", "IsShared",
                  "MailTipTranslations") == [
        ["True", "SharedMailbox", "True", "{FR: C'est la langue française, CHT: 這是漢語語言}"]]  # fmt: skip


def test_set_mailbox_nothing_new_and_whatif(shell) -> None:
    assert shell.run("Set-Mailbox tonysmith -HiddenFromAddressListsEnabled $false").warnings == [
        "The command completed successfully but no settings of 'tonysmith' have been modified."]  # fmt: skip
    before = shell.org.dump()
    assert shell.run("Set-Mailbox tonysmith -Office 'Building 5' -WhatIf").text == \
        'What if: Setting mailbox "tonysmith".\n'  # fmt: skip
    assert shell.org.dump() == before


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-Mailbox nobody -Office x", not_found("Set-Mailbox", "nobody", RECIPIENT_TASKS)),
        ("Set-Mailbox 'SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}' -MessageTracking $true",
         not_found("Set-Mailbox", "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}", RECIPIENT_TASKS)),
        ("Set-Mailbox tonysmith -IssueWarningQuota 300MB -ProhibitSendQuota 250MB", recipient_error(
            "Set-Mailbox", "The value of property 'ProhibitSendQuota' must be greater than or equal to that of property "
            "'IssueWarningQuota'. ProhibitSendQuota: 250 MB (262,144,000 bytes), IssueWarningQuota: 300 MB "
            "(314,572,800 bytes).", "DataValidationException", "InvalidData", "QuotaOrder")),
        ("Set-Mailbox tonysmith -EmailAddresses @{Add='kima@contoso.com'}", recipient_error(
            "Set-Mailbox", 'The proxy address "smtp:kima@contoso.com" is already being used by the proxy addresses or '
            'LegacyExchangeDN of "contoso.com/Users/Kim Akers". Please choose another proxy address.',
            "TaskException", "InvalidOperation", "ProxyAddressInUse")),
        ("Set-Mailbox tonysmith -EmailAddresses @{Add='tony@contoso.com'}", recipient_error(
            "Set-Mailbox", 'The value "smtp:tony@contoso.com" is already present in the collection.',
            "InvalidOperationException", "InvalidOperation", "ErrorValueAlreadyPresent")),
        ("Set-Mailbox tonysmith -EmailAddresses @{Add='EUM:51236'}", recipient_error(
            "Set-Mailbox", 'The EUM proxy address "EUM:51236" needs a phone context: use EUM:<extension>;'
            "phone-context=<dial plan phone context>.", "DataValidationException", "InvalidData",
            "InvalidEumAddress")),
        ("Set-Mailbox tonysmith -EmailAddresses @{Add='EUM:51000;phone-context=MyUMDialPlan.contoso.com'}",
         recipient_error(
             "Set-Mailbox", 'The proxy address "EUM:51000;phone-context=MyUMDialPlan.contoso.com" is already being '
             'used by the proxy addresses or LegacyExchangeDN of "contoso.com/Users/Administrator". Please choose '
             "another proxy address.", "TaskException", "InvalidOperation", "ProxyAddressInUse")),
        ("Set-Mailbox tonysmith -EmailAddresses @{Add='EUM:5123;phone-context=MyUMDialPlan.contoso.com'}",
         recipient_error(
             "Set-Mailbox", 'The extension "5123" isn\'t valid for dial plan "MyUMDialPlan": it must be 5 digits long.',
             "DataValidationException", "InvalidData", "InvalidExtension")),
        ("Set-Mailbox tonysmith -EmailAddresses @{Remove='EUM:51234;phone-context=MyUMDialPlan.contoso.com'}",
         recipient_error(
             "Set-Mailbox", 'The UM-enabled mailbox "contoso.com/Users/Tony Smith" must keep an EUM address with an '
             'extension in dial plan "MyUMDialPlan".', "TaskException", "InvalidOperation", "ExtensionRequired")),
        ("Set-Mailbox tonysmith -EmailAddresses 'EUM:51234;phone-context=MyUMDialPlan.contoso.com'", recipient_error(
            "Set-Mailbox", '"contoso.com/Users/Tony Smith" must keep at least one SMTP address.', "DataValidationException",
            "InvalidData", "NoSmtpAddress")),
    ],
)  # fmt: skip
def test_set_mailbox_refusals(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_set_mailbox_parameter_it_lacks(shell) -> None:
    """An Exchange Online parameter does not exist in EMS 2016."""
    assert error_of(unchanged(shell, "Set-Mailbox -Identity asraf@contoso.com -RemoveDelayReleaseHoldApplied")) == (
        "A parameter cannot be found that matches parameter name 'RemoveDelayReleaseHoldApplied'.",
        "InvalidArgument: (:) [Set-Mailbox], ParameterBindingException",
        "NamedParameterNotFound,Set-Mailbox",
    )


# --------------------------------------------------------------------------- Get-User, Get-Recipient


def test_get_user(shell) -> None:
    assert shell.run("Get-User -Filter \"Department -eq 'Customer Service'\"").text == (
        "\n"
        "Name                                                        RecipientType                                       "
        "       \n"
        "----                                                        -------------                                       "
        "       \n"
        "Adam Barr                                                   UserMailbox                                         "
        "       \n"
        "\n"
        "\n"
    )
    assert values(shell, "Get-User jeffh", "Department", "OrganizationalUnit", "FirstName", "LastName") == [
        ["Marketing", "contoso.com/Marketing", "Jeff", "Hay"]]  # fmt: skip
    assert error_of(shell.run("Get-User nobody")) == not_found("Get-User", "nobody", RECIPIENT_TASKS)


def test_get_recipient(shell) -> None:
    assert names(shell, "Get-Recipient -ResultSize unlimited") == sorted(
        [*MAILBOX_NAMES, "Luis Bonifaz", "Marketing Department", "Sanjay Shah"], key=str.lower)
    assert values(shell, "Get-Recipient -Identity 'Marketing Department'", "RecipientType", "PrimarySmtpAddress",
                  "ObjectClass") == [["MailUniversalDistributionGroup", "MarketingDepartment@contoso.com",
                                      "{top, group}"]]  # fmt: skip
    assert values(shell, "Get-Recipient tony@contoso.com", "RecipientType", "UMEnabled") == [["UserMailbox", "True"]]


def test_get_recipient_contacts_by_office(shell) -> None:
    assert shell.run("Get-Recipient -RecipientType MailContact -SortBy Office | Format-Table -Auto Office,Name").text \
        == "\nOffice    Name        \n------    ----        \nBangalore Sanjay Shah \nMadrid    Luis Bonifaz\n\n\n"


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("-RecipientTypeDetails MailUniversalDistributionGroup", ["Marketing Department"]),
        ("-Anr Mar", ["Marketing Department"]),
        ("-Database MBXDB01 -Filter \"Name -like 'K*'\"", ["Kim Akers"]),
        ("-RecipientPreviewFilter \"Office -eq 'Madrid'\"", ["Luis Bonifaz"]),
    ],
)  # fmt: skip
def test_get_recipient_queries(shell, arguments: str, expected: list[str]) -> None:
    assert names(shell, f"Get-Recipient {arguments}") == expected


def test_get_recipient_property_sets_are_not_emulated(shell) -> None:
    result = shell.run("Get-Recipient tonysmith -PropertySet ConsoleSmallSet")
    assert result.warnings == ["emshell does not emulate property sets: -PropertySet ConsoleSmallSet returns every "
                               "property, as -PropertySet All does."]  # fmt: skip
    assert len(result.output) == 1


def test_get_recipient_errors(shell) -> None:
    assert error_of(shell.run("Get-Recipient nobody")) == not_found("Get-Recipient", "nobody", RECIPIENT_TASKS)
    message, _, fqid = error_of(shell.run("Get-Recipient -RecipientType Bogus"))
    assert message.endswith("Specify one of the following enumerator names and try again:\nInvalid, User, UserMailbox, "
                            "MailUser, Contact, MailContact, Group, MailUniversalDistributionGroup, "
                            "MailUniversalSecurityGroup, MailNonUniversalGroup, DynamicDistributionGroup, PublicFolder, "
                            'PublicDatabase, SystemAttendantMailbox, SystemMailbox, MicrosoftExchange, Computer"')
    assert fqid == "ParameterArgumentTransformationError,Get-Recipient"
