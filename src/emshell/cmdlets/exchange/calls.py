"""Calls and their records: Get-UMActiveCalls, Get-UMCallDataRecord, Export-UMCallDataRecord and
Get-UMCallSummaryReport.

The organization takes no calls but the test calls of Test-UMConnectivity, and those end before
the cmdlet returns: Get-UMActiveCalls checks what it is asked about and finds no active call;
the call data records and the summary report show the test calls (``emshell.model.calls``).

Export-UMCallDataRecord writes CSV to a .NET stream (-ClientStream).  A stream cannot cross the
remote session EMS runs over, so in EMS the cmdlet serves the Exchange admin center; in
emshell, -ClientStream takes a ``ClientStream`` (the stand-in for a ``System.IO.Stream``) and
anything else fails with the conversion error EMS prints.  (The Stream type is not registered
with the engine: Import-UMPrompt's -PromptFileStream takes file paths, so each cmdlet checks
its own stream parameter.)

Property names: UMCallSummaryReport as Exchange's schema declares them; the call data record's
as the Get-UMCallDataRecord reference lists them (APPROXIMATION: order and type names).
"""

from __future__ import annotations

from emshell.cmdlets.exchange.runtime import ExchangeObject, exchange_cmdlet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet
    from emshell.engine.metadata import CommandMetadata

