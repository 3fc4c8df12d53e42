"""Turning format records into lines: Windows PowerShell 5.1's OutCommandInner
(FormatAndOutput/common/BaseOutputtingCommand.cs).

The blank lines are the protocol's, not the views':

* format start: one empty line; format end: one empty line;
* group start: with a -GroupBy label, an empty line, the label, an empty line; then a table
  writes its header, a list and a wide view an empty line;
* each list entry is followed by an empty line; a group end writes an empty line;
* an out-of-band list (an object of another type inside a table) is framed by empty lines.

So a table reads: blank, header, dashes, rows, blank, blank; a list: blank, blank, entries
each followed by a blank, then blank, blank (the EMS capture in ems-behaviour.md 4.1 shows
the table form).

Tables whose first column has no width (every generated table) are sized from their data:
5.1 waits up to 300 ms for a group's objects, then takes for each column the widest of the
label and the values.  emshell's objects arrive at once, so the whole group is measured.
``-AutoSize`` does the same for any table and for wide views.
"""

from __future__ import annotations

from emshell.formatting import records as fr
from emshell.formatting.layout import (
    TableLayout,
    best_items_per_row,
    complex_lines,
    list_lines,
)
from emshell.formatting.text import cell_len
from emshell.formatting.values import ALIGN_LEFT

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from emshell.formatting.records import FormatRecord


