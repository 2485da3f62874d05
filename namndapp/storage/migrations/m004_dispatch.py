"""Expediering: which protokollsutdrag went to whom, when, how and as which files."""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0004_dispatch")
def create_dispatch(db):
    run_statements(db, """
CREATE TABLE dispatches (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE SET NULL,
    paragraph_number INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('fil', 'utskrift')),
    public_version INTEGER NOT NULL DEFAULT 0 CHECK (public_version IN (0, 1)),
    before_approval INTEGER NOT NULL DEFAULT 0 CHECK (before_approval IN (0, 1)),
    files TEXT NOT NULL DEFAULT '[]',
    batch TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    os_user TEXT NOT NULL
);
CREATE INDEX dispatches_meeting ON dispatches(meeting_id, sent_at);
CREATE INDEX dispatches_paragraph ON dispatches(paragraph_id)
""")
