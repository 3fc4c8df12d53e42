"""Error records, the .NET exceptions they carry, and the Python exceptions that move them.

PowerShell reports every failure as an ``ErrorRecord``: a message (from its exception), a
``CategoryInfo``, a ``FullyQualifiedErrorId``, the target object and where it happened
(``InvocationInfo``).  The classes here keep PowerShell's property names (``Exception``,
``CategoryInfo`` ...), because scripts read them: ``$_.Exception.Message``,
``$_.CategoryInfo.Reason``, ``$_.FullyQualifiedErrorId``.

Rendering an error as the console shows it lives in ``emshell.formatting.error_view``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

# --------------------------------------------------------------------------- categories

# System.Management.Automation.ErrorCategory, in its declaration order.
ERROR_CATEGORIES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
    "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
    "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped",
    "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
    "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
    "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled",
)  # fmt: skip


# --------------------------------------------------------------------------- .NET exceptions

SMA = "System.Management.Automation."
EXCHANGE_TASKS = "Microsoft.Exchange.Configuration.Tasks."

# Full type name -> base type name.  Enough of the .NET and PowerShell hierarchy for typed
# ``catch [...]`` clauses and ``-is`` tests to behave as they do in Windows PowerShell 5.1.
EXCEPTION_BASES: dict[str, str | None] = {
    "System.Object": None,
    "System.Exception": "System.Object",
    "System.SystemException": "System.Exception",
    "System.ApplicationException": "System.Exception",
    "System.ArgumentException": "System.SystemException",
    "System.ArgumentNullException": "System.ArgumentException",
    "System.ArgumentOutOfRangeException": "System.ArgumentException",
    "System.FormatException": "System.SystemException",
    "System.InvalidCastException": "System.SystemException",
    "System.InvalidOperationException": "System.SystemException",
    "System.NotSupportedException": "System.SystemException",
    "System.NotImplementedException": "System.SystemException",
    "System.NullReferenceException": "System.SystemException",
    "System.IndexOutOfRangeException": "System.SystemException",
    "System.ArithmeticException": "System.SystemException",
    "System.DivideByZeroException": "System.ArithmeticException",
    "System.OverflowException": "System.ArithmeticException",
    "System.OutOfMemoryException": "System.SystemException",
    "System.TimeoutException": "System.SystemException",
    "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
    "System.IO.IOException": "System.SystemException",
    "System.IO.FileNotFoundException": "System.IO.IOException",
    "System.IO.DirectoryNotFoundException": "System.IO.IOException",
    "System.UnauthorizedAccessException": "System.SystemException",
    "System.Security.SecurityException": "System.SystemException",
    "System.Text.RegularExpressions.RegexParseException": "System.ArgumentException",
    SMA + "RuntimeException": "System.SystemException",
    SMA + "ParseException": SMA + "RuntimeException",
    SMA + "IncompleteParseException": SMA + "ParseException",
    SMA + "ParameterBindingException": SMA + "RuntimeException",
    SMA + "ParameterBindingArgumentTransformationException": SMA + "ParameterBindingException",
    SMA + "ParameterBindingValidationException": SMA + "ParameterBindingException",
    SMA + "CommandNotFoundException": SMA + "RuntimeException",
    SMA + "MethodException": SMA + "RuntimeException",
    SMA + "MethodInvocationException": SMA + "MethodException",
    SMA + "PropertyNotFoundException": SMA + "RuntimeException",
    SMA + "SetValueException": SMA + "RuntimeException",
    SMA + "SetValueInvocationException": SMA + "SetValueException",
    SMA + "GetValueException": SMA + "RuntimeException",
    SMA + "GetValueInvocationException": SMA + "GetValueException",
    SMA + "PSInvalidCastException": "System.InvalidCastException",
    SMA + "PSArgumentException": "System.ArgumentException",
    SMA + "PSArgumentNullException": "System.ArgumentNullException",
    SMA + "PSArgumentOutOfRangeException": "System.ArgumentOutOfRangeException",
    SMA + "PSInvalidOperationException": "System.InvalidOperationException",
    SMA + "PSNotSupportedException": "System.NotSupportedException",
    SMA + "PSNotImplementedException": "System.NotImplementedException",
    SMA + "PSSecurityException": SMA + "RuntimeException",
    SMA + "ValidationMetadataException": SMA + "MetadataException",
    SMA + "MetadataException": SMA + "RuntimeException",
    SMA + "ArgumentTransformationMetadataException": SMA + "MetadataException",
    SMA + "SessionStateException": SMA + "RuntimeException",
    SMA + "SessionStateUnauthorizedAccessException": SMA + "SessionStateException",
    SMA + "ItemNotFoundException": SMA + "SessionStateException",
    SMA + "DriveNotFoundException": SMA + "SessionStateException",
    SMA + "ProviderNotFoundException": SMA + "SessionStateException",
    SMA + "PipelineStoppedException": SMA + "RuntimeException",
    SMA + "ActionPreferenceStopException": SMA + "RuntimeException",
    SMA + "ScriptCallDepthException": "System.SystemException",
    SMA + "WildcardPatternException": SMA + "RuntimeException",
    SMA + "PSRemotingTransportException": SMA + "RuntimeException",
    SMA + "RemoteException": SMA + "RuntimeException",
    SMA + "Host.HostException": SMA + "RuntimeException",
    SMA + "PSInvalidOperationException": "System.InvalidOperationException",
    "Microsoft.PowerShell.Commands.WriteErrorException": "System.SystemException",
    "Microsoft.PowerShell.Commands.ServiceCommandException": "System.SystemException",
    # Exchange task exceptions (what the server raises; EMS shows their short names).
    "Microsoft.Exchange.Data.Common.LocalizedException": "System.Exception",
    EXCHANGE_TASKS + "DataSourceOperationException": "Microsoft.Exchange.Data.Common.LocalizedException",
    EXCHANGE_TASKS + "ManagementObjectNotFoundException": EXCHANGE_TASKS + "DataSourceOperationException",
    EXCHANGE_TASKS + "ManagementObjectAmbiguousException": EXCHANGE_TASKS + "DataSourceOperationException",
    EXCHANGE_TASKS + "ManagementObjectAlreadyExistsException": EXCHANGE_TASKS + "DataSourceOperationException",
    EXCHANGE_TASKS + "TaskException": "Microsoft.Exchange.Data.Common.LocalizedException",
    EXCHANGE_TASKS + "RecipientTaskException": EXCHANGE_TASKS + "TaskException",
    EXCHANGE_TASKS + "TaskArgumentException": "Microsoft.Exchange.Data.Common.LocalizedException",
    "Microsoft.Exchange.Data.DataValidationException": "Microsoft.Exchange.Data.Common.LocalizedException",
    "Microsoft.Exchange.Data.Directory.ADOperationException": "Microsoft.Exchange.Data.Common.LocalizedException",
    "Microsoft.Exchange.Data.InvalidObjectOperationException": "Microsoft.Exchange.Data.Common.LocalizedException",
}

_SHORT_TO_FULL: dict[str, str] = {}
for _full in EXCEPTION_BASES:
    _SHORT_TO_FULL.setdefault(_full.rsplit(".", 1)[-1].lower(), _full)


def exception_type_name(name: str) -> str | None:
    """The full name of a known exception type given its full or short name, any case."""
    lower = name.lower()
    for full in EXCEPTION_BASES:
        if full.lower() == lower:
            return full
    return _SHORT_TO_FULL.get(lower.rsplit(".", 1)[-1]) if "." not in lower else None


def exception_type_chain(full_name: str) -> tuple[str, ...]:
    """``full_name`` and its base types, most derived first (unknown types derive from
    ``System.Exception``)."""
    chain = []
    name: str | None = full_name
    if name not in EXCEPTION_BASES:
        chain.append(name)
        name = "System.Exception"
    while name is not None:
        chain.append(name)
        name = EXCEPTION_BASES.get(name)
    return tuple(chain)


class NetException:
    """A .NET exception object as a script sees it (``$_.Exception``)."""

    def __init__(
        self,
        type_name: str,
        message: str,
        inner: NetException | None = None,
        error_record: ErrorRecord | None = None,
    ):
        self.type_name = type_name
        self.Message = message
        self.InnerException = inner
        self.error_record = error_record  # for IContainsErrorRecord exceptions

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return exception_type_chain(self.type_name)

    PS_PROPERTIES = ("ErrorRecord", "Message", "Data", "InnerException", "TargetSite",
                     "StackTrace", "HelpLink", "Source", "HResult")  # fmt: skip

    @property
    def ErrorRecord(self) -> ErrorRecord | None:
        return self.error_record

    Data: dict = {}
    TargetSite = None
    StackTrace = None
    HelpLink = None
    Source = None
    HResult = -2146233087

    @property
    def short_name(self) -> str:
        return self.type_name.rsplit(".", 1)[-1]

    def ToString(self) -> str:
        return f"{self.type_name}: {self.Message}"

    def __str__(self) -> str:
        return self.Message

    def __repr__(self) -> str:
        return f"NetException({self.type_name!r}, {self.Message!r})"


# --------------------------------------------------------------------------- error records


def ellipsize(text: str) -> str:
    """PowerShell shortens CategoryInfo parts longer than 40 characters to 15 + '...' + 15."""
    if len(text) <= 40:
        return text
    return text[:15] + "..." + text[-15:]


class CategoryInfo:
    """``$_.CategoryInfo``; ``str()`` gives the ``+ CategoryInfo`` line's text."""

    PS_TYPE_NAMES = (SMA + "ErrorCategoryInfo", "System.Object")
    PS_PROPERTIES = ("Category", "Activity", "Reason", "TargetName", "TargetType")

    def __init__(self, Category: str, Activity: str = "", Reason: str = "",
                 TargetName: str = "", TargetType: str = ""):  # fmt: skip
        self.Category = Category
        self.Activity = Activity
        self.Reason = Reason
        self.TargetName = TargetName
        self.TargetType = TargetType

    def GetMessage(self) -> str:
        return (
            f"{self.Category}: ({ellipsize(self.TargetName)}:{ellipsize(self.TargetType)}) "
            f"[{ellipsize(self.Activity)}], {ellipsize(self.Reason)}"
        )

    ToString = GetMessage
    __str__ = GetMessage


