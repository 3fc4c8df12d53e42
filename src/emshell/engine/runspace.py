"""The runspace: one emulated EMS session (state, interpreter, host, organization).

``Runspace.execute(text)`` is what a console does with a command line or a script: parse,
run, send the output through Out-Default to the host, report what went wrong, and say how it
ended.  Everything the engine needs from "the machine" -- the clock, new GUIDs, the
organization, the file sandbox, prompts -- is reached through the runspace, so that many
runspaces can live in one process (pytest-xdist, one shell per test) without sharing state.
"""

from __future__ import annotations

from emshell.engine.errors import ErrorRecord, InvocationInfo, PSError, new_error
from emshell.engine.host import Host, RecordingHost, non_interactive_error
from emshell.engine.interpreter import BreakSignal, ContinueSignal, ExitSignal, Interpreter, engine_failure
from emshell.engine.limits import ensure_stack_headroom
from emshell.engine.psobject import ArrayList, Hashtable
from emshell.engine.sandbox import Sandbox
from emshell.engine.session import SessionState

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine.cmdlet import Cmdlet

PS_VERSION = "5.1.14393.7426"
_MASK64 = (1 << 64) - 1  # Windows Server 2016, the usual home of Exchange 2016


class RunOutcome:
    """How one ``execute`` ended."""

    __slots__ = ("output", "exit_code", "terminated", "parse_failed", "succeeded")

    def __init__(self) -> None:
        self.output: list = []
        self.exit_code: int | None = None  # set by ``exit N``
        self.terminated = False  # a script-terminating error ended it
        self.parse_failed = False
        self.succeeded = True  # ``$?`` after the last statement


class RuntimeContext:
    """The run-time services value operations need (see ``emshell.engine.primitives``)."""

    def __init__(self, runspace: Runspace):
        self._runspace = runspace

    def now(self) -> Any:
        return self._runspace.now()

    def new_guid(self) -> str:
        return self._runspace.new_guid()

    def set_matches(self, matches: Any) -> None:
        self._runspace.session.set_value("Matches", matches)

    supports_this = True  # script methods and properties see ``$this``

    def invoke_scriptblock(self, script_block: Any, args: list, dollar_under: Any = None, this: Any = None) -> list:
        return self._runspace.interpreter.invoke_script_block(script_block, list(args), dollar_under=dollar_under,
                                                              use_new_scope=this is not None, this=this)  # fmt: skip

    @property
    def ofs(self) -> str:
        value = self._runspace.session.get_value("OFS")
        return " " if value is None else str(value)

    # What ``[Environment]`` reports: the emulated server, not the host machine.
    @property
    def machine_name(self) -> str:
        return self._runspace.session.get_env("COMPUTERNAME") or "localhost"

    @property
    def user_name(self) -> str:
        return self._runspace.session.get_env("USERNAME") or "Administrator"

    @property
    def user_domain(self) -> str:
        return self._runspace.session.get_env("USERDOMAIN") or ""

    @property
    def current_directory(self) -> str:
        return self._runspace.sandbox.location

    def get_environment_variable(self, name: str) -> str | None:
        return self._runspace.session.get_env(name)

    @property
    def file_system(self) -> Any:
        """Drive C: of the session (its sandbox), for the .NET file API (``[System.IO.File]``)."""
        from emshell.cmdlets.filesystem import Drive

        return Drive(self._runspace.sandbox)


