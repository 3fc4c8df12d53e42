"""Member access: properties, .NET methods with their overload rules, statics, indexing."""

from __future__ import annotations

import pytest
from conftest import error_of, shown

from emshell.engine.conversion import convert_to, resolve_type
from emshell.engine.dotnet import DateTime, PSReference, TimeSpan
from emshell.engine.members import (
    construct,
    get_index,
    get_member,
    get_static,
    invoke_method,
    invoke_static,
    member_table,
    set_index,
    set_member,
)
from emshell.engine.primitives import Char, TypedArray
from emshell.engine.psobject import ArrayList, Hashtable, PSObject, ScriptProperty

DATE = DateTime.from_parts(2026, 11, 27, 14, 3, 4, 56)

STRING_METHODS = [
    ("'Hello'.ToUpper()", "Hello", "ToUpper", [], "System.String", "HELLO"),
    ("'Hello'.tolower()", "Hello", "tolower", [], "System.String", "hello"),
    ("'  x  '.Trim()", "  x  ", "Trim", [], "System.String", "x"),
    ("'xxaxx'.Trim('x')", "xxaxx", "Trim", ["x"], "System.String", "a"),
    ("'abcba'.Trim('ab')", "abcba", "Trim", ["ab"], "System.String", "c"),
    ("'xxa'.TrimStart('x')", "xxa", "TrimStart", ["x"], "System.String", "a"),
    ("'a.txt'.TrimEnd('.txt')", "a.txt", "TrimEnd", [".txt"], "System.String", "a"),
    ("'a::b'.Split('::') (char overload)", "a::b", "Split", ["::"], "System.String[]", "a  b"),
    ("'a,b;c'.Split(',;')", "a,b;c", "Split", [",;"], "System.String[]", "a b c"),
    ("'a,b,c'.Split(',', 2)", "a,b,c", "Split", [",", 2], "System.String[]", "a b,c"),
    ("'a,,b'.Split(',', 'RemoveEmptyEntries')", "a,,b", "Split", [",", "RemoveEmptyEntries"], "System.String[]",
     "a b"),
    ("'a::b'.Split([string[]]'::', 'None')", "a::b", "Split", [TypedArray(["::"], "System.String"), "None"],
     "System.String[]", "a b"),
    ("'a b\\tc'.Split()", "a b\tc", "Split", [], "System.String[]", "a b c"),
    ("'Hello'.Substring(1)", "Hello", "Substring", [1], "System.String", "ello"),
    ("'Hello'.Substring(1, 3)", "Hello", "Substring", [1, 3], "System.String", "ell"),
    ("'Hello'.Substring('2') (argument converted)", "Hello", "Substring", ["2"], "System.String", "llo"),
    ("'Hello'.Replace('l', 'L')", "Hello", "Replace", ["l", "L"], "System.String", "HeLLo"),
    ("'Hello'.Replace('L', 'x') (case-sensitive)", "Hello", "Replace", ["L", "x"], "System.String", "Hello"),
    ("'Hello'.Contains('ell')", "Hello", "Contains", ["ell"], "System.Boolean", "True"),
    ("'Hello'.Contains('ELL')", "Hello", "Contains", ["ELL"], "System.Boolean", "False"),
    ("'Hello'.StartsWith('He')", "Hello", "StartsWith", ["He"], "System.Boolean", "True"),
    ("'Hello'.StartsWith('he')", "Hello", "StartsWith", ["he"], "System.Boolean", "False"),
    ("'Hello'.StartsWith('he', 'OrdinalIgnoreCase')", "Hello", "StartsWith", ["he", "OrdinalIgnoreCase"],
     "System.Boolean", "True"),
    ("'Hello'.EndsWith('lo')", "Hello", "EndsWith", ["lo"], "System.Boolean", "True"),
    ("'Hello'.IndexOf('l')", "Hello", "IndexOf", ["l"], "System.Int32", "2"),
    ("'Hello'.IndexOf('l', 3)", "Hello", "IndexOf", ["l", 3], "System.Int32", "3"),
    ("'Hello'.IndexOf('z')", "Hello", "IndexOf", ["z"], "System.Int32", "-1"),
    ("'Hello'.LastIndexOf('l')", "Hello", "LastIndexOf", ["l"], "System.Int32", "3"),
    ("'5'.PadLeft(3, '0')", "5", "PadLeft", [3, "0"], "System.String", "005"),
    ("'ab'.PadRight(4) + '|'", "ab", "PadRight", [4], "System.String", "ab  "),
    ("'Hello'.Insert(5, '!')", "Hello", "Insert", [5, "!"], "System.String", "Hello!"),
    ("'Hello'.Remove(2)", "Hello", "Remove", [2], "System.String", "He"),
    ("'Hello'.Remove(1, 3)", "Hello", "Remove", [1, 3], "System.String", "Ho"),
    ("'abc'.ToCharArray()", "abc", "ToCharArray", [], "System.Char[]", "a b c"),
    ("'abc'.Equals('ABC')", "abc", "Equals", ["ABC"], "System.Boolean", "False"),
    ("'a'.CompareTo('B')", "a", "CompareTo", ["B"], "System.Int32", "-1"),
    ("'x'.ToString()", "x", "ToString", [], "System.String", "x"),
    ("'abc'.GetType().FullName", "abc", "GetType", [], "System.RuntimeType", "System.String"),
    ("'ab','cde'.ToUpper() (method enumeration)", ["ab", "cde"], "ToUpper", [], "System.Object[]", "AB CDE"),
]


