"""From parsed nodes to a :class:`~gsgk.model.Report`: structure checks and cell placement.

The lexer has recognised every label of every edition; here the report's
edition is decided from what its tables print (captions, column headers and
rows that only one edition has; a mix is read by its majority and reported),
the sections are ordered and counted, printed rows are matched to that
edition's rows, values are placed (:mod:`gsgk.recovery`), types are settled
(counts are ``int``, money a ``Decimal`` in 万元, converted from 元 where a
value says so), and the metadata is read from the title, signature and date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache

import attrs

from .errors import ParseError
from .findings import CellKey, Finding, Severity, by_position, disordered, note
from .layout import placed
from .lexer import Word
from .metadata import organ_and_year, strip_markup, year_in_text
from .model import PROSE_FIELDS, Cells, Note, Report, Span, Value
from .parser import Document, RowNode, SectionNode
from .recovery import Run, place
from .template import EDITION, EDITIONS, NUMERALS, SECTIONS, Block, Cell, Column, Row, Section, Template
from .values import format_value, parse_number
from .vocabulary import key

YUAN_PER_WAN = Decimal(10000)


def build(document: Document) -> Report:
    """The report the parsed document describes, with its findings (placed on their PDF page where the
    lines say where they were read); ``ParseError`` if it describes no report at all."""
    first_line = next((line.text for line in document.lines if not line.is_blank), "")
    report = _Builder(document.findings).report(document, first_line)
    if any(line.origins for line in document.lines):
        return attrs.evolve(report, diagnostics=tuple(placed(report.diagnostics, document.lines)))
    return report


def _span(token: Word) -> Span:
    return Span(token.line or 0, token.column or 0)


def _text(token: Word) -> str:
    return str(token)


def _shown(row: RowNode) -> str:
    """The values printed on a row, for a message."""
    return "、".join(_text(v) for v in row.values) or "无"


def _editions(section: int, target: object) -> frozenset[int]:
    """The editions whose table ``section`` has this caption, column or row (by its key)."""
    if isinstance(target, Block):
        mark: tuple[str, object] = ("caption", target.caption)
    elif isinstance(target, (Column, Row)):
        mark = (type(target).__name__, target.key)
    else:
        return frozenset()
    return _marks(section).get(mark, frozenset())


@cache
def _marks(section: int) -> dict[tuple[str, object], frozenset[int]]:
    """Every caption, column and row key of table ``section``, with the editions that print it."""
    found: dict[tuple[str, object], set[int]] = {}
    for template in EDITIONS.values():
        for block in template.section(section).blocks:
            marks = [("caption", block.caption), *(("Column", c.key) for c in block.columns),
                     *(("Row", r.key) for r in block.rows)]
            for mark in marks:
                found.setdefault(mark, set()).add(template.edition)
    return {mark: frozenset(editions) for mark, editions in found.items()}


def _followed(runs: list[Run], loose: Sequence[Word]) -> list[Run]:
    """The runs, each with the numbers printed alone on the lines right after it (the parser skipped them)."""
    after: dict[int, list[str]] = {}
    for token in loose:
        before = [(span.line, i) for i, run in enumerate(runs) for span in run.spans[-1:]
                  if span is not None and span.line < (token.line or 0)]
        if before:
            after.setdefault(max(before)[1], []).append(_text(token))
    return [attrs.evolve(run, after=tuple(after[i])) if i in after else run for i, run in enumerate(runs)]


def _evidence(document: Document) -> Iterator[tuple[int, Word]]:
    """``(edition, token)`` for every caption, header and row label only one edition has."""
    for node in document.sections:
        number = node.heading.target.number
        if number not in (2, 3):
            continue
        for item in node.items:
            token = item.label if isinstance(item, RowNode) else item
            editions = _editions(number, token.target)  # empty but for captions, headers and rows
            if len(editions) == 1:
                yield next(iter(editions)), token


def _foreign_blocks(template: Template, node: SectionNode) -> dict[Block, tuple[Word, Block]]:
    """表二's blocks headed by another edition's columns: the first header, and that edition's block.

    A block is foreign when its headers are exactly the other edition's columns
    under the same caption, or are among them and not all among its own.
    """
    own = {block.caption: block for block in template.section(2).blocks}
    printed: dict[Block, list[Word]] = {}
    block: Block | None = None
    for item in node.items:
        if isinstance(item, Word) and isinstance(item.target, Block):
            block = own.get(item.target.caption)
        elif isinstance(item, Word) and item.type == "HEADER" and block is not None \
                and isinstance(item.target, Column):
            printed.setdefault(block, []).append(item)
    foreign: dict[Block, tuple[Word, Block]] = {}
    for block, headers in printed.items():
        keys = {h.target.key for h in headers}
        mine = {c.key for c in block.columns}
        for other in (b for t in EDITIONS.values() if t is not template for b in t.section(2).blocks
                      if b.caption == block.caption and keys != mine):
            theirs = {c.key for c in other.columns}
            if keys == theirs or (keys <= theirs and not keys <= mine):
                foreign[block] = (headers[0], other)
    return foreign


def _in_yuan(header: str) -> bool:
    """Does a money column's header say its values are in 元 (not 万元)?"""
    return "元" in header.replace("万元", "")


