"""The justering round by file in the GUI, driven like its two users. The secretary saves a justering package
with "Skicka justeringsunderlag…"; the justerare opens it in the approver window ("justerare mode", no register),
writes an ändringsförslag at one § and sends it back; the secretary reads the answer in with "Läs in svar…" and
the round shows it. A second round is approved; an answer to content changed since its package is refused; the
approver's errors (a foreign file, nothing written when sending back) are said in the window."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from shiboken6 import isValid

from namndapp.services import meetings, minutes, protocol_files, register
from namndapp.services.justering import approvals
from tests.justering.conftest import ready_meetings
from ui.app import make_application
from ui.context import AppContext

COMMENT = "Skriv ut att beslutet gäller omedelbart."


@pytest.fixture(scope="session")
def qapp_cls():
    return type(make_application())


@pytest.fixture
def qapp(qapp_args, qapp_cls, pytestconfig):
    return make_application()


@pytest.fixture
def meeting(demo):
    return ready_meetings(demo)[0]


def justering_view(demo, demo_path, meeting, qtbot):
    """The secretary's Justering view with the buttons in it, placed as the view places them (or, until it
    does, as it will: under the answers, connected to the view's reload and message line)."""
    from ui.justering.package_buttons import PackageButtons
    from ui.justering.view import JusteringView

    view = JusteringView(AppContext(db=demo, db_path=demo_path), meeting)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    buttons = view.findChild(PackageButtons)
    if buttons is None:
        buttons = PackageButtons(view.context, meeting, view.answer_box, changed=view._after_dialog)
        view.answer_box.layout().addWidget(buttons)
    buttons.view = view
    return buttons


@pytest.fixture
def secretary(demo, demo_path, meeting, qapp, qtbot):
    return justering_view(demo, demo_path, meeting, qtbot)


@pytest.fixture
def approver(qapp, qtbot, tmp_path, monkeypatch):
    """The approver's window with no database at all: NAMNDAPP_DB points at a file that must never appear."""
    from ui.justering.approver_window import ApproverWindow

    monkeypatch.setenv("NAMNDAPP_DB", str(tmp_path / "finns-inte.sqlite"))
    window = ApproverWindow()
    window.show()
    yield window
    assert not (tmp_path / "finns-inte.sqlite").exists()
    if isValid(window):
        window.unsaved = False  # the test is over: closing must not ask about ändringsförslag left unsaved
        window.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def click_cell(qtbot, table, row: int, column: int):
    index = table.model().index(row, column)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())


def type_keys(qtbot, widget, text: str):
    """Key presses, one per character. QTest.keyClicks asserts on å, ä, ö: those go as the key event a
    Swedish keyboard sends (no key code, the letter as its text)."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, character))


def type_line(qtbot, edit, text: str):
    """Replace what a line edit holds, as a user does: select all, type."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    if text:
        type_keys(qtbot, edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key_Delete)


def send_package(secretary, qtbot, target) -> None:
    suggested = []
    secretary.ask_save_path = lambda name: suggested.append(name) or str(target)
    with qtbot.waitSignal(secretary.changed, timeout=30000) as signal:
        click(qtbot, secretary.package_button)
    meeting = meetings.get_meeting(secretary.context.db, secretary.meeting_id)
    code = register.get_body(secretary.context.db, meeting["body_id"])["short_code"]
    assert suggested == [f"Justeringsunderlag {code} {meeting['meeting_date']}.pdf"]
    assert signal.args[0] == (f"Justeringsunderlaget är sparat: {target}. Skicka det till ordföranden och "
                              "justerarna; de svarar med en fil som du läser in med ”Läs in svar…”.")
    assert secretary.view.message.text() == signal.args[0] and secretary.message.text() == ""


def read_answer(secretary, qtbot, path) -> str:
    secretary.ask_open_path = lambda: str(path)
    with qtbot.waitSignal(secretary.changed, timeout=5000) as signal:
        click(qtbot, secretary.answer_button)
    assert secretary.view.message.text() == signal.args[0]
    return signal.args[0]


