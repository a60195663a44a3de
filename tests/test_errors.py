"""Bad input ends in a gsgk error that says what, where and what was expected."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gsgk
from gsgk.errors import display_width

from conftest import DATA, SEEDS, examples

TEXT = SEEDS[3].read_text("utf-8")


def test_empty_text_is_not_a_report() -> None:
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.loads("")
    assert info.value.line == 1
    assert "二、主动公开政府信息情况" in (info.value.expected or "")


def test_prose_without_tables_is_not_a_report() -> None:
    with pytest.raises(gsgk.ParseError, match="none of its tables"):
        gsgk.loads("关于做好2023年政务公开工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n")


def test_binary_junk() -> None:
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.load(io.BytesIO(bytes(range(256)) * 8))
    assert info.value.code == "encoding"


def test_report_cut_in_half_returns_diagnostics() -> None:
    half = TEXT[: TEXT.index("（四）无法提供")]
    report = gsgk.loads(half)
    codes = {d.code for d in report.diagnostics}
    assert {"row-missing", "section-missing"} <= codes
    assert report.cells[(3, "一、本年新收政府信息公开申请数量", "总计")] == 22
    assert report.cells[(4, "行政复议", "总计")] is None


def test_an_extra_value_the_sums_single_out_is_dropped_and_named() -> None:
    text = gsgk.dumps(gsgk.loads(TEXT)).replace(
        "一、本年新收政府信息公开申请数量\t\t\t19\t3\t0\t0\t0\t0\t22",
        "一、本年新收政府信息公开申请数量\t\t\t19\t3\t0\t5\t0\t0\t0\t22",
    )
    report = gsgk.loads(text)
    [extra] = [d for d in report.diagnostics if d.code == "row-extra-value"]
    assert extra.severity == "warning" and "第4个数「5」" in extra.message
    assert report.cells == gsgk.loads(TEXT).cells


def test_an_extra_value_the_sums_cannot_single_out_is_an_error_not_a_shift() -> None:
    text = gsgk.dumps(gsgk.loads(TEXT)).replace("规章\t0\t0\t0", "规章\t0\t0\t0\t5")
    report = gsgk.loads(text)
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["row-extra-values"]
    assert report.cells[(2, "规章", "本年制发件数")] is None


def test_a_stray_number_is_skipped_and_named_and_strict_quotes_it_with_the_caret_under_cjk() -> None:
    text = TEXT.replace("\t申请人情况\n", "\t申请人情况\t5\n")
    report = gsgk.loads(text)
    [stray] = [d for d in report.diagnostics if d.code == "token-unexpected"]
    assert "「5」" in stray.message
    assert "应为「一、本年新收政府信息公开申请数量」行或其后各行" in stray.message  # the template's next row
    assert report.cells == gsgk.loads(TEXT).cells
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.loads(text, strict=True)
    error = info.value
    assert error.code == "token-unexpected"
    source, caret = str(error).splitlines()[-2:]
    assert source.strip().endswith("5")
    assert caret.index("^") == display_width(source[: source.rindex("5")])
    assert isinstance(error, ValueError)


def test_caret_lines_up_by_display_width() -> None:
    error = gsgk.ParseError("bad", line=3, column=4, source_line="一二三x")
    source, caret = str(error).splitlines()[-2:]
    assert caret.index("^") - 2 == display_width("一二三")
    assert source == "  一二三x"


def test_strict_turns_recoveries_into_errors() -> None:
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.load(SEEDS[0], strict=True)
    assert info.value.code == "header-foreign"
    assert info.value.line == 61
    assert gsgk.load(SEEDS[2], strict=True) == gsgk.load(SEEDS[2])


def test_invalid_json() -> None:
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.loads('{"title": ')
    assert info.value.code == "json"


def test_structure_rejects_bad_data_with_a_gsgk_error() -> None:
    with pytest.raises(gsgk.StructureError):
        gsgk.structure({"cells": "nope"})
    with pytest.raises(gsgk.StructureError):
        gsgk.from_records([{"section": 3, "row": "不存在", "column": "自然人", "value": 1}])
    with pytest.raises(gsgk.StructureError):
        gsgk.from_records([{"section": 2, "row": "规章", "column": "本年制发件数", "value": "1.5"}])


def test_oversized_input_is_refused() -> None:
    with pytest.raises(gsgk.InputError):
        gsgk.load(io.BytesIO(b"a" * (gsgk.api.MAX_BYTES + 1)))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\t\n |0123456789一二三四五六、（）规章总计自然人行政复议报告年—")),
               max_size=400))
def test_arbitrary_text_gives_a_report_or_a_gsgk_error(text: str) -> None:
    with contextlib.suppress(gsgk.GsgkError):
        gsgk.loads(text)


@settings(max_examples=examples(100), deadline=None)
@given(st.integers(0, len(TEXT)), st.integers(1, 200))
def test_any_cut_of_a_real_report_gives_a_report_or_a_gsgk_error(start: int, length: int) -> None:
    with contextlib.suppress(gsgk.GsgkError):
        gsgk.loads(TEXT[:start] + TEXT[start + length:])


def test_strict_error_in_an_html_row_quotes_the_row() -> None:
    page = (DATA / "html" / "003_59d91e6a9fd921ee.official.html").read_text("utf-8")
    broken = page.replace("<td>规章</td>", "<td>规章</td><td>9</td>", 1)
    assert broken != page
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.loads(broken, strict=True)
    assert info.value.code == "row-extra-values"
    source, caret = str(info.value).splitlines()[-2:]
    assert source.strip().startswith("规章 | 9 | ")
    assert caret.index("^") == source.index("规章")


def test_an_empty_html_page() -> None:
    with pytest.raises(gsgk.ParseError) as info:
        gsgk.load(io.BytesIO(b"<!DOCTYPE html>"))
    assert info.value.code == "html"


def test_unexpected_tokens_are_named_in_plain_words_each_where_it_stands() -> None:
    lines = TEXT.splitlines()
    report = gsgk.loads("\n".join([*lines[:14], "12\t13\t14", *lines[14:]]))
    found = [(d.line, d.column, d.message[:10]) for d in report.diagnostics if d.code == "token-unexpected"]
    assert found == [(15, 1, "此处不应有数值「12"), (15, 4, "此处不应有数值「13"), (15, 7, "此处不应有数值「14")]
    assert report.cells == gsgk.loads(TEXT).cells
