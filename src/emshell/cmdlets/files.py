"""The item and location cmdlets of the FileSystem provider, inside the sandbox: Test-Path,
New-Item, Remove-Item, Get-ChildItem, Get-Item, Copy-Item, Move-Item, Rename-Item,
Resolve-Path, Set-Location, Push-Location and Pop-Location.

Messages, error ids and -WhatIf texts are Windows PowerShell 5.1's (SessionStateStrings and
FileSystemProviderStrings); paths follow ``emshell.cmdlets.filesystem``.
"""

from __future__ import annotations

import ntpath
import shutil

from emshell.cmdlets.filesystem import (
    DirectoryInfo,
    Drive,
    command_type,
    io_error,
    is_filesystem_path,
    part_not_found,
    path_not_found,
    refused,
    relative_path,
)
from emshell.engine.cmdlet import Cmdlet, cmdlet
from emshell.engine.errors import PSError, new_error
from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo, parameter
from emshell.engine.operators import wildcard_match
from emshell.engine.primitives import to_string
from emshell.engine.property_expression import is_wildcard

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

MANAGEMENT = "Microsoft.PowerShell.Management"


def _meta(name: str, params: list, *, synopsis: str, **kwargs: Any) -> CommandMetadata:
    return CommandMetadata(name, params, module=MANAGEMENT, version="3.1.0.0", implementing_type=command_type(name),
                           synopsis=synopsis, **kwargs)  # fmt: skip


def _path_parameters(*, mandatory: bool = True, position: int | None = 0, by_value: bool = False,
                     path_set: str = "Path", literal_set: str = "LiteralPath") -> list:  # fmt: skip
    """-Path (wildcards) and -LiteralPath (alias PSPath, so piped items bind by property name)."""
    return [
        parameter("Path", "String[]", position=position, mandatory=mandatory, pipeline=by_value,
                  by_property_name=True, sets=(path_set,)),
        parameter("LiteralPath", "String[]", mandatory=True, by_property_name=True, sets=(literal_set,),
                  aliases=("PSPath",)),
    ]  # fmt: skip


_FILTERS = [parameter("Filter", "String"), parameter("Include", "String[]"), parameter("Exclude", "String[]")]



def _present(paths: list, default: str | None) -> list[str]:
    """The paths given, a $null among them standing for the default (the current location)."""
    return [path if path is not None else default for path in paths if path is not None or default is not None]


class ItemCmdlet(Cmdlet):
    """Shared by the item cmdlets: the drive, and the paths a command names."""

    def drive(self) -> Drive:
        return Drive(self.runtime.runspace.sandbox)

    def requested_paths(self, default: str | None = None) -> tuple[list[str], bool]:
        if "LiteralPath" in self.params:
            return _present(self.params["LiteralPath"] or [], default), True
        paths = self.params.get("Path")
        if paths is None:
            return ([default] if default is not None else []), False
        return _present(paths, default), False

    def resolve(self, drive: Drive, path: str, literal: bool, denied_id: str) -> list[str] | None:
        """The existing items ``path`` names (wildcards expanded, -Include/-Exclude applied);
        reports PathNotFound for a literal path that does not exist and returns None."""
        name = self.metadata.name
        try:
            found, pattern = drive.expand(path, literal=literal)
        except PSError as error:
            self.write_error(refused(error, denied_id, name).record)
            return None
        if not found and not pattern:
            self.write_error(path_not_found(drive.full_path(path), name).record)
            return None
        return [item for item in found if self.selected(ntpath.basename(item) or item)]

    def selected(self, name: str) -> bool:
        include = self.params.get("Include")
        exclude = self.params.get("Exclude")
        flt = self.params.get("Filter")
        if flt and not wildcard_match(flt, name):
            return False
        if include and not any(wildcard_match(p, name) for p in include):
            return False
        return not (exclude and any(wildcard_match(p, name) for p in exclude))

    def stamp(self, drive: Drive, host: Any) -> None:
        drive.touch(host, self.context.now())


# =========================================================================== Test-Path


