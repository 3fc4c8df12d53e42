"""Builds the syntax tree (``emshell.language.ast``) from grammar rule reductions.

``AstBuilder`` has one method per rule alias in ``grammar/powershell.lark``; each receives
the rule's children (tokens and already built nodes) as a list, exactly as a Lark
``Transformer`` passed to ``Lark(..., transformer=...)`` would.  The driver in ``driver.py``
calls the same methods.

Conventions where ``ast.py`` leaves room (the interpreter relies on these):

* Every node has an ``extent``; the root ``ScriptBlockAst`` has ``source`` set and spans the
  whole text.  A script without ``begin``/``process``/``end`` keeps its statements in an
  unnamed ``end_block``; ``{}`` still gets an (empty) unnamed end block.
* A lone expression statement is ``PipelineAst((CommandExpressionAst(expr),))``; ``$x = ...``,
  ``$a, $b = 1, 2`` and ``[int]$x = 5`` are ``AssignmentStatementAst`` (operator ``=`` or
  ``+=`` ...; ``right`` is a full statement, e.g. a pipeline or an ``if``).
* Commands: ``command_elements[0]`` is the command name as a ``StringConstantExpressionAst``
  (bare word; PowerShell never expands a command name), or the expression after ``&``/``.``
  (``invocation_operator`` is then ``"&"`` or ``"."``): ``& $sb 1`` is
  ``CommandAst((VariableExpressionAst('sb'), ConstantExpressionAst(1)), '&')``.
  ``-Name`` is ``CommandParameterAst('Name')``; ``-Name:value`` is
  ``CommandParameterAst('Name', value, colon=True)`` (its extent covers the value);
  ``-Name value`` stays two flat elements.  The first ``--`` is ``CommandParameterAst('-')``;
  after it ``-X`` and ``--`` are bare-word strings.  En/em dashes count as dashes.
* Bare words are ``StringConstantExpressionAst(..., 'BareWord')`` with backtick escapes
  applied and embedded quotes removed (``abc"d e"`` is ``abcd e``); with a variable or
  ``$( )`` inside (``abc$x``, ``report_$(Get-Date).csv``) they are
  ``ExpandableStringExpressionAst(..., 'BareWord')``.  A comma list in command mode
  (``Name, UMStartupMode``) is one ``ArrayLiteralAst`` element.  PowerShell's splitting is
  kept: ``"a"$b`` is two arguments, ``$a"b"`` and ``$env:TEMP\\x`` one (expandable),
  ``$x.Name`` and ``$x[0]`` are member/index expressions.
* Strings: ``StringConstantExpressionAst`` when nothing expands (types ``SingleQuoted``,
  ``DoubleQuoted``, ``SingleQuotedHereString``, ``DoubleQuotedHereString``), else
  ``ExpandableStringExpressionAst`` whose ``parts`` are, in order, literal text (escapes
  applied, no empty strings) and ``VariableExpressionAst``/``SubExpressionAst`` nodes;
  ``value`` is the raw text between the quotes.  ``"$x.Name"`` expands only ``$x``.
* Numbers are ``ConstantExpressionAst`` with an ``int`` (``1``, ``0x1F``, ``10MB``, ``5L``),
  ``float`` (``1.5``, ``1e3``, ``1.5GB``) or ``decimal.Decimal`` (``1d``, integers past Int64).
  Hex literals of up to 8 digits wrap like Int32 (``0xFFFFFFFF`` is -1).  ``-5`` where an
  operand is expected is the constant -5, ``- 5`` is a unary minus.
* ``$true``, ``$null``, ``$env:PATH``, ``$script:x``, ``${a b}`` are
  ``VariableExpressionAst`` (``variable_path`` without the ``$``); ``@p`` is one with
  ``splatted=True``; ``$using:x`` is ``UsingExpressionAst(VariableExpressionAst('x'))``.
* Operators: ``BinaryExpressionAst.operator`` is the lower-case operator as PowerShell names
  it (``-eq``, ``-ceq``, ``-ieq``, ``+``, ``..``, ``-f``, ``-and``); PowerShell's precedence is
  applied (``-and``/``-or``/``-xor`` < ``-band``... < comparisons < ``+ -`` < ``* / %`` < ``-f``
  < ``..``; the comma binds tighter than all of them: ``1,2 -eq 2`` is ``(1,2) -eq 2``).
  Unary: ``-not``, ``!``, ``-bnot``, ``-``, ``+``, ``-split``, ``-join``, ``,`` (unary comma),
  ``++``/``--`` (``postfix=True`` for ``$i++``).
* Types: ``TypeExpressionAst``/``TypeConstraintAst`` names are as written inside the brackets
  (``string[]``, ``System.Collections.Generic.List[string]``); ``[int]$x`` and
  ``[ordered]@{...}``/``[PSCustomObject]@{...}`` are ``ConvertExpressionAst``;
  ``[math]::PI`` is ``MemberExpressionAst(TypeExpressionAst('math'), ..., static=True)``.
* Members: ``.Name`` gives a ``StringConstantExpressionAst`` (BareWord) member, ``."a b"`` a
  string node, ``.$name`` a ``VariableExpressionAst``; ``.Split(',')`` is
  ``InvokeMemberExpressionAst`` (arguments are separate expressions, not an array).
* Hash tables: ``key_value_pairs`` are ``(key, statement)`` tuples; a bare key is a
  ``StringConstantExpressionAst`` (BareWord), other keys are expressions; values are full
  statements (usually ``PipelineAst``).
* ``switch``: ``flags`` are lower-case names (``regex``, ``wildcard``, ``exact``,
  ``casesensitive``, ``file``); with ``-File path`` the ``condition`` is a pipeline around
  the path expression.  Clause conditions are parsed as command arguments: bare words are
  ``StringConstantExpressionAst`` (BareWord), ``{ ... }`` is a ``ScriptBlockExpressionAst``;
  the bare word ``default`` becomes ``default``, not a clause.
* Loops and ``switch`` carry ``label`` (``:outer`` -> ``'outer'``); ``break outer`` has a
  BareWord label, ``break $x`` an expression.
* Functions: ``function f($a, $b) {}`` sets ``parameters``; the body is a ``ScriptBlockAst``
  whose ``param_block`` holds a ``param()`` block.  ``[CmdletBinding()]`` is in
  ``ParamBlockAst.attributes``; ``[Parameter(Mandatory)]`` has a
  ``NamedAttributeArgumentAst`` with ``expression_omitted=True`` and a constant ``True``.
* ``trap`` statements are collected into the ``traps`` of their block, not ``statements``.
"""

