"""The English text of PowerShell's parser errors (``ParserStrings``), by error id.

The ids are PowerShell's resource keys; they become the FullyQualifiedErrorId of the error
record, so scripts and tests can match on them.  Texts are the Windows PowerShell 5.1 ones.
"""

from __future__ import annotations

PARSER_STRINGS = {
    "AmpersandNotAllowed": "The ampersand (&) character is not allowed. The & operator is reserved for "
    'future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
    "BadNumericConstant": "The numeric constant {0} is not valid.",
    "DuplicateScriptCommandClause": "Script command clause '{0}' has already been defined.",
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "EmptyVariableReference": "An empty ${{}} variable reference was found. A name is required inside the braces.",
    "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
    "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
    "ExpectedExpression": "An expression was expected after '('.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
    "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
    "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
    "IncompleteDollarSubexpressionReference": "$(subexpression) is missing the closing ')'.",
    "IncompleteDollarVariableReference": "${{variable}} reference starting is missing the closing '}}'.",
    "IncompleteHashLiteral": "The hash literal was incomplete.",
    "IncompleteString": "Incomplete string token.",
    "IncompleteSwitchStatement": "The switch statement was incomplete.",
    "InvalidEndOfLine": "The token '{0}' is not a valid statement separator in this version.",
    "InvalidLeftHandSide": "The assignment expression is not valid. The input to an assignment operator must be "
    "an object that is able to accept assignments, such as a variable or a property.",
    "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
    "InvalidVariableReference": "Variable reference is not valid. '$' was not followed by a valid variable name "
    "character. Consider using ${{}} to delimit the name.",
    "InvalidVariableReferenceWithDrive": "Variable reference is not valid. ':' was not followed by a valid "
    "variable name character. Consider using ${{}} to delimit the name.",
    "MissingArgument": "Missing argument in parameter list.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingCurlyBraceInSwitchStatement": "Missing '{{' in switch statement.",
    "MissingEndCurlyBrace": "Missing closing '}}' in statement block or type definition.",
    "MissingEndParenthesisAfterForeach": "Missing closing ')' after expression part of foreach loop.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch statement.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
    "MissingExpressionAfterToken": "Missing expression after '{0}'.",
    "MissingExpressionInNamedArgument": "Missing statement after '=' in named argument.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
    "MissingForeachExpression": "Missing expression in foreach loop.",
    "MissingForeachStatement": "Missing statement body in foreach loop.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingInInForeach": "Missing 'in' after variable in foreach loop.",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
    "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingTypeLiteralToken": "Missing type literal.",
    "MissingTypename": "Missing type name after '['.",
    "MissingVariableNameAfterForeach": "Missing variable name after foreach.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingEqualsInNamedArgument": 'The "=" operator is missing after a named argument.',
    "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "PipelineValueRequired": "A switch statement must have one of the following:  '-file file_name' or "
    "'( expression )'.",
    "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
    "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
    "SplattingNotPermitted": "The splatting operator '@' cannot be used to reference variables in an "
    "expression. '@{0}' can be used only as an argument to a command. To reference variables in an "
    "expression use '${0}'.",
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "UnexpectedCharactersAfterHereStringHeader": "No characters are allowed after a here-string header but "
    "before the end of the line.",
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "UnrecognizedToken": "Unrecognized token in source text.",
    "WhitespaceBeforeHereStringFooter": "White space is not allowed before the string terminator.",
}

# In Windows PowerShell 5.1 these foreach messages carry a second line with the correct form.
_FOREACH_FORM = "\nThe correct form is: foreach ($a in $b) {{...}}"
for _key in ("MissingForeachExpression", "MissingForeachStatement", "MissingVariableNameAfterForeach",
             "MissingInInForeach", "MissingEndParenthesisAfterForeach"):  # fmt: skip
    PARSER_STRINGS[_key] += _FOREACH_FORM


def message(error_id: str, *args) -> str:
    """The English message for ``error_id``, formatted with ``args`` like .NET's String.Format."""
    return PARSER_STRINGS[error_id].format(*args)
