"""The analyser of the text before the cursor, on its own: which command, what is being typed
(command, parameter name, value, variable, member, script path), which parameter a value is for,
which positional slot, and what is already bound -- from plain strings and command metadata."""

from __future__ import annotations

import pytest

from emshell.cmdlets.exchange import exchange_metadata
from emshell.engine.metadata import CommandMetadata, parameter
from emshell.repl import analysis as A

GET_THING = CommandMetadata("Get-Thing", [
    parameter("Name", "String", position=0, sets=("ByName",)),
    parameter("Id", "Int32", position=0, sets=("ById",)),
    parameter("Path", "String", position=1),
    parameter("Force", "SwitchParameter"),
    parameter("Rest", "Object", remaining=True),
], default_parameter_set="ByName")  # fmt: skip


def lookup(name: str):
    if name.lower() in ("get-thing", "gt"):
        return GET_THING
    if name.lower() == "set-umservice":
        return exchange_metadata("Set-UMService")
    return None


# typed -> (kind, prefix, command, parameter, position, bound)
CASES = [
    ("", (A.NOTHING, "", None, None, None, ())),
    ("Get-Th", (A.COMMAND, "Get-Th", None, None, None, ())),
    ("Get-Thing | Sort", (A.COMMAND, "Sort", None, None, None, ())),
    ("$x = Get-T", (A.COMMAND, "Get-T", None, None, None, ())),
    ("& Get-T", (A.COMMAND, "Get-T", None, None, None, ())),
    (".\\run", (A.SCRIPT, ".\\run", None, None, None, ())),
    ("C:\\Scripts\\a", (A.SCRIPT, "C:\\Scripts\\a", None, None, None, ())),
    ("Get-Thing -", (A.PARAMETER_NAME, "", "Get-Thing", None, None, ())),
    ("Get-Thing -Fo", (A.PARAMETER_NAME, "Fo", "Get-Thing", None, None, ())),
    ("Get-Thing -Name a -", (A.PARAMETER_NAME, "", "Get-Thing", None, None, ("Name",))),
    ("Get-Thing a -", (A.PARAMETER_NAME, "", "Get-Thing", None, None, ("Name",))),
    ("Get-Thing a b -", (A.PARAMETER_NAME, "", "Get-Thing", None, None, ("Name", "Path"))),
    ("Get-Thing -Id 4 x -", (A.PARAMETER_NAME, "", "Get-Thing", None, None, ("Id", "Path"))),
    ("Get-Thing ", (A.VALUE, "", "Get-Thing", "Name", 0, ())),
    ("Get-Thing -Id 4 ", (A.VALUE, "", "Get-Thing", "Path", 0, ("Id",))),
    ("Get-Thing a ", (A.VALUE, "", "Get-Thing", "Path", 1, ("Name",))),
    ("Get-Thing a b ", (A.VALUE, "", "Get-Thing", "Rest", 2, ("Name", "Path"))),
    ("Get-Thing -Force ", (A.VALUE, "", "Get-Thing", "Name", 0, ("Force",))),
    ("Get-Thing -Path ", (A.VALUE, "", "Get-Thing", "Path", None, ("Path",))),
    ("Get-Thing -Pa x", (A.VALUE, "x", "Get-Thing", "Path", None, ("Path",))),
    ("Get-Thing -Path:", (A.VALUE, "", "Get-Thing", "Path", None, ("Path",))),
    ("Get-Thing -Path:C:\\t", (A.VALUE, "C:\\t", "Get-Thing", "Path", None, ("Path",))),
    ("Get-Thing -Force:", (A.VALUE, "", "Get-Thing", "Force", None, ("Force",))),
    ("Get-Thing -Name a,b,", (A.VALUE, "", "Get-Thing", "Name", None, ("Name",))),
    ("Get-Thing a,", (A.VALUE, "", "Get-Thing", "Name", 0, ("Name",))),
    ("Get-Thing -Unknown ", (A.VALUE, "", "Get-Thing", None, None, ())),
    ("Get-Thing -Unknown x ", (A.VALUE, "", "Get-Thing", "Name", 0, ())),
    ("Get-Thing -Name 'a b' -Path \"c", (A.VALUE, "c", "Get-Thing", "Path", None, ("Name", "Path"))),
    ("gt (1 + 2) ", (A.VALUE, "", "gt", "Path", 1, ("Name",))),
    ("gt { x } -Fo", (A.PARAMETER_NAME, "Fo", "gt", None, None, ("Name",))),
    ("Set-UMService ", (A.VALUE, "", "Set-UMService", "Identity", 0, ())),
    ("Set-UMService -UMStartupMode ", (A.VALUE, "", "Set-UMService", "UMStartupMode", None, ("UMStartupMode",))),
    ("Unknown-Command -x ", (A.VALUE, "", "Unknown-Command", None, None, ())),
    ("$ser", (A.VARIABLE_NAME, "ser", None, None, None, ())),
    ("Get-Thing $ser", (A.VARIABLE_NAME, "ser", None, None, None, ())),
    ("$env:PA", (A.VARIABLE_NAME, "env:PA", None, None, None, ())),
    ("$x.Na", (A.MEMBER, "Na", None, None, None, ())),
    ("$x.", (A.MEMBER, "", None, None, None, ())),
    ("'text'", (A.NOTHING, "", None, None, None, ())),
    ("$a -eq ", (A.NOTHING, "", None, None, None, ())),
    ("foreach ", (A.NOTHING, "", None, None, None, ())),
]


