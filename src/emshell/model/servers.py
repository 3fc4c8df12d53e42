"""Exchange servers and what runs on them for Unified Messaging.

- ``ExchangeServer``: the server object (Get-ExchangeServer).  It owns the records below.
- ``UMService``: the UM settings of a Mailbox server (Get-UMService; EMS type ``UMServer``).  They
  are attributes of the server object itself, so it shares the server's identity and tail.
- ``CallRouterSettings``: the UM call router settings of a Client Access server
  (Get-UMCallRouterSettings; EMS type ``SIPFEServerConfiguration``), a child object of the server.
- ``WindowsService``: MSExchangeUM / MSExchangeUMCR as Get-Service shows them.  A running service
  keeps the configuration it loaded when it started (``loaded``): that, not the stored settings,
  decides which ports it listens on (ems-behaviour §3, §8).

Property orders and defaults: ems-behaviour §1.2-1.3 and §2.1.
"""

from __future__ import annotations

from emshell.model.fields import (
    Boolean,
    Enum,
    Field,
    Integer,
    Parsed,
    Reference,
    Schedules,
    Size,
    Text,
    TimeSpan,
    UnlimitedOf,
    connection_settings,
    fqdn,
    language_list,
    smart_host,
)
from emshell.model.record import (
    ADCONFIG_TAIL,
    ADO,
    ADP_TAIL,
    CONFIG_CHAIN,
    PRESENTATION_CHAIN,
    DirectoryObject,
    Record,
    computed,
    field_slots,
)
from emshell.model.values import (
    ADObjectId,
    ByteQuantifiedSize,
    EnhancedTimeSpan,
    MultiValuedProperty,
    ScheduleInterval,
    ServerVersion,
    UMLanguage,
    Unlimited,
    enum_class,
    enum_value,
    escape_rdn,
)

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

SC = ADO + "SystemConfiguration."
STARTUP_MODE = SC + "UMStartupMode"
IP_FAMILY = "Microsoft.Exchange.Data.Directory.IPAddressFamily"
INSTALL_PATH = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\"
ADMIN_GROUP = "CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups"
ROLES = ("Mailbox", "ClientAccess", "Edge")



# --------------------------------------------------------------------------- listening state


class ListeningConfig:
    """What a UM service reads when it starts: mode, ports and certificate.  Immutable."""

    __slots__ = ("mode", "tcp_port", "tls_port", "thumbprint")

    def __init__(self, mode: str, tcp_port: int, tls_port: int, thumbprint: str | None):
        self.mode = enum_value(STARTUP_MODE, mode)
        self.tcp_port = tcp_port
        self.tls_port = tls_port
        self.thumbprint = thumbprint or None

    @property
    def transports(self) -> tuple[str, ...]:
        """TCP listens on the TCP port only, TLS on the TLS port only, Dual on both."""
        return {"TCP": ("TCP",), "TLS": ("TLS",), "Dual": ("TCP", "TLS")}[str(self.mode)]

    @property
    def ports(self) -> tuple[tuple[str, int], ...]:
        return tuple((t, self.tcp_port if t == "TCP" else self.tls_port) for t in self.transports)

    def as_tuple(self) -> tuple[Any, ...]:
        return (str(self.mode), self.tcp_port, self.tls_port, self.thumbprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ListeningConfig) and other.as_tuple() == self.as_tuple()

    def __hash__(self) -> int:
        return hash(self.as_tuple())

    def __repr__(self) -> str:
        return f"ListeningConfig{self.as_tuple()!r}"


# --------------------------------------------------------------------------- Windows services

SERVICE_DISPLAY_NAMES = {
    "MSExchangeUM": "Microsoft Exchange Unified Messaging",
    "MSExchangeUMCR": "Microsoft Exchange Unified Messaging Call Router",
}
SERVICE_STATUS = "System.ServiceProcess.ServiceControllerStatus"
START_MODE = "System.ServiceProcess.ServiceStartMode"


