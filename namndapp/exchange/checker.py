"""Checking an import file before anything is written: types, required fields, formats, references.

Every complaint names the JSON path of the offending value, e.g. ``agenda_items[3].title``.
"""

import base64
import binascii
import hashlib
import string

from namndapp import swedish
from namndapp.errors import ImportFileError, ValidationError
from namndapp.services import validate as v

MAX_COUNT = 1_000_000  # positions, § numbers, indexes: far above any meeting, far below SQLite's limit

_TYPE_NAMES = {dict: "ett objekt", list: "en lista", str: "text", int: "ett heltal", bool: "true eller false"}


def at(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Checker:
    """Structural checks with paths, plus the keys each section declares so later ones can refer to them."""

    def __init__(self, db):
        self.db = db
        self.known: dict[str, dict] = {}   # kind of key ("body", "person", "case" …) → key → details

    # References between sections ---------------------------------------------------------------

    def declare(self, kind: str, key, path: str, details=None) -> None:
        keys = self.known.setdefault(kind, {})
        if key in keys:
            raise ImportFileError(f"”{key}” förekommer mer än en gång i filen.", path)
        keys[key] = details

    def refer(self, kind: str, key, path: str, what: str):
        keys = self.known.get(kind, {})
        if key not in keys:
            raise ImportFileError(f"{what} ”{key}” finns inte med i filen.", path)
        return keys[key]

    # Values ------------------------------------------------------------------------------------

    @staticmethod
    def fail(path: str, message: str):
        raise ImportFileError(message, path)

    def typed(self, value, kind: type, path: str):
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            self.fail(path, f"ska vara {_TYPE_NAMES[kind]}.")
        return value

    def record(self, value, path: str, fields: tuple[str, ...]) -> dict:
        self.typed(value, dict, path)
        for key in value:
            if key not in fields:
                self.fail(at(path, key), "okänt fält (filen kan vara skapad av en nyare version av Nämndapp).")
        return value

    def array(self, value, path: str) -> list:
        return self.typed(value, list, path)

    def field(self, obj: dict, key: str, path: str, kind: type, *, required: bool):
        value = obj.get(key)
        if value is None:
            if required:
                self.fail(at(path, key), "värdet saknas.")
            return None
        return self.typed(value, kind, at(path, key))

    def text(self, obj: dict, key: str, path: str, *, required: bool = False, max_length: int = 20000) -> str | None:
        value = self.field(obj, key, path, str, required=required)
        if value is not None:
            if required and not value.strip():
                self.fail(at(path, key), "värdet saknas (texten är tom).")
            if len(value) > max_length:
                self.fail(at(path, key), f"texten är för lång ({len(value)} tecken, högst {max_length}).")
        return value

    def texts(self, obj: dict, key: str, path: str) -> list[str]:
        values = self.field(obj, key, path, list, required=False) or []
        for index, value in enumerate(values):
            self.typed(value, str, at(at(path, key), index))
        return values

    def choice(self, obj: dict, key: str, path: str, allowed, *, required: bool = True) -> str | None:
        value = self.field(obj, key, path, str, required=required)
        if value is not None and value not in allowed:
            self.fail(at(path, key), f"”{value}” är inte tillåtet; välj något av: {', '.join(allowed)}.")
        return value

    def date(self, obj: dict, key: str, path: str, *, required: bool = False) -> str | None:
        """A date the app accepts, within its years; returned as the file has it."""
        value = self.field(obj, key, path, str, required=required)
        if value is not None:
            try:
                swedish.parse_date(value)
                v.optional_date(value, "datumet")
            except ValidationError as exc:
                self.fail(at(path, key), exc.message)
        return value

    def timestamp(self, obj: dict, key: str, path: str) -> str | None:
        value = self.field(obj, key, path, str, required=False)
        if value is not None:
            try:
                v.optional_timestamp(value, "tidpunkten")
            except ValidationError as exc:
                self.fail(at(path, key), exc.message)
        return value

    def case_number_format(self, obj: dict, key: str, path: str) -> str | None:
        """Only {prefix}, {year} and {seq} with at most a zero-padded width, e.g. {seq:05}."""
        value = self.text(obj, key, path, required=True, max_length=60)
        try:
            fields = list(string.Formatter().parse(value))
        except ValueError:
            self.fail(at(path, key), f"formatet ”{value}” går inte att tolka (en ensam klammer {{ eller }}).")
        for _, name, spec, conversion in fields:
            if name is None:
                continue
            if name not in ("prefix", "year", "seq") or conversion or (spec and not (
                    name == "seq" and len(spec) == 2 and spec[0] == "0" and spec[1].isdigit())):
                shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                self.fail(at(path, key), f"fältet {shown} är inte tillåtet; formatet får innehålla {{prefix}}, "
                                         "{year} och {seq} (med bredd som {seq:05}).")
        if not {"year", "seq"} <= {name for _, name, _, _ in fields}:
            self.fail(at(path, key), "formatet måste innehålla både {year} och {seq}, till exempel "
                                     "{prefix}-{year}/{seq:05}.")
        return value

    def time(self, obj: dict, key: str, path: str, *, required: bool = False) -> str | None:
        value = self.field(obj, key, path, str, required=required)
        if value is not None:
            try:
                swedish.parse_time(value)
            except ValidationError as exc:
                self.fail(at(path, key), exc.message)
        return value

    def integer(self, obj: dict, key: str, path: str, *, required: bool = False, minimum: int | None = None,
                maximum: int = MAX_COUNT):
        value = self.field(obj, key, path, int, required=required)
        if value is not None and minimum is not None and value < minimum:
            self.fail(at(path, key), f"ska vara minst {minimum}.")
        if value is not None and value > maximum:
            self.fail(at(path, key), f"ska vara högst {maximum}.")
        return value

    def boolean(self, obj: dict, key: str, path: str) -> bool:
        return bool(self.field(obj, key, path, bool, required=False))

    def content(self, obj: dict, path: str) -> bytes:
        """The base64 content of a file, checked against its stated size and sha256."""
        encoded = self.text(obj, "content_base64", path, required=True, max_length=400 * 1024 * 1024)
        try:
            content = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            self.fail(at(path, "content_base64"), "är inte giltig base64.")
        digest = self.text(obj, "sha256", path, required=True, max_length=64)
        if hashlib.sha256(content).hexdigest() != digest.lower():
            self.fail(at(path, "sha256"), "stämmer inte med innehållet (filen är skadad eller ändrad).")
        size = self.integer(obj, "size", path, required=True, minimum=0, maximum=2 ** 53 - 1)
        if size != len(content):
            self.fail(at(path, "size"), f"anger {size} byte men innehållet är {len(content)} byte.")
        return content
