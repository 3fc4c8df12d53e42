"""Creating, changing and removing objects; UM-enabling mailboxes; PINs."""

from __future__ import annotations

import pytest

from emshell.model.errors import (
    AlreadyExistsError,
    DomainRuleError,
    ObjectNotFoundError,
    PropertyValidationError,
)

EXCHANGE = "CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com"


def test_new_dial_plan_makes_its_default_policy(org) -> None:
    dial_plan = org.new_dial_plan("Redmond", number_of_digits=4, country_code="1", uri_type="SipName",
                                  voip_security="SIPSecured", access_numbers=["+14255550199"])  # fmt: skip
    assert (str(dial_plan.URIType), str(dial_plan.VoIPSecurity), dial_plan.PhoneContext) == (
        "SipName", "SIPSecured", "Redmond.contoso.com",
    )  # fmt: skip
    assert dial_plan.SipResourceIdentifierRequired is True
    assert str(dial_plan.UMMailboxPolicies) == "{Redmond Default Policy}"
    assert dial_plan.WhenCreated == dial_plan.WhenChanged
    without = org.new_dial_plan("Bare", number_of_digits=4, country_code="1", generate_policy=False)
    assert str(without.UMMailboxPolicies) == "{}"


def test_new_object_with_a_taken_name(org) -> None:
    before = org.dump()
    with pytest.raises(AlreadyExistsError) as caught:
        org.new_dial_plan("myumdialplan", number_of_digits=4, country_code="1")
    assert str(caught.value) == (
        "Active Directory operation failed on DC01.contoso.com. The object "
        f"'CN=myumdialplan,CN=UM DialPlan Container,{EXCHANGE}' already exists."
    )
    assert org.dump() == before


def test_new_dial_plan_validates(org) -> None:
    with pytest.raises(PropertyValidationError, match="out of range. It must be from 1 through 20"):
        org.new_dial_plan("Wide", number_of_digits=21, country_code="1")
    with pytest.raises(PropertyValidationError, match="The maximum length is 64 and the length of the value provided is 65"):
        org.new_dial_plan("x" * 65, number_of_digits=4, country_code="1")


def test_gateway_with_dial_plan_gets_a_hunt_group(org) -> None:
    dial_plan = org.resolve("dialPlan", "MyUMDialPlan")
    gateway = org.new_ip_gateway("PBX2", "10.10.10.2", dial_plan=dial_plan)
    assert [g.display_name for g in gateway.hunt_groups] == ["PBX2\\PBX2"]
    assert str(dial_plan.UMIPGateway) == "{MyUMIPGateway, PBX2}"


def test_hunt_group_rules(org) -> None:
    gateway = org.resolve("ipGateway", "MyUMIPGateway")
    with pytest.raises(DomainRuleError) as caught:
        org.new_hunt_group("Again", gateway, org.resolve("dialPlan", "MyUMDialPlan"), pilot_identifier="12345")
    assert caught.value.error_id == "DuplicatePilotIdentifier"
    with pytest.raises(DomainRuleError) as caught:
        org.new_hunt_group("Sec", gateway, org.resolve("dialPlan", "MySIPDialPlan"), pilot_identifier="777")
    assert str(caught.value) == (
        'The UM IP gateway "MyUMIPGateway" must use an FQDN as its address to be linked to the Secured UM dial plan '
        '"MySIPDialPlan".'
    )
    group = org.new_hunt_group("Second", gateway, org.resolve("dialPlan", "MyUMDialPlan"), pilot_identifier="55555")
    assert str(gateway.HuntGroups) == "{12345:MyUMDialPlan, 55555:MyUMDialPlan}"
    assert org.resolve("huntGroup", "MyUMIPGateway\\Second") is group


def test_ipv6_gateway_needs_a_family_that_allows_it(org) -> None:
    with pytest.raises(PropertyValidationError, match="IPv4Only"):
        org.new_ip_gateway("V6", "fe80::39bd:88f7:6969:d223%11")
    gateway = org.new_ip_gateway("V6", "fe80::39bd:88f7:6969:d223%11", ip_address_family="Any")
    assert str(gateway.Address) == "fe80::39bd:88f7:6969:d223%11"


