"""The session bootstrap lines real EMS scripts start with, and transcripts.

emshell *is* an Exchange Management Shell that is already connected, so the lines scripts use
to get there succeed without changing anything:

* ``$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://ex01/PowerShell/``
  returns an opened PSSession object; ``Import-PSSession $s`` returns the temporary module EMS
  imports; ``Get-PSSession`` / ``Remove-PSSession`` list and close those objects;
* ``Add-PSSnapin Microsoft.Exchange.*`` adds the snap-in (a second time fails as 5.1 does);
* ``Import-Module`` of the Exchange module or of Windows PowerShell's own modules, and
  ``Get-Module``;
* ``Set-AdServerSettings -ViewEntireForest $true`` (kept, and shown by Get-AdServerSettings);
* ``. $env:ExchangeInstallPath\\bin\\RemoteExchange.ps1`` (a stand-in script in the sandbox,
  see ``filesystem``) and ``Connect-ExchangeServer -auto``, which prints EMS's two
  "VERBOSE: Connect..." lines.

Start-Transcript and Stop-Transcript write what the console shows to a file in the sandbox
(``emshell.transcript``).  Per-session state lives in ``runspace.extensions["ems.session"]``.
"""

from __future__ import annotations

from emshell.cmdlets.exchange import EXCHANGE_MODULE, EXCHANGE_VERSION
from emshell.cmdlets.filesystem import Drive, command_type, refused
from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError, new_error
from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo, parameter
from emshell.engine.operators import wildcard_match
from emshell.engine.primitives import to_string
from emshell.engine.property_expression import is_wildcard

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

CORE = "Microsoft.PowerShell.Core"
HOST_MODULE = "Microsoft.PowerShell.Host"
PSSESSION = "System.Management.Automation.Runspaces.PSSession"
MODULE_INFO = "System.Management.Automation.PSModuleInfo"
SNAPIN_INFO = "System.Management.Automation.PSSnapInInfo"
EXCHANGE_SNAPINS = (
    "Microsoft.Exchange.Management.PowerShell.SnapIn",
    "Microsoft.Exchange.Management.PowerShell.Support",
    "Microsoft.Exchange.Management.PowerShell.E2010",  # Exchange 2010's name, still found in scripts
)
# The modules a Windows Server 2016 console has loaded once EMS has started.
BUILTIN_MODULES = (("Microsoft.PowerShell.Management", "Manifest", "3.1.0.0"),
                   ("Microsoft.PowerShell.Utility", "Manifest", "3.1.0.0"))  # fmt: skip
AVAILABLE_MODULES = ("Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Security",
                     "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Diagnostics", "Microsoft.WSMan.Management",
                     "PSReadline")  # fmt: skip


def _meta(name: str, params: list, *, module: str = CORE, synopsis: str, **kwargs: Any) -> CommandMetadata:
    return CommandMetadata(name, params, module=module, version="3.0.0.0", implementing_type=command_type(name),
                           synopsis=synopsis, **kwargs)  # fmt: skip


class EmsSession:
    """What the bootstrap commands remember for one runspace."""

    __slots__ = ("sessions", "next_session_id", "snapins", "modules", "ad_settings", "transcripts")

    def __init__(self) -> None:
        self.sessions: list[PSSession] = []
        self.next_session_id = 1
        self.snapins: list[str] = []
        self.modules: list[str] = [name for name, _kind, _version in BUILTIN_MODULES] + [EXCHANGE_MODULE]
        self.ad_settings: dict[str, Any] = {"ViewEntireForest": False}
        self.transcripts: list[Any] = []  # started by Start-Transcript, newest last


def ems_session(runspace: Any) -> EmsSession:
    state = runspace.extensions.get("ems.session")
    if state is None:
        state = runspace.extensions["ems.session"] = EmsSession()
    return state


# =========================================================================== PSSession


