"""Sign a PDF: PAdES baseline B-B with a certificate from a PKCS#12 file, entirely offline.

Each signature is an incremental update, so an earlier signature keeps covering exactly the bytes it
signed and a later one is a permitted addition. Before the first signature the page "Elektroniska
underskrifter" is appended (in the same update, so that signature covers it); every signature then gets a
visible block in its own slot on that page. Where a timestamp server is given, a document timestamp follows
the signature (another incremental update); nothing else here needs the network.
"""

import dataclasses
import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from namndapp.errors import ValidationError
from namndapp.justering import signature_page

FIELD_PREFIX = "Underskrift "
# Room for the CMS container of an RSA-4096 signature with a chain of three certificates. Fixing it saves
# pyhanko a trial signature.
_RESERVED_BYTES = 16384
_FALLBACK_SLOTS = 2  # blocks that fit in the bottom margin of a file someone else signed first


@dataclass(frozen=True)
class SigningCredential:
    signer: object  # pyhanko SimpleSigner
    name: str
    issuer: str


@dataclass(frozen=True)
class SignResult:
    path: Path | None
    field_name: str
    signer: str
    signed_at: dt.datetime
    signature_count: int
    timestamped_at: dt.datetime | None = None


def read_password_file(path: Path | str) -> str:
    """The password on the first line of a file (a trailing newline is not part of it)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"Lösenordsfilen {path} finns inte.") from None
    except UnicodeDecodeError:
        raise ValidationError(f"Lösenordsfilen {path} är inte text i UTF-8.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise ValidationError(f"Lösenordsfilen {path} är tom: lösenordet ska stå på första raden.")
    return lines[0]


def load_credential(p12_path: Path | str, password: str) -> SigningCredential:
    from pyhanko.sign import signers

    if not str(p12_path or "").strip():
        raise ValidationError("Välj certifikatfilen (.p12) att signera med.")
    try:
        data = Path(p12_path).read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise ValidationError(f"Certifikatfilen {p12_path} finns inte.") from None
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=None,
                                                      passphrase=password.encode("utf-8"))
    except (ValueError, TypeError):
        signer = None
    if signer is None or signer.signing_cert is None:
        raise ValidationError(f"Certifikatfilen {p12_path} kunde inte öppnas: fel lösenord, eller så är det "
                              "ingen PKCS#12-fil (.p12) med en nyckel och ett certifikat.")
    signer = _key_loaded_once(signer)
    certificate = signer.signing_cert
    now = dt.datetime.now(dt.timezone.utc)
    if not (certificate.not_valid_before <= now <= certificate.not_valid_after):
        raise ValidationError(f"Certifikatet i {p12_path} gäller inte i dag (giltigt "
                              f"{certificate.not_valid_before:%Y-%m-%d}–{certificate.not_valid_after:%Y-%m-%d}).")
    return SigningCredential(signer=signer, name=_common_name(certificate.subject),
                             issuer=_common_name(certificate.issuer))


def _key_loaded_once(signer):
    """The same signer, but its private key parsed and checked once rather than for every signature (pyhanko's
    SimpleSigner reloads it each time; for an RSA key that check is most of the cost of a signature)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign import signers
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    key = serialization.load_der_private_key(signer.signing_key.dump(), password=None)
    if not isinstance(key, RSAPrivateKey):
        return signer

    class _LoadedKeySigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mechanism["algorithm"].native in ("rsassa_pkcs1v15", "sha256_rsa", "sha384_rsa", "sha512_rsa"):
                return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
            return super().sign_raw(data, digest_algorithm)

    return _LoadedKeySigner(signing_cert=signer.signing_cert, signing_key=signer.signing_key,
                            cert_registry=signer.cert_registry, signature_mechanism=signer.signature_mechanism)


def _common_name(name) -> str:
    native = name.native
    return native.get("common_name") or name.human_friendly


def sign_pdf(pdf_path: Path | str, credential: SigningCredential, out: Path | str, *,
             title: str | None = None, timestamp_url: str | None = None, now: dt.datetime | None = None) -> SignResult:
    """Add one signature to the PDF at `pdf_path` (and a document timestamp from `timestamp_url`, if given) and
    write the result to `out` (which may be the same file). Nothing is written when either step fails."""
    pdf_path, out = Path(pdf_path), Path(out)
    try:
        source = pdf_path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Filen {pdf_path} finns inte.") from None
    signed, result = sign_bytes(source, credential, name=str(pdf_path), title=title or None, fallback_title=pdf_path.stem,
                                now=now)
    if timestamp_url:
        signed, stamped_at = add_document_timestamp(signed, timestamp_url)
        result = dataclasses.replace(result, timestamped_at=stamped_at)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".tmp")
    partial.write_bytes(signed)
    os.replace(partial, out)
    return dataclasses.replace(result, path=out)


