"""The justerat protokoll as a stored PDF: version 0 is made when the protokoll is justerat (it names the seal
it was made from), and each signature by the chair or a justerare adds a version. The latest version is "the"
justerat protokoll the secretary exports, prints and archives (the internal version: a public one is made
through the public filter, as every public document is).

Signing is split so that the GUI can do the slow part off its thread: `start_signing` (database, plain data
out), `signing.sign_bytes` in the worker (no database), `add_signed_version` (database). `sign_stored` does the
three in a row for the command line. A file signed in another PAdES program is stored the same way.
"""

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.justering import sealed_pdf
from namndapp.services.justering import approvals, content
from namndapp.storage import justering as store, minutes as minutes_store, rows
from namndapp.swedish import fold

TIMESTAMP_SETTING = "justering.tidsstämpelserver"
TEST_MARK_SUFFIX = " (TESTCERTIFIKAT)"


@dataclass(frozen=True)
class SigningJob:
    """What a worker needs to add one signature: the latest stored version, as plain data."""
    meeting_id: int
    version: int
    pdf: bytes
    title: str
    timestamp_url: str | None


# --- reading ------------------------------------------------------------------------------------------

def versions(db: Database, meeting_id: int) -> list[dict]:
    return store.protocol_pdf_versions(db, meeting_id)


def pdf_bytes(db: Database, meeting_id: int, version: int | None = None) -> bytes:
    """The whole file of a stored version (default: the latest), checked against its SHA-256."""
    stored = versions(db, meeting_id)
    if not stored:
        raise ConflictError("Det finns ingen sparad justerad PDF för sammanträdet än.")
    if version is None:
        row = stored[-1]
    else:
        matches = [v for v in stored if v["version"] == version]
        if not matches:
            raise ValidationError(f"Version {version} finns inte; de sparade versionerna är 0–{stored[-1]['version']}.")
        row = matches[0]
    data = b"".join(store.protocol_pdf_parts(db, meeting_id, row["version"]))
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        raise ConflictError(f"Den sparade PDF-filen (version {row['version']}) är skadad: den stämmer inte med sin "
                            "SHA-256. Kör namndapp check.")
    return data


def save_pdf(db: Database, meeting_id: int, path, version: int | None = None):
    """Write a stored version (default: the latest, "the" justerat protokoll) to `path`; returns the path."""
    from pathlib import Path  # noqa: PLC0415

    from namndapp.files import write_atomically  # noqa: PLC0415

    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    ensure_justerad_pdf(db, meeting_id)
    return write_atomically(path, pdf_bytes(db, meeting_id, version))


def file_name(db: Database, meeting_id: int) -> str:
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
    code = body.get("short_code") or "protokoll"
    return f"Protokoll {code} {meeting['meeting_date']} justerat.pdf"


def signing_status(db: Database, meeting_id: int) -> dict:
    """Who has signed the stored protokoll and who still has to: the chair and each justerare."""
    stored = versions(db, meeting_id)
    by_person = {v["person_id"]: v for v in stored if v["person_id"] is not None}
    people = [{"person_id": a.person_id, "name": a.name, "role": a.role,
               "signed_at": by_person[a.person_id]["signed_at"] if a.person_id in by_person else None,
               "signer": by_person[a.person_id]["signer"] if a.person_id in by_person else None,
               "timestamped_at": by_person[a.person_id]["timestamped_at"] if a.person_id in by_person else None}
              for a in approvals.approvers(db, meeting_id)]
    waiting = [p for p in people if not p["signed_at"]]
    return {"stored": bool(stored), "version": stored[-1]["version"] if stored else None, "approvers": people,
            "waiting": waiting, "complete": bool(stored) and bool(people) and not waiting,
            "sha256": stored[-1]["sha256"] if stored else None}


# --- the justerad PDF (version 0) ---------------------------------------------------------------------

# _STORED: a stored version is written as one logged event, not as an undoable row: the database never lets
# a version be removed (the triggers), so an undo offered for it could only be refused, and would stand in
# front of every earlier change on the undo stack. The event also keeps the PDF's bytes out of the log.


