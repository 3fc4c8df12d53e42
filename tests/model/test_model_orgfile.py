"""Org files: byte-identical round trips, atomic saves, and one-line errors for bad files."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from emshell.model import orgfile
from emshell.model.errors import OrgFileError
from emshell.model.org import Organization

DEFAULT_FILE = Path(orgfile.__file__).with_name("default_org.yaml")


def test_default_org_file_is_canonical() -> None:
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    assert Organization.load(DEFAULT_FILE).dump() == text


def test_load_then_save_is_byte_identical(tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    Organization.load(DEFAULT_FILE).save(target)
    assert target.read_bytes() == DEFAULT_FILE.read_bytes()
    Organization.load(target).save(target)
    assert target.read_bytes() == DEFAULT_FILE.read_bytes()


def test_changed_org_round_trips(org, tmp_path: Path) -> None:
    service = org.resolve("umService", "MyUMServer1")
    org.set_properties(service, {"UMStartupMode": "Dual", "MaxCallsAllowed": 50})
    org.stop_service(service.server, "MSExchangeUMCR")
    org.new_dial_plan("Contoso Dial, Plan #2", number_of_digits=4, country_code="44", uri_type="E164")
    org.enable_um_mailbox(org.resolve("mailbox", "davidp"), org.resolve("mailboxPolicy", "MyUMMailboxPolicy"),
                          pin="246813")  # fmt: skip
    target = tmp_path / "changed.yaml"
    org.save(target)
    again = Organization.load(target)
    assert again.dump() == org.dump() == target.read_text(encoding="utf-8")
    # what the services loaded survives a save: the UM service still runs in TCP until restarted
    reloaded = again.resolve("umService", "MyUMServer1")
    assert (str(reloaded.UMStartupMode), str(reloaded.effective_startup_mode)) == ("Dual", "TCP")
    assert again.clock.now == org.clock.now
    assert again.resolve("mailbox", "davidp").pin == "246813"


def test_save_is_atomic_and_keeps_the_mode(org, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("old contents\n", encoding="utf-8")
    os.chmod(target, 0o640)
    org.save(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]  # no temporary file left
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == org.dump()


def test_failed_save_leaves_the_old_file(org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("old contents\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        org.save(target)
    assert target.read_text(encoding="utf-8") == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]


def test_non_canonical_input_is_normalised_once(org_from_yaml) -> None:
    text = """\
    mailboxes:
      - Alias: zed
        Name: Zed
        UMEnabled: false
      - {Name: Amy, Alias: amy}
    organization: {domain: contoso.com, seed: x}
    """
    first = org_from_yaml(text).dump()
    assert "UMEnabled" not in first  # a default value is not written
    assert first.index("Name: Amy") < first.index("Name: Zed")
    assert Organization.from_text(first, "x").dump() == first


BAD_FILES = [
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n    VoIPSecurity: Foo\n",
     "org.yaml:5: dialPlans[0].VoIPSecurity: 'Foo' is not one of SIPSecured, Unsecured, Secured"),
    ("dialPlans:\n  - Name: A\n    Name: B\n",
     "org.yaml:3: dialPlans[0].Name: duplicate key (first on line 2)"),
    ("dialPlans:\n  - &x\n    Name: A\n  - *x\n",
     "org.yaml:2: anchors and aliases are not allowed"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b]\n",
     "org.yaml:1: anchors and aliases are not allowed"),
    ("dialPlans:\n  - Name: A\n   bad: [\n",
     "org.yaml:3: YAML syntax error: did not find expected '-' indicator"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n    Foo: 1\n",
     "org.yaml:5: dialPlans[0].Foo: unknown property"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n    voipsecurity: Secured\n",
     "org.yaml:5: dialPlans[0].voipsecurity: unknown property (did you mean 'VoIPSecurity'?)"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: five\n    CountryOrRegionCode: '1'\n",
     "org.yaml:3: dialPlans[0].NumberOfDigitsInExtension: expected a whole number, got 'five'"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 50\n    CountryOrRegionCode: '1'\n",
     "org.yaml:3: dialPlans[0].NumberOfDigitsInExtension: The value 50 of property NumberOfDigitsInExtension is "
     "out of range. It must be from 1 through 20."),
    ("dialPlans:\n  - Name: A\n    CountryOrRegionCode: '1'\n",
     "org.yaml:2: dialPlans[0]: NumberOfDigitsInExtension is required"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n    AccessTelephoneNumbers: 5\n",
     "org.yaml:5: dialPlans[0].AccessTelephoneNumbers: expected a list"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: [5]\n    CountryOrRegionCode: '1'\n",
     "org.yaml:3: dialPlans[0].NumberOfDigitsInExtension: expected a single value"),
    ("mailboxPolicies:\n  - Name: P\n    UMDialPlan: Nope\n",
     "org.yaml:3: mailboxPolicies[0].UMDialPlan: there is no UM dial plan named 'Nope'"),
    ("dialplans: []\n",
     "org.yaml:1: dialplans: unknown section (the sections are organization, servers, dialPlans, ipGateways, "
     "mailboxPolicies, autoAttendants, mailboxes, recipients)"),
    ("- a\n", "org.yaml:1: an org file is a mapping of sections (organization, servers, dialPlans, ...)"),
    ("dialPlans: !!python/object:os.system x\n",
     "org.yaml:1: YAML error: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'"),
    ("dialPlans:\n  - Name: A\n    5: x\n", "org.yaml:3: keys must be text, not 5"),
    ("", "org.yaml: the file is empty"),
    ("servers:\n  - Name: S\n    roles: [Mailbox, Hub]\n",
     "org.yaml:3: servers[0].roles[1]: 'Hub' is not one of Mailbox, ClientAccess, Edge"),
    ("servers:\n  - Name: S\n", "org.yaml:2: servers[0]: roles is required (Mailbox, ClientAccess or Edge)"),
    ("servers:\n  - Name: S\n    roles: [Edge, Mailbox]\n",
     "org.yaml:3: servers[0].roles: an Edge Transport server has no other role"),
    ("servers:\n  - Name: S\n    roles: [ClientAccess]\n    umService: {UMStartupMode: TLS}\n",
     "org.yaml:4: servers[0].umService: a server without the Mailbox role has no umService"),
    ("servers:\n  - Name: S\n    roles: [Mailbox]\n    windowsServices:\n      MSExchangeUM: {Status: Stopped, loaded: {}}\n",
     "org.yaml:5: servers[0].windowsServices.MSExchangeUM.loaded: a stopped service has no loaded configuration"),
    ("servers:\n  - Name: S\n    roles: [Mailbox]\n    windowsServices:\n      W3SVC: {}\n",
     "org.yaml:5: servers[0].windowsServices.W3SVC: unknown service (this server runs MSExchangeUM)"),
    ("organization:\n  localServer: Nope\n",
     "org.yaml:2: organization.localServer: there is no server named 'Nope'"),
    ("organization:\n  utcOffsetMinutes: east\n",
     "org.yaml:2: organization.utcOffsetMinutes: expected a whole number, got 'east'"),
    ("organization:\n  domain: not a domain\n", "org.yaml:2: organization.domain: \"not a domain\" isn't a valid FQDN."),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n"
     "  - Name: a\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n",
     "org.yaml:5: dialPlans[1].Name: another UM dial plan has this name (dialPlans[0])"),
    ("ipGateways:\n  - Name: G\n    Address: 1.2.3.4\n    Simulator: maybe\n",
     "org.yaml:4: ipGateways[0].Simulator: expected true or false, got 'maybe'"),
    ("dialPlans:\n  - Name: A\n    NumberOfDigitsInExtension: 5\n    CountryOrRegionCode: '1'\n    WelcomeGreetingEnabled: true\n",
     "org.yaml:2: dialPlans[0]: A welcome greeting can't be enabled until a welcome greeting file name is set "
     "(WelcomeGreetingFilename)."),
    ("x: " + "[" * 5000 + "]" * 5000 + "\n", "org.yaml:1: YAML syntax error: exceeded maximum nesting depth"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_bad_files_give_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(OrgFileError) as caught:
        Organization.from_text(text, "org.yaml")
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_enum_error_names_file_line_and_field() -> None:
    with pytest.raises(OrgFileError) as caught:
        Organization.from_text(BAD_FILES[0][0], "org.yaml")
    error = caught.value
    assert (error.filename, error.line, error.field) == ("org.yaml", 5, "dialPlans[0].VoIPSecurity")


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("#" * orgfile.MAX_BYTES + "\n", encoding="utf-8")
    with pytest.raises(OrgFileError) as caught:
        Organization.load(big)
    assert str(caught.value) == f"{big}: the file is larger than 1048576 bytes (1048577 bytes)"
    with pytest.raises(OrgFileError, match="the file is larger than 1048576 bytes$"):
        Organization.from_text("#" * (orgfile.MAX_BYTES + 1), "org.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "the file doesn't exist"), (b"\xff\xfe bad", "the file isn't UTF-8 text")],
)
def test_unreadable_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "org.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(OrgFileError) as caught:
        Organization.load(path)
    assert str(caught.value) == f"{path}: {message}"


def test_yaml_is_imported_only_to_read() -> None:
    import subprocess
    import sys

    code = ("import sys; from emshell.model.org import Organization; Organization.from_text; "
            "print('yaml' in sys.modules)")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@given(st.text(max_size=40))
def test_scalars_load_back_unchanged(text: str) -> None:
    line = f"key: {orgfile.scalar(text)}"
    assert yaml.safe_load(line) == {"key": text}


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("MyUMDialPlan", "MyUMDialPlan"),
        ("Version 15.1 (Build 2507.6)", "Version 15.1 (Build 2507.6)"),
        ("C:\\Program Files\\Microsoft", "C:\\Program Files\\Microsoft"),
        ("5060", '"5060"'),
        ("yes", '"yes"'),
        ("Null", '"Null"'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("+14255550100", '"+14255550100"'),
        ("2023-06-01T10:00:00", '"2023-06-01T10:00:00"'),
        ("", '""'),
        (True, "true"),
        (5061, "5061"),
        (None, "null"),
    ],
)
def test_scalar_forms(value: object, written: str) -> None:
    assert orgfile.scalar(value) == written


def test_org_file_keeps_hand_written_settings(org_from_yaml) -> None:
    org = org_from_yaml(textwrap.dedent("""\
        organization:
          domain: fabrikam.com
          exchangeOrganization: Fabrikam
        """))
    assert (org.settings.netbios_domain, org.settings.domain_controller) == ("FABRIKAM", "DC01.fabrikam.com")
    assert "exchangeOrganization: Fabrikam" in org.dump()
