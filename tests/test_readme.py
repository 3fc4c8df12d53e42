"""The README stays true: its set-up commands, its organization tables and its CLI options."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def test_ci_runs_the_test_command_the_readme_gives() -> None:
    assert "make test" in section("Set-up") and "make run" in section("Set-up")
    commands = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert commands[-1] == "exec make test"


def test_organization_tables_match_the_description_the_org_tests_check() -> None:
    described = (ROOT / "src" / "emshell" / "model" / "DEFAULT_ORG.md").read_text(encoding="utf-8")
    rows = [line for line in section("The built-in organization").splitlines() if line.startswith("|")]
    assert len(rows) > 20
    assert [row for row in rows if row not in described] == []


def test_every_cli_option_is_documented() -> None:
    from emshell.cli import USAGE

    options = {word.rstrip(",") for line in USAGE.splitlines() for word in line.split() if word.startswith("--")}
    documented = section("Using the shell")
    assert sorted(option for option in options if f"`{option}" not in documented) == []
