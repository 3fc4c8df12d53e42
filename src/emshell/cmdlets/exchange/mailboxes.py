"""UM mailboxes: Enable-/Disable-/Get-/Set-UMMailbox, Get-UMMailboxPin, Set-UMMailboxPIN and the
call answering rules (New-/Get-/Set-/Remove-/Enable-/Disable-UMCallAnsweringRule).

Exchange semantics kept here (the rules themselves live in the model):

- a mailbox is UM-enabled with a UM mailbox policy; its extensions must fit the policy's dial
  plan (``NumberOfDigitsInExtension``) and be unique in it; on SipName and E164 dial plans it
  also needs a SIP or E.164 resource identifier; its EUM proxy addresses are added;
- Enable-UMMailbox treats the PIN as expired unless ``-PINExpired $false`` (the task's default
  is ``$true``); Set-UMMailboxPIN does the same and clears a lock-out unless ``-LockedOut $true``;
- Disable-UMMailbox keeps the UM properties unless ``-KeepProperties $false`` (the reference's
  default);
- Get-UMMailbox skips a mailbox that is not UM-enabled and only says so in the verbose stream,
  as the task does (``ShouldSkipObject``);
- call answering rules live in a UM-enabled mailbox: without ``-Mailbox`` the rule cmdlets act
  on the mailbox of the user running the shell; priorities are unique per mailbox.

Every change is validated before ShouldProcess (a trial run that is undone), so a command that
would fail fails under ``-WhatIf`` as well, as Exchange's tasks validate first.
"""

from __future__ import annotations

from emshell.cmdlets.exchange.recipients import (
    anr_matches,
    apply_filter,
    dry_run,
    in_container,
    organizational_unit,
    sort_and_limit,
    wildcard_matches,
)
from emshell.cmdlets.exchange.runtime import exchange_cmdlet, model_value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet

# Paraphrases (Exchange's English resources are not public; APPROXIMATIONS.md).
NOT_UM_ENABLED = 'The mailbox "{0}" isn\'t enabled for Unified Messaging.'
ALREADY_UM_ENABLED = 'The mailbox "{0}" is already enabled for Unified Messaging.'
CLOUD_VOICE_MAIL = ("emshell does not emulate cloud voice mail (Skype for Business Online): the mailbox is enabled "
                    "for Unified Messaging on premises with UM mailbox policy \"{0}\".")  # fmt: skip
CLOUD_VOICE_MAIL_NEEDS_POLICY = ("emshell does not emulate cloud voice mail (Skype for Business Online): use "
                                 "-UMMailboxPolicy to enable the mailbox for Unified Messaging on premises.")  # fmt: skip
POLICY_IN_OTHER_DIAL_PLAN = ('The UM mailbox policy "{0}" belongs to UM dial plan "{1}", but the mailbox "{2}" is '
                             'in UM dial plan "{3}". Disable and enable the mailbox to move it to another dial plan.')


def _whatif(cmd: ExchangeCmdlet, *values: Any) -> str:
    from emshell.cmdlets.exchange.messages import WHATIF

    return WHATIF[cmd.metadata.name].format(*values)


def _um_mailbox(cmd: ExchangeCmdlet, identity: Any) -> Any:
    """A mailbox that must be UM-enabled for the command."""
    from emshell.model.errors import DomainRuleError

    mailbox = cmd.resolve("mailbox", identity)
    if not mailbox.UMEnabled:
        raise DomainRuleError(NOT_UM_ENABLED.format(mailbox.Identity), target=mailbox.Name,
                              error_id="MailboxNotUMEnabled")  # fmt: skip
    return mailbox


def _named(cmd: ExchangeCmdlet, identity: Any) -> list:
    """The mailboxes a Get- cmdlet's ``-Identity`` names (``*`` wildcards allowed), or EMS's
    not-found error."""
    return (wildcard_matches(list(cmd.org.mailboxes), identity) or cmd.org.find("mailbox", identity)
            or [cmd.resolve("mailbox", identity)])  # fmt: skip


def _executing_user(cmd: ExchangeCmdlet) -> str:
    """``DOMAIN\\user`` of the user running the shell (the mailbox a rule cmdlet uses by default)."""
    return f"{cmd.org.settings.netbios_domain}\\{cmd.context.user_name}"


# --------------------------------------------------------------------------- UM mailboxes


