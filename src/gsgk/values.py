"""Reading and writing the values a report prints: numbers, blanks and dates."""

from __future__ import annotations

import datetime
import decimal
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .template import BLANK

BLANK_MARKERS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "／", "－", "无"})
"""Texts that mean "this cell is blank": an empty cell, a dash, a slash, or 无 (none: not a printed 0)."""

UNITS = ("万元", "元", "件", "条", "个", "项")
MAX_DIGITS = 15
"""A number has at most this many digits (before and after the point together); longer ones are not values."""
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_EXACT = decimal.Context(prec=decimal.MAX_PREC, traps=[decimal.Inexact, decimal.Rounded])


def fold(text: str) -> str:
    """Full-width digits and signs to ASCII, spaces removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@lru_cache(maxsize=4096)
def is_blank(text: str) -> bool:
    return fold(text) in BLANK_MARKERS


@lru_cache(maxsize=4096)
def parse_number(text: str) -> tuple[int | Decimal, str] | None:
    """``(value, unit)`` if ``text`` is a number (an ``int`` unless it has a point)."""
    folded = fold(text)
    unit = next((u for u in UNITS if folded.endswith(u) and len(folded) > len(u)), "")
    digits = folded[: len(folded) - len(unit)]
    if not _NUMBER.fullmatch(digits):
        return None
    digits = digits.replace(",", "")
    if sum(ch.isdigit() for ch in digits) > MAX_DIGITS:
        return None
    try:
        return (Decimal(digits) if "." in digits else int(digits)), unit
    except (InvalidOperation, ValueError):  # pragma: no cover - the regex admits only numbers
        return None


def within_digits(number: Decimal) -> bool:
    """Whether ``number`` is finite and written with at most :data:`MAX_DIGITS` digits."""
    if not number.is_finite():
        return False
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    return (len(digits) + exponent if exponent >= 0 else max(len(digits), -exponent)) <= MAX_DIGITS


def total(values: Iterable[int | Decimal]) -> int | Decimal:
    """The exact sum of ``values``: an ``int`` for counts, a ``Decimal`` (never rounded) once a value has a point."""
    whole, fraction, exact = 0, Decimal(0), True
    for value in values:
        if isinstance(value, int):
            whole += value
        else:
            fraction, exact = _EXACT.add(fraction, value), False
    return whole if exact else _EXACT.add(fraction, whole)


def format_value(value: int | Decimal | None) -> str:
    """The standard form of a cell value: digits, or :data:`BLANK`."""
    if value is None:
        return BLANK
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# --- dates --------------------------------------------------------------------
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")
_CN = "一二三四五六七八九十"
_CN_DATE = re.compile(rf"^([〇○零Ｏ一二三四五六七八九O]{{4}})年([{_CN}]{{1,3}})月([{_CN}]{{1,3}})日$")


def cn_number(text: str) -> int:
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def parse_date(text: str) -> datetime.date | None:
    """A date printed alone: ``2023年1月31日``, ``2023-01-31`` or ``二〇二三年一月三十一日``."""
    folded = fold(text)
    try:
        if m := _DATE.match(folded):
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _CN_DATE.match(folded):
            return datetime.date(cn_number(m[1]), cn_number(m[2]), cn_number(m[3]))
    except ValueError:
        return None
    return None


def format_date(date: datetime.date) -> str:
    return f"{date.year:04d}年{date.month}月{date.day}日"
