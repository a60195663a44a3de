"""Column-major tables: the labels of a table first, then its numbers column by column.

PDF text extractors (pdfminer and the tools built on it) print a table page
by page as its labels, one per line, and then its numbers one per line,
column by column.  Here each group of number lines is matched, by count, to
the rows whose labels came before it and have no values yet: the shortest
run of those rows whose cells number as many as the group.  The group is read
column by column within each block (表四, printed as one row of 15 cells, in
the template's order); the rows' own sums then check the reading
(:mod:`.split`), and every value read this way is marked inferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..template import BLANK, NUMERALS, TEMPLATE, Row
from ..values import format_value, is_blank, parse_number
from ..vocabulary import key
from .stream import ROWS, Part, Run, Source

PAGE_NUMBER = re.compile(r"^[-—－]\s*\d{1,3}\s*[-—－]$|^第\s*\d{1,3}\s*页(共\s*\d+\s*页)?$")
"""A page number printed on a line of its own (``- 3 -``, ``第3页共9页``): not a value."""


class Mismatch(Exception):
    """A group of numbers matches no run of the rows before it; the message says which."""


def column_runs(source: Source, parts: Sequence[Part]) -> dict[int, list[Run]]:
    """The rows of each column-major table section (empty if the text is not laid out so).

    The text counts as column-major when some group of numbers fills two rows or
    more of a block with two columns or more; otherwise (one row per group is
    row-major text) nothing is read here.  Raises :class:`Mismatch` when a
    column-major text has a group that fits no rows, or digits on a label line.
    """
    found: dict[int, list[Run]] = {}
    spread = False
    problem: str | None = None
    for part in parts:
        number = part.section.number
        order = [row for block in part.section.blocks for row in block.rows]
        pending: list[Row] = []
        out = found.setdefault(number, [])
        for labels, group in _groups(source, part):
            pending += _rows_in("".join(labels), number, order, pending, out)
            digits = next((label for label in labels if any(parse_number(w) for w in label.split())), None)
            if digits is not None and problem is None:
                problem = f"表{NUMERALS[number - 1]}的文字行「{digits}」中有数字"
            if not group:
                continue
            try:
                runs = _assemble(number, pending, group)
            except Mismatch as exc:
                problem = problem or str(exc)
                continue
            spread = spread or (sum(run.row is not None for run in runs) > 1 and len(runs[0].cells) > 1)
            out += runs
            pending = pending[sum(run.row is not None for run in runs):]
    if not spread:
        return {}
    if problem is not None:
        raise Mismatch(problem)
    return found


def _groups(source: Source, part: Part) -> list[tuple[list[str], list[tuple[str, int]]]]:
    """The section's lines as (label lines, the number lines after them, with offsets)."""
    groups: list[tuple[list[str], list[tuple[str, int]]]] = [([], [])]
    offset = part.body
    for raw in source.text[part.body: part.end].split("\n"):
        text = raw.strip()
        start, offset = offset, offset + len(raw) + 1
        if not text or PAGE_NUMBER.match(text):
            continue
        if parse_number(text) is not None or is_blank(text):
            groups[-1][1].append((text, start + raw.find(text)))
        elif groups[-1][1]:
            groups.append(([text], []))
        else:
            groups[-1][0].append(text)
    return groups


def _rows_in(text: str, section: int, order: Sequence[Row], pending: Sequence[Row], done: Sequence[Run]) -> list[Row]:
    """The rows whose labels ``text`` holds, in order (labels split over lines are joined first)."""
    k = key(text)
    seen = {row for row in pending} | {run.row for run in done}
    found: list[tuple[int, int, Row]] = []
    for label, row in ROWS[section].items():
        at = k.find(label)
        if at >= 0 and row not in seen:
            found.append((at, -len(label), row))
    rows: list[Row] = []
    end = -1
    for at, length, row in sorted(found, key=lambda f: (f[0], f[1])):
        if at >= end and row not in rows:
            rows.append(row)
            end = at - length
    last = max((order.index(r) for r in seen if r is not None), default=-1)
    return [row for row in rows if order.index(row) > last]


def _assemble(section: int, pending: Sequence[Row], group: Sequence[tuple[str, int]]) -> list[Run]:
    """The runs a group of numbers fills: the first pending rows whose cells are as many."""
    texts = [_plain(text) for text, _ in group]
    where = group[0][1]
    cells = TEMPLATE.section_cells(section)
    if TEMPLATE.section(section).across and len(texts) == len(cells):
        printed = tuple(None if t == BLANK else t for t in texts)
        return [Run(section, None, cells, printed, " ".join(texts), where, f"模板顺序排列的一行（{len(texts)}个数）")]
    count, rows = 0, []
    for row in pending:
        if count >= len(texts):
            break
        rows.append(row)
        count += len(TEMPLATE.row_cells(section, row))
    if count != len(texts) or not rows:
        shown = "、".join(f"「{r.leaf}」" for r in pending) or "无"
        raise Mismatch(f"表{NUMERALS[section - 1]}中{len(texts)}个数（从「{texts[0]}」起）与其前未填的行"
                       f"（{shown}）的栏数对不上")
    runs: list[Run] = []
    start = 0
    blocks = [b for b in TEMPLATE.section(section).blocks if any(r in b.rows for r in rows)]
    for block in blocks:
        mine = [r for r in rows if r in block.rows]
        width = len(block.columns)
        chunk = texts[start: start + len(mine) * width]
        start += len(mine) * width
        for i, row in enumerate(mine):
            items = tuple(chunk[c * len(mine) + i] for c in range(width))
            rule = f"个数对应、逐栏排列（{len(mine)}行×{width}栏，共{len(mine) * width}个数）"
            cells = TEMPLATE.row_cells(section, row)
            runs.append(Run(section, row, cells, tuple(None if t == BLANK else t for t in items),
                            " ".join(items), where, rule))
    return runs


def _plain(text: str) -> str:
    """A printed number as bare digits (separators and units dropped), or the blank mark."""
    number = parse_number(text)
    return BLANK if number is None else format_value(number[0])
