"""Fuzzing the JSON import: thousands of mutated exchange files (values replaced by hostile ones, fields
removed or added, the text itself cut or altered). Each is imported or refused with a Swedish message;
never another exception, and a refused file leaves the database exactly as it was.

NAMNDAPP_FUZZ_CASES sets how many cases each test runs (default 200; a full run uses 2,000 or more).
"""

import copy
import json
import os
import shutil

import pytest
from click.testing import CliRunner
from reliability_helpers import content_fingerprint
from hypothesis import HealthCheck, given, settings, strategies as st

from namndapp import exchange
from namndapp.cli import main
from namndapp.errors import NamndappError
from namndapp.storage import open_database

CASES = int(os.environ.get("NAMNDAPP_FUZZ_CASES", "200"))
FUZZ = settings(max_examples=CASES, deadline=None, derandomize=os.environ.get("CI") == "true",
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

# Bounded in time: about a quarter of a second a case on a loaded machine, with room to spare.
pytestmark = pytest.mark.timeout(60 + CASES)

hostile_scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.sampled_from([0, -1, 1, 2 ** 31, 2 ** 53, 2 ** 63, 2 ** 64, -(2 ** 63) - 1, 10 ** 40]),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([1.0, 1.5, -0.0, 1e308]),
    st.text(max_size=30),
    st.sampled_from(["", " ", "\x00", "\u202e", "igår", "9999-12-31", "0000-01-01", "2026-02-30", "25:00",
                     "{", "}", "{prefix.__class__}", "{year}/{seq!r}", "../../etc/passwd", "/tmp/x", "C:\\x",
                     "sn", "SN", "NaN", "é" * 600, "x" * 25000, "SOC/2026-000014", "2026-04-14T10:42:00"]),
)
hostile_values = st.recursive(hostile_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)


def places(value):
    """Every (path, value) in the file, the file itself first (iterative: a mutation may nest deeply)."""
    stack = [((), value)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, dict) and len(path) < 12:
            stack.extend((path + (key,), child) for key, child in reversed(list(node.items())))
        elif isinstance(node, list) and len(path) < 12:
            stack.extend((path + (index,), child) for index, child in reversed(list(enumerate(node))))


@st.composite
def mutated_files(draw, base):
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        spots = [path for path, _ in places(data) if path]
        path = draw(st.sampled_from(spots))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(("replace", "replace", "replace", "delete", "add", "deep")))
        if action == "replace":
            parent[path[-1]] = draw(hostile_values)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(hostile_values)
        elif action == "deep":
            nested = draw(hostile_scalars)
            for _ in range(draw(st.integers(30, 400))):  # deeper still: the text fuzz below
                nested = [nested]
            parent[path[-1]] = nested
    return data


def small(base: dict) -> dict:
    """The main meeting without its documents' content, so each import is quick."""
    data = copy.deepcopy(base)
    for case in data["cases"]:
        case["documents"] = case["documents"][:1]
    return data


def refused_or_imported(db, db_path, data) -> str:
    before = content_fingerprint(db_path)
    try:
        exchange.import_meeting(db, data)
    except NamndappError as error:
        assert error.message and "Traceback" not in error.message
        assert content_fingerprint(db_path) == before, error.message
        return "refused"
    return "imported"


def test_mutated_files_are_imported_or_refused_cleanly(demo_master, tmp_path_factory):
    base = small(demo_master[2]["main"])
    minutes = small(demo_master[2]["minutes"])
    master = tmp_path_factory.mktemp("fuzz") / "master.sqlite"
    open_database(master, create=True).close()
    outcomes = {"refused": 0, "imported": 0}

    counter = iter(range(10 ** 9))

    @FUZZ
    @given(data=st.one_of(mutated_files(base), mutated_files(minutes)))
    def run(data):
        path = master.with_name(f"fall-{next(counter)}.sqlite")
        shutil.copy(master, path)
        db = open_database(path)
        try:
            outcomes[refused_or_imported(db, path, data)] += 1
        finally:
            db.close()
            path.unlink()

    run()
    assert outcomes["refused"] > CASES // 4  # the mutations do reach the checks
    print(f"{CASES} muterade filer: {outcomes}")


