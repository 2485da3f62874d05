"""The certificates this installation trusts when it verifies a signature, kept as files in the data folder:

    <data folder>/certifikat/betrodda/   certificates the secretary has been given (PEM or DER, .pem/.crt/.cer)
    <data folder>/certifikat/test/       the certificate of the local authority that issues this app's test
                                         certificates (its key lives apart, in certifikat/testutfärdare/)

NAMNDAPP_DATA_DIR moves the data folder (tests, a portable install).
"""

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV_VAR = "NAMNDAPP_DATA_DIR"
_SUFFIXES = {".pem", ".crt", ".cer", ".der"}


def data_dir() -> Path:
    from_env = os.environ.get(DATA_DIR_ENV_VAR)
    return Path(from_env) if from_env else Path(platformdirs.user_data_dir("namndapp", appauthor=False))


def trusted_folder() -> Path:
    return data_dir() / "certifikat" / "betrodda"


def test_certificate_folder() -> Path:
    return data_dir() / "certifikat" / "test"


def known_certificate_files() -> list[Path]:
    files = []
    for folder in (trusted_folder(), test_certificate_folder()):
        if folder.is_dir():
            files += sorted(path for path in folder.iterdir() if path.suffix.lower() in _SUFFIXES)
    return files


def load_known_certificates() -> list:
    """The certificates in both folders as asn1crypto objects; an unreadable file is skipped, not fatal,
    so one stray file cannot stop every verification."""
    from asn1crypto import pem, x509

    certificates = []
    for path in known_certificate_files():
        data = path.read_bytes()
        try:
            blocks = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
            in_file = [x509.Certificate.load(der) for der in blocks]
            for certificate in in_file:
                certificate.native  # parse now: a broken file fails here, not during validation
        except (ValueError, TypeError):
            continue
        certificates += in_file
    return certificates


def test_authority_key_file() -> Path:
    """The private key of the local test authority: outside both certificate folders, never trusted as such."""
    return data_dir() / "certifikat" / "testutfärdare" / "nyckel.pem"
