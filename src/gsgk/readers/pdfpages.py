"""Pages of a PDF → blocks: furniture marked, tables joined across page breaks, paragraphs rejoined.

:mod:`gsgk.readers.pdf` reads each page into :class:`Text` lines and ruled
:class:`Grid` tables with page coordinates; :func:`assemble` puts the pages
together as a reader of the printed report would:

- a page number, or a line repeated in the top or bottom margin of several
  pages (a running header or footer), is furniture;
- a table that starts a page continues the table that ended the previous page
  when both have the same number of grid columns: a header that repeats the
  first part's header is dropped, an empty cell under a merged label continues
  that label, and a label cut by the break (「（四）无」 + 「法提供」) is rejoined
  when the joined text is a template label and the second part alone is not;
- a prose line that fills the line to the right margin, ends inside a URL or
  a Latin word, or leaves less room than the next line's first unbreakable
  piece (「〔2020〕109」, 「用。」) continues on the next line unless that line is
  indented or opens a heading or a numbered item;
  a centred line as wide as the body (a long title) continues on the centred
  line just below it.

Lines are numbered in reading order; each block keeps its page and position.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from ..blocks import Block, Paragraph, Table, TableCell
from ..layout import Origin
from ..values import parse_number
from ..vocabulary import heading, lookup

WRAP_SLACK = 3.0
"""A prose line that ends within this many character widths of the right margin is full: Chinese line
breaking (no 」 or 。 at a line start) pulls up to two characters to the next line."""
_FIRST_CHUNK = re.compile(r"^[〔（(\[【“‘《]*(?:[0-9A-Za-z.,:/%_\-]+|.)[〕）)\]】”’》，。、；：！？,.;:!?]*"
                          r"[0-9A-Za-z]*")
"""What cannot be split from the start of a line: opening brackets, a number or Latin word (or one
character), the closing punctuation after it (which may not begin a line) and digits right after that."""
_SENTENCE_ENDS = ("。", "！", "？", "；", "：", "!", "?", ";", ":")
_URL_PART = re.compile(r"[A-Za-z0-9][/.\-_]?$")
"""A line ending in the middle of a URL or a Latin word (which cannot break at the margin)."""
EDGE_TOLERANCE = 3.0
"""Grid lines of two parts of one table closer than this (points) are one line."""
MARGIN = 0.1
"""The top and bottom tenth of a page is where headers, footers and page numbers stand."""
_PAGE_NUMBER = re.compile(r"^[-—－–]?\s*\d{1,4}\s*[-—－–]?$|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
                          r"|^\d{1,4}\s*/\s*\d{1,4}$")
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")
_TABLE_SECTIONS = (2, 3, 4)
_CLOSE = ("exact", "variant", "unnumbered")
"""Recognitions that name a label for certain (not a fuzzy resemblance or a fragment)."""


@attrs.frozen
class Text:
    """A line of text on a page: its cells (one for prose) and where it stands."""

    page: int
    x0: float
    x1: float
    top: float
    cells: list[str]
    size: float
    """How far apart the line's Chinese characters stand: the width of one in the line."""
    width: float
    height: float
    runs: tuple[tuple[str, float], ...] = ()
    """The line's runs of characters and the x each starts at (the cells of a table without rulings)."""

    @property
    def text(self) -> str:
        return "\t".join(self.cells)

    @property
    def in_margin(self) -> bool:
        return self.top < MARGIN * self.height or self.top > (1 - MARGIN) * self.height


@attrs.frozen
class GridCell:
    """A cell of a ruled table: grid place and spans, its page and its top-left corner there."""

    page: int
    text: str
    row: int
    column: int
    rowspan: int
    colspan: int
    x: float
    y: float

    def covers(self, row: int, column: int) -> bool:
        return self.row <= row < self.row + self.rowspan and self.column <= column < self.column + self.colspan


