"""Completion as a specification: the line typed (``‸`` marks the cursor, else it is at the end)
-> the candidates offered, in order, each the full text that replaces the word being typed.

The session (see conftest) has the organization of completion_org.yaml, ``$service`` (one UM
service), ``$services`` (all of them), ``$splat`` (a hashtable), a function ``Get-LabServer``,
an alias ``gus`` for Get-UMService, and a sandbox whose current folder C:\\Windows\\system32
holds Configure-UM.ps1, notes.txt and a Reports folder, and whose C:\\Scripts holds
``Enable UM.ps1`` and check.ps1.
"""

from __future__ import annotations

import pytest

CURSOR = "‸"

MAILBOX_SERVERS = ["EXCH01", "Exchange01", "MyUMServer1", "MyUMServer2"]
CALL_ROUTERS = ["Exchange01", "MyUMCallRouter", "MyUMServer1"]
COMMON = ["-Verbose", "-Debug", "-ErrorAction", "-WarningAction", "-InformationAction", "-ErrorVariable",
          "-WarningVariable", "-InformationVariable", "-OutVariable", "-OutBuffer", "-PipelineVariable"]  # fmt: skip
ACTIONS = ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"]

COMMANDS = [
    ("set-ums", ["Set-UMService"]),
    ("Set-UMServ", ["Set-UMService"]),
    ("GET-UMDIAL", ["Get-UMDialPlan"]),
    ("Get-UMH", ["Get-UMHuntGroup"]),
    ("Get-UMMailbox", ["Get-UMMailbox", "Get-UMMailboxPin", "Get-UMMailboxPolicy"]),
    ("*-UMService", ["Disable-UMService", "Enable-UMService", "Get-UMService", "Set-UMService"]),
    ("Get-UM*Rule", ["Get-UMCallAnsweringRule"]),
    ("whe", ["where", "Where-Object"]),
    ("fl", ["fl"]),
    ("gus", ["gus"]),
    ("Get-Lab", ["Get-LabServer"]),
    ("get-cred", ["Get-Credential"]),
    ("Get-UMDialPlan | Set-UMDi", ["Set-UMDialPlan"]),
    ("$s = Get-UMSer", ["Get-UMService"]),
    ("if ($true) { Get-UMIP", ["Get-UMIPGateway"]),
    ("(Get-UMAuto", ["Get-UMAutoAttendant"]),
    ("Get-Date; Test-UMC", ["Test-UMConnectivity"]),
    ("Nothing-Like", []),
    ("Set-UM‸ -Identity MyUMServer1", ["Set-UMAutoAttendant", "Set-UMCallAnsweringRule", "Set-UMCallRouterSettings",
                                      "Set-UMDialPlan", "Set-UMIPGateway", "Set-UMMailbox", "Set-UMMailboxPIN",
                                      "Set-UMMailboxPolicy", "Set-UMService"]),  # fmt: skip
]

PARAMETERS = [
    ("Set-UMService -UMSt", ["-UMStartupMode"]),
    ("set-umservice -ums", ["-UMStartupMode"]),
    ("Set-UMService -IPA", ["-IPAddressFamily", "-IPAddressFamilyConfigurable"]),
    ("Set-UMService -Identity MyUMServer1 -I",
     ["-IPAddressFamily", "-IPAddressFamilyConfigurable", "-IrmLogEnabled", "-IrmLogMaxAge", "-IrmLogMaxDirectorySize",
      "-IrmLogMaxFileSize", "-IrmLogPath", "-InformationAction", "-InformationVariable"]),  # fmt: skip
    ("Set-UMService MyUMServer1 -Id", []),
    ("Set-UMService -UMStartupMode TLS -UMS", []),
    ("Get-UMService -", ["-Identity", "-DomainController", *COMMON]),
    ("Set-UMService -W", ["-WarningAction", "-WarningVariable", "-WhatIf"]),
    ("Set-UMService -Conf", ["-Confirm"]),
    ("Enable-ExchangeCertificate -Identity X -",
     ["-Services", "-DomainController", "-DoNotRequireSsl", "-Force", "-NetworkServiceAllowed", *COMMON,
      "-WhatIf", "-Confirm"]),  # fmt: skip
    ("Enable-ExchangeCertificate -Thumbprint AB -S", ["-Services", "-Server"]),
    ("Get-Credential -Message 'Sign in' -", ["-UserName", *COMMON]),
    ("Get-Credential -U", ["-UserName"]),
    ("Where-Object -Pr", ["-Property"]),
    ("Where-Object -FilterScript { $true } -Pr", []),
    ("Write-Host -Fore", ["-ForegroundColor"]),
    ("Get-LabServer -", ["-Name", "-Force"]),
    ("fl -Prop", ["-Property"]),
    ("gus -Id", ["-Identity"]),
    ("Get-UMService | Set-UMService -UMStartupMode Dual -IPAddressFamilyC", ["-IPAddressFamilyConfigurable"]),
    ("Set-UMService -UMStartupMode Dual -Ident‸ MyUMServer1", ["-Identity"]),
]

