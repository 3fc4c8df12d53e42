"""How values read on screen: the display rules of Windows PowerShell 5.1's formatter.

Display is not string conversion.  ``"$x"`` and ``[string]$x`` use the invariant culture
(``emshell.engine.primitives.to_string``); the console shows values through ``ToString()`` in
the current culture, en-US for EMS: ``11/27/2026 2:03:04 PM``, not ``11/27/2026 14:03:04``.

The rules here follow ``PSObjectHelper`` (FormatAndOutput/common/Utilities/MshObjectUtil.cs,
the 5.1 build was checked in its decompiled form):

* ``field_text`` is ``FormatField``: a ``FormatString`` applies first, otherwise
  ``smart_to_string``;
* ``smart_to_string`` is ``SmartToString``: a collection (a dictionary too) shows as
  ``{a, b, c}``, at most ``$FormatEnumerationLimit`` items, then ``...`` inside the braces;
* ``element_name`` is ``GetObjectName``: ``$null`` for a null item, ``ToString()`` when the
  item's type declares one, else its display-name property (``name``, ``id``, ``key``,
  ``*key``, ``*name``, ``*id``), which is why a hashtable shows its keys: ``{a, b}``;
* a PSCustomObject prints as ``@{a=1; b=System.Object[]}`` (``PSObject.ToString``: nested
  collections are not expanded).
"""

from __future__ import annotations

from emshell.engine.psobject import DictionaryEntry, Hashtable, PSObject, property_names, type_names_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

# DefaultScalarTypes (FormatAndOutput/common/DisplayDatabase/typeDataQuery.cs): printed by
# ToString() out of band, and right-aligned in generated tables (except String).
SCALAR_TYPES = frozenset({
    "System.String", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
    "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Char",
    "System.Single", "System.Double", "System.Boolean", "System.Decimal", "System.IntPtr",
    "System.Security.SecureString",
})  # fmt: skip

# GetDisplayNameExpression: the property patterns tried when a type has no display property.
_DISPLAY_NAME_PATTERNS = ("name", "id", "key", "*key", "*name", "*id")

DESERIALIZED = "Deserialized."




# --------------------------------------------------------------------------- types


def first_type_name(value: Any) -> str:
    names = type_names_of(value)
    return names[0] if names else ""


def undeserialized(name: str) -> str:
    """``Deserialized.X`` -> ``X``: EMS objects come back through remoting (5.1 matches
    views on the masked name as well)."""
    return name[len(DESERIALIZED):] if name.startswith(DESERIALIZED) else name


def is_scalar(value: Any) -> bool:
    """A DefaultScalarTypes value (first type name only, as ``IsTypeInList`` checks)."""
    return undeserialized(first_type_name(value)) in SCALAR_TYPES


def is_property_less(value: Any) -> bool:
    """Objects with no properties at all print as their ToString()."""
    if isinstance(value, PSObject):
        return not value.PS_PROPERTIES
    if isinstance(value, Hashtable):
        return False
    return not property_names(value)


def enumerate_for_display(value: Any) -> list | None:
    """``PSObjectHelper.GetEnumerable``: the pipeline's rule plus dictionaries (entries)."""
    if isinstance(value, Hashtable):
        return [DictionaryEntry(k, v) for k, v in value.items()]
    if value is None or isinstance(value, (str, PSObject)):
        return None
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, dict):
        return [DictionaryEntry(k, v) for k, v in value.items()]
    enumerate_ = getattr(value, "ps_enumerate", None)
    if enumerate_ is not None:
        return list(enumerate_())
    return None


def default_alignment(value: Any) -> int:
    """Generated table columns: scalars right-aligned except strings
    (``TableViewGenerator.ComputeDefaultAlignment``)."""
    name = undeserialized(first_type_name(value))
    if name == "System.String" or name not in SCALAR_TYPES:
        return ALIGN_LEFT
    return ALIGN_RIGHT


# TextAlignment values as the formatter numbers them.
ALIGN_UNDEFINED, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT = 0, 1, 2, 3
_ALIGNMENT_NAMES = {"left": ALIGN_LEFT, "center": ALIGN_CENTER, "right": ALIGN_RIGHT}


def parse_alignment(value: Any) -> int:
    """A calculated property's ``Alignment`` key (Left/Center/Right, any case)."""
    if value is None:
        return ALIGN_UNDEFINED
    text = str(getattr(value, "name", value)).strip().lower()
    return _ALIGNMENT_NAMES.get(text, ALIGN_UNDEFINED)


# --------------------------------------------------------------------------- properties

_get_member: Any = None


def _member_reader() -> Any:
    """The engine's member access, once it exists (``emshell.engine.members.get_member``)."""
    global _get_member
    if _get_member is None:
        try:
            from emshell.engine.members import get_member
        except ImportError:
            get_member = False
        _get_member = get_member
    return _get_member


def find_property(obj: Any, name: str) -> str | None:
    """The object's own spelling of property ``name`` (any case), or None."""
    if isinstance(obj, PSObject):
        return obj.property_name(name)
    lower = name.lower()
    if isinstance(obj, str):
        return "Length" if lower == "length" else None
    for candidate in property_names(obj):
        if candidate.lower() == lower:
            return candidate
    return None


