"""Full-text search: one FTS5 index over the texts a secretary looks for, kept in step by triggers.

Every indexed text is a row of `search_index` whose rowid says where it came from: the source row's id
times 8 plus the kind's code (KINDS), so a trigger finds its entry by rowid without a lookup. Triggers
cover every writer (services, undo, an import, plain SQL). Which hits are confidential, and their body
and year, are read from the source rows when searching, never copied into the index.

The tokenizer keeps å, ä and ö as letters of their own (remove_diacritics 0: "år" is not "ar") and
folds case; prefix indexes of two and three characters keep "delegat*" quick.
"""

from namndapp.storage.migrations.registry import migrations, run_statements

KIND_BITS = 3

def _joined(*parts: str) -> str:
    """The non-empty parts joined by " · " (concat_ws came in a later SQLite than the one we meet)."""
    return "substr(" + " || ".join(f"coalesce(' · ' || nullif({part}, ''), '')" for part in parts) + ", 4)"


# kind → (code, source table, title expression, body expression, the columns whose change re-indexes it).
# Delegated decisions come with the delegation tables; a database without them indexes the rest.
KINDS = {
    "case": (0, "cases", "{r}.title", "{r}.case_number", ("title", "case_number")),
    "report": (1, "case_reports", "{r}.title",
               _joined("{r}.description", "{r}.proposer_sentence", "{proposal_clauses}", "{sections}"),
               ("title", "description", "proposer_sentence", "proposal_clauses", "sections")),
    "paragraph": (2, "paragraphs", "{r}.title", "{r}.description", ("title", "description")),
    "decision": (3, "paragraphs", "NULL", _joined("{r}.decision_intro_text", "{clauses}"),
                 ("decision_intro_text", "clauses")),
    "motion": (4, "motions", "NULL", _joined("{r}.on_behalf_of", "{r}.text", "{r}.sentence_text"),
               ("on_behalf_of", "text", "sentence_text")),
    "reservation": (5, "reservations", "NULL", _joined("{r}.in_favour_of", "{r}.text", "{r}.sentence_text"),
                    ("in_favour_of", "text", "sentence_text")),
    "note": (6, "minutes_notes", "NULL", _joined("{r}.text", "{r}.sentence_text"), ("text", "sentence_text")),
    "delegated": (7, "delegated_decisions", "{r}.kind",
                  _joined("{r}.outcome", "{r}.subject", "{r}.case_number", "{r}.legal_ref", "{r}.point",
                          "{r}.delegate_role", "{r}.delegate_name", "{r}.unit", "{r}.area"),
                  ("kind", "outcome", "subject", "case_number", "legal_ref", "point", "delegate_role",
                   "delegate_name", "unit", "area")),
}

# The strings of a JSON list or object (clauses, sections), joined; a value that is not JSON is taken as it is.
_JSON_TEXT = ("(CASE WHEN json_valid({col}) THEN (SELECT group_concat(value, ' · ') FROM json_tree({col}) "
              "WHERE type = 'text') ELSE {col} END)")


def expressions(kind: str, row: str) -> tuple[str, str, str]:
    """(rowid, title, body) of one kind's entry, as SQL over the row image `row` (NEW, OLD or a table alias)."""
    code, _table, title, body, _columns = KINDS[kind]
    json_parts = {name: _JSON_TEXT.format(col=f"{row}.{name}") for name in ("proposal_clauses", "sections", "clauses")}
    return (f"({row}.id << {KIND_BITS}) + {code}", title.format(r=row),
            body.format(r=row, **json_parts))


# While a bulk insert holds this setting (plus the kind), the insert trigger leaves the rows to it: FTS5 flushes
# its buffer at every statement a trigger runs, so 100,000 imported decisions would cost five times as much
# row by row as indexed together afterwards (storage.search.deferred does that, in the same transaction).
DEFERRED_KEY = "search.deferred."


def trigger_statements(kind: str) -> list[str]:
    _code, table, _title, _body, columns = KINDS[kind]
    new_rowid, title, body = expressions(kind, "NEW")
    old_rowid = expressions(kind, "OLD")[0]
    insert = f"INSERT INTO search_index(rowid, title, body) VALUES ({new_rowid}, {title}, {body})"
    delete = f"DELETE FROM search_index WHERE rowid = {old_rowid}"
    name = f"search_{kind}"
    deferred = f"NOT EXISTS (SELECT 1 FROM settings WHERE key = '{DEFERRED_KEY}{kind}')"
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} WHEN {deferred} BEGIN {insert}; END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF id, {', '.join(columns)} ON {table} "
        f"BEGIN {delete}; {insert}; END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {delete}; END",
    ]


def fill_statement(kind: str, after_id: int | None = None) -> str:
    """The statement that indexes every row of the kind's table (or those with an id above `after_id`)."""
    _code, table, _title, _body, _columns = KINDS[kind]
    rowid, title, body = expressions(kind, "s")
    where = f" WHERE s.id > {int(after_id)}" if after_id is not None else ""
    return f"INSERT INTO search_index(rowid, title, body) SELECT {rowid}, {title}, {body} FROM {table} s{where}"


def table_exists(db, table: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone() is not None


def indexed_kinds(db) -> list[str]:
    """The kinds whose source table exists in this database (delegated decisions come with delegation)."""
    return [kind for kind, (_c, table, *_rest) in KINDS.items() if table_exists(db, table)]


def _statements(db) -> str:
    statements = [
        "CREATE VIRTUAL TABLE search_index USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')",
        # A word in a heading weighs more than one in the text.
        "INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(3.0, 1.0)')",
    ]
    for kind in indexed_kinds(db):
        statements += trigger_statements(kind)
        statements.append(fill_statement(kind))
    # Found while building ten years: an agenda item's § was looked up by scanning every §, so opening a
    # meeting grew with the register (the confidentiality marks of an item read its §).
    statements.append("CREATE INDEX IF NOT EXISTS paragraphs_agenda_item ON paragraphs(agenda_item_id)")
    return ";\n".join(statements)


@migrations(name="0010_search")
def create_search(db):
    run_statements(db, _statements(db))
