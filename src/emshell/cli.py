"""The ``emshell`` command line, shaped like ``powershell.exe`` / ``pwsh``.

    emshell                          interactive shell on the built-in organization
    emshell -c "Get-UMService"       run a command line (also -Command; "-" reads stdin)
    emshell script.ps1 [args]        run a script (also -File)
    emshell --check a.ps1 b.ps1      parse only: print parse errors, exit 1 if any

Exit codes follow pwsh: ``exit N`` wins; a script exits 1 when a terminating error ended it,
else 0; a command line exits 0 when its last statement succeeded, else 1.  Usage errors exit
64; an unreadable organization file exits 2.  Output goes to stdout; errors, warnings and
verbose text to stderr.  Nothing here imports prompt-toolkit unless the REPL starts.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

USAGE = """\
Usage: emshell [options] [-File] script.ps1 [arguments]
       emshell [options] -Command "<command line>"
       emshell --check script.ps1 [...]

  -c, -Command TEXT     run TEXT as a command line ("-" reads it from stdin)
  -f, -File PATH        run a script; later arguments are passed to it
  --check FILE...       parse the files only, print their parse errors (exit 1 if any)
  --org FILE            load the organization from a YAML file (default: built-in contoso.com)
  --save FILE           write the organization's final state to a YAML file
  --sandbox DIR         host directory that stands for drive C: (default: a new temp directory)
  --input FILE          answers for Read-Host and prompts in a non-interactive run, one per line
  --transcript FILE     also write what the console shows, commands echoed, to FILE
  --timeout SECONDS     stop a non-interactive run that takes longer
  --width N             console width for formatting (default 120, as EMS sets it)
  --seed N              seed for generated GUIDs (default 0)
  -NoProfile -NonInteractive -NoLogo -ExecutionPolicy X   accepted, as pwsh does
  (the -- options may also follow the script and its arguments; a bare -- ends them)
  --version             print the version
