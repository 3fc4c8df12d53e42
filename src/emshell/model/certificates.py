"""Exchange certificates in a server's certificate store (Get-ExchangeCertificate).

The property order follows the Get-ExchangeCertificate reference: first the properties it lists
for ``Format-List``, then the extra ones it lists for ``Format-List *``.  Object-valued .NET
properties (key, names, signature algorithm) show the type name, which is what a deserialized
certificate shows in EMS.  ``Status`` is worked out from the organization's clock: ``Valid``
inside [NotBefore, NotAfter], ``DateInvalid`` outside (APPROXIMATIONS.md).
"""

from __future__ import annotations

from emshell.model.errors import ValueParseError
from emshell.model.fields import Boolean, DateTime, Enum, Field, Integer, Multi, Text
from emshell.model.record import Record, computed, field_slots
from emshell.model.values import MultiValuedProperty, enum_value

TYPE_CHECKING = False  # typing is not imported at run time (start-up budget)
if TYPE_CHECKING:
    from typing import Any

    from emshell.model.servers import ExchangeServer

TASKS = "Microsoft.Exchange.Management.SystemConfigurationTasks."
ALLOWED_SERVICES = TASKS + "AllowedServices"
X509 = "System.Security.Cryptography.X509Certificates."

# ServicesStringForm: one letter per service, '.' when the service is not enabled.
SERVICE_LETTERS = (("IMAP", "I"), ("POP", "P"), ("UM", "U"), ("IIS", "W"), ("SMTP", "S"), ("Federation", "F"),
                   ("UMCallRouter", "C"))  # fmt: skip


class Thumbprint(Text):
    """40 hexadecimal digits, kept in upper case as Exchange shows them."""

    __slots__ = ()

    def convert(self, value: Any) -> Any:
        text = super().convert(value)
        if text is None:
            return None
        text = text.strip().replace(" ", "").upper()
        if len(text) != 40 or any(c not in "0123456789ABCDEF" for c in text):
            raise ValueParseError(f"'{value}' is not a certificate thumbprint (40 hexadecimal digits).", target=value)
        return text


