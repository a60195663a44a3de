"""Rows of 表二 or 表三 deleted, duplicated or swapped: a located diagnostic, and no value in a neighbouring row.

The grammar takes the rows of 表二 and 表三 in the template's order (generated
from ``gsgk.template``).  In the standard form of any seed, one row is deleted,
printed twice, or swapped with the next; the report still loads, the change is
reported at its line, and every other cell keeps its value.
"""

from __future__ import annotations

from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st

import gsgk
from gsgk.template import EDITIONS

from conftest import SEEDS


@cache
def standard(index: int, section: int) -> tuple[list[str], gsgk.Report,
                                               list[tuple[int, tuple[tuple[int, str, str], ...]]]]:
    """A seed's standard form, its report, and each row of the table's line index with the row's cell keys."""
    report = gsgk.loads(gsgk.dumps(gsgk.load(SEEDS[index])))
    template = EDITIONS[report.cells.edition]
    rows = []
    for row in (r for block in template.section(section).blocks for r in block.rows):
        cells = template.row_cells(section, row)
        span = report.cells.span(cells[0])
        assert span is not None
        rows.append((span.line - 1, tuple(c.key for c in cells)))
    return gsgk.dumps(report).split("\n"), report, rows


def at(report: gsgk.Report, code: str) -> list[int | None]:
    return [f.line for f in report.diagnostics if f.code == code]


@settings(max_examples=500, deadline=None)
@given(st.integers(0, len(SEEDS) - 1), st.sampled_from([2, 3]), st.floats(0, 1),
       st.sampled_from(["delete", "duplicate", "swap"]))
@example(3, 2, 0.2, "swap")  # across 表二's blocks: 行政规范性文件 under （五）, 行政许可 under （一）
def test_a_row_out_of_place_is_reported_and_no_value_moves(index: int, section: int, where: float, change: str) -> None:
    lines, before, rows = standard(index, section)
    k = min(int(where * len(rows)), len(rows) - 2)
    (line, keys), (following, _) = rows[k], rows[k + 1]
    edited = list(lines)
    if change == "delete":
        del edited[line]
    elif change == "duplicate":
        edited.insert(line + 1, lines[line])
    else:
        edited[line], edited[following] = lines[following], lines[line]
    report = gsgk.loads("\n".join(edited))
    if change == "delete":
        [missing] = [f for f in report.diagnostics if f.code == "row-missing"]
        assert set(missing.cells) == set(keys)
        assert all(report.cells[key] is None for key in keys)
    elif change == "duplicate":
        assert at(report, "row-duplicate") == [line + 2]
    else:
        assert at(report, "row-order") == [following + 1]
    kept = [key for key in before.cells if change != "delete" or key not in keys]
    assert [report.cells[key] for key in kept] == [before.cells[key] for key in kept]


def test_a_swapped_row_names_the_row_the_template_expects() -> None:
    lines, before, rows = standard(3, 3)
    (first, _), (second, _) = rows[:2]
    edited = list(lines)
    edited[first], edited[second] = lines[second], lines[first]
    report = gsgk.loads("\n".join(edited))
    [order] = [f for f in report.diagnostics if f.code == "row-order"]
    assert order.message.startswith("「一、本年新收政府信息公开申请数量」行不在模板的次序上")
    assert "应为「（一）予以公开」行或其后各行" in order.message
    assert report.cells == before.cells
