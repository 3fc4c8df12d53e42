"""Object cmdlets: Where-Object, ForEach-Object, Select-Object, Sort-Object, Measure-Object,
Group-Object, Compare-Object, Get-Unique, New-Object, Add-Member (Microsoft.PowerShell.Utility
and Microsoft.PowerShell.Core in Windows PowerShell 5.1)."""

from __future__ import annotations

from emshell.engine import members
from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError, new_error
from emshell.engine.metadata import CommandMetadata, ParameterSetInfo, Validation, parameter
from emshell.engine.metadata import ParameterMetadata as P
from emshell.engine.primitives import compare, enumerate_value, equals, is_true, to_string
from emshell.engine.property_expression import (
    PropertyExpression,
    expand_properties,
    get_property,
    parse_property_argument,
)
from emshell.engine.psobject import (
    PSCUSTOMOBJECT_TYPE_NAMES,
    Hashtable,
    PSObject,
    ScriptProperty,
    type_names_of,
)
from emshell.engine.scriptblock import ScriptBlock

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

CORE = "Microsoft.PowerShell.Core"
UTILITY = "Microsoft.PowerShell.Utility"
COMMANDS = "Microsoft.PowerShell.Commands."


def _input_object(**kwargs: Any) -> P:
    return parameter("InputObject", "PSObject", pipeline=True, **kwargs)


# =========================================================================== Where-Object

# (switch name, operator, case-sensitive variant) in the order 5.1 declares them
_WHERE_OPERATORS = (
    ("EQ", "-eq"), ("CEQ", "-ceq"), ("NE", "-ne"), ("CNE", "-cne"), ("GT", "-gt"), ("CGT", "-cgt"),
    ("LT", "-lt"), ("CLT", "-clt"), ("GE", "-ge"), ("CGE", "-cge"), ("LE", "-le"), ("CLE", "-cle"),
    ("Like", "-like"), ("CLike", "-clike"), ("NotLike", "-notlike"), ("CNotLike", "-cnotlike"),
    ("Match", "-match"), ("CMatch", "-cmatch"), ("NotMatch", "-notmatch"), ("CNotMatch", "-cnotmatch"),
    ("Contains", "-contains"), ("CContains", "-ccontains"), ("NotContains", "-notcontains"),
    ("CNotContains", "-cnotcontains"), ("In", "-in"), ("CIn", "-cin"), ("NotIn", "-notin"),
    ("CNotIn", "-cnotin"), ("Is", "-is"), ("IsNot", "-isnot"),
)  # fmt: skip

_WHERE_ALIASES = {"EQ": ("IEQ",), "NE": ("INE",), "GT": ("IGT",), "LT": ("ILT",), "GE": ("IGE",),
                  "LE": ("ILE",), "Like": ("ILike",), "NotLike": ("INotLike",), "Match": ("IMatch",),
                  "NotMatch": ("INotMatch",), "Contains": ("IContains",), "NotContains": ("INotContains",),
                  "In": ("IIn",), "NotIn": ("INotIn",)}  # fmt: skip


def _where_metadata() -> CommandMetadata:
    sets = ["EqualSet" if name == "EQ" else
            {"CEQ": "CaseSensitiveEqualSet", "NE": "NotEqualSet", "CNE": "CaseSensitiveNotEqualSet",
             "GT": "GreaterThanSet", "CGT": "CaseSensitiveGreaterThanSet", "LT": "LessThanSet",
             "CLT": "CaseSensitiveLessThanSet", "GE": "GreaterOrEqualSet", "CGE": "CaseSensitiveGreaterOrEqualSet",
             "LE": "LessOrEqualSet", "CLE": "CaseSensitiveLessOrEqualSet", "Like": "LikeSet",
             "CLike": "CaseSensitiveLikeSet", "NotLike": "NotLikeSet", "CNotLike": "CaseSensitiveNotLikeSet",
             "Match": "MatchSet", "CMatch": "CaseSensitiveMatchSet", "NotMatch": "NotMatchSet",
             "CNotMatch": "CaseSensitiveNotMatchSet", "Contains": "ContainsSet",
             "CContains": "CaseSensitiveContainsSet", "NotContains": "NotContainsSet",
             "CNotContains": "CaseSensitiveNotContainsSet", "In": "InSet", "CIn": "CaseSensitiveInSet",
             "NotIn": "NotInSet", "CNotIn": "CaseSensitiveNotInSet", "Is": "IsSet",
             "IsNot": "IsNotSet"}[name] for name, _ in _WHERE_OPERATORS]  # fmt: skip
    params = [
        _input_object(),
        parameter("FilterScript", "ScriptBlock", position=0, mandatory=True, sets=("ScriptBlockSet",)),
        P("Property", "String", sets={s: ParameterSetInfo(s, 0, True) for s in sets}),
        P("Value", "Object", sets={s: ParameterSetInfo(s, 1) for s in sets}),
    ]
    for (name, _), set_name in zip(_WHERE_OPERATORS, sets):
        params.append(P(name, "SwitchParameter", aliases=_WHERE_ALIASES.get(name, ()),
                        sets={set_name: ParameterSetInfo(set_name, mandatory=name != "EQ")}))  # fmt: skip
    return CommandMetadata(
        "Where-Object", params, default_parameter_set="EqualSet", module=CORE, version="3.0.0.0",
        implementing_type=COMMANDS + "WhereObjectCommand",
        synopsis="Keeps only the pipeline objects for which a condition holds.",
    )  # fmt: skip