class FormatWriter:
    """Renders a stream of format records on a screen ``columns`` characters wide (the
    console uses its buffer width minus one; Out-String and Out-File the full width)."""

    def __init__(self, columns: int):
        self.columns = columns
        self.start: FormatRecord | None = None
        self.caching = False  # once enabled, 5.1 keeps caching groups for this outputter
        self.queue: list[FormatRecord] | None = None
        self.hint: list[int] | int | None = None
        self._table: TableLayout | None = None
        self._wide_buffer: list[str] = []
        self._wide_size = 0

    # ------------------------------------------------------------------ protocol

    def feed(self, record: FormatRecord) -> list[str]:
        """Lines ready to show after ``record`` (none while a group is being measured)."""
        if record.kind == fr.START and self._needs_caching(record):
            self.caching = True
        lines: list[str] = []
        for ready in self._cache(record):
            lines.extend(self._render(ready))
        return lines

    def flush(self) -> list[str]:
        """At the end of output: whatever is still queued, unmeasured."""
        queued, self.queue = self.queue or [], None
        lines: list[str] = []
        for record in queued:
            lines.extend(self._render(record))
        return lines

    def _needs_caching(self, record: FormatRecord) -> bool:
        if record.autosize:
            return record.shape in ("table", "wide")
        return record.shape == "table" and bool(record.columns) and record.columns[0].width == 0

    def _cache(self, record: FormatRecord) -> list[FormatRecord]:
        """``OutputGroupQueue``: hold a group until its end, then measure it."""
        if record.kind == fr.START:
            self.start = record
        if not self.caching:
            return [record]
        if self.queue is None:
            if record.kind == fr.GROUP_START:
                self.queue = [record]
                return []
            return [record]
        self.queue.append(record)
        if record.kind != fr.GROUP_END:
            return []
        queued, self.queue = self.queue, None
        self.hint = self._measure(queued)
        return queued

    def _measure(self, group: list[FormatRecord]) -> list[int] | int | None:
        start = self.start
        if start is None:
            return None
        if start.shape == "table" and start.columns:
            widths = [cell_len(column.label) for column in start.columns]
            for record in group:
                if record.kind != fr.ENTRY or record.out_of_band or record.shape != "table":
                    continue
                for k, (text, _alignment) in enumerate(record.payload[: len(widths)]):
                    widths[k] = max(widths[k], cell_len(text))
            return widths
        if start.shape == "wide" and not start.wide_columns:
            longest = 0
            for record in group:
                if record.kind == fr.ENTRY and not record.out_of_band and record.payload:
                    longest = max(longest, cell_len(record.payload))
            return longest
        return None

    # ------------------------------------------------------------------ rendering

    def _render(self, record: FormatRecord) -> list[str]:
        kind = record.kind
        if kind == fr.START:
            self.start = record
            return [""]
        if kind == fr.END:
            return [""]
        if kind == fr.GROUP_START:
            return self._group_start(record)
        if kind == fr.GROUP_END:
            return self._group_end()
        if record.out_of_band:
            return self._out_of_band(record)
        return self._entry(record)

    def _shape(self) -> str:
        return self.start.shape if self.start is not None else "table"

    def _group_start(self, record: FormatRecord) -> list[str]:
        hint, self.hint = self.hint, None
        lines: list[str] = []
        shape = self._shape()
        if shape == "table":
            lines.extend(self._start_table(hint if isinstance(hint, list) else None))
        elif shape == "wide":
            self._start_wide(hint if isinstance(hint, int) else 0)
        if record.label is not None:
            lines.append("")
            lines.extend(complex_lines([(0, record.label)], self.columns))
            lines.append("")
        if shape == "table":
            if self._table is not None and self.start is not None:
                lines.extend(self._table.header([c.label for c in self.start.columns]))
        elif shape in ("list", "wide"):
            lines.append("")
        return lines

    def _group_end(self) -> list[str]:
        lines: list[str] = []
        if self._shape() == "wide":
            lines.extend(self._flush_wide())
        lines.append("")
        return lines

    def _start_table(self, hint: list[int] | None) -> list[str]:
        start = self.start
        if start is None or not start.columns:
            self._table = None
            return []
        widths = hint if hint is not None else [c.width for c in start.columns]
        alignments = [c.alignment for c in start.columns]
        self._table = TableLayout(self.columns, widths, alignments, start.hide_header)
        hidden = sum(1 for w in self._table.widths if w < 0)
        if hint is not None and hidden:
            # Windows PowerShell says so when measured columns had to go; the wording and the
            # blank line after it follow a captured `ft -a` (PowerSploit's help text)
            return [f"WARNING: {hidden} columns do not fit into the display and were removed.", ""]
        return []

    def _start_wide(self, longest: int) -> None:
        start = self.start
        size = 2  # 5.1's default when nothing else says
        if longest > 0:
            size = best_items_per_row(longest, self.columns)
        elif start is not None and start.wide_columns > 0:
            size = start.wide_columns
        self._wide_size = size
        self._wide_buffer = []
        self._table = TableLayout(self.columns, [0] * size, [ALIGN_LEFT] * size)

    def _flush_wide(self) -> list[str]:
        if not self._wide_buffer or self._table is None:
            return []
        values = self._wide_buffer + [""] * (self._wide_size - len(self._wide_buffer))
        self._wide_buffer = []
        return self._table.row(values, None, False)

    def _entry(self, record: FormatRecord) -> list[str]:
        shape = record.shape
        if shape == "table":
            table = self._table
            if table is None or self.start is None:
                return []
            count = len(self.start.columns)
            cells = list(record.payload[:count]) + [("", ALIGN_LEFT)] * (count - len(record.payload))
            return table.row([c[0] for c in cells], [c[1] for c in cells], record.multiline)
        if shape == "list":
            labels = [label for label, _ in record.payload]
            values = [value for _, value in record.payload]
            return list_lines(labels, values, self.columns) + [""]
        if shape == "wide":
            if self._table is None:
                self._start_wide(0)
            self._wide_buffer.append(record.payload or "")
            if len(self._wide_buffer) == self._wide_size:
                return self._flush_wide()
            return []
        if shape == "complex":
            return complex_lines(record.payload, self.columns)
        return []

    def _out_of_band(self, record: FormatRecord) -> list[str]:
        shape = record.shape
        if shape == "text":
            return [record.payload]
        if shape == "complex":
            return complex_lines(record.payload, self.columns)
        if shape == "list":
            labels = [label for label, _ in record.payload]
            values = [value for _, value in record.payload]
            return [""] + list_lines(labels, values, self.columns) + [""]
        return []
