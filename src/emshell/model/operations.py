"""Changes to the organization: create, set, remove, and the UM state of mailboxes.

Every operation is all-or-nothing (it runs in a transaction), advances the clock once when it
changes something, and raises a model error when Exchange would refuse the change.  Messages
whose exact Exchange wording is unknown are approximations (APPROXIMATIONS.md).
"""

from __future__ import annotations

from emshell.model.errors import AlreadyExistsError, DomainRuleError, PropertyValidationError
from emshell.model.fields import Reference
from emshell.model.values import MultiValuedProperty, ProxyAddress, is_guid

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

    from emshell.model.org import Organization
    from emshell.model.record import Record


class Note:
    """Something a successful change tells the administrator (EMS prints it as a warning)."""

    __slots__ = ("code", "text", "target")

    def __init__(self, code: str, text: str, target: Any = None):
        self.code = code
        self.text = text
        self.target = target

    def __repr__(self) -> str:
        return f"Note({self.code!r})"


class ChangeResult:
    """What ``set_properties`` changed (property names in the order given) and its notes."""

    __slots__ = ("changed", "notes")

    def __init__(self, changed: list[str], notes: list[Note]):
        self.changed = changed
        self.notes = notes

    def __bool__(self) -> bool:
        return bool(self.changed)

    def __repr__(self) -> str:
        return f"ChangeResult(changed={self.changed!r}, notes={self.notes!r})"


# --------------------------------------------------------------------------- set


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, list) or isinstance(new, list):
        return list(old or ()) == list(new or ())
    return old == new and type(old) is type(new) or (old is None and new is None)


def set_properties(org: Organization, record: Record, changes: dict[str, Any]) -> ChangeResult:
    """Set stored properties of ``record`` (values as a cmdlet bound them, or text).

    Multi-valued properties take a list (replace) or ``{"Add": [...], "Remove": [...]}``.
    An empty ``changed`` list means nothing was modified (EMS then warns that no settings of
    the object have been modified)."""
    from emshell.model import telephony

    _check_owned(org, record)
    with org.transaction():
        before: dict[str, Any] = {}
        for name, value in changes.items():
            field = record.field(name)
            if field is None:
                raise DomainRuleError(
                    f"The property {name} can't be set on a {record.LABEL}.", target=name, error_id="PropertyNotSettable"
                )
            old = record.get_stored(field)
            new = _edited(field, old, _resolve_references(org, field, value))
            if _same(old, new):
                continue
            if field.immutable:
                raise DomainRuleError(
                    f"The {field.name} property of a {record.LABEL} can't be changed after the {record.LABEL} is "
                    f"created.",
                    target=field.name,
                    error_id="PropertyImmutable",
                )
            before[field.name] = old
            record.set_stored(field, new)
        if not before:
            return ChangeResult([], [])
        _check_references(org, record)
        _check_record(org, record, before)
        notes = telephony.after_change(org, record, before)
        record.touch(org.tick())
        return ChangeResult(list(before), notes)


def _check_owned(org: Organization, record: Record) -> None:
    """Changes go to the organization's own records, never to a snapshot a cmdlet returned."""
    if record.is_snapshot or record._org is not org:
        raise DomainRuleError(
            f'The {record.LABEL} "{record.display_name}" is a copy, not an object of this organization; resolve '
            f"its identity first.",
            target=record.display_name,
            error_id="NotInOrganization",
        )


def _resolve_references(org: Organization, field: Any, value: Any) -> Any:
    """Identities given as text for a reference property (``-DialPlans MySIPDialPlan``) resolve
    the way the cmdlet's identity parameter would (not found and ambiguous errors included)."""
    if not isinstance(field.type, Reference) or value is None:
        return value
    kind = field.type.kind

    def one(item: Any) -> Any:
        if isinstance(item, str) and not is_guid(item):
            return org.resolve(kind, item)
        return item

    if isinstance(value, dict):
        return {key: _resolve_references(org, field, items) for key, items in value.items()}
    if isinstance(value, (list, tuple)):
        return [one(item) for item in value]
    return one(value)


