"""Electronic signatures on a real protokoll PDF from `namndapp minutes`: test certificates, two incremental
PAdES signatures that verify here and in poppler's pdfsig, and files changed after signing that fail."""

import io
import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.justering import trust_store

PASSWORDS = {"ada": "hemligt-ada", "bo": "hemligt-bo"}
NAMES = {"ada": "Ada Ordförande", "bo": "Bo Justerare"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def text_of(pdf, *pages) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def pdfsig(pdf) -> str:
    return subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A demo database, the protokoll of a held meeting, two test certificates and a file signed by both."""
    root = tmp_path_factory.mktemp("signatures")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(trust_store.DATA_DIR_ENV_VAR, str(root / "data"))
        db = root / "demo.sqlite"
        assert run("demo", "--db", db).exit_code == 0
        held = [m for m in json.loads(run("meetings", "--db", db, "--json").output) if m["status"] == "genomfört"]
        protokoll = root / "protokoll.pdf"
        result = run("minutes", held[0]["id"], "--db", db, "--out", protokoll)
        assert result.exit_code == 0, result.output
        for key in ("ada", "bo"):
            result = run("certificate", "--name", NAMES[key], "--out", root / f"{key}.p12",
                         "--password", PASSWORDS[key])
            assert result.exit_code == 0, result.output
            (root / f"{key}.pw").write_text(PASSWORDS[key] + "\n", encoding="utf-8")
        once, twice = root / "en.pdf", root / "tva.pdf"
        for source, key, target in ((protokoll, "ada", once), (once, "bo", twice)):
            result = run("sign", source, "--cert", root / f"{key}.p12", "--password-file", root / f"{key}.pw",
                         "--out", target)
            assert result.exit_code == 0, result.output
        yield {"root": root, "protokoll": protokoll, "once": once, "twice": twice, "data": root / "data"}


@pytest.fixture
def data_dir(workspace, monkeypatch):
    monkeypatch.setenv(trust_store.DATA_DIR_ENV_VAR, str(workspace["data"]))
    return workspace["data"]


def test_the_test_certificate_says_so_in_its_subject(workspace):
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key, certificate, chain = pkcs12.load_key_and_certificates(
        (workspace["root"] / "ada.p12").read_bytes(), PASSWORDS["ada"].encode())
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Ada Ordförande (TESTCERTIFIKAT)"
    assert "Testcertifikat" in subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value
    assert "TESTCERTIFIKAT" in certificate.issuer.rfc4514_string()
    assert key is not None and [c.subject for c in chain] == [certificate.issuer]
    trusted = sorted(p.name for p in (workspace["data"] / "certifikat" / "test").iterdir())
    assert trusted == ["Nämndapp-testutfärdare.pem"]


def test_each_signature_is_an_incremental_update(workspace):
    original, once, twice = (workspace[k].read_bytes() for k in ("protokoll", "once", "twice"))
    assert once.startswith(original) and twice.startswith(once)
    assert page_count(workspace["once"]) == page_count(workspace["protokoll"]) + 1 == page_count(workspace["twice"])


def test_the_signature_page_shows_who_signed_and_when(workspace):
    last = page_count(workspace["twice"])
    page = text_of(workspace["twice"], last)
    assert "Elektroniska underskrifter" in page
    assert "Sammanträdesprotokoll" in page  # the document title taken from the PDF
    assert page.count("Digitalt undertecknat av") == 2
    assert "Ada Ordförande (TESTCERTIFIKAT)" in page and "Bo Justerare (TESTCERTIFIKAT)" in page
    assert len(re.findall(r"Tid: \d{4}-\d{2}-\d{2} kl\. \d{2}\.\d{2}", page)) == 2
    assert text_of(workspace["twice"], 1, last - 1) == text_of(workspace["protokoll"])


def test_every_font_of_the_signed_file_is_embedded(workspace):
    fonts = subprocess.run(["pdffonts", str(workspace["twice"])], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts


def test_two_signatures_verify_offline(workspace, data_dir):
    result = run("verify", workspace["twice"])
    assert result.exit_code == 0, result.output
    assert "Underskrift 1 av 2: Ada Ordförande (TESTCERTIFIKAT)" in result.output
    assert "Underskrift 2 av 2: Bo Justerare (TESTCERTIFIKAT)" in result.output
    assert result.output.count("Underskriften är intakt.") == 2
    assert "Efter underskriften har bara fler underskrifter lagts till." in result.output
    assert "Resultat: alla underskrifter är intakta och betrodda" in result.output


def test_verify_as_json(workspace, data_dir):
    result = run("verify", "--json", workspace["twice"])
    report = json.loads(result.output)
    assert (report["intact"], report["trusted"]) == (True, True)
    assert [(s["signer"], s["changes_after"], s["intact"], s["trusted"]) for s in report["signatures"]] == [
        ("Ada Ordförande (TESTCERTIFIKAT)", "signatures", True, True),
        ("Bo Justerare (TESTCERTIFIKAT)", "none", True, True)]


def test_pdfsig_lists_both_signatures(workspace):
    output = pdfsig(workspace["twice"])
    assert re.findall(r"^Signature #(\d):", output, re.M) == ["1", "2"]
    assert output.count("Signature Validation: Signature is Valid.") == 2
    assert "Common Name: Ada Ordförande (TESTCERTIFIKAT)" in output
    assert "Common Name: Bo Justerare (TESTCERTIFIKAT)" in output
    assert output.count("ETSI.CAdES.detached") == 2  # PAdES, not adbe.pkcs7


def test_a_file_changed_after_signing_fails(workspace, data_dir, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(workspace["twice"].read_bytes()))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"1 0 0 rg 80 500 300 40 re f")))
    changed = tmp_path / "andrad.pdf"
    with changed.open("wb") as out:
        writer.write(out)
    result = run("verify", changed)
    assert result.exit_code == 1, result.output
    assert result.output.count("Dokumentet har ÄNDRATS efter underskriften.") == 2
    assert "FILEN GÅR INTE ATT LITA PÅ" in result.output


def test_a_byte_changed_inside_the_signed_range_fails(workspace, data_dir, tmp_path):
    data = workspace["twice"].read_bytes()
    match = re.search(rb"/CreationDate \(D:(\d)", data)
    digit = match.start(1)
    tampered = tmp_path / "manipulerad.pdf"
    tampered.write_bytes(data[:digit] + (b"1" if data[digit:digit + 1] != b"1" else b"2") + data[digit + 1:])
    result = run("verify", tampered)
    assert result.exit_code == 1, result.output
    assert result.output.count("Underskriften är BRUTEN.") == 2
    assert pdfsig(tampered).count("Digest Mismatch") == 2


def test_an_unknown_issuer_is_intact_but_not_trusted(workspace, monkeypatch, tmp_path):
    monkeypatch.setenv(trust_store.DATA_DIR_ENV_VAR, str(tmp_path / "annan-dator"))
    result = run("verify", workspace["twice"])
    assert result.exit_code == 2, result.output
    assert result.output.count("Certifikatet är inte betrott här") == 2


def test_a_certificate_in_the_trusted_folder_is_trusted(workspace, monkeypatch, tmp_path):
    monkeypatch.setenv(trust_store.DATA_DIR_ENV_VAR, str(tmp_path / "annan-dator"))
    trust_store.trusted_folder().mkdir(parents=True)
    shutil.copy(workspace["data"] / "certifikat" / "test" / "Nämndapp-testutfärdare.pem",
                trust_store.trusted_folder() / "utfardare.crt")
    (trust_store.trusted_folder() / "trasig.pem").write_text("inget certifikat", encoding="utf-8")
    assert run("verify", workspace["twice"]).exit_code == 0


def test_an_unsigned_file_is_not_accepted(workspace, data_dir):
    result = run("verify", workspace["protokoll"])
    assert result.exit_code == 1
    assert "Filen har inga elektroniska underskrifter." in result.output


def test_a_wrong_password_signs_nothing(workspace, data_dir, tmp_path):
    (tmp_path / "fel.pw").write_text("fel-lösenord\n", encoding="utf-8")
    out = tmp_path / "ut.pdf"
    result = run("sign", workspace["protokoll"], "--cert", workspace["root"] / "ada.p12",
                 "--password-file", tmp_path / "fel.pw", "--out", out)
    assert result.exit_code == 1
    assert result.output.startswith("Fel: Certifikatfilen") and "fel lösenord" in result.output
    assert not out.exists()


def test_signing_something_that_is_not_a_pdf_is_refused(workspace, data_dir, tmp_path):
    not_pdf = tmp_path / "brev.pdf"
    not_pdf.write_text("hej", encoding="utf-8")
    result = run("sign", not_pdf, "--cert", workspace["root"] / "ada.p12",
                 "--password-file", workspace["root"] / "ada.pw", "--out", tmp_path / "ut.pdf")
    assert result.exit_code == 1
    assert "är ingen PDF" in result.output


def test_certificate_never_overwrites_a_key_and_wants_a_real_password(workspace, data_dir, tmp_path):
    existing = workspace["root"] / "ada.p12"
    before = existing.read_bytes()
    result = run("certificate", "--name", "Ada Ordförande", "--out", existing, "--password", "hemligt-ny")
    assert result.exit_code == 1 and "finns redan" in result.output
    assert existing.read_bytes() == before
    result = run("certificate", "--name", "Cilla", "--out", tmp_path / "c.p12", "--password", "kort")
    assert result.exit_code == 1 and "minst 6 tecken" in result.output
    assert not (tmp_path / "c.p12").exists()


def test_a_file_signed_first_in_another_program_gets_a_second_signature(workspace, data_dir, tmp_path):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from namndapp.justering import signing

    # Another program's invisible signature: no page can be added after it, so ours goes in the margin.
    credential = signing.load_credential(workspace["root"] / "ada.p12", PASSWORDS["ada"])
    elsewhere = tmp_path / "annat-program.pdf"
    with elsewhere.open("wb") as out:
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(workspace["protokoll"].read_bytes())),
                         signers.PdfSignatureMetadata(field_name="Signature1"), signer=credential.signer,
                         output=out)
    both = tmp_path / "bada.pdf"
    result = run("sign", elsewhere, "--cert", workspace["root"] / "bo.p12", "--password-file",
                 workspace["root"] / "bo.pw", "--out", both)
    assert result.exit_code == 0, result.output
    assert page_count(both) == page_count(workspace["protokoll"])
    assert "Bo Justerare (TESTCERTIFIKAT)" in text_of(both, page_count(both))
    result = run("verify", both)
    assert result.exit_code == 0, result.output
    assert re.findall(r"^Signature #(\d):", pdfsig(both), re.M) == ["1", "2"]