class PSSession:
    """``System.Management.Automation.Runspaces.PSSession``: an opened session object."""

    PS_TYPE_NAMES = (PSSESSION, "System.Object")
    PS_PROPERTIES = ("ComputerType", "ComputerName", "ContainerId", "VMName", "VMId", "ConfigurationName",
                     "InstanceId", "Id", "Name", "Availability", "ApplicationPrivateData", "Runspace", "State",
                     "IdleTimeout", "OutputBufferingMode", "DisconnectedOn", "ExpiresOn")  # fmt: skip

    def __init__(self, session_id: int, name: str, computer: str, configuration: str, instance_id: str):
        self.Id = session_id
        self.Name = name
        self.ComputerName = computer
        self.ConfigurationName = configuration
        self.InstanceId = instance_id
        self.State = "Opened"
        self.Availability = "Available"

    ComputerType = "RemoteMachine"
    ContainerId = None
    VMName = None
    VMId = None
    ApplicationPrivateData = None
    Runspace = "System.Management.Automation.RemoteRunspace"
    IdleTimeout = 7200000
    OutputBufferingMode = "None"
    DisconnectedOn = None
    ExpiresOn = None

    def ToString(self) -> str:
        return f"[PSSession]{self.Name}"

    __str__ = ToString


def _computer_from_uri(uri: str) -> str:
    """``http://ex01.contoso.com/PowerShell/`` -> ``ex01.contoso.com``."""
    rest = uri.split("://", 1)[-1]
    return rest.split("/", 1)[0].split(":", 1)[0]


@cmdlet(_meta("New-PSSession", [
    parameter("ComputerName", "String[]", position=0, pipeline=True, by_property_name=True,
              sets=("ComputerName",), aliases=("Cn",)),
    parameter("ConnectionUri", "Uri[]", position=0, mandatory=True, by_property_name=True, sets=("Uri",),
              aliases=("URI", "CU")),
    parameter("ConfigurationName", "String", by_property_name=True),
    parameter("Credential", "PSCredential", by_property_name=True),
    parameter("Authentication", "AuthenticationMechanism", accepted_values=(
        "Default", "Basic", "Negotiate", "NegotiateWithImplicitCredential", "Credssp", "Digest", "Kerberos")),
    parameter("AllowRedirection", "SwitchParameter"),
    parameter("SessionOption", "PSSessionOption"),
    parameter("Name", "String[]"),
    parameter("Port", "Int32"),
    parameter("UseSSL", "SwitchParameter"),
    parameter("ThrottleLimit", "Int32"),
    parameter("EnableNetworkAccess", "SwitchParameter"),
], default_parameter_set="ComputerName",
   synopsis="Opens a session (emshell: EMS is already connected, so the session is only an object)."))  # fmt: skip
class NewPSSession(Cmdlet):
    def process(self) -> None:
        state = ems_session(self.runtime.runspace)
        if "ConnectionUri" in self.params:
            computers = [_computer_from_uri(to_string(uri)) for uri in self.params["ConnectionUri"]]
        else:
            computers = list(self.params.get("ComputerName") or ["localhost"])
        names = list(self.params.get("Name") or [])
        configuration = to_string(self.params.get("ConfigurationName") or "Microsoft.PowerShell")
        for index, computer in enumerate(computers):
            session_id = state.next_session_id
            state.next_session_id += 1
            name = names[index] if index < len(names) else f"Session{session_id}"
            session = PSSession(session_id, name, computer, configuration, self.context.new_guid())
            state.sessions.append(session)
            self.write_object(session)


def _session_filter_parameters(*, pipeline_session: bool) -> list:
    return [
        parameter("Session", "PSSession[]", position=0, mandatory=pipeline_session, pipeline=pipeline_session,
                  sets=("Session",)),
        parameter("Id", "Int32[]", position=0 if not pipeline_session else None, mandatory=pipeline_session,
                  sets=("Id",)),
        parameter("Name", "String[]", mandatory=pipeline_session, by_property_name=True, sets=("Name",)),
        parameter("ComputerName", "String[]", mandatory=pipeline_session, by_property_name=True,
                  sets=("ComputerName",), aliases=("Cn",)),
        parameter("InstanceId", "Guid[]", mandatory=pipeline_session, by_property_name=True, sets=("InstanceId",)),
    ]  # fmt: skip


