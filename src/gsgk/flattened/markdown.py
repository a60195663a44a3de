"""Markdown from PDF converters: table rows whose labels came loose, placed by label, order and width.

PDF-to-Markdown converters (pymupdf4llm, markitdown and the like) keep a
table's numbers in rows but not its labels: the lines of a multi-line label
come out loose before or after the row, in pieces spread over several cells,
or mixed with the group label beside them; a row may be split over two table
rows (some cells in each), and several numbers may share one cell
(``0 0 0``, ``0<br>9``).  Here each table section's numbers are gathered into
*entries* (the numbers of one Markdown row, with the text around them); two
neighbouring rows whose filled cells complement each other are joined; and the
entries are aligned with the template's rows in order, by a dynamic programme
that scores each pairing by its evidence:

* the row's label printed with the numbers (the row must be that one);
* a loose line next to the entry that is the row's label;
* the row's label spelled out, in order, by the text around the entry
  (labels broken over lines and interleaved with their group's);
* nothing but the order and the count of numbers (the row's width).

Loose lines are read on one side of their row (before it, or after it): the
side whose alignment has the stronger evidence is taken and checked against
the reading with the lines of both sides.  An entry goes to a row only when
every best alignment of these readings agrees; otherwise its rows stay blank,
with an error listing the rows it could be.  The rows' own sums then check
each reading (:mod:`.split`), and every value placed here is marked inferred,
with a warning naming the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ..layout import Line
from ..template import TEMPLATE, Row
from ..vocabulary import key, lookup
from .columns import PAGE_NUMBER
from .stream import Part, Run, Source

_DELIMITER = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?)?")
"""A Markdown table's delimiter row (``|---|---|``), stripped (no two runs of spaces side by side: linear time)."""
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[—－]")
_GLUED = re.compile(r"^(.*[\u4e00-\u9fff）)])(\d+(?:\.\d+)?)$")
"""A value printed against the end of a label piece in a table cell (``|⽂件2|``), or of a whole label on a
loose line (``⾏政事业性收费0``; a piece of a label such as ``理1`` of ``…处理1.申请人…`` is no value)."""
_BREAK = re.compile(r"(?:(?!<br\s*/?>).)+")
_MARKUP = re.compile(r"<br\s*/?>|\*\*|__|^#+\s")

INLINE, LOOSE, SPELLED, ORDER = 1000, 100, 10, 1
"""Scores of the evidence that an entry is a row (see the module docstring)."""
PLACED = 1_000_000
"""What placing an entry at all scores: an alignment places as many entries as it can, then follows the evidence."""
EVIDENCE = {INLINE: "同行的行标签", LOOSE: "相邻散行中的行标签", SPELLED: "相邻散行依次拼出的行标签",
            ORDER: "行的顺序与栏数（无可识别的行标签）"}


def is_markdown(lines: Sequence[Line]) -> bool:
    """Does the text hold a Markdown table (a delimiter row)?"""
    return any("-" in line.text and is_delimiter(line.text) for line in lines)


def is_delimiter(text: str) -> bool:
    """Is ``text`` a Markdown table's delimiter row?"""
    return _DELIMITER.fullmatch(text.strip()) is not None


@attrs.define
class Entry:
    """The numbers of one Markdown row (or loose line), the text printed with them and around them."""

    offset: int
    text: str
    items: list[str]
    columns: list[int]
    width: int
    """How many cells the Markdown row has (0 for a line outside a table)."""
    before: str = ""
    after: str = ""
    joined: bool = False


@attrs.frozen
class Unplaced:
    """An entry no row could be given: the rows it could be (none if it fits no row)."""

    entry: Entry
    rows: tuple[Row, ...]


def markdown_runs(source: Source, parts: Sequence[Part]) -> dict[int, list[Run | Unplaced]]:
    """The rows of each table section of Markdown text, in order (see the module docstring)."""
    found: dict[int, list[Run | Unplaced]] = {}
    for part in parts:
        entries, loose = _entries(source.text, part)
        number = part.section.number
        if part.section.across:
            found[number] = _across(number, entries)
            continue
        rows = [row for block in part.section.blocks for row in block.rows]
        entries = _joined(number, entries, rows)
        _surround(entries, loose)
        found[number] = _align(number, entries, rows)
    return found