def _is_group(section: Section, row: Row) -> bool:
    """Does ``row`` (of another edition) stand for a group of rows in ``section``?"""
    return any(r.label.startswith(row.label + "/") for b in section.blocks for r in b.rows)


class _Builder:
    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        self.lexed = len(self.findings)
        self.runs: list[Run] = []
        self.notes: list[Note] = []
        self.template = EDITIONS[EDITION]
        self.yuan: set[str] = set()  # the keys of money columns whose header says they are in 元

    def note(self, code: str, severity: Severity, message: str, token: Word | None = None,
             cells: tuple[CellKey, ...] = ()) -> None:
        self.findings.append(note(code, severity, message, token, cells))

    def report(self, document: Document, first_line: str) -> Report:
        self.template = EDITIONS[self._edition(document)]
        prose: dict[int, list[str]] = {n: [] for n in PROSE_FIELDS}
        seen: list[int] = []
        for node in document.sections:
            section = self.template.section(node.heading.target.number)
            self._order(section, node.heading, seen)
            seen.append(section.number)
            if section.is_table:
                self._table(section, node, first=seen.count(section.number) == 1)
            else:
                prose[section.number] += [_text(t) for t in node.items if isinstance(t, Word)]
        if not any(SECTIONS[n - 1].is_table for n in seen):
            raise ParseError(
                "not a government information disclosure annual report: none of its tables was found",
                line=1, column=1, expected=f"a section heading such as 「{SECTIONS[1].heading}」",
                source_line=first_line,
            )
        for section in self.template.sections:
            if section.number not in seen:
                self.note("section-missing", "error" if section.is_table else "warning",
                          f"缺少第{section.numeral}部分「{section.heading}」",
                          cells=tuple(c.key for c in self.template.section_cells(section.number)))
        self.runs = _followed(self.runs, document.loose)
        cells = self._cells()
        return self._metadata(document, cells, prose)

    def _lexer_note(self, finding: Finding) -> None:
        """A note on wording, listed among the lexer's notes in source order (as the lexer would have)."""
        lexed = self.findings[: self.lexed]
        at = next((i for i, f in enumerate(lexed) if (f.line or 0) > (finding.line or 0)), len(lexed))
        self.findings.insert(at, finding)
        self.lexed += 1

    def _edition(self, document: Document) -> int:
        """The edition most captions, headers and rows belong to (2021 on a tie); a mix is reported."""
        votes = list(_evidence(document))
        counts = Counter(edition for edition, _ in votes)
        if not counts:
            return EDITION
        edition = max(sorted(counts), key=lambda e: (counts[e], e == EDITION))
        minority = next((token for e, token in votes if e != edition), None)
        if minority is not None:
            shown = "、".join(f"{e}年版{counts[e]}处" for e in sorted(counts))
            self.note("edition-mixed", "warning",
                      f"表格兼用两版模板的栏目或行（{shown}，如「{minority}」）；按{edition}年版"
                      f"（{EDITIONS[edition].document}）读取", minority)
        return edition

    def _order(self, section: Section, heading: Word, seen: list[int]) -> None:
        if section.number in seen:
            self.note("section-duplicate", "warning",
                      f"第{section.numeral}部分「{section.heading}」重复出现；表格以第一次为准", heading)
        elif seen and section.number < max(seen):
            self.note("section-order", "warning",
                      f"第{section.numeral}部分「{section.heading}」出现在第{NUMERALS[max(seen) - 1]}部分之后", heading)

    # --- tables ----------------------------------------------------------------
    def _table(self, section: Section, node: SectionNode, first: bool) -> None:
        self.notes += [Note(section.number, _text(t)) for t in node.items
                       if isinstance(t, Word) and t.type == "TEXT"]
        if not first:
            return
        template = self.template
        if section.across:
            values = tuple(t for t in node.items if isinstance(t, Word) and t.type in ("NUMBER", "BLANK"))
            self._run(f"表{section.numeral}", template.section_cells(section.number), values, node.heading)
            return
        printed: dict[Row, RowNode] = {}
        foreign = _foreign_blocks(template, node) if section.number == 2 else {}
        self.yuan = {t.target.key for t in node.items if isinstance(t, Word) and t.type == "HEADER"
                     and isinstance(t.target, Column) and _in_yuan(_text(t))}
        for item in node.items:
            if isinstance(item, RowNode):
                self._row(section, item, printed)
        for block in section.blocks:
            if block in foreign:
                header, other = foreign[block]
                cells = tuple(c.key for row in block.rows for c in template.row_cells(section.number, row))
                columns = "、".join(c.label for c in other.columns)
                self.note("block-other-edition", "error",
                          f"{block.caption}按另一版模板的栏目（{columns}）填报，与{template.edition}年版不同；"
                          "其数值未计入", header, cells)
                continue
            for row in block.rows:
                if row in printed:
                    node_ = printed[row]
                    self._run(row.leaf, template.row_cells(section.number, row), node_.values, node_.label)
                else:
                    cells = tuple(c.key for c in template.row_cells(section.number, row))
                    self.note("row-missing", "warning", f"表{section.numeral}缺少「{row.leaf}」行", node.heading, cells)

    def _row(self, section: Section, item: RowNode, printed: dict[Row, RowNode]) -> None:
        target = item.label.target
        own = self._own_row(section, target) if isinstance(target, Row) else None
        if target is None:
            self.note("row-unknown", "warning",
                      f"未识别的行「{item.label}」（数值：{_shown(item)}）未计入", item.label)
        elif isinstance(target, str) or (own is None and _is_group(section, target)):
            group = target if isinstance(target, str) else target.leaf
            self.note("row-group-values", "warning",
                      f"分组标签「{group}」带有数值（{_shown(item)}）；{self.template.edition}年版模板中该组的数据按子项填报，未计入",
                      item.label)
        elif own is None:
            self.note("row-other-edition", "warning",
                      f"「{target.leaf}」行不属于{self.template.edition}年版模板（数值：{_shown(item)}），未计入",
                      item.label)
        elif own in printed:
            self.note("row-duplicate", "warning", f"「{own.leaf}」行重复出现；以第一次为准", item.label)
        else:
            if own.leaf != target.leaf and key(_text(item.label)) == key(target.leaf):  # the other edition's word
                self._lexer_note(note("label-variant", "info", f"「{item.label}」按模板的「{own.leaf}」识别",
                                      item.label))
            printed[own] = item

    @staticmethod
    def _own_row(section: Section, target: Row) -> Row | None:
        """The row of the report's edition with the key of ``target`` (a row of either edition)."""
        return next((r for b in section.blocks for r in b.rows if r.key == target.key), None)

    def _run(self, label: str, cells: tuple[Cell, ...], values: tuple[Word, ...], where: Word) -> None:
        if not values:
            self.note("row-no-values", "warning", f"「{label}」没有印出数值", where, tuple(c.key for c in cells))
            return
        printed = tuple(v.target if v.type == "NUMBER" else None for v in values)
        if len(values) == len(cells):
            printed = tuple(self._in_wan(c, v, t) if c.kind == "decimal" else v
                            for c, v, t in zip(cells, printed, values))
        blanks = tuple(c.key for c, v in zip(cells, printed) if v is None) if len(values) == len(cells) else ()
        if blanks:
            self.note("cell-blank", "info", f"「{label}」有{len(blanks)}栏空白（不同于0）", where, blanks)
        self.runs.append(Run(label, cells, printed, tuple(_span(v) for v in values), _span(where),
                             tuple(map(str, values))))

    def _in_wan(self, cell: Cell, value: Value, token: Word) -> Value:
        """A money value (of a ``decimal`` cell) printed in 元 (or under a header in 元), in the 万元 the template
        counts in (reported)."""
        number = parse_number(_text(token)) if value is not None else None
        if number is None or not (number[1] == "元" or (not number[1] and cell.column.key in self.yuan)):
            return value
        converted = Decimal(number[0]) / YUAN_PER_WAN
        self.note("number-unit-converted", "info",
                  f"{cell.describe()}印为「{token}」，按{format_value(converted)}万元计", token, (cell.key,))
        return converted

    def _cells(self) -> Cells:
        placed = place(self.runs, self.template, disordered=disordered(self.findings))
        self.findings += placed.findings
        values: list[Value] = []
        spans: list[Span | None] = []
        for cell in self.template.cells:
            value = placed.values.get(cell.key)
            span = placed.spans.get(cell.key)
            values.append(self._typed(cell, value, span))
            spans.append(span)
        return Cells(tuple(values), tuple(spans), frozenset(placed.inferred), edition=self.template.edition)

    def _typed(self, cell: Cell, value: Value, span: Span | None) -> Value:
        """``value`` as the cell's type: money a ``Decimal``, counts whole ``int``s."""
        if value is None or (cell.kind != "decimal" and isinstance(value, int)):
            return value
        if cell.kind == "decimal":
            return Decimal(value)
        assert isinstance(value, Decimal)
        printed = format_value(value)
        if value == value.to_integral_value():
            self.findings.append(note("number-decimal-count", "info",
                                      f"{cell.describe()}印为「{printed}」，按整数计", span, (cell.key,)))
            return int(value)
        message = f"{cell.describe()}应为整数，印为「{printed}」；按空白处理"
        self.findings.append(note("number-not-integer", "error", message, span, (cell.key,)))
        return None

    # --- metadata --------------------------------------------------------------
    def _metadata(self, document: Document, cells: Cells, prose: dict[int, list[str]]) -> Report:
        title = strip_markup(_text(document.title)) if document.title else None
        organ, year = organ_and_year(title) if title else (None, None)
        signature = strip_markup(_text(document.signature)) if document.signature else None
        published = document.date.target if document.date else None
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
