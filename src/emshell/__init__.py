"""emshell: an Exchange Management Shell emulator for Unified Messaging.

``Shell`` is the Python API (see ``emshell.shell``); ``emshell`` on the command line is the
console (see ``emshell.cli``).
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Shell", "Result", "__version__"]


def __getattr__(name: str):
    # Lazy, so that ``import emshell`` (and the CLI's start-up) stays cheap.
    if name in ("Shell", "Result"):
        from emshell import shell

        return getattr(shell, name)
    raise AttributeError(f"module 'emshell' has no attribute {name!r}")
