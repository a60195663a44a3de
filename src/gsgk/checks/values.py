"""Rules on single values: no negative counts or money (a change, 本年增/减, may be negative); blank cells named."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Report
from ..values import format_value
from .cells import located


def check_values(report: Report) -> Iterator[Finding]:
    yield from negative(report)
    yield from blank(report)


def negative(report: Report) -> Iterator[Finding]:
    """``value-negative`` (error): a count or money below zero."""
    for cell in report.template.cells:
        value = report[cell]
        if value is not None and value < 0 and cell.kind != "signed-int":
            what = "金额" if cell.kind == "decimal" else "件数"
            yield located("value-negative", "error", f"{cell.describe()}为{format_value(value)}，{what}不能为负数",
                          report, (cell,))


def blank(report: Report) -> Iterator[Finding]:
    """``cell-blank`` (info): blank cells of a row that no parse diagnostic has named yet."""
    named = {key for finding in report.diagnostics for key in finding.cells}
    template = report.template
    for section, block in template.blocks():
        for row in block.rows:
            cells = [c for c in template.row_cells(section.number, row) if report[c] is None and c.key not in named]
            if cells:
                yield located("cell-blank", "info",
                              f"表{section.numeral}「{row.leaf}」有{len(cells)}栏空白（不同于0）：" +
                              "、".join(f"「{c.column.label}」" for c in cells), report, cells)
