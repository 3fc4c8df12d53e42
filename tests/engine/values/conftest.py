"""Shared fixtures for the value-semantics specifications.

Every case reads like a line typed at the Windows PowerShell 5.1 prompt: the expression in the
test id, then the .NET type and the text PowerShell prints, or the error id and exact message.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from emshell.engine import dotnet
from emshell.engine.errors import PSError
from emshell.engine.primitives import DefaultContext, to_string, type_name

FROZEN_NOW = datetime(2026, 11, 27, 14, 3, 4, 56000)


@pytest.fixture(autouse=True)
def pinned_time_zone(monkeypatch):
    """Local time is UTC-05:00 for every test, so conversions are reproducible."""
    monkeypatch.setattr(dotnet, "LOCAL_OFFSET_MINUTES", -300)


@pytest.fixture
def ctx():
    return DefaultContext(now=FROZEN_NOW, guids=["0f8fad5b-d9cb-469f-a165-70867728950e"])


def shown(value):
    """(.NET type name, PowerShell's string form) of a result."""
    return type_name(value), to_string(value)


def error_of(thunk):
    """(FullyQualifiedErrorId, message) of the terminating error ``thunk`` raises."""
    with pytest.raises(PSError) as info:
        thunk()
    record = info.value.record
    return record.FullyQualifiedErrorId, record.message
