"""Identity resolution: every form EMS accepts, role filtering, and the exact error messages."""

from __future__ import annotations

import pytest

from emshell.model.errors import AmbiguousIdentityError, ObjectNotFoundError

SERVERS = "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups"
EXCHANGE = "CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com"


@pytest.mark.parametrize(
    ("kind", "identity", "expected"),
    [
        ("server", "MyUMServer1", "MyUMServer1"),
        ("server", "myumserver1", "MyUMServer1"),
        ("server", "MyUMServer1.contoso.com", "MyUMServer1"),
        ("server", "MyUMCallRouter.northwindtraders.com", "MyUMCallRouter"),
        ("server", f"CN=MBX01,{SERVERS},{EXCHANGE}", "MBX01"),
        ("server", "/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/"
                   "cn=Servers/cn=Mailbox01", "Mailbox01"),
        ("umService", "MBX01", "MBX01"),
        ("callRouter", "UMCallRouter001.contoso.com", "UMCallRouter001\\UMCallRouterSettings"),
        ("dialPlan", "mysipdialplan", "MySIPDialPlan"),
        ("dialPlan", f"CN=MyDialPlan,CN=UM DialPlan Container,{EXCHANGE}", "MyDialPlan"),
        ("ipGateway", "MyUMIPGateway", "MyUMIPGateway"),
        ("huntGroup", "MyUMIPGateway\\MyUMHuntGroup", "MyUMIPGateway\\MyUMHuntGroup"),
        ("huntGroup", "myumhuntgroup", "MyUMIPGateway\\MyUMHuntGroup"),  # a name no other gateway's group has
        ("mailboxPolicy", "MyUMMailboxPolicy", "MyUMMailboxPolicy"),
        ("autoAttendant", "MyUMAutoAttendant", "MyUMAutoAttendant"),
        ("mailbox", "tonysmith", "contoso.com/Users/Tony Smith"),
        ("mailbox", "Tony Smith", "contoso.com/Users/Tony Smith"),
        ("mailbox", "tonysmith@contoso.com", "contoso.com/Users/Tony Smith"),
        ("mailbox", "CONTOSO\\tonysmith", "contoso.com/Users/Tony Smith"),
        ("mailbox", "contoso\\TonySmith", "contoso.com/Users/Tony Smith"),
        ("mailbox", "contoso.com/Users/Tony Smith", "contoso.com/Users/Tony Smith"),
        ("mailbox", "CN=Tony Smith,CN=Users,DC=contoso,DC=com", "contoso.com/Users/Tony Smith"),
        ("certificate", "Mailbox01\\0271A7F1CA9AD8A27152CCAE044F968F068B14B8",
         "Mailbox01.contoso.com\\0271A7F1CA9AD8A27152CCAE044F968F068B14B8"),
        ("certificate", "mailbox01.contoso.com\\0271a7f1ca9ad8a27152ccae044f968f068b14b8",
         "Mailbox01.contoso.com\\0271A7F1CA9AD8A27152CCAE044F968F068B14B8"),
        ("certificate", "5113AE0233A72FCCB75B1D0198628675333D010E",  # on the local server
         "MyUMServer1.contoso.com\\5113AE0233A72FCCB75B1D0198628675333D010E"),
        ("recipient", "Marketing Department", "contoso.com/Users/Marketing Department"),
        ("recipient", "tony@contoso.com", "contoso.com/Users/Tony Smith"),
    ],
)  # fmt: skip
def test_resolves(org, kind: str, identity: str, expected: str) -> None:
    record = org.resolve(kind, identity)
    assert (record.display_name if kind in ("huntGroup", "callAnsweringRule") else str(record.Identity)) == expected


def test_resolves_by_guid(org) -> None:
    dial_plan = org.resolve("dialPlan", "MyUMDialPlan")
    assert org.resolve("dialPlan", str(dial_plan.Guid).upper()) is dial_plan
    assert org.resolve("dialPlan", dial_plan.Identity) is dial_plan  # an ADObjectId
    assert org.resolve("dialPlan", dial_plan.snapshot()) is dial_plan  # a piped object
    service = org.resolve("umService", "MyUMServer2")
    assert org.resolve("server", service) is service.server


def test_certificate_with_server_option(org) -> None:
    cert = org.resolve("certificate", "7A6BD24C3F927BEE799FDE150FFAC1C7629BBF48", server="Exchange01")
    assert cert.server.Name == "Exchange01"
    assert org.find("certificate", "7A6BD24C3F927BEE799FDE150FFAC1C7629BBF48") == []  # not on the local server


