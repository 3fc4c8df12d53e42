"""Stream, variable and utility cmdlets: Write-*, Read-Host, Out-Null, Get-Date, Start-Sleep,
Invoke-Expression, the *-Variable and *-Alias cmdlets, Get-Random, New-TimeSpan, Join-Path,
Split-Path, Get-Location, Set-StrictMode, Tee-Object and friends."""

from __future__ import annotations

import ntpath

from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import ErrorRecord, NetException, new_error
from emshell.engine.metadata import CommandMetadata, Validation, parameter
from emshell.engine.operators import wildcard_match
from emshell.engine.primitives import enumerate_value, to_string
from emshell.engine.psobject import PSObject

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

UTILITY = "Microsoft.PowerShell.Utility"
MANAGEMENT = "Microsoft.PowerShell.Management"
CORE = "Microsoft.PowerShell.Core"
COMMANDS = "Microsoft.PowerShell.Commands."
CONSOLE_COLORS = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
                  "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White")  # fmt: skip


def _meta(name: str, params: list, *, module: str = UTILITY, synopsis: str, **kwargs: Any) -> CommandMetadata:
    implementing = COMMANDS + name.replace("-", "") + "Command"
    return CommandMetadata(name, params, module=module, version="3.1.0.0", implementing_type=implementing,
                           synopsis=synopsis, **kwargs)  # fmt: skip


def _flatten(values: Any) -> list:
    items = enumerate_value(values)
    if items is None:
        return [values]
    out: list = []
    for item in items:
        out.extend(_flatten(item) if enumerate_value(item) is not None else [item])
    return out


# =========================================================================== Write-*


@cmdlet(_meta("Write-Host", [
    parameter("Object", "Object", position=0, pipeline=True, remaining=True, aliases=("Msg", "Message")),
    parameter("NoNewline", "SwitchParameter"),
    parameter("Separator", "Object"),
    parameter("ForegroundColor", "ConsoleColor", accepted_values=CONSOLE_COLORS),
    parameter("BackgroundColor", "ConsoleColor", accepted_values=CONSOLE_COLORS),
], synopsis="Writes text straight to the console, with optional colours."))  # fmt: skip
class WriteHost(Cmdlet):
    def process(self) -> None:
        separator = to_string(self.params.get("Separator", " "))
        value = self.params.get("Object")
        if value is None and "Object" not in self.params:
            text = ""
        else:
            text = separator.join(to_string(item, self.context) for item in _flatten(value))
        self.host.write_host(text, self.params.get("ForegroundColor"), self.params.get("BackgroundColor"),
                             newline=not self.params.get("NoNewline"))  # fmt: skip


@cmdlet(_meta("Write-Output", [
    parameter("InputObject", "PSObject[]", position=0, mandatory=True, pipeline=True, remaining=True,
              allow_null=True, allow_empty_collection=True),
    parameter("NoEnumerate", "SwitchParameter"),
], synopsis="Sends objects down the pipeline."))  # fmt: skip
class WriteOutput(Cmdlet):
    def process(self) -> None:
        value = self.params.get("InputObject")
        if self.params.get("NoEnumerate"):
            self.write_object(value)
        else:
            self.write_object(value, enumerate_collection=True)


def _message_meta(name: str, synopsis: str) -> CommandMetadata:
    return _meta(name, [parameter("Message", "String", position=0, mandatory=True, pipeline=True,
                                  aliases=("Msg",), allow_empty_string=True)], synopsis=synopsis)  # fmt: skip


@cmdlet(_message_meta("Write-Warning", "Writes a WARNING: line."))
class WriteWarning(Cmdlet):
    def process(self) -> None:
        self.write_warning(self.params["Message"])


@cmdlet(_message_meta("Write-Verbose", "Writes a VERBOSE: line when verbose output is on."))
class WriteVerbose(Cmdlet):
    def process(self) -> None:
        self.write_verbose(self.params["Message"])


@cmdlet(_message_meta("Write-Debug", "Writes a DEBUG: line when debug output is on."))
class WriteDebug(Cmdlet):
    def process(self) -> None:
        self.write_debug(self.params["Message"])


@cmdlet(_meta("Write-Information", [
    parameter("MessageData", "Object", position=0, mandatory=True, aliases=("Msg", "Message")),
    parameter("Tags", "String[]", position=1),
], synopsis="Writes to the information stream."))  # fmt: skip
class WriteInformation(Cmdlet):
    def process(self) -> None:
        self.write_information(self.params["MessageData"], tuple(self.params.get("Tags") or ()))


