"""Laying text out in columns: Windows PowerShell 5.1's TableWriter, ColumnWidthManager and
ListWriter (FormatAndOutput/common/TableWriter.cs, ColumnWidthManager.cs, ListWriter.cs;
the table code was checked against the decompiled 5.1 assembly, which differs from
PowerShell 7: ``...`` is three dots, and every cell, the last one included, is padded to its
column width).
"""

from __future__ import annotations

from emshell.formatting.text import (
    cell_len,
    generate_lines,
    head_split,
    split_lines,
    tail_split,
    truncate_at_newline,
)
from emshell.formatting.values import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_UNDEFINED

_SEPARATOR = 1  # one blank between columns
_MIN_COLUMN = 1
_MIN_SCREEN = 5
_ELLIPSIS = "..."


def fit_column_widths(widths: list[int], table_width: int) -> list[int]:
    """``ColumnWidthManager.CalculateColumnWidths``: unsized columns (0) share the room left,
    one character at a time from the left; then, while the table is too wide, the last
    visible column shrinks, or is hidden (-1) when it would drop below one character."""
    widths = list(widths)
    if not _assign_widths(widths, table_width):
        _trim_to_fit(widths, table_width)
    return widths


def _table_width(widths: list[int]) -> int:
    visible = [w for w in widths if w > 0]
    return sum(visible) + _SEPARATOR * (len(visible) - 1)


def _assign_widths(widths: list[int], table_width: int) -> bool:
    if all(w > 0 for w in widths):
        return sum(widths) + _SEPARATOR * (len(widths) - 1) <= table_width
    fixed = [w > 0 for w in widths]
    for k, w in enumerate(widths):
        if w == 0:
            widths[k] = _MIN_COLUMN
    available = table_width - _table_width(widths)
    if available < 0:
        return False
    while available > 0:
        for k in range(len(widths)):
            if fixed[k]:
                continue
            widths[k] += 1
            available -= 1
            if available == 0:
                break
    return True


def _trim_to_fit(widths: list[int], table_width: int) -> None:
    while True:
        excess = _table_width(widths) - table_width
        if excess <= 0:
            return
        last = len(widths) - 1
        for k, w in enumerate(widths):
            if w < 0:
                last = k - 1
                break
        if last < 0:
            return
        shrunk = widths[last] - excess
        if shrunk < _MIN_COLUMN:
            widths[last] = -1
        else:
            widths[last] = shrunk


