"""The organization-wide UM objects: dial plans, IP gateways, hunt groups, UM mailbox policies and
auto attendants.

Dial plan, gateway and hunt group orders come from ems-behaviour §2.2-2.3.  Policies and auto
attendants have no documented order: their properties follow the declaration order of the Set-
cmdlet's parameters in the reference, then the ADConfigurationObject tail (APPROXIMATIONS.md).
"""

from __future__ import annotations

from emshell.model.errors import PropertyValidationError
from emshell.model.fields import (
    Boolean,
    Enum,
    Field,
    Integer,
    Multi,
    Reference,
    Schedules,
    Text,
    TimeSpan,
    UnlimitedOf,
    language,
    smart_host,
)
from emshell.model.record import ADCONFIG_TAIL, ADO, CONFIG_CHAIN, DirectoryObject, computed, field_slots
from emshell.model.values import (
    ADObjectId,
    EnhancedTimeSpan,
    MultiValuedProperty,
    ScheduleInterval,
    TypedStr,
    UMLanguage,
    Unlimited,
    escape_rdn,
)

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

SC = ADO + "SystemConfiguration."



def _rule(message: str, error_id: str, target: Any = None) -> PropertyValidationError:
    return PropertyValidationError(message, error_id=error_id, target=target)


def check_gateway_address(gateway: Any, dial_plan: Any) -> None:
    """A gateway linked to a SIPSecured or Secured dial plan is reached over TLS, so its address
    must be an FQDN (a certificate names a host, not an IP address)."""
    from emshell.model.errors import DomainRuleError
    from emshell.model.values import is_ip_address

    if dial_plan is None or not dial_plan.is_secured or gateway.Address is None:
        return
    if is_ip_address(str(gateway.Address)):
        raise DomainRuleError(
            f'The UM IP gateway "{gateway.Name}" must use an FQDN as its address to be linked to the '
            f'{dial_plan.VoIPSecurity} UM dial plan "{dial_plan.Name}".',
            target=gateway.Name,
            error_id="SecuredDialPlanNeedsFqdnGateway",
        )


def check_language(record: Any, name: str) -> None:
    """A dial plan's or auto attendant's language must be one the UM services can speak: en-US,
    which every server has, or a language whose UM language pack a Mailbox server has."""
    language = getattr(record, name)
    org = record._org
    if language is None or org is None:
        return
    installed = {"en-US"} | {str(lang) for service in org.um_services() for lang in service.Languages}
    if str(language) not in installed:
        raise _rule(
            f'The language "{language}" isn\'t available for {name}: its UM language pack isn\'t installed on any '
            f"Mailbox server. Installed UM languages: {', '.join(sorted(installed))}.",
            "UMLanguageNotInstalled",
            str(language),
        )


def prompt_files(record: Any) -> dict[str, bytes]:
    """The custom prompts (greetings, menus) imported for a dial plan or an auto attendant:
    file name -> audio bytes.  Exchange keeps them in a system mailbox; here they live with their
    owner, so they are saved in org files and copied, restored and removed with it."""
    if record.prompts is None:
        record.prompts = {}
    return record.prompts


class UMConfigObject(DirectoryObject):
    """A UM object in the Exchange configuration container."""

    __slots__ = ()

    def check(self) -> None:
        """Cross-property rules, checked after every change (raise PropertyValidationError)."""

    def derived_defaults(self) -> dict[str, Any]:
        """Defaults that depend on other values (omitted from org files when unchanged)."""
        return {}


# --------------------------------------------------------------------------- dial plans

