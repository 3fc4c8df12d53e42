"""Property expressions: ``Name``, ``Na*``, ``{ $_.A + 1 }`` and ``@{n='X'; e={...}}``.

Select-Object, Sort-Object, Group-Object, Measure-Object and the Format-* cmdlets all accept
the same property arguments (PowerShell's ``PSPropertyExpression``); this module resolves them
against an object so every cmdlet reads them the same way.
"""

from __future__ import annotations

from emshell.engine.errors import PSError, new_error
from emshell.engine.psobject import Hashtable, property_names
from emshell.engine.scriptblock import ScriptBlock

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def is_wildcard(text: str) -> bool:
    return any(ch in text for ch in "*?[")


class PropertyExpression:
    """One resolved property argument: a label and a way to compute the value."""

    __slots__ = ("label", "name", "script_block", "format_string", "width", "alignment", "is_calculated")

    def __init__(self, label: str, name: str | None = None, script_block: ScriptBlock | None = None, *,
                 format_string: str | None = None, width: int | None = None,
                 alignment: str | None = None):  # fmt: skip
        self.label = label
        self.name = name  # a plain property name (possibly with wildcards)
        self.script_block = script_block
        self.format_string = format_string
        self.width = width
        self.alignment = alignment
        self.is_calculated = script_block is not None

    def names_for(self, obj: Any) -> list[str]:
        """The concrete property names this expression stands for on ``obj``."""
        if self.name is None:
            return [self.label]
        if is_wildcard(self.name):
            from emshell.engine.operators import compile_wildcard

            pattern = compile_wildcard(self.name)
            return [name for name in all_property_names(obj) if pattern.fullmatch(name)]
        return [self.name]

    def evaluate(self, obj: Any, invoke: Callable[[ScriptBlock, Any], list]) -> Any:
        """The value on ``obj``: a property read, or the script block run with ``$_ = obj``."""
        if self.script_block is not None:
            result = invoke(self.script_block, obj)
            if not result:
                return None
            return result[0] if len(result) == 1 else result
        return get_property(obj, self.name or self.label)


_LABEL_KEYS = ("name", "label")
_EXPRESSION_KEYS = ("expression",)


def _key(table: Hashtable, keys: tuple[str, ...], allowed: tuple[str, ...]) -> Any:
    """The value under any unambiguous prefix of one of ``keys`` (``e`` for Expression,
    ``a`` for Alignment ...), as PowerShell's hashtable property parameters accept."""
    for key in table.keys():
        lower = str(key).lower()
        matches = [full for full in allowed if full.startswith(lower)]
        if lower in ("n", "l") and "name" in allowed:
            matches = ["name"] if lower == "n" else ["label"]
        if len(matches) == 1 and matches[0] in keys:
            return table[key]
    return None


def parse_property_argument(item: Any, *, allowed_keys: tuple[str, ...] = ("name", "label", "expression",
                            "formatstring", "width", "alignment", "ascending", "descending")
                            ) -> PropertyExpression:  # fmt: skip
    """A property argument as a cmdlet received it: string, script block or hashtable."""
    from emshell.engine.primitives import to_string

    if isinstance(item, ScriptBlock):
        return PropertyExpression(item.text.strip(), script_block=item)
    if isinstance(item, Hashtable):
        for key in item.keys():
            lower = str(key).lower()
            if not any(full.startswith(lower) for full in allowed_keys):
                raise PSError(new_error(
                    "NotSupportedException", f'The "{key}" key is not valid.',
                    "DictionaryKeyUnknownKey", "InvalidArgument",
                ))  # fmt: skip
        expression = _key(item, _EXPRESSION_KEYS, allowed_keys)
        label = _key(item, _LABEL_KEYS, allowed_keys)
        if expression is None:
            raise PSError(new_error(
                "NotSupportedException", 'The "Expression" key is missing.', "DictionaryKeyMissingKey",
                "InvalidArgument",
            ))  # fmt: skip
        width = _key(item, ("width",), allowed_keys)
        common = {
            "format_string": _key(item, ("formatstring",), allowed_keys),
            "width": int(width) if width is not None else None,
            "alignment": _key(item, ("alignment",), allowed_keys),
        }
        if isinstance(expression, ScriptBlock):
            return PropertyExpression(to_string(label) if label is not None else expression.text.strip(),
                                      script_block=expression, **common)  # fmt: skip
        name = to_string(expression)
        return PropertyExpression(to_string(label) if label is not None else name, name, **common)
    name = to_string(item)
    return PropertyExpression(name, name)


def all_property_names(obj: Any) -> list[str]:
    """The names Select-Object * and Format-List * show for ``obj``."""
    if isinstance(obj, Hashtable):
        return list(property_names(obj))
    names = list(property_names(obj))
    if names:
        return names
    if isinstance(obj, str):
        return ["Length"]
    return []


def get_property(obj: Any, name: str) -> Any:
    """Read a property the way a script's ``$obj.Name`` would (missing -> $null)."""
    from emshell.engine.members import get_member

    try:
        return get_member(obj, name)
    except PSError:
        return None


def expand_properties(obj: Any, expressions: list[PropertyExpression],
                      invoke: Callable[[ScriptBlock, Any], list]) -> list[tuple[str, Any]]:  # fmt: skip
    """(label, value) pairs for ``obj``: wildcards expanded, calculated values computed."""
    pairs: list[tuple[str, Any]] = []
    seen: set[str] = set()
    for expression in expressions:
        if expression.is_calculated:
            pairs.append((expression.label, expression.evaluate(obj, invoke)))
            continue
        for name in expression.names_for(obj):
            label = name if is_wildcard(expression.label) else expression.label
            if label.lower() in seen:
                continue
            seen.add(label.lower())
            pairs.append((label, get_property(obj, name)))
    return pairs
