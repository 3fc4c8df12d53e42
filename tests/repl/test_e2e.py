"""The real ``emshell`` in a pseudo-terminal: what a trainee types, what the window shows.

Each test starts the shell with a fixed window (24 x 120), ``TERM=xterm``, no cursor-position
requests (nobody answers them here), its own history folder, and a time limit on every wait.
"""

from __future__ import annotations

import os
import re
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

PROMPT = " C:\\Windows\\system32>"  # after "[PS]", which is yellow when colour is on
TIMEOUT = 10


@pytest.fixture
def shell(tmp_path):
    sessions = []

    def start(*options: str, color: bool = False):
        env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "COLUMNS", "LINES")}
        env.update(TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", XDG_DATA_HOME=os.fspath(tmp_path / "data"))
        if not color:
            env["NO_COLOR"] = "1"
        child = pexpect.spawn(sys.executable, ["-m", "emshell", "--sandbox", os.fspath(tmp_path / "c"), *options], env=env,
                              dimensions=(24, 120), encoding="utf-8", timeout=TIMEOUT)  # fmt: skip
        sessions.append(child)
        child.expect_exact(PROMPT)
        return child

    (tmp_path / "c").mkdir()
    yield start
    for child in sessions:
        if child.isalive():
            child.terminate(force=True)


# prompt-toolkit switches bracketed paste on while it reads a line and off when the line is taken:
# the surest marks of "input accepted" and "a new prompt is being drawn".
READING_ENDS = "\x1b[?2004l"
READING_STARTS = "\x1b[?2004h"
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


def plain(text: str) -> str:
    return ESCAPES.sub("", text)


def next_prompt(child, *, raw: bool = False) -> str:
    """Wait for the next prompt; return what was printed since the input was taken (without
    escape sequences unless ``raw``)."""
    child.expect_exact(READING_ENDS)
    child.expect_exact(READING_STARTS)
    printed = child.before
    child.expect_exact(PROMPT)
    return printed if raw else plain(printed)


def run(child, line: str, *, raw: bool = False) -> str:
    """Type a command line, press Enter, and return what it printed before the next prompt."""
    child.send(line + "\r")
    return next_prompt(child, raw=raw)


def test_tab_completes_cmdlet_parameter_and_value_then_enter_asks_for_identity(shell) -> None:
    child = shell()
    child.send("Set-UMServ\t -UMSt\t Du\t")
    child.expect_exact("Set-UMService -UMStartupMode Dual")
    child.send("\r")
    child.expect_exact(READING_ENDS)
    child.expect_exact("cmdlet Set-UMService at command pipeline position 1\r\n"
                       "Supply values for the following parameters:\r\n")  # fmt: skip
    child.expect_exact("Identity:")
    child.send("MyUMServer1\r")
    assert "WARNING:" in next_prompt(child)  # the restart reminder of a changed startup mode
    assert run(child, "(Get-History)[-1].CommandLine").splitlines()[-1] == "Set-UMService -UMStartupMode Dual"
    assert run(child, "(Get-UMService -Identity MyUMServer1).UMStartupMode").splitlines()[-1] == "Dual"


def test_shift_tab_and_repeated_tab_cycle_through_candidates(shell) -> None:
    child = shell()
    child.send("Set-UMService -Identity MyUMServer1 -UMStartupMode \t\t\x1b[Z\x1b[Z")  # Tab, Tab, Shift+Tab x2
    child.send("\r")
    next_prompt(child)
    assert run(child, "(Get-History)[-1].CommandLine").splitlines()[-1] == (
        "Set-UMService -Identity MyUMServer1 -UMStartupMode Dual"
    )


@pytest.mark.parametrize(("running", "check", "expected"), [
    ("while ($true) { $i++ }", "$i -gt 0", "True"),
    # a match never reaches a point where the pipeline checks for a stop: Ctrl-C stops it where it is
    ("$before = 1; [regex]::Match('a' * 40 + 'b', '^(a+)+$'); $after = 1", '"$before/$after"', "1/"),
], ids=["a loop", "a regular expression that backtracks for ever"])  # fmt: skip
def test_ctrl_c_stops_what_is_running_and_returns_to_the_prompt(shell, running, check, expected) -> None:
    child = shell()
    child.send(running + "\r")
    child.expect_exact(READING_ENDS)
    assert child.expect_exact([READING_STARTS, pexpect.TIMEOUT], timeout=0.5) == 1  # still running
    child.sendintr()
    assert "pipeline has been stopped" not in next_prompt_after_interrupt(child)
    assert run(child, check).splitlines()[-1] == expected
    assert run(child, "(Get-History)[-2].ExecutionStatus").splitlines()[-1] == "Stopped"


def next_prompt_after_interrupt(child) -> str:
    child.expect_exact(READING_STARTS)
    printed = child.before
    child.expect_exact(PROMPT)
    return plain(printed)


def test_ctrl_c_cancels_the_line_being_typed(shell) -> None:
    child = shell()
    child.send("Get-UMService -Identity")
    child.expect_exact("-Identity")
    child.sendintr()
    next_prompt(child)
    assert run(child, "(Get-History).Count").splitlines()[-1] == "0"


def test_exit_leaves_with_code_zero(shell) -> None:
    child = shell()
    child.send("exit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_exit_with_a_code_and_ctrl_d(shell) -> None:
    child = shell()
    child.send("exit 4\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4
    child = shell()
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_an_open_brace_continues_on_a_second_line(shell) -> None:
    child = shell()
    child.send("if ($true) {\r")
    assert child.expect_exact([">>", READING_ENDS]) == 0  # a continuation line, nothing run yet
    child.send("'inside'\r")
    child.expect_exact("'inside'")
    assert child.expect_exact([">>", READING_ENDS]) == 0
    child.send("}\r")
    assert next_prompt(child).splitlines()[-1] == "inside"


def test_read_host_as_secure_string_masks_what_is_typed(shell) -> None:
    child = shell()
    child.send("$pin = Read-Host 'PIN' -AsSecureString\r")
    child.expect_exact("PIN:")
    child.send("4711")
    child.expect_exact("****")
    child.send("\r")
    assert "4711" not in next_prompt(child)
    assert run(child, "$pin.Length").splitlines()[-1] == "0"


def test_banner_title_and_colours(shell) -> None:
    child = shell(color=True)
    start = child.before
    assert start.endswith("\x1b[0;93m[PS]\x1b[0m")  # then " C:\Windows\system32>"
    assert re.search(r"\x1b\]0;Machine: \S+\x07", start)
    assert "Welcome to the Exchange Management Shell!" in start
    assert "\x1b[93mVERBOSE: Connected to " in start
    text = run(child, "Write-Error 'broken'", raw=True)
    assert "\x1b[91mWrite-Error 'broken' : broken\x1b[0m" in text
    text = run(child, "Write-Warning 'careful'", raw=True)
    assert "\x1b[93mWARNING: careful\x1b[0m" in text


def test_history_is_saved_for_the_next_session(shell, tmp_path) -> None:
    child = shell()
    run(child, "Get-Date | Out-Null")
    child.send("exit\r")
    child.expect(pexpect.EOF)
    saved = (tmp_path / "data" / "emshell" / "history").read_text(encoding="utf-8")
    assert "+Get-Date | Out-Null\n" in saved


def test_ctrl_space_shows_every_candidate(shell) -> None:
    child = shell()
    child.send("Set-UMService -Identity MyUMServer1 -IPAddressFamily ")
    child.expect_exact("-IPAddressFamily")
    child.send("\x00")  # Ctrl+Space
    for value in ("IPv4Only", "IPv6Only", "Any"):
        child.expect_exact(value)
    child.send("\t\t")  # Tab moves through the menu
    child.expect_exact("IPv6Only")
    child.send("\r")  # Enter takes the choice and closes the menu
    assert child.expect_exact([READING_ENDS, pexpect.TIMEOUT], timeout=0.5) == 1  # nothing run yet
    child.send(" -WhatIf\r")
    assert "What if:" in next_prompt(child)
    assert run(child, "(Get-History)[-1].CommandLine").splitlines()[-1] == (
        "Set-UMService -Identity MyUMServer1 -IPAddressFamily IPv6Only -WhatIf"
    )


def test_escape_clears_the_line(shell) -> None:
    child = shell()
    child.send("Get-UMService -Identity Nope")
    child.expect_exact("Nope")
    child.send("\x1b")
    child.send("(Get-History).Count\r")
    assert next_prompt(child).splitlines()[-1] == "0"


def test_transcript_and_save_options_work_in_the_shell(shell, tmp_path) -> None:
    from emshell.model import Organization

    transcript, saved = tmp_path / "session.txt", tmp_path / "org.yaml"
    child = shell("--transcript", os.fspath(transcript), "--save", os.fspath(saved))
    before = run(child, "[string](Get-UMService -Identity MyUMServer1).UMStartupMode").splitlines()[-1]
    mode = "TLS" if before == "Dual" else "Dual"
    run(child, f"Set-UMService -Identity MyUMServer1 -UMStartupMode {mode} -WarningAction SilentlyContinue")
    run(child, "'done'")
    child.send("exit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = transcript.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert "[PS] C:\\Windows\\system32>'done'\ndone\n" in text
    assert "\nWindows PowerShell transcript end\n" in text
    assert str(Organization.load(saved).resolve("umService", "MyUMServer1").UMStartupMode) == mode
