"""Completion candidates for a ``CompletionContext``: the second half of completion.

``CandidateSource(runspace).complete(text)`` analyses the text before the cursor and lists what
may replace the word being typed: command names (any case, any prefix, ``*`` wildcards),
parameter names of the sets still possible (bound ones left out, common ones last), parameter
values (accepted values, ``$true``/``$false``, the org's identities, quoted when they contain
spaces), variables, members of a variable's value or of the objects a pipeline feeds to ``$_``,
and file paths inside the sandbox.  Each candidate is the complete replacement text.
"""

from __future__ import annotations

import ntpath
import re

from emshell.repl import analysis as A
from emshell.repl.catalog import CommandCatalog

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from emshell.engine.metadata import ParameterMetadata
    from emshell.engine.runspace import Runspace

# Exchange identity parameter types -> the org's record kind (emshell.model.identity)
IDENTITY_KINDS = {
    "umserveridparameter": "umService",
    "umdialplanidparameter": "dialPlan",
    "umipgatewayidparameter": "ipGateway",
    "umhuntgroupidparameter": "huntGroup",
    "mailboxpolicyidparameter": "mailboxPolicy",
    "ummailboxpolicyidparameter": "mailboxPolicy",
    "umautoattendantidparameter": "autoAttendant",
    "mailboxidparameter": "mailbox",
    "serveridparameter": "server",
    "mailboxserveridparameter": "mailboxServer",
    "clientaccessserveridparameter": "clientAccessServer",
    "exchangecertificateidparameter": "certificate",
    "umcallansweringruleidparameter": "callAnsweringRule",
}
# Parameters that name org objects without an identity type (lists, thumbprints)
PARAMETER_KINDS = {"dialplans": "dialPlan", "thumbprint": "certificate"}
# What Get-/New-/Enable- cmdlets of a noun write, for ``$_.`` after them
NOUN_KINDS = {
    "umservice": "umService", "umcallroutersettings": "callRouter", "umdialplan": "dialPlan",
    "umipgateway": "ipGateway", "umhuntgroup": "huntGroup", "ummailboxpolicy": "mailboxPolicy",
    "umautoattendant": "autoAttendant", "ummailbox": "mailbox", "umcallansweringrule": "callAnsweringRule",
    "ummailboxpin": "mailboxPin", "exchangeserver": "server", "exchangecertificate": "certificate",
}  # fmt: skip
OBJECT_VERBS = frozenset({"get", "new", "enable"})
BOOLEAN_VALUES = ("$true", "$false")
PATH_TYPES = frozenset({"locallongfullpath", "fileinfo", "directoryinfo"})
# Characters that make a value need quotes in command mode
_NEEDS_QUOTES = re.compile("[\\s'\"`$&(){}|;,@#<>]")
_SCOPES = ("global", "script", "local", "private", "variable")


