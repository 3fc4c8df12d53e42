"""UM telephony cmdlets: dial plans, IP gateways, hunt groups, UM mailbox policies, auto attendants
and their custom prompts.

The rules live in the model (``emshell.model``): immutable dial-plan properties, the default
"<name> Default Policy" a new dial plan gets, removals refused while other objects use an object,
FQDN addresses for gateways of secured dial plans.  The handlers here resolve identities, ask
ShouldProcess, call the model and hand back what EMS shows.
"""

from __future__ import annotations

from emshell.cmdlets.exchange.runtime import exchange_cmdlet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet

# -ForceUpgrade only suppresses the prompt Exchange shows for objects of an older version: every
# object of the emulated organization has the current version, so it has nothing to do.
_TASK_SWITCHES = frozenset({"ForceUpgrade"})


# --------------------------------------------------------------------------- shared steps


def _listed(cmd: ExchangeCmdlet, kind: str, identity: Any, keep: Any = None) -> list:
    """What a Get- cmdlet returns: one identity (not found is an error) or every record."""
    if identity is None:
        records = cmd.org.records(kind)
    else:
        records = cmd.org.find(kind, identity) or [cmd.resolve(kind, identity)]
    return [cmd.output(r) for r in records if keep is None or keep(r)]


def _of_dial_plan(cmd: ExchangeCmdlet, params: dict) -> Any:
    """The ``-UMDialPlan`` filter of Get-UMHuntGroup / Get-UMMailboxPolicy / Get-UMAutoAttendant."""
    if params.get("UMDialPlan") is None:
        return None
    guid = str(cmd.resolve("dialPlan", params["UMDialPlan"]).Guid)
    return lambda record: record.dial_plan_guid == guid


def _settings(cmd: ExchangeCmdlet) -> dict[str, Any]:
    """The bound parameters that are properties of the object (model values)."""
    return {name: value for name, value in cmd.changes().items() if name not in _TASK_SWITCHES}


def _set(cmd: ExchangeCmdlet, kind: str, params: dict, changes: dict[str, Any] | None = None) -> None:
    identity = params["Identity"]
    record = cmd.resolve(kind, identity)
    if cmd.should_process(str(identity)):
        cmd.apply(record, _settings(cmd) if changes is None else changes, identity)


def _remove(cmd: ExchangeCmdlet, kind: str, params: dict) -> None:
    identity = params["Identity"]
    record = cmd.resolve(kind, identity)
    if cmd.should_process(str(identity)):
        cmd.org.remove(record)


def _set_status(cmd: ExchangeCmdlet, kind: str, params: dict, status: str) -> None:
    """Enable-/Disable-UMIPGateway and -UMAutoAttendant change the object's Status."""
    identity = params["Identity"]
    record = cmd.resolve(kind, identity)
    if not cmd.should_process(str(identity)):
        return
    if not cmd.org.set_status(record, status):
        cmd.write_warning(f"The command completed successfully but no settings of '{identity}' have been modified.")


# --------------------------------------------------------------------------- dial plans


@exchange_cmdlet("Get-UMDialPlan")
def get_um_dial_plan(cmd: ExchangeCmdlet, params: dict) -> list:
    return _listed(cmd, "dialPlan", params.get("Identity"))


@exchange_cmdlet("New-UMDialPlan")
def new_um_dial_plan(cmd: ExchangeCmdlet, params: dict) -> Any:
    name = params["Name"]
    values = _settings(cmd)
    if not cmd.should_process(name):
        return None
    dial_plan = cmd.org.new_dial_plan(
        name,
        number_of_digits=values["NumberOfDigitsInExtension"],
        country_code=values["CountryOrRegionCode"],
        uri_type=values.get("URIType") or "TelExtn",
        voip_security=values.get("VoIPSecurity") or "Unsecured",
        access_numbers=values.get("AccessTelephoneNumbers"),
        default_language=values.get("DefaultLanguage"),
        fax_enabled=values.get("FaxEnabled"),
        generate_policy=values.get("GenerateUMMailboxPolicy", True) is not False,
    )
    return cmd.output(dial_plan)


_DIAL_GROUP_COLUMNS = ("Name", "NumberMask", "DialedNumber", "Comment")


def _dial_group(item: Any) -> Any:
    """A dialing rule entry: text ``Name,NumberMask,DialedNumber,Comment``, or a row of a CSV
    file with those columns (``Import-Csv`` output, as the reference's example passes it)."""
    from emshell.engine.psobject import PSObject

    if not isinstance(item, PSObject) or not item.has_property("Name"):
        return item
    cells = [item.get_property(column) for column in _DIAL_GROUP_COLUMNS]
    return ",".join("" if cell is None else str(cell) for cell in cells)


