"""The public facade, shaped like the ``json`` module: load, loads, dump, dumps.

Every stage is reachable on its own: :func:`read_lines` (bytes → lines of
cells), :func:`tokenize` (lines → tokens), :func:`parse` (lines → nodes) and
:func:`build` (nodes → ``Report``); :func:`loads` and :func:`load` run them all.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from . import flattened
from .builder import build
from .convert import structure
from .errors import InputError, ParseError
from .layout import Line, quote
from .lexer import tokenize
from .model import Report
from .parser import Document, parse_lines
from .readers import Format, detect, read_lines
from .readers.text import MAX_BYTES, check_size, decode
from .render import BINARY_FORMATS, OutputFormat, render
from .values import MAX_DIGITS, within_digits

PathOrFile = str | os.PathLike[str] | IO[bytes]

__all__ = ["build", "dump", "dumps", "load", "loads", "parse", "read_lines", "report_from_lines", "tokenize"]


def loads(text: str, *, strict: bool = False) -> Report:
    """Parse a report from text: any of the text layouts, an HTML page or gsgk's JSON,
    recognised as :func:`load` recognises them."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"the text holds a lone surrogate at character {exc.start}") from None
    return _from_bytes(data, None, strict)


def load(source: PathOrFile, *, format: Format | None = None, strict: bool = False) -> Report:
    """Read a report from a path or a binary file: text (UTF-8, UTF-8 with BOM,
    GB18030), HTML, DOCX, PDF or gsgk JSON, recognised from the content unless ``format`` is given."""
    return _from_bytes(_read_bytes(source), format, strict)


def _from_bytes(data: bytes, format: str | None, strict: bool) -> Report:
    check_size(len(data))
    fmt = format or detect(data)
    if fmt == "json":
        return _from_json(decode(data))
    return report_from_lines(read_lines(data, fmt), strict=strict)


def _from_json(text: str) -> Report:
    """A report from the JSON that ``dumps(report, format="json")`` writes."""
    try:
        data = json.loads(text, parse_int=_json_number, parse_float=_json_number)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno,
                         expected="a report as gsgk.unstructure makes it", code="json") from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be a report") from None
    return structure(data)


def _json_number(text: str) -> int | Decimal:
    """A JSON number, refused beyond :data:`~gsgk.values.MAX_DIGITS` digits (or an exponent that makes more)."""
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - json hands over only valid numbers
        raise InputError(f"invalid number in JSON: {text[:40]!r}") from None
    if not within_digits(number):
        raise InputError(f"a number in the JSON has more than {MAX_DIGITS} digits: {text[:40]!r}")
    return number if "." in text or "e" in text.lower() else int(number)


def _read_bytes(source: PathOrFile) -> bytes:
    if isinstance(source, (str, os.PathLike)):
        check_size(os.stat(source).st_size)
        with open(source, "rb") as fp:
            return fp.read()
    data = source.read(MAX_BYTES + 1)
    if isinstance(data, str):
        raise TypeError("load() needs a binary file (open it with 'rb') or a path; use loads() for text")
    check_size(len(data))
    return data


def parse(lines: Sequence[Line]) -> Document:
    """The parse of a report's lines, with the findings made so far: ``build(parse(lines))`` is the report."""
    return parse_lines(lines)


def report_from_lines(lines: Sequence[Line], *, strict: bool = False) -> Report:
    """Lex, parse and build; with ``strict`` any warning or error raises ``ParseError``."""
    try:
        report = build(parse_lines(lines))
    except ParseError:
        rescued = flattened.reread(lines, None)
        if rescued is None:
            raise
        report = rescued
    else:
        if flattened.lacks_tables(report) or flattened.markdown_gaps(lines, report):
            report = flattened.reread(lines, report) or report
    if strict:
        for finding in report.diagnostics:
            if finding.severity != "info":
                source, column = quote(lines, finding.line, finding.column)
                raise ParseError(finding.message, line=finding.line, column=column,
                                 source_line=source, code=finding.code,
                                 expected="a report that needs no recovery (strict=True)")
    return report


def dumps(report: Report, *, format: OutputFormat = "text", **options: Any) -> str:
    """``report`` in the standard form: ``text`` (default), ``html``, ``markdown`` or ``json``.

    ``loads(dumps(r, format=f)) == r`` for text, html and json.  Binary
    formats (``docx``) are written with :func:`dump`.
    """
    if format in BINARY_FORMATS:
        raise ValueError(f"{format} is a binary format: use gsgk.dump(report, fp, format={format!r})")
    text = render(report, format, **options)
    assert isinstance(text, str)
    return text


def dump(report: Report, fp: IO[Any], *, format: OutputFormat = "text", **options: Any) -> None:
    """Write ``report`` in ``format`` to ``fp``: text to a text file (UTF-8 to a binary one)."""
    data = render(report, format, **options)
    is_text = isinstance(fp, io.TextIOBase) or hasattr(fp, "encoding")
    if isinstance(data, bytes):
        if is_text:
            raise TypeError(f"{format} is binary: open the file with 'wb'")
        fp.write(data)
    else:
        fp.write(data if is_text else data.encode("utf-8"))
