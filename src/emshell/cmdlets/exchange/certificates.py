"""Certificate cmdlets: Get-ExchangeCertificate, Enable-ExchangeCertificate and
New-ExchangeCertificate (self-signed certificates and certificate requests).

Certificates live in each server's store; without ``-Server`` (or a ``Server\\Thumbprint``
identity) the cmdlets work on the server the shell runs on, as EMS does.  The UM rules
(``Services UM``/``UMCallRouter`` refused while that service is in TCP mode, the certificate
becoming the one the service loads at its next restart) are the model's
(``Organization.enable_certificate``).

Not emulated: the prompt to replace the default SMTP certificate (EMS asks when a certificate
is enabled for SMTP without -Force; emshell never asks), and pending certificate requests
(New-ExchangeCertificate -GenerateRequest returns the request and says it keeps no pending
request in the store).
"""

from __future__ import annotations

from emshell.cmdlets.exchange import EXCHANGE_MODULE, EXCHANGE_VERSION
from emshell.cmdlets.exchange.runtime import ExchangeObject, exchange_cmdlet
from emshell.engine.metadata import CommandMetadata, ParameterMetadata, ParameterSetInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from emshell.cmdlets.exchange.runtime import ExchangeCmdlet

X509 = "System.Security.Cryptography.X509Certificates."
TASKS = "Microsoft.Exchange.Management.SystemConfigurationTasks."
KEY_SIZES = (1024, 2048, 4096)
INVALID_X500 = "The string contains an invalid X500 name attribute key, oid, value or delimiter.\r\n"


# --------------------------------------------------------------------------- parameter types


class X500Name(str):
    """An ``X500DistinguishedName`` given as text: ``c=US,o=Contoso,cn=mail.contoso.com``."""

    __slots__ = ()
    PS_TYPE_NAMES = (X509 + "X500DistinguishedName", "System.Security.Cryptography.AsnEncodedData", "System.Object")
    PS_PROPERTIES = ("Name",)

    @property
    def parts(self) -> list[tuple[str, str]]:
        pairs = []
        for part in _split_rdns(str(self)):
            key, _, value = part.partition("=")
            pairs.append((key.strip().upper(), value.strip()))
        return pairs

    @property
    def Name(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.parts)

    @property
    def subject(self) -> str:
        """The name as a certificate's Subject shows it: the last component first."""
        return ", ".join(f"{k}={v}" for k, v in reversed(self.parts))

    @property
    def common_name(self) -> str | None:
        return next((v for k, v in self.parts if k == "CN"), None)


def _split_rdns(text: str) -> list[str]:
    parts, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char in ",;" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p for p in (part.strip() for part in parts) if p]


def _x500(value: Any, ctx: Any) -> Any:
    if value is None or isinstance(value, X500Name):
        return value
    name = X500Name(str(value))
    if not _split_rdns(str(value)) or any("=" not in p or not p.partition("=")[0].strip().isalpha()
                                          for p in _split_rdns(str(value))):  # fmt: skip
        raise ValueError(INVALID_X500)
    return name


def _register_types() -> None:
    from emshell.engine.types import PSType, register_type, resolve_type

    if resolve_type(X509 + "X500DistinguishedName") is None:
        register_type(PSType(X509 + "X500DistinguishedName", converter=_x500), "X500DistinguishedName")
    if resolve_type(X509 + "X509Certificate2") is None:
        register_type(PSType(X509 + "X509Certificate2", base=X509 + "X509Certificate"), "X509Certificate2")


_register_types()


# --------------------------------------------------------------------------- finding certificates


def _server(cmd: ExchangeCmdlet, params: dict) -> Any:
    """``-Server``, or the server the shell runs on."""
    server = params.get("Server")
    return cmd.resolve("server", server) if server is not None else cmd.org.local_server


def _certificate(cmd: ExchangeCmdlet, params: dict) -> Any:
    """The one certificate that -Thumbprint (with -Server) or -Identity names."""
    if params.get("Thumbprint") is not None:
        return cmd.resolve("certificate", str(params["Thumbprint"]).strip(), server=_server(cmd, params))
    return cmd.resolve("certificate", params.get("Identity") or "")  # Identity is optional in its set


def _matches_domain(cert: Any, names: list[str]) -> bool:
    domains = [str(d).lower() for d in cert.CertificateDomains]
    common = X500Name(cert.Subject).common_name if "=" in cert.Subject else None
    if common:
        domains.append(common.lower())
    for name in (str(n).lower() for n in names):
        for domain in domains:
            if domain == name or (domain.startswith("*.") and name.endswith(domain[1:]) and name.count(".") ==
                                  domain.count(".")):  # fmt: skip
                return True
    return False


# --------------------------------------------------------------------------- the cmdlets


