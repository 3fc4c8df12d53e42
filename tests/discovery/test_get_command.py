"""Get-Command: the CommandType / Name / Version / Source table, the filters, and its errors.

EMS's Exchange cmdlets are proxy functions of the temporary module the remote session was
imported into, so they list as ``Function`` with that module as Source.  Results are sorted
by CommandType (Alias, Function, Filter, Cmdlet) and then by name, as 5.1's
CommandInfoComparer sorts them, unless every name was given literally.
"""

import pytest
from discovery_support import new_shell, run, show

from emshell.cmdlets.exchange import EXCHANGE_MODULE

HEADER = (
    "\n"
    "CommandType     Name                                               Version    Source                                   \n"
    "-----------     ----                                               -------    ------                                   \n"
)  # fmt: skip


def row(kind: str, name: str, version: str = "", source: str = "") -> str:
    """One table row at width 120 (119 usable columns: 15 + 50 + 10 and the rest for Source)."""
    return f"{kind:<15} {name:<50} {version:<10} {source:<41}\n"


def table(*rows: str) -> str:
    return HEADER + "".join(rows) + "\n\n"


def ex(name: str) -> str:
    return row("Function", name, "1.0", EXCHANGE_MODULE)


@pytest.mark.parametrize(("command", "expected"), [
    ("Get-Command -Noun UMService",
     table(ex("Disable-UMService"), ex("Enable-UMService"), ex("Get-UMService"), ex("Set-UMService"))),
    ("Get-Command -Verb Get -Noun UMService, ExchangeServer",
     table(ex("Get-ExchangeServer"), ex("Get-UMService"))),
    ("Get-Command Get-UMSer*", table(ex("Get-UMService"))),
    ("Get-Command Where-Object", table(row("Cmdlet", "Where-Object", "3.0.0.0", "Microsoft.PowerShell.Core"))),
    # an alias shows what it stands for; aliases sort before functions, functions before cmdlets
    ("Get-Command fl*, Format-L*",
     table(row("Alias", "fl -> Format-List"),
           row("Cmdlet", "Format-List", "3.1.0.0", "Microsoft.PowerShell.Utility"))),
    ("Get-Command -Name *-Alias -CommandType Cmdlet -TotalCount 2",
     table(row("Cmdlet", "Get-Alias", "3.1.0.0", "Microsoft.PowerShell.Utility"),
           row("Cmdlet", "New-Alias", "3.1.0.0", "Microsoft.PowerShell.Utility"))),
    ("Get-Command -Module tmp_* -ParameterName UMStartupMode",
     table(ex("Set-UMCallRouterSettings"), ex("Set-UMService"))),
    # literal names keep the order they were asked in
    ("Get-Command Set-UMService, gcm",
     table(ex("Set-UMService"), row("Alias", "gcm -> Get-Command"))),
    # EMS's banner helpers are functions of the session, without module or version
    ("Get-Command Get-ExCommand, QuickRef", table(row("Function", "Get-ExCommand"), row("Function", "QuickRef"))),
    ("function Test-Lab { 'x' }; Get-Command -CommandType Function Test-L*", table(row("Function", "Test-Lab"))),
])  # fmt: skip
def test_the_command_table(command, expected):
    result = run(command)
    assert result.ok, result.error_ids
    assert result.text == expected, show(result.text)


def test_an_unknown_name_is_a_non_terminating_command_not_found_error():
    result = run("Get-Command NoSuch-Thing, Get-UMService")
    assert result.error_ids == ["CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand"]
    error = result.errors[0]
    assert str(error) == (
        "The term 'NoSuch-Thing' is not recognized as the name of a cmdlet, function, script file, or operable "
        "program. Check the spelling of the name, or if a path was included, verify that the path is correct and "
        "try again."
    )
    assert str(error.CategoryInfo) == "ObjectNotFound: (NoSuch-Thing:String) [Get-Command], CommandNotFoundException"
    assert result.output[0].Name == "Get-UMService"  # the pipeline went on


def test_a_wildcard_that_matches_nothing_is_silent():
    result = run("Get-Command NoSuch-*")
    assert result.ok and result.output == [] and result.text == ""


def test_without_arguments_every_alias_function_and_cmdlet_is_listed_by_type_then_name():
    shell = new_shell()
    result = shell.run("Get-Command")
    kinds = [str(info.CommandType) for info in result.output]
    assert kinds == sorted(kinds, key=["Alias", "Function", "Cmdlet"].index)
    names = {info.Name for info in result.output}
    assert {"%", "Get-UMService", "Where-Object", "Get-Help", "QuickRef"} <= names
    functions = [info.Name.lower() for info in result.output if info.CommandType == "Function"]
    assert functions == sorted(functions)


def test_command_objects_carry_the_syntax_and_the_parameters():
    shell = new_shell()
    info = shell.run("Get-Command Get-UMService").output[0]
    assert info.Definition == "\nGet-UMService [[-Identity] <UMServerIdParameter>] [-DomainController <Fqdn>] " \
                              "[<CommonParameters>]\n"  # fmt: skip
    assert list(info.Parameters.keys())[:2] == ["Identity", "DomainController"]
    assert shell.run("(Get-Command Get-UMService).Parameters.Identity.ParameterType").output == ["UMServerIdParameter"]
    assert shell.run("(Get-Command Sort-Object).Verb + '/' + (Get-Command Sort-Object).Noun").output == ["Sort/Object"]


def test_get_excommand_lists_only_the_exchange_session_commands():
    shell = new_shell()
    everything = shell.run("Get-ExCommand").output
    assert everything and {info.Source for info in everything} == {EXCHANGE_MODULE}
    um = shell.run("Get-ExCommand *UMService").output
    assert [info.Name for info in um] == ["Disable-UMService", "Enable-UMService", "Get-UMService", "Set-UMService"]


def test_quickref_tells_where_the_guide_would_open_and_gives_a_short_one():
    result = run("QuickRef")
    assert result.ok
    assert result.text.startswith("On an Exchange server QuickRef opens the Exchange Management Shell quick\n"
                                  "reference in the web browser:\n    http://go.microsoft.com/fwlink/p/?LinkId=259608\n")
    assert "Get-ExCommand *UM*" in result.text


def test_every_command_the_banner_names_exists():
    from emshell.repl.banner import banner, render

    text = render(banner(), color=False)
    for command in ("Get-Command", "Get-ExCommand", "Get-ExBlog", "QuickRef", "Format-List", "Help"):
        assert command in text
        assert run(f"Get-Command {command}").ok, command


def test_get_exblog_says_where_the_blog_would_open():
    result = run("Get-ExBlog")
    assert result.text == (
        "On an Exchange server Get-ExBlog opens the Exchange team blog in the web browser:\n"
        "    https://techcommunity.microsoft.com/t5/exchange-team-blog/bg-p/Exchange\n"
        "emshell opens no browser; copy the address to read the blog.\n"
    )
