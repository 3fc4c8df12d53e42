"""The recipient cmdlets UM scripts lean on: Get-Mailbox, Set-Mailbox, Get-User, Get-Recipient.

They are not UM cmdlets, so ``cmdlets.json`` has no metadata for them: it is declared here by
hand from the public cmdlet reference, limited to the parameters that exist in Exchange 2016
on-premises and that UM scripts and the reference's examples use.  The query helpers
(``-Filter``, ``-Anr``, ``-OrganizationalUnit``, ``-ResultSize``, ``-SortBy``) serve the UM
mailbox cmdlets too.
"""

from __future__ import annotations

from emshell.cmdlets.exchange import EXCHANGE_MODULE, EXCHANGE_VERSION
from emshell.cmdlets.exchange.runtime import exchange_cmdlet
from emshell.engine.metadata import CommandMetadata, parameter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet

RECIPIENT_TASKS = "Microsoft.Exchange.Management.RecipientTasks."
EXCHANGE_TASKS = "Microsoft.Exchange.Configuration.Tasks."
DEFAULT_RESULT_SIZE = 1000

# Recalled from EMS (not verified against a capture): the warnings of a truncated result.
DEFAULT_RESULT_SIZE_WARNING = (
    'By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of '
    'items returned. To return all items, specify "-ResultSize Unlimited". Be aware that, depending upon the actual '
    "number of items, returning all items can take a long time and consume a large amount of memory. Also, we "
    "don't recommend storing the results in a variable. Instead, pipe the results to another task or script to "
    "perform batch changes."
)
RESULT_SIZE_WARNING = (
    "There are more results available than are currently displayed. To view them, increase the value for the "
    "ResultSize parameter."
)

PROPERTY_SET_NOT_EMULATED = ("emshell does not emulate property sets: -PropertySet {0} returns every property, as "
                             "-PropertySet All does.")  # fmt: skip

# The special kinds of mailbox each Get-Mailbox switch selects (emshell's org has only the
# arbitration ones; the others select nothing).
_MAILBOX_KIND_SWITCHES = {
    "Arbitration": ("ArbitrationMailbox",), "AuditLog": ("AuditLogMailbox",), "AuxAuditLog": ("AuxAuditLogMailbox",),
    "Monitoring": ("MonitoringMailbox",), "PublicFolder": ("PublicFolderMailbox",), "Migration": ("MigrationMailbox",),
    "GroupMailbox": ("GroupMailbox",), "SoftDeletedMailbox": ("SoftDeletedMailbox",),
    "InactiveMailboxOnly": ("InactiveMailbox",),
}  # fmt: skip
_SYSTEM_DETAILS = ("ArbitrationMailbox", "DiscoveryMailbox")


# --------------------------------------------------------------------------- metadata


def recipient_metadata(name: str, implementing_type: str, synopsis: str, parameters: list, *,
                       default_set: str | None = None, should_process: bool = False) -> CommandMetadata:  # fmt: skip
    """The metadata of a recipient cmdlet declared here (not from cmdlets.json)."""
    return CommandMetadata(
        name, parameters, default_parameter_set=default_set, supports_should_process=should_process,
        confirm_impact="Medium", kind="Function", module=EXCHANGE_MODULE, version=EXCHANGE_VERSION, remote=True,
        implementing_type=RECIPIENT_TASKS + implementing_type, synopsis=synopsis,
    )  # fmt: skip


def _switches(*names: str, sets: tuple[str, ...] = ()) -> list:
    return [parameter(n, "SwitchParameter", sets=sets) for n in names]


def _query_parameters(*sets: str) -> list:
    """Parameters every recipient Get- cmdlet has, in every parameter set."""
    return [
        parameter("Credential", "PSCredential", sets=sets),
        parameter("DomainController", "Fqdn", sets=sets),
        parameter("Filter", "String", sets=sets),
        parameter("OrganizationalUnit", "OrganizationalUnitIdParameter", sets=sets),
        parameter("ResultSize", "Unlimited", sets=sets),
        parameter("SortBy", "String", sets=sets),
        *_switches("IgnoreDefaultScope", "ReadFromDomainController", sets=sets),
    ]


