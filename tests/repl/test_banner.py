"""The EMS window's texts: banner, tip of the day, connection lines, prompt and title."""

from __future__ import annotations

import random

import pytest

from emshell.repl import banner

BANNER = """
         Welcome to the Exchange Management Shell!

Full list of cmdlets: Get-Command
Only Exchange cmdlets: Get-ExCommand
Cmdlets that match a specific string: Help *<string>*
Get general help: Help
Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?
Exchange team blog: Get-ExBlog
Show full output for a command: <command> | Format-List

Show quick reference guide: QuickRef
"""


def test_banner_text() -> None:
    assert banner.render(banner.banner(), color=False) == BANNER


def test_banner_commands_are_yellow() -> None:
    coloured = banner.render(banner.banner(), color=True)
    assert "Full list of cmdlets: \x1b[93mGet-Command\x1b[0m\n" in coloured
    assert "Show full output for a command: \x1b[93m<command> | Format-List\x1b[0m\n" in coloured


def test_prompt() -> None:
    assert banner.render(banner.prompt("C:\\Windows\\system32"), color=False) == "[PS] C:\\Windows\\system32>"
    assert banner.render(banner.prompt("C:\\temp"), color=True) == "\x1b[93m[PS]\x1b[0m C:\\temp>"


def test_connection_lines() -> None:
    assert banner.render(banner.connection("ex01.contoso.com"), color=False) == (
        "VERBOSE: Connecting to ex01.contoso.com.\nVERBOSE: Connected to ex01.contoso.com.\n"
    )


def test_window_title() -> None:
    assert banner.window_title("ex01.contoso.com") == "Machine: ex01.contoso.com"


@pytest.mark.parametrize("seed", range(5))
def test_a_tip_of_the_day(seed: int) -> None:
    text = banner.render(banner.tip_of_the_day(random.Random(seed)), color=False)
    header, blank, *body = text.split("\n")
    number = int(header.removeprefix("Tip of the day #").removesuffix(":"))
    assert blank == ""
    assert "\n".join(body) == banner.TIPS[number - 1] + "\n\n"


def test_tips_fit_the_window() -> None:
    assert len(banner.TIPS) >= 15
    assert all(len(line) < 120 for tip in banner.TIPS for line in tip.split("\n"))


@pytest.mark.parametrize(("org", "expected"), [
    (type("Org", (), {"local_server_fqdn": "EX01.contoso.com"})(), "EX01.contoso.com"),
    (type("Org", (), {"local_server": type("S", (), {"Fqdn": "MBX1.fabrikam.com"})()})(), "MBX1.fabrikam.com"),
    (object(), "localhost"),
])  # fmt: skip
def test_the_connected_server(org, expected: str) -> None:
    assert banner.server_fqdn(org) == expected
