"""Metadata: the year is known, the date meets 条例第四十九条, and the text names the report year."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from gsgk.checks import check
from gsgk.findings import Finding
from gsgk.model import Cells, Report
from gsgk.template import TEMPLATE

ZEROS = Cells(tuple(Decimal(0) if c.kind == "decimal" else 0 for c in TEMPLATE.cells))


def zero_report(**fields: Any) -> Report:
    """A report whose tables are all zeros (so only metadata can be said about it)."""
    return Report(cells=ZEROS, **fields)

PERIOD_2022 = "本年度报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"


def codes(report: Report) -> list[str]:
    return [f.code for f in check(report)]


def messages(report: Report, code: str) -> list[str]:
    return [f.message for f in check(report) if f.code == code]


def test_unknown_year_is_a_warning() -> None:
    assert [(f.code, f.severity) for f in check(zero_report())] == [("year-unknown", "warning")]


def test_known_year_is_silent() -> None:
    assert codes(zero_report(year=2023)) == []


@pytest.mark.parametrize(("published", "expected"), [
    (datetime.date(2024, 1, 31), []),
    (datetime.date(2024, 1, 15), []),
    (datetime.date(2024, 2, 1), ["date-late"]),
    (datetime.date(2025, 1, 20), ["date-late"]),
    (datetime.date(2023, 12, 31), ["date-early"]),
    (None, []),
])
def test_publication_date(published: datetime.date | None, expected: list[str]) -> None:
    assert codes(zero_report(year=2023, published=published)) == expected


def test_late_message_names_the_deadline() -> None:
    assert messages(zero_report(year=2023, published=datetime.date(2024, 3, 5)), "date-late") == [
        "落款日期2024年3月5日晚于2024年1月31日（《政府信息公开条例》第四十九条："
        "每年1月31日前公布上一年度的政府信息公开工作年度报告）",
    ]


def test_statistics_period_of_another_year() -> None:
    report = zero_report(year=2023, preamble=(PERIOD_2022,))
    assert [(f.code, f.severity, f.message) for f in check(report)] == [
        ("year-period", "warning", f"正文前言所述统计期限与报告年度2023年不符：「{PERIOD_2022}」"),
    ]


@pytest.mark.parametrize("sentence", [
    "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
    "报告中所列数据统计期限自２０２３年１月１日起，至２０２３年１２月３１日止。",
    "《条例》自2008年5月1日起施行。",
])
def test_statistics_period_of_the_report_year_or_no_period(sentence: str) -> None:
    assert codes(zero_report(year=2023, preamble=(sentence,))) == []


def test_a_paragraph_opening_with_another_year() -> None:
    report = zero_report(year=2023, overview=("2022年，我县进一步加强政府信息公开工作。",))
    assert messages(report, "year-mentioned") == [
        "一、总体情况写的是2022年，报告年度为2023年：「2022年，我县进一步加强政府信息公开工作。」",
    ]


@pytest.mark.parametrize("paragraph", [
    "2023年，我县进一步加强政府信息公开工作。",
    "2024年，我县将继续加强政府信息公开工作。",  # a plan for the next year
    "我县2022年出台的制度在本年度继续执行。",  # a year named in passing
    "2022年我县被评为先进单位。",  # no comma after the year: not an opening statement
])
def test_openings_that_are_no_mismatch(paragraph: str) -> None:
    assert codes(zero_report(year=2023, overview=(paragraph,))) == []


def test_the_fee_sentence_names_another_year() -> None:
    report = zero_report(year=2023, other_matters=("本机关2022年度未收取政府信息公开信息处理费。",))
    assert messages(report, "year-mentioned") == [
        "六、其他需要报告的事项写的是2022年，报告年度为2023年：「本机关2022年度未收取政府信息公开信息处理费。」",
    ]


def test_the_fee_sentence_of_the_report_year() -> None:
    report = zero_report(year=2023, other_matters=("我县2023年度未收取政府信息公开处理费。",
                                              "按照国办函〔2020〕109号规定收费。"))
    assert codes(report) == []


def test_unknown_year_said_by_the_parse_is_not_repeated() -> None:
    said = Finding("year-unknown", "warning", "无法确定报告年度")
    assert [f.code for f in check(zero_report(diagnostics=(said,)))] == ["year-unknown"]
