"""Prose against tables: a total stated in 一 or 六 that no reading of the tables gives."""

from __future__ import annotations

import pytest

import gsgk
from gsgk.checks import check
from gsgk.model import Report

from conftest import DATA

# 002: received 9, carried over 0, handled 7, carried forward 2; no 行政复议 or 行政诉讼.
SEED_002 = gsgk.load(DATA / "seeds" / "002_d811a64d3eb5d7fe.txt")
# 003: received 22, carried over 0, handled 22; 行政复议 1, 直接起诉 2, 复议后起诉 1.
SEED_003 = gsgk.load(DATA / "seeds" / "003_59d91e6a9fd921ee.txt")
RECEIVED = (3, "一、本年新收政府信息公开申请数量", "总计")
CARRIED_OVER = (3, "二、上年结转政府信息公开申请数量", "总计")


def prose_findings(seed: Report, *overview: str, other: tuple[str, ...] = (),
                   problems: tuple[str, ...] = ()) -> list[gsgk.Finding]:
    report = Report(cells=seed.cells, year=2023, overview=overview, other_matters=other, problems=problems)
    return [f for f in check(report) if f.code.startswith("prose-")]


def test_the_seeds_state_totals_that_agree() -> None:
    assert [f for f in check(SEED_002) + check(SEED_003) if f.code.startswith("prose-")] == []


def test_received_differs() -> None:
    found = prose_findings(SEED_002, "全年共收到政府信息公开申请10件，均已按时答复。")
    assert [(f.code, f.severity, f.message, f.cells) for f in found] == [(
        "prose-received", "warning",
        "一、总体情况写明「全年共收到政府信息公开申请10件，均已按时答复。」（10件），与表格不符："
        "表三「一、本年新收政府信息公开申请数量」×「总计」为9；"
        "表三「一、本年新收政府信息公开申请数量」×「总计」与表三「二、上年结转政府信息公开申请数量」×「总计」之和为9",
        (RECEIVED, CARRIED_OVER),
    )]
    assert found[0].location == "65:1"  # where 002 prints the table's total


@pytest.mark.parametrize(("sentence", "codes"), [
    ("共办理政府信息公开申请7件。", []),  # handled
    ("共办理政府信息公开申请9件。", []),  # received: 办理 may mean either
    ("共办理政府信息公开申请8件。", ["prose-handled"]),
    ("上年结转政府信息公开申请0件。", []),
    ("上年结转政府信息公开申请1件。", ["prose-carried-over"]),
    ("结转下年度继续办理2件。", []),
    ("结转下年度继续办理3件。", ["prose-carried-forward"]),
    ("本年度被申请行政复议0件。", []),
    ("本年度被申请行政复议2件。", ["prose-review"]),
])
def test_each_quantity_of_002(sentence: str, codes: list[str]) -> None:
    assert [f.code for f in prose_findings(SEED_002, sentence)] == codes


@pytest.mark.parametrize(("sentence", "codes"), [
    ("全年受理政府信息依申请公开22件，其中，由县政府办受理答复政府信息公开申请20件。", []),
    ("提起行政诉讼3件。", []),  # 直接起诉 + 复议后起诉
    ("行政诉讼2件。", []),  # 直接起诉 alone
    ("行政诉讼5件。", ["prose-litigation"]),
    ("发生行政复议1件，行政诉讼4件。", ["prose-litigation"]),
])
def test_each_quantity_of_003(sentence: str, codes: list[str]) -> None:
    assert [f.code for f in prose_findings(SEED_003, sentence)] == codes


@pytest.mark.parametrize("sentence", [
    "全年共收到政府信息公开申请9件，其中自然人申请5件。",  # a part, after 其中
    "全县各部门共受理政府信息公开申请120件。",  # a wider scope
    "受理政府信息公开申请较上年增加3件。",  # a comparison
    "2022年共收到政府信息公开申请5件。",  # another year
    "县自然资源局、财政局受理答复政府信息公开申请各1件。",  # each of several
    "受理行政许可申请3000件。",  # not an information disclosure application
    "本年度未发生行政复议、行政诉讼案件。",  # no number
])
def test_clauses_that_do_not_name_the_total_are_ignored(sentence: str) -> None:
    assert prose_findings(SEED_002, sentence) == []


def test_section_six_is_read_and_section_five_is_not() -> None:
    sentence = "全年共收到政府信息公开申请12件。"
    assert [f.code for f in prose_findings(SEED_002, other=(sentence,))] == ["prose-received"]
    assert prose_findings(SEED_002, problems=(sentence,)) == []


def test_blank_table_cells_cannot_be_compared() -> None:
    cells = SEED_002.cells.replace({RECEIVED: None, CARRIED_OVER: None})
    report = Report(cells=cells, year=2023, overview=("全年共收到政府信息公开申请12件。",))
    assert [f for f in check(report) if f.code.startswith("prose-")] == []
