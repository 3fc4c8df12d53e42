"""How the UM services take calls: startup modes, restarts, certificates, and whether a call on
a dial plan can be answered.

The rules (ems-behaviour §3 and §8):

- The UM service (Mailbox servers, SIP 5062 TCP / 5063 TLS) and the call router (Client Access
  servers, 5060 / 5061) each store a configured ``UMStartupMode``.  What a service listens on
  comes from what it loaded when it last started: a changed mode takes effect only when that
  Windows service (MSExchangeUM / MSExchangeUMCR) restarts on that server.
- TCP listens on the TCP port only, TLS on the TLS port only, Dual on both.
- Unsecured dial plans call over TCP; SIPSecured and Secured dial plans need TLS, and TLS needs a
  valid certificate enabled for the service (Enable-ExchangeCertificate -Services UM /
  UMCallRouter), which is refused while the stored mode is TCP.
- Switching back to TCP clears the stored certificate thumbprint.

Warning texts are paraphrases: the English resources were not found (ems-behaviour §3.2).
"""

from __future__ import annotations

from emshell.model.errors import DomainRuleError, ServiceError
from emshell.model.operations import Note
from emshell.model.servers import ListeningConfig, UMComponent
from emshell.model.values import FlagsValue, enum_value, is_ip_address

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

    from emshell.model.org import Organization
    from emshell.model.record import Record
    from emshell.model.servers import ExchangeServer, WindowsService

ALLOWED_SERVICES = "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices"
COMPONENTS = {"MSExchangeUM": "um_service", "MSExchangeUMCR": "call_router"}


def _service_label(component: UMComponent) -> str:
    if component.KIND == "umService":
        return "Microsoft Exchange Unified Messaging service"
    return "Microsoft Exchange Unified Messaging Call Router service"


# --------------------------------------------------------------------------- Set- rules and notes


def check_change(org: Organization, record: Record, before: dict[str, Any]) -> None:
    """Rules of Set-UMService / Set-UMCallRouterSettings that depend on what changed."""
    if not isinstance(record, UMComponent):
        return
    if "Status" in before and record.KIND == "umService" and record.server.version[0] >= 15:
        raise DomainRuleError(
            "The Status parameter can only be used with Exchange 2007 or Exchange 2010 Unified Messaging "
            "servers; Exchange 2013 and later use Set-ServerComponentState.",
            target="Status",
            error_id="StatusChangeException",
        )
    if "DialPlans" in before:
        added = [g for g in record.dial_plan_guids if g not in (before["DialPlans"] or ())]
        for guid in added:
            dial_plan = org.get("dialPlan", guid)
            if dial_plan is not None and str(dial_plan.URIType) != "SipName":
                code = ("CannotAddNonSipNameDialplanException" if record.KIND == "umService"
                        else "CannotAddNonSipNameDialplanToCallRouterException")  # fmt: skip
                raise DomainRuleError(
                    f'The UM dial plan "{dial_plan.Name}" can\'t be added because only SIP URI dial plans can be '
                    f"associated with Exchange 2013 or later servers.",
                    target=dial_plan.Name,
                    error_id=code,
                )
    if record.SipTcpListeningPort == record.SipTlsListeningPort:
        raise DomainRuleError(
            "The TCP and TLS listening ports can't be the same.", error_id="TcpAndTlsPortsCannotBeSameException"
        )
    if "ExternalHostFqdn" in before and record.ExternalHostFqdn and is_ip_address(str(record.ExternalHostFqdn)):
        raise DomainRuleError(
            f'ExternalHostFqdn must be a host name, not an IP address ("{record.ExternalHostFqdn}").',
            target=str(record.ExternalHostFqdn),
            error_id="ExternalHostFqdnIsIPAddress",
        )
    family = str(record.IPAddressFamily)
    if "IPAddressFamily" in before and family != "IPv4Only" and not record.IPAddressFamilyConfigurable:
        raise DomainRuleError(
            f"IPAddressFamily can be set to {family} only when IPAddressFamilyConfigurable is $true.",
            error_id="IPAddressFamilyNotConfigurable",
        )
    if record.KIND == "umService":
        size, limit = record.IrmLogMaxFileSize, record.IrmLogMaxDirectorySize
        if size is not None and limit is not None and not limit.is_unlimited and limit.value < size:
            raise DomainRuleError(
                "The value of IrmLogMaxFileSize must be less than or equal to the value of IrmLogMaxDirectorySize.",
                error_id="IrmLogMaxFileSize",
            )


