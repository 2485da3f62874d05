"""Issue 3, the agenda: a template of standing items per body, and the index that keeps item numbers
quick to look up across a body's meetings of a year."""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0002_agenda")
def create_agenda(db):
    run_statements(db, """
CREATE TABLE standing_items (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    placement TEXT NOT NULL CHECK (placement IN ('opening', 'closing')),
    position INTEGER NOT NULL,
    standing_key TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'beslut' CHECK (kind IN ('beslut', 'information', 'anmälan', 'val')),
    UNIQUE (body_id, standing_key)
);
CREATE INDEX standing_items_body ON standing_items(body_id, placement, position);
CREATE INDEX agenda_items_number ON agenda_items(meeting_id, item_number)
""")
