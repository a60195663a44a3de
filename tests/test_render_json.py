"""The JSON form reads back to an equal report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import gsgk

from conftest import SEEDS, examples
from strategies import reports


@settings(max_examples=examples(200), deadline=None)
@given(reports())
def test_json_round_trip(report: gsgk.Report) -> None:
    assert gsgk.loads(gsgk.dumps(report, format="json")) == report


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_json_round_trip(path: Path, tmp_path: Path) -> None:
    report = gsgk.load(path)
    (tmp_path / "r.json").write_text(gsgk.dumps(report, format="json"), encoding="utf-8")
    assert gsgk.load(tmp_path / "r.json") == report


def test_json_is_readable_chinese_and_one_line_on_request() -> None:
    report = gsgk.load(SEEDS[0])
    assert "灵丘县人民政府办公室" in gsgk.dumps(report, format="json")
    compact = gsgk.dumps(report, format="json", indent=None)
    assert compact.count("\n") == 1 and json.loads(compact)["organ"] == "灵丘县人民政府办公室"
