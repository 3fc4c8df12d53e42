"""The sentences Exchange cmdlets print for -WhatIf and -Confirm, in one place.

PowerShell supplies ``What if: `` and the confirmation frame; Exchange supplies the sentence
(each task's ``ConfirmationMessage``).  Exchange's own English resources are not public
(ems-behaviour.md §6): every sentence below is a PARAPHRASE in Exchange's usual pattern
(``Setting mailbox "contoso.com/Users/John".``), with ``{0}`` for the identity as typed.
Replace an entry when a capture of the real text turns up.
"""

from __future__ import annotations

WHATIF: dict[str, str] = {
    # servers and services
    "Set-UMService": 'Setting UM service "{0}".',
    "Enable-UMService": 'Enabling UM service "{0}".',
    "Disable-UMService": 'Disabling UM service "{0}".',
    "Set-UMCallRouterSettings": 'Setting UM call router settings "{0}".',
    "Enable-ExchangeCertificate": 'Enabling certificate "{0}" for the selected services.',
    "New-ExchangeCertificate": 'Creating a self-signed certificate "{0}".',
    "Test-UMConnectivity": 'Testing UM connectivity "{0}".',
    "Export-UMCallDataRecord": 'Exporting the UM call data records of "{0}".',
    # dial plans, gateways, hunt groups, policies, auto attendants, prompts
    "New-UMDialPlan": 'Creating UM dial plan "{0}".',
    "Set-UMDialPlan": 'Setting UM dial plan "{0}".',
    "Remove-UMDialPlan": 'Removing UM dial plan "{0}".',
    "New-UMIPGateway": 'Creating UM IP gateway "{0}".',
    "Set-UMIPGateway": 'Setting UM IP gateway "{0}".',
    "Remove-UMIPGateway": 'Removing UM IP gateway "{0}".',
    "Enable-UMIPGateway": 'Enabling UM IP gateway "{0}".',
    "Disable-UMIPGateway": 'Disabling UM IP gateway "{0}".',
    "New-UMHuntGroup": 'Creating UM hunt group "{0}".',
    "Remove-UMHuntGroup": 'Removing UM hunt group "{0}".',
    "New-UMMailboxPolicy": 'Creating UM mailbox policy "{0}".',
    "Set-UMMailboxPolicy": 'Setting UM mailbox policy "{0}".',
    "Remove-UMMailboxPolicy": 'Removing UM mailbox policy "{0}".',
    "New-UMAutoAttendant": 'Creating UM auto attendant "{0}".',
    "Set-UMAutoAttendant": 'Setting UM auto attendant "{0}".',
    "Remove-UMAutoAttendant": 'Removing UM auto attendant "{0}".',
    "Enable-UMAutoAttendant": 'Enabling UM auto attendant "{0}".',
    "Disable-UMAutoAttendant": 'Disabling UM auto attendant "{0}".',
    "Import-UMPrompt": 'Importing UM prompt "{0}".',
    "Export-UMPrompt": 'Exporting UM prompt "{0}".',
    # mailboxes and call answering rules
    "Enable-UMMailbox": 'Enabling Unified Messaging for mailbox "{0}" with UM mailbox policy "{1}".',
    "Disable-UMMailbox": 'Disabling Unified Messaging for mailbox "{0}".',
    "Set-UMMailbox": 'Setting UM mailbox "{0}".',
    "Set-UMMailboxPIN": 'Setting the UM PIN of mailbox "{0}".',
    "New-UMCallAnsweringRule": 'Creating call answering rule "{0}".',
    "Set-UMCallAnsweringRule": 'Setting call answering rule "{0}".',
    "Remove-UMCallAnsweringRule": 'Removing call answering rule "{0}".',
    "Enable-UMCallAnsweringRule": 'Enabling call answering rule "{0}".',
    "Disable-UMCallAnsweringRule": 'Disabling call answering rule "{0}".',
    "Set-Mailbox": 'Setting mailbox "{0}".',
}

# Server, certificate, service and connectivity cmdlets: texts whose exact English was not
# found.  Each is a PARAPHRASE in Exchange's style unless marked "recalled" (seen in EMS output
# once, not verified against a source).  Replace an entry when a capture turns up.
SERVER_MESSAGES: dict[str, str] = {
    # recalled: Exchange 2016 warns on every use of the old cmdlet
    "ClientAccessServerDeprecated": "The Get-ClientAccessServer cmdlet will be removed in a future version of "
                                    "Exchange. Use the Get-ClientAccessService cmdlet instead.",  # fmt: skip
    "NoUMService": "The Microsoft Exchange Unified Messaging service isn't installed on server {0}.",
    "NoCallRouter": "The Microsoft Exchange Unified Messaging Call Router service isn't installed on server {0}.",
    "KeySize": "The key size {0} isn't valid. Valid key sizes are 1024, 2048 and 4096.",
    "RequestNotKept": "emshell doesn't emulate pending certificate requests: the request for \"{0}\" isn't "
                      "added to the certificate store of server {1}.",  # fmt: skip
    "StopNotEmulated": "emshell doesn't emulate stopping the service '{0}'; it keeps running.",
    "NoTestMailboxes": "No UM-enabled test mailboxes were found in Active Directory site {0}. Create them "
                       "with New-TestCasConnectivityUser.ps1, then enable them for Unified Messaging.",  # fmt: skip
    "NotUMEnabled": 'The mailbox "{0}" isn\'t enabled for Unified Messaging.',
    "NotEmulated": "emshell doesn't emulate {0}: -{1} has no effect.",
}
