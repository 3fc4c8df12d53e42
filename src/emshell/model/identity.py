"""Identity resolution, as the ``-Identity`` parameters of EMS resolve their arguments.

Kinds and the forms each accepts (names compare without regard to case):

==================== ===============================================================================
kind                 forms
==================== ===============================================================================
server               name, FQDN, GUID, distinguished name, Exchange legacy DN
mailboxServer        as server, but only servers with the Mailbox role (MailboxServerIdParameter)
clientAccessServer   as server, but only servers with the ClientAccess role
umService            as mailboxServer; gives the server's UM service (UMServerIdParameter)
callRouter           as clientAccessServer; gives the server's call router settings
dialPlan, ipGateway, name, GUID, distinguished name
mailboxPolicy,
autoAttendant
huntGroup            ``Gateway\\HuntGroup``, name (unique among all gateways), GUID, distinguished name
mailbox              name, alias, display name, SMTP address (any), UPN, ``DOMAIN\\user``,
                     sAMAccountName, GUID, distinguished name, canonical name
recipient            as mailbox, over mailboxes, mail contacts and groups (RecipientIdParameter)
certificate          ``Server\\Thumbprint`` (server name or FQDN), or a thumbprint on ``server``
                     (default: the local server)
callAnsweringRule    name or GUID, within ``mailbox`` when given
==================== ===============================================================================

A record (for example one piped from a Get- cmdlet) or an ADObjectId resolves by its GUID.
Nothing found raises ``ObjectNotFoundError`` (EMS: "The operation couldn't be performed because
object 'X' couldn't be found on 'dc'."); several matches raise ``AmbiguousIdentityError``.
"""

from __future__ import annotations

from emshell.model.errors import AmbiguousIdentityError, ObjectNotFoundError
from emshell.model.values import ADObjectId, is_guid

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.model.org import Organization

SERVER_ROLES = {"mailboxServer": "Mailbox", "clientAccessServer": "ClientAccess", "umService": "Mailbox",
                "callRouter": "ClientAccess"}  # fmt: skip


def resolve(org: Organization, kind: str, identity: Any, **options: Any) -> Any:
    """Exactly one record of ``kind`` for ``identity``."""
    matches = find(org, kind, identity, **options)
    text = _text(identity)
    if not matches:
        raise ObjectNotFoundError(text, org.settings.domain_controller, kind)
    if len(matches) > 1:
        raise AmbiguousIdentityError(text, matches, kind)
    return matches[0]


def find(org: Organization, kind: str, identity: Any, **options: Any) -> list[Any]:
    """Every record of ``kind`` that ``identity`` names (no error when there is none)."""
    if kind in SERVER_ROLES or kind == "server":
        servers = _servers(org, identity, SERVER_ROLES.get(kind))
        if kind == "umService":
            return [s.um_service for s in servers if s.um_service is not None]
        if kind == "callRouter":
            return [s.call_router for s in servers if s.call_router is not None]
        return servers
    finder = _FINDERS.get(kind)
    if finder is None:
        raise KeyError(f"unknown identity kind {kind!r}")
    return finder(org, identity, **options)


def names(org: Organization, kind: str) -> list[str]:
    """What completion offers for an identity of ``kind``."""
    if kind in ("server", "mailboxServer", "clientAccessServer", "umService", "callRouter"):
        role = SERVER_ROLES.get(kind)
        return sorted((s.Name for s in org.servers if role is None or s.has_role(role)), key=str.lower)
    if kind == "huntGroup":
        return sorted((f"{g.Name}\\{h.Name}" for g in org.ip_gateways for h in g.hunt_groups), key=str.lower)
    if kind == "mailbox":
        return sorted((m.Alias for m in org.mailboxes), key=str.lower)
    if kind == "recipient":
        return sorted((r.Alias for r in [*org.mailboxes, *org.recipients]), key=str.lower)
    if kind == "certificate":
        return sorted({c.Thumbprint for c in org.records("certificate")})
    return sorted((r.Name for r in org.records(kind)), key=str.lower)


# --------------------------------------------------------------------------- helpers


def _text(identity: Any) -> str:
    if isinstance(identity, str):
        return identity
    value = getattr(identity, "Identity", None) if not isinstance(identity, ADObjectId) else identity
    return str(value if value is not None else identity)


def _guid_of(identity: Any) -> str | None:
    """The GUID carried by a record or an ADObjectId (None for text)."""
    if isinstance(identity, ADObjectId):
        return str(identity.ObjectGuid) if identity.ObjectGuid else None
    if isinstance(identity, str):
        return None
    guid = getattr(identity, "Guid", None)
    return str(guid) if guid else None


def _match(records: list[Any], identity: Any, *tests: Callable[[Any, str], bool]) -> list[Any]:
    guid = _guid_of(identity)
    if guid is not None:
        return [r for r in records if str(getattr(r, "Guid", "")).lower() == guid.lower()]
    if isinstance(identity, ADObjectId):
        identity = identity.DistinguishedName
    text = str(identity).strip()
    if is_guid(text):
        return [r for r in records if str(getattr(r, "Guid", "")).lower() == text.lower()]
    lowered = text.lower()
    if "=" in text and "," in text:
        return [r for r in records if hasattr(r, "distinguished_name") and r.distinguished_name().lower() == lowered]
    found = []
    for record in records:
        if any(test(record, lowered) for test in tests):
            found.append(record)
    return found


