"""HTML pages → lines: the article found in the page, its paragraphs as prose lines, its table rows as cells.

Needs lxml (``pip install "gsgk[html]"``).  The page is decoded (UTF-8 when
the bytes are valid UTF-8, else the charset its ``<meta>`` declares, else
GB18030) and parsed by libxml2's HTML parser without network access; scripts,
styles, forms, navigation, footers and hidden elements are dropped.  The
article is the first known container (``#zoom``, ``.TRS_Editor``, …) that
holds every section heading of the page, else the smallest element holding
the headings and the tables.

A table whose cells hold no other table is a data table: a
:class:`~gsgk.blocks.Table` whose cells are placed on the grid by their
``rowspan`` and ``colspan`` as a browser places them, each cell's paragraphs,
line breaks and runs joined into one text.  A table that holds tables is
layout: its cells are read as paragraphs.  Line numbers are the source lines
of the elements, so diagnostics point into the HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeAlias

from ..blocks import Block, Paragraph, Table, grid_table, to_lines
from ..errors import InputError, ParseError
from ..extras import require
from ..layout import Line, Origin
from ..vocabulary import heading
from .markup import cell_text, check_markup, page_title, squeeze, titled
from .text import check_size, normalize

Element: TypeAlias = Any
"""An ``lxml.etree._Element`` (lxml ships no type information)."""
Found: TypeAlias = tuple[Block, Element]

_DROP = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "canvas", "nav", "footer", "form", "button", "select", "input", "textarea", "head",
})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "ol",
    "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_CELLS = ("td", "th")
_ROW_PARTS = ("thead", "tbody", "tfoot", "tr", *_CELLS)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)|<\?xml[^>]+encoding\s*=\s*["']([-\w]+)""",
                      re.IGNORECASE)
_CLASS = "//*[contains(concat(' ', normalize-space(@class), ' '), ' {} ')]"
CONTAINERS = (
    "//*[@id='zoom']", _CLASS.format("TRS_Editor"), "//*[@id='ivs_content']", "//*[@id='UCAP-CONTENT']",
    "//article", _CLASS.format("article"), _CLASS.format("article_content"), _CLASS.format("article-content"),
)
"""XPaths of the article containers of common government site systems, tried in this order."""


def read_html(data: bytes) -> list[Line]:
    """The lines of the report in an HTML page."""
    check_size(len(data))
    check_markup(data)
    root = _parse(decode(data))
    try:
        found = _Walker().run(root)
    except RecursionError:  # a libxml2 build without its depth limit
        raise InputError("HTML refused: elements nested too deeply") from None
    article = _article(root, found)
    return to_lines(titled([block for block, element in found if _within(element, article)], _title(root)))


