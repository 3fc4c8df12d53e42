"""Types as scripts name them: ``[int]``, ``[string[]]``, ``[System.Collections.Generic.List[string]]``.

A ``PSType`` is both the run-time value of a type literal (``[int].FullName``) and the target
of a conversion (``[int]'5'``, ``-as``, typed parameters).  ``resolve_type`` understands
PowerShell's type accelerators, the optional ``System.`` prefix, arrays and the generic
collections EMS scripts use; other layers add their own types with ``register_type`` (the
Exchange layer registers ``ByteQuantifiedSize``, ``UMStartupMode`` and friends).

Enums are ``EnumType`` with ``EnumValue`` members; ``define_enum`` builds one with
PowerShell's conversion rules (names in any case, unique prefixes, comma lists for flags).
"""

from __future__ import annotations

from emshell.engine.psobject import ArrayList, Hashtable, PSObject, type_names_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

SMA = "System.Management.Automation."
_MSCORLIB = "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"
_SMA_ASSEMBLY = "System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"


# --------------------------------------------------------------------------- static members


class StaticProperty:
    """``[T]::Name`` without arguments: ``getter(ctx)`` gives the value."""

    __slots__ = ("name", "getter", "definition")

    def __init__(self, name: str, getter: Callable[[Any], Any], definition: str = ""):
        self.name = name
        self.getter = getter
        self.definition = definition


class StaticMethod:
    """``[T]::Name(args)``: ``func(args, ctx)``; ``arities`` are the argument counts of its
    overloads (anything else is PowerShell's MethodCountCouldNotFindBest)."""

    __slots__ = ("name", "func", "arities", "definition")

    def __init__(self, name: str, func: Callable[[list, Any], Any], arities: tuple[int, ...], definition: str = ""):
        self.name = name
        self.func = func
        self.arities = arities
        self.definition = definition


# --------------------------------------------------------------------------- PSType


class PSType:
    """A .NET type as PowerShell sees it.

    ``kind`` tells ``conversion`` how to convert to the type (``"int"``, ``"string"``,
    ``"array"``, ``"enum"`` ...; ``None`` for registered types that bring a ``converter``).
    ``converter(value, ctx)`` returns the converted value or raises ``ConversionError`` (any
    other exception becomes ``Cannot convert value "v" to type "T". Error: "<its message>"``).
    ``instance_check(value)`` overrides the default ``-is`` test, which looks for
    ``full_name`` in the value's ``PS_TYPE_NAMES`` chain.
    """

    __slots__ = ("full_name", "name", "kind", "base_name", "element_type", "generic_args",
                 "value_type", "statics", "_converter", "_check")  # fmt: skip

    PS_TYPE_NAMES = ("System.RuntimeType", "System.Reflection.TypeInfo", "System.Type",
                     "System.Reflection.MemberInfo", "System.Object")  # fmt: skip
    PS_PROPERTIES = ("IsPublic", "IsSerial", "Name", "BaseType", "FullName", "Namespace",
                     "IsEnum", "IsArray", "IsValueType")  # fmt: skip

    def __init__(
        self,
        full_name: str,
        *,
        kind: str | None = None,
        name: str | None = None,
        base: str | None = "System.Object",
        element_type: PSType | None = None,
        generic_args: tuple[PSType, ...] = (),
        value_type: bool = False,
        converter: Callable[[Any, Any], Any] | None = None,
        instance_check: Callable[[Any], bool] | None = None,
        statics: dict[str, StaticProperty | StaticMethod] | None = None,
    ):
        from emshell.engine.primitives import short_type_name

        self.full_name = full_name
        self.name = name or short_type_name(full_name)
        self.kind = kind
        self.base_name = base
        self.element_type = element_type
        self.generic_args = generic_args
        self.value_type = value_type
        self.statics = {k.lower(): v for k, v in statics.items()} if statics else None
        self._converter = converter
        self._check = instance_check

    # ---------------------------------------------------------------- behaviour

    def is_instance(self, value: Any) -> bool:
        """``value -is [ThisType]``."""
        if value is None:
            return False
        if self._check is not None:
            return self._check(value)
        return self.full_name in type_names_of(value) or _implements(value, self.full_name)

    def convert(self, value: Any, ctx: Any = None) -> Any:
        """``[ThisType]value`` (raises ``ConversionError``)."""
        from emshell.engine.conversion import convert_to

        return convert_to(value, self, ctx)

    def custom_convert(self, value: Any, ctx: Any) -> Any:
        return self._converter(value, ctx) if self._converter is not None else NotImplemented

    # ---------------------------------------------------------------- the System.Type surface

    @property
    def Name(self) -> str:
        return self.name

    @property
    def FullName(self) -> str:
        return self.full_name

    @property
    def Namespace(self) -> str:
        head, _, _ = self.full_name.split("`", 1)[0].rpartition(".")
        return head

    @property
    def BaseType(self) -> PSType | None:
        return resolve_type(self.base_name) if self.base_name else None

    IsPublic = True

    @property
    def IsSerial(self) -> bool:
        return self.value_type or self.kind in ("string", "array", "hashtable", "arraylist", "list")

    @property
    def IsEnum(self) -> bool:
        return self.kind == "enum"

    @property
    def IsArray(self) -> bool:
        return self.kind == "array"

    @property
    def IsValueType(self) -> bool:
        return self.value_type

    def ToString(self) -> str:
        return self.full_name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PSType) and other.full_name == self.full_name

    def __hash__(self) -> int:
        return hash(self.full_name)

    def __repr__(self) -> str:
        return f"PSType({self.full_name!r})"


