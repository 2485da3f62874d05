"""The audit log, read by what undo looks for: all the entries of one user action (undo and redo read them
by their group). Without it, opening a large register read the whole log once for every change it could
undo.
"""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0012_audit_log")
def m012_audit_log(db):
    run_statements(db, """
CREATE INDEX audit_log_undo_group ON audit_log(undo_group) WHERE undo_group IS NOT NULL
""")