def after_change(org: Organization, record: Record, before: dict[str, Any]) -> list[Note]:
    """The notes (EMS warnings) a change of a UM service or call router produces."""
    if not isinstance(record, UMComponent):
        return []
    notes: list[Note] = []
    server = record.server.Name
    service = _service_label(record)
    restart_code = ("ChangesTakeEffectAfterRestartingUmServer" if record.KIND == "umService"
                    else "ChangesTakeEffectAfterRestartingUmCallRouterService")  # fmt: skip
    if "UMStartupMode" in before:
        mode, old = str(record.UMStartupMode), str(before["UMStartupMode"])
        text = f"The change to the startup mode takes effect after the {service} is restarted on server {server}."
        if mode == "TCP":
            notes.append(Note(restart_code, text, server))
            if record.UMCertificateThumbprint:
                record.UMCertificateThumbprint = None
                code = ("TransferFromTLStoTCPModeWarning" if record.KIND == "umService"
                        else "CallRouterTransferFromTLStoTCPModeWarning")  # fmt: skip
                notes.append(Note(code, f"The certificate assigned to the {service} on server {server} has been "
                                        f"removed because TCP mode doesn't use a certificate.", server))  # fmt: skip
        else:
            text += " A valid certificate is required for the TLS and Dual startup modes."
            notes.append(Note(restart_code, text, server))
            if old == "TCP":
                notes.append(Note(
                    "TransferFromTCPtoTLSModeWarning",
                    f"Before the {service} can start in {mode} mode on server {server}, enable a valid certificate "
                    f"for it with Enable-ExchangeCertificate.",
                    server,
                ))  # fmt: skip
    if "ExternalHostFqdn" in before:
        notes.append(Note(restart_code, f"The change to the external host FQDN takes effect after the {service} is "
                                        f"restarted on server {server}.", server))  # fmt: skip
    if "SipTcpListeningPort" in before or "SipTlsListeningPort" in before:
        notes.append(Note(restart_code, f"The change to the listening ports takes effect after the {service} is "
                                        f"restarted on server {server}. Make sure the firewall is configured for "
                                        f"the new ports.", server))  # fmt: skip
    return notes


# --------------------------------------------------------------------------- Windows services


def _service(server: ExchangeServer, name: str) -> WindowsService:
    service = server.windows_service(name)
    if service is None:
        raise ServiceError(
            f"Cannot find any service with service name '{name}'.",
            target=name,
            error_id="NoServiceFoundForGivenName",
            category="ObjectNotFound",
        )
    return service


def _component(server: ExchangeServer, name: str) -> UMComponent | None:
    for key, slot in COMPONENTS.items():
        if key.lower() == name.lower():
            return getattr(server, slot)
    return None


def start_failure(org: Organization, component: UMComponent, config: ListeningConfig) -> str | None:
    """Why the service could not start with ``config`` (None when it can)."""
    if str(config.mode) == "TCP":
        return None
    server = component.server
    if not config.thumbprint:
        return (f"The {_service_label(component)} on server {server.Name} is configured for {config.mode} mode but "
                f"no certificate is assigned to it.")  # fmt: skip
    cert = server.certificate(config.thumbprint)
    if cert is None:
        return f"The certificate with thumbprint {config.thumbprint} wasn't found on server {server.Name}."
    if not cert.is_valid_at(org.clock.now):
        return f"The certificate with thumbprint {cert.Thumbprint} on server {server.Name} has expired or isn't valid yet."
    if not cert.enabled_for(component.CERTIFICATE_SERVICE):
        return (f"The certificate with thumbprint {cert.Thumbprint} isn't enabled for the "
                f"{component.CERTIFICATE_SERVICE} service.")  # fmt: skip
    return None