class WindowsService(Record):
    """A Windows service on an Exchange server, as ``Get-Service`` shows it."""

    KIND = "windowsService"
    LABEL = "service"
    PS_TYPE_NAMES = (
        "System.ServiceProcess.ServiceController", "System.ComponentModel.Component",
        "System.MarshalByRefObject", "System.Object",
    )  # fmt: skip
    PS_PROPERTIES = (
        "Name", "RequiredServices", "CanPauseAndContinue", "CanShutdown", "CanStop", "DisplayName",
        "DependentServices", "MachineName", "ServiceName", "ServicesDependedOn", "ServiceHandle", "Status",
        "ServiceType", "StartType", "Site", "Container",
    )  # fmt: skip
    FIELDS = (
        Field("Name", Text(), required=True, immutable=True),
        Field("Status", Enum(SERVICE_STATUS), "Running"),
        Field("StartType", Enum(START_MODE), "Automatic"),
    )
    __slots__ = field_slots(FIELDS, "_server", "loaded")

    @property
    def server(self) -> ExchangeServer:
        return self._server

    @property
    def is_running(self) -> bool:
        return str(self.Status) == "Running"

    @computed
    def DisplayName(self) -> str:
        return SERVICE_DISPLAY_NAMES.get(self.Name, self.Name)

    @computed
    def ServiceName(self) -> str:
        return self.Name

    @computed
    def MachineName(self) -> str:
        return self._server.Name if self._server else "."

    @computed
    def CanStop(self) -> bool:
        return self.is_running

    @computed
    def CanPauseAndContinue(self) -> bool:
        return False

    @computed
    def CanShutdown(self) -> bool:
        return self.is_running

    @computed
    def RequiredServices(self) -> list:
        return []

    @computed
    def DependentServices(self) -> list:
        return []

    @computed
    def ServicesDependedOn(self) -> list:
        return []

    @computed
    def ServiceHandle(self) -> Any:
        return None

    @computed
    def ServiceType(self) -> Any:
        return enum_value("System.ServiceProcess.ServiceType", "Win32OwnProcess")

    @computed
    def Site(self) -> Any:
        return None

    @computed
    def Container(self) -> Any:
        return None

    @property
    def display_name(self) -> str:
        return f"{self.DisplayName} ({self.Name})"


# --------------------------------------------------------------------------- UM components


class UMComponent(Record):
    """What the UM service and the call router share: a startup mode, two ports, a certificate,
    and the Windows service that loads them."""

    __slots__ = ()
    SERVICE_NAME = ""
    CERTIFICATE_SERVICE = ""  # the Services flag a certificate needs for this component

    @property
    def server(self) -> ExchangeServer:
        return self._server  # type: ignore[attr-defined]

    @property
    def dial_plan_guids(self) -> list[str]:
        return self._ref_DialPlans  # type: ignore[attr-defined]

    @property
    def windows_service(self) -> WindowsService | None:
        return self.server.windows_services.get(self.SERVICE_NAME) if self.server else None

    def configured(self) -> ListeningConfig:
        """The stored settings the service would load if it started now."""
        return ListeningConfig(
            str(self.UMStartupMode),  # type: ignore[attr-defined]
            self.SipTcpListeningPort,  # type: ignore[attr-defined]
            self.SipTlsListeningPort,  # type: ignore[attr-defined]
            self.UMCertificateThumbprint,  # type: ignore[attr-defined]
        )

    def effective(self) -> ListeningConfig | None:
        """The settings the running service loaded; None when the service is not running."""
        service = self.windows_service
        if service is None or not service.is_running:
            return None
        if service.loaded is None:  # a running service always loaded something; be robust
            service.loaded = self.configured()
        return service.loaded

    @property
    def effective_startup_mode(self) -> Any:
        loaded = self.effective()
        return loaded.mode if loaded else None

    @property
    def listening_ports(self) -> tuple[tuple[str, int], ...]:
        """``(transport, port)`` pairs the running service listens on (empty when stopped)."""
        loaded = self.effective()
        return loaded.ports if loaded else ()

    @property
    def restart_pending(self) -> bool:
        loaded = self.effective()
        return loaded is not None and loaded != self.configured()