def sign_bytes(source: bytes, credential: SigningCredential, *, name: str = "PDF-filen", title: str | None = None,
               fallback_title: str | None = None, now: dt.datetime | None = None) -> tuple[bytes, SignResult]:
    """The PDF `source` with one more signature, as bytes (`name` says which file in a message)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import fields, signers

    if not source.startswith(b"%PDF"):
        raise ValidationError(f"Filen {name} är ingen PDF.")
    signed_at = (now or dt.datetime.now(dt.timezone.utc)).astimezone()
    with tempfile.TemporaryDirectory(prefix="namndapp-sign-") as work:
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(source), strict=False)
        except (PdfReadError, ValueError) as error:
            raise ValidationError(f"Filen {name} kunde inte läsas som PDF ({error}).") from None
        if writer.prev.encrypted:
            raise ValidationError(f"Filen {name} är krypterad; en krypterad PDF kan inte undertecknas här.")
        filled = [field for field, value, _ in fields.enumerate_sig_fields(writer.prev, filled_status=True)]
        ours = [field for field in filled if field.startswith(FIELD_PREFIX)]
        page_index, box = _place(writer, filled, ours, title or _document_title(writer) or fallback_title, work)
        field_name = _free_field_name(filled, len(ours) + 1)
        block = Path(work, "block.pdf")
        block.write_bytes(signature_page.block_pdf(credential.name, signed_at, credential.issuer))
        pdf_signer = signers.PdfSigner(
            signers.PdfSignatureMetadata(field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES,
                                         md_algorithm="sha256", name=credential.name),
            signer=credential.signer, stamp_style=_stamp_style(block),
            new_field_spec=fields.SigFieldSpec(sig_field_name=field_name, on_page=page_index, box=box))
        output = io.BytesIO()
        pdf_signer.sign_pdf(writer, bytes_reserved=_RESERVED_BYTES, output=output)
    signatures = len([field for field in filled if not field.startswith(TIMESTAMP_PREFIX)]) + 1
    return output.getvalue(), SignResult(path=None, field_name=field_name, signer=credential.name,
                                         signed_at=signed_at, signature_count=signatures)


def _free_field_name(filled: list[str], number: int) -> str:
    while f"{FIELD_PREFIX}{number}" in filled:
        number += 1
    return f"{FIELD_PREFIX}{number}"


def add_document_timestamp(source: bytes, url: str) -> tuple[bytes, dt.datetime]:
    """The PDF with a document timestamp from the timestamp server at `url` appended (RFC 3161, the PAdES
    document timestamp). Only this needs the network; an unreachable or refusing server is a clear error."""
    import asyncio

    import aiohttp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    url = check_timestamp_url(url)
    writer = IncrementalPdfFileWriter(io.BytesIO(source), strict=False)
    filled = [field for field, _, _ in fields.enumerate_sig_fields(writer.prev, filled_status=True)]
    number = len([field for field in filled if field.startswith(TIMESTAMP_PREFIX)]) + 1
    stamper = _RecordingTimeStamper(timestamps.HTTPTimeStamper(url, timeout=TIMESTAMP_TIMEOUT))
    output = io.BytesIO()
    try:
        signers.PdfTimeStamper(stamper, field_name=f"{TIMESTAMP_PREFIX}{number}").timestamp_pdf(
            writer, "sha256", output=output)
    except (TimestampRequestError, aiohttp.ClientError, asyncio.TimeoutError, OSError, ValueError) as error:
        raise ValidationError(f"Tidsstämpelservern {url} gick inte att nå eller gav ingen tidsstämpel "
                              f"({_reason(error)}). Ingen ny underskrift har sparats; försök igen senare eller "
                              "underteckna utan tidsstämpel.") from None
    return output.getvalue(), stamper.stamped_at


TIMESTAMP_PREFIX = "Tidsstämpel "
TIMESTAMP_TIMEOUT = 10  # seconds


def check_timestamp_url(url: str) -> str:
    """A timestamp server's address: http:// or https:// and a host."""
    from urllib.parse import urlparse

    url = (url or "").strip()
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        raise ValidationError(f"Adressen till tidsstämpelservern ska börja med http:// eller https:// och "
                              f"innehålla ett värdnamn, till exempel http://tidsstampel.exempel.se/tsa (inte ”{url}”).")
    return url


