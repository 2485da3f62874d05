"""The house style: one row per setting chosen for the whole municipality (body_id NULL) or for one body
(an override). Settings left out take the standard value (namndapp.documents.house_style)."""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0009_house_style")
def house_style(db):
    run_statements(db, """
CREATE TABLE house_style (
    id INTEGER PRIMARY KEY,
    body_id INTEGER REFERENCES bodies(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE UNIQUE INDEX house_style_scope_key ON house_style(COALESCE(body_id, 0), key)
""")
