"""Commands emshell declares only to refuse: they would start programs, reach the network or
load code on the machine that runs the emulator.

Each is declared with Windows PowerShell 5.1's parameters, so a script binds exactly as it
would on the server (a typo or a missing mandatory parameter gets the usual binding error);
then, instead of acting, the command stops with a PermissionDenied error that says why.
``& program.exe`` and ``cmd /c`` are refused by the runspace the same way
(``Runspace.external_program_refused``).
"""

from __future__ import annotations

from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import new_error
from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo, parameter

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

COMMANDS = "Microsoft.PowerShell.Commands."
PROGRAMS = "does not start programs on this computer"
NETWORK = "does not reach the network"
CODE = "does not compile or load code"

_WEB_METHODS = ("Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch")
_WINDOW_STYLES = ("Normal", "Hidden", "Minimized", "Maximized")


def _meta(name: str, module: str, params: list, *, synopsis: str, **kwargs: Any) -> CommandMetadata:
    kind = kwargs.pop("kind", "Cmdlet")
    implementing = COMMANDS + name.replace("-", "") + "Command" if kind == "Cmdlet" else ""
    return CommandMetadata(name, params, module=module, version="3.1.0.0", implementing_type=implementing,
                           synopsis=synopsis, kind=kind, **kwargs)  # fmt: skip


def _in_sets(name: str, type_name: str, sets: dict[str, int | None], *, mandatory: bool = False,
             **kwargs: Any) -> ParameterMetadata:  # fmt: skip
    """A parameter in several sets: ``sets`` maps each set to the parameter's position in it."""
    infos = {set_name: ParameterSetInfo(set_name, position, mandatory) for set_name, position in sets.items()}
    return ParameterMetadata(name, type_name, sets=infos, **kwargs)


class RefusedCommand(Cmdlet):
    """Binds like the real command, then refuses to act."""

    reason = PROGRAMS
    error_id = "ExternalProgramRefused"
    target_parameter = ""  # the bound parameter the error names as its target

    def process(self) -> None:
        target = self.params.get(self.target_parameter) if self.target_parameter else None
        if isinstance(target, list):
            target = target[0] if len(target) == 1 else None
        self.throw_terminating_error(new_error(
            "InvalidOperationException",
            f"This command cannot be run here: emshell emulates the Exchange Management Shell and {self.reason}.",
            self.error_id, "PermissionDenied", target,
        ))  # fmt: skip


class _NetworkCommand(RefusedCommand):
    reason = NETWORK
    error_id = "NetworkAccessRefused"


# =========================================================================== programs


@cmdlet(_meta("Start-Process", "Microsoft.PowerShell.Management", [
    _in_sets("FilePath", "String", {"Default": 0, "UseShellExecute": 0}, mandatory=True, aliases=("PSPath",)),
    _in_sets("ArgumentList", "String[]", {"Default": 1, "UseShellExecute": 1}, aliases=("Args",)),
    parameter("Credential", "PSCredential", sets=("Default",), aliases=("RunAs",)),
    parameter("WorkingDirectory", "String"),
    parameter("LoadUserProfile", "SwitchParameter", sets=("Default",), aliases=("Lup",)),
    parameter("NoNewWindow", "SwitchParameter", sets=("Default",), aliases=("nnw",)),
    parameter("PassThru", "SwitchParameter"),
    parameter("RedirectStandardError", "String", sets=("Default",), aliases=("RSE",)),
    parameter("RedirectStandardInput", "String", sets=("Default",), aliases=("RSI",)),
    parameter("RedirectStandardOutput", "String", sets=("Default",), aliases=("RSO",)),
    parameter("Verb", "String", sets=("UseShellExecute",)),
    parameter("WindowStyle", "ProcessWindowStyle", accepted_values=_WINDOW_STYLES),
    parameter("Wait", "SwitchParameter"),
    parameter("UseNewEnvironment", "SwitchParameter", sets=("Default",)),
], default_parameter_set="Default", synopsis="Starts one or more processes (refused: emshell starts no programs)."))  # fmt: skip
class StartProcess(RefusedCommand):
    target_parameter = "FilePath"


