"""The console's error, warning, verbose, debug, -WhatIf and -Confirm text (Windows PowerShell
5.1 NormalView and console host), checked against captured EMS / Windows PowerShell output."""

import pytest
from formatting_support import show

from emshell.engine.errors import InvocationInfo, new_error
from emshell.formatting.error_view import (
    error_text,
    position_message,
    render_confirm_prompt,
    render_debug,
    render_error,
    render_verbose,
    render_warning,
    render_whatif,
    should_process_message,
)
from emshell.language.ast import Extent, ScriptSource


def extent(text, start, end, path=None):
    return Extent(ScriptSource(text, path), start, end)


def at(text, fragment):
    """The extent of the first ``fragment`` in a one-line command."""
    start = text.index(fragment)
    return extent(text, start, start + len(fragment))


# --------------------------------------------------------------------------- captures


def test_remote_exchange_error_matches_the_captured_ems_text():
    # ems-behaviour.md 4.1 (Exchange 2016, 120 columns): no command prefix, no position, the long
    # FullyQualifiedErrorId cut by the view and wrapped by the console (3, then 2 leading blanks)
    record = new_error(
        "ManagementObjectNotFoundException", 'Couldn\'t find database "0181915290". Make sure you have typed it correctly.',
        "[Server=SIVERMAIL,RequestId=d8e96c8b-bd5f-4522-88e3-b1c13c069c41,TimeStamp=9/9/2022 3:17:40 PM] "
        "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] E3DE7D95,"
        "Microsoft.Exchange.Management.RecipientTasks.GetMailbox",
        activity="Get-Mailbox", remote_computer="sivermail.siverlaw.local")  # fmt: skip
    assert render_error(record, 120) == (
        'Couldn\'t find database "0181915290". Make sure you have typed it correctly.\n'
        "    + CategoryInfo          : NotSpecified: (:) [Get-Mailbox], ManagementObjectNotFoundException\n"
        "    + FullyQualifiedErrorId : [Server=SIVERMAIL,RequestId=d8e96c8b-bd5f-4522-88e3-b1c13c069c41,"
        "TimeStamp=9/9/2022 3:17 \n"
        "   :40 PM] [FailureCategory=Cmdlet-ManagementObjectNotFoundException] E3DE7D95,"
        "Microsoft.Exchange.Management.Recipien  \n"
        "  tTasks.GetMailbox\n"
        "    + PSComputerName        : sivermail.siverlaw.local\n"
        " \n"
    )  # fmt: skip


def test_local_binding_error_matches_the_captured_console_text():
    # ems-behaviour.md 4.3 (captured at 120 columns): the message is word-wrapped at 119
    line = "Set-ExecutionPolicy -ExecutionPolicy WrongValue"
    message = ("Cannot bind parameter 'ExecutionPolicy'. Cannot convert value \"WrongValue\" to type "
               "\"Microsoft.PowerShell.ExecutionPolicy\". Error: \"Unable to match the identifier name WrongValue "
               "to a valid enumerator name.  Specify one of the following enumerator names and try again: "
               "Unrestricted, RemoteSigned, AllSigned, Restricted, Default, Bypass, Undefined\"")  # fmt: skip
    record = new_error("ParameterBindingException", message,
                       "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand",
                       "InvalidArgument", activity="Set-ExecutionPolicy",
                       invocation_info=InvocationInfo("Set-ExecutionPolicy", at(line, "WrongValue")))  # fmt: skip
    assert render_error(record, 120) == (
        "Set-ExecutionPolicy : Cannot bind parameter 'ExecutionPolicy'. Cannot convert value \"WrongValue\" to type \n"
        "\"Microsoft.PowerShell.ExecutionPolicy\". Error: \"Unable to match the identifier name WrongValue to a valid "
        "enumerator \n"
        "name.  Specify one of the following enumerator names and try again: Unrestricted, RemoteSigned, AllSigned, "
        "Restricted, \n"
        "Default, Bypass, Undefined\"\n"
        "At line:1 char:38\n"
        "+ Set-ExecutionPolicy -ExecutionPolicy WrongValue\n"
        "+                                      ~~~~~~~~~~\n"
        "    + CategoryInfo          : InvalidArgument: (:) [Set-ExecutionPolicy], ParameterBindingException\n"
        "    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,"
        "Microsoft.PowerShell.Commands.SetExecutionPolicyCommand\n"
        " \n"
    )  # fmt: skip


