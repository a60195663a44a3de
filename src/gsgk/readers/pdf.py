"""PDF files → blocks → lines: ruled tables as grids of cells, the rest as paragraphs, in reading order.

Needs pdfplumber (``pip install "gsgk[pdf]"``, MIT; it reads the file with
pdfminer.six).  Each page's ruled tables are found from their ruling lines
(pdfplumber's ``lines`` strategy); a table's cells are placed on a grid made
of its cell edges, so a merged cell has its row and column spans and an
empty cell stays a blank value.  A table of one column is a framed paragraph
and is read as text.  A page whose text stands on end (a ``/Rotate`` or a
rotated text matrix) is read at the quarter turn that sets it upright;
a character printed twice on itself (a simulated bold) is read once.
Text outside the tables is grouped into lines; a line whose runs of
characters stand apart (:data:`GAP`; a table printed without rulings) is
split into cells at the gaps.  Then, across pages
(:mod:`gsgk.readers.pdfpages`):

- page numbers and running headers or footers become furniture lines
  (reported as ``page-furniture`` and never read);
- a table continued on the next page is joined to its first part: a repeated
  header is dropped and a row or label cut by the page break is rejoined;
- wrapped prose lines are joined into paragraphs.

A PDF that is encrypted with a password, has more than :data:`MAX_PAGES`
pages, has no text layer (a scan) or fonts that map its glyphs to no
character raises :class:`~gsgk.errors.InputError` saying what to do; so does
any file pdfminer cannot read.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from statistics import median
from typing import Any, TypeAlias

from ..blocks import Block, Paragraph, to_lines
from ..errors import GsgkError, InputError
from ..extras import require
from ..layout import Line
from ..values import parse_number
from .markup import cell_text
from .pdfpages import Grid, GridCell, Text, assemble
from .text import check_size, unify

Page: TypeAlias = Any
"""A ``pdfplumber.page.Page`` (typed loosely: pdfplumber's types are partial)."""

MAX_PAGES = 300
"""Refuse a PDF with more pages than this; annual reports have 3 to 30."""
MAX_CHARS = 60_000
"""Refuse a page with more characters than this (a report page holds about 1,500)."""
GAP = 0.7
"""Runs of characters this many character widths apart on one line are cells of a table printed without
rulings, when there are three of them or one is a number; otherwise the gap is a space in a prose line."""
_SNAP = 1.5
"""Cell edges closer than this (points) are one grid line."""


def read_pdf(data: bytes) -> list[Line]:
    """The lines of the report in a PDF file."""
    check_size(len(data))
    return to_lines(read_blocks(data))


def read_blocks(data: bytes) -> list[Block]:
    """The paragraphs and tables of a PDF file in reading order."""
    pdfplumber = require("pdfplumber", "pdf")
    try:
        with _quiet(), pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count > MAX_PAGES:
                raise InputError(f"PDF refused: {count} pages (limit {MAX_PAGES}); split it first")
            pages = [_read_page(page, number) for number, page in enumerate(pdf.pages, start=1)]
    except GsgkError:
        raise
    except Exception as exc:  # pdfminer raises many kinds; none may reach the caller
        raise _unreadable(exc) from None
    if not any(isinstance(item, (Text, Grid)) for items in pages for item in items):
        raise InputError("the PDF has no text layer (a scanned or image-only file): run OCR on it first, "
                         "e.g. ocrmypdf -l chi_sim in.pdf out.pdf, then load the result")
    blocks = assemble(pages)
    check_mapped(blocks)
    return blocks


_UNMAPPED = re.compile(r"\(cid:\d+\)")
"""How pdfminer writes a glyph whose font maps it to no character."""
UNMAPPED_SHARE = 0.3


def check_mapped(blocks: list[Block]) -> None:
    """Refuse a PDF whose fonts map more than :data:`UNMAPPED_SHARE` of its glyphs to no character:
    its text cannot be read, only seen."""
    text = "".join(block.text if isinstance(block, Paragraph) else "".join(c.text for c in block.cells)
                   for block in blocks)
    unmapped = len(_UNMAPPED.findall(text))
    readable = len(_UNMAPPED.sub("", text))
    if unmapped and unmapped > UNMAPPED_SHARE * (unmapped + readable):
        raise InputError(f"the PDF's fonts map {unmapped} of its glyphs to no character, so its text cannot "
                         "be extracted: run OCR on it (e.g. ocrmypdf --force-ocr -l chi_sim in.pdf out.pdf)")


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep pdfminer's warnings about fonts and syntax (it logs, then carries on) off the caller's stderr."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _unreadable(exc: Exception) -> InputError:
    inner = [exc, *(a for a in exc.args if isinstance(a, BaseException)), exc.__cause__, exc.__context__]
    name = " ".join(f"{type(e).__name__} {e}" for e in inner if e is not None)
    if re.search(r"password|encrypt", name, re.IGNORECASE):
        return InputError("the PDF is encrypted with a password: decrypt it first "
                          "(e.g. qpdf --decrypt --password=… in.pdf out.pdf)")
    if isinstance(exc, RecursionError):
        return InputError("PDF refused: objects nested too deeply")
    detail = name.strip()
    return InputError(f"not a readable PDF file: {detail[:200]}")


def _read_page(page: Page, number: int) -> list[Text | Grid]:
    """The items of one page; pdfminer's layout of it is let go once they are read."""
    upright = _upright(page)
    items = list(_page_items(upright, number))
    upright.close()
    page.close()
    return items


def _upright(page: Page) -> Page:
    """``page`` turned so that its text runs left to right: a page whose ``/Rotate`` (or whose text
    matrix) sets its lines on end or upside down is laid out once more, at the quarter turn the
    direction of its characters calls for; kept as it is if that does not set them upright."""
    turn = _turn(page.chars)
    if turn is None:
        return page
    from pdfplumber.page import Page as PlumberPage

    rotate = (page.rotation + turn) % 360
    page.page_obj.attrs["Rotate"] = rotate
    page.page_obj.rotate = rotate
    turned = PlumberPage(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
    return turned if _turn(turned.chars) is None else page


def _turn(chars: list[dict[str, Any]]) -> int | None:
    """The clockwise quarter turn that sets most characters upright; ``None`` when they already are
    (or run askew).  A character's text matrix ``(a, b, …)`` gives the direction it runs in."""
    votes = Counter(_direction(c["matrix"][0], c["matrix"][1]) for c in chars)
    if not votes:
        return None
    direction, count = votes.most_common(1)[0]
    return direction if direction and count * 2 > len(chars) else None


def _direction(a: float, b: float) -> int:
    if abs(a) >= abs(b):
        return 0 if a > 0 else 180
    return 270 if b < 0 else 90


def _page_items(page: Page, number: int) -> Iterator[Text | Grid]:
    if len(page.chars) > MAX_CHARS:
        raise InputError(f"PDF refused: page {number} holds {len(page.chars)} characters (limit {MAX_CHARS})")
    if not page.chars:
        return
    if _printed_twice(page.chars):
        page = page.dedupe_chars()
    grids = [grid for table in page.find_tables() if (grid := _grid(table, number)) is not None]
    boxes = [grid.bbox for grid in grids]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text = page.filter(outside) if boxes else page
    for line in text.extract_text_lines(strip=True, return_chars=True):
        size = median(c["size"] for c in line["chars"]) if line["chars"] else 0.0
        cells, runs = _split(line["chars"], size)
        if cells:
            yield Text(number, line["x0"], line["x1"], line["top"], cells, _pitch(line["chars"], size),
                       page.width, page.height, runs)
    yield from grids


def _pitch(chars: list[dict[str, Any]], size: float) -> float:
    """How far apart the line's Chinese characters stand (font size plus any letter spacing)."""
    steps = [b["x0"] - a["x0"] for a, b in pairwise(chars)
             if not a["text"].isascii() and not b["text"].isascii() and b["x0"] > a["x0"]]
    return median(steps) if steps else size


def _printed_twice(chars: list[dict[str, Any]]) -> bool:
    """Is some character printed twice on itself (within a point), as a simulated bold is?"""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        x, y = char["x0"], char["top"]
        for key in {(char["text"], round(x + dx), round(y + dy)) for dx in (-0.5, 0.5) for dy in (-0.5, 0.5)}:
            if key in seen:
                return True
        seen.add((char["text"], round(x), round(y)))
    return False


def _split(chars: list[dict[str, Any]], size: float) -> tuple[list[str], tuple[tuple[str, float], ...]]:
    """A text line's cells (see the module docstring), and its runs of characters with where each starts."""
    runs: list[list[str]] = [[]]
    starts: list[float] = []
    previous: dict[str, Any] | None = None
    for char in chars:
        if previous is None or char["x0"] - previous["x1"] > GAP * size:
            if previous is not None:
                runs.append([])
            starts.append(char["x0"])
        elif char["x0"] - previous["x1"] > 0.2 * size and _latin(previous["text"]) and _latin(char["text"]):
            runs[-1].append(" ")
        runs[-1].append(char["text"])
        previous = char
    placed = tuple((text, x) for run, x in zip(runs, starts) if (text := unify("".join(run).strip())))
    texts = [text for text, _ in placed]
    if len(texts) >= 3 or any(parse_number(t) is not None for t in texts):
        return texts, placed
    return ([" ".join(texts)] if texts else []), placed


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()


def _grid(table: Any, page: int) -> Grid | None:
    """A ruled table as a grid; ``None`` for a frame of one column (a boxed paragraph)."""
    bboxes = [bbox for row in table.rows for bbox in row.cells if bbox is not None]
    texts = [text for row in table.extract() for text in row if text is not None]
    xs = _snapped([b[0] for b in bboxes] + [b[2] for b in bboxes])
    ys = _snapped([b[1] for b in bboxes] + [b[3] for b in bboxes])
    if len(xs) < 3:
        return None
    cells = []
    for (x0, top, x1, bottom), text in zip(bboxes, texts):
        row, column = _index(ys, top), _index(xs, x0)
        rowspan, colspan = _index(ys, bottom) - row, _index(xs, x1) - column
        cells.append(GridCell(page, unify(cell_text(text.split("\n"))), row, column, rowspan, colspan, x0, top))
    return Grid(page, tuple(table.bbox), tuple(cells), tuple(xs))


def _snapped(values: list[float]) -> list[float]:
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > _SNAP:
            lines.append(value)
    return lines


def _index(lines: list[float], value: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - value))

