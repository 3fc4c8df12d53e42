"""Resource limits: deep recursion, deep nesting, runaway loops and memory-hungry values end
with PowerShell's own errors -- never a RecursionError, a hang or an exhausted host.

The limits and their defaults are in ``emshell.engine.limits`` (call depth 100, 1,000,000
elements and 10,000,000 characters per value) and ``emshell.language.driver`` (parser nesting).
"""

import subprocess
import sys
import threading
import time

import pytest

from emshell import Shell
from emshell.engine import limits
from emshell.engine.errors import PSError, new_error

CALL_DEPTH = "The script failed due to call depth overflow."
TOO_COMPLEX = "Processing was stopped because the script is too complex."
OUT_OF_MEMORY = "Exception of type 'System.OutOfMemoryException' was thrown."


def run(text: str):
    return Shell().run(text)


# ----------------------------------------------------------------------------- call depth

RECURSIONS = [
    # (how the script recurses, script, error id)
    ("a function calling itself", "function f { f }; f", "CallDepthOverflow"),
    ("a script block invoking itself", "$sb = { & $sb }; & $sb", "CallDepthOverflow"),
    ("a dot-sourced script block", "$sb = { . $sb }; & $sb", "CallDepthOverflow"),
    ("through parentheses", "function f { (f) }; f", "CallDepthOverflow"),
    ("through a string sub-expression", 'function f { "$(f)" }; f', "CallDepthOverflow"),
    ("through ForEach-Object and Where-Object", "function f { 1 | % { @(1) | ? { f } } }; f", "CallDepthOverflow"),
    ("through a calculated property", "function f { [pscustomobject]@{a=1} | Select-Object @{n='x';e={f}} }; f",
     "CallDepthOverflow,Microsoft.PowerShell.Commands.SelectObjectCommand"),
    ("through a script method", "$o = [pscustomobject]@{}; $o | Add-Member ScriptMethod M { $this.M() }; $o.M()",
     "CallDepthOverflow"),
    ("through a script property", "$o = [pscustomobject]@{}; $o | Add-Member ScriptProperty P { $this.P }; $o.P",
     "CallDepthOverflow"),
    ("through Invoke-Expression", "function f { iex 'f' }; f",
     "CallDepthOverflow,Microsoft.PowerShell.Commands.InvokeExpressionCommand"),
    ("through switch and try/finally", "function f { switch (1) { 1 { try { f } finally { } } } }; f",
     "CallDepthOverflow"),
]  # fmt: skip


@pytest.mark.parametrize(("shape", "script", "error_id"), RECURSIONS, ids=[r[0] for r in RECURSIONS])
def test_runaway_recursion_is_the_call_depth_overflow_error(shape, script, error_id):
    result = run(script)
    assert result.error_ids == [error_id]
    assert result.error_messages == [CALL_DEPTH]


DEEP_BUT_LEGAL = [
    "function f($n) { if ($n -gt 0) { f ($n - 1) } else { 'bottom' } }; f 98",
    "function f($n) { if ($n -gt 0) { (f ($n - 1)) } else { 'bottom' } }; f 98",
    'function f($n) { if ($n -gt 0) { "$(f ($n - 1))" } else { \'bottom\' } }; f 98',
    "function f($n) { if ($n -gt 0) { [pscustomobject]@{a=1} | Select-Object @{n='x';e={f ($n - 1)}} | % x }"
    " else { 'bottom' } }; f 49",
]  # fmt: skip


@pytest.mark.parametrize("script", DEEP_BUT_LEGAL)
def test_recursion_within_powershells_limit_runs_to_the_bottom(script):
    result = run(script)
    assert result.errors == []
    assert result.text == "bottom\n"


@pytest.mark.parametrize(("opening", "closing"), [("(", ")"), ("{", "}"), ("@(", ")"), ("$(", ")"), ("[int](", ")"),
                                                  ("-(", ")"), ("!(", ")"), ("@{a=", "}")])  # fmt: skip
def test_3000_nested_brackets_built_at_run_time_are_too_complex_to_parse(opening, closing):
    result = run(f"$s = '{opening}' * 3000 + '1' + '{closing}' * 3000; Invoke-Expression $s")
    assert result.error_ids == ["ScriptTooComplicated,Microsoft.PowerShell.Commands.InvokeExpressionCommand"]
    assert TOO_COMPLEX in result.error_messages[0]


