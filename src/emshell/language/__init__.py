"""The PowerShell language front end: grammar, lexer, parser and syntax tree.

Public API (imported lazily, so ``import emshell.language`` costs nothing):

* ``parse(text, path=None) -> ScriptBlockAst`` -- raises ``emshell.engine.errors.ParseError``;
* ``parse_file(path, display_path=None) -> ScriptBlockAst`` and ``read_script(path) -> str``;
* ``render_parse_error(error, width=120) -> str`` -- the console text of a ParseError;
* ``tokenize(text) -> list[TokenInfo]`` -- tolerant tokens for highlighting and completion.
"""

from __future__ import annotations

_EXPORTS = {
    "parse": "emshell.language.parser",
    "parse_file": "emshell.language.parser",
    "read_script": "emshell.language.parser",
    "render_parse_error": "emshell.language.diagnostics",
    "tokenize": "emshell.language.tokens",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'emshell.language' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
