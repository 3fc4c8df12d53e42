"""The OPATH filters of ``-Filter`` on the recipient cmdlets (Get-Mailbox, Get-UMMailbox, ...).

A small subset of Exchange's OPATH: ``Property -op Value`` comparisons (``-eq -ne -like
-notlike -gt -ge -lt -le``) joined with ``-and`` / ``-or``, negated with ``-not``, grouped with
parentheses.  Values are ``'quoted'`` or ``"quoted"`` text, ``$true``, ``$false``, ``$null``,
numbers or bare words.  A filter given as a script block (``{UMEnabled -eq $true}``) arrives as
its text; the braces are optional.  Text compares without regard to case; a multi-valued
property matches when one of its values does.

Exchange's exact wording of a bad filter is not public: the messages below are paraphrases.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

COMPARISONS = ("-eq", "-ne", "-like", "-notlike", "-gt", "-ge", "-lt", "-le")


class FilterError(Exception):
    """A filter that does not parse, or names a property the objects do not have."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Filter:
    """A parsed filter: ``matches(get)`` where ``get(name)`` reads a property (KeyError when the
    object has no such property)."""

    __slots__ = ("text", "test")

    def __init__(self, text: str, test: Callable[[Callable[[str], Any]], bool]):
        self.text = text
        self.test = test

    def matches(self, get: Callable[[str], Any]) -> bool:
        return self.test(get)


def parse(text: Any) -> Filter:
    source = str(text).strip()
    if source.startswith("{") and source.endswith("}"):
        source = source[1:-1].strip()
    parser = _Parser(source)
    test = parser.expression()
    if parser.peek() is not None:
        raise parser.invalid()
    return Filter(source, test)


def _tokens(text: str) -> list[tuple[int, str]]:
    tokens: list[tuple[int, str]] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append((index, char))
            index += 1
        elif char in "'\"":
            end = index + 1
            value = []
            while True:
                if end >= len(text):
                    raise FilterError(f'Invalid filter syntax: a quoted value isn\'t closed. "{text}" at position '
                                      f"{index + 1}.")  # fmt: skip
                if text[end] == char:
                    if end + 1 < len(text) and text[end + 1] == char:  # '' inside '...'
                        value.append(char)
                        end += 2
                        continue
                    break
                value.append(text[end])
                end += 1
            tokens.append((index, char + "".join(value)))
            index = end + 1
        else:
            end = index
            while end < len(text) and not text[end].isspace() and text[end] not in "()'\"":
                end += 1
            tokens.append((index, text[index:end]))
            index = end
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text)
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise self.invalid()
        self.position += 1
        return token

    def invalid(self) -> FilterError:
        where = self.tokens[self.position][0] + 1 if self.position < len(self.tokens) else len(self.text) + 1
        return FilterError(f'Invalid filter syntax. For a description of the filter parameter syntax see the command '
                           f'help.\n"{self.text}" at position {where}.')  # fmt: skip

    def expression(self) -> Callable[[Callable[[str], Any]], bool]:
        parts = [self.conjunction()]
        while (self.peek() or "").lower() == "-or":
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else (lambda get: any(p(get) for p in parts))

    def conjunction(self) -> Callable[[Callable[[str], Any]], bool]:
        parts = [self.negation()]
        while (self.peek() or "").lower() == "-and":
            self.take()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else (lambda get: all(p(get) for p in parts))

    def negation(self) -> Callable[[Callable[[str], Any]], bool]:
        token = self.peek()
        if token is not None and token.lower() == "-not":
            self.take()
            inner = self.negation()
            return lambda get: not inner(get)
        if token == "(":
            self.take()
            inner = self.expression()
            if self.take() != ")":
                self.position -= 1
                raise self.invalid()
            return inner
        return self.comparison()

    def comparison(self) -> Callable[[Callable[[str], Any]], bool]:
        name = self.take()
        if name.startswith(("-", "'", '"', "(", ")")):
            self.position -= 1
            raise self.invalid()
        operator = self.take().lower()
        if operator not in COMPARISONS:
            self.position -= 1
            raise self.invalid()
        value = _value(self.take())

        def test(get: Callable[[str], Any]) -> bool:
            try:
                actual = get(name)
            except KeyError:
                raise FilterError(f"The property '{name}' can't be used in a filter: it isn't a property of the "
                                  f"objects this command returns.") from None  # fmt: skip
            return _compare(actual, operator, value)

        return test


_NULL = object()


def _value(token: str) -> Any:
    if token[:1] in ("'", '"'):
        return token[1:]
    lowered = token.lower()
    if lowered == "$true":
        return True
    if lowered == "$false":
        return False
    if lowered == "$null":
        return _NULL
    return token


def _items(actual: Any) -> list[Any]:
    if isinstance(actual, (list, tuple)):
        return list(actual)
    return [actual]


def _compare(actual: Any, operator: str, wanted: Any) -> bool:
    if operator in ("-ne", "-notlike"):
        return not _compare(actual, {"-ne": "-eq", "-notlike": "-like"}[operator], wanted)
    if wanted is _NULL:
        if operator != "-eq":
            return False
        return actual is None or (isinstance(actual, (list, tuple)) and not actual) or str(actual) == ""
    return any(_compare_one(item, operator, wanted) for item in _items(actual))


def _compare_one(item: Any, operator: str, wanted: Any) -> bool:
    if item is None:
        return False
    if isinstance(wanted, bool) or isinstance(item, bool):
        if operator != "-eq":
            return False
        return str(item).lower() == str(wanted).lower().lstrip("$")
    if operator == "-like":
        import fnmatch

        pattern = str(wanted).lower().replace("[", "[[]")
        return fnmatch.fnmatchcase(str(item).lower(), pattern)
    left, right = _ordered_pair(item, wanted)
    if operator == "-eq":
        return left == right
    if operator == "-gt":
        return left > right
    if operator == "-ge":
        return left >= right
    if operator == "-lt":
        return left < right
    return left <= right


def _ordered_pair(item: Any, wanted: Any) -> tuple[Any, Any]:
    """Numbers compare as numbers, everything else as text without regard to case."""
    try:
        number = float(str(item))
        return number, float(str(wanted))
    except ValueError:
        return str(item).lower(), str(wanted).lower()
