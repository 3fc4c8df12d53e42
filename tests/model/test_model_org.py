"""The Organization: copies, transactions, determinism, the clock and the local server."""

from __future__ import annotations

import time

import pytest

from emshell.model.errors import DomainRuleError, ModelError
from emshell.model.org import Organization


def test_default_copies_are_independent() -> None:
    first, second = Organization.default(), Organization.default()
    first.set_properties(first.resolve("dialPlan", "MyUMDialPlan"), {"MaxCallDuration": 60})
    first.remove(first.resolve("ipGateway", "MyUMIPGateway"))
    assert second.resolve("dialPlan", "MyUMDialPlan").MaxCallDuration == 30
    assert second.names("ipGateway") == ["LyncPoolNA", "MyUMIPGateway"]
    assert Organization.default().dump() == second.dump()


def test_copy_is_deep(org) -> None:
    twin = org.copy()
    assert twin.dump() == org.dump()
    service = twin.resolve("umService", "MyUMServer2")
    twin.set_properties(service, {"DialPlans": None})
    twin.stop_service(service.server, "MSExchangeUM")
    assert str(org.resolve("umService", "MyUMServer2").DialPlans) == "{MySIPDialPlan}"
    assert org.resolve("umService", "MyUMServer2").windows_service.is_running
    # owned records point at their own copies
    assert twin.resolve("huntGroup", "MyUMIPGateway\\MyUMHuntGroup").gateway is twin.resolve("ipGateway", "MyUMIPGateway")
    assert service.server is twin.server("MyUMServer2")


def test_copy_is_fast(org) -> None:
    start = time.perf_counter()
    for _ in range(20):
        org.copy()
    assert (time.perf_counter() - start) / 20 < 0.005


def test_transaction_rolls_back_everything(org) -> None:
    before = org.dump()
    dial_plan = org.resolve("dialPlan", "MyUMDialPlan")
    gateway = org.resolve("ipGateway", "MyUMIPGateway")
    with pytest.raises(RuntimeError), org.transaction():
        org.set_properties(dial_plan, {"MaxCallDuration": 60, "AccessTelephoneNumbers": {"Add": ["+14255550199"]}})
        org.remove(gateway)
        org.new_dial_plan("Temp", number_of_digits=3, country_code="1")
        org.restart_service(org.server("MyUMServer1"), "MSExchangeUM")
        raise RuntimeError("the cmdlet failed")
    assert org.dump() == before
    assert org.resolve("ipGateway", "MyUMIPGateway") is gateway  # the same objects are back
    assert gateway.hunt_groups[0].gateway is gateway


@pytest.mark.parametrize(
    ("kind", "identity", "changes"),
    [
        ("dialPlan", "MyUMDialPlan", {"MaxCallDuration": 60, "RecordingIdleTimeout": 99}),
        ("dialPlan", "MyUMDialPlan", {"FaxEnabled": False, "URIType": "E164"}),
        ("umService", "MyUMServer1", {"MaxCallsAllowed": 5, "DialPlans": ["MyUMDialPlan"]}),
        ("umService", "MyUMServer2", {"UMStartupMode": "TCP", "Status": "Disabled"}),
        ("mailboxPolicy", "MyUMMailboxPolicy", {"MinPINLength": 8, "LogonFailuresBeforePINReset": 20}),
        ("ipGateway", "MyUMIPGateway", {"Port": 5061, "Address": "fe80::1"}),
    ],
)
def test_a_failing_set_leaves_the_org_unchanged(org, kind: str, identity: str, changes: dict) -> None:
    before = org.dump()
    record = org.resolve(kind, identity)
    if "DialPlans" in changes:
        changes = {**changes, "DialPlans": [org.resolve("dialPlan", n) for n in changes["DialPlans"]]}
    with pytest.raises(ModelError):
        org.set_properties(record, changes)
    assert org.dump() == before


def test_nothing_changed_means_no_tick(org) -> None:
    before, clock = org.dump(), org.clock.now
    result = org.set_properties(org.resolve("dialPlan", "MyUMDialPlan"), {"MaxCallDuration": 30, "FaxEnabled": True})
    assert (result.changed, bool(result), org.clock.now) == ([], False, clock)
    assert org.dump() == before


