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

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .batch import JOBS, Outcome, examine, parallel_map
from .extras import require
from .model import Report, Value
from .sources import Skipped, Source, expand
from .template import EDITIONS

if TYPE_CHECKING:
    import pandas as pd

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
    rows = [row for outcome in _outcomes(reports_or_paths, jobs) for row in tidy_rows(outcome)]
    frame = pandas.DataFrame.from_records(rows, columns=list(COLUMNS))
    frame["value"] = pandas.array([as_float(v) for v in frame["value"]], dtype="float64")
    typed: pd.DataFrame = frame.astype({"year": "Int64", "edition": "Int64", "section": "Int64"})
    return typed


def to_wide_frame(reports_or_paths: Report | Source | Iterable[Report | Source], *, jobs: int | None = JOBS,
                  ) -> pd.DataFrame:
    """A wide ``pandas.DataFrame``: one row per report or file, one float64 column per cell.

    It takes what :func:`to_frame` takes.  The columns are :data:`WIDE_COLUMNS`:
    ``file, organ, year, edition, error`` and a column per cell named by its
    keys (``received.total``), the same column for a cell both editions count,
    so a 2019–2025 series lines up.  A blank cell, and a cell the report's
    edition does not have, is NaN.
    """
    pandas = require("pandas", "pandas")
    rows: list[tuple[Any, ...]] = []
    for outcome in _outcomes(reports_or_paths, jobs):
        report = outcome.report
        if report is None:
            rows.append((outcome.path, None, None, None, str(outcome.failure), *(None,) * len(WIDE_KEYS)))
            continue
        values = {cell.keys: as_float(value) for cell, value in zip(report.template.cells, report.cells.data)}
        rows.append((outcome.path or None, report.organ, report.year, report.edition, None,
                     *(values.get(keys) for keys in WIDE_KEYS)))
    frame = pandas.DataFrame.from_records(rows, columns=list(WIDE_COLUMNS))
    cells = list(WIDE_COLUMNS[5:])
    frame[cells] = frame[cells].astype("float64")
    typed: pd.DataFrame = frame.astype({"year": "Int64", "edition": "Int64"})
    return typed


def _outcomes(reports_or_paths: Report | Source | Iterable[Report | Source], jobs: int | None) -> Iterator[Outcome]:
    items = expand([reports_or_paths] if isinstance(reports_or_paths, Report) else reports_or_paths)
    return parallel_map(_outcome, items, jobs=jobs)


def _outcome(item: Report | str | Skipped) -> Outcome:
    return Outcome("", item) if isinstance(item, Report) else examine(item, check=False)
