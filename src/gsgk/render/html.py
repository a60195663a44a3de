"""The standard form as HTML: a printable A4 page, or a fragment to embed.

The page follows the official template: the six headings as ``<h2>``, prose
as one ``<p>`` per paragraph, and the tables of :mod:`gsgk.render.grid` with
their merged cells as ``rowspan``/``colspan``.  A value cell is one ``<td>``
(empty for a blank cell, ``0`` for zero), so an HTML reader gets the report
back.  All text is escaped; the styles are scoped to ``.gsgk-report``.  Given
``findings``, the value cells they name are marked (a class for their severity
and the message as a tooltip); the marks do not change what a reader gets back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from html import escape

from ..findings import CellKey, Finding
from ..model import Report
from ..template import Section
from ..values import format_date
from .grid import GridCell, Table, tables

SERIF = ('"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", '
         '"SimSun", "宋体", "Noto Serif CJK SC", serif')
SANS = '"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", sans-serif'
TITLE_FONT = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "STSong", "Noto Serif CJK SC", serif'

STYLE = f"""
.gsgk-report {{ font-family: {SERIF}; font-size: 16pt; line-height: 1.6; color: #000;
  max-width: 156mm; margin: 0 auto; }}
.gsgk-report h1 {{ font-family: {TITLE_FONT}; font-size: 22pt; font-weight: normal;
  text-align: center; margin: 0 0 1em; }}
.gsgk-report h2 {{ font-family: {SANS}; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.3em;
  text-indent: 2em; break-after: avoid; }}
.gsgk-report p {{ text-indent: 2em; margin: 0; text-align: justify; }}
.gsgk-report p.signature, .gsgk-report p.date {{ text-align: right; text-indent: 0; }}
.gsgk-report p.signature {{ margin-top: 2em; }}
.gsgk-report table {{ border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.35;
  margin: 0.3em 0; table-layout: fixed; }}
.gsgk-report table.split {{ margin: 0; }}
.gsgk-report table.split + table.split {{ margin-top: -1px; }}
.gsgk-report th, .gsgk-report td {{ border: 1px solid #000; padding: 2px 4px; text-align: center;
  vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }}
.gsgk-report thead th {{ font-family: {SANS}; }}
.gsgk-report th.caption {{ font-family: {SANS}; }}
.gsgk-report th.label {{ text-align: left; }}
.gsgk-report th.group {{ text-align: center; }}
.gsgk-report td {{ font-variant-numeric: tabular-nums; }}
.gsgk-report col.label {{ width: 30%; }}
.gsgk-report col.group {{ width: 2.6em; }}
.gsgk-report col.subgroup {{ width: 4.6em; }}
.gsgk-report tr {{ break-inside: avoid; }}
.gsgk-report td.error {{ background: #fdd; outline: 2px solid #c00; }}
.gsgk-report td.warning {{ background: #ffe8b0; }}
"""

PAGE_STYLE = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { margin: 0; padding: 1em; background: #fff; }
@media print { body { padding: 0; } .gsgk-report { max-width: none; } }
"""


Marks = Mapping[CellKey, Finding]
"""The most severe finding about each cell to mark."""


def dumps_html(report: Report, *, fragment: bool = False, findings: Iterable[Finding] = ()) -> str:
    """``report`` as a standalone printable page, or as a ``<div>`` to embed (``fragment=True``);
    the cells named by error and warning ``findings`` are marked."""
    body = "\n".join(_report(report, marks(findings)))
    if fragment:
        return f'<div class="gsgk-report">\n<style>{STYLE}</style>\n{body}\n</div>\n'
    title = f"<title>{escape(report.title)}</title>\n" if report.title else ""  # none: a reader would take it
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="generator" content="gsgk">\n{title}'
        f"<style>{PAGE_STYLE}{STYLE}</style>\n</head>\n<body>\n"
        f'<article class="gsgk-report">\n{body}\n</article>\n</body>\n</html>\n'
    )


def marks(findings: Iterable[Finding]) -> Marks:
    """Each cell named by an error or warning finding, with the first most severe one."""
    chosen: dict[CellKey, Finding] = {}
    for finding in sorted((f for f in findings if f.severity != "info"), key=lambda f: f.severity != "error"):
        for key in finding.cells:
            chosen.setdefault(key, finding)
    return chosen


def _report(report: Report, marks: Marks) -> Iterator[str]:
    if report.title:
        yield f'<h1 class="title">{escape(report.title)}</h1>'
    yield from _paragraphs(report.preamble)
    for section in report.template.sections:
        yield section_html(report, section, marks)
    if report.signature:
        yield f'<p class="signature">{escape(report.signature)}</p>'
    if report.published:
        yield f'<p class="date">{format_date(report.published)}</p>'


def section_html(report: Report, section: Section, marks: Marks | None = None) -> str:
    """One section: its official heading, then its prose or its tables (``marks`` on their cells) and notes."""
    parts = [f"<section>\n<h2>{escape(section.heading)}</h2>"]
    if section.is_table:
        drawn = tables(report, section)
        parts += (table_html(t, split=len(drawn) > 1, marks=marks or {}) for t in drawn)
        parts += _paragraphs(n.text for n in report.notes if n.section == section.number)
    else:
        parts += _paragraphs(report.prose(section.number))
    parts.append("</section>")
    return "\n".join(parts)


def _paragraphs(texts: Iterator[str] | tuple[str, ...]) -> Iterator[str]:
    return (f"<p>{escape(text)}</p>" for text in texts)


def table_html(table: Table, *, split: bool = False, marks: Marks | None = None) -> str:
    """One table; ``split`` marks the parts of 表二 so that they join up as one."""
    marks = marks or {}
    lines = [f'<table class="{"split" if split else "whole"}">', _columns(table), "<thead>"]
    if table.caption:
        lines.append(f'<tr><th class="caption" colspan="{table.width}">{escape(table.caption)}</th></tr>')
    lines += (_row(row, marks) for row in table.head)
    lines.append("</thead>\n<tbody>")
    lines += (_row(row, marks) for row in table.body)
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def _columns(table: Table) -> str:
    """Column widths: narrow columns for group labels, a wide one for the leaf labels."""
    kinds = (*("group", "subgroup")[: table.labels - 1], "label") if table.labels else ()
    cols = [f'<col class="{kind}">' for kind in kinds] + ["<col>"] * (table.width - table.labels)
    return f"<colgroup>{''.join(cols)}</colgroup>"


def _row(row: tuple[GridCell, ...], marks: Marks) -> str:
    return "<tr>" + "".join(_cell(cell, marks) for cell in row) + "</tr>"


def _cell(cell: GridCell, marks: Marks) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
    text = escape(cell.text)
    if cell.role == "value":
        finding = marks.get(cell.cell.key) if cell.cell else None
        if finding is not None:
            spans += f' class="{finding.severity}" title="{escape(f"[{finding.code}] {finding.message}")}"'
        return f"<td{spans}>{text}</td>"
    if cell.role == "label":
        kind = "label" if cell.colspan > 1 or cell.rowspan == 1 else "group"
        return f'<th scope="row" class="{kind}"{spans}>{text}</th>'
    return f'<th scope="col"{spans}>{text}</th>'
