"""The canonical standard form as plain text.

One line per paragraph and per table row, table cells separated by tabs, the
template's order and canonical labels; a group label (``（三）不予公开``) is
printed on the first row of its group only, as a merged cell would show it.
A blank cell prints as ``—`` so that it stays distinct from ``0``.  The output
is what :func:`gsgk.loads` reads back to an equal report.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Report
from ..template import SECTIONS, Block, Section
from ..values import format_date, format_value


def dumps_text(report: Report) -> str:
    """``report`` in the standard form, as text."""
    return "\n".join(_lines(report)) + "\n"


def _lines(report: Report) -> Iterator[str]:
    if report.title:
        yield report.title
        yield ""
    yield from report.preamble
    for section in SECTIONS:
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


def header_rows(section: Section, block: Block) -> list[list[str]]:
    """The header of a table as rows of cells (merged cells repeated as empty strings)."""
    columns = [c.label for c in block.columns]
    if section.number == 2:
        return [[*block.header_words, *columns]]
    if section.number == 3:
        note, applicants, organisations = block.header_words
        middle = columns[1:-1]
        return [
            [note, applicants],
            ["", columns[0], organisations, *[""] * (len(middle) - 1), columns[-1]],
            ["", "", *middle, ""],
        ]
    review, direct, after = block.rows
    pad = [""] * (len(columns) - 1)
    return [
        [review.leaf, *pad, direct.groups[0]],
        [*columns, direct.leaf, *pad, after.leaf],
        [*[""] * len(columns), *columns, *columns],
    ]


def _table(report: Report, section: Section) -> Iterator[str]:
    for block in section.blocks:
        if block.caption:
            yield block.caption
        for header in header_rows(section, block):
            yield "\t".join(header).rstrip("\t")
        if section.number == 4:
            yield "\t".join(format_value(report.cells[cell]) for row in block.rows
                            for cell in _row_cells(section, block, row.label))
            continue
        previous: tuple[str, ...] = ()
        for row in block.rows:
            lead = [g if previous[: i + 1] != row.groups[: i + 1] else "" for i, g in enumerate(row.groups)]
            values = [format_value(report.cells[cell]) for cell in _row_cells(section, block, row.label)]
            yield "\t".join([*lead, row.leaf, *values])
            previous = row.groups


def _row_cells(section: Section, block: Block, row: str) -> list[tuple[int, str, str]]:
    return [(section.number, row, column.label) for column in block.columns]
