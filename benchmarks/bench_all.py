"""Every speed goal of the project as a ratio, in one run (issue 15: "faster where users wait").

    python benchmarks/bench_all.py [--repeat N] [--files N] [--memory SMALL LARGE]

Each figure is a ratio of two things measured in this run, in **CPU time**
(``time.process_time``, and ``RUSAGE_CHILDREN`` for subprocesses) and as a
median, because the machine is shared: wall time follows the neighbours, CPU
time much less.  Batch efficiency is the exception (it is about wall time);
it is printed next to the CPU overhead of the workers, which is what limits
it on an idle machine.

1. text path: ``load`` over the bare Lark LALR pass (lexer and parser) of
   ``bench_core.py`` on the seeds (goal ≤ 1.5×), and over its lexer alone
   (the stricter figure), reports/second/core, seed 001 over seed 000 (goal
   ≤ 1.3×);
2. DOCX in over loading the text form of the same report (goal ≤ 3×), DOCX
   out over the text renderer (goal ≤ 10×);
3. start-up: ``import gsgk`` and ``gsgk --version`` above a bare interpreter
   (goal ≤ 80 ms);
4. batch: ``gsgk batch --jobs 2`` against ``--jobs 1`` on the generated corpus
   (goal ≥ 90% efficiency on an idle machine), peak memory of the large run
   over the small one (goal: flat).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_batch import batch
from bench_core import SEEDS, cpu_median, lex_all, parse_all
from corpus import DEFAULT_DIR, ensure

import gsgk
from gsgk.render import render

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def child_cpu(command: list[str], repeat: int) -> float:
    """Median CPU seconds (user + system) of running ``command`` as a subprocess."""
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times)


def row(name: str, value: str, goal: str) -> None:
    print(f"  {name:<44}{value:>12}   goal {goal}")


def text_path(repeat: int) -> None:
    print("1. text path (the five seeds; medians of CPU time)")
    texts = [path.read_text("utf-8") for path in SEEDS]
    loads = [cpu_median(lambda t=text: gsgk.loads(t), repeat) for text in texts]  # type: ignore[misc]
    passes = [cpu_median(lambda t=text: parse_all(t), repeat) for text in texts]  # type: ignore[misc]
    lexes = [cpu_median(lambda t=text: lex_all(t), repeat) for text in texts]  # type: ignore[misc]
    row("load / bare Lark LALR pass (median)", f"{statistics.median(a / b for a, b in zip(loads, passes)):.2f}×",
        "≤ 1.5×")
    row("load / bare Lark lexer alone (median)", f"{statistics.median(a / b for a, b in zip(loads, lexes)):.2f}×",
        "(stricter)")
    row("reports/second/core (median seed)", f"{1 / statistics.median(loads):.0f}", "≥ 500")
    row("seed 001 / seed 000", f"{loads[1] / loads[0]:.2f}×", "≤ 1.3×")


def docx(repeat: int) -> None:
    print("2. DOCX in and out (the five seeds; medians of CPU time)")
    ins, outs = [], []
    for seed in SEEDS:
        stem = seed.name.split(".")[0]
        text = cpu_median(lambda s=seed: gsgk.load(s), repeat)  # type: ignore[misc]
        ins.append(cpu_median(lambda p=DATA / "docx" / f"{stem}.docx": gsgk.load(p), repeat) / text)  # type: ignore[misc]
        report = gsgk.load(seed)
        plain = cpu_median(lambda r=report: render(r, "text"), repeat)  # type: ignore[misc]
        outs.append(cpu_median(lambda r=report: render(r, "docx"), repeat) / plain)  # type: ignore[misc]
    row("load .docx / load text form (median)", f"{statistics.median(ins):.2f}×", "≤ 3×")
    row("render docx / render text (median)", f"{statistics.median(outs):.1f}×", "≤ 10×")


def start_up(repeat: int) -> None:
    print(f"3. start-up (subprocesses, median CPU of {repeat})")
    bare = child_cpu([sys.executable, "-c", "pass"], repeat)
    imported = child_cpu([sys.executable, "-c", "import gsgk"], repeat)
    version = child_cpu([sys.executable, "-c", "import sys; from gsgk.cli import main; sys.argv[1:] = ['--version'];"
                         " sys.exit(main())"], repeat)
    row("import gsgk above a bare interpreter", f"{(imported - bare) * 1e3:.0f} ms", "≤ 80 ms")
    row("gsgk --version above a bare interpreter", f"{(version - bare) * 1e3:.0f} ms", "≤ 80 ms")


def batches(files: int, memory: tuple[int, int], directory: Path) -> None:
    print(f"4. batch ({files} generated reports; wall time, and CPU of the batch and its workers)")
    corpus = ensure(directory, max(files, *memory))
    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for jobs in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, _ = batch(corpus[:files], jobs, Path(tmp) / f"jobs{jobs}.csv")
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs[jobs] = wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        row("--jobs 2 efficiency (wall: t1 / 2·t2)", f"{runs[1][0] / (2 * runs[2][0]):.0%}", "≥ 90% idle")
        row("--jobs 2 CPU / --jobs 1 CPU", f"{runs[2][1] / runs[1][1]:.2f}×", "≈ 1.0×")
        small, large = (batch(corpus[:n], 2, Path(tmp) / f"memory{n}.csv")[1] for n in memory)
        row(f"peak memory {memory[1]} / {memory[0]} files", f"{large / small:.2f}× ({small}→{large} MiB)", "≈ 1.0×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=21, help="runs per median")
    parser.add_argument("--files", type=int, default=1000, help="files for the batch efficiency")
    parser.add_argument("--memory", type=int, nargs=2, default=(1000, 10_000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the generated corpus (made once)")
    args = parser.parse_args()
    text_path(args.repeat)
    docx(args.repeat)
    start_up(args.repeat)
    batches(args.files, tuple(args.memory), args.dir)


if __name__ == "__main__":
    main()
