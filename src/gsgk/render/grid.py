"""The official tables as grids of merged cells, derived from :mod:`gsgk.template`.

The HTML, DOCX and Markdown renderers draw the same grids, in the report's
edition of the template: 表二 as its 第二十条 sub-tables (four in 2021, five
in 2019), 表三 and 表四 with their multi-row headers.  A grid is rows of
:class:`GridCell` (text, ``rowspan``, ``colspan``); a merged cell appears
once, in the row and column where it starts, as in HTML.

Row labels come from the template's label paths: a group (``（三）不予公开``)
spans the rows it encloses, and a leaf spans the label columns its path
leaves free.  表四 prints its rows across the page, so the same rule, turned
sideways, gives its header: ``行政诉讼`` spans the columns of its two rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ..model import Report, Value
from ..template import Block, Cell, Column, Row, Section
from ..values import format_value

Role = Literal["header", "label", "value"]


@attrs.frozen
class GridCell:
    """One cell of a drawn table; ``cell`` is the template cell a value belongs to."""

    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    cell: Cell | None = None


@attrs.frozen
class Table:
    """A drawn table: an optional caption, header rows and body rows, ``width`` grid columns."""

    caption: str | None
    head: tuple[tuple[GridCell, ...], ...]
    body: tuple[tuple[GridCell, ...], ...]
    width: int
    labels: int
    """How many grid columns on the left hold row labels (0 for 表四)."""

    @property
    def rows(self) -> tuple[tuple[GridCell, ...], ...]:
        return self.head + self.body


def tables(report: Report, section: Section) -> tuple[Table, ...]:
    """The tables of a table section, filled with ``report``'s values (blank cells empty)."""
    return tuple(_table(report, section, block) for block in section.blocks)


def value_text(value: Value) -> str:
    """A value as a table prints it: digits, or nothing for a blank cell."""
    return "" if value is None else format_value(value)


@attrs.frozen
class _Span:
    """A label in the tree of row paths: its text, its first row, how many rows, its depth."""

    text: str
    first: int
    length: int
    depth: int
    leaf: bool


def _spans(rows: Sequence[Row]) -> list[_Span]:
    """Every group and leaf label with the run of rows it covers, in reading order."""
    spans: list[_Span] = []
    for i, row in enumerate(rows):
        for depth, text in enumerate(row.parts):
            path = row.parts[: depth + 1]
            if i and rows[i - 1].parts[: depth + 1] == path:
                continue
            length = 1
            while i + length < len(rows) and rows[i + length].parts[: depth + 1] == path:
                length += 1
            spans.append(_Span(text, i, length, depth, depth == len(row.parts) - 1))
    return spans


def _table(report: Report, section: Section, block: Block) -> Table:
    if block.layout == "across":
        return _across(report, section, block)
    depth = max(len(row.parts) for row in block.rows)
    body: list[list[GridCell]] = [[] for _ in block.rows]
    for span in _spans(block.rows):
        across = depth - span.depth if span.leaf else 1
        body[span.first].append(GridCell(span.text, "label", rowspan=span.length, colspan=across))
    for i, row in enumerate(block.rows):
        body[i] += [_value(report, section, row, column) for column in block.columns]
    head = _requests_head(block, depth) if section.number == 3 else _active_head(block)
    return Table(block.caption, head, tuple(map(tuple, body)), depth + len(block.columns), depth)


def _value(report: Report, section: Section, row: Row, column: Column) -> GridCell:
    cell = report.template.cell(section.number, row.label, column.label)
    return GridCell(value_text(report.cells[cell]), "value", cell=cell)


def _active_head(block: Block) -> tuple[tuple[GridCell, ...], ...]:
    """表二: ``信息内容`` and the block's columns."""
    return ((*(GridCell(w, "header") for w in block.header_words),
             *(GridCell(c.label, "header") for c in block.columns)),)


def _requests_head(block: Block, labels: int) -> tuple[tuple[GridCell, ...], ...]:
    """表三: the 勾稽关系 note over the labels, 申请人情况 over 自然人, 法人或其他组织 (five) and 总计."""
    note, applicants, organisations = block.header_words
    first, *middle, last = block.columns
    return (
        (GridCell(note, "header", rowspan=3, colspan=labels),
         GridCell(applicants, "header", colspan=len(block.columns))),
        (GridCell(first.label, "header", rowspan=2),
         GridCell(organisations, "header", colspan=len(middle)),
         GridCell(last.label, "header", rowspan=2)),
        tuple(GridCell(c.label, "header") for c in middle),
    )


def _across(report: Report, section: Section, block: Block) -> Table:
    """A block printed across (表四): the rows stand side by side, each with the block's columns under its label."""
    depth = max(len(row.parts) for row in block.rows)
    width = len(block.columns)
    head: list[list[GridCell]] = [[] for _ in range(depth + 1)]
    for span in _spans(block.rows):
        head[span.depth].append(GridCell(span.text, "header", colspan=span.length * width))
        if span.leaf:
            down = depth - span.depth
            head[span.depth + 1] += [GridCell(c.label, "header", rowspan=down) for c in block.columns]
    values = tuple(_value(report, section, row, column)
                   for row in block.rows for column in block.columns)
    return Table(block.caption, tuple(map(tuple, head)), (values,), width * len(block.rows), 0)


def placed(rows: Sequence[Sequence[GridCell]]) -> list[tuple[int, int, GridCell]]:
    """Each cell with the grid row and column where it starts (merged cells skipped over)."""
    taken: set[tuple[int, int]] = set()
    result = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            result.append((r, c, cell))
            taken.update((r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            c += cell.colspan
    return result
