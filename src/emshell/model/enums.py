"""The .NET enumerations the UM cmdlets use, and the value objects that carry them.

``ENUMS`` maps each enum's full .NET type name to its names in declaration order (the order
PowerShell lists them in "Specify one of the following enumerator names").  Where an enum does
not number its members 0, 1, 2... ``ENUM_VALUES`` gives the numbers; ``FLAGS`` lists the
``[Flags]`` enums.  Sources: the UM cmdlet reference (accepted values) and, where found, the
declarations themselves (UMVoIPSecurityType starts at 1 with SIPSecured; UMUriType starts at 1;
AllowedServices is a flags enum).  Type names that could not be checked are listed in
APPROXIMATIONS.md.

A value of an enum is an ``EnumValue``: a ``str`` (its name) that also knows its .NET type, so
it prints, compares and sorts like the name and still answers ``GetType()``.
"""

from __future__ import annotations

from emshell.model.errors import ValueParseError

SC = "Microsoft.Exchange.Data.Directory.SystemConfiguration."
RECIPIENT = "Microsoft.Exchange.Data.Directory.Recipient."

ENUMS: dict[str, tuple[str, ...]] = {
    SC + "UMStartupMode": ("TCP", "TLS", "Dual"),
    SC + "UMVoIPSecurityType": ("SIPSecured", "Unsecured", "Secured"),
    SC + "UMUriType": ("TelExtn", "E164", "SipName"),
    SC + "UMSubscriberType": ("Consumer", "Enterprise"),
    SC + "UMGlobalCallRoutingScheme": ("None", "E164", "Reserved1", "Reserved2", "Reserved3"),
    "Microsoft.Exchange.Data.Directory.IPAddressFamily": ("IPv4Only", "IPv6Only", "Any"),
    SC + "ServerStatus": ("Enabled", "Disabled", "NoNewCalls"),
    SC + "GatewayStatus": ("Enabled", "Disabled", "NoNewCalls"),
    SC + "StatusEnum": ("Enabled", "Disabled"),
    SC + "AudioCodecEnum": ("G711", "Wma", "Gsm", "Mp3"),
    SC + "DialByNamePrimaryEnum": ("LastFirst", "FirstLast", "SMTPAddress"),
    SC + "DialByNameSecondaryEnum": ("LastFirst", "FirstLast", "SMTPAddress", "None"),
    SC + "DisambiguationFieldEnum": ("Title", "Department", "Location", "None", "PromptForAlias"),
    SC + "AutoAttendantDisambiguationFieldEnum": (
        "Title", "Department", "Location", "None", "PromptForAlias", "InheritFromDialPlan",
    ),
    SC + "InfoAnnouncementEnabledEnum": ("True", "False", "Uninterruptible"),
    SC + "CallSomeoneScopeEnum": ("DialPlan", "GlobalAddressList", "Extension", "AutoAttendantLink", "AddressList"),
    SC + "DialScopeEnum": ("DialPlan", "GlobalAddressList", "AddressList"),
    SC + "DRMProtectionOptions": ("None", "Private", "All"),
    SC + "AllowUMCallsFromNonUsersFlags": ("None", "SearchEnabled"),
    SC + "UMSMSNotificationOptions": ("None", "VoiceMail", "VoiceMailAndMissedCalls"),
    SC + "ServerRole": (
        "None", "Mailbox", "ClientAccess", "UnifiedMessaging", "HubTransport", "Edge", "FrontendTransport",
    ),
    "Microsoft.Exchange.Data.ServerEditionType": (
        "Unknown", "Standard", "Enterprise", "Evaluation", "Sam", "Coexistence", "StandardEvaluation",
        "EnterpriseEvaluation",
    ),
    "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices": (
        "None", "IMAP", "POP", "UM", "IIS", "SMTP", "Federation", "UMCallRouter",
    ),
    "Microsoft.Exchange.Management.SystemConfigurationTasks.CertificateStatus": (
        "Unknown", "Valid", "Revoked", "DateInvalid", "Untrusted", "Invalid", "RevocationCheckFailure",
        "PendingRequest",
    ),
    "Microsoft.Exchange.Management.SystemConfigurationTasks.RootCAType": (
        "None", "Registry", "ThirdParty", "GroupPolicy", "Enterprise", "Unknown",
    ),
    "Microsoft.Exchange.Management.UM.GroupBy": ("Day", "Month", "Total"),
    RECIPIENT + "RecipientType": (
        "Invalid", "User", "UserMailbox", "MailUser", "Contact", "MailContact", "Group",
        "MailUniversalDistributionGroup", "MailUniversalSecurityGroup", "MailNonUniversalGroup",
        "DynamicDistributionGroup", "PublicFolder", "PublicDatabase", "SystemAttendantMailbox", "SystemMailbox",
        "MicrosoftExchange", "Computer",
    ),
    RECIPIENT + "RecipientTypeDetails": (
        "None", "UserMailbox", "LinkedMailbox", "SharedMailbox", "LegacyMailbox", "RoomMailbox", "EquipmentMailbox",
        "MailContact", "MailUser", "MailUniversalDistributionGroup", "MailNonUniversalGroup",
        "MailUniversalSecurityGroup", "DynamicDistributionGroup", "PublicFolder", "SystemAttendantMailbox",
        "SystemMailbox", "MailForestContact", "User", "Contact", "UniversalDistributionGroup",
        "UniversalSecurityGroup", "NonUniversalGroup", "DisabledUser", "MicrosoftExchange", "ArbitrationMailbox",
        "MailboxPlan", "LinkedUser", "RoomList", "DiscoveryMailbox",
    ),
    RECIPIENT + "ConvertibleMailboxSubType": ("Regular", "Room", "Equipment", "Shared"),
    "Microsoft.Exchange.Data.ObjectState": ("New", "Unchanged", "Changed", "Deleted"),
    "System.DayOfWeek": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "System.ServiceProcess.ServiceControllerStatus": (
        "Stopped", "StartPending", "StopPending", "Running", "ContinuePending", "PausePending", "Paused",
    ),
    "System.ServiceProcess.ServiceStartMode": ("Boot", "System", "Automatic", "Manual", "Disabled"),
    "System.ServiceProcess.ServiceType": (
        "KernelDriver", "FileSystemDriver", "Adapter", "RecognizerDriver", "Win32OwnProcess",
        "Win32ShareProcess", "InteractiveProcess",
    ),
}  # fmt: skip

