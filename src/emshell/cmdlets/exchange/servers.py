"""Server cmdlets: Get-ExchangeServer, Get-MailboxServer, Get-ClientAccessServer/-Service and
the UM service of Mailbox servers (Get-/Set-/Enable-/Disable-UMService)."""

from __future__ import annotations

from emshell.cmdlets.exchange.runtime import exchange_cmdlet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet


def _listed(cmd: ExchangeCmdlet, kind: str, identity: Any, everything: list) -> list:
    """The records a Get- cmdlet shows: one identity, or all of them."""
    if identity is None:
        records = everything
    else:
        records = cmd.org.find(kind, identity) or [cmd.resolve(kind, identity)]  # resolve raises not-found
    return [cmd.output(record) for record in records]


@exchange_cmdlet("Get-ExchangeServer")
def get_exchange_server(cmd: ExchangeCmdlet, params: dict) -> list:
    servers = cmd.org.records("server")
    if "Domain" in params:
        domain = str(params["Domain"]).lower()
        servers = [s for s in servers if str(s.Fqdn).lower().endswith("." + domain)]
        return [cmd.output(s) for s in servers]
    return _listed(cmd, "server", params.get("Identity"), servers)


@exchange_cmdlet("Get-UMService")
def get_um_service(cmd: ExchangeCmdlet, params: dict) -> list:
    return _listed(cmd, "umService", params.get("Identity"), cmd.org.um_services())


@exchange_cmdlet("Set-UMService")
def set_um_service(cmd: ExchangeCmdlet, params: dict) -> None:
    identity = params["Identity"]
    service = cmd.resolve("umService", identity)
    if not cmd.should_process(str(identity)):
        return
    cmd.apply(service, cmd.changes(), identity)
