"""The quick-start example runs from anywhere and leaves no file behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import gsgk

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_quickstart_writes_only_into_a_temporary_folder(tmp_path: Path) -> None:
    before = sorted(EXAMPLES.rglob("*"))
    done = subprocess.run([sys.executable, str(EXAMPLES / "quickstart.py")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "曲沃县人民政府 2023年 — quwo-2023.txt"
    assert done.stdout.rstrip().endswith("it loads back equal: True")
    assert list(tmp_path.iterdir()) == []
    assert sorted(EXAMPLES.rglob("*")) == before


def test_the_readme_from_records_example_holds() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "same.cells == report.cells                # True" in readme
    report = gsgk.load(EXAMPLES / "reports" / "quwo-2023.txt")
    same = gsgk.from_records(gsgk.to_records(report), organ=report.organ, year=report.year, title=report.title)
    assert same.cells == report.cells
    assert (same.organ, same.year, same.title) == (report.organ, report.year, report.title)
