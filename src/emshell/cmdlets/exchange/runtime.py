"""What every Exchange cmdlet shares: server-side errors, EMS output objects, atomic changes.

An Exchange cmdlet is written as a plain function of ``(cmd, params)`` and registered with
``@exchange_cmdlet("Set-UMService", ...)``; ``cmd`` is an ``ExchangeCmdlet`` that offers:

- ``cmd.resolve(kind, identity)``: one org record, or EMS's "couldn't be found" error;
- ``cmd.output(record)``: the object EMS returns (a detached copy, ``RunspaceId`` first);
- ``cmd.apply(record, changes, identity)``: set properties, print the model's notes as
  warnings, or EMS's "no settings ... have been modified" warning when nothing changed;
- ``cmd.should_process(target)`` with the cmdlet's own WhatIf/Confirm sentence.

Each input object is processed inside an organization transaction: a model error rolls the
organization back to exactly where it was and becomes a server-side error record (no
``At line:`` block, ``+ PSComputerName``), written as a non-terminating error so that the
next piped object is still processed, as the Exchange server does.
"""

from __future__ import annotations

from emshell.cmdlets.exchange import exchange_metadata
from emshell.cmdlets.exchange.types import MultiValuedEdit, multi_valued_change, register
from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import ErrorRecord, NetException, PSError
from emshell.engine.psobject import PSObject

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine.metadata import CommandMetadata, ParameterMetadata

REMOTE_EXCEPTION = "System.Management.Automation.RemoteException"

# Parameters every Exchange cmdlet accepts that only steer the server, not the result.
ADMINISTRATIVE_PARAMETERS = frozenset({"DomainController", "Confirm", "WhatIf", "Force", "IgnoreDefaultScope",
                                       "ReadFromDomainController", "Organization"})  # fmt: skip


def error_code(cmdlet_name: str, error_id: str) -> str:
    """Exchange's 8-hex-digit code of an error site: stable for the same cmdlet and error."""
    import zlib

    return f"{zlib.crc32(f'{cmdlet_name}:{error_id}'.encode()):08X}"


class ExchangeObject(PSObject):
    """An object as EMS returns it: a deserialized copy whose text is its identity."""

    __slots__ = ("text",)

    def __init__(self, properties: Any, type_names: tuple[str, ...], text: str):
        super().__init__(properties, type_names)
        self.text = text

    def ToString(self) -> str:
        return self.text

    __str__ = ToString


