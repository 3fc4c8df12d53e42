"""The Format-* and Out-* cmdlets: their declarations and what they write.

The cmdlets run here on a small stand-in runtime (``FakeRuntime``); script blocks are Python
functions of ``$_``.
"""

import pytest
from formatting_support import Service, custom, dial_plan, render, show, um_server

import emshell.cmdlets.format  # noqa: F401  (registers the cmdlets)
from emshell.engine.cmdlet import REGISTRY
from emshell.engine.errors import PSError
from emshell.engine.host import RecordingHost
from emshell.engine.psobject import Hashtable
from emshell.engine.scriptblock import ScriptBlock
from emshell.formatting.records import FormatRecord


class Block(ScriptBlock):
    """A script block whose body is a Python function of ``$_``."""

    __slots__ = ("fn", "source")

    def __init__(self, source, fn):
        self.fn = fn
        self.source = source

    @property
    def text(self):
        return self.source


class FakeSession:
    def __init__(self, variables):
        self.variables = variables

    def get_value(self, name, qualifier=None, default=None):
        return self.variables.get(name, default)


class FakeRuntime:
    def __init__(self, limit=16, width=120):
        self.session = FakeSession({"FormatEnumerationLimit": limit})
        self.host = RecordingHost(width)
        self.output = []

    def write_object(self, value, enumerate_collection=False):
        self.output.append(value)

    def invoke_script_block(self, block, args, dollar_under, use_new_scope):
        return [block.fn(dollar_under)]


def run(name, params, inputs=(), *, limit=16, width=120):
    """Run a cmdlet as a pipeline would: begin, process per input object, end."""
    runtime = FakeRuntime(limit, width)
    command = REGISTRY[name.lower()](runtime)
    command.params = dict(params)
    command.begin()
    for obj in inputs:
        command.params = dict(params, InputObject=obj)
        command.process()
    command.end()
    return runtime


@pytest.mark.parametrize(("name", "implementing_type", "module", "position_0", "switches"), [
    ("Format-Table", "Microsoft.PowerShell.Commands.FormatTableCommand", "Microsoft.PowerShell.Utility", "Property",
     {"AutoSize", "HideTableHeaders", "Wrap", "ShowError", "DisplayError", "Force"}),
    ("Format-List", "Microsoft.PowerShell.Commands.FormatListCommand", "Microsoft.PowerShell.Utility", "Property",
     {"ShowError", "DisplayError", "Force"}),
    ("Format-Wide", "Microsoft.PowerShell.Commands.FormatWideCommand", "Microsoft.PowerShell.Utility", "Property",
     {"AutoSize", "ShowError", "DisplayError", "Force"}),
    ("Format-Custom", "Microsoft.PowerShell.Commands.FormatCustomCommand", "Microsoft.PowerShell.Utility", "Property",
     {"ShowError", "DisplayError", "Force"}),
    ("Out-String", "Microsoft.PowerShell.Commands.OutStringCommand", "Microsoft.PowerShell.Utility", None, {"Stream"}),
    ("Out-Host", "Microsoft.PowerShell.Commands.OutHostCommand", "Microsoft.PowerShell.Core", None, {"Paging"}),
    ("Out-Default", "Microsoft.PowerShell.Commands.OutDefaultCommand", "Microsoft.PowerShell.Core", None,
     {"Transcript"}),
])  # fmt: skip
def test_declarations(name, implementing_type, module, position_0, switches):
    meta = REGISTRY[name.lower()].metadata
    assert (meta.implementing_type, meta.module) == (implementing_type, module)
    own = {p.name: p for p in meta.own_parameters}
    assert {n for n, p in own.items() if p.is_switch} == switches
    positional = [n for n, p in own.items() if p.set_info("__AllParameterSets").position == 0]
    assert positional == ([position_0] if position_0 else [])
    assert own["InputObject"].takes_pipeline_input


def rendered(runtime, width=120):
    assert all(isinstance(record, FormatRecord) for record in runtime.output)
    return render(runtime.output, width)


