"""The PowerShell syntax tree: typed, frozen records that carry their source extent.

Node and field names follow PowerShell's own ``System.Management.Automation.Language``
classes (``PipelineAst``, ``CommandAst``, ``CommandParameterAst`` ...), so the engine reads like
the real one and the PowerShell documentation explains our tree too.

Why not ``dataclasses``: the standard decorator costs about 35 ms at import for this module
(it imports ``inspect`` and compiles six methods per class), which is more than the whole
cold-start budget of ``emshell -c``.  ``Ast`` gives the same contract -- annotated fields,
generated ``__init__``/``__eq__``/``__hash__``/``__repr__``, ``__match_args__`` for pattern
matching, frozen instances, ``__slots__`` -- with one metaclass and no code generation.
The ``extent`` field is keyword-only, and it takes no part in equality, hashing or repr, so
tests can compare tree shapes built by hand with trees from the parser.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time

if TYPE_CHECKING:  # the typing machinery is not imported at run time (start-up budget)
    from typing import Any, dataclass_transform
else:

    def dataclass_transform(**_kwargs):
        return lambda cls: cls


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to change a field of a syntax-tree node."""


_MISSING = object()


# --------------------------------------------------------------------------- source text


class ScriptSource:
    """The text a tree was parsed from, shared by every extent of that tree."""

    __slots__ = ("text", "path", "_line_starts")

    def __init__(self, text: str, path: str | None = None):
        self.text = text
        self.path = path
        self._line_starts: list[int] | None = None

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            text = self.text
            find = text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        starts = self.line_starts()
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - starts[lo] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line terminator."""
        starts = self.line_starts()
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def __repr__(self) -> str:
        return f"ScriptSource(path={self.path!r}, length={len(self.text)})"


class Extent:
    """A span of source text: character offsets plus 1-based line and column numbers."""

    __slots__ = ("source", "start_offset", "end_offset")

    def __init__(self, source: ScriptSource, start_offset: int, end_offset: int):
        self.source = source
        self.start_offset = start_offset
        self.end_offset = end_offset

    @property
    def text(self) -> str:
        return self.source.text[self.start_offset : self.end_offset]

    @property
    def start_line(self) -> int:
        return self.source.position(self.start_offset)[0]

    @property
    def start_column(self) -> int:
        return self.source.position(self.start_offset)[1]

    @property
    def end_line(self) -> int:
        return self.source.position(self.end_offset)[0]

    @property
    def end_column(self) -> int:
        return self.source.position(self.end_offset)[1]

    @property
    def file(self) -> str | None:
        return self.source.path

    def cover(self, other: Extent | None) -> Extent:
        """The smallest extent that spans this one and ``other``."""
        if other is None:
            return self
        return Extent(
            self.source,
            min(self.start_offset, other.start_offset),
            max(self.end_offset, other.end_offset),
        )

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Extent)
            and self.source is other.source
            and self.start_offset == other.start_offset
            and self.end_offset == other.end_offset
        )

    def __hash__(self) -> int:
        return hash((id(self.source), self.start_offset, self.end_offset))

    def __repr__(self) -> str:
        return f"Extent({self.start_line}:{self.start_column}-{self.end_line}:{self.end_column} {self.text!r})"


# --------------------------------------------------------------------------- node machinery


@dataclass_transform(frozen_default=True)
class _AstMeta(type):
    """Turns annotated class bodies into frozen records with ``__slots__``."""

    def __new__(mcs, name, bases, namespace, **kwargs):
        annotations = namespace.get("__annotations__", {})
        if not any(isinstance(base, _AstMeta) for base in bases):
            # The root class: ``extent`` is a slot of every node but not a field.
            namespace["__slots__"] = ("extent",)
            return super().__new__(mcs, name, bases, namespace, **kwargs)
        own = [f for f in annotations if not f.startswith("_")]
        inherited: tuple[str, ...] = ()
        defaults: dict[str, Any] = {}
        for base in bases:
            inherited = getattr(base, "_fields", inherited)
            defaults.update(getattr(base, "_defaults", {}))
        for field in own:
            if field in namespace:  # a class attribute would clash with the slot
                defaults[field] = namespace.pop(field)
        namespace["__slots__"] = tuple(f for f in own if f not in inherited)
        fields = inherited + tuple(f for f in own if f not in inherited)
        namespace["_fields"] = fields
        namespace["_defaults"] = defaults
        namespace["__match_args__"] = fields
        return super().__new__(mcs, name, bases, namespace, **kwargs)


class Ast(metaclass=_AstMeta):
    """Base of every syntax-tree node."""

    _fields: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}
    __match_args__: tuple[str, ...] = ()

    def __init__(self, *args: Any, extent: Extent | None = None, **kwargs: Any):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes {len(fields)} fields, got {len(args)}")
        set_ = object.__setattr__
        for field, value in zip(fields, args):
            set_(self, field, value)
        defaults = self._defaults
        for field in fields[len(args) :]:
            value = kwargs.pop(field, _MISSING)
            if value is _MISSING:
                value = defaults.get(field, _MISSING)
                if value is _MISSING:
                    raise TypeError(f"{type(self).__name__} is missing field {field!r}")
            set_(self, field, value)
        if kwargs:
            raise TypeError(f"{type(self).__name__} has no field(s) {', '.join(kwargs)}")
        set_(self, "extent", extent)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"

    def children(self):
        """Direct child nodes, in source order."""
        for field in self._fields:
            yield from _nodes_in(getattr(self, field))

    def walk(self):
        """This node and all its descendants, depth first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(list(node.children())))