class Candidate:
    """One completion: ``text`` replaces the word typed; ``display`` is what a menu shows."""

    __slots__ = ("text", "display", "meta")

    def __init__(self, text: str, display: str | None = None, meta: str = ""):
        self.text = text
        self.display = display if display is not None else text
        self.meta = meta

    def __repr__(self) -> str:
        return f"Candidate({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class CandidateSource:
    """Completion over one runspace (its commands, variables, organization and sandbox)."""

    def __init__(self, runspace: Runspace, catalog: CommandCatalog | None = None):
        self.runspace = runspace
        self.catalog = catalog or CommandCatalog(runspace)

    def analyse(self, text: str) -> A.CompletionContext:
        return A.analyse(text, self.catalog.metadata)

    def complete(self, text: str) -> tuple[int, list[Candidate]]:
        """The offset where the replaced word starts, and the candidates, best first."""
        context = self.analyse(text)
        return context.start, self.candidates(context)

    def complete_safely(self, text: str) -> tuple[int, list[Candidate]]:
        """``complete`` for the keyboard: a failure offers nothing instead of ending the shell."""
        try:
            return self.complete(text)
        except Exception:  # a bug in a layer below must not take the console down with it
            return len(text), []

    def candidates(self, context: A.CompletionContext) -> list[Candidate]:
        kind = context.kind
        if kind == A.COMMAND:
            return self.commands(context.prefix)
        if kind == A.SCRIPT:
            return self.paths(context.prefix, context.quote, scripts_only=True)
        if kind == A.PARAMETER_NAME:
            return self.parameters(context)
        if kind == A.VALUE:
            return self.values(context)
        if kind == A.VARIABLE_NAME:
            return self.variables(context.prefix, context.sigil)
        if kind == A.MEMBER:
            return self.members(context)
        return []

    # ---------------------------------------------------------------- commands

    def commands(self, prefix: str) -> list[Candidate]:
        match = _matcher(prefix)
        return [Candidate(name, meta=kind) for name, kind in self.catalog.entries() if match(name)]

    # ---------------------------------------------------------------- parameters

    def parameters(self, context: A.CompletionContext) -> list[Candidate]:
        metadata = context.metadata
        if metadata is None:
            return []
        prefix = context.prefix.lower()
        bound = {name.lower() for name in context.bound}
        valid = set(context.valid_sets)
        own: list[Candidate] = []
        common: list[Candidate] = []
        for param in metadata.parameters.values():
            if param.name.lower() in bound or not param.name.lower().startswith(prefix):
                continue
            if valid and not param.in_all_sets and not valid.intersection(param.sets):
                continue
            (common if _is_common(param) else own).append(Candidate("-" + param.name, meta=param.type_name))
        return own + common

    # ---------------------------------------------------------------- values

    def values(self, context: A.CompletionContext) -> list[Candidate]:
        param = context.parameter
        quote = context.quote
        if param is None:
            return self.paths(context.prefix, quote) if context.metadata is None or context.position is None \
                else []  # fmt: skip
        if param.is_switch or param.type_name.lower() in ("boolean", "bool", "system.boolean"):
            return _choose(BOOLEAN_VALUES, context.prefix.lstrip("$"), quote, literal=True)
        accepted = self.accepted_values(param)
        if accepted:
            return _choose(accepted, context.prefix, quote)
        kind = self.identity_kind(param, context.command)
        if kind is not None:
            return _choose(self._names(kind), context.prefix, quote)
        if _is_path(param):
            return self.paths(context.prefix, quote)
        return []

    def accepted_values(self, param: ParameterMetadata) -> tuple[str, ...]:
        if param.accepted_values:
            return tuple(param.accepted_values)
        for validation in param.validations:
            if validation.kind == "ValidateSet":
                return tuple(str(v) for v in validation.args)
        type_name = param.type_name.rstrip("[]")
        from emshell.engine.binder import lookup_type

        found = lookup_type(type_name)
        names = getattr(found, "names", None)
        if names:
            return tuple(names)
        from emshell.model import ENUMS

        short = type_name.rsplit(".", 1)[-1].lower()
        for full, members in ENUMS.items():
            if full.rsplit(".", 1)[-1].lower() == short:
                return tuple(members)
        return ()

    def identity_kind(self, param: ParameterMetadata, command: str | None) -> str | None:
        kind = IDENTITY_KINDS.get(param.type_name.rstrip("[]").rsplit(".", 1)[-1].lower())
        if kind is None:
            kind = PARAMETER_KINDS.get(param.name.lower())
        if kind == "server" and command and "callroutersettings" in command.lower():
            kind = "callRouter"
        return kind

    def _names(self, kind: str) -> list[str]:
        try:
            return self.runspace.org.names(kind)
        except (KeyError, AttributeError):
            return []

    # ---------------------------------------------------------------- variables

    def variables(self, prefix: str, sigil: str = "$") -> list[Candidate]:
        scope, _, name = prefix.rpartition(":")
        session = self.runspace.session
        if scope.lower() == "env":
            names = sorted(session.environment, key=str.lower)
            lead = sigil + scope + ":"
        elif scope == "" or scope.lower() in _SCOPES:
            names = sorted((variable.Name for variable in session.all_variables().values()), key=str.lower)
            lead = sigil + (scope + ":" if scope else "")
        else:
            return []
        match = _matcher(name)
        return [Candidate(lead + n, meta="Variable") for n in names if match(n)]

    # ---------------------------------------------------------------- members

    def members(self, context: A.CompletionContext) -> list[Candidate]:
        names = self.member_names(context)
        match = _matcher(context.prefix)
        return [Candidate(n, meta="Property") for n in names if match(n)]

    def member_names(self, context: A.CompletionContext) -> list[str]:
        variable = (context.variable or "").lower()
        if variable in A.PIPELINE_VARIABLES:
            upstream = context.upstream
            if upstream is None:
                return []
            if upstream.startswith("$"):
                value = _first(self._variable_value(upstream[1:]))
            else:
                names = self._command_output_properties(upstream)
                if not context.members:
                    return names
                return []  # deeper chains need a value; a type alone does not say
        else:
            value = self._variable_value(context.variable or "")
        for member in context.members:
            value = _read_member(value, member)
        return _member_names(value)

    def _variable_value(self, name: str) -> object:
        scope, _, bare = name.rpartition(":")
        if scope.lower() == "env":
            return self.runspace.session.get_env(bare)
        variable = self.runspace.session.lookup(bare)
        return None if variable is None else variable.Value

    def _command_output_properties(self, command: str) -> list[str]:
        canonical = self.catalog.canonical_name(command) or command
        verb, _, noun = canonical.partition("-")
        kind = NOUN_KINDS.get(noun.lower()) if verb.lower() in OBJECT_VERBS else None
        if kind is None:
            return []
        cls = _record_class(kind)
        if cls is None:
            return []
        # EMS objects come back with the remoting property RunspaceId before their own
        return sorted({"RunspaceId", *cls.PS_PROPERTIES}, key=str.lower)

    # ---------------------------------------------------------------- paths

    def paths(self, typed: str, quote: str = "", *, scripts_only: bool = False) -> list[Candidate]:
        """Files and folders of the sandbox whose path starts with ``typed``."""
        import os

        sandbox = self.runspace.sandbox
        folder, leaf = ntpath.split(typed)
        relative = not folder
        try:
            host = sandbox.host_path(folder or ".")
            entries = sorted(os.scandir(host), key=lambda e: e.name.lower())
        except (OSError, Exception):  # outside the sandbox, missing folder: nothing to offer
            return []
        lower = leaf.lower()
        result: list[Candidate] = []
        for entry in entries:
            if not entry.name.lower().startswith(lower):
                continue
            is_dir = entry.is_dir()
            if scripts_only and not is_dir and not entry.name.lower().endswith(".ps1"):
                continue
            path = (".\\" + entry.name) if relative else ntpath.join(folder, entry.name)
            result.append(Candidate(_quoted(path, quote), path, "Directory" if is_dir else "File"))
        return result