@cmdlet(_where_metadata())
class WhereObject(Cmdlet):
    def process(self) -> None:
        obj = self.params.get("InputObject")
        script = self.params.get("FilterScript")
        if script is not None:
            result = self.invoke_script_block(script, dollar_under=obj, use_new_scope=False)
            if is_true(result[0] if len(result) == 1 else result):
                self.write_object(obj)
            return
        name = self.params["Property"]
        value = get_property(obj, name)
        operator = next((op for switch, op in _WHERE_OPERATORS if self.params.get(switch)), None)
        if operator is None:
            if "Value" not in self.params:  # ``Where-Object Responding``: the property's truth
                if is_true(value):
                    self.write_object(obj)
                return
            operator = "-eq"
        from emshell.engine.operators import binary

        if is_true(binary(operator, value, self.params.get("Value"), self.context)):
            self.write_object(obj)


# =========================================================================== ForEach-Object


@cmdlet(CommandMetadata(
    "ForEach-Object",
    [
        _input_object(),
        parameter("Begin", "ScriptBlock", sets=("ScriptBlockSet",)),
        parameter("Process", "ScriptBlock[]", position=0, mandatory=True, sets=("ScriptBlockSet",)),
        parameter("End", "ScriptBlock", sets=("ScriptBlockSet",)),
        parameter("RemainingScripts", "ScriptBlock[]", remaining=True, sets=("ScriptBlockSet",)),
        parameter("MemberName", "String", position=0, mandatory=True, sets=("PropertyAndMethodSet",)),
        parameter("ArgumentList", "Object[]", remaining=True, sets=("PropertyAndMethodSet",),
                  aliases=("Args",)),
    ],
    default_parameter_set="ScriptBlockSet", module=CORE, version="3.0.0.0", supports_should_process=True,
    confirm_impact="Medium", implementing_type=COMMANDS + "ForEachObjectCommand",
    synopsis="Runs a script block, or reads a member, for each pipeline object.",
))  # fmt: skip
class ForEachObject(Cmdlet):
    def begin(self) -> None:
        scripts = list(self.params.get("Process") or []) + list(self.params.get("RemainingScripts") or [])
        begin = self.params.get("Begin")
        end = self.params.get("End")
        # Several positional script blocks: first is Begin, last is End (when three or more).
        if begin is None and len(scripts) > 1:
            begin = scripts.pop(0)
        if end is None and len(scripts) > 1:
            end = scripts.pop()
        self.process_scripts = scripts
        self.end_script = end
        if begin is not None:
            self._run(begin, None)

    def _run(self, script: ScriptBlock | None, dollar_under: Any) -> None:
        if script is None:
            return  # as in PowerShell: a $null among the script blocks is a step left out, not an error
        for item in self.invoke_script_block(script, dollar_under=dollar_under, use_new_scope=False):
            self.write_object(item)

    def process(self) -> None:
        obj = self.params.get("InputObject")
        if self.parameter_set_name == "PropertyAndMethodSet":
            self._member(obj)
            return
        for script in self.process_scripts:
            self._run(script, obj)

    def _member(self, obj: Any) -> None:
        name = self.params["MemberName"]
        args = list(self.params.get("ArgumentList") or [])
        if obj is None:
            return
        if args or _has_method(obj, name):
            value = members.invoke_method(obj, name, args, self.context)
        else:
            value = members.get_member(obj, name, self.context)
        self.write_object(value, enumerate_collection=True)

    def end(self) -> None:
        if self.end_script is not None:
            self._run(self.end_script, None)


