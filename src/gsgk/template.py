"""The national template in its two editions, as data: the one place to change a label.

Everything else derives from the objects built here: the lexer's vocabulary,
the grammar's terminals, the model's cells, ``to_records``, the renderers and
the checks.  A *section* is one of the six numbered parts; a table section has
*blocks* (表二 has one per 第二十条 item; 表三 and 表四 have one); a block has
*columns* and *rows*; a template *cell* is a (row, column) of a block.

Two *editions* (:data:`EDITIONS`): 2021 (国办公开办函〔2021〕30号, reports
from 2021 on; :data:`TEMPLATE`) and 2019 (国办公开办函〔2019〕60号, reports on
2019 and 2020; :data:`TEMPLATE_2019`).  They share sections 一、四、五、六 and
all of 表三 but （六）其他处理 (one row in 2019, three items in 2021); 表二
differs (five sub-tables in 2019, other columns).  What they share is written
once below.  Every row and column has a stable English ``key``; a cell is named
by its ``(row key, column key)`` pair, the same pair in both editions where the
cell means the same thing (``("received", "total")``), so series line up.

Labels are the canonical wording (exactly as in ``cells-2021.tsv`` and
``cells-2019.tsv``).  Row
labels are paths: ``三、本年度办理结果/（三）不予公开/1.属于国家秘密`` names
the leaf ``1.属于国家秘密`` under two group labels.  ``variants`` list wordings
seen in real reports (old editions, typos, abbreviations); they are recognised
on input and reported, never written back.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cached_property
from typing import Literal

import attrs

from .errors import UnknownCellError

Layout = Literal["rows", "across"]
"""How a block is printed: ``rows``, each a label and its values; ``across``, the row labels side by side as
column headers over one line of values, read in the template's order (表四; three labelled rows read the same)."""
Kind = Literal["int", "signed-int", "decimal"]
"""``int``: a count; ``signed-int``: a change that may be negative; ``decimal``: money in 万元
(a value printed in 元, or under a header in 元, is converted)."""