def ensure_justerad_pdf(db: Database, meeting_id: int) -> dict:
    """The latest stored version; when there is none yet (a protokoll justerat before files were kept, or read
    from an exchange file), version 0 is made now from the frozen content."""
    stored = versions(db, meeting_id)
    if stored:
        return stored[-1]
    minutes = minutes_store.minutes_row(db, meeting_id)
    seal = store.seal(db, meeting_id)
    if not minutes or minutes["status"] != "justerat" or not seal:
        raise ConflictError("Protokollet är inte justerat än. Det justerade protokollet sparas som PDF när "
                            "protokollet justeras; före det finns bara utkastet (namndapp minutes).")
    if content.content_hash(db, meeting_id) != seal["content_hash"]:
        raise ConflictError("Protokollets innehåll stämmer inte med sigillet från justeringen, så ingen justerad "
                            "PDF görs av det. Kör namndapp check.")
    from namndapp.services import protocol_files  # noqa: PLC0415  (reportlab on first use)

    pdf = sealed_pdf.stamp(protocol_files.render_minutes(db, meeting_id, "pdf"), content_hash=seal["content_hash"],
                           chain_hash=seal["chain_hash"], meeting_id=meeting_id)
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    summary = f"Det justerade protokollet {meeting['meeting_date']} sparat som PDF"
    with db.atomic(), rows.bulk(db, "protocol_pdfs", summary, entity_id=meeting_id):  # not undoable: see _STORED
        rows.insert(db, "protocol_pdfs", {
            "meeting_id": meeting_id, "seal_id": seal["id"], "version": 0, "previous_id": None, "kind": "justerat",
            "content_hash": seal["content_hash"], "signature_count": 0, "sha256": hashlib.sha256(pdf).hexdigest(),
            "size": len(pdf), "appended": pdf, "created_at": rows.now(), "os_user": rows.os_user()}, summary)
    return versions(db, meeting_id)[-1]


# --- signing ------------------------------------------------------------------------------------------

def timestamp_url(db: Database) -> str | None:
    return store.setting(db, TIMESTAMP_SETTING) or None


def set_timestamp_url(db: Database, url: str | None) -> str | None:
    """Set (or, empty, remove) the timestamp server every signature here gets a document timestamp from."""
    from namndapp.justering import signing  # noqa: PLC0415

    url = signing.check_timestamp_url(url) if (url or "").strip() else None
    if url == timestamp_url(db):
        return url
    with db.atomic():
        store.set_setting(db, TIMESTAMP_SETTING, url)
        rows.event(db, "settings", TIMESTAMP_SETTING,
                   f"Tidsstämpelserver för underskrifter: {url}" if url else "Ingen tidsstämpelserver för underskrifter")
    return url


def start_signing(db: Database, meeting_id: int, *, timestamp_url_override: str | None = None) -> SigningJob:
    latest = ensure_justerad_pdf(db, meeting_id)
    status = signing_status(db, meeting_id)
    if status["complete"]:
        raise ConflictError("Ordföranden och alla justerare har redan undertecknat protokollet.")
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
    url = timestamp_url_override if timestamp_url_override is not None else timestamp_url(db)
    if (url or "").strip():
        from namndapp.justering import signing  # noqa: PLC0415

        url = signing.check_timestamp_url(url)
    return SigningJob(meeting_id=meeting_id, version=latest["version"], pdf=pdf_bytes(db, meeting_id),
                      title=f"Protokoll, {body['name']}, sammanträdet {meeting['meeting_date']}",
                      timestamp_url=url or None)


def sign_job(job: SigningJob, credential) -> bytes:
    """The signed file (with a document timestamp where a server is given). No database: runs in a worker."""
    from namndapp.justering import signing  # noqa: PLC0415  (pyhanko on first use)

    signed, _ = signing.sign_bytes(job.pdf, credential, name="det justerade protokollet", title=job.title)
    if job.timestamp_url:
        signed, _ = signing.add_document_timestamp(signed, job.timestamp_url)
    return signed


def sign_stored(db: Database, meeting_id: int, credential, *, timestamp_url_override: str | None = None) -> dict:
    job = start_signing(db, meeting_id, timestamp_url_override=timestamp_url_override)
    return add_signed_version(db, meeting_id, sign_job(job, credential), based_on=job.version,
                              timestamp_url=job.timestamp_url)


def add_signed_version(db: Database, meeting_id: int, signed: bytes, *, based_on: int | None = None,
                       timestamp_url: str | None = None, name: str = "den undertecknade filen") -> dict:
    """Store a file that adds one signature (by the chair or a justerare) to the latest stored version."""
    return add_signed_versions(db, meeting_id, [signed], based_on=based_on, timestamp_url=timestamp_url,
                               name=name)[-1]


