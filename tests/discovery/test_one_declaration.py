"""One declaration per command: Get-Help, Get-Command -Syntax, tab completion and the binder
all read the same metadata, so each of them knows every parameter of every command.

Nothing is changed here; the test walks every registered command and asks each reader.
"""

import importlib
import re

import pytest
from discovery_support import new_shell

from emshell.cmdlets.index import COMMANDS
from emshell.engine import binder
from emshell.engine.cmdlet import REGISTRY
from emshell.engine.errors import PSError
from emshell.help.syntax import is_common
from emshell.repl.candidates import CandidateSource
from emshell.repl.catalog import CommandCatalog


def _registered() -> list[str]:
    for module in sorted(set(COMMANDS.values())):
        try:
            importlib.import_module(module)
        except ImportError:  # a module still being written
            continue
    return sorted(REGISTRY[name].metadata.name for name in COMMANDS if name in REGISTRY)


NAMES = _registered()


@pytest.fixture(scope="module")
def shell():
    return new_shell(width=4000)  # wide enough that no syntax line wraps


@pytest.mark.parametrize("name", NAMES)
def test_every_reader_knows_every_parameter(shell, name):
    metadata = shell.runspace.find_cmdlet(name).metadata
    catalog = CommandCatalog(shell.runspace)
    assert catalog.metadata(name) is metadata  # completion reads the binder's declaration

    full = shell.run(f"Get-Help {name} -Full").text
    syntax = shell.run(f"Get-Command {name} -Syntax").text
    _, candidates = CandidateSource(shell.runspace, catalog).complete(f"{name} -")
    completed = {candidate.text for candidate in candidates}
    help_heads = set(re.findall(r"^    -(\w+) ", full, re.MULTILINE))
    syntax_names = set(re.findall(r"-(\w+)\]?[ \]]", syntax))

    for parameter in metadata.parameters.values():
        assert "-" + parameter.name in completed, f"completion misses -{parameter.name}"
        _binds(metadata, parameter)
        if is_common(parameter):
            continue
        assert parameter.name in help_heads, f"Get-Help -Full misses -{parameter.name}"
        assert parameter.name in syntax_names, f"Get-Command -Syntax misses -{parameter.name}"


def _binds(metadata, parameter):
    """The binder accepts the parameter by its full name (whatever it then thinks of the value)."""
    value = True if parameter.is_switch else "x"
    element = binder.ParameterElement(parameter.name, value, True)
    try:
        binder.bind_command_line(metadata, [element], expects_pipeline_input=False)
    except PSError as error:
        assert not error.record.FullyQualifiedErrorId.startswith("NamedParameterNotFound"), parameter.name


def test_every_command_has_help_text(shell):
    """Each command has a synopsis; each parameter written for in emshell's own tables has a text."""
    from emshell.help.helpinfo import CommandHelpInfo

    missing = []
    for name in NAMES:
        info = CommandHelpInfo(shell.runspace.find_cmdlet(name).metadata)
        if not info.Synopsis or info.Synopsis == name:
            missing.append(name)
    assert missing == []


def test_written_texts_describe_only_parameters_that_exist(shell):
    """A text for a parameter the command does not declare means the two drifted apart."""
    from emshell.help import core_texts, exchange_texts

    stale = []
    for table in (core_texts.TEXTS, exchange_texts.TEXTS):
        for name, text in table.items():
            cls = shell.runspace.find_cmdlet(name)
            if cls is None:
                continue  # written ahead of a cmdlet that is not there yet
            declared = {p.name for p in cls.metadata.parameters.values()}
            stale += [f"{name} -{p}" for p in text.parameters if p not in declared]
    assert stale == []


# Examples that show a failure or wait for input by design.
_INTERACTIVE_OR_FAILING = {"Write-Error 'The dial plan was not found.'", "$server = Read-Host 'Server name'"}


def _examples():
    from emshell.help import core_texts, exchange_texts

    for table in (core_texts.TEXTS, exchange_texts.TEXTS):
        for name, text in table.items():
            for code, _ in text.examples:
                if "<" not in code and code not in _INTERACTIVE_OR_FAILING:  # <thumbprint> is a placeholder
                    yield pytest.param(code, id=f"{name}: {code[:40]}")


@pytest.mark.parametrize("code", list(_examples()))
def test_help_examples_run_in_the_built_in_organization(code):
    result = new_shell().run(code)
    assert result.ok, (result.error_ids, result.text)