def set_status(org: Organization, record: Record, status: str) -> ChangeResult:
    """Enable-/Disable-UMService (and the IP gateway and auto attendant equivalents): set
    ``Status`` directly.  Unlike ``Set-UMService -Status``, this is not refused on 2013+ servers."""
    _check_owned(org, record)
    field = record.field("Status")
    if field is None:
        raise DomainRuleError(f"A {record.LABEL} has no status.", error_id="PropertyNotSettable")
    with org.transaction():
        value = field.coerce(status)
        if record.get_stored(field) == value:
            return ChangeResult([], [])
        record.set_stored(field, value)
        record.touch(org.tick())
        return ChangeResult(["Status"], [])


def _edited(field: Any, old: Any, value: Any) -> Any:
    """A multi-valued edit (``@{Add=...; Remove=...}``) applied to ``old``; else the new value."""
    if isinstance(value, dict) and (field.type.multi or isinstance(field.type, Reference)):
        keys = {k.lower(): v for k, v in value.items()}
        unknown = set(keys) - {"add", "remove"}
        if unknown:
            raise DomainRuleError(
                f"Only Add and Remove can be used to change a multi-valued property; got {sorted(unknown)}.",
                error_id="InvalidMultiValuedEdit",
            )
        adds = field.coerce(keys.get("add"))
        removes = field.coerce(keys.get("remove"))
        current = MultiValuedProperty(old or ())
        return field.coerce(list(current.edited(adds, removes)))
    return field.coerce(value)


def _check_references(org: Organization, record: Record) -> None:
    for field in record.FIELDS:
        if not isinstance(field.type, Reference):
            continue
        value = record.get_stored(field)
        for guid in value if field.type.multi else [value]:
            if guid is not None and org.get(field.type.kind, guid) is None:
                raise DomainRuleError(
                    f"The {field.name} property refers to an object that doesn't exist ({guid}).",
                    target=guid,
                    error_id="DanglingReference",
                )


def _check_record(org: Organization, record: Record, before: dict[str, Any]) -> None:
    if "Name" in before:
        _check_name_is_free(org, record)
    check = getattr(record, "check", None)
    if check is not None:
        check()
    from emshell.model import telephony

    telephony.check_change(org, record, before)


# --------------------------------------------------------------------------- create


def add(org: Organization, record: Record, parent: Any = None) -> Record:
    """Put a new record into the organization: give it a GUID and timestamps, and refuse a name
    that is already taken."""
    with org.transaction():
        record._org = org
        siblings, owner_list = _place(org, record, parent)
        name = str(getattr(record, "Name", "") or "")
        taken = [s for s in siblings if str(getattr(s, "Name", "")).lower() == name.lower()]
        if taken:
            if record.KIND == "callAnsweringRule":
                raise DomainRuleError(
                    f'A call answering rule named "{name}" already exists in this mailbox.',
                    target=name,
                    error_id="CallAnsweringRuleNameExists",
                )
            raise AlreadyExistsError(record.distinguished_name(), org.settings.domain_controller, name)
        when = org.tick()
        if "Guid" in record._ALL_SLOTS and not getattr(record, "Guid", None):
            record.Guid = org.new_guid()
        if "WhenCreated" in record._ALL_SLOTS:
            record.WhenCreated = when
            record.WhenChanged = when
        owner_list.append(record)
        _check_references(org, record)
        check = getattr(record, "check", None)
        if check is not None:
            check()
        return record


def _check_name_is_free(org: Organization, record: Record) -> None:
    """A renamed object must not take the name of one of its siblings."""
    from emshell.model.org import COLLECTIONS

    kind = record.KIND
    if kind in COLLECTIONS:
        siblings = getattr(org, COLLECTIONS[kind])
    elif kind == "huntGroup":
        siblings = record.gateway.hunt_groups
    elif kind == "callAnsweringRule":
        siblings = record.mailbox.call_answering_rules
    else:
        return
    name = str(record.Name).lower()
    if any(other is not record and str(other.Name).lower() == name for other in siblings):
        if kind == "callAnsweringRule":
            raise DomainRuleError(f'A call answering rule named "{record.Name}" already exists in this mailbox.',
                                  target=record.Name, error_id="CallAnsweringRuleNameExists")  # fmt: skip
        raise AlreadyExistsError(record.distinguished_name(), org.settings.domain_controller, record.Name)


