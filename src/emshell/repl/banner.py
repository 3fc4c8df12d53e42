"""What the EMS window shows around the commands: banner, tip of the day, prompt and title.

Texts follow ``/work/shared/reference/ems-behaviour.md`` section 5: the banner lines of
``get-exbanner`` (labels in the default colour, commands in yellow), then a tip of the day
(``get-tip``: a yellow header, the tip, an empty line), then the connection messages; the prompt
is ``[PS]`` in yellow followed by `` <location>>``; the window title names the connected server.
The tip header and the title wording are not in public sources (recalled, unverified); the tips
themselves are emshell's own.

Every function returns *pieces*: ``(text, colour)`` pairs, so that the same text renders with
or without colour.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from random import Random

Pieces = list  # list[tuple[str, str | None]]

WELCOME = "         Welcome to the Exchange Management Shell!"
# (label, command): get-exbanner prints "label" then the command in yellow
BANNER_PAIRS = (
    ("Full list of cmdlets:", "Get-Command"),
    ("Only Exchange cmdlets:", "Get-ExCommand"),
    ("Cmdlets that match a specific string:", "Help *<string>*"),
    ("Get general help:", "Help"),
    ("Get help for a cmdlet:", "Help <cmdlet name> or <cmdlet name> -?"),
    ("Exchange team blog:", "Get-ExBlog"),
    ("Show full output for a command:", "<command> | Format-List"),
    ("", ""),
    ("Show quick reference guide:", "QuickRef"),
)

# emshell's tips, in its own words, for people learning Unified Messaging in EMS.
TIPS = (
    "A Mailbox server answers UM calls only for the dial plans its startup mode allows. Check it with:\n"
    "  Get-UMService | Format-List Name,UMStartupMode",
    "Dual startup mode lets a UM service answer both unsecured (TCP) and secured (TLS) dial plans:\n"
    "  Set-UMService -Identity MyUMServer1 -UMStartupMode Dual",
    "The UM Call Router on a Client Access server has its own startup mode. Keep it in step with the\n"
    "Mailbox servers:\n  Set-UMCallRouterSettings -Server MyUMCallRouter -UMStartupMode Dual",
    "TLS and Dual modes need a certificate assigned to the UM services. Set the startup mode first, then:\n"
    "  Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services UM,UMCallRouter",
    "A change of UMStartupMode takes effect only after the Microsoft Exchange Unified Messaging service\n"
    "restarts. The warning after Set-UMService reminds you of it.",
    "Secured and SIP secured dial plans need TLS or Dual mode. See a dial plan's security with:\n"
    "  Get-UMDialPlan | Format-Table Name,VoIPSecurity,URIType",
    "Only SIP URI dial plans can be listed in -DialPlans of Set-UMService. Find them with:\n"
    "  Get-UMDialPlan | Where-Object { $_.URIType -eq 'SipName' }",
    "Press Tab to complete cmdlet names, parameters, accepted values and the names of your UM objects.\n"
    "Press Tab again for the next match, Shift+Tab for the previous one, Ctrl+Space to see them all.",
    "Every UM dial plan gets a default UM mailbox policy. List policies and their dial plans with:\n"
    "  Get-UMMailboxPolicy | Format-Table Name,UMDialPlan",
    "Use -WhatIf to see what a Set- cmdlet would change without changing anything:\n"
    "  Set-UMService -Identity MyUMServer1 -UMStartupMode TLS -WhatIf",
    "A UM IP gateway connects a dial plan to your PBX or SIP trunk. Hunt groups tie a gateway to a\n"
    "dial plan:\n  Get-UMHuntGroup | Format-List Name,PilotIdentifier,UMDialPlan,UMIPGateway",
    "Format-List shows every property of an object; EMS shows up to 16 values of a multivalued property:\n"
    "  Get-UMService -Identity MyUMServer1 | Format-List",
    "To enable a user for UM, give a mailbox policy and an extension:\n"
    "  Enable-UMMailbox -Identity tonysmith -UMMailboxPolicy MyUMMailboxPolicy -Extensions 51234",
    "Auto attendants answer calls with menus. Business hours and holiday schedules belong to each one:\n"
    "  Get-UMAutoAttendant | Format-List Name,BusinessHoursSchedule,HolidaySchedule",
    "Store a result in a variable, then explore it with Tab after the dot:\n"
    "  $service = Get-UMService -Identity MyUMServer1\n  $service.UMStartupMode",
    "The UM service listens on SIP ports 5062 (TCP) and 5063 (TLS); the call router on 5060 and 5061.",
    "Pipe Get- cmdlets into Set- cmdlets to change many objects at once:\n"
    "  Get-UMService | Set-UMService -UMStartupMode Dual",
    "Type a parameter's first letters and press Tab: -UMS<Tab> becomes -UMStartupMode, and\n"
    "-UMStartupMode <Tab> offers TCP, TLS and Dual.",
)


def banner() -> Pieces:
    """The get-exbanner lines."""
    pieces: Pieces = [("\n" + WELCOME + "\n\n", None)]
    for label, command in BANNER_PAIRS:
        if not label:
            pieces.append(("\n", None))
            continue
        pieces.append((label + " ", None))
        pieces.append((command, "Yellow"))
        pieces.append(("\n", None))
    return pieces


def tip_of_the_day(rng: Random) -> Pieces:
    """get-tip: one tip at random, under a yellow header, then an empty line."""
    index = rng.randrange(len(TIPS))
    return [(f"Tip of the day #{index + 1}:", "Yellow"), ("\n\n" + TIPS[index] + "\n\n", None)]


def connection(fqdn: str) -> Pieces:
    """What Connect-ExchangeServer prints once it has connected."""
    return [(f"VERBOSE: Connecting to {fqdn}.", "Yellow"), ("\n", None),
            (f"VERBOSE: Connected to {fqdn}.", "Yellow"), ("\n", None)]  # fmt: skip


def prompt(location: str) -> Pieces:
    """The EMS prompt function: ``[PS]`` in yellow, then the location and ``>``."""
    return [("[PS]", "Yellow"), (f" {location}>", None)]


def window_title(fqdn: str) -> str:
    return f"Machine: {fqdn}"


def render(pieces: Pieces, color: bool) -> str:
    """Plain text, or text with ANSI colours."""
    if not color:
        return "".join(text for text, _ in pieces)
    from emshell.repl.colors import paint

    return "".join(paint(text, colour) if colour else text for text, colour in pieces)


def server_fqdn(org: object) -> str:
    """The FQDN of the server the shell is connected to."""
    fqdn = getattr(org, "local_server_fqdn", None)
    if fqdn:
        return str(fqdn)
    server = getattr(org, "local_server", None)
    fqdn = getattr(server, "Fqdn", None) if server is not None else None
    return str(fqdn) if fqdn else "localhost"
