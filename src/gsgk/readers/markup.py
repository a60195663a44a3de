"""What the HTML and DOCX readers share: cell text from fragments, prose lines, the title line.

Both readers walk a document tree into :mod:`gsgk.blocks`: a prose line is a
:class:`~gsgk.blocks.Paragraph`, a data table a :class:`~gsgk.blocks.Table`
with its merged cells' spans (``""`` for an empty cell, a blank value that
is never dropped or read as a zero).  :func:`titled` puts the title the file
states outside its body first when the body has none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from ..blocks import Block, Paragraph
from ..errors import InputError
from ..lexer import TITLE_MAX

_SPACE = re.compile(r"[ \t\n\r\f]+")
EDGES = " \t\n\r\f\xa0\u3000"
"""Stripped from both ends of a line or cell: whitespace, ``&nbsp;`` padding and ideographic-space indents."""
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")


def _wide(ch: str) -> bool:
    """Wide, full-width or ambiguous (“”, ×, …): printed wide in Chinese text."""
    return unicodedata.east_asian_width(ch) in "WFA"


def _joint(before: str, after: str) -> str:
    """The separator of two pieces of text: none between two Chinese characters."""
    return "" if before and after and _wide(before[-1]) and _wide(after[0]) else " "


def squeeze(text: str) -> str:
    """Collapse whitespace as a browser does (CSS Text 3): a run of spaces, tabs and line breaks
    is one space, or nothing for a line break between two Chinese characters; ``&nbsp;``, ideographic
    and other fixed-width spaces are kept inside the text.  :data:`EDGES` are stripped."""
    def space(m: re.Match[str]) -> str:
        if "\n" not in m.group():
            return " "
        return _joint(m.string[m.start() - 1: m.start()], m.string[m.end(): m.end() + 1])

    return _SPACE.sub(space, text).strip(EDGES)


def cell_text(fragments: Iterable[str]) -> str:
    """One cell's text from its fragments (paragraphs, lines): a label broken over
    ``社会</p><p>公益`` is one label, the break is layout."""
    text = ""
    for fragment in fragments:
        piece = squeeze(fragment)
        if piece:
            text = text + _joint(text, piece) + piece if text else piece
    return text


def is_title(text: str) -> bool:
    """Could ``text`` be a report's title line (short, names a 报告, not a sentence)?"""
    return "报告" in text and len(text) <= TITLE_MAX and "。" not in text


def page_title(text: str) -> str | None:
    """A report title from a page or file title: the part naming the 报告 before a site suffix."""
    parts = [p for p in _TITLE_SEPARATORS.split(squeeze(text)) if p]
    return next((p for p in parts if is_title(p)), None)


def titled(blocks: Sequence[Block], title: Paragraph | None) -> list[Block]:
    """``blocks``, with ``title`` first when none of the first few paragraphs is a title line."""
    prose = [block.text for block in blocks[:4] if isinstance(block, Paragraph)]
    if title is not None and not any(is_title(text) for text in prose):
        return [title, *blocks]
    return list(blocks)


MAX_ELEMENTS = 200_000
"""Markup (an HTML page, a Word file's XML) with more tags than this is refused before it is parsed."""


def check_markup(*parts: bytes) -> None:
    """Refuse markup whose tags (counted as ``<``) pass :data:`MAX_ELEMENTS`; real reports have a few thousand."""
    tags = sum(part.count(b"<") for part in parts)
    if tags > MAX_ELEMENTS:
        raise InputError(f"markup of {tags} tags refused (limit {MAX_ELEMENTS}); reports have a few thousand")
