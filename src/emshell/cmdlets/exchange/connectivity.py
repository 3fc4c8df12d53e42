"""Test-UMConnectivity: test calls placed from the server the shell runs on.

Whether a test call is answered is decided from what the UM services actually run - the mode
they loaded when they last started, their state and their certificate - not from the stored
settings (``emshell.model.telephony.check_component``), so a trainee who changed the startup
mode but forgot the restart, or forgot the certificate, sees the test fail and reads why in
``ReasonForFailure``.

Parameter sets (the reference's five):

- LocalLoop (no parameter, the default): a call to the local UM service, or with -CallRouter to
  the local call router; over TLS with -Secured $true, TCP with -Secured $false, else the
  transport the service runs.
- TuiLogonSpecific (-UMDialPlan -Phone -PIN -TUILogon): a call into a dial plan, over the
  transport its VoIP security needs, through the local call router and UM service; with
  -TUILogon $true it logs on to the mailbox whose extension or address is -Phone with -PIN.
- EndToEnd (-UMIPGateway -Phone): an outgoing call through a UM IP gateway that comes back into
  the gateway's dial plan.
- TuiLogonGeneral (-TUILogonAll) and PinReset (-ResetPIN): the test mailboxes of the site
  (``extest_*``, made by New-TestCasConnectivityUser.ps1); the built-in org has none.

Results are the objects Exchange's TestUMConnectivityHelper classes define, their properties
in .NET order (derived class first).  Each test call leaves a call data record
(``emshell.model.calls``).  APPROXIMATIONS: the IP address (``10.0.0.<n>``) and latency of a
server are made up, stable values; the failure reasons are emshell's own sentences.
"""

from __future__ import annotations

from emshell.cmdlets.exchange.runtime import ExchangeObject, exchange_cmdlet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet
    from emshell.engine.metadata import CommandMetadata

HELPER = "Microsoft.Exchange.Management.Tasks.UM.TestUMConnectivityHelper+"
BASE_CHAIN = (HELPER + "UMConnectivityResults", "Microsoft.Exchange.Management.Tasks.UM.UMDiagnosticObject",
              "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")  # fmt: skip
DEFAULT_DIGITS = "ABCD*#0123456789"
TEST_MAILBOX_PREFIX = "extest_"


def _metadata() -> CommandMetadata:
    """The reference's metadata; LocalLoop is the default set (a bare ``Test-UMConnectivity``
    runs, reference Example 1), and -Timeout takes 60 through 1800 seconds."""
    from emshell.cmdlets.exchange import exchange_metadata
    from emshell.engine.metadata import Validation

    metadata = exchange_metadata("Test-UMConnectivity")
    metadata.default_parameter_set = "LocalLoop"
    timeout = metadata.parameters["timeout"]
    timeout.validations = (*timeout.validations, Validation("ValidateRange", 60, 1800))
    return metadata


class TestCall:
    """One test call: the server it starts from, its transport, and the first reason it failed."""

    __slots__ = ("cmd", "server", "transport", "reason", "connected")

    def __init__(self, cmd: ExchangeCmdlet, server: Any, transport: str):
        self.cmd = cmd
        self.server = server
        self.transport = transport
        self.reason: str | None = None
        self.connected = True  # False once the SIP call itself failed

    def fail(self, reason: str, *, connected: bool = False) -> None:
        if self.reason is None:
            self.reason = reason
            self.connected = connected

    @property
    def ok(self) -> bool:
        return self.reason is None

    def through(self, component: Any, needs: str) -> int | None:
        """The call reaches ``component``; returns the port it answers on."""
        from emshell.model.telephony import check_component

        check = check_component(self.cmd.org, component, self.transport, needs)
        if not check.ok:
            self.fail(check.reason)
        return check.port

    def common_checks(self, params: dict, port: int | None) -> None:
        """-RemotePort, -ListenPort, -MediaSecured and -CertificateThumbprint."""
        server = self.server
        remote = params.get("RemotePort")
        if remote is not None and port is not None and remote != port:
            self.fail(f"No UM service on server {server.Name} listens for {self.transport} calls on port {remote}; "
                      f"the port is {port}.")  # fmt: skip
        listen = params.get("ListenPort")
        if listen is not None and listen in _listening_ports(server):
            self.fail(f"The test can't listen on port {listen} of server {server.Name}: a UM service uses it.")
        if params.get("MediaSecured") and self.transport != "TLS":
            self.fail("Secured media (SRTP) needs a secured call: run the test with -Secured $true.", connected=True)
        thumbprint = params.get("CertificateThumbprint")
        if thumbprint and self.transport == "TLS":
            cert = server.certificate(str(thumbprint).replace(" ", ""))
            if cert is None:
                self.fail(f"The certificate with thumbprint {thumbprint} wasn't found on server {server.Name}.")
            elif not cert.is_valid_at(self.cmd.org.clock.now):
                self.fail(f"The certificate with thumbprint {cert.Thumbprint} on server {server.Name} has expired or "
                          f"isn't valid yet.")  # fmt: skip

    def latency(self, extra_ms: float = 0.0) -> float:
        """A stable, made-up round trip for a connected call (0 when it failed)."""
        if not self.connected:
            return 0.0
        base = int(self.cmd.org.ids.digits(4, "latency", self.server.Name, self.transport)) % 900
        return round(40 + base / 10 + extra_ms, 1)