def test_3000_nested_parentheses_typed_directly_are_too_complex_to_parse():
    result = run("(" * 3000 + "1" + ")" * 3000)
    assert result.error_ids == ["ScriptTooComplicated"]
    assert result.error_messages[0].endswith("\n" + TOO_COMPLEX)


@pytest.mark.parametrize("use", ['"$a"', "$a -join ','", "$a | Out-String", "$a | Format-List", "$a -eq 1", "$a",
                                 "$a | Sort-Object | Out-Null"])  # fmt: skip
def test_values_nested_3000_deep_are_used_without_running_out_of_stack(use):
    result = run(f"$a = @(); for ($i = 0; $i -lt 3000; $i++) {{ $a = ,$a }}; {use}")
    assert result.errors == []


@pytest.mark.parametrize("use", ["$o | Format-List", "$o | Out-String", '"$o"', "$o"])
def test_an_object_that_contains_itself_is_the_call_depth_error_when_printed_in_full(use):
    result = run(f"$o = [pscustomobject]@{{a=1}}; $o.a = $o; {use}; 'next'")
    assert result.error_ids == ["CallDepthOverflow"]
    assert "next\n" in result.text.split("CallDepthOverflow")[-1]  # the error ends the statement only


# ----------------------------------------------------------------------------- the backstop


@pytest.mark.parametrize(("raised", "error_id", "message"), [
    (RecursionError("maximum recursion depth exceeded"), "CallDepthOverflow", CALL_DEPTH),
    (MemoryError(), "System.OutOfMemoryException", OUT_OF_MEMORY),
    (KeyError("Path"), "EmshellInternalError", "emshell internal error: KeyError: 'Path'"),
])  # fmt: skip
def test_a_python_exception_inside_the_engine_becomes_an_error_record(monkeypatch, raised, error_id, message):
    from emshell.engine import operators

    def broken(*args, **kwargs):
        raise raised

    monkeypatch.setattr(operators, "binary", broken)
    shell = Shell()
    result = shell.run("1 + 1; 'the statement after it runs'")
    assert result.error_ids == [error_id]
    assert result.error_messages == [message]
    assert result.text.endswith("the statement after it runs\n")
    monkeypatch.undo()
    assert shell.run("1 + 1").text == "2\n"  # and the session goes on


def test_a_failure_inside_the_parser_is_reported_not_raised(monkeypatch):
    import emshell.language

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(emshell.language, "parse", broken)
    result = run("1")
    assert result.error_ids == ["EmshellInternalError"]
    assert result.exit_code == 1


def test_python_gets_room_for_powershells_call_depth():
    Shell()
    assert sys.getrecursionlimit() >= limits.PYTHON_RECURSION_LIMIT


# ----------------------------------------------------------------------------- memory