@pytest.mark.parametrize("width", [153, 161])
def test_command_not_found_matches_the_capture_from_a_wide_console(width):
    # ems-behaviour.md 4.3, an EMS console wider than 150 columns
    message = ("The term 'Enable-RemoteMailbox' is not recognized as the name of a cmdlet, function, script file, "
               "or operable program. Check the spelling of the name, or if a path was included, verify that the "
               "path is correct and try again.")  # fmt: skip
    record = new_error("CommandNotFoundException", message, "CommandNotFoundException", "ObjectNotFound",
                       "Enable-RemoteMailbox",
                       invocation_info=InvocationInfo("Enable-RemoteMailbox", extent("Enable-RemoteMailbox", 0, 20)))
    lines = [line.rstrip() for line in render_error(record, width).split("\n")]
    assert lines == [
        "Enable-RemoteMailbox : The term 'Enable-RemoteMailbox' is not recognized as the name of a cmdlet, function, "
        "script file, or operable program. Check the",
        "spelling of the name, or if a path was included, verify that the path is correct and try again.",
        "At line:1 char:1",
        "+ Enable-RemoteMailbox",
        "+ ~~~~~~~~~~~~~~~~~~~~",
        "    + CategoryInfo          : ObjectNotFound: (Enable-RemoteMailbox:String) [], CommandNotFoundException",
        "    + FullyQualifiedErrorId : CommandNotFoundException",
        "",
        "",
    ]  # fmt: skip


# --------------------------------------------------------------------------- layout rules


def test_remote_error_at_80_columns():
    record = new_error("ManagementObjectNotFoundException",
                       "The operation couldn't be performed because object 'NOPE' couldn't be found on "
                       "'DC01.contoso.com'.",
                       "[Server=EX01,RequestId=5f1c9a3e-0b7d-4e2a-9c61-2f8d4b7a1e90,TimeStamp=11/27/2026 2:03:04 PM] "
                       "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] 1082ECE3,"
                       "Microsoft.Exchange.Management.Tasks.UM.GetUMServer",
                       activity="Get-UMService", remote_computer="ex01.contoso.com")  # fmt: skip
    text = render_error(record, 80)
    # each "+" line is cut into 74-character pieces (80 - 6) behind four blanks, and wrapped at 79
    assert text == (
        "The operation couldn't be performed because object 'NOPE' couldn't be found on \n"
        "'DC01.contoso.com'.\n"
        "    + CategoryInfo          : NotSpecified: (:) [Get-UMService], ManagementObj \n"
        "   ectNotFoundException\n"
        "    + FullyQualifiedErrorId : [Server=EX01,RequestId=5f1c9a3e-0b7d-4e2a-9c61-2 \n"
        "   f8d4b7a1e90,TimeStamp=11/27/2026 2:03:04 PM] [FailureCategory=Cmdlet-Manag  \n"
        "  ementObjectNotFoundException] 1082ECE3,Microsoft.Exchange.Management.Tasks   \n"
        " .UM.GetUMServer\n"
        "    + PSComputerName        : ex01.contoso.com\n"
        " \n"
    ), show(text)


def test_error_details_replace_the_message_and_drop_the_closing_blank_line():
    record = new_error("RuntimeException", "inner message", "Failure", error_details="Shown instead.")
    assert render_error(record) == ("Shown instead.\n"
                                    "    + CategoryInfo          : NotSpecified: (:) [], RuntimeException\n"
                                    "    + FullyQualifiedErrorId : Failure\n")  # fmt: skip


class _Command:
    def __init__(self, name, kind, **extra):
        self.Name = name
        self.CommandType = kind
        for key, value in extra.items():
            setattr(self, key, value)


class _Block:
    text = ' Write-Error "boom" '


@pytest.mark.parametrize(("command", "invocation_name", "prefix"), [
    ("Get-UMService", None, "Get-UMService : "),
    # called through an alias: the name as typed
    (_Command("Get-ChildItem", "Cmdlet"), "ls", "ls : "),
    (_Command("Get-ChildItem", "Cmdlet"), "&", "Get-ChildItem : "),
    (_Command("x.ps1", "ExternalScript", Path="C:\\scripts\\x.ps1"), ".\\x.ps1", "C:\\scripts\\x.ps1 : "),
    # an error written at the top level of a command line names the line itself
    (_Command("", "Script", ScriptBlock=_Block()), "", ' Write-Error "boom"  : '),
    (None, "Enable-RemoteMailbox", "Enable-RemoteMailbox : "),
    (None, "", ""),
])  # fmt: skip
def test_command_prefix(command, invocation_name, prefix):
    info = InvocationInfo(None)
    info.MyCommand = command
    info.InvocationName = invocation_name if invocation_name is not None else command
    record = new_error("RuntimeException", "boom", "Failure", invocation_info=info)
    assert error_text(record).startswith(prefix + "boom\n")


def test_parser_errors_without_a_command_show_no_position():
    info = InvocationInfo(None, extent("1 +", 3, 3))
    record = new_error("ParseException", "You must provide a value expression.", "ExpectedValueExpression",
                       "ParserError", invocation_info=info)  # fmt: skip
    assert error_text(record).startswith("You must provide a value expression.\n    + CategoryInfo")


