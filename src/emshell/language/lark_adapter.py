"""Run the emshell lexer and tree builder inside real Lark (build time and tests only).

``build_lark_parser()`` gives ``Lark(grammar, parser="lalr", lexer=LarkLexer,
transformer=AstBuilder)``; the tests compare its trees with the driver's, which keeps the
grammar honest Lark.  Nothing on the run path imports this module.
"""

from __future__ import annotations

from lark.lexer import Lexer as _LarkLexerBase
from lark.parsers.lalr_analysis import Shift

from emshell.language.lexer import KEYWORD_TERMINALS, Lexer, state_mode


class LarkTableView:
    """The lexer's view (modes, accepted terminals, newline shifts) of a Lark parse table."""

    def __init__(self, parse_table):
        self.states = parse_table.states
        count = max(self.states) + 1
        self.accepts = [frozenset()] * count
        self.modes = [0] * count
        self.newline = [0] * count
        self.keywords = [frozenset()] * count
        for state, row in self.states.items():
            accepts = frozenset(name for name in row if _is_terminal(name))
            self.accepts[state] = accepts
            self.modes[state] = state_mode(accepts)
            self.keywords[state] = accepts & KEYWORD_TERMINALS
            action = row.get("_NL")
            self.newline[state] = 0 if action is None else 1 if action[0] is Shift else 2

    def describe(self, state: int) -> int:
        return self.modes[state]

    def can_shift(self, stack, terminal: str) -> bool:
        states = self.states
        depth = len(stack)
        extra: list = []
        state = stack[-1]
        while True:
            action = states[state].get(terminal)
            if action is None:
                return False
            if action[0] is Shift:
                return True
            rule = action[1]
            size = len(rule.expansion)
            if size <= len(extra):
                del extra[len(extra) - size :]
            else:
                depth -= size - len(extra)
                extra.clear()
            base = extra[-1] if extra else stack[depth - 1]
            state = states[base][rule.origin.name][1]
            extra.append(state)


def _is_terminal(name: str) -> bool:
    return name == "$END" or name.lstrip("_")[:1].isupper()


class LarkLexer(_LarkLexerBase):
    """Lark's custom-lexer interface around ``emshell.language.lexer.Lexer``."""

    __future_interface__ = 2
    source = None  # the ScriptSource of the text being parsed (set by ``parse_with_lark``)
    _views: dict = {}

    def __init__(self, lexer_conf):
        pass

    def lex(self, lexer_state, parser_state):
        table = parser_state.parse_conf.parse_table
        view = self._views.get(id(table))
        if view is None:
            view = self._views[id(table)] = LarkTableView(table)
        text = lexer_state.text.text
        lexer = Lexer(text, LarkLexer.source, view)
        stack = parser_state.state_stack
        while True:
            token = lexer.next(stack)
            if token.type == "$END":
                return
            yield token


def build_lark_parser(strict: bool = True):
    """The PowerShell grammar compiled by Lark, with the emshell lexer and tree builder."""
    from lark import Lark

    from emshell.language.tables import grammar_text
    from emshell.language.transformer import AstBuilder

    builder = AstBuilder(None)
    parser = Lark(
        grammar_text(),
        parser="lalr",
        lexer=LarkLexer,
        transformer=builder,
        strict=strict,
        maybe_placeholders=False,
    )
    return parser, builder


def parse_with_lark(parser, builder, text: str, path: str | None = None):
    """Parse ``text`` with real Lark; returns the ScriptBlockAst (or raises Lark's errors)."""
    from emshell.language.ast import ScriptSource

    source = ScriptSource(text, path)
    LarkLexer.source = source
    builder.source = source
    return parser.parse(text)