DIAL_PLAN_FIELDS = (
    Field("NumberOfDigitsInExtension", Integer(1, 20), required=True, immutable=True),
    Field("LogonFailuresBeforeDisconnect", Integer(1, 20), 3),
    Field("AccessTelephoneNumbers", Multi(item_max_length=32)),
    Field("FaxEnabled", Boolean(), True),
    Field("InputFailuresBeforeDisconnect", Integer(1, 999), 3),
    Field("OutsideLineAccessCode", Text(16)),
    Field("DialByNamePrimary", Enum(SC + "DialByNamePrimaryEnum"), "LastFirst"),
    Field("DialByNameSecondary", Enum(SC + "DialByNameSecondaryEnum"), "SMTPAddress"),
    Field("AudioCodec", Enum(SC + "AudioCodecEnum"), "Mp3"),
    Field("DefaultLanguage", language(), UMLanguage("en-US")),
    Field("VoIPSecurity", Enum(SC + "UMVoIPSecurityType"), "Unsecured"),
    Field("MaxCallDuration", Integer(10, 120), 30),
    Field("MaxRecordingDuration", Integer(1, 100), 20),
    Field("RecordingIdleTimeout", Integer(2, 10), 5),
    Field("PilotIdentifierList", Multi()),
    Field("WelcomeGreetingEnabled", Boolean(), False),
    Field("AutomaticSpeechRecognitionEnabled", Boolean(), True),
    Field("PhoneContext", Text(128)),
    Field("WelcomeGreetingFilename", Text(255)),
    Field("InfoAnnouncementFilename", Text(255)),
    Field("OperatorExtension", Text(20)),
    Field("DefaultOutboundCallingLineId", Text(20)),
    Field("Extension", Text(20)),
    Field("MatchedNameSelectionMethod", Enum(SC + "DisambiguationFieldEnum"), "None"),
    Field("InfoAnnouncementEnabled", Enum(SC + "InfoAnnouncementEnabledEnum"), "False"),
    Field("InternationalAccessCode", Text(4)),
    Field("NationalNumberPrefix", Text(4)),
    Field("InCountryOrRegionNumberFormat", Text()),
    Field("InternationalNumberFormat", Text()),
    Field("CallSomeoneEnabled", Boolean(), True),
    Field("ContactScope", Enum(SC + "CallSomeoneScopeEnum"), "DialPlan"),
    Field("ContactAddressList", Text()),
    Field("SendVoiceMsgEnabled", Boolean(), True),
    Field("UMAutoAttendant", Reference("autoAttendant")),
    Field("AllowDialPlanSubscribers", Boolean(), True),
    Field("AllowExtensions", Boolean(), False),
    Field("AllowedInCountryOrRegionGroups", Multi()),
    Field("AllowedInternationalGroups", Multi()),
    Field("ConfiguredInCountryOrRegionGroups", Multi()),
    Field("LegacyPromptPublishingPoint", Text()),
    Field("ConfiguredInternationalGroups", Multi()),
    Field("URIType", Enum(SC + "UMUriType"), "TelExtn", immutable=True),
    Field("SubscriberType", Enum(SC + "UMSubscriberType"), "Enterprise", immutable=True),
    Field("GlobalCallRoutingScheme", Enum(SC + "UMGlobalCallRoutingScheme"), "None"),
    Field("TUIPromptEditingEnabled", Boolean(), False),
    Field("CallAnsweringRulesEnabled", Boolean(), True),
    Field("SipResourceIdentifierRequired", Boolean()),
    Field("FDSPollingInterval", TimeSpan("00:00:00"), EnhancedTimeSpan.from_parts(minutes=30)),
    Field("EquivalentDialPlanPhoneContexts", Multi()),
    Field("NumberingPlanFormats", Multi()),
    Field("AllowHeuristicADCallingLineIdResolution", Boolean(), True),
    Field("CountryOrRegionCode", Text(4, 1), required=True),
    Field("ContactRecipientContainer", Text()),
    Field("Name", Text(64, 1), required=True, immutable=True),
)


