"""What PowerShell's own cmdlets do, in emshell's words (nothing here is Microsoft's help text).

Each entry: a synopsis, a description (paragraphs separated by blank lines), texts for the
parameters, examples as ``(command, what it does)`` and related commands.  Parameters that
many cmdlets share read their text from ``SHARED`` unless the cmdlet says otherwise.
"""

from __future__ import annotations

from emshell.help.texts import CommandText

SHARED = {
    "InputObject": "The objects to work on. They usually arrive through the pipeline; a collection given by "
                   "name is treated as one object.",
    "Property": "The properties to use, by name. Wildcards and calculated properties (hash tables with Name "
                "and Expression keys) are allowed.",
    "PassThru": "Writes the object that was created or changed to the pipeline; without it nothing is written.",
    "Force": "Goes ahead where the command would otherwise refuse, for example with read-only items.",
    "Scope": "The scope to work in: Global, Local, Script, or a number counting up from the current scope.",
    "Option": "Options for the item: None, ReadOnly, Constant, Private, AllScope or Unspecified.",
    "Description": "A free-text description stored with the item.",
    "Culture": "The culture whose rules decide how text compares, such as en-US.",
    "CaseSensitive": "Makes text comparisons case-sensitive; by default case is ignored.",
    "GroupBy": "Starts a new group, with its own header, each time the value of this property changes. Sort "
               "the input on the same property first.",
    "View": "The name of another view defined for the type, instead of the default one.",
    "ShowError": "Shows errors raised while computing values in the output instead of hiding them.",
    "DisplayError": "Writes the text of errors raised while computing values in the place of the value.",
    "Expand": "How a collection object itself is shown: EnumOnly (its items, the default), CoreOnly (the "
              "collection object) or Both.",
    "Message": "The text to write.",
    "Name": "The name of the item.",
    "Value": "The value to use.",
}


def _switch_text(verb: str) -> str:
    return f"Keeps an object when its property value {verb} the value of the Value parameter."


_WHERE_SWITCHES = {
    "EQ": "equals", "CEQ": "equals (case-sensitively)", "NE": "differs from",
    "CNE": "differs (case-sensitively) from", "GT": "is greater than", "CGT": "is greater (case-sensitively) than",
    "LT": "is less than", "CLT": "is less (case-sensitively) than", "GE": "is greater than or equal to",
    "CGE": "is greater than or equal (case-sensitively) to", "LE": "is less than or equal to",
    "CLE": "is less than or equal (case-sensitively) to", "Like": "matches the wildcard pattern in",
    "CLike": "matches (case-sensitively) the wildcard pattern in", "NotLike": "does not match the wildcard pattern in",
    "CNotLike": "does not match (case-sensitively) the wildcard pattern in",
    "Match": "matches the regular expression in", "CMatch": "matches (case-sensitively) the regular expression in",
    "NotMatch": "does not match the regular expression in",
    "CNotMatch": "does not match (case-sensitively) the regular expression in",
    "Contains": "is a collection holding", "CContains": "is a collection holding (case-sensitively)",
    "NotContains": "is a collection not holding", "CNotContains": "is a collection not holding (case-sensitively)",
    "In": "is one of the items in", "CIn": "is (case-sensitively) one of the items in",
    "NotIn": "is none of the items in", "CNotIn": "is (case-sensitively) none of the items in",
    "Is": "is of the type named in", "IsNot": "is not of the type named in",
}  # fmt: skip

_FORMAT_PARAMETERS = {
    "Property": "The properties to show, in order. Wildcards and calculated properties are allowed.",
    "InputObject": "The objects to format; usually they come from the pipeline.",
    "Force": "Shows every object in this format, even error records and objects that would otherwise be "
             "printed on their own.",
}

_VARIABLE_NAME = "The name of the variable, without the dollar sign. Wildcards are allowed where several "\
                 "variables may match."