def _place(org: Organization, record: Record, parent: Any) -> tuple[list[Any], list[Any]]:
    from emshell.model.org import COLLECTIONS

    kind = record.KIND
    if kind in COLLECTIONS:
        items = getattr(org, COLLECTIONS[kind])
        return items, items
    if kind == "huntGroup":
        record._gateway = parent
        return parent.hunt_groups, parent.hunt_groups
    if kind == "callAnsweringRule":
        record._mailbox = parent
        return parent.call_answering_rules, parent.call_answering_rules
    raise DomainRuleError(f"A {record.LABEL} can't be created here.", error_id="CannotCreate")


def _build(cls: Any, org: Organization, values: dict[str, Any]) -> Any:
    record = cls(org)
    for name, value in values.items():
        if value is None:
            continue
        field = cls.field(name)
        record.set_stored(field, field.coerce(_resolve_references(org, field, value)))
    for name, value in getattr(record, "derived_defaults", dict)().items():
        field = cls.field(name)
        if field is not None and record.get_stored(field) in (None, [], MultiValuedProperty()):
            record.set_stored(field, field.coerce(value))
    for field in cls.FIELDS:
        if field.required and record.get_stored(field) in (None, ""):
            raise PropertyValidationError(
                f"The {field.name} property is required for a new {cls.LABEL}.", target=field.name,
                error_id="PropertyRequired",
            )  # fmt: skip
    return record


def new_dial_plan(
    org: Organization,
    name: str,
    *,
    number_of_digits: int,
    country_code: str,
    uri_type: str = "TelExtn",
    voip_security: str = "Unsecured",
    access_numbers: Any = None,
    default_language: Any = None,
    fax_enabled: bool | None = None,
    generate_policy: bool = True,
) -> Any:
    """New-UMDialPlan: a dial plan and, by default, its "<name> Default Policy" mailbox policy."""
    from emshell.model.um import UMDialPlan

    with org.transaction():
        dial_plan = _build(UMDialPlan, org, {
            "Name": name, "NumberOfDigitsInExtension": number_of_digits, "CountryOrRegionCode": country_code,
            "URIType": uri_type, "VoIPSecurity": voip_security, "AccessTelephoneNumbers": access_numbers,
            "DefaultLanguage": default_language, "FaxEnabled": fax_enabled,
        })  # fmt: skip
        add(org, dial_plan)
        if generate_policy:
            new_mailbox_policy(org, f"{name} Default Policy"[:64], dial_plan)
        return dial_plan


def new_mailbox_policy(org: Organization, name: str, dial_plan: Any) -> Any:
    from emshell.model.um import UMMailboxPolicy

    with org.transaction():
        return add(org, _build(UMMailboxPolicy, org, {"Name": name, "UMDialPlan": dial_plan}))


def new_ip_gateway(
    org: Organization, name: str, address: Any, *, ip_address_family: str | None = None, dial_plan: Any = None
) -> Any:
    """New-UMIPGateway; with a dial plan it also gets a default hunt group for that dial plan."""
    from emshell.model.um import UMIPGateway

    with org.transaction():
        gateway = _build(UMIPGateway, org, {"Name": name, "Address": address, "IPAddressFamily": ip_address_family})
        add(org, gateway)
        if dial_plan is not None:
            new_hunt_group(org, name, gateway, dial_plan)
        return gateway


