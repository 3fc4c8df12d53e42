"""The seed procedure as a script (examples/seed-startup-mode.ps1) and the same script without its
restart step (examples/seed-startup-mode-no-restart.ps1), run with ``Shell.run_file``."""

from __future__ import annotations

from pathlib import Path

import pytest
from servers_support import SEED_THUMBPRINT

from emshell import Shell

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
RESULTS = "Microsoft.Exchange.Management.Tasks.UM.TestUMConnectivityHelper+TUILogonEnumerateResults"


def results_of(result) -> list[tuple[bool, str]]:
    """(EntireOperationSuccess, ReasonForFailure) of each Test-UMConnectivity result, in order."""
    return [(o.get_property("EntireOperationSuccess"), o.get_property("ReasonForFailure"))
            for o in result.output if RESULTS in getattr(o, "PS_TYPE_NAMES", ())]  # fmt: skip


def stored_mode_lines(result) -> list[str]:
    return [line for line in result.text.splitlines() if line.startswith(("UMStartupMode", "UMCertificateThumbprint"))]


@pytest.fixture(scope="module")
def seed():
    shell = Shell()
    return shell, shell.run_file(EXAMPLES / "seed-startup-mode.ps1")


@pytest.fixture(scope="module")
def no_restart():
    shell = Shell()
    return shell, shell.run_file(EXAMPLES / "seed-startup-mode-no-restart.ps1")


def test_the_seed_procedure_runs_without_errors(seed) -> None:
    _, result = seed
    assert (result.errors, result.exit_code) == ([], 0)


def test_get_um_service_shows_dual_after_the_procedure(seed) -> None:
    _, result = seed
    assert stored_mode_lines(result) == [
        "UMStartupMode           : TCP", "UMCertificateThumbprint : ",
        "UMStartupMode           : Dual", f"UMCertificateThumbprint : {SEED_THUMBPRINT}",
    ]  # fmt: skip


def test_the_restarted_services_listen_in_dual_mode(seed) -> None:
    shell, _ = seed
    server = shell.org.local_server
    assert server.um_service.listening_ports == (("TCP", 5062), ("TLS", 5063))
    assert server.call_router.listening_ports == (("TCP", 5060), ("TLS", 5061))


def test_secured_and_unsecured_dial_plans_are_answered(seed) -> None:
    _, result = seed
    assert results_of(result) == [(True, ""), (True, "")]


def test_without_the_restart_the_secured_test_fails(no_restart) -> None:
    shell, result = no_restart
    assert (result.errors, result.exit_code) == ([], 0)
    assert stored_mode_lines(result)[2:] == ["UMStartupMode           : Dual",
                                             f"UMCertificateThumbprint : {SEED_THUMBPRINT}"]  # fmt: skip
    assert results_of(result) == [
        (False, "The Microsoft Exchange Unified Messaging Call Router service on server MyUMServer1 is running in TCP "
                "mode (the configured mode is Dual; restart MSExchangeUMCR for it to take effect); the Secured dial "
                "plan MySIPDialPlan needs TLS."),
        (True, ""),
    ]  # fmt: skip
    assert shell.org.local_server.um_service.effective_startup_mode == "TCP"


def test_the_scripts_warn_about_the_restart(no_restart) -> None:
    _, result = no_restart
    assert [w for w in result.warnings if "takes effect after" in w] == [
        "The change to the startup mode takes effect after the Microsoft Exchange Unified Messaging service is "
        "restarted on server MyUMServer1. A valid certificate is required for the TLS and Dual startup modes.",
        "The change to the startup mode takes effect after the Microsoft Exchange Unified Messaging Call Router "
        "service is restarted on server MyUMServer1. A valid certificate is required for the TLS and Dual startup "
        "modes.",
    ]
