"""Exchange value types: what parses, how it prints, and the errors for what does not parse."""

from __future__ import annotations

import pytest

from emshell.model.errors import DomainRuleError, ValueParseError
from emshell.model.values import (
    ADObjectId,
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
    enum_value,
)

# --------------------------------------------------------------------------- ByteQuantifiedSize


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("10MB", "10 MB (10,485,760 bytes)"),
        ("10 MB", "10 MB (10,485,760 bytes)"),
        ("10mb", "10 MB (10,485,760 bytes)"),
        ("10485760", "10 MB (10,485,760 bytes)"),
        ("10KB", "10 KB (10,240 bytes)"),
        ("250MB", "250 MB (262,144,000 bytes)"),
        ("1.5GB", "1.5 GB (1,610,612,736 bytes)"),
        ("2TB", "2 TB (2,199,023,255,552 bytes)"),
        ("0", "0 B (0 bytes)"),
        ("1023", "1023 B (1,023 bytes)"),
        ("1108083712", "1.032 GB (1,108,083,712 bytes)"),
        ("767232000", "731.7 MB (767,232,000 bytes)"),
        ("10 MB (10,485,760 bytes)", "10 MB (10,485,760 bytes)"),
        ("1,024 B", "1 KB (1,024 bytes)"),
    ],
)
def test_byte_quantified_size_parses_and_prints(text: str, display: str) -> None:
    assert str(ByteQuantifiedSize.parse(text)) == display


@pytest.mark.parametrize(("text", "short"), [("10MB", "10 MB"), ("1536KB", "1536 KB"), ("1.5GB", "1536 MB"), ("7", "7 B")])
def test_byte_quantified_size_short_form_is_exact(text: str, short: str) -> None:
    size = ByteQuantifiedSize.parse(text)
    assert size.short() == short
    assert ByteQuantifiedSize.parse(size.short()) == size


@pytest.mark.parametrize("text", ["abc", "10XB", "1.3B", "-5MB", "MB", ""])
def test_byte_quantified_size_rejects(text: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        ByteQuantifiedSize.parse(text)
    assert str(caught.value) == (
        f'The value "{text}" isn\'t a valid size. Enter a number, optionally followed by B, KB, MB, GB or TB '
        f"(for example, 10MB)."
    )


def test_byte_quantified_size_is_a_value_error_and_orders() -> None:
    assert issubclass(ValueParseError, ValueError)
    assert ByteQuantifiedSize.parse("1KB") < ByteQuantifiedSize.parse("1MB")
    assert ByteQuantifiedSize.parse("1KB") == ByteQuantifiedSize(1024)


@pytest.mark.parametrize(
    ("text", "display", "unlimited"),
    [("Unlimited", "Unlimited", True), ("unlimited", "Unlimited", True), ("250MB", "250 MB (262,144,000 bytes)", False)],
)
def test_unlimited_size(text: str, display: str, unlimited: bool) -> None:
    value = Unlimited.parse(text)
    assert (str(value), value.is_unlimited, value.IsUnlimited) == (display, unlimited, unlimited)
    assert value.PS_TYPE_NAMES[0].startswith("Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize")


def test_unlimited_int() -> None:
    assert str(Unlimited.parse("15", "Int32")) == "15"
    assert Unlimited.parse(15, "Int32") == Unlimited(15, "Int32")
    assert Unlimited.parse("Unlimited", "Int32").PS_TYPE_NAMES[0].startswith("Microsoft.Exchange.Data.Unlimited`1[[System.Int32")


# --------------------------------------------------------------------------- EnhancedTimeSpan


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("30.00:00:00", "30.00:00:00"),
        ("30", "30.00:00:00"),
        ("01:30:00", "01:30:00"),
        ("1:30", "01:30:00"),
        ("0.00:15:00", "00:15:00"),
        ("2:03:04:05", "2.03:04:05"),
        ("00:00:01.5", "00:00:01.5000000"),
        ("-1.00:00:00", "-1.00:00:00"),
        ("24855.03:14:07", "24855.03:14:07"),
    ],
)
def test_enhanced_time_span(text: str, display: str) -> None:
    assert str(EnhancedTimeSpan.parse(text)) == display


