"""``emshell script.ps1`` with --transcript, --save, --input and --sandbox."""

from __future__ import annotations

import pytest

from emshell.cli import main, parse_args

SCRIPT = """\
param([string]$Server = 'MyUMServer1')
# move one server to Dual
Set-UMService -Identity $Server -UMStartupMode Dual -WarningAction SilentlyContinue
$who = Read-Host 'Changed by'
Get-UMService $Server | Format-Table Name, UMStartupMode
"by $who"
"""


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "dual.ps1"
    path.write_text(SCRIPT)
    (tmp_path / "answers.txt").write_text("Kim\n")
    return path


@pytest.mark.parametrize(("argv", "script_args", "options"), [
    (["a.ps1", "x", "--transcript", "t.txt"], ["x"], {"transcript": "t.txt"}),
    (["a.ps1", "--save", "s.yaml", "y", "--input", "i.txt"], ["y"], {"save": "s.yaml", "input": "i.txt"}),
    (["-File", "a.ps1", "--width", "80", "-Flag"], ["-Flag"], {"width": 80}),
    (["a.ps1", "--", "--transcript", "t.txt"], ["--transcript", "t.txt"], {"transcript": None}),
])  # fmt: skip
def test_emshell_options_may_follow_the_script(argv, script_args, options):
    opts = parse_args(argv)
    assert opts.file == "a.ps1"
    assert opts.script_args == script_args
    for name, value in options.items():
        assert getattr(opts, name) == value


def test_transcript_of_a_script(script, tmp_path, capsys):
    transcript = tmp_path / "out.txt"
    code = main([str(script), "MyUMServer2", "--transcript", str(transcript), "--input",
                 str(tmp_path / "answers.txt"), "--sandbox", str(tmp_path / "C")])  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == (
        "Changed by: Kim\n\nName        UMStartupMode\n----        -------------\nMyUMServer2 Dual         \n\n\nby Kim\n"
    )
    data = transcript.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf**********************\r\nWindows PowerShell transcript start\r\n")
    body = data.decode("utf-8-sig").split("**********************\r\n")[2]
    prompt = "[PS] C:\\Windows\\system32>"
    assert body == (
        f"{prompt}# move one server to Dual\r\n"
        f"{prompt}Set-UMService -Identity $Server -UMStartupMode Dual -WarningAction SilentlyContinue\r\n"
        f"{prompt}$who = Read-Host 'Changed by'\r\nChanged by: Kim\r\n"
        f"{prompt}Get-UMService $Server | Format-Table Name, UMStartupMode\r\n\r\n"
        "Name        UMStartupMode\r\n----        -------------\r\nMyUMServer2 Dual         \r\n\r\n\r\n"
        f"{prompt}\"by $who\"\r\nby Kim\r\n"
    )
    footer = data.decode("utf-8-sig").split("**********************\r\n")[3]
    assert footer.startswith("Windows PowerShell transcript end\r\nEnd time: ")


def test_save_writes_the_end_state(script, tmp_path, capsys):
    saved = tmp_path / "end.yaml"
    code = main([str(script), "--save", str(saved), "--input", str(tmp_path / "answers.txt"),
                 "--sandbox", str(tmp_path / "C")])  # fmt: skip
    assert code == 0
    from emshell.model import Organization

    assert Organization.load(saved).um_service("MyUMServer1").UMStartupMode == "Dual"


def test_without_input_read_host_fails_as_in_a_non_interactive_shell(script, tmp_path, capsys):
    main([str(script), "--sandbox", str(tmp_path / "C")])
    assert "NonInteractive mode" in capsys.readouterr().err


def test_a_script_reaching_outside_the_sandbox_gets_a_powershell_error(tmp_path, capsys):
    script = tmp_path / "escape.ps1"
    script.write_text("Get-Content C:\\..\\..\\etc\\passwd\nGet-Content \\\\server\\share\\secret.txt\n"
                      "'x' | Out-File D:\\loot.txt\n")  # fmt: skip
    main([str(script), "--sandbox", str(tmp_path / "C")])
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Get-Content : Cannot find path 'C:\\etc\\passwd' because it does not exist." in captured.err
    assert "Get-Content : Access to the path '\\\\server\\share\\secret.txt' is denied." in captured.err
    assert "Out-File : Access to the path 'D:\\loot.txt' is denied." in captured.err
    assert sorted(p.name for p in (tmp_path / "C").iterdir()) == ["Program Files", "ProgramData", "Users", "Windows"]


def test_start_transcript_in_a_batch_run_is_closed_at_exit(tmp_path, capsys):
    code = main(["-Command", "Start-Transcript C:\\t.txt | Out-Null; 'logged'", "--sandbox", str(tmp_path)])
    assert code == 0
    text = (tmp_path / "t.txt").read_bytes().decode("utf-8-sig")
    assert "logged\r\n**********************\r\nWindows PowerShell transcript end\r\n" in text


def test_timeout_ends_a_replay(tmp_path, capsys):
    script = tmp_path / "loop.ps1"
    script.write_text("'before'\nwhile ($true) { }\n'after'\n")
    main([str(script), "--transcript", str(tmp_path / "t.txt"), "--timeout", "0.3", "--sandbox", str(tmp_path / "C")])
    captured = capsys.readouterr()
    assert captured.out == "before\n"
    assert "ran longer than the 0.3 seconds allowed by --timeout" in captured.err


def test_the_temporary_sandbox_of_a_run_is_removed_when_emshell_ends(tmp_path):
    """Without --sandbox, drive C: is a temporary directory emshell made: nothing is left behind."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "emshell", "-c", "'kept?' > C:\\a.txt; (Get-Item C:\\a.txt).Length"],
                          capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "16\n", "")  # UTF-16 with BOM, as 5.1 writes
    assert list(tmp_path.iterdir()) == []


def test_a_sandbox_the_user_names_is_kept_with_what_the_script_wrote(tmp_path, capsys):
    box = tmp_path / "box"
    assert main(["--sandbox", str(box), "-c", "'kept' > C:\\a.txt"]) == 0
    assert (box / "a.txt").read_bytes().decode("utf-16") == "kept\r\n"


def test_the_temporary_sandbox_of_a_shell_goes_with_the_shell():
    import gc
    import os

    from emshell import Shell

    shell = Shell()
    shell.run("'x' > C:\\a.txt")
    root = shell.runspace.sandbox.root
    assert os.path.isfile(os.path.join(root, "a.txt"))
    del shell
    gc.collect()
    assert not os.path.exists(root)
