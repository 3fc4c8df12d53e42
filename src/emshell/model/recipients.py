"""Mailboxes as the UM cmdlets see them, their call answering rules and their UM PIN state.

No reference gives the property order of ``UMMailbox``, ``UMCallAnsweringRule`` or
``UMMailboxPin``: the orders below follow the declaration order of the cmdlet parameters
(Set-UMMailbox, then Enable-UMMailbox, then the mailbox's identity and UM state), then the
presentation tail.  See APPROXIMATIONS.md.
"""

from __future__ import annotations

from emshell.model.callanswering import CallerIdItem, KeyMapping, TimeOfDay
from emshell.model.enums import RECIPIENT
from emshell.model.fields import Boolean, Enum, Field, Integer, Multi, Parsed, Reference, Text, UnlimitedOf
from emshell.model.record import (
    ADO,
    ADP_TAIL,
    CONFIGURABLE_TAIL,
    PRESENTATION_CHAIN,
    DirectoryObject,
    Record,
    computed,
    field_slots,
)
from emshell.model.values import (
    ADObjectId,
    MultiValuedProperty,
    ProxyAddress,
    SmtpAddress,
    Unlimited,
    enum_value,
    escape_rdn,
)

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

SC = ADO + "SystemConfiguration."
MANAGEMENT = ADO + "Management."


class SmtpProxyAddress(ProxyAddress):
    """An SMTP address kept as a proxy address (``ForwardingSmtpAddress`` shows ``smtp:x@y``)."""

    __slots__ = ()
    PREFIX = "smtp"

    @classmethod
    def parse(cls, text: object) -> SmtpProxyAddress:
        word = str(text).strip()
        if word.lower().startswith("smtp:"):
            word = word[5:]
        return cls(f"{cls.PREFIX}:{SmtpAddress.parse(word)}")


class ExternalSmtpAddress(SmtpProxyAddress):
    """A mail contact's external address (shows ``SMTP:x@y``)."""

    __slots__ = ()
    PREFIX = "SMTP"


def _unlimited_size() -> Unlimited:
    return Unlimited(None, "ByteQuantifiedSize")


MAILBOX_FIELDS = (
    # Set-UMMailbox, in the reference's parameter order
    Field("AllowUMCallsFromNonUsers", Enum(SC + "AllowUMCallsFromNonUsersFlags"), "SearchEnabled"),
    Field("AnonymousCallersCanLeaveMessages", Boolean(), True),
    Field("AutomaticSpeechRecognitionEnabled", Boolean(), True),
    Field("CallAnsweringAudioCodec", Enum(SC + "AudioCodecEnum"), "Mp3"),
    Field("CallAnsweringRulesEnabled", Boolean(), True),
    Field("FaxEnabled", Boolean(), True),
    Field("ImListMigrationCompleted", Boolean(), False),
    Field("MissedCallNotificationEnabled", Boolean(), True),
    Field("Name", Text(64, 1), required=True),
    Field("OperatorNumber", Text(20)),
    Field("PinlessAccessToVoiceMailEnabled", Boolean(), False),
    Field("PlayOnPhoneEnabled", Boolean(), True),
    Field("SubscriberAccessEnabled", Boolean(), True),
    Field("TUIAccessToCalendarEnabled", Boolean(), True),
    Field("TUIAccessToEmailEnabled", Boolean(), True),
    Field("UMMailboxPolicy", Reference("mailboxPolicy")),
    Field("UMSMSNotificationOption", Enum(SC + "UMSMSNotificationOptions"), "None"),
    Field("VoiceMailAnalysisEnabled", Boolean(), True),
    # Enable-UMMailbox
    Field("Extensions", Multi()),
    Field("SIPResourceIdentifier", Text()),
    # the mailbox itself
    Field("UMEnabled", Boolean(), False),
    Field("PhoneNumber", Text(64)),
    Field("EmailAddresses", Multi(ProxyAddress, "Microsoft.Exchange.Data.ProxyAddress")),
    Field("PrimarySmtpAddress", Parsed(SmtpAddress)),
    Field("DisplayName", Text(256)),
    Field("Alias", Text(64, 1), required=True),
    Field("SamAccountName", Text(20)),
    Field("UserPrincipalName", Text(1024)),
    # the mailbox as Get-Mailbox, Set-Mailbox, Get-User and Get-Recipient show it
    Field("OrganizationalUnit", Text(1024)),  # canonical name of the parent container
    Field("RecipientTypeDetails", Enum(RECIPIENT + "RecipientTypeDetails"), "UserMailbox"),
    Field("FirstName", Text(64)),
    Field("LastName", Text(64)),
    Field("Office", Text(128)),
    Field("Department", Text(64)),
    Field("Database", Text(64)),
    Field("ServerName", Text(64)),
    Field("ArchiveDatabase", Text(64)),
    Field("ArchiveDomain", Text(256)),  # set for a remote (cloud) archive
    Field("ArchiveName", Multi()),
    Field("DeliverToMailboxAndForward", Boolean(), False),
    Field("ForwardingSmtpAddress", Parsed(SmtpProxyAddress)),
    Field("UseDatabaseQuotaDefaults", Boolean(), True),
    Field("IssueWarningQuota", UnlimitedOf("ByteQuantifiedSize"), _unlimited_size),
    Field("ProhibitSendQuota", UnlimitedOf("ByteQuantifiedSize"), _unlimited_size),
    Field("ProhibitSendReceiveQuota", UnlimitedOf("ByteQuantifiedSize"), _unlimited_size),
    Field("MaxSendSize", UnlimitedOf("ByteQuantifiedSize"), _unlimited_size),
    Field("MaxReceiveSize", UnlimitedOf("ByteQuantifiedSize"), _unlimited_size),
    Field("RecipientLimits", UnlimitedOf("Int32", 0), lambda: Unlimited(None, "Int32")),
    Field("HiddenFromAddressListsEnabled", Boolean(), False),
    Field("MailTip", Text(175)),
    Field("MailTipTranslations", Multi()),
    Field("ResetPasswordOnNextLogon", Boolean(), False),
    Field("PersistedCapabilities", Multi()),
)