def sign_in_turn(db: Database, meeting_id: int, credentials: list) -> list[dict]:
    """Several signatures in one pass (the demo): each signs the file the one before made, and the files are
    checked once, at the end: the last file's check covers every signature and every change after each."""
    job = start_signing(db, meeting_id, timestamp_url_override="")
    files, data = [], job.pdf
    for credential in credentials:
        data = sign_job(dataclasses.replace(job, pdf=data), credential)
        files.append(data)
    return add_signed_versions(db, meeting_id, files, based_on=job.version)


def add_signed_versions(db: Database, meeting_id: int, files: list[bytes], *, based_on: int | None = None,
                        timestamp_url: str | None = None, name: str = "den undertecknade filen") -> list[dict]:
    """Store files that each add one signature to the one before, the first to the latest stored version."""
    from namndapp.justering import verification  # noqa: PLC0415

    latest = ensure_justerad_pdf(db, meeting_id)
    if based_on is not None and based_on != latest["version"]:
        raise ConflictError("Protokollet har fått en ny underskrift sedan du började underteckna. Underteckna den "
                            "senast sparade versionen.")
    previous = pdf_bytes(db, meeting_id)
    stored_revisions = verification.revision_count(previous)
    for signed in files:
        if signed == previous:
            raise ValidationError(f"{name.capitalize()} är densamma som den sparade versionen: den har ingen ny "
                                  "underskrift.")
        if not signed.startswith(previous):
            raise ValidationError(f"{name.capitalize()} bygger inte på det sparade justerade protokollet. En "
                                  "underskrift läggs till i den sparade filen utan att ändra något i den; den här filen "
                                  "har skrivits om eller gäller ett annat protokoll. Underteckna filen som namndapp "
                                  "protocol-pdf sparar.")
        previous = signed
    report = verification.verify_bytes(files[-1], name)
    broken = [f"underskrift {c.number} ({c.signer}): " + (" ".join(c.problems) or verification.CHANGE_TEXTS[c.changes])
              for c in report.signatures if not c.ok]
    if broken:
        raise ValidationError(f"{name.capitalize()} går inte att lita på, så den sparas inte: " + "; ".join(broken))
    unsigned = verification.unsigned_revisions(files[-1], stored_revisions)
    if unsigned:
        raise ValidationError(f"{name.capitalize()} innehåller ändringar som ingen underskrift hör till (tillägg "
                              f"{', '.join(str(r) for r in unsigned)} i filen). En underskrift får bara lägga till "
                              "sig själv till det sparade protokollet, så filen sparas inte.")
    checks = report.signature_checks
    new = checks[latest["signature_count"]:]
    if len(new) != len(files):
        raise ValidationError(f"{name.capitalize()} har {len(new)} nya underskrifter; en ny version ska lägga till "
                              "precis en underskrift (spara filen efter varje underskrift).")
    signed_by = {v["person_id"] for v in versions(db, meeting_id) if v["person_id"] is not None}
    people = []
    for signature in new:
        approver = _approver_for(db, meeting_id, signature.signer)
        if approver is None:
            names = ", ".join(f"{a.name} ({a.role})" for a in approvals.approvers(db, meeting_id))
            raise ValidationError(f"Underskriften är gjord av {signature.signer}, som varken är ordförande eller "
                                  f"justerare för protokollet. De som undertecknar är: {names}.")
        if approver.person_id in signed_by:
            raise ConflictError(f"{approver.name} ({approver.role}) har redan undertecknat protokollet.")
        signed_by.add(approver.person_id)
        people.append(approver)
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    results, previous_row, size_before = [], latest, latest["size"]
    signers = ", ".join(approver.name for approver in people)
    with db.atomic(), rows.bulk(db, "protocol_pdfs", f"Det justerade protokollet {meeting['meeting_date']} "
                                f"undertecknat av {signers}", entity_id=meeting_id):  # not undoable: see _STORED
        for index, (signed, signature, approver) in enumerate(zip(files, new, people)):
            until = report.signatures.index(new[index + 1]) if index + 1 < len(new) else len(report.signatures)
            stamps = [c for c in report.signatures[report.signatures.index(signature) + 1:until]
                      if c.kind == verification.TIMESTAMP]
            version = previous_row["version"] + 1
            row_id = rows.insert(db, "protocol_pdfs", {
                "meeting_id": meeting_id, "seal_id": latest["seal_id"], "version": version,
                "previous_id": previous_row["id"], "kind": "underskrift", "content_hash": latest["content_hash"],
                "signer": signature.signer, "person_id": approver.person_id, "role": approver.role,
                "signed_at": _iso(signature.signed_at) or rows.now(),
                "timestamped_at": _iso(stamps[-1].signed_at) if stamps else None,
                "timestamp_url": timestamp_url if stamps else None,
                "signature_count": latest["signature_count"] + index + 1,
                "sha256": hashlib.sha256(signed).hexdigest(), "size": len(signed), "appended": signed[size_before:],
                "created_at": rows.now(), "os_user": rows.os_user()},
                f"Det justerade protokollet {meeting['meeting_date']} undertecknat av {approver.name} ({approver.role})")
            previous_row, size_before = {"id": row_id, "version": version}, len(signed)
            warnings = []
            if not signature.trusted:
                warnings.append(f"Certifikatet för {signature.signer} är inte betrott här: utfärdaren "
                                f"{signature.issuer} finns inte bland de kända certifikaten.")
            results.append({"id": row_id, "version": version, "approver": approver, "signer": signature.signer,
                            "signed_at": signature.signed_at,
                            "timestamped_at": stamps[-1].signed_at if stamps else None, "warnings": warnings})
    status = signing_status(db, meeting_id)
    return [result | {"status": status} for result in results]