@pytest.mark.parametrize(("expression", "obj", "method", "args", "net_type", "text"), STRING_METHODS,
                         ids=[m[0] for m in STRING_METHODS])
def test_string_methods(expression, obj, method, args, net_type, text, ctx):
    assert shown(invoke_method(obj, method, args, ctx)) == (net_type, text)


METHOD_ERRORS = [
    ("'abc'.Substring(5)", "abc", "Substring", [5], "ArgumentOutOfRangeException",
     'Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger than length of string.\n'
     'Parameter name: startIndex"'),
    ("'abc'.Substring(1, 5)", "abc", "Substring", [1, 5], "ArgumentOutOfRangeException",
     'Exception calling "Substring" with "2" argument(s): "Index and length must refer to a location within the '
     'string.\nParameter name: length"'),
    ("'abc'.Substring()", "abc", "Substring", [], "MethodCountCouldNotFindBest",
     'Cannot find an overload for "Substring" and the argument count: "0".'),
    ("'abc'.Substring('x')", "abc", "Substring", ["x"], "MethodArgumentConversionInvalidCastArgument",
     'Cannot convert argument "startIndex", with value: "x", for "Substring" to type "System.Int32": "Cannot convert '
     'value "x" to type "System.Int32". Error: "Input string was not in a correct format.""'),
    ("'abc'.Foo()", "abc", "Foo", [], "MethodNotFound",
     "Method invocation failed because [System.String] does not contain a method named 'Foo'."),
    ("$null.Foo()", None, "Foo", [], "InvokeMethodOnNull", "You cannot call a method on a null-valued expression."),
    ("'abc'.Replace('', 'x')", "abc", "Replace", ["", "x"], "ArgumentException",
     'Exception calling "Replace" with "2" argument(s): "String cannot be of zero length.\nParameter name: oldValue"'),
    ("@(1, 2).Add(3)", [1, 2], "Add", [3], "NotSupportedException",
     'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."'),
    ("@{a=1}.Add('A', 2)", Hashtable([("a", 1)]), "Add", ["A", 2], "ArgumentException",
     "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: 'a'  Key "
     "being added: 'A'\""),
    ("@{}.Add($null, 1)", Hashtable(), "Add", [None, 1], "ArgumentNullException",
     'Exception calling "Add" with "2" argument(s): "Key cannot be null.\nParameter name: key"'),
    ("(5).ToString('Q')", 5, "ToString", ["Q"], "FormatException",
     'Exception calling "ToString" with "1" argument(s): "Format specifier was invalid."'),
    ("(Get-Date).AddDays('x')", DATE, "AddDays", ["x"], "MethodArgumentConversionInvalidCastArgument",
     'Cannot convert argument "value", with value: "x", for "AddDays" to type "System.Double": "Cannot convert value '
     '"x" to type "System.Double". Error: "Input string was not in a correct format.""'),
    ("[pscustomobject]@{}.Foo()", PSObject(), "Foo", [], "MethodNotFound",
     "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named "
     "'Foo'."),
]


@pytest.mark.parametrize(("expression", "obj", "method", "args", "error_id", "message"), METHOD_ERRORS,
                         ids=[m[0] for m in METHOD_ERRORS])
def test_method_errors(expression, obj, method, args, error_id, message, ctx):
    assert error_of(lambda: invoke_method(obj, method, args, ctx)) == (error_id, message)


def test_method_invocation_error_record(ctx):
    with pytest.raises(Exception) as info:
        invoke_method("abc", "Substring", [5], ctx)
    record = info.value.record
    assert str(record.CategoryInfo) == "NotSpecified: (:) [], MethodInvocationException"
    assert record.Exception.InnerException.type_name == "System.ArgumentOutOfRangeException"


