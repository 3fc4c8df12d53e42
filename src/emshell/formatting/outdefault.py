"""Out-Default, Out-Host, Out-String and Out-File's renderer: objects in, console text out.

``OutDefault`` is fed one object at a time.  Raw objects go through format-default (a
``FormatGenerator`` with no shape) and every format record, whether made here or by a
Format-* cmdlet upstream, goes to the ``FormatWriter``.  ``process`` returns the text to show
now -- possibly '' while a table is being measured -- and ``end`` the rest.
"""

from __future__ import annotations

from emshell.formatting import records as fr
from emshell.formatting.generator import FormatGenerator
from emshell.formatting.writer import FormatWriter

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def _text(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


class OutDefault:
    """A stateful renderer for one pipeline's output.

    ``width`` is the console buffer width.  The console (``console=True``) lays text out on
    ``width - 1`` columns, as 5.1's ConsoleLineOutput does so the last column is never written;
    Out-String and Out-File (``console=False``) use the full width.
    """

    def __init__(self, width: int, enumeration_limit: int = 16, *, console: bool = True,
                 invoke: Callable[[Any, Any], list] | None = None):  # fmt: skip
        self.width = width
        self.enumeration_limit = enumeration_limit
        self.invoke = invoke
        self.columns = width - 1 if console else width
        self.writer = FormatWriter(self.columns)
        self.generator: FormatGenerator | None = None

    def _generator(self) -> FormatGenerator:
        if self.generator is None:
            self.generator = FormatGenerator(None, None, self.enumeration_limit, self.invoke, self.width)
        return self.generator

    def records(self, obj: Any) -> list[fr.FormatRecord]:
        """The format records for ``obj``: its own, when it is one, else format-default's."""
        if isinstance(obj, fr.FormatRecord):
            out: list[fr.FormatRecord] = []
            if obj.kind == fr.START and self.generator is not None:
                # a new sequence closes what format-default had open (5.1 OutCommandInner)
                out.extend(self.generator.end())
                self.generator = None
            out.append(obj)
            return out
        return self._generator().process(obj)

    def process_lines(self, obj: Any) -> list[str]:
        lines: list[str] = []
        for record in self.records(obj):
            lines.extend(self.writer.feed(record))
        return lines

    def end_lines(self) -> list[str]:
        lines: list[str] = []
        if self.generator is not None:
            for record in self.generator.end():
                lines.extend(self.writer.feed(record))
            self.generator = None
        lines.extend(self.writer.flush())
        return lines

    def process(self, obj: Any) -> str:
        return _text(self.process_lines(obj))

    def end(self) -> str:
        return _text(self.end_lines())


def format_objects(objects: list, width: int = 120, enumeration_limit: int = 16, *, console: bool = True) -> str:
    """All of ``objects`` through one OutDefault: the text a pipeline would print."""
    out = OutDefault(width, enumeration_limit, console=console)
    return "".join(out.process(obj) for obj in objects) + out.end()