def test_format_table_with_calculated_properties():
    rate = Hashtable([("Name", "Rate"), ("Expression", Block(" $_.Count / 8 ", lambda o: o.get_property("Count") / 8)),
                      ("FormatString", "N1"), ("Alignment", "Left")])  # fmt: skip
    length = Block(" $_.Name.Length ", lambda o: len(o.get_property("Name")))
    runtime = run("Format-Table", {"Property": ["Name", rate, length]},
                  [custom(Name="UM01", Count=12), custom(Name="Voicemail", Count=3)])
    text = rendered(runtime)
    assert text == ("\n"
                    "Name      Rate $_.Name.Length\n"
                    "----      ---- --------------\n"
                    "UM01      1.5               4\n"
                    "Voicemail 0.4               9\n"
                    "\n\n"), show(text)  # fmt: skip


def test_format_list_star_shows_the_remoting_properties_too():
    runtime = run("Format-List", {"Property": ["*"]}, [dial_plan("DP1", 4)])
    lines = rendered(runtime).split("\n")
    assert lines[2:5] == ["PSComputerName            : ex01.contoso.com",
                          "RunspaceId                : 9f8c3b2a-1d4e-4c5f-8a6b-7c8d9e0f1a2b",
                          "PSShowComputerName        : False"]  # fmt: skip


def test_format_list_uses_format_enumeration_limit():
    runtime = run("Format-List", {"Property": ["GrammarGenerationSchedule"]}, [um_server("EX01")], limit=4)
    entry = next(record for record in runtime.output if record.kind == "entry")
    assert entry.payload == [("GrammarGenerationSchedule", "{Sun.2:00 AM-Sun.2:30 AM, Mon.2:00 AM-Mon.2:30 AM, "
                                                           "Tue.2:00 AM-Tue.2:30 AM, Wed.2:00 AM-Wed.2:30 AM...}")]


def test_format_table_group_by_property():
    runtime = run("Format-Table", {"Property": ["Name"], "GroupBy": "URIType"},
                  [dial_plan("A", 4), dial_plan("B", 4, "E164")])  # fmt: skip
    assert rendered(runtime) == "\n\n   URIType: TelExtn\n\nName\n----\nA   \n\n\n   URIType: E164\n\nName\n----\nB   \n\n\n"


def test_format_wide_refuses_autosize_with_column():
    with pytest.raises(PSError) as caught:
        run("Format-Wide", {"AutoSize": True, "Column": 3}, [custom(Name="x")])
    assert caught.value.record.message == "Cmdlet parameters AutoSize and Column are mutually exclusive."


def test_format_table_output_is_format_objects():
    runtime = run("Format-Table", {}, [custom(a=1)])
    assert [r.PS_TYPE_NAMES[0].rsplit(".", 1)[-1] for r in runtime.output] == [
        "FormatStartData", "GroupStartData", "FormatEntryData", "GroupEndData", "FormatEndData"]


def test_out_string_gives_one_string_at_the_full_width():
    runtime = run("Out-String", {}, [Hashtable([("k", "v")])], width=40)
    assert runtime.output == ["\nName                           Value    \n----                           -----    \n"
                              "k                              v        \n\n\n"]  # fmt: skip


def test_out_string_stream_and_width():
    runtime = run("Out-String", {"Stream": True, "Width": 20}, [Service("W32Time", "Windows Time"), "tail"])
    # 20 columns: DisplayName is dropped and Name squeezed to 11
    assert runtime.output == ["", "Status   Name       ", "------   ----       ", "Running  W32Time    ", "tail", "", ""]


def test_out_string_after_format_list():
    listing = run("Format-List", {}, [custom(Name="UM01")])
    assert run("Out-String", {}, listing.output).output == ["\n\nName : UM01\n\n\n\n"]


def test_out_string_without_input_is_empty():
    assert run("Out-String", {}).output == [""]


@pytest.mark.parametrize("name", ["Out-Host", "Out-Default"])
def test_out_host_writes_to_the_console(name):
    runtime = run(name, {}, ["one", custom(a=1)], width=80)
    assert runtime.output == []
    assert runtime.host.text == "one\n\na\n-\n1\n\n\n"


def test_out_default_transcript_only_shows_nothing():
    assert run("Out-Default", {"Transcript": True}, ["one"]).host.text == ""


def test_unknown_calculated_property_key_is_refused():
    with pytest.raises(PSError):
        run("Format-Wide", {"Property": Hashtable([("Expression", "Name"), ("Width", 5)])}, [custom(Name="x")])
