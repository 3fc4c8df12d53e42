"""The long fuzzing run: PowerShell-shaped input through ``emshell.Shell`` in parallel processes.

Each worker draws scripts from the Hypothesis strategies of ``tests/hardening/ps_inputs.py``
(generated statements, mutated examples and test snippets, raw text) and, for each one, also
runs ``--mutations`` random edits of it, checking the properties of
``tests/hardening/fuzz_properties.py`` on every input: ``Shell.run`` returns (never raises),
stops within the limit, reports no internal error, and touches nothing outside its sandbox;
with each script goes one generated Exchange command, which must leave the organization's dump
byte-identical when it fails.
A violation is shrunk (delta debugging on the text) and printed with its minimal input.  The
parent prints inputs/second as it goes, restarts a worker that hangs or outgrows the memory
limit (and reports the input that did it), and ends with the totals.

    python bench/fuzz.py --inputs 1000000            # the acceptance run (about an hour on 2 cores)
    python bench/fuzz.py --inputs 20000 --workers 2 --seed 7

Exit code 1 when any input violated a property.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import random
import resource
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "hardening"))
sys.path.insert(0, os.path.join(ROOT, "src"))

HANG_SECONDS = 30.0  # a worker silent this long is stuck in one input
MEMORY_MB = 1500  # peak RSS of a worker beyond this is a finding (the input that crossed it)
MINIMIZE_SECONDS = 60.0


# ------------------------------------------------------------------------------ worker


def _violation(check, text: str) -> str | None:
    from fuzz_properties import PropertyViolation

    try:
        check(text)
    except PropertyViolation as error:
        return str(error).splitlines()[0]
    return None


def failure_signature(message: str) -> str:
    """What makes two failures the same: the message without paths, numbers and quoted text."""
    import re

    return re.sub(r"'[^']*'|\"[^\"]*\"|\d+(\.\d+)?", "_", message)[:120]


def minimize(check, text: str, message: str) -> str:
    """The shortest text found that still violates a property with the same first words
    (delta debugging over characters, bounded in time)."""
    deadline = time.monotonic() + MINIMIZE_SECONDS

    signature = failure_signature(message)

    def still_fails(candidate: str) -> bool:
        found = _violation(check, candidate)
        return found is not None and failure_signature(found) == signature

    chunk = max(1, len(text) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        start, reduced = 0, False
        while start < len(text) and time.monotonic() < deadline:
            candidate = text[:start] + text[start + chunk :]
            if candidate != text and still_fails(candidate):
                text, reduced = candidate, True
            else:
                start += chunk
        if not reduced:
            chunk //= 2
    return text


def worker(index: int, generation: int, seed: int, examples: int, mutations: int, reports: multiprocessing.Queue,
           heartbeat: multiprocessing.Value, current_path: str) -> None:  # fmt: skip
    import fuzz_properties
    import ps_inputs
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    from emshell.engine.limits import ensure_stack_headroom

    ensure_stack_headroom()  # before Hypothesis runs, so it does not warn about it
    workdir = fuzz_properties.Workdir(tempfile.mkdtemp(prefix=f"emshell-fuzz-{index}-"))
    current = os.open(current_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    ps_inputs.corpus()
    ps_inputs.command_table()
    counts = {"inputs": 0}
    slot = (index, generation)
    seen: set[str] = set()

    def check(text: str) -> None:
        fuzz_properties.check_runs(text, workdir)

    def check_org(command: str) -> None:
        fuzz_properties.check_failure_keeps_org(command, workdir)

    def run_one(text: str, property_check=check) -> None:
        data = text.encode("utf-8", "surrogatepass")
        os.lseek(current, 0, 0)
        os.ftruncate(current, 0)
        os.write(current, data)
        heartbeat.value = time.time()
        message = _violation(property_check, text)
        counts["inputs"] += 1
        if message is not None:
            signature = failure_signature(message)
            if signature not in seen:  # each distinct failure is shrunk and reported once per worker
                seen.add(signature)
                reports.put(("failure", slot, message, text, minimize(property_check, text, message)))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        if rss > MEMORY_MB:
            reports.put(("failure", slot, f"memory: peak RSS {rss} MB after this input", text, text))
            reports.put(("progress", slot, counts["inputs"]))
            os._exit(3)  # a fresh worker starts with a fresh peak
        if counts["inputs"] % 200 == 0:
            reports.put(("progress", slot, counts["inputs"]))

    def run_batch(batch_seed: int) -> None:
        rng = random.Random(batch_seed)

        @hypothesis_seed(batch_seed)
        @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(ps_inputs.scripts(), ps_inputs.exchange_commands())
        def property_holds(text: str, command: str) -> None:
            run_one(command, check_org)  # a failing Exchange command leaves the org byte-identical
            run_one(text)
            for _ in range(mutations):
                mutated = text
                for _ in range(rng.randint(1, 3)):
                    mutated = ps_inputs.mutate(mutated, rng.randint)
                run_one(mutated)

        property_holds()
        reports.put(("progress", slot, counts["inputs"]))

    batch = 0
    while True:
        run_batch(seed * 1_000_003 + index * 10_007 + batch)
        batch += 1


# ------------------------------------------------------------------------------ parent


class Worker:
    def __init__(self, index: int, args: argparse.Namespace, reports: multiprocessing.Queue, generation: int):
        self.index = index
        self.generation = generation
        self.heartbeat = multiprocessing.Value("d", time.time())
        self.current_path = os.path.join(args.out, f"worker{index}.current.ps1")
        self.done_before = 0  # inputs of earlier processes in this slot
        self.done = 0
        seed = args.seed + generation * 7919
        self.process = multiprocessing.Process(
            target=worker, args=(index, generation, seed, args.batch, args.mutations, reports, self.heartbeat, self.current_path),
            daemon=True,
        )  # fmt: skip
        self.process.start()

    def current_input(self) -> str:
        try:
            with open(self.current_path, "rb") as handle:
                return handle.read().decode("utf-8", "surrogatepass")
        except OSError:
            return "<unknown>"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=1_000_000, help="stop after this many inputs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=500, help="Hypothesis examples per batch")
    parser.add_argument("--mutations", type=int, default=4, help="random edits run for each generated script")
    parser.add_argument("--out", default=None, help="directory for the workers' current inputs (default: temp)")
    parser.add_argument("--every", type=float, default=30.0, help="seconds between progress lines")
    args = parser.parse_args(argv)
    args.out = args.out or tempfile.mkdtemp(prefix="emshell-fuzz-")
    os.makedirs(args.out, exist_ok=True)

    reports: multiprocessing.Queue = multiprocessing.Queue()
    generations = [0] * args.workers
    workers = [Worker(i, args, reports, 0) for i in range(args.workers)]
    failures: list[tuple[str, str, str]] = []
    distinct: set[str] = set()
    started = time.time()
    last_line = started
    print(f"emshell fuzz: {args.workers} workers, target {args.inputs:,} inputs, seed {args.seed}, "
          f"current inputs in {args.out}", flush=True)  # fmt: skip

    def total() -> int:
        return sum(w.done_before + w.done for w in workers)

    def restart(slot: int) -> None:
        old = workers[slot]
        generations[slot] += 1
        new = Worker(slot, args, reports, generations[slot])
        new.done_before = old.done_before + old.done
        workers[slot] = new

    while total() < args.inputs:
        try:
            message = reports.get(timeout=1.0)
        except queue.Empty:
            message = None
        if message is not None:
            (slot, generation) = message[1]
            if message[0] == "progress":
                if workers[slot].generation == generation:
                    workers[slot].done = message[2]
            else:
                _, _, text, original, minimal = message
                signature = failure_signature(text)
                if signature in distinct:
                    continue
                distinct.add(signature)
                failures.append((text, original, minimal))
                print(f"\nFAILURE (worker {slot}): {text}\n  minimal input: {minimal!r}\n  original: {original[:500]!r}",
                      flush=True)  # fmt: skip
        now = time.time()
        for slot, w in enumerate(workers):
            if not w.process.is_alive():
                restart(slot)
            elif now - w.heartbeat.value > HANG_SECONDS:
                text = w.current_input()
                failures.append((f"hang: no progress for {HANG_SECONDS:g} s", text, text))
                print(f"\nFAILURE (worker {slot}): hang\n  input: {text[:500]!r}", flush=True)
                w.process.kill()
                w.process.join()
                restart(slot)
        if now - last_line >= args.every:
            last_line = now
            done = total()
            print(f"{done:>12,} inputs  {done / (now - started):8.0f}/s  {now - started:8.0f} s  "
                  f"{len(failures)} failures", flush=True)  # fmt: skip

    for w in workers:
        w.process.kill()
    elapsed = time.time() - started
    done = total()
    print(f"\ntotal: {done:,} inputs in {elapsed:.0f} s ({done / elapsed:.0f} inputs/s) with {args.workers} workers; "
          f"{len(failures)} failures")  # fmt: skip
    for text, _, minimal in failures:
        print(f"  - {text}\n    minimal input: {minimal!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