def decode(data: bytes) -> str:
    """The page as text (see the module docstring for the order of encodings tried)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared = _CHARSET.search(data[:16384])
    names = ["utf-8"]
    if declared:
        name = (declared[1] or declared[2]).decode("ascii").lower()
        names.append("gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else name)
    names.append("gb18030")
    for name in names:
        try:
            return normalize(data.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalize(data.decode("gb18030", errors="replace"))


def _parse(text: str) -> Element:
    etree = require("lxml.etree", "html")
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                              recover=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.LxmlError as exc:
        raise ParseError(f"unreadable HTML: {exc}", line=1, column=1, expected="an HTML page", code="html") from None
    for error in parser.error_log:
        if error.level == etree.ErrorLevels.FATAL:
            raise InputError(f"HTML refused at line {error.line}: {error.message.strip()} "
                             "(elements nested too deeply, or a text node too large)")
    if root is None:
        raise ParseError("the HTML page is empty", line=1, column=1, expected="an HTML page", code="html")
    return root


class _Walker:
    """Prose lines and table rows of a tree, each with its source line and the element it starts in."""

    def __init__(self) -> None:
        self.found: list[Found] = []
        self._buffer: list[str] = []
        self._start: tuple[int, Element] | None = None

    def run(self, element: Element) -> list[Found]:
        self._contents(element)
        self._flush()
        return self.found

    def _flush(self) -> None:
        text = squeeze("".join(self._buffer))
        if text and self._start is not None:
            self.found.append((Paragraph(text, Origin(self._start[0])), self._start[1]))
        self._buffer, self._start = [], None

    def _text(self, text: str | None, line: int | None, owner: Element) -> None:
        if text:
            if self._start is None:
                self._start = (line or 1, owner)
            self._buffer.append(text)

    def _contents(self, element: Element) -> None:
        self._text(element.text, element.sourceline, element)
        for child in element:
            self._element(child)
            self._text(child.tail, child.sourceline, element)

    def _element(self, element: Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _DROP or _hidden(element):
            return
        if tag == "br":
            self._flush()
        elif tag == "table" and element.find(".//table") is None:
            self._flush()
            self._table(element)
        elif tag in _BLOCKS:
            self._flush()
            self._contents(element)
            self._flush()
        else:
            self._contents(element)

    def _table(self, table: Element) -> None:
        for caption in table.iterchildren("caption"):
            self._element(caption)
        rows = [[(_cell(cell), Origin(cell.sourceline or 1), _span(cell, "rowspan"), _span(cell, "colspan"))
                 for cell in row] for row in _rows(table)]
        if rows:
            self.found.append((grid_table(rows), table))


def _rows(table: Element) -> Iterator[list[Element]]:
    """The cells of each row; cells outside any ``<tr>`` form a row of their own, as browsers read them."""
    loose: list[Element] = []
    for child in table.iterchildren(*_ROW_PARTS):
        if child.tag in _CELLS:
            loose.append(child)
            continue
        if loose:
            yield loose
            loose = []
        if child.tag == "tr":
            cells = list(child.iterchildren(*_CELLS))
            if cells:
                yield cells
        else:
            yield from _rows(child)
    if loose:
        yield loose


def _cell(cell: Element) -> str:
    if _hidden(cell):
        return ""
    return cell_text(block.text for block, _ in _Walker().run(cell) if isinstance(block, Paragraph))


def _span(cell: Element, name: str) -> int:
    value = (cell.get(name) or "").strip()
    return int(value) if value.isdigit() and len(value) <= 5 else 1


def _hidden(element: Element) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN.search(element.get("style") or ""))


def _article(root: Element, found: list[Found]) -> Element:
    """The element holding the report (see the module docstring)."""
    headings = [element for block, element in found if _is_heading(block)]
    if not headings:
        return root
    for xpath in CONTAINERS:
        for candidate in root.xpath(xpath):
            if all(_within(h, candidate) for h in headings):
                return candidate
    tables = [element for block, element in found if isinstance(block, Table)]
    common = _common_ancestor([*headings, *tables])
    parent = common.getparent()
    return parent if parent is not None and len(headings) + len(tables) == 1 else common


def _within(element: Element, container: Element) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _is_heading(block: Block) -> bool:
    """A heading paragraph, or a table with a row that holds a heading alone."""
    rows = [[block.text]] if isinstance(block, Paragraph) else [[c.text for c in row] for row in block.rows()]
    for row in rows:
        texts = [t for t in row if t]
        if len(texts) == 1 and heading(texts[0]) is not None:
            return True
    return False


def _common_ancestor(elements: list[Element]) -> Element:
    chains = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = chains[0][0]
    for level in zip(*chains):
        if any(e is not level[0] for e in level):
            break
        common = level[0]
    return common


def _title(root: Element) -> Paragraph | None:
    """The report title the page states outside the article: ``ArticleTitle``, ``<h1>``, ``<title>``."""
    candidates = [m for m in root.iter("meta") if (m.get("name") or "").lower() == "articletitle"]
    sources = [(m, m.get("content") or "") for m in candidates]
    sources += [(e, "".join(e.itertext())) for tag in ("h1", "title") for e in root.iter(tag)]
    for element, text in sources:
        title = page_title(text)
        if title:
            return Paragraph(title, Origin(element.sourceline or 1))
    return None
