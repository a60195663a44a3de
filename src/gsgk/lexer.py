"""The layout-normalising lexer: lines of cells → one token stream for the grammar.

Whatever the layout (one cell per line, tab- or pipe-separated rows, labels
split over lines, HTML table rows), the grammar sees the same terminals:
section headings, prose lines, and inside the tables captions, header words,
group labels, row labels, numbers and blanks; a row of 表二 or 表三 it
recognised is its own terminal (:mod:`gsgk.grammar`), so that the grammar
decides whether it stands in the template's order.  :mod:`gsgk.pieces` turns a
table's lines into pieces and :mod:`gsgk.vocabulary` recognises wording; this
module finds the title, headings, signature and date, decides what each piece
of a table is from where it stands, and reports what it recognised loosely.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from lark import Token

from .findings import Finding, Place, Severity, note
from .grammar import HEADING_TYPES, ITEMS, Item, terminal
from .layout import Cell, Line
from .metadata import organ_and_year
from .pieces import Piece, table_pieces
from .template import APPEALS, EDITIONS, REQUESTS, SECTIONS, Block, Row, Section
from .values import parse_date, parse_number
from .vocabulary import HEADING_MAX, Match, heading, key, lookup

_SENTENCE_END = "。；;：:，,！!？?"
TITLE_MAX = 80
TITLE_WITHIN = 8
_SIGNED = re.compile(r"^\s*(\S.*?)\s+(\S+)\s*$")
FURNITURE = 3
FURNITURE_MAX = 30
"""At most this many lines, this short, may follow the date (page furniture)."""
"""The title is looked for among the first non-blank lines of a report."""
SIGNATURE_MAX = 40


class Word(Token):
    """A token of the report: its printed text (the token is that string), where it stands, and what the
    lexer recognised it as (``target``: a section, caption, row, column, number or date; ``None`` for text).

    A Lark token with one more slot, made once per cell (a separate value object would double the cost)."""

    __slots__ = ("target",)
    target: Any  # what the token type says: see the list above

    def __reduce__(self) -> tuple[Any, ...]:
        return _word, (self.type, str(self), self.line, self.column, self.target)

    def __deepcopy__(self, memo: dict[int, object]) -> Word:
        return _word(self.type, str(self), self.line, self.column, self.target)


def _word(type_: str, text: str, line: int | None, column: int | None, target: object = None) -> Word:
    word = Word(type_, text, None, line, column)
    word.target = target
    return word


def tokenize(lines: Sequence[Line]) -> tuple[list[Word], list[Finding]]:
    """The token stream of a report, and the findings made while reading it."""
    lexer = _Lexer()
    lexer.run(lines)
    return lexer.tokens, lexer.findings


class _Lexer:
    def __init__(self) -> None:
        self.tokens: list[Word] = []
        self.findings: list[Finding] = []

    def emit(self, type_: str, text: str, line: int, column: int, target: object = None) -> None:
        self.tokens.append(_word(type_, text, line, column, target))

    def note(self, code: str, severity: Severity, message: str, at: Place) -> None:
        self.findings.append(note(code, severity, message, at))

    # --- the whole report ------------------------------------------------------
    def run(self, lines: Sequence[Line]) -> None:
        for line in lines:
            if line.furniture:
                self.note("page-furniture", "info", f"页眉、页脚或页码「{line.content}」已忽略",
                          Cell(line.content, line.number, 1))
        lines = [line for line in lines if not line.furniture]
        start, end = self._closing(lines)
        body = [*lines[:start], *lines[end:]]
        first = next((i for i, line in enumerate(body) if _starts(line, 0)), len(body))
        self._front(body[:first])
        section: Section | None = None
        table: list[Line] | None = None  # the lines of the table section being read
        for line in body[first:]:
            begins = _starts(line, section.number if section else 0)
            if begins:
                if section and table is not None:
                    self._table(section, table)
                started, canonical = begins
                section, table = started, ([] if started.is_table else None)
                if canonical is not None:
                    self._emit_heading(line, started, canonical)
                    continue
                self._imply_heading(line, started)
            if table is not None:
                table.append(line)
            elif not line.is_blank:
                self._prose_line(line, "TEXT")
        if section and table is not None:
            self._table(section, table)
        self._emit_closing(lines[start:end])

    def _imply_heading(self, line: Line, section: Section) -> None:
        cell = next(c for c in line.cells if c.text)
        self.emit(HEADING_TYPES[section.number], "", cell.line, cell.column, section)
        self.note("heading-implied", "warning",
                  f"缺少标题「{section.heading}」；表格从「{cell.text}」开始", cell)

    def _emit_heading(self, line: Line, section: Section, canonical: bool) -> None:
        cell = next(c for c in line.cells if c.text)
        self.emit(HEADING_TYPES[section.number], cell.text, cell.line, cell.column, section)
        if not canonical:
            self.note("heading-variant", "info",
                      f"标题「{cell.text}」按「{section.heading}」识别", cell)

    def _prose_line(self, line: Line, type_: str) -> None:
        cell = next((c for c in line.cells if c.text), None)
        column = cell.column if cell else 1
        self.emit(type_, line.content, line.number, column)

    # --- title and preamble ----------------------------------------------------
    def _front(self, lines: Sequence[Line]) -> None:
        """The title (the first line naming a 报告, with the organ lines just before it) and the preamble.

        Lines before the title (a publication line, a source) join the preamble.
        """
        texts = [line for line in lines if not line.is_blank]
        named = [i for i, line in enumerate(texts[:TITLE_WITHIN]) if _names_report(line.content)]
        end = next((i for i in named if organ_and_year(texts[i].content)[1] is not None), None)
        end = named[0] if end is None and named else end
        if end is not None:
            start = end
            while start > 0 and _is_title_part(texts[start - 1].content):
                start -= 1
            title = texts[start: end + 1]
            self.emit("TITLE", "".join(line.content for line in title), title[0].number, 1)
            texts = texts[:start] + texts[end + 1:]
        for line in texts:
            self._prose_line(line, "TEXT")

    # --- signature and date ----------------------------------------------------
    @staticmethod
    def _closing(lines: Sequence[Line]) -> tuple[int, int]:
        """Where the signature and date are: ``lines[start:end]``, both ``len(lines)`` if absent.

        The date is the last line that is a date, followed at most by a few short
        lines of page furniture (``【打印本页】``, ``（此件公开发布）``).
        """
        filled = [i for i, line in enumerate(lines) if not line.is_blank]
        dated = next((i for i in reversed(filled[-FURNITURE - 1:]) if _signed_date(lines[i].content)[1]), None)
        if dated is None or not all(_is_furniture(lines[i].content) for i in filled if i > dated):
            return len(lines), len(lines)
        before = next((i for i in reversed(filled) if i < dated), None)
        if before is not None and not _signed_date(lines[dated].content)[0]:
            line = lines[before]
            if _is_short_name(line.content) and not _starts(line, 4) \
                    and parse_number(line.content) is None and len(line.cells) <= 1:
                return before, dated + 1
        return dated, dated + 1

    def _emit_closing(self, lines: Sequence[Line]) -> None:
        filled = [line for line in lines if not line.is_blank]
        if not filled:
            return
        last = filled[-1]
        signature, date = _signed_date(last.content)
        if len(filled) == 2:
            self._prose_line(filled[0], "SIGNATURE")
        elif signature:
            self.emit("SIGNATURE", signature, last.number, 1)
        self.emit("DATE", last.content[len(signature or ""):].strip(), last.number, 1, date)

    # --- tables ----------------------------------------------------------------
    def _table(self, section: Section, lines: Sequence[Line]) -> None:
        pieces = table_pieces(section.number, lines, self.findings)
        if section.across:
            self._across(section, pieces)
        else:
            self._labelled(section, pieces)

    def _value(self, piece: Piece) -> None:
        if piece.kind == "blank":
            self.emit("BLANK", piece.text, piece.line, piece.column)
            return
        if piece.unit:
            self.note("number-unit", "info", f"数值「{piece.text}」带单位「{piece.unit}」", piece)
        self.emit("NUMBER", piece.text, piece.line, piece.column, piece.value)

    def _across(self, section: Section, pieces: list[Piece]) -> None:
        """A table read across: its labels are header words, its values one run in template order."""
        body = False
        for piece in pieces:
            if piece.kind == "text":
                if body and not lookup(section.number, piece.text):
                    self._unknown(piece, followed=False)
                else:
                    self._header(section.number, piece, None)
                continue
            if piece.kind == "blank" and not body and not piece.value_row:
                continue
            body = True
            self._value(piece)

    def _labelled(self, section: Section, pieces: list[Piece]) -> None:
        body = False
        block: Block | None = None
        label_line, inline = 0, False  # the line of the last row label; did values follow it there?
        for i, piece in enumerate(pieces):
            if piece.kind != "text":
                if piece.kind == "blank" and not body:
                    continue
                if piece.line == label_line:
                    inline = True
                elif inline and _alone(pieces, i):
                    # a number or blank mark alone on its line after a row printed on one line: not that row's
                    self.emit("LOOSE", piece.text, piece.line, piece.column, piece.value)
                    continue
                self._value(piece)
                continue
            label_line, inline = piece.line, False
            followed = i + 1 < len(pieces) and pieces[i + 1].kind != "text"
            match = _choose(lookup(section.number, piece.text), body, followed)
            if match is None or (body and followed and match.kind in ("column", "header")):
                self._unknown(piece, followed)
            elif match.kind == "caption":
                assert isinstance(match.target, Block)
                block, body = match.target, False
                self._loose(match, piece)
                self.emit(_terminal(section, block), piece.text, piece.line, piece.column, block)
            elif match.kind == "row" or (match.kind == "group" and followed):
                body = True
                label = "LABEL"
                if match.kind == "row":
                    assert isinstance(match.target, Row)
                    block = match.block
                    label = _terminal(section, match.target)
                self._loose(match, piece)
                self.emit(label, piece.text, piece.line, piece.column, match.target)
            elif match.kind == "group":
                body = True
                self._loose(match, piece)
                self.emit("GROUP", piece.text, piece.line, piece.column, match.target)
            else:
                body = False
                self._header(section.number, piece, block)

    def _header(self, section: int, piece: Piece, block: Block | None) -> None:
        matches = lookup(section, piece.text)
        if not matches:
            self.note("header-unknown", "warning", f"表头「{piece.text}」不是模板中的表头", piece)
        elif matches[0].quality == "placeholder":
            self.note("header-placeholder", "info", f"表头「{piece.text}」是占位词；数值按模板的栏目顺序读取", piece)
        elif block is not None and all(m.block is None or m.block.caption != block.caption for m in matches):
            own = ", ".join(f"「{c.label}」" for c in block.columns)
            self.note("header-foreign", "warning",
                      f"{block.caption}的表头印为「{piece.text}」，模板为{own}", piece)
        elif matches[0].quality in ("variant", "fuzzy"):
            self._loose(matches[0], piece, "header")
        target = matches[0].target if matches else None
        self.emit("HEADER", piece.text, piece.line, piece.column, target)

    def _unknown(self, piece: Piece, followed: bool) -> None:
        if followed:
            self.emit("LABEL", piece.text, piece.line, piece.column, None)
            return
        self.note("text-in-table", "warning", f"表格中的文字「{piece.text}」不属于模板", piece)
        self.emit("TEXT", piece.text, piece.line, piece.column)

    def _loose(self, match: Match, piece: Piece, what: str = "label") -> None:
        if match.quality in ("exact", "fragment"):
            return
        severity: Severity = "warning" if match.quality == "fuzzy" else "info"
        self.note(f"{what}-{match.quality}", severity,
                  f"「{piece.text}」按模板的「{match.canonical}」识别", piece)


def _alone(pieces: list[Piece], i: int) -> bool:
    """Is ``pieces[i]`` the only piece of its line?  (Pieces are in reading order: a line's are together.)"""
    line = pieces[i].line
    return (i == 0 or pieces[i - 1].line != line) and (i + 1 == len(pieces) or pieces[i + 1].line != line)


def _terminal(section: Section, item: Item) -> str:
    """The terminal of a recognised caption or row: its own where the grammar orders them, else ``LABEL``."""
    return terminal(section.number, item) if section.number in ITEMS else "LABEL"


_PREFERENCE = {
    False: ("caption", "column", "header", "group", "row"),
    True: ("caption", "row", "group", "column", "header"),
}


def _choose(matches: tuple[Match, ...], body: bool, followed: bool) -> Match | None:
    """The recognition that fits where the text stands (header area or table body)."""
    if not matches:
        return None
    order = _PREFERENCE[body]
    if matches[0].quality == "fragment":
        return matches[0] if not body else None
    best = min(matches, key=lambda m: order.index(m.kind))
    if best.kind == "row" and not followed:
        # a row of one edition that is a group of another (（六）其他处理) is a group without values
        groups = [m for m in matches if m.kind == "group"]
        headers = [m for m in matches if m.kind in ("column", "header")] if best.quality != "exact" else []
        if groups or headers:
            return (groups or headers)[0]
    return best


_OPENERS = {
    2: {key(block.caption or "") for t in EDITIONS.values() for block in t.section(2).blocks},
    3: {key(word) for word in REQUESTS.blocks[0].header_words[:2]},
    4: {key(APPEALS.blocks[0].rows[0].leaf)},
}
"""Words that can only open a given table: a table printed without its heading starts there."""
_OPENED = {word: SECTIONS[n - 1] for n, words in _OPENERS.items() for word in words}
_OPENER_MAX = max(len(word) for word in _OPENED) + 10


def _starts(line: Line, after: int) -> tuple[Section, bool | None] | None:
    """The section ``line`` starts: by its heading (and whether that is printed canonically), or, with
    ``None`` for that, a table (later than ``after``) that the line unmistakably opens without one."""
    cells = line.cells
    if len(cells) == 1:  # the usual case
        text, alone = cells[0].text, True
    else:
        texts = [c.text for c in cells if c.text]
        if not texts:
            return None
        text, alone = texts[0], len(texts) == 1
    found, opened = _start(text) if len(text) <= _START_MAX else (heading(text), None)
    if found and alone:
        return found
    return (opened, None) if opened is not None and opened.number > after else None


_START_MAX = max(HEADING_MAX, _OPENER_MAX)


@lru_cache(maxsize=4096)
def _start(text: str) -> tuple[tuple[Section, bool] | None, Section | None]:
    """The heading ``text`` is, and the table it opens."""
    return heading(text), (_OPENED.get(key(text)) if len(text) <= _OPENER_MAX else None)


def _names_report(text: str) -> bool:
    """Could this line be (the end of) a report's title?  Short, names a 报告, not a sentence."""
    return len(text) <= TITLE_MAX and ("报告" in text or "年报" in text) and "。" not in text


def _is_title_part(text: str) -> bool:
    """A line that can open a title broken over lines: an organ name, in Chinese characters only."""
    return _is_short_name(text) and all("\u4e00" <= ch <= "\u9fff" or ch in "（）()·" for ch in text)


def _signed_date(text: str) -> tuple[str | None, datetime.date | None]:
    """A closing line: a date alone, or a signature and a date on one line (``某县人民政府 2024年1月20日``)."""
    date = parse_date(text)
    if date is not None:
        return None, date
    m = _SIGNED.match(text)
    date = parse_date(m[2]) if m and _is_short_name(m[1]) else None
    return (m[1], date) if m and date is not None else (None, None)


def _is_furniture(text: str) -> bool:
    """A short line after the date that is no sentence of the report (print and close links)."""
    return len(text) <= FURNITURE_MAX and "。" not in text


def _is_short_name(text: str) -> bool:
    """A short line without sentence punctuation: a title part or a signature."""
    return 0 < len(text) <= SIGNATURE_MAX and text[-1] not in _SENTENCE_END and "。" not in text