@pytest.mark.parametrize(
    ("kind", "identity", "users"),
    [
        ("dialPlan", "MyUMDialPlan",
         'UM mailbox policy "MyUMDialPlan Default Policy", UM mailbox policy "MyUMMailboxPolicy", UM auto attendant '
         '"MyUMAutoAttendant", UM hunt group "MyUMIPGateway\\MyUMHuntGroup"'),
        ("mailboxPolicy", "MyUMMailboxPolicy",
         'mailbox "contoso.com/Users/Administrator", mailbox "contoso.com/Users/Tony Smith"'),
        ("dialPlan", "MySIPDialPlan",
         'UM mailbox policy "MySIPDialPlan Default Policy", UM hunt group "LyncPoolNA\\LyncPoolNA", UM service '
         '"MyUMServer2", UM service "MyUMServer3", UM call router settings "MyUMServer2\\UMCallRouterSettings", '
         'UM call router settings "MyUMServer3\\UMCallRouterSettings"'),
    ],
)  # fmt: skip
def test_removal_refused_while_referenced(org, kind: str, identity: str, users: str) -> None:
    record = org.resolve(kind, identity)
    before = org.dump()
    with pytest.raises(DomainRuleError) as caught:
        org.remove(record)
    assert str(caught.value) == f'The {record.LABEL} "{identity}" can\'t be removed because it\'s in use by: {users}.'
    assert caught.value.error_id == "ObjectInUse"
    assert org.dump() == before


def test_auto_attendant_removal_unlinks_its_dial_plans_but_not_a_dtmf_fallback(org) -> None:
    org.set_properties(org.resolve("autoAttendant", "MySpeechEnabledAA"), {"DTMFFallbackAutoAttendant": "MyDTMFAA"})
    with pytest.raises(DomainRuleError, match='in use by: UM auto attendant "MySpeechEnabledAA"'):
        org.remove(org.resolve("autoAttendant", "MyDTMFAA"))
    org.remove(org.resolve("autoAttendant", "MyUMAutoAttendant"))
    assert org.resolve("dialPlan", "MyUMDialPlan").UMAutoAttendant is None


def test_removals(org) -> None:
    org.remove(org.resolve("ipGateway", "MyUMIPGateway"))  # its hunt groups go with it
    assert org.names("huntGroup") == ["LyncPoolNA\\LyncPoolNA"]
    org.remove(org.resolve("mailboxPolicy", "MyUMDialPlan Default Policy"))
    org.remove(org.resolve("callAnsweringRule", "MyUMCallAnsweringRule", mailbox="tonysmith"))
    assert org.resolve("mailbox", "tonysmith").call_answering_rules == []


def test_enable_um_mailbox(org) -> None:
    mailbox = org.resolve("mailbox", "florencef")
    policy = org.resolve("mailboxPolicy", "MyUMMailboxPolicy")
    org.enable_um_mailbox(mailbox, policy, extensions=["52000", "52001"], pin="5643892", pin_expired=True)
    assert (mailbox.UMEnabled, str(mailbox.UMMailboxPolicy), str(mailbox.UMDialPlan)) == (True, "MyUMMailboxPolicy", "MyUMDialPlan")
    assert str(mailbox.EmailAddresses) == (
        "{SMTP:florencef@contoso.com, EUM:52000;phone-context=MyUMDialPlan.contoso.com, "
        "eum:52001;phone-context=MyUMDialPlan.contoso.com}"
    )
    assert str(mailbox.UMAddresses) == (
        "{EUM:52000;phone-context=MyUMDialPlan.contoso.com, eum:52001;phone-context=MyUMDialPlan.contoso.com}"
    )
    pin = mailbox.pin_view()
    assert (pin.UserID, pin.PinExpired, pin.LockedOut, pin.FirstLogonCompleted) == (
        "florencef@contoso.com", True, False, False,
    )  # fmt: skip


def test_enable_um_mailbox_generates_an_expired_pin(org) -> None:
    mailbox = org.resolve("mailbox", "davidp")
    org.enable_um_mailbox(mailbox, org.resolve("mailboxPolicy", "MyUMMailboxPolicy"))
    assert [str(e) for e in mailbox.Extensions] == ["50142"]  # from the phone number
    assert len(mailbox.pin) == 6 and mailbox.pin.isdigit() and mailbox.pin_expired