MEMORY_HUNGRY = [
    "1..1e9",
    "'x' * 2e9",
    "@(1) * 1e9",
    "[string]::new('x', 1e9)",
    "-join (1..1e9)",
    "New-Object byte[] 1e9",
    "[byte[]]::new(1e9)",
    "New-Object 'object[]' 1e9",
    "[array]::CreateInstance([int], 1e9)",
    "'x'.PadLeft(1e9)",
    "'x'.PadRight(2e9)",
    "$s = 'x' * 1e7; $s + $s",
    "$s = 'x' * 1e7; \"$s$s\"",
    "$s = 'x' * 1e6; $s -replace 'x', 'yyyyyyyyyyyy'",
    "$s = 'x' * 1e6; $s.Replace('x', 'yyyyyyyyyyyy')",
    "$s = 'x' * 1e6; [regex]::Replace($s, 'x', '$0$0$0$0$0$0$0$0$0$0$0')",
    "$s = 'x' * 1e5; $s -replace 'x', '$`'",
    "$a = ,('x' * 1e6) * 1e6; $a -join ''",
    "$a = ,('x' * 1e6) * 1e6; \"$a\"",
    "$a = ,('x' * 1e6) * 1e6; [string]::Join(',', $a)",
    "$a = ,('x' * 1e6) * 1e6; [string]::Concat($a)",
    "$s = 'x' * 1e7; $s.ToCharArray()",
    "$s = 'x' * 1e7; [char[]]$s",
    "$s = 'x,' * 4e6; $s -split ','",
    "$s = 'x,' * 4e6; $s.Split(',')",
    "$a = 1..1e6; $a + $a",
    "$sb = [System.Text.StringBuilder]::new(); $sb.Length = 1e9",
    "$sb = [System.Text.StringBuilder]::new(); $s = 'x' * 1e6; foreach ($i in 1..20) { [void]$sb.Append($s) }",
    "$s = ''; foreach ($i in 1..40) { $s += $s + 'xxxxxxxxxx' }",
    # output collected into one value: each object is small, the collection is not
    "$b = foreach ($i in 1..1000) { 1..999999 }",
    "$b = @(foreach ($i in 1..1000) { 1..999999 })",
    "$b = $(1..999999; 1..999999)",
    "$b = & { 1..999999; 1..999999 }",
    "$b = { 1..999999; 1..999999 }.Invoke()",
    "1 | Where-Object { 1..999999; 1..999999 }",
    "$l = [System.Collections.ArrayList]::new(); $l.AddRange(1..999999); $l.AddRange(1..999999)",
    "$l = [System.Collections.ArrayList]::new(1..1e6); [void]$l.Add(1)",
    "$l = [System.Collections.Generic.List[object]]::new(); $l.AddRange(1..1e6); $l.Insert(0, 1)",
]


@pytest.mark.parametrize("expression", MEMORY_HUNGRY)
def test_a_value_over_the_budget_is_refused_with_out_of_memory(expression):
    started = time.perf_counter()
    result = run(expression)
    assert result.error_ids
    assert all(error_id.split(",")[0] == "System.OutOfMemoryException" for error_id in result.error_ids)
    assert set(result.error_messages) == {OUT_OF_MEMORY}
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(("expression", "error_id"), [
    ("'x' * 1e10", "InvalidCastIConvertible"),  # as in PowerShell: the count is an Int32
    ("New-Object byte[] 1e10", "MethodArgumentConversionInvalidCastArgument,Microsoft.PowerShell.Commands.NewObjectCommand"),
    ("'{0,1000000000}' -f 1", "FormatError"),  # .NET's alignment limit is 999,999
    ("$a = 1..10; [array]::Clear($a, 0, 1e9)", "IndexOutOfRangeException"),
])  # fmt: skip
def test_sizes_beyond_dotnets_own_limits_are_dotnets_errors(expression, error_id):
    assert run(expression).error_ids == [error_id]


@pytest.mark.parametrize(("expression", "expected"), [
    (f"('x' * {limits.MAX_STRING_LENGTH}).Length", str(limits.MAX_STRING_LENGTH)),
    (f"(1..{limits.MAX_ELEMENTS}).Count", str(limits.MAX_ELEMENTS)),
    (f"$b = foreach ($i in 1..2) {{ 1..{limits.MAX_ELEMENTS // 2} }}; $b.Count", str(limits.MAX_ELEMENTS)),
    (f"$l = [System.Collections.ArrayList]::new(); $l.AddRange(1..{limits.MAX_ELEMENTS}); $l.Count",
     str(limits.MAX_ELEMENTS)),
    ("('{0,999999}' -f 1).Length", "999999"),
    ("(Get-Random -InputObject (1..10) -Count 1e9 | Measure-Object).Count", "10"),
    ("$sb = [System.Text.StringBuilder]::new(); foreach ($i in 1..10000) { [void]$sb.Append('ab') }; $sb.Length",
     "20000"),
])  # fmt: skip
def test_values_within_the_budget_are_built(expression, expected):
    result = run(expression)
    assert result.errors == []
    assert result.text == expected + "\n"


# ----------------------------------------------------------------------------- stopping


def stop_after(shell: Shell, seconds: float) -> threading.Timer:
    reason = PSError(new_error("TimeoutException", "stopped by the test", "ScriptTimeout", "OperationTimeout"))
    timer = threading.Timer(seconds, shell.runspace.request_stop, (reason,))
    timer.start()
    return timer


