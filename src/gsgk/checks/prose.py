"""Prose against tables: totals that 一、总体情况 or 六 state in words and the tables also hold.

Precision first: a clause is read only when it names one of a few quantities
unambiguously (applications received, handled, carried over, carried
forward; 行政复议 and 行政诉讼 cases) with a number of 件; clauses that speak
of a part (after ``其中``, ``各``), of a wider scope (``全县``, ``各部门``),
of another year, or compare with last year are skipped.  Where the wording
allows more than one reading (``办理`` may mean received or handled), the
stated number must match none of them to be reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..findings import Finding
from ..model import Report
from ..template import Cell
from ..values import MAX_DIGITS
from .cells import cell, located, printed, total
from .sentences import placed_sentences

SECTIONS_READ = (1, 6)
"""The prose sections whose totals are compared (一、总体情况 and 六、其他需要报告的事项)."""

_GAP = r"[^，,。；;：:\d各]"
_APPLICATIONS = r"(?:信息公开|依申请公开)"
_COUNT = rf"(\d{{1,{MAX_DIGITS}}})"
"""A stated number (longer ones are not counts: the clause is not read)."""
_CASES = rf"(?:案件)?(?:共)?{_COUNT}\s*[件起]"
_CLAUSE = re.compile(r"[，,；;：:（()）]")
_SKIP = re.compile(r"全[县市区省州盟旗镇乡]|各(?:部门|单位|乡镇|级)"
                   r"|同比|较上年|比上年|去年|上年同期|增长|下降|增加|减少")
_YEAR = re.compile(r"(\d{4})\s*年")


@attrs.frozen
class Claim:
    """A quantity prose may state: its code, its wording, and the table sums it may mean."""

    code: str
    pattern: re.Pattern[str]
    readings: tuple[tuple[Cell, ...], ...]


def _requests(row: str) -> Cell:
    return cell(3, row, "total")


def _appeals(row: str) -> Cell:
    return cell(4, row, "total")


_RECEIVED = (_requests("received"),)
_WITH_CARRIED_OVER = (_requests("received"), _requests("carried_over"))
_REVIEW = _appeals("review")
_DIRECT, _AFTER_REVIEW = _appeals("litigation_direct"), _appeals("litigation_after_review")

CLAIMS = (
    Claim("prose-carried-over", re.compile(rf"上一?年度?结转{_GAP}{{0,16}}?{_COUNT}\s*件"),
          ((_requests("carried_over"),),)),
    Claim("prose-carried-forward", re.compile(rf"结转(?:至|到)?下一?年度?{_GAP}{{0,16}}?{_COUNT}\s*件"),
          ((_requests("carried_forward"),),)),
    Claim("prose-review", re.compile(re.escape(_REVIEW.row.leaf) + _CASES), ((_REVIEW,),)),
    Claim("prose-litigation", re.compile(re.escape(_DIRECT.row.groups[0]) + _CASES),
          ((_DIRECT, _AFTER_REVIEW), (_DIRECT,), (_AFTER_REVIEW,))),
    Claim("prose-received",
          re.compile(rf"(?:收到|受理|新收|接收|接到){_GAP}{{0,16}}?{_APPLICATIONS}{_GAP}{{0,8}}?{_COUNT}\s*件"),
          (_RECEIVED, _WITH_CARRIED_OVER)),
    Claim("prose-handled",
          re.compile(rf"(?:办理|处理|办结|答复){_GAP}{{0,16}}?{_APPLICATIONS}{_GAP}{{0,8}}?{_COUNT}\s*件"),
          ((_requests("handled_total"),), _RECEIVED, _WITH_CARRIED_OVER)),
)
"""Tried in this order; the first claim a clause makes is the only one read from it."""


def check_prose(report: Report) -> Iterator[Finding]:
    """A warning for each clause whose number matches no reading of the tables."""
    for where, sentence in placed_sentences(report, SECTIONS_READ, with_preamble=False):
        for clause in _clauses(sentence, report.year):
            found = next(((c, m) for c in CLAIMS if (m := c.pattern.search(clause))), None)
            if found is None:
                continue
            claim, match = found
            stated = int(match[1])
            sums = [(r, printed(report, r)) for r in claim.readings]
            readings = [r for r, values in sums if values is not None]
            totals = [total(values) for _, values in sums if values is not None]
            if readings and stated not in totals:
                shown = "；".join(f"{'与'.join(c.describe() for c in r)}{'之和' if len(r) > 1 else ''}为{t}"
                                 for r, t in zip(readings, totals))
                involved = list(dict.fromkeys(c for r in readings for c in r))
                yield located(claim.code, "warning", f"{where}写明「{sentence}」（{stated}件），与表格不符：{shown}",
                              report, involved)


def _clauses(sentence: str, year: int | None) -> Iterator[str]:
    """The clauses of ``sentence`` that may state a whole total of the report year."""
    whole = sentence.split("其中")[0]
    for clause in _CLAUSE.split(whole):
        if _SKIP.search(clause) or any(int(y) != year for y in _YEAR.findall(clause)):
            continue
        yield clause
