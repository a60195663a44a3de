"""Many reports at once: load (and check) files in worker processes, streaming.

:func:`load_many` and :func:`examine_many` yield one result per path **in
input order**, as soon as it and every path before it are done.  At most a
small window of files (a few chunks per worker) is in flight, so memory stays
flat however many paths there are.  A file that cannot be read or parsed gives
a :class:`Failure`, never an exception; the worker functions are top-level,
picklable and free of global state, so other engines (Dask, Ray) can call
:func:`examine` directly.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import chain, islice
from typing import Literal, TypeVar

import attrs

from .api import load
from .checks import check as run_checks
from .findings import Finding
from .model import Report
from .sources import Skipped, Source, expand

Status = Literal["ok", "findings", "failed", "skipped"]
A = TypeVar("A")
T = TypeVar("T")

SKIPPED = "Skipped"
"""The ``error`` of a :class:`Failure` for a file that was not read (its suffix says it is no format gsgk reads)."""
JOBS: int | None = None
"""The default of every ``jobs`` argument: ``None``, one worker process per core (a run that fits
in one chunk stays in the calling process)."""
CHUNKSIZE = 8
"""Files a worker handles per task: large enough to amortise the hand-off, small enough to stop quickly."""


@attrs.frozen
class Failure:
    """Why a file gave no report: the exception's class name, its message and place."""

    error: str
    message: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def skipped(cls, reason: str) -> Failure:
        """A file not read at all (see :class:`gsgk.sources.Skipped`)."""
        return cls(SKIPPED, reason)

    @classmethod
    def from_exception(cls, exc: BaseException) -> Failure:
        text = str(exc).splitlines()
        return cls(type(exc).__name__, text[0] if text else repr(exc),
                   getattr(exc, "line", None), getattr(exc, "column", None))

    def __str__(self) -> str:
        return self.message if self.error == SKIPPED else f"{self.error}: {self.message}"


@attrs.frozen
class Outcome:
    """What became of one file: its report and findings, or its failure."""

    path: str
    report: Report | None = None
    findings: tuple[Finding, ...] = ()
    failure: Failure | None = None

    @property
    def status(self) -> Status:
        """``skipped`` or ``failed`` without a report, ``findings`` with a warning or error, else ``ok``."""
        if self.failure is not None:
            return "skipped" if self.failure.error == SKIPPED else "failed"
        return "findings" if any(f.severity != "info" for f in self.findings) else "ok"


def examine(path: Source | Skipped, check: bool = True) -> Outcome:
    """Load one file and (with ``check``) run :func:`gsgk.checks.check` on it; never raises
    for a bad file: any exception while reading it becomes the outcome's failure."""
    if isinstance(path, Skipped):
        return Outcome(path.path, failure=Failure.skipped(path.reason))
    name = os.fspath(path)
    try:
        report = load(name)
        findings = run_checks(report) if check else report.diagnostics
    except Exception as exc:  # a batch reports every failure as a row, whatever raised it
        return Outcome(name, failure=Failure.from_exception(exc))
    return Outcome(name, report, tuple(findings))


def examine_many(paths: Source | Iterable[Source | Skipped], *, jobs: int | None = JOBS,
                 check: bool = True) -> Iterator[Outcome]:
    """:func:`examine` every file ``paths`` name (see :func:`gsgk.sources.expand`) over ``jobs``
    processes (default: all cores), in input order."""
    return parallel_map(partial(examine, check=check), expand(paths), jobs=jobs)


def load_many(paths: Source | Iterable[Source], *, jobs: int | None = JOBS) -> Iterator[tuple[str, Report | Failure]]:
    """``(path, report)`` or ``(path, failure)`` for every file ``paths`` name, in input order, streaming.

    ``paths`` is a file, a folder (walked for every format gsgk reads), a glob, or an
    iterable of those, as ``str`` or ``os.PathLike``; a file that is not read is a
    :class:`Failure` with ``error == "Skipped"`` and the reason.
    """
    for outcome in examine_many(paths, jobs=jobs, check=False):
        result = outcome.report if outcome.report is not None else outcome.failure
        assert result is not None
        yield outcome.path, result


def parallel_map(function: Callable[[A], T], items: Iterable[A], *,
                 jobs: int | None = JOBS, chunksize: int = CHUNKSIZE) -> Iterator[T]:
    """``map(function, items)`` over worker processes, in order, with a bounded window.

    ``jobs=1``, or items that fit in one chunk, run in this process.  Workers
    ignore SIGINT, so Ctrl-C reaches only the caller, which can stop at a result
    boundary; closing the iterator cancels what has not started and waits for
    the chunks under way.
    """
    jobs = jobs or os.cpu_count() or 1
    items = iter(items)
    first = _take(items, chunksize)
    if jobs == 1 or len(first) < chunksize:
        yield from map(function, chain(first, items))
        return
    chunks = chain([first], iter(partial(_take, items, chunksize), []))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_sigint) as pool:
        window: deque[Future[list[T]]] = deque()
        try:
            for chunk in chunks:
                window.append(pool.submit(_map_chunk, function, chunk))
                if len(window) >= 4 * jobs:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for future in window:
                future.cancel()


def _take(items: Iterator[A], n: int) -> list[A]:
    return list(islice(items, n))


def _map_chunk(function: Callable[[A], T], chunk: list[A]) -> list[T]:
    return [function(item) for item in chunk]


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
