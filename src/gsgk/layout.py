"""Source text as lines of cells: the common input of the lexer.

Every input format becomes a list of :class:`Line`.  A text line is split on
tabs and pipes (``|``, ``｜``) into cells; leading and trailing separators are
layout (a leading one marks the line as *indented*, as in copies where every
cell sits on its own tab-indented line).  HTML and DOCX readers build lines
whose cells are table cells, with ``exact=True``: there an empty cell is a
blank value, not layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from .errors import InputError
from .findings import Finding

MAX_LINES = 20_000
"""A report has at most this many lines (real ones have a few hundred to a thousand)."""
MAX_CELLS = 100_000
"""…and at most this many cells in all its lines."""

_SEPARATORS = re.compile(r"[\t|｜]")
_EDGES = "\t|｜ \u3000\xa0"


@attrs.define
class Cell:
    """The text of one cell and where it starts (1-based line and column).

    Cells and lines are made by the thousand per report and are not frozen (a frozen class
    costs three times as much to make); the readers make them, and nothing changes them after.
    """

    text: str
    line: int
    column: int


@attrs.frozen
class Origin:
    """Where a line or cell was read: the line number diagnostics name, and in a PDF the page and position.

    ``x`` and ``y`` are PDF points from the page's top-left corner.
    """

    line: int
    page: int | None = None
    x: float | None = None
    y: float | None = None

    def __str__(self) -> str:
        if self.page is None or self.x is None or self.y is None:
            return f"line {self.line}"
        return f"page {self.page} ({self.x:.0f}, {self.y:.0f})"


@attrs.define
class Line:
    """One source line (or table row) as cells.

    ``origins`` (one per cell, PDF only) place the cells on their page;
    a ``furniture`` line (a page number, a running header the reader
    recognised) is reported and never read.
    """

    number: int
    text: str
    cells: tuple[Cell, ...]
    indented: bool = False
    exact: bool = False
    furniture: bool = False
    origins: tuple[Origin, ...] = attrs.field(default=(), eq=False, repr=False)
    content: str = attrs.field(init=False, eq=False, repr=False)
    """The line's text without layout at its edges."""

    @content.default
    def _content(self) -> str:
        return self.text.strip(_EDGES)

    @property
    def is_blank(self) -> bool:
        return not self.content


def split_line(number: int, text: str) -> Line:
    """Split one text line into cells (see the module docstring)."""
    if not _SEPARATORS.search(text):
        content = text.strip(" \u3000\xa0")
        offset = len(text) - len(text.lstrip(" \u3000\xa0"))
        return Line(number, text, (Cell(content, number, offset + 1),) if content else ())
    body = text.rstrip(_EDGES)
    start = len(body) - len(body.lstrip(_EDGES))
    indented = bool(_SEPARATORS.match(text))
    rest = body[start:]
    if not rest:
        return Line(number, text, (Cell("", number, 1),) if indented else (), indented)
    if not _SEPARATORS.search(rest):  # one cell, indented (one cell per line): its edges are already gone
        return Line(number, text, (Cell(rest, number, start + 1),), indented)
    cells = []
    column = start
    for part in _SEPARATORS.split(rest):
        stripped = part.strip(" \u3000\xa0")
        offset = len(part) - len(part.lstrip(" \u3000\xa0"))
        cells.append(Cell(stripped, number, column + offset + 1))
        column += len(part) + 1
    return Line(number, text, tuple(cells), indented)


def text_lines(text: str) -> list[Line]:
    """Split decoded text (newlines already normalised to ``\\n``) into lines, within the limits."""
    lines = text.count("\n") + 1
    check_shape(lines, lines + sum(map(text.count, "\t|｜")))
    return [split_line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]


def check_shape(lines: int, cells: int) -> None:
    """Refuse a document of more than :data:`MAX_LINES` lines or :data:`MAX_CELLS` cells."""
    if lines > MAX_LINES:
        raise InputError(f"input of {lines} lines refused (limit {MAX_LINES}); reports have a few hundred")
    if cells > MAX_CELLS:
        raise InputError(f"input of {cells} cells refused (limit {MAX_CELLS}); reports have a few thousand")


def cell_lines(rows: Iterable[tuple[int, list[str]]]) -> list[Line]:
    """Lines for table rows whose cell boundaries are known (HTML, DOCX)."""
    lines = []
    for number, texts in rows:
        cells = tuple(Cell(t.strip(), number, i + 1) for i, t in enumerate(texts))
        lines.append(Line(number, "\t".join(texts), cells, exact=True))
    return lines


def quote(lines: Sequence[Line], number: int | None, column: int | None) -> tuple[str | None, int | None]:
    """The text to quote for a place in the source, and the character column of the caret.

    A text line is quoted as it is.  An exact row (HTML, DOCX) is quoted as its
    cells joined by `` | ``, with the caret under the cell the column counts.
    """
    line = next((candidate for candidate in lines if candidate.number == number), None)
    if line is None or not line.exact or column is None:
        return (line.text if line else None), column
    texts = [cell.text for cell in line.cells]
    index = min(max(column, 1), len(texts)) - 1 if texts else 0
    return " | ".join(texts), sum(len(t) + 3 for t in texts[:index]) + 1


def placed(findings: Iterable[Finding], lines: Sequence[Line]) -> Iterator[Finding]:
    """``findings`` with the page and position of the line or cell each names, where the source had them."""
    by_number = {line.number: line for line in lines if line.origins}
    for finding in findings:
        line = by_number.get(finding.line) if finding.line is not None else None
        if line is None:
            yield finding
            continue
        index = (finding.column or 1) - 1 if line.exact else 0
        origin = line.origins[min(max(index, 0), len(line.origins) - 1)]
        if origin.page is None or origin.x is None or origin.y is None:
            yield finding
        else:
            yield attrs.evolve(finding, page=origin.page, position=(round(origin.x, 1), round(origin.y, 1)))
