"""Out-Default and Format-* output, byte for byte, as Windows PowerShell 5.1 lays it out.

Short cases are spelled out here; long ones live in ``golden/`` (run this module as a script to
rewrite them after a deliberate change, then review the diff).  ``show()`` in failure messages
marks blanks as ``·`` and line ends as ``¶``.
"""

import sys

import pytest
from formatting_support import (
    GOLDEN,
    Service,
    custom,
    dial_plan,
    golden,
    render,
    show,
    um_server,
)

from emshell.engine.dotnet import DateTime
from emshell.engine.errors import new_error
from emshell.engine.property_expression import PropertyExpression
from emshell.engine.psobject import Hashtable
from emshell.formatting.generator import FormatGenerator, FormatParameters
from emshell.formatting.outdefault import OutDefault

WHEN = DateTime.from_parts(2026, 11, 27, 14, 3, 4)


def fmt(objects, shape, params=None, width=120, limit=16, invoke=None):
    """A Format-* cmdlet (``shape``) piped to Out-Default."""
    generator = FormatGenerator(shape, params or FormatParameters(), limit, invoke, buffer_width=width)
    records = [record for obj in objects for record in generator.process(obj)] + generator.end()
    return render(records, width)


def prop(name):
    return PropertyExpression(name, name)


def calc(label, fn, **keys):
    """A calculated property whose "script block" is a Python function of $_."""
    return PropertyExpression(label, script_block=fn, **keys)


def run_script(block, obj):
    return [block(obj)]


# --------------------------------------------------------------------------- blank-line structure


@pytest.mark.parametrize(("objects", "expected"), [
    # a table: blank, header, dashes, rows, blank, blank
    ([custom(a=1)], "\na\n-\n1\n\n\n"),
    # a list (5+ properties): blank, blank, entry, blank after each entry, blank, blank
    ([custom(a=1, b=2, c=3, d=4, e=5)], "\n\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n\n\n"),
    ([custom(a=1, b=2, c=3, d=4, e=5)] * 2,
     "\n\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n\n\n"),
    # scalars print alone, $null prints nothing
    (["x", 1, 2.5, True], "x\n1\n2.5\nTrue\n"),
    ([None], ""),
    ([], ""),
    # a hashtable enumerates into Name/Value rows; an empty one prints nothing
    ([Hashtable()], ""),
    # a string in the middle of a table prints where it comes, the table goes on
    ([custom(a=1), "note", custom(a=22)], "\n a\n -\n 1\nnote\n22\n\n\n"),
    # a generated view takes every later object: one of another shape is an empty row
    ([custom(a=1), custom(b=2)], "\na\n-\n1\n \n\n\n"),
    # collections in the pipeline are shown item by item
    ([[1, [2, 3]]], "1\n2\n3\n"),
])  # fmt: skip
def test_out_default_structure(objects, expected):
    text = render(objects, 120)
    assert text == expected, show(text)


def test_console_keeps_the_last_column_free_but_out_string_does_not():
    # the hashtable view's Value column takes the rest of the line: 119 on the console
    table = Hashtable([("k", "v")])
    console = render([table], 120).split("\n")
    text = render([table], 120, console=False).split("\n")
    assert {len(line) for line in console if line} == {119}
    assert {len(line) for line in text if line} == {120}


def test_generated_table_waits_for_its_group_and_views_with_widths_stream():
    out = OutDefault(120)
    assert out.process(custom(a=1)) == "\n"  # the start's blank line; the rows wait to be measured
    assert out.end() == "a\n-\n1\n\n\n"
    out = OutDefault(120)
    assert out.process(Service("W32Time", "Windows Time")).startswith("\nStatus   Name")


def test_format_records_pass_through_and_close_what_format_default_opened():
    out = OutDefault(120)
    first = out.process(custom(a=1))
    generator = FormatGenerator("list")
    records = generator.process(custom(b=2)) + generator.end()
    text = first + "".join(out.process(r) for r in records) + out.end()
    assert text == "\na\n-\n1\n\n\n" + "\n\nb : 2\n\n\n\n", show(text)


