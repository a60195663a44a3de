"""The five real reports: exactly these findings, in order of position, and not one arithmetic error."""

from __future__ import annotations

import pytest

import gsgk
from gsgk.checks import check

from conftest import DATA

SEEDS = DATA / "seeds"
EXPECTED = {
    "000_3d6f15d5316b24ac.txt": [
        ("34:2", "label-variant", "info"),  # 规范性文件
        ("61:2", "header-foreign", "warning"),  # the fee column headed 本年处理决定数量
        ("352:1", "heading-variant", "info"),
    ],
    "001_2baf5ee0490418e5.txt": [
        ("31:6", "header-variant", "info"),  # 本年收费金额(单位:万元,保留4位小数)
        ("43:11", "cells-inferred", "warning"),  # 6 values in each of the 21 result rows, one warning for them all
        ("46:3", "label-variant", "info"),  # 2.其他法律法规禁止公开
    ],
    "002_d811a64d3eb5d7fe.txt": [],
    "003_59d91e6a9fd921ee.txt": [],
    "004_5f12d2b1ea74e05c.txt": [
        ("26:1", "label-variant", "info"),  # 规范性文件
        ("54:2", "header-variant", "info"),  # 本年度收费金额（单位：万元）
        ("60:1", "row-missing", "warning"),  # no 「3.其他」 row under （六）
        ("88:2", "label-unnumbered", "info"),  # 上年结转政府信息公开申请数量
        ("295:2", "label-variant", "info"),  # the 补证 typo of 补正
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda n: n[:3])
def test_seed_findings(name: str) -> None:
    found = check(gsgk.load(SEEDS / name))
    assert [(f.location, f.code, f.severity) for f in found] == EXPECTED[name]
    assert not [f for f in found if f.code.startswith("sum-")]


def test_named_findings_of_004() -> None:
    found = {f.location: f for f in check(gsgk.load(SEEDS / "004_5f12d2b1ea74e05c.txt"))}
    assert found["60:1"].message == "表三缺少「3.其他」行"
    assert found["60:1"].cells[0] == (3, "三、本年度办理结果/（六）其他处理/3.其他", "自然人")
    assert found["295:2"].message == ("「1.申请人无正当理由逾期不补证，行政机关不再处理其政府信息公开申请」"
                                      "按模板的「1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」识别")


def test_named_findings_of_000() -> None:
    found = {f.code: f for f in check(gsgk.load(SEEDS / "000_3d6f15d5316b24ac.txt"))}
    assert found["header-foreign"].message == \
        "第二十条第（八）项的表头印为「本年处理决定数量」，模板为「本年收费金额（单位：万元）」"
