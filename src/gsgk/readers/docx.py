"""Word (.docx) files → lines: body paragraphs as prose lines, table rows as cells, in body order.

Needs lxml, which the ``docx`` extra installs (``pip install "gsgk[docx]"``).
Only what the report is in is read: the package's content types and
relationships, the main document part they name and the core properties (for
the title); styles, themes, fonts and images are never unpacked.  The ZIP
container is checked first (the central directory), then those parts are
inflated by :mod:`.zipguard` within a budget of their own (never trusting
declared sizes) and parsed by lxml without resolving entities or reaching the
network.  Too many members, too much unpacked data, a bomb's compression
ratio, a broken archive or a package that is no Word document is refused
with :class:`~gsgk.errors.InputError`.

A table becomes a :class:`~gsgk.blocks.Table`: a ``<w:tc>`` is one cell
whose column span is its ``gridSpan``; a vertical-merge continuation cell
(``vMerge`` without ``restart``) is no cell of its own but adds a row to the
span of the cell above it; an empty cell is ``""`` (a blank value, never a
zero).  A table whose cells hold tables is layout: its cells are read as
paragraphs.  Line ``n`` is the ``n``-th paragraph or table row of the body;
a paragraph's soft line breaks start new lines.  A paragraph's text is that
of its runs and hyperlinks (as python-docx reads it): ``<w:t>`` text, tabs as
``\t``, line breaks as ``\n``, non-breaking hyphens as ``-``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable
from typing import Any

import attrs

from ..blocks import Block, Paragraph, Table, TableCell, to_lines
from ..errors import InputError
from ..extras import require
from ..layout import Line, Origin
from .markup import EDGES, cell_text, check_markup, page_title, titled
from .text import MAX_BYTES, check_size
from .zipguard import BROKEN, unpack

MAX_UNCOMPRESSED = 5 * MAX_BYTES
"""Refuse a DOCX whose members are declared to add up to more than this (100 MiB) once unpacked."""
MAX_XML = MAX_BYTES
"""Refuse a DOCX whose XML parts inflate to more than this (20 MiB), whatever its headers declare."""
MAX_RATIO = 100
"""Refuse a member larger than 1 MiB unpacked that is compressed more than this many times."""
MAX_MEMBERS = 10_000


def read_docx(data: bytes) -> list[Line]:
    """The lines of the report in a Word file."""
    check_size(len(data))
    check_zip(data)
    package = _open(data)
    blocks = _Body(package).blocks
    title = page_title(package.title)
    return to_lines(titled(blocks, Paragraph(title, Origin(1)) if title else None))


def check_zip(data: bytes) -> None:
    """Refuse a ZIP that is not one, or that would unpack to far more than it weighs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except BROKEN as exc:
        raise InputError(f"not a readable DOCX (ZIP) file: {exc}") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(f"DOCX refused: {len(members)} ZIP members (limit {MAX_MEMBERS})")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"DOCX refused: {total} bytes once unpacked (limit {MAX_UNCOMPRESSED}); a ZIP bomb?")
    for m in members:
        if m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise InputError(f"DOCX refused: member {m.filename!r} is compressed "
                             f"{m.file_size // max(m.compress_size, 1)} times (limit {MAX_RATIO}); a ZIP bomb?")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


@attrs.frozen
class Package:
    """What a Word file's report is in: the ``<w:body>`` element and the title of its core properties."""

    body: Any
    title: str = ""


def _open(data: bytes) -> Package:
    """The body and title of the Word package ``data``, its parts unpacked within the budget."""
    etree = require("lxml.etree", "docx")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)

    def parse(parts: dict[str, bytes], name: str) -> Any:
        check_markup(parts[name])
        try:
            return etree.fromstring(parts[name], parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"not a readable Word (.docx) file: part {name!r}: {exc}") from None

    index = unpack(data, wanted=lambda name: name in ("[Content_Types].xml", "_rels/.rels"),
                   budget=MAX_XML, ratio=MAX_RATIO, members=MAX_MEMBERS)
    if "[Content_Types].xml" not in index or "_rels/.rels" not in index:
        raise InputError("not a readable Word (.docx) file: no [Content_Types].xml or _rels/.rels "
                         "(not an Office package)")
    types = _content_types(parse(index, "[Content_Types].xml"))
    relationships = parse(index, "_rels/.rels").iter(_RELATIONSHIPS)
    targets = {rel.get("Type"): _part_name(rel.get("Target")) for rel in relationships
               if rel.get("TargetMode") != "External"}
    main, core = targets.get(_DOCUMENT_REL), targets.get(_CORE_REL)
    for name, expected in ((main, _DOCUMENT_TYPE), (core, _CORE_TYPE)):
        if name is not None and types(name) != expected:
            raise InputError(f"not a readable Word (.docx) file: part {name!r} has content type "
                             f"{types(name)!r}, expected {expected!r}")
    if main is None or main not in index:
        raise InputError("not a readable Word (.docx) file: the package names no main document part that it holds")
    parts = unpack(data, wanted=lambda name: name in (main, core), budget=MAX_XML, ratio=MAX_RATIO,
                   members=MAX_MEMBERS)
    body = parse(parts, main).find(f"{W}body")
    if body is None:
        raise InputError(f"not a readable Word (.docx) file: part {main!r} has no <w:body>")
    title = parse(parts, core).findtext(_TITLE) if core in parts else None
    return Package(body, title or "")


