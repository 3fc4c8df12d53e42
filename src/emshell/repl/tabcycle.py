"""PSReadLine's Windows-mode Tab: complete inline, and cycle through the candidates.

The first Tab replaces the word before the cursor with the first candidate; each further Tab
(with nothing typed in between) puts the next one in its place, Shift+Tab the previous one,
wrapping around.  Typing anything, or moving the cursor, starts afresh.  This class works on
plain text and cursor offsets; ``emshell.repl.keys`` wires it to the keyboard.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Callable

    from emshell.repl.candidates import Candidate


class TabCycle:
    def __init__(self, complete: Callable[[str], tuple[int, list[Candidate]]]):
        self.complete = complete  # text before the cursor -> (start of the word, candidates)
        self._before = ""  # the text before the replaced word
        self._after = ""  # the text after the cursor
        self._candidates: list[Candidate] = []
        self._index = -1
        self._expected: tuple[str, int] | None = None  # the line as the last Tab left it

    def reset(self) -> None:
        self._expected = None

    def next(self, text: str, cursor: int) -> tuple[str, int] | None:
        """Tab: the new line and cursor, or None when there is nothing to complete."""
        return self._step(text, cursor, +1)

    def previous(self, text: str, cursor: int) -> tuple[str, int] | None:
        """Shift+Tab."""
        return self._step(text, cursor, -1)

    def _step(self, text: str, cursor: int, step: int) -> tuple[str, int] | None:
        if self._expected != (text, cursor) or not self._candidates:
            start, candidates = self.complete(text[:cursor])
            if not candidates:
                self._expected = None
                return None
            self._before = text[:start]
            self._after = text[cursor:]
            self._candidates = candidates
            self._index = 0 if step > 0 else len(candidates) - 1
        else:
            self._index = (self._index + step) % len(self._candidates)
        inserted = self._before + self._candidates[self._index].text
        result = (inserted + self._after, len(inserted))
        self._expected = result
        return result