def test_error_records_in_the_output_use_the_error_view():
    record = new_error("RuntimeException", "Something failed.", "Failure", "NotSpecified")
    text = render([record], 120)
    assert text == ("Something failed.\n"
                    "    + CategoryInfo          : NotSpecified: (:) [], RuntimeException\n"
                    "    + FullyQualifiedErrorId : Failure\n"
                    " \n")  # fmt: skip


def test_force_formats_scalars_with_format_list():
    text = fmt(["abc"], "list", FormatParameters(force=True))
    assert text == "\n\nLength : 3\n\n\n\n", show(text)
    assert fmt(["abc"], "list") == "abc\n"


# --------------------------------------------------------------------------- golden texts

USERS = [custom(Name="Administrator", Items=1520, Enabled=True, Created=DateTime.from_parts(2026, 1, 5, 9, 30, 0)),
         custom(Name="Journal Archive Mailbox For Contoso Legal Department Retention", Items=7, Enabled=False,
                Created=DateTime.from_parts(2025, 12, 31, 23, 59, 59)),
         custom(Name="DiscoverySearchMailbox", Items=0, Enabled=None, Created=None)]  # fmt: skip
USERS_LIST = [custom(Name="Administrator", Items=1520, Enabled=True, Ratio=0.75,
                     Created=DateTime.from_parts(2026, 1, 5, 9, 30, 0)),
              custom(Name="DiscoverySearchMailbox", Items=0, Enabled=None, Ratio=None, Created=None)]  # fmt: skip
NAMES = [custom(Name=n) for n in ("Default Policy", "DP-Sales", "DP-Engineering-Building-4", "Voicemail", "AA-Main",
                                  "HG1", "Gateway01")]  # fmt: skip
PLANS = [dial_plan("DP-Sales", 4), dial_plan("DP-Support", 4), dial_plan("DP-Global", 5, "E164"),
         dial_plan("DP-Lync", 5, "SipName")]  # fmt: skip
SERVERS = [um_server("EX01", "Dual", ("DP1", "DP2")), um_server("EX02-LONGER-SERVER-NAME-THAN-FITS")]
SETTINGS = Hashtable([("Name", "UM01"), ("Port", 5062), ("Modes", ["TCP", "TLS", "Dual"])])
UM_SERVICE = Service("MSExchangeUM", "Microsoft Exchange Unified Messaging", depends=(
    Service("RPCSS", "Remote Procedure Call (RPC)"),
    Service("MSExchangeADTopology", "Microsoft Exchange Active Directory Topology")))  # fmt: skip
DIGITS = calc("Digits", lambda o: o.NumberOfDigitsInExtension)

