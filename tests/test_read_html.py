"""HTML pages load to the same values as the hand-checked expectations, blanks stay blank."""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gsgk
from gsgk.errors import MissingExtraError
from gsgk.readers import detect, read_lines
from gsgk.readers.html import decode, read_html
from gsgk.readers.markup import cell_text, page_title, squeeze
from gsgk.template import REQUESTS

from conftest import DATA, SEEDS, agrees, expected_cells, expected_meta

HTML = DATA / "html"
SEED_PAGES = sorted(HTML.glob("*.official.html")) + sorted(HTML.glob("*.word.html"))
CORPUS_PAGES = [p for p in sorted(HTML.glob("*.html")) if p.with_name(p.name.split(".")[0] + ".expected.tsv").exists()]
BLANK_SOURCE = DATA / "seeds" / "000_3d6f15d5316b24ac.txt"


def seed_of(path: Path) -> Path:
    return DATA / "seeds" / (path.name.split(".")[0] + ".txt")


def wrong_cells(report: gsgk.Report, expected: dict[tuple[int, str, str], str]) -> dict[object, object]:
    got = {(r["section"], r["row"], r["column"]): r["value"] for r in gsgk.to_records(report)}
    assert set(got) == set(expected)
    return {k: (v, got[k]) for k, v in expected.items() if not agrees(v, got[k])}


def assert_meta(report: gsgk.Report, meta: dict[str, object]) -> None:
    organs = meta["organ"] if isinstance(meta["organ"], list) else [meta["organ"]]
    assert report.organ in organs
    assert report.year == meta["year"]
    published = meta.get("published")
    if isinstance(published, str):
        assert report.published == datetime.date.fromisoformat(published)


@pytest.mark.parametrize("path", SEED_PAGES, ids=lambda p: p.name)
def test_seed_pages_load_to_the_seed_values(path: Path) -> None:
    report = gsgk.load(path)
    assert wrong_cells(report, expected_cells(seed_of(path))) == {}
    assert_meta(report, expected_meta(seed_of(path)))


@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.name[:12])
def test_real_pages_load_to_their_expected_values(path: Path) -> None:
    report = gsgk.load(path)
    assert wrong_cells(report, expected_cells(path)) == {}
    assert_meta(report, expected_meta(path))


@pytest.mark.parametrize("path", SEED_PAGES, ids=lambda p: p.name)
def test_prose_paragraphs_are_the_seed_lines(path: Path) -> None:
    report = gsgk.load(path)
    lines = {line.strip() for line in seed_of(path).read_text("utf-8").splitlines()}
    for paragraphs in (report.overview, report.problems, report.other_matters):
        assert paragraphs
        assert set(paragraphs) <= lines


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_html_written_by_gsgk_reads_back_equal(path: Path) -> None:
    report = gsgk.load(path)
    assert gsgk.loads(gsgk.dumps(report, format="html")) == report


@pytest.mark.parametrize("path", sorted(HTML.glob("*.official.html")), ids=lambda p: p.name[:3])
def test_page_furniture_stays_out_of_the_report(path: Path) -> None:
    """Each page keeps its article in another container (or none): navigation, footer, scripts stay out."""
    report = gsgk.load(path)
    everything = " ".join((*report.preamble, *report.overview, *report.problems, *report.other_matters))
    for furniture in ("首页", "分享到", "主办单位", "浏览次数", "发布时间", "document.write"):
        assert furniture not in everything
    assert report.title is not None and str(expected_meta(seed_of(path))["year"]) in report.title


def test_the_title_comes_from_the_page_when_the_article_has_none() -> None:
    report = gsgk.load(HTML / "000_3d6f15d5316b24ac.official.html")
    assert report.title == "灵丘县人民政府办公室2022年政府信息公开工作年度报告"


def test_blank_legal_person_columns_are_none_not_zero() -> None:
    report = gsgk.load(HTML / "blank_legal_persons.html")
    expected = expected_cells(BLANK_SOURCE)
    block = REQUESTS.blocks[0]
    legal = {c.label for c in block.columns[1:-1]}
    for (section, row, column), value in expected.items():
        if section == 3 and column in legal:
            assert report[(section, row, column)] is None
        else:
            assert agrees(value, report[(section, row, column)])
    assert report[(3, block.rows[0].label, block.columns[0].label)] == 7
    blank_findings = [f for f in report.diagnostics if f.code == "cell-blank"]
    flagged = {key for f in blank_findings for key in f.cells}
    assert {k for k in expected if k[0] == 3 and k[2] in legal} == flagged


