"""The anslag: posted after justering, its dates from the deadline rules, a new posting after an outage that
restarts the appeal time with both kept, and the notice as HTML and PDF; the protokoll's anslagsbevis
claims a tillkännagivande only once there is one."""

import datetime as dt
import subprocess

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import protocol_files
from namndapp.services.justering import anslag, approvals, sealing
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings

JUSTERAD_ON = dt.date(2026, 12, 10)  # a Thursday: two days on is a Saturday, so the anslag may wait for Monday


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def justera(db, meeting, on=JUSTERAD_ON):
    for approver in approvals.approvers(db, meeting):
        approvals.approve(db, meeting, approver.name, no_changes=True)
    return sealing.justera(db, meeting, today=on)


def posting_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM anslag").fetchone()[0]


def test_nothing_is_posted_before_justering(demo):
    meeting = ready_meetings(demo)[0]
    with pytest.raises(ConflictError, match="inte justerat än"):
        anslag.post(demo, meeting, "2026-12-11")
    assert posting_count(demo) == 0


def test_the_anslag_deadline_after_a_thursday_justering_is_monday(demo):
    meeting = ready_meetings(demo)[0]
    assert justera(demo, meeting)["last_anslag_day"] == dt.date(2026, 12, 14)
    assert anslag.post(demo, meeting, "2026-12-14")["warnings"] == []
    other = ready_meetings(demo)[0]
    justera(demo, other)
    late = anslag.post(demo, other, "2026-12-15")
    assert "efter lagens frist" in late["warnings"][0]


def test_an_anslag_cannot_go_up_before_the_justering(demo):
    meeting = ready_meetings(demo)[0]
    justera(demo, meeting)
    with pytest.raises(ValidationError, match="före justeringen"):
        anslag.post(demo, meeting, "2026-12-09")
    assert posting_count(demo) == 0


def test_reposting_after_an_outage_restarts_the_appeal_time_and_keeps_both(demo):
    meeting = ready_meetings(demo)[0]
    justera(demo, meeting)
    first = anslag.post(demo, meeting, "2026-12-11", storage_place="Kommunkansliet, Storgatan 1")
    assert (first["dates"].last_appeal_day, first["dates"].take_down_day) == (dt.date(2027, 1, 4),
                                                                              dt.date(2027, 1, 5))
    with pytest.raises(ValidationError, match="behöver en anledning"):
        anslag.post(demo, meeting, "2026-12-14")
    with pytest.raises(ValidationError, match="efter det förra"):
        anslag.post(demo, meeting, "2026-12-11", note="Anslagstavlan låg nere")
    again = anslag.post(demo, meeting, "2026-12-14", note="Anslagstavlan låg nere 12–13 december")
    assert again["reason"] == "återanslag"
    assert again["dates"].last_appeal_day == dt.date(2027, 1, 4)  # 4 jan: nyårsafton and the weekend skipped
    data = anslag.notice_data(demo, meeting)
    assert [(p["posted_on"], p["reason"]) for p in data["history"]] == [("2026-12-11", "anslag"),
                                                                         ("2026-12-14", "återanslag")]
    assert data["storage_place"] == "Kommunkansliet, Storgatan 1"


def test_notice_as_html_and_pdf(demo_path, tmp_path):
    db = open_database(demo_path)
    meeting = ready_meetings(db)[0]
    justera(db, meeting)
    db.close()
    html_file, pdf_file = tmp_path / "anslag.html", tmp_path / "anslag.pdf"
    result = run("notice", meeting, "--db", demo_path, "--posted", "2026-12-11",
                 "--storage-place", "Kommunkansliet, Storgatan 1", "--out", html_file)
    assert result.exit_code == 0, result.output
    assert "Sista dag för överklagande: måndagen den 4 januari 2027" in result.output
    html = html_file.read_text(encoding="utf-8")
    for expected in ("<section class=\"anslag\" lang=\"sv\">", "Datum då anslaget sätts upp</th><td>11 december 2026",
                     "Datum då anslaget tas ned</th><td>5 januari 2027", "Kommunkansliet, Storgatan 1",
                     "Datum då protokollet justerades</th><td>10 december 2026", "laglighetsprövning",
                     "senast måndagen den 4 januari 2027"):
        assert expected in html, expected
    assert run("notice", meeting, "--db", demo_path, "--out", pdf_file).exit_code == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf_file), "-"], capture_output=True, text=True).stdout
    assert "Tillkännagivande om justering av protokoll" in text and "5 januari 2027" in text
    assert "Paragrafer" in text and "§§" in text
    fonts = subprocess.run(["pdffonts", str(pdf_file)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(row.split()[-5] == "yes" for row in fonts)


def test_the_anslagsbevis_is_a_blank_form_until_the_anslag(demo):
    meeting = ready_meetings(demo)[0]
    data = protocol_files.minutes_data(demo, meeting)
    from namndapp.documents import minutes_content

    blank = minutes_content._notice_block(data)
    assert blank.heading == "ANSLAGSBEVIS"
    assert dict(blank.rows)["Datum då anslaget sätts upp"] == ""
    posted = minutes_content._notice_block({**data, "notice": {"posted_on": "2026-12-11", "removed_on": "2027-01-05"}})
    assert posted.heading.startswith("ANSLAG/BEVIS – Protokollet är justerat. Justeringen har tillkännagivits")


def test_the_protokoll_notice_carries_the_latest_anslag(demo):
    meeting = ready_meetings(demo)[0]
    assert anslag.protocol_notice(demo, meeting) == {}
    justera(demo, meeting)
    anslag.post(demo, meeting, "2026-12-11", storage_place="Kommunkansliet")
    anslag.post(demo, meeting, "2026-12-14", note="Webbplatsen låg nere")
    assert anslag.protocol_notice(demo, meeting) == {"posted_on": "2026-12-14", "removed_on": "2027-01-05",
                                                     "storage_place": "Kommunkansliet"}
