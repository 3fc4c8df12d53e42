"""Session state: scopes with their variables, functions and aliases.

PowerShell scoping is dynamic: a function or script block call opens a child of the *caller's*
scope; reading ``$x`` walks up the chain; plain assignment creates or sets ``$x`` in the
current scope.  ``$global:``, ``$script:``, ``$local:`` and ``$private:`` pick a scope
explicitly, and ``$env:`` reads the emulated machine's environment (never the host's).
"""

from __future__ import annotations

from emshell.engine.errors import PSError, new_error

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from emshell.engine.types import PSType


class PSVariable:
    """A variable: value plus an optional type constraint and options (ReadOnly, Constant)."""

    __slots__ = ("name", "value", "type_constraint", "options", "description", "attributes")

    def __init__(self, name: str, value: Any = None, type_constraint: PSType | None = None,
                 options: str = "None", description: str = ""):  # fmt: skip
        self.name = name
        self.value = value
        self.type_constraint = type_constraint
        self.options = options
        self.description = description
        self.attributes: tuple = ()  # validation attributes from a typed parameter

    PS_TYPE_NAMES = ("System.Management.Automation.PSVariable", "System.Object")
    PS_PROPERTIES = ("Name", "Description", "Value", "Visibility", "Module", "ModuleName",
                     "Options", "Attributes")  # fmt: skip

    @property
    def Name(self) -> str:
        return self.name

    @property
    def Value(self) -> Any:
        return self.value

    @property
    def Description(self) -> str:
        return self.description

    @property
    def Options(self) -> str:
        return self.options

    @property
    def Attributes(self) -> tuple:
        return self.attributes

    Visibility = "Public"
    Module = None
    ModuleName = ""

    @property
    def read_only(self) -> bool:
        return self.options in ("ReadOnly", "Constant")


class Scope:
    """One scope: its own variables, functions and aliases, and its parent."""

    __slots__ = ("parent", "variables", "functions", "aliases", "is_script", "private_names")

    def __init__(self, parent: Scope | None = None, *, is_script: bool = False):
        self.parent = parent
        self.variables: dict[str, PSVariable] = {}
        self.functions: dict[str, Any] = {}
        self.aliases: dict[str, str] = {}
        self.is_script = is_script
        self.private_names: set[str] = set()


def variable_not_writable(name: str) -> PSError:
    return PSError(new_error(
        "SessionStateUnauthorizedAccessException",
        f"Cannot overwrite variable {name} because it is read-only or constant.",
        "VariableNotWritable", "WriteError", name,
    ))  # fmt: skip


