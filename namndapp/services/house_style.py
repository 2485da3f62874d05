"""The house style in force for the municipality or one body, and changing it one setting at a time.

A body's own choice overrides the municipality's, which overrides the standard value. Every document
gets the resolved style (`style_for`) in its plain data.
"""

from __future__ import annotations

from sqlite_utils import Database

from namndapp.documents import house_style as hs
from namndapp.errors import ValidationError
from namndapp.storage import house_style as store, rows
from namndapp.storage import register as register_store

STANDARD = "standard"  # the value that removes a choice, so the level above applies again
SOURCE_WORDS = {"standard": "standard", "kommun": "kommunen", "organ": "organet"}


def _valid_key(key: str) -> hs.Setting:
    setting = hs.BY_KEY.get((key or "").strip())
    if setting is None:
        raise ValidationError(f"Det finns ingen inställning ”{key}”. Giltiga inställningar: "
                              + ", ".join(hs.BY_KEY) + ".")
    return setting


def _valid_value(setting: hs.Setting, value: str) -> str:
    text = (value or "").strip()
    if hs.ON in setting.choices:
        text = hs.SWITCH_WORDS.get(text.lower(), text.lower())
    if text not in setting.choices:
        choices = ", ".join(f"”{c}”" for c in setting.choices)
        raise ValidationError(f"”{value}” är inget giltigt värde för {setting.key}. Giltiga värden: {choices} "
                              f"(eller ”{STANDARD}” för att ta bort valet).")
    return text


def _body(db: Database, body_id: int | None) -> dict | None:
    return rows.get(db, "bodies", body_id, "organet") if body_id is not None else None


def style_settings(db: Database, body_id: int | None = None) -> list[dict]:
    """Every setting as it applies to the body (or to the whole municipality): value, where it comes from,
    the allowed values and a Swedish description."""
    _body(db, body_id)
    own = {row["key"]: row["value"] for row in store.settings(db, None)}
    body = {row["key"]: row["value"] for row in store.settings(db, body_id)} if body_id is not None else {}
    result = []
    for setting in hs.SETTINGS:
        if setting.key in body and body[setting.key] in setting.choices:
            value, source = body[setting.key], "organ"
        elif setting.key in own and own[setting.key] in setting.choices:
            value, source = own[setting.key], "kommun"
        else:
            value, source = setting.default, "standard"
        result.append({"key": setting.key, "value": value, "source": source, "source_label": SOURCE_WORDS[source],
                       "choices": list(setting.choices), "description": setting.description})
    return result


def style_for(db: Database, body_id: int | None) -> dict:
    """The resolved style as plain strings, for a document's data."""
    return {row["key"]: row["value"] for row in style_settings(db, body_id)}


def set_style(db: Database, key: str, value: str, body_id: int | None = None) -> dict:
    """Choose one setting for the municipality or (with body_id) for one body only. The value
    "standard" removes the choice. Returns the setting as it now applies."""
    setting = _valid_key(key)
    body = _body(db, body_id)
    where = f"för {body['name']}" if body else "för kommunen"
    reset = (value or "").strip().lower() == STANDARD
    chosen = None if reset else _valid_value(setting, value)
    existing = store.setting(db, body_id, setting.key)
    with db.atomic():
        if reset:
            if existing:
                rows.delete(db, "house_style", existing["id"], f"Husstil {where}: {setting.key} återställd")
        elif existing:
            rows.update(db, "house_style", existing["id"], {"value": chosen},
                        f"Husstil {where}: {setting.key} = {chosen}")
        else:
            rows.insert(db, "house_style", {"body_id": body_id, "key": setting.key, "value": chosen},
                        f"Husstil {where}: {setting.key} = {chosen}")
    return next(row for row in style_settings(db, body_id) if row["key"] == setting.key)


def exported_style(db: Database) -> dict | None:
    """The chosen settings for the exchange file: the municipality's and each body's by short code."""
    municipality, bodies = {}, {}
    for row in store.all_settings(db):
        if row["body_id"] is None:
            municipality[row["key"]] = row["value"]
        else:
            bodies.setdefault(row["short_code"], {})[row["key"]] = row["value"]
    if not municipality and not bodies:
        return None
    return {"municipality": municipality, "bodies": bodies}


def check_values(values: dict) -> str | None:
    """The first problem in a {key: value} mapping, as a Swedish sentence, or None."""
    for key, value in values.items():
        try:
            _valid_value(_valid_key(key), value if isinstance(value, str) else "")
        except ValidationError as exc:
            return exc.message
    return None


def load_style(db: Database, value: dict) -> int:
    """Settings from an exchange file that the database has not chosen yet; returns how many were added."""
    added = 0
    scopes = [(None, value.get("municipality") or {})]
    for code, settings in (value.get("bodies") or {}).items():
        body = register_store.body_by_code(db, code)
        if body:
            scopes.append((body["id"], settings))
    for body_id, settings in scopes:
        for key, chosen in settings.items():
            if store.setting(db, body_id, key) is None:
                set_style(db, key, chosen, body_id)
                added += 1
    return added
