"""Certificate cmdlets: Get-ExchangeCertificate, Enable-ExchangeCertificate, New-ExchangeCertificate."""

from __future__ import annotations

import pytest
from servers_support import (
    CONFIG_TASKS,
    SEED_THUMBPRINT,
    binding_error,
    error_of,
    not_found,
    rule_error,
    unchanged,
    values,
)

from emshell import Shell

LOCAL_THUMBPRINTS = ["0271A7F1CA9AD8A27152CCAE044F968F068B14B8", SEED_THUMBPRINT,
                     "759B08BBA457D27F8C8B19F6AE4264C97E99225A", "8A141F7F2BBA8041973399723BD2598D2ED2D831",
                     "C4248CD7065C87CB942D60F7293FEB7D533A4AFC"]  # fmt: skip
ENABLE = CONFIG_TASKS + "EnableExchangeCertificate"
NEW = CONFIG_TASKS + "NewExchangeCertificate"


@pytest.fixture
def shell() -> Shell:
    return Shell()


# --------------------------------------------------------------------------- Get-ExchangeCertificate


@pytest.mark.parametrize(
    ("command", "thumbprints"),
    [
        ("Get-ExchangeCertificate", LOCAL_THUMBPRINTS),  # the store of the server the shell runs on
        ("Get-ExchangeCertificate -Server Mailbox01", ["0271A7F1CA9AD8A27152CCAE044F968F068B14B8"]),
        ("Get-ExchangeCertificate -Thumbprint c4248cd7065c87cb942d60f7293feb7d533a4afc",
         ["C4248CD7065C87CB942D60F7293FEB7D533A4AFC"]),
        ("Get-ExchangeCertificate 759B08BBA457D27F8C8B19F6AE4264C97E99225A",  # Thumbprint is positional
         ["759B08BBA457D27F8C8B19F6AE4264C97E99225A"]),
        ("Get-ExchangeCertificate -Identity MyUMServer2\\78E1BE82F683EE6D8CB9B9266FC1185AE0890C41",
         ["78E1BE82F683EE6D8CB9B9266FC1185AE0890C41"]),
        ("Get-ExchangeCertificate -DomainName mail.contoso.com", [SEED_THUMBPRINT]),
        ("Get-ExchangeCertificate -DomainName autodiscover.fabrikam.com, nothing.contoso.com",
         ["8A141F7F2BBA8041973399723BD2598D2ED2D831"]),
    ],
)  # fmt: skip
def test_get_exchange_certificate(shell: Shell, command: str, thumbprints: list[str]) -> None:
    assert [row[0] for row in values(shell, command, "Thumbprint")] == thumbprints


def test_get_exchange_certificate_list_view(shell: Shell) -> None:
    text = shell.run("Get-ExchangeCertificate -Server MBX01 | Format-List Services, Status, Identity, "
                     "ServicesStringForm").text  # fmt: skip
    assert text == ("\n\nServices           : UM, UMCallRouter\nStatus             : DateInvalid\n"
                    "Identity           : MBX01.contoso.com\\AF0748F9A30296BFE469E3F24C59B9B82CB0081A\n"
                    "ServicesStringForm : ..U...C\n\n\n\n")  # fmt: skip


def test_get_exchange_certificate_not_found(shell: Shell) -> None:
    expected = not_found("Get-ExchangeCertificate", "7A6BD24C3F927BEE799FDE150FFAC1C7629BBF48",
                         CONFIG_TASKS + "GetExchangeCertificate")  # fmt: skip
    # Exchange01's certificate is not in the local server's store.
    assert error_of(unchanged(shell, "Get-ExchangeCertificate 7A6BD24C3F927BEE799FDE150FFAC1C7629BBF48")) == expected


# --------------------------------------------------------------------------- Enable-ExchangeCertificate


def test_enable_certificate_for_other_services(shell: Shell) -> None:
    result = shell.run(f"Enable-ExchangeCertificate -Thumbprint {SEED_THUMBPRINT.lower()} -Services POP,IMAP,SMTP,IIS")
    assert result.ok and not result.text
    assert values(shell, f"Get-ExchangeCertificate {SEED_THUMBPRINT}", "Services") == [["IMAP, POP, IIS, SMTP"]]
    # services are added, never removed
    assert shell.run(f"Enable-ExchangeCertificate {SEED_THUMBPRINT} -Services Federation").ok
    assert values(shell, f"Get-ExchangeCertificate {SEED_THUMBPRINT}", "Services") == [
        ["IMAP, POP, IIS, SMTP, Federation"]
    ]