@exchange_cmdlet("Enable-UMMailbox")
def enable_um_mailbox(cmd: ExchangeCmdlet, params: dict) -> Any:
    from emshell.model.errors import DomainRuleError

    identity = params["Identity"]
    mailbox = cmd.resolve("mailbox", identity)
    if mailbox.UMEnabled:
        raise DomainRuleError(ALREADY_UM_ENABLED.format(mailbox.Name), target=mailbox.Name,
                              error_id="UserAlreadyUmEnabledException")  # fmt: skip
    policy_identity = params.get("UMMailboxPolicy")
    if policy_identity is None:  # only the CloudVoiceMail set lets it out
        raise DomainRuleError(CLOUD_VOICE_MAIL_NEEDS_POLICY, error_id="CloudVoiceMailNotEmulated")
    policy = cmd.resolve("mailboxPolicy", policy_identity)
    if params.get("NotifyEmail") is not None:
        _check_address(params["NotifyEmail"])
    options = {
        "extensions": model_value(params.get("Extensions")), "pin": model_value(params.get("PIN")),
        "pin_expired": params.get("PINExpired", True), "sip_resource_identifier": params.get("SIPResourceIdentifier"),
        "automatic_speech_recognition_enabled": params.get("AutomaticSpeechRecognitionEnabled"),
    }  # fmt: skip

    def enable() -> Any:
        cmd.org.enable_um_mailbox(mailbox, policy, **options)
        return cmd.output(mailbox)

    validated = dry_run(cmd, enable)
    if params.get("ValidateOnly"):
        return validated  # what would be written, and nothing is
    if not cmd.should_process(str(identity), message=_whatif(cmd, identity, policy_identity)):
        return None
    if params.get("EnableCloudVoiceMail"):
        cmd.write_warning(CLOUD_VOICE_MAIL.format(policy.Name))
    return enable()


def _check_address(value: Any) -> None:
    """``-NotifyEmail`` must be an SMTP address (the welcome message itself is not emulated:
    EMS shows nothing of it either)."""
    from emshell.model.values import SmtpAddress

    SmtpAddress.parse(value)


@exchange_cmdlet("Disable-UMMailbox")
def disable_um_mailbox(cmd: ExchangeCmdlet, params: dict) -> None:
    identity = params["Identity"]
    mailbox = _um_mailbox(cmd, identity)
    keep = params.get("KeepProperties", True)
    dry_run(cmd, lambda: cmd.org.disable_um_mailbox(mailbox, keep))
    if cmd.should_process(str(identity)):
        cmd.org.disable_um_mailbox(mailbox, keep)


@exchange_cmdlet("Get-UMMailbox")
def get_um_mailbox(cmd: ExchangeCmdlet, params: dict) -> list:
    identity = params.get("Identity")
    if identity is not None:
        records = _named(cmd, identity)
        for mailbox in records:
            if not mailbox.UMEnabled:
                cmd.write_verbose(NOT_UM_ENABLED.format(identity))
        records = [m for m in records if m.UMEnabled]
    else:
        records = [m for m in cmd.org.mailboxes if m.UMEnabled]
    if params.get("Anr") is not None:
        records = [m for m in records if anr_matches(m, str(params["Anr"]))]
    if params.get("OrganizationalUnit") is not None:
        container = organizational_unit(cmd, params["OrganizationalUnit"])
        records = [m for m in records if in_container(m, container)]
    snapshots = apply_filter(cmd, [m.snapshot() for m in records])
    return [cmd.output(s) for s in sort_and_limit(cmd, snapshots, ("Name", "DisplayName", "ServerLegacyDN"))]


@exchange_cmdlet("Set-UMMailbox")
def set_um_mailbox(cmd: ExchangeCmdlet, params: dict) -> None:
    identity = params["Identity"]
    mailbox = _um_mailbox(cmd, identity)
    changes = cmd.changes()
    if "UMMailboxPolicy" in changes:
        _check_same_dial_plan(cmd, mailbox, cmd.resolve("mailboxPolicy", changes["UMMailboxPolicy"]))
    dry_run(cmd, lambda: cmd.org.set_properties(mailbox, changes))
    if cmd.should_process(str(identity)):
        cmd.apply(mailbox, changes, identity)


def _check_same_dial_plan(cmd: ExchangeCmdlet, mailbox: Any, policy: Any) -> None:
    from emshell.model.errors import DomainRuleError

    current = cmd.org.get("mailboxPolicy", mailbox.policy_guid)
    if current is None or current.dial_plan_guid == policy.dial_plan_guid:
        return
    org = cmd.org
    raise DomainRuleError(
        POLICY_IN_OTHER_DIAL_PLAN.format(policy.Name, org.name_of("dialPlan", policy.dial_plan_guid), mailbox.Identity,
                                         org.name_of("dialPlan", current.dial_plan_guid)),
        target=policy.Name,
        error_id="DialPlanMismatch",
    )  # fmt: skip


# --------------------------------------------------------------------------- PINs


@exchange_cmdlet("Get-UMMailboxPin")
def get_um_mailbox_pin(cmd: ExchangeCmdlet, params: dict) -> list:
    from emshell.model.errors import DomainRuleError

    identity = params.get("Identity")
    if identity is None:
        records = [m for m in cmd.org.mailboxes if m.UMEnabled]
    else:
        records = []
        for mailbox in _named(cmd, identity):
            if mailbox.UMEnabled:
                records.append(mailbox)
            elif params.get("IgnoreErrors"):  # errors become warnings
                cmd.write_warning(NOT_UM_ENABLED.format(mailbox.Identity))
            else:
                raise DomainRuleError(NOT_UM_ENABLED.format(mailbox.Identity), target=mailbox.Name,
                                      error_id="MailboxNotUMEnabled")  # fmt: skip
    views = [m.pin_view().snapshot() for m in records]
    return [cmd.output(v) for v in sort_and_limit(cmd, views, ())]


