"""Hypothesis strategies: valid reports, as the standard form can carry them.

A *valid* report is one the standard text form can express: its title is
``<organ><year>年政府信息公开工作年度报告`` (or there is no title, organ and
year), paragraphs are sentences that end in ``。``, a signature comes with a
publication date, and notes are sentences in table sections.  Reports are of
either edition of the template (2019 or 2021).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import strategies as st

from gsgk import Cells, Note, Report
from gsgk.metadata import canonical_title
from gsgk.template import EDITIONS, TEMPLATE

# Common characters of reports, without digits, numerals that open headings, or 报/年.
WORDS = "政府信息公开工作主动依申请办理平台建设监督保障网站政务新媒体规范标准化解读回应关切群众企业服务数据管理制度"
PUNCT = "，、；（）《》“”：<>&"
NAMES = "东南西北中山水河湖海长平安宁城乡镇街道人民政府办公室局委员会自然资源财政教育交通"


def sentences() -> st.SearchStrategy[str]:
    body = st.text(alphabet=WORDS + PUNCT, min_size=8, max_size=60)
    return st.builds(lambda first, rest: first + rest + "。", st.sampled_from(WORDS), body)


def paragraphs(max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(sentences(), max_size=max_size).map(tuple)


def names() -> st.SearchStrategy[str]:
    return st.text(alphabet=NAMES, min_size=2, max_size=20)


def cell_values(edition: int = 2021) -> st.SearchStrategy[Cells]:
    def value(kind: str) -> st.SearchStrategy[int | Decimal | None]:
        if kind == "decimal":
            number = st.decimals(min_value=0, max_value=10**8, places=4, allow_nan=False, allow_infinity=False)
            return st.none() | number
        return st.none() | st.integers(min_value=-(10**7) if kind == "signed-int" else 0, max_value=10**7)

    cells = EDITIONS[edition].cells
    return st.tuples(*(value(cell.kind) for cell in cells)).map(lambda values: Cells(values, edition=edition))


@st.composite
def notes(draw: st.DrawFn) -> tuple[Note, ...]:
    found = draw(st.lists(st.tuples(st.sampled_from((2, 3, 4)), sentences()), max_size=2))
    return tuple(Note(section, text) for section, text in sorted(found, key=lambda n: n[0]))


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """Any valid report (see the module docstring)."""
    titled = draw(st.booleans())
    published = draw(st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)))
    signature = draw(names()) if published and draw(st.booleans()) else None
    organ = draw(names()) if titled else signature
    year = draw(st.integers(2000, 2099)) if titled else None
    return Report(
        cells=draw(st.sampled_from(sorted(EDITIONS)).flatmap(cell_values)),
        title=canonical_title(organ, year) if organ and year else None,
        organ=organ,
        year=year,
        published=published,
        preamble=draw(paragraphs()),
        overview=draw(paragraphs()),
        problems=draw(paragraphs()),
        other_matters=draw(paragraphs()),
        notes=draw(notes()),
        signature=signature,
    )


# --- consistent tables --------------------------------------------------------
_REQUESTS = TEMPLATE.section(3).blocks[0]
_APPEALS = TEMPLATE.section(4).blocks[0]
_ITEMS = [r for r in _REQUESTS.rows if r.key not in ("received", "carried_over", "handled_total", "carried_forward")]
_count = st.integers(min_value=0, max_value=50)


@st.composite
def consistent_cells(draw: st.DrawFn) -> Cells:
    """Tables 三 and 四 that satisfy every identity (表二 anything)."""
    values: dict[tuple[int, str, str], int] = {}
    *applicants, total = _REQUESTS.columns
    rows = {r.key: r.label for r in _REQUESTS.rows}
    for column in applicants:
        items = {row.label: draw(_count) for row in _ITEMS}
        handled, forward = sum(items.values()), draw(_count)
        over = draw(st.integers(min_value=0, max_value=handled + forward))
        column_values = {**items, rows["handled_total"]: handled, rows["carried_forward"]: forward,
                         rows["carried_over"]: over, rows["received"]: handled + forward - over}
        values.update({(3, label, column.label): v for label, v in column_values.items()})
    for row in _REQUESTS.rows:
        values[(3, row.label, total.label)] = sum(values[(3, row.label, c.label)] for c in applicants)
    *results, appeals_total = _APPEALS.columns
    for row in _APPEALS.rows:
        parts = {(4, row.label, c.label): draw(_count) for c in results}
        values.update(parts)
        values[(4, row.label, appeals_total.label)] = sum(parts.values())
    return Cells.blank().replace(values)


