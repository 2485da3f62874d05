"""The desktop shell driven offscreen on a real, migrated database file with a small made-up register."""

import pytest

from namndapp.services import cases, meetings, register
from namndapp.storage import open_database
from ui.app import make_application
from ui.context import AppContext


@pytest.fixture(scope="session")
def qapp_cls():
    return type(make_application())


@pytest.fixture
def qapp(qapp_args, qapp_cls, pytestconfig):
    return make_application()


@pytest.fixture(autouse=True)
def settings_folder(tmp_path_factory):
    """Each test keeps the window's remembered state (QSettings) in a folder of its own, never in the
    user's real settings."""
    from PySide6.QtCore import QSettings
    folder = tmp_path_factory.mktemp("installningar")
    # The native format (an INI file on Linux). Switching the default format to IniFormat instead made
    # the print test lose its job_done signal; the cause was not found, the native path avoids it.
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(folder))
    return folder


def fill_small_register(db) -> dict:
    """A made-up nämnd with an arbetsutskott, three people, two cases and two meetings."""
    register.set_municipality(db, name="Exempelby kommun", organisation_number="212000-0000")
    soc = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SOC",
                               case_number_format="{prefix}/{year}-{seq:06}", default_place="Sessionssalen",
                               default_start_time="08:15")
    au = register.create_body(db, name="Socialnämndens arbetsutskott", genitive="Socialnämndens arbetsutskotts",
                              short_code="SOCAU", kind="utskott", parent_id=soc)
    anna = register.create_person(db, first_name="Anna", last_name="Zetterlund")
    orjan = register.create_person(db, first_name="Örjan", last_name="Östberg")
    bo = register.create_person(db, first_name="Bo", last_name="Andersson")
    register.add_membership(db, body_id=soc, person_id=anna, role="ordförande", party="S", valid_from="2023-01-01")
    register.add_membership(db, body_id=soc, person_id=bo, role="ledamot", party="M", valid_from="2023-01-01")
    register.add_membership(db, body_id=soc, person_id=orjan, role="ersättare", party="C",
                            valid_from="2023-01-01", substitute_order=1)
    first = cases.register_case(db, body_id=soc, title="Ändrad delegationsordning", registered_on="2026-02-01")
    second = cases.register_case(db, body_id=soc, title="Budget för äldreomsorgen", registered_on="2026-03-01")
    cases.save_report(db, first, report_date="2026-02-10", proposal_clauses=["att anta delegationsordningen"])
    meeting = meetings.create_meeting(db, body_id=soc, meeting_date="2026-04-24", start_time="08:15")
    meetings.create_meeting(db, body_id=au, meeting_date="2026-04-10", start_time="13:00")
    return {"soc": soc, "au": au, "anna": anna, "orjan": orjan, "bo": bo, "case": first, "case2": second,
            "meeting": meeting}


@pytest.fixture
def filled(db_path):
    db = open_database(db_path)
    ids = fill_small_register(db)
    db.close()
    return ids


@pytest.fixture
def context(db_path, qapp):
    db = open_database(db_path)
    yield AppContext(db=db, db_path=db_path)
    db.close()


@pytest.fixture
def window(context, qtbot):
    from ui.main_window import MainWindow
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Message boxes are recorded instead of waiting for a click nobody makes offscreen.

    A test reads them from this list; an unexpected-error dialog fails the test that caused it."""
    from PySide6.QtWidgets import QMessageBox
    from ui import errors

    shown: list[tuple[str, str]] = []

    def recorder(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.Ok
        return show

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    monkeypatch.setattr(errors.UnexpectedErrorDialog, "exec",
                        lambda dialog: shown.append(("unexpected", dialog.details)) or 0)
    yield shown
    unexpected = [text for kind, text in shown if kind == "unexpected"]
    assert not unexpected, "Oväntat fel visades:\n" + "\n".join(unexpected)
