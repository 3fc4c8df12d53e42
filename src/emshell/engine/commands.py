"""Command discovery and invocation: from a ``CommandAst`` to a running processor.

Discovery follows PowerShell's precedence -- alias, function, cmdlet, script file -- and
reports unknown names with 5.1's CommandNotFoundException.  Arguments are evaluated into the
binder's flat element list (splatting expanded), bound by the binder, and the command runs in
a ``CmdletProcessor`` (compiled cmdlets) or a ``ScriptProcessor`` (functions, script blocks and
script files).
"""

from __future__ import annotations

from emshell.engine.errors import InvocationInfo, PSError, new_error
from emshell.engine.interpreter import (
    UNSET,
    BreakSignal,
    ContinueSignal,
    ReturnSignal,
    _collect_result,
    _discard,
)
from emshell.engine.lazy import lazy_module
from emshell.engine.limits import MAX_CALL_DEPTH, bounded_append, call_depth_overflow
from emshell.engine.pipeline import CmdletProcessor, CommandProcessor
from emshell.engine.primitives import enumerate_value, to_string
from emshell.engine.psobject import Hashtable
from emshell.engine.scriptblock import FunctionInfo, ScriptBlock
from emshell.engine.session import Scope
from emshell.language import ast as A

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine import binder
    from emshell.engine.interpreter import Interpreter
    from emshell.engine.metadata import CommandMetadata
else:  # the binder loads with the first command that binds arguments (start-up budget)
    binder = lazy_module(globals(), "binder", "emshell.engine.binder")

NOT_RECOGNIZED = (
    "The term '{0}' is not recognized as the name of a cmdlet, function, script file, or operable "
    "program. Check the spelling of the name, or if a path was included, verify that the path is correct "
    "and try again."
)


# --------------------------------------------------------------------------- discovery


class ResolvedCommand:
    """What a command name turned out to be."""

    __slots__ = ("name", "kind", "target", "alias")

    def __init__(self, name: str, kind: str, target: Any, alias: str | None = None):
        self.name = name  # canonical name
        self.kind = kind  # "Cmdlet", "Function", "Filter", "ExternalScript", "ScriptBlock"
        self.target = target  # Cmdlet class, FunctionInfo, script path, or ScriptBlock
        self.alias = alias


def resolve_command(interp: Interpreter, name: str) -> ResolvedCommand | None:
    """Alias, then function, then cmdlet, then script file (PowerShell's order)."""
    runspace = interp.runspace
    alias_name = None
    for _ in range(32):  # alias chains, without looping forever on a cycle
        target = interp.session.get_alias(name) or runspace.builtin_alias(name)
        if target is None:
            break
        alias_name = alias_name or name
        name = target
    function = interp.session.get_function(name)
    if function is not None:
        return ResolvedCommand(function.name, function.CommandType, function, alias_name)
    cls = runspace.find_cmdlet(name)
    if cls is not None:
        return ResolvedCommand(cls.metadata.name, "Cmdlet", cls, alias_name)
    if name.lower().endswith(".ps1") or "\\" in name or "/" in name:
        path = runspace.resolve_script_path(name)
        if path is not None:
            return ResolvedCommand(name, "ExternalScript", path, alias_name)
    return None


def command_info(resolved: ResolvedCommand) -> Any:
    """The ``MyCommand`` object of a resolved command."""
    from emshell.engine.commandinfo import CmdletInfo, ExternalScriptInfo, ScriptInfo

    target = resolved.target
    if resolved.kind == "Cmdlet":
        info = getattr(target, "command_info", None)
        if info is None or info.metadata is not target.metadata:
            info = target.command_info = CmdletInfo(target.metadata)
        return info
    if resolved.kind == "ExternalScript":
        return ExternalScriptInfo(target)
    if isinstance(target, FunctionInfo):
        return target
    return ScriptInfo(target)


def command_not_found(name: str, extent: Any) -> PSError:
    return PSError(new_error(
        "CommandNotFoundException", NOT_RECOGNIZED.format(name), "CommandNotFoundException",
        "ObjectNotFound", name, invocation_info=InvocationInfo(name, extent),
    ))  # fmt: skip


# --------------------------------------------------------------------------- arguments


