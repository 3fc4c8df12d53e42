"""Test-UMConnectivity: test calls from the local server (MyUMServer1) succeed or fail from what
the UM services run - the mode they loaded, their state and their certificate - and say why."""

from __future__ import annotations

import pytest
from servers_support import SEED_THUMBPRINT, UM_TASKS, binding_error, error_of, rule_error, unchanged

from emshell import Shell
from emshell.model import Organization

UM = "Microsoft Exchange Unified Messaging service"
CR = "Microsoft Exchange Unified Messaging Call Router service"
SECURED_KIM = "Test-UMConnectivity -UMDialPlan MySIPDialPlan -Phone 23456 -PIN 246810 -TUILogon $true"
UNSECURED_TONY = "Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 5643892 -TUILogon $true"
DUAL = ("Set-UMService MyUMServer1 -UMStartupMode Dual; Set-UMCallRouterSettings -UMStartupMode Dual; "
        f"Enable-ExchangeCertificate {SEED_THUMBPRINT} -Services 'UM, UMCallRouter'")  # fmt: skip
RESTART = "Restart-Service MSExchangeUM, MSExchangeUMCR"


@pytest.fixture
def shell() -> Shell:
    return Shell()


def outcome(shell: Shell, command: str) -> tuple[bool, str]:
    """(EntireOperationSuccess, ReasonForFailure) of the one result a test writes."""
    result = shell.run(command)
    assert not result.errors, result.text
    (test,) = result.output
    return test.get_property("EntireOperationSuccess"), str(test.get_property("ReasonForFailure"))


# --------------------------------------------------------------------------- the seed's decision table


@pytest.mark.parametrize(
    ("setup", "command", "success", "reason"),
    [
        ("", UNSECURED_TONY, True, ""),  # TCP answers unsecured dial plans (an expired PIN still logs on)
        ("", SECURED_KIM, False,
         f"The {CR} on server MyUMServer1 is running in TCP mode; the Secured dial plan MySIPDialPlan needs TLS."),
        (DUAL, SECURED_KIM, False,  # configured, not restarted
         f"The {CR} on server MyUMServer1 is running in TCP mode (the configured mode is Dual; restart MSExchangeUMCR "
         "for it to take effect); the Secured dial plan MySIPDialPlan needs TLS."),
        (f"{DUAL}; {RESTART}", SECURED_KIM, True, ""),
        (f"{DUAL}; {RESTART}", UNSECURED_TONY, True, ""),
        (f"{DUAL}; Restart-Service MSExchangeUMCR", SECURED_KIM, False,
         f"The {UM} on server MyUMServer1 is running in TCP mode (the configured mode is Dual; restart MSExchangeUM "
         "for it to take effect); the Secured dial plan MySIPDialPlan needs TLS."),
        ("Set-UMService MyUMServer1 -UMStartupMode Dual; Restart-Service MSExchangeUM", UNSECURED_TONY, False,
         f"The {UM} (MSExchangeUM) isn't running on server MyUMServer1. It can't start: The {UM} on server "
         "MyUMServer1 is configured for Dual mode but no certificate is assigned to it."),
        ("Set-UMService MyUMServer1 -UMStartupMode TLS; Set-UMCallRouterSettings -UMStartupMode TLS; "
         f"Enable-ExchangeCertificate {SEED_THUMBPRINT} -Services 'UM, UMCallRouter'; {RESTART}", UNSECURED_TONY, False,
         f"The {CR} on server MyUMServer1 is running in TLS mode; the Unsecured dial plan MyUMDialPlan needs TCP."),
        ("Disable-UMService MyUMServer1 -Confirm:$false", UNSECURED_TONY, False,
         f"The {UM} on server MyUMServer1 doesn't accept new calls: its status is NoNewCalls (Enable-UMService "
         "enables it)."),
    ],
)  # fmt: skip
def test_calls_into_dial_plans(shell: Shell, setup: str, command: str, success: bool, reason: str) -> None:
    if setup:
        shell.run(setup)
    assert outcome(shell, command) == (success, reason)


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ("Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 1111 -TUILogon $true",
         'The logon to mailbox "contoso.com/Users/Tony Smith" failed: the PIN is incorrect.'),
        ("Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 59999 -PIN 1111 -TUILogon $true",
         "No UM-enabled mailbox in dial plan MyUMDialPlan has the extension or address 59999."),
        ("Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 1 -TUILogon $true -Secured $true",
         "The Unsecured dial plan MyUMDialPlan takes TCP calls only; the test call used TLS."),
        ("Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 1 -TUILogon $true -RemotePort 5061",
         "No UM service on server MyUMServer1 listens for TCP calls on port 5061; the port is 5060."),
    ],
)  # fmt: skip
def test_failed_logons_and_calls(shell: Shell, command: str, reason: str) -> None:
    assert outcome(shell, command) == (False, reason)


def test_a_call_without_logon_needs_no_pin(shell: Shell) -> None:
    assert outcome(shell, "Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 59999 -PIN 0 -TUILogon $false") == (
        True, "")  # fmt: skip


# --------------------------------------------------------------------------- the local loop


def test_local_loop_result(shell: Shell) -> None:
    (test,) = shell.run("Test-UMConnectivity").output
    assert test.PS_TYPE_NAMES[0] == "Microsoft.Exchange.Management.Tasks.UM.TestUMConnectivityHelper+LocalUMConnectivityResults"
    assert [(name, str(value)) for name, value in test.items()][1:9] == [
        ("UmserverAcceptingCallAnsweringMessages", "True"), ("TotalQueuedMessages", "0"), ("CurrCalls", "0"),
        ("Latency", str(test.get_property("Latency"))), ("OutBoundSIPCallSuccess", "True"),
        ("UmIPAddress", "10.0.0.19"), ("EntireOperationSuccess", "True"), ("ReasonForFailure", ""),
    ]  # fmt: skip
    assert test.get_property("Latency") > 0


