"""A compact, readable text form of syntax trees, for table-driven parser tests.

Expressions read almost like PowerShell with everything made explicit:

=========================  ==============================================================
``cmd(Get-X, -Name, b'v')``  a command: name, elements; ``-N:v`` a colon parameter,
                           ``cmd&(...)``/``cmd.(...)`` an invocation, ``>file``/``2>&1``
                           redirections at the end
``b'word'`` ``'s'`` ``"s"``    bare word, single- and double-quoted strings (``@'s'@``,
                           ``@"s"@`` here-strings); ``x"a{$v}b"`` an expandable string,
                           ``xb'..'`` an expandable bare word, ``$(...)`` inside
``5`` ``1.5`` ``2d``          numbers (``d``: decimal)
``$x`` ``@x``                variables, splatting; ``using($x)``
``(a -eq b)`` ``(-not a)``    binary and unary expressions; ``(a++)`` postfix
``@[a, b]``                  array literal; ``@(...)``, ``$(...)``, ``paren(...)``
``a.M`` ``a::M`` ``a.M(x)``     member access and method calls; ``a[i]`` indexing
``[int]`` ``[int]$x``          type literal, conversion; ``attr[A(1; N=2)]$x``
``@{k=v; ...}``              hash table; ``{...}`` script block
=========================  ==============================================================

Statements are separated by ``; `` and spelled as keywords (``if(c){...} else{...}``).
"""

from __future__ import annotations

from decimal import Decimal

from emshell.language import ast as A


def shape(node) -> str:
    return _shape(node)


def _block(block) -> str:
    if block is None:
        return "-"
    statements = [_shape(s) for s in block.statements]
    traps = [_shape(t) for t in block.traps]
    return "{" + "; ".join(traps + statements) + "}"


def _script_block(sb: A.ScriptBlockAst) -> str:
    parts = []
    if sb.param_block is not None:
        parts.append(_shape(sb.param_block))
    named = [("begin", sb.begin_block), ("process", sb.process_block), ("end", sb.end_block),
             ("dynamicparam", sb.dynamic_param_block)]  # fmt: skip
    if sb.end_block is not None and sb.end_block.unnamed:
        parts.extend(_shape(s) for s in sb.end_block.traps)
        parts.extend(_shape(s) for s in sb.end_block.statements)
    else:
        for name, block in named:
            if block is not None:
                inner = [_shape(s) for s in block.traps] + [_shape(s) for s in block.statements]
                parts.append(name + "{" + "; ".join(inner) + "}")
    return "; ".join(parts)


def _string(value: str, kind: str) -> str:
    if kind == "BareWord":
        return "b'" + value + "'"
    if kind == "SingleQuoted":
        return "'" + value + "'"
    if kind == "DoubleQuoted":
        return '"' + value + '"'
    if kind == "SingleQuotedHereString":
        return "@'" + value + "'@"
    return '@"' + value + '"@'


def _label(node) -> str:
    return f":{node.label} " if getattr(node, "label", None) else ""


