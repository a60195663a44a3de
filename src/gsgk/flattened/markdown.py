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

An entry goes to a row only when every best alignment agrees; otherwise its
rows stay blank, with an error listing the rows it could be.  The rows' own
sums then check each reading (:mod:`.split`), and every value placed here is
marked inferred, with a warning naming the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..layout import Line
from ..template import TEMPLATE, Row
from ..vocabulary import key, lookup
from .stream import Part, Run, Source

SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$")
"""A Markdown table's delimiter row (``|---|---|``)."""
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[—－]")
_GLUED = re.compile(r"^(.*[\u4e00-\u9fff）)])(\d+(?:\.\d+)?)$")
"""A value printed against the end of a label piece in the same cell (``⽂件2``)."""
_MARKUP = re.compile(r"<br\s*/?>|\*\*|__|^#+\s")

INLINE, LOOSE, SPELLED, ORDER = 1000, 100, 10, 1
"""Scores of the evidence that an entry is a row (see the module docstring)."""
EVIDENCE = {INLINE: "同行的行标签", LOOSE: "相邻散行中的行标签", SPELLED: "相邻散行依次拼出的行标签",
            ORDER: "行的顺序与栏数（无可识别的行标签）"}


def is_markdown(lines: Sequence[Line]) -> bool:
    """Does the text hold a Markdown table (a delimiter row)?"""
    return any("-" in line.text and SEPARATOR.match(line.text) for line in lines)


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
        widths = {len(TEMPLATE.row_cells(number, row)) for row in rows}
        entries = _joined(entries, widths)
        _surround(entries, loose)
        found[number] = _align(number, entries, rows)
    return found


def _entries(text: str, part: Part) -> tuple[list[Entry], list[tuple[int, str]]]:
    """The section's entries and its loose text lines (offset, text), in order."""
    entries: list[Entry] = []
    loose: list[tuple[int, str]] = []
    offset = part.body
    for raw in text[part.body: part.end].split("\n"):
        start, offset = offset, offset + len(raw) + 1
        if not raw.strip() or SEPARATOR.match(raw):
            continue
        cells = raw.strip().strip("|").split("|") if "|" in raw else [raw]
        words: list[str] = []
        items: list[str] = []
        columns: list[int] = []
        for c, cell in enumerate(cells):
            for token in _MARKUP.sub(" ", cell).split():
                glued = _GLUED.match(token)
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


def _joined(entries: list[Entry], widths: set[int]) -> list[Entry]:
    """Neighbouring rows of one table whose filled cells complement each other, joined into one."""
    out: list[Entry] = []
    for entry in entries:
        last = out[-1] if out else None
        if last is not None and not last.joined and last.width and last.width == entry.width \
                and not set(last.columns) & set(entry.columns) \
                and len(last.items) + len(entry.items) in widths - {len(last.items), len(entry.items)}:
            pairs = sorted(zip(last.columns + entry.columns, range(99), last.items + entry.items))
            out[-1] = Entry(last.offset, f"{last.text} {entry.text}".strip(), [p[2] for p in pairs],
                            [p[0] for p in pairs], last.width, joined=True)
        else:
            out.append(entry)
    return out


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


def _rows_named(section: int, text: str) -> set[str]:
    """The labels (keys of the template's rows) ``text`` is recognised as."""
    found = set()
    for match in lookup(section, text):
        if match.kind == "row" and isinstance(match.target, Row):
            found.add(match.target.key)
    return found


def _score(section: int, entry: Entry, row: Row) -> int | None:
    """How strongly ``entry`` is ``row`` (``None``: it cannot be)."""
    if len(entry.items) != len(TEMPLATE.row_cells(section, row)):
        return None
    named = set().union(*(_rows_named(section, t) for t in (entry.text.replace(" ", ""), *entry.text.split())))
    if named:
        return INLINE if row.key in named else None
    for text in (entry.before, entry.after):
        if row.key in _rows_named(section, text):
            return LOOSE
    label = key(row.leaf)
    for around in (entry.before + entry.text, entry.text + entry.after):
        if _spells(key(around), label):
            return SPELLED
    return ORDER


def _spells(text: str, label: str) -> bool:
    """Is ``label`` a subsequence of ``text``?"""
    chars = iter(text)
    return all(ch in chars for ch in label)


def _align(section: int, entries: list[Entry], rows: list[Row]) -> list[Run | Unplaced]:
    """Each entry's row where every best alignment agrees; :class:`Unplaced` where none or several."""
    n, m = len(entries), len(rows)
    score = [[_score(section, e, r) for r in rows] for e in entries]
    forward = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            best = 0
            if i:
                best = forward[i - 1][j]
            if j:
                best = max(best, forward[i][j - 1])
            if i and j and score[i - 1][j - 1] is not None:
                best = max(best, forward[i - 1][j - 1] + (score[i - 1][j - 1] or 0))
            forward[i][j] = best
    backward = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            best = 0
            if i < n:
                best = backward[i + 1][j]
            if j < m:
                best = max(best, backward[i][j + 1])
            if i < n and j < m and score[i][j] is not None:
                best = max(best, backward[i + 1][j + 1] + (score[i][j] or 0))
            backward[i][j] = best
    total = forward[n][m]
    out: list[Run | Unplaced] = []
    for i, entry in enumerate(entries):
        options = [j for j in range(m) if score[i][j] is not None
                   and forward[i][j] + (score[i][j] or 0) + backward[i + 1][j + 1] == total]
        skipped = any(forward[i][j] + backward[i + 1][j] == total for j in range(m + 1))
        if len(options) == 1 and not skipped:
            row = rows[options[0]]
            evidence = EVIDENCE[score[i][options[0]] or ORDER]
            how = "上下两行的数值按栏位合并、" if entry.joined else ""
            out.append(Run(section, row, TEMPLATE.row_cells(section, row),
                           tuple(None if t in "—－" else t for t in entry.items), " ".join(entry.items),
                           entry.offset, f"Markdown表格中{how}{evidence}", "flattened-rows"))
        else:
            out.append(Unplaced(entry, tuple(rows[j] for j in options)))
    return out