class InvocationInfo:
    """Where an error happened: the command and the source extent (``$_.InvocationInfo``)."""

    PS_TYPE_NAMES = (SMA + "InvocationInfo", "System.Object")
    PS_PROPERTIES = ("MyCommand", "ScriptName", "ScriptLineNumber", "OffsetInLine",
                     "Line", "PositionMessage", "InvocationName", "PipelineLength",
                     "PipelinePosition")  # fmt: skip

    def __init__(self, command: Any, extent: Any = None, *, invocation_name: str | None = None,
                 pipeline_length: int = 0, pipeline_position: int = 0):  # fmt: skip
        # ``command`` is a command-info object (CmdletInfo, FunctionInfo, ExternalScriptInfo,
        # ScriptInfo) or just a name.
        self.MyCommand = command
        if invocation_name is None:
            invocation_name = command if isinstance(command, str) else getattr(command, "Name", "") or ""
        self.InvocationName = invocation_name
        self.extent = extent  # emshell.language.ast.Extent or None
        self.PipelineLength = pipeline_length
        self.PipelinePosition = pipeline_position

    @property
    def command_name(self) -> str:
        command = self.MyCommand
        return command if isinstance(command, str) else getattr(command, "Name", "") or ""

    @property
    def ScriptName(self) -> str:
        return (self.extent.file or "") if self.extent is not None else ""

    @property
    def ScriptLineNumber(self) -> int:
        return self.extent.start_line if self.extent is not None else 0

    @property
    def OffsetInLine(self) -> int:
        return self.extent.start_column if self.extent is not None else 0

    @property
    def Line(self) -> str:
        if self.extent is None:
            return ""
        return self.extent.source.line_text(self.extent.start_line)

    @property
    def PositionMessage(self) -> str:
        from emshell.formatting.error_view import position_message

        return position_message(self.extent) if self.extent is not None else ""