@exchange_cmdlet("Set-UMDialPlan")
def set_um_dial_plan(cmd: ExchangeCmdlet, params: dict) -> None:
    changes = _settings(cmd)
    for name in ("ConfiguredInCountryOrRegionGroups", "ConfiguredInternationalGroups"):
        if isinstance(changes.get(name), list):
            changes[name] = [_dial_group(item) for item in changes[name]]
    _set(cmd, "dialPlan", params, changes)


@exchange_cmdlet("Remove-UMDialPlan")
def remove_um_dial_plan(cmd: ExchangeCmdlet, params: dict) -> None:
    _remove(cmd, "dialPlan", params)


# --------------------------------------------------------------------------- IP gateways


@exchange_cmdlet("Get-UMIPGateway")
def get_um_ip_gateway(cmd: ExchangeCmdlet, params: dict) -> list:
    identity = params.get("Identity")
    if identity is None and not params.get("IncludeSimulator"):
        # gateway simulators (Set-UMIPGateway -Simulator $true) are listed only when asked for
        return _listed(cmd, "ipGateway", None, lambda gateway: not gateway.Simulator)
    return _listed(cmd, "ipGateway", identity)


@exchange_cmdlet("New-UMIPGateway")
def new_um_ip_gateway(cmd: ExchangeCmdlet, params: dict) -> Any:
    name = params["Name"]
    values = _settings(cmd)
    dial_plan = cmd.resolve("dialPlan", params["UMDialPlan"]) if params.get("UMDialPlan") is not None else None
    if not cmd.should_process(name):
        return None
    gateway = cmd.org.new_ip_gateway(name, values["Address"], ip_address_family=values.get("IPAddressFamily"),
                                     dial_plan=dial_plan)  # fmt: skip
    return cmd.output(gateway)


@exchange_cmdlet("Set-UMIPGateway")
def set_um_ip_gateway(cmd: ExchangeCmdlet, params: dict) -> None:
    _set(cmd, "ipGateway", params)


@exchange_cmdlet("Remove-UMIPGateway")
def remove_um_ip_gateway(cmd: ExchangeCmdlet, params: dict) -> None:
    _remove(cmd, "ipGateway", params)


@exchange_cmdlet("Enable-UMIPGateway")
def enable_um_ip_gateway(cmd: ExchangeCmdlet, params: dict) -> None:
    _set_status(cmd, "ipGateway", params, "Enabled")


@exchange_cmdlet("Disable-UMIPGateway")
def disable_um_ip_gateway(cmd: ExchangeCmdlet, params: dict) -> None:
    # -Immediate $true drops the calls in progress (Disabled); without it the gateway takes no
    # new calls and lets the current ones finish (NoNewCalls).
    _set_status(cmd, "ipGateway", params, "Disabled" if params.get("Immediate") else "NoNewCalls")


# --------------------------------------------------------------------------- hunt groups


@exchange_cmdlet("Get-UMHuntGroup")
def get_um_hunt_group(cmd: ExchangeCmdlet, params: dict) -> list:
    return _listed(cmd, "huntGroup", params.get("Identity"), _of_dial_plan(cmd, params))


@exchange_cmdlet("New-UMHuntGroup")
def new_um_hunt_group(cmd: ExchangeCmdlet, params: dict) -> Any:
    name = params["Name"]
    gateway = cmd.resolve("ipGateway", params["UMIPGateway"])
    dial_plan = cmd.resolve("dialPlan", params["UMDialPlan"])
    if not cmd.should_process(name):
        return None
    group = cmd.org.new_hunt_group(name, gateway, dial_plan, pilot_identifier=params.get("PilotIdentifier"))
    return cmd.output(group)


@exchange_cmdlet("Remove-UMHuntGroup")
def remove_um_hunt_group(cmd: ExchangeCmdlet, params: dict) -> None:
    _remove(cmd, "huntGroup", params)


# --------------------------------------------------------------------------- UM mailbox policies


@exchange_cmdlet("Get-UMMailboxPolicy")
def get_um_mailbox_policy(cmd: ExchangeCmdlet, params: dict) -> list:
    return _listed(cmd, "mailboxPolicy", params.get("Identity"), _of_dial_plan(cmd, params))


@exchange_cmdlet("New-UMMailboxPolicy")
def new_um_mailbox_policy(cmd: ExchangeCmdlet, params: dict) -> Any:
    name = params["Name"]
    dial_plan = cmd.resolve("dialPlan", params["UMDialPlan"])
    if not cmd.should_process(name):
        return None
    return cmd.output(cmd.org.new_mailbox_policy(name, dial_plan))


@exchange_cmdlet("Set-UMMailboxPolicy")
def set_um_mailbox_policy(cmd: ExchangeCmdlet, params: dict) -> None:
    _set(cmd, "mailboxPolicy", params)