VALUES = [
    ("Set-UMService -UMStartupMode ", ["TCP", "TLS", "Dual"]),
    ("Set-UMService -UMStartupMode t", ["TCP", "TLS"]),
    ("Set-UMService -UMStartupMode Du", ["Dual"]),
    ("Set-UMService -UMStartupMode:", ["TCP", "TLS", "Dual"]),
    ("Set-UMService -UMStartupMode:D", ["Dual"]),
    ("Set-UMService -IPAddressFamily ", ["IPv4Only", "IPv6Only", "Any"]),
    ("Set-UMDialPlan -VoIPSecurity s", ["SIPSecured", "Secured"]),
    ("Set-UMService -IrmLogEnabled ", ["$true", "$false"]),
    ("Set-UMService -IrmLogEnabled f", ["$false"]),
    ("Set-UMService -Confirm:", ["$true", "$false"]),
    ("Set-UMService -Identity ", MAILBOX_SERVERS),
    ("Set-UMService -Identity myumserver", ["MyUMServer1", "MyUMServer2"]),
    ("Set-UMService ", MAILBOX_SERVERS),
    ("Set-UMService Excha", ["Exchange01"]),
    ("Set-UMService -UMStartupMode Dual MyUMServer", ["MyUMServer1", "MyUMServer2"]),
    ("Set-UMService MyUMServer1 ", []),
    ("Set-UMService -DialPlans ", ["MyDialPlan", "MySIPDialPlan", "MyUMDialPlan"]),
    ("Set-UMService -DialPlans MyDialPlan,MyS", ["MySIPDialPlan"]),
    ("Enable-UMMailbox -UMMailboxPolicy ",
     ["'MyDialPlan Default Policy'", "'MySIPDialPlan Default Policy'", "MyUMMailboxPolicy"]),
    ("Enable-UMMailbox -UMMailboxPolicy 'MyU", ["'MyUMMailboxPolicy'"]),
    ('Enable-UMMailbox -UMMailboxPolicy "MyS', ['"MySIPDialPlan Default Policy"']),
    ("Get-UMIPGateway -Identity ", ["LyncPoolNA", "MyUMIPGateway"]),
    ("Get-UMHuntGroup -Identity ", ["LyncPoolNA\\LyncPoolNA", "MyUMIPGateway\\MyUMHuntGroup"]),
    ("Get-UMMailbox -Identity t", ["tonysmith"]),
    ("Get-UMAutoAttendant ", ["MyUMAutoAttendant"]),
    ("Get-UMCallRouterSettings -Server ", CALL_ROUTERS),
    ("Enable-ExchangeCertificate -Thumbprint 02", ["0271A7F1CA9AD8A27152CCAE044F968F068B14B8"]),
    ("Write-Host -ForegroundColor dark",
     ["DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "DarkGray"]),  # fmt: skip
    ("Get-UMService -ErrorAction ", ACTIONS),
    ("Get-UMService -ErrorAction s", ["SilentlyContinue", "Stop", "Suspend"]),
    ("gus -Identity MyUMServer", ["MyUMServer1", "MyUMServer2"]),
    ("Set-UMService -Identity EX‸ -UMStartupMode TLS", ["EXCH01", "Exchange01"]),
]

VARIABLES = [
    ("$Err", ["$Error", "$ErrorActionPreference"]),
    ("$serv", ["$service", "$services"]),
    ("$SERVICES", ["$services"]),
    ("$tr", ["$true"]),
    ("$env:COMP", ["$env:COMPUTERNAME"]),
    ("$global:serv", ["$global:service", "$global:services"]),
    ("Set-UMService -Identity $serv", ["$service", "$services"]),
    ("Set-UMService @spl", ["@splat"]),
]

MEMBERS = [
    ("$service.UMSt", ["UMStartupMode"]),
    ("$service.Sip", ["SIPAccessService", "SipTcpListeningPort", "SipTlsListeningPort"]),
    ("$service.Runs", ["RunspaceId"]),
    ("Get-UMService | Where-Object { $_.UMSt", ["UMStartupMode"]),
    ("Get-UMDialPlan | ForEach-Object { $_.VoIP", ["VoIPSecurity"]),
    ("Get-UMIPGateway | % { $PSItem.Addr", ["Address"]),
    ("gus | ? { $_.IPAddressF", ["IPAddressFamily", "IPAddressFamilyConfigurable"]),
    ("$services | ForEach-Object { $_.UMSta", ["UMStartupMode"]),
    ("$splat.", ["Count", "Identity", "Keys", "Values"]),
    ("$services.Cou", ["Count"]),
    ("$service.Name.Len", ["Length"]),
    ("$nothing.", []),
    ("$_.Na", []),
]

PATHS = [
    (".\\Con", [".\\Configure-UM.ps1"]),
    (".\\", [".\\Configure-UM.ps1", ".\\Reports"]),
    ("C:\\Scr", ["C:\\Scripts"]),
    ("C:\\Scripts\\", ["C:\\Scripts\\check.ps1", "'C:\\Scripts\\Enable UM.ps1'"]),
    ("& 'C:\\Scripts\\En", ["'C:\\Scripts\\Enable UM.ps1'"]),
    (".\\Configure-UM.ps1 ", [".\\Configure-UM.ps1", ".\\notes.txt", ".\\Reports"]),
    (".\\Configure-UM.ps1 no", [".\\notes.txt"]),
    ("C:\\Scripts\\check.ps1 C:\\Scripts\\c", ["C:\\Scripts\\check.ps1"]),
]

NOTHING = [
    ("", []),
    ("'closed string'", []),
    ("# just a comment", []),
    ("1 + ", []),
]

CASES = COMMANDS + PARAMETERS + VALUES + VARIABLES + MEMBERS + PATHS + NOTHING


@pytest.mark.parametrize(("typed", "expected"), CASES, ids=[typed or "<empty>" for typed, _ in CASES])
def test_completion(completion_source, typed: str, expected: list[str]) -> None:
    before = typed.split(CURSOR, 1)[0]
    _start, candidates = completion_source.complete(before)
    assert [c.text for c in candidates] == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("typed", "start"), [
    ("Set-UMService -UMSt", 14),
    ("Set-UMService -UMStartupMode Du", 29),
    ("Set-UMService -UMStartupMode:D", 29),
    ("Enable-UMMailbox -UMMailboxPolicy 'MyU", 34),
    ("$service.UMSt", 9),
    ("$serv", 0),
    ("Get-UMService | Set-UMS", 16),
    ("Set-UMService -Identity ", 24),
])  # fmt: skip
def test_the_replaced_word_starts_where_it_was_typed(completion_source, typed: str, start: int) -> None:
    assert completion_source.complete(typed)[0] == start


def test_a_failing_layer_below_offers_nothing_rather_than_failing(completion_source, monkeypatch) -> None:
    def broken(name):
        raise RuntimeError("metadata bug")

    monkeypatch.setattr(completion_source.catalog, "metadata", broken)
    assert completion_source.complete_safely("Set-UMService -UMSt") == (19, [])
