"""The console host: EMS colours (or none), questions through the reader, Ctrl-C at a question."""

from __future__ import annotations

import io

import pytest

from emshell.engine.runspace import Runspace
from emshell.repl.colors import color_enabled, paint, sgr
from emshell.repl.host import ReplHost


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Reader:
    """Answers questions from a list and remembers what was asked."""

    def __init__(self, *answers: str | type[BaseException]):
        self.answers = list(answers)
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, prompt: str, secure: bool) -> str:
        self.asked.append((prompt, secure))
        answer = self.answers.pop(0)
        if isinstance(answer, type):
            raise answer()
        return answer


def console(*answers, color: bool = False) -> tuple[Runspace, io.StringIO, Reader]:
    output = io.StringIO()
    reader = Reader(*answers)
    host = ReplHost(120, output=output, color=color, reader=reader)
    runspace = Runspace(host)
    host.runspace = runspace
    return runspace, output, reader


# ----------------------------------------------------------------------------- colours


@pytest.mark.parametrize(("stream", "environ", "expected"), [
    (Terminal(), {"TERM": "xterm"}, True),
    (Terminal(), {"TERM": "xterm", "NO_COLOR": "1"}, False),
    (Terminal(), {"TERM": "xterm", "NO_COLOR": ""}, True),  # NO_COLOR counts only when not empty
    (Terminal(), {"TERM": "dumb"}, False),
    (io.StringIO(), {"TERM": "xterm"}, False),  # not a terminal: a file or a pipe
])  # fmt: skip
def test_when_colour_is_used(stream, environ, expected) -> None:
    assert color_enabled(stream, environ) is expected


@pytest.mark.parametrize(("foreground", "background", "expected"), [
    ("Red", None, "\x1b[91m"),
    ("Yellow", None, "\x1b[93m"),
    ("DarkYellow", None, "\x1b[33m"),
    ("gray", None, "\x1b[37m"),
    ("White", "DarkBlue", "\x1b[97;44m"),
    (None, "DarkMagenta", "\x1b[45m"),
    ("NoSuchColor", None, ""),
    (None, None, ""),
])  # fmt: skip
def test_console_colours_as_ansi(foreground, background, expected) -> None:
    assert sgr(foreground, background) == expected


def test_each_line_is_coloured_on_its_own() -> None:
    assert paint("a\nb\n", "Red") == "\x1b[91ma\x1b[0m\n\x1b[91mb\x1b[0m\n"


@pytest.mark.parametrize(("command", "expected"), [
    ("Write-Warning 'careful'", "\x1b[93mWARNING: careful\x1b[0m\n"),
    ("Write-Verbose 'step' -Verbose", "\x1b[93mVERBOSE: step\x1b[0m\n"),
    ("Write-Debug 'value' -Debug", "\x1b[93mDEBUG: value\x1b[0m\n"),
    ("Write-Host 'ok' -ForegroundColor Green", "\x1b[92mok\x1b[0m\n"),
    ("Write-Host 'ok' -ForegroundColor Black -BackgroundColor Yellow", "\x1b[30;103mok\x1b[0m\n"),
    ("Write-Host 'plain'", "plain\n"),
    ("Write-Host 'a' -NoNewline -ForegroundColor Cyan", "\x1b[96ma\x1b[0m"),
    ("'output'", "output\n"),
])  # fmt: skip
def test_streams_in_the_ems_colours(command: str, expected: str) -> None:
    runspace, output, _ = console(color=True)
    runspace.execute(command)
    assert output.getvalue() == expected


def test_errors_are_red() -> None:
    runspace, output, _ = console(color=True)
    runspace.execute("Write-Error 'broken'")
    lines = output.getvalue().splitlines()
    assert lines[0] == "\x1b[91mWrite-Error 'broken' : broken\x1b[0m"
    assert all(line.startswith("\x1b[91m") for line in lines if line)


def test_without_colour_nothing_is_escaped() -> None:
    runspace, output, _ = console(color=False)
    runspace.execute("Write-Warning 'careful'\nWrite-Host 'x' -ForegroundColor Red\nWrite-Error 'broken'")
    assert "\x1b" not in output.getvalue()
    assert output.getvalue().startswith("WARNING: careful\nx\n")
    assert "+ FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException\n" in output.getvalue()


# ----------------------------------------------------------------------------- questions


def test_read_host_asks_the_reader() -> None:
    runspace, output, reader = console("Kim")
    runspace.execute("$name = Read-Host 'Your name'; \"Hello $name\"")
    assert reader.asked == [("Your name: ", False)]
    assert output.getvalue() == "Hello Kim\n"


def test_a_secure_answer_is_masked_and_not_transcribed() -> None:
    runspace, _, reader = console("246810")

    class Transcript(io.StringIO):
        pass

    transcript = Transcript()
    runspace.host.transcripts.append(transcript)
    runspace.execute("$pin = Read-Host 'PIN' -AsSecureString")
    assert reader.asked == [("PIN: ", True)]
    assert transcript.getvalue() == "PIN: \n"


def test_missing_mandatory_parameters_are_asked_for() -> None:
    runspace, output, reader = console("take care")
    runspace.execute("Write-Warning")
    assert reader.asked == [("Message: ", False)]
    assert output.getvalue() == (
        "\n"  # Windows PowerShell leaves an empty line before the prompt's caption
        "cmdlet Write-Warning at command pipeline position 1\n"
        "Supply values for the following parameters:\n"
        "WARNING: take care\n"
    )


def test_a_question_spanning_lines_shows_all_but_its_last_line_first() -> None:
    runspace, output, reader = console("y")
    answer = runspace.host.read_line("Confirm\nAre you sure?\n[Y] Yes  [N] No (default is \"Y\"): ")
    assert answer == "y"
    assert output.getvalue() == "Confirm\nAre you sure?\n"
    assert reader.asked == [('[Y] Yes  [N] No (default is "Y"): ', False)]


@pytest.mark.parametrize("key", [KeyboardInterrupt, EOFError])
def test_ctrl_c_at_a_question_stops_the_pipeline_silently(key) -> None:
    runspace, output, _ = console(key)
    outcome = runspace.execute("$a = Read-Host 'Name'; 'not reached'")
    assert output.getvalue() == ""
    assert runspace.host.interrupted
    assert not outcome.succeeded


def test_a_pipeline_stopped_otherwise_still_reports() -> None:
    runspace, output, _ = console()
    runspace.request_stop()
    runspace.execute("while ($true) { }")
    assert "The pipeline has been stopped." in output.getvalue()


def test_a_confirmation_shows_its_text_and_asks_on_the_choice_line() -> None:
    runspace, output, reader = console("n")
    before = str(runspace.org.resolve("umService", "MyUMServer1").UMStartupMode)
    mode = "Dual" if before == "TLS" else "TLS"
    runspace.execute(f"Set-UMService -Identity MyUMServer1 -UMStartupMode {mode} -Confirm")
    shown = output.getvalue()
    assert shown.startswith("\nConfirm\nAre you sure you want to perform this action?\n")
    assert reader.asked == [('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ',
                             False)]  # fmt: skip
    assert str(runspace.org.resolve("umService", "MyUMServer1").UMStartupMode) == before  # declined: unchanged