class ErrorRecord:
    """A PowerShell error record (``System.Management.Automation.ErrorRecord``).

    ``remote_computer`` is set for errors raised by Exchange cmdlets on the server: EMS shows
    them with a ``+ PSComputerName`` line and without the ``At line:`` block.
    """

    PS_TYPE_NAMES = (SMA + "ErrorRecord", "System.Object")
    PS_PROPERTIES = ("Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId",
                     "ErrorDetails", "InvocationInfo", "ScriptStackTrace",
                     "PipelineIterationInfo")  # fmt: skip

    def __init__(
        self,
        exception: NetException,
        error_id: str,
        category: str = "NotSpecified",
        target_object: Any = None,
        *,
        activity: str = "",
        target_name: str | None = None,
        target_type: str | None = None,
        invocation_info: InvocationInfo | None = None,
        remote_computer: str | None = None,
        error_details: str | None = None,
    ):
        self.Exception = exception
        self.FullyQualifiedErrorId = error_id
        self.TargetObject = target_object
        if target_name is None:
            target_name = "" if target_object is None else _display(target_object)
        if target_type is None:
            target_type = "" if target_object is None else _type_short_name(target_object)
        self.CategoryInfo = CategoryInfo(category, activity, exception.short_name, target_name, target_type)
        self.InvocationInfo = invocation_info
        self.remote_computer = remote_computer
        self.ErrorDetails = error_details
        self.ScriptStackTrace = ""
        self.PipelineIterationInfo: tuple = ()
        if exception.error_record is None:
            exception.error_record = self

    @property
    def message(self) -> str:
        return self.ErrorDetails or self.Exception.Message

    def ToString(self) -> str:
        return self.message

    __str__ = ToString

    def __repr__(self) -> str:
        return f"ErrorRecord({self.FullyQualifiedErrorId!r}, {self.message!r})"


