"""Helpers of the UM mailbox, PIN, call answering rule and recipient tests."""

from __future__ import annotations

from emshell import Shell
from emshell.cmdlets.exchange.runtime import error_code

UM_TASKS = "Microsoft.Exchange.Management.Tasks.UM."
RECIPIENT_TASKS = "Microsoft.Exchange.Management.RecipientTasks."
DC = "DC01.contoso.com"


def error_of(result) -> tuple[str, str, str]:
    """(message, CategoryInfo, FullyQualifiedErrorId without its [Server=...] part) of the one
    error of a run."""
    (error,) = result.errors
    fqid = error.FullyQualifiedErrorId
    if fqid.startswith("[Server="):
        fqid = fqid.split("] ", 1)[1]
    return str(error), str(error.CategoryInfo), fqid


def server_error(cmdlet: str, message: str, exception: str, category: str, error_id: str,
                 tasks: str = UM_TASKS) -> tuple[str, str, str]:  # fmt: skip
    """What ``error_of`` gives for an error the Exchange server reports."""
    implementing = tasks + cmdlet.replace("-", "")
    code = error_code(cmdlet, error_id)
    return message, f"{category}: (:) [{cmdlet}], {exception}", f"[FailureCategory=Cmdlet-{exception}] {code},{implementing}"


def not_found(cmdlet: str, identity: str, tasks: str = UM_TASKS) -> tuple[str, str, str]:
    message = f"The operation couldn't be performed because object '{identity}' couldn't be found on '{DC}'."
    return server_error(cmdlet, message, "ManagementObjectNotFoundException", "NotSpecified",
                         "ObjectNotFoundError", tasks)  # fmt: skip


def not_um_enabled(cmdlet: str, name: str) -> tuple[str, str, str]:
    message = f'The mailbox "contoso.com/Users/{name}" isn\'t enabled for Unified Messaging.'
    return server_error(cmdlet, message, "TaskException", "InvalidOperation", "MailboxNotUMEnabled")


def values(shell: Shell, command: str, *properties: str) -> list[list[str]]:
    """The named properties of every object ``command`` writes, as text."""
    result = shell.run(command)
    assert not result.errors, result.text
    return [[str(obj.get_property(name)) for name in properties] for obj in result.output]


def unchanged(shell: Shell, command: str):
    """Run a command that must fail and leave the organization exactly as it was."""
    before = shell.org.dump()
    result = shell.run(command)
    assert result.errors, result.text
    assert shell.org.dump() == before
    return result
