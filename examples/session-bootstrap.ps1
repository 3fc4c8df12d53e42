# The lines real EMS scripts start with.  Run in the Exchange Management Shell they change
# nothing -- the shell is already connected -- and they must not fail, so that the same script
# runs from a plain PowerShell console and from EMS.

$log = "C:\Users\Administrator\Documents\um-change.log"
Start-Transcript -Path $log

# Connecting from a plain console: a remote session to the Exchange server, imported.
$Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://MyUMServer1.contoso.com/PowerShell/ -Authentication Kerberos
Import-PSSession $Session -DisableNameChecking -AllowClobber | Out-Null

# Older scripts load the snap-in, or EMS's own script, instead.
Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn
. $env:ExchangeInstallPath\bin\RemoteExchange.ps1
Connect-ExchangeServer -auto -ClientApplication:ManagementShell

# Search the whole forest, not only the local domain.
Set-AdServerSettings -ViewEntireForest $true

# The work itself.
Get-UMService -Identity MyUMServer1 | Format-Table Name, UMStartupMode, Status

# Loading the snap-in a second time is an error, as in Windows PowerShell 5.1.
Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn

# Tidy up: the session, then the transcript.
Remove-PSSession $Session
Get-PSSession
Stop-Transcript
Get-Content $log | Select-Object -Last 12
