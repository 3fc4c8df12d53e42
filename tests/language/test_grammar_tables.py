"""The grammar is conflict-free LALR(1), its states never mix lexing contexts, and the
cached tables are keyed, found and rebuilt as documented."""

from __future__ import annotations

import marshal

import pytest

from emshell.language import tables
from emshell.language.driver import ParserTables
from emshell.language.parser import tables as loaded_tables
from emshell.language.transformer import AstBuilder

lark = pytest.importorskip("lark")


def test_grammar_builds_with_strict_lalr():
    from emshell.language.lark_adapter import build_lark_parser

    parser, _ = build_lark_parser(strict=True)
    assert parser.options.parser == "lalr"


def test_strict_mode_rejects_a_conflict():
    """The strict build is a real check: one ambiguous rule makes it fail."""
    from lark.exceptions import GrammarError

    from emshell.language.lark_adapter import LarkLexer

    text = tables.grammar_text() + "\nstart2: expression | expression COMMA expression\n"
    text = text.replace("start: script_block", "start: script_block | start2")
    with pytest.raises(GrammarError):
        lark.Lark(text, parser="lalr", lexer=LarkLexer, strict=True, maybe_placeholders=False)


# Terminals that put the lexer in different modes: a state accepting terminals from two
# families would leave the lexer unable to tell, e.g., `-eq` (operator) from `-Name`
# (parameter).
FAMILIES = {
    "statement": {"COMMAND_NAME"},
    "argument": {"GENERIC", "PARAMETER", "PARAMETER_COLON", "DASHDASH"},
    "operator": {"BINOP", "PLUS", "MINUS", "POSTINC", "POSTDEC", "EQUALS", "ASSIGNOP"},
    "key": {"BAREWORD"},
    "string": {"DQ_MID", "HS_MID", "BW_MID", "DQ_END", "HS_END", "BW_END"},
    "function name": {"FUNCNAME"},
}


def test_no_state_mixes_lexing_contexts():
    parse_tables = loaded_tables()
    mixed = []
    for state in range(len(parse_tables.actions)):
        parse_tables.describe(state)
        accepts = parse_tables.accepts[state]
        families = [name for name, terminals in FAMILIES.items() if accepts & terminals]
        if len(families) > 1:
            mixed.append((state, families))
    assert mixed == []


def test_every_rule_has_its_callback():
    builder = AstBuilder(None)
    missing = sorted(
        {name for _, _, name, kind, _ in loaded_tables().rules if kind in (tables.CALL, tables.EXPAND1)}
        - {name for name in dir(builder) if not name.startswith("_")}
    )
    assert missing == []


def test_cache_key_covers_grammar_and_lark_version():
    text = tables.grammar_text()
    key = tables.cache_key(text, "1.2.3")
    assert key != tables.cache_key(text + "\n", "1.2.3")
    assert key != tables.cache_key(text, "1.2.4")
    assert tables.lark_version() == lark.__version__


def test_tables_are_rebuilt_and_cached(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    # An unwritable package directory (here: below a file): the user cache is used instead.
    monkeypatch.setattr(tables, "_PACKAGE_CACHE", str(blocker / "language"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = tables.load()
    written = list((tmp_path / "cache" / "emshell").glob("_tables.*.marshal"))
    assert [path.name for path in written] == [f"_tables.{data['key']}.marshal"]
    with open(written[0], "rb") as handle:
        assert marshal.load(handle)["actions"] == data["actions"]
    assert ParserTables(data).start == data["start"]


def test_grammar_is_found_in_the_source_tree():
    assert tables.grammar_path().replace("\\", "/").endswith("grammar/powershell.lark")