def answers_shown(secretary) -> list[list[str]]:
    table = secretary.view.approvers_table
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def open_in_window(window, qtbot, package) -> None:
    type_line(qtbot, window.package_field.edit, str(package))
    qtbot.keyClick(window.package_field.edit, Qt.Key_Return)
    assert window.opening  # read in the background
    qtbot.waitUntil(lambda: not window.opening, timeout=10000)


def choose(qtbot, window, role: str) -> None:
    """Pick the name in "Jag är:" with the keyboard."""
    window.who.setFocus()
    qtbot.keyClick(window.who, Qt.Key_Home)
    for _ in range(window.who.count()):
        if window.who.currentText().endswith(f"({role})"):
            return
        qtbot.keyClick(window.who, Qt.Key_Down)
    raise AssertionError(f"ingen {role} i listan")


def open_editor(qtbot, table):
    """F2 on the selected cell: the cell's editor (the window may not hold the focus offscreen)."""
    qtbot.keyClick(table, Qt.Key_F2)
    qtbot.waitUntil(lambda: table.findChild(QLineEdit) is not None and table.findChild(QLineEdit).isVisible())
    return table.findChild(QLineEdit)


def row_of(table, number: int) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == f"§ {number}")


def responses(db) -> int:
    return db.execute("SELECT COUNT(*) FROM justering_responses").fetchone()[0]


def test_the_justerare_sends_back_an_aendringsfoerslag_and_the_round_shows_it(
        demo, meeting, secretary, approver, qtbot, tmp_path):
    people = approvals.approvers(demo, meeting)
    chair, adjuster = people[0], people[1]
    numbers = [p["number"] for p in minutes.list_paragraphs(demo, meeting)]
    body, date = demo.execute("SELECT b.name, m.meeting_date FROM meetings m JOIN bodies b ON b.id = m.body_id "
                              "WHERE m.id = ?", [meeting]).fetchone()
    package = tmp_path / "ut" / "underlag.pdf"
    send_package(secretary, qtbot, package)
    assert package.read_bytes().startswith(b"%PDF")

    open_in_window(approver, qtbot, package)
    assert approver.title.text() == f"Justering av protokoll – {body}, sammanträdet {date}"
    assert approver.subtitle.text().startswith("Omgång 1 · justerar: ")
    assert f"{adjuster.name} (justerare)" in approver.subtitle.text()
    assert approver.preview.page_count() >= 1  # the protokoll itself, read-only
    assert [approver.table.item(r, 0).text() for r in range(approver.table.rowCount())] == \
        [f"§ {n}" for n in numbers]
    assert [approver.who.itemText(i) for i in range(approver.who.count())] == \
        [f"{p.name} ({p.role})" for p in people]
    assert approver.send_back_button.isEnabled() and approver.approve_button.isEnabled()

    choose(qtbot, approver, "justerare")
    assert approver.answer_field.path() == str(tmp_path / "ut" / f"Justeringssvar {date} "
                                                                  f"{'-'.join(adjuster.name.split())}.json")
    target = numbers[1]
    click_cell(qtbot, approver.table, row_of(approver.table, target), 2)
    editor = open_editor(qtbot, approver.table)
    type_keys(qtbot, editor, COMMENT)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: approver.table.item(row_of(approver.table, target), 2).text() == COMMENT)
    assert approver.comment.toPlainText() == COMMENT  # the field under the table shows the selected §
    titles = {p["number"]: p["title"] for p in minutes.list_paragraphs(demo, meeting)}
    assert approver.comment_label.text() == f"Ändringsförslag till § {target} {titles[target]}:"
    assert [approver.table.item(r, 1).text() for r in range(approver.table.rowCount())] == \
        [titles[n] for n in numbers]  # read from the protokoll in the package: its facts hold numbers only

    last = approver.table.rowCount() - 1  # the protokoll turns to the page where the chosen § begins
    approver.table.setFocus()
    qtbot.keyClick(approver.table, Qt.Key_End, Qt.ControlModifier)
    assert approver.table.currentRow() == last
    assert approver.preview.current_page() == approver.preview.page_count() - 1
    qtbot.keyClick(approver.table, Qt.Key_Home, Qt.ControlModifier)
    assert approver.preview.current_page() == 1  # page 1 holds the närvaro, the §§ begin on the next

    answer = tmp_path / "svar.json"
    type_line(qtbot, approver.answer_field.edit, str(answer))
    with qtbot.waitSignal(approver.answered, timeout=5000):
        click(qtbot, approver.send_back_button)
    assert approver.message.text() == (
        f"Du har skickat tillbaka protokollet med ändringsförslag till § {target}. Svaret är sparat: {answer}\n"
        "Skicka filen till sekreteraren (till exempel som bilaga i e-post). Sekreteraren läser in den i Nämndapp.")
    written = json.loads(answer.read_text(encoding="utf-8"))
    assert (written["person_id"], written["verdict"], written["comments"]) == (
        adjuster.person_id, "ändringsförslag", [{"number": target, "text": COMMENT}])
    assert responses(demo) == 0  # nothing reaches the register until the secretary reads the answer in

    text = read_answer(secretary, qtbot, answer)
    assert text == f"Svaret från {adjuster.name} (justerare) är inläst: ändringsförslag till § {target}."
    assert answers_shown(secretary) == [[f"{chair.name} (ordförande)", "Väntar på svar", ""],
                                        [f"{adjuster.name} (justerare)", "Ändringsförslag", f"§ {target}: {COMMENT}"]]
    states = {s["person_id"]: s for s in approvals.round_state(demo, meeting)}
    assert states[adjuster.person_id]["state"] == "ändringsförslag"
    assert states[adjuster.person_id]["comments"] == [{"number": target, "text": COMMENT}]
    assert states[chair.person_id]["state"] == "väntar"


