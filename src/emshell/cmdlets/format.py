"""Format-Table, Format-List, Format-Wide, Format-Custom, Out-String, Out-Host, Out-Default.

The Format-* cmdlets write format records (``emshell.formatting.records``), which an
outputter renders -- Out-Default at the end of every command line, or Out-String, Out-Host,
Out-File.  As in PowerShell, ``Get-X | Format-Table | Select-Object`` therefore sees format
objects, not the original objects.
"""

from __future__ import annotations

from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError, new_error
from emshell.engine.metadata import CommandMetadata, Validation, parameter
from emshell.formatting.generator import FormatGenerator, FormatParameters

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

UTILITY = "Microsoft.PowerShell.Utility"
CORE = "Microsoft.PowerShell.Core"
COMMANDS = "Microsoft.PowerShell.Commands."
EXPAND_VALUES = ("CoreOnly", "EnumOnly", "Both")

# Keys a calculated property may use with each cmdlet (5.1 FormatParameterDefinitionKeys).
TABLE_KEYS = ("name", "label", "expression", "formatstring", "width", "alignment")
LIST_KEYS = ("name", "label", "expression", "formatstring")
WIDE_KEYS = ("expression", "formatstring")
CUSTOM_KEYS = ("expression", "depth")
GROUP_KEYS = ("name", "label", "expression", "formatstring")


def _meta(name: str, params: list, *, module: str = UTILITY, version: str = "3.1.0.0", synopsis: str,
          description: str = "") -> CommandMetadata:  # fmt: skip
    return CommandMetadata(name, params, module=module, version=version, synopsis=synopsis,
                           description=description,
                           implementing_type=COMMANDS + name.replace("-", "") + "Command")  # fmt: skip


def _shape_parameters(property_type: str = "Object[]") -> list:
    """The parameters every Format-* cmdlet shares (5.1 declaration order)."""
    return [
        parameter("GroupBy", "Object"),
        parameter("View", "String"),
        parameter("ShowError", "SwitchParameter"),
        parameter("DisplayError", "SwitchParameter"),
        parameter("Force", "SwitchParameter"),
        parameter("Expand", "String", accepted_values=EXPAND_VALUES),
        parameter("InputObject", "PSObject", pipeline=True),
        parameter("Property", property_type, position=0),
    ]


def enumeration_limit(cmd: Cmdlet) -> int:
    """``$FormatEnumerationLimit`` from the global scope, as 5.1 reads it (EMS sets 16; the
    runspace's Out-Default falls back to 16 too when it is unset)."""
    value = cmd.session.get_value("FormatEnumerationLimit", "global")
    return value if isinstance(value, int) and not isinstance(value, bool) else 16


def _host_width(cmd: Cmdlet) -> int:
    width = getattr(cmd.host, "width", 120)
    return width if isinstance(width, int) and width > 0 else 120


class FormatCmdlet(Cmdlet):
    """Shared by the Format-* cmdlets: turn each input object into format records."""

    shape = "table"
    allowed_keys: tuple[str, ...] = TABLE_KEYS

    def begin(self) -> None:
        from emshell.engine.property_expression import parse_property_argument

        self.check_parameters()
        properties = self.params.get("Property")
        if properties is not None and not isinstance(properties, list):
            properties = [properties]
        expressions = [parse_property_argument(item, allowed_keys=self.allowed_keys) for item in properties or ()]
        group = self.params.get("GroupBy")
        group_by = parse_property_argument(group, allowed_keys=GROUP_KEYS) if group is not None else None
        self.generator = FormatGenerator(self.shape, self.format_parameters(expressions, group_by),
                                         enumeration_limit(self), self._invoke, _host_width(self))  # fmt: skip

    def check_parameters(self) -> None:
        """Parameter combinations the cmdlet refuses before formatting anything."""
        if self.bound("View") and self.bound("Property"):
            raise PSError(new_error(
                "ArgumentException", "Cmdlet parameters View and Property are mutually exclusive.",
                "FormatCannotSpecifyViewAndProperty," + self.metadata.implementing_type, "InvalidArgument",
            ))  # fmt: skip

    def format_parameters(self, properties: list, group_by: Any) -> FormatParameters:
        return FormatParameters(properties, group_by, view=self.params.get("View"),
                                force=bool(self.params.get("Force")), expand=self.params.get("Expand"))  # fmt: skip

    def _invoke(self, script_block: Any, obj: Any) -> list:
        return self.invoke_script_block(script_block, dollar_under=obj)

    def process(self) -> None:
        if "InputObject" not in self.params:
            return
        for record in self.generator.process(self.params["InputObject"]):
            self.write_object(record)

    def end(self) -> None:
        for record in self.generator.end():
            self.write_object(record)


@cmdlet(_meta("Format-Table", [
    parameter("AutoSize", "SwitchParameter"),
    parameter("HideTableHeaders", "SwitchParameter"),
    parameter("Wrap", "SwitchParameter"),
    *_shape_parameters(),
], synopsis="Formats the output as a table.",
   description="Shows the selected properties of each object in one row, one column per property."))  # fmt: skip
