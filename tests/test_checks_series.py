"""Across years: carried-over applications, 现行有效件数 continuity, missing and duplicated years."""

from __future__ import annotations

import gsgk
from gsgk.checks import check_series, series_findings
from gsgk.model import Report

from conftest import DATA

# 003 (2023): 二、上年结转 all 0; 行政规范性文件 issued 4, repealed 21, in force 13; 规章 all 0.
SEED_003 = gsgk.load(DATA / "seeds" / "003_59d91e6a9fd921ee.txt")
ORGAN = "曲沃县人民政府"
FORWARD = "四、结转下年度继续办理"
IN_FORCE = (2, "行政规范性文件", "现行有效件数")


def year(y: int, organ: str | None = ORGAN, **cells: int) -> Report:
    """003's tables under another year; ``cells`` sets 四 (by column) of that report."""
    updates = {(3, FORWARD, column): v for column, v in cells.items()}
    return Report(cells=SEED_003.cells.replace({IN_FORCE: 30, **updates}), organ=organ, year=y)


def this_year() -> Report:
    return Report(cells=SEED_003.cells, organ=ORGAN, year=2023)


def test_continuous_years_are_silent() -> None:
    assert check_series([this_year(), year(2022)]) == []


def test_carried_forward_must_be_carried_over() -> None:
    found = check_series([year(2022, 自然人=2, 总计=2), this_year()])
    assert [(f.code, f.severity, f.message) for f in found] == [
        ("series-carry", "error", "2022年报告表三「四、结转下年度继续办理」×「自然人」为2，"
                                  "2023年报告表三「二、上年结转政府信息公开申请数量」×「自然人」为0，两者应相等，相差2"),
        ("series-carry", "error", "2022年报告表三「四、结转下年度继续办理」×「总计」为2，"
                                  "2023年报告表三「二、上年结转政府信息公开申请数量」×「总计」为0，两者应相等，相差2"),
    ]
    assert found[0].cells == ((3, "二、上年结转政府信息公开申请数量", "自然人"), (3, FORWARD, "自然人"))
    assert found[0].location != ""  # where the later report printed its 上年结转


def test_in_force_continuity_is_a_warning() -> None:
    last = Report(cells=SEED_003.cells.replace({IN_FORCE: 31}), organ=ORGAN, year=2022)
    assert [(f.code, f.severity, f.message) for f in check_series([last, this_year()])] == [
        ("series-in-force", "warning", "表二「行政规范性文件」：2022年「现行有效件数」31+2023年「本年制发件数」4"
                                       "−「本年废止件数」21=14，而2023年「现行有效件数」为13，相差1"),
    ]


def test_missing_and_duplicated_years() -> None:
    found = series_findings([year(2020), this_year(), year(2020)])
    assert [(i, f.code, f.message) for i, f in found] == [
        (2, "series-year-duplicate", "曲沃县人民政府2020年的报告出现不止一份；跨年度检查以第一份为准"),
        (None, "series-year-missing", "曲沃县人民政府缺少2021年的报告"),
        (None, "series-year-missing", "曲沃县人民政府缺少2022年的报告"),
    ]


def test_organs_are_checked_apart() -> None:
    other = year(2022, organ="另一县人民政府", 自然人=5, 总计=5)
    assert check_series([other, this_year()]) == []


def test_reports_without_organ_or_year_are_left_out() -> None:
    found = series_findings([this_year(), Report(cells=SEED_003.cells, organ=ORGAN)])
    assert [(i, f.code, f.severity) for i, f in found] == [(1, "series-unplaced", "warning")]


def test_blank_cells_are_not_compared() -> None:
    last = year(2022, 自然人=2)
    last = Report(cells=last.cells.replace({(3, FORWARD, "自然人"): None, IN_FORCE: None}), organ=ORGAN, year=2022)
    assert check_series([last, this_year()]) == []