PROPERTIES = [
    ("'abc'.Length", "abc", "Length", "System.Int32", "3"),
    ("'abc'.Count", "abc", "Count", "System.Int32", "1"),
    ("(5).Count", 5, "Count", "System.Int32", "1"),
    ("$null.Count", None, "Count", "System.Int32", "0"),
    ("$null.Name", None, "Name", "", ""),
    ("@(1, 2).Count", [1, 2], "Count", "System.Int32", "2"),
    ("@(1, 2).Length", [1, 2], "length", "System.Int32", "2"),
    ("('ab', 'cde').Length (the array's own)", ["ab", "cde"], "Length", "System.Int32", "2"),
    ("@{a=1}.a", Hashtable([("a", 1)]), "a", "System.Int32", "1"),
    ("@{a=1}.A", Hashtable([("a", 1)]), "A", "System.Int32", "1"),
    ("@{a=1}.Count", Hashtable([("a", 1)]), "Count", "System.Int32", "1"),
    ("@{Count=5}.Count (a key wins)", Hashtable([("Count", 5)]), "Count", "System.Int32", "5"),
    ("@{a=1; b=2}.Keys", Hashtable([("a", 1), ("b", 2)]), "Keys", "System.Collections.Hashtable+KeyCollection", "a b"),
    ("@{a=1}.missing", Hashtable([("a", 1)]), "missing", "", ""),
    ("[pscustomobject]@{Name='x'}.name", PSObject([("Name", "x")]), "name", "System.String", "x"),
    ("[pscustomobject]@{}.missing", PSObject(), "missing", "", ""),
    ("$objects.Name (member enumeration)", [PSObject([("Name", "a")]), PSObject([("Name", "b")]), 5], "Name",
     "System.Object[]", "a b"),
    ("@($one).Name (one result is a scalar)", [PSObject([("Name", "a")])], "Name", "System.String", "a"),
    ("$objects.Tags (flattened)", [PSObject([("Tags", ["x", "y"])]), PSObject([("Tags", ["z"])])], "Tags",
     "System.Object[]", "x y z"),
    ("(Get-Date).Year", DATE, "Year", "System.Int32", "2026"),
    ("(Get-Date).DayOfWeek", DATE, "DayOfWeek", "System.DayOfWeek", "Friday"),
    ("(Get-Date).Date", DATE, "Date", "System.DateTime", "11/27/2026 00:00:00"),
    ("(Get-Date).TimeOfDay", DATE, "TimeOfDay", "System.TimeSpan", "14:03:04.0560000"),
    ("(Get-Date).DayOfYear", DATE, "DayOfYear", "System.Int32", "331"),
    ("(Get-Date).Millisecond", DATE, "Millisecond", "System.Int32", "56"),
    ("(Get-Date).DateTime", DATE, "DateTime", "System.String", "Friday, November 27, 2026 2:03:04 PM"),
    ("(Get-Date).Kind", DATE, "Kind", "System.DateTimeKind", "Unspecified"),
    ("[timespan]'1.02:03:04'.TotalHours", TimeSpan.from_parts(1, 2, 3, 4), "TotalHours", "System.Double",
     "26.0511111111111"),
    ("[timespan]'1.02:03:04'.Minutes", TimeSpan.from_parts(1, 2, 3, 4), "Minutes", "System.Int32", "3"),
    ("[version]'1.2'.Build", convert_to("1.2", "version"), "Build", "System.Int32", "-1"),
    ("[int].FullName", resolve_type("int"), "FullName", "System.String", "System.Int32"),
    ("[string[]].Name", resolve_type("string[]"), "Name", "System.String", "String[]"),
    ("[DayOfWeek]::Monday.value__", convert_to("Monday", "System.DayOfWeek"), "value__", "System.Int32", "1"),
]


@pytest.mark.parametrize(("expression", "obj", "name", "net_type", "text"), PROPERTIES, ids=[p[0] for p in PROPERTIES])
def test_properties(expression, obj, name, net_type, text, ctx):
    assert shown(get_member(obj, name, ctx)) == (net_type, text)


SET_ERRORS = [
    ("'abc'.x = 1", "abc", "x", "PropertyNotFound",
     "The property 'x' cannot be found on this object. Verify that the property exists and can be set."),
    ("'abc'.Length = 1", "abc", "Length", "PropertyAssignmentException", "'Length' is a ReadOnly property."),
    ("[pscustomobject]@{}.New = 1", PSObject(), "New", "PropertyNotFound",
     "The property 'New' cannot be found on this object. Verify that the property exists and can be set."),
    ("(Get-Date).Year = 1", DATE, "Year", "PropertyAssignmentException", "'Year' is a ReadOnly property."),
    ("$null.x = 1", None, "x", "PropertyNotFound",
     "The property 'x' cannot be found on this object. Verify that the property exists and can be set."),
]


@pytest.mark.parametrize(("expression", "obj", "name", "error_id", "message"), SET_ERRORS, ids=[s[0] for s in SET_ERRORS])
def test_set_member_errors(expression, obj, name, error_id, message, ctx):
    assert error_of(lambda: set_member(obj, name, 1, ctx)) == (error_id, message)


def test_set_member_on_hashtable_and_psobject(ctx):
    table = Hashtable([("Name", "a")])
    set_member(table, "name", "b", ctx)
    set_member(table, "New", 1, ctx)
    obj = PSObject([("Name", "a")])
    set_member(obj, "NAME", "z", ctx)
    assert (list(table.items()), list(obj.items())) == ([("Name", "b"), ("New", 1)], [("Name", "z")])


def test_script_property_reads_through_the_context(ctx):
    obj = PSObject([("Twice", ScriptProperty(lambda this: this.get_property("N") * 2)), ("N", 21)])
    assert get_member(obj, "Twice", ctx) == 42


# --------------------------------------------------------------------------- collections


def test_arraylist_add_returns_the_index(ctx):
    items = ArrayList(["a"])
    assert (invoke_method(items, "Add", ["b"], ctx), list(items)) == (1, ["a", "b"])


def test_generic_list_add_converts_and_returns_nothing(ctx):
    items = construct(resolve_type("System.Collections.Generic.List[string]"), [], ctx)
    assert invoke_method(items, "Add", [5], ctx) is None
    assert list(items) == ["5"] and invoke_method(items, "Contains", ["5"], ctx) is True


