"""The tree-walking interpreter: statements, expressions, pipelines, scopes and control flow.

Output is pushed, not returned: every statement runs with an ``emit`` callable that takes one
object at a time (the next command's ``process``, a list's ``append``, or Out-Default).
Expressions evaluate to values; a pipeline enumerates an expression's collection when it
writes it, as PowerShell does.

Errors follow PowerShell's two kinds of termination (see ``PSError``): a statement-terminating
error is reported and the script goes on with the next statement, unless a ``try`` is active
(anywhere up the call stack) or ``$ErrorActionPreference`` is Stop; script-terminating errors
(``throw``, ``-ErrorAction Stop``) unwind to the nearest ``try``/``trap`` or end the script.
"""

from __future__ import annotations

from emshell.engine.errors import InvocationInfo, NetException, PSError, new_error
from emshell.engine.lazy import lazy_module
from emshell.engine.limits import bounded_append, call_depth_overflow, checked_join, out_of_memory
from emshell.engine.primitives import enumerate_value, is_true, to_string
from emshell.engine.psobject import Hashtable, PSObject
from emshell.engine.scriptblock import FunctionInfo, ScriptBlock
from emshell.language import ast as A

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine import conversion, members, operators
    from emshell.engine.runspace import Runspace
else:  # value operations load when a script first needs them (start-up budget)
    conversion = lazy_module(globals(), "conversion", "emshell.engine.conversion")
    members = lazy_module(globals(), "members", "emshell.engine.members")
    operators = lazy_module(globals(), "operators", "emshell.engine.operators")


# --------------------------------------------------------------------------- control flow


class FlowSignal(Exception):
    """Base of break/continue/return/exit: not errors, just non-local jumps."""


class BreakSignal(FlowSignal):
    def __init__(self, label: str | None = None):
        self.label = label


class ContinueSignal(FlowSignal):
    def __init__(self, label: str | None = None):
        self.label = label


class ReturnSignal(FlowSignal):
    pass


class ExitSignal(FlowSignal):
    def __init__(self, code: int):
        self.code = code


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


UNSET: Any = _Unset()  # "no $_ to set", distinct from $null


def _label_matches(signal_label: str | None, loop_label: str | None) -> bool:
    return signal_label is None or (loop_label is not None and signal_label.lower() == loop_label.lower())


# --------------------------------------------------------------------------- helpers


