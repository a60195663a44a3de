"""The five real reports load to exactly their hand-checked values, in any encoding."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest

import gsgk

from conftest import SEEDS, agrees, expected_cells, expected_meta


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_values(path: Path) -> None:
    report = gsgk.load(path)
    got = {(r["section"], r["row"], r["column"]): r["value"] for r in gsgk.to_records(report)}
    expected = expected_cells(path)
    assert set(got) == set(expected)
    wrong = {k: (v, got[k]) for k, v in expected.items() if not agrees(v, got[k])}
    assert wrong == {}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_metadata(path: Path) -> None:
    report = gsgk.load(path)
    meta = expected_meta(path)
    organs = meta["organ"] if isinstance(meta["organ"], list) else [meta["organ"]]
    assert report.organ in organs
    assert report.year == meta["year"]
    published = meta.get("published")
    assert report.published == (datetime.date.fromisoformat(published) if published else None)


def test_prose_kept_verbatim() -> None:
    report = gsgk.load(SEEDS[0])
    assert report.title == "灵丘县人民政府办公室2022年政府信息公开工作年度报告"
    assert report.overview[0] == "（一）主动公开方面"
    assert report.other_matters == ("无。",)
    assert report.signature == "灵丘县人民政府办公室"
    assert report.problems[0].startswith("2022年我办政务公开工作仍存在一些问题")


def test_provenance_points_at_the_printed_value() -> None:
    report = gsgk.load(SEEDS[0])
    key = (3, "一、本年新收政府信息公开申请数量", "自然人")
    span = report.cells.span(key)
    assert span is not None
    line = SEEDS[0].read_text("utf-8").splitlines()[span.line - 1]
    assert line[span.column - 1:] == "7"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encodings_and_crlf(encoding: str) -> None:
    text = SEEDS[3].read_text("utf-8")
    reference = gsgk.loads(text)
    data = text.replace("\n", "\r\n").encode(encoding)
    assert gsgk.load(io.BytesIO(data)) == reference


def test_loads_and_load_agree() -> None:
    for path in SEEDS:
        assert gsgk.loads(path.read_text("utf-8")) == gsgk.load(path)
