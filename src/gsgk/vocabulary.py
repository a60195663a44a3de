"""Recognising template wording in printed text: headings, captions, labels, headers.

Text is compared by *key*: NFKC-folded (full-width → half-width), without
whitespace, punctuation or quotes, and with the common ``其它`` read as
``其他``, so ``（一）予以公开`` and ``(一) 予以公开`` are the same key.  A
label that matches only after dropping its numbering (``上年结转…`` for
``二、上年结转…``), one listed among a row's variants, or a close fuzzy match,
is recognised and reported with its canonical wording.

The vocabulary of a table section holds the labels of every edition of the
template: which edition a report is in is decided later, from what it printed
(:mod:`gsgk.builder`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from typing import Literal

import attrs

from .template import EDITIONS, SECTIONS, Block, Column, Row, Section

Kind = Literal["caption", "row", "group", "column", "header"]
Quality = Literal["exact", "variant", "unnumbered", "fuzzy", "fragment", "placeholder"]
Target = Block | Row | Column | str

_DROP = {"P", "S", "Z", "C"}  # punctuation, symbols, separators, controls
_NUMBERING = re.compile(r"^(?:第?[一二三四五六七八九十]+|\d+)(?=\D)")
FUZZY_RATIO = 0.8
PLACEHOLDER = re.compile(r"^(?:项目|数据\d{1,2}|列\d{1,2}|column\d{1,2}|col\d{1,2})$")
"""Header words OCR pipelines print for headers they lost (``项目 | 数据1 | 数据2 | …``), compared by key."""


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The comparison key of ``text`` (see the module docstring); ``其它`` counts as ``其他``."""
    folded = unicodedata.normalize("NFKC", text).replace("其它", "其他")
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in _DROP).lower()


def unnumbered(k: str) -> str:
    """A key without its leading ordinal (``一``, ``（三）``, ``1.``)."""
    return _NUMBERING.sub("", k, count=1)


@attrs.frozen
class Match:
    """What a piece of text was recognised as, and how closely it matched."""

    kind: Kind
    target: Target
    quality: Quality
    block: Block | None = None

    @property
    def canonical(self) -> str:
        t = self.target
        if isinstance(t, Block):
            return t.caption or ""
        if isinstance(t, (Row, Column)):
            return t.leaf if isinstance(t, Row) else t.label
        return t


def _entries(sections: tuple[Section, ...]) -> list[tuple[Kind, Target, Block, tuple[str, ...]]]:
    entries: list[tuple[Kind, Target, Block, tuple[str, ...]]] = []
    for block in (block for section in sections for block in section.blocks):
        if block.caption:
            entries.append(("caption", block, block, ()))
        for row in block.rows:
            entries.append(("row", row, block, row.variants))
            for group in row.groups:
                entries.append(("group", group, block, ()))
        for column in block.columns:
            entries.append(("column", column, block, column.variants))
        for word in block.header_words:
            entries.append(("header", word, block, ()))
    return entries


def _label(kind: Kind, target: Target) -> str:
    if kind == "caption":
        assert isinstance(target, Block)
        return target.caption or ""
    if kind == "row":
        assert isinstance(target, Row)
        return target.leaf
    if kind == "column":
        assert isinstance(target, Column)
        return target.label
    assert isinstance(target, str)
    return target.split("/")[-1]


class SectionVocabulary:
    """Every label of one table section in every edition, indexed by key.

    ``sections`` are that section of each edition, the current edition first: a
    label both editions print the same way under the same caption is entered
    once, as the first edition's (rows and columns of the same meaning share
    their keys, so either reads the same).
    """

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self.section = sections[0]
        self.exact: dict[str, list[Match]] = {}
        self.loose: dict[str, list[Match]] = {}
        self.fuzzy: list[tuple[str, Match]] = []
        self.fragments: list[tuple[str, Match]] = []
        self.prefixes: set[str] = set()
        self.groups: set[str] = set()
        seen: set[tuple[str, Kind, str]] = set()
        for kind, target, block, variants in _entries(sections):
            canonical = key(_label(kind, target))
            if (canonical, kind, block.caption or "") in seen:
                continue
            seen.add((canonical, kind, block.caption or ""))
            self._add(self.exact, canonical, Match(kind, target, "exact", block))
            self.prefixes.update(canonical[:i] for i in range(1, len(canonical)))
            if kind == "group":
                self.groups.add(canonical)
            for variant in variants:
                self._add(self.loose, key(variant), Match(kind, target, "variant", block))
            for k in {canonical, *map(key, variants)}:
                if unnumbered(k) != k:
                    self._add(self.loose, unnumbered(k), Match(kind, target, "unnumbered", block))
            core = unnumbered(canonical)
            self.fuzzy.append((core, Match(kind, target, "fuzzy", block)))
            if kind in ("column", "header"):
                self.fragments.append((canonical, Match(kind, target, "fragment", block)))

    @staticmethod
    def _add(index: dict[str, list[Match]], k: str, match: Match) -> None:
        index.setdefault(k, []).append(match)

    def lookup(self, text: str) -> tuple[Match, ...]:
        """All recognitions of ``text``, closest first (empty if none)."""
        k = key(text)
        if not k:
            return ()
        if PLACEHOLDER.match(k):
            return (Match("header", text.strip(), "placeholder"),)
        core = unnumbered(k)
        found = [*self.exact.get(k, ()), *self.loose.get(k, ())]
        if core != k:
            found += [m for m in self.loose.get(core, ()) if m.quality == "unnumbered"]
        if found:
            return tuple(found)
        fragments = tuple(m for label, m in self.fragments if len(k) >= 2 and k in label)
        if fragments or len(core) < 4:
            return fragments
        return _fuzzy(core, self.fuzzy)


