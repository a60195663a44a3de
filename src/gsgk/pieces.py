"""Table lines → pieces: the cells of a table, whatever the layout, in reading order.

Cells are grouped into rows (a multi-cell line is a row; single-cell lines run
together), a cell broken over tab-indented lines is rejoined, numbers printed
after a label with spaces (PDF copies) are split off, template words printed
side by side are split and a label split over two cells is joined.  Each piece
is text, a value or a blank: an empty cell is a blank value where it stands
between values (or anywhere after the label of an exact HTML/DOCX row);
elsewhere it is layout and dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from .findings import Finding, note
from .layout import Cell, Line
from .values import is_blank, parse_number
from .vocabulary import leading_group, lookup, starts_label

_PAGE_NUMBER = re.compile(r"^[-—－]\s*\d{1,3}\s*[-—－]$|^第\s*\d{1,3}\s*页(共\s*\d+\s*页)?$")
_RULE_LINE = re.compile(r"^[-—–=:：|｜\s]{3,}$")
_MARKS = frozenset("-—－第–=:：|｜")
"""The characters other than spaces that a page number or a rule line starts with."""
_SPACES = re.compile(r"\S+")
_WHITESPACE = re.compile(r"\s")


@attrs.define
class Piece:
    """A cell of a table: text, a value (with its unit) or a blank; where it stands.

    Not frozen (the lexer makes hundreds per report and never changes them; a frozen class
    costs five times as much to make): pieces are replaced with :func:`attrs.evolve`.
    """

    kind: Literal["text", "value", "blank"]
    text: str
    line: int
    column: int
    value: int | Decimal | None = None
    unit: str = ""
    value_row: bool = False  # stands in a row that holds no text


@attrs.define
class _Open:
    """A cell still open to continuation lines."""

    text: str
    line: int
    column: int
    exact: bool

    def extend(self, line: Line) -> None:
        if not self.text:
            self.line, self.column = line.number, line.cells[0].column
        self.text += line.content


def table_pieces(section: int, lines: Sequence[Line], findings: list[Finding]) -> list[Piece]:
    """The pieces of a table section's lines (findings about skipped lines go to ``findings``)."""
    pieces = [piece for row in _rows(lines, findings) for piece in _row_pieces(row)]
    return _joined(section, pieces)


def _rows(lines: Sequence[Line], findings: list[Finding]) -> Iterator[list[_Open]]:
    """Group cells into rows: a multi-cell line alone, single-cell lines in runs.

    A continuation line (a label or header broken across lines, in copies
    with one tab-indented cell per line) extends the cell before it.
    """
    run: list[_Open] = []
    previous: Line | None = None
    for line in lines:
        if not line.cells and line.is_blank:
            if run:
                yield run
            run, previous = [], None
            continue
        lead = line.content[:1]
        marked = lead in _MARKS or lead.isspace()  # could be a page number or a rule
        if marked and _PAGE_NUMBER.match(line.content):
            findings.append(note("page-number", "info", f"页码「{line.content}」已忽略",
                                     Cell(line.content, line.number, 1)))
            continue
        if run and not line.indented and _continues(previous, line, run[-1]):
            run[-1].extend(line)
            previous = line
            continue
        if marked and _RULE_LINE.match(line.content) and not _blank_marks(line):
            continue
        if line.exact:
            cells = [_Open(c.text, c.line, c.column, True) for c in line.cells]
        elif len(line.cells) == 1 and not _WHITESPACE.search((cell := line.cells[0]).text):  # the usual case
            cells = [_Open(cell.text, cell.line, cell.column, False)]
        else:
            cells = [part for c in line.cells for part in _spaced_numbers(c)]
        if len(cells) > 1 or line.exact:
            if run:
                yield run
            yield cells
            run, previous = [], None
            continue
        run.extend(cells)
        previous = line
    if run:
        yield run


def _blank_marks(line: Line) -> bool:
    """Is ``line`` a row of blank marks (``—\t—\t—``), not a rule (``---``, ``| --- | --- |``)?"""
    return len(line.cells) > 1 and all(cell.text and is_blank(cell.text) for cell in line.cells)


def _continues(previous: Line | None, line: Line, last: _Open) -> bool:
    """Does ``line`` (not indented) continue the cell ``last`` of the tab-indented line before it?"""
    if previous is None or line.exact or len(line.cells) != 1:
        return False
    if not previous.indented or len(previous.cells) != 1:
        return False
    return parse_number(line.content) is None and not is_blank(line.content) \
        and (not last.text or parse_number(last.text) is None)


