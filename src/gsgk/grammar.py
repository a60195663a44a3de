"""The grammar's template-derived part: 表二's captions and rows and 表三's rows in order, from the template.

``report.lark`` holds what no edition changes (title, sections, 表四, signature
and date); :func:`grammar` appends the rules generated here from
:mod:`gsgk.template`.  Every caption of 表二 and every row of 表二 and 表三 in
either edition is a terminal of its own (``CAPTION2_0``, ``ROW2_RULES``,
``ROW3_RECEIVED`` …), emitted by the lexer for the text it recognised as that
caption or row.  The generated rule of each table takes them in the template's
order, the editions merged (2019's single （六）其他处理 row stands where 2021
has its three items; 2019's 其他对外管理服务事项 and 第二十条第（九）项 where
2019 has them), each optional — a missing row is reported by the builder
(``row-missing``), not refused; header words, group labels, notes and rows the
lexer did not recognise may stand between them.  A caption or row printed out
of that order is a token the grammar does not take where it stands: the parser
reports it (``block-order``, ``row-order``) and puts it back where it was
printed, so a row is read by its label and its values never join a
neighbouring row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeAlias

from .template import EDITION, EDITIONS, Block, Row, Section

HEADING_TYPES = {1: "HEADING_PROSE", 2: "HEADING_ACTIVE", 3: "HEADING_REQUESTS",
                 4: "HEADING_APPEALS", 5: "HEADING_PROSE", 6: "HEADING_PROSE"}
"""The terminal of each section's heading."""
ORDERED_SECTIONS = (2, 3)
"""The tables whose captions and rows the grammar orders."""


Item: TypeAlias = Block | Row
"""What the grammar orders: a captioned block's caption (表二), or a row."""


def _key(item: Item) -> str:
    return item.key if isinstance(item, Row) else item.caption or ""


def _merged(editions: Iterable[Sequence[Item]]) -> tuple[Item, ...]:
    """The items of every edition in one order: an item only a later edition has follows its predecessor there."""
    merged: list[Item] = []
    for items in editions:
        at = 0
        for item in items:
            keys = [_key(i) for i in merged]
            if _key(item) in keys:
                at = keys.index(_key(item)) + 1
            else:
                merged.insert(at, item)
                at += 1
    return tuple(merged)


def _items(section: Section) -> tuple[Item, ...]:
    """A table's captions and rows in printed order."""
    return tuple(item for block in section.blocks for item in ((block,) if block.caption else ()) + block.rows)


ITEMS = {n: _merged(_items(t.section(n)) for t in sorted(EDITIONS.values(), key=lambda t: -t.edition))
         for n in ORDERED_SECTIONS}
"""The captions and rows of each ordered table, both editions in template order (2021's first)."""
CAPTIONS = {block.caption: f"CAPTION{n}_{i}" for n, items in ITEMS.items()
            for i, block in enumerate(b for b in items if isinstance(b, Block))}
"""The terminal of each caption (``CAPTION2_0`` for 第二十条第（一）项 …)."""


def terminal(section: int, item: Item) -> str:
    """The terminal of a caption or row the grammar orders (``CAPTION2_0``, ``ROW3_RECEIVED``)."""
    return f"ROW{section}_{item.key.upper()}" if isinstance(item, Row) else CAPTIONS[item.caption]


ORDERED = {terminal(n, item): item for n, items in ITEMS.items() for item in items}
"""Each generated terminal and the caption or row it stands for, in template order."""


USUAL = frozenset(terminal(n, item) for n in ORDERED_SECTIONS for item in _items(EDITIONS[EDITION].section(n)))
"""The terminals of the default edition's captions and rows: the ones an error message names first."""


def _table_rules(section: int) -> list[str]:
    """The table's rule: its heading, then each caption and row in order, optional, with table text between."""
    items = ITEMS[section]
    name = f"_items{section}"
    rules = [f"{HEADING_TYPES[section].removeprefix('HEADING_').lower()}_section: {HEADING_TYPES[section]} {name}_0"]
    for i, item in enumerate(items):
        one = f"row{section}_{i}" if isinstance(item, Row) else terminal(section, item)
        rules.append(f"{name}_{i}: _table_text? {one} {name}_{i + 1} | {name}_{i + 1}")
        if isinstance(item, Row):
            rules.append(f"{one}: {terminal(section, item)} (NUMBER | BLANK)* -> row")
    rules.append(f"{name}_{len(items)}: _table_text?")
    return rules


@cache
def grammar() -> str:
    """The whole grammar: ``report.lark`` and the rules generated from the template."""
    static = (Path(__file__).parent / "report.lark").read_text("utf-8")
    rules = [rule for n in ORDERED_SECTIONS for rule in _table_rules(n)]
    rules.append("%declare " + " ".join(ORDERED))
    return static + "\n// --- generated from gsgk.template by gsgk.grammar ---\n" + "\n".join(rules) + "\n"
