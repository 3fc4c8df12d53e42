"""Source text -> PowerShell parse error: id, position and whether more input could finish it.

Positions follow PowerShell 5.1's parser: ``After(token)`` errors sit just past the token
(``1 +`` reports column 4), unclosed brackets point at the opening bracket, unexpected tokens
at the token.  ``incomplete`` is what the REPL uses to ask for a ``>>`` continuation line.
"""

from __future__ import annotations

import pytest

from emshell.engine.errors import ParseError
from emshell.language import parse

# (source, error id, line, column, incomplete input)
ERRORS = [
    ('1 +', 'ExpectedValueExpression', 1, 4, True),
    ('1 -eq', 'ExpectedValueExpression', 1, 6, True),
    ('$x =', 'ExpectedValueExpression', 1, 5, True),
    ('$x +=', 'ExpectedValueExpression', 1, 6, True),
    ('1 2', 'UnexpectedToken', 1, 3, False),
    ('$x foo', 'UnexpectedToken', 1, 4, False),
    ('Get-Foo | 1', 'ExpressionsMustBeFirstInPipeline', 1, 11, False),
    ('1 | $x', 'ExpressionsMustBeFirstInPipeline', 1, 5, False),
    ('1 | (Get-Foo)', 'ExpressionsMustBeFirstInPipeline', 1, 5, False),
    ('Get-Foo |', 'EmptyPipeElement', 1, 10, True),
    ('Get-Foo | | Get-Bar', 'EmptyPipeElement', 1, 10, False),
    ('Get-Foo -Name:', 'ParameterRequiresArgument', 1, 15, False),
    ('Get-Foo -Name: ;', 'ParameterRequiresArgument', 1, 15, False),
    ('Get-Foo ,a', 'MissingArgument', 1, 9, False),
    ('Get-Foo a,', 'MissingExpression', 1, 11, True),
    ('Get-Foo a, ;', 'MissingExpression', 1, 11, False),
    ('Get-Foo a && b', 'InvalidEndOfLine', 1, 11, False),
    ('Get-Foo a || b', 'InvalidEndOfLine', 1, 11, False),
    ('Get-Foo & b', 'AmpersandNotAllowed', 1, 9, False),
    ('Get-Foo < in.txt', 'RedirectionNotSupported', 1, 9, False),
    ('Get-Foo >', 'MissingFileSpecification', 1, 10, False),
    ('&', 'MissingExpression', 1, 1, False),
    ('. ', 'MissingExpression', 1, 1, False),
    ('(', 'ExpectedExpression', 1, 2, True),
    ('(1', 'MissingEndParenthesisInExpression', 1, 3, True),
    ('(1 + 2', 'MissingEndParenthesisInExpression', 1, 7, True),
    ('(1 2)', 'UnexpectedToken', 1, 4, False),
    ('()', 'ExpectedExpression', 1, 2, False),
    ('$(', 'MissingEndParenthesisInSubexpression', 1, 3, True),
    ('$(1', 'MissingEndParenthesisInSubexpression', 1, 4, True),
    ('@(', 'MissingEndParenthesisInSubexpression', 1, 3, True),
    ('@(1', 'MissingEndParenthesisInSubexpression', 1, 4, True),
    ('@{', 'IncompleteHashLiteral', 1, 3, True),
    ('@{ a = 1', 'IncompleteHashLiteral', 1, 9, True),
    ('@{ a', 'MissingEqualsInHashLiteral', 1, 5, False),
    ('@{ a =', 'MissingStatementInHashLiteral', 1, 7, True),
    ('@{ a = 1 b = 2 }', 'UnexpectedToken', 1, 10, False),
    ('{', 'MissingEndCurlyBrace', 1, 1, True),
    ('{ 1', 'MissingEndCurlyBrace', 1, 1, True),
    ('if ($x) {', 'MissingEndCurlyBrace', 1, 9, True),
    ('if ($x) { 1 } else {', 'MissingEndCurlyBrace', 1, 20, True),
    ('function f {', 'MissingEndCurlyBrace', 1, 12, True),
    ('switch ($x) {', 'MissingEndCurlyBrace', 1, 13, True),
    ('$x[', 'MissingArrayIndexExpression', 1, 4, True),
    ('$x[1', 'MissingEndSquareBracket', 1, 5, True),
    ('$x.Foo(', 'MissingEndParenthesisInMethodCall', 1, 8, True),
    ('$x.Foo(1', 'MissingEndParenthesisInMethodCall', 1, 9, True),
    ('$x.Foo(1,', 'MissingExpressionAfterToken', 1, 10, True),
    ('$x.', 'MissingPropertyName', 1, 4, True),
    ('$x. Name', 'MissingPropertyName', 1, 4, False),
    ('-not', 'MissingExpressionAfterOperator', 1, 5, True),
    ('!', 'MissingExpressionAfterOperator', 1, 2, True),
    (',', 'MissingExpressionAfterOperator', 1, 2, True),
    ('1,', 'MissingExpressionAfterToken', 1, 3, True),
    ('$a[0,', 'MissingExpressionAfterToken', 1, 6, True),
    ('if', 'MissingOpenParenthesisInIfStatement', 1, 3, True),
    ('if $x', 'MissingOpenParenthesisInIfStatement', 1, 3, False),
    ('if (', 'IfStatementMissingCondition', 1, 5, True),
    ('if ()', 'IfStatementMissingCondition', 1, 5, False),
    ('if ($x', 'MissingEndParenthesisAfterStatement', 1, 7, True),
    ('if ($x {', 'UnexpectedToken', 1, 8, False),
    ('if ($x)', 'MissingStatementBlock', 1, 7, True),
    ('if ($x) {} elseif', 'MissingOpenParenthesisInIfStatement', 1, 18, True),
    ('if ($x) {} else', 'MissingStatementBlockAfterElse', 1, 16, True),
    ('foreach', 'MissingOpenParenthesisAfterKeyword', 1, 8, True),
    ('foreach $x', 'MissingOpenParenthesisAfterKeyword', 1, 8, False),
    ('foreach (', 'MissingVariableNameAfterForeach', 1, 10, True),
    ('foreach ($x)', 'MissingInInForeach', 1, 12, False),
    ('foreach ($x in', 'MissingForeachExpression', 1, 15, True),
    ('foreach ($x in $y', 'MissingEndParenthesisAfterForeach', 1, 18, True),
    ('foreach ($x in $y)', 'MissingForeachStatement', 1, 19, True),
    ('for', 'MissingOpenParenthesisAfterKeyword', 1, 4, True),
    ('for (', 'MissingEndParenthesisAfterStatement', 1, 6, True),
    ('for ($i = 0', 'MissingEndParenthesisAfterStatement', 1, 12, True),
    ('for ($i = 0; $i -lt 1; $i++)', 'MissingLoopStatement', 1, 29, True),
    ('while', 'MissingOpenParenthesisAfterKeyword', 1, 6, True),
    ('while (', 'MissingExpressionAfterKeyword', 1, 8, True),
    ('while ($x', 'MissingEndParenthesisAfterStatement', 1, 10, True),
    ('while ($x)', 'MissingLoopStatement', 1, 11, True),
    ('do', 'MissingLoopStatement', 1, 3, True),
    ('do {}', 'MissingWhileOrUntilInDoWhile', 1, 6, True),
    ('do {} while', 'MissingOpenParenthesisAfterKeyword', 1, 12, True),
    ('do {} while (', 'MissingExpressionAfterKeyword', 1, 14, True),
    ('do {} until ($x', 'MissingEndParenthesisAfterStatement', 1, 16, True),
    ('switch', 'PipelineValueRequired', 1, 7, True),
    ('switch ($x', 'MissingEndParenthesisInSwitchStatement', 1, 11, True),
    ('switch ($x)', 'MissingCurlyBraceInSwitchStatement', 1, 12, True),
    ('switch -Foo ($x) {}', 'InvalidSwitchFlag', 1, 8, False),
    ('switch ($x) { 1 }', 'MissingSwitchStatementClause', 1, 16, False),
    ('switch ($x) { default {} default {} }', 'MultipleSwitchDefaultClauses', 1, 26, False),
    ('try', 'MissingTryStatementBlock', 1, 4, True),
    ('try {}', 'MissingCatchOrFinally', 1, 7, True),
    ('try {} catch', 'MissingCatchHandlerBlock', 1, 13, True),
    ('try {} catch [X],', 'MissingTypeLiteralToken', 1, 18, True),
    ('try {} finally', 'MissingFinallyStatementBlock', 1, 15, True),
    ('trap', 'MissingTrapStatement', 1, 5, True),
    ('function', 'MissingNameAfterKeyword', 1, 9, True),
    ('function f', 'MissingFunctionBody', 1, 11, True),
    ('function f(', 'MissingEndParenthesisInFunctionParameterList', 1, 12, True),
    ('function f($a', 'MissingEndParenthesisInFunctionParameterList', 1, 14, True),
    ('param(', 'MissingEndParenthesisInFunctionParameterList', 1, 7, True),
    ('begin', 'MissingNamedStatementBlock', 1, 6, True),
    ('{ begin }', 'MissingNamedStatementBlock', 1, 8, False),
    ('{ begin {} begin {} }', 'DuplicateScriptCommandClause', 1, 12, False),
    ('"abc', 'TerminatorExpectedAtEndOfString', 1, 1, True),
    ("'abc", 'TerminatorExpectedAtEndOfString', 1, 1, True),
    ('@"\nabc', 'TerminatorExpectedAtEndOfString', 1, 1, True),
    ("@'\nabc", 'TerminatorExpectedAtEndOfString', 1, 1, True),
    ('@"x\n"@', 'UnexpectedCharactersAfterHereStringHeader', 1, 3, False),
    ('"a $(1', 'TerminatorExpectedAtEndOfString', 1, 1, True),
    ('${abc', 'IncompleteDollarVariableReference', 1, 1, True),
    ('${}', 'EmptyVariableReference', 1, 3, False),
    ('"$x: y"', 'InvalidVariableReferenceWithDrive', 1, 2, False),
    ('$x:', 'InvalidVariableReferenceWithDrive', 1, 1, False),
    ('Get-Foo `', 'IncompleteString', 1, 10, True),
    ('<# abc', 'MissingTerminatorMultiLineComment', 1, 1, True),
    ('[', 'MissingTypename', 1, 2, True),
    ('[int', 'EndSquareBracketExpectedAtEndOfAttribute', 1, 5, True),
    ('[0]', 'UnexpectedToken', 1, 2, False),
    ('[int[', 'EndSquareBracketExpectedAtEndOfType', 1, 6, True),
    ('}', 'UnexpectedToken', 1, 1, False),
    (')', 'UnexpectedToken', 1, 1, False),
    ('1 = 2', 'InvalidLeftHandSide', 1, 1, False),
    ('"a" = 1', 'InvalidLeftHandSide', 1, 1, False),
    ('$x++ = 1', 'InvalidLeftHandSide', 1, 1, False),
    ('1 @a', 'SplattingNotPermitted', 1, 3, False),
    ('$x = @y', 'SplattingNotPermitted', 1, 6, False),
    ('x y; }', 'UnexpectedToken', 1, 6, False),
    ('$x = 1\n  + ', 'MissingExpressionAfterOperator', 2, 4, True),
    ('Get-Foo\n}', 'UnexpectedToken', 2, 1, False),
    ('if ($x) {\n  Get-Foo\n', 'MissingEndCurlyBrace', 1, 9, True),
    ("Get-Foo -Name 'x\n", 'TerminatorExpectedAtEndOfString', 1, 15, True),
    ('$a = @{\n  Name = 1\n', 'IncompleteHashLiteral', 2, 11, True),
    ('function Get-Foo {\n  param([string]$x\n}', 'MissingEndParenthesisInFunctionParameterList', 2, 19, False),
    ('foreach ($s in $servers) {\n  Set-UMService $s -UMStartupMode Dual\n', 'MissingEndCurlyBrace', 1, 26, True),
    ('Write-Host "Value: $value', 'TerminatorExpectedAtEndOfString', 1, 12, True),
    ('$x = (1 +', 'ExpectedValueExpression', 1, 10, True),
    ('$a -replace', 'ExpectedValueExpression', 1, 12, True),
    ('Get-Foo -Name x,', 'MissingExpression', 1, 17, True),
    ('1 -and', 'ExpectedValueExpression', 1, 7, True),
    ('$x.Method(1 2)', 'UnexpectedToken', 1, 13, False),
    ('Get-Foo ) ', 'UnexpectedToken', 1, 9, False),
    ('$h = @{ a = 1; b }', 'MissingEqualsInHashLiteral', 1, 17, False),
    ('& ', 'MissingExpression', 1, 1, False),
    ('Get-X -Name:,a', 'MissingArgument', 1, 13, False),
]