class UMDialPlan(UMConfigObject):
    """A UM dial plan (Get-UMDialPlan)."""

    KIND = "dialPlan"
    LABEL = "UM dial plan"
    OBJECT_CATEGORY = "ms-Exch-UM-Dial-Plan"
    OBJECT_CLASS = ("top", "msExchUMDialPlan")
    CONTAINER = "CN=UM DialPlan Container"
    PS_TYPE_NAMES = (SC + "UMDialPlan",) + CONFIG_CHAIN
    PS_PROPERTIES = (
        "NumberOfDigitsInExtension", "LogonFailuresBeforeDisconnect", "AccessTelephoneNumbers", "FaxEnabled",
        "InputFailuresBeforeDisconnect", "OutsideLineAccessCode", "DialByNamePrimary", "DialByNameSecondary",
        "AudioCodec", "DefaultLanguage", "VoIPSecurity", "MaxCallDuration", "MaxRecordingDuration",
        "RecordingIdleTimeout", "PilotIdentifierList", "UMServers", "UMMailboxPolicies", "UMAutoAttendants",
        "WelcomeGreetingEnabled", "AutomaticSpeechRecognitionEnabled", "PhoneContext", "WelcomeGreetingFilename",
        "InfoAnnouncementFilename", "OperatorExtension", "DefaultOutboundCallingLineId", "Extension",
        "MatchedNameSelectionMethod", "InfoAnnouncementEnabled", "InternationalAccessCode",
        "NationalNumberPrefix", "InCountryOrRegionNumberFormat", "InternationalNumberFormat",
        "CallSomeoneEnabled", "ContactScope", "ContactAddressList", "SendVoiceMsgEnabled", "UMAutoAttendant",
        "AllowDialPlanSubscribers", "AllowExtensions", "AllowedInCountryOrRegionGroups",
        "AllowedInternationalGroups", "ConfiguredInCountryOrRegionGroups", "LegacyPromptPublishingPoint",
        "ConfiguredInternationalGroups", "UMIPGateway", "URIType", "SubscriberType", "GlobalCallRoutingScheme",
        "TUIPromptEditingEnabled", "CallAnsweringRulesEnabled", "SipResourceIdentifierRequired",
        "FDSPollingInterval", "EquivalentDialPlanPhoneContexts", "NumberingPlanFormats",
        "AllowHeuristicADCallingLineIdResolution", "CountryOrRegionCode", "ContactRecipientContainer",
    ) + ADCONFIG_TAIL  # fmt: skip
    FIELDS = DIAL_PLAN_FIELDS
    __slots__ = field_slots(FIELDS, "prompts")

    def __init__(self, org: Any = None, **values: Any):
        super().__init__(org, **values)
        prompt_files(self)

    def derived_defaults(self) -> dict[str, Any]:
        return {
            "PhoneContext": f"{self.Name}.{self.naming().domain}",
            "SipResourceIdentifierRequired": str(self.URIType) != "TelExtn",
        }

    @property
    def is_secured(self) -> bool:
        """SIPSecured and Secured dial plans need TLS; Unsecured ones use TCP."""
        return str(self.VoIPSecurity) != "Unsecured"

    # ------------------------------------------------------------ back links

    @computed
    def UMServers(self) -> MultiValuedProperty:
        org = self._org
        servers = [s for s in org.servers if s.um_service and self.Guid in s.um_service.dial_plan_guids] if org else []
        return MultiValuedProperty([s.directory_id() for s in servers], ADObjectId.PS_TYPE_NAMES[0])

    @computed
    def UMMailboxPolicies(self) -> MultiValuedProperty:
        org = self._org
        found = [p for p in org.mailbox_policies if p.dial_plan_guid == self.Guid] if org else []
        return MultiValuedProperty([p.directory_id() for p in found], ADObjectId.PS_TYPE_NAMES[0])

    @computed
    def UMAutoAttendants(self) -> MultiValuedProperty:
        org = self._org
        found = [a for a in org.auto_attendants if a.dial_plan_guid == self.Guid] if org else []
        return MultiValuedProperty([a.directory_id() for a in found], ADObjectId.PS_TYPE_NAMES[0])

    @computed
    def UMIPGateway(self) -> MultiValuedProperty:
        """Gateways that have a hunt group for this dial plan."""
        org = self._org
        found = [g for g in org.ip_gateways if any(h.dial_plan_guid == self.Guid for h in g.hunt_groups)] if org else []
        return MultiValuedProperty([g.directory_id() for g in found], ADObjectId.PS_TYPE_NAMES[0])

    # ------------------------------------------------------------ rules

    def check(self) -> None:
        if self.WelcomeGreetingEnabled and not self.WelcomeGreetingFilename:
            raise _rule(
                "A welcome greeting can't be enabled until a welcome greeting file name is set (WelcomeGreetingFilename).",
                "WelcomeGreetingFileRequired",
            )
        if str(self.InfoAnnouncementEnabled) != "False" and not self.InfoAnnouncementFilename:
            raise _rule(
                "An informational announcement can't be enabled until an announcement file name is set "
                "(InfoAnnouncementFilename).",
                "InfoAnnouncementFileRequired",
            )
        if str(self.SubscriberType) == "Consumer" and (self.CallSomeoneEnabled or self.SendVoiceMsgEnabled):
            raise _rule(
                "CallSomeoneEnabled and SendVoiceMsgEnabled can't be turned on for a Consumer dial plan.",
                "ConsumerDialPlanFeature",
            )
        if self.SipResourceIdentifierRequired is False and str(self.URIType) == "SipName":
            raise _rule(
                "SipResourceIdentifierRequired can be set to $false only on E.164 dial plans of the "
                "Enterprise subscriber type.",
                "SipResourceIdentifierRequired",
            )
        check_language(self, "DefaultLanguage")
        org = self._org
        if org is not None and self.is_secured:
            for gateway in org.ip_gateways:
                if any(h.dial_plan_guid == self.Guid for h in gateway.hunt_groups):
                    check_gateway_address(gateway, self)
        for group in list(self.ConfiguredInCountryOrRegionGroups) + list(self.ConfiguredInternationalGroups):
            name = str(group).split(",")[0]
            if len(name) > 32:
                raise _rule(
                    f'The dialing rule group name "{name}" is longer than 32 characters.', "DialGroupNameTooLong"
                )


