"""Exchange parameter types, registered with the engine's type system.

EMS converts parameter values on the server: ``-UMStartupMode tls`` becomes the enum value
``TLS``, ``-IrmLogMaxFileSize 10MB`` a ByteQuantifiedSize, ``-DialPlans @{Add='X'}`` an edit of
a multi-valued property.  Registering the types here makes a bad value fail at binding with
EMS's "Cannot process argument transformation on parameter 'X'. Cannot convert value ..."
error (the binder wraps the converter's message), and hands the cmdlet typed values.
"""

from __future__ import annotations

from emshell.engine.psobject import Hashtable, PSObject
from emshell.engine.types import PSType, define_enum, register_type

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

EXCHANGE_DATA = "Microsoft.Exchange.Data."
_HUNT_GROUP = EXCHANGE_DATA + "Directory.SystemConfiguration.UMHuntGroup"
_REGISTERED = False


class MultiValuedEdit:
    """``@{Add=...; Remove=...}`` given to a multi-valued parameter."""

    __slots__ = ("add", "remove")

    def __init__(self, add: list, remove: list):
        self.add = add
        self.remove = remove

    def as_model_change(self) -> dict[str, list]:
        return {"Add": self.add, "Remove": self.remove}


def identity_text(value: Any) -> Any:
    """What an identity parameter receives: text, or the identity of a piped object."""
    from emshell.model.values import identity_text as model_identity_text

    if isinstance(value, PSObject):
        if _HUNT_GROUP in value.type_names and value.has_property("UMIPGateway") and value.has_property("Name"):
            # a hunt group's identity prints as its leaf name; it is found as Gateway\HuntGroup
            gateway = model_identity_text(value.get_property("UMIPGateway"))
            return f"{gateway}\\{value.get_property('Name')}"
        for name in ("Identity", "DistinguishedName", "Guid", "Name"):
            if value.has_property(name) and value.get_property(name) is not None:
                return model_identity_text(value.get_property(name))
    typed = getattr(value, "argument_text", None)  # a bare number argument names an object as typed (007)
    return typed if typed is not None else model_identity_text(value)


def _items(value: Any) -> list:
    from emshell.engine.primitives import enumerate_value

    items = enumerate_value(value)
    return list(items) if items is not None else [value]


def _multi_valued(value: Any, ctx: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Hashtable):
        add: list = []
        remove: list = []
        for key, item in value.items():
            lower = str(key).lower()
            if lower == "add":
                add.extend(_items(item))
            elif lower == "remove":
                remove.extend(_items(item))
            else:
                raise ValueError(f'The key "{key}" is not valid: use "Add" or "Remove".')
        return MultiValuedEdit(add, remove)
    return _items(value)


def multi_valued_change(value: Any) -> Any:
    """A bound value of a multi-valued parameter: a hashtable (the binder keeps ``@{Add=...;
    Remove=...}`` whole) becomes a ``MultiValuedEdit``; anything else is left as it is."""
    return _multi_valued(value, None) if isinstance(value, Hashtable) else value


def _parser(parse: Any, *, many: bool = False) -> Any:
    def convert(value: Any, ctx: Any) -> Any:
        if value is None:
            return None
        if many:
            return [parse(item) for item in _items(value)]
        return parse(value)

    return convert


def _unlimited(value: Any, ctx: Any) -> Any:
    from emshell.model.values import Unlimited

    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return Unlimited.parse(value)


def _identity(value: Any, ctx: Any) -> Any:
    return None if value is None else identity_text(value)


def register() -> None:
    """Register every Exchange type once (idempotent)."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    from emshell.model import values
    from emshell.model.enums import ENUM_VALUES, ENUMS, FLAGS, SHORT_NAMES

    for full_name, names in ENUMS.items():
        if full_name.startswith("System."):
            continue  # .NET's own enums are the engine's
        enum = define_enum(full_name, names, flags=full_name in FLAGS, values=ENUM_VALUES.get(full_name))
        short = [s for s, full in SHORT_NAMES.items() if full == full_name]
        register_type(enum, *short)
    simple = {
        EXCHANGE_DATA + "ByteQuantifiedSize": ("ByteQuantifiedSize", _parser(values.ByteQuantifiedSize.parse)),
        EXCHANGE_DATA + "EnhancedTimeSpan": ("EnhancedTimeSpan", _parser(values.EnhancedTimeSpan.parse)),
        EXCHANGE_DATA + "Fqdn": ("Fqdn", _parser(values.Fqdn.parse)),
        EXCHANGE_DATA + "SmtpAddress": ("SmtpAddress", _parser(values.SmtpAddress.parse)),
        EXCHANGE_DATA + "UMLanguage": ("UMLanguage", _parser(values.UMLanguage.parse)),
        EXCHANGE_DATA + "UMSmartHost": ("UMSmartHost", _parser(values.UMSmartHost.parse)),
        EXCHANGE_DATA + "ProtocolConnectionSettings": (
            "ProtocolConnectionSettings", _parser(values.ProtocolConnectionSettings.parse)),
        EXCHANGE_DATA + "ScheduleInterval[]": ("ScheduleInterval[]", _parser(values.ScheduleInterval.parse, many=True)),
        EXCHANGE_DATA + "MultiValuedProperty": ("MultiValuedProperty", _multi_valued),
        EXCHANGE_DATA + "Unlimited": ("Unlimited", _unlimited),
    }  # fmt: skip
    for full_name, (short, converter) in simple.items():
        register_type(PSType(full_name, converter=converter), short)
    for short in _IDENTITY_TYPES:
        register_type(PSType(f"Microsoft.Exchange.Configuration.Tasks.{short}", converter=_identity), short)


_IDENTITY_TYPES = (
    "UMServerIdParameter", "UMDialPlanIdParameter", "UMIPGatewayIdParameter", "UMHuntGroupIdParameter",
    "MailboxPolicyIdParameter", "UMAutoAttendantIdParameter", "UMCallAnsweringRuleIdParameter",
    "MailboxIdParameter", "ServerIdParameter", "ClientAccessServerIdParameter", "MailboxServerIdParameter",
    "ExchangeCertificateIdParameter", "OrganizationalUnitIdParameter", "AddressListIdParameter",
    "RecipientIdParameter", "UMMailboxPolicyIdParameter", "DatabaseIdParameter", "UserIdParameter",
)  # fmt: skip