def test_mutated_text_through_the_command_line_gives_one_swedish_line(demo_master, tmp_path_factory):
    text = exchange.dumps(small(demo_master[2]["main"]))
    folder = tmp_path_factory.mktemp("fuzz-cli")
    master = folder / "master.sqlite"
    open_database(master, create=True).close()
    runner = CliRunner()
    codes = {}
    counter = iter(range(10 ** 9))

    @FUZZ
    @given(cut=st.integers(0, len(text)), insert=st.text(max_size=8) | st.sampled_from(["[" * 5000, "9" * 5000,
                                                                                           "\ufeff", "\x00"]),
           keep_tail=st.booleans())
    def run(cut, insert, keep_tail):
        mutated = text[:cut] + insert + (text[cut:] if keep_tail else "")
        file = folder / "import.json"
        file.write_text(mutated, encoding="utf-8", errors="surrogatepass")
        path = folder / f"fall-{next(counter)}.sqlite"  # a new name: no -wal file of an earlier case beside it
        shutil.copy(master, path)
        before = content_fingerprint(path)
        result = runner.invoke(main, ["import", str(file), "--db", str(path)])
        codes[result.exit_code] = codes.get(result.exit_code, 0) + 1
        assert result.exit_code in (0, 1), result.output
        if result.exit_code:
            lines = [line for line in result.output.splitlines() if line.strip()]
            assert len(lines) == 1 and lines[0].startswith("Fel: ") and "oväntat" not in lines[0], result.output
            assert content_fingerprint(path) == before
        for leftover in folder.glob(f"{path.name}*"):
            leftover.unlink()

    run()
    print(f"{CASES} ändrade texter: slutkoder {codes}")


# The other JSON importers of the command line -----------------------------------------------------

def mutate(base, draw_value, choices):
    """A copy of `base` with one value (or the whole of it) replaced."""
    data = copy.deepcopy(base)
    spots = [path for path, _ in places(data)]
    path = choices(spots)
    if not path:
        return draw_value()
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = draw_value()
    return data


def test_report_and_standing_item_files_are_imported_or_refused_cleanly(demo_master, tmp_path_factory):
    report = copy.deepcopy(demo_master[2]["main"]["cases"][0]["reports"][0])
    case_number = demo_master[2]["main"]["cases"][0]["case_number"]
    standing = [{"placement": "opening", "title": "Val av justerare", "kind": "val"},
                {"placement": "closing", "title": "Meddelanden", "kind": "information"}]
    folder = tmp_path_factory.mktemp("fuzz-andra")
    runner = CliRunner()
    counter = iter(range(10 ** 9))
    codes = {}

    @settings(FUZZ, max_examples=max(20, CASES // 2))
    @given(data=st.data(), which=st.sampled_from(["report-set", "standing-items-set"]))
    def run(data, which):
        base = report if which == "report-set" else standing
        content = mutate(base, lambda: data.draw(hostile_values), lambda spots: data.draw(st.sampled_from(spots)))
        file = folder / "fil.json"
        file.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        path = folder / f"fall-{next(counter)}.sqlite"
        shutil.copy(demo_master[0], path)
        before = content_fingerprint(path)
        target = case_number if which == "report-set" else "SN"
        result = runner.invoke(main, [which, target, str(file), "--db", str(path)])
        codes[(which, result.exit_code)] = codes.get((which, result.exit_code), 0) + 1
        assert result.exit_code in (0, 1), result.output
        if result.exit_code:
            lines = [line for line in result.output.splitlines() if line.strip()]
            assert len(lines) == 1 and lines[0].startswith("Fel: ") and "oväntat" not in lines[0], result.output
            assert content_fingerprint(path) == before
        for leftover in folder.glob(f"{path.name}*"):
            leftover.unlink()

    run()
    print(f"report-set och standing-items-set: {codes}")