@attrs.frozen
class Column:
    """A column of a block: its canonical label and the wordings seen in reports."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    kind: Kind = "int"


@attrs.frozen
class Row:
    """A value-bearing row; ``label`` is the '/'-joined path of printed labels."""

    key: str
    label: str
    variants: tuple[str, ...] = ()

    @property
    def parts(self) -> tuple[str, ...]:
        """The printed labels from the outermost group to the leaf."""
        return tuple(self.label.split("/"))

    @property
    def leaf(self) -> str:
        """The label printed on the row itself."""
        return self.parts[-1]

    @property
    def groups(self) -> tuple[str, ...]:
        """The group labels that enclose the row (printed in merged cells)."""
        return self.parts[:-1]


@attrs.frozen
class Block:
    """A table (or one of 表二's sub-tables): caption, header words, columns, rows."""

    caption: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    header_words: tuple[str, ...] = ()
    layout: Layout = "rows"


@attrs.frozen
class Section:
    """One of the six numbered sections; a table section has blocks."""

    number: int
    numeral: str
    title: str
    variants: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()

    @property
    def heading(self) -> str:
        """The canonical heading, e.g. ``二、主动公开政府信息情况``."""
        return f"{self.numeral}、{self.title}"

    @property
    def is_table(self) -> bool:
        return bool(self.blocks)

    @property
    def across(self) -> bool:
        """Is the table printed across (see :data:`Layout`): its values read in template order, not by label?"""
        return any(block.layout == "across" for block in self.blocks)


@attrs.frozen
class Cell:
    """A numeric cell of the template, identified by (section, row label, column label)."""

    section: int
    block: Block = attrs.field(repr=False)
    row: Row
    column: Column

    @cached_property
    def key(self) -> tuple[int, str, str]:
        return (self.section, self.row.label, self.column.label)

    @property
    def keys(self) -> tuple[str, str]:
        """The stable English name of the cell: ``(row key, column key)``."""
        return (self.row.key, self.column.key)

    @property
    def kind(self) -> Kind:
        return self.column.kind

    def describe(self) -> str:
        """A short Chinese name for messages: ``表三「（七）总计」×「自然人」``."""
        return f"表{NUMERALS[self.section - 1]}「{self.row.leaf}」×「{self.column.label}」"


@attrs.frozen
class Identity:
    """A sum the template requires: ``sum(left) == sum(right)``."""

    code: str
    rule: str
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.left + self.right


NUMERALS = ("一", "二", "三", "四", "五", "六")

# --- 表二 ---------------------------------------------------------------------
_CONTENT = ("信息内容",)
_RULES = Row("rules", "规章")
_LICENSING = Row("licensing", "行政许可")
_PENALTIES = (Row("penalties", "行政处罚"), Row("coercion", "行政强制"))
_FEE_ROW = Row("fees", "行政事业性收费")
_DOCUMENTS, _SERVICES, _ENFORCEMENT, _CHARGES, _PROCUREMENT = (
    f"第二十条第（{n}）项" for n in ("一", "五", "六", "八", "九"))

_ISSUED = Column("issued", "本年制发件数", ("本年制发数量",))
_REPEALED = Column("repealed", "本年废止件数", ("本年废止数量",))
_IN_FORCE = Column("in_force", "现行有效件数", ("现行有效数量",))
_DECISIONS = Column("decisions", "本年处理决定数量", ("处理决定数量", "本年处理决定件数"))
_FEES = Column(
    "fees",
    "本年收费金额（单位：万元）",
    (
        "本年收费金额(单位:万元,保留4位小数)",
        "本年度收费金额（单位：万元）",
        "收费金额（单位：万元）",
        "本年收费金额",
        "本年收费金额（单位：元）",
    ),
    kind="decimal",
)

ACTIVE = Section(
    2,
    "二",
    "主动公开政府信息情况",
    ("主动公开政府信息的情况",),
    blocks=(
        Block(
            _DOCUMENTS,
            (_ISSUED, _REPEALED, _IN_FORCE),
            (_RULES, Row("normative_documents", "行政规范性文件", ("规范性文件",))),
            _CONTENT,
        ),
        Block(_SERVICES, (_DECISIONS,), (_LICENSING,), _CONTENT),
        Block(_ENFORCEMENT, (_DECISIONS,), _PENALTIES, _CONTENT),
        Block(_CHARGES, (_FEES,), (_FEE_ROW,), _CONTENT),
    ),
)

# 2019 edition: other columns (items listed a year ago and their change), two more rows, 第（九）项.
_MADE = Column("made", "本年新制作数量")
_PUBLISHED = Column("published", "本年新公开数量")
_PUBLISHED_TOTAL = Column("published_total", "对外公开总数量")
_ITEMS_BEFORE = Column("items_last_year", "上一年项目数量")
_ITEMS_CHANGE = Column("items_change", "本年增/减", kind="signed-int")
_DECISIONS_2019 = Column("decisions", "处理决定数量")
_ITEMS = (_ITEMS_BEFORE, _ITEMS_CHANGE)

ACTIVE_2019 = attrs.evolve(
    ACTIVE,
    blocks=(
        Block(
            _DOCUMENTS,
            (_MADE, _PUBLISHED, _PUBLISHED_TOTAL),
            (_RULES, Row("normative_documents", "规范性文件")),
            _CONTENT,
        ),
        Block(_SERVICES, (*_ITEMS, _DECISIONS_2019),
              (_LICENSING, Row("other_services", "其他对外管理服务事项")), _CONTENT),
        Block(_ENFORCEMENT, (*_ITEMS, _DECISIONS_2019), _PENALTIES, _CONTENT),
        Block(_CHARGES, _ITEMS, (_FEE_ROW,), _CONTENT),
        Block(
            _PROCUREMENT,
            (
                Column("procurement_items", "采购项目数量"),
                Column("procurement_amount", "采购总金额", ("采购总金额（单位：万元）", "采购总金额（单位：元）"),
                       kind="decimal"),
            ),
            (Row("procurement", "政府集中采购"),),
            _CONTENT,
        ),
    ),
)

# --- 表三 ---------------------------------------------------------------------
_RESULTS = "三、本年度办理结果"
_WITHHELD = f"{_RESULTS}/（三）不予公开"
_UNABLE = f"{_RESULTS}/（四）无法提供"
_NOT_PROCESSED = f"{_RESULTS}/（五）不予处理"
_OTHER_HANDLING = f"{_RESULTS}/（六）其他处理"

_APPLICANTS = (
    Column("natural_person", "自然人"),
    Column("business", "商业企业"),
    Column("research", "科研机构"),
    Column("public_interest", "社会公益组织"),
    Column("legal_services", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计", ("合计",)),
)
_REQUESTS_HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "法人或其他组织",
)
_RESULTS_BEFORE_OTHER = (
    Row("received", "一、本年新收政府信息公开申请数量"),
    Row("carried_over", "二、上年结转政府信息公开申请数量"),
    Row("disclosed", f"{_RESULTS}/（一）予以公开"),
    Row(
        "partly_disclosed",
        f"{_RESULTS}/（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ("（二）部分公开",),
    ),
    Row("withheld_state_secret", f"{_WITHHELD}/1.属于国家秘密"),
    Row("withheld_prohibited", f"{_WITHHELD}/2.其他法律行政法规禁止公开", ("2.其他法律法规禁止公开",)),
    Row("withheld_security", f"{_WITHHELD}/3.危及“三安全一稳定”"),
    Row("withheld_third_party", f"{_WITHHELD}/4.保护第三方合法权益"),
    Row("withheld_internal", f"{_WITHHELD}/5.属于三类内部事务信息"),
    Row("withheld_process", f"{_WITHHELD}/6.属于四类过程性信息"),
    Row("withheld_enforcement", f"{_WITHHELD}/7.属于行政执法案卷"),
    Row("withheld_inquiry", f"{_WITHHELD}/8.属于行政查询事项"),
    Row("unable_not_held", f"{_UNABLE}/1.本机关不掌握相关政府信息"),
    Row("unable_needs_making", f"{_UNABLE}/2.没有现成信息需要另行制作"),
    Row("unable_unclear", f"{_UNABLE}/3.补正后申请内容仍不明确", ("3.补证后申请内容仍不明确",)),
    Row("rejected_petition", f"{_NOT_PROCESSED}/1.信访举报投诉类申请"),
    Row("rejected_repeated", f"{_NOT_PROCESSED}/2.重复申请"),
    Row("rejected_publication", f"{_NOT_PROCESSED}/3.要求提供公开出版物"),
    Row("rejected_excessive", f"{_NOT_PROCESSED}/4.无正当理由大量反复申请"),
    Row("rejected_confirmation", f"{_NOT_PROCESSED}/5.要求行政机关确认或重新出具已获取信息"),
)
_RESULTS_AFTER_OTHER = (
    Row("handled_total", f"{_RESULTS}/（七）总计", ("（七）合计",)),
    Row("carried_forward", "四、结转下年度继续办理"),
)
_OTHER_ITEMS = (
    Row(
        "other_no_correction",
        f"{_OTHER_HANDLING}/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("1.申请人无正当理由逾期不补证、行政机关不再处理其政府信息公开申请",),
    ),
    Row(
        "other_unpaid",
        f"{_OTHER_HANDLING}/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    Row("other_other", f"{_OTHER_HANDLING}/3.其他"),
)
_OTHER_2019 = (Row("other_handling", _OTHER_HANDLING),)
"""The 2019 edition's （六）其他处理: one row, no items."""


def _requests(other: tuple[Row, ...]) -> Section:
    rows = (*_RESULTS_BEFORE_OTHER, *other, *_RESULTS_AFTER_OTHER)
    return Section(
        3,
        "三",
        "收到和处理政府信息公开申请情况",
        ("收到和处理政府信息公开申请的情况", "收到和处理政府信息公开申请"),
        blocks=(Block(None, _APPLICANTS, rows, _REQUESTS_HEADER),),
    )


REQUESTS = _requests(_OTHER_ITEMS)
REQUESTS_2019 = _requests(_OTHER_2019)

# --- 表四 ---------------------------------------------------------------------
_REVIEW = "行政复议"
_LITIGATION = "行政诉讼"

APPEALS = Section(
    4,
    "四",
    "政府信息公开行政复议、行政诉讼情况",
    (
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "因政府信息公开被申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
    ),
    blocks=(
        Block(
            None,
            (
                Column("upheld", "结果维持"),
                Column("corrected", "结果纠正"),
                Column("other", "其他结果"),
                Column("pending", "尚未审结"),
                Column("total", "总计", ("合计",)),
            ),
            (
                Row("review", _REVIEW),
                Row("litigation_direct", f"{_LITIGATION}/未经复议直接起诉"),
                Row("litigation_after_review", f"{_LITIGATION}/复议后起诉"),
            ),
            layout="across",
        ),
    ),
)

_PROSE_1 = Section(1, "一", "总体情况", ("基本情况", "概述"))
_PROSE_5 = Section(
    5,
    "五",
    "存在的主要问题及改进情况",
    (
        "存在的主要问题和改进情况",
        "政府信息公开工作存在的主要问题及改进情况",
        "存在的问题及改进情况",
        "存在的主要问题及改进措施",
    ),
)
_PROSE_6 = Section(6, "六", "其他需要报告的事项", ("其他需要报告事项", "其他事项"))

SECTIONS: tuple[Section, ...] = (_PROSE_1, ACTIVE, REQUESTS, APPEALS, _PROSE_5, _PROSE_6)
"""The six sections of the 2021 edition."""
SECTIONS_2019: tuple[Section, ...] = (_PROSE_1, ACTIVE_2019, REQUESTS_2019, APPEALS, _PROSE_5, _PROSE_6)
"""The six sections of the 2019 edition (same headings; 表二 and 表三's （六） differ)."""

TITLE_SUFFIX = "政府信息公开工作年度报告"
"""What every report title ends with, after ``<organ><year>年``."""

BLANK = "—"
"""How the standard form prints a blank cell (distinct from 0)."""

CellName = tuple[int, str, str] | tuple[str, str]
"""A cell named by labels ``(section, row label, column label)`` or by keys ``(row key, column key)``."""


class Template:
    """One edition of the template and its derived views: cells in order, lookups, identities."""

    def __init__(self, edition: int, document: str, sections: tuple[Section, ...]) -> None:
        self.edition = edition
        self.document = document
        self.sections = sections

    def __repr__(self) -> str:
        return f"<Template {self.edition} ({self.document})>"

    def section(self, number: int) -> Section:
        return self.sections[number - 1]

    @cached_property
    def cells(self) -> tuple[Cell, ...]:
        """All numeric cells in the template's reading order."""
        return tuple(
            Cell(section.number, block, row, column)
            for section in self.sections
            for block in section.blocks
            for row in block.rows
            for column in block.columns
        )

    @cached_property
    def index(self) -> dict[tuple[int, str, str], int]:
        """Position of each cell key (labels) in :attr:`cells`."""
        return {cell.key: i for i, cell in enumerate(self.cells)}

    @cached_property
    def key_index(self) -> dict[tuple[str, str], int]:
        """Position of each ``(row key, column key)`` pair in :attr:`cells`."""
        return {cell.keys: i for i, cell in enumerate(self.cells)}

    def position(self, name: CellName) -> int:
        """Where the cell named by labels or by keys stands in :attr:`cells`.

        Raises :class:`~gsgk.errors.UnknownCellError` naming the nearest valid keys.
        """
        found = self.key_index.get(name) if len(name) == 2 else self.index.get(name)
        if found is None:
            raise UnknownCellError(self._unknown(name))
        return found

    def _unknown(self, name: CellName) -> str:
        names: list[CellName] = [*self.key_index] if len(name) == 2 else [*self.index]
        known = {"/".join(map(str, n)): n for n in names}
        wanted = "/".join(map(str, name))
        near = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(repr(known[n]) for n in near)}?" if near else ""
        return f"{name!r} is not a cell of the {self.edition} edition of the template{hint}"

    def cell(self, section: int, row: str, column: str) -> Cell:
        """The cell with these canonical labels (:class:`~gsgk.errors.UnknownCellError` if there is none)."""
        return self.cells[self.position((section, row, column))]

    def find(self, row_key: str, column_key: str) -> Cell | None:
        """The cell with these keys, or ``None`` if this edition has no such cell."""
        i = self.key_index.get((row_key, column_key))
        return None if i is None else self.cells[i]

    @cached_property
    def _by_row(self) -> dict[tuple[int, str], tuple[Cell, ...]]:
        rows: dict[tuple[int, str], list[Cell]] = {}
        for cell in self.cells:
            rows.setdefault((cell.section, cell.row.label), []).append(cell)
        return {key: tuple(cells) for key, cells in rows.items()}

    def row_cells(self, section: int, row: Row) -> tuple[Cell, ...]:
        """The cells of one row, in column order."""
        return self._by_row[(section, row.label)]

    def section_cells(self, section: int) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.section == section)

    def blocks(self) -> Iterator[tuple[Section, Block]]:
        for section in self.sections:
            for block in section.blocks:
                yield section, block

    @cached_property
    def identities(self) -> tuple[Identity, ...]:
        """Every sum the template requires (the 勾稽关系 and the 总计 columns)."""
        return tuple(_requests_identities(self)) + tuple(_appeals_identities(self))