def _collect_result(items: list) -> Any:
    """What a command's collected output looks like as a value: nothing -> $null, one
    object -> that object, several -> an array."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return items


def engine_failure(failure: Exception) -> PSError:
    """A Python exception that escaped the engine, as the error a statement ends with: Python's
    stack or memory running out is PowerShell's call-depth or out-of-memory error (the limits
    of ``emshell.engine.limits`` normally refuse first; this is the backstop); anything else is
    an emshell bug, reported as ``EmshellInternalError`` instead of a traceback."""
    failure.__traceback__ = None  # frees the frames (and what they allocated) before reporting
    if isinstance(failure, RecursionError):
        return call_depth_overflow()
    if isinstance(failure, MemoryError):
        return out_of_memory()
    return PSError(new_error("InvalidOperationException",
                             f"emshell internal error: {type(failure).__name__}: {failure}",
                             "EmshellInternalError", "NotSpecified"))  # fmt: skip


class Interpreter:
    """Executes syntax trees against one runspace."""

    def __init__(self, runspace: Runspace):
        self.runspace = runspace
        self.session = runspace.session
        self.context = runspace.context
        self.last_status = True
        self.try_depth = 0
        self.call_depth = 0
        self.statement_handlers: dict[type, Callable[..., None]] = {
            A.PipelineAst: self.exec_pipeline,
            A.AssignmentStatementAst: self.exec_assignment,
            A.IfStatementAst: self.exec_if,
            A.ForEachStatementAst: self.exec_foreach,
            A.ForStatementAst: self.exec_for,
            A.WhileStatementAst: self.exec_while,
            A.DoWhileStatementAst: self.exec_do_while,
            A.DoUntilStatementAst: self.exec_do_until,
            A.SwitchStatementAst: self.exec_switch,
            A.TryStatementAst: self.exec_try,
            A.TrapStatementAst: self.exec_trap_definition,
            A.BreakStatementAst: self.exec_break,
            A.ContinueStatementAst: self.exec_continue,
            A.ReturnStatementAst: self.exec_return,
            A.ExitStatementAst: self.exec_exit,
            A.ThrowStatementAst: self.exec_throw,
            A.FunctionDefinitionAst: self.exec_function_definition,
            A.CommandExpressionAst: self.exec_command_expression,
            A.CommandAst: self.exec_single_command,
            A.StatementBlockAst: self.exec_statement_block_statement,
        }
        self.expression_handlers: dict[type, Callable[[Any], Any]] = {
            A.ConstantExpressionAst: self.eval_constant,
            A.StringConstantExpressionAst: self.eval_constant,
            A.ExpandableStringExpressionAst: self.eval_expandable_string,
            A.VariableExpressionAst: self.eval_variable,
            A.TypeExpressionAst: self.eval_type,
            A.ConvertExpressionAst: self.eval_convert,
            A.AttributedExpressionAst: self.eval_attributed,
            A.MemberExpressionAst: self.eval_member,
            A.InvokeMemberExpressionAst: self.eval_invoke_member,
            A.IndexExpressionAst: self.eval_index,
            A.BinaryExpressionAst: self.eval_binary,
            A.UnaryExpressionAst: self.eval_unary,
            A.ArrayLiteralAst: self.eval_array_literal,
            A.ArrayExpressionAst: self.eval_array_expression,
            A.SubExpressionAst: self.eval_sub_expression,
            A.ParenExpressionAst: self.eval_paren,
            A.HashtableAst: self.eval_hashtable,
            A.ScriptBlockExpressionAst: self.eval_script_block_expression,
            A.UsingExpressionAst: lambda node: self.eval(node.sub_expression),
        }

    # ===================================================================== statements

    def exec_statements(self, statements: tuple, emit: Callable[[Any], None],
                        traps: tuple = ()) -> None:  # fmt: skip
        """Run statements in order; a statement-terminating error is reported and the next
        statement runs (unless a try is active, the preference is Stop, or a trap says so)."""
        handlers = self.statement_handlers
        runspace = self.runspace
        for statement in statements:
            if runspace.stop_requested:
                runspace.raise_if_stopped()
            try:
                try:
                    handlers[type(statement)](statement, emit)
                except (PSError, FlowSignal, BrokenPipeError):  # a closed console pipe ends the CLI quietly
                    raise
                except Exception as failure:  # Python's limits, or an emshell bug: ends this statement only
                    raise engine_failure(failure) from None
            except PSError as error:
                if runspace.stop_requested:
                    runspace.raise_if_stopped()  # while stopping, every error is the stop: no trap, no next statement
                self._attach_position(error, statement)
                if traps:
                    if self._run_trap(traps, error, emit):
                        continue
                    raise PSError(error.record, script_terminating=True) from None
                if error.script_terminating or self.try_depth:
                    raise
                if self._error_action_is_stop():
                    raise PSError(error.record, script_terminating=True) from None
                self.report_error(error.record)

    def exec_statement_block(self, block: A.StatementBlockAst, emit: Callable[[Any], None]) -> None:
        self.exec_statements(block.statements, emit, block.traps)

    def exec_statement_block_statement(self, block: A.StatementBlockAst, emit: Callable[[Any], None]) -> None:
        self.exec_statement_block(block, emit)

    def report_error(self, record: Any) -> None:
        """Show a terminating error that ended only its statement, and record it."""
        self.last_status = False
        self.runspace.record_error(record)
        self.runspace.host.write_error_record(record)

    def _error_action_is_stop(self) -> bool:
        return str(self.session.get_value("ErrorActionPreference") or "").lower() == "stop"

    def _attach_position(self, error: PSError, node: A.Ast) -> None:
        record = error.record
        if record.InvocationInfo is None and not record.remote_computer and node.extent is not None:
            record.InvocationInfo = InvocationInfo(None, node.extent)

    def _run_trap(self, traps: tuple, error: PSError, emit: Callable[[Any], None]) -> bool:
        """Run the first matching trap. True when execution goes on with the next statement."""
        for trap in traps:
            if trap.trap_type is not None and not self._exception_matches(error.record, (trap.trap_type,)):
                continue
            saved = self.session.get_value("_")
            self.session.set_value("_", error.record)
            try:
                self.exec_statement_block(trap.body, emit)
            except ContinueSignal:
                return True
            except BreakSignal:
                return False
            finally:
                self.session.set_value("_", saved)
            self.report_error(error.record)
            return True
        return False

    def exec_trap_definition(self, node: A.TrapStatementAst, emit: Callable[[Any], None]) -> None:
        """Traps are collected by the parser into their block; standing alone they do nothing."""

    def exec_command_expression(self, node: A.CommandExpressionAst, emit: Callable[[Any], None]) -> None:
        self.exec_pipeline(A.PipelineAst((node,), extent=node.extent), emit)

    def exec_single_command(self, node: A.CommandAst, emit: Callable[[Any], None]) -> None:
        self.exec_pipeline(A.PipelineAst((node,), extent=node.extent), emit)

    # --------------------------------------------------------------------- pipelines

    def exec_pipeline(self, node: A.PipelineAst, emit: Callable[[Any], None]) -> None:
        elements = node.pipeline_elements
        first = elements[0]
        if len(elements) == 1 and type(first) is A.CommandExpressionAst and not first.redirections:
            # The common case: an expression statement.
            expression = first.expression
            value = self.eval(expression)
            self.last_status = True
            if type(expression) is A.UnaryExpressionAst and expression.operator in ("++", "--"):
                return  # ``$i++`` as a statement writes nothing, as an assignment would not
            self._write_enumerated(value, emit, expression)
            return
        self.run_pipeline(node, emit)

    def run_pipeline(self, node: A.PipelineAst, emit: Callable[[Any], None],
                     input_items: list | None = None) -> None:  # fmt: skip
        """Build processors for every command (binding their command lines first), then
        begin them all, stream the input, and end them in order."""
        from emshell.engine.commands import build_processor

        elements = node.pipeline_elements
        length = len(elements)
        source: A.CommandExpressionAst | None = None
        processors = []
        for position, element in enumerate(elements, start=1):
            if position == 1 and type(element) is A.CommandExpressionAst:
                source = element
                continue
            expects_input = position > 1 or input_items is not None
            processors.append(build_processor(self, element, position, length, expects_input))
        for upstream, downstream in zip(processors, processors[1:]):
            redirected = upstream.redirected_output
            upstream.set_downstream(redirected.write if redirected else downstream.process_input)
        if processors:
            redirected = processors[-1].redirected_output
            processors[-1].set_downstream(redirected.write if redirected else emit)
        errors_before = self.runspace.error_count
        for processor in processors:
            processor.begin()
        redirected_source = None
        if source is not None:
            value = self.eval(source.expression)
            sink = processors[0].process_input if processors else emit
            if source.redirections:
                redirected_source = self._expression_redirections(source.redirections)
                if redirected_source is not None:
                    sink = redirected_source.write
            self._write_enumerated(value, sink, source.expression)
        elif input_items is not None:
            for item in input_items:
                processors[0].process_input(item)
        elif processors:
            processors[0].process_no_input()
        for processor in processors:
            processor.end()
        for sink in [p.redirected_output for p in processors] + [redirected_source]:
            if sink is not None:
                sink.close()
        self.last_status = self.runspace.error_count == errors_before and not any(
            getattr(p, "had_error", False) for p in processors
        )

    def _expression_redirections(self, redirections: tuple) -> Any:
        from emshell.engine.commands import output_redirection

        for redirection in redirections:
            target = output_redirection(self, redirection)
            if target is not None:
                return target
        return None

    def _write_enumerated(self, value: Any, emit: Callable[[Any], None], node: A.Ast | None = None) -> None:
        if value is _NO_OUTPUT:
            return
        items = enumerate_value(value)
        if items is None:
            emit(value)
            return
        runspace = self.runspace
        for item in items:
            if runspace.stop_requested:  # ``1..1e7 | ...`` stops between objects
                runspace.raise_if_stopped()
            emit(item)

    # --------------------------------------------------------------------- assignment

    def exec_assignment(self, node: A.AssignmentStatementAst, emit: Callable[[Any], None]) -> None:
        value = self.eval_statement_value(node.right)
        operator = node.operator
        if operator != "=":
            current = self.eval(node.left)
            value = self._binary(operator[0], current, value, node)
        self.assign(node.left, value)
        self.last_status = True

    def eval_statement_value(self, statement: A.StatementAst) -> Any:
        """The value of a statement used as an expression (the right side of ``=``, a
        hashtable value): an expression's value as is, a command's collected output."""
        if type(statement) is A.PipelineAst:
            elements = statement.pipeline_elements
            if len(elements) == 1 and type(elements[0]) is A.CommandExpressionAst and not elements[0].redirections:
                return self.eval(elements[0].expression)
        if type(statement) is A.AssignmentStatementAst:
            self.exec_assignment(statement, _discard)
            return self.eval(statement.left)
        items: list = []
        self.exec_statement(statement, bounded_append(items))
        return _collect_result(items)

    def exec_statement(self, statement: A.StatementAst, emit: Callable[[Any], None]) -> None:
        self.statement_handlers[type(statement)](statement, emit)

    def assign(self, target: A.ExpressionAst, value: Any) -> None:
        node_type = type(target)
        if node_type is A.VariableExpressionAst:
            self.assign_variable(target, value)
        elif node_type is A.ConvertExpressionAst:
            self._assign_typed_variable(target, value)
        elif node_type is A.MemberExpressionAst:
            obj = self.eval(target.expression)
            name = self._member_name(target.member)
            self._guard(lambda: members.set_member(obj, name, value, self.context), target)
        elif node_type is A.IndexExpressionAst:
            obj = self.eval(target.target)
            index = self.eval(target.index)
            self._guard(lambda: members.set_index(obj, index, value, self.context), target)
        elif node_type is A.ArrayLiteralAst:
            self._assign_multiple(target.elements, value)
        elif node_type is A.ParenExpressionAst and type(target.pipeline) is A.PipelineAst:
            inner = target.pipeline.pipeline_elements
            if len(inner) == 1 and type(inner[0]) is A.CommandExpressionAst:
                self.assign(inner[0].expression, value)
                return
            raise self._invalid_assignment(target)
        else:
            raise self._invalid_assignment(target)

    def _invalid_assignment(self, target: A.Ast) -> PSError:
        return PSError(new_error(
            "RuntimeException", "The assignment expression is not valid. The input to an assignment "
            "operator must be an object that is able to accept assignments, such as a variable or a property.",
            "InvalidLeftHandSide", "ParserError",
            invocation_info=InvocationInfo(None, target.extent),
        ))  # fmt: skip

    def _assign_multiple(self, targets: tuple, value: Any) -> None:
        items = list(enumerate_value(value) or [value])
        for i, target in enumerate(targets):
            if i == len(targets) - 1:
                rest = items[i:]
                self.assign(target, _collect_result(rest) if len(rest) != 1 else rest[0])
            else:
                self.assign(target, items[i] if i < len(items) else None)

    def _assign_typed_variable(self, target: A.ConvertExpressionAst, value: Any) -> None:
        if type(target.child) is not A.VariableExpressionAst:
            raise self._invalid_assignment(target)
        ptype = self.resolve_type(target.type.type_name, target.type)
        if ptype is None:
            raise self._type_not_found(target.type.type_name, target.type)
        converted = self._guard(lambda: conversion.convert_to(value, ptype, self.context), target)
        variable = target.child
        var = self.session.set_value(variable.name, converted, self._qualifier(variable))
        var.type_constraint = ptype

    def assign_variable(self, node: A.VariableExpressionAst, value: Any) -> None:
        name = node.name
        qualifier = self._qualifier(node)
        lower = name.lower()
        if qualifier is None and lower in _CONSTANT_VARIABLES:
            if lower == "null":
                return  # ``$null = ...`` discards
            raise PSError(new_error(
                "SessionStateUnauthorizedAccessException",
                f"Cannot overwrite variable {name} because it is read-only or constant.",
                "VariableNotWritable", "WriteError", name,
                invocation_info=InvocationInfo(None, node.extent),
            ))  # fmt: skip
        try:
            self.session.set_value(name, value, qualifier)
        except conversion.ConversionError as error:
            # a type-constrained variable refused the value
            record = error.make_assignment_record()
            record.InvocationInfo = InvocationInfo(None, node.extent)
            raise PSError(record) from None
        except PSError as error:
            self._attach_position(error, node)
            raise

    @staticmethod
    def _qualifier(node: A.VariableExpressionAst) -> str | None:
        scope = node.scope
        if scope in ("global", "script", "local", "private", "env", "using"):
            return None if scope == "using" else scope
        return scope

    # --------------------------------------------------------------------- if / loops

    def exec_if(self, node: A.IfStatementAst, emit: Callable[[Any], None]) -> None:
        for condition, body in node.clauses:
            if is_true(self.eval_condition(condition)):
                self.exec_statement_block(body, emit)
                return
        if node.else_clause is not None:
            self.exec_statement_block(node.else_clause, emit)

    def eval_condition(self, statement: A.StatementAst) -> Any:
        value = self.eval_statement_value(statement)
        return value

    def _loop_body(self, body: A.StatementBlockAst, emit: Callable[[Any], None], label: str | None) -> bool:
        """Run one iteration. False when the loop must stop (break)."""
        try:
            self.exec_statement_block(body, emit)
        except BreakSignal as signal:
            if _label_matches(signal.label, label):
                return False
            raise
        except ContinueSignal as signal:
            if not _label_matches(signal.label, label):
                raise
        return True

    def exec_foreach(self, node: A.ForEachStatementAst, emit: Callable[[Any], None]) -> None:
        collection = self.eval_statement_value(node.condition)
        items = enumerate_value(collection)
        if items is None:
            if collection is None:
                return  # PowerShell 3+: foreach over $null runs zero times
            items = iter((collection,))
        variable = node.variable
        runspace = self.runspace
        for item in items:
            if runspace.stop_requested:
                runspace.raise_if_stopped()
            self.assign_variable(variable, item)
            if not self._loop_body(node.body, emit, node.label):
                break

    def exec_for(self, node: A.ForStatementAst, emit: Callable[[Any], None]) -> None:
        if node.initializer is not None:
            self.exec_statement(node.initializer, _discard)
        runspace = self.runspace
        while True:
            if runspace.stop_requested:
                runspace.raise_if_stopped()
            if node.condition is not None and not is_true(self.eval_condition(node.condition)):
                break
            if not self._loop_body(node.body, emit, node.label):
                break
            if node.iterator is not None:
                self.exec_statement(node.iterator, _discard)

    def exec_while(self, node: A.WhileStatementAst, emit: Callable[[Any], None]) -> None:
        runspace = self.runspace
        while True:
            if runspace.stop_requested:
                runspace.raise_if_stopped()
            if not is_true(self.eval_condition(node.condition)):
                break
            if not self._loop_body(node.body, emit, node.label):
                break

    def exec_do_while(self, node: A.DoWhileStatementAst, emit: Callable[[Any], None]) -> None:
        self._do_loop(node, emit, stop_when=False)

    def exec_do_until(self, node: A.DoUntilStatementAst, emit: Callable[[Any], None]) -> None:
        self._do_loop(node, emit, stop_when=True)

    def _do_loop(self, node: Any, emit: Callable[[Any], None], *, stop_when: bool) -> None:
        """``do {} while (c)`` stops when c is false; ``do {} until (c)`` when it is true."""
        runspace = self.runspace
        while True:
            if runspace.stop_requested:
                runspace.raise_if_stopped()
            if not self._loop_body(node.body, emit, node.label):
                break
            if is_true(self.eval_condition(node.condition)) is stop_when:
                break

    # --------------------------------------------------------------------- switch

    def exec_switch(self, node: A.SwitchStatementAst, emit: Callable[[Any], None]) -> None:
        flags = {flag.lower() for flag in node.flags}
        case_sensitive = "casesensitive" in flags
        value = self.eval_statement_value(node.condition)
        items = enumerate_value(value)
        if items is None:
            items = iter((value,))
        saved = self.session.lookup("_")
        saved_value = saved.value if saved is not None else None
        try:
            for item in items:
                self.session.set_value("_", item)
                matched = False
                try:
                    for condition, body in node.clauses:
                        if self._switch_clause_matches(condition, item, flags, case_sensitive):
                            matched = True
                            self.exec_statement_block(body, emit)
                    if not matched and node.default is not None:
                        self.exec_statement_block(node.default, emit)
                except ContinueSignal as signal:
                    if not _label_matches(signal.label, node.label):
                        raise
                    continue
                except BreakSignal as signal:
                    if _label_matches(signal.label, node.label):
                        break
                    raise
        finally:
            if saved is not None:
                self.session.set_value("_", saved_value)

    def _switch_clause_matches(self, condition: A.ExpressionAst, item: Any, flags: set[str],
                               case_sensitive: bool) -> bool:  # fmt: skip
        if type(condition) is A.ScriptBlockExpressionAst:
            result = self.invoke_script_block(ScriptBlock(condition.script_block), [], dollar_under=item,
                                              use_new_scope=False)  # fmt: skip
            return is_true(_collect_result(result))
        pattern = self.eval(condition)
        prefix = "-c" if case_sensitive else "-"
        if "regex" in flags:
            return is_true(self._binary(prefix + "match", to_string(item), to_string(pattern), condition))
        if "wildcard" in flags:
            return is_true(self._binary(prefix + "like", to_string(item), to_string(pattern), condition))
        if isinstance(item, str) or "exact" in flags:
            return is_true(self._binary(prefix + "eq", to_string(item), to_string(pattern), condition))
        return is_true(self._binary(prefix + "eq", item, pattern, condition))

    # --------------------------------------------------------------------- try / throw

    def exec_try(self, node: A.TryStatementAst, emit: Callable[[Any], None]) -> None:
        try:
            self.try_depth += 1
            try:
                self.exec_statement_block(node.body, emit)
            finally:
                self.try_depth -= 1
        except PSError as error:
            self._attach_position(error, node.body)
            if self.runspace.stop_requested:
                self.runspace.raise_if_stopped()  # a stop is not caught (finally blocks still run)
            clause = self._matching_catch(node.catch_clauses, error.record)
            if clause is None:
                raise
            saved = self.session.lookup("_")
            saved_value = saved.value if saved is not None else None
            self.session.set_value("_", error.record)
            try:
                self.exec_statement_block(clause.body, emit)
            finally:
                if saved is not None:
                    self.session.set_value("_", saved_value)
        finally:
            if node.finally_block is not None:
                self._run_finally(node.finally_block, emit)

    def _run_finally(self, block: A.StatementBlockAst, emit: Callable[[Any], None]) -> None:
        """A finally block runs even when the script is being stopped (Ctrl-C, ``--timeout``),
        as in PowerShell; a new stop request still ends it."""
        runspace = self.runspace
        if not (runspace.stop_requested and runspace.stop_raised):
            self.exec_statement_block(block, emit)
            return
        runspace.stop_requested = False
        try:
            self.exec_statement_block(block, emit)
        finally:
            runspace.stop_requested = True

    def _matching_catch(self, clauses: tuple, record: Any) -> A.CatchClauseAst | None:
        for clause in clauses:
            if not clause.catch_types or self._exception_matches(record, clause.catch_types):
                return clause
        return None

    def _exception_matches(self, record: Any, types: tuple) -> bool:
        from emshell.engine.errors import exception_type_name

        chain = [name.lower() for name in record.Exception.PS_TYPE_NAMES]
        for constraint in types:
            wanted = constraint.type_name
            full = exception_type_name(wanted) or wanted
            if full.lower() in chain or ("system." + wanted).lower() in chain:
                return True
            if self.resolve_type(wanted, constraint) is None:
                continue
        return False

    def exec_throw(self, node: A.ThrowStatementAst, emit: Callable[[Any], None]) -> None:
        value = None if node.pipeline is None else self.eval_statement_value(node.pipeline)
        record = self.make_throw_record(value, node)
        raise PSError(record, script_terminating=True)

    def make_throw_record(self, value: Any, node: A.Ast) -> Any:
        from emshell.engine.errors import ErrorRecord

        info = InvocationInfo(None, node.extent)
        if isinstance(value, ErrorRecord):
            return value
        if isinstance(value, NetException):
            if value.error_record is not None and value.error_record.Exception is value:
                return value.error_record
            return ErrorRecord(value, value.Message, "OperationStopped", None, invocation_info=info,
                               target_name="", target_type="")  # fmt: skip
        if value is None:
            current = self.session.get_value("_")
            if isinstance(current, ErrorRecord) and self.try_depth >= 0 and node.extent is not None:
                return current
            return ErrorRecord(NetException("System.Management.Automation.RuntimeException", "ScriptHalted"),
                               "ScriptHalted", "OperationStopped", None, invocation_info=info)  # fmt: skip
        message = to_string(value, self.context)
        return ErrorRecord(
            NetException("System.Management.Automation.RuntimeException", message),
            message, "OperationStopped", value, invocation_info=info,
        )

    # --------------------------------------------------------------------- jumps

    def exec_break(self, node: A.BreakStatementAst, emit: Callable[[Any], None]) -> None:
        raise BreakSignal(None if node.label is None else to_string(self.eval(node.label)))

    def exec_continue(self, node: A.ContinueStatementAst, emit: Callable[[Any], None]) -> None:
        raise ContinueSignal(None if node.label is None else to_string(self.eval(node.label)))

    def exec_return(self, node: A.ReturnStatementAst, emit: Callable[[Any], None]) -> None:
        if node.pipeline is not None:
            self.exec_statement(node.pipeline, emit)
        raise ReturnSignal()

    def exec_exit(self, node: A.ExitStatementAst, emit: Callable[[Any], None]) -> None:
        code = 0
        if node.pipeline is not None:
            value = self.eval_statement_value(node.pipeline)
            try:
                code = int(conversion.convert_to(value, "int", self.context))
            except conversion.ConversionError:
                code = 0
        raise ExitSignal(code)

    # --------------------------------------------------------------------- functions

    def exec_function_definition(self, node: A.FunctionDefinitionAst, emit: Callable[[Any], None]) -> None:
        name = node.name
        qualifier = None
        prefix, sep, rest = name.partition(":")
        if sep and prefix.lower() in ("global", "script", "local", "private"):
            qualifier, name = prefix.lower(), rest
        block = ScriptBlock(node.body, is_filter=node.is_filter, name=name)
        info = FunctionInfo(name, block, node.parameters, node.is_filter)
        self.session.set_function(name, info, qualifier)

    # ===================================================================== expressions

    def eval(self, node: A.ExpressionAst) -> Any:
        return self.expression_handlers[type(node)](node)

    def _guard(self, thunk: Callable[[], Any], node: A.Ast) -> Any:
        """Run a value operation; give a positionless error the node's position."""
        try:
            return thunk()
        except PSError as error:
            self._attach_position(error, node)
            raise
        except conversion.ConversionError as error:
            record = error.make_record(None)
            if record.InvocationInfo is None:
                record.InvocationInfo = InvocationInfo(None, node.extent)
            raise PSError(record) from None

    def eval_constant(self, node: A.ConstantExpressionAst) -> Any:
        return node.value

    def eval_expandable_string(self, node: A.ExpandableStringExpressionAst) -> str:
        pieces = []
        context = self.context
        for part in node.parts:
            if type(part) is str:
                pieces.append(part)
            else:
                pieces.append(to_string(self.eval(part), context))
        return self._guard(lambda: checked_join("", pieces), node)

    def eval_variable(self, node: A.VariableExpressionAst) -> Any:
        if node.splatted:
            return self.eval_variable(A.VariableExpressionAst(node.variable_path, extent=node.extent))
        name = node.name
        scope = node.scope
        lower = name.lower()
        if scope is None:
            special = _SPECIAL_VARIABLES.get(lower)
            if special is not None:
                return special(self)
        elif scope == "env":
            return self.session.get_env(name)
        elif scope == "using":
            scope = None
        elif scope == "variable":
            scope = None
        elif scope == "function":
            function = self.session.get_function(name)
            return function.script_block if function is not None else None
        return self.session.get_value(name, scope)

    def eval_type(self, node: A.TypeExpressionAst) -> Any:
        ptype = self.resolve_type(node.type_name, node)
        if ptype is None:
            raise self._type_not_found(node.type_name, node)
        return ptype

    def resolve_type(self, name: str, node: A.Ast | None = None) -> Any:
        return conversion.resolve_type(name)

    def _type_not_found(self, name: str, node: A.Ast) -> PSError:
        return PSError(new_error(
            "RuntimeException", f"Unable to find type [{name}].", "TypeNotFound", "InvalidOperation",
            target_name=name, target_type="TypeName",
            invocation_info=InvocationInfo(None, node.extent),
        ))  # fmt: skip

    def eval_convert(self, node: A.ConvertExpressionAst) -> Any:
        type_name = node.type.type_name
        lower = type_name.lower()
        child = node.child
        if lower == "ordered" and type(child) is A.HashtableAst:
            return self.eval_hashtable(child, ordered=True)
        if lower in ("pscustomobject", "system.management.automation.pscustomobject") and type(child) is A.HashtableAst:
            table = self.eval_hashtable(child, ordered=True)
            return PSObject((to_string(k), v) for k, v in table.items())
        value = self.eval(child)
        if lower == "void":
            return _NO_OUTPUT
        ptype = self.resolve_type(type_name, node.type)
        if ptype is None:
            raise self._type_not_found(type_name, node.type)
        return self._guard(lambda: conversion.convert_to(value, ptype, self.context), node)

    def eval_attributed(self, node: A.AttributedExpressionAst) -> Any:
        return self.eval(node.child)

    def _member_name(self, member: A.CommandElementAst) -> str:
        if type(member) is A.StringConstantExpressionAst:
            return member.value
        return to_string(self.eval(member), self.context)

    def eval_member(self, node: A.MemberExpressionAst) -> Any:
        name = self._member_name(node.member)
        if node.static:
            ptype = self.eval(node.expression)
            return self._guard(lambda: members.get_static(ptype, name, self.context), node)
        obj = self.eval(node.expression)
        return self._guard(lambda: members.get_member(obj, name, self.context), node)

    def eval_invoke_member(self, node: A.InvokeMemberExpressionAst) -> Any:
        name = self._member_name(node.member)
        args = [self.eval(arg) for arg in node.arguments]
        if node.static:
            ptype = self.eval(node.expression)
            return self._guard(lambda: members.invoke_static(ptype, name, args, self.context), node)
        obj = self.eval(node.expression)
        if isinstance(obj, ScriptBlock) and name.lower() in ("invoke", "invokereturnasis"):
            return self._guard(lambda: _collect_result(self.invoke_script_block(obj, args)), node)
        return self._guard(lambda: members.invoke_method(obj, name, args, self.context), node)

    def eval_index(self, node: A.IndexExpressionAst) -> Any:
        obj = self.eval(node.target)
        index = self.eval(node.index)
        return self._guard(lambda: members.get_index(obj, index, self.context), node)

    def _binary(self, operator: str, left: Any, right: Any, node: A.Ast) -> Any:
        return self._guard(lambda: operators.binary(operator, left, right, self.context), node)

    def eval_binary(self, node: A.BinaryExpressionAst) -> Any:
        operator = node.operator
        if operator == "-and":
            return is_true(self.eval(node.left)) and is_true(self.eval(node.right))
        if operator == "-or":
            return is_true(self.eval(node.left)) or is_true(self.eval(node.right))
        left = self.eval(node.left)
        right = self.eval(node.right)
        return self._binary(operator, left, right, node)

    def eval_unary(self, node: A.UnaryExpressionAst) -> Any:
        operator = node.operator
        if operator in ("++", "--"):
            current = self.eval(node.child)
            updated = self._binary(operator[0], 0 if current is None else current, 1, node)
            self.assign(node.child, updated)
            return current if node.postfix else updated
        if operator == ",":
            return [self.eval(node.child)]
        value = self.eval(node.child)
        return self._guard(lambda: operators.unary(operator, value, self.context), node)

    def eval_array_literal(self, node: A.ArrayLiteralAst) -> list:
        return [self.eval(element) for element in node.elements]

    def eval_array_expression(self, node: A.ArrayExpressionAst) -> list:
        statements = node.sub_expression.statements
        if len(statements) == 1 and type(statements[0]) is A.PipelineAst:
            elements = statements[0].pipeline_elements
            if len(elements) == 1 and type(elements[0]) is A.CommandExpressionAst and not elements[0].redirections:
                value = self.eval(elements[0].expression)
                if value is _NO_OUTPUT:
                    return []
                items = enumerate_value(value)
                return list(items) if items is not None else [value]
        items: list = []
        self.exec_statement_block(node.sub_expression, bounded_append(items))
        return items

    def eval_sub_expression(self, node: A.SubExpressionAst) -> Any:
        items: list = []
        self.exec_statement_block(node.sub_expression, bounded_append(items))
        return _collect_result(items)

    def eval_paren(self, node: A.ParenExpressionAst) -> Any:
        pipeline = node.pipeline
        if type(pipeline) is A.AssignmentStatementAst:
            self.exec_assignment(pipeline, _discard)
            return self.eval(pipeline.left)
        return self.eval_statement_value(pipeline)

    def eval_hashtable(self, node: A.HashtableAst, ordered: bool = False) -> Hashtable:
        table = Hashtable(ordered=ordered)
        for key_ast, value_ast in node.key_value_pairs:
            key = self.eval(key_ast)
            if key in table:
                raise PSError(new_error(
                    "RuntimeException",
                    f"Duplicate keys '{to_string(key)}' are not allowed in hash literals.",
                    "DuplicateKeyInHashLiteral", "ParserError",
                    invocation_info=InvocationInfo(None, key_ast.extent),
                ))  # fmt: skip
            table[key] = self.eval_statement_value(value_ast)
        return table

    def eval_script_block_expression(self, node: A.ScriptBlockExpressionAst) -> ScriptBlock:
        return ScriptBlock(node.script_block)

    # ===================================================================== script blocks

    def invoke_script_block(self, block: ScriptBlock, args: list, *, dollar_under: Any = UNSET,
                            use_new_scope: bool = True, input_items: list | None = None,
                            this: Any = None) -> list:  # fmt: skip
        """Run a script block and return its output (used by ``&``-free callers: Where-Object,
        ForEach-Object, calculated properties, ``.Invoke()``, switch conditions, script
        methods and properties, which also get ``$this``)."""
        from emshell.engine.commands import run_script_block

        output: list = []
        run_script_block(self, block, args, bounded_append(output), dollar_under=dollar_under,
                         use_new_scope=use_new_scope, input_items=input_items, this=this)  # fmt: skip
        return output


class _NoOutput:
    """What ``[void]`` and statements that write nothing evaluate to."""

    def __repr__(self) -> str:
        return "<no output>"


_NO_OUTPUT = _NoOutput()


def _discard(_value: Any) -> None:
    pass


_CONSTANT_VARIABLES = {"true", "false", "null"}


def _last_status(interp: Interpreter) -> bool:
    return interp.last_status


_SPECIAL_VARIABLES: dict[str, Callable[[Interpreter], Any]] = {
    "true": lambda _i: True,
    "false": lambda _i: False,
    "null": lambda _i: None,
    "?": _last_status,
    "psitem": lambda i: i.session.get_value("_"),
}
