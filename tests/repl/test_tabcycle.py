"""PSReadLine's Windows-mode Tab: inline completion that cycles, Shift+Tab backwards."""

from __future__ import annotations

from emshell.repl.candidates import Candidate
from emshell.repl.tabcycle import TabCycle

WORDS = {"Get-UM": ["Get-UMDialPlan", "Get-UMService"], "-UMS": ["-UMStartupMode"]}


def fake_complete(before: str) -> tuple[int, list[Candidate]]:
    start = max(before.rfind(" ") + 1, 0)
    word = before[start:]
    return start, [Candidate(text) for text in WORDS.get(word, [])]


def test_tab_puts_the_first_candidate_in_place_of_the_word() -> None:
    cycle = TabCycle(fake_complete)
    assert cycle.next("Get-UM", 6) == ("Get-UMDialPlan", 14)


def test_tab_again_cycles_and_wraps_around() -> None:
    cycle = TabCycle(fake_complete)
    line = cycle.next("Get-UM", 6)
    line = cycle.next(*line)
    assert line == ("Get-UMService", 13)
    assert cycle.next(*line) == ("Get-UMDialPlan", 14)


def test_shift_tab_goes_backwards() -> None:
    cycle = TabCycle(fake_complete)
    assert cycle.previous("Get-UM", 6) == ("Get-UMService", 13)
    line = cycle.next("Get-UM", 6)
    assert cycle.previous(*line) == ("Get-UMService", 13)


def test_text_after_the_cursor_stays() -> None:
    cycle = TabCycle(fake_complete)
    text = "Set-X -UMS -Identity A"
    assert cycle.next(text, 10) == ("Set-X -UMStartupMode -Identity A", 20)


def test_typing_in_between_starts_afresh() -> None:
    cycle = TabCycle(fake_complete)
    text, _ = cycle.next("Get-UM", 6)
    assert cycle.next(text + " -UMS", len(text) + 5) == ("Get-UMDialPlan -UMStartupMode", 29)


def test_nothing_to_complete_changes_nothing() -> None:
    cycle = TabCycle(fake_complete)
    assert cycle.next("Nothing", 7) is None
    assert cycle.previous("Nothing", 7) is None