# --------------------------------------------------------------------------- position message

_PIPELINE = "Get-UMDialPlan | Where-Object { $_.NumberOfDigitsInExtension -eq 5 } | Set-UMDialPlan -Bogus 1 -OtherParameter 2"


@pytest.mark.parametrize(("source", "fragment", "path", "expected"), [
    ("Get-UMService -Foo", "-Foo", None, "At line:1 char:15\n+ Get-UMService -Foo\n+               ~~~~"),
    ("Get-UMService -Foo", "-Foo", "C:\\scripts\\um.ps1",
     "At C:\\scripts\\um.ps1:1 char:15\n+ Get-UMService -Foo\n+               ~~~~"),
    # long lines are cut around the extent, 69 characters shown
    (_PIPELINE, "-Bogus", None,
     "At line:1 char:87\n"
     "+ ...  $_.NumberOfDigitsInExtension -eq 5 } | Set-UMDialPlan -Bogus 1 -Othe ...\n"
     "+                                                            ~~~~~~"),
    ("x" * 80 + " -Bad", "-Bad", None,
     "At line:1 char:82\n+ ... " + "x" * 64 + " -Bad\n+ " + " " * 69 + "~~~~"),
    # tabs count as four blanks
    ("\tGet-Foo\t-x", "-x", None, "At line:1 char:10\n+     Get-Foo    -x\n+                ~~"),
])  # fmt: skip
def test_position_message(source, fragment, path, expected):
    start = source.index(fragment)
    assert position_message(extent(source, start, start + len(fragment), path)) == expected


def test_position_message_of_a_multiline_extent_underlines_its_first_line():
    source = "$a = 1\nGet-Foo -a 1 `\n  -b 2\n"
    assert position_message(extent(source, 7, 27, "C:\\x.ps1")) == \
        "At C:\\x.ps1:2 char:1\n+ Get-Foo -a 1 `\n+ ~~~~~~~~~~~~~~"


@pytest.mark.parametrize(("source", "offset", "expected"), [
    ("Get-Foo ", 8, "At line:1 char:9\n+ Get-Foo\n+         ~"),  # an empty extent gets one tilde
    ("", 0, "At line:1 char:1\n+ "),
])  # fmt: skip
def test_position_message_edges(source, offset, expected):
    assert position_message(extent(source, offset, offset)) == expected


# --------------------------------------------------------------------------- host streams

_LONG_WARNING = ("The command completed successfully but no settings of 'Contoso Sales Dial Plan For The "
                 "New York Office' have been modified.")


@pytest.mark.parametrize(("render", "message", "width", "expected"), [
    (render_warning, "The command completed successfully but no settings of 'Default' have been modified.", 120,
     "WARNING: The command completed successfully but no settings of 'Default' have been modified.\n"),
    (render_warning, _LONG_WARNING, 80,
     "WARNING: The command completed successfully but no settings of 'Contoso Sales \n"
     "Dial Plan For The New York Office' have been modified.\n"),
    (render_warning, _LONG_WARNING, 120,
     "WARNING: The command completed successfully but no settings of 'Contoso Sales Dial Plan For The New York Office' "
     "have \nbeen modified.\n"),
    (render_verbose, "Connecting to ex01.contoso.com.", 120, "VERBOSE: Connecting to ex01.contoso.com.\n"),
    (render_debug, "", 120, "DEBUG: \n"),
    (render_warning, "line one\nline two", 120, "WARNING: line one\nline two\n"),
])  # fmt: skip
def test_host_stream_lines(render, message, width, expected):
    assert render(message, width) == expected


def test_whatif_line():
    message = should_process_message("Set-UMService", "EX01")
    assert render_whatif(message) == 'What if: Performing the operation "Set-UMService" on target "EX01".'


def test_confirm_prompt():
    prompt = render_confirm_prompt("Confirm", 'Performing the operation "Remove-UMDialPlan" on target "DP1".')
    assert prompt == (
        "\n"
        "Confirm\n"
        "Are you sure you want to perform this action?\n"
        'Performing the operation "Remove-UMDialPlan" on target "DP1".\n'
        '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '
    )  # fmt: skip


def test_confirm_prompt_for_a_plain_question_and_a_narrow_console():
    prompt = render_confirm_prompt("Confirm", "Continue with this operation?", 40, query=None)
    assert prompt == (
        "\nConfirm\nContinue with this operation?\n"
        "[Y] Yes  [A] Yes to All  [N] No  \n"
        '[L] No to All  [S] Suspend  [?] Help \n'
        '(default is "Y"): '
    )  # fmt: skip
