"""PowerShell's object shapes on the Python side.

How values map:

=====================  =========================================================
PowerShell             Python
=====================  =========================================================
``$null``              ``None``
Boolean                ``bool``
Int32 / Int64          ``int`` (the type name follows the magnitude)
Double / Decimal       ``float`` / ``decimal.Decimal``
String / Char          ``str`` / ``Char`` (a one-character ``str`` subclass)
``object[]``           ``list``
ArrayList              ``ArrayList`` (a ``list`` subclass)
Hashtable / ordered    ``Hashtable`` (case-insensitive keys, insertion order)
PSCustomObject         ``PSObject``
ScriptBlock            ``emshell.engine.scriptblock.ScriptBlock``
other .NET-like types  any object with ``PS_TYPE_NAMES`` and ``PS_PROPERTIES``
=====================  =========================================================

The ``PS_TYPE_NAMES`` / ``PS_PROPERTIES`` protocol: a class names its .NET type chain (most
derived first) and the ordered names of its properties; each property is read with
``getattr`` under the same name.  The engine's member access, Get-Member, Select-Object and
the formatter all go through it, so Exchange objects from the model and engine objects such
as ``ErrorRecord`` look alike to scripts.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

PSCUSTOMOBJECT_TYPE_NAMES = ("System.Management.Automation.PSCustomObject", "System.Object")


class Char(str):
    """A ``[char]``: a one-character string that keeps its .NET type."""

    __slots__ = ()
    PS_TYPE_NAMES = ("System.Char", "System.ValueType", "System.Object")


class ArgumentInt(int):
    """A number typed as a bare command argument (``Set-X -Code 007``): it acts as the number but
    converts to a string as it was typed, as PowerShell's hidden PSObject wrapper does."""

    def __new__(cls, value: int, text: str) -> ArgumentInt:
        obj = super().__new__(cls, value)
        obj.argument_text = text
        return obj


class ArgumentFloat(float):
    """A decimal number typed as a bare command argument (see ``ArgumentInt``)."""

    def __new__(cls, value: float, text: str) -> ArgumentFloat:
        obj = super().__new__(cls, value)
        obj.argument_text = text
        return obj


ARGUMENT_NUMBER_TYPES = (ArgumentInt, ArgumentFloat)


class ScriptProperty:
    """A property computed by a script block each time it is read (``Add-Member``)."""

    __slots__ = ("getter", "setter")

    def __init__(self, getter: Any, setter: Any = None):
        self.getter = getter
        self.setter = setter


class PSObject:
    """A property bag with ordered, case-insensitive properties and a list of type names.

    Used for ``[PSCustomObject]@{...}``, ``New-Object PSObject``, Select-Object output and the
    deserialized Exchange objects that EMS cmdlets return.
    """

    __slots__ = ("_properties", "type_names", "methods")

    def __init__(
        self,
        properties: Iterable[tuple[str, Any]] | dict[str, Any] | None = None,
        type_names: Iterable[str] = PSCUSTOMOBJECT_TYPE_NAMES,
    ):
        self._properties: dict[str, list] = {}  # lower-case name -> [Name, value]
        self.type_names = tuple(type_names)
        self.methods: dict[str, Any] = {}  # lower-case name -> ScriptBlock (ScriptMethod)
        if properties:
            items = properties.items() if isinstance(properties, dict) else properties
            for name, value in items:
                self._properties[name.lower()] = [name, value]

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return self.type_names

    @property
    def PS_PROPERTIES(self) -> tuple[str, ...]:
        return tuple(entry[0] for entry in self._properties.values())

    def has_property(self, name: str) -> bool:
        return name.lower() in self._properties

    def get_property(self, name: str, default: Any = None) -> Any:
        entry = self._properties.get(name.lower())
        return default if entry is None else entry[1]

    def set_property(self, name: str, value: Any) -> None:
        """Set a property, adding it at the end when it does not exist yet."""
        entry = self._properties.get(name.lower())
        if entry is None:
            self._properties[name.lower()] = [name, value]
        else:
            entry[1] = value

    def remove_property(self, name: str) -> None:
        self._properties.pop(name.lower(), None)

    def property_name(self, name: str) -> str | None:
        """The property's own spelling for a name in any case."""
        entry = self._properties.get(name.lower())
        return None if entry is None else entry[0]

    def items(self) -> Iterator[tuple[str, Any]]:
        return ((name, value) for name, value in self._properties.values())

    def copy(self) -> PSObject:
        clone = PSObject(((n, v) for n, v in self.items()), self.type_names)
        clone.methods = dict(self.methods)
        return clone

    def __repr__(self) -> str:
        inner = "; ".join(f"{n}={v!r}" for n, v in self.items())
        return f"PSObject({self.type_names[0]}: {inner})"


def _normalise_key(key: Any) -> Any:
    return key.lower() if isinstance(key, str) else key


