"""Glued digit runs split into the values of a row, under the template's sums.

A crawler that drops the table's markup prints a row of 表三 as one run of
digits (``21710000218`` for 217/1/0/0/0/0/218).  A *run* is a sequence of
items: digit chunks (whitespace between chunks is a sure cell boundary) and
blank marks (``—``, one blank cell each).  A reading splits every chunk into
numbers with no leading zero (``0`` itself excepted), with a decimal point only
in a decimal cell, and keeps every sum among the row's own cells (总计 = the
sum of the columns before it).  The search is depth-first; a total whose parts
are known is not searched but checked against the digits, which keeps the
search small.  It is bounded by :data:`MAX_STEPS`: past it, the run has "too
many readings" and its cells stay blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model import Value
from ..template import Cell, Identity

MAX_STEPS = 50_000
"""Search steps allowed for one run (and for combining the runs of one table)."""

Item = str | None
Reading = tuple[Value, ...]
Number = int | Decimal


class TooMany(Exception):
    """The search went past :data:`MAX_STEPS`."""


class Budget:
    """Steps left for one table's search."""

    def __init__(self, steps: int = MAX_STEPS) -> None:
        self.left = steps

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TooMany


def _number(text: str, cell: Cell) -> Value:
    """The value ``text`` prints in ``cell``, or ``-1`` if it cannot be one."""
    if len(text) > 1 and text[0] == "0" and text[1] != ".":
        return -1
    if "." in text:
        if cell.kind != "decimal" or text[0] == "." or text[-1] == "." or text.count(".") > 1:
            return -1
        return Decimal(text)
    return Decimal(text) if cell.kind == "decimal" else int(text)


def row_readings(cells: Sequence[Cell], items: Sequence[Item], identities: Sequence[Identity],
                 budget: Budget) -> list[Reading]:
    """Every reading of ``items`` as the values of ``cells`` (see the module docstring).

    ``identities`` are the sums among these cells only.  When the row ends in a
    total printed at the end of a chunk, that total is taken first (each length
    of the chunk's tail), which bounds every part before it.  Raises :class:`TooMany`.
    """
    blocks = _blocks(cells, identities)
    if len(blocks) > 1 and len(items) == 1 and items[0] is not None:
        return _by_blocks(cells, items[0], blocks, budget)
    search = _Search(cells, identities, budget)
    last = items[-1] if items else None
    if last is None or not any(i.left[-1] is cells[-1] for i in identities):
        return search.run(items, len(cells))
    found: list[Reading] = []
    for length in range(1, len(last) + 1):
        value = _number(last[-length:], cells[-1])
        if value == -1:
            continue
        rest = [*items[:-1], last[:-length]] if length < len(last) else list(items[:-1])
        found += search.run(rest, len(cells) - 1, value)
    return found


def _blocks(cells: Sequence[Cell], identities: Sequence[Identity]) -> list[tuple[int, int, Identity]]:
    """The row as consecutive blocks, each some parts followed by their total (表四: three of five
    cells); empty if the row's sums do not cut it so."""
    index = {cell.key: i for i, cell in enumerate(cells)}
    blocks = []
    for identity in identities:
        spots = sorted(index[c.key] for c in identity.cells)
        if len(identity.left) != 1 or index[identity.left[0].key] != spots[-1] \
                or spots != list(range(spots[0], spots[-1] + 1)):
            return []
        blocks.append((spots[0], spots[-1] + 1, identity))
    blocks.sort(key=lambda b: b[0])
    if [b[0] for b in blocks] != [0, *(b[1] for b in blocks[:-1])] or not blocks or blocks[-1][1] != len(cells):
        return []
    return blocks


def _by_blocks(cells: Sequence[Cell], digits: str, blocks: Sequence[tuple[int, int, Identity]],
               budget: Budget) -> list[Reading]:
    """Readings of one chunk block by block: every place each block can end, its total taken first."""
    memo: dict[tuple[int, int], list[Reading]] = {}

    def rest(b: int, start: int) -> list[Reading]:
        if b == len(blocks):
            return [()] if start == len(digits) else []
        if (b, start) not in memo:
            first, end, identity = blocks[b]
            found: list[Reading] = []
            for stop in range(start + end - first, len(digits) - (len(cells) - end) + 1):
                budget.spend()
                here = row_readings(cells[first:end], [digits[start:stop]], [identity], budget)
                if here:
                    after = rest(b + 1, stop)
                    found += [mine + theirs for mine in here for theirs in after]
            memo[(b, start)] = found
        return memo[(b, start)]

    return rest(0, 0)


