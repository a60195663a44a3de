"""``gsgk batch``: a folder (or glob, or list) of reports into one table.

The output format follows the extension of ``--out``: ``.jsonl`` (one report
per line, as :func:`gsgk.unstructure` makes it, plus ``file``, ``status``,
``error`` and ``findings``), ``.csv``, ``.xlsx`` or ``.parquet`` (tidy rows, see
:mod:`gsgk.frames`).  ``--findings`` writes one row per finding in any of them.
Results are written in input order as they finish; Ctrl-C stops at a file
boundary and leaves a complete, closed output of what finished.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import signal
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from types import FrameType
from typing import IO, Any, Protocol

import attrs

from .. import sources
from ..batch import Outcome, examine, parallel_map
from ..convert import converter, unstructure
from ..extras import require
from ..frames import COLUMNS, as_float, tidy_rows
from ..sources import Skipped
from .messages import Messages
from .outputs import make_folder_for

FINDING_COLUMNS = ("file", "code", "severity", "message", "line", "column", "cells")
ARROW_TYPES: Mapping[tuple[str, ...], Mapping[str, str]] = {
    COLUMNS: {"year": "int32", "edition": "int16", "section": "int8", "value": "float64"},
    FINDING_COLUMNS: {"line": "int32", "column": "int32"},
}
"""The Parquet types of the columns that are not strings, per table."""
XLSX_HEADERS: Mapping[tuple[str, ...], Mapping[str, str]] = {
    COLUMNS: {"file": "文件", "organ": "机关", "year": "年度", "edition": "模板版本", "section": "表", "row": "行",
              "column": "列", "row_key": "行键", "column_key": "列键", "value": "数值", "error": "错误"},
    FINDING_COLUMNS: {"file": "文件", "code": "代码", "severity": "级别", "message": "说明", "line": "行号",
                      "column": "列号", "cells": "单元格"},
}
"""The Chinese headers of the .xlsx tables (a column not named here keeps its English name)."""
FORMATS = (".jsonl", ".csv", ".xlsx", ".parquet")
Row = tuple[Any, ...] | dict[str, Any]
"""A table row: a tuple in the table's column order, or (JSON Lines only) a document."""
Rows = Sequence[Row] | str
"""Rows to write, or (CSV, JSON Lines) their text."""
ROW_GROUP = 50_000
"""Rows a Parquet row group holds (written, and so safe, as soon as it is full)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a report file, a folder (searched recursively), a glob, or - to read paths from stdin")
    parser.add_argument("--out", required=True, type=Path,
                        help="output file: .jsonl, .csv, .xlsx or .parquet (its folder is created if needed)")
    parser.add_argument("--findings", type=Path,
                        help="also write every finding to this .jsonl, .csv, .xlsx or .parquet")
    parser.add_argument("--no-bom", dest="bom", action="store_false",
                        help="CSV without the UTF-8 byte order mark (by default it has one, so Excel reads it)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    for target in filter(None, (args.out, args.findings)):
        if target.suffix not in FORMATS:
            _say(args.say, args.say("unknown-output", path=target, formats=", ".join(FORMATS)))
            return 2
    if args.jobs is not None and args.jobs < 1:
        _say(args.say, args.say("jobs"))
        return 2
    paths = list(expand(args.paths, sys.stdin))
    summary = Summary()
    stop = Interrupt()
    progress = _progress(len(paths), quiet=args.quiet)  # a missing tqdm stops the run before any output exists
    out = open_table(args.out, COLUMNS, bom=args.bom)
    try:
        findings = open_table(args.findings, FINDING_COLUMNS, bom=args.bom) if args.findings else None
    except BaseException:
        out.close()
        raise
    try:
        with stop:
            for outcome, rows in parallel_map(partial(examine_rows, suffix=args.out.suffix), paths, jobs=args.jobs):
                out.write(rows)
                if findings is not None:
                    findings.write(finding_rows(outcome))
                summary.add(outcome)
                progress.update(summary)
                if stop.requested:
                    break
    finally:
        progress.close()
        out.close()
        if findings is not None:
            findings.close()
    summary.print(len(paths), args.out, args.say, interrupted=stop.requested)
    if stop.requested:
        return 130
    return int(summary.failed > 0 or summary.read == 0)


def expand(arguments: Sequence[str], stdin: IO[str]) -> Iterator[str | Skipped]:
    """The files the PATH arguments name (see :func:`gsgk.sources.expand`), with ``-``
    read from ``stdin`` one path per line."""
    for argument in arguments:
        if argument == "-":
            yield from sources.expand(filter(None, (line.strip() for line in stdin)))
        else:
            yield from sources.expand(argument)


def examine_rows(path: str | Skipped, suffix: str) -> tuple[Outcome, Rows]:
    """:func:`gsgk.batch.examine` one file, and its output: what a worker hands back (the outcome
    without its report, which the rows hold; a third of the cost of sending the report to be pickled).

    The rows of a text format (``.csv``, ``.jsonl``) come as their text, formatted in the worker:
    the writing process, which every worker waits on, only appends it.
    """
    outcome = examine(path)
    rows = report_rows(outcome, suffix)
    text = {".csv": csv_text, ".jsonl": jsonl_text}.get(suffix)
    return attrs.evolve(outcome, report=None), text(rows) if text else rows


def report_rows(outcome: Outcome, suffix: str) -> Sequence[Row]:
    """One JSON document per file for ``.jsonl``, else the file's tidy rows."""
    if suffix != ".jsonl":
        return tidy_rows(outcome)
    document = {
        "file": outcome.path,
        "status": outcome.status,
        "error": attrs.asdict(outcome.failure) if outcome.failure else None,
        "findings": [converter.unstructure(f) for f in outcome.findings],
    }
    return [document | unstructure(outcome.report)] if outcome.report else [document]