def _has_method(obj: Any, name: str) -> bool:
    lower = name.lower()
    return any(row[0].lower() == lower and "Method" in row[1] for row in members.member_table(obj))


# =========================================================================== Select-Object


@cmdlet(CommandMetadata(
    "Select-Object",
    [
        _input_object(),
        parameter("Property", "Object[]", position=0, sets=("DefaultParameter", "SkipLastParameter")),
        parameter("ExcludeProperty", "String[]", sets=("DefaultParameter", "SkipLastParameter")),
        parameter("ExpandProperty", "String", sets=("DefaultParameter", "SkipLastParameter")),
        parameter("Unique", "SwitchParameter"),
        parameter("Last", "Int32", sets=("DefaultParameter",)),
        parameter("First", "Int32", sets=("DefaultParameter",)),
        parameter("Skip", "Int32", sets=("DefaultParameter",)),
        parameter("SkipLast", "Int32", sets=("SkipLastParameter",)),
        parameter("Wait", "SwitchParameter", sets=("DefaultParameter", "IndexParameter")),
        parameter("Index", "Int32[]", sets=("IndexParameter",)),
    ],
    default_parameter_set="DefaultParameter", module=UTILITY, version="3.1.0.0",
    implementing_type=COMMANDS + "SelectObjectCommand",
    synopsis="Picks properties of objects, or some of the objects, from the pipeline.",
))  # fmt: skip
class SelectObject(Cmdlet):
    def begin(self) -> None:
        self.expressions = [parse_property_argument(p, allowed_keys=("name", "label", "expression"))
                            for p in self.params.get("Property") or []]  # fmt: skip
        self.excluded = [str(p).lower() for p in self.params.get("ExcludeProperty") or []]
        self.seen: list = []
        self.buffer: list = []
        self.count = 0
        self.index_set = set(self.params.get("Index") or [])

    def process(self) -> None:
        obj = self.params.get("InputObject")
        position = self.count
        self.count += 1
        if self.bound("Index"):
            if position in self.index_set:
                self._emit(obj)
            return
        skip = self.params.get("Skip", 0)
        if position < skip:
            return
        if self.bound("Last") or self.bound("SkipLast"):
            self.buffer.append(obj)
            return
        if self.bound("First") and position - skip >= self.params["First"]:
            return
        self._emit(obj)

    def end(self) -> None:
        if self.bound("Last"):
            last = self.params["Last"]
            items = self.buffer[-last:] if last > 0 else []
            if self.bound("First"):
                items = self.buffer[: self.params["First"]] + [x for x in items if x not in self.buffer[: self.params["First"]]]
            for obj in items:
                self._emit(obj)
        elif self.bound("SkipLast"):
            count = self.params["SkipLast"]
            for obj in self.buffer[: max(0, len(self.buffer) - count)]:
                self._emit(obj)

    def _emit(self, obj: Any) -> None:
        expand = self.params.get("ExpandProperty")
        if self.expressions or (self.excluded and not expand):
            obj = self._select(obj)
        if expand:
            value = self._expand(obj, expand)
            if value is None:
                return
            items = enumerate_value(value)
            for item in items if items is not None else (value,):
                self._unique_write(item)
            return
        self._unique_write(obj)

    def _select(self, obj: Any) -> PSObject:
        expressions = self.expressions or [PropertyExpression("*", "*")]
        pairs = expand_properties(obj, expressions, self._invoke)
        if self.excluded:
            from emshell.engine.operators import wildcard_match

            pairs = [(n, v) for n, v in pairs if not any(wildcard_match(x, n) for x in self.excluded)]
        base = type_names_of(obj)
        # 5.1: a new PSCustomObject whose type names start with "Selected.<input type>", so the
        # input type's views no longer apply to it
        return PSObject(pairs, (f"Selected.{base[0] if base else 'System.Object'}",) + PSCUSTOMOBJECT_TYPE_NAMES)

    def _expand(self, obj: Any, name: str) -> Any:
        if isinstance(obj, PSObject) and obj.has_property(name):
            return obj.get_property(name)
        if not _has_property(obj, name):
            self.write_error(new_error(
                "PSArgumentException", f'Property "{name}" cannot be found.',
                f"ExpandPropertyNotFound,{COMMANDS}SelectObjectCommand", "InvalidArgument", obj,
            ))  # fmt: skip
            return None
        return get_property(obj, name)

    def _unique_write(self, obj: Any) -> None:
        if self.params.get("Unique"):
            if any(_objects_equal(obj, seen) for seen in self.seen):
                return
            self.seen.append(obj)
        self.write_object(obj)

    def _invoke(self, script: ScriptBlock, obj: Any) -> list:
        return self.invoke_script_block(script, dollar_under=obj)