def new_hunt_group(
    org: Organization, name: str, gateway: Any, dial_plan: Any, *, pilot_identifier: str | None = None
) -> Any:
    """New-UMHuntGroup: links ``gateway`` to ``dial_plan`` for a pilot number."""
    from emshell.model.um import UMHuntGroup, check_gateway_address

    with org.transaction():
        group = _build(UMHuntGroup, org, {"Name": name, "UMDialPlan": dial_plan, "PilotIdentifier": pilot_identifier})
        group._gateway = gateway
        pilot = str(pilot_identifier or "")
        for other in gateway.hunt_groups:
            if str(other.PilotIdentifier or "") == pilot and other.Name.lower() != name.lower():
                raise DomainRuleError(
                    f'The UM IP gateway "{gateway.Name}" already has a hunt group with pilot identifier "{pilot}".',
                    target=pilot,
                    error_id="DuplicatePilotIdentifier",
                )
        check_gateway_address(gateway, org.get("dialPlan", group.dial_plan_guid))
        return add(org, group, gateway)


def new_auto_attendant(
    org: Organization,
    name: str,
    dial_plan: Any,
    *,
    pilot_identifiers: Any = None,
    speech_enabled: bool | None = None,
    status: str | None = None,
    dtmf_fallback: Any = None,
) -> Any:
    from emshell.model.um import UMAutoAttendant

    with org.transaction():
        attendant = _build(UMAutoAttendant, org, {
            "Name": name, "UMDialPlan": dial_plan, "PilotIdentifierList": pilot_identifiers,
            "SpeechEnabled": speech_enabled, "Status": status, "DTMFFallbackAutoAttendant": dtmf_fallback,
        })  # fmt: skip
        return add(org, attendant)


def new_call_answering_rule(org: Organization, mailbox: Any, name: str, **values: Any) -> Any:
    """New-UMCallAnsweringRule in a UM-enabled mailbox; priorities are unique per mailbox."""
    from emshell.model.recipients import UMCallAnsweringRule

    with org.transaction():
        if not mailbox.UMEnabled:
            raise DomainRuleError(
                f'The mailbox "{mailbox.Identity}" isn\'t enabled for Unified Messaging.',
                target=mailbox.Name,
                error_id="MailboxNotUMEnabled",
            )
        rule = _build(UMCallAnsweringRule, org, {"Name": name, **values})
        rule.Guid = org.new_guid()
        _check_priority(mailbox, rule)
        return add(org, rule, mailbox)


def _check_priority(mailbox: Any, rule: Any) -> None:
    for other in mailbox.call_answering_rules:
        if other is not rule and other.Priority == rule.Priority:
            raise DomainRuleError(
                f"Priority {rule.Priority} is already used by the call answering rule \"{other.Name}\". Each rule "
                f"in a mailbox must have a different priority.",
                target=rule.Priority,
                error_id="DuplicatePriority",
            )


# --------------------------------------------------------------------------- remove


def references_to(org: Organization, record: Record) -> list[Any]:
    """The objects that still refer to ``record`` (a removal is refused while there are any)."""
    guid = str(getattr(record, "Guid", "") or "")
    kind = record.KIND
    found: list[Any] = []
    if kind == "dialPlan":
        found += [p for p in org.mailbox_policies if p.dial_plan_guid == guid]
        found += [a for a in org.auto_attendants if a.dial_plan_guid == guid]
        found += [h for h in org.records("huntGroup") if h.dial_plan_guid == guid]
        found += [c for c in org.um_services() + org.call_routers() if guid in c.dial_plan_guids]
    elif kind == "mailboxPolicy":
        found += [m for m in org.mailboxes if m.policy_guid == guid]
    elif kind == "autoAttendant":
        # A dial plan's link to the auto attendant is not a use: the removal clears it.
        found += [a for a in org.auto_attendants if a._ref_DTMFFallbackAutoAttendant == guid]
    return found