def _shape(node) -> str:  # noqa: C901 - one branch per node type reads best here
    if node is None:
        return "-"
    t = type(node)
    if t is A.ScriptBlockAst:
        return _script_block(node)
    if t is A.StatementBlockAst:
        return _block(node)
    if t is A.PipelineAst:
        elements = node.pipeline_elements
        return " | ".join(_shape(e) for e in elements)
    if t is A.CommandExpressionAst:
        text = _shape(node.expression)
        if node.redirections:
            text += " " + " ".join(_shape(r) for r in node.redirections)
        return text
    if t is A.CommandAst:
        op = node.invocation_operator or ""
        inner = ", ".join(_shape(e) for e in node.command_elements)
        redirs = "".join(" " + _shape(r) for r in node.redirections)
        return f"cmd{op}({inner}{redirs})"
    if t is A.CommandParameterAst:
        if node.colon:
            return f"-{node.parameter_name}:{_shape(node.argument)}"
        return f"-{node.parameter_name}"
    if t is A.FileRedirectionAst:
        arrow = ">>" if node.append else ">"
        return f"{node.from_stream}{arrow}{_shape(node.location)}"
    if t is A.MergingRedirectionAst:
        return f"{node.from_stream}>&{node.to_stream}"
    if t is A.AssignmentStatementAst:
        return f"{_shape(node.left)} {node.operator} {_shape(node.right)}"
    if t is A.StringConstantExpressionAst:
        return _string(node.value, node.string_constant_type)
    if t is A.ExpandableStringExpressionAst:
        parts = "".join(p if type(p) is str else "{" + _shape(p) + "}" for p in node.parts)
        prefix = {"DoubleQuoted": 'x"', "DoubleQuotedHereString": 'x@"', "BareWord": "xb'"}[node.string_constant_type]
        suffix = {"DoubleQuoted": '"', "DoubleQuotedHereString": '"@', "BareWord": "'"}[node.string_constant_type]
        return prefix + parts + suffix
    if t is A.ConstantExpressionAst:
        value = node.value
        if isinstance(value, Decimal):
            return f"{value}d"
        return repr(value)
    if t is A.VariableExpressionAst:
        return ("@" if node.splatted else "$") + node.variable_path
    if t is A.UsingExpressionAst:
        return f"using({_shape(node.sub_expression)})"
    if t is A.TypeExpressionAst:
        return f"[{node.type_name}]"
    if t is A.TypeConstraintAst:
        return f"[{node.type_name}]"
    if t is A.ConvertExpressionAst:
        return f"[{node.type.type_name}]{_shape(node.child)}"
    if t is A.AttributeAst:
        args = [_shape(a) for a in node.positional_arguments] + [_shape(a) for a in node.named_arguments]
        return f"[{node.type_name}({'; '.join(args)})]"
    if t is A.NamedAttributeArgumentAst:
        if node.expression_omitted:
            return node.argument_name
        return f"{node.argument_name}={_shape(node.argument)}"
    if t is A.AttributedExpressionAst:
        return f"attr{_shape(node.attribute)}{_shape(node.child)}"
    if t is A.InvokeMemberExpressionAst:
        sep = "::" if node.static else "."
        args = ", ".join(_shape(a) for a in node.arguments)
        return f"{_shape(node.expression)}{sep}{_member(node.member)}({args})"
    if t is A.MemberExpressionAst:
        sep = "::" if node.static else "."
        return f"{_shape(node.expression)}{sep}{_member(node.member)}"
    if t is A.IndexExpressionAst:
        return f"{_shape(node.target)}[{_shape(node.index)}]"
    if t is A.BinaryExpressionAst:
        return f"({_shape(node.left)} {node.operator} {_shape(node.right)})"
    if t is A.UnaryExpressionAst:
        if node.postfix:
            return f"({_shape(node.child)}{node.operator})"
        space = " " if node.operator[1:].isalpha() else ""
        return f"({node.operator}{space}{_shape(node.child)})"
    if t is A.ArrayLiteralAst:
        return "@[" + ", ".join(_shape(e) for e in node.elements) + "]"
    if t is A.ArrayExpressionAst:
        return "@(" + "; ".join(_shape(s) for s in node.sub_expression.statements) + ")"
    if t is A.SubExpressionAst:
        return "$(" + "; ".join(_shape(s) for s in node.sub_expression.statements) + ")"
    if t is A.ParenExpressionAst:
        return f"paren({_shape(node.pipeline)})"
    if t is A.HashtableAst:
        return "@{" + "; ".join(f"{_shape(k)}={_shape(v)}" for k, v in node.key_value_pairs) + "}"
    if t is A.ScriptBlockExpressionAst:
        return "{" + _script_block(node.script_block) + "}"
    if t is A.IfStatementAst:
        text = " elseif".join(f"({_shape(c)}){_block(b)}" for c, b in node.clauses)
        text = "if" + text
        if node.else_clause is not None:
            text += " else" + _block(node.else_clause)
        return text
    if t is A.ForEachStatementAst:
        return f"{_label(node)}foreach({_shape(node.variable)} in {_shape(node.condition)}){_block(node.body)}"
    if t is A.ForStatementAst:
        parts = "; ".join(_shape(p) for p in (node.initializer, node.condition, node.iterator))
        return f"{_label(node)}for({parts}){_block(node.body)}"
    if t is A.WhileStatementAst:
        return f"{_label(node)}while({_shape(node.condition)}){_block(node.body)}"
    if t is A.DoWhileStatementAst:
        return f"{_label(node)}do{_block(node.body)}while({_shape(node.condition)})"
    if t is A.DoUntilStatementAst:
        return f"{_label(node)}do{_block(node.body)}until({_shape(node.condition)})"
    if t is A.SwitchStatementAst:
        flags = "".join(f" -{f}" for f in node.flags)
        clauses = "; ".join(f"{_shape(c)}{_block(b)}" for c, b in node.clauses)
        if node.default is not None:
            clauses += ("; " if clauses else "") + "default" + _block(node.default)
        return f"{_label(node)}switch{flags}({_shape(node.condition)}){{{clauses}}}"
    if t is A.TryStatementAst:
        text = "try" + _block(node.body)
        for clause in node.catch_clauses:
            types = ",".join(f"[{c.type_name}]" for c in clause.catch_types)
            text += f" catch{types}{_block(clause.body)}"
        if node.finally_block is not None:
            text += " finally" + _block(node.finally_block)
        return text
    if t is A.TrapStatementAst:
        kind = f"[{node.trap_type.type_name}]" if node.trap_type else ""
        return f"trap{kind}{_block(node.body)}"
    if t is A.BreakStatementAst:
        return "break" + (" " + _shape(node.label) if node.label else "")
    if t is A.ContinueStatementAst:
        return "continue" + (" " + _shape(node.label) if node.label else "")
    if t is A.ReturnStatementAst:
        return "return" + (" " + _shape(node.pipeline) if node.pipeline else "")
    if t is A.ExitStatementAst:
        return "exit" + (" " + _shape(node.pipeline) if node.pipeline else "")
    if t is A.ThrowStatementAst:
        return "throw" + (" " + _shape(node.pipeline) if node.pipeline else "")
    if t is A.FunctionDefinitionAst:
        keyword = "filter" if node.is_filter else "function"
        params = ""
        if node.parameters is not None:
            params = "(" + ", ".join(_shape(p) for p in node.parameters) + ")"
        return f"{keyword} {node.name}{params}{{{_script_block(node.body)}}}"
    if t is A.ParamBlockAst:
        attrs = "".join(_shape(a) for a in node.attributes)
        return f"{attrs}param({', '.join(_shape(p) for p in node.parameters)})"
    if t is A.ParameterAst:
        attrs = "".join(_shape(a) for a in node.attributes)
        default = f"={_shape(node.default_value)}" if node.default_value is not None else ""
        return f"{attrs}{_shape(node.name)}{default}"
    raise TypeError(f"no shape for {t.__name__}")


def _member(member) -> str:
    if type(member) is A.StringConstantExpressionAst and member.string_constant_type == "BareWord":
        return member.value
    return _shape(member)