def finding_rows(outcome: Outcome) -> list[Row]:
    """One row per finding, in :data:`FINDING_COLUMNS` order (``cells`` as JSON text)."""
    return [(outcome.path, f.code, f.severity, f.message, f.line, f.column,
             json.dumps([list(cell) for cell in f.cells], ensure_ascii=False)) for f in outcome.findings]


def csv_text(rows: Sequence[Row]) -> str:
    """``rows`` as CSV lines (a blank cell is empty)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def jsonl_text(rows: Sequence[Row], columns: tuple[str, ...] = ()) -> str:
    """``rows`` as JSON Lines: a document as it is, a tuple as an object keyed by ``columns``."""
    documents = (row if isinstance(row, dict) else dict(zip(columns, row)) for row in rows)
    return "".join(json.dumps(document, ensure_ascii=False) + "\n" for document in documents)


class Table(Protocol):
    def write(self, rows: Rows) -> None: ...
    def close(self) -> None: ...


def open_table(path: Path, columns: tuple[str, ...], *, bom: bool = True) -> Table:
    """A writer for ``path`` chosen by its extension (its folder created if missing);
    CSV starts with a byte order mark when ``bom``."""
    make_folder_for(path)
    if path.suffix == ".parquet":
        return ParquetTable(path, columns)
    if path.suffix == ".xlsx":
        return XlsxTable(path, columns)
    if path.suffix == ".jsonl":
        return JsonlTable(path.open("w", encoding="utf-8"), columns)
    return CsvTable(path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline=""), columns)


class JsonlTable:
    """One JSON object per line, flushed after every file."""

    def __init__(self, fp: IO[str], columns: tuple[str, ...]) -> None:
        self.fp = fp
        self.columns = columns

    def write(self, rows: Rows) -> None:
        self.fp.write(rows if isinstance(rows, str) else jsonl_text(rows, self.columns))
        self.fp.flush()

    def close(self) -> None:
        self.fp.close()


class CsvTable:
    """A CSV file with a header row, flushed after every file (a blank cell is empty)."""

    def __init__(self, fp: IO[str], columns: tuple[str, ...]) -> None:
        self.fp = fp
        fp.write(csv_text([columns]))

    def write(self, rows: Rows) -> None:
        self.fp.write(rows if isinstance(rows, str) else csv_text(rows))
        self.fp.flush()

    def close(self) -> None:
        self.fp.close()


class XlsxTable:
    """An Excel workbook with one sheet, Chinese headers and numbers as numbers; written on closing."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.path = path
        self.book = require("openpyxl", "xlsx").Workbook(write_only=True)
        self.sheet = self.book.create_sheet()
        self.sheet.freeze_panes = "A2"
        headers = XLSX_HEADERS.get(columns, {})
        self.sheet.append([headers.get(c, c) for c in columns])

    def write(self, rows: Rows) -> None:
        assert not isinstance(rows, str)
        for row in rows:
            assert isinstance(row, tuple)
            self.sheet.append(row)

    def close(self) -> None:
        self.book.save(self.path)


