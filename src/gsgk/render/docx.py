"""The standard form as a Word document (python-docx, the ``gsgk[docx]`` extra).

The same layout as the HTML page: an A4 page with the official margins, the
title, the six headings, one paragraph per prose paragraph, and the tables of
:mod:`gsgk.render.grid` with merged cells and single-line borders.  Body text
is set in 仿宋 (三号, 16 pt), headings in 黑体, the title in 宋体 (二号) and
tables in 五号 (10.5 pt); Latin text and digits in Times New Roman.  Where a
font is missing, Word and LibreOffice substitute their default Chinese font.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..extras import require
from ..model import Report
from ..values import format_date
from .grid import Table, placed, tables

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_MM = 156  # A4 less the official 28 mm left and 26 mm right margins
OFFICIAL_MM = 172.0
"""The width of the tables of the official blank form (the Word file of 国办公开办函〔2021〕30号)."""
LABEL_MM = {1: (43.0,), 3: (13.3, 16.2, 57.7)}
"""Label column widths there, by the number of label columns: 表二's 信息内容, 表三's two groups and leaf."""
CREATED = datetime.datetime(2021, 1, 1)  # fixed stamps: the same report gives the same bytes


def dumps_docx(report: Report) -> bytes:
    """``report`` as the bytes of a ``.docx`` file."""
    docx = require("docx", "docx")
    document = docx.Document()
    _page(document)
    props = document.core_properties
    props.title, props.author, props.comments = report.title or "", report.organ or "", "gsgk"
    props.created = props.modified = CREATED
    if report.title:
        _paragraph(document, report.title, font=TITLE_FONT, size=22, align="center", indent=False)
    _paragraphs(document, report.preamble)
    for section in report.template.sections:
        _paragraph(document, section.heading, font=HEADING_FONT)
        if section.is_table:
            for table in tables(report, section):
                _table(document, table)
            _paragraphs(document, (n.text for n in report.notes if n.section == section.number))
        else:
            _paragraphs(document, report.prose(section.number))
    if report.signature:
        _paragraph(document, report.signature, align="right", indent=False)
    if report.published:
        _paragraph(document, format_date(report.published), align="right", indent=False)
    out = io.BytesIO()
    document.save(out)
    return _fixed_stamps(out.getvalue())


def _fixed_stamps(package: bytes) -> bytes:
    """The package with every member dated :data:`CREATED`, so that equal reports give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, CREATED.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stamped, source.read(info))
    return out.getvalue()


def _page(document: Document) -> None:
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(_qn("w:eastAsia"), BODY_FONT)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _paragraphs(document: Document, texts: Iterable[str]) -> None:
    for text in texts:
        _paragraph(document, text)


def _paragraph(document: Document, text: str, *, font: str | None = None, size: float | None = None,
               align: str = "justify", indent: bool = True) -> Paragraph:
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = _alignment(align)
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(32) if indent else Pt(0)
    fmt.space_before = fmt.space_after = Pt(0)
    run = paragraph.add_run(text)
    if size:
        run.font.size = Pt(size)
    if font:
        run.font.name = LATIN_FONT
        run.element.get_or_add_rPr().get_or_add_rFonts().set(_qn("w:eastAsia"), font)
    return paragraph


def _widths(table: Table) -> list[float]:
    """Column widths in millimetres, in the official form's proportions: narrow group columns, a wide
    leaf label column, the value columns sharing the rest equally."""
    official = LABEL_MM.get(table.labels, (OFFICIAL_MM / 2 / table.labels,) * table.labels if table.labels else ())
    labels = [w * TEXT_WIDTH_MM / OFFICIAL_MM for w in official]
    values = table.width - table.labels
    rest = TEXT_WIDTH_MM - sum(labels)
    return labels + [rest / values] * values if values else [TEXT_WIDTH_MM / table.width] * table.width


def _table(document: Document, table: Table) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Mm

    caption = 1 if table.caption else 0
    grid = document.add_table(rows=len(table.rows) + caption, cols=table.width)
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [Mm(w) for w in _widths(table)]
    for column, width in zip(grid.columns, widths):
        column.width = width  # the table grid, which LibreOffice and WPS lay out by
    cells = grid._cells  # one per grid position, fetched once: python-docx rebuilds it per call
    for i, cell in enumerate(cells):
        cell.width = widths[i % table.width]
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    def fill(r: int, c: int, down: int, across: int, text: str, align: str, font: str | None) -> None:
        target = cells[r * table.width + c]
        _cell_text(target, text, align, font)
        if down > 1 or across > 1:
            target.merge(cells[(r + down - 1) * table.width + c + across - 1])

    if table.caption:
        fill(0, 0, 1, table.width, table.caption, "center", HEADING_FONT)
    for r, c, cell in placed(table.rows):
        align = "left" if cell.role == "label" and (cell.colspan > 1 or cell.rowspan == 1) else "center"
        fill(r + caption, c, cell.rowspan, cell.colspan, cell.text, align,
             HEADING_FONT if cell.role == "header" else None)


def _cell_text(cell: _Cell, text: str, align: str, font: str | None) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.alignment = _alignment(align)
    fmt = paragraph.paragraph_format
    fmt.first_line_indent, fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), Pt(0), 1.0
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(10.5)
        if font:
            run.element.get_or_add_rPr().get_or_add_rFonts().set(_qn("w:eastAsia"), font)


def _alignment(name: str) -> WD_PARAGRAPH_ALIGNMENT:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    alignment: WD_PARAGRAPH_ALIGNMENT = getattr(WD_ALIGN_PARAGRAPH, name.upper())
    return alignment
