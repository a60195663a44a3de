"""Markdown made by PDF-to-Markdown converters and OCR pipelines, read to the seeds' known values.

The fixtures in ``data/flattened/*.md`` are made by ``data/flattened/make_markdown.py``:
real converters (pymupdf4llm, markitdown) run on the PDFs in ``data/pdf``, and
the per-group tables with placeholder headers (``项目 | 数据1 | …``) OCR
pipelines emit.  The expected values are the reports' hand-checked
``expected.tsv``, never a reading of the same fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gsgk
from gsgk import Report
from gsgk.flattened import _reconciled
from gsgk.flattened.markdown import is_delimiter
from gsgk.template import TEMPLATE

from conftest import DATA, SEEDS, agrees, examples, expected_cells
from strategies import consistent_cells

MARKDOWN = sorted((DATA / "flattened").glob("*.md"))
PLACEHOLDER = [p for p in MARKDOWN if p.name.endswith(".placeholder.md")]
CONVERTED = [p for p in MARKDOWN if p not in PLACEHOLDER]
TABLES = [c.key for c in TEMPLATE.cells if c.section in (2, 3, 4)]


def expected_for(path: Path) -> dict[tuple[int, str, str], str]:
    stem = path.name.split(".")[0]
    for folder in (DATA / "seeds", DATA / "pdf"):
        if (folder / f"{stem}.expected.tsv").exists():
            return expected_cells(folder / f"{stem}.txt")
    raise FileNotFoundError(stem)


def wrong_cells(report: Report, expected: dict[tuple[int, str, str], str]) -> list[tuple[object, ...]]:
    """Table cells whose value differs from the known one (a blank is not wrong)."""
    return [(key, value, report.cells[key]) for key, value in expected.items()
            if 1 < key[0] < 5 and report.cells[key] is not None and not agrees(value, report.cells[key])]


@pytest.mark.parametrize("path", PLACEHOLDER, ids=lambda p: p.name)
def test_placeholder_header_tables_read_their_known_values(path: Path) -> None:
    report, expected = gsgk.load(path), expected_for(path)
    assert len(PLACEHOLDER) >= 5
    for key, value in expected.items():
        if 1 < key[0] < 5:
            assert agrees(value, report.cells[key]), (key, value, report.cells[key])
    notes = [f for f in report.diagnostics if f.code == "header-placeholder"]
    assert notes and all(f.severity == "info" for f in notes)
    assert not [f for f in report.diagnostics if f.code in ("header-foreign", "block-other-edition")]


def test_a_placeholder_header_is_not_taken_for_a_column_of_the_2019_edition() -> None:
    # 「项目」 is a fragment of the 2019 edition's 「上一年项目数量」: it must not make 表二 a 2019 block
    path = PLACEHOLDER[0]
    report = gsgk.load(path)
    assert report.edition == 2021
    assert all(report.cells[c.key] is not None for c in TEMPLATE.section_cells(2)
               if expected_for(path)[c.key] not in ("", "~0"))


def test_converter_fixtures_are_there() -> None:
    names = {p.name.split(".", 1)[1] for p in CONVERTED}
    assert {"libreoffice.pymupdf4llm.md", "libreoffice.markitdown.md", "chromium.pymupdf4llm.md",
            "chromium.markitdown.md", "pymupdf4llm.md", "markitdown.md"} <= names
    assert len(CONVERTED) >= 30


@pytest.mark.parametrize("path", CONVERTED, ids=lambda p: p.name)
def test_a_converted_pdf_gives_no_wrong_value(path: Path) -> None:
    report = gsgk.load(path)
    assert wrong_cells(report, expected_for(path)) == []
    placed = {key for f in report.diagnostics if f.code == "flattened-rows" for key in f.cells}
    blanked = {key for f in report.diagnostics if f.severity == "error" for key in f.cells}
    assert all(report.cells.is_inferred(key) and report.cells[key] is not None for key in placed - blanked)
    assert all(report.cells[key] is None for key in placed & blanked)


def test_converted_pdfs_give_back_at_least_95_percent_of_their_cells() -> None:
    right = total = 0
    for path in CONVERTED:
        report, expected = gsgk.load(path), expected_for(path)
        for key in TABLES:
            if expected[key] not in ("", "~0"):
                total += 1
                right += agrees(expected[key], report.cells[key])
    assert total > 0 and right / total >= 0.95


def test_a_row_split_over_two_table_rows_is_read_whole_by_the_markdown_reading() -> None:
    # markitdown split the row （二）部分公开 over two table rows: the ordinary reading, which would take values
    # from both lines, leaves it blank (row-lines) and the Markdown reading joins the two parts by its sums
    path = DATA / "flattened" / "002_d811a64d3eb5d7fe.official.markitdown.md"
    report = gsgk.load(path)
    assert wrong_cells(report, expected_for(path)) == []
    assert None not in report.cells.data


def test_cells_the_two_readings_give_otherwise_stay_blank_with_an_error() -> None:
    ordinary = gsgk.load(SEEDS[3])
    key = (3, "一、本年新收政府信息公开申请数量", "自然人")
    rearranged = attrs.evolve(ordinary, cells=ordinary.cells.replace({key: ordinary.cells[key] + 1}))
    report = _reconciled(ordinary, ordinary, rearranged)
    errors = [f for f in report.diagnostics if f.code == "flattened-ambiguous" and "两种读法不一致" in f.message]
    assert len(errors) == 1 and errors[0].severity == "error" and errors[0].cells == (key,)
    assert report.cells[key] is None
    assert [k for k in report.cells if report.cells[k] != ordinary.cells[k]] == [key]


def _report(table3: str) -> str:
    """A Markdown report whose 表三 is ``table3`` (the other tables empty)."""
    return ("# 某县人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本县公开信息。\n\n"
            "## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n"
            f"{table3}\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n"
            f"{_row([0] * 15)}\n|{'---|' * 15}\n\n"
            "## 五、存在的主要问题及改进情况\n\n无。\n\n## 六、其他需要报告的事项\n\n无。\n")


REQUESTS = TEMPLATE.section(3).blocks[0].rows


def _row(values: list[int], label: str = "") -> str:
    return f"| {label} | " + " | ".join(map(str, values)) + " |"


def test_a_label_printed_on_a_loose_line_after_its_row_places_the_row() -> None:
    lines = ["| 项 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---" * 8 + "|"]
    for i, row in enumerate(REQUESTS):
        lines += [_row([i, 0, 0, 0, 0, 0, i]), row.leaf] if i == 0 else [_row([i, 0, 0, 0, 0, 0, i], row.leaf)]
    report = gsgk.loads(_report("\n".join(lines)))
    for i, row in enumerate(REQUESTS):
        cells = TEMPLATE.row_cells(3, row)
        assert [report.cells[c.key] for c in cells] == [i, 0, 0, 0, 0, 0, i]
        assert all(report.cells.is_inferred(c.key) for c in cells)
    notes = [f for f in report.diagnostics if f.code == "flattened-rows"]
    assert notes and all(f.severity == "warning" for f in notes)
    assert "相邻散行中的行标签" in notes[0].message and "同行的行标签" in notes[1].message


def test_a_label_broken_into_pieces_around_its_row_places_the_row() -> None:
    lines = ["|---|---|---|---|---|---|---|---|"]
    for i, row in enumerate(REQUESTS):
        label = row.leaf
        pieces = [label[k: k + 2] for k in range(5, len(label), 2)]
        lines += [label[:3], _row([i, 0, 0, 0, 0, 0, i], label[3:5]), *pieces]
    report = gsgk.loads(_report("\n".join(lines)))
    for i, row in enumerate(REQUESTS):
        assert [report.cells[c.key] for c in TEMPLATE.row_cells(3, row)] == [i, 0, 0, 0, 0, 0, i]
    assert any("相邻散行依次拼出的行标签" in f.message for f in report.diagnostics if f.code == "flattened-rows")


def test_rows_that_could_be_several_rows_stay_blank_and_the_error_lists_them() -> None:
    # two rows without labels where three rows of 表三 are missing: no order settles them
    missing = [row.leaf for row in REQUESTS if row.groups[-1:] == ("（六）其他处理",)]
    assert len(missing) == 3
    rows = [row for row in REQUESTS if row.leaf not in missing]
    lines = ["|---|---|---|---|---|---|---|---|"]
    for row in rows:
        if row.leaf == "（七）总计":
            lines += [_row([1, 0, 0, 0, 0, 0, 1]), _row([2, 0, 0, 0, 0, 0, 2])]
        lines.append(_row([0] * 7, row.leaf))
    report = gsgk.loads(_report("\n".join(lines)))
    errors = [f for f in report.diagnostics if f.code == "flattened-ambiguous"]
    assert errors and all(f.severity == "error" for f in errors)
    assert len(errors) == 2 and all("可能属于2行" in f.message for f in errors)
    assert "「1.申请人" in errors[0].message and "「3.其他」" in errors[1].message
    assert all(report.cells[key] is None for f in errors for key in f.cells)
    assert not any(report.cells[c.key] in (1, 2) for c in TEMPLATE.section_cells(3))


def test_a_row_split_over_two_lines_is_joined_where_its_sum_leaves_one_place() -> None:
    lines = ["|---|---|---|---|---|---|---|---|"]
    for row in REQUESTS:
        if row.leaf == "（一）予以公开":
            lines += ["5", _row([2, 1, 0, 0, 1, 1], row.leaf)]  # the total printed alone above its row
        else:
            lines.append(_row([0] * 7, row.leaf))
    report = gsgk.loads(_report("\n".join(lines)))
    cells = TEMPLATE.row_cells(3, REQUESTS[2])
    assert [report.cells[c.key] for c in cells] == [2, 1, 0, 0, 1, 1, 5]
    (note,) = [f for f in report.diagnostics if f.code == "flattened-rows" and cells[0].key in f.cells]
    assert "合为一行" in note.message


_PERTURB = ("keep", "loose", "pieces", "none", "split", "drop")


def _perturbed(markdown: str, choices: list[str], side: str) -> str:
    """``markdown`` with the rows of 表三 mangled the way converters mangle them.

    A row keeps its label, has it on a loose line or broken into loose pieces
    (on one ``side`` of the row: ``before``, ``after`` or ``around`` it, half
    before and half after, as one converter does for every row), loses it, is
    split over two rows, or is dropped whole.
    """
    out: list[str] = []
    rows = iter(choices)
    in_requests = False
    for line in markdown.split("\n"):
        if line.startswith("## "):
            in_requests = line.startswith("## 三、")
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not in_requests or len(cells) != 10 or not re.fullmatch(r"\d+", cells[3]):
            out.append(line)
            continue
        how = next(rows, "keep")
        label, values = "".join(cells[:3]), cells[3:]
        blank = "|  |  |  | " + " | ".join(values) + " |"
        loose = {"loose": [label], "pieces": [label[i: i + 2] for i in range(0, len(label), 2)]}.get(how)
        if how == "keep":
            out.append(line)
        elif loose is not None:
            half = {"before": len(loose), "after": 0, "around": (len(loose) + 1) // 2}[side]
            out += [*loose[:half], blank, *loose[half:]]
        elif how == "none":
            out.append(blank)
        elif how == "split":
            out += ["| " + " | ".join(cells[:3] + values[:3] + [""] * 4) + " |",
                    "|  |  |  |  |  |  | " + " | ".join(values[3:]) + " |"]
    return "\n".join(out)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_cells(), st.lists(st.sampled_from(_PERTURB), min_size=25, max_size=25),
       st.sampled_from(("before", "after", "around")))
def test_mangling_the_rows_of_a_consistent_report_never_gives_a_wrong_value(
        cells: object, choices: list[str], side: str) -> None:
    report = attrs.evolve(gsgk.load(SEEDS[0]), cells=cells)
    back = gsgk.loads(_perturbed(gsgk.dumps(report, format="markdown"), choices, side))
    for key in TABLES:
        got = back.cells[key]
        assert got is None or got == report.cells[key], (key, got, report.cells[key])


@pytest.mark.parametrize(("text", "delimiter"), [
    ("|---|---|", True), ("| :---: | ---: |", True), ("---|---", True), ("|---|", True), ("  | --- | --- |  ", True),
    ("---", False), ("| a | b |", False), ("|-|-|", False), (" " * 50 + "---x", False), ("|---|---x", False),
])
def test_delimiter_rows(text: str, delimiter: bool) -> None:
    """A Markdown table's delimiter row is recognised; a rule (``---``) or text is not."""
    assert is_delimiter(text) is delimiter
