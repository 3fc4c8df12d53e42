"""The read-run loop of the interactive shell.

Start-up shows what EMS shows (window title, banner, tip of the day, the connection messages);
then each input is read with prompt-toolkit under the ``[PS] C:\\Windows\\system32>`` prompt,
run by the runspace, and recorded for ``Get-History``.  While a command runs, Ctrl-C asks the
runspace to stop (a second Ctrl-C interrupts at once) and the console returns to the prompt;
``exit`` leaves with its code, Ctrl-D on an empty line with 0.
"""

from __future__ import annotations

import os
import signal
import sys

from emshell.repl import banner
from emshell.repl.candidates import CandidateSource
from emshell.repl.colors import color_enabled
from emshell.repl.history import COMPLETED, FAILED, STOPPED, HistoryInfo, file_history, history_path
from emshell.repl.host import ReplHost
from emshell.repl.tabcycle import TabCycle

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

SAVE_TITLE = "\x1b[22;0t"  # xterm: push the window title
RESTORE_TITLE = "\x1b[23;0t"  # xterm: pop it


class Repl:
    def __init__(self, org: Any = None, opts: Any = None, *, environ: Mapping[str, str] | None = None,
                 stdout: Any = None):  # fmt: skip
        from emshell.engine.runspace import Runspace
        from emshell.engine.sandbox import Sandbox

        if opts is None:
            from emshell.cli import Options

            opts = Options()
        self.opts = opts
        self.environ = os.environ if environ is None else environ
        self.stdout = stdout if stdout is not None else sys.stdout
        self.color = color_enabled(self.stdout, self.environ)
        self.terminal = _is_terminal(self.stdout) and self.environ.get("TERM", "") != "dumb"
        self.host = ReplHost(opts.width, output=self.stdout, color=self.color, reader=self._read_answer)
        self.runspace = Runspace(self.host, org=org, seed=opts.seed, sandbox=Sandbox(opts.sandbox))
        self.host.runspace = self.runspace
        self.source = CandidateSource(self.runspace)
        self.cycle = TabCycle(self.source.complete_safely)
        self._known: frozenset[str] | None = None
        self._questions: Any = None  # the prompt session for Read-Host and other questions

    # ---------------------------------------------------------------- the loop

    def run(self) -> int:
        from emshell.cli import _open_transcript

        session = self._input_session()
        transcript = _open_transcript(self.opts.transcript, self.runspace) if self.opts.transcript else None
        self._start()
        code = 0
        try:
            while True:
                self.cycle.reset()
                try:
                    text = session.prompt(self._prompt)
                except KeyboardInterrupt:
                    continue  # Ctrl-C cancels the line
                except EOFError:
                    break
                if not text.strip():
                    continue
                status = self.execute(text)
                if status is not None:
                    code = status
                    break
        finally:
            if self.terminal:
                self.stdout.write(RESTORE_TITLE)
                self.stdout.flush()
        return self._finish(transcript, code)

    def _finish(self, transcript: Any, code: int) -> int:
        """Leaving: close transcripts (footer), save the organization when --save asked."""
        from emshell.cli import EXIT_ORG, _close_transcripts

        _close_transcripts(self.runspace, transcript)
        if self.opts.save:
            try:
                self.runspace.org.save(self.opts.save)
            except OSError as error:
                sys.stderr.write(f"emshell: cannot save {self.opts.save}: {error.strerror or error}\n")
                return EXIT_ORG
        return code

    def execute(self, text: str) -> int | None:
        """Run one input; the exit code when it was ``exit``, else None."""
        host = self.host
        runspace = self.runspace
        host.interrupted = False
        host.width = self._width()
        if host.transcripts:
            from emshell.replay import echo, prompt_text

            echo(host, prompt_text(runspace), text)  # the terminal showed it; a transcript needs it
        start = runspace.now()
        outcome = None
        previous = _set_sigint(self._on_interrupt)
        try:
            outcome = runspace.execute(text)
        except KeyboardInterrupt:
            host.interrupted = True
        except Exception as error:  # an emulator bug: report it and keep the session alive
            host.write_error_text(f"emshell internal error: {type(error).__name__}: {error}")
        finally:
            _set_sigint(previous)
            runspace.stop_requested = False
            runspace.stop_reason = None
            self._known = None  # the command may have defined functions or aliases
        if host.interrupted:
            host.output.write("\n")  # the line after the terminal's ^C
            status = STOPPED
        else:
            status = COMPLETED if outcome is not None and outcome.succeeded else FAILED
        host.flush()
        runspace.history.append(HistoryInfo(len(runspace.history) + 1, text, status, start, runspace.now()))
        if outcome is not None and outcome.exit_code is not None:
            return outcome.exit_code
        return None

    def _on_interrupt(self, signum: int, frame: Any) -> None:
        if self.host.interrupted and self.runspace.stop_requested:
            raise KeyboardInterrupt  # the pipeline did not stop on the first Ctrl-C
        self.host.interrupted = True
        self.runspace.interrupt()

    # ---------------------------------------------------------------- what is shown

    def _start(self) -> None:
        import random

        out = self.stdout
        fqdn = banner.server_fqdn(self.runspace.org)
        if self.terminal:
            out.write(SAVE_TITLE + "\x1b]0;" + banner.window_title(fqdn) + "\x07")
        out.write(banner.render(banner.banner(), self.color))
        out.write(banner.render(banner.tip_of_the_day(random.Random()), self.color))
        out.write(banner.render(banner.connection(fqdn), self.color))
        out.flush()
        import threading

        threading.Thread(target=self._warm_up, name="emshell-warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        """While the first line is typed: load the command catalogue (so that the first Tab does
        not pay for the imports), then settle memory."""
        try:
            self.source.catalog.cmdlet_names()
        except Exception:  # completion will try again, and report nothing, if this fails
            return
        settle_memory()

    def _prompt(self) -> Any:
        location = self.runspace.sandbox.location
        if not self.color:
            return banner.render(banner.prompt(location), False)
        from prompt_toolkit.formatted_text import FormattedText

        return FormattedText([("class:ps" if colour else "", text) for text, colour in banner.prompt(location)])

    def _width(self) -> int:
        import shutil

        columns = shutil.get_terminal_size((self.opts.width, 24)).columns
        return max(20, min(columns, self.opts.width))

    def known_commands(self) -> frozenset[str]:
        if self._known is None:
            self._known = frozenset(name.lower() for name, _ in self.source.catalog.entries())
        return self._known

    # ---------------------------------------------------------------- prompt-toolkit

    def _input_session(self) -> Any:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.output import ColorDepth
        from prompt_toolkit.shortcuts import CompleteStyle
        from prompt_toolkit.styles import Style

        from emshell.repl.completer import ReplCompleter
        from emshell.repl.highlight import STYLE, prompt_lexer
        from emshell.repl.keys import key_bindings

        return PromptSession(
            history=file_history(history_path(self.environ)),
            completer=ReplCompleter(self.source),
            complete_while_typing=False,
            complete_style=CompleteStyle.MULTI_COLUMN,
            lexer=prompt_lexer(self.known_commands) if self.color else None,
            style=Style.from_dict({"ps": "ansibrightyellow", **STYLE}),
            include_default_pygments_style=False,
            color_depth=None if self.color else ColorDepth.DEPTH_1_BIT,
            key_bindings=key_bindings(self.cycle),
            multiline=True,
            prompt_continuation=">> ",
            reserve_space_for_menu=8,  # taken only while the Ctrl+Space menu is open
            enable_history_search=False,
            mouse_support=False,
        )  # fmt: skip

    def _read_answer(self, prompt: str, secure: bool) -> str:
        """A question's answer (Read-Host, mandatory parameters, confirmations, passwords)."""
        if self._questions is None:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.output import ColorDepth

            self._questions = PromptSession(color_depth=None if self.color else ColorDepth.DEPTH_1_BIT)
        previous = _set_sigint(signal.default_int_handler)
        try:
            return self._questions.prompt(prompt, is_password=secure)
        finally:
            _set_sigint(previous)


def settle_memory() -> None:
    """Move what exists now (the organization, the engine, the command catalogue) out of the
    garbage collector's way: these live as long as the session, and scanning them again and
    again made completion on a large organization pause for tens of milliseconds."""
    import gc

    gc.collect()
    gc.freeze()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _set_sigint(handler: Any) -> Any:
    """Install a SIGINT handler (main thread only) and return the previous one."""
    try:
        return signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: leave Ctrl-C alone
        return handler