def row_field(value: str, width: int, alignment: int) -> str:
    """``GenerateRowField``: one cell, padded or cut to ``width`` cells."""
    text = truncate_at_newline(value or "")
    length = cell_len(text)
    if length < width:
        pad = width - length
        if alignment == ALIGN_CENTER:
            text = " " * (pad // 2) + text + " " * (pad - pad // 2)
        elif alignment == ALIGN_RIGHT:
            text = " " * pad + text
        else:
            text += " " * pad
    elif length > width:
        keep = width - len(_ELLIPSIS)
        if keep > 0:
            if alignment == ALIGN_RIGHT:
                text = _ELLIPSIS + text[len(text) - tail_split(text, keep) :]
            else:
                text = text[: head_split(text, keep)] + _ELLIPSIS
        elif alignment == ALIGN_RIGHT:
            text = text[len(text) - tail_split(text, width) :]
        else:
            text = text[: head_split(text, width)]
    if cell_len(text) == width:
        return text
    # a double-cell character was cut: one cell is left over
    return " " + text if alignment == ALIGN_RIGHT else text + " "


class TableLayout:
    """A table's columns on a screen of ``screen_columns`` characters."""

    def __init__(self, screen_columns: int, widths: list[int], alignments: list[int],
                 hide_header: bool = False, left_indent: int = 0):  # fmt: skip
        self.disabled = screen_columns - left_indent < _MIN_SCREEN
        self.hide_header = hide_header
        self.indent = left_indent
        self.widths: list[int] = []
        self.alignments = [a or ALIGN_LEFT for a in alignments]
        if self.disabled:
            return
        self.widths = fit_column_widths(widths, screen_columns - left_indent)
        if not any(w >= _MIN_COLUMN for w in self.widths):
            self.disabled = True

    def header(self, labels: list[str]) -> list[str]:
        """The header labels (wrapped when longer than the column) and the dashes row."""
        if self.disabled or self.hide_header:
            return []
        lines = self.multiline_row(labels, None)
        dashes = []
        for label, width in zip(labels, self.widths):
            if width <= 0:
                dashes.append("")
                continue
            dashes.append("-" * (min(width, cell_len(label)) if label else width))
        lines.append(self.single_row(dashes, None))
        return lines

    def row(self, values: list[str], alignments: list[int] | None, multiline: bool) -> list[str]:
        if self.disabled:
            return []
        if multiline:
            return self.multiline_row(values, alignments)
        return [self.single_row(values, alignments)]

    def _alignment(self, k: int, alignments: list[int] | None) -> int:
        if alignments is not None and alignments[k] != ALIGN_UNDEFINED:
            return alignments[k]
        return self.alignments[k]

    def single_row(self, values: list[str], alignments: list[int] | None) -> str:
        parts = []
        for k, width in enumerate(self.widths):
            if width <= 0:
                continue
            if k > 0:  # 5.1 tests the column index, not the visible position
                parts.append(" " * _SEPARATOR)
            elif self.indent:
                parts.append(" " * self.indent)
            parts.append(row_field(values[k], width, self._alignment(k, alignments)))
        return "".join(parts)

    def multiline_row(self, values: list[str], alignments: list[int] | None) -> list[str]:
        """``GenerateTableRow``: each cell word-wrapped in its column, short cells padded."""
        visible = [k for k, w in enumerate(self.widths) if w > 0]
        cells: list[list[str]] = []
        for j, k in enumerate(visible):
            width = self.widths[k]
            alignment = self._alignment(k, alignments)
            lines = [line if cell_len(line) >= width else row_field(line, width, alignment)
                     for line in generate_lines(values[k] or "", width, width)]  # fmt: skip
            lead = " " * _SEPARATOR if j > 0 else " " * self.indent
            cells.append([lead + line for line in lines])
        height = max((len(c) for c in cells), default=0)
        for j, k in enumerate(visible):
            blank = " " * (self.widths[k] + (_SEPARATOR if j > 0 else self.indent))
            cells[j].extend([blank] * (height - len(cells[j])))
        return ["".join(c[r] for c in cells) for r in range(height)]


def best_items_per_row(item_width: int, screen_columns: int) -> int:
    """``ComputeWideViewBestItemsPerRowFit``: as many columns of ``item_width`` as fit."""
    if item_width <= 0 or screen_columns < 1 or item_width >= screen_columns:
        return 1
    count = 1
    while True:
        following = count + 1
        if item_width * following + (following - 1) * _SEPARATOR >= screen_columns:
            return count
        count += 1


def list_lines(labels: list[str], values: list[str], screen_columns: int) -> list[str]:
    """``ListWriter``: ``Label : value`` lines, labels padded to the longest of this object,
    values word-wrapped under the value column."""
    if not labels or screen_columns - 3 - 1 - 1 < 0:
        return []
    max_label = screen_columns - 3 - 1
    label_width = min(max(cell_len(label) for label in labels), max_label)
    padded = []
    for label in labels:
        length = cell_len(label)
        if length < label_width:
            label += " " * (label_width - length)
        elif length > label_width:
            label = label[: head_split(label, label_width)]
        padded.append(label + " : ")
    prefix_width = label_width + 3
    field_width = screen_columns - prefix_width
    padding = " " * prefix_width
    lines: list[str] = []
    for k, label in enumerate(padded):
        value = values[k] if k < len(values) else ""
        for i, source_line in enumerate(split_lines(value or "")):
            lead = label if i == 0 else padding
            for j, piece in enumerate(generate_lines(source_line, field_width, field_width)):
                lines.append((lead if j == 0 else padding) + piece)
    return lines


def complex_lines(paragraphs: list[tuple[int, str]], screen_columns: int) -> list[str]:
    """``ComplexWriter``: each paragraph word-wrapped inside its left indentation."""
    lines: list[str] = []
    for indent, text in paragraphs:
        width = screen_columns - indent
        if width <= 0:
            continue
        lines.extend(" " * indent + piece for piece in generate_lines(text, width, width))
    return lines