def _has_property(obj: Any, name: str) -> bool:
    lower = name.lower()
    if isinstance(obj, Hashtable):
        return False
    return any(row[0].lower() == lower and "Propert" in row[1] for row in members.member_table(obj))


def _objects_equal(a: Any, b: Any) -> bool:
    if isinstance(a, PSObject) and isinstance(b, PSObject):
        left, right = list(a.items()), list(b.items())
        return len(left) == len(right) and all(
            n1.lower() == n2.lower() and equals(v1, v2) for (n1, v1), (n2, v2) in zip(left, right)
        )
    return equals(a, b)


# =========================================================================== Sort-Object


class _SortKey:
    """Orders values by PowerShell's comparison (nulls first, case-insensitive strings)."""

    __slots__ = ("values", "descending", "case_sensitive")

    def __init__(self, values: list, descending: list[bool], case_sensitive: bool):
        self.values = values
        self.descending = descending
        self.case_sensitive = case_sensitive

    def __lt__(self, other: _SortKey) -> bool:
        for mine, theirs, descending in zip(self.values, other.values, self.descending):
            order = _compare_for_sort(mine, theirs, self.case_sensitive)
            if order:
                return order > 0 if descending else order < 0
        return False


def _compare_for_sort(a: Any, b: Any, case_sensitive: bool) -> int:
    if a is None or b is None:
        return (a is not None) - (b is not None)
    try:
        return compare(a, b, case_sensitive)
    except PSError:
        return compare(to_string(a), to_string(b), case_sensitive)


@cmdlet(CommandMetadata(
    "Sort-Object",
    [
        parameter("Descending", "SwitchParameter"),
        parameter("Unique", "SwitchParameter"),
        _input_object(),
        parameter("Property", "Object[]", position=0),
        parameter("Culture", "String"),
        parameter("CaseSensitive", "SwitchParameter"),
    ],
    module=UTILITY, version="3.1.0.0", implementing_type=COMMANDS + "SortObjectCommand",
    synopsis="Sorts objects by property values.",
))  # fmt: skip
class SortObject(Cmdlet):
    def begin(self) -> None:
        self.items: list = []

    def process(self) -> None:
        if "InputObject" in self.params:
            self.items.append(self.params["InputObject"])

    def end(self) -> None:
        descending = bool(self.params.get("Descending"))
        case_sensitive = bool(self.params.get("CaseSensitive"))
        specs: list[tuple[PropertyExpression | None, bool]] = []
        for prop in self.params.get("Property") or []:
            expression = parse_property_argument(prop)
            direction = descending
            if isinstance(prop, Hashtable):
                for key in prop.keys():
                    lower = str(key).lower()
                    if "ascending".startswith(lower) and len(lower) > 1:
                        direction = not is_true(prop[key])
                    elif "descending".startswith(lower) and len(lower) > 1:
                        direction = is_true(prop[key])
            specs.append((expression, direction))
        if not specs:
            specs = [(None, descending)]

        def key(obj: Any) -> _SortKey:
            values = [obj if spec is None else spec.evaluate(obj, self._invoke) for spec, _ in specs]
            return _SortKey(values, [d for _, d in specs], case_sensitive)

        ordered = sorted(self.items, key=key)
        if self.params.get("Unique"):
            unique: list = []
            for obj in ordered:
                if not any(_objects_equal(obj, kept) for kept in unique):
                    unique.append(obj)
            ordered = unique
        for obj in ordered:
            self.write_object(obj)

    def _invoke(self, script: ScriptBlock, obj: Any) -> list:
        return self.invoke_script_block(script, dollar_under=obj)