@attrs.frozen
class Grid:
    """A ruled table: on one page as read, over several once joined."""

    page: int
    """The page it starts on."""
    bbox: tuple[float, float, float, float]
    cells: tuple[GridCell, ...]
    edges: tuple[float, ...]
    """The x of each vertical grid line, left to right."""

    @property
    def width(self) -> int:
        return len(self.edges) - 1

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def height(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    def row(self, index: int) -> list[GridCell]:
        return sorted((c for c in self.cells if c.row == index), key=lambda c: c.column)


Item = Text | Grid


def assemble(pages: Sequence[Sequence[Item]]) -> list[Block]:
    """The blocks of a document from its pages' items (see the module docstring)."""
    furniture = _furniture(pages)
    items: list[Item] = []
    marks: list[bool] = []
    for page in pages:
        for item in _attached(sorted(page, key=lambda i: i.top)):
            items.append(item)
            marks.append(isinstance(item, Text) and item.text in furniture.get(item.page, ()))
    body = [item for item, mark in zip(items, marks) if not mark]
    return _number(_joined(items, marks, _Margins.of(body)))


def _is_row(item: Item) -> bool:
    """A line of a table printed without rulings: several cells, one a number."""
    return isinstance(item, Text) and len(item.cells) > 1 and any(_is_number(c) for c in item.cells)


def _attached(items: list[Item]) -> list[Item]:
    """A page's items with the label pieces of a table printed without rulings put in their rows.

    A cell whose label wraps prints its lines above and below the line with
    the row's values.  A line of text only that stands between two such rows
    (or next to one), left of their values and not a template label of its own
    (a caption, a header), goes to the nearer row, each of its runs into the
    cell that starts at the same place (before the cell's text when it stands
    above, after it when below), or as a cell of its own.
    """
    out = list(items)
    rows = [i for i, item in enumerate(out) if _is_row(item)]
    if not rows:
        return out
    taken: set[int] = set()
    for i, item in enumerate(out):
        if not isinstance(item, Text) or not _is_piece(item) or not item.runs \
                or any(_is_own_label(text) for text, _ in item.runs):
            continue
        near = [r for r in rows if abs(r - i) <= 2 and abs(out[r].top - item.top) <= 2.5 * item.size
                and all(_is_piece(out[k]) for k in range(min(r, i) + 1, max(r, i)))
                and all(x < _first_number(out[r]) for _, x in item.runs)]
        if not near:
            continue
        r = min(near, key=lambda k: (abs(out[k].top - item.top), k < i))
        out[r] = _merged(out[r], item)  # type: ignore[arg-type]
        taken.add(i)
    return [item for i, item in enumerate(out) if i not in taken]


def _is_piece(item: Item) -> bool:
    return isinstance(item, Text) and not _is_row(item) and heading(item.text) is None


def _is_own_label(text: str) -> bool:
    """Is ``text`` a caption, header or label of the template by itself (not a piece of one)?"""
    return any(m.quality in ("exact", "variant") for s in _TABLE_SECTIONS for m in lookup(s, text))


def _first_number(row: Item) -> float:
    """Where the first value of a table row without rulings starts (labels stand left of it)."""
    assert isinstance(row, Text)
    return next((x for text, x in row.runs if _is_number(text)), row.x1)


def _merged(row: Text, piece: Text) -> Text:
    """``row`` with the runs of ``piece`` (printed above or below it) added to the cells they stand in."""
    cells = list(row.runs) if row.runs else [(c, row.x0) for c in row.cells]
    above = piece.top < row.top
    for text, x in piece.runs:
        at = min(range(len(cells)), key=lambda k: abs(cells[k][1] - x))
        if abs(cells[at][1] - x) <= row.size:
            old, start = cells[at]
            cells[at] = (text + old if above else old + text, start)
        else:
            cells.append((text, x))
            cells.sort(key=lambda cell: cell[1])
    return attrs.evolve(row, cells=[text for text, _ in cells], runs=tuple(cells))


def _furniture(pages: Sequence[Sequence[Item]]) -> dict[int, set[str]]:
    """Per page, the texts of its lines that are furniture."""
    margins = [[i for i in page if isinstance(i, Text) and i.in_margin] for page in pages]
    seen = Counter(shape for lines in margins for shape in {_shape(t.text) for t in lines})
    repeated = {shape for shape, count in seen.items() if count >= 2 and count * 2 >= len(pages)}
    found: dict[int, set[str]] = {}
    for lines in margins:
        for line in lines:
            if _PAGE_NUMBER.match(line.text) or _shape(line.text) in repeated:
                found.setdefault(line.page, set()).add(line.text)
    return found


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _joined(items: list[Item], marks: list[bool], margins: _Margins) -> list[tuple[Item, bool]]:
    """Items with continued tables and wrapped paragraphs joined; furniture kept in place, marked."""
    out: list[tuple[Item, bool]] = []
    last: int | None = None  # index in ``out`` of the last item that is not furniture
    for item, is_furniture in zip(items, marks):
        if is_furniture:
            out.append((item, True))
            continue
        joined = _join(out[last][0], item, margins) if last is not None else None
        if joined is not None and last is not None:
            out[last] = (joined, False)
            continue
        out.append((item, False))
        last = len(out) - 1
    return out


def _join(previous: Item, item: Item, margins: _Margins) -> Item | None:
    """``previous`` and ``item`` as one item, when ``item`` continues it (else ``None``)."""
    if isinstance(item, Grid) and isinstance(previous, Grid) and _continues(previous, item):
        return _join_grids(previous, item)
    if isinstance(item, Text) and isinstance(previous, Text) and margins.wraps(previous, item):
        text = previous.cells[0] + _glue(previous, item) + item.cells[0]
        return attrs.evolve(previous, cells=[text], x1=item.x1)
    return None


def _continues(first: Grid, second: Grid) -> bool:
    """Does ``second`` continue ``first`` on the next page: as many columns, or the same outer edges?"""
    if second.page != max(c.page for c in first.cells) + 1:
        return False
    same_frame = all(abs(a - b) <= EDGE_TOLERANCE for a, b in
                     ((first.edges[0], second.edges[0]), (first.edges[-1], second.edges[-1])))
    return second.width == first.width or same_frame


def _on_edges(grid: Grid, edges: Sequence[float]) -> Grid:
    """``grid`` with its columns renumbered on the finer grid lines ``edges``."""
    def at(x: float) -> int:
        return min(range(len(edges)), key=lambda i: abs(edges[i] - x))

    cells = []
    for c in grid.cells:
        start, end = at(grid.edges[c.column]), at(grid.edges[c.column + c.colspan])
        cells.append(attrs.evolve(c, column=start, colspan=max(end - start, 1)))
    return attrs.evolve(grid, cells=tuple(cells), edges=tuple(edges))


def _merged_edges(first: Grid, second: Grid) -> tuple[float, ...]:
    edges: list[float] = []
    for x in sorted([*first.edges, *second.edges]):
        if not edges or x - edges[-1] > EDGE_TOLERANCE:
            edges.append(x)
    return tuple(edges)


def _join_grids(first: Grid, second: Grid) -> Grid:
    """``second`` (the top of the next page) appended to ``first`` (see the module docstring)."""
    if first.width != second.width:
        edges = _merged_edges(first, second)
        first, second = _on_edges(first, edges), _on_edges(second, edges)
    rows = [second.row(r) for r in range(second.height)]
    skip = 0
    while skip < len(rows) and skip < first.height and _texts(rows[skip]) == _texts(first.row(skip)) \
            and not any(_is_number(c.text) for c in rows[skip]):
        skip += 1
    cells = list(first.cells)
    last = first.height - 1
    opening = [c for c in second.cells if c.row == skip]
    rest = [c for c in second.cells if c.row > skip]
    kept: list[GridCell] = []
    joined = False
    cut_row = all(not c.text or not _is_number(c.text) for c in opening) \
        and any(not c.text for c in opening) and any(_is_number(c.text) for c in first.row(last))
    for cell in opening:
        above = next((i for i, c in enumerate(cells) if c.covers(last, cell.column)), -1)
        label = cells[above] if above >= 0 else None
        if label is None or label.column != cell.column or not _is_label(label.text):
            kept.append(cell)
        elif not cell.text:
            cells[above] = attrs.evolve(label, rowspan=label.rowspan + cell.rowspan)
        elif _rejoins(label.text, cell.text, cut_row):
            cells[above] = attrs.evolve(label, text=label.text + cell.text,
                                        rowspan=label.rowspan + cell.rowspan)
            joined = True
        else:
            kept.append(cell)
    if (joined or cut_row) and all(not c.text for c in kept):
        kept = []
    shift = first.height - skip
    moved = [attrs.evolve(c, row=c.row + shift) for c in [*kept, *rest]]
    return attrs.evolve(first, cells=(*cells, *moved))


def _texts(row: list[GridCell]) -> list[str]:
    return [re.sub(r"\s+", "", c.text) for c in row]


def _is_number(text: str) -> bool:
    return parse_number(text) is not None


def _is_label(text: str) -> bool:
    return bool(text) and not _is_number(text)


def _rejoins(head: str, tail: str, cut_row: bool) -> bool:
    """Is ``head + tail`` one template label cut in two?

    A number never continues a label, nor does a label of its own.  In a row
    cut by the page break (its values all on the first page) any other text
    continues the label above it; elsewhere only when ``head + tail`` is a
    label (not just one that resembles it).
    """
    if _is_number(tail):
        return False
    tail_is_label = any(m.quality in ("exact", "variant") for s in _TABLE_SECTIONS for m in lookup(s, tail))
    if cut_row:
        return not tail_is_label
    return not tail_is_label and any(m.quality in _CLOSE for s in _TABLE_SECTIONS for m in lookup(s, head + tail))


@attrs.frozen
class _Margins:
    """The body's left and right edges over the whole document."""

    left: float
    right: float

    @classmethod
    def of(cls, items: Sequence[Item]) -> _Margins:
        lines = [i for i in items if isinstance(i, Text) and len(i.cells) == 1]
        return cls(min((i.x0 for i in lines), default=0.0), max((i.x1 for i in lines), default=0.0))

    def wraps(self, line: Text, following: Text) -> bool:
        """Does prose ``line`` continue on ``following`` (see the module docstring)?"""
        if len(line.cells) != 1 or len(following.cells) != 1 or following.page - line.page not in (0, 1):
            return False
        if abs(line.size - following.size) > 0.2 * line.size:  # a title over body text, a note under it
            return False
        full = line.x1 >= self.right - WRAP_SLACK * line.size
        flush = following.x0 <= self.left + 0.5 * following.size
        text, before = following.cells[0], line.cells[0]
        if heading(text) is not None or heading(before) is not None or _ENUMERATOR.match(text):
            return False
        broken_word = _URL_PART.search(before) is not None and text[:1].isascii() and text[:1].isalnum()
        pushed = not before.endswith(_SENTENCE_ENDS) and self.right - line.x1 < _chunk_width(text, following.size)
        return (flush and (full or broken_word or pushed)) or self._centred_wrap(line, following)

    def _centred_wrap(self, line: Text, following: Text) -> bool:
        """A centred line (a title) as wide as the body, and the centred rest of it just below."""
        middle = (self.left + self.right) / 2
        centred = all(abs((t.x0 + t.x1) / 2 - middle) <= t.size for t in (line, following))
        wide = line.x1 - line.x0 >= 0.8 * (self.right - self.left)
        return centred and wide and following.page == line.page and following.top - line.top <= 2.5 * line.size


def _chunk_width(text: str, size: float) -> float:
    """The printed width of the first unbreakable piece of ``text`` (a Latin letter or digit: 2/3 of a character)."""
    found = _FIRST_CHUNK.match(text)
    chunk = found.group() if found else text[:1]
    return sum(0.65 if ch.isascii() else 1.0 for ch in chunk) * size


def _glue(line: Text, following: Text) -> str:
    before, after = line.cells[0][-1:], following.cells[0][:1]
    return " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""


def _number(items: list[tuple[Item, bool]]) -> list[Block]:
    """Blocks with lines numbered in reading order."""
    blocks: list[Block] = []
    number = 0
    for item, is_furniture in items:
        if isinstance(item, Text):
            number += 1
            origin = Origin(number, item.page, item.x0, item.top)
            if len(item.cells) > 1 and not is_furniture:  # a row of a table printed without rulings
                blocks.append(Table(tuple(TableCell(text, 0, i, origin) for i, text in enumerate(item.cells))))
            else:
                blocks.append(Paragraph(item.text, origin, is_furniture))
            continue
        cells = []
        for r in range(item.height):
            number += 1
            cells += [TableCell(c.text, c.row, c.column, Origin(number, c.page, c.x, c.y), c.rowspan, c.colspan)
                      for c in item.row(r)]
        blocks.append(Table(tuple(cells)))
    return blocks
