"""Single values: negative counts and fees are errors; blank cells are named once."""

from __future__ import annotations

from decimal import Decimal

import gsgk
from gsgk.checks import check
from gsgk.model import Report

from conftest import DATA

SEED_003 = DATA / "seeds" / "003_59d91e6a9fd921ee.txt"
SEED_004 = DATA / "seeds" / "004_5f12d2b1ea74e05c.txt"
FEE = (2, "行政事业性收费", "本年收费金额（单位：万元）")
LICENSING = (2, "行政许可", "本年处理决定数量")


def found(report: Report, code: str) -> list[tuple[str, str, tuple[tuple[int, str, str], ...]]]:
    return [(f.severity, f.message, f.cells) for f in check(report) if f.code == code]


def test_negative_count_and_fee_are_errors() -> None:
    cells = gsgk.load(SEED_003).cells.replace({LICENSING: -3, FEE: Decimal("-0.5")})
    assert found(Report(cells=cells, year=2023), "value-negative") == [
        ("error", "表二「行政许可」×「本年处理决定数量」为-3，件数不能为负数", (LICENSING,)),
        ("error", "表二「行政事业性收费」×「本年收费金额（单位：万元）」为-0.5，金额不能为负数", (FEE,)),
    ]


def test_zero_and_positive_values_are_fine() -> None:
    cells = gsgk.load(SEED_003).cells.replace({LICENSING: 0, FEE: Decimal("0.0001")})
    assert found(Report(cells=cells, year=2023), "value-negative") == []


def test_a_negative_printed_value_is_located() -> None:
    text = (DATA / "checks" / "broken_sums.txt").read_text("utf-8").replace("行政许可\t4558", "行政许可\t-4558")
    errors = [f for f in check(gsgk.loads(text)) if f.code == "value-negative"]
    assert [(f.line, f.column) for f in errors] == [(20, 6)]


def test_blank_cells_of_a_row_are_listed_together() -> None:
    row = "三、本年度办理结果/（三）不予公开/1.属于国家秘密"
    cells = gsgk.load(SEED_003).cells.replace({(3, row, "科研机构"): None, (3, row, "其他"): None})
    assert found(Report(cells=cells, year=2023), "cell-blank") == [
        ("info", "表三「1.属于国家秘密」有2栏空白（不同于0）：「科研机构」、「其他」",
         ((3, row, "科研机构"), (3, row, "其他"))),
    ]


def test_zero_is_not_blank() -> None:
    assert found(gsgk.load(SEED_003), "cell-blank") == []


def test_blanks_a_parse_diagnostic_named_are_not_repeated() -> None:
    report = gsgk.load(SEED_004)  # its 「3.其他」 row is missing (row-missing)
    assert found(report, "cell-blank") == []
    assert [f.code for f in check(report)].count("row-missing") == 1


def test_a_missing_section_is_not_reported_again_cell_by_cell() -> None:
    text = (DATA / "checks" / "broken_sums.txt").read_text("utf-8")
    start, end = text.index("二、主动公开政府信息情况"), text.index("三、收到和处理政府信息公开申请情况")
    found_ = check(gsgk.loads(text[:start] + text[end:]))
    assert [f.code for f in found_ if f.code in ("section-missing", "cell-blank")] == ["section-missing"]