def start_service(org: Organization, server: ExchangeServer, name: str) -> WindowsService:
    """Start-Service: the service loads the stored settings; TLS or Dual without a usable
    certificate fails to start (and stays stopped)."""
    service = _service(server, name)
    if service.is_running:
        return service
    machine = server.Name
    label = f"{service.DisplayName} ({service.Name})"
    if str(service.StartType) == "Disabled":
        raise ServiceError(
            f"Service '{label}' cannot be started due to the following error: Cannot start service {service.Name} on "
            f"computer '{machine}'.",
            target=service.Name,
            error_id="CouldNotStartService",
        )
    component = _component(server, service.Name)
    config = component.configured() if component is not None else None
    reason = start_failure(org, component, config) if component is not None else None
    if reason is not None:
        error = ServiceError(
            f"Service '{label}' cannot be started due to the following error: Cannot start service {service.Name} on "
            f"computer '{machine}'.",
            target=service.Name,
            error_id="CouldNotStartService",
        )
        error.reason = reason  # type: ignore[attr-defined]
        raise error
    with org.transaction():
        org.tick()
        service.Status = enum_value("System.ServiceProcess.ServiceControllerStatus", "Running")
        service.loaded = config
    return service


def stop_service(org: Organization, server: ExchangeServer, name: str) -> WindowsService:
    service = _service(server, name)
    if not service.is_running:
        return service
    org.tick()
    service.Status = enum_value("System.ServiceProcess.ServiceControllerStatus", "Stopped")
    service.loaded = None
    return service


def restart_service(org: Organization, server: ExchangeServer, name: str) -> WindowsService:
    """Restart-Service: stop, then start (a failed start leaves the service stopped)."""
    stop_service(org, server, name)
    return start_service(org, server, name)


# --------------------------------------------------------------------------- certificates


def enable_certificate(org: Organization, certificate: Any, services: Any) -> list[Note]:
    """Enable-ExchangeCertificate: add services to a certificate.  For UM and UMCallRouter the
    server must run that component in TLS or Dual mode, and the certificate becomes the one the
    component uses (its thumbprint is stored; it is loaded at the next restart)."""
    from emshell.model.values import enum_class

    wanted: FlagsValue = enum_class(ALLOWED_SERVICES).parse(services)  # type: ignore[assignment]
    server = certificate.server
    if not certificate.is_valid_at(org.clock.now):
        raise DomainRuleError(
            f"The certificate with thumbprint {certificate.Thumbprint} has expired or isn't valid yet, so it "
            f"can't be enabled.",
            target=certificate.Thumbprint,
            error_id="CertificateExpired",
        )
    assignments = []
    for flag, attr, role in (("UM", "um_service", "Mailbox"), ("UMCallRouter", "call_router", "ClientAccess")):
        if not wanted.has(flag):
            continue
        code = f"CannotAssignCertificateTo{'UM' if flag == 'UM' else 'UMCR'}Exception"
        component = getattr(server, attr)
        if component is None or not server.has_role(role):
            raise DomainRuleError(
                f"The certificate can't be enabled for {flag} because server {server.Name} doesn't have the "
                f"{role} role.",
                target=certificate.Thumbprint,
                error_id=code,
            )
        if str(component.UMStartupMode) == "TCP":
            cmdlet = "Set-UMService" if flag == "UM" else "Set-UMCallRouterSettings"
            raise DomainRuleError(
                f"The certificate with thumbprint {certificate.Thumbprint} can't be enabled for {flag} because the "
                f"{_service_label(component)} on server {server.Name} is in TCP mode. Use {cmdlet} to set the "
                f"startup mode to TLS or Dual first.",
                target=certificate.Thumbprint,
                error_id=code,
            )
        if not certificate.HasPrivateKey:
            raise DomainRuleError(
                f"The certificate with thumbprint {certificate.Thumbprint} has no private key.",
                target=certificate.Thumbprint,
                error_id="CertificateHasNoPrivateKey",
            )
        if component.UMCertificateThumbprint != certificate.Thumbprint:
            assignments.append((flag, component))
    combined = certificate.Services.union(wanted)
    if combined == certificate.Services and not assignments:
        return []
    notes: list[Note] = []
    when = org.tick()
    certificate.Services = combined
    for flag, component in assignments:
        component.UMCertificateThumbprint = certificate.Thumbprint
        component.touch(when)
        code = "ExchangeCertificateUpdatedForUM" if flag == "UM" else "ExchangeCertificateUpdatedForUMCR"
        notes.append(Note(code, f"The certificate is now assigned to the {_service_label(component)} on server "
                                f"{server.Name}. Restart the service for it to take effect.", server.Name))  # fmt: skip
    return notes


# --------------------------------------------------------------------------- answering calls


