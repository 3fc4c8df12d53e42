"""The .NET instance methods of PowerShell's own values: strings, arrays and lists, hashtables,
numbers, enums, and the members every object has (``GetType``, ``ToString``, ``Where``,
``ForEach`` ...).

Each table maps a lower-case method name to (.NET name, accepted argument counts,
``impl(obj, args, ctx)``); ``members.invoke_method`` checks the count and reports .NET
failures (``DotNetException``) as PowerShell does.  The overloads follow .NET Framework 4.x as
PowerShell 5.1 picks them: ``'a::b'.Split('::')`` binds ``Split(params char[])``, ``Contains``
and ``Replace`` are ordinal and case-sensitive, ``ArrayList.Add`` returns the new index.
"""

from __future__ import annotations

from emshell.engine.conversion import ConversionError, convert_argument, convert_to
from emshell.engine.limits import check_element_count, check_string_length
from emshell.engine.primitives import (
    Char,
    DotNetException,
    TypedArray,
    as_list,
    compare,
    compare_strings,
    dotnet_to_string,
    enumerate_value,
    is_true,
    to_string,
    type_name,
)
from emshell.engine.psobject import ArrayList, Hashtable, PSObject
from emshell.engine.types import EnumType, EnumValue, PSType, resolve_type, type_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

SMA = "System.Management.Automation."
COLLECTION_OF_PSOBJECT = ("System.Collections.ObjectModel.Collection`1[[System.Management.Automation.PSObject, "
                          "System.Management.Automation, Version=3.0.0.0, Culture=neutral, "
                          "PublicKeyToken=31bf3856ad364e35]]")  # fmt: skip

MethodTable = dict  # lower-case name -> (Name, arities, impl(obj, args, ctx))


def _dictionary_class() -> type:
    from emshell.engine.dotnet import Dictionary

    return Dictionary


# ---------------------------------------------------------------- argument helpers


def _int(value: Any, method: str, param: str) -> int:
    return int(convert_argument(value, "System.Int32", method, param))


def _str(value: Any, method: str, param: str) -> str | None:
    if value is None:
        return None
    return convert_argument(value, "System.String", method, param)


def _chars(values: list, method: str) -> set[str]:
    chars: set[str] = set()
    for value in values:
        for item in as_list(value):
            chars.update(to_string(item))
    return chars


def _comparison(value: Any, method: str) -> str:
    return convert_argument(value, "System.StringComparison", method, "comparisonType").ToString()


def _null_argument(param: str) -> DotNetException:
    return DotNetException("System.ArgumentNullException", f"Value cannot be null.\nParameter name: {param}")


def range_error(message: str, param: str) -> DotNetException:
    return DotNetException("System.ArgumentOutOfRangeException", f"{message}\nParameter name: {param}")


INDEX_RANGE = "Index was out of range. Must be non-negative and less than the size of the collection."


# ---------------------------------------------------------------- strings


def _s_substring(s: str, args: list, ctx: Any) -> str:
    start = _int(args[0], "Substring", "startIndex")
    if start < 0:
        raise range_error("StartIndex cannot be less than zero.", "startIndex")
    if start > len(s):
        raise range_error("startIndex cannot be larger than length of string.", "startIndex")
    if len(args) == 1:
        return s[start:]
    length = _int(args[1], "Substring", "length")
    if length < 0:
        raise range_error("Length cannot be less than zero.", "length")
    if start + length > len(s):
        raise range_error("Index and length must refer to a location within the string.", "length")
    return s[start : start + length]


def _s_replace(s: str, args: list, ctx: Any) -> str:
    old, new = args
    if isinstance(old, Char) and isinstance(new, Char):
        return s.replace(old, new)
    old_text = _str(old, "Replace", "oldValue")
    if old_text is None:
        raise _null_argument("oldValue")
    if old_text == "":
        raise DotNetException("System.ArgumentException", "String cannot be of zero length.\nParameter name: oldValue")
    new_text = _str(new, "Replace", "newValue") or ""
    if len(new_text) > len(old_text):
        check_string_length(len(s) + s.count(old_text) * (len(new_text) - len(old_text)))
    return s.replace(old_text, new_text)


