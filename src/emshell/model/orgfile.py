"""Org files: an organization as YAML (the schema is in SCHEMA.md).

Reading uses PyYAML's safe loader only (imported when a file is read), with line numbers kept
for every key, and refuses what could hurt: files over ``MAX_BYTES``, anchors and aliases (alias
bombs), duplicate keys, non-text keys, unknown sections and properties, wrong value types.
Every problem is an ``OrgFileError`` whose text is one line: ``file:line: field.path: problem``.

Writing needs no YAML library: the writer emits a canonical form (fixed section order, records
sorted by name, ``Name`` first and the other keys sorted, values equal to their defaults
left out), so loading a canonical file and saving it again gives the same bytes.
"""

from __future__ import annotations

from emshell.model.errors import ModelError, OrgFileError
from emshell.model.fields import Boolean, Enum, Integer, Reference
from emshell.model.values import Fqdn, Guid

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

    from emshell.model.org import Organization

MAX_BYTES = 1_048_576
MAX_DEPTH = 64  # org files nest five or six levels; anything deeper is not one
HEADER = "# emshell organization file - schema: src/emshell/model/SCHEMA.md"
SECTIONS = ("organization", "servers", "dialPlans", "ipGateways", "mailboxPolicies", "autoAttendants", "mailboxes",
            "recipients")
SETTINGS = {
    # yaml key: (OrgSettings attribute, value kind)
    "clock": ("", "datetime"),
    "domain": ("domain", "fqdn"),
    "domainController": ("domain_controller", "fqdn"),
    "epoch": ("epoch", "datetime"),
    "exchangeOrganization": ("exchange_organization", "text"),
    "localServer": ("local_server", "text"),
    "netbiosDomain": ("netbios_domain", "text"),
    "seed": ("seed", "text"),
    "site": ("site", "text"),
    "timeZone": ("time_zone", "text"),
    "timeZoneName": ("time_zone_name", "text"),
    "utcOffsetMinutes": ("utc_offset_minutes", "int"),
}
ROLES = ("Mailbox", "ClientAccess", "Edge")
LOADED_KEYS = ("SipTcpListeningPort", "SipTlsListeningPort", "UMCertificateThumbprint", "UMStartupMode")
PIN_KEYS = {"FirstLogonCompleted": "first_logon_completed", "LockedOut": "locked_out", "Pin": "pin",
            "PinExpired": "pin_expired"}  # fmt: skip


# =========================================================================== reading


