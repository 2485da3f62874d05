"""A tjänsteskrivelse can be marked confidential on its own (OSL reference), like a case or a document;
an item or § whose tjänsteskrivelse is marked so is confidential in every public version."""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0005_confidential_reports")
def confidential_reports(db):
    run_statements(db, """
ALTER TABLE case_reports ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));
ALTER TABLE case_reports ADD COLUMN secrecy_ref TEXT
""")