def _reason(error: BaseException) -> str:
    """What went wrong, in Swedish, from the error or the one it was raised from."""
    import asyncio

    import aiohttp

    causes = []
    while error is not None and len(causes) < 5:
        causes.append(error)
        error = error.__cause__ or error.__context__
    if any(isinstance(cause, asyncio.TimeoutError) for cause in causes):
        return f"inget svar inom {TIMESTAMP_TIMEOUT} sekunder"
    if any(isinstance(cause, (aiohttp.ClientConnectorError, ConnectionError)) for cause in causes):
        return "ingen server svarar på den adressen"
    status = next((cause.status for cause in causes if isinstance(cause, aiohttp.ClientResponseError)), None)
    if status:
        return f"servern svarade med HTTP-status {status}"
    return "servern svarade inte med en giltig tidsstämpel"


class _RecordingTimeStamper:
    """Passes each request on and remembers the time the server put in the token."""

    def __init__(self, inner):
        self._inner = inner
        self.stamped_at = None

    def __getattr__(self, name):
        return getattr(self._inner, name)

    async def async_timestamp(self, message_digest, md_algorithm):
        token = await self._inner.async_timestamp(message_digest, md_algorithm)
        self.stamped_at = _token_time(token)
        return token

    async def async_dummy_response(self, md_algorithm):
        return await self._inner.async_dummy_response(md_algorithm)


def _token_time(token) -> dt.datetime | None:
    from asn1crypto import tsp

    try:
        return tsp.TSTInfo.load(bytes(token["content"]["encap_content_info"]["content"]))["gen_time"].native
    except (KeyError, ValueError, TypeError):
        return None


def _document_title(writer) -> str | None:
    try:
        title = writer.prev.trailer["/Info"]["/Title"]
    except (KeyError, TypeError):
        return None
    return str(title).strip() or None


def _place(writer, filled: list[str], ours: list[str], title: str | None, work: str):
    """Which page and rectangle the next visible block goes in."""
    page_count = int(writer.root["/Pages"]["/Count"])
    if not filled:
        _append_signature_page(writer, title, work)
        return page_count, signature_page.slot_box(0)
    if ours:
        if len(ours) >= signature_page.SLOT_COUNT:
            raise ValidationError(f"Sidan för underskrifter rymmer {signature_page.SLOT_COUNT} underskrifter, "
                                  "och alla är använda.")
        return page_count - 1, signature_page.slot_box(len(ours))
    # Signed first elsewhere: no page can be added now, so the blocks go in the last page's bottom margin.
    if len(filled) >= _FALLBACK_SLOTS + 1:
        raise ValidationError("Filen har redan flera underskrifter från ett annat program; det finns ingen "
                              "plats kvar för en synlig underskrift.")
    x1, _, x2, _ = signature_page.slot_box(len(filled) - 1)
    return page_count - 1, (x1, 14, x2, 14 + (signature_page.SLOT_HEIGHT * 2) // 3)


def _append_signature_page(writer, title: str | None, work: str) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    page_file = Path(work, "page.pdf")
    page_file.write_bytes(signature_page.page_pdf(title))
    with page_file.open("rb") as handle:
        xobject = writer.import_page_as_xobject(PdfFileReader(handle), page_ix=0)
    contents = writer.add_object(generic.StreamObject(stream_data=b"q /Sidan Do Q"))
    writer.insert_page(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Page"),
        generic.pdf_name("/MediaBox"): generic.ArrayObject(
            [generic.NumberObject(0), generic.NumberObject(0),
             generic.FloatObject(signature_page.PAGE_WIDTH), generic.FloatObject(signature_page.PAGE_HEIGHT)]),
        generic.pdf_name("/Resources"): generic.DictionaryObject({
            generic.pdf_name("/XObject"): generic.DictionaryObject({generic.pdf_name("/Sidan"): xobject})}),
        generic.pdf_name("/Contents"): contents,
    }))


def _stamp_style(block: Path):
    from pyhanko.pdf_utils import content, layout
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(
        background=content.ImportedPdfPage(str(block)), border_width=0, background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0), inner_content_scaling=layout.InnerScaling.STRETCH_TO_FIT))