_VALUE_TYPE_NAMES = frozenset((
    "System.Boolean", "System.Char", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
    "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
    "System.Decimal", "System.DateTime", "System.TimeSpan", "System.Guid", SMA + "SwitchParameter",
))  # fmt: skip


def _is_comparable(value: Any) -> bool:
    from emshell.engine.primitives import is_number

    return is_number(value) or isinstance(value, (str, bool)) or hasattr(value, "ps_compare")


def _implements(value: Any, full_name: str) -> bool:
    """Interfaces and abstract bases the ``PS_TYPE_NAMES`` chains leave out."""
    from emshell.engine.primitives import is_array, is_number

    check = full_name
    if check == "System.Object":
        return True
    if check == "System.Array":
        return is_array(value)
    if check == "System.Collections.IList":
        return isinstance(value, list)
    if check in ("System.Collections.ICollection", "System.Collections.IEnumerable"):
        return (isinstance(value, (list, Hashtable)) or hasattr(value, "ps_enumerate")
                or (check == "System.Collections.IEnumerable" and isinstance(value, str)))  # fmt: skip
    if check == "System.Collections.IDictionary":
        return isinstance(value, Hashtable)
    if check == SMA + "PSObject":
        return isinstance(value, PSObject)
    if check == "System.IComparable":
        return _is_comparable(value)
    if check == "System.IFormattable":
        return is_number(value) or hasattr(value, "ps_format")
    if check == "System.IConvertible":
        return is_number(value) or isinstance(value, (str, bool, EnumValue)) or type_names_of(value)[:1] == (
            "System.DateTime",
        )
    return False


def _array_check(element: PSType) -> Callable[[Any], bool]:
    from emshell.engine.primitives import TypedArray, is_array

    if element.full_name == "System.Object":

        def check(value: Any) -> bool:
            if not is_array(value):
                return False
            return not isinstance(value, TypedArray) or value.element_type not in _VALUE_TYPE_NAMES

        return check
    return lambda value: isinstance(value, TypedArray) and value.element_type == element.full_name


def array_type(element: PSType) -> PSType:
    """``T[]`` for an element type."""
    full = element.full_name + "[]"
    cached = _RESOLVED.get(full.lower())
    if cached is not None:
        return cached
    ptype = PSType(full, kind="array", base="System.Array", element_type=element, instance_check=_array_check(element))
    _RESOLVED[full.lower()] = ptype
    return ptype


# --------------------------------------------------------------------------- enums


