"""Writes the Word templates for the protokoll and the protokollsutdrag into resurser/mallar/.

    .venv/bin/python scripts/make_template.py

The templates hold everything about the look: A4 page and margins, the styles the renderer uses (by
name), and the running header and footer with placeholders ({logo}, {kommun}, {organ}, {datum},
{offentlig}). A municipality may replace them with its own Word files built the same way; see
docs/mallar.md. The renderer (namndapp/documents/minutes_docx.py) only adds the body text.
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

# Word is strict about the order of properties (LibreOffice is not): these come after the element we add.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_TCBORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")

OUT = Path(__file__).resolve().parent.parent / "resurser" / "mallar"
SERIF, SANS = "Times New Roman", "Arial"  # on Linux/LibreOffice these map to the metric-equal Liberation fonts
BLACK, GREY = RGBColor(0, 0, 0), RGBColor(0x55, 0x55, 0x55)
TEXT_WIDTH = Mm(210 - 25 - 20)


def _font(style, name, size, bold=None, italic=None, color=BLACK):
    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _paragraph_style(document, name, base="Normal", *, font=SERIF, size=11, bold=None, italic=None, color=BLACK,
                     before=0, after=4, left=0, first_line=None, keep_with_next=False):
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
    style.quick_style = True
    _font(style, font, size, bold, italic, color)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.left_indent = Mm(left) if left else None
    fmt.first_line_indent = Mm(first_line) if first_line is not None else None
    fmt.keep_with_next = keep_with_next or None
    fmt.line_spacing = 1.1
    return style


def _swedish_everywhere(document):
    """Spelling and hyphenation in Swedish: w:lang in the document defaults."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), "sv-SE")


def _styles(document):
    _paragraph_style(document, "Normal", size=11, after=5)
    for level, size, italic in ((1, 14, None), (2, 13, None), (3, 11, None), (4, 10.5, True)):
        style = _paragraph_style(document, f"Heading {level}", font=SANS, size=size, bold=True, italic=italic,
                                 before={1: 12, 2: 2, 3: 8, 4: 4}[level], after={1: 0, 2: 6, 3: 2, 4: 2}[level],
                                 keep_with_next=True)
        style.paragraph_format.keep_together = True
    heading = document.styles["Heading 1"].paragraph_format
    heading.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _paragraph_style(document, "Ingress", font=SANS, size=11, after=8)
    _paragraph_style(document, "Att-sats", left=8, first_line=-8, after=3)
    _paragraph_style(document, "Citerad text", left=8, italic=True)
    _paragraph_style(document, "Anteckning", italic=True, color=GREY)
    _paragraph_style(document, "Förteckning", after=1)
    _paragraph_style(document, "Ledtext", font=SANS, size=10, bold=True, after=0).paragraph_format.line_spacing = 1.0
    _paragraph_style(document, "Tabelltext", font=SANS, size=10, after=0).paragraph_format.line_spacing = 1.0
    _paragraph_style(document, "Sidhuvud", font=SANS, size=9.5, after=0)
    _paragraph_style(document, "Sidhuvud fet", "Sidhuvud", font=SANS, size=11, bold=True, after=0)
    _paragraph_style(document, "Rutetikett", font=SANS, size=8, after=1)
    for name in ("Header", "Footer"):
        if name in [s.name for s in document.styles]:
            _font(document.styles[name], SANS, 9.5)


def _field(paragraph, instruction):
    """A simple Word field (PAGE, NUMPAGES) that Word and LibreOffice update themselves."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _borders(cell, sides=("top", "left", "bottom", "right"), size=6):
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in sides:
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.insert_element_before(borders, *_AFTER_TCBORDERS)


def _no_table_borders(table):
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _rule_below(paragraph):
    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    properties.insert_element_before(border, *_AFTER_PBDR)


def _cell_text(cell, text, style, align=None):
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    if align is not None:
        paragraph.alignment = align
    if text:
        paragraph.add_run(text)
    return paragraph


def _fixed_table(container, rows, widths):
    table = container.add_table(rows=rows, cols=len(widths), width=sum(widths, Mm(0)))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for column, width in zip(table._tbl.tblGrid.iter(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(Emu(int(width)).twips))  # LibreOffice lays out by the grid, Word by the cells
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    _no_table_borders(table)
    return table


def _sign_boxes(container, labels, align_right: bool):
    """The two boxes on every page: the justerare's initials and the certification of an extract."""
    widths = [TEXT_WIDTH - Mm(84), Mm(40), Mm(4), Mm(40)] if align_right else [Mm(40), Mm(4), Mm(40)]
    table = _fixed_table(container, 2, widths)
    cells = [1, 3] if align_right else [0, 2]
    for column, label in zip(cells, labels):
        _cell_text(table.rows[0].cells[column], label, "Rutetikett")
        box = table.rows[1].cells[column]
        _borders(box)
        box.paragraphs[0].style = "Sidhuvud"
    table.rows[1].height = Mm(11)
    return table


