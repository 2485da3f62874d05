"""The justerat protokoll as a file: the PDF made when the protokoll was justerat (version 0) and each version
after it that adds one signature (or a signature and its document timestamp), who signed and when.

A signature in a PDF is an incremental update: the signed file is the previous one with bytes appended. So a
version keeps only the bytes it appends (version 0 keeps the whole file) and the SHA-256 of the whole file it
makes; a signed version can therefore never rewrite what an earlier one holds. The triggers keep the versions
to a justerat protokoll, to the content its seal hashes, in order, and append-only: adding a signature to a
frozen protokoll is allowed, changing or removing a stored version is not.
"""

from namndapp.storage.migrations.registry import migrations, run_statements

NOT_JUSTERAT = "Bara ett justerat protokoll sparas som justerad PDF; justera protokollet först"
OTHER_CONTENT = "PDF-filen gjordes av ett annat innehåll än det som justerades (sigillets SHA-256)"
OUT_OF_ORDER = "En ny version av det justerade protokollet måste bygga på den senast sparade"
STORED = ("Det sparade justerade protokollet och dess underskrifter ändras aldrig; en ny underskrift "
          "läggs till som en ny version")

_LATEST = "(SELECT MAX(v.version) FROM protocol_pdfs v WHERE v.meeting_id = NEW.meeting_id)"
_LATEST_ID = ("(SELECT v.id FROM protocol_pdfs v WHERE v.meeting_id = NEW.meeting_id "
              "ORDER BY v.version DESC LIMIT 1)")


@migrations(name="0011_signed_protocols")
def create_signed_protocols(db):
    run_statements(db, f"""
CREATE TABLE protocol_pdfs (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    seal_id INTEGER NOT NULL REFERENCES justering_seals(id),
    version INTEGER NOT NULL CHECK (version >= 0),
    previous_id INTEGER REFERENCES protocol_pdfs(id),
    kind TEXT NOT NULL CHECK (kind IN ('justerat', 'underskrift')),
    content_hash TEXT NOT NULL,
    signer TEXT,
    person_id INTEGER REFERENCES persons(id),
    role TEXT CHECK (role IS NULL OR role IN ('ordförande', 'justerare')),
    signed_at TEXT,
    timestamped_at TEXT,
    timestamp_url TEXT,
    signature_count INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    appended BLOB NOT NULL,
    created_at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    UNIQUE (meeting_id, version),
    CHECK ((version = 0) = (kind = 'justerat')),
    CHECK ((version = 0) = (previous_id IS NULL)),
    CHECK (kind = 'justerat' OR signer IS NOT NULL)
);
CREATE TRIGGER protocol_pdfs_justerat_insert BEFORE INSERT ON protocol_pdfs
WHEN NOT EXISTS (SELECT 1 FROM minutes m WHERE m.meeting_id = NEW.meeting_id AND m.status = 'justerat')
  OR NOT EXISTS (SELECT 1 FROM justering_seals s WHERE s.id = NEW.seal_id AND s.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, '{NOT_JUSTERAT}'); END;
CREATE TRIGGER protocol_pdfs_content_insert BEFORE INSERT ON protocol_pdfs
WHEN NEW.content_hash IS NOT (SELECT s.content_hash FROM justering_seals s WHERE s.id = NEW.seal_id)
BEGIN SELECT RAISE(ABORT, '{OTHER_CONTENT}'); END;
CREATE TRIGGER protocol_pdfs_order_insert BEFORE INSERT ON protocol_pdfs
WHEN NEW.version IS NOT COALESCE({_LATEST} + 1, 0) OR NEW.previous_id IS NOT {_LATEST_ID}
BEGIN SELECT RAISE(ABORT, '{OUT_OF_ORDER}'); END;
CREATE TRIGGER protocol_pdfs_stored_update BEFORE UPDATE ON protocol_pdfs
BEGIN SELECT RAISE(ABORT, '{STORED}'); END;
CREATE TRIGGER protocol_pdfs_stored_delete BEFORE DELETE ON protocol_pdfs
BEGIN SELECT RAISE(ABORT, '{STORED}'); END
""")
