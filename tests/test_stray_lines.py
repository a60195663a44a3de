"""A stray number or a stray short line anywhere in a report: it is reported, and no value moves.

Text extracted from PDFs and copied from pages carries loose lines: a wrapped
cell's second line, a footnote number, a page number.  Inserted at any line of
any seed (in its own layout), such a line never loses the report and never
shifts a value: every cell keeps its value, or is blank and named by a
finding; a number the grammar does not take is reported at its line.
"""

from __future__ import annotations

from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st

import gsgk

from conftest import SEEDS, examples


@cache
def seed(index: int) -> tuple[list[str], gsgk.Report]:
    text = SEEDS[index].read_text("utf-8")
    return text.split("\n"), gsgk.loads(text)


def named(report: gsgk.Report) -> set[tuple[int, str, str]]:
    return {key for f in report.diagnostics if f.severity != "info" for key in f.cells}


@settings(max_examples=examples(500), deadline=None)
@given(st.integers(0, len(SEEDS) - 1), st.floats(0, 1), st.sampled_from(["22", "7", "注：", "1.5", "—"]))
@example(3, 0.04, "22")   # among 表二's headers
@example(1, 0.5, "22")    # after a row printed on one line (seed 001 drops a column)
def test_a_stray_line_never_shifts_a_value(index: int, where: float, stray: str) -> None:
    lines, before = seed(index)
    at = round(where * len(lines))
    report = gsgk.loads("\n".join([*lines[:at], stray, *lines[at:]]))
    moved = {key: (before.cells[key], report.cells[key]) for key in before.cells
             if report.cells[key] != before.cells[key]}
    assert {key: pair for key, pair in moved.items() if pair[1] is not None} == {}
    assert set(moved) <= named(report)


def test_a_stray_number_among_headers_is_reported_at_its_line() -> None:
    lines, before = seed(3)
    at = next(i for i, line in enumerate(lines) if line.strip() == "信息内容") + 1
    report = gsgk.loads("\n".join([*lines[:at], "22", *lines[at:]]))
    assert [(f.code, f.line) for f in report.diagnostics if f.code == "token-unexpected"] == \
           [("token-unexpected", at + 1)]
    assert report.cells == before.cells


def test_a_stray_number_inside_a_row_of_one_cell_per_line_is_dropped_by_the_sums() -> None:
    lines, before = seed(0)
    label = next(i for i, line in enumerate(lines) if line.strip() == "一、本年新收政府信息公开申请数量")
    at = label + 3
    report = gsgk.loads("\n".join([*lines[:at], "\t22", *lines[at:]]))
    [extra] = [f for f in report.diagnostics if f.code == "row-extra-value"]
    assert extra.line == at + 1 and "「22」" in extra.message
    assert report.cells == before.cells


def test_staged_api_composes() -> None:
    data = SEEDS[0].read_bytes()
    staged = gsgk.build(gsgk.parse(gsgk.read_lines(data)))
    whole = gsgk.loads(data.decode("utf-8"))
    assert staged == whole
    assert staged.diagnostics == whole.diagnostics