def _approver_for(db: Database, meeting_id: int, signer: str):
    """The chair or justerare a certificate's name belongs to ("Anna Berg (TESTCERTIFIKAT)" is Anna Berg)."""
    name = signer[:-len(TEST_MARK_SUFFIX)] if signer.endswith(TEST_MARK_SUFFIX) else signer
    wanted = fold(" ".join(name.split()))
    for approver in approvals.approvers(db, meeting_id):
        if fold(" ".join(approver.name.split())) == wanted:
            return approver
    return None


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone().isoformat(timespec="seconds") if moment else None


# --- checking -----------------------------------------------------------------------------------------

def stored_problems(db: Database, meeting_id: int) -> list[str]:
    """What is wrong with the stored files of one meeting, as Swedish lines (none: they hold). Cheap: no
    signature is validated here (see verify_stored)."""
    stored = versions(db, meeting_id)
    if not stored:
        return []
    meeting = rows.find(db, "meetings", meeting_id)
    where = f"sammanträdet {meeting['meeting_date'] if meeting else meeting_id}"
    seal = store.seal(db, meeting_id)
    parts = store.protocol_pdf_parts(db, meeting_id, stored[-1]["version"])
    data = b""
    for row, part in zip(stored, parts):
        data += part
        if hashlib.sha256(data).hexdigest() != row["sha256"] or len(data) != row["size"]:
            return [f"Den sparade justerade PDF-filen för {where} är skadad: version {row['version']} stämmer inte "
                    "med sin SHA-256."]
    stated = sealed_pdf.seal_values(parts[0])
    if not seal or stated["content_hash"] != seal["content_hash"] or stated["chain_hash"] != seal["chain_hash"]:
        return [f"Den sparade justerade PDF-filen för {where} gjordes inte av det innehåll som sigillet från "
                "justeringen anger."]
    return []


def all_stored_problems(db: Database) -> list[str]:
    problems = []
    for meeting_id in store.meetings_with_protocol_pdfs(db):
        problems += stored_problems(db, meeting_id)
    return problems


def verify_stored(db: Database, meeting_id: int) -> dict:
    """The latest stored version checked in full: its bytes and seal (stored_problems), the frozen content
    against the seal, and every signature in it (pyhanko, offline)."""
    from namndapp.justering import verification  # noqa: PLC0415

    problems = stored_problems(db, meeting_id)
    seal = store.seal(db, meeting_id)
    if seal and content.content_hash(db, meeting_id) != seal["content_hash"]:
        problems.append("Protokollets innehåll i databasen stämmer inte med sigillet från justeringen.")
    report = None
    if not problems:
        data = pdf_bytes(db, meeting_id)
        report = verification.verify_bytes(data, file_name(db, meeting_id))
        if report.signatures and not report.intact:
            problems.append("En underskrift i den sparade filen är bruten, eller filen har ändrats efter den.")
        first = versions(db, meeting_id)[0]
        unsigned = verification.unsigned_revisions(data, verification.revision_count(pdf_bytes(db, meeting_id,
                                                                                               first["version"])))
        if unsigned:
            problems.append("Den sparade filen innehåller ändringar efter justeringen som ingen underskrift hör till.")
    return {"problems": problems, "report": report, "status": signing_status(db, meeting_id)}
