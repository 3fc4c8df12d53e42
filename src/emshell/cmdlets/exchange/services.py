"""Windows services of the Exchange servers: Get-Service, Start-Service, Stop-Service and
Restart-Service, the Microsoft.PowerShell.Management cmdlets of Windows PowerShell 5.1.

They are local, compiled cmdlets (errors with ``Cmdlet : message`` and the position block), not
Exchange cmdlets.  The shell runs on the organization's local server; ``Get-Service
-ComputerName X`` lists X's services, and a ServiceController piped on (``Get-Service
-ComputerName X MSExchangeUM | Restart-Service``) carries X with it, since Start-, Stop- and
Restart-Service of Windows PowerShell 5.1 have no -ComputerName of their own.

MSExchangeUM and MSExchangeUMCR are the model's services: stopping and starting them decides
what the UM components listen on (``emshell.model.telephony``).  The other Exchange services
of a server are listed as running; they have no UM effect, Restart-Service leaves them
running and Stop-Service warns that emshell does not emulate stopping them.
"""

from __future__ import annotations

from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import new_error
from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo, parameter
from emshell.engine.psobject import PSObject

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

COMMANDS = "Microsoft.PowerShell.Commands."
SERVICE_CONTROLLER = "System.ServiceProcess.ServiceController"
UM_SERVICES = ("MSExchangeUM", "MSExchangeUMCR")

# Other Exchange 2013/2016 services, by the role that installs them (display names as Windows
# shows them).  They are listed as running and automatic.
OTHER_SERVICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "MSExchangeADTopology": ("Microsoft Exchange Active Directory Topology", ("Mailbox", "ClientAccess")),
    "MSExchangeAntispamUpdate": ("Microsoft Exchange Anti-spam Update", ("Mailbox", "Edge")),
    "MSExchangeDagMgmt": ("Microsoft Exchange DAG Management", ("Mailbox",)),
    "MSExchangeDelivery": ("Microsoft Exchange Mailbox Transport Delivery", ("Mailbox",)),
    "MSExchangeDiagnostics": ("Microsoft Exchange Diagnostics", ("Mailbox", "ClientAccess", "Edge")),
    "MSExchangeEdgeCredential": ("Microsoft Exchange Credential Service", ("Edge",)),
    "MSExchangeEdgeSync": ("Microsoft Exchange EdgeSync", ("Mailbox",)),
    "MSExchangeFastSearch": ("Microsoft Exchange Search", ("Mailbox",)),
    "MSExchangeFrontEndTransport": ("Microsoft Exchange Frontend Transport", ("Mailbox", "ClientAccess")),
    "MSExchangeHM": ("Microsoft Exchange Health Manager", ("Mailbox", "ClientAccess", "Edge")),
    "MSExchangeIS": ("Microsoft Exchange Information Store", ("Mailbox",)),
    "MSExchangeMailboxAssistants": ("Microsoft Exchange Mailbox Assistants", ("Mailbox",)),
    "MSExchangeMailboxReplication": ("Microsoft Exchange Mailbox Replication", ("Mailbox",)),
    "MSExchangeRepl": ("Microsoft Exchange Replication", ("Mailbox",)),
    "MSExchangeRPC": ("Microsoft Exchange RPC Client Access", ("Mailbox",)),
    "MSExchangeServiceHost": ("Microsoft Exchange Service Host", ("Mailbox", "ClientAccess", "Edge")),
    "MSExchangeSubmission": ("Microsoft Exchange Mailbox Transport Submission", ("Mailbox",)),
    "MSExchangeThrottling": ("Microsoft Exchange Throttling", ("Mailbox",)),
    "MSExchangeTransport": ("Microsoft Exchange Transport", ("Mailbox", "Edge")),
    "MSExchangeTransportLogSearch": ("Microsoft Exchange Transport Log Search", ("Mailbox", "Edge")),
    "W3SVC": ("World Wide Web Publishing Service", ("Mailbox", "ClientAccess")),
    "WinRM": ("Windows Remote Management (WS-Management)", ("Mailbox", "ClientAccess", "Edge")),
}


