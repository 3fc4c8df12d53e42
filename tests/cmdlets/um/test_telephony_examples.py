"""Every example of the cmdlet reference pages for dial plans, IP gateways, hunt groups, UM mailbox
policies, auto attendants and prompts (MicrosoftDocs/office-docs-powershell,
``exchange/exchange-ps/ExchangePowerShell/<Cmdlet>.md``), as our own command lines with the same
cmdlet and parameters, each run on a fresh built-in organization.

Where a page's example is wrong on the page itself, the page's form is kept and the error EMS
prints is asserted: New-UMDialPlan's examples lack the mandatory -CountryOrRegionCode,
New-UMIPGateway's use -Identity (it has -Name), Set-UMAutoAttendant's first example uses
-StaroutToDialPlanEnabled (not a parameter of the cmdlet).  Examples that name an object the
built-in organization already has (New-UMHuntGroup MyUMHuntGroup, New-UMMailboxPolicy
MyUMMailboxPolicy, ...) fail as EMS does on such an organization, and removing an object that
others use is refused: our own lines use new or unused objects.
"""

from __future__ import annotations

import pytest

from emshell import Shell

SERVER_SIDE = "Microsoft.Exchange.Management.Tasks.UM."
AUDIO = "([System.Convert]::FromBase64String('UklGRiQAAABXQVZFZm10IBAAAAA='))"  # a RIFF/WAVE header

CHANGES = "changes"  # runs without an error and changes the organization
READS = "reads"  # runs without an error, returns objects and changes nothing


def missing(parameter: str, cmdlet: str) -> tuple[str, str]:
    return (f"Cannot process command because of one or more missing mandatory parameters: {parameter}.",
            f"MissingMandatoryParameter,{cmdlet}")  # fmt: skip


def no_parameter(parameter: str, cmdlet: str) -> tuple[str, str]:
    return f"A parameter cannot be found that matches parameter name '{parameter}'.", f"NamedParameterNotFound,{cmdlet}"


def exists(dn: str, cmdlet: str, code: str) -> tuple[str, str]:
    return (f"Active Directory operation failed on DC01.contoso.com. The object '{dn},CN=First Organization,"
            f"CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com' already exists.",
            f"[FailureCategory=Cmdlet-ADObjectAlreadyExistsException] {code},{SERVER_SIDE}{cmdlet.replace('-', '')}")  # fmt: skip