TEXTS: dict[str, CommandText] = {
    "Where-Object": CommandText(
        "Passes on only the objects that meet a condition.",
        "Where-Object tests each object that reaches it and writes the ones that pass. The test is a "
        "script block, in which $_ stands for the current object, or a property name with a comparison "
        "switch and a value.\n\nIn EMS it is the usual way to pick out servers, dial plans or mailboxes "
        "from a Get- cmdlet's output.",
        {"FilterScript": "A script block evaluated for every object; the object is kept when the result is "
                         "true. Inside the block, $_ is the object.",
         "Property": "The name of the property to test (comparison form).",
         "Value": "The value the property is compared with (comparison form).",
         **{name: _switch_text(words) for name, words in _WHERE_SWITCHES.items()}},
        (("Get-UMService | Where-Object { $_.UMStartupMode -ne 'TCP' }",
          "Lists the UM services that do not run in TCP mode."),
         ("Get-UMService | Where-Object UMStartupMode -EQ Dual",
          "The same kind of filter written with a property name and a comparison switch.")),
        ("ForEach-Object", "Select-Object"),
    ),
    "ForEach-Object": CommandText(
        "Runs a script block, or reads a member, for every object in the pipeline.",
        "ForEach-Object runs its Process script block once per input object, with $_ set to the object. "
        "Begin and End blocks run once, before the first and after the last object.\n\nGiven a member name "
        "instead of a script block, it reads that property or calls that method on each object.",
        {"Begin": "A script block that runs once before the first object.",
         "Process": "The script block, or script blocks, run for every object.",
         "End": "A script block that runs once after the last object.",
         "RemainingScripts": "Further script blocks given by position; they are shared out as Begin, Process "
                             "and End blocks.",
         "MemberName": "The property to read, or the method to call, on each object.",
         "ArgumentList": "Arguments passed to the method named by MemberName."},
        (("Get-UMService | ForEach-Object { $_.Name + ': ' + $_.UMStartupMode }",
          "Prints one line per UM service with its startup mode."),
         ("Get-UMService | ForEach-Object Name", "Reads the Name property of every UM service.")),
        ("Where-Object",),
    ),
    "Select-Object": CommandText(
        "Keeps chosen properties of objects, or chosen objects from the pipeline.",
        "Select-Object builds new objects holding only the properties you name, including calculated "
        "ones. It can also keep the first or last objects, skip some, drop duplicates, or expand one "
        "property into its values.",
        {"ExcludeProperty": "Properties to leave out; used with Property.",
         "ExpandProperty": "A property whose value, or whose items when it is a collection, is written "
                           "instead of a new object.",
         "Unique": "Drops objects identical to one already written.",
         "Last": "How many objects to keep from the end of the input.",
         "First": "How many objects to keep from the start of the input.",
         "Skip": "How many objects to skip from the start (or from the end with Last).",
         "SkipLast": "How many objects to leave out at the end of the input.",
         "Wait": "Lets every input object through the earlier commands even after First has been reached.",
         "Index": "The positions, counted from 0, of the objects to keep."},
        (("Get-UMService | Select-Object Name, UMStartupMode",
          "Shows only the name and the startup mode of each UM service."),
         ("Get-UMService | Select-Object -First 2", "Keeps the first two UM services.")),
        ("Where-Object", "Format-Table"),
    ),
    "Sort-Object": CommandText(
        "Sorts objects by the values of their properties.",
        "Sort-Object collects all its input and writes it back in order: by the properties named, or by "
        "the objects themselves. Text is compared without regard to case unless CaseSensitive is given.",
        {"Descending": "Sorts from the largest to the smallest value.",
         "Unique": "Writes only one of each group of equal objects.",
         "Property": "The properties to sort on, in priority order. Hash tables with Expression and "
                     "Ascending or Descending keys set the direction per property."},
        (("Get-UMService | Sort-Object UMStartupMode, Name", "Orders the UM services by startup mode, then "
                                                             "by name."),),
        ("Group-Object",),
    ),
    "Measure-Object": CommandText(
        "Counts objects and works out sums, averages, minimums and maximums.",
        "Measure-Object counts its input objects and, for numeric properties, can add them up, average "
        "them and find the smallest and largest values. For text it can count lines, words and characters.",
        {"Property": "The numeric properties to measure.",
         "Sum": "Adds up the values.", "Average": "Computes the mean of the values.",
         "Maximum": "Finds the largest value.", "Minimum": "Finds the smallest value.",
         "Line": "Counts lines of text.", "Word": "Counts words of text.", "Character": "Counts characters.",
         "IgnoreWhiteSpace": "Leaves white space out of the character count."},
        (("Get-UMService | Measure-Object", "Counts the UM services."),),
        (),
    ),
    "Group-Object": CommandText(
        "Puts objects with equal property values into groups.",
        "Group-Object writes one group per distinct value, with the count, the value and the objects "
        "that share it, in the order the values first appear.",
        {"NoElement": "Leaves the member objects out of the groups.",
         "AsHashTable": "Writes one hash table keyed by the grouping value instead of group objects.",
         "AsString": "Turns the keys of the hash table into strings; used with AsHashTable.",
         "Property": "The properties whose values form the groups."},
        (("Get-UMService | Group-Object UMStartupMode", "Shows how many UM services use each startup mode."),),
        ("Sort-Object",),
    ),
    "Compare-Object": CommandText(
        "Finds the differences between two sets of objects.",
        "Compare-Object reports the objects found in only one of the two sets; a SideIndicator of <= "
        "marks the reference set and => the difference set.",
        {"ReferenceObject": "The objects to compare against.",
         "DifferenceObject": "The objects compared with the reference set.",
         "SyncWindow": "How far to look ahead for a matching object in the other set.",
         "Property": "The properties to compare instead of the whole objects.",
         "ExcludeDifferent": "Leaves out the objects that differ.",
         "IncludeEqual": "Also writes the objects found in both sets, marked ==.",
         "PassThru": "Writes the original objects, with the SideIndicator added, instead of result objects."},
        (("Compare-Object (Get-UMService).Name @('MBX01', 'MBX02')", "Shows which names appear on only one side."),),
        (),
    ),
    "Get-Unique": CommandText(
        "Drops repeated items from a sorted list.",
        "Get-Unique compares each object with the one before it, so sort the input first.",
        {"AsString": "Compares the objects as text.", "OnType": "Keeps one object per type."},
        (("1, 1, 2, 3, 3 | Get-Unique", "Writes 1, 2 and 3."),),
        ("Sort-Object",),
    ),
    "New-Object": CommandText(
        "Creates an object of a .NET type.",
        "New-Object creates an instance of the type named, passing ArgumentList to its constructor. "
        "With Property it then sets properties on the new object; New-Object PSObject -Property @{...} "
        "builds a custom object.",
        {"TypeName": "The full or short name of the type.",
         "ArgumentList": "Arguments for the type's constructor.",
         "ComObject": "The programmatic identifier of a COM object (not available in emshell).",
         "Strict": "Reports an error when a COM object is wrapped by an interop assembly.",
         "Property": "A hash table of property names and values to set on the new object."},
        (("New-Object PSObject -Property @{Name = 'MBX01'; Mode = 'TLS'}", "Builds a custom object with two "
                                                                          "properties."),),
        ("Add-Member",),
    ),
    "Add-Member": CommandText(
        "Adds properties or methods to an object.",
        "Add-Member adds a member to an object: a note property holding a value, a script property or "
        "script method computed by a script block, an alias, and so on.",
        {"MemberType": "The kind of member to add, such as NoteProperty, ScriptProperty or ScriptMethod.",
         "Name": "The name of the new member.",
         "Value": "The value of a note property, or the script block of a script member.",
         "SecondValue": "Extra information for some member types, such as the setter of a script property.",
         "NotePropertyName": "The name of a note property to add.",
         "NotePropertyValue": "The value of that note property.",
         "NotePropertyMembers": "A dictionary of note property names and values to add at once.",
         "TypeName": "A type name to put at the front of the object's type names.",
         "Force": "Replaces a member that already has the name."},
        (("$s = Get-UMService MBX01; $s | Add-Member NoteProperty Site 'Lab' -PassThru",
          "Adds a Site note property to a UM service object and writes the object."),),
        ("New-Object",),
    ),
    "Write-Host": CommandText(
        "Writes text straight to the console.",
        "Write-Host prints to the console rather than to the pipeline, so its text cannot be captured or "
        "passed on. Colours and separators can be chosen.",
        {"Object": "What to write; collections are written item by item.",
         "NoNewline": "Leaves the cursor at the end of the text instead of starting a new line.",
         "Separator": "The text put between items of a collection.",
         "ForegroundColor": "The colour of the text.", "BackgroundColor": "The colour behind the text."},
        (("Write-Host 'Checking UM services...' -ForegroundColor Yellow", "Prints a message in yellow."),),
        ("Write-Output",),
    ),
    "Write-Output": CommandText(
        "Sends objects down the pipeline.",
        "Write-Output writes objects to the pipeline, where the next command or the console receives "
        "them. Writing a value on its own line does the same.",
        {"InputObject": "The objects to write.",
         "NoEnumerate": "Writes a collection as one object instead of item by item."},
        (("Write-Output 'done'", "Writes the string done."),),
        ("Write-Host",),
    ),
    "Write-Warning": CommandText(
        "Writes a warning.", "Write-Warning writes a message to the warning stream; the console shows it "
        "after WARNING:.", {"Message": "The text of the warning."},
        (("Write-Warning 'Restart the UM service to apply the change.'", "Prints a warning line."),), (),
    ),
    "Write-Verbose": CommandText(
        "Writes a verbose message.", "Write-Verbose writes to the verbose stream, shown as VERBOSE: lines "
        "when -Verbose is given or $VerbosePreference is Continue.", {"Message": "The text of the message."},
        (), (),
    ),
    "Write-Debug": CommandText(
        "Writes a debug message.", "Write-Debug writes to the debug stream, shown as DEBUG: lines when "
        "-Debug is given or $DebugPreference asks for it.", {"Message": "The text of the message."}, (), (),
    ),
    "Write-Information": CommandText(
        "Writes to the information stream.", "Write-Information writes a record to the information "
        "stream, shown when $InformationPreference or -InformationAction says so.",
        {"MessageData": "The message or object to write.", "Tags": "Words that label the record for filtering."},
        (), (),
    ),
    "Write-Error": CommandText(
        "Writes an error without stopping the command.",
        "Write-Error writes a non-terminating error record to the error stream; the script goes on unless "
        "ErrorAction says otherwise.",
        {"Exception": "The exception the error wraps.", "Message": "The text of the error.",
         "ErrorRecord": "A complete error record to write.", "Category": "The error category.",
         "ErrorId": "An identifier for the error.", "TargetObject": "The object being worked on.",
         "RecommendedAction": "What the user could do about it.",
         "CategoryActivity": "The activity shown in the category information.",
         "CategoryReason": "The reason shown in the category information.",
         "CategoryTargetName": "The target name shown in the category information.",
         "CategoryTargetType": "The target type shown in the category information."},
        (("Write-Error 'The dial plan was not found.'", "Writes an error record with that message."),), (),
    ),
    "Write-Progress": CommandText(
        "Shows a progress bar.", "Write-Progress reports the progress of a long task. emshell accepts it but "
        "draws nothing, as a console with redirected output does.",
        {"Activity": "The line that names the task.", "Status": "The current state of the task.",
         "Id": "A number telling several progress bars apart.",
         "PercentComplete": "How much of the task is done, in percent.",
         "SecondsRemaining": "The estimated time left.", "CurrentOperation": "What is happening right now.",
         "ParentId": "The progress bar this one belongs under.", "Completed": "Removes the progress bar.",
         "SourceId": "The source of the record."},
        (), (),
    ),
    "Out-Null": CommandText(
        "Discards its input.", "Out-Null takes whatever reaches it and writes nothing.", {}, (
            ("Set-UMService MBX01 -UMStartupMode Dual | Out-Null", "Runs the command and drops its output."),), (),
    ),
    "Out-String": CommandText(
        "Turns objects into the text the console would show.",
        "Out-String formats its input exactly as the console would and writes the result as one string, "
        "or one string per line with Stream.",
        {"Stream": "Writes each line as a separate string.",
         "Width": "The line width to lay the text out in; the console width by default."},
        (("Get-UMService | Out-String -Width 200", "Returns the table as one string 200 characters wide."),),
        ("Out-Host",),
    ),
    "Out-Host": CommandText(
        "Sends output to the console.", "Out-Host formats objects and prints them at once.",
        {"Paging": "Shows one screen at a time (ignored by emshell)."}, (), ("Out-String",),
    ),
    "Out-Default": CommandText(
        "Sends output to the default formatter and the console.",
        "Out-Default is what the shell adds at the end of every command line: it formats the objects "
        "with their default view and prints them.",
        {"Transcript": "Sends the output to the transcript only."}, (), ("Out-Host",),
    ),
    "Format-Table": CommandText(
        "Shows objects as a table.",
        "Format-Table puts each object on one row with one column per property. The type's default view "
        "decides the columns unless Property names them.",
        {**_FORMAT_PARAMETERS,
         "AutoSize": "Sizes the columns to fit the data instead of using the view's widths.",
         "HideTableHeaders": "Leaves out the column headers.",
         "Wrap": "Wraps long values onto more lines instead of cutting them off with ..."},
        (("Get-UMService | Format-Table Name, UMStartupMode -AutoSize", "A compact two-column table."),),
        ("Format-List",),
    ),
    "Format-List": CommandText(
        "Shows each property on a line of its own.",
        "Format-List writes every object as a list of Name : Value lines; use Property * to see all the "
        "properties of an object.",
        _FORMAT_PARAMETERS,
        (("Get-UMService MBX01 | Format-List", "Shows all settings of one UM service."),
         ("Get-UMService | Format-List Name, UM*", "Shows the name and the UM properties of each service.")),
        ("Format-Table",),
    ),
    "Format-Wide": CommandText(
        "Shows one property of each object, several objects per line.",
        "Format-Wide lays objects out in columns, showing a single property of each.",
        {**_FORMAT_PARAMETERS, "Property": "The property to show.",
         "AutoSize": "Fits as many columns as the longest value allows.",
         "Column": "The number of columns."},
        (("Get-UMService | Format-Wide Name -Column 4", "Four server names per line."),), ("Format-Table",),
    ),
    "Format-Custom": CommandText(
        "Shows objects with a custom view.", "Format-Custom shows objects through custom views, or as a "
        "nested class-like listing when the type has none.",
        {**_FORMAT_PARAMETERS, "Depth": "How many levels of nested objects to show."}, (), ("Format-List",),
    ),
    "Read-Host": CommandText(
        "Reads a line typed at the console.", "Read-Host shows a prompt and returns what the user types.",
        {"Prompt": "The text of the prompt; a colon and a space are added.",
         "AsSecureString": "Hides the typed text and returns it as a secure string."},
        (("$server = Read-Host 'Server name'", "Asks for a server name."),), (),
    ),
    "Get-Date": CommandText(
        "Gets the current date and time, or a date you describe.",
        "Get-Date returns the date and time of the emulated server's clock; parameters change parts of "
        "it or format it as text.",
        {"Date": "The date to start from instead of now.", "Year": "The year.", "Month": "The month.",
         "Day": "The day of the month.", "Hour": "The hour.", "Minute": "The minute.", "Second": "The second.",
         "Millisecond": "The millisecond.", "DisplayHint": "Which part the console shows: Date, Time or DateTime.",
         "Format": "A .NET format string; the result is text.", "UFormat": "A UNIX-style format string; the "
                                                                          "result is text."},
        (("Get-Date -Format yyyy-MM-dd", "Today's date as text."),), ("New-TimeSpan",),
    ),
    "Start-Sleep": CommandText(
        "Waits for a while.", "Start-Sleep pauses the script. emshell moves the session's clock forward "
        "instead of waiting.", {"Seconds": "How long to wait, in seconds.",
                                "Milliseconds": "How long to wait, in milliseconds."}, (), (),
    ),
    "New-TimeSpan": CommandText(
        "Creates a time interval.", "New-TimeSpan builds a TimeSpan from its parts or from two dates.",
        {"Start": "The start of the interval.", "End": "The end of the interval.", "Days": "Days.",
         "Hours": "Hours.", "Minutes": "Minutes.", "Seconds": "Seconds."},
        (("New-TimeSpan -Days 30", "A 30-day interval."),), ("Get-Date",),
    ),
    "Invoke-Expression": CommandText(
        "Runs a string as a command.", "Invoke-Expression runs the text given as a PowerShell command line "
        "in the current scope.", {"Command": "The command line to run."}, (), (),
    ),
    "Get-Variable": CommandText(
        "Lists variables, or reads their values.", "Get-Variable shows the variables of the session, or those "
        "matching the names given.",
        {"Name": _VARIABLE_NAME, "ValueOnly": "Writes only the values instead of variable objects.",
         "Include": "Only variables whose names match these patterns.",
         "Exclude": "Leaves out variables whose names match these patterns."},
        (("Get-Variable Format*", "Shows $FormatEnumerationLimit and any other Format variables."),),
        ("Set-Variable",),
    ),
    "Set-Variable": CommandText(
        "Sets a variable, creating it when needed.", "Set-Variable gives a variable a value, and can set its "
        "options and description.", {"Name": _VARIABLE_NAME, "Value": "The new value."}, (), ("Get-Variable",),
    ),
    "New-Variable": CommandText(
        "Creates a variable.", "New-Variable creates a variable; it fails when the variable already exists "
        "unless Force is given.", {"Name": "The name of the new variable.", "Value": "Its value."}, (),
        ("Set-Variable",),
    ),
    "Remove-Variable": CommandText(
        "Deletes variables.", "Remove-Variable deletes variables from the scope given.", {"Name": _VARIABLE_NAME},
        (), ("New-Variable",),
    ),
    "Clear-Variable": CommandText(
        "Empties variables.", "Clear-Variable sets variables to $null but keeps them.", {"Name": _VARIABLE_NAME},
        (), ("Remove-Variable",),
    ),
    "Get-Alias": CommandText(
        "Lists aliases.", "Get-Alias shows the aliases of the session, such as fl for Format-List.",
        {"Name": "The alias names to show; wildcards are allowed.",
         "Exclude": "Aliases to leave out.", "Definition": "Shows the aliases of these commands."},
        (("Get-Alias fl, ft", "Shows what fl and ft stand for."),
         ("Get-Alias -Definition Format-List", "Lists the aliases of Format-List, list among them.")),
        ("Set-Alias",),
    ),
    "Set-Alias": CommandText(
        "Creates or changes an alias.", "Set-Alias makes a short name stand for a command.",
        {"Name": "The alias.", "Value": "The command the alias runs."},
        (("Set-Alias gum Get-UMService", "After this, gum runs Get-UMService."),), ("Get-Alias",),
    ),
    "New-Alias": CommandText(
        "Creates an alias.", "New-Alias makes a short name stand for a command; it fails when the alias exists.",
        {"Name": "The alias.", "Value": "The command the alias runs."}, (), ("Set-Alias",),
    ),
    "Get-Random": CommandText(
        "Picks a random number or random items.", "Get-Random returns a random number, or items picked at "
        "random from its input. emshell's random numbers come from the session's seed.",
        {"SetSeed": "Starts the random sequence from this seed.", "Maximum": "The upper limit (not included).",
         "Minimum": "The lower limit.", "InputObject": "The items to pick from.",
         "Count": "How many items to pick."}, (), (),
    ),
    "Get-Location": CommandText(
        "Shows the current location.", "Get-Location shows the current directory of the emulated server.",
        {"PSProvider": "Shows the location in this provider.", "PSDrive": "Shows the location on this drive.",
         "Stack": "Shows the location stack."}, (), (),
    ),
    "Join-Path": CommandText(
        "Joins a path and a child path.", "Join-Path combines path parts with the right separator.",
        {"Path": "The main path.", "ChildPath": "The part to add.",
         "Resolve": "Checks that the combined path exists."}, (), ("Split-Path",),
    ),
    "Split-Path": CommandText(
        "Returns part of a path.", "Split-Path returns the parent, the leaf or the drive of a path.",
        {"Path": "The path to split.", "Parent": "Returns the parent folder (the default).",
         "Leaf": "Returns the last element.", "Qualifier": "Returns the drive, such as C:.",
         "NoQualifier": "Returns the path without its drive.", "IsAbsolute": "Tells whether the path is "
                                                                              "absolute.",
         "Resolve": "Resolves wildcards first."}, (), ("Join-Path",),
    ),
    "Set-StrictMode": CommandText(
        "Turns strict mode on or off.", "Set-StrictMode makes the current scope stricter about mistakes such "
        "as reading variables that were never set.",
        {"Version": "The strictness level: 1.0, 2.0, 3.0 or Latest.", "Off": "Turns strict mode off."}, (), (),
    ),
    "Tee-Object": CommandText(
        "Saves objects and passes them on.", "Tee-Object stores its input in a file or a variable and also "
        "writes it to the pipeline.",
        {"FilePath": "The file to write to.", "Append": "Adds to the file instead of replacing it.",
         "Variable": "The variable to store the objects in."},
        (("Get-UMService | Tee-Object -Variable services | Format-Table",
          "Shows the services and keeps them in $services."),), (),
    ),
    "Clear-Host": CommandText("Clears the console screen.", "Clear-Host empties the console window.", {}, (), ()),
    "Get-Host": CommandText("Describes the host program.", "Get-Host returns an object describing the console "
                                                           "that runs the shell.", {}, (), ()),
    "Get-Culture": CommandText("Shows the culture of the session.", "Get-Culture returns the culture whose "
                                                                    "formats the shell uses: en-US in EMS.",
                               {}, (), ()),
    "Get-History": CommandText(
        "Lists the command lines of this session.", "Get-History shows the command lines run so far.",
        {"Id": "The numbers of the entries to show.", "Count": "How many of the latest entries to show."}, (), (),
    ),
    "Get-Credential": CommandText(
        "Asks for a user name and password.", "Get-Credential prompts for credentials and returns them as a "
        "credential object.",
        {"Credential": "A user name, or a credential object, to start from.",
         "Message": "The text shown in the prompt.", "UserName": "The user name to fill in."}, (), (),
    ),
}

