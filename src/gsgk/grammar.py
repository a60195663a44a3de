"""The grammar's template-derived part: the rows of 表二 and 表三 in template order, from :mod:`gsgk.template`.

``report.lark`` holds what no edition changes (title, sections, 表四, signature
and date); :func:`grammar` appends the rules generated here.  Every row of
表二 and 表三 in either edition is a terminal of its own (``ROW2_RULES``,
``ROW3_RECEIVED`` …), emitted by the lexer for a label it recognised as that
row.  The generated rule of each table takes them in the template's order, the
editions merged (2019's single （六）其他处理 row stands where 2021 has its
three items; 2019's 其他对外管理服务事项 and 政府集中采购 where 2019 has them),
each row optional — a missing row is reported by the builder (``row-missing``),
not refused; captions, header words, group labels, notes and rows the lexer did
not recognise may stand between them.  A row printed out of that order is a
token the grammar does not take where it stands: the parser reports it
(``row-order``) and reads it by its label, so its values never join a
neighbouring row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from .template import EDITIONS, Row

HEADING_TYPES = {1: "HEADING_PROSE", 2: "HEADING_ACTIVE", 3: "HEADING_REQUESTS",
                 4: "HEADING_APPEALS", 5: "HEADING_PROSE", 6: "HEADING_PROSE"}
"""The terminal of each section's heading."""
ORDERED_SECTIONS = (2, 3)
"""The tables whose rows the grammar orders."""


def _merged(editions: Iterable[Sequence[Row]]) -> tuple[Row, ...]:
    """The rows of every edition in one order: a row only a later edition has follows its predecessor there."""
    merged: list[Row] = []
    for rows in editions:
        at = 0
        for row in rows:
            keys = [r.key for r in merged]
            if row.key in keys:
                at = keys.index(row.key) + 1
            else:
                merged.insert(at, row)
                at += 1
    return tuple(merged)


ROWS = {n: _merged(tuple(r for b in t.section(n).blocks for r in b.rows)
                   for t in sorted(EDITIONS.values(), key=lambda t: -t.edition))
        for n in ORDERED_SECTIONS}
"""The rows of each ordered table, both editions in template order (2021's first)."""


def row_terminal(section: int, row: Row) -> str:
    """The terminal of a row of table ``section`` (``ROW3_RECEIVED``)."""
    return f"ROW{section}_{row.key.upper()}"


TERMINAL_ROWS = {row_terminal(n, row): row for n, rows in ROWS.items() for row in rows}
"""Each generated terminal and the row it stands for, in template order."""


def _table_rules(section: int) -> list[str]:
    """The table's rule: its heading, then each row in order, optional, with table text between rows."""
    rows = ROWS[section]
    name = f"_rows{section}"
    rules = [f"{HEADING_TYPES[section].removeprefix('HEADING_').lower()}_section: {HEADING_TYPES[section]} {name}_0"]
    for i, row in enumerate(rows):
        rules.append(f"{name}_{i}: _table_text? row{section}_{i} {name}_{i + 1} | {name}_{i + 1}")
        rules.append(f"row{section}_{i}: {row_terminal(section, row)} value* -> row")
    rules.append(f"{name}_{len(rows)}: _table_text?")
    return rules


@cache
def grammar() -> str:
    """The whole grammar: ``report.lark`` and the rules generated from the template."""
    static = (Path(__file__).parent / "report.lark").read_text("utf-8")
    rules = [rule for n in ORDERED_SECTIONS for rule in _table_rules(n)]
    rules.append("%declare " + " ".join(TERMINAL_ROWS))
    return static + "\n// --- generated from gsgk.template by gsgk.grammar ---\n" + "\n".join(rules) + "\n"