CASES = {
    # Format-List of an EMS object: RunspaceId first, names padded to the longest (27), long values
    # wrapped under the value column, all seven schedule entries (EMS's $FormatEnumerationLimit is 16)
    "um_server_list_80.txt": lambda: fmt([SERVERS[0]], "list", width=80),
    "um_server_list_120.txt": lambda: fmt([SERVERS[0]], "list", width=120),
    # the UMServer table view (an approximation): fixed widths, last column cut to the screen at 80
    "um_server_table_80.txt": lambda: render(SERVERS, 80),
    "um_server_table_120.txt": lambda: render(SERVERS, 120),
    "dial_plans_table_120.txt": lambda: render(PLANS, 120),
    # generated tables: measured from the data, numbers and booleans right-aligned; at 80 the last
    # column is squeezed and its header wraps
    "generated_table_120.txt": lambda: render(USERS, 120),
    "generated_table_80.txt": lambda: render(USERS, 80),
    "generated_list_120.txt": lambda: render(USERS_LIST, 120),
    "service_table_80.txt": lambda: render([Service("W32Time", "Windows Time"),
                                            Service("MSExchangeUM", "Microsoft Exchange Unified Messaging", "Stopped"),
                                            Service("MSExchangeUMCR", "Microsoft Exchange Unified Messaging Call "
                                                                      "Router Service")], 80),  # fmt: skip
    "service_list_120.txt": lambda: fmt([UM_SERVICE], "list"),
    "hashtable_120.txt": lambda: render([SETTINGS], 120),
    "hashtable_80.txt": lambda: render([SETTINGS], 80),
    "table_wrap_80.txt": lambda: fmt([
        custom(Name="DP-Sales", Digits=4,
               Description="Sales dial plan for the New York and Boston offices, four digit extensions, TelExtn URIs"),
        custom(Name="DP-Support-EMEA-And-APAC", Description="Support", Digits=5)],
        "table", FormatParameters([prop("Digits"), prop("Name"), prop("Description")], wrap=True), width=80),
    "table_columns_removed_80.txt": lambda: fmt([custom(
        Name="DP-Sales", Digits=4, Gateways="GW1",
        Description="Sales dial plan for the New York and Boston offices, four digit extensions, TelExtn URIs")],
        "table", FormatParameters(autosize=True), width=80),
    "table_autosize_80.txt": lambda: fmt(PLANS, "table", FormatParameters(autosize=True), width=80),
    # calculated columns: FormatString, Alignment; a measured table ignores their Width
    "table_calculated_120.txt": lambda: fmt(USERS, "table", FormatParameters([
        prop("Name"),
        calc("Items (k)", lambda o: (o.get_property("Items") or 0) / 1000, format_string="N2", alignment="Right",
             width=10),
        calc("State", lambda o: "on" if o.get_property("Enabled") else "off", alignment="Center", width=7),
        prop("Cr*")]), invoke=run_script),
    "table_hide_headers_120.txt": lambda: fmt(PLANS[:2], "table", FormatParameters([prop("Name"), prop("URIType")],
                                                                                  hide_headers=True)),  # fmt: skip
    "table_group_80.txt": lambda: fmt(PLANS, "table", FormatParameters([prop("Name"), prop("NumberOfDigitsInExtension")],
                                                                       prop("URIType")), width=80),  # fmt: skip
    "list_group_80.txt": lambda: fmt(PLANS[:3], "list", FormatParameters([prop("Name"), prop("URIType")], DIGITS),
                                     width=80, invoke=run_script),  # fmt: skip
    # wildcards expand to the object's names; a named property it lacks is left out of a list
    "list_calculated_80.txt": lambda: fmt(USERS_LIST, "list", FormatParameters([
        prop("N*"), calc("Summary", lambda o: f"{o.get_property('Name')} holds {o.get_property('Items')} items"),
        prop("Missing"), prop("Ratio")]), width=80, invoke=run_script),
    "wide_default_120.txt": lambda: fmt(NAMES, "wide"),
    "wide_autosize_120.txt": lambda: fmt(NAMES, "wide", FormatParameters(autosize=True)),
    "wide_columns_80.txt": lambda: fmt(NAMES, "wide", FormatParameters(columns=3), width=80),
    "datetime_120.txt": lambda: render([WHEN], 120),
    "custom_120.txt": lambda: fmt([custom(Name="UM01", Port=5062, Modes=["TCP", "TLS"])], "complex"),
    # inside a view's table: scalars print as they come, another type shows as a framed list
    "mixed_stream_120.txt": lambda: render([Service("W32Time", "Windows Time"), "a string inside the table", 42,
                                            custom(Id=7, Note="another type"),
                                            Service("WinRM", "Windows Remote Management (WS-Management)", "Stopped")],
                                           120),  # fmt: skip
    "scalars_120.txt": lambda: render(["text", 42, 2.5, True, None, [1, 2], WHEN, "after"], 120),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    text = CASES[name]()
    expected = golden(name)
    assert text == expected, f"{name}:\n{show(text)}\n--- expected ---\n{show(expected)}"


def test_a_collection_is_cut_at_the_column_edge_not_inside_its_braces():
    text = render([um_server("EX03", "TLS", ("DP-" + "x" * 50,))], 120)
    assert text.split("\n")[3] == f"EX03{' ' * 22}Enabled    TLS           {{DP-{'x' * 33}..."


if __name__ == "__main__":  # rewrite the golden files: python test_fmt_output.py
    for case, make in CASES.items():
        (GOLDEN / case).write_text(make(), encoding="utf-8")
        print("wrote", case, file=sys.stderr)
