"""Golden views: what each Exchange Get- cmdlet prints, stored byte for byte.

``expected/<Cmdlet>/<view>.w<width>.txt`` holds the console text of one command line at one
console width.  Rewrite them after a deliberate change with::

    EMSHELL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden -q

and review the diff before committing it.
"""

from __future__ import annotations

import importlib
import os
import pathlib
from datetime import datetime

from emshell import Shell
from emshell.cmdlets.exchange import EXCHANGE_MODULE
from emshell.cmdlets.index import COMMANDS
from emshell.engine.cmdlet import REGISTRY

EXPECTED = pathlib.Path(__file__).parent / "expected"
UPDATE = os.environ.get("EMSHELL_UPDATE_GOLDEN") == "1"
CLOCK = datetime(2026, 11, 27, 14, 3, 4)
SEED = 11
WIDTHS = (80, 120)

# Get- cmdlets that cannot run bare: the command line to use instead.
COMMAND_LINES = {
    "Get-UMCallDataRecord": "Get-UMCallDataRecord -Mailbox 'Kim Akers'",
    "Get-UMCallSummaryReport": "Get-UMCallSummaryReport -GroupBy Total",
}

# The four views of the acceptance criteria; {command} is the command line, {x} the second
# property of the Select-Object view.
VIEWS = {
    "default": "{command}",
    "list": "{command} | Format-List",
    "table": "{command} | Format-Table",
    "select": "{command} | Select-Object Name, {x} | Format-Table -AutoSize",
}


def new_shell(width: int) -> Shell:
    return Shell(width=width, seed=SEED, clock=lambda: CLOCK)


def exchange_get_cmdlets() -> list[str]:
    """Every Exchange Get- cmdlet registered now (modules still being written are skipped)."""
    for module in sorted(set(COMMANDS.values())):
        try:
            importlib.import_module(module)
        except ImportError:
            continue
    return sorted(cls.metadata.name for cls in REGISTRY.values()
                  if cls.metadata.module == EXCHANGE_MODULE and cls.metadata.verb == "Get")  # fmt: skip


def command_line(cmdlet: str) -> str:
    return COMMAND_LINES.get(cmdlet, cmdlet)


def second_property(shell: Shell, cmdlet: str) -> str:
    """The X of ``Select-Object Name, X``: the default table's first column after Name, else
    the first property after Name."""
    from emshell.formatting.views import TableView, find_view

    output = shell.run(command_line(cmdlet)).output
    if not output:
        return "Identity"
    first = output[0]
    view = find_view(tuple(first.PS_TYPE_NAMES), "table")
    if isinstance(view, TableView):
        for column in view.columns:
            if isinstance(column.value, str) and column.value != "Name":
                return column.value
    names = [name for name in first.PS_PROPERTIES if name not in ("RunspaceId", "Name")]
    return names[0] if names else "Identity"


def golden_path(cmdlet: str, view: str, width: int) -> pathlib.Path:
    return EXPECTED / cmdlet / f"{view}.w{width}.txt"


def check_golden(path: pathlib.Path, text: str) -> str | None:
    """Compare ``text`` with the stored file (or store it in update mode); the problem, if any."""
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return None
    if not path.exists():
        return f"{path} is missing: run EMSHELL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden"
    expected = path.read_bytes().decode("utf-8")
    if expected != text:
        return f"{path.name} differs from {path}"
    return None


def list_blocks(text: str) -> list[list[str]]:
    """The entries of Format-List output: the ``Name : value`` lines of each object (value
    continuation lines left out)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        if not line.startswith(" ") and " : " in line:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks
