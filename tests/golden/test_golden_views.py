"""Acceptance (issue 4): what every Exchange Get- cmdlet prints, byte for byte, at console
widths 80 and 120 -- the bare default view, ``| Format-List``, ``| Format-Table`` and
``| Select-Object Name, X | Format-Table -AutoSize`` -- plus the Format-List property order
of the UM objects (ems-behaviour.md sections 1.2 and 2.1-2.3).

Expected texts live in ``expected/`` (see ``golden_support`` for the update switch).
"""

import pytest
from golden_support import (
    VIEWS,
    WIDTHS,
    check_golden,
    command_line,
    exchange_get_cmdlets,
    golden_path,
    list_blocks,
    new_shell,
    second_property,
)

CMDLETS = exchange_get_cmdlets()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("cmdlet", CMDLETS)
def test_get_cmdlet_views_match_the_golden_files(cmdlet, width):
    shell = new_shell(width)
    x = second_property(new_shell(width), cmdlet)
    problems = []
    for view, template in VIEWS.items():
        result = shell.run(template.format(command=command_line(cmdlet), x=x))
        assert result.ok, f"{cmdlet} ({view}): {result.error_ids}"
        problem = check_golden(golden_path(cmdlet, view, width), result.text)
        if problem:
            problems.append(problem)
    assert problems == []


def test_output_is_deterministic():
    """Two shells with the same seed and clock print the same text (GUIDs, dates, RunspaceId)."""
    command = "Get-UMService | Format-List; Get-UMDialPlan | Format-List"
    assert new_shell(120).run(command).text == new_shell(120).run(command).text


# --------------------------------------------------------------------------- property order

ADCONFIG_TAIL = ("AdminDisplayName", "ExchangeVersion", "Name", "DistinguishedName", "Identity", "Guid",
                 "ObjectCategory", "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC",
                 "OrganizationId", "Id", "OriginatingServer", "IsValid", "ObjectState")  # fmt: skip

