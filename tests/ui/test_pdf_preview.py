"""The PDF preview inside the app (QtPdf): pages, zoom, printing to a real QPrinter file, a broken file and
opening in the system viewer."""

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ui.pdf_preview import PdfPreview, PdfPreviewDialog


def three_pages(path):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, 4):
        pdf.drawString(72, 760, f"Sida {number} av 3 – å ä ö")
        pdf.showPage()
    pdf.save()
    return path


def test_pages_and_zoom(qtbot, tmp_path):
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 900)
    preview.show()
    assert preview.load(three_pages(tmp_path / "tre.pdf"))
    assert (preview.page_count(), preview.current_page()) == (3, 0)
    assert not preview.previous_button.isEnabled()
    preview.next_page()
    preview.next_page()
    preview.next_page()  # past the end stays on the last page
    assert preview.current_page() == 2 and not preview.next_button.isEnabled()
    assert "3" in preview.page_label.text()
    preview.set_zoom(1.0)
    preview.zoom_in()
    assert preview.zoom_factor() == 1.25
    preview.set_zoom(10)
    assert preview.zoom_factor() == 3.0


def test_printing_renders_every_page_or_the_chosen_range(qtbot, tmp_path):
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.load(three_pages(tmp_path / "tre.pdf"))
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "utskrift.pdf"))
    assert preview.print_to(printer)
    assert len(PdfReader(tmp_path / "utskrift.pdf").pages) == 3

    ranged = QPrinter(QPrinter.ScreenResolution)
    ranged.setOutputFormat(QPrinter.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "sida2.pdf"))
    ranged.setPrintRange(QPrinter.PageRange)
    ranged.setFromTo(2, 2)
    assert preview.print_to(ranged)
    assert len(PdfReader(tmp_path / "sida2.pdf").pages) == 1


def test_a_broken_file_says_so_and_prints_nothing(qtbot, tmp_path):
    preview = PdfPreview()
    qtbot.addWidget(preview)
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.4 inte en riktig pdf")
    assert not preview.load(broken)
    assert preview.page_label.text() == "Filen kunde inte läsas"
    assert not preview.print_to(QPrinter())


def test_open_in_the_system_viewer_or_say_where_the_file_is(qtbot, tmp_path, messages):
    dialog = PdfPreviewDialog(three_pages(tmp_path / "tre.pdf"), "Kallelse")
    qtbot.addWidget(dialog)
    opened = []
    dialog.preview.open_url = lambda url: opened.append(url.toLocalFile()) or True
    dialog.preview.open_button.click()
    assert opened == [str(tmp_path / "tre.pdf")]
    dialog.preview.open_url = lambda url: False
    dialog.preview.open_button.click()
    assert messages and str(tmp_path / "tre.pdf") in messages[-1][1]
