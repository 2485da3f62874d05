"""Justering and anslag: the approvers' answers per round, the seal that chains each justerat protokoll to
the body's previous one, the anslag with its dates, and triggers that make a justerat protokoll (or a §
justerad on its own) read-only in the database itself, whoever writes: a service, undo, an import or
plain SQL. A correction after justering is a protokollsanteckning in a later protokoll, never an edit.
"""

from namndapp.storage.migrations.registry import migrations, run_statements

FROZEN = ("Protokollet är justerat och får inte ändras; en rättelse görs som en protokollsanteckning "
          "i ett senare protokoll")
FROZEN_PARAGRAPH = ("Paragrafen är justerad och får inte ändras; en rättelse görs som en protokollsanteckning "
                    "i ett senare protokoll")
SEALED = "Justeringens sigill och anslagens historik ändras aldrig; ett nytt anslag läggs till i stället"

_MINUTES_JUSTERAT = "EXISTS (SELECT 1 FROM minutes m WHERE m.meeting_id = {meeting} AND m.status = 'justerat')"
_PARAGRAPH_FROZEN = ("EXISTS (SELECT 1 FROM paragraphs p LEFT JOIN minutes m ON m.meeting_id = p.meeting_id "
                     "WHERE p.id = {paragraph} AND (p.status = 'justerad' OR m.status = 'justerat'))")
_PROPOSITION_FROZEN = _PARAGRAPH_FROZEN.format(
    paragraph="(SELECT q.paragraph_id FROM propositions q WHERE q.id = {proposition})")

_MEETING_CONTENT = ("body_id", "meeting_date", "start_time", "end_time", "place", "kind", "status")

# table → the condition, on one row image (NEW or OLD), under which that row belongs to frozen content
_FROZEN_WHEN = {
    "attendance": _MINUTES_JUSTERAT.format(meeting="{row}.meeting_id"),
    "adjournments": _MINUTES_JUSTERAT.format(meeting="{row}.meeting_id")
                    + " OR " + _PARAGRAPH_FROZEN.format(paragraph="{row}.paragraph_id"),
    "motions": _PARAGRAPH_FROZEN.format(paragraph="{row}.paragraph_id"),
    "propositions": _PARAGRAPH_FROZEN.format(paragraph="{row}.paragraph_id"),
    "reservations": _PARAGRAPH_FROZEN.format(paragraph="{row}.paragraph_id"),
    "disqualifications": _PARAGRAPH_FROZEN.format(paragraph="{row}.paragraph_id"),
    "minutes_notes": _PARAGRAPH_FROZEN.format(paragraph="{row}.paragraph_id"),
    "ballots": _PROPOSITION_FROZEN.format(proposition="{row}.proposition_id"),
}


def _freeze_statements() -> str:
    statements = []
    for table, condition in _FROZEN_WHEN.items():
        old, new = condition.format(row="OLD"), condition.format(row="NEW")
        for event, when in (("INSERT", new), ("UPDATE", f"({old}) OR ({new})"), ("DELETE", old)):
            statements.append(f"CREATE TRIGGER {table}_frozen_{event.lower()} BEFORE {event} ON {table} "
                              f"WHEN {when} BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END")
    justerat_new = _MINUTES_JUSTERAT.format(meeting="NEW.meeting_id")
    justerat_old = _MINUTES_JUSTERAT.format(meeting="OLD.meeting_id")
    meeting_justerat = _MINUTES_JUSTERAT.format(meeting="OLD.id")
    statements += [
        f"CREATE TRIGGER paragraphs_frozen_insert BEFORE INSERT ON paragraphs WHEN {justerat_new} "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
        f"CREATE TRIGGER paragraphs_frozen_update BEFORE UPDATE ON paragraphs WHEN {justerat_old} OR {justerat_new} "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
        f"CREATE TRIGGER paragraphs_justerad_update BEFORE UPDATE ON paragraphs WHEN OLD.status = 'justerad' "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN_PARAGRAPH}'); END",
        f"CREATE TRIGGER paragraphs_frozen_delete BEFORE DELETE ON paragraphs "
        f"WHEN OLD.status = 'justerad' OR {justerat_old} BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
        f"CREATE TRIGGER minutes_frozen_update BEFORE UPDATE ON minutes WHEN OLD.status = 'justerat' "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
        f"CREATE TRIGGER minutes_frozen_delete BEFORE DELETE ON minutes WHEN OLD.status = 'justerat' "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
        # What the protokoll says about its meeting stays; the kallelse columns do not belong to the protokoll.
        f"CREATE TRIGGER meetings_frozen_update BEFORE UPDATE OF {', '.join(_MEETING_CONTENT)} ON meetings "
        f"WHEN {meeting_justerat} AND ({' OR '.join(f'NEW.{c} IS NOT OLD.{c}' for c in _MEETING_CONTENT)}) "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
        f"CREATE TRIGGER meetings_frozen_delete BEFORE DELETE ON meetings WHEN {meeting_justerat} "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END",
    ]
    for table in ("justering_seals", "anslag"):
        for event in ("UPDATE", "DELETE"):
            statements.append(f"CREATE TRIGGER {table}_sealed_{event.lower()} BEFORE {event} ON {table} "
                              f"BEGIN SELECT RAISE(ABORT, '{SEALED}'); END")
    return ";\n".join(statements)


@migrations(name="0007_justering")
def create_justering(db):
    run_statements(db, """
CREATE TABLE justering_responses (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL CHECK (role IN ('ordförande', 'justerare')),
    verdict TEXT NOT NULL CHECK (verdict IN ('godkänt', 'ändringsförslag')),
    comments TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    responded_at TEXT NOT NULL,
    os_user TEXT NOT NULL
);
CREATE INDEX justering_responses_meeting ON justering_responses(meeting_id, id);
CREATE TABLE justering_seals (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id),
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    justerad_on TEXT NOT NULL,
    justerad_at TEXT NOT NULL,
    canonical_version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    previous_seal_id INTEGER REFERENCES justering_seals(id),
    chain_hash TEXT NOT NULL
);
CREATE INDEX justering_seals_body ON justering_seals(body_id, id);
CREATE TABLE anslag (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    posted_on TEXT NOT NULL,
    last_appeal_day TEXT NOT NULL,
    take_down_on TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT 'anslag' CHECK (reason IN ('anslag', 'återanslag')),
    note TEXT,
    storage_place TEXT,
    created_at TEXT NOT NULL,
    os_user TEXT NOT NULL
);
CREATE INDEX anslag_meeting ON anslag(meeting_id, id);
""" + _freeze_statements())