@pytest.mark.parametrize("text", ["abc", "1:2:3:4:5", "1.5", "", "1:x"])
def test_enhanced_time_span_format_error(text: str) -> None:
    with pytest.raises(ValueParseError, match=r"^String was not recognized as a valid TimeSpan\.$"):
        EnhancedTimeSpan.parse(text)


@pytest.mark.parametrize("text", ["25:00:00", "00:60:00", "1.24:00:00"])
def test_enhanced_time_span_overflow(text: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        EnhancedTimeSpan.parse(text)
    assert caught.value.exception_type == "System.OverflowException"
    assert str(caught.value) == (
        "The TimeSpan could not be parsed because at least one of the numeric components is out of range or "
        "contains too many digits."
    )


# --------------------------------------------------------------------------- ScheduleInterval


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("Sun.2:00 AM-Sun.2:30 AM", "Sun.2:00 AM-Sun.2:30 AM"),
        ("Sun.11:30 PM-Mon.1:30 AM", "Sun.11:30 PM-Mon.1:30 AM"),
        ("6.22:00-6.22:15", "Sat.10:00 PM-Sat.10:15 PM"),
        ("Sun.1:15 AM-Monday.23:00", "Sun.1:15 AM-Mon.11:00 PM"),
        ("Monday.4:30 AM-Monday.5:30 AM", "Mon.4:30 AM-Mon.5:30 AM"),
        ("wed.12:00 PM-wed.12:45 PM", "Wed.12:00 PM-Wed.12:45 PM"),
        ("0.02:07-0.03:00", "Sun.2:00 AM-Sun.3:00 AM"),  # minutes round down to a quarter hour
        ("Sat.11:00 PM-Sun.1:00 AM", "Sat.11:00 PM-Sun.1:00 AM"),
    ],
)
def test_schedule_interval(text: str, display: str) -> None:
    assert str(ScheduleInterval.parse(text)) == display


@pytest.mark.parametrize("text", ["Sun 2:00-Sun 3:00", "Funday.2:00-Sun.3:00", "7.2:00-7.3:00", "Sun.13:00 PM-Sun.14:00",
                                  "Sun.2:00", "Sun.25:00-Mon.1:00"])  # fmt: skip