class ParquetTable:
    """A Parquet file written a row group at a time; closing writes the footer.  Integer columns
    carry pandas metadata, so ``pandas.read_parquet`` gives them nullable integer dtypes, not float."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.pa = pa = require("pyarrow", "parquet")
        types = ARROW_TYPES[columns]
        integers = [{"name": c, "field_name": c, "pandas_type": types[c], "numpy_type": types[c].capitalize(),
                     "metadata": None} for c in columns if types.get(c, "").startswith("int")]
        pandas = {"index_columns": [], "column_indexes": [], "columns": integers}
        self.schema = pa.schema([(c, getattr(pa, types.get(c, "string"))()) for c in columns],
                                metadata={"pandas": json.dumps(pandas)})
        self.writer = require("pyarrow.parquet", "parquet").ParquetWriter(path, self.schema)
        self.value = columns.index("value") if "value" in columns else None
        self.buffer: list[Row] = []

    def write(self, rows: Rows) -> None:
        assert not isinstance(rows, str)
        self.buffer.extend(rows)
        if len(self.buffer) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer:
            return
        columns = [list(column) for column in zip(*self.buffer)]
        if self.value is not None:
            columns[self.value] = [as_float(v) for v in columns[self.value]]
        self.writer.write_table(self.pa.Table.from_arrays(columns, schema=self.schema))
        self.buffer = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


@attrs.define
class Summary:
    """Counts of what finished, for the progress bar and the final report."""

    ok: int = 0
    with_findings: int = 0
    failed: int = 0
    skipped: int = 0
    codes: Counter[str] = attrs.field(factory=Counter)
    failures: list[Outcome] = attrs.field(factory=list)

    SHOWN = 10

    def add(self, outcome: Outcome) -> None:
        status = outcome.status
        self.ok += status == "ok"
        self.with_findings += status == "findings"
        self.failed += status == "failed"
        self.skipped += status == "skipped"
        self.codes.update(f.code for f in outcome.findings)
        if outcome.failure is not None and len(self.failures) < self.SHOWN:
            self.failures.append(outcome)

    @property
    def read(self) -> int:
        """Files that gave a report."""
        return self.ok + self.with_findings

    @property
    def done(self) -> int:
        return self.read + self.failed + self.skipped

    def print(self, total: int, out: Path, say: Messages, *, interrupted: bool) -> None:
        if interrupted:
            _say(say, say("interrupted", done=self.done, total=total, out=out))
        _say(say, say("batch-summary", done=self.done, ok=self.ok, findings=self.with_findings, failed=self.failed,
                      skipped=self.skipped, out=out))
        if self.codes:
            common = ", ".join(f"{code} ×{n}" for code, n in self.codes.most_common(5))
            print(say("frequent", codes=common), file=sys.stderr)
        for outcome in self.failures:
            print(say.about(f"{outcome.status}-line", str(outcome.failure), path=outcome.path), file=sys.stderr)
        if (more := self.failed + self.skipped - len(self.failures)) > 0:
            print(say("more-not-read", more=more, out=out), file=sys.stderr)
        if self.read == 0 and not interrupted:
            _say(say, say("nothing-read"))


class Interrupt:
    """Within ``with``, the first Ctrl-C only sets ``requested``; a second one aborts."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self) -> Interrupt:
        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._previous)


class Progress:
    """A tqdm bar on stderr (files done, rate, failures), or nothing."""

    def __init__(self, bar: Any = None) -> None:
        self.bar = bar

    def update(self, summary: Summary) -> None:
        if self.bar is not None:
            self.bar.update(1)
            if summary.failed or summary.with_findings:
                self.bar.set_postfix(findings=summary.with_findings, failed=summary.failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _say(say: Messages, message: str) -> None:
    print(say("line", command="batch", detail=message), file=sys.stderr)


def _progress(total: int, *, quiet: bool) -> Progress:
    if quiet or not sys.stderr.isatty():
        return Progress()
    tqdm = require("tqdm", "batch").tqdm
    return Progress(tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True))
