"""The cost of reading flattened text: median ``load`` of each glued form against its report's normal form.

For every fixture in ``tests/data/flattened`` (``<stem>.collapsed.txt``: the
whole report on one line; ``<stem>.text_content.txt``: rows on lines, digits
glued; ``*.pdfminer.txt``: column-major PDF text; ``*.md``: PDF-to-Markdown
converters' output, read a second time by its rows) this prints the median load time and the ratio to loading the same
report's standard text form (``gsgk.dumps`` of what was read).  The ratio is
the solver's cost per glued report.

    python benchmarks/bench_flattened.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import gsgk

DATA = Path(__file__).parents[1] / "tests" / "data"
FLAT = sorted([*(DATA / "flattened").glob("*.txt"), *(DATA / "flattened").glob("*.md")])


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    gsgk.load(FLAT[0])  # build the parser and warm the caches once
    print(f"{'glued form':<62}{'load ms':>9}{'normal ms':>11}{'ratio':>8}")
    ratios = []
    for path in FLAT:
        try:
            gsgk.load(path)
        except gsgk.ParseError:
            print(f"{path.name[:60]:<62}{'refused (ParseError)':>28}")
            continue
        glued = median_seconds(partial(gsgk.load, path), args.repeat)
        normal = median_seconds(partial(gsgk.loads, gsgk.dumps(gsgk.load(path))), args.repeat)
        ratios.append(glued / normal)
        print(f"{path.name[:60]:<62}{glued * 1e3:9.2f}{normal * 1e3:11.2f}{glued / normal:7.1f}×")
    print(f"median glued/normal ratio: {statistics.median(ratios):.1f}×")


if __name__ == "__main__":
    main()