def test_blank_totals_on_detail_rows_stay_blank() -> None:
    report = gsgk.load(HTML / "blank_totals.html")
    expected = expected_cells(BLANK_SOURCE)
    total = REQUESTS.blocks[0].columns[-1].label
    detail = {r.label for r in REQUESTS.blocks[0].rows if len(r.parts) == 3}
    for (section, row, column), value in expected.items():
        if section == 3 and column == total and row in detail:
            assert report[(section, row, column)] is None
        else:
            assert agrees(value, report[(section, row, column)])
    assert any(f.code == "cell-blank" for f in report.diagnostics)


def test_spans_point_at_the_html_source_line() -> None:
    path = HTML / "000_3d6f15d5316b24ac.official.html"
    report = gsgk.load(path)
    source = path.read_text("utf-8").splitlines()
    row = REQUESTS.blocks[0].rows[0]
    span = report.cells.span((3, row.label, "自然人"))
    assert span is not None
    assert source[span.line - 1].startswith("<tr>") and row.leaf in source[span.line - 1]


def test_loads_accepts_html_text_whatever_its_meta_charset() -> None:
    raw = (HTML / "000_3d6f15d5316b24ac.word.html").read_bytes()
    assert b"charset=gb2312" in raw
    assert gsgk.loads(raw.decode("gb18030")) == gsgk.load(HTML / "000_3d6f15d5316b24ac.word.html")


def test_a_page_that_lies_about_its_charset_is_still_read() -> None:
    raw = (HTML / "001_2baf5ee0490418e5.official.html").read_bytes()
    lying = raw.decode("utf-8").encode("gb18030")
    assert b'charset="utf-8"' in lying
    assert gsgk.load(io.BytesIO(lying)) == gsgk.load(io.BytesIO(raw))


def test_format_detection() -> None:
    assert detect((HTML / "000_3d6f15d5316b24ac.word.html").read_bytes()) == "html"
    assert detect((HTML / "pingtan_2024.html").read_bytes()) == "html"


def test_decode_prefers_valid_utf8_then_the_declared_charset() -> None:
    text = '<meta charset="gbk"><p>一、总体情况</p>'
    assert decode(text.encode("utf-8")) == text
    assert decode(text.encode("gbk")) == text
    assert decode(("\ufeff" + text).encode("utf-8")) == text


def cells_of(markup: str) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in read_html(markup.encode("utf-8")) if line.exact]


def test_labels_split_over_paragraphs_runs_and_padding_are_one_cell() -> None:
    markup = ("<table><tr><td><p>社会</p><p><span>公益</span>\n &nbsp; &nbsp;</p><p>组织</p></td>"
              "<td><p>服<span>务</span></p><p>机构<br>名称</p></td><td>12</td></tr></table>")
    assert cells_of(markup) == [["社会公益组织", "服务机构名称", "12"]]


def test_empty_cells_stay_empty_and_keep_their_place() -> None:
    markup = ("<table><tr><td>规章</td><td></td><td>&nbsp;</td><td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>"
              "<td>0</td></tr></table>")
    lines = [line for line in read_html(markup.encode("utf-8")) if line.exact]
    assert [[c.text for c in line.cells] for line in lines] == [["规章", "", "", "", "0"]]
    assert lines[0].exact


def test_spans_are_not_expanded() -> None:
    markup = '<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td colspan="2">4</td></tr>' \
             "<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td></tr></table>"
    assert cells_of(markup) == [["（三）不予公开", "1.属于国家秘密", "4"], ["2.其他法律行政法规禁止公开", "0", "0"]]


def test_cells_outside_rows_and_unclosed_tags() -> None:
    assert cells_of("<table><td>规章</td><td>1</td></table>") == [["规章", "1"]]
    assert cells_of("<table><tr><td>规章<td>1<tr><td>行政强制<td>2</table>") == [["规章", "1"], ["行政强制", "2"]]


def test_layout_tables_are_read_as_paragraphs() -> None:
    markup = ("<table><tr><td><p>一、总体情况</p><p>正文。</p>"
              "<table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>")
    lines = read_html(markup.encode("utf-8"))
    assert [(line.exact, [c.text for c in line.cells]) for line in lines] == [
        (False, ["一、总体情况"]), (False, ["正文。"]), (True, ["规章", "1"])]


def test_hidden_and_script_content_is_dropped() -> None:
    markup = ('<div><p>一、总体情况</p><p style="display: none">隐藏</p><script>var a = "脚本";</script>'
              "<style>p {}</style><p>正文<span hidden>也隐藏</span>。</p></div>")
    assert [line.text for line in read_html(markup.encode("utf-8"))] == ["一、总体情况", "正文。"]


