"""The Word standard form: merged cells as Word stores them, fonts, round trip, the missing extra."""

from __future__ import annotations

import datetime
import io
import sys
import time
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings

import gsgk
from gsgk.render import render

from conftest import SEEDS, examples
from strategies import reports


def dumps_docx(report: gsgk.Report) -> bytes:
    data = render(report, "docx")
    assert isinstance(data, bytes)
    return data


@pytest.fixture(scope="module")
def document() -> docx.document.Document:
    return docx.Document(io.BytesIO(dumps_docx(gsgk.load(SEEDS[0]))))


def spans(table: docx.table.Table) -> list[list[tuple[str, int, str | None]]]:
    """Each row's cells as Word stores them: (text, gridSpan, vMerge)."""
    rows = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            state = None if merge is None else merge.get(qn("w:val"), "continue")
            row.append((tc.xpath("string(.)"), tc.grid_span, state))
        rows.append(row)
    return rows


def test_six_tables_with_borders(document: docx.document.Document) -> None:
    assert len(document.tables) == 6
    assert all(t.style is not None and t.style.name == "Table Grid" for t in document.tables)


def test_requests_merged_cells(document: docx.document.Document) -> None:
    rows = spans(document.tables[4])
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert rows[0] == [(note, 3, "restart"), ("申请人情况", 7, None)]
    assert rows[1] == [("", 3, "continue"), ("自然人", 1, "restart"), ("法人或其他组织", 5, None),
                       ("总计", 1, "restart")]
    assert rows[5][:2] == [("三、本年度办理结果", 1, "restart"), ("（一）予以公开", 2, None)]
    assert rows[7][:3] == [("", 1, "continue"), ("（三）不予公开", 1, "restart"), ("1.属于国家秘密", 1, None)]
    assert rows[26][0] == ("", 1, "continue")  # （七）总计 is the 22nd row under 三、本年度办理结果
    assert rows[27][0] == ("四、结转下年度继续办理", 3, None)


def test_core_properties_name_the_report(document: docx.document.Document) -> None:
    seed = gsgk.load(SEEDS[0])
    props = document.core_properties
    assert (props.title, props.author, props.comments) == (seed.title, seed.organ, "gsgk")
    assert props.created == props.modified == datetime.datetime(2021, 1, 1, tzinfo=datetime.timezone.utc)


def test_appeals_merged_cells(document: docx.document.Document) -> None:
    rows = spans(document.tables[5])
    assert rows[0] == [("行政复议", 5, None), ("行政诉讼", 10, None)]
    assert rows[1][5:] == [("未经复议直接起诉", 5, None), ("复议后起诉", 5, None)]
    assert len(rows[3]) == 15


def test_page_and_fonts(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"


def test_same_report_same_bytes() -> None:
    report = gsgk.load(SEEDS[1])
    first = dumps_docx(report)
    time.sleep(2.1)  # zip stamps have a resolution of two seconds
    assert dumps_docx(report) == first


def test_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(gsgk.MissingExtraError, match=r'pip install "gsgk\[docx\]"'):
        render(gsgk.Report(), "docx")


def test_dumps_refuses_binary_and_dump_writes_it(tmp_path: Path) -> None:
    report = gsgk.load(SEEDS[2])
    with pytest.raises(ValueError, match="binary"):
        gsgk.dumps(report, format="docx")
    with (tmp_path / "r.docx").open("wb") as fp:
        gsgk.dump(report, fp, format="docx")
    assert gsgk.load(tmp_path / "r.docx") == report


# python-docx writes a whole package per report (~0.2 s), so fewer examples than the text formats.
@settings(max_examples=examples(50), deadline=None)
@given(reports())
def test_docx_round_trip(report: gsgk.Report) -> None:
    assert gsgk.load(io.BytesIO(dumps_docx(report))) == report


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_round_trip(path: Path) -> None:
    report = gsgk.load(path)
    again = gsgk.load(io.BytesIO(dumps_docx(report)))
    assert again.cells == report.cells
    assert again == report


def test_column_widths_follow_the_official_form(document: docx.document.Document) -> None:
    official = docx.Document(str(Path(__file__).parent / "data" / "official-blank-2021.docx"))
    pairs = ((document.tables[0], official.tables[0]), (document.tables[-2], official.tables[1]),
             (document.tables[-1], official.tables[2]))
    for ours, theirs in pairs:
        mine = [c.width.mm for c in ours.columns]
        given_ = [c.width.mm for c in theirs.columns]
        assert len(mine) == len(given_)
        assert all(abs(a / sum(mine) - b / sum(given_)) < 0.01 for a, b in zip(mine, given_))
        assert abs(sum(mine) - 156) < 1  # the text width between the official margins