ENUM_VALUES: dict[str, tuple[int, ...]] = {
    SC + "UMVoIPSecurityType": (1, 2, 3),
    SC + "UMUriType": (1, 2, 3),
    SC + "ServerRole": (0, 2, 4, 16, 32, 64, 16384),
    "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices": (0, 1, 2, 4, 8, 16, 32, 64),
    SC + "AllowUMCallsFromNonUsersFlags": (0, 1),
    "System.ServiceProcess.ServiceControllerStatus": (1, 2, 3, 4, 5, 6, 7),
    "System.ServiceProcess.ServiceType": (1, 2, 4, 8, 16, 32, 256),
    RECIPIENT + "RecipientTypeDetails": (
        0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144,
        524288, 1048576, 2097152, 4194304, 8388608, 16777216, 33554432, 268435456, 536870912,
    ),
}

FLAGS: frozenset[str] = frozenset({
    SC + "ServerRole",
    SC + "AllowUMCallsFromNonUsersFlags",
    "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices",
    "System.ServiceProcess.ServiceType",
    RECIPIENT + "RecipientTypeDetails",
})  # fmt: skip

# The short type names the cmdlet reference uses -> full .NET names.
SHORT_NAMES: dict[str, str] = {name.rpartition(".")[2]: name for name in ENUMS}
SHORT_NAMES["UMURIType"] = SC + "UMUriType"  # the reference spells it this way


def full_name(type_name: str) -> str:
    """The full .NET name of an enum given either its short or its full name."""
    if type_name in ENUMS:
        return type_name
    try:
        return SHORT_NAMES[type_name]
    except KeyError:
        raise KeyError(f"unknown enum type {type_name!r}") from None


