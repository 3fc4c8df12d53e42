"""Replay benchmark: generated EMS scripts of 1k, 5k and 10k lines, typed at the prompt one
command line at a time (``Shell.replay``), timed per 1,000 lines.  The cost must grow linearly:
the time per 1k lines should stay flat as the script grows.

    python bench/replay.py            # the table
    python bench/replay.py --check    # also exit 1 when 10k lines cost 1.5x more per line than 1k
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time

SIZES = (1_000, 5_000, 10_000)

# One "unit" of a script: the kinds of lines admin scripts are made of.  ``{n}`` is the unit's
# number; the organization does not grow, so every unit costs the same.
UNIT = [
    "# unit {n}",
    "$i = {n}",
    '$name = "MyUMServer$($i % 3 + 1)"',
    "Set-UMService -Identity MyUMServer1 -UMStartupMode {mode} -WarningAction SilentlyContinue",
    "Get-UMService -Identity $name | Select-Object Name, UMStartupMode | Out-Null",
    "if ($i % 2) {{ $odd += 1 }} else {{ $even += 1 }}",
    "foreach ($j in 1..3) {{",
    "    $total += $j",
    "}}",
    'Add-Content C:\\bench\\log.txt "unit {n}"',
    '"last {n}" | Out-File C:\\bench\\last.txt',
    "Get-UMService | Where-Object UMStartupMode -eq 'Dual' | Measure-Object | Out-Null",
    "Test-Path C:\\bench\\log.txt | Out-Null",
    "$joined = @(1, 2, 3) -join ','",
    "[pscustomobject]@{{Unit = {n}; Mode = '{mode}'}} | Format-Table | Out-Null",
    "",
]


def generate(lines: int) -> str:
    """A script of exactly ``lines`` lines: whole units, then one-line statements."""
    out = ["New-Item C:\\bench -ItemType Directory -Force | Out-Null"]
    n = 0
    while len(out) + len(UNIT) <= lines:
        mode = "Dual" if n % 2 else "TCP"
        out.extend(line.format(n=n, mode=mode) for line in UNIT)
        n += 1
    out.extend(f"$pad = {k}" for k in range(lines - len(out)))
    return "\n".join(out) + "\n"


def measure(lines: int) -> float:
    from emshell import Shell

    script = generate(lines)
    with tempfile.TemporaryDirectory(prefix="emshell-bench-") as sandbox, Shell(sandbox=sandbox) as shell:
        start = time.perf_counter()
        result = shell.replay(script)
        elapsed = time.perf_counter() - start
    if result.errors:
        raise SystemExit(f"the generated script failed: {result.error_text()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 unless the cost grows linearly")
    args = parser.parse_args(argv)
    measure(1000)  # warm up: the parser tables and the command modules load once
    print(f"{'lines':>6}  {'seconds':>8}  {'s per 1k lines':>14}")
    per_k = {}
    for lines in SIZES:
        elapsed = measure(lines)
        per_k[lines] = elapsed / (lines / 1000)
        print(f"{lines:>6}  {elapsed:>8.2f}  {per_k[lines]:>14.3f}")
    ratio = per_k[SIZES[-1]] / per_k[SIZES[0]]
    print(f"cost per line at {SIZES[-1]:,} lines / at {SIZES[0]:,} lines: {ratio:.2f} (1.00 is linear)")
    return 1 if args.check and ratio > 1.5 else 0


if __name__ == "__main__":
    sys.exit(main())
