"""Layouts beyond the seeds: one cell per line without indentation, labels split
over lines, 表四 printed as three labelled rows, tables with blank markers."""

from __future__ import annotations

import gsgk
from gsgk.vocabulary import heading

from conftest import DATA, SEEDS

OTHER_HANDLING_1 = "三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"


def test_plain_cells_with_labels_split_over_lines() -> None:
    report = gsgk.load(DATA / "layouts" / "plain-cells-split-labels.txt")
    assert report.organ == "某县" and report.year == 2023
    assert [report[(2, "行政规范性文件", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [1, 2, 3]
    assert report[(2, "行政许可", "本年处理决定数量")] == 5
    assert str(report[(2, "行政事业性收费", "本年收费金额（单位：万元）")]) == "1.5"
    assert report[(3, OTHER_HANDLING_1, "自然人")] == 0
    assert report[(3, "三、本年度办理结果/（一）予以公开", "总计")] == 2
    codes = {d.code for d in report.diagnostics}
    assert "row-unknown" not in codes and "row-no-values" not in codes


def test_appeals_as_three_labelled_rows() -> None:
    report = gsgk.load(DATA / "layouts" / "plain-cells-split-labels.txt")
    columns = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    assert [report[(4, "行政复议", c)] for c in columns] == [1, 0, 0, 0, 1]
    assert report[(4, "行政诉讼/复议后起诉", "总计")] == 0


def test_tab_rows_with_blank_markers_and_interior_empties() -> None:
    base = gsgk.dumps(gsgk.load(DATA / "layouts" / "plain-cells-split-labels.txt"))
    text = base.replace("规章\t0\t0\t0", "规章\t/\t\t0")
    report = gsgk.loads(text)
    assert [report[(2, "规章", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [None, None, 0]


def test_pdf_copy_with_space_separated_cells_and_markdown_rules() -> None:
    report = gsgk.load(DATA / "layouts" / "pdf-spaced-cells.txt")
    assert (report.organ, report.year, str(report.published)) == ("某市人民政府办公室", 2024, "2024-01-20")
    assert [report[(2, "行政规范性文件", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [1, 2, 3]
    assert [report[(3, "三、本年度办理结果/（一）予以公开", c)] for c in ("自然人", "商业企业", "总计")] == [2, 0, 2]
    assert [report[(4, "行政复议", c)] for c in ("结果维持", "总计")] == [1, 1]
    assert {d.code for d in report.diagnostics} <= {"row-missing"}


def test_markdown_conversion_reads_the_same() -> None:
    report = gsgk.load(SEEDS[3])
    lines = []
    for line in gsgk.dumps(report).splitlines():
        if "\t" in line:
            cells = line.split("\t")
            lines += [f"| {' | '.join(cells)} |", "|" + "---|" * len(cells)]
        elif heading(line):
            lines.append(f"## **{line}**")
        else:
            lines.append(line)
    assert gsgk.loads("\n".join(lines)).cells == report.cells


def test_labels_printed_a_few_characters_per_line() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[3]))
    vertical = text.replace("三、本年度办理结果\t", "\n".join("三、本年度办理结果") + "\n")
    vertical = vertical.replace("（三）不予公开\t", "（三）\n不予\n公开\n")
    assert vertical != text
    report = gsgk.loads(vertical)
    assert report.cells == gsgk.loads(text).cells
    assert report.diagnostics == ()


def test_common_wording_variants_read_the_same() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[3]))
    variant = (text.replace("其他结果", "其它结果").replace("\t其他\n", "\t其它\n")
               .replace("（七）总计", "合计").replace("\t总计\n", "\t合计\n"))
    assert variant.count("其它") == 4 and variant.count("合计") == 3
    report = gsgk.loads(variant)
    assert report.cells == gsgk.loads(text).cells
    assert {d.severity for d in report.diagnostics} == {"info"}


def test_a_header_word_followed_by_values_is_an_unknown_row_not_a_crash() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[3])).replace("（七）总计", "自然人")
    report = gsgk.loads(text)
    assert {d.code for d in report.diagnostics} == {"row-unknown", "row-missing"}
    assert report[(3, "三、本年度办理结果/（七）总计", "总计")] is None


def test_group_labels_glued_to_the_row_label() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[3]))
    glued = (text.replace("\t（三）不予公开\t1.属于国家秘密", "\t（三）不予公开1.属于国家秘密")
             .replace("三、本年度办理结果\t（一）予以公开", "三、本年度办理结果（一）予以公开")
             .replace("\t（四）无法提供\t1.本机关", "\t（四）无法提供 1.本机关"))
    assert glued.count("\t") == text.count("\t") - 3
    report = gsgk.loads(glued)
    assert report.cells == gsgk.loads(text).cells
    assert report.diagnostics == ()


def test_none_written_as_a_word_is_a_blank_cell() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[3])).replace("规章\t0\t0\t0", "规章\t无\t/\t0")
    report = gsgk.loads(text)
    assert [report[(2, "规章", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [None, None, 0]
    assert [d.code for d in report.diagnostics] == ["cell-blank"]


def test_title_found_after_a_breadcrumb_and_publication_line() -> None:
    body = gsgk.dumps(gsgk.load(SEEDS[0])).split("\n", 2)[2]
    copied = ("首页 > 政务公开 > 政府信息公开年报\n发布时间：2023-01-31 来源：灵丘县人民政府办公室\n\n"
              "灵丘县人民政府办公室\n2022年政府信息公开工作年度报告\n" + body)
    report = gsgk.loads(copied)
    assert report.title == "灵丘县人民政府办公室2022年政府信息公开工作年度报告"
    assert (report.organ, report.year) == ("灵丘县人民政府办公室", 2022)
    assert report.preamble[:2] == ("首页 > 政务公开 > 政府信息公开年报",
                                   "发布时间：2023-01-31 来源：灵丘县人民政府办公室")
    assert gsgk.loads(gsgk.dumps(report)) == report


def test_page_furniture_after_the_date() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[0])) + "【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n"
    report = gsgk.loads(text)
    assert (str(report.published), report.signature) == ("2023-01-31", "灵丘县人民政府办公室")
    assert report.other_matters == ("无。", "【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页")
    assert gsgk.loads(gsgk.dumps(report)) == report


def test_signature_and_date_on_one_line() -> None:
    text = gsgk.dumps(gsgk.load(SEEDS[0]))
    text = text.replace("灵丘县人民政府办公室\n2023年1月31日", "灵丘县人民政府办公室　2023年1月31日")
    report = gsgk.loads(text)
    assert (report.signature, str(report.published)) == ("灵丘县人民政府办公室", "2023-01-31")
    assert report.other_matters == ("无。",)