def _entries(text: str, part: Part) -> tuple[list[Entry], list[tuple[int, str]]]:
    """The section's entries and its loose text lines (offset, text), in order."""
    entries: list[Entry] = []
    loose: list[tuple[int, str]] = []
    for raw, start in _lines(text, part):
        if not raw.strip() or is_delimiter(raw) or PAGE_NUMBER.match(raw.strip()):
            continue
        cells = raw.strip().strip("|").split("|") if "|" in raw else [raw]
        words: list[str] = []
        items: list[str] = []
        columns: list[int] = []
        for c, cell in enumerate(cells):
            for token in _MARKUP.sub(" ", cell).split():
                glued = _GLUED.match(token)
                if glued and len(cells) == 1 and not _rows_named(part.section.number, glued[1]):
                    glued = None
                if _NUMBER.fullmatch(token):
                    items.append(token)
                    columns.append(c)
                elif glued:
                    words.append(glued[1])
                    items.append(glued[2])
                    columns.append(c)
                else:
                    words.append(token)
        if items:
            entries.append(Entry(start, " ".join(words), items, columns, len(cells) if "|" in raw else 0))
        elif words:
            loose.append((start, "".join(words)))
    return entries, loose


def _lines(text: str, part: Part) -> list[tuple[str, int]]:
    """The section's lines with their offsets; outside a table a ``<br>`` breaks a line too."""
    out: list[tuple[str, int]] = []
    offset = part.body
    for raw in text[part.body: part.end].split("\n"):
        start, offset = offset, offset + len(raw) + 1
        if "|" in raw:
            out.append((raw, start))
            continue
        for piece in _BREAK.finditer(raw):
            out.append((piece[0], start + piece.start()))
    return out


def _joined(section: int, entries: list[Entry], rows: Sequence[Row]) -> list[Entry]:
    """Neighbouring entries that are the two parts of one row, joined into one.

    Two entries join when their numbers together, and neither alone, fill a
    row of the section, and they are not both labelled as rows.
    Rows of one table whose filled cells do not overlap are joined by their
    cells' places; otherwise every place of the shorter part among the longer
    one is tried, and the join is made only when the rows' own sums leave one
    set of values.
    """
    widths = {len(TEMPLATE.row_cells(section, row)) for row in rows}
    out: list[Entry] = []
    for entry in entries:
        last = out[-1] if out else None
        count = len(last.items) + len(entry.items) if last else 0
        if last is None or last.joined or count not in widths - {len(last.items), len(entry.items)} \
                or (_named(section, last.text) and _named(section, entry.text)):
            out.append(entry)
            continue
        items: list[str] | None
        if last.width and last.width == entry.width and not set(last.columns) & set(entry.columns):
            pairs = sorted(zip(last.columns + entry.columns, range(count), last.items + entry.items))
            items = [item for _, _, item in pairs]
        else:
            items = _placed(section, last.items, entry.items, [r for r in rows
                                                               if len(TEMPLATE.row_cells(section, r)) == count])
        if items is None:
            out.append(entry)
            continue
        out[-1] = Entry(last.offset, f"{last.text} {entry.text}".strip(), items, [], last.width, joined=True)
    return out


def _placed(section: int, first: list[str], second: list[str], rows: Sequence[Row]) -> list[str] | None:
    """The shorter part placed among the longer where the rows' own sums allow one set of values only."""
    short, long_ = (first, second) if len(first) <= len(second) else (second, first)
    found: set[tuple[str, ...]] = set()
    for at in range(len(long_) + 1):
        items = (*long_[:at], *short, *long_[at:])
        if all(_holds(section, row, items) for row in rows):
            found.add(items)
    return list(found.pop()) if len(found) == 1 else None


def _holds(section: int, row: Row, items: Sequence[str]) -> bool:
    """Do the sums among ``row``'s own cells hold for these printed values (a blank mark holds nothing)?"""
    cells = TEMPLATE.row_cells(section, row)
    if len(cells) != len(items):
        return False
    values = {c.key: Decimal(t) for c, t in zip(cells, items) if t not in "—－"}
    keys = set(values)
    inside = [i for i in TEMPLATE.identities if {c.key for c in i.cells} <= {c.key for c in cells}]
    if not inside:
        return False
    return all(sum(values[c.key] for c in i.left) == sum(values[c.key] for c in i.right)
               for i in inside if {c.key for c in i.cells} <= keys)


def _surround(entries: list[Entry], loose: list[tuple[int, str]]) -> None:
    """Give each entry the loose text between it and its neighbours."""
    for i, entry in enumerate(entries):
        low = entries[i - 1].offset if i else -1
        high = entries[i + 1].offset if i + 1 < len(entries) else 1 << 60
        entry.before = "".join(t for o, t in loose if low < o < entry.offset)
        entry.after = "".join(t for o, t in loose if entry.offset < o < high)


def _across(section: int, entries: list[Entry]) -> list[Run | Unplaced]:
    """表四: every number of the section, in the template's order, if they are as many as its cells."""
    cells = TEMPLATE.section_cells(section)
    items = [item for entry in entries for item in entry.items]
    if not entries:
        return []
    if len(items) != len(cells):
        return [Unplaced(entry, ()) for entry in entries]
    printed = tuple(None if t in "—－" else t for t in items)
    return [Run(section, None, cells, printed, " ".join(items), entries[0].offset,
                f"Markdown表格中模板顺序排列的一行（{len(items)}个数）", "flattened-rows")]


