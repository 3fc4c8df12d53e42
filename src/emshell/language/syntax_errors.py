"""Which PowerShell parse error a failed LALR step corresponds to, and where it points.

PowerShell's recursive-descent parser reports the first problem as it meets it: a token
after a finished pipeline element is ``UnexpectedToken``; a missing operand after ``+`` is
``ExpectedValueExpression`` just after the operator; input that stops inside ``{`` is
``MissingEndCurlyBrace`` at the brace, and so on.  The same decisions are made here from the
LR stack: first the reductions the state would make whatever comes next are applied; then
the kernel items of the top state tell what was expected and what was just read; then the
states below tell which brackets are still open (the innermost one reports).

Positions follow PowerShell's two conventions: ``After(x)`` (an empty extent just past
``x``) and ``x.Extent``.  ``incomplete`` is PowerShell's ``IncompleteInput``: true for the
"missing ..." errors when nothing but white space and comments follows, false for errors
PowerShell reports with ``ReportError`` (unexpected tokens and the like).
"""

from __future__ import annotations

from emshell.language.chars import SKIP_NL_RE

TERMINATORS = frozenset(("_NL", "_SEMI", "$END", "RPAREN", "RBRACE", "PIPE"))
_OPERAND_STARTS = frozenset(("VARIABLE", "NUMBER", "STRING", "LPAREN", "SUBEXPR", "ARRAYEXPR", "HASHSTART",
                             "LBRACE", "TYPE", "ATTR", "UNARYOP", "UMINUS", "UPLUS", "PREINC", "PREDEC",
                             "UCOMMA", "DQ_BEGIN", "HS_BEGIN", "SPLAT"))  # fmt: skip
_UNARY = frozenset(("UNARYOP", "UMINUS", "UPLUS", "PREINC", "PREDEC", "UCOMMA"))
_SEPARATORS = frozenset(("_NL", "_SEMI"))

# Bracketed constructs: rule name -> (opening symbol, closing symbol).
_BRACKETS = {
    "paren_expression": ("LPAREN", "RPAREN"),
    "sub_expression": ("SUBEXPR", "RPAREN"),
    "array_expression": ("ARRAYEXPR", "RPAREN"),
    "index_expression": ("LBRACKET", "RBRACKET"),
    "invoke_member": ("METHOD", "RPAREN"),
    "statement_block": ("LBRACE", "RBRACE"),
    "script_block_expression": ("LBRACE", "RBRACE"),
    "hashtable": ("HASHSTART", "RBRACE"),
    "switch_statement": ("LBRACE", "RBRACE"),
    "switch_value": ("LPAREN", "RPAREN"),
    "if_statement": ("LPAREN", "RPAREN"),
    "elseif_clause": ("LPAREN", "RPAREN"),
    "while_statement": ("LPAREN", "RPAREN"),
    "do_statement": ("LPAREN", "RPAREN"),
    "for_statement": ("LPAREN", "RPAREN"),
    "foreach_statement": ("LPAREN", "RPAREN"),
    "param_block": ("LPAREN", "RPAREN"),
    "attribute": ("ATTR", "RPAREN"),
    "expandable_string": (None, None),
}


class Diagnosis:
    """The error to report: PowerShell's id, message arguments and offsets."""

    __slots__ = ("error_id", "args", "start", "end", "incomplete")

    def __init__(self, error_id: str, args: tuple, start: int, end: int, incomplete: bool):
        self.error_id = error_id
        self.args = args
        self.start = start
        self.end = end
        self.incomplete = incomplete


class _Span:
    """A virtually reduced group of children (only its offsets and children are needed)."""

    __slots__ = ("children", "start", "end")

    def __init__(self, children, start, end):
        self.children = children
        self.start = start
        self.end = end


def _start(item) -> int:
    if item is None:  # an optional part that was left out
        return -1
    if isinstance(item, (list, tuple)):
        for element in item:
            if not (isinstance(element, (list, tuple)) and not element):
                return _start(element)
        return -1
    start = getattr(item, "start", None)
    if isinstance(start, int):
        return start
    return item.extent.start_offset