# --------------------------------------------------------------------------- ServiceController


class ServiceController(PSObject):
    """A ``System.ServiceProcess.ServiceController`` as Get-Service returns it.  It remembers the
    server it controls (``server``), which MachineName shows as typed: ``.`` for the local one."""

    __slots__ = ("server", "record")

    def __init__(self, properties: Any, server: Any, record: Any):
        super().__init__(properties, (SERVICE_CONTROLLER, "System.ComponentModel.Component",
                                      "System.MarshalByRefObject", "System.Object"))  # fmt: skip
        self.server = server
        self.record = record  # the model's WindowsService, or None for the other services

    def ToString(self) -> str:
        return SERVICE_CONTROLLER

    __str__ = ToString

    @property
    def service_name(self) -> str:
        return str(self.get_property("ServiceName"))

    @property
    def label(self) -> str:
        """``Display Name (Name)``, as PowerShell names a service in its messages."""
        return f"{self.get_property('DisplayName')} ({self.service_name})"


def _controller(server: Any, name: str, machine: str) -> ServiceController:
    record = server.windows_service(name) if name in UM_SERVICES else None
    if record is not None:
        status, start_type, display = str(record.Status), str(record.StartType), record.DisplayName
    else:
        status, start_type, display = "Running", "Automatic", OTHER_SERVICES[name][0]
    running = status == "Running"
    pairs = [
        ("Name", name), ("RequiredServices", []), ("CanPauseAndContinue", False), ("CanShutdown", running),
        ("CanStop", running), ("DisplayName", display), ("DependentServices", []), ("MachineName", machine),
        ("ServiceName", name), ("ServicesDependedOn", []), ("ServiceHandle", None),
        ("Status", _enum("System.ServiceProcess.ServiceControllerStatus", status)),
        ("ServiceType", _enum("System.ServiceProcess.ServiceType", "Win32OwnProcess")),
        ("StartType", _enum("System.ServiceProcess.ServiceStartMode", start_type)), ("Site", None),
        ("Container", None),
    ]  # fmt: skip
    return ServiceController(pairs, server, record)


def _enum(type_name: str, name: str) -> Any:
    from emshell.model.values import enum_value

    return enum_value(type_name, name)


def services_of(server: Any, machine: str) -> list[ServiceController]:
    """Every service Get-Service lists on ``server``, ordered by name as Windows lists them."""
    names = [n for n in UM_SERVICES if server.windows_service(n) is not None]
    names += [n for n, (_, roles) in OTHER_SERVICES.items() if any(server.has_role(r) for r in roles)]
    return [_controller(server, n, machine) for n in sorted(names, key=str.lower)]


def _register_types() -> None:
    """ServiceController as a parameter type: -InputObject takes only service objects."""
    from emshell.engine.types import PSType, register_type, resolve_type

    if resolve_type(SERVICE_CONTROLLER) is None:
        register_type(PSType(SERVICE_CONTROLLER, base="System.ComponentModel.Component"), "ServiceController")


_register_types()


# --------------------------------------------------------------------------- metadata


def _metadata(name: str, own: list[ParameterMetadata], *, default_set: str, should_process: bool,
              synopsis: str) -> CommandMetadata:  # fmt: skip
    return CommandMetadata(
        name, own, default_parameter_set=default_set, supports_should_process=should_process,
        module="Microsoft.PowerShell.Management", version="3.1.0.0",
        implementing_type=COMMANDS + name.replace("-", "") + "Command", synopsis=synopsis,
    )  # fmt: skip