def remove(org: Organization, record: Record) -> None:
    """Remove-<Object>: refused while other objects refer to the record."""
    from emshell.model.org import COLLECTIONS

    _check_owned(org, record)
    with org.transaction():
        users = references_to(org, record)
        if users:
            listing = ", ".join(f'{u.LABEL} "{u.display_name}"' for u in users)
            raise DomainRuleError(
                f'The {record.LABEL} "{record.display_name}" can\'t be removed because it\'s in use by: {listing}.',
                target=record.display_name,
                error_id="ObjectInUse",
            )
        kind = record.KIND
        if kind in COLLECTIONS:
            items = getattr(org, COLLECTIONS[kind])
        elif kind == "huntGroup":
            items = record.gateway.hunt_groups
        elif kind == "callAnsweringRule":
            items = record.mailbox.call_answering_rules
        elif kind == "certificate":
            items = record.server.certificates
        else:
            raise DomainRuleError(f"A {record.LABEL} can't be removed.", error_id="CannotRemove")
        if record not in items:
            raise DomainRuleError(f'The {record.LABEL} "{record.display_name}" isn\'t in this organization.',
                                  error_id="NotInOrganization")  # fmt: skip
        items.remove(record)
        when = org.tick()
        if kind == "autoAttendant":  # Remove-UMAutoAttendant also unlinks it from its dial plans
            for dial_plan in org.dial_plans:
                if dial_plan._ref_UMAutoAttendant == str(record.Guid):
                    dial_plan._ref_UMAutoAttendant = None
                    dial_plan.touch(when)


# --------------------------------------------------------------------------- mailboxes and UM


def _dial_plan_of(org: Organization, policy: Any) -> Any:
    return org.get("dialPlan", policy.dial_plan_guid)


def _check_pin(pin: str, policy: Any, extensions: Any = ()) -> None:
    if not pin.isdigit() or not pin.isascii():
        raise PropertyValidationError("The PIN must contain only digits.", target=pin, error_id="InvalidPIN")
    minimum = max(4, policy.MinPINLength if policy is not None else 4)
    if not minimum <= len(pin) <= 24:
        raise PropertyValidationError(
            f"The PIN must be from {minimum} through 24 digits long (UM mailbox policy "
            f'"{policy.Name if policy is not None else ""}").',
            target=pin,
            error_id="PINTooShort",
        )
    if policy is not None and not policy.AllowCommonPatterns and _common_pattern(pin, extensions):
        raise PropertyValidationError(
            f'The PIN doesn\'t meet the PIN policy of UM mailbox policy "{policy.Name}": repeated digits, '
            f"consecutive digits and the extension number aren't allowed (AllowCommonPatterns is False).",
            target=pin,
            error_id="WeakPinException",
        )


def _common_pattern(pin: str, extensions: Any) -> bool:
    """A PIN a caller could guess: one repeated digit, a run of consecutive digits up or down
    (123456, 987654), or the mailbox's own extension."""
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    return steps in ({0}, {1}, {9}) or pin in {str(e) for e in extensions or ()}


