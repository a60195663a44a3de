"""The Dask example runs gsgk over a corpus on Dask's local schedulers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import gsgk
from gsgk.sources import expand

from conftest import SEEDS, agrees, expected_cells

pytest.importorskip("dask.bag")
sys.path.insert(0, str(Path(__file__).parents[1] / "examples"))
import dask_example

EXAMPLE = Path(dask_example.__file__)

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


def test_every_format_and_every_skipped_file_counts(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(gsgk.dumps(gsgk.load(SEEDS[0]), format="markdown"), encoding="utf-8")
    (tmp_path / "b.html").write_text(gsgk.dumps(gsgk.load(SEEDS[1]), format="html"), encoding="utf-8")
    (tmp_path / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    frame = dask_example.corpus_frame(list(expand(tmp_path)), scheduler="synchronous")
    assert list(frame["file"].unique()) == [str(tmp_path / n) for n in ("a.md", "b.html", "c.doc")]
    assert len(frame) == 200 * 2 + 1
    assert frame["error"].iloc[-1] == "not read: an old binary Word file: save it as .docx"


def test_the_script_runs_on_the_process_scheduler(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    done = subprocess.run([sys.executable, str(EXAMPLE), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "2022    1" in done.stdout