# --------------------------------------------------------------------------- gateways, hunt groups


class HuntGroupEntry(TypedStr):
    """How a hunt group shows inside a gateway's HuntGroups list: ``<pilot>:<dial plan>``."""

    __slots__ = ()
    TYPE_NAMES = (SC + "UMHuntGroup", "System.Object")


class UMHuntGroup(UMConfigObject):
    """A UM hunt group: links a gateway (its parent) to a dial plan for a pilot number."""

    KIND = "huntGroup"
    LABEL = "UM hunt group"
    OBJECT_CATEGORY = "ms-Exch-UM-Hunt-Group"
    OBJECT_CLASS = ("top", "msExchUMHuntGroup")
    PS_TYPE_NAMES = (SC + "UMHuntGroup",) + CONFIG_CHAIN
    PS_PROPERTIES = ("PilotIdentifier", "UMDialPlan", "UMIPGateway") + ADCONFIG_TAIL
    FIELDS = (
        Field("PilotIdentifier", Text(128)),
        Field("UMDialPlan", Reference("dialPlan"), required=True, immutable=True),
        Field("Name", Text(64, 1), required=True, immutable=True),
    )
    __slots__ = field_slots(FIELDS, "_gateway")

    @property
    def gateway(self) -> UMIPGateway:
        return self._gateway

    @property
    def dial_plan_guid(self) -> str | None:
        return self._ref_UMDialPlan

    def distinguished_name(self) -> str:
        return f"CN={escape_rdn(self.Name)},{self._gateway.distinguished_name()}"

    @computed
    def UMIPGateway(self) -> ADObjectId:
        return self._gateway.directory_id()

    @property
    def entry(self) -> HuntGroupEntry:
        dial_plan = self._org.get("dialPlan", self.dial_plan_guid) if self._org else None
        return HuntGroupEntry(f"{self.PilotIdentifier or ''}:{dial_plan.Name if dial_plan else ''}")

    @property
    def display_name(self) -> str:
        return f"{self._gateway.Name}\\{self.Name}" if self._gateway else self.Name


