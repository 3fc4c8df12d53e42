"""The PowerShell language front end: grammar, lexer, parser and syntax tree."""
