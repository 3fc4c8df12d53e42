"""[T]value, -as and typed parameters: LanguagePrimitives.ConvertTo as Windows PowerShell 5.1 does it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import shown

from emshell.engine.conversion import ConversionError, convert_argument, convert_to, resolve_type, try_convert
from emshell.engine.errors import PSError
from emshell.engine.primitives import Char
from emshell.engine.psobject import ArrayList, Hashtable, PSObject
from emshell.engine.types import PSType, define_enum, register_type

SUCCESS = [
    # (expression, value, target, .NET type, text)
    ("[int]'42'", "42", "int", "System.Int32", "42"),
    ("[int]'  42  '", "  42  ", "int", "System.Int32", "42"),
    ("[int]''", "", "int", "System.Int32", "0"),
    ("[int]$null", None, "int", "System.Int32", "0"),
    ("[int]2.5 (to even)", 2.5, "int", "System.Int32", "2"),
    ("[int]3.5 (to even)", 3.5, "int", "System.Int32", "4"),
    ("[int]-2.5", -2.5, "int", "System.Int32", "-2"),
    ("[int]'2.5' (through double)", "2.5", "int", "System.Int32", "2"),
    ("[int]'1e3'", "1e3", "int", "System.Int32", "1000"),
    ("[int]'1,000'", "1,000", "int", "System.Int32", "1000"),
    ("[int]'0x10'", "0x10", "int", "System.Int32", "16"),
    ("[int]'0xFFFFFFFF'", "0xFFFFFFFF", "int", "System.Int32", "-1"),
    ("[int]$true", True, "int", "System.Int32", "1"),
    ("[int][char]'a'", Char("a"), "int", "System.Int32", "97"),
    ("[int]2.5d", Decimal("2.5"), "int", "System.Int32", "2"),
    ("[long]'99999999999'", "99999999999", "long", "System.Int64", "99999999999"),
    ("[long]1", 1, "long", "System.Int64", "1"),
    ("[byte]'255'", "255", "byte", "System.Byte", "255"),
    ("[uint32]4000000000", 4000000000, "uint32", "System.UInt32", "4000000000"),
    ("[double]'1.5'", "1.5", "double", "System.Double", "1.5"),
    ("[double]'1,234.5'", "1,234.5", "double", "System.Double", "1234.5"),
    ("[double]'-1e-3'", "-1e-3", "double", "System.Double", "-0.001"),
    ("[double]5", 5, "double", "System.Double", "5"),
    ("[float]0.1", 0.1, "float", "System.Single", "0.1"),
    ("[decimal]'1.50'", "1.50", "decimal", "System.Decimal", "1.50"),
    ("[decimal]0.1", 0.1, "decimal", "System.Decimal", "0.1"),
    ("[decimal]'1e3'", "1e3", "decimal", "System.Decimal", "1000"),
    ("[char]'a'", "a", "char", "System.Char", "a"),
    ("[char]65", 65, "char", "System.Char", "A"),
    ("[bool]'false'", "false", "bool", "System.Boolean", "True"),
    ("[bool]''", "", "bool", "System.Boolean", "False"),
    ("[bool]0", 0, "bool", "System.Boolean", "False"),
    ("[bool]@()", [], "bool", "System.Boolean", "False"),
    ("[bool]@(0, 0)", [0, 0], "bool", "System.Boolean", "True"),
    ("[string]$null", None, "string", "System.String", ""),
    ("[string]@(1, 2)", [1, 2], "string", "System.String", "1 2"),
    ("[string]1.5", 1.5, "string", "System.String", "1.5"),
    ("[string]$true", True, "string", "System.String", "True"),
    ("[string[]]'a'", "a", "string[]", "System.String[]", "a"),
    ("[string[]]@(1, 2)", [1, 2], "string[]", "System.String[]", "1 2"),
    ("[int[]]@('1', '2')", ["1", "2"], "int[]", "System.Int32[]", "1 2"),
    ("[array]5", 5, "array", "System.Object[]", "5"),
    ("[object[]]@(1)", [1], "object[]", "System.Object[]", "1"),
    ("[System.Collections.ArrayList]@(1, 2)", [1, 2], "System.Collections.ArrayList", "System.Collections.ArrayList",
     "1 2"),
    ("[void]5", 5, "void", "", ""),
    ("[object]5", 5, "object", "System.Int32", "5"),
    ("[psobject]5", 5, "psobject", "System.Int32", "5"),
    ("[hashtable]5 (capacity constructor)", 5, "hashtable", "System.Collections.Hashtable",
     "System.Collections.Hashtable"),
    ("[datetime]'2021-03-04'", "2021-03-04", "datetime", "System.DateTime", "03/04/2021 00:00:00"),
    ("[datetime]'3/4/2021 1:05:06 PM'", "3/4/2021 1:05:06 PM", "datetime", "System.DateTime", "03/04/2021 13:05:06"),
    ("[datetime]'March 4, 2021'", "March 4, 2021", "datetime", "System.DateTime", "03/04/2021 00:00:00"),
    ("[datetime]'2021-03-04T10:00:00Z' (to local)", "2021-03-04T10:00:00Z", "datetime", "System.DateTime",
     "03/04/2021 05:00:00"),
    ("[timespan]'1:30:00'", "1:30:00", "timespan", "System.TimeSpan", "01:30:00"),
    ("[timespan]'5'", "5", "timespan", "System.TimeSpan", "5.00:00:00"),
    ("[timespan]'1.02:03:04.5'", "1.02:03:04.5", "timespan", "System.TimeSpan", "1.02:03:04.5000000"),
    ("[timespan]'-00:00:30'", "-00:00:30", "timespan", "System.TimeSpan", "-00:00:30"),
    ("[guid]'{0F8FAD5B-D9CB-469F-A165-70867728950E}'", "{0F8FAD5B-D9CB-469F-A165-70867728950E}", "guid", "System.Guid",
     "0f8fad5b-d9cb-469f-a165-70867728950e"),
    ("[version]'1.2.3'", "1.2.3", "version", "System.Version", "1.2.3"),
    ("[ipaddress]'10.0.0.1'", "10.0.0.1", "ipaddress", "System.Net.IPAddress", "10.0.0.1"),
    ("[regex]'a+'", "a+", "regex", "System.Text.RegularExpressions.Regex", "a+"),
    ("[type]'int'", "int", "type", "System.RuntimeType", "System.Int32"),
    ("[DayOfWeek]'MONDAY'", "MONDAY", "System.DayOfWeek", "System.DayOfWeek", "Monday"),
    ("[DayOfWeek]'mon' (unique prefix)", "mon", "System.DayOfWeek", "System.DayOfWeek", "Monday"),
    ("[DayOfWeek]1", 1, "System.DayOfWeek", "System.DayOfWeek", "Monday"),
    ("[DayOfWeek]'5'", "5", "System.DayOfWeek", "System.DayOfWeek", "Friday"),
    ("[RegexOptions]'IgnoreCase, Multiline'", "IgnoreCase, Multiline", "System.Text.RegularExpressions.RegexOptions",
     "System.Text.RegularExpressions.RegexOptions", "IgnoreCase, Multiline"),
    ("[Nullable[int]]$null", None, "System.Nullable[int]", "", ""),
    ("[Nullable[int]]'5'", "5", "System.Nullable[int]", "System.Int32", "5"),
]


@pytest.mark.parametrize(("expression", "value", "target", "net_type", "text"), SUCCESS, ids=[t[0] for t in SUCCESS])
def test_convert(expression, value, target, net_type, text):
    assert shown(convert_to(value, target)) == (net_type, text)


FAILURES = [
    ("[int]'abc'", "abc", "int", "InvalidCastFromStringToInteger",
     'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'),
    ("[int]'99999999999'", "99999999999", "int", "InvalidCastFromStringToInteger",
     'Cannot convert value "99999999999" to type "System.Int32". Error: "Value was either too large or too small '
     'for an Int32."'),
    ("[int]1e10", 1e10, "int", "InvalidCastIConvertible",
     'Cannot convert value "10000000000" to type "System.Int32". Error: "Value was either too large or too small '
     'for an Int32."'),
    ("[byte]256", 256, "byte", "InvalidCastIConvertible",
     'Cannot convert value "256" to type "System.Byte". Error: "Value was either too large or too small for an '
     'unsigned byte."'),
    ("[double]'abc'", "abc", "double", "InvalidCastFromStringToDoubleOrSingle",
     'Cannot convert value "abc" to type "System.Double". Error: "Input string was not in a correct format."'),
    ("[decimal]'abc'", "abc", "decimal", "InvalidCastFromStringToDecimal",
     'Cannot convert value "abc" to type "System.Decimal". Error: "Input string was not in a correct format."'),
    ("[int]@(1, 2)", [1, 2], "int", "ConvertToFinalInvalidCastException",
     'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".'),
    ("[char]'ab'", "ab", "char", "InvalidCastParseTargetInvocation",
     'Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."'),
    ("[char]1.5", 1.5, "char", "InvalidCastIConvertible",
     "Cannot convert value \"1.5\" to type \"System.Char\". Error: \"Invalid cast from 'Double' to 'Char'.\""),
    ("[double][char]'a'", Char("a"), "double", "InvalidCastIConvertible",
     "Cannot convert value \"a\" to type \"System.Double\". Error: \"Invalid cast from 'Char' to 'Double'.\""),
    ("[datetime]$null", None, "datetime", "nullToObjectInvalidCast", 'Cannot convert null to type "System.DateTime".'),
    ("[datetime]'abc'", "abc", "datetime", "InvalidCastParseTargetInvocation",
     'Cannot convert value "abc" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."'),
    ("[timespan]'25:00:00'", "25:00:00", "timespan", "InvalidCastParseTargetInvocation",
     'Cannot convert value "25:00:00" to type "System.TimeSpan". Error: "The TimeSpan could not be parsed because at '
     'least one of the numeric components is out of range or contains too many digits."'),
    ("[timespan]'abc'", "abc", "timespan", "InvalidCastParseTargetInvocation",
     'Cannot convert value "abc" to type "System.TimeSpan". Error: "String was not recognized as a valid TimeSpan."'),
    ("[guid]'abc'", "abc", "guid", "InvalidCastParseTargetInvocation",
     'Cannot convert value "abc" to type "System.Guid". Error: "Guid should contain 32 digits with 4 dashes '
     '(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."'),
    ("[version]'1'", "1", "version", "InvalidCastParseTargetInvocation",
     'Cannot convert value "1" to type "System.Version". Error: "Version string portion was too short or too long."'),
    ("[regex]'('", "(", "regex", "InvalidCastFromStringToRegex",
     'Cannot convert value "(" to type "System.Text.RegularExpressions.Regex". Error: "parsing "(" - Not enough '
     ")'s.\""),
    ("[scriptblock]'Get-Date'", "Get-Date", "scriptblock", "ConvertToFinalInvalidCastException",
     'Cannot convert the "Get-Date" value of type "System.String" to type "System.Management.Automation.ScriptBlock".'),
    ("[type]'NoSuchType'", "NoSuchType", "type", "InvalidCastFromStringToType",
     'Cannot convert the "NoSuchType" value of type "System.String" to type "System.Type".'),
    ("[hashtable]'x'", "x", "hashtable", "ConvertToFinalInvalidCastException",
     'Cannot convert the "x" value of type "System.String" to type "System.Collections.Hashtable".'),
    ("[int[]]@('a')", ["a"], "int[]", "InvalidCastFromStringToInteger",
     'Cannot convert value "a" to type "System.Int32". Error: "Input string was not in a correct format."'),
    ("[DayOfWeek]'Foo'", "Foo", "System.DayOfWeek", "SubstringDisambiguationEnumParseThrewAnException",
     'Cannot convert value "Foo" to type "System.DayOfWeek". Error: "Unable to match the identifier name Foo to a '
     "valid enumerator name. Specify one of the following enumerator names and try again:\n"
     'Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday"'),
    ("[DayOfWeek]'s' (ambiguous prefix)", "s", "System.DayOfWeek", "SubstringDisambiguationEnumParseThrewAnException",
     'Cannot convert value "s" to type "System.DayOfWeek". Error: "The identifier name s cannot be processed due to '
     'the inability to differentiate between the following enumerator names: Sunday, Saturday. Try a more specific '
     'identifier name."'),
    ("[DayOfWeek]9", 9, "System.DayOfWeek", "UndefinedInEnumSingleTypeConverter",
     'Cannot convert value "9" to type "System.DayOfWeek" due to enumeration values that are not valid. Specify one '
     'of the following enumeration values and try again. The possible enumeration values are '
     '"Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday".'),
    ("[DayOfWeek]'Monday,Friday'", "Monday,Friday", "System.DayOfWeek", "InvalidCastExceptionEnumerationNoFlagAndComma",
     'Cannot convert value "Monday,Friday" to type "System.DayOfWeek" because no commas are allowed for this '
     "enumeration."),
]


@pytest.mark.parametrize(("expression", "value", "target", "error_id", "message"), FAILURES,
                         ids=[t[0] for t in FAILURES])
def test_conversion_failure(expression, value, target, error_id, message):
    with pytest.raises(ConversionError) as info:
        convert_to(value, target)
    assert (info.value.error_id, info.value.message) == (error_id, message)


def test_cast_error_record_has_powershell_category():
    with pytest.raises(ConversionError) as info:
        convert_to("abc", "int")
    record = info.value.make_record()
    assert record.FullyQualifiedErrorId == "InvalidCastFromStringToInteger"
    assert str(record.CategoryInfo) == "InvalidArgument: (:) [], RuntimeException"
    assert record.Exception.InnerException.type_name == "System.Management.Automation.PSInvalidCastException"


def test_typed_variable_record():
    with pytest.raises(ConversionError) as info:
        convert_to(None, "datetime")
    record = info.value.make_assignment_record()
    assert (record.FullyQualifiedErrorId, str(record.CategoryInfo)) == (
        "RuntimeException", "MetadataError: (:) [], ArgumentTransformationMetadataException")


def test_conversion_error_is_a_terminating_error():
    with pytest.raises(PSError):
        convert_to("abc", "int")


def test_unknown_type_name():
    with pytest.raises(PSError) as info:
        convert_to(1, "NoSuchType")
    assert (info.value.record.FullyQualifiedErrorId, info.value.record.message) == (
        "TypeNotFound", "Unable to find type [NoSuchType].")


def test_pscustomobject_keeps_key_order():
    table = Hashtable([("Zeta", 1), ("alpha", 2), ("Mid", 3)], ordered=True)
    result = convert_to(table, "pscustomobject")
    assert isinstance(result, PSObject) and result.PS_PROPERTIES == ("Zeta", "alpha", "Mid")


def test_ordered_from_hashtable():
    result = convert_to(Hashtable([("a", 1)]), "ordered")
    assert result.ordered and result["A"] == 1


def test_generic_list_converts_elements():
    result = convert_to([1, 2], "System.Collections.Generic.List[string]")
    assert isinstance(result, ArrayList) and list(result) == ["1", "2"]
    assert result.PS_TYPE_NAMES[0].startswith("System.Collections.Generic.List`1[[System.String, mscorlib")


def test_xml_navigation():
    document = convert_to("<config><server name='EX01'><role>Mailbox</role></server></config>", "xml")
    server = document.get_property("config").get_property("server")
    assert (server.get_property("name"), server.get_property("role")) == ("EX01", "Mailbox")


def test_as_operator_semantics():
    assert try_convert("5", "int") == (True, 5)
    assert try_convert("x", "int") == (False, None)


def test_method_argument_conversion_error():
    with pytest.raises(PSError) as info:
        convert_argument("x", "System.Int32", "Substring", "startIndex")
    record = info.value.record
    assert record.FullyQualifiedErrorId == "MethodArgumentConversionInvalidCastArgument"
    assert record.message == (
        'Cannot convert argument "startIndex", with value: "x", for "Substring" to type "System.Int32": '
        '"Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format.""')
    assert str(record.CategoryInfo) == "NotSpecified: (:) [], MethodException"


# --------------------------------------------------------------------------- registered types

UM_STARTUP_MODE = "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMStartupMode"


def test_registered_enum_reports_exchange_names():
    define_enum(UM_STARTUP_MODE, ["TCP", "TLS", "Dual"])
    assert convert_to("tls", UM_STARTUP_MODE).ToString() == "TLS"
    with pytest.raises(ConversionError) as info:
        convert_to("Foo", UM_STARTUP_MODE)
    assert info.value.message == (
        f'Cannot convert value "Foo" to type "{UM_STARTUP_MODE}". Error: "Unable to match the identifier name Foo to '
        "a valid enumerator name. Specify one of the following enumerator names and try again:\nTCP, TLS, Dual\"")


def test_flags_enum_combines_names():
    flags = define_enum("Contoso.Rights", ["Read", "Write", "Delete"], flags=True)
    value = convert_to("read, DELETE", flags)
    assert (value.value, value.ToString()) == (5, "Read, Delete")


class _Size:
    PS_TYPE_NAMES = ("Contoso.Size", "System.Object")

    def __init__(self, megabytes: int):
        self.megabytes = megabytes

    def ToString(self) -> str:
        return f"{self.megabytes} MB"


def _parse_size(value, ctx):
    text = str(value).strip().upper()
    if not text.endswith(" MB") or not text[:-3].isdigit():
        raise ValueError(f"The value {value} isn't a valid size.")
    return _Size(int(text[:-3]))


def test_registered_type_with_converter():
    register_type(PSType("Contoso.Size", converter=_parse_size))
    assert convert_to("10 mb", "Contoso.Size").ToString() == "10 MB"
    with pytest.raises(ConversionError) as info:
        convert_to("ten", "contoso.size")
    assert (info.value.error_id, info.value.message) == (
        "InvalidCastParseTargetInvocation",
        'Cannot convert value "ten" to type "Contoso.Size". Error: "The value ten isn\'t a valid size."')


RESOLVE = [
    ("int", "System.Int32", "Int32"),
    ("Int32", "System.Int32", "Int32"),
    ("[STRING]", "System.String", "String"),
    ("float", "System.Single", "Single"),
    ("pscustomobject", "System.Management.Automation.PSObject", "PSObject"),
    ("Collections.ArrayList", "System.Collections.ArrayList", "ArrayList"),
    ("string[]", "System.String[]", "String[]"),
    ("System.Object[]", "System.Object[]", "Object[]"),
    ("System.Collections.Generic.Dictionary[string,object]",
     "System.Collections.Generic.Dictionary`2[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, "
     "PublicKeyToken=b77a5c561934e089],[System.Object, mscorlib, Version=4.0.0.0, Culture=neutral, "
     "PublicKeyToken=b77a5c561934e089]]", "Dictionary`2"),
    ("System.Management.Automation.RuntimeException", "System.Management.Automation.RuntimeException",
     "RuntimeException"),
]


@pytest.mark.parametrize(("name", "full_name", "short_name"), RESOLVE, ids=[r[0] for r in RESOLVE])
def test_resolve_type(name, full_name, short_name):
    ptype = resolve_type(name)
    assert (ptype.FullName, ptype.Name) == (full_name, short_name)


def test_unknown_type_resolves_to_none():
    assert resolve_type("Contoso.NoSuchThing") is None


def test_string_to_char_array():
    result = convert_to("ab", "char[]")
    assert shown(result) == ("System.Char[]", "a b")