@cmdlet(_meta("Invoke-Item", "Microsoft.PowerShell.Management", [
    parameter("Path", "String[]", position=0, mandatory=True, pipeline=True, by_property_name=True, sets=("Path",)),
    parameter("LiteralPath", "String[]", mandatory=True, by_property_name=True, sets=("LiteralPath",),
              aliases=("PSPath",)),
    parameter("Filter", "String"),
    parameter("Include", "String[]"),
    parameter("Exclude", "String[]"),
    parameter("Credential", "PSCredential", by_property_name=True),
], default_parameter_set="Path", supports_should_process=True,
   synopsis="Opens a file with its default program (refused: emshell starts no programs)."))  # fmt: skip
class InvokeItem(RefusedCommand):
    target_parameter = "Path"


# =========================================================================== network


def _web_parameters(*, basic_parsing: bool = True) -> list:
    return [
        *([parameter("UseBasicParsing", "SwitchParameter")] if basic_parsing else []),
        parameter("Uri", "Uri", position=0, mandatory=True),
        parameter("WebSession", "WebRequestSession"),
        parameter("SessionVariable", "String", aliases=("SV",)),
        parameter("Credential", "PSCredential"),
        parameter("UseDefaultCredentials", "SwitchParameter"),
        parameter("CertificateThumbprint", "String"),
        parameter("Certificate", "X509Certificate"),
        parameter("UserAgent", "String"),
        parameter("DisableKeepAlive", "SwitchParameter"),
        parameter("TimeoutSec", "Int32"),
        parameter("Headers", "IDictionary"),
        parameter("MaximumRedirection", "Int32"),
        parameter("Method", "WebRequestMethod", accepted_values=_WEB_METHODS),
        parameter("Proxy", "Uri"),
        parameter("ProxyCredential", "PSCredential"),
        parameter("ProxyUseDefaultCredentials", "SwitchParameter"),
        parameter("Body", "Object", pipeline=True),
        parameter("ContentType", "String"),
        parameter("TransferEncoding", "String", accepted_values=("chunked", "compress", "deflate", "gzip", "identity")),
        parameter("InFile", "String"),
        parameter("OutFile", "String"),
        parameter("PassThru", "SwitchParameter"),
    ]


@cmdlet(_meta("Invoke-WebRequest", "Microsoft.PowerShell.Utility", _web_parameters(),
              synopsis="Gets content from a web page (refused: emshell does not reach the network)."))  # fmt: skip
class InvokeWebRequest(_NetworkCommand):
    target_parameter = "Uri"


@cmdlet(_meta("Invoke-RestMethod", "Microsoft.PowerShell.Utility", _web_parameters(),
              synopsis="Sends a request to a REST web service (refused: emshell does not reach the network)."))  # fmt: skip
class InvokeRestMethod(_NetworkCommand):
    target_parameter = "Uri"


@cmdlet(_meta("Send-MailMessage", "Microsoft.PowerShell.Utility", [
    parameter("Attachments", "String[]", pipeline=True, aliases=("PsPath",)),
    parameter("Bcc", "String[]"),
    parameter("Body", "String", position=2),
    parameter("BodyAsHtml", "SwitchParameter", aliases=("BAH",)),
    parameter("Encoding", "Encoding", aliases=("BE",)),
    parameter("Cc", "String[]"),
    parameter("DeliveryNotificationOption", "DeliveryNotificationOptions", aliases=("DNO",),
              accepted_values=("None", "OnSuccess", "OnFailure", "Delay", "Never")),
    parameter("From", "String", mandatory=True),
    parameter("SmtpServer", "String", position=3, aliases=("ComputerName",)),
    parameter("Priority", "MailPriority", accepted_values=("Normal", "Low", "High")),
    parameter("Subject", "String", position=1, mandatory=True, aliases=("sub",)),
    parameter("To", "String[]", position=0, mandatory=True),
    parameter("Credential", "PSCredential"),
    parameter("UseSsl", "SwitchParameter"),
    parameter("Port", "Int32"),
], synopsis="Sends an e-mail message (refused: emshell does not reach the network)."))  # fmt: skip
class SendMailMessage(_NetworkCommand):
    target_parameter = "SmtpServer"