def _by_name(record: Any, text: str) -> bool:
    return str(record.Name).lower() == text


def _servers(org: Organization, identity: Any, role: str | None) -> list[Any]:
    if not isinstance(identity, (str, ADObjectId)):
        server = getattr(identity, "server", None)  # a UM service or call router record
        if server is not None and getattr(identity, "KIND", "") in ("umService", "callRouter"):
            identity = server

    def by_fqdn(server: Any, text: str) -> bool:
        return str(server.Fqdn).lower() == text

    def by_legacy_dn(server: Any, text: str) -> bool:
        return server.ExchangeLegacyDN.lower() == text

    found = _match(list(org.servers), identity, _by_name, by_fqdn, by_legacy_dn)
    if role is not None:
        found = [s for s in found if s.has_role(role)]
    return found


def _simple(kind: str) -> Callable[..., list[Any]]:
    def finder(org: Organization, identity: Any, **options: Any) -> list[Any]:
        return _match(org.records(kind), identity, _by_name)

    return finder


def _hunt_groups(org: Organization, identity: Any, **options: Any) -> list[Any]:
    groups = org.records("huntGroup")
    if isinstance(identity, str) and "\\" in identity and "=" not in identity:
        gateway_name, _, group_name = identity.partition("\\")
        return [
            h for h in groups
            if h.gateway.Name.lower() == gateway_name.strip().lower() and h.Name.lower() == group_name.strip().lower()
        ]  # fmt: skip
    # a plain name is looked up as any directory object's name: found when it names one hunt
    # group, ambiguous when groups of two gateways share it
    return _match(groups, identity, _by_name)


def _mailboxes(org: Organization, identity: Any, **options: Any) -> list[Any]:
    return _recipients_among(org, list(org.mailboxes), identity)


def _recipients(org: Organization, identity: Any, **options: Any) -> list[Any]:
    return _recipients_among(org, list(org.mailboxes) + list(org.recipients), identity)


def _recipients_among(org: Organization, records: list[Any], identity: Any) -> list[Any]:
    def by_alias(mailbox: Any, text: str) -> bool:
        return mailbox.Alias.lower() == text

    def by_display_name(mailbox: Any, text: str) -> bool:
        return str(mailbox.DisplayName or "").lower() == text

    def by_address(mailbox: Any, text: str) -> bool:
        if "@" not in text:
            return False
        addresses = [str(mailbox.PrimarySmtpAddress or "").lower(),
                     str(getattr(mailbox, "UserPrincipalName", None) or "").lower()]
        addresses += [a.address.lower() for a in mailbox.EmailAddresses if a.prefix.lower() == "smtp"]
        return text in addresses

    def by_account(mailbox: Any, text: str) -> bool:
        sam = str(getattr(mailbox, "SamAccountName", None) or "").lower()
        if not sam:
            return False
        domain = org.settings.netbios_domain.lower()
        return text in (sam, f"{domain}\\{sam}")

    def by_canonical(mailbox: Any, text: str) -> bool:
        return str(mailbox.Identity).lower() == text

    return _match(records, identity, _by_name, by_alias, by_display_name, by_address, by_account,
                  by_canonical)  # fmt: skip


def _certificates(org: Organization, identity: Any, server: Any = None, **options: Any) -> list[Any]:
    if not isinstance(identity, str):
        thumbprint = getattr(identity, "Thumbprint", None)
        owner = getattr(identity, "server", None)
        if thumbprint is None:
            return []
        identity = f"{owner.Name}\\{thumbprint}" if owner is not None else str(thumbprint)
    text = identity.strip()
    server_part, slash, thumbprint = text.rpartition("\\")
    if slash:
        servers = _servers(org, server_part, None)
    else:
        thumbprint = text
        if server is None:
            servers = [org.local_server] if org.local_server is not None else []
        elif isinstance(server, str):
            servers = _servers(org, server, None)
        else:
            servers = [server]
    wanted = thumbprint.strip().lower()
    return [c for s in servers for c in s.certificates if c.Thumbprint.lower() == wanted]


def _rules(org: Organization, identity: Any, mailbox: Any = None, **options: Any) -> list[Any]:
    rules = org.records("callAnsweringRule")
    if mailbox is not None:
        owner = mailbox if not isinstance(mailbox, str) else resolve(org, "mailbox", mailbox)
        rules = [r for r in rules if r.mailbox is owner or str(r.mailbox.Guid) == str(owner.Guid)]
    if isinstance(identity, str) and "\\" in identity:
        head, _, tail = identity.rpartition("\\")
        return [r for r in rules if str(r.Guid).lower() == tail.strip().lower()
                and str(r.mailbox.Identity).lower() == head.strip().lower()]  # fmt: skip
    return _match(rules, identity, _by_name)


_FINDERS: dict[str, Callable[..., list[Any]]] = {
    "dialPlan": _simple("dialPlan"),
    "ipGateway": _simple("ipGateway"),
    "mailboxPolicy": _simple("mailboxPolicy"),
    "autoAttendant": _simple("autoAttendant"),
    "huntGroup": _hunt_groups,
    "mailbox": _mailboxes,
    "recipient": _recipients,
    "certificate": _certificates,
    "callAnsweringRule": _rules,
}
