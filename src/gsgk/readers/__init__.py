"""Input formats: each reader turns bytes into the lines the lexer reads.

The format is recognised from the content (a ``format=`` argument overrides):
a ZIP container is DOCX, markup that opens with an HTML tag is HTML, an
object (``{`` then a key) is gsgk's own JSON, anything else is text.  Every
reader ends in :class:`~gsgk.layout.Line` objects, so the one grammar decides
the structure whatever the format.  :func:`gsgk.load` and :func:`gsgk.loads`
both use :func:`detect`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from typing import Literal

from ..errors import InputError
from ..layout import Line, check_shape

Format = Literal["text", "html", "docx", "json"]
_JSON_START = re.compile(rb'\s*\{\s*["}]')
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|table|p|section|article)\b",
    re.IGNORECASE | re.DOTALL,
)


def detect(data: bytes) -> Format:
    """The format of ``data`` from its first bytes."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _JSON_START.match(head):
        return "json"
    if _HTML_START.match(head):
        return "html"
    return "text"


READERS = {"text": "read_text", "html": "read_html", "docx": "read_docx"}


def _reader(fmt: str) -> Callable[[bytes], list[Line]]:
    if fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r}; expected 'text', 'html' or 'docx'")
    reader: Callable[[bytes], list[Line]] = getattr(import_module(f"{__name__}.{fmt}"), READERS[fmt])
    return reader


def read_lines(data: bytes, fmt: str | None = None) -> list[Line]:
    """The lines of a report in any supported format (refused beyond :data:`~gsgk.layout.MAX_LINES`
    lines or :data:`~gsgk.layout.MAX_CELLS` cells)."""
    lines = _reader(fmt or detect(data))(data)
    check_shape(len(lines), sum(len(line.cells) for line in lines))
    return lines
