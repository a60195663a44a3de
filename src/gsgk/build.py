"""From parsed nodes to a :class:`~gsgk.model.Report`: structure checks and cell placement.

The lexer has recognised every label; here the sections are ordered and
counted, printed rows are matched to the template's rows, values are placed
(:mod:`gsgk.recovery`), types are settled (counts are ``int``, the fee a
``Decimal``), and the metadata is read from the title, signature and date.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lark import Token

from .errors import ParseError
from .findings import CellKey, Finding, Severity, by_position
from .metadata import organ_and_year, strip_markup, year_in_text
from .model import PROSE_FIELDS, Cells, Note, Report, Span, Value
from .parser import Document, RowNode, SectionNode
from .recovery import Run, place
from .template import NUMERALS, SECTIONS, TEMPLATE, Block, Cell, Row, Section
from .values import format_value


def build(document: Document, findings: Sequence[Finding], first_line: str = "") -> Report:
    """The report the nodes describe; ``ParseError`` if they describe no report at all."""
    return _Builder(findings).report(document, first_line)


def _span(token: Token) -> Span:
    return Span(token.line or 0, token.column or 0)


def _text(token: Token) -> str:
    return str(token)


def _old_edition_blocks(node: SectionNode) -> dict[Block, Token]:
    """The blocks whose header printed a 2019-edition column, with that header."""
    old: dict[Block, Token] = {}
    block: Block | None = None
    for item in node.items:
        if isinstance(item, Token) and item.type == "CAPTION":
            block = item.value.target
        elif isinstance(item, Token) and item.type == "HEADER" and block is not None \
                and item.value.target in block.old_columns:
            old.setdefault(block, item)
    return old


class _Builder:
    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        self.runs: list[Run] = []
        self.notes: list[Note] = []

    def note(self, code: str, severity: Severity, message: str, token: Token | None = None,
             cells: tuple[CellKey, ...] = ()) -> None:
        line, column = (token.line, token.column) if token is not None else (None, None)
        self.findings.append(Finding(code, severity, message, line, column, cells))

    def report(self, document: Document, first_line: str) -> Report:
        prose: dict[int, list[str]] = {n: [] for n in PROSE_FIELDS}
        seen: list[int] = []
        for node in document.sections:
            section: Section = node.heading.value.target
            self._order(section, node.heading, seen)
            seen.append(section.number)
            if section.is_table:
                self._table(section, node, first=seen.count(section.number) == 1)
            else:
                prose[section.number] += [_text(t) for t in node.items if isinstance(t, Token)]
        if not any(SECTIONS[n - 1].is_table for n in seen):
            raise ParseError(
                "not a government information disclosure annual report: none of its tables was found",
                line=1, column=1, expected=f"a section heading such as 「{SECTIONS[1].heading}」",
                source_line=first_line,
            )
        for section in SECTIONS:
            if section.number not in seen:
                self.note("section-missing", "error" if section.is_table else "warning",
                          f"缺少第{section.numeral}部分「{section.heading}」",
                          cells=tuple(c.key for c in TEMPLATE.section_cells(section.number)))
        cells = self._cells()
        return self._metadata(document, cells, prose)

    def _order(self, section: Section, heading: Token, seen: list[int]) -> None:
        if section.number in seen:
            self.note("section-duplicate", "warning",
                      f"第{section.numeral}部分「{section.heading}」重复出现；表格以第一次为准", heading)
        elif seen and section.number < max(seen):
            self.note("section-order", "warning",
                      f"第{section.numeral}部分「{section.heading}」出现在第{NUMERALS[max(seen) - 1]}部分之后", heading)

    # --- tables ----------------------------------------------------------------
    def _table(self, section: Section, node: SectionNode, first: bool) -> None:
        self.notes += [Note(section.number, _text(t)) for t in node.items
                       if isinstance(t, Token) and t.type == "TEXT"]
        if not first:
            return
        if section.number == 4:
            values = tuple(t for t in node.items if isinstance(t, Token) and t.type in ("NUMBER", "BLANK"))
            self._run(f"表{section.numeral}", TEMPLATE.section_cells(4), values, node.heading)
            return
        printed: dict[Row, RowNode] = {}
        old = _old_edition_blocks(node)
        for item in node.items:
            if isinstance(item, RowNode):
                self._row(item, printed)
        for block in section.blocks:
            if block in old:
                cells = tuple(c.key for row in block.rows for c in TEMPLATE.row_cells(section.number, row))
                columns = "、".join(c.label for c in block.old_columns)
                self.note("block-old-edition", "error",
                          f"{block.caption}按2019年版模板的栏目（{columns}）填报，与2021年版不同；其数值未计入",
                          old[block], cells)
                continue
            for row in block.rows:
                if row in printed:
                    node_ = printed[row]
                    self._run(row.leaf, TEMPLATE.row_cells(section.number, row), node_.values, node_.label)
                else:
                    cells = tuple(c.key for c in TEMPLATE.row_cells(section.number, row))
                    self.note("row-missing", "warning", f"表{section.numeral}缺少「{row.leaf}」行", node.heading, cells)

    def _row(self, item: RowNode, printed: dict[Row, RowNode]) -> None:
        target = item.label.value.target
        shown = "、".join(_text(v) for v in item.values)
        if target is None:
            self.note("row-unknown", "warning",
                      f"未识别的行「{item.label}」（数值：{shown or '无'}）未计入", item.label)
        elif isinstance(target, str):
            self.note("row-group-values", "warning",
                      f"分组标签「{item.label}」带有数值（{shown}）；2021年模板中该组的数据按子项填报，未计入",
                      item.label)
        elif target in printed:
            self.note("row-duplicate", "warning", f"「{target.leaf}」行重复出现；以第一次为准", item.label)
        else:
            printed[target] = item

    def _run(self, label: str, cells: tuple[Cell, ...], values: tuple[Token, ...], where: Token) -> None:
        keys = tuple(c.key for c in cells)
        if not values:
            self.note("row-no-values", "warning", f"「{label}」没有印出数值", where, keys)
            return
        printed = tuple(v.value.target if v.type == "NUMBER" else None for v in values)
        blanks = tuple(c.key for c, v in zip(cells, printed) if v is None) if len(values) == len(cells) else ()
        if blanks:
            self.note("cell-blank", "info", f"「{label}」有{len(blanks)}栏空白（不同于0）", where, blanks)
        self.runs.append(Run(label, cells, printed, tuple(_span(v) for v in values), _span(where)))

    def _cells(self) -> Cells:
        placed = place(self.runs, TEMPLATE.identities)
        self.findings += placed.findings
        values: list[Value] = []
        spans: list[Span | None] = []
        for cell in TEMPLATE.cells:
            value = placed.values.get(cell.key)
            span = placed.spans.get(cell.key)
            values.append(self._typed(cell, value, span))
            spans.append(span)
        return Cells(tuple(values), tuple(spans), frozenset(placed.inferred))

    def _typed(self, cell: Cell, value: Value, span: Span | None) -> Value:
        """``value`` as the cell's type: the fee a ``Decimal``, counts whole ``int``s."""
        if value is None or (cell.kind == "int" and isinstance(value, int)):
            return value
        if cell.kind == "decimal":
            return Decimal(value)
        assert isinstance(value, Decimal)
        line, column = (span.line, span.column) if span else (None, None)
        printed = format_value(value)
        if value == value.to_integral_value():
            self.findings.append(Finding("number-decimal-count", "info",
                                         f"{cell.describe()}印为「{printed}」，按整数计", line, column, (cell.key,)))
            return int(value)
        message = f"{cell.describe()}应为整数，印为「{printed}」；按空白处理"
        self.findings.append(Finding("number-not-integer", "error", message, line, column, (cell.key,)))
        return None

    # --- metadata --------------------------------------------------------------
    def _metadata(self, document: Document, cells: Cells, prose: dict[int, list[str]]) -> Report:
        title = strip_markup(_text(document.title)) if document.title else None
        organ, year = organ_and_year(title) if title else (None, None)
        signature = strip_markup(_text(document.signature)) if document.signature else None
        published = document.date.value.target if document.date else None
        preamble = tuple(_text(t) for t in document.preamble)
        if organ is None and signature:
            organ = signature
            self.note("organ-from-signature", "info", f"标题未载明机关名称，取落款「{signature}」")
        if year is None:
            year = year_in_text(preamble + tuple(prose[1]))
            if year is not None:
                self.note("year-from-text", "info", f"标题未载明年度，按正文取{year}年")
        if organ is None:
            self.note("organ-unknown", "warning", "无法确定发布机关（标题与落款均未载明）")
        if year is None:
            self.note("year-unknown", "warning", "无法确定报告年度")
        return Report(
            cells=cells, title=title, organ=organ, year=year, published=published,
            preamble=preamble, overview=tuple(prose[1]), problems=tuple(prose[5]),
            other_matters=tuple(prose[6]), notes=tuple(self.notes), signature=signature,
            diagnostics=tuple(by_position(self.findings)),
        )