def _matching_sessions(state: EmsSession, params: dict) -> list[PSSession]:
    sessions = list(state.sessions)
    if "Session" in params:
        wanted = [s for s in params["Session"] or [] if isinstance(s, PSSession)]
        return [s for s in sessions if any(s is w for w in wanted)]
    if "Id" in params:
        return [s for s in sessions if s.Id in set(params["Id"] or [])]
    if "Name" in params:
        return [s for s in sessions if any(wildcard_match(p, s.Name) for p in params["Name"])]
    if "ComputerName" in params:
        return [s for s in sessions if any(wildcard_match(p, s.ComputerName) for p in params["ComputerName"])]
    if "InstanceId" in params:
        return [s for s in sessions if s.InstanceId in {to_string(i) for i in params["InstanceId"]}]
    return sessions


@cmdlet(_meta("Get-PSSession", _session_filter_parameters(pipeline_session=False), default_parameter_set="Name",
              synopsis="Lists the sessions this shell opened."))  # fmt: skip
class GetPSSession(Cmdlet):
    def process(self) -> None:
        for session in _matching_sessions(ems_session(self.runtime.runspace), self.params):
            self.write_object(session)


@cmdlet(_meta("Remove-PSSession", _session_filter_parameters(pipeline_session=True), default_parameter_set="Id",
              supports_should_process=True, synopsis="Closes sessions."))  # fmt: skip
class RemovePSSession(Cmdlet):
    def process(self) -> None:
        state = ems_session(self.runtime.runspace)
        for session in _matching_sessions(state, self.params):
            if self.should_process(session.ToString(), "Remove-PSSession"):
                session.State = "Closed"
                session.Availability = "None"
                state.sessions = [s for s in state.sessions if s is not session]


# =========================================================================== modules


class PSModuleInfo:
    """``System.Management.Automation.PSModuleInfo`` as Get-Module and Import-PSSession show it."""

    PS_TYPE_NAMES = (MODULE_INFO, "System.Object")
    PS_PROPERTIES = ("Name", "Path", "Description", "Guid", "ModuleBase", "Version", "ModuleType", "Author",
                     "CompanyName", "Copyright", "ExportedCommands", "ExportedCmdlets", "ExportedFunctions",
                     "ExportedAliases", "ExportedVariables", "PowerShellVersion")  # fmt: skip

    def __init__(self, name: str, module_type: str, version: str, commands: list[str], path: str, guid: str):
        self.Name = name
        self.ModuleType = module_type
        self.Version = version
        self.command_names = commands
        self.Path = path
        self.ModuleBase = path.rsplit("\\", 1)[0]
        self.Guid = guid

    Description = ""
    Author = ""
    CompanyName = "Microsoft Corporation"
    Copyright = ""
    ExportedAliases: dict = {}
    ExportedVariables: dict = {}
    PowerShellVersion = "3.0"

    @property
    def ExportedCommands(self) -> Any:
        from emshell.engine.psobject import Hashtable

        return Hashtable((name, name) for name in self.command_names)

    @property
    def ExportedFunctions(self) -> Any:
        return self.ExportedCommands if self.ModuleType == "Script" else {}

    @property
    def ExportedCmdlets(self) -> Any:
        return self.ExportedCommands if self.ModuleType != "Script" else {}

    def ToString(self) -> str:
        return self.Name

    __str__ = ToString


def _commands_of(module: str) -> list[str]:
    """The commands emshell offers from a module (each command module is loaded to know)."""
    import importlib

    from emshell.cmdlets.index import COMMANDS
    from emshell.engine.cmdlet import REGISTRY

    for python_module in sorted(set(COMMANDS.values())):
        importlib.import_module(python_module)
    return sorted((cls.metadata.name for cls in REGISTRY.values() if cls.metadata.module == module), key=str.lower)


def module_info(name: str, runspace: Any) -> PSModuleInfo:
    if name == EXCHANGE_MODULE:
        from emshell.cmdlets.exchange import reference_names

        path = f"C:\\Users\\Administrator\\AppData\\Local\\Temp\\{name}\\{name}.psm1"
        return PSModuleInfo(name, "Script", EXCHANGE_VERSION, reference_names(), path, runspace.new_guid())
    for builtin, kind, version in BUILTIN_MODULES:
        if builtin.lower() == name.lower():
            path = f"C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules\\{builtin}\\{builtin}.psd1"
            return PSModuleInfo(builtin, kind, version, _commands_of(builtin), path, runspace.new_guid())
    path = f"C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules\\{name}\\{name}.psd1"
    return PSModuleInfo(name, "Manifest", "3.0.0.0", _commands_of(name), path, runspace.new_guid())


