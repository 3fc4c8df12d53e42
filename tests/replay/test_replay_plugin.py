"""The pytest plugin, run the way its users run it: pytest in a subprocess, on a sample project
written from the README alone (``stranger_project``), with and without pytest-xdist."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from emshell.testing.golden import transcript_diff

HERE = Path(__file__).parent
PROJECT = HERE / "stranger_project"
REPO = HERE.parent.parent


def _entry_point_installed() -> bool:
    from importlib.metadata import entry_points

    return any(ep.value == "emshell.testing.plugin" for ep in entry_points(group="pytest11"))


def run_pytest(directory: Path, *args: str) -> subprocess.CompletedProcess:
    # Once the package is installed the entry point loads the plugin; a checkout installed
    # before the entry point existed names it.
    plugin = () if _entry_point_installed() else ("-p", "emshell.testing.plugin")
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plugin, *args],
                          cwd=directory, capture_output=True, text=True, timeout=300)  # fmt: skip


@pytest.fixture
def project(tmp_path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(PROJECT, target)
    return target


@pytest.mark.parametrize("workers", [(), ("-n", "2")], ids=["serial", "xdist"])
def test_a_strangers_project_passes(project, workers):
    run = run_pytest(project, *workers)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "18 passed" in run.stdout


def test_changing_one_expected_line_fails_with_a_readable_diff(project):
    expected = project / "scripts" / "dual.out"
    expected.write_text(expected.read_text().replace("UMStartupMode : Dual", "UMStartupMode : TLS"))
    run = run_pytest(project, "scripts")
    assert run.returncode == 1
    assert "--- dual.out (expected)\n+++ dual.ps1 (actual)\n" in run.stdout
    assert "\n-UMStartupMode : TLS\n+UMStartupMode : Dual\n" in run.stdout
    assert "Run pytest with --ps1-update to accept the actual transcript." in run.stdout


def test_ps1_update_rewrites_the_expected_transcript(project):
    expected = project / "scripts" / "dual.out"
    original = expected.read_text()
    expected.write_text("stale\n")
    assert run_pytest(project, "scripts", "--ps1-update").returncode == 0
    assert expected.read_text() == original
    assert run_pytest(project, "scripts").returncode == 0


def test_a_script_without_a_transcript_says_how_to_make_one(project):
    (project / "scripts" / "dual.out").unlink()
    run = run_pytest(project, "scripts")
    assert run.returncode == 1
    assert "dual.out does not exist yet: run pytest with --ps1-update" in run.stdout


def test_files_beside_a_script_set_up_its_run(project):
    scripts = project / "scripts"
    (scripts / "users.ps1").write_text(
        "$name = Read-Host 'Name'\nImport-Csv C:\\temp\\users.csv | ForEach-Object { \"$name adds $($_.Alias)\" }\n"
        "(Get-UMService).Count\n"
    )
    (scripts / "users.input").write_text("Kim\n")
    (scripts / "users.files" / "temp").mkdir(parents=True)
    (scripts / "users.files" / "temp" / "users.csv").write_text("Alias\nTony\n")
    shutil.copy(project / "lab.yaml", scripts / "users.yaml")
    assert run_pytest(project, "scripts", "--ps1-update").returncode == 0
    prompt = "[PS] C:\\Windows\\system32>"
    assert (scripts / "users.out").read_text() == (
        f"{prompt}$name = Read-Host 'Name'\nName: Kim\n"
        f"{prompt}Import-Csv C:\\temp\\users.csv | ForEach-Object {{ \"$name adds $($_.Alias)\" }}\nKim adds Tony\n"
        f"{prompt}(Get-UMService).Count\n1\n"
    )


def test_the_repository_examples_are_golden_tests():
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "examples"], cwd=REPO,
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    collected = {line for line in run.stdout.splitlines() if line.endswith(".ps1::transcript")}
    assert {f"examples/{p.name}::transcript" for p in (REPO / "examples").glob("*.ps1")} <= collected
    assert collected


def test_the_entry_point_is_declared():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["entry-points"]["pytest11"] == {"emshell.testing.plugin": "emshell.testing.plugin"}


@pytest.mark.parametrize(("expected", "actual", "note"), [
    ("a\nb\n", "a\nc\n", False),
    ("Name  \n", "Name\n", True),
])  # fmt: skip
def test_transcript_diff(expected, actual, note):
    diff = transcript_diff(expected, actual, "case")
    assert diff.startswith("--- case.out (expected)\n+++ case.ps1 (actual)\n")
    assert ("differ only in trailing spaces" in diff) is note
