# Move every UM service and every UM call router of the organization to Dual startup mode, so
# that any server answers both secured and unsecured dial plans.  Ask first with -WhatIf, then
# change, then list what still needs a restart.

Get-UMService | Format-Table Name, UMStartupMode

# What would change?
Get-UMService | Where-Object { $_.UMStartupMode -ne "Dual" } | Set-UMService -UMStartupMode Dual -WhatIf

# Change them; the warnings say a restart is needed.
$WarningPreference = "SilentlyContinue"
$changed = Get-UMService | Where-Object { $_.UMStartupMode -ne "Dual" }
$changed | Set-UMService -UMStartupMode Dual
# The call routers follow (a Mailbox-only Exchange 2013 server has none: that error is ignored).
foreach ($server in $changed) {
    Set-UMCallRouterSettings -Server $server.Name -UMStartupMode Dual -ErrorAction SilentlyContinue
}
$WarningPreference = "Continue"
Get-UMCallRouterSettings | Format-List Identity, UMStartupMode

"{0} UM services moved to Dual: {1}" -f $changed.Count, (($changed | ForEach-Object Name) -join ", ")
Get-UMService | Group-Object UMStartupMode | Format-Table Name, Count -AutoSize
