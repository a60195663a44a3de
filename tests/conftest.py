"""Shared helpers: the bundled seed reports and their hand-checked expected values, and the
hypothesis profiles: ``dev`` (the default, a tenth of the examples, random, for the local loop) and
``ci`` (every example, derandomized and without the example database, so that a run reproduces;
``.ci/run`` sets ``HYPOTHESIS_PROFILE=ci``)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import settings

DATA = Path(__file__).parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.register_profile("dev", deadline=None, max_examples=10)
settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """A property's number of examples: ``ci`` under the ``ci`` profile, a tenth of it (at least 10) under ``dev``."""
    return ci if PROFILE == "ci" else max(10, ci // 10)


def expected_cells(path: Path) -> dict[tuple[int, str, str], str]:
    """The hand-checked values of a report (``X.expected.tsv`` next to ``X.txt``)."""
    tsv = path.with_name(path.name.split(".")[0] + ".expected.tsv")
    with tsv.open(encoding="utf-8") as fp:
        return {(int(r["section"]), r["row"], r["column"]): r["value"] for r in csv.DictReader(fp, delimiter="\t")}


def expected_meta(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_name(path.name.split(".")[0] + ".expected.json").read_text("utf-8"))
    return data


def agrees(expected: str, got: object) -> bool:
    """The scorer's rule: "" (blank) and "~0" (row absent) accept None or 0."""
    if expected in ("", "~0"):
        return got is None or got == 0
    return got is not None and Decimal(str(got)) == Decimal(expected)


# The installed ``gsgk`` command, run in a subprocess as a user runs it.
GSGK = str(Path(sys.executable).with_name("gsgk"))


def gsgk_run(*args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None,
             command: tuple[str, ...] = (GSGK,)) -> subprocess.CompletedProcess[str]:
    """Run the command; its output decoded, and never a traceback on standard error."""
    done = subprocess.run([*command, *map(str, args)], input=stdin, capture_output=True, timeout=120,
                          env=None if env is None else os.environ | env)
    result = subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                         done.stderr.decode("utf-8"))
    assert "Traceback" not in result.stderr, result.stderr
    return result