class ExchangeCertificate(Record):
    """A certificate on one Exchange server."""

    KIND = "certificate"
    LABEL = "certificate"
    PS_TYPE_NAMES = (TASKS + "ExchangeCertificate", X509 + "X509Certificate2", X509 + "X509Certificate", "System.Object")
    PS_PROPERTIES = (
        "AccessRules", "CertificateDomains", "HasPrivateKey", "IsSelfSigned", "Issuer", "NotAfter", "NotBefore",
        "PublicKeySize", "RootCAType", "SerialNumber", "Services", "Status", "Subject", "Thumbprint",
        "Archived", "CertificateRequest", "DnsNameList", "EnhancedKeyUsageList", "FriendlyName", "Identity",
        "IISServices", "IssuerName", "PrivateKeyExportable", "SendAsTrustedIssuer", "ServicesStringForm",
        "SignatureAlgorithm", "SubjectKeyIdentifier", "SubjectName", "Version",
    )  # fmt: skip
    FIELDS = (
        Field("Thumbprint", Thumbprint(), required=True, immutable=True),
        Field("Subject", Text(), required=True, immutable=True),
        Field("Issuer", Text(), immutable=True),
        Field("CertificateDomains", Multi(item_type="Microsoft.Exchange.Data.SmtpDomainWithSubdomains")),
        Field("NotBefore", DateTime(), required=True, immutable=True),
        Field("NotAfter", DateTime(), required=True, immutable=True),
        Field("IsSelfSigned", Boolean(), False, immutable=True),
        Field("HasPrivateKey", Boolean(), True),
        Field("PublicKeySize", Integer(512, 16384), 2048),
        Field("RootCAType", Enum(TASKS + "RootCAType")),
        Field("SerialNumber", Text()),
        Field("Services", Enum(ALLOWED_SERVICES), "None"),
        Field("FriendlyName", Text()),
        Field("PrivateKeyExportable", Boolean(), False),
        Field("SubjectKeyIdentifier", Text()),
    )
    __slots__ = field_slots(FIELDS, "_server")

    def derived_defaults(self) -> dict[str, Any]:
        return {
            "Issuer": self.Subject if self.IsSelfSigned else None,
            "RootCAType": enum_value(TASKS + "RootCAType", "Registry" if self.IsSelfSigned else "ThirdParty"),
            "SerialNumber": self.Thumbprint[-32:] if self.Thumbprint else None,
            "FriendlyName": ("Microsoft Exchange" if self.IsSelfSigned else self.Subject) if self.Subject else None,
            "SubjectKeyIdentifier": _key_identifier(self.Thumbprint) if self.Thumbprint else None,
        }

    @property
    def server(self) -> ExchangeServer:
        return self._server

    def is_valid_at(self, when: Any) -> bool:
        return self.NotBefore <= when <= self.NotAfter

    @property
    def is_expired(self) -> bool:
        org = self._org
        return org is not None and not self.is_valid_at(org.clock.now)

    def enabled_for(self, service: str) -> bool:
        return self.Services.has(service)

    # ------------------------------------------------------------ computed

    @computed
    def Status(self) -> Any:
        org = self._org
        status = "Valid" if org is None or self.is_valid_at(org.clock.now) else "DateInvalid"
        return enum_value(TASKS + "CertificateStatus", status)

    @computed
    def Identity(self) -> str:
        return f"{self._server.Fqdn}\\{self.Thumbprint}" if self._server else self.Thumbprint

    @computed
    def AccessRules(self) -> MultiValuedProperty:
        rule = "System.Security.AccessControl.CryptoKeyAccessRule"
        return MultiValuedProperty([rule] * 4 if self.HasPrivateKey else [], rule)

    @computed
    def Archived(self) -> bool:
        return False

    @computed
    def CertificateRequest(self) -> Any:
        return None

    @computed
    def DnsNameList(self) -> MultiValuedProperty:
        return MultiValuedProperty(self.CertificateDomains, "System.Security.Cryptography.X509Certificates.DnsName")

    @computed
    def EnhancedKeyUsageList(self) -> MultiValuedProperty:
        return MultiValuedProperty(["Server Authentication (1.3.6.1.5.5.7.3.1)"])

    @computed
    def IISServices(self) -> MultiValuedProperty:
        return MultiValuedProperty()

    @computed
    def IssuerName(self) -> str:
        return X509 + "X500DistinguishedName"

    @computed
    def SendAsTrustedIssuer(self) -> bool:
        return False

    @computed
    def ServicesStringForm(self) -> str:
        return "".join(letter if self.Services.has(name) else "." for name, letter in SERVICE_LETTERS)

    @computed
    def SignatureAlgorithm(self) -> str:
        return "System.Security.Cryptography.Oid"

    @computed
    def SubjectName(self) -> str:
        return X509 + "X500DistinguishedName"

    @computed
    def Version(self) -> int:
        return 3

    @property
    def display_name(self) -> str:
        return self.Thumbprint

    def touch(self, when: Any) -> None:
        """Certificates live in the server's store; they carry no directory timestamps."""


def _key_identifier(thumbprint: str) -> str:
    """A stable subject key identifier (40 hexadecimal digits) for a certificate read from a file."""
    import hashlib

    return hashlib.sha1(f"ski:{thumbprint}".encode("ascii")).hexdigest().upper()


def new_self_signed(org: Any, server: ExchangeServer, *, subject: str, domains: list[str],
                    friendly_name: str | None = None, key_size: int = 2048, exportable: bool = False,
                    subject_key_identifier: str | None = None, valid_years: int = 5) -> ExchangeCertificate:  # fmt: skip
    """New-ExchangeCertificate: a self-signed certificate in ``server``'s store, valid from now
    for ``valid_years`` years, enabled for no service yet (``Organization.enable_certificate``
    adds services and applies the UM rules)."""
    from emshell.model.operations import _build

    with org.transaction():
        when = org.tick()
        try:
            until = when.replace(year=when.year + valid_years)
        except ValueError:  # 29 February
            until = when.replace(year=when.year + valid_years, day=28)
        thumbprint = org.ids.thumbprint("self-signed", server.Name, subject, when.isoformat(), org.ids.counter)
        org.ids.counter += 1  # the next certificate made in the same second gets another thumbprint
        cert = _build(ExchangeCertificate, org, {
            "Thumbprint": thumbprint, "Subject": subject, "CertificateDomains": domains, "NotBefore": when,
            "NotAfter": until, "IsSelfSigned": True, "PublicKeySize": key_size, "PrivateKeyExportable": exportable,
            "FriendlyName": friendly_name, "SubjectKeyIdentifier": subject_key_identifier,
            "RootCAType": "None",  # what new self-signed certificates show (Registry: setup's own)
        })  # fmt: skip
        cert._server = server
        server.certificates.append(cert)
        return cert
