"""Nothing the replay work adds is imported by ``emshell -c`` unless a command uses it."""

from __future__ import annotations

import subprocess
import sys

import pytest

REPLAY_MODULES = ("emshell.replay", "emshell.transcript", "emshell.testing", "emshell.cmdlets.filesystem",
                  "emshell.cmdlets.files", "emshell.cmdlets.content", "emshell.cmdlets.csvfiles",
                  "emshell.cmdlets.session")  # fmt: skip

PROBE = """
import sys
from emshell.cli import main
main(["-c", {command!r}])
print(",".join(sorted(m for m in sys.modules if m.startswith("emshell"))))
"""


def loaded_modules(command: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", PROBE.format(command=command)], capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    return set(run.stdout.strip().splitlines()[-1].split(","))


def test_a_plain_command_line_loads_none_of_them():
    assert not loaded_modules("$null") & set(REPLAY_MODULES)


@pytest.mark.parametrize(("command", "needed"), [
    ("Test-Path C:\\x | Out-Null", {"emshell.cmdlets.files", "emshell.cmdlets.filesystem"}),
    ("Get-PSSession", {"emshell.cmdlets.session"}),
])  # fmt: skip
def test_a_command_loads_only_its_own_module(command, needed):
    loaded = loaded_modules(command) & set(REPLAY_MODULES)
    assert loaded >= needed
    assert "emshell.replay" not in loaded and "emshell.testing" not in loaded
