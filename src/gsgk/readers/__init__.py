"""Input formats: each reader turns bytes into the lines the lexer reads.

The format is recognised from the content (a ``format=`` argument overrides):
a ZIP container is DOCX, ``%PDF-`` is PDF, markup that opens with an HTML
tag is HTML, an object (``{`` then a key) is gsgk's own JSON, anything else is
text; an old binary .doc/.wps file is refused with the command that converts
it.  Every reader ends in :class:`~gsgk.layout.Line` objects, so the one
grammar decides the structure whatever the format.  :func:`gsgk.load` and
:func:`gsgk.loads` both use :func:`detect`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from typing import Literal

from ..errors import InputError
from ..layout import Line, check_shape

Format = Literal["text", "html", "docx", "pdf", "json"]
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The signature of an OLE compound file: the binary .doc, .wps, .xls formats."""
_JSON_START = re.compile(rb'\s*\{\s*["}]')
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|table|p|section|article)\b",
    re.IGNORECASE | re.DOTALL,
)


def detect(data: bytes) -> Format:
    """The format of ``data`` from its first bytes."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data[:1024].lstrip(b"\x00\t\n\r\x0c ").startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(OLE):
        raise InputError("an old binary Word (.doc) or WPS (.wps) file: gsgk reads .docx; convert it first, "
                         "e.g. soffice --headless --convert-to docx report.doc")
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _JSON_START.match(head):
        return "json"
    if _HTML_START.match(head):
        return "html"
    return "text"


READERS = {"text": "read_text", "html": "read_html", "docx": "read_docx", "pdf": "read_pdf"}


def _reader(fmt: str) -> Callable[[bytes], list[Line]]:
    if fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r}; expected 'text', 'html', 'docx' or 'pdf'")
    reader: Callable[[bytes], list[Line]] = getattr(import_module(f"{__name__}.{fmt}"), READERS[fmt])
    return reader


def read_lines(data: bytes, fmt: str | None = None) -> list[Line]:
    """The lines of a report in any supported format (refused beyond :data:`~gsgk.layout.MAX_LINES`
    lines or :data:`~gsgk.layout.MAX_CELLS` cells)."""
    lines = _reader(fmt or detect(data))(data)
    check_shape(len(lines), sum(len(line.cells) for line in lines))
    return lines


SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".htm", ".html", ".docx", ".json", ".pdf"})
"""The file suffixes a folder walk reads (a file named on its own is read whatever its suffix)."""
NOT_READ = {
    ".doc": "an old binary Word file: save it as .docx",
    ".wps": "a WPS file: save it as .docx",
    ".rtf": "an RTF file: save it as .docx",
    ".odt": "an OpenDocument file: save it as .docx",
    ".ofd": "an OFD file: export it as PDF",
    ".xls": "a spreadsheet, not a report",
    ".xlsx": "a spreadsheet, not a report",
    ".et": "a spreadsheet, not a report",
}
"""Suffixes of files that look like reports but are not read, with what to do instead; a folder
walk lists them as skipped (other files, such as a saved page's images, are not reports)."""
