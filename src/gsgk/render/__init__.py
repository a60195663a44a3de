"""Renderers: a report back into the standard form, in several formats.

``text`` is the canonical form (:mod:`gsgk.render.text`); the others live in
their own modules and are imported on first use, so optional dependencies
(python-docx) are needed only by the format that uses them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Literal

from ..model import Report

OutputFormat = Literal["text", "html", "markdown", "json", "docx"]
"""The formats a report renders into (a type checker refuses any other string)."""
FORMATS = {
    "text": ("text", "dumps_text"),
    "html": ("html", "dumps_html"),
    "markdown": ("markdown", "dumps_markdown"),
    "json": ("json", "dumps_json"),
    "docx": ("docx", "dumps_docx"),
}
BINARY_FORMATS = frozenset({"docx"})


def render(report: Report, format: OutputFormat, **options: Any) -> str | bytes:
    """``report`` in ``format`` (``bytes`` for binary formats such as ``docx``)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    module, function = FORMATS[format]
    renderer = getattr(import_module(f"{__name__}.{module}"), function)
    result: str | bytes = renderer(report, **options)
    return result