class EnumValue:
    """A member of an ``EnumType`` (``[DayOfWeek]::Monday``); flags values may combine."""

    __slots__ = ("enum_type", "value")

    PS_PROPERTIES = ("value__",)

    def __init__(self, enum_type: EnumType, value: int):
        self.enum_type = enum_type
        self.value = value

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (self.enum_type.full_name, "System.Enum", "System.ValueType", "System.Object")

    @property
    def value__(self) -> int:
        return self.value

    def ToString(self, fmt: str | None = None) -> str:
        if fmt and fmt.upper() == "D":
            return str(self.value)
        if fmt and fmt.upper() == "X":
            return f"{self.value & 0xFFFFFFFF:08X}"
        return self.enum_type.name_of(self.value)

    __str__ = ToString
    ps_format = ToString

    def ps_is_true(self) -> bool:
        return self.value != 0

    def ps_compare(self, other: Any) -> int:
        return (self.value > other.value) - (self.value < other.value)

    def __int__(self) -> int:
        return self.value

    __index__ = __int__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EnumValue) and other.enum_type is self.enum_type and other.value == self.value

    def __hash__(self) -> int:
        return hash((self.enum_type.full_name, self.value))

    def __repr__(self) -> str:
        return f"EnumValue({self.enum_type.name}.{self.ToString()})"


class EnumType(PSType):
    """An enum: ordered names with integer values; ``flags`` enums combine with ``-bor``."""

    __slots__ = ("flags", "members", "_by_lower", "_by_value", "_cache")

    def __init__(self, full_name: str, names: list[str] | tuple[str, ...], *, flags: bool = False,
                 values: list[int] | tuple[int, ...] | None = None):  # fmt: skip
        super().__init__(full_name, kind="enum", base="System.Enum", value_type=True)
        if values is None:
            values = [1 << i for i in range(len(names))] if flags else list(range(len(names)))
        # Enum.GetNames orders by value (unsigned), ties by declaration.
        pairs = sorted(zip(names, values), key=lambda p: (p[1] & 0xFFFFFFFFFFFFFFFF,))
        self.flags = flags
        self.members: list[tuple[str, int]] = list(pairs)
        self._by_lower = {name.lower(): value for name, value in pairs}
        self._by_value: dict[int, str] = {}
        for name, value in pairs:
            self._by_value.setdefault(value, name)
        self._cache: dict[int, EnumValue] = {}

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.members]

    def member(self, value: int) -> EnumValue:
        item = self._cache.get(value)
        if item is None:
            item = self._cache[value] = EnumValue(self, value)
        return item

    def __getitem__(self, name: str) -> EnumValue:
        """The member with this exact name (any case); ``KeyError`` otherwise."""
        return self.member(self._by_lower[name.lower()])

    def is_defined(self, value: int) -> bool:
        if value in self._by_value:
            return True
        if not self.flags:
            return False
        remaining = value
        for _, bit in self.members:
            if bit and remaining & bit == bit:
                remaining &= ~bit
        return remaining == 0

    def name_of(self, value: int) -> str:
        """``Enum.ToString()``: the name, ``A, B`` for combined flags, else the number."""
        name = self._by_value.get(value)
        if name is not None:
            return name
        if not self.flags or value == 0:
            return str(value)
        remaining = value
        parts: list[str] = []
        for member_name, bit in reversed(self.members):
            if bit and remaining & bit == bit:
                parts.append(member_name)
                remaining &= ~bit
        if remaining:
            return str(value)
        return ", ".join(reversed(parts))

    def lookup(self, text: str) -> int | None:
        """The value of a name (any case) or a number written as text; None if neither."""
        key = text.strip().lower()
        if key in self._by_lower:
            return self._by_lower[key]
        try:
            return int(key)
        except ValueError:
            return None

    def disambiguate(self, text: str) -> str:
        """PowerShell's unique-prefix rule for enum names; ``ValueError`` with its message."""
        lower = text.lower()
        matches = [name for name, _ in self.members if name.lower().startswith(lower)]
        if len(matches) == 1:
            return matches[0]
        for name in matches:
            if name.lower() == lower:
                return name
        if not matches:
            raise ValueError(
                f"Unable to match the identifier name {text} to a valid enumerator name. "
                f"Specify one of the following enumerator names and try again:\n{', '.join(self.names)}"
            )
        raise ValueError(
            f"The identifier name {text} cannot be processed due to the inability to differentiate "
            f"between the following enumerator names: {', '.join(matches)}. Try a more specific identifier name."
        )