@cmdlet(_meta("Test-Path", [
    *_path_parameters(by_value=True),
    *_FILTERS,
    parameter("PathType", "TestPathType", aliases=("Type",), accepted_values=("Any", "Container", "Leaf")),
    parameter("IsValid", "SwitchParameter"),
    parameter("Credential", "PSCredential"),
    parameter("OlderThan", "DateTime"),
    parameter("NewerThan", "DateTime"),
], default_parameter_set="Path", synopsis="Tells whether a path exists (True or False)."))  # fmt: skip
class TestPath(ItemCmdlet):
    def process(self) -> None:
        paths, literal = self.requested_paths()
        for path in paths:
            self.write_object(self._test(path, literal))

    def _test(self, path: str, literal: bool) -> bool:
        if self.params.get("IsValid"):
            return not any(ch in path for ch in '"<>|\0')
        if not is_filesystem_path(path):
            return self._other_drive(path)
        drive = self.drive()
        try:
            found, _pattern = drive.expand(path, literal=literal)
        except PSError:
            return False  # outside the sandbox: as a missing drive, False without an error
        kind = str(self.params.get("PathType") or "Any").lower()
        for full in found:
            if not self.selected(ntpath.basename(full) or full):
                continue
            is_dir = drive.host_path(full).is_dir()
            if kind == "any" or (kind == "container") == is_dir:
                return True
        return False

    def _other_drive(self, path: str) -> bool:
        """``Env:NAME`` and ``Variable:NAME``; every other drive (HKLM: ...) is absent."""
        drive, _, name = path.partition(":")
        name = name.lstrip("\\/")
        if drive.lower() == "env":
            return not name or self.session.get_env(name) is not None
        if drive.lower() == "variable":
            if not name:
                return True
            qualifier, _, bare = name.rpartition(":")
            return self.session.lookup(bare, qualifier.lower() or None) is not None
        return False


# =========================================================================== New-Item


def _new_item_metadata() -> CommandMetadata:
    path = ParameterMetadata("Path", "String[]", sets={
        "pathSet": ParameterSetInfo("pathSet", 0, True, False, True),
        "nameSet": ParameterSetInfo("nameSet", 0, False, False, True),
    })  # fmt: skip
    return _meta("New-Item", [
        path,
        parameter("Name", "String", mandatory=True, by_property_name=True, sets=("nameSet",), allow_null=True,
                  allow_empty_string=True),
        parameter("ItemType", "String", by_property_name=True, aliases=("Type",)),
        parameter("Value", "Object", pipeline=True, by_property_name=True, aliases=("Target",)),
        parameter("Force", "SwitchParameter"),
        parameter("Credential", "PSCredential"),
    ], default_parameter_set="pathSet", supports_should_process=True,
       synopsis="Creates a file or a folder.")  # fmt: skip


@cmdlet(_new_item_metadata())
class NewItem(ItemCmdlet):
    def process(self) -> None:
        drive = self.drive()
        kind = to_string(self.params.get("ItemType") or "File").lower()
        if kind not in ("file", "directory"):
            self.write_error(new_error(
                "PSArgumentException",
                'The type is not a known type for the file system. Only "file","directory" or "symboliclink" '
                "can be specified.",
                "Argument,Microsoft.PowerShell.Commands.NewItemCommand", "InvalidArgument", kind,
                activity="New-Item",
            ))  # fmt: skip
            return
        for path in self.params.get("Path") or [drive.location]:
            if "Name" in self.params:
                path = ntpath.join(path, self.params["Name"] or "")
            try:
                full = drive.full_path(path)
                self._create(drive, full, kind)
            except PSError as error:
                if error.record.Exception.short_name == "UnauthorizedAccessException":
                    error = refused(error, "NewItemUnauthorizedAccessError", "New-Item")
                self.write_error(error.record)

    def _create(self, drive: Drive, full: str, kind: str) -> None:
        host = drive.host_path(full)
        force = bool(self.params.get("Force"))
        action = "Create Directory" if kind == "directory" else "Create File"
        if not self.should_process(f"Destination: {full}", action):
            return
        if kind == "directory":
            if host.exists() and not force:
                raise io_error(f"An item with the specified name {full} already exists.", full, "DirectoryExist",
                               "New-Item", "ResourceExists")  # fmt: skip
            if host.exists() and not host.is_dir():
                raise io_error(f"The file '{full}' already exists.", full, "NewItemIOError", "New-Item")
            host.mkdir(parents=True, exist_ok=True)
        else:
            if host.is_dir():
                raise io_error(f"Access to the path '{full}' is denied.", full, "NewItemUnauthorizedAccessError",
                               "New-Item", "PermissionDenied", "UnauthorizedAccessException")  # fmt: skip
            if host.exists() and not force:
                raise io_error(f"The file '{full}' already exists.", full, "NewItemIOError", "New-Item")
            if not host.parent.is_dir():
                if not force:
                    raise part_not_found(full, "NewItemIOError", "New-Item")
                host.parent.mkdir(parents=True, exist_ok=True)
            value = self.params.get("Value")
            # FileSystemProvider.NewItem writes the value with a StreamWriter: UTF-8, no BOM.
            host.write_bytes(b"" if value is None else to_string(value, self.context).encode("utf-8"))
        self.stamp(drive, host)
        self.write_object(drive.item(full))


