"""The template's sums: each identity fires when broken and stays silent when it holds or is blank."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import gsgk
from gsgk.checks import check
from gsgk.model import Cells, Report
from gsgk.template import TEMPLATE

from conftest import DATA, examples
from strategies import consistent_cells

SEED_003 = DATA / "seeds" / "003_59d91e6a9fd921ee.txt"
SUMS = {"sum-balance", "sum-results", "sum-applicants", "sum-appeals"}
RECEIVED = "一、本年新收政府信息公开申请数量"
REVIEW = "行政复议"


def sums(findings: list[gsgk.Finding]) -> list[gsgk.Finding]:
    return [f for f in findings if f.code in SUMS]


def test_a_consistent_report_has_no_sum_finding() -> None:
    assert sums(check(gsgk.load(SEED_003))) == []


def test_broken_requests_row_and_column() -> None:
    report = gsgk.load(SEED_003)
    broken = Report(cells=report.cells.replace({(3, RECEIVED, "自然人"): 18}), year=2023)
    found = sums(check(broken))
    assert [(f.code, f.severity, f.message) for f in found] == [  # the edited cell has no place: its column last
        ("sum-applicants", "error",
         "表三「一、本年新收政府信息公开申请数量」行：总计（22）应等于自然人与法人或其他组织各列之和"
         "（18+3+0+0+0+0=21），相差1"),
        ("sum-balance", "error",
         "表三「自然人」列：第一项加第二项之和（18+0=18）应等于第三项加第四项之和（19+0=19），相差1"),
    ]
    assert all((3, RECEIVED, "自然人") in f.cells for f in found)


def test_broken_results_column() -> None:
    report = gsgk.load(SEED_003)
    key = (3, "三、本年度办理结果/（七）总计", "商业企业")
    found = sums(check(Report(cells=report.cells.replace({key: 4}))))
    assert [f.code for f in found] == ["sum-balance", "sum-results", "sum-applicants"]
    assert found[1].message.startswith("表三「商业企业」列：（七）总计（4）应等于（一）至（六）各项之和（3+0+")
    assert found[1].message.endswith("=3），相差1")
    assert len(found[1].cells) == 22  # （七）总计 and 21 items


def test_broken_appeals_row() -> None:
    report = gsgk.load(SEED_003)
    values = dict(zip(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), (10, 1, 0, 0, 0)))
    cells = report.cells.replace({(4, REVIEW, column): v for column, v in values.items()})
    found = sums(check(Report(cells=cells)))
    assert [(f.code, f.message) for f in found] == [
        ("sum-appeals",
         "表四「行政复议」行：总计（0）应等于结果维持、结果纠正、其他结果、尚未审结之和（10+1+0+0=11），相差11"),
    ]


def test_blank_cells_skip_their_identities() -> None:
    report = gsgk.load(SEED_003)
    cells = report.cells.replace({(3, RECEIVED, "自然人"): None, (4, REVIEW, "总计"): None})
    found = check(Report(cells=cells, year=2023))
    assert [(f.code, f.severity, f.message) for f in found] == [
        ("sum-total-blank", "warning",
         "表四「行政复议」×「总计」空白，而它应合计的各项印有数值（「结果维持」1）；未补填"),
        ("cell-blank", "info", "表三「一、本年新收政府信息公开申请数量」有1栏空白（不同于0）：「自然人」"),
        ("cell-blank", "info", "表四「行政复议」有1栏空白（不同于0）：「总计」"),
    ]


def test_blank_total_of_zeros_is_not_reported() -> None:
    report = gsgk.load(SEED_003)
    zeros = {("litigation_direct", c): 0 for c in ("upheld", "corrected", "other", "pending")}
    blanked = report.cells.replace({**zeros, ("litigation_direct", "total"): None})
    assert [f.code for f in check(Report(cells=blanked)) if f.code.startswith("sum-")] == []
    handled = report.cells.replace({("handled_total", "natural_person"): None})
    (found,) = [f for f in check(Report(cells=handled)) if f.code == "sum-total-blank"]
    assert found.cells == ((3, "三、本年度办理结果/（七）总计", "自然人"),) and "「（一）予以公开」" in found.message


def test_location_is_the_printed_row_of_a_parsed_report() -> None:
    report = gsgk.load(DATA / "checks" / "broken_sums.txt")
    found = sums(check(report))
    assert [(f.code, f.line, f.column) for f in found] == [
        ("sum-balance", 33, 18), ("sum-applicants", 33, 31), ("sum-appeals", 63, 10),
    ]


def test_reports_without_a_source_have_no_location() -> None:
    records = gsgk.to_records(gsgk.load(SEED_003))
    for record in records:
        if (record["section"], record["row"], record["column"]) == (4, REVIEW, "总计"):
            record["value"] = 3
    found = sums(check(gsgk.from_records(records)))
    assert [(f.code, f.line, f.column) for f in found] == [("sum-appeals", None, None)]


# --- property: consistent tables, then one cell changed ---------------------------------
changeable = [c.key for c in TEMPLATE.cells if c.section in (3, 4)]


@settings(max_examples=examples(300), deadline=None)
@given(consistent_cells())
def test_consistent_tables_have_no_arithmetic_error(cells: Cells) -> None:
    assert sums(check(Report(cells=cells))) == []


@settings(max_examples=examples(300), deadline=None)
@given(consistent_cells(), st.sampled_from(changeable), st.integers(min_value=-1000, max_value=1000).filter(bool))
def test_any_changed_cell_breaks_a_sum_that_names_it(cells: Cells, key: tuple[int, str, str], delta: int) -> None:
    value = cells[key]
    assert isinstance(value, int)
    found = check(Report(cells=cells.replace({key: value + delta})))
    assert any(f.severity == "error" and f.code in SUMS and key in f.cells for f in found)
