"""Placing printed values into template cells, and recovering dropped ones.

A printed row (a *run*) with as many values as cells is placed in order.  A
run with one value too many (a stray number) is placed when dropping exactly
one of its values gives a reading that keeps the sums, and the dropped value is
reported where it stands; otherwise the run stays blank with an error.  A
run that is short (copies often drop cells) is placed only when the template's
sums allow exactly one reading: every way of placing the printed values in
order among the cells is tried, the missing cells are solved from the sums,
and readings that break a sum (or need a negative count) are discarded, also
against the other rows of the table.  One surviving reading is taken and
reported as a warning naming each inferred cell (rows of one table that each
dropped as many values share one warning); otherwise the whole run stays blank
(``None``) with an error.  A value is never shifted into a guessed cell.

A whole row is placed as printed unless its values may come from other lines
(printed partly on its label's line and partly on others, followed by a
number alone on the next line, or read in a disordered table) and its own
sums do not verify them: then it is blank with an error (``row-lines``).  A
row with twice its values, whose second half continues its digits (a wrapped
number cut by a page break), or followed by one number that continues one of
its numbers, is joined where the row's own sums single that reading out
(``row-continued``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from itertools import combinations, groupby
from math import comb

import attrs

from .findings import CellKey, Finding, Severity, note
from .model import Number, Span, Value
from .template import Cell, Identity, Template
from .values import format_value, total

MAX_PLACEMENTS = 20000
_DIGITS = re.compile(r"[0-9]+")
Values = dict[CellKey, Value]


@attrs.frozen
class Run:
    """Values printed for consecutive template cells (a row, or 表四's one line)."""

    label: str
    cells: tuple[Cell, ...]
    printed: tuple[Value, ...]
    spans: tuple[Span | None, ...]
    where: Span | None = None
    texts: tuple[str, ...] = ()
    """The values as printed (digits as they stand), where the reader kept them."""
    after: tuple[str, ...] = ()
    """Numbers printed alone on the lines right after the row (digits of a wrapped number, or strays)."""


@attrs.define
class Placement:
    """Where every value of a set of runs went, and what was said about it."""

    values: Values = attrs.field(factory=dict)
    spans: dict[CellKey, Span | None] = attrs.field(factory=dict)
    inferred: set[CellKey] = attrs.field(factory=set)
    findings: list[Finding] = attrs.field(factory=list)
    settled: list[tuple[Run, list[CellKey], list[str], str]] = attrs.field(factory=list)
    """Short runs placed from the sums: the run, its inferred cells, the rules that decided, the reading."""


def place(runs: Sequence[Run], template: Template, *, disordered: bool = False) -> Placement:
    """Place every run of a report in ``template``'s edition (see the module docstring).

    In a ``disordered`` reading (its tables' words and numbers met out of the template's order), a whole row
    whose own sums break is blank with an error: its numbers may be another row's, or digits of wrapped ones.
    """
    out = Placement()
    by_cell = _sums(template)
    short: list[Run] = []
    extra: list[Run] = []
    for run in runs:
        if len(run.printed) == len(run.cells):
            if run.after and _wrapped(out, run, by_cell):
                continue
            doubt = _doubt(run, by_cell, disordered)
            if doubt:
                _blank(out, run)
                out.findings.append(_finding(
                    "row-lines", "error", run,
                    f"「{run.label}」的数值{doubt}，可能混入了别行的数或折行的数字；本行的勾稽关系不能证实这种读法，本行按空白处理"))
                continue
            for cell, value, span in zip(run.cells, run.printed, run.spans):
                out.values[cell.key], out.spans[cell.key] = value, span
        elif len(run.printed) > len(run.cells):
            extra.append(run)
        else:
            short.append(run)
    for run in extra:
        if not _continued(out, run, by_cell):
            _drop_extra(out, run, by_cell)
    candidates = {id(run): _candidates(run, out.values, by_cell) for run in short}
    _eliminate(short, candidates, out.values, by_cell)
    for run in short:
        _settle(out, run, candidates[id(run)], by_cell)
    out.findings += (_inferred_finding(list(group)) for _, group in groupby(out.settled, _shortfall))
    return out


def _drop_extra(out: Placement, run: Run, by_cell: _Sums) -> None:
    """Place a run with one value too many when the sums single out the value to drop."""
    keys = [c.key for c in run.cells]
    readings: dict[tuple[Value, ...], int] = {}
    if len(run.printed) == len(run.cells) + 1:
        for j in range(len(run.printed)):
            kept = run.printed[:j] + run.printed[j + 1:]
            if kept not in readings and _consistent({**out.values, **dict(zip(keys, kept))}, by_cell, keys):
                readings[kept] = j
    if len(readings) == 1 and any(by_cell.get(key) for key in keys):
        (kept, j), = readings.items()
        spans = run.spans[:j] + run.spans[j + 1:]
        for cell, value, span in zip(run.cells, kept, spans):
            out.values[cell.key], out.spans[cell.key] = value, span
        where = run.spans[j] or run.where
        rules = sorted({i.rule for key in keys for i in by_cell.get(key, ())})
        out.findings.append(note(
            "row-extra-value", "warning",
            f"「{run.label}」印有{len(run.printed)}个数，模板{len(run.cells)}栏；按勾稽关系（{'；'.join(rules)}）"
            f"多出的是第{j + 1}个数「{format_value(run.printed[j])}」，已忽略",
            where, tuple(keys)))
        return
    _blank(out, run)
    out.findings.append(_finding(
        "row-extra-values", "error", run,
        f"「{run.label}」印有{len(run.printed)}个数，模板只有{len(run.cells)}栏；"
        "无法判断多出的是哪一个，本行按空白处理",
    ))


def _doubt(run: Run, by_cell: _Sums, disordered: bool) -> str:
    """Why a whole row's values, as read, are not to be trusted ("" if they are).

    Values printed partly on the label's line and partly on others must keep the row's own sums; in a
    disordered reading, a row whose own sums are complete must keep them.
    """
    first, last, label = run.spans[0], run.spans[-1], run.where  # values in reading order, after the label
    mixed = bool(run.after) or (first is not None and last is not None and label is not None
                                and first.line == label.line and last.line != label.line)
    if not (mixed or disordered):
        return ""
    keys = [c.key for c in run.cells]
    inside = _inside(by_cell, keys)
    values = dict(zip(keys, run.printed))
    complete = bool(inside) and None not in run.printed
    if complete and all(s.holds(values) for s in inside):
        return ""
    if run.after:
        return f"之后一行单独印有「{'、'.join(run.after)}」"
    if mixed:
        return "一部分与行标签同行、一部分印在别的行上"
    return "不合本行的勾稽关系，而表格的排版已乱（多处词句或数字不在模板的位置）" if complete else ""


def _continued(out: Placement, run: Run, by_cell: _Sums) -> bool:
    """Place a row whose numbers go on over a second line, when the row's own sums hold for the digits
    joined (``187`` over ``0`` is 1870) and not for the first line alone.

    A cell too narrow for a number wraps it; a page break between its two lines leaves the second line a row
    of its own, with a digit or two in some cells and the others empty.
    """
    n = len(run.cells)
    keys = [c.key for c in run.cells]
    inside = _inside(by_cell, keys)
    if len(run.printed) != 2 * n or len(run.texts) != 2 * n or not inside:
        return False
    first, second = run.printed[:n], run.printed[n:]
    joined: list[Value] = []
    for value, more, text, tail in zip(first, second, run.texts[:n], run.texts[n:]):
        if more is None:
            joined.append(value)
        elif value is not None and _DIGITS.fullmatch(text) and _DIGITS.fullmatch(tail):
            joined.append(int(text + tail))
        else:
            return False

    if all(more is None for more in second) or not _keeps(inside, keys, joined) or _keeps(inside, keys, first) \
            or not _consistent({**out.values, **dict(zip(keys, joined))}, by_cell, keys):
        return False
    _join(out, run, joined, [key for key, more in zip(keys, second) if more is not None],
          "、".join(map(format_value, second)), run.spans[n], inside)
    return True


def _wrapped(out: Placement, run: Run, by_cell: _Sums) -> bool:
    """Place a row followed by a line with one number alone (``1005`` over ``2``), when the row's own sums hold
    for exactly one of its numbers continued by those digits, and not for the row as printed."""
    keys = [c.key for c in run.cells]
    inside = _inside(by_cell, keys)
    if len(run.after) != 1 or not _DIGITS.fullmatch(run.after[0]) or len(run.texts) != len(keys) \
            or not inside or _keeps(inside, keys, run.printed):
        return False
    readings = []
    for i, (value, text) in enumerate(zip(run.printed, run.texts)):
        if value is None or not _DIGITS.fullmatch(text):
            continue
        joined = [*run.printed[:i], int(text + run.after[0]), *run.printed[i + 1:]]
        if _keeps(inside, keys, joined) and _consistent({**out.values, **dict(zip(keys, joined))}, by_cell, keys):
            readings.append((i, joined))
    if len(readings) != 1:
        return False
    (i, joined), = readings
    _join(out, run, joined, [keys[i]], run.after[0], None, inside)
    return True


def _keeps(inside: Sequence[_Sum], keys: Sequence[CellKey], values: Sequence[Value]) -> bool:
    """Are the row's own sums all complete and kept by ``values``?"""
    reading = dict(zip(keys, values))
    return all(None not in (reading[k] for k in s.keys) and s.holds(reading) for s in inside)


def _join(out: Placement, run: Run, joined: Sequence[Value], inferred: list[CellKey], second: str,
          where: Span | None, inside: Sequence[_Sum]) -> None:
    """Place a row whose numbers went on over a second line, joined, with a ``row-continued`` warning."""
    for cell, value, span in zip(run.cells, joined, run.spans):
        out.values[cell.key], out.spans[cell.key] = value, span
    out.inferred.update(inferred)
    rules = "；".join(sorted({s.rule for s in inside}))
    out.findings.append(note(
        "row-continued", "warning",
        f"「{run.label}」的数字印成两行（第二行：{second}）；"
        f"按本行的勾稽关系（{rules}）接为：{'、'.join(map(format_value, joined))}",
        where or run.where, tuple(inferred)))


def _shortfall(settled: tuple[Run, list[CellKey], list[str], str]) -> tuple[int, int, int]:
    """The table of a settled run, and how many values it printed of how many cells."""
    run = settled[0]
    return run.cells[0].section, len(run.printed), len(run.cells)


def _inferred_finding(group: list[tuple[Run, list[CellKey], list[str], str]]) -> Finding:
    """One ``cells-inferred`` warning for rows of one table that each dropped as many values."""
    run, inferred, rules, shown = group[0]
    short = f"只印出{len(run.printed)}个数（模板{len(run.cells)}栏）"
    if len(group) == 1:
        return _finding("cells-inferred", "warning", run,
                        f"「{run.label}」{short}；按勾稽关系（{'；'.join(rules)}）唯一一致的读法为：{shown}",
                        cells=tuple(inferred))
    rules = sorted({rule for _, _, rs, _ in group for rule in rs})
    return _finding("cells-inferred", "warning", run,
                    f"「{run.label}」至「{group[-1][0].label}」{len(group)}行各{short}；"
                    f"按勾稽关系（{'；'.join(rules)}）各行唯一一致的读法已补出（报告中逐栏标明）",
                    cells=tuple(key for _, keys, _, _ in group for key in keys))


@attrs.define
class _Reading:
    """A full reading of a short run (``None`` if the sums leave it undetermined), and the cells that the
    placements giving it left unprinted (derived from the sums)."""

    values: Values | None
    unprinted: set[CellKey]


def _candidates(run: Run, known: Values, by_cell: _Sums) -> list[_Reading]:
    """Every distinct full reading of a short run, or one undetermined reading as soon as a placement
    leaves cells the sums do not fix (such a run stays blank whatever the others give)."""
    n, k = len(run.cells), len(run.printed)
    if comb(n, k) > MAX_PLACEMENTS:
        return [_Reading(None, set()), _Reading(None, set())]
    keys = [c.key for c in run.cells]
    own = set(keys)
    # the sums that can decide: those whose other cells are all known (the rest never complete here)
    sums = [s for s in _touching(by_cell, keys) if all(k in own or known.get(k) is not None for k in s.keys)]
    others = {k: known.get(k) for s in sums for k in s.keys if k not in own}  # all a placement's solving reads
    found: dict[tuple[Value, ...], _Reading] = {}
    for placed in combinations(keys, k):  # the cells the printed values go to, in order
        values = dict(others)
        values.update(zip(placed, run.printed))
        missing = own.difference(placed)
        try:
            reading = _solve(values, missing, sums)
        except _Inconsistent:
            continue
        if reading is None:  # undetermined: the run cannot be settled, whatever the other placements give
            return [_Reading(None, missing)]
        full = tuple(map(reading.__getitem__, keys))
        if full in found:
            found[full].unprinted |= missing
        else:
            found[full] = _Reading(dict(zip(keys, full)), missing)
    return list(found.values())


class _Inconsistent(Exception):
    """A reading breaks one of the template's sums."""


@attrs.frozen(eq=False)  # compared by identity: each sum is made once per edition
class _Sum:
    """An :class:`~gsgk.template.Identity` by cell keys, as the solver reads it."""

    rule: str
    left: frozenset[CellKey]
    keys: tuple[CellKey, ...]
    signed: tuple[tuple[CellKey, bool], ...]  # each cell, and whether it is on the right
    money: frozenset[CellKey]  # its cells counted in 万元 (Decimal)

    @classmethod
    def of(cls, identity: Identity) -> _Sum:
        cells = identity.cells
        money = frozenset(c.key for c in cells if c.kind == "decimal")
        return cls(identity.rule, frozenset(c.key for c in identity.left), tuple(c.key for c in cells),
                   tuple((c.key, c in identity.right) for c in cells), money)

    def holds(self, values: Values) -> bool:
        """Is the sum kept where all its cells have values (or not yet decidable)?"""
        for k in self.keys:
            if values.get(k) is None:
                return True
        return self._excess(values) == 0

    def solve(self, values: Values, key: CellKey) -> Number:
        """The value of ``key`` that keeps the sum, the other cells known."""
        rest = self._excess(values, key)
        return -rest if key in self.left else rest

    def _excess(self, values: Values, skip: CellKey | None = None) -> Number:
        """Left side minus right side, without ``skip``."""
        numbers = [-values[k] if right else values[k] for k, right in self.signed if k != skip]  # type: ignore[operator]
        # counts are ints (or Decimals of at most 15 digits, summed exactly in the default context)
        return total(numbers) if self.money else sum(numbers)  # type: ignore[arg-type]


_Sums = dict[CellKey, list[_Sum]]


@cache
def _sums(template: Template) -> _Sums:
    """The template's sums by each cell they involve (made once per edition)."""
    by_cell: _Sums = {}
    for identity in map(_Sum.of, template.identities):
        for key in identity.keys:
            by_cell.setdefault(key, []).append(identity)
    return by_cell


def _inside(by_cell: _Sums, keys: Sequence[CellKey]) -> list[_Sum]:
    """The sums among ``keys`` alone (a row's own sums: 表三's 总计 of the applicants, 表四's of the results)."""
    return [s for s in _touching(by_cell, keys) if set(s.keys) <= set(keys)]


def _touching(by_cell: _Sums, keys: Iterable[CellKey]) -> list[_Sum]:
    """The sums that involve any of ``keys``, each once."""
    return list({id(s): s for key in keys for s in by_cell.get(key, ())}.values())


def _solve(values: Values, missing: set[CellKey], sums: Sequence[_Sum]) -> Values | None:
    """Fill ``missing`` from ``sums`` (``None`` if some stay undetermined), then check the others.

    Raises :class:`_Inconsistent` if a sum breaks or a count would be negative.
    """
    missing = set(missing)
    used: list[_Sum] = []  # kept by construction
    progress = True
    while missing and progress:
        progress = False
        for identity in sums:
            unknown = [k for k in identity.keys if values.get(k) is None]
            if len(unknown) != 1 or unknown[0] not in missing:
                continue
            target = unknown[0]
            solved = identity.solve(values, target)
            if solved < 0:
                raise _Inconsistent
            values[target] = Decimal(solved) if target in identity.money else int(solved)
            missing.discard(target)
            used.append(identity)
            progress = True
    for identity in sums:
        if identity not in used and not identity.holds(values):
            raise _Inconsistent
    return None if missing else values


def _consistent(values: Values, by_cell: _Sums, scope: Sequence[CellKey]) -> bool:
    try:
        _solve(values, set(), _touching(by_cell, scope))
    except _Inconsistent:
        return False
    return True


def _eliminate(short: Sequence[Run], candidates: dict[int, list[_Reading]], known: Values,
               by_cell: _Sums) -> None:
    """Drop readings that break a sum with rows already settled, until nothing changes."""
    changed = True
    while changed:
        changed = False
        fixed = dict(known)
        for run in short:
            options = candidates[id(run)]
            if len(options) == 1 and options[0].values is not None:
                fixed.update(options[0].values)
        for run in short:
            options = candidates[id(run)]
            if len(options) < 2:
                continue
            kept = [o for o in options
                    if o.values is None or _consistent({**fixed, **o.values}, by_cell, list(o.values))]
            if len(kept) < len(options):
                candidates[id(run)] = kept
                changed = True


def _settle(out: Placement, run: Run, options: list[_Reading], by_cell: _Sums) -> None:
    keys = [c.key for c in run.cells]
    if len(options) == 1 and options[0].values is not None:
        reading = options[0].values
        for cell in run.cells:
            out.values[cell.key], out.spans[cell.key] = reading[cell.key], None
        inferred = [key for key in keys if key in options[0].unprinted]
        out.inferred.update(inferred)
        rules = sorted({i.rule for key in keys for i in by_cell.get(key, ())})
        out.settled.append((run, inferred, rules, "、".join(format_value(reading[k]) for k in keys)))
        return
    _blank(out, run)
    why = "没有一种读法符合模板的勾稽关系" if not options else "有多种读法都符合模板的勾稽关系"
    out.findings.append(_finding(
        "row-short", "error", run,
        f"「{run.label}」只印出{len(run.printed)}个数（模板{len(run.cells)}栏），{why}，无法确定缺的是哪一栏；"
        "本行按空白处理",
    ))


def _blank(out: Placement, run: Run) -> None:
    for cell in run.cells:
        out.values[cell.key], out.spans[cell.key] = None, None


def _finding(code: str, severity: Severity, run: Run, message: str, cells: tuple[CellKey, ...] = ()) -> Finding:
    return note(code, severity, message, run.where, cells or tuple(c.key for c in run.cells))