def test_schedule_interval_format_errors(text: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        ScheduleInterval.parse(text)
    assert str(caught.value) == (
        f'"{text}" isn\'t a valid schedule interval. Use the format StartDay.Hour:Minute [AM | PM]-'
        f"EndDay.Hour:Minute [AM | PM]."
    )


def test_schedule_interval_needs_fifteen_minutes() -> None:
    with pytest.raises(ValueParseError) as caught:
        ScheduleInterval.parse("Sun.2:00 AM-Sun.2:10 AM")
    assert str(caught.value) == (
        'The start time and end time of the schedule interval "Sun.2:00 AM-Sun.2:10 AM" must be at least 15 '
        "minutes apart."
    )


def test_schedule_list_rules() -> None:
    daily = ScheduleInterval.daily(120, 150)
    assert [str(i) for i in daily][:2] == ["Sun.2:00 AM-Sun.2:30 AM", "Mon.2:00 AM-Mon.2:30 AM"]
    check_schedule(daily, one_start_per_day=True)
    with pytest.raises(DomainRuleError, match="at least 15 minutes apart"):
        check_schedule([ScheduleInterval.parse("Sun.2:00-Sun.3:00"), ScheduleInterval.parse("Sun.3:00-Sun.4:00")])
    with pytest.raises(DomainRuleError, match="Only one start time per day"):
        check_schedule([ScheduleInterval.parse("Sun.2:00-Sun.3:00"), ScheduleInterval.parse("Sun.5:00-Sun.6:00")],
                       one_start_per_day=True)  # fmt: skip


# --------------------------------------------------------------------------- MultiValuedProperty


def test_multi_valued_property_prints_as_ems() -> None:
    assert str(MultiValuedProperty(["a", "b", "c"])) == "{a, b, c}"
    assert str(MultiValuedProperty()) == "{}"
    assert len(MultiValuedProperty([str(i) for i in range(20)])) == 20  # truncation is the formatter's job


@pytest.mark.parametrize(
    ("start", "add", "remove", "result"),
    [
        (["a", "b"], ["c"], [], ["a", "b", "c"]),
        (["a", "b"], [], ["a"], ["b"]),
        (["a", "b"], ["c"], ["b"], ["a", "c"]),
        (["a"], [], ["zzz"], ["a"]),  # removing an absent value is ignored
        ([], ["x", "y"], [], ["x", "y"]),
    ],
)
def test_multi_valued_property_edits(start: list, add: list, remove: list, result: list) -> None:
    original = MultiValuedProperty(start)
    edited = original.edited(add, remove)
    assert list(edited) == result
    assert list(original) == start


def test_multi_valued_property_add_duplicate_fails() -> None:
    with pytest.raises(DomainRuleError) as caught:
        MultiValuedProperty(["a"]).edited(["a"])
    assert str(caught.value) == 'The value "a" is already present in the collection.'


def test_multi_valued_property_replace() -> None:
    assert list(MultiValuedProperty(["a"]).replaced(["b", "b", "c"])) == ["b", "c"]
    assert list(MultiValuedProperty(["a"]).replaced(None)) == []


# --------------------------------------------------------------------------- directory ids

CONFIG = "CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com"
SERVERS = f"CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,{CONFIG}"


@pytest.mark.parametrize(
    ("dn", "display"),
    [
        (f"CN=MyDialPlan,CN=UM DialPlan Container,{CONFIG}", "MyDialPlan"),
        (f"CN=EX01,{SERVERS}", "EX01"),
        (f"CN=UMCallRouterSettings,CN=SIP,CN=Protocols,CN=EX01,{SERVERS}", "EX01\\UMCallRouterSettings"),
        ("CN=Tony Smith,CN=Users,DC=contoso,DC=com", "contoso.com/Users/Tony Smith"),
        ("CN=ms-Exch-UM-Dial-Plan,CN=Schema,CN=Configuration,DC=contoso,DC=com",
         "contoso.com/Configuration/Schema/ms-Exch-UM-Dial-Plan"),
        ("CN=Smith\\, Tony,CN=Users,DC=contoso,DC=com", "contoso.com/Users/Smith, Tony"),
    ],
)  # fmt: skip
def test_ad_object_id_display(dn: str, display: str) -> None:
    assert str(ADObjectId(dn)) == display


def test_ad_object_id_parts() -> None:
    oid = ADObjectId("CN=Smith\\, Tony,CN=Users,DC=contoso,DC=com", "0F0E0D0C-0B0A-0908-0706-050403020100")
    assert (oid.Name, oid.Rdn, oid.Depth, oid.PartitionFQDN) == ("Smith, Tony", "CN=Smith\\, Tony", 3, "contoso.com")
    assert str(oid.Parent) == "contoso.com/Users"
    assert oid == ADObjectId("cn=other", "0f0e0d0c-0b0a-0908-0706-050403020100")  # same GUID
    assert oid.ObjectGuid == "0f0e0d0c-0b0a-0908-0706-050403020100"


# --------------------------------------------------------------------------- host names and languages


@pytest.mark.parametrize("text", ["dc01.contoso.com", "MyUMServer1", "a-b.c_d.example", "host.contoso.com."])
def test_fqdn_accepts(text: str) -> None:
    assert Fqdn.parse(text) == text


@pytest.mark.parametrize("text", ["-bad.contoso.com", "a..b", "has space.com", "x" * 64 + ".com", ""])
def test_fqdn_rejects(text: str) -> None:
    with pytest.raises(ValueParseError, match=r"isn't a valid FQDN\.$"):
        Fqdn.parse(text)


@pytest.mark.parametrize(
    ("text", "ip"),
    [("10.10.10.1", True), ("fe80::39bd:88f7:6969:d223%11", True), ("MyUMIPGateway.contoso.com", False)],
)
def test_um_smart_host(text: str, ip: bool) -> None:
    assert UMSmartHost.parse(text).is_ip_address is ip


@pytest.mark.parametrize("text", ["10.10.10", "300.1.1.1", "bad host"])
def test_um_smart_host_rejects(text: str) -> None:
    with pytest.raises(ValueParseError, match="isn't a valid IP address or FQDN"):
        UMSmartHost.parse(text)


def test_protocol_connection_settings() -> None:
    value = ProtocolConnectionSettings.parse("northamerica.lyncpoolna.contoso.com:5061")
    assert (str(value), value.Hostname, value.Port) == (
        "northamerica.lyncpoolna.contoso.com:5061", "northamerica.lyncpoolna.contoso.com", 5061,
    )  # fmt: skip
    with pytest.raises(ValueParseError):
        ProtocolConnectionSettings.parse("pool:99999")


@pytest.mark.parametrize(("text", "name"), [("en-US", "en-US"), ("EN-us", "en-US"), ("zh-Hans-CN", "zh-Hans-CN")])
def test_um_language(text: str, name: str) -> None:
    assert UMLanguage.parse(text) == name


def test_guid_parse() -> None:
    assert Guid.parse("{BC014A0D-1509-4ECC-B569-F077EEC54942}") == "bc014a0d-1509-4ecc-b569-f077eec54942"
    with pytest.raises(ValueParseError):
        Guid.parse("not-a-guid")


# --------------------------------------------------------------------------- enums


@pytest.mark.parametrize(
    ("type_name", "text", "name", "number"),
    [
        ("UMStartupMode", "tls", "TLS", 1),
        ("UMStartupMode", "2", "Dual", 2),
        ("UMVoIPSecurityType", "sipsecured", "SIPSecured", 1),
        ("UMVoIPSecurityType", "Unsecured", "Unsecured", 2),
        ("UMURIType", "sipname", "SipName", 3),
        ("IPAddressFamily", "any", "Any", 2),
        ("AudioCodecEnum", "MP3", "Mp3", 3),
    ],
)
def test_enum_parse(type_name: str, text: str, name: str, number: int) -> None:
    value = enum_value(type_name, text)
    assert (str(value), value.value) == (name, number)
    assert value.PS_TYPE_NAMES[1:] == ("System.Enum", "System.ValueType", "System.Object")


def test_enum_no_match_is_powershells_message() -> None:
    with pytest.raises(ValueParseError) as caught:
        enum_value("UMStartupMode", "Foo")
    assert str(caught.value) == (
        "Unable to match the identifier name Foo to a valid enumerator name. Specify one of the following "
        "enumerator names and try again:\nTCP, TLS, Dual"
    )


def test_enum_type_names() -> None:
    assert enum_class("UMStartupMode").TYPE_NAME == "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMStartupMode"
    assert enum_class("IPAddressFamily").TYPE_NAME == "Microsoft.Exchange.Data.Directory.IPAddressFamily"


@pytest.mark.parametrize(
    ("text", "display", "number"),
    [
        ("POP,IMAP,SMTP,IIS", "IMAP, POP, IIS, SMTP", 27),
        ("UM, UMCallRouter", "UM, UMCallRouter", 68),
        ("None", "None", 0),
        (["IIS", "um"], "UM, IIS", 12),
    ],
)
def test_flags_enum(text: object, display: str, number: int) -> None:
    value = enum_value("AllowedServices", text)
    assert (str(value), value.value) == (display, number)


def test_flags_union() -> None:
    services = enum_value("AllowedServices", "IMAP, POP")
    assert str(services.union("UM")) == "IMAP, POP, UM"
    assert services.has("POP") and not services.has("UM")
