"""The protokoll and its extracts as editable Word documents, built on a replaceable template.

The template (resurser/mallar/protokoll.docx or protokollsutdrag.docx, or the municipality's own
copy in the user's data folder under mallar/) carries the page, the styles and the running header
and footer; placeholders there ({logo}, {kommun}, {organ}, {datum}, {offentlig}) are filled in here. Styles
the template lacks fall back to Normal, so a municipality's template never breaks the output.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import platformdirs
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from namndapp import paths
from namndapp.documents import minutes_content as mc

# Word is strict about the order of properties (LibreOffice is not): these come after the element we add.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_TCBORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")

TEMPLATE_NAMES = {mc.PROTOCOL: "protokoll.docx", mc.EXTRACT: "protokollsutdrag.docx"}
TEXT_STYLES = {"body": "Normal", "intro": "Ingress", "quote": "Citerad text", "note": "Anteckning",
               "small": "Tabelltext"}
LABEL_WIDTH = Mm(52)


def user_template_dir() -> Path:
    return Path(platformdirs.user_data_dir("namndapp", appauthor=False)) / "mallar"


def template_path(kind: str) -> Path:
    """The municipality's own template if it has put one in place, otherwise the bundled one."""
    name = TEMPLATE_NAMES[kind]
    own = user_template_dir() / name
    return own if own.is_file() else paths.resource("mallar", name)


@lru_cache(maxsize=4)
def _template_bytes(path: str, mtime: float) -> bytes:
    return Path(path).read_bytes()


