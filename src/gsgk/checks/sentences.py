"""The report's prose as paragraphs and sentences, each with the name of the part it stands in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import PROSE_FIELDS, Report
from ..template import SECTIONS

PREAMBLE = "正文前言"
"""How messages name the text between the title and the first section."""

_END = re.compile(r"(?<=[。；;！!？?])")
Placed = tuple[str, str]


def sentences(paragraph: str) -> list[str]:
    """``paragraph`` cut after each sentence end (``。；！？``), without empty pieces."""
    return [s.strip() for s in _END.split(paragraph) if s.strip()]


def paragraphs(report: Report, numbers: tuple[int, ...] = tuple(PROSE_FIELDS), *,
               with_preamble: bool = True) -> Iterator[Placed]:
    """``(where, paragraph)`` for the preamble and the prose sections ``numbers`` (1, 5, 6)."""
    if with_preamble:
        for paragraph in report.preamble:
            yield PREAMBLE, paragraph
    for number in numbers:
        for paragraph in report.prose(number):
            yield SECTIONS[number - 1].heading, paragraph


def placed_sentences(report: Report, numbers: tuple[int, ...] = tuple(PROSE_FIELDS), *,
                     with_preamble: bool = True) -> Iterator[Placed]:
    """``(where, sentence)`` for every sentence of :func:`paragraphs`."""
    for where, paragraph in paragraphs(report, numbers, with_preamble=with_preamble):
        for sentence in sentences(paragraph):
            yield where, sentence
