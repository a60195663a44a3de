"""Bytes to text: encoding detection, newline normalisation and the size limit."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError, ParseError
from ..layout import Line, text_lines

MAX_BYTES = 20 * 1024 * 1024
"""Inputs larger than this (20 MiB) are refused; reports are a few hundred KiB at most."""

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def check_size(size: int, limit: int = MAX_BYTES) -> None:
    if size > limit:
        raise InputError(f"input of {size} bytes is larger than the limit of {limit} bytes")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; newlines as ``\\n``."""
    check_size(len(data))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalize(data[len(bom):].decode(encoding, errors="replace"))
    try:
        return normalize(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return normalize(data.decode("gb18030"))
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"cannot decode the input: neither UTF-8 nor GB18030 (byte {exc.start})",
            line=1, column=1, expected="a text, HTML or DOCX report", code="encoding",
        ) from None


_RADICALS = str.maketrans(dict(zip(*[iter(
    "⺁厂⺇几⺊卜⺌小⺝月⺟母⺠民⺩王⺬示⻁虎⻄西⻅见⻆角⻉贝⻋车⻓长⻔门"
    "⻘青⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟")] * 2)))
"""CJK radical characters (U+2E80–U+2EFF) as the ideographs they stand for: PDF fonts map some glyphs to them."""


_RADICAL = re.compile("[\u2e80-\u2fdf]")


def unify(text: str) -> str:
    """Ideographs printed as radical code points (``⼀⼈⺠`` in PDF text layers) as the ideographs (``一人民``)."""
    if not _RADICAL.search(text):
        return text
    text = text.translate(_RADICALS)
    return "".join(unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fdf" else ch for ch in text)


def normalize(text: str) -> str:
    """Newlines to ``\\n``; refuse text that is binary data."""
    if "\x00" in text:
        raise ParseError("the input is binary data, not a report", line=1, column=1,
                         expected="a text, HTML or DOCX report", code="encoding")
    return unify(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))


def read_text(data: bytes) -> list[Line]:
    """The lines of a plain-text report."""
    return text_lines(decode(data))
