"""Scale out with Dask: every report of a corpus as tidy records, on any Dask scheduler.

gsgk's functions are picklable and keep no global state, so a Dask bag can
call them on a laptop (threads or processes) or on a cluster alike::

    python examples/dask_example.py CORPUS_DIR                # local processes
    python examples/dask_example.py CORPUS_DIR --scheduler threads

With ``dask.distributed``, create a ``Client`` first and leave the scheduler
unset.  Files are read as text by Dask and parsed with :func:`gsgk.loads`; a
file that does not parse becomes a record with its error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import dask.bag as db

import gsgk
from gsgk.frames import COLUMNS


def records(path: str) -> list[dict[str, Any]]:
    """The tidy records of one report file, or one record with its error."""
    try:
        report = gsgk.loads(Path(path).read_text(encoding="utf-8"))
    except (gsgk.GsgkError, OSError, UnicodeDecodeError) as exc:
        return [dict.fromkeys(COLUMNS) | {"file": path, "error": f"{type(exc).__name__}: {exc}"}]
    meta = {"file": path, "organ": report.organ, "year": report.year, "error": None}
    return [meta | record for record in gsgk.to_records(report)]


def corpus_frame(paths: list[str], *, scheduler: str | None = None, partitions: int = 8) -> Any:
    """A pandas DataFrame of every cell of every report, computed by Dask."""
    bag = db.from_sequence(paths, npartitions=min(partitions, max(len(paths), 1))).map(records).flatten()
    return bag.to_dataframe(meta=_META).compute(scheduler=scheduler)


_META = {"file": str, "organ": str, "year": "Int64", "edition": "Int64", "section": "Int64", "row": str,
         "column": str, "row_key": str, "column_key": str, "value": object, "error": str}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--scheduler", default="processes", help="synchronous, threads or processes")
    args = parser.parse_args(argv)
    paths = sorted(str(p) for p in args.corpus.rglob("*.txt"))
    frame = corpus_frame(paths, scheduler=args.scheduler)
    print(frame.groupby("year")["file"].nunique())
    return 0


if __name__ == "__main__":
    sys.exit(main())
