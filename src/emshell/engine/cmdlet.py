"""What a cmdlet implementation sees, and the registry of cmdlets.

A cmdlet is a ``Cmdlet`` subclass with a ``metadata`` (its one declaration) and the
``begin``/``process``/``end`` hooks PowerShell calls: ``process`` runs once per pipeline input
object (or once when the command does not take pipeline input).  Bound parameters are in
``self.params`` under their declared names; ``self.bound(name)`` says whether one was given.

Most Exchange cmdlets are simpler: ``@cmdlet_function(metadata)`` turns a plain function of
``(cmd, params)`` into a cmdlet whose ``process`` calls it and writes what it returns.

Modules register their cmdlets with ``@cmdlet``; ``emshell.cmdlets.index`` maps every command
name to the module that defines it, so that a module is imported only when one of its
commands is first used (the start-up budget again).
"""

from __future__ import annotations

from emshell.engine.errors import PSError

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from emshell.engine.errors import ErrorRecord
    from emshell.engine.metadata import CommandMetadata


class Cmdlet:
    """Base class of every cmdlet implementation."""

    metadata: CommandMetadata

    def __init__(self, runtime: Any):
        self.runtime = runtime  # emshell.engine.pipeline.CommandRuntime
        self.params: dict[str, Any] = {}
        self.parameter_set_name: str | None = None

    # ------------------------------------------------------------ lifecycle hooks

    def begin(self) -> None:
        """Once, before the first input object."""

    def process(self) -> None:
        """Once per input object (pipeline-bound parameters are in ``self.params``)."""

    def end(self) -> None:
        """Once, after the last input object."""

    # ------------------------------------------------------------ parameters

    def bound(self, name: str) -> bool:
        return name in self.params

    def get(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)

    # ------------------------------------------------------------ streams

    def write_object(self, value: Any, enumerate_collection: bool = False) -> None:
        self.runtime.write_object(value, enumerate_collection)

    def write_error(self, record: ErrorRecord) -> None:
        """A non-terminating error: reported, and the pipeline goes on."""
        self.runtime.write_error(record)

    def throw_terminating_error(self, record: ErrorRecord) -> None:
        raise PSError(record)

    def write_warning(self, message: str) -> None:
        self.runtime.write_warning(message)

    def write_verbose(self, message: str) -> None:
        self.runtime.write_verbose(message)

    def write_debug(self, message: str) -> None:
        self.runtime.write_debug(message)

    def write_information(self, message: Any, tags: tuple[str, ...] = ()) -> None:
        self.runtime.write_information(message, tags)

    def should_process(self, target: str, action: str | None = None, *, message: str | None = None) -> bool:
        """The ShouldProcess protocol: False under -WhatIf (after printing "What if: ...") or
        when the user declines a confirmation."""
        return self.runtime.should_process(target, action or self.metadata.name, message)

    def should_continue(self, query: str, caption: str) -> bool:
        return self.runtime.should_continue(query, caption)

    # ------------------------------------------------------------ context

    @property
    def session(self):
        """The session state (variables, functions, aliases, preferences)."""
        return self.runtime.session

    @property
    def host(self):
        return self.runtime.host

    @property
    def org(self):
        """The Exchange organization this shell emulates."""
        return self.runtime.org

    @property
    def context(self):
        """The runtime context for value operations (clock, GUIDs, script-block calls)."""
        return self.runtime.context

    def invoke_script_block(self, script_block: Any, args: Iterable[Any] = (), dollar_under: Any = None,
                            *, use_new_scope: bool = True) -> list:  # fmt: skip
        """Run a script block (Where-Object, ForEach-Object, calculated properties) and return
        its output."""
        return self.runtime.invoke_script_block(script_block, list(args), dollar_under, use_new_scope)


# ---------------------------------------------------------------- registry

REGISTRY: dict[str, type[Cmdlet]] = {}  # lower-case name -> implementation


def cmdlet(metadata: CommandMetadata) -> Callable[[type[Cmdlet]], type[Cmdlet]]:
    """Class decorator: attach ``metadata`` and register the cmdlet under its name."""

    def register(cls: type[Cmdlet]) -> type[Cmdlet]:
        cls.metadata = metadata
        REGISTRY[metadata.name.lower()] = cls
        return cls

    return register


def cmdlet_function(metadata: CommandMetadata) -> Callable[[Callable[..., Any]], type[Cmdlet]]:
    """Function decorator: ``fn(cmd, params)`` runs once per input object; whatever it returns
    (an object, or an iterable of objects when it is a generator or list) is written to the
    pipeline."""

    def register(fn: Callable[..., Any]) -> type[Cmdlet]:
        def process(self: Cmdlet) -> None:
            result = fn(self, self.params)
            if result is None:
                return
            if isinstance(result, (list, tuple)) or hasattr(result, "__next__"):
                for item in result:
                    self.write_object(item)
            else:
                self.write_object(result)

        cls = type(fn.__name__, (Cmdlet,), {"process": process, "__doc__": fn.__doc__,
                                             "__module__": fn.__module__})  # fmt: skip
        return cmdlet(metadata)(cls)

    return register