def _nodes_in(value: Any):
    if isinstance(value, Ast):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _nodes_in(item)


def replace(node: Ast, **changes: Any) -> Ast:
    """A copy of ``node`` with some fields changed (like ``dataclasses.replace``)."""
    values = {f: getattr(node, f) for f in node._fields}
    values.update(changes)
    extent = values.pop("extent", node.extent)
    return type(node)(extent=extent, **values)


def fields(node: Ast) -> tuple[str, ...]:
    return node._fields


# --------------------------------------------------------------------------- blocks


class ScriptBlockAst(Ast):
    """A script file or a ``{ ... }`` script block: optional param block and named blocks.

    A block without ``begin``/``process``/``end`` keywords has its statements in
    ``end_block`` with ``unnamed=True`` (as PowerShell does).
    """

    param_block: ParamBlockAst | None = None
    begin_block: NamedBlockAst | None = None
    process_block: NamedBlockAst | None = None
    end_block: NamedBlockAst | None = None
    dynamic_param_block: NamedBlockAst | None = None
    source: ScriptSource | None = None  # set on the root of a parse


class NamedBlockAst(Ast):
    """``begin``/``process``/``end``/``dynamicparam`` block (or the unnamed end block)."""

    block_kind: str  # "begin" | "process" | "end" | "dynamicparam"
    statements: tuple[StatementAst, ...] = ()
    traps: tuple[TrapStatementAst, ...] = ()
    unnamed: bool = False


class StatementBlockAst(Ast):
    """The ``{ ... }`` body of a statement such as ``if`` or ``foreach``."""

    statements: tuple[StatementAst, ...] = ()
    traps: tuple[TrapStatementAst, ...] = ()


class ParamBlockAst(Ast):
    """``[CmdletBinding()] param(...)``."""

    attributes: tuple[AttributeAst, ...] = ()
    parameters: tuple[ParameterAst, ...] = ()


class ParameterAst(Ast):
    """One parameter: ``[Parameter(Mandatory=$true)][string]$Name = 'x'``."""

    name: VariableExpressionAst
    attributes: tuple[AttributeBaseAst, ...] = ()
    default_value: ExpressionAst | None = None


class AttributeBaseAst(Ast):
    pass


class TypeConstraintAst(AttributeBaseAst):
    """A type in square brackets used as a constraint: ``[string]`` in ``[string]$x``."""

    type_name: str  # as written, e.g. "string", "System.String[]", "Microsoft.Exchange.X"


class AttributeAst(AttributeBaseAst):
    """``[Parameter(Mandatory=$true, Position=0)]``, ``[ValidateSet('a','b')]`` ..."""

    type_name: str
    positional_arguments: tuple[ExpressionAst, ...] = ()
    named_arguments: tuple[NamedAttributeArgumentAst, ...] = ()


class NamedAttributeArgumentAst(Ast):
    """``Mandatory=$true``; ``[Parameter(Mandatory)]`` has ``expression_omitted=True``."""

    argument_name: str
    argument: ExpressionAst
    expression_omitted: bool = False


# --------------------------------------------------------------------------- statements


class StatementAst(Ast):
    pass


class PipelineBaseAst(StatementAst):
    pass


class PipelineAst(PipelineBaseAst):
    """``a | b | c``; a lone expression is a pipeline of one ``CommandExpressionAst``."""

    pipeline_elements: tuple[CommandBaseAst, ...]


class AssignmentStatementAst(PipelineBaseAst):
    """``$x = ...``, ``$x += ...``, ``$a, $b = 1, 2``; ``right`` is a full statement."""

    left: ExpressionAst
    operator: str  # "=", "+=", "-=", "*=", "/=", "%="
    right: StatementAst