class EnumValue(str):
    """One member of an enum: the name as a ``str``, plus its .NET type and number."""

    __slots__ = ()
    TYPE_NAME = ""
    NAMES: tuple[str, ...] = ()
    VALUES: tuple[int, ...] = ()
    IS_FLAGS = False

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return (self.TYPE_NAME, "System.Enum", "System.ValueType", "System.Object")

    PS_PROPERTIES: tuple[str, ...] = ()

    @property
    def value(self) -> int:
        return self.VALUES[self.NAMES.index(str(self))]

    @classmethod
    def parse(cls, text: object) -> EnumValue:
        """A member from its name (any case) or number, as PowerShell converts to an enum."""
        if isinstance(text, cls):
            return text
        if isinstance(text, bool):
            raise cls.no_match(text)
        if isinstance(text, int):
            if text in cls.VALUES:
                return cls(cls.NAMES[cls.VALUES.index(text)])
            raise cls.no_match(text)
        word = str(text).strip()
        for name in cls.NAMES:
            if name.lower() == word.lower():
                return cls(name)
        if word.lstrip("-").isdigit():
            return cls.parse(int(word))
        raise cls.no_match(word)

    @classmethod
    def no_match(cls, text: object) -> ValueParseError:
        """PowerShell's enum conversion message (Windows PowerShell 5.1: list on its own line)."""
        return ValueParseError(
            f"Unable to match the identifier name {text} to a valid enumerator name. Specify one of "
            f"the following enumerator names and try again:\n{', '.join(cls.NAMES)}",
            target=text,
            error_id="NoEnumNameMatch",
        )

    def __repr__(self) -> str:
        return f"{self.TYPE_NAME.rpartition('.')[2]}.{str(self)}"


class FlagsValue(EnumValue):
    """A combination of flags; prints as .NET does: set names in ascending value order."""

    __slots__ = ()
    IS_FLAGS = True

    @property
    def value(self) -> int:
        total = 0
        for part in self.parts:
            total |= self.VALUES[self.NAMES.index(part)]
        return total

    @property
    def parts(self) -> tuple[str, ...]:
        text = str(self)
        return tuple(p.strip() for p in text.split(",")) if text else ()

    @classmethod
    def from_value(cls, number: int) -> FlagsValue:
        if number == 0:
            zero = [n for n, v in zip(cls.NAMES, cls.VALUES) if v == 0]
            return cls(zero[0] if zero else "0")
        names = []
        left = number
        for name, bit in sorted(zip(cls.NAMES, cls.VALUES), key=lambda item: item[1]):
            if bit and number & bit == bit:
                names.append(name)
                left &= ~bit
        if left:
            raise cls.no_match(number)
        return cls(", ".join(names))

    @classmethod
    def parse(cls, text: object) -> FlagsValue:
        if isinstance(text, cls):
            return text
        if isinstance(text, bool):
            raise cls.no_match(text)
        if isinstance(text, int):
            return cls.from_value(text)
        if isinstance(text, (list, tuple)):
            words = [str(w) for w in text]
        else:
            words = str(text).split(",")
        total = 0
        for word in words:
            word = word.strip()
            for name, bit in zip(cls.NAMES, cls.VALUES):
                if name.lower() == word.lower():
                    total |= bit
                    break
            else:
                if word.isdigit():
                    total |= int(word)
                else:
                    raise cls.no_match(word)
        return cls.from_value(total)

    def has(self, name: str) -> bool:
        bit = self.VALUES[self.NAMES.index(name)]
        return bit != 0 and self.value & bit == bit

    def union(self, other: object) -> FlagsValue:
        return self.from_value(self.value | self.parse(other).value)


_CLASSES: dict[str, type[EnumValue]] = {}


def enum_class(type_name: str) -> type[EnumValue]:
    """The value class of an enum (created once per type)."""
    name = full_name(type_name)
    cls = _CLASSES.get(name)
    if cls is None:
        names = ENUMS[name]
        base = FlagsValue if name in FLAGS else EnumValue
        attrs = {
            "__slots__": (),
            "TYPE_NAME": name,
            "NAMES": names,
            "VALUES": ENUM_VALUES.get(name, tuple(range(len(names)))),
        }
        cls = type(name.rpartition(".")[2], (base,), attrs)
        _CLASSES[name] = cls
    return cls


def enum_value(type_name: str, text: object) -> EnumValue:
    """Parse ``text`` as a member of the enum ``type_name``."""
    return enum_class(type_name).parse(text)
