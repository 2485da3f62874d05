"""The final scan reads every place of a finished file a reader can see, and names where a finding is and
which field it came from."""

import io

import docx
import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject, ArrayObject, FloatObject
from reportlab.pdfgen import canvas as pdfcanvas

from namndapp.public import LeakRefused, public_version, publish
from namndapp.public.filter import PublicVersion
from namndapp.public.scan import scan_document

NUMBER = "600202-0003"


def _pdf(text: str = "Allt är i sin ordning.") -> bytes:
    buffer = io.BytesIO()
    canvas = pdfcanvas.Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _edited_pdf(edit) -> bytes:
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _annotation(writer):
    annotation = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Text"),
        NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(30), FloatObject(30)]),
        NameObject("/Contents"): TextStringObject(f"Kommentar om {NUMBER}")})
    writer.add_annotation(0, annotation)


PDF_PLACES = {
    "sidan 1": lambda: _pdf(f"Sökande {NUMBER}"),
    "PDF-metadata /Title": lambda: _edited_pdf(lambda w: w.add_metadata({"/Title": f"Protokoll {NUMBER}"})),
    "PDF-metadata /Subject": lambda: _edited_pdf(lambda w: w.add_metadata({"/Subject": NUMBER.replace("-", "–")})),
    "bokmärke": lambda: _edited_pdf(lambda w: w.add_outline_item(title=f"§ 4 {NUMBER}", page_number=0)),
    "anteckning på sidan 1": lambda: _edited_pdf(_annotation),
    "inbäddad fil": lambda: _edited_pdf(lambda w: w.add_attachment(f"intyg {NUMBER}.txt", b"x")),
}


@pytest.mark.parametrize("place", list(PDF_PLACES))
def test_a_personnummer_is_found_wherever_it_sits_in_a_pdf(place):
    findings = scan_document(PDF_PLACES[place](), "pdf", PublicVersion(None))
    assert [f.where for f in findings if f.kind == "personnummer"][:1] == [place]


def _docx(edit) -> bytes:
    document = docx.Document()
    document.add_paragraph("Allt är i sin ordning.")
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX_PLACES = {
    "word/document.xml": lambda d: d.add_paragraph(f"Sökande {NUMBER}"),
    "word/header1.xml": lambda d: d.sections[0].header.paragraphs[0].add_run(f"Utdrag {NUMBER}"),
    "word/footer1.xml": lambda d: d.sections[0].footer.paragraphs[0].add_run(NUMBER.replace("-", " ")),
    "docProps/core.xml": lambda d: setattr(d.core_properties, "subject", f"Protokoll {NUMBER}"),
    "word/comments.xml": lambda d: d.add_comment(d.paragraphs[0].runs, text=f"Se {NUMBER}", author="Sekreterare"),
    "tabell": lambda d: d.add_table(rows=1, cols=2).cell(0, 1).paragraphs[0].add_run(NUMBER),
}


@pytest.mark.parametrize("place", list(DOCX_PLACES))
def test_a_personnummer_is_found_wherever_it_sits_in_a_docx(place):
    findings = scan_document(_docx(DOCX_PLACES[place]), "docx", PublicVersion(None))
    wheres = [f.where for f in findings if f.kind == "personnummer"]
    assert wheres, place
    assert wheres[0] == ("word/document.xml" if place == "tabell" else place)


def test_a_personnummer_split_over_two_runs_of_a_docx_is_found():
    def split(document):
        paragraph = document.add_paragraph("Sökande 600202-")
        paragraph.add_run("0003")
    assert scan_document(_docx(split), "docx", PublicVersion(None))


def test_a_finding_names_the_field_it_came_from():
    data = {"paragraphs": [{"number": 7, "title": "Öppet", "description": f"Sökanden {NUMBER}"}]}
    version = public_version(data)
    # A renderer that printed the raw data instead of the filtered: the scan says which field.
    findings = scan_document(_pdf(data["paragraphs"][0]["description"]), "pdf", version)
    assert findings[0].source == "en del av dokumentet som inte kommer från registrets uppgifter"
    secret = {"paragraphs": [{"number": 8, "confidential": True, "title": "Ansökan för Kalle Hemligsson",
                              "description": f"Kalle Hemligsson bor på Gömstället 3 med sin mor {NUMBER} sedan maj."}]}
    version = public_version(secret)
    findings = scan_document(_pdf("Kalle Hemligsson bor på Gömstället 3 med sin mor sedan"), "pdf", version)
    assert findings and findings[0].kind == "sekretess" and findings[0].source == "§ 8, ärendebeskrivning"
    findings = scan_document(_pdf("Rubrik: Ansökan för Kalle Hemligsson"), "pdf", version)
    assert findings and findings[0].source == "§ 8, rubrik"


def test_publish_refuses_and_says_where():
    with pytest.raises(LeakRefused) as refused:
        publish({"title": "x"}, lambda data: _pdf(f"Tillagt av misstag {NUMBER}"), "pdf")
    assert "sidan 1" in refused.value.message and "personnummer" in refused.value.message


def test_ordinary_text_passes_and_the_organisation_number_stays():
    version = public_version({"municipality": {"name": "Leckby kommun", "org": "212000-0001"}})
    assert scan_document(_pdf("Leckby kommun, org.nr 212000-0001, Storgatan 1"), "pdf", version) == []
