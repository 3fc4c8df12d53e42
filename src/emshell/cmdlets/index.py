"""Which module defines each command, so a module loads only when one of its commands runs.

``tests/engine/test_command_index.py`` imports every module listed here and checks that the
index and the registrations agree, so this table cannot drift from the code.
"""

from __future__ import annotations

# lower-case command name -> module that registers it
COMMANDS: dict[str, str] = {}


def _add(module: str, *names: str) -> None:
    for name in names:
        COMMANDS[name.lower()] = module


_add(
    "emshell.cmdlets.objects",
    "Where-Object", "ForEach-Object", "Select-Object", "Sort-Object", "Measure-Object", "Group-Object",
    "Compare-Object", "Get-Unique", "New-Object", "Add-Member",
)  # fmt: skip
_add(
    "emshell.cmdlets.utility",
    "Write-Host", "Write-Output", "Write-Warning", "Write-Verbose", "Write-Error", "Write-Debug",
    "Write-Information", "Write-Progress", "Out-Null", "Read-Host", "Get-Date", "Start-Sleep",
    "New-TimeSpan", "Invoke-Expression", "Get-Variable", "Set-Variable", "New-Variable",
    "Remove-Variable", "Clear-Variable", "Get-Alias", "Set-Alias", "New-Alias", "Get-Random",
    "Get-Location", "Join-Path", "Split-Path", "Set-StrictMode", "Tee-Object", "Clear-Host", "Get-Host",
    "Get-Culture", "Get-History",
)  # fmt: skip
_add("emshell.cmdlets.credential", "Get-Credential")
_add(
    "emshell.cmdlets.format",
    "Format-List", "Format-Table", "Format-Wide", "Format-Custom", "Out-String", "Out-Host",
    "Out-Default",
)  # fmt: skip

_add(
    "emshell.cmdlets.exchange.mailboxes",
    "Enable-UMMailbox", "Disable-UMMailbox", "Get-UMMailbox", "Set-UMMailbox", "Get-UMMailboxPin",
    "Set-UMMailboxPIN", "New-UMCallAnsweringRule", "Get-UMCallAnsweringRule", "Set-UMCallAnsweringRule",
    "Remove-UMCallAnsweringRule", "Enable-UMCallAnsweringRule", "Disable-UMCallAnsweringRule",
)  # fmt: skip
_add("emshell.cmdlets.exchange.recipients", "Get-Mailbox", "Set-Mailbox", "Get-User", "Get-Recipient")

_add(
    "emshell.cmdlets.files",
    "Test-Path", "New-Item", "Remove-Item", "Get-ChildItem", "Get-Item", "Copy-Item", "Move-Item", "Rename-Item",
    "Resolve-Path", "Set-Location", "Push-Location", "Pop-Location",
)  # fmt: skip
_add("emshell.cmdlets.content", "Get-Content", "Set-Content", "Add-Content", "Out-File")
_add("emshell.cmdlets.csvfiles", "ConvertTo-Csv", "Export-Csv", "ConvertFrom-Csv", "Import-Csv")
_add(
    "emshell.cmdlets.session",
    "New-PSSession", "Get-PSSession", "Remove-PSSession", "Import-PSSession", "Import-Module", "Get-Module",
    "Add-PSSnapin", "Get-PSSnapin", "Set-AdServerSettings", "Get-AdServerSettings", "Connect-ExchangeServer",
    "Start-Transcript", "Stop-Transcript",
)  # fmt: skip
_add(
    "emshell.cmdlets.refused",  # declared to be refused: programs, the network, compiled code
    "Start-Process", "Invoke-Item", "Invoke-WebRequest", "Invoke-RestMethod", "Send-MailMessage", "Test-Connection",
    "Test-NetConnection", "Add-Type",
)  # fmt: skip
_add(
    "emshell.cmdlets.discovery",
    "Get-Command", "Get-Member", "Get-Help", "Get-ExCommand", "QuickRef", "Get-ExBlog",
)  # fmt: skip

_add(
    "emshell.cmdlets.exchange.servers",
    "Get-ExchangeServer", "Get-MailboxServer", "Get-ClientAccessServer", "Get-ClientAccessService",
    "Get-UMService", "Set-UMService", "Enable-UMService", "Disable-UMService", "Get-UMCallRouterSettings",
    "Set-UMCallRouterSettings",
)  # fmt: skip
_add("emshell.cmdlets.exchange.certificates", "Get-ExchangeCertificate", "Enable-ExchangeCertificate",
     "New-ExchangeCertificate")  # fmt: skip
