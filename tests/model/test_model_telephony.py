"""Startup modes, restarts, certificates, and whether a call on a dial plan is answered."""

from __future__ import annotations

import pytest

from emshell.model.errors import DomainRuleError, ServiceError

THUMB = "1111111111111111111111111111111111111111"
CERTIFICATES = {
    "valid": ("2023-01-01T00:00:00", "2025-01-01T00:00:00", "UM, UMCallRouter"),
    "expired": ("2021-01-01T00:00:00", "2023-01-01T00:00:00", "UM, UMCallRouter"),
    "not-enabled": ("2023-01-01T00:00:00", "2025-01-01T00:00:00", "IIS"),
}


def telephony_org(org_from_yaml, mode: str, certificate: str, running: bool):
    """One 2016 server whose UM service and call router both run (or not) in ``mode``."""
    thumb = f"      UMCertificateThumbprint: '{THUMB}'\n" if certificate != "none" else ""
    certs = ""
    if certificate in CERTIFICATES:
        not_before, not_after, services = CERTIFICATES[certificate]
        certs = (f"    certificates:\n      - Thumbprint: '{THUMB}'\n        Subject: CN=EX01.contoso.com\n"
                 f"        NotBefore: '{not_before}'\n        NotAfter: '{not_after}'\n        Services: {services}\n")  # fmt: skip
    status = "" if running else ("    windowsServices:\n      MSExchangeUM: {Status: Stopped}\n"
                                 "      MSExchangeUMCR: {Status: Stopped}\n")  # fmt: skip
    text = (
        "organization: {clock: '2023-06-01T10:00:00', epoch: '2023-05-01T09:00:00', localServer: EX01}\n"
        "servers:\n  - Name: EX01\n    roles: [Mailbox, ClientAccess]\n"
        f"    umService:\n      UMStartupMode: {mode}\n{thumb}"
        f"    callRouter:\n      UMStartupMode: {mode}\n{thumb}{certs}{status}"
        "dialPlans:\n"
        "  - {Name: Unsecured, NumberOfDigitsInExtension: 5, CountryOrRegionCode: '1', VoIPSecurity: Unsecured}\n"
        "  - {Name: SIPSecured, NumberOfDigitsInExtension: 5, CountryOrRegionCode: '1', VoIPSecurity: SIPSecured}\n"
        "  - {Name: Secured, NumberOfDigitsInExtension: 5, CountryOrRegionCode: '1', VoIPSecurity: Secured,"
        " URIType: SipName}\n"
    )
    return org_from_yaml(text)


# startup mode, dial plan VoIPSecurity, certificate, services running -> call answered
DECISION_TABLE = [
    ("TCP", "Unsecured", "none", True, True),
    ("TCP", "SIPSecured", "none", True, False),
    ("TCP", "Secured", "none", True, False),
    ("TCP", "SIPSecured", "valid", True, False),
    ("TCP", "Unsecured", "none", False, False),
    ("TLS", "Unsecured", "valid", True, False),
    ("TLS", "SIPSecured", "valid", True, True),
    ("TLS", "Secured", "valid", True, True),
    ("TLS", "Secured", "none", True, False),
    ("TLS", "Secured", "expired", True, False),
    ("TLS", "Secured", "not-enabled", True, False),
    ("TLS", "SIPSecured", "valid", False, False),
    ("Dual", "Unsecured", "valid", True, True),
    ("Dual", "Unsecured", "none", True, True),
    ("Dual", "Unsecured", "expired", True, True),
    ("Dual", "SIPSecured", "valid", True, True),
    ("Dual", "Secured", "valid", True, True),
    ("Dual", "Secured", "none", True, False),
    ("Dual", "SIPSecured", "expired", True, False),
    ("Dual", "Secured", "not-enabled", True, False),
    ("Dual", "Unsecured", "valid", False, False),
    ("Dual", "Secured", "valid", False, False),
]


@pytest.mark.parametrize(("mode", "security", "certificate", "running", "answered"), DECISION_TABLE)
def test_decision_table(org_from_yaml, mode: str, security: str, certificate: str, running: bool, answered: bool) -> None:
    org = telephony_org(org_from_yaml, mode, certificate, running)
    report = org.connectivity(org.server("EX01"), org.resolve("dialPlan", security))
    assert report.answered is answered
    assert report.transport == ("TCP" if security == "Unsecured" else "TLS")
    assert [c.service for c in report.checks] == ["MSExchangeUMCR", "MSExchangeUM"]
    assert bool(report.reasons) is not answered