class SessionState:
    """The scope chain of a runspace, with lookup and assignment by PowerShell's rules."""

    def __init__(self, environment: dict[str, str] | None = None):
        self.global_scope = Scope(is_script=True)
        self.current = self.global_scope
        self._environment: dict[str, str] | None = dict(environment) if environment is not None else None
        # Called on first use of ``$env:`` (building the environment needs the organization).
        self.environment_factory: Callable[[], dict[str, str]] | None = None

    @property
    def environment(self) -> dict[str, str]:
        """The emulated machine's environment variables (keys in any case)."""
        if self._environment is None:
            self._environment = self.environment_factory() if self.environment_factory else {}
        return self._environment

    # ------------------------------------------------------------ scopes

    def push_scope(self, *, is_script: bool = False) -> Scope:
        self.current = Scope(self.current, is_script=is_script)
        return self.current

    def pop_scope(self, scope: Scope) -> None:
        assert self.current is scope, "scopes must be popped in order"
        self.current = scope.parent or self.global_scope

    @property
    def script_scope(self) -> Scope:
        scope: Scope | None = self.current
        while scope is not None:
            if scope.is_script:
                return scope
            scope = scope.parent
        return self.global_scope

    def _scope_for(self, qualifier: str | None) -> Scope | None:
        """The scope a qualifier names, or None for a normal (searching) lookup."""
        if qualifier in (None, "local", "private"):
            return None
        if qualifier == "global":
            return self.global_scope
        if qualifier == "script":
            return self.script_scope
        return None

    # ------------------------------------------------------------ variables

    def lookup(self, name: str, qualifier: str | None = None) -> PSVariable | None:
        key = name.lower()
        if qualifier in ("local", "private"):
            return self.current.variables.get(key)
        scope = self._scope_for(qualifier) or self.current
        first = scope
        while scope is not None:
            var = scope.variables.get(key)
            if var is not None and (scope is first or key not in scope.private_names):
                return var
            if qualifier is not None:  # an explicit scope does not search its parents
                return None
            scope = scope.parent
        return None

    def get_value(self, name: str, qualifier: str | None = None, default: Any = None) -> Any:
        if qualifier == "env":
            return self.get_env(name)
        var = self.lookup(name, qualifier)
        return default if var is None else var.value

    def set_value(self, name: str, value: Any, qualifier: str | None = None, *, force: bool = False) -> PSVariable:
        """Assign: to the named scope, else the current one (PowerShell never assigns to a
        parent scope implicitly)."""
        if qualifier == "env":
            self.set_env(name, value)
            return PSVariable(name, value)
        scope = self._scope_for(qualifier) or self.current
        key = name.lower()
        var = scope.variables.get(key)
        if var is None:
            var = PSVariable(name, value)
            scope.variables[key] = var
            if qualifier == "private":
                scope.private_names.add(key)
            return var
        if var.read_only and not force:
            raise variable_not_writable(name)
        var.value = var.type_constraint.convert(value) if var.type_constraint is not None else value
        return var

    def new_variable(self, name: str, value: Any, *, scope: Scope | None = None, options: str = "None",
                     type_constraint: PSType | None = None, description: str = "") -> PSVariable:  # fmt: skip
        target = scope or self.current
        var = PSVariable(name, value, type_constraint, options, description)
        target.variables[name.lower()] = var
        return var

    def remove_variable(self, name: str, qualifier: str | None = None) -> bool:
        scope: Scope | None = self._scope_for(qualifier) or self.current
        key = name.lower()
        while scope is not None:
            if key in scope.variables:
                del scope.variables[key]
                return True
            if qualifier is not None:
                break
            scope = scope.parent
        return False

    def all_variables(self) -> dict[str, PSVariable]:
        """Every visible variable, nearest scope winning."""
        seen: dict[str, PSVariable] = {}
        scope: Scope | None = self.current
        while scope is not None:
            for key, var in scope.variables.items():
                seen.setdefault(key, var)
            scope = scope.parent
        return seen

    # ------------------------------------------------------------ environment

    def get_env(self, name: str) -> str | None:
        lower = name.lower()
        for key, value in self.environment.items():
            if key.lower() == lower:
                return value
        return None

    def set_env(self, name: str, value: Any) -> None:
        lower = name.lower()
        for key in list(self.environment):
            if key.lower() == lower:
                del self.environment[key]
        if value is not None and value != "":
            from emshell.engine.primitives import to_string

            self.environment[name] = to_string(value)

    # ------------------------------------------------------------ functions and aliases

    def get_function(self, name: str) -> Any:
        key = name.lower()
        scope: Scope | None = self.current
        while scope is not None:
            fn = scope.functions.get(key)
            if fn is not None:
                return fn
            scope = scope.parent
        return None

    def set_function(self, name: str, function: Any, qualifier: str | None = None) -> None:
        scope = self._scope_for(qualifier) or self.current
        scope.functions[name.lower()] = function

    def all_functions(self) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        scope: Scope | None = self.current
        while scope is not None:
            for key, fn in scope.functions.items():
                seen.setdefault(key, fn)
            scope = scope.parent
        return seen

    def get_alias(self, name: str) -> str | None:
        key = name.lower()
        scope: Scope | None = self.current
        while scope is not None:
            target = scope.aliases.get(key)
            if target is not None:
                return target
            scope = scope.parent
        return None

    def set_alias(self, name: str, target: str, qualifier: str | None = None) -> None:
        scope = self._scope_for(qualifier) or self.current
        scope.aliases[name.lower()] = target

    def all_aliases(self) -> dict[str, str]:
        seen: dict[str, str] = {}
        scope: Scope | None = self.current
        while scope is not None:
            for key, target in scope.aliases.items():
                seen.setdefault(key, target)
            scope = scope.parent
        return seen