class Hashtable:
    """``@{}`` and ``[ordered]@{}``: keys compare case-insensitively when they are strings.

    Windows PowerShell enumerates a plain Hashtable in hash order, which nobody can rely on;
    emshell keeps insertion order for both kinds (a documented deviation).
    """

    __slots__ = ("_data", "ordered")

    def __init__(self, items: Iterable[tuple[Any, Any]] | None = None, *, ordered: bool = False):
        self._data: dict[Any, list] = {}
        self.ordered = ordered
        if items:
            for key, value in items:
                self[key] = value

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        if self.ordered:
            return ("System.Collections.Specialized.OrderedDictionary", "System.Object")
        return ("System.Collections.Hashtable", "System.Object")

    PS_PROPERTIES = ("IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count")

    def __getitem__(self, key: Any) -> Any:
        entry = self._data.get(_normalise_key(key))
        return None if entry is None else entry[1]

    def __setitem__(self, key: Any, value: Any) -> None:
        norm = _normalise_key(key)
        entry = self._data.get(norm)
        if entry is None:
            self._data[norm] = [key, value]
        else:
            entry[1] = value

    def __delitem__(self, key: Any) -> None:
        self._data.pop(_normalise_key(key), None)

    def __contains__(self, key: Any) -> bool:
        return _normalise_key(key) in self._data

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[Any]:
        for key, _ in self._data.values():
            yield key

    def keys(self) -> list[Any]:
        return [entry[0] for entry in self._data.values()]

    def values(self) -> list[Any]:
        return [entry[1] for entry in self._data.values()]

    def items(self) -> Iterator[tuple[Any, Any]]:
        return ((key, value) for key, value in self._data.values())

    def get(self, key: Any, default: Any = None) -> Any:
        entry = self._data.get(_normalise_key(key))
        return default if entry is None else entry[1]

    def copy(self) -> Hashtable:
        return Hashtable(self.items(), ordered=self.ordered)

    # .NET surface used by scripts
    @property
    def Count(self) -> int:
        return len(self._data)

    @property
    def Keys(self) -> list[Any]:
        return self.keys()

    @property
    def Values(self) -> list[Any]:
        return self.values()

    IsReadOnly = False
    IsFixedSize = False
    IsSynchronized = False
    SyncRoot = None

    def __eq__(self, other: object) -> bool:  # reference equality, as in .NET
        return self is other

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        inner = "; ".join(f"{k!r}={v!r}" for k, v in self.items())
        return f"Hashtable({'ordered ' if self.ordered else ''}{inner})"


class DictionaryEntry:
    """One entry of an enumerated hashtable (``$h.GetEnumerator()``, Format-Table of a hashtable);
    ``Name`` is the alias of ``Key`` that types.ps1xml adds, so the Name/Value views show keys."""

    __slots__ = ("Key", "Value")

    PS_TYPE_NAMES = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Name", "Key", "Value")

    def __init__(self, key: Any, value: Any):
        self.Key = key
        self.Value = value

    @property
    def Name(self) -> Any:
        return self.Key

    def ToString(self) -> str:
        return "System.Collections.DictionaryEntry"

    def __repr__(self) -> str:
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"


class ArrayList(list):
    """``System.Collections.ArrayList`` / ``List[object]``: a growable list."""

    __slots__ = ("type_name",)

    def __init__(self, items: Iterable[Any] = (), type_name: str = "System.Collections.ArrayList"):
        super().__init__(items)
        self.type_name = type_name

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (self.type_name, "System.Object")

    def __eq__(self, other: object) -> bool:  # reference equality, as in .NET
        return self is other

    __hash__ = object.__hash__


def type_names_of(value: Any) -> tuple[str, ...]:
    """The .NET type chain of any value, most derived first (``$x.PSObject.TypeNames``)."""
    names = getattr(value, "PS_TYPE_NAMES", None)
    if names is not None:
        return tuple(names)
    if value is None:
        return ()
    if isinstance(value, bool):
        return ("System.Boolean", "System.ValueType", "System.Object")
    if isinstance(value, int):
        if -(2**31) <= value < 2**31:
            return ("System.Int32", "System.ValueType", "System.Object")
        return ("System.Int64", "System.ValueType", "System.Object")
    if isinstance(value, float):
        return ("System.Double", "System.ValueType", "System.Object")
    if isinstance(value, str):
        return ("System.String", "System.Object")
    if isinstance(value, list):
        return ("System.Object[]", "System.Array", "System.Object")
    if type(value).__name__ == "Decimal":
        return ("System.Decimal", "System.ValueType", "System.Object")
    return ("System.Object",)


def property_names(value: Any) -> tuple[str, ...]:
    """The ordered property names an object shows (``PS_PROPERTIES`` protocol)."""
    names = getattr(value, "PS_PROPERTIES", None)
    return tuple(names) if names is not None else ()