class _Search:
    """The depth-first search of one row's readings."""

    def __init__(self, cells: Sequence[Cell], identities: Sequence[Identity], budget: Budget) -> None:
        self.cells = cells
        self.budget = budget
        self.index = {cell.key: i for i, cell in enumerate(cells)}
        self.closing: dict[int, list[tuple[list[int], list[int]]]] = {}
        self.touching: dict[int, list[tuple[list[int], list[int]]]] = {}
        self.parts: dict[int, list[tuple[int, list[int]]]] = {}
        self.pending: list[tuple[int, list[int]]] = []
        for identity in identities:
            left = [self.index[c.key] for c in identity.left]
            right = [self.index[c.key] for c in identity.right]
            self.closing.setdefault(max(left + right), []).append((left, right))
            for k in left + right:
                self.touching.setdefault(k, []).append((left, right))
            if len(left) == 1:
                for part in right:
                    self.parts.setdefault(part, []).append((left[0], right))
                self.pending.append((left[0], right))

    def run(self, items: Sequence[Item], n: int, tail: Value = None) -> list[Reading]:
        """Readings of ``items`` as the first ``n`` cells; ``tail`` is the last cell's value if set."""
        self.items, self.n = items, n
        self.values: list[Value] = [None] * len(self.cells)
        if tail is not None:
            self.values[-1] = tail
        self.chars = [0] * (len(items) + 1)
        for j in range(len(items) - 1, -1, -1):
            item = items[j]
            self.chars[j] = self.chars[j + 1] + (1 if item is None else len(item))
        self.found: list[Reading] = []
        self.step(0, 0, 0)
        return self.found

    def forced(self, i: int) -> Value | int:
        """The value the sums require of cell ``i``, when it is the one unknown cell of a sum
        (``-1``: none possible; ``None``: free)."""
        need: Number | None = None
        for left, right in self.touching.get(i, ()):
            known = [self.values[k] for k in left + right if k != i]
            if any(v is None for v in known):
                continue
            total = _total(self.values, left, i) - _total(self.values, right, i)
            value = -total if i in left else total
            if value < 0 or (need is not None and value != need):
                return -1
            need = value
        if need is None:
            return None
        return Decimal(need) if self.cells[i].kind == "decimal" else int(need)

    def bound(self, i: int) -> Number | None:
        """The most cell ``i`` can hold: a known total less the parts before ``i``."""
        most: Number | None = None
        for total, parts in self.parts.get(i, ()):
            value = self.values[total]
            if total > i and value is not None:
                room = value - sum(self.values[k] or 0 for k in parts if k < i)
                most = room if most is None else min(most, room)
        return most

    def room(self, i: int, j: int, p: int) -> bool:
        """Are there characters enough for the cells after ``i`` and the totals still to come,
        and not too many for what the known totals leave them?"""
        extra = 0
        rooms: dict[int, Number] = {}
        for total, parts in self.pending:
            done = sum(self.values[k] or 0 for k in parts if k < i)
            value = self.values[total]
            if i <= total < self.n:
                extra += len(str(int(done))) - 1
            elif total >= self.n and value is not None:
                rooms[total] = value - done
        left = self.chars[j] - p
        if left - (self.n - i) < extra:
            return False
        longest = 0
        largest: Number = 0
        for k in range(i, self.n):
            known = [rooms[total] for total, _ in self.parts.get(k, ()) if total > k and total in rooms]
            if not known:
                return True
            most = min(known)
            longest += len(str(int(most))) if most >= 0 else 0
            largest = max(largest, most)
        # some cell takes at least ceil(left / cells) digits, so it is at least 10 ** (that - 1)
        widest = -(-left // (self.n - i)) if self.n > i else 0
        # the parts of a sum have at most one digit less than the sum (ten parts or fewer)
        widest_possible = left - (self.n - i) + 1
        return left <= longest and (widest <= 1 or largest >= 10 ** (widest - 1)) \
            and widest_possible >= len(str(int(largest))) - 1

    def holds(self, i: int) -> bool:
        for left, right in self.closing.get(i, ()):
            if any(self.values[k] is None for k in left + right):
                continue
            if _total(self.values, left) != _total(self.values, right):
                return False
        return True

    def step(self, i: int, j: int, p: int) -> None:
        self.budget.spend()
        items, n = self.items, self.n
        if i == n:
            if j == len(items) and (n == len(self.cells) or self.holds(len(self.cells) - 1)):
                self.found.append(tuple(self.values))
            return
        if j == len(items) or n - i > self.chars[j] - p or n - i < len(items) - j or not self.room(i, j, p):
            return
        item = items[j]
        if item is None:
            self.values[i] = None
            if self.holds(i):
                self.step(i + 1, j + 1, 0)
            return
        need = self.forced(i)
        if need == -1:
            return
        most = self.bound(i)
        if most is not None and most < 0:
            return
        longest = len(item) - p if most is None else min(len(item) - p, len(_text(most, self.cells[i])))
        lengths = [len(_text(need, self.cells[i]))] if need is not None else range(1, longest + 1)
        for length in lengths:
            text = item[p: p + length]
            if p + length > len(item) or (need is not None and text != _text(need, self.cells[i])):
                continue
            value = _number(text, self.cells[i])
            if value == -1 or (most is not None and value is not None and value > most):
                continue
            self.values[i] = value
            if self.holds(i):
                self.step(i + 1, j + 1, 0) if p + length == len(item) else self.step(i + 1, j, p + length)
        self.values[i] = None


def _total(values: Sequence[Value], cells: Sequence[int], skip: int = -1) -> Number:
    total: Number = 0
    for k in cells:
        if k != skip:
            total += values[k] or 0
    return total


def _text(value: Value, cell: Cell) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if cell.kind == "decimal" else str(int(value))
    return str(value)