@pytest.mark.parametrize("script", [
    "while ($true) { }",
    "for (;;) { }",
    "do { } until ($false)",
    "1..1e6 | ForEach-Object { }",
    "1..1e6 | Out-Null; 1..1e6 | Out-Null; 1..1e6 | Out-Null; 1..1e6 | Out-Null; 1..1e6 | Out-Null",
    "function f { f; f }; f",
    "function f { try { f } catch { f } }; f",
    "try { while ($true) { } } catch { 'caught' }",
    "trap { 'trapped'; continue } while ($true) { }",
    "while ($true) { try { while ($true) { } } catch { } }",
])  # fmt: skip
def test_a_stop_request_ends_any_loop_and_cannot_be_caught(script):
    shell = Shell()
    timer = stop_after(shell, 0.3)
    started = time.perf_counter()
    result = shell.run(script)
    timer.cancel()
    assert time.perf_counter() - started < 5
    assert result.error_ids[-1:] == ["ScriptTimeout"]
    assert "caught" not in result.output and "trapped" not in result.output
    assert shell.run("'the session goes on'").text == "the session goes on\n"


def test_finally_blocks_run_when_a_script_is_stopped():
    shell = Shell()
    timer = stop_after(shell, 0.3)
    result = shell.run("try { while ($true) { } } finally { 'cleaned up' }; 'never'")
    timer.cancel()
    assert result.output == ["cleaned up"]
    assert result.error_ids == ["ScriptTimeout"]


def emshell(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "emshell", *args], capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip


TIMEOUT_MESSAGE = "The script was stopped because it ran longer than the 1 seconds allowed by --timeout."


@pytest.mark.parametrize("script", ["while ($true) { }", "1..1e6 | % { $x = $_ }",
                                    "try { while (1) { } } finally { while (1) { } }"])  # fmt: skip
def test_the_timeout_option_stops_a_runaway_script_with_a_clear_error(script):
    started = time.perf_counter()
    done = emshell("--timeout", "1", "-c", script)
    assert time.perf_counter() - started < 10
    assert done.returncode == 1
    assert TIMEOUT_MESSAGE in done.stderr
    assert "FullyQualifiedErrorId : ScriptTimeout" in done.stderr


REDOS = "[regex]::Match('a' * 40 + 'b', '^(a+)+$')"  # backtracks for hours


@pytest.mark.parametrize("script", [REDOS, "'a' * 40 + 'b' -match '^(a+)+$'", "'a' * 40 + 'b' -replace '^(a+)+$'",
                                    "switch -regex ('a' * 40 + 'b') { '^(a+)+$' { 'no' } }"])  # fmt: skip
def test_the_timeout_option_stops_a_regular_expression_that_backtracks_for_ever(script):
    """A match never reaches a point where a stop request is checked: the timer's signal stops
    it where it is, with the same error, and finally blocks still run."""
    started = time.perf_counter()
    done = emshell("--timeout", "1", "-c", f"'before'; try {{ {script} }} finally {{ 'finally' }}; 'after'")
    assert time.perf_counter() - started < 10
    assert done.returncode == 1
    assert done.stdout == "before\nfinally\n"
    assert TIMEOUT_MESSAGE in done.stderr
    assert "FullyQualifiedErrorId : ScriptTimeout" in done.stderr


def test_the_timeout_option_ends_the_process_when_one_operation_cannot_stop():
    """The backstop: an operation that cannot be stopped where it is (here a regular expression
    with that ability taken away) ends the process after the grace period."""
    from emshell.cli import TIMEOUT_GRACE

    program = ("import emshell.engine.stoppable_regex as regex; regex.regex_running = lambda: False; "
               "from emshell.cli import main; raise SystemExit(main(sys.argv[1:]))")  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", f"import sys; {program}", "--timeout", "1", "-c", f"'before'; {REDOS}"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert time.perf_counter() - started < 1 + TIMEOUT_GRACE + 5
    assert done.returncode == 1
    assert done.stdout == "before\n"
    assert done.stderr == f"emshell: {TIMEOUT_MESSAGE} It did not stop within {TIMEOUT_GRACE:g} more seconds.\n"


def test_the_timeout_option_leaves_a_quick_script_alone():
    done = emshell("--timeout", "5", "-c", "1..3 | % { $_ * 2 }")
    assert (done.returncode, done.stdout, done.stderr) == (0, "2\n4\n6\n", "")