class FormatTable(FormatCmdlet):
    shape = "table"
    allowed_keys = TABLE_KEYS

    def format_parameters(self, properties: list, group_by: Any) -> FormatParameters:
        params = super().format_parameters(properties, group_by)
        params.autosize = bool(self.params.get("AutoSize"))
        params.wrap = bool(self.params.get("Wrap"))
        params.hide_headers = bool(self.params.get("HideTableHeaders"))
        return params


@cmdlet(_meta("Format-List", _shape_parameters(), synopsis="Formats the output as a list of properties in which "
              "each property appears on a new line."))  # fmt: skip
class FormatList(FormatCmdlet):
    shape = "list"
    allowed_keys = LIST_KEYS


@cmdlet(_meta("Format-Wide", [
    parameter("AutoSize", "SwitchParameter"),
    parameter("Column", "Int32", validations=(Validation("ValidateRange", 1, 2147483647),)),
    *_shape_parameters("Object"),
], synopsis="Formats objects as a wide table that displays only one property of each object."))  # fmt: skip
class FormatWide(FormatCmdlet):
    shape = "wide"
    allowed_keys = WIDE_KEYS

    def check_parameters(self) -> None:
        super().check_parameters()
        if self.params.get("AutoSize") and self.bound("Column"):
            raise PSError(new_error(
                "ArgumentException", "Cmdlet parameters AutoSize and Column are mutually exclusive.",
                "FormatCannotSpecifyAutosizeAndColumns," + self.metadata.implementing_type, "InvalidArgument",
            ))  # fmt: skip

    def format_parameters(self, properties: list, group_by: Any) -> FormatParameters:
        params = super().format_parameters(properties, group_by)
        params.autosize = bool(self.params.get("AutoSize"))
        params.columns = int(self.params.get("Column") or 0)
        return params


@cmdlet(_meta("Format-Custom", [
    parameter("Depth", "Int32", validations=(Validation("ValidateRange", 1, 2147483647),)),
    *_shape_parameters(),
], synopsis="Uses a customized view to format the output."))  # fmt: skip
class FormatCustom(FormatCmdlet):
    shape = "complex"
    allowed_keys = CUSTOM_KEYS


# =========================================================================== outputters


@cmdlet(_meta("Out-String", [
    parameter("Stream", "SwitchParameter"),
    parameter("Width", "Int32", validations=(Validation("ValidateRange", 2, 2147483647),)),
    parameter("InputObject", "PSObject", pipeline=True),
], synopsis="Sends objects to the host as a series of strings."))  # fmt: skip
class OutString(Cmdlet):
    """The text the console would show, as one string (or one string per line with
    -Stream).  Without -Width the console's buffer width is used, in full (5.1
    ``OutStringCommand``: the text writer has no reserved last column)."""

    def begin(self) -> None:
        from emshell.formatting.outdefault import OutDefault

        width = self.params.get("Width") or _host_width(self)
        self.renderer = OutDefault(int(width), enumeration_limit(self), console=False)
        self.lines: list[str] = []

    def _emit(self, lines: list[str]) -> None:
        if self.params.get("Stream"):
            for line in lines:
                self.write_object(line)
        else:
            self.lines.extend(lines)

    def process(self) -> None:
        if "InputObject" in self.params:
            self._emit(self.renderer.process_lines(self.params["InputObject"]))

    def end(self) -> None:
        self._emit(self.renderer.end_lines())
        if not self.params.get("Stream"):
            self.write_object("".join(line + "\n" for line in self.lines))


class _HostOutput(Cmdlet):
    """Out-Host and Out-Default: render to the console now."""

    def begin(self) -> None:
        from emshell.formatting.outdefault import OutDefault

        self.renderer = OutDefault(_host_width(self), enumeration_limit(self))

    def _write(self, text: str) -> None:
        if text:
            self.host.write(text)

    def process(self) -> None:
        if "InputObject" in self.params:
            self._write(self.renderer.process(self.params["InputObject"]))

    def end(self) -> None:
        self._write(self.renderer.end())


@cmdlet(_meta("Out-Host", [
    parameter("Paging", "SwitchParameter"),
    parameter("InputObject", "PSObject", pipeline=True),
], module=CORE, version="3.0.0.0", synopsis="Sends output to the command line."))  # fmt: skip
class OutHost(_HostOutput):
    pass


@cmdlet(_meta("Out-Default", [
    parameter("Transcript", "SwitchParameter"),
    parameter("InputObject", "PSObject", pipeline=True),
], module=CORE, version="3.0.0.0", synopsis="Sends the output to the default formatter and to the default output "
              "cmdlet."))  # fmt: skip
class OutDefaultCommand(_HostOutput):
    def _write(self, text: str) -> None:
        if text and not self.params.get("Transcript"):  # -Transcript: for the transcript only
            self.host.write(text)