_add("emshell.cmdlets.exchange.services", "Get-Service", "Start-Service", "Stop-Service", "Restart-Service")
_add("emshell.cmdlets.exchange.connectivity", "Test-UMConnectivity")
_add("emshell.cmdlets.exchange.calls", "Get-UMActiveCalls", "Get-UMCallDataRecord", "Export-UMCallDataRecord",
     "Get-UMCallSummaryReport")  # fmt: skip
_add(
    "emshell.cmdlets.exchange.telephony",
    "New-UMDialPlan", "Get-UMDialPlan", "Set-UMDialPlan", "Remove-UMDialPlan",
    "New-UMIPGateway", "Get-UMIPGateway", "Set-UMIPGateway", "Remove-UMIPGateway", "Enable-UMIPGateway",
    "Disable-UMIPGateway",
    "New-UMHuntGroup", "Get-UMHuntGroup", "Remove-UMHuntGroup",
    "New-UMMailboxPolicy", "Get-UMMailboxPolicy", "Set-UMMailboxPolicy", "Remove-UMMailboxPolicy",
    "New-UMAutoAttendant", "Get-UMAutoAttendant", "Set-UMAutoAttendant", "Remove-UMAutoAttendant",
    "Enable-UMAutoAttendant", "Disable-UMAutoAttendant",
    "Import-UMPrompt", "Export-UMPrompt",
)  # fmt: skip

# PowerShell 5.1's built-in aliases that scripts use, plus EMS's own (``list``, ``table``).
ALIASES: dict[str, str] = {
    "?": "Where-Object", "where": "Where-Object", "%": "ForEach-Object", "foreach": "ForEach-Object",
    "select": "Select-Object", "sort": "Sort-Object", "measure": "Measure-Object",
    "group": "Group-Object", "echo": "Write-Output", "write": "Write-Output",
    "fl": "Format-List", "ft": "Format-Table", "fw": "Format-Wide", "fc": "Format-Custom",
    "list": "Format-List", "table": "Format-Table", "gcm": "Get-Command", "gm": "Get-Member",
    "help": "Get-Help", "man": "Get-Help", "gv": "Get-Variable", "sv": "Set-Variable",
    "set": "Set-Variable", "iex": "Invoke-Expression", "sleep": "Start-Sleep", "compare": "Compare-Object",
    "diff": "Compare-Object", "tee": "Tee-Object", "gal": "Get-Alias", "sal": "Set-Alias",
    "nal": "New-Alias", "cls": "Clear-Host", "clear": "Clear-Host", "gl": "Get-Location",
    "pwd": "Get-Location", "h": "Get-History", "history": "Get-History", "ghy": "Get-History",
    "oh": "Out-Host", "gsv": "Get-Service", "sasv": "Start-Service", "spsv": "Stop-Service",
    "gc": "Get-Content", "cat": "Get-Content", "type": "Get-Content", "sc": "Set-Content",
    "ac": "Add-Content", "epcsv": "Export-Csv", "ipcsv": "Import-Csv", "ni": "New-Item",
    "ri": "Remove-Item", "rm": "Remove-Item", "del": "Remove-Item", "erase": "Remove-Item",
    "rd": "Remove-Item", "rmdir": "Remove-Item", "dir": "Get-ChildItem", "ls": "Get-ChildItem",
    "gci": "Get-ChildItem", "cd": "Set-Location", "chdir": "Set-Location", "sl": "Set-Location",
    "ipmo": "Import-Module", "gmo": "Get-Module", "gps": "Get-Process", "ps": "Get-Process",
    "start": "Start-Process", "saps": "Start-Process", "ii": "Invoke-Item", "icm": "Invoke-Command",
    "nsn": "New-PSSession", "ipsn": "Import-PSSession", "rsn": "Remove-PSSession",
    "gsn": "Get-PSSession", "asnp": "Add-PSSnapin", "gu": "Get-Unique", "rv": "Remove-Variable",
    "clv": "Clear-Variable", "nv": "New-Variable", "ogv": "Out-GridView", "rvpa": "Resolve-Path",
    "cpi": "Copy-Item", "copy": "Copy-Item", "cp": "Copy-Item", "mi": "Move-Item", "move": "Move-Item",
    "mv": "Move-Item", "rni": "Rename-Item", "ren": "Rename-Item", "gi": "Get-Item", "iwr": "Invoke-WebRequest",
    "curl": "Invoke-WebRequest", "wget": "Invoke-WebRequest", "irm": "Invoke-RestMethod",
    "gp": "Get-ItemProperty", "sp": "Set-ItemProperty",
}  # fmt: skip