def evaluate_elements(interp: Interpreter, elements: tuple) -> list:
    """Evaluate a command's arguments into the binder's flat element list."""
    result: list = []
    for element in elements:
        kind = type(element)
        if kind is A.CommandParameterAst:
            if element.colon:
                argument = interp.eval(element.argument) if element.argument is not None else binder.NO_ARGUMENT
                result.append(binder.ParameterElement(
                    element.parameter_name, argument, True, element.extent, _typed_text(element),
                    argument_extent=element.argument.extent if element.argument is not None else None,
                ))  # fmt: skip
            else:
                result.append(binder.ParameterElement(element.parameter_name, binder.NO_ARGUMENT, False,
                                                      element.extent, _typed_text(element)))  # fmt: skip
        elif kind is A.VariableExpressionAst and element.splatted:
            result.extend(_splat(interp, element))
        elif kind is A.ConstantExpressionAst and element.extent is not None:
            result.append(binder.ArgumentElement(_argument_number(element), element.extent))
        else:
            result.append(binder.ArgumentElement(interp.eval(element), element.extent))
    return result


def _argument_number(element: A.ConstantExpressionAst) -> Any:
    """A number-like bare argument keeps its typed text for string parameters (``007``, ``0x1A``)."""
    from emshell.engine.psobject import ArgumentFloat, ArgumentInt

    value = element.value
    if type(value) is int:
        return ArgumentInt(value, element.extent.text)
    if type(value) is float:
        return ArgumentFloat(value, element.extent.text)
    return value


def _typed_text(element: A.CommandParameterAst) -> str:
    if element.extent is not None:
        text = element.extent.text
        return text.split(":", 1)[0] if element.colon else text
    return "-" + element.parameter_name


def _splat(interp: Interpreter, node: A.VariableExpressionAst) -> list:
    value = interp.eval_variable(A.VariableExpressionAst(node.variable_path, extent=node.extent))
    if isinstance(value, Hashtable):
        # Each entry binds as ``-Key:value`` (so ``@{Confirm=$false}`` works for switches too).
        return [
            binder.ParameterElement(to_string(key), item, True, node.extent, "-" + to_string(key), splatted=True)
            for key, item in value.items()
        ]
    items = enumerate_value(value)
    if items is None:
        items = [] if value is None else [value]
    return [binder.ArgumentElement(item, node.extent, splatted=True) for item in items]


# --------------------------------------------------------------------------- processors


def build_processor(interp: Interpreter, element: A.CommandBaseAst, position: int, length: int,
                    expects_input: bool) -> CommandProcessor:  # fmt: skip
    """Resolve, evaluate and bind one command of a pipeline."""
    if type(element) is A.CommandExpressionAst:
        raise PSError(new_error(
            "ParseException", "Expressions are only allowed as the first element of a pipeline.",
            "ExpressionsMustBeFirstInPipeline", "ParserError",
            invocation_info=InvocationInfo(None, element.extent),
        ))  # fmt: skip
    command_elements = element.command_elements
    head = command_elements[0]
    dot_source = element.invocation_operator == "."
    target = _command_target(interp, head, element.invocation_operator)
    if isinstance(target, ScriptBlock):
        resolved = ResolvedCommand("", "ScriptBlock", target)
    elif isinstance(target, FunctionInfo):
        resolved = ResolvedCommand(target.name, target.CommandType, target)
    else:
        name = to_string(target)
        resolved = resolve_command(interp, name)
        if resolved is None:
            raise _unresolved(interp, name, head)
    extent = element.extent
    invocation = InvocationInfo(
        command_info(resolved), extent, pipeline_length=length, pipeline_position=position,
        invocation_name=head.value if type(head) is A.StringConstantExpressionAst else (element.invocation_operator or ""),
    )  # fmt: skip
    elements = evaluate_elements(interp, command_elements[1:])
    runspace = interp.runspace
    if resolved.name and any(type(e) is binder.ParameterElement and e.name == "?" for e in elements):
        # ``Command -?`` shows the command's help instead of running it (5.1's CommandProcessor)
        help_command = resolve_command(interp, "Get-Help")
        if help_command is not None:
            elements = [binder.ParameterElement("Name", resolved.name, True, extent)]
            resolved = help_command
            invocation = InvocationInfo(command_info(resolved), extent, pipeline_length=length,
                                        pipeline_position=position, invocation_name="Get-Help")  # fmt: skip
    if resolved.kind == "Cmdlet":
        cls = resolved.target
        metadata = cls.metadata
        binding = binder.bind_command_line(
            metadata, elements, expects_pipeline_input=expects_input,
            prompt=runspace.mandatory_prompt(position) if runspace.host.interactive else None,
            remote_computer=runspace.remote_computer if metadata.remote else None,
            command_extent=extent, invocation=invocation, script_invoker=_script_invoker(interp),
        )  # fmt: skip
        processor: CommandProcessor = CmdletProcessor(runspace, cls, binding, invocation)
    else:
        if resolved.kind == "ExternalScript":
            block = runspace.load_script(resolved.target)
            name = resolved.name
            is_script = True
        elif isinstance(resolved.target, FunctionInfo):
            block = resolved.target.script_block
            name = resolved.target.name
            is_script = False
        else:
            block = resolved.target
            name = ""
            is_script = False
        metadata = script_metadata(interp, block, name, resolved.target)
        binding = binder.bind_command_line(
            metadata, elements, expects_pipeline_input=expects_input,
            prompt=runspace.mandatory_prompt(position) if runspace.host.interactive else None,
            command_extent=extent, invocation=invocation, script_invoker=_script_invoker(interp),
        )  # fmt: skip
        processor = ScriptProcessor(interp, block, metadata, binding, invocation,
                                    dot_source=dot_source, is_script=is_script,
                                    script_path=resolved.target if is_script else None)  # fmt: skip
    apply_redirections(interp, processor, element.redirections)
    return processor


