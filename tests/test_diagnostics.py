"""Every diagnostic code, triggered by a small change to a real report's standard form.

Each case edits the canonical text of seed 003 (or builds a report) and asserts
that loading it reports the code with its severity; the list is the one in
``docs/diagnostics.md``, so a code cannot be documented without a test here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import gsgk

from conftest import DATA, SEEDS

BASE = gsgk.dumps(gsgk.load(SEEDS[3]))  # 曲沃县 2023: nonzero 表三 and 表四
DOCS = Path(__file__).parents[1] / "docs" / "diagnostics.md"


def edit(old: str, new: str, count: int = 1) -> Callable[[], str]:
    def make() -> str:
        assert old in BASE, old
        return BASE.replace(old, new, count)

    return make


def without_title() -> str:
    return gsgk.dumps(gsgk.load(SEEDS[0])).split("\n", 2)[2]


def bare_tables() -> str:
    return gsgk.dumps(gsgk.from_records(gsgk.to_records(gsgk.load(SEEDS[3]))))


def loose_label_markdown() -> str:
    """Seed 003 as Markdown with the label of 表三's first row on a loose line after the row (as converters do)."""
    label = "一、本年新收政府信息公开申请数量"
    lines = gsgk.dumps(gsgk.load(SEEDS[3]), format="markdown").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"| {label} |"))
    return "\n".join([*lines[:at], lines[at].replace(label, ""), label, *lines[at + 1:]])


OLD_HEADER = "本年新制作数量\t本年新公开数量\t对外公开总数量"
ROW_3 = "一、本年新收政府信息公开申请数量\t\t\t19\t3\t0\t0\t0\t0\t22"
CAPTION_1 = "第二十条第（一）项"
BLOCK_1 = ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t4\t21\t13\n"
           "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t4558\n")  # 表二 up to 行政许可
ROW_3_NEXT = "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0"
GLUED_2 = "二、上年结转政府信息公开申请数量0000000"
HEADING_3 = "三、收到和处理政府信息公开申请情况"
CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "heading-variant": ("info", edit("二、主动公开政府信息情况", "二、主动公开政府信息的情况")),
    "heading-implied": ("warning", edit("二、主动公开政府信息情况\n", "")),
    "edition-mixed": ("warning", edit("本年制发件数\t本年废止件数\t现行有效件数", OLD_HEADER)),
    "block-other-edition": ("error", edit("本年制发件数\t本年废止件数\t现行有效件数", OLD_HEADER)),
    "row-other-edition": ("warning", edit("行政事业性收费\t997\n", "行政事业性收费\t997\n政府集中采购\t6\t25.1\n")),
    "number-unit-converted": ("info", edit("行政事业性收费\t997\n", "行政事业性收费\t9970000元\n")),
    "page-number": ("info", edit("规章\t0\t0\t0\n", "规章\t0\t0\t0\n- 3 -\n")),
    "number-unit": ("info", edit("行政许可\t4558", "行政许可\t4558件")),
    "header-unknown": ("warning", edit("结果维持\t结果纠正", "备注\t结果维持\t结果纠正")),
    "header-foreign": ("warning", edit("本年收费金额（单位：万元）", "本年处理决定数量")),
    "header-fuzzy": ("warning", edit("信息内容\t本年制发件数", "信息内容\t本年制发文件数")),
    "header-variant": ("info", edit("本年收费金额（单位：万元）", "本年度收费金额（单位：万元）")),
    "label-variant": ("info", edit("行政规范性文件\t", "规范性文件\t")),
    "label-unnumbered": ("info", edit("二、上年结转政府信息公开申请数量", "上年结转政府信息公开申请数量")),
    "label-fuzzy": ("warning", edit("4.保护第三方合法权益", "4.保护第三方合法利益")),
    "text-in-table": ("warning", edit("行政事业性收费\t997\n", "行政事业性收费\t997\n表格下方的说明文字。\n")),
    "section-duplicate": ("warning", lambda: BASE + "五、存在的主要问题及改进情况\n又一段。\n"),
    "section-order": ("warning", lambda: re.sub(r"(五、存在.*?)(六、其他.*)", r"\2\n\1", BASE, flags=re.S)),
    "section-missing": ("warning", edit("六、其他需要报告的事项\n", "")),
    "row-unknown": ("warning", edit("规章\t0\t0\t0\n", "规章\t0\t0\t0\n地方性法规\t1\t2\t3\n")),
    "row-group-values": ("warning", edit("四、结转下年度", "（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度")),
    "row-duplicate": ("warning", edit("规章\t0\t0\t0\n", "规章\t0\t0\t0\n规章\t0\t0\t0\n")),
    "block-order": ("warning", edit(f"{CAPTION_1}\n{BLOCK_1}", f"{BLOCK_1}{CAPTION_1}\n")),
    "row-order": ("warning", edit(f"{ROW_3}\n{ROW_3_NEXT}\n", f"{ROW_3_NEXT}\n{ROW_3}\n")),
    "row-missing": ("warning", edit("\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n", "")),
    "row-no-values": ("warning", edit("规章\t0\t0\t0\n", "规章\n")),
    "cell-blank": ("info", edit("规章\t0\t0\t0", "规章\t—\t0\t0")),
    "number-decimal-count": ("info", edit("行政许可\t4558", "行政许可\t4558.0")),
    "number-not-integer": ("error", edit("行政许可\t4558", "行政许可\t4558.5")),
    "organ-from-signature": ("info", without_title),
    "year-from-text": ("info", without_title),
    "organ-unknown": ("warning", bare_tables),
    "year-unknown": ("warning", bare_tables),
    "row-extra-values": ("error", edit("规章\t0\t0\t0", "规章\t0\t0\t0\t0")),
    "row-extra-value": ("warning", edit(ROW_3, ROW_3.replace("\t19\t3\t", "\t19\t3\t7\t"))),
    "row-continued": ("warning", edit(ROW_3, ROW_3.removesuffix("\t22") + "\t2\n—\t—\t—\t—\t—\t—\t2")),
    "token-unexpected": ("warning", edit("规章\t0\t0\t0\n", "规章\t0\t0\t0\n22\n")),
    "cells-inferred": ("warning", edit(ROW_3, ROW_3.removesuffix("\t22"))),
    "row-short": ("error", edit("规章\t0\t0\t0", "规章\t0\t0")),
    "flattened-split": ("warning", lambda: re.sub(r"\s+", "", BASE)),
    "flattened-ambiguous": ("error", lambda: re.sub(r"\s+", "", BASE)),  # 行政规范性文件 42113
    "flattened-unreadable": ("error", lambda: re.sub(r"\s+", "", BASE).replace(GLUED_2, GLUED_2[:-7] + "1000000")),
    "flattened-unverified": ("error",
                             lambda: (DATA / "flattened" / "generated_8.chromium.pdfminer.txt").read_text("utf-8")),
    "row-lines": ("error", edit(ROW_3, ROW_3.replace("\t0\t0\t0\t0\t22", "\n0\t0\t0\t0\t23"))),
    "flattened-unplaced": ("warning", lambda: re.sub(r"\s+", "", BASE).replace(HEADING_3, HEADING_3 + "注123")),
    "header-placeholder": ("info", edit(BLOCK_1.split("\n")[0], "项目\t数据1\t数据2\t数据3")),
    "flattened-rows": ("warning", loose_label_markdown),
    "flattened-columns": ("warning", lambda: "\n".join([
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
        "本年制发件数", "本年废止件数", "现行有效件数", "1", "8", "0", "26", "11", "66",
        "三、收到和处理政府信息公开申请情况"])),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_is_reported(code: str) -> None:
    severity, make = CASES[code]
    report = gsgk.loads(make())
    found = [d for d in report.diagnostics if d.code == code]
    assert found, [str(d) for d in report.diagnostics]
    assert {d.severity for d in found} == {severity}