def enable_um_mailbox(
    org: Organization,
    mailbox: Any,
    policy: Any,
    *,
    extensions: Any = None,
    pin: str | None = None,
    pin_expired: bool | None = None,
    sip_resource_identifier: str | None = None,
    automatic_speech_recognition_enabled: bool | None = None,
) -> Any:
    """Enable-UMMailbox: extensions fit the dial plan and are unique in it, the EUM proxy
    addresses are added, and a PIN is set (generated when none is given; then it is expired)."""
    with org.transaction():
        if mailbox.UMEnabled:
            raise DomainRuleError(
                f'The mailbox "{mailbox.Identity}" is already enabled for Unified Messaging.',
                target=mailbox.Name,
                error_id="MailboxAlreadyUMEnabled",
            )
        dial_plan = _dial_plan_of(org, policy)
        digits = dial_plan.NumberOfDigitsInExtension
        numbers = [str(e) for e in (extensions or ())]
        if not numbers and mailbox.PhoneNumber:
            tail = "".join(c for c in str(mailbox.PhoneNumber) if c.isdigit())[-digits:]
            numbers = [tail] if len(tail) == digits else []
        if not numbers:
            raise PropertyValidationError(
                f'An extension number is required to enable "{mailbox.Identity}" for Unified Messaging on '
                f'dial plan "{dial_plan.Name}".',
                target=mailbox.Name,
                error_id="ExtensionRequired",
            )
        for number in numbers:
            _check_extension(org, mailbox, dial_plan, number)
        uri = str(dial_plan.URIType)
        sip = _resource_identifier(mailbox, dial_plan, sip_resource_identifier or None)
        if uri != "TelExtn" and dial_plan.SipResourceIdentifierRequired and not sip:
            raise PropertyValidationError(
                f'The dial plan "{dial_plan.Name}" uses {uri} addresses: a SIP resource identifier is required '
                f"(SIPResourceIdentifier).",
                target=mailbox.Name,
                error_id="SipResourceIdentifierRequired",
            )
        if pin is not None:
            _check_pin(str(pin), policy, numbers)
        new_pin = str(pin) if pin is not None else org.ids.digits(policy.MinPINLength, "pin", mailbox.Guid, org.clock.now)
        context = dial_plan.PhoneContext or f"{dial_plan.Name}.{org.settings.domain}"
        primary = sip if uri != "TelExtn" and sip else numbers[0]
        eum = [ProxyAddress(f"EUM:{primary};phone-context={context}")]
        eum += [ProxyAddress(f"eum:{n};phone-context={context}") for n in numbers if n != primary]
        addresses = [a for a in mailbox.EmailAddresses if a.prefix.lower() != "eum"] + eum
        changes: dict[str, Any] = {
            "UMEnabled": True, "UMMailboxPolicy": policy, "Extensions": numbers, "SIPResourceIdentifier": sip,
            "EmailAddresses": addresses,
        }  # fmt: skip
        if automatic_speech_recognition_enabled is not None:
            changes["AutomaticSpeechRecognitionEnabled"] = automatic_speech_recognition_enabled
        set_properties(org, mailbox, changes)
        mailbox.pin = new_pin
        mailbox.pin_expired = bool(pin_expired) if pin_expired is not None else pin is None
        mailbox.locked_out = False
        mailbox.first_logon_completed = False
        return mailbox


def _resource_identifier(mailbox: Any, dial_plan: Any, given: str | None) -> str | None:
    """The SIP URI or E.164 number of a mailbox on a SipName or E164 dial plan.  On a SipName dial
    plan the mailbox's own SIP proxy address is the default, and a different one is refused."""
    import re

    uri = str(dial_plan.URIType)
    if uri == "SipName":
        existing = next((a.address for a in mailbox.EmailAddresses if a.prefix.lower() == "sip"), None)
        if given is None:
            given = existing
        elif existing is not None and existing.lower() != given.lower():
            raise DomainRuleError(
                f'The SIP resource identifier "{given}" conflicts with the SIP address "{existing}" of '
                f'"{mailbox.Identity}".',
                target=given,
                error_id="SIPResouceIdConflictWithExistingValue",
            )
        if given is not None and not re.fullmatch(r"[^@\s;:]+@[A-Za-z0-9.-]+", given):
            raise PropertyValidationError(
                f'"{given}" isn\'t a valid SIP resource identifier for dial plan "{dial_plan.Name}": use a SIP '
                f"address like user@contoso.com.",
                target=given,
                error_id="InvalidSipNameResourceIdException",
            )
    elif uri == "E164" and given is not None and not re.fullmatch(r"\+[1-9][0-9]{1,14}", given):
        raise PropertyValidationError(
            f'"{given}" isn\'t a valid E.164 resource identifier for dial plan "{dial_plan.Name}": use a number '
            f"like +14255550123.",
            target=given,
            error_id="InvalidE164ResourceIdException",
        )
    return given


def _check_extension(org: Organization, mailbox: Any, dial_plan: Any, number: str) -> None:
    if not number.isdigit() or len(number) != dial_plan.NumberOfDigitsInExtension:
        raise PropertyValidationError(
            f'The extension "{number}" isn\'t valid for dial plan "{dial_plan.Name}": it must be '
            f"{dial_plan.NumberOfDigitsInExtension} digits long.",
            target=number,
            error_id="InvalidExtension",
        )
    for other in org.mailboxes:
        if other is mailbox or not other.UMEnabled:
            continue
        policy = org.get("mailboxPolicy", other.policy_guid)
        if policy is not None and policy.dial_plan_guid == dial_plan.Guid and number in [str(e) for e in other.Extensions]:
            raise DomainRuleError(
                f'The extension "{number}" is already used by "{other.Identity}" in dial plan "{dial_plan.Name}".',
                target=number,
                error_id="ExtensionInUse",
            )