@pytest.mark.parametrize(("typed", "expected"), CASES, ids=[t or "<empty>" for t, _ in CASES])
def test_context(typed: str, expected: tuple) -> None:
    context = A.analyse(typed, lookup)
    kind, prefix, command, parameter_name, position, bound = expected
    assert context.kind == kind
    assert context.prefix == prefix
    assert context.command == command
    assert (context.parameter.name if context.parameter is not None else None) == parameter_name
    assert context.position == position
    assert context.bound == bound


@pytest.mark.parametrize(("typed", "sets"), [
    ("Get-Thing -", ("ByName", "ById")),
    ("Get-Thing -Id 3 -", ("ById",)),
    ("Get-Thing x -", ("ByName",)),
    ("Get-Thing -Path p -", ("ByName", "ById")),
])  # fmt: skip
def test_parameter_sets_still_possible(typed: str, sets: tuple[str, ...]) -> None:
    assert A.analyse(typed, lookup).valid_sets == sets


@pytest.mark.parametrize(("typed", "variable", "members", "upstream"), [
    ("$x.Name.Len", "x", ("Name",), None),
    ("Get-Thing | Where-Object { $_.N", "_", (), "Get-Thing"),
    ("Get-Thing | gt | % { $PSItem.", "PSItem", (), "gt"),
    ("$list | ForEach-Object { $_.", "_", (), "$list"),
    ("Get-Thing | Where-Object { ($_.", "_", (), "Get-Thing"),
    ("Where-Object { $_.", "_", (), None),
])  # fmt: skip
def test_members_and_the_pipeline_feeding_dollar_underscore(typed, variable, members, upstream) -> None:
    context = A.analyse(typed, lookup)
    assert (context.kind, context.variable, context.members, context.upstream) == (A.MEMBER, variable, members,
                                                                                    upstream)  # fmt: skip


@pytest.mark.parametrize(("typed", "quote", "word", "start"), [
    ("Get-Thing -Name 'a b", "'", "'a b", 16),
    ('Get-Thing "x', '"', '"x', 10),
    ("Get-Thing -Name:ab", "", "ab", 16),
    ("Get-Thing -Na", "", "-Na", 10),
])  # fmt: skip
def test_the_word_being_replaced(typed: str, quote: str, word: str, start: int) -> None:
    context = A.analyse(typed, lookup)
    assert (context.quote, context.word, context.start) == (quote, word, start)
