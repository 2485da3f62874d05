from sqlite_utils.migrations import Migrations

migrations = Migrations("namndapp")

# The steps of released versions, in the order they run, with the sha256 of the module that holds each
# (line endings as LF). Databases out there have run exactly these: a released step is never edited,
# renamed, removed or moved. tests/reliability holds the registry against this list; when a version is
# released, append its new steps here. New steps may only be added after the last one.
RELEASED = (
    ("0001_register", "m001_register", "5cf70be69e3fa23b2c8830eff4ecc7460b415cef74ea55565420b90bb5cb740e"),
    ("0002_agenda", "m002_agenda", "c18f131a57633d7468d16b022b415d8b7e955f15db454dde3c6737f7dfa800d4"),
    ("0003_minutes", "m003_minutes", "24f07f651380bb560288e14d5298f7e98120c668ba91717976a86aa6a9766c9d"),
    ("0004_dispatch", "m004_dispatch", "9b114dc823ccee0101f115e5f8c97f343e181789d0e961812c12341052e5e646"),
)


def run_statements(db, statements: str) -> None:
    """Run several statements inside the migration's transaction (executescript would commit)."""
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)
