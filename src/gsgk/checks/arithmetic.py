"""The template's sums (勾稽关系): every identity of the report's edition whose cells are printed.

An identity ``sum(left) == sum(right)`` is checked when none of its cells is
blank (blank cells are reported on their own); a broken one is an error whose
code is the identity's code (``sum-balance``, ``sum-results``,
``sum-applicants``, ``sum-appeals``).  A total printed blank although the
values it sums are not all blank or zero is a warning (``sum-total-blank``):
it stays blank, never filled with the sum.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..findings import Finding
from ..model import Number, Report
from ..template import NUMERALS, Cell, Identity
from ..values import format_value
from .cells import located, printed, total


def check_sums(report: Report) -> Iterator[Finding]:
    """One error per identity the report's printed values break; a warning per total left blank."""
    for identity in report.template.identities:
        left, right = printed(report, identity.left), printed(report, identity.right)
        if left is not None and right is not None and total(left) != total(right):
            yield located(identity.code, "error", _message(identity, left, right), report, identity.cells)
        elif len(identity.left) == 1 and left is None:
            yield from _blank_total(report, identity)


def _blank_total(report: Report, identity: Identity) -> Iterator[Finding]:
    """``sum-total-blank``: the total is blank, but some value it sums is printed and not zero."""
    shown = [(c, report[c]) for c in identity.right if report[c]]
    if shown:
        (cell,) = identity.left
        values = "、".join(f"「{c.column.label if c.row == cell.row else c.row.leaf}」{format_value(v)}"
                          for c, v in shown)
        yield located("sum-total-blank", "warning",
                      f"{cell.describe()}空白，而它应合计的各项印有数值（{values}）；未补填", report, (cell,))


def _message(identity: Identity, left: Sequence[Number], right: Sequence[Number]) -> str:
    left_words, _, right_words = identity.rule.partition("等于")
    negated: list[Number] = [-v for v in right]
    gap = total([*left, *negated])
    difference = format_value(-gap if gap < 0 else gap)
    return (f"{_scope(identity.cells)}：{left_words.rstrip('，')}（{_sum(left)}）"
            f"应等于{right_words}（{_sum(right)}），相差{difference}")


def _scope(cells: Sequence[Cell]) -> str:
    """Where an identity applies: ``表三「自然人」列`` or ``表四「行政复议」行``."""
    first = cells[0]
    table = f"表{NUMERALS[first.section - 1]}"
    if all(c.column == first.column for c in cells):
        return f"{table}「{first.column.label}」列"
    return f"{table}「{first.row.label}」行"


def _sum(values: Sequence[Number]) -> str:
    """``7+0=7``, or just ``7`` for a single value."""
    shown = "+".join(map(format_value, values))
    return shown if len(values) == 1 else f"{shown}={format_value(total(values))}"