@cmdlet(_meta("Test-Connection", "Microsoft.PowerShell.Management", [
    parameter("AsJob", "SwitchParameter", sets=("Default", "Source")),
    parameter("Authentication", "AuthenticationLevel"),
    parameter("BufferSize", "Int32", aliases=("Size", "Bytes", "BS")),
    _in_sets("ComputerName", "String[]", {"Default": 0, "Source": 0, "Quiet": 0}, mandatory=True,
             aliases=("CN", "IPAddress", "__SERVER", "Server", "Destination")),
    parameter("Count", "Int32"),
    parameter("Credential", "PSCredential", sets=("Source",)),
    parameter("Source", "String[]", position=1, mandatory=True, sets=("Source",), aliases=("FCN", "SRC")),
    parameter("Impersonation", "ImpersonationLevel"),
    parameter("ThrottleLimit", "Int32", sets=("Default", "Source")),
    parameter("TimeToLive", "Int32", aliases=("TTL",)),
    parameter("Delay", "Int32", aliases=("WaitTime",)),
    parameter("Quiet", "SwitchParameter", sets=("Quiet",)),
], default_parameter_set="Default",
   synopsis="Sends ICMP echo requests to computers (refused: emshell does not reach the network)."))  # fmt: skip
class TestConnection(_NetworkCommand):
    target_parameter = "ComputerName"


@cmdlet(_meta("Test-NetConnection", "NetTCPIP", [
    _in_sets("ComputerName", "String", {"ICMP": 0, "CommonTCPPort": 0, "RemotePort": 0, "NetRouteDiagnostics": 0},
             aliases=("RemoteAddress", "cn")),
    parameter("CommonTCPPort", "String", position=1, mandatory=True, sets=("CommonTCPPort",), aliases=("TCP",),
              accepted_values=("HTTP", "RDP", "SMB", "WINRM")),
    parameter("Port", "Int32", mandatory=True, sets=("RemotePort",), aliases=("RemotePort",)),
    parameter("DiagnoseRouting", "SwitchParameter", mandatory=True, sets=("NetRouteDiagnostics",)),
    parameter("ConstrainSourceAddress", "String", sets=("NetRouteDiagnostics",)),
    parameter("ConstrainInterface", "UInt32", sets=("NetRouteDiagnostics",)),
    parameter("TraceRoute", "SwitchParameter", sets=("ICMP",)),
    parameter("Hops", "Int32", sets=("ICMP",)),
    parameter("InformationLevel", "String", accepted_values=("Detailed", "Quiet")),
], kind="Function", default_parameter_set="ICMP",
   synopsis="Tests a network connection (refused: emshell does not reach the network)."))  # fmt: skip
class TestNetConnection(_NetworkCommand):
    target_parameter = "ComputerName"


# =========================================================================== code


_SOURCES = ("FromSource", "FromMember")
_COMPILED = ("FromSource", "FromMember", "FromPath", "FromLiteralPath")


@cmdlet(_meta("Add-Type", "Microsoft.PowerShell.Utility", [
    parameter("TypeDefinition", "String", position=0, mandatory=True, sets=("FromSource",)),
    parameter("Name", "String", position=0, mandatory=True, sets=("FromMember",)),
    parameter("MemberDefinition", "String[]", position=1, mandatory=True, sets=("FromMember",)),
    parameter("Namespace", "String", sets=("FromMember",), aliases=("NS",), allow_null=True),
    parameter("UsingNamespace", "String[]", sets=("FromMember",), aliases=("Using",)),
    parameter("Path", "String[]", position=0, mandatory=True, sets=("FromPath",)),
    parameter("LiteralPath", "String[]", mandatory=True, sets=("FromLiteralPath",), aliases=("PSPath",)),
    parameter("AssemblyName", "String[]", mandatory=True, sets=("FromAssemblyName",), aliases=("AN",)),
    parameter("Language", "Language", sets=_SOURCES,
              accepted_values=("CSharp", "CSharpVersion3", "CSharpVersion2", "VisualBasic", "JScript")),
    parameter("ReferencedAssemblies", "String[]", sets=_COMPILED, aliases=("RA",)),
    parameter("CodeDomProvider", "CodeDomProvider", sets=_SOURCES, aliases=("Provider",)),
    parameter("CompilerParameters", "CompilerParameters", sets=_COMPILED, aliases=("CP",)),
    parameter("OutputAssembly", "String", sets=_COMPILED, aliases=("OA",)),
    parameter("OutputType", "OutputAssemblyType", sets=_COMPILED, aliases=("OT",),
              accepted_values=("ConsoleApplication", "Library", "WindowsApplication")),
    parameter("PassThru", "SwitchParameter"),
    parameter("IgnoreWarnings", "SwitchParameter"),
], default_parameter_set="FromSource",
   synopsis="Adds a .NET type to the session (refused: emshell does not compile or load code)."))  # fmt: skip
class AddType(RefusedCommand):
    reason = CODE
    error_id = "CodeLoadingRefused"
