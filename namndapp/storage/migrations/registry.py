from sqlite_utils.migrations import Migrations

migrations = Migrations("namndapp")


def run_statements(db, statements: str) -> None:
    """Run several statements inside the migration's transaction (executescript would commit)."""
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)
