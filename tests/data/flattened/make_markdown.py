"""Make the Markdown fixtures (run from the project root; the output is committed).

Two forms, both as they arise in the wild:

* ``<pdf stem>.<converter>.md``: a real PDF-to-Markdown converter run on the
  PDFs in ``tests/data/pdf`` (the seeds drawn by LibreOffice, Chromium and the official layout, and
  the corpus PDF 淮安市人民政府_2024).  Converters leave the lines of a
  multi-line cell loose before or after its table, split a row over two table
  rows, and put several numbers in one cell.  The converters (a fixture-making
  tool only, like LibreOffice: not a dependency of gsgk, not run in CI) are
  ``pymupdf4llm`` 1.28.2 (``pymupdf4llm.to_markdown``) and ``markitdown`` 0.1.9
  (``MarkItDown().convert(path).text_content``, pdfminer.six 20260107 inside);
  ``pip install pymupdf4llm==1.28.2 "markitdown[pdf]==0.1.9"`` in a separate
  environment, then ``python tests/data/flattened/make_markdown.py convert``.
* ``<seed>.placeholder.md``: the shape OCR pipelines emit: one pipe table per
  group of rows, whose header row is the placeholder 「项目 | 数据1 | 数据2 | …」
  (the real column headers lost or printed as a body row), group labels on
  lines of their own (:func:`placeholder`).  ``python
  tests/data/flattened/make_markdown.py placeholder`` (needs only gsgk).

The expected values are the seeds' hand-checked ``expected.tsv`` files (and
the corpus PDF's, copied beside it); nothing here is checked by gsgk.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gsgk
from gsgk.template import SECTIONS, TEMPLATE, Block, Row
from gsgk.values import format_value

ROOT = Path(__file__).parents[1]
OUT = Path(__file__).parent
CONVERTED = ("libreoffice", "chromium", "official")
"""The seeds' PDFs converted (their tables are drawn with rulings, as most reports are)."""


def convert() -> None:
    import pymupdf4llm  # type: ignore[import-not-found]
    from markitdown import MarkItDown  # type: ignore[import-not-found]

    markitdown = MarkItDown()
    seeds = {seed.stem for seed in (ROOT / "seeds").glob("*.txt")}
    pdfs = [p for p in sorted((ROOT / "pdf").glob("*.pdf"))
            if p.stem.split(".")[0] in seeds and p.stem.split(".")[-1] in CONVERTED]
    for pdf in [*pdfs, ROOT / "pdf" / "淮安市人民政府_2024.pdf"]:
        (OUT / f"{pdf.stem}.pymupdf4llm.md").write_text(pymupdf4llm.to_markdown(str(pdf)), "utf-8")
        (OUT / f"{pdf.stem}.markitdown.md").write_text(markitdown.convert(str(pdf)).text_content, "utf-8")


def _table(width: int, rows: list[list[str]]) -> list[str]:
    head = ["项目", *(f"数据{i}" for i in range(1, width + 1))]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return [*lines, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _values(report: gsgk.Report, section: int, row: Row) -> list[str]:
    return [format_value(report.cells[c.key]) if report.cells[c.key] is not None else ""
            for c in TEMPLATE.row_cells(section, row)]


def placeholder(report: gsgk.Report) -> str:
    """The report with every group of rows as its own pipe table under placeholder headers.

    表二: a table per block, its caption on the line before, the real header
    printed as the first body row.  表三: a table per group (the groups'
    labels on lines of their own), rows labelled by their leaf.  表四: a row
    per group (行政复议, 未经复议直接起诉, 复议后起诉) of five numbers.
    """
    out = [report.title or "", "", *report.preamble, ""]
    for section in SECTIONS:
        out.append(section.heading)
        if not section.is_table:
            out += [*report.prose(section.number), ""]
            continue
        block: Block
        for block in section.blocks:
            width = len(block.columns)
            if section.number == 2:
                out.append(block.caption or "")
                header = [block.header_words[0], *(c.label for c in block.columns)]
                out += _table(width, [header, *([r.leaf, *_values(report, 2, r)] for r in block.rows)])
            elif section.number == 3:
                group: tuple[str, ...] = ()
                rows: list[list[str]] = []
                for row in block.rows:
                    if row.groups != group and rows:
                        out += _table(width, rows)
                        rows = []
                    out += [g for g in row.groups if g not in group]
                    group = row.groups
                    rows.append([row.leaf, *_values(report, 3, row)])
                out += _table(width, rows)
            else:
                cells = TEMPLATE.section_cells(4)
                values = [format_value(report.cells[c.key]) if report.cells[c.key] is not None else ""
                          for c in cells]
                labels = [" ".join((*r.groups, r.leaf)) for r in block.rows]
                out += _table(width, [[label, *values[i * width: (i + 1) * width]]
                                      for i, label in enumerate(labels)])
    out += [report.signature or ""]
    if report.published:
        out.append(f"{report.published.year}年{report.published.month}月{report.published.day}日")
    return "\n".join(out) + "\n"


def main() -> None:
    what = sys.argv[1:] or ["placeholder"]
    if "convert" in what:
        convert()
    if "placeholder" in what:
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            (OUT / f"{seed.stem}.placeholder.md").write_text(placeholder(gsgk.load(seed)), "utf-8")


if __name__ == "__main__":
    main()