def test_the_page_title_is_put_first_when_the_article_has_none() -> None:
    markup = ("<html><head><title>某县2023年政府信息公开工作年度报告_年报_某县人民政府</title></head><body>"
              '<div class="nav">首页</div><div id="zoom"><p>本报告根据条例编制。</p><p>一、总体情况</p></div>'
              "</body></html>")
    assert [line.text for line in read_html(markup.encode("utf-8"))] == [
        "某县2023年政府信息公开工作年度报告", "本报告根据条例编制。", "一、总体情况"]


def test_the_article_title_is_not_repeated() -> None:
    markup = ('<html><head><meta name="ArticleTitle" content="某县2023年政府信息公开工作年度报告"></head><body>'
              "<h1>某县</h1><div id='zoom'><p>某县</p><p>2023年政府信息公开工作年度报告</p><p>一、总体情况</p></div>"
              "</body></html>")
    assert [line.text for line in read_html(markup.encode("utf-8"))] == [
        "某县", "2023年政府信息公开工作年度报告", "一、总体情况"]


def test_page_title_drops_the_site_suffix() -> None:
    assert page_title("平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会") \
        == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert page_title("某市人民政府 - 某市2023年政府信息公开工作年度报告") == "某市2023年政府信息公开工作年度报告"
    assert page_title("首页 | 某市人民政府") is None


def test_whitespace_collapses_as_a_browser_shows_it() -> None:
    assert squeeze("社会\n  公益") == "社会公益"
    assert squeeze("(一) 主动公开") == "(一) 主动公开"
    assert squeeze("109 号\u3000 文件\u2002。") == "109 号\u3000 文件\u2002。"
    assert squeeze("\u3000\u3000正文。 \u2002\n &nbsp;".replace("&nbsp;", "\xa0")) == "正文。 \u2002"
    assert squeeze("Word\nExport") == "Word Export"
    assert cell_text(["2.申请人逾期未按收费通知要求缴纳费用、", "行政机关不再处理"]) \
        == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
    assert cell_text(["1,234", "万元"]) == "1,234 万元"


def test_missing_lxml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(MissingExtraError, match=r'pip install "gsgk\[html\]"'):
        read_lines(b"<html><p>x</p></html>", "html")


WIDE = "政府信息公开申请数量本年度办理结果不予公开属于国家秘密（）、“”"
NARROW = "0123456789.,-"
_BREAKS = ("</p><p>", "<br>", "</span>\n &nbsp;&nbsp;</p><p><span>", "</p>\n  <p>", "\n")
"""Markup that breaks a label between two Chinese characters: layout, not part of the label."""
_BLANK_MARKUP = ("", "&nbsp;", "<o:p>&nbsp;</o:p>", "<p class=MsoNormal>&nbsp;</p>", " \n ")


@st.composite
def marked_up_cell(draw: st.DrawFn) -> tuple[str, str]:
    """A cell text and markup for it: split into runs anywhere, into paragraphs between Chinese characters."""
    text = draw(st.text(alphabet=WIDE + NARROW, min_size=1, max_size=20))
    out = []
    for i, ch in enumerate(text):
        if i and _wide(text[i - 1]) and _wide(ch) and draw(st.booleans()):
            out.append(draw(st.sampled_from(_BREAKS)))
        elif i and draw(st.booleans()):
            out.append("</span><span style='mso-bidi-font-family:宋体'>")
        out.append(ch)
    return text, f"<p><span>{''.join(out)}</span></p>"


def _wide(ch: str) -> bool:
    return ch in WIDE


@given(st.lists(st.one_of(marked_up_cell(), st.sampled_from(_BLANK_MARKUP).map(lambda m: ("", m))),
                min_size=1, max_size=8))
def test_cell_texts_survive_any_markup(cells: list[tuple[str, str]]) -> None:
    row = "".join(f"<td>{markup}</td>" for _, markup in cells)
    assert cells_of(f"<table><tr>{row}</tr></table>") == [[text for text, _ in cells]]


def test_spans_place_cells_on_the_grid_as_a_browser_does() -> None:
    from gsgk.blocks import Table
    from gsgk.readers.html import _parse, _Walker

    markup = """<table>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>4</td></tr>
      <tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td></td></tr>
      <tr><td colspan="99999">四、结转下年度继续办理</td></tr>
    </table>"""
    [grid] = [block for block, _ in _Walker().run(_parse(markup)) if isinstance(block, Table)]
    assert [(c.text, c.row, c.column, c.rowspan, c.colspan) for c in grid.cells] == [
        ("三、本年度办理结果", 0, 0, 2, 1), ("（一）予以公开", 0, 1, 1, 2), ("4", 0, 3, 1, 1),
        ("（三）不予公开", 1, 1, 1, 1), ("1.属于国家秘密", 1, 2, 1, 1), ("", 1, 3, 1, 1),
        ("四、结转下年度继续办理", 2, 0, 1, 100),
    ]
