"""The prompt-toolkit side of completion: candidates as ``Completion`` objects (Ctrl+Space menu)."""

from __future__ import annotations

from prompt_toolkit.completion import Completer, Completion

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from collections.abc import Iterator

    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from emshell.repl.candidates import CandidateSource


class ReplCompleter(Completer):
    def __init__(self, source: CandidateSource):
        self.source = source

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterator[Completion]:
        before = document.text_before_cursor
        start, candidates = self.source.complete_safely(before)
        for candidate in candidates:
            yield Completion(candidate.text, start_position=start - len(before), display=candidate.display,
                             display_meta=candidate.meta)  # fmt: skip
