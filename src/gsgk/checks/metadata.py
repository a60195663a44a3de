"""Rules on what a report says about itself: its year, its publication date, the years its text names.

Years in the text are compared only where the sentence unambiguously speaks
of the report year: the statistics period (``统计期限自2023年1月1日起至
2023年12月31日止``), a paragraph of the preamble or of 一 that opens with
the year (``2023年，…``), and the sentence on the 信息处理费 charged that
year.  A false alarm costs more than a missed one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from ..findings import Finding, note
from ..model import Report
from ..values import format_date
from .sentences import paragraphs, placed_sentences, sentences

DEADLINE = (1, 31)
"""条例第四十九条: the report on a year is published by 31 January of the next year."""

_PERIOD = re.compile(r"统计[^。；;]*?(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日"
                     r"[^。；;\d]{0,10}?(\d{4})\s*年\s*12\s*月\s*31\s*日")
_OPENING = re.compile(r"^(\d{4})\s*年度?\s*[，,]")
_FEE = re.compile(r"(\d{4})\s*年度?(?:全年)?(?:未|没有|无|共)?(?:收取|产生)[^。；;，,]{0,16}?处理费")
_FUTURE = re.compile(r"将|计划|下一步|今后|明年")


def check_metadata(report: Report) -> Iterator[Finding]:
    if report.year is None:
        if not any(f.code == "year-unknown" for f in report.diagnostics):
            yield note("year-unknown", "warning", "无法确定报告年度")
        return
    yield from publication(report, report.year)
    yield from period(report, report.year)
    yield from mentioned(report, report.year)


def publication(report: Report, year: int) -> Iterator[Finding]:
    """``date-late``: published after 31 January of the next year; ``date-early``: before the year ended."""
    if report.published is None:
        return
    deadline = datetime.date(year + 1, *DEADLINE)
    printed = format_date(report.published)
    if report.published > deadline:
        yield note("date-late", "warning",
                      f"落款日期{printed}晚于{format_date(deadline)}（《政府信息公开条例》第四十九条："
                      f"每年1月31日前公布上一年度的政府信息公开工作年度报告）")
    elif report.published.year <= year:
        yield note("date-early", "warning", f"落款日期{printed}在{year}年度结束之前，与报告年度不符")


def period(report: Report, year: int) -> Iterator[Finding]:
    """``year-period``: the statistics period names another year."""
    for where, sentence in placed_sentences(report):
        m = _PERIOD.search(sentence)
        if m and {int(m[1]), int(m[2])} != {year}:
            yield note("year-period", "warning", f"{where}所述统计期限与报告年度{year}年不符：「{sentence}」")


def mentioned(report: Report, year: int) -> Iterator[Finding]:
    """``year-mentioned``: an opening ``YYYY年，`` or the 信息处理费 sentence names another year."""
    for where, paragraph in paragraphs(report, (1,)):
        first = (sentences(paragraph) or [""])[0]
        m = _OPENING.match(first)
        if m and int(m[1]) != year and not _FUTURE.search(first):
            yield _mentioned(where, year, int(m[1]), first)
    for where, sentence in placed_sentences(report):
        m = _FEE.search(sentence)
        if m and int(m[1]) != year:
            yield _mentioned(where, year, int(m[1]), sentence)


def _mentioned(where: str, year: int, named: int, sentence: str) -> Finding:
    return note("year-mentioned", "warning", f"{where}写的是{named}年，报告年度为{year}年：「{sentence}」")
