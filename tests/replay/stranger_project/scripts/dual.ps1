# Move MyUMServer1 to Dual and show the result.
Set-UMService -Identity MyUMServer1 -UMStartupMode Dual -WarningAction SilentlyContinue
Get-UMService -Identity MyUMServer1 | Format-List Name, UMStartupMode
