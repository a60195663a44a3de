"""The grammar's template-derived part: 表三's rows in template order, generated from :mod:`gsgk.template`.

``report.lark`` holds what no edition changes (title, sections, signature and
date); :func:`grammar` appends the rules generated here.  Every row of 表三 in
either edition is a terminal of its own (``ROW3_RECEIVED`` …), emitted by the
lexer for a label it recognised as that row; the generated rule takes them in
the template's order, the editions merged (2019's single （六）其他处理 row
stands where 2021 has its three items), each row optional — a missing row is
reported by the builder (``row-missing``), not refused.  A row printed out of
that order is a token the grammar does not take where it stands: the parser
reports it (``row-order``) and reads it by its label, so its values never join
a neighbouring row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from .template import EDITIONS, Row

ORDERED_SECTION = 3
"""The table whose rows the grammar orders."""


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


ROWS = _merged(b.rows for t in sorted(EDITIONS.values(), key=lambda t: -t.edition)
               for b in t.section(ORDERED_SECTION).blocks)
"""表三's rows of both editions in template order (2021's, with 2019's （六）其他处理 before its items)."""


def row_terminal(row: Row) -> str:
    """The terminal of a row of :data:`ROWS` (``ROW3_RECEIVED``)."""
    return f"ROW{ORDERED_SECTION}_{row.key.upper()}"


TERMINAL_ROWS = {row_terminal(row): row for row in ROWS}
"""Each generated terminal and the row it stands for."""


def _requests_rules() -> str:
    """``requests_section``: the heading, then each row in order, optional, with table text between rows."""
    rules = ["requests_section: HEADING_REQUESTS _rows3_0"]
    for i, row in enumerate(ROWS):
        rules.append(f"_rows3_{i}: _table_text? row3_{i} _rows3_{i + 1} | _rows3_{i + 1}")
        rules.append(f"row3_{i}: {row_terminal(row)} value* -> row")
    rules.append(f"_rows3_{len(ROWS)}: _table_text?")
    rules.append("%declare " + " ".join(TERMINAL_ROWS))
    return "\n".join(rules) + "\n"


@cache
def grammar() -> str:
    """The whole grammar: ``report.lark`` and the rules generated from the template."""
    static = (Path(__file__).parent / "report.lark").read_text("utf-8")
    return static + "\n// --- generated from gsgk.template by gsgk.grammar ---\n" + _requests_rules()