@cmdlet(_meta("Write-Progress", [
    parameter("Activity", "String", position=0, mandatory=True),
    parameter("Status", "String", position=1),
    parameter("Id", "Int32", position=2),
    parameter("PercentComplete", "Int32"),
    parameter("SecondsRemaining", "Int32"),
    parameter("CurrentOperation", "String"),
    parameter("ParentId", "Int32"),
    parameter("Completed", "SwitchParameter"),
    parameter("SourceId", "Int32"),
], synopsis="Shows a progress bar (not drawn in redirected or recorded output)."))  # fmt: skip
class WriteProgress(Cmdlet):
    def process(self) -> None:
        # Like the console host when output is redirected: progress records are not text.
        return None


_ERROR_CATEGORIES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
    "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented",
    "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
    "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError",
    "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled",
)  # fmt: skip


@cmdlet(_meta("Write-Error", [
    parameter("Exception", "Exception", mandatory=True, sets=("WithException",)),
    parameter("Message", "String", position=0, mandatory=True, pipeline=True, sets=("NoException", "WithException"),
              aliases=("Msg",), allow_empty_string=True, allow_null=True),
    parameter("ErrorRecord", "System.Management.Automation.ErrorRecord", mandatory=True, sets=("ErrorRecord",)),
    parameter("Category", "ErrorCategory", sets=("NoException", "WithException"), accepted_values=_ERROR_CATEGORIES),
    parameter("ErrorId", "String", sets=("NoException", "WithException")),
    parameter("TargetObject", "Object", sets=("NoException", "WithException")),
    parameter("RecommendedAction", "String"),
    parameter("CategoryActivity", "String", aliases=("Activity",)),
    parameter("CategoryReason", "String", aliases=("Reason",)),
    parameter("CategoryTargetName", "String", aliases=("TargetName",)),
    parameter("CategoryTargetType", "String", aliases=("TargetType",)),
], default_parameter_set="NoException",
   synopsis="Writes a non-terminating error to the error stream."))  # fmt: skip
class WriteError(Cmdlet):
    def process(self) -> None:
        if "ErrorRecord" in self.params:
            self.write_error(self.params["ErrorRecord"])
            return
        exception = self.params.get("Exception")
        message = self.params.get("Message")
        if isinstance(exception, NetException):
            if message is None:
                message = exception.Message
        else:
            exception = NetException("Microsoft.PowerShell.Commands.WriteErrorException", to_string(message))
        error_id = self.params.get("ErrorId") or exception.type_name
        caller = self.session.get_value("MyInvocation")
        caller_command = getattr(caller, "MyCommand", None)
        if getattr(caller_command, "CommandType", "") in ("Function", "Filter", "ExternalScript"):
            error_id = f"{error_id},{caller_command.Name}"
        record = ErrorRecord(
            exception, error_id, str(self.params.get("Category", "NotSpecified")), self.params.get("TargetObject"),
            activity=self.params.get("CategoryActivity") or "Write-Error",
        )  # fmt: skip
        if message is not None and message != exception.Message:
            record.ErrorDetails = to_string(message)
        if self.params.get("CategoryReason"):
            record.CategoryInfo.Reason = self.params["CategoryReason"]
        if self.params.get("CategoryTargetName"):
            record.CategoryInfo.TargetName = self.params["CategoryTargetName"]
        if self.params.get("CategoryTargetType"):
            record.CategoryInfo.TargetType = self.params["CategoryTargetType"]
        if caller is not None:
            record.InvocationInfo = caller
        self.write_error(record)


@cmdlet(_meta("Out-Null", [parameter("InputObject", "PSObject", pipeline=True)], module=CORE,
              synopsis="Discards its input."))  # fmt: skip
class OutNull(Cmdlet):
    def process(self) -> None:
        return None


@cmdlet(_meta("Read-Host", [
    parameter("Prompt", "Object", position=0, remaining=True),
    parameter("AsSecureString", "SwitchParameter"),
], synopsis="Reads a line of input from the console."))  # fmt: skip
class ReadHost(Cmdlet):
    def process(self) -> None:
        prompt = self.params.get("Prompt")
        text = (to_string(prompt) + ": ") if prompt is not None else ""
        secure = bool(self.params.get("AsSecureString"))
        answer = self.host.read_line(text, secure=secure)
        self.write_object(SecureString() if secure else answer)


