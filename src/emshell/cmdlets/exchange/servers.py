"""Server cmdlets: Get-ExchangeServer, Get-MailboxServer, Get-ClientAccessServer/-Service, the UM
service of Mailbox servers (Get-/Set-/Enable-/Disable-UMService) and the UM call router of Client
Access servers (Get-/Set-UMCallRouterSettings).

Get-MailboxServer and Get-ClientAccessService show other views of the same server records; their
extra properties are fixed values of a freshly installed server (``server_views``).
"""

from __future__ import annotations

from emshell.cmdlets.exchange.runtime import exchange_cmdlet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet

# Set-UMCallRouterSettings: the parameters that are settings of the call router.
CALL_ROUTER_SETTINGS = ("DialPlans", "IPAddressFamily", "IPAddressFamilyConfigurable", "MaxCallsAllowed",
                        "SipTcpListeningPort", "SipTlsListeningPort", "UMStartupMode")  # fmt: skip


def _matching(cmd: ExchangeCmdlet, kind: str, identity: Any, everything: list) -> list:
    """The records a Get- cmdlet shows: one identity, or all of them."""
    if identity is None:
        return everything
    return cmd.org.find(kind, identity) or [cmd.resolve(kind, identity)]  # resolve raises not-found


def _listed(cmd: ExchangeCmdlet, kind: str, identity: Any, everything: list) -> list:
    return [cmd.output(record) for record in _matching(cmd, kind, identity, everything)]


# --------------------------------------------------------------------------- servers


@exchange_cmdlet("Get-ExchangeServer")
def get_exchange_server(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.cmdlets.exchange.server_views import with_status

    servers = cmd.org.records("server")
    if "Domain" in params:
        domain = str(params["Domain"]).lower()
        servers = [s for s in servers if str(s.Fqdn).lower().endswith("." + domain)]
    else:
        servers = _matching(cmd, "server", params.get("Identity"), servers)
    objects = [cmd.output(s) for s in servers]
    return [with_status(cmd.org, o) for o in objects] if params.get("Status") else objects


@exchange_cmdlet("Get-MailboxServer")
def get_mailbox_server(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.cmdlets.exchange.server_views import mailbox_server

    servers = [s for s in cmd.org.records("server") if s.has_role("Mailbox")]
    found = _matching(cmd, "mailboxServer", params.get("Identity"), servers)
    return [mailbox_server(cmd, s, status=bool(params.get("Status"))) for s in found]


def _client_access(cmd: ExchangeCmdlet, params: dict, type_name: str) -> list:
    from emshell.cmdlets.exchange.server_views import client_access_server

    servers = [s for s in cmd.org.records("server") if s.has_role("ClientAccess")]
    found = _matching(cmd, "clientAccessServer", params.get("Identity"), servers)
    show_account = bool(params.get("IncludeAlternateServiceAccountCredentialStatus")
                        or params.get("IncludeAlternateServiceAccountCredentialPassword"))  # fmt: skip
    return [client_access_server(cmd, s, type_name, show_account) for s in found]


@exchange_cmdlet("Get-ClientAccessServer")
def get_client_access_server(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES

    cmd.write_warning(SERVER_MESSAGES["ClientAccessServerDeprecated"])
    return _client_access(cmd, params, "ClientAccessServer")


@exchange_cmdlet("Get-ClientAccessService")
def get_client_access_service(cmd: ExchangeCmdlet, params: dict) -> list:
    return _client_access(cmd, params, "ClientAccessService")


# --------------------------------------------------------------------------- the UM service


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


def _set_status(cmd: ExchangeCmdlet, identity: Any, status: str) -> None:
    """Enable-/Disable-UMService: the status that decides whether the service takes new calls."""
    service = cmd.resolve("umService", identity)
    if not cmd.should_process(str(identity)):
        return
    if not cmd.org.set_status(service, status):
        cmd.write_warning(f"The command completed successfully but no settings of '{identity}' have been modified.")


@exchange_cmdlet("Enable-UMService")
def enable_um_service(cmd: ExchangeCmdlet, params: dict) -> None:
    _set_status(cmd, params["Identity"], "Enabled")


@exchange_cmdlet("Disable-UMService")
def disable_um_service(cmd: ExchangeCmdlet, params: dict) -> None:
    # Without -Immediate $true the service lets the calls in progress finish: it takes no new
    # calls (NoNewCalls); -Immediate $true drops them and disables it at once.
    _set_status(cmd, params["Identity"], "Disabled" if params.get("Immediate") else "NoNewCalls")


# --------------------------------------------------------------------------- the UM call router


def _call_router(cmd: ExchangeCmdlet, server: Any) -> Any:
    """The call router settings of ``-Server``, or of the server the shell runs on."""
    return cmd.resolve("callRouter", server if server is not None else cmd.org.local_server_name)


@exchange_cmdlet("Get-UMCallRouterSettings")
def get_um_call_router_settings(cmd: ExchangeCmdlet, params: dict) -> Any:
    # Without -Server, Exchange reads the local server's settings only (ems-behaviour §2.1).
    return cmd.output(_call_router(cmd, params.get("Server")))


@exchange_cmdlet("Set-UMCallRouterSettings")
def set_um_call_router_settings(cmd: ExchangeCmdlet, params: dict) -> None:
    router = _call_router(cmd, params.get("Server"))
    identity = str(router.Identity)
    if not cmd.should_process(identity):
        return
    cmd.apply(router, cmd.changes(CALL_ROUTER_SETTINGS), identity)
