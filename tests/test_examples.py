"""The quick-start example runs from anywhere and leaves no file behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
