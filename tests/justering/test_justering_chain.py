"""The hash chain of justerade protokoll: `namndapp check` recomputes it and names the first broken link."""

import json

from click.testing import CliRunner

from namndapp.cli import main
from namndapp.services.justering import approvals, content, sealing
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def justera_two_of_one_body(db):
    body_of = {m: db.execute("SELECT body_id FROM meetings WHERE id = ?", [m]).fetchone()[0]
               for m in ready_meetings(db)}
    body = max(set(body_of.values()), key=list(body_of.values()).count)
    chosen = sorted(m for m, b in body_of.items() if b == body)[:2]
    for meeting in chosen:
        for approver in approvals.approvers(db, meeting):
            approvals.approve(db, meeting, approver.name, no_changes=True)
        sealing.justera(db, meeting)
    return chosen


def test_each_seal_links_to_the_previous_one_of_the_body(demo):
    first, second = justera_two_of_one_body(demo)
    seals = [demo.execute("SELECT id, previous_seal_id, chain_hash, content_hash FROM justering_seals "
                          "WHERE meeting_id = ?", [m]).fetchone() for m in (first, second)]
    assert seals[0][1] is None and seals[1][1] == seals[0][0]
    assert seals[1][2] == content.chain_hash(seals[0][2], second, demo.execute(
        "SELECT justerad_on FROM justering_seals WHERE meeting_id = ?", [second]).fetchone()[0], seals[1][3])
    assert sealing.chain_problems(demo) == []


def test_check_names_the_first_broken_link(demo_path):
    db = open_database(demo_path)
    first, second = justera_two_of_one_body(db)
    date = db.execute("SELECT meeting_date FROM meetings WHERE id = ?", [first]).fetchone()[0]
    db.close()
    assert run("check", "--db", demo_path).exit_code == 0

    # Someone with the file goes round the triggers and rewrites a decision in the first protokoll.
    raw = open_database(demo_path)
    raw.execute("DROP TRIGGER paragraphs_frozen_update")
    raw.execute("DROP TRIGGER paragraphs_justerad_update")
    raw.execute("UPDATE paragraphs SET title = title || ' (omskriven)' WHERE meeting_id = ? "
                "AND id = (SELECT MIN(id) FROM paragraphs WHERE meeting_id = ?)", [first, first])
    raw.conn.commit()
    raw.close()
    result = run("check", "--db", demo_path)
    assert result.exit_code == 1
    assert f"Kedjan av justerade protokoll är bruten vid Socialnämnden, sammanträdet {date}" in result.output \
        or f"sammanträdet {date}: innehållet har ändrats" in result.output
    assert "innehållet har ändrats efter justeringen" in result.output
    report = json.loads(run("check", "--db", demo_path, "--json").output)
    assert len([p for p in report["problems"] if "Kedjan" in p]) == 1  # the first broken link, not every later one


def test_a_seal_removed_from_the_chain_is_found(demo_path):
    db = open_database(demo_path)
    first, second = justera_two_of_one_body(db)
    db.execute("DROP TRIGGER justering_seals_sealed_update")
    db.execute("UPDATE justering_seals SET previous_seal_id = NULL WHERE meeting_id = ?", [second])
    db.conn.commit()
    problems = sealing.chain_problems(db)
    db.close()
    assert len(problems) == 1 and "pekar inte på det föregående" in problems[0]


def test_a_forged_seal_hash_is_found(demo):
    first, second = justera_two_of_one_body(demo)
    demo.execute("DROP TRIGGER justering_seals_sealed_update")
    new_hash = content.content_hash(demo, second)
    demo.execute("UPDATE justering_seals SET justerad_on = '2020-01-01', content_hash = ? WHERE meeting_id = ?",
                 [new_hash, second])
    demo.conn.commit()
    problems = sealing.chain_problems(demo)
    assert len(problems) == 1 and "kedjevärde" in problems[0]
