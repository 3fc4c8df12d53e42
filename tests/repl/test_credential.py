"""Get-Credential asks in the console as PowerShell's console host does, and keeps no password."""

from __future__ import annotations

import pytest

from emshell.shell import Shell


@pytest.mark.parametrize(("command", "answers", "shown"), [
    ("Get-Credential contoso\\admin", ["P@ssw0rd"],
     "\nWindows PowerShell credential request\nEnter your credentials.\nPassword for user contoso\\admin: \n\n"),
    ("Get-Credential -Credential kim", ["secret"],
     "\nWindows PowerShell credential request\nEnter your credentials.\nPassword for user kim: \n\n"),
    ("Get-Credential -Message 'Sign in to MyUMServer1'", ["tony", "pw"],
     "\nWindows PowerShell credential request\nSign in to MyUMServer1\nUser: tony\nPassword for user tony: \n\n"),
    ("Get-Credential -Message 'Sign in' -UserName pilarp", ["pw"],
     "\nWindows PowerShell credential request\nSign in\nPassword for user pilarp: \n\n"),
])  # fmt: skip
def test_the_credential_prompt(command: str, answers: list[str], shown: str) -> None:
    shell = Shell(inputs=answers)
    result = shell.run(f"$c = {command}")
    assert result.ok, result.errors
    assert result.text == shown


def test_the_credential_keeps_the_user_but_not_the_password() -> None:
    shell = Shell(inputs=["Passw0rd!"])
    result = shell.run("$c = Get-Credential contoso\\kima; $c.UserName; $c.Password.Length; $c.Password; "
                       "$c.GetType().FullName")  # fmt: skip
    assert result.output == ["contoso\\kima", 9, result.output[2], "System.Management.Automation.PSCredential"]
    assert str(result.output[2]) == "System.Security.SecureString"
    assert vars(result.output[2]) == {"Length": 9}  # the SecureString knows its length, nothing more


def test_a_credential_passes_through_unchanged() -> None:
    shell = Shell(inputs=["pw"])
    result = shell.run("$c = Get-Credential kim; $d = Get-Credential -Credential $c; $d.UserName")
    assert result.output == ["kim"]
    assert result.text.count("Password for user") == 1


def test_without_an_answer_the_prompt_fails_as_non_interactive() -> None:
    result = Shell().run("Get-Credential kim")
    assert result.error_ids == ["InvalidOperation,Microsoft.PowerShell.Commands.GetCredentialCommand"]
    assert str(result.errors[0]) == "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