@pytest.mark.parametrize(
    ("mode", "certificate", "running", "security", "reason"),
    [
        ("TCP", "none", True, "Secured",
         "The Microsoft Exchange Unified Messaging service on server EX01 is running in TCP mode; the Secured dial "
         "plan Secured needs TLS."),
        ("TLS", "valid", True, "Unsecured",
         "The Microsoft Exchange Unified Messaging service on server EX01 is running in TLS mode; the Unsecured dial "
         "plan Unsecured needs TCP."),
        ("TLS", "none", True, "Secured",
         "The Microsoft Exchange Unified Messaging service on server EX01 is configured for TLS mode but no "
         "certificate is assigned to it."),
        ("TLS", "expired", True, "Secured",
         f"The certificate with thumbprint {THUMB} on server EX01 has expired or isn't valid yet."),
        ("Dual", "not-enabled", True, "SIPSecured",
         f"The certificate with thumbprint {THUMB} isn't enabled for the UM service."),
        ("Dual", "valid", False, "Unsecured",
         "The Microsoft Exchange Unified Messaging service (MSExchangeUM) isn't running on server EX01."),
    ],
)  # fmt: skip
def test_why_a_call_is_not_answered(org_from_yaml, mode, certificate, running, security, reason) -> None:
    org = telephony_org(org_from_yaml, mode, certificate, running)
    report = org.connectivity(org.server("EX01"), org.resolve("dialPlan", security))
    assert report.checks[1].reason == reason


@pytest.mark.parametrize(
    ("mode", "um_ports", "router_ports"),
    [
        ("TCP", (("TCP", 5062),), (("TCP", 5060),)),
        ("TLS", (("TLS", 5063),), (("TLS", 5061),)),
        ("Dual", (("TCP", 5062), ("TLS", 5063)), (("TCP", 5060), ("TLS", 5061))),
    ],
)
def test_listening_ports_per_mode(org_from_yaml, mode: str, um_ports: tuple, router_ports: tuple) -> None:
    org = telephony_org(org_from_yaml, mode, "valid", True)
    server = org.server("EX01")
    assert (server.um_service.listening_ports, server.call_router.listening_ports) == (um_ports, router_ports)


def test_stopped_service_listens_on_nothing(org_from_yaml) -> None:
    org = telephony_org(org_from_yaml, "Dual", "valid", False)
    assert org.server("EX01").um_service.listening_ports == ()
    assert org.server("EX01").um_service.effective_startup_mode is None


def test_mode_change_takes_effect_at_restart(org_from_yaml) -> None:
    org = telephony_org(org_from_yaml, "TCP", "valid", True)
    server = org.server("EX01")
    service = server.um_service
    org.set_properties(service, {"UMStartupMode": "Dual"})
    assert (str(service.UMStartupMode), str(service.effective_startup_mode), service.restart_pending) == ("Dual", "TCP", True)
    assert not org.connectivity(server, org.resolve("dialPlan", "Secured"))
    org.restart_service(server, "MSExchangeUM")
    assert (str(service.effective_startup_mode), service.restart_pending) == ("Dual", False)
    # the call router has its own mode and its own service
    assert str(server.call_router.effective_startup_mode) == "TCP"
    report = org.connectivity(server, org.resolve("dialPlan", "Secured"))
    assert [c.ok for c in report.checks] == [False, True]
    org.set_properties(server.call_router, {"UMStartupMode": "TLS"})
    org.restart_service(server, "msexchangeumcr")
    assert org.connectivity(server, org.resolve("dialPlan", "Secured")).answered


def test_restart_in_tls_without_certificate_fails_and_stays_stopped(org_from_yaml) -> None:
    org = telephony_org(org_from_yaml, "TCP", "none", True)
    server = org.server("EX01")
    org.set_properties(server.um_service, {"UMStartupMode": "TLS"})
    with pytest.raises(ServiceError) as caught:
        org.restart_service(server, "MSExchangeUM")
    assert str(caught.value) == (
        "Service 'Microsoft Exchange Unified Messaging (MSExchangeUM)' cannot be started due to the following "
        "error: Cannot start service MSExchangeUM on computer 'EX01'."
    )
    assert caught.value.reason.endswith("is configured for TLS mode but no certificate is assigned to it.")
    assert str(server.um_service.windows_service.Status) == "Stopped"


def test_unknown_service(org_from_yaml) -> None:
    org = telephony_org(org_from_yaml, "TCP", "none", True)
    with pytest.raises(ServiceError, match=r"^Cannot find any service with service name 'W3SVC'\.$"):
        org.start_service(org.server("EX01"), "W3SVC")


@pytest.mark.parametrize(
    ("kind", "old", "new", "codes"),
    [
        ("umService", "TCP", "TLS", ["ChangesTakeEffectAfterRestartingUmServer", "TransferFromTCPtoTLSModeWarning"]),
        ("umService", "TCP", "Dual", ["ChangesTakeEffectAfterRestartingUmServer", "TransferFromTCPtoTLSModeWarning"]),
        ("umService", "TLS", "Dual", ["ChangesTakeEffectAfterRestartingUmServer"]),
        ("umService", "Dual", "TCP", ["ChangesTakeEffectAfterRestartingUmServer", "TransferFromTLStoTCPModeWarning"]),
        ("callRouter", "TCP", "Dual",
         ["ChangesTakeEffectAfterRestartingUmCallRouterService", "TransferFromTCPtoTLSModeWarning"]),
        ("callRouter", "TLS", "TCP",
         ["ChangesTakeEffectAfterRestartingUmCallRouterService", "CallRouterTransferFromTLStoTCPModeWarning"]),
    ],
)  # fmt: skip
def test_startup_mode_notes(org_from_yaml, kind: str, old: str, new: str, codes: list[str]) -> None:
    org = telephony_org(org_from_yaml, old, "valid", True)
    component = org.resolve(kind, "EX01")
    result = org.set_properties(component, {"UMStartupMode": new})
    assert [note.code for note in result.notes] == codes
    if new == "TCP":
        assert component.UMCertificateThumbprint is None  # switching back to TCP clears the certificate
    else:
        assert "A valid certificate is required for the TLS and Dual startup modes." in result.notes[0].text