def leading_group(section: int, text: str) -> int | None:
    """Where a group label that ``text`` starts with ends (``（三）不予公开1.属于…`` → 7)."""
    k = key(text)
    groups = VOCABULARIES[section].groups
    if not any(k.startswith(g) and k != g for g in groups):
        return None
    return next((i for i in range(1, len(text)) if key(text[:i]) in groups), None)


def starts_label(section: int, text: str) -> bool:
    """Is ``text`` the beginning of a label of table section ``section`` (a label cut short)?"""
    return key(text) in VOCABULARIES[section].prefixes


def _fuzzy(core: str, candidates: list[tuple[str, Match]]) -> tuple[Match, ...]:
    """The one candidate at least :data:`FUZZY_RATIO` similar, clearly ahead of the next."""
    floor = FUZZY_RATIO - 0.05
    scored = sorted(
        ((difflib.SequenceMatcher(None, core, label).ratio(), i)
         for i, (label, _) in enumerate(candidates) if similar(core, label, floor)),
        reverse=True,
    )
    if not scored or scored[0][0] < FUZZY_RATIO:
        return ()
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.05:
        return ()
    return (candidates[scored[0][1]][1],)


_BY_EDITION = sorted(EDITIONS.values(), key=lambda t: -t.edition)
VOCABULARIES = {s.number: SectionVocabulary(tuple(t.section(s.number) for t in _BY_EDITION))
                for s in SECTIONS if s.is_table}


@lru_cache(maxsize=8192)
def lookup(section: int, text: str) -> tuple[Match, ...]:
    """Recognise ``text`` printed in table section ``section`` (2, 3 or 4)."""
    return VOCABULARIES[section].lookup(text)


# --- section headings ---------------------------------------------------------
_HEADING = re.compile(r"^[\s#*_]*([(（])?([一二三四五六])[)）]?\s*[、.．,，:：]?\s*(\S.*)$")
HEADING_MAX = 40


def _title_keys(section: Section) -> tuple[str, ...]:
    return tuple(key(t) for t in (section.title, *section.variants))


_SECTION_TITLES = [(s, _title_keys(s)) for s in SECTIONS]


def heading(text: str) -> tuple[Section, bool] | None:
    """The section whose heading ``text`` is, and whether it is printed canonically.

    A heading is a short line whose words are a section title or a known
    variant.  A close fuzzy match counts only when the line carries the
    section's own numeral (``三、``); items numbered ``（一）`` are never headings.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > HEADING_MAX:
        return None
    return _heading(stripped)


@lru_cache(maxsize=4096)
def _heading(stripped: str) -> tuple[Section, bool] | None:
    m = _HEADING.match(stripped)
    paren, numeral, rest = m.groups() if m else (None, None, stripped)
    k = key(rest)
    if paren or not k:
        return None
    for section, titles in _SECTION_TITLES:
        if k in titles:
            return section, k == titles[0] and numeral == section.numeral
    for section, titles in _SECTION_TITLES:
        if any(similar(k, t, 0.75 if numeral == section.numeral else 0.9) for t in titles):
            return section, False
    return None


def similar(a: str, b: str, threshold: float) -> bool:
    """Is the similarity ratio of ``a`` and ``b`` at least ``threshold``? (cheap bounds first)"""
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold \
        and matcher.ratio() >= threshold
