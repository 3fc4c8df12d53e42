"""The interactive shell: an EMS console window in the terminal, on prompt-toolkit.

``run_repl(org=..., opts=...)`` runs it and returns the exit code.  Only this function is
imported by ``emshell.cli``; prompt-toolkit, pygments and the completion machinery load when it
is called, never for ``emshell -c`` or a script run.

Modules: ``app`` (the read-run loop), ``host`` (console output and questions), ``banner``
(banner, tip, prompt, title), ``scanner`` / ``analysis`` / ``candidates`` / ``catalog``
(completion, without prompt-toolkit), ``tabcycle`` / ``keys`` / ``completer`` (the keyboard),
``continuation`` (is the input complete?), ``highlight`` (colouring), ``history``, ``colors``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from typing import Any


def run_repl(org: Any = None, opts: Any = None) -> int:
    """Run the interactive shell until ``exit`` or Ctrl-D; return the exit code."""
    from emshell.repl.app import Repl

    return Repl(org, opts).run()