def _get_certificate_metadata() -> CommandMetadata:
    """The reference's metadata, with -Instance mandatory in its own set: the page's
    ``Get-ExchangeCertificate -Server Mailbox01`` binds in EMS, which it only can when the
    Instance set needs -Instance (else -Server alone fits two sets and is ambiguous)."""
    from emshell.cmdlets.exchange import exchange_metadata

    metadata = exchange_metadata("Get-ExchangeCertificate")
    metadata.parameters["instance"].sets["Instance"].mandatory = True
    return metadata


@exchange_cmdlet("Get-ExchangeCertificate", metadata=_get_certificate_metadata())
def get_exchange_certificate(cmd: ExchangeCmdlet, params: dict) -> list:
    if params.get("Identity") is not None or params.get("Thumbprint") is not None:
        found = [_certificate(cmd, params)]
    elif params.get("Instance") is not None:
        found = [cmd.resolve("certificate", params["Instance"].get_property("Identity"))]
    else:
        found = list(_server(cmd, params).certificates)
    names = params.get("DomainName")
    if names:
        found = [c for c in found if _matches_domain(c, list(names))]
    return [cmd.output(cert) for cert in found]


@exchange_cmdlet("Enable-ExchangeCertificate")
def enable_exchange_certificate(cmd: ExchangeCmdlet, params: dict) -> None:
    cert = _certificate(cmd, params)
    if not cmd.should_process(cert.Thumbprint):
        return
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES

    services = str(params["Services"])
    # -Force only silences the SMTP prompt, which emshell never shows; the IIS setting and the key
    # permissions are not part of the organization: say so rather than drop them.
    if params.get("DoNotRequireSsl") and "IIS" in services:
        cmd.write_warning(SERVER_MESSAGES["NotEmulated"].format("the IIS \"require SSL\" setting", "DoNotRequireSsl"))
    if params.get("NetworkServiceAllowed"):
        cmd.write_warning(SERVER_MESSAGES["NotEmulated"].format("the permissions of private keys",
                                                                "NetworkServiceAllowed"))  # fmt: skip
    for note in cmd.org.enable_certificate(cert, services):
        cmd.write_warning(note.text)


def _new_certificate_metadata() -> CommandMetadata:
    """New-ExchangeCertificate as the cmdlet reference documents it for Exchange 2016: two sets,
    Request (-GenerateRequest, -BinaryEncoded) and Certificate (-Services); -RequestFile exists
    only in Exchange 2013, so EMS 2016 does not know it."""
    both = ("Request", "Certificate")

    def param(name: str, type_name: str, sets: tuple[str, ...] = both, *, pipeline: bool = False,
              summary: str = "") -> ParameterMetadata:  # fmt: skip
        infos = {s: ParameterSetInfo(s, None, False, value_from_pipeline=pipeline) for s in sets}
        return ParameterMetadata(name, type_name, sets=infos, summary=summary,
                                 multi_valued=type_name == "MultiValuedProperty")  # fmt: skip

    parameters = [
        param("BinaryEncoded", "SwitchParameter", ("Request",), summary="Encode the request in DER, not Base64."),
        param("GenerateRequest", "SwitchParameter", ("Request",), summary="Create a certificate request for a CA."),
        param("Services", "AllowedServices", ("Certificate",), summary="Services the new certificate is enabled for."),
        param("DomainController", "Fqdn", summary="Domain controller to use."),
        param("DomainName", "MultiValuedProperty", summary="Names for the Subject Alternative Name field."),
        param("Force", "SwitchParameter", summary="Replace the default SMTP certificate without asking."),
        param("FriendlyName", "String", summary="Friendly name of the certificate."),
        param("IncludeAcceptedDomains", "SwitchParameter", summary="Add every accepted domain."),
        param("IncludeAutoDiscover", "SwitchParameter", summary="Add autodiscover.<accepted domain> names."),
        param("IncludeServerFQDN", "SwitchParameter", summary="Add the server's FQDN."),
        param("IncludeServerNetBIOSName", "SwitchParameter", summary="Add the server's NetBIOS name."),
        param("Instance", "X509Certificate2", pipeline=True, summary="Certificate to renew (piped)."),
        param("KeySize", "Int32", summary="RSA key size: 1024, 2048 (default) or 4096."),
        param("PrivateKeyExportable", "Boolean", summary="Whether the private key can be exported."),
        param("Server", "ServerIdParameter", summary="Server whose store gets the certificate."),
        param("SubjectKeyIdentifier", "String", summary="Subject key identifier of a self-signed certificate."),
        param("SubjectName", "X500DistinguishedName", summary="Subject of the certificate or request."),
    ]
    services = parameters[2]
    services.accepted_values = ("None", "IMAP", "POP", "UM", "IIS", "SMTP", "Federation", "UMCallRouter")
    return CommandMetadata(
        "New-ExchangeCertificate", parameters, default_parameter_set="Certificate", supports_should_process=True,
        kind="Function", module=EXCHANGE_MODULE, version=EXCHANGE_VERSION, remote=True,
        implementing_type=TASKS + "NewExchangeCertificate",
        synopsis="Creates a self-signed certificate or a certificate request.",
    )  # fmt: skip


