"""Import-UMPrompt and Export-UMPrompt: custom prompts kept with their dial plan or auto attendant,
read from bytes or from a file of the shell's sandbox, saved in org files."""

from __future__ import annotations

import base64

import pytest

from emshell import Shell
from emshell.model import Organization, OrgFileError

SERVER_SIDE = "Microsoft.Exchange.Management.Tasks.UM."
WAVE = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00"


def failure(result) -> tuple[str, str, str]:
    """(message, CategoryInfo, FullyQualifiedErrorId without the [Server=...] prefix) of the one error."""
    (error,) = result.errors
    fqid = error.FullyQualifiedErrorId
    if fqid.startswith("[Server="):
        fqid = fqid.split("] ", 1)[1]
    return str(error), str(error.CategoryInfo), fqid


def as_bytes(data: bytes) -> str:
    """A PowerShell expression for ``data`` as a byte array."""
    return f"([System.Convert]::FromBase64String('{base64.b64encode(data).decode()}'))"


def exported(shell: Shell, owner: str, name: str) -> bytes:
    result = shell.run(f"Export-UMPrompt -PromptFileName '{name}' {owner}")
    assert result.ok, result.text
    return bytes(result.output[0].get_property("AudioData"))


@pytest.fixture
def shell(tmp_path) -> Shell:
    return Shell(sandbox=tmp_path)


# --------------------------------------------------------------------------- Export-UMPrompt


@pytest.mark.parametrize(
    ("owner", "name", "start"),
    [
        ("-UMDialPlan MyUMDialPlan", "customgreeting.mp3", b"ID3"),
        ("-UMAutoAttendant MyUMAutoAttendant", "welcomegreeting.mp3", b"ID3"),
        ("-UMDialPlan MyUMDialPlan", "CustomGreeting.MP3", b"ID3"),  # file names differ without regard to case
    ],
)
def test_export_the_prompts_of_the_built_in_org(shell, owner: str, name: str, start: bytes) -> None:
    assert exported(shell, owner, name)[:3] == start


def test_export_returns_the_audio_and_the_file_name(shell) -> None:
    result = shell.run(
        "$prompt = Export-UMPrompt -PromptFileName customgreeting.mp3 -UMDialPlan MyUMDialPlan\n"
        "$prompt.Name; $prompt.AudioData.Count; $prompt | Format-List AudioData"
    )
    assert result.text == (
        "customgreeting.mp3\n"
        "30\n"
        "\n"
        "\n"
        "AudioData : {73, 68, 51, 3, 0, 0, 0, 0, 0, 0, 255, 251, 144, 100, 0, 3...}\n"
        "\n"
        "\n"
        "\n"
    )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Export-UMPrompt -PromptFileName nope.wav -UMAutoAttendant MyUMAutoAttendant",
         ('The prompt file "nope.wav" wasn\'t found for UM auto attendant "MyUMAutoAttendant". Import it with '
          "Import-UMPrompt first.",
          "NotSpecified: (:) [Export-UMPrompt], ManagementObjectNotFoundException",
          "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] D4C39631," + SERVER_SIDE + "ExportUMPrompt")),
        ("Export-UMPrompt -PromptFileName customgreeting.mp3 -UMDialPlan NoSuchPlan",
         ("The operation couldn't be performed because object 'NoSuchPlan' couldn't be found on 'DC01.contoso.com'.",
          "NotSpecified: (:) [Export-UMPrompt], ManagementObjectNotFoundException",
          "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] 85EBF0B5," + SERVER_SIDE + "ExportUMPrompt")),
        ("Export-UMPrompt -PromptFileName customgreeting.mp3 -UMDialPlan MyUMDialPlan -UMAutoAttendant MyUMAutoAttendant",
         ("Parameter set cannot be resolved using the specified named parameters.",
          "InvalidArgument: (:) [Export-UMPrompt], ParameterBindingException", "AmbiguousParameterSet,Export-UMPrompt")),
        ("Export-UMPrompt -PromptFileName customgreeting.mp3",
         ("Cannot process command because of one or more missing mandatory parameters: UMAutoAttendant.",
          "InvalidArgument: (:) [Export-UMPrompt], ParameterBindingException",
          "MissingMandatoryParameter,Export-UMPrompt")),
    ],
    ids=["unknown-prompt", "unknown-dial-plan", "two-owners", "no-owner"],
)  # fmt: skip
def test_export_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    assert failure(shell.run(command)) == expected


