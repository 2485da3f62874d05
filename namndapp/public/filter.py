"""The one public filter: from a document's plain data to what the public may see.

Every public document kind (kallelse, packet, protokoll, extract, dispatch, and the lists that come
later) passes its data through `public_version` before rendering; no renderer masks anything.

The filter walks the data (dicts, lists, tuples, dataclasses). An entry marked `confidential` is
replaced by its withheld form: it keeps only what identifies its place (number, kind, OSL
reference) and shows its public title; everything else of it is dropped and remembered as a secret,
so that the final scan can prove none of it reached the finished file. Every string left is passed
through the personnummer mask. Bytes (attachments, a logo) pass unchanged: attachments are screened
separately (see attachments.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from namndapp.public.confidentiality import GENERIC_TITLE
from namndapp.public.personnummer import mask_personnummer

# What a withheld entry still says about itself ("item": the agenda item of a packet entry, itself withheld).
KEPT_FIELDS = frozenset({"item", "start_time", "end_time", "id", "item_id", "number", "number_label", "kind", "kind_label", "item_kind", "position",
                         "secrecy_ref", "approved", "first_page"})

# Swedish names of fields, for messages that say where something came from.
FIELD_LABELS = {
    "title": "rubrik", "public_title": "offentlig rubrik", "case_number": "diarienummer", "presenter": "föredragande",
    "description": "ärendebeskrivning", "clauses": "beslut", "decision_intro": "beslutsinledning",
    "motions": "yrkanden", "procedure": "beslutsgång", "reservations": "reservationer", "notes": "protokollsanteckningar",
    "disqualifications": "jäv", "decision_basis": "beslutsunderlag", "preparers": "beredningsansvariga",
    "recipients": "beslutet ska skickas till", "place": "plats", "items": "punkt", "paragraphs": "§",
    "time_slots": "hålltid", "parts": "handling", "report": "tjänsteskrivelse", "sentence": "mening", "text": "text",
    "attendance": "närvaro", "municipality": "kommunen", "meeting": "sammanträdet", "body": "organet",
    "sentence_text": "mening", "name": "namn", "presenters": "föredragande", "filename": "filnamn",
    "proposal_clauses": "förslag till beslut", "sections": "avsnitt", "signatories": "underskrifter",
    "addressee": "mottagare", "author_unit": "enhet", "proposer_sentence": "förslagsmening", "approval": "justering",
    "chair_name": "ordförandens namn", "notice": "anslag",
}


@dataclass
class Secret:
    where: str          # "§ 12, ärendebeskrivning"
    text: str


@dataclass
class PublicVersion:
    data: Any
    secrets: list[Secret] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)   # (where, text) of every string kept


def _label(key) -> str:
    return FIELD_LABELS.get(key, str(key)) if isinstance(key, str) else str(key)


def _entry_label(parent_key, entry, index: int) -> str:
    if parent_key is None:
        return str(index + 1)
    get = entry.get if isinstance(entry, dict) else (lambda k, d=None: getattr(entry, k, d))
    mark = get("number_label") or get("number")
    if parent_key == "paragraphs" and mark is not None:
        return f"§ {mark}"
    return f"{_label(parent_key)} {mark if mark not in (None, '') else index + 1}"


def _join(where: str, part: str) -> str:
    return f"{where}, {part}" if where else part


class _Walk:
    """`where` is always the place of the container; a value's own place adds its key."""

    def __init__(self):
        self.version = PublicVersion(None)

    def value(self, value, where: str, key=None):
        here = _join(where, _label(key)) if key is not None else where
        if isinstance(value, str):
            masked = mask_personnummer(value)
            if masked.strip():
                self.version.texts.append((here, masked))
            return masked
        if isinstance(value, (list, tuple)):
            items = [self.value(v, _join(where, _entry_label(key, v, i)) if _is_entry(v) else here, None)
                     for i, v in enumerate(value)]
            return items if isinstance(value, list) else tuple(items)
        if isinstance(value, dict):
            if value.get("confidential"):
                return self.withheld_dict(value, here)
            return {k: self.value(v, here, k) for k, v in value.items()}
        if _is_entry(value):
            if getattr(value, "confidential", False):
                return self.withheld_dataclass(value, here)
            changes = {f.name: self.value(getattr(value, f.name), here, f.name)
                       for f in dataclasses.fields(value) if f.init}
            if "public" in changes:
                changes["public"] = True
            return dataclasses.replace(value, **changes)
        return value

    def remember(self, value, where: str) -> None:
        """Every string inside a withheld entry is a secret."""
        if isinstance(value, str):
            if value.strip():
                self.version.secrets.append(Secret(where, value))
        elif isinstance(value, dict):
            for k, v in value.items():
                self.remember(v, _join(where, _label(k)))
        elif isinstance(value, (list, tuple)):
            for v in value:
                self.remember(v, where)
        elif _is_entry(value):
            for f in dataclasses.fields(value):
                self.remember(getattr(value, f.name), _join(where, _label(f.name)))

    def withheld_dict(self, entry: dict, where: str) -> dict:
        kept = {k: self.value(v, where, k) for k, v in entry.items() if k in KEPT_FIELDS}
        for k, v in entry.items():
            if k not in KEPT_FIELDS and k not in ("public_title", "confidential", "withheld"):
                self.remember(v, _join(where, _label(k)))
        title = self.public_title(entry.get("public_title"), where)
        return {**kept, "title": title, "public_title": title, "confidential": True, "withheld": True}

    def withheld_dataclass(self, entry, where: str):
        names = {f.name for f in dataclasses.fields(entry)}
        changes = {}
        for f in dataclasses.fields(entry):
            if not f.init or f.name in ("confidential", "withheld", "public_title"):
                continue
            current = getattr(entry, f.name)
            if f.name in KEPT_FIELDS:
                changes[f.name] = self.value(current, where, f.name)
            else:
                self.remember(current, _join(where, _label(f.name)))
                changes[f.name] = _empty(f, current)
        title = self.public_title(getattr(entry, "public_title", ""), where)
        for name, value in (("title", title), ("public_title", title), ("withheld", True)):
            if name in names:
                changes[name] = value
        return dataclasses.replace(entry, **changes)

    def public_title(self, value, where: str) -> str:
        title = mask_personnummer((value or "").strip() or GENERIC_TITLE)
        self.version.texts.append((_join(where, "offentlig rubrik"), title))
        return title


def _is_entry(value) -> bool:
    return isinstance(value, dict) or (dataclasses.is_dataclass(value) and not isinstance(value, type))


def _empty(f: dataclasses.Field, current):
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
        return f.default_factory()  # type: ignore[misc]
    if isinstance(current, str):
        return ""
    if isinstance(current, (list, tuple)):
        return type(current)()
    return None


def public_version(data) -> PublicVersion:
    """The public version of a document's data, with what was withheld (see the module's text)."""
    walk = _Walk()
    filtered = walk.value(data, "")
    if isinstance(filtered, dict):
        filtered["public"] = True
    elif dataclasses.is_dataclass(filtered) and hasattr(filtered, "public"):
        filtered = dataclasses.replace(filtered, public=True)
    walk.version.data = filtered
    return walk.version