# =========================================================================== Measure-Object


class GenericMeasureInfo(PSObject):
    __slots__ = ()

    def __init__(self, count: int, average: Any, total: Any, maximum: Any, minimum: Any, prop: Any):
        super().__init__(
            [("Count", count), ("Average", average), ("Sum", total), ("Maximum", maximum),
             ("Minimum", minimum), ("Property", prop)],
            (COMMANDS + "GenericMeasureInfo", COMMANDS + "MeasureInfo", "System.Object"),
        )  # fmt: skip


class TextMeasureInfo(PSObject):
    __slots__ = ()

    def __init__(self, lines: Any, words: Any, characters: Any, prop: Any):
        super().__init__(
            [("Lines", lines), ("Words", words), ("Characters", characters), ("Property", prop)],
            (COMMANDS + "TextMeasureInfo", COMMANDS + "MeasureInfo", "System.Object"),
        )  # fmt: skip


@cmdlet(CommandMetadata(
    "Measure-Object",
    [
        _input_object(),
        parameter("Property", "String[]", position=0),
        parameter("Sum", "SwitchParameter", sets=("GenericMeasure",)),
        parameter("Average", "SwitchParameter", sets=("GenericMeasure",)),
        parameter("Maximum", "SwitchParameter", sets=("GenericMeasure",)),
        parameter("Minimum", "SwitchParameter", sets=("GenericMeasure",)),
        parameter("Line", "SwitchParameter", sets=("TextMeasure",)),
        parameter("Word", "SwitchParameter", sets=("TextMeasure",)),
        parameter("Character", "SwitchParameter", sets=("TextMeasure",)),
        parameter("IgnoreWhiteSpace", "SwitchParameter", sets=("TextMeasure",)),
    ],
    default_parameter_set="GenericMeasure", module=UTILITY, version="3.1.0.0",
    implementing_type=COMMANDS + "MeasureObjectCommand",
    synopsis="Counts objects and computes sums, averages, minimums and maximums.",
))  # fmt: skip
class MeasureObject(Cmdlet):
    def begin(self) -> None:
        self.items: list = []

    def process(self) -> None:
        if "InputObject" in self.params:
            self.items.append(self.params["InputObject"])

    def end(self) -> None:
        if self.parameter_set_name == "TextMeasure":
            self._text()
            return
        props = self.params.get("Property") or [None]
        for prop in props:
            values = self.items if prop is None else [get_property(obj, prop) for obj in self.items]
            if prop is not None:
                values = [v for v in values if v is not None]
            self._generic(values, prop)

    def _number(self, value: Any) -> float:
        from emshell.engine.conversion import ConversionError, convert_to

        try:
            return convert_to(value, "double", self.context)
        except ConversionError as error:
            raise PSError(new_error(
                "PSInvalidOperationException",
                f'Input object "{to_string(value)}" is not numeric.',
                f"NonNumericInputObject,{COMMANDS}MeasureObjectCommand", "InvalidType", value,
            )) from error  # fmt: skip

    def _generic(self, values: list, prop: str | None) -> None:
        want_sum = self.params.get("Sum")
        want_avg = self.params.get("Average")
        want_max = self.params.get("Maximum")
        want_min = self.params.get("Minimum")
        total = average = maximum = minimum = None
        if want_sum or want_avg:
            numbers = [self._number(v) for v in values]
            total = sum(numbers) if want_sum else None
            average = sum(numbers) / len(numbers) if want_avg and numbers else None
        if want_max or want_min:
            comparable = list(values)
            if comparable:
                if all(not isinstance(v, str) for v in comparable):
                    comparable = [self._number(v) for v in comparable]
                ordered = sorted(comparable, key=lambda v: _SortKey([v], [False], False))
                maximum = ordered[-1] if want_max else None
                minimum = ordered[0] if want_min else None
        self.write_object(GenericMeasureInfo(len(values), average, total, maximum, minimum, prop))

    def _text(self) -> None:
        text_values = [to_string(v) for v in self.items]
        lines = sum(len([ln for ln in t.splitlines() if ln.strip() or not self.params.get("IgnoreWhiteSpace")])
                    for t in text_values)  # fmt: skip
        words = sum(len(t.split()) for t in text_values)
        chars = sum(len(t.replace(" ", "") if self.params.get("IgnoreWhiteSpace") else t) for t in text_values)
        self.write_object(TextMeasureInfo(
            lines if self.params.get("Line") else None, words if self.params.get("Word") else None,
            chars if self.params.get("Character") else None, None,
        ))  # fmt: skip


