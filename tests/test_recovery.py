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


def table_row(text: str, n: int, last: int) -> tuple[list[str], int]:
    """The text's lines, and where the ``n``-th row of numbers from 表三 up to section ``last`` stands."""
    lines = text.split("\n")
    start = lines.index(gsgk.TEMPLATE.section(3).heading)
    end = lines.index(gsgk.TEMPLATE.section(last).heading)
    rows = [i for i in range(start, end) if lines[i].split("\t")[-1].isdigit()]
    return lines, rows[n % len(rows)]


def drop_one_value(text: str, line_index: int, which: int) -> tuple[str, str]:
    """The text with value number ``which`` deleted from the ``line_index``-th table row of 三/四."""
    lines, i = table_row(text, line_index, 5)
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


def continue_row(text: str, row: int, cuts: list[int]) -> str:
    """The text with the numbers of 表三's ``row``-th row cut: the last ``cuts[j]`` digits of value ``j`` go to a
    line of their own after the row (a blank mark where a value keeps all its digits), as a page break leaves
    a row of wrapped numbers."""
    lines, i = table_row(text, row, 4)
    cells = lines[i].split("\t")
    heads, tails = [], []
    for value, cut in zip(cells[-7:], cuts):
        split = len(value) > cut and value.isdigit()
        heads.append(value[:-cut] if split else value)
        tails.append(value[-cut:] if split else "—")
    lines[i] = "\t".join(cells[:-7] + heads)
    lines.insert(i + 1, "\t".join(tails))
    return "\n".join(lines)


@settings(max_examples=examples(300), deadline=None)
@given(consistent_cells(), st.integers(0, 100), st.lists(st.integers(1, 3), min_size=7, max_size=7))
def test_numbers_continued_on_a_second_line_are_joined_or_left_blank_never_wrong(
        cells: Cells, row: int, cuts: list[int]) -> None:
    original = gsgk.Report(cells=cells)
    report = gsgk.loads(continue_row(gsgk.dumps(original), row, cuts))
    wrong = [c.key for c in ROWS_3_4 if report.cells[c] is not None and report.cells[c] != original.cells[c]]
    assert wrong == []
    codes = {d.code for d in report.diagnostics}
    if any(report.cells[c] is None and original.cells[c] is not None for c in ROWS_3_4):
        assert codes & {"row-extra-values", "row-short"}
    if report.cells.inferred:
        assert "row-continued" in codes or "cells-inferred" in codes


REQUESTS = "\n".join([
    "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量\t187\t210\t987\t954\t84\t203\t802",
    "—\t—\t—\t—\t—\t—\t5",
])


def test_a_second_line_of_digits_continues_the_row_when_its_sums_say_so() -> None:
    report = gsgk.loads(REQUESTS.replace("—\t—\t—\t—\t—\t—\t5", "0\t0\t—\t—\t—\t0\t5"))
    row = "一、本年新收政府信息公开申请数量"
    assert [report.cells[(3, row, c.label)] for c in gsgk.TEMPLATE.section(3).blocks[0].columns] \
        == [1870, 2100, 987, 954, 84, 2030, 8025]
    continued = [d for d in report.diagnostics if d.code == "row-continued"]
    assert len(continued) == 1 and "1870、2100、987、954、84、2030、8025" in continued[0].message
    assert {key[2] for key in continued[0].cells} == {"自然人", "商业企业", "其他", "总计"}
    assert all(report.cells.is_inferred(key) for key in continued[0].cells)


def test_a_second_line_is_not_joined_when_the_sums_do_not_single_it_out() -> None:
    # 1+1 = 2 and 10+10 = 20: the row's sum holds with the second line's digits and without them
    ambiguous = gsgk.loads("\n".join([
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t2",
        "0\t0\t—\t—\t—\t—\t0",
    ]))
    # with the second line's digits the row's sum breaks (1871 + 210 + … ≠ 8025)
    broken = gsgk.loads(REQUESTS.replace("—\t—\t—\t—\t—\t—\t5", "1\t0\t—\t—\t—\t0\t5"))
    for report in (ambiguous, broken):
        assert report.cells[(3, "一、本年新收政府信息公开申请数量", "自然人")] is None
        assert "row-extra-values" in {d.code for d in report.diagnostics}
        assert "row-continued" not in {d.code for d in report.diagnostics}


SEED_ROW = "一、本年新收政府信息公开申请数量\t\t\t19\t3\t0\t0\t0\t0\t22"
TOTAL = (3, "一、本年新收政府信息公开申请数量", "总计")


def test_a_number_alone_under_a_row_continues_the_one_number_its_sums_single_out() -> None:
    report = gsgk.loads(gsgk.dumps(gsgk.load(SEEDS[3])).replace(SEED_ROW, SEED_ROW.removesuffix("2") + "\n2"))
    assert report.cells[TOTAL] == 22 and report.cells.is_inferred(TOTAL)
    continued = [d for d in report.diagnostics if d.code == "row-continued"]
    assert len(continued) == 1 and continued[0].cells == (TOTAL,)


def test_a_stray_number_under_a_row_leaves_a_row_its_sums_verify_and_blanks_one_they_do_not() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[3]))
    kept = gsgk.loads(text.replace(SEED_ROW, SEED_ROW + "\n7"))
    assert kept.cells[TOTAL] == 22 and not kept.cells.is_inferred(TOTAL)
    doubted = gsgk.loads(text.replace(SEED_ROW, SEED_ROW.replace("\t19\t", "\t18\t") + "\n7"))
    assert doubted.cells[TOTAL] is None
    assert TOTAL in {key for d in doubted.diagnostics if d.code == "row-lines" for key in d.cells}
