"""The readings of a table's runs combined under the sums that join its rows.

Each run has its own readings (:mod:`gsgk.flattened.split`); the columns of
表三 tie them together (一 + 二 = （七）+ 四, （七）= Σ（一）…（六）).  Every
combination of readings that keeps those sums is found by a bounded
depth-first search; a cell takes a value only when every surviving
combination gives it the same value, so a reading is never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..findings import CellKey
from ..model import Value
from ..template import Identity
from .split import Budget, Reading

MAX_COMBINATIONS = 50
"""Consistent combinations kept; past this many the rows that differ stay open."""


def combine(rows: Sequence[tuple[tuple[CellKey, ...], list[Reading]]], identities: Sequence[Identity],
            budget: Budget) -> list[list[Reading]]:
    """For each row, the readings that take part in some consistent combination.

    A row with no reading keeps none; if no combination keeps every sum (the
    report's own sums break), each row keeps its own readings.  Raises
    :class:`~gsgk.flattened.split.TooMany`.
    """
    values: dict[CellKey, Value] = {}
    open_rows = [i for i, (_, readings) in enumerate(rows) if len(readings) > 1]
    for keys, readings in rows:
        if len(readings) == 1:
            values.update(zip(keys, readings[0]))
    printed = {key for keys, _ in rows for key in keys}
    checks = [i for i in identities if any(c.key in printed for c in i.cells)]
    if not _holds(checks, values):
        return [list(readings) for _, readings in rows]
    kept: list[set[int]] = [set() for _ in rows]
    combinations = 0

    def step(k: int, chosen: list[int]) -> None:
        nonlocal combinations
        budget.spend()
        if combinations >= MAX_COMBINATIONS:
            return
        if k == len(open_rows):
            combinations += 1
            for row, choice in zip(open_rows, chosen):
                kept[row].add(choice)
            return
        keys, readings = rows[open_rows[k]]
        for choice, reading in enumerate(readings):
            values.update(zip(keys, reading))
            if _holds(checks, values):
                step(k + 1, [*chosen, choice])
            for key in keys:
                values.pop(key, None)

    step(0, [])
    if combinations == 0:
        return [list(readings) for _, readings in rows]
    if combinations >= MAX_COMBINATIONS:
        return [list(readings) for _, readings in rows]
    return [readings if len(readings) < 2 else [readings[c] for c in sorted(kept[i])]
            for i, (_, readings) in enumerate(rows)]


def _holds(identities: Sequence[Identity], values: dict[CellKey, Value]) -> bool:
    """Does every sum whose cells are all known hold?"""
    for identity in identities:
        cells = identity.cells
        if any(values.get(c.key) is None for c in cells):
            continue
        left = sum((Decimal(values[c.key] or 0) for c in identity.left), Decimal(0))
        right = sum((Decimal(values[c.key] or 0) for c in identity.right), Decimal(0))
        if left != right:
            return False
    return True