def test_clock_advances_one_second_per_change(org) -> None:
    start = org.clock.now
    dial_plan = org.resolve("dialPlan", "MyUMDialPlan")
    org.set_properties(dial_plan, {"MaxCallDuration": 40})
    org.set_properties(dial_plan, {"MaxCallDuration": 50})
    assert (org.clock.now - start).total_seconds() == 2
    assert dial_plan.WhenChanged == org.clock.now
    assert str(dial_plan.WhenChanged) == "2023-06-01 10:00:02"


def test_runs_are_reproducible() -> None:
    def run() -> tuple[str, str, str]:
        org = Organization.default()
        dial_plan = org.new_dial_plan("Repro", number_of_digits=4, country_code="1")
        return str(dial_plan.Guid), org.new_request_id(), org.dump()

    assert run() == run()


def test_guids_differ_for_each_new_object(org) -> None:
    first = org.new_dial_plan("One", number_of_digits=4, country_code="1")
    second = org.new_dial_plan("Two", number_of_digits=4, country_code="1")
    guids = {str(r.Guid) for r in org.records("dialPlan") + org.records("mailboxPolicy")}
    assert len(guids) == len(org.records("dialPlan")) + len(org.records("mailboxPolicy"))
    assert first.Guid != second.Guid


def test_local_server(org, org_from_yaml) -> None:
    assert org.local_server.Name == "MyUMServer1"
    unnamed = org_from_yaml("""\
        servers:
          - Name: CAS1
            roles: [ClientAccess]
          - Name: MBX9
            roles: [Mailbox]
        """)
    assert unnamed.local_server.Name == "MBX9"  # the first Mailbox server


def test_dump_is_the_org_file_text(org) -> None:
    text = org.dump()
    assert text.startswith("# emshell organization file")
    assert Organization.from_text(text, "dump").dump() == text


def test_unknown_property_cannot_be_set(org) -> None:
    with pytest.raises(DomainRuleError) as caught:
        org.set_properties(org.resolve("dialPlan", "MyUMDialPlan"), {"Identity": "x"})
    assert caught.value.error_id == "PropertyNotSettable"


def test_failure_context(org) -> None:
    first, second = org.failure_context(), org.failure_context()
    assert (first.server, first.computer_name, first.timestamp_text) == (
        "MYUMSERVER1", "myumserver1.contoso.com", "6/1/2023 10:00:00 AM",
    )  # fmt: skip
    assert first.request_id != second.request_id
    assert str(first) == f"[Server=MYUMSERVER1,RequestId={first.request_id},TimeStamp=6/1/2023 10:00:00 AM]"
    assert org.domain_controller == "DC01.contoso.com"


def test_shortcuts_the_engine_uses(org) -> None:
    assert (org.domain_name, org.local_server_name, org.local_server_fqdn) == (
        "contoso.com", "MyUMServer1", "MyUMServer1.contoso.com",
    )  # fmt: skip
    assert org.um_service("MyUMServer2").UMStartupMode == "Dual"
    assert str(org.call_router("MBX01").Identity) == "MBX01\\UMCallRouterSettings"
    assert org.dial_plan("MyDialPlan").URIType == "E164"
    assert org.mailbox("kima").SIPResourceIdentifier == "kima@contoso.com"


def test_importing_the_model_loads_no_heavy_module() -> None:
    import subprocess
    import sys

    modules = ", ".join(f"emshell.model.{m}" for m in (
        "org", "orgfile", "identity", "operations", "telephony", "values", "enums", "servers", "um", "recipients",
        "certificates",
    ))  # fmt: skip
    code = (f"import sys, emshell; before = set(sys.modules); import {modules}; "
            "print(sorted(m for m in set(sys.modules) - before if not m.startswith('emshell')))")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_seeded_thumbprints(org) -> None:
    first = org.ids.thumbprint("EX01", "UM")
    assert len(first) == 40 and first == first.upper() and first == org.copy().ids.thumbprint("EX01", "UM")
