"""Core speed: median ``load`` and ``dumps`` per report, against a bare Lark pass.

The baselines are measured in the same run over the same text with a Lark LALR
grammar that only splits it into cells, separators and newlines (no
recognition, no model): its lexer alone (``lex``), and its lexer and LALR
parser (``pass``).  ``load / lex`` is the stricter figure, ``load / pass`` the
one issue 15 set its goal on (≤ 1.5×).

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


def parse_all(text: str) -> object:
    return BASELINE.parse(text)


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
    print(f"{'report':<34}{'load ms':>9}{'dumps ms':>10}{'lex ms':>9}{'pass ms':>9}{'load/lex':>10}{'load/pass':>11}")
    by_lex, by_pass = [], []
    for path in args.files:
        text = path.read_text("utf-8")
        report = gsgk.loads(text)
        load = median_seconds(partial(gsgk.loads, text), args.repeat)
        dumps = median_seconds(partial(gsgk.dumps, report), args.repeat)
        lex = median_seconds(partial(lex_all, text), args.repeat)
        pass_ = median_seconds(partial(parse_all, text), args.repeat)
        by_lex.append(load / lex)
        by_pass.append(load / pass_)
        print(f"{path.name:<34}{load * 1e3:9.2f}{dumps * 1e3:10.2f}{lex * 1e3:9.2f}{pass_ * 1e3:9.2f}"
              f"{load / lex:9.2f}×{load / pass_:10.2f}×")
    print(f"median load/lex ratio: {statistics.median(by_lex):.2f}×   "
          f"median load/pass ratio: {statistics.median(by_pass):.2f}×")


if __name__ == "__main__":
    main()