class ExchangeCmdlet(Cmdlet):
    """Base class of the Exchange cmdlets (see the module docstring)."""

    handler: Callable[[ExchangeCmdlet, dict[str, Any]], Any]
    whatif: str | None = None  # WhatIf/Confirm sentence, formatted with the bound parameters

    # ------------------------------------------------------------ the lifecycle

    def process(self) -> None:
        org = self.org
        try:
            with org.transaction():
                result = type(self).handler(self, self.params)
                if result is not None:
                    items = result if isinstance(result, (list, tuple)) or hasattr(result, "__next__") else [result]
                    for item in items:
                        self.write_object(item)
        except PSError:
            raise
        except Exception as error:  # noqa: BLE001 - only model errors are expected here
            from emshell.model import ModelError

            if not isinstance(error, ModelError):
                raise
            self.write_error(self.server_error(error))

    # ------------------------------------------------------------ helpers for handlers

    def resolve(self, kind: str, identity: Any, **options: Any) -> Any:
        return self.org.resolve(kind, identity, **options)

    def output(self, record: Any) -> ExchangeObject:
        """The object EMS hands back for a record: ``RunspaceId`` first, then its properties."""
        snapshot = record.snapshot()
        pairs = [("RunspaceId", self.runtime.runspace.runspace_id)]
        pairs.extend((name, getattr(snapshot, name)) for name in snapshot.PS_PROPERTIES)
        identity = getattr(snapshot, "Identity", None)
        text = str(identity) if identity is not None else str(getattr(snapshot, "Name", ""))
        return ExchangeObject(pairs, tuple(snapshot.PS_TYPE_NAMES), text)

    def changes(self, names: Any = None) -> dict[str, Any]:
        """The bound parameters that change properties, converted for the model."""
        skip = ADMINISTRATIVE_PARAMETERS | {"Identity"}
        chosen = names if names is not None else [
            name for name in self.params
            if name not in skip and not self._is_common(name)
        ]  # fmt: skip
        result: dict[str, Any] = {}
        for name in chosen:
            if name not in self.params:
                continue
            value = self.params[name]
            param = self.metadata.get(name)
            if param is not None and param.multi_valued:  # the binder let only @{Add=...; Remove=...} through
                value = multi_valued_change(value)
            if isinstance(value, MultiValuedEdit):
                value = value.as_model_change()
            result[name] = model_value(value)
        return result

    def _is_common(self, name: str) -> bool:
        param = self.metadata.get(name)
        return param is None or param.is_common

    def apply(self, record: Any, changes: dict[str, Any], identity: Any) -> Any:
        """Change a record; warn as EMS does about what the change means."""
        result = self.org.set_properties(record, changes)
        for note in result.notes:
            self.write_warning(note.text)
        if not result.changed:
            self.write_warning(
                f"The command completed successfully but no settings of '{identity}' have been modified."
            )
        return result

    def should_process(self, target: str, action: str | None = None, *, message: str | None = None) -> bool:
        if message is None and self.whatif is not None:
            message = self.whatif.format(target)
        return super().should_process(target, action, message=message)

    def server_error(self, error: Any) -> ErrorRecord:
        """A model error as the Exchange server reports it through EMS."""
        context = self.org.failure_context()
        short = error.exception_type.rsplit(".", 1)[-1]
        code = error_code(self.metadata.name, error.error_id)
        fqid = f"{context} [FailureCategory=Cmdlet-{short}] {code},{self.metadata.implementing_type}"
        record = ErrorRecord(NetException(REMOTE_EXCEPTION, error.message), fqid, error.category, None,
                             activity=self.metadata.name, target_name="", target_type="",
                             remote_computer=context.computer_name)  # fmt: skip
        record.CategoryInfo.Reason = short
        return record


def model_value(value: Any) -> Any:
    """Engine values the model understands: enum values as their names, lists as lists."""
    from emshell.engine.types import EnumValue

    if isinstance(value, EnumValue):
        return str(value)
    text = getattr(value, "argument_text", None)
    if text is not None:  # a bare number argument: the server converts what was typed (007, 0x8, 200MB)
        return text
    if isinstance(value, list):
        return [model_value(item) for item in value]
    if isinstance(value, dict):
        return {key: model_value(item) for key, item in value.items()}
    return value


def exchange_cmdlet(name: str, *, whatif: str | None = None, extra: tuple[ParameterMetadata, ...] = (),
                    metadata: CommandMetadata | None = None) -> Callable[[Callable[..., Any]], type[Cmdlet]]:  # fmt: skip
    """Register ``fn(cmd, params)`` as the Exchange cmdlet ``name``.

    ``whatif`` is the cmdlet's WhatIf/Confirm sentence, with ``{0}`` for the target; by default
    the one ``messages.WHATIF`` holds for the cmdlet.
    """
    from emshell.cmdlets.exchange.messages import WHATIF

    register()
    whatif = whatif or WHATIF.get(name)

    def decorate(fn: Callable[..., Any]) -> type[Cmdlet]:
        meta = metadata or exchange_metadata(name, extra=extra)
        cls = type(fn.__name__, (ExchangeCmdlet,), {
            "handler": staticmethod(fn), "whatif": whatif, "__doc__": fn.__doc__, "__module__": fn.__module__,
        })  # fmt: skip
        return cmdlet(meta)(cls)

    return decorate
