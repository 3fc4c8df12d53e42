"""Command lines and command declarations for the binder specifications.

``line("-Name", "svc", 5)`` builds the binder's element list the way the interpreter would for
``Cmd -Name svc 5``, with real source extents, so a test can say where an error points
(``at="-Name"``).  The commands are declared after real ones: Set-UMService from the Exchange
cmdlet reference (an EMS implicit-remoting cmdlet), Get-Service, Stop-Process and Where-Object
as Windows PowerShell 5.1 declares them (trimmed to the parameters the cases use), a
Get-UMMailbox-like cmdlet without a default set, and script functions built from hand-made
syntax trees through ``metadata_from_function``.
"""

from __future__ import annotations

from typing import Any

from emshell.engine.binder import NO_ARGUMENT, ArgumentElement, ParameterElement, bind_command_line
from emshell.engine.errors import PSError
from emshell.engine.function_metadata import metadata_from_function
from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo, parameter
from emshell.engine.psobject import Hashtable
from emshell.language import ast as A

REMOTE_COMPUTER = "ex01.contoso.com"

# --------------------------------------------------------------------------- command lines


class Arg:
    """A positional value, with the text it was written as (``Arg("-x")`` for a quoted dash)."""

    def __init__(self, value: Any, text: str | None = None):
        self.value = value
        self.text = text if text is not None else _text_of(value)


class Colon:
    """``-Name:value``."""

    def __init__(self, name: str, value: Any, text: str | None = None):
        self.name = name
        self.value = value
        self.text = text if text is not None else _text_of(value)


class Splat:
    """``@h`` for a hashtable (named arguments) or a list (positional arguments)."""

    def __init__(self, value: Any, text: str = "@splat"):
        self.value = value
        self.text = text


class Block:
    """A script block value; ``test`` is the Python predicate the fake invoker runs for it."""

    PS_TYPE_NAMES = ("System.Management.Automation.ScriptBlock", "System.Object")

    def __init__(self, text: str, test: Any = None):
        self.text = text
        self.test = test

    def __str__(self) -> str:
        return self.text

    def ToString(self) -> str:
        return self.text


def invoke(block: Block, value: Any) -> list:
    """The script invoker the binder gets in these tests: runs the block's predicate."""
    return [block.test(value)]


def _text_of(value: Any) -> str:
    if value is None:
        return "$null"
    if value is True:
        return "$true"
    if value is False:
        return "$false"
    if isinstance(value, list):
        return ",".join(_text_of(v) for v in value) if value else "@()"
    if isinstance(value, Block):
        return "{" + value.text + "}"
    if isinstance(value, str):
        return value if value and " " not in value and not value.startswith("-") else f"'{value}'"
    return str(value)


class Line:
    """A command line: its text, and the binder elements with extents into that text."""

    def __init__(self, command: str, *tokens: Any):
        parts: list[str] = [command]
        spans: list[tuple[Any, int, int, int | None]] = []
        offset = len(command) + 1
        for token in tokens:
            if isinstance(token, Colon):
                text = f"-{token.name}:{token.text}"
                spans.append((token, offset, offset + len(text), offset + len(token.name) + 2))
            else:
                if isinstance(token, (Arg, Splat)):
                    text = token.text
                elif isinstance(token, str) and token.startswith("-"):
                    text = token
                else:
                    text = _text_of(token)
                spans.append((token, offset, offset + len(text), None))
            parts.append(text)
            offset += len(text) + 1
        self.text = " ".join(parts)
        self.source = A.ScriptSource(self.text)
        self.extent = A.Extent(self.source, 0, len(self.text))
        self.elements: list[Any] = []
        for token, start, end, value_start in spans:
            extent = A.Extent(self.source, start, end)
            if isinstance(token, Colon):
                self.elements.append(ParameterElement(
                    token.name, token.value, True, A.Extent(self.source, start, value_start - 1),
                    "-" + token.name, argument_extent=A.Extent(self.source, value_start, end),
                ))  # fmt: skip
            elif isinstance(token, Splat) and isinstance(token.value, Hashtable):
                self.elements.extend(ParameterElement(str(k), v, True, extent, "-" + str(k), splatted=True)
                                     for k, v in token.value.items())  # fmt: skip
            elif isinstance(token, Splat):
                self.elements.extend(ArgumentElement(v, extent, splatted=True) for v in token.value)
            elif isinstance(token, str) and token == "--":
                self.elements.append(ParameterElement("-", NO_ARGUMENT, False, extent, "--"))
            elif isinstance(token, str) and token.startswith("-"):
                self.elements.append(ParameterElement(token[1:], NO_ARGUMENT, False, extent, token))
            else:
                value = token.value if isinstance(token, Arg) else token
                self.elements.append(ArgumentElement(value, extent))


