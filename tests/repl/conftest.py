"""A session to complete in: a small fixed organization (completion_org.yaml), a few variables,
a function, an alias, and a sandbox with scripts and folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from emshell.engine.host import RecordingHost
from emshell.engine.runspace import Runspace
from emshell.engine.sandbox import Sandbox
from emshell.model import Organization
from emshell.repl.candidates import CandidateSource

ORG_FILE = Path(__file__).with_name("completion_org.yaml")

SESSION_SETUP = """
$service = Get-UMService -Identity MyUMServer1
$services = Get-UMService
$splat = @{ Identity = 'MyUMServer1' }
function Get-LabServer { param($Name, [switch]$Force) }
Set-Alias gus Get-UMService
"""

SANDBOX_FILES = (
    "Windows/system32/Configure-UM.ps1",
    "Windows/system32/notes.txt",
    "Windows/system32/Reports/",
    "Scripts/Enable UM.ps1",
    "Scripts/check.ps1",
)


@pytest.fixture(scope="module")
def completion_source(tmp_path_factory) -> CandidateSource:
    root = tmp_path_factory.mktemp("sandbox")
    for relative in SANDBOX_FILES:
        path = root / relative
        if relative.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("# script\n", encoding="utf-8")
    org = Organization.load(ORG_FILE)
    runspace = Runspace(RecordingHost(), org=org, sandbox=Sandbox(os.fspath(root)))
    outcome = runspace.execute(SESSION_SETUP)
    assert outcome.succeeded, runspace.host.text
    return CandidateSource(runspace)
