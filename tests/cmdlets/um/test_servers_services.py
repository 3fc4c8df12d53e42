"""Windows services: Get-Service, Start-Service, Stop-Service and Restart-Service (Windows
PowerShell 5.1's Microsoft.PowerShell.Management cmdlets) on the servers of the built-in org."""

from __future__ import annotations

import pytest
from servers_support import SEED_THUMBPRINT, error_of, unchanged, values

from emshell import Shell
from emshell.model.values import enum_value

COMMANDS = "Microsoft.PowerShell.Commands."
UM_DISPLAY = "Microsoft Exchange Unified Messaging (MSExchangeUM)"
CLIENT_ACCESS_ONLY = ["MSExchangeADTopology", "MSExchangeDiagnostics", "MSExchangeFrontEndTransport", "MSExchangeHM",
                      "MSExchangeServiceHost", "MSExchangeUMCR", "W3SVC", "WinRM"]  # fmt: skip


@pytest.fixture
def shell() -> Shell:
    return Shell()


def local_error(cmdlet: str, message: str, category: str, target: str, exception: str, error_id: str) -> tuple:
    return message, f"{category}: ({target}) [{cmdlet}], {exception}", f"{error_id},{COMMANDS}{cmdlet.replace('-', '')}Command"


# --------------------------------------------------------------------------- Get-Service


def test_get_service_lists_the_local_exchange_services(shell: Shell) -> None:
    rows = values(shell, "Get-Service", "Name", "Status", "MachineName")
    assert len(rows) == 23 and rows[0] == ["MSExchangeADTopology", "Running", "."]
    assert ["MSExchangeUM", "Running", "."] in rows and ["MSExchangeUMCR", "Running", "."] in rows
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=str.lower)


@pytest.mark.parametrize(
    ("command", "rows"),
    [
        ("Get-Service MSExchangeUM*", [["MSExchangeUM", "Running"], ["MSExchangeUMCR", "Running"]]),
        ("Get-Service -DisplayName 'Microsoft Exchange Unified Messaging'", [["MSExchangeUM", "Running"]]),
        ("Get-Service MSExchange* -Include *UM* -Exclude *CR", [["MSExchangeUM", "Running"]]),
        ("Get-Service -ComputerName UMCallRouter001 MSExchangeUMCR", [["MSExchangeUMCR", "Stopped"]]),
        ("Get-Service -ComputerName MBX01.contoso.com MSExchangeUM", [["MSExchangeUM", "Running"]]),
        ("'MSExchangeUM', 'W3SVC' | Get-Service", [["MSExchangeUM", "Running"], ["W3SVC", "Running"]]),
    ],
)  # fmt: skip
def test_get_service_selections(shell: Shell, command: str, rows: list[list[str]]) -> None:
    assert values(shell, command, "Name", "Status") == rows


def test_get_service_on_another_server(shell: Shell) -> None:
    rows = values(shell, "Get-Service -ComputerName UMCallRouter001", "Name", "MachineName")
    assert rows == [[name, "UMCallRouter001"] for name in CLIENT_ACCESS_ONLY]


def test_get_service_table_view(shell: Shell) -> None:
    assert shell.run("Get-Service MSExchangeUM*").text == (
        "\nStatus   Name               DisplayName                           \n"
        "------   ----               -----------                           \n"
        "Running  MSExchangeUM       Microsoft Exchange Unified Messaging  \n"
        "Running  MSExchangeUMCR     Microsoft Exchange Unified Messagin...\n\n\n"
    )  # fmt: skip


def test_get_service_not_found(shell: Shell) -> None:
    result = shell.run("Get-Service MSExchangeUMX")
    assert result.text == (
        "Get-Service : Cannot find any service with service name 'MSExchangeUMX'.\n"
        "At line:1 char:1\n"
        "+ Get-Service MSExchangeUMX\n"
        "+ ~~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (MSExchangeUMX:String) [Get-Service], ServiceCommandException\n"
        "    + FullyQualifiedErrorId : NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand\n"
        " \n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Get-Service -DisplayName 'Exchange Voice'",
         local_error("Get-Service", "Cannot find any service with display name 'Exchange Voice'.", "ObjectNotFound",
                     "Exchange Voice:String", "ServiceCommandException", "NoServiceFoundForGivenDisplayName")),
        ("Get-Service -ComputerName EX99",
         local_error("Get-Service", "Cannot open Service Control Manager on computer 'EX99'. This operation might "
                     "require other privileges.", "NotSpecified", ":", "InvalidOperationException",
                     "System.InvalidOperationException")),
        ("Start-Service -InputObject MSExchangeUM",  # only service objects; names go to -Name
         local_error("Start-Service", "Cannot bind parameter 'InputObject'. Cannot convert the \"MSExchangeUM\" value "
                     'of type "System.String" to type "System.ServiceProcess.ServiceController".', "InvalidArgument",
                     ":", "ParameterBindingException", "CannotConvertArgumentNoMessage")),
        ("Start-Service -Name NoSuchService",
         local_error("Start-Service", "Cannot find any service with service name 'NoSuchService'.", "ObjectNotFound",
                     "NoSuchService:String", "ServiceCommandException", "NoServiceFoundForGivenName")),
    ],
)  # fmt: skip
def test_service_errors(shell: Shell, command: str, expected: tuple) -> None:
    assert error_of(shell.run(command)) == expected


