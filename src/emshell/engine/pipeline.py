"""Command processors: how cmdlets and script functions run inside a streaming pipeline.

Objects stream: whatever a command writes goes straight to the next command's ``process``,
as in PowerShell.  Every processor has ``begin`` / ``process_input(obj)`` /
``process_no_input()`` / ``end`` and a ``downstream`` callable it writes to.  The
``CommandRuntime`` is what a running cmdlet calls to write objects, errors, warnings and
verbose text, and to ask ShouldProcess questions; it applies the common parameters
(``-ErrorAction``, ``-WarningAction``, ``-Verbose``, ``-WhatIf``, ``-Confirm``,
``-ErrorVariable``, ``-OutVariable`` ...) and the preference variables.
"""

from __future__ import annotations

from emshell.engine.errors import PSError, new_error
from emshell.engine.primitives import DotNetException
from emshell.engine.psobject import ArrayList

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine.cmdlet import Cmdlet
    from emshell.engine.errors import ErrorRecord
    from emshell.engine.metadata import CommandMetadata
    from emshell.engine.runspace import Runspace

PREFERENCE_LEVELS = {"SilentlyContinue": 0, "Stop": 1, "Continue": 2, "Inquire": 3, "Ignore": 4, "Suspend": 5}
CONFIRM_IMPACT = {"None": 0, "Low": 1, "Medium": 2, "High": 3}


class ScriptHalted(PSError):
    """Raised when ``-ErrorAction Stop`` (or ``$ErrorActionPreference = 'Stop'``) turns an
    error into one that ends the script, not only the statement."""

    script_terminating = True


def _preference(value: Any, default: str) -> str:
    text = str(value) if value is not None else default
    for name in PREFERENCE_LEVELS:
        if name.lower() == text.lower():
            return name
    return default


class CommandRuntime:
    """The services a running command uses; one per command in a pipeline."""

    def __init__(self, runspace: Runspace, metadata: CommandMetadata, params: dict[str, Any],
                 invocation: Any):  # fmt: skip
        self.runspace = runspace
        self.metadata = metadata
        self.params = params  # command-line bound parameters (common ones included)
        self.invocation = invocation  # InvocationInfo of this command
        self.downstream: Callable[[Any], None] = _discard
        self.redirect_errors_to_output = False
        self.discard_errors = False
        self.error_variable: ArrayList | None = self._capture_variable("ErrorVariable")
        self.warning_variable: ArrayList | None = self._capture_variable("WarningVariable")
        self.out_variable: ArrayList | None = self._capture_variable("OutVariable")
        self.had_error = False

    # ------------------------------------------------------------ context

    @property
    def session(self):
        return self.runspace.session

    @property
    def host(self):
        return self.runspace.host

    @property
    def org(self):
        return self.runspace.org

    @property
    def context(self):
        return self.runspace.context

    def invoke_script_block(self, script_block: Any, args: list, dollar_under: Any, use_new_scope: bool) -> list:
        return self.runspace.interpreter.invoke_script_block(
            script_block, args, dollar_under=dollar_under, use_new_scope=use_new_scope
        )

    def _capture_variable(self, common: str) -> ArrayList | None:
        """``-ErrorVariable x`` / ``-ErrorVariable +x``: the list that collects that stream."""
        name = self.params.get(common)
        if not name:
            return None
        name = str(name)
        append = name.startswith("+")
        name = name.lstrip("+")
        existing = self.session.get_value(name) if append else None
        collection = existing if isinstance(existing, ArrayList) else ArrayList(
            existing if isinstance(existing, list) else ([] if existing is None else [existing]))  # fmt: skip
        self.session.set_value(name, collection)
        return collection

    def preference(self, common: str, variable: str, default: str) -> str:
        if common in self.params:
            return _preference(self.params[common], default)
        return _preference(self.session.get_value(variable), default)

    # ------------------------------------------------------------ streams

    def write_object(self, value: Any, enumerate_collection: bool = False) -> None:
        if enumerate_collection:
            from emshell.engine.primitives import enumerate_value

            items = enumerate_value(value)
            if items is not None:
                for item in items:
                    self._write_one(item)
                return
        self._write_one(value)

    def _write_one(self, value: Any) -> None:
        runspace = self.runspace
        if runspace.stop_requested:  # PowerShell checks for a stop in every WriteObject
            runspace.raise_if_stopped()
        if self.out_variable is not None:
            self.out_variable.append(value)
        self.downstream(value)

    def write_error(self, record: ErrorRecord) -> None:
        """A non-terminating error, handled by -ErrorAction / $ErrorActionPreference."""
        if record.InvocationInfo is None and not record.remote_computer:
            record.InvocationInfo = self.invocation
            qualify(record, self.metadata)
        self.had_error = True
        self.runspace.interpreter.last_status = False
        action = self.preference("ErrorAction", "ErrorActionPreference", "Continue")
        if action == "Ignore":
            return
        if self.error_variable is not None:
            self.error_variable.append(record)
        if action == "Stop":
            raise ScriptHalted(record)
        self.runspace.record_error(record)
        if action == "SilentlyContinue" or self.discard_errors:
            return
        if self.redirect_errors_to_output:
            self.downstream(record)
            return
        if action == "Inquire" and not self._inquire(record.message):
            raise ScriptHalted(record)
        self.host.write_error_record(record)

    def write_warning(self, message: str) -> None:
        action = self.preference("WarningAction", "WarningPreference", "Continue")
        if action == "Ignore":
            return
        if self.warning_variable is not None:
            self.warning_variable.append(message)
        if action == "SilentlyContinue":
            return
        if action == "Stop":
            self.host.write_warning(message)
            raise ScriptHalted(new_error(
                "ActionPreferenceStopException",
                "The running command stopped because the preference variable \"WarningPreference\" or "
                "common parameter is set to Stop: " + message,
                "ActionPreferenceStop", "OperationStopped",
            ))  # fmt: skip
        self.host.write_warning(message)

    def write_verbose(self, message: str) -> None:
        if self._switch_or_preference("Verbose", "VerbosePreference"):
            self.host.write_verbose(message)

    def write_debug(self, message: str) -> None:
        if self._switch_or_preference("Debug", "DebugPreference"):
            self.host.write_debug(message)

    def write_information(self, message: Any, tags: tuple[str, ...] = ()) -> None:
        action = self.preference("InformationAction", "InformationPreference", "SilentlyContinue")
        if action in ("Continue", "Inquire"):
            from emshell.engine.primitives import to_string

            self.host.write_line(to_string(message))

    def _switch_or_preference(self, switch: str, variable: str) -> bool:
        if switch in self.params:
            return bool(self.params[switch])
        return _preference(self.session.get_value(variable), "SilentlyContinue") in ("Continue", "Inquire", "Stop")

    # ------------------------------------------------------------ ShouldProcess

    def should_process(self, target: str, action: str, message: str | None = None) -> bool:
        from emshell.formatting import error_view

        text = message or f'Performing the operation "{action}" on target "{target}".'
        whatif = self.params["WhatIf"] if "WhatIf" in self.params else self.session.get_value("WhatIfPreference")
        if whatif:
            self.host.write_line(error_view.render_whatif(text))
            return False
        if "Confirm" in self.params:
            confirm = bool(self.params["Confirm"])
        else:
            preference = str(self.session.get_value("ConfirmPreference") or "High")
            impact = CONFIRM_IMPACT.get(self.metadata.confirm_impact, 2)
            confirm = preference != "None" and impact >= CONFIRM_IMPACT.get(preference, 3)
        if not confirm:
            return True
        return self.runspace.confirm(self, text)

    def should_continue(self, query: str, caption: str) -> bool:
        return self.runspace.confirm(self, query, caption=caption, should_process=False)

    def _inquire(self, message: str) -> bool:
        return self.runspace.confirm(self, message, caption="Confirm", should_process=False)


