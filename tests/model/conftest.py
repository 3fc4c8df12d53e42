"""Fixtures for the organization model: the built-in org, and small orgs written as YAML."""

from __future__ import annotations

import textwrap

import pytest

from emshell.model.org import Organization

ONE_SERVER = """\
organization:
  domain: contoso.com
  localServer: EX01
  clock: "2023-06-01T10:00:00"
  epoch: "2023-05-01T09:00:00"
  seed: tests
servers:
  - Name: EX01
    roles: [Mailbox, ClientAccess]
dialPlans:
  - Name: TelDP
    NumberOfDigitsInExtension: 5
    CountryOrRegionCode: "1"
"""


def make_org(text: str) -> Organization:
    """An organization from YAML text (indentation is removed first)."""
    return Organization.from_text(textwrap.dedent(text), "test.yaml")


@pytest.fixture
def org() -> Organization:
    """A fresh copy of the built-in contoso.com organization."""
    return Organization.default()


@pytest.fixture
def small_org() -> Organization:
    """One 2016 server (Mailbox and Client Access) and one TelExtn dial plan."""
    return make_org(ONE_SERVER)


@pytest.fixture
def org_from_yaml():
    """Build an organization from YAML text: ``org_from_yaml(text)``."""
    return make_org
