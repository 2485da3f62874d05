"""Sections "persons" and "memberships".

A person's key in the file is "Förnamn Efternamn <e-post>" (without the e-post part when there is
none); on import a person with the same first name, last name and e-mail (case-insensitive) is the
same person. People who exist are kept as the database has them.
"""

from namndapp import swedish
from namndapp.exchange.checker import Checker, at
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import register
from namndapp.services.register import ROLES
from namndapp.storage import cases as case_store, register as store, rows

PERSON_FIELDS = ("key", "first_name", "last_name", "title", "email", "phone")
MEMBERSHIP_FIELDS = ("body", "person", "role", "party", "valid_from", "valid_to", "substitute_order")


def person_key(person: dict) -> str:
    name = f"{person['first_name']} {person['last_name']}"
    return f"{name} <{person['email']}>" if person.get("email") else name


def _identity(first_name, last_name, email) -> tuple[str, str, str]:
    return swedish.fold(first_name or "").strip(), swedish.fold(last_name or "").strip(), swedish.fold(email or "").strip()


def exported_memberships(ctx: ExportContext) -> list[dict]:
    """The meeting body's memberships valid on the meeting day, in the register's order."""
    return store.members(ctx.db, ctx.meeting["body_id"], ctx.meeting["meeting_date"])


def collect_persons(ctx: ExportContext) -> None:
    person_ids = {member["person_id"] for member in exported_memberships(ctx)}
    for case_id in ctx.case_numbers:
        person_ids.update(official["person_id"] for official in case_store.officials(ctx.db, case_id))
    persons = [rows.get(ctx.db, "persons", person_id, "person") for person_id in person_ids]
    persons.sort(key=lambda p: (swedish.sort_key(p["last_name"]), swedish.sort_key(p["first_name"]),
                                p.get("email") or "", p["id"]))
    used: set[str] = set()
    for person in persons:
        key, counter = person_key(person), 2
        while key in used:  # two people in the register with the same name and e-mail
            key, counter = f"{person_key(person)} ({counter})", counter + 1
        used.add(key)
        ctx.person_keys[person["id"]] = key
    ctx.persons = persons


class PersonsSection:
    key = "persons"
    required = True

    def export(self, ctx: ExportContext):
        return [{"key": ctx.person_keys[person["id"]], "first_name": person["first_name"],
                 "last_name": person["last_name"], "title": person["title"], "email": person["email"],
                 "phone": person["phone"]} for person in ctx.persons]

    def check(self, value, checker: Checker) -> None:
        for index, person in enumerate(checker.array(value, self.key)):
            path = at(self.key, index)
            checker.record(person, path, PERSON_FIELDS)
            key = checker.text(person, "key", path, required=True, max_length=500)
            checker.text(person, "first_name", path, required=True, max_length=100)
            checker.text(person, "last_name", path, required=True, max_length=100)
            for field in ("title", "email", "phone"):
                checker.text(person, field, path, max_length=200)
            checker.declare("person", key, at(path, "key"))

    def load(self, value, ctx: ImportContext) -> None:
        register_by_identity: dict[tuple, int] = {}
        for existing in store.persons(ctx.db):
            register_by_identity.setdefault(
                _identity(existing["first_name"], existing["last_name"], existing["email"]), existing["id"])
        for index, person in enumerate(value):
            identity = _identity(person["first_name"], person["last_name"], person.get("email"))
            if identity in register_by_identity:
                ctx.person_ids[person["key"]] = register_by_identity[identity]
                ctx.note("personer", "oförändrade")
                continue
            with ctx.at(at(self.key, index)):
                person_id = register.create_person(ctx.db, **{k: person.get(k) for k in PERSON_FIELDS if k != "key"})
            register_by_identity[identity] = ctx.person_ids[person["key"]] = person_id
            ctx.note("personer", "skapade")


class MembershipsSection:
    key = "memberships"
    required = True

    def export(self, ctx: ExportContext):
        return [{"body": ctx.body_codes[member["body_id"]], "person": ctx.person_keys[member["person_id"]],
                 "role": member["role"], "party": member["party"], "valid_from": member["valid_from"],
                 "valid_to": member["valid_to"], "substitute_order": member["substitute_order"]}
                for member in exported_memberships(ctx)]

    def check(self, value, checker: Checker) -> None:
        for index, member in enumerate(checker.array(value, self.key)):
            path = at(self.key, index)
            checker.record(member, path, MEMBERSHIP_FIELDS)
            checker.refer("body", checker.text(member, "body", path, required=True).strip().upper(),
                          at(path, "body"), "Organet")
            checker.refer("person", checker.text(member, "person", path, required=True), at(path, "person"),
                          "Personen")
            checker.choice(member, "role", path, ROLES)
            checker.text(member, "party", path, max_length=20)
            valid_from = checker.date(member, "valid_from", path, required=True)
            valid_to = checker.date(member, "valid_to", path)
            if valid_to is not None and swedish.parse_date(valid_to) < swedish.parse_date(valid_from):
                checker.fail(at(path, "valid_to"), f"uppdraget kan inte sluta ({valid_to}) innan det börjar "
                                                   f"({valid_from}).")
            checker.integer(member, "substitute_order", path, minimum=1)

    def load(self, value, ctx: ImportContext) -> None:
        for index, member in enumerate(value):
            body_id = ctx.body_ids[member["body"].strip().upper()]
            person_id = ctx.person_ids[member["person"]]
            valid_from = swedish.iso_date(member["valid_from"])
            same = [m for m in store.members(ctx.db, body_id) if m["person_id"] == person_id
                    and m["role"] == member["role"] and m["valid_from"] == valid_from]
            if same:
                ctx.note("uppdrag", "oförändrade")
                continue
            with ctx.at(at(self.key, index)):
                register.add_membership(ctx.db, body_id=body_id, person_id=person_id, role=member["role"],
                                        party=member.get("party"), valid_from=valid_from,
                                        valid_to=member.get("valid_to"), substitute_order=member.get("substitute_order"))
            ctx.note("uppdrag", "skapade")