def _selection_parameters(mandatory_name: bool) -> list[ParameterMetadata]:
    """-Name, -DisplayName, -InputObject, -Include, -Exclude, as the service cmdlets share them."""
    name_sets = {"Default": ParameterSetInfo("Default", 0, mandatory_name, True, True)}
    return [
        ParameterMetadata("Name", "String[]", aliases=("ServiceName",), sets=name_sets, wildcards=True),
        parameter("DisplayName", "String[]", mandatory=True, sets=("DisplayName",), wildcards=True),
        parameter("InputObject", "ServiceController[]", position=0, mandatory=mandatory_name, pipeline=True,
                  sets=("InputObject",)),
        parameter("Include", "String[]", wildcards=True),
        parameter("Exclude", "String[]", wildcards=True),
    ]  # fmt: skip


def _get_service_metadata() -> CommandMetadata:
    own = _selection_parameters(False) + [
        parameter("ComputerName", "String[]", by_property_name=True, aliases=("Cn",)),
        parameter("DependentServices", "SwitchParameter", aliases=("DS",)),
        parameter("RequiredServices", "SwitchParameter", aliases=("SDO", "ServicesDependedOn")),
    ]
    return _metadata("Get-Service", own, default_set="Default", should_process=False,
                     synopsis="Gets the services on a local or remote computer.")  # fmt: skip


def _control_metadata(name: str, synopsis: str, *extra: ParameterMetadata) -> CommandMetadata:
    own = _selection_parameters(True) + [parameter("PassThru", "SwitchParameter"), *extra]
    return _metadata(name, own, default_set="InputObject", should_process=True, synopsis=synopsis)


# --------------------------------------------------------------------------- selecting services


def _wildcard(pattern: str, text: str) -> bool:
    from emshell.engine.operators import wildcard_match

    return wildcard_match(pattern, text)


def _has_wildcard(text: str) -> bool:
    return any(c in text for c in "*?[")


class ServiceCommand(Cmdlet):
    """What the four service cmdlets share: finding services by name or display name."""

    def local_server(self) -> Any:
        return self.org.local_server

    def select(self, server: Any, machine: str) -> list[ServiceController]:
        """The services -Name/-DisplayName/-InputObject name, less -Exclude; errors for names
        without wildcards that match nothing (as PowerShell writes them)."""
        params = self.params
        if params.get("InputObject") is not None:
            return [c for c in self._controllers(params["InputObject"]) if self._kept(c)]
        available = services_of(server, machine)
        by_display = params.get("DisplayName") is not None
        patterns = params.get("DisplayName") if by_display else params.get("Name")
        if patterns is None:
            return [c for c in available if self._kept(c)]
        chosen: list[ServiceController] = []
        for pattern in patterns:
            pattern = str(pattern)
            matched = [c for c in available
                       if _wildcard(pattern, str(c.get_property("DisplayName") if by_display else c.service_name))]  # fmt: skip
            if not matched and not _has_wildcard(pattern):
                self._not_found(pattern, by_display)
            chosen.extend(c for c in matched if c not in chosen and self._kept(c))
        return chosen

    def _kept(self, controller: ServiceController) -> bool:
        name = controller.service_name
        include = self.params.get("Include")
        if include and not any(_wildcard(str(p), name) for p in include):
            return False
        return not any(_wildcard(str(p), name) for p in self.params.get("Exclude") or ())

    def _controllers(self, value: Any) -> list[ServiceController]:
        items = value if isinstance(value, (list, tuple)) else [value]
        return [item for item in items if isinstance(item, ServiceController)]

    def _not_found(self, pattern: str, by_display: bool) -> None:
        if by_display:
            message, error_id = f"Cannot find any service with display name '{pattern}'.", "NoServiceFoundForGivenDisplayName"
        else:
            message, error_id = f"Cannot find any service with service name '{pattern}'.", "NoServiceFoundForGivenName"
        self.write_error(new_error("ServiceCommandException", message, f"{error_id},{self.metadata.implementing_type}",
                                   "ObjectNotFound", pattern, activity=self.metadata.name))  # fmt: skip

    def service_error(self, controller: ServiceController, message: str, error_id: str) -> None:
        self.write_error(new_error("ServiceCommandException", message, f"{error_id},{self.metadata.implementing_type}",
                                   "OpenError", controller, activity=self.metadata.name))  # fmt: skip


