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

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .batch import JOBS, Outcome, examine, parallel_map
from .extras import require
from .model import Report, Value
from .sources import Skipped, Source, expand
from .template import TEMPLATE

if TYPE_CHECKING:
    import pandas as pd

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


def to_frame(reports_or_paths: Report | Source | Iterable[Report | Source], *, jobs: int | None = JOBS,
             ) -> pd.DataFrame:
    """A tidy ``pandas.DataFrame`` of reports and/or report files, in input order.

    Like a pandas reader it takes a path (``str`` or ``os.PathLike``) to a file
    or a folder (walked for every format gsgk reads), a glob, a report, or an
    iterable of those.  Files are loaded over ``jobs`` processes (default: all
    cores); ``file`` is the path, empty for a report passed in; a file that gave
    no report, or was not read, is one row with its ``error``.  ``value`` is
    float64 with NaN for a blank cell, ``year`` and ``section`` nullable integers.
    """
    pandas = require("pandas", "pandas")
    items = expand([reports_or_paths] if isinstance(reports_or_paths, Report) else reports_or_paths)
    rows = [row for outcome in parallel_map(_outcome, items, jobs=jobs) for row in tidy_rows(outcome)]
    frame = pandas.DataFrame.from_records(rows, columns=list(COLUMNS))
    frame["value"] = pandas.array([as_float(v) for v in frame["value"]], dtype="float64")
    typed: pd.DataFrame = frame.astype({"year": "Int64", "section": "Int64"})
    return typed


def _outcome(item: Report | str | Skipped) -> Outcome:
    return Outcome("", item) if isinstance(item, Report) else examine(item, check=False)
