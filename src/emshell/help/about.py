"""Conceptual help topics (``Get-Help about_...``), the general help page and QuickRef's guide.

All the text is emshell's own.  About topics print as plain text, laid out the way about
topics are (TOPIC / SHORT DESCRIPTION / LONG DESCRIPTION, four-space indent).
"""

from __future__ import annotations

ABOUT_EMSHELL = """\
TOPIC
    about_EMShell

SHORT DESCRIPTION
    What emshell is, and what it does and does not do.

LONG DESCRIPTION
    emshell imitates the Exchange Management Shell (EMS) of Exchange Server
    2016: Windows PowerShell 5.1 with the Exchange cmdlets imported from a
    remote session. It is meant for practice: the commands, their parameters,
    their output and their error messages look as they do on a real server,
    but they act on an emulated organization kept in memory (or in an org
    file given with --org), never on a real one.

    The Unified Messaging cmdlets are emulated in depth: Get-UMService,
    Set-UMService, the call router settings, dial plans, IP gateways, hunt
    groups, mailbox policies, auto attendants and UM mailboxes. The
    PowerShell language and the common cmdlets (Where-Object, Select-Object,
    Format-List, Format-Table ...) behave as in Windows PowerShell 5.1.

    FINDING YOUR WAY
        Get-Command           lists every command; Get-ExCommand lists only
                              the Exchange ones.
        Get-Help <command>    explains a command; add -Examples, -Detailed,
                              -Full or -Parameter <name> for more.
        <command> -?          is the same as Get-Help <command>.
        Get-Member            lists the properties of what a command returns.

    WHAT IS NOT THERE
        External programs, the file system outside the emulated C: drive,
        real network connections and other Exchange roles are not emulated.

SEE ALSO
    about_UM_StartupMode
    Get-Command
    Get-Help
"""

ABOUT_UM_STARTUP_MODE = """\
TOPIC
    about_UM_StartupMode

SHORT DESCRIPTION
    How the UM services choose between TCP and TLS, and how to change it.

LONG DESCRIPTION
    Two services take part in every Unified Messaging call on Exchange 2016:
    the UM Call Router service, which answers the call, and the UM service on
    a Mailbox server, which handles it. Each has a startup mode:

        TCP     unencrypted SIP only; for dial plans whose VoIPSecurity is
                Unsecured. This is the default.
        TLS     encrypted SIP only; for SIPSecured and Secured dial plans.
        Dual    both at once, so the server can serve dial plans of every
                security level. This is the usual choice.

    The mode of the UM service is set with Set-UMService -UMStartupMode and
    that of the call router with Set-UMCallRouterSettings -UMStartupMode.
    Either change is stored at once but takes effect when the service
    restarts, and the cmdlet warns about it.

    TLS and Dual need a certificate. Assign one with Enable-ExchangeCertificate
    -Services 'UM, UMCallRouter' after the startup mode allows TLS (the
    assignment is refused while the service runs in TCP mode), then restart
    both services. Returning to TCP mode clears the certificate setting.

    A typical sequence:

        Set-UMService MyUMServer1 -UMStartupMode Dual
        Set-UMCallRouterSettings -Server MyUMServer1 -UMStartupMode Dual
        Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services 'UM, UMCallRouter'
        Restart-Service MSExchangeUM, MSExchangeUMCR

SEE ALSO
    about_EMShell
    Set-UMService
    Set-UMCallRouterSettings
    Enable-ExchangeCertificate
"""

TOPICS = {"about_EMShell": ABOUT_EMSHELL, "about_UM_StartupMode": ABOUT_UM_STARTUP_MODE}

TOPIC_SYNOPSES = {
    "about_EMShell": "What emshell is, and what it does and does not do.",
    "about_UM_StartupMode": "How the UM services choose between TCP and TLS, and how to change it.",
}

DEFAULT_HELP = """\

TOPIC
    emshell help

SHORT DESCRIPTION
    How to get help in the shell.

LONG DESCRIPTION
    Get-Help shows help about commands and concepts. Some ways to use it:

        Get-Help <command>              what the command does and its syntax
        Get-Help <command> -Examples    examples only
        Get-Help <command> -Detailed    descriptions of the parameters too
        Get-Help <command> -Full        everything, with parameter details
        Get-Help <command> -Parameter <name>
                                        one parameter in detail
        Get-Help *UM*                   the commands and topics whose names
                                        contain UM
        Get-Help about_EMShell          an introduction to this shell
        <command> -?                    the same as Get-Help <command>

    To find commands, use Get-Command (all of them) or Get-ExCommand (the
    Exchange ones). To see what a command returns, pipe it to Get-Member.

"""

# Where EMS's QuickRef function (RemoteExchange.ps1) sends the browser; the page itself is
# not reproduced.
QUICKREF_URL = "http://go.microsoft.com/fwlink/p/?LinkId=259608"
EXBLOG_URL = "https://techcommunity.microsoft.com/t5/exchange-team-blog/bg-p/Exchange"

EXBLOG_GUIDE = """\
On an Exchange server Get-ExBlog opens the Exchange team blog in the web browser:
    {url}
emshell opens no browser; copy the address to read the blog."""

QUICKREF_GUIDE = """\
On an Exchange server QuickRef opens the Exchange Management Shell quick
reference in the web browser:
    {url}
emshell does not start programs; here is a short guide instead.

FINDING COMMANDS
    Get-ExCommand                       every Exchange cmdlet
    Get-ExCommand *UM*                  the Unified Messaging ones
    Get-Command -Noun UMService         the commands that act on the UM service
    Get-Help Set-UMService -Examples    how to use one

UM SERVICE AND CALL ROUTER
    Get-UMService | Format-List                     all UM settings of every server
    Set-UMService <server> -UMStartupMode Dual      TCP and TLS (restart needed)
    Get-UMCallRouterSettings -Server <server>       the call router's settings
    Set-UMCallRouterSettings -Server <server> -UMStartupMode Dual

DIAL PLANS, GATEWAYS, HUNT GROUPS
    Get-UMDialPlan | Format-Table Name, URIType, VoIPSecurity
    Get-UMIPGateway
    Get-UMHuntGroup

WORKING WITH OUTPUT
    <command> | Format-List *           every property
    <command> | Select-Object Name, X   chosen properties
    <command> | Where-Object X -EQ Y    chosen objects
    <command> -WhatIf                   what a change would do, without doing it
"""
