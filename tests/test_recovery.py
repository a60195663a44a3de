"""Dropped cells: recovered only when the sums leave one reading, never shifted.

A consistent report is written in the standard form, one to three values are
deleted from printed rows, and the result is read back: every cell either
holds its original value or is blank with an error; an inferred value is
reported.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import gsgk
from gsgk.model import Cells

from conftest import SEEDS, examples
from strategies import consistent_cells

ROWS_3_4 = [c for c in gsgk.TEMPLATE.cells if c.section in (3, 4)]


def drop_one_value(text: str, line_index: int, which: int) -> tuple[str, str]:
    """The text with value number ``which`` deleted from the ``line_index``-th table row of 三/四."""
    lines = text.split("\n")
    start = lines.index(gsgk.TEMPLATE.section(3).heading)
    end = lines.index(gsgk.TEMPLATE.section(5).heading)
    rows = [i for i in range(start, end) if lines[i].split("\t")[-1].isdigit()]
    i = rows[line_index % len(rows)]
    cells = lines[i].split("\t")
    values = [j for j, cell in enumerate(cells) if cell.isdigit()]
    del cells[values[which % len(values)]]
    lines[i] = "\t".join(cells)
    return "\n".join(lines), lines[i]


@settings(max_examples=examples(300), deadline=None)
@given(consistent_cells(), st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=3))
def test_dropped_values_are_recovered_or_left_blank_never_misplaced(
        cells: Cells, drops: list[tuple[int, int]]) -> None:
    original = gsgk.Report(cells=cells)
    text = gsgk.dumps(original)
    for row, which in drops:
        text, _ = drop_one_value(text, row, which)
    report = gsgk.loads(text)
    codes = {d.code for d in report.diagnostics}
    wrong = [c.key for c in ROWS_3_4 if report.cells[c] is not None and report.cells[c] != original.cells[c]]
    assert wrong == []
    if any(report.cells[c] is None for c in ROWS_3_4):
        assert "row-short" in codes
    if report.cells.inferred:
        assert "cells-inferred" in codes
    assert report.cells.inferred or "row-short" in codes


def test_seed_001_rows_are_recovered_from_the_column_sums() -> None:
    report = gsgk.load(SEEDS[1])
    key = (3, "三、本年度办理结果/（一）予以公开", "自然人")
    assert report.cells[key] == 14
    assert report.cells[(3, "三、本年度办理结果/（一）予以公开", "其他")] == 0
    assert report.cells[(3, "三、本年度办理结果/（一）予以公开", "总计")] == 14
    (inferred,) = [d for d in report.diagnostics if d.code == "cells-inferred"]  # one for the 21 rows
    assert inferred.message.startswith("「（一）予以公开」至「3.其他」21行各只印出6个数（模板7栏）")
    assert (inferred.line, inferred.column) == (43, 11)
    assert set(inferred.cells) == report.cells.inferred
    assert (3, "三、本年度办理结果/（一）予以公开", "其他") in inferred.cells