def test_enable_certificate_for_um_after_the_mode_change(shell: Shell) -> None:
    assert shell.run("Set-UMService MyUMServer1 -UMStartupMode Dual").ok
    result = shell.run(f"Enable-ExchangeCertificate -Thumbprint {SEED_THUMBPRINT} -Services UM")
    assert result.ok and result.warnings == [
        "The certificate is now assigned to the Microsoft Exchange Unified Messaging service on server MyUMServer1. "
        "Restart the service for it to take effect."
    ]
    assert values(shell, "Get-UMService MyUMServer1", "UMCertificateThumbprint") == [[SEED_THUMBPRINT]]
    # switching back to TCP clears the thumbprint
    result = shell.run("Set-UMService MyUMServer1 -UMStartupMode TCP")
    assert result.warnings[-1] == ("The certificate assigned to the Microsoft Exchange Unified Messaging service on "
                                   "server MyUMServer1 has been removed because TCP mode doesn't use a certificate.")  # fmt: skip
    assert values(shell, "Get-UMService MyUMServer1", "UMCertificateThumbprint") == [["None"]]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (f"Enable-ExchangeCertificate -Thumbprint {SEED_THUMBPRINT} -Services 'UM, UMCallRouter'",
         rule_error("Enable-ExchangeCertificate",
                    f"The certificate with thumbprint {SEED_THUMBPRINT} can't be enabled for UM because the Microsoft "
                    "Exchange Unified Messaging service on server MyUMServer1 is in TCP mode. Use Set-UMService to set "
                    "the startup mode to TLS or Dual first.", "CannotAssignCertificateToUMException", ENABLE)),
        ("Enable-ExchangeCertificate -Server MBX01 -Thumbprint AF0748F9A30296BFE469E3F24C59B9B82CB0081A -Services IIS",
         rule_error("Enable-ExchangeCertificate",
                    "The certificate with thumbprint AF0748F9A30296BFE469E3F24C59B9B82CB0081A has expired or isn't "
                    "valid yet, so it can't be enabled.", "CertificateExpired", ENABLE)),
        ("Enable-ExchangeCertificate -Thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -Services IIS",
         not_found("Enable-ExchangeCertificate", "0123456789ABCDEF0123456789ABCDEF01234567", ENABLE)),
        (f"Enable-ExchangeCertificate {SEED_THUMBPRINT} -Services Web",
         binding_error("Enable-ExchangeCertificate",
                       "Cannot process argument transformation on parameter 'Services'. Cannot convert value \"Web\" "
                       'to type "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices". Error: '
                       '"Unable to match the identifier name Web to a valid enumerator name. Specify one of the '
                       "following enumerator names and try again:\nNone, IMAP, POP, UM, IIS, SMTP, Federation, "
                       'UMCallRouter"', "ParameterArgumentTransformationError", "InvalidData",
                       "ParameterBindin...mationException")),
        (f"Enable-ExchangeCertificate {SEED_THUMBPRINT}",
         binding_error("Enable-ExchangeCertificate",
                       "Cannot process command because of one or more missing mandatory parameters: Services.",
                       "MissingMandatoryParameter")),
    ],
)  # fmt: skip
def test_enable_certificate_errors(shell: Shell, command: str, expected: tuple[str, str, str]) -> None:
    assert error_of(unchanged(shell, command)) == expected


def test_enable_certificate_whatif(shell: Shell) -> None:
    before = shell.org.dump()
    result = shell.run(f"Enable-ExchangeCertificate {SEED_THUMBPRINT} -Services IIS -WhatIf")
    assert result.text == f'What if: Enabling certificate "{SEED_THUMBPRINT}" for the selected services.\n'
    assert shell.org.dump() == before


# --------------------------------------------------------------------------- New-ExchangeCertificate


def test_new_self_signed_certificate(shell: Shell) -> None:
    (cert,) = shell.run("New-ExchangeCertificate").output
    properties = ("Subject", "Services", "IsSelfSigned", "RootCAType", "FriendlyName", "CertificateDomains",
                  "NotBefore", "NotAfter", "PublicKeySize")  # fmt: skip
    assert [str(cert.get_property(p)) for p in properties] == [
        "CN=MyUMServer1", "IMAP, POP, SMTP", "True", "None", "Microsoft Exchange", "{MyUMServer1, MyUMServer1.contoso.com}",
        "2023-06-01 10:00:01", "2028-06-01 10:00:01", "2048",
    ]  # fmt: skip
    thumbprint = str(cert.get_property("Thumbprint"))
    assert [row[0] for row in values(shell, "Get-ExchangeCertificate", "Thumbprint")].count(thumbprint) == 1