class UMIPGateway(UMConfigObject):
    """A UM IP gateway (an IP gateway, IP PBX or SBC the UM services talk to)."""

    KIND = "ipGateway"
    LABEL = "UM IP gateway"
    OBJECT_CATEGORY = "ms-Exch-UM-IP-Gateway"
    OBJECT_CLASS = ("top", "msExchUMIPGateway")
    CONTAINER = "CN=UM IPGateway Container"
    PS_TYPE_NAMES = (SC + "UMIPGateway",) + CONFIG_CHAIN
    PS_PROPERTIES = (
        "Address", "OutcallsAllowed", "Status", "Port", "Simulator", "IPAddressFamily",
        "DelayedSourcePartyInfoEnabled", "MessageWaitingIndicatorAllowed", "HuntGroups", "GlobalCallRoutingScheme",
        "ForwardingAddress",
    ) + ADCONFIG_TAIL  # fmt: skip
    FIELDS = (
        Field("Address", smart_host(), required=True),
        Field("OutcallsAllowed", Boolean(), True),
        Field("Status", Enum(SC + "GatewayStatus"), "Enabled"),
        Field("Port", Integer(0, 65535), 5060),
        Field("Simulator", Boolean(), False),
        Field("IPAddressFamily", Enum("Microsoft.Exchange.Data.Directory.IPAddressFamily"), "IPv4Only"),
        Field("DelayedSourcePartyInfoEnabled", Boolean(), False),
        Field("MessageWaitingIndicatorAllowed", Boolean(), True),
        Field("GlobalCallRoutingScheme", Enum(SC + "UMGlobalCallRoutingScheme"), "None"),
        Field("ForwardingAddress", Text()),
        Field("Name", Text(64, 1), required=True),
    )
    CHILD_SLOTS = ("hunt_groups",)
    __slots__ = field_slots(FIELDS, *CHILD_SLOTS)

    def __init__(self, org: Any = None, **values: Any):
        super().__init__(org, **values)
        if self.hunt_groups is None:
            self.hunt_groups = []

    def adopt_children(self) -> None:
        for group in self.hunt_groups:
            group._gateway = self

    @computed
    def HuntGroups(self) -> MultiValuedProperty:
        return MultiValuedProperty([g.entry for g in self.hunt_groups], SC + "UMHuntGroup")

    def check(self) -> None:
        if self.Address is not None and ":" in str(self.Address) and str(self.IPAddressFamily) == "IPv4Only":
            raise _rule(
                "An IPv6 address can't be used when IPAddressFamily is IPv4Only.", "IPv6AddressWithIPv4Only"
            )
        org = self._org
        if org is not None:
            for group in self.hunt_groups:
                check_gateway_address(self, org.get("dialPlan", group.dial_plan_guid))


# --------------------------------------------------------------------------- mailbox policies

POLICY_FIELDS = (
    Field("AllowAutomaticSpeechRecognition", Boolean(), True),
    Field("AllowCallAnsweringRules", Boolean(), True),
    Field("AllowCommonPatterns", Boolean(), False),
    Field("AllowDialPlanSubscribers", Boolean(), True),
    Field("AllowedInCountryOrRegionGroups", Multi(item_max_length=128)),
    Field("AllowedInternationalGroups", Multi()),
    Field("AllowExtensions", Boolean(), True),
    Field("AllowFax", Boolean(), True),
    Field("AllowMessageWaitingIndicator", Boolean(), True),
    Field("AllowMissedCallNotifications", Boolean(), True),
    Field("AllowPinlessVoiceMailAccess", Boolean(), False),
    Field("AllowPlayOnPhone", Boolean(), True),
    Field("AllowSMSNotification", Boolean(), True),
    Field("AllowSubscriberAccess", Boolean(), True),
    Field("AllowTUIAccessToCalendar", Boolean(), True),
    Field("AllowTUIAccessToDirectory", Boolean(), True),
    Field("AllowTUIAccessToEmail", Boolean(), True),
    Field("AllowTUIAccessToPersonalContacts", Boolean(), True),
    Field("AllowVoiceMailAnalysis", Boolean(), True),
    Field("AllowVoiceMailPreview", Boolean(), True),
    Field("AllowVoiceResponseToOtherMessageTypes", Boolean(), True),
    Field("FaxMessageText", Text(512)),
    Field("FaxServerURI", Text()),
    Field("InformCallerOfVoiceMailAnalysis", Boolean(), True),
    Field("LogonFailuresBeforePINReset", UnlimitedOf("Int32", 0, 999), Unlimited(5, "Int32")),
    Field("MaxGreetingDuration", Integer(1, 10), 5),
    Field("MaxLogonAttempts", UnlimitedOf("Int32", 1, 999), Unlimited(15, "Int32")),
    Field("MinPINLength", Integer(4, 24), 6),
    Field("PINHistoryCount", Integer(1, 20), 5),
    Field("PINLifetime", UnlimitedOf("EnhancedTimeSpan"), Unlimited(EnhancedTimeSpan.from_parts(days=60), "EnhancedTimeSpan")),
    Field("ProtectAuthenticatedVoiceMail", Enum(SC + "DRMProtectionOptions"), "None"),
    Field("ProtectedVoiceMailText", Text(512)),
    Field("ProtectUnauthenticatedVoiceMail", Enum(SC + "DRMProtectionOptions"), "None"),
    Field("RequireProtectedPlayOnPhone", Boolean(), False),
    Field("ResetPINText", Text(512)),
    Field("SourceForestPolicyNames", Multi()),
    Field("UMDialPlan", Reference("dialPlan"), required=True),
    Field("UMEnabledText", Text(512)),
    Field("VoiceMailPreviewPartnerAddress", Text()),
    Field("VoiceMailPreviewPartnerAssignedID", Text()),
    Field("VoiceMailPreviewPartnerMaxDeliveryDelay", Integer(300), 1200),
    Field("VoiceMailPreviewPartnerMaxMessageDuration", Integer(60), 180),
    Field("VoiceMailText", Text(512)),
    Field("Name", Text(64, 1), required=True),
)