def test_a_second_round_after_the_correction_is_approved(demo, meeting, secretary, approver, qtbot, tmp_path):
    people = approvals.approvers(demo, meeting)
    paragraph = minutes.list_paragraphs(demo, meeting)[0]
    send_package(secretary, qtbot, tmp_path / "omgång1.pdf")
    open_in_window(approver, qtbot, tmp_path / "omgång1.pdf")
    choose(qtbot, approver, "ordförande")
    approver.table.setFocus()  # by the keyboard: Down to the second §, Up to the first, Tab to its field
    qtbot.keyClick(approver.table, Qt.Key_Down)
    assert approver.comment_label.text().startswith(f"Ändringsförslag till § {approver.facts['paragraphs'][1]} ")
    qtbot.keyClick(approver.table, Qt.Key_Up)
    qtbot.keyClick(approver.table, Qt.Key_Tab)
    assert approver.focusWidget() is approver.comment
    type_keys(qtbot, approver.comment, "Rättelse av rubriken.")
    assert approver.table.item(0, 2).text() == "Rättelse av rubriken."
    type_line(qtbot, approver.answer_field.edit, str(tmp_path / "svar1"))  # .json is added
    click(qtbot, approver.send_back_button)
    assert (tmp_path / "svar1.json").exists(), approver.message.text()
    read_answer(secretary, qtbot, tmp_path / "svar1.json")

    minutes.update_paragraph(demo, paragraph["id"], title=paragraph["title"] + " (rättad)")  # the correction
    send_package(secretary, qtbot, tmp_path / "omgång2.pdf")
    assert approver.answer_field.path() == str(tmp_path / "svar1")  # round 1's answer file …
    open_in_window(approver, qtbot, tmp_path / "omgång2.pdf")
    assert approver.answer_field.path() == ""  # … is not offered to be overwritten by round 2's
    assert approver.subtitle.text().startswith("Omgång 2 · ")
    assert all(approver.table.item(r, 2).text() == "" for r in range(approver.table.rowCount()))
    for person in people:
        choose(qtbot, approver, person.role)
        answer = tmp_path / f"svar-{person.person_id}.json"
        type_line(qtbot, approver.answer_field.edit, str(answer))
        click(qtbot, approver.approve_button)
        assert approver.message.text().startswith("Du har godkänt protokollet utan ändringsförslag. Svaret är "
                                                  f"sparat: {answer}")
        text = read_answer(secretary, qtbot, answer)
        assert text == f"Svaret från {person.name} ({person.role}) är inläst: godkänt, inga ändringsförslag."

    assert [s["state"] for s in approvals.round_state(demo, meeting)] == ["godkänt"] * len(people)
    assert [row[1:] for row in answers_shown(secretary)] == [["Godkänt", "Inga ändringsförslag"]] * len(people)
    assert secretary.view.justera_button.isEnabled()
    assert approvals.missing_approvals(demo, meeting) == []
    rounds = approvals.rounds(demo, meeting)
    assert len(rounds) == 2
    assert [(r["verdict"], r["comments"]) for r in rounds[0]["responses"]] == [
        ("ändringsförslag", [{"number": paragraph["number"], "text": "Rättelse av rubriken."}])]


