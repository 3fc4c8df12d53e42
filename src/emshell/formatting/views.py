"""The view database: which columns a type shows by default, keyed by full .NET type name.

Windows PowerShell reads its views from *.format.ps1xml files; EMS adds Exchange's own file
(exported by the server into the implicit-remoting module).  Views are matched on an object's
type chain, most derived name first, and on the name without the ``Deserialized.`` prefix that
remoting adds.  A type with no view gets a generated one (see ``generator``).

Sources:
* PowerShell's own views (DotNetTypes.format.ps1xml, PowerShellCore.format.ps1xml), as
  Windows PowerShell 5.1 ships them: ServiceController, DictionaryEntry, DateTime.
* Exchange: ``Exchange.format.ps1xml`` is not public.  Mailbox and MailboxDatabase follow
  widely seen EMS output (the MailboxDatabase widths are measured from a captured
  Exchange 2016 table, ems-behaviour.md section 4.1).  Every other Exchange table below,
  the UM ones in particular, is an APPROXIMATION chosen for this emulator: Name plus a few
  key properties.  Each is marked ``approximate=True``.
"""

from __future__ import annotations

from emshell.formatting.values import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    ALIGN_UNDEFINED,
    read_property,
    undeserialized,
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


class TableColumn:
    """One column: header label, the value (a property name or a function of the object),
    width in characters (0: let the formatter size it) and alignment."""

    __slots__ = ("label", "value", "width", "alignment")

    def __init__(self, label: str, value: str | Callable[[Any], Any] | None = None, width: int = 0,
                 alignment: int = ALIGN_UNDEFINED):  # fmt: skip
        self.label = label
        self.value = label if value is None else value
        self.width = width
        self.alignment = alignment


class View:
    """A named view of one shape for a set of type names."""

    shape = ""

    def __init__(self, name: str, type_names: tuple[str, ...], *, approximate: bool = False):
        self.name = name
        self.type_names = type_names
        self.approximate = approximate


class TableView(View):
    """``group_by`` names the property whose changes start a new group (the view's
    ``GroupBy``, shown as ``   Name: value``); ``autosize`` sizes the columns from the data."""

    shape = "table"

    def __init__(self, name: str, type_names: tuple[str, ...], columns: list[TableColumn], *,
                 approximate: bool = False, group_by: str | None = None, autosize: bool = False):  # fmt: skip
        super().__init__(name, type_names, approximate=approximate)
        self.columns = columns
        self.group_by = group_by
        self.autosize = autosize


class ListView(View):
    shape = "list"

    def __init__(self, name: str, type_names: tuple[str, ...], items: list[tuple[str, Any]], *,
                 approximate: bool = False):  # fmt: skip
        super().__init__(name, type_names, approximate=approximate)
        self.items = items  # (label, property name or function)


class WideView(View):
    shape = "wide"

    def __init__(self, name: str, type_names: tuple[str, ...], value: Any):
        super().__init__(name, type_names)
        self.value = value


class CustomView(View):
    """A custom control: ``render(obj)`` gives the text, word-wrapped by the writer, or a
    list of ``(left indent, text)`` paragraphs (the control's frames)."""

    shape = "complex"

    def __init__(self, name: str, type_names: tuple[str, ...], render: Callable[[Any], str]):
        super().__init__(name, type_names)
        self.render = render


def column_value(obj: Any, value: str | Callable[[Any], Any]) -> Any:
    """A view column's value for ``obj``."""
    if callable(value):
        try:
            return value(obj)
        except Exception:  # a failing column shows empty, as a failing script block does
            return None
    return read_property(obj, value)


# --------------------------------------------------------------------------- PowerShell views


def _long_datetime(dt: Any) -> str:
    """The DateTime view shows the ``DateTime`` script property: long date and long time,
    or one of them per ``DisplayHint`` (Get-Date -DisplayHint)."""
    hint = str(getattr(dt, "DisplayHint", "DateTime") or "DateTime").lower()
    fmt = getattr(dt, "ps_format", None)
    if fmt is not None:
        date, time = fmt("D"), fmt("T")
    else:  # a bare datetime.datetime
        date = dt.strftime("%A, %B ") + f"{dt.day}, {dt.year}"
        time = f"{dt.hour % 12 or 12}:{dt.minute:02d}:{dt.second:02d} {'AM' if dt.hour < 12 else 'PM'}"
    if hint == "date":
        return date
    if hint == "time":
        return time
    return f"{date} {time}"


