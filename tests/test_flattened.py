"""Text that lost its table: glued digit runs and column-major tables read back through the template's sums.

The fixtures in ``data/flattened`` are made by ``data/flattened/make_flattened.py``
the way crawlers make them (lxml ``text_content()`` of a page, with and without
its whitespace; pdfminer's ``extract_text`` of a PDF); the expected values are
the reports' hand-checked ``expected.tsv``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gsgk
from gsgk import ParseError, Report
from gsgk.flattened.split import Budget, TooMany, row_readings
from gsgk.template import TEMPLATE

from conftest import DATA, agrees, examples, expected_cells
from strategies import consistent_cells, reports

FLAT = sorted(p for p in (DATA / "flattened").glob("*.txt") if not p.name.startswith("generated_"))
GARBLED = sorted((DATA / "flattened").glob("generated_*.pdfminer.txt"))
_SOURCES = {"pingtan_2024": DATA / "html", "测试市(杭州式样例)_2025_filingHtmlImport-fixture": DATA / "html"}
GLUED = [p for p in FLAT if not p.name.endswith(".pdfminer.txt")]
SEED_FORMS = [p for p in GLUED if (DATA / "seeds" / (p.name.split(".")[0] + ".txt")).exists()]
TABLES = [c.key for c in TEMPLATE.cells if c.section in (3, 4)]


READ = ("flattened-split", "flattened-columns")


def expected_for(path: Path) -> dict[tuple[int, str, str], str]:
    stem = path.name.split(".")[0]
    for folder in (DATA / "seeds", _SOURCES.get(stem, DATA / "flattened")):
        if (folder / f"{stem}.expected.tsv").exists():
            return expected_cells(folder / f"{stem}.txt")
    raise FileNotFoundError(stem)


def load(path: Path) -> Report | None:
    """The report a fixture loads to; ``None`` for PDF text whose numbers no count explains.

    pdfminer sometimes emits a table's numbers after the next section's heading;
    that text must end in the true error, not in a reading.
    """
    try:
        return gsgk.load(path)
    except ParseError as exc:
        if not path.name.endswith(".pdfminer.txt"):
            raise
        assert exc.code == "flattened" and "column by column" in exc.message
        return None


def _open_cells(report: Report) -> set[tuple[int, str, str]]:
    """Cells an error says were left blank because the flattened text did not settle them."""
    return {key for f in report.diagnostics if f.code in ("flattened-ambiguous", "flattened-unreadable")
            for key in f.cells}


@pytest.mark.parametrize("path", FLAT, ids=lambda p: p.name)
def test_flattened_form_reads_its_known_values_or_leaves_them_blank_with_an_error(path: Path) -> None:
    report = load(path)
    if report is None:
        return
    expected = expected_for(path)
    assert any(f.code in READ for f in report.diagnostics)
    for key, value in expected.items():
        if key[0] == 1 or key[0] > 4:
            continue
        got = report.cells[key]
        if got is None and value not in ("", "~0"):
            assert key in _open_cells(report), key
        else:
            assert agrees(value, got), (key, value, got)


def test_seeds_glued_forms_give_back_at_least_95_percent_of_nonzero_cells() -> None:
    right = total = 0
    for path in SEED_FORMS:
        report, expected = gsgk.load(path), expected_for(path)
        for key in TABLES:
            if expected[key] not in ("", "~0", "0"):
                total += 1
                right += agrees(expected[key], report.cells[key])
    assert total > 0 and right / total >= 0.95


@pytest.mark.parametrize("path", FLAT, ids=lambda p: p.name)
def test_every_value_read_from_a_glued_run_is_marked_inferred(path: Path) -> None:
    report = load(path)
    if report is None:
        return
    split = {key for f in report.diagnostics if f.code in READ for key in f.cells}
    assert split
    assert all(report.cells.is_inferred(key) for key in split)
    assert all(report.cells[key] is not None for key in split)


def test_most_pdf_texts_are_read() -> None:
    pdf = [p for p in FLAT if p.name.endswith(".pdfminer.txt")]
    assert len(pdf) >= 6 and sum(load(p) is not None for p in pdf) >= len(pdf) - 1


def test_a_column_major_table_is_read_column_by_column() -> None:
    report = gsgk.load(DATA / "flattened" / "淮安市人民政府_2024.pdfminer.txt")
    rules, rows = TEMPLATE.section(2).blocks[0].rows
    assert [report.cells[c.key] for c in TEMPLATE.row_cells(2, rules)] == [1, 0, 11]
    assert [report.cells[c.key] for c in TEMPLATE.row_cells(2, rows)] == [8, 26, 66]
    (note, *_) = [f for f in report.diagnostics if f.code == "flattened-columns"]
    assert "逐栏排列" in note.message


def test_numbers_that_fit_no_rows_give_a_true_error() -> None:
    text = "\n".join(["某县人民政府2023年政府信息公开工作年度报告", "二、主动公开政府信息情况",
                      "第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "本年制发件数", "本年废止件数",
                      "现行有效件数", "1", "8", "0", "26", "11", "66", "第二十条第（五）项", "行政许可", "3", "5",
                      "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"])
    with pytest.raises(ParseError) as caught:
        gsgk.loads(text)
    assert caught.value.code == "flattened" and "column by column" in caught.value.message
    assert "「行政许可」" in caught.value.message


def test_metadata_survives_the_flattening() -> None:
    path = DATA / "flattened" / "000_3d6f15d5316b24ac.collapsed.txt"
    report = gsgk.load(path)
    assert report.organ == "灵丘县人民政府办公室" and report.year == 2022


def _flat(rows: str) -> str:
    """A one-line report around some table text (headings and the rest glued on)."""
    return ("某县人民政府2023年政府信息公开工作年度报告一、总体情况本县公开信息。二、主动公开政府信息情况"
            f"{rows}三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量21710000218"
            "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况无。六、其他需要报告的事项无。")


def test_a_heading_in_other_words_is_found_inside_the_line() -> None:
    text = _flat("规章000").replace("五、存在的主要问题及改进情况无。", "五、存在问题及改进情况仍有不足。")
    report = gsgk.loads(text)
    assert report.problems == ("仍有不足。",)
    assert not [f for f in report.diagnostics if f.code == "section-missing"]


def test_a_run_with_several_readings_stays_blank_and_the_error_lists_them() -> None:
    report = gsgk.loads(_flat("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章3574"))
    keys = [c.key for c in TEMPLATE.row_cells(2, TEMPLATE.section(2).blocks[0].rows[0])]
    assert all(report.cells[k] is None for k in keys)
    (error,) = [f for f in report.diagnostics if f.code == "flattened-ambiguous"]
    assert error.severity == "error" and set(error.cells) == set(keys)
    assert "3/5/74" in error.message and "3/57/4" in error.message and "35/7/4" in error.message


def test_the_error_says_which_readings_the_prose_supports() -> None:
    text = _flat("行政规范性文件6233440").replace("本县公开信息。", "本年制发行政规范性文件62件。")
    (error,) = [f for f in gsgk.loads(text).diagnostics if f.code == "flattened-ambiguous"]
    assert "正文「行政规范性文件62件」与其中4种相符" in error.message and "62/33/440" in error.message


def test_a_row_split_by_its_sum_is_read_and_says_which_rule_fixed_it() -> None:
    report = gsgk.loads(_flat("规章000"))
    row = TEMPLATE.section(3).blocks[0].rows[0]
    assert [report.cells[c.key] for c in TEMPLATE.row_cells(3, row)] == [217, 1, 0, 0, 0, 0, 218]
    (note,) = [f for f in report.diagnostics if f.code == "flattened-split" and "21710000218" in f.message]
    assert note.severity == "warning" and "总计等于自然人与法人或其他组织各列之和" in note.message


def test_a_run_past_the_search_limit_stays_blank_with_an_error() -> None:
    text = _flat("规章000").replace("四、政府信息公开行政复议、行政诉讼情况",
                                     "四、政府信息公开行政复议、行政诉讼情况" + "1" * 60)
    report = gsgk.loads(text)
    assert all(report.cells[c.key] is None for c in TEMPLATE.section_cells(4))
    (error,) = [f for f in report.diagnostics if f.code == "flattened-unreadable"]
    assert "搜索上限" in error.message


def test_strict_refuses_a_flattened_reading() -> None:
    lenient = gsgk.loads(_flat("规章000"))
    assert any(f.code.startswith("flattened") for f in lenient.diagnostics)
    with pytest.raises(ParseError) as caught:
        gsgk.loads(_flat("规章000"), strict=True)
    assert caught.value.code in {f.code for f in lenient.diagnostics if f.severity != "info"}


def test_flattened_text_that_cannot_be_read_gets_a_true_error() -> None:
    text = _flat("规章000").replace("21710000218", "12345678901")
    text = text.replace("规章000", "规章1234567")
    with pytest.raises(ParseError) as caught:
        gsgk.loads(text)
    assert caught.value.code == "flattened"
    assert "lost their layout" in caught.value.message and "none of its tables" not in str(caught.value)


def test_text_without_a_report_keeps_the_old_error() -> None:
    with pytest.raises(ParseError, match="none of its tables was found"):
        gsgk.loads("这是一段与年报无关的文字123。")


def _glued(report: Report) -> str:
    page = gsgk.dumps(report, format="html")
    return re.sub(r"\s+", "", lxml.html.fromstring(page).text_content())


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), consistent_cells())
def test_gluing_every_row_of_a_consistent_report_never_gives_a_wrong_value(report: Report, cells: object) -> None:
    import attrs

    report = attrs.evolve(report, cells=cells)
    back = gsgk.loads(_glued(report))
    for key in TABLES:
        got = back.cells[key]
        assert got is None or got == report.cells[key], key
        assert got is not None or report.cells[key] is None or key in _open_cells(back), key


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=99_999), min_size=6, max_size=6),
       st.lists(st.integers(min_value=0, max_value=9_999), min_size=12, max_size=12))
def test_the_true_reading_of_a_glued_row_is_always_among_the_readings(parts: list[int], appeals: list[int]) -> None:
    row = TEMPLATE.section(3).blocks[0].rows[0]
    cases = [(TEMPLATE.row_cells(3, row), [*parts, sum(parts)])]
    groups = [appeals[i: i + 4] for i in range(0, 12, 4)]
    cases.append((TEMPLATE.section_cells(4), [v for g in groups for v in (*g, sum(g))]))
    for cells, values in cases:
        keys = {c.key for c in cells}
        inside = [i for i in TEMPLATE.identities if all(c.key in keys for c in i.cells)]
        try:
            readings = row_readings(cells, ["".join(map(str, values))], inside, Budget())
        except TooMany:
            continue
        assert tuple(values) in readings


_PIECES = [*(s.heading for s in TEMPLATE.sections), *(r.leaf for _, b in TEMPLATE.blocks() for r in b.rows),
           *(c.label for _, b in TEMPLATE.blocks() for c in b.columns), "第二十条第（一）项", "。", "\n", " ", "—",
           "- 2 -", "2023年1月20日", "某县人民政府"]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.from_regex(r"[0-9]{1,12}(\.[0-9]{1,2})?", fullmatch=True), max_size=80))
def test_any_mix_of_template_words_and_digits_loads_or_raises_a_parse_error(pieces: list[str]) -> None:
    try:
        report = gsgk.loads("".join(pieces))
    except ParseError:
        return
    for key in report.cells.inferred:
        assert report.cells[key] is not None


@pytest.mark.parametrize("path", GARBLED, ids=lambda p: p.name.removesuffix(".pdfminer.txt"))
def test_a_reading_out_of_any_order_gives_no_wrong_value_and_flags_every_blank(path: Path) -> None:
    """pdfminer's text of these pages gives labels and numbers in no order the template allows: a value read
    from it is right, or the cell is blank and named by a finding, or the text is refused with a true error."""
    truth = gsgk.structure(json.loads(path.with_name(path.name.split(".")[0] + ".json").read_text("utf-8")))
    report = load(path)
    if report is None:
        return
    assert [k for k in truth.cells if report.cells[k] is not None and report.cells[k] != truth.cells[k]] == []
    flagged = {key for f in report.diagnostics if f.severity != "info" for key in f.cells}
    assert [k for k in truth.cells if report.cells[k] is None and truth.cells[k] is not None
            and k not in flagged] == []


def test_values_no_sum_verifies_in_a_reading_out_of_order_are_blanked_and_listed() -> None:
    report = gsgk.load(DATA / "flattened" / "generated_8.chromium.pdfminer.txt")
    unverified = [f for f in report.diagnostics if f.code == "flattened-unverified"]
    assert len(unverified) == 1 and unverified[0].severity == "error" and unverified[0].cells
    assert all(report.cells[key] is None for key in unverified[0].cells)


def test_a_row_its_own_sums_verify_is_kept_from_a_reading_out_of_order() -> None:
    text = (DATA / "flattened" / "generated_5.pdfminer.txt").read_text("utf-8")
    row = "\n".join(["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "0", "4"])
    first = text.index("一、本年新收政府信息公开申请数量")
    report = gsgk.loads(text[:first] + row + "\n" + text[first:])
    key = (3, "一、本年新收政府信息公开申请数量", "总计")
    assert report.cells[key] == 4 and not report.cells.is_inferred(key)
    assert [k for k in report.cells if report.cells[k] is not None and k[1] != key[1]] == []  # nothing else kept
