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
    ("0005_confidential_reports", "m005_confidential_reports",
     "87b43691483313b09aee5f8973acb917c9eabc001d1e5c962149e7c4586f0bd8"),
    ("0006_delegation", "m006_delegation",
     "6b26c878af9e512e8526f5b19247044039cbe667f77aaba081848c48a284e7f9"),
    ("0007_justering", "m007_justering",
     "aeb5f9cdec0e191b214cf880e96a69fb32d4b8e85c43b1357f2c1a28e29a5f30"),
    ("0009_house_style", "m009_house_style",
     "7ac42588be8286762f44dc356c42f3a4c32acc2fdbe32e623226fdec07edcc85"),
    ("0010_search", "m010_search",
     "84e680f7117001b1f172fc059f4f292db380d4513afb70774d60ee276dacbe7d"),
    ("0011_signed_protocols", "m011_signed_protocols",
     "241fc8843b45bd6819b11e58425786fbe048d82f7cc7d076a73f18c6392b7d22"),
    ("0012_audit_log", "m012_audit_log",
     "7b0fd455a81f606258d538bcebe40e122180980a37267cc4a375674668a8c638"),
    ("0013_lookup_indexes", "m013_lookup_indexes",
     "79662514c8bdb31b13f5d9bc53a58ed38340ad84fad76c4f5a063aa15367c2fd"),
)


def run_statements(db, statements: str) -> None:
    """Run several statements inside the migration's transaction (executescript would commit)."""
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)
