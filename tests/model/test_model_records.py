"""Records: property names and order as EMS shows them, defaults, type names, snapshots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emshell.model.certificates import ExchangeCertificate
from emshell.model.recipients import Mailbox, UMCallAnsweringRule, UMMailboxPin
from emshell.model.record import ADCONFIG_TAIL, ADP_TAIL
from emshell.model.servers import CallRouterSettings, ExchangeServer, UMService, WindowsService
from emshell.model.um import UMAutoAttendant, UMDialPlan, UMHuntGroup, UMIPGateway, UMMailboxPolicy

REFERENCE = Path("/work/shared/reference/exchange-um-cmdlets.json")

# ems-behaviour §1.2, without RunspaceId (the shell adds it).
UM_SERVICE_ORDER = [
    "Name", "MaxCallsAllowed", "Status", "SipTcpListeningPort", "SipTlsListeningPort", "Languages", "DialPlans",
    "GrammarGenerationSchedule", "ExternalHostFqdn", "ExternalServiceFqdn", "UMPodRedirectTemplate",
    "UMForwardingAddressTemplate", "UMCertificateThumbprint", "SIPAccessService", "UMStartupMode", "IrmLogEnabled",
    "IrmLogMaxAge", "IrmLogMaxDirectorySize", "IrmLogMaxFileSize", "IrmLogPath", "IPAddressFamilyConfigurable",
    "IPAddressFamily", "Identity", "IsValid", "ExchangeVersion", "DistinguishedName", "Guid", "ObjectCategory",
    "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id",
    "OriginatingServer", "ObjectState",
]  # fmt: skip

# ems-behaviour §2.1.
CALL_ROUTER_ORDER = [
    "Name", "MaxCallsAllowed", "SipTcpListeningPort", "SipTlsListeningPort", "ExternalHostFqdn", "ExternalServiceFqdn",
    "UMPodRedirectTemplate", "UMForwardingAddressTemplate", "UMStartupMode", "DialPlans", "UMCertificateThumbprint",
    "NetworkAddress", "VersionNumber", "CurrentServerRole", "IPAddressFamilyConfigurable", "IPAddressFamily",
    "AdminDisplayName", "ExchangeVersion", "DistinguishedName", "Identity", "Guid", "ObjectCategory", "ObjectClass",
    "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer",
    "IsValid", "ObjectState",
]  # fmt: skip

# ems-behaviour §2.2 (ContactRecipientContainer, a Set-UMDialPlan parameter, is appended: APPROXIMATIONS.md).
DIAL_PLAN_ORDER = [
    "NumberOfDigitsInExtension", "LogonFailuresBeforeDisconnect", "AccessTelephoneNumbers", "FaxEnabled",
    "InputFailuresBeforeDisconnect", "OutsideLineAccessCode", "DialByNamePrimary", "DialByNameSecondary", "AudioCodec",
    "DefaultLanguage", "VoIPSecurity", "MaxCallDuration", "MaxRecordingDuration", "RecordingIdleTimeout",
    "PilotIdentifierList", "UMServers", "UMMailboxPolicies", "UMAutoAttendants", "WelcomeGreetingEnabled",
    "AutomaticSpeechRecognitionEnabled", "PhoneContext", "WelcomeGreetingFilename", "InfoAnnouncementFilename",
    "OperatorExtension", "DefaultOutboundCallingLineId", "Extension", "MatchedNameSelectionMethod",
    "InfoAnnouncementEnabled", "InternationalAccessCode", "NationalNumberPrefix", "InCountryOrRegionNumberFormat",
    "InternationalNumberFormat", "CallSomeoneEnabled", "ContactScope", "ContactAddressList", "SendVoiceMsgEnabled",
    "UMAutoAttendant", "AllowDialPlanSubscribers", "AllowExtensions", "AllowedInCountryOrRegionGroups",
    "AllowedInternationalGroups", "ConfiguredInCountryOrRegionGroups", "LegacyPromptPublishingPoint",
    "ConfiguredInternationalGroups", "UMIPGateway", "URIType", "SubscriberType", "GlobalCallRoutingScheme",
    "TUIPromptEditingEnabled", "CallAnsweringRulesEnabled", "SipResourceIdentifierRequired", "FDSPollingInterval",
    "EquivalentDialPlanPhoneContexts", "NumberingPlanFormats", "AllowHeuristicADCallingLineIdResolution",
    "CountryOrRegionCode", "ContactRecipientContainer", "AdminDisplayName", "ExchangeVersion", "Name",
    "DistinguishedName", "Identity", "Guid", "ObjectCategory", "ObjectClass", "WhenChanged", "WhenCreated",
    "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "IsValid", "ObjectState",
]  # fmt: skip

# ems-behaviour §2.3.
GATEWAY_ORDER = [
    "Address", "OutcallsAllowed", "Status", "Port", "Simulator", "IPAddressFamily", "DelayedSourcePartyInfoEnabled",
    "MessageWaitingIndicatorAllowed", "HuntGroups", "GlobalCallRoutingScheme", "ForwardingAddress", *ADCONFIG_TAIL,
]  # fmt: skip
HUNT_GROUP_ORDER = ["PilotIdentifier", "UMDialPlan", "UMIPGateway", *ADCONFIG_TAIL]


@pytest.mark.parametrize(
    ("cls", "order"),
    [
        (UMService, UM_SERVICE_ORDER),
        (CallRouterSettings, CALL_ROUTER_ORDER),
        (UMDialPlan, DIAL_PLAN_ORDER),
        (UMIPGateway, GATEWAY_ORDER),
        (UMHuntGroup, HUNT_GROUP_ORDER),
    ],
)
def test_documented_property_order(cls: type, order: list[str]) -> None:
    assert list(cls.PS_PROPERTIES) == order


def _reference_parameters(cmdlet: str) -> list[str]:
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    entry = next(c for c in data["cmdlets"] if c["name"] == cmdlet)
    return [p["name"] for p in entry["parameters"]]


NOT_PROPERTIES = {"Identity", "Confirm", "WhatIf", "DomainController", "ForceUpgrade", "Name", "IgnoreDefaultScope"}


@pytest.mark.skipif(not REFERENCE.exists(), reason="the cmdlet reference is not available")
@pytest.mark.parametrize(
    ("cls", "cmdlet", "extra"),
    [
        (UMMailboxPolicy, "Set-UMMailboxPolicy", []),
        (UMAutoAttendant, "Set-UMAutoAttendant", ["UMDialPlan", "Status"]),
    ],
)
def test_undocumented_orders_follow_the_set_cmdlet_parameters(cls: type, cmdlet: str, extra: list[str]) -> None:
    expected = [("TimeZone" if p == "Timezone" else p) for p in _reference_parameters(cmdlet) if p not in NOT_PROPERTIES]
    assert list(cls.PS_PROPERTIES) == expected + extra + list(ADCONFIG_TAIL)


@pytest.mark.skipif(not REFERENCE.exists(), reason="the cmdlet reference is not available")
def test_mailbox_order_follows_set_um_mailbox_then_enable_um_mailbox() -> None:
    head = [p for p in _reference_parameters("Set-UMMailbox") if p not in NOT_PROPERTIES - {"Name"}]
    names = list(Mailbox.PS_PROPERTIES)
    assert names[: len(head)] == head
    assert names[len(head):len(head) + 2] == ["Extensions", "SIPResourceIdentifier"]
    assert names[-len(ADP_TAIL):] == list(ADP_TAIL)


@pytest.mark.parametrize(
    ("cls", "first"),
    [
        (UMService, "Microsoft.Exchange.Data.Directory.Management.UMServer"),
        (CallRouterSettings, "Microsoft.Exchange.Data.Directory.SystemConfiguration.SIPFEServerConfiguration"),
        (UMDialPlan, "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMDialPlan"),
        (UMIPGateway, "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMIPGateway"),
        (UMHuntGroup, "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMHuntGroup"),
        (UMMailboxPolicy, "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMMailboxPolicy"),
        (UMAutoAttendant, "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMAutoAttendant"),
        (ExchangeServer, "Microsoft.Exchange.Data.Directory.Management.ExchangeServer"),
        (Mailbox, "Microsoft.Exchange.Data.Directory.Management.UMMailbox"),
        (ExchangeCertificate, "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"),
        (WindowsService, "System.ServiceProcess.ServiceController"),
        (UMCallAnsweringRule, "Microsoft.Exchange.Management.UM.UMCallAnsweringRule"),
        (UMMailboxPin, "Microsoft.Exchange.Management.UM.UMMailboxPin"),
    ],
)
def test_type_chain(cls: type, first: str) -> None:
    assert cls.PS_TYPE_NAMES[0] == first
    assert cls.PS_TYPE_NAMES[-1] == "System.Object"


def test_every_property_of_every_record_is_readable(org) -> None:
    records = list(org.all_records()) + [m.pin_view() for m in org.mailboxes]
    kinds = {type(r) for r in records}
    assert kinds >= {UMService, CallRouterSettings, UMDialPlan, UMIPGateway, UMHuntGroup, UMMailboxPolicy,
                     UMAutoAttendant, ExchangeServer, Mailbox, ExchangeCertificate, WindowsService,
                     UMCallAnsweringRule, UMMailboxPin}  # fmt: skip
    for record in records:
        for name in record.PS_PROPERTIES:
            getattr(record, name)
        assert "RunspaceId" not in record.PS_PROPERTIES
        assert len(set(record.PS_PROPERTIES)) == len(record.PS_PROPERTIES)


UM_SERVICE_DEFAULTS = {
    "MaxCallsAllowed": "100",
    "Status": "Enabled",
    "SipTcpListeningPort": "5062",
    "SipTlsListeningPort": "5063",
    "Languages": "{en-US}",
    "DialPlans": "{}",
    "GrammarGenerationSchedule": "{Sun.2:00 AM-Sun.2:30 AM, Mon.2:00 AM-Mon.2:30 AM, Tue.2:00 AM-Tue.2:30 AM, "
    "Wed.2:00 AM-Wed.2:30 AM, Thu.2:00 AM-Thu.2:30 AM, Fri.2:00 AM-Fri.2:30 AM, Sat.2:00 AM-Sat.2:30 AM}",
    "UMCertificateThumbprint": "None",
    "UMStartupMode": "TCP",
    "IrmLogEnabled": "True",
    "IrmLogMaxAge": "30.00:00:00",
    "IrmLogMaxDirectorySize": "250 MB (262,144,000 bytes)",
    "IrmLogMaxFileSize": "10 MB (10,485,760 bytes)",
    "IrmLogPath": "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\IRMLogs",
    "IPAddressFamilyConfigurable": "True",
    "IPAddressFamily": "Any",
    "ExchangeVersion": "0.1 (8.0.535.0)",
    "ObjectCategory": "contoso.com/Configuration/Schema/ms-Exch-Exchange-Server",
    "ObjectClass": "{top, server, msExchExchangeServer}",
    "Identity": "EX01",
    "ObjectState": "Unchanged",
    "OriginatingServer": "DC01.contoso.com",
}

CALL_ROUTER_DEFAULTS = {
    "Name": "UMCallRouterSettings",
    "MaxCallsAllowed": "None",
    "SipTcpListeningPort": "5060",
    "SipTlsListeningPort": "5061",
    "UMStartupMode": "TCP",
    "DialPlans": "{}",
    "UMCertificateThumbprint": "None",
    "IPAddressFamilyConfigurable": "True",
    "IPAddressFamily": "Any",
    "Identity": "EX01\\UMCallRouterSettings",
    "CurrentServerRole": "Mailbox",
}

DIAL_PLAN_DEFAULTS = {
    "LogonFailuresBeforeDisconnect": "3",
    "FaxEnabled": "True",
    "InputFailuresBeforeDisconnect": "3",
    "DialByNamePrimary": "LastFirst",
    "DialByNameSecondary": "SMTPAddress",
    "AudioCodec": "Mp3",
    "DefaultLanguage": "en-US",
    "VoIPSecurity": "Unsecured",
    "MaxCallDuration": "30",
    "MaxRecordingDuration": "20",
    "RecordingIdleTimeout": "5",
    "AutomaticSpeechRecognitionEnabled": "True",
    "WelcomeGreetingEnabled": "False",
    "MatchedNameSelectionMethod": "None",
    "InfoAnnouncementEnabled": "False",
    "URIType": "TelExtn",
    "SubscriberType": "Enterprise",
    "GlobalCallRoutingScheme": "None",
    "PhoneContext": "TelDP.contoso.com",
    "Identity": "TelDP",
    "ExchangeVersion": "0.10 (14.0.100.0)",
}


@pytest.mark.parametrize(
    ("kind", "identity", "defaults"),
    [
        ("umService", "EX01", UM_SERVICE_DEFAULTS),
        ("callRouter", "EX01", CALL_ROUTER_DEFAULTS),
        ("dialPlan", "TelDP", DIAL_PLAN_DEFAULTS),
    ],
)
def test_defaults_as_ems_displays_them(small_org, kind: str, identity: str, defaults: dict[str, str]) -> None:
    record = small_org.resolve(kind, identity)
    shown = {name: str(getattr(record, name)) for name in defaults}
    assert shown == defaults


def test_gateway_and_hunt_group_defaults(small_org) -> None:
    dial_plan = small_org.resolve("dialPlan", "TelDP")
    gateway = small_org.new_ip_gateway("GW1", "10.0.0.1", dial_plan=dial_plan)
    shown = {n: str(getattr(gateway, n)) for n in ("OutcallsAllowed", "Status", "Port", "Simulator", "IPAddressFamily",
                                                   "MessageWaitingIndicatorAllowed", "HuntGroups")}  # fmt: skip
    assert shown == {"OutcallsAllowed": "True", "Status": "Enabled", "Port": "5060", "Simulator": "False",
                     "IPAddressFamily": "IPv4Only", "MessageWaitingIndicatorAllowed": "True", "HuntGroups": "{:TelDP}"}  # fmt: skip
    group = gateway.hunt_groups[0]
    assert (str(group.UMDialPlan), str(group.UMIPGateway), group.PilotIdentifier) == ("TelDP", "GW1", None)


def test_policy_and_auto_attendant_defaults(small_org) -> None:
    dial_plan = small_org.resolve("dialPlan", "TelDP")
    policy = small_org.new_mailbox_policy("P1", dial_plan)
    assert (str(policy.MinPINLength), str(policy.MaxLogonAttempts), str(policy.LogonFailuresBeforePINReset),
            str(policy.PINLifetime), str(policy.UMDialPlan)) == ("6", "15", "5", "60.00:00:00", "TelDP")  # fmt: skip
    attendant = small_org.new_auto_attendant("AA1", dial_plan)
    assert (str(attendant.Status), attendant.SpeechEnabled, str(attendant.TimeZone), str(attendant.Language)) == (
        "Disabled", False, "Pacific Standard Time", "en-US",
    )  # fmt: skip


def test_timestamps_are_local_and_utc(small_org) -> None:
    service = small_org.resolve("umService", "EX01")
    assert str(service.WhenChanged) == "2023-05-01 09:00:00"
    assert str(service.WhenChangedUTC) == "2023-05-01 17:00:00"  # utcOffsetMinutes -480


def test_snapshot_is_detached(small_org) -> None:
    service = small_org.resolve("umService", "EX01")
    copy = service.snapshot()
    small_org.set_properties(service, {"MaxCallsAllowed": 50, "Languages": ["en-US", "en-GB"]})
    assert (copy.MaxCallsAllowed, str(copy.Languages)) == (100, "{en-US}")
    assert copy.WhenChanged != service.WhenChanged  # computed values are frozen too
    copy.MaxCallsAllowed = 7
    copy.Languages.append("fr-FR")
    assert (service.MaxCallsAllowed, str(service.Languages)) == (50, "{en-US, en-GB}")
    assert copy.is_snapshot and not service.is_snapshot
    assert copy.snapshot().WhenChanged == copy.WhenChanged
