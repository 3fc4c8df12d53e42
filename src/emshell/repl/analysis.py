"""What is being completed: a pure reading of the text before the cursor.

``analyse(text, lookup)`` tells which command the cursor is in, whether a command name, a
parameter name, a parameter value, a variable or a member is being typed, which parameter a
value is for (named, ``-Name:value``, after a comma in an array, or by position), and what is
already bound -- the binder's pairing and positional rules run statically on the words typed,
without evaluating anything.  ``lookup(name)`` gives a command's metadata (aliases and functions
resolved) or None; nothing else is consulted, so the analyser is tested on plain strings.

The candidate generator (``emshell.repl.candidates``) turns the result into completions.
"""

from __future__ import annotations

from emshell.engine.metadata import ALL_PARAMETER_SETS
from emshell.repl.scanner import CLOSERS, OPENERS, OPERATOR, PARAMETER, STRING, VARIABLE, WORD, Token, scan

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Callable

    from emshell.engine.metadata import CommandMetadata, ParameterMetadata

# What is being completed
COMMAND = "command"  # a command name (cmdlet, alias, function)
SCRIPT = "script"  # a script path in command position (.\x, C:\x)
PARAMETER_NAME = "parameter"  # after "-"
VALUE = "value"  # an argument: for ``parameter`` (named or positional), or unknown
VARIABLE_NAME = "variable"  # after "$" (or "@" for splatting)
MEMBER = "member"  # after "$x." / "$_."
NOTHING = "none"

KEYWORDS = frozenset(
    "begin break catch class continue data do dynamicparam else elseif end exit filter finally for foreach "
    "function if in param process return switch throw trap try until while".split()
)
PIPELINE_VARIABLES = frozenset({"_", "psitem"})
GROUP = "group"  # a (...), {...}, @(...) or $(...) that was closed: one argument value


class CompletionContext:
    """The analyser's answer.

    ``word`` is the text the completion replaces and ``start`` its offset in the analysed text;
    ``prefix`` is what candidates must start with (no dash, sigil or quote); ``quote`` is the
    quote the user opened (``'`` or ``"``) or empty.
    """

    __slots__ = ("kind", "word", "start", "prefix", "quote", "command", "metadata", "parameter",
                 "position", "bound", "valid_sets", "variable", "members", "sigil", "upstream")  # fmt: skip

    def __init__(self, kind: str, word: str = "", start: int = 0, prefix: str = ""):
        self.kind = kind
        self.word = word
        self.start = start
        self.prefix = prefix
        self.quote = ""
        self.command: str | None = None  # the command name as typed
        self.metadata: CommandMetadata | None = None
        self.parameter: ParameterMetadata | None = None  # the parameter a value is for
        self.position: int | None = None  # VALUE by position: the positional slot (0-based)
        self.bound: tuple[str, ...] = ()  # parameters bound so far (canonical names)
        self.valid_sets: tuple[str, ...] = ()  # parameter sets still possible
        self.variable: str | None = None  # VARIABLE_NAME / MEMBER: the variable (without sigil)
        self.members: tuple[str, ...] = ()  # MEMBER: the member chain before the one typed
        self.sigil = "$"
        self.upstream: str | None = None  # for $_: the command feeding the script block

    def __repr__(self) -> str:
        parts = [self.kind, repr(self.prefix)]
        if self.command:
            parts.append(f"command={self.command}")
        if self.parameter is not None:
            parts.append(f"parameter={self.parameter.name}")
        if self.position is not None:
            parts.append(f"position={self.position}")
        return f"CompletionContext({' '.join(parts)})"


class _Frame:
    """One nesting level: the statement being built and the pipeline before it."""

    __slots__ = ("opener", "elements", "pipeline", "upstream")

    def __init__(self, opener: str | None, upstream: str | None = None):
        self.opener = opener
        self.elements: list[Token] = []
        self.pipeline: list[str | None] = []  # commands before the current one (``a | b | <here>``)
        self.upstream = upstream  # for a script block: the command that feeds its owner


def analyse(text: str, lookup: Callable[[str], CommandMetadata | None]) -> CompletionContext:
    """Read ``text`` (everything before the cursor) and say what may be completed there."""
    scanned = scan(text)
    tokens = scanned.tokens
    partial: Token | None = None
    if tokens and not scanned.ends_with_space and not scanned.trailing_backtick:
        last = tokens[-1]
        if last.kind in (WORD, PARAMETER, VARIABLE) or (last.kind == STRING and not last.closed):
            partial = last
            tokens = tokens[:-1]
        elif last.kind == STRING:
            return CompletionContext(NOTHING, start=len(text))
    frames = _frames(tokens)
    frame = frames[-1]
    if partial is not None and partial.kind == VARIABLE:
        return _variable_context(partial, frames)
    elements = frame.elements
    head = _command_head(elements)
    if head is None:
        if not elements or _is_invocation_operator(elements):
            return _command_position(partial, text, invoked=bool(elements))
        return CompletionContext(NOTHING, start=len(text))
    command, arguments = head
    metadata = lookup(command)
    return _argument_context(text, partial, command, metadata, arguments)