class ErrorStatementAst(PipelineBaseAst):
    """Placeholder the parser never returns; kept for tools that recover from errors."""

    message: str = ""


class CommandBaseAst(StatementAst):
    pass


class CommandAst(CommandBaseAst):
    """A command invocation. ``command_elements[0]`` is the name (or ``&``'s target).

    Elements stay flat, as PowerShell keeps them: only the binder knows whether the
    argument after ``-X`` belongs to it (it does not when ``X`` is a switch).
    """

    command_elements: tuple[CommandElementAst, ...]
    invocation_operator: str | None = None  # None, "&" or "."
    redirections: tuple[RedirectionAst, ...] = ()


class CommandExpressionAst(CommandBaseAst):
    """An expression in a pipeline position: ``1 + 2``, ``$x | ...``."""

    expression: ExpressionAst
    redirections: tuple[RedirectionAst, ...] = ()


class CommandElementAst(Ast):
    pass


class CommandParameterAst(CommandElementAst):
    """``-Name`` or ``-Name:value`` in command mode (name without the dash)."""

    parameter_name: str
    argument: ExpressionAst | None = None  # only for the ``-Name:value`` form
    colon: bool = False  # written with a colon (``-Confirm:$false``)


class RedirectionAst(Ast):
    pass


class FileRedirectionAst(RedirectionAst):
    """``> file``, ``>> file``, ``2> $null``, ``*> out.txt``."""

    from_stream: str  # "Output", "Error", "Warning", "Verbose", "Debug", "Information", "All"
    location: ExpressionAst
    append: bool = False


class MergingRedirectionAst(RedirectionAst):
    """``2>&1``, ``*>&1``."""

    from_stream: str
    to_stream: str = "Output"


class IfStatementAst(StatementAst):
    clauses: tuple[tuple[PipelineBaseAst, StatementBlockAst], ...]
    else_clause: StatementBlockAst | None = None


class LoopStatementAst(StatementAst):
    pass


class ForEachStatementAst(LoopStatementAst):
    variable: VariableExpressionAst
    condition: PipelineBaseAst
    body: StatementBlockAst
    label: str | None = None


class ForStatementAst(LoopStatementAst):
    initializer: PipelineBaseAst | None
    condition: PipelineBaseAst | None
    iterator: PipelineBaseAst | None
    body: StatementBlockAst
    label: str | None = None


class WhileStatementAst(LoopStatementAst):
    condition: PipelineBaseAst
    body: StatementBlockAst
    label: str | None = None


class DoWhileStatementAst(LoopStatementAst):
    condition: PipelineBaseAst
    body: StatementBlockAst
    label: str | None = None


class DoUntilStatementAst(LoopStatementAst):
    condition: PipelineBaseAst
    body: StatementBlockAst
    label: str | None = None


class SwitchStatementAst(StatementAst):
    """``switch -Regex ($x) { 'a' { ... } default { ... } }``."""

    condition: PipelineBaseAst
    clauses: tuple[tuple[ExpressionAst, StatementBlockAst], ...] = ()
    default: StatementBlockAst | None = None
    flags: tuple[str, ...] = ()  # lower-case: "regex", "wildcard", "exact", "casesensitive", "file"
    label: str | None = None


class TryStatementAst(StatementAst):
    body: StatementBlockAst
    catch_clauses: tuple[CatchClauseAst, ...] = ()
    finally_block: StatementBlockAst | None = None


class CatchClauseAst(Ast):
    """``catch [T1], [T2] { ... }``; no types means catch-all."""

    catch_types: tuple[TypeConstraintAst, ...]
    body: StatementBlockAst


class TrapStatementAst(StatementAst):
    trap_type: TypeConstraintAst | None
    body: StatementBlockAst


class BreakStatementAst(StatementAst):
    label: ExpressionAst | None = None


class ContinueStatementAst(StatementAst):
    label: ExpressionAst | None = None


class ReturnStatementAst(StatementAst):
    pipeline: PipelineBaseAst | None = None


class ExitStatementAst(StatementAst):
    pipeline: PipelineBaseAst | None = None


class ThrowStatementAst(StatementAst):
    pipeline: PipelineBaseAst | None = None


class FunctionDefinitionAst(StatementAst):
    """``function Name { ... }``, ``function Name($a, $b) { ... }``, ``filter Name { ... }``."""

    name: str
    body: ScriptBlockAst
    parameters: tuple[ParameterAst, ...] | None = None  # the ``Name($a)`` form
    is_filter: bool = False


# --------------------------------------------------------------------------- expressions


class ExpressionAst(CommandElementAst):
    pass


