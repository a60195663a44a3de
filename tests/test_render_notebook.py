"""Reports in Jupyter: ``_repr_html_`` shows the tables and a findings summary."""

from __future__ import annotations

import sys

import pytest

import gsgk
from gsgk.findings import Finding

from conftest import SEEDS


def test_repr_html_has_the_three_tables() -> None:
    report = gsgk.load(SEEDS[0])
    shown = report._repr_html_()
    assert shown.startswith('<div class="gsgk-report">')
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