_GET_MAILBOX_SETS = ("AnrSet", "DatabaseSet", "Identity", "ServerSet")
GET_MAILBOX = recipient_metadata("Get-Mailbox", "GetMailbox", "Returns mailbox objects and their attributes.", [
    parameter("Identity", "MailboxIdParameter", position=0, pipeline=True, by_property_name=True, sets=("Identity",)),
    parameter("Anr", "String", sets=("AnrSet",)),
    parameter("Database", "DatabaseIdParameter", pipeline=True, by_property_name=True, sets=("DatabaseSet",)),
    parameter("Server", "ServerIdParameter", sets=("ServerSet",)),
    parameter("RecipientTypeDetails", "RecipientTypeDetails[]", sets=_GET_MAILBOX_SETS),
    *_switches("Arbitration", "Archive", "AuditLog", "AuxAuditLog", "GroupMailbox", "Migration", "Monitoring",
               "PublicFolder", "RemoteArchive", sets=_GET_MAILBOX_SETS),
    *_switches("InactiveMailboxOnly", "IncludeInactiveMailbox", "SoftDeletedMailbox", sets=("AnrSet", "Identity")),
    *_query_parameters(*_GET_MAILBOX_SETS),
], default_set="Identity")  # fmt: skip

GET_USER = recipient_metadata("Get-User", "GetUser", "Returns user objects and their attributes.", [
    parameter("Identity", "UserIdParameter", position=0, pipeline=True, by_property_name=True, sets=("Identity",)),
    parameter("Anr", "String", sets=("AnrSet",)),
    parameter("RecipientTypeDetails", "RecipientTypeDetails[]", sets=("AnrSet", "Identity")),
    *_switches("Arbitration", sets=("AnrSet", "Identity")),
    *_query_parameters("AnrSet", "Identity"),
], default_set="Identity")  # fmt: skip

_GET_RECIPIENT_SETS = ("AnrSet", "DatabaseSet", "Identity", "RecipientPreviewFilterSet")
GET_RECIPIENT = recipient_metadata("Get-Recipient", "GetRecipient", "Returns mail-enabled objects (mailboxes, mail "
                                   "users, mail contacts and distribution groups).", [
    parameter("Identity", "RecipientIdParameter", position=0, pipeline=True, by_property_name=True,
              sets=("Identity",)),
    parameter("Anr", "String", sets=("AnrSet",)),
    parameter("Database", "DatabaseIdParameter", pipeline=True, by_property_name=True, sets=("DatabaseSet",)),
    parameter("RecipientPreviewFilter", "String", sets=("RecipientPreviewFilterSet",)),
    parameter("RecipientType", "RecipientType[]", sets=_GET_RECIPIENT_SETS),
    parameter("RecipientTypeDetails", "RecipientTypeDetails[]", sets=_GET_RECIPIENT_SETS),
    parameter("PropertySet", "String", sets=_GET_RECIPIENT_SETS,
              accepted_values=("ConsoleSmallSet", "ConsoleLargeSet", "All", "ControlPanel", "Minimum")),
    parameter("BookmarkDisplayName", "String", sets=("Identity",)),
    parameter("IncludeBookmarkObject", "Boolean", sets=("Identity",)),
    *_switches("IncludeSoftDeletedRecipients", sets=_GET_RECIPIENT_SETS),
    *_query_parameters(*_GET_RECIPIENT_SETS),
], default_set="Identity")  # fmt: skip