def _s_split(s: str, args: list, ctx: Any) -> list:
    separators: list[str] | None = None
    count: int | None = None
    remove_empty = False
    rest = list(args)
    if rest:
        first = rest.pop(0)
        if first is None:
            separators = None
        elif isinstance(first, list):
            texts = [to_string(item) for item in first]
            element = getattr(first, "element_type", "System.Object")
            if element == "System.String" or any(len(t) != 1 for t in texts):
                separators = texts
            else:
                separators = list(texts)
        else:
            separators = list(to_string(first))  # Split(params char[]): each character separates
    for extra in rest:
        if isinstance(extra, EnumValue) or (isinstance(extra, str) and not extra.strip().lstrip("-").isdigit()):
            remove_empty = convert_argument(extra, "System.StringSplitOptions", "Split", "options").value == 1
        else:
            count = _int(extra, "Split", "count")
            if count < 0:
                raise range_error("Count cannot be less than zero.", "count")
    parts = split_string(s, separators, count, remove_empty)
    check_element_count(len(parts))
    return TypedArray(parts, "System.String")


def split_string(s: str, separators: list[str] | None, count: int | None = None, remove_empty: bool = False) -> list[str]:
    """``String.Split``: character or string separators (whitespace when none), an optional
    maximum count and RemoveEmptyEntries."""
    if count == 0:
        return []
    pieces: list[str] = []
    start = 0
    i = 0
    seps = [sep for sep in separators if sep] if separators else None
    while i < len(s):
        if count is not None and len(pieces) == count - 1:
            break
        matched = 0
        if seps is None:
            matched = 1 if s[i].isspace() else 0
        else:
            for sep in seps:
                if s.startswith(sep, i):
                    matched = len(sep)
                    break
        if matched:
            piece = s[start:i]
            if not (remove_empty and piece == ""):
                pieces.append(piece)
            i += matched
            start = i
        else:
            i += 1
    last = s[start:]
    if not (remove_empty and last == ""):
        pieces.append(last)
    return pieces


def _s_index_of(s: str, args: list, ctx: Any, last: bool = False) -> int:
    method = "LastIndexOf" if last else "IndexOf"
    value = args[0]
    if value is None:
        raise _null_argument("value")
    needle = value if isinstance(value, Char) else to_string(value)
    ignore_case = False
    start: int | None = None
    count: int | None = None
    rest = list(args[1:])
    if rest and (isinstance(rest[-1], EnumValue) or (isinstance(rest[-1], str) and not rest[-1].isdigit())):
        ignore_case = _comparison(rest.pop(), method).endswith("IgnoreCase")
    if rest:
        start = _int(rest[0], method, "startIndex")
    if len(rest) > 1:
        count = _int(rest[1], method, "count")
    haystack = s.lower() if ignore_case else s
    needle = needle.lower() if ignore_case else needle
    if last:
        end = len(s) if start is None else start + 1
        if start is not None and not 0 <= start < max(len(s), 1):
            raise range_error(INDEX_RANGE, "startIndex")
        begin = 0 if count is None else end - count
        return haystack.rfind(needle, max(begin, 0), end)
    begin = 0 if start is None else start
    if not 0 <= begin <= len(s):
        raise range_error(INDEX_RANGE, "startIndex")
    end = len(s) if count is None else begin + count
    if end > len(s) or end < begin:
        raise range_error("Count must be positive and count must refer to a location within the string/array/"
                           "collection.", "count")  # fmt: skip
    return haystack.find(needle, begin, end)


def _s_index_of_any(s: str, args: list, ctx: Any, last: bool = False) -> int:
    chars = _chars([args[0]], "IndexOfAny")
    positions = [i for i, ch in enumerate(s) if ch in chars]
    if len(args) > 1:
        start = _int(args[1], "IndexOfAny", "startIndex")
        positions = [p for p in positions if (p <= start if last else p >= start)]
    if not positions:
        return -1
    return positions[-1] if last else positions[0]