class ConstantExpressionAst(ExpressionAst):
    """A number literal; ``value`` is already converted (int, float or Decimal)."""

    value: Any


class StringConstantExpressionAst(ConstantExpressionAst):
    """A string with nothing to expand. ``string_constant_type`` as PowerShell names it:
    BareWord, SingleQuoted, SingleQuotedHereString, DoubleQuoted, DoubleQuotedHereString."""

    value: str
    string_constant_type: str = "BareWord"


class ExpandableStringExpressionAst(ExpressionAst):
    """``"Hello $name, $($x.Count) items"`` or a bare word such as ``abc$x``.

    ``parts`` alternates literal text (escapes already applied) and the expressions to
    expand, in order; ``value`` is the raw text between the quotes.
    """

    value: str
    parts: tuple[str | ExpressionAst, ...]
    string_constant_type: str = "DoubleQuoted"


class VariableExpressionAst(ExpressionAst):
    """``$x``, ``$script:x``, ``$env:PATH``, ``${a b}``, ``@splat`` (``splatted=True``)."""

    variable_path: str  # without the sigil, with any scope/drive prefix: "script:x", "env:PATH"
    splatted: bool = False

    @property
    def scope(self) -> str | None:
        prefix, sep, _ = self.variable_path.partition(":")
        return prefix.lower() if sep else None

    @property
    def name(self) -> str:
        prefix, sep, rest = self.variable_path.partition(":")
        return rest if sep else prefix


class TypeExpressionAst(ExpressionAst):
    """A type used as a value: ``[int]`` in ``[int]::MaxValue`` or ``$x -is [string]``."""

    type_name: str


class ConvertExpressionAst(ExpressionAst):
    """A cast: ``[int]$x``, ``[string[]]$list``, ``[ordered]@{...}``, ``[PSCustomObject]@{...}``."""

    type: TypeConstraintAst
    child: ExpressionAst


class AttributedExpressionAst(ExpressionAst):
    """An expression behind a non-type attribute, e.g. ``[ValidateNotNull()]$x``."""

    attribute: AttributeAst
    child: ExpressionAst


class MemberExpressionAst(ExpressionAst):
    """``$x.Name``, ``$x.$prop``, ``[math]::PI`` (``static=True``)."""

    expression: ExpressionAst
    member: CommandElementAst  # StringConstantExpressionAst or an expression for ``$x.$name``
    static: bool = False


class InvokeMemberExpressionAst(MemberExpressionAst):
    """``$s.Split(',')``, ``[string]::Join(',', $a)``."""

    arguments: tuple[ExpressionAst, ...] = ()


class IndexExpressionAst(ExpressionAst):
    """``$a[0]``, ``$a[1..3]``, ``$h['key']``, ``$a[-1]``."""

    target: ExpressionAst
    index: ExpressionAst


class BinaryExpressionAst(ExpressionAst):
    """``left op right``. ``operator`` is the canonical lower-case token: ``+``, ``-eq``,
    ``-ceq``, ``-ieq``, ``-and``, ``..``, ``-f``, ``-replace`` ...; ``-ieq`` is kept
    distinct from ``-eq`` only in spelling (both are case-insensitive)."""

    left: ExpressionAst
    operator: str
    right: ExpressionAst


class UnaryExpressionAst(ExpressionAst):
    """``-not $x``, ``!$x``, ``-$x``, ``+$x``, ``-bnot 5``, ``-split $s``, ``-join $a``,
    ``,$x`` (unary comma), ``++$i`` and ``$i++`` (``postfix=True``)."""

    operator: str
    child: ExpressionAst
    postfix: bool = False


class ArrayLiteralAst(ExpressionAst):
    """``1, 2, 3`` (also ``a,b`` in command mode)."""

    elements: tuple[ExpressionAst, ...]


class ArrayExpressionAst(ExpressionAst):
    """``@( ... )``."""

    sub_expression: StatementBlockAst


class SubExpressionAst(ExpressionAst):
    """``$( ... )``."""

    sub_expression: StatementBlockAst


class ParenExpressionAst(ExpressionAst):
    """``( pipeline )``."""

    pipeline: PipelineBaseAst


class HashtableAst(ExpressionAst):
    """``@{ Name = 'x'; Count = 1 + 2 }``; values are statements (pipelines allowed)."""

    key_value_pairs: tuple[tuple[ExpressionAst, StatementAst], ...] = ()


class ScriptBlockExpressionAst(ExpressionAst):
    """A ``{ ... }`` script block used as a value."""

    script_block: ScriptBlockAst


class UsingExpressionAst(ExpressionAst):
    """``$using:x`` (accepted for script compatibility; evaluates like ``$x``)."""

    sub_expression: ExpressionAst
