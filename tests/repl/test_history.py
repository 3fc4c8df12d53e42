"""Get-History entries, and the history file that never stops the shell."""

from __future__ import annotations

import io
import os

import pytest

from emshell.cli import Options
from emshell.repl.app import Repl
from emshell.repl.history import HistoryInfo, file_history, history_path


@pytest.mark.parametrize(("environ", "expected"), [
    ({"XDG_DATA_HOME": "/data", "HOME": "/home/kim"}, "/data/emshell/history"),
    ({"XDG_DATA_HOME": "", "HOME": "/home/kim"}, "/home/kim/.local/share/emshell/history"),
])  # fmt: skip
def test_where_the_history_lives(monkeypatch, environ, expected) -> None:
    monkeypatch.setenv("HOME", environ["HOME"])
    assert history_path(environ) == expected


def test_history_is_kept_across_sessions(tmp_path) -> None:
    path = os.fspath(tmp_path / "emshell" / "history")
    file_history(path).store_string("Get-UMService")
    assert list(file_history(path).load_history_strings()) == ["Get-UMService"]


def test_an_unusable_history_file_is_ignored(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    history = file_history(os.fspath(blocker / "emshell" / "history"))
    history.store_string("Get-UMService")  # cannot create the folder: no error
    assert list(history.load_history_strings()) == []


def repl(tmp_path) -> tuple[Repl, io.StringIO]:
    output = io.StringIO()
    opts = Options()
    opts.sandbox = os.fspath(tmp_path)
    return Repl(None, opts, environ={"NO_COLOR": "1", "TERM": "dumb"}, stdout=output), output


def test_each_command_line_becomes_a_history_entry(tmp_path) -> None:
    shell, output = repl(tmp_path)
    assert shell.execute("Get-Date | Out-Null") is None
    assert shell.execute("Write-Error 'x' 2>$null; throw 'boom'") is None
    assert [(h.Id, h.CommandLine, h.ExecutionStatus) for h in shell.runspace.history] == [
        (1, "Get-Date | Out-Null", "Completed"),
        (2, "Write-Error 'x' 2>$null; throw 'boom'", "Failed"),
    ]
    output.seek(0)
    output.truncate()
    shell.execute("(Get-History)[0].CommandLine; (Get-History -Count 1).Id")
    assert output.getvalue() == "Get-Date | Out-Null\n2\n"


def test_exit_ends_the_session_with_its_code(tmp_path) -> None:
    shell, _ = repl(tmp_path)
    assert shell.execute("exit") == 0
    assert shell.execute("exit 3") == 3


def test_history_info_reads_as_its_command_line() -> None:
    entry = HistoryInfo(1, "Get-UMService", "Completed", None, None)
    assert str(entry) == "Get-UMService"
    assert entry.PS_PROPERTIES == ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime")


def test_an_internal_error_is_reported_and_the_session_goes_on(tmp_path, monkeypatch) -> None:
    shell, output = repl(tmp_path)

    def broken(text, **kwargs):
        raise RuntimeError("engine bug")

    monkeypatch.setattr(shell.runspace, "execute", broken)
    assert shell.execute("Get-UMService") is None
    assert output.getvalue() == "emshell internal error: RuntimeError: engine bug\n"
    assert shell.runspace.history[-1].ExecutionStatus == "Failed"