class _Writer:
    def __init__(self, document: mc.MinutesDocument, template: Path):
        self.source = document
        self.doc = Document(io.BytesIO(_template_bytes(str(template), template.stat().st_mtime)))
        self.body = self.doc.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.styles = {style.name: style for style in self.doc.styles}
        # style ids set straight on the XML: python-docx's by-name lookup costs more than the whole document
        self.style_ids = {name: style.style_id for name, style in self.styles.items()}
        section = self.doc.sections[-1]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    def styled(self, paragraph, name: str):
        style_id = self.style_ids.get(name)
        if style_id and name != "Normal":
            paragraph._p.style = style_id
        return paragraph

    def add(self, name: str = "Normal", container=None):
        return self.styled((container if container is not None else self.doc).add_paragraph(), name)

    # text -------------------------------------------------------------------------------------
    def paragraph(self, text: str, style: str, container=None):
        paragraph = self.add(style, container)
        lines = text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)
        return paragraph

    def fill_placeholders(self) -> None:
        values = {"{kommun}": self.source.municipality, "{organ}": self.source.body_name,
                  "{datum}": self.source.meeting_date, "{offentlig}": self.source.public_marker,
                  "{dokument}": self.source.heading}
        for section in self.doc.sections:
            for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                         section.even_page_header, section.even_page_footer):
                if part.is_linked_to_previous and part is not section.header and part is not section.footer:
                    continue
                self.sign_boxes(part)
                for text_element in list(part._element.iter(qn("w:t"))):
                    if text_element.text and "{" in text_element.text:
                        if "{logo}" in text_element.text:
                            self.logo(part, text_element)
                        for key, value in values.items():
                            text_element.text = text_element.text.replace(key, value)

    def sign_boxes(self, part) -> None:
        """The template's initial boxes take the house style's label, or go when the style has none.
        A template may say {justerares_sign} or carry the standard label."""
        labels = {"{justerares_sign}", "Justerares sign", "Justerares sign:"}
        for text_element in list(part._element.iter(qn("w:t"))):
            if (text_element.text or "").strip() not in labels:
                continue
            if self.source.sign_boxes:
                text_element.text = self.source.sign_label
                continue
            holder = next((a for a in text_element.iterancestors() if a.tag in (qn("w:tbl"), qn("w:p"))), None)
            table = next((a for a in text_element.iterancestors() if a.tag == qn("w:tbl")), holder)
            if table is not None and table.getparent() is not None:
                table.getparent().remove(table)

    def logo(self, part, text_element) -> None:
        """The register's logo where the template says {logo} (or, in the house style "höger", at the
        end of that header row); a broken image leaves just the name."""
        text_element.text = text_element.text.replace("{logo}", "")
        if not self.source.logo or self.source.logo_position == "ingen":
            return
        try:
            inline = part.part.new_pic_inline(io.BytesIO(self.source.logo), None, Mm(6))
            run = text_element.getparent()
            drawing = OxmlElement("w:drawing")
            drawing.append(inline)
            if self.source.logo_position == "höger":  # under "Sida 1(3)" in the row's last cell
                paragraph = _last_paragraph_of_row(run)
                paragraph.append(_run_with(_break()))
                paragraph.append(_run_with(drawing))
                return
            run.addprevious(_run_with(drawing))
            run.addprevious(_run_text("  "))
        except Exception:  # a logo must never stop the protokoll
            return

    def properties(self) -> None:
        properties = self.doc.core_properties
        properties.title = self.source.title
        properties.subject = self.source.subject
        properties.author = self.source.municipality or "Nämndapp"
        properties.last_modified_by = "Nämndapp"
        properties.language = "sv-SE"
        properties.keywords = self.source.heading
        properties.comments = ""

    # blocks -----------------------------------------------------------------------------------
    def paragraph_head(self, block: mc.ParagraphHead) -> None:
        paragraph = self.add("Heading 1")
        paragraph.add_run(block.number)
        if block.case_number:
            paragraph.add_run("\t")
            dnr = paragraph.add_run(block.case_number)
            dnr.bold = False
            dnr.font.size = Pt(10)
        tabs = paragraph.paragraph_format.tab_stops
        if not len(tabs):
            tabs.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)

    def table(self, rows: int, widths) -> object:
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.autofit = False
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        grid = table._tbl.tblGrid
        for column, width in zip(grid.iter(qn("w:gridCol")), widths):
            column.set(qn("w:w"), str(Emu(int(width)).twips))  # LibreOffice lays out by the grid, Word by the cells
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
        return table

    def cell_lines(self, cell, lines, style: str, align=None) -> None:
        first = True
        for line in lines or [""]:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            self.styled(paragraph, style)
            if align is not None:
                paragraph.alignment = align
            if line:
                paragraph.add_run(line)
            first = False

    def labelled(self, block: mc.Labelled) -> None:
        table = self.table(len(block.rows), [LABEL_WIDTH, self.text_width - LABEL_WIDTH])
        for row, (label, lines) in zip(table.rows, block.rows):
            label_cell, value_cell = row.cells
            self.cell_lines(label_cell, [label], "Ledtext")
            self.cell_lines(value_cell, list(lines), "Tabelltext")
            _space_after(value_cell.paragraphs[-1], 5)

    def vote(self, block: mc.VoteTable) -> None:
        self.paragraph(block.heading, "Heading 4")
        if block.question:
            self.paragraph(block.question, "Normal").paragraph_format.keep_with_next = True
        widths = [Mm(95), Mm(18), Mm(18), Mm(18)]
        table = self.table(len(block.rows) + 2, widths)
        table.style = self.styles.get("Table Grid") or table.style
        center = WD_ALIGN_PARAGRAPH.CENTER
        rows = table.rows
        member = block.member_label if block.rows else ""
        for index, (cell, heading) in enumerate(zip(rows[0].cells, (member, "Ja", "Nej", "Avstår"))):
            self.cell_lines(cell, [heading], "Ledtext", center if index else None)
        _repeat_as_header(rows[0])
        for row, values in zip(rows[1:-1], block.rows):
            cells = row.cells
            self.cell_lines(cells[0], [values[0]], "Tabelltext")
            for cell, value in zip(cells[1:], values[1:]):
                self.cell_lines(cell, [value], "Tabelltext", center)
        totals = rows[-1].cells
        self.cell_lines(totals[0], [block.total_label], "Ledtext")
        for cell, value in zip(totals[1:], block.totals):
            self.cell_lines(cell, [str(value)], "Ledtext", center)
        for index, row in enumerate(rows):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    fmt = paragraph.paragraph_format
                    fmt.space_before = fmt.space_after = Pt(1.5)
                    # Word keeps a table on one page when every row but the last keeps with the next
                    fmt.keep_with_next = index < len(rows) - 1 or None
        self.paragraph(block.result, "Normal").paragraph_format.space_before = Pt(4)

    def grid(self, block: mc.Grid) -> None:
        """The närvaro- och omröstningslista: a group row ("Omröstning § 29") over the column labels."""
        heads = 2 if block.groups else 1
        table = self.table(len(block.rows) + heads + 1, [int(share * self.text_width) for share in block.widths])
        table.style = self.styles.get("Table Grid") or table.style
        center = WD_ALIGN_PARAGRAPH.CENTER
        rows = table.rows
        column = 0
        for label, width in block.groups:
            cell = rows[0].cells[column]
            if width > 1:
                cell = cell.merge(rows[0].cells[column + width - 1])
            self.cell_lines(cell, [label], "Ledtext", center if column else None)
            column += width
        for index, (cell, label) in enumerate(zip(rows[heads - 1].cells, block.columns)):
            self.cell_lines(cell, [label], "Ledtext", center if index else None)
        for row in rows[:heads]:
            _repeat_as_header(row)
        for row, values in zip(rows[heads:-1], block.rows):
            for index, (cell, value) in enumerate(zip(row.cells, values)):
                self.cell_lines(cell, [value], "Tabelltext", center if index else None)
        for index, (cell, value) in enumerate(zip(rows[-1].cells, block.totals)):
            self.cell_lines(cell, [value], "Ledtext", center if index else None)
        self.add()

    def signatures(self, block: mc.Signatures) -> None:
        table = self.table(len(block.lines), [LABEL_WIDTH, Mm(28), self.text_width - LABEL_WIDTH - Mm(28)])
        for index, (row, (role, name)) in enumerate(zip(table.rows, block.lines)):
            label, role_cell, line_cell = row.cells
            self.cell_lines(label, ["Underskrifter" if index == 0 else ""], "Ledtext")
            self.cell_lines(role_cell, [role], "Tabelltext")
            self.cell_lines(line_cell, ["", name], "Tabelltext")
            _rule_below(line_cell.paragraphs[0], color="000000")
            line_cell.paragraphs[0].paragraph_format.space_before = Pt(14)
            for cell in (label, role_cell):
                cell.paragraphs[0].paragraph_format.space_before = Pt(14)

    def notice(self, block: mc.NoticeBlock) -> None:
        self.add()
        table = self.table(len(block.rows) + 2, [LABEL_WIDTH + Mm(8), self.text_width - LABEL_WIDTH - Mm(8)])
        _box_borders(table)
        first = table.rows[0].cells
        merged = first[0].merge(first[1])
        self.cell_lines(merged, [block.heading], "Ledtext")
        _space_after(merged.paragraphs[-1], 4)
        for row, (label, value) in zip(table.rows[1:-1], block.rows):
            self.cell_lines(row.cells[0], [label], "Ledtext")
            self.cell_lines(row.cells[1], [value], "Tabelltext")
            _space_after(row.cells[1].paragraphs[-1], 2)
        last = table.rows[-1].cells
        self.cell_lines(last[0], ["Underskrift"], "Ledtext")
        self.cell_lines(last[1], ["", block.signer], "Tabelltext")
        _rule_below(last[1].paragraphs[0], color="000000")
        last[1].paragraphs[0].paragraph_format.right_indent = Mm(20)
        last[1].paragraphs[0].paragraph_format.space_before = Pt(12)
        last[0].paragraphs[0].paragraph_format.space_before = Pt(12)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        table.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next = True

    def rule(self) -> None:
        paragraph = self.add()
        _rule_below(paragraph)
        paragraph.paragraph_format.space_after = Pt(10)

    def page_break(self) -> None:
        self.add().add_run().add_break(WD_BREAK.PAGE)

    def write(self) -> bytes:
        self.fill_placeholders()
        self.properties()
        for block in self.source.blocks:
            if isinstance(block, mc.ParagraphHead):
                self.paragraph_head(block)
            elif isinstance(block, mc.Heading):
                self.paragraph(block.text, f"Heading {min(max(block.level, 1), 4)}")
            elif isinstance(block, mc.Text):
                self.paragraph(block.text, TEXT_STYLES.get(block.style, "Normal"))
            elif isinstance(block, mc.Clauses):
                for item in block.items:
                    self.paragraph(item, "Att-sats")
            elif isinstance(block, mc.Items):
                for item in block.items:
                    self.paragraph(item, "Förteckning")
            elif isinstance(block, mc.Labelled):
                self.labelled(block)
            elif isinstance(block, mc.VoteTable):
                self.vote(block)
            elif isinstance(block, mc.Grid):
                self.grid(block)
            elif isinstance(block, mc.Signatures):
                self.signatures(block)
            elif isinstance(block, mc.NoticeBlock):
                self.notice(block)
            elif isinstance(block, mc.Rule):
                self.rule()
            elif isinstance(block, mc.PageBreak):
                self.page_break()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _last_paragraph_of_row(element):
    """The last paragraph of the table row holding `element` (its own paragraph outside a table)."""
    row = next((a for a in element.iterancestors() if a.tag == qn("w:tr")), None)
    if row is None:
        return next(a for a in element.iterancestors() if a.tag == qn("w:p"))
    return list(row.iter(qn("w:p")))[-1]


def _break():
    return OxmlElement("w:br")


def _run_with(child):
    run = OxmlElement("w:r")
    run.append(child)
    return run


def _run_text(text: str):
    element = OxmlElement("w:t")
    element.text = text
    element.set(qn("xml:space"), "preserve")
    return _run_with(element)


def _space_after(paragraph, points: float) -> None:
    paragraph.paragraph_format.space_after = Pt(points)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _box_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side, value in (("top", "single"), ("left", "single"), ("bottom", "single"), ("right", "single"),
                        ("insideH", "nil"), ("insideV", "nil")):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), value)
        if value == "single":
            element.set(qn("w:sz"), "8")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _rule_below(paragraph, color: str = "777777") -> None:
    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", color)):
        bottom.set(qn(key), value)
    border.append(bottom)
    properties.insert_element_before(border, *_AFTER_PBDR)


def render(document: mc.MinutesDocument, template: Path | None = None) -> bytes:
    return _Writer(document, template or template_path(document.kind)).write()