def test_export_whatif_returns_nothing(shell) -> None:
    result = shell.run("Export-UMPrompt -PromptFileName customgreeting.mp3 -UMDialPlan MyUMDialPlan -WhatIf")
    assert (result.text, result.output) == ('What if: Exporting UM prompt "customgreeting.mp3".\n', [])


# --------------------------------------------------------------------------- Import-UMPrompt


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("-UMDialPlan MyUMDialPlan", "welcomegreeting.wav"),
        ("-UMAutoAttendant MyUMAutoAttendant", "welcomegreeting.wav"),
        ("-UMAutoAttendant MyUMAutoAttendant", "AfterHoursWelcomeGreeting.wma"),
    ],
)
def test_import_bytes_then_export_them(shell, owner: str, name: str) -> None:
    result = shell.run(f"Import-UMPrompt {owner} -PromptFileName '{name}' -PromptFileData {as_bytes(WAVE)}")
    assert (result.ok, result.text, result.output) == (True, "", [])
    assert exported(shell, owner, name) == WAVE


def test_import_from_a_file_of_the_sandbox(shell, tmp_path) -> None:
    (tmp_path / "UMPrompts").mkdir()
    (tmp_path / "UMPrompts" / "welcome.wav").write_bytes(WAVE)
    result = shell.run("Import-UMPrompt -UMDialPlan MyDialPlan -PromptFileName welcome.wav "
                       "-PromptFileStream C:\\UMPrompts\\welcome.wav")  # fmt: skip
    assert result.ok, result.text
    assert exported(shell, "-UMDialPlan MyDialPlan", "welcome.wav") == WAVE


def test_import_again_replaces_the_audio(shell) -> None:
    shell.run(f"Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName CustomGreeting.mp3 -PromptFileData {as_bytes(WAVE)}")
    assert exported(shell, "-UMDialPlan MyUMDialPlan", "customgreeting.mp3") == WAVE
    assert list(shell.org.resolve("dialPlan", "MyUMDialPlan").prompts) == ["CustomGreeting.mp3"]


def test_import_whatif_changes_nothing(shell) -> None:
    before = shell.org.dump()
    result = shell.run(f"Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName a.wav -PromptFileData {as_bytes(WAVE)} "
                       "-WhatIf")  # fmt: skip
    assert (result.text, shell.org.dump()) == ('What if: Importing UM prompt "a.wav".\n', before)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName greeting.txt -PromptFileData 82,73,70,70",
         ('The prompt file "greeting.txt" isn\'t a supported audio file. Use a .wav, .wma or .mp3 file.',
          "InvalidData: (:) [Import-UMPrompt], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] C62785E5," + SERVER_SIDE + "ImportUMPrompt")),
        ("Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName C:\\UMPrompts\\a.wav -PromptFileData 82,73,70,70",
         ('"C:\\UMPrompts\\a.wav" isn\'t a valid prompt file name: give the file name only, without a path.',
          "InvalidData: (:) [Import-UMPrompt], DataValidationException",
          "[FailureCategory=Cmdlet-DataValidationException] 6CECDDDF," + SERVER_SIDE + "ImportUMPrompt")),
        ("Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName a.wav -PromptFileStream C:\\UMPrompts\\missing.wav",
         ("Could not find file 'C:\\UMPrompts\\missing.wav'.",
          "ObjectNotFound: (:) [Import-UMPrompt], FileNotFoundException",
          "[FailureCategory=Cmdlet-FileNotFoundException] BFF986D3," + SERVER_SIDE + "ImportUMPrompt")),
        ("Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName a.wav -PromptFileData 1,2,300",
         ("Cannot process argument transformation on parameter 'PromptFileData'. Cannot convert value \"300\" to type "
          '"System.Byte". Error: "Value was either too large or too small for an unsigned byte."',
          "InvalidData: (:) [Import-UMPrompt], ParameterBindin...mationException",
          "ParameterArgumentTransformationError,Import-UMPrompt")),
        ("Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName a.wav -PromptFileData @()",
         ("Cannot bind argument to parameter 'PromptFileData' because it is an empty array.",
          "InvalidData: (:) [Import-UMPrompt], ParameterBindingValidationException",
          "ParameterArgumentValidationErrorEmptyArrayNotAllowed,Import-UMPrompt")),
        ("Import-UMPrompt -UMAutoAttendant NoSuchAA -PromptFileName a.wav -PromptFileData 1,2,3",
         ("The operation couldn't be performed because object 'NoSuchAA' couldn't be found on 'DC01.contoso.com'.",
          "NotSpecified: (:) [Import-UMPrompt], ManagementObjectNotFoundException",
          "[FailureCategory=Cmdlet-ManagementObjectNotFoundException] 54090E5F," + SERVER_SIDE + "ImportUMPrompt")),
        ("Import-UMPrompt -PromptFileName a.wav -PromptFileData 1,2,3",
         ("Cannot process command because of one or more missing mandatory parameters: UMDialPlan.",
          "InvalidArgument: (:) [Import-UMPrompt], ParameterBindingException",
          "MissingMandatoryParameter,Import-UMPrompt")),
    ],
    ids=["not-audio", "path-in-name", "missing-file", "not-a-byte", "no-data", "unknown-auto-attendant", "no-owner"],
)  # fmt: skip
def test_import_errors(shell, command: str, expected: tuple[str, str, str]) -> None:
    before = shell.org.dump()
    assert failure(shell.run(command)) == expected
    assert shell.org.dump() == before


