"""The standard form as Markdown, for docs, issues and notebooks.

Headings become ``#``/``##`` lines and paragraphs stay paragraphs.  Tables are
GitHub pipe tables, which have no merged cells, so spans are flattened: a
merged cell's text stands in the first row and column it covers and the other
places it covers stay empty; the first header row is the Markdown header and
further header rows follow as bold rows.  A blank value prints as ``—`` so it
is not mistaken for a place a merged cell covers.  表二's sub-tables are
preceded by their caption in bold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import Report
from ..template import BLANK
from ..values import format_date
from .grid import GridCell, Table, placed, tables

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def dumps_markdown(report: Report) -> str:
    """``report`` as Markdown text."""
    return "\n\n".join(_blocks(report)) + "\n"


def escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _blocks(report: Report) -> Iterator[str]:
    if report.title:
        yield f"# {escape(report.title)}"
    yield from map(escape, report.preamble)
    for section in report.template.sections:
        yield f"## {escape(section.heading)}"
        if not section.is_table:
            yield from map(escape, report.prose(section.number))
            continue
        for table in tables(report, section):
            if table.caption:
                yield f"**{escape(table.caption)}**"
            yield table_markdown(table)
        yield from (escape(n.text) for n in report.notes if n.section == section.number)
    closing = [escape(report.signature)] if report.signature else []
    if report.published:
        closing.append(format_date(report.published))
    if closing:
        yield "  \n".join(closing)


def table_markdown(table: Table) -> str:
    """One table as a pipe table, spans flattened (see the module docstring)."""
    head, *rest = [*_matrix(table.head, table.width, bold=True), *_matrix(table.body, table.width)]
    lines = [_line(head), _line(["---"] * table.width), *map(_line, rest)]
    return "\n".join(lines)


def _matrix(rows: Sequence[Sequence[GridCell]], width: int, *, bold: bool = False) -> list[list[str]]:
    grid = [[""] * width for _ in rows]
    for r, c, cell in placed(rows):
        grid[r][c] = _text(cell, bold)
    return grid


def _text(cell: GridCell, bold: bool) -> str:
    if cell.role == "value":
        return cell.text or BLANK
    text = escape(cell.text)
    return f"**{text}**" if bold else text


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