def _named(section: int, text: str) -> set[str]:
    """The rows an entry's own text is recognised as (the words joined, or one of them)."""
    return set().union(*(_rows_named(section, t) for t in (text.replace(" ", ""), *text.split())))


def _rows_named(section: int, text: str) -> set[str]:
    """The labels (keys of the template's rows) ``text`` is recognised as."""
    found = set()
    for match in lookup(section, text):
        if match.kind == "row" and isinstance(match.target, Row):
            found.add(match.target.key)
    return found


SIDES = (("before",), ("after",))
"""Where an entry's loose label lines are looked for: a converter prints them before their row or after it.
The side whose best alignment has the stronger evidence is taken (on a tie, only what both place stands),
and a placement stands only if the reading with the lines of both sides (:data:`BOTH`) agrees."""
BOTH = ("before", "after")


def _score(section: int, entry: Entry, row: Row, sides: tuple[str, ...]) -> int | None:
    """How strongly ``entry`` is ``row`` with its loose lines on ``sides`` (``None``: it cannot be)."""
    if len(entry.items) != len(TEMPLATE.row_cells(section, row)):
        return None
    named = _named(section, entry.text)
    if named:
        return INLINE if row.key in named else None
    around = {"before": entry.before, "after": entry.after}
    if any(row.key in _rows_named(section, around[side]) for side in sides):
        return LOOSE
    text = "".join((entry.before if "before" in sides else "", entry.text, entry.after if "after" in sides else ""))
    return SPELLED if _spells(key(text), key(row.leaf)) else ORDER


def _spells(text: str, label: str) -> bool:
    """Is ``label`` a subsequence of ``text``?"""
    chars = iter(text)
    return all(ch in chars for ch in label)


def _align(section: int, entries: list[Entry], rows: list[Row]) -> list[Run | Unplaced]:
    """Each entry's row where every best alignment agrees (on the side of the loose lines that explains more)."""
    readings = [_options(section, entries, rows, sides) for sides in SIDES]
    best = max(total for _, total in readings)
    kept = [options for options, total in readings if total == best]
    kept.append(_options(section, entries, rows, BOTH)[0])
    out: list[Run | Unplaced] = []
    for i, entry in enumerate(entries):
        found = [options[i] for options in kept]
        rows_of = sorted({j for options, _ in found for j in options})
        if len(rows_of) == 1 and all(len(options) == 1 for options, _ in found):
            row = rows[rows_of[0]]
            evidence = EVIDENCE[max(level for _, level in found)]
            how = "上下两段数值合为一行、" if entry.joined else ""
            out.append(Run(section, row, TEMPLATE.row_cells(section, row),
                           tuple(None if t in "—－" else t for t in entry.items), " ".join(entry.items),
                           entry.offset, f"Markdown表格中{how}{evidence}", "flattened-rows"))
        else:
            out.append(Unplaced(entry, tuple(rows[j] for j in rows_of)))
    return out


def _options(section: int, entries: list[Entry], rows: list[Row],
             sides: tuple[str, ...]) -> tuple[list[tuple[list[int], int]], int]:
    """For each entry, the rows it takes in some best alignment (none if some best one leaves it out)
    and the evidence of the first; and the best alignment's score."""
    n, m = len(entries), len(rows)
    levels = [[_score(section, e, r, sides) for r in rows] for e in entries]
    score = [[None if level is None else PLACED + level for level in row] for row in levels]
    forward = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            best = max(forward[i - 1][j] if i else 0, forward[i][j - 1] if j else 0)
            if i and j and score[i - 1][j - 1] is not None:
                best = max(best, forward[i - 1][j - 1] + (score[i - 1][j - 1] or 0))
            forward[i][j] = best
    backward = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            best = max(backward[i + 1][j] if i < n else 0, backward[i][j + 1] if j < m else 0)
            if i < n and j < m and score[i][j] is not None:
                best = max(best, backward[i + 1][j + 1] + (score[i][j] or 0))
            backward[i][j] = best
    total = forward[n][m]
    out: list[tuple[list[int], int]] = []
    for i in range(n):
        options = [j for j in range(m) if score[i][j] is not None
                   and forward[i][j] + (score[i][j] or 0) + backward[i + 1][j + 1] == total]
        if any(forward[i][j] + backward[i + 1][j] == total for j in range(m + 1)):
            options = []
        out.append((options, levels[i][options[0]] or ORDER if options else ORDER))
    return out, total
