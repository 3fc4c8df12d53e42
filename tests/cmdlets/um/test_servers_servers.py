"""Server cmdlets: Get-ExchangeServer, Get-MailboxServer, Get-ClientAccessServer/-Service,
Get-/Set-/Enable-/Disable-UMService and Get-/Set-UMCallRouterSettings, on the built-in org."""

from __future__ import annotations

import pytest
from servers_support import (
    CONFIG_TASKS,
    UM_TASKS,
    binding_error,
    error_of,
    not_found,
    rule_error,
    unchanged,
    values,
)

from emshell import Shell

MAILBOX_SERVERS = ["EXCH01", "Exchange01", "Mailbox01", "MBX01", "MyUMServer", "MyUMServer1", "MyUMServer2",
                   "MyUMServer3", "Server1"]  # fmt: skip
CLIENT_ACCESS_SERVERS = ["EXCH01", "Exchange01", "MAIL", "Mailbox01", "MBX01", "MyUMCallRouter", "MyUMServer",
                         "MyUMServer1", "MyUMServer2", "MyUMServer3", "UMCallRouter001"]  # fmt: skip
RESTART_UM = ("The change to the startup mode takes effect after the Microsoft Exchange Unified Messaging service is "
              "restarted on server {0}. A valid certificate is required for the TLS and Dual startup modes.")  # fmt: skip
RESTART_CR = ("The change to the startup mode takes effect after the Microsoft Exchange Unified Messaging Call Router "
              "service is restarted on server {0}. A valid certificate is required for the TLS and Dual startup "
              "modes.")  # fmt: skip
TCP_TO_TLS_CR = ("Before the Microsoft Exchange Unified Messaging Call Router service can start in {1} mode on server "
                 "{0}, enable a valid certificate for it with Enable-ExchangeCertificate.")  # fmt: skip


@pytest.fixture
def shell() -> Shell:
    return Shell()


# --------------------------------------------------------------------------- listings and not found


