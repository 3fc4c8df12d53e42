"""The in-memory Exchange organization that the UM cmdlets act on.

It imports nothing from the rest of emshell, so tests and the pytest plugin can use it alone::

    from emshell.model import Organization
    org = Organization.default()                  # the built-in contoso.com organization
    service = org.resolve("umService", "MyUMServer1")
    org.set_properties(service, {"UMStartupMode": "Dual"})

Modules: ``org`` (the Organization, its clock and GUID source), ``record`` / ``fields`` (the
record protocol and declared properties), ``servers`` / ``um`` / ``recipients`` /
``certificates`` (the records), ``values`` / ``enums`` (Exchange value types), ``identity``
(identity resolution), ``operations`` / ``telephony`` (changes and their rules), ``orgfile``
(YAML org files) and ``errors``.  Names below load their module on first use (start-up budget).
"""

from __future__ import annotations

_EXPORTS = {
    "Organization": "emshell.model.org",
    "OrgSettings": "emshell.model.org",
    "ModelError": "emshell.model.errors",
    "ObjectNotFoundError": "emshell.model.errors",
    "AmbiguousIdentityError": "emshell.model.errors",
    "AlreadyExistsError": "emshell.model.errors",
    "DomainRuleError": "emshell.model.errors",
    "PropertyValidationError": "emshell.model.errors",
    "ServiceError": "emshell.model.errors",
    "ValueParseError": "emshell.model.errors",
    "OrgFileError": "emshell.model.errors",
    "ENUMS": "emshell.model.enums",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'emshell.model' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