def _part_name(target: str | None) -> str | None:
    """A package-relative relationship target as a member name (``/word/document.xml`` → ``word/document.xml``)."""
    return None if not target else posixpath.normpath(target).lstrip("/")


def _content_types(types: Any) -> Callable[[str], str | None]:
    """``part name → content type`` of a ``[Content_Types].xml`` root (overrides, then defaults by extension)."""
    overrides = {e.get("PartName", "").lstrip("/").lower(): e.get("ContentType")
                 for e in types.iter(f"{_TYPES}Override")}
    defaults = {e.get("Extension", "").lower(): e.get("ContentType") for e in types.iter(f"{_TYPES}Default")}

    def content_type(name: str) -> str | None:
        found: str | None = overrides.get(name.lower(), defaults.get(posixpath.splitext(name)[1][1:].lower()))
        return found

    return content_type


class _Body:
    """The blocks of a document body in order (see the module docstring)."""

    def __init__(self, package: Package) -> None:
        self.blocks: list[Block] = []
        self._line = 0
        self._blocks(package.body)

    def _blocks(self, parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == f"{W}p":
                self._line += 1
                lines = (text.strip(EDGES) for text in _paragraph(child).split("\n"))
                self.blocks.extend(Paragraph(text, Origin(self._line)) for text in lines if text)
            elif child.tag == f"{W}tbl":
                self._table(child)
            elif (content := child.find(f"{W}sdtContent")) is not None:
                self._blocks(content)

    def _table(self, tbl: Any) -> None:
        if tbl.find(f".//{W}tc/{W}tbl") is not None:
            for tc in tbl.iterfind(f"{W}tr/{W}tc"):
                self._blocks(tc)
            return
        cells: list[TableCell] = []
        starts: dict[int, int] = {}  # grid column → index in ``cells`` of the last cell starting there
        for row, tr in enumerate(tbl.iterfind(f"{W}tr")):
            self._line += 1
            column = 0
            for tc in tr.iterfind(f"{W}tc"):
                span = _grid_span(tc)
                above = starts.get(column)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(f"{W}val", "continue") == "continue" and above is not None \
                        and cells[above].row + cells[above].rowspan == row:
                    cells[above] = attrs.evolve(cells[above], rowspan=cells[above].rowspan + 1)
                else:
                    starts[column] = len(cells)
                    cells.append(TableCell(_cell(tc), row, column, Origin(self._line), colspan=span))
                column += span
        self.blocks.append(Table(tuple(cells)))


def _grid_span(tc: Any) -> int:
    """The columns a ``<w:tc>`` spans: its ``gridSpan`` (at least 1)."""
    value = tc.find(f"{W}tcPr/{W}gridSpan")
    if value is None:
        return 1
    try:
        return max(1, int(value.get(f"{W}val", "")))
    except ValueError:
        raise InputError(f"not a readable Word (.docx) file: a table cell spans {value.get(f'{W}val')!r} "
                         "columns; expected a whole number") from None


def _cell(tc: Any) -> str:
    return cell_text(_paragraph(p) for p in tc.iter(f"{W}p"))


def _paragraph(p: Any) -> str:
    """The text of a ``<w:p>``: its runs, and the runs of its hyperlinks."""
    runs = (r for child in p.iterchildren(f"{W}r", f"{W}hyperlink")
            for r in ((child,) if child.tag == f"{W}r" else child.iterchildren(f"{W}r")))
    return "".join(_run_text(e) for r in runs for e in r.iterchildren())


def _run_text(e: Any) -> str:
    if e.tag == f"{W}t":
        return str(e.text or "")
    if e.tag == f"{W}br":
        return "\n" if e.get(f"{W}type", "textWrapping") == "textWrapping" else ""
    return _RUN_TEXT.get(e.tag, "")
