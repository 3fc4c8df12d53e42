"""Get-UMMailboxPin and Set-UMMailboxPIN: PIN policy, reset, expiry and lock-out."""

from __future__ import annotations

import pytest
from mailboxes_support import error_of, not_found, not_um_enabled, server_error, unchanged, values

from emshell import Shell


@pytest.fixture
def shell() -> Shell:
    return Shell()


def test_get_lists_every_um_mailbox(shell) -> None:
    assert shell.run("Get-UMMailboxPin").text == (
        "\n"
        "UserID                         PinExpired FirstLogonCompleted LockedOut\n"
        "------                         ---------- ------------------- ---------\n"
        "Administrator@contoso.com      False      True                False    \n"
        "kima@contoso.com               False      True                False    \n"
        "pilarp@contoso.com             False      True                False    \n"
        "tonysmith@contoso.com          True       False               False    \n"
        "\n"
        "\n"
    )


def test_get_one_in_full(shell) -> None:
    lines = shell.run("Get-UMMailboxPin -Identity tonysmith@contoso.com | Format-List").text.splitlines()
    assert lines[3:] == [
        "UserID              : tonysmith@contoso.com",
        "PinExpired          : True",
        "FirstLogonCompleted : False",
        "LockedOut           : False",
        "Identity            : contoso.com/Users/Tony Smith",
        "IsValid             : True",
        "ObjectState         : Unchanged",
        "",
        "",
        "",
    ]


def test_get_refusals(shell) -> None:
    assert error_of(shell.run("Get-UMMailboxPin davidp")) == not_um_enabled("Get-UMMailboxPin", "David Pelton")
    assert error_of(shell.run("Get-UMMailboxPin nobody")) == not_found("Get-UMMailboxPin", "nobody")
    ignored = shell.run("Get-UMMailboxPin davidp -IgnoreErrors")  # errors are written as warnings
    assert (ignored.errors, ignored.warnings) == (
        [], ['The mailbox "contoso.com/Users/David Pelton" isn\'t enabled for Unified Messaging.'])  # fmt: skip


def test_reset_generates_an_expired_pin(shell) -> None:
    before = shell.org.resolve("mailbox", "kima").pin
    result = shell.run("Set-UMMailboxPIN -Identity kima")
    assert [str(o.get_property("PinExpired")) for o in result.output] == ["True"]
    pin = shell.org.resolve("mailbox", "kima").pin
    assert pin != before and len(pin) == 6 and pin.isdigit()


def test_set_a_pin(shell) -> None:
    shell.run("Set-UMMailboxPIN -Identity tonysmith@contoso.com -PIN 1985848 -PinExpired $false")
    assert shell.org.resolve("mailbox", "tonysmith").pin == "1985848"
    assert values(shell, "Get-UMMailboxPin tonysmith", "PinExpired", "LockedOut") == [["False", "False"]]


def test_lock_out_and_unlock(shell) -> None:
    shell.run("Set-UMMailboxPIN -Identity tonysmith@contoso.com -LockedOut $true")
    assert values(shell, "Get-UMMailboxPin tonysmith", "LockedOut") == [["True"]]
    shell.run("Set-UMMailboxPIN -Identity tonysmith@contoso.com -LockedOut $false")
    assert values(shell, "Get-UMMailboxPin tonysmith", "LockedOut") == [["False"]]
    shell.run("Set-UMMailboxPIN -Identity tonysmith@contoso.com -LockedOut $true")
    shell.run("Set-UMMailboxPIN -Identity tonysmith@contoso.com")  # a reset clears the lock-out too
    assert values(shell, "Get-UMMailboxPin tonysmith", "LockedOut") == [["False"]]


def test_whatif_changes_nothing(shell) -> None:
    before = shell.org.dump()
    assert shell.run("Set-UMMailboxPIN tonysmith -Pin 246813 -WhatIf").text == \
        'What if: Setting the UM PIN of mailbox "tonysmith".\n'  # fmt: skip
    assert shell.org.dump() == before


def weak_pin(cmdlet: str = "Set-UMMailboxPIN") -> tuple[str, str, str]:
    return server_error(
        cmdlet, 'The PIN doesn\'t meet the PIN policy of UM mailbox policy "MyUMMailboxPolicy": repeated digits, '
        "consecutive digits and the extension number aren't allowed (AllowCommonPatterns is False).",
        "DataValidationException", "InvalidData", "WeakPinException")


def test_an_extension_is_a_weak_pin_unless_the_policy_allows_common_patterns(shell) -> None:
    shell.run("Enable-UMMailbox florencef -UMMailboxPolicy MyUMMailboxPolicy -Extensions 52001 -PIN 520014")
    assert error_of(unchanged(shell, "Set-UMMailboxPIN florencef -Pin 52001")) == server_error(
        "Set-UMMailboxPIN", 'The PIN must be from 6 through 24 digits long (UM mailbox policy "MyUMMailboxPolicy").',
        "DataValidationException", "InvalidData", "PINTooShort")  # fmt: skip
    shell.org.set_properties(shell.org.resolve("mailboxPolicy", "MyUMMailboxPolicy"), {"MinPINLength": 5})
    assert error_of(unchanged(shell, "Set-UMMailboxPIN florencef -Pin 52001")) == weak_pin()
    shell.org.set_properties(shell.org.resolve("mailboxPolicy", "MyUMMailboxPolicy"), {"AllowCommonPatterns": True})
    assert shell.run("Set-UMMailboxPIN florencef -Pin 52001").ok


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMMailboxPIN tonysmith -Pin 12345", server_error(
            "Set-UMMailboxPIN", 'The PIN must be from 6 through 24 digits long (UM mailbox policy "MyUMMailboxPolicy").',
            "DataValidationException", "InvalidData", "PINTooShort")),
        ("Set-UMMailboxPIN tonysmith -Pin 12ab56", server_error(
            "Set-UMMailboxPIN", "The PIN must contain only digits.", "DataValidationException", "InvalidData",
            "InvalidPIN")),
        ("Set-UMMailboxPIN tonysmith -Pin 246813 -NotifyEmail bad", server_error(
            "Set-UMMailboxPIN", '"bad" isn\'t a valid SMTP address.', "FormatException", "InvalidData",
            "ValueParseError")),
        ("Set-UMMailboxPIN tonysmith -Pin 444444", weak_pin()),
        ("Set-UMMailboxPIN tonysmith -Pin 345678", weak_pin()),
        ("Set-UMMailboxPIN tonysmith -Pin 987654", weak_pin()),
        ("Set-UMMailboxPIN davidp", not_um_enabled("Set-UMMailboxPIN", "David Pelton")),
        ("Set-UMMailboxPIN nobody", not_found("Set-UMMailboxPIN", "nobody")),
    ],
)  # fmt: skip
def test_set_refusals(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_a_refusal_is_checked_before_whatif(shell) -> None:
    """Exchange validates before ShouldProcess: -WhatIf does not hide the error."""
    result = unchanged(shell, "Set-UMMailboxPIN tonysmith -Pin 12 -WhatIf")
    assert error_of(result)[0].startswith("The PIN must be from 6 through 24 digits long")
    assert "What if:" not in result.text
