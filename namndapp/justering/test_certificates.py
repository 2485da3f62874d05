"""A personal test certificate for someone who has no e-legitimation with a signing certificate: a
certificate and key in a password-protected PKCS#12 file, marked as a test certificate in its subject so
that nobody can take a signature made with it for a real one. It is issued by a test authority local to
this installation, and the authority's certificate is what verification here trusts."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from namndapp.errors import ValidationError
from namndapp.justering import trust_store

TEST_MARK = "TESTCERTIFIKAT"
TEST_UNIT = "Testcertifikat – inte för skarp underskrift"
VALID_YEARS = 5
AUTHORITY_YEARS = 10
AUTHORITY_FILE_NAME = "Nämndapp-testutfärdare.pem"


@dataclass(frozen=True)
class CreatedCertificate:
    path: Path
    subject: str
    fingerprint: str
    valid_until: dt.datetime
    trusted_copy: Path


def _check(name: str, password: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("Ange namnet på personen som certifikatet ska tillhöra.")
    if len(name) > 50:
        raise ValidationError("Namnet får vara högst 50 tecken långt i ett certifikat.")
    if len(password or "") < 6:
        raise ValidationError("Lösenordet till certifikatfilen ska vara minst 6 tecken långt.")
    return name


def confirm_password(password: str, repeated: str) -> None:
    """The password typed twice, as a form asks for it, before a certificate file is made with it."""
    if (password or "") != (repeated or ""):
        raise ValidationError("Lösenorden är inte lika. Skriv samma lösenord i båda fälten.")


def create_test_certificate(name: str, out: Path | str, password: str) -> CreatedCertificate:
    """Write NAME's test certificate and private key to `out` (PKCS#12), issued by this installation's test
    authority, whose certificate verification here trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    name = _check(name, password)
    out = Path(out)
    if out.suffix.lower() not in (".p12", ".pfx"):
        raise ValidationError("Certifikatfilen ska sluta på .p12 (eller .pfx).")
    if out.exists():
        raise ValidationError(f"Filen {out} finns redan. Välj ett annat namn; en befintlig nyckel skrivs aldrig över.")

    authority_key, authority, authority_file = _test_authority()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"{name} ({TEST_MARK})"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, TEST_UNIT),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Nämndapp"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
    ])
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    certificate = (
        _builder(subject, authority.subject, key.public_key(), now, min(VALID_YEARS * 365, _days_left(authority, now)))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing=True), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority.public_key()), critical=False)
        .sign(authority_key, hashes.SHA256())
    )
    pkcs12_bytes = pkcs12.serialize_key_and_certificates(
        name=name.encode("utf-8"), key=key, cert=certificate, cas=[authority],
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode("utf-8")))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pkcs12_bytes)
    return CreatedCertificate(path=out, subject=certificate.subject.rfc4514_string(),
                              fingerprint=certificate.fingerprint(hashes.SHA256()).hex(":").upper(),
                              valid_until=certificate.not_valid_after_utc, trusted_copy=authority_file)


def _builder(subject, issuer, public_key, now: dt.datetime, days: int):
    from cryptography import x509

    return (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))


def _key_usage(*, signing: bool):
    from cryptography import x509

    return x509.KeyUsage(digital_signature=signing, content_commitment=signing, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=not signing,
                         crl_sign=not signing, encipher_only=False, decipher_only=False)


def _days_left(certificate, now: dt.datetime) -> int:
    return max(1, (certificate.not_valid_after_utc - now).days)


def _test_authority():
    """This installation's test authority (made on first use): a validator does not accept a self-signed
    personal certificate as its own trust anchor, so test certificates are issued by a small local CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key_file = trust_store.test_authority_key_file()
    certificate_file = trust_store.test_certificate_folder() / AUTHORITY_FILE_NAME
    if key_file.exists() and certificate_file.exists():
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        return key, x509.load_pem_x509_certificate(certificate_file.read_bytes()), certificate_file
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"Nämndapp testutfärdare ({TEST_MARK})"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, TEST_UNIT),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Nämndapp"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
    ])
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    certificate = (
        _builder(subject, subject, key.public_key(), now, AUTHORITY_YEARS * 365)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signing=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    certificate_file.parent.mkdir(parents=True, exist_ok=True)
    certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key, certificate, certificate_file