SET_MAILBOX = recipient_metadata("Set-Mailbox", "SetMailbox", "Changes the settings of a mailbox.", [
    parameter("Identity", "MailboxIdParameter", position=0, mandatory=True, pipeline=True, by_property_name=True),
    *_switches("Arbitration", "Force", "IgnoreDefaultScope"),
    parameter("Alias", "String"),
    parameter("DisplayName", "String"),
    parameter("Name", "String"),
    parameter("EmailAddresses", "MultiValuedProperty", multi_valued=True),
    parameter("PrimarySmtpAddress", "SmtpAddress"),
    parameter("Office", "String"),
    parameter("HiddenFromAddressListsEnabled", "Boolean"),
    parameter("DeliverToMailboxAndForward", "Boolean"),
    parameter("ForwardingSmtpAddress", "String"),
    parameter("UseDatabaseQuotaDefaults", "Boolean"),
    parameter("IssueWarningQuota", "Unlimited"),
    parameter("ProhibitSendQuota", "Unlimited"),
    parameter("ProhibitSendReceiveQuota", "Unlimited"),
    parameter("MaxSendSize", "Unlimited"),
    parameter("MaxReceiveSize", "Unlimited"),
    parameter("RecipientLimits", "Unlimited"),
    parameter("MailTip", "String"),
    parameter("MailTipTranslations", "MultiValuedProperty", multi_valued=True),
    parameter("MessageTracking", "Boolean"),
    parameter("Password", "SecureString"),
    parameter("ResetPasswordOnNextLogon", "Boolean"),
    parameter("Type", "ConvertibleMailboxSubType"),
    parameter("DomainController", "Fqdn"),
], should_process=True)  # fmt: skip


# --------------------------------------------------------------------------- queries


def property_reader(snapshot: Any) -> Any:
    """``get(name)`` over an output object's properties, any case (for ``-Filter``); stored
    properties the output does not show (a mailbox's ``Department``) are filterable too, as in
    Exchange, where the filterable properties are directory attributes."""
    names = {name.lower(): name for name in snapshot.PS_PROPERTIES}

    def get(name: str) -> Any:
        real = names.get(name.lower())
        if real is not None:
            return getattr(snapshot, real)
        field = snapshot.field(name)
        if field is None:
            raise KeyError(name)
        return snapshot.get_stored(field)

    return get


def apply_filter(cmd: ExchangeCmdlet, snapshots: list) -> list:
    """Keep the objects that ``-Filter`` selects (a bad filter is the server's error)."""
    text = cmd.params.get("Filter")
    if text is None:
        return snapshots
    from emshell.cmdlets.exchange import opath
    from emshell.model.errors import ModelError

    try:
        chosen = opath.parse(text)
        return [s for s in snapshots if chosen.matches(property_reader(s))]
    except opath.FilterError as error:
        message = f'Cannot bind parameter \'Filter\' to the target. Exception setting "Filter": "{error.message}"'
        raise ModelError(message, error_id="InvalidFilter", category="InvalidArgument",
                         exception_type="System.Management.Automation.ParameterBindingException") from None


def anr_matches(record: Any, text: str) -> bool:
    """Ambiguous name resolution: a prefix of the name, display name, first or last name or alias."""
    wanted = text.strip().lower()
    values = (getattr(record, name, None) for name in ("Name", "DisplayName", "FirstName", "LastName", "Alias"))
    return any(str(value).lower().startswith(wanted) for value in values if value)


def organizational_unit(cmd: ExchangeCmdlet, identity: Any) -> str:
    """The canonical name of the container ``-OrganizationalUnit`` names (name, canonical name
    or distinguished name), or EMS's not-found error."""
    from emshell.model.errors import AmbiguousIdentityError, ObjectNotFoundError
    from emshell.model.recipients import container_dn

    org = cmd.org
    known = {f"{org.settings.domain}/Users".lower(): f"{org.settings.domain}/Users"}
    for record in [*org.mailboxes, *org.recipients]:
        known.setdefault(str(record.OrganizationalUnit).lower(), str(record.OrganizationalUnit))
    text = str(identity).strip()
    lowered = text.lower()
    found = [c for key, c in known.items()
             if lowered in (key, key.rsplit("/", 1)[-1], container_dn(c, org.settings).lower())]  # fmt: skip
    if not found:
        raise ObjectNotFoundError(text, org.settings.domain_controller, "organizationalUnit")
    if len(found) > 1:
        raise AmbiguousIdentityError(text, found, "organizationalUnit")
    return found[0]


def in_container(record: Any, canonical: str) -> bool:
    """Is the recipient in the container or one below it?"""
    own = str(record.OrganizationalUnit).lower()
    return own == canonical.lower() or own.startswith(canonical.lower() + "/")


