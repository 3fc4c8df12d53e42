"""Every example of the cmdlet reference pages for the server, certificate, connectivity and call
data cmdlets (MicrosoftDocs/office-docs-powershell, ``exchange/exchange-ps/ExchangePowerShell/
<Cmdlet>.md``), as our own command lines with the same cmdlet and parameters, each run on a fresh
built-in organization.

Examples that are wrong on the page itself keep the page's form and assert the error EMS prints:
New-ExchangeCertificate's -RequestFile exists only in Exchange 2013, and Export-UMCallDataRecord's
examples lack the mandatory -ClientStream.  Disable-UMService asks for confirmation (ConfirmImpact
High): our lines answer it with -Confirm:$false.  The Exchange 2010 cmdlets Get-/Set-/Enable-/
Disable-UMServer do not exist in EMS 2013/2016.
"""

from __future__ import annotations

import pytest

from emshell import Shell

CHANGES = "changes"  # runs without an error and changes the organization
READS = "reads"  # runs without an error and changes nothing
WOODGROVE = "-SubjectName 'c=US,o=Woodgrove Bank,cn=mail.woodgrovebank.com' -DomainName autodiscover.woodgrovebank.com,mail.fabrikam.com"


def missing(parameter: str, cmdlet: str) -> tuple[str, str]:
    return (f"Cannot process command because of one or more missing mandatory parameters: {parameter}.",
            f"MissingMandatoryParameter,{cmdlet}")  # fmt: skip


def no_parameter(parameter: str, cmdlet: str) -> tuple[str, str]:
    return f"A parameter cannot be found that matches parameter name '{parameter}'.", f"NamedParameterNotFound,{cmdlet}"


def unknown(cmdlet: str) -> tuple[str, str]:
    return (f"The term '{cmdlet}' is not recognized as the name of a cmdlet, function, script file, or operable "
            "program. Check the spelling of the name, or if a path was included, verify that the path is correct and "
            "try again.", "CommandNotFoundException")  # fmt: skip