LIST_METHODS = [
    ("(1, 2, 3).Contains(2)", [1, 2, 3], "Contains", [2], "True"),
    ("(1, 2, 3).Contains('2') (.NET equality)", [1, 2, 3], "Contains", ["2"], "False"),
    ("('a', 'b').IndexOf('b')", ["a", "b"], "IndexOf", ["b"], "1"),
    ("('a', 'b').IndexOf('B')", ["a", "b"], "IndexOf", ["B"], "-1"),
    ("$list.ToArray()", ArrayList([1, 2]), "ToArray", [], "1 2"),
    ("$list.GetRange(1, 2)", ArrayList([1, 2, 3]), "GetRange", [1, 2], "2 3"),
    ("(1..4).Where({ $_ -gt 2 })", [1, 2, 3, 4], "Where", [lambda x: x > 2], "3 4"),
    ("(1..4).Where({ $_ -gt 1 }, 'First')", [1, 2, 3, 4], "Where", [lambda x: x > 1, "First"], "2"),
    ("(1..4).Where({ $_ -gt 1 }, 'Last', 2)", [1, 2, 3, 4], "Where", [lambda x: x > 1, "Last", 2], "3 4"),
    ("(1..4).Where({ $_ -eq 3 }, 'SkipUntil')", [1, 2, 3, 4], "Where", [lambda x: x == 3, "SkipUntil"], "3 4"),
    ("(1..3).ForEach({ $_ * 2 })", [1, 2, 3], "ForEach", [lambda x: x * 2], "2 4 6"),
    ("('a', 'bb').ForEach('Length')", ["a", "bb"], "ForEach", ["Length"], "1 2"),
    ("('a', 'b').ForEach('ToUpper')", ["a", "b"], "ForEach", ["ToUpper"], "A B"),
    ("(5).ForEach({ $_ + 1 }) (a scalar too)", 5, "ForEach", [lambda x: x + 1], "6"),
]


@pytest.mark.parametrize(("expression", "obj", "method", "args", "text"), LIST_METHODS, ids=[m[0] for m in LIST_METHODS])
def test_collection_methods(expression, obj, method, args, text, ctx):
    from emshell.engine.primitives import to_string

    assert to_string(invoke_method(obj, method, args, ctx)) == text


def test_arraylist_remove_insert_and_clear(ctx):
    items = ArrayList(["a", "b", "c"])
    invoke_method(items, "Remove", ["b"], ctx)
    invoke_method(items, "Insert", [0, "z"], ctx)
    invoke_method(items, "RemoveAt", [2], ctx)
    assert list(items) == ["z", "a"]
    invoke_method(items, "Clear", [], ctx)
    assert list(items) == []


def test_hashtable_methods(ctx):
    table = Hashtable([("Name", "EX01")])
    assert invoke_method(table, "ContainsKey", ["name"], ctx) is True
    invoke_method(table, "Add", ["Role", "Mailbox"], ctx)
    invoke_method(table, "Remove", ["NAME"], ctx)
    entries = invoke_method(table, "GetEnumerator", [], ctx)
    assert [(e.Name, e.Value) for e in entries] == [("Role", "Mailbox")]


def test_dictionary_keys_are_case_sensitive(ctx):
    d = construct(resolve_type("System.Collections.Generic.Dictionary[string,int]"), [], ctx)
    invoke_method(d, "Add", ["a", "1"], ctx)
    assert (invoke_method(d, "ContainsKey", ["A"], ctx), get_index(d, "a", ctx)) == (False, 1)
    assert error_of(lambda: invoke_method(d, "Add", ["a", 2], ctx)) == (
        "ArgumentException",
        'Exception calling "Add" with "2" argument(s): "An item with the same key has already been added."')


def test_collections_with_an_ignore_case_comparer(ctx):
    comparer = get_static(resolve_type("StringComparer"), "OrdinalIgnoreCase", ctx)
    names = construct(resolve_type("System.Collections.Generic.HashSet[string]"), [comparer], ctx)
    assert [invoke_method(names, "Add", [n], ctx) for n in ("EX01", "ex01", "EX02")] == [True, False, True]
    lookup = construct(resolve_type("System.Collections.Generic.Dictionary[string,object]"), [comparer], ctx)
    set_index(lookup, "EX01", "Mailbox", ctx)
    assert (get_index(lookup, "ex01", ctx), get_member(names, "Count", ctx)) == ("Mailbox", 2)


def test_psobject_properties_view(ctx):
    obj = PSObject([("Name", "EX01"), ("Role", "Mailbox")])
    view = get_member(obj, "PSObject", ctx)
    properties = get_member(view, "Properties", ctx)
    assert get_member(properties, "Name", ctx) == ["Name", "Role"]
    assert get_index(properties, "role", ctx).Value == "Mailbox"
    note = construct(resolve_type("System.Management.Automation.PSNoteProperty"), ["Site", "HQ"], ctx)
    invoke_method(properties, "Add", [note], ctx)
    assert obj.get_property("Site") == "HQ"


# --------------------------------------------------------------------------- numbers and dates

