from namndapp.services import register
from tests.ui.helpers import answer_next_dialog, choose, type_into


def test_create_a_person_and_give_them_a_membership(filled, window, context, qtbot):
    screen = window.show_screen("Ledamöter")

    def fill_person(dialog):
        dialog.fields.set_value("first_name", "Åsa")
        dialog.fields.set_value("last_name", "Ödmark")

    answer_next_dialog(fill_person)
    person_id = screen.new_person()
    assert register.get_person(context.db, person_id)["last_name"] == "Ödmark"
    assert screen.table.current_id() == person_id
    assert screen.title.text() == "Åsa Ödmark"

    def fill_membership(dialog):
        choose(dialog.fields.widgets["body_id"], filled["soc"])
        choose(dialog.fields.widgets["role"], "ersättare")
        dialog.fields.set_value("party", "MP")
        dialog.fields.set_value("valid_from", "2023-01-01")
        dialog.fields.set_value("substitute_order", 2)

    answer_next_dialog(fill_membership)
    membership_id = screen.memberships.new_membership()
    membership = register.get_membership(context.db, membership_id)
    assert (membership["role"], membership["party"], membership["substitute_order"]) == ("ersättare", "MP", 2)

    type_into(qtbot, screen.memberships.form.fields.widgets["valid_to"], "31 december 2026")
    assert screen.memberships.form.error_label.text() == ""
    assert register.get_membership(context.db, membership_id)["valid_to"] == "2026-12-31"
    assert screen.memberships.table.current_row()["valid_to"] == "2026-12-31"


def test_editing_a_person_saves_and_refreshes_the_list(filled, window, context, qtbot):
    screen = window.show_screen("Ledamöter")
    screen.table.select_id(filled["bo"])
    type_into(qtbot, screen.form.fields.widgets["title"], "Ledamot sedan 2019")
    type_into(qtbot, screen.form.fields.widgets["first_name"], "Bosse")
    assert register.get_person(context.db, filled["bo"])["first_name"] == "Bosse"
    assert screen.table.current_row()["first_name"] == "Bosse"
    assert screen.title.text() == "Bosse Andersson"


def test_empty_last_name_is_refused_with_a_swedish_message(filled, window, context, qtbot):
    screen = window.show_screen("Ledamöter")
    screen.table.select_id(filled["anna"])
    type_into(qtbot, screen.form.fields.widgets["last_name"], "")
    assert screen.form.error_label.text() == "Inte sparat: Efternamnet måste fyllas i."
    assert register.get_person(context.db, filled["anna"])["last_name"] == "Zetterlund"


def test_body_filter_lists_members_chair_first_and_ersattare_last(filled, window):
    screen = window.show_screen("Ledamöter")
    choose(screen.body_filter, filled["soc"])
    shown = [(screen.table.proxy.index(r, 0).data(), screen.table.proxy.index(r, 1).data())
             for r in range(screen.table.proxy.rowCount())]
    assert shown == [("Anna Zetterlund", "ordförande"), ("Bo Andersson", "ledamot"), ("Örjan Östberg", "ersättare")]
    assert screen.count_label.text() == "2 ledamöter och 1 ersättare i dag."


def test_person_list_sorts_swedish_and_search_folds_case(filled, window):
    screen = window.show_screen("Ledamöter")
    names = [screen.table.proxy.index(r, 0).data() for r in range(screen.table.proxy.rowCount())]
    assert names == ["Andersson", "Zetterlund", "Östberg"]
    screen.search.setText("örjan")
    assert screen.table.proxy.rowCount() == 1
    assert screen.table.proxy.index(0, 1).data() == "Örjan"
