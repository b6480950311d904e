"""Real PEM certificates signed by the emulator's own CA: Kafka users' client
certificates, and the server certificate of a real PostgreSQL behind the emulator."""

from __future__ import annotations

import datetime
import ipaddress

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


class CertificateAuthority:
    """Made once per emulator; issues one certificate and key per Kafka user, and
    server certificates for the real servers behind it."""

    def __init__(self) -> None:
        self._key = ec.generate_private_key(ec.SECP256R1())
        self.name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dodb emulator CA")])
        now = datetime.datetime.now(datetime.UTC)
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(self.name)
            .issuer_name(self.name)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(self._key, hashes.SHA256())
        )

    def issue(self, username: str) -> tuple[str, str]:
        """(certificate PEM, PKCS#8 private key PEM) for TLS client authentication."""
        return self._signed(username, x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH)

    def pem(self) -> str:
        """The CA's own certificate (PEM): what a client trusts to verify the servers."""
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()

    def issue_server(self, hosts: list[str]) -> tuple[str, str]:
        """(certificate PEM, PKCS#8 private key PEM) for a TLS server reached as `hosts`
        (IP addresses or DNS names), as `sslmode=verify-full` checks it."""
        names: list[x509.GeneralName] = []
        for host in hosts:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                names.append(x509.DNSName(host))
        alternative = x509.SubjectAlternativeName(names)
        return self._signed(hosts[0], x509.oid.ExtendedKeyUsageOID.SERVER_AUTH, alternative)

    def _signed(
        self,
        common_name: str,
        usage: x509.ObjectIdentifier,
        alternative: x509.SubjectAlternativeName | None = None,
    ) -> tuple[str, str]:
        """A new key, and its certificate for `usage` signed by this CA, a year long."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
            .issuer_name(self.name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=365))
        )
        if alternative is not None:
            builder = builder.add_extension(alternative, critical=False)
        cert = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False).sign(
            self._key, hashes.SHA256()
        )
        key_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem.decode()
