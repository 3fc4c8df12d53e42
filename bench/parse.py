"""Parser benchmark: emshell's parser vs tree-sitter-powershell on a 10,000-line EMS script,
and the cold start of a parse vs ``python -c pass``.

Run ``python bench/parse.py`` (``make bench``).  Prints the timings and their ratios; the
targets are a parse ratio of at most 2 (goal 1) and a cold start of at most 3x.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "src"))

SERVERS = ["EX01", "EX02", "MBX-PRD-03", "UMHOST04"]
DIAL_PLANS = ["Contoso DP", "Fabrikam-Main", "HQ_Extensions", "Branch 5-digit"]
MODES = ["TCP", "TLS", "Dual"]


def _block(rng: random.Random, i: int) -> list[str]:
    """One chunk of a realistic EMS script (a few lines)."""
    server = rng.choice(SERVERS)
    plan = rng.choice(DIAL_PLANS)
    mode = rng.choice(MODES)
    kind = i % 10
    if kind == 0:
        return [
            f'$server{i} = Get-ExchangeServer -Identity "{server}" -ErrorAction SilentlyContinue',
            f"if ($server{i} -and $server{i}.IsMailboxServer) {{",
            f'    Set-UMService -Identity $server{i}.Name -UMStartupMode {mode} -Confirm:$false',
            f'    Write-Host "Configured $($server{i}.Name) for {mode} mode" -ForegroundColor Green',
            "}",
        ]
    if kind == 1:
        return [
            f"Get-UMService | Where-Object {{ $_.Status -eq 'Enabled' -and $_.Name -like '{server[:2]}*' }} |",
            # quoted: tree-sitter-powershell rejects bare-word lists (`Name, UMStartupMode`)
            "    Select-Object 'Name', 'UMStartupMode', 'SipTcpListeningPort' |",
            "    Sort-Object Name | Format-Table -AutoSize",
        ]
    if kind == 2:
        return [
            "$params = @{",
            f"    Name = '{plan}'",
            f"    NumberOfDigitsInExtension = {rng.randint(3, 7)}",
            "    URIType = 'TelExtn'",
            "    VoIPSecurity = 'Unsecured'",
            f"    CountryOrRegionCode = {rng.randint(1, 99)}",
            "}",
            "New-UMDialPlan @params",
        ]
    if kind == 3:
        return [
            f"foreach ($user in Import-Csv -Path 'C:\\Scripts\\users{i}.csv') {{",
            "    $extension = $user.Extension.Trim()",
            "    if ([string]::IsNullOrEmpty($extension)) { continue }",
            f"    Enable-UMMailbox -Identity $user.Alias -UMMailboxPolicy '{plan} Policy' -Extensions $extension",
            "}",
        ]
    if kind == 4:
        return [
            "try {",
            f"    $settings = Get-UMCallRouterSettings -Server {server}",
            "    $ports = @($settings.SipTcpListeningPort, $settings.SipTlsListeningPort)",
            '    "{0}: {1}" -f $settings.Identity, ($ports -join ", ")',
            "} catch [System.Exception] {",
            "    Write-Warning (\"Could not read settings: \" + $_.Exception.Message)",
            "}",
        ]
    if kind == 5:
        return [
            f"$count = ($list{i % 7} | Measure-Object).Count + {rng.randint(1, 50)} * 2",
            f"$report += [PSCustomObject]@{{ Server = '{server}'; Count = $count; Mode = '{mode}' }}",
        ]
    if kind == 6:
        return [
            f"switch -Wildcard ($server{i % 10}.Name) {{",
            "    'EX*'  { $type = 'Exchange' }",
            "    'MBX*' { $type = 'Mailbox' }",
            "    default { $type = 'Other' }",
            "}",
        ]
    if kind == 7:
        return [
            f"Get-UMDialPlan -Identity '{plan}' | Set-UMDialPlan -AccessTelephoneNumbers +1425555{i % 10000:04d} `",
            f"    -OperatorExtension {rng.randint(1000, 9999)} -WhatIf",
        ]
    if kind == 8:
        return [
            "function Get-UMSummary {",
            "    param([Parameter(Mandatory = $true)][string[]]$Servers, [switch]$Detailed)",
            "    foreach ($s in $Servers) {",
            "        $svc = Get-UMService -Identity $s",
            '        Write-Output ("{0,-15} {1}" -f $svc.Name, $svc.Status)',
            "    }",
            "}",
        ]
    return [
        f"# Step {i}: check the hunt groups of {plan}",
        f"$groups = @(Get-UMHuntGroup -UMDialPlan '{plan}')",
        f'Write-Host "Found $($groups.Count) hunt group(s) in {plan}"',
    ]


def generate_script(lines: int = 10_000, seed: int = 7) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    i = 0
    while True:
        block = _block(rng, i)
        if len(out) + len(block) > lines:
            break
        out.extend(block)
        i += 1
    while len(out) < lines:  # top up with one-line commands, never cutting a block
        out.append(f"Get-UMService -Identity {rng.choice(SERVERS)}")
    return "\n".join(out) + "\n"


def best_of(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def median_run(command: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from emshell.language import parse

    text = generate_script()
    print(f"script: {text.count(chr(10))} lines, {len(text)} characters")
    parse(text)  # warm: tables cached, modules imported
    emshell_time = best_of(lambda: parse(text), 5)
    print(f"emshell parse:            {emshell_time * 1000:8.1f} ms (best of 5)")
    try:
        import tree_sitter
        import tree_sitter_powershell

        parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))
        data = text.encode("utf-8")
        tree = parser.parse(data)
        ts_time = best_of(lambda: parser.parse(data), 5)
        errors = " (tree has errors)" if tree.root_node.has_error else ""
        print(f"tree-sitter-powershell:   {ts_time * 1000:8.1f} ms (best of 5){errors}")
        print(f"ratio emshell/tree-sitter: {emshell_time / ts_time:7.2f}  (target <= 2, goal <= 1)")
    except ImportError:
        print("tree-sitter-powershell is not installed (pip install '.[bench]')")

    cold_start()


def cold_start() -> None:
    """``emshell -c '$null'`` against ``python -c pass``, both from a warm disk cache and with
    bytecode compiled (as a pip-installed package has it; this machine may set
    PYTHONDONTWRITEBYTECODE, which would make every start recompile)."""
    import compileall

    python = sys.executable
    emshell = os.path.join(os.path.dirname(python), "emshell")
    src = os.path.join(os.path.dirname(HERE), "src")
    compileall.compile_dir(src, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [emshell, "-c", "$null"] if os.path.exists(emshell) else [python, "-m", "emshell", "-c", "$null"]
    median_run(command, 3, env)  # warm the parse-table cache and the disk cache
    baseline = median_run([python, "-c", "pass"], 21, env)
    cold = median_run(command, 21, env)
    print(f"python -c pass:           {baseline * 1000:8.1f} ms (median of 21)")
    print(f"emshell -c '$null':       {cold * 1000:8.1f} ms (median of 21)")
    print(f"cold start ratio:          {cold / baseline:7.2f}  (target <= 3)")

if __name__ == "__main__":
    main()