def read_property(obj: Any, name: str) -> Any:
    """``$obj.Name`` for display: missing properties read as $null, failures too."""
    getter = _member_reader()
    if getter:
        try:
            return getter(obj, name)
        except Exception:  # the formatter shows an empty field, as 5.1 does
            return None
    if isinstance(obj, PSObject):
        return obj.get_property(name)
    if isinstance(obj, str):
        return len(obj) if name.lower() == "length" else None
    own = find_property(obj, name)
    if own is None:
        return None
    try:
        return getattr(obj, own, None)
    except Exception:
        return None


def visible_properties(obj: Any) -> list[str]:
    """What a generated view shows when no property is named (``ExpandAll`` +
    ``HandleComputerNameProperties``): PSShowComputerName never, PSComputerName only when
    PSShowComputerName is true.  An object may name a smaller default set with
    ``PS_DEFAULT_DISPLAY_PROPERTIES`` (PowerShell's DefaultDisplayPropertySet)."""
    default = getattr(obj, "PS_DEFAULT_DISPLAY_PROPERTIES", None)
    if default:
        return list(default)
    if isinstance(obj, str):
        return ["Length"]
    names = list(property_names(obj))
    lowered = [n.lower() for n in names]
    if "psshowcomputername" in lowered:
        show = read_property(obj, "PSShowComputerName")
        names = [n for n in names if n.lower() != "psshowcomputername"]
        if not show:
            names = [n for n in names if n.lower() != "pscomputername"]
    return names


def display_name_property(obj: Any) -> str | None:
    """``GetDisplayNameExpression``: the default display property, else the first property
    matching name, id, key, *key, *name, *id (in that order)."""
    declared = getattr(obj, "PS_DEFAULT_DISPLAY_PROPERTY", None)
    if declared:
        return declared
    names = property_names(obj)
    for pattern in _DISPLAY_NAME_PATTERNS:
        suffix = pattern.lstrip("*")
        for name in names:
            lower = name.lower()
            if (lower.endswith(suffix) if pattern.startswith("*") else lower == pattern):
                return name
    return None


# --------------------------------------------------------------------------- strings


def display_string(value: Any) -> str:
    """``ToString()`` as the console shows a value (en-US current culture)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, PSObject):
        return _pscustomobject_string(value)
    formatter = getattr(value, "ps_format", None)  # DateTime, TimeSpan, Guid, enums
    if formatter is not None:
        return formatter(None)
    if type(value).__name__ == "datetime":
        return _python_datetime(value)
    if isinstance(value, Hashtable):
        return value.PS_TYPE_NAMES[0]
    if isinstance(value, (list, tuple)):
        names = type_names_of(value)
        return names[0] if names else "System.Object[]"
    from emshell.engine.primitives import to_string

    return to_string(value)


def _pscustomobject_string(obj: PSObject) -> str:
    """``@{a=1; b=2}``: PSObject.ToString does not expand nested collections."""
    parts = []
    for name, value in obj.items():
        if type(value).__name__ == "ScriptProperty":
            text = "System.Management.Automation.PSScriptProperty"
        else:
            text = display_string(value)
        parts.append(f"{name}={text}")
    return "@{" + "; ".join(parts) + "}"


def _python_datetime(value: Any) -> str:
    """A bare ``datetime.datetime`` in en-US "G" form (M/d/yyyy h:mm:ss tt)."""
    hour = value.hour % 12 or 12
    suffix = "AM" if value.hour < 12 else "PM"
    return f"{value.month}/{value.day}/{value.year} {hour}:{value.minute:02d}:{value.second:02d} {suffix}"


def _declares_to_string(value: Any) -> bool:
    """Whether the value's own type defines ToString (GetObjectName's DeclaringType test)."""
    if isinstance(value, (PSObject, str, int, float)) or getattr(value, "ps_format", None) is not None:
        return True
    if isinstance(value, DictionaryEntry):
        return False  # its ToString is System.ValueType's: the display property (Name) is used
    if callable(getattr(value, "ToString", None)):
        return True
    cls = type(value)
    return cls.__str__ is not object.__str__ and not hasattr(value, "PS_PROPERTIES")


def element_name(item: Any) -> str:
    """``GetObjectName``: how one item of a collection reads inside ``{...}``."""
    if item is None:
        return "$null"
    if _declares_to_string(item):
        return display_string(item)
    prop = display_name_property(item)
    if prop is not None:
        return display_string(read_property(item, prop))
    return display_string(item)


def smart_to_string(value: Any, enumeration_limit: int) -> str:
    """``SmartToString``: collections as ``{a, b...}``, anything else by ToString()."""
    items = enumerate_for_display(value)
    if items is None:
        return display_string(value)
    shown = []
    for count, item in enumerate(items):
        if 0 <= enumeration_limit == count:
            shown.append(None)  # marks the ellipsis
            break
        shown.append(element_name(item))
    if shown and shown[-1] is None:
        return "{" + ", ".join(shown[:-1]) + "...}"
    return "{" + ", ".join(shown) + "}"


def field_text(value: Any, enumeration_limit: int, format_string: str | None = None) -> str:
    """``FormatField``: apply a FormatString (composite when it has ``{0`` or ``}``), falling
    back to an empty field if it fails; otherwise ``smart_to_string``."""
    if format_string:
        from emshell.engine.dotnet_format import format_composite, format_value

        try:
            if "{0" in format_string or "}" in format_string:
                return format_composite(format_string, [value])
            return format_value(value, format_string)
        except Exception:  # 5.1 reports the failure and shows an empty field
            return ""
    return smart_to_string(value, enumeration_limit)
