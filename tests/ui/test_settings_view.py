from namndapp.services import register
from tests.ui.helpers import answer_next_dialog, choose, type_into


def test_create_a_body_through_the_dialog(filled, window, context):
    panel = window.show_screen("Inställningar").bodies

    def fill(dialog):
        dialog.fields.set_value("name", "Miljö- och byggnämnden")
        dialog.fields.set_value("genitive", "Miljö- och byggnämndens")
        dialog.fields.set_value("short_code", "mbn")

    answer_next_dialog(fill)
    body_id = panel.new_body()
    body = register.get_body(context.db, body_id)
    assert (body["name"], body["short_code"], body["kind"]) == ("Miljö- och byggnämnden", "MBN", "nämnd")
    assert panel.table.current_id() == body_id
    assert panel.form.fields.value("genitive") == "Miljö- och byggnämndens"


def test_creating_a_body_with_a_taken_short_code_keeps_the_dialog_open_with_the_reason(filled, window, context):
    panel = window.show_screen("Inställningar").bodies
    before = register.list_bodies(context.db)

    def fill(dialog):
        dialog.fields.set_value("name", "Socialnämnden 2")
        dialog.fields.set_value("genitive", "Socialnämndens 2")
        dialog.fields.set_value("short_code", "SOC")
        assert not dialog.try_create()
        assert dialog.isVisible()
        assert dialog.error_label.text() == "Kortnamnet SOC används redan av Socialnämnden."

    seen = answer_next_dialog(fill, accept=False)
    assert panel.new_body() is None
    assert seen and seen[0].error_label.isVisibleTo(seen[0])
    assert register.list_bodies(context.db) == before


def test_editing_a_body_saves_at_once(filled, window, context, qtbot):
    panel = window.show_screen("Inställningar").bodies
    panel.table.select_id(filled["au"])
    type_into(qtbot, panel.form.fields.widgets["genitive"], "Arbetsutskottets")
    type_into(qtbot, panel.form.fields.widgets["default_start_time"], "9.30")
    choose(panel.form.fields.widgets["item_numbering"], "per_year")
    body = register.get_body(context.db, filled["au"])
    assert body["genitive"] == "Arbetsutskottets"
    assert body["default_start_time"] == "09:30"
    assert body["item_numbering"] == "per_year"
    assert panel.example.text().startswith("Utskottets ärenden diarieförs i Socialnämndens serie: SOC/")
    panel.table.select_id(filled["soc"])
    assert panel.example.text().startswith("Årets första diarienummer blir SOC/")


def test_a_validation_error_is_shown_in_swedish_and_nothing_is_written(filled, window, context, qtbot):
    panel = window.show_screen("Inställningar").bodies
    panel.table.select_id(filled["soc"])
    before = register.get_body(context.db, filled["soc"])
    audit_before = context.db["audit_log"].count

    type_into(qtbot, panel.form.fields.widgets["case_number_format"], "SOC-{year}")
    assert panel.form.error_label.isVisibleTo(panel)
    assert panel.form.error_label.text() == ("Inte sparat: Formatet ”SOC-{year}” måste innehålla både {year} "
                                             "och {seq}, till exempel IFN-{year}/{seq:05}.")
    assert register.get_body(context.db, filled["soc"]) == before
    assert context.db["audit_log"].count == audit_before

    type_into(qtbot, panel.form.fields.widgets["case_number_format"], "{prefix}-{year}/{seq:04}")
    assert not panel.form.error_label.isVisibleTo(panel)
    assert register.get_body(context.db, filled["soc"])["case_number_format"] == "{prefix}-{year}/{seq:04}"


def test_an_utskott_without_parent_is_refused(filled, window, context):
    panel = window.show_screen("Inställningar").bodies
    panel.table.select_id(filled["au"])
    choose(panel.form.fields.widgets["parent_id"], None)
    assert "Ett utskott måste höra till en nämnd" in panel.form.error_label.text()
    assert register.get_body(context.db, filled["au"])["parent_id"] == filled["soc"]


def test_municipality_and_logo(filled, window, context, qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage
    panel = window.show_screen("Inställningar").municipality
    type_into(qtbot, panel.form.fields.widgets["postal_address"], "Box 1, 123 45 Exempelby")
    assert register.municipality(context.db)["postal_address"] == "Box 1, 123 45 Exempelby"

    image = QImage(40, 20, QImage.Format_RGB32)
    image.fill(QColor("darkblue"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    assert panel.set_logo_file(logo)
    assert register.municipality(context.db)["logo"] == logo.read_bytes()
    assert not panel.logo_view.pixmap().isNull()
    panel.remove_logo()
    assert register.municipality(context.db)["logo"] is None