# --------------------------------------------------------------------------- structure


def _frames(tokens: list[Token]) -> list[_Frame]:
    """Follow nesting and statement/pipeline boundaries; the last frame holds the cursor."""
    frames = [_Frame(None)]
    for token in tokens:
        frame = frames[-1]
        if token.kind != OPERATOR:
            frame.elements.append(token)
            continue
        op = token.text
        if op in ("\n", ";"):
            frame.elements = []
            frame.pipeline = []
        elif op in ("|", "&&", "||"):
            frame.pipeline.append(_pipeline_source(frame.elements))
            frame.elements = []
        elif op in OPENERS:
            upstream = frame.pipeline[-1] if frame.pipeline and _command_head(frame.elements) else None
            frames.append(_Frame(op, upstream))
        elif op in CLOSERS:
            if len(frames) > 1:
                closed = frames.pop()
                frames[-1].elements.append(Token(GROUP, closed.opener or "", token.start, token.end, token.space))
        elif op == "=" and frame.elements and frame.elements[0].kind == VARIABLE:
            frame.elements = []  # ``$x = <pipeline>``: a new pipeline starts
            frame.pipeline = []
        else:
            frame.elements.append(token)
    return frames


def _pipeline_source(elements: list[Token]) -> str | None:
    """What a pipeline element feeds on: its command name, or ``$name`` when it is a lone
    variable (``$servers | ForEach-Object { $_.<here> }``)."""
    head = _command_head(elements)
    if head is not None:
        return head[0]
    if len(elements) == 1 and elements[0].kind == VARIABLE and not elements[0].members:
        return elements[0].text
    return None


def _is_invocation_operator(elements: list[Token]) -> bool:
    return len(elements) == 1 and elements[0].text in ("&", ".") and elements[0].kind in (OPERATOR, WORD)


def _command_head(elements: list[Token]) -> tuple[str, list[Token]] | None:
    """The command name of a statement and its arguments, or None for an expression."""
    if not elements:
        return None
    first = elements[0]
    if first.text in ("&", ".") and first.kind in (OPERATOR, WORD) and len(elements) > 1:
        name = elements[1]
        if name.kind == WORD or (name.kind == STRING and name.closed):
            return _unquote(name.text), elements[2:]
        return None
    if first.kind == WORD and first.text.lower() not in KEYWORDS and not _looks_like_number(first.text):
        return first.text, elements[1:]
    return None


def _looks_like_number(word: str) -> bool:
    return word[:1].isdigit()


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in "'\"" and text[-1] == text[0]:
        return text[1:-1]
    return text


# --------------------------------------------------------------------------- contexts


def _command_position(partial: Token | None, text: str, *, invoked: bool) -> CompletionContext:
    if partial is None or partial.kind != WORD:
        if partial is not None and partial.kind == STRING and invoked:
            context = CompletionContext(SCRIPT, partial.text, partial.start, partial.text[1:])
            context.quote = partial.text[0]
            return context
        return CompletionContext(NOTHING, start=len(text))
    word = partial.text
    kind = SCRIPT if ("\\" in word or "/" in word or word.startswith(".")) else COMMAND
    return CompletionContext(kind, word, partial.start, word)


def _variable_context(partial: Token, frames: list[_Frame]) -> CompletionContext:
    text = partial.text
    sigil = text[0]
    name = text[1:]
    if name.startswith("{"):
        name = name[1:].rstrip("}")
    if partial.members:
        prefix = partial.members[-1]
        context = CompletionContext(MEMBER, prefix, partial.end - len(prefix), prefix)
        context.variable = name
        context.members = partial.members[:-1]
        if name.lower() in PIPELINE_VARIABLES:
            context.upstream = _script_block_upstream(frames)
        return context
    context = CompletionContext(VARIABLE_NAME, text, partial.start, name)
    context.variable = name
    context.sigil = sigil
    return context


def _script_block_upstream(frames: list[_Frame]) -> str | None:
    for frame in reversed(frames):
        if frame.opener == "{":
            return frame.upstream
    return None


def _argument_context(text: str, partial: Token | None, command: str, metadata: CommandMetadata | None,
                      arguments: list[Token]) -> CompletionContext:  # fmt: skip
    if partial is not None and partial.kind == PARAMETER and not partial.text.endswith(":"):
        context = CompletionContext(PARAMETER_NAME, partial.text, partial.start, partial.text[1:])
    elif partial is None:
        context = CompletionContext(VALUE, "", len(text), "")
    elif partial.kind == PARAMETER:  # -Name: with the cursor right after the colon
        context = CompletionContext(VALUE, "", partial.end, "")
        arguments = [*arguments, partial]
    elif partial.kind == STRING:
        context = CompletionContext(VALUE, partial.text, partial.start, partial.text[1:].replace(partial.text[0] * 2, partial.text[0]))
        context.quote = partial.text[0]
    else:
        context = CompletionContext(VALUE, partial.text, partial.start, partial.text)
    context.command = command
    context.metadata = metadata
    if metadata is None:
        return context
    state = _StaticBinding(metadata)
    state.walk(arguments)
    context.bound = tuple(state.bound_names())
    context.valid_sets = tuple(state.valid_sets())
    if context.kind == VALUE:
        if state.awaits_value:
            context.parameter = state.awaiting
        else:
            target = state.continued if state.ends_with_comma else None
            if target is None:
                target = ("position", state.positional_count)
            if target[0] == "parameter":
                context.parameter = target[1]
            else:
                context.position = target[1]
                context.parameter = state.positional_parameter(target[1])
    return context


