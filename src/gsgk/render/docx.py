"""The standard form as a Word document (python-docx, the ``gsgk[docx]`` extra).

python-docx makes, once per process, an empty document with the page and
fonts set; each report's document part is then written as XML in one pass
(the same XML python-docx writes, at a fraction of the cost of its objects)
and added to that package.  The same layout as the HTML page: an A4 page with the official margins, the
title, the six headings, one paragraph per prose paragraph, and the tables of
:mod:`gsgk.render.grid` with merged cells and single-line borders.  Body text
is set in 仿宋 (三号, 16 pt), headings in 黑体, the title in 宋体 (二号) and
tables in 五号 (10.5 pt); Latin text and digits in Times New Roman.  Where a
font is missing, Word and LibreOffice substitute their default Chinese font.
"""

from __future__ import annotations

import datetime
import functools
import io
import re
import zipfile
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import attrs

from ..extras import require
from ..model import Report
from ..values import format_date
from .grid import GridCell, Table, placed, tables

if TYPE_CHECKING:
    from docx.document import Document

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_MM = 156  # A4 less the official 28 mm left and 26 mm right margins
OFFICIAL_MM = 172.0
"""The width of the tables of the official blank form (the Word file of 国办公开办函〔2021〕30号)."""
LABEL_MM = {1: (43.0,), 3: (13.3, 16.2, 57.7)}
"""Label column widths there, by the number of label columns: 表二's 信息内容, 表三's two groups and leaf."""
BODY_SPACING = '<w:spacing w:before="0" w:after="0"/>'
CELL_SPACING = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
INDENT_TWIPS = 640  # 32 pt: two characters of 三号
MM_EMU = 36_000
TWIP_EMU = 635
CREATED = datetime.datetime(2021, 1, 1)  # fixed stamps: the same report gives the same bytes


def dumps_docx(report: Report) -> bytes:
    """``report`` as the bytes of a ``.docx`` file."""
    require("docx", "docx")
    skeleton = _skeleton()
    body = [_paragraph(report.title, TITLE_FONT, size=22, align="center", indent=False)] if report.title else []
    body += map(_paragraph, report.preamble)
    for section in report.template.sections:
        body.append(_paragraph(section.heading, HEADING_FONT))
        if section.is_table:
            body += map(_table, tables(report, section))
            body += (_paragraph(n.text) for n in report.notes if n.section == section.number)
        else:
            body += map(_paragraph, report.prose(section.number))
    closing = (report.signature, format_date(report.published) if report.published else None)
    body += [_paragraph(text, align="right", indent=False) for text in closing if text]
    out = io.BytesIO(skeleton.package)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr(_member("word/document.xml"), skeleton.head + "".join(body) + skeleton.tail)
        package.writestr(_member("docProps/core.xml"), skeleton.core(report.title or "", report.organ or ""))
    return out.getvalue()


@attrs.frozen
class _Skeleton:
    """An empty document with the page and fonts set, made once by python-docx: its package without the
    document and core-properties parts (compressed once, dated :data:`CREATED`), the document part's text
    before and after the body's content, and its core properties."""

    package: bytes
    head: str
    tail: str
    properties: bytes

    def core(self, title: str, author: str) -> bytes:
        """The core-properties part with this title and author."""
        from docx.opc.oxml import serialize_part_xml
        from docx.oxml import parse_xml

        core = parse_xml(self.properties)
        core.title_text, core.author_text = title, author
        data: bytes = serialize_part_xml(core)
        return data


@functools.cache
def _skeleton() -> _Skeleton:
    docx = require("docx", "docx")
    document = docx.Document()
    _page(document)
    props = document.core_properties
    props.title, props.author, props.comments = "-", "-", "gsgk"
    props.created = props.modified = CREATED
    saved = io.BytesIO()
    document.save(saved)
    package = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in ("word/document.xml", "docProps/core.xml"):
                target.writestr(_member(name), source.read(name))
        xml = source.read("word/document.xml").decode("utf-8")
        properties = source.read("docProps/core.xml")
    body = xml.index("<w:body>") + len("<w:body>")
    return _Skeleton(package.getvalue(), xml[:body], xml[xml.index("<w:sectPr", body):], properties)