def _s_starts_ends(s: str, args: list, method: str) -> bool:
    value = args[0]
    if value is None:
        raise _null_argument("value")
    text = to_string(value)
    ignore_case = False
    if len(args) == 2:
        ignore_case = _comparison(args[1], method).endswith("IgnoreCase")
    elif len(args) == 3:
        ignore_case = is_true(args[1])
    if ignore_case:
        s, text = s.lower(), text.lower()
    return s.startswith(text) if method == "StartsWith" else s.endswith(text)


def _s_equals(s: str, args: list, ctx: Any) -> bool:
    other = args[0]
    if not isinstance(other, str):
        return False
    if len(args) > 1 and _comparison(args[1], "Equals").endswith("IgnoreCase"):
        return s.lower() == other.lower()
    return s == other


def _s_pad(s: str, args: list, method: str) -> str:
    width = _int(args[0], method, "totalWidth")
    if width < 0:
        raise range_error("Non-negative number required.", "totalWidth")
    fill = convert_argument(args[1], "System.Char", method, "paddingChar") if len(args) > 1 else " "
    check_string_length(width)
    return s.rjust(width, fill) if method == "PadLeft" else s.ljust(width, fill)


def _s_insert(s: str, args: list, ctx: Any) -> str:
    index = _int(args[0], "Insert", "startIndex")
    value = _str(args[1], "Insert", "value")
    if value is None:
        raise _null_argument("value")
    if not 0 <= index <= len(s):
        raise range_error("Index and length must refer to a location within the string.", "startIndex")
    return s[:index] + value + s[index:]


def _s_remove(s: str, args: list, ctx: Any) -> str:
    start = _int(args[0], "Remove", "startIndex")
    if start < 0:
        raise range_error("StartIndex cannot be less than zero.", "startIndex")
    if len(args) == 1:
        if start >= len(s):
            raise range_error("startIndex must be less than length of string.", "startIndex")
        return s[:start]
    count = _int(args[1], "Remove", "count")
    if count < 0:
        raise range_error("Count cannot be less than zero.", "count")
    if start + count > len(s):
        raise range_error("Index and count must refer to a location within the string.", "count")
    return s[:start] + s[start + count :]


def _s_trim(s: str, args: list, method: str) -> str:
    if not args or (len(args) == 1 and args[0] is None):
        chars = None
    else:
        chars = "".join(_chars(args, method))
    if method == "Trim":
        return s.strip(chars)
    return s.lstrip(chars) if method == "TrimStart" else s.rstrip(chars)


def _s_compare_to(s: str, args: list, ctx: Any) -> int:
    if args[0] is None:
        return 1
    return compare_strings(s, to_string(args[0]), ignore_case=False)


def _s_to_char_array(s: str, args: list, ctx: Any) -> list:
    if args:
        start = _int(args[0], "ToCharArray", "startIndex")
        length = _int(args[1], "ToCharArray", "length")
        if start < 0 or length < 0 or start + length > len(s):
            raise range_error("Index was out of range. Must be non-negative and less than the size of the "
                               "collection.", "startIndex")  # fmt: skip
        s = s[start : start + length]
    check_element_count(len(s))
    return TypedArray((Char(c) for c in s), "System.Char")


def _s_contains(s: str, args: list, ctx: Any) -> bool:
    if args[0] is None:
        raise _null_argument("value")
    return to_string(args[0]) in s


def _s_chars(s: str, args: list, ctx: Any) -> Char:
    index = _int(args[0], "Chars", "index")
    if not 0 <= index < len(s):
        raise DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.")
    return Char(s[index])


