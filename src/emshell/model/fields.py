"""Declared properties of the records: their types, defaults and constraints.

A record class lists its stored properties as ``Field`` objects.  One declaration drives the
defaults of a new object, the conversion and validation of a value a cmdlet sets, and the
reading and writing of org files.  Constraint messages follow Exchange's where known; the rest
are approximations (APPROXIMATIONS.md).
"""

from __future__ import annotations

from emshell.model.errors import PropertyValidationError, ValueParseError
from emshell.model.values import (
    ByteQuantifiedSize,
    EnhancedTimeSpan,
    Fqdn,
    Guid,
    MultiValuedProperty,
    ProtocolConnectionSettings,
    ScheduleInterval,
    UMLanguage,
    UMSmartHost,
    Unlimited,
    check_schedule,
    enum_class,
)

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any


class FieldType:
    """How one kind of value is converted, checked and written to an org file."""

    __slots__ = ()
    multi = False
    reference_kind: str | None = None
    type_name = "System.Object"

    def convert(self, value: Any) -> Any:
        """A cmdlet's or an org file's value as the stored value (raise ``ValueParseError``)."""
        return value

    def check(self, value: Any, field: Field) -> None:
        """Constraints of the property (raise ``PropertyValidationError``)."""

    def dump(self, value: Any) -> Any:
        """The value as plain YAML data (str, int, bool, list or None)."""
        return None if value is None else str(value)


def _range_error(field: Field, value: Any, low: Any, high: Any) -> PropertyValidationError:
    if high is None:
        text = f"The value {value} of property {field.name} must be at least {low}."
    else:
        text = f"The value {value} of property {field.name} is out of range. It must be from {low} through {high}."
    return PropertyValidationError(text, target=value, error_id="ValueOutOfRange")


class Text(FieldType):
    __slots__ = ("max_length", "min_length")
    type_name = "System.String"

    def __init__(self, max_length: int | None = None, min_length: int = 0):
        self.max_length = max_length
        self.min_length = min_length

    def convert(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bool):
            return "True" if value else "False"
        text = str(value)
        return text if text != "" else None

    def check(self, value: Any, field: Field) -> None:
        if value is None:
            return
        if self.max_length is not None and len(value) > self.max_length:
            raise PropertyValidationError(
                f"The length of the property is too long. The maximum length is {self.max_length} and the "
                f"length of the value provided is {len(value)}.",
                target=value,
                error_id="StringLengthTooLong",
            )
        if len(value) < self.min_length:
            raise PropertyValidationError(
                f"The length of the property is too short. The minimum length is {self.min_length} and the "
                f"length of the value provided is {len(value)}.",
                target=value,
                error_id="StringLengthTooShort",
            )


class Integer(FieldType):
    __slots__ = ("low", "high")
    type_name = "System.Int32"

    def __init__(self, low: int | None = None, high: int | None = None):
        self.low = low
        self.high = high

    def convert(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bool):
            raise ValueParseError("Input string was not in a correct format.", target=value)
        if isinstance(value, int):
            return value
        text = str(value).strip()
        try:
            return int(text, 16) if text.lower().startswith("0x") else int(text)
        except ValueError:
            raise ValueParseError("Input string was not in a correct format.", target=value) from None

    def check(self, value: Any, field: Field) -> None:
        if value is None:
            return
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            raise _range_error(field, value, self.low, self.high)

    def dump(self, value: Any) -> Any:
        return value