def _discard(_value: Any) -> None:
    pass


def qualify(record: ErrorRecord, metadata: CommandMetadata) -> None:
    """What PowerShell does to an error a command raises itself: ``[Read-Host]`` as the
    CategoryInfo activity, and the command (its .NET type, or a function's name) appended to a
    bare FullyQualifiedErrorId (``InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand``)."""
    if not record.CategoryInfo.Activity:
        record.CategoryInfo.Activity = metadata.name
    if "," not in record.FullyQualifiedErrorId:
        origin = metadata.implementing_type if metadata.kind == "Cmdlet" and not metadata.remote else metadata.name
        if origin:
            record.FullyQualifiedErrorId = f"{record.FullyQualifiedErrorId},{origin}"


class CommandProcessor:
    """Runs one command of a pipeline."""

    downstream: Callable[[Any], None]
    redirected_output: Any = None  # ``> file`` / ``> $null``: an object with write/close

    def begin(self) -> None: ...

    def process_input(self, value: Any) -> None: ...

    def process_no_input(self) -> None: ...

    def end(self) -> None: ...

    def set_downstream(self, downstream: Callable[[Any], None]) -> None:
        self.downstream = downstream


class CmdletProcessor(CommandProcessor):
    """Drives a ``Cmdlet``: begin once, process per input object, end once."""

    def __init__(self, runspace: Runspace, cls: type[Cmdlet], binding: Any, invocation: Any):
        self.runspace = runspace
        self.binding = binding
        self.runtime = CommandRuntime(runspace, cls.metadata, dict(binding.bound), invocation)
        self.cmdlet = cls(self.runtime)
        self.cmdlet.params = dict(binding.bound)
        self.cmdlet.parameter_set_name = binding.parameter_set_name
        self.invocation = invocation

    def set_downstream(self, downstream: Callable[[Any], None]) -> None:
        self.runtime.downstream = downstream

    def begin(self) -> None:
        self._call(self.cmdlet.begin)

    def process_input(self, value: Any) -> None:
        try:
            params = self.binding.bind_pipeline_object(value)
        except PSError as error:  # InputObjectNotBound and friends: non-terminating
            self.runtime.write_error(error.record)
            return
        self.cmdlet.params = params
        self.cmdlet.parameter_set_name = self.binding.parameter_set_name
        self._call(self.cmdlet.process)

    def process_no_input(self) -> None:
        self._call(self.cmdlet.process)

    def end(self) -> None:
        self._call(self.cmdlet.end)

    def _call(self, hook: Callable[[], None]) -> None:
        try:
            try:
                hook()
            except DotNetException as error:  # a .NET exception the command let through: its terminating error
                raise PSError(new_error(error.type_name, error.message, error.type_name, "NotSpecified")) from None
        except PSError as error:
            record = error.record
            if record.InvocationInfo is None and not record.remote_computer:
                record.InvocationInfo = self.invocation
                qualify(record, self.runtime.metadata)
            raise
