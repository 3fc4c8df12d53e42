"""Console colours: PowerShell's ConsoleColor names as ANSI escape sequences.

The Windows console palette has sixteen colours; the eight "Dark" ones map to ANSI's normal
colours and the eight bright ones to ANSI's bright colours (``Yellow`` is bright yellow, as in
the EMS window).  Colour is used only when the output is a terminal, ``TERM`` is not ``dumb``
and ``NO_COLOR`` is not set (https://no-color.org).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

FOREGROUND = {
    "black": 30, "darkblue": 34, "darkgreen": 32, "darkcyan": 36, "darkred": 31, "darkmagenta": 35,
    "darkyellow": 33, "gray": 37, "darkgray": 90, "blue": 94, "green": 92, "cyan": 96, "red": 91,
    "magenta": 95, "yellow": 93, "white": 97,
}  # fmt: skip
RESET = "\x1b[0m"

# The EMS console's colours for each stream (PowerShell 5.1's ConsoleHost defaults).
STREAM_COLORS = {"error": "Red", "warning": "Yellow", "verbose": "Yellow", "debug": "Yellow"}


def color_enabled(stream: Any, environ: Mapping[str, str]) -> bool:
    """Should text written to ``stream`` carry colour?"""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("TERM", "") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # a closed stream
        return False


def sgr(foreground: Any = None, background: Any = None) -> str:
    """The escape sequence that selects a ConsoleColor pair ('' for unknown or no colour)."""
    codes = []
    fg = FOREGROUND.get(str(foreground).lower()) if foreground is not None else None
    bg = FOREGROUND.get(str(background).lower()) if background is not None else None
    if fg is not None:
        codes.append(str(fg))
    if bg is not None:
        codes.append(str(bg + 10))
    return f"\x1b[{';'.join(codes)}m" if codes else ""


def paint(text: str, foreground: Any = None, background: Any = None) -> str:
    """``text`` in colour, each line coloured on its own so that no colour runs past a line end."""
    start = sgr(foreground, background)
    if not start or not text:
        return text
    lines = text.split("\n")
    return "\n".join(start + line + RESET if line else line for line in lines)