def test_empty_file_is_refused(shell, tmp_path) -> None:
    (tmp_path / "empty.wav").write_bytes(b"")
    result = shell.run("Import-UMPrompt -UMDialPlan MyUMDialPlan -PromptFileName empty.wav -PromptFileStream C:\\empty.wav")
    assert failure(result)[0] == 'The prompt file "empty.wav" is empty.'


# --------------------------------------------------------------------------- org files


def test_prompts_are_saved_and_loaded(shell, tmp_path) -> None:
    shell.run(f"Import-UMPrompt -UMAutoAttendant MyDTMFAA -PromptFileName 'menu #1.wav' -PromptFileData {as_bytes(WAVE)}")
    path = tmp_path / "org.yaml"
    shell.org.save(path)
    text = path.read_text(encoding="utf-8")
    assert f'      "menu #1.wav": {base64.b64encode(WAVE).decode()}\n' in text
    loaded = Organization.load(path)
    assert loaded.dump() == text
    assert loaded.resolve("autoAttendant", "MyDTMFAA").prompts == {"menu #1.wav": WAVE}


def test_removing_the_owner_removes_its_prompts(shell) -> None:
    shell.run(f"Import-UMPrompt -UMAutoAttendant MyDTMFAA -PromptFileName a.wav -PromptFileData {as_bytes(WAVE)}")
    shell.run("Remove-UMAutoAttendant MyDTMFAA -Confirm:$false")
    assert "a.wav" not in shell.org.dump()


@pytest.mark.parametrize(
    ("prompts", "problem"),
    [
        ("      a.wav: '***'", "org.yaml:7: dialPlans[0].prompts.a.wav: expected the audio as base64 text"),
        ("      a.txt: UklGRg==", "org.yaml:7: dialPlans[0].prompts.a.txt: The prompt file \"a.txt\" isn't a supported "
                                   "audio file. Use a .wav, .wma or .mp3 file."),
        ("      a.wav: UklGRg==\n      A.WAV: UklGRg==", "org.yaml:8: dialPlans[0].prompts.A.WAV: another prompt has "
                                                        "this file name"),
        ("      - a.wav", "org.yaml:5: dialPlans[0].prompts: expected a mapping of prompt file names to base64 audio"),
    ],
)  # fmt: skip
def test_bad_prompts_in_an_org_file(tmp_path, prompts: str, problem: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "dialPlans:\n"
        "  - Name: DP\n"
        "    NumberOfDigitsInExtension: 4\n"
        "    CountryOrRegionCode: '1'\n"
        "    prompts:\n"
        "      # audio as base64\n"
        f"{prompts}\n",
        encoding="utf-8",
    )
    with pytest.raises(OrgFileError) as caught:
        Organization.load(path)
    assert str(caught.value) == problem.replace("org.yaml", str(path))