class Boolean(FieldType):
    __slots__ = ()
    type_name = "System.Boolean"

    def convert(self, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower().lstrip("$")
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        raise ValueParseError(f'"{value}" is not a Boolean value (true or false).', target=value)

    def dump(self, value: Any) -> Any:
        return value


class Enum(FieldType):
    __slots__ = ("enum",)

    def __init__(self, type_name: str):
        self.enum = enum_class(type_name)

    @property
    def type_name(self) -> str:  # type: ignore[override]
        return self.enum.TYPE_NAME

    def convert(self, value: Any) -> Any:
        return None if value is None else self.enum.parse(value)


class Size(FieldType):
    __slots__ = ("low", "high")
    type_name = ByteQuantifiedSize.PS_TYPE_NAMES[0]

    def __init__(self, low: int = 0, high: int | None = None):
        self.low = low
        self.high = high

    def convert(self, value: Any) -> Any:
        return None if value is None else ByteQuantifiedSize.parse(value)

    def check(self, value: Any, field: Field) -> None:
        if value is None:
            return
        if value.bytes < self.low or (self.high is not None and value.bytes > self.high):
            raise _range_error(field, value, ByteQuantifiedSize(self.low), self.high and ByteQuantifiedSize(self.high))

    def dump(self, value: Any) -> Any:
        return None if value is None else value.short()


class UnlimitedOf(FieldType):
    """``Unlimited[ByteQuantifiedSize]`` or ``Unlimited[Int32]`` with an optional range."""

    __slots__ = ("of", "low", "high")

    def __init__(self, of: str = "ByteQuantifiedSize", low: int | None = None, high: int | None = None):
        self.of = of
        self.low = low
        self.high = high

    @property
    def type_name(self) -> str:  # type: ignore[override]
        return Unlimited(None, self.of).PS_TYPE_NAMES[0]

    def convert(self, value: Any) -> Any:
        return None if value is None else Unlimited.parse(value, self.of)

    def check(self, value: Any, field: Field) -> None:
        if value is None or value.is_unlimited:
            return
        amount = value.value.bytes if isinstance(value.value, ByteQuantifiedSize) else value.value
        if (self.low is not None and amount < self.low) or (self.high is not None and amount > self.high):
            raise _range_error(field, value, self.low, self.high)

    def dump(self, value: Any) -> Any:
        if value is None:
            return None
        if self.of == "Int32" and not value.is_unlimited:
            return value.value
        return value.short() if self.of == "ByteQuantifiedSize" else str(value)


class TimeSpan(FieldType):
    __slots__ = ("low", "high")
    type_name = EnhancedTimeSpan.PS_TYPE_NAMES[0]

    def __init__(self, low: str | None = None, high: str | None = None):
        self.low = EnhancedTimeSpan.parse(low) if low else None
        self.high = EnhancedTimeSpan.parse(high) if high else None

    def convert(self, value: Any) -> Any:
        return None if value is None else EnhancedTimeSpan.parse(value)

    def check(self, value: Any, field: Field) -> None:
        if value is None:
            return
        if (self.low is not None and value < self.low) or (self.high is not None and self.high < value):
            raise _range_error(field, value, self.low, self.high)


class Multi(FieldType):
    """A multi-valued property of single values (strings, languages, schedules...)."""

    __slots__ = ("item", "item_type", "max_items", "item_max_length")
    multi = True

    def __init__(
        self,
        item: Any = None,
        item_type: str = "System.String",
        max_items: int | None = None,
        item_max_length: int | None = None,
    ):
        self.item = item  # a callable parsing one item, or None for plain strings
        self.item_type = item_type
        self.max_items = max_items
        self.item_max_length = item_max_length

    @property
    def type_name(self) -> str:  # type: ignore[override]
        return MultiValuedProperty((), self.item_type).PS_TYPE_NAMES[0]

    def convert(self, value: Any) -> Any:
        if value is None:
            return MultiValuedProperty((), self.item_type)
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            value = [value]
        items = []
        for entry in value:
            if entry is None:
                continue
            item = self.item(entry) if self.item else str(entry)
            if item not in items:
                items.append(item)
        return MultiValuedProperty(items, self.item_type)

    def check(self, value: Any, field: Field) -> None:
        if self.max_items is not None and len(value) > self.max_items:
            raise PropertyValidationError(
                f"The property {field.name} can contain at most {self.max_items} values; {len(value)} were "
                f"provided.",
                target=field.name,
                error_id="TooManyValues",
            )
        if self.item_max_length is not None:
            for item in value:
                if len(str(item)) > self.item_max_length:
                    raise PropertyValidationError(
                        f"The length of the property is too long. The maximum length is {self.item_max_length} "
                        f"and the length of the value provided is {len(str(item))}.",
                        target=item,
                        error_id="StringLengthTooLong",
                    )

    def dump(self, value: Any) -> Any:
        return [str(item) for item in value]


class Schedules(Multi):
    __slots__ = ("one_start_per_day",)

    def __init__(self, one_start_per_day: bool = False):
        super().__init__(ScheduleInterval.parse, "Microsoft.Exchange.Common.ScheduleInterval")
        self.one_start_per_day = one_start_per_day

    def check(self, value: Any, field: Field) -> None:
        check_schedule(value, self.one_start_per_day)


class Parsed(FieldType):
    """A single value of a type with ``parse`` (Fqdn, UMSmartHost, UMLanguage, Guid...)."""

    __slots__ = ("cls",)

    def __init__(self, cls: Any):
        self.cls = cls

    @property
    def type_name(self) -> str:  # type: ignore[override]
        return getattr(self.cls, "TYPE_NAMES", getattr(self.cls, "PS_TYPE_NAMES", ("System.Object",)))[0]

    def convert(self, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, self.cls):
            return value
        return self.cls.parse(value)


class DateTime(FieldType):
    __slots__ = ()
    type_name = "System.DateTime"

    def convert(self, value: Any) -> Any:
        from datetime import datetime

        if value is None or isinstance(value, datetime):
            return value
        try:
            return datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueParseError(
                f'"{value}" is not a date and time like 2023-06-01T10:00:00.', target=value
            ) from None

    def dump(self, value: Any) -> Any:
        return None if value is None else value.isoformat(timespec="seconds")


class Reference(FieldType):
    """A link to another directory object, stored as its GUID and shown as its ADObjectId."""

    __slots__ = ("kind", "multi")

    def __init__(self, kind: str, multi: bool = False):
        self.kind = kind
        self.multi = multi

    @property
    def reference_kind(self) -> str:  # type: ignore[override]
        return self.kind

    type_name = "Microsoft.Exchange.Data.Directory.ADObjectId"

    def convert(self, value: Any) -> Any:
        if self.multi:
            if value is None:
                return []
            if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
                value = [value]
            guids: list[str] = []
            for entry in value:
                guid = self._guid(entry)
                if guid is not None and guid not in guids:
                    guids.append(guid)
            return guids
        return self._guid(value)

    @staticmethod
    def _guid(value: Any) -> str | None:
        if value is None:
            return None
        guid = getattr(value, "Guid", None)
        if guid is not None:
            return str(guid)
        guid = getattr(value, "ObjectGuid", None)
        if guid is not None:
            return str(guid)
        return str(Guid.parse(value))


class Field:
    """One stored property of a record."""

    __slots__ = ("name", "type", "default", "required", "immutable", "slot")

    def __init__(
        self,
        name: str,
        field_type: FieldType,
        default: Any = None,
        *,
        required: bool = False,
        immutable: bool = False,
    ):
        self.name = name
        self.type = field_type
        # A plain default is converted once (enum names become enum values); factories are
        # called, and their result converted, for each new record.
        if default is None and field_type.multi:
            default = field_type.convert(None)  # an empty collection, copied for each record
        self.default = default if default is None or callable(default) else field_type.convert(default)
        self.required = required
        self.immutable = immutable
        # References keep the target's GUID under a private slot; the property shows an ADObjectId.
        self.slot = f"_ref_{name}" if isinstance(field_type, Reference) else name

    def initial(self) -> Any:
        """A fresh default value (multi-valued defaults are copied)."""
        if not callable(self.default):
            default = self.default
            return default.copy() if isinstance(default, list) else default
        default = self.default()
        if isinstance(self.type, Multi):
            return self.type.convert(default)
        if isinstance(self.type, Reference) and self.type.multi:
            return list(default or ())
        return default

    def coerce(self, value: Any) -> Any:
        """Convert and validate a value for this property."""
        converted = self.type.convert(value)
        self.type.check(converted, self)
        return converted

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


# Short constructors used by the record declarations.
def language_list() -> Multi:
    return Multi(UMLanguage.parse, UMLanguage.TYPE_NAMES[0])


def fqdn() -> Parsed:
    return Parsed(Fqdn)


def smart_host() -> Parsed:
    return Parsed(UMSmartHost)


def connection_settings() -> Parsed:
    return Parsed(ProtocolConnectionSettings)


def language() -> Parsed:
    return Parsed(UMLanguage)
