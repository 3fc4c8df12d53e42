"""The parameter binder: Windows PowerShell 5.1's rules, for cmdlets and script functions.

The interpreter evaluates a command's elements and hands over a flat list of
``ParameterElement`` (``-Name``, ``-Name:value``, splatted hashtable entries) and
``ArgumentElement`` (values).  ``bind_command_line`` then runs PowerShell's phases in order
(``/work/shared/reference/binding-rules.md`` D12):

1. pair names with values (a ``-Switch`` never takes the next element);
2. bind named parameters (exact name or alias, else a unique prefix);
3. bind positional parameters, position by position, each argument tried first without and
   then with type coercion, the default parameter set first;
4. give leftovers to a ValueFromRemainingArguments parameter (or, for a simple function, to
   ``$args``); anything still left is NamedParameterNotFound / PositionalParameterNotFound;
5. resolve the parameter set and check mandatory parameters (prompting on interactive hosts).

``Binding.bind_pipeline_object`` then binds each pipeline object (by value, then by property
name; without, then with coercion).  Every failure is a ``PSError`` whose ErrorRecord carries
PowerShell's exact message, category, exception type and FullyQualifiedErrorId.

Exchange cmdlets (``meta.remote``) run in EMS through implicit-remoting proxy functions: name
resolution (prefixes, ambiguity, duplicates, missing arguments) happens in the local proxy, the
rest on the server, whose errors carry ``PSComputerName`` and no position, and whose conversion
failures read "Cannot process argument transformation".

Quirks of 5.1 kept on purpose (each has a test): an unbound ``-Name`` (even ``-Name:value``)
swallows the positional argument after it; ``-Switch:$false`` still selects the switch's set;
positions are filled per position, other sets without coercion before the default set with
coercion (so a script block can end up converted to Where-Object's ``-Property``); a
splatted parameter given again explicitly is ParameterAlreadyBound (7.1 lets the explicit one
win); a compiled cmdlet's ``[bool]`` message ends with PowerShell's trailing space.
Not emulated: ``$PSDefaultParameterValues``, dynamic parameters, flags-enum comma lists for
Exchange enums no layer has registered yet.
"""

from __future__ import annotations

from emshell.engine.errors import ErrorRecord, InvocationInfo, PSError, new_error
from emshell.engine.metadata import ALL_PARAMETER_SETS, COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS
from emshell.engine.psobject import Hashtable, PSObject, type_names_of

TYPE_CHECKING = False  # the typing module stays unimported at run time (start-up budget)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo


