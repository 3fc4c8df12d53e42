"""Helpers of the server, certificate, service and connectivity tests (test_servers_*.py)."""

from __future__ import annotations

from emshell import Shell
from emshell.cmdlets.exchange.runtime import error_code

UM_TASKS = "Microsoft.Exchange.Management.Tasks.UM."
CONFIG_TASKS = "Microsoft.Exchange.Management.SystemConfigurationTasks."
DC = "DC01.contoso.com"
SEED_THUMBPRINT = "5113AE0233A72FCCB75B1D0198628675333D010E"  # MyUMServer1's CA certificate


def error_of(result) -> tuple[str, str, str]:
    """(message, CategoryInfo, FullyQualifiedErrorId without its [Server=...] part) of the one
    error of a run."""
    assert len(result.errors) == 1, result.text
    (error,) = result.errors
    fqid = error.FullyQualifiedErrorId
    if fqid.startswith("[Server="):
        fqid = fqid.split("] ", 1)[1]
    return str(error), str(error.CategoryInfo), fqid


def server_error(cmdlet: str, message: str, exception: str, category: str, error_id: str,
                 implementing: str) -> tuple[str, str, str]:  # fmt: skip
    """What ``error_of`` gives for an error the Exchange server reports."""
    code = error_code(cmdlet, error_id)
    return message, f"{category}: (:) [{cmdlet}], {exception}", f"[FailureCategory=Cmdlet-{exception}] {code},{implementing}"


def not_found(cmdlet: str, identity: str, implementing: str) -> tuple[str, str, str]:
    message = f"The operation couldn't be performed because object '{identity}' couldn't be found on '{DC}'."
    return server_error(cmdlet, message, "ManagementObjectNotFoundException", "NotSpecified", "ObjectNotFoundError",
                        implementing)  # fmt: skip


def rule_error(cmdlet: str, message: str, error_id: str, implementing: str) -> tuple[str, str, str]:
    return server_error(cmdlet, message, "TaskException", "InvalidOperation", error_id, implementing)


def binding_error(cmdlet: str, message: str, error_id: str, category: str = "InvalidArgument",
                  exception: str = "ParameterBindingException") -> tuple[str, str, str]:  # fmt: skip
    """A binding error the server reports through EMS (no [Server=...] part)."""
    return message, f"{category}: (:) [{cmdlet}], {exception}", f"{error_id},{cmdlet}"


def unchanged(shell: Shell, command: str):
    """Run a command that must fail and leave the organization exactly as it was."""
    before = shell.org.dump()
    calls = list(shell.org.call_records)
    result = shell.run(command)
    assert result.errors, result.text
    assert shell.org.dump() == before
    assert shell.org.call_records == calls
    return result


def values(shell: Shell, command: str, *properties: str) -> list[list[str]]:
    """The named properties of every object ``command`` writes, as text."""
    result = shell.run(command)
    assert not result.errors, result.text
    return [[str(obj.get_property(name)) for name in properties] for obj in result.output]