class UMMailboxPolicy(UMConfigObject):
    """A UM mailbox policy (settings applied to the UM-enabled mailboxes of one dial plan)."""

    KIND = "mailboxPolicy"
    LABEL = "UM mailbox policy"
    OBJECT_CATEGORY = "ms-Exch-UM-Recipient-Template"
    OBJECT_CLASS = ("top", "msExchRecipientTemplate", "msExchUMRecipientTemplate")
    CONTAINER = "CN=UM Mailbox Policies"
    PS_TYPE_NAMES = (SC + "UMMailboxPolicy", SC + "MailboxPolicy") + CONFIG_CHAIN
    PS_PROPERTIES = tuple(f.name for f in POLICY_FIELDS if f.name != "Name") + ADCONFIG_TAIL
    FIELDS = POLICY_FIELDS
    __slots__ = field_slots(FIELDS)

    @property
    def dial_plan_guid(self) -> str | None:
        return self._ref_UMDialPlan

    def check(self) -> None:
        resets, attempts = self.LogonFailuresBeforePINReset, self.MaxLogonAttempts
        if not resets.is_unlimited and not attempts.is_unlimited and resets.value >= attempts.value:
            raise _rule(
                "The value of LogonFailuresBeforePINReset must be less than the value of MaxLogonAttempts.",
                "LogonFailuresBeforePINReset",
            )


# --------------------------------------------------------------------------- auto attendants


def _business_hours() -> list[ScheduleInterval]:
    day = 24 * 60
    return [ScheduleInterval(d * day, (d + 1) * day) for d in range(7)]


AUTO_ATTENDANT_FIELDS = (
    Field("AfterHoursKeyMapping", Multi(max_items=9)),
    Field("AfterHoursKeyMappingEnabled", Boolean(), False),
    Field("AfterHoursMainMenuCustomPromptEnabled", Boolean(), False),
    Field("AfterHoursMainMenuCustomPromptFilename", Text(255)),
    Field("AfterHoursTransferToOperatorEnabled", Boolean(), False),
    Field("AfterHoursWelcomeGreetingEnabled", Boolean(), False),
    Field("AfterHoursWelcomeGreetingFilename", Text(255)),
    Field("AllowDialPlanSubscribers", Boolean(), True),
    Field("AllowedInCountryOrRegionGroups", Multi(item_max_length=127)),
    Field("AllowedInternationalGroups", Multi(item_max_length=127)),
    Field("AllowExtensions", Boolean(), False),
    Field("BusinessHoursKeyMapping", Multi(max_items=9)),
    Field("BusinessHoursKeyMappingEnabled", Boolean(), False),
    Field("BusinessHoursMainMenuCustomPromptEnabled", Boolean(), False),
    Field("BusinessHoursMainMenuCustomPromptFilename", Text(255)),
    Field("BusinessHoursSchedule", Schedules(), _business_hours),
    Field("BusinessHoursTransferToOperatorEnabled", Boolean(), False),
    Field("BusinessHoursWelcomeGreetingEnabled", Boolean(), False),
    Field("BusinessHoursWelcomeGreetingFilename", Text(255)),
    Field("BusinessLocation", Text(255)),
    Field("BusinessName", Text(255)),
    Field("CallSomeoneEnabled", Boolean(), True),
    Field("ContactAddressList", Text()),
    Field("ContactRecipientContainer", Text()),
    Field("ContactScope", Enum(SC + "DialScopeEnum"), "DialPlan"),
    Field("DTMFFallbackAutoAttendant", Reference("autoAttendant")),
    Field("HolidaySchedule", Multi()),
    Field("InfoAnnouncementEnabled", Enum(SC + "InfoAnnouncementEnabledEnum"), "False"),
    Field("InfoAnnouncementFilename", Text(255)),
    Field("Language", language(), UMLanguage("en-US")),
    Field("MatchedNameSelectionMethod", Enum(SC + "AutoAttendantDisambiguationFieldEnum"), "InheritFromDialPlan"),
    Field("NameLookupEnabled", Boolean(), True),
    Field("OperatorExtension", Text(20)),
    Field("PilotIdentifierList", Multi()),
    Field("SendVoiceMsgEnabled", Boolean(), False),
    Field("SpeechEnabled", Boolean(), False),
    Field("TimeZone", Text()),
    Field("TimeZoneName", Text()),
    Field("WeekStartDay", Enum("System.DayOfWeek"), "Sunday"),
    Field("UMDialPlan", Reference("dialPlan"), required=True, immutable=True),
    Field("Status", Enum(SC + "StatusEnum"), "Disabled"),
    Field("Name", Text(64, 1), required=True),
)