"""

EXIT_USAGE = 64
EXIT_INTERNAL = 70  # sysexits' EX_SOFTWARE: an emshell bug, never a script's fault
EXIT_ORG = 2
TIMEOUT_GRACE = 5.0  # seconds a timed-out run gets to stop before the process is ended


class UsageError(Exception):
    pass


class Options:
    def __init__(self) -> None:
        self.command: str | None = None
        self.file: str | None = None
        self.script_args: list[str] = []
        self.check: list[str] = []
        self.org: str | None = None
        self.save: str | None = None
        self.sandbox: str | None = None
        self.input: str | None = None
        self.transcript: str | None = None
        self.timeout: float | None = None
        self.width = 120
        self.seed = 0
        self.non_interactive = False
        self.version = False
        self.help = False


# pwsh parameters accept any unambiguous prefix, in any case.
_PWSH_FLAGS = ("command", "file", "noprofile", "noninteractive", "nologo", "executionpolicy", "noexit",
               "inputformat", "outputformat", "windowstyle", "sta", "mta", "help", "version")  # fmt: skip


def _pwsh_flag(arg: str) -> str | None:
    if not arg.startswith("-") or arg.startswith("--") or len(arg) < 2:
        return None
    typed = arg[1:].lower()
    if typed in ("c",):
        return "command"
    if typed in ("f",):
        return "file"
    if typed in ("?", "h"):
        return "help"
    matches = [flag for flag in _PWSH_FLAGS if flag.startswith(typed)]
    if typed in matches:
        return typed
    return matches[0] if len(matches) == 1 else None


def parse_args(argv: Sequence[str]) -> Options:
    opts = Options()
    args = list(argv)
    i = 0

    def value(name: str) -> str:
        nonlocal i
        i += 1
        if i >= len(args):
            raise UsageError(f"missing value for {name}")
        return args[i]

    while i < len(args):
        arg = args[i]
        lower = arg.lower()
        if lower in ("--help",):
            opts.help = True
        elif lower == "--version":
            opts.version = True
        elif lower == "--check":
            opts.check = args[i + 1 :]
            if not opts.check:
                raise UsageError("--check needs at least one file")
            return opts
        elif lower in ("--org", "--save", "--sandbox", "--input", "--transcript"):
            setattr(opts, lower[2:], value(arg))
        elif lower == "--timeout":
            try:
                opts.timeout = float(value(arg))
            except ValueError:
                raise UsageError("--timeout needs a number of seconds") from None
        elif lower in ("--width", "--seed"):
            try:
                setattr(opts, lower[2:], int(value(arg)))
            except ValueError:
                raise UsageError(f"{arg} needs a whole number") from None
        else:
            flag = _pwsh_flag(arg)
            if flag == "command":
                rest = args[i + 1 :]
                if not rest:
                    raise UsageError("-Command needs a value")
                opts.command = " ".join(_own_options(opts, rest))
                return opts
            if flag == "file":
                rest = args[i + 1 :]
                if not rest:
                    raise UsageError("-File needs a script path")
                opts.file, opts.script_args = rest[0], _own_options(opts, rest[1:])
                return opts
            if flag == "executionpolicy" or flag in ("inputformat", "outputformat", "windowstyle"):
                value(arg)
            elif flag == "noninteractive":
                opts.non_interactive = True
            elif flag == "help":
                opts.help = True
            elif flag == "version":
                opts.version = True
            elif flag in ("noprofile", "nologo", "noexit", "sta", "mta"):
                pass
            elif arg.startswith("-") and arg != "-":
                raise UsageError(f"unknown option {arg}")
            else:
                # A bare first argument is a script (or "-": the command comes from stdin).
                if arg == "-":
                    opts.command = "-"
                    return opts
                opts.file, opts.script_args = arg, _own_options(opts, args[i + 1 :])
                return opts
        i += 1
    return opts


_VALUE_OPTIONS = ("--org", "--save", "--sandbox", "--input", "--transcript")


def _own_options(opts: Options, rest: list[str]) -> list[str]:
    """emshell's ``--`` options may follow the script (``emshell a.ps1 x --transcript t.txt``):
    PowerShell parameters never start with two dashes.  A bare ``--`` passes the rest on."""
    script_args: list[str] = []
    i = 0
    while i < len(rest):
        arg = rest[i]
        lower = arg.lower()
        if arg == "--":
            return script_args + rest[i + 1 :]
        if lower in _VALUE_OPTIONS or lower in ("--width", "--seed", "--timeout"):
            if i + 1 >= len(rest):
                raise UsageError(f"missing value for {arg}")
            value = rest[i + 1]
            if lower in _VALUE_OPTIONS:
                setattr(opts, lower[2:], value)
            else:
                try:
                    setattr(opts, lower[2:], float(value) if lower == "--timeout" else int(value))
                except ValueError:
                    raise UsageError(f"{arg} needs a number") from None
            i += 2
            continue
        script_args.append(arg)
        i += 1
    return script_args


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        opts = parse_args(argv)
    except UsageError as error:
        sys.stderr.write(f"emshell: {error}\n{USAGE}")
        return EXIT_USAGE
    if opts.help:
        sys.stdout.write(USAGE)
        return 0
    if opts.version:
        from emshell import __version__

        sys.stdout.write(f"emshell {__version__} (Exchange Management Shell emulator, PowerShell 5.1 dialect)\n")
        return 0
    _utf8_streams()
    if opts.check:
        return check_files(opts.check)
    org = None
    if opts.org:
        from emshell.model import Organization, OrgFileError

        try:
            org = Organization.load(opts.org)
        except OrgFileError as error:
            sys.stderr.write(f"emshell: {error}\n")
            return EXIT_ORG
        except OSError as error:
            sys.stderr.write(f"emshell: {opts.org}: {error.strerror or error}\n")
            return EXIT_ORG
    if opts.command is None and opts.file is None:
        if sys.stdin.isatty() and not opts.non_interactive:
            from emshell.repl import run_repl

            return run_repl(org=org, opts=opts)
        opts.command = "-"
    try:
        return run_batch(opts, org)
    except BrokenPipeError:
        # the reader went away (``emshell ... | head``): stop quietly, as a pipe-friendly tool does
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last guard: a message, not a traceback
        import os

        if os.environ.get("EMSHELL_DEBUG"):
            raise
        sys.stderr.write(f"emshell: internal error: {type(error).__name__}: {error}\n"
                         "(set EMSHELL_DEBUG=1 to see where; please report it)\n")
        return EXIT_INTERNAL


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def check_files(paths: list[str]) -> int:
    """``--check``: parse each file and print its parse errors, as a linter."""
    from emshell.engine.errors import ParseError
    from emshell.language import parse, read_script, render_parse_error

    failed = False
    for path in paths:
        try:
            parse(read_script(path), path)
        except ParseError as error:
            failed = True
            sys.stdout.write(f"{path}:\n{render_parse_error(error)}\n")
        except OSError as error:
            failed = True
            sys.stdout.write(f"{path}: cannot read: {error.strerror or error}\n")
    return 1 if failed else 0


def run_batch(opts: Options, org: Any) -> int:
    """Run ``-Command`` text or a script file without interaction."""
    from emshell.engine.host import ConsoleHost
    from emshell.engine.runspace import Runspace
    from emshell.engine.sandbox import Sandbox
    from emshell.shell import exit_code_of

    inputs: list[str] = []
    if opts.input:
        try:
            with open(opts.input, encoding="utf-8-sig") as handle:
                inputs = handle.read().splitlines()
        except OSError as error:
            sys.stderr.write(f"emshell: {opts.input}: {error.strerror or error}\n")
            return EXIT_USAGE
    host = ConsoleHost(opts.width, inputs)
    runspace = Runspace(host, org=org, seed=opts.seed, sandbox=Sandbox(opts.sandbox))
    transcript = _open_transcript(opts.transcript, runspace) if opts.transcript else None
    if opts.transcript and transcript is None:
        return EXIT_USAGE
    timer = _start_timeout(runspace, opts.timeout)
    try:
        if opts.file is not None:
            from emshell.language import read_script

            try:
                text = read_script(opts.file)
            except OSError:
                sys.stderr.write(
                    f"The argument '{opts.file}' to the -File parameter does not exist. Provide the path to an "
                    "existing '.ps1' file as an argument to the -File parameter.\n"
                )
                return EXIT_USAGE
            if transcript is not None:
                code = _replay(runspace, text, tuple(opts.script_args))
            else:
                outcome = runspace.execute(text, path=script_path(runspace, opts.file), args=tuple(opts.script_args))
                code = exit_code_of(outcome, script=True)
        else:
            text = sys.stdin.read() if opts.command == "-" else opts.command
            if transcript is not None:
                code = _replay(runspace, text or "", ())
            else:
                outcome = runspace.execute(text or "")
                code = exit_code_of(outcome, script=False)
    finally:
        if timer is not None:
            timer()
        _close_transcripts(runspace, transcript)
        sys.stdout.flush()
    if opts.save:
        try:
            runspace.org.save(opts.save)
        except OSError as error:
            sys.stderr.write(f"emshell: cannot save {opts.save}: {error.strerror or error}\n")
            return EXIT_ORG
    return code


def _open_transcript(path: str, runspace: Any) -> Any:
    """``--transcript FILE``: the console's text, with each command line echoed after the
    prompt, between 5.1's transcript header and footer."""
    from emshell.transcript import Transcript

    try:
        transcript = Transcript(path, runspace)
    except OSError as error:
        sys.stderr.write(f"emshell: {path}: {error.strerror or error}\n")
        return None
    runspace.host.transcripts.append(transcript)
    return transcript


