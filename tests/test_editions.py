"""The 2019 edition of the template (国办公开办函〔2019〕60号) beside 2021: reading, rendering, records, series."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import gsgk
from gsgk.checks import check, check_series
from gsgk.template import EDITIONS, TEMPLATE, TEMPLATE_2019

from conftest import DATA, SEEDS, agrees, expected_cells, expected_meta

SHANGHAI = DATA / "edition-2019" / "上海市人民政府办公厅_2019.html"
RESULTS = "三、本年度办理结果"


@pytest.fixture(scope="module")
def shanghai() -> gsgk.Report:
    return gsgk.load(SHANGHAI)


def test_2019_report_loads_to_its_hand_checked_values(shanghai: gsgk.Report) -> None:
    assert shanghai.edition == 2019 and shanghai.template is TEMPLATE_2019
    got = {(r["section"], r["row"], r["column"]): r["value"] for r in gsgk.to_records(shanghai)}
    expected = expected_cells(SHANGHAI)
    assert set(got) == set(expected)
    assert {k: (v, got[k]) for k, v in expected.items() if not agrees(v, got[k])} == {}
    meta = expected_meta(SHANGHAI)
    assert (shanghai.organ, shanghai.year) == (meta["organ"][0], meta["year"])
    assert shanghai.edition == meta["edition"]


def test_money_printed_in_yuan_is_stored_in_wan(shanghai: gsgk.Report) -> None:
    assert shanghai["procurement", "procurement_amount"] == Decimal("25.1")
    (note,) = [d for d in shanghai.diagnostics if d.code == "number-unit-converted"]
    assert "251000元" in note.message and note.cells == ((2, "政府集中采购", "采购总金额"),)


def test_blank_total_column_stays_blank_and_is_reported(shanghai: gsgk.Report) -> None:
    rows = [r for r in TEMPLATE_2019.section(3).blocks[0].rows
            if r.label.startswith(RESULTS) and r.key != "handled_total"]
    blank_totals = {(3, r.label, "总计") for r in rows}
    assert all(shanghai.cells[key] is None for key in blank_totals)
    assert shanghai["disclosed", "natural_person"] == 258
    found = check(shanghai)
    named = {key for f in found if f.code == "cell-blank" for key in f.cells}
    assert blank_totals <= named
    warned = {key for f in found if f.code == "sum-total-blank" for key in f.cells}
    assert (3, f"{RESULTS}/（一）予以公开", "总计") in warned and warned <= blank_totals
    assert len(warned) == 11  # the rows that print a value other than 0
    assert not [f for f in found if f.severity == "error"]


def test_edition_comes_from_the_tables_not_the_year(shanghai: gsgk.Report) -> None:
    later = gsgk.loads(gsgk.dumps(shanghai).replace("2019年", "2023年"))
    assert later.year == 2023 and later.edition == 2019
    earlier = gsgk.loads(gsgk.dumps(gsgk.load(SEEDS[3])).replace("2023年", "2020年"))
    assert earlier.year == 2020 and earlier.edition == 2021


def test_2021_report_with_a_single_other_row_stays_2021() -> None:
    single = "（六）其他处理" + "\t0" * 7
    text = gsgk.dumps(gsgk.load(SEEDS[3])).replace("四、结转下年度", f"{single}\n四、结转下年度")
    report = gsgk.loads(text)
    assert report.edition == 2021
    assert {"row-group-values", "edition-mixed"} <= {d.code for d in report.diagnostics}


def test_2019_report_with_2021_block_reads_by_majority(shanghai: gsgk.Report) -> None:
    text = gsgk.dumps(shanghai).replace("上一年项目数量\t本年增/减\t处理决定数量", "本年处理决定数量", 1)
    text = text.replace("行政许可\t0\t0\t0\n", "行政许可\t5\n")
    report = gsgk.loads(text)
    assert report.edition == 2019
    (block,) = [d for d in report.diagnostics if d.code == "block-other-edition"]
    assert "第二十条第（五）项" in block.message
    assert report["licensing", "decisions"] is None
    assert report["rules", "made"] == 13


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_2019_report_reads_back_equal(shanghai: gsgk.Report, fmt: str) -> None:
    again = gsgk.loads(gsgk.dumps(shanghai, format=fmt))
    assert again == shanghai and again.edition == 2019


def test_2019_report_reads_back_from_docx_and_markdown(shanghai: gsgk.Report) -> None:
    pytest.importorskip("docx")
    out = io.BytesIO()
    gsgk.dump(shanghai, out, format="docx")
    assert gsgk.load(io.BytesIO(out.getvalue())) == shanghai
    markdown = gsgk.loads(gsgk.dumps(shanghai, format="markdown"))
    assert markdown.edition == 2019 and markdown.cells == shanghai.cells


def test_2019_form_is_printed(shanghai: gsgk.Report) -> None:
    text = gsgk.dumps(shanghai)
    assert "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t6\t25.1\n" in text
    assert "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t13\t13\t524\n" in text
    assert "本年制发件数" not in text and "1.申请人无正当理由" not in text
    assert "\n\t（六）其他处理\t" + "\t—" * 7 + "\n" in text
    html = gsgk.dumps(shanghai, format="html")
    assert html.count("<table") == 7 and "采购总金额" in html


def test_change_may_be_negative() -> None:
    cells = gsgk.Cells.blank(2019).replace({("licensing", "items_change"): -3, ("licensing", "items_last_year"): 0})
    report = gsgk.Report(cells=cells)
    assert not [f for f in check(report) if f.code == "value-negative"]
    assert gsgk.loads(gsgk.dumps(report))["licensing", "items_change"] == -3
    negative = gsgk.Report(cells=cells.replace({("licensing", "items_last_year"): -1}))
    assert [f.code for f in check(negative) if f.code == "value-negative"] == ["value-negative"]


def test_2019_sums_cover_the_single_other_row() -> None:
    column = "natural_person"
    cells = gsgk.Cells.blank(2019).replace({
        **{(r.key, column): 0 for r in TEMPLATE_2019.section(3).blocks[0].rows},
        ("other_handling", column): 2, ("handled_total", column): 1,
    })
    found = [f for f in check(gsgk.Report(cells=cells)) if f.code == "sum-results"]
    assert len(found) == 1 and (3, f"{RESULTS}/（六）其他处理", "自然人") in found[0].cells


# --- keys shared by the editions ------------------------------------------------
def test_cells_of_the_same_meaning_share_keys_and_labels() -> None:
    def common(template: gsgk.template.Template) -> dict[tuple[str, str], tuple[int, str, str]]:
        return {c.keys: c.key for c in template.cells
                if c.section == 4 or (c.section == 3 and "（六）其他处理" not in c.row.label)}

    assert common(TEMPLATE) == common(TEMPLATE_2019)
    assert len(common(TEMPLATE)) == 22 * 7 + 15
    only_2019 = {c.keys for c in TEMPLATE_2019.cells} - {c.keys for c in TEMPLATE.cells}
    assert ("other_handling", "total") in only_2019 and ("procurement", "procurement_amount") in only_2019
    assert TEMPLATE_2019.find("licensing", "decisions") is not None  # 处理决定数量 ↔ 本年处理决定数量


def test_every_edition_has_unique_key_pairs() -> None:
    for template in EDITIONS.values():
        assert len({c.keys for c in template.cells}) == len(template.cells)


def test_records_carry_the_edition_and_round_trip(shanghai: gsgk.Report) -> None:
    records = gsgk.to_records(shanghai)
    assert len(records) == 198 and {r["edition"] for r in records} == {2019}
    assert records[0] == {"edition": 2019, "section": 2, "row": "规章", "column": "本年新制作数量",
                          "row_key": "rules", "column_key": "made", "value": 13}
    again = gsgk.from_records(records, organ=shanghai.organ)
    assert again.edition == 2019 and again.cells == shanghai.cells
    by_keys = [{"row_key": r["row_key"], "column_key": r["column_key"], "value": r["value"]} for r in records]
    assert gsgk.from_records(by_keys, edition=2019).cells == shanghai.cells


def test_records_of_two_editions_are_not_one_report(shanghai: gsgk.Report) -> None:
    mixed = gsgk.to_records(shanghai)[:3] + gsgk.to_records(gsgk.load(SEEDS[0]))[:3]
    with pytest.raises(gsgk.StructureError, match="several editions"):
        gsgk.from_records(mixed)
    with pytest.raises(gsgk.StructureError, match="not a cell of the 2021 edition"):
        gsgk.from_records(gsgk.to_records(shanghai), edition=2021)
    with pytest.raises(gsgk.StructureError, match="no 2020 edition"):
        gsgk.from_records([], edition=2020)


def test_json_carries_the_edition(shanghai: gsgk.Report) -> None:
    data = json.loads(gsgk.dumps(shanghai, format="json"))
    assert data["edition"] == 2019 and len(data["cells"]) == 198
    assert gsgk.structure(data) == shanghai
    del data["edition"]
    with pytest.raises(gsgk.StructureError, match="not a cell of the 2021 edition"):
        gsgk.structure(data)


# --- one frame, one series across the edition change ------------------------------
def _as(report: gsgk.Report, organ: str, year: int) -> gsgk.Report:
    return gsgk.Report(cells=report.cells, organ=organ, year=year)


def test_series_across_the_edition_change(shanghai: gsgk.Report) -> None:
    organ = "上海市人民政府办公厅"
    later = gsgk.load(SEEDS[3])  # 2021 edition, 二、上年结转 all 0
    found = check_series([_as(shanghai, organ, 2020), _as(later, organ, 2021)])
    carried = [f for f in found if f.code == "series-carry"]
    # 2020 carried 72 (自然人) and 72 (总计) forward; the 2021 report carried over 0
    assert [f.cells[0][2] for f in carried] == ["自然人", "总计"]
    assert {f.code for f in found} == {"series-carry"}


def test_items_continue_within_the_2019_edition() -> None:
    def year(y: int, listed: int, change: int) -> gsgk.Report:
        cells = gsgk.Cells.blank(2019).replace({("licensing", "items_last_year"): listed,
                                                ("licensing", "items_change"): change})
        return gsgk.Report(cells=cells, organ="某市人民政府", year=y)

    assert check_series([year(2019, 10, 2), year(2020, 12, 0)]) == []
    (found,) = check_series([year(2019, 10, 2), year(2020, 11, 0)])
    assert found.code == "series-items" and "相差1" in found.message


def test_one_frame_of_both_editions(shanghai: gsgk.Report) -> None:
    pytest.importorskip("pandas")
    organ = "上海市人民政府办公厅"
    reports = [_as(shanghai, organ, 2020), _as(gsgk.load(SEEDS[3]), organ, 2021)]
    frame = gsgk.to_frame(reports)
    assert len(frame) == 198 + 200
    assert list(frame.groupby("year")["edition"].first()) == [2019, 2021]
    received = frame[(frame["row_key"] == "received") & (frame["column_key"] == "total")]
    assert list(received["value"]) == [859.0, 22.0]
    wide = gsgk.to_wide_frame(reports)
    assert list(wide["received.total"]) == [859.0, 22.0]
    assert wide["procurement.procurement_amount"].iloc[0] == 25.1
    assert wide["procurement.procurement_amount"].isna().iloc[1]  # 2021 has no such cell
    assert wide["rules.issued"].isna().iloc[0] and wide["rules.issued"].iloc[1] == 0


def test_wide_frame_keeps_failed_files(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    broken = tmp_path / "broken.txt"
    broken.write_text("不是报告", encoding="utf-8")
    wide = gsgk.to_wide_frame([broken, SEEDS[0]])
    assert len(wide) == 2 and wide["error"].iloc[0].startswith("ParseError")
    assert wide["edition"].isna().iloc[0] and wide["edition"].iloc[1] == 2021
    assert wide.iloc[0, 5:].isna().all()


def test_docs_name_only_keys_the_template_has() -> None:
    text = (Path(__file__).parents[1] / "docs" / "editions.md").read_text("utf-8")
    mapping = text[text.index("## What differs"):text.index("## Keys in the API")]
    spans = [s for s in re.findall(r"`([^`]+)`", mapping) if re.fullmatch(r"\(?[a-z_]+(\s*[|,]\s*[a-z_*]+)*\)?", s)]
    named = {word for span in spans for word in re.findall(r"[a-z][a-z_]*", span)}
    keys = {k for t in EDITIONS.values() for c in t.cells for k in c.keys}
    assert {"other_handling", "procurement_amount", "decisions", "in_force"} <= named
    assert named - keys == set()


def test_money_under_a_header_in_yuan_is_stored_in_wan(shanghai: gsgk.Report) -> None:
    text = gsgk.dumps(shanghai).replace("采购项目数量\t采购总金额\n政府集中采购\t6\t25.1",
                                         "采购项目数量\t采购总金额（单位：元）\n政府集中采购\t6\t251000")
    report = gsgk.loads(text)
    assert report == shanghai
    assert "number-unit-converted" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("layout", ["one cell per indented line", "space-separated cells"])
def test_2019_report_in_copy_layouts(shanghai: gsgk.Report, layout: str) -> None:
    lines: list[str] = []
    for line in gsgk.dumps(shanghai).splitlines():
        cells = [c for c in line.split("\t") if c]
        if "\t" not in line:
            lines.append(line)
        elif layout == "space-separated cells":
            lines.append(" ".join(cells))
        else:
            lines += [f"\t{c}" for c in cells] + [""]
    report = gsgk.loads("\n".join(lines))
    assert report.edition == 2019 and report.cells == shanghai.cells
    assert [d for d in report.diagnostics if d.severity != "info"] == []
