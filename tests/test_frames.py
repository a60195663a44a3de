"""``to_frame``: a tidy pandas frame of reports and files, true to the hand-checked values."""

from __future__ import annotations

import math
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import gsgk
from gsgk.frames import COLUMNS, to_frame

from conftest import SEEDS, agrees, expected_cells, expected_meta

pd = pytest.importorskip("pandas")
BROKEN = Path(__file__).parent / "data" / "batch" / "broken.txt"


@pytest.mark.parametrize("jobs", [1, 2])
def test_frame_of_paths_holds_the_hand_checked_values(jobs: int) -> None:
    frame = to_frame([*SEEDS, BROKEN], jobs=jobs)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 200 * len(SEEDS) + 1
    for path in SEEDS:
        mine = frame[frame["file"] == str(path)]
        expected = expected_cells(path)
        assert len(mine) == len(expected) == 200
        assert set(mine["year"]) == {expected_meta(path)["year"]}
        for row in mine.itertuples():
            value = None if math.isnan(row.value) else Decimal(str(row.value))
            assert agrees(expected[(row.section, row.row, row.column)], value), row
    (failed,) = frame[frame["file"] == str(BROKEN)].itertuples()
    assert failed.error.startswith("ParseError") and pd.isna(failed.section)


def test_frame_of_reports_keeps_blank_apart_from_zero() -> None:
    cells = gsgk.Cells.blank().replace({gsgk.TEMPLATE.cells[0].key: 0, gsgk.TEMPLATE.cells[1].key: 7})
    frame = to_frame([gsgk.Report(cells=cells, organ="某县人民政府", year=2023)])
    assert frame["value"].iloc[0] == 0 and frame["value"].iloc[1] == 7
    assert frame["value"].iloc[2:].isna().all()
    assert frame["file"].isna().all() and set(frame["organ"]) == {"某县人民政府"}


def test_fee_keeps_its_decimals() -> None:
    fee = next(c for c in gsgk.TEMPLATE.cells if c.kind == "decimal")
    frame = to_frame([gsgk.Report(cells=gsgk.Cells.blank().replace({fee.key: Decimal("104.1725")}))])
    (value,) = frame.loc[frame["column"] == fee.column.label, "value"]
    assert Decimal(str(value)) == Decimal("104.1725")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(gsgk.MissingExtraError, match=r'pip install "gsgk\[pandas\]"'):
        to_frame(SEEDS[:1])


def test_a_report_without_organ_keeps_its_rows_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "untitled.txt"
    report = gsgk.load(SEEDS[0])
    path.write_text(gsgk.dumps(gsgk.Report(cells=report.cells)), encoding="utf-8")
    assert "organ-unknown" in [f.code for f in gsgk.load(path).diagnostics]
    frame = to_frame(path)
    assert len(frame) == 200 and set(frame["file"]) == {str(path)} and frame["organ"].isna().all()
