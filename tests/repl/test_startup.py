"""The interactive stack loads only for the interactive shell."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import sys
from emshell.cli import main
code = main({argv!r})
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('prompt_toolkit', 'pygments') or m.startswith('emshell.repl'))
print(code, loaded)
"""


@pytest.mark.parametrize("argv", [["-c", "$null"], ["-c", "Get-UMService | Out-Null"], ["--version"]])
def test_command_runs_never_import_prompt_toolkit(tmp_path, argv: list[str]) -> None:
    result = subprocess.run([sys.executable, "-c", CHECK.format(argv=argv)], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, cwd=tmp_path, timeout=60)  # fmt: skip
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr


def test_importing_the_repl_package_is_free() -> None:
    result = subprocess.run([sys.executable, "-c", "import sys, emshell.repl; "
                             "print(sorted(m for m in sys.modules if m.startswith(('prompt_toolkit', 'emshell.'))))"],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.stdout.strip() == "['emshell.repl']"
