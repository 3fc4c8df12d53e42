"""The interpreter, specified by PowerShell snippets and what the console shows for them."""

from __future__ import annotations

import pytest

from emshell import Shell


def run(source: str) -> str:
    return Shell().run(source).text


# (PowerShell source, exact console text)
CASES = [
    # expressions and output
    ("1 + 2", "3\n"),
    ("'a' + 'b'", "ab\n"),
    ("1, 2, 3", "1\n2\n3\n"),
    ("@()", ""),
    ("$null", ""),
    ("7 / 2", "3.5\n"),
    ("6 / 2", "3\n"),
    ("0.1 + 0.2", "0.3\n"),
    ("'x' * 3", "xxx\n"),
    ("(1..5).Count", "5\n"),
    ("1..3", "1\n2\n3\n"),
    ("$true", "True\n"),
    ("-not $true", "False\n"),
    ("!$false", "True\n"),
    ("'{0:N2}' -f 1234.5", "1,234.50\n"),
    ("'abc'.ToUpper()", "ABC\n"),
    ("'a,b,c'.Split(',')[1]", "b\n"),
    ("'Hello' -like 'h*'", "True\n"),
    ("'Hello' -clike 'h*'", "False\n"),
    ("1, 2, 3, 2 -eq 2", "2\n2\n"),
    ("'abc' -match 'b(c)'; $matches[1]", "True\nc\n"),
    ("'a-b-c' -replace '-', '+'", "a+b+c\n"),
    ("'a b' -split ' '", "a\nb\n"),
    ("(1, 2, 3) -join ','", "1,2,3\n"),
    ("[int]'42' + 1", "43\n"),
    ("[string]42 + 1", "421\n"),
    ("$x = 5; \"x is $x\"", "x is 5\n"),
    ("$a = @{Name='n'; Count=2}; $a.Count", "2\n"),
    ("$h = @{}; $h['k'] = 'v'; $h.k", "v\n"),
    ("$s = 'abc'; \"len $($s.Length)\"", "len 3\n"),
    # assignment forms
    ("$i = 1; $i += 2; $i", "3\n"),
    ("$i = 1; $i++; $i", "2\n"),
    ("$i = 5; $i--; $i", "4\n"),
    ("$a, $b = 1, 2; $b", "2\n"),
    ("$a, $b = 1, 2, 3; $b", "2\n3\n"),
    ("$null = 5", ""),
    ("[int]$n = '7'; $n = '8'; $n + 1", "9\n"),
    ("$list = @(1, 2); $list += 3; $list.Count", "3\n"),
    # control flow
    ("if ($true) { 'yes' } else { 'no' }", "yes\n"),
    ("if (0) { 'a' } elseif ('') { 'b' } else { 'c' }", "c\n"),
    ("foreach ($i in 1..3) { $i * 2 }", "2\n4\n6\n"),
    ("foreach ($i in $null) { 'never' }", ""),
    ("for ($i = 0; $i -lt 3; $i++) { $i }", "0\n1\n2\n"),
    ("$i = 0; while ($i -lt 2) { $i; $i++ }", "0\n1\n"),
    ("$i = 0; do { $i; $i++ } while ($i -lt 2)", "0\n1\n"),
    ("$i = 0; do { $i; $i++ } until ($i -ge 2)", "0\n1\n"),
    ("foreach ($i in 1..5) { if ($i -eq 3) { break }; $i }", "1\n2\n"),
    ("foreach ($i in 1..4) { if ($i % 2) { continue }; $i }", "2\n4\n"),
    (":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; \"$i$j\" } }",
     "11\n21\n31\n"),
    ("switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }", "two\n"),
    ("switch ('abc') { 'ABC' { 'ci' } }", "ci\n"),
    ("switch -Wildcard ('abc') { 'a*' { 'wild' } }", "wild\n"),
    ("switch -Regex ('abc') { '^a' { 'rx' } }", "rx\n"),
    ("switch (1, 2) { 1 { 'one' } 2 { 'two' } }", "one\ntwo\n"),
    ("switch (5) { { $_ -gt 3 } { 'big' } }", "big\n"),
    ("switch (1) { 1 { 'a' } 1 { 'b' } }", "a\nb\n"),
    ("switch (1) { 1 { 'a'; break } 1 { 'b' } }", "a\n"),
    # functions
    ("function f { 'hi' }; f", "hi\n"),
    ("function f($a, $b) { $a + $b }; f 1 2", "3\n"),
    ("function f { param($Name = 'def') \"Hello $Name\" }; f; f -Name x", "Hello def\nHello x\n"),
    ("function f { $args.Count }; f a b c", "3\n"),
    ("function f { return 1; 2 }; f", "1\n"),
    ("function f { process { $_ * 10 } }; 1, 2 | f", "10\n20\n"),
    ("filter double { $_ * 2 }; 1, 2 | double", "2\n4\n"),
    ("function f { $input | ForEach-Object { $_ + 1 } }; 1, 2 | f", "2\n3\n"),
    ("function f { [CmdletBinding()] param([Parameter(Mandatory=$true)][string]$Name) $Name }; f -Name z", "z\n"),
    ("function f { param([switch]$Force) if ($Force) { 'forced' } else { 'soft' } }; f; f -Force",
     "soft\nforced\n"),
    ("function f { param($x) $PSBoundParameters.Count }; f -x 1", "1\n"),
    ("$x = 1; function f { $x = 2 }; f; $x", "1\n"),
    ("$x = 1; function f { $script:x = 2 }; f; $x", "2\n"),
    ("function f { $x }; $x = 'outer'; f", "outer\n"),
    ("$sb = { param($a) $a * 2 }; & $sb 4", "8\n"),
    ("$sb = { 'dot' }; . $sb", "dot\n"),
    ("$sb = { $y = 1 }; . $sb; $y", "1\n"),
    ("$p = @{ Name = 'v' }; function f($Name) { $Name }; f @p", "v\n"),
    ("$a = 'x', 'y'; function f($p, $q) { \"$p$q\" }; f @a", "xy\n"),
    # pipelines and core cmdlets
    ("1..5 | Where-Object { $_ -gt 3 }", "4\n5\n"),
    ("1..3 | ForEach-Object { $_ * 3 }", "3\n6\n9\n"),
    ("1..3 | % { $_ }", "1\n2\n3\n"),
    ("'b', 'a', 'c' | Sort-Object", "a\nb\nc\n"),
    ("3, 1, 2 | Sort-Object -Descending", "3\n2\n1\n"),
    ("1, 2, 3 | Select-Object -First 2", "1\n2\n"),
    ("1, 2, 3 | Select-Object -Last 1", "3\n"),
    ("1, 1, 2 | Select-Object -Unique", "1\n2\n"),
    ("(1..10 | Measure-Object -Sum).Sum", "55\n"),
    ("(1, 2, 3 | Measure-Object).Count", "3\n"),
    ("'a', 'bb' | ForEach-Object Length", "1\n2\n"),
    ("Write-Output 1 2 3", "1\n2\n3\n"),
    ("Write-Output 'x' | Out-Null", ""),
    ("$r = 1..3 | ForEach-Object { $_ }; $r.Count", "3\n"),
    ("@(Get-Variable -Name true -ValueOnly)", "True\n"),
    ("Set-Variable -Name z -Value 4; $z", "4\n"),
    ("[PSCustomObject]@{ A = 1 } | Select-Object -ExpandProperty A", "1\n"),
    ("$o = [PSCustomObject]@{ A = 1; B = 2 }; $o.B", "2\n"),
    ("$o = New-Object PSObject; $o | Add-Member NoteProperty N 5; $o.N", "5\n"),
    ("Invoke-Expression '2 + 2'", "4\n"),
    # errors and try/catch
    ("try { throw 'boom' } catch { \"caught $_\" }", "caught boom\n"),
    ("try { 1/0 } catch { 'div' }", "div\n"),
    ("try { throw 'x' } finally { 'fin' }",
     "fin\nx\nAt line:1 char:7\n+ try { throw 'x' } finally { 'fin' }\n+       ~~~~~~~~~\n"
     "    + CategoryInfo          : OperationStopped: (x:String) [], RuntimeException\n"
     "    + FullyQualifiedErrorId : x\n \n"),
    ("try { Get-Nothing } catch [System.Management.Automation.CommandNotFoundException] { 'cnf' }", "cnf\n"),
    ("try { throw 'a' } catch [System.ArgumentException] { 'arg' } catch { 'other' }", "other\n"),
    ("try { try { throw 'in' } finally { 'f1' } } catch { \"out $_\" }", "f1\nout in\n"),
    ("$ErrorActionPreference = 'Stop'; try { Write-Error 'we' } catch { 'stopped' }", "stopped\n"),
    ("try { Write-Error 'we' -ErrorAction Stop } catch { $_.Exception.Message }", "we\n"),
    ("Write-Error 'quiet' -ErrorAction SilentlyContinue; $Error.Count", "1\n"),
    ("$?", "True\n"),
    ("trap { 'trapped'; continue }; throw 'x'; 'after'", "trapped\nafter\n"),
]


