"""Output exactly as EMS (Windows PowerShell 5.1) prints it: views, tables, lists, errors.

``OutDefault`` (the console renderer) is loaded on first use, so that importing
``emshell.formatting.error_view`` stays cheap.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time

if TYPE_CHECKING:
    from emshell.formatting.outdefault import OutDefault, format_objects

__all__ = ["OutDefault", "format_objects"]


def __getattr__(name: str):
    if name in __all__:
        from emshell.formatting import outdefault

        return getattr(outdefault, name)
    raise AttributeError(name)