def test_same_mode_is_no_change(org_from_yaml) -> None:
    org = telephony_org(org_from_yaml, "Dual", "valid", True)
    result = org.set_properties(org.resolve("umService", "EX01"), {"UMStartupMode": "dual"})
    assert (result.changed, result.notes) == ([], [])


def test_enable_certificate_for_um(org) -> None:
    server = org.server("MyUMServer")
    cert_thumb = "5113AE0233A72FCCB75B1D0198628675333D010E"
    cert = org.resolve("certificate", f"MyUMServer1\\{cert_thumb}")
    with pytest.raises(DomainRuleError) as caught:
        org.enable_certificate(cert, "UM")
    assert caught.value.error_id == "CannotAssignCertificateToUMException"
    assert "is in TCP mode" in str(caught.value)
    service = org.resolve("umService", "MyUMServer1")
    org.set_properties(service, {"UMStartupMode": "Dual"})
    notes = org.enable_certificate(cert, "UM, IIS")
    assert [n.code for n in notes] == ["ExchangeCertificateUpdatedForUM"]
    assert (str(cert.Services), service.UMCertificateThumbprint) == ("UM, IIS", cert_thumb)
    assert org.enable_certificate(cert, "UM") == []  # already assigned: nothing new
    assert server.um_service.UMCertificateThumbprint is None  # other servers are untouched


def test_enable_certificate_refusals(org) -> None:
    expired = org.resolve("certificate", "MBX01\\AF0748F9A30296BFE469E3F24C59B9B82CB0081A")
    with pytest.raises(DomainRuleError, match="has expired or isn't valid yet, so it can't be enabled"):
        org.enable_certificate(expired, "IIS")
    mailbox_only = org.server("Server1")
    assert mailbox_only.call_router is None
    own = org.resolve("certificate", "MyUMServer2\\D7FC43E7F50610764CBD3C418F98640F2C48A73A")
    before = org.dump()
    org.set_properties(org.resolve("callRouter", "MyUMServer2"), {"UMStartupMode": "TCP"})
    with pytest.raises(DomainRuleError) as caught:
        org.enable_certificate(own, "UMCallRouter")
    assert caught.value.error_id == "CannotAssignCertificateToUMCRException"
    assert before != org.dump()


def test_certificate_status_follows_the_clock(org) -> None:
    assert str(org.resolve("certificate", "MBX01\\AF0748F9A30296BFE469E3F24C59B9B82CB0081A").Status) == "DateInvalid"
    assert str(org.resolve("certificate", "MyUMServer2\\78E1BE82F683EE6D8CB9B9266FC1185AE0890C41").Status) == "Valid"


@pytest.mark.parametrize(
    ("kind", "changes", "error_id"),
    [
        ("umService", {"Status": "Disabled"}, "StatusChangeException"),
        ("umService", {"DialPlans": ["MyUMDialPlan"]}, "CannotAddNonSipNameDialplanException"),
        ("callRouter", {"DialPlans": ["MyDialPlan"]}, "CannotAddNonSipNameDialplanToCallRouterException"),
        ("callRouter", {"SipTlsListeningPort": 5060}, "TcpAndTlsPortsCannotBeSameException"),
        ("umService", {"ExternalHostFqdn": "10.0.0.5"}, "ExternalHostFqdnIsIPAddress"),
        ("umService", {"IPAddressFamilyConfigurable": False, "IPAddressFamily": "IPv6Only"},
         "IPAddressFamilyNotConfigurable"),
        ("umService", {"IrmLogMaxFileSize": "300MB"}, "IrmLogMaxFileSize"),
    ],
)  # fmt: skip
def test_set_rules(org, kind: str, changes: dict, error_id: str) -> None:
    if "DialPlans" in changes:
        changes = {"DialPlans": [org.resolve("dialPlan", n) for n in changes["DialPlans"]]}
    with pytest.raises(DomainRuleError) as caught:
        org.set_properties(org.resolve(kind, "MyUMServer1"), changes)
    assert caught.value.error_id == error_id


def test_sip_dial_plans_can_be_added(org) -> None:
    service = org.resolve("umService", "MyUMServer1")
    result = org.set_properties(service, {"DialPlans": {"Add": [org.resolve("dialPlan", "MySIPDialPlan")]}})
    assert result.changed == ["DialPlans"]
    assert str(org.resolve("dialPlan", "MySIPDialPlan").UMServers) == "{MyUMServer1, MyUMServer2, MyUMServer3}"