def define_enum(full_name: str, names: list[str] | tuple[str, ...], *, flags: bool = False,
                values: list[int] | tuple[int, ...] | None = None, register: bool = True) -> EnumType:  # fmt: skip
    """Define (and by default register) an enum type from its member names in order."""
    enum = EnumType(full_name, names, flags=flags, values=values)
    if register:
        register_type(enum)
    return enum


# --------------------------------------------------------------------------- registry

_TYPES: dict[str, PSType] = {}  # lower-case full name -> type
_ACCELERATORS: dict[str, str] = {}  # lower-case accelerator -> lower-case full name
_RESOLVED: dict[str, PSType] = {}  # cache of composed names (arrays, generics)
_BUILTINS_READY = False


def register_type(ptype: PSType, *accelerators: str) -> PSType:
    """Make a type resolvable by its full name (and any accelerators)."""
    _ensure_builtins()
    _TYPES[ptype.full_name.lower()] = ptype
    for alias in accelerators:
        _ACCELERATORS[alias.lower()] = ptype.full_name.lower()
    _RESOLVED.clear()
    return ptype


def resolve_type(name: str) -> PSType | None:
    """The type a script means by ``name`` (``int``, ``System.String[]``,
    ``System.Collections.Generic.List[string]`` ...), or None when there is no such type."""
    _ensure_builtins()
    text = name.strip()
    if text.startswith("[") and text.endswith("]") and not text.endswith("[]]"):
        text = text[1:-1].strip()
    key = text.lower()
    found = _RESOLVED.get(key)
    if found is not None:
        return found
    found = _resolve_uncached(text)
    if found is not None:
        _RESOLVED[key] = found
    return found


def type_of(value: Any) -> PSType:
    """The PSType of a value (``$x.GetType()``)."""
    names = type_names_of(value)
    if not names:
        return resolve_type("System.Object")  # type: ignore[return-value]
    ptype = resolve_type(names[0])
    if ptype is not None:
        return ptype
    if isinstance(value, ArrayList):
        return PSType(names[0], kind="arraylist")
    base = names[1] if len(names) > 1 else "System.Object"
    return PSType(names[0], base=base, value_type="System.ValueType" in names)


def _resolve_uncached(text: str) -> PSType | None:
    if text.endswith("[]"):
        element = resolve_type(text[:-2])
        return array_type(element) if element is not None else None
    if text.endswith("]") and "[" in text:
        return _resolve_generic(text)
    key = text.lower()
    full = _ACCELERATORS.get(key, key)
    found = _TYPES.get(full)
    if found is None and not key.startswith("system."):
        found = _TYPES.get("system." + key)
    if found is None:
        found = _exception_type(text)
    return found


def _exception_type(text: str) -> PSType | None:
    from emshell.engine.errors import EXCEPTION_BASES

    for candidate in (text, "System." + text):
        for full in EXCEPTION_BASES:
            if full.lower() == candidate.lower():
                ptype = PSType(full, kind="exception", base=EXCEPTION_BASES[full])
                _TYPES[full.lower()] = ptype
                return ptype
    return None


def _split_generic_args(inner: str) -> list[str]:
    args: list[str] = []
    depth = 0
    current = ""
    for ch in inner:
        if ch == "," and depth == 0:
            args.append(current.strip())
            current = ""
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        current += ch
    args.append(current.strip())
    return [a[1:-1].split(",")[0].strip() if a.startswith("[") else a for a in args]


_GENERICS = {  # lower-case definition name -> (full name, kind, arity)
    "system.collections.generic.list": ("System.Collections.Generic.List`1", "list", 1),
    "system.collections.generic.dictionary": ("System.Collections.Generic.Dictionary`2", "dictionary", 2),
    "system.collections.generic.hashset": ("System.Collections.Generic.HashSet`1", "hashset", 1),
    "system.collections.objectmodel.collection": ("System.Collections.ObjectModel.Collection`1", "list", 1),
    "system.nullable": ("System.Nullable`1", "nullable", 1),
}


def _qualified_name(ptype: PSType) -> str:
    assembly = _SMA_ASSEMBLY if ptype.full_name.startswith(SMA) else _MSCORLIB
    return f"[{ptype.full_name}, {assembly}]"