def answer_question(qtbot, button_text: str, seen: list) -> None:
    """Click a button of the next modal question, as the approver would; what it asked goes to `seen`."""
    def answer():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button_text), Qt.LeftButton)

    QTimer.singleShot(0, answer)


def test_closing_with_aendringsfoerslag_not_saved_asks_first(secretary, approver, qtbot, tmp_path):
    send_package(secretary, qtbot, tmp_path / "underlag.pdf")
    open_in_window(approver, qtbot, tmp_path / "underlag.pdf")
    approver.table.setFocus()
    qtbot.keyClick(approver.table, Qt.Key_Tab)
    type_keys(qtbot, approver.comment, "Stryk andra att-satsen.")
    asked = []
    answer_question(qtbot, "Avbryt", asked)
    approver.close()  # the window's close button
    assert approver.isVisible() and approver.table.item(0, 2).text() == "Stryk andra att-satsen."
    assert asked == ["Du har skrivit ändringsförslag som inte är sparade i något svar. Stäng ändå? "
                     "Ändringsförslagen försvinner då."]
    answer_question(qtbot, "Öppna ett annat justeringsunderlag utan att spara", asked)
    open_in_window(approver, qtbot, tmp_path / "underlag.pdf")  # the same file again: a fresh answer
    assert approver.table.item(0, 2).text() == "" and len(asked) == 2

    type_keys(qtbot, approver.comment, "Stryk andra att-satsen.")
    choose(qtbot, approver, "ordförande")
    click(qtbot, approver.send_back_button)
    assert approver.message.text().startswith("Du har skickat tillbaka")
    approver.close()  # saved: nothing to ask
    assert not approver.isVisible() and len(asked) == 2


def test_an_answer_to_a_protokoll_changed_after_its_package_is_refused(
        demo, meeting, secretary, approver, qtbot, tmp_path):
    paragraph = minutes.list_paragraphs(demo, meeting)[0]
    send_package(secretary, qtbot, tmp_path / "underlag.pdf")
    open_in_window(approver, qtbot, tmp_path / "underlag.pdf")
    choose(qtbot, approver, "ordförande")
    type_line(qtbot, approver.answer_field.edit, str(tmp_path / "svar.json"))
    click(qtbot, approver.approve_button)
    assert (tmp_path / "svar.json").exists()
    minutes.update_paragraph(demo, paragraph["id"], title=paragraph["title"] + " (ändrad efteråt)")

    secretary.view.reload()  # as the minutes editor's change would
    secretary.ask_open_path = lambda: str(tmp_path / "svar.json")
    with qtbot.assertNotEmitted(secretary.changed):
        click(qtbot, secretary.answer_button)
    assert secretary.message.text() == (
        "Svaret gäller en tidigare version av protokollet: det har ändrats sedan justeringsunderlaget skapades. "
        "Skicka det nya underlaget till justeraren.")
    assert responses(demo) == 0
    assert [row[1] for row in answers_shown(secretary)] == ["Väntar på svar"] * 2