def bind(meta: CommandMetadata, *tokens: Any, pipeline: bool = False, **options: Any):
    """Bind ``meta.name tokens...``; returns the Binding (raises PSError)."""
    line = Line(meta.name, *tokens)
    remote = REMOTE_COMPUTER if meta.remote else None
    options.setdefault("script_invoker", invoke)
    return bind_command_line(meta, line.elements, expects_pipeline_input=pipeline, remote_computer=remote,
                             command_extent=line.extent, **options)  # fmt: skip


def bind_error(meta: CommandMetadata, *tokens: Any, pipeline: bool = False, **options: Any):
    """The ErrorRecord binding ``meta.name tokens...`` fails with."""
    try:
        binding = bind(meta, *tokens, pipeline=pipeline, **options)
    except PSError as error:
        return error.record
    raise AssertionError(f"binding succeeded: {binding.bound!r}")


def error_at(record: Any) -> str | None:
    """The source text an error's position points at (None for remote errors)."""
    info = record.InvocationInfo
    return info.extent.text if info is not None and info.extent is not None else None


class Bound:
    """Expected outcome: these parameters (and optionally this set, these ``$args``)."""

    def __init__(self, bound: dict[str, Any], parameter_set: str | None = None, args: list | None = None):
        self.bound = bound
        self.parameter_set = parameter_set
        self.args = args

    def check(self, binding: Any) -> None:
        assert plain(binding.bound) == plain(self.bound)
        if self.parameter_set is not None:
            assert binding.parameter_set_name == self.parameter_set
        if self.args is not None:
            assert [str(a) if isinstance(a, str) else a for a in binding.unbound_arguments] == self.args


class Fails:
    """Expected outcome: a binding error (id and exact message; where it points, when given)."""

    def __init__(self, error_id: str, message: str, at: str | None = "", *, category: str = "InvalidArgument",
                 exception: str = "ParameterBindingException"):  # fmt: skip
        self.error_id = error_id
        self.message = message
        self.at = at  # "" = the whole command line
        self.category = category
        self.exception = exception

    def check(self, record: Any, meta: CommandMetadata, line_text: str) -> None:
        assert record.message == self.message
        assert record.FullyQualifiedErrorId == f"{self.error_id},{origin(meta)}"
        assert record.CategoryInfo.Category == self.category
        assert record.Exception.short_name == self.exception
        assert record.CategoryInfo.Activity == meta.name
        if meta.remote and record.remote_computer:
            assert record.InvocationInfo.extent is None
        else:
            assert record.remote_computer is None
            expected = line_text if self.at == "" else self.at
            assert error_at(record) == expected


def plain(value: Any) -> Any:
    """Typed arrays and ArrayLists compare by reference, as in .NET; tests compare contents.
    Enum values and Exchange values compare by the text EMS shows for them."""
    from emshell.engine.types import EnumValue

    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, EnumValue) or type(value).__module__.startswith("emshell.model"):
        return str(value)
    return value


def origin(meta: CommandMetadata) -> str:
    """The FullyQualifiedErrorId origin the cases expect: the .NET type of a local compiled
    cmdlet, else the command's name (functions, and EMS's proxies)."""
    if meta.kind == "Cmdlet" and not meta.remote:
        return meta.implementing_type
    return meta.name


