"""Every documented parameter of the server-family cmdlets binds and runs: one command line per
parameter (or a few parameters at once), each on a fresh built-in organization, plus a check that
the table leaves no parameter of the metadata out."""

from __future__ import annotations

import re

import pytest

from emshell import Shell
from emshell.cmdlets.exchange.calls import ClientStream
from emshell.engine.cmdlet import REGISTRY

CERT = "5113AE0233A72FCCB75B1D0198628675333D010E"
DC = "-DomainController DC01.contoso.com"

LINES = {
    "Get-ExchangeServer": [f"Get-ExchangeServer -Identity MBX01 -Status {DC}", "Get-ExchangeServer -Domain contoso.com"],
    "Get-MailboxServer": [f"Get-MailboxServer -Identity Server1 -Status {DC}"],
    "Get-ClientAccessServer": [f"Get-ClientAccessServer -Identity MAIL {DC} -IncludeAlternateServiceAccountCredentialStatus "
                               "-IncludeAlternateServiceAccountCredentialPassword"],
    "Get-ClientAccessService": [f"Get-ClientAccessService -Identity MAIL {DC} "
                                "-IncludeAlternateServiceAccountCredentialStatus "
                                "-IncludeAlternateServiceAccountCredentialPassword"],
    "Get-UMService": [f"Get-UMService -Identity MyUMServer {DC}"],
    "Set-UMService": [
        f"Set-UMService -Identity MyUMServer1 -DialPlans MySIPDialPlan {DC} -GrammarGenerationSchedule "
        "'Sun.1:00 AM-Sun.1:30 AM' -IPAddressFamily IPv4Only -IPAddressFamilyConfigurable $false -IrmLogEnabled $false "
        "-IrmLogMaxAge 10.00:00:00 -IrmLogMaxDirectorySize 1GB -IrmLogMaxFileSize 20MB -IrmLogPath D:\\IRM "
        "-MaxCallsAllowed 20 -SIPAccessService lync.contoso.com:5061 -UMStartupMode TLS -Confirm:$false",
        "Set-UMService -Identity MyUMServer1 -Status Enabled -WhatIf",
    ],
    "Enable-UMService": [f"Enable-UMService -Identity MyUMServer {DC} -Confirm:$false -WhatIf"],
    "Disable-UMService": [f"Disable-UMService -Identity MyUMServer {DC} -Immediate $true -Confirm:$false",
                          "Disable-UMService MyUMServer -WhatIf"],
    "Get-UMCallRouterSettings": [f"Get-UMCallRouterSettings -Server MAIL {DC}"],
    "Set-UMCallRouterSettings": [
        f"Set-UMCallRouterSettings -Server MAIL -DialPlans MySIPDialPlan {DC} -IPAddressFamily IPv4Only "
        "-IPAddressFamilyConfigurable $false -MaxCallsAllowed 10 -SipTcpListeningPort 5070 -SipTlsListeningPort 5071 "
        "-UMStartupMode Dual -Confirm:$false",
        "Set-UMCallRouterSettings -UMStartupMode TLS -WhatIf",
    ],
    "Get-ExchangeCertificate": [
        f"Get-ExchangeCertificate -Thumbprint {CERT} -Server MyUMServer1 -DomainName mail.contoso.com {DC}",
        f"Get-ExchangeCertificate -Identity MyUMServer1\\{CERT}",
        f"Get-ExchangeCertificate -Instance (Get-ExchangeCertificate {CERT})",
    ],
    "Enable-ExchangeCertificate": [
        f"Enable-ExchangeCertificate -Thumbprint {CERT} -Server MyUMServer1 -Services IIS {DC} -DoNotRequireSsl -Force "
        "-NetworkServiceAllowed -Confirm:$false",
        f"Enable-ExchangeCertificate -Identity MyUMServer1\\{CERT} -Services SMTP -WhatIf",
    ],
    "New-ExchangeCertificate": [
        f"New-ExchangeCertificate -Services IIS -DomainName www.contoso.com {DC} -Force -FriendlyName Web "
        "-IncludeAcceptedDomains -IncludeAutoDiscover -IncludeServerFQDN -IncludeServerNetBIOSName -KeySize 1024 "
        "-PrivateKeyExportable $true -Server MyUMServer1 -SubjectKeyIdentifier 0102 -SubjectName 'cn=web.contoso.com' "
        "-Confirm:$false",
        f"New-ExchangeCertificate -GenerateRequest -BinaryEncoded -Instance (Get-ExchangeCertificate {CERT}) -WhatIf",
    ],
    "Test-UMConnectivity": [
        "Test-UMConnectivity -CallRouter -CertificateThumbprint 0 -ListenPort 9000 -MediaSecured $false "
        f"-MonitoringContext $false -RemotePort 5060 -Secured $false -Timeout 100 {DC} -Confirm:$false",
        "Test-UMConnectivity -Phone 51234 -PIN 5643892 -TUILogon $true -UMDialPlan MyUMDialPlan -WhatIf",
        "Test-UMConnectivity -Phone 1 -UMIPGateway MyUMIPGateway -DiagDtmfDurationInMilisecs 100 -DiagDtmfSequence 12 "
        "-DiagInitialSilenceInMilisecs 10 -DiagInterDtmfDiffGapInMilisecs 1,2 -DiagInterDtmfGapInMilisecs 5 "
        "-From sip:me@contoso.com",
        "Test-UMConnectivity -TUILogonAll $false",
        "Test-UMConnectivity -ResetPIN $false",
    ],
    "Get-UMActiveCalls": ["Get-UMActiveCalls -DialPlan MyUMDialPlan", "Get-UMActiveCalls -IPGateway MyUMIPGateway",
                          "Get-UMActiveCalls -InstanceServer (Get-UMService MyUMServer)",
                          f"Get-UMActiveCalls -Server MyUMServer {DC}"],  # fmt: skip
    "Get-UMCallDataRecord": [f"Get-UMCallDataRecord -Mailbox kima {DC}"],
    "Export-UMCallDataRecord": [f"Export-UMCallDataRecord -ClientStream $stream -Date 6/1/2023 -UMDialPlan MyUMDialPlan "
                                f"-UMIPGateway MyUMIPGateway {DC} -Confirm:$false",
                                "Export-UMCallDataRecord -ClientStream $stream -Date 6/1/2023 -WhatIf"],
    "Get-Service": ["Get-Service -Name MSExchangeUM -ComputerName . -DependentServices -RequiredServices -Include * "
                    "-Exclude X", "Get-Service -DisplayName 'Microsoft Exchange*'",
                    "Get-Service -InputObject (Get-Service MSExchangeUM)"],
    "Start-Service": ["Start-Service -Name MSExchangeUM -Include * -Exclude X -PassThru -Confirm:$false",
                      "Start-Service -DisplayName 'Microsoft Exchange Unified Messaging' -WhatIf",
                      "Start-Service -InputObject (Get-Service MSExchangeUM)"],
    "Stop-Service": ["Stop-Service -Name MSExchangeUM -Force -NoWait -PassThru -Include * -Exclude X -Confirm:$false",
                     "Stop-Service -DisplayName 'Microsoft Exchange Unified Messaging' -WhatIf",
                     "Stop-Service -InputObject (Get-Service MSExchangeUMCR)"],
    "Restart-Service": ["Restart-Service -Name MSExchangeUM -Force -PassThru -Include * -Exclude X -Confirm:$false",
                        "Restart-Service -DisplayName 'Microsoft Exchange Unified Messaging' -WhatIf",
                        "Restart-Service -InputObject (Get-Service -ComputerName MyUMServer2 MSExchangeUM)"],
    "Get-UMCallSummaryReport": [f"Get-UMCallSummaryReport -GroupBy Day -UMDialPlan MyUMDialPlan -UMIPGateway "
                                f"MyUMIPGateway {DC}"],
}  # fmt: skip


@pytest.mark.parametrize(("cmdlet", "line"), [(c, line) for c, lines in LINES.items() for line in lines])
def test_every_parameter_binds_and_runs(cmdlet: str, line: str) -> None:
    shell = Shell()
    shell.runspace.session.set_value("stream", ClientStream())
    result = shell.run(line)
    assert result.errors == [], result.text


@pytest.mark.parametrize("cmdlet", list(LINES))
def test_the_table_names_every_documented_parameter(cmdlet: str) -> None:
    Shell().run(f"Get-Command {cmdlet}")  # loads the cmdlet's module
    documented = {p.name for p in REGISTRY[cmdlet.lower()].metadata.own_parameters}
    documented |= {"WhatIf", "Confirm"} & {p.name for p in REGISTRY[cmdlet.lower()].metadata.parameters.values()}
    used = {name for line in LINES[cmdlet] for name in re.findall(r"(?<=\s)-([A-Za-z]+)", line)}
    assert documented <= used, documented - used