VALUE_METHODS = [
    ("(1234.5).ToString('N2')", 1234.5, "ToString", ["N2"], "1,234.50"),
    ("(42).ToString('D5')", 42, "ToString", ["D5"], "00042"),
    ("(255).ToString('x')", 255, "ToString", ["x"], "ff"),
    ("(1).Equals(1.0)", 1, "Equals", [1.0], "False"),
    ("(5).CompareTo('3')", 5, "CompareTo", ["3"], "1"),
    ("(Get-Date).AddDays(1.5)", DATE, "AddDays", [1.5], "11/29/2026 02:03:04"),
    ("(Get-Date).AddMonths(3)", DATE, "AddMonths", [3], "02/27/2027 14:03:04"),
    ("[datetime]'2021-01-31'.AddMonths(1) (clamped)", convert_to("2021-01-31", "datetime"), "AddMonths", [1],
     "02/28/2021 00:00:00"),
    ("(Get-Date).AddHours(-15)", DATE, "AddHours", [-15], "11/26/2026 23:03:04"),
    ("(Get-Date).ToString('yyyy-MM-dd HH:mm:ss')", DATE, "ToString", ["yyyy-MM-dd HH:mm:ss"], "2026-11-27 14:03:04"),
    ("(Get-Date).ToString('MM/dd/yyyy h:mm tt')", DATE, "ToString", ["MM/dd/yyyy h:mm tt"], "11/27/2026 2:03 PM"),
    ("(Get-Date).ToString()", DATE, "ToString", [], "11/27/2026 2:03:04 PM"),
    ("(Get-Date).ToShortDateString()", DATE, "ToShortDateString", [], "11/27/2026"),
    ("(Get-Date).ToLongDateString()", DATE, "ToLongDateString", [], "Friday, November 27, 2026"),
    ("(Get-Date).ToUniversalTime() (UTC-05:00)", DATE, "ToUniversalTime", [], "11/27/2026 19:03:04"),
    ("(Get-Date).Subtract([datetime]'11/27/2026')", DATE, "Subtract", [convert_to("11/27/2026", "datetime")],
     "14:03:04.0560000"),
    ("[timespan]'01:30:00'.ToString('hh\\:mm')", TimeSpan.from_parts(0, 1, 30, 0), "ToString", [r"hh\:mm"], "01:30"),
    ("[DayOfWeek]::Friday.ToString('d')", convert_to("Friday", "System.DayOfWeek"), "ToString", ["d"], "5"),
]


@pytest.mark.parametrize(("expression", "obj", "method", "args", "text"), VALUE_METHODS,
                         ids=[m[0] for m in VALUE_METHODS])
def test_value_methods(expression, obj, method, args, text, ctx):
    from emshell.engine.primitives import to_string

    assert to_string(invoke_method(obj, method, args, ctx)) == text


# --------------------------------------------------------------------------- statics