def _grammar_schedule() -> list[ScheduleInterval]:
    return ScheduleInterval.daily(2 * 60, 2 * 60 + 30)


UM_SERVICE_FIELDS = (
    Field("MaxCallsAllowed", Integer(0, 200), 100),
    Field("Status", Enum(SC + "ServerStatus"), "Enabled"),
    Field("SipTcpListeningPort", Integer(1, 65535), 5062),
    Field("SipTlsListeningPort", Integer(1, 65535), 5063),
    Field("Languages", language_list(), lambda: [UMLanguage("en-US")]),
    Field("DialPlans", Reference("dialPlan", multi=True)),
    Field("GrammarGenerationSchedule", Schedules(one_start_per_day=True), _grammar_schedule),
    Field("ExternalHostFqdn", fqdn()),
    Field("ExternalServiceFqdn", smart_host()),
    Field("UMPodRedirectTemplate", Text()),
    Field("UMForwardingAddressTemplate", Text()),
    Field("UMCertificateThumbprint", Text()),
    Field("SIPAccessService", connection_settings()),
    Field("UMStartupMode", Enum(STARTUP_MODE), "TCP"),
    Field("IrmLogEnabled", Boolean(), True),
    Field("IrmLogMaxAge", TimeSpan("00:00:00", "24855.03:14:07"), EnhancedTimeSpan.from_parts(days=30)),
    Field(
        "IrmLogMaxDirectorySize",
        UnlimitedOf("ByteQuantifiedSize", 1, 2**63 - 1),
        Unlimited(ByteQuantifiedSize.from_units(250, "MB")),
    ),
    Field("IrmLogMaxFileSize", Size(1), ByteQuantifiedSize.from_units(10, "MB")),
    Field("IrmLogPath", Text(), INSTALL_PATH + "Logging\\IRMLogs"),
    Field("IPAddressFamilyConfigurable", Boolean(), True),
    Field("IPAddressFamily", Enum(IP_FAMILY), "Any"),
)


def _from_server(name: str) -> property:
    def read(self: Record) -> Any:
        return getattr(self._server, name)  # type: ignore[attr-defined]

    read.__name__ = name
    return computed(read)


class UMService(UMComponent):
    """The Microsoft Exchange Unified Messaging service settings of a Mailbox server."""

    KIND = "umService"
    LABEL = "UM service"
    SERVICE_NAME = "MSExchangeUM"
    CERTIFICATE_SERVICE = "UM"
    PS_TYPE_NAMES = (ADO + "Management.UMServer",) + PRESENTATION_CHAIN
    PS_PROPERTIES = (
        "Name", "MaxCallsAllowed", "Status", "SipTcpListeningPort", "SipTlsListeningPort", "Languages",
        "DialPlans", "GrammarGenerationSchedule", "ExternalHostFqdn", "ExternalServiceFqdn",
        "UMPodRedirectTemplate", "UMForwardingAddressTemplate", "UMCertificateThumbprint", "SIPAccessService",
        "UMStartupMode", "IrmLogEnabled", "IrmLogMaxAge", "IrmLogMaxDirectorySize", "IrmLogMaxFileSize",
        "IrmLogPath", "IPAddressFamilyConfigurable", "IPAddressFamily",
    ) + ADP_TAIL  # fmt: skip
    FIELDS = UM_SERVICE_FIELDS
    __slots__ = field_slots(FIELDS, "_server")

    # The UM settings are attributes of the server object: same identity, same timestamps.
    Name = _from_server("Name")
    Identity = _from_server("Identity")
    Id = _from_server("Id")
    IsValid = _from_server("IsValid")
    ExchangeVersion = _from_server("ExchangeVersion")
    DistinguishedName = _from_server("DistinguishedName")
    Guid = _from_server("Guid")
    ObjectCategory = _from_server("ObjectCategory")
    ObjectClass = _from_server("ObjectClass")
    WhenChanged = _from_server("WhenChanged")
    WhenCreated = _from_server("WhenCreated")
    WhenChangedUTC = _from_server("WhenChangedUTC")
    WhenCreatedUTC = _from_server("WhenCreatedUTC")
    OrganizationId = _from_server("OrganizationId")
    OriginatingServer = _from_server("OriginatingServer")
    ObjectState = _from_server("ObjectState")

    def touch(self, when: Any) -> None:
        self._server.touch(when)

    @property
    def display_name(self) -> str:
        return self._server.Name if self._server else ""


