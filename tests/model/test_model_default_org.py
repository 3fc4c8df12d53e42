"""The built-in organization matches what DEFAULT_ORG.md says, and the reference examples run."""

from __future__ import annotations

from pathlib import Path

import pytest

from emshell.model import orgfile

DOC = Path(orgfile.__file__).with_name("DEFAULT_ORG.md")


def _table(heading: str) -> list[list[str]]:
    """The rows of the first Markdown table after ``## heading`` (header row excluded)."""
    text = DOC.read_text(encoding="utf-8")
    lines = text.split(f"## {heading}\n", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows[2:]


def _mode(component) -> str:
    if component is None:
        return "—"
    running = component.effective_startup_mode
    return f"{component.UMStartupMode} / {running if running is not None else 'stopped'}"


def test_servers_table(org) -> None:
    documented = _table("Servers")
    actual = [
        [s.Name, str(s.AdminDisplayVersion), ", ".join(s.roles), _mode(s.um_service), _mode(s.call_router)]
        for s in sorted(org.servers, key=lambda s: s.Name.lower())
    ]
    assert documented == actual


def test_who_answers_table(org) -> None:
    rows = _table("Who answers a call (checked with `Organization.connectivity`)")
    dial_plans = [org.resolve("dialPlan", n) for n in ("MyDialPlan", "MySIPDialPlan", "MyUMDialPlan")]
    for row in rows:
        server = org.resolve("server", row[0])
        actual = ["answered" if org.connectivity(server, d) else "no" for d in dial_plans]
        assert row[1:] == actual, row[0]
    assert len(rows) == len(org.servers)


def test_certificates_table(org) -> None:
    documented = [row[:6] for row in _table("Certificates")]
    actual = [
        [s.Name, c.Thumbprint, c.Subject, str(c.Services), str(c.Status), str(c.NotAfter.date())]
        for s in sorted(org.servers, key=lambda s: s.Name.lower())
        for c in sorted(s.certificates, key=lambda c: c.Thumbprint)
    ]
    assert documented == actual


def test_mailboxes_table(org) -> None:
    documented = [row[:3] for row in _table("Mailboxes")]
    actual = [
        [m.Name if m.Alias == m.Name or "{" in m.Name else f"{m.Name} ({m.Alias})",
         "enabled" if m.UMEnabled else "not enabled", str(m.UMMailboxPolicy) if m.UMMailboxPolicy else "—"]
        for m in sorted(org.mailboxes, key=lambda m: m.Name.lower())
    ]  # fmt: skip
    assert documented == actual


def test_recipients_table(org) -> None:
    documented = [row[:3] for row in _table("Recipients")]
    actual = [[r.Name, str(r.RecipientTypeDetails), r.Office or "—"]
              for r in sorted(org.recipients, key=lambda r: r.Name.lower())]  # fmt: skip
    assert documented == actual


def test_object_table_names_exist(org) -> None:
    kinds = {"UM dial plan": "dialPlan", "UM IP gateway": "ipGateway", "UM hunt group": "huntGroup",
             "UM mailbox policy": "mailboxPolicy", "UM auto attendant": "autoAttendant"}  # fmt: skip
    rows = _table("Dial plans, gateways, hunt groups, policies, auto attendants")
    for name, kind, *_ in rows:
        org.resolve(kinds[kind], name)
    assert len(rows) == sum(len(org.records(k)) for k in kinds.values())


@pytest.mark.parametrize(
    ("kind", "identity"),
    [
        ("umService", "MyUMServer"),  # Set-UMService -Identity MyUMServer
        ("umService", "MBX01"),  # Get-UMService -Identity MBX01
        ("server", "Mailbox01"),  # Get-ExchangeServer -Identity Mailbox01
        ("clientAccessServer", "Exchange01"),
        ("callRouter", "MyUMCallRouter.northwindtraders.com"),  # Set-UMCallRouterSettings -Server ...
        ("callRouter", "UMCallRouter001.contoso.com"),
        ("dialPlan", "MyDialPlan"),  # Set-UMDialPlan -Identity MyDialPlan
        ("dialPlan", "MySIPDialPlan"),  # Set-UMService -DialPlans MySIPDialPlan
        ("ipGateway", "MyUMIPGateway"),  # Set-UMIPGateway -Identity MyUMIPGateway
        ("huntGroup", "MyUMIPGateway\\MyUMHuntGroup"),  # Get-UMHuntGroup -Identity MyUMIPGateway\MyUMHuntGroup
        ("mailboxPolicy", "MyUMMailboxPolicy"),
        ("autoAttendant", "MyUMAutoAttendant"),
        ("mailbox", "tonysmith@contoso.com"),  # Enable-UMMailbox -Identity tonysmith@contoso.com
        ("mailbox", "tonysmith"),  # New-UMCallAnsweringRule -Mailbox tonysmith
        ("mailbox", "administrator@contoso.com"),
    ],
)
def test_reference_example_identities_resolve(org, kind: str, identity: str) -> None:
    assert org.resolve(kind, identity) is not None


def test_reference_example_certificates(org) -> None:
    assert org.resolve("certificate", "5113ae0233a72fccb75b1d0198628675333d010e").server.Name == "MyUMServer1"
    cert = org.resolve("certificate", "0271A7F1CA9AD8A27152CCAE044F968F068B14B8", server="Mailbox01")
    assert str(cert.Services) == "IMAP, POP, IIS, SMTP"
    org.enable_certificate(org.resolve("certificate", "5113ae0233a72fccb75b1d0198628675333d010e"), "POP,IMAP,SMTP,IIS")


def test_the_seed_server(org) -> None:
    service = org.resolve("umService", org.local_server.Name)
    assert (org.local_server.Name, str(service.UMStartupMode), service.listening_ports) == (
        "MyUMServer1", "TCP", (("TCP", 5062),),
    )  # fmt: skip


def test_every_uri_type_and_security_is_present(org) -> None:
    assert {str(d.URIType) for d in org.dial_plans} == {"TelExtn", "E164", "SipName"}
    assert {str(d.VoIPSecurity) for d in org.dial_plans} == {"Unsecured", "SIPSecured", "Secured"}
    assert {str(s.um_service.UMStartupMode) for s in org.servers if s.um_service} == {"TCP", "TLS", "Dual"}