def _import_psmodule_metadata() -> CommandMetadata:
    session = ParameterMetadata("Session", "PSSession", sets={"__AllParameterSets": ParameterSetInfo(
        "__AllParameterSets", 0, True)})  # fmt: skip
    return _meta("Import-PSSession", [
        session,
        parameter("CommandName", "String[]", position=2, aliases=("Name",)),
        parameter("FormatTypeName", "String[]", position=3),
        parameter("Module", "String[]", aliases=("PSSnapin",)),
        parameter("CommandType", "CommandTypes", aliases=("Type",)),
        parameter("ArgumentList", "Object[]", position=1, aliases=("Args",)),
        parameter("Prefix", "String"),
        parameter("AllowClobber", "SwitchParameter"),
        parameter("DisableNameChecking", "SwitchParameter"),
        parameter("Certificate", "X509Certificate2"),
    ], module="Microsoft.PowerShell.Utility",
       synopsis="Imports a session's commands (emshell: the Exchange commands are already here).")  # fmt: skip


@cmdlet(_import_psmodule_metadata())
class ImportPSSession(Cmdlet):
    def process(self) -> None:
        self.write_object(module_info(EXCHANGE_MODULE, self.runtime.runspace))


def _is_exchange_module(name: str) -> bool:
    lower = name.lower()
    return lower == EXCHANGE_MODULE or "exchange" in lower


@cmdlet(_meta("Import-Module", [
    parameter("Name", "String[]", position=0, mandatory=True, pipeline=True, sets=("Name",)),
    parameter("ModuleInfo", "PSModuleInfo[]", position=0, mandatory=True, pipeline=True, sets=("ModuleInfo",)),
    parameter("Global", "SwitchParameter"),
    parameter("Prefix", "String"),
    parameter("Function", "String[]"), parameter("Cmdlet", "String[]"), parameter("Variable", "String[]"),
    parameter("Alias", "String[]"),
    parameter("Force", "SwitchParameter"),
    parameter("PassThru", "SwitchParameter"),
    parameter("AsCustomObject", "SwitchParameter"),
    parameter("MinimumVersion", "Version", aliases=("Version",)),
    parameter("RequiredVersion", "Version"),
    parameter("ArgumentList", "Object[]", aliases=("Args",)),
    parameter("DisableNameChecking", "SwitchParameter"),
    parameter("NoClobber", "SwitchParameter"),
    parameter("Scope", "String", accepted_values=("Local", "Global")),
], default_parameter_set="Name", synopsis="Loads a module: Windows PowerShell's own, or Exchange's."))  # fmt: skip
class ImportModule(Cmdlet):
    def process(self) -> None:
        items = self.params.get("ModuleInfo") or self.params.get("Name") or []
        for item in items:
            name = item.Name if isinstance(item, PSModuleInfo) else to_string(item)
            self._import(name)

    def _import(self, name: str) -> None:
        runspace = self.runtime.runspace
        state = ems_session(runspace)
        if "\\" in name or "/" in name or name.lower().endswith((".ps1", ".psm1", ".psd1")):
            if self._import_file(name):
                return
        elif _is_exchange_module(name) or any(name.lower() == m.lower() for m in AVAILABLE_MODULES):
            canonical = EXCHANGE_MODULE if name.lower() == EXCHANGE_MODULE else next(
                (m for m in AVAILABLE_MODULES if m.lower() == name.lower()), name)  # fmt: skip
            if canonical.lower() not in (m.lower() for m in state.modules):
                state.modules.append(canonical)
            if self.params.get("PassThru"):
                self.write_object(module_info(canonical, runspace))
            return
        self.write_error(new_error(
            "FileNotFoundException",
            f"The specified module '{name}' was not loaded because no valid module file was found in any module "
            "directory.",
            "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand", "ResourceUnavailable", name,
            activity="Import-Module",
        ))  # fmt: skip

    def _import_file(self, path: str) -> bool:
        """A module file in the sandbox runs in the caller's scope (its functions become
        available); EMS's own scripts are stand-ins.  False when there is no such file."""
        drive = Drive(self.runtime.runspace.sandbox)
        try:
            full = drive.full_path(path)
            host = drive.host_path(full)
        except PSError as error:
            self.write_error(refused(error, "Modules_ModuleNotFound", "Import-Module").record)
            return True
        if not host.is_file():
            return False
        runspace = self.runtime.runspace
        block = runspace.load_script(full)
        runspace.interpreter.invoke_script_block(block, [], use_new_scope=False)
        return True


