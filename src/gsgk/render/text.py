"""The canonical standard form as plain text.

One line per paragraph and per table row, table cells separated by tabs, the
template's order and canonical labels.  Tables are the official grids of
:mod:`gsgk.render.grid` laid flat: a merged cell's text stands where the cell
starts (a group label such as ``（三）不予公开`` on the first row of its group)
and the rest of its place is empty.
A blank cell prints as ``—`` so that it stays distinct from ``0``.  The output
is what :func:`gsgk.loads` reads back to an equal report.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Report
from ..template import Section
from ..values import format_date, format_value
from .grid import placed, tables


def dumps_text(report: Report) -> str:
    """``report`` in the standard form, as text."""
    return "\n".join(_lines(report)) + "\n"


def _lines(report: Report) -> Iterator[str]:
    if report.title:
        yield report.title
        yield ""
    yield from report.preamble
    for section in report.template.sections:
        yield ""
        yield section.heading
        if section.is_table:
            yield from _table(report, section)
            yield from (note.text for note in report.notes if note.section == section.number)
        else:
            yield from report.prose(section.number)
    if report.signature or report.published:
        yield ""
    if report.signature:
        yield report.signature
    if report.published:
        yield format_date(report.published)


def _table(report: Report, section: Section) -> Iterator[str]:
    for table in tables(report, section):
        if table.caption:
            yield table.caption
        grid = [[""] * table.width for _ in table.rows]
        for r, c, cell in placed(table.rows):
            grid[r][c] = format_value(report.cells[cell.cell]) if cell.cell else cell.text
        yield from ("\t".join(row).rstrip("\t") for row in grid)
