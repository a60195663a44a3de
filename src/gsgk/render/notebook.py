"""How a report shows itself in Jupyter: its tables, a summary of findings and the first of them.

``Report._repr_html_`` and ``Report._repr_markdown_`` delegate here.  The
findings are the report's parse diagnostics plus, when the checks are
installed (:func:`gsgk.checks.check`), what they find; the cells they name are
marked in the tables.  The styles are those of the HTML rendering, scoped to
``.gsgk-report.gsgk-notebook`` and marked ``!important``, so that a notebook's
own table styles (right-aligned, striped rows) do not override the form.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from importlib import import_module

from ..findings import SEVERITIES, Finding
from ..model import Report
from .html import STYLE, marks, section_html
from .markdown import dumps_markdown

SHOWN = 10
"""Findings listed under the tables; the rest are counted."""
SCOPE = ".gsgk-report.gsgk-notebook"
NOTEBOOK_STYLE = re.sub(r";(?=\s)", " !important;", STYLE.replace(".gsgk-report", SCOPE)) + (
    f"{SCOPE} tr, {SCOPE} tr:nth-child(odd), {SCOPE} tr:hover, {SCOPE} th, {SCOPE} td"
    " { background: transparent !important; }\n"
    f"{SCOPE} td.error {{ background: #fdd !important; }}\n{SCOPE} td.warning {{ background: #ffe8b0 !important; }}\n"
    f"{SCOPE} ul.findings {{ font-size: 10.5pt !important; text-indent: 0 !important; }}\n"
)
"""The page's styles with a notebook-proof scope and priority."""


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


def summary(report: Report, found: list[Finding] | None = None) -> str:
    """``findings: 1 error, 2 warnings, 3 info`` (empty when there are none)."""
    counts = Counter(f.severity for f in (findings(report) if found is None else found))
    parts = [f"{counts[s]} {s}{'s' if counts[s] > 1 and s != 'info' else ''}" for s in SEVERITIES if counts[s]]
    return f"findings: {', '.join(parts)}" if parts else ""


def _heading(report: Report) -> str:
    return report.title or " ".join(str(x) for x in (report.organ, report.year) if x) or "report"


def repr_html(report: Report) -> str:
    """The report's title, findings summary, tables (cells with findings marked) and the first
    :data:`SHOWN` findings as an HTML fragment."""
    found = findings(report)
    parts = [f'<div class="gsgk-report gsgk-notebook">\n<style>{NOTEBOOK_STYLE}</style>',
             f"<p><b>{escape(_heading(report))}</b></p>"]
    if line := summary(report, found):
        parts.append(f'<p class="findings">{escape(line)}</p>')
    marked = marks(found)
    parts += (section_html(report, s, marked) for s in report.template.sections if s.is_table)
    if found:
        items = [f"<li>{escape(str(f))}</li>" for f in found[:SHOWN]]
        if len(found) > SHOWN:
            items.append(f"<li>… {len(found) - SHOWN} more</li>")
        parts.append('<ul class="findings">\n' + "\n".join(items) + "\n</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def repr_markdown(report: Report) -> str:
    """The whole report as Markdown, after the findings summary."""
    line = summary(report)
    return (f"*{line}*\n\n" if line else "") + dumps_markdown(report)