@pytest.mark.parametrize("source, expected", CASES, ids=[c[0][:60] for c in CASES])
def test_console_text(source: str, expected: str) -> None:
    assert run(source) == expected


def test_statement_error_does_not_stop_the_script() -> None:
    result = Shell().run("1/0; 'next'")
    assert result.output == ["next"]
    assert result.error_ids == ["RuntimeException"]
    assert result.errors[0].message == "Attempted to divide by zero."


def test_throw_stops_the_script() -> None:
    result = Shell().run("throw 'stop here'; 'never'")
    assert result.output == []
    assert str(result.errors[0]) == "stop here"
    assert result.exit_code == 1


def test_exit_code_wins() -> None:
    assert Shell().run("exit 7").exit_code == 7


def test_last_statement_decides_command_exit_code() -> None:
    assert Shell().run("Get-Nothing; 'ok'").exit_code == 0
    assert Shell().run("'ok'; Get-Nothing").exit_code == 1


def test_not_recognized_error_text() -> None:
    result = Shell().run("Get-Nothing")
    assert result.text == (
        # The console wraps at 119 of its 120 columns, as the EMS capture in ems-behaviour.md §4.3 shows.
        "Get-Nothing : The term 'Get-Nothing' is not recognized as the name of a cmdlet, function, script file, or "
        "operable \nprogram. Check the spelling of the name, or if a path was included, verify that the path is "
        "correct and try again.\n"
        "At line:1 char:1\n"
        "+ Get-Nothing\n"
        "+ ~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (Get-Nothing:String) [], CommandNotFoundException\n"
        "    + FullyQualifiedErrorId : CommandNotFoundException\n"
        " \n"
    )


def test_call_depth_overflow() -> None:
    result = Shell().run("function f { f }; f")
    assert result.errors[0].FullyQualifiedErrorId == "CallDepthOverflow"
    assert result.errors[0].message == "The script failed due to call depth overflow."


def test_variables_survive_between_runs() -> None:
    shell = Shell()
    shell.run("$kept = 'yes'")
    assert shell.run("$kept").output == ["yes"]