def _script_invoker(interp: Interpreter) -> Callable[[ScriptBlock, Any], list]:
    """How the binder runs ValidateScript and delay-bind script blocks (``$_`` = the value)."""

    def invoke(block: ScriptBlock, value: Any) -> list:
        return interp.invoke_script_block(block, [], dollar_under=value, use_new_scope=True)

    return invoke


def _command_target(interp: Interpreter, head: A.CommandElementAst, operator: str | None) -> Any:
    if type(head) is A.StringConstantExpressionAst:
        return head.value
    value = interp.eval(head)
    if operator is None and not isinstance(value, str):
        return to_string(value)
    return value


def _unresolved(interp: Interpreter, name: str, head: A.Ast) -> PSError:
    if interp.runspace.is_external_program(name):
        return interp.runspace.external_program_refused(name, head.extent)
    return command_not_found(name, head.extent)


def script_metadata(interp: Interpreter, block: ScriptBlock, name: str, owner: Any) -> CommandMetadata:
    """The command metadata of a function or script block, built once from its param block."""
    holder = owner if isinstance(owner, FunctionInfo) else block
    if holder._metadata is None:
        from emshell.engine.function_metadata import metadata_from_function

        parameters = owner.parameters_ast if isinstance(owner, FunctionInfo) else None
        holder._metadata = metadata_from_function(name or "<ScriptBlock>", block.ast.param_block, parameters,
                                                  interp.eval)  # fmt: skip
    return holder._metadata


def apply_redirections(interp: Interpreter, processor: CommandProcessor, redirections: tuple) -> None:
    for redirection in redirections:
        if type(redirection) is A.MergingRedirectionAst:
            if redirection.from_stream in ("Error", "All") and isinstance(processor, CmdletProcessor):
                processor.runtime.redirect_errors_to_output = True
            elif redirection.from_stream in ("Error", "All") and isinstance(processor, ScriptProcessor):
                processor.redirect_errors = True
            continue
        target = interp.eval(redirection.location)
        if redirection.from_stream in ("Error",):
            if target is None and isinstance(processor, CmdletProcessor):
                processor.runtime.discard_errors = True
            elif target is None and isinstance(processor, ScriptProcessor):
                processor.discard_errors = True
            continue
        if redirection.from_stream in ("Output", "All"):
            sink = output_redirection(interp, redirection)
            if sink is not None:
                processor.redirected_output = sink


class NullSink:
    """``> $null``: output goes nowhere."""

    def write(self, _value: Any) -> None:
        pass

    def close(self) -> None:
        pass


def output_redirection(interp: Interpreter, redirection: A.FileRedirectionAst) -> Any:
    """Where ``> target`` sends output (an object with ``write``/``close``): nowhere for
    ``$null``, else a file in the sandbox."""
    if type(redirection) is not A.FileRedirectionAst or redirection.from_stream not in ("Output", "All"):
        return None
    target = interp.eval(redirection.location)
    if target is None:
        return NullSink()
    return interp.runspace.open_output_file(to_string(target), redirection.append, redirection.location.extent)


# --------------------------------------------------------------------------- script processors


