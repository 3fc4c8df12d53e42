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


def test_the_limits_the_readme_gives_are_the_limits_emshell_applies() -> None:
    from emshell.cli import TIMEOUT_GRACE
    from emshell.engine import limits
    from emshell.language.driver import MAX_STACK_DEPTH
    from emshell.model.orgfile import MAX_BYTES, MAX_DEPTH

    rows = {row.split("|")[1].strip(): row for row in section("Hardening").splitlines() if row.startswith("| ")}
    assert f"{limits.MAX_CALL_DEPTH} calls" in rows["Script call depth"]
    assert f"{MAX_STACK_DEPTH} levels" in rows["Parser nesting"]
    assert f"{limits.MAX_ELEMENTS:,}" in rows["Elements in one array"]
    assert f"{limits.MAX_STRING_LENGTH:,}" in rows["Characters in one string"]
    assert f"ended {TIMEOUT_GRACE:g} seconds later" in rows["Run time"]
    assert f"{MAX_BYTES // 1_048_576} MB, {MAX_DEPTH} levels" in rows["Org files"]


def test_every_input_the_fuzzers_found_is_kept_as_a_test() -> None:
    import re
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "hardening"))
    from test_found_by_fuzzing import FOUND

    kept = {text for text, _, _ in FOUND}
    table = section("Hardening").split("### What it found")[1].split("Hangs and runaway memory")[0]
    inputs = [
        span.strip().replace("\\|", "|")
        for row in table.splitlines()
        if row.startswith("| `")
        for span in re.findall(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", row.split(" | ")[0])
        for span in [span[1]]
    ]
    assert len(inputs) > 20
    assert [text for text in inputs if text not in kept] == []