@cmdlet(_meta("Get-Module", [
    parameter("Name", "String[]", position=0, pipeline=True),
    parameter("ListAvailable", "SwitchParameter"),
    parameter("All", "SwitchParameter"),
    parameter("Refresh", "SwitchParameter"),
    parameter("FullyQualifiedName", "ModuleSpecification[]"),
], synopsis="Lists the loaded modules (or those that can be loaded)."))  # fmt: skip
class GetModule(Cmdlet):
    def process(self) -> None:
        runspace = self.runtime.runspace
        if self.params.get("ListAvailable"):
            names = list(AVAILABLE_MODULES)
        else:
            names = list(ems_session(runspace).modules)
        patterns = self.params.get("Name") or ["*"]
        for name in sorted(names, key=str.lower):
            if any(wildcard_match(p, name) for p in patterns):
                self.write_object(module_info(name, runspace))


# =========================================================================== snap-ins


class PSSnapInInfo:
    """``System.Management.Automation.PSSnapInInfo``."""

    PS_TYPE_NAMES = (SNAPIN_INFO, "System.Object")
    PS_PROPERTIES = ("Name", "IsDefault", "ApplicationBase", "AssemblyName", "ModuleName", "PSVersion", "Version",
                     "Types", "Formats", "Description", "Vendor", "LogPipelineExecutionDetails")  # fmt: skip

    def __init__(self, name: str, is_default: bool, version: str, description: str):
        self.Name = name
        self.IsDefault = is_default
        self.PSVersion = version
        self.Version = version
        self.Description = description

    ApplicationBase = ""
    AssemblyName = ""
    ModuleName = ""
    Types: tuple = ()
    Formats: tuple = ()
    Vendor = "Microsoft"
    LogPipelineExecutionDetails = False

    def ToString(self) -> str:
        return self.Name

    __str__ = ToString


CORE_SNAPIN_DESCRIPTION = "This Windows PowerShell snap-in contains cmdlets used to manage components of Windows PowerShell."
EXCHANGE_SNAPIN_DESCRIPTION = "Admin Tasks for the Exchange Server"  # as remembered; not verified against a capture


def _snapin_info(name: str) -> PSSnapInInfo:
    if name == "Microsoft.PowerShell.Core":
        from emshell.engine.runspace import PS_VERSION

        return PSSnapInInfo(name, True, PS_VERSION, CORE_SNAPIN_DESCRIPTION)
    return PSSnapInInfo(name, False, "1.0", EXCHANGE_SNAPIN_DESCRIPTION)


def _snapin_error(message: str, name: str, command: str, error_id: str) -> Any:
    return new_error("PSArgumentException", message, f"{error_id},{command_type(command)}", "InvalidArgument", name,
                     activity=command)  # fmt: skip


@cmdlet(_meta("Add-PSSnapin", [
    parameter("Name", "String[]", position=0, mandatory=True, by_property_name=True),
    parameter("PassThru", "SwitchParameter"),
], synopsis="Adds a snap-in; the Exchange snap-ins are installed on this server."))  # fmt: skip
class AddPSSnapin(Cmdlet):
    def process(self) -> None:
        state = ems_session(self.runtime.runspace)
        for pattern in self.params["Name"]:
            if is_wildcard(pattern):
                names = [n for n in EXCHANGE_SNAPINS if wildcard_match(pattern, n) and n not in state.snapins]
            else:
                known = [n for n in (*EXCHANGE_SNAPINS, "Microsoft.PowerShell.Core") if n.lower() == pattern.lower()]
                if not known and not pattern.lower().startswith("microsoft.exchange."):
                    self.write_error(_snapin_error(
                        f"The Windows PowerShell snap-in '{pattern}' is not installed on this computer.",
                        pattern, "Add-PSSnapin", "AddPSSnapInRead"))  # fmt: skip
                    continue
                names = known or [pattern]
            for name in names:
                if name == "Microsoft.PowerShell.Core" or name in state.snapins:
                    self.write_error(_snapin_error(
                        f"Cannot add Windows PowerShell snap-in {name} because it is already added. Verify the name "
                        "of the snap-in, and then try again.", name, "Add-PSSnapin", "AddPSSnapInRead"))  # fmt: skip
                    continue
                state.snapins.append(name)
                if self.params.get("PassThru"):
                    self.write_object(_snapin_info(name))


