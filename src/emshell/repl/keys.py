"""Key bindings of the input line, as PSReadLine binds them in Windows mode.

Tab / Shift+Tab complete inline and cycle (``TabCycle``); Ctrl+Space opens the menu of every
candidate; Enter runs the input when it is complete and otherwise opens a ``>> `` line (an open
brace, quote or here-string, a trailing pipe or backtick); Escape clears the line.  Ctrl-C
(cancel the line) and Ctrl-D on an empty line (leave) are prompt-toolkit's own.
"""

from __future__ import annotations

from emshell.repl.continuation import is_complete

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from emshell.repl.tabcycle import TabCycle


def key_bindings(cycle: TabCycle):
    from prompt_toolkit.document import Document
    from prompt_toolkit.filters import has_completions
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    def _apply(buffer, result) -> None:
        if result is None:
            return
        text, cursor = result
        buffer.document = Document(text, cursor)

    @bindings.add("tab")
    def _tab(event) -> None:
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_next()
            return
        _apply(buffer, cycle.next(buffer.text, buffer.cursor_position))

    @bindings.add("s-tab")
    def _shift_tab(event) -> None:
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_previous()
            return
        _apply(buffer, cycle.previous(buffer.text, buffer.cursor_position))

    @bindings.add("c-space")
    def _menu(event) -> None:
        cycle.reset()
        event.current_buffer.start_completion(select_first=False)

    @bindings.add("enter", filter=has_completions)
    def _take_completion(event) -> None:
        buffer = event.current_buffer
        buffer.complete_state = None  # keep the candidate chosen in the menu

    @bindings.add("enter", filter=~has_completions)
    def _enter(event) -> None:
        buffer = event.current_buffer
        if is_complete(buffer.text):
            buffer.validate_and_handle()
        else:
            buffer.insert_text("\n")

    @bindings.add("escape", eager=True)
    def _escape(event) -> None:
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.cancel_completion()
        else:
            buffer.reset()

    return bindings
