"""Command-info objects: what ``$MyInvocation.MyCommand`` and Get-Command describe.

``FunctionInfo`` lives with script blocks (``emshell.engine.scriptblock``); the others are here.
The error view reads ``CommandType`` to choose an error's ``<command> : `` prefix.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

_COMMAND_INFO = "System.Management.Automation.CommandInfo"


class CmdletInfo:
    """A compiled cmdlet (or, for Exchange cmdlets, EMS's proxy function)."""

    PS_TYPE_NAMES = ("System.Management.Automation.CmdletInfo", _COMMAND_INFO, "System.Object")
    PS_PROPERTIES = ("Verb", "Noun", "HelpFile", "PSSnapIn", "ImplementingType", "Definition", "DefaultParameterSet",
                     "OutputType", "Options", "Name", "CommandType", "Source", "Version", "Visibility",
                     "ModuleName", "Module", "RemotingCapability", "Parameters", "ParameterSets")  # fmt: skip

    def __init__(self, metadata: Any):
        self.metadata = metadata
        self.Name = metadata.name
        self.CommandType = metadata.kind
        self.Verb = metadata.verb
        self.Noun = metadata.noun
        self.ImplementingType = metadata.implementing_type
        self.Source = metadata.module
        self.ModuleName = metadata.module
        self.Version = metadata.version
        self.DefaultParameterSet = metadata.default_parameter_set

    HelpFile = ""
    PSSnapIn = None
    Definition = ""
    OutputType: tuple = ()
    Options = "ReadOnly"
    Visibility = "Public"
    Module = None
    RemotingCapability = "PowerShell"
    Parameters = None
    ParameterSets = None

    def __str__(self) -> str:
        return self.Name


class ExternalScriptInfo:
    """A .ps1 file run as a command."""

    PS_TYPE_NAMES = ("System.Management.Automation.ExternalScriptInfo", _COMMAND_INFO, "System.Object")
    PS_PROPERTIES = ("Path", "Definition", "Source", "Name", "CommandType", "Visibility", "ScriptBlock")

    def __init__(self, path: str, script_block: Any = None):
        import ntpath

        self.Path = path
        self.Definition = path
        self.Source = path
        self.Name = ntpath.basename(path)
        self.ScriptBlock = script_block

    CommandType = "ExternalScript"
    Visibility = "Public"

    def __str__(self) -> str:
        return self.Name


class ScriptInfo:
    """A command line typed at the prompt (or given to ``-Command``) as a command."""

    PS_TYPE_NAMES = ("System.Management.Automation.ScriptInfo", _COMMAND_INFO, "System.Object")
    PS_PROPERTIES = ("ScriptBlock", "Definition", "Name", "CommandType", "Visibility")

    def __init__(self, script_block: Any):
        self.ScriptBlock = script_block
        self.Definition = str(script_block)
        self.Name = ""

    CommandType = "Script"
    Visibility = "Public"

    def __str__(self) -> str:
        return self.Definition
