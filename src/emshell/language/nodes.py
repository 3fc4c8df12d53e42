"""Fast constructors for syntax-tree nodes, used by the lexer and the tree builder.

``Ast.__init__`` is generic (it matches positional and keyword arguments against the field
list and fills defaults), which costs more than the rest of the parser per node.  The
constructors here take every field positionally, in declaration order, plus the extent
first, and store them straight into the slots.  The nodes they make are the same objects
``Ast.__init__`` would make.
"""

from __future__ import annotations

from emshell.language import ast as A

_new = object.__new__
_set_extent = A.Ast.extent.__set__
Extent = A.Extent


def _constructor(cls: type):
    """``make(extent, field1, field2, ...)`` for ``cls``, every field given."""
    setters = tuple(getattr(cls, name).__set__ for name in cls._fields)
    count = len(setters)
    if count == 1:
        (s0,) = setters

        def make1(extent, v0):
            node = _new(cls)
            s0(node, v0)
            _set_extent(node, extent)
            return node

        return make1
    if count == 2:
        s0, s1 = setters

        def make2(extent, v0, v1):
            node = _new(cls)
            s0(node, v0)
            s1(node, v1)
            _set_extent(node, extent)
            return node

        return make2
    if count == 3:
        s0, s1, s2 = setters

        def make3(extent, v0, v1, v2):
            node = _new(cls)
            s0(node, v0)
            s1(node, v1)
            s2(node, v2)
            _set_extent(node, extent)
            return node

        return make3

    def make(extent, *values):
        node = _new(cls)
        for setter, value in zip(setters, values):
            setter(node, value)
        _set_extent(node, extent)
        return node

    return make


ScriptBlock = _constructor(A.ScriptBlockAst)
NamedBlock = _constructor(A.NamedBlockAst)
StatementBlock = _constructor(A.StatementBlockAst)
ParamBlock = _constructor(A.ParamBlockAst)
Parameter = _constructor(A.ParameterAst)
TypeConstraint = _constructor(A.TypeConstraintAst)
Attribute = _constructor(A.AttributeAst)
NamedAttributeArgument = _constructor(A.NamedAttributeArgumentAst)
Pipeline = _constructor(A.PipelineAst)
Assignment = _constructor(A.AssignmentStatementAst)
Command = _constructor(A.CommandAst)
CommandExpression = _constructor(A.CommandExpressionAst)
CommandParameter = _constructor(A.CommandParameterAst)
FileRedirection = _constructor(A.FileRedirectionAst)
MergingRedirection = _constructor(A.MergingRedirectionAst)
If = _constructor(A.IfStatementAst)
ForEach = _constructor(A.ForEachStatementAst)
For = _constructor(A.ForStatementAst)
While = _constructor(A.WhileStatementAst)
DoWhile = _constructor(A.DoWhileStatementAst)
DoUntil = _constructor(A.DoUntilStatementAst)
Switch = _constructor(A.SwitchStatementAst)
Try = _constructor(A.TryStatementAst)
CatchClause = _constructor(A.CatchClauseAst)
Trap = _constructor(A.TrapStatementAst)
Break = _constructor(A.BreakStatementAst)
Continue = _constructor(A.ContinueStatementAst)
Return = _constructor(A.ReturnStatementAst)
Exit = _constructor(A.ExitStatementAst)
Throw = _constructor(A.ThrowStatementAst)
FunctionDefinition = _constructor(A.FunctionDefinitionAst)
Constant = _constructor(A.ConstantExpressionAst)
StringConstant = _constructor(A.StringConstantExpressionAst)
ExpandableString = _constructor(A.ExpandableStringExpressionAst)
Variable = _constructor(A.VariableExpressionAst)
TypeExpression = _constructor(A.TypeExpressionAst)
Convert = _constructor(A.ConvertExpressionAst)
Attributed = _constructor(A.AttributedExpressionAst)
Member = _constructor(A.MemberExpressionAst)
InvokeMember = _constructor(A.InvokeMemberExpressionAst)
Index = _constructor(A.IndexExpressionAst)
Binary = _constructor(A.BinaryExpressionAst)
Unary = _constructor(A.UnaryExpressionAst)
ArrayLiteral = _constructor(A.ArrayLiteralAst)
ArrayExpression = _constructor(A.ArrayExpressionAst)
SubExpression = _constructor(A.SubExpressionAst)
ParenExpression = _constructor(A.ParenExpressionAst)
Hashtable = _constructor(A.HashtableAst)
ScriptBlockExpression = _constructor(A.ScriptBlockExpressionAst)
Using = _constructor(A.UsingExpressionAst)


def variable(extent, path: str, splatted: bool = False):
    """``$path`` (or ``@path``); ``$using:x`` becomes a UsingExpressionAst around ``$x``."""
    if path[:6].lower() == "using:" and len(path) > 6:
        return Using(extent, Variable(extent, path[6:], splatted))
    return Variable(extent, path, splatted)