def _resolve_generic(text: str) -> PSType | None:
    open_at = text.index("[")
    base = text[:open_at].strip().lower().split("`")[0]
    if not base.startswith("system."):
        base = "system." + base
    definition = _GENERICS.get(base)
    if definition is None:
        return None
    full_base, kind, arity = definition
    arg_names = _split_generic_args(text[open_at + 1 : -1])
    if len(arg_names) != arity:
        return None
    args = tuple(resolve_type(a) for a in arg_names)
    if any(a is None for a in args):
        return None
    full = f"{full_base}[{','.join(_qualified_name(a) for a in args)}]"  # type: ignore[arg-type]
    if kind == "nullable":
        inner = args[0]
        return PSType(full, kind="nullable", generic_args=args, value_type=True,  # type: ignore[arg-type]
                      instance_check=inner.is_instance)  # type: ignore[union-attr]  # fmt: skip

    def check(value: Any) -> bool:
        return getattr(value, "type_name", None) == full

    return PSType(full, kind=kind, generic_args=args, instance_check=check,  # type: ignore[arg-type]
                  element_type=args[-1] if kind != "dictionary" else None)  # fmt: skip


# (full name, conversion kind, accelerators, base type, value type)
_BUILTIN_TYPES: tuple[tuple[str, str | None, tuple[str, ...], str | None, bool], ...] = (
    ("System.Object", "object", ("object",), None, False),
    ("System.ValueType", "valuetype", (), "System.Object", False),
    ("System.Enum", "valuetype", (), "System.ValueType", False),
    ("System.String", "string", ("string",), "System.Object", False),
    ("System.Char", "char", ("char",), "System.ValueType", True),
    ("System.Boolean", "bool", ("bool",), "System.ValueType", True),
    ("System.Byte", "int", ("byte",), "System.ValueType", True),
    ("System.SByte", "int", ("sbyte",), "System.ValueType", True),
    ("System.Int16", "int", (), "System.ValueType", True),
    ("System.UInt16", "int", (), "System.ValueType", True),
    ("System.Int32", "int", ("int",), "System.ValueType", True),
    ("System.UInt32", "int", (), "System.ValueType", True),
    ("System.Int64", "int", ("long",), "System.ValueType", True),
    ("System.UInt64", "int", (), "System.ValueType", True),
    ("System.Single", "float", ("float", "single"), "System.ValueType", True),
    ("System.Double", "float", ("double",), "System.ValueType", True),
    ("System.Decimal", "decimal", ("decimal",), "System.ValueType", True),
    ("System.Array", "array", ("array",), "System.Object", False),
    ("System.DateTime", "datetime", ("datetime",), "System.ValueType", True),
    ("System.TimeSpan", "timespan", ("timespan",), "System.ValueType", True),
    ("System.Guid", "guid", ("guid",), "System.ValueType", True),
    ("System.Version", "version", ("version",), "System.Object", False),
    ("System.Text.RegularExpressions.Regex", "regex", ("regex",), "System.Object", False),
    ("System.Net.IPAddress", "ipaddress", ("ipaddress",), "System.Object", False),
    ("System.Type", "type", ("type",), "System.Reflection.MemberInfo", False),
    ("System.Void", "void", ("void",), "System.ValueType", True),
    ("System.Math", "static", ("math",), "System.Object", False),
    ("System.Convert", "static", ("convert",), "System.Object", False),
    ("System.Environment", "static", (), "System.Object", False),
    ("System.IO.Path", "static", (), "System.Object", False),
    ("System.IO.File", "static", (), "System.Object", False),
    ("System.IO.Directory", "static", (), "System.Object", False),
    ("System.Text.Encoding", "static", (), "System.Object", False),
    ("System.Text.StringBuilder", "stringbuilder", (), "System.Object", False),
    ("System.Collections.Hashtable", "hashtable", ("hashtable",), "System.Object", False),
    ("System.Collections.Specialized.OrderedDictionary", "ordered", ("ordered",), "System.Object", False),
    ("System.Collections.ArrayList", "arraylist", (), "System.Object", False),
    ("System.Collections.IEnumerable", "interface", (), None, False),
    ("System.Collections.ICollection", "interface", (), None, False),
    ("System.Collections.IList", "interface", (), None, False),
    ("System.Collections.IDictionary", "interface", (), None, False),
    ("System.IComparable", "interface", (), None, False),
    ("System.IFormattable", "interface", (), None, False),
    ("System.IConvertible", "interface", (), None, False),
    ("System.Collections.DictionaryEntry", "class", (), "System.ValueType", True),
    ("System.Xml.XmlDocument", "xml", ("xml",), "System.Xml.XmlNode", False),
    (SMA + "PSObject", "psobject", ("psobject",), "System.Object", False),
    (SMA + "PSCustomObject", "pscustomobject", (), "System.Object", False),
    (SMA + "ScriptBlock", "scriptblock", ("scriptblock",), "System.Object", False),
    (SMA + "SwitchParameter", "switch", ("switch",), "System.ValueType", True),
    (SMA + "PSReference", "ref", ("ref",), "System.Object", False),
    (SMA + "ErrorRecord", "class", (), "System.Object", False),
    (SMA + "PSCredential", "class", ("pscredential",), "System.Object", False),
    (SMA + "PSNoteProperty", "class", (), SMA + "PSPropertyInfo", False),
    ("System.Net.Dns", "static", (), "System.Object", False),
    ("System.StringComparer", "class", (), "System.Object", False),
)