STATICS = [
    ("[math]::Round(2.5)", "math", "Round", [2.5], "System.Double", "2"),
    ("[math]::Round(3.5)", "math", "Round", [3.5], "System.Double", "4"),
    ("[math]::Round(2.5, 'AwayFromZero')", "math", "Round", [2.5, "AwayFromZero"], "System.Double", "3"),
    ("[math]::Round(1.23456, 2)", "math", "Round", [1.23456, 2], "System.Double", "1.23"),
    ("[math]::Round(2.5d)", "math", "Round", [convert_to("2.5", "decimal")], "System.Decimal", "2"),
    ("[math]::Floor(2.7)", "math", "Floor", [2.7], "System.Double", "2"),
    ("[math]::Ceiling(2.1)", "math", "Ceiling", [2.1], "System.Double", "3"),
    ("[math]::Truncate(-2.7)", "math", "Truncate", [-2.7], "System.Double", "-2"),
    ("[math]::Abs(-5)", "math", "Abs", [-5], "System.Int32", "5"),
    ("[math]::Max(3, 7)", "math", "Max", [3, 7], "System.Int32", "7"),
    ("[math]::Min(3, 2.5)", "math", "Min", [3, 2.5], "System.Double", "2.5"),
    ("[math]::Pow(2, 10)", "math", "Pow", [2, 10], "System.Double", "1024"),
    ("[math]::Sqrt(16)", "math", "Sqrt", [16], "System.Double", "4"),
    ("[string]::IsNullOrEmpty('')", "string", "IsNullOrEmpty", [""], "System.Boolean", "True"),
    ("[string]::IsNullOrWhiteSpace(' ')", "string", "IsNullOrWhiteSpace", [" "], "System.Boolean", "True"),
    ("[string]::Join(', ', @('a', 'b'))", "string", "Join", [", ", ["a", "b"]], "System.String", "a, b"),
    ("[string]::Join('-', 'a', 'b', 'c')", "string", "Join", ["-", "a", "b", "c"], "System.String", "a-b-c"),
    ("[string]::Format('{0}:{1:D2}', 'x', 5)", "string", "Format", ["{0}:{1:D2}", "x", 5], "System.String", "x:05"),
    ("[string]::Concat('a', 1, $true)", "string", "Concat", ["a", 1, True], "System.String", "a1True"),
    ("[string]::Compare('a', 'B')", "string", "Compare", ["a", "B"], "System.Int32", "-1"),
    ("[string]::Compare('a', 'A', $true)", "string", "Compare", ["a", "A", True], "System.Int32", "0"),
    ("[int]::Parse('42')", "int", "Parse", ["42"], "System.Int32", "42"),
    ("[double]::Parse('1.5')", "double", "Parse", ["1.5"], "System.Double", "1.5"),
    ("[bool]::Parse('TRUE')", "bool", "Parse", ["TRUE"], "System.Boolean", "True"),
    ("[char]::IsDigit('5')", "char", "IsDigit", ["5"], "System.Boolean", "True"),
    ("[char]::IsLetter('5')", "char", "IsLetter", ["5"], "System.Boolean", "False"),
    ("[char]::ToUpper('q')", "char", "ToUpper", ["q"], "System.Char", "Q"),
    ("[convert]::ToInt32('ff', 16)", "convert", "ToInt32", ["ff", 16], "System.Int32", "255"),
    ("[convert]::ToInt32('101', 2)", "convert", "ToInt32", ["101", 2], "System.Int32", "5"),
    ("[convert]::ToString(255, 16)", "convert", "ToString", [255, 16], "System.String", "ff"),
    ("[convert]::ToString(-1, 16)", "convert", "ToString", [-1, 16], "System.String", "ffffffff"),
    ("[convert]::ToInt32(2.5)", "convert", "ToInt32", [2.5], "System.Int32", "2"),
    ("[convert]::ToBoolean('True')", "convert", "ToBoolean", ["True"], "System.Boolean", "True"),
    ("[System.IO.Path]::Combine('C:\\a', 'b.txt')", "System.IO.Path", "Combine", ["C:\\a", "b.txt"], "System.String",
     "C:\\a\\b.txt"),
    ("[System.IO.Path]::Combine('C:\\a\\', 'b', 'c.log')", "System.IO.Path", "Combine", ["C:\\a\\", "b", "c.log"],
     "System.String", "C:\\a\\b\\c.log"),
    ("[System.IO.Path]::GetFileName('C:\\logs\\x.log')", "System.IO.Path", "GetFileName", ["C:\\logs\\x.log"],
     "System.String", "x.log"),
    ("[System.IO.Path]::GetExtension('x.tar.gz')", "System.IO.Path", "GetExtension", ["x.tar.gz"], "System.String",
     ".gz"),
    ("[System.IO.Path]::GetFileNameWithoutExtension('C:\\x.log')", "System.IO.Path", "GetFileNameWithoutExtension",
     ["C:\\x.log"], "System.String", "x"),
    ("[System.IO.Path]::GetDirectoryName('C:\\logs\\x.log')", "System.IO.Path", "GetDirectoryName",
     ["C:\\logs\\x.log"], "System.String", "C:\\logs"),
    ("[System.IO.Path]::GetDirectoryName('C:\\x.log')", "System.IO.Path", "GetDirectoryName", ["C:\\x.log"],
     "System.String", "C:\\"),
    ("[System.IO.Path]::GetDirectoryName('x.log')", "System.IO.Path", "GetDirectoryName", ["x.log"], "System.String",
     ""),
    ("[System.IO.Path]::GetDirectoryName('C:\\')", "System.IO.Path", "GetDirectoryName", ["C:\\"], "", ""),
    ("[System.IO.Path]::GetDirectoryName('\\\\srv\\share\\x')", "System.IO.Path", "GetDirectoryName",
     ["\\\\srv\\share\\x"], "System.String", "\\\\srv\\share"),
    ("[System.IO.Path]::GetPathRoot('C:\\logs\\x')", "System.IO.Path", "GetPathRoot", ["C:\\logs\\x"],
     "System.String", "C:\\"),
    ("[regex]::Escape('a.b*c (d)')", "regex", "Escape", ["a.b*c (d)"], "System.String", "a\\.b\\*c\\ \\(d\\)"),
    ("[regex]::IsMatch('EX01', '^ex\\d+$', 'IgnoreCase')", "regex", "IsMatch", ["EX01", r"^ex\d+$", "IgnoreCase"],
     "System.Boolean", "True"),
    ("[regex]::Replace('a1b2', '\\d', '#')", "regex", "Replace", ["a1b2", r"\d", "#"], "System.String", "a#b#"),
    ("[regex]::Split('a1b2c', '\\d')", "regex", "Split", ["a1b2c", r"\d"], "System.String[]", "a b c"),
    ("[regex]::Match('id=42', '\\d+').Value", "regex", "Match", ["id=42", r"\d+"],
     "System.Text.RegularExpressions.Match", "42"),
    ("[timespan]::FromMinutes(90)", "timespan", "FromMinutes", [90], "System.TimeSpan", "01:30:00"),
    ("[timespan]::FromSeconds(1.2345)", "timespan", "FromSeconds", [1.2345], "System.TimeSpan", "00:00:01.2350000"),
    ("[datetime]::ParseExact('2021-03-04', 'yyyy-MM-dd', $null)", "datetime", "ParseExact",
     ["2021-03-04", "yyyy-MM-dd", None], "System.DateTime", "03/04/2021 00:00:00"),
    ("[datetime]::DaysInMonth(2024, 2)", "datetime", "DaysInMonth", [2024, 2], "System.Int32", "29"),
    ("[guid]::NewGuid() (seeded)", "guid", "NewGuid", [], "System.Guid", "0f8fad5b-d9cb-469f-a165-70867728950e"),
    ("[enum]::GetNames([DayOfWeek]).Count", "enum", "GetNames", [resolve_type("DayOfWeek")], "System.String[]",
     "Sunday Monday Tuesday Wednesday Thursday Friday Saturday"),
]


@pytest.mark.parametrize(("expression", "type_name", "member", "args", "net_type", "text"), STATICS,
                         ids=[s[0] for s in STATICS])
def test_static_methods(expression, type_name, member, args, net_type, text, ctx):
    assert shown(invoke_static(resolve_type(type_name), member, args, ctx)) == (net_type, text)


STATIC_PROPERTIES = [
    ("[math]::PI", "math", "PI", "System.Double", "3.14159265358979"),
    ("[int]::MaxValue", "int", "MaxValue", "System.Int32", "2147483647"),
    ("[long]::MinValue", "long", "MinValue", "System.Int64", "-9223372036854775808"),
    ("[string]::Empty", "string", "Empty", "System.String", ""),
    ("[datetime]::Now (session clock)", "datetime", "Now", "System.DateTime", "11/27/2026 14:03:04"),
    ("[datetime]::Today", "datetime", "Today", "System.DateTime", "11/27/2026 00:00:00"),
    ("[datetime]::UtcNow", "datetime", "UtcNow", "System.DateTime", "11/27/2026 19:03:04"),
    ("[timespan]::Zero", "timespan", "Zero", "System.TimeSpan", "00:00:00"),
    ("[guid]::Empty", "guid", "Empty", "System.Guid", "00000000-0000-0000-0000-000000000000"),
    ("[DayOfWeek]::monday", "DayOfWeek", "monday", "System.DayOfWeek", "Monday"),
    ("[System.Environment]::NewLine", "System.Environment", "NewLine", "System.String", "\r\n"),
    ("[int]::NoSuchMember", "int", "NoSuchMember", "", ""),
]


