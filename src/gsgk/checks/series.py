"""Rules across years: the reports of one organ must continue each other.

Reports are grouped by organ and ordered by year.  For each pair of
consecutive years, last year's ``四、结转下年度继续办理`` must equal this
year's ``二、上年结转…`` in every applicant column (``series-carry``, error:
both print the same applications at the same moment).  Within an edition,
表二 continues too (warnings: items can be re-filed or re-counted): in 2021,
last year's ``现行有效件数`` plus this year's ``本年制发件数`` minus
``本年废止件数`` should equal this year's ``现行有效件数`` (``series-in-force``);
in 2019, last year's ``上一年项目数量`` plus its ``本年增/减`` should equal this
year's ``上一年项目数量`` (``series-items``).  Cells are matched by their keys,
so across an edition change (2020 → 2021) only what both editions count is
compared.  Years missing between the first and the last, a year given twice,
and reports whose organ or year is unknown are reported too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from ..findings import Finding, note
from ..model import Report
from ..template import Cell
from .cells import located, printed

Located = tuple[int | None, Finding]
"""A finding and the index of the report it is about (``None``: about the series)."""


def check_series(reports: Sequence[Report]) -> list[Finding]:
    """The cross-year findings on ``reports`` (any order, any mix of organs and editions)."""
    return [finding for _, finding in series_findings(reports)]


def series_findings(reports: Sequence[Report]) -> list[Located]:
    """:func:`check_series`, each finding with the index of the (later) report it is located in."""
    found: list[Located] = []
    groups: dict[str, list[int]] = {}
    for i, report in enumerate(reports):
        if report.organ is None or report.year is None:
            found.append((i, note("series-unplaced", "warning", "发布机关或报告年度不明，未纳入跨年度检查")))
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
            yield i, note("series-year-duplicate", "warning",
                             f"{organ}{year}年的报告出现不止一份；跨年度检查以第一份为准")
        else:
            years[year] = i
    for year in range(min(years), max(years) + 1):
        if year not in years:
            yield None, note("series-year-missing", "warning", f"{organ}缺少{year}年的报告")
    for last, this in pairwise(sorted(years)):
        if this == last + 1:
            before, after = reports[years[last]], reports[years[this]]
            for rule in (carry, in_force, items):
                yield from ((years[this], f) for f in rule(before, after))


def _cells(report: Report, row: str, *columns: str) -> tuple[Cell, ...] | None:
    """The report's cells of one row by keys, or ``None`` if its edition lacks any of them."""
    cells = tuple(report.template.find(row, column) for column in columns)
    return None if any(c is None for c in cells) else cells  # type: ignore[return-value]


def carry(last: Report, this: Report) -> Iterator[Finding]:
    """``series-carry``: last year's carried-forward applications are this year's carried-over ones."""
    for column in this.template.section(3).blocks[0].columns:
        found, now = _cells(last, "carried_forward", column.key), _cells(this, "carried_over", column.key)
        if found is None or now is None:
            continue
        (forward,), (over,) = found, now
        a, b = last[forward], this[over]
        if a is not None and b is not None and a != b:
            yield located("series-carry", "error",
                          f"{last.year}年报告{forward.describe()}为{a}，{this.year}年报告{over.describe()}为{b}，"
                          f"两者应相等，相差{abs(a - b)}", this, (over, forward))


def in_force(last: Report, this: Report) -> Iterator[Finding]:
    """``series-in-force``: 现行有效件数 carries over, changed by this year's issued and repealed."""
    for row in this.template.section(2).blocks[0].rows:
        before_cells, cells = _cells(last, row.key, "in_force"), _cells(this, row.key, "issued", "repealed", "in_force")
        if before_cells is None or cells is None:
            continue
        (now_before,), (issued, repealed, now) = before_cells, cells
        previous, current = printed(last, before_cells), printed(this, cells)
        if previous is None or current is None:
            continue
        (before,), (added, removed, shown) = previous, current
        expected = before + added - removed
        if expected != shown:
            yield located(
                "series-in-force", "warning",
                f"表二「{row.leaf}」：{last.year}年「{now_before.column.label}」{before}"
                f"+{this.year}年「{issued.column.label}」{added}−「{repealed.column.label}」{removed}"
                f"={expected}，而{this.year}年「{now.column.label}」为{shown}，相差{abs(expected - shown)}",
                this, cells)


def items(last: Report, this: Report) -> Iterator[Finding]:
    """``series-items`` (2019 edition): last year's 上一年项目数量 and 本年增/减 give this year's 上一年项目数量."""
    for block in this.template.section(2).blocks:
        for row in block.rows:
            before_cells, now = _cells(last, row.key, "items_last_year", "items_change"), \
                _cells(this, row.key, "items_last_year")
            if before_cells is None or now is None:
                continue
            previous, current = printed(last, before_cells), printed(this, now)
            if previous is None or current is None:
                continue
            (listed, change), (shown,) = previous, current
            if listed + change != shown:
                label = now[0].column.label
                yield located(
                    "series-items", "warning",
                    f"表二「{row.leaf}」：{last.year}年「{label}」{listed}+「{before_cells[1].column.label}」{change}"
                    f"={listed + change}，而{this.year}年「{label}」为{shown}，相差{abs(listed + change - shown)}",
                    this, now)
