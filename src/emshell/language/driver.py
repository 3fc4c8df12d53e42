"""A small LALR(1) driver over the cached tables: no Lark at run time, no parse-tree objects.

It replays what ``Lark(parser="lalr", transformer=...)`` does -- shift, reduce, filter the
children of each rule the way Lark shapes trees (``_rule`` inlining, ``?rule`` pass-through,
anonymous tokens dropped) and call the transformer method -- so the two give the same tree
(tests/language check it).  To keep the loop short:

* unit reductions (``?a: b`` passing a value through) are folded into the goto that precedes
  them, memoised per (state, nonterminal, lookahead);
* ``-> atom`` rules and the list-building rules Lark generates for ``x*`` are done inline;
* the per-state data the lexer needs (mode, accepted terminals) is computed on first use.
"""

from __future__ import annotations

from emshell.language.lexer import KEYWORD_TERMINALS, state_mode
from emshell.language.tables import ATOM, CALL, EXPAND1, INLINE, UNIT

# The LR stack grows with nesting (brackets, unary chains, right recursion).  Deeper input is
# refused with PowerShell's "script is too complex" error rather than risking the recursion
# limits of whatever walks the tree afterwards.
MAX_STACK_DEPTH = 400

# How the driver performs a reduction (beyond the tables' kinds).
_CALL, _ATOM, _APPEND, _DROP, _INLINE, _EXPAND1, _UNIT = range(7)


class SyntaxErrorAt(Exception):
    """The parser found no action for ``token`` in the state on top of ``states``."""

    def __init__(self, states, values, token):
        super().__init__(token.type)
        self.states = states
        self.values = values
        self.token = token


class NestingTooDeep(Exception):
    def __init__(self, token):
        super().__init__("nesting too deep")
        self.token = token


def _is_terminal(name: str) -> bool:
    return name == "$END" or name.lstrip("_")[:1].isupper()


class ParserTables:
    """The loaded tables plus what the lexer needs per state (mode, accepted terminals)."""

    def __init__(self, data: dict):
        self.actions = data["actions"]
        self.rules = data["rules"]
        self.kernels = data["kernels"]
        self.expansions = data["expansions"]
        self.start = data["start"]
        self.end = data["end"]
        count = len(self.actions)
        # Filled per state on first use by ``describe`` (start-up stays cheap).
        self.accepts: list = [None] * count
        self.keywords: list = [None] * count
        self.modes: list = [None] * count
        self.newline: list = [None] * count
        derived = data.get("derived") or derive(data)  # stored with the cached tables
        self.unit = derived["unit"]
        origins = derived["origins"]
        self.origin_names = origins
        self.origin_ids = {name: i for i, name in enumerate(origins)}
        self.origin_count = len(origins)
        self.goto_cache: dict = {}  # lookahead -> {state * origin_count + origin id: state}
        self.shift_cache: dict = {}
        self.shift_depth: dict = {}
        self.plans = derived["plans"]
        # States reached by shifting a literal whose only action is its ``-> atom`` reduction:
        # the driver performs that reduction right after lexing the next token.
        self.atom_after_shift = derived["atom_after_shift"]

    def describe(self, state: int) -> int:
        """Fill in the lexer's facts about ``state``; returns its mode."""
        row = self.actions[state]
        accepts = frozenset(name for name in row if _is_terminal(name))
        self.accepts[state] = accepts
        self.keywords[state] = accepts & KEYWORD_TERMINALS
        code = row.get("_NL")
        self.newline[state] = 0 if code is None else 1 if code >= 0 else 2
        mode = self.modes[state] = state_mode(accepts)
        return mode

    def goto(self, base: int, origin: str, lookahead: str) -> int:
        """The state after reducing to ``origin`` on ``base`` and then every unit reduction
        (``?a: b`` pass-through) that ``lookahead`` triggers -- those change no value."""
        actions = self.actions
        rules = self.rules
        unit = self.unit
        state = actions[base][origin]
        while True:
            code = actions[state].get(lookahead)
            if code is None or code >= 0 or not unit[~code]:
                break
            state = actions[base][rules[~code][0]]
        cache = self.goto_cache.get(lookahead)
        if cache is None:
            cache = self.goto_cache[lookahead] = {}
        cache[base * self.origin_count + self.origin_ids[origin]] = state
        return state

    def can_shift(self, stack, terminal: str) -> bool:
        """Would ``terminal`` be shifted after the reductions it triggers on ``stack``?"""
        # The answer depends only on the states the simulated reductions look at, so it is
        # cached under that many top states (learnt per top state, since it varies).
        hint_key = (terminal, stack[-1])
        hint = self.shift_depth.get(hint_key, 4)
        key = (terminal, *stack[-hint:])
        known = self.shift_cache.get(key)
        if known is None:
            known, depth = self._simulate(stack, terminal)
            if depth > hint:
                self.shift_depth[hint_key] = depth
                key = (terminal, *stack[-depth:])
            self.shift_cache[key] = known
        return known

    def _simulate(self, stack, terminal: str):
        """``(shifted, how many stack entries the reductions looked at)``."""
        actions = self.actions
        rules = self.rules
        depth = len(stack)
        lowest = depth
        extra: list = []
        state = stack[-1]
        while True:
            code = actions[state].get(terminal)
            if code is None:
                return False, len(stack) - lowest + 1
            if code >= 0:
                return True, len(stack) - lowest + 1
            origin, size = rules[~code][0], rules[~code][1]
            if size <= len(extra):
                del extra[len(extra) - size :]
            else:
                depth -= size - len(extra)
                extra.clear()
                lowest = min(lowest, depth)
            base = extra[-1] if extra else stack[depth - 1]
            state = actions[base][origin]
            extra.append(state)

    def reducers(self, builder) -> list:
        """Per rule: ``(size, how, callback, plan, origin id, origin)`` bound to ``builder``."""
        result = []
        ids = self.origin_ids
        for (origin, size, name, kind, plan), how in zip(self.rules, self.plans):
            callback = getattr(builder, name) if kind == CALL or kind == EXPAND1 else None
            result.append((size, how, callback, plan, ids[origin], origin))
        return result