def check(meta: CommandMetadata, tokens: tuple, expected: Bound | Fails, **options: Any) -> None:
    if isinstance(expected, Bound):
        expected.check(bind(meta, *tokens, **options))
    else:
        line = Line(meta.name, *tokens)
        expected.check(bind_error(meta, *tokens, **options), meta, line.text)


# --------------------------------------------------------------------------- commands


def set_um_service(*, remote: bool = True) -> CommandMetadata:
    """Set-UMService, parameters as the Exchange 2016 reference declares them."""
    return CommandMetadata(
        "Set-UMService",
        [
            parameter("Identity", "UMServerIdParameter", position=0, mandatory=True, pipeline=True),
            parameter("Confirm", "SwitchParameter", aliases=("cf",)),
            parameter("DialPlans", "MultiValuedProperty", multi_valued=True),
            parameter("DomainController", "Fqdn"),
            parameter("GrammarGenerationSchedule", "ScheduleInterval[]", multi_valued=True),
            parameter("IPAddressFamily", "Microsoft.Exchange.Data.Directory.IPAddressFamily",
                      accepted_values=("IPv4Only", "IPv6Only", "Any")),  # fmt: skip
            parameter("IPAddressFamilyConfigurable", "Boolean", accepted_values=("$true", "$false")),
            parameter("IrmLogEnabled", "Boolean", accepted_values=("$true", "$false")),
            parameter("IrmLogMaxAge", "EnhancedTimeSpan"),
            parameter("IrmLogMaxDirectorySize", "Unlimited"),
            parameter("IrmLogMaxFileSize", "ByteQuantifiedSize"),
            parameter("IrmLogPath", "LocalLongFullPath"),
            parameter("MaxCallsAllowed", "Int32"),
            parameter("SIPAccessService", "ProtocolConnectionSettings"),
            parameter("Status", "Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerStatus",
                      accepted_values=("Enabled", "Disabled", "NoNewCalls")),  # fmt: skip
            parameter("UMStartupMode", "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMStartupMode",
                      accepted_values=("TCP", "TLS", "Dual")),  # fmt: skip
            parameter("WhatIf", "SwitchParameter", aliases=("wi",)),
        ],
        default_parameter_set="__AllParameterSets",
        supports_should_process=True,
        remote=remote,
        implementing_type="Microsoft.Exchange.Management.Tasks.UM.SetUMServer",
    )


def _sets(*infos: ParameterSetInfo) -> dict[str, ParameterSetInfo]:
    return {info.set_name: info for info in infos}


def get_service() -> CommandMetadata:
    """Get-Service (Windows PowerShell 5.1): Default / DisplayName / InputObject sets."""
    return CommandMetadata(
        "Get-Service",
        [
            ParameterMetadata("Name", "String[]", aliases=("ServiceName",), sets=_sets(
                ParameterSetInfo("Default", 0, False, True, True))),  # fmt: skip
            parameter("ComputerName", "String[]", by_property_name=True, aliases=("Cn",)),
            parameter("DependentServices", "SwitchParameter", aliases=("DS",)),
            parameter("RequiredServices", "SwitchParameter", aliases=("SDO", "ServicesDependedOn")),
            parameter("DisplayName", "String[]", mandatory=True, sets=("DisplayName",)),
            parameter("Include", "String[]"),
            parameter("Exclude", "String[]"),
            parameter("InputObject", "ServiceController[]", pipeline=True, sets=("InputObject",)),
        ],
        default_parameter_set="Default",
        implementing_type="Microsoft.PowerShell.Commands.GetServiceCommand",
    )


def stop_process() -> CommandMetadata:
    """Stop-Process (5.1), without its InputObject set: Id (default) / Name."""
    return CommandMetadata(
        "Stop-Process",
        [
            parameter("Id", "Int32[]", position=0, mandatory=True, by_property_name=True, sets=("Id",)),
            parameter("Name", "String[]", mandatory=True, by_property_name=True, sets=("Name",),
                      aliases=("ProcessName",)),  # fmt: skip
            parameter("PassThru", "SwitchParameter"),
            parameter("Force", "SwitchParameter"),
        ],
        default_parameter_set="Id",
        supports_should_process=True,
        implementing_type="Microsoft.PowerShell.Commands.StopProcessCommand",
    )


