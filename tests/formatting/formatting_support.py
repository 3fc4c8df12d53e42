"""Shared pieces for the formatting tests: stand-in objects and golden-file comparison."""

from __future__ import annotations

import pathlib

from emshell.engine.dotnet import DateTime, TimeSpan
from emshell.engine.psobject import PSObject
from emshell.formatting.outdefault import OutDefault
from emshell.formatting.views import SERVICE, UM_DIAL_PLAN, UM_SERVER

GOLDEN = pathlib.Path(__file__).parent / "golden"


def golden(name: str) -> str:
    """The expected text stored in ``golden/<name>`` (bytes as they are, trailing blanks too)."""
    return (GOLDEN / name).read_text(encoding="utf-8")


def render(objects: list, width: int = 120, limit: int = 16, *, console: bool = True) -> str:
    """What one pipeline prints: every object through one Out-Default, then its end."""
    out = OutDefault(width, limit, console=console)
    return "".join(out.process(obj) for obj in objects) + out.end()


def show(text: str) -> str:
    """Text with its line ends and trailing blanks made visible, for assertion messages."""
    return "\n".join(line.replace(" ", "·") + "¶" for line in text.split("\n"))


class ExchangeObject:
    """A stand-in for a deserialized Exchange object: the remoting note properties first,
    then the presentation properties, as the UM model declares them."""

    def __init__(self, type_name: str, properties: list[tuple[str, object]]):
        self._type = type_name
        self._names = ["PSComputerName", "RunspaceId", "PSShowComputerName"] + [n for n, _ in properties]
        self.PSComputerName = "ex01.contoso.com"
        self.RunspaceId = "9f8c3b2a-1d4e-4c5f-8a6b-7c8d9e0f1a2b"
        self.PSShowComputerName = False
        for name, value in properties:
            setattr(self, name, value)

    @property
    def PS_TYPE_NAMES(self) -> tuple[str, ...]:
        return ("Deserialized." + self._type, "Deserialized.System.Object")

    @property
    def PS_PROPERTIES(self) -> tuple[str, ...]:
        return tuple(self._names)


class ObjectId:
    """An ADObjectId: shows its leaf name."""

    def __init__(self, name: str):
        self.name = name

    def ToString(self) -> str:
        return self.name


def um_server(name: str, mode: str = "TCP", dial_plans: tuple[str, ...] = ()) -> ExchangeObject:
    return ExchangeObject(UM_SERVER, [
        ("Name", name), ("MaxCallsAllowed", 100), ("Status", "Enabled"), ("SipTcpListeningPort", 5062),
        ("SipTlsListeningPort", 5063), ("Languages", ["en-US"]), ("DialPlans", [ObjectId(d) for d in dial_plans]),
        ("GrammarGenerationSchedule", [f"{d}.2:00 AM-{d}.2:30 AM" for d in ("Sun", "Mon", "Tue", "Wed", "Thu",
                                                                            "Fri", "Sat")]),
        ("ExternalHostFqdn", None), ("UMStartupMode", mode), ("IrmLogEnabled", True),
        ("IrmLogMaxAge", TimeSpan.from_parts(30, 0, 0, 0)),
        ("IrmLogMaxFileSize", "10 MB (10,485,760 bytes)"),
        ("IPAddressFamilyConfigurable", True), ("IPAddressFamily", "Any"),
        ("Identity", ObjectId(name)), ("WhenChanged", DateTime.from_parts(2026, 11, 27, 14, 3, 4)),
    ])  # fmt: skip


def dial_plan(name: str, digits: int, uri: str = "TelExtn") -> ExchangeObject:
    return ExchangeObject(UM_DIAL_PLAN, [("Name", name), ("NumberOfDigitsInExtension", digits), ("URIType", uri),
                                         ("SubscriberType", "Enterprise")])  # fmt: skip


class Service:
    """A ServiceController as Get-Service returns it."""

    PS_TYPE_NAMES = (SERVICE, "System.ComponentModel.Component", "System.Object")
    PS_PROPERTIES = ("Name", "RequiredServices", "CanPauseAndContinue", "CanShutdown", "CanStop", "DisplayName",
                     "DependentServices", "MachineName", "ServiceName", "ServicesDependedOn", "ServiceHandle",
                     "Status", "ServiceType", "StartType", "Site", "Container")  # fmt: skip

    def __init__(self, name: str, display: str, status: str = "Running", depends: tuple = ()):
        self.Name = self.ServiceName = name
        self.DisplayName = display
        self.Status = status
        self.ServicesDependedOn = self.RequiredServices = list(depends)
        self.DependentServices = []
        self.CanPauseAndContinue = False
        self.CanShutdown = True
        self.CanStop = status == "Running"
        self.MachineName = "."
        self.ServiceHandle = None
        self.ServiceType = "Win32OwnProcess"
        self.StartType = "Automatic"
        self.Site = self.Container = None


def custom(**properties: object) -> PSObject:
    return PSObject(list(properties.items()))
