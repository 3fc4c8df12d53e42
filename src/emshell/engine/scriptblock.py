"""Script blocks and script functions as run-time values."""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time

if TYPE_CHECKING:
    from typing import Any

    from emshell.engine.metadata import CommandMetadata
    from emshell.language.ast import ScriptBlockAst


class ScriptBlock:
    """A ``{ ... }`` value.  ``str()`` gives the text between the braces, as PowerShell does."""

    __slots__ = ("ast", "_metadata", "is_filter", "name")

    PS_TYPE_NAMES = ("System.Management.Automation.ScriptBlock", "System.Object")
    PS_PROPERTIES = ("Attributes", "File", "IsFilter", "IsConfiguration", "Module", "StartPosition",
                     "DebuggerHidden", "Id", "Ast")  # fmt: skip

    def __init__(self, ast: ScriptBlockAst, *, is_filter: bool = False, name: str | None = None):
        self.ast = ast
        self._metadata: CommandMetadata | None = None
        self.is_filter = is_filter
        self.name = name

    @property
    def has_param_block(self) -> bool:
        return self.ast.param_block is not None

    @property
    def text(self) -> str:
        extent = self.ast.extent
        if extent is None:
            return ""
        text = extent.text
        # A script block literal's extent includes its braces; the value's text does not.
        if text.startswith("{") and text.endswith("}"):
            return text[1:-1]
        return text

    def __str__(self) -> str:
        return self.text

    ToString = __str__

    # the .NET surface scripts read
    @property
    def File(self) -> str | None:
        return self.ast.extent.file if self.ast.extent is not None else None

    @property
    def IsFilter(self) -> bool:
        return self.is_filter

    Attributes: tuple = ()
    IsConfiguration = False
    Module = None
    StartPosition = None
    DebuggerHidden = False
    Id = None

    @property
    def Ast(self) -> Any:
        return self.ast

    def __repr__(self) -> str:
        return f"ScriptBlock({self.text.strip()[:40]!r})"


class FunctionInfo:
    """A function defined in the session (``function Name { ... }``)."""

    __slots__ = ("name", "script_block", "parameters_ast", "_metadata", "is_filter")

    PS_TYPE_NAMES = ("System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")  # fmt: skip
    PS_PROPERTIES = ("HelpUri", "ScriptBlock", "CmdletBinding", "DefaultParameterSet", "Definition",
                     "Options", "Description", "Verb", "Noun", "HelpFile", "OutputType", "Name",
                     "CommandType", "Source", "Version", "Visibility", "ModuleName", "Module",
                     "RemotingCapability", "Parameters", "ParameterSets")  # fmt: skip

    def __init__(self, name: str, script_block: ScriptBlock, parameters_ast: tuple | None = None,
                 is_filter: bool = False):  # fmt: skip
        self.name = name
        self.script_block = script_block
        self.parameters_ast = parameters_ast  # the ``function f($a)`` form
        self._metadata: CommandMetadata | None = None
        self.is_filter = is_filter

    @property
    def Name(self) -> str:
        return self.name

    @property
    def ScriptBlock(self) -> ScriptBlock:
        return self.script_block

    @property
    def Definition(self) -> str:
        return self.script_block.text

    @property
    def CommandType(self) -> str:
        return "Filter" if self.is_filter else "Function"

    @property
    def Verb(self) -> str:
        verb, _, noun = self.name.partition("-")
        return verb if noun else ""

    @property
    def Noun(self) -> str:
        return self.name.partition("-")[2]

    @property
    def CmdletBinding(self) -> bool:
        block = self.script_block.ast.param_block
        return bool(block and any(a.type_name.lower() == "cmdletbinding" for a in block.attributes))

    HelpUri = ""
    DefaultParameterSet = None
    Options = "None"
    Description = ""
    HelpFile = ""
    OutputType: tuple = ()
    Source = ""
    Version = None
    Visibility = "Public"
    ModuleName = ""
    Module = None
    RemotingCapability = "PowerShell"
    Parameters = None
    ParameterSets = None

    def __repr__(self) -> str:
        return f"FunctionInfo({self.name!r})"