def _listening_ports(server: Any) -> set[int]:
    ports: set[int] = set()
    for component in (server.um_service, server.call_router):
        if component is not None:
            ports.update(port for _, port in component.listening_ports)
    return ports


def _ip_address(org: Any, server: Any) -> str:
    ordered = sorted(org.servers, key=lambda s: s.Name.lower())
    return f"10.0.0.{11 + ordered.index(server)}"


def _result(cmd: ExchangeCmdlet, call: TestCall, kind: str, own: list[tuple[str, Any]], *,
            latency: float, success: bool | None = None) -> ExchangeObject:  # fmt: skip
    """A results object: the class's own properties, then the call results and the base ones."""
    org = cmd.org
    chain = (HELPER + kind,) + ((HELPER + "LocalUMConnectivityResults",) if kind == "TUILogonEnumerateResults" else ())
    chain += (HELPER + "UMConnectivityCallResults",) + BASE_CHAIN
    identity = org.ids.guid_for("test-call", org.clock.now.isoformat(), len(org.call_records))
    pairs = [("RunspaceId", cmd.runtime.runspace.runspace_id), *own,
             ("CurrCalls", "0"), ("Latency", latency), ("OutBoundSIPCallSuccess", call.connected),
             ("UmIPAddress", _ip_address(org, call.server)),
             ("EntireOperationSuccess", call.ok if success is None else success),
             ("ReasonForFailure", call.reason or ""), ("Identity", identity), ("IsValid", True),
             ("ObjectState", "Unchanged")]  # fmt: skip
    return ExchangeObject(pairs, chain, identity)


def _local_results(cmd: ExchangeCmdlet, call: TestCall, component: Any, latency: float) -> ExchangeObject:
    accepting = component is not None and str(getattr(component, "Status", "Enabled")) == "Enabled"
    own = [("UmserverAcceptingCallAnsweringMessages", accepting), ("TotalQueuedMessages", "0")]
    return _result(cmd, call, "LocalUMConnectivityResults", own, latency=latency)


def _record(cmd: ExchangeCmdlet, call: TestCall, **values: Any) -> None:
    from emshell.model.calls import record_call

    record_call(cmd.org, server=call.server.Name, calling_number=values.pop("calling", None) or
                f"sip:{call.server.Fqdn}", failed=not call.ok and not call.connected, **values)  # fmt: skip


# --------------------------------------------------------------------------- the parameter sets


def _local_loop(cmd: ExchangeCmdlet, params: dict, server: Any) -> ExchangeObject:
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES
    from emshell.model import DomainRuleError

    router = bool(params.get("CallRouter"))
    component = server.call_router if router else server.um_service
    if component is None:
        key = "NoCallRouter" if router else "NoUMService"
        raise DomainRuleError(SERVER_MESSAGES[key].format(server.Name), target=server.Name, error_id=key)
    if "Secured" in params:
        transport = "TLS" if params["Secured"] else "TCP"
    else:
        loaded = component.effective()
        transport = "TLS" if loaded is not None and "TCP" not in loaded.transports else "TCP"
    call = TestCall(cmd, server, transport)
    port = call.through(component, f"a {'secured' if transport == 'TLS' else 'unsecured'} test call needs {transport}")
    call.common_checks(params, port)
    _record(cmd, call, call_type="None", called_number=f"sip:{server.Fqdn}")
    return _local_results(cmd, call, component, call.latency())


def _components(server: Any) -> list[Any]:
    """What a call into a dial plan passes on this server: the call router, then the UM service."""
    found = []
    if server.has_role("ClientAccess") and server.call_router is not None:
        found.append(server.call_router)
    if server.has_role("Mailbox") and server.um_service is not None:
        found.append(server.um_service)
    return found


