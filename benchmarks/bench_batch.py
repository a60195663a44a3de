"""Batch speed and memory, in one run, on a corpus generated from the model.

Prints reports/second/core for ``load``, for ``load`` + ``check``, and for
``gsgk batch`` with one and with all cores; the ratio of ``load`` to a bare
Lark LALR lexing pass over the same texts (the baseline of ``bench_core.py``,
measured in the same run; goal ≤ 2×); and the peak memory (largest resident
set of the batch process or any of its workers) for 1,000 versus 10,000 files
(goal: the same).

    python benchmarks/bench_batch.py [--files 1000] [--memory 1000 10000] [--jobs N] [--profile]

The corpus (``benchmarks/corpus.py``) is generated once into ``--dir`` and reused.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bench_core import BASELINE
from corpus import DEFAULT_DIR, ensure

import gsgk
from gsgk.checks import check
from gsgk.readers.text import decode

RUSAGE = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); " \
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
"""A wrapper whose children are exactly one batch run: their peak RSS (KiB on Linux)."""


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def per_layout(paths: list[Path], measures: dict[str, Callable[[Path], object]],
               repeat: int = 2) -> dict[str, dict[str, float]]:
    """Seconds each measure spends per layout (the part of the file name after the number).

    The measures are interleaved file by file, so a busy neighbour on a shared
    machine slows them alike; each file counts with its best of ``repeat``."""
    spent: dict[str, dict[str, float]] = {name: defaultdict(float) for name in measures}
    for path in paths:
        layout = path.stem.split("-", 1)[1]
        for name, function in measures.items():
            spent[name][layout] += min(timed(lambda: function(path)) for _ in range(repeat))  # noqa: B023
    return spent


def batch(paths: list[Path], jobs: int, out: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of ``gsgk batch`` over ``paths`` (given on stdin)."""
    listing = out.with_suffix(".paths")
    listing.write_text("\n".join(map(str, paths)) + "\n", encoding="utf-8")
    command = [sys.executable, "-c", RUSAGE, sys.executable, "-c",
               "import sys; from gsgk.cli import main; sys.exit(main())",
               "batch", "-", "--out", str(out), "--jobs", str(jobs), "--quiet"]
    with listing.open(encoding="utf-8") as stdin:
        start = time.perf_counter()
        done = subprocess.run(command, stdin=stdin, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"gsgk batch failed:\n{done.stderr}")
    return seconds, int(done.stdout.split()[-1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000, help="files for the speed figures")
    parser.add_argument("--memory", type=int, nargs=2, default=(1000, 10_000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="'all cores' (default: every core)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--profile", action="store_true", help="profile load + check with pyinstrument")
    args = parser.parse_args()
    corpus = ensure(args.dir, max(args.files, *args.memory))
    paths = corpus[: args.files]
    texts = {path: decode(path.read_bytes()) for path in paths}
    for path in paths[:50]:  # build the parser and warm the caches before timing
        check(gsgk.load(path))
    print(f"{len(paths)} generated reports, {sum(map(len, texts.values())) // len(paths)} characters each on average")

    spent = per_layout(paths, {
        "load": gsgk.load,
        "check": lambda p: check(gsgk.load(p)),
        "lex": lambda p: list(BASELINE.lex(texts[p])),
    })
    load, checked, lex = spent["load"], spent["check"], spent["lex"]
    counts: dict[str, int] = defaultdict(int)
    for path in paths:
        counts[path.stem.split("-", 1)[1]] += 1
    print(f"\n{'layout':<10}{'files':>6}{'load ms':>9}{'lex ms':>8}{'load/lex':>10}")
    for layout in sorted(counts):
        n = counts[layout]
        print(f"{layout:<10}{n:>6}{load[layout] / n * 1e3:9.2f}{lex[layout] / n * 1e3:8.2f}"
              f"{load[layout] / lex[layout]:9.1f}×")
    total_load, total_lex = sum(load.values()), sum(lex.values())
    print(f"{'all':<10}{len(paths):>6}{total_load / len(paths) * 1e3:9.2f}{total_lex / len(paths) * 1e3:8.2f}"
          f"{total_load / total_lex:9.1f}×")

    print(f"\n{'reports/second/core':<34}")
    print(f"  load{len(paths) / total_load:>30.0f}")
    print(f"  load + check{len(paths) / sum(checked.values()):>22.0f}")
    with tempfile.TemporaryDirectory() as tmp:
        one, _ = batch(paths, 1, Path(tmp) / "one.csv")
        print(f"  batch --jobs 1{len(paths) / one:>20.0f}")
        seconds, _ = batch(paths, args.jobs, Path(tmp) / "all.csv")
        print(f"  batch --jobs {args.jobs}{len(paths) / seconds / args.jobs:>20.0f}"
              f"   ({len(paths) / seconds:.0f} reports/second in all)")
        print("\npeak memory (largest process of a batch run)")
        for n in args.memory:
            seconds, mib = batch(corpus[:n], args.jobs, Path(tmp) / f"memory-{n}.csv")
            print(f"  {n:>6} files: {mib:>4} MiB   ({seconds:.1f} s, --jobs {args.jobs})")

    if args.profile:
        from pyinstrument import Profiler

        with Profiler() as profiler:
            for path in paths:
                check(gsgk.load(path))
        profiler.print(show_all=False)


if __name__ == "__main__":
    main()
