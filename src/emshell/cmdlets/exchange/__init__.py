"""Exchange cmdlets: their metadata comes from ``cmdlets.json`` (generated from the cmdlet
reference by ``tools/gen_exchange_metadata.py``), declared once and read by the binder,
completion, Get-Help and Get-Command alike.

In EMS these cmdlets run on the Exchange server through implicit remoting, so their metadata
is marked ``remote``: their binding and run-time errors come back as server-side errors with
``+ PSComputerName``.
"""

from __future__ import annotations

from emshell.engine.metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ParameterSetInfo

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

EXCHANGE_MODULE = "tmp_yjk1ufse.e1b"  # EMS imports the remote session as a temporary module like this
EXCHANGE_VERSION = "1.0"
# Verbs for which EMS asks for confirmation unless -Confirm:$false (ConfirmImpact High).
HIGH_IMPACT_VERBS = frozenset({"Clear", "Disable", "Dismount", "Move", "Remove", "Stop", "Suspend", "Uninstall"})
_SHOULD_PROCESS = frozenset({"whatif", "confirm"})

_REFERENCE: dict[str, Any] | None = None


def _reference() -> dict[str, Any]:
    global _REFERENCE
    if _REFERENCE is None:
        import json
        from pathlib import Path

        path = Path(__file__).with_name("cmdlets.json")
        _REFERENCE = json.loads(path.read_text(encoding="utf-8"))
    return _REFERENCE


def reference_names() -> list[str]:
    """The Exchange 2013/2016 cmdlets whose metadata the reference provides."""
    return sorted(_reference())


def _parameter(entry: dict[str, Any]) -> ParameterMetadata:
    sets = {
        set_name: ParameterSetInfo(
            set_name, position, mandatory, value_from_pipeline=by_value,
            value_from_pipeline_by_property_name=by_name,
        )
        for set_name, (position, mandatory, by_value, by_name) in entry["sets"].items()
    }  # fmt: skip
    accepted = tuple(v for v in entry.get("accepted_values", ()) if v not in ("$true", "$false"))
    return ParameterMetadata(
        entry["name"], entry["type"], aliases=tuple(entry.get("aliases", ())), sets=sets,
        accepted_values=accepted, summary=entry.get("summary", ""), default_value=entry.get("default"),
        multi_valued=bool(entry.get("multi_valued")), constraints=entry.get("constraints") or {},
    )  # fmt: skip


def exchange_metadata(name: str, *, extra: Iterable[ParameterMetadata] = (), synopsis: str | None = None,
                      confirm_impact: str | None = None) -> CommandMetadata:  # fmt: skip
    """The metadata of a reference cmdlet, with any parameters emshell adds."""
    entry = _reference()[name]
    declared = [_parameter(p) for p in entry["parameters"] if p["name"].lower() not in _SHOULD_PROCESS]
    should_process = any(p["name"].lower() == "whatif" for p in entry["parameters"])
    verb = name.split("-", 1)[0]
    impact = confirm_impact or ("High" if verb in HIGH_IMPACT_VERBS else "Medium")
    default_set = entry["default_set"]
    return CommandMetadata(
        name, declared + list(extra), default_parameter_set=None if default_set == ALL_PARAMETER_SETS else default_set,
        supports_should_process=should_process, confirm_impact=impact, kind="Function",
        module=EXCHANGE_MODULE, version=EXCHANGE_VERSION, remote=True,
        implementing_type=entry["implementing_type"], synopsis=synopsis or entry["synopsis"],
    )  # fmt: skip