class SecureString:
    """What ``Read-Host -AsSecureString`` returns; the typed text is not kept."""

    PS_TYPE_NAMES = ("System.Security.SecureString", "System.Object")
    PS_PROPERTIES = ("Length",)
    Length = 0

    def __str__(self) -> str:
        return "System.Security.SecureString"


# =========================================================================== time


_DATE_PARTS = (("Year", 1, 9999), ("Month", 1, 12), ("Day", 1, 31), ("Hour", 0, 23), ("Minute", 0, 59),
               ("Second", 0, 59), ("Millisecond", 0, 999))  # fmt: skip


@cmdlet(_meta("Get-Date", [
    parameter("Date", "DateTime", position=0, pipeline=True, by_property_name=True, aliases=("LastWriteTime",)),
    *(parameter(name, "Int32", validations=(Validation("ValidateRange", low, high),)) for name, low, high in _DATE_PARTS),
    parameter("DisplayHint", "DisplayHintType", accepted_values=("Date", "Time", "DateTime")),
    parameter("Format", "String", sets=("net",)),
    parameter("UFormat", "String", sets=("UFormat",)),
], default_parameter_set="net", synopsis="Gets the current date and time, or a date you describe."))  # fmt: skip
class GetDate(Cmdlet):
    def process(self) -> None:
        from emshell.engine import dotnet
        from emshell.engine.primitives import DotNetException, dotnet_error

        date = self.params.get("Date")
        value = date if date is not None else dotnet.DateTime.from_python(self.context.now())
        if any(name in self.params for name, _, _ in _DATE_PARTS):
            parts = [self.params.get(name, getattr(value, name)) for name, _, _ in _DATE_PARTS]
            try:
                value = dotnet.DateTime.from_parts(*parts, kind=value.kind)
            except DotNetException as error:
                self.throw_terminating_error(dotnet_error(error).record)
        if "Format" in self.params:
            self.write_object(value.ToString(self.params["Format"]))
        elif "UFormat" in self.params:
            self.write_object(uformat(value, self.params["UFormat"]))
        elif "DisplayHint" in self.params:
            self.write_object(dotnet.HintedDateTime(value, str(self.params["DisplayHint"])))
        else:
            self.write_object(value)


# Get-Date -UFormat: the Unix date(1) specifiers PowerShell 5.1 supports, as .NET formats
# (None: computed below).
_UFORMAT = {
    "a": "ddd", "A": "dddd", "b": "MMM", "B": "MMMM", "d": "dd", "h": "MMM", "H": "HH", "I": "hh",
    "m": "MM", "M": "mm", "p": "tt", "S": "ss", "y": "yy", "Y": "yyyy", "D": "MM/dd/yy", "T": "HH:mm:ss",
    "R": "HH:mm", "r": "hh:mm:ss tt", "c": "ddd MMM dd HH:mm:ss yyyy", "x": "MM/dd/yy", "X": "HH:mm:ss",
    "e": None, "j": None, "k": None, "l": None, "n": None, "t": None, "s": None, "u": None, "w": None,
    "Z": None, "C": None, "G": None, "g": None, "V": None, "U": None, "W": None, "F": "yyyy-MM-dd",
}  # fmt: skip


def uformat(value: Any, spec: str) -> str:
    """``Get-Date -UFormat``: ``%Y-%m-%d`` and friends."""
    out: list[str] = []
    i = 0
    while i < len(spec):
        ch = spec[i]
        if ch != "%" or i + 1 == len(spec):
            out.append(ch)
            i += 1
            continue
        code = spec[i + 1]
        i += 2
        net = _UFORMAT.get(code, "")
        if net:
            out.append(value.ToString(net))
        elif net is None:
            out.append(_uformat_computed(value, code))
        else:
            out.append(code)  # unknown specifiers print as the letter, as 5.1 does
    return "".join(out)


