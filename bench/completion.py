"""Completion latency on a 10,000-object organization: does Tab answer within one frame?

Builds an org file with 10,000 objects (1,000 Mailbox servers, 1,500 dial plans with 1,500
mailbox policies, 500 IP gateways, 500 auto attendants, 5,000 mailboxes), loads it with the
model API (``Organization.from_text``), then times ``CandidateSource.complete`` -- analysis and
candidate generation, what one Tab costs -- on typical lines, many times each, after the warm-up
the REPL does at start-up.
Prints p50/p99 per line and over all samples; the target is p99 <= 16 ms.

Run ``python bench/completion.py [repetitions]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "src"))

FRAME_MS = 16.0
SERVERS, DIAL_PLANS, GATEWAYS, ATTENDANTS, MAILBOXES = 1000, 1500, 500, 500, 5000

LINES = [
    "set-ums",
    "Get-UM",
    "Set-UMService -UMSt",
    "Set-UMService -UMStartupMode ",
    "Set-UMService -Identity UMSRV01",
    "Set-UMService ",
    "Set-UMService -DialPlans 'Dial Plan 00",
    "Get-UMMailbox -Identity user01",
    "Get-UMMailbox -Identity ",
    "Enable-UMMailbox -Identity user0042 -UMMailboxPolicy 'Dial Plan 01",
    "Get-UMAutoAttendant -Identity AA0",
    "Get-UMIPGateway -Identity ",
    "$serv",
    "$service.UMS",
    "Get-UMService | Where-Object { $_.UMS",
    "Get-UMService | Set-UMService -UMStartupMode Dual -IPAddressFamily ",
]


def org_text() -> str:
    """An org file with 10,000 objects."""
    lines = ["organization:", "  domain: contoso.com", "  localServer: UMSRV0000", "servers:"]
    for i in range(SERVERS):
        lines += [f"  - Name: UMSRV{i:04d}", "    roles:", "      - Mailbox", "      - ClientAccess"]
    lines.append("dialPlans:")
    for i in range(DIAL_PLANS):
        lines += [f"  - Name: Dial Plan {i:04d}", '    CountryOrRegionCode: "1"', "    NumberOfDigitsInExtension: 5"]
    lines.append("mailboxPolicies:")
    for i in range(DIAL_PLANS):
        lines += [f"  - Name: Dial Plan {i:04d} Default Policy", f"    UMDialPlan: Dial Plan {i:04d}"]
    lines.append("ipGateways:")
    for i in range(GATEWAYS):
        lines += [f"  - Name: GW{i:04d}", f'    Address: "10.{i // 250}.{i % 250}.1"']
    lines.append("autoAttendants:")
    for i in range(ATTENDANTS):
        lines += [f"  - Name: AA{i:04d}", f"    UMDialPlan: Dial Plan {i:04d}"]
    lines.append("mailboxes:")
    for i in range(MAILBOXES):
        lines += [f"  - Name: User {i:05d}", f"    Alias: user{i:05d}"]
    return "\n".join(lines) + "\n"


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    from emshell.engine.host import RecordingHost
    from emshell.engine.runspace import Runspace
    from emshell.model import Organization
    from emshell.repl.candidates import CandidateSource

    started = time.perf_counter()
    org = Organization.from_text(org_text(), "bench-org.yaml")
    built = time.perf_counter() - started
    count = sum(1 for _ in org.all_records())
    runspace = Runspace(RecordingHost(), org=org)
    runspace.execute("$service = Get-UMService -Identity UMSRV0001; $services = 1, 2")
    source = CandidateSource(runspace)
    for line in LINES:  # warm-up: imports, metadata, the command catalogue
        source.complete(line)
    from emshell.repl.app import settle_memory

    settle_memory()  # as the REPL does once it has started
    print(f"organization: {count} records (built in {built:.1f} s); {repetitions} runs of each line")
    print(f"{'line':<70} {'found':>6} {'p50 ms':>8} {'p99 ms':>8}")
    everything: list[float] = []
    for line in LINES:
        samples = []
        for _ in range(repetitions):
            start = time.perf_counter_ns()
            _, candidates = source.complete(line)
            samples.append((time.perf_counter_ns() - start) / 1e6)
        everything += samples
        print(f"{line!r:<70} {len(candidates):>6} {statistics.median(samples):>8.2f} {percentile(samples, 0.99):>8.2f}")
    p50, p99 = statistics.median(everything), percentile(everything, 0.99)
    verdict = "within one frame" if p99 <= FRAME_MS else "SLOWER than one frame"
    print(f"all lines: p50 {p50:.2f} ms, p99 {p99:.2f} ms -> {verdict} ({FRAME_MS:.0f} ms)")
    return 0 if p99 <= FRAME_MS else 1


if __name__ == "__main__":
    sys.exit(main())