class Runspace:
    """One EMS session."""

    def __init__(
        self,
        host: Host | None = None,
        *,
        org: Any = None,
        seed: int = 0,
        clock: Callable[[], Any] | None = None,
        sandbox: Sandbox | None = None,
    ):
        self.host = host or RecordingHost()
        self._org = org
        self._clock = clock
        self._seed = seed
        self._random: Any = None
        self._guid_state = (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & _MASK64
        self.sandbox = sandbox or Sandbox()
        self.session = SessionState()
        self.context = RuntimeContext(self)
        self.interpreter = Interpreter(self)
        self.errors = ArrayList()
        self.error_count = 0
        self.stop_requested = False
        self.stop_reason: PSError | None = None
        self.stop_raised = False  # the stop error is unwinding the current command line
        self.clock_offset = 0.0  # seconds Start-Sleep has "waited"
        self.history: list = []  # HistoryInfo of each command line the REPL ran
        self.extensions: dict[str, Any] = {}  # per-session state of command families (sessions, transcripts)
        self.runspace_id = self.new_guid()
        self._init_variables()
        ensure_stack_headroom()

    # ------------------------------------------------------------------ state

    @property
    def org(self) -> Any:
        """The organization; the built-in one unless another was given (loaded on first use)."""
        if self._org is None:
            from emshell.model import Organization

            self._org = Organization.default()
        return self._org

    @property
    def remote_computer(self) -> str:
        """The FQDN EMS is connected to (``+ PSComputerName`` of server-side errors)."""
        return self.org.local_server_fqdn.lower()

    def now(self) -> Any:
        from datetime import datetime, timedelta

        current = self._clock() if self._clock is not None else datetime.now()
        return current + timedelta(seconds=self.clock_offset) if self.clock_offset else current

    def advance_clock(self, seconds: float) -> None:
        """Start-Sleep: time passes for the session without the process waiting."""
        self.clock_offset += max(0.0, seconds)

    @property
    def random(self) -> Any:
        """The session's random source (Get-Random), seeded; created on first use."""
        if self._random is None:
            import random

            self._random = random.Random(self._seed)
        return self._random

    def _next64(self) -> int:
        # splitmix64: deterministic, cheap, and it keeps ``random`` off the start-up path
        self._guid_state = (self._guid_state + 0x9E3779B97F4A7C15) & _MASK64
        z = self._guid_state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        return z ^ (z >> 31)

    def new_guid(self) -> str:
        value = (self._next64() << 64) | self._next64()
        value = (value & ~(0xF000 << 64)) | (0x4000 << 64)  # version 4
        value = (value & ~(0xC000 << 48)) | (0x8000 << 48)  # RFC 4122 variant
        text = f"{value:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def _init_variables(self) -> None:
        new = self.session.new_variable
        scope = self.session.global_scope
        constant = {"scope": scope, "options": "Constant"}
        new("true", True, **constant)
        new("false", False, **constant)
        new("null", None, **constant)
        new("Error", self.errors, **constant)
        new("ErrorActionPreference", "Continue", scope=scope)
        new("WarningPreference", "Continue", scope=scope)
        new("VerbosePreference", "SilentlyContinue", scope=scope)
        new("DebugPreference", "SilentlyContinue", scope=scope)
        new("InformationPreference", "SilentlyContinue", scope=scope)
        new("ProgressPreference", "Continue", scope=scope)
        new("ConfirmPreference", "High", scope=scope)
        new("WhatIfPreference", False, scope=scope)
        new("FormatEnumerationLimit", 16, scope=scope)  # EMS raises PowerShell's default of 4
        new("OFS", None, scope=scope)
        new("LASTEXITCODE", 0, scope=scope)
        new("MaximumHistoryCount", 4096, scope=scope)
        new("NestedPromptLevel", 0, scope=scope)
        new("PSCulture", "en-US", scope=scope)
        new("PSUICulture", "en-US", scope=scope)
        new("ShellId", "Microsoft.PowerShell", scope=scope)
        new("PSHOME", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0", scope=scope)
        new("HOME", "C:\\Users\\Administrator", scope=scope)
        new("PID", 4242, scope=scope)
        new("PSEmailServer", None, scope=scope)
        new("PSDefaultParameterValues", Hashtable(), scope=scope)
        new("PSSessionConfigurationName", "http://schemas.microsoft.com/powershell/Microsoft.PowerShell",
            scope=scope)  # fmt: skip
        new("PSVersionTable", _version_table(), scope=scope)
        new("Matches", None, scope=scope)
        new("StackTrace", "", scope=scope)
        self.session.environment_factory = self._environment

    def _environment(self) -> dict[str, str]:
        """The emulated Windows environment (``$env:``); never the host's."""
        org = self.org
        computer = org.local_server_name.upper()
        domain = org.domain_name
        return {
            "ALLUSERSPROFILE": "C:\\ProgramData",
            "APPDATA": "C:\\Users\\Administrator\\AppData\\Roaming",
            "COMPUTERNAME": computer,
            "ExchangeInstallPath": "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\",
            "HOMEDRIVE": "C:",
            "HOMEPATH": "\\Users\\Administrator",
            "LOCALAPPDATA": "C:\\Users\\Administrator\\AppData\\Local",
            "NUMBER_OF_PROCESSORS": "4",
            "OS": "Windows_NT",
            "Path": "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\;"
                    "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin",
            "PROCESSOR_ARCHITECTURE": "AMD64",
            "ProgramData": "C:\\ProgramData",
            "ProgramFiles": "C:\\Program Files",
            "ProgramFiles(x86)": "C:\\Program Files (x86)",
            "PSModulePath": "C:\\Users\\Administrator\\Documents\\WindowsPowerShell\\Modules;"
                            "C:\\Program Files\\WindowsPowerShell\\Modules;"
                            "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules",
            "PUBLIC": "C:\\Users\\Public",
            "SystemDrive": "C:",
            "SystemRoot": "C:\\Windows",
            "TEMP": "C:\\Users\\Administrator\\AppData\\Local\\Temp",
            "TMP": "C:\\Users\\Administrator\\AppData\\Local\\Temp",
            "USERDNSDOMAIN": domain.upper(),
            "USERDOMAIN": domain.split(".")[0].upper(),
            "USERNAME": "Administrator",
            "USERPROFILE": "C:\\Users\\Administrator",
            "windir": "C:\\Windows",
        }

    # ------------------------------------------------------------------ errors

    def record_error(self, record: ErrorRecord) -> None:
        """Add to ``$Error`` (newest first, as PowerShell keeps it)."""
        self.errors.insert(0, record)
        del self.errors[256:]
        self.error_count += 1

    def raise_if_stopped(self) -> None:
        """Raise the stop error if a stop was requested.  The request stays in force until the
        command line ends: ``catch``, ``trap`` and every later statement see it again, so no
        script can swallow a stop (PowerShell's PipelineStoppedException is not catchable)."""
        if self.stop_requested:
            if self.stop_reason is None:
                self.stop_reason = PSError(new_error(
                    "PipelineStoppedException", "The pipeline has been stopped.", "PipelineStopped",
                    "OperationStopped",
                ))  # fmt: skip
            self.stop_raised = True
            raise PSError(self.stop_reason.record, script_terminating=True)

    def request_stop(self, reason: PSError | None = None) -> None:
        """Ask the running pipeline to stop at its next statement, loop iteration or object
        written (Ctrl-C, or ``--timeout``)."""
        self.stop_reason = reason
        self.stop_requested = True

    def interrupt(self, reason: PSError | None = None) -> None:
        """``request_stop`` from a signal handler (Ctrl-C, ``--timeout``'s timer), which runs in
        the middle of whatever the engine is doing.  Inside a regular expression, which never
        reaches a point where the request is checked, the stop error is raised right there."""
        from emshell.engine.stoppable_regex import regex_running

        self.request_stop(reason)
        if regex_running():
            self.raise_if_stopped()

    # ------------------------------------------------------------------ discovery

    def builtin_alias(self, name: str) -> str | None:
        from emshell.cmdlets.index import ALIASES

        return ALIASES.get(name.lower())

    def canonical_command_name(self, name: str) -> str:
        """A command's name as declared (``where-object`` -> ``Where-Object``)."""
        cls = self.find_cmdlet(name)
        return cls.metadata.name if cls is not None else name

    def find_cmdlet(self, name: str) -> type[Cmdlet] | None:
        from emshell.cmdlets.index import COMMANDS
        from emshell.engine.cmdlet import REGISTRY

        lower = name.lower()
        cls = REGISTRY.get(lower)
        if cls is not None:
            return cls
        module = COMMANDS.get(lower)
        if module is None:
            return None
        import importlib

        importlib.import_module(module)
        return REGISTRY.get(lower)

    def resolve_script_path(self, name: str) -> str | None:
        """The Windows path of a script file in the sandbox, if it exists."""
        from emshell.cmdlets.filesystem import prepare_drive

        prepare_drive(self.sandbox)  # the server's standard folders, with EMS's own scripts in bin
        try:
            host_path = self.sandbox.host_path(name)
        except PSError:
            return None
        return self.sandbox.full_path(name) if host_path.is_file() else None

    def load_script(self, windows_path: str) -> Any:
        from emshell.engine.scriptblock import ScriptBlock
        from emshell.language import parse_file

        return ScriptBlock(parse_file(str(self.sandbox.host_path(windows_path)), display_path=windows_path))

    def is_external_program(self, name: str) -> bool:
        lower = name.lower()
        return lower.endswith((".exe", ".cmd", ".bat", ".com", ".msc")) or lower in _WINDOWS_PROGRAMS

    def external_program_refused(self, name: str, extent: Any) -> PSError:
        return PSError(new_error(
            "CommandNotFoundException",
            f"The program '{name}' cannot run here: emshell emulates Exchange cmdlets and does not start "
            "external programs.",
            "ExternalProgramRefused", "PermissionDenied", name,
            invocation_info=InvocationInfo(name, extent),
        ))  # fmt: skip

    # ------------------------------------------------------------------ prompts

    def confirm(self, runtime: Any, message: str, caption: str = "Confirm", *, should_process: bool = True) -> bool:
        """A confirmation: ShouldProcess (``-Confirm``, high-impact cmdlets) puts "Are you sure
        you want to perform this action?" before the message; ShouldContinue and
        ``-ErrorAction Inquire`` show the message alone."""
        from emshell.formatting.error_view import render_confirm_prompt

        host = self.host
        if not host.can_prompt():
            raise non_interactive_error()
        choices = {"y": True, "a": True, "n": False, "l": False, "": True}
        query = "Are you sure you want to perform this action?" if should_process else None
        while True:
            answer = host.read_line(render_confirm_prompt(caption, message, host.width, query=query)).strip().lower()
            if answer in choices:
                return choices[answer]
            if answer == "s":
                return False

    def mandatory_prompt(self, position: int) -> Callable[..., dict[str, Any]]:
        """The binder's callback for missing mandatory parameters (interactive hosts)."""

        def prompt(metadata: Any, missing: list) -> dict[str, Any]:
            host = self.host
            host.write_line()
            host.write_line(f"cmdlet {metadata.name} at command pipeline position {position}")
            host.write_line("Supply values for the following parameters:")
            answers: dict[str, Any] = {}
            for parameter in missing:
                if parameter.type_name.lower().endswith("pscredential"):
                    from emshell.cmdlets.credential import prompt_for_credential

                    host.write_line(parameter.name)
                    answers[parameter.name] = prompt_for_credential(host, None, None, None)
                else:
                    answers[parameter.name] = host.read_line(f"{parameter.name}: ")
            return answers

        return prompt

    # ------------------------------------------------------------------ files

    def open_output_file(self, path: str, append: bool, extent: Any) -> Any:
        """``> path`` / ``>> path``: Out-File's target, with Out-File's checks and errors."""
        from emshell.cmdlets.content import out_file_target
        from emshell.engine.outfile import OutFileWriter

        _, host, _ = out_file_target(self, path, append=append)
        return OutFileWriter(self, host, append=append)

    # ------------------------------------------------------------------ execution

    def execute(self, text: str, *, path: str | None = None, args: tuple = (),
                display_path: str | None = None) -> RunOutcome:  # fmt: skip
        """Parse and run a command line or a script, sending its output to the host.

        A command line (``path`` None) runs in the global scope, as ``-Command`` does; a script
        gets its own script scope.
        """
        from emshell.engine.commands import run_script_block
        from emshell.engine.errors import ParseError
        from emshell.engine.scriptblock import ScriptBlock
        from emshell.language import parse

        outcome = RunOutcome()
        try:
            tree = parse(text, display_path or path)
        except ParseError as error:
            from emshell.language import render_parse_error

            self.record_error(error.record)
            self.host.write_error_text(render_parse_error(error))
            outcome.parse_failed = outcome.terminated = True
            outcome.succeeded = False
            return outcome
        except Exception as error:  # a parser bug must not end the session
            self.interpreter.report_error(_failure_record(error))
            outcome.parse_failed = outcome.terminated = True
            outcome.succeeded = False
            return outcome
        out_default = None  # made for the first object: a run that prints nothing never loads it

        def emit(value: Any) -> None:
            nonlocal out_default
            outcome.output.append(value)
            if out_default is None:
                if value is None:
                    return  # Out-Default prints nothing for $null
                out_default = self.new_out_default()
            self.host.write(out_default.process(value))

        interp = self.interpreter
        interp.last_status = True
        block = ScriptBlock(tree)
        if path is None:
            from emshell.engine.commandinfo import ScriptInfo

            self.session.set_value("MyInvocation", InvocationInfo(ScriptInfo(block), None, invocation_name=""),
                                   "global")  # fmt: skip
        scope = self.session.current
        try:
            if path is None:
                run_script_block(interp, block, list(args), emit, use_new_scope=False)
            else:
                self._run_script_file(tree, display_path or path, list(args), emit)
        except ExitSignal as signal:
            outcome.exit_code = signal.code
        except PSError as error:
            interp.report_error(error.record)
            outcome.terminated = True
        except (BreakSignal, ContinueSignal):
            pass  # ``break`` outside a loop ends the script quietly, as in PowerShell
        except BrokenPipeError:
            raise  # the console's reader went away: the CLI ends quietly
        except Exception as error:  # the backstop: report it, keep the session
            interp.report_error(_failure_record(error))
            outcome.terminated = True
        finally:
            if out_default is not None:
                try:
                    self.host.write(out_default.end())
                except BrokenPipeError:
                    raise
                except Exception as error:
                    interp.report_error(_failure_record(error))
                    outcome.terminated = True
            interp.try_depth = 0
            interp.call_depth = 0
            self.session.current = scope  # a failure may have left a function's scope current
            if self.stop_raised:  # the stop has ended this command line; a later request starts afresh
                self.stop_requested = self.stop_raised = False
                self.stop_reason = None
        outcome.succeeded = interp.last_status and not outcome.terminated
        if outcome.exit_code is not None:
            self.session.set_value("LASTEXITCODE", outcome.exit_code, "global")
        return outcome

    def _run_script_file(self, tree: Any, path: str, args: list, emit: Callable[[Any], None]) -> None:
        import ntpath

        from emshell.engine import binder
        from emshell.engine.commands import ScriptProcessor, script_metadata
        from emshell.engine.scriptblock import ScriptBlock

        block = ScriptBlock(tree)
        metadata = script_metadata(self.interpreter, block, ntpath.basename(path), block)
        elements = [binder.ArgumentElement(arg) for arg in args]
        binding = binder.bind_command_line(metadata, elements, expects_pipeline_input=False)
        from emshell.engine.commandinfo import ExternalScriptInfo

        invocation = InvocationInfo(ExternalScriptInfo(path, block), None, invocation_name=path)
        processor = ScriptProcessor(self.interpreter, block, metadata, binding, invocation,
                                    is_script=True, script_path=path)  # fmt: skip
        processor.set_downstream(emit)
        processor.begin()
        processor.process_no_input()
        processor.end()

    def new_out_default(self) -> Any:
        from emshell.formatting import OutDefault

        limit = self.session.get_value("FormatEnumerationLimit")
        return OutDefault(self.host.width, limit if isinstance(limit, int) else 16)


def _failure_record(error: Exception) -> ErrorRecord:
    """The error record for a Python exception that escaped the engine (see ``engine_failure``)."""
    return engine_failure(error).record


_WINDOWS_PROGRAMS = frozenset({
    "cmd", "net", "sc", "ping", "ipconfig", "netsh", "certutil", "powershell", "pwsh", "reg", "regedit",
    "notepad", "wmic", "tasklist", "taskkill", "shutdown", "nslookup", "tracert", "whoami", "hostname",
    "iisreset", "telnet", "msiexec", "setup", "robocopy", "xcopy", "bash", "sh", "python", "python3",
})  # fmt: skip


def _version_table() -> Hashtable:
    return Hashtable(
        [
            ("PSVersion", PS_VERSION),
            ("PSEdition", "Desktop"),
            ("PSCompatibleVersions", ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1.14393.7426"]),
            ("BuildVersion", "10.0.14393.7426"),
            ("CLRVersion", "4.0.30319.42000"),
            ("WSManStackVersion", "3.0"),
            ("PSRemotingProtocolVersion", "2.3"),
            ("SerializationVersion", "1.1.0.1"),
        ]
    )
