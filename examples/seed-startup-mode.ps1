# The seed procedure: switch the UM startup mode of the Mailbox server MyUMServer1 (the server
# the shell runs on) from TCP to Dual, so that it answers secured and unsecured dial plans.
# Runs on emshell's built-in organization:  emshell examples/seed-startup-mode.ps1

# 1. The Microsoft Exchange Unified Messaging service starts in TCP mode: it answers unsecured
#    dial plans only.
Get-UMService -Identity MyUMServer1 | Format-List Name, UMStartupMode, UMCertificateThumbprint

# 2. Dual mode listens for TCP and TLS calls.  An Exchange 2016 server also runs the UM Call
#    Router, which takes the calls first: it needs the same mode.
Set-UMService -Identity MyUMServer1 -UMStartupMode Dual
Set-UMCallRouterSettings -Server MyUMServer1 -UMStartupMode Dual

# 3. TLS needs a valid certificate for both services.  Exchange refuses it while a service is
#    still in TCP mode, so this step comes after the mode change.
Enable-ExchangeCertificate -Server MyUMServer1 -Thumbprint 5113AE0233A72FCCB75B1D0198628675333D010E -Services 'UM, UMCallRouter'

# 4. The services keep the mode they started with until they restart.
Restart-Service -Name MSExchangeUM
Restart-Service -Name MSExchangeUMCR

# 5. The stored mode is Dual, and test calls into a Secured and an Unsecured dial plan are
#    answered (Kim Akers in MySIPDialPlan, Tony Smith in MyUMDialPlan).
Get-UMService -Identity MyUMServer1 | Format-List Name, UMStartupMode, UMCertificateThumbprint
Test-UMConnectivity -UMDialPlan MySIPDialPlan -Phone 23456 -PIN 246810 -TUILogon $true
Test-UMConnectivity -UMDialPlan MyUMDialPlan -Phone 51234 -PIN 5643892 -TUILogon $true