class ScriptProcessor(CommandProcessor):
    """Runs a function, script block or script file with PowerShell's begin/process/end rules."""

    def __init__(self, interp: Interpreter, block: ScriptBlock, metadata: CommandMetadata, binding: Any,
                 invocation: InvocationInfo, *, dot_source: bool = False, is_script: bool = False,
                 script_path: str | None = None):  # fmt: skip
        self.interp = interp
        self.block = block
        self.metadata = metadata
        self.binding = binding
        self.invocation = invocation
        self.dot_source = dot_source
        self.is_script = is_script
        self.script_path = script_path
        self.downstream: Callable[[Any], None] = _discard
        self.scope: Scope | None = None
        self.collected_input: list = []
        self.redirect_errors = False
        self.discard_errors = False
        self.had_error = False
        ast = block.ast
        self.begin_block = ast.begin_block
        self.process_block = ast.process_block
        self.end_block = ast.end_block
        if block.is_filter and self.process_block is None and self.end_block is not None:
            self.process_block, self.end_block = self.end_block, None
        self.takes_pipeline_parameters = any(p.takes_pipeline_input for p in metadata.own_parameters)
        self.advanced = any(p.is_common for p in metadata.parameters.values())

    # ------------------------------------------------------------ scope handling

    def _enter(self) -> Scope | None:
        session = self.interp.session
        previous = session.current
        session.current = self.scope  # type: ignore[assignment]
        return previous

    def _leave(self, previous: Scope | None) -> None:
        self.interp.session.current = previous  # type: ignore[assignment]

    def begin(self) -> None:
        interp = self.interp
        interp.call_depth += 1
        if interp.call_depth > MAX_CALL_DEPTH:
            interp.call_depth -= 1
            raise call_depth_overflow(self.invocation)
        session = interp.session
        self.scope = session.current if self.dot_source else Scope(session.current, is_script=self.is_script)
        previous = self._enter()
        try:
            self._bind_variables(self.binding.bound)
            if self.begin_block is not None:
                self._run_block(self.begin_block)
        finally:
            self._leave(previous)

    def _bind_variables(self, bound: dict[str, Any]) -> None:
        interp = self.interp
        session = interp.session
        scope = self.scope
        assert scope is not None
        for parameter in self.metadata.own_parameters:
            name = parameter.name
            if name in bound:
                value = bound[name]
            elif isinstance(parameter.default_value, A.Ast):
                value = interp.eval(parameter.default_value)
            elif parameter.is_switch:
                value = False
            else:
                value = parameter.default_value
            session.new_variable(name, value, scope=scope,
                                 type_constraint=_parameter_type(parameter))  # fmt: skip
        bound_table = Hashtable((name, value) for name, value in bound.items())
        session.new_variable("PSBoundParameters", bound_table, scope=scope)
        session.new_variable("args", list(getattr(self.binding, "unbound_arguments", []) or []), scope=scope)
        session.new_variable("MyInvocation", self.invocation, scope=scope)
        if self.is_script and self.script_path:
            import ntpath

            session.new_variable("PSScriptRoot", ntpath.dirname(self.script_path), scope=scope)
            session.new_variable("PSCommandPath", self.script_path, scope=scope)
        if self.advanced:
            _apply_common_parameters(session, scope, bound)
            from emshell.engine.pscmdlet import PSCmdletObject

            session.new_variable("PSCmdlet", PSCmdletObject(self), scope=scope)

    def process_input(self, value: Any) -> None:
        if self.takes_pipeline_parameters:
            try:
                bound = self.binding.bind_pipeline_object(value)
            except PSError as error:
                self.write_error(error.record)
                return
            previous = self._enter()
            try:
                self._bind_variables(bound)
            finally:
                self._leave(previous)
        if self.process_block is None:
            self.collected_input.append(value)
            return
        self._run_process(value)

    def process_no_input(self) -> None:
        if self.process_block is not None:
            self._run_process(None)

    def _run_process(self, value: Any) -> None:
        previous = self._enter()
        session = self.interp.session
        try:
            session.new_variable("_", value, scope=self.scope)
            session.new_variable("input", [value], scope=self.scope)
            self._run_block(self.process_block)  # type: ignore[arg-type]
        finally:
            self._leave(previous)

    def end(self) -> None:
        previous = self._enter()
        session = self.interp.session
        try:
            if self.end_block is not None:
                session.new_variable("input", list(self.collected_input), scope=self.scope)
                self._run_block(self.end_block)
        finally:
            self._leave(previous)
            self.interp.call_depth -= 1

    def _run_block(self, block: A.NamedBlockAst) -> None:
        interp = self.interp
        try:
            interp.exec_statements(block.statements, self.downstream, block.traps)
        except ReturnSignal:
            pass

    def write_error(self, record: Any) -> None:
        self.had_error = True
        self.interp.runspace.record_error(record)
        self.interp.runspace.host.write_error_record(record)


