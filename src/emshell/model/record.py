"""The shape every organization record shares.

A record is a plain class with ``__slots__`` whose attribute names are EMS's property names, so
``getattr(record, "UMStartupMode")`` is what ``$x.UMStartupMode`` reads.  Each class declares:

- ``PS_TYPE_NAMES``: the .NET type chain, most derived first;
- ``PS_PROPERTIES``: the property names in EMS's ``Format-List`` order (without ``RunspaceId``,
  which the shell adds);
- ``FIELDS``: the stored, settable properties (``emshell.model.fields.Field``); everything else in
  ``PS_PROPERTIES`` is computed from the organization (``@computed``).

``snapshot()`` gives what EMS gives back: a detached copy whose values, computed ones included,
are frozen at that moment.
"""

from __future__ import annotations

from emshell.model.fields import Field, Reference
from emshell.model.values import (
    ADObjectId,
    ExchangeObjectVersion,
    Fqdn,
    MultiValuedProperty,
    enum_value,
    escape_rdn,
)

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.model.org import Organization


def computed(method: Callable[[Any], Any]) -> property:
    """A read-only property computed from the organization; frozen in snapshots."""
    name = method.__name__

    def getter(self: Record) -> Any:
        frozen = self._frozen
        if frozen is not None:
            return frozen[name]
        return method(self)

    getter.__name__ = name
    getter.__doc__ = method.__doc__
    return property(getter)


def field_slots(fields: tuple[Field, ...], *extra: str) -> tuple[str, ...]:
    """The ``__slots__`` of a record class: one per stored field, plus ``extra``."""
    return tuple(f.slot for f in fields) + extra


def _detach(value: Any) -> Any:
    if isinstance(value, MultiValuedProperty):
        return value.copy()
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


class Record:
    """Base of every organization record."""

    __slots__ = ("_org", "_frozen")

    KIND = ""  # the record kind, as identity resolution and org files name it
    LABEL = ""  # English noun used in messages ("UM dial plan")
    PS_TYPE_NAMES: tuple[str, ...] = ()
    PS_PROPERTIES: tuple[str, ...] = ()
    FIELDS: tuple[Field, ...] = ()
    CHILD_SLOTS: tuple[str, ...] = ()  # slots holding owned records (lists, dicts or one record)

    # filled in by __init_subclass__
    _ALL_SLOTS: tuple[str, ...] = ()
    _FIELD_MAP: dict[str, Field] = {}
    _COMPUTED: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        slots: list[str] = []
        for klass in reversed(cls.__mro__):
            for slot in klass.__dict__.get("__slots__", ()):
                if slot not in slots:
                    slots.append(slot)
        cls._ALL_SLOTS = tuple(slots)
        cls._FIELD_MAP = {f.name.lower(): f for f in cls.FIELDS}
        for field in cls.FIELDS:
            if isinstance(field.type, Reference) and field.name not in cls.__dict__:
                setattr(cls, field.name, _reference_property(field))
        cls._COMPUTED = tuple(n for n in cls.PS_PROPERTIES if n not in slots)
        missing = [n for n in cls._COMPUTED if not hasattr(cls, n)]
        if missing:
            raise TypeError(f"{cls.__name__} shows properties it does not define: {missing}")

    def __init__(self, org: Organization | None = None, **values: Any):
        for slot in self._ALL_SLOTS:
            object.__setattr__(self, slot, None)
        self._org = org
        for field in self.FIELDS:
            setattr(self, field.slot, field.initial())
        for name, value in values.items():
            field = self._FIELD_MAP.get(name.lower())
            setattr(self, field.slot if field else name, value)

    # ------------------------------------------------------------------ declared properties

    @classmethod
    def field(cls, name: str) -> Field | None:
        """The stored property ``name`` (any case), or None when it is computed or unknown."""
        return cls._FIELD_MAP.get(name.lower())

    def get_stored(self, field: Field) -> Any:
        return getattr(self, field.slot)

    def set_stored(self, field: Field, value: Any) -> None:
        setattr(self, field.slot, value)

    # ------------------------------------------------------------------ copies

    def snapshot(self) -> Record:
        """A detached copy, as EMS returns objects: later changes to the organization do not
        show through it, and changing it does not change the organization."""
        twin = object.__new__(type(self))
        for slot in self._ALL_SLOTS:
            object.__setattr__(twin, slot, _detach(getattr(self, slot)))
        for slot in self.CHILD_SLOTS:
            object.__setattr__(twin, slot, None)
        twin._frozen = {name: _detach(getattr(self, name)) for name in self._COMPUTED}
        twin._org = None
        return twin

    @property
    def is_snapshot(self) -> bool:
        return self._frozen is not None

    def clone(self, org: Organization | None) -> Record:
        """A deep copy that belongs to ``org`` (owned records are cloned too)."""
        twin = object.__new__(type(self))
        for slot in self._ALL_SLOTS:
            object.__setattr__(twin, slot, _detach(getattr(self, slot)))
        twin._org = org
        for slot in self.CHILD_SLOTS:
            value = getattr(self, slot)
            if isinstance(value, list):
                value = [child.clone(org) for child in value]
            elif isinstance(value, dict):
                value = {key: child.clone(org) for key, child in value.items()}
            elif value is not None:
                value = value.clone(org)
            object.__setattr__(twin, slot, value)
        twin.adopt_children()
        return twin

    def adopt_children(self) -> None:
        """Point owned records back at this one (after a clone or a restore)."""

    def children(self) -> list[Record]:
        """Owned records, recursively."""
        found: list[Record] = []
        for slot in self.CHILD_SLOTS:
            value = getattr(self, slot)
            if isinstance(value, dict):
                items = list(value.values())
            elif isinstance(value, list):
                items = value
            else:
                items = [value] if value is not None else []
            for child in items:
                found.append(child)
                found.extend(child.children())
        return found

    def capture(self) -> tuple[Any, ...]:
        """The stored state, for a transaction to put back."""
        return tuple(_detach(getattr(self, slot)) for slot in self._ALL_SLOTS)

    def restore(self, state: tuple[Any, ...]) -> None:
        for slot, value in zip(self._ALL_SLOTS, state):
            object.__setattr__(self, slot, _detach(value))

    # ------------------------------------------------------------------ display

    @property
    def display_name(self) -> str:
        """How messages name this object (its identity as EMS prints it)."""
        identity = getattr(self, "Identity", None)
        return str(identity) if identity is not None else getattr(self, "Name", "")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.display_name!r}>"