def read(path: Any) -> Organization:
    import os

    filename = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise OrgFileError(filename, f"the file is larger than {MAX_BYTES} bytes ({size} bytes)")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise OrgFileError(filename, "the file doesn't exist") from None
    except IsADirectoryError:
        raise OrgFileError(filename, "this is a directory, not an org file") from None
    except OSError as error:
        raise OrgFileError(filename, f"the file can't be read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        raise OrgFileError(filename, f"the file is larger than {MAX_BYTES} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise OrgFileError(filename, "the file isn't UTF-8 text") from None
    return parse(text, filename)


def parse(text: str, filename: str = "<org>") -> Organization:
    """An organization from the text of an org file."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8")) > MAX_BYTES:
        raise OrgFileError(filename, f"the file is larger than {MAX_BYTES} bytes")
    tree = load_yaml(text, filename)
    return _Reader(filename).read(tree)


class LineDict(dict):
    """A YAML mapping that remembers the line of each key (1-based), and the keys it saw twice."""

    __slots__ = ("line", "lines", "duplicates")


def _empty(line: int | None) -> LineDict:
    """An empty mapping standing for a section the file leaves out."""
    result = LineDict()
    result.line = line
    result.lines = {}
    result.duplicates = []
    return result


class LineList(list):
    """A YAML sequence that remembers the line of each item (1-based)."""

    __slots__ = ("line", "lines")


_LOADER: Any = None


def _loader_class() -> Any:
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class OrgLoader(base):  # type: ignore[misc, valid-type]
        """The safe loader, plus line numbers, and no aliases or duplicate keys."""

        org_filename = "<org>"

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            seen = self.__dict__.setdefault("_seen_nodes", set())
            if id(node) in seen:
                raise OrgFileError(self.org_filename, "anchors and aliases are not allowed", node.start_mark.line + 1)
            seen.add(id(node))
            return super().construct_object(node, deep)

    def construct_mapping(loader: Any, node: Any) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        result.duplicates = []
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise OrgFileError(loader.org_filename, f"keys must be text, not {key!r}", line)
            value = loader.construct_object(value_node, deep=True)
            if key in result:  # reported with its field path once the whole file is read
                result.duplicates.append((key, line))
                continue
            result[key] = value
            result.lines[key] = line
        return result

    def construct_sequence(loader: Any, node: Any) -> LineList:
        result = LineList(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.lines = [child.start_mark.line + 1 for child in node.value]
        return result

    OrgLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    OrgLoader.add_constructor("tag:yaml.org,2002:seq", construct_sequence)
    _LOADER = OrgLoader
    return OrgLoader


def load_yaml(text: str, filename: str) -> Any:
    """Parse YAML text into ``LineDict`` / ``LineList`` / scalars (safe loader only)."""
    import yaml

    loader = _loader_class()(text)
    loader.org_filename = filename
    try:
        node = loader.get_single_node()
        deep = _too_deep(node)
        if deep is not None:
            raise OrgFileError(filename, f"the file nests more than {MAX_DEPTH} levels deep", deep.start_mark.line + 1)
        tree = loader.construct_document(node) if node is not None else None
    except OrgFileError:
        raise
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL, other controls)
        line = text.count("\n", 0, max(0, error.position)) + 1
        raise OrgFileError(filename, f"YAML error: unacceptable character #x{error.character:04x}: {error.reason}",
                           line) from None  # fmt: skip
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        kind = "YAML error" if isinstance(error, yaml.constructor.ConstructorError) else "YAML syntax error"
        raise OrgFileError(filename, f"{kind}: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise OrgFileError(filename, f"YAML error: {error}") from None
    except RecursionError:
        raise OrgFileError(filename, "the file nests too deeply") from None
    finally:
        loader.dispose()
    duplicate = _first_duplicate(tree, "")
    if duplicate is not None:
        line, path, first = duplicate
        raise OrgFileError(filename, f"duplicate key (first on line {first})", line, path)
    return tree


def _too_deep(root: Any) -> Any:
    """The first YAML node nested deeper than ``MAX_DEPTH`` (found without recursion, so a
    hostile file cannot exhaust Python's stack), or None."""
    stack = [(root, 0)] if root is not None else []
    seen: set[int] = set()  # an alias is one node met again: visiting it once keeps this linear
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        if id(node) in seen:
            continue
        seen.add(id(node))
        value = node.value
        if isinstance(value, list):
            for item in value:
                if isinstance(item, tuple):  # a mapping's (key, value) pair
                    stack.extend((child, depth + 1) for child in item)
                else:
                    stack.append((item, depth + 1))
    return None


def _first_duplicate(node: Any, path: str) -> tuple[int, str, int] | None:
    """The earliest key given twice in one mapping, with its field path."""
    found: list[tuple[int, str, int]] = []
    if isinstance(node, LineDict):
        for key, line in node.duplicates:
            found.append((line, f"{path}.{key}" if path else key, node.lines[key]))
        for key, value in node.items():
            inner = _first_duplicate(value, f"{path}.{key}" if path else key)
            if inner is not None:
                found.append(inner)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            inner = _first_duplicate(value, f"{path}[{index}]")
            if inner is not None:
                found.append(inner)
    return min(found) if found else None


def _line(container: Any, key: Any) -> int | None:
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict):
        return lines.get(key)
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return lines[key]
    return getattr(container, "line", None)


class _Reader:
    """Builds an Organization from parsed YAML, checking it as it goes."""

    def __init__(self, filename: str):
        self.filename = filename
        self.pending: list[tuple[Any, Any, Any, int | None, str]] = []  # record, field, names, line, path
        self.located: list[tuple[Any, int | None, str]] = []  # record, line, path (for final checks)

    def fail(self, problem: str, line: int | None = None, path: str | None = None) -> OrgFileError:
        return OrgFileError(self.filename, problem, line, path)

    # ------------------------------------------------------------------ top level

    def read(self, tree: Any) -> Organization:
        from emshell.model.org import Clock, Organization

        if tree is None:
            raise self.fail("the file is empty")
        if not isinstance(tree, dict):
            raise self.fail("an org file is a mapping of sections (organization, servers, dialPlans, ...)",
                            getattr(tree, "line", 1))  # fmt: skip
        for key in tree:
            if key not in SECTIONS:
                raise self.fail(f"unknown section (the sections are {', '.join(SECTIONS)})", _line(tree, key), key)
        settings, clock = self.read_settings(tree.get("organization"), _line(tree, "organization"))
        org = Organization(settings, Clock(clock))
        self.org = org
        readers = (
            ("servers", self.read_server, org.servers),
            ("dialPlans", self.read_simple("dialPlan"), org.dial_plans),
            ("ipGateways", self.read_gateway, org.ip_gateways),
            ("mailboxPolicies", self.read_simple("mailboxPolicy"), org.mailbox_policies),
            ("autoAttendants", self.read_simple("autoAttendant"), org.auto_attendants),
            ("mailboxes", self.read_mailbox, org.mailboxes),
            ("recipients", self.read_simple("recipient"), org.recipients),
        )
        for section, reader, target in readers:
            items = tree.get(section)
            if items is None:
                continue
            if not isinstance(items, list):
                raise self.fail("expected a list", _line(tree, section), section)
            for index, item in enumerate(items):
                target.append(reader(item, f"{section}[{index}]", _line(items, index)))
            self.check_unique(target, section, items)
        self.resolve_references()
        self.final_checks()
        return org

    def read_settings(self, data: Any, line: int | None) -> tuple[Any, Any]:
        from emshell.model.fields import DateTime
        from emshell.model.org import OrgSettings

        settings = OrgSettings()
        clock = None
        self.setting_lines = dict(getattr(data, "lines", None) or {})
        if data is None:
            return settings, settings.epoch
        if not isinstance(data, dict):
            raise self.fail("expected a mapping of settings", line, "organization")
        for key, raw in data.items():
            here, where = f"organization.{key}", _line(data, key)
            if key not in SETTINGS:
                raise self.fail(f"unknown setting (the settings are {', '.join(SETTINGS)})", where, here)
            attr, kind = SETTINGS[key]
            try:
                if kind == "datetime":
                    value = DateTime().convert(raw)
                elif kind == "int":
                    if isinstance(raw, bool) or not isinstance(raw, int):
                        raise self.fail(f"expected a whole number, got '{raw}'", where, here)
                    value = raw
                elif kind == "fqdn":
                    value = str(Fqdn.parse(self.text(raw, where, here)))
                else:
                    value = self.text(raw, where, here)
            except ModelError as error:
                if isinstance(error, OrgFileError):
                    raise
                raise self.fail(error.message, where, here) from None
            if key == "clock":
                clock = value
            else:
                setattr(settings, attr, value)
        if "netbiosDomain" not in data:
            settings.netbios_domain = settings.domain.split(".")[0].upper()
        if "domainController" not in data:
            settings.domain_controller = f"DC01.{settings.domain}"
        if clock is None:
            clock = settings.epoch
        if clock < settings.epoch:
            raise self.fail("the clock can't be earlier than the epoch", _line(data, "clock"), "organization.clock")
        return settings, clock

    def text(self, raw: Any, line: int | None, path: str) -> str:
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise self.fail(f"expected text, got '{raw}'", line, path)
        return str(raw)

    # ------------------------------------------------------------------ records

    def read_record(self, cls: Any, data: Any, path: str, line: int | None, skip: tuple[str, ...] = ()) -> Any:
        """One record: its properties, then its derived defaults."""
        if not isinstance(data, dict):
            raise self.fail("expected a mapping of properties", line, path)
        record = cls(self.org)
        meta = [m for m in ("Guid", "WhenCreated", "WhenChanged") if m in cls._ALL_SLOTS]
        for key, raw in data.items():
            here, where = f"{path}.{key}", _line(data, key)
            if key in skip:
                continue
            if key in meta:
                self.read_meta(record, key, raw, where, here)
                continue
            field = cls.field(key)
            if field is None or field.name != key:
                hint = f" (did you mean '{field.name}'?)" if field is not None else ""
                raise self.fail(f"unknown property{hint}", where, here)
            if isinstance(field.type, Reference):
                self.pending.append((record, field, self.names(raw, field.type.multi, where, here), where, here))
                continue
            record.set_stored(field, self.convert(field, raw, where, here))
        for field in cls.FIELDS:
            if field.required and field.name not in data:
                raise self.fail(f"{field.name} is required", data.line, path)
        derived = getattr(record, "derived_defaults", None)
        if derived is not None:
            for name, value in derived().items():
                field = cls.field(name)
                if name not in data and field is not None:
                    record.set_stored(field, field.coerce(value))
        self.located.append((record, data.line, path))
        return record

    def read_meta(self, record: Any, key: str, raw: Any, line: int | None, path: str) -> None:
        from emshell.model.fields import DateTime

        try:
            if key == "Guid":
                setattr(record, key, Guid.parse(self.text(raw, line, path)))
            else:
                setattr(record, key, DateTime().convert(raw))
        except ModelError as error:
            if isinstance(error, OrgFileError):
                raise
            raise self.fail(error.message, line, path) from None

    def convert(self, field: Any, raw: Any, line: int | None, path: str) -> Any:
        kind = field.type
        if kind.multi:
            if raw is None:
                raw = []
            if not isinstance(raw, list):
                raise self.fail("expected a list", line, path)
            for index, item in enumerate(raw):
                if isinstance(item, (dict, list)) or item is None:
                    raise self.fail("expected a list of single values", _line(raw, index), f"{path}[{index}]")
        elif isinstance(raw, (dict, list)):
            raise self.fail("expected a single value", line, path)
        elif raw is not None:
            if isinstance(kind, Enum) and not isinstance(raw, str):
                raise self.fail(f"'{raw}' is not one of {', '.join(kind.enum.NAMES)}", line, path)
            if isinstance(kind, Enum):
                words = [w.strip() for w in raw.split(",")] if kind.enum.IS_FLAGS else [raw.strip()]
                for word in words:
                    if word not in kind.enum.NAMES:
                        raise self.fail(f"'{word}' is not one of {', '.join(kind.enum.NAMES)}", line, path)
            if isinstance(kind, Integer) and (isinstance(raw, bool) or not isinstance(raw, int)):
                raise self.fail(f"expected a whole number, got '{raw}'", line, path)
            if isinstance(kind, Boolean) and not isinstance(raw, bool):
                raise self.fail(f"expected true or false, got '{raw}'", line, path)
        try:
            return field.coerce(raw)
        except ModelError as error:
            raise self.fail(error.message, line, path) from None

    def names(self, raw: Any, multi: bool, line: int | None, path: str) -> Any:
        if multi:
            if raw is None:
                return []
            if not isinstance(raw, list):
                raise self.fail("expected a list of names", line, path)
            return [self.text(item, _line(raw, i), f"{path}[{i}]") for i, item in enumerate(raw)]
        if raw is None:
            return None
        return self.text(raw, line, path)

    def read_simple(self, kind: str) -> Any:
        from emshell.model.recipients import Mailbox, MailRecipient
        from emshell.model.um import UMAutoAttendant, UMDialPlan, UMMailboxPolicy

        cls = {"dialPlan": UMDialPlan, "mailboxPolicy": UMMailboxPolicy, "autoAttendant": UMAutoAttendant,
               "mailbox": Mailbox, "recipient": MailRecipient}[kind]  # fmt: skip

        has_prompts = kind in ("dialPlan", "autoAttendant")

        def reader(data: Any, path: str, line: int | None) -> Any:
            record = self.read_record(cls, data, path, line, skip=("prompts",) if has_prompts else ())
            self.stamp(record, (kind, record.Name.lower()))
            if has_prompts and "prompts" in data:
                self.read_prompts(record, data["prompts"], _line(data, "prompts"), f"{path}.prompts")
            return record

        return reader

    def read_prompts(self, record: Any, data: Any, line: int | None, path: str) -> None:
        """``prompts``: file name -> the audio as base64 text."""
        import base64
        import binascii

        from emshell.model.prompts import check_file_name

        if not isinstance(data, dict):
            raise self.fail("expected a mapping of prompt file names to base64 audio", line, path)
        seen: set[str] = set()
        for name, raw in data.items():
            here, where = f"{path}.{name}", _line(data, name)
            try:
                check_file_name(name)
            except ModelError as error:
                raise self.fail(error.message, where, here) from None
            if name.lower() in seen:
                raise self.fail("another prompt has this file name", where, here)
            seen.add(name.lower())
            try:
                audio = base64.b64decode(self.text(raw, where, here), validate=True)
            except (binascii.Error, ValueError):
                raise self.fail("expected the audio as base64 text", where, here) from None
            if not audio:
                raise self.fail("a prompt file can't be empty", where, here)
            record.prompts[name] = audio

    def stamp(self, record: Any, key: tuple[Any, ...]) -> None:
        """Default GUID and timestamps for a record read from a file."""
        if getattr(record, "Guid", None) is None:
            record.Guid = Guid(self.org.ids.guid_for(*key))
        if "WhenCreated" in record._ALL_SLOTS:
            epoch = self.org.settings.epoch
            record.WhenCreated = record.WhenCreated or epoch
            record.WhenChanged = record.WhenChanged or record.WhenCreated

    def check_unique(self, records: list[Any], path: str, items: Any, key: Any = None) -> None:
        seen: dict[str, int] = {}
        for index, record in enumerate(records):
            name = (key(record) if key else str(record.Name)).lower()
            if name in seen:
                item = items[index]
                where = item.lines.get("Name", item.line) if isinstance(item, LineDict) else None
                label = record.LABEL
                raise self.fail(f"another {label} has this name ({path}[{seen[name]}])", where, f"{path}[{index}].Name")
            seen[name] = index
        guids: dict[str, int] = {}
        for index, record in enumerate(records):
            guid = str(getattr(record, "Guid", "") or "")
            if guid and guid in guids:
                item = items[index]
                where = item.lines.get("Guid", item.line) if isinstance(item, LineDict) else None
                raise self.fail(f"this GUID is already used by {path}[{guids[guid]}]", where, f"{path}[{index}].Guid")
            if guid:
                guids[guid] = index

    # ------------------------------------------------------------------ servers

    def read_server(self, data: Any, path: str, line: int | None) -> Any:
        from emshell.model.servers import CallRouterSettings, ExchangeServer, UMService, WindowsService

        nested = ("roles", "Site", "umService", "callRouter", "windowsServices", "certificates")
        server = self.read_record(ExchangeServer, data, path, line, skip=nested)
        self.stamp(server, ("server", server.Name.lower()))
        server.roles = self.read_roles(data.get("roles"), _line(data, "roles"), f"{path}.roles", data.line, path)
        if "Site" in data:
            server.site_name = self.text(data["Site"], _line(data, "Site"), f"{path}.Site")
        if server.Fqdn is None:
            server.Fqdn = Fqdn(f"{server.Name}.{self.org.settings.domain}")
        for key, role, cls in (("umService", "Mailbox", UMService), ("callRouter", "ClientAccess", CallRouterSettings)):
            section = data.get(key)
            if section is not None and role not in server.roles:
                raise self.fail(f"a server without the {role} role has no {key}", _line(data, key), f"{path}.{key}")
            if role in server.roles:
                where = _line(data, key) or data.line
                body = section if section is not None else _empty(where)
                component = self.read_record(cls, body, f"{path}.{key}", where)
                component._server = server
                if cls is CallRouterSettings:
                    self.stamp(component, ("callRouter", server.Name.lower()))
                setattr(server, "um_service" if key == "umService" else "call_router", component)
        self.read_services(server, data.get("windowsServices"), _line(data, "windowsServices"), path, WindowsService)
        certificates = data.get("certificates")
        if certificates is not None:
            if not isinstance(certificates, list):
                raise self.fail("expected a list", _line(data, "certificates"), f"{path}.certificates")
            for index, item in enumerate(certificates):
                cert = self.read_certificate(item, f"{path}.certificates[{index}]", _line(certificates, index))
                cert._server = server
                server.certificates.append(cert)
            self.check_unique(server.certificates, f"{path}.certificates", certificates, key=lambda c: c.Thumbprint)
        return server

    def read_roles(self, raw: Any, line: int | None, path: str, server_line: int | None, server_path: str) -> tuple:
        if raw is None:
            raise self.fail("roles is required (Mailbox, ClientAccess or Edge)", server_line, server_path)
        if not isinstance(raw, list) or not raw:
            raise self.fail("expected a list of roles (Mailbox, ClientAccess, Edge)", line, path)
        roles = []
        for index, item in enumerate(raw):
            if item not in ROLES:
                raise self.fail(f"'{item}' is not one of {', '.join(ROLES)}", _line(raw, index), f"{path}[{index}]")
            roles.append(item)
        if "Edge" in roles and len(set(roles)) > 1:
            raise self.fail("an Edge Transport server has no other role", line, path)
        return tuple(r for r in ROLES if r in roles)

    def read_certificate(self, data: Any, path: str, line: int | None) -> Any:
        from emshell.model.certificates import ExchangeCertificate

        cert = self.read_record(ExchangeCertificate, data, path, line)
        if cert.NotAfter < cert.NotBefore:
            raise self.fail("NotAfter is earlier than NotBefore", _line(data, "NotAfter"), f"{path}.NotAfter")
        return cert

    def read_services(self, server: Any, data: Any, line: int | None, path: str, cls: Any) -> None:
        wanted = [name for name, role in (("MSExchangeUM", "Mailbox"), ("MSExchangeUMCR", "ClientAccess"))
                  if role in server.roles]  # fmt: skip
        data = data if data is not None else _empty(line)
        if not isinstance(data, dict):
            raise self.fail("expected a mapping of services", line, f"{path}.windowsServices")
        for name in data:
            if name not in wanted:
                problem = f"unknown service (this server runs {', '.join(wanted)})" if wanted else "this server runs no UM service"
                raise self.fail(problem, _line(data, name), f"{path}.windowsServices.{name}")
        for name in wanted:
            here = f"{path}.windowsServices.{name}"
            entry = data.get(name)
            entry = entry if entry is not None else _empty(_line(data, name))
            if not isinstance(entry, dict):
                raise self.fail("expected a mapping", _line(data, name), here)
            if "Name" in entry:
                raise self.fail("unknown property", _line(entry, "Name"), f"{here}.Name")
            body = LineDict(entry)
            body.lines = getattr(entry, "lines", {})
            body.line = getattr(entry, "line", line)
            body.duplicates = []
            body["Name"] = name
            service = self.read_record(cls, body, here, _line(data, name), skip=("loaded",))
            service._server = server
            server.windows_services[name] = service
            component = server.um_service if name == "MSExchangeUM" else server.call_router
            loaded = entry.get("loaded")
            if loaded is not None and not service.is_running:
                raise self.fail("a stopped service has no loaded configuration", _line(entry, "loaded"), f"{here}.loaded")
            service.loaded = self.read_loaded(component, loaded, _line(entry, "loaded"), f"{here}.loaded") if service.is_running else None

    def read_loaded(self, component: Any, data: Any, line: int | None, path: str) -> Any:
        from emshell.model.servers import ListeningConfig

        if data is None:
            return component.configured()
        if not isinstance(data, dict):
            raise self.fail("expected a mapping", line, path)
        values = {}
        for key, raw in data.items():
            if key not in LOADED_KEYS:
                raise self.fail(f"unknown property (the loaded settings are {', '.join(LOADED_KEYS)})",
                                _line(data, key), f"{path}.{key}")  # fmt: skip
            values[key] = self.convert(component.field(key), raw, _line(data, key), f"{path}.{key}")
        current = component.configured()
        return ListeningConfig(
            str(values.get("UMStartupMode", current.mode)),
            values.get("SipTcpListeningPort", current.tcp_port),
            values.get("SipTlsListeningPort", current.tls_port),
            values.get("UMCertificateThumbprint", current.thumbprint),
        )

    # ------------------------------------------------------------------ gateways and mailboxes

    def read_gateway(self, data: Any, path: str, line: int | None) -> Any:
        from emshell.model.um import UMHuntGroup, UMIPGateway

        gateway = self.read_record(UMIPGateway, data, path, line, skip=("huntGroups",))
        self.stamp(gateway, ("ipGateway", gateway.Name.lower()))
        groups = data.get("huntGroups")
        if groups is not None:
            if not isinstance(groups, list):
                raise self.fail("expected a list", _line(data, "huntGroups"), f"{path}.huntGroups")
            for index, item in enumerate(groups):
                group = self.read_record(UMHuntGroup, item, f"{path}.huntGroups[{index}]", _line(groups, index))
                group._gateway = gateway
                self.stamp(group, ("huntGroup", gateway.Name.lower(), group.Name.lower()))
                gateway.hunt_groups.append(group)
            self.check_unique(gateway.hunt_groups, f"{path}.huntGroups", groups)
        return gateway

    def read_mailbox(self, data: Any, path: str, line: int | None) -> Any:
        from emshell.model.recipients import Mailbox, UMCallAnsweringRule

        mailbox = self.read_record(Mailbox, data, path, line, skip=("umPin", "callAnsweringRules"))
        self.stamp(mailbox, ("mailbox", mailbox.Name.lower()))
        pin = data.get("umPin")
        if pin is not None:
            here = f"{path}.umPin"
            if not isinstance(pin, dict):
                raise self.fail("expected a mapping", _line(data, "umPin"), here)
            for key, raw in pin.items():
                if key not in PIN_KEYS:
                    raise self.fail(f"unknown property (the PIN settings are {', '.join(PIN_KEYS)})",
                                    _line(pin, key), f"{here}.{key}")  # fmt: skip
                if key == "Pin":
                    value = self.text(raw, _line(pin, key), f"{here}.{key}")
                    if not value.isdigit():
                        raise self.fail("a PIN has only digits", _line(pin, key), f"{here}.{key}")
                elif not isinstance(raw, bool):
                    raise self.fail(f"expected true or false, got '{raw}'", _line(pin, key), f"{here}.{key}")
                else:
                    value = raw
                setattr(mailbox, PIN_KEYS[key], value)
        rules = data.get("callAnsweringRules")
        if rules is not None:
            if not isinstance(rules, list):
                raise self.fail("expected a list", _line(data, "callAnsweringRules"), f"{path}.callAnsweringRules")
            for index, item in enumerate(rules):
                rule = self.read_record(UMCallAnsweringRule, item, f"{path}.callAnsweringRules[{index}]",
                                        _line(rules, index), skip=("Guid",))  # fmt: skip
                rule._mailbox = mailbox
                if "Guid" in item:
                    self.read_meta(rule, "Guid", item["Guid"], _line(item, "Guid"), f"{path}.callAnsweringRules[{index}].Guid")
                self.stamp(rule, ("callAnsweringRule", mailbox.Name.lower(), rule.Name.lower()))
                mailbox.call_answering_rules.append(rule)
            self.check_unique(mailbox.call_answering_rules, f"{path}.callAnsweringRules", rules)
        return mailbox

    # ------------------------------------------------------------------ after everything is read

    def resolve_references(self) -> None:
        for record, field, names, line, path in self.pending:
            kind = field.type.kind
            candidates = self.org.records(kind)
            label = {"dialPlan": "UM dial plan", "autoAttendant": "UM auto attendant",
                     "mailboxPolicy": "UM mailbox policy", "ipGateway": "UM IP gateway"}.get(kind, kind)  # fmt: skip
            guids = []
            for name in names if field.type.multi else ([names] if names is not None else []):
                match = [c for c in candidates if c.Name.lower() == name.lower()]
                if not match:
                    raise self.fail(f"there is no {label} named '{name}'", line, path)
                guids.append(str(match[0].Guid))
            record.set_stored(field, guids if field.type.multi else (guids[0] if guids else None))

    def final_checks(self) -> None:
        org = self.org
        local = org.settings.local_server
        if local is not None and org.server(local) is None:
            raise self.fail(f"there is no server named '{local}'", self.setting_lines.get("localServer"),
                            "organization.localServer")  # fmt: skip
        for record, line, path in self.located:
            check = getattr(record, "check", None)
            if check is None:
                continue
            try:
                check()
            except ModelError as error:
                raise self.fail(error.message, line, path) from None
        for server in org.servers:
            for component in (server.um_service, server.call_router):
                if component is not None and component.SipTcpListeningPort == component.SipTlsListeningPort:
                    raise self.fail("the TCP and TLS listening ports can't be the same", None,
                                    f"servers[{org.servers.index(server)}].{'umService' if component is server.um_service else 'callRouter'}")  # fmt: skip


# =========================================================================== writing


def dump(org: Organization) -> str:
    """The canonical org file text of ``org``."""
    sections: list[tuple[str, Any]] = [("organization", _settings_map(org))]
    collections = (
        ("servers", org.servers, _server_map),
        ("dialPlans", org.dial_plans, _plain_map),
        ("ipGateways", org.ip_gateways, _gateway_map),
        ("mailboxPolicies", org.mailbox_policies, _plain_map),
        ("autoAttendants", org.auto_attendants, _plain_map),
        ("mailboxes", org.mailboxes, _mailbox_map),
        ("recipients", org.recipients, _plain_map),
    )
    for name, records, builder in collections:
        if records:
            ordered = sorted(records, key=lambda r: str(r.Name).lower())
            sections.append((name, [builder(org, r) for r in ordered]))
    lines = [HEADER]
    _emit_mapping(sections, 0, lines)
    return "\n".join(lines) + "\n"


def write(org: Organization, path: Any) -> None:
    """Save atomically: write a temporary file next to ``path``, then rename it over ``path``."""
    import os
    import tempfile

    text = dump(org)
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    try:
        mode = os.stat(target).st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    handle, temporary = tempfile.mkstemp(prefix=".emshell-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _settings_map(org: Organization) -> dict[str, Any]:
    settings = org.settings
    result: dict[str, Any] = {}
    for key, (attr, kind) in sorted(SETTINGS.items()):
        value = org.clock.now if key == "clock" else getattr(settings, attr)
        if value is None:
            continue
        result[key] = value.isoformat(timespec="seconds") if kind == "datetime" else value
    return result


def _dump_value(org: Organization, field: Any, value: Any) -> Any:
    if isinstance(field.type, Reference):
        if field.type.multi:
            return [org.name_of(field.type.kind, g) for g in value or ()]
        return org.name_of(field.type.kind, value) if value else None
    return field.type.dump(value)


def _fields_map(org: Organization, record: Any) -> dict[str, Any]:
    derived = getattr(record, "derived_defaults", dict)()
    result: dict[str, Any] = {}
    for field in record.FIELDS:
        value = _dump_value(org, field, record.get_stored(field))
        default = field.coerce(derived[field.name]) if field.name in derived else field.initial()
        if field.required or value != _dump_value(org, field, default):
            result[field.name] = value
    return result


def _meta(org: Organization, record: Any, key: tuple[Any, ...], result: dict[str, Any]) -> None:
    if str(record.Guid) != org.ids.guid_for(*key):
        result["Guid"] = str(record.Guid)
    if "WhenCreated" in record._ALL_SLOTS:
        epoch = org.settings.epoch
        if record.WhenCreated != epoch:
            result["WhenCreated"] = record.WhenCreated.isoformat(timespec="seconds")
        if record.WhenChanged != record.WhenCreated:
            result["WhenChanged"] = record.WhenChanged.isoformat(timespec="seconds")


def _ordered(result: dict[str, Any]) -> dict[str, Any]:
    keys = sorted(result)
    if "Name" in result:
        keys.remove("Name")
        keys.insert(0, "Name")
    return {key: result[key] for key in keys}


def _plain_map(org: Organization, record: Any) -> dict[str, Any]:
    result = _fields_map(org, record)
    _meta(org, record, (record.KIND, record.Name.lower()), result)
    prompts = getattr(record, "prompts", None)
    if prompts:
        import base64

        # keys are written as they are: quote the file names that YAML would misread
        result["prompts"] = {scalar(name): base64.b64encode(prompts[name]).decode("ascii")
                             for name in sorted(prompts, key=str.lower)}  # fmt: skip
    return _ordered(result)


def _server_map(org: Organization, server: Any) -> dict[str, Any]:
    result = _fields_map(org, server)
    if server.Fqdn == f"{server.Name}.{org.settings.domain}":
        result.pop("Fqdn", None)
    _meta(org, server, ("server", server.Name.lower()), result)
    result["roles"] = list(server.roles)
    if server.site_name is not None:
        result["Site"] = server.site_name
    if server.um_service is not None:
        body = _fields_map(org, server.um_service)
        if body:
            result["umService"] = _ordered(body)
    if server.call_router is not None:
        body = _fields_map(org, server.call_router)
        _meta(org, server.call_router, ("callRouter", server.Name.lower()), body)
        if body:
            result["callRouter"] = _ordered(body)
    services: dict[str, Any] = {}
    for name in sorted(server.windows_services):
        service = server.windows_services[name]
        body = _fields_map(org, service)
        body.pop("Name", None)
        component = server.um_service if name == "MSExchangeUM" else server.call_router
        if service.is_running and component is not None and service.loaded != component.configured():
            loaded, configured = service.loaded, component.configured()
            diff: dict[str, Any] = {}
            if loaded.mode != configured.mode:
                diff["UMStartupMode"] = str(loaded.mode)
            if loaded.tcp_port != configured.tcp_port:
                diff["SipTcpListeningPort"] = loaded.tcp_port
            if loaded.tls_port != configured.tls_port:
                diff["SipTlsListeningPort"] = loaded.tls_port
            if loaded.thumbprint != configured.thumbprint:
                diff["UMCertificateThumbprint"] = loaded.thumbprint
            body["loaded"] = _ordered(diff)
        if body:
            services[name] = _ordered(body)
    if services:
        result["windowsServices"] = services
    if server.certificates:
        ordered = sorted(server.certificates, key=lambda c: c.Thumbprint)
        result["certificates"] = [_ordered(_fields_map(org, c)) for c in ordered]
    return _ordered(result)


def _gateway_map(org: Organization, gateway: Any) -> dict[str, Any]:
    result = _plain_map(org, gateway)
    if gateway.hunt_groups:
        groups = []
        for group in sorted(gateway.hunt_groups, key=lambda g: g.Name.lower()):
            body = _fields_map(org, group)
            _meta(org, group, ("huntGroup", gateway.Name.lower(), group.Name.lower()), body)
            groups.append(_ordered(body))
        result["huntGroups"] = groups
    return _ordered(result)


def _mailbox_map(org: Organization, mailbox: Any) -> dict[str, Any]:
    result = _plain_map(org, mailbox)
    pin: dict[str, Any] = {}
    for key, attr in PIN_KEYS.items():
        value = getattr(mailbox, attr)
        if value not in (None, False):
            pin[key] = value
    if pin:
        result["umPin"] = pin
    if mailbox.call_answering_rules:
        rules = []
        for rule in sorted(mailbox.call_answering_rules, key=lambda r: r.Name.lower()):
            body = _fields_map(org, rule)
            if str(rule.Guid) != org.ids.guid_for("callAnsweringRule", mailbox.Name.lower(), rule.Name.lower()):
                body["Guid"] = str(rule.Guid)
            rules.append(_ordered(body))
        result["callAnsweringRules"] = rules
    return _ordered(result)


# --------------------------------------------------------------------------- YAML emitter

_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}
_PLAIN_FIRST = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_/\\(")
_PLAIN_REST = _PLAIN_FIRST | set("0123456789 .,;:@$%+=-)'\"!?&*#<>|[]{}^`~")


def scalar(value: Any) -> str:
    """A YAML scalar that loads back as exactly ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _plain_ok(text):
        return text
    return _quoted(text)


def _plain_ok(text: str) -> bool:
    if not text or text[0] not in _PLAIN_FIRST or text[-1] in " :" or text.lower() in _YAML_WORDS:
        return False
    if ": " in text or " #" in text:
        return False
    return all(char in _PLAIN_REST for char in text)


def _quoted(text: str) -> str:
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _emit_mapping(pairs: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    items = pairs.items() if isinstance(pairs, dict) else pairs
    for key, value in items:
        if isinstance(value, dict):
            if value:
                out.append(f"{pad}{key}:")
                _emit_mapping(value, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {{}}")
        elif isinstance(value, list):
            if value:
                out.append(f"{pad}{key}:")
                _emit_sequence(value, indent + 2, out)
            else:
                out.append(f"{pad}{key}: []")
        else:
            out.append(f"{pad}{key}: {scalar(value)}")


def _emit_sequence(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            body: list[str] = []
            _emit_mapping(item, indent + 2, body)
            out.append(f"{pad}- {body[0][indent + 2:]}")
            out.extend(body[1:])
        elif isinstance(item, (dict, list)):
            out.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}")
        else:
            out.append(f"{pad}- {scalar(item)}")
