"""Reports as tidy records (one mapping per template cell) and back."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import StructureError, UnknownCellError
from .model import METADATA_FIELDS, Cells, Report, Value
from .template import EDITION, EDITIONS, Cell, CellName, Template
from .values import MAX_DIGITS, within_digits

RECORD_FIELDS = ("edition", "section", "row", "column", "row_key", "column_key", "value")
"""The keys of every record :func:`to_records` makes, in order."""


def to_records(report: Report) -> list[dict[str, Any]]:
    """One dict per template cell of the report's edition, in template order.

    Each has the keys of :data:`RECORD_FIELDS`: the ``edition`` (2019 or 2021),
    the cell's canonical labels (``section``, ``row``, ``column``, as in that
    edition's ``cells-*.tsv``), its stable English keys (``row_key``,
    ``column_key``: the same in both editions where the cell means the same
    thing) and its ``value``: an ``int``, a ``Decimal`` (money, in 万元) or
    ``None`` for a blank cell.
    """
    return [dict(zip(RECORD_FIELDS, (report.edition, *cell.key, *cell.keys, value)))
            for cell, value in zip(report.template.cells, report.cells.data)]


def from_records(records: Iterable[Mapping[str, Any]], *, edition: int | None = None, **metadata: Any) -> Report:
    """A report from cell records (as :func:`to_records` makes them) and metadata fields.

    A record names its cell by labels (``section``, ``row``, ``column``) or by
    keys (``row_key``, ``column_key``).  The edition is ``edition``, else the
    records' ``edition`` field (one for all), else 2021.  Cells without a
    record are blank.  Values may be numbers or numeric strings; ``None``,
    ``""`` and NaN mean blank.  Unknown cells, duplicates, mixed editions and
    values that are not numbers raise :class:`~gsgk.StructureError`.
    """
    unknown = set(metadata) - set(METADATA_FIELDS)
    if unknown:
        raise StructureError(f"unknown report fields {sorted(unknown)}; expected some of {list(METADATA_FIELDS)}")
    records = list(records)
    chosen = _edition(records) if edition is None else edition
    if chosen not in EDITIONS:
        raise StructureError(f"no {chosen} edition of the template; editions: {sorted(EDITIONS)}")
    template = EDITIONS[chosen]
    values: dict[int, Value] = {}
    for i, record in enumerate(records):
        position = _position(template, record, i)
        if position in values:
            raise StructureError(f"record {i}: {template.cells[position].key} appears twice")
        values[position] = coerce(template.cells[position], record.get("value"), f"record {i}")
    cells = Cells(tuple(values.get(i) for i in range(len(template.cells))), edition=template.edition)
    return Report(cells=cells, **metadata)


def _edition(records: list[Mapping[str, Any]]) -> int:
    """The one edition the records name (2021 if none does)."""
    named: set[int] = set()
    for i, record in enumerate(records):
        value = record.get("edition")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        try:
            named.add(int(value))
        except (TypeError, ValueError):
            raise StructureError(f"record {i}: edition {value!r} is not a year") from None
    if len(named) > 1:
        raise StructureError(f"records of several editions {sorted(named)}: one report is in one edition")
    return named.pop() if named else EDITION


def _position(template: Template, record: Mapping[str, Any], i: int) -> int:
    """Where the cell a record names stands in ``template.cells``."""
    name: CellName
    try:
        if "row" in record or "column" in record:
            name = (int(record["section"]), str(record["row"]), str(record["column"]))
        else:
            name = (str(record["row_key"]), str(record["column_key"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise StructureError(f"record {i}: needs section, row and column, or row_key and column_key ({exc})") \
            from None
    try:
        return template.position(name)
    except UnknownCellError as exc:
        raise StructureError(f"record {i}: {exc}") from None


def coerce(cell: Cell, value: Any, where: str) -> Value:
    """``value`` as the type ``cell`` holds (``int`` or ``Decimal``), or ``None`` for blank."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise StructureError(f"{where}: {cell.describe()} is not a number: {value!r}") from None
    if isinstance(value, bool) or not number.is_finite():
        raise StructureError(f"{where}: {cell.describe()} is not a number: {value!r}")
    if not within_digits(number):
        raise StructureError(f"{where}: {cell.describe()} has more than {MAX_DIGITS} digits: {str(value)[:40]!r}")
    if cell.kind == "decimal":
        return number
    if number != number.to_integral_value():
        raise StructureError(f"{where}: {cell.describe()} must be a whole number, got {value!r}")
    return int(number)
