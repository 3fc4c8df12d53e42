"""Get-Credential, with the console's credential prompt (no secret is ever kept).

Windows PowerShell 5.1 shows a dialog; with console prompting it asks in the console, which is
what a terminal can do: the caption (after an empty line), the message, ``User: `` when no user
name was given, then ``Password for user <name>: `` with the typed characters masked, then an
empty line (ConsoleHostUserInterfaceSecurity, ConsoleHostUserInterfaceSecurityResources).  The
password is read and dropped: the PSCredential carries a SecureString that knows only its length.

Parameter sets are 5.1's: CredentialSet (the default; ``-Credential``, position 0, mandatory)
and MessageSet (``-Message`` mandatory, ``-UserName`` at position 0).  PowerShell's
``[Credential()]`` attribute turns a user name given to ``-Credential`` into a credential by
prompting for its password, before any type check; the binder knows no argument-transformation
attributes, so ``-Credential`` is declared ``Object`` here and the transformation happens in
``process``.
"""

from __future__ import annotations

from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.metadata import CommandMetadata, parameter

TYPE_CHECKING = False  # typing stays unimported at run time
if TYPE_CHECKING:
    from typing import Any

CAPTION = "Windows PowerShell credential request"  # CredentialAttribute's and Get-Credential's caption
MESSAGE = "Enter your credentials."  # CredentialAttribute's message
USER_PROMPT = "User: "
PASSWORD_PROMPT = "Password for user {0}: "
CREDENTIAL_SET = "CredentialSet"
MESSAGE_SET = "MessageSet"


class PSCredential:
    """``System.Management.Automation.PSCredential``: a user name and a SecureString."""

    __slots__ = ("UserName", "Password")

    PS_TYPE_NAMES = ("System.Management.Automation.PSCredential", "System.Object")
    PS_PROPERTIES = ("UserName", "Password")

    def __init__(self, user_name: str, password: Any):
        self.UserName = user_name
        self.Password = password

    def __str__(self) -> str:
        return "System.Management.Automation.PSCredential"


def secure_string(length: int) -> Any:
    """A SecureString of ``length`` characters whose content is not kept."""
    from emshell.cmdlets.utility import SecureString

    value = SecureString()
    value.Length = length
    return value


def prompt_for_credential(host: Any, caption: str | None, message: str | None, user_name: str | None) -> PSCredential:
    """The console host's PromptForCredential."""
    if caption:
        host.write_line()
        host.write_line(caption)
    if message:
        host.write_line(message)
    while not user_name:
        user_name = host.read_line(USER_PROMPT)
    password = host.read_line(PASSWORD_PROMPT.format(user_name), secure=True)
    host.write_line()
    return PSCredential(user_name, secure_string(len(password)))


@cmdlet(CommandMetadata("Get-Credential", [
    parameter("Credential", "Object", position=0, mandatory=True, sets=(CREDENTIAL_SET,)),
    parameter("Message", "String", mandatory=True, sets=(MESSAGE_SET,)),
    parameter("UserName", "String", position=0, sets=(MESSAGE_SET,)),
], default_parameter_set=CREDENTIAL_SET, module="Microsoft.PowerShell.Security", version="3.0.0.0",
    implementing_type="Microsoft.PowerShell.Commands.GetCredentialCommand",
    synopsis="Gets a credential object based on a user name and password.",
    output_types=("System.Management.Automation.PSCredential",)))  # fmt: skip
class GetCredential(Cmdlet):
    def process(self) -> None:
        if self.parameter_set_name == MESSAGE_SET or "Message" in self.params:
            credential = prompt_for_credential(self.host, CAPTION, self.params.get("Message"),
                                               self.params.get("UserName"))  # fmt: skip
        else:
            credential = self.params.get("Credential")
            if not isinstance(credential, PSCredential):
                # what [Credential()] does with a user name: ask for that user's password
                user = "" if credential is None else str(credential)
                credential = prompt_for_credential(self.host, CAPTION, MESSAGE, user)
        self.write_object(credential)
