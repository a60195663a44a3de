"""How a report shows itself in Jupyter: its tables and a one-line summary of findings.

``Report._repr_html_`` and ``Report._repr_markdown_`` delegate here.  The
findings are the report's parse diagnostics plus, when the checks are
installed (:func:`gsgk.checks.check`), what they find.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from importlib import import_module

from ..findings import Finding, Severity
from ..model import Report
from .html import STYLE, section_html
from .markdown import dumps_markdown

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def findings(report: Report) -> list[Finding]:
    """The report's diagnostics and, if :mod:`gsgk.checks` offers ``check``, its findings (each once)."""
    found = list(report.diagnostics)
    try:
        check = getattr(import_module("gsgk.checks"), "check", None)
    except ImportError:
        check = None
    if check is not None:
        found += check(report)
    return list(dict.fromkeys(found))


def summary(report: Report) -> str:
    """``findings: 1 error, 2 warnings, 3 info`` (empty when there are none)."""
    counts = Counter(f.severity for f in findings(report))
    parts = [f"{counts[s]} {s}{'s' if counts[s] > 1 and s != 'info' else ''}" for s in SEVERITIES if counts[s]]
    return f"findings: {', '.join(parts)}" if parts else ""


def _heading(report: Report) -> str:
    return report.title or " ".join(str(x) for x in (report.organ, report.year) if x) or "report"


def repr_html(report: Report) -> str:
    """The report's title, findings summary and tables as an HTML fragment."""
    parts = [f'<div class="gsgk-report">\n<style>{STYLE}</style>', f"<p><b>{escape(_heading(report))}</b></p>"]
    if line := summary(report):
        parts.append(f'<p class="findings">{escape(line)}</p>')
    parts += (section_html(report, s) for s in report.template.sections if s.is_table)
    parts.append("</div>")
    return "\n".join(parts)


def repr_markdown(report: Report) -> str:
    """The whole report as Markdown, after the findings summary."""
    line = summary(report)
    return (f"*{line}*\n\n" if line else "") + dumps_markdown(report)
