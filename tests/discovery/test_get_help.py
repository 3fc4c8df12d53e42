"""Get-Help in Windows PowerShell 5.1's console layout, with syntax and parameter attributes
generated from the command metadata and texts in emshell's own words.

The layouts are Help.format.ps1xml's custom controls: section titles at the margin, their
content in frames indented by four (so a "blank" line inside a section is four spaces), long
lines word-wrapped inside the frame at the console width.
"""

import pytest
from discovery_support import new_shell, run, show

from emshell.help import about

GET_UM_SERVICE_AT_80 = (
    "\n"
    "NAME\n"
    "    Get-UMService\n"
    "    \n"
    "SYNOPSIS\n"
    "    Shows UM service settings on Exchange 2013/2016 Mailbox servers.\n"
    "    \n"
    "    \n"
    "SYNTAX\n"
    "    Get-UMService [[-Identity] <UMServerIdParameter>] [-DomainController \n"
    "    <Fqdn>] [<CommonParameters>]\n"
    "    \n"
    "    \n"
    "DESCRIPTION\n"
    "    Get-UMService reads the Unified Messaging settings of Mailbox servers: the \n"
    "    startup mode (TCP, TLS or Dual), the dial plans the service answers for, \n"
    "    the SIP ports, the certificate thumbprint used for TLS, and the logging \n"
    "    settings.\n"
    "    \n"
    "    Without Identity it lists every server that runs the UM service. Pipe the \n"
    "    result to Format-List to see all the settings.\n"
    "    \n"
    "    In EMS this cmdlet runs on the Exchange server through the remote session; \n"
    "    its errors come back from the server and carry the server's name.\n"
    "    \n"
    "\n"
    "RELATED LINKS\n"
    "    Disable-UMService \n"
    "    Enable-UMService \n"
    "    Set-UMService \n"
    "\n"
    "REMARKS\n"
    '    To see the examples, type: "get-help Get-UMService -examples".\n'
    '    For more information, type: "get-help Get-UMService -detailed".\n'
    '    For technical information, type: "get-help Get-UMService -full".\n'
    '    For online help, type: "get-help Get-UMService -online"\n'
    "\n\n"
)


def test_the_default_view():
    result = run("Get-Help Get-UMService", width=80)
    assert result.ok
    assert result.text == GET_UM_SERVICE_AT_80, show(result.text)


@pytest.mark.parametrize("command", ["Get-UMService -?", "help Get-UMService", "man Get-UMService",
                                     "Get-Help -Name get-umservice"])  # fmt: skip
def test_the_other_ways_to_ask_show_the_same_page(command):
    result = run(command, width=80)
    assert result.ok, result.error_ids
    assert result.text == GET_UM_SERVICE_AT_80, show(result.text)


def test_asking_for_help_does_not_run_the_command():
    shell = new_shell()
    before = shell.org.um_service("MyUMServer1").UMStartupMode
    result = shell.run("Set-UMService MyUMServer1 -UMStartupMode Dual -?")
    assert result.ok and result.warnings == []
    assert shell.org.um_service("MyUMServer1").UMStartupMode == before
    assert result.text.startswith("\nNAME\n    Set-UMService\n")


def test_the_detailed_view_adds_parameter_descriptions_and_examples():
    text = run("Get-Help Get-UMService -Detailed", width=120).text
    assert (
        "PARAMETERS\n"
        "    -Identity <UMServerIdParameter>\n"
        "        Server whose UM service settings are returned; all when omitted.\n"
        "        \n"
        "    -DomainController <Fqdn>\n"
        "        Domain controller (FQDN) used for Active Directory reads and writes.\n"
        "        \n"
        "    <CommonParameters>\n"
        "        This cmdlet supports the common parameters: Verbose, Debug,\n"
        "        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
        "        OutBuffer, PipelineVariable, and OutVariable. For more information, see \n"
        "        about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). \n"
        "    \n"
        "    -------------------------- EXAMPLE 1 --------------------------\n"
        "    \n"
        "    PS C:\\>Get-UMService\n"
        "    \n"
        "    Lists every UM service with a few key settings.\n"
    ) in text, show(text)
    assert "RELATED LINKS" not in text
    assert text.endswith('For online help, type: "get-help Get-UMService -online"\n\n\n')


def test_the_full_view_shows_each_parameter_s_attributes():
    text = run("Get-Help Set-UMService -Full", width=120).text
    assert (
        "    -Identity <UMServerIdParameter>\n"
        "        Mailbox server whose UM service settings change.\n"
        "        \n"
        "        Required?                    true\n"
        "        Position?                    1\n"
        "        Default value                None\n"
        "        Accept pipeline input?       True (ByValue, ByPropertyName)\n"
        "        Accept wildcard characters?  false\n"
        "        \n"
        "    -Confirm [<SwitchParameter>]\n"
    ) in text, show(text)
    assert (
        "    -UMStartupMode <UMStartupMode>\n"
        "        Listening mode at service start: TCP, TLS, or Dual (both).\n"
        "        \n"
        "        Required?                    false\n"
        "        Position?                    named\n"
        "        Default value                TCP\n"
        "        Accept pipeline input?       False\n"
        "        Accept wildcard characters?  false\n"
    ) in text, show(text)
    sections = [line for line in text.split("\n") if line and not line.startswith(" ")]
    assert sections == ["NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS",
                        "RELATED LINKS"]  # fmt: skip
    assert "[-UMStartupMode {TCP | TLS | Dual}]" in text  # accepted values in the syntax


