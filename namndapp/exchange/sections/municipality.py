"""Section "municipality": the kommun's name, addresses and logo. Kept as it is if the database has one."""

import base64

from namndapp.exchange.checker import Checker
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import register
from namndapp.storage import register as store

FIELDS = ("name", "organisation_number", "administration", "postal_address", "visiting_address", "phone",
          "email", "website", "bankgiro")


class MunicipalitySection:
    key = "municipality"
    required = False

    def export(self, ctx: ExportContext):
        municipality = store.municipality(ctx.db)
        if not municipality:
            return None
        value = {key: municipality[key] for key in FIELDS}
        logo = municipality.get("logo")
        value["logo_mime_type"] = municipality["logo_mime_type"] if logo else None
        value["logo_base64"] = base64.b64encode(logo).decode("ascii") if logo else None
        return value

    def check(self, value, checker: Checker) -> None:
        if value is None:
            return
        path = self.key
        checker.record(value, path, FIELDS + ("logo_mime_type", "logo_base64"))
        checker.text(value, "name", path, required=True, max_length=500)
        for key in FIELDS[1:] + ("logo_mime_type",):
            checker.text(value, key, path, max_length=500)
        logo = checker.text(value, "logo_base64", path, max_length=10 * 1024 * 1024)
        if logo is not None:
            try:
                base64.b64decode(logo, validate=True)
            except ValueError:
                checker.fail(f"{path}.logo_base64", "är inte giltig base64.")

    def load(self, value, ctx: ImportContext) -> None:
        if value is None:
            return
        if store.municipality(ctx.db):
            ctx.note("kommun", "oförändrade")
            return
        fields = {key: value.get(key) for key in FIELDS}
        if value.get("logo_base64"):
            fields["logo"] = base64.b64decode(value["logo_base64"])
            fields["logo_mime_type"] = value.get("logo_mime_type")
        with ctx.at(self.key):
            register.set_municipality(ctx.db, **fields)
        ctx.note("kommun", "skapade")
