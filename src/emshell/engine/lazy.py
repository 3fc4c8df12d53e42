"""Modules imported on first use, for the start-up budget of ``emshell -c``.

``conversion = lazy_module(globals(), "conversion", "emshell.engine.conversion")`` binds a
stand-in that imports the real module the first time an attribute is read and then puts the
module itself in its place, so later reads cost what a normal module attribute costs.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _LazyModule:
    __slots__ = ("_namespace", "_name", "_module_name")

    def __init__(self, namespace: dict[str, Any], name: str, module_name: str):
        self._namespace = namespace
        self._name = name
        self._module_name = module_name

    def __getattr__(self, attribute: str) -> Any:
        import importlib

        module = importlib.import_module(self._module_name)
        self._namespace[self._name] = module
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._module_name}>"


def lazy_module(namespace: dict[str, Any], name: str, module_name: str) -> Any:
    """A stand-in for ``module_name`` bound as ``name`` in ``namespace``."""
    return _LazyModule(namespace, name, module_name)