@pytest.mark.parametrize(
    ("command", "names"),
    [
        ("Get-MailboxServer", MAILBOX_SERVERS),
        ("Get-MailboxServer -Identity Server1", ["Server1"]),
        ("Get-MailboxServer MyUMServer1.contoso.com", ["MyUMServer1"]),  # an FQDN identifies a server too
        ("Get-ClientAccessService", CLIENT_ACCESS_SERVERS),
        ("Get-ClientAccessService -Identity mail.contoso.com", ["MAIL"]),
        ("Get-ExchangeServer -Identity EDGE01", ["EDGE01"]),
        ("Get-ExchangeServer -Domain contoso.com", sorted(
            ["EDGE01", "Server1", "UMCallRouter001", "MAIL", *MAILBOX_SERVERS[:8]], key=str.lower)),
        ("Get-UMService", MAILBOX_SERVERS),
        ("Get-ExchangeServer | Get-MailboxServer", MAILBOX_SERVERS),  # role filtering drops the others
    ],
)  # fmt: skip
def test_server_listings(shell: Shell, command: str, names: list[str]) -> None:
    if "|" in command:  # piping servers without the role gives one not-found error each
        result = shell.run(command)
        assert [str(o.get_property("Name")) for o in result.output] == names
        assert len(result.errors) == 4
        return
    assert [row[0] for row in values(shell, command, "Name")] == names


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-MailboxServer -Identity MyUMCallRouter",  # a Client Access server has no Mailbox role
         not_found("Get-MailboxServer", "MyUMCallRouter", CONFIG_TASKS + "GetMailboxServer")),
        ("Get-ClientAccessService -Identity Server1",
         not_found("Get-ClientAccessService", "Server1", CONFIG_TASKS + "GetClientAccessService")),
        ("Get-ExchangeServer NOPE", not_found("Get-ExchangeServer", "NOPE", CONFIG_TASKS + "GetExchangeServer")),
        ("Get-UMService -Identity MAIL", not_found("Get-UMService", "MAIL", UM_TASKS + "GetUMServer")),
        ("Get-UMCallRouterSettings -Server Server1",
         not_found("Get-UMCallRouterSettings", "Server1", UM_TASKS + "GetUMCallRouterSettings")),
        ("Enable-UMService -Identity EDGE01", not_found("Enable-UMService", "EDGE01", UM_TASKS + "EnableUMServer")),
    ],
)  # fmt: skip
def test_servers_not_found(shell: Shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected


# --------------------------------------------------------------------------- the server views


def test_get_mailbox_server_object(shell: Shell) -> None:
    (server,) = shell.run("Get-MailboxServer Server1").output
    assert server.PS_TYPE_NAMES[:2] == ("Microsoft.Exchange.Data.Directory.Management.MailboxServer",
                                        "Microsoft.Exchange.Data.Directory.Management.ADPresentationObject")  # fmt: skip
    names = [name for name, _ in server.items()]
    assert names[:5] == ["RunspaceId", "Name", "DataPath", "SharingPolicySchedule", "CalendarRepairMissingItemFixDisabled"]
    assert names[-3:] == ["Id", "OriginatingServer", "ObjectState"]
    assert str(server.get_property("CalendarRepairLogDirectorySizeLimit")) == "500 MB (524,288,000 bytes)"


def test_get_mailbox_server_status_reads_the_locales(shell: Shell) -> None:
    assert values(shell, "Get-MailboxServer Server1", "Locale") == [["{}"]]
    text = shell.run("Get-MailboxServer Server1 -Status | Format-List Name, Locale").text
    assert text == "\n\nName   : Server1\nLocale : {en-US}\n\n\n\n"


def test_get_exchange_server_status_shows_the_domain_controllers(shell: Shell) -> None:
    text = shell.run("Get-ExchangeServer Mailbox01 -Status | Format-List CurrentDomainControllers, "
                     "CurrentConfigDomainController").text  # fmt: skip
    assert text == ("\n\nCurrentDomainControllers      : {DC01.contoso.com}\n"
                    "CurrentConfigDomainController : DC01.contoso.com\n\n\n\n")  # fmt: skip
    plain = shell.run("Get-ExchangeServer Mailbox01 | Format-List CurrentConfigDomainController").text
    assert plain == "\n\nCurrentConfigDomainController : \n\n\n\n"


def test_get_client_access_server_warns_that_it_is_going_away(shell: Shell) -> None:
    result = shell.run("Get-ClientAccessServer -Identity mail.contoso.com | Format-List Name, Fqdn")
    assert result.warnings == ["The Get-ClientAccessServer cmdlet will be removed in a future version of Exchange. "
                               "Use the Get-ClientAccessService cmdlet instead."]  # fmt: skip
    assert result.output and "Name : MAIL\nFqdn : mail.contoso.com" in result.text


@pytest.mark.parametrize(
    ("switch", "configuration"),
    [
        ("", ""),
        ("-IncludeAlternateServiceAccountCredentialStatus", "Latest: <not set>, Previous: <not set>"),
        ("-IncludeAlternateServiceAccountCredentialPassword", "Latest: <not set>, Previous: <not set>"),
    ],
)
def test_client_access_service_alternate_account(shell: Shell, switch: str, configuration: str) -> None:
    command = f"Get-ClientAccessService MAIL {switch}"
    assert values(shell, command, "AlternateServiceAccountConfiguration", "AutoDiscoverServiceInternalUri") == [
        [configuration if configuration else "None", "https://mail.contoso.com/Autodiscover/Autodiscover.xml"]
    ]


# --------------------------------------------------------------------------- Set-UMService


def test_set_um_service_to_dual_warns_and_keeps_the_running_mode(shell: Shell) -> None:
    result = shell.run("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual")
    assert result.ok and result.warnings == [
        RESTART_UM.format("MyUMServer1"),
        "Before the Microsoft Exchange Unified Messaging service can start in Dual mode on server MyUMServer1, "
        "enable a valid certificate for it with Enable-ExchangeCertificate.",
    ]
    service = shell.org.um_service("MyUMServer1")
    assert (str(service.UMStartupMode), str(service.effective_startup_mode)) == ("Dual", "TCP")
    assert values(shell, "Get-UMService MyUMServer1", "UMStartupMode") == [["Dual"]]


def test_set_um_service_whatif_changes_nothing(shell: Shell) -> None:
    before = shell.org.dump()
    result = shell.run("Set-UMService MyUMServer1 -UMStartupMode TLS -WhatIf")
    assert result.text == 'What if: Setting UM service "MyUMServer1".\n'
    assert shell.org.dump() == before


def test_set_um_service_status_is_refused_on_exchange_2016(shell: Shell) -> None:
    message = ("The Status parameter can only be used with Exchange 2007 or Exchange 2010 Unified Messaging servers; "
               "Exchange 2013 and later use Set-ServerComponentState.")  # fmt: skip
    result = unchanged(shell, "Set-UMService MyUMServer1 -Status Disabled")
    assert error_of(result) == rule_error("Set-UMService", message, "StatusChangeException", UM_TASKS + "SetUMServer")


# --------------------------------------------------------------------------- Enable-/Disable-UMService


@pytest.mark.parametrize(
    ("command", "status"),
    [
        ("Disable-UMService -Identity MyUMServer -Confirm:$false", "NoNewCalls"),  # calls in progress finish
        ("Disable-UMService -Identity MyUMServer -Immediate $true -Confirm:$false", "Disabled"),
        ("Disable-UMService MyUMServer -Immediate $false -Confirm:$false; Enable-UMService MyUMServer", "Enabled"),
    ],
)
def test_enable_and_disable_um_service(shell: Shell, command: str, status: str) -> None:
    result = shell.run(command)
    assert result.ok, result.text
    assert values(shell, "Get-UMService -Identity MyUMServer", "Status") == [[status]]


def test_disable_um_service_asks_for_confirmation(shell: Shell) -> None:
    result = unchanged(shell, "Disable-UMService -Identity MyUMServer")  # a script cannot answer
    assert [str(e) for e in result.errors] == [
        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    answered = Shell(inputs=["Y"])
    assert answered.run("Disable-UMService -Identity MyUMServer").ok
    assert str(answered.org.um_service("MyUMServer").Status) == "NoNewCalls"
    assert "Disabling UM service \"MyUMServer\"." in answered.host.text


def test_enable_um_service_without_change_warns(shell: Shell) -> None:
    result = shell.run("Enable-UMService MyUMServer2")
    assert result.warnings == ["The command completed successfully but no settings of 'MyUMServer2' have been modified."]


def test_disable_um_service_whatif(shell: Shell) -> None:
    before = shell.org.dump()
    assert shell.run("Disable-UMService MyUMServer -WhatIf").text == 'What if: Disabling UM service "MyUMServer".\n'
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- the call router


def test_get_um_call_router_settings_reads_the_local_server(shell: Shell) -> None:
    assert values(shell, "Get-UMCallRouterSettings", "Identity", "UMStartupMode", "SipTcpListeningPort") == [
        ["MyUMServer1\\UMCallRouterSettings", "TCP", "5060"]
    ]
    assert values(shell, "Get-UMCallRouterSettings -Server EXCH01", "Identity") == [["EXCH01\\UMCallRouterSettings"]]
    assert values(shell, "Get-ExchangeServer MAIL | Get-UMCallRouterSettings", "Identity") == [
        ["MAIL\\UMCallRouterSettings"]
    ]


def test_set_um_call_router_settings(shell: Shell) -> None:
    result = shell.run("Set-UMCallRouterSettings -Server MyUMCallRouter.northwindtraders.com -DialPlans MySIPDialPlan "
                       "-IPAddressFamily Any -UMStartupMode TLS")  # fmt: skip
    assert result.ok and result.warnings == [RESTART_CR.format("MyUMCallRouter"),
                                             TCP_TO_TLS_CR.format("MyUMCallRouter", "TLS")]  # fmt: skip
    assert values(shell, "Get-UMCallRouterSettings MyUMCallRouter", "DialPlans", "UMStartupMode") == [
        ["{MySIPDialPlan}", "TLS"]
    ]
    assert shell.run("Set-UMCallRouterSettings -Server MyUMCallRouter -DialPlans $null").ok
    assert values(shell, "Get-UMCallRouterSettings MyUMCallRouter", "DialPlans") == [["{}"]]


def test_set_um_call_router_settings_without_change_warns(shell: Shell) -> None:
    result = shell.run("Set-UMCallRouterSettings -DialPlans $null -Server UMCallRouter001.contoso.com")
    assert result.warnings == ["The command completed successfully but no settings of "
                               "'UMCallRouter001\\UMCallRouterSettings' have been modified."]  # fmt: skip


def test_set_um_call_router_settings_whatif(shell: Shell) -> None:
    before = shell.org.dump()
    result = shell.run("Set-UMCallRouterSettings -MaxCallsAllowed 3 -WhatIf")
    assert result.text == 'What if: Setting UM call router settings "MyUMServer1\\UMCallRouterSettings".\n'
    assert shell.org.dump() == before


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Set-UMCallRouterSettings -DialPlans MyUMDialPlan",
         rule_error("Set-UMCallRouterSettings", 'The UM dial plan "MyUMDialPlan" can\'t be added because only SIP URI '
                    "dial plans can be associated with Exchange 2013 or later servers.",
                    "CannotAddNonSipNameDialplanToCallRouterException", UM_TASKS + "SetUMCallRouterSettings")),
        ("Set-UMCallRouterSettings -Server MyUMServer1 -MaxCallsAllowed 7 -SipTlsListeningPort 5060",
         rule_error("Set-UMCallRouterSettings", "The TCP and TLS listening ports can't be the same.",
                    "TcpAndTlsPortsCannotBeSameException", UM_TASKS + "SetUMCallRouterSettings")),
        ("Set-UMCallRouterSettings -Server Server1 -MaxCallsAllowed 3",
         not_found("Set-UMCallRouterSettings", "Server1", UM_TASKS + "SetUMCallRouterSettings")),
        ("Set-UMCallRouterSettings -IPAddressFamily IPv5",
         binding_error("Set-UMCallRouterSettings",
                       "Cannot process argument transformation on parameter 'IPAddressFamily'. Cannot convert value "
                       '"IPv5" to type "Microsoft.Exchange.Data.Directory.IPAddressFamily". Error: "Unable to match '
                       "the identifier name IPv5 to a valid enumerator name. Specify one of the following enumerator "
                       'names and try again:\nIPv4Only, IPv6Only, Any"', "ParameterArgumentTransformationError",
                       "InvalidData", "ParameterBindin...mationException")),
    ],
)  # fmt: skip
def test_set_um_call_router_settings_errors(shell: Shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected
