"""Discovery and help: Get-Command, Get-Member, Get-Help, and EMS's banner helpers
Get-ExCommand, QuickRef and Get-ExBlog.

Everything these commands say about a command comes from its metadata -- the declaration
the binder binds with -- through ``emshell.help``: the command table of Get-Command, the
syntax lines of Get-Command -Syntax and Get-Help, the parameter attributes of Get-Help -Full.
"""

from __future__ import annotations

from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError, new_error
from emshell.engine.metadata import CommandMetadata, parameter
from emshell.engine.metadata import ParameterMetadata as P
from emshell.engine.operators import wildcard_match
from emshell.engine.primitives import enumerate_value, to_string
from emshell.engine.psobject import PSCUSTOMOBJECT_TYPE_NAMES, Hashtable, PSObject, type_names_of

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

CORE = "Microsoft.PowerShell.Core"
UTILITY = "Microsoft.PowerShell.Utility"
COMMANDS = "Microsoft.PowerShell.Commands."
SMA = "System.Management.Automation."

COMMAND_TYPES = ("Alias", "Function", "Filter", "Cmdlet", "ExternalScript", "Application", "Script", "Workflow",
                 "Configuration", "All")  # fmt: skip
# CommandInfoComparer: by CommandType (the enum's value order), then by name.
_TYPE_ORDER = {name: index for index, name in enumerate(COMMAND_TYPES)}
MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties",
                "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                "MemberSet", "Event", "Dynamic", "All")  # fmt: skip
_MEMBER_GROUPS = {
    "properties": {"aliasproperty", "codeproperty", "property", "noteproperty", "scriptproperty"},
    "methods": {"method", "codemethod", "scriptmethod"},
}
HELP_CATEGORIES = ("Alias", "Cmdlet", "Provider", "General", "FAQ", "Glossary", "HelpFile", "ScriptCommand",
                   "Function", "Filter", "ExternalScript", "All", "DefaultHelp", "Workflow", "DscResource", "Class",
                   "Configuration")  # fmt: skip

HELP_NOT_FOUND = (
    "Get-Help could not find {0} in a help file in this session. To download updated help topics type: "
    '"Update-Help". To get help online, search for the help topic in the TechNet library at '
    "https:/go.microsoft.com/fwlink/?LinkID=107116."
)


def _names(value: Any) -> list[str]:
    """A string or a list of strings as a list of strings."""
    if value is None:
        return []
    items = enumerate_value(value)
    return [to_string(item) for item in (items if items is not None else [value])]