# =========================================================================== Remove-Item

_CHILDREN_QUERY = ("The item at {0} has children and the Recurse parameter was not specified. If you continue, "
                   "all children will be removed with the item. Are you sure you want to continue?")  # fmt: skip


@cmdlet(_meta("Remove-Item", [
    *_path_parameters(by_value=True),
    *_FILTERS,
    parameter("Recurse", "SwitchParameter"),
    parameter("Force", "SwitchParameter"),
    parameter("Credential", "PSCredential"),
    parameter("Stream", "String[]"),
], default_parameter_set="Path", supports_should_process=True,
   synopsis="Deletes files and folders."))  # fmt: skip
class RemoveItem(ItemCmdlet):
    def process(self) -> None:
        drive = self.drive()
        paths, literal = self.requested_paths()
        for path in paths:
            for full in self.resolve(drive, path, literal, "RemoveItemUnauthorizedAccessError") or []:
                self._remove(drive, full)

    def _remove(self, drive: Drive, full: str) -> None:
        host = drive.host_path(full)
        is_dir = host.is_dir()
        if not self.should_process(full, "Remove Directory" if is_dir else "Remove File"):
            return
        if is_dir:
            if any(host.iterdir()) and not self.params.get("Recurse"):
                if not self.should_continue(_CHILDREN_QUERY.format(full), "Confirm"):
                    return
            shutil.rmtree(host)
        else:
            host.unlink()


# =========================================================================== Get-ChildItem / Get-Item


@cmdlet(_meta("Get-ChildItem", [
    parameter("Path", "String[]", position=0, pipeline=True, by_property_name=True, sets=("Items",)),
    parameter("LiteralPath", "String[]", mandatory=True, by_property_name=True, sets=("LiteralItems",),
              aliases=("PSPath",)),
    parameter("Filter", "String", position=1),
    parameter("Include", "String[]"),
    parameter("Exclude", "String[]"),
    parameter("Recurse", "SwitchParameter", aliases=("s",)),
    parameter("Depth", "UInt32"),
    parameter("Force", "SwitchParameter"),
    parameter("Name", "SwitchParameter"),
    parameter("Attributes", "String"),
    parameter("Directory", "SwitchParameter", aliases=("ad", "d")),
    parameter("File", "SwitchParameter", aliases=("af",)),
    parameter("Hidden", "SwitchParameter", aliases=("ah", "h")),
    parameter("ReadOnly", "SwitchParameter", aliases=("ar",)),
    parameter("System", "SwitchParameter", aliases=("as",)),
], default_parameter_set="Items", synopsis="Lists the items in a folder."))  # fmt: skip
class GetChildItem(ItemCmdlet):
    def process(self) -> None:
        drive = self.drive()
        paths, literal = self.requested_paths(drive.location)
        for path in paths:
            self._list(drive, path, literal)

    def _list(self, drive: Drive, path: str, literal: bool) -> None:
        try:
            found, pattern = drive.expand(path, literal=literal)
        except PSError as error:
            self.write_error(refused(error, "DirUnauthorizedAccessError", "Get-ChildItem").record)
            return
        if not found and not pattern:
            self.write_error(path_not_found(drive.full_path(path), "Get-ChildItem").record)
            return
        recurse = bool(self.params.get("Recurse")) or "Depth" in self.params
        # 5.1's quirk: -Include only filters when the path has a wildcard or -Recurse is given.
        include_applies = pattern or recurse
        for full in found:
            host = drive.host_path(full)
            if pattern or not host.is_dir():
                item = drive.item(full, display=full if not pattern else ntpath.basename(full))
                if self._wanted(item, include_applies):
                    self._emit(item, full, ntpath.dirname(full))
                if not (pattern and recurse and host.is_dir()):
                    continue
            depth = self.params.get("Depth")
            self._walk(drive, full, full, include_applies, recurse, depth if depth is not None else -1)

    def _walk(self, drive: Drive, root: str, folder: str, include_applies: bool, recurse: bool, depth: int) -> None:
        items = drive.children(folder)
        for item in items:
            if self._wanted(item, include_applies):
                self._emit(item, item.FullName, root)
        if not recurse or depth == 0:
            return
        for item in items:
            if isinstance(item, DirectoryInfo):
                self._walk(drive, root, item.FullName, include_applies, recurse, depth - 1)

    def _wanted(self, item: Any, include_applies: bool) -> bool:
        name = item.Name
        if self.params.get("Directory") and not item.PSIsContainer:
            return False
        if self.params.get("File") and item.PSIsContainer:
            return False
        flt = self.params.get("Filter")
        if flt and not wildcard_match(flt, name):
            return False
        include = self.params.get("Include")
        if include and (not include_applies or not any(wildcard_match(p, name) for p in include)):
            return False
        exclude = self.params.get("Exclude")
        return not (exclude and any(wildcard_match(p, name) for p in exclude))

    def _emit(self, item: Any, full: str, root: str) -> None:
        if self.params.get("Name"):
            self.write_object(relative_path(full, root)[2:] if full != root else item.Name)
        else:
            self.write_object(item)


