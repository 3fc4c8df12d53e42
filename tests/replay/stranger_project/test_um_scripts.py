"""A test file written from the README alone: the fixtures and golden transcripts."""

import pytest


def test_set_umservice_changes_the_organization(ems):
    result = ems.run("Set-UMService -Identity MyUMServer1 -UMStartupMode Dual")
    assert result.errors == []
    assert ems.org.um_service("MyUMServer1").UMStartupMode == "Dual"
    assert any("restarted" in warning for warning in result.warnings)


def test_an_unknown_server_is_an_error(ems):
    result = ems.run("Get-UMService -Identity NoSuchServer")
    assert not result.ok
    assert len(result.errors) == 1


def test_a_report_file_is_written_in_the_sandbox(ems):
    ems.run(r"New-Item C:\reports -ItemType Directory | Out-Null; "
            r"Get-UMService | Select-Object Name, UMStartupMode | Export-Csv C:\reports\um.csv -NoTypeInformation")
    lines = ems.path(r"C:\reports\um.csv").read_text(encoding="ascii").splitlines()
    assert lines[0] == '"Name","UMStartupMode"'


def test_the_report(ems):
    ems.path(r"C:\temp").mkdir()
    ems.path(r"C:\temp\users.csv").write_text("Alias,Extension\ntonysmith,51234\n")
    ems.run(r"Import-Csv C:\temp\users.csv | Export-Csv C:\temp\out.csv -NoTypeInformation")
    assert ems.path(r"C:\temp\out.csv").read_bytes() == b'"Alias","Extension"\r\n"tonysmith","51234"\r\n'


def test_my_lab_organization(ems_org):
    shell = ems_org("lab.yaml")
    assert shell.run("Get-UMService | ForEach-Object Name").text == "EX01\n"
    assert shell.org.um_service("EX01").UMStartupMode == "Dual"


# Each test changes the organization, a variable and a file; none may see another's changes,
# in whatever order and in whichever worker they run.
@pytest.mark.parametrize("mode", ["Dual", "TLS"] * 6)
def test_nothing_leaks_between_tests(ems, mode):
    check = ems.run(r"(Get-UMService MyUMServer1).UMStartupMode; $null -eq $marker; Test-Path C:\marker.txt")
    assert check.text == "TCP\nTrue\nFalse\n"
    ems.run(rf"Set-UMService MyUMServer1 -UMStartupMode {mode} -WarningAction SilentlyContinue; "
            r"$global:marker = 1; Set-Content C:\marker.txt x")
