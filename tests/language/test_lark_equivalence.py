"""The run-time driver and real Lark build the same trees from the same grammar.

``parse`` never imports Lark: it runs a small LALR driver over cached tables.  Here the
grammar is compiled by Lark itself (``parser="lalr"``, the emshell lexer plugged in as a
custom lexer, ``AstBuilder`` as the transformer) and both parsers' trees are compared node by
node, extents included.  A grammar edit that the driver would replay differently fails here.
"""

from __future__ import annotations

import pytest
from ems_samples import SAMPLES
from test_parse_trees import CASES

from emshell.language import ast as A
from emshell.language import parse

lark = pytest.importorskip("lark")


@pytest.fixture(scope="module")
def lark_parser():
    from emshell.language.lark_adapter import build_lark_parser

    return build_lark_parser()


def same_tree(left, right, path="root"):
    """Compare two trees field by field, extents (offsets) included; ``source`` is skipped."""
    assert type(left) is type(right), f"{path}: {type(left).__name__} != {type(right).__name__}"
    if isinstance(left, A.Ast):
        assert (left.extent.start_offset, left.extent.end_offset) == (
            right.extent.start_offset,
            right.extent.end_offset,
        ), f"{path}: extents differ"
        for field in left._fields:
            if field == "source":
                continue
            same_tree(getattr(left, field), getattr(right, field), f"{path}.{field}")
    elif isinstance(left, tuple):
        assert len(left) == len(right), f"{path}: lengths differ"
        for i, (a, b) in enumerate(zip(left, right)):
            same_tree(a, b, f"{path}[{i}]")
    else:
        assert left == right, f"{path}: {left!r} != {right!r}"


def lark_parse(lark_parser, text):
    from emshell.language.lark_adapter import parse_with_lark

    parser, builder = lark_parser
    return parse_with_lark(parser, builder, text)


@pytest.mark.parametrize("source", [case[0] for case in CASES], ids=[repr(c[0])[:50] for c in CASES])
def test_statements(lark_parser, source):
    same_tree(parse(source), lark_parse(lark_parser, source))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_scripts(lark_parser, name):
    source = SAMPLES[name]
    same_tree(parse(source), lark_parse(lark_parser, source))


def test_generated_benchmark_script(lark_parser):
    import importlib.util
    import pathlib

    bench = pathlib.Path(__file__).resolve().parents[2] / "bench" / "parse.py"
    spec = importlib.util.spec_from_file_location("bench_parse", bench)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = module.generate_script(400)
    same_tree(parse(source), lark_parse(lark_parser, source))


@pytest.mark.parametrize("source", ["1 +", "if ($x) {", "Get-Foo | | x", "$x = @y", "(1 2)"])
def test_both_reject(lark_parser, source):
    from lark.exceptions import UnexpectedInput

    from emshell.engine.errors import ParseError

    with pytest.raises(ParseError):
        parse(source)
    with pytest.raises((UnexpectedInput, Exception)):
        lark_parse(lark_parser, source)