def _requests_identities(t: Template) -> Iterator[Identity]:
    block = t.section(3).blocks[0]
    *parts, total = block.columns
    items = [r for r in block.rows if r.label.startswith(_RESULTS + "/") and r.key != "handled_total"]

    def cell(row: str, column: Column) -> Cell:
        found = t.find(row, column.key)
        assert found is not None
        return found

    for column in block.columns:
        yield Identity(
            "sum-balance",
            "第一项加第二项之和，等于第三项加第四项之和",
            (cell("received", column), cell("carried_over", column)),
            (cell("handled_total", column), cell("carried_forward", column)),
        )
    for column in block.columns:
        yield Identity(
            "sum-results",
            "（七）总计等于（一）至（六）各项之和",
            (cell("handled_total", column),),
            tuple(cell(row.key, column) for row in items),
        )
    for row in block.rows:
        yield Identity(
            "sum-applicants",
            "总计等于自然人与法人或其他组织各列之和",
            (cell(row.key, total),),
            tuple(cell(row.key, c) for c in parts),
        )


def _appeals_identities(t: Template) -> Iterator[Identity]:
    block = t.section(4).blocks[0]
    *parts, total = block.columns
    for row in block.rows:
        yield Identity(
            "sum-appeals",
            "总计等于结果维持、结果纠正、其他结果、尚未审结之和",
            (t.cell(4, row.label, total.label),),
            tuple(t.cell(4, row.label, c.label) for c in parts),
        )


TEMPLATE = Template(2021, "国办公开办函〔2021〕30号", SECTIONS)
"""The 2021 edition; ``TEMPLATE.cells`` has its 200 numeric cells."""
TEMPLATE_2019 = Template(2019, "国办公开办函〔2019〕60号", SECTIONS_2019)
"""The 2019 edition (reports on 2019 and 2020); 198 numeric cells."""
EDITIONS: dict[int, Template] = {2019: TEMPLATE_2019, 2021: TEMPLATE}
"""Every edition by its year; the default is 2021."""
EDITION = 2021
"""The edition a report is in unless its tables say otherwise."""
