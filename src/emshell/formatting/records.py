"""The format objects that Format-* cmdlets write and Out-Default / Out-String / Out-File render.

PowerShell's formatter speaks a small protocol between the "shape" commands (format-default,
Format-Table ...) and the outputters: FormatStartData, GroupStartData, FormatEntryData,
GroupEndData, FormatEndData.  emshell keeps the protocol with one class, ``FormatRecord``,
whose ``kind`` says which message it is.  Cell values are already strings: the shape side
does all value formatting, the writer only lays text out.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time

if TYPE_CHECKING:
    from typing import Any

_FORMAT_NS = "Microsoft.PowerShell.Commands.Internal.Format."

START, GROUP_START, ENTRY, GROUP_END, END = "start", "group_start", "entry", "group_end", "end"

_TYPE_NAMES = {
    START: "FormatStartData",
    GROUP_START: "GroupStartData",
    ENTRY: "FormatEntryData",
    GROUP_END: "GroupEndData",
    END: "FormatEndData",
}


class TableHeader:
    """A table column as the start message announces it: label, width (0 = size it) and
    alignment (``values.ALIGN_*``)."""

    __slots__ = ("label", "width", "alignment")

    def __init__(self, label: str, width: int = 0, alignment: int = 0):
        self.label = label
        self.width = width
        self.alignment = alignment

    def __repr__(self) -> str:
        return f"TableHeader({self.label!r}, {self.width}, {self.alignment})"


class FormatRecord:
    """One message of the formatting protocol.

    ``start``: ``shape`` (table, list, wide, complex), ``columns`` (TableHeader list for a
    table), ``hide_header``, ``autosize``, ``wide_columns`` (Format-Wide -Column, 0 = default).
    ``group_start``: ``label`` (the -GroupBy line, or None).
    ``entry``: ``shape`` and ``payload``: table -> list of (text, alignment) cells and
    ``multiline``; list -> list of (label, text); wide -> text; complex -> list of
    (left indent, text) paragraphs; ``text`` (out of band only) -> the raw line.
    ``out_of_band`` entries stand alone: scalars inside a table, error records, objects of
    another type shown as a list.
    """

    __slots__ = ("kind", "shape", "columns", "hide_header", "autosize", "wide_columns", "label",
                 "payload", "multiline", "out_of_band")  # fmt: skip

    def __init__(self, kind: str, shape: str = "", *, columns: list[TableHeader] | None = None,
                 hide_header: bool = False, autosize: bool = False, wide_columns: int = 0,
                 label: str | None = None, payload: Any = None, multiline: bool = False,
                 out_of_band: bool = False):  # fmt: skip
        self.kind = kind
        self.shape = shape
        self.columns = columns or []
        self.hide_header = hide_header
        self.autosize = autosize
        self.wide_columns = wide_columns
        self.label = label
        self.payload = payload
        self.multiline = multiline
        self.out_of_band = out_of_band

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (_FORMAT_NS + _TYPE_NAMES[self.kind], "System.Object")

    PS_PROPERTIES: tuple[str, ...] = ()

    def ToString(self) -> str:
        return self.PS_TYPE_NAMES[0]

    def __repr__(self) -> str:
        detail = self.shape or ""
        if self.kind == ENTRY:
            detail += f" {self.payload!r}"
        return f"FormatRecord({self.kind} {detail})"


def start(shape: str, **kwargs: Any) -> FormatRecord:
    return FormatRecord(START, shape, **kwargs)


def group_start(label: str | None = None) -> FormatRecord:
    return FormatRecord(GROUP_START, label=label)


def entry(shape: str, payload: Any, *, multiline: bool = False, out_of_band: bool = False) -> FormatRecord:
    return FormatRecord(ENTRY, shape, payload=payload, multiline=multiline, out_of_band=out_of_band)


def group_end() -> FormatRecord:
    return FormatRecord(GROUP_END)


def end() -> FormatRecord:
    return FormatRecord(END)
