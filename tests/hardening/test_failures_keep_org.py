"""A command that fails changes nothing: the organization's canonical dump is byte-identical
before and after (moto's promise).  The fuzz tests check it for generated commands; this table
names the ways an Exchange command fails -- binding, identity, validation, conflicts, a
confirmation nobody can answer, .NET-side errors -- one by one."""

import pytest

from emshell import Shell

FAILING = [
    "Set-UMService -Identity NoSuchServer -UMStartupMode Dual",
    "Set-UMService -Identity MyUMServer1 -UMStartupMode Bogus",
    "Set-UMService -Identity MyUMServer1 -MaxCallsAllowed -5",
    "Set-UMService -Identity MyUMServer1 -UMStartupMode Dual -Confirm",
    "Set-UMService -Identity MyUMServer1 -DialPlans NoSuchPlan",
    "Set-UMService -Identity MyUMServer1 -UMStartupMode Dual -ErrorAction Stop -Bogus 1",
    "New-UMDialPlan -Name MyDialPlan -NumberOfDigitsInExtension 4",
    "Remove-UMDialPlan -Identity MyDialPlan -Confirm:$false",
    "Enable-UMMailbox -Identity nosuchuser -UMMailboxPolicy MyUMMailboxPolicy",
    "Enable-UMMailbox -Identity kima -UMMailboxPolicy MyUMMailboxPolicy -Extensions abc",
    "Set-UMMailbox -Identity kima -CallAnsweringRulesEnabled maybe",
    "New-UMIPGateway -Name G2 -Address 'not an address!'",
    "Set-UMCallRouterSettings -Server MyUMServer1 -SipTcpListeningPort 70000",
    "Set-UMMailboxPolicy -Identity MyUMMailboxPolicy -MinPINLength 2",
    "New-UMAutoAttendant -Name MyAutoAttendant -UMDialPlan MyDialPlan -PilotIdentifierList 1234",
    "New-UMHuntGroup -Name HG -PilotIdentifier 5555 -UMDialPlan NoPlan -UMIPGateway MyUMIPGateway",
    "Disable-UMMailbox -Identity nosuchuser -Confirm:$false",
    "Set-UMMailboxPIN -Identity kima -PIN 1",
    "Enable-ExchangeCertificate -Thumbprint NOPE -Services UM",
    "Enable-ExchangeCertificate -Services UM",
    "Set-UMService -Identity MyUMServer1 -UMStartupMode Dual -WarningAction Stop",
]


@pytest.mark.parametrize("command", FAILING)
def test_a_failing_command_leaves_the_org_byte_identical(command):
    shell = Shell()
    before = shell.org.dump()
    result = shell.run(command)
    assert result.errors, "the command must fail for this test to mean anything"
    assert shell.org.dump() == before


def test_a_command_that_succeeds_does_change_the_dump():
    """The comparison can fail: the dump sees a change when there is one."""
    shell = Shell()
    before = shell.org.dump()
    assert shell.run("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual -WarningAction SilentlyContinue").ok
    assert shell.org.dump() != before