def _command_name(info: Any) -> Any:
    """The CommandInfo table's Name column: an alias shows ``gci -> Get-ChildItem``."""
    if str(read_property(info, "CommandType")) == "Alias":
        return read_property(info, "DisplayName")
    return read_property(info, "Name")


def _help_paragraphs(help_info: Any) -> Any:
    """Help objects lay themselves out (``emshell.help.render``): 5.1's help views are
    custom controls whose frames become indented paragraphs."""
    render = getattr(help_info, "help_paragraphs", None)
    return render() if render is not None else str(help_info)


SMA = "System.Management.Automation."
COMMAND_INFO_TYPES = tuple(SMA + kind for kind in ("AliasInfo", "ApplicationInfo", "CmdletInfo", "ExternalScriptInfo",
                                                   "FilterInfo", "FunctionInfo", "ScriptInfo"))  # fmt: skip
MEMBER_DEFINITION = "Microsoft.PowerShell.Commands.MemberDefinition"
HELP_INFO_SHORT = "HelpInfoShort"
COMMAND_HELP_TYPES = ("MamlCommandHelpInfo", "MamlCommandHelpInfo#parameter")
SERVICE = "System.ServiceProcess.ServiceController"
DICTIONARY_ENTRY = "System.Collections.DictionaryEntry"
DATETIME = "System.DateTime"

# Exchange presentation types (the UM model uses the same names in PS_TYPE_NAMES).
EX_DIRECTORY = "Microsoft.Exchange.Data.Directory."
UM_SERVER = EX_DIRECTORY + "Management.UMServer"
UM_MAILBOX = EX_DIRECTORY + "Management.UMMailbox"
MAILBOX = EX_DIRECTORY + "Management.Mailbox"
EXCHANGE_SERVER = EX_DIRECTORY + "Management.ExchangeServer"
SIPFE_CONFIGURATION = EX_DIRECTORY + "SystemConfiguration.SIPFEServerConfiguration"
UM_DIAL_PLAN = EX_DIRECTORY + "SystemConfiguration.UMDialPlan"
UM_IP_GATEWAY = EX_DIRECTORY + "SystemConfiguration.UMIPGateway"
UM_HUNT_GROUP = EX_DIRECTORY + "SystemConfiguration.UMHuntGroup"
UM_MAILBOX_POLICY = EX_DIRECTORY + "SystemConfiguration.UMMailboxPolicy"
UM_AUTO_ATTENDANT = EX_DIRECTORY + "SystemConfiguration.UMAutoAttendant"
MAILBOX_DATABASE = EX_DIRECTORY + "SystemConfiguration.MailboxDatabase"
UM_CALL_ANSWERING_RULE = "Microsoft.Exchange.Management.UM.UMCallAnsweringRule"
EXCHANGE_CERTIFICATE = "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"

# The Services column of Get-ExchangeCertificate: one letter per service, a dot when absent
# ("IP.WS.." = IMAP, POP, IIS, SMTP).  The last two positions are an approximation.
_CERTIFICATE_SERVICE_LETTERS = (("IMAP", "I"), ("POP", "P"), ("UM", "U"), ("IIS", "W"), ("SMTP", "S"),
                                ("Federation", "F"), ("UMCallRouter", "C"))  # fmt: skip


def certificate_services(cert: Any) -> str:
    services = read_property(cert, "Services")
    if services is None:
        return "......."
    if isinstance(services, (list, tuple)):
        names = {str(s).strip().lower() for s in services}
    else:
        names = {part.strip().lower() for part in str(services).split(",")}
    if len(names) == 1 and len(next(iter(names))) == 7 and "." in next(iter(names)):
        return str(services)  # already in the letter form
    return "".join(letter if name.lower() in names else "." for name, letter in _CERTIFICATE_SERVICE_LETTERS)


def _table(name: str, type_name: str, columns: list[tuple[str, int]] | list[TableColumn], *,
           approximate: bool = True) -> TableView:  # fmt: skip
    cols = [c if isinstance(c, TableColumn) else TableColumn(c[0], width=c[1]) for c in columns]
    return TableView(name, (type_name,), cols, approximate=approximate)