STRING_METHODS: MethodTable = {
    "substring": ("Substring", (1, 2), _s_substring),
    "replace": ("Replace", (2,), _s_replace),
    "split": ("Split", (0, 1, 2, 3), _s_split),
    "indexof": ("IndexOf", (1, 2, 3, 4), _s_index_of),
    "lastindexof": ("LastIndexOf", (1, 2, 3, 4), lambda s, a, c: _s_index_of(s, a, c, last=True)),
    "indexofany": ("IndexOfAny", (1, 2, 3), _s_index_of_any),
    "lastindexofany": ("LastIndexOfAny", (1, 2, 3), lambda s, a, c: _s_index_of_any(s, a, c, last=True)),
    "startswith": ("StartsWith", (1, 2, 3), lambda s, a, c: _s_starts_ends(s, a, "StartsWith")),
    "endswith": ("EndsWith", (1, 2, 3), lambda s, a, c: _s_starts_ends(s, a, "EndsWith")),
    "contains": ("Contains", (1,), _s_contains),
    "equals": ("Equals", (1, 2), _s_equals),
    "compareto": ("CompareTo", (1,), _s_compare_to),
    "padleft": ("PadLeft", (1, 2), lambda s, a, c: _s_pad(s, a, "PadLeft")),
    "padright": ("PadRight", (1, 2), lambda s, a, c: _s_pad(s, a, "PadRight")),
    "insert": ("Insert", (2,), _s_insert),
    "remove": ("Remove", (1, 2), _s_remove),
    "trim": ("Trim", (0, -1), lambda s, a, c: _s_trim(s, a, "Trim")),
    "trimstart": ("TrimStart", (0, -1), lambda s, a, c: _s_trim(s, a, "TrimStart")),
    "trimend": ("TrimEnd", (0, -1), lambda s, a, c: _s_trim(s, a, "TrimEnd")),
    "toupper": ("ToUpper", (0, 1), lambda s, a, c: s.upper()),
    "tolower": ("ToLower", (0, 1), lambda s, a, c: s.lower()),
    "toupperinvariant": ("ToUpperInvariant", (0,), lambda s, a, c: s.upper()),
    "tolowerinvariant": ("ToLowerInvariant", (0,), lambda s, a, c: s.lower()),
    "tostring": ("ToString", (0, 1), lambda s, a, c: s),
    "clone": ("Clone", (0,), lambda s, a, c: s),
    "tochararray": ("ToCharArray", (0, 2), _s_to_char_array),
    "chars": ("Chars", (1,), _s_chars),
    "normalize": ("Normalize", (0, 1), lambda s, a, c: s),
    "gethashcode": ("GetHashCode", (0,), lambda s, a, c: hash(s) & 0x7FFFFFFF),
}


# ---------------------------------------------------------------- arrays and lists


def net_equals(a: Any, b: Any) -> bool:
    """``Object.Equals``: same .NET type and value (strings ordinal)."""
    if a is None or b is None:
        return a is b
    if type_name(a) != type_name(b):
        return False
    return a is b or a == b


def _fixed_size() -> DotNetException:
    return DotNetException("System.NotSupportedException", "Collection was of a fixed size.")


def _element_type(obj: list) -> PSType | None:
    if isinstance(obj, TypedArray):
        return resolve_type(obj.element_type)
    if isinstance(obj, ArrayList) and obj.type_name.startswith("System.Collections.Generic.List`1"):
        ptype = resolve_type(obj.type_name.replace("`1[[", "[").split(",")[0] + "]")
        return ptype.element_type if ptype is not None else None
    return None


def element_value(obj: list, value: Any) -> Any:
    element = _element_type(obj)
    return value if element is None else convert_to(value, element)


def _is_generic_list(obj: list) -> bool:
    return isinstance(obj, ArrayList) and obj.type_name.startswith("System.Collections.Generic.List`1")


def _l_add(obj: list, args: list, ctx: Any) -> Any:
    if not isinstance(obj, ArrayList):
        raise _fixed_size()
    check_element_count(len(obj) + 1)
    obj.append(element_value(obj, args[0]))
    return None if _is_generic_list(obj) else len(obj) - 1


def _l_add_range(obj: list, args: list, ctx: Any) -> None:
    if not isinstance(obj, ArrayList):
        raise _fixed_size()
    if args[0] is None:
        raise _null_argument("c")
    items = as_list(args[0])
    check_element_count(len(obj) + len(items))
    obj.extend(element_value(obj, item) for item in items)