# =========================================================================== Group-Object


class GroupInfo(PSObject):
    __slots__ = ()

    def __init__(self, name: str, values: list, group: list, no_element: bool):
        props: list[tuple[str, Any]] = [("Count", len(group)), ("Name", name)]
        if not no_element:
            props.append(("Group", group))
        props.append(("Values", values))
        type_name = COMMANDS + ("GroupInfoNoElement" if no_element else "GroupInfo")
        super().__init__(props, (type_name, COMMANDS + "GroupInfo", "System.Object") if no_element
                         else (type_name, "System.Object"))  # fmt: skip


@cmdlet(CommandMetadata(
    "Group-Object",
    [
        parameter("NoElement", "SwitchParameter"),
        parameter("AsHashTable", "SwitchParameter", sets=("HashTable",), aliases=("AHT",)),
        parameter("AsString", "SwitchParameter", sets=("HashTable",)),
        _input_object(),
        parameter("Property", "Object[]", position=0),
        parameter("Culture", "String"),
        parameter("CaseSensitive", "SwitchParameter"),
    ],
    module=UTILITY, version="3.1.0.0", implementing_type=COMMANDS + "GroupObjectCommand",
    synopsis="Groups objects that have the same value for the given properties.",
))  # fmt: skip
class GroupObject(Cmdlet):
    def begin(self) -> None:
        self.groups: list[tuple[list, list]] = []  # (key values, members)
        self.expressions = [parse_property_argument(p) for p in self.params.get("Property") or []]

    def process(self) -> None:
        if "InputObject" not in self.params:
            return
        obj = self.params["InputObject"]
        if self.expressions:
            keys = [e.evaluate(obj, self._invoke) for e in self.expressions]
        else:
            keys = [obj]
        case_sensitive = bool(self.params.get("CaseSensitive"))
        for values, group in self.groups:
            if len(values) == len(keys) and all(
                equals(to_string(a), to_string(b), case_sensitive) for a, b in zip(values, keys)
            ):
                group.append(obj)
                return
        self.groups.append((keys, [obj]))

    def end(self) -> None:
        if self.params.get("AsHashTable"):
            table = Hashtable()
            for values, group in self.groups:
                key = values[0] if len(values) == 1 else values
                table[to_string(key) if self.params.get("AsString") else key] = group
            self.write_object(table)
            return
        for values, group in self.groups:
            name = ", ".join(to_string(v) for v in values)
            self.write_object(GroupInfo(name, values, group, bool(self.params.get("NoElement"))))

    def _invoke(self, script: ScriptBlock, obj: Any) -> list:
        return self.invoke_script_block(script, dollar_under=obj)


# =========================================================================== Compare-Object


@cmdlet(CommandMetadata(
    "Compare-Object",
    [
        parameter("ReferenceObject", "PSObject[]", position=0, mandatory=True, allow_empty_collection=True),
        parameter("DifferenceObject", "PSObject[]", position=1, mandatory=True, pipeline=True,
                  allow_empty_collection=True),
        parameter("SyncWindow", "Int32"),
        parameter("Property", "Object[]"),
        parameter("ExcludeDifferent", "SwitchParameter"),
        parameter("IncludeEqual", "SwitchParameter"),
        parameter("PassThru", "SwitchParameter"),
        parameter("Culture", "String"),
        parameter("CaseSensitive", "SwitchParameter"),
    ],
    module=UTILITY, version="3.1.0.0", implementing_type=COMMANDS + "CompareObjectCommand",
    synopsis="Compares two sets of objects and shows which side each difference is on.",
))  # fmt: skip
class CompareObject(Cmdlet):
    def begin(self) -> None:
        self.difference: list = []

    def process(self) -> None:
        value = self.params.get("DifferenceObject")
        items = enumerate_value(value)
        self.difference.extend(items if items is not None else [value])

    def end(self) -> None:
        reference = list(self.params.get("ReferenceObject") or [])
        expressions = [parse_property_argument(p) for p in self.params.get("Property") or []]
        case_sensitive = bool(self.params.get("CaseSensitive"))

        def key(obj: Any) -> list:
            if not expressions:
                return [obj]
            return [e.evaluate(obj, lambda s, o: self.invoke_script_block(s, dollar_under=o)) for e in expressions]

        def same(a: Any, b: Any) -> bool:
            return all(equals(x, y, case_sensitive) for x, y in zip(key(a), key(b)))

        # PowerShell lists equal objects first, then difference-only, then reference-only ones.
        unmatched = list(self.difference)
        equal: list = []
        reference_only: list = []
        for ref in reference:
            for i, diff in enumerate(unmatched):
                if same(ref, diff):
                    del unmatched[i]
                    equal.append(ref)
                    break
            else:
                reference_only.append(ref)
        results: list[tuple[Any, str]] = []
        if self.params.get("IncludeEqual") or self.params.get("ExcludeDifferent"):
            results += [(obj, "==") for obj in equal]
        if not self.params.get("ExcludeDifferent"):
            results += [(obj, "=>") for obj in unmatched] + [(obj, "<=") for obj in reference_only]
        for obj, side in results:
            if self.params.get("PassThru"):
                self.write_object(obj)
            elif expressions:
                pairs = [(e.label, v) for e, v in zip(expressions, key(obj))]
                self.write_object(PSObject(pairs + [("SideIndicator", side)]))
            else:
                self.write_object(PSObject([("InputObject", obj), ("SideIndicator", side)]))