@cmdlet(_meta("Get-Item", [
    *_path_parameters(by_value=True),
    *_FILTERS,
    parameter("Force", "SwitchParameter"),
    parameter("Credential", "PSCredential"),
    parameter("Stream", "String[]"),
], default_parameter_set="Path", synopsis="Gets a file or folder."))  # fmt: skip
class GetItem(ItemCmdlet):
    def process(self) -> None:
        drive = self.drive()
        paths, literal = self.requested_paths()
        for path in paths:
            for full in self.resolve(drive, path, literal, "ItemUnauthorizedAccessError") or []:
                self.write_object(drive.item(full))


# =========================================================================== Copy / Move / Rename


def _transfer_metadata(name: str, synopsis: str, *extra: ParameterMetadata) -> CommandMetadata:
    return _meta(name, [
        *_path_parameters(by_value=True),
        parameter("Destination", "String", position=1, by_property_name=True),
        *_FILTERS,
        parameter("Force", "SwitchParameter"),
        parameter("PassThru", "SwitchParameter"),
        parameter("Credential", "PSCredential"),
        *extra,
    ], default_parameter_set="Path", supports_should_process=True, synopsis=synopsis)  # fmt: skip


class TransferCmdlet(ItemCmdlet):
    """Copy-Item and Move-Item: each source item to the destination (into it when it is a folder)."""

    verb = ""

    def process(self) -> None:
        drive = self.drive()
        name = self.metadata.name
        paths, literal = self.requested_paths()
        destination = self.params.get("Destination") or drive.location
        for path in paths:
            for source in self.resolve(drive, path, literal, f"{self.verb}ItemUnauthorizedAccessError") or []:
                try:
                    target = drive.full_path(destination)
                    if drive.host_path(target).is_dir():
                        target = target.rstrip("\\") + "\\" + ntpath.basename(source)
                    self._transfer(drive, source, target)
                except PSError as error:
                    if error.record.Exception.short_name == "UnauthorizedAccessException":
                        error = refused(error, f"{self.verb}ItemUnauthorizedAccessError", name)
                    self.write_error(error.record)

    def _transfer(self, drive: Drive, source: str, target: str) -> None:
        raise NotImplementedError

    def _target_checks(self, drive: Drive, source: str, target: str, error_id: str) -> Any:
        host = drive.host_path(target)
        if not host.parent.is_dir():
            raise part_not_found(target, error_id, self.metadata.name)
        return host


@cmdlet(_transfer_metadata("Copy-Item", "Copies files and folders.", parameter("Container", "SwitchParameter"),
                           parameter("Recurse", "SwitchParameter")))  # fmt: skip
