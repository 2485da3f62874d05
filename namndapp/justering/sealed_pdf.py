"""The justerat protokoll's PDF names the seal it was made from: the SHA-256 of the frozen content and the
chain value, in the document information. Every signature covers the bytes of that first version, so a signed
file stays tied to the content the justerare approved, and to nothing else."""

import io

CONTENT_KEY = "/NamndappInnehallSHA256"
CHAIN_KEY = "/NamndappKedjaSHA256"
MEETING_KEY = "/NamndappSammantrade"


def stamp(pdf: bytes, *, content_hash: str, chain_hash: str, meeting_id: int) -> bytes:
    """The PDF with the seal's values added to its document information (before any signature)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({CONTENT_KEY: content_hash, CHAIN_KEY: chain_hash, MEETING_KEY: str(meeting_id)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def seal_values(pdf: bytes) -> dict:
    """{"content_hash", "chain_hash", "meeting_id"} as the PDF states them (values missing: None)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        metadata = PdfReader(io.BytesIO(pdf)).metadata or {}
    except (PdfReadError, ValueError, KeyError):
        metadata = {}
    meeting = metadata.get(MEETING_KEY)
    return {"content_hash": _text(metadata.get(CONTENT_KEY)), "chain_hash": _text(metadata.get(CHAIN_KEY)),
            "meeting_id": int(meeting) if meeting and str(meeting).isdigit() else None}


def _text(value) -> str | None:
    return str(value) if value is not None else None
