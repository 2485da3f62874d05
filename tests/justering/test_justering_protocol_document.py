"""The protokoll itself states the truth of the moment: an empty anslagsbevis to fill in until the anslag,
then the anslag's dates, read back from the rendered PDF (internal and public version)."""

import datetime as dt
import subprocess

from namndapp.services import protocol_files
from namndapp.services.justering import anslag, approvals, sealing
from tests.justering.conftest import ready_meetings

CLAIM = "Justeringen har tillkännagivits genom anslag"


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_protokoll_claims_the_anslag_only_after_it_and_then_prints_its_dates(demo, tmp_path):
    meeting = ready_meetings(demo)[0]
    before = _text(protocol_files.render_minutes(demo, meeting, "pdf"), tmp_path)
    assert "ANSLAGSBEVIS" in before and CLAIM not in before
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting, today=dt.date(2026, 12, 10))
    justerad = _text(protocol_files.render_minutes(demo, meeting, "pdf"), tmp_path)
    assert CLAIM not in justerad and "2026-12-11" not in justerad
    anslag.post(demo, meeting, "2026-12-11", storage_place="Kommunkansliet, Storgatan 1")
    for public in (False, True):
        posted = _text(protocol_files.render_minutes(demo, meeting, "pdf", public=public), tmp_path)
        assert CLAIM in posted
        assert "2026-12-11" in posted and "2027-01-05" in posted and "Kommunkansliet, Storgatan 1" in posted