def disable_um_mailbox(org: Organization, mailbox: Any, keep_properties: bool = False) -> Any:
    """Disable-UMMailbox: the EUM addresses go; the UM settings too unless ``keep_properties``."""
    with org.transaction():
        if not mailbox.UMEnabled:
            raise DomainRuleError(
                f'The mailbox "{mailbox.Identity}" isn\'t enabled for Unified Messaging.',
                target=mailbox.Name,
                error_id="MailboxNotUMEnabled",
            )
        changes: dict[str, Any] = {
            "UMEnabled": False,
            "EmailAddresses": [a for a in mailbox.EmailAddresses if a.prefix.lower() != "eum"],
        }
        if not keep_properties:
            changes.update({"UMMailboxPolicy": None, "Extensions": None, "SIPResourceIdentifier": None})
            mailbox.pin = None
            mailbox.pin_expired = False
            mailbox.locked_out = False
            mailbox.first_logon_completed = False
        set_properties(org, mailbox, changes)
        return mailbox


def set_um_pin(
    org: Organization,
    mailbox: Any,
    *,
    pin: str | None = None,
    pin_expired: bool | None = None,
    locked_out: bool | None = None,
) -> Any:
    """Set-UMMailboxPIN: a new PIN (generated when none is given) and the expired/locked flags."""
    with org.transaction():
        if not mailbox.UMEnabled:
            raise DomainRuleError(
                f'The mailbox "{mailbox.Identity}" isn\'t enabled for Unified Messaging.',
                target=mailbox.Name,
                error_id="MailboxNotUMEnabled",
            )
        policy = org.get("mailboxPolicy", mailbox.policy_guid)
        if pin is not None:
            _check_pin(str(pin), policy, mailbox.Extensions)
        org.tick()
        minimum = policy.MinPINLength if policy is not None else 6
        mailbox.pin = str(pin) if pin is not None else org.ids.digits(minimum, "pin", mailbox.Guid, org.clock.now)
        mailbox.pin_expired = bool(pin_expired) if pin_expired is not None else pin is None
        if locked_out is not None:
            mailbox.locked_out = bool(locked_out)
        elif pin is not None or pin_expired is not None:
            mailbox.locked_out = False
        mailbox.touch(org.clock.now)
        return mailbox.pin_view()


# --------------------------------------------------------------------------- e-mail addresses


def proxy_address(value: Any) -> ProxyAddress:
    """One entry of ``-EmailAddresses``: ``prefix:address``; a bare address is an SMTP one."""
    from emshell.model.values import SmtpAddress

    text = str(value).strip()
    prefix, colon, address = text.partition(":")
    if not colon or "@" in prefix:
        prefix, address = "smtp", text
    if not prefix or not address:
        raise PropertyValidationError(f'"{text}" isn\'t a valid proxy address.', target=text,
                                      error_id="InvalidProxyAddress")  # fmt: skip
    if prefix.lower() == "smtp":
        address = str(SmtpAddress.parse(address))
    elif prefix.lower() == "eum" and ";phone-context=" not in address.lower():
        raise PropertyValidationError(
            f'The EUM proxy address "{text}" needs a phone context: use EUM:<extension>;phone-context=<dial plan '
            f"phone context>.",
            target=text,
            error_id="InvalidEumAddress",
        )
    return ProxyAddress(f"{prefix}:{address}")


def _same_address(one: Any, other: Any) -> bool:
    return str(one).lower() == str(other).lower()


