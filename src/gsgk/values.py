"""Reading and writing the values a report prints: numbers, blanks and dates."""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .template import BLANK

BLANK_MARKERS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "／", "－", "无"})
"""Texts that mean "this cell is blank": an empty cell, a dash, a slash, or 无 (none: not a printed 0)."""

UNITS = ("万元", "元", "件", "条", "个", "项")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


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
    try:
        return (Decimal(digits) if "." in digits else int(digits)), unit
    except (InvalidOperation, ValueError):  # pragma: no cover - the regex admits only numbers
        return None


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
    return f"{date.year}年{date.month}月{date.day}日"