@cmdlet(_meta("Get-PSSnapin", [
    parameter("Name", "String[]", position=0),
    parameter("Registered", "SwitchParameter"),
], synopsis="Lists the added snap-ins (or, with -Registered, those installed)."))  # fmt: skip
class GetPSSnapin(Cmdlet):
    def process(self) -> None:
        state = ems_session(self.runtime.runspace)
        names = list(EXCHANGE_SNAPINS[:2]) if self.params.get("Registered") else \
            ["Microsoft.PowerShell.Core", *state.snapins]  # fmt: skip
        for pattern in [n for n in self.params.get("Name") or () if n is not None] or ["*"]:  # $null names none
            matched = [n for n in names if wildcard_match(pattern, n)]
            if not matched and not is_wildcard(pattern):
                self.write_error(_snapin_error(
                    f"No Windows PowerShell snap-ins matching the pattern '{pattern}' were found. Check the pattern "
                    "and then try the command again.", pattern, "Get-PSSnapin", "NoPSSnapInsFound"))  # fmt: skip
            for name in matched:
                self.write_object(_snapin_info(name))


# =========================================================================== Exchange session settings


def _exchange_metadata(name: str, params: list, synopsis: str, **kwargs: Any) -> CommandMetadata:
    return CommandMetadata(name, params, kind="Function", module=EXCHANGE_MODULE, version=EXCHANGE_VERSION,
                           remote=True, implementing_type=f"Microsoft.Exchange.Management.Tasks.{name.replace('-', '')}",
                           synopsis=synopsis, **kwargs)  # fmt: skip


@cmdlet(_exchange_metadata("Set-AdServerSettings", [
    parameter("RunspaceServerSettings", "RunspaceServerSettingsPresentationObject", position=0, mandatory=True,
              pipeline=True, sets=("Instance",), aliases=("Instance",)),
    parameter("ViewEntireForest", "Boolean", sets=("SingleSetting", "FullParams")),
    parameter("RecipientViewRoot", "String", sets=("SingleSetting",)),
    parameter("PreferredServer", "Fqdn", sets=("FullParams",)),
    parameter("ConfigurationDomainController", "Fqdn", sets=("FullParams",)),
    parameter("PreferredGlobalCatalog", "Fqdn", sets=("FullParams",)),
    parameter("WriteErrorsToConsole", "SwitchParameter"),
], "Sets the Active Directory scope of this session (kept, as -ViewEntireForest for Get-AdServerSettings).",
   default_parameter_set="SingleSetting", supports_should_process=True))  # fmt: skip
class SetAdServerSettings(Cmdlet):
    def process(self) -> None:
        settings = ems_session(self.runtime.runspace).ad_settings
        for name in ("ViewEntireForest", "RecipientViewRoot", "PreferredServer", "ConfigurationDomainController",
                     "PreferredGlobalCatalog"):  # fmt: skip
            if name in self.params:
                settings[name] = self.params[name]