# --------------------------------------------------------------------------- stopping and starting


def test_stop_and_start_the_um_service(shell: Shell) -> None:
    assert shell.run("Stop-Service MSExchangeUM").ok
    assert values(shell, "Get-Service MSExchangeUM", "Status") == [["Stopped"]]
    assert shell.org.um_service("MyUMServer1").listening_ports == ()
    result = shell.run("Start-Service MSExchangeUM -PassThru")
    assert [str(o.get_property("Status")) for o in result.output] == ["Running"]
    assert shell.org.um_service("MyUMServer1").listening_ports == (("TCP", 5062),)


def test_restart_takes_the_new_mode(shell: Shell) -> None:
    shell.run("Set-UMService MyUMServer1 -UMStartupMode Dual; "
              f"Enable-ExchangeCertificate {SEED_THUMBPRINT} -Services UM")  # fmt: skip
    assert shell.org.um_service("MyUMServer1").listening_ports == (("TCP", 5062),)
    result = shell.run("Restart-Service MSExchangeUM")
    assert result.ok and not result.text
    assert shell.org.um_service("MyUMServer1").listening_ports == (("TCP", 5062), ("TLS", 5063))


def test_restart_on_another_server_through_the_pipeline(shell: Shell) -> None:
    shell.run("Set-UMCallRouterSettings -Server UMCallRouter001 -SipTcpListeningPort 5070")
    assert shell.run("Get-Service -ComputerName UMCallRouter001 MSExchangeUMCR | Restart-Service").ok
    assert shell.org.call_router("UMCallRouter001").listening_ports == (("TCP", 5070),)
    assert shell.org.um_service("MyUMServer1").effective_startup_mode == "TCP"  # the local one is untouched


def test_a_failed_start_leaves_the_service_stopped(shell: Shell) -> None:
    # MBX01 runs in TLS with a certificate that has expired since the service started.
    result = shell.run("Get-Service -ComputerName MBX01 MSExchangeUM | Restart-Service")
    assert error_of(result) == local_error(
        "Restart-Service", f"Failed to start service '{UM_DISPLAY}'.", "OpenError",
        "System.ServiceProcess.ServiceController:ServiceController", "ServiceCommandException", "StartServiceFailed",
    )  # fmt: skip
    assert values(shell, "Get-Service -ComputerName MBX01 MSExchangeUM", "Status") == [["Stopped"]]


def test_a_disabled_service_cannot_start(shell: Shell) -> None:
    service = shell.org.server("MyUMServer1").windows_service("MSExchangeUM")
    shell.run("Stop-Service MSExchangeUM")
    service.StartType = enum_value("System.ServiceProcess.ServiceStartMode", "Disabled")
    assert error_of(shell.run("Start-Service MSExchangeUM")) == local_error(
        "Start-Service", f"Service '{UM_DISPLAY}' cannot be started due to the following error: Cannot start service "
        "MSExchangeUM on computer '.'.", "OpenError", "System.ServiceProcess.ServiceController:ServiceController",
        "ServiceCommandException", "CouldNotStartService",
    )  # fmt: skip


def test_restart_service_has_no_computer_name(shell: Shell) -> None:
    result = unchanged(shell, "Restart-Service -ComputerName MBX01 MSExchangeUM")
    assert error_of(result) == local_error(
        "Restart-Service", "A parameter cannot be found that matches parameter name 'ComputerName'.",
        "InvalidArgument", ":", "ParameterBindingException", "NamedParameterNotFound",
    )  # fmt: skip


def test_restart_whatif(shell: Shell) -> None:
    before = shell.org.dump()
    result = shell.run("Restart-Service MSExchangeUM -WhatIf")
    assert result.text == f'What if: Performing the operation "Restart-Service" on target "{UM_DISPLAY}".\n'
    assert shell.org.dump() == before


def test_other_exchange_services_keep_running(shell: Shell) -> None:
    result = shell.run("Stop-Service MSExchangeIS; Restart-Service W3SVC")
    assert result.warnings == ["emshell doesn't emulate stopping the service 'Microsoft Exchange Information Store "
                               "(MSExchangeIS)'; it keeps running."]  # fmt: skip
    assert values(shell, "Get-Service MSExchangeIS, W3SVC", "Status") == [["Running"], ["Running"]]
