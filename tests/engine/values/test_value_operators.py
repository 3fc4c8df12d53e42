"""PowerShell operators over values (about_Operators, about_Arithmetic/Comparison/Split/Join)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import error_of, shown

from emshell.engine.conversion import resolve_type
from emshell.engine.dotnet import DateTime, TimeSpan
from emshell.engine.limits import MAX_ELEMENTS as MAX_RANGE
from emshell.engine.operators import binary, split_operator, unary, wildcard_match
from emshell.engine.primitives import Int64, TypedArray
from emshell.engine.psobject import Char, Hashtable, PSObject
from emshell.engine.types import builtin_enum

MB = 2**20
OPTIONS = builtin_enum("System.Text.RegularExpressions.RegexOptions")
DATE = DateTime.from_parts(2026, 11, 27, 14, 3, 4)

RESULTS = [
    # arithmetic: (expression, operator, left, right, .NET type, text)
    ("1 + 2", "+", 1, 2, "System.Int32", "3"),
    ("1 + 2.5", "+", 1, 2.5, "System.Double", "3.5"),
    ("0.1 + 0.2", "+", 0.1, 0.2, "System.Double", "0.3"),
    ("'1' + 2", "+", "1", 2, "System.String", "12"),
    ("1 + '2'", "+", 1, "2", "System.Int32", "3"),
    ("1 + '2.5'", "+", 1, "2.5", "System.Double", "3.5"),
    ("1 + '0x10'", "+", 1, "0x10", "System.Int32", "17"),
    ("2147483647 + 1 (Int32 overflow widens to Double)", "+", 2147483647, 1, "System.Double", "2147483648"),
    ("512MB * 512MB", "*", 512 * MB, 512 * MB, "System.Double", "2.88230376151712E+17"),
    ("[long]1 + 1", "+", Int64(1), 1, "System.Int64", "2"),
    ("6 / 3", "/", 6, 3, "System.Int32", "2"),
    ("7 / 2", "/", 7, 2, "System.Double", "3.5"),
    ("1 / 3", "/", 1, 3, "System.Double", "0.333333333333333"),
    ("7 % 3", "%", 7, 3, "System.Int32", "1"),
    ("-7 % 3 (sign of the dividend)", "%", -7, 3, "System.Int32", "-1"),
    ("7.5 % 2", "%", 7.5, 2, "System.Double", "1.5"),
    ("$null + 1", "+", None, 1, "System.Int32", "1"),
    ("$null + 'a'", "+", None, "a", "System.String", "a"),
    ("'a' + $null", "+", "a", None, "System.String", "a"),
    ("$true + 1", "+", True, 1, "System.Int32", "2"),
    ("'10' - 1", "-", "10", 1, "System.Int32", "9"),
    ("'10' / '4'", "/", "10", "4", "System.Double", "2.5"),
    ("1.10d + 2", "+", Decimal("1.10"), 2, "System.Decimal", "3.10"),
    ("1.5d * 2.5", "*", Decimal("1.5"), 2.5, "System.Decimal", "3.75"),
    ("'ab' * 3", "*", "ab", 3, "System.String", "ababab"),
    ("'ab' * 0", "*", "ab", 0, "System.String", ""),
    ("@(1, 2) * 2", "*", [1, 2], 2, "System.Object[]", "1 2 1 2"),
    ("@(1, 2) + 3", "+", [1, 2], 3, "System.Object[]", "1 2 3"),
    ("@(1) + @(2, 3)", "+", [1], [2, 3], "System.Object[]", "1 2 3"),
    ("@(1) + $null", "+", [1], None, "System.Object[]", "1 "),
    ("(Get-Date) - (Get-Date).AddHours(-1)", "-", DATE, DATE.AddHours(-1), "System.TimeSpan", "01:00:00"),
    ("(Get-Date) + [timespan]'1.00:00:00'", "+", DATE, TimeSpan.from_parts(1, 0, 0, 0), "System.DateTime",
     "11/28/2026 14:03:04"),
    ("(Get-Date) - [timespan]'00:00:04'", "-", DATE, TimeSpan.from_parts(0, 0, 0, 4), "System.DateTime",
     "11/27/2026 14:03:00"),
    # comparison on collections filters
    ("1, 2, 3 -gt 1", "-gt", [1, 2, 3], 1, "System.Object[]", "2 3"),
    ("1, 2, 3 -eq 2", "-eq", [1, 2, 3], 2, "System.Object[]", "2"),
    ("'a', 'b' -eq 'A'", "-eq", ["a", "b"], "A", "System.Object[]", "a"),
    ("'a', 'b' -ceq 'A'", "-ceq", ["a", "b"], "A", "System.Object[]", ""),
    ("1, 2, 3 -ne 2", "-ne", [1, 2, 3], 2, "System.Object[]", "1 3"),
    ("@() -eq $null", "-eq", [], None, "System.Object[]", ""),
    ("1, $null -ne $null", "-ne", [1, None], None, "System.Object[]", "1"),
    # scalar comparisons
    ("'abc' -ieq 'ABC'", "-ieq", "abc", "ABC", "System.Boolean", "True"),
    ("5 -ge '5'", "-ge", 5, "5", "System.Boolean", "True"),
    ("'10' -lt 9", "-lt", "10", 9, "System.Boolean", "True"),
    ("10 -lt '9'", "-lt", 10, "9", "System.Boolean", "False"),
    ("'b' -gt 'A'", "-gt", "b", "A", "System.Boolean", "True"),
    ("'a' -cgt 'A'", "-cgt", "a", "A", "System.Boolean", "False"),
    # wildcards
    ("'Hello' -like 'h*'", "-like", "Hello", "h*", "System.Boolean", "True"),
    ("'Hello' -clike 'h*'", "-clike", "Hello", "h*", "System.Boolean", "False"),
    ("'abc' -like 'a?c'", "-like", "abc", "a?c", "System.Boolean", "True"),
    ("'file1' -like 'file[0-9]'", "-like", "file1", "file[0-9]", "System.Boolean", "True"),
    ("'file[1]' -like 'file`[1`]'", "-like", "file[1]", "file`[1`]", "System.Boolean", "True"),
    ("'a.txt', 'b.log' -like '*.txt'", "-like", ["a.txt", "b.log"], "*.txt", "System.Object[]", "a.txt"),
    ("'abc' -notlike '*b*'", "-notlike", "abc", "*b*", "System.Boolean", "False"),
    ("$null -like '*'", "-like", None, "*", "System.Boolean", "True"),
    # containment and membership
    ("1, 2, 3 -contains '2'", "-contains", [1, 2, 3], "2", "System.Boolean", "True"),
    ("'a', 'b' -contains 'B'", "-contains", ["a", "b"], "B", "System.Boolean", "True"),
    ("'a', 'b' -ccontains 'B'", "-ccontains", ["a", "b"], "B", "System.Boolean", "False"),
    ("'abc' -contains 'b' (not a substring test)", "-contains", "abc", "b", "System.Boolean", "False"),
    ("2 -in 1, 2", "-in", 2, [1, 2], "System.Boolean", "True"),
    ("3 -notin 1, 2", "-notin", 3, [1, 2], "System.Boolean", "True"),
    ("1, 2 -notcontains 3", "-notcontains", [1, 2], 3, "System.Boolean", "True"),
    # regular expressions
    ("'John Smith' -replace '(\\w+) (\\w+)', '$2, $1'", "-replace", "John Smith", [r"(\w+) (\w+)", "$2, $1"],
     "System.String", "Smith, John"),
    ("-replace with named groups and $$", "-replace", "John Smith", [r"(?<first>\w+) (?<last>\w+)", "${last}: $$5"],
     "System.String", "Smith: $5"),
    ("'a.b' -replace '.', '-'", "-replace", "a.b", [".", "-"], "System.String", "---"),
    ("'a.b' -replace '\\.', '-'", "-replace", "a.b", [r"\.", "-"], "System.String", "a-b"),
    ("'Hello' -replace 'L'", "-replace", "Hello", "L", "System.String", "Heo"),
    ("'Hello' -creplace 'L', 'x'", "-creplace", "Hello", ["L", "x"], "System.String", "Hello"),
    ("'abc' -replace 'b', '[$0]'", "-replace", "abc", ["b", "[$0]"], "System.String", "a[b]c"),
    ("'a1', 'b2' -replace '\\d', '#'", "-replace", ["a1", "b2"], [r"\d", "#"], "System.Object[]", "a# b#"),
    ("'abc', 'xyz' -match 'b'", "-match", ["abc", "xyz"], "b", "System.Object[]", "abc"),
    ("'abc', 'xyz' -notmatch 'b'", "-notmatch", ["abc", "xyz"], "b", "System.Object[]", "xyz"),
    ("'Hello' -cmatch 'h'", "-cmatch", "Hello", "h", "System.Boolean", "False"),
    # split, join, format
    ("'a b c d' -split ' '", "-split", "a b c d", " ", "System.String[]", "a b c d"),
    ("'a,b,,c' -split ','", "-split", "a,b,,c", ",", "System.String[]", "a b  c"),
    ("'a b c d' -split ' ', 2", "-split", "a b c d", [" ", 2], "System.String[]", "a b c d"),
    ("'a1:b1:c1:d' -split '(1:)'", "-split", "a1:b1:c1:d", "(1:)", "System.String[]", "a 1: b 1: c 1: d"),
    ("'abcBd' -split 'B'", "-split", "abcBd", "B", "System.String[]", "a c d"),
    ("'abcBd' -csplit 'B'", "-csplit", "abcBd", "B", "System.String[]", "abc d"),
    ("'abcBd' -csplit 'B', 0, 'IgnoreCase'", "-csplit", "abcBd", ["B", 0, "IgnoreCase"], "System.String[]", "a c d"),
    ("'a.b.c' -split '.', 0, 'SimpleMatch'", "-split", "a.b.c", [".", 0, "SimpleMatch"], "System.String[]", "a b c"),
    ("'a:b' -split '(:)', 0, 'ExplicitCapture'", "-split", "a:b", ["(:)", 0, "ExplicitCapture"], "System.String[]",
     "a b"),
    ("'a b', 'c d' -split ' '", "-split", ["a b", "c d"], " ", "System.String[]", "a b c d"),
    ("1, 2, 3 -join ','", "-join", [1, 2, 3], ",", "System.String", "1,2,3"),
    ("'a', $null, 'b' -join '-'", "-join", ["a", None, "b"], "-", "System.String", "a--b"),
    ("'x' -join ','", "-join", "x", ",", "System.String", "x"),
    ("'{0:N2}' -f 1234.5", "-f", "{0:N2}", 1234.5, "System.String", "1,234.50"),
    ("'{0}-{1}' -f 'a', 'b'", "-f", "{0}-{1}", ["a", "b"], "System.String", "a-b"),
    ("'{0,5}|{1,-5}|' -f 'ab', 'c'", "-f", "{0,5}|{1,-5}|", ["ab", "c"], "System.String", "   ab|c    |"),
    ("'{{{0}}}' -f 5", "-f", "{{{0}}}", 5, "System.String", "{5}"),
    ("'{0:N2}' -f '5' (a string ignores the format)", "-f", "{0:N2}", "5", "System.String", "5"),
    ("'[{0}]' -f $null", "-f", "[{0}]", None, "System.String", "[]"),
    ("'{0:yyyy-MM-dd}' -f (Get-Date)", "-f", "{0:yyyy-MM-dd}", DATE, "System.String", "2026-11-27"),
    ("'{0}' -f (Get-Date) (current culture)", "-f", "{0}", DATE, "System.String", "11/27/2026 2:03:04 PM"),
    # types
    ("5 -is [int]", "-is", 5, resolve_type("int"), "System.Boolean", "True"),
    ("'5' -is [int]", "-is", "5", resolve_type("int"), "System.Boolean", "False"),
    ("5 -is 'int'", "-is", 5, "int", "System.Boolean", "True"),
    ("5 -isnot [string]", "-isnot", 5, resolve_type("string"), "System.Boolean", "True"),
    ("@(1) -is [array]", "-is", [1], resolve_type("array"), "System.Boolean", "True"),
    ("@(1) -is [object[]]", "-is", [1], resolve_type("object[]"), "System.Boolean", "True"),
    ("[int[]]@(1) -is [object[]]", "-is", TypedArray([1], "System.Int32"), resolve_type("object[]"),
     "System.Boolean", "False"),
    ("[string[]]@('a') -is [object[]]", "-is", TypedArray(["a"], "System.String"), resolve_type("object[]"),
     "System.Boolean", "True"),
    ("$null -is [object]", "-is", None, resolve_type("object"), "System.Boolean", "False"),
    ("1 -is [ValueType]", "-is", 1, resolve_type("ValueType"), "System.Boolean", "True"),
    ("'a' -is [IComparable]", "-is", "a", resolve_type("IComparable"), "System.Boolean", "True"),
    ("@{} -is [hashtable]", "-is", Hashtable(), resolve_type("hashtable"), "System.Boolean", "True"),
    ("[ordered]@{} -is [hashtable]", "-is", Hashtable(ordered=True), resolve_type("hashtable"), "System.Boolean",
     "False"),
    ("[ordered]@{} -is [Collections.IDictionary]", "-is", Hashtable(ordered=True),
     resolve_type("Collections.IDictionary"), "System.Boolean", "True"),
    ("[pscustomobject]@{} -is [psobject]", "-is", PSObject(), resolve_type("psobject"), "System.Boolean", "True"),
    ("(Get-Date) -is [datetime]", "-is", DATE, resolve_type("datetime"), "System.Boolean", "True"),
    ("'5' -as [int]", "-as", "5", resolve_type("int"), "System.Int32", "5"),
    ("'x' -as [int]", "-as", "x", resolve_type("int"), "", ""),
    ("5 -as [string]", "-as", 5, resolve_type("string"), "System.String", "5"),
    # bitwise
    ("5 -band 3", "-band", 5, 3, "System.Int32", "1"),
    ("5 -bor 3", "-bor", 5, 3, "System.Int32", "7"),
    ("5 -bxor 3", "-bxor", 5, 3, "System.Int32", "6"),
    ("1 -shl 31", "-shl", 1, 31, "System.Int32", "-2147483648"),
    ("1 -shl 32 (count masked)", "-shl", 1, 32, "System.Int32", "1"),
    ("-8 -shr 1", "-shr", -8, 1, "System.Int32", "-4"),
    ("[long]1 -shl 40", "-shl", Int64(1), 40, "System.Int64", "1099511627776"),
    ("[RegexOptions]::IgnoreCase -bor [RegexOptions]::Multiline", "-bor", OPTIONS["IgnoreCase"], OPTIONS["Multiline"],
     "System.Text.RegularExpressions.RegexOptions", "IgnoreCase, Multiline"),
    # logic and ranges
    ("1 -and 0", "-and", 1, 0, "System.Boolean", "False"),
    ("'' -or 'x'", "-or", "", "x", "System.Boolean", "True"),
    ("$true -xor $true", "-xor", True, True, "System.Boolean", "False"),
    ("1..5", "..", 1, 5, "System.Object[]", "1 2 3 4 5"),
    ("3..1", "..", 3, 1, "System.Object[]", "3 2 1"),
    ("-1..1", "..", -1, 1, "System.Object[]", "-1 0 1"),
    ("'1'..'3'", "..", "1", "3", "System.Object[]", "1 2 3"),
    ("1.5..3 (to even)", "..", 1.5, 3, "System.Object[]", "2 3"),
    ("[char]'a'..[char]'c' (5.1: character codes)", "..", Char("a"), Char("c"), "System.Object[]", "97 98 99"),
]


@pytest.mark.parametrize(("expression", "op", "left", "right", "net_type", "text"), RESULTS,
                         ids=[r[0] for r in RESULTS])
def test_binary(expression, op, left, right, net_type, text, ctx):
    assert shown(binary(op, left, right, ctx)) == (net_type, text)


ERRORS = [
    ("1 / 0", "/", 1, 0, "RuntimeException", "Attempted to divide by zero."),
    ("1 % 0", "%", 1, 0, "RuntimeException", "Attempted to divide by zero."),
    ("1.5d / 0", "/", Decimal("1.5"), 0, "RuntimeException", "Attempted to divide by zero."),
    ("1 + 'abc'", "+", 1, "abc", "InvalidCastFromStringToInteger",
     'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'),
    ("'abc' - 1", "-", "abc", 1, "InvalidCastFromStringToInteger",
     'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'),
    ("1 + @(2, 3)", "+", 1, [2, 3], "ConvertToFinalInvalidCastException",
     'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".'),
    ("@(1) - 1", "-", [1], 1, "MethodNotFound",
     "Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'."),
    ("@{} * 2", "*", Hashtable(), 2, "MethodNotFound",
     "Method invocation failed because [System.Collections.Hashtable] does not contain a method named 'op_Multiply'."),
    ("[pscustomobject]@{} + 1", "+", PSObject(), 1, "MethodNotFound",
     "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named "
     "'op_Addition'."),
    ("@{a=1} + 1", "+", Hashtable([("a", 1)]), 1, "AddHashTableToNonHashTable",
     "A hash table can only be added to another hash table."),
    ("@{a=1} + @{A=2}", "+", Hashtable([("a", 1)]), Hashtable([("A", 2)]), "System.ArgumentException",
     "Item has already been added. Key in dictionary: 'a'  Key being added: 'A'"),
    ("'a' -match '('", "-match", "a", "(", "InvalidRegularExpression", "The regular expression pattern ( is not valid."),
    ("'a' -replace 'a', 'b', 'c'", "-replace", "a", ["a", "b", "c"], "BadReplaceArgument",
     "The -replace operator allows only two elements to follow it, not 3."),
    ("'a' -like '[a'", "-like", "a", "[a", "RuntimeException",
     "The specified wildcard character pattern is not valid: [a"),
    ("'{0' -f 1", "-f", "{0", 1, "FormatError", "Error formatting a string: Input string was not in a correct format.."),
    ("'{1}' -f 1", "-f", "{1}", 1, "FormatError",
     "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of "
     "the argument list.."),
    ("'{0:h}' -f (Get-Date)", "-f", "{0:h}", DATE, "FormatError",
     "Error formatting a string: Input string was not in a correct format.."),
    ("'{0:Q}' -f 5", "-f", "{0:Q}", 5, "FormatError", "Error formatting a string: Format specifier was invalid.."),
    ("'a'..'e' (not valid in 5.1)", "..", "a", "e", "InvalidCastFromStringToInteger",
     'Cannot convert value "a" to type "System.Int32". Error: "Input string was not in a correct format."'),
    (f"1..{MAX_RANGE + 1} (emulator limit)", "..", 1, MAX_RANGE + 1, "System.OutOfMemoryException",
     "Exception of type 'System.OutOfMemoryException' was thrown."),
    ("'x' * 200000000", "*", "x", 200000000, "System.OutOfMemoryException",
     "Exception of type 'System.OutOfMemoryException' was thrown."),
    ("5 -is [NoSuchType]", "-is", 5, "NoSuchType", "InvalidCastFromStringToType",
     'Cannot convert the "NoSuchType" value of type "System.String" to type "System.Type".'),
    ("'a' -split 'b', 0, 'SimpleMatch,RegexMatch'", "-split", "a", ["b", 0, "SimpleMatch,RegexMatch"],
     "InvalidSplitOptionCombination", "Cannot combine SimpleMatch with RegexMatch."),
]


@pytest.mark.parametrize(("expression", "op", "left", "right", "error_id", "message"), ERRORS,
                         ids=[e[0] for e in ERRORS])
def test_binary_errors(expression, op, left, right, error_id, message, ctx):
    assert error_of(lambda: binary(op, left, right, ctx)) == (error_id, message)


def test_error_records_render_like_windows_powershell(ctx):
    categories = {}
    for name, op, left, right in (("divide", "/", 1, 0), ("regex", "-match", "a", "("),
                                  ("merge", "+", Hashtable([("a", 1)]), Hashtable([("a", 2)])),
                                  ("format", "-f", "{0", 1)):  # fmt: skip
        try:
            binary(op, left, right, ctx)
        except Exception as error:  # noqa: BLE001 - every case raises PSError
            categories[name] = str(error.record.CategoryInfo)
    assert categories == {
        "divide": "NotSpecified: (:) [], RuntimeException",
        "regex": "InvalidOperation: ((:String) [], RuntimeException",
        "merge": "OperationStopped: (:) [], ArgumentException",
        "format": "InvalidOperation: ({0:String) [], RuntimeException",
    }


UNARY = [
    ("-not 0", "-not", 0, "System.Boolean", "True"),
    ("!'x'", "!", "x", "System.Boolean", "False"),
    ("-'5'", "-", "5", "System.Int32", "-5"),
    ("-$null", "-", None, "System.Int32", "0"),
    ("-1.5", "-", 1.5, "System.Double", "-1.5"),
    ("+'2.5'", "+", "2.5", "System.Double", "2.5"),
    ("-bnot 5", "-bnot", 5, "System.Int32", "-6"),
    ("-split ' a  b c '", "-split", " a  b c ", "System.String[]", "a b c"),
    ("-join ('a', 'b')", "-join", ["a", "b"], "System.String", "ab"),
    (", 1", ",", 1, "System.Object[]", "1"),
]


@pytest.mark.parametrize(("expression", "op", "value", "net_type", "text"), UNARY, ids=[u[0] for u in UNARY])
def test_unary(expression, op, value, net_type, text, ctx):
    assert shown(unary(op, value, ctx)) == (net_type, text)


def test_unary_minus_on_text_that_is_not_a_number(ctx):
    assert error_of(lambda: unary("-", "abc", ctx)) == (
        "InvalidCastFromStringToInteger",
        'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."')


def test_match_sets_matches_for_scalars(ctx):
    assert binary("-match", "Server EX01 is up", r"(?<name>EX\d+) is (\w+)", ctx) is True
    assert list(ctx.matches.items()) == [("name", "EX01"), (1, "up"), (0, "EX01 is up")]


def test_failed_match_keeps_previous_matches(ctx):
    binary("-match", "abc", "b", ctx)
    binary("-match", "abc", "x", ctx)
    assert ctx.matches[0] == "b"


def test_match_on_collection_does_not_set_matches(ctx):
    binary("-match", ["abc"], "b", ctx)
    assert ctx.matches is None


def test_split_with_script_block_delimiter(ctx):
    result = binary("-split", "a::b::c::d", [lambda ch: ch in ("b", "c"), 2], ctx)
    assert list(result) == ["a::", "::c::d"]


def test_hashtable_addition_merges_in_order(ctx):
    merged = binary("+", Hashtable([("a", 1)]), Hashtable([("b", 2)]), ctx)
    assert list(merged.items()) == [("a", 1), ("b", 2)]


@pytest.mark.parametrize(
    ("op", "expected"),
    [("-ceq", ("-eq", True)), ("-ieq", ("-eq", False)), ("-in", ("-in", False)), ("-cin", ("-in", True)),
     ("-isnot", ("-isnot", False)), ("-inotin", ("-notin", False)), ("-creplace", ("-replace", True)),
     ("-ccontains", ("-contains", True))],
)
def test_operator_spellings(op, expected):
    assert split_operator(op) == expected


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [("*", "", True), ("a*z", "abcz", True), ("a*z", "abc", False), ("[abc]x", "bx", True), ("[a-c]x", "dx", False),
     ("?", "", False), ("EX0?", "ex01", True)],
)
def test_wildcard_match(pattern, text, expected):
    assert wildcard_match(pattern, text) is expected