# --------------------------------------------------------------------------- Get-Service


def _machine(text: str, org: Any) -> Any:
    """The server a -ComputerName names (``.``, ``localhost``, a name or an FQDN), or None."""
    lowered = text.strip().lower()
    if lowered in (".", "localhost", "127.0.0.1"):
        return org.local_server
    for server in org.servers:
        if lowered in (server.Name.lower(), str(server.Fqdn).lower()):
            return server
    return None


@cmdlet(_get_service_metadata())
class GetService(ServiceCommand):
    def process(self) -> None:
        computers = self.params.get("ComputerName") or ["."]
        for computer in computers:
            computer = str(computer)
            server = _machine(computer, self.org)
            if server is None:
                self.write_error(new_error(
                    "System.InvalidOperationException",
                    f"Cannot open Service Control Manager on computer '{computer}'. This operation might require "
                    f"other privileges.",
                    f"System.InvalidOperationException,{self.metadata.implementing_type}", "NotSpecified",
                    activity=self.metadata.name,
                ))  # fmt: skip
                continue
            for controller in self.select(server, computer):
                # No Exchange service depends on another one here: -DependentServices and
                # -RequiredServices list nothing.
                if self.params.get("DependentServices") or self.params.get("RequiredServices"):
                    continue
                self.write_object(controller)


# --------------------------------------------------------------------------- Start-, Stop-, Restart-


class ControlService(ServiceCommand):
    """Start-, Stop- and Restart-Service: each selected service, after ShouldProcess."""

    operation = ""

    def process(self) -> None:
        for controller in self.select(self.local_server(), "."):
            if not self.should_process(controller.label):
                continue
            if self.control(controller) and self.params.get("PassThru"):
                self.write_object(_controller(controller.server, controller.service_name,
                                              str(controller.get_property("MachineName"))))  # fmt: skip

    def control(self, controller: ServiceController) -> bool:
        raise NotImplementedError

    def start(self, controller: ServiceController) -> bool:
        """Start a UM service; a start the model refuses is PowerShell's start failure."""
        from emshell.model import ServiceError

        if controller.record is None:
            return True  # the other services are running already
        try:
            self.org.start_service(controller.server, controller.service_name)
        except ServiceError as error:
            if getattr(error, "reason", None) is not None:
                # The service starts, fails to load its certificate and stops again.
                self.service_error(controller, f"Failed to start service '{controller.label}'.", "StartServiceFailed")
            else:
                machine = str(controller.get_property("MachineName"))
                self.service_error(controller, f"Service '{controller.label}' cannot be started due to the following "
                                               f"error: Cannot start service {controller.service_name} on computer "
                                               f"'{machine}'.", "CouldNotStartService")  # fmt: skip
            return False
        return True

    def stop(self, controller: ServiceController) -> bool:
        from emshell.cmdlets.exchange.messages import SERVER_MESSAGES

        if controller.record is None:
            self.write_warning(SERVER_MESSAGES["StopNotEmulated"].format(controller.label))
            return True
        self.org.stop_service(controller.server, controller.service_name)
        return True


@cmdlet(_control_metadata("Start-Service", "Starts one or more stopped services."))
class StartService(ControlService):
    def control(self, controller: ServiceController) -> bool:
        return self.start(controller)


@cmdlet(_control_metadata("Stop-Service", "Stops one or more running services.",
                          parameter("Force", "SwitchParameter"), parameter("NoWait", "SwitchParameter")))  # fmt: skip
class StopService(ControlService):
    def control(self, controller: ServiceController) -> bool:
        return self.stop(controller)


@cmdlet(_control_metadata("Restart-Service", "Stops and then starts one or more services.",
                          parameter("Force", "SwitchParameter")))  # fmt: skip
class RestartService(ControlService):
    def control(self, controller: ServiceController) -> bool:
        # A failed start leaves the service stopped: the stop is not undone.
        if controller.record is None:
            return True
        self.org.stop_service(controller.server, controller.service_name)
        return self.start(controller)
