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
import re
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from ..extras import require
from ..model import Report
from ..values import format_date
from .grid import GridCell, Table, placed, tables

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
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
MM_EMU = 36_000
TWIP_EMU = 635
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
    """Append ``table`` to the body as one ``<w:tbl>``, written as XML in one pass (python-docx's cell
    objects and merging cost 50× more): the same XML python-docx writes for a "Table Grid" table of fixed
    layout whose merged cells carry ``gridSpan`` and ``vMerge``, each cell's width summing its columns'."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    twips = [round(int(w * MM_EMU) / TWIP_EMU) for w in _widths(table)]
    rows = ((GridCell(table.caption, "header", colspan=table.width),),) if table.caption else ()
    starts = {(r, c): cell for r, c, cell in placed(rows + table.rows)}
    below: dict[tuple[int, int], GridCell] = {}  # grid positions continuing a cell that starts above
    xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
           'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>',
           *(f'<w:gridCol w:w="{w}"/>' for w in twips), "</w:tblGrid>"]
    for r in range(len(rows) + len(table.rows)):
        xml.append("<w:tr>")
        c = 0
        while c < table.width:
            cell = starts.get((r, c))
            if cell is not None:
                below.update(((r + i, c), cell) for i in range(1, cell.rowspan))
                merge = ' w:val="restart"' if cell.rowspan > 1 else None
                xml.append(_tc(sum(twips[c:c + cell.colspan]), cell.colspan, merge, _cell_p(cell)))
            elif (cell := below.get((r, c))) is not None:
                xml.append(_tc(sum(twips[c:c + cell.colspan]), cell.colspan, "", "<w:p/>"))
            else:  # a position no cell covers
                xml.append(_tc(twips[c], 1, None, "<w:p/>"))
            c += cell.colspan if cell is not None else 1
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    document.element.body.insert_element_before(parse_xml("".join(xml)), "w:sectPr")


def _tc(width: int, span: int, merge: str | None, content: str) -> str:
    """A ``<w:tc>``: its width in twips, column span, ``vMerge`` (``None``: none, ``""``: a continuation)."""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>'
            + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
            + (f"<w:vMerge{merge}/>" if merge is not None else "")
            + f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')


def _cell_p(cell: GridCell) -> str:
    """The paragraph of a table cell: 五号, no indent or spacing, labels left unless they head a group."""
    align = "left" if cell.role == "label" and (cell.colspan > 1 or cell.rowspan == 1) else "center"
    font = '<w:rFonts w:eastAsia="' + HEADING_FONT + '"/>' if cell.role == "header" else ""
    run = f'<w:r><w:rPr>{font}<w:sz w:val="21"/></w:rPr>{_run_content(cell.text)}</w:r>' if cell.text else ""
    return ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>{run}</w:p>')


def _run_content(text: str) -> str:
    """A run's content as python-docx writes it: tabs as ``<w:tab/>``, line breaks as ``<w:br/>``, the rest
    as ``<w:t>`` (``xml:space="preserve"`` when it starts or ends with white space)."""
    parts = []
    for piece in re.split(r"([\t\r\n])", text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece.strip() != piece else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "".join(parts)


def _alignment(name: str) -> WD_PARAGRAPH_ALIGNMENT:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    alignment: WD_PARAGRAPH_ALIGNMENT = getattr(WD_ALIGN_PARAGRAPH, name.upper())
    return alignment