def _member(name: str) -> zipfile.ZipInfo:
    """A deflated ZIP member dated :data:`CREATED`, so that equal reports give equal bytes."""
    member = zipfile.ZipInfo(name, CREATED.timetuple()[:6])
    member.compress_type = zipfile.ZIP_DEFLATED
    return member


def _page(document: Document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def _paragraph(text: str, font: str | None = None, *, size: float | None = None, align: str = "both",
               indent: bool = True) -> str:
    """A body paragraph (``align`` a ``w:jc`` value): 三号 仿宋 with two characters of first-line indent
    unless ``font``, ``size``, ``indent`` say otherwise."""
    fonts = f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{font}"/>' if font else ""
    run = _run(text, fonts + (f'<w:sz w:val="{round(size * 2)}"/>' if size else ""))
    return _p(BODY_SPACING, INDENT_TWIPS if indent else 0, align, run)


def _p(spacing: str, indent: int, align: str, run: str) -> str:
    """A ``<w:p>`` as python-docx writes it."""
    return f'<w:p><w:pPr>{spacing}<w:ind w:firstLine="{indent}"/><w:jc w:val="{align}"/></w:pPr>{run}</w:p>'


def _run(text: str, properties: str) -> str:
    """A ``<w:r>`` as python-docx writes it, with its ``<w:rPr>`` content."""
    content = (f"<w:rPr>{properties}</w:rPr>" if properties else "") + _run_content(text)
    return f"<w:r>{content}</w:r>" if content else "<w:r/>"


def _widths(table: Table) -> list[float]:
    """Column widths in millimetres, in the official form's proportions: narrow group columns, a wide
    leaf label column, the value columns sharing the rest equally."""
    official = LABEL_MM.get(table.labels, (OFFICIAL_MM / 2 / table.labels,) * table.labels if table.labels else ())
    labels = [w * TEXT_WIDTH_MM / OFFICIAL_MM for w in official]
    values = table.width - table.labels
    rest = TEXT_WIDTH_MM - sum(labels)
    return labels + [rest / values] * values if values else [TEXT_WIDTH_MM / table.width] * table.width


def _table(table: Table) -> str:
    """``table`` as one ``<w:tbl>``: the XML python-docx writes for a "Table Grid" table of fixed layout
    whose merged cells carry ``gridSpan`` and ``vMerge``, each cell as wide as its columns."""
    twips = [round(int(w * MM_EMU) / TWIP_EMU) for w in _widths(table)]
    rows = ((GridCell(table.caption, "header", colspan=table.width),),) if table.caption else ()
    starts = {(r, c): cell for r, c, cell in placed(rows + table.rows)}
    below: dict[tuple[int, int], GridCell] = {}  # grid positions continuing a cell that starts above
    xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
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
    return "".join(xml)


def _tc(width: int, span: int, merge: str | None, content: str) -> str:
    """A ``<w:tc>``: its width in twips, column span, ``vMerge`` (``None``: none, ``""``: a continuation)."""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>'
            + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
            + (f"<w:vMerge{merge}/>" if merge is not None else "")
            + f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')


def _cell_p(cell: GridCell) -> str:
    """The paragraph of a table cell: 五号, no indent or spacing, labels left unless they head a group."""
    align = "left" if cell.role == "label" and (cell.colspan > 1 or cell.rowspan == 1) else "center"
    font = f'<w:rFonts w:eastAsia="{HEADING_FONT}"/>' if cell.role == "header" else ""
    return _p(CELL_SPACING, 0, align, _run(cell.text, f'{font}<w:sz w:val="21"/>') if cell.text else "")


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
