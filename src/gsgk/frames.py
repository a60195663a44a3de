"""Tidy tables of many reports: one row per file × template cell.

The columns are :data:`COLUMNS`: ``file, organ, year``, then ``section, row,
column, value`` as :func:`gsgk.to_records` gives them, and ``error``.  A file that
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
from .template import TEMPLATE

COLUMNS = ("file", "organ", "year", "section", "row", "column", "value", "error")


def tidy_rows(outcome: Outcome) -> list[tuple[Any, ...]]:
    """The tidy rows of one file as tuples in :data:`COLUMNS` order (``value`` as the
    report holds it: int, Decimal or None)."""
    report = outcome.report
    if report is None:
        return [(outcome.path, *(None,) * (len(COLUMNS) - 2), str(outcome.failure))]
    file = outcome.path or None
    return [(file, report.organ, report.year, *cell.key, value, None)
            for cell, value in zip(TEMPLATE.cells, report.cells.data)]


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
    return frame.astype({"year": "Int64", "section": "Int64"})


def _outcome(item: Report | str | os.PathLike[str]) -> Outcome:
    return Outcome("", item) if isinstance(item, Report) else examine(item, check=False)
