"""Check every signature in a PDF offline: is it intact, who signed and when, was the file changed after it
in a way that is not allowed, and does the signer's certificate lead to one this installation trusts.

Nothing is fetched: no revocation lists, no OCSP, no timestamp servers. Revocation is therefore not known,
and the report says trust only in the sense of "issued by a certificate we have".
"""

import contextlib
import datetime as dt
import io
import enum
import logging
from dataclasses import dataclass, field
from pathlib import Path

from namndapp.errors import ValidationError
from namndapp.justering import trust_store


class Changes(enum.Enum):
    NONE = "none"                  # the signature covers the whole file
    SIGNATURES = "signatures"      # only later signatures or their visible blocks were added
    FORM_FILLING = "form_filling"  # form fields were filled in after it (allowed for an approval signature)
    ANNOTATIONS = "annotations"    # comments were added after it
    OTHER = "other"                # the content was changed after it: the signature no longer vouches for the file


CHANGE_TEXTS = {
    Changes.NONE: "Dokumentet har inte ändrats efter underskriften.",
    Changes.SIGNATURES: "Efter underskriften har bara fler underskrifter lagts till.",
    Changes.FORM_FILLING: "Efter underskriften har formulärfält fyllts i (tillåtet).",
    Changes.ANNOTATIONS: "Efter underskriften har kommentarer lagts till.",
    Changes.OTHER: "Dokumentet har ÄNDRATS efter underskriften.",
}


SIGNATURE, TIMESTAMP = "underskrift", "tidsstämpel"


@dataclass(frozen=True)
class SignatureCheck:
    number: int
    field_name: str
    signer: str
    issuer: str
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    changes: Changes
    problems: list[str] = field(default_factory=list)
    kind: str = SIGNATURE  # or TIMESTAMP: a document timestamp; `signer` is then the timestamp server

    @property
    def ok(self) -> bool:
        return self.intact and self.changes is not Changes.OTHER and not self.problems

    def as_dict(self) -> dict:
        return {"number": self.number, "field": self.field_name, "signer": self.signer, "issuer": self.issuer,
                "signed_at": self.signed_at.isoformat() if self.signed_at else None, "intact": self.intact,
                "trusted": self.trusted, "changes_after": self.changes.value, "problems": self.problems,
                "ok": self.ok, "kind": self.kind}


@dataclass(frozen=True)
class VerificationReport:
    path: Path
    signatures: list[SignatureCheck]
    trusted_certificate_count: int

    @property
    def intact(self) -> bool:
        """Every signature intact and nothing changed after any of them."""
        return bool(self.signatures) and all(check.ok for check in self.signatures)

    @property
    def trusted(self) -> bool:
        """Intact, and every signer's certificate known here (a timestamp server's is reported on its own)."""
        return self.intact and all(check.trusted for check in self.signatures if check.kind == SIGNATURE)

    @property
    def signature_checks(self) -> list[SignatureCheck]:
        return [check for check in self.signatures if check.kind == SIGNATURE]


def verify_pdf(path: Path | str, trusted_certificates: list | None = None) -> VerificationReport:
    """Check each signature in the file. `trusted_certificates` defaults to those of this installation."""
    if not str(path or "").strip():
        raise ValidationError("Välj PDF-filen att kontrollera.")
    path = Path(path)
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise ValidationError(f"Filen {path} finns inte.") from None
    return verify_bytes(data, path, trusted_certificates)


def verify_bytes(data: bytes, path: Path | str, trusted_certificates: list | None = None) -> VerificationReport:
    """verify_pdf for a file already read (`path` names it in the report and in messages)."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    if not data.startswith(b"%PDF"):
        raise ValidationError(f"Filen {path} är ingen PDF.")
    if trusted_certificates is None:
        trusted_certificates = trust_store.load_known_certificates()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError) as error:
        raise ValidationError(f"Filen {path} kunde inte läsas som PDF ({error}).") from None
    checks = []
    with _expected_failures_unlogged():
        for number, signature in enumerate(embedded, start=1):
            # A fresh context per signature: certvalidator caches path results inside it.
            context = ValidationContext(trust_roots=list(trusted_certificates), allow_fetching=False,
                                        revocation_mode="soft-fail")
            checks.append(_check_timestamp(number, signature, context) if _is_timestamp(signature)
                          else _check(number, signature, context))
    return VerificationReport(path=path, signatures=checks, trusted_certificate_count=len(trusted_certificates))


def unsigned_revisions(data: bytes, after: int) -> list[int]:
    """The revisions of the file, after its first `after`, that no signature or document timestamp of its own
    closes: changes nobody signed. A signature covers every revision before it, so a revision slipped in before
    a new signature would otherwise pass as signed (pyhanko judges changes only after a signature)."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        closed = {signature.signed_revision for signature in reader.embedded_signatures}
        total = reader.xrefs.total_revisions
    except (PdfReadError, ValueError) as error:
        raise ValidationError(f"Filen kunde inte läsas som PDF ({error}).") from None
    return [revision for revision in range(after, total) if revision not in closed]


def revision_count(data: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data), strict=False).xrefs.total_revisions


def _is_timestamp(signature) -> bool:
    return str(signature.sig_object.get("/Type", "")) == "/DocTimeStamp"


