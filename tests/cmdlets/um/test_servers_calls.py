"""Calls and call data: Get-UMActiveCalls, Get-UMCallDataRecord, Export-UMCallDataRecord and
Get-UMCallSummaryReport.  The built-in organization has taken no call; the test calls of
Test-UMConnectivity are its only calls, and none is ever in progress."""

from __future__ import annotations

import pytest
from servers_support import UM_TASKS, binding_error, error_of, not_found, rule_error, unchanged, values

from emshell import Shell
from emshell.cmdlets.exchange.calls import ClientStream

TONY_LOGON = "Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 5643892 -TUILogon $true"
KIM_LOGON = "Test-UMConnectivity -UMDialPlan MySIPDialPlan -Phone 23456 -PIN 246810 -TUILogon $true"  # fails: TCP
COUNTERS = ("Date", "UMDialPlanName", "SubscriberAccess", "OtherCalls", "FailedOrRejectedCalls", "TotalCalls")


@pytest.fixture
def shell() -> Shell:
    return Shell()


@pytest.fixture
def called(shell: Shell) -> Shell:
    """The built-in org after three test calls: Tony's logon, a failed call into MySIPDialPlan
    and a local loop."""
    for command in (TONY_LOGON, KIM_LOGON, "Test-UMConnectivity"):
        assert shell.run(command).ok
    return shell


# --------------------------------------------------------------------------- Get-UMActiveCalls


@pytest.mark.parametrize(
    "command",
    ["Get-UMActiveCalls", "Get-UMActiveCalls -Server MyUMServer", "Get-UMActiveCalls -IPGateway MyUMIPGateway",
     "Get-UMActiveCalls -DialPlan MyUMDialPlan", "Get-UMActiveCalls -InstanceServer (Get-UMService MyUMServer2)",
     "Get-UMService | Get-UMActiveCalls"],
)  # fmt: skip
def test_no_call_is_ever_active(called: Shell, command: str) -> None:
    result = called.run(command)
    assert (result.ok, result.output, result.text) == (True, [], "")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMActiveCalls -Server MAIL", not_found("Get-UMActiveCalls", "MAIL", UM_TASKS + "GetUMActiveCalls")),
        ("Get-UMActiveCalls -DialPlan NoSuchPlan",
         not_found("Get-UMActiveCalls", "NoSuchPlan", UM_TASKS + "GetUMActiveCalls")),
        ("Get-UMActiveCalls -InstanceServer MyUMServer",
         binding_error("Get-UMActiveCalls", "Cannot process argument transformation on parameter 'InstanceServer'. "
                       'Cannot convert the "MyUMServer" value of type "System.String" to type '
                       '"Microsoft.Exchange.Data.Directory.Management.UMServer".',
                       "ParameterArgumentTransformationError", "InvalidData", "ParameterBindin...mationException")),
        ("Get-UMActiveCalls -Server MyUMServer -DialPlan MyUMDialPlan",
         binding_error("Get-UMActiveCalls", "Parameter set cannot be resolved using the specified named parameters.",
                       "AmbiguousParameterSet")),
    ],
)  # fmt: skip
def test_get_um_active_calls_errors(shell: Shell, command: str, expected: tuple) -> None:
    assert error_of(unchanged(shell, command)) == expected


# --------------------------------------------------------------------------- Get-UMCallDataRecord


def test_call_data_records_of_a_mailbox(shell: Shell) -> None:
    assert shell.run("Get-UMCallDataRecord -Mailbox tony@contoso.com").output == []
    shell.run(TONY_LOGON)
    rows = values(shell, "Get-UMCallDataRecord -Mailbox tonysmith@contoso.com", "Date", "CallType", "DialPlan",
                  "CallingNumber", "CalledNumber", "Duration", "AudioCodec")  # fmt: skip
    assert rows == [["2023-06-01 18:00:00", "Subscriber Access", "MyUMDialPlan", "sip:MyUMServer1.contoso.com", "51234",
                     "00:00:00", "G711"]]  # fmt: skip
    assert values(shell, "Get-UMCallDataRecord -Mailbox kima", "CallType") == []


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-UMCallDataRecord -Mailbox davidp",
         rule_error("Get-UMCallDataRecord", 'The mailbox "contoso.com/Users/David Pelton" isn\'t enabled for Unified '
                    "Messaging.", "MailboxNotUMEnabled", UM_TASKS + "GetUMCallDataRecord")),
        ("Get-UMCallDataRecord -Mailbox nobody@contoso.com",
         not_found("Get-UMCallDataRecord", "nobody@contoso.com", UM_TASKS + "GetUMCallDataRecord")),
        ("Get-UMCallDataRecord",
         binding_error("Get-UMCallDataRecord", "Cannot process command because of one or more missing mandatory "
                       "parameters: Mailbox.", "MissingMandatoryParameter")),
    ],
)  # fmt: skip
def test_get_um_call_data_record_errors(shell: Shell, command: str, expected: tuple) -> None:
    assert error_of(unchanged(shell, command)) == expected


# --------------------------------------------------------------------------- Get-UMCallSummaryReport