@pytest.mark.parametrize(
    ("command", "success", "reason"),
    [
        ("Test-UMConnectivity -CallRouter", True, ""),
        ("Test-UMConnectivity -Secured $true", False,
         f"The {UM} on server MyUMServer1 is running in TCP mode; a secured test call needs TLS."),
        ("Test-UMConnectivity -MediaSecured $true", False,
         "Secured media (SRTP) needs a secured call: run the test with -Secured $true."),
        ("Test-UMConnectivity -ListenPort 5060", False,
         "The test can't listen on port 5060 of server MyUMServer1: a UM service uses it."),
        ("Test-UMConnectivity -ListenPort 9000 -RemotePort 5062 -Timeout 60", True, ""),
        ("Stop-Service MSExchangeUMCR; Test-UMConnectivity -CallRouter", False,
         f"The {CR} (MSExchangeUMCR) isn't running on server MyUMServer1."),
    ],
)  # fmt: skip
def test_local_loop(shell: Shell, command: str, success: bool, reason: str) -> None:
    assert outcome(shell, command) == (success, reason)


def test_local_loop_over_tls_checks_the_certificate(shell: Shell) -> None:
    shell.run(f"{DUAL}; {RESTART}")
    assert outcome(shell, "Test-UMConnectivity -Secured $true -MediaSecured $true") == (True, "")
    assert outcome(shell, "Test-UMConnectivity -Secured $true -CertificateThumbprint "
                          "0123456789ABCDEF0123456789ABCDEF01234567") == (
        False, "The certificate with thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 wasn't found on server "
               "MyUMServer1.")  # fmt: skip


def test_a_server_without_the_um_service() -> None:
    org = Organization.default()
    org.settings.local_server = "MAIL"  # a Client Access server
    shell = Shell(org)
    result = unchanged(shell, "Test-UMConnectivity")
    assert error_of(result) == rule_error(
        "Test-UMConnectivity", "The Microsoft Exchange Unified Messaging service isn't installed on server MAIL.",
        "NoUMService", UM_TASKS + "TestUMConnectivity",
    )  # fmt: skip
    assert outcome(shell, "Test-UMConnectivity -CallRouter") == (True, "")


# --------------------------------------------------------------------------- end to end and test mailboxes


@pytest.mark.parametrize(
    ("command", "success", "received", "reason"),
    [
        ("Test-UMConnectivity -UMIPGateway MyUMIPGateway -Phone 56780 -Secured $false", True, "ABCD*#0123456789", ""),
        ("Test-UMConnectivity -UMIPGateway MyUMIPGateway -Phone 56780 -DiagDtmfSequence 123", True, "123", ""),
        ("Test-UMConnectivity -UMIPGateway LyncPoolNA -Phone sip:sipdp.contoso.com@contoso.com -Secured $true "
         "-From sip:user1@contoso.com", False, "",
         f"The {UM} on server MyUMServer1 is running in TCP mode; the test call through UM IP gateway LyncPoolNA "
         "needs TLS."),
        ("Test-UMConnectivity -UMIPGateway LyncPoolNA -Phone 56780", False, "",
         "The call came back over TCP, but the dial plans of UM IP gateway LyncPoolNA don't take TCP calls: "
         "MySIPDialPlan (Secured)."),
    ],
)  # fmt: skip
def test_end_to_end(shell: Shell, command: str, success: bool, received: str, reason: str) -> None:
    (test,) = shell.run(command).output
    properties = ("EntireOperationSuccess", "ReceivedDigits", "ReasonForFailure")
    assert tuple(test.get_property(p) for p in properties) == (success, received, reason)


def test_end_to_end_needs_an_enabled_gateway(shell: Shell) -> None:
    shell.org.set_status(shell.org.resolve("ipGateway", "MyUMIPGateway"), "Disabled")
    assert outcome(shell, "Test-UMConnectivity -UMIPGateway MyUMIPGateway -Phone 56780") == (
        False, "The UM IP gateway MyUMIPGateway is disabled (Disabled).")  # fmt: skip


@pytest.mark.parametrize("command", ["Test-UMConnectivity -TUILogonAll $true", "Test-UMConnectivity -ResetPIN $true"])
def test_no_test_mailboxes(shell: Shell, command: str) -> None:
    result = shell.run(command)
    assert (result.output, result.warnings) == ([], [
        "No UM-enabled test mailboxes were found in Active Directory site Default-First-Site-Name. Create them with "
        "New-TestCasConnectivityUser.ps1, then enable them for Unified Messaging."])  # fmt: skip
    assert shell.run(command.replace("$true", "$false")).text == ""


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Test-UMConnectivity -Timeout 30",
         binding_error("Test-UMConnectivity", "Cannot validate argument on parameter 'Timeout'. The 30 argument is less "
                       "than the minimum allowed range of 60. Supply an argument that is greater than or equal to 60 "
                       "and then try the command again.", "ParameterArgumentValidationError", "InvalidData",
                       "ParameterBindingValidationException")),
        ("Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234",
         binding_error("Test-UMConnectivity", "Cannot process command because of one or more missing mandatory "
                       "parameters: PIN TUILogon.", "MissingMandatoryParameter")),
    ],
)  # fmt: skip
def test_binding_errors(shell: Shell, command: str, expected: tuple) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_whatif_places_no_call(shell: Shell) -> None:
    result = shell.run("Test-UMConnectivity -WhatIf")
    assert result.text == 'What if: Testing UM connectivity "MyUMServer1".\n'
    assert shell.org.call_records == []
