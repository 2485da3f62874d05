"""Section "house_style": the municipality's chosen settings and each body's overrides (by short code).
On import, only settings the database has not chosen yet are added: a file never overwrites a house style."""

from namndapp.exchange.checker import Checker
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import house_style


class HouseStyleSection:
    key = "house_style"
    required = False

    def export(self, ctx: ExportContext):
        return house_style.exported_style(ctx.db)

    def check(self, value, checker: Checker) -> None:
        if value is None:
            return
        path = self.key
        checker.record(value, path, ("municipality", "bodies"))
        scopes = [(f"{path}.municipality", value.get("municipality") or {})]
        bodies = value.get("bodies") or {}
        checker.typed(bodies, dict, f"{path}.bodies")
        scopes += [(f"{path}.bodies.{code}", settings) for code, settings in bodies.items()]
        for where, settings in scopes:
            checker.typed(settings, dict, where)
            problem = house_style.check_values(settings)
            if problem:
                checker.fail(where, problem)

    def load(self, value, ctx: ImportContext) -> None:
        if value is None:
            return
        with ctx.at(self.key):
            added = house_style.load_style(ctx.db, value)
        ctx.note("husstil", f"{added} inställningar lagda till" if added else "oförändrad")
