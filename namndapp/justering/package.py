"""The justering package and the answer to it, for approvers who are not at the secretary's computer.

The package is the protokoll PDF with the round's facts attached as a file inside it (justering.json:
the meeting, the content hash, the approvers), so it reads and signs like any PDF. The answer is a small
JSON file the approver's own Nämndapp writes; it names the content hash it was made on, and the secretary's
import refuses an answer to content that has changed since.
"""

import io
import json

from namndapp.errors import ValidationError

PACKAGE_FORMAT, ANSWER_FORMAT, VERSION = "namndapp-justeringsunderlag", "namndapp-justeringssvar", 1
ATTACHMENT = "justering.json"


def build_package(pdf: bytes, facts: dict) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    payload = {"format": PACKAGE_FORMAT, "version": VERSION, **facts}
    writer.add_attachment(ATTACHMENT, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_package(data: bytes, name: str) -> dict:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise ValidationError(f"{name} är inget justeringsunderlag (ingen PDF).")
    try:
        attachments = PdfReader(io.BytesIO(data)).attachments
        contents = attachments.get(ATTACHMENT)
    except (PdfReadError, ValueError, KeyError):
        contents = None
    if not contents:
        raise ValidationError(f"{name} är inget justeringsunderlag från Nämndapp (uppgifterna om omgången saknas).")
    try:
        facts = json.loads(contents[0].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(f"Uppgifterna i justeringsunderlaget {name} är skadade.") from None
    if facts.get("format") != PACKAGE_FORMAT or facts.get("version") != VERSION:
        raise ValidationError(f"{name} är ett justeringsunderlag i ett format den här versionen inte känner till.")
    return facts


def build_answer(facts: dict, approver: dict, comments: list[dict], responded_at: str) -> dict:
    return {"format": ANSWER_FORMAT, "version": VERSION, "meeting_id": facts["meeting_id"],
            "body": facts["body"], "meeting_date": facts["meeting_date"], "content_hash": facts["content_hash"],
            "person_id": approver["person_id"], "name": approver["name"], "role": approver["role"],
            "verdict": "ändringsförslag" if comments else "godkänt", "comments": comments,
            "responded_at": responded_at}


def read_answer(data, name: str) -> dict:
    """The answer's fields, checked for shape (the service checks them against the database)."""
    if not isinstance(data, dict) or data.get("format") != ANSWER_FORMAT:
        raise ValidationError(f"{name} är inget justeringssvar från Nämndapp.")
    if data.get("version") != VERSION:
        raise ValidationError(f"{name} är ett justeringssvar i ett format den här versionen inte känner till.")
    for key, kind in (("meeting_id", int), ("person_id", int), ("content_hash", str), ("comments", list)):
        if not isinstance(data.get(key), kind):
            raise ValidationError(f"Justeringssvaret {name} saknar fältet {key} eller har fel typ i det.")
    comments = []
    for comment in data["comments"]:
        if not (isinstance(comment, dict) and isinstance(comment.get("number"), int)
                and isinstance(comment.get("text"), str)):
            raise ValidationError(f"Ett ändringsförslag i {name} ska ha ett paragrafnummer och en text.")
        comments.append((comment["number"], comment["text"]))
    return {**data, "comments": comments}