@exchange_cmdlet("Set-UMMailboxPIN")
def set_um_mailbox_pin(cmd: ExchangeCmdlet, params: dict) -> Any:
    identity = params["Identity"]
    mailbox = _um_mailbox(cmd, identity)
    if params.get("NotifyEmail") is not None:
        _check_address(params["NotifyEmail"])
    options = {"pin": model_value(params.get("Pin")), "pin_expired": params.get("PINExpired", True),
               "locked_out": params.get("LockedOut", False)}  # fmt: skip
    dry_run(cmd, lambda: cmd.org.set_um_pin(mailbox, **options))
    if not cmd.should_process(str(identity)):
        return None
    return cmd.output(cmd.org.set_um_pin(mailbox, **options))


# --------------------------------------------------------------------------- call answering rules


def _rule_mailbox(cmd: ExchangeCmdlet, params: dict) -> Any:
    """The mailbox ``-Mailbox`` names, else the mailbox of the user running the shell."""
    identity = params.get("Mailbox")
    return _um_mailbox(cmd, identity if identity is not None else _executing_user(cmd))


def _rule(cmd: ExchangeCmdlet, params: dict) -> Any:
    """The rule ``-Identity`` names: in ``-Mailbox`` (or the user's own mailbox) unless the
    identity is a full ``<mailbox>\\<rule id>`` (a rule piped from Get-UMCallAnsweringRule)."""
    from emshell.cmdlets.exchange.types import identity_text

    identity = params["Identity"]
    text = identity_text(identity)
    if isinstance(text, str) and "\\" in text and params.get("Mailbox") is None:
        return cmd.resolve("callAnsweringRule", text)
    return cmd.resolve("callAnsweringRule", text, mailbox=_rule_mailbox(cmd, params))


_RULE_FIELDS = ("CallerIds", "CallersCanInterruptGreeting", "CheckAutomaticReplies", "ExtensionsDialed", "KeyMappings",
                "Priority", "ScheduleStatus", "TimeOfDay")  # fmt: skip


@exchange_cmdlet("New-UMCallAnsweringRule")
def new_um_call_answering_rule(cmd: ExchangeCmdlet, params: dict) -> Any:
    mailbox = _rule_mailbox(cmd, params)
    name = params["Name"]
    values = cmd.changes([n for n in _RULE_FIELDS if n in params])

    def create() -> Any:
        return cmd.org.new_call_answering_rule(mailbox, name, **values)

    dry_run(cmd, create)
    if not cmd.should_process(str(name)):
        return None
    return cmd.output(create())


@exchange_cmdlet("Get-UMCallAnsweringRule")
def get_um_call_answering_rule(cmd: ExchangeCmdlet, params: dict) -> list:
    if params.get("Identity") is not None:
        rules = [_rule(cmd, params)]
    else:
        rules = sorted(_rule_mailbox(cmd, params).call_answering_rules, key=lambda r: r.Priority)
    return [cmd.output(rule) for rule in rules]


@exchange_cmdlet("Set-UMCallAnsweringRule")
def set_um_call_answering_rule(cmd: ExchangeCmdlet, params: dict) -> None:
    identity = params["Identity"]
    rule = _rule(cmd, params)
    changes = cmd.changes([n for n in ("Name", *_RULE_FIELDS) if n in params])
    dry_run(cmd, lambda: cmd.org.set_properties(rule, changes))
    if cmd.should_process(str(identity)):
        cmd.apply(rule, changes, identity)


@exchange_cmdlet("Remove-UMCallAnsweringRule")
def remove_um_call_answering_rule(cmd: ExchangeCmdlet, params: dict) -> None:
    rule = _rule(cmd, params)
    if cmd.should_process(str(params["Identity"])):
        cmd.org.remove(rule)


def _switch_rule(cmd: ExchangeCmdlet, params: dict, enabled: bool) -> None:
    rule = _rule(cmd, params)
    if cmd.should_process(str(params["Identity"])):
        cmd.org.set_properties(rule, {"Enabled": enabled})


@exchange_cmdlet("Enable-UMCallAnsweringRule")
def enable_um_call_answering_rule(cmd: ExchangeCmdlet, params: dict) -> None:
    _switch_rule(cmd, params, True)


@exchange_cmdlet("Disable-UMCallAnsweringRule")
def disable_um_call_answering_rule(cmd: ExchangeCmdlet, params: dict) -> None:
    _switch_rule(cmd, params, False)
