"""The conditions and actions of a call answering rule, as New-/Set-UMCallAnsweringRule take them.

Each is a comma-separated string (the cmdlet reference's examples):

- ``TimeOfDay``: ``type,days,start,end`` -- type 0 any time, 1 working hours, 2 non-working
  hours, 3 a custom period on ``days`` (a bit mask, Sunday = 1 ... Saturday = 64) from ``start``
  to ``end`` (``H:MM``): ``"1,0,,"``, ``"3,4,8:00,12:00"``;
- ``CallerIds``: ``type,phone number,personal contact id,directory contact`` -- type 1 a phone
  number, 2 a personal contact, 3 a directory contact, 4 the personal Contacts folder:
  ``"1,4255550100,,"``;
- ``KeyMappings``: ``type,key,context,find-me number 1,seconds,find-me number 2,seconds,transfer
  number,transfer contact`` -- type 1 transfer to a number, 2 to a directory contact, 3 to a
  personal contact, 4 leave a voice message, 5 find me: ``"1,1,Receptionist,,,,,45678,"``,
  ``"5,2,Urgent Issues,23456,23,45671,50,,"``.

The field layouts follow the reference's examples; the type numbers other than those the examples
show, and every message below, are paraphrases (APPROXIMATIONS.md).
"""

from __future__ import annotations

from emshell.model.errors import DomainRuleError, ValueParseError
from emshell.model.values import TypedStr

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

UM_DATA = "Microsoft.Exchange.Data.Storage.UM."


def _fields(text: Any, count: int, what: str, layout: str) -> list[str]:
    parts = [part.strip() for part in str(text).split(",")]
    if len(parts) != count:
        raise ValueParseError(f'"{text}" isn\'t a valid {what}. Use the form "{layout}".', target=text)
    return parts


def _number(text: Any, value: str, low: int, high: int, what: str) -> int:
    if not value.isdigit() or not low <= int(value) <= high:
        raise ValueParseError(f'"{text}" isn\'t a valid {what}: "{value}" must be a number from {low} through {high}.',
                              target=text)  # fmt: skip
    return int(value)


def _minutes(text: Any, value: str) -> int:
    hours, colon, minutes = value.partition(":")
    if not (colon and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueParseError(f'"{text}" isn\'t a valid time of day: "{value}" must be a time like 8:00.', target=text)
    total = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or total > 24 * 60:
        raise ValueParseError(f'"{text}" isn\'t a valid time of day: "{value}" must be a time like 8:00.', target=text)
    return total


class TimeOfDay(TypedStr):
    """The "If the call arrives during" condition."""

    __slots__ = ()
    TYPE_NAMES = (UM_DATA + "TimeOfDay", "System.Object")
    LAYOUT = "type,days,start,end"

    @classmethod
    def parse(cls, text: object) -> TimeOfDay:
        if isinstance(text, cls):
            return text
        kind, days, start, end = _fields(text, 4, "time of day", cls.LAYOUT)
        number = _number(text, kind, 0, 3, "time of day")
        if number == 3:
            _number(text, days, 1, 127, "time of day")
            if _minutes(text, start) >= _minutes(text, end):
                raise ValueParseError(f'"{text}" isn\'t a valid time of day: the period must end after it starts.',
                                      target=text)  # fmt: skip
        elif days not in ("", "0") or start or end:
            raise ValueParseError(f'"{text}" isn\'t a valid time of day: days and times are used only with type 3 '
                                  f"(a custom period).", target=text)  # fmt: skip
        return cls(",".join((kind, days, start, end)))


class CallerIdItem(TypedStr):
    """One entry of the "If the caller is" condition."""

    __slots__ = ()
    TYPE_NAMES = (UM_DATA + "CallerIdItem", "System.Object")
    LAYOUT = "type,phone number,personal contact,directory contact"

    @classmethod
    def parse(cls, text: object) -> CallerIdItem:
        if isinstance(text, cls):
            return text
        kind, number, contact, directory = _fields(text, 4, "caller ID", cls.LAYOUT)
        which = _number(text, kind, 1, 4, "caller ID")
        needed = {1: number, 2: contact, 3: directory}.get(which, "x")
        if not needed:
            raise ValueParseError(f'"{text}" isn\'t a valid caller ID: type {which} needs its value.', target=text)
        if which == 1 and not number.lstrip("+").isdigit():
            raise ValueParseError(f'"{text}" isn\'t a valid caller ID: "{number}" isn\'t a phone number.', target=text)
        return cls(",".join((kind, number, contact, directory)))


class KeyMapping(TypedStr):
    """One menu option offered to callers by a call answering rule."""

    __slots__ = ()
    TYPE_NAMES = (UM_DATA + "KeyMapping", "System.Object")
    LAYOUT = "type,key,context,find-me number 1,seconds,find-me number 2,seconds,transfer number,transfer contact"

    @property
    def key(self) -> str:
        return str(self).split(",")[1]

    @classmethod
    def parse(cls, text: object) -> KeyMapping:
        if isinstance(text, cls):
            return text
        parts = _fields(text, 9, "key mapping", cls.LAYOUT)
        kind, key, context, first, first_seconds, second, second_seconds, number, contact = parts
        which = _number(text, kind, 1, 5, "key mapping")
        _number(text, key, 0, 9, "key mapping")
        if not context:
            raise ValueParseError(f'"{text}" isn\'t a valid key mapping: the context (what the caller hears) is '
                                  f"required.", target=text)  # fmt: skip
        if which == 1 and not number:
            raise ValueParseError(f'"{text}" isn\'t a valid key mapping: type 1 needs a transfer number.', target=text)
        if which == 5:
            if not first:
                raise ValueParseError(f'"{text}" isn\'t a valid key mapping: type 5 needs a find-me number.',
                                      target=text)  # fmt: skip
            for value in (first_seconds, second_seconds):
                if value:
                    _number(text, value, 1, 99, "key mapping")
        return cls(",".join(parts))


def check_rule(org: Any, rule: Any) -> None:
    """The rules Exchange applies to a call answering rule as a whole: priorities and key
    mapping keys are unique, dialed extensions belong to UM-enabled users."""
    mailbox = rule.mailbox
    for other in mailbox.call_answering_rules:
        if other is not rule and other.Priority == rule.Priority:
            raise DomainRuleError(
                f'Priority {rule.Priority} is already used by the call answering rule "{other.Name}". Each rule '
                f"in a mailbox must have a different priority.",
                target=rule.Priority,
                error_id="DuplicatePriority",
            )
    keys: list[str] = []
    for mapping in rule.KeyMappings:
        key = KeyMapping.parse(mapping).key
        if key in keys:
            raise DomainRuleError(f"Key {key} is used by more than one key mapping of the call answering rule "
                                  f'"{rule.Name}".', target=key, error_id="DuplicateKeyMapping")  # fmt: skip
        keys.append(key)
    if rule.ExtensionsDialed and org is not None:
        known = {str(e) for m in org.mailboxes if m.UMEnabled for e in m.Extensions}
        for extension in rule.ExtensionsDialed:
            if str(extension) not in known:
                raise DomainRuleError(f'The extension "{extension}" isn\'t assigned to a UM-enabled user.',
                                      target=extension, error_id="InvalidExtensionDialed")  # fmt: skip