from __future__ import annotations

from emshell.language import nodes as N
from emshell.language.lexer import LexError, Token

Extent = N.Extent


def _start(item) -> int:
    return item.start if type(item) is Token else item.extent.start_offset


def _end(item) -> int:
    return item.end if type(item) is Token else item.extent.end_offset


class _Body:
    """What a script block body holds before its braces are known (``start``/``end``: the
    offsets of its first and last item, -1 when empty)."""

    __slots__ = ("param_block", "named", "statements", "traps", "start", "end")

    def __init__(self, param_block, named, statements, traps, start, end):
        self.param_block = param_block
        self.named = named
        self.statements = statements
        self.traps = traps
        self.start = start
        self.end = end


class _Marker:
    """A tagged child (``else``/``finally`` blocks, ``switch -File`` values, named blocks)."""

    __slots__ = ("tag", "value", "start", "end")

    def __init__(self, tag, value, start, end):
        self.tag = tag
        self.value = value
        self.start = start
        self.end = end


_ASSIGNABLE = ("VariableExpressionAst", "MemberExpressionAst", "IndexExpressionAst")
_TRAP = N.A.TrapStatementAst
_VARIABLE = N.A.VariableExpressionAst
_FILE_REDIRECTION = N.A.FileRedirectionAst
_MERGING_REDIRECTION = N.A.MergingRedirectionAst
_SWITCH_FLAGS = ("regex", "wildcard", "exact", "casesensitive", "file")


