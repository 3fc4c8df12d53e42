# Provision Unified Messaging for a new site: a dial plan, the IP gateway of the site's PBX, a
# hunt group on that gateway, and a mailbox policy.  Adapted from the examples of the Exchange
# cmdlet reference (New-UMDialPlan, New-UMIPGateway, New-UMHuntGroup, New-UMMailboxPolicy).

$dialPlan = "Fabrikam Seattle"

New-UMDialPlan -Name $dialPlan -NumberOfDigitsInExtension 4 -URIType TelExtn -CountryOrRegionCode 1 -VoIPSecurity Unsecured
Set-UMDialPlan -Identity $dialPlan -AccessTelephoneNumbers "+14255550123" -OutsideLineAccessCode 9

New-UMIPGateway -Name "SEA-PBX01" -Address 10.20.30.40
New-UMHuntGroup -Name "SEA Main" -PilotIdentifier 5100 -UMDialPlan $dialPlan -UMIPGateway "SEA-PBX01"
New-UMMailboxPolicy -Name "Fabrikam Seattle Policy" -UMDialPlan $dialPlan

# The UM service of each Mailbox server answers the new plan (Exchange 2013 and later: no need
# to add servers to it).  What was made:
Get-UMDialPlan -Identity $dialPlan | Format-List Name, NumberOfDigitsInExtension, URIType, VoIPSecurity, AccessTelephoneNumbers, OutsideLineAccessCode
Get-UMHuntGroup -UMDialPlan $dialPlan | Format-Table Name, PilotIdentifier, UMDialPlan, UMIPGateway
Get-UMMailboxPolicy -UMDialPlan $dialPlan | Format-Table Name, UMDialPlan, MinPINLength

# A second hunt group with the same pilot number on the same gateway is refused.
New-UMHuntGroup -Name "SEA Duplicate" -PilotIdentifier 5100 -UMDialPlan $dialPlan -UMIPGateway "SEA-PBX01"
