"""Screen-cell arithmetic and the two line-breaking algorithms Windows PowerShell 5.1 uses.

* ``generate_lines`` is the formatter's word wrap (``StringManipulationHelper.GenerateLines``
  in System.Management.Automation, FormatAndOutput/common/ComplexWriter.cs): it breaks list
  values, ``Format-Table -Wrap`` cells, table headers and the error view.  5.1 word-wraps for
  the en/fr/de/it/pt/es cultures (EMS runs en-US); a word carries its trailing delimiter, and a
  word longer than a line is cut character by character to fill the line first.
* ``wrap_text`` is the console host's own wrap (``ConsoleHostUserInterface.WrapText``,
  ConsoleHost/host/msh/ConsoleHostUserInterface.cs), used for WARNING:/VERBOSE:/DEBUG: lines
  and prompts: runs of blanks are words too, and a blank run that does not fit is split so the
  line fills exactly.
"""

from __future__ import annotations

_SOFT_HYPHEN = "\u00ad"
_HARD_HYPHEN = "\u2011"
_NO_BREAK_SPACE = "\u00a0"


def cell_len(text: str) -> int:
    """Console buffer cells a string takes (East Asian wide and full-width characters take 2)."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def head_split(text: str, cells: int) -> int:
    """How many leading characters of ``text`` fit in ``cells`` screen cells."""
    if text.isascii():
        return min(len(text), max(cells, 0))
    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > cells:
            return i
    return len(text)


def tail_split(text: str, cells: int) -> int:
    """How many trailing characters of ``text`` fit in ``cells`` screen cells."""
    if text.isascii():
        return min(len(text), max(cells, 0))
    used = 0
    for i, ch in enumerate(reversed(text)):
        used += cell_len(ch)
        if used > cells:
            return i
    return len(text)


def split_lines(text: str) -> list[str]:
    """A value's own lines: carriage returns dropped, split on line feeds (``SplitLines``)."""
    if not text:
        return [text]
    return text.replace("\r", "").split("\n")


def truncate_at_newline(text: str) -> str:
    """A table cell shows only its first line, marked with ``...`` (5.1 ``TruncateAtNewLine``)."""
    if not text:
        return ""
    cut = min((i for i in (text.find("\n"), text.find("\r")) if i >= 0), default=-1)
    return text if cut < 0 else text[:cut] + "..."


def _words(line: str):
    """(word, delimiter) pairs: blanks, tabs and soft hyphens end a word and travel with it;
    a hard hyphen or no-break space also ends one but is dropped, as 5.1's ``GetWords`` does."""
    current: list[str] = []
    for ch in line:
        if ch in (" ", "\t", _SOFT_HYPHEN):
            yield "".join(current), ch
            current = []
        elif ch in (_HARD_HYPHEN, _NO_BREAK_SPACE):
            yield "".join(current), ""
            current = []
        else:
            current.append(ch)
    yield "".join(current), ""


def generate_lines(text: str, first_width: int, following_width: int | None = None) -> list[str]:
    """Break ``text`` into lines of at most ``first_width`` cells (``following_width`` after
    the first line of each source line), word-wrapping as 5.1's formatter does."""
    if following_width is None:
        following_width = first_width
    if not text:
        return [text]
    result: list[str] = []
    for line in split_lines(text):
        if cell_len(line) <= first_width:
            result.append(line)
            continue
        spaces_left = line_width = first_width
        first = True
        current: list[str] = []
        for word, delim in _words(line):
            piece = word
            if delim == _SOFT_HYPHEN:
                if cell_len(word) + 1 == spaces_left:
                    piece += "-"  # the hyphen shows only where the line breaks
            elif delim:
                piece += delim
            width = cell_len(piece)
            if line_width == 0:
                if first:
                    first = False
                    line_width = following_width
                if line_width == 0:
                    break
                spaces_left = line_width
            if width > line_width:
                # a word longer than a whole line is cut to fill the current line first
                for ch in piece:
                    ch_width = cell_len(ch)
                    if ch_width > line_width:
                        ch, ch_width = "?", 1
                    if ch_width > spaces_left:
                        result.append("".join(current))
                        current = [ch]
                        if first:
                            first = False
                            line_width = following_width
                        spaces_left = line_width - ch_width
                    else:
                        current.append(ch)
                        spaces_left -= ch_width
            elif width > spaces_left:
                result.append("".join(current))
                current = [piece]
                if first:
                    first = False
                    line_width = following_width
                spaces_left = line_width - width
            else:
                current.append(piece)
                spaces_left -= width
        result.append("".join(current))
    return result


def wrap_text(text: str, width: int) -> list[str]:
    """The console host's word wrap (``WrapText``): lines of at most ``width`` cells."""
    if not text or width < 1:
        return []
    words: list[tuple[str, int]] = []  # (text, kind): kind 0 word, 1 blanks, 2 newline
    text = text.replace("\t", " ")
    start = 0
    in_blank = False
    for i, ch in enumerate(text):
        if ch == "\n":
            if start < i:
                _add_console_word(words, text[start:i], width, in_blank)
            words.append(("", 2))
            start = i + 1
            in_blank = False
        elif ch == " ":
            if not in_blank:
                _add_console_word(words, text[start:i], width, False)
                start = i
            in_blank = True
        else:
            if in_blank:
                _add_console_word(words, text[start:i], width, True)
                start = i
            in_blank = False
    if start < len(text):
        _add_console_word(words, text[start:], width, in_blank)

    lines: list[str] = []
    line: list[str] = []
    used = 0
    for piece, kind in words:
        if kind == 2:
            lines.append("".join(line))
            line, used = [], 0
            continue
        cells = cell_len(piece)
        if used + cells <= width:
            line.append(piece)
            used += cells
        elif kind == 0:
            lines.append("".join(line))
            line, used = [piece], cells
        else:  # blanks: fill this line exactly, carry the rest
            room = width - used
            line.append(piece[:room])
            lines.append("".join(line))
            rest = piece[room:]
            line, used = [rest], cell_len(rest)
    if line and "".join(line):
        lines.append("".join(line))
    return lines


def _add_console_word(words: list[tuple[str, int]], span: str, width: int, blank: bool) -> None:
    """``AddWord``: spans longer than a line are cut into line-sized words."""
    while span:
        cut = head_split(span, width) or 1
        words.append((span[:cut], 1 if blank else 0))
        span = span[cut:]