def _l_insert(obj: list, args: list, ctx: Any) -> None:
    if not isinstance(obj, ArrayList):
        raise _fixed_size()
    index = _int(args[0], "Insert", "index")
    if not 0 <= index <= len(obj):
        raise range_error("Insertion index was out of range. Must be non-negative and less than or equal to size.",
                           "index")  # fmt: skip
    check_element_count(len(obj) + 1)
    obj.insert(index, element_value(obj, args[1]))


def _l_remove(obj: list, args: list, ctx: Any) -> Any:
    if not isinstance(obj, ArrayList):
        raise _fixed_size()
    target = element_value(obj, args[0]) if _is_generic_list(obj) else args[0]
    for i, item in enumerate(obj):
        if net_equals(item, target):
            del obj[i]
            return True if _is_generic_list(obj) else None
    return False if _is_generic_list(obj) else None


def _l_remove_at(obj: list, args: list, ctx: Any) -> None:
    if not isinstance(obj, ArrayList):
        raise _fixed_size()
    index = _int(args[0], "RemoveAt", "index")
    if not 0 <= index < len(obj):
        raise range_error(INDEX_RANGE, "index")
    del obj[index]


def _l_remove_range(obj: list, args: list, ctx: Any) -> None:
    if not isinstance(obj, ArrayList):
        raise _fixed_size()
    index = _int(args[0], "RemoveRange", "index")
    count = _int(args[1], "RemoveRange", "count")
    if index < 0 or count < 0:
        raise range_error("Non-negative number required.", "index" if index < 0 else "count")
    if index + count > len(obj):
        raise DotNetException("System.ArgumentException", "Offset and length were out of bounds for the array or count "
                              "is greater than the number of elements from index to the end of the source collection.")  # fmt: skip
    del obj[index : index + count]


def _l_clear(obj: list, args: list, ctx: Any) -> None:
    if isinstance(obj, ArrayList):
        obj.clear()
    else:
        for i in range(len(obj)):
            obj[i] = None


def _l_contains(obj: list, args: list, ctx: Any) -> bool:
    target = args[0]
    return any(net_equals(item, target) for item in obj)


def list_index_of(obj: list, args: list, ctx: Any, last: bool = False) -> int:
    target = args[0]
    indexes = [i for i, item in enumerate(obj) if net_equals(item, target)]
    if len(args) > 1:
        start = _int(args[1], "IndexOf", "startIndex")
        if not 0 <= start <= len(obj):
            raise range_error(INDEX_RANGE, "startIndex")
        indexes = [i for i in indexes if (i <= start if last else i >= start)]
    if not indexes:
        return -1
    return indexes[-1] if last else indexes[0]


def _l_to_array(obj: list, args: list, ctx: Any) -> list:
    element = _element_type(obj)
    if element is not None and element.full_name != "System.Object":
        return TypedArray(obj, element.full_name)
    return list(obj)


def _l_get_range(obj: list, args: list, ctx: Any) -> ArrayList:
    index = _int(args[0], "GetRange", "index")
    count = _int(args[1], "GetRange", "count")
    if index < 0 or count < 0:
        raise range_error("Non-negative number required.", "index" if index < 0 else "count")
    if index + count > len(obj):
        raise DotNetException("System.ArgumentException", "Offset and length were out of bounds for the array or count "
                              "is greater than the number of elements from index to the end of the source collection.")  # fmt: skip
    return ArrayList(obj[index : index + count], obj.type_name if isinstance(obj, ArrayList) else "System.Collections.ArrayList")


def _l_sort(obj: list, args: list, ctx: Any) -> None:
    import functools

    obj.sort(key=functools.cmp_to_key(lambda a, b: compare(a, b, True)))


def _l_reverse(obj: list, args: list, ctx: Any) -> None:
    obj.reverse()


def _l_clone(obj: list, args: list, ctx: Any) -> list:
    if isinstance(obj, ArrayList):
        return ArrayList(obj, obj.type_name)
    if isinstance(obj, TypedArray):
        return TypedArray(obj, obj.element_type)
    return list(obj)