# --------------------------------------------------------------------------- helpers


def _is_common(param: ParameterMetadata) -> bool:
    from emshell.engine.metadata import COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS

    if param.is_common:
        return True
    return param.name.lower() in {n.lower() for n, _, _ in COMMON_PARAMETERS + SHOULD_PROCESS_PARAMETERS}


def _is_path(param: ParameterMetadata) -> bool:
    name = param.name.lower()
    return (param.type_name.lower() in PATH_TYPES or name.endswith(("path", "filename", "file"))
            or name in ("literalpath", "filepath"))  # fmt: skip


def _matcher(prefix: str):
    """Case-insensitive prefix test; ``*`` and ``?`` make it a wildcard pattern."""
    if "*" in prefix or "?" in prefix:
        import fnmatch

        pattern = re.compile(fnmatch.translate(prefix + ("" if prefix.endswith("*") else "*")), re.IGNORECASE)
        return lambda name: pattern.match(name) is not None
    lower = prefix.lower()
    return lambda name: name.lower().startswith(lower)


def _choose(values, prefix: str, quote: str, *, literal: bool = False) -> list[Candidate]:
    """The values starting with ``prefix``, quoted as needed (``literal``: never quoted).
    Written for speed: an identity parameter may offer thousands of names per keystroke."""
    match = _matcher(prefix) if ("*" in prefix or "?" in prefix) else None
    lower = prefix.lower()
    result = []
    seen = set()
    for value in values:
        text = value if type(value) is str else str(value)
        bare = text[1:] if literal and text[:1] == "$" else text
        if match is not None:
            if not match(bare):
                continue
        elif lower and not bare.lower().startswith(lower):
            continue
        if text in seen:
            continue
        seen.add(text)
        result.append(Candidate(text if literal else _quoted(text, quote), text))
    return result


def _quoted(value: str, quote: str = "") -> str:
    """``value`` as a command-mode argument: quoted when the user opened a quote or when it
    contains spaces or characters the parser would read otherwise (single quotes preferred)."""
    if not quote and _NEEDS_QUOTES.search(value) is None and value[:1] != "-":
        return value
    if quote == '"':
        escaped = value.replace("`", "``").replace('"', '`"').replace("$", "`$")
        return f'"{escaped}"'
    return "'" + value.replace("'", "''") + "'"


def _first(value: object) -> object:
    if isinstance(value, list):
        return next((item for item in value if item is not None), None)
    return value


def _read_member(value: object, name: str) -> object:
    """A property's value without running any script (no ScriptProperty, no method)."""
    from emshell.engine.psobject import Hashtable, PSObject, ScriptProperty, property_names

    value = _first(value)
    if value is None:
        return None
    if isinstance(value, Hashtable):
        return value.get(name)
    if isinstance(value, PSObject):
        found = value.get_property(name)
        return None if isinstance(found, ScriptProperty) else found
    for declared in property_names(value):
        if declared.lower() == name.lower():
            return getattr(value, declared, None)
    return None


def _member_names(value: object) -> list[str]:
    from emshell.engine.psobject import Hashtable, property_names

    if value is None:
        return []
    if isinstance(value, list):
        element = _first(value)
        names = set(_member_names(element)) | {"Count", "Length"}
        return sorted(names, key=str.lower)
    if isinstance(value, Hashtable):
        keys = {str(k) for k in value.keys()} | {"Count", "Keys", "Values"}
        return sorted(keys, key=str.lower)
    if isinstance(value, str):
        return ["Length"]
    return sorted(property_names(value), key=str.lower)


def _record_class(kind: str):
    """The model's record class for a kind (``umService`` -> UMServer), or None."""
    import importlib

    from emshell.model.record import Record

    for module in ("servers", "um", "recipients", "certificates"):
        try:
            importlib.import_module("emshell.model." + module)
        except ImportError:
            continue
    pending = list(Record.__subclasses__())
    while pending:
        cls = pending.pop()
        if cls.__dict__.get("KIND") == kind:
            return cls
        pending.extend(cls.__subclasses__())
    return None