UM = "Microsoft.Exchange.Management.UM."
CONFIGURABLE = ("Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
CDR_COLUMNS = ("Date", "Duration", "AudioCodec", "DialPlan", "CallType", "CallingNumber", "CalledNumber", "Gateway",
               "NMOS", "NMOSDegradation", "PercentPacketLoss", "Jitter", "RoundTripMilliseconds",
               "BurstLossDurationMilliseconds")  # fmt: skip


# --------------------------------------------------------------------------- parameter types


class ClientStream:
    """A writable stream for Export-UMCallDataRecord -ClientStream (stands for a .NET
    ``System.IO.Stream``; tests and hosts hand one to the shell as a variable)."""

    __slots__ = ("data",)
    PS_TYPE_NAMES = ("System.IO.MemoryStream", "System.IO.Stream", "System.MarshalByRefObject", "System.Object")
    PS_PROPERTIES = ("CanRead", "CanSeek", "CanWrite", "Length", "Position")
    CanRead = CanSeek = CanWrite = True

    def __init__(self) -> None:
        self.data = bytearray()

    @property
    def Length(self) -> int:
        return len(self.data)

    Position = Length

    def write(self, data: bytes) -> None:
        self.data.extend(data)

    def text(self) -> str:
        return self.data.decode("utf-8")

    def ToString(self) -> str:
        return "System.IO.MemoryStream"

    __str__ = ToString


def _ex_date_time(value: Any, ctx: Any) -> Any:
    """ExDateTime: what a DateTime parameter takes (``-Date 02/01/12`` is February 1, 2012)."""
    from emshell.engine.conversion import ConversionError, convert_to

    if value is None:
        return None
    try:
        return convert_to(value, "System.DateTime", ctx)
    except ConversionError:
        # ExDateTime parses the text itself: its own error, not DateTime's conversion message
        raise ValueError("String was not recognized as a valid DateTime.") from None


def _register_types() -> None:
    from emshell.engine.types import PSType, register_type, resolve_type

    if resolve_type("Microsoft.Exchange.ExchangeSystem.ExDateTime") is None:
        register_type(PSType("Microsoft.Exchange.ExchangeSystem.ExDateTime", converter=_ex_date_time,
                             value_type=True), "ExDateTime")  # fmt: skip
    if resolve_type("Microsoft.Exchange.Data.Directory.Management.UMServer") is None:
        # -InstanceServer takes a UM service object (Get-UMService's), nothing else.
        register_type(PSType("Microsoft.Exchange.Data.Directory.Management.UMServer"), "UMServer")


_register_types()


def _python_date(value: Any) -> Any:
    """A ``datetime.date`` from an engine DateTime (ticks since 0001-01-01)."""
    from datetime import date, timedelta

    return date(1, 1, 1) + timedelta(days=value.ticks // 864_000_000_000)


# --------------------------------------------------------------------------- Get-UMActiveCalls


def _active_calls_metadata() -> CommandMetadata:
    """The reference's metadata; the Server set is the default (a bare ``Get-UMActiveCalls``
    lists the local server's calls, reference Example 1)."""
    from emshell.cmdlets.exchange import exchange_metadata

    metadata = exchange_metadata("Get-UMActiveCalls")
    metadata.default_parameter_set = "Server"
    return metadata


@exchange_cmdlet("Get-UMActiveCalls", metadata=_active_calls_metadata())
def get_um_active_calls(cmd: ExchangeCmdlet, params: dict) -> list:
    if params.get("DialPlan") is not None:
        cmd.resolve("dialPlan", params["DialPlan"])
    elif params.get("IPGateway") is not None:
        cmd.resolve("ipGateway", params["IPGateway"])
    elif params.get("InstanceServer") is not None:
        cmd.resolve("umService", params["InstanceServer"].get_property("Identity"))
    else:
        server = params.get("Server")
        cmd.resolve("umService", server if server is not None else cmd.org.local_server_name)
    return []  # test calls end before Test-UMConnectivity returns: nothing is ever in progress


# --------------------------------------------------------------------------- call data records


def _record_object(cmd: ExchangeCmdlet, record: Any) -> ExchangeObject:
    from emshell.model.values import EnhancedTimeSpan

    utc = cmd.org.settings.to_utc(record.when)
    values = {
        "Date": utc, "Duration": EnhancedTimeSpan.from_parts(seconds=record.duration_seconds),
        "AudioCodec": record.audio_codec, "DialPlan": record.dial_plan, "CallType": record.call_type,
        "CallingNumber": record.calling_number, "CalledNumber": record.called_number, "Gateway": record.gateway,
    }  # fmt: skip
    pairs = [("RunspaceId", cmd.runtime.runspace.runspace_id)] + [(name, values.get(name)) for name in CDR_COLUMNS]
    return ExchangeObject(pairs, (UM + "UMCallDataRecord", *CONFIGURABLE), f"{utc}")


@exchange_cmdlet("Get-UMCallDataRecord")
def get_um_call_data_record(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES
    from emshell.model import DomainRuleError
    from emshell.model.calls import records_for

    mailbox = cmd.resolve("mailbox", params["Mailbox"])
    if not mailbox.UMEnabled:
        raise DomainRuleError(SERVER_MESSAGES["NotUMEnabled"].format(mailbox.Identity), target=mailbox.Name,
                              error_id="MailboxNotUMEnabled")  # fmt: skip
    return [_record_object(cmd, r) for r in records_for(cmd.org, mailbox=mailbox)]


def _filters(cmd: ExchangeCmdlet, params: dict) -> dict[str, Any]:
    dial_plan = params.get("UMDialPlan")
    gateway = params.get("UMIPGateway")
    return {
        "dial_plan": cmd.resolve("dialPlan", dial_plan) if dial_plan is not None else None,
        "gateway": cmd.resolve("ipGateway", gateway) if gateway is not None else None,
    }


@exchange_cmdlet("Export-UMCallDataRecord")
def export_um_call_data_record(cmd: ExchangeCmdlet, params: dict) -> None:
    from emshell.model.calls import records_for

    stream = _client_stream(cmd, params["ClientStream"])
    filters = _filters(cmd, params)
    day = _python_date(params["Date"])
    target = f"{day.month}/{day.day}/{day.year}"
    for chosen in (filters["gateway"], filters["dial_plan"]):
        if chosen is not None:
            target = f"{chosen.Name}, {target}"
    if not cmd.should_process(target):
        return
    lines = [",".join(CDR_COLUMNS)]
    for record in records_for(cmd.org, day=day, **filters):
        row = _record_object(cmd, record)
        lines.append(",".join(_csv(row.get_property(name)) for name in CDR_COLUMNS))
    stream.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def _client_stream(cmd: ExchangeCmdlet, value: Any) -> Any:
    """-ClientStream must be a stream: anything else fails as the server's binding fails."""
    from emshell.engine.errors import SMA, ErrorRecord, NetException, PSError
    from emshell.engine.primitives import dotnet_to_string
    from emshell.engine.psobject import type_names_of

    if isinstance(value, ClientStream):
        return value
    names = type_names_of(value)
    message = (f"Cannot process argument transformation on parameter 'ClientStream'. Cannot convert the "
               f'"{dotnet_to_string(value)}" value of type "{names[0] if names else "System.Object"}" to type '
               f'"System.IO.Stream".')  # fmt: skip
    record = ErrorRecord(NetException(SMA + "ParameterBindingArgumentTransformationException", message),
                         "ParameterArgumentTransformationError,Export-UMCallDataRecord", "InvalidData",
                         activity="Export-UMCallDataRecord", remote_computer=cmd.org.local_server_fqdn.lower())  # fmt: skip
    raise PSError(record)


def _csv(value: Any) -> str:
    from emshell.formatting.values import display_string

    text = "" if value is None else display_string(value)
    return f'"{text}"' if any(c in text for c in ',"\r\n') else text


# --------------------------------------------------------------------------- the summary report


@exchange_cmdlet("Get-UMCallSummaryReport")
def get_um_call_summary_report(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.model.calls import COUNTER_NAMES, summarize

    filters = _filters(cmd, params)
    # Exchange leaves the names empty when no dial plan or gateway is chosen.
    dial_plan = filters["dial_plan"].Name if filters["dial_plan"] is not None else ""
    gateway = filters["gateway"].Name if filters["gateway"] is not None else ""
    rows = []
    for row in summarize(cmd.org, str(params["GroupBy"]), **filters):
        pairs = [("RunspaceId", cmd.runtime.runspace.runspace_id), ("Date", row.date), ("UMDialPlanName", dial_plan),
                 ("UMIPGatewayName", gateway)]  # fmt: skip
        pairs += [(name, row.counts[name]) for name in COUNTER_NAMES]
        pairs += [("TotalAudioQualityCallsSampled", 0), ("NMOS", None), ("NMOSDegradation", None),
                  ("PercentPacketLoss", None), ("Jitter", None), ("RoundTripMilliseconds", None),
                  ("BurstLossDurationMilliseconds", None)]  # fmt: skip
        rows.append(ExchangeObject(pairs, (UM + "UMCallSummaryReport", *CONFIGURABLE), row.date))
    return rows
