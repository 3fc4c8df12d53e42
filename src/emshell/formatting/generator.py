"""From objects to format records: the shape side of the formatter (5.1's
InnerFormatShapeCommand, FormatViewManager and the view generators in
FormatAndOutput/common/BaseFormattingCommand.cs, FormatViewGenerator_*.cs).

Rules kept from 5.1:

* every object is first offered "out of band": scalars (DefaultScalarTypes) and objects
  without properties print as their ToString(), error records in their error view -- even in
  the middle of a table, and even through Format-Table unless ``-Force`` is given;
* the first other object picks the view: a view of the requested shape for its type, else
  one generated from its properties (Out-Default: the type's first view of any shape, else a
  table for up to 4 properties and a list for more);
* a database view accepts only objects of its types; anything else goes out of band as a
  list of its properties.  A generated view accepts every object, so later objects of another
  type become rows of the first object's table (with empty cells);
* a generated table takes its columns from the first object (at most 10); a generated list
  shows each object's own properties;
* ``-GroupBy`` starts a new group whenever the key's value changes.
"""

from __future__ import annotations

from emshell.engine.psobject import type_names_of
from emshell.formatting import records as fr
from emshell.formatting.records import FormatRecord, TableHeader
from emshell.formatting.values import (
    ALIGN_UNDEFINED,
    default_alignment,
    display_name_property,
    display_string,
    enumerate_for_display,
    field_text,
    find_property,
    is_property_less,
    is_scalar,
    parse_alignment,
    read_property,
    smart_to_string,
    visible_properties,
)
from emshell.formatting.views import (
    CustomView,
    ListView,
    TableView,
    View,
    WideView,
    column_value,
    find_view,
    view_applies,
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

ERROR_RECORD = "System.Management.Automation.ErrorRecord"
# Types the console prints by ToString() although they have properties: a script block shows
# its text.
_TO_STRING_TYPES = frozenset({"System.Management.Automation.ScriptBlock"})
_TABLE_COLUMN_LIMIT = 10  # generated tables show at most 10 properties (FilterActiveAssociationList)
_GENERATED_TABLE_MAX_PROPERTIES = 4  # Out-Default: up to 4 properties a table, more a list


class FormatParameters:
    """What a Format-* command line asked for."""

    __slots__ = ("properties", "group_by", "autosize", "wrap", "hide_headers", "columns", "view",
                 "force", "expand")  # fmt: skip

    def __init__(self, properties: list | None = None, group_by: Any = None, *, autosize: bool = False,
                 wrap: bool = False, hide_headers: bool = False, columns: int = 0, view: str | None = None,
                 force: bool = False, expand: str | None = None):  # fmt: skip
        self.properties = properties or None  # PropertyExpression list
        self.group_by = group_by  # PropertyExpression or None
        self.autosize = autosize
        self.wrap = wrap
        self.hide_headers = hide_headers
        self.columns = columns
        self.view = view
        self.force = force
        self.expand = expand  # EnumOnly (default), CoreOnly, Both


class _Column:
    """A resolved column of a generated table: a property name or a calculated value."""

    __slots__ = ("label", "name", "expression", "format_string")

    def __init__(self, label: str, name: str | None, expression: Any = None, format_string: str | None = None):
        self.label = label
        self.name = name
        self.expression = expression
        self.format_string = format_string


class FormatGenerator:
    """One shape command's state (format-default when ``shape`` is None)."""

    def __init__(self, shape: str | None = None, parameters: FormatParameters | None = None,
                 enumeration_limit: int = 4, invoke: Callable[[Any, Any], list] | None = None,
                 buffer_width: int = 120):  # fmt: skip
        self.shape = shape
        self.parameters = parameters
        self.limit = enumeration_limit
        self.invoke = invoke
        self.buffer_width = buffer_width  # the error view cuts its + lines from this
        self.in_document = False
        self.in_group = False
        self.view: View | None = None
        self.active_shape = ""
        self.columns: list[_Column] = []
        self.group_key: Any = None
        self.group_by: Any = parameters.group_by if parameters else None  # -GroupBy, else the view's

    # ------------------------------------------------------------------ protocol

    def process(self, obj: Any) -> list[FormatRecord]:
        if obj is None:
            return []
        if isinstance(obj, FormatRecord):
            return [obj]
        expand = (self.parameters.expand if self.parameters else None) or "EnumOnly"
        items = None if expand.lower() == "coreonly" else enumerate_for_display(obj)
        if items is None:
            return self._process_one(obj)
        out: list[FormatRecord] = []
        if expand.lower() == "both":
            out.append(self._text("The following object supports IEnumerable:"))
            out.extend(self._out_of_band(obj, fallback=True) or [])
            count = len(items)
            out.append(self._text("The IEnumerable contains no objects." if count == 0 else
                                  "The IEnumerable contains the following object:" if count == 1 else
                                  f"The IEnumerable contains the following {count} objects:"))  # fmt: skip
        for item in items:
            if enumerate_for_display(item) is not None and not isinstance(item, FormatRecord):
                out.extend(self.process(item))
            else:
                out.extend(self._process_one(item))
        return out

    def end(self) -> list[FormatRecord]:
        out: list[FormatRecord] = []
        if self.in_group:
            out.append(fr.group_end())
            self.in_group = False
        if self.in_document:
            out.append(fr.end())
            self.in_document = False
        return out

    # ------------------------------------------------------------------ one object

    def _out_of_band_allowed(self) -> bool:
        return self.shape is None or self.parameters is None or not self.parameters.force

    def _process_one(self, obj: Any) -> list[FormatRecord]:
        if obj is None:
            return []
        if isinstance(obj, FormatRecord):
            return [obj]
        if self._out_of_band_allowed():
            oob = self._out_of_band(obj, fallback=False)
            if oob is not None:
                return oob
        out: list[FormatRecord] = []
        if not self.in_document:
            out.append(self._initialize(obj))
            self.in_document = True
        if self._out_of_band_allowed() and not self._applicable(obj):
            oob = self._out_of_band(obj, fallback=True)
            if oob is not None:
                out.extend(oob)
                return out
        grouping = self.group_by
        if not self.in_group:
            self.group_key = self._group_value(obj) if grouping is not None else None
            out.append(self._group_start(obj))
            self.in_group = True
        elif grouping is not None:
            key = self._group_value(obj)
            if not _same(key, self.group_key):
                self.group_key = key
                out.append(fr.group_end())
                out.append(self._group_start(obj))
        out.append(self._entry(obj))
        return out

    def _text(self, text: str) -> FormatRecord:
        return fr.entry("text", text, out_of_band=True)

    def _out_of_band(self, obj: Any, fallback: bool) -> list[FormatRecord] | None:
        names = type_names_of(obj)
        if ERROR_RECORD in names:
            from emshell.formatting.error_view import error_text

            return [fr.entry("complex", [(0, error_text(obj, self.buffer_width))], out_of_band=True)]
        if is_scalar(obj) or is_property_less(obj) or (names and names[0] in _TO_STRING_TYPES):
            return [self._text(display_string(obj))]
        if not fallback:
            return None
        fields = [(name, field_text(read_property(obj, name), self.limit)) for name in visible_properties(obj)]
        if not fields:
            return None
        return [fr.entry("list", fields, out_of_band=True)]

    def _applicable(self, obj: Any) -> bool:
        return self.view is None or view_applies(self.view, type_names_of(obj))

    # ------------------------------------------------------------------ choosing the view

    def _initialize(self, obj: Any) -> FormatRecord:
        params = self.parameters
        names = type_names_of(obj)
        shape = self.shape
        self.view = None
        if params is not None and params.view:
            self.view = find_view(names, shape, params.view)
            if self.view is None:
                _raise_unknown_view(params.view)
        elif params is not None and params.properties and shape is not None:
            self.view = None  # Format-* -Property always generates its view
        else:
            self.view = find_view(names, shape)
        if self.view is not None:
            shape = self.view.shape
        elif shape is None:
            shape = "table" if len(visible_properties(obj)) <= _GENERATED_TABLE_MAX_PROPERTIES else "list"
        self.active_shape = shape
        autosize = bool(params and params.autosize)
        if isinstance(self.view, TableView):
            autosize = autosize or self.view.autosize
            if self.group_by is None and self.view.group_by:
                from emshell.engine.property_expression import PropertyExpression

                self.group_by = PropertyExpression(self.view.group_by, self.view.group_by)
        hide = bool(params and params.hide_headers)
        if shape == "table":
            return fr.start("table", columns=self._table_headers(obj), hide_header=hide, autosize=autosize)
        if shape == "wide":
            return fr.start("wide", autosize=autosize, wide_columns=(params.columns if params else 0) or 0)
        return fr.start(shape)

    def _table_headers(self, obj: Any) -> list[TableHeader]:
        if isinstance(self.view, TableView):
            return [TableHeader(c.label, c.width, c.alignment) for c in self.view.columns]
        self.columns = []
        headers: list[TableHeader] = []
        properties = self.parameters.properties if self.parameters else None
        if properties:
            for expression in properties:
                if expression.is_calculated:
                    self._add_column(headers, obj, _Column(expression.label, None, expression, expression.format_string),
                                     expression.width or 0, parse_alignment(expression.alignment))  # fmt: skip
                    continue
                wildcard = _is_wildcard(expression.name or "")
                for name in expression.names_for(obj):
                    label = name if wildcard else expression.label
                    own = find_property(obj, name) or name
                    self._add_column(headers, obj, _Column(label, own, None, expression.format_string),
                                     expression.width or 0, parse_alignment(expression.alignment))  # fmt: skip
            return headers
        for name in visible_properties(obj)[:_TABLE_COLUMN_LIMIT]:
            self._add_column(headers, obj, _Column(name, name), 0, ALIGN_UNDEFINED)
        return headers

    def _add_column(self, headers: list[TableHeader], obj: Any, column: _Column, width: int, alignment: int) -> None:
        if alignment == ALIGN_UNDEFINED:
            alignment = default_alignment(self._column_value(obj, column))
        self.columns.append(column)
        headers.append(TableHeader(column.label, width, alignment))

    def _column_value(self, obj: Any, column: _Column) -> Any:
        if column.expression is not None:
            return self._calculate(column.expression, obj)
        if column.name is None or find_property(obj, column.name) is None:
            return None
        return read_property(obj, column.name)

    def _calculate(self, expression: Any, obj: Any) -> Any:
        if self.invoke is None:
            return None
        result = self.invoke(expression.script_block, obj)
        if not result:
            return None
        return result[0] if len(result) == 1 else list(result)

    # ------------------------------------------------------------------ groups

    def _group_value(self, obj: Any) -> Any:
        expression = self.group_by
        if expression is None:
            return None
        if expression.is_calculated:
            return self._calculate(expression, obj)
        return read_property(obj, expression.name or expression.label)

    def _group_start(self, obj: Any) -> FormatRecord:
        expression = self.group_by
        if expression is None:
            return fr.group_start()
        value = smart_to_string(self.group_key, self.limit)
        return fr.group_start(f"   {expression.label}: {value}")  # GroupStartDataIndentedAutoGeneratedLabel

    # ------------------------------------------------------------------ entries

    def _entry(self, obj: Any) -> FormatRecord:
        shape = self.active_shape
        wrap = bool(self.parameters and self.parameters.wrap)
        if shape == "table":
            return fr.entry("table", self._table_cells(obj), multiline=wrap)
        if shape == "list":
            return fr.entry("list", self._list_fields(obj))
        if shape == "wide":
            return fr.entry("wide", self._wide_text(obj))
        return fr.entry("complex", self._complex_paragraphs(obj))

    def _table_cells(self, obj: Any) -> list[tuple[str, int]]:
        if isinstance(self.view, TableView):
            return [(field_text(column_value(obj, c.value), self.limit), ALIGN_UNDEFINED) for c in self.view.columns]
        return [(field_text(self._column_value(obj, c), self.limit, c.format_string), ALIGN_UNDEFINED)
                for c in self.columns]  # fmt: skip

    def _list_fields(self, obj: Any) -> list[tuple[str, str]]:
        if isinstance(self.view, ListView):
            return [(label, field_text(column_value(obj, value), self.limit)) for label, value in self.view.items]
        properties = self.parameters.properties if self.parameters else None
        fields: list[tuple[str, str]] = []
        if not properties:
            for name in visible_properties(obj):
                fields.append((name, field_text(read_property(obj, name), self.limit)))
            return fields
        for expression in properties:
            if expression.is_calculated:
                value = self._calculate(expression, obj)
                fields.append((expression.label, field_text(value, self.limit, expression.format_string)))
                continue
            for name in expression.names_for(obj):
                own = find_property(obj, name)
                if own is None:
                    continue  # a named property the object lacks is left out of a list
                label = own if own.lower() != (expression.name or "").lower() else expression.label
                fields.append((label, field_text(read_property(obj, own), self.limit, expression.format_string)))
        return fields

    def _wide_text(self, obj: Any) -> str:
        if isinstance(self.view, WideView):
            return field_text(column_value(obj, self.view.value), self.limit)
        properties = self.parameters.properties if self.parameters else None
        if properties:
            expression = properties[0]
            if expression.is_calculated:
                return field_text(self._calculate(expression, obj), self.limit, expression.format_string)
            names = expression.names_for(obj)
            if not names or find_property(obj, names[0]) is None:
                return ""
            return field_text(read_property(obj, names[0]), self.limit, expression.format_string)
        name = display_name_property(obj)
        if name is None:
            visible = visible_properties(obj)
            name = visible[0] if visible else None
        if name is None:
            return display_string(obj)
        return field_text(read_property(obj, name), self.limit)

    def _complex_paragraphs(self, obj: Any) -> list[tuple[int, str]]:
        if isinstance(self.view, CustomView):
            rendered = self.view.render(obj)
            return rendered if isinstance(rendered, list) else [(0, rendered)]
        # Format-Custom without a view: "class Type { Name = value }", one level deep
        names = type_names_of(obj)
        short = names[0].rsplit(".", 1)[-1] if names else "Object"
        paragraphs = [(0, f"class {short}"), (0, "{")]
        for name in visible_properties(obj):
            paragraphs.append((2, f"{name} = {field_text(read_property(obj, name), self.limit)}"))
        paragraphs.append((0, "}"))
        return paragraphs


def _is_wildcard(name: str) -> bool:
    return any(ch in name for ch in "*?[")


def _same(a: Any, b: Any) -> bool:
    """Group keys compare as PowerShell's -eq does (strings without case)."""
    try:
        from emshell.engine.primitives import equals

        return bool(equals(a, b))
    except Exception:
        return a == b


def _raise_unknown_view(name: str) -> None:
    from emshell.engine.errors import PSError, new_error

    raise PSError(new_error("ArgumentException", f"The view name {name} cannot be found.",
                            "FormatViewNotFound", "InvalidArgument", name))  # fmt: skip
