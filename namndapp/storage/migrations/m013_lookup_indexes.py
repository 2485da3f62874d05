"""Indexes for what opening one meeting reads by its §§ and by the meeting itself (reservations, notes and
adjournments), and for a person's attendance: without them each of these read the whole table, so opening a
meeting got slower as the years of meetings grew.
"""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0013_lookup_indexes")
def m013_lookup_indexes(db):
    run_statements(db, """
CREATE INDEX IF NOT EXISTS reservations_paragraph ON reservations(paragraph_id);
CREATE INDEX IF NOT EXISTS minutes_notes_paragraph ON minutes_notes(paragraph_id);
CREATE INDEX IF NOT EXISTS adjournments_meeting ON adjournments(meeting_id);
CREATE INDEX IF NOT EXISTS attendance_person ON attendance(person_id)
""")