def _mailbox_for(org: Any, dial_plan: Any, phone: str) -> Any:
    """The UM-enabled mailbox of ``dial_plan`` whose extension or UM address is ``phone``."""
    wanted = phone.strip().lower().removeprefix("sip:")
    for mailbox in org.mailboxes:
        policy = org.get("mailboxPolicy", mailbox.policy_guid) if mailbox.UMEnabled else None
        if policy is None or policy.dial_plan_guid != str(dial_plan.Guid):
            continue
        numbers = [str(e).lower() for e in mailbox.Extensions or ()]
        numbers.append(str(mailbox.SIPResourceIdentifier or "").lower())
        if wanted in numbers:
            return mailbox
    return None


def _tui_logon(cmd: ExchangeCmdlet, params: dict, server: Any) -> ExchangeObject:
    org = cmd.org
    dial_plan = cmd.resolve("dialPlan", params["UMDialPlan"])
    needed = "TLS" if dial_plan.is_secured else "TCP"
    transport = ("TLS" if params["Secured"] else "TCP") if "Secured" in params else needed
    call = TestCall(cmd, server, transport)
    if transport != needed:
        call.fail(f"The {dial_plan.VoIPSecurity} dial plan {dial_plan.Name} takes {needed} calls only; the test "
                  f"call used {transport}.")  # fmt: skip
    components = _components(server)
    if not components:
        call.fail(f"Server {server.Name} has neither the Mailbox nor the Client Access role.")
    ports = [call.through(c, f"the {dial_plan.VoIPSecurity} dial plan {dial_plan.Name} needs {transport}")
             for c in components]  # fmt: skip
    call.common_checks(params, ports[0] if ports else None)
    phone = str(params["Phone"])
    mailbox = None
    logged_on = call.ok
    if params.get("TUILogon") and call.ok:
        mailbox = _mailbox_for(org, dial_plan, phone)
        if mailbox is None:
            call.fail(f"No UM-enabled mailbox in dial plan {dial_plan.Name} has the extension or address {phone}.",
                      connected=True)  # fmt: skip
        elif mailbox.locked_out:
            call.fail(f'The logon to mailbox "{mailbox.Identity}" failed: the mailbox is locked out.', connected=True)
        elif str(params["PIN"]) != str(mailbox.pin):
            call.fail(f'The logon to mailbox "{mailbox.Identity}" failed: the PIN is incorrect.', connected=True)
        logged_on = call.ok
    _record(cmd, call, call_type="Subscriber Access", called_number=phone, dial_plan=dial_plan,
            mailbox=mailbox if logged_on else None)  # fmt: skip
    um_service = server.um_service if server.has_role("Mailbox") else None
    accepting = um_service is not None and str(um_service.Status) == "Enabled"
    own = [("MailboxServerBeingTested", str(server.Fqdn)), ("SuccessfullyRetrievedPINForValidUMUser", True),
           ("UmserverAcceptingCallAnsweringMessages", accepting), ("TotalQueuedMessages", "0")]  # fmt: skip
    return _result(cmd, call, "TUILogonEnumerateResults", own, latency=call.latency())