class Mailbox(DirectoryObject):
    """A mailbox, shown as the UM cmdlets show it (EMS type ``UMMailbox``).

    The UM PIN state (Get-UMMailboxPin) is kept on the mailbox: ``pin``, ``pin_expired``,
    ``locked_out``, ``first_logon_completed``."""

    KIND = "mailbox"
    LABEL = "mailbox"
    EXCHANGE_VERSION = "0.20 (15.0.0.0)"
    OBJECT_CATEGORY = "Person"
    OBJECT_CLASS = ("top", "person", "organizationalPerson", "user")
    PS_TYPE_NAMES = (ADO + "Management.UMMailbox",) + PRESENTATION_CHAIN
    PS_PROPERTIES = (
        "AllowUMCallsFromNonUsers", "AnonymousCallersCanLeaveMessages", "AutomaticSpeechRecognitionEnabled",
        "CallAnsweringAudioCodec", "CallAnsweringRulesEnabled", "FaxEnabled", "ImListMigrationCompleted",
        "MissedCallNotificationEnabled", "Name", "OperatorNumber", "PinlessAccessToVoiceMailEnabled",
        "PlayOnPhoneEnabled", "SubscriberAccessEnabled", "TUIAccessToCalendarEnabled", "TUIAccessToEmailEnabled",
        "UMMailboxPolicy", "UMSMSNotificationOption", "VoiceMailAnalysisEnabled", "Extensions",
        "SIPResourceIdentifier", "UMEnabled", "UMDialPlan", "PhoneNumber", "EmailAddresses", "UMAddresses",
        "PrimarySmtpAddress", "DisplayName", "SamAccountName",
    ) + ADP_TAIL  # fmt: skip
    FIELDS = MAILBOX_FIELDS
    CHILD_SLOTS = ("call_answering_rules",)
    __slots__ = field_slots(FIELDS, "pin", "pin_expired", "locked_out", "first_logon_completed", *CHILD_SLOTS)

    def __init__(self, org: Any = None, **values: Any):
        super().__init__(org, **values)
        if self.call_answering_rules is None:
            self.call_answering_rules = []
        for flag in ("pin_expired", "locked_out", "first_logon_completed"):
            if getattr(self, flag) is None:
                setattr(self, flag, False)

    def adopt_children(self) -> None:
        for rule in self.call_answering_rules:
            rule._mailbox = self

    def distinguished_name(self) -> str:
        return f"CN={escape_rdn(self.Name)},{container_dn(self.OrganizationalUnit, self.naming())}"

    def derived_defaults(self) -> dict[str, Any]:
        naming = self.naming()
        address = SmtpAddress(f"{self.Alias}@{naming.domain}")
        first, _, last = str(self.Name or "").partition(" ")
        server = self._org.local_server if self._org is not None else None
        return {
            "DisplayName": self.Name,
            "PrimarySmtpAddress": address,
            "SamAccountName": self.Alias[:20] if self.Alias else None,
            "UserPrincipalName": f"{self.Alias}@{naming.domain}",
            "EmailAddresses": [ProxyAddress(f"SMTP:{self.PrimarySmtpAddress or address}")],
            "OrganizationalUnit": f"{naming.domain}/Users",
            "FirstName": first or None,
            "LastName": last or None,
            "Database": DEFAULT_DATABASE,
            "ServerName": server.Name.lower() if server is not None else None,
        }

    @property
    def policy_guid(self) -> str | None:
        return self._ref_UMMailboxPolicy

    @computed
    def UMDialPlan(self) -> ADObjectId | None:
        org = self._org
        policy = org.get("mailboxPolicy", self.policy_guid) if org and self.policy_guid else None
        return org.directory_id("dialPlan", policy.dial_plan_guid) if policy else None

    @computed
    def UMAddresses(self) -> MultiValuedProperty:
        items = [a for a in self.EmailAddresses if a.prefix.lower() == "eum"]
        return MultiValuedProperty(items, "Microsoft.Exchange.Data.ProxyAddress")

    def check(self) -> None:
        """Exchange's quota rule: warning <= prohibit send <= prohibit send and receive."""
        from emshell.model.errors import PropertyValidationError

        order = ("IssueWarningQuota", "ProhibitSendQuota", "ProhibitSendReceiveQuota")
        for lower, higher in zip(order, order[1:]):
            small, large = getattr(self, lower), getattr(self, higher)
            if small is not None and large is not None and small.exceeds(large):
                raise PropertyValidationError(
                    f"The value of property '{higher}' must be greater than or equal to that of property "
                    f"'{lower}'. {higher}: {large}, {lower}: {small}.",
                    target=higher,
                    error_id="QuotaOrder",
                )

    @property
    def is_mailbox(self) -> bool:
        return True

    def pin_view(self) -> UMMailboxPin:
        """The mailbox's UM PIN state as Get-UMMailboxPin returns it."""
        return UMMailboxPin.of(self)

    def presented_as(self, view: type[Mailbox]) -> Mailbox:
        """This mailbox as another presentation class shows it (Get-Mailbox, Get-User,
        Get-Recipient): the same stored state, another type name and property list."""
        twin = object.__new__(view)
        for slot in self._ALL_SLOTS:
            object.__setattr__(twin, slot, getattr(self, slot))
        return twin