def test_an_answer_for_another_meeting_or_no_answer_at_all_is_refused(
        demo, demo_path, secretary, approver, qtbot, tmp_path):
    elsewhere = justering_view(demo, demo_path, ready_meetings(demo)[1], qtbot)
    send_package(elsewhere, qtbot, tmp_path / "annat.pdf")
    open_in_window(approver, qtbot, tmp_path / "annat.pdf")
    choose(qtbot, approver, "justerare")
    type_line(qtbot, approver.answer_field.edit, str(tmp_path / "annat-svar.json"))
    click(qtbot, approver.approve_button)

    secretary.ask_open_path = lambda: str(tmp_path / "annat-svar.json")
    click(qtbot, secretary.answer_button)
    assert secretary.message.text().startswith("annat-svar.json är ett svar på protokollet från ")
    assert secretary.message.text().endswith(", inte på det här sammanträdet. Läs in det vid det sammanträdet.")
    (tmp_path / "brev.json").write_text("Hej! Se bifogat.", encoding="utf-8")
    secretary.ask_open_path = lambda: str(tmp_path / "brev.json")
    click(qtbot, secretary.answer_button)
    assert secretary.message.text() == "brev.json är inget justeringssvar från Nämndapp (ingen giltig JSON)."
    assert responses(demo) == 0


def test_the_approver_window_says_what_is_wrong_in_swedish(demo, meeting, secretary, approver, qtbot, tmp_path):
    (tmp_path / "brev.pdf").write_bytes(b"Detta \xe4r inget protokoll.")
    open_in_window(approver, qtbot, tmp_path / "brev.pdf")
    assert approver.message.text() == "brev.pdf är inget justeringsunderlag (ingen PDF)."
    assert not approver.approve_button.isEnabled() and not approver.send_back_button.isEnabled()

    plain = tmp_path / "protokoll.pdf"  # the protokoll alone, without the round's facts
    plain.write_bytes(protocol_files.render_minutes(demo, meeting, "pdf"))
    open_in_window(approver, qtbot, plain)
    assert approver.message.text() == ("protokoll.pdf är inget justeringsunderlag från Nämndapp (uppgifterna om "
                                       "omgången saknas).")
    open_in_window(approver, qtbot, tmp_path / "saknas.pdf")
    assert approver.message.text() == f"Filen {tmp_path / 'saknas.pdf'} finns inte."

    package = tmp_path / "underlag.pdf"
    send_package(secretary, qtbot, package)
    changed = tmp_path / "ändrad.pdf"  # a package whose facts were edited by hand: a format it does not know
    changed.write_bytes(package.read_bytes().replace(b'"version": 1', b'"version": 7'))
    assert changed.read_bytes() != package.read_bytes()
    open_in_window(approver, qtbot, package)
    assert approver.approve_button.isEnabled()
    open_in_window(approver, qtbot, changed)
    assert approver.message.text() == ("ändrad.pdf är ett justeringsunderlag i ett format den här versionen inte "
                                       "känner till.")
    damaged = tmp_path / "skadad.pdf"  # the facts replaced by something that is not JSON
    damaged.write_bytes(package.read_bytes().replace(b'"format": "namndapp-justeringsunderlag"',
                                                     b'"format" = "namndapp-justeringsunderlag"'))
    open_in_window(approver, qtbot, damaged)
    assert approver.message.text() == "Uppgifterna i justeringsunderlaget skadad.pdf är skadade."
    assert not approver.approve_button.isEnabled()  # the package opened before is no longer shown
    assert approver.title.text() == "Inget justeringsunderlag öppnat" and approver.table.rowCount() == 0

    open_in_window(approver, qtbot, package)
    assert approver.message.isHidden()
    assert approver.who.currentIndex() == -1 and approver.who.placeholderText() == "Välj ditt namn"
    assert approver.answer_field.path() == ""  # suggested once a name is chosen
    click(qtbot, approver.approve_button)
    assert approver.message.text() == "Välj ditt namn under ”Jag är”."
    choose(qtbot, approver, "justerare")
    type_line(qtbot, approver.answer_field.edit, str(tmp_path / "svar.json"))
    click(qtbot, approver.send_back_button)
    assert approver.message.text() == ("Skriv minst ett ändringsförslag vid den paragraf det gäller, eller välj "
                                       "”Godkänn (inga ändringsförslag)”.")
    click_cell(qtbot, approver.table, 0, 2)
    editor = open_editor(qtbot, approver.table)
    type_keys(qtbot, editor, "Ett förslag")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: approver.table.item(0, 2).text() == "Ett förslag")
    click(qtbot, approver.approve_button)
    assert approver.message.text().startswith("Du har skrivit ändringsförslag. Välj ”Skicka tillbaka med "
                                              "ändringsförslag”")
    type_line(qtbot, approver.answer_field.edit, "")
    click(qtbot, approver.send_back_button)
    assert approver.message.text() == "Ange var svaret ska sparas (”Spara svaret som”)."
    assert not (tmp_path / "svar.json").exists()