@pytest.mark.parametrize(("expression", "type_name", "member", "net_type", "text"), STATIC_PROPERTIES,
                         ids=[s[0] for s in STATIC_PROPERTIES])
def test_static_properties(expression, type_name, member, net_type, text, ctx):
    assert shown(get_static(resolve_type(type_name), member, ctx)) == (net_type, text)


STATIC_ERRORS = [
    ("[int]::Parse('abc')", "int", "Parse", ["abc"], "FormatException",
     'Exception calling "Parse" with "1" argument(s): "Input string was not in a correct format."'),
    ("[int]::Parse('99999999999')", "int", "Parse", ["99999999999"], "OverflowException",
     'Exception calling "Parse" with "1" argument(s): "Value was either too large or too small for an Int32."'),
    ("[datetime]::Parse('bad')", "datetime", "Parse", ["bad"], "FormatException",
     'Exception calling "Parse" with "1" argument(s): "String was not recognized as a valid DateTime."'),
    ("[math]::Foo(1)", "math", "Foo", [1], "MethodNotFound",
     "Method invocation failed because [System.Math] does not contain a method named 'Foo'."),
    ("[math]::Round()", "math", "Round", [], "MethodCountCouldNotFindBest",
     'Cannot find an overload for "Round" and the argument count: "0".'),
    ("[math]::Round(1.5, 16)", "math", "Round", [1.5, 16], "ArgumentOutOfRangeException",
     'Exception calling "Round" with "2" argument(s): "Rounding digits must be between 0 and 15, inclusive.\n'
     'Parameter name: digits"'),
    ("[char]::IsDigit('55')", "char", "IsDigit", ["55"], "MethodArgumentConversionInvalidCastArgument",
     'Cannot convert argument "c", with value: "55", for "IsDigit" to type "System.Char": "Cannot convert value "55" '
     'to type "System.Char". Error: "String must be exactly one character long.""'),
    ("[convert]::ToInt32('zz', 16)", "convert", "ToInt32", ["zz", 16], "FormatException",
     'Exception calling "ToInt32" with "2" argument(s): "Could not find any recognizable digits."'),
    ("[string]::Format('{0')", "string", "Format", ["{0"], "FormatException",
     'Exception calling "Format" with "1" argument(s): "Input string was not in a correct format."'),
]


@pytest.mark.parametrize(("expression", "type_name", "member", "args", "error_id", "message"), STATIC_ERRORS,
                         ids=[s[0] for s in STATIC_ERRORS])
def test_static_errors(expression, type_name, member, args, error_id, message, ctx):
    assert error_of(lambda: invoke_static(resolve_type(type_name), member, args, ctx)) == (error_id, message)


def test_try_parse_sets_the_reference(ctx):
    ref = PSReference()
    assert invoke_static(resolve_type("int"), "TryParse", ["12", ref], ctx) is True and ref.Value == 12
    assert invoke_static(resolve_type("int"), "TryParse", ["x", ref], ctx) is False


def test_base64_round_trip_through_utf8(ctx):
    encoding = get_static(resolve_type("System.Text.Encoding"), "UTF8", ctx)
    data = invoke_method(encoding, "GetBytes", ["héllo"], ctx)
    text = invoke_static(resolve_type("convert"), "ToBase64String", [data], ctx)
    back = invoke_static(resolve_type("convert"), "FromBase64String", [text], ctx)
    assert (text, invoke_method(encoding, "GetString", [back], ctx)) == ("aMOpbGxv", "héllo")


CONSTRUCTORS = [
    ("[datetime]::new(2021, 3, 4)", "datetime", [2021, 3, 4], "System.DateTime", "03/04/2021 00:00:00"),
    ("[datetime]::new(2021, 3, 4, 5, 6, 7, 800)", "datetime", [2021, 3, 4, 5, 6, 7, 800], "System.DateTime",
     "03/04/2021 05:06:07"),
    ("[datetime]::new(2021, 3, 4, 5, 6, 7, 'Utc').Kind", "datetime", [2021, 3, 4, 5, 6, 7, "Utc"], "System.DateTime",
     "03/04/2021 05:06:07"),
    ("[timespan]::new(1, 30, 0)", "timespan", [1, 30, 0], "System.TimeSpan", "01:30:00"),
    ("[version]::new(15, 1)", "version", [15, 1], "System.Version", "15.1"),
    ("[string]::new('-', 3)", "string", ["-", 3], "System.String", "---"),
    ("[int[]]::new(3)", "int[]", [3], "System.Int32[]", "0 0 0"),
    ("[System.Collections.ArrayList]::new()", "System.Collections.ArrayList", [], "System.Collections.ArrayList", ""),
    ("[System.Text.StringBuilder]::new('ab')", "System.Text.StringBuilder", ["ab"], "System.Text.StringBuilder", "ab"),
]