def _l_get(obj: list, args: list, ctx: Any) -> Any:
    index = _int(args[0], "Get", "index")
    if not 0 <= index < len(obj):
        raise DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.")
    return obj[index]


def _l_set(obj: list, args: list, ctx: Any) -> None:
    index = _int(args[0], "Set", "index")
    if not 0 <= index < len(obj):
        raise DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.")
    obj[index] = element_value(obj, args[1])


LIST_METHODS: MethodTable = {
    "add": ("Add", (1,), _l_add),
    "addrange": ("AddRange", (1,), _l_add_range),
    "insert": ("Insert", (2,), _l_insert),
    "remove": ("Remove", (1,), _l_remove),
    "removeat": ("RemoveAt", (1,), _l_remove_at),
    "removerange": ("RemoveRange", (2,), _l_remove_range),
    "clear": ("Clear", (0,), _l_clear),
    "contains": ("Contains", (1,), _l_contains),
    "indexof": ("IndexOf", (1, 2), list_index_of),
    "lastindexof": ("LastIndexOf", (1, 2), lambda o, a, c: list_index_of(o, a, c, last=True)),
    "toarray": ("ToArray", (0,), _l_to_array),
    "getrange": ("GetRange", (2,), _l_get_range),
    "sort": ("Sort", (0,), _l_sort),
    "reverse": ("Reverse", (0,), _l_reverse),
    "clone": ("Clone", (0,), _l_clone),
    "get": ("Get", (1,), _l_get),
    "set": ("Set", (2,), _l_set),
    "getvalue": ("GetValue", (1,), _l_get),
    "setvalue": ("SetValue", (2,), lambda o, a, c: _l_set(o, [a[1], a[0]], c)),
}


# ---------------------------------------------------------------- hashtables


def _h_add(obj: Hashtable, args: list, ctx: Any) -> None:
    key, value = args
    if key is None:
        raise DotNetException("System.ArgumentNullException", "Key cannot be null.\nParameter name: key")
    dictionary = isinstance(obj, _dictionary_class())
    if dictionary:
        key = convert_to(key, obj.key_type) if obj.key_type is not None else key  # type: ignore[attr-defined]
        value = convert_to(value, obj.value_type) if obj.value_type is not None else value  # type: ignore[attr-defined]
    if key in obj:
        if dictionary:
            raise DotNetException("System.ArgumentException", "An item with the same key has already been added.")
        existing = next(k for k in obj.keys() if _same_key(k, key))
        raise DotNetException(
            "System.ArgumentException",
            f"Item has already been added. Key in dictionary: '{to_string(existing)}'  Key being added: '{to_string(key)}'",
        )
    obj[key] = value


