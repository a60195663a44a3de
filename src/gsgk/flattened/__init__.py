"""Reports whose table markup was lost: glued digits read back through the template's sums.

Crawlers that call ``get_text()`` without a separator, or ``text_content()``
of a page, print a table as its words and digits run together
(``一、本年新收政府信息公开申请数量21710000218``).  When a load finds no table,
or leaves cells of 表三/表四 blank, the text is read again here: the sections
are found inside lines (:mod:`.stream`), each run of digits is split into its
row's values (:mod:`.split`), the rows are combined under the column sums
(:mod:`.solve`), and the report is built from rows with their cells restored.
Every value read from a split run is marked inferred, with a warning naming
the rules that fixed it; a cell with more than one reading stays blank, with an
error listing the readings.  PDF text printed column by column is re-assembled
by :mod:`.columns`; Markdown from PDF converters, read with a table cell blank,
is read again by its rows (:mod:`.markdown`) and the two readings reconciled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..builder import build
from ..errors import ParseError
from ..findings import CellKey, Finding, disordered, note
from ..layout import Cell as LineCell
from ..layout import Line
from ..model import Number, Report, Value
from ..parser import parse_lines
from ..template import NUMERALS, TEMPLATE, Cell, Identity, Row
from ..values import format_value, total
from .columns import Mismatch, column_runs
from .markdown import is_markdown, markdown_runs
from .solve import combine
from .split import Budget, Reading, TooMany, row_readings
from .stream import Part, Run, Source, parts, runs

__all__ = ["lacks_tables", "markdown_gaps", "reread"]

TITLE_MAX = 80
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_SIGNATURE_MAX = 40
SHOWN = 5
"""At most this many readings are listed in a message."""
_STATED = r"[^\d。；]{0,8}?(\d+(?:\.\d+)?)\s*[件个项条]"
"""A number the prose states after a row's label, within a few characters (``…行政规范性文件62件``)."""
_NO_LEADING_ZERO = "每个数不以0开头（0本身除外）"


def lacks_tables(report: Report) -> bool:
    """Are most cells of 表三 and 表四 blank (worth reading the text again as flattened)?

    A report with a few blank cells is read once, as before; one whose rows
    were glued to their labels has (nearly) all of them blank.  Flattened text
    is read in the 2021 edition: a report read in the 2019 edition is kept.
    """
    if report.edition != TEMPLATE.edition:
        return False
    values = [v for c, v in zip(TEMPLATE.cells, report.cells.data) if c.section in (3, 4)]
    return values.count(None) * 2 > len(values)


def markdown_gaps(lines: Sequence[Line], report: Report) -> bool:
    """Is the text Markdown, read in the 2021 edition with a table cell left blank (worth reading its rows again)?"""
    if report.edition != TEMPLATE.edition:
        return False
    return None in report.cells.data and is_markdown(lines)  # every cell is a cell of 表二–表四


def reread(lines: Sequence[Line], report: Report | None) -> Report | None:
    """The report read as flattened text, if that reads more cells than ``report`` (``None`` otherwise).

    ``report`` is what the ordinary reading gave (``None`` if it failed).
    Raises :class:`ParseError` when, with no ordinary reading (or one that
    read no table cell), the text is flattened but no cell can be read from it.
    """
    if report is not None and not _filled(report):
        report = None
    source = Source(lines)
    found = parts(source.text)
    try:
        tables = _tables(source, found)
        if tables is None:
            return _verified(report) if report is not None and disordered(report.diagnostics) else None
        reading = _Reading(source, source.text[: min(p.start for p in found if p.section.is_table)])
        for part in found:
            reading.part(part, tables.get(part.section.number, []))
        if not any(v is not None for v in reading.values.values()):
            headings = "、".join(f"「{p.section.heading}」" for p in found)
            raise _Unreadable(f"the text reads as a report whose tables lost their layout (found {headings}), "
                              "but no cell could be read from it")
        document = parse_lines(reading.lines)
    except (_Unreadable, ParseError) as exc:
        if report is not None:
            return _verified(report)
        raise ParseError(str(exc) if isinstance(exc, _Unreadable) else f"the flattened text cannot be rebuilt: "
                         f"{exc.message}", line=1, column=1, code="flattened",
                         expected="digit runs that split into the rows' values under the template's sums, "
                                  "or as many numbers as the cells of the rows labelled before them") from None
    rebuilt = build(attrs.evolve(document, findings=(*document.findings, *reading.findings)))
    cells = attrs.evolve(rebuilt.cells, inferred=rebuilt.cells.inferred | reading.inferred)
    diagnostics = tuple(f for f in rebuilt.diagnostics
                        if not (f.code == "cell-blank" and set(f.cells) <= reading.blanked))
    rebuilt = attrs.evolve(rebuilt, cells=cells, diagnostics=diagnostics)
    if report is None:
        return rebuilt
    if _filled(report) >= _filled(rebuilt):
        # Markdown read both ways: a cell the two readings give differently is not the ordinary reading's to keep
        if not is_markdown(lines):
            return None
        doubts = [f for f in reading.findings if f.severity == "error" and set(f.cells) & reading.blanked
                  and any(report.cells[k] is not None for k in f.cells)]
        return _reconciled(report, report, rebuilt, doubts)
    return _reconciled(rebuilt, report, rebuilt)


