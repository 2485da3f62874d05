"""The minutes (protokoll) of a meeting: attendance, numbered paragraphs (§) and what happened in each.

Standard sentences are generated when read; the columns named `*_text` hold only what the secretary
typed over them (NULL = use the generated wording). Lists of person ids and of text lines are JSON.
`status` columns prepare for the justering issue, which will freeze a justerad § or protokoll.
"""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0003_minutes")
def create_minutes(db):
    run_statements(db, """
CREATE TABLE minutes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'öppet' CHECK (status IN ('öppet', 'klart för justering', 'justerat')),
    opened_at TEXT NOT NULL,
    chair_person_id INTEGER REFERENCES persons(id),
    secretary_person_id INTEGER REFERENCES persons(id),
    adjuster_person_ids TEXT NOT NULL DEFAULT '[]',
    approval_place TEXT,
    approval_date TEXT,
    approval_time TEXT,
    approved_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE paragraph_counters (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    UNIQUE (body_id, year)
);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number > 0),
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    report_id INTEGER REFERENCES case_reports(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    item_kind TEXT NOT NULL DEFAULT 'beslut' CHECK (item_kind IN ('beslut', 'information', 'anmälan', 'val')),
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    public_title TEXT,
    secrecy_ref TEXT,
    status TEXT NOT NULL DEFAULT 'öppen' CHECK (status IN ('öppen', 'beslutad', 'justerad')),
    outcome TEXT CHECK (outcome IN ('bifall', 'avslag', 'ändrat', 'återremiss', 'bordläggning', 'information',
                                    'utan eget yttrande')),
    decision_kind TEXT NOT NULL DEFAULT 'beslut' CHECK (decision_kind IN ('beslut', 'förslag')),
    proposal_to_body_id INTEGER REFERENCES bodies(id),
    decision_intro_text TEXT,
    clauses TEXT NOT NULL DEFAULT '[]',
    proposal_label TEXT,
    description TEXT NOT NULL DEFAULT '',
    decision_basis TEXT NOT NULL DEFAULT '[]',
    preparers TEXT NOT NULL DEFAULT '[]',
    recipients TEXT NOT NULL DEFAULT '[]',
    immediate_approval INTEGER NOT NULL DEFAULT 0 CHECK (immediate_approval IN (0, 1)),
    approved_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (body_id, year, number)
);
CREATE INDEX paragraphs_meeting ON paragraphs(meeting_id, number);
CREATE INDEX paragraphs_case ON paragraphs(case_id);
CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    capacity TEXT NOT NULL CHECK (capacity IN ('ledamot', 'ersättare', 'övrig')),
    role TEXT,
    party TEXT,
    present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    replaces_person_id INTEGER REFERENCES persons(id),
    from_number INTEGER,
    to_number INTEGER,
    position INTEGER NOT NULL DEFAULT 0,
    CHECK (from_number IS NULL OR to_number IS NULL OR to_number >= from_number),
    CHECK (replaces_person_id IS NULL OR capacity = 'ersättare')
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);
CREATE TABLE motions (
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    party TEXT,
    on_behalf_of TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('bifall', 'avslag', 'återremiss', 'bordläggning', 'ändring', 'tillägg', 'eget')),
    target_motion_id INTEGER REFERENCES motions(id),
    text TEXT,
    sentence_text TEXT,
    withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1))
);
CREATE INDEX motions_paragraph ON motions(paragraph_id, position);
CREATE TABLE propositions (
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('bifall_avslag', 'mot_varandra', 'återremiss', 'bordläggning')),
    first_motion_id INTEGER REFERENCES motions(id),
    second_motion_id INTEGER REFERENCES motions(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('first', 'second')),
    by_vote INTEGER NOT NULL DEFAULT 0 CHECK (by_vote IN (0, 1)),
    sentence_text TEXT,
    vote_text TEXT
);
CREATE INDEX propositions_paragraph ON propositions(paragraph_id, position);
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    proposition_id INTEGER NOT NULL REFERENCES propositions(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    vote TEXT NOT NULL CHECK (vote IN ('ja', 'nej', 'avstår')),
    UNIQUE (proposition_id, person_id)
);
CREATE TABLE reservations (
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_ids TEXT NOT NULL,
    motion_id INTEGER REFERENCES motions(id),
    in_favour_of TEXT,
    text TEXT,
    sentence_text TEXT
);
CREATE TABLE disqualifications (
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    substitute_person_id INTEGER REFERENCES persons(id),
    note TEXT,
    sentence_text TEXT,
    UNIQUE (paragraph_id, person_id)
);
CREATE TABLE minutes_notes (
    id INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_ids TEXT NOT NULL,
    text TEXT NOT NULL,
    sentence_text TEXT
);
CREATE TABLE adjournments (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    sentence_text TEXT,
    CHECK (end_time > start_time)
)
""")
