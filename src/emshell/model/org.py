"""The in-memory Exchange organization.

``Organization`` holds every record, the organization's settings (domain, domain controller,
the server the shell runs on), a clock and a seeded source of GUIDs, so everything it produces
is reproducible: nothing reads the real time or a random generator.

Life cycle: ``Organization.default()`` (the built-in org, parsed once per process and copied),
``Organization.load(path)``, ``.save(path)``, ``.copy()``, ``.dump()`` (the canonical text of an
org file) and ``transaction()`` (puts the exact previous state back when its block raises).

Operations that change the organization are methods here that delegate to small modules:
``emshell.model.operations`` (create, set, remove, mailboxes), ``emshell.model.telephony``
(startup modes, services, certificates, call answering) and ``emshell.model.prompts`` (custom
prompts of dial plans and auto attendants).  Identity resolution is in
``emshell.model.identity``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime
    from typing import Any

    from emshell.model.record import Record
    from emshell.model.servers import ExchangeServer

COLLECTIONS: dict[str, str] = {
    "server": "servers",
    "dialPlan": "dial_plans",
    "ipGateway": "ip_gateways",
    "mailboxPolicy": "mailbox_policies",
    "autoAttendant": "auto_attendants",
    "mailbox": "mailboxes",
    "recipient": "recipients",  # contacts and groups (mail-enabled objects that are not mailboxes)
}


class OrgSettings:
    """Organization-wide names and the settings the shell needs."""

    __slots__ = (
        "domain", "netbios_domain", "exchange_organization", "domain_controller", "local_server", "seed",
        "epoch", "utc_offset_minutes", "time_zone", "time_zone_name", "site",
    )  # fmt: skip

    def __init__(self, **values: Any):
        self.domain = "contoso.com"
        self.netbios_domain = "CONTOSO"
        self.exchange_organization = "First Organization"
        self.domain_controller = "DC01.contoso.com"
        self.local_server: str | None = None
        self.seed = "emshell"
        self.epoch = _datetime("2023-05-01T09:00:00")
        self.utc_offset_minutes = -480
        self.time_zone = "Pacific Standard Time"
        self.time_zone_name = "(UTC-08:00) Pacific Time (US & Canada)"
        self.site = "Default-First-Site-Name"
        for name, value in values.items():
            setattr(self, name, value)

    @property
    def domain_dn(self) -> str:
        return ",".join(f"DC={label}" for label in self.domain.split("."))

    @property
    def exchange_dn(self) -> str:
        from emshell.model.values import escape_rdn

        org = escape_rdn(self.exchange_organization)
        return f"CN={org},CN=Microsoft Exchange,CN=Services,CN=Configuration,{self.domain_dn}"

    def to_utc(self, when: datetime | None) -> datetime | None:
        if when is None:
            return None
        from datetime import timedelta

        return when - timedelta(minutes=self.utc_offset_minutes)

    def copy(self) -> OrgSettings:
        return OrgSettings(**{name: getattr(self, name) for name in self.__slots__})


def _datetime(text: str) -> datetime:
    from datetime import datetime

    return datetime.fromisoformat(text)


class Clock:
    """The organization's time: a fixed start that advances one second per change."""

    __slots__ = ("now",)

    def __init__(self, now: datetime):
        self.now = now

    def advance(self, seconds: int = 1) -> datetime:
        from datetime import timedelta

        self.now = self.now + timedelta(seconds=seconds)
        return self.now


class IdSource:
    """Deterministic GUIDs, request ids, thumbprints and PINs, derived from the org's seed."""

    __slots__ = ("seed", "counter", "requests")

    def __init__(self, seed: str, counter: int = 0, requests: int = 0):
        self.seed = seed
        self.counter = counter
        self.requests = requests

    def digest(self, *parts: object) -> bytes:
        import hashlib

        text = "\x1f".join([self.seed, *(str(p) for p in parts)])
        return hashlib.sha256(text.encode("utf-8")).digest()

    def guid_for(self, *parts: object) -> str:
        """The same GUID every time for the same parts (objects read from an org file)."""
        raw = bytearray(self.digest("guid", *parts)[:16])
        raw[6] = (raw[6] & 0x0F) | 0x40  # version 4 layout, as Windows GUIDs usually are
        raw[8] = (raw[8] & 0x3F) | 0x80
        text = raw.hex()
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def new_guid(self, when: datetime) -> str:
        """A GUID for an object created at ``when`` (unique within a run and across saves)."""
        self.counter += 1
        return self.guid_for("new", when.isoformat(), self.counter)

    def request_id(self) -> str:
        """The RequestId an Exchange error carries."""
        self.requests += 1
        return self.guid_for("request", self.requests)

    def thumbprint(self, *parts: object) -> str:
        """A certificate thumbprint (40 upper-case hexadecimal digits)."""
        return self.digest("thumbprint", *parts)[:20].hex().upper()

    def digits(self, count: int, *parts: object) -> str:
        raw = self.digest("digits", *parts)
        number = int.from_bytes(raw, "big")
        return str(number % 10**count).rjust(count, "0")

    def copy(self) -> IdSource:
        return IdSource(self.seed, self.counter, self.requests)


