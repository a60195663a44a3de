"""Scale out with Dask: every report of a corpus as tidy records, on any Dask scheduler.

gsgk's functions are picklable and keep no global state, so a Dask bag can
call them on a laptop (threads or processes) or on a cluster alike::

    python examples/dask_example.py CORPUS_DIR                # local processes
    python examples/dask_example.py CORPUS_DIR --scheduler threads

With ``dask.distributed``, create a ``Client`` first and leave the scheduler
unset.  Every file is read with :func:`gsgk.load`, so text, Markdown, HTML,
DOCX, PDF and JSON reports all count; the folder is walked as
:func:`gsgk.load_many` walks it, and a file that is not read or does not parse
becomes a record with its error.

The process scheduler (like :func:`gsgk.load_many` with ``jobs`` > 1, and any
``multiprocessing`` pool started with ``spawn``, the default on Windows and
macOS) imports this script again in every worker: a script that starts work
must do so only under ``if __name__ == "__main__":``, as :func:`main` does here,
or each worker would start the whole run again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import dask.bag as db

import gsgk
from gsgk.frames import COLUMNS
from gsgk.sources import Skipped, expand


def records(path: str | Skipped) -> list[dict[str, Any]]:
    """The tidy records of one report file, or one record with why it gave none."""
    if isinstance(path, Skipped):
        return [dict.fromkeys(COLUMNS) | {"file": path.path, "error": path.reason}]
    try:
        report = gsgk.load(path)
    except (gsgk.GsgkError, OSError) as exc:
        return [dict.fromkeys(COLUMNS) | {"file": path, "error": f"{type(exc).__name__}: {exc}"}]
    meta = {"file": path, "organ": report.organ, "year": report.year, "error": None}
    return [meta | record for record in gsgk.to_records(report)]


def corpus_frame(paths: list[str | Skipped], *, scheduler: str | None = None, partitions: int = 8) -> Any:
    """A pandas DataFrame of every cell of every report, computed by Dask."""
    bag = db.from_sequence(paths, npartitions=min(partitions, max(len(paths), 1))).map(records).flatten()
    return bag.to_dataframe(meta=_META).compute(scheduler=scheduler)


_META = {"file": str, "organ": str, "year": "Int64", "edition": "Int64", "section": "Int64", "row": str,
         "column": str, "row_key": str, "column_key": str, "value": object, "error": str}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of reports, a glob or a file")
    parser.add_argument("--scheduler", default="processes", help="synchronous, threads or processes")
    args = parser.parse_args(argv)
    frame = corpus_frame(list(expand(args.corpus)), scheduler=args.scheduler)
    print(frame.groupby("year")["file"].nunique())
    return 0


if __name__ == "__main__":  # workers of the process scheduler import this file: start work only here
    sys.exit(main())
