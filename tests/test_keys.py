"""Stable English keys: every cell is ``(row key, column key)`` beside its Chinese labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import gsgk
from gsgk.template import EDITIONS, TEMPLATE

from conftest import SEEDS, examples
from strategies import reports

LABELS = (3, "一、本年新收政府信息公开申请数量", "总计")


def test_keys_and_labels_name_the_same_cell() -> None:
    report = gsgk.load(SEEDS[3])  # 曲沃县 2023: 22 applications received
    assert report["received", "total"] == report[LABELS] == report.cells["received", "total"] == 22
    assert report[TEMPLATE.cell(*LABELS)] == 22
    assert ("received", "total") in report.cells and LABELS in report.cells


@pytest.mark.parametrize(("name", "suggested"), [
    (("recieved", "total"), "('received', 'total')"),
    (("received", "totals"), "('received', 'total')"),
    ((3, "（七）总计", "总计"), "'三、本年度办理结果/（七）总计', '总计')"),
])
def test_unknown_cell_suggests_the_nearest(name: tuple[str, ...], suggested: str) -> None:
    report = gsgk.load(SEEDS[3])
    with pytest.raises(KeyError) as info:
        report[name]  # type: ignore[index]
    assert isinstance(info.value, gsgk.UnknownCellError) and isinstance(info.value, gsgk.GsgkError)
    assert "is not a cell of the 2021 edition" in str(info.value) and suggested in str(info.value)
    assert name not in report.cells


def test_cell_of_another_edition_is_unknown_here() -> None:
    with pytest.raises(gsgk.UnknownCellError, match="2021 edition"):
        gsgk.Report()["procurement", "procurement_amount"]


def test_replace_takes_keys() -> None:
    cells = gsgk.Cells.blank().replace({("review", "upheld"): 3})
    assert cells[(4, "行政复议", "结果维持")] == 3


@settings(max_examples=examples(50), deadline=None)
@given(reports())
def test_records_name_each_cell_by_labels_and_keys(report: gsgk.Report) -> None:
    template = EDITIONS[report.edition]
    for record, cell in zip(gsgk.to_records(report), template.cells):
        assert (record["row_key"], record["column_key"]) == cell.keys
        assert report[cell.keys] == report[(record["section"], record["row"], record["column"])] == record["value"]


@settings(max_examples=examples(20), deadline=None)
@given(reports())
def test_wide_frame_holds_every_cell_under_its_keys(report: gsgk.Report) -> None:
    pytest.importorskip("pandas")
    (row,) = gsgk.to_wide_frame([report]).to_dict("records")
    assert row["edition"] == report.edition
    for cell in EDITIONS[report.edition].cells:
        value, got = report[cell], row[".".join(cell.keys)]
        assert got != got if value is None else got == float(value)  # NaN for blank
    others = {".".join(c.keys) for t in EDITIONS.values() for c in t.cells} - \
        {".".join(c.keys) for c in EDITIONS[report.edition].cells}
    assert all(row[name] != row[name] for name in others)