def test_the_secretary_cannot_send_a_package_for_a_protokoll_not_ready(demo, demo_path, qapp, qtbot, tmp_path):
    from tests.justering.conftest import open_meeting

    from ui.justering.package_buttons import PackageButtons

    widget = PackageButtons(AppContext(db=demo, db_path=demo_path), open_meeting(demo))  # on its own
    qtbot.addWidget(widget)
    widget.show()
    widget.ask_save_path = lambda suggested: str(tmp_path / "underlag.pdf")
    click(qtbot, widget.package_button)
    qtbot.waitUntil(lambda: not widget.running, timeout=30000)
    assert widget.message.text() == "Ett justeringsunderlag kan bara skapas när protokollet är klart för justering."
    assert not (tmp_path / "underlag.pdf").exists()


def test_the_arkiv_menu_and_the_command_open_the_window(demo, demo_path, secretary, qapp, qtbot, tmp_path):
    from ui.justering import approver_window
    from ui.main_window import MainWindow

    package = tmp_path / "underlag.pdf"
    send_package(secretary, qtbot, package)
    main = MainWindow(AppContext(db=demo, db_path=demo_path))
    qtbot.addWidget(main)
    actions = [a.text() for a in main.menuBar().actions()[0].menu().actions()]
    assert "Öppna &justeringsunderlag…" in actions
    original = approver_window.ask_package_path
    approver_window.ask_package_path = lambda parent: str(package)
    try:
        main.open_package_action.trigger()
    finally:
        approver_window.ask_package_path = original
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, approver_window.ApproverWindow)
              and w.isVisible()]
    qtbot.waitUntil(lambda: not opened[0].opening, timeout=10000)
    assert len(opened) == 1 and opened[0].facts["meeting_id"] == secretary.meeting_id
    opened[0].close()

    # The command hands the file to the window's own event loop (approver_window.run). Running a second
    # QApplication.exec() inside the test process would stop the shared thread pool's callbacks for every
    # later test, so the command is checked up to that hand-over.
    from click.testing import CliRunner

    from namndapp.cli import main as cli

    handed = []
    original_run = approver_window.run
    approver_window.run = lambda path: handed.append(path) or 0
    try:
        result = CliRunner().invoke(cli, ["justerare", str(package)])
    finally:
        approver_window.run = original_run
    assert result.exit_code == 0, result.output
    assert handed == [str(package)]


def test_the_command_module_does_not_load_qt():
    code = ("import sys, namndapp.cli.justering as j; "
            "assert 'justerare' in [c.name for c in j.COMMANDS]; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'ui'))])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