@exchange_cmdlet("Remove-UMMailboxPolicy")
def remove_um_mailbox_policy(cmd: ExchangeCmdlet, params: dict) -> None:
    _remove(cmd, "mailboxPolicy", params)


# --------------------------------------------------------------------------- auto attendants


@exchange_cmdlet("Get-UMAutoAttendant")
def get_um_auto_attendant(cmd: ExchangeCmdlet, params: dict) -> list:
    return _listed(cmd, "autoAttendant", params.get("Identity"), _of_dial_plan(cmd, params))


@exchange_cmdlet("New-UMAutoAttendant")
def new_um_auto_attendant(cmd: ExchangeCmdlet, params: dict) -> Any:
    name = params["Name"]
    values = _settings(cmd)
    dial_plan = cmd.resolve("dialPlan", params["UMDialPlan"])
    fallback = params.get("DTMFFallbackAutoAttendant")
    fallback = cmd.resolve("autoAttendant", fallback) if fallback is not None else None
    if not cmd.should_process(name):
        return None
    attendant = cmd.org.new_auto_attendant(
        name, dial_plan, pilot_identifiers=values.get("PilotIdentifierList"), speech_enabled=values.get("SpeechEnabled"),
        status=values.get("Status"), dtmf_fallback=fallback,
    )  # fmt: skip
    return cmd.output(attendant)


@exchange_cmdlet("Set-UMAutoAttendant")
def set_um_auto_attendant(cmd: ExchangeCmdlet, params: dict) -> None:
    _set(cmd, "autoAttendant", params)


@exchange_cmdlet("Remove-UMAutoAttendant")
def remove_um_auto_attendant(cmd: ExchangeCmdlet, params: dict) -> None:
    _remove(cmd, "autoAttendant", params)


@exchange_cmdlet("Enable-UMAutoAttendant")
def enable_um_auto_attendant(cmd: ExchangeCmdlet, params: dict) -> None:
    _set_status(cmd, "autoAttendant", params, "Enabled")


@exchange_cmdlet("Disable-UMAutoAttendant")
def disable_um_auto_attendant(cmd: ExchangeCmdlet, params: dict) -> None:
    _set_status(cmd, "autoAttendant", params, "Disabled")


# --------------------------------------------------------------------------- custom prompts


def _prompt_owner(cmd: ExchangeCmdlet, params: dict) -> Any:
    if params.get("UMDialPlan") is not None:
        return cmd.resolve("dialPlan", params["UMDialPlan"])
    return cmd.resolve("autoAttendant", params["UMAutoAttendant"])


def _prompt_audio(cmd: ExchangeCmdlet, params: dict) -> bytes:
    """The audio Import-UMPrompt uploads: ``-PromptFileData`` bytes, or the file that
    ``-PromptFileStream`` names, read from the shell's sandbox (emshell has no .NET streams: a
    path, or an object with a ``FullName``, stands for the opened file)."""
    if "PromptFileData" in params:
        return bytes(int(b) & 0xFF for b in params["PromptFileData"] or ())
    source = params["PromptFileStream"]
    path = getattr(source, "get_property", None) and source.get_property("FullName")
    path = str(path if path else source)
    host = cmd.runtime.runspace.sandbox.host_path(path)
    try:
        return host.read_bytes()
    except OSError:
        from emshell.model import ModelError

        raise ModelError(f"Could not find file '{path}'.", target=path, error_id="PromptFileStreamNotFound",
                         exception_type="System.IO.FileNotFoundException", category="ObjectNotFound") from None  # fmt: skip


@exchange_cmdlet("Import-UMPrompt")
def import_um_prompt(cmd: ExchangeCmdlet, params: dict) -> None:
    owner = _prompt_owner(cmd, params)
    name = params["PromptFileName"]
    audio = _prompt_audio(cmd, params)
    if cmd.should_process(name):
        cmd.org.import_prompt(owner, name, audio)


UM_PROMPT = "Microsoft.Exchange.Management.Tasks.UM.UMPrompt"  # APPROXIMATION: type name not verified


@exchange_cmdlet("Export-UMPrompt")
def export_um_prompt(cmd: ExchangeCmdlet, params: dict) -> Any:
    from emshell.cmdlets.exchange.runtime import ExchangeObject

    owner = _prompt_owner(cmd, params)
    name, audio = cmd.org.export_prompt(owner, params["PromptFileName"])
    if not cmd.should_process(name):
        return None
    properties = [("RunspaceId", cmd.runtime.runspace.runspace_id), ("AudioData", list(audio)), ("Name", name)]
    return ExchangeObject(properties, (UM_PROMPT, "System.Object"), name)
