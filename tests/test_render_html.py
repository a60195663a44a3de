"""The HTML standard form: its structure (parsed, not string-matched), escaping and round trip."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import gsgk
from gsgk.template import TEMPLATE

from conftest import SEEDS, agrees, examples, expected_cells
from strategies import reports


@attrs.define
class Td:
    tag: str
    text: str
    rowspan: int
    colspan: int


class Page(HTMLParser):
    """Blocks (h1, h2, p with their text) and tables (rows of Td) in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, str]] = []
        self.tables: list[list[list[Td]]] = []
        self.styles: list[str] = []
        self._open: tuple[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = dict(attrs_)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.tables[-1][-1].append(Td(tag, "", int(a.get("rowspan") or 1), int(a.get("colspan") or 1)))
        if tag in ("h1", "h2", "p", "td", "th", "style", "title"):
            self._open, self._text = (tag, a.get("class") or ""), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self._open or tag != self._open[0]:
            return
        text = "".join(self._text)
        if tag in ("td", "th"):
            self.tables[-1][-1][-1].text = text
        elif tag == "style":
            self.styles.append(text)
        else:
            self.blocks.append((tag, self._open[1], text))
        self._open = None


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def seed() -> gsgk.Report:
    return gsgk.load(SEEDS[0])


@pytest.fixture(scope="module")
def page(seed: gsgk.Report) -> Page:
    return parse(gsgk.dumps(seed, format="html"))


def shape(row: list[Td]) -> list[tuple[str, int, int]]:
    return [(td.text, td.rowspan, td.colspan) for td in row]


def test_six_headings_in_order(page: Page) -> None:
    assert [text for tag, _, text in page.blocks if tag == "h2"] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]


def test_active_is_four_subtables(page: Page) -> None:
    active = page.tables[:4]
    assert [t[0][0].text for t in active] == ["第二十条第（一）项", "第二十条第（五）项",
                                               "第二十条第（六）项", "第二十条第（八）项"]
    assert shape(active[0][0]) == [("第二十条第（一）项", 1, 4)]
    assert shape(active[0][1]) == [("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1),
                                   ("现行有效件数", 1, 1)]
    assert [r[0].text for r in active[2][2:]] == ["行政处罚", "行政强制"]
    assert active[3][1][1].text == "本年收费金额（单位：万元）"


def test_requests_header_spans(page: Page) -> None:
    table = page.tables[4]
    assert shape(table[0]) == [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                               ("申请人情况", 1, 7)]
    assert shape(table[1]) == [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]
    assert [td.text for td in table[2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_requests_body_labels(page: Page) -> None:
    body = page.tables[4][3:]
    assert len(body) == 25
    labels = [[td for td in row if td.tag == "th"] for row in body]
    assert shape(labels[0]) == [("一、本年新收政府信息公开申请数量", 1, 3)]
    assert shape(labels[2]) == [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)]
    assert shape(labels[3]) == [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)]
    assert shape(labels[4]) == [("（三）不予公开", 8, 1), ("1.属于国家秘密", 1, 1)]
    assert shape(labels[12]) == [("（四）无法提供", 3, 1), ("1.本机关不掌握相关政府信息", 1, 1)]
    assert shape(labels[15]) == [("（五）不予处理", 5, 1), ("1.信访举报投诉类申请", 1, 1)]
    assert shape(labels[20]) == [("（六）其他处理", 3, 1),
                                 ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 1)]
    assert shape(labels[23]) == [("（七）总计", 1, 2)]
    assert shape(labels[24]) == [("四、结转下年度继续办理", 1, 3)]
    assert all(len([td for td in row if td.tag == "td"]) == 7 for row in body)


def test_every_grid_row_is_full(page: Page) -> None:
    """Spans tile each table exactly: every row covers the table's width."""
    for table in page.tables:
        width = sum(td.colspan for td in table[0])
        covered = [0] * len(table)
        for r, row in enumerate(table):
            for td in row:
                for k in range(td.rowspan):
                    covered[r + k] += td.colspan
        assert covered == [width] * len(table)


def test_appeals_header_spans(page: Page) -> None:
    table = page.tables[5]
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert shape(table[0]) == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]
    assert shape(table[1]) == [(t, 2, 1) for t in results] + [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)]
    assert [td.text for td in table[2]] == results * 2
    assert len(table[3]) == 15 and all(td.tag == "td" for td in table[3])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_values_in_template_order(path: Path) -> None:
    """The <td>s, read in document order, are the hand-checked values in template order."""
    tds = [td.text for table in parse(gsgk.dumps(gsgk.load(path), format="html")).tables
           for row in table for td in row if td.tag == "td"]
    expected = expected_cells(path)
    assert len(tds) == len(TEMPLATE.cells) == len(expected)
    wrong = [(cell.key, tds[i]) for i, cell in enumerate(TEMPLATE.cells)
             if not agrees(expected[cell.key], int(tds[i]) if tds[i].isdigit() else tds[i] or None)]
    assert wrong == []


def test_blank_is_empty_and_zero_is_zero() -> None:
    received = TEMPLATE.cells[TEMPLATE.index[(3, "一、本年新收政府信息公开申请数量", "自然人")]]
    business = TEMPLATE.cells[TEMPLATE.index[(3, "一、本年新收政府信息公开申请数量", "商业企业")]]
    report = gsgk.Report(cells=gsgk.Cells.blank().replace({received: 0, business: 12}))
    row = parse(gsgk.dumps(report, format="html")).tables[4][3]
    assert [td.text for td in row[1:]] == ["0", "12", "", "", "", "", ""]


def test_prose_is_escaped() -> None:
    text = "<script>alert('x')</script> a < b & c > d。"
    report = gsgk.Report(title="某局2023年政府信息公开工作年度报告", overview=(text,), problems=("</p><p>",))
    page = parse(gsgk.dumps(report, format="html"))
    assert ("p", "", text) in page.blocks
    assert ("p", "", "</p><p>") in page.blocks
    assert not any(t == "script" for t, _, _ in page.blocks)


def test_title_signature_and_date(seed: gsgk.Report, page: Page) -> None:
    assert page.blocks[:2] == [("title", "", seed.title), ("h1", "title", seed.title)]
    assert page.blocks[-2:] == [("p", "signature", "灵丘县人民政府办公室"), ("p", "date", "2023年1月31日")]


def test_page_is_printable_with_chinese_fonts(page: Page) -> None:
    css = "".join(page.styles)
    assert "@page" in css and "A4" in css
    for font in ('"FangSong"', '"仿宋"', '"SimSun"', '"Noto Serif CJK SC"', "serif"):
        assert font in css


def test_fragment_is_one_div(seed: gsgk.Report) -> None:
    fragment = gsgk.dumps(seed, format="html", fragment=True)
    assert fragment.startswith('<div class="gsgk-report">') and fragment.rstrip().endswith("</div>")
    assert "<html" not in fragment and "@page" not in fragment
    assert len(parse(fragment).tables) == 6


@settings(max_examples=examples(200), deadline=None)
@given(reports())
def test_html_round_trip(report: gsgk.Report) -> None:
    assert gsgk.loads(gsgk.dumps(report, format="html")) == report


@settings(max_examples=examples(200), deadline=None)
@given(reports())
def test_fragment_round_trip(report: gsgk.Report) -> None:
    assert gsgk.loads(gsgk.dumps(report, format="html", fragment=True)) == report


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_round_trip(path: Path) -> None:
    report = gsgk.load(path)
    again = gsgk.loads(gsgk.dumps(report, format="html"))
    assert again.cells == report.cells
    assert again == report
