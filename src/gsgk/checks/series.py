"""Rules across years: the reports of one organ must continue each other.

Reports are grouped by organ and ordered by year.  For each pair of
consecutive years, last year's ``四、结转下年度继续办理`` must equal this
year's ``二、上年结转…`` in every applicant column (``series-carry``, error:
both print the same applications at the same moment), and last year's
``现行有效件数`` plus this year's ``本年制发件数`` minus ``本年废止件数``
should equal this year's ``现行有效件数`` (``series-in-force``, warning:
documents can be re-filed or re-counted).  Years missing between the first and
the last, a year given twice, and reports whose organ or year is unknown are
reported too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from ..findings import Finding
from ..model import Report
from ..template import TEMPLATE
from .cells import cell, located, printed

Located = tuple[int | None, Finding]
"""A finding and the index of the report it is about (``None``: about the series)."""

_REQUESTS = TEMPLATE.section(3).blocks[0]
_DOCUMENTS = TEMPLATE.section(2).blocks[0]


def check_series(reports: Sequence[Report]) -> list[Finding]:
    """The cross-year findings on ``reports`` (any order, any mix of organs)."""
    return [finding for _, finding in series_findings(reports)]


def series_findings(reports: Sequence[Report]) -> list[Located]:
    """:func:`check_series`, each finding with the index of the (later) report it is located in."""
    found: list[Located] = []
    groups: dict[str, list[int]] = {}
    for i, report in enumerate(reports):
        if report.organ is None or report.year is None:
            found.append((i, Finding("series-unplaced", "warning", "发布机关或报告年度不明，未纳入跨年度检查")))
        else:
            groups.setdefault(report.organ, []).append(i)
    for organ, indices in groups.items():
        found += _organ(organ, reports, sorted(indices, key=lambda i: (reports[i].year, i)))
    return found


def _organ(organ: str, reports: Sequence[Report], indices: list[int]) -> Iterator[Located]:
    years: dict[int, int] = {}
    for i in indices:
        year = reports[i].year
        assert year is not None
        if year in years:
            yield i, Finding("series-year-duplicate", "warning",
                             f"{organ}{year}年的报告出现不止一份；跨年度检查以第一份为准")
        else:
            years[year] = i
    for year in range(min(years), max(years) + 1):
        if year not in years:
            yield None, Finding("series-year-missing", "warning", f"{organ}缺少{year}年的报告")
    for last, this in pairwise(sorted(years)):
        if this == last + 1:
            before, after = reports[years[last]], reports[years[this]]
            yield from ((years[this], f) for f in carry(before, after))
            yield from ((years[this], f) for f in in_force(before, after))


def carry(last: Report, this: Report) -> Iterator[Finding]:
    """``series-carry``: last year's carried-forward applications are this year's carried-over ones."""
    for column in _REQUESTS.columns:
        forward, over = cell(3, "carried_forward", column.key), cell(3, "carried_over", column.key)
        a, b = last[forward], this[over]
        if a is not None and b is not None and a != b:
            yield located("series-carry", "error",
                          f"{last.year}年报告{forward.describe()}为{a}，{this.year}年报告{over.describe()}为{b}，"
                          f"两者应相等，相差{abs(a - b)}", this, (over, forward))


def in_force(last: Report, this: Report) -> Iterator[Finding]:
    """``series-in-force``: 现行有效件数 carries over, changed by this year's issued and repealed."""
    for row in _DOCUMENTS.rows:
        now, issued, repealed = (cell(2, row.key, key) for key in ("in_force", "issued", "repealed"))
        previous, current = printed(last, (now,)), printed(this, (issued, repealed, now))
        if previous is None or current is None:
            continue
        (before,), (added, removed, shown) = previous, current
        expected = before + added - removed
        if expected != shown:
            yield located(
                "series-in-force", "warning",
                f"表二「{row.leaf}」：{last.year}年「{now.column.label}」{before}"
                f"+{this.year}年「{issued.column.label}」{added}−「{repealed.column.label}」{removed}"
                f"={expected}，而{this.year}年「{now.column.label}」为{shown}，相差{abs(expected - shown)}",
                this, (now, issued, repealed))