CALL_ROUTER_FIELDS = (
    Field("MaxCallsAllowed", Integer(0, 200)),
    Field("SipTcpListeningPort", Integer(1, 65535), 5060),
    Field("SipTlsListeningPort", Integer(1, 65535), 5061),
    Field("ExternalHostFqdn", fqdn()),
    Field("ExternalServiceFqdn", smart_host()),
    Field("UMPodRedirectTemplate", Text()),
    Field("UMForwardingAddressTemplate", Text()),
    Field("UMStartupMode", Enum(STARTUP_MODE), "TCP"),
    Field("DialPlans", Reference("dialPlan", multi=True)),
    Field("UMCertificateThumbprint", Text()),
    Field("IPAddressFamilyConfigurable", Boolean(), True),
    Field("IPAddressFamily", Enum(IP_FAMILY), "Any"),
)


class CallRouterSettings(UMComponent, DirectoryObject):
    """The Microsoft Exchange Unified Messaging Call Router settings of a Client Access server."""

    KIND = "callRouter"
    LABEL = "UM call router settings"
    SERVICE_NAME = "MSExchangeUMCR"
    CERTIFICATE_SERVICE = "UMCallRouter"
    EXCHANGE_VERSION = "0.20 (15.0.0.0)"
    OBJECT_CATEGORY = "ms-Exch-Protocol-Cfg-SIP-FE-Server"
    OBJECT_CLASS = ("top", "protocolCfg", "protocolCfgSIP", "msExchProtocolCfgSIPFEServer")
    PS_TYPE_NAMES = (SC + "SIPFEServerConfiguration",) + CONFIG_CHAIN
    PS_PROPERTIES = (
        "Name", "MaxCallsAllowed", "SipTcpListeningPort", "SipTlsListeningPort", "ExternalHostFqdn",
        "ExternalServiceFqdn", "UMPodRedirectTemplate", "UMForwardingAddressTemplate", "UMStartupMode",
        "DialPlans", "UMCertificateThumbprint", "NetworkAddress", "VersionNumber", "CurrentServerRole",
        "IPAddressFamilyConfigurable", "IPAddressFamily",
    ) + tuple(n for n in ADCONFIG_TAIL if n != "Name")  # fmt: skip
    FIELDS = CALL_ROUTER_FIELDS
    __slots__ = field_slots(FIELDS, "_server")

    @computed
    def Name(self) -> str:
        return "UMCallRouterSettings"

    def distinguished_name(self) -> str:
        return f"CN=UMCallRouterSettings,CN=SIP,CN=Protocols,{self._server.distinguished_name()}"

    @computed
    def NetworkAddress(self) -> MultiValuedProperty:
        return self._server.NetworkAddress

    @computed
    def VersionNumber(self) -> int:
        return self._server.version_number

    @computed
    def CurrentServerRole(self) -> Any:
        return self._server.ServerRole

    @property
    def display_name(self) -> str:
        return f"{self._server.Name}\\UMCallRouterSettings" if self._server else "UMCallRouterSettings"