def _verified(report: Report) -> Report | None:
    """The ordinary reading of a text whose tables came out mostly blank (and could not be rebuilt), keeping a
    row's values only where its own sums verify them: every cell printed (none inferred), not all zero, every
    sum inside the row kept.  The other rows' values are blanked with one error (``None`` if there is
    nothing to blank).

    Such a reading took numbers in the order the text gives them, which is not their table's: a row that
    looks whole may hold another row's numbers (表二's rows, without sums, can never be verified).
    """
    template = report.template
    data = list(report.cells.data)
    blanked: list[CellKey] = []
    for section, block in template.blocks():
        for row in block.rows:
            cells = template.row_cells(section.number, row)
            values = [report.cells[c.key] for c in cells]
            if all(v is None for v in values):
                continue
            read = {c.key: v for c, v in zip(cells, values) if v is not None and c.key not in report.cells.inferred}
            sums = [i for i in template.identities if all(c.key in read for c in i.cells)]
            if len(read) == len(cells) and any(values) and sums and all(_kept(read, i) for i in sums):
                continue
            for cell in cells:
                data[template.position(cell.key)] = None
            blanked += [c.key for c, v in zip(cells, values) if v is not None]
    if not blanked:
        return None
    finding = note("flattened-unverified", "error",
                   f"表格的排版已丢失，且无法按数字重排；按原样读出的数值中，有{len(blanked)}栏所在的行不能由本行的勾稽关系"
                   "验证（可能是别行的数），按空白处理", None, tuple(blanked))
    kept = attrs.evolve(report.cells, data=tuple(data), inferred=report.cells.inferred - set(blanked))
    return attrs.evolve(report, cells=kept, diagnostics=(*report.diagnostics, finding))


def _kept(values: dict[CellKey, Number], identity: Identity) -> bool:
    return total(values[c.key] for c in identity.left) == total(values[c.key] for c in identity.right)


def _reconciled(kept: Report, ordinary: Report, rearranged: Report, doubts: Sequence[Finding] = ()) -> Report:
    """``kept`` (one of the two readings) with every cell the two give different values blanked, with an error.

    ``doubts`` are the rearranged reading's errors about rows it could not
    settle (the numbers could be either of them): when the ordinary reading is
    kept, it does not keep a value in those rows either.
    """
    data = list(kept.cells.data)
    findings: list[Finding] = list(doubts)
    doubtful = {key for f in doubts for key in f.cells}
    for position, key in enumerate(kept.cells):
        first, second = ordinary.cells[key], rearranged.cells[key]
        if key in doubtful:
            data[position] = None
            continue
        if first is None or second is None or first == second:
            continue
        data[position] = None
        span = kept.cells.span(key)
        findings.append(note(
            "flattened-ambiguous", "error",
            f"「{key[1].split('/')[-1]}」的「{key[2]}」按表格原样读为{_shown(first)}，按重排的数字读为{_shown(second)}；"
            "两种读法不一致，按空白处理", LineCell("", span.line, span.column) if span else None, (key,)))
    if not findings:
        return kept
    blanked = {key for f in findings for key in f.cells}
    cells = attrs.evolve(kept.cells, data=tuple(data), inferred=kept.cells.inferred - blanked)
    return attrs.evolve(kept, cells=cells, diagnostics=(*kept.diagnostics, *findings))


class _Unreadable(Exception):
    """Flattened text from which nothing can be read; the message says why."""


Entries = list[tuple[Run | None, str, int, tuple[Row, ...]]]
"""A table's runs in order; an unattached one as ``(None, text, offset, rows it could be)``."""


