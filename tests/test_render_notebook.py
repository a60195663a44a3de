"""Reports in Jupyter: ``_repr_html_`` shows the tables and a findings summary."""

from __future__ import annotations

import re
import sys

import pytest

import gsgk
from gsgk.findings import Finding

from conftest import SEEDS


def test_repr_html_has_the_three_tables() -> None:
    report = gsgk.load(SEEDS[0])
    shown = report._repr_html_()
    assert shown.startswith('<div class="gsgk-report gsgk-notebook">')
    assert shown.count("<table") == 6  # 表二's four parts, 表三, 表四
    assert report.title is not None and report.title in shown
    assert "一、总体情况" not in shown  # the tables, not the prose


FOUND = (Finding("a", "error", "甲"), Finding("b", "warning", "乙"), Finding("c", "warning", "丙"))


def summary_line(report: gsgk.Report) -> str:
    return next(line for line in report._repr_html_().splitlines() if 'class="findings"' in line)


def test_summary_counts_diagnostics_and_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    import gsgk.checks

    monkeypatch.setattr(gsgk.checks, "check", lambda report: [FOUND[1], Finding("d", "info", "丁")])
    report = gsgk.Report(diagnostics=FOUND)
    assert summary_line(report) == '<p class="findings">findings: 1 error, 2 warnings, 1 info</p>'


def test_summary_without_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gsgk.checks", None)
    assert summary_line(gsgk.Report(diagnostics=FOUND)) == '<p class="findings">findings: 1 error, 2 warnings</p>'
    assert 'class="findings"' not in gsgk.Report()._repr_html_()


def test_repr_markdown_is_the_report() -> None:
    report = gsgk.load(SEEDS[2])
    assert gsgk.dumps(report, format="markdown") in report._repr_markdown_()


def test_notebook_styles_are_scoped_and_take_priority() -> None:
    style = gsgk.load(SEEDS[0])._repr_html_().split("<style>")[1].split("</style>")[0]
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", style)
    assert len(rules) > 20
    for selectors, body in rules:
        assert all(s.strip().startswith(".gsgk-report.gsgk-notebook") for s in selectors.split(",")), selectors
        declarations = [d.strip() for d in body.split(";") if d.strip()]
        assert declarations and all(d.endswith("!important") for d in declarations), body


def test_findings_are_listed_under_the_tables_first_ten_then_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    import gsgk.checks

    many = [Finding(f"code-{i}", "warning", f"第{i}条", line=i) for i in range(1, 14)]
    monkeypatch.setattr(gsgk.checks, "check", lambda report: many)
    shown = gsgk.Report()._repr_html_()
    listed = shown.split('<ul class="findings">')[1].split("</ul>")[0].strip().splitlines()
    assert listed == [f"<li>{f}</li>" for f in many[:10]] + ["<li>… 3 more</li>"]
    assert shown.index("</table>") < shown.index('<ul class="findings">')


def test_cells_named_by_an_error_are_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    import gsgk.checks

    cell = gsgk.TEMPLATE.cells[5]
    error = Finding("sum-x", "error", "相差1", cells=(cell.key,))
    monkeypatch.setattr(gsgk.checks, "check", lambda report: [error])
    report = gsgk.Report(cells=gsgk.Cells.blank().replace({cell.key: 4321}))
    assert '<td class="error" title="[sum-x] 相差1">4321</td>' in report._repr_html_()
