"""Descriptions and examples for the Exchange cmdlets, in emshell's words.

The synopsis and the parameter texts of the Exchange cmdlets come from the cmdlet reference
(``emshell/cmdlets/exchange/cmdlets.json``, already written in our own words); this table adds
the longer description and examples for the cmdlets a UM administrator uses most.  The object
names in the examples are those of emshell's built-in organization.
"""

from __future__ import annotations

from emshell.help.texts import CommandText

_REMOTE = ("In EMS this cmdlet runs on the Exchange server through the remote session; its errors come "
           "back from the server and carry the server's name.")  # fmt: skip

TEXTS: dict[str, CommandText] = {
    "Get-UMService": CommandText(
        description="Get-UMService reads the Unified Messaging settings of Mailbox servers: the startup mode "
                    "(TCP, TLS or Dual), the dial plans the service answers for, the SIP ports, the "
                    "certificate thumbprint used for TLS, and the logging settings.\n\nWithout Identity it "
                    "lists every server that runs the UM service. Pipe the result to Format-List to see all "
                    "the settings.\n\n" + _REMOTE,
        examples=(("Get-UMService", "Lists every UM service with a few key settings."),
                  ("Get-UMService -Identity MyUMServer1 | Format-List", "Shows all UM settings of one server."),
                  ("Get-UMService | Where-Object UMStartupMode -NE TCP",
                   "Finds the servers that accept TLS connections.")),
    ),
    "Set-UMService": CommandText(
        description="Set-UMService changes the Unified Messaging settings of a Mailbox server. The change is "
                    "stored at once, but most settings -- the startup mode in particular -- take effect only "
                    "after the Microsoft Exchange Unified Messaging service restarts, and the cmdlet warns "
                    "about that.\n\nSwitching to TLS or Dual needs a certificate assigned to the UM service "
                    "with Enable-ExchangeCertificate; switching back to TCP clears the certificate setting.\n\n"
                    "Multi-valued settings such as DialPlans accept a new list, or @{Add=...; Remove=...} to "
                    "change the current one.\n\n" + _REMOTE,
        examples=(("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual",
                   "Lets the UM service accept both TCP and TLS connections."),
                  ("Set-UMService -Identity MyUMServer1 -DialPlans @{Add='MySIPDialPlan'}",
                   "Adds a SIP dial plan to the dial plans the service answers for."),
                  ("Set-UMService MyUMServer1 -UMStartupMode TLS -WhatIf",
                   "Shows what would change without changing it.")),
        related=("Get-UMService", "Enable-ExchangeCertificate", "Set-UMCallRouterSettings"),
    ),
    "Get-UMCallRouterSettings": CommandText(
        description="Get-UMCallRouterSettings reads the settings of the Microsoft Exchange Unified Messaging "
                    "Call Router service, which answers incoming calls on a server and hands them to a UM "
                    "service. Without Server it reads the settings of the server the shell is connected "
                    "to.\n\n" + _REMOTE,
        examples=(("Get-UMCallRouterSettings", "Shows the call router settings of the local server."),
                  ("Get-UMCallRouterSettings -Server MBX01 | Format-List", "Shows every setting of MBX01's "
                                                                           "call router.")),
        related=("Set-UMCallRouterSettings", "Get-UMService"),
    ),
    "Set-UMCallRouterSettings": CommandText(
        description="Set-UMCallRouterSettings changes the call router's startup mode, SIP ports and dial "
                    "plans. As with the UM service, a new startup mode applies after the service "
                    "restarts.\n\n" + _REMOTE,
        examples=(("Set-UMCallRouterSettings -Server MBX01 -UMStartupMode Dual",
                   "Lets MBX01's call router accept TCP and TLS connections."),),
        related=("Get-UMCallRouterSettings", "Set-UMService"),
    ),
    "Get-UMDialPlan": CommandText(
        description="Get-UMDialPlan reads UM dial plans: the extension length, the URI type (telephone "
                    "extension, E.164 or SIP), the VoIP security level and the many call-handling settings "
                    "that apply to the users of the plan.\n\n" + _REMOTE,
        examples=(("Get-UMDialPlan", "Lists every dial plan."),
                  ("Get-UMDialPlan MySIPDialPlan | Format-List", "Shows all settings of one dial plan.")),
    ),
    "New-UMDialPlan": CommandText(
        description="New-UMDialPlan creates a dial plan. The name, the URI type and the number of digits in an "
                    "extension cannot be changed later. A default UM mailbox policy is created with it.\n\n"
                    + _REMOTE,
        examples=(("New-UMDialPlan -Name LabDialPlan -NumberOfDigitsInExtension 4 -CountryOrRegionCode 1",
                   "Creates a dial plan with four-digit extensions."),),
    ),
    "Set-UMDialPlan": CommandText(
        description="Set-UMDialPlan changes the settings of a dial plan, such as its VoIP security level or "
                    "the numbers users may dial.\n\n" + _REMOTE,
        examples=(("Set-UMDialPlan MySIPDialPlan -VoIPSecurity Secured",
                   "Requires encrypted signalling and media for the dial plan."),),
    ),
    "Get-UMIPGateway": CommandText(
        description="Get-UMIPGateway reads the UM IP gateways: the VoIP gateways, IP PBXs or session border "
                    "controllers that UM talks to, with their address, port and status.\n\n" + _REMOTE,
        examples=(("Get-UMIPGateway", "Lists every UM IP gateway."),),
    ),
    "New-UMIPGateway": CommandText(
        description="New-UMIPGateway creates a UM IP gateway object for a telephony device, given by IP "
                    "address or fully qualified domain name. A TLS-secured dial plan needs the FQDN form.\n\n"
                    + _REMOTE,
        examples=(("New-UMIPGateway -Name LabGateway -Address 10.0.0.20", "Creates a gateway for 10.0.0.20."),),
    ),
    "Get-UMHuntGroup": CommandText(
        description="Get-UMHuntGroup reads hunt groups, which connect a gateway's pilot number to a dial "
                    "plan.\n\n" + _REMOTE,
        examples=(("Get-UMHuntGroup", "Lists every hunt group."),),
    ),
    "New-UMHuntGroup": CommandText(
        description="New-UMHuntGroup links a UM IP gateway to a dial plan, optionally for one pilot "
                    "number.\n\n" + _REMOTE,
        examples=(("New-UMHuntGroup -Name LabHuntGroup -UMIPGateway MyUMIPGateway -UMDialPlan MyUMDialPlan "
                   "-PilotIdentifier 5100", "Routes calls to pilot number 5100 to MyUMDialPlan."),),
    ),
    "Get-UMMailboxPolicy": CommandText(
        description="Get-UMMailboxPolicy reads UM mailbox policies: PIN rules, allowed features and message "
                    "texts shared by the mailboxes that use the policy.\n\n" + _REMOTE,
        examples=(("Get-UMMailboxPolicy", "Lists every UM mailbox policy."),),
    ),
    "Get-UMAutoAttendant": CommandText(
        description="Get-UMAutoAttendant reads auto attendants, the menus that answer calls to a pilot "
                    "number and route callers onwards.\n\n" + _REMOTE,
        examples=(("Get-UMAutoAttendant", "Lists every auto attendant."),),
    ),
    "Get-UMMailbox": CommandText(
        description="Get-UMMailbox reads the Unified Messaging settings of UM-enabled mailboxes: extensions, "
                    "dial plan, policy and the voice features turned on.\n\n" + _REMOTE,
        examples=(("Get-UMMailbox", "Lists the UM-enabled mailboxes."),),
    ),
    "Enable-UMMailbox": CommandText(
        description="Enable-UMMailbox turns on Unified Messaging for a mailbox, giving it an extension and a "
                    "UM mailbox policy (and so a dial plan).\n\n" + _REMOTE,
        examples=(("Enable-UMMailbox -Identity 'Jeff Hay' -UMMailboxPolicy MyUMMailboxPolicy -Extensions 54321",
                   "UM-enables Jeff Hay's mailbox with extension 54321 (MyUMDialPlan has five-digit "
                   "extensions)."),),
    ),
    "Get-ExchangeServer": CommandText(
        description="Get-ExchangeServer reads the Exchange servers of the organization: their roles, site, "
                    "edition and version.\n\n" + _REMOTE,
        examples=(("Get-ExchangeServer", "Lists every Exchange server."),
                  ("Get-ExchangeServer MBX01 | Format-List Name, ServerRole, AdminDisplayVersion",
                   "Shows the roles and the version of MBX01.")),
    ),
    "Get-ExchangeCertificate": CommandText(
        description="Get-ExchangeCertificate lists the certificates on an Exchange server with the services "
                    "they are assigned to (I IMAP, P POP, U UM, W IIS, S SMTP, C UM call router).\n\n" + _REMOTE,
        examples=(("Get-ExchangeCertificate", "Lists the certificates of the local server."),),
    ),
    "Enable-ExchangeCertificate": CommandText(
        description="Enable-ExchangeCertificate assigns a certificate to Exchange services. For the UM and "
                    "UM call router services the service must already run in TLS or Dual mode, and the "
                    "services must restart to use the certificate.\n\n" + _REMOTE,
        examples=(("Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services 'UM, UMCallRouter'",
                   "Assigns the certificate to both UM services."),),
    ),
    "Test-UMConnectivity": CommandText(
        description="Test-UMConnectivity checks that the UM services answer: it places a test call and "
                    "reports how long each step took.\n\n" + _REMOTE,
        examples=(("Test-UMConnectivity", "Tests the UM services of the local server."),),
    ),
}