def _tables(source: Source, found: Sequence[Part]) -> dict[int, Entries] | None:
    """The runs of each table section: Markdown rows, else glued runs, else a column-major table, else ``None``."""
    tables = [p for p in found if p.section.is_table]
    if is_markdown(source.lines):
        rows = markdown_runs(source, tables)
        return {n: [(r, r.text, r.offset, ()) if isinstance(r, Run)
                    else (None, " ".join(r.entry.items), r.entry.offset, r.rows) for r in found_rows]
                for n, found_rows in rows.items()}
    glued: dict[int, Entries] = {p.section.number: [(run, text, at, ()) for run, text, at in runs(source.text, p)]
                                 for p in tables}
    if any(_glued(source.text, run) for entries in glued.values() for run, _, _, _ in entries if run is not None):
        return glued
    try:
        columns = column_runs(source, tables)
    except Mismatch as exc:
        raise _Unreadable(f"the text reads as a table printed column by column, but {exc}") from None
    if not any(columns.values()):
        return None
    return {n: [(r, r.text, r.offset, ()) for r in rows] for n, rows in columns.items()}


def _glued(text: str, run: Run) -> bool:
    """Is ``run`` glued to the label before it, with fewer digit chunks than its row has cells?"""
    return run.offset > 0 and not text[run.offset - 1].isspace() and len(run.items) < len(run.cells)


def _filled(report: Report) -> int:
    return sum(v is not None for k, v in report.cells.items() if k[0] > 1)