def where_object() -> CommandMetadata:
    """Where-Object (5.1): a script block set and property/operator sets (two of them here)."""
    operator_sets = ("EqualSet", "MatchSet")
    return CommandMetadata(
        "Where-Object",
        [
            parameter("InputObject", "PSObject", pipeline=True),
            parameter("FilterScript", "ScriptBlock", position=0, mandatory=True, sets=("ScriptBlockSet",)),
            parameter("Property", "String", position=0, mandatory=True, sets=operator_sets),
            parameter("Value", "Object", position=1, sets=operator_sets),
            parameter("EQ", "SwitchParameter", sets=("EqualSet",), aliases=("IEQ",)),
            parameter("Match", "SwitchParameter", mandatory=True, sets=("MatchSet",), aliases=("IMatch",)),
        ],
        default_parameter_set="EqualSet",
        implementing_type="Microsoft.PowerShell.Commands.WhereObjectCommand",
    )


def get_um_mailbox() -> CommandMetadata:
    """A Get-UMMailbox-like cmdlet as the reference declares it: two sets and no default."""
    return CommandMetadata(
        "Get-UMMailbox",
        [
            parameter("Identity", "MailboxIdParameter", position=0, pipeline=True, sets=("Identity",)),
            parameter("Anr", "String", sets=("AnrSet",)),
            parameter("Credential", "PSCredential"),
            parameter("ResultSize", "Unlimited"),
        ],
        implementing_type="Microsoft.Exchange.Management.Tasks.UM.GetUMMailbox",
    )


# --------------------------------------------------------------------------- script functions


class PyValue(A.ExpressionAst):
    """A test-only expression node whose value is given directly."""

    value: Any


def evaluate(node: Any) -> Any:
    """The ``evaluate`` callback for attribute arguments in hand-made trees."""
    if isinstance(node, PyValue):
        return node.value
    if isinstance(node, A.ConstantExpressionAst):
        return node.value
    if isinstance(node, A.VariableExpressionAst):
        return {"true": True, "false": False, "null": None}[node.variable_path.lower()]
    if isinstance(node, A.ArrayLiteralAst):
        return [evaluate(e) for e in node.elements]
    raise AssertionError(f"cannot evaluate {node!r}")


def s(text: str) -> A.StringConstantExpressionAst:
    return A.StringConstantExpressionAst(text, "SingleQuoted")


def n(number: int) -> A.ConstantExpressionAst:
    return A.ConstantExpressionAst(number)


TRUE = A.VariableExpressionAst("true")
FALSE = A.VariableExpressionAst("false")


def attr(type_name: str, *positional: Any, **named: Any) -> A.AttributeAst:
    """``[type_name(positional..., Name=value...)]``; ``Name=None`` is the ``[Parameter(Mandatory)]``
    form without a value."""
    arguments = tuple(
        A.NamedAttributeArgumentAst(name, TRUE, True) if value is None else A.NamedAttributeArgumentAst(name, value)
        for name, value in named.items()
    )
    return A.AttributeAst(type_name, tuple(positional), arguments)


def param(name: str, *attributes: Any, type_name: str | None = None, default: Any = None) -> A.ParameterAst:
    attrs = tuple(attributes) + ((A.TypeConstraintAst(type_name),) if type_name else ())
    return A.ParameterAst(A.VariableExpressionAst(name), attrs, default)


def function(name: str, *parameters: A.ParameterAst, binding: A.AttributeAst | None = None,
             simple_form: bool = False) -> CommandMetadata:  # fmt: skip
    """A function's metadata; ``simple_form`` is ``function f($a, $b)`` (no param block)."""
    if simple_form:
        return metadata_from_function(name, None, tuple(parameters), evaluate)
    block = A.ParamBlockAst((binding,) if binding is not None else (), tuple(parameters))
    return metadata_from_function(name, block, None, evaluate)
