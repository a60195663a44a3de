"""Load a bundled report, look at its numbers and diagnostics, and write the standard form.

Run from the repository root:  python examples/quickstart.py [REPORT]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import gsgk

HERE = Path(__file__).parent


def main(path: Path) -> None:
    report = gsgk.load(path)
    print(f"{report.organ} {report.year}年 — {path.name}")
    received = report[(3, "一、本年新收政府信息公开申请数量", "总计")]
    handled = report[(3, "三、本年度办理结果/（七）总计", "总计")]
    print(f"本年新收申请 {received} 件，办理 {handled} 件")
    for finding in report.diagnostics:
        print(f"  {finding}")
    with tempfile.TemporaryDirectory() as folder:  # nothing is written into the clone
        out = Path(folder) / path.with_suffix(".standard.txt").name
        out.write_text(gsgk.dumps(report), encoding="utf-8")
        print(f"standard form written to {out}; it loads back equal: {gsgk.load(out) == report}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports" / "quwo-2023.txt")