class CopyItem(TransferCmdlet):
    verb = "Copy"

    def _transfer(self, drive: Drive, source: str, target: str) -> None:
        source_host = drive.host_path(source)
        is_dir = source_host.is_dir()
        error_id = "CopyDirectoryInfoItemIOError" if is_dir else "CopyFileInfoItemIOError"
        host = self._target_checks(drive, source, target, error_id)
        if host == source_host:
            raise io_error(f"Cannot overwrite the item {source} with itself.", source, "CopyError", "Copy-Item")
        action = "Copy Directory" if is_dir else "Copy File"
        if not self.should_process(f"Item: {source} Destination: {target}", action):
            return
        if is_dir:
            if self.params.get("Recurse"):
                shutil.copytree(source_host, host, dirs_exist_ok=True)
            else:
                host.mkdir(exist_ok=True)
        else:
            if host.is_dir():
                raise io_error(f"Cannot overwrite the item {target} with itself.", target, "CopyError", "Copy-Item")
            shutil.copyfile(source_host, host)
            self.stamp(drive, host)
        if self.params.get("PassThru"):
            self.write_object(drive.item(target))


@cmdlet(_transfer_metadata("Move-Item", "Moves files and folders."))
class MoveItem(TransferCmdlet):
    verb = "Move"

    def _transfer(self, drive: Drive, source: str, target: str) -> None:
        source_host = drive.host_path(source)
        is_dir = source_host.is_dir()
        error_id = "MoveDirectoryItemIOError" if is_dir else "MoveFileInfoItemIOError"
        host = self._target_checks(drive, source, target, error_id)
        if host.exists() and host != source_host:
            if not self.params.get("Force") or is_dir:
                raise io_error("Cannot create a file when that file already exists.", source, error_id, "Move-Item")
        action = "Move Directory" if is_dir else "Move File"
        if not self.should_process(f"Item: {source} Destination: {target}", action):
            return
        source_host.replace(host)
        if self.params.get("PassThru"):
            self.write_object(drive.item(target))


@cmdlet(_meta("Rename-Item", [
    parameter("Path", "String", position=0, mandatory=True, pipeline=True, by_property_name=True,
              sets=("ByPath",)),
    parameter("LiteralPath", "String", mandatory=True, by_property_name=True, sets=("ByLiteralPath",),
              aliases=("PSPath",)),
    parameter("NewName", "String", position=1, mandatory=True, by_property_name=True),
    parameter("Force", "SwitchParameter"),
    parameter("PassThru", "SwitchParameter"),
    parameter("Credential", "PSCredential"),
], default_parameter_set="ByPath", supports_should_process=True,
   synopsis="Gives a file or folder a new name in the same folder."))  # fmt: skip
class RenameItem(ItemCmdlet):
    def process(self) -> None:
        drive = self.drive()
        literal = "LiteralPath" in self.params
        path = self.params["LiteralPath"] if literal else self.params["Path"]
        new_name = self.params["NewName"]
        try:
            found, _pattern = drive.expand(path, literal=literal)
        except PSError as error:
            self.write_error(refused(error, "RenameItemUnauthorizedAccessError", "Rename-Item").record)
            return
        if not found:
            self.write_error(new_error(
                "PSInvalidOperationException",
                f"Cannot rename because item at '{drive.full_path(path) if not is_wildcard(path) else path}' "
                "does not exist.",
                "InvalidOperation,Microsoft.PowerShell.Commands.RenameItemCommand", "InvalidOperation",
                activity="Rename-Item",
            ))  # fmt: skip
            return
        if any(ch in new_name for ch in "\\/:"):
            self.write_error(new_error(
                "PSArgumentException",
                "Cannot rename the specified target, because it represents a path or device name.",
                "Argument,Microsoft.PowerShell.Commands.RenameItemCommand", "InvalidArgument", new_name,
                activity="Rename-Item",
            ))  # fmt: skip
            return
        for source in found:
            self._rename(drive, source, ntpath.join(ntpath.dirname(source), new_name))

    def _rename(self, drive: Drive, source: str, target: str) -> None:
        source_host = drive.host_path(source)
        host = drive.host_path(target)
        is_dir = source_host.is_dir()
        if host.exists() and host != source_host:
            self.write_error(io_error("Cannot create a file when that file already exists.", source,
                                      "RenameItemIOError", "Rename-Item").record)  # fmt: skip
            return
        if not self.should_process(f"Item: {source} Destination: {target}",
                                   "Rename Directory" if is_dir else "Rename File"):  # fmt: skip
            return
        source_host.rename(host)
        if self.params.get("PassThru"):
            self.write_object(drive.item(target))