class FailureContext:
    """The server-side details of an Exchange error (see ``Organization.failure_context``)."""

    __slots__ = ("server", "request_id", "timestamp", "computer_name")

    def __init__(self, server: str, request_id: str, timestamp: datetime, computer_name: str):
        self.server = server  # NetBIOS name, as Environment.MachineName gives it
        self.request_id = request_id
        self.timestamp = timestamp
        self.computer_name = computer_name  # PSComputerName: the FQDN the session connected to

    @property
    def timestamp_text(self) -> str:
        """The time as an en-US server prints it: ``6/1/2023 10:00:00 AM``."""
        when = self.timestamp
        hour = when.hour % 12 or 12
        return f"{when.month}/{when.day}/{when.year} {hour}:{when.minute:02d}:{when.second:02d} " + (
            "AM" if when.hour < 12 else "PM"
        )

    def __str__(self) -> str:
        return f"[Server={self.server},RequestId={self.request_id},TimeStamp={self.timestamp_text}]"


class _Transaction:
    """``with org.transaction():`` - if the block raises, the organization is put back exactly."""

    __slots__ = ("org", "saved")

    def __init__(self, org: Organization):
        self.org = org
        self.saved: Any = None

    def __enter__(self) -> Organization:
        self.saved = self.org._capture()
        return self.org

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        if exc_type is not None:
            self.org._restore(self.saved)
        return False