def database_name(cmd: ExchangeCmdlet, identity: Any) -> str:
    """A mailbox database by name; EMS's captured error when there is none."""
    from emshell.model.errors import EXCHANGE_TASKS as TASKS
    from emshell.model.errors import ModelError

    names = {str(n).lower(): str(n) for m in cmd.org.mailboxes for n in (m.Database, m.ArchiveDatabase) if n}
    text = str(identity).strip()
    if text.lower() not in names:
        raise ModelError(f'Couldn\'t find database "{text}". Make sure you have typed it correctly.',
                         target=text, error_id="DatabaseNotFound",
                         exception_type=TASKS + "ManagementObjectNotFoundException")  # fmt: skip
    return names[text.lower()]


_SORTABLE = ("Name", "DisplayName", "Alias", "City", "FirstName", "LastName", "Office", "ServerLegacyDN")


def sort_and_limit(cmd: ExchangeCmdlet, snapshots: list, sortable: Iterable[str] = _SORTABLE) -> list:
    """``-SortBy`` (one property, ascending) and ``-ResultSize`` with EMS's truncation warning."""
    from emshell.model.errors import ModelError

    sort_by = cmd.params.get("SortBy")
    if sort_by is not None:
        allowed = {name.lower(): name for name in sortable}
        name = allowed.get(str(sort_by).strip().lstrip("-").lower())
        if name is None:
            raise ModelError(f'The property "{sort_by}" can\'t be used to sort the results. Use one of: '
                             f'{", ".join(sortable)}.', target=sort_by, error_id="InvalidSortProperty",
                             category="InvalidArgument")  # fmt: skip
        snapshots = sorted(snapshots, key=lambda s: (getattr(s, name, None) is None, str(getattr(s, name, "") or "").lower()))
    size = cmd.params.get("ResultSize")
    if size is None:
        limit: int | None = DEFAULT_RESULT_SIZE
    else:
        limit = getattr(size, "value", size)
    if limit is not None and len(snapshots) > limit:
        snapshots = snapshots[:limit]
        cmd.write_warning(DEFAULT_RESULT_SIZE_WARNING if size is None else RESULT_SIZE_WARNING)
    return snapshots


def select_recipients(cmd: ExchangeCmdlet, records: list, identity_kind: str) -> list:
    """The records an ``-Identity`` / ``-Anr`` / ``-OrganizationalUnit`` query keeps."""
    params = cmd.params
    identity = params.get("Identity")
    if identity is not None:
        found = wildcard_matches(records, identity) or cmd.org.find(identity_kind, identity)
        records = [r for r in records if any(r is f for f in found)]
        if not records:
            if not found:
                cmd.resolve(identity_kind, identity)  # EMS's "couldn't be found" error
            _not_found(cmd, identity)
    if params.get("Anr") is not None:
        records = [r for r in records if anr_matches(r, str(params["Anr"]))]
    if params.get("OrganizationalUnit") is not None:
        container = organizational_unit(cmd, params["OrganizationalUnit"])
        records = [r for r in records if in_container(r, container)]
    wanted_details = params.get("RecipientTypeDetails")
    if wanted_details is not None:
        names = {str(part).strip().lower() for value in _listed(wanted_details) for part in str(value).split(",")}
        records = [r for r in records if str(r.RecipientTypeDetails).lower() in names]
    return records


def wildcard_matches(records: list, identity: Any) -> list:
    """Get- cmdlets accept ``*`` in a name, alias or address (``Get-Mailbox John*``)."""
    if not isinstance(identity, str) or "*" not in identity:
        return []
    import fnmatch

    pattern = identity.strip().lower()
    fields = ("Name", "Alias", "DisplayName", "PrimarySmtpAddress")
    return [r for r in records
            if any(fnmatch.fnmatchcase(str(getattr(r, f, "") or "").lower(), pattern) for f in fields)]  # fmt: skip


def _listed(value: Any) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _not_found(cmd: ExchangeCmdlet, identity: Any) -> None:
    """An identity that names objects the query excludes (for example a mailbox without an
    archive under ``-Archive``) is "not found", as in EMS."""
    from emshell.cmdlets.exchange.types import identity_text
    from emshell.model.errors import ObjectNotFoundError

    raise ObjectNotFoundError(str(identity_text(identity)), cmd.org.settings.domain_controller)