@pytest.mark.parametrize(
    ("alias", "policy", "options", "error_id"),
    [
        ("tonysmith", "MyUMMailboxPolicy", {"extensions": ["51999"]}, "MailboxAlreadyUMEnabled"),
        ("florencef", "MyUMMailboxPolicy", {"extensions": ["51234"]}, "ExtensionInUse"),
        ("florencef", "MyUMMailboxPolicy", {"extensions": ["123"]}, "InvalidExtension"),
        ("florencef", "MyUMMailboxPolicy", {}, "ExtensionRequired"),
        ("florencef", "MySIPDialPlan Default Policy", {"extensions": ["23999"]}, "SipResourceIdentifierRequired"),
        ("florencef", "MyUMMailboxPolicy", {"extensions": ["52000"], "pin": "12ab"}, "InvalidPIN"),
        ("florencef", "MyUMMailboxPolicy", {"extensions": ["52000"], "pin": "1234"}, "PINTooShort"),
    ],
)
def test_enable_um_mailbox_refusals(org, alias: str, policy: str, options: dict, error_id: str) -> None:
    before = org.dump()
    with pytest.raises(DomainRuleError) as caught:
        org.enable_um_mailbox(org.resolve("mailbox", alias), org.resolve("mailboxPolicy", policy), **options)
    assert caught.value.error_id == error_id
    assert org.dump() == before


def test_disable_um_mailbox(org) -> None:
    mailbox = org.resolve("mailbox", "tonysmith")
    org.disable_um_mailbox(mailbox)
    assert (mailbox.UMEnabled, mailbox.UMMailboxPolicy, str(mailbox.Extensions), str(mailbox.EmailAddresses)) == (
        False, None, "{}", "{SMTP:tonysmith@contoso.com, smtp:tony@contoso.com}",
    )  # fmt: skip
    with pytest.raises(DomainRuleError) as caught:
        org.disable_um_mailbox(mailbox)
    assert str(caught.value) == 'The mailbox "contoso.com/Users/Tony Smith" isn\'t enabled for Unified Messaging.'


def test_set_um_pin(org) -> None:
    mailbox = org.resolve("mailbox", "tonysmith")
    view = org.set_um_pin(mailbox, pin="975312", pin_expired=False)
    assert (mailbox.pin, view.PinExpired, view.LockedOut) == ("975312", False, False)
    org.set_um_pin(mailbox, locked_out=True)
    assert mailbox.pin_view().LockedOut and mailbox.pin_view().PinExpired  # a generated PIN is expired
    with pytest.raises(DomainRuleError) as caught:
        org.set_um_pin(org.resolve("mailbox", "florencef"), pin="123456")
    assert caught.value.error_id == "MailboxNotUMEnabled"


def test_call_answering_rules(org) -> None:
    mailbox = org.resolve("mailbox", "tonysmith")
    rule = org.new_call_answering_rule(mailbox, "Busy", Priority=3, ScheduleStatus=4,
                                       KeyMappings=["1,1,Receptionist,,,,,45678,"])  # fmt: skip
    assert (rule.Priority, str(rule.Mailbox), str(rule.KeyMappings)) == (3, "contoso.com/Users/Tony Smith",
                                                                         "{1,1,Receptionist,,,,,45678,}")  # fmt: skip
    with pytest.raises(DomainRuleError, match="Priority 1 is already used"):
        org.new_call_answering_rule(mailbox, "Other", Priority=1)
    with pytest.raises(DomainRuleError, match='A call answering rule named "busy" already exists'):
        org.new_call_answering_rule(mailbox, "busy", Priority=4)
    with pytest.raises(PropertyValidationError, match="out of range. It must be from 0 through 15"):
        org.new_call_answering_rule(mailbox, "Bad", Priority=5, ScheduleStatus=16)
    with pytest.raises(DomainRuleError, match="isn't enabled for Unified Messaging"):
        org.new_call_answering_rule(org.resolve("mailbox", "florencef"), "X")