def _has_wildcard(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _matches_any(patterns: list[str], text: str) -> bool:
    return any(wildcard_match(pattern, text) for pattern in patterns)


# =========================================================================== the command table


class CommandParameterSetInfo:
    """``(Get-Command X).ParameterSets``: a set shows as its syntax."""

    PS_TYPE_NAMES = (SMA + "CommandParameterSetInfo", "System.Object")
    PS_PROPERTIES = ("Name", "IsDefault", "Parameters")

    def __init__(self, metadata: CommandMetadata, set_name: str):
        from emshell.help.syntax import set_syntax

        self.Name = set_name
        self.IsDefault = set_name == (metadata.default_parameter_set or set_name)
        self.Parameters = [p.name for p in metadata.parameters_in_set(set_name)]
        self._text = set_syntax(metadata, set_name)

    def ToString(self) -> str:
        return self._text

    __str__ = ToString


class ParameterInfo:
    """``(Get-Command X).Parameters['Name']``."""

    PS_TYPE_NAMES = (SMA + "ParameterMetadata", "System.Object")
    PS_PROPERTIES = ("Name", "ParameterType", "ParameterSets", "IsDynamic", "Aliases", "Attributes",
                     "SwitchParameter")  # fmt: skip

    def __init__(self, parameter: P):
        from emshell.help.syntax import short_type_name

        self.Name = parameter.name
        self.ParameterType = short_type_name(parameter.type_name)
        self.ParameterSets = list(parameter.sets)
        self.IsDynamic = False
        self.Aliases = list(parameter.aliases)
        self.Attributes: list = []
        self.SwitchParameter = parameter.is_switch

    def ToString(self) -> str:
        return self.Name

    __str__ = ToString


def _describe(info: Any, metadata: CommandMetadata) -> Any:
    """Fill the metadata-derived properties of a command-info object."""
    from emshell.help.syntax import command_syntax, parameter_set_names

    syntax = command_syntax(metadata)
    info.metadata = metadata
    info.Definition = syntax  # 5.1's CmdletInfo.Definition: the syntax, each set after an empty line
    info.ParameterSets = [CommandParameterSetInfo(metadata, s) for s in parameter_set_names(metadata)]
    info.Parameters = Hashtable((p.name, ParameterInfo(p)) for p in metadata.parameters.values())
    info.syntax = syntax
    return info


class ExchangeFunctionInfo:
    """An Exchange cmdlet as EMS has it: a proxy function of the imported session module."""

    PS_TYPE_NAMES = (SMA + "FunctionInfo", SMA + "CommandInfo", "System.Object")
    PS_PROPERTIES = ("HelpUri", "ScriptBlock", "CmdletBinding", "DefaultParameterSet", "Definition", "Options",
                     "Description", "Verb", "Noun", "HelpFile", "OutputType", "Name", "CommandType", "Source",
                     "Version", "Visibility", "ModuleName", "Module", "RemotingCapability", "Parameters",
                     "ParameterSets")  # fmt: skip

    def __init__(self, metadata: CommandMetadata):
        self.Name = metadata.name
        self.CommandType = metadata.kind
        self.Verb = metadata.verb
        self.Noun = metadata.noun
        self.Source = self.ModuleName = metadata.module
        self.Version = metadata.version
        self.DefaultParameterSet = metadata.default_parameter_set
        self.CmdletBinding = True

    HelpUri = ""
    ScriptBlock = None
    Options = "None"
    Description = ""
    HelpFile = ""
    OutputType: tuple = ()
    Visibility = "Public"
    Module = None
    RemotingCapability = "PowerShell"

    def __str__(self) -> str:
        return self.Name


def command_object(metadata: CommandMetadata) -> Any:
    """What Get-Command writes for a registered command."""
    if metadata.kind == "Cmdlet":
        from emshell.engine.commandinfo import CmdletInfo

        return _describe(CmdletInfo(metadata), metadata)
    return _describe(ExchangeFunctionInfo(metadata), metadata)


class CommandTable:
    """Every command a session can run, as Get-Command finds them: aliases, functions and
    the registered cmdlets (imported from the command index on first use)."""

    def __init__(self, runtime: Any):
        self.runspace = runtime.runspace
        self.interpreter = self.runspace.interpreter

    def registered(self) -> list[CommandMetadata]:
        import importlib

        from emshell.cmdlets.index import COMMANDS
        from emshell.engine.cmdlet import REGISTRY

        for module in sorted(set(COMMANDS.values())):
            try:
                importlib.import_module(module)
            except ImportError:  # a module named in the index but not written yet
                continue
        return [REGISTRY[name].metadata for name in COMMANDS if name in REGISTRY]

    def aliases(self) -> dict[str, str]:
        from emshell.cmdlets.index import ALIASES

        session = self.runspace.session
        found = {name.lower(): (name, target) for name, target in ALIASES.items()}
        for name, target in session.all_aliases().items():
            found[name.lower()] = (name, target)
        return dict(found.values())

    def function_metadata(self, function: Any) -> CommandMetadata | None:
        from emshell.engine.commands import script_metadata

        try:
            return script_metadata(self.interpreter, function.script_block, function.name, function)
        except PSError:
            return None

    def entries(self) -> list[tuple[Any, CommandMetadata | None]]:
        """(command object, metadata) for every command; aliases have no metadata."""
        from emshell.cmdlets.utility import AliasInfo

        out: list[tuple[Any, CommandMetadata | None]] = []
        for name, target in self.aliases().items():
            out.append((AliasInfo(name, target), None))
        functions = self.runspace.session.all_functions()
        for function in functions.values():
            out.append((function, self.function_metadata(function)))
        for metadata in self.registered():
            if metadata.name.lower() not in functions:
                out.append((command_object(metadata), metadata))
        return out

    def resolve(self, name: str) -> tuple[Any, CommandMetadata | None] | None:
        """The command a literal name runs (alias, then function, then cmdlet)."""
        from emshell.cmdlets.utility import AliasInfo

        session = self.runspace.session
        target = session.get_alias(name) or self.runspace.builtin_alias(name)
        if target is not None:
            alias_name = next((a for a in self.aliases() if a.lower() == name.lower()), name)
            return AliasInfo(alias_name, target), None
        function = session.get_function(name)
        if function is not None:
            return function, self.function_metadata(function)
        cls = self.runspace.find_cmdlet(name)
        if cls is not None:
            return command_object(cls.metadata), cls.metadata
        return None

    def metadata_of(self, name: str) -> CommandMetadata | None:
        """The metadata of the command a name runs, following aliases."""
        for _ in range(32):
            found = self.resolve(name)
            if found is None:
                return None
            info, metadata = found
            if metadata is not None or info.CommandType != "Alias":
                return metadata
            name = info.Definition
        return None


def _sort_key(entry: tuple[Any, Any]) -> tuple[int, str]:
    info = entry[0]
    return _TYPE_ORDER.get(str(info.CommandType), 99), str(info.Name).lower()


def _module_of(info: Any) -> str:
    return str(getattr(info, "ModuleName", "") or getattr(info, "Source", "") or "")


# =========================================================================== Get-Command


def _get_command_metadata() -> CommandMetadata:
    cmdlet_set, all_set = "CmdletSet", "AllCommandSet"
    return CommandMetadata("Get-Command", [
        parameter("Name", "String[]", position=0, by_property_name=True, sets=(all_set,), wildcards=True),
        parameter("Verb", "String[]", by_property_name=True, sets=(cmdlet_set,)),
        parameter("Noun", "String[]", by_property_name=True, sets=(cmdlet_set,)),
        parameter("Module", "String[]", by_property_name=True, aliases=("PSSnapin",)),
        parameter("FullyQualifiedModule", "ModuleSpecification[]", by_property_name=True),
        parameter("CommandType", "CommandTypes", by_property_name=True, sets=(all_set,), aliases=("Type",),
                  accepted_values=COMMAND_TYPES),
        parameter("TotalCount", "Int32", by_property_name=True),
        parameter("Syntax", "SwitchParameter", by_property_name=True),
        parameter("ShowCommandInfo", "SwitchParameter"),
        parameter("ArgumentList", "Object[]", position=1, remaining=True, aliases=("Args",)),
        parameter("All", "SwitchParameter", by_property_name=True),
        parameter("ListImported", "SwitchParameter", by_property_name=True),
        parameter("ParameterName", "String[]"),
        parameter("ParameterType", "PSTypeName[]"),
    ], default_parameter_set=cmdlet_set, module=CORE, version="3.0.0.0",
        implementing_type=COMMANDS + "GetCommandCommand",
        synopsis="Lists the commands the shell can run.")  # fmt: skip


@cmdlet(_get_command_metadata())
class GetCommand(Cmdlet):
    """Get-Command: the process hook gathers, the end hook sorts and writes (as 5.1 does)."""

    def begin(self) -> None:
        self.found: list[tuple[Any, Any]] = []
        self.sort = False

    def process(self) -> None:
        table = CommandTable(self.runtime)
        names = _names(self.params.get("Name"))
        if not names:
            self.sort = True
            self.found.extend(entry for entry in table.entries() if self._wanted(entry))
            return
        for name in names:
            if _has_wildcard(name):
                self.sort = True
                self.found.extend(entry for entry in table.entries()
                                  if wildcard_match(name, str(entry[0].Name)) and self._wanted(entry))  # fmt: skip
                continue
            entry = table.resolve(name)
            if entry is None or not self._wanted(entry):  # also when the filters rule it out, as in 5.1
                self._not_found(name)
                continue
            self.found.append(entry)

    def _not_found(self, name: str) -> None:
        from emshell.engine.commands import NOT_RECOGNIZED

        self.write_error(new_error("CommandNotFoundException", NOT_RECOGNIZED.format(name),
                                   "CommandNotFoundException," + self.metadata.implementing_type,
                                   "ObjectNotFound", name, activity=self.metadata.name))  # fmt: skip

    def _wanted(self, entry: tuple[Any, CommandMetadata | None]) -> bool:
        info, metadata = entry
        kind = str(info.CommandType)
        verbs, nouns = _names(self.params.get("Verb")), _names(self.params.get("Noun"))
        if verbs or nouns:
            if kind == "Alias" or metadata is None:
                return False
            if verbs and not _matches_any(verbs, metadata.verb):
                return False
            if nouns and not _matches_any(nouns, metadata.noun):
                return False
        types = {t.strip().lower() for name in _names(self.params.get("CommandType")) for t in name.split(",")}
        if types and "all" not in types and kind.lower() not in types:
            return False
        modules = _names(self.params.get("Module"))
        if modules and not _matches_any(modules, _module_of(info)):
            return False
        parameter_names = _names(self.params.get("ParameterName"))
        if parameter_names and not self._has_parameter(metadata, parameter_names):
            return False
        parameter_types = _names(self.params.get("ParameterType"))
        return not parameter_types or self._has_parameter_type(metadata, parameter_types)

    @staticmethod
    def _has_parameter(metadata: CommandMetadata | None, patterns: list[str]) -> bool:
        if metadata is None:
            return False
        return any(_matches_any(patterns, name) for p in metadata.parameters.values() for name in (p.name, *p.aliases))

    @staticmethod
    def _has_parameter_type(metadata: CommandMetadata | None, patterns: list[str]) -> bool:
        from emshell.help.syntax import short_type_name

        if metadata is None:
            return False
        return any(_matches_any(patterns, short_type_name(p.type_name)) for p in metadata.parameters.values())

    def end(self) -> None:
        found = sorted(self.found, key=_sort_key) if self.sort else self.found
        total = self.params.get("TotalCount")
        if isinstance(total, int) and total >= 0:
            found = found[:total]
        for info, metadata in found:
            self.write_object(self._output(info, metadata))

    def _output(self, info: Any, metadata: CommandMetadata | None) -> Any:
        if self.params.get("Syntax"):
            return _syntax_text(info, metadata, CommandTable(self.runtime))
        if self.params.get("ShowCommandInfo"):
            return _show_command_info(info, metadata)
        return info


def _syntax_text(info: Any, metadata: CommandMetadata | None, table: CommandTable) -> str:
    """Get-Command -Syntax: the command's syntax; an alias gives its command's."""
    from emshell.help.syntax import command_syntax

    if metadata is None and str(info.CommandType) == "Alias":
        metadata = table.metadata_of(str(info.Definition))
        if metadata is None:
            return str(info.Definition)
    if metadata is None:
        return str(getattr(info, "Definition", "") or info.Name)
    return command_syntax(metadata)


def _show_command_info(info: Any, metadata: CommandMetadata | None) -> PSObject:
    sets = [CommandParameterSetInfo(metadata, s) for s in metadata.parameter_set_names] if metadata else []
    return PSObject([("Name", info.Name), ("ModuleName", _module_of(info)), ("Module", None),
                     ("CommandType", info.CommandType), ("Definition", getattr(info, "Definition", "")),
                     ("ParameterSets", sets)],
                    ("Microsoft.PowerShell.Commands.ShowCommandCommandInfo",) + PSCUSTOMOBJECT_TYPE_NAMES)  # fmt: skip


# =========================================================================== Get-ExCommand


def _exchange_module() -> str:
    from emshell.cmdlets.exchange import EXCHANGE_MODULE

    return EXCHANGE_MODULE


@cmdlet(CommandMetadata("Get-ExCommand", [parameter("Name", "Object", position=0)], kind="Function",
                        add_common_parameters=False, synopsis="Lists the Exchange cmdlets only."))  # fmt: skip
class GetExCommand(Cmdlet):
    """EMS's ``get-excommand`` (RemoteExchange.ps1): the commands of the imported Exchange
    session module, or those among them that match a name."""

    def process(self) -> None:
        table = CommandTable(self.runtime)
        module = _exchange_module()
        pattern = self.params.get("Name")
        exchange = [entry for entry in table.entries() if _module_of(entry[0]) == module]
        if pattern is not None:
            text = to_string(pattern)
            exchange = [entry for entry in exchange if wildcard_match(text, str(entry[0].Name))]
        for info, _metadata in sorted(exchange, key=_sort_key):
            self.write_object(info)


# =========================================================================== QuickRef


@cmdlet(CommandMetadata("QuickRef", [], kind="Function", add_common_parameters=False,
                        synopsis="Opens the Exchange Management Shell quick reference."))  # fmt: skip
class QuickRef(Cmdlet):
    def process(self) -> None:
        from emshell.help.about import QUICKREF_GUIDE, QUICKREF_URL

        self.write_object(QUICKREF_GUIDE.format(url=QUICKREF_URL).rstrip("\n"))


@cmdlet(CommandMetadata("Get-ExBlog", [], kind="Function", add_common_parameters=False,
                        synopsis="Opens the Exchange team blog (the EMS banner names it)."))  # fmt: skip
class GetExBlog(Cmdlet):
    def process(self) -> None:
        from emshell.help.about import EXBLOG_GUIDE, EXBLOG_URL

        self.write_object(EXBLOG_GUIDE.format(url=EXBLOG_URL))


# =========================================================================== Get-Member


class MemberDefinition:
    """One row of Get-Member's output."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.MemberDefinition", "System.Object")
    PS_PROPERTIES = ("TypeName", "Name", "MemberType", "Definition")

    def __init__(self, type_name: str, name: str, member_type: str, definition: str):
        self.TypeName = type_name
        self.Name = name
        self.MemberType = member_type
        self.Definition = definition

    def ToString(self) -> str:
        return self.Definition

    __str__ = ToString


# The members PowerShell adds to every object, shown by Get-Member -Force.
_HIDDEN_MEMBERS = (
    ("pstypenames", "CodeProperty", "System.Collections.ObjectModel.Collection`1[[System.String, mscorlib, "
     "Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]] pstypenames{{get=PSTypeNames;}}"),
    ("psadapted", "MemberSet", "psadapted {{{adapted}}}"),
    ("psbase", "MemberSet", "psbase {{{adapted}}}"),
    ("psextended", "MemberSet", "psextended {{{extended}}}"),
    ("psobject", "MemberSet", "psobject {{BaseObject, Members, Properties, Methods, ImmediateBaseObject, TypeNames, "
     "get_BaseObject, get_Members, get_Properties, get_Methods, get_ImmediateBaseObject, get_TypeNames, ToString, "
     "Copy, CompareTo, Equals, GetHashCode, GetType}}"),
)


def _wanted_member_types(value: Any) -> set[str] | None:
    """The member kinds -MemberType asks for (lower-case), or None for all."""
    kinds: set[str] = set()
    for text in _names(value):
        for item in text.split(","):
            lower = item.strip().lower()
            if lower == "all":
                return None
            kinds |= _MEMBER_GROUPS.get(lower, {lower})
    return kinds or None


def _static_rows(ptype: Any) -> list[tuple[str, str, str]]:
    """The static members of an engine type, as Get-Member -Static lists them."""
    from emshell.engine.dotnet_statics import builtin_statics
    from emshell.engine.types import EnumType, StaticMethod

    rows: dict[str, tuple[str, str, str]] = {
        "equals": ("Equals", "Method", "static bool Equals(System.Object objA, System.Object objB)"),
        "referenceequals": ("ReferenceEquals", "Method",
                            "static bool ReferenceEquals(System.Object objA, System.Object objB)"),
    }
    if isinstance(ptype, EnumType):
        for name in ptype.names:
            rows[name.lower()] = (name, "Property", f"static {ptype.full_name} {name} {{get;}}")
    table = ptype.statics if ptype.statics is not None else builtin_statics(ptype)
    for member in (table or {}).values():
        if isinstance(member, StaticMethod):
            definition = member.definition.replace("\n", ", ") or _overloads(member.name, member.arities)
            rows[member.name.lower()] = (member.name, "Method", definition)
        else:
            definition = member.definition or f"static System.Object {member.name} {{get;}}"
            rows[member.name.lower()] = (member.name, "Property", definition)
    return sorted(rows.values(), key=lambda row: (row[1], row[0].lower()))


def _overloads(name: str, arities: tuple[int, ...]) -> str:
    """A static method without a written definition: one overload per argument count (a
    negative count takes that many or more)."""
    lines = []
    for count in arities or (0,):
        params = ", ".join(f"System.Object arg{i}" for i in range(abs(count)))
        lines.append(f"static System.Object {name}({params}{', ...' if count < 0 else ''})")
    return ", ".join(lines)


@cmdlet(CommandMetadata("Get-Member", [
    parameter("InputObject", "PSObject", pipeline=True),
    parameter("Name", "String[]", position=0, wildcards=True),
    P("MemberType", "PSMemberTypes", aliases=("Type",), accepted_values=MEMBER_TYPES),
    parameter("View", "PSMemberViewTypes", accepted_values=("Extended", "Adapted", "Base", "All")),
    parameter("Static", "SwitchParameter"),
    parameter("Force", "SwitchParameter"),
], module=UTILITY, version="3.1.0.0", implementing_type=COMMANDS + "GetMemberCommand",
    synopsis="Lists the properties and methods of objects."))  # fmt: skip
class GetMember(Cmdlet):
    """Get-Member: one group of members per distinct type, in the order the types arrive."""

    def begin(self) -> None:
        self.seen: set[str] = set()
        self.had_input = False

    def process(self) -> None:
        if "InputObject" not in self.params or self.params["InputObject"] is None:
            return
        obj = self.params["InputObject"]
        self.had_input = True
        if self.params.get("Static"):
            type_name, rows = self._static(obj)
        else:
            from emshell.engine.members import member_table

            names = type_names_of(obj)
            type_name = names[0] if names else "System.Object"
            rows = member_table(obj)
            if self.params.get("Force"):
                rows = self._with_hidden(obj, rows)
        if type_name in self.seen:
            return
        self.seen.add(type_name)
        kinds = _wanted_member_types(self.params.get("MemberType"))
        patterns = _names(self.params.get("Name"))
        for name, member_type, definition in rows:
            if kinds is not None and member_type.lower() not in kinds:
                continue
            if patterns and not _matches_any(patterns, name):
                continue
            self.write_object(MemberDefinition(type_name, name, member_type, definition))

    @staticmethod
    def _static(obj: Any) -> tuple[str, list]:
        from emshell.engine.types import PSType, resolve_type, type_of

        ptype = obj if isinstance(obj, PSType) else None
        if ptype is None:
            names = type_names_of(obj)
            ptype = resolve_type(names[0]) if names else None
            ptype = ptype or type_of(obj)
        return ptype.full_name, _static_rows(ptype)

    @staticmethod
    def _with_hidden(obj: Any, rows: list) -> list:
        properties = [name for name, kind, _ in rows if kind.endswith("Property")]
        notes = [name for name, kind, _ in rows if kind in ("NoteProperty", "ScriptProperty")]
        adapted = [name for name in properties if name not in notes]
        hidden = [(name, kind, text.format(adapted=", ".join(adapted), extended=", ".join(notes)))
                  for name, kind, text in _HIDDEN_MEMBERS]  # fmt: skip
        return sorted(rows + hidden, key=lambda row: (row[1], row[0].lower()))

    def end(self) -> None:
        if not self.had_input:
            self.throw_terminating_error(new_error(
                "InvalidOperationException", "You must specify an object for the Get-Member cmdlet.",
                "NoObjectInGetMember," + self.metadata.implementing_type, "CloseError",
                activity=self.metadata.name,
            ))  # fmt: skip


# =========================================================================== Get-Help


def _get_help_metadata() -> CommandMetadata:
    all_users, detailed, examples, parameters = "AllUsersView", "DetailedView", "Examples", "Parameters"
    return CommandMetadata("Get-Help", [
        parameter("Name", "String", position=0, by_property_name=True),
        parameter("Path", "String", by_property_name=True),
        parameter("Category", "String[]", accepted_values=HELP_CATEGORIES),
        parameter("Component", "String[]"),
        parameter("Functionality", "String[]"),
        parameter("Role", "String[]"),
        parameter("Full", "SwitchParameter", sets=(all_users,)),
        parameter("Detailed", "SwitchParameter", mandatory=True, sets=(detailed,)),
        parameter("Examples", "SwitchParameter", mandatory=True, sets=(examples,)),
        parameter("Parameter", "String", mandatory=True, sets=(parameters,), wildcards=True),
        parameter("Online", "SwitchParameter", mandatory=True, sets=("Online",)),
        parameter("ShowWindow", "SwitchParameter", mandatory=True, sets=("ShowWindow",)),
    ], default_parameter_set=all_users, module=CORE, version="3.0.0.0",
        implementing_type=COMMANDS + "GetHelpCommand", synopsis="Shows help about commands and concepts.")  # fmt: skip


@cmdlet(_get_help_metadata())
class GetHelp(Cmdlet):
    def process(self) -> None:
        from emshell.help import about

        name = self.params.get("Name")
        if name is None or to_string(name) == "":
            self.write_object(about.DEFAULT_HELP)
            return
        name = to_string(name)
        table = CommandTable(self.runtime)
        topics = self._matching_topics(name)
        if not _has_wildcard(name):
            metadata = table.metadata_of(name)
            if metadata is not None:
                self._write_command_help(table, metadata)
                return
            if len(topics) == 1:
                self.write_object(about.TOPICS[topics[0]])
                return
            name = f"*{name}*"  # 5.1 searches for the name inside longer names next
        listing = self._listing(table, name) + [self._topic_row(topic) for topic in self._matching_topics(name)]
        if len(listing) == 1:
            self._write_single(table, listing[0])
        elif listing:
            for row in listing:
                self.write_object(row)
        else:
            self.throw_terminating_error(new_error(
                "HelpNotFoundException", HELP_NOT_FOUND.format(to_string(self.params.get("Name"))),
                "HelpNotFound," + self.metadata.implementing_type, "ResourceUnavailable",
                activity=self.metadata.name,
            ))  # fmt: skip

    # ------------------------------------------------------------ listing

    def _categories(self) -> set[str] | None:
        wanted = {c.lower() for c in _names(self.params.get("Category"))}
        return None if not wanted or "all" in wanted else wanted

    def _listing(self, table: CommandTable, pattern: str) -> list:
        from emshell.help.helpinfo import alias_entry, help_category, short_entry

        categories = self._categories()
        aliases, commands = [], []
        for info, metadata in table.entries():
            if not wildcard_match(pattern, str(info.Name)):
                continue
            if metadata is None and str(info.CommandType) == "Alias":
                if categories is None or "alias" in categories:
                    aliases.append(alias_entry(str(info.Name), str(info.Definition)))
            elif metadata is not None and (categories is None or help_category(metadata).lower() in categories):
                commands.append(short_entry(metadata))
        aliases.sort(key=lambda row: row.Name.lower())
        commands.sort(key=lambda row: row.Name.lower())
        return aliases + commands

    def _matching_topics(self, pattern: str) -> list[str]:
        from emshell.help.about import TOPICS

        categories = self._categories()
        if categories is not None and "helpfile" not in categories:
            return []
        return sorted((topic for topic in TOPICS if wildcard_match(pattern, topic)), key=str.lower)

    @staticmethod
    def _topic_row(topic: str) -> Any:
        from emshell.help.about import TOPIC_SYNOPSES
        from emshell.help.helpinfo import topic_entry

        return topic_entry(topic, TOPIC_SYNOPSES[topic])

    def _write_single(self, table: CommandTable, row: Any) -> None:
        from emshell.help.about import TOPICS

        if row.Category == "HelpFile":
            self.write_object(TOPICS[row.Name])
            return
        metadata = table.metadata_of(row.Name)
        if metadata is not None:
            self._write_command_help(table, metadata)

    # ------------------------------------------------------------ one command

    def _write_command_help(self, table: CommandTable, metadata: CommandMetadata) -> None:
        from emshell.help.helpinfo import CommandHelpInfo

        lower = metadata.name.lower()
        aliases = tuple(sorted((a for a, target in table.aliases().items() if target.lower() == lower), key=str.lower))
        if "Parameter" in self.params:
            self._write_parameters(CommandHelpInfo(metadata, aliases=aliases), to_string(self.params["Parameter"]))
            return
        view = "default"
        for switch, name in (("Full", "full"), ("Detailed", "detailed"), ("Examples", "examples")):
            if self.params.get(switch):
                view = name
        if self.params.get("Online") or self.params.get("ShowWindow"):
            self.write_object(f"The help for {metadata.name} would open outside the console; emshell shows it "
                              "here instead.")  # fmt: skip
        self.write_object(CommandHelpInfo(metadata, view, aliases))

    def _write_parameters(self, help_info: Any, pattern: str) -> None:
        matched = [p for p in help_info.parameters if wildcard_match(pattern, p.name)]
        if not matched:
            self.throw_terminating_error(new_error(
                "PSArgumentException", f"No parameter matches criteria {pattern}.",
                "NoParmsFound," + self.metadata.implementing_type, "InvalidArgument",
                activity=self.metadata.name,
            ))  # fmt: skip
        for parameter_help in matched:
            self.write_object(parameter_help)


__all__ = [
    "CommandTable",
    "ExchangeFunctionInfo",
    "GetCommand",
    "GetExCommand",
    "GetHelp",
    "GetMember",
    "MemberDefinition",
    "QuickRef",
    "command_object",
]