def _check_timestamp(number: int, signature, context) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_timestamp

    try:
        status = validate_pdf_timestamp(signature, context)
    except Exception as error:  # as for a signature: a finding about the file
        certificate = _certificate_or_none(signature)
        return SignatureCheck(number=number, field_name=signature.field_name, signer=_name(certificate, "subject"),
                              issuer=_name(certificate, "issuer"), signed_at=None, intact=False, trusted=False,
                              changes=Changes.OTHER, kind=TIMESTAMP,
                              problems=[f"Tidsstämpeln kunde inte kontrolleras ({type(error).__name__})."])
    problems = []
    if not status.intact:
        problems.append("Innehållet stämmer inte med tidsstämpeln: filen har ändrats i det tidsstämplade området.")
    elif not status.valid:
        problems.append("Tidsstämpelns kryptografiska underskrift är ogiltig.")
    return SignatureCheck(number=number, field_name=signature.field_name,
                          signer=_name(status.signing_cert, "subject"), issuer=_name(status.signing_cert, "issuer"),
                          signed_at=status.timestamp, intact=bool(status.intact and status.valid),
                          trusted=bool(status.trusted), changes=_changes(status, signature), problems=problems,
                          kind=TIMESTAMP)


@contextlib.contextmanager
def _expected_failures_unlogged():
    """pyhanko logs an untrusted or broken signature as an error with a traceback; here that is a finding
    the report states, so the log stays quiet while checking."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _check(number: int, signature, context) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature

    problems = []
    try:
        status = validate_pdf_signature(signature, context)
    except Exception as error:  # a malformed signature is a finding about the file, not a crash
        certificate = _certificate_or_none(signature)
        return SignatureCheck(number=number, field_name=signature.field_name, signer=_name(certificate, "subject"),
                              issuer=_name(certificate, "issuer"), signed_at=signature.self_reported_timestamp,
                              intact=False, trusted=False, changes=Changes.OTHER,
                              problems=[f"Underskriften kunde inte kontrolleras ({type(error).__name__})."])
    if not status.intact:
        problems.append("Innehållet stämmer inte med underskriften: filen har ändrats i det undertecknade området.")
    elif not status.valid:
        problems.append("Den kryptografiska underskriften är ogiltig.")
    changes = _changes(status, signature)
    return SignatureCheck(number=number, field_name=signature.field_name,
                          signer=_name(status.signing_cert, "subject"), issuer=_name(status.signing_cert, "issuer"),
                          signed_at=status.signer_reported_dt, intact=bool(status.intact and status.valid),
                          trusted=bool(status.trusted), changes=changes, problems=problems)


def _changes(status, signature) -> Changes:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return Changes.NONE
    if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION or status.modification_level is None:
        return Changes.OTHER
    level = status.modification_level
    if level == ModificationLevel.NONE:
        return Changes.NONE
    if level in (ModificationLevel.LTA_UPDATES,):
        return Changes.SIGNATURES
    if level == ModificationLevel.FORM_FILLING:
        # Adding a signature is "form filling" to pyhanko; say so plainly when that is all it was.
        return Changes.SIGNATURES if _only_signatures_after(signature) else Changes.FORM_FILLING
    if level == ModificationLevel.ANNOTATIONS:
        return Changes.ANNOTATIONS
    return Changes.OTHER


def _only_signatures_after(signature) -> bool:
    """Whether every revision after this signature's one ends with a signature of its own."""
    reader = signature.reader
    signed_revision = signature.signed_revision
    revisions_with_signatures = {other.signed_revision for other in reader.embedded_signatures}
    return all(revision in revisions_with_signatures
               for revision in range(signed_revision + 1, reader.xrefs.total_revisions))


def _certificate_or_none(signature):
    try:
        return signature.signer_cert
    except Exception:
        return None


def _name(certificate, which: str) -> str:
    if certificate is None:
        return "okänd"
    name = getattr(certificate, which)
    return name.native.get("common_name") or name.human_friendly


def report_lines(report: VerificationReport) -> list[str]:
    """The report as the secretary reads it, one Swedish line each (the CLI prints them, the GUI shows them)."""
    from namndapp.justering.signature_page import signing_time_text

    total = len(report.signatures)
    lines = [f"Fil: {report.path}"]
    if not total:
        return lines + ["Filen har inga elektroniska underskrifter."]
    for check in report.signatures:
        if check.kind == TIMESTAMP:
            lines.append(f"Underskrift {check.number} av {total}: dokumenttidsstämpel från {check.signer}")
            if check.signed_at:
                lines.append(f"  Tid (enligt tidsstämpelservern): {signing_time_text(check.signed_at)}")
        else:
            lines.append(f"Underskrift {check.number} av {total}: {check.signer}")
            if check.signed_at:
                lines.append(f"  Tid (enligt undertecknaren): {signing_time_text(check.signed_at)}")
        lines.append("  Underskriften är intakt." if check.intact else "  Underskriften är BRUTEN.")
        lines += [f"  {problem}" for problem in check.problems]
        if check.intact:
            lines.append(f"  {CHANGE_TEXTS[check.changes]}")
        lines.append(f"  Certifikatet är betrott (utfärdat av {check.issuer})." if check.trusted else
                     f"  Certifikatet är inte betrott här: utfärdaren {check.issuer} finns inte bland de kända "
                     "certifikaten.")
    if report.trusted:
        lines.append("Resultat: alla underskrifter är intakta och betrodda, och dokumentet är oförändrat.")
    elif report.intact:
        lines.append("Resultat: underskrifterna är intakta, men minst ett certifikat är inte betrott här.")
    else:
        lines.append("Resultat: FILEN GÅR INTE ATT LITA PÅ – den har ändrats efter att den undertecknades, "
                     "eller en underskrift är bruten.")
    return lines


def summary(report: VerificationReport) -> str:
    """The last line of report_lines: the verdict on the whole file."""
    return report_lines(report)[-1]