ORDERS = {
    # 1.2: UMServer, with the ADPresentationObject tail (Identity and IsValid moved up)
    "Get-UMService": (
        "RunspaceId", "Name", "MaxCallsAllowed", "Status", "SipTcpListeningPort", "SipTlsListeningPort", "Languages",
        "DialPlans", "GrammarGenerationSchedule", "ExternalHostFqdn", "ExternalServiceFqdn", "UMPodRedirectTemplate",
        "UMForwardingAddressTemplate", "UMCertificateThumbprint", "SIPAccessService", "UMStartupMode",
        "IrmLogEnabled", "IrmLogMaxAge", "IrmLogMaxDirectorySize", "IrmLogMaxFileSize", "IrmLogPath",
        "IPAddressFamilyConfigurable", "IPAddressFamily", "Identity", "IsValid", "ExchangeVersion",
        "DistinguishedName", "Guid", "ObjectCategory", "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC",
        "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "ObjectState"),
    # 2.1: SIPFEServerConfiguration, Name declared first
    "Get-UMCallRouterSettings": (
        "RunspaceId", "Name", "MaxCallsAllowed", "SipTcpListeningPort", "SipTlsListeningPort", "ExternalHostFqdn",
        "ExternalServiceFqdn", "UMPodRedirectTemplate", "UMForwardingAddressTemplate", "UMStartupMode", "DialPlans",
        "UMCertificateThumbprint", "NetworkAddress", "VersionNumber", "CurrentServerRole",
        "IPAddressFamilyConfigurable", "IPAddressFamily", "AdminDisplayName", "ExchangeVersion", "DistinguishedName",
        "Identity", "Guid", "ObjectCategory", "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC",
        "WhenCreatedUTC", "OrganizationId", "Id", "OriginatingServer", "IsValid", "ObjectState"),
    # 2.2: UMDialPlan's declaration order, then the ADConfigurationObject tail
    "Get-UMDialPlan": (
        "RunspaceId", "NumberOfDigitsInExtension", "LogonFailuresBeforeDisconnect", "AccessTelephoneNumbers",
        "FaxEnabled", "InputFailuresBeforeDisconnect", "OutsideLineAccessCode", "DialByNamePrimary",
        "DialByNameSecondary", "AudioCodec", "DefaultLanguage", "VoIPSecurity", "MaxCallDuration",
        "MaxRecordingDuration", "RecordingIdleTimeout", "PilotIdentifierList", "UMServers", "UMMailboxPolicies",
        "UMAutoAttendants", "WelcomeGreetingEnabled", "AutomaticSpeechRecognitionEnabled", "PhoneContext",
        "WelcomeGreetingFilename", "InfoAnnouncementFilename", "OperatorExtension", "DefaultOutboundCallingLineId",
        "Extension", "MatchedNameSelectionMethod", "InfoAnnouncementEnabled", "InternationalAccessCode",
        "NationalNumberPrefix", "InCountryOrRegionNumberFormat", "InternationalNumberFormat", "CallSomeoneEnabled",
        "ContactScope", "ContactAddressList", "SendVoiceMsgEnabled", "UMAutoAttendant", "AllowDialPlanSubscribers",
        "AllowExtensions", "AllowedInCountryOrRegionGroups", "AllowedInternationalGroups",
        "ConfiguredInCountryOrRegionGroups", "LegacyPromptPublishingPoint", "ConfiguredInternationalGroups",
        "UMIPGateway", "URIType", "SubscriberType", "GlobalCallRoutingScheme", "TUIPromptEditingEnabled",
        "CallAnsweringRulesEnabled", "SipResourceIdentifierRequired", "FDSPollingInterval",
        "EquivalentDialPlanPhoneContexts", "NumberingPlanFormats", "AllowHeuristicADCallingLineIdResolution",
        "CountryOrRegionCode") + ADCONFIG_TAIL,
    # 2.3
    "Get-UMIPGateway": (
        "RunspaceId", "Address", "OutcallsAllowed", "Status", "Port", "Simulator", "IPAddressFamily",
        "DelayedSourcePartyInfoEnabled", "MessageWaitingIndicatorAllowed", "HuntGroups", "GlobalCallRoutingScheme",
        "ForwardingAddress") + ADCONFIG_TAIL,
    "Get-UMHuntGroup": ("RunspaceId", "PilotIdentifier", "UMDialPlan", "UMIPGateway") + ADCONFIG_TAIL,
}

# Properties the emulator shows beyond the decompiled Exchange 2013 layout (2.2 warns that
# Exchange 2016 may add some); each is named here so that nothing slips in unnoticed.
ADDED = {"Get-UMDialPlan": ("ContactRecipientContainer",)}


@pytest.mark.parametrize("cmdlet", list(ORDERS))
def test_format_list_property_order(cmdlet):
    if cmdlet not in CMDLETS:
        pytest.skip(f"{cmdlet} is not registered yet")
    text = new_shell(120).run(f"{cmdlet} | Format-List").text
    blocks = list_blocks(text)
    assert blocks, text
    for block in blocks:
        names = [line.split(" : ", 1)[0].rstrip() for line in block]
        assert [n for n in names if n not in ADDED.get(cmdlet, ())] == list(ORDERS[cmdlet])


@pytest.mark.parametrize("cmdlet", list(ORDERS))
def test_format_list_pads_names_to_the_longest_in_the_object(cmdlet):
    if cmdlet not in CMDLETS:
        pytest.skip(f"{cmdlet} is not registered yet")
    for block in list_blocks(new_shell(120).run(f"{cmdlet} | Format-List").text):
        longest = max(len(line.split(" : ", 1)[0].rstrip()) for line in block)
        assert {line.index(" : ") for line in block} == {longest}


def test_um_service_list_lines_look_like_ems():
    """ems-behaviour.md 1.2: the longest names have 27 characters, so ``UMStartupMode`` is
    padded to 27 before `` : ``."""
    text = new_shell(120).run("Get-UMService MyUMServer1 | Format-List").text
    assert "\nUMStartupMode               : TCP\n" in text
    assert "\nIPAddressFamilyConfigurable : True\n" in text
    assert text.startswith("\n\nRunspaceId                  : ")
