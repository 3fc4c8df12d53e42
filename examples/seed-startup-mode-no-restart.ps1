# The seed procedure without its restart step: what a trainee sees who forgets to restart the
# UM services.  The stored mode is Dual, but the running services still listen in TCP mode, so
# the test call into the Secured dial plan fails and says that a restart is needed; the
# Unsecured dial plan still answers.
# Runs on emshell's built-in organization:  emshell examples/seed-startup-mode-no-restart.ps1

Get-UMService -Identity MyUMServer1 | Format-List Name, UMStartupMode, UMCertificateThumbprint

Set-UMService -Identity MyUMServer1 -UMStartupMode Dual
Set-UMCallRouterSettings -Server MyUMServer1 -UMStartupMode Dual
Enable-ExchangeCertificate -Server MyUMServer1 -Thumbprint 5113AE0233A72FCCB75B1D0198628675333D010E -Services 'UM, UMCallRouter'

# (no Restart-Service MSExchangeUM / MSExchangeUMCR here)

Get-UMService -Identity MyUMServer1 | Format-List Name, UMStartupMode, UMCertificateThumbprint
Test-UMConnectivity -UMDialPlan MySIPDialPlan -Phone 23456 -PIN 246810 -TUILogon $true
Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 5643892 -TUILogon $true
