"""A benchmark corpus generated from the model: many reports, every layout.

Each report gets random values that satisfy the template's sums (a few get
one wrong value, so ``check`` has something to say), random prose, and is
written in one of the layouts real copies come in:

* ``canonical`` — ``gsgk.dumps(report)``: one tab-separated line per table row;
* ``rows`` — the same rows padded with trailing tabs to the table's width and
  blank lines between paragraphs, as copied from a word processor (seed 001);
* ``cells`` — every table cell on its own tab-indented line, a blank line
  after each row (seeds 000, 003);
* ``pipes`` — every table cell on its own line ending in `` |``, empty cells
  as extra pipes (seed 002);
* ``html`` — ``gsgk.dumps(report, format="html")``.

Run ``python benchmarks/corpus.py --files 10000 --dir DIR``; ``--verify N``
loads N of the files back and counts those that give the model's cells.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import gsgk
from gsgk import Cells, Report
from gsgk.metadata import canonical_title
from gsgk.template import SECTIONS, TEMPLATE, Identity

DEFAULT_DIR = Path(tempfile.gettempdir()) / "gsgk-bench-corpus"
WORDS = "政府信息公开工作主动依申请办理平台建设监督保障网站政务新媒体规范标准化解读回应关切群众企业服务数据管理制度"
PLACES = "东南西北中山水河湖海长平安宁城乡清远阳泉丰台"
ORGANS = ("人民政府", "人民政府办公室", "自然资源局", "财政局", "教育局", "交通运输局")
IDENTITY_ORDER = ("sum-results", "sum-balance", "sum-applicants", "sum-appeals")
TABLE_HEADINGS = {s.heading for s in SECTIONS if s.is_table}
HEADINGS = {s.heading for s in SECTIONS}


def random_report(rng: random.Random) -> Report:
    """A report with plausible values that satisfy every sum (one in twenty breaks one)."""
    values: dict[tuple[int, str, str], int | Decimal | None] = {}
    for cell in TEMPLATE.cells:
        if cell.kind == "decimal":
            values[cell.key] = Decimal(rng.randrange(0, 10**7)) / 10000 if rng.random() < 0.8 else None
        elif cell.section == 2:
            values[cell.key] = rng.choice((0, 0, rng.randrange(100), rng.randrange(10**5)))
        else:
            values[cell.key] = rng.choice((0, 0, 0, rng.randrange(20), rng.randrange(500)))
    by_code = {code: [i for i in TEMPLATE.identities if i.code == code] for code in IDENTITY_ORDER}
    for code in IDENTITY_ORDER:
        for identity in by_code[code]:
            _satisfy(identity, values)
    if rng.random() < 0.05:
        wrong = rng.choice([c for c in TEMPLATE.cells if c.section == 3])
        values[wrong.key] = int(values[wrong.key] or 0) + rng.randrange(1, 9)
    organ = rng.choice(PLACES) + rng.choice(PLACES) + rng.choice(("县", "市", "区")) + rng.choice(ORGANS)
    year = rng.randrange(2021, 2026)
    return Report(
        cells=Cells(tuple(values[cell.key] for cell in TEMPLATE.cells)),
        title=canonical_title(organ, year), organ=organ, year=year,
        preamble=_paragraphs(rng, 1, 2),
        overview=_paragraphs(rng, 3, 8), problems=_paragraphs(rng, 2, 5), other_matters=_paragraphs(rng, 1, 2),
    )


def _satisfy(identity: Identity, values: dict[tuple[int, str, str], int | Decimal | None]) -> None:
    """Set the identity's first left cell so that the sum holds (the others stay)."""
    total = sum(int(values[c.key] or 0) for c in identity.right)
    others = sum(int(values[c.key] or 0) for c in identity.left[1:])
    if others > total:
        for cell in identity.left[1:]:
            values[cell.key] = 0
        others = 0
    values[identity.left[0].key] = total - others


def _paragraphs(rng: random.Random, low: int, high: int) -> tuple[str, ...]:
    return tuple(
        rng.choice(WORDS) + "".join(rng.choices(WORDS + "，、", k=rng.randrange(30, 200))) + "。"
        for _ in range(rng.randrange(low, high + 1))
    )


def _transform_tables(text: str, row: Callable[[list[str]], Iterator[str]]) -> str:
    """Rewrite every line inside a table section with ``row`` (the cells of the line)."""
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if line in HEADINGS:
            in_table = line in TABLE_HEADINGS
            out.append(line)
        elif in_table and line:
            out.extend(row(line.split("\t")))
        else:
            out.append(line)
    return "\n".join(out)


def _cells_layout(cells: list[str]) -> Iterator[str]:
    yield from ("\t" + cell for cell in cells)
    yield ""


def _pipes_layout(cells: list[str]) -> Iterator[str]:
    lines: list[str] = []
    for cell in cells:
        if cell:
            lines.append(f"{cell} |")
        elif lines:
            lines[-1] += "|"
    yield from lines


def _rows_layout(text: str) -> str:
    width = max(line.count("\t") for line in text.split("\n"))
    lines = (line + "\t" * (width - line.count("\t")) if "\t" in line else line for line in text.split("\n"))
    return "\n\n".join(lines)


LAYOUTS: dict[str, tuple[str, Callable[[Report], str]]] = {
    "canonical": (".txt", gsgk.dumps),
    "rows": (".txt", lambda r: _rows_layout(gsgk.dumps(r))),
    "cells": (".txt", lambda r: _transform_tables(gsgk.dumps(r), _cells_layout)),
    "pipes": (".txt", lambda r: _transform_tables(gsgk.dumps(r), _pipes_layout)),
    "html": (".html", lambda r: gsgk.dumps(r, format="html")),
}
SHARES = {"canonical": 3, "rows": 2, "cells": 2, "pipes": 2, "html": 1}
"""How often each layout is chosen (HTML is the slow one to read, and the rarer one)."""


def generate(directory: Path, files: int, seed: int = 2021) -> list[Path]:
    """Write ``files`` reports into ``directory`` (100 per sub-folder); return their paths."""
    rng = random.Random(seed)
    names = [name for name, share in SHARES.items() for _ in range(share)]
    paths = []
    for i in range(files):
        layout = rng.choice(names)
        suffix, write = LAYOUTS[layout]
        path = directory / f"{i // 100:04d}" / f"{i:06d}-{layout}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write(random_report(rng)), encoding="utf-8")
        paths.append(path)
    return paths


def ensure(directory: Path, files: int) -> list[Path]:
    """The corpus of ``files`` reports in ``directory``, generated unless already there."""
    existing = sorted(directory.glob("*/*-*.*"))
    if len(existing) >= files:
        return existing[:files]
    return generate(directory, files)


def verify(paths: list[Path], n: int, seed: int = 2021) -> Counter[str]:
    """Regenerate the first ``n`` reports and count, per layout, those that load back to their cells."""
    rng = random.Random(seed)
    names = [name for name, share in SHARES.items() for _ in range(share)]
    tally: Counter[str] = Counter()
    for path in paths[:n]:
        layout = rng.choice(names)
        report = random_report(rng)
        same = gsgk.load(path).cells == report.cells
        tally[f"{layout} {'same' if same else 'DIFFERENT'}"] += 1
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--verify", type=int, default=0, metavar="N", help="load N files back and compare")
    args = parser.parse_args(argv)
    paths = ensure(args.dir, args.files)
    print(f"{len(paths)} reports in {args.dir}")
    if args.verify:
        for key, n in sorted(verify(paths, args.verify).items()):
            print(f"  {key}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