class ComponentCheck:
    """Whether one UM component of a server can take a call, and why not."""

    __slots__ = ("component", "service", "ok", "transport", "port", "reason")

    def __init__(self, component: str, service: str, ok: bool, transport: str, port: int | None, reason: str):
        self.component = component  # "UM service" or "UM call router"
        self.service = service  # MSExchangeUM / MSExchangeUMCR
        self.ok = ok
        self.transport = transport
        self.port = port
        self.reason = reason

    def __repr__(self) -> str:
        state = f"ok on {self.transport} {self.port}" if self.ok else self.reason
        return f"<{self.service}: {state}>"


class ConnectivityReport:
    """Whether ``server`` can answer a call on ``dial_plan``: each component on the server must
    listen on the dial plan's transport (and have a usable certificate for TLS)."""

    __slots__ = ("server", "dial_plan", "transport", "checks")

    def __init__(self, server: str, dial_plan: str, transport: str, checks: list[ComponentCheck]):
        self.server = server
        self.dial_plan = dial_plan
        self.transport = transport
        self.checks = checks

    @property
    def answered(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def reasons(self) -> list[str]:
        return [c.reason for c in self.checks if not c.ok]

    def __bool__(self) -> bool:
        return self.answered

    def __repr__(self) -> str:
        return f"<ConnectivityReport {self.server}/{self.dial_plan} {self.transport}: {self.checks!r}>"


def _check_component(org: Organization, component: UMComponent, dial_plan: Any, transport: str) -> ComponentCheck:
    return check_component(org, component, transport,
                           f"the {dial_plan.VoIPSecurity} dial plan {dial_plan.Name} needs {transport}")  # fmt: skip


def check_component(org: Organization, component: UMComponent, transport: str, needs: str) -> ComponentCheck:
    """Whether ``component`` takes a call over ``transport``; ``needs`` ends the message of a
    transport mismatch ("the Secured dial plan X needs TLS")."""
    label = "UM service" if component.KIND == "umService" else "UM call router"
    name = component.SERVICE_NAME
    server = component.server
    service = component.windows_service
    if service is None or not service.is_running:
        reason = f"The {_service_label(component)} ({name}) isn't running on server {server.Name}."
        why = start_failure(org, component, component.configured())
        if why is not None:
            reason += f" It can't start: {why}"
        return ComponentCheck(label, name, False, transport, None, reason)
    status = getattr(component, "Status", None)
    if status is not None and str(status) != "Enabled":  # Disable-UMService (NoNewCalls or Disabled)
        return ComponentCheck(label, name, False, transport, None,
                              f"The {_service_label(component)} on server {server.Name} doesn't accept new calls: "
                              f"its status is {status} (Enable-UMService enables it).")  # fmt: skip
    loaded = component.effective()
    if transport not in loaded.transports:
        pending = ""
        if transport in component.configured().transports:
            pending = f" (the configured mode is {component.UMStartupMode}; restart {name} for it to take effect)"
        return ComponentCheck(
            label, name, False, transport, None,
            f"The {_service_label(component)} on server {server.Name} is running in {loaded.mode} mode{pending}; "
            f"{needs}.",
        )  # fmt: skip
    port = loaded.tcp_port if transport == "TCP" else loaded.tls_port
    if transport == "TLS":
        reason = start_failure(org, component, loaded)
        if reason is not None:
            return ComponentCheck(label, name, False, transport, port, reason)
    return ComponentCheck(label, name, True, transport, port, "")


def connectivity(org: Organization, server: ExchangeServer, dial_plan: Any) -> ConnectivityReport:
    """Whether a call on ``dial_plan`` reaching ``server`` is answered, judged on what the services
    actually loaded (not on the stored settings), their state and the certificates."""
    transport = "TLS" if dial_plan.is_secured else "TCP"
    checks: list[ComponentCheck] = []
    if server.has_role("ClientAccess") and server.call_router is not None:
        checks.append(_check_component(org, server.call_router, dial_plan, transport))
    if server.has_role("Mailbox") and server.um_service is not None:
        checks.append(_check_component(org, server.um_service, dial_plan, transport))
    if not checks:
        checks.append(ComponentCheck("server", "", False, transport, None,
                                     f"Server {server.Name} has neither the Mailbox nor the Client Access role."))  # fmt: skip
    return ConnectivityReport(server.Name, dial_plan.Name, transport, checks)
