"""Word (.docx) files → lines: body paragraphs as prose lines, table rows as cells, in body order.

Needs python-docx (``pip install "gsgk[docx]"``).  The ZIP container is
checked before python-docx sees it: the central directory first, then the
XML parts are inflated by :mod:`.zipguard` within a budget of their own
(never trusting declared sizes) and handed to python-docx uncompressed; the
other parts (images, fonts) are never unpacked.  Too many members, too much
unpacked data, a bomb's compression ratio or a broken archive is refused with
:class:`~gsgk.errors.InputError`.  python-docx parses the XML without
resolving entities and never reaches the network.

A table becomes a :class:`~gsgk.blocks.Table`: a ``<w:tc>`` is one cell
whose column span is its ``gridSpan``; a vertical-merge continuation cell
(``vMerge`` without ``restart``) is no cell of its own but adds a row to the
span of the cell above it; an empty cell is ``""`` (a blank value, never a
zero).  A table whose cells hold tables is layout: its cells are read as
paragraphs.  Line ``n`` is the ``n``-th paragraph or table row of the body;
a paragraph's soft line breaks start new lines.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

import attrs

from ..blocks import Block, Paragraph, Table, TableCell, to_lines
from ..errors import InputError
from ..extras import require
from ..layout import Line, Origin
from .markup import EDGES, cell_text, check_markup, page_title, titled
from .text import MAX_BYTES, check_size
from .zipguard import BROKEN, stored, unpack

if TYPE_CHECKING:
    from docx.document import Document

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
    document = _open(data)
    blocks = _Body(document).blocks
    title = page_title(document.core_properties.title or "")
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


def _open(data: bytes) -> Document:
    """The python-docx document of ``data``, whose XML parts are unpacked within the budget."""
    docx = require("docx", "docx")
    not_a_package = require("docx.opc.exceptions", "docx").PackageNotFoundError
    package = io.BytesIO(_package(data))
    try:
        document: Document = docx.Document(package)
        document.core_properties  # noqa: B018 - a part of the wrong type fails here, not in the caller
        return document
    except not_a_package as exc:
        raise InputError(f"not a readable Word (.docx) file: {exc}") from None
    except Exception as exc:  # python-docx raises anything (TypeError, KeyError, …) on a broken package
        raise InputError(f"not a readable Word (.docx) file: {type(exc).__name__}: {exc}") from None


def _package(data: bytes) -> bytes:
    """``data`` as an uncompressed ZIP of its XML parts (inflated within :data:`MAX_XML`), other parts empty."""
    parts = unpack(data, wanted=_is_xml, budget=MAX_XML, ratio=MAX_RATIO, members=MAX_MEMBERS)
    check_markup(*parts.values())
    return stored(parts)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


class _Body:
    """The blocks of a document body in order (see the module docstring)."""

    def __init__(self, document: Document) -> None:
        from docx.oxml.ns import qn

        self._p, self._tbl, self._tc, self._sdt = qn("w:p"), qn("w:tbl"), qn("w:tc"), qn("w:sdtContent")
        self._document = document
        self.blocks: list[Block] = []
        self._line = 0
        self._blocks(document.element.body)

    def _blocks(self, parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == self._p:
                self._line += 1
                lines = (text.strip(EDGES) for text in self._paragraph(child).split("\n"))
                self.blocks.extend(Paragraph(text, Origin(self._line)) for text in lines if text)
            elif child.tag == self._tbl:
                self._table(child)
            elif child.find(self._sdt) is not None:
                self._blocks(child.find(self._sdt))

    def _paragraph(self, p: Any) -> str:
        from docx.text.paragraph import Paragraph

        return Paragraph(p, self._document).text

    def _table(self, tbl: Any) -> None:
        if tbl.find(f".//{self._tc}/{self._tbl}") is not None:
            for tr in tbl.tr_lst:
                for tc in tr.tc_lst:
                    self._blocks(tc)
            return
        cells: list[TableCell] = []
        starts: dict[int, int] = {}  # grid column → index in ``cells`` of the last cell starting there
        for row, tr in enumerate(tbl.tr_lst):
            self._line += 1
            column = 0
            for tc in tr.tc_lst:
                span = max(1, tc.grid_span)
                above = starts.get(column)
                if tc.vMerge == "continue" and above is not None and cells[above].row + cells[above].rowspan == row:
                    cells[above] = attrs.evolve(cells[above], rowspan=cells[above].rowspan + 1)
                else:
                    starts[column] = len(cells)
                    cells.append(TableCell(self._cell(tc), row, column, Origin(self._line), colspan=span))
                column += span
        self.blocks.append(Table(tuple(cells)))

    def _cell(self, tc: Any) -> str:
        return cell_text(self._paragraph(p) for p in tc.iter(self._p))
