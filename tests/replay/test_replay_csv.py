"""CSV as Windows PowerShell 5.1 writes and reads it."""

from __future__ import annotations

import pytest

from emshell.cmdlets.csvfiles import iter_records

OBJ = "[pscustomobject]@{Name='MyUMServer1'; Port=5062; Note=$null}"

# (script, console text)
CASES = [
    # #TYPE line, quoted header and values, $null left empty
    (f"{OBJ} | ConvertTo-Csv",
     '#TYPE System.Management.Automation.PSCustomObject\n"Name","Port","Note"\n"MyUMServer1","5062",\n'),
    (f"{OBJ} | ConvertTo-Csv -NoTypeInformation", '"Name","Port","Note"\n"MyUMServer1","5062",\n'),
    (f"{OBJ} | ConvertTo-Csv -NoTypeInformation -Delimiter ';'", '"Name";"Port";"Note"\n"MyUMServer1";"5062";\n'),
    (f"{OBJ} | ConvertTo-Csv -NoTypeInformation -UseCulture", '"Name","Port","Note"\n"MyUMServer1","5062",\n'),
    # embedded quotes are doubled; arrays are their .NET type name
    ("[pscustomobject]@{a='say \"hi\"'; b=1,2} | ConvertTo-Csv -NoTypeInformation",
     '"a","b"\n"say ""hi""","System.Object[]"\n'),
    # the first object's properties are the columns
    ("[pscustomobject]@{a=1}, [pscustomobject]@{a=2; b=3}, [pscustomobject]@{b=4} | ConvertTo-Csv -NTI",
     '"a"\n"1"\n"2"\n\n'),
    # a string's only property is its Length (the classic surprise)
    ("'abc' | ConvertTo-Csv -NoTypeInformation", '"Length"\n"3"\n'),
    # Select-Object's objects keep the "Selected." type name
    ("Get-UMService MyUMServer1 | Select-Object Name, UMStartupMode | ConvertTo-Csv",
     '#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.UMServer\n"Name","UMStartupMode"\n'
     '"MyUMServer1","TCP"\n'),
    # reading
    ("'Name,Extension', 'Tony,51234', 'Kim,23456' | ConvertFrom-Csv | ForEach-Object { $_.Name + '=' + $_.Extension }",
     "Tony=51234\nKim=23456\n"),
    ("'a,b', '1' | ConvertFrom-Csv | ForEach-Object { $null -eq $_.b }", "True\n"),
    ("'1,2' | ConvertFrom-Csv -Header x, y | ForEach-Object y", "2\n"),
    ("'#TYPE My.Type', 'a', '1' | ConvertFrom-Csv | ForEach-Object { $_.PSObject.TypeNames[0] }", "CSV:My.Type\n"),
    ("\"a,b`n\"\"x,1\"\",2\" | ConvertFrom-Csv | ForEach-Object a", "x,1\n"),
    # a round trip keeps every value as a string
    ("$r = [pscustomobject]@{n=1; s='x'} | ConvertTo-Csv | ConvertFrom-Csv; $r.n.GetType().Name; $r.PSObject.TypeNames[0]",
     "String\nCSV:System.Management.Automation.PSCustomObject\n"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "expected"), CASES, ids=[case[0] for case in CASES])
def test_conversion(ems, script, expected):
    result = ems.run(script)
    assert result.errors == []
    assert result.text == expected


def test_export_writes_ascii_with_crlf(ems):
    ems.run(r"Get-UMService | Select-Object Name -First 2 | Export-Csv C:\s.csv -NoTypeInformation")
    assert ems.path(r"C:\s.csv").read_bytes() == b'"Name"\r\n"EXCH01"\r\n"Exchange01"\r\n'


def test_export_encodings(ems):
    ems.run(r"[pscustomobject]@{a='" + "\u00e9" + r"'} | Export-Csv C:\u.csv -NTI -Encoding UTF8; "
            r"[pscustomobject]@{a='" + "\u00e9" + r"'} | Export-Csv C:\a.csv -NTI")  # fmt: skip
    assert ems.path(r"C:\u.csv").read_bytes() == b'\xef\xbb\xbf"a"\r\n"\xc3\xa9"\r\n'
    assert ems.path(r"C:\a.csv").read_bytes() == b'"a"\r\n"?"\r\n'


def test_export_append_uses_the_existing_header(ems):
    result = ems.run(r"[pscustomobject]@{a=1; b=2} | Export-Csv C:\x.csv -NTI; "
                     r"[pscustomobject]@{b=4; a=3} | Export-Csv C:\x.csv -Append; Get-Content C:\x.csv")  # fmt: skip
    assert result.text == '"a","b"\n"1","2"\n"3","4"\n'


def test_export_append_with_a_missing_column_fails_unless_forced(ems):
    result = ems.run(r"[pscustomobject]@{a=1; b=2} | Export-Csv C:\x.csv -NTI; "
                     r"[pscustomobject]@{a=3} | Export-Csv C:\x.csv -Append")  # fmt: skip
    assert result.error_ids == ["CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand"]
    assert result.errors[0].message == (
        "Cannot append CSV content to the following file: C:\\x.csv. The appended object does not have a property "
        "that corresponds to the following column: b. To continue with mismatched properties, add the -Force "
        "parameter, and then retry the command."
    )
    forced = ems.run(r"[pscustomobject]@{a=3} | Export-Csv C:\x.csv -Append -Force; Get-Content C:\x.csv")
    assert forced.text == '"a","b"\n"1","2"\n"3",\n'


def test_import_reads_what_export_wrote(ems):
    result = ems.run(r"Get-UMService | Select-Object Name, UMStartupMode | Export-Csv C:\s.csv; "
                     r"Import-Csv C:\s.csv | Where-Object UMStartupMode -eq 'Dual' | ForEach-Object Name")  # fmt: skip
    assert result.text == "Exchange01\nMyUMServer2\n"


def test_import_of_a_missing_file(ems):
    result = ems.run(r"Import-Csv C:\temp\users.csv")
    assert result.error_ids == ["FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand"]
    assert result.errors[0].message == "Could not find a part of the path 'C:\\temp\\users.csv'."
    result = ems.run(r"Import-Csv C:\users.csv")
    assert result.errors[0].message == "Could not find file 'C:\\users.csv'."
    assert result.text.splitlines()[-3:-1] == [
        "    + CategoryInfo          : OpenError: (:) [Import-Csv], FileNotFoundException",
        "    + FullyQualifiedErrorId : FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand",
    ]


def test_import_skips_blank_lines_and_reads_a_bom(ems):
    ems.path(r"C:\u.csv").write_bytes(b'\xef\xbb\xbfName,Ext\r\n\r\n"Kim Akers",23456\r\n\r\n')
    assert ems.run(r"Import-Csv C:\u.csv | ForEach-Object { $_.Name + '|' + $_.Ext }").text == "Kim Akers|23456\n"


@pytest.mark.parametrize(("lines", "records"), [
    (['a,b'], [["a", "b"]]),
    (['"a,1",b'], [["a,1", "b"]]),
    (['"say ""hi""",x'], [['say "hi"', "x"]]),
    (['"two', 'lines",x'], [["two\nlines", "x"]]),
    (['a,', ''], [["a", ""]]),
    ([' "q" ,b'], [["q ", "b"]]),
    (['a,b', '', 'c,d'], [["a", "b"], ["c", "d"]]),
])  # fmt: skip
def test_record_reader(lines, records):
    assert list(iter_records(lines, ",")) == records