def _end_to_end(cmd: ExchangeCmdlet, params: dict, server: Any) -> ExchangeObject:
    from emshell.model.values import is_ip_address

    org = cmd.org
    gateway = cmd.resolve("ipGateway", params["UMIPGateway"])
    transport = "TLS" if params.get("Secured") else "TCP"
    call = TestCall(cmd, server, transport)
    name = gateway.Name
    if server.um_service is None or not server.has_role("Mailbox"):
        call.fail(f"Server {server.Name} has no Microsoft Exchange Unified Messaging service to place the call.")
    else:
        call.through(server.um_service, f"the test call through UM IP gateway {name} needs {transport}")
    if str(gateway.Status) != "Enabled":
        call.fail(f"The UM IP gateway {name} is disabled ({gateway.Status}).")
    if not gateway.OutcallsAllowed:
        call.fail(f"The UM IP gateway {name} doesn't allow outgoing calls (OutcallsAllowed is False).")
    if transport == "TLS" and is_ip_address(str(gateway.Address)):
        call.fail(f"A secured call needs the UM IP gateway {name} to have an FQDN address, not the IP address "
                  f"{gateway.Address}.")  # fmt: skip
    dial_plans = [org.get("dialPlan", h.dial_plan_guid) for h in gateway.hunt_groups]
    dial_plans = [d for d in dial_plans if d is not None]
    if not dial_plans:
        call.fail(f"The UM IP gateway {name} has no hunt group, so the call can't come back into a UM dial plan.",
                  connected=True)  # fmt: skip
    elif not any(("TLS" if d.is_secured else "TCP") == transport for d in dial_plans):
        names = ", ".join(f"{d.Name} ({d.VoIPSecurity})" for d in dial_plans)
        call.fail(f"The call came back over {transport}, but the dial plans of UM IP gateway {name} don't take "
                  f"{transport} calls: {names}.", connected=True)  # fmt: skip
    call.common_checks(params, None)
    digits = str(params.get("DiagDtmfSequence") or DEFAULT_DIGITS)
    timing = (params.get("DiagInitialSilenceInMilisecs") or 0) + len(digits) * (
        (params.get("DiagDtmfDurationInMilisecs") or 0) + (params.get("DiagInterDtmfGapInMilisecs") or 0))
    # -DiagInterDtmfDiffGapInMilisecs: one gap per digit, comma-separated, empty entries allowed
    gaps = str(params.get("DiagInterDtmfDiffGapInMilisecs") or "").split(",")
    timing += sum(int(g) for g in (gap.strip() for gap in gaps) if g.isdigit())
    _record(cmd, call, call_type="None", called_number=str(params["Phone"]), gateway=gateway,
            dial_plan=dial_plans[0] if dial_plans else None, calling=params.get("From"))  # fmt: skip
    own = [("ExpectedDigits", digits), ("ReceivedDigits", digits if call.ok else "")]
    return _result(cmd, call, "RemoteUMConnectivityResults", own, latency=call.latency(float(timing)))


def _test_mailboxes(cmd: ExchangeCmdlet) -> list[Any]:
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES

    found = [m for m in cmd.org.mailboxes if str(m.Name).lower().startswith(TEST_MAILBOX_PREFIX) and m.UMEnabled]
    if not found:
        cmd.write_warning(SERVER_MESSAGES["NoTestMailboxes"].format(cmd.org.settings.site))
    return found


def _tui_logon_all(cmd: ExchangeCmdlet, params: dict, server: Any) -> list[ExchangeObject]:
    if not params.get("TUILogonAll"):
        return []
    results = []
    for mailbox in _test_mailboxes(cmd):
        policy = cmd.org.get("mailboxPolicy", mailbox.policy_guid)
        dial_plan = cmd.org.get("dialPlan", policy.dial_plan_guid)
        phone = str(mailbox.Extensions[0]) if mailbox.Extensions else str(mailbox.SIPResourceIdentifier)
        specific = dict(params, UMDialPlan=dial_plan, Phone=phone, PIN=mailbox.pin, TUILogon=True)
        results.append(_tui_logon(cmd, specific, server))
    return results


def _reset_pins(cmd: ExchangeCmdlet, params: dict, server: Any) -> list[ExchangeObject]:
    if not params.get("ResetPIN"):
        return []
    results = []
    for mailbox in _test_mailboxes(cmd):
        cmd.org.set_um_pin(mailbox)
        own = [("MailboxServerBeingTested", str(server.Fqdn)), ("Latency", 0.0),
               ("SuccessfullyResetPINForValidUMUser", True), ("SuccessfullyResetPasswordForValidUMUser", True)]
        pairs = [("RunspaceId", cmd.runtime.runspace.runspace_id), *own,
                 ("Identity", cmd.org.ids.guid_for("pin-reset", mailbox.Guid, cmd.org.clock.now.isoformat())),
                 ("IsValid", True), ("ObjectState", "Unchanged")]  # fmt: skip
        results.append(ExchangeObject(pairs, (HELPER + "ResetPinResults", *BASE_CHAIN[1:]), str(mailbox.Name)))
    return results


@exchange_cmdlet("Test-UMConnectivity", metadata=_metadata())
def test_um_connectivity(cmd: ExchangeCmdlet, params: dict) -> Any:
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES

    server = cmd.org.local_server
    if not cmd.should_process(server.Name):
        return None
    if params.get("MonitoringContext"):
        cmd.write_warning(SERVER_MESSAGES["NotEmulated"].format("monitoring events and performance counters",
                                                                "MonitoringContext"))  # fmt: skip
    test = {
        "LocalLoop": _local_loop, "TuiLogonSpecific": _tui_logon, "EndToEnd": _end_to_end,
        "TuiLogonGeneral": _tui_logon_all, "PinReset": _reset_pins,
    }[cmd.parameter_set_name or "LocalLoop"]  # fmt: skip
    return test(cmd, params, server)
