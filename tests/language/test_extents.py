"""Every node carries the extent of the source it came from.

The table gives, for a few sources, the text each kind of node covers; the sweep checks that
every node of every sample script has an extent inside the text and inside its parent's."""

from __future__ import annotations

import pytest
from ems_samples import SAMPLES

from emshell.language import ast as A
from emshell.language import parse


def nodes_of(tree, kind):
    return [node for node in tree.walk() if type(node) is kind]


@pytest.mark.parametrize(
    ("source", "kind", "texts"),
    [
        ("Get-Foo -Name:$x -Force", A.CommandParameterAst, ["-Name:$x", "-Force"]),
        ("Get-Foo -Name:$x -Force", A.CommandAst, ["Get-Foo -Name:$x -Force"]),
        ("  $a = 1 + 2  ", A.AssignmentStatementAst, ["$a = 1 + 2"]),
        ("$a = 1 + 2 * 3", A.BinaryExpressionAst, ["1 + 2 * 3", "2 * 3"]),
        ("$x.Name.Length", A.MemberExpressionAst, ["$x.Name.Length", "$x.Name"]),
        ("$s.Split(',')[0]", A.InvokeMemberExpressionAst, ["$s.Split(',')"]),
        ("$s.Split(',')[0]", A.IndexExpressionAst, ["$s.Split(',')[0]"]),
        ('"a $x b"', A.ExpandableStringExpressionAst, ['"a $x b"']),
        ('"a $x b"', A.VariableExpressionAst, ["$x"]),
        ('"a $(1) b"', A.SubExpressionAst, ["$(1)"]),
        ("if ($x) { 1 } else { 2 }", A.IfStatementAst, ["if ($x) { 1 } else { 2 }"]),
        ("if ($x) { 1 } else { 2 }", A.StatementBlockAst, ["{ 1 }", "{ 2 }"]),
        ("@{ a = 1 }", A.HashtableAst, ["@{ a = 1 }"]),
        ("{ param($a) $a }", A.ScriptBlockExpressionAst, ["{ param($a) $a }"]),
        ("{ param($a) $a }", A.ParamBlockAst, ["param($a)"]),
        ("[int]$x", A.ConvertExpressionAst, ["[int]$x"]),
        ("[int]$x", A.TypeConstraintAst, ["[int]"]),
        ("Get-Foo 2>&1 > out.txt", A.FileRedirectionAst, ["> out.txt"]),
        ("function f { 1 }", A.FunctionDefinitionAst, ["function f { 1 }"]),
        ("Get-A | Get-B", A.PipelineAst, ["Get-A | Get-B"]),
        ("try { 1 } catch [X] { 2 } finally { 3 }", A.CatchClauseAst, ["catch [X] { 2 }"]),
        (":l foreach ($a in $b) { }", A.ForEachStatementAst, [":l foreach ($a in $b) { }"]),
        ("$x++", A.UnaryExpressionAst, ["$x++"]),
        ("@'\nx\n'@", A.StringConstantExpressionAst, ["@'\nx\n'@"]),
    ],
)
def test_node_text(source, kind, texts):
    assert [node.extent.text for node in nodes_of(parse(source), kind)] == texts


def test_root_spans_the_whole_text():
    tree = parse("\n\nGet-Foo\n")
    assert (tree.extent.start_offset, tree.extent.end_offset) == (0, 10)
    assert tree.source.text == "\n\nGet-Foo\n"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_node_lies_inside_its_parent(name):
    source = SAMPLES[name]
    tree = parse(source)
    stack = [(tree, 0, len(source))]
    while stack:
        node, low, high = stack.pop()
        extent = node.extent
        assert extent is not None, type(node).__name__
        assert low <= extent.start_offset <= extent.end_offset <= high, (type(node).__name__, extent)
        for child in node.children():
            stack.append((child, extent.start_offset, extent.end_offset))