def _logo_and_name(cell, text):
    """{logo} becomes the municipality's logo from the register (or nothing); a municipality that puts
    its own logo in the template simply deletes the placeholder."""
    paragraph = _cell_text(cell, "", "Sidhuvud fet")
    paragraph.add_run("{logo}")
    paragraph.add_run(text)
    for neighbour in cell._parent.rows[0].cells:  # the row's texts line up with the name beside a logo
        neighbour.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    return paragraph


def _page_number(paragraph):
    paragraph.add_run("Sida ")
    _field(paragraph, "PAGE")
    paragraph.add_run("(")
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(")")


def _protocol_header(section):
    header = section.header
    table = _fixed_table(header, 2, [Mm(75), Mm(65), TEXT_WIDTH - Mm(140)])
    _logo_and_name(table.rows[0].cells[0], "{kommun}")
    _cell_text(table.rows[0].cells[1], "SAMMANTRÄDESPROTOKOLL", "Sidhuvud fet")
    _page_number(_cell_text(table.rows[0].cells[2], "", "Sidhuvud", WD_ALIGN_PARAGRAPH.RIGHT))
    _cell_text(table.rows[1].cells[0], "{organ}", "Sidhuvud")
    _cell_text(table.rows[1].cells[1], "Sammanträdesdatum {datum}", "Sidhuvud")
    line = header.paragraphs[0]
    line.style = "Sidhuvud"
    line._p.getparent().remove(line._p)
    header._element.append(line._p)  # after the table: carries the rule and the public-version line
    line.add_run("{offentlig}").italic = True
    _rule_below(line)
    footer = section.footer
    footer.paragraphs[0].style = "Sidhuvud"
    _sign_boxes(footer, ["Justerares sign", "Utdragsbestyrkande"], align_right=True)


def _extract_header(section):
    header = section.header
    table = _fixed_table(header, 2, [TEXT_WIDTH - Mm(30), Mm(30)])
    name = _logo_and_name(table.rows[0].cells[0], "{kommun}")
    kind = name.add_run(" Protokollsutdrag")  # in regular weight: the document's kind, not part of the name
    kind.bold = False
    _page_number(_cell_text(table.rows[0].cells[1], "", "Sidhuvud", WD_ALIGN_PARAGRAPH.RIGHT))
    _cell_text(table.rows[1].cells[0], "{organ} {datum}", "Sidhuvud")
    gap = header.add_paragraph(style="Sidhuvud")  # two tables in a row would merge into one in Word and LibreOffice
    gap.paragraph_format.space_after = Pt(2)
    _sign_boxes(header, ["Justerares sign:", "Utdraget bestyrks:"], align_right=False)
    line = header.paragraphs[0]
    line.style = "Sidhuvud"
    line._p.getparent().remove(line._p)
    header._element.append(line._p)
    line.add_run("{offentlig}").italic = True
    _rule_below(line)


def _page(section, top_mm):
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(top_mm), Mm(32)
    section.header_distance, section.footer_distance = Mm(10), Mm(8)
    section.start_type = WD_SECTION.NEW_PAGE


def make(kind: str) -> Document:
    document = Document()
    _swedish_everywhere(document)
    _styles(document)
    section = document.sections[0]
    if kind == "protokoll":
        _page(section, 32)
        _protocol_header(section)
    else:
        _page(section, 48)
        _extract_header(section)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    properties = document.core_properties
    properties.language = "sv-SE"
    properties.author = "Nämndapp"
    properties.title = "Sammanträdesprotokoll" if kind == "protokoll" else "Protokollsutdrag"
    properties.comments = "Mall för Nämndapp. Platshållare: {logo} {kommun} {organ} {datum} {offentlig}."
    return document


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, name in (("protokoll", "protokoll.docx"), ("utdrag", "protokollsutdrag.docx")):
        make(kind).save(OUT / name)
        print(f"Skrev {OUT / name}")


if __name__ == "__main__":
    main()