class RunspaceServerSettings:
    """``Get-AdServerSettings``'s result (the fields scripts read)."""

    PS_TYPE_NAMES = ("Microsoft.Exchange.Data.Directory.Management.RunspaceServerSettingsPresentationObject",
                     "System.Object")  # fmt: skip
    PS_PROPERTIES = ("RunspaceId", "DefaultGlobalCatalog", "DefaultConfigurationDomainController",
                     "UserPreferredGlobalCatalog", "UserPreferredConfigurationDomainController", "RecipientViewRoot",
                     "ViewEntireForest")  # fmt: skip

    def __init__(self, runspace_id: str, domain_controller: str, domain: str, settings: dict[str, Any]):
        self.RunspaceId = runspace_id
        self.DefaultGlobalCatalog = domain_controller
        self.DefaultConfigurationDomainController = domain_controller
        self.UserPreferredGlobalCatalog = settings.get("PreferredGlobalCatalog")
        self.UserPreferredConfigurationDomainController = settings.get("ConfigurationDomainController")
        self.RecipientViewRoot = settings.get("RecipientViewRoot") or domain
        self.ViewEntireForest = bool(settings.get("ViewEntireForest"))


@cmdlet(_exchange_metadata("Get-AdServerSettings", [], "Shows the Active Directory scope of this session."))
class GetAdServerSettings(Cmdlet):
    def process(self) -> None:
        runspace = self.runtime.runspace
        org = runspace.org
        self.write_object(RunspaceServerSettings(runspace.runspace_id, org.domain_controller, org.domain_name,
                                                 ems_session(runspace).ad_settings))  # fmt: skip


@cmdlet(CommandMetadata("Connect-ExchangeServer", [
    parameter("ServerFqdn", "String", position=0),
    parameter("Auto", "SwitchParameter"),
    parameter("Prompt", "SwitchParameter"),
    parameter("UserName", "String"),
    parameter("Forest", "String"),
    parameter("Credential", "PSCredential"),
    parameter("ClientApplication", "String"),
    parameter("AllowRedirection", "SwitchParameter"),
], kind="Function", add_common_parameters=False,
   synopsis="RemoteExchange.ps1's connect function: EMS is already connected, so it only says so."))  # fmt: skip
class ConnectExchangeServer(Cmdlet):
    def process(self) -> None:
        org = self.runtime.runspace.org
        target = self.params.get("ServerFqdn")
        fqdn = org.local_server_fqdn
        if target:
            server = org.server(to_string(target).split(".", 1)[0])
            fqdn = server_fqdn(server) if server is not None else to_string(target)
        # What EMS prints while it starts (ems-behaviour.md section 5).
        self.host.write_verbose(f"Connecting to {fqdn}.")
        self.host.write_verbose(f"Connected to {fqdn}.")


def server_fqdn(server: Any) -> str:
    return str(getattr(server, "Fqdn", None) or getattr(server, "Name", ""))


# =========================================================================== transcripts

TRANSCRIPT_HOST = "Microsoft.PowerShell.Host"


def _transcript_meta(name: str, params: list, synopsis: str, **kwargs: Any) -> CommandMetadata:
    return CommandMetadata(name, params, module=TRANSCRIPT_HOST, version="3.0.0.0",
                           implementing_type=command_type(name), synopsis=synopsis, **kwargs)  # fmt: skip


@cmdlet(_transcript_meta("Start-Transcript", [
    parameter("Path", "String", position=0, sets=("ByPath",)),
    parameter("LiteralPath", "String", sets=("ByLiteralPath",), aliases=("PSPath",)),
    parameter("OutputDirectory", "String", sets=("ByOutputDirectory",)),
    parameter("Append", "SwitchParameter"),
    parameter("Force", "SwitchParameter"),
    parameter("NoClobber", "SwitchParameter", aliases=("NoOverwrite",)),
    parameter("IncludeInvocationHeader", "SwitchParameter"),
], "Records what the console shows in a file, until Stop-Transcript.", default_parameter_set="ByPath",
   supports_should_process=True))  # fmt: skip