@pytest.mark.parametrize(("expression", "type_name", "args", "net_type", "text"), CONSTRUCTORS,
                         ids=[c[0] for c in CONSTRUCTORS])
def test_constructors(expression, type_name, args, net_type, text, ctx):
    assert shown(invoke_static(resolve_type(type_name), "new", args, ctx)) == (net_type, text)


def test_datetime_constructor_with_kind(ctx):
    value = invoke_static(resolve_type("datetime"), "new", [2021, 3, 4, 5, 6, 7, "Utc"], ctx)
    assert get_member(value, "Kind", ctx).ToString() == "Utc"


def test_stringbuilder_append_returns_the_builder(ctx):
    builder = construct(resolve_type("System.Text.StringBuilder"), [], ctx)
    assert invoke_method(builder, "Append", ["a"], ctx) is builder
    invoke_method(builder, "AppendFormat", ["{0}-{1}", 1, 2], ctx)
    assert (invoke_method(builder, "ToString", [], ctx), get_member(builder, "Length", ctx)) == ("a1-2", 4)


# --------------------------------------------------------------------------- indexing

INDEXES = [
    ("(1, 2, 3)[0]", [1, 2, 3], 0, "System.Int32", "1"),
    ("(1, 2, 3)[-1]", [1, 2, 3], -1, "System.Int32", "3"),
    ("(1, 2, 3)[5]", [1, 2, 3], 5, "", ""),
    ("(1, 2, 3)[0, 2]", [1, 2, 3], [0, 2], "System.Object[]", "1 3"),
    ("(1, 2, 3)[0, 9] (missing ones dropped)", [1, 2, 3], [0, 9], "System.Object[]", "1"),
    ("(1, 2, 3)['1']", [1, 2, 3], "1", "System.Int32", "2"),
    ("'abc'[1]", "abc", 1, "System.Char", "b"),
    ("'abc'[-1]", "abc", -1, "System.Char", "c"),
    ("@{a=1}['A']", Hashtable([("a", 1)]), "A", "System.Int32", "1"),
    ("@{a=1; b=2}['a', 'b']", Hashtable([("a", 1), ("b", 2)]), ["a", "b"], "System.Object[]", "1 2"),
    ("@{1='x'}[1]", Hashtable([(1, "x")]), 1, "System.String", "x"),
    ("@{1='x'}['1'] (different key type)", Hashtable([(1, "x")]), "1", "", ""),
    ("(5)[0] (a scalar indexes as itself)", 5, 0, "System.Int32", "5"),
    ("(5)[1]", 5, 1, "", ""),
]


@pytest.mark.parametrize(("expression", "obj", "index", "net_type", "text"), INDEXES, ids=[i[0] for i in INDEXES])
def test_get_index(expression, obj, index, net_type, text, ctx):
    assert shown(get_index(obj, index, ctx)) == (net_type, text)


INDEX_ERRORS = [
    ("$null[0]", lambda c: get_index(None, 0, c), "NullArray", "Cannot index into a null array."),
    ("(1, 2)['a']", lambda c: get_index([1, 2], "a", c), "InvalidCastFromStringToInteger",
     'Cannot convert value "a" to type "System.Int32". Error: "Input string was not in a correct format."'),
    ("[pscustomobject]@{}['a']", lambda c: get_index(PSObject(), "a", c), "CannotIndex",
     "Unable to index into an object of type System.Management.Automation.PSCustomObject."),
    ("$a = 1, 2; $a[5] = 0", lambda c: set_index([1, 2], 5, 0, c), "System.IndexOutOfRangeException",
     "Index was outside the bounds of the array."),
    ("$s = 'abc'; $s[0] = 'x'", lambda c: set_index("abc", 0, "x", c), "CannotIndex",
     "Unable to index into an object of type System.String."),
    ("$null[0] = 1", lambda c: set_index(None, 0, 1, c), "NullArray", "Cannot index into a null array."),
]


@pytest.mark.parametrize(("expression", "thunk", "error_id", "message"), INDEX_ERRORS, ids=[i[0] for i in INDEX_ERRORS])
def test_index_errors(expression, thunk, error_id, message, ctx):
    assert error_of(lambda: thunk(ctx)) == (error_id, message)


def test_typed_array_element_assignment_converts(ctx):
    numbers = TypedArray([1, 2], "System.Int32")
    set_index(numbers, 0, "7", ctx)
    assert numbers[0] == 7 and type(numbers[0]) is int


def test_match_groups_by_name_and_number(ctx):
    match = invoke_static(resolve_type("regex"), "Match", ["EX01:Mailbox", r"(?<server>\w+):(\w+)"], ctx)
    groups = get_member(match, "Groups", ctx)
    assert (get_index(groups, "server", ctx).Value, get_index(groups, 1, ctx).Value) == ("EX01", "Mailbox")


def test_get_member_rows_for_a_custom_object():
    rows = member_table(PSObject([("Name", "EX01"), ("Count", 3)]))
    assert rows == [
        ("Equals", "Method", "bool Equals(System.Object obj)"),
        ("GetHashCode", "Method", "int GetHashCode()"),
        ("GetType", "Method", "type GetType()"),
        ("ToString", "Method", "string ToString()"),
        ("Count", "NoteProperty", "int Count=3"),
        ("Name", "NoteProperty", "string Name=EX01"),
    ]


def test_char_of_string_is_a_char(ctx):
    assert isinstance(get_index("abc", 0, ctx), Char)
