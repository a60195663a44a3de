"""Tables of many reports: tidy (one row per file × template cell) or wide (one row per file).

The tidy columns are :data:`COLUMNS`: ``file, organ, year``, then ``edition,
section, row, column, row_key, column_key, value`` as :func:`gsgk.to_records`
gives them, and ``error``; reports of both editions sit in one frame, and the
keys line up the cells that mean the same thing in both.  A file that
gave no report is one row with its ``error`` and the other columns empty.  The
CSV and Parquet outputs of ``gsgk batch`` and :func:`to_frame` share these
rows.  In a frame or Parquet file ``value`` is a float (NaN for a blank cell):
exact for every value a report holds (counts below 2**53, the fee in 万元 with
at most four decimals).  pandas and pyarrow are imported only when used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .batch import Outcome, examine, parallel_map
from .extras import require
from .model import Report, Value
from .template import EDITIONS

COLUMNS = ("file", "organ", "year", "edition", "section", "row", "column", "row_key", "column_key", "value", "error")
WIDE_KEYS: tuple[tuple[str, str], ...] = tuple(dict.fromkeys(
    cell.keys for edition in sorted(EDITIONS, reverse=True) for cell in EDITIONS[edition].cells))
"""Every cell's ``(row key, column key)`` in any edition: 2021's in template order, then the 2019 edition's own."""
WIDE_COLUMNS = ("file", "organ", "year", "edition", "error", *(f"{r}.{c}" for r, c in WIDE_KEYS))
"""The columns of :func:`to_wide_frame`: a cell's column is named ``row_key.column_key`` (``received.total``)."""


def tidy_rows(outcome: Outcome) -> list[tuple[Any, ...]]:
    """The tidy rows of one file as tuples in :data:`COLUMNS` order (``value`` as the
    report holds it: int, Decimal or None)."""
    report = outcome.report
    if report is None:
        return [(outcome.path, *(None,) * (len(COLUMNS) - 2), str(outcome.failure))]
    file = outcome.path or None
    return [(file, report.organ, report.year, report.edition, *cell.key, *cell.keys, value, None)
            for cell, value in zip(report.template.cells, report.cells.data)]


def as_float(value: Value) -> float | None:
    """A cell value as the float a frame or Parquet file holds."""
    return None if value is None else float(value)


def to_frame(reports_or_paths: Iterable[Report | str | os.PathLike[str]], *, jobs: int = 1) -> Any:
    """A tidy ``pandas.DataFrame`` of reports and/or report files, in input order.

    Paths are loaded (over ``jobs`` processes); ``file`` is the path as given,
    empty for a report passed in.  ``value`` is float64 with NaN for a blank cell.
    """
    pd = require("pandas", "pandas")
    rows = [row for outcome in parallel_map(_outcome, reports_or_paths, jobs=jobs) for row in tidy_rows(outcome)]
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    frame["value"] = pd.array([as_float(v) for v in frame["value"]], dtype="float64")
    return frame.astype({"year": "Int64", "edition": "Int64", "section": "Int64"})


def to_wide_frame(reports_or_paths: Iterable[Report | str | os.PathLike[str]], *, jobs: int = 1) -> Any:
    """A wide ``pandas.DataFrame``: one row per report or file, one float64 column per cell.

    The columns are :data:`WIDE_COLUMNS`: ``file, organ, year, edition, error``
    and a column per cell named by its keys (``received.total``), the same
    column for a cell both editions count, so a 2019–2025 series lines up.  A
    blank cell, and a cell the report's edition does not have, is NaN.
    """
    pd = require("pandas", "pandas")
    rows: list[tuple[Any, ...]] = []
    for outcome in parallel_map(_outcome, reports_or_paths, jobs=jobs):
        report = outcome.report
        if report is None:
            rows.append((outcome.path, None, None, None, str(outcome.failure), *(None,) * len(WIDE_KEYS)))
            continue
        values = {cell.keys: as_float(value) for cell, value in zip(report.template.cells, report.cells.data)}
        rows.append((outcome.path or None, report.organ, report.year, report.edition, None,
                     *(values.get(keys) for keys in WIDE_KEYS)))
    frame = pd.DataFrame.from_records(rows, columns=list(WIDE_COLUMNS))
    cells = list(WIDE_COLUMNS[5:])
    frame[cells] = frame[cells].astype("float64")
    return frame.astype({"year": "Int64", "edition": "Int64"})


def _outcome(item: Report | str | os.PathLike[str]) -> Outcome:
    return Outcome("", item) if isinstance(item, Report) else examine(item, check=False)