EXAMPLES = [
    # Get-ExchangeServer, Get-MailboxServer, Get-ClientAccessServer, Get-ClientAccessService
    pytest.param("Get-ExchangeServer | Format-List", READS, id="Get-ExchangeServer-1"),
    pytest.param("Get-ExchangeServer -Identity MBX01 | Format-List", READS, id="Get-ExchangeServer-2"),
    pytest.param("Get-MailboxServer", READS, id="Get-MailboxServer-1"),
    pytest.param("Get-MailboxServer -Identity EXCH01 | Format-List", READS, id="Get-MailboxServer-2"),
    pytest.param("Get-ClientAccessServer", READS, id="Get-ClientAccessServer-1"),
    pytest.param("Get-ClientAccessServer -Identity Exchange01.contoso.com | Format-List", READS,
                 id="Get-ClientAccessServer-2"),
    pytest.param("Get-ClientAccessService | Format-Table Name", READS, id="Get-ClientAccessService-1"),
    pytest.param("Get-ClientAccessService -Identity MyUMCallRouter.northwindtraders.com | Format-List", READS,
                 id="Get-ClientAccessService-2"),
    # Get-UMService, Set-UMService, Enable-UMService, Disable-UMService
    pytest.param("Get-UMService", READS, id="Get-UMService-1"),
    pytest.param("Get-UMService -Identity MyUMServer2 | Format-List", READS, id="Get-UMService-2"),
    pytest.param("Set-UMService -Identity MyUMServer2 -IPAddressFamily IPv4Only -UMStartupMode TCP", CHANGES,
                 id="Set-UMService-1"),
    pytest.param("Set-UMService -Identity MyUMServer3 -DialPlans $null", CHANGES, id="Set-UMService-2"),
    pytest.param("Set-UMService -Identity MyUMServer -DialPlans MySIPDialPlan -MaxCallsAllowed 60 "
                 "-SipAccessService lync.contoso.com:5061 -UMStartupMode Dual", CHANGES, id="Set-UMService-3"),
    pytest.param("Enable-UMService -Identity MBX01", READS, id="Enable-UMService-1"),  # already enabled: warns
    pytest.param("Disable-UMService -Identity MyUMServer2 -Confirm:$false", CHANGES, id="Disable-UMService-1"),
    pytest.param("Disable-UMService -Identity MyUMServer2 -Immediate $true -Confirm:$false", CHANGES,
                 id="Disable-UMService-2"),
    # Get-UMCallRouterSettings, Set-UMCallRouterSettings
    pytest.param("Get-UMCallRouterSettings", READS, id="Get-UMCallRouterSettings-1"),
    pytest.param("Get-UMCallRouterSettings -Server MyUMCallRouter | Format-List", READS,
                 id="Get-UMCallRouterSettings-2"),
    pytest.param("Set-UMCallRouterSettings -DialPlans MySIPDialPlan -IPAddressFamily IPv4Only -Server "
                 "EXCH01.contoso.com -UMStartupMode Dual", CHANGES, id="Set-UMCallRouterSettings-1"),
    pytest.param("Set-UMCallRouterSettings -DialPlans $null -Server MyUMServer2.contoso.com", CHANGES,
                 id="Set-UMCallRouterSettings-2"),
    # Get-ExchangeCertificate, Enable-ExchangeCertificate
    pytest.param("Get-ExchangeCertificate -Server MyUMServer3", READS, id="Get-ExchangeCertificate-1"),
    pytest.param("Get-ExchangeCertificate -Thumbprint 759B08BBA457D27F8C8B19F6AE4264C97E99225A | Format-List", READS,
                 id="Get-ExchangeCertificate-2"),
    pytest.param("Get-ExchangeCertificate -Thumbprint 8A141F7F2BBA8041973399723BD2598D2ED2D831 | Format-List *", READS,
                 id="Get-ExchangeCertificate-3"),
    pytest.param("Get-ExchangeCertificate -DomainName autodiscover.contoso.com", READS, id="Get-ExchangeCertificate-4"),
    pytest.param("Enable-ExchangeCertificate -Thumbprint c4248cd7065c87cb942d60f7293feb7d533a4afc -Services IIS,SMTP",
                 CHANGES, id="Enable-ExchangeCertificate-1"),
    # New-ExchangeCertificate
    pytest.param("New-ExchangeCertificate", CHANGES, id="New-ExchangeCertificate-1"),
    pytest.param("Get-ExchangeCertificate -Thumbprint 759B08BBA457D27F8C8B19F6AE4264C97E99225A | "
                 "New-ExchangeCertificate -PrivateKeyExportable $true", CHANGES, id="New-ExchangeCertificate-2"),
    pytest.param(f"New-ExchangeCertificate -GenerateRequest {WOODGROVE} -RequestFile 'C:\\Requests\\wg.req'",
                 no_parameter("RequestFile", "New-ExchangeCertificate"), id="New-ExchangeCertificate-3-page"),
    pytest.param(f"$txtrequest = New-ExchangeCertificate -GenerateRequest {WOODGROVE}; $txtrequest.Length", READS,
                 id="New-ExchangeCertificate-4"),
    pytest.param(f"$binrequest = New-ExchangeCertificate -GenerateRequest -BinaryEncoded {WOODGROVE}; "
                 "$binrequest.FileData.Count", READS, id="New-ExchangeCertificate-5"),
    pytest.param("Get-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75B1D0198628675333D010E | "
                 "New-ExchangeCertificate -GenerateRequest -RequestFile 'C:\\Requests\\renewal.req'",
                 no_parameter("RequestFile", "New-ExchangeCertificate"), id="New-ExchangeCertificate-6-page"),
    pytest.param("$txtrequest = Get-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75B1D0198628675333D010E | "
                 "New-ExchangeCertificate -GenerateRequest; $txtrequest.Length", READS, id="New-ExchangeCertificate-7"),
    pytest.param("$binrequest = Get-ExchangeCertificate -Thumbprint 8A141F7F2BBA8041973399723BD2598D2ED2D831 | "
                 "New-ExchangeCertificate -GenerateRequest; $binrequest.FileData", READS, id="New-ExchangeCertificate-8"),
    # Test-UMConnectivity
    pytest.param("Test-UMConnectivity", READS, id="Test-UMConnectivity-1"),
    pytest.param("Test-UMConnectivity -UMIPGateway LyncPoolNA -Phone 56781 -Secured $false", READS,
                 id="Test-UMConnectivity-2"),
    pytest.param("Test-UMConnectivity -Phone sip:kima@contoso.com -UMIPGateway LyncPoolNA -Secured $true "
                 "-From sip:pilarp@contoso.com -MediaSecured $true", READS, id="Test-UMConnectivity-3"),
    # Get-UMActiveCalls, Get-UMCallDataRecord, Export-UMCallDataRecord, Get-UMCallSummaryReport
    pytest.param("Get-UMActiveCalls", READS, id="Get-UMActiveCalls-1"),
    pytest.param("Get-UMActiveCalls -Server MyUMServer3", READS, id="Get-UMActiveCalls-2"),
    pytest.param("Get-UMActiveCalls -IPGateway LyncPoolNA", READS, id="Get-UMActiveCalls-3"),
    pytest.param("Get-UMActiveCalls -DialPlan MySIPDialPlan", READS, id="Get-UMActiveCalls-4"),
    pytest.param("Get-UMCallDataRecord -Mailbox kima@contoso.com", READS, id="Get-UMCallDataRecord-1"),
    pytest.param("Export-UMCallDataRecord -Date 06/01/23", missing("ClientStream", "Export-UMCallDataRecord"),
                 id="Export-UMCallDataRecord-1-page"),
    pytest.param("Export-UMCallDataRecord -Date 06/01/23 -UMDialPlan MyDialPlan",
                 missing("ClientStream", "Export-UMCallDataRecord"), id="Export-UMCallDataRecord-2-page"),
    pytest.param("Get-UMCallSummaryReport -GroupBy Total", READS, id="Get-UMCallSummaryReport-1"),
    pytest.param("Get-UMCallSummaryReport -GroupBy Month", READS, id="Get-UMCallSummaryReport-2"),
    pytest.param("Get-UMCallSummaryReport -GroupBy Day", READS, id="Get-UMCallSummaryReport-3"),
    pytest.param("Get-UMCallSummaryReport -GroupBy Month -UMDialPlan MySIPDialPlan", READS,
                 id="Get-UMCallSummaryReport-4"),
    # The Exchange 2010 cmdlets these replaced
    pytest.param("Get-UMServer", unknown("Get-UMServer"), id="Get-UMServer-2010"),
    pytest.param("Set-UMServer -Identity MyUMServer -Status Disabled", unknown("Set-UMServer"), id="Set-UMServer-2010"),
    pytest.param("Enable-UMServer -Identity MyUMServer", unknown("Enable-UMServer"), id="Enable-UMServer-2010"),
    pytest.param("Disable-UMServer -Identity MyUMServer -Immediate $true", unknown("Disable-UMServer"),
                 id="Disable-UMServer-2010"),
]


@pytest.mark.parametrize(("command", "expected"), EXAMPLES)
def test_reference_example(command: str, expected) -> None:
    shell = Shell()
    before = shell.org.dump()
    result = shell.run(command)
    if expected in (CHANGES, READS):
        assert not result.errors, result.text
        assert (shell.org.dump() != before) is (expected == CHANGES), result.text
        return
    message, error_id = expected
    assert [(str(e), e.FullyQualifiedErrorId) for e in result.errors] == [(message, error_id)]
    assert shell.org.dump() == before
