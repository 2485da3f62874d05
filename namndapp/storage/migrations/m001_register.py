"""The committee register: municipality, bodies, people, cases with reports and documents, meetings,
agenda items, time slots, the audit log and settings."""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0001_register")
def create_register(db):
    run_statements(db, """
CREATE TABLE municipality (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    organisation_number TEXT,
    administration TEXT,
    postal_address TEXT,
    visiting_address TEXT,
    phone TEXT,
    email TEXT,
    website TEXT,
    bankgiro TEXT,
    logo BLOB,
    logo_mime_type TEXT
);
CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    genitive TEXT NOT NULL,
    short_code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('nämnd', 'utskott', 'styrelse', 'fullmäktige', 'beredning')),
    parent_id INTEGER REFERENCES bodies(id),
    case_prefix TEXT NOT NULL DEFAULT '',
    case_number_format TEXT NOT NULL,
    item_numbering TEXT NOT NULL DEFAULT 'per_meeting' CHECK (item_numbering IN ('per_meeting', 'per_year')),
    default_place TEXT,
    default_start_time TEXT,
    administration TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE case_number_counters (
    body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL,
    PRIMARY KEY (body_id, year)
);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    title TEXT,
    email TEXT,
    phone TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('ordförande', 'förste vice ordförande', 'andre vice ordförande',
                                       'vice ordförande', 'ledamot', 'ersättare')),
    party TEXT,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    substitute_order INTEGER,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX memberships_body ON memberships(body_id);
CREATE INDEX memberships_person ON memberships(person_id);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    case_number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    title TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    closed_on TEXT,
    status TEXT NOT NULL DEFAULT 'pågående'
        CHECK (status IN ('pågående', 'redo för beslut', 'beslutat', 'avslutat')),
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    secrecy_ref TEXT,
    public_title TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_body ON cases(body_id, year, sequence);
CREATE TABLE case_officials (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL CHECK (role IN ('handläggare', 'beredningsansvarig')),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (case_id, person_id, role)
);
CREATE TABLE case_reports (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'tjänsteskrivelse' CHECK (kind IN ('tjänsteskrivelse', 'yttrande')),
    report_date TEXT NOT NULL,
    title TEXT NOT NULL,
    addressee TEXT,
    author_unit TEXT,
    proposer_sentence TEXT,
    proposal_clauses TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT '',
    sections TEXT NOT NULL DEFAULT '[]',
    decision_basis TEXT NOT NULL DEFAULT '[]',
    preparers TEXT NOT NULL DEFAULT '[]',
    recipients TEXT NOT NULL DEFAULT '[]',
    signatories TEXT NOT NULL DEFAULT '[]',
    immediate_approval_requested INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX case_reports_case ON case_reports(case_id);
CREATE TABLE document_blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'bilaga',
    document_date TEXT,
    filename TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL REFERENCES document_blobs(sha256),
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    secrecy_ref TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX documents_case ON documents(case_id);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    meeting_date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    kind TEXT NOT NULL DEFAULT 'ordinarie' CHECK (kind IN ('ordinarie', 'extra')),
    status TEXT NOT NULL DEFAULT 'planerat'
        CHECK (status IN ('planerat', 'kallat', 'genomfört', 'justerat')),
    notice_date TEXT,
    notice_sent_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX meetings_body_date ON meetings(body_id, meeting_date);
CREATE TABLE time_slots (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    title TEXT NOT NULL,
    presenters TEXT,
    CHECK (end_time > start_time)
);
CREATE INDEX time_slots_meeting ON time_slots(meeting_id, position);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_number INTEGER,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'beslut' CHECK (kind IN ('beslut', 'information', 'anmälan', 'val')),
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    report_id INTEGER REFERENCES case_reports(id) ON DELETE SET NULL,
    presenter TEXT,
    time_slot_id INTEGER REFERENCES time_slots(id) ON DELETE SET NULL,
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    public_title TEXT,
    standing_key TEXT,
    note TEXT
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_case ON agenda_items(case_id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'event')),
    entity TEXT NOT NULL,
    entity_id INTEGER,
    summary TEXT NOT NULL,
    before TEXT,
    after TEXT,
    undo_group TEXT,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
)
""")