VIEWS: list[View] = [
    # DotNetTypes.format.ps1xml (Windows PowerShell 5.1)
    TableView("service", (SERVICE,), [TableColumn("Status", width=8), TableColumn("Name", width=18),
                                      TableColumn("DisplayName", width=38)]),  # fmt: skip
    ListView("service", (SERVICE,), [(n, n) for n in (
        "Name", "DisplayName", "Status", "DependentServices", "ServicesDependedOn",
        "CanPauseAndContinue", "CanShutdown", "CanStop", "ServiceType")]),  # fmt: skip
    TableView("Dictionary", (DICTIONARY_ENTRY,), [TableColumn("Name", "Key", width=30), TableColumn("Value")]),
    ListView("Dictionary", (DICTIONARY_ENTRY,), [("Name", "Key"), ("Value", "Value")]),
    CustomView("DateTime", (DATETIME,), _long_datetime),
    # PowerShellCore.format.ps1xml: commands (Get-Command, Get-Alias) and Get-Member's members
    TableView("CommandInfo", COMMAND_INFO_TYPES, [
        TableColumn("CommandType", width=15), TableColumn("Name", _command_name, width=50),
        TableColumn("Version", width=10), TableColumn("Source")]),  # fmt: skip
    ListView(SMA + "CmdletInfo", (SMA + "CmdletInfo",), [(n, n) for n in (
        "Name", "CommandType", "Definition", "Path", "AssemblyInfo", "DLL", "HelpFile", "ParameterSets",
        "ImplementingType", "Verb", "Noun")]),  # fmt: skip
    ListView(SMA + "CommandInfo", (SMA + "FunctionInfo", SMA + "FilterInfo"),
             [(n, n) for n in ("Name", "CommandType", "Definition")]),  # fmt: skip
    ListView(SMA + "AliasInfo", (SMA + "AliasInfo",), [(n, n) for n in (
        "DisplayName", "CommandType", "Definition", "ReferencedCommand", "ResolvedCommand")]),  # fmt: skip
    TableView(MEMBER_DEFINITION, (MEMBER_DEFINITION,), [TableColumn("Name"), TableColumn("MemberType"),
                                                         TableColumn("Definition")],
              group_by="TypeName", autosize=True),  # fmt: skip
    # Help.format.ps1xml: the help listing and the command help views
    TableView("help", (HELP_INFO_SHORT,), [
        TableColumn("Name", width=33, alignment=ALIGN_LEFT), TableColumn("Category", width=9, alignment=ALIGN_LEFT),
        TableColumn("Module", "ModuleName", width=25, alignment=ALIGN_LEFT), TableColumn("Synopsis")]),  # fmt: skip
    CustomView("CommandHelp", COMMAND_HELP_TYPES, _help_paragraphs),
    # Exchange: widely seen EMS layouts
    _table("Mailbox", MAILBOX, [("Name", 25), ("Alias", 20), ("ServerName", 16), ("ProhibitSendQuota", 17)],
           approximate=False),  # fmt: skip
    _table("MailboxDatabase", MAILBOX_DATABASE, [("Name", 30), ("Server", 15), ("Recovery", 15),
                                                 ("ReplicationType", 15)], approximate=False),  # fmt: skip
    # Exchange: APPROXIMATIONS (the real Exchange.format.ps1xml is not public)
    _table("ExchangeServer", EXCHANGE_SERVER, [("Name", 20), ("Site", 20), ("ServerRole", 15),
                                               ("Edition", 16), ("AdminDisplayVersion", 20)]),  # fmt: skip
    _table("ExchangeCertificate", EXCHANGE_CERTIFICATE, [
        TableColumn("Thumbprint", width=41), TableColumn("Services", certificate_services, width=10),
        TableColumn("Subject")]),  # fmt: skip
    _table("UMServer", UM_SERVER, [("Name", 25), ("Status", 10), ("UMStartupMode", 13), ("DialPlans", 40)]),
    _table("UMCallRouterSettings", SIPFE_CONFIGURATION, [
        TableColumn("Name", width=25), TableColumn("UMStartupMode", width=13),
        TableColumn("SipTcpListeningPort", width=19, alignment=ALIGN_RIGHT),
        TableColumn("SipTlsListeningPort", width=19, alignment=ALIGN_RIGHT)]),  # fmt: skip
    _table("UMDialPlan", UM_DIAL_PLAN, [
        TableColumn("Name", width=25), TableColumn("NumberOfDigitsInExtension", width=25, alignment=ALIGN_RIGHT),
        TableColumn("URIType", width=10), TableColumn("SubscriberType", width=14)]),  # fmt: skip
    _table("UMIPGateway", UM_IP_GATEWAY, [
        TableColumn("Name", width=25), TableColumn("Address", width=30), TableColumn("Status", width=10),
        TableColumn("Port", width=5, alignment=ALIGN_RIGHT)]),  # fmt: skip
    _table("UMHuntGroup", UM_HUNT_GROUP, [("Name", 25), ("PilotIdentifier", 20), ("UMDialPlan", 25),
                                          ("UMIPGateway", 25)]),  # fmt: skip
    _table("UMMailboxPolicy", UM_MAILBOX_POLICY, [
        TableColumn("Name", width=30), TableColumn("UMDialPlan", width=25),
        TableColumn("MinPINLength", width=12, alignment=ALIGN_RIGHT), TableColumn("PINLifetime", width=11)]),
    _table("UMAutoAttendant", UM_AUTO_ATTENDANT, [("Name", 25), ("Status", 10), ("PilotIdentifierList", 25),
                                                  ("UMDialPlan", 25)]),  # fmt: skip
    _table("UMCallAnsweringRule", UM_CALL_ANSWERING_RULE, [
        TableColumn("Name", width=30), TableColumn("Priority", width=8, alignment=ALIGN_RIGHT),
        TableColumn("Enabled", width=7, alignment=ALIGN_LEFT)]),  # fmt: skip
    _table("UMMailbox", UM_MAILBOX, [("Name", 25), ("UMEnabled", 9), ("Extensions", 20), ("UMDialPlan", 25),
                                     ("UMMailboxPolicy", 30)]),  # fmt: skip
    _table("UMMailboxPin", "Microsoft.Exchange.Management.UM.UMMailboxPin", [
        ("UserID", 30), ("PinExpired", 10), ("FirstLogonCompleted", 19), ("LockedOut", 9)]),
    # servers and call data (Get-MailboxServer, Get-ClientAccessService, Get-UMCallDataRecord)
    _table("MailboxServer", EX_DIRECTORY + "Management.MailboxServer", [("Name", 20),
                                                                        ("DatabaseAvailabilityGroup", 25)]),  # fmt: skip
    _table("ClientAccessServer", EX_DIRECTORY + "Management.ClientAccessServer", [
        ("Name", 20), ("OutlookAnywhereEnabled", 22), ("AutoDiscoverServiceInternalUri", 60)]),  # fmt: skip
    _table("ClientAccessService", EX_DIRECTORY + "Management.ClientAccessService", [
        ("Name", 20), ("OutlookAnywhereEnabled", 22), ("AutoDiscoverServiceInternalUri", 60)]),  # fmt: skip
    _table("UMCallDataRecord", "Microsoft.Exchange.Management.UM.UMCallDataRecord", [
        ("Date", 22), ("Duration", 10), ("CallType", 20), ("CallingNumber", 30), ("CalledNumber", 25)]),  # fmt: skip
    _table("ReducedRecipient", EX_DIRECTORY + "Management.ReducedRecipient", [("Name", 59), ("RecipientType", 0)]),
    _table("User", EX_DIRECTORY + "Management.User", [("Name", 59), ("RecipientType", 0)]),
]


def _match_index(chain: tuple[str, ...], view: View) -> int:
    for index, name in enumerate(chain):
        if name in view.type_names:
            return index
    return -1


def find_view(type_names: tuple[str, ...], shape: str | None = None, name: str | None = None) -> View | None:
    """The view for an object's type chain: the one matching the most derived type name,
    first in database order on ties (``DisplayDataQuery.GetViewByShapeAndType``); a
    ``Deserialized.`` chain is tried as it is, then without the prefix."""
    for chain in (tuple(type_names), tuple(undeserialized(n) for n in type_names)):
        best: View | None = None
        best_index = len(chain)
        for view in VIEWS:
            if shape is not None and view.shape != shape:
                continue
            if name is not None and view.name.lower() != name.lower():
                continue
            index = _match_index(chain, view)
            if 0 <= index < best_index:
                best, best_index = view, index
        if best is not None:
            return best
    return None


def view_applies(view: View, type_names: tuple[str, ...]) -> bool:
    """``ViewGenerator.IsObjectApplicable`` for a database view."""
    if _match_index(tuple(type_names), view) >= 0:
        return True
    return _match_index(tuple(undeserialized(n) for n in type_names), view) >= 0

