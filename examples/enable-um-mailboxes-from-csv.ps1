# Enable Unified Messaging for the users listed in a CSV file, report what happened, and keep
# going when a row fails.  The CSV is C:\temp\um-users.csv (beside this script:
# enable-um-mailboxes-from-csv.files\temp\um-users.csv); the policy is asked for, and answered by
# enable-um-mailboxes-from-csv.input.

$policy = Read-Host "UM mailbox policy"
$users = Import-Csv C:\temp\um-users.csv
"{0} users to enable with policy {1}" -f $users.Count, $policy

$report = foreach ($user in $users) {
    try {
        Enable-UMMailbox -Identity $user.Alias -UMMailboxPolicy $policy -Extensions $user.Extension -PIN $user.PIN -ErrorAction Stop | Out-Null
        [pscustomobject]@{ Alias = $user.Alias; Extension = $user.Extension; Result = "Enabled" }
    }
    catch {
        [pscustomobject]@{ Alias = $user.Alias; Extension = $user.Extension; Result = $_.Exception.Message }
    }
}

$report | Format-Table Alias, Extension, Result -AutoSize -Wrap
$report | Export-Csv C:\temp\um-report.csv -NoTypeInformation
Get-Content C:\temp\um-report.csv

Get-UMMailbox | Sort-Object Name | Format-Table Name, Extensions, UMMailboxPolicy
