"""Call data records: the calls the UM services took, and the summaries built from them.

The built-in organization has taken no calls.  The only calls an emulated organization ever
takes are the test calls ``Test-UMConnectivity`` places, so every call record comes from one:
a TUI logon test is a "Subscriber Access" call to the mailbox it logged on to, every other test
call is a call of type "None" (an "other" call in the summary), and a test call that was not
answered counts as failed or rejected.  Records live in ``Organization.call_records`` for the
session (org files do not keep them, as Exchange keeps them in a system mailbox, not in the
directory).  Test calls end before the cmdlet returns, so there are never active calls.

Summaries follow Get-UMCallSummaryReport: ``Total`` is one row dated ``---``; ``Month`` rows
are dated ``MMM/yyyy`` (the last 12 months); ``Day`` rows ``M/d/yyyy`` (the last 90 days).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any

    from emshell.model.org import Organization

SUBSCRIBER_ACCESS = "Subscriber Access"
NO_TYPE = "None"

# CallType (as Get-UMCallDataRecord shows it) -> the summary counter it adds to.
COUNTERS = {
    "Call Answering Voice Message": "VoiceMessages",
    "Call Answering Missed Call": "MissedCalls",
    SUBSCRIBER_ACCESS: "SubscriberAccess",
    "Auto Attendant": "AutoAttendant",
    "Fax": "Fax",
    "PlayOnPhone": "Outbound",
    "Find Me": "Outbound",
}
COUNTER_NAMES = ("AutoAttendant", "FailedOrRejectedCalls", "Fax", "MissedCalls", "OtherCalls", "Outbound",
                 "SubscriberAccess", "VoiceMessages", "TotalCalls")  # fmt: skip


class CallRecord:
    """One call a UM service took (immutable once recorded)."""

    __slots__ = ("when", "duration_seconds", "audio_codec", "dial_plan", "call_type", "calling_number",
                 "called_number", "gateway", "mailbox_guid", "dial_plan_guid", "gateway_guid", "server", "failed")  # fmt: skip

    def __init__(self, when: datetime, *, call_type: str, calling_number: str, called_number: str, server: str,
                 duration_seconds: int = 0, audio_codec: str = "G711", dial_plan: Any = None, gateway: Any = None,
                 mailbox: Any = None, failed: bool = False):  # fmt: skip
        self.when = when  # local time of the organization's clock
        self.duration_seconds = duration_seconds
        self.audio_codec = audio_codec
        self.dial_plan = dial_plan.Name if dial_plan is not None else ""
        self.dial_plan_guid = str(dial_plan.Guid) if dial_plan is not None else None
        self.gateway = str(gateway.Address) if gateway is not None else ""
        self.gateway_guid = str(gateway.Guid) if gateway is not None else None
        self.call_type = call_type
        self.calling_number = calling_number
        self.called_number = called_number
        self.mailbox_guid = str(mailbox.Guid) if mailbox is not None else None
        self.server = server
        self.failed = failed

    def __repr__(self) -> str:
        return f"<CallRecord {self.when:%Y-%m-%d %H:%M:%S} {self.call_type} {self.called_number}>"


def record_call(org: Organization, **values: Any) -> CallRecord:
    """Add a call record dated now (the organization's clock)."""
    record = CallRecord(org.clock.now, **values)
    org.call_records.append(record)
    return record


def records_for(org: Organization, *, mailbox: Any = None, dial_plan: Any = None, gateway: Any = None,
                day: Any = None) -> list[CallRecord]:  # fmt: skip
    """The call records that match every filter given (``day`` is a ``datetime.date``)."""
    found = []
    for record in org.call_records:
        if mailbox is not None and record.mailbox_guid != str(mailbox.Guid):
            continue
        if dial_plan is not None and record.dial_plan_guid != str(dial_plan.Guid):
            continue
        if gateway is not None and record.gateway_guid != str(gateway.Guid):
            continue
        if day is not None and record.when.date() != day:
            continue
        found.append(record)
    return found


class SummaryRow:
    """One row of Get-UMCallSummaryReport: the counters of one period."""

    __slots__ = ("date", "counts")

    def __init__(self, date: str):
        self.date = date
        self.counts = dict.fromkeys(COUNTER_NAMES, 0)

    def add(self, record: CallRecord) -> None:
        self.counts["TotalCalls"] += 1
        if record.failed:
            self.counts["FailedOrRejectedCalls"] += 1
        else:
            self.counts[COUNTERS.get(record.call_type, "OtherCalls")] += 1


def summarize(org: Organization, group_by: str, *, dial_plan: Any = None, gateway: Any = None) -> list[SummaryRow]:
    """Get-UMCallSummaryReport's rows, oldest period first."""
    from datetime import timedelta

    records = records_for(org, dial_plan=dial_plan, gateway=gateway)
    now = org.clock.now
    if group_by == "Total":
        row = SummaryRow("---")
        for record in records:
            row.add(record)
        return [row]
    rows: dict[tuple[int, ...], SummaryRow] = {}
    for record in records:
        when = record.when
        if group_by == "Month":
            if (now.year - when.year) * 12 + now.month - when.month >= 12:
                continue
            key: tuple[int, ...] = (when.year, when.month)
            label = f"{when:%b}/{when.year}"
        else:
            if now - when >= timedelta(days=90):
                continue
            key = (when.year, when.month, when.day)
            label = f"{when.month}/{when.day}/{when.year}"
        rows.setdefault(key, SummaryRow(label)).add(record)
    return [rows[key] for key in sorted(rows)]