def _same_key(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    return a == b


def _h_remove(obj: Hashtable, args: list, ctx: Any) -> Any:
    key = args[0]
    if key is None:
        raise DotNetException("System.ArgumentNullException", "Key cannot be null.\nParameter name: key")
    present = key in obj
    del obj[key]
    return present if isinstance(obj, _dictionary_class()) else None


def _h_contains_key(obj: Hashtable, args: list, ctx: Any) -> bool:
    if args[0] is None:
        raise DotNetException("System.ArgumentNullException", "Key cannot be null.\nParameter name: key")
    return args[0] in obj


def _h_contains_value(obj: Hashtable, args: list, ctx: Any) -> bool:
    return any(net_equals(value, args[0]) for value in obj.values())


def _h_enumerator(obj: Hashtable, args: list, ctx: Any) -> list:
    from emshell.engine.psobject import DictionaryEntry

    return [DictionaryEntry(key, value) for key, value in obj.items()]


def _h_try_get_value(obj: Hashtable, args: list, ctx: Any) -> bool:
    from emshell.engine.dotnet import PSReference

    key, ref = args
    found = key in obj
    if isinstance(ref, PSReference):
        ref.Value = obj[key] if found else None
    return found


def _h_clear(obj: Hashtable, args: list, ctx: Any) -> None:
    for key in obj.keys():
        del obj[key]


HASHTABLE_METHODS: MethodTable = {
    "add": ("Add", (2,), _h_add),
    "remove": ("Remove", (1,), _h_remove),
    "containskey": ("ContainsKey", (1,), _h_contains_key),
    "contains": ("Contains", (1,), _h_contains_key),
    "containsvalue": ("ContainsValue", (1,), _h_contains_value),
    "clear": ("Clear", (0,), _h_clear),
    "clone": ("Clone", (0,), lambda o, a, c: o.copy()),
    "getenumerator": ("GetEnumerator", (0,), _h_enumerator),
    "trygetvalue": ("TryGetValue", (2,), _h_try_get_value),
    "item": ("Item", (1,), lambda o, a, c: o[a[0]]),
}


# ---------------------------------------------------------------- numbers, booleans, chars, enums


def _n_to_string(obj: Any, args: list, ctx: Any) -> str:
    from emshell.engine.dotnet_format import FormatError, format_number

    if isinstance(obj, bool):
        return "True" if obj else "False"
    if isinstance(obj, Char) or not args or args[0] is None:
        return dotnet_to_string(obj)
    fmt = to_string(args[0])
    try:
        return format_number(obj, fmt)
    except FormatError as error:
        raise DotNetException("System.FormatException", error.message) from None


def _n_equals(obj: Any, args: list, ctx: Any) -> bool:
    return net_equals(obj, args[0])


def _n_compare_to(obj: Any, args: list, ctx: Any) -> int:
    other = args[0]
    if other is None:
        return 1
    own = type_name(obj)
    try:
        converted = convert_to(other, own)
    except ConversionError:
        raise DotNetException("System.ArgumentException", f"Object must be of type {own.rsplit('.', 1)[-1]}.") from None
    return (obj > converted) - (obj < converted)


_TYPE_CODES = {"System.Boolean": "Boolean", "System.Char": "Char", "System.SByte": "SByte", "System.Byte": "Byte",
               "System.Int16": "Int16", "System.UInt16": "UInt16", "System.Int32": "Int32", "System.UInt32": "UInt32",
               "System.Int64": "Int64", "System.UInt64": "UInt64", "System.Single": "Single",
               "System.Double": "Double", "System.Decimal": "Decimal"}  # fmt: skip

NUMBER_METHODS: MethodTable = {
    "tostring": ("ToString", (0, 1, 2), _n_to_string),
    "equals": ("Equals", (1,), _n_equals),
    "compareto": ("CompareTo", (1,), _n_compare_to),
    "gettypecode": ("GetTypeCode", (0,), lambda o, a, c: _TYPE_CODES.get(type_name(o), "Object")),
    "gethashcode": ("GetHashCode", (0,), lambda o, a, c: hash(o) & 0x7FFFFFFF),
}


def _e_has_flag(obj: EnumValue, args: list, ctx: Any) -> bool:
    flag = convert_argument(args[0], obj.enum_type, "HasFlag", "flag")
    return obj.value & flag.value == flag.value


ENUM_METHODS: MethodTable = {
    "hasflag": ("HasFlag", (1,), _e_has_flag),
    "tostring": ("ToString", (0, 1), lambda o, a, c: o.ToString(to_string(a[0]) if a else None)),
    "equals": ("Equals", (1,), lambda o, a, c: o == a[0]),
    "compareto": ("CompareTo", (1,), lambda o, a, c: 1 if a[0] is None else o.ps_compare(convert_to(a[0], o.enum_type))),
    "gethashcode": ("GetHashCode", (0,), lambda o, a, c: o.value),
}


# ---------------------------------------------------------------- every object


def _u_to_string(obj: Any, args: list, ctx: Any) -> str:
    if isinstance(obj, PSObject):
        return ""  # PSCustomObject.ToString() is empty in Windows PowerShell 5.1
    method = getattr(obj, "ToString", None)
    if method is not None and callable(method):
        return method(*args)
    return dotnet_to_string(obj)


def _u_equals(obj: Any, args: list, ctx: Any) -> bool:
    method = getattr(obj, "Equals", None)
    if method is not None and callable(method):
        return bool(method(args[0]))
    return net_equals(obj, args[0])


def _u_where(obj: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.primitives import context_or_default

    runner = context_or_default(ctx)
    script = args[0]
    mode = to_string(args[1]).lower() if len(args) > 1 and args[1] is not None else "default"
    limit = _int(args[2], "Where", "numberToReturn") if len(args) > 2 else 0
    items = [obj] if enumerate_value(obj) is None else list(enumerate_value(obj))  # type: ignore[arg-type]
    modes = ("default", "first", "last", "skipuntil", "until", "split")
    if mode not in modes:
        mode = convert_argument(args[1], _where_modes(), "Where", "mode").ToString().lower()

    def holds(item: Any) -> bool:
        return is_true(runner.invoke_scriptblock(script, [], dollar_under=item))

    result: list = []
    if mode == "default":
        for item in items:
            if holds(item):
                result.append(item)
                if limit and len(result) >= limit:
                    break
    elif mode == "first":
        for item in items:
            if holds(item):
                result.append(item)
                if len(result) >= max(limit, 1):
                    break
    elif mode == "last":
        matching = [item for item in items if holds(item)]
        result = matching[-max(limit, 1) :] if matching else []
    elif mode in ("skipuntil", "until"):
        hit = next((i for i, item in enumerate(items) if holds(item)), len(items))
        result = items[hit:] if mode == "skipuntil" else items[:hit]
        if limit:
            result = result[:limit]
    else:
        chosen = [i for i, item in enumerate(items) if holds(item)]
        if limit:
            chosen = chosen[:limit]
        picked = set(chosen)
        matched = [items[i] for i in chosen]
        others = [item for i, item in enumerate(items) if i not in picked]
        return [ArrayList(matched, COLLECTION_OF_PSOBJECT), ArrayList(others, COLLECTION_OF_PSOBJECT)]
    return ArrayList(result, COLLECTION_OF_PSOBJECT)


def _where_modes() -> EnumType:
    global _WHERE_MODES
    if _WHERE_MODES is None:
        _WHERE_MODES = EnumType(SMA + "WhereOperatorSelectionMode",
                                ("Default", "First", "Last", "SkipUntil", "Until", "Split"))  # fmt: skip
    return _WHERE_MODES


_WHERE_MODES: EnumType | None = None


def _u_for_each(obj: Any, args: list, ctx: Any) -> Any:
    from emshell.engine.members import get_member, has_member, invoke_method
    from emshell.engine.primitives import context_or_default

    items = [obj] if enumerate_value(obj) is None else list(enumerate_value(obj))  # type: ignore[arg-type]
    action = args[0]
    result: list = []
    if isinstance(action, PSType):
        result = [convert_to(item, action, ctx) for item in items]
    elif isinstance(action, str):
        for item in items:
            if len(args) > 1:
                value = invoke_method(item, action, list(args[1:]), ctx)
            elif has_member(item, action):
                value = get_member(item, action, ctx)
            else:
                value = invoke_method(item, action, [], ctx)
            result.extend(value if isinstance(value, list) else [value])
    else:
        runner = context_or_default(ctx)
        for item in items:
            result.extend(runner.invoke_scriptblock(action, list(args[1:]), dollar_under=item))
    return ArrayList(result, COLLECTION_OF_PSOBJECT)


UNIVERSAL_METHODS: MethodTable = {
    "gettype": ("GetType", (0,), lambda o, a, c: type_of(o)),
    "tostring": ("ToString", (0, 1, 2), _u_to_string),
    "equals": ("Equals", (1,), _u_equals),
    "gethashcode": ("GetHashCode", (0,), lambda o, a, c: id(o) & 0x7FFFFFFF),
    "where": ("Where", (1, 2, 3), _u_where),
    "foreach": ("ForEach", (1, -1), _u_for_each),
}
