"""``$PSCmdlet`` inside an advanced function: the cmdlet services a script can call."""

from __future__ import annotations

from emshell.engine.errors import PSError

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from emshell.engine.commands import ScriptProcessor


class PSCmdletObject:
    """ShouldProcess, WriteError, ThrowTerminatingError ... for ``[CmdletBinding()]`` functions."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSScriptCmdlet", "System.Management.Automation.PSCmdlet",
                     "System.Management.Automation.Cmdlet", "System.Object")  # fmt: skip
    PS_PROPERTIES = ("ParameterSetName", "MyInvocation", "InvokeCommand", "Host", "SessionState",
                     "CommandRuntime", "Stopping", "CommandOrigin")  # fmt: skip

    def __init__(self, processor: ScriptProcessor):
        from emshell.engine.pipeline import CommandRuntime

        self._processor = processor
        runspace = processor.interp.runspace
        self._runtime = CommandRuntime(runspace, processor.metadata, dict(processor.binding.bound),
                                       processor.invocation)  # fmt: skip
        self._runtime.downstream = lambda value: processor.downstream(value)

    @property
    def ParameterSetName(self) -> str:
        return self._processor.binding.parameter_set_name or "__AllParameterSets"

    @property
    def MyInvocation(self) -> Any:
        return self._processor.invocation

    @property
    def Host(self) -> Any:
        return self._processor.interp.runspace.host

    @property
    def SessionState(self) -> Any:
        return self._processor.interp.session

    InvokeCommand = None
    CommandRuntime = None
    Stopping = False
    CommandOrigin = "Runspace"

    def ShouldProcess(self, target: Any, action: Any = None, caption: Any = None) -> bool:
        if caption is not None:  # ShouldProcess(verboseDescription, verboseWarning, caption)
            return self._runtime.should_process(str(target), self._processor.metadata.name, str(target))
        return self._runtime.should_process(str(target), str(action) if action is not None
                                            else self._processor.metadata.name)  # fmt: skip

    def ShouldContinue(self, query: Any, caption: Any) -> bool:
        return self._runtime.should_continue(str(query), str(caption))

    def WriteObject(self, value: Any, enumerate_collection: bool = False) -> None:
        self._runtime.write_object(value, bool(enumerate_collection))

    def WriteError(self, record: Any) -> None:
        self._runtime.write_error(record)
        self._processor.had_error = True

    def ThrowTerminatingError(self, record: Any) -> None:
        raise PSError(record)

    def WriteWarning(self, message: Any) -> None:
        self._runtime.write_warning(str(message))

    def WriteVerbose(self, message: Any) -> None:
        self._runtime.write_verbose(str(message))

    def WriteDebug(self, message: Any) -> None:
        self._runtime.write_debug(str(message))
