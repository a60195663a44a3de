"""Round trips: text, cattrs data, JSON and records give the same report back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import gsgk
from gsgk.model import METADATA_FIELDS

from conftest import SEEDS, examples
from strategies import reports


@settings(max_examples=examples(200), deadline=None)
@given(reports())
def test_text_round_trip(report: gsgk.Report) -> None:
    assert gsgk.loads(gsgk.dumps(report)) == report


@settings(max_examples=examples(200), deadline=None)
@given(reports())
def test_structure_round_trip(report: gsgk.Report) -> None:
    data = gsgk.unstructure(report)
    assert gsgk.structure(json.loads(json.dumps(data, ensure_ascii=False))) == report


@settings(max_examples=examples(200), deadline=None)
@given(reports())
def test_records_round_trip(report: gsgk.Report) -> None:
    metadata = {name: getattr(report, name) for name in METADATA_FIELDS}
    assert gsgk.from_records(gsgk.to_records(report), **metadata) == report


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_fixed_point(path: Path) -> None:
    once = gsgk.dumps(gsgk.load(path))
    assert gsgk.dumps(gsgk.loads(once)) == once


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_round_trip_keeps_everything(path: Path) -> None:
    report = gsgk.load(path)
    again = gsgk.loads(gsgk.dumps(report))
    assert again == report
    assert again.diagnostics == () or all(d.severity == "info" for d in again.diagnostics)


def test_dump_to_text_and_binary_files(tmp_path: Path) -> None:
    report = gsgk.load(SEEDS[2])
    with (tmp_path / "a.txt").open("w", encoding="utf-8") as fp:
        gsgk.dump(report, fp)
    with (tmp_path / "b.txt").open("wb") as fp:
        gsgk.dump(report, fp)
    assert gsgk.load(tmp_path / "a.txt") == gsgk.load(tmp_path / "b.txt") == report


def test_blank_is_not_zero() -> None:
    report = gsgk.load(SEEDS[0])
    key = (3, "一、本年新收政府信息公开申请数量", "商业企业")
    blanked = gsgk.Report(cells=report.cells.replace({key: None}), title=report.title,
                          organ=report.organ, year=report.year)
    text = gsgk.dumps(blanked)
    again = gsgk.loads(text)
    assert again.cells[key] is None
    assert again.cells[(3, "一、本年新收政府信息公开申请数量", "科研机构")] == 0


def test_a_note_after_a_blank_appeals_row_survives_the_text_form() -> None:
    """A row of blank marks (``—``) is a row of blank cells, not a rule line (found by hypothesis)."""
    report = gsgk.Report(notes=(gsgk.Note(section=4, text="政务公开说明。"),))
    assert gsgk.loads(gsgk.dumps(report)) == report
