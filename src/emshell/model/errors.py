"""What a failed organization operation tells the cmdlet layer.

Every model exception carries the English message EMS prints, the .NET exception type the real
server raises (its short name ends up in ``CategoryInfo``), the ``ErrorCategory`` and a stable
``error_id`` the cmdlet layer can map to an Exchange error code.  Messages that could not be
verified against a capture are listed in ``APPROXIMATIONS.md``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

EXCHANGE_TASKS = "Microsoft.Exchange.Configuration.Tasks."


class ModelError(Exception):
    """Base of every model exception."""

    exception_type = "Microsoft.Exchange.Data.Common.LocalizedException"
    category = "NotSpecified"

    def __init__(
        self,
        message: str,
        *,
        target: Any = None,
        error_id: str | None = None,
        exception_type: str | None = None,
        category: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.target = target
        self.error_id = error_id or type(self).__name__
        if exception_type is not None:
            self.exception_type = exception_type
        if category is not None:
            self.category = category

    def __str__(self) -> str:
        return self.message


class ObjectNotFoundError(ModelError):
    """An identity matched nothing (``ManagementObjectNotFoundException``, ems-behaviour §4.1)."""

    exception_type = EXCHANGE_TASKS + "ManagementObjectNotFoundException"

    def __init__(self, identity: str, domain_controller: str, kind: str = ""):
        super().__init__(
            f"The operation couldn't be performed because object '{identity}' couldn't be found on "
            f"'{domain_controller}'.",
            target=identity,
        )
        self.identity = identity
        self.kind = kind


class AmbiguousIdentityError(ModelError):
    """An identity matched more than one object (``ManagementObjectAmbiguousException``)."""

    exception_type = EXCHANGE_TASKS + "ManagementObjectAmbiguousException"

    def __init__(self, identity: str, matches: list[Any] | None = None, kind: str = ""):
        super().__init__(
            f"The operation couldn't be performed because '{identity}' matches multiple entries.",
            target=identity,
        )
        self.identity = identity
        self.matches = list(matches or ())
        self.kind = kind


class AlreadyExistsError(ModelError):
    """A new object's name is taken (Active Directory's ``ADObjectAlreadyExistsException``)."""

    exception_type = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"

    def __init__(self, distinguished_name: str, domain_controller: str, name: str = ""):
        super().__init__(
            f"Active Directory operation failed on {domain_controller}. The object "
            f"'{distinguished_name}' already exists.",
            target=name,
        )
        self.distinguished_name = distinguished_name


class DomainRuleError(ModelError):
    """An Exchange rule refused the change (references, immutable properties, modes...)."""

    exception_type = EXCHANGE_TASKS + "TaskException"
    category = "InvalidOperation"


class PropertyValidationError(DomainRuleError):
    """A property value breaks its constraint (range, length, cross-property rule)."""

    exception_type = "Microsoft.Exchange.Data.DataValidationException"
    category = "InvalidData"


class ServiceError(ModelError):
    """A Windows service could not be started or stopped."""

    exception_type = "Microsoft.PowerShell.Commands.ServiceCommandException"
    category = "OpenError"


class ValueParseError(ModelError, ValueError):
    """Text that does not parse as an Exchange value type (``FormatException`` and friends)."""

    exception_type = "System.FormatException"
    category = "InvalidData"


def _shorten_words(text: str) -> str:
    """A hostile file's 900 KB value stays out of the one-line message: words of the problem
    over 80 characters keep their start and end."""
    import re

    return re.sub(r"\S{81,}", lambda m: m.group()[:40] + "..." + m.group()[-20:], text)


class OrgFileError(ModelError):
    """An organization file that cannot be used.  ``str()`` is one line:
    ``<file>:<line>: <field path>: <problem>`` (line and field when known)."""

    exception_type = "System.IO.InvalidDataException"
    category = "InvalidData"

    def __init__(self, filename: str, problem: str, line: int | None = None, field: str | None = None):
        where = filename if line is None else f"{filename}:{line}"
        shown = _shorten_words(problem)
        text = f"{where}: {field}: {shown}" if field else f"{where}: {shown}"
        super().__init__(" ".join(text.split("\n")))
        self.filename = filename
        self.line = line
        self.field = field
        self.problem = problem