# The discovery commands (emshell.cmdlets.discovery) and EMS's banner helpers.
TEXTS.update({
    "Get-Command": CommandText(
        "Lists the commands the shell can run.",
        "Get-Command finds commands by name, verb, noun, module or type and describes them. Without "
        "parameters it lists every alias, function and cmdlet of the session. In EMS the Exchange cmdlets "
        "are functions of the temporary module that the remote session was imported into.\n\nWith Syntax "
        "it prints how to call each command instead, one line per parameter set.",
        {"Name": "Names of the commands to find; wildcards are allowed.",
         "Verb": "Finds commands whose verb (the part before the dash) matches.",
         "Noun": "Finds commands whose noun (the part after the dash) matches.",
         "Module": "Finds the commands of these modules or snap-ins.",
         "FullyQualifiedModule": "Finds the commands of modules given by full specification.",
         "CommandType": "The kinds of command to find: Alias, Function, Filter, Cmdlet, ExternalScript, "
                        "Application, Script, Workflow, Configuration or All.",
         "TotalCount": "The largest number of commands to write.",
         "Syntax": "Writes the syntax of each command instead of a command object.",
         "ShowCommandInfo": "Writes a summary object of each command, with its parameter sets.",
         "ArgumentList": "Arguments used to work out parameters that depend on them.",
         "All": "Also lists commands hidden behind others of the same name.",
         "ListImported": "Lists only the commands already loaded in the session.",
         "ParameterName": "Finds commands that have a parameter of one of these names.",
         "ParameterType": "Finds commands that have a parameter of one of these types."},
        (("Get-Command -Noun UMService", "Lists Get-UMService, Set-UMService and the other UMService commands."),
         ("Get-Command Set-UMService -Syntax", "Shows how to call Set-UMService."),
         ("Get-Command *UM* -CommandType Function", "Lists the UM cmdlets of EMS.")),
        ("Get-Help", "Get-Member", "Get-ExCommand"),
    ),
    "Get-Member": CommandText(
        "Lists the properties and methods of objects.",
        "Get-Member shows the members of the objects piped to it, grouped by type: their names, kinds and "
        "definitions. Use it to find out what a Get- cmdlet returns before selecting or formatting it.",
        {"InputObject": "The object whose members are listed. Piped objects are listed by type; an array "
                        "given here is listed as the array itself.",
         "Name": "Names of the members to list; wildcards are allowed.",
         "MemberType": "The kinds of member to list, such as Property, NoteProperty, Method or All.",
         "View": "Which members to include: Extended, Adapted, Base or All.",
         "Static": "Lists the static members of the type instead of the members of the object.",
         "Force": "Also lists the hidden members that PowerShell adds to every object."},
        (("Get-UMService MBX01 | Get-Member", "Lists the members of a UM service object."),
         ("Get-UMService | Get-Member -MemberType NoteProperty", "Lists only the note properties.")),
        ("Get-Command", "Select-Object"),
    ),
    "Get-Help": CommandText(
        "Shows help about commands and concepts.",
        "Get-Help shows what a command does and how to call it: its syntax, generated from the same "
        "declaration the shell binds parameters with, a description, the parameters and examples. Give "
        "a pattern to list the matching commands and topics, or an about_ topic name to read it.\n\n"
        "Typing a command name followed by -? shows the same help as Get-Help.",
        {"Name": "The command, alias or topic to show help for. With wildcards, the matching items are "
                 "listed.",
         "Path": "Shows help for a provider path (not available in emshell).",
         "Category": "Limits the search to these kinds of help, such as Cmdlet, Function, Alias or HelpFile.",
         "Component": "Limits the search to commands of this component.",
         "Functionality": "Limits the search to commands with this functionality.",
         "Role": "Limits the search to commands for this user role.",
         "Full": "Shows the whole help topic, with parameter details, inputs, outputs and notes.",
         "Detailed": "Adds the parameter descriptions and the examples to the basic help.",
         "Examples": "Shows only the name, the synopsis and the examples.",
         "Parameter": "Shows the details of the parameters named; wildcards are allowed.",
         "Online": "Opens the online version of the topic.",
         "ShowWindow": "Shows the help in a separate window."},
        (("Get-Help Set-UMService -Examples", "Shows the examples of Set-UMService."),
         ("Get-Help Set-UMService -Parameter UMStartupMode", "Shows one parameter in detail."),
         ("Get-Help *UMService*", "Lists the commands whose names contain UMService."),
         ("Set-UMService -?", "The same help as Get-Help Set-UMService.")),
        ("Get-Command", "about_EMShell"),
    ),
    "Get-ExCommand": CommandText(
        "Lists the Exchange cmdlets only.",
        "Get-ExCommand is the helper named in the EMS banner. It lists the commands of the imported "
        "Exchange session, optionally only those matching a name pattern.",
        {}, (("Get-ExCommand *UM*", "Lists the Exchange cmdlets with UM in their names."),),
        ("Get-Command",),
    ),
    "QuickRef": CommandText(
        "Opens the Exchange Management Shell quick reference.",
        "QuickRef is the helper named in the EMS banner. On an Exchange server it opens the quick "
        "reference guide in the web browser; emshell prints where the guide would open and a short guide "
        "of its own.",
        {}, (("QuickRef", "Shows the quick reference."),), ("Get-ExCommand",),
    ),
})
