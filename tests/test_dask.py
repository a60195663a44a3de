"""The Dask example runs gsgk over a corpus on Dask's local schedulers."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SEEDS, agrees, expected_cells

pytest.importorskip("dask.bag")
sys.path.insert(0, str(Path(__file__).parents[1] / "examples"))
import dask_example

BROKEN = Path(__file__).parent / "data" / "batch" / "broken.txt"


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_dask_bag_over_a_corpus(scheduler: str) -> None:
    paths = [*map(str, SEEDS), str(BROKEN)]
    frame = dask_example.corpus_frame(paths, scheduler=scheduler, partitions=3)
    assert len(frame) == 200 * len(SEEDS) + 1
    for path in SEEDS:
        expected = expected_cells(path)
        mine = frame[frame["file"] == str(path)]
        assert len(mine) == 200
        for row in mine.itertuples():
            value = None if row.value is None else Decimal(str(row.value))
            assert agrees(expected[(row.section, row.row, row.column)], value), row
    assert frame.loc[frame["file"] == str(BROKEN), "error"].str.startswith("ParseError").all()