def test_base_text_has_no_diagnostics_but_blank_free_info() -> None:
    assert [d for d in gsgk.loads(BASE).diagnostics if d.severity != "info"] == []


def test_every_documented_code_is_tested() -> None:
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", DOCS.read_text("utf-8"), flags=re.M))
    parse_errors = {"syntax", "encoding", "json", "html", "flattened"}
    from_pdf_only = {"page-furniture"}  # test_read_pdf.py: page numbers are reported with their page
    assert documented - parse_errors - from_pdf_only == set(CASES)


def test_inferred_cell_is_named_and_marked() -> None:
    report = gsgk.loads(CASES["cells-inferred"][1]())
    key = (3, "一、本年新收政府信息公开申请数量", "总计")
    assert report.cells[key] == 22
    assert report.cells.is_inferred(key)
    (finding,) = [d for d in report.diagnostics if d.code == "cells-inferred"]
    assert finding.cells == (key,)
    assert "总计等于自然人与法人或其他组织各列之和" in finding.message


def test_ambiguous_row_stays_blank() -> None:
    report = gsgk.loads(CASES["row-short"][1]())
    assert all(report.cells[(2, "规章", c)] is None for c in ("本年制发件数", "本年废止件数", "现行有效件数"))


def test_extra_values_never_shift_into_cells() -> None:
    report = gsgk.loads(CASES["row-extra-values"][1]())
    assert report.cells[(2, "规章", "本年制发件数")] is None
    assert report.cells[(2, "行政规范性文件", "本年制发件数")] == 4


def test_other_edition_values_are_not_placed() -> None:
    report = gsgk.loads(CASES["block-other-edition"][1]())
    assert report.edition == 2021
    assert report.cells[(2, "行政规范性文件", "本年制发件数")] is None
    assert report.cells[(2, "行政许可", "本年处理决定数量")] == 4558


def test_other_edition_row_is_not_placed() -> None:
    report = gsgk.loads(CASES["row-other-edition"][1]())
    assert report.edition == 2021 and len(report.cells) == 200
    assert report["fees", "fees"] == 997


def test_money_in_yuan_is_converted_to_wan() -> None:
    report = gsgk.loads(CASES["number-unit-converted"][1]())
    assert report["fees", "fees"] == Decimal("997")
