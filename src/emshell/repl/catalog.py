"""The commands a session knows, for completion: names with their kind, and their metadata.

Cmdlet names come from the command index (each module is imported once, the first time
completion needs the names, so the declared spelling is known), Exchange cmdlets from their
reference metadata, aliases from the built-in table and the session, functions from the
session.  ``metadata(name)`` resolves aliases the way command discovery does (alias, function,
cmdlet) without running anything.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from emshell.engine.metadata import CommandMetadata
    from emshell.engine.runspace import Runspace

CMDLET = "Cmdlet"
ALIAS = "Alias"
FUNCTION = "Function"


class CommandCatalog:
    def __init__(self, runspace: Runspace):
        self.runspace = runspace
        self._cmdlets: list[str] | None = None  # declared names of every cmdlet, sorted
        self._exchange: dict[str, str] | None = None  # lower-case -> name, reference cmdlets
        self._metadata: dict[str, CommandMetadata] = {}

    # ---------------------------------------------------------------- names

    def cmdlet_names(self) -> list[str]:
        if self._cmdlets is None:
            import importlib

            from emshell.cmdlets.index import COMMANDS
            from emshell.engine.cmdlet import REGISTRY

            for module in sorted(set(COMMANDS.values())):
                try:
                    importlib.import_module(module)
                except Exception:  # one broken cmdlet module must not take completion down
                    continue
            names = {cls.metadata.name.lower(): cls.metadata.name for cls in REGISTRY.values()}
            for lower, name in self.exchange_names().items():
                names.setdefault(lower, name)
            self._cmdlets = sorted(names.values(), key=str.lower)
        return self._cmdlets

    def exchange_names(self) -> dict[str, str]:
        if self._exchange is None:
            from emshell.cmdlets.exchange import reference_names

            self._exchange = {name.lower(): name for name in reference_names()}
        return self._exchange

    def entries(self) -> list[tuple[str, str]]:
        """Every command name with its kind (Cmdlet, Alias, Function), sorted, one per name."""
        from emshell.cmdlets.index import ALIASES

        session = self.runspace.session
        found: dict[str, tuple[str, str]] = {}
        for name in self.cmdlet_names():
            found[name.lower()] = (name, CMDLET)
        for name in ALIASES:
            found.setdefault(name.lower(), (name, ALIAS))
        for key in session.all_aliases():
            found.setdefault(key.lower(), (key, ALIAS))
        for key, function in session.all_functions().items():
            found[key.lower()] = (getattr(function, "name", key), FUNCTION)
        return sorted(found.values(), key=lambda entry: entry[0].lower())

    # ---------------------------------------------------------------- metadata

    def canonical_name(self, name: str) -> str | None:
        """The command a name runs (aliases followed), or None if nothing answers to it."""
        from emshell.cmdlets.index import ALIASES

        session = self.runspace.session
        for _ in range(32):  # alias chains, without looping on a cycle
            target = session.get_alias(name) or ALIASES.get(name.lower())
            if target is None:
                break
            name = target
        function = session.get_function(name)
        if function is not None:
            return function.name
        cls = self.runspace.find_cmdlet(name)
        if cls is not None:
            return cls.metadata.name
        return self.exchange_names().get(name.lower())

    def metadata(self, name: str) -> CommandMetadata | None:
        """The parameters of the command ``name`` runs (None for an unknown command)."""
        canonical = self.canonical_name(name)
        if canonical is None:
            return None
        session = self.runspace.session
        function = session.get_function(canonical)
        if function is not None:
            from emshell.engine.commands import script_metadata

            try:
                return script_metadata(self.runspace.interpreter, function.script_block, function.name, function)
            except Exception:  # a function whose param block cannot be evaluated statically
                return None
        cached = self._metadata.get(canonical.lower())
        if cached is not None:
            return cached
        cls = self.runspace.find_cmdlet(canonical)
        if cls is not None:
            return cls.metadata  # a registered cmdlet's metadata can change identity: not cached
        from emshell.cmdlets.exchange import exchange_metadata

        metadata = exchange_metadata(canonical)
        self._metadata[canonical.lower()] = metadata
        return metadata
