"""Delegation: the delegationsordning in versions (points, levels, delegates), the delegated decisions,
their imports and remembered column mappings, and their anmälan to a meeting."""

from namndapp.storage.migrations.registry import migrations, run_statements


@migrations(name="0006_delegation")
def create_delegation(db):
    run_statements(db, """
CREATE TABLE delegation_orders (
    id INTEGER PRIMARY KEY,
    body_id INTEGER REFERENCES bodies(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    adopted_ref TEXT,
    source_file TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX delegation_orders_valid ON delegation_orders(valid_from);
CREATE TABLE delegation_rules (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES delegation_orders(id) ON DELETE CASCADE,
    point TEXT NOT NULL,
    chapter TEXT NOT NULL,
    heading TEXT,
    matter TEXT NOT NULL,
    legal_ref TEXT,
    remark TEXT,
    utskott_only INTEGER NOT NULL DEFAULT 0 CHECK (utskott_only IN (0, 1)),
    position INTEGER NOT NULL,
    UNIQUE (order_id, point)
);
CREATE TABLE delegation_delegates (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER NOT NULL REFERENCES delegation_rules(id) ON DELETE CASCADE,
    level INTEGER NOT NULL DEFAULT 0,
    level_text TEXT,
    threshold_value REAL,
    threshold_unit TEXT CHECK (threshold_unit IN ('procent_pbb', 'pbb', 'kronor', 'dygn', 'dagar', 'månader', 'år')),
    role TEXT NOT NULL,
    condition TEXT,
    rank INTEGER NOT NULL
);
CREATE INDEX delegation_delegates_rule ON delegation_delegates(rule_id, level, rank);
CREATE TABLE delegation_imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    mapping_name TEXT,
    rows_read INTEGER NOT NULL,
    rows_added INTEGER NOT NULL,
    rows_known INTEGER NOT NULL,
    rows_with_warnings INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    os_user TEXT NOT NULL
);
CREATE TABLE delegation_mappings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    columns TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE delegation_reports (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    decision_count INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX delegation_reports_meeting ON delegation_reports(meeting_id);
CREATE TABLE delegated_decisions (
    id INTEGER PRIMARY KEY,
    decision_date TEXT NOT NULL,
    point TEXT,
    rule_id INTEGER REFERENCES delegation_rules(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    outcome TEXT,
    legal_ref TEXT,
    delegate_role TEXT,
    delegate_name TEXT,
    area TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL,
    case_number TEXT,
    subject TEXT,
    person_key TEXT,
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    chair_decision INTEGER NOT NULL DEFAULT 0 CHECK (chair_decision IN (0, 1)),
    warnings TEXT NOT NULL DEFAULT '',
    report_id INTEGER REFERENCES delegation_reports(id) ON DELETE SET NULL,
    import_id INTEGER REFERENCES delegation_imports(id) ON DELETE SET NULL,
    natural_key INTEGER NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE INDEX delegated_decisions_date ON delegated_decisions(decision_date);
CREATE INDEX delegated_decisions_report ON delegated_decisions(report_id);
CREATE INDEX delegated_decisions_chair ON delegated_decisions(decision_date) WHERE chair_decision = 1
""")
