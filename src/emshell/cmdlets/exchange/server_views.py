"""Other views of a server record: what Get-MailboxServer, Get-ClientAccessServer and
Get-ClientAccessService return, and what Get-ExchangeServer -Status adds.

A Mailbox server object starts with the properties of a real Exchange 2016 ``MailboxServer``
as a remote session serializes it (CSS-Exchange HealthChecker test data, ems-behaviour §1.2),
with the values a freshly installed server has; the many later properties of that class are
left out (APPROXIMATION).  The Client Access objects show the Autodiscover settings EMS shows
for them (APPROXIMATION: property order from memory).  Both end with the directory-object tail
of the server.
"""

from __future__ import annotations

from emshell.cmdlets.exchange.runtime import ExchangeObject

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet

MANAGEMENT = "Microsoft.Exchange.Data.Directory.Management."
AD_CHAIN = (MANAGEMENT + "ADPresentationObject", "Microsoft.Exchange.Data.Directory.ADObject",
            "Microsoft.Exchange.Data.Directory.ADRawEntry", "Microsoft.Exchange.Data.ConfigurableObject",
            "System.Object")  # fmt: skip
LOGGING = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\"
AUTODISCOVER_SERVICE_GUID = "77378f46-2c66-4aa9-a6a6-3e7a48b19596"  # Exchange's well-known service GUID


def _tail(server: Any) -> list[tuple[str, Any]]:
    from emshell.model.record import ADP_TAIL

    snapshot = server.snapshot()
    return [(name, getattr(snapshot, name)) for name in ADP_TAIL]


def _object(cmd: ExchangeCmdlet, server: Any, type_name: str, pairs: list[tuple[str, Any]]) -> ExchangeObject:
    properties = [("RunspaceId", cmd.runtime.runspace.runspace_id), ("Name", server.Name), *pairs, *_tail(server)]
    return ExchangeObject(properties, (MANAGEMENT + type_name, *AD_CHAIN), server.Name)


def mailbox_server(cmd: ExchangeCmdlet, server: Any, *, status: bool = False) -> ExchangeObject:
    """Get-MailboxServer's object.  ``-Status`` fills in the values read from the server itself
    (the locales it has language packs for)."""
    from emshell.model.values import ByteQuantifiedSize, EnhancedTimeSpan, MultiValuedProperty, Unlimited

    days = EnhancedTimeSpan.from_parts
    pairs = [
        ("DataPath", server.DataPath),
        ("SharingPolicySchedule", MultiValuedProperty()),
        ("CalendarRepairMissingItemFixDisabled", False),
        ("CalendarRepairLogEnabled", True),
        ("CalendarRepairLogSubjectLoggingEnabled", True),
        ("CalendarRepairLogPath", LOGGING + "Calendar Repair Assistant"),
        ("CalendarRepairIntervalEndWindow", 7),
        ("CalendarRepairLogFileAgeLimit", days(days=10)),
        ("CalendarRepairLogDirectorySizeLimit", Unlimited(ByteQuantifiedSize.from_units(500, "MB"))),
        ("CalendarRepairMode", "RepairAndValidate"),
        ("ManagedFolderAssistantSchedule", None),
        ("LogPathForManagedFolders", LOGGING + "Managed Folder Assistant"),
        ("LogFileAgeLimitForManagedFolders", days()),
        ("LogDirectorySizeLimitForManagedFolders", Unlimited(None)),
        ("LogFileSizeLimitForManagedFolders", Unlimited(ByteQuantifiedSize.from_units(10, "MB"))),
        ("MigrationLogLoggingLevel", "Information"),
        ("MigrationLogFilePath", None),
        ("MigrationLogMaxAge", days(days=180)),
        ("MigrationLogMaxDirectorySize", ByteQuantifiedSize.from_units(5, "GB")),
        ("MigrationLogMaxFileSize", ByteQuantifiedSize.from_units(100, "MB")),
        ("MAPIEncryptionRequired", False),
        ("RetentionLogForManagedFoldersEnabled", False),
        ("JournalingLogForManagedFoldersEnabled", False),
        ("FolderLogForManagedFoldersEnabled", False),
        ("SubjectLogForManagedFoldersEnabled", False),
        ("SubmissionServerOverrideList", MultiValuedProperty()),
        ("AutoDatabaseMountDial", "GoodAvailability"),
        ("ForceGroupMetricsGeneration", False),
        ("IsPhoneticSupportEnabled", False),
        ("Locale", MultiValuedProperty(["en-US"] if status else [])),
        ("DatabaseAvailabilityGroup", None),
        ("DatabaseCopyAutoActivationPolicy", "Unrestricted"),
        ("DatabaseCopyActivationDisabledAndMoveNow", False),
        ("FaultZone", "FaultZone1"),
        ("AutoDagServerConfigured", False),
        ("TransportSyncDispatchEnabled", False),
        ("MaxTransportSyncDispatchers", 5),
        ("TransportSyncLogEnabled", False),
        ("TransportSyncLogLoggingLevel", "None"),
        ("AdminDisplayVersion", server.AdminDisplayVersion),
        ("ExchangeLegacyDN", server.ExchangeLegacyDN),
        ("Fqdn", server.Fqdn),
        ("ServerRole", server.ServerRole),
    ]
    return _object(cmd, server, "MailboxServer", pairs)


def client_access_server(cmd: ExchangeCmdlet, server: Any, type_name: str, show_account: bool) -> ExchangeObject:
    """Get-ClientAccessServer / Get-ClientAccessService's object.  The alternate service account
    shows only when one of the -IncludeAlternateServiceAccountCredential* switches asks for it;
    none is configured in an emulated organization."""
    from emshell.model.values import MultiValuedProperty

    site = str(server.site_name or cmd.org.settings.site)
    account = "Latest: <not set>, Previous: <not set>" if show_account else None
    pairs = [
        ("Fqdn", server.Fqdn),
        ("OutlookAnywhereEnabled", True),
        ("AutoDiscoverServiceCN", server.Name),
        ("AutoDiscoverServiceClassName", "ms-Exchange-AutoDiscover-Service"),
        ("AutoDiscoverServiceInternalUri", f"https://{server.Fqdn}/Autodiscover/Autodiscover.xml"),
        ("AutoDiscoverServiceGuid", AUTODISCOVER_SERVICE_GUID),
        ("AutoDiscoverSiteScope", MultiValuedProperty([site])),
        ("AlternateServiceAccountConfiguration", account),
        ("IsOutOfService", False),
    ]
    return _object(cmd, server, type_name, pairs)


def with_status(org: Any, server_object: ExchangeObject) -> ExchangeObject:
    """Get-ExchangeServer -Status: the domain controllers the server uses right now."""
    from emshell.model.values import MultiValuedProperty

    dc = org.settings.domain_controller
    server_object.set_property("ErrorReportingEnabled", False)
    server_object.set_property("CurrentDomainControllers", MultiValuedProperty([dc]))
    server_object.set_property("CurrentGlobalCatalogs", MultiValuedProperty([dc]))
    server_object.set_property("CurrentConfigDomainController", dc)
    return server_object
