"""The table-of-cells stage: paragraphs and tables in reading order, as a reader finds them.

The HTML, DOCX and PDF readers describe a document as :class:`Paragraph` and
:class:`Table` blocks.  A table keeps its grid: every :class:`TableCell` has
its text, the grid row and column it starts in, its row and column spans and
the :class:`Origin` it was read from (a source line for HTML and DOCX; a page
and a position for PDF).  A cell covered by another cell's span is not a cell
of its own, so a merged label is read once and an empty cell is a blank value.

:func:`to_lines` hands the blocks to the lexer: a paragraph is a prose line,
a table row an *exact* line holding the cells that start in that row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeAlias

import attrs

from .layout import Cell, Line, Origin, cell_lines


@attrs.frozen
class Paragraph:
    """A line of prose (a heading, a paragraph, a caption)."""

    text: str
    origin: Origin
    furniture: bool = False
    """Page furniture (a page number, a running header): reported, never read."""


@attrs.frozen
class TableCell:
    """One cell of a table grid, as printed (``""`` for an empty cell)."""

    text: str
    row: int
    column: int
    origin: Origin
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class Table:
    """A table as a grid of cells; cells covered by a span are absent."""

    cells: tuple[TableCell, ...]

    @property
    def height(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    def rows(self) -> list[list[TableCell]]:
        """The cells that start in each grid row, left to right."""
        rows: list[list[TableCell]] = [[] for _ in range(self.height)]
        for cell in self.cells:
            rows[cell.row].append(cell)
        return [sorted(row, key=lambda c: c.column) for row in rows]


Block: TypeAlias = Paragraph | Table


MAX_COLSPAN = 100
"""Column spans are cut to this; the widest table of the template (表四) has 15 columns."""


def grid_table(rows: Sequence[Sequence[tuple[str, Origin, int, int]]]) -> Table:
    """A table from rows of ``(text, origin, rowspan, colspan)`` entries, placed as HTML places cells.

    Each entry takes the first grid column of its row not covered by a span
    from an earlier row.  A row span is cut at the last row, a column span at
    :data:`MAX_COLSPAN`.
    """
    cells: list[TableCell] = []
    covered_until: dict[int, int] = {}  # grid column → first row no longer covered from above
    for r, row in enumerate(rows):
        column = 0
        for text, origin, rowspan, colspan in row:
            while covered_until.get(column, 0) > r:
                column += 1
            rowspan, colspan = max(1, min(rowspan, len(rows) - r)), max(1, min(colspan, MAX_COLSPAN))
            cells.append(TableCell(text, r, column, origin, rowspan, colspan))
            for c in range(column, column + colspan):
                covered_until[c] = r + rowspan
            column += colspan
    return Table(tuple(cells))


def to_lines(blocks: Iterable[Block]) -> list[Line]:
    """The lexer's lines: one per paragraph, one exact line per table row (see the module docstring)."""
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            number = block.origin.line
            lines.append(Line(number, block.text, (Cell(block.text, number, 1),), furniture=block.furniture,
                              origins=(block.origin,)))
            continue
        for row in block.rows():
            if row:
                number = row[0].origin.line
                line = cell_lines([(number, [cell.text for cell in row])])[0]
                lines.append(attrs.evolve(line, origins=tuple(cell.origin for cell in row)))
    return lines
