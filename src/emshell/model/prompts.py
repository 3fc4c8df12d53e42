"""Custom UM prompts: the audio files Import-UMPrompt uploads for a dial plan or an auto attendant
and Export-UMPrompt hands back.

Each owner keeps its prompts by file name (``um.prompt_files``); a name compares without regard
to case, as Windows file names do, and importing a name again replaces the audio.  The rules and
their messages are paraphrases (APPROXIMATIONS.md): the Exchange resources were not found.
"""

from __future__ import annotations

from emshell.model.errors import EXCHANGE_TASKS, ModelError, PropertyValidationError
from emshell.model.um import prompt_files

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

    from emshell.model.org import Organization

AUDIO_EXTENSIONS = (".wav", ".wma", ".mp3")


def _key(prompts: dict[str, bytes], name: str) -> str | None:
    lowered = name.lower()
    return next((key for key in prompts if key.lower() == lowered), None)


def check_file_name(name: str) -> None:
    if not name or any(char in name for char in '\\/:*?"<>|'):
        raise PropertyValidationError(
            f'"{name}" isn\'t a valid prompt file name: give the file name only, without a path.',
            target=name,
            error_id="InvalidPromptFileName",
        )
    if not name.lower().endswith(AUDIO_EXTENSIONS):
        raise PropertyValidationError(
            f'The prompt file "{name}" isn\'t a supported audio file. Use a .wav, .wma or .mp3 file.',
            target=name,
            error_id="UnsupportedPromptFileType",
        )


def import_prompt(org: Organization, owner: Any, name: str, data: bytes) -> None:
    """Import-UMPrompt: store ``data`` as the prompt ``name`` of a dial plan or auto attendant."""
    check_file_name(name)
    if not data:
        raise PropertyValidationError(f'The prompt file "{name}" is empty.', target=name, error_id="EmptyPromptFile")
    with org.transaction():
        prompts = prompt_files(owner)
        old = _key(prompts, name)
        if old is not None:
            del prompts[old]
        prompts[name] = bytes(data)
        org.tick()


def export_prompt(org: Organization, owner: Any, name: str) -> tuple[str, bytes]:
    """Export-UMPrompt: the stored file name and audio of the prompt ``name``."""
    prompts = prompt_files(owner)
    key = _key(prompts, name)
    if key is None:
        raise ModelError(
            f'The prompt file "{name}" wasn\'t found for {owner.LABEL} "{owner.Name}". Import it with '
            f"Import-UMPrompt first.",
            target=name,
            error_id="PromptFileNotFound",
            exception_type=EXCHANGE_TASKS + "ManagementObjectNotFoundException",
        )
    return key, prompts[key]
