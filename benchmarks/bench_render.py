"""Median time to render one report, per format, on the seed reports (ratio to the text renderer).

Run: ``python benchmarks/bench_render.py [--repeat N]``.  Every format is
measured in the same run, so the ratios compare like with like.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import gsgk
from gsgk.render import FORMATS, render

SEEDS = sorted((Path(__file__).parent.parent / "tests" / "data" / "seeds").glob("*.txt"))


def median_seconds(report: gsgk.Report, fmt: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        render(report, fmt)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    reports = [gsgk.load(path) for path in SEEDS]
    for report in reports:  # warm up: lazy imports, template caches
        for fmt in FORMATS:
            render(report, fmt)
    medians = {fmt: statistics.median(median_seconds(r, fmt, args.repeat) for r in reports) for fmt in FORMATS}
    print(f"{len(reports)} seed reports, median of {args.repeat} runs each")
    print(f"{'format':<10}{'ms/report':>11}{'× text':>9}")
    for fmt, seconds in medians.items():
        print(f"{fmt:<10}{seconds * 1000:>11.2f}{seconds / medians['text']:>9.1f}")


if __name__ == "__main__":
    main()