def test_the_examples_view():
    text = run("Get-Help Set-UMService -Examples", width=120).text
    assert text.startswith(
        "\nNAME\n    Set-UMService\n    \nSYNOPSIS\n"
        "    Changes UM service settings on Exchange 2013/2016 Mailbox servers.\n    \n    \n"
        "    -------------------------- EXAMPLE 1 --------------------------\n    \n"
        "    PS C:\\>Set-UMService -Identity MyUMServer1 -UMStartupMode Dual\n    \n"
        "    Lets the UM service accept both TCP and TLS connections.\n"
    ), show(text)
    assert "SYNTAX" not in text and "REMARKS" not in text


def test_one_parameter():
    result = run("Get-Help Set-UMService -Parameter UMStartup*")
    assert result.text == (
        "\n"
        "-UMStartupMode <UMStartupMode>\n"
        "    Listening mode at service start: TCP, TLS, or Dual (both).\n"
        "    \n"
        "    Required?                    false\n"
        "    Position?                    named\n"
        "    Default value                TCP\n"
        "    Accept pipeline input?       False\n"
        "    Accept wildcard characters?  false\n"
        "    \n"
        "\n\n"
    ), show(result.text)


def test_a_pattern_lists_the_matching_commands():
    result = run("Get-Help *UMService*")
    assert result.text == (
        "\n"
        "Name                              Category  Module                    Synopsis                                 "
        "        \n"
        "----                              --------  ------                    --------                                 "
        "        \n"
        "Disable-UMService                 Function  tmp_yjk1ufse.e1b          Run from Exchange 2013/2016 to mark an Ex"
        "chang...\n"
        "Enable-UMService                  Function  tmp_yjk1ufse.e1b          Run from Exchange 2013/2016 to mark an Ex"
        "chang...\n"
        "Get-UMService                     Function  tmp_yjk1ufse.e1b          Shows UM service settings on Exchange 201"
        "3/201...\n"
        "Set-UMService                     Function  tmp_yjk1ufse.e1b          Changes UM service settings on Exchange 2"
        "013/2...\n"
        "\n\n"
    ), show(result.text)


def test_a_listing_includes_aliases_and_topics():
    rows = run("Get-Help gc*").output
    assert [(row.Name, row.Category, row.Synopsis) for row in rows] == [
        ("gc", "Alias", "Get-Content"), ("gci", "Alias", "Get-ChildItem"), ("gcm", "Alias", "Get-Command")]
    topics = run("Get-Help about_*").output
    assert [(row.Name, row.Category) for row in topics] == [("about_EMShell", "HelpFile"),
                                                           ("about_UM_StartupMode", "HelpFile")]  # fmt: skip


@pytest.mark.parametrize(("command", "topic"), [
    ("Get-Help about_EMShell", about.ABOUT_EMSHELL),
    ("help about_um_startupmode", about.ABOUT_UM_STARTUP_MODE),
    ("Get-Help about_EMS*", about.ABOUT_EMSHELL),  # a single match is shown, not listed
])  # fmt: skip
def test_about_topics_print_as_written(command, topic):
    result = run(command)
    assert result.ok
    assert result.text == topic + "\n"


def test_help_without_a_name_explains_the_help_system():
    assert run("Get-Help").text == about.DEFAULT_HELP + "\n"


def test_a_name_without_help_is_an_error():
    result = run("Get-Help NoSuchTopic")
    assert result.error_ids == ["HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"]
    assert str(result.errors[0]) == (
        'Get-Help could not find NoSuchTopic in a help file in this session. To download updated help topics type: '
        '"Update-Help". To get help online, search for the help topic in the TechNet library at '
        "https:/go.microsoft.com/fwlink/?LinkID=107116."
    )
    assert str(result.errors[0].CategoryInfo) == "ResourceUnavailable: (:) [Get-Help], HelpNotFoundException"


def test_an_unknown_parameter_name_is_an_error():
    result = run("Get-Help Get-UMService -Parameter Nope")
    assert result.error_ids == ["NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand"]
    assert str(result.errors[0]) == "No parameter matches criteria Nope."


def test_a_script_function_without_help_gets_generated_syntax_help():
    result = run("function Set-Lab { param([Parameter(Mandatory)][string]$Name, [int]$Size) }\n"
                 "Set-Alias sl2 Set-Lab\nGet-Help Set-Lab")  # fmt: skip
    assert result.text == (
        "\nNAME\n    Set-Lab\n    \n"
        "SYNTAX\n    Set-Lab [-Name] <String> [[-Size] <Int32>] [<CommonParameters>]\n    \n    \n"
        "ALIASES\n    sl2\n    \n\n"
        "REMARKS\n    None\n\n\n"
    ), show(result.text)


def test_help_objects_can_be_read_by_scripts():
    shell = new_shell()
    assert shell.run("(Get-Help Set-UMService).Synopsis").output == [
        "Changes UM service settings on Exchange 2013/2016 Mailbox servers."]
    assert shell.run("(Get-Help Get-UMService).Parameters.Count").output == [2]
    assert shell.run("(Get-Help Get-UMService -Parameter Identity).position").output == ["1"]