# --------------------------------------------------------------------------- Get-Mailbox


def _mailbox_kind_filter(params: dict) -> Any:
    """What kind of mailbox the switches ask for: a tuple of RecipientTypeDetails-like names."""
    for switch, kinds in _MAILBOX_KIND_SWITCHES.items():
        if params.get(switch):
            return kinds
    return None


@exchange_cmdlet("Get-Mailbox", metadata=GET_MAILBOX)
def get_mailbox(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.model.recipients import MailboxPresentation

    records = list(cmd.org.mailboxes)
    kinds = _mailbox_kind_filter(params)
    if kinds is None:
        records = [m for m in records if str(m.RecipientTypeDetails) not in _SYSTEM_DETAILS]
    else:
        records = [m for m in records if str(m.RecipientTypeDetails) in kinds]
    if params.get("Archive"):
        records = [m for m in records if m.ArchiveDatabase or m.ArchiveDomain]
    if params.get("RemoteArchive"):
        records = [m for m in records if m.ArchiveDomain]
    if params.get("Database") is not None:
        database = database_name(cmd, params["Database"]).lower()
        use_archive = bool(params.get("Archive"))
        records = [m for m in records if str((m.ArchiveDatabase if use_archive else m.Database) or "").lower() == database]
    if params.get("Server") is not None:
        server = cmd.resolve("mailboxServer", params["Server"])
        records = [m for m in records if str(m.ServerName or "").lower() == server.Name.lower()]
    records = select_recipients(cmd, records, "mailbox")
    snapshots = [m.presented_as(MailboxPresentation).snapshot() for m in records]
    return [cmd.output(s) for s in sort_and_limit(cmd, apply_filter(cmd, snapshots))]


@exchange_cmdlet("Get-User", metadata=GET_USER)
def get_user(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.model.recipients import UserPresentation

    records = [m for m in cmd.org.mailboxes
               if bool(params.get("Arbitration")) == (str(m.RecipientTypeDetails) in _SYSTEM_DETAILS)]  # fmt: skip
    records = select_recipients(cmd, records, "mailbox")
    snapshots = [m.presented_as(UserPresentation).snapshot() for m in records]
    return [cmd.output(s) for s in sort_and_limit(cmd, apply_filter(cmd, snapshots))]


@exchange_cmdlet("Get-Recipient", metadata=GET_RECIPIENT)
def get_recipient(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.model.recipients import RecipientPresentation

    records = [m for m in cmd.org.mailboxes if str(m.RecipientTypeDetails) not in _SYSTEM_DETAILS]
    records = sorted([*records, *cmd.org.recipients], key=lambda r: str(r.Name).lower())
    if params.get("Database") is not None:
        database = database_name(cmd, params["Database"]).lower()
        records = [r for r in records if str(getattr(r, "Database", None) or "").lower() == database]
    records = select_recipients(cmd, records, "recipient")
    snapshots = [r.presented_as(RecipientPresentation).snapshot() if r.is_mailbox else r.snapshot() for r in records]
    wanted_types = params.get("RecipientType")
    if wanted_types is not None:
        names = {str(part).strip().lower() for value in _listed(wanted_types) for part in str(value).split(",")}
        snapshots = [s for s in snapshots if str(s.RecipientType).lower() in names]
    if params.get("RecipientPreviewFilter") is not None:
        cmd.params = {**params, "Filter": params["RecipientPreviewFilter"]}
    if params.get("PropertySet") is not None:
        cmd.write_warning(PROPERTY_SET_NOT_EMULATED.format(params["PropertySet"]))
    return [cmd.output(s) for s in sort_and_limit(cmd, apply_filter(cmd, snapshots))]


# --------------------------------------------------------------------------- Set-Mailbox

_MESSAGE_TRACKING = "OrganizationCapabilityMessageTracking"
_SUBTYPES = {"Regular": "UserMailbox", "Room": "RoomMailbox", "Equipment": "EquipmentMailbox", "Shared": "SharedMailbox"}
_SET_MAILBOX_FIELDS = (
    "Alias", "DisplayName", "Name", "Office", "HiddenFromAddressListsEnabled", "DeliverToMailboxAndForward",
    "ForwardingSmtpAddress", "UseDatabaseQuotaDefaults", "IssueWarningQuota", "ProhibitSendQuota",
    "ProhibitSendReceiveQuota", "MaxSendSize", "MaxReceiveSize", "RecipientLimits", "MailTip", "MailTipTranslations",
    "ResetPasswordOnNextLogon",
)  # fmt: skip


def resolve_mailbox(cmd: ExchangeCmdlet, identity: Any, *, arbitration: bool = False) -> Any:
    """The mailbox ``-Identity`` names; arbitration mailboxes only with ``-Arbitration``."""
    mailbox = cmd.resolve("mailbox", identity)
    if (str(mailbox.RecipientTypeDetails) in _SYSTEM_DETAILS) != arbitration:
        _not_found(cmd, identity)
    return mailbox


@exchange_cmdlet("Set-Mailbox", metadata=SET_MAILBOX)
def set_mailbox(cmd: ExchangeCmdlet, params: dict) -> None:
    identity = params["Identity"]
    mailbox = resolve_mailbox(cmd, identity, arbitration=bool(params.get("Arbitration")))
    changes = cmd.changes([n for n in _SET_MAILBOX_FIELDS if n in params])
    if "Type" in params:
        changes["RecipientTypeDetails"] = _SUBTYPES[str(params["Type"])]
    if "MessageTracking" in params:
        capabilities = [c for c in mailbox.PersistedCapabilities if c != _MESSAGE_TRACKING]
        changes["PersistedCapabilities"] = capabilities + ([_MESSAGE_TRACKING] if params["MessageTracking"] else [])
    addresses = _address_change(mailbox, params)

    def change() -> Any:
        result = cmd.org.set_email_addresses(mailbox, addresses) if addresses is not None else None
        later = cmd.org.set_properties(mailbox, changes) if changes else None
        return [r for r in (result, later) if r is not None]

    dry_run(cmd, change)
    if not cmd.should_process(str(identity)):
        return
    results = change()
    for note in (n for r in results for n in r.notes):
        cmd.write_warning(note.text)
    if not any(r.changed for r in results) and "Password" not in params:
        cmd.write_warning(f"The command completed successfully but no settings of '{identity}' have been modified.")


def _address_change(mailbox: Any, params: dict) -> Any:
    """``-EmailAddresses`` and ``-PrimarySmtpAddress`` as one edit of the proxy addresses."""
    from emshell.cmdlets.exchange.types import MultiValuedEdit, multi_valued_change

    value = multi_valued_change(params.get("EmailAddresses", ...))
    if isinstance(value, MultiValuedEdit):
        value = value.as_model_change()
    primary = params.get("PrimarySmtpAddress")
    if primary is None:
        return None if value is ... else value
    if value is ...:  # the new primary, the old one kept as a secondary address
        kept = [f"smtp:{a.address}" if a.prefix == "SMTP" else str(a) for a in mailbox.EmailAddresses
                if str(a).lower() != f"smtp:{primary}".lower()]  # fmt: skip
        return [f"SMTP:{primary}", *kept]
    if isinstance(value, dict):
        return {**value, "Add": [*(value.get("Add") or ()), f"SMTP:{primary}"]}
    return [f"SMTP:{primary}", *[v for v in value or () if str(v).lower().rpartition(":")[2] != str(primary).lower()]]


class _Rollback(Exception):
    """Raised inside a transaction to undo a trial run."""


def dry_run(cmd: ExchangeCmdlet, change: Any) -> Any:
    """Run ``change`` and undo it: Exchange validates a change before it asks ShouldProcess, so
    a command that would fail fails under ``-WhatIf`` too.  Returns what ``change`` returned."""
    box: list = []
    try:
        with cmd.org.transaction():
            box.append(change())
            raise _Rollback
    except _Rollback:
        pass
    return box[0] if box else None
