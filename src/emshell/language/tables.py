"""The LALR tables for the PowerShell grammar: built once with Lark, cached with ``marshal``.

Importing Lark costs more than the whole start-up budget of ``emshell -c``, so at run time
the parser never imports it.  The first use compiles ``grammar/powershell.lark`` with Lark's
LALR analyser (``strict=True``: no conflicts), stores the action/goto table and what the
driver needs about each rule in ``_tables.<key>.marshal`` next to this module (or in the
user's cache directory when the package is read-only), and later runs just load that file.
The key hashes the grammar text, the Lark version and ``FORMAT``.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib

FORMAT = 4  # bump when the cached structure or its meaning changes

_HERE = os.path.dirname(os.path.abspath(__file__))
_PACKAGE_CACHE = _HERE  # first choice for the cache file; the user's cache directory is second

# Rule kinds for the driver.
CALL, EXPAND1, INLINE, UNIT, ATOM = range(5)


def grammar_path() -> str:
    """``grammar/powershell.lark``: packaged next to ``emshell`` or at the source-tree root."""
    package = os.path.dirname(_HERE)
    candidates = (
        os.path.join(package, "grammar", "powershell.lark"),
        os.path.join(os.path.dirname(os.path.dirname(package)), "grammar", "powershell.lark"),
    )
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    raise FileNotFoundError("grammar/powershell.lark not found next to the emshell package")


def grammar_text() -> str:
    with open(grammar_path(), encoding="utf-8") as handle:
        return handle.read()


def lark_version() -> str:
    """Lark's version without importing it (read from its ``__init__.py``); "" if absent."""
    module = sys.modules.get("lark")
    if module is not None:
        return getattr(module, "__version__", "")
    for entry in sys.path:
        init = os.path.join(entry or ".", "lark", "__init__.py")
        if os.path.isfile(init):
            with open(init, encoding="utf-8") as handle:
                m = re.search(r"__version__\s*[:=][^'\"]*['\"]([^'\"]+)", handle.read(4096))
            return m.group(1) if m else ""
    return ""


def cache_key(text: str, version: str) -> str:
    return f"{FORMAT}-{zlib.crc32(text.encode('utf-8')):08x}-{version or 'nolark'}"


def _cache_dirs() -> list[str]:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [_PACKAGE_CACHE, os.path.join(base, "emshell")]


def load() -> dict:
    """The tables for the current grammar, from the cache or freshly built."""
    text = grammar_text()
    version = lark_version()
    key = cache_key(text, version)
    name = f"_tables.{key}.marshal"
    for directory in _cache_dirs():
        path = os.path.join(directory, name)
        try:
            with open(path, "rb") as handle:
                payload = handle.read()  # marshal.load on a file object is ~10x slower than loads
            data = marshal.loads(payload)
        except (OSError, EOFError, ValueError, TypeError):
            continue
        if isinstance(data, dict) and data.get("key") == key:
            return data
    if not version:
        raise RuntimeError("the parser tables are not built and Lark is not installed to build them")
    from emshell.language.driver import derive

    data = build(text)
    data["key"] = key
    data["derived"] = derive(data)
    _store(name, data)
    return data


def _store(name: str, data: dict) -> None:
    payload = marshal.dumps(data)
    for directory in _cache_dirs():
        try:
            os.makedirs(directory, exist_ok=True)
            temporary = os.path.join(directory, f"{name}.{os.getpid()}.tmp")
            with open(temporary, "wb") as handle:
                handle.write(payload)
            os.replace(temporary, os.path.join(directory, name))
            return
        except OSError:
            continue


def build(text: str) -> dict:
    """Compile the grammar with Lark and extract what the driver needs (imports Lark)."""
    from lark import Lark
    from lark.common import ParserConf
    from lark.parsers.lalr_analysis import LALR_Analyzer, Shift

    from emshell.language.lark_adapter import LarkLexer

    lark = Lark(text, parser="lalr", lexer=LarkLexer, strict=True, maybe_placeholders=False)
    rules = list(lark.rules)
    rule_index = {rule: i for i, rule in enumerate(rules)}
    analyzer = LALR_Analyzer(ParserConf(rules, {}, ["start"]), debug=True, strict=True)
    analyzer.compute_lalr()
    table = analyzer.parse_table

    kernels_by_closure = {itemset.closure: itemset.kernel for itemset in analyzer.lr0_itemsets}

    def kernel_key(closure):
        return sorted(str(item) for item in kernels_by_closure.get(closure, ()))

    start_closure = table.start_states["start"]
    ordered = sorted(table.states, key=lambda closure: (closure != start_closure, kernel_key(closure)))
    number = {closure: i for i, closure in enumerate(ordered)}

    actions = []
    kernels = []
    for closure in ordered:
        row = {}
        for symbol, (action, argument) in table.states[closure].items():
            if action is Shift:
                row[str(symbol)] = number[argument]
            else:
                row[str(symbol)] = ~rule_index[argument]
        actions.append(row)
        kernels.append(
            tuple(
                sorted(
                    (rule_index[item.rule], item.index)
                    for item in kernels_by_closure.get(closure, ())
                    if item.rule in rule_index
                )
            )
        )

    rule_rows = []
    for rule in rules:
        rule_rows.append(_rule_row(rule))
    return {
        "format": FORMAT,
        "start": number[start_closure],
        "end": number[table.end_states["start"]],
        "actions": actions,
        "rules": rule_rows,
        "kernels": kernels,
        "expansions": [tuple(str(symbol.name) for symbol in rule.expansion) for rule in rules],
    }


def _rule_row(rule) -> tuple:
    """``(origin, length, callback name, kind, plan)`` -- Lark's tree-shaping rules, replayed.

    ``plan`` lists the children the callback receives, as ``(index, inline)`` pairs (``inline``:
    splice that child's list), or is None when every child is passed as is.
    """
    expansion = rule.expansion
    plan = []
    for i, symbol in enumerate(expansion):
        if symbol.is_term and symbol.filter_out and not rule.options.keep_all_tokens:
            continue
        plan.append((i, (not symbol.is_term) and symbol.name.startswith("_")))
    if len(plan) == len(expansion) and not any(inline for _, inline in plan):
        plan = None
    else:
        plan = tuple(plan)
    origin = str(rule.origin.name)
    name = rule.alias or rule.options.template_source or origin
    if origin.startswith("_"):
        kind = INLINE
    elif rule.options.expand1 and not rule.alias:
        kind = UNIT if plan is None and len(expansion) == 1 else EXPAND1
    elif name == "atom" and len(expansion) == 1:
        kind = ATOM
    else:
        kind = CALL
    return (origin, len(expansion), str(name), kind, plan)