def _uformat_computed(value: Any, code: str) -> str:
    if code == "e":
        return f"{value.Day:>2}"
    if code == "j":
        return f"{value.DayOfYear:03d}"
    if code == "k":
        return f"{value.Hour:>2}"
    if code == "l":
        return f"{value.Hour % 12 or 12:>2}"
    if code == "n":
        return "\n"
    if code == "t":
        return "\t"
    if code == "s":
        return str(int((value.ticks - 621355968000000000) // 10_000_000))  # seconds since 1970
    if code == "u":
        return str(int(value.DayOfWeek.value__) or 7)
    if code == "w":
        return str(int(value.DayOfWeek.value__))
    if code == "Z":
        return "-08"  # the emulated server's fixed UTC offset (Pacific Standard Time)
    if code == "C":
        return f"{value.Year // 100:02d}"
    if code in ("G", "g"):
        year = value.Year
        return str(year) if code == "G" else f"{year % 100:02d}"
    week = (value.DayOfYear + 6) // 7
    return f"{week:02d}"


@cmdlet(_meta("Start-Sleep", [
    parameter("Seconds", "Int32", position=0, mandatory=True, pipeline=True, sets=("Seconds",)),
    parameter("Milliseconds", "Int32", mandatory=True, pipeline=True, sets=("Milliseconds",)),
], module=MANAGEMENT, default_parameter_set="Seconds",
   synopsis="Pauses; emshell moves its clock forward instead of waiting."))  # fmt: skip
class StartSleep(Cmdlet):
    def process(self) -> None:
        seconds = self.params.get("Seconds")
        milliseconds = self.params.get("Milliseconds", 0)
        total = (seconds or 0) + milliseconds / 1000
        self.runtime.runspace.advance_clock(total)


@cmdlet(_meta("New-TimeSpan", [
    parameter("Start", "DateTime", position=0, sets=("Date",), aliases=("LastWriteTime",)),
    parameter("End", "DateTime", position=1, sets=("Date",)),
    parameter("Days", "Int32", sets=("Time",)), parameter("Hours", "Int32", sets=("Time",)),
    parameter("Minutes", "Int32", sets=("Time",)), parameter("Seconds", "Int32", sets=("Time",)),
], default_parameter_set="Date", synopsis="Creates a TimeSpan."))  # fmt: skip
class NewTimeSpan(Cmdlet):
    def process(self) -> None:
        from emshell.engine import dotnet

        if self.parameter_set_name == "Time":
            self.write_object(dotnet.TimeSpan.from_parts(
                days=self.params.get("Days", 0), hours=self.params.get("Hours", 0),
                minutes=self.params.get("Minutes", 0), seconds=self.params.get("Seconds", 0),
            ))  # fmt: skip
            return
        now = dotnet.DateTime.from_python(self.context.now())
        start = self.params.get("Start", now)
        end = self.params.get("End", now)
        self.write_object(end.Subtract(start))


# =========================================================================== expressions and variables


@cmdlet(_meta("Invoke-Expression", [
    parameter("Command", "String", position=0, mandatory=True, pipeline=True),
], synopsis="Runs a string as a command line, in the current scope."))  # fmt: skip
class InvokeExpression(Cmdlet):
    def process(self) -> None:
        from emshell.engine.commands import run_script_block
        from emshell.engine.scriptblock import ScriptBlock
        from emshell.language import parse

        tree = parse(self.params["Command"])
        interp = self.runtime.runspace.interpreter
        run_script_block(interp, ScriptBlock(tree), [], self.write_object, use_new_scope=False)


_SCOPE_NAMES = ("Global", "Local", "Script", "Private")


def _scope_qualifier(value: Any) -> str | None:
    if value is None:
        return None
    text = to_string(value).lower()
    if text.isdigit():
        return "global" if text != "0" else None
    return None if text == "local" else text


@cmdlet(_meta("Get-Variable", [
    parameter("Name", "String[]", position=0, pipeline=True, by_property_name=True),
    parameter("ValueOnly", "SwitchParameter"),
    parameter("Include", "String[]"),
    parameter("Exclude", "String[]"),
    parameter("Scope", "String"),
], synopsis="Lists variables, or reads their values."))  # fmt: skip
class GetVariable(Cmdlet):
    def process(self) -> None:
        names = [n for n in self.params.get("Name") or () if n is not None] or ["*"]  # $null names none
        variables = self.session.all_variables()
        excluded = self.params.get("Exclude") or []
        for pattern in names:
            matched = sorted(
                (var for key, var in variables.items() if wildcard_match(pattern, var.name)),
                key=lambda var: var.name.lower(),
            )
            if not matched and not any(ch in pattern for ch in "*?["):
                self.write_error(new_error(
                    "ItemNotFoundException", f"Cannot find a variable with the name '{pattern}'.",
                    f"VariableNotFound,{COMMANDS}GetVariableCommand", "ObjectNotFound", pattern,
                ))  # fmt: skip
            for var in matched:
                if any(wildcard_match(x, var.name) for x in excluded):
                    continue
                self.write_object(var.value if self.params.get("ValueOnly") else var)


def _variable_meta(name: str, synopsis: str, *, value: bool = True) -> CommandMetadata:
    params = [parameter("Name", "String[]" if name != "New-Variable" else "String", position=0, mandatory=True,
                        by_property_name=True)]  # fmt: skip
    if value:
        params.append(parameter("Value", "Object", position=1, pipeline=True, by_property_name=True))
    params += [
        parameter("Scope", "String"),
        parameter("Option", "ScopedItemOptions", accepted_values=("None", "ReadOnly", "Constant", "Private",
                                                                  "AllScope", "Unspecified")),  # fmt: skip
        parameter("Description", "String"),
        parameter("PassThru", "SwitchParameter"),
        parameter("Force", "SwitchParameter"),
    ]
    return _meta(name, params, supports_should_process=value, synopsis=synopsis)


@cmdlet(_variable_meta("Set-Variable", "Sets a variable's value, creating it if needed."))
class SetVariable(Cmdlet):
    def process(self) -> None:
        qualifier = _scope_qualifier(self.params.get("Scope"))
        for name in self.params["Name"]:
            var = self.session.set_value(name, self.params.get("Value"), qualifier, force=bool(self.params.get("Force")))
            if "Option" in self.params:
                var.options = str(self.params["Option"])
            if "Description" in self.params:
                var.description = self.params["Description"]
            if self.params.get("PassThru"):
                self.write_object(var)


@cmdlet(_variable_meta("New-Variable", "Creates a variable."))
class NewVariable(Cmdlet):
    def process(self) -> None:
        name = self.params["Name"]
        qualifier = _scope_qualifier(self.params.get("Scope"))
        existing = self.session.lookup(name, qualifier or "local")
        if existing is not None and not self.params.get("Force"):
            self.write_error(new_error(
                "SessionStateException", f"A variable with name '{name}' already exists.",
                f"VariableAlreadyExists,{COMMANDS}NewVariableCommand", "ResourceExists", name,
            ))  # fmt: skip
            return
        var = self.session.set_value(name, self.params.get("Value"), qualifier, force=True)
        var.options = str(self.params.get("Option", "None"))
        var.description = self.params.get("Description", "")
        if self.params.get("PassThru"):
            self.write_object(var)


@cmdlet(_variable_meta("Remove-Variable", "Deletes variables.", value=False))
class RemoveVariable(Cmdlet):
    def process(self) -> None:
        qualifier = _scope_qualifier(self.params.get("Scope"))
        for name in self.params["Name"]:
            if not self.session.remove_variable(name, qualifier):
                self.write_error(new_error(
                    "ItemNotFoundException", f"Cannot find a variable with the name '{name}'.",
                    f"VariableNotFound,{COMMANDS}RemoveVariableCommand", "ObjectNotFound", name,
                ))  # fmt: skip


@cmdlet(_variable_meta("Clear-Variable", "Sets variables to $null.", value=False))
class ClearVariable(Cmdlet):
    def process(self) -> None:
        qualifier = _scope_qualifier(self.params.get("Scope"))
        for name in self.params["Name"]:
            var = self.session.lookup(name, qualifier)
            if var is None:
                self.write_error(new_error(
                    "ItemNotFoundException", f"Cannot find a variable with the name '{name}'.",
                    f"VariableNotFound,{COMMANDS}ClearVariableCommand", "ObjectNotFound", name,
                ))  # fmt: skip
                continue
            var.value = None


# =========================================================================== aliases


class AliasInfo:
    """An alias as Get-Alias shows it (``gci -> Get-ChildItem``)."""

    PS_TYPE_NAMES = ("System.Management.Automation.AliasInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")  # fmt: skip
    PS_PROPERTIES = ("HelpUri", "ResolvedCommandName", "DisplayName", "ReferencedCommand", "ResolvedCommand",
                     "Definition", "Options", "Description", "OutputType", "Name", "CommandType", "Source",
                     "Version", "Visibility", "ModuleName", "Module", "RemotingCapability", "Parameters",
                     "ParameterSets")  # fmt: skip

    def __init__(self, name: str, definition: str):
        self.Name = name
        self.Definition = definition
        self.ResolvedCommandName = definition
        self.DisplayName = f"{name} -> {definition}"

    HelpUri = ""
    ReferencedCommand = None
    ResolvedCommand = None
    Options = "None"
    Description = ""
    OutputType: tuple = ()
    CommandType = "Alias"
    Source = ""
    Version = None
    Visibility = "Public"
    ModuleName = ""
    Module = None
    RemotingCapability = "PowerShell"
    Parameters = None
    ParameterSets = None


@cmdlet(_meta("Get-Alias", [
    parameter("Name", "String[]", position=0, pipeline=True, by_property_name=True, sets=("Default",)),
    parameter("Exclude", "String[]"),
    parameter("Scope", "String"),
    parameter("Definition", "String[]", sets=("Definition",)),
], default_parameter_set="Default", synopsis="Lists aliases."))  # fmt: skip
class GetAlias(Cmdlet):
    def process(self) -> None:
        from emshell.cmdlets.index import ALIASES

        runspace = self.runtime.runspace
        aliases = {name: runspace.canonical_command_name(target) for name, target in ALIASES.items()}
        aliases.update(self.session.all_aliases())
        names = [n for n in self.params.get("Name") or () if n is not None]  # $null names no alias
        if not names and "Definition" not in self.params:
            names = ["*"]
        for pattern in names:
            matched = sorted(n for n in aliases if wildcard_match(pattern, n))
            if not matched and not any(ch in pattern for ch in "*?["):
                self.write_error(new_error(
                    "ItemNotFoundException", f"This command cannot find a matching alias because an alias with "
                    f"the name '{pattern}' does not exist.",
                    f"ItemNotFoundException,{COMMANDS}GetAliasCommand", "ObjectNotFound", pattern,
                ))  # fmt: skip
            for name in matched:
                self.write_object(AliasInfo(name, aliases[name]))
        for pattern in [d for d in self.params.get("Definition") or () if d is not None]:
            for name in sorted(n for n, d in aliases.items() if wildcard_match(pattern, d)):
                self.write_object(AliasInfo(name, aliases[name]))


def _alias_meta(name: str, synopsis: str) -> CommandMetadata:
    return _meta(name, [
        parameter("Name", "String", position=0, mandatory=True, by_property_name=True),
        parameter("Value", "String", position=1, mandatory=True, by_property_name=True),
        parameter("Description", "String"),
        parameter("Option", "ScopedItemOptions"),
        parameter("PassThru", "SwitchParameter"),
        parameter("Scope", "String"),
        parameter("Force", "SwitchParameter"),
    ], supports_should_process=True, synopsis=synopsis)  # fmt: skip


@cmdlet(_alias_meta("Set-Alias", "Creates or changes an alias."))
class SetAlias(Cmdlet):
    def process(self) -> None:
        self.session.set_alias(self.params["Name"], self.params["Value"], _scope_qualifier(self.params.get("Scope")))
        if self.params.get("PassThru"):
            self.write_object(AliasInfo(self.params["Name"], self.params["Value"]))


@cmdlet(_alias_meta("New-Alias", "Creates an alias."))
class NewAlias(Cmdlet):
    def process(self) -> None:
        name = self.params["Name"]
        if self.session.get_alias(name) is not None and not self.params.get("Force"):
            self.write_error(new_error(
                "SessionStateException",
                f"The alias is not allowed, because an alias with the name '{name}' already exists.",
                f"AliasAlreadyExists,{COMMANDS}NewAliasCommand", "ResourceExists", name,
            ))  # fmt: skip
            return
        self.session.set_alias(name, self.params["Value"], _scope_qualifier(self.params.get("Scope")))
        if self.params.get("PassThru"):
            self.write_object(AliasInfo(name, self.params["Value"]))


# =========================================================================== misc


@cmdlet(_meta("Get-Random", [
    parameter("SetSeed", "Int32"),
    parameter("Maximum", "Object", position=0, sets=("RandomNumberParameterSet",)),
    parameter("Minimum", "Object", sets=("RandomNumberParameterSet",)),
    parameter("InputObject", "Object[]", position=0, mandatory=True, pipeline=True,
              sets=("RandomListItemParameterSet",)),
    parameter("Count", "Int32", sets=("RandomListItemParameterSet",)),
], default_parameter_set="RandomNumberParameterSet",
   synopsis="Picks a random number or random items from a list."))  # fmt: skip
class GetRandom(Cmdlet):
    def begin(self) -> None:
        self.items: list = []
        if "SetSeed" in self.params:
            self.runtime.runspace.random.seed(self.params["SetSeed"])

    def process(self) -> None:
        if self.parameter_set_name == "RandomListItemParameterSet":
            self.items.extend(_flatten(self.params["InputObject"]))

    def end(self) -> None:
        rng = self.runtime.runspace.random
        if self.parameter_set_name == "RandomListItemParameterSet":
            count = min(self.params.get("Count", 1), len(self.items))
            for item in rng.sample(self.items, count):
                self.write_object(item)
            return
        low = _random_operand(self.params.get("Minimum"), 0)
        high = _random_operand(self.params.get("Maximum"), 2**31 - 1)
        if isinstance(low, float) or isinstance(high, float):
            self.write_object(rng.uniform(float(low), float(high)))
            return
        low, high = int(low), int(high)
        if low >= high:
            self.throw_terminating_error(new_error(
                "ArgumentException",
                f"The Minimum value ({low}) cannot be greater than or equal to the Maximum value ({high}).",
                f"MinGreaterThanOrEqualMax,{COMMANDS}GetRandomCommand", "InvalidArgument",
            ))  # fmt: skip
        self.write_object(rng.randrange(low, high))


def _random_operand(value: Any, default: int) -> Any:
    """-Minimum / -Maximum as 5.1's Get-Random reads them: text is scanned as a number (text
    that is not one counts as not given), numbers stay as they are, anything else is converted
    to Double (a conversion error when it cannot be)."""
    from emshell.engine.conversion import convert_to, parse_number

    if isinstance(value, str):
        value = parse_number(value) if value.strip() else None
    if value is None:
        return default
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return float(convert_to(value, "System.Double"))


class PathInfo:
    """Get-Location's result."""

    PS_TYPE_NAMES = ("System.Management.Automation.PathInfo", "System.Object")
    PS_PROPERTIES = ("Drive", "Provider", "ProviderPath", "Path")

    def __init__(self, path: str):
        self.Path = path
        self.ProviderPath = path
        self.Drive = path[:1]
        self.Provider = "Microsoft.PowerShell.Core\\FileSystem"

    def __str__(self) -> str:
        return self.Path

    ToString = __str__


@cmdlet(_meta("Get-Location", [parameter("PSProvider", "String[]"), parameter("PSDrive", "String[]"),
                               parameter("Stack", "SwitchParameter")],
              module=MANAGEMENT, synopsis="Gets the current location."))  # fmt: skip
class GetLocation(Cmdlet):
    def process(self) -> None:
        self.write_object(PathInfo(self.runtime.runspace.sandbox.location))


@cmdlet(_meta("Join-Path", [
    parameter("Path", "String[]", position=0, mandatory=True, pipeline=True, by_property_name=True,
              aliases=("PSPath",)),
    parameter("ChildPath", "String", position=1, mandatory=True, by_property_name=True, allow_empty_string=True),
    parameter("Resolve", "SwitchParameter"),
], module=MANAGEMENT, synopsis="Joins a path and a child path with a backslash."))  # fmt: skip
class JoinPath(Cmdlet):
    def process(self) -> None:
        child = self.params["ChildPath"] or ""
        for path in self.params["Path"]:
            left = path.replace("/", "\\").rstrip("\\")
            right = child.replace("/", "\\").lstrip("\\")
            self.write_object(f"{left}\\{right}" if right else left + "\\")


@cmdlet(_meta("Split-Path", [
    parameter("Path", "String[]", position=0, mandatory=True, pipeline=True, by_property_name=True,
              sets=("ParentSet", "LeafSet", "QualifierSet", "NoQualifierSet", "IsAbsoluteSet")),
    parameter("Parent", "SwitchParameter", sets=("ParentSet",)),
    parameter("Leaf", "SwitchParameter", sets=("LeafSet",)),
    parameter("Qualifier", "SwitchParameter", sets=("QualifierSet",)),
    parameter("NoQualifier", "SwitchParameter", sets=("NoQualifierSet",)),
    parameter("IsAbsolute", "SwitchParameter", sets=("IsAbsoluteSet",)),
    parameter("Resolve", "SwitchParameter"),
], module=MANAGEMENT, default_parameter_set="ParentSet",
   synopsis="Returns part of a path: its parent, leaf or drive."))  # fmt: skip
class SplitPath(Cmdlet):
    def process(self) -> None:
        for path in self.params["Path"]:
            path = path.replace("/", "\\")
            drive, rest = ntpath.splitdrive(path)
            if self.params.get("Leaf"):
                self.write_object(ntpath.basename(path.rstrip("\\")))
            elif self.params.get("Qualifier"):
                self.write_object(drive)
            elif self.params.get("NoQualifier"):
                self.write_object(rest)
            elif self.params.get("IsAbsolute"):
                self.write_object(bool(drive) and rest.startswith("\\"))
            else:
                parent = ntpath.dirname(path.rstrip("\\"))
                self.write_object(parent if parent != path else "")


@cmdlet(_meta("Set-StrictMode", [
    parameter("Version", "Version", mandatory=True, sets=("Version",), aliases=("v",)),
    parameter("Off", "SwitchParameter", mandatory=True, sets=("Off",)),
], module=CORE, synopsis="Turns strict mode on or off for the current scope."))  # fmt: skip
class SetStrictMode(Cmdlet):
    def process(self) -> None:
        if self.params.get("Off"):
            version = 0
        else:
            text = to_string(self.params["Version"])
            version = 3 if text.lower() == "latest" else int(float(text.split(".")[0] or 0))
        self.session.set_value("__StrictModeVersion", version)


@cmdlet(_meta("Tee-Object", [
    parameter("InputObject", "PSObject", pipeline=True),
    parameter("FilePath", "String", position=0, mandatory=True, sets=("File",), aliases=("Path",)),
    parameter("Append", "SwitchParameter", sets=("File",)),
    parameter("Variable", "String", mandatory=True, sets=("Variable",)),
], default_parameter_set="File", synopsis="Sends objects down the pipeline and to a file or variable."))  # fmt: skip
class TeeObject(Cmdlet):
    def begin(self) -> None:
        self.collected: list = []
        self.writer = None
        if self.parameter_set_name == "File":
            self.writer = self.runtime.runspace.open_output_file(self.params["FilePath"],
                                                                 bool(self.params.get("Append")), None)  # fmt: skip

    def process(self) -> None:
        if "InputObject" not in self.params:
            return
        obj = self.params["InputObject"]
        self.collected.append(obj)
        if self.writer is not None:
            self.writer.write(obj)
        self.write_object(obj)

    def end(self) -> None:
        if self.writer is not None:
            self.writer.close()
        if self.parameter_set_name == "Variable":
            items = self.collected
            self.session.set_value(self.params["Variable"], items[0] if len(items) == 1 else list(items))


@cmdlet(_meta("Clear-Host", [], module=CORE, synopsis="Clears the console screen."))
class ClearHost(Cmdlet):
    def process(self) -> None:
        clear = getattr(self.host, "clear_screen", None)
        if clear is not None:
            clear()


class HostInfo:
    PS_TYPE_NAMES = ("System.Management.Automation.Internal.Host.InternalHost", "System.Object")
    PS_PROPERTIES = ("Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture",
                     "PrivateData", "DebuggerEnabled", "IsRunspacePushed", "Runspace")  # fmt: skip

    def __init__(self, instance_id: str):
        self.Name = "ConsoleHost"
        self.Version = "5.1.14393.7426"
        self.InstanceId = instance_id
        self.UI = "System.Management.Automation.Internal.Host.InternalHostUserInterface"
        self.CurrentCulture = "en-US"
        self.CurrentUICulture = "en-US"
        self.PrivateData = "Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy"
        self.DebuggerEnabled = True
        self.IsRunspacePushed = False
        self.Runspace = "System.Management.Automation.Runspaces.LocalRunspace"


@cmdlet(_meta("Get-Host", [], synopsis="Describes the host program."))
class GetHost(Cmdlet):
    def process(self) -> None:
        self.write_object(HostInfo(self.runtime.runspace.runspace_id))


@cmdlet(_meta("Get-Culture", [], synopsis="Gets the current culture (en-US)."))
class GetCulture(Cmdlet):
    def process(self) -> None:
        self.write_object(PSObject([("LCID", 1033), ("Name", "en-US"), ("DisplayName", "English (United States)")],
                                   ("System.Globalization.CultureInfo", "System.Object")))  # fmt: skip


@cmdlet(_meta("Get-History", [
    parameter("Id", "Int64[]", position=0, pipeline=True),
    parameter("Count", "Int32", position=1),
], module=CORE, synopsis="Lists the command lines entered in this session."))  # fmt: skip
class GetHistory(Cmdlet):
    def process(self) -> None:
        history = self.runtime.runspace.history
        count = self.params.get("Count")
        entries = history[-count:] if count else history
        wanted = set(self.params.get("Id") or [])
        for entry in entries:
            if not wanted or entry.Id in wanted:
                self.write_object(entry)

