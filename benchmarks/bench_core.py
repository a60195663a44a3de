"""Core speed: median ``load`` and ``dumps`` per report, against a bare Lark lexing pass.

The baseline is measured in the same run: a Lark LALR lexer that only splits
the same text into cells, separators and newlines (no recognition, no model).
The ratio ``load / baseline`` is the figure to watch (goal: ≤ 2×).

    python benchmarks/bench_core.py [--repeat N] [FILE ...]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from lark import Lark

import gsgk

SEEDS = sorted((Path(__file__).parents[1] / "tests" / "data" / "seeds").glob("*.txt"))
BASELINE = Lark(
    r"""
    start: (CELL | SEP | NL)*
    CELL: /[^\t|\n]+/
    SEP: /[\t|]/
    NL: /\n/
    """,
    parser="lalr",
)


def lex_all(text: str) -> list[object]:
    return list(BASELINE.lex(text))


def cpu_median(run: Callable[[], object], repeat: int) -> float:
    """Median CPU seconds of ``run`` (after one warm-up call): steadier than wall time on a shared machine."""
    run()
    return median_seconds(run, repeat, clock=time.process_time)


def median_seconds(run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append(clock() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=SEEDS)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    gsgk.loads(args.files[0].read_text("utf-8"))  # build the parser and warm the caches once
    print(f"{'report':<34}{'load ms':>9}{'dumps ms':>10}{'lex ms':>9}{'load/lex':>10}")
    ratios = []
    for path in args.files:
        text = path.read_text("utf-8")
        report = gsgk.loads(text)
        load = median_seconds(partial(gsgk.loads, text), args.repeat)
        dumps = median_seconds(partial(gsgk.dumps, report), args.repeat)
        lex = median_seconds(partial(lex_all, text), args.repeat)
        ratios.append(load / lex)
        print(f"{path.name:<34}{load * 1e3:9.2f}{dumps * 1e3:10.2f}{lex * 1e3:9.2f}{load / lex:9.1f}×")
    print(f"median load/lex ratio: {statistics.median(ratios):.1f}×")


if __name__ == "__main__":
    main()
