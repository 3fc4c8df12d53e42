"""Member access: ``$x.Name``, ``$x.Name = v``, ``$x.Method(args)``, ``[T]::Member``, ``$x[i]``.

How members are found, in PowerShell's order:

* hashtables: a key wins over a property (``@{Count=5}.Count`` is 5);
* PSObjects: note and script properties, ``ScriptMethod``\\ s in ``PSObject.methods``;
* strings, arrays, ArrayLists, hashtables and numbers: the .NET members scripts use, with
  .NET's overload semantics (``'a::b'.Split('::')`` splits on ':' as in 5.1);
* any other object: the ``PS_PROPERTIES`` protocol, and ``PS_METHODS`` (name -> accepted
  argument counts) for methods, which receive PowerShell values;
* everything: ``GetType()``, ``ToString()``, ``Equals()``, ``GetHashCode()``, ``.Where()``,
  ``.ForEach()``, ``.PSObject``, and ``.Count``/``.Length`` (1 on a scalar, 0 on ``$null``);
* collections: member enumeration (``$list.Name`` collects each element's ``Name``).

The tables of built-in instance methods live in ``members_builtin``; the static members and
constructors of the engine's .NET types in ``dotnet_statics``.

Reading a missing property gives ``$null`` (strict mode off).  Failures are PowerShell's
records: InvokeMethodOnNull, MethodNotFound, MethodCountCouldNotFindBest,
MethodInvocationException (``Exception calling "X" with "N" argument(s): "..."``),
PropertyNotFound, PropertyAssignmentException, NullArray, CannotIndex.
"""

from __future__ import annotations

