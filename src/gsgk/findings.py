"""Findings: what loading or checking a report has to say about it.

Parse diagnostics (``report.diagnostics``) and check results (``gsgk.check``)
are the same class, so a caller can filter, print and count them alike.
Every ``code`` is stable and listed in ``docs/diagnostics.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol

import attrs

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Every severity, the gravest first."""
CellKey = tuple[int, str, str]


class Place(Protocol):
    """Anything that knows where it stands in the source: a token, a cell, a piece of a table, a span."""

    @property
    def line(self) -> int | None: ...

    @property
    def column(self) -> int | None: ...


@attrs.frozen
class Finding:
    """One diagnostic: a stable code, a severity, a message and where it applies.

    ``line`` and ``column`` count lines and cells of the source (for a PDF, of
    the lines :func:`gsgk.read_lines` reads from it); a PDF finding also has
    the ``page`` and the ``position`` (x, y in points from the page's top-left
    corner) of the cell or line it concerns.
    """

    code: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    cells: tuple[CellKey, ...] = ()
    page: int | None = attrs.field(default=None, kw_only=True)
    position: tuple[float, float] | None = attrs.field(default=None, kw_only=True)

    @property
    def location(self) -> str:
        """``page N (x, y)`` in a PDF, else ``line:column`` (or ``line``); empty when the source gave no place."""
        if self.page is not None and self.position is not None:
            return f"page {self.page} ({self.position[0]:.0f}, {self.position[1]:.0f})"
        if self.line is None:
            return ""
        return f"{self.line}:{self.column}" if self.column is not None else str(self.line)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity} [{self.code}] {self.message}"


def note(code: str, severity: Severity, message: str, at: Place | None = None,
         cells: tuple[CellKey, ...] = ()) -> Finding:
    """The finding ``code`` at the place ``at`` (none when the source gives no place), about ``cells``."""
    return Finding(code, severity, message, at.line if at else None, at.column if at else None, cells)


def by_position(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` in order of line and column (those without a place last, in their order)."""
    return sorted(findings, key=lambda f: (f.line is None, f.line or 0, f.column or 0))


DISORDER = 5
"""A reading with this many findings of words or numbers out of place read a text whose tables lost their
layout (a table that merely lacks rows, or has a note, gives none or one)."""
_DISORDER_CODES = frozenset({"token-unexpected", "row-no-values", "row-order", "block-order", "text-in-table"})


def disordered(findings: Iterable[Finding]) -> bool:
    """Did a reading meet its tables' words and numbers out of any order the template allows (at least
    :data:`DISORDER` findings saying so)?"""
    return sum(f.code in _DISORDER_CODES for f in findings) >= DISORDER
