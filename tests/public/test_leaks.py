"""Nothing leaks: every public document kind, in both formats, made from a database seeded with
confidential items and personnummer in every field and every written form, holds none of it in any byte
that a reader can see. The internal versions still hold all of it (so the seeds really reach the
documents, and the test could fail)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from pypdf import PdfReader

from namndapp.services import dispatch, packet, protocol_files
from namndapp.services.kallelse import kallelse_pdf
from tests.public import leak_world as world

pytestmark = pytest.mark.skipif(subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
                                reason="pdftotext (poppler-utils) behövs")


def _pdf_texts(content: bytes, tmp_path) -> list[str]:
    """Read back independently of the app's own scanner: pdftotext for the pages, pypdf for the rest."""
    path = tmp_path / "läs.pdf"
    path.write_bytes(content)
    texts = [subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                            check=True).stdout,
             subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout]
    reader = PdfReader(io.BytesIO(content))
    texts += [str(value) for value in (reader.metadata or {}).values()]

    def outline(entries):
        for entry in entries:
            yield from outline(entry) if isinstance(entry, list) else [str(entry.get("/Title", ""))]

    texts += list(outline(reader.outline))
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            texts.append(repr(annotation.get_object()))
    texts += list(reader.attachments or {})
    return texts


def _docx_texts(content: bytes) -> list[str]:
    texts = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            texts.append(name)
            xml = archive.read(name).decode("utf-8", "replace")
            texts += [xml, re.sub(r"<[^>]+>", "", xml)]
    return texts


def _texts(content: bytes, fmt: str, tmp_path) -> list[str]:
    return _pdf_texts(content, tmp_path) if fmt == "pdf" else _docx_texts(content)


def _digit_runs(text: str) -> str:
    """The text's digits with every separator a personnummer may have removed, so any written form shows."""
    return re.sub(r"[\s\-+.\u00ad\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0b\uff0d]", "", text)


def _hits(texts: list[str]) -> tuple[set[str], set[str]]:
    joined = "\n".join(texts)
    digits = _digit_runs(joined)
    folded = joined.casefold()
    numbers = {n for n in world.SEEDED_NUMBERS if n in digits}
    secrets = {w for w in world.SECRETS if w in folded}
    return numbers, secrets


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    from namndapp.storage import open_database

    path = tmp_path_factory.mktemp("leak") / "läcka.sqlite"
    db = open_database(path, create=True)
    ids = world.build(db)
    yield db, ids
    db.close()


def _documents(db, ids, *, public: bool, out_dir):
    """Every document kind in every format: (name, fmt, bytes)."""
    meeting = ids["meeting"]
    made = [("kallelse", "pdf", kallelse_pdf(db, meeting, public=public))]
    result = packet.build_packet(db, meeting, public=public)
    made.append(("handlingar", "pdf", result.pdf))
    data = protocol_files.minutes_data(db, meeting)
    numbers = [p["number"] for p in data["paragraphs"]]
    secret_numbers = [p["number"] for p in data["paragraphs"] if p["id"] != ids["paragraphs"]["open"]
                      and p["id"] != ids["paragraphs"]["val"]]
    for fmt in ("pdf", "docx"):
        made.append(("protokoll", fmt, protocol_files.protocol_bytes(data, fmt, public=public)))
        made.append(("utdrag av alla §§", fmt, protocol_files.extract_bytes(data, numbers, fmt, public=public)))
        made.append(("utdrag av en sekretess-§", fmt,
                     protocol_files.extract_bytes(data, secret_numbers[:1], fmt, public=public)))
    folder = out_dir / ("offentlig" if public else "intern")
    dispatch.dispatch_to_folder(db, meeting, folder, formats=("pdf", "docx"), before_approval=True, public=public)
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            made.append((f"expediering {file.parent.name}/{file.name}", file.suffix[1:], file.read_bytes()))
            made.append((f"expedieringens filnamn {file.name}", "name", str(file.relative_to(folder)).encode()))
    return made, result


def test_no_public_document_holds_a_seeded_personnummer_or_secret(leaky, tmp_path):
    db, ids = leaky
    made, result = _documents(db, ids, public=True, out_dir=tmp_path)
    found = []
    for name, fmt, content in made:
        texts = [content.decode()] if fmt == "name" else _texts(content, fmt, tmp_path)
        numbers, secrets = _hits(texts)
        found += [f"{name}: personnummer från {world.SEEDED_NUMBERS[n]}" for n in sorted(numbers)]
        found += [f"{name}: hemlig text från {world.SECRETS[w]}" for w in sorted(secrets)]
    kinds = {name.split(" ")[0] for name, _, _ in made}
    print(f"fält med personnummer: {len(world.SEEDED_NUMBERS)}, hemliga ord: {len(world.SECRETS)}, "
          f"dokument: {len(made)} ({', '.join(sorted(kinds))}), träffar: {len(found)}")
    assert not found, "\n".join(found[:40])
    assert {"kallelse", "handlingar", "protokoll", "utdrag", "expediering"} <= kinds
    # The attachments that held personnummer or a confidential case's name were withheld, and said so.
    assert any("Intyg med personnummer" in line for line in result.withheld)
    assert any("Brev från en granne" in line for line in result.withheld)


def test_the_internal_versions_hold_every_seed(leaky, tmp_path):
    """Proof that each seeded field reaches some document: otherwise the test above proves nothing."""
    db, ids = leaky
    made, _ = _documents(db, ids, public=False, out_dir=tmp_path)
    numbers, secrets = set(), set()
    for name, fmt, content in made:
        if fmt == "name":
            continue
        n, s = _hits(_texts(content, fmt, tmp_path))
        numbers |= n
        secrets |= s
    missing_numbers = sorted({world.SEEDED_NUMBERS[n].split(" (")[0] for n in world.SEEDED_NUMBERS if n not in numbers})
    missing_secrets = sorted(world.SECRETS[w] for w in world.SECRETS if w not in secrets)
    assert not missing_secrets, missing_secrets
    assert not missing_numbers, "\n".join(missing_numbers)


def test_the_municipalitys_organisation_number_is_not_masked(leaky, tmp_path):
    db, ids = leaky
    text = "\n".join(_pdf_texts(kallelse_pdf(db, ids["meeting"], public=True), tmp_path))
    data = protocol_files.minutes_data(db, ids["meeting"])
    text += "\n".join(_docx_texts(protocol_files.protocol_bytes(data, "docx", public=True)))
    assert world.ORGANISATION_NUMBER in text or world.ORGANISATION_NUMBER.replace("-", "") in _digit_runs(text)