@pytest.mark.parametrize(("source", "error_id", "line", "column", "incomplete"), ERRORS,
                         ids=[repr(e[0])[:50] for e in ERRORS])  # fmt: skip
def test_parse_error(source, error_id, line, column, incomplete):
    with pytest.raises(ParseError) as caught:
        parse(source)
    first = caught.value.errors[0]
    assert (first.ErrorId, first.extent.start_line, first.extent.start_column, first.IncompleteInput) == (
        error_id,
        line,
        column,
        incomplete,
    )


# The exact English text of the messages (PowerShell's ParserStrings).
MESSAGES = [
    ("1 +", "You must provide a value expression following the '+' operator."),
    ("$x -EQ", "You must provide a value expression following the '-EQ' operator."),
    ("1 2", "Unexpected token '2' in expression or statement."),
    ("if ($x) {", "Missing closing '}' in statement block or type definition."),
    ("(1", "Missing closing ')' in expression."),
    ('"abc', 'The string is missing the terminator: ".'),
    ("'abc", "The string is missing the terminator: '."),
    ("()", "An expression was expected after '('."),
    ("-not", "Missing expression after unary operator '-not'."),
    ("if ()", "Missing condition in if statement after 'if ('."),
    ("IF ()", "Missing condition in if statement after 'IF ('."),
    ("Get-Foo -Name:", "Parameter -Name: requires an argument."),
    ("Get-Foo ,a", "Missing argument in parameter list."),
    ("Get-Foo a,", "Missing expression after ',' in pipeline element."),
    ("1,", "Missing expression after ','."),
    ("@{ a = 1", "The hash literal was incomplete."),
    ("@{ a", "Missing '=' operator after key in hash literal."),
    ("Get-Foo |", "An empty pipe element is not allowed."),
    ("1 | $x", "Expressions are only allowed as the first element of a pipeline."),
    ("$x = @y", "The splatting operator '@' cannot be used to reference variables in an expression. "
                "'@y' can be used only as an argument to a command. To reference variables in an "
                "expression use '$y'."),  # fmt: skip
    ("Get-Foo a && b", "The token '&&' is not a valid statement separator in this version."),
    ("foreach ($x in", "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"),
    ("while ($x)", "Missing statement body in while loop."),
    ("do {}", "Missing while or until keyword in do loop."),
    ("try {}", "The Try statement is missing its Catch or Finally block."),
    ("switch ($x)", "Missing '{' in switch statement."),
    ("function f", "Missing function body in function declaration."),
    ('"$x: y"', "Variable reference is not valid. ':' was not followed by a valid variable name character. "
                "Consider using ${} to delimit the name."),  # fmt: skip
    ("Get-Foo `", "Incomplete string token."),
    ("1 = 2", "The assignment expression is not valid. The input to an assignment operator must be an object "
              "that is able to accept assignments, such as a variable or a property."),  # fmt: skip
]


