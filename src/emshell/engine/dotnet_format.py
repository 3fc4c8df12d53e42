""".NET formatting as Windows PowerShell 5.1 (.NET Framework 4.x, en-US) does it.

``format_composite`` is ``String.Format`` (the ``-f`` operator, ``[string]::Format``);
``format_value`` is ``IFormattable.ToString(format)`` for numbers, dates, time spans, GUIDs and
enums.  Numeric formats cover the standard ones (C D E F G N P R X) and custom patterns
(``0.00``, ``#,##0``, ``0%``, sections); dates cover the standard letters and custom patterns.

.NET Framework rounds a double to 15 significant digits before formatting (17 for ``R``), then
rounds half away from zero; that is why ``'{0:F2}' -f 1.005`` gives ``1.01`` here as in 5.1.
"""

from __future__ import annotations

from emshell.engine.primitives import (
    INTEGER_TYPES,
    Single,
    dotnet_to_string,
    format_double,
    is_decimal,
    is_number,
    number_type,
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

BAD_FORMAT = "Input string was not in a correct format."
BAD_INDEX = "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."
BAD_SPECIFIER = "Format specifier was invalid."

DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip


class FormatError(Exception):
    """A .NET ``FormatException``; ``message`` is its text."""

    def __init__(self, message: str = BAD_FORMAT):
        super().__init__(message)
        self.message = message


# --------------------------------------------------------------------------- composite


def format_composite(fmt: str, args: list) -> str:
    """``String.Format(fmt, args)``: ``{index[,alignment][:format]}``, ``{{`` and ``}}``."""
    out: list[str] = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "}":
            if i + 1 < n and fmt[i + 1] == "}":
                out.append("}")
                i += 2
                continue
            raise FormatError()
        if ch != "{":
            out.append(ch)
            i += 1
            continue
        if i + 1 < n and fmt[i + 1] == "{":
            out.append("{")
            i += 2
            continue
        i += 1
        start = i
        while i < n and fmt[i].isdigit():
            i += 1
        if i == start or i - start > 6:
            raise FormatError()
        index = int(fmt[start:i])
        while i < n and fmt[i] == " ":
            i += 1
        alignment = 0
        if i < n and fmt[i] == ",":
            i += 1
            while i < n and fmt[i] == " ":
                i += 1
            sign = 1
            if i < n and fmt[i] == "-":
                sign = -1
                i += 1
            start = i
            while i < n and fmt[i].isdigit():
                i += 1
            if i == start or i - start > 6 or int(fmt[start:i]) >= 1_000_000:
                raise FormatError()  # .NET's width limit: widths from 1,000,000 are a format error
            alignment = sign * int(fmt[start:i])
            while i < n and fmt[i] == " ":
                i += 1
        spec: str | None = None
        if i < n and fmt[i] == ":":
            i += 1
            start = i
            while i < n and fmt[i] != "}":
                if fmt[i] == "{":
                    raise FormatError()
                i += 1
            spec = fmt[start:i]
        if i >= n or fmt[i] != "}":
            raise FormatError()
        i += 1
        if index >= len(args):
            raise FormatError(BAD_INDEX)
        text = format_value(args[index], spec)
        if alignment > 0:
            text = text.rjust(alignment)
        elif alignment < 0:
            text = text.ljust(-alignment)
        out.append(text)
    return "".join(out)


def format_value(value: Any, spec: str | None) -> str:
    """``value.ToString(spec)`` for IFormattable values; other values ignore ``spec``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if is_number(value):
        return format_number(value, spec) if spec else dotnet_to_string(value)
    formatter = getattr(value, "ps_format", None)  # DateTime, TimeSpan, Guid, enums
    if formatter is not None:
        return formatter(spec or None)
    return dotnet_to_string(value)


# --------------------------------------------------------------------------- numbers


def _decimal_module() -> Any:
    import decimal

    return decimal


def _as_decimal(value: Any, digits: int | None = None) -> Any:
    """The value as a Decimal, a double cut to the digits .NET Framework keeps."""
    decimal = _decimal_module()
    if is_decimal(value):
        return value
    if isinstance(value, int):
        return decimal.Decimal(int(value))
    if digits is None:
        digits = 7 if isinstance(value, Single) else 15
    return decimal.Decimal(f"{float(value):.{digits - 1}e}")


def _round(d: Any, places: int) -> Any:
    decimal = _decimal_module()
    with decimal.localcontext() as context:
        context.prec = 400
        return d.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def _plain(d: Any) -> tuple[str, str]:
    """(integer digits, fraction digits) of a non-negative Decimal."""
    text = format(d, "f")
    whole, _, frac = text.partition(".")
    return whole, frac


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ",".join(parts)


def _special_double(value: Any) -> str | None:
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return format_double(value)
    return None


def format_number(value: Any, spec: str | None) -> str:
    """``ToString(spec)`` of an Int/Double/Single/Decimal (en-US)."""
    if not spec:
        return dotnet_to_string(value)
    special = _special_double(value)
    if special is not None:
        return special
    letter = spec[0]
    rest = spec[1:]
    if letter.isalpha() and (rest == "" or (rest.isdigit() and len(rest) <= 2)):
        precision = int(rest) if rest else None
        return _standard_number(value, letter, precision)
    return _custom_number(value, spec)


def _standard_number(value: Any, letter: str, precision: int | None) -> str:
    upper = letter.upper()
    is_integer = isinstance(value, int)
    negative = value < 0
    if upper == "D":
        if not is_integer:
            raise FormatError(BAD_SPECIFIER)
        digits = str(abs(int(value))).rjust(precision or 0, "0")
        return ("-" if negative else "") + digits
    if upper == "X":
        if not is_integer:
            raise FormatError(BAD_SPECIFIER)
        number = int(value)
        if number < 0:
            lo, _hi, _ = INTEGER_TYPES.get(number_type(value) or "System.Int32", INTEGER_TYPES["System.Int32"])
            bits = 64 if lo < -(2**31) else 32 if lo < -(2**15) else 16 if lo < -128 else 8
            number &= (1 << bits) - 1
        text = f"{number:X}" if letter == "X" else f"{number:x}"
        return text.rjust(precision or 0, "0")
    if upper in ("F", "N", "P", "C"):
        places = 2 if precision is None else precision
        d = abs(_as_decimal(value))
        if upper == "P":
            d = d * 100
        whole, frac = _plain(_round(d, places))
        body = (_group(whole) if upper != "F" else whole) + ("." + frac if frac else "")
        if negative and any(c not in "0.," for c in body):
            if upper == "C":
                return f"(${body})"
            return "-" + body + (" %" if upper == "P" else "")
        if upper == "C":
            return "$" + body
        return body + (" %" if upper == "P" else "")
    if upper == "E":
        places = 6 if precision is None else precision
        return _scientific(value, places, letter, 3)
    if upper == "G":
        return _general(value, precision, letter)
    if upper == "R":
        if is_integer or is_decimal(value):
            raise FormatError(BAD_SPECIFIER)
        short = 7 if isinstance(value, Single) else 15
        text = format_double(float(value), short)
        if float(text) != float(value):
            text = format_double(float(value), short + 2)
        return text
    raise FormatError(BAD_SPECIFIER)


def _scientific(value: Any, places: int, letter: str, exp_digits: int) -> str:
    d = _as_decimal(value)
    negative = d < 0
    d = abs(d)
    if d == 0:
        mantissa, exponent = "0" + ("." + "0" * places if places else ""), 0
    else:
        exponent = d.adjusted()
        scaled = _round(d.scaleb(-exponent), places)
        if scaled >= 10:
            exponent += 1
            scaled = _round(d.scaleb(-exponent), places)
        mantissa = format(scaled, "f")
    sign = "-" if exponent < 0 else "+"
    return ("-" if negative else "") + mantissa + letter + sign + str(abs(exponent)).rjust(exp_digits, "0")


def _general(value: Any, precision: int | None, letter: str) -> str:
    decimal = _decimal_module()
    if precision == 0:
        precision = None
    if isinstance(value, float):
        default = 7 if isinstance(value, Single) else 15
        digits = precision or default
        d = _as_decimal(value, min(max(digits, 1), 17))
    elif is_decimal(value):
        digits = precision or 29
        d = value
    else:
        digits = precision or 19
        d = decimal.Decimal(int(value))
    if d == 0:
        return "0"
    negative = d < 0
    d = abs(d)
    with decimal.localcontext() as context:
        context.prec = digits
        context.rounding = decimal.ROUND_HALF_UP
        rounded = +d
    exponent = rounded.adjusted()
    sign = "-" if negative else ""
    use_scientific = exponent >= digits or exponent < -4
    if is_decimal(value) and precision is None:
        use_scientific = False
    if use_scientific:
        mantissa = format(rounded.scaleb(-exponent).normalize(), "f")
        exp_sign = "-" if exponent < 0 else "+"
        e = "E" if letter == "G" else "e"
        return f"{sign}{mantissa}{e}{exp_sign}{abs(exponent):02d}"
    text = format(rounded, "f")
    if "." in text and not (is_decimal(value) and precision is None):
        text = text.rstrip("0").rstrip(".")
    return sign + text


# ----------------------------------------------------------------- custom numeric formats


def _split_sections(spec: str) -> list[str]:
    sections: list[str] = []
    current: list[str] = []
    quote = ""
    i = 0
    while i < len(spec):
        ch = spec[i]
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
            current.append(ch)
        elif ch == "\\" and i + 1 < len(spec):
            current.append(spec[i : i + 2])
            i += 1
        elif ch == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    sections.append("".join(current))
    return sections


def _tokenize_custom(section: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: 'digit' (0 or #), 'point', 'group', 'percent', 'permille',
    'exp' (E+0 ...), 'literal'."""
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(section)
    while i < n:
        ch = section[i]
        if ch in "0#":
            tokens.append(("digit", ch))
        elif ch == ".":
            tokens.append(("point", ch))
        elif ch == ",":
            tokens.append(("group", ch))
        elif ch == "%":
            tokens.append(("percent", ch))
        elif ch == "\u2030":
            tokens.append(("permille", ch))
        elif ch in "Ee" and i + 1 < n and (section[i + 1] == "0" or (section[i + 1] in "+-" and i + 2 < n and section[i + 2] == "0")):
            j = i + 1
            if section[j] in "+-":
                j += 1
            k = j
            while k < n and section[k] == "0":
                k += 1
            tokens.append(("exp", section[i:k]))
            i = k
            continue
        elif ch == "\\" and i + 1 < n:
            tokens.append(("literal", section[i + 1]))
            i += 2
            continue
        elif ch in "'\"":
            end = section.find(ch, i + 1)
            end = n if end < 0 else end
            tokens.append(("literal", section[i + 1 : end]))
            i = end + 1
            continue
        else:
            tokens.append(("literal", ch))
        i += 1
    return tokens


def _custom_number(value: Any, spec: str) -> str:
    sections = _split_sections(spec)
    d = _as_decimal(value)
    negative = d < 0
    section = sections[0]
    explicit_negative = False
    if negative and len(sections) >= 2 and sections[1] != "":
        section = sections[1]
        explicit_negative = True
    elif d == 0 and len(sections) >= 3 and sections[2] != "":
        section = sections[2]
    tokens = _tokenize_custom(section)
    text = _apply_custom(abs(d), tokens)
    if negative and not explicit_negative and any(c.isdigit() and c != "0" for c in text):
        text = "-" + text
    return text


def _apply_custom(d: Any, tokens: list[tuple[str, str]]) -> str:
    point_at = next((i for i, (k, _) in enumerate(tokens) if k == "point"), None)
    exp_at = next((i for i, (k, _) in enumerate(tokens) if k == "exp"), None)
    number_end = exp_at if exp_at is not None else len(tokens)
    int_end = point_at if point_at is not None else number_end
    digit_positions = [i for i, (k, _) in enumerate(tokens[:number_end]) if k == "digit"]
    int_digits = [i for i in digit_positions if i < int_end]
    frac_digits = [i for i in digit_positions if i > int_end]
    # grouping: a comma between digit placeholders; scaling: commas right before the point
    grouping = False
    scale = 0
    j = int_end - 1
    while j >= 0 and tokens[j][0] == "group":
        scale += 1
        j -= 1
    if int_digits:
        first, last = int_digits[0], int_digits[-1]
        grouping = any(k == "group" for k, _ in tokens[first:last])
    for kind, _ in tokens:
        if kind == "percent":
            d = d * 100
        elif kind == "permille":
            d = d * 1000
    if scale:
        d = d / (1000**scale)
    exponent_text = ""
    if exp_at is not None:
        exp_token = tokens[exp_at][1]
        min_exp_digits = exp_token.count("0")
        shift = max(len(int_digits), 1)
        exponent = 0 if d == 0 else d.adjusted() - (shift - 1)
        d = d.scaleb(-exponent)
        sign = "-" if exponent < 0 else ("+" if "+" in exp_token else "")
        exponent_text = exp_token[0] + sign + str(abs(exponent)).rjust(min_exp_digits, "0")
    max_frac = len(frac_digits)
    min_frac = 0
    for n, i in enumerate(frac_digits, 1):
        if tokens[i][1] == "0":
            min_frac = n
    whole, frac = _plain(_round(d, max_frac))
    frac = frac.rstrip("0")
    if len(frac) < min_frac:
        frac = frac.ljust(min_frac, "0")
    min_int = 0
    for n, i in enumerate(reversed(int_digits), 1):
        if tokens[i][1] == "0":
            min_int = n
    if whole == "0":
        whole = ""
    whole = whole.rjust(min_int, "0")
    if grouping and whole:
        whole = _group(whole)
    out: list[str] = []
    placed_int = False
    frac_iter = iter(frac)
    for i, (kind, text) in enumerate(tokens):
        if kind == "digit" and i < int_end:
            if not placed_int:
                out.append(whole)
                placed_int = True
        elif kind == "digit":
            out.append(next(frac_iter, ""))
        elif kind == "point":
            if frac:
                out.append(".")
        elif kind == "exp":
            out.append(exponent_text)
        elif kind == "group":
            continue
        else:
            out.append(text)
    return "".join(out)


# --------------------------------------------------------------------------- date and time

_STANDARD_DATE = {
    "d": "M/d/yyyy",
    "D": "dddd, MMMM d, yyyy",
    "t": "h:mm tt",
    "T": "h:mm:ss tt",
    "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt",
    "G": "M/d/yyyy h:mm:ss tt",
    "m": "MMMM d",
    "M": "MMMM d",
    "y": "MMMM yyyy",
    "Y": "MMMM yyyy",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}


def _run_length(fmt: str, i: int) -> int:
    ch = fmt[i]
    j = i
    while j < len(fmt) and fmt[j] == ch:
        j += 1
    return j - i


def format_datetime(dt: Any, spec: str | None) -> str:
    """``DateTime.ToString(spec)`` (en-US); ``dt`` is an ``emshell.engine.dotnet.DateTime``."""
    if not spec:
        spec = "G"
    if len(spec) == 1:
        if spec == "U":
            return format_datetime(dt.ToUniversalTime(), "F")
        pattern = _STANDARD_DATE.get(spec)
        if pattern is None:
            raise FormatError()
        spec = pattern
    return _custom_datetime(dt, spec)


def _offset_text(minutes: int, length: int) -> str:
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    hours, mins = divmod(minutes, 60)
    if length == 1:
        return f"{sign}{hours}"
    if length == 2:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{mins:02d}"


def _custom_datetime(dt: Any, fmt: str) -> str:
    out: list[str] = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "%" and i + 1 < n:
            i += 1
            ch = fmt[i]
            count = 1
        elif ch in "'\"":
            end = fmt.find(ch, i + 1)
            if end < 0:
                raise FormatError()
            out.append(fmt[i + 1 : end])
            i = end + 1
            continue
        elif ch == "\\":
            if i + 1 >= n:
                raise FormatError()
            out.append(fmt[i + 1])
            i += 2
            continue
        else:
            count = _run_length(fmt, i)
        i += count
        if ch == "d":
            if count == 1:
                out.append(str(dt.Day))
            elif count == 2:
                out.append(f"{dt.Day:02d}")
            elif count == 3:
                out.append(DAY_NAMES[dt.day_of_week][:3])
            else:
                out.append(DAY_NAMES[dt.day_of_week])
        elif ch == "M":
            if count == 1:
                out.append(str(dt.Month))
            elif count == 2:
                out.append(f"{dt.Month:02d}")
            elif count == 3:
                out.append(MONTH_NAMES[dt.Month - 1][:3])
            else:
                out.append(MONTH_NAMES[dt.Month - 1])
        elif ch == "y":
            year = dt.Year
            if count == 1:
                out.append(str(year % 100))
            elif count == 2:
                out.append(f"{year % 100:02d}")
            else:
                out.append(str(year).rjust(count, "0"))
        elif ch == "h":
            hour = dt.Hour % 12 or 12
            out.append(str(hour) if count == 1 else f"{hour:02d}")
        elif ch == "H":
            out.append(str(dt.Hour) if count == 1 else f"{dt.Hour:02d}")
        elif ch == "m":
            out.append(str(dt.Minute) if count == 1 else f"{dt.Minute:02d}")
        elif ch == "s":
            out.append(str(dt.Second) if count == 1 else f"{dt.Second:02d}")
        elif ch in "fF":
            if count > 7:
                raise FormatError()
            digits = f"{dt.fraction_ticks:07d}"[:count]
            if ch == "F":
                digits = digits.rstrip("0")
                if not digits and out and out[-1].endswith("."):
                    out[-1] = out[-1][:-1]
            out.append(digits)
        elif ch == "t":
            designator = "AM" if dt.Hour < 12 else "PM"
            out.append(designator[0] if count == 1 else designator)
        elif ch == "K":
            kind = dt.kind
            out.append("Z" if kind == "Utc" else _offset_text(dt.utc_offset_minutes(), 3) if kind == "Local" else "")
        elif ch == "z":
            out.append(_offset_text(dt.utc_offset_minutes(), min(count, 3)))
        elif ch == "g":
            out.append("A.D.")
        elif ch == ":":
            out.append(":" * count)
        elif ch == "/":
            out.append("/" * count)
        else:
            out.append(ch * count)
    return "".join(out)


def format_timespan(ts: Any, spec: str | None) -> str:
    """``TimeSpan.ToString(spec)``: ``c``/``t``/``T``, ``g``, ``G`` and custom patterns."""
    ticks = ts.ticks
    negative = ticks < 0
    ticks = abs(ticks)
    days, rem = divmod(ticks, 864_000_000_000)
    hours, rem = divmod(rem, 36_000_000_000)
    minutes, rem = divmod(rem, 600_000_000)
    seconds, fraction = divmod(rem, 10_000_000)
    sign = "-" if negative else ""
    if not spec or spec in ("c", "t", "T"):
        text = f"{sign}{f'{days}.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
        return text + (f".{fraction:07d}" if fraction else "")
    if spec == "g":
        text = f"{sign}{f'{days}:' if days else ''}{hours}:{minutes:02d}:{seconds:02d}"
        frac = f"{fraction:07d}".rstrip("0")
        return text + (f".{frac}" if frac else "")
    if spec == "G":
        return f"{sign}{days}:{hours:02d}:{minutes:02d}:{seconds:02d}.{fraction:07d}"
    if len(spec) == 1 and spec not in "dhmsfF":
        raise FormatError()
    out: list[str] = []
    i = 0
    n = len(spec)
    while i < n:
        ch = spec[i]
        if ch == "%" and i + 1 < n:
            i += 1
            continue
        if ch in "'\"":
            end = spec.find(ch, i + 1)
            if end < 0:
                raise FormatError()
            out.append(spec[i + 1 : end])
            i = end + 1
            continue
        if ch == "\\":
            if i + 1 >= n:
                raise FormatError()
            out.append(spec[i + 1])
            i += 2
            continue
        count = _run_length(spec, i)
        i += count
        if ch == "d" and count <= 8:
            out.append(str(days).rjust(count, "0"))
        elif ch == "h" and count <= 2:
            out.append(str(hours).rjust(count, "0"))
        elif ch == "m" and count <= 2:
            out.append(str(minutes).rjust(count, "0"))
        elif ch == "s" and count <= 2:
            out.append(str(seconds).rjust(count, "0"))
        elif ch in "fF" and count <= 7:
            digits = f"{fraction:07d}"[:count]
            out.append(digits.rstrip("0") if ch == "F" else digits)
        else:
            raise FormatError()
    return "".join(out)