def test_call_answering_rule_within_mailbox(org) -> None:
    assert org.resolve("callAnsweringRule", "MyUMCallAnsweringRule", mailbox="tonysmith").Priority == 1
    assert org.find("callAnsweringRule", "MyUMCallAnsweringRule", mailbox="kima") == []
    assert len(org.find("callAnsweringRule", "MyUMCallAnsweringRule")) == 2  # Tony's and the Administrator's


@pytest.mark.parametrize(
    ("kind", "identity"),
    [
        ("umService", "EDGE01"),  # no Mailbox role
        ("umService", "MyUMCallRouter"),  # Client Access only
        ("callRouter", "Server1"),  # Mailbox only (Exchange 2013)
        ("mailboxServer", "UMCallRouter001"),
        ("clientAccessServer", "Server1"),
        ("server", "NOPE"),
        ("dialPlan", "NoSuchPlan"),
        ("huntGroup", "NoSuchHuntGroup"),
        ("huntGroup", "LyncPoolNA\\MyUMHuntGroup"),  # the name, under another gateway
        ("mailbox", "nobody@contoso.com"),
        ("certificate", "EXCH01\\0271A7F1CA9AD8A27152CCAE044F968F068B14B8"),
    ],
)
def test_not_found_message(org, kind: str, identity: str) -> None:
    with pytest.raises(ObjectNotFoundError) as caught:
        org.resolve(kind, identity)
    error = caught.value
    assert str(error) == (
        f"The operation couldn't be performed because object '{identity}' couldn't be found on 'DC01.contoso.com'."
    )
    assert error.exception_type == "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
    assert error.category == "NotSpecified"


def test_role_filtering_lists(org) -> None:
    assert [s.Name for s in org.records("server") if s.um_service] == [s.server.Name for s in org.um_services()]
    assert "Server1" in org.names("umService") and "Server1" not in org.names("callRouter")
    assert "MyUMCallRouter" in org.names("callRouter") and "MyUMCallRouter" not in org.names("umService")
    assert "EDGE01" in org.names("server") and "EDGE01" not in org.names("umService") + org.names("callRouter")


AMBIGUOUS = """\
organization:
  domain: contoso.com
mailboxes:
  - Name: John Smith
    Alias: johns
  - Name: John Smith (Sales)
    Alias: jsmith
    DisplayName: John Smith
"""


def test_ambiguous_message(org_from_yaml) -> None:
    org = org_from_yaml(AMBIGUOUS)
    with pytest.raises(AmbiguousIdentityError) as caught:
        org.resolve("mailbox", "John Smith")
    error = caught.value
    assert str(error) == "The operation couldn't be performed because 'John Smith' matches multiple entries."
    assert error.exception_type == "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException"
    assert sorted(m.Alias for m in error.matches) == ["johns", "jsmith"]
    assert org.resolve("mailbox", "jsmith").Name == "John Smith (Sales)"


def test_not_found_names_the_org_domain_controller(org_from_yaml) -> None:
    org = org_from_yaml("organization:\n  domain: fabrikam.com\n  domainController: AD1.fabrikam.com\n")
    with pytest.raises(ObjectNotFoundError, match=r"couldn't be found on 'AD1\.fabrikam\.com'\.$"):
        org.resolve("dialPlan", "X")


@pytest.mark.parametrize(
    ("kind", "names"),
    [
        ("dialPlan", ["MyDialPlan", "MySIPDialPlan", "MyUMDialPlan"]),
        ("huntGroup", ["LyncPoolNA\\LyncPoolNA", "MyUMIPGateway\\MyUMHuntGroup"]),
        ("ipGateway", ["LyncPoolNA", "MyUMIPGateway"]),
        ("autoAttendant", ["MyAutoAttendant", "MyDTMFAA", "MySpeechEnabledAA", "MyUMAutoAttendant", "SalesAutoAttendant"]),
        ("mailbox", ["adamb", "Administrator", "chrisa", "davidp", "ed", "florencef", "jeffh", "johnw", "kima",
                     "mollyd", "pilarp", "SystemMailbox{1f05a927-b864-48a7-984d-95b1adfbfe2d}",
                     "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}", "tonysmith"]),
    ],
)
def test_completion_names(org, kind: str, names: list[str]) -> None:
    assert org.names(kind) == names