class UMMailboxPin(Record):
    """Get-UMMailboxPin output: a view of a mailbox's PIN state (not stored)."""

    KIND = "mailboxPin"
    LABEL = "UM mailbox PIN"
    PS_TYPE_NAMES = ("Microsoft.Exchange.Management.UM.UMMailboxPin", "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
    PS_PROPERTIES = ("UserID", "PinExpired", "FirstLogonCompleted", "LockedOut") + CONFIGURABLE_TAIL
    __slots__ = ("UserID", "PinExpired", "FirstLogonCompleted", "LockedOut", "Identity")

    @classmethod
    def of(cls, mailbox: Mailbox) -> UMMailboxPin:
        view = cls(None)
        view.UserID = str(mailbox.PrimarySmtpAddress)
        view.PinExpired = bool(mailbox.pin_expired)
        view.FirstLogonCompleted = bool(mailbox.first_logon_completed)
        view.LockedOut = bool(mailbox.locked_out)
        view.Identity = mailbox.Identity
        return view

    @computed
    def IsValid(self) -> bool:
        return True

    @computed
    def ObjectState(self) -> Any:
        return enum_value("Microsoft.Exchange.Data.ObjectState", "Unchanged")


class UMCallAnsweringRule(Record):
    """A call answering rule stored in a UM-enabled mailbox."""

    KIND = "callAnsweringRule"
    LABEL = "call answering rule"
    PS_TYPE_NAMES = (
        "Microsoft.Exchange.Management.UM.UMCallAnsweringRule", "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    )  # fmt: skip
    PS_PROPERTIES = (
        "Name", "CallerIds", "CallersCanInterruptGreeting", "CheckAutomaticReplies", "ExtensionsDialed",
        "KeyMappings", "Mailbox", "Priority", "ScheduleStatus", "TimeOfDay", "Enabled",
    ) + CONFIGURABLE_TAIL  # fmt: skip
    FIELDS = (
        Field("Name", Text(255, 1), required=True),
        Field("CallerIds", Multi(CallerIdItem.parse, CallerIdItem.TYPE_NAMES[0], max_items=50)),
        Field("CallersCanInterruptGreeting", Boolean(), False),
        Field("CheckAutomaticReplies", Boolean(), False),
        Field("ExtensionsDialed", Multi()),
        Field("KeyMappings", Multi(KeyMapping.parse, KeyMapping.TYPE_NAMES[0], max_items=10)),
        Field("Priority", Integer(1, 9), 9),
        Field("ScheduleStatus", Integer(0, 15), 0),
        Field("TimeOfDay", Parsed(TimeOfDay)),
        Field("Enabled", Boolean(), True),
    )
    __slots__ = field_slots(FIELDS, "Guid", "_mailbox")

    @property
    def mailbox(self) -> Mailbox:
        return self._mailbox

    @computed
    def Mailbox(self) -> ADObjectId:
        return self._mailbox.directory_id()

    @computed
    def Identity(self) -> str:
        return f"{self._mailbox.Identity}\\{self.Guid}"

    @computed
    def IsValid(self) -> bool:
        return True

    @computed
    def ObjectState(self) -> Any:
        return enum_value("Microsoft.Exchange.Data.ObjectState", "Unchanged")

    @property
    def display_name(self) -> str:
        return self.Name

    def check(self) -> None:
        from emshell.model.callanswering import check_rule

        check_rule(self._org, self)

    def touch(self, when: Any) -> None:
        """Rules live in the mailbox store; they carry no directory timestamps."""


# --------------------------------------------------------------------------- directory placement

DEFAULT_DATABASE = "MBXDB01"  # the mailbox database of a mailbox whose org file names none


def container_dn(canonical: Any, naming: Any) -> str:
    """The distinguished name of a recipient container from its canonical name: the built-in
    ``Users`` container is a CN, anything else an organizational unit (``contoso.com/Sales/West``
    is ``OU=West,OU=Sales,DC=contoso,DC=com``)."""
    domain = naming.domain
    path = [part for part in str(canonical or f"{domain}/Users").split("/") if part]
    if path and path[0].lower() == domain.lower():
        path = path[1:]
    if not path:
        return naming.domain_dn
    attr = "CN" if path[0].lower() in ("users", "builtin", "computers") else "OU"
    rdns = [f"{attr}={escape_rdn(part)}" for part in reversed(path)]
    return ",".join([*rdns, naming.domain_dn])


# What RecipientType each RecipientTypeDetails value belongs to (mailboxes are all UserMailbox).
_RECIPIENT_TYPES = {
    "MailContact": "MailContact", "MailUser": "MailUser", "MailForestContact": "MailContact",
    "MailUniversalDistributionGroup": "MailUniversalDistributionGroup", "RoomList": "MailUniversalDistributionGroup",
    "MailUniversalSecurityGroup": "MailUniversalSecurityGroup", "MailNonUniversalGroup": "MailNonUniversalGroup",
    "DynamicDistributionGroup": "DynamicDistributionGroup", "PublicFolder": "PublicFolder",
    "SystemMailbox": "SystemMailbox", "SystemAttendantMailbox": "SystemAttendantMailbox",
}  # fmt: skip
MAILBOX_TYPE_DETAILS = ("UserMailbox", "LinkedMailbox", "SharedMailbox", "LegacyMailbox", "RoomMailbox",
                        "EquipmentMailbox", "ArbitrationMailbox", "DiscoveryMailbox")  # fmt: skip
CONTACT_AND_GROUP_DETAILS = ("MailContact", "MailUser", "MailUniversalDistributionGroup", "MailUniversalSecurityGroup",
                             "MailNonUniversalGroup", "DynamicDistributionGroup", "RoomList")  # fmt: skip


def recipient_type(details: Any) -> Any:
    return enum_value(RECIPIENT + "RecipientType", _RECIPIENT_TYPES.get(str(details), "UserMailbox"))


RECIPIENT_TAIL = (
    "Identity", "IsValid", "ExchangeVersion", "Name", "DistinguishedName", "Guid", "ObjectCategory", "ObjectClass",
    "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer",
    "ObjectState",
)  # fmt: skip
"""The tail of a recipient presentation object (Mailbox, User, ReducedRecipient): as ADP_TAIL,
with ``Name`` after ``ExchangeVersion``."""


class _RecipientFacts:
    """Computed properties the recipient presentations share."""

    __slots__ = ()

    @computed
    def RecipientType(self) -> Any:
        return recipient_type(self.RecipientTypeDetails)

    @computed
    def WindowsEmailAddress(self) -> Any:
        return self.PrimarySmtpAddress


# --------------------------------------------------------------------------- mailbox presentations


class MailboxPresentation(_RecipientFacts, Mailbox):
    """A mailbox as Get-Mailbox returns it (``Microsoft.Exchange.Data.Directory.Management.Mailbox``).

    The real class has about 200 properties; this view keeps the ones the UM scripts and the
    Set-Mailbox parameters emshell models use, in the order a real ``Get-Mailbox | fl`` lists
    them (from memory; APPROXIMATIONS.md)."""

    __slots__ = ()
    PS_TYPE_NAMES = (MANAGEMENT + "Mailbox", MANAGEMENT + "MailEnabledOrgPerson", MANAGEMENT + "MailEnabledRecipient",
                     ) + PRESENTATION_CHAIN  # fmt: skip
    PS_PROPERTIES = (
        "Database", "DeliverToMailboxAndForward", "ExchangeGuid", "ForwardingSmtpAddress", "IsMailboxEnabled",
        "ProhibitSendQuota", "ProhibitSendReceiveQuota", "RecipientLimits", "IsResource", "IsLinked", "IsShared",
        "ResetPasswordOnNextLogon", "SamAccountName", "ServerName", "UseDatabaseQuotaDefaults", "IssueWarningQuota",
        "Office", "UserPrincipalName", "UMEnabled", "ArchiveDatabase", "ArchiveName", "ArchiveDomain", "ArchiveStatus",
        "PersistedCapabilities", "Alias", "OrganizationalUnit", "DisplayName", "EmailAddresses",
        "HiddenFromAddressListsEnabled", "MaxSendSize", "MaxReceiveSize", "PrimarySmtpAddress", "RecipientType",
        "RecipientTypeDetails", "WindowsEmailAddress", "MailTip", "MailTipTranslations",
    ) + RECIPIENT_TAIL  # fmt: skip

    @computed
    def ExchangeGuid(self) -> Any:
        from emshell.model.values import Guid

        org = self._org
        return Guid(org.ids.guid_for("exchangeGuid", self.Guid)) if org is not None else None

    @computed
    def IsMailboxEnabled(self) -> bool:
        return True

    @computed
    def IsResource(self) -> bool:
        return str(self.RecipientTypeDetails) in ("RoomMailbox", "EquipmentMailbox")

    @computed
    def IsLinked(self) -> bool:
        return str(self.RecipientTypeDetails) == "LinkedMailbox"

    @computed
    def IsShared(self) -> bool:
        return str(self.RecipientTypeDetails) == "SharedMailbox"

    @computed
    def ArchiveStatus(self) -> str:
        return "Active" if self.ArchiveDatabase or self.ArchiveDomain else "None"


class UserPresentation(_RecipientFacts, Mailbox):
    """A mailbox's user account as Get-User returns it (``...Management.User``; subset, order
    approximate)."""

    __slots__ = ()
    PS_TYPE_NAMES = (MANAGEMENT + "User", MANAGEMENT + "OrgPerson") + PRESENTATION_CHAIN
    PS_PROPERTIES = (
        "IsSecurityPrincipal", "SamAccountName", "UserPrincipalName", "ResetPasswordOnNextLogon", "Department",
        "DisplayName", "FirstName", "LastName", "Office", "Phone", "RecipientType", "RecipientTypeDetails",
        "OrganizationalUnit", "UMDialPlan", "WindowsEmailAddress",
    ) + RECIPIENT_TAIL  # fmt: skip

    @computed
    def IsSecurityPrincipal(self) -> bool:
        return True

    @computed
    def Phone(self) -> Any:
        return self.PhoneNumber


RECIPIENT_VIEW_PROPERTIES = (
    "Alias", "ArchiveDatabase", "Database", "DisplayName", "Department", "ExternalEmailAddress", "FirstName",
    "HiddenFromAddressListsEnabled", "LastName", "Office", "OrganizationalUnit", "Phone", "PrimarySmtpAddress",
    "RecipientType", "RecipientTypeDetails", "ServerName", "UMEnabled", "EmailAddresses",
) + RECIPIENT_TAIL  # fmt: skip
REDUCED_RECIPIENT = (MANAGEMENT + "ReducedRecipient",) + PRESENTATION_CHAIN


class RecipientPresentation(_RecipientFacts, Mailbox):
    """A mailbox as Get-Recipient returns it (``...Management.ReducedRecipient``)."""

    __slots__ = ()
    PS_TYPE_NAMES = REDUCED_RECIPIENT
    PS_PROPERTIES = RECIPIENT_VIEW_PROPERTIES

    @computed
    def ExternalEmailAddress(self) -> Any:
        return None

    @computed
    def Phone(self) -> Any:
        return self.PhoneNumber


# --------------------------------------------------------------------------- contacts and groups


class MailRecipient(_RecipientFacts, DirectoryObject):
    """A mail-enabled recipient that is not a mailbox: a mail contact, a mail user or a
    distribution group.  emshell keeps only what Get-Recipient shows of them."""

    KIND = "recipient"
    LABEL = "recipient"
    EXCHANGE_VERSION = "0.10 (14.0.100.0)"
    PS_TYPE_NAMES = REDUCED_RECIPIENT
    PS_PROPERTIES = RECIPIENT_VIEW_PROPERTIES
    FIELDS = (
        Field("Name", Text(64, 1), required=True),
        Field("Alias", Text(64, 1)),
        Field("DisplayName", Text(256)),
        Field("RecipientTypeDetails", Enum(RECIPIENT + "RecipientTypeDetails"), "MailContact"),
        Field("FirstName", Text(64)),
        Field("LastName", Text(64)),
        Field("Office", Text(128)),
        Field("Department", Text(64)),
        Field("Phone", Text(64)),
        Field("ExternalEmailAddress", Parsed(ExternalSmtpAddress)),
        Field("PrimarySmtpAddress", Parsed(SmtpAddress)),
        Field("EmailAddresses", Multi(ProxyAddress, "Microsoft.Exchange.Data.ProxyAddress")),
        Field("OrganizationalUnit", Text(1024)),
        Field("HiddenFromAddressListsEnabled", Boolean(), False),
    )
    __slots__ = field_slots(FIELDS)

    @property
    def is_mailbox(self) -> bool:
        return False

    @property
    def is_group(self) -> bool:
        return "Group" in str(self.RecipientTypeDetails) or str(self.RecipientTypeDetails) == "RoomList"

    def distinguished_name(self) -> str:
        return f"CN={escape_rdn(self.Name)},{container_dn(self.OrganizationalUnit, self.naming())}"

    def derived_defaults(self) -> dict[str, Any]:
        naming = self.naming()
        alias = self.Alias or "".join(str(self.Name or "").split())
        external = self.ExternalEmailAddress
        address = SmtpAddress(external.address) if external else SmtpAddress(f"{alias}@{naming.domain}")
        return {
            "Alias": alias,
            "DisplayName": self.Name,
            "PrimarySmtpAddress": address,
            "EmailAddresses": [ProxyAddress(f"SMTP:{self.PrimarySmtpAddress or address}")],
            "OrganizationalUnit": f"{naming.domain}/Users",
        }

    def check(self) -> None:
        from emshell.model.errors import PropertyValidationError

        if str(self.RecipientTypeDetails) not in CONTACT_AND_GROUP_DETAILS:
            raise PropertyValidationError(
                f"A recipient that isn't a mailbox must be one of {', '.join(CONTACT_AND_GROUP_DETAILS)}.",
                target=self.RecipientTypeDetails,
                error_id="InvalidRecipientTypeDetails",
            )

    @computed
    def ObjectCategory(self) -> ADObjectId:
        category = "Group" if self.is_group else "Person"
        return ADObjectId(f"CN={category},CN=Schema,CN=Configuration,{self.naming().domain_dn}")

    @computed
    def ObjectClass(self) -> MultiValuedProperty:
        if self.is_group:
            return MultiValuedProperty(("top", "group"))
        return MultiValuedProperty(("top", "person", "organizationalPerson", "contact"))

    @computed
    def ArchiveDatabase(self) -> Any:
        return None

    @computed
    def Database(self) -> Any:
        return None

    @computed
    def ServerName(self) -> Any:
        return None

    @computed
    def UMEnabled(self) -> bool:
        return False