def _end(item) -> int:
    if item is None:  # an optional part that was left out (``for (;``)
        return -1
    if isinstance(item, (list, tuple)):
        for element in reversed(item):
            if not (isinstance(element, (list, tuple)) and not element):
                return _end(element)
        return -1
    end = getattr(item, "end", None)
    if isinstance(end, int):
        return end
    return item.extent.end_offset


def _is_terminal(name: str) -> bool:
    return name == "$END" or name.lstrip("_")[:1].isupper()


class Classifier:
    def __init__(self, tables, text: str):
        self.tables = tables
        self.text = text
        self.length = len(text)

    # ---------------------------------------------------------------- helpers

    def _text(self, item) -> str:
        if isinstance(item, _Span) and len(item.children) == 1:
            item = item.children[0]
        return self.text[_start(item) : _end(item)]

    def _at_end(self, offset: int) -> bool:
        """Only white space and comments from ``offset`` on (PowerShell's IsAtEndOfScript)?"""
        m = SKIP_NL_RE.match(self.text, offset)
        return (m.end() if m else offset) >= self.length

    def _after(self, error_id, offset, *args, detected=None, report=False):
        """An error at ``After(...)``: the empty extent at ``offset``."""
        if offset < 0:  # nothing was read in that construct
            offset = detected if detected is not None else self.length
        incomplete = not report and self._at_end(offset if detected is None else detected)
        return Diagnosis(error_id, args, offset, offset, incomplete)

    def _on(self, error_id, item, *args, detected=None, report=False):
        start, end = _start(item), _end(item)
        incomplete = not report and self._at_end(start if detected is None else detected)
        return Diagnosis(error_id, args, start, end, incomplete)

    def _unexpected(self, token):
        return Diagnosis("UnexpectedToken", (self._text(token),), token.start, token.end, False)

    def _items(self, state):
        """``(name, origin, expansion, dot)`` for each kernel item of ``state``."""
        rules = self.tables.rules
        expansions = self.tables.expansions
        for rule_index, dot in self.tables.kernels[state]:
            origin, _, name, _, _ = rules[rule_index]
            yield name, origin, expansions[rule_index], dot

    @staticmethod
    def _last_end(values) -> int:
        """End of the last thing read that is not a separator."""
        for value in reversed(values):
            if getattr(value, "type", None) in _SEPARATORS:
                continue
            end = _end(value)
            if end >= 0:
                return end
        return -1

    def _normalize(self, states, values):
        """Apply the reductions a state makes whatever the next token is."""
        actions = self.tables.actions
        rules = self.tables.rules
        states = list(states)
        values = list(values)
        for _ in range(10000):
            row = actions[states[-1]]
            reductions = set()
            for symbol, code in row.items():
                if not _is_terminal(symbol):
                    continue
                if code >= 0:
                    reductions = None
                    break
                reductions.add(~code)
            if not reductions or len(reductions) != 1:
                break
            rule = reductions.pop()
            origin, size = rules[rule][0], rules[rule][1]
            if size:
                children = values[-size:]
                del values[-size:]
                del states[-size:]
                end = self._last_end(children)
                if end < 0:  # only separators: the span ends where the text before it does
                    end = self._last_end(values)
                span = _Span(children, _start(children), end)
            else:
                end = self._last_end(values)
                span = _Span([], end, end)
            if len(states) == 1 and origin == "start":
                break
            values.append(span)
            states.append(actions[states[-1]][origin])
        return states, values

    # ---------------------------------------------------------------- entry point

    def diagnose(self, states, values, token) -> Diagnosis:
        kind = token.type
        if kind in ("ANDAND", "OROR"):
            return Diagnosis("InvalidEndOfLine", (self._text(token),), token.start, token.end, False)
        if kind == "REDIRECT_IN":
            return Diagnosis("RedirectionNotSupported", ("<",), token.start, token.end, False)
        if kind == "SPLAT":
            name = token.value.variable_path
            return Diagnosis("SplattingNotPermitted", (name, name), token.start, token.end, False)
        states, values = self._normalize(states, values)
        found = self._expected(states, values, token)
        if found is not None:
            return found
        can_shift = self.tables.can_shift
        complete = any(can_shift(states, terminator) for terminator in ("_NL", "_SEMI", "RPAREN", "RBRACE"))
        if complete and kind not in TERMINATORS:
            return self._misplaced(states, token)
        found = self._open_bracket(states, values, token)
        if found is not None:
            return found
        if kind == "$END":
            return Diagnosis("UnexpectedToken", ("",), token.start, token.end, True)
        return self._unexpected(token)

    def _misplaced(self, states, token):
        """A token after a finished element that cannot continue it."""
        kind = token.type
        state = states[-1]
        if self.tables.modes[state] is None:
            self.tables.describe(state)
        accepts = self.tables.accepts[state]
        command = "GENERIC" in accepts or "PARAMETER" in accepts
        if command and kind in ("COMMA", "UCOMMA"):
            return Diagnosis("MissingArgument", (), token.start, token.end, False)
        if command and kind == "AMPERSAND":
            return Diagnosis("AmpersandNotAllowed", (), token.start, token.end, False)
        if kind == "SPLAT":
            name = token.value.variable_path
            return Diagnosis("SplattingNotPermitted", (name, name), token.start, token.end, False)
        return self._unexpected(token)

    # ---------------------------------------------------------------- what the top state expected

    def _expected(self, states, values, token):
        best = None
        for name, origin, expansion, dot in self._items(states[-1]):
            if dot == 0:
                continue
            prev = expansion[dot - 1]
            nxt = expansion[dot] if dot < len(expansion) else None
            matched = values[len(values) - dot :]
            found = self._expected_item(name, origin, prev, nxt, matched, values, token)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best[1] if best is not None else None

    def _expected_item(self, name, origin, prev, nxt, matched, values, token):
        """``(priority, Diagnosis)`` for one kernel item, or None."""
        kind = token.type
        last = matched[-1]
        end = _end(last)
        if prev in ("BINOP", "PLUS", "MINUS") and nxt in ("array_expression", "unary_expression"):
            return 9, self._after("ExpectedValueExpression", end, self._text(last))
        if prev in _UNARY and nxt == "unary_expression":
            return 9, self._after("MissingExpressionAfterOperator", end, self._text(last))
        if prev == "COMMA" and nxt is not None:
            if origin.startswith("__command") or origin.startswith("command"):
                return 8, self._after("MissingExpression", end, ",")
            if "catch" in origin:
                return 8, self._after("MissingTypeLiteralToken", end)
            return 8, self._after("MissingExpressionAfterToken", end, ",")
        if name == "assignment" and prev in ("EQUALS", "ASSIGNOP"):
            return 9, self._after("ExpectedValueExpression", end, self._text(last))
        if name == "hash_entry":
            if prev == "EQUALS":
                return 9, self._after("MissingStatementInHashLiteral", end)
            if nxt == "EQUALS":
                return 9, self._after("MissingEqualsInHashLiteral", end, report=True)
        if name == "named_attribute_argument" and prev == "EQUALS":
            return 9, self._after("MissingExpressionInNamedArgument", end)
        if name == "parameter_colon" and prev == "PARAMETER_COLON":
            if kind == "COMMA":  # `-Name:,x`: PowerShell takes no colon argument before a comma
                return 9, Diagnosis("MissingArgument", (), token.start, token.end, False)
            return 9, self._after("ParameterRequiresArgument", end, self._text(last), report=True)
        if name == "redirection" and prev == "REDIRECTION":
            return 9, self._after("MissingFileSpecification", end, report=True)
        if name == "invoked_command" and prev == "INVOKE":
            return 9, self._on("MissingExpression", last, self._text(last), report=True)
        if prev == "PIPE" and nxt == "command":
            if kind in _OPERAND_STARTS:
                return 9, Diagnosis("ExpressionsMustBeFirstInPipeline", (), token.start, token.end, False)
            return 9, self._after("EmptyPipeElement", end, detected=token.start)
        if name == "index_expression" and prev == "LBRACKET":
            return 9, self._after("MissingArrayIndexExpression", end)
        if name == "paren_expression" and prev == "LPAREN":
            return 9, self._after("ExpectedExpression", end)
        return self._statement_item(name, prev, nxt, matched, token)

    def _statement_item(self, name, prev, nxt, matched, token):
        last = matched[-1]
        end = _end(last)
        if name in ("if_statement", "elseif_clause"):
            word = self._text(matched[0])
            if prev in ("IF", "ELSEIF"):
                return 9, self._after("MissingOpenParenthesisInIfStatement", end, word)
            if prev == "LPAREN":
                return 9, self._after("IfStatementMissingCondition", end, word)
            if prev == "RPAREN" and nxt == "statement_block":
                return 9, self._on("MissingStatementBlock", last, word, detected=token.start)
        if name == "else_clause" and prev == "ELSE":
            return 9, self._after("MissingStatementBlockAfterElse", end)
        if name == "foreach_statement":
            if prev == "FOREACH":
                return 9, self._after("MissingOpenParenthesisAfterKeyword", end, "foreach")
            if prev == "LPAREN":
                return 9, self._after("MissingVariableNameAfterForeach", end)
            if prev == "VARIABLE":
                return 9, self._after("MissingInInForeach", end)
            if prev == "IN":
                return 9, self._after("MissingForeachExpression", end)
            if prev == "RPAREN":
                return 9, self._after("MissingForeachStatement", end)
        if name == "while_statement":
            if prev == "WHILE":
                return 9, self._after("MissingOpenParenthesisAfterKeyword", end, self._text(last))
            if prev == "LPAREN":
                return 9, self._after("MissingExpressionAfterKeyword", end, "while")
            if prev == "RPAREN":
                return 9, self._after("MissingLoopStatement", end, "while")
        if name == "do_statement":
            if prev == "DO":
                return 9, self._after("MissingLoopStatement", end, "do")
            if prev == "statement_block":
                return 9, self._after("MissingWhileOrUntilInDoWhile", end)
            if prev in ("WHILE", "UNTIL"):
                return 9, self._after("MissingOpenParenthesisAfterKeyword", end, prev.lower())
            if prev == "LPAREN":
                return 9, self._after("MissingExpressionAfterKeyword", end, matched[2].type.lower())
        if name == "for_statement":
            if prev == "FOR":
                return 9, self._after("MissingOpenParenthesisAfterKeyword", end, "for")
            if prev == "RPAREN":
                return 9, self._after("MissingLoopStatement", end, "for")
        if name == "switch_statement":
            if prev in ("SWITCH", "PARAMETER") and token.type not in ("PARAMETER", "LPAREN"):
                return 9, self._after("PipelineValueRequired", end)
            if nxt == "LBRACE":
                return 9, self._after("MissingCurlyBraceInSwitchStatement", end)
            if "LBRACE" in matched_types(matched) and token.type not in TERMINATORS:
                return 7, self._after("MissingSwitchConditionExpression", self._last_end(matched))
        if name == "switch_value" and prev == "LPAREN":
            return 9, self._after("PipelineValueRequired", end)
        if name == "switch_clause" and nxt == "switch_clause_block":
            return 9, self._after("MissingSwitchStatementClause", end)
        if name == "try_statement":
            if prev == "TRY":
                return 9, self._after("MissingTryStatementBlock", end)
            if prev == "statement_block":
                return 8, self._after("MissingCatchOrFinally", end)
        if name == "catch_clause" and (nxt == "statement_block" or prev == "CATCH"):
            return 9, self._after("MissingCatchHandlerBlock", end)
        if name == "finally_clause" and prev == "FINALLY":
            return 9, self._after("MissingFinallyStatementBlock", end)
        if name == "trap_statement" and (nxt == "statement_block" or prev == "TRAP"):
            return 9, self._after("MissingTrapStatement", end)
        if name == "function_definition":
            if prev in ("FUNCTION", "FILTER"):
                return 9, self._after("MissingNameAfterKeyword", end, self._text(last))
            if prev in ("FUNCNAME", "RPAREN") and token.type != "LPAREN":
                return 9, self._after("MissingFunctionBody", end)
        if name == "named_block" and nxt == "statement_block":
            return 9, self._after("MissingNamedStatementBlock", end, prev.lower())
        if name == "param_block" and prev == "PARAM":
            return 9, self._after("MissingOpenParenthesisAfterKeyword", end, "param")
        return None

    # ---------------------------------------------------------------- open brackets

    def _open_bracket(self, states, values, token):
        """The innermost construct still waiting for its closing token."""
        last_end = self._last_end(values)
        for i in range(len(states) - 1, 0, -1):
            for name, _origin, expansion, dot in self._items(states[i]):
                found = self._missing_closer(name, expansion, dot, values[i - dot : i], token, last_end)
                if found is not None:
                    return found
        return None

    def _missing_closer(self, name, expansion, dot, matched, token, last_end):
        pair = _BRACKETS.get(name)
        if pair is None and name == "function_definition":
            pair = ("LBRACE", "RBRACE") if "LBRACE" in expansion[:dot] else ("LPAREN", "RPAREN")
        if pair is None:
            return None
        opener, closer = pair
        if name == "expandable_string":
            if dot == 0:
                return None
            start = _start(matched[0])
            return Diagnosis("TerminatorExpectedAtEndOfString", ('"',), start, self.length, True)
        if opener not in expansion[:dot]:
            return None
        open_index = expansion.index(opener)
        if closer not in expansion[open_index + 1 :]:
            return None
        close_index = expansion.index(closer, open_index + 1)
        if not open_index < dot <= close_index:
            return None
        detected = token.start
        opening = matched[open_index]
        if closer == "RBRACE" and name != "hashtable":
            return self._on("MissingEndCurlyBrace", opening, detected=detected)
        if name == "hashtable":
            return self._after("IncompleteHashLiteral", last_end, detected=detected)
        if name == "paren_expression":
            return self._after("MissingEndParenthesisInExpression", last_end, detected=detected)
        if name in ("sub_expression", "array_expression"):
            return self._on("MissingEndParenthesisInSubexpression", token)
        if name == "index_expression":
            return self._after("MissingEndSquareBracket", last_end, detected=detected)
        if name in ("invoke_member", "attribute"):
            return self._after("MissingEndParenthesisInMethodCall", last_end, detected=detected)
        if name in ("if_statement", "elseif_clause"):
            return self._on("MissingEndParenthesisAfterStatement", token, self._text(matched[0]))
        if name == "while_statement":
            return self._after("MissingEndParenthesisAfterStatement", last_end, "while", detected=detected)
        if name == "do_statement":
            keyword = matched[2].type.lower()
            return self._after("MissingEndParenthesisAfterStatement", last_end, keyword, detected=detected)
        if name == "for_statement":
            return self._after("MissingEndParenthesisAfterStatement", last_end, "for", detected=detected)
        if name == "foreach_statement":
            return self._after("MissingEndParenthesisAfterForeach", last_end, detected=detected)
        if name == "switch_value":
            return self._after("MissingEndParenthesisInSwitchStatement", last_end, detected=detected)
        return self._after("MissingEndParenthesisInFunctionParameterList", last_end, detected=detected)


def matched_types(matched) -> list:
    return [getattr(item, "type", None) for item in matched]