# =========================================================================== Get-Unique


@cmdlet(CommandMetadata(
    "Get-Unique",
    [_input_object(), parameter("AsString", "SwitchParameter", sets=("AsString",)),
     parameter("OnType", "SwitchParameter", sets=("UniqueByType",))],
    default_parameter_set="AsString", module=UTILITY, version="3.1.0.0",
    implementing_type=COMMANDS + "GetUniqueCommand",
    synopsis="Drops adjacent duplicates from a sorted list.",
))  # fmt: skip
class GetUnique(Cmdlet):
    def begin(self) -> None:
        self.last: Any = _NOTHING

    def process(self) -> None:
        obj = self.params.get("InputObject")
        if self.params.get("OnType"):
            key = type_names_of(obj)[:1]
        else:
            key = to_string(obj)
        if self.last is not _NOTHING and key == self.last:
            return
        self.last = key
        self.write_object(obj)


_NOTHING = object()


# =========================================================================== New-Object / Add-Member


@cmdlet(CommandMetadata(
    "New-Object",
    [
        parameter("TypeName", "String", position=0, mandatory=True, sets=("Net",)),
        parameter("ArgumentList", "Object[]", position=1, sets=("Net",), aliases=("Args",)),
        parameter("ComObject", "String", position=0, mandatory=True, sets=("Com",)),
        parameter("Strict", "SwitchParameter", sets=("Com",)),
        parameter("Property", "IDictionary"),
    ],
    default_parameter_set="Net", module=UTILITY, version="3.1.0.0",
    implementing_type=COMMANDS + "NewObjectCommand",
    synopsis="Creates an instance of a .NET type.",
))  # fmt: skip
class NewObject(Cmdlet):
    def process(self) -> None:
        if self.parameter_set_name == "Com":
            self.throw_terminating_error(new_error(
                "PSArgumentException",
                f"Retrieving the COM class factory for component with CLSID {{{self.params['ComObject']}}} failed: "
                "emshell does not create COM objects.",
                f"NoCOMClassIdentified,{COMMANDS}NewObjectCommand", "ResourceUnavailable",
            ))  # fmt: skip
        from emshell.engine.conversion import resolve_type

        type_name = self.params["TypeName"]
        ptype = resolve_type(type_name)
        if ptype is None:
            self.throw_terminating_error(new_error(
                "PSArgumentException",
                f'Cannot find type [{type_name}]: verify that the assembly containing this type is loaded.',
                f"TypeNotFound,{COMMANDS}NewObjectCommand", "InvalidType",
            ))  # fmt: skip
        args = list(self.params.get("ArgumentList") or [])
        if ptype.full_name in ("System.Management.Automation.PSObject",
                               "System.Management.Automation.PSCustomObject", "System.Object"):  # fmt: skip
            obj: Any = PSObject()
        else:
            obj = members.invoke_static(ptype, "new", args, self.context)
        properties = self.params.get("Property")
        if isinstance(properties, Hashtable):
            for key, value in properties.items():
                if isinstance(obj, PSObject):
                    obj.set_property(to_string(key), value)
                else:
                    members.set_member(obj, to_string(key), value, self.context)
        self.write_object(obj)


_MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties",
                 "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                 "MemberSet", "Event", "Dynamic", "All")  # fmt: skip


@cmdlet(CommandMetadata(
    "Add-Member",
    [
        parameter("InputObject", "PSObject", mandatory=True, pipeline=True),
        P("MemberType", "PSMemberTypes", aliases=("Type",), accepted_values=_MEMBER_TYPES,
          sets={"MemberSet": ParameterSetInfo("MemberSet", 0, True)}),
        P("Name", "String", sets={"MemberSet": ParameterSetInfo("MemberSet", 1, True)}),
        P("Value", "Object", sets={"MemberSet": ParameterSetInfo("MemberSet", 2)}),
        P("SecondValue", "Object", sets={"MemberSet": ParameterSetInfo("MemberSet", 3)}),
        P("NotePropertyName", "String", validations=(Validation("ValidateNotePropertyName", *_MEMBER_TYPES),),
          sets={"NotePropertySingleMemberSet": ParameterSetInfo("NotePropertySingleMemberSet", 0, True)}),
        P("NotePropertyValue", "Object", sets={"NotePropertySingleMemberSet":
                                               ParameterSetInfo("NotePropertySingleMemberSet", 1, True)}),
        P("NotePropertyMembers", "IDictionary", sets={"NotePropertyMultiMemberSet":
                                                      ParameterSetInfo("NotePropertyMultiMemberSet", 0, True)}),
        parameter("TypeName", "String"),
        parameter("Force", "SwitchParameter"),
        parameter("PassThru", "SwitchParameter"),
    ],
    default_parameter_set="TypeNameSet", module=UTILITY, version="3.1.0.0",
    implementing_type=COMMANDS + "AddMemberCommand",
    synopsis="Adds properties or methods to an object.",
))  # fmt: skip
class AddMember(Cmdlet):
    def process(self) -> None:
        obj = self.params["InputObject"]
        target = obj if isinstance(obj, PSObject) else None
        if target is None:
            # A plain value cannot grow members; PowerShell wraps it, which only -PassThru shows.
            target = PSObject([("Value", obj)]) if not isinstance(obj, Hashtable) else None
        additions: list[tuple[str, Any, str]] = []
        set_name = self.parameter_set_name
        if set_name == "NotePropertySingleMemberSet":
            additions.append((self.params["NotePropertyName"], self.params["NotePropertyValue"], "NoteProperty"))
        elif set_name == "NotePropertyMultiMemberSet":
            table = self.params["NotePropertyMembers"]
            for key, value in table.items():
                additions.append((to_string(key), value, "NoteProperty"))
        elif "Name" in self.params:
            additions.append((self.params["Name"], self.params.get("Value"),
                              str(self.params.get("MemberType", "NoteProperty"))))  # fmt: skip
        for name, value, kind in additions:
            self._add(obj, target, name, value, kind.lower())
        if self.params.get("TypeName") and isinstance(target, PSObject):
            target.type_names = (self.params["TypeName"],) + target.type_names
        if self.params.get("PassThru"):
            self.write_object(target if target is not None else obj)

    def _add(self, obj: Any, target: PSObject | None, name: str, value: Any, kind: str) -> None:
        if isinstance(obj, Hashtable):
            obj[name] = value
            return
        assert target is not None
        if target.has_property(name) and not self.params.get("Force"):
            self.throw_terminating_error(new_error(
                "InvalidOperationException",
                f'Cannot add a member with the name "{name}" because a member with that name already exists. '
                "To overwrite the member anyway, add the Force parameter to your command.",
                f"MemberAlreadyExists,{COMMANDS}AddMemberCommand", "InvalidOperation",
            ))  # fmt: skip
        if kind == "scriptmethod":
            target.methods[name.lower()] = value
        elif kind == "scriptproperty":
            target.set_property(name, ScriptProperty(value, self.params.get("SecondValue")))
        elif kind == "aliasproperty":
            target.set_property(name, ScriptProperty(_AliasGetter(str(value))))
        else:
            target.set_property(name, value)


class _AliasGetter:
    """An AliasProperty: reads another property of the same object."""

    def __init__(self, name: str):
        self.name = name