def _reference_property(field: Field) -> property:
    kind = field.type.reference_kind

    def resolve(self: Record) -> Any:
        value = getattr(self, field.slot)
        org = self._org
        if field.type.multi:
            items = [org.directory_id(kind, guid) for guid in value or ()] if org else []
            return MultiValuedProperty([i for i in items if i is not None], ADObjectId.PS_TYPE_NAMES[0])
        return org.directory_id(kind, value) if org and value else None

    resolve.__name__ = field.name
    return computed(resolve)


# --------------------------------------------------------------------------- directory objects

ADP_TAIL = (
    "Identity", "IsValid", "ExchangeVersion", "DistinguishedName", "Guid", "ObjectCategory", "ObjectClass",
    "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id",
    "OriginatingServer", "ObjectState",
)  # fmt: skip
"""The tail of an ``ADPresentationObject`` (UMServer, ExchangeServer, UMMailbox)."""

ADCONFIG_TAIL = (
    "AdminDisplayName", "ExchangeVersion", "Name", "DistinguishedName", "Identity", "Guid", "ObjectCategory",
    "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId", "Id",
    "OriginatingServer", "IsValid", "ObjectState",
)  # fmt: skip
"""The tail of an ``ADConfigurationObject`` (dial plans, gateways, policies...)."""

CONFIGURABLE_TAIL = ("Identity", "IsValid", "ObjectState")
"""The tail of a ``ConfigurableObject`` that is not stored in Active Directory."""

ADO = "Microsoft.Exchange.Data.Directory."
AD_OBJECT_CHAIN = (ADO + "ADObject", ADO + "ADRawEntry", "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
CONFIG_CHAIN = (ADO + "SystemConfiguration.ADConfigurationObject",) + AD_OBJECT_CHAIN
PRESENTATION_CHAIN = (ADO + "ADPresentationObject",) + AD_OBJECT_CHAIN


class DirectoryObject(Record):
    """A record stored in Active Directory: it has a GUID, a distinguished name and timestamps."""

    __slots__ = ("Guid", "WhenCreated", "WhenChanged")

    EXCHANGE_VERSION = "0.10 (14.0.100.0)"
    OBJECT_CATEGORY = ""  # schema class name, e.g. ms-Exch-UM-Dial-Plan
    OBJECT_CLASS: tuple[str, ...] = ()
    CONTAINER = ""  # RDN path under the Exchange organization, e.g. "CN=UM DialPlan Container"

    # ------------------------------------------------------------ naming

    def distinguished_name(self) -> str:
        name = escape_rdn(getattr(self, "Name", "") or "")
        return f"CN={name},{self.CONTAINER},{self.naming().exchange_dn}"

    def naming(self) -> Any:
        org = self._org
        if org is None:
            from emshell.model.org import OrgSettings

            return OrgSettings()
        return org.settings

    def directory_id(self) -> ADObjectId:
        return ADObjectId(self.distinguished_name(), self.Guid)

    # ------------------------------------------------------------ the common tail

    @computed
    def Identity(self) -> ADObjectId:
        return self.directory_id()

    @computed
    def Id(self) -> ADObjectId:
        return self.directory_id()

    @computed
    def DistinguishedName(self) -> str:
        return self.distinguished_name()

    @computed
    def IsValid(self) -> bool:
        return True

    @computed
    def ExchangeVersion(self) -> ExchangeObjectVersion:
        return ExchangeObjectVersion(self.EXCHANGE_VERSION)

    @computed
    def ObjectCategory(self) -> ADObjectId:
        naming = self.naming()
        return ADObjectId(f"CN={self.OBJECT_CATEGORY},CN=Schema,CN=Configuration,{naming.domain_dn}")

    @computed
    def ObjectClass(self) -> MultiValuedProperty:
        return MultiValuedProperty(self.OBJECT_CLASS)

    @computed
    def WhenChangedUTC(self) -> Any:
        return self.naming().to_utc(self.WhenChanged)

    @computed
    def WhenCreatedUTC(self) -> Any:
        return self.naming().to_utc(self.WhenCreated)

    @computed
    def OrganizationId(self) -> str:
        return ""

    @computed
    def OriginatingServer(self) -> Fqdn:
        return Fqdn(self.naming().domain_controller)

    @computed
    def ObjectState(self) -> Any:
        return enum_value("Microsoft.Exchange.Data.ObjectState", "Unchanged")

    @computed
    def AdminDisplayName(self) -> str:
        return ""

    def touch(self, when: Any) -> None:
        """Record a change made at ``when`` (the organization's clock)."""
        self.WhenChanged = when
