# A Unified Messaging report: servers, dial plans and UM-enabled users, shaped with
# Select-Object, Sort-Object and Format-Table, and saved to a text file.

Get-UMService | Sort-Object Name | Select-Object Name, UMStartupMode, @{Name = "DialPlanCount"; Expression = { $_.DialPlans.Count }} | Format-Table -AutoSize

Get-UMDialPlan | Select-Object Name, URIType, VoIPSecurity, NumberOfDigitsInExtension | Sort-Object VoIPSecurity, Name | Format-Table

$users = Get-UMMailbox | Sort-Object Name
$users | Format-Table Name, @{Label = "Extension"; Expression = { $_.Extensions -join ", " }}, UMDialPlan -AutoSize
"{0} UM-enabled users in {1} dial plans" -f $users.Count, ($users | Select-Object -ExpandProperty UMDialPlan -Unique | Measure-Object).Count

New-Item C:\reports -ItemType Directory | Out-Null
$users | Select-Object Name, UMDialPlan | Format-Table -AutoSize | Out-File C:\reports\um-users.txt -Width 80
Get-ChildItem C:\reports -Name
Get-Content C:\reports\um-users.txt