class _StaticBinding:
    """The binder's name resolution, pairing and positional rules over unevaluated words."""

    def __init__(self, metadata: CommandMetadata):
        from emshell.engine.binder import Binding

        self.metadata = metadata
        self._resolver = Binding(metadata)
        self.named: list[ParameterMetadata] = []
        self.positional_count = 0
        self.awaiting: ParameterMetadata | None = None  # a -Name whose value is being typed
        self.awaits_value = False  # the value being typed follows a -Name (known or not)
        self.continued: tuple[str, object] | None = None  # what the last argument went to
        self.ends_with_comma = False

    def resolve(self, typed: str) -> ParameterMetadata | None:
        from emshell.engine.errors import PSError

        try:
            return self._resolver.resolve(typed)
        except PSError:  # ambiguous: binds nothing yet
            return None

    def walk(self, arguments: list[Token]) -> None:
        i = 0
        count = len(arguments)
        while i < count:
            token = arguments[i]
            self.ends_with_comma = False
            if token.kind == PARAMETER:
                colon = token.text.endswith(":")
                param = self.resolve(token.text[1:].rstrip(":"))
                if param is not None and param not in self.named:
                    self.named.append(param)
                if param is None and not colon and i + 1 < count and arguments[i + 1].kind == PARAMETER:
                    i += 1
                    continue
                # an unknown -Name takes the argument after it (the binder's pairing quirk)
                if colon or param is None or not param.is_switch:
                    if i + 1 >= count:
                        self.awaiting = param
                        self.awaits_value = True
                        return
                    i = self._value(arguments, i + 1)
                    self.continued = ("parameter", param)
                i += 1
                continue
            if token.kind == OPERATOR and token.text == ",":
                self.ends_with_comma = True
                i += 1
                continue
            i = self._value(arguments, i)
            self.continued = ("position", self.positional_count)
            self.positional_count += 1
            i += 1

    def _value(self, arguments: list[Token], i: int) -> int:
        """Skip one argument value and any ``, more`` items joined to it; return its last index."""
        while i + 2 < len(arguments) and arguments[i + 1].kind == OPERATOR and arguments[i + 1].text == ",":
            i += 2
        if i + 1 < len(arguments) and arguments[i + 1].kind == OPERATOR and arguments[i + 1].text == ",":
            self.ends_with_comma = True
            return i + 1
        return i

    # ---------------------------------------------------------------- sets and positions

    def _sets_from(self, params: list[ParameterMetadata]) -> list[str]:
        named_sets = [s for s in self.metadata.parameter_set_names if s != ALL_PARAMETER_SETS]
        valid = set(named_sets)
        for param in params:
            if not param.in_all_sets and named_sets:
                narrowed = valid & set(param.sets)
                if narrowed:  # an impossible combination is the binder's to report, not ours
                    valid = narrowed
        return [s for s in named_sets if s in valid]

    def _positions(self, exclude: list[ParameterMetadata], sets: list[str]) -> list[list[ParameterMetadata]]:
        """Parameters by position (ascending), among the sets still valid."""
        slots: dict[int, list[ParameterMetadata]] = {}
        for param in self.metadata.parameters.values():
            if param in exclude:
                continue
            for set_name, info in param.sets.items():
                if info.position is None or info.value_from_remaining_arguments:
                    continue
                if set_name != ALL_PARAMETER_SETS and sets and set_name not in sets:
                    continue
                entries = slots.setdefault(info.position, [])
                if param not in entries:
                    entries.append(param)
        default = self.metadata.default_parameter_set
        ordered = []
        for position in sorted(slots):
            entries = slots[position]
            # the default set's parameter wins a position, as the binder tries that set first
            entries.sort(key=lambda p: 0 if (default and default in p.sets) or p.in_all_sets else 1)
            ordered.append(entries)
        return ordered

    def positional_parameter(self, index: int) -> ParameterMetadata | None:
        """The parameter the ``index``-th positional argument binds to."""
        slots = self._positions(self.named, self._sets_from(self.named))
        if index < len(slots):
            return slots[index][0]
        remaining = [p for p in self.metadata.parameters.values() if p not in self.named and any(
            i.value_from_remaining_arguments for i in p.sets.values())]  # fmt: skip
        return remaining[0] if remaining else None

    def _positionally_bound(self) -> list[ParameterMetadata]:
        slots = self._positions(self.named, self._sets_from(self.named))
        return [slots[i][0] for i in range(min(self.positional_count, len(slots)))]

    def bound_names(self) -> list[str]:
        return [p.name for p in self.named + self._positionally_bound()]

    def valid_sets(self) -> list[str]:
        return self._sets_from(self.named + self._positionally_bound())
