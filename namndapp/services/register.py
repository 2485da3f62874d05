"""The register: the municipality, its bodies, people and memberships."""

from sqlite_utils import Database

from namndapp.case_numbers import CaseNumberFormat
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import validate as v
from namndapp.storage import register as store, rows

BODY_KINDS = ("nämnd", "utskott", "styrelse", "fullmäktige", "beredning")
ROLES = ("ordförande", "förste vice ordförande", "andre vice ordförande", "vice ordförande", "ledamot", "ersättare")
PARTIES = ("S", "M", "SD", "C", "V", "KD", "L", "MP")
MUNICIPALITY_FIELDS = ("name", "organisation_number", "administration", "postal_address", "visiting_address",
                       "phone", "email", "website", "bankgiro")


def set_municipality(db: Database, **fields) -> dict:
    values = {"name": v.required_text(fields.get("name"), "Kommunens namn")}
    for key in MUNICIPALITY_FIELDS[1:]:
        if key in fields:
            values[key] = v.optional_text(fields[key], key)
    if "logo" in fields:
        values["logo"] = fields["logo"]
        values["logo_mime_type"] = fields.get("logo_mime_type") or "image/png"
    with db.atomic():
        before = store.municipality(db)
        store.save_municipality(db, values)
        rows.log(db, "update" if before else "insert", "municipality", 1, f"Kommunuppgifter: {values['name']}",
                 before=before, after=store.municipality(db))
    return store.municipality(db)


def _body_values(db: Database, fields: dict, existing: dict | None = None) -> dict:
    merged = {**(existing or {}), **fields}
    values = {
        "name": v.required_text(merged.get("name"), "Namnet"),
        "genitive": v.required_text(merged.get("genitive"), "Namnet i genitiv (t.ex. ”Socialnämndens”)"),
        "short_code": v.required_text(merged.get("short_code"), "Kortnamnet", max_length=20).upper(),
        "kind": v.choice(merged.get("kind") or "nämnd", "Typ av organ", BODY_KINDS),
        "parent_id": merged.get("parent_id") or None,
        "case_prefix": v.clean_text(merged.get("case_prefix") or merged.get("short_code") or "").upper(),
        "case_number_format": v.required_text(merged.get("case_number_format") or "{prefix}-{year}/{seq:05}",
                                              "Formatet för diarienummer", max_length=60),
        "item_numbering": v.choice(merged.get("item_numbering") or "per_meeting", "Numrering av punkter",
                                   ("per_meeting", "per_year")),
        "default_place": v.optional_text(merged.get("default_place"), "Sammanträdesplats", max_length=200),
        "default_start_time": v.optional_time(merged.get("default_start_time"), "Starttid"),
        "administration": v.optional_text(merged.get("administration"), "Förvaltning", max_length=200),
    }
    CaseNumberFormat(values["case_number_format"], values["case_prefix"])  # raises on a bad format
    if values["kind"] == "utskott" and not values["parent_id"]:
        raise ValidationError("Ett utskott måste höra till en nämnd (välj överordnat organ).")
    if values["parent_id"]:
        parent = rows.get(db, "bodies", values["parent_id"], "nämnd")
        if existing and parent["id"] == existing["id"]:
            raise ValidationError("Ett organ kan inte vara överordnat sig självt.")
    clash = store.body_by_code(db, values["short_code"])
    if clash and (not existing or clash["id"] != existing["id"]):
        raise ConflictError(f"Kortnamnet {values['short_code']} används redan av {clash['name']}.")
    return values


def create_body(db: Database, **fields) -> int:
    with db.atomic():
        values = _body_values(db, fields)
        values["created_at"] = rows.now()
        return rows.insert(db, "bodies", values, f"Nytt organ: {values['name']}")


def update_body(db: Database, body_id: int, **fields) -> dict:
    with db.atomic():
        existing = rows.get(db, "bodies", body_id, "nämnd")
        values = _body_values(db, fields, existing)
        return rows.update(db, "bodies", body_id, values, f"Ändrat organ: {values['name']}")