def _type_short_name(value: Any) -> str:
    names = getattr(value, "PS_TYPE_NAMES", None)
    if names:
        return names[0].rsplit(".", 1)[-1]
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, str):
        return "String"
    if isinstance(value, int):
        return "Int32" if -(2**31) <= value < 2**31 else "Int64"
    if isinstance(value, float):
        return "Double"
    if isinstance(value, (list, tuple)):
        return "Object[]"
    return type(value).__name__


def _display(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (list, tuple)):
        return "System.Object[]"
    return str(value)


# --------------------------------------------------------------------------- Python exceptions


class PSError(Exception):
    """A terminating error travelling up the Python stack, carrying its ErrorRecord.

    By default it ends the statement it happened in and the script goes on with the next
    statement (PowerShell's "statement-terminating" errors: binding errors, ``1/0``, a
    cmdlet's ThrowTerminatingError).  ``script_terminating`` errors (``throw``, anything
    escalated by ``-ErrorAction Stop``) end the whole script unless caught.
    """

    script_terminating = False

    def __init__(self, record: ErrorRecord, *, script_terminating: bool | None = None):
        super().__init__(record.message)
        self.record = record
        if script_terminating is not None:
            self.script_terminating = script_terminating


class ParseError(PSError):
    """The script could not be parsed; ``errors`` lists every parse error found."""

    def __init__(self, record: ErrorRecord, errors: list[ParseErrorInfo] | None = None):
        super().__init__(record)
        self.errors = errors or []


class ParseErrorInfo:
    """One parse error: PowerShell's error id (``MissingEndCurlyBrace`` ...), message, extent."""

    def __init__(self, error_id: str, message: str, extent: Any, incomplete_input: bool = False):
        self.ErrorId = error_id
        self.Message = message
        self.extent = extent
        self.IncompleteInput = incomplete_input

    def __repr__(self) -> str:
        return f"ParseErrorInfo({self.ErrorId!r}, {self.Message!r}, {self.extent!r})"


def new_error(
    type_name: str,
    message: str,
    error_id: str,
    category: str = "NotSpecified",
    target_object: Any = None,
    **kwargs: Any,
) -> ErrorRecord:
    """Build an ErrorRecord around a new exception of ``type_name`` (full or short name)."""
    full = exception_type_name(type_name) or type_name
    return ErrorRecord(NetException(full, message), error_id, category, target_object, **kwargs)