def _names(cmd: ExchangeCmdlet, params: dict, server: Any, renewed: Any, subject: X500Name | None) -> list[str]:
    """The Subject Alternative Names: -DomainName and the -Include* switches; by default the
    server's name and FQDN (or the names of the certificate being renewed)."""
    domain = cmd.org.settings.domain
    names: list[str] = [str(n) for n in params.get("DomainName") or ()]
    includes = {
        "IncludeServerNetBIOSName": [server.Name], "IncludeServerFQDN": [str(server.Fqdn)],
        "IncludeAcceptedDomains": [domain], "IncludeAutoDiscover": [f"autodiscover.{domain}"],
    }  # fmt: skip
    for switch, extra in includes.items():
        if params.get(switch):
            names.extend(extra)
    if not names:
        names = [str(d) for d in renewed.CertificateDomains] if renewed is not None else [server.Name, str(server.Fqdn)]
    if subject is not None and subject.common_name:
        names.insert(0, subject.common_name)  # the subject's CN is always a name of the certificate
    unique: list[str] = []
    for name in names:
        if name.lower() not in (u.lower() for u in unique):
            unique.append(name)
    return unique


def _request_text(cmd: ExchangeCmdlet, subject: str, names: list[str]) -> bytes:
    """The bytes of a certificate request (stand-in DER: stable for the same subject and names)."""
    ids = cmd.org.ids
    blocks = [ids.digest("request", subject, ",".join(names), cmd.org.clock.now.isoformat(), i) for i in range(22)]
    return b"\x30\x82\x02\xb6" + b"".join(blocks)[:698]


@exchange_cmdlet("New-ExchangeCertificate", metadata=_new_certificate_metadata())
def new_exchange_certificate(cmd: ExchangeCmdlet, params: dict) -> Any:
    from emshell.cmdlets.exchange.messages import SERVER_MESSAGES
    from emshell.model import DomainRuleError
    from emshell.model.certificates import new_self_signed

    renewed = None
    if params.get("Instance") is not None:
        renewed = cmd.resolve("certificate", params["Instance"].get_property("Identity"))
    server = renewed.server if renewed is not None and "Server" not in params else _server(cmd, params)
    subject_name = params.get("SubjectName")
    subject = subject_name.subject if subject_name is not None else (
        renewed.Subject if renewed is not None else f"CN={server.Name}")  # fmt: skip
    names = _names(cmd, params, server, renewed, subject_name)
    key_size = params.get("KeySize", renewed.PublicKeySize if renewed is not None else 2048)
    if key_size not in KEY_SIZES:
        raise DomainRuleError(SERVER_MESSAGES["KeySize"].format(key_size), target=key_size, error_id="InvalidKeySize")
    if not cmd.should_process(subject):
        return None
    if params.get("GenerateRequest"):
        data = _request_text(cmd, subject, names)
        cmd.write_warning(SERVER_MESSAGES["RequestNotKept"].format(subject, server.Name))
        return _binary_request(data) if params.get("BinaryEncoded") else _base64_request(data)
    if "Services" in params:
        services = str(params["Services"])
    elif renewed is not None:
        services = str(renewed.Services)
    elif params.get("IncludeAcceptedDomains") or params.get("IncludeAutoDiscover"):
        services = "SMTP"
    else:
        services = "IMAP, POP, SMTP"
    cert = new_self_signed(
        cmd.org, server, subject=subject, domains=names, key_size=key_size,
        friendly_name=params.get("FriendlyName") or (renewed.FriendlyName if renewed is not None else None),
        exportable=bool(params.get("PrivateKeyExportable", False)),
        subject_key_identifier=params.get("SubjectKeyIdentifier"),
    )  # fmt: skip
    for note in cmd.org.enable_certificate(cert, services):
        cmd.write_warning(note.text)
    return cmd.output(cert)


def _base64_request(data: bytes) -> str:
    import base64

    text = base64.b64encode(data).decode("ascii")
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return "\r\n".join(["-----BEGIN NEW CERTIFICATE REQUEST-----", *lines, "-----END NEW CERTIFICATE REQUEST-----"])


def _binary_request(data: bytes) -> ExchangeObject:
    """-BinaryEncoded: an object whose FileData holds the DER bytes."""
    from emshell.engine.primitives import Byte, TypedArray

    file_data = TypedArray((Byte(b) for b in data), "System.Byte")
    return ExchangeObject([("FileData", file_data)], ("Microsoft.Exchange.Data.BinaryFileDataObject",
                                                       "Microsoft.Exchange.Data.ConfigurableObject", "System.Object"),
                          "Microsoft.Exchange.Data.BinaryFileDataObject")  # fmt: skip