@pytest.mark.parametrize(
    ("command", "rows"),
    [
        ("Get-UMCallSummaryReport -GroupBy Total", [["---", "", "1", "1", "1", "3"]]),
        ("Get-UMCallSummaryReport -GroupBy Month", [["Jun/2023", "", "1", "1", "1", "3"]]),
        ("Get-UMCallSummaryReport -GroupBy Day", [["6/1/2023", "", "1", "1", "1", "3"]]),
        ("Get-UMCallSummaryReport -GroupBy Month -UMDialPlan MyUMDialPlan", [["Jun/2023", "MyUMDialPlan", "1", "0", "0", "1"]]),
        ("Get-UMCallSummaryReport -GroupBy Total -UMIPGateway MyUMIPGateway", [["---", "", "0", "0", "0", "0"]]),
    ],
)  # fmt: skip
def test_summary_report(called: Shell, command: str, rows: list[list[str]]) -> None:
    assert values(called, command, *COUNTERS) == rows


def test_summary_report_without_calls(shell: Shell) -> None:
    assert values(shell, "Get-UMCallSummaryReport -GroupBy Total", *COUNTERS) == [["---", "", "0", "0", "0", "0"]]
    assert shell.run("Get-UMCallSummaryReport -GroupBy Day").output == []


def test_summary_report_bad_group(shell: Shell) -> None:
    expected = binding_error(
        "Get-UMCallSummaryReport", "Cannot process argument transformation on parameter 'GroupBy'. Cannot convert "
        'value "Week" to type "Microsoft.Exchange.Management.UM.GroupBy". Error: "Unable to match the identifier name '
        'Week to a valid enumerator name. Specify one of the following enumerator names and try again:\n'
        'Day, Month, Total"', "ParameterArgumentTransformationError", "InvalidData", "ParameterBindin...mationException",
    )  # fmt: skip
    assert error_of(unchanged(shell, "Get-UMCallSummaryReport -GroupBy Week")) == expected


# --------------------------------------------------------------------------- Export-UMCallDataRecord


def test_export_writes_the_day_as_csv(called: Shell) -> None:
    stream = ClientStream()
    called.runspace.session.set_value("stream", stream)
    assert called.run("Export-UMCallDataRecord -Date 6/1/2023 -UMDialPlan MyUMDialPlan -ClientStream $stream").ok
    assert stream.text().split("\r\n") == [
        "Date,Duration,AudioCodec,DialPlan,CallType,CallingNumber,CalledNumber,Gateway,NMOS,NMOSDegradation,"
        "PercentPacketLoss,Jitter,RoundTripMilliseconds,BurstLossDurationMilliseconds",
        "6/1/2023 6:00:00 PM,00:00:00,G711,MyUMDialPlan,Subscriber Access,sip:MyUMServer1.contoso.com,51234,,,,,,,",
        "",
    ]
    other_day = ClientStream()
    called.runspace.session.set_value("stream", other_day)
    assert called.run("Export-UMCallDataRecord -Date 02/01/12 -ClientStream $stream").ok
    assert other_day.text() == "Date,Duration,AudioCodec,DialPlan,CallType,CallingNumber,CalledNumber,Gateway,NMOS," \
                               "NMOSDegradation,PercentPacketLoss,Jitter,RoundTripMilliseconds," \
                               "BurstLossDurationMilliseconds\r\n"  # fmt: skip


def test_export_whatif(called: Shell) -> None:
    stream = ClientStream()
    called.runspace.session.set_value("stream", stream)
    result = called.run("Export-UMCallDataRecord -Date 6/1/2023 -UMDialPlan MyUMDialPlan -ClientStream $stream -WhatIf")
    assert result.text == 'What if: Exporting the UM call data records of "MyUMDialPlan, 6/1/2023".\n'
    assert stream.Length == 0


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Export-UMCallDataRecord -Date 02/01/12",  # the reference's form: EMS has no stream to give
         binding_error("Export-UMCallDataRecord", "Cannot process command because of one or more missing mandatory "
                       "parameters: ClientStream.", "MissingMandatoryParameter")),
        ("Export-UMCallDataRecord -Date 02/01/12 -ClientStream C:\\cdr.csv",
         binding_error("Export-UMCallDataRecord", "Cannot process argument transformation on parameter "
                       '\'ClientStream\'. Cannot convert the "C:\\cdr.csv" value of type "System.String" to type '
                       '"System.IO.Stream".', "ParameterArgumentTransformationError", "InvalidData",
                       "ParameterBindin...mationException")),
        ("Export-UMCallDataRecord -Date 'not a date' -ClientStream $null",
         binding_error("Export-UMCallDataRecord", "Cannot process argument transformation on parameter 'Date'. Cannot "
                       'convert value "not a date" to type "Microsoft.Exchange.ExchangeSystem.ExDateTime". Error: '
                       '"String was not recognized as a valid DateTime."', "ParameterArgumentTransformationError",
                       "InvalidData",
                       "ParameterBindin...mationException")),
    ],
)  # fmt: skip
def test_export_errors(shell: Shell, command: str, expected: tuple) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_export_of_an_unknown_dial_plan(shell: Shell) -> None:
    shell.runspace.session.set_value("stream", ClientStream())
    result = unchanged(shell, "Export-UMCallDataRecord -Date 6/1/2023 -UMDialPlan Nope -ClientStream $stream")
    assert error_of(result) == not_found("Export-UMCallDataRecord", "Nope", UM_TASKS + "ExportUMCallDataRecord")