from emshell.engine.conversion import convert_to
from emshell.engine.errors import ErrorRecord, NetException, PSError
from emshell.engine.members_builtin import (
    ENUM_METHODS,
    HASHTABLE_METHODS,
    INDEX_RANGE,
    LIST_METHODS,
    NUMBER_METHODS,
    STRING_METHODS,
    UNIVERSAL_METHODS,
    element_value,
    range_error,
)
from emshell.engine.primitives import (
    Char,
    DotNetException,
    dotnet_error,
    enumerate_value,
    is_array,
    is_number,
    runtime_error,
    to_string,
    type_name,
)
from emshell.engine.psobject import ArrayList, Hashtable, PSObject, ScriptProperty, type_names_of
from emshell.engine.types import (
    EnumType,
    EnumValue,
    PSType,
    StaticMethod,
    StaticProperty,
    resolve_type,
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

SMA = "System.Management.Automation."

_MISSING = object()


# --------------------------------------------------------------------------- errors


def method_not_found(obj_type: str, name: str) -> PSError:
    return runtime_error(f"Method invocation failed because [{obj_type}] does not contain a method named '{name}'.",
                         "MethodNotFound")  # fmt: skip


def _overload_error(name: str, count: int) -> PSError:
    return runtime_error(f'Cannot find an overload for "{name}" and the argument count: "{count}".',
                         "MethodCountCouldNotFindBest", "NotSpecified",
                         exception_type=SMA + "MethodException")  # fmt: skip


def method_invocation_error(name: str, count: int, error: DotNetException) -> PSError:
    """``Exception calling "X" with "N" argument(s): "..."`` for a .NET exception."""
    inner = NetException(error.type_name, error.message)
    message = f'Exception calling "{name}" with "{count}" argument(s): "{error.message}"'
    exception = NetException(SMA + "MethodInvocationException", message, inner)
    return PSError(ErrorRecord(exception, inner.short_name, "NotSpecified", None))


def _property_not_found(name: str) -> PSError:
    return runtime_error(f"The property '{name}' cannot be found on this object. Verify that the property exists "
                         "and can be set.", "PropertyNotFound")  # fmt: skip


def _read_only(name: str) -> PSError:
    return runtime_error(f"'{name}' is a ReadOnly property.", "PropertyAssignmentException")


def _cannot_index(obj: Any) -> PSError:
    return runtime_error(f"Unable to index into an object of type {type_name(obj)}.", "CannotIndex")


def _null_array() -> PSError:
    return runtime_error("Cannot index into a null array.", "NullArray")


def _collect(values: list) -> Any:
    """Pipeline-style result: nothing is $null, one value is itself, more are an array."""
    if not values:
        return None
    return values[0] if len(values) == 1 else values


# --------------------------------------------------------------------------- properties

_HASHTABLE_PROPERTIES = ("Count", "Keys", "Values", "IsReadOnly", "IsFixedSize", "IsSynchronized", "SyncRoot")


def _list_property(obj: list, lower: str) -> Any:
    if lower in ("count", "length"):
        return len(obj)
    if lower == "longlength":
        from emshell.engine.primitives import Int64

        return Int64(len(obj))
    if lower == "rank" and is_array(obj):
        return 1
    if lower == "isfixedsize":
        return is_array(obj)
    if lower == "isreadonly" or lower == "issynchronized":
        return False
    if lower == "syncroot":
        return obj
    if lower == "capacity" and isinstance(obj, ArrayList):
        return max(4, 1 << (len(obj) - 1).bit_length()) if obj else 0
    return _MISSING


def _lookup(obj: Any, name: str, ctx: Any) -> Any:
    """The member's value, or ``_MISSING`` when the object has no such property."""
    lower = name.lower()
    if isinstance(obj, Hashtable):
        if name in obj:
            return obj[name]
        for prop in _HASHTABLE_PROPERTIES:
            if prop.lower() == lower:
                value = getattr(obj, prop)
                if prop in ("Keys", "Values"):
                    return ArrayList(value, f"System.Collections.Hashtable+{prop[:-1]}Collection")
                return value
        return _MISSING
    if isinstance(obj, PSObject):
        if obj.has_property(name):
            value = obj.get_property(name)
            if isinstance(value, ScriptProperty):
                return _collect(_invoke_script(ctx, value.getter, [], obj))
            return value
        return _MISSING
    if isinstance(obj, list):
        value = _list_property(obj, lower)
        if value is not _MISSING:
            return value
    elif isinstance(obj, str):
        return len(obj) if lower == "length" else _MISSING
    names = getattr(obj, "PS_PROPERTIES", None)
    if names:
        for prop in names:
            if prop.lower() == lower:
                return getattr(obj, prop, None)
    return _MISSING


def get_member(obj: Any, name: str, ctx: Any = None) -> Any:
    """``$obj.Name``."""
    lower = name.lower()
    if obj is None:
        return 0 if lower in ("count", "length") else None
    value = _lookup(obj, name, ctx)
    if value is not _MISSING:
        return value
    if lower == "psobject":
        return PSObjectView(obj)
    if lower == "pstypenames":
        return ArrayList(type_names_of(obj), "System.Collections.ObjectModel.Collection`1[[System.String]]")
    items = enumerate_value(obj) if isinstance(obj, list) or hasattr(obj, "ps_enumerate") else None
    if items is not None:  # member enumeration
        found: list = []
        for item in items:
            if item is None:
                continue
            value = _lookup(item, name, ctx)
            if value is _MISSING:
                continue
            nested = enumerate_value(value) if isinstance(value, list) else None
            found.extend(nested if nested is not None else [value])
        return _collect(found)
    if lower in ("count", "length"):
        return 1
    return None


def has_member(obj: Any, name: str) -> bool:
    """Whether ``obj`` has a property ``name`` (Select-Object, pipeline binding by name)."""
    return obj is not None and _lookup(obj, name, None) is not _MISSING


def _invoke_script(ctx: Any, script: Any, args: list, this: Any) -> list:
    from emshell.engine.primitives import context_or_default

    runner = context_or_default(ctx)
    if getattr(runner, "supports_this", False):
        return runner.invoke_scriptblock(script, args, dollar_under=this, this=this)
    return runner.invoke_scriptblock(script, args, dollar_under=this)


def set_member(obj: Any, name: str, value: Any, ctx: Any = None) -> None:
    """``$obj.Name = value``."""
    if obj is None:
        raise _property_not_found(name)
    if isinstance(obj, Hashtable):
        set_index(obj, name, value, ctx)
        return
    if isinstance(obj, PSObject):
        if not obj.has_property(name):
            raise _property_not_found(name)
        current = obj.get_property(name)
        if isinstance(current, ScriptProperty):
            if current.setter is None:
                raise _read_only(obj.property_name(name) or name)
            _invoke_script(ctx, current.setter, [value], obj)
            return
        obj.set_property(obj.property_name(name) or name, value)
        return
    if isinstance(obj, (list, str)) or is_number(obj) or isinstance(obj, bool):
        if name.lower() in ("length", "count") and not isinstance(obj, bool):
            raise _read_only("Length" if name.lower() == "length" else "Count")
        raise _property_not_found(name)
    names = getattr(obj, "PS_PROPERTIES", None) or ()
    actual = next((prop for prop in names if prop.lower() == name.lower()), None)
    if actual is None:
        raise _property_not_found(name)
    hook = getattr(obj, "ps_set_property", None)  # types that validate or convert (Exchange objects)
    if hook is not None:
        hook(actual, value, ctx)
        return
    attribute = getattr(type(obj), actual, None)
    if isinstance(attribute, property) and attribute.fset is None:
        raise _read_only(actual)
    try:
        setattr(obj, actual, value)
    except AttributeError:
        raise _read_only(actual) from None


def _dictionary_class() -> type:
    from emshell.engine.dotnet import Dictionary

    return Dictionary


# --------------------------------------------------------------------------- PSObject view


class PropertyView:
    """An entry of ``$x.PSObject.Properties``."""

    __slots__ = ("_owner", "Name", "MemberType")

    PS_TYPE_NAMES = (SMA + "PSNoteProperty", SMA + "PSPropertyInfo", SMA + "PSMemberInfo", "System.Object")
    PS_PROPERTIES = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance")

    def __init__(self, owner: Any, name: str, member_type: str):
        self._owner = owner
        self.Name = name
        self.MemberType = member_type

    @property
    def Value(self) -> Any:
        return get_member(self._owner, self.Name)

    @Value.setter
    def Value(self, value: Any) -> None:
        set_member(self._owner, self.Name, value)

    IsGettable = True
    IsInstance = True

    @property
    def IsSettable(self) -> bool:
        if isinstance(self._owner, PSObject):
            return True
        attribute = getattr(type(self._owner), self.Name, None)
        return not (isinstance(attribute, property) and attribute.fset is None)

    @property
    def TypeNameOfValue(self) -> str:
        return type_name(self.Value) or "System.Object"

    def ToString(self) -> str:
        return f"{friendly_type_name(self.TypeNameOfValue)} {self.Name}={to_string(self.Value)}"


class PropertyCollection(ArrayList):
    """``$x.PSObject.Properties``: enumerable, indexable by name, ``Add``/``Remove`` on PSObjects."""

    __slots__ = ("_owner",)

    def __init__(self, owner: Any, items: list):
        super().__init__(items, SMA + "PSMemberInfoIntegratingCollection`1[[" + SMA + "PSPropertyInfo]]")
        self._owner = owner

    def ps_get_index(self, key: Any) -> Any:
        lower = to_string(key).lower()
        return next((p for p in self if p.Name.lower() == lower), None)

    PS_METHODS = {"Add": (1, 2), "Remove": (1,), "Match": (1,)}

    def Add(self, member: Any, prefer: Any = None) -> None:
        if not isinstance(self._owner, PSObject) or not isinstance(member, NoteProperty):
            raise DotNetException("System.NotSupportedException", "Specified method is not supported.")
        if self._owner.has_property(member.Name):
            raise DotNetException("System.Management.Automation.ExtendedTypeSystemException",
                                  f'The member "{member.Name}" is already present.')  # fmt: skip
        self._owner.set_property(member.Name, member.Value)
        self.append(PropertyView(self._owner, member.Name, "NoteProperty"))

    def Remove(self, name: Any) -> None:
        if isinstance(self._owner, PSObject):
            self._owner.remove_property(to_string(name))
        lower = to_string(name).lower()
        self[:] = [p for p in self if p.Name.lower() != lower]

    def Match(self, pattern: Any) -> list:
        from emshell.engine.operators import compile_wildcard

        regex = compile_wildcard(to_string(pattern))
        return [p for p in self if regex.fullmatch(p.Name)]


class NoteProperty:
    """``[System.Management.Automation.PSNoteProperty]::new(name, value)``."""

    __slots__ = ("Name", "Value")

    PS_TYPE_NAMES = (SMA + "PSNoteProperty", SMA + "PSPropertyInfo", SMA + "PSMemberInfo", "System.Object")
    PS_PROPERTIES = ("Name", "Value", "MemberType")
    MemberType = "NoteProperty"

    def __init__(self, name: str, value: Any):
        self.Name = name
        self.Value = value


class PSObjectView:
    """``$x.PSObject``: the object's members as PowerShell's adapter sees them."""

    __slots__ = ("_obj",)

    PS_TYPE_NAMES = (SMA + "PSObject", "System.Object")
    PS_PROPERTIES = ("BaseObject", "ImmediateBaseObject", "Members", "Properties", "Methods", "TypeNames")

    def __init__(self, obj: Any):
        self._obj = obj

    @property
    def BaseObject(self) -> Any:
        return self._obj

    ImmediateBaseObject = BaseObject

    @property
    def TypeNames(self) -> ArrayList:
        return ArrayList(type_names_of(self._obj), "System.Collections.ObjectModel.Collection`1[[System.String]]")

    @property
    def Properties(self) -> PropertyCollection:
        obj = self._obj
        if isinstance(obj, PSObject):
            items = [PropertyView(obj, n, "ScriptProperty" if isinstance(v, ScriptProperty) else "NoteProperty")
                     for n, v in obj.items()]  # fmt: skip
        elif isinstance(obj, Hashtable):
            items = [PropertyView(obj, n, "Property") for n in _HASHTABLE_PROPERTIES]
        elif isinstance(obj, str):
            items = [PropertyView(obj, "Length", "Property")]
        elif isinstance(obj, list):
            items = [PropertyView(obj, n, "Property") for n in ("Count", "IsFixedSize", "IsReadOnly", "IsSynchronized",
                                                                 "Length", "LongLength", "Rank", "SyncRoot")]  # fmt: skip
        else:
            items = [PropertyView(obj, n, "Property") for n in getattr(obj, "PS_PROPERTIES", None) or ()]
        return PropertyCollection(obj, items)

    @property
    def Members(self) -> ArrayList:
        return ArrayList(self.Properties, SMA + "PSMemberInfoIntegratingCollection`1[[" + SMA + "PSMemberInfo]]")

    @property
    def Methods(self) -> ArrayList:
        names = [name for name, kind, _ in member_table(self._obj) if kind.endswith("Method")]
        return ArrayList(names, SMA + "PSMemberInfoIntegratingCollection`1[[" + SMA + "PSMethodInfo]]")

    def ToString(self) -> str:
        return to_string(self._obj)


# --------------------------------------------------------------------------- method calls


def _arity_ok(arities: tuple[int, ...], count: int) -> bool:
    return count in arities or (bool(arities) and arities[-1] < 0 and count >= -arities[-1])


def _call(name: str, arities: tuple[int, ...], func: Callable[[], Any], argc: int) -> Any:
    if not _arity_ok(arities, argc):
        raise _overload_error(name, argc)
    try:
        return func()
    except DotNetException as error:
        raise method_invocation_error(name, argc, error) from None


def invoke_method(obj: Any, name: str, args: list, ctx: Any = None) -> Any:
    """``$obj.Name(args)``."""
    if obj is None:
        raise runtime_error("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
    lower = name.lower()
    argc = len(args)
    if isinstance(obj, PSObject):
        script = obj.methods.get(lower)
        if script is not None:
            return _collect(_invoke_script(ctx, script, list(args), obj))
    methods = getattr(obj, "PS_METHODS", None)
    if methods:
        method_name = next((m for m in methods if m.lower() == lower), None)
        if method_name is not None:
            bound = getattr(obj, method_name)
            return _call(method_name, methods[method_name], lambda: bound(*args), argc)
    table = _instance_table(obj)
    if table is not None:
        entry = table.get(lower)
        if entry is not None:
            canonical, arities, impl = entry
            return _call(canonical, arities, lambda: impl(obj, args, ctx), argc)
    entry = UNIVERSAL_METHODS.get(lower)
    if entry is not None:
        canonical, arities, impl = entry
        return _call(canonical, arities, lambda: impl(obj, args, ctx), argc)
    if isinstance(obj, list):  # method enumeration over the elements (PowerShell 3+)
        results: list = []
        for item in obj:
            if item is None:
                continue
            value = invoke_method(item, name, args, ctx)
            results.extend(value if isinstance(value, list) else [value])
        if obj and any(item is not None for item in obj):
            return _collect(results)
    raise method_not_found(type_name(obj), name)


def _instance_table(obj: Any) -> dict | None:
    if isinstance(obj, str) and not isinstance(obj, Char):
        return STRING_METHODS
    if isinstance(obj, list):
        return LIST_METHODS
    if isinstance(obj, Hashtable):
        return HASHTABLE_METHODS
    if is_number(obj) or isinstance(obj, (bool, Char)):
        return NUMBER_METHODS
    if isinstance(obj, EnumValue):
        return ENUM_METHODS
    return None


# --------------------------------------------------------------------------- static members


def _static_table(ptype: PSType) -> dict | None:
    if ptype.statics is not None:
        return ptype.statics
    if isinstance(ptype, EnumType):
        return None
    from emshell.engine.dotnet_statics import builtin_statics

    return builtin_statics(ptype)


def _static_member(ptype: PSType, name: str) -> Any:
    lower = name.lower()
    if isinstance(ptype, EnumType):
        try:
            return StaticProperty(name, lambda ctx, _v=ptype[name]: _v)
        except KeyError:
            pass
    table = _static_table(ptype)
    if table is not None and lower in table:
        return table[lower]
    if ptype.base_name == "System.Enum" or isinstance(ptype, EnumType) or ptype.full_name == "System.Enum":
        from emshell.engine.dotnet_statics import builtin_statics

        enum_statics = builtin_statics(resolve_type("System.Enum"))  # type: ignore[arg-type]
        return (enum_statics or {}).get(lower)
    return None


def _as_type(target: Any) -> PSType:
    if isinstance(target, PSType):
        return target
    return convert_to(target, "System.Type")


class MethodGroup:
    """``[math]::Round`` without parentheses: the method's overload list."""

    __slots__ = ("Name", "_definition")

    PS_TYPE_NAMES = (SMA + "PSMethod", SMA + "PSMethodInfo", SMA + "PSMemberInfo", "System.Object")
    PS_PROPERTIES = ("MemberType", "OverloadDefinitions", "TypeNameOfValue", "Value", "Name", "IsInstance")

    def __init__(self, name: str, definition: str):
        self.Name = name
        self._definition = definition

    MemberType = "Method"
    TypeNameOfValue = SMA + "PSMethod"
    IsInstance = False

    @property
    def OverloadDefinitions(self) -> list:
        return [line for line in self._definition.split("\n") if line] or [f"{self.Name}(...)"]

    @property
    def Value(self) -> MethodGroup:
        return self

    def ToString(self) -> str:
        return ", ".join(self.OverloadDefinitions)


def get_static(ptype: Any, name: str, ctx: Any = None) -> Any:
    """``[T]::Name``; a missing static member is ``$null``, and so is any member of ``$null``."""
    target = _as_type(ptype)
    if target is None:
        return None
    member = _static_member(target, name)
    if member is None:
        return None
    if isinstance(member, StaticProperty):
        return member.getter(ctx)
    return MethodGroup(member.name, member.definition)


def invoke_static(ptype: Any, name: str, args: list, ctx: Any = None) -> Any:
    """``[T]::Name(args)``, including ``[T]::new(args)``."""
    target = _as_type(ptype)
    if target is None:
        raise runtime_error("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
    if name.lower() == "new" and (target.statics is None or "new" not in target.statics):
        return construct(target, args, ctx)
    member = _static_member(target, name)
    if not isinstance(member, StaticMethod):
        raise method_not_found(target.full_name, name)
    return _call(member.name, member.arities, lambda: member.func(list(args), ctx), len(args))


def construct(ptype: PSType, args: list, ctx: Any = None) -> Any:
    """A new instance (``[T]::new(...)``, ``New-Object T -ArgumentList ...``)."""
    from emshell.engine.dotnet_statics import constructor_for

    factory = constructor_for(ptype)
    if factory is None:
        raise _overload_error("new", len(args))
    func, arities = factory
    return _call("new", arities, lambda: func(list(args), ctx), len(args))


# --------------------------------------------------------------------------- indexing


def _index_int(index: Any) -> int:
    return int(convert_to(index, "System.Int32"))


def get_index(obj: Any, index: Any, ctx: Any = None) -> Any:
    """``$obj[index]``; a list of indexes slices."""
    if obj is None:
        raise _null_array()
    hook = getattr(obj, "ps_get_index", None)
    if hook is not None:
        if isinstance(index, list):
            return [hook(i) for i in index]
        return hook(index)
    if isinstance(obj, Hashtable):
        if isinstance(index, list):
            return [obj[key] for key in index]
        return obj[index]
    if isinstance(obj, (list, str)):
        if isinstance(index, list):
            found = []
            for position in index:
                value = _single_index(obj, position)
                if value is not _MISSING:
                    found.append(value)
            return found
        value = _single_index(obj, index)
        return None if value is _MISSING else value
    if isinstance(index, list):
        return [get_index(obj, i, ctx) for i in index]
    try:
        position = _index_int(index)
    except PSError:
        raise _cannot_index(obj) from None
    if position in (0, -1):  # a scalar indexes as a one-element collection
        return obj
    return None


def _single_index(obj: Any, index: Any) -> Any:
    position = _index_int(index)
    if position < 0:
        position += len(obj)
    if not 0 <= position < len(obj):
        return _MISSING
    value = obj[position]
    return Char(value) if isinstance(obj, str) else value


def set_index(obj: Any, index: Any, value: Any, ctx: Any = None) -> None:
    """``$obj[index] = value``."""
    if obj is None:
        raise _null_array()
    hook = getattr(obj, "ps_set_index", None)
    if hook is not None:
        hook(index, value)
        return
    if isinstance(obj, Hashtable):
        if isinstance(obj, _dictionary_class()):
            key_type, value_type = obj.key_type, obj.value_type  # type: ignore[attr-defined]
            index = convert_to(index, key_type) if key_type is not None else index
            value = convert_to(value, value_type) if value_type is not None else value
        obj[index] = value
        return
    if isinstance(obj, list):
        position = _index_int(index)
        if position < 0:
            position += len(obj)
        if not 0 <= position < len(obj):
            if isinstance(obj, ArrayList):
                raise dotnet_error(range_error(INDEX_RANGE, "index"))
            raise dotnet_error(DotNetException("System.IndexOutOfRangeException",
                                               "Index was outside the bounds of the array."))  # fmt: skip
        obj[position] = element_value(obj, value)
        return
    raise _cannot_index(obj)


# --------------------------------------------------------------------------- Get-Member

_FRIENDLY = {
    "System.Int32": "int", "System.Int64": "long", "System.String": "string", "System.Boolean": "bool",
    "System.Double": "double", "System.Single": "float", "System.Decimal": "decimal", "System.Byte": "byte",
    "System.Char": "char", "System.DateTime": "datetime", "System.Collections.Hashtable": "hashtable",
    "System.Void": "void", "System.Type": "type", "System.Xml.XmlDocument": "xml", "System.Guid": "guid",
    "System.TimeSpan": "timespan", "System.Version": "version", "System.Text.RegularExpressions.Regex": "regex",
    SMA + "ScriptBlock": "scriptblock", SMA + "PSObject": "psobject", SMA + "SwitchParameter": "switch",
    "System.Object": "System.Object",
}  # fmt: skip


def friendly_type_name(full_name: str) -> str:
    """The short type names Get-Member prints (``int``, ``string``, ``datetime`` ...)."""
    return _FRIENDLY.get(full_name, full_name)


_OBJECT_METHODS = (("Equals", "bool Equals(System.Object obj)"), ("GetHashCode", "int GetHashCode()"),
                   ("GetType", "type GetType()"), ("ToString", "string ToString()"))  # fmt: skip


def member_table(obj: Any) -> list[tuple[str, str, str]]:
    """(Name, MemberType, Definition) rows as Get-Member lists them, sorted as it sorts."""
    rows: dict[str, tuple[str, str, str]] = {}
    for name, definition in _OBJECT_METHODS:
        rows[name.lower()] = (name, "Method", definition)
    if isinstance(obj, PSObject):
        for name, value in obj.items():
            if isinstance(value, ScriptProperty):
                rows[name.lower()] = (name, "ScriptProperty", f"System.Object {name} {{get={value.getter};}}")
            else:
                shown = "null" if value is None else to_string(value)
                rows[name.lower()] = (name, "NoteProperty", f"{friendly_type_name(type_name(value) or 'System.Object')} "
                                      f"{name}={shown}")  # fmt: skip
        for lower in obj.methods:
            rows[lower] = (lower, "ScriptMethod", f"System.Object {lower}();")
    else:
        table = _instance_table(obj) or {}
        for _, (canonical, arities, _impl) in table.items():
            rows.setdefault(canonical.lower(), (canonical, "Method", _method_definition(obj, canonical, arities)))
        for method_name, arities in (getattr(obj, "PS_METHODS", None) or {}).items():
            rows[method_name.lower()] = (method_name, "Method", _method_definition(obj, method_name, arities))
        if isinstance(obj, Hashtable):
            props: tuple[str, ...] = _HASHTABLE_PROPERTIES
        elif isinstance(obj, str):
            props = ("Length",)
            rows["chars"] = ("Chars", "ParameterizedProperty", "char Chars(int index) {get;}")
        elif isinstance(obj, list):
            props = ("Count", "IsFixedSize", "IsReadOnly", "IsSynchronized", "Length", "LongLength", "Rank", "SyncRoot")
        else:
            props = tuple(getattr(obj, "PS_PROPERTIES", None) or ())
        for prop in props:
            value = _lookup(obj, prop, None) if not isinstance(obj, list) else get_member(obj, prop)
            kind = "ScriptProperty" if prop == "DateTime" and type_name(obj) == "System.DateTime" else "Property"
            attribute = getattr(type(obj), prop, None)
            access = "{get;}" if isinstance(attribute, property) and attribute.fset is None else "{get;set;}"
            value_type = friendly_type_name(type_name(value) or "System.Object")
            rows[prop.lower()] = (prop, kind, f"{value_type} {prop} {access}")
    return sorted(rows.values(), key=lambda row: (row[1], row[0].lower()))


def _method_definition(obj: Any, name: str, arities: tuple[int, ...]) -> str:
    result = "string" if name.startswith("To") and name.endswith("String") else "System.Object"
    lines = []
    for count in arities:
        params = ", ".join(f"System.Object arg{i}" for i in range(abs(count)))
        lines.append(f"{result} {name}({params}{', ...' if count < 0 else ''})")
    return ", ".join(lines)