def _replay(runspace: Any, text: str, args: tuple) -> int:
    from emshell.replay import exit_code, replay

    return exit_code(replay(runspace, text, args))


def _close_transcripts(runspace: Any, transcript: Any) -> None:
    """When the shell exits, open transcripts get their footer (Start-Transcript's first)."""
    if "ems.session" in runspace.extensions:
        from emshell.cmdlets.session import stop_all_transcripts

        stop_all_transcripts(runspace)
    if transcript is not None:
        transcript.stop()
        runspace.host.transcripts[:] = [t for t in runspace.host.transcripts if t is not transcript]


def script_path(runspace: Any, path: str) -> str:
    """The path a script sees as its own (``$PSScriptRoot``, ``At <path>:3 char:5``): its Windows
    path when it lies in the sandbox, else its absolute host path."""
    import os

    absolute = os.path.abspath(path)
    try:
        return runspace.sandbox.windows_path(absolute)
    except ValueError:
        return absolute


def _start_timeout(runspace: Any, seconds: float | None) -> Any:
    """``--timeout``: after ``seconds``, ask the run to stop at its next statement, loop
    iteration or object written (finally blocks still run; the request is repeated every
    quarter second, so a looping finally block is stopped too).  A timer signal does it: its
    handler runs even inside a regular expression that backtracks for ever, which it stops
    where it is (``Runspace.interrupt``).  A run still going ``TIMEOUT_GRACE`` seconds later is
    stuck in some other single operation: the process is ended with the same message.
    Returns the function that cancels the timer."""
    if not seconds:
        return None
    import os
    import signal
    import time

    from emshell.engine.errors import PSError, new_error

    message = f"The script was stopped because it ran longer than the {seconds:g} seconds allowed by --timeout."
    deadline = time.monotonic() + seconds + TIMEOUT_GRACE

    def expire(signum: int, frame: Any) -> None:
        if time.monotonic() < deadline:
            runspace.interrupt(PSError(new_error("TimeoutException", message, "ScriptTimeout", "OperationTimeout")))
            return
        try:
            sys.stdout.flush()
        except (OSError, RuntimeError, ValueError):  # the signal may arrive in the middle of a write
            pass
        os.write(2, f"emshell: {message} It did not stop within {TIMEOUT_GRACE:g} more seconds.\n".encode())
        os._exit(1)

    if not hasattr(signal, "setitimer"):  # Windows: the cooperative stop only
        import threading

        timer = threading.Timer(seconds, expire, (0, None))
        timer.daemon = True
        timer.start()
        return timer.cancel
    previous = signal.signal(signal.SIGALRM, expire)

    def cancel() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    signal.setitimer(signal.ITIMER_REAL, seconds, 0.25)
    return cancel