class _NoArgument:
    """The marker for "``-Name`` written without a value"."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_ARGUMENT"


NO_ARGUMENT: Any = _NoArgument()
_MISMATCH: Any = object()  # "this value needs coercion" (a bind attempt without coercion failed)

# --------------------------------------------------------------------------- messages
# ParameterBinderStrings / Metadata resources, Windows PowerShell 5.1 wording.

NAMED_PARAMETER_NOT_FOUND = "A parameter cannot be found that matches parameter name '{0}'."
POSITIONAL_PARAMETER_NOT_FOUND = "A positional parameter cannot be found that accepts argument '{0}'."
MISSING_ARGUMENT = "Missing an argument for parameter '{0}'. Specify a parameter of type '{1}' and try again."
AMBIGUOUS_PARAMETER = (
    "Parameter cannot be processed because the parameter name '{0}' is ambiguous. Possible matches include:{1}."
)
PARAMETER_ALREADY_BOUND = (
    "Cannot bind parameter because parameter '{0}' is specified more than once. To provide multiple values "
    'to parameters that can accept multiple values, use the array syntax. For example, "-parameter '
    'value1,value2,value3".'
)
AMBIGUOUS_PARAMETER_SET = "Parameter set cannot be resolved using the specified named parameters."
CANNOT_CONVERT_ARGUMENT = "Cannot convert '{0}' to the type '{1}' required by parameter '{2}'. {3}"
CANNOT_CONVERT_ARGUMENT_NO_MESSAGE = "Cannot bind parameter '{0}'. {1}"
TRANSFORMATION_ERROR = "Cannot process argument transformation on parameter '{0}'. {1}"
VALIDATION_ERROR = "Cannot validate argument on parameter '{0}'. {1}"
NULL_NOT_ALLOWED = "Cannot bind argument to parameter '{0}' because it is null."
EMPTY_STRING_NOT_ALLOWED = "Cannot bind argument to parameter '{0}' because it is an empty string."
EMPTY_ARRAY_NOT_ALLOWED = "Cannot bind argument to parameter '{0}' because it is an empty array."
MISSING_MANDATORY = "Cannot process command because of one or more missing mandatory parameters:{0}."
INPUT_OBJECT_NOT_BOUND = (
    "The input object cannot be bound to any parameters for the command either because the command does "
    "not take pipeline input or the input and its properties do not match any of the parameters that take "
    "pipeline input."
)
INPUT_OBJECT_MISSING_MANDATORY = (
    "The input object cannot be bound because it did not contain the information required to bind all "
    "mandatory parameters: {0}"
)
SCRIPT_BLOCK_NO_INPUT = (
    "Cannot evaluate parameter '{0}' because its argument is specified as a script block and there is no "
    "input. A script block cannot be evaluated without input."
)
NOT_SUPPORTED = "Specified method is not supported."
CANNOT_CONVERT_VALUE = 'Cannot convert the "{0}" value of type "{1}" to type "{2}".'
BOOLEAN_ONLY = (
    'Cannot convert value "{0}" to type "{1}". Boolean parameters accept only Boolean values and numbers, '
    "such as $True, $False, 1 or 0."
)

VALIDATE_SET = (
    'The argument "{0}" does not belong to the set "{1}" specified by the ValidateSet attribute. Supply an '
    "argument that is in the set and then try the command again."
)
VALIDATE_RANGE_TOO_SMALL = (
    "The {0} argument is less than the minimum allowed range of {1}. Supply an argument that is greater "
    "than or equal to {1} and then try the command again."
)
VALIDATE_RANGE_TOO_BIG = (
    "The {0} argument is greater than the maximum allowed range of {1}. Supply an argument that is less "
    "than or equal to {1} and then try the command again."
)
VALIDATE_RANGE_ELEMENT_TYPE = (
    'The argument cannot be validated because its type "{0}" is not the same type ({1}) as the maximum and '
    "minimum limits of the parameter. Make sure the argument is of type {1} and then try the command again."
)
VALIDATE_LENGTH_TOO_SHORT = (
    'The character length ({1}) of the argument is too short. Specify an argument with a length that is '
    'greater than or equal to "{0}", and then try the command again.'
)
VALIDATE_LENGTH_TOO_LONG = (
    "The character length of the {1} argument is too long. Shorten the character length of the argument so "
    'it is fewer than or equal to "{0}" characters, and then try the command again.'
)
VALIDATE_LENGTH_NOT_STRING = (
    "The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] "
    "parameter. Make the parameter a string or string[] parameter."
)
VALIDATE_COUNT_TOO_FEW = (
    "The number of provided arguments ({1}) is fewer than the minimum number of allowed arguments ({0}). "
    "Provide more than {0} arguments, and then try the command again."
)
VALIDATE_COUNT_TOO_MANY = (
    "The number of provided arguments, ({1}), exceeds the maximum number of allowed arguments ({0}). "
    "Provide fewer than {0} arguments, and then try the command again."
)
VALIDATE_PATTERN = (
    'The argument "{0}" does not match the "{1}" pattern. Supply an argument that matches "{1}" and try the '
    "command again."
)
VALIDATE_SCRIPT = (
    'The "{1}" validation script for the argument with value "{0}" did not return a result of True. '
    "Determine why the validation script failed, and then try the command again."
)
VALIDATE_NOT_NULL = "The argument is null. Provide a valid value for the argument, and then try running the command again."
VALIDATE_NOT_NULL_COLLECTION = (
    "The argument has a null value, or an element of the argument collection contains a null value. "
    "Provide a collection that does not contain any null values, and then try the command again."
)
VALIDATE_NOT_NULL_OR_EMPTY = (
    "The argument is null or empty. Provide an argument that is not null or empty, and then try the command "
    "again."
)
VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION = (
    "The argument is null, empty, or an element of the argument collection contains a null value. Supply a "
    "collection that does not contain any null values and then try the command again."
)

PARAMETER_BINDING = "ParameterBindingException"
TRANSFORMATION = "ParameterBindingArgumentTransformationException"
VALIDATION = "ParameterBindingValidationException"


# --------------------------------------------------------------------------- elements


class ParameterElement:
    """``-Name`` or ``-Name:value`` as written (name without the dash; ``text`` is what was
    typed, e.g. ``-Ident``).  Splatted hashtable entries arrive with ``splatted=True``.  The name
    ``-`` (the token ``--``) ends parameter processing: every later element is an argument."""

    __slots__ = ("name", "argument", "colon", "extent", "text", "splatted", "argument_extent")

    def __init__(self, name: str, argument: Any = NO_ARGUMENT, colon: bool = False, extent: Any = None,
                 text: str = "", *, splatted: bool = False, argument_extent: Any = None):  # fmt: skip
        self.name = name
        self.argument = argument
        self.colon = colon
        self.extent = extent
        self.text = text or "-" + name
        self.splatted = splatted
        self.argument_extent = argument_extent

    def __repr__(self) -> str:
        if self.argument is NO_ARGUMENT:
            return f"ParameterElement({self.name!r})"
        return f"ParameterElement({self.name!r}, {self.argument!r})"


class ArgumentElement:
    """A positional value, already evaluated (``splatted`` for the items of ``@array``)."""

    __slots__ = ("value", "extent", "splatted")

    def __init__(self, value: Any, extent: Any = None, splatted: bool = False):
        self.value = value
        self.extent = extent
        self.splatted = splatted

    def __repr__(self) -> str:
        return f"ArgumentElement({self.value!r})"


class ParameterText(str):
    """What a simple function's ``$args`` (or a remaining-arguments parameter) holds for an
    unknown ``-Name``: the text as typed, remembering the parameter name so that ``@args``
    splats it back as a parameter."""

    __slots__ = ("parameter_name",)
    PS_TYPE_NAMES = ("System.String", "System.Object")

    def __new__(cls, text: str, parameter_name: str) -> ParameterText:
        self = super().__new__(cls, text)
        self.parameter_name = parameter_name
        return self


class _Argument:
    """One command-line element after pairing (PowerShell's CommandParameterInternal)."""

    __slots__ = ("name", "text", "value", "name_extent", "value_extent", "param")

    def __init__(self, name: str | None, text: str, value: Any, name_extent: Any, value_extent: Any,
                 param: ParameterMetadata | None = None):  # fmt: skip
        self.name = name  # as typed, without the dash; None for a positional argument
        self.text = text
        self.value = value  # NO_ARGUMENT for a bare -Name
        self.name_extent = name_extent
        self.value_extent = value_extent
        self.param = param

    @property
    def has_value(self) -> bool:
        return self.value is not NO_ARGUMENT


# --------------------------------------------------------------------------- types

# PowerShell type accelerators and short names -> the binder's canonical names.
_TYPE_ALIASES = {
    "string": "String", "char": "Char", "bool": "Boolean", "boolean": "Boolean",
    "switch": "SwitchParameter", "switchparameter": "SwitchParameter", "int": "Int32", "int32": "Int32",
    "long": "Int64", "int64": "Int64", "int16": "Int16", "short": "Int16", "byte": "Byte",
    "sbyte": "SByte", "uint16": "UInt16", "ushort": "UInt16", "uint32": "UInt32", "uint": "UInt32",
    "uint64": "UInt64", "ulong": "UInt64", "double": "Double", "float": "Single", "single": "Single",
    "decimal": "Decimal", "object": "Object", "psobject": "PSObject", "pscustomobject": "PSObject",
    "scriptblock": "ScriptBlock", "hashtable": "Hashtable", "datetime": "DateTime", "timespan": "TimeSpan",
    "guid": "Guid", "array": "Array", "regex": "Regex", "xml": "XmlDocument", "version": "Version",
    "uri": "Uri", "ipaddress": "IPAddress", "pscredential": "PSCredential", "securestring": "SecureString",
    "actionpreference": "ActionPreference", "confirmimpact": "ConfirmImpact", "arraylist": "ArrayList",
}  # fmt: skip

_FULL_NAMES = {
    "String": "System.String", "Char": "System.Char", "Boolean": "System.Boolean",
    "SwitchParameter": "System.Management.Automation.SwitchParameter", "Int32": "System.Int32",
    "Int64": "System.Int64", "Int16": "System.Int16", "Byte": "System.Byte", "SByte": "System.SByte",
    "UInt16": "System.UInt16", "UInt32": "System.UInt32", "UInt64": "System.UInt64",
    "Double": "System.Double", "Single": "System.Single", "Decimal": "System.Decimal",
    "Object": "System.Object", "PSObject": "System.Management.Automation.PSObject",
    "ScriptBlock": "System.Management.Automation.ScriptBlock", "Hashtable": "System.Collections.Hashtable",
    "DateTime": "System.DateTime", "TimeSpan": "System.TimeSpan", "Guid": "System.Guid",
    "Array": "System.Array", "Regex": "System.Text.RegularExpressions.Regex",
    "XmlDocument": "System.Xml.XmlDocument", "Version": "System.Version", "Uri": "System.Uri",
    "IPAddress": "System.Net.IPAddress", "PSCredential": "System.Management.Automation.PSCredential",
    "SecureString": "System.Security.SecureString",
    "ActionPreference": "System.Management.Automation.ActionPreference",
    "ConfirmImpact": "System.Management.Automation.ConfirmImpact",
    "ArrayList": "System.Collections.ArrayList",
}  # fmt: skip

# Value types: $null binds to them (and to string) only through coercion.
_VALUE_TYPES = frozenset((
    "String", "Char", "Boolean", "SwitchParameter", "Int16", "Int32", "Int64", "Byte", "SByte", "UInt16",
    "UInt32", "UInt64", "Double", "Single", "Decimal", "DateTime", "TimeSpan", "Guid",
))  # fmt: skip

_CANONICAL: dict[str, str] = {}


def canonical_type_name(name: str) -> str:
    """``int`` -> ``Int32``, ``System.String[]`` -> ``String[]``, ``[switch]`` -> ``SwitchParameter``;
    names the binder does not know are kept as written."""
    found = _CANONICAL.get(name)
    if found is None:
        found = _CANONICAL[name] = _canonical(name)
    return found


def _canonical(name: str) -> str:
    name = name.strip()
    if name.startswith("[") and name.endswith("]") and not name.endswith("[]]"):
        name = name[1:-1]
    suffix = ""
    while name.endswith("[]"):
        name, suffix = name[:-2], suffix + "[]"
    lower = name.lower()
    for prefix in ("system.management.automation.", "system.collections.", "system."):
        if lower.startswith(prefix) and _TYPE_ALIASES.get(lower[len(prefix) :]):
            lower = lower[len(prefix) :]
            break
    return _TYPE_ALIASES.get(lower, name) + suffix


def _split_array(name: str) -> tuple[str, str]:
    suffix = ""
    while name.endswith("[]"):
        name, suffix = name[:-2], suffix + "[]"
    return name, suffix


_TYPE_CACHE: dict[str, Any] = {}
_UNKNOWN_TYPES: dict[str, int] = {}  # name -> size of the type registry when it was not found


def _registry_size() -> int:
    # Types are only ever added (an Exchange module registers its types when it loads), so the
    # registry's size tells whether a name that was unknown may be known now.
    from emshell.engine import types

    return len(types._TYPES) + len(types._ACCELERATORS)


def lookup_type(type_name: str) -> Any:
    """The engine's ``PSType`` for a parameter type name, or None while no layer has registered
    it (an Exchange type before the Exchange layer registers its converters)."""
    canonical = canonical_type_name(type_name)
    found = _TYPE_CACHE.get(canonical)
    if found is not None:
        return found
    size = _registry_size()
    if _UNKNOWN_TYPES.get(canonical) == size:
        return None
    from emshell.engine.types import resolve_type

    element, suffix = _split_array(canonical)
    full = _FULL_NAMES.get(element)
    found = resolve_type(full + suffix) if full else None
    if found is None:
        found = resolve_type(canonical)
    if found is None:
        _UNKNOWN_TYPES[canonical] = size
    else:
        _TYPE_CACHE[canonical] = found
    return found


def full_type_name(type_name: str) -> str:
    """The .NET full name a message shows for a parameter type."""
    found = lookup_type(type_name)
    if found is not None:
        return found.full_name
    element, suffix = _split_array(canonical_type_name(type_name))
    return _FULL_NAMES.get(element, element) + suffix


class _ParameterType:
    """What the binder needs to know about a parameter's type."""

    __slots__ = ("name", "element", "is_collection", "full_name")

    def __init__(self, param: ParameterMetadata):
        name = canonical_type_name(param.type_name or "Object")
        self.is_collection = name.endswith("[]") or param.multi_valued
        self.element = name[:-2] if name.endswith("[]") else ("Object" if param.multi_valued else name)
        self.name = name
        self.full_name = full_type_name(name)

    @property
    def is_switch(self) -> bool:
        return self.name == "SwitchParameter"

    @property
    def is_boolean(self) -> bool:
        return self.name in ("Boolean", "SwitchParameter")

    @property
    def is_object(self) -> bool:
        return self.name in ("Object", "PSObject")


def _is_instance(value: Any, type_name: str) -> bool:
    """Is ``value`` already of ``type_name`` (so binding needs no coercion)?"""
    if type_name in ("Object", "PSObject"):
        return True
    if value is None:
        return False
    found = lookup_type(type_name)
    if found is not None:
        return bool(found.is_instance(value))
    wanted = type_name.lower()
    return any(n.lower() == wanted or n.lower().rsplit(".", 1)[-1] == wanted for n in type_names_of(value))


def _is_collection(value: Any) -> bool:
    """Does PowerShell see ``value`` as a collection (an IList) when binding?"""
    return isinstance(value, (list, tuple))


def _is_number(value: Any) -> bool:
    from emshell.engine.primitives import is_number

    return is_number(value)


def _value_type_name(value: Any) -> str:
    names = type_names_of(value)
    return names[0] if names else ""


def _display(value: Any) -> str:
    """``value.ToString()`` as .NET formats it in a message (arrays give their type name)."""
    if value is None:
        return ""
    from emshell.engine.primitives import dotnet_to_string

    return dotnet_to_string(list(value) if isinstance(value, tuple) else value)


# --------------------------------------------------------------------------- conversion


class _Failure(Exception):
    """A conversion failure inside the binder, before it becomes an ErrorRecord."""

    def __init__(self, message: str, error_id: str = "CannotConvertArgumentNoMessage"):
        super().__init__(message)
        self.message = message
        self.error_id = error_id


def _is_enum_like(param: ParameterMetadata, type_name: str) -> bool:
    """An Exchange enum the engine has no converter for yet: its accepted values are its names."""
    return bool(param.accepted_values) and type_name not in ("String", "Boolean", "SwitchParameter")


def _convert(value: Any, type_name: str, param: ParameterMetadata, *, strict: bool = False) -> Any:
    """Convert one value to a scalar type through the engine's conversion rules.  Types the
    engine does not know (Exchange types whose converters are not registered) keep the value,
    except enum-like ones, which match their names in any case; ``strict`` (script and server
    side transformations) still refuses a collection for them, as LanguagePrimitives would."""
    target = lookup_type(type_name)
    if target is None:
        if _is_enum_like(param, type_name) and not _is_collection(value):
            return _match_enum(value, type_name, param.accepted_values)
        if strict and _is_collection(value) and type_name not in ("Object", "PSObject"):
            shown = _value_type_name(value)
            raise _Failure(CANNOT_CONVERT_VALUE.format(_display(value), shown, full_type_name(type_name)))
        return value
    from emshell.engine import conversion

    try:
        return conversion.convert_to(value, target)
    except conversion.ConversionError as error:
        raise _Failure(error.message) from None


_ENUM_CACHE: dict[tuple[str, tuple[str, ...]], Any] = {}


def _match_enum(value: Any, type_name: str, names: tuple[str, ...]) -> str:
    """An accepted value by name, any case, or a unique prefix (LanguagePrimitives' enum rule)."""
    from emshell.engine.types import EnumType

    key = (type_name, names)
    enum = _ENUM_CACHE.get(key)
    if enum is None:
        enum = _ENUM_CACHE[key] = EnumType(full_type_name(type_name), names)
    text = _display(value)
    try:
        return enum.disambiguate(text.strip())
    except ValueError as error:
        raise _Failure(f'Cannot convert value "{text}" to type "{enum.full_name}". Error: "{error}"') from None


# --------------------------------------------------------------------------- name index


class _NameIndex:
    """A command's parameters in PowerShell's lookup order: names, then aliases."""

    __slots__ = ("names", "aliases", "declared")

    def __init__(self, meta: CommandMetadata):
        params = list(meta.parameters.values())
        self.names = [(p.name.lower(), p) for p in params]
        self.aliases = [(a.lower(), p) for p in params for a in p.aliases]
        # WhatIf and Confirm count as common even where a command declares them itself (the
        # Exchange metadata lists them among each cmdlet's parameters).
        common = {n.lower() for n, _, _ in COMMON_PARAMETERS + SHOULD_PROCESS_PARAMETERS}
        self.declared = {id(p) for p in params if not p.is_common and p.name.lower() not in common}


def _name_index(meta: CommandMetadata) -> _NameIndex:
    index = meta.__dict__.get("_binder_name_index")
    if index is None:
        index = _NameIndex(meta)
        meta.__dict__["_binder_name_index"] = index
    return index


# --------------------------------------------------------------------------- the binding


class Binding:
    """The parameters bound for one command invocation, and its pipeline binding.

    ``bound`` maps canonical parameter names to converted values in binding order (switches as
    ``True``/``False``); ``parameter_set_name`` is the resolved set (``None`` while several
    remain and pipeline input will decide); ``unbound_arguments`` is a simple function's
    ``$args``.
    """

    def __init__(self, meta: CommandMetadata, *, expects_pipeline_input: bool = False,
                 prompt: Callable[..., dict[str, Any]] | None = None, remote_computer: str | None = None,
                 command_extent: Any = None, invocation: InvocationInfo | None = None,
                 script_invoker: Callable[[Any, Any], Any] | None = None):  # fmt: skip
        self.meta = meta
        self.expects_pipeline_input = expects_pipeline_input
        self.prompt = prompt
        self.remote_computer = remote_computer
        self.command_extent = command_extent
        self.invocation = invocation
        self.script_invoker = script_invoker
        self.bound: dict[str, Any] = {}
        self.bound_positionally: list[str] = []
        self.bound_by_pipeline: list[str] = []
        self.unbound_arguments: list[Any] = []
        self.parameter_set_name: str | None = None
        self.is_function = meta.kind in ("Function", "Filter", "ExternalScript", "Script")
        self.is_simple_function = self.is_function and not meta.add_common_parameters
        self.is_remote = bool(meta.remote)
        self._index = _name_index(meta)
        self._types: dict[str, _ParameterType] = {}
        named_sets = [s for s in meta.parameter_set_names if s != ALL_PARAMETER_SETS]
        default = meta.default_parameter_set
        if default and default != ALL_PARAMETER_SETS and default not in named_sets and named_sets:
            # a default set no parameter names still exists (the DefaultParameterSetName='None' idiom)
            named_sets.append(default)
        self.named_sets = named_sets
        self.default_set = default if default in named_sets else None
        self.valid: set[str] = set(named_sets)
        self._pre_pipeline_valid: set[str] = set(named_sets)
        self._delay_bound: dict[str, tuple[Any, _Argument]] = {}  # name -> (script block, argument)
        self._server_side = False  # for remote cmdlets: past the proxy's own checks

    # ------------------------------------------------------------ public views

    @property
    def valid_sets(self) -> list[str]:
        """The parameter sets still valid, in declaration order."""
        if not self.named_sets:
            return [self.meta.default_parameter_set or ALL_PARAMETER_SETS]
        return [s for s in self.named_sets if s in self.valid]

    def __repr__(self) -> str:
        return f"Binding({self.meta.name}: {self.bound!r}, set={self.parameter_set_name!r})"

    # ------------------------------------------------------------ errors

    def _origin(self) -> str:
        meta = self.meta
        if meta.kind == "Cmdlet" and meta.implementing_type and not self.is_remote:
            return meta.implementing_type
        return meta.name

    def error(self, error_id: str, message: str, extent: Any = None, *, exception: str = PARAMETER_BINDING,
              category: str = "InvalidArgument", local: bool = False) -> PSError:  # fmt: skip
        """A binding error as PowerShell reports it (server-side ones for remote cmdlets, unless
        ``local``: raised by the EMS proxy function itself)."""
        meta = self.meta
        if self.is_remote and self._server_side and not local:
            info = InvocationInfo(meta.name, None)
            remote = self.remote_computer
        else:
            invocation = self.invocation
            info = InvocationInfo(
                meta.name, extent if extent is not None else self.command_extent,
                pipeline_length=invocation.PipelineLength if invocation else 0,
                pipeline_position=invocation.PipelinePosition if invocation else 0,
            )  # fmt: skip
            remote = None
        record = new_error(
            exception, message, f"{error_id},{self._origin()}", category,
            activity=meta.name, invocation_info=info, remote_computer=remote,
        )  # fmt: skip
        return PSError(record)

    def _type(self, param: ParameterMetadata) -> _ParameterType:
        ptype = self._types.get(param.name)
        if ptype is None:
            ptype = self._types[param.name] = _ParameterType(param)
        return ptype

    def _transforms(self, param: ParameterMetadata) -> bool:
        """Does ``param`` convert by argument transformation?  A script's own typed parameters
        do (the type constraint is an ArgumentTypeConverter attribute), and so does EMS's server
        side; the common parameters of an advanced function bind like a compiled cmdlet's."""
        return (self.is_function and not param.is_common) or self.is_remote

    def _shown_type(self, param: ParameterMetadata) -> str:
        """The type a MissingArgument message names: EMS proxies declare every non-switch
        parameter as ``[System.Object]``."""
        if self.is_remote:
            return full_type_name("SwitchParameter") if param.is_switch else "System.Object"
        return self._type(param).full_name

    # ------------------------------------------------------------ B: names

    def resolve(self, name: str, extent: Any = None) -> ParameterMetadata | None:
        """The parameter ``name`` means: an exact name or alias, else the only parameter whose
        name or alias starts with it (a declared one beats common ones); None if nothing
        matches; AmbiguousParameter if several do."""
        lower = name.lower()
        index = self._index
        candidates: list[ParameterMetadata] = []
        for pname, param in index.names:
            if pname.startswith(lower):
                if pname == lower:
                    return param
                candidates.append(param)
        for alias, param in index.aliases:
            if alias.startswith(lower):
                if alias == lower:
                    return param
                if param not in candidates:
                    candidates.append(param)
        if len(candidates) > 1:
            declared = [p for p in candidates if id(p) in index.declared]
            if len(declared) == 1:
                return declared[0]
            listing = "".join(" -" + p.name for p in candidates)
            raise self.error("AmbiguousParameter", AMBIGUOUS_PARAMETER.format(name, listing), extent)
        return candidates[0] if candidates else None

    # ------------------------------------------------------------ C: pairing

    def pair(self, elements: Iterable[Any]) -> list[_Argument]:
        """Pair each ``-Name`` with its value (C10-11); ``--`` turns the rest into arguments."""
        items = list(elements)
        result: list[_Argument] = []
        literal = False
        i = 0
        while i < len(items):
            element = items[i]
            i += 1
            if type(element) is not ParameterElement:
                result.append(_Argument(None, "", element.value, element.extent, element.extent))
                continue
            if literal:
                result.append(_Argument(None, "", element.text, element.extent, element.extent))
                continue
            if element.name == "-" and not element.splatted:
                literal = True
                continue
            param = self.resolve(element.name, element.extent)
            if element.argument is not NO_ARGUMENT:
                text = element.text if element.text.endswith(":") else element.text + ":"
                result.append(_Argument(element.name, text, element.argument, element.extent,
                                        element.argument_extent or element.extent, param))  # fmt: skip
                continue
            if param is None or param.is_switch:
                result.append(_Argument(element.name, element.text, NO_ARGUMENT, element.extent, None, param))
                continue
            following = items[i] if i < len(items) else None
            if following is None:
                raise self._missing_argument(param, element.extent)
            if type(following) is ParameterElement:
                if following.name == "-" or following.argument is not NO_ARGUMENT:
                    raise self._missing_argument(param, element.extent)
                if self.resolve(following.name, following.extent) is not None:
                    raise self._missing_argument(param, element.extent)
                # a dash word that names no parameter is this parameter's value, as typed
                value, value_extent = following.text, following.extent
            else:
                value, value_extent = following.value, following.extent
            i += 1
            result.append(_Argument(element.name, element.text, value, element.extent, value_extent, param))
        return result

    def _missing_argument(self, param: ParameterMetadata, extent: Any) -> PSError:
        return self.error("MissingArgument", MISSING_ARGUMENT.format(param.name, self._shown_type(param)), extent)

    # ------------------------------------------------------------ conversion and validation

    def bind(self, param: ParameterMetadata, value: Any, arg: _Argument | None, *, coerce: bool) -> bool:
        """Bind ``value`` to ``param``: transform, coerce, validate, then record it and narrow the
        parameter sets.  Returns False when ``coerce`` is off and the value needs coercion."""
        value_extent = arg.value_extent if arg is not None else None
        try:
            converted = self._coerce(param, value, coerce)
        except _Failure as failure:
            raise self._conversion_error(param, failure, value_extent) from None
        if converted is _MISMATCH:
            return False
        self._validate(param, converted, value_extent)
        self._record(param, converted)
        return True

    def _coerce(self, param: ParameterMetadata, value: Any, coerce: bool) -> Any:
        """The value as the parameter's type, or ``_MISMATCH`` when it needs coercion and
        ``coerce`` is off (G23-24).  Script functions and EMS's server side convert through
        argument transformation; compiled cmdlets through the binder's own coercion."""
        ptype = self._type(param)
        if ptype.is_boolean:
            return self._coerce_boolean(param, ptype, value, coerce)
        if value is None:
            if coerce and self.is_function and not param.is_common and not ptype.is_object:
                return _convert(None, ptype.name, param)  # a script's [string] turns $null into ''
            if coerce and ptype.name in _VALUE_TYPES and ptype.name != "String" and not param.is_common:
                return _convert(None, ptype.name, param)  # a cmdlet's [int] gets 0; a [datetime] cannot take $null
            if coerce or ptype.name not in _VALUE_TYPES:
                return None
            return _MISMATCH
        if _is_instance(value, ptype.name):
            return value
        if ptype.is_collection:
            return self._encode_collection(param, ptype, value, coerce)
        if not coerce:
            return _MISMATCH
        if self._transforms(param):
            return self._transform(param, ptype.name, value)
        if _is_collection(value) and not _is_enum_like(param, ptype.name):
            raise _Failure(
                CANNOT_CONVERT_ARGUMENT.format(_display(value), ptype.full_name, param.name, NOT_SUPPORTED),
                "CannotConvertArgument",
            )  # fmt: skip
        return _convert(value, ptype.name, param)

    def _transform(self, param: ParameterMetadata, type_name: str, value: Any) -> Any:
        try:
            return _convert(value, type_name, param, strict=True)
        except _Failure as failure:
            raise _Failure(failure.message, "ParameterArgumentTransformationError") from None

    def _coerce_boolean(self, param: ParameterMetadata, ptype: _ParameterType, value: Any, coerce: bool) -> Any:
        """``[bool]`` and switch parameters take only booleans and numbers (G25)."""
        if isinstance(value, bool):
            return value if (coerce or not ptype.is_switch) else _MISMATCH
        if not coerce:
            return _MISMATCH
        transforms = self._transforms(param)
        if value is None:
            if transforms:
                raise _Failure(BOOLEAN_ONLY.format("", ptype.full_name), "ParameterArgumentTransformationError")
            if ptype.is_switch:
                return True  # -Switch:$null means present
            raise _Failure(NULL_NOT_ALLOWED.format(param.name), "ParameterArgumentValidationErrorNullNotAllowed")
        if _is_number(value):
            return value != 0
        if transforms:
            raise _Failure(BOOLEAN_ONLY.format(_value_type_name(value), ptype.full_name),
                           "ParameterArgumentTransformationError")  # fmt: skip
        raise _Failure(
            CANNOT_CONVERT_ARGUMENT.format(_value_type_name(value), ptype.full_name, param.name, ""),
            "CannotConvertArgument",
        )  # fmt: skip

    def _encode_collection(self, param: ParameterMetadata, ptype: _ParameterType, value: Any, coerce: bool) -> Any:
        """A collection parameter: a scalar becomes a one-element array and elements convert one
        by one (G24).  A hashtable given to a multi-valued Exchange property stays whole, for
        its ``@{Add=...; Remove=...}`` form."""
        if isinstance(value, Hashtable) and param.multi_valued and not ptype.name.endswith("[]"):
            if all(str(key).lower() in ("add", "remove") for key in value):
                return value
            # a multi-valued property takes a hashtable only as a list of changes
            raise _Failure(CANNOT_CONVERT_VALUE.format("System.Collections.Hashtable", "System.Collections.Hashtable",
                                                       ptype.full_name), "ParameterArgumentTransformationError")  # fmt: skip
        if coerce and self.is_function and not param.is_common and lookup_type(ptype.name) is not None:
            return self._transform(param, ptype.name, value)  # the language's own array conversion
        element_type = ptype.element
        items = list(value) if _is_collection(value) else [value]
        result: list = []
        for item in items:
            if item is None or _is_instance(item, element_type):
                result.append(item)
            elif not coerce:
                return _MISMATCH
            elif self._transforms(param):
                result.append(self._transform(param, element_type, item))
            else:
                result.append(_convert(item, element_type, param))
        return result

    def _conversion_error(self, param: ParameterMetadata, failure: _Failure, extent: Any) -> PSError:
        error_id = failure.error_id
        if error_id == "ParameterArgumentTransformationError":
            # EMS proxies declare switches as [switch]: a bad switch value fails in the proxy
            return self.error(error_id, TRANSFORMATION_ERROR.format(param.name, failure.message), extent,
                              exception=TRANSFORMATION, category="InvalidData", local=param.is_switch)  # fmt: skip
        if error_id == "CannotConvertArgumentNoMessage":
            message = CANNOT_CONVERT_ARGUMENT_NO_MESSAGE.format(param.name, failure.message)
            return self.error(error_id, message, extent)
        return self.error(error_id, failure.message, extent)  # CannotConvertArgument, NullNotAllowed

    def _validate(self, param: ParameterMetadata, value: Any, extent: Any) -> None:
        """Validation attributes, accepted values, then the mandatory null/empty check (G26-27)."""
        ptype = self._type(param)
        for validation in param.validations:
            message = _run_validation(validation, value, self.script_invoker)
            if message is not None and validation.kind.lower() == "validatenotepropertyname":
                # PowerShell swallows this one in positional binding so that the legacy form
                # ``Add-Member NoteProperty Name Value`` binds to -MemberType instead.
                raise SwallowedValidation(self.error(
                    "ParameterArgumentValidationError", VALIDATION_ERROR.format(param.name, message), extent,
                    exception=VALIDATION, category="InvalidData").record)  # fmt: skip
            if message is not None:
                raise self.error("ParameterArgumentValidationError", VALIDATION_ERROR.format(param.name, message),
                                 extent, exception=VALIDATION, category="InvalidData")  # fmt: skip
        if param.accepted_values and ptype.element == "String":
            message = _validate_set(value, param.accepted_values, True)
            if message is not None:
                raise self.error("ParameterArgumentValidationError", VALIDATION_ERROR.format(param.name, message),
                                 extent, exception=VALIDATION, category="InvalidData")  # fmt: skip
        if any(info.mandatory for info in param.sets.values()):
            self._check_null_or_empty(param, ptype, value, extent, recurse=True)

    def _check_null_or_empty(self, param: ParameterMetadata, ptype: _ParameterType, value: Any, extent: Any, *,
                             recurse: bool) -> None:  # fmt: skip
        if value is None:
            if not param.allow_null:
                raise self.error("ParameterArgumentValidationErrorNullNotAllowed", NULL_NOT_ALLOWED.format(param.name),
                                 extent, exception=VALIDATION, category="InvalidData")  # fmt: skip
            return
        type_name = ptype.name if recurse else ptype.element
        if type_name == "String" and value == "" and not param.allow_empty_string:
            raise self.error("ParameterArgumentValidationErrorEmptyStringNotAllowed",
                             EMPTY_STRING_NOT_ALLOWED.format(param.name), extent,
                             exception=VALIDATION, category="InvalidData")  # fmt: skip
        if recurse and ptype.is_collection and _is_collection(value):
            for item in value:
                self._check_null_or_empty(param, ptype, item, extent, recurse=False)
            if not value and not param.allow_empty_collection:
                raise self.error("ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                                 EMPTY_ARRAY_NOT_ALLOWED.format(param.name), extent,
                                 exception=VALIDATION, category="InvalidData")  # fmt: skip

    def _record(self, param: ParameterMetadata, value: Any) -> None:
        self.bound[param.name] = value
        if not param.in_all_sets and self.named_sets:
            self.valid &= set(param.sets)

    # ------------------------------------------------------------ D: the command line

    def bind_command_line(self, elements: Iterable[Any]) -> Binding:
        arguments = self.pair(elements)
        if self.is_remote:
            self._check_duplicates(arguments)
            self._server_side = True
        unbound = self._bind_named(arguments)
        self._check_sets_not_empty()
        unbound, first_failure = self._bind_positional(unbound)
        self._check_sets_not_empty()
        unbound = self._bind_remaining(unbound)
        if self.is_simple_function:
            self.unbound_arguments = self._as_args(unbound)
        elif unbound:
            raise self._unbound_error(unbound[0], first_failure)
        self._check_delay_bind()
        self._resolve_command_line_set()
        self._check_mandatory()
        self._pre_pipeline_valid = set(self.valid)
        return self

    def _check_duplicates(self, arguments: list[_Argument]) -> None:
        """The proxy function's own binder sees duplicates before the server sees anything."""
        seen: set[str] = set()
        for arg in arguments:
            if arg.param is None:
                continue
            if arg.param.name in seen:
                raise self.error("ParameterAlreadyBound", PARAMETER_ALREADY_BOUND.format(arg.name), arg.name_extent)
            seen.add(arg.param.name)

    def _bind_named(self, arguments: list[_Argument]) -> list[_Argument]:
        unbound: list[_Argument] = []
        for arg in arguments:
            param = arg.param
            if arg.name is None or param is None:
                unbound.append(arg)
                continue
            if param.name in self.bound:
                raise self.error("ParameterAlreadyBound", PARAMETER_ALREADY_BOUND.format(arg.name), arg.name_extent)
            value = True if (not arg.has_value and param.is_switch) else arg.value
            if not self._delay_bind(param, value, arg):
                self.bind(param, value, arg, coerce=True)
        return unbound

    def _check_sets_not_empty(self) -> None:
        if self.named_sets and not self.valid:
            raise self.error("AmbiguousParameterSet", AMBIGUOUS_PARAMETER_SET)

    # -------- E: positions

    def _positions(self) -> dict[int, list[tuple[ParameterMetadata, ParameterSetInfo]]]:
        """Unbound positional parameters by position, for the sets still valid."""
        slots: dict[int, list[tuple[ParameterMetadata, ParameterSetInfo]]] = {}
        for param in self.meta.parameters.values():
            if param.name in self.bound:
                continue
            for info in param.sets.values():
                if info.position is None or info.value_from_remaining_arguments:
                    continue
                if not self._set_is_valid(info.set_name):
                    continue
                entries = slots.setdefault(info.position, [])
                entries.append((param, info))
        return dict(sorted(slots.items()))

    def _set_is_valid(self, set_name: str, within: set[str] | None = None) -> bool:
        if set_name == ALL_PARAMETER_SETS or not self.named_sets:
            return True
        return set_name in (self.valid if within is None else within)

    def _bind_positional(self, arguments: list[_Argument]) -> tuple[list[_Argument], PSError | None]:
        """Fill the positions in ascending order, one argument each (E15-16).  An argument no
        parameter at its position takes stays unbound; the next argument tries the next
        position."""
        if not any(a.name is None for a in arguments):
            return arguments, None
        slots = self._positions()
        leftover: list[_Argument] = []
        first_failure: PSError | None = None
        index = 0
        for position in list(slots):
            entries = [(p, i) for p, i in slots[position]
                       if p.name not in self.bound and self._set_is_valid(i.set_name)]  # fmt: skip
            if not entries:
                continue
            arg, index = self._next_positional(arguments, index, leftover)
            if arg is None:
                break
            bound, failure = self._bind_at_position(entries, arg)
            if failure is not None and first_failure is None:
                first_failure = failure
            if not bound:
                leftover.append(arg)
        leftover.extend(arguments[index:])
        return leftover, first_failure

    @staticmethod
    def _next_positional(arguments: list[_Argument], index: int,
                         leftover: list[_Argument]) -> tuple[_Argument | None, int]:  # fmt: skip
        """The next unnamed argument.  An unbound named argument on the way also takes the
        unnamed argument after it (PowerShell assumes it is that parameter's value)."""
        while index < len(arguments):
            arg = arguments[index]
            index += 1
            if arg.name is None:
                return arg, index
            leftover.append(arg)
            if index < len(arguments) and arguments[index].name is None:
                leftover.append(arguments[index])
                index += 1
        return None, index

    def _bind_at_position(self, entries: list[tuple[ParameterMetadata, ParameterSetInfo]],
                          arg: _Argument) -> tuple[bool, PSError | None]:  # fmt: skip
        default = self.default_set if self.default_set in self.valid else None
        attempts: list[tuple[set[str] | None, bool]] = []
        if default is not None:
            attempts.append(({default}, False))
        attempts.append((None, False))
        if default is not None:
            attempts.append(({default}, True))
        attempts.append((None, True))
        failure: PSError | None = None
        for within, coerce in attempts:
            for param, info in entries:
                if param.name in self.bound or not self._set_is_valid(info.set_name, within):
                    continue
                try:
                    if self._delay_bind(param, arg.value, arg) or self.bind(param, arg.value, arg, coerce=coerce):
                        self.bound_positionally.append(param.name)
                        return True, failure
                except SwallowedValidation as error:
                    failure = failure or error
                except PSError as error:
                    if error.record.Exception.short_name != PARAMETER_BINDING:
                        raise  # transformation and validation errors end the binding
                    failure = failure or error
        return False, failure

    # -------- D6-7: leftovers

    def _bind_remaining(self, arguments: list[_Argument]) -> list[_Argument]:
        if not arguments:
            return arguments
        remaining = [
            p for p in self.meta.parameters.values()
            if p.name not in self.bound and any(
                i.value_from_remaining_arguments and self._set_is_valid(i.set_name) for i in p.sets.values())
        ]  # fmt: skip
        if not remaining:
            return arguments
        if len(remaining) > 1:
            raise self.error("AmbiguousParameterSet", AMBIGUOUS_PARAMETER_SET)
        values = self._as_args(arguments)
        arg = arguments[0] if len(values) == 1 else None
        self.bind(remaining[0], values, arg, coerce=True)
        return []

    @staticmethod
    def _as_args(arguments: list[_Argument]) -> list[Any]:
        values: list[Any] = []
        for arg in arguments:
            if arg.name is not None:
                values.append(ParameterText(arg.text, arg.name))
            if arg.has_value:
                values.append(arg.value)
        return values

    def _unbound_error(self, arg: _Argument, failure: PSError | None) -> PSError:
        if arg.name is not None:
            return self.error("NamedParameterNotFound", NAMED_PARAMETER_NOT_FOUND.format(arg.name), arg.name_extent)
        if failure is not None:
            return failure
        shown = "$null" if arg.value is None else _display(arg.value)
        return self.error("PositionalParameterNotFound", POSITIONAL_PARAMETER_NOT_FOUND.format(shown))

    # -------- delay-bind script blocks

    def _delay_bind(self, param: ParameterMetadata, value: Any, arg: _Argument) -> bool:
        """A script block given to a pipeline parameter that does not take script blocks is
        evaluated for each input object instead (PowerShell's delay-bind script blocks)."""
        if not param.takes_pipeline_input or self.script_invoker is None:
            return False
        if "System.Management.Automation.ScriptBlock" not in type_names_of(value):
            return False
        if self._type(param).element in ("Object", "PSObject", "ScriptBlock"):
            return False
        self._delay_bound[param.name] = (value, arg)
        self._record(param, value)  # counts as bound (sets, mandatory check) until input arrives
        return True

    def _check_delay_bind(self) -> None:
        if self._delay_bound and not self.expects_pipeline_input:
            name, (_block, arg) = next(iter(self._delay_bound.items()))
            raise self.error("ScriptBlockArgumentNoInput", SCRIPT_BLOCK_NO_INPUT.format(name), arg.value_extent)

    # -------- F: parameter sets

    def _mandatory_free_sets(self, candidates: Iterable[str]) -> list[str]:
        """The sets (among ``candidates``) with no unbound mandatory parameter."""
        result = []
        for set_name in candidates:
            if not any(p.name not in self.bound and p.is_mandatory_in(set_name)
                       for p in self.meta.parameters.values()):  # fmt: skip
                result.append(set_name)
        return result

    def _takes_pipeline(self, set_name: str) -> bool:
        for param in self.meta.parameters.values():
            if param.name in self.bound:
                continue
            info = param.set_info(set_name)
            if info is not None and (info.value_from_pipeline or info.value_from_pipeline_by_property_name):
                return True
        return False

    def _choose_set(self, *, pipeline_pending: bool) -> None:
        """F20: one valid set wins; else the default; else (with pipeline input coming) wait;
        else the only set without unbound mandatory parameters; else AmbiguousParameterSet."""
        if not self.named_sets:
            self.parameter_set_name = self.meta.default_parameter_set or ALL_PARAMETER_SETS
            return
        valid = self.valid_sets
        if not valid:
            raise self.error("AmbiguousParameterSet", AMBIGUOUS_PARAMETER_SET)
        if len(valid) == 1:
            self.parameter_set_name = valid[0]
            return
        if pipeline_pending:
            taking = [s for s in valid if self._takes_pipeline(s)]
            if taking:
                self.valid = set(taking)
                if len(taking) == 1:
                    self.parameter_set_name = taking[0]
                else:
                    self.parameter_set_name = self.default_set if self.default_set in self.valid else None
                return
        if self.default_set in self.valid:
            self.valid = {self.default_set}
            self.parameter_set_name = self.default_set
            return
        free = self._mandatory_free_sets(valid)
        if len(free) != 1:
            raise self.error("AmbiguousParameterSet", AMBIGUOUS_PARAMETER_SET)
        self.valid = {free[0]}
        self.parameter_set_name = free[0]

    def _resolve_command_line_set(self) -> None:
        self._choose_set(pipeline_pending=self.expects_pipeline_input)

    # -------- I: mandatory parameters

    def _missing_mandatory(self, *, pipeline_pending: bool) -> list[ParameterMetadata]:
        """Unbound mandatory parameters of the chosen set (of the most promising set while
        pipeline input may still supply some)."""
        candidates = self.valid_sets
        if self.default_set in candidates:
            candidates = [self.default_set] + [s for s in candidates if s != self.default_set]
        best: list[ParameterMetadata] | None = None
        for set_name in candidates:
            missing = []
            for param in self.meta.parameters.values():
                if param.name in self.bound:
                    continue
                info = param.set_info(set_name) if self.named_sets else param.sets.get(ALL_PARAMETER_SETS) or next(
                    iter(param.sets.values()))
                if info is None or not info.mandatory:
                    continue
                if pipeline_pending and (info.value_from_pipeline or info.value_from_pipeline_by_property_name):
                    continue
                missing.append(param)
            if not missing:
                return []
            if best is None:
                best = missing
        return best or []

    def _check_mandatory(self) -> None:
        missing = self._missing_mandatory(pipeline_pending=self.expects_pipeline_input)
        if not missing:
            return
        if self.prompt is not None:
            answers = self.prompt(self.meta, missing)
            for param in missing:
                if param.name in answers:
                    self.bind(param, answers[param.name], None, coerce=True)
            if self.named_sets and self.parameter_set_name is None:
                self._choose_set(pipeline_pending=self.expects_pipeline_input)
            missing = [p for p in missing if p.name not in self.bound]
            if not missing:
                return
        listing = "".join(" " + p.name for p in missing)
        raise self.error("MissingMandatoryParameter", MISSING_MANDATORY.format(listing))

    # ------------------------------------------------------------ H: pipeline input

    def bind_pipeline_object(self, obj: Any) -> dict[str, Any]:
        """Bind one pipeline object (H29-33) and return every bound parameter.  Raises PSError
        (InputObjectNotBound, InputObjectMissingMandatory, conversion or validation errors):
        non-terminating, for this object only, whose record names the object as its target."""
        self._server_side = True
        for name in self.bound_by_pipeline:
            self.bound.pop(name, None)
        self.bound_by_pipeline = []
        for name in self._delay_bound:
            self.bound.pop(name, None)
        self.valid = set(self._pre_pipeline_valid)
        try:
            self._bind_pipeline(obj)
        except PSError as error:
            record = error.record
            if record.TargetObject is None and obj is not None:
                record = ErrorRecord(
                    record.Exception, record.FullyQualifiedErrorId, record.CategoryInfo.Category, obj,
                    activity=record.CategoryInfo.Activity, invocation_info=record.InvocationInfo,
                    remote_computer=record.remote_computer,
                )  # fmt: skip
            raise PSError(record) from None
        return dict(self.bound)

    def _bind_pipeline(self, obj: Any) -> None:
        something_bound = self._bind_delay_bound(obj)
        passes = ((False, False), (True, False), (False, True), (True, True))  # (by property name, coerce)
        for by_property, coerce in passes:
            if self._bind_pipeline_pass(obj, by_property, coerce):
                something_bound = True
                self._check_sets_not_empty()
                if len(self.valid) > 1 and self.default_set in self.valid:
                    self.valid = {self.default_set}  # later passes stay in the default set
        if not something_bound:
            raise self.error("InputObjectNotBound", INPUT_OBJECT_NOT_BOUND)
        self._choose_set(pipeline_pending=False)
        missing = self._missing_mandatory(pipeline_pending=False)
        if missing:
            listing = "".join(" " + p.name for p in missing)
            raise self.error("InputObjectMissingMandatory", INPUT_OBJECT_MISSING_MANDATORY.format(listing))

    def _bind_delay_bound(self, obj: Any) -> bool:
        invoker = self.script_invoker
        if not self._delay_bound or invoker is None:
            return False
        for name, (block, arg) in self._delay_bound.items():
            param = self.meta.parameters[name.lower()]
            output = invoker(block, obj)
            value = output[0] if isinstance(output, list) and len(output) == 1 else output
            self.bind(param, value, arg, coerce=True)
        return True

    def _bind_pipeline_pass(self, obj: Any, by_property: bool, coerce: bool) -> bool:
        """One binding pass, the default set first (H31)."""
        default = self.default_set if self.default_set in self.valid else None
        if default is not None and self._bind_pipeline_in(obj, by_property, coerce, {default}):
            return True
        if not self.named_sets:
            return self._bind_pipeline_in(obj, by_property, coerce, None)
        return self._bind_pipeline_in(obj, by_property, coerce, self.valid - {default})

    def _bind_pipeline_in(self, obj: Any, by_property: bool, coerce: bool, within: set[str] | None) -> bool:
        bound_any = False
        for param in reversed(list(self.meta.parameters.values())):
            if param.name in self.bound or not param.takes_pipeline_input:
                continue
            for info in param.sets.values():
                if not self._set_is_valid(info.set_name, within):
                    continue
                if by_property:
                    if not info.value_from_pipeline_by_property_name:
                        continue
                    found, value = _property_value(obj, param)
                    if not found:
                        continue
                elif info.value_from_pipeline:
                    value = obj
                else:
                    continue
                try:
                    if self.bind(param, value, None, coerce=coerce):
                        self.bound_by_pipeline.append(param.name)
                        bound_any = True
                        break
                except PSError as error:
                    # An object that does not convert simply does not bind by value; a property
                    # that names the parameter but does not convert is this object's error.
                    if by_property or error.record.Exception.short_name != PARAMETER_BINDING:
                        raise
        return bound_any


def _property_value(obj: Any, param: ParameterMetadata) -> tuple[bool, Any]:
    """By-property-name input: a property named like the parameter or one of its aliases
    (not a prefix; hashtable keys do not count)."""
    names = (param.name, *param.aliases)
    if isinstance(obj, PSObject):
        for name in names:
            if obj.has_property(name):
                return True, obj.get_property(name)
        return False, None
    if isinstance(obj, (Hashtable, str, int, float, bool, list)) or obj is None:
        return False, None
    properties = getattr(obj, "PS_PROPERTIES", None)
    if not properties:
        return False, None
    lowered = {p.lower(): p for p in properties}
    for name in names:
        actual = lowered.get(name.lower())
        if actual is not None:
            return True, getattr(obj, actual, None)
    return False, None


# --------------------------------------------------------------------------- validation


def _elements(value: Any) -> list[Any]:
    return list(value) if _is_collection(value) else [value]


def _validate_set(value: Any, allowed: tuple, ignore_case: bool) -> str | None:
    texts = [str(a) for a in allowed]
    folded = {t.lower() for t in texts} if ignore_case else set(texts)
    for item in _elements(value):
        if item is None:
            return VALIDATE_NOT_NULL
        text = _display(item)
        if (text.lower() if ignore_case else text) not in folded:
            return VALIDATE_SET.format(text, ",".join(texts))
    return None


def _validate_range(value: Any, low: Any, high: Any) -> str | None:
    for item in _elements(value):
        if item is None:
            return VALIDATE_NOT_NULL
        if _is_number(low) != _is_number(item):
            bound_type = _value_type_name(low).rsplit(".", 1)[-1]
            return VALIDATE_RANGE_ELEMENT_TYPE.format(_value_type_name(item).rsplit(".", 1)[-1], bound_type)
        if item < low:
            return VALIDATE_RANGE_TOO_SMALL.format(_display(item), _display(low))
        if item > high:
            return VALIDATE_RANGE_TOO_BIG.format(_display(item), _display(high))
    return None


def _validate_length(value: Any, low: int, high: int) -> str | None:
    for item in _elements(value):
        if item is None:
            return VALIDATE_NOT_NULL
        if not isinstance(item, str):
            return VALIDATE_LENGTH_NOT_STRING
        if len(item) < low:
            return VALIDATE_LENGTH_TOO_SHORT.format(low, len(item))
        if len(item) > high:
            return VALIDATE_LENGTH_TOO_LONG.format(high, len(item))
    return None


def _validate_count(value: Any, low: int, high: int) -> str | None:
    count = len(value) if _is_collection(value) else (0 if value is None else 1)
    if count < low:
        return VALIDATE_COUNT_TOO_FEW.format(low, count)
    if count > high:
        return VALIDATE_COUNT_TOO_MANY.format(high, count)
    return None


def _validate_pattern(value: Any, pattern: str, ignore_case: bool) -> str | None:
    import re

    flags = re.IGNORECASE if ignore_case else 0
    for item in _elements(value):
        if item is None:
            return VALIDATE_NOT_NULL
        text = _display(item)
        if re.search(pattern, text, flags) is None:
            return VALIDATE_PATTERN.format(text, pattern)
    return None


def _validate_script(value: Any, block: Any, invoker: Callable[[Any, Any], Any] | None) -> str | None:
    if invoker is None:
        return None
    from emshell.engine.primitives import is_true

    for item in _elements(value):
        try:
            output = invoker(block, item)
        except PSError as error:
            return error.record.message
        result = output[0] if isinstance(output, list) and len(output) == 1 else output
        if not is_true(result):
            return VALIDATE_SCRIPT.format(_display(item), str(block))
    return None


def _validate_not_null(value: Any, or_empty: bool) -> str | None:
    if value is None or (or_empty and value == ""):
        return VALIDATE_NOT_NULL_OR_EMPTY if or_empty else VALIDATE_NOT_NULL
    if _is_collection(value):
        if or_empty and (not value or any(item is None or item == "" for item in value)):
            return VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION
        if not or_empty and any(item is None for item in value):
            return VALIDATE_NOT_NULL_COLLECTION
    return None


def _run_validation(validation: Any, value: Any, invoker: Callable[[Any, Any], Any] | None) -> str | None:
    """The message of a failed validation attribute, or None when the value passes."""
    kind = validation.kind.lower()
    args = validation.args
    if kind == "validateset":
        allowed = args[0] if len(args) == 1 and isinstance(args[0], (list, tuple)) else args
        return _validate_set(value, tuple(allowed), validation.ignore_case)
    if kind == "validaterange":
        return _validate_range(value, args[0], args[1])
    if kind == "validatelength":
        return _validate_length(value, args[0], args[1])
    if kind == "validatecount":
        return _validate_count(value, args[0], args[1])
    if kind == "validatepattern":
        return _validate_pattern(value, str(args[0]), validation.ignore_case)
    if kind == "validatescript":
        return _validate_script(value, args[0], invoker)
    if kind == "validatenotnull":
        return _validate_not_null(value, False)
    if kind == "validatenotnullorempty":
        return _validate_not_null(value, True)
    if kind == "validatenotepropertyname":
        return _validate_note_property_name(value, args)
    return None


def _validate_note_property_name(value: Any, member_types: tuple) -> str | None:
    """Add-Member's -NotePropertyName may not be a member type name such as ``NoteProperty``."""
    text = str(value)
    if any(text.lower() == str(name).lower() for name in member_types):
        return (f'The note property name "{text}" is not valid. It cannot be the name of a member type; '
                "use the -MemberType parameter instead.")
    return None


class SwallowedValidation(PSError):
    """A validation failure that positional binding treats as "does not bind here"."""


# --------------------------------------------------------------------------- entry point


def bind_command_line(meta: CommandMetadata, elements: list, *, expects_pipeline_input: bool,
                      prompt: Callable[..., dict[str, Any]] | None = None, remote_computer: str | None = None,
                      command_extent: Any = None, invocation: InvocationInfo | None = None,
                      script_invoker: Callable[[Any, Any], Any] | None = None) -> Binding:  # fmt: skip
    """Bind a command line (phases D12.1-9) and return the ``Binding``.

    ``prompt(meta, missing)`` (interactive hosts) answers missing mandatory parameters with a
    dict name -> value; ``script_invoker(script_block, value)`` runs ValidateScript blocks and
    delay-bind script blocks with ``$_`` set to ``value`` and returns their output list.
    """
    binding = Binding(meta, expects_pipeline_input=expects_pipeline_input, prompt=prompt,
                      remote_computer=remote_computer, command_extent=command_extent, invocation=invocation,
                      script_invoker=script_invoker)  # fmt: skip
    return binding.bind_command_line(elements)


__all__ = [
    "NO_ARGUMENT",
    "ArgumentElement",
    "Binding",
    "ParameterElement",
    "ParameterText",
    "bind_command_line",
    "canonical_type_name",
    "full_type_name",
    "lookup_type",
]