class _Reading:
    """Lines in the layout the lexer reads, and what was said while restoring them."""

    def __init__(self, source: Source, before: str) -> None:
        self.source = source
        self.before = before
        """The text before the tables, where the prose states numbers."""
        self.lines: list[Line] = []
        self.findings: list[Finding] = []
        self.values: dict[CellKey, Value] = {}
        self.inferred: set[CellKey] = set()
        self.blanked: set[CellKey] = set()
        self.started = False

    def text(self, offset: int, text: str) -> None:
        text = text.strip()
        if text:
            line, column = self.source.where(offset)
            self.lines.append(Line(line, text, (LineCell(text, line, column),)))

    def prose(self, start: int, end: int) -> None:
        offset = start
        for chunk in self.source.text[start:end].split("\n"):
            self.text(offset, chunk)
            offset += len(chunk) + 1

    def front(self, end: int) -> None:
        """The text before the first heading; a long first line is cut after the title's 报告."""
        text = self.source.text[:end]
        first = len(text) - len(text.lstrip())
        cut = text.find("报告", first, first + TITLE_MAX)
        newline = text.find("\n", first)
        if cut >= 0 and (newline < 0 or cut < newline):
            self.text(first, text[first: cut + 2])
            first = cut + 2
        self.prose(first, end)

    def closing(self, start: int, end: int) -> None:
        """The last section's text, its signature and date put on lines of their own."""
        dates = list(_DATE.finditer(self.source.text, start, end))
        if not dates:
            self.prose(start, end)
            return
        date = dates[-1]
        body = self.source.text[start: date.start()]
        stop = max(body.rfind(mark) for mark in "。！\n")
        signature = start + stop + 1
        if stop < 0 or date.start() - signature > _SIGNATURE_MAX:
            signature = date.start()
        self.prose(start, signature)
        self.text(signature, self.source.text[signature: date.start()])
        self.text(date.start(), date[0])
        self.prose(date.end(), end)

    def part(self, part: Part, entries: Entries) -> None:
        if not self.started:
            self.front(part.start)
            self.started = True
        self.text(part.start, re.sub(r"\s+", "", self.source.text[part.start: part.body]))
        if not part.section.is_table:
            if part.end == len(self.source.text):
                self.closing(part.body, part.end)
            else:
                self.prose(part.body, part.end)
            return
        printed = [run for run, _, _, _ in entries if run is not None]
        for run, text, offset, rows in entries:
            if run is None and rows:
                keys = tuple(c.key for row in rows for c in TEMPLATE.row_cells(part.section.number, row))
                shown = "、".join(f"「{row.leaf}」" for row in rows)
                self.findings.append(note(
                    "flattened-ambiguous", "error",
                    f"表{part.section.numeral}中的数字「{text}」可能属于{len(rows)}行：{shown}；"
                    "未计入，这些行按空白处理", LineCell(text, *self.source.where(offset)), keys))
                self.blanked.update(keys)
            elif run is None:
                line, column = self.source.where(offset)
                self.findings.append(note(
                    "flattened-unplaced", "warning",
                    f"表{part.section.numeral}中的数字「{text.strip()}」前没有可识别的行标签，未计入",
                    LineCell(text, line, column)))
        for run, values in zip(printed, self._solve(printed)):
            line, column = self.source.where(run.offset)
            cells = [LineCell(run.row.leaf, line, column)] if run.row else []
            cells += [LineCell(format_value(v) if v is not None else "—", line, column) for v in values]
            self.lines.append(Line(line, "\t".join(c.text for c in cells), tuple(cells), exact=True))
            self.values.update((c.key, v) for c, v in zip(run.cells, values))

    def _solve(self, printed: list[Run]) -> list[tuple[Value, ...]]:
        """The values of each run, settled under the sums; findings for every run that needed it."""
        own: list[list[Reading] | None] = []
        for run in printed:
            keys = {c.key for c in run.cells}
            inside = [i for i in TEMPLATE.identities if all(c.key in keys for c in i.cells)]
            try:
                own.append(row_readings(run.cells, run.items, inside, Budget()))
            except TooMany:
                own.append(None)
        rows = [(tuple(c.key for c in run.cells), readings or []) for run, readings in zip(printed, own)]
        try:
            joint = combine(rows, TEMPLATE.identities, Budget())
        except TooMany:
            joint = [readings for _, readings in rows]
        return [self._settle(run, readings, kept) for run, readings, kept in zip(printed, own, joint)]

    def _settle(self, run: Run, readings: list[Reading] | None, kept: list[Reading]) -> tuple[Value, ...]:
        keys = tuple(c.key for c in run.cells)
        at = LineCell(run.text, *self.source.where(run.offset))
        label = run.row.leaf if run.row else f"表{NUMERALS[run.section - 1]}"
        glued = len(run.items) < len(run.cells)
        if not kept:
            why = (f"拆分的可能超过{Budget().left}步的搜索上限" if readings is None
                   else "没有一种拆分符合模板（每个数不以0开头、勾稽关系）")
            self.findings.append(note(
                "flattened-unreadable", "error",
                f"「{label}」的数字「{run.text.strip()}」无法拆分为{len(keys)}栏：{why}；本行按空白处理",
                at, keys))
            self.blanked.update(keys)
            return (None,) * len(keys)
        values = tuple(r[0] if all(x[i] == r[0] for x in kept) else None
                       for i, r in enumerate(zip(*kept)))
        open_ = tuple(k for k, v, r in zip(keys, values, zip(*kept)) if v is None and len(set(r)) > 1)
        if open_:
            shown = "；".join("/".join(_shown(v) for v in reading) for reading in kept[:SHOWN])
            shown += f"；等{len(kept)}种" if len(kept) > SHOWN else ""
            self.findings.append(note(
                "flattened-ambiguous", "error",
                f"「{label}」的数字「{run.text.strip()}」有{len(kept)}种拆分都符合模板：{shown}；"
                f"{self._supported(run, kept)}不能确定的{len(open_)}栏按空白处理", at, open_))
            self.blanked.update(open_)
        if run.arranged:
            settled = tuple(k for k, v in zip(keys, values) if v is not None)
            self.inferred.update(settled)
            self.findings.append(note(
                run.code, "warning",
                f"「{label}」的数字按{run.arranged}读为：" + "/".join(_shown(v) for v in values),
                at, settled))
        elif glued:
            settled = tuple(k for k, v in zip(keys, values) if v is not None)
            self.inferred.update(settled)
            rules = _rules(run.cells, TEMPLATE.identities, across=readings is not None and len(readings) > len(kept))
            self.findings.append(note(
                "flattened-split", "warning",
                f"「{label}」的数字「{run.text.strip()}」连在一起，按{rules}拆分为："
                + "/".join(_shown(v) for v in values), at, settled))
        return values


    def _supported(self, run: Run, kept: list[Reading]) -> str:
        """Which readings a number the prose states for the row agrees with (``制发行政规范性文件62件``)."""
        if run.row is None:
            return ""
        stated = re.compile(re.escape(run.row.leaf) + _STATED)
        for m in stated.finditer(self.before):
            fits = [r for r in kept if any(v is not None and format_value(v) == m[1] for v in r)]
            if fits and len(fits) < len(kept):
                shown = "；".join("/".join(_shown(v) for v in r) for r in fits[:SHOWN])
                return f"正文「{m[0]}」与其中{len(fits)}种相符（{shown}）；"
        return ""


def _shown(value: Value) -> str:
    return "—" if value is None else format_value(value)


def _rules(cells: Sequence[Cell], identities: Sequence[Identity], across: bool) -> str:
    """The rules a split used: no leading zero, the row's own sums, and the column sums if they chose."""
    keys = {c.key for c in cells}
    inside = {i.rule for i in identities if all(c.key in keys for c in i.cells)}
    joining = {i.rule for i in identities if any(c.key in keys for c in i.cells)} - inside if across else set()
    return "、".join([_NO_LEADING_ZERO, *sorted(inside), *sorted(joining)])
