"""Word files load to the seed values; merged cells count once, blanks stay blank."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest

import gsgk
from gsgk.blocks import Table
from gsgk.errors import MissingExtraError
from gsgk.readers import detect, read_lines
from gsgk.readers.docx import _Body, _open, read_docx

from conftest import DATA, SEEDS, agrees, expected_cells, expected_meta

FILES = sorted((DATA / "docx").glob("*.docx"))


def seed_of(path: Path) -> Path:
    return DATA / "seeds" / (path.name.split(".")[0] + ".txt")


def saved(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def lines_of(data: bytes) -> list[tuple[int, bool, list[str]]]:
    return [(line.number, line.exact, [c.text for c in line.cells]) for line in read_docx(data)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_docx_fixtures_load_to_the_seed_values(path: Path) -> None:
    report = gsgk.load(path)
    expected = expected_cells(seed_of(path))
    got = {(r["section"], r["row"], r["column"]): r["value"] for r in gsgk.to_records(report)}
    assert {k: (v, got[k]) for k, v in expected.items() if not agrees(v, got[k])} == {}
    meta = expected_meta(seed_of(path))
    organs = meta["organ"] if isinstance(meta["organ"], list) else [meta["organ"]]
    assert report.organ in organs
    assert report.year == meta["year"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_docx_written_by_gsgk_reads_back_equal(path: Path) -> None:
    report = gsgk.load(path)
    out = io.BytesIO()
    gsgk.dump(report, out, format="docx")
    assert gsgk.load(io.BytesIO(out.getvalue())) == report


def test_detected_as_docx() -> None:
    assert detect(FILES[0].read_bytes()) == "docx"


def test_paragraphs_and_tables_in_body_order() -> None:
    document = docx.Document()
    document.add_paragraph("某县2023年政府信息公开工作年度报告")
    document.add_paragraph("")
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "规章", "3"
    run = document.add_paragraph().add_run("第一行")
    run.add_break()
    run.add_text("第二行")
    assert lines_of(saved(document)) == [
        (1, False, ["某县2023年政府信息公开工作年度报告"]),
        (3, False, ["一、总体情况"]),
        (4, True, ["规章", "3"]),
        (5, False, ["第一行"]),
        (5, False, ["第二行"]),
    ]


def test_merged_cells_keep_their_spans_and_count_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "一、本年新收政府信息公开申请数量"
    table.cell(0, 3).text = "7"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "（三）不予公开"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "1.属于国家秘密"
    table.cell(1, 3).text = "0"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "2.其他法律行政法规禁止公开"
    data = saved(document)
    [grid] = [block for block in _Body(_open(data)).blocks if isinstance(block, Table)]
    assert [(c.text, c.row, c.column, c.rowspan, c.colspan) for c in grid.cells] == [
        ("一、本年新收政府信息公开申请数量", 0, 0, 1, 3), ("7", 0, 3, 1, 1),
        ("（三）不予公开", 1, 0, 2, 1), ("1.属于国家秘密", 1, 1, 1, 2), ("0", 1, 3, 1, 1),
        ("2.其他法律行政法规禁止公开", 2, 1, 1, 2), ("", 2, 3, 1, 1),
    ]
    assert [cells for _, _, cells in lines_of(data)] == [
        ["一、本年新收政府信息公开申请数量", "7"],
        ["（三）不予公开", "1.属于国家秘密", "0"],
        ["2.其他法律行政法规禁止公开", ""],
    ]


def test_labels_over_several_paragraphs_are_one_cell() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "2.申请人逾期未按收费通知要求缴纳费用、"
    cell.add_paragraph("行政机关不再处理其政府信息公开申请")
    assert lines_of(saved(document)) == [
        (1, True, ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"])]


def test_layout_tables_are_read_as_paragraphs() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1).cell(0, 0)
    outer.text = "一、总体情况"
    inner = outer.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "规章", ""
    assert [(exact, cells) for _, exact, cells in lines_of(saved(document))] == [
        (False, ["一、总体情况"]), (True, ["规章", ""])]


def test_the_file_title_is_put_first_when_the_body_has_none() -> None:
    document = docx.Document()
    document.core_properties.title = "某县2023年政府信息公开工作年度报告"
    document.add_paragraph("本报告根据条例编制。")
    assert [cells for _, _, cells in lines_of(saved(document))] == [
        ["某县2023年政府信息公开工作年度报告"], ["本报告根据条例编制。"]]


def test_missing_lxml_names_the_docx_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(MissingExtraError, match=r'pip install "gsgk\[docx\]"'):
        read_lines(FILES[0].read_bytes(), "docx")