def _row_pieces(row: list[_Open]) -> Iterator[Piece]:
    exact = any(cell.exact for cell in row)
    kinds = [_kind(cell.text) for cell in row]
    has_text = "text" in kinds
    seen_text = False
    for i, cell in enumerate(row):
        kind = kinds[i]
        if kind == "empty":
            if not _blank_here(kinds, i, exact, has_text, seen_text):
                continue
            kind = "blank"
        seen_text = seen_text or kind == "text"
        if kind == "value":
            number, unit = parse_number(cell.text) or (0, "")
            yield Piece("value", cell.text, cell.line, cell.column, number, unit, not has_text)
        else:
            yield Piece(kind, cell.text, cell.line, cell.column, value_row=not has_text)  # type: ignore[arg-type]


def _kind(text: str) -> str:
    """What a cell's text is: ``empty``, a ``blank`` mark, a ``value`` or ``text``."""
    return "empty" if not text else "blank" if is_blank(text) else "value" if parse_number(text) else "text"


def _blank_here(kinds: list[str], i: int, exact: bool, has_text: bool, seen_text: bool) -> bool:
    """Is the empty cell ``i`` a blank value (rather than layout)?"""
    if exact:
        return seen_text or (not has_text and any(k in ("value", "blank") for k in kinds))
    before = next((k for k in reversed(kinds[:i]) if k != "empty"), None)
    after = next((k for k in kinds[i + 1:] if k != "empty"), None)
    return before in ("value", "blank") and after in ("value", "blank")


def _spaced_numbers(cell: Cell) -> list[_Open]:
    """A text cell ending in space-separated numbers (PDF copies: ``规章 0 0 0``) as separate cells."""
    if not _WHITESPACE.search(cell.text):
        return [_Open(cell.text, cell.line, cell.column, False)]
    words = list(_SPACES.finditer(cell.text))
    split = len(words)
    while split > 0 and (parse_number(words[split - 1][0]) or is_blank(words[split - 1][0])):
        split -= 1
    if len(words) < 2 or split == len(words):
        return [_Open(cell.text, cell.line, cell.column, False)]
    head = [_Open(cell.text[: words[split - 1].end()], cell.line, cell.column, False)] if split else []
    return head + [_Open(w[0], cell.line, cell.column + w.start(), False) for w in words[split:]]


def _split_labels(section: int, piece: Piece) -> list[Piece]:
    """A text piece that is several template words, as separate pieces: words separated
    by spaces (``自然人 法人或其他组织 总计``), or group labels glued to the label after
    them (``（三）不予公开1.属于国家秘密``)."""
    if _known(section, piece.text):
        return [piece]
    words = list(_SPACES.finditer(piece.text))
    if len(words) > 1 and all(_known(section, w[0]) for w in words):
        return [attrs.evolve(piece, text=w[0], column=piece.column + w.start()) for w in words]
    i = leading_group(section, piece.text)
    if i is not None:
        rest = _split_labels(section, attrs.evolve(piece, text=piece.text[i:], column=piece.column + i))
        if all(_known(section, p.text) for p in rest):
            return [attrs.evolve(piece, text=piece.text[:i]), *rest]
    return [piece]


def _known(section: int, text: str) -> bool:
    """Does ``text`` read as template wording without guessing (no fuzzy match)?"""
    return any(m.quality != "fuzzy" for m in lookup(section, text))


def _joined(section: int, pieces: list[Piece]) -> list[Piece]:
    """Split space-separated template words; join adjacent pieces that together are a label."""
    out: list[Piece] = []
    for whole in pieces:
        if whole.kind != "text":
            out.append(whole)
            continue
        for piece in _split_labels(section, whole):
            last = out[-1] if out else None
            if last is not None and last.kind == "text" and _better_joined(section, last.text, piece.text):
                out[-1] = attrs.evolve(last, text=last.text + piece.text)
            else:
                out.append(piece)
    return out


def _better_joined(section: int, first: str, second: str) -> bool:
    """Should two adjacent text pieces be one?  When the first is no label by itself and
    together they are one, or the start of one (a label printed a few characters per line)."""
    alone = lookup(section, first)
    if alone and alone[0].quality == "exact":
        return False
    joined = lookup(section, first + second)
    if joined and joined[0].quality in ("exact", "variant", "unnumbered"):
        return True
    return starts_label(section, first + second)
