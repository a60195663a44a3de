"""The Markdown form: pipe tables with spans flattened, blanks as —, text escaped."""

from __future__ import annotations

import gsgk

from conftest import SEEDS


def table_rows(markdown: str) -> list[list[list[str]]]:
    """The pipe tables of ``markdown``, each as rows of cell texts (separator line dropped)."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("| "):
            if not previous.startswith("| "):
                tables.append([])
            if not set(line) <= set("|- "):
                tables[-1].append([c.strip() for c in line[2:-2].split(" | ")])
        previous = line
    return tables


def test_headings_and_tables() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[0]), format="markdown")
    assert text.startswith("# 灵丘县人民政府办公室2022年政府信息公开工作年度报告\n")
    assert "\n## 三、收到和处理政府信息公开申请情况\n" in text
    assert "\n**第二十条第（八）项**\n" in text
    tables = table_rows(text)
    assert len(tables) == 6
    assert all(len({len(row) for row in t}) == 1 for t in tables)  # every row as wide as the table


def test_spans_flattened_to_first_position() -> None:
    tables = table_rows(gsgk.dumps(gsgk.load(SEEDS[0]), format="markdown"))
    requests = tables[4]
    assert requests[0][3] == "**申请人情况**" and requests[0][4:] == [""] * 6
    assert requests[1][3:5] == ["**自然人**", "**法人或其他组织**"]
    assert requests[5][:3] == ["三、本年度办理结果", "（一）予以公开", ""]
    assert requests[6][:3] == ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""]
    assert requests[7][:3] == ["", "（三）不予公开", "1.属于国家秘密"]
    appeals = tables[5]
    assert appeals[0][:6] == ["**行政复议**", "", "", "", "", "**行政诉讼**"]
    assert len(appeals[3]) == 15


def test_blank_prints_dash_zero_prints_zero() -> None:
    key = (4, "行政复议", "结果维持")
    report = gsgk.Report(cells=gsgk.Cells.blank().replace({key: 0}))
    values = table_rows(gsgk.dumps(report, format="markdown"))[5][3]
    assert values == ["0"] + ["—"] * 14


def test_markdown_is_escaped() -> None:
    report = gsgk.Report(overview=("a|b *c* <d> # e。",))
    assert "a\\|b \\*c\\* \\<d\\> \\# e。" in gsgk.dumps(report, format="markdown")