def _parameter_type(parameter: Any) -> Any:
    from emshell.engine import conversion

    type_name = parameter.type_name
    if not type_name or type_name.lower() in ("object", "system.object", "switchparameter", "switch"):
        return None
    return conversion.resolve_type(type_name)


_PREFERENCE_FOR = {
    "erroraction": "ErrorActionPreference",
    "warningaction": "WarningPreference",
    "informationaction": "InformationPreference",
}


def _apply_common_parameters(session: Any, scope: Scope, bound: dict[str, Any]) -> None:
    """An advanced function's -Verbose, -ErrorAction, -WhatIf ... set its local preferences."""
    for name, value in bound.items():
        lower = name.lower()
        if lower in _PREFERENCE_FOR:
            session.new_variable(_PREFERENCE_FOR[lower], to_string(value), scope=scope)
        elif lower == "verbose":
            session.new_variable("VerbosePreference", "Continue" if value else "SilentlyContinue", scope=scope)
        elif lower == "debug":
            session.new_variable("DebugPreference", "Continue" if value else "SilentlyContinue", scope=scope)
        elif lower == "whatif":
            session.new_variable("WhatIfPreference", bool(value), scope=scope)
        elif lower == "confirm":
            session.new_variable("ConfirmPreference", "Low" if value else "None", scope=scope)


# --------------------------------------------------------------------------- direct calls


def run_script_block(interp: Interpreter, block: ScriptBlock, args: list, emit: Callable[[Any], None], *,
                     dollar_under: Any = UNSET, use_new_scope: bool = True,
                     input_items: list | None = None, this: Any = None) -> None:  # fmt: skip
    """Run a script block outside a pipeline: Where-Object/ForEach-Object bodies, calculated
    properties, ``.Invoke()``.  ``use_new_scope=False`` runs it in the caller's scope (as
    ForEach-Object does), so assignments stay visible afterwards."""
    session = interp.session
    ast = block.ast
    scope = Scope(session.current) if use_new_scope else session.current
    previous = session.current
    session.current = scope
    saved_underscore = session.lookup("_") if not use_new_scope else None
    saved_value = saved_underscore.value if saved_underscore is not None else None
    interp.call_depth += 1
    try:
        if interp.call_depth > MAX_CALL_DEPTH:
            raise call_depth_overflow()
        if dollar_under is not UNSET:
            session.new_variable("_", dollar_under, scope=scope)
        if this is not None:
            session.new_variable("this", this, scope=scope)
        if use_new_scope:
            session.new_variable("args", list(args), scope=scope)
            if ast.param_block is not None:
                metadata = script_metadata(interp, block, "", block)
                elements = [binder.ArgumentElement(arg) for arg in args]
                binding = binder.bind_command_line(metadata, elements, expects_pipeline_input=False)
                for parameter in metadata.own_parameters:
                    if parameter.name in binding.bound:
                        value = binding.bound[parameter.name]
                    elif isinstance(parameter.default_value, A.Ast):
                        value = interp.eval(parameter.default_value)
                    else:
                        value = parameter.default_value
                    session.new_variable(parameter.name, value, scope=scope)
        if input_items is not None:
            session.new_variable("input", list(input_items), scope=scope)
        for named in (ast.begin_block, ast.process_block, ast.end_block):
            if named is None:
                continue
            try:
                interp.exec_statements(named.statements, emit, named.traps)
            except ReturnSignal:
                pass
    finally:
        interp.call_depth -= 1
        if saved_underscore is not None and dollar_under is not UNSET:
            session.set_value("_", saved_value)
        session.current = previous


def call_script_block_value(interp: Interpreter, block: ScriptBlock, args: list) -> Any:
    """``$sb.Invoke(...)`` style: output collected into one value."""
    out: list = []
    run_script_block(interp, block, args, bounded_append(out))
    return _collect_result(out)


__all__ = [
    "BreakSignal",
    "ContinueSignal",
    "ResolvedCommand",
    "ScriptProcessor",
    "build_processor",
    "command_not_found",
    "resolve_command",
    "run_script_block",
]
