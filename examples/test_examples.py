"""The examples as Python tests: the ``Shell`` API and the ``ems`` / ``ems_org`` fixtures.

The ``.ps1`` files of this folder are also golden transcript tests (``emshell_ps1_paths`` in
pyproject.toml): each one is replayed and compared with its ``.out`` file.  The tests below
check what the transcripts cannot show: the organization a script leaves behind and the files
it writes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from emshell import Shell

EXAMPLES = Path(__file__).parent
SEED_THUMBPRINT = "5113AE0233A72FCCB75B1D0198628675333D010E"


def test_the_seed_procedure_leaves_the_server_in_dual_mode(ems):
    result = ems.run_file(EXAMPLES / "seed-startup-mode.ps1")
    assert result.errors == []
    service = ems.org.um_service("MyUMServer1")
    assert service.UMStartupMode == "Dual"
    assert service.UMCertificateThumbprint == SEED_THUMBPRINT
    assert any("restarted" in warning for warning in result.warnings)


def test_without_the_restart_only_the_unsecured_dial_plan_answers(ems):
    result = ems.run_file(EXAMPLES / "seed-startup-mode-no-restart.ps1")
    assert result.values("EntireOperationSuccess") == [False, True]  # MySIPDialPlan, then MyUMDialPlan


def test_enabling_from_a_csv_reports_every_row(tmp_path):
    shutil.copytree(EXAMPLES / "enable-um-mailboxes-from-csv.files", tmp_path, dirs_exist_ok=True)
    shell = Shell(sandbox=tmp_path, inputs=["MyUMMailboxPolicy"])
    result = shell.run_file(EXAMPLES / "enable-um-mailboxes-from-csv.ps1")
    assert result.errors == []  # each failed row is caught and reported
    assert shell.org.mailbox("adamb").UMEnabled and shell.org.mailbox("chrisa").UMEnabled
    assert not shell.org.mailbox("davidp").UMEnabled  # its extension belongs to Tony Smith
    report = (tmp_path / "temp" / "um-report.csv").read_text(encoding="ascii").splitlines()
    assert report[0] == '"Alias","Extension","Result"'
    assert [line.split(",")[2] for line in report[1:3]] == ['"Enabled"', '"Enabled"']


def test_every_server_of_a_lab_moves_to_dual(ems_org):
    lab = ems_org("two-server-lab.yaml")
    result = lab.run_file(EXAMPLES / "all-servers-to-dual.ps1")
    assert result.errors == []
    assert [service.UMStartupMode for service in lab.org.um_services()] == ["Dual", "Dual"]
    assert "2 UM services moved to Dual: LAB01, LAB02" in result.text


def test_the_report_is_saved_as_unicode_text(ems):
    ems.run_file(EXAMPLES / "um-report.ps1")
    data = ems.path(r"C:\reports\um-users.txt").read_bytes()
    assert data.startswith(b"\xff\xfe")  # Out-File writes UTF-16 LE with a byte-order mark
    assert "Tony Smith    MyUMDialPlan" in data.decode("utf-16")


def test_each_test_gets_a_fresh_organization(ems):
    # The tests above changed their own copies; this one sees the built-in organization.
    assert ems.org.um_service("MyUMServer1").UMStartupMode == "TCP"
    assert not ems.org.mailbox("adamb").UMEnabled