class StartTranscript(Cmdlet):
    def process(self) -> None:
        from emshell.transcript import Transcript, timestamp

        runspace = self.runtime.runspace
        drive = Drive(runspace.sandbox)
        path = self.params.get("LiteralPath") or self.params.get("Path")
        if not path:
            folder = self.params.get("OutputDirectory") or "C:\\Users\\Administrator\\Documents"
            machine = self.session.get_env("COMPUTERNAME") or "localhost"
            tag = _random_name(runspace.new_guid())
            path = f"{folder.rstrip(chr(92))}\\PowerShell_transcript.{machine}.{tag}.{timestamp(runspace.now())}.txt"
        try:
            full = drive.full_path(path)
            host_file = drive.host_path(full)
        except PSError as error:
            raise refused(error, "CannotStartTranscription", "Start-Transcript") from None
        if self.params.get("NoClobber") and host_file.exists():
            raise PSError(new_error(
                "PSInvalidOperationException", f"File {full} already exists and NoClobber was specified.",
                f"NoClobber,{command_type('Start-Transcript')}", "ResourceExists", full, activity="Start-Transcript",
            ))  # fmt: skip
        if not self.should_process(full, "Start-Transcript"):
            return
        try:
            if host_file.is_dir():
                raise IsADirectoryError(f"Access to the path '{full}' is denied.")
            host_file.parent.mkdir(parents=True, exist_ok=True)
            transcript = Transcript(host_file, runspace, append=bool(self.params.get("Append")), windows_path=full)
        except OSError as error:  # a folder, or a file where a folder should be
            message = error.args[0] if isinstance(error, IsADirectoryError) and error.args else \
                f"Access to the path '{full}' is denied."  # fmt: skip
            raise PSError(new_error(
                "UnauthorizedAccessException", message, f"CannotStartTranscription,{command_type('Start-Transcript')}",
                "InvalidOperation", full, activity="Start-Transcript",
            )) from None  # fmt: skip
        ems_session(runspace).transcripts.append(transcript)
        self.host.transcripts.append(transcript)
        self.write_object(f"Transcript started, output file is {full}")


def _random_name(guid: str) -> str:
    """Eight letters and digits, like the random part of 5.1's default transcript name."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    value = int(guid.replace("-", ""), 16)
    chars = []
    for _ in range(8):
        value, index = divmod(value, len(alphabet))
        chars.append(alphabet[index])
    return "".join(chars)


@cmdlet(_transcript_meta("Stop-Transcript", [], "Stops the transcript Start-Transcript began."))
class StopTranscript(Cmdlet):
    def process(self) -> None:
        runspace = self.runtime.runspace
        started = ems_session(runspace).transcripts
        if not started:
            raise PSError(new_error(
                "PSInvalidOperationException",
                "An error occurred stopping transcription: The host is not currently transcribing.",
                f"InvalidOperation,{command_type('Stop-Transcript')}", "InvalidOperation",
                activity="Stop-Transcript",
            ))  # fmt: skip
        transcript = started.pop()
        transcript.stop()
        self.host.transcripts[:] = [t for t in self.host.transcripts if t is not transcript]
        self.write_object(f"Transcript stopped, output file is {transcript.windows_path}")


def stop_all_transcripts(runspace: Any) -> None:
    """What happens when the shell exits: every transcript still open gets its footer."""
    state = runspace.extensions.get("ems.session")
    while state is not None and state.transcripts:
        transcript = state.transcripts.pop()
        transcript.stop()
        runspace.host.transcripts[:] = [t for t in runspace.host.transcripts if t is not transcript]


# =========================================================================== views


def _register_views() -> None:
    from emshell.formatting import views
    from emshell.formatting.values import ALIGN_RIGHT

    if any(view.name == "PSSession" for view in views.VIEWS):
        return
    views.VIEWS.append(views.TableView("PSSession", (PSSESSION,), [
        views.TableColumn("Id", width=3, alignment=ALIGN_RIGHT), views.TableColumn("Name", width=15),
        views.TableColumn("ComputerName", width=15), views.TableColumn("ComputerType", width=15),
        views.TableColumn("State", width=13), views.TableColumn("ConfigurationName", width=20),
        views.TableColumn("Availability", width=13, alignment=ALIGN_RIGHT),
    ]))  # fmt: skip
    views.VIEWS.append(views.TableView("Module", (MODULE_INFO,), [
        views.TableColumn("ModuleType", width=10), views.TableColumn("Version", width=10),
        views.TableColumn("Name", width=35),
        views.TableColumn("ExportedCommands", lambda module: list(module.command_names)),
    ]))  # fmt: skip
    views.VIEWS.append(views.ListView("PSSnapInInfo", (SNAPIN_INFO,), [
        ("Name", "Name"), ("PSVersion", "PSVersion"), ("Description", "Description")]))  # fmt: skip


_register_views()
