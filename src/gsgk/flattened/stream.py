"""Flattened text cut into its parts: front matter, sections, and the runs of each table.

The text of a report whose markup was dropped keeps its words in order but
not its lines: headings, captions, row labels and digits may all stand on one
line.  Section headings are found inside lines (the last printing of each, so
a table of contents does not count); in a table section every run of digits
belongs to the row whose label the text before it ends with.  A row number
glued to the run before it (``…00000002.其他法律…``) goes back to its label.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Sequence

import attrs

from ..layout import Line
from ..template import SECTIONS, TEMPLATE, Cell, Row, Section
from ..vocabulary import key, unnumbered
from .split import Item

_RUN = re.compile(r"(?:\d+(?:\.\d+)?|[—－])(?:[\s\u3000\xa0]*(?:\d+(?:\.\d+)?|[—－]))*")
_ITEM = re.compile(r"\d+(?:\.\d+)?|[—－]")
_NUMBERED = ".．、"
LABEL_MIN = 4
"""Shorter row labels without their numbering (``总计``, ``其他``) are column words: not matched."""


@attrs.frozen
class Run:
    """Digits printed after a row label (``row`` is ``None`` for 表四 printed as one run)."""

    section: int
    row: Row | None
    cells: tuple[Cell, ...]
    items: tuple[Item, ...]
    text: str
    offset: int
    arranged: str = ""
    """How the values were re-assembled, if not printed in the row's order (see :mod:`.columns`)."""
    code: str = "flattened-columns"
    """The code of the warning that says how (``flattened-rows`` for Markdown rows, see :mod:`.markdown`)."""


@attrs.frozen
class Part:
    """A section of the text: its heading's span and its body's span."""

    section: Section
    start: int
    body: int
    end: int


class Source:
    """The text of some lines, with positions mapped back to them."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.text = "\n".join(line.text for line in lines)
        self.starts = []
        offset = 0
        for line in lines:
            self.starts.append(offset)
            offset += len(line.text) + 1

    def where(self, offset: int) -> tuple[int, int]:
        """The (line, column) of a character offset."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[i].number if self.lines else 1, offset - self.starts[i] + 1 if self.starts else 1


def _pattern(section: Section) -> re.Pattern[str]:
    gap = r"[\s\u3000\xa0]*"
    titles = "|".join(gap.join(map(re.escape, title)) for title in (section.title, *section.variants))
    return re.compile(f"{section.numeral}{gap}[、.．]?{gap}(?:{titles})")


_HEADINGS = {section.number: _pattern(section) for section in SECTIONS}


def parts(text: str) -> list[Part]:
    """The sections found in ``text``, in order: the last printing of each heading before the next one's."""
    found: list[tuple[Section, int, int]] = []
    limit = len(text)
    for section in reversed(SECTIONS):
        matches = [(m.start(), m.end()) for m in _HEADINGS[section.number].finditer(text, 0, limit)]
        place = matches[-1] if matches else _loose_heading(text, section, limit)
        if place is not None:
            found.append((section, *place))
            limit = place[0]
    found.reverse()
    ends = [start for _, start, _ in found[1:]] + [len(text)]
    return [Part(section, start, body, end) for (section, start, body), end in zip(found, ends)]


HEADING_RATIO = 0.8
"""How close a numbered heading printed in other words must be to a title (``五、存在问题及改进情况``)."""


def _loose_heading(text: str, section: Section, limit: int) -> tuple[int, int] | None:
    """The last place before ``limit`` where ``section``'s numeral opens words close to one of its titles."""
    titles = [key(t) for t in (section.title, *section.variants)]
    opener = re.compile(f"{section.numeral}[\\s\u3000\xa0]*[、.．]")
    for m in reversed(list(opener.finditer(text, 0, limit))):
        best, end = 0.0, 0
        for title in titles:
            for size in range(max(len(title) - 3, 2), len(title) + 4):
                ratio = difflib.SequenceMatcher(None, key(text[m.end(): m.end() + size]), title).ratio()
                if ratio > best:
                    best, end = ratio, m.end() + size
        if best >= HEADING_RATIO:
            return m.start(), end
    return None


def row_index(section: Section) -> dict[str, Row]:
    index: dict[str, Row] = {}
    for block in section.blocks:
        for row in block.rows:
            for label in (row.leaf, *row.variants):
                k = key(label)
                index.setdefault(k, row)
                if len(unnumbered(k)) >= LABEL_MIN:
                    index.setdefault(unnumbered(k), row)
    return index


ROWS = {section.number: row_index(section) for section in SECTIONS if section.is_table}
_LONGEST = max(len(k) for index in ROWS.values() for k in index)


def _row_before(section: int, text: str) -> Row | None:
    """The row whose label ``text`` ends with (the longest such label)."""
    k = key(text[-3 * _LONGEST:])
    index = ROWS[section]
    for length in range(min(len(k), _LONGEST), 0, -1):
        row = index.get(k[-length:])
        if row is not None:
            return row
    return None


def runs(text: str, part: Part) -> list[tuple[Run | None, str, int]]:
    """The runs of a table section, in order; an unattached run comes as ``(None, text, offset)``."""
    number = part.section.number
    spans = [[m.start(), m.end()] for m in _RUN.finditer(text, part.body, part.end)]
    for span in spans:
        after = span[1]
        if after < part.end and text[after] in _NUMBERED and text[after - 1].isdigit() \
                and (after + 1 >= part.end or not text[after + 1].isdigit()):
            span[1] -= 1  # the run's last digit numbers the label after it
    out: list[tuple[Run | None, str, int]] = []
    previous = part.body
    for start, end in spans:
        printed = text[start:end]
        label = text[previous:start]
        previous = end
        if not printed.strip():
            continue
        row = _row_before(number, label)
        items = tuple(None if m[0] in "—－" else m[0] for m in _ITEM.finditer(printed))
        if row is not None:
            out.append((Run(number, row, TEMPLATE.row_cells(number, row), items, printed, start), printed, start))
        elif TEMPLATE.section(number).across and not any(r for r, _, _ in out):
            out.append((Run(number, None, TEMPLATE.section_cells(number), items, printed, start), printed, start))
        else:
            out.append((None, printed, start))
    return out