class AstBuilder:
    """The rule callbacks.  ``source`` is the ScriptSource extents point into."""

    def __init__(self, source):
        self.source = source

    def _extent(self, first, last):
        start = first.start if type(first) is Token else first.extent.start_offset
        end = last.end if type(last) is Token else last.extent.end_offset
        return Extent(self.source, start, end)

    # ---------------------------------------------------------------- script blocks

    def start(self, c):
        body = c[0]
        length = len(self.source.text)
        return self._script_block(body, Extent(self.source, 0, length), self.source)

    def script_block(self, c):
        param_block = None
        named: dict = {}
        statements: list = []
        traps: list = []
        for item in c:
            kind = type(item)
            if kind is _Marker:
                if statements or traps:
                    raise LexError("UnexpectedToken", item.start, item.end, self.source.text[item.start : item.end])
                if item.tag in named:
                    raise LexError("DuplicateScriptCommandClause", item.start, item.end, item.tag)
                named[item.tag] = item
            elif kind is N.A.ParamBlockAst:
                if param_block is not None or named or statements or traps:
                    start = item.extent.start_offset
                    raise LexError("UnexpectedToken", start, start + 5, "param")
                param_block = item
            elif kind is N.A.TrapStatementAst:
                traps.append(item)
            else:
                if named:
                    start = item.extent.start_offset
                    end = item.extent.end_offset
                    raise LexError("UnexpectedToken", start, end, self.source.text[start:end])
                statements.append(item)
        start = end = -1
        if c:
            first, last = c[0], c[-1]
            start = first.start if type(first) in (Token, _Marker) else first.extent.start_offset
            end = last.end if type(last) in (Token, _Marker) else last.extent.end_offset
        return _Body(param_block, named, statements, traps, start, end)

    def _script_block(self, body, extent, source=None):
        named = body.named
        if named:
            blocks = {}
            for tag, marker in named.items():
                block = marker.value
                blocks[tag] = N.NamedBlock(
                    Extent(self.source, marker.start, marker.end), tag, block.statements, block.traps, False
                )
            end_block = blocks.get("end")
            return N.ScriptBlock(
                extent,
                body.param_block,
                blocks.get("begin"),
                blocks.get("process"),
                end_block,
                blocks.get("dynamicparam"),
                source,
            )
        statements = tuple(body.statements)
        if statements:
            block_extent = Extent(self.source, _start(statements[0]), _end(statements[-1]))
        else:
            block_extent = Extent(self.source, extent.start_offset, extent.start_offset)
        end_block = N.NamedBlock(block_extent, "end", statements, tuple(body.traps), True)
        return N.ScriptBlock(extent, body.param_block, None, None, end_block, None, source)

    def named_block(self, c):
        keyword, block = c
        return _Marker(keyword.type.lower(), block, keyword.start, _end(block))

    def param_block(self, c):
        return N.ParamBlock(self._extent(c[0], c[-1]), (), c[2])

    def attributed_param_block(self, c):
        attribute, block = c
        return N.ParamBlock(self._extent(attribute, block), (attribute,) + block.attributes, block.parameters)

    def parameter_list(self, c):
        return tuple(item for item in c if type(item) is not Token)

    def parameter(self, c):
        attributes = []
        name = None
        default = None
        for i, item in enumerate(c):
            if type(item) is Token:
                if item.type == "TYPE":
                    attributes.append(N.TypeConstraint(self._extent(item, item), item.value))
                elif item.type == "VARIABLE":
                    name = item.value
                elif item.type == "EQUALS":
                    default = c[i + 1]
                    break
            else:
                attributes.append(item)
        return N.Parameter(self._extent(c[0], c[-1]), name, tuple(attributes), default)

    def statement_block(self, c):
        statements, traps = c[1]
        return N.StatementBlock(Extent(self.source, c[0].start, c[2].end), statements, traps)

    def statement_list(self, c):
        traps = ()
        for item in c:
            if type(item) is _TRAP:
                traps = tuple(item for item in c if type(item) is _TRAP)
                return tuple(item for item in c if type(item) is not _TRAP), traps
        return tuple(c), traps

    # ---------------------------------------------------------------- statements

    def return_statement(self, c):
        return N.Return(self._extent(c[0], c[-1]), c[1] if len(c) > 1 else None)

    def throw_statement(self, c):
        return N.Throw(self._extent(c[0], c[-1]), c[1] if len(c) > 1 else None)

    def exit_statement(self, c):
        return N.Exit(self._extent(c[0], c[-1]), c[1] if len(c) > 1 else None)

    def break_statement(self, c):
        return N.Break(self._extent(c[0], c[-1]), c[1] if len(c) > 1 else None)

    def continue_statement(self, c):
        return N.Continue(self._extent(c[0], c[-1]), c[1] if len(c) > 1 else None)

    def assignment(self, c):
        left, operator, right = c
        if type(left) is not _VARIABLE and not _assignable(left):
            start = left.extent.start_offset
            raise LexError("InvalidLeftHandSide", start, left.extent.end_offset)
        extent = Extent(self.source, left.extent.start_offset, right.extent.end_offset)
        return N.Assignment(extent, left, operator.value, right)

    def if_statement(self, c):
        clauses = [(c[2], c[4])]
        else_block = None
        for item in c[5:]:
            if type(item) is tuple:
                clauses.append(item)
            else:
                else_block = item.value
        last = else_block if else_block is not None else clauses[-1][1]
        return N.If(self._extent(c[0], last), tuple(clauses), else_block)

    def elseif_clause(self, c):
        return (c[2], c[4])

    def else_clause(self, c):
        return _Marker("else", c[1], c[0].start, _end(c[1]))

    def switch_statement(self, c):
        flags = []
        index = 1
        while type(c[index]) is Token and c[index].type == "PARAMETER":
            token = c[index]
            flags.append(self._switch_flag(token))
            index += 1
        condition = c[index]
        if type(condition) is _Marker:
            if "file" not in flags:
                raise LexError("PipelineValueRequired", condition.start, condition.end)
            value = condition.value
            extent = value.extent
            condition = N.Pipeline(extent, (N.CommandExpression(extent, value, ()),))
        clauses = []
        default = None
        for item in c[index + 2 : -1]:
            test, block = item
            if (
                type(test) is N.A.StringConstantExpressionAst
                and test.string_constant_type == "BareWord"
                and test.value.lower() == "default"
            ):
                if default is not None:
                    raise LexError("MultipleSwitchDefaultClauses", test.extent.start_offset, test.extent.end_offset)
                default = block
            else:
                clauses.append(item)
        return N.Switch(self._extent(c[0], c[-1]), condition, tuple(clauses), default, tuple(flags), None)

    def _switch_flag(self, token):
        name = token.value.lower()
        if name in _SWITCH_FLAGS:
            return name
        matches = [flag for flag in _SWITCH_FLAGS if flag.startswith(name)] if name else []
        if len(matches) == 1:
            return matches[0]
        raise LexError("InvalidSwitchFlag", token.start, token.end, token.value)

    def switch_value(self, c):
        return c[1]

    def switch_file(self, c):
        token = c[0]
        return _Marker("file", token.value, token.start, token.end)

    def switch_clause(self, c):
        return (c[0], c[1])

    def foreach_statement(self, c):
        return N.ForEach(self._extent(c[0], c[-1]), c[2].value, c[4], c[6], None)

    def for_statement(self, c):
        parts = [item for item in c[2:-2]]
        while len(parts) < 3:
            parts.append(None)
        return N.For(self._extent(c[0], c[-1]), parts[0], parts[1], parts[2], c[-1], None)

    def for_part(self, c):
        return c[0] if c else None

    def while_statement(self, c):
        return N.While(self._extent(c[0], c[-1]), c[2], c[4], None)

    def do_statement(self, c):
        make = N.DoWhile if c[2].type == "WHILE" else N.DoUntil
        return make(self._extent(c[0], c[-1]), c[4], c[1], None)

    def try_statement(self, c):
        catches = []
        finally_block = None
        for item in c[2:]:
            if type(item) is _Marker:
                finally_block = item.value
            else:
                catches.append(item)
        last = c[-1].value if type(c[-1]) is _Marker else c[-1]
        return N.Try(self._extent(c[0], last), c[1], tuple(catches), finally_block)

    def catch_clause(self, c):
        types = tuple(
            N.TypeConstraint(self._extent(item, item), item.value)
            for item in c[1:-1]
            if type(item) is Token and item.type == "TYPE"
        )
        return N.CatchClause(self._extent(c[0], c[-1]), types, c[-1])

    def finally_clause(self, c):
        return _Marker("finally", c[1], c[0].start, _end(c[1]))

    def trap_statement(self, c):
        trap_type = None
        if len(c) == 3:
            trap_type = N.TypeConstraint(self._extent(c[1], c[1]), c[1].value)
        return N.Trap(self._extent(c[0], c[-1]), trap_type, c[-1])

    def function_definition(self, c):
        keyword = c[0]
        name = c[1].value.value
        parameters = None
        if len(c) == 8:
            parameters = c[3]
        body = self._script_block(c[-2], self._extent(c[-3], c[-1]))
        return N.FunctionDefinition(self._extent(keyword, c[-1]), name, body, parameters, keyword.type == "FILTER")

    def labeled_statement(self, c):
        label, statement = c
        node_type = type(statement)
        values = [getattr(statement, field) for field in node_type._fields]
        values[node_type._fields.index("label")] = label.value
        return N._constructor(node_type)(self._extent(label, statement), *values)

    # ---------------------------------------------------------------- pipelines and commands

    def pipeline(self, c):
        first = c[0]
        if len(c) == 1:
            return N.Pipeline(first.extent, (first,))
        elements = tuple(item for item in c if type(item) is not Token)
        return N.Pipeline(Extent(self.source, first.extent.start_offset, c[-1].extent.end_offset), elements)

    def expression_statement(self, c):
        command = self.expression_command(c)
        return N.Pipeline(command.extent, (command,))

    def expression_command(self, c):
        expression = c[0]
        if len(c) == 1:
            return N.CommandExpression(expression.extent, expression, ())
        extent = Extent(self.source, expression.extent.start_offset, c[-1].extent.end_offset)
        return N.CommandExpression(extent, expression, tuple(c[1:]))

    def command(self, c):
        return self._command(c, c[0].value, 1, None)

    def invoked_command(self, c):
        return self._command(c, c[1], 2, c[0].value)

    def _command(self, c, name, index, invocation):
        elements = [name]
        redirections = []
        for item in c[index:]:
            kind = type(item)
            if kind is _FILE_REDIRECTION or kind is _MERGING_REDIRECTION:
                redirections.append(item)
            elif kind is list:  # the `--` part
                for inner in item:
                    if type(inner) is _FILE_REDIRECTION or type(inner) is _MERGING_REDIRECTION:
                        redirections.append(inner)
                    else:
                        elements.append(inner)
            else:
                elements.append(item)
        last = c[-1]
        if type(last) is list:
            last = last[-1]
        end = last.end if type(last) is Token else last.extent.end_offset
        extent = Extent(self.source, c[0].start, end)
        return N.Command(extent, tuple(elements), invocation, tuple(redirections))

    def dashdash(self, c):
        marker = c[0]
        parameter = N.CommandParameter(self._extent(marker, marker), "-", None, False)
        return [parameter] + c[1:]

    def parameter_switch(self, c):
        token = c[0]
        return N.CommandParameter(Extent(self.source, token.start, token.end), token.value, None, False)

    def parameter_colon(self, c):
        token, argument = c
        extent = Extent(self.source, token.start, argument.extent.end_offset)
        return N.CommandParameter(extent, token.value, argument, True)

    def redirection(self, c):
        token = c[0]
        if token.type == "MERGE":
            source, target = token.value
            return N.MergingRedirection(self._extent(token, token), source, target)
        stream, append = token.value
        return N.FileRedirection(self._extent(token, c[1]), stream, c[1], append)

    # ---------------------------------------------------------------- expressions

    def atom(self, c):
        return c[0].value

    def array_literal(self, c):
        elements = tuple(item for item in c if type(item) is not Token)
        return N.ArrayLiteral(self._extent(c[0], c[-1]), elements)

    def binary_expression(self, c):
        operands = [c[0]]
        operators = []
        for i in range(1, len(c), 2):
            token = c[i]
            precedence = token.value[1]
            while operators and operators[-1].value[1] >= precedence:
                self._fold(operands, operators)
            operators.append(token)
            operands.append(c[i + 1])
        while operators:
            self._fold(operands, operators)
        return operands[0]

    def _fold(self, operands, operators):
        right = operands.pop()
        left = operands.pop()
        operator = operators.pop()
        operands.append(N.Binary(self._extent(left, right), left, operator.value[0], right))

    def unary_operation(self, c):
        token, child = c
        return N.Unary(self._extent(token, child), token.value, child, False)

    def postfix_operation(self, c):
        child, token = c
        return N.Unary(self._extent(child, token), token.value, child, True)

    def convert_expression(self, c):
        token, child = c
        constraint = N.TypeConstraint(self._extent(token, token), token.value)
        return N.Convert(self._extent(token, child), constraint, child)

    def attributed_expression(self, c):
        attribute, child = c
        return N.Attributed(self._extent(attribute, child), attribute, child)

    def type_literal(self, c):
        token = c[0]
        return N.TypeExpression(self._extent(token, token), token.value)

    def member_access(self, c):
        target, token = c
        member, static = token.value
        return N.Member(Extent(self.source, target.extent.start_offset, token.end), target, member, static)

    def invoke_member(self, c):
        target, token, arguments, close = c
        member, static = token.value
        extent = Extent(self.source, target.extent.start_offset, close.end)
        return N.InvokeMember(extent, target, member, static, arguments)

    def invoke_arguments(self, c):
        return tuple(item for item in c if type(item) is not Token)

    def index_expression(self, c):
        return N.Index(self._extent(c[0], c[3]), c[0], c[2])

    def paren_expression(self, c):
        return N.ParenExpression(self._extent(c[0], c[2]), c[1])

    def sub_expression(self, c):
        return N.SubExpression(self._extent(c[0], c[2]), self._inner_block(c[1], c[0]))

    def array_expression(self, c):
        return N.ArrayExpression(self._extent(c[0], c[2]), self._inner_block(c[1], c[0]))

    def _inner_block(self, statement_list, opener):
        statements, traps = statement_list
        if statements:
            extent = self._extent(statements[0], statements[-1])
        else:
            extent = Extent(self.source, opener.end, opener.end)
        return N.StatementBlock(extent, statements, traps)

    def hashtable(self, c):
        pairs = tuple(item for item in c[1:-1] if type(item) is tuple)
        return N.Hashtable(self._extent(c[0], c[-1]), pairs)

    def hash_entry(self, c):
        key = c[0]
        if type(key) is Token:
            key = key.value
        return (key, c[2])

    def script_block_expression(self, c):
        extent = self._extent(c[0], c[2])
        return N.ScriptBlockExpression(extent, self._script_block(c[1], extent))

    def expandable_string(self, c):
        begin = c[0]
        start, parts, _ = begin.value
        parts = list(parts)
        kind = begin.type[:2]
        i = 1
        while True:
            statements, traps = c[i]
            close = c[i + 1]
            opener = c[i - 1].value[2]
            inner = N.StatementBlock(
                self._extent(statements[0], statements[-1]) if statements else Extent(self.source, opener + 2, opener + 2),
                statements,
                traps,
            )
            parts.append(N.SubExpression(Extent(self.source, opener, close.end), inner))
            following = c[i + 2]
            parts.extend(following.value[1])
            if following.type.endswith("_END"):
                break
            i += 3
        end = c[-1].end
        text = self.source.text
        if kind == "DQ":
            raw, string_type = text[start + 1 : end - 1], "DoubleQuoted"
        elif kind == "HS":
            body = start + 2
            while text[body] not in "\r\n":
                body += 1
            body += 2 if text.startswith("\r\n", body) else 1
            stop = end - 3
            if stop > body and text[stop - 1] == "\r":
                stop -= 1
            raw, string_type = text[body:stop], "DoubleQuotedHereString"
        else:
            raw, string_type = text[start:end], "BareWord"
        merged = []
        for part in parts:
            if type(part) is str:
                if not part:
                    continue
                if merged and type(merged[-1]) is str:
                    merged[-1] += part
                    continue
            merged.append(part)
        return N.ExpandableString(Extent(self.source, start, end), raw, tuple(merged), string_type)

    def attribute(self, c):
        name = c[0].value
        positional = []
        named = []
        for item in c[1:-2]:
            if type(item) is Token:
                continue
            if type(item) is N.A.NamedAttributeArgumentAst:
                named.append(item)
            else:
                positional.append(item)
        return N.Attribute(self._extent(c[0], c[-1]), name, tuple(positional), tuple(named))

    def named_attribute_argument(self, c):
        name = c[0]
        if len(c) == 1:
            extent = self._extent(name, name)
            return N.NamedAttributeArgument(extent, name.value.value, N.Constant(extent, True), True)
        return N.NamedAttributeArgument(self._extent(name, c[2]), name.value.value, c[2], False)


def _assignable(node) -> bool:
    name = type(node).__name__
    if name in _ASSIGNABLE:
        return not (name == "VariableExpressionAst" and node.splatted)
    if name == "ConvertExpressionAst" or name == "AttributedExpressionAst":
        return _assignable(node.child)
    if name == "ArrayLiteralAst":
        return all(_assignable(element) for element in node.elements)
    if name == "ParenExpressionAst":
        return True
    return False