EXAMPLES = [
    # ---------------------------------------------------------------- New-UMDialPlan
    pytest.param("New-UMDialPlan -Name MyUMDialPlan -NumberOfDigitsInExtension 4",
                 missing("CountryOrRegionCode", "New-UMDialPlan"), id="New-UMDialPlan-1-page"),
    pytest.param("New-UMDialPlan -Name FourDigitPlan -NumberOfDigitsInExtension 4 -CountryOrRegionCode 1", CHANGES,
                 id="New-UMDialPlan-1"),
    pytest.param("New-UMDialPlan -Name MyUMDialPlan -URIType SipName -NumberOfDigitsInExtension 5",
                 missing("CountryOrRegionCode", "New-UMDialPlan"), id="New-UMDialPlan-2-page"),
    pytest.param("New-UMDialPlan -Name SipUriPlan -URIType SipName -NumberOfDigitsInExtension 5 -CountryOrRegionCode 1",
                 CHANGES, id="New-UMDialPlan-2"),
    pytest.param("New-UMDialPlan -Name MyUMDialPlan -URIType E164 -NumberOfDigitsInExtension 5 -VoIPSecurity Unsecured",
                 missing("CountryOrRegionCode", "New-UMDialPlan"), id="New-UMDialPlan-3-page"),
    pytest.param("New-UMDialPlan -Name E164Plan -URIType E164 -NumberOfDigitsInExtension 5 -VoIPSecurity Unsecured "
                 "-CountryOrRegionCode 44", CHANGES, id="New-UMDialPlan-3"),
    # ---------------------------------------------------------------- Get-/Set-/Remove-UMDialPlan
    pytest.param("Get-UMDialPlan", READS, id="Get-UMDialPlan-1"),
    pytest.param("Get-UMDialPlan -Identity MySIPDialPlan | Format-List", READS, id="Get-UMDialPlan-2"),
    pytest.param("Set-UMDialPlan -Identity MyDialPlan -OutsideLineAccessCode 8", CHANGES, id="Set-UMDialPlan-1"),
    pytest.param("Set-UMDialPlan -Identity MySIPDialPlan -WelcomeGreetingEnabled $true -WelcomeGreetingFilename hello.wav",
                 CHANGES, id="Set-UMDialPlan-2"),
    pytest.param("$rows = [pscustomobject]@{Name='local'; NumberMask='9xxxxxxx'; DialedNumber='9xxxxxxx'; Comment=''}\n"
                 "Set-UMDialPlan -Identity MyDialPlan -ConfiguredInCountryOrRegionGroups $rows\n"
                 "Set-UMDialPlan -Identity MyDialPlan -AllowedInCountryOrRegionGroups \"local\"", CHANGES,
                 id="Set-UMDialPlan-3"),
    pytest.param("Remove-UMDialPlan -Identity MyUMDialPlan -Confirm:$false",
                 ('The UM dial plan "MyUMDialPlan" can\'t be removed because it\'s in use by: UM mailbox policy '
                  '"MyUMDialPlan Default Policy", UM mailbox policy "MyUMMailboxPolicy", UM auto attendant '
                  '"MyUMAutoAttendant", UM hunt group "MyUMIPGateway\\MyUMHuntGroup".',
                  "[FailureCategory=Cmdlet-TaskException] 53AEE823," + SERVER_SIDE + "RemoveUMDialPlan"),
                 id="Remove-UMDialPlan-1-page"),
    pytest.param("New-UMDialPlan Spare -CountryOrRegionCode 1 -NumberOfDigitsInExtension 4 -GenerateUMMailboxPolicy "
                 "$false | Out-Null\nRemove-UMDialPlan -Identity Spare -Confirm:$false", CHANGES,
                 id="Remove-UMDialPlan-1"),
    # ---------------------------------------------------------------- IP gateways
    pytest.param("New-UMIPGateway -Identity MyUMIPGateway -Address 10.10.10.1",
                 no_parameter("Identity", "New-UMIPGateway"), id="New-UMIPGateway-1-page"),
    pytest.param("New-UMIPGateway -Name PBX01 -Address 10.10.10.2", CHANGES, id="New-UMIPGateway-1"),
    pytest.param("New-UMIPGateway -Identity MyUMIPGateway -Address fe80::39bd:88f7:6969:d223%11 -IPAddressFamily Any",
                 no_parameter("Identity", "New-UMIPGateway"), id="New-UMIPGateway-2-page"),
    pytest.param("New-UMIPGateway -Name PBX02 -Address fe80::39bd:88f7:6969:d224%11 -IPAddressFamily Any", CHANGES,
                 id="New-UMIPGateway-2"),
    pytest.param('New-UMIPGateway -Identity MyUMIPGateway -Address "MyUMIPGateway.contoso.com"',
                 no_parameter("Identity", "New-UMIPGateway"), id="New-UMIPGateway-3-page"),
    pytest.param('New-UMIPGateway -Name PBX03 -Address "pbx03.contoso.com"', CHANGES, id="New-UMIPGateway-3"),
    pytest.param("Set-UMIPGateway -Identity MyUMIPGateway -Address 10.10.10.5", CHANGES, id="Set-UMIPGateway-1"),
    pytest.param("Set-UMIPGateway -Identity MyUMIPGateway -Address 10.10.10.5 -Status Disabled -OutcallsAllowed $false",
                 CHANGES, id="Set-UMIPGateway-2"),
    pytest.param("Set-UMIPGateway -Identity MyUMIPGateway -Address fe80::39bd:88f7:6969:d223%11 -IPAddressFamily Any "
                 "-Status Disabled -OutcallsAllowed $false", CHANGES, id="Set-UMIPGateway-3"),
    pytest.param("Set-UMIPGateway -Identity LyncPoolNA -Simulator $true", CHANGES, id="Set-UMIPGateway-4"),
    pytest.param("Get-UMIPGateway | Format-List", READS, id="Get-UMIPGateway-1"),
    pytest.param("Get-UMIPGateway -Identity LyncPoolNA", READS, id="Get-UMIPGateway-2"),
    pytest.param("Get-UMIPGateway -IncludeSimulator", READS, id="Get-UMIPGateway-3"),
    pytest.param("Enable-UMIPGateway -Identity MyUMIPGateway -Confirm:$false",
                 ("The command completed successfully but no settings of 'MyUMIPGateway' have been modified.",
                  "WARNING"), id="Enable-UMIPGateway-1-already-enabled"),
    pytest.param("Disable-UMIPGateway -Identity LyncPoolNA -Confirm:$false\nEnable-UMIPGateway -Identity LyncPoolNA",
                 CHANGES, id="Enable-UMIPGateway-1"),
    pytest.param("Disable-UMIPGateway -Identity MyUMIPGateway -Confirm:$false", CHANGES, id="Disable-UMIPGateway-1"),
    pytest.param("Disable-UMIPGateway -Identity MyUMIPGateway -Immediate $true -Confirm:$false", CHANGES,
                 id="Disable-UMIPGateway-2"),
    pytest.param("Remove-UMIPGateway -Identity MyUMIPGateway -Confirm:$false", CHANGES, id="Remove-UMIPGateway-1"),
    # ---------------------------------------------------------------- hunt groups
    pytest.param("New-UMHuntGroup -Name MyUMHuntGroup -PilotIdentifier 12345 -UMDialPlan MyUMDialPlan "
                 "-UMIPGateway MyUMIPGateway",
                 exists("CN=MyUMHuntGroup,CN=MyUMIPGateway,CN=UM IPGateway Container", "New-UMHuntGroup", "0412503A"),
                 id="New-UMHuntGroup-1-page"),
    pytest.param("New-UMHuntGroup -Name SalesLine -PilotIdentifier 12346 -UMDialPlan MyUMDialPlan "
                 "-UMIPGateway MyUMIPGateway", CHANGES, id="New-UMHuntGroup-1"),
    pytest.param("New-UMHuntGroup -Name SupportLine -PilotIdentifier 5551234,55555 -UMDialPlan MyUMDialPlan "
                 "-UMIPGateway MyUMIPGateway", CHANGES, id="New-UMHuntGroup-2"),
    pytest.param("Get-UMHuntGroup", READS, id="Get-UMHuntGroup-1"),
    pytest.param("Get-UMHuntGroup -Identity LyncPoolNA\\LyncPoolNA | Format-List", READS, id="Get-UMHuntGroup-2"),
    pytest.param("Get-UMHuntGroup -UMDialPlan MySIPDialPlan", READS, id="Get-UMHuntGroup-3"),
    pytest.param("Remove-UMHuntGroup -Identity MyUMHuntGroup -Confirm:$false", CHANGES, id="Remove-UMHuntGroup-1"),
    pytest.param("Remove-UMHuntGroup -Identity MyUMIPGateway\\MyUMHuntGroup -Confirm:$false", CHANGES,
                 id="Remove-UMHuntGroup-1-with-its-gateway"),
    # ---------------------------------------------------------------- UM mailbox policies
    pytest.param("New-UMMailboxPolicy -Name MyUMMailboxPolicy -UMDialPlan MyUMDialPlan",
                 exists("CN=MyUMMailboxPolicy,CN=UM Mailbox Policies", "New-UMMailboxPolicy", "074971A7"),
                 id="New-UMMailboxPolicy-1-page"),
    pytest.param("New-UMMailboxPolicy -Name SalesPolicy -UMDialPlan MySIPDialPlan", CHANGES, id="New-UMMailboxPolicy-1"),
    pytest.param("Get-UMMailboxPolicy | Format-List", READS, id="Get-UMMailboxPolicy-1"),
    pytest.param("Get-UMMailboxPolicy -Identity 'MyDialPlan Default Policy'", READS, id="Get-UMMailboxPolicy-2"),
    pytest.param("Get-UMMailboxPolicy -UMDialPlan MySIPDialPlan", READS, id="Get-UMMailboxPolicy-3"),
    pytest.param("Set-UMMailboxPolicy -Identity 'MyDialPlan Default Policy' -LogonFailuresBeforePINReset 7 "
                 "-MaxLogonAttempts 10 -MinPINLength 7 -PINHistoryCount 8 -PINLifetime 90 -ResetPINText \"PIN reset.\"",
                 CHANGES, id="Set-UMMailboxPolicy-1"),
    pytest.param("Set-UMMailboxPolicy -Identity 'MyDialPlan Default Policy' -AllowDialPlanSubscribers $false "
                 "-AllowedInCountryOrRegionGroups Local,LongDistance -AllowedInternationalGroups Europe "
                 "-AllowExtensions $false", CHANGES, id="Set-UMMailboxPolicy-2"),
    pytest.param("Set-UMMailboxPolicy -Identity 'MyDialPlan Default Policy' -UMEnabledText \"Welcome.\" "
                 "-VoiceMailText \"New voice mail.\"", CHANGES, id="Set-UMMailboxPolicy-3"),
    pytest.param("New-UMMailboxPolicy -Name Spare -UMDialPlan MyDialPlan | Out-Null\n"
                 "Remove-UMMailboxPolicy -Identity Spare -Confirm:$false", CHANGES, id="Remove-UMMailboxPolicy-1"),
    # ---------------------------------------------------------------- auto attendants
    pytest.param("New-UMAutoAttendant -Name MyUMAutoAttendant -UMDialPlan MyUMDialPlan -PilotIdentifierList 55000 "
                 "-Status Enabled",
                 exists("CN=MyUMAutoAttendant,CN=UM AutoAttendant Container", "New-UMAutoAttendant", "94A9238B"),
                 id="New-UMAutoAttendant-1-page"),
    pytest.param("New-UMAutoAttendant -Name FrontDesk -UMDialPlan MyUMDialPlan -PilotIdentifierList 55100 "
                 "-Status Enabled", CHANGES, id="New-UMAutoAttendant-1"),
    pytest.param("New-UMAutoAttendant -Name SpeechDesk -UMDialPlan MyUMDialPlan -PilotIdentifierList 56000,56100 "
                 "-SpeechEnabled $true -Status Enabled", CHANGES, id="New-UMAutoAttendant-2"),
    pytest.param("Get-UMAutoAttendant | Format-List", READS, id="Get-UMAutoAttendant-1"),
    pytest.param("Get-UMAutoAttendant -Identity MyAutoAttendant", READS, id="Get-UMAutoAttendant-2"),
    pytest.param("Get-UMAutoAttendant -UMDialPlan MyDialPlan", READS, id="Get-UMAutoAttendant-3"),
    pytest.param("Set-UMAutoAttendant -Identity MySpeechEnabledAA -DTMFFallbackAutoAttendant MyDTMFAA "
                 "-OperatorExtension 50100 -AfterHoursTransferToOperatorEnabled $true -StaroutToDialPlanEnabled $true",
                 no_parameter("StaroutToDialPlanEnabled", "Set-UMAutoAttendant"), id="Set-UMAutoAttendant-1-page"),
    pytest.param("Set-UMAutoAttendant -Identity MySpeechEnabledAA -DTMFFallbackAutoAttendant MyDTMFAA "
                 "-OperatorExtension 50200 -AfterHoursTransferToOperatorEnabled $true", CHANGES,
                 id="Set-UMAutoAttendant-1"),
    pytest.param("Set-UMAutoAttendant -Identity MyAutoAttendant -BusinessHoursSchedule 1.08:00-1.18:00,2.08:00-2.18:00 "
                 "-HolidaySchedule \"Founders Day,founders.wav,6/15/2023\",\"Move,moving.wav,7/3/2023,7/7/2023\"",
                 CHANGES, id="Set-UMAutoAttendant-2"),
    pytest.param("Set-UMAutoAttendant -Identity MyAutoAttendant -BusinessHoursKeyMappingEnabled $true "
                 "-BusinessHoursKeyMapping \"1,Sales,,SalesAutoAttendant\",\"2,Help,50300\",\"3,Map,,,map.wav\"",
                 CHANGES, id="Set-UMAutoAttendant-3"),
    pytest.param("Remove-UMAutoAttendant -Identity MyUMAutoAttendant -Confirm:$false", CHANGES,
                 id="Remove-UMAutoAttendant-1"),
    pytest.param("Enable-UMAutoAttendant -Identity SalesAutoAttendant", CHANGES, id="Enable-UMAutoAttendant-1"),
    pytest.param("Disable-UMAutoAttendant -Identity MyUMAutoAttendant -Confirm:$false", CHANGES,
                 id="Disable-UMAutoAttendant-1"),
    # ---------------------------------------------------------------- prompts
    pytest.param(f'Import-UMPrompt -UMDialPlan MySIPDialPlan -PromptFileName "greeting.wav" -PromptFileData {AUDIO}',
                 CHANGES, id="Import-UMPrompt-1"),
    pytest.param(f'Import-UMPrompt -UMAutoAttendant MyAutoAttendant -PromptFileName "greeting.wav" '
                 f"-PromptFileData {AUDIO}", CHANGES, id="Import-UMPrompt-2"),
    pytest.param(f'Import-UMPrompt -UMAutoAttendant MyAutoAttendant -PromptFileName "AfterHours.wav" '
                 f"-PromptFileData {AUDIO}", CHANGES, id="Import-UMPrompt-3"),
    pytest.param('$prompt = Export-UMPrompt -PromptFileName "customgreeting.mp3" -UMDialPlan MyUMDialPlan\n'
                 "$prompt.AudioData", READS, id="Export-UMPrompt-1"),
    pytest.param('$prompt = Export-UMPrompt -PromptFileName "welcomegreeting.mp3" -UMAutoAttendant MyUMAutoAttendant\n'
                 "$prompt.AudioData", READS, id="Export-UMPrompt-2"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), EXAMPLES)
def test_reference_example(script: str, expected: object) -> None:
    shell = Shell()
    before = shell.org.dump()
    result = shell.run(script)
    if expected == CHANGES:
        assert (result.ok, result.warnings) == (True, []), result.text
        assert shell.org.dump() != before
    elif expected == READS:
        assert (result.ok, result.warnings) == (True, []), result.text
        assert result.output
        assert shell.org.dump() == before
    elif expected[1] == "WARNING":
        assert (result.ok, result.warnings) == (True, [expected[0]])
        assert shell.org.dump() == before
    else:
        (error,) = result.errors
        fqid = error.FullyQualifiedErrorId
        assert (str(error), fqid.split("] ", 1)[1] if fqid.startswith("[Server=") else fqid) == expected
        assert shell.org.dump() == before