# --------------------------------------------------------------------------- the server


class ExchangeServer(DirectoryObject):
    """An Exchange server (Get-ExchangeServer).  Roles: Mailbox, ClientAccess, Edge."""

    KIND = "server"
    LABEL = "Exchange server"
    EXCHANGE_VERSION = "0.1 (8.0.535.0)"
    OBJECT_CATEGORY = "ms-Exch-Exchange-Server"
    OBJECT_CLASS = ("top", "server", "msExchExchangeServer")
    PS_TYPE_NAMES = (ADO + "Management.ExchangeServer",) + PRESENTATION_CHAIN
    PS_PROPERTIES = (
        "Name", "DataPath", "Domain", "Edition", "ExchangeLegacyDN", "ExchangeLegacyServerRole", "Fqdn",
        "CustomerFeedbackEnabled", "InternetWebProxy", "InternetWebProxyBypassList", "IsHubTransportServer",
        "IsClientAccessServer", "IsExchange2007OrLater", "IsEdgeServer", "IsMailboxServer", "IsE14OrLater",
        "IsE15OrLater", "IsProvisionedServer", "IsUnifiedMessagingServer", "IsFrontendTransportServer",
        "NetworkAddress", "OrganizationalUnit", "AdminDisplayVersion", "Site", "ServerRole",
        "ErrorReportingEnabled", "StaticDomainControllers", "StaticGlobalCatalogs",
        "StaticConfigDomainController", "StaticExcludedDomainControllers", "CurrentDomainControllers",
        "CurrentGlobalCatalogs", "CurrentConfigDomainController", "ProductID", "IsExchangeTrialEdition",
        "IsExpiredExchangeTrialEdition", "MonitoringGroup", "RemainingTrialPeriod", "WorkloadManagementPolicy",
    ) + ADP_TAIL  # fmt: skip
    FIELDS = (
        Field("Name", Text(15, 1), required=True, immutable=True),
        Field("Fqdn", fqdn()),
        Field("Edition", Enum("Microsoft.Exchange.Data.ServerEditionType"), "Enterprise"),
        Field("AdminDisplayVersion", Parsed(ServerVersion), ServerVersion("Version 15.1 (Build 2507.6)")),
        Field("ProductID", Text()),
    )
    CHILD_SLOTS = ("um_service", "call_router", "windows_services", "certificates")
    __slots__ = field_slots(FIELDS, "roles", "site_name", *CHILD_SLOTS)

    def __init__(self, org: Any = None, **values: Any):
        super().__init__(org, **values)
        if self.roles is None:
            self.roles = ()
        if self.windows_services is None:
            self.windows_services = {}
        if self.certificates is None:
            self.certificates = []

    def adopt_children(self) -> None:
        for child in (self.um_service, self.call_router, *self.windows_services.values(), *self.certificates):
            if child is not None:
                child._server = self

    # ------------------------------------------------------------ roles and version

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def version(self) -> tuple[int, int, int, int]:
        return ServerVersion(self.AdminDisplayVersion).parts

    @property
    def version_number(self) -> int:
        """The packed version Exchange stores (major, minor, build) - used by VersionNumber."""
        major, minor, build, _ = self.version
        return (major & 0x3F) << 22 | (minor & 0x3F) << 16 | 0x8000 | (build & 0x7FFF)

    def distinguished_name(self) -> str:
        return f"CN={escape_rdn(self.Name)},CN=Servers,{ADMIN_GROUP},{self.naming().exchange_dn}"

    # ------------------------------------------------------------ computed properties

    @computed
    def DataPath(self) -> str:
        return INSTALL_PATH + ("TransportRoles\\data" if self.has_role("Edge") else "Mailbox")

    @computed
    def Domain(self) -> str:
        return self.naming().domain

    @computed
    def ExchangeLegacyDN(self) -> str:
        org = self.naming().exchange_organization
        return f"/o={org}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn={self.Name}"

    @computed
    def ExchangeLegacyServerRole(self) -> int:
        return 0

    @computed
    def CustomerFeedbackEnabled(self) -> Any:
        return None

    @computed
    def InternetWebProxy(self) -> Any:
        return None

    @computed
    def InternetWebProxyBypassList(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def IsHubTransportServer(self) -> bool:
        return self.has_role("Mailbox")

    @computed
    def IsClientAccessServer(self) -> bool:
        return self.has_role("ClientAccess")

    @computed
    def IsExchange2007OrLater(self) -> bool:
        return True

    @computed
    def IsEdgeServer(self) -> bool:
        return self.has_role("Edge")

    @computed
    def IsMailboxServer(self) -> bool:
        return self.has_role("Mailbox")

    @computed
    def IsE14OrLater(self) -> bool:
        return self.version[0] >= 14

    @computed
    def IsE15OrLater(self) -> bool:
        return self.version[0] >= 15

    @computed
    def IsProvisionedServer(self) -> bool:
        return False

    @computed
    def IsUnifiedMessagingServer(self) -> bool:
        return self.has_role("Mailbox")

    @computed
    def IsFrontendTransportServer(self) -> bool:
        return self.has_role("ClientAccess")

    @computed
    def NetworkAddress(self) -> MultiValuedProperty:
        name = self.Name
        return MultiValuedProperty([
            f"ncacn_vns_spp:{name}", f"netbios:{name}", f"ncacn_np:{name}", f"ncacn_spx:{name}",
            f"ncacn_ip_tcp:{self.Fqdn}", f"ncalrpc:{name}",
        ], "Microsoft.Exchange.Data.NetworkAddress")  # fmt: skip

    @computed
    def OrganizationalUnit(self) -> str:
        return f"{self.naming().domain}/{self.Name}"

    @computed
    def Site(self) -> ADObjectId:
        naming = self.naming()
        site = self.site_name or naming.site
        return ADObjectId(f"CN={escape_rdn(site)},CN=Sites,CN=Configuration,{naming.domain_dn}")

    @computed
    def ServerRole(self) -> Any:
        """The roles as EMS lists them: Mailbox (2016 includes the Client Access services), or
        ClientAccess / Edge for a server that only has that role."""
        roles = [r for r in ROLES if r in self.roles]
        if self.version[:2] >= (15, 1) and "Mailbox" in roles and "ClientAccess" in roles:
            roles.remove("ClientAccess")
        return enum_class(SC + "ServerRole").parse(", ".join(roles) or "None")

    @computed
    def ErrorReportingEnabled(self) -> Any:
        return None

    @computed
    def StaticDomainControllers(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def StaticGlobalCatalogs(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def StaticConfigDomainController(self) -> Any:
        return None

    @computed
    def StaticExcludedDomainControllers(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def CurrentDomainControllers(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def CurrentGlobalCatalogs(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def CurrentConfigDomainController(self) -> Any:
        return None

    @computed
    def IsExchangeTrialEdition(self) -> bool:
        return False

    @computed
    def IsExpiredExchangeTrialEdition(self) -> bool:
        return False

    @computed
    def MonitoringGroup(self) -> Any:
        return None

    @computed
    def RemainingTrialPeriod(self) -> EnhancedTimeSpan:
        return EnhancedTimeSpan(0)

    @computed
    def WorkloadManagementPolicy(self) -> str:
        return "DefaultWorkloadManagementPolicy_15.0.825.0"

    # ------------------------------------------------------------ owned records

    def windows_service(self, name: str) -> WindowsService | None:
        for key, service in self.windows_services.items():
            if key.lower() == name.lower():
                return service
        return None

    def certificate(self, thumbprint: str) -> Any:
        for cert in self.certificates:
            if cert.Thumbprint.lower() == thumbprint.lower():
                return cert
        return None