def _ensure_builtins() -> None:
    global _BUILTINS_READY
    if _BUILTINS_READY:
        return
    _BUILTINS_READY = True
    for full, kind, aliases, base, value_type in _BUILTIN_TYPES:
        ptype = PSType(full, kind=kind, base=base, value_type=value_type)
        _TYPES[full.lower()] = ptype
        for alias in aliases:
            _ACCELERATORS[alias] = full.lower()
    # [pscustomobject] names PSObject (as in 5.1) but converts a hashtable to a custom object.
    custom = PSType(SMA + "PSObject", kind="pscustomobject", base="System.Object")
    _TYPES["<pscustomobject>"] = custom
    _ACCELERATORS["pscustomobject"] = "<pscustomobject>"
    _TYPES[(SMA + "pscustomobject").lower()] = PSType(
        SMA + "PSCustomObject", kind="pscustomobject",
        instance_check=lambda v: isinstance(v, PSObject) and SMA + "PSCustomObject" in v.type_names,
    )  # fmt: skip
    for full, names, flags in _BUILTIN_ENUMS:
        _TYPES[full.lower()] = EnumType(full, names, flags=flags)
    for enum in (_regex_options(), _error_categories()):
        _TYPES[enum.full_name.lower()] = enum


_BUILTIN_ENUMS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("System.DayOfWeek", ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"), False),
    ("System.DateTimeKind", ("Unspecified", "Utc", "Local"), False),
    ("System.StringComparison", ("CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture",
                                 "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"), False),  # fmt: skip
    ("System.StringSplitOptions", ("None", "RemoveEmptyEntries"), False),
    ("System.MidpointRounding", ("ToEven", "AwayFromZero"), False),
    ("System.ConsoleColor", ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta",
                             "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta",
                             "Yellow", "White"), False),  # fmt: skip
    (SMA + "ActionPreference", ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"), False),
)


def _regex_options() -> EnumType:
    names = ("None", "IgnoreCase", "Multiline", "ExplicitCapture", "Compiled", "Singleline",
             "IgnorePatternWhitespace", "RightToLeft", "ECMAScript", "CultureInvariant")  # fmt: skip
    values = (0, 1, 2, 4, 8, 16, 32, 64, 256, 512)
    return EnumType("System.Text.RegularExpressions.RegexOptions", names, flags=True, values=values)


def _error_categories() -> EnumType:
    from emshell.engine.errors import ERROR_CATEGORIES

    return EnumType(SMA + "ErrorCategory", ERROR_CATEGORIES)


def builtin_enum(full_name: str) -> EnumType:
    """One of the engine's own enums (DayOfWeek, DateTimeKind, RegexOptions ...)."""
    _ensure_builtins()
    return _TYPES[full_name.lower()]  # type: ignore[return-value]