class UMAutoAttendant(UMConfigObject):
    """A UM auto attendant."""

    KIND = "autoAttendant"
    LABEL = "UM auto attendant"
    OBJECT_CATEGORY = "ms-Exch-UM-Auto-Attendant"
    OBJECT_CLASS = ("top", "msExchUMAutoAttendant")
    CONTAINER = "CN=UM AutoAttendant Container"
    PS_TYPE_NAMES = (SC + "UMAutoAttendant",) + CONFIG_CHAIN
    PS_PROPERTIES = tuple(f.name for f in AUTO_ATTENDANT_FIELDS if f.name != "Name") + ADCONFIG_TAIL
    FIELDS = AUTO_ATTENDANT_FIELDS
    __slots__ = field_slots(FIELDS, "prompts")

    def __init__(self, org: Any = None, **values: Any):
        super().__init__(org, **values)
        prompt_files(self)

    @property
    def dial_plan_guid(self) -> str | None:
        return self._ref_UMDialPlan

    def derived_defaults(self) -> dict[str, Any]:
        naming = self.naming()
        return {"TimeZone": naming.time_zone, "TimeZoneName": naming.time_zone_name}

    def check(self) -> None:
        check_language(self, "Language")
        for name in ("BusinessHoursKeyMapping", "AfterHoursKeyMapping"):
            for mapping in getattr(self, name):
                key = str(mapping).split(",")[0].strip()
                if key == "0":
                    raise _rule(
                        f"The key 0 is reserved for the operator and can't be used in {name}.", "ReservedKey", mapping
                    )
                # Key,Description,Extension,AutoAttendantName,PromptFileName...: a transfer to
                # another auto attendant needs that auto attendant to exist
                parts = [part.strip() for part in str(mapping).split(",")]
                target = parts[3] if len(parts) > 3 else ""
                if target and self._org is not None and not self._org.find("autoAttendant", target):
                    raise _rule(
                        f'The key mapping "{mapping}" in {name} transfers to the UM auto attendant "{target}", which '
                        f"doesn't exist.",
                        "KeyMappingAutoAttendantNotFound",
                        mapping,
                    )
        if self._ref_DTMFFallbackAutoAttendant and not self.SpeechEnabled:
            raise _rule(
                "A DTMF fallback auto attendant can be set only on a speech-enabled auto attendant.",
                "DTMFFallbackRequiresSpeech",
            )
        if self._ref_DTMFFallbackAutoAttendant == self.Guid and self.Guid is not None:
            raise _rule("An auto attendant can't be its own DTMF fallback auto attendant.", "DTMFFallbackSelf")
        for flag, file_name in (
            ("BusinessHoursWelcomeGreetingEnabled", "BusinessHoursWelcomeGreetingFilename"),
            ("AfterHoursWelcomeGreetingEnabled", "AfterHoursWelcomeGreetingFilename"),
            ("BusinessHoursMainMenuCustomPromptEnabled", "BusinessHoursMainMenuCustomPromptFilename"),
            ("AfterHoursMainMenuCustomPromptEnabled", "AfterHoursMainMenuCustomPromptFilename"),
        ):
            if getattr(self, flag) and not getattr(self, file_name):
                raise _rule(f"{flag} can't be $true until {file_name} is set.", "PromptFileRequired")