class Organization:
    """Everything the emulated Exchange organization holds."""

    __slots__ = ("settings", "clock", "ids", "servers", "dial_plans", "ip_gateways", "mailbox_policies",
                 "auto_attendants", "mailboxes", "recipients", "call_records")  # fmt: skip

    def __init__(self, settings: OrgSettings | None = None, clock: Clock | None = None):
        self.settings = settings or OrgSettings()
        self.clock = clock or Clock(self.settings.epoch)
        self.ids = IdSource(self.settings.seed)
        self.servers: list[Any] = []
        self.dial_plans: list[Any] = []
        self.ip_gateways: list[Any] = []
        self.mailbox_policies: list[Any] = []
        self.auto_attendants: list[Any] = []
        self.mailboxes: list[Any] = []
        self.recipients: list[Any] = []
        # Calls the UM services took (emshell.model.calls); kept for the session, not in org files.
        self.call_records: list[Any] = []

    # ------------------------------------------------------------------ life cycle

    @classmethod
    def default(cls) -> Organization:
        """A fresh copy of the built-in organization (contoso.com)."""
        global _DEFAULT
        if _DEFAULT is None:
            import os

            path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "default_org.yaml")
            with open(path, encoding="utf-8") as handle:
                _DEFAULT = cls.from_text(handle.read(), "default_org.yaml")
        return _DEFAULT.copy()

    @classmethod
    def load(cls, path: Any) -> Organization:
        """Read an org file (YAML); raises ``OrgFileError`` with file, line and field."""
        from emshell.model import orgfile

        return orgfile.read(path)

    @classmethod
    def from_text(cls, text: str, filename: str = "<org>") -> Organization:
        from emshell.model import orgfile

        return orgfile.parse(text, filename)

    def save(self, path: Any) -> None:
        """Write the org file atomically (a temporary file, then a rename)."""
        from emshell.model import orgfile

        orgfile.write(self, path)

    def dump(self) -> str:
        """The canonical text of this organization's org file."""
        from emshell.model import orgfile

        return orgfile.dump(self)

    def copy(self) -> Organization:
        twin = Organization.__new__(Organization)
        twin.settings = self.settings.copy()
        twin.clock = Clock(self.clock.now)
        twin.ids = self.ids.copy()
        for attr in COLLECTIONS.values():
            setattr(twin, attr, [record.clone(twin) for record in getattr(self, attr)])
        twin.call_records = list(self.call_records)  # call records are immutable
        return twin

    def transaction(self) -> _Transaction:
        return _Transaction(self)

    def _capture(self) -> Any:
        lists = {attr: list(getattr(self, attr)) for attr in COLLECTIONS.values()}
        lists["call_records"] = list(self.call_records)
        records = [(record, record.capture()) for record in self.all_records()]
        return self.settings.copy(), self.clock.now, self.ids.counter, lists, records

    def _restore(self, saved: Any) -> None:
        settings, now, counter, lists, records = saved
        self.settings = settings
        self.clock.now = now
        self.ids.counter = counter
        for attr, items in lists.items():
            setattr(self, attr, list(items))
        for record, state in records:
            record.restore(state)

    # ------------------------------------------------------------------ time and ids

    def tick(self) -> datetime:
        """Advance the clock for a change and return the time of that change."""
        return self.clock.advance()

    def new_guid(self) -> str:
        return self.ids.new_guid(self.clock.now)

    def new_request_id(self) -> str:
        return self.ids.request_id()

    # ------------------------------------------------------------------ records

    def all_records(self) -> Iterator[Record]:
        for attr in COLLECTIONS.values():
            for record in getattr(self, attr):
                yield record
                yield from record.children()

    def records(self, kind: str) -> list[Record]:
        """Every record of ``kind`` (top-level and owned kinds alike)."""
        if kind in COLLECTIONS:
            return list(getattr(self, COLLECTIONS[kind]))
        if kind == "umService":
            return [s.um_service for s in self.servers if s.um_service is not None]
        if kind == "callRouter":
            return [s.call_router for s in self.servers if s.call_router is not None]
        if kind == "certificate":
            return [c for s in self.servers for c in s.certificates]
        if kind == "windowsService":
            return [w for s in self.servers for w in s.windows_services.values()]
        if kind == "huntGroup":
            return [h for g in self.ip_gateways for h in g.hunt_groups]
        if kind == "callAnsweringRule":
            return [r for m in self.mailboxes for r in m.call_answering_rules]
        raise KeyError(f"unknown record kind {kind!r}")

    def get(self, kind: str, guid: str | None) -> Any:
        """The record of ``kind`` with this GUID, or None."""
        if not guid:
            return None
        guid = str(guid).lower()
        for record in self.records(kind):
            if str(getattr(record, "Guid", "") or "").lower() == guid:
                return record
        return None

    def directory_id(self, kind: str, guid: str | None) -> Any:
        record = self.get(kind, guid)
        return record.directory_id() if record is not None else None

    def name_of(self, kind: str, guid: str | None) -> str | None:
        record = self.get(kind, guid)
        return None if record is None else record.Name

    @property
    def domain_name(self) -> str:
        """The Active Directory domain (``contoso.com``)."""
        return self.settings.domain

    @property
    def local_server_name(self) -> str:
        server = self.local_server
        return server.Name if server is not None else (self.settings.local_server or "EXCHANGE")

    @property
    def local_server_fqdn(self) -> str:
        server = self.local_server
        return str(server.Fqdn) if server is not None else f"{self.local_server_name}.{self.settings.domain}"

    def um_service(self, identity: Any) -> Any:
        """The UM service of a Mailbox server (``Get-UMService <identity>``)."""
        return self.resolve("umService", identity)

    def call_router(self, identity: Any) -> Any:
        """The call router settings of a Client Access server."""
        return self.resolve("callRouter", identity)

    def dial_plan(self, identity: Any) -> Any:
        return self.resolve("dialPlan", identity)

    def mailbox(self, identity: Any) -> Any:
        return self.resolve("mailbox", identity)

    @property
    def domain_controller(self) -> str:
        """The domain controller EMS names in its errors ("couldn't be found on '...'")."""
        return self.settings.domain_controller

    def failure_context(self) -> FailureContext:
        """What an Exchange error's FullyQualifiedErrorId carries: ``[Server=<NETBIOS>,
        RequestId=<guid>,TimeStamp=<local time>]``; each call takes a new RequestId."""
        name, fqdn = self.local_server_name, self.local_server_fqdn
        return FailureContext(name.upper(), self.new_request_id(), self.clock.now, fqdn.lower())

    @property
    def local_server(self) -> ExchangeServer | None:
        """The server the shell runs on (default: the first Mailbox server)."""
        name = self.settings.local_server
        for server in self.servers:
            if name is not None and server.Name.lower() == name.lower():
                return server
        if name is None:
            for server in self.servers:
                if server.has_role("Mailbox"):
                    return server
        return None

    def server(self, name: str) -> ExchangeServer | None:
        for server in self.servers:
            if server.Name.lower() == name.lower():
                return server
        return None

    def um_services(self) -> list[Any]:
        """The UM service of every Mailbox server (what Get-UMService lists)."""
        return [s.um_service for s in self.servers if s.has_role("Mailbox") and s.um_service is not None]

    def call_routers(self) -> list[Any]:
        """The call router settings of every Client Access server."""
        return [s.call_router for s in self.servers if s.has_role("ClientAccess") and s.call_router is not None]

    # ------------------------------------------------------------------ identity

    def resolve(self, kind: str, identity: Any, **options: Any) -> Any:
        """Exactly one record for an identity, as the ``-Identity`` of an EMS cmdlet resolves it
        (see ``emshell.model.identity.resolve``)."""
        from emshell.model import identity as identities

        return identities.resolve(self, kind, identity, **options)

    def find(self, kind: str, identity: Any, **options: Any) -> list[Any]:
        from emshell.model import identity as identities

        return identities.find(self, kind, identity, **options)

    def names(self, kind: str) -> list[str]:
        """Names of the objects of ``kind``, for completion."""
        from emshell.model import identity as identities

        return identities.names(self, kind)

    # ------------------------------------------------------------------ changes (operations.py)

    def set_properties(self, record: Record, changes: dict[str, Any]) -> Any:
        from emshell.model import operations

        return operations.set_properties(self, record, changes)

    def set_status(self, record: Record, status: str) -> Any:
        from emshell.model import operations

        return operations.set_status(self, record, status)

    def add(self, record: Record, parent: Any = None) -> Record:
        from emshell.model import operations

        return operations.add(self, record, parent)

    def remove(self, record: Record) -> None:
        from emshell.model import operations

        operations.remove(self, record)

    def new_dial_plan(self, name: str, **options: Any) -> Any:
        from emshell.model import operations

        return operations.new_dial_plan(self, name, **options)

    def new_ip_gateway(self, name: str, address: Any, **options: Any) -> Any:
        from emshell.model import operations

        return operations.new_ip_gateway(self, name, address, **options)

    def new_hunt_group(self, name: str, gateway: Any, dial_plan: Any, **options: Any) -> Any:
        from emshell.model import operations

        return operations.new_hunt_group(self, name, gateway, dial_plan, **options)

    def new_mailbox_policy(self, name: str, dial_plan: Any) -> Any:
        from emshell.model import operations

        return operations.new_mailbox_policy(self, name, dial_plan)

    def new_auto_attendant(self, name: str, dial_plan: Any, **options: Any) -> Any:
        from emshell.model import operations

        return operations.new_auto_attendant(self, name, dial_plan, **options)

    def new_call_answering_rule(self, mailbox: Any, name: str, **options: Any) -> Any:
        from emshell.model import operations

        return operations.new_call_answering_rule(self, mailbox, name, **options)

    def enable_um_mailbox(self, mailbox: Any, policy: Any, **options: Any) -> Any:
        from emshell.model import operations

        return operations.enable_um_mailbox(self, mailbox, policy, **options)

    def disable_um_mailbox(self, mailbox: Any, keep_properties: bool = False) -> Any:
        from emshell.model import operations

        return operations.disable_um_mailbox(self, mailbox, keep_properties)

    def set_um_pin(self, mailbox: Any, **options: Any) -> Any:
        from emshell.model import operations

        return operations.set_um_pin(self, mailbox, **options)

    def set_email_addresses(self, recipient: Any, value: Any) -> Any:
        from emshell.model import operations

        return operations.set_email_addresses(self, recipient, value)

    def import_prompt(self, owner: Any, name: str, data: bytes) -> None:
        from emshell.model import prompts

        prompts.import_prompt(self, owner, name, data)

    def export_prompt(self, owner: Any, name: str) -> tuple[str, bytes]:
        from emshell.model import prompts

        return prompts.export_prompt(self, owner, name)

    # ------------------------------------------------------------------ telephony (telephony.py)

    def start_service(self, server: Any, name: str) -> Any:
        from emshell.model import telephony

        return telephony.start_service(self, server, name)

    def stop_service(self, server: Any, name: str) -> Any:
        from emshell.model import telephony

        return telephony.stop_service(self, server, name)

    def restart_service(self, server: Any, name: str) -> Any:
        from emshell.model import telephony

        return telephony.restart_service(self, server, name)

    def enable_certificate(self, certificate: Any, services: Any) -> Any:
        from emshell.model import telephony

        return telephony.enable_certificate(self, certificate, services)

    def connectivity(self, server: Any, dial_plan: Any) -> Any:
        from emshell.model import telephony

        return telephony.connectivity(self, server, dial_plan)

    def __repr__(self) -> str:
        return f"<Organization {self.settings.domain}: {len(self.servers)} servers, {len(self.dial_plans)} dial plans>"


_DEFAULT: Organization | None = None
