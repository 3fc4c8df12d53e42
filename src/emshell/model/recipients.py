"""Mailboxes as the UM cmdlets see them, their call answering rules and their UM PIN state.

No reference gives the property order of ``UMMailbox``, ``UMCallAnsweringRule`` or
``UMMailboxPin``: the orders below follow the declaration order of the cmdlet parameters
(Set-UMMailbox, then Enable-UMMailbox, then the mailbox's identity and UM state), then the
presentation tail.  See APPROXIMATIONS.md.
"""

from __future__ import annotations

from emshell.model.fields import Boolean, Enum, Field, Integer, Multi, Parsed, Reference, Text
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
    enum_value,
    escape_rdn,
)

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

SC = ADO + "SystemConfiguration."



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
        return f"CN={escape_rdn(self.Name)},CN=Users,{self.naming().domain_dn}"

    def derived_defaults(self) -> dict[str, Any]:
        naming = self.naming()
        address = SmtpAddress(f"{self.Alias}@{naming.domain}")
        return {
            "DisplayName": self.Name,
            "PrimarySmtpAddress": address,
            "SamAccountName": self.Alias[:20] if self.Alias else None,
            "UserPrincipalName": f"{self.Alias}@{naming.domain}",
            "EmailAddresses": [ProxyAddress(f"SMTP:{self.PrimarySmtpAddress or address}")],
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
        pass

    def pin_view(self) -> UMMailboxPin:
        """The mailbox's UM PIN state as Get-UMMailboxPin returns it."""
        return UMMailboxPin.of(self)


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
        Field("CallerIds", Multi(max_items=50)),
        Field("CallersCanInterruptGreeting", Boolean(), False),
        Field("CheckAutomaticReplies", Boolean(), False),
        Field("ExtensionsDialed", Multi()),
        Field("KeyMappings", Multi(max_items=10)),
        Field("Priority", Integer(1, 9), 9),
        Field("ScheduleStatus", Integer(0, 15), 0),
        Field("TimeOfDay", Text()),
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

    def touch(self, when: Any) -> None:
        """Rules live in the mailbox store; they carry no directory timestamps."""