@pytest.mark.parametrize(
    ("command", "subject", "domains", "services"),
    [
        ("New-ExchangeCertificate -SubjectName 'c=US,o=Contoso,cn=mail.contoso.com' -DomainName autodiscover.contoso.com "
         "-Services IIS -FriendlyName Web -KeySize 4096",
         "CN=mail.contoso.com, O=Contoso, C=US", "{mail.contoso.com, autodiscover.contoso.com}", "IIS"),
        ("New-ExchangeCertificate -IncludeAcceptedDomains -IncludeAutoDiscover",  # only SMTP then
         "CN=MyUMServer1", "{contoso.com, autodiscover.contoso.com}", "SMTP"),
        ("New-ExchangeCertificate -Server Mailbox01 -IncludeServerFQDN -IncludeServerNetBIOSName -Services None",
         "CN=Mailbox01", "{Mailbox01, Mailbox01.contoso.com}", "None"),
    ],
)  # fmt: skip
def test_new_certificate_names_and_services(shell: Shell, command: str, subject: str, domains: str,
                                            services: str) -> None:  # fmt: skip
    (cert,) = shell.run(command).output
    text = f"{cert.get_property('Subject')} | {{{', '.join(cert.get_property('CertificateDomains'))}}}"
    assert (text, str(cert.get_property("Services"))) == (f"{subject} | {domains}", services)


def test_renew_a_certificate(shell: Shell) -> None:
    command = ("Get-ExchangeCertificate -Thumbprint c4248cd7065c87cb942d60f7293feb7d533a4afc | "
               "New-ExchangeCertificate -PrivateKeyExportable $true")  # fmt: skip
    (cert,) = shell.run(command).output
    assert [str(cert.get_property(p)) for p in ("Subject", "PrivateKeyExportable", "CertificateDomains")] == [
        "CN=MyUMServer1.contoso.com", "True", "{MyUMServer1, MyUMServer1.contoso.com}"]  # fmt: skip
    assert len(shell.org.local_server.certificates) == 6  # the old one stays


def test_generate_a_request(shell: Shell) -> None:
    result = shell.run("$r = New-ExchangeCertificate -GenerateRequest -SubjectName 'c=US,o=Woodgrove Bank,"
                       "cn=mail.woodgrovebank.com' -DomainName mail.fabrikam.com; $r")  # fmt: skip
    (text,) = result.output
    lines = text.split("\r\n")
    assert (lines[0], lines[-1], len(lines[1])) == ("-----BEGIN NEW CERTIFICATE REQUEST-----",
                                                    "-----END NEW CERTIFICATE REQUEST-----", 64)  # fmt: skip
    assert result.warnings == ["emshell doesn't emulate pending certificate requests: the request for "
                               '"CN=mail.woodgrovebank.com, O=Woodgrove Bank, C=US" isn\'t added to the certificate '
                               "store of server MyUMServer1."]  # fmt: skip
    binary = shell.run("(New-ExchangeCertificate -GenerateRequest -BinaryEncoded).FileData.Count")
    assert binary.output == [702]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("New-ExchangeCertificate -Services UM",
         rule_error("New-ExchangeCertificate", None, "CannotAssignCertificateToUMException", NEW)),
        ("New-ExchangeCertificate -KeySize 512",
         rule_error("New-ExchangeCertificate", "The key size 512 isn't valid. Valid key sizes are 1024, 2048 and 4096.",
                    "InvalidKeySize", NEW)),
        ("New-ExchangeCertificate -SubjectName mail.contoso.com",
         binding_error("New-ExchangeCertificate", "Cannot process argument transformation on parameter 'SubjectName'. "
                       'Cannot convert value "mail.contoso.com" to type '
                       '"System.Security.Cryptography.X509Certificates.X500DistinguishedName". Error: "The string '
                       'contains an invalid X500 name attribute key, oid, value or delimiter.\r\n"',
                       "ParameterArgumentTransformationError", "InvalidData", "ParameterBindin...mationException")),
        ("New-ExchangeCertificate -GenerateRequest -RequestFile 'C:\\Cert Requests\\x.req'",  # Exchange 2013 only
         binding_error("New-ExchangeCertificate", "A parameter cannot be found that matches parameter name "
                       "'RequestFile'.", "NamedParameterNotFound")),
        ("New-ExchangeCertificate -GenerateRequest -Services SMTP",
         binding_error("New-ExchangeCertificate", "Parameter set cannot be resolved using the specified named "
                       "parameters.", "AmbiguousParameterSet")),
    ],
)  # fmt: skip
def test_new_certificate_errors(shell: Shell, command: str, expected: tuple) -> None:
    message, category, fqid = error_of(unchanged(shell, command))
    if expected[0] is None:  # the message names the new (never added) certificate's thumbprint
        assert message.endswith("Use Set-UMService to set the startup mode to TLS or Dual first.")
        expected = (message, *expected[1:])
    assert (message, category, fqid) == expected


def test_new_certificate_whatif(shell: Shell) -> None:
    before = shell.org.dump()
    assert shell.run("New-ExchangeCertificate -WhatIf").text == 'What if: Creating a self-signed certificate "CN=MyUMServer1".\n'
    assert shell.org.dump() == before
