"""Sign a PDF: PAdES baseline B-B with a certificate from a PKCS#12 file, entirely offline.

Each signature is an incremental update, so an earlier signature keeps covering exactly the bytes it
signed and a later one is a permitted addition. Before the first signature the page "Elektroniska
underskrifter" is appended (in the same update, so that signature covers it); every signature then gets a
visible block in its own slot on that page. A timestamp server can be added later through `timestamper`;
nothing here needs the network.
"""

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
# pyhanko a trial signature (and the private key is reloaded and checked for each signature it makes).
_RESERVED_BYTES = 16384
_FALLBACK_SLOTS = 2  # blocks that fit in the bottom margin of a file someone else signed first


@dataclass(frozen=True)
class SigningCredential:
    signer: object  # pyhanko SimpleSigner
    name: str
    issuer: str


@dataclass(frozen=True)
class SignResult:
    path: Path
    field_name: str
    signer: str
    signed_at: dt.datetime
    signature_count: int


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

    try:
        data = Path(p12_path).read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Certifikatfilen {p12_path} finns inte.") from None
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=None,
                                                      passphrase=password.encode("utf-8"))
    except (ValueError, TypeError):
        signer = None
    if signer is None or signer.signing_cert is None:
        raise ValidationError(f"Certifikatfilen {p12_path} kunde inte öppnas: fel lösenord, eller så är det "
                              "ingen PKCS#12-fil (.p12) med en nyckel och ett certifikat.")
    certificate = signer.signing_cert
    now = dt.datetime.now(dt.timezone.utc)
    if not (certificate.not_valid_before <= now <= certificate.not_valid_after):
        raise ValidationError(f"Certifikatet i {p12_path} gäller inte i dag (giltigt "
                              f"{certificate.not_valid_before:%Y-%m-%d}–{certificate.not_valid_after:%Y-%m-%d}).")
    return SigningCredential(signer=signer, name=_common_name(certificate.subject),
                             issuer=_common_name(certificate.issuer))


def _common_name(name) -> str:
    native = name.native
    return native.get("common_name") or name.human_friendly


def sign_pdf(pdf_path: Path | str, credential: SigningCredential, out: Path | str, *,
             title: str | None = None, timestamper=None, now: dt.datetime | None = None) -> SignResult:
    """Add one signature to the PDF at `pdf_path` and write the result to `out` (which may be the same file)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import fields, signers

    pdf_path, out = Path(pdf_path), Path(out)
    try:
        source = pdf_path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Filen {pdf_path} finns inte.") from None
    if not source.startswith(b"%PDF"):
        raise ValidationError(f"Filen {pdf_path} är ingen PDF.")
    signed_at = (now or dt.datetime.now(dt.timezone.utc)).astimezone()
    with tempfile.TemporaryDirectory(prefix="namndapp-sign-") as work:
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(source), strict=False)
        except (PdfReadError, ValueError) as error:
            raise ValidationError(f"Filen {pdf_path} kunde inte läsas som PDF ({error}).") from None
        if writer.prev.encrypted:
            raise ValidationError(f"Filen {pdf_path} är krypterad; en krypterad PDF kan inte undertecknas här.")
        filled = [name for name, value, _ in fields.enumerate_sig_fields(writer.prev, filled_status=True)]
        ours = [name for name in filled if name.startswith(FIELD_PREFIX)]
        page_index, box = _place(writer, filled, ours, title or _document_title(writer) or pdf_path.stem, work)
        field_name = f"{FIELD_PREFIX}{len(filled) + 1}"
        block = Path(work, "block.pdf")
        block.write_bytes(signature_page.block_pdf(credential.name, signed_at, credential.issuer))
        pdf_signer = signers.PdfSigner(
            signers.PdfSignatureMetadata(field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES,
                                         md_algorithm="sha256", name=credential.name),
            signer=credential.signer, timestamper=timestamper, stamp_style=_stamp_style(block),
            new_field_spec=fields.SigFieldSpec(sig_field_name=field_name, on_page=page_index, box=box))
        temporary = Path(work, "signed.pdf")
        with temporary.open("wb") as output:
            pdf_signer.sign_pdf(writer, bytes_reserved=_RESERVED_BYTES if timestamper is None else None,
                                output=output)
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".tmp")
        partial.write_bytes(temporary.read_bytes())
        os.replace(partial, out)
    return SignResult(path=out, field_name=field_name, signer=credential.name, signed_at=signed_at,
                      signature_count=len(filled) + 1)


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