def derive(data: dict) -> dict:
    """What the driver precomputes from the tables (kept in the table cache, so that a cold
    start does not redo it)."""
    rules = data["rules"]
    origins = sorted({rule[0] for rule in rules})
    origin_ids = {name: i for i, name in enumerate(origins)}
    return {
        "unit": [kind == UNIT for _, _, _, kind, _ in rules],
        "origins": origins,
        "plans": [_plan(rule) for rule in rules],
        "atom_after_shift": [_atom_rule(rules, origin_ids, row) for row in data["actions"]],
    }


def _atom_rule(rules: list, origin_ids: dict, row: dict):
    """``(origin id, origin)`` if every action of ``row`` reduces one ``-> atom`` rule."""
    reduced = set()
    for symbol, code in row.items():
        if _is_terminal(symbol):
            if code >= 0:
                return None
            reduced.add(~code)
    if len(reduced) != 1:
        return None
    rule = reduced.pop()
    origin, size, _, kind, _ = rules[rule]
    if kind != ATOM or size != 1:
        return None
    return origin_ids[origin], origin


def _plan(rule) -> int:
    """How the driver performs a rule's reduction."""
    origin, size, name, kind, plan = rule
    if kind == ATOM:
        return _ATOM
    if kind == UNIT:
        return _UNIT
    if kind == INLINE:
        if size == 2 and plan == ((0, True), (1, False)):
            return _APPEND  # __list: __list item
        if size == 2 and plan == ((0, True),):
            return _DROP  # __list: __list _SEPARATOR
        return _INLINE
    if kind == EXPAND1:
        return _EXPAND1
    return _CALL


def run(tables: ParserTables, lexer, builder):
    """Parse the lexer's tokens; returns the value of the start rule."""
    actions = tables.actions
    reducers = tables.reducers(builder)
    goto_cache = tables.goto_cache
    goto = tables.goto
    width = tables.origin_count
    end_state = tables.end
    next_token = lexer.next
    states = [tables.start]
    values: list = []
    push_state = states.append
    push_value = values.append
    atom_after_shift = tables.atom_after_shift
    token = next_token(states)
    ttype = token.type
    gotos = goto_cache.get(ttype) or {}
    while True:
        code = actions[states[-1]].get(ttype)
        if code is None:
            raise SyntaxErrorAt(states, values, token)
        if code >= 0:
            push_state(code)
            if len(states) > MAX_STACK_DEPTH:
                raise NestingTooDeep(token)
            atom = atom_after_shift[code]
            if atom is None:
                push_value(token)
                token = next_token(states)
                ttype = token.type
                gotos = goto_cache.get(ttype) or {}
                continue
            # a literal: lex on with its state on the stack, then reduce `-> atom` at once
            push_value(token.value)
            token = next_token(states)
            ttype = token.type
            gotos = goto_cache.get(ttype) or {}
            states.pop()
            base = states[-1]
            origin_id, origin = atom
            state = gotos.get(base * width + origin_id)
            if state is None:
                state = goto(base, origin, ttype)
                gotos = goto_cache[ttype]
            push_state(state)
            continue
        size, how, callback, plan, origin_id, origin = reducers[~code]
        if how == _CALL:
            if size:
                children = values[-size:]
                del values[-size:]
                del states[-size:]
                if plan is not None:
                    children = _select(children, plan)
                push_value(callback(children))
            else:
                push_value(callback([]))
        elif how == _ATOM:
            states.pop()
            values[-1] = values[-1].value
        elif how == _APPEND:
            item = values.pop()
            values[-1].append(item)
            del states[-2:]
        elif how == _DROP:
            values.pop()
            del states[-2:]
        elif how == _UNIT:
            states.pop()
        else:
            if size:
                children = values[-size:]
                del values[-size:]
                del states[-size:]
            else:
                children = []
            if plan is not None:
                children = _select(children, plan)
            if how == _INLINE:
                push_value(children)
            elif len(children) == 1:
                push_value(children[0])
            else:
                push_value(callback(children))
        base = states[-1]
        state = gotos.get(base * width + origin_id)
        if state is None:
            state = goto(base, origin, ttype)
            gotos = goto_cache[ttype]
        push_state(state)
        if state == end_state and ttype == "$END":
            return values[-1]


def _select(children: list, plan) -> list:
    """The children a rule's callback receives (Lark's ChildFilterLALR_NoPlaceholders)."""
    selected = None
    for index, inline in plan:
        child = children[index]
        if inline:
            if selected is None:
                selected = child
            else:
                selected.extend(child)
        elif selected is None:
            selected = [child]
        else:
            selected.append(child)
    return selected if selected is not None else []