# =========================================================================== Resolve-Path and locations


def _path_info(path: str) -> Any:
    from emshell.cmdlets.utility import PathInfo

    return PathInfo(path)


@cmdlet(_meta("Resolve-Path", [
    *_path_parameters(by_value=True),
    parameter("Relative", "SwitchParameter"),
    parameter("Credential", "PSCredential"),
], default_parameter_set="Path", synopsis="Resolves wildcards and relative paths to full paths."))  # fmt: skip
class ResolvePath(ItemCmdlet):
    def process(self) -> None:
        drive = self.drive()
        paths, literal = self.requested_paths()
        for path in paths:
            for full in self.resolve(drive, path, literal, "ResolvePathUnauthorizedAccessError") or []:
                if self.params.get("Relative"):
                    self.write_object(relative_path(full, drive.location))
                else:
                    self.write_object(_path_info(full))


class LocationCmdlet(ItemCmdlet):
    """Set-Location, Push-Location, Pop-Location: the current location lives in the sandbox."""

    def stacks(self) -> dict[str, list[str]]:
        return self.runtime.runspace.sandbox.location_stacks

    def stack_name(self) -> str:
        return to_string(self.params.get("StackName") or "default")

    def change_location(self, drive: Drive, path: str, literal: bool) -> bool:
        try:
            found, _pattern = drive.expand(path, literal=literal)
        except PSError as error:
            self.write_error(refused(error, "SetLocationUnauthorizedAccessError", self.metadata.name).record)
            return False
        folders = [full for full in found if drive.host_path(full).is_dir()]
        if not folders:
            self.write_error(path_not_found(drive.full_path(path), self.metadata.name).record)
            return False
        drive.sandbox.location = folders[0]
        return True

    def pass_thru(self, drive: Drive) -> None:
        if self.params.get("PassThru"):
            self.write_object(_path_info(drive.location))


@cmdlet(_meta("Set-Location", [
    parameter("Path", "String", position=0, pipeline=True, by_property_name=True, sets=("Path",)),
    parameter("LiteralPath", "String", mandatory=True, by_property_name=True, sets=("LiteralPath",),
              aliases=("PSPath",)),
    parameter("PassThru", "SwitchParameter"),
    parameter("StackName", "String", pipeline=True, by_property_name=True, sets=("Stack",)),
], default_parameter_set="Path", synopsis="Changes the current location."))  # fmt: skip
class SetLocation(LocationCmdlet):
    def process(self) -> None:
        drive = self.drive()
        if "StackName" in self.params:
            self.stacks().setdefault(self.stack_name(), [])
        else:
            literal = "LiteralPath" in self.params
            path = self.params.get("LiteralPath" if literal else "Path")
            if path is not None and not self.change_location(drive, path, literal):
                return
        self.pass_thru(drive)


@cmdlet(_meta("Push-Location", [
    parameter("Path", "String", position=0, pipeline=True, by_property_name=True, sets=("Path",)),
    parameter("LiteralPath", "String", by_property_name=True, sets=("LiteralPath",), aliases=("PSPath",)),
    parameter("PassThru", "SwitchParameter"),
    parameter("StackName", "String", by_property_name=True),
], default_parameter_set="Path", synopsis="Saves the current location on a stack, then changes it."))  # fmt: skip
class PushLocation(LocationCmdlet):
    def process(self) -> None:
        drive = self.drive()
        stack = self.stacks().setdefault(self.stack_name(), [])
        literal = "LiteralPath" in self.params
        path = self.params.get("LiteralPath" if literal else "Path")
        current = drive.location
        if path is not None and not self.change_location(drive, path, literal):
            return
        stack.append(current)
        self.pass_thru(drive)


@cmdlet(_meta("Pop-Location", [
    parameter("PassThru", "SwitchParameter"),
    parameter("StackName", "String", by_property_name=True),
], synopsis="Changes the current location to the one most recently pushed."))  # fmt: skip
class PopLocation(LocationCmdlet):
    def process(self) -> None:
        drive = self.drive()
        stack = self.stacks().get(self.stack_name())
        if stack:
            drive.sandbox.location = stack.pop()
            self.pass_thru(drive)
