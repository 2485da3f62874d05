"""Section "bodies": the meeting's body, its parents and the bodies of its cases, parents first.
Matched by short code; a body that already exists is kept as the database has it."""

from namndapp.exchange.checker import Checker, at
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import register
from namndapp.services.register import BODY_KINDS
from namndapp.storage import register as store, rows

FIELDS = ("short_code", "name", "genitive", "kind", "parent", "case_prefix", "case_number_format",
          "item_numbering", "default_place", "default_start_time", "administration")


def _with_parents(db, body_id: int, found: dict[int, dict]) -> None:
    while body_id and body_id not in found:
        body = rows.get(db, "bodies", body_id, "nämnd")
        found[body_id] = body
        body_id = body["parent_id"]


def _depth(body: dict, by_id: dict[int, dict]) -> int:
    depth = 0
    while body["parent_id"] in by_id:
        body, depth = by_id[body["parent_id"]], depth + 1
    return depth


def collect_bodies(ctx: ExportContext, case_body_ids) -> None:
    """Fill ctx.bodies: the meeting's body and the bodies of its cases, each with its parents."""
    found: dict[int, dict] = {}
    for body_id in [ctx.meeting["body_id"], *case_body_ids]:
        _with_parents(ctx.db, body_id, found)
    ctx.bodies = sorted(found.values(), key=lambda body: (_depth(body, found), body["short_code"]))
    ctx.body_codes = {body["id"]: body["short_code"] for body in ctx.bodies}


class BodiesSection:
    key = "bodies"
    required = True

    def export(self, ctx: ExportContext):
        return [{
            "short_code": body["short_code"], "name": body["name"], "genitive": body["genitive"],
            "kind": body["kind"], "parent": ctx.body_codes.get(body["parent_id"]),
            "case_prefix": body["case_prefix"], "case_number_format": body["case_number_format"],
            "item_numbering": body["item_numbering"], "default_place": body["default_place"],
            "default_start_time": body["default_start_time"], "administration": body["administration"],
        } for body in ctx.bodies]

    def check(self, value, checker: Checker) -> None:
        for index, body in enumerate(checker.array(value, self.key)):
            path = at(self.key, index)
            checker.record(body, path, FIELDS)
            code = checker.text(body, "short_code", path, required=True, max_length=20).strip()
            if code != code.upper():
                checker.fail(at(path, "short_code"),
                             f"kortnamnet skrivs med versaler (”{code.upper()}”, inte ”{code}”).")
            for key in ("name", "genitive"):
                checker.text(body, key, path, required=True, max_length=500)
            checker.case_number_format(body, "case_number_format", path)
            checker.choice(body, "kind", path, BODY_KINDS)
            checker.choice(body, "item_numbering", path, ("per_meeting", "per_year"), required=False)
            checker.time(body, "default_start_time", path)
            for key in ("case_prefix", "default_place", "administration"):
                checker.text(body, key, path, max_length=500)
            parent = checker.text(body, "parent", path, max_length=20)
            if parent is not None:
                checker.refer("body", parent.strip().upper(), at(path, "parent"), "Det överordnade organet")
            existing = store.body_by_code(checker.db, code)
            source = existing or body
            checker.declare("body", code, at(path, "short_code"),
                            {"format": source["case_number_format"], "prefix": source.get("case_prefix") or "",
                             "existing": existing})

    def load(self, value, ctx: ImportContext) -> None:
        for index, body in enumerate(value):
            code = body["short_code"].strip().upper()
            existing = store.body_by_code(ctx.db, code)
            if existing:
                ctx.body_ids[code] = existing["id"]
                ctx.note("organ", "oförändrade")
                continue
            fields = {key: body.get(key) for key in FIELDS if key != "parent"}
            parent = (body.get("parent") or "").strip().upper()
            with ctx.at(at(self.key, index)):
                ctx.body_ids[code] = register.create_body(ctx.db, parent_id=ctx.body_ids.get(parent), **fields)
            ctx.note("organ", "skapade")
