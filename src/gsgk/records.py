"""Reports as tidy records (one mapping per template cell) and back."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import StructureError
from .model import METADATA_FIELDS, Cells, Report, Value
from .template import TEMPLATE, Cell
from .values import MAX_DIGITS, within_digits


def to_records(report: Report) -> list[dict[str, Any]]:
    """One ``{"section", "row", "column", "value"}`` dict per template cell, in template order.

    Labels are the canonical ones (as in ``cells-2021.tsv``); ``value`` is an
    ``int``, a ``Decimal`` (the fee, in 万元) or ``None`` for a blank cell.
    """
    return [
        {"section": cell.section, "row": cell.row.label, "column": cell.column.label, "value": value}
        for cell, value in zip(TEMPLATE.cells, report.cells.data)
    ]


def from_records(records: Iterable[Mapping[str, Any]], **metadata: Any) -> Report:
    """A report from cell records (as :func:`to_records` makes them) and metadata fields.

    Cells without a record are blank.  Values may be numbers or numeric
    strings; ``None``, ``""`` and NaN mean blank.  Unknown cells, duplicates
    and values that are not numbers raise :class:`~gsgk.StructureError`.
    """
    unknown = set(metadata) - set(METADATA_FIELDS)
    if unknown:
        raise StructureError(f"unknown report fields {sorted(unknown)}; expected some of {list(METADATA_FIELDS)}")
    values: dict[tuple[int, str, str], Value] = {}
    for i, record in enumerate(records):
        try:
            key = (int(record["section"]), str(record["row"]), str(record["column"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise StructureError(f"record {i}: needs section, row and column ({exc})") from None
        if key not in TEMPLATE.index:
            raise StructureError(f"record {i}: {key} is not a cell of the template")
        if key in values:
            raise StructureError(f"record {i}: {key} appears twice")
        values[key] = coerce(TEMPLATE.cells[TEMPLATE.index[key]], record.get("value"), f"record {i}")
    cells = Cells(tuple(values.get(cell.key) for cell in TEMPLATE.cells))
    return Report(cells=cells, **metadata)


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