def _person_values(fields: dict, existing: dict | None = None) -> dict:
    merged = {**(existing or {}), **fields}
    return {
        "first_name": v.required_text(merged.get("first_name"), "Förnamnet", max_length=100),
        "last_name": v.required_text(merged.get("last_name"), "Efternamnet", max_length=100),
        "title": v.optional_text(merged.get("title"), "Titeln", max_length=200),
        "email": v.optional_text(merged.get("email"), "E-postadressen", max_length=200),
        "phone": v.optional_text(merged.get("phone"), "Telefonnumret", max_length=50),
        "note": v.optional_text(merged.get("note"), "Anteckningen", multiline=True),
    }


def create_person(db: Database, **fields) -> int:
    with db.atomic():
        values = _person_values(fields)
        values["created_at"] = rows.now()
        return rows.insert(db, "persons", values, f"Ny person: {values['first_name']} {values['last_name']}")


def update_person(db: Database, person_id: int, **fields) -> dict:
    with db.atomic():
        existing = rows.get(db, "persons", person_id, "person")
        values = _person_values(fields, existing)
        return rows.update(db, "persons", person_id, values,
                           f"Ändrad person: {values['first_name']} {values['last_name']}")


def _membership_values(db: Database, fields: dict, existing: dict | None = None) -> dict:
    merged = {**(existing or {}), **fields}
    rows.get(db, "bodies", merged.get("body_id"), "nämnd")
    rows.get(db, "persons", merged.get("person_id"), "person")
    values = {
        "body_id": merged["body_id"],
        "person_id": merged["person_id"],
        "role": v.choice(merged.get("role"), "Rollen", ROLES),
        "party": v.optional_text(merged.get("party"), "Partiet", max_length=20),
        "valid_from": v.required_date(merged.get("valid_from"), "Från och med"),
        "valid_to": v.optional_date(merged.get("valid_to"), "Till och med"),
        "substitute_order": merged.get("substitute_order"),
    }
    if values["valid_to"] and values["valid_to"] < values["valid_from"]:
        raise ValidationError("Uppdraget kan inte sluta innan det börjar.")
    if values["role"] != "ersättare":
        values["substitute_order"] = None
    elif values["substitute_order"] is not None and int(values["substitute_order"]) < 1:
        raise ValidationError("Ersättarordningen börjar på 1.")
    return values


def add_membership(db: Database, **fields) -> int:
    with db.atomic():
        values = _membership_values(db, fields)
        return rows.insert(db, "memberships", values, f"Nytt uppdrag som {values['role']}")


def update_membership(db: Database, membership_id: int, **fields) -> dict:
    with db.atomic():
        existing = rows.get(db, "memberships", membership_id, "uppdrag")
        values = _membership_values(db, fields, existing)
        return rows.update(db, "memberships", membership_id, values, f"Ändrat uppdrag som {values['role']}")


def remove_membership(db: Database, membership_id: int) -> None:
    with db.atomic():
        rows.delete(db, "memberships", membership_id, "Borttaget uppdrag")


def chair(db: Database, body_id: int, on_date: str | None = None) -> dict | None:
    for member in store.members(db, body_id, on_date):
        if member["role"] == "ordförande":
            return member
    return None


# Reads for the screens (the GUI never imports storage) -------------------------------------------

def municipality(db: Database) -> dict | None:
    return store.municipality(db)


def list_bodies(db: Database) -> list[dict]:
    return store.bodies(db)


def get_body(db: Database, body_id: int) -> dict:
    return rows.get(db, "bodies", body_id, "nämnd")


def list_persons(db: Database, search: str = "") -> list[dict]:
    return store.persons(db, search)


def get_person(db: Database, person_id: int) -> dict:
    return rows.get(db, "persons", person_id, "person")


def list_members(db: Database, body_id: int, on_date: str | None = None) -> list[dict]:
    return store.members(db, body_id, on_date)


def memberships_of_person(db: Database, person_id: int) -> list[dict]:
    return store.memberships_of_person(db, person_id)


def get_membership(db: Database, membership_id: int) -> dict:
    return rows.get(db, "memberships", membership_id, "uppdrag")