@pytest.mark.parametrize(
    ("kind", "identity", "changes", "error_id"),
    [
        ("dialPlan", "MyUMDialPlan", {"NumberOfDigitsInExtension": 4}, "PropertyImmutable"),
        ("dialPlan", "MyUMDialPlan", {"Name": "Renamed"}, "PropertyImmutable"),
        ("dialPlan", "MyUMDialPlan", {"InfoAnnouncementEnabled": "True"}, "InfoAnnouncementFileRequired"),
        ("dialPlan", "MyUMDialPlan", {"ConfiguredInCountryOrRegionGroups": ["x" * 33 + ",*,*,"]}, "DialGroupNameTooLong"),
        ("dialPlan", "MySIPDialPlan", {"SipResourceIdentifierRequired": False}, "SipResourceIdentifierRequired"),
        ("autoAttendant", "MyUMAutoAttendant", {"BusinessHoursKeyMapping": ["0,Operator,12345"]}, "ReservedKey"),
        ("autoAttendant", "MyUMAutoAttendant", {"AfterHoursWelcomeGreetingEnabled": True}, "PromptFileRequired"),
        ("mailboxPolicy", "MyUMMailboxPolicy", {"MaxLogonAttempts": 3}, "LogonFailuresBeforePINReset"),
        ("mailboxPolicy", "MyUMMailboxPolicy", {"AllowedInCountryOrRegionGroups": {"Add": ["a"], "Remove": []},
                                                "FaxMessageText": "x" * 513}, "StringLengthTooLong"),
    ],
)  # fmt: skip
def test_property_rules(org, kind: str, identity: str, changes: dict, error_id: str) -> None:
    with pytest.raises(DomainRuleError) as caught:
        org.set_properties(org.resolve(kind, identity), changes)
    assert caught.value.error_id == error_id


def test_multi_valued_edits(org) -> None:
    dial_plan = org.resolve("dialPlan", "MyUMDialPlan")
    org.set_properties(dial_plan, {"AccessTelephoneNumbers": {"Add": ["+14255550101"]}})
    assert str(dial_plan.AccessTelephoneNumbers) == "{+14255550100, +14255550101}"
    org.set_properties(dial_plan, {"AccessTelephoneNumbers": {"Remove": ["+14255550100"]}})
    assert str(dial_plan.AccessTelephoneNumbers) == "{+14255550101}"
    with pytest.raises(DomainRuleError, match='^The value "[+]14255550101" is already present in the collection.$'):
        org.set_properties(dial_plan, {"AccessTelephoneNumbers": {"Add": ["+14255550101"]}})
    org.set_properties(dial_plan, {"AccessTelephoneNumbers": None})
    assert str(dial_plan.AccessTelephoneNumbers) == "{}"


def test_references_given_as_identities(org) -> None:
    service = org.resolve("umService", "MyUMServer1")
    org.set_properties(service, {"DialPlans": ["mysipdialplan"]})
    assert str(service.DialPlans) == "{MySIPDialPlan}"
    with pytest.raises(ObjectNotFoundError) as caught:
        org.set_properties(service, {"DialPlans": {"Add": ["NoSuchDialPlan"]}})
    assert str(caught.value) == (
        "The operation couldn't be performed because object 'NoSuchDialPlan' couldn't be found on 'DC01.contoso.com'."
    )
    policy = org.new_mailbox_policy("ByName", "MyDialPlan")
    assert str(policy.UMDialPlan) == "MyDialPlan"


def test_rename_must_keep_names_unique(org) -> None:
    gateway = org.resolve("ipGateway", "LyncPoolNA")
    with pytest.raises(AlreadyExistsError):
        org.set_properties(gateway, {"Name": "myumipgateway"})
    org.set_properties(gateway, {"Name": "LyncPoolEMEA"})
    assert org.names("huntGroup") == ["LyncPoolEMEA\\LyncPoolNA", "MyUMIPGateway\\MyUMHuntGroup"]
    assert str(gateway.hunt_groups[0].UMIPGateway) == "LyncPoolEMEA"


def test_snapshots_cannot_be_changed_through_the_org(org) -> None:
    copy = org.resolve("dialPlan", "MyUMDialPlan").snapshot()
    with pytest.raises(DomainRuleError) as caught:
        org.set_properties(copy, {"MaxCallDuration": 60})
    assert caught.value.error_id == "NotInOrganization"
    with pytest.raises(DomainRuleError):
        org.remove(copy)
    assert org.resolve("dialPlan", copy).MaxCallDuration == 30


@pytest.mark.parametrize(
    ("kind", "identity", "status"),
    [("umService", "MyUMServer1", "Disabled"), ("ipGateway", "MyUMIPGateway", "NoNewCalls"),
     ("autoAttendant", "MyUMAutoAttendant", "Disabled")],
)  # fmt: skip
def test_enable_and_disable_set_the_status(org, kind: str, identity: str, status: str) -> None:
    record = org.resolve(kind, identity)
    assert org.set_status(record, status).changed == ["Status"]
    assert str(record.Status) == status
    assert org.set_status(record, status).changed == []
