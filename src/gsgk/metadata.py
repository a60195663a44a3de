"""Who published a report and for which year, read from its title and text."""

from __future__ import annotations

import html
import re

from .template import TITLE_SUFFIX
from .values import cn_number

_TITLE = re.compile(
    r"^(?P<before>.*?)(?P<year>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?"
    r"(?P<after>.*?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
)
_YEAR_AFTER = re.compile(
    r"^(?P<before>.*?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)\s*[（(]?"
    r"(?P<year>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?"
)
_ORGAN_EDGES = " 　\t《》〈〉“”\"'：:，,、"
_MARKUP = re.compile(r"^\s*#{1,6}\s+|\*\*|__|</?[A-Za-z][^<>]*>")
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def strip_markup(text: str) -> str:
    """``text`` without the markup a copy left in it: a Markdown heading's ``#``, ``**`` and ``__``
    emphasis, HTML tags and entities; spaces at the edges dropped."""
    return html.unescape(_MARKUP.sub("", text)).replace("\xa0", " ").strip()


def organ_and_year(title: str) -> tuple[str | None, int | None]:
    """``("灵丘县人民政府办公室", 2022)`` from ``灵丘县人民政府办公室2022年政府信息公开工作年度报告``
    (also with the year after: ``…政府信息公开工作年度报告（2022年度）``)."""
    m = _TITLE.search(title)
    after = m["after"] if m else ""
    m = m or _YEAR_AFTER.search(title)
    if not m:
        return None, None
    digits = m["year"]
    year = int(digits) if digits.isdigit() else cn_number(digits)
    organ = (m["before"].strip(_ORGAN_EDGES) or after.strip(_ORGAN_EDGES)).removesuffix("关于")
    return organ.strip(_ORGAN_EDGES) or None, year


def year_in_text(paragraphs: tuple[str, ...]) -> int | None:
    """The report year as the text states it: the statistics period, else the first year named."""
    text = "\n".join(paragraphs)[:2000]
    m = _PERIOD.search(text) or _YEAR.search(text)
    return int(m[1]) if m else None


def canonical_title(organ: str, year: int) -> str:
    return f"{organ}{year}年{TITLE_SUFFIX}"