@pytest.mark.parametrize(("source", "message"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_message_text(source, message):
    with pytest.raises(ParseError) as caught:
        parse(source)
    assert caught.value.errors[0].Message == message


def test_error_record():
    with pytest.raises(ParseError) as caught:
        parse("if ($x) {")
    record = caught.value.record
    assert record.FullyQualifiedErrorId == "MissingEndCurlyBrace"
    assert record.CategoryInfo.Category == "ParserError"
    assert record.Exception.type_name == "System.Management.Automation.ParseException"
    assert str(record.CategoryInfo) == "ParserError: (:) [], ParseException"


@pytest.mark.parametrize(
    ("source", "extent_text"),
    [
        ("1 2", "2"),
        ("$x foo", "foo"),
        ('Write-Host "a', '"a'),
        ("if ($x) {", "{"),
        ("1 +", ""),
        ("1 | $x", "$x"),
    ],
)
def test_error_extent_text(source, extent_text):
    with pytest.raises(ParseError) as caught:
        parse(source)
    assert caught.value.errors[0].extent.text == extent_text


def test_script_path_in_extent():
    with pytest.raises(ParseError) as caught:
        parse("Get-Foo\n1 +", r"C:\Scripts\x.ps1")
    extent = caught.value.errors[0].extent
    assert (extent.file, extent.start_line, extent.start_column) == (r"C:\Scripts\x.ps1", 2, 4)