def set_email_addresses(org: Organization, recipient: Any, value: Any) -> ChangeResult:
    """Set-Mailbox -EmailAddresses: a list replaces the addresses, ``{"Add": [...], "Remove": [...]}``
    edits them.  An upper-case ``SMTP:`` address becomes the primary SMTP address; every address
    must be unused by other recipients; on a UM-enabled mailbox the EUM addresses in its dial
    plan's phone context are its extensions (how a second extension is added)."""
    current = list(recipient.EmailAddresses)
    if isinstance(value, dict):
        keys = {str(k).lower(): v for k, v in value.items()}
        added = [proxy_address(v) for v in keys.get("add") or ()]
        removed = [proxy_address(v) for v in keys.get("remove") or ()]
        result = [a for a in current if not any(_same_address(a, r) for r in removed)]
        for address in added:
            if any(_same_address(address, a) for a in result):
                raise DomainRuleError(f'The value "{address}" is already present in the collection.', target=address,
                                      error_id="ErrorValueAlreadyPresent",
                                      exception_type="System.InvalidOperationException")  # fmt: skip
            result.append(address)
        given = added
    else:
        given = [proxy_address(v) for v in value or ()]
        result = []
        for address in given:
            if not any(_same_address(address, a) for a in result):
                result.append(address)
    primaries = [a for a in given if a.prefix == "SMTP"]
    if len(primaries) > 1:
        raise PropertyValidationError("Only one SMTP address can be the primary one (written with SMTP: in capitals).",
                                      target=primaries[1], error_id="MultiplePrimarySmtpAddresses")  # fmt: skip
    smtp = [a for a in result if a.prefix.lower() == "smtp"]
    if not smtp:
        raise PropertyValidationError(f'"{recipient.display_name}" must keep at least one SMTP address.',
                                      target=recipient.Name, error_id="NoSmtpAddress")  # fmt: skip
    primary = primaries[0] if primaries else next((a for a in smtp if a.prefix == "SMTP"), smtp[0])
    result = [_with_prefix(a, "SMTP" if a is primary else "smtp") if a.prefix.lower() == "smtp" else a
              for a in result]  # fmt: skip
    _check_addresses_unused(org, recipient, result)
    changes: dict[str, Any] = {"EmailAddresses": result, "PrimarySmtpAddress": primary.address}
    if getattr(recipient, "UMEnabled", False):
        changes["Extensions"] = _extensions_from_addresses(org, recipient, result)
    return set_properties(org, recipient, changes)


def _with_prefix(address: ProxyAddress, prefix: str) -> ProxyAddress:
    return ProxyAddress(f"{prefix}:{address.address}")


def _check_addresses_unused(org: Organization, recipient: Any, addresses: list[Any]) -> None:
    for other in [*org.mailboxes, *org.recipients]:
        if other is recipient:
            continue
        for address in addresses:
            if any(_same_address(address, theirs) for theirs in other.EmailAddresses):
                raise DomainRuleError(
                    f'The proxy address "{address}" is already being used by the proxy addresses or LegacyExchangeDN '
                    f'of "{other.Identity}". Please choose another proxy address.',
                    target=address,
                    error_id="ProxyAddressInUse",
                )


def _extensions_from_addresses(org: Organization, mailbox: Any, addresses: list[Any]) -> list[str]:
    policy = org.get("mailboxPolicy", mailbox.policy_guid)
    dial_plan = _dial_plan_of(org, policy) if policy is not None else None
    if dial_plan is None:
        return list(mailbox.Extensions)
    context = (dial_plan.PhoneContext or f"{dial_plan.Name}.{org.settings.domain}").lower()
    numbers: list[str] = []
    for address in sorted((a for a in addresses if a.prefix.lower() == "eum"), key=lambda a: a.prefix != "EUM"):
        number, _, parameters = address.address.partition(";")
        if parameters.lower() != f"phone-context={context}" or not number.isdigit() or number in numbers:
            continue
        _check_extension(org, mailbox, dial_plan, number)
        numbers.append(number)
    if not numbers:
        raise DomainRuleError(
            f'The UM-enabled mailbox "{mailbox.Identity}" must keep an EUM address with an extension in dial plan '
            f'"{dial_plan.Name}".',
            target=mailbox.Name,
            error_id="ExtensionRequired",
        )
    return numbers
