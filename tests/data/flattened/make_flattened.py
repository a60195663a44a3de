"""Make the flattened-text fixtures (run from the project root; the output is committed).

The forms are the ones crawlers produce, made with the tools they use:
``lxml.html.fromstring(page).text_content()`` of

* the HTML rendered from each seed (``gsgk.dumps(report, format="html")``) →
  ``<stem>.text_content.txt`` (rows on lines of their own, digits glued) and
  ``<stem>.collapsed.txt`` (every run of whitespace removed: the whole report
  on one line);
* the corpus HTML pages in ``tests/data/html`` (pingtan, 杭州式样例) → the
  same two forms;

and pdfminer.six's ``extract_text`` of the corpus PDF (淮安市人民政府_2024, from
``/work/shared/corpus/pdf`` or the folder given as the first argument) and of a
PDF drawn from each seed with reportlab (:func:`seed_pdf`) →
``<stem>.pdfminer.txt``: labels first, then the numbers column by column.

Needs lxml (``gsgk[html]``), pdfminer.six (MIT) and reportlab (BSD), the last
two only to make fixtures.  The expected values are the reports' own
``expected.tsv`` files next to their sources; nothing here is checked by gsgk.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
from pathlib import Path

import lxml.html
from pdfminer.high_level import extract_text
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

import gsgk
from gsgk.template import SECTIONS, TEMPLATE, Cell
from gsgk.values import format_value

ROOT = Path(__file__).parents[1]
OUT = Path(__file__).parent


FONT = "STSong-Light"
W, H = A4
LEFT, RIGHT, TOP, BOTTOM = 70, W - 70, H - 70, 70


class Page:
    """A4 pages drawn top to bottom: wrapped lines of text and bordered table rows."""

    def __init__(self) -> None:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4)
        self.y = TOP
        self.page = 1

    def need(self, h: float) -> None:
        if self.y - h < BOTTOM:
            self.c.setFont(FONT, 9)
            self.c.drawCentredString(W / 2, 40, f"- {self.page} -")
            self.c.showPage()
            self.page += 1
            self.y = TOP

    def text(self, s: str, size: int = 12, indent: int = 0, center: bool = False) -> None:
        per = int((RIGHT - LEFT - indent) / size)
        for i in range(0, max(len(s), 1), per):
            self.need(size * 1.6)
            self.c.setFont(FONT, size)
            if center:
                self.c.drawCentredString(W / 2, self.y - size, s[i:i + per])
            else:
                self.c.drawString(LEFT + indent, self.y - size, s[i:i + per])
            self.y -= size * 1.6

    def row(self, cells: list[str], widths: list[float], size: int = 8) -> None:
        """One table row: each cell's text wrapped to its width, borders drawn."""
        lines = []
        for text, w in zip(cells, widths):
            per = max(int((w - 4) / size), 1)
            lines.append([text[i:i + per] for i in range(0, len(text), per)] or [""])
        h = max(len(wrapped) for wrapped in lines) * size * 1.3 + 6
        self.need(h)
        x = LEFT
        for parts, w in zip(lines, widths):
            self.c.rect(x, self.y - h, w, h)
            self.c.setFont(FONT, size)
            top = self.y - (h - len(parts) * size * 1.3) / 2
            for k, part in enumerate(parts):
                self.c.drawCentredString(x + w / 2, top - (k + 1) * size * 1.3 + 2, part)
            x += w
        self.y -= h

    def done(self) -> bytes:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(W / 2, 40, f"- {self.page} -")
        self.c.save()
        return self.buf.getvalue()


def v(report: gsgk.Report, cell: Cell) -> str:
    return format_value(report.cells[cell.key])


def seed_pdf(report: gsgk.Report) -> bytes:
    """The report drawn as a PDF: the official tables as bordered grids, labels wrapped in their cells."""
    p = Page()
    if report.title:
        p.text(report.title, 16, center=True)
    for para in report.preamble:
        p.text(para, indent=24)
    for section in SECTIONS:
        p.text(section.heading, 13)
        if not section.is_table:
            for para in report.prose(section.number):
                p.text(para, indent=24)
            continue
        width = RIGHT - LEFT
        if section.number == 2:
            for block in section.blocks:
                n = len(block.columns)
                widths = [width * 0.4] + [width * 0.6 / n] * n
                p.row([block.caption], [width])
                p.row([block.header_words[0]] + [c.label for c in block.columns], widths)
                for row in block.rows:
                    p.row([row.leaf] + [v(report, c) for c in TEMPLATE.row_cells(2, row)], widths)
        elif section.number == 3:
            block = section.blocks[0]
            widths = [width * 0.37] + [width * 0.09] * 7
            p.row([block.header_words[0]] + [c.label for c in block.columns], widths)
            for row in block.rows:
                p.row([row.leaf] + [v(report, c) for c in TEMPLATE.row_cells(3, row)], widths)
        else:
            block = section.blocks[0]
            cells = TEMPLATE.section_cells(4)
            widths = [width / len(cells)] * len(cells)
            p.row([block.rows[0].leaf, block.rows[1].groups[0]], [width / 3, width * 2 / 3])
            p.row([c.label for c in block.columns] * len(block.rows), widths)
            p.row([v(report, c) for c in cells], widths)
    if report.signature:
        p.text(report.signature)
    if report.published:
        p.text(f"{report.published.year}年{report.published.month}月{report.published.day}日")
    return p.done()


def write(stem: str, page: bytes | str) -> None:
    text = lxml.html.fromstring(page).text_content()
    (OUT / f"{stem}.text_content.txt").write_text(text, "utf-8")
    (OUT / f"{stem}.collapsed.txt").write_text(re.sub(r"\s+", "", text), "utf-8")


def main() -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        report = gsgk.load(seed)
        write(seed.stem, gsgk.dumps(report, format="html"))
        pdf = io.BytesIO(seed_pdf(report))
        (OUT / f"{seed.stem}.pdfminer.txt").write_text(extract_text(pdf), "utf-8")
    for page in ("pingtan_2024", "测试市(杭州式样例)_2025_filingHtmlImport-fixture"):
        write(page, (ROOT / "html" / f"{page}.html").read_bytes())
    pdfs = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/pdf")
    for pdf in sorted(pdfs.glob("*.pdf")):
        (OUT / f"{pdf.stem}.pdfminer.txt").write_text(extract_text(pdf), "utf-8")
        for suffix in (".expected.tsv", ".expected.json"):
            shutil.copy(pdf.with_suffix(suffix), OUT / f"{pdf.stem}{suffix}")


if __name__ == "__main__":
    main()
