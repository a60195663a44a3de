"""Template cells by their stable keys, and findings placed where a report printed them."""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding, Severity, note
from ..model import Number, Report
from ..template import TEMPLATE, Cell
from ..values import total

__all__ = ["cell", "located", "printed", "total"]


def cell(section: int, row: str, column: str) -> Cell:
    """The template cell of ``section`` whose row and column have these keys (``"received"``, ``"total"``)."""
    return next(c for c in TEMPLATE.section_cells(section) if c.row.key == row and c.column.key == column)


def located(code: str, severity: Severity, message: str, report: Report, cells: Iterable[Cell]) -> Finding:
    """A finding about ``cells``, at the source place of the first of them that has one."""
    involved = tuple(cells)
    span = next((s for s in map(report.cells.span, involved) if s is not None), None)
    return note(code, severity, message, span, tuple(c.key for c in involved))


def printed(report: Report, cells: Iterable[Cell]) -> list[Number] | None:
    """The values of ``cells``, or ``None`` if any of them is blank."""
    values = [report[c] for c in cells]
    return None if any(v is None for v in values) else [v for v in values if v is not None]

