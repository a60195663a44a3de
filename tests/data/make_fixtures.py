"""Build the HTML and DOCX fixtures of the seed reports (run from the project root; the output is committed).

For every seed ``tests/data/seeds/<stem>.txt`` this writes, from the seed's
hand-checked ``<stem>.expected.tsv`` (the numbers) and its text (the prose):

* ``html/<stem>.official.html`` — a government page (navigation, scripts,
  footer, title in ``<meta>``/``<title>``/``<h1>`` outside the article) whose
  tables use the official merged-cell layout (表三's 三、本年度办理结果 spans
  22 rows, the 勾稽 note 3×3, …); the article container differs per seed;
* ``html/<stem>.word.html`` — the same report as Word exports it: GBK with a
  ``<meta charset=gb2312>``, ``mso-`` styles, a ``<span>`` per run, labels
  split over several ``<p>``, ``&nbsp;`` padding, ``<o:p>``, 表三 split into
  two ``<table>`` elements;
* ``docx/<stem>.docx`` — made with python-docx, cells merged as in the
  official layout.

Two variants of seed 000 test the blank-versus-zero rule:
``html/blank_legal_persons.html`` prints 表三's 法人或其他组织 columns as
empty cells, ``html/blank_totals.html`` leaves 总计 empty on the detail rows
of （三）–（六） (the 2019-style layout).  Nothing of gsgk's parser or
renderers is used here; the layout comes from the template data.
"""

from __future__ import annotations

import csv
import html
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from docx.shared import Pt

from gsgk.template import ACTIVE, APPEALS, NUMERALS, REQUESTS, Row

DATA = Path(__file__).parent
SEEDS = DATA / "seeds"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

Values = dict[tuple[int, str, str], str]
Spanned = tuple[int, str, int, int]
"""A grid cell: column, text, rowspan, colspan."""
Grid = tuple[int, list[list[Spanned]]]
"""A table: its number of columns and its rows of cells."""


# --- the seed: values and prose ----------------------------------------------
def values_of(stem: str) -> Values:
    with (SEEDS / f"{stem}.expected.tsv").open(encoding="utf-8") as fp:
        return {(int(r["section"]), r["row"], r["column"]): r["value"] for r in csv.DictReader(fp, delimiter="\t")}


def prose_of(stem: str) -> tuple[list[str], list[str], dict[int, str], dict[int, list[str]]]:
    """Title lines, preamble lines, the printed headings and the prose lines of sections 1, 5, 6."""
    lines = (SEEDS / f"{stem}.txt").read_text("utf-8").splitlines()
    starts: list[int] = []
    for numeral in NUMERALS:
        after = starts[-1] + 1 if starts else 0
        starts.append(next(i for i in range(after, len(lines))
                           if lines[i].startswith(f"{numeral}、") and "\t" not in lines[i] and "|" not in lines[i]))
    front = [s.strip() for s in lines[: starts[0]] if s.strip()]
    title_end = next(i for i, s in enumerate(front) if "报告" in s)
    headings = {n: lines[starts[n - 1]].strip() for n in range(1, 7)}
    bodies: dict[int, list[str]] = {}
    for n in (1, 5, 6):
        end = starts[n] if n < 6 else len(lines)
        bodies[n] = [s.strip() for s in lines[starts[n - 1] + 1: end] if s.strip()]
    return front[: title_end + 1], front[title_end + 1:], headings, bodies


def present(values: Values, section: int, row: Row, columns: list[str]) -> bool:
    return any(values[(section, row.label, c)] != "~0" for c in columns)


def shown(value: str) -> str:
    return "" if value in ("", "~0") else value


# --- the official layout as grids -----------------------------------------------
def active_grid(values: Values) -> Grid:
    rows: list[list[Spanned]] = []
    for block in ACTIVE.blocks:
        wide = 3 // len(block.columns)
        rows.append([(0, block.caption or "", 1, 4)])
        rows.append([(0, block.header_words[0], 1, 1)]
                    + [(1 + i * wide, c.label, 1, wide) for i, c in enumerate(block.columns)])
        for row in block.rows:
            rows.append([(0, row.leaf, 1, 1)] + [(1 + i * wide, shown(values[(2, row.label, c.label)]), 1, wide)
                                                 for i, c in enumerate(block.columns)])
    return 4, rows


def requests_grid(values: Values, blank: Callable[[Row, str], bool]) -> Grid:
    block = REQUESTS.blocks[0]
    names = [c.label for c in block.columns]
    note, applicants, legal = block.header_words
    rows: list[list[Spanned]] = [
        [(0, note, 3, 3), (3, applicants, 1, 7)],
        [(3, names[0], 2, 1), (4, legal, 1, 5), (9, names[-1], 2, 1)],
        [(4 + i, name, 1, 1) for i, name in enumerate(names[1:-1])],
    ]
    body = [r for r in block.rows if present(values, 3, r, names)]
    for i, row in enumerate(body):
        cells: list[Spanned] = []
        for depth, part in enumerate(row.parts):
            prefix = row.parts[: depth + 1]
            if i and body[i - 1].parts[: depth + 1] == prefix:
                continue
            last = depth == len(row.parts) - 1
            span = 1 if last else sum(1 for r in body[i:] if r.parts[: depth + 1] == prefix)
            cells.append((depth, part, span, 3 - depth if last else 1))
        cells += [(3 + j, "" if blank(row, c) else shown(values[(3, row.label, c)]), 1, 1)
                  for j, c in enumerate(names)]
        rows.append(cells)
    return 10, rows


def appeals_grid(values: Values) -> Grid:
    block = APPEALS.blocks[0]
    names = [c.label for c in block.columns]
    width = len(names)
    top: list[Spanned] = []
    middle: list[Spanned] = []
    bottom: list[Spanned] = []
    numbers: list[Spanned] = []
    column = 0
    for row in block.rows:
        if len(row.parts) == 1:
            top.append((column, row.leaf, 1, width))
            middle += [(column + j, n, 2, 1) for j, n in enumerate(names)]
        else:
            if not top or top[-1][1] != row.parts[0]:
                top.append((column, row.parts[0], 1, 0))
            top[-1] = (top[-1][0], top[-1][1], 1, top[-1][3] + width)
            middle.append((column, row.leaf, 1, width))
            bottom += [(column + j, n, 1, 1) for j, n in enumerate(names)]
        numbers += [(column + j, shown(values[(4, row.label, n)]), 1, 1) for j, n in enumerate(names)]
        column += width
    return column, [top, middle, bottom, numbers]


def grids(values: Values, blank: Callable[[Row, str], bool]) -> dict[int, Grid]:
    return {2: active_grid(values), 3: requests_grid(values, blank), 4: appeals_grid(values)}


def never(row: Row, column: str) -> bool:
    return False


# --- HTML ---------------------------------------------------------------------
def official_table(grid: Grid) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0">', "<tbody>"]
    for row in grid[1]:
        cells = []
        for _, text, rowspan, colspan in row:
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            cells.append(f"<td{attrs}>{html.escape(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


CONTAINERS = ('<div id="zoom">', '<div class="TRS_Editor">', '<div id="ivs_content">', "<article>",
              '<div class="main-body">')


def official_page(stem: str, container: str, blank: Callable[[Row, str], bool] = never) -> str:
    title_lines, preamble, headings, bodies = prose_of(stem)
    title = "".join(title_lines)
    tables = grids(values_of(stem), blank)
    body: list[str] = [f"<p>{html.escape(s)}</p>" for s in preamble]
    for n in range(1, 7):
        body.append(f'<p style="text-indent:2em"><strong>{html.escape(headings[n])}</strong></p>')
        body += [official_table(tables[n])] if n in tables else [f"<p>{html.escape(s)}</p>" for s in bodies[n]]
    close = "</article>" if container == "<article>" else "</div>"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta name="ArticleTitle" content="{html.escape(title)}">',
        f"<title>{html.escape(title)}_政府信息公开年报_示例市人民政府门户网站</title>",
        "<style>td { border: 1px solid #000; } .nav li { display: inline; }</style>",
        '<script>var _hmt = []; document.write("<table><tr><td>一、总体情况</td></tr></table>");</script>',
        "</head>",
        "<body>",
        '<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/zwgk/nb/">政府信息公开年报</a></li></ul></div>',
        '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政府信息公开年报</div>',
        '<div class="detail">',
        f'<h1 class="title">{html.escape(title)}</h1>',
        '<div class="info">发布时间：2024-01-31　来源：本网　<span style="display:none">浏览次数：</span></div>',
        container,
        *body,
        close,
        '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>',
        "</div>",
        '<div class="footer"><p>主办单位：示例市人民政府办公室　网站标识码：0000000000</p>'
        "<p>ICP备案号：示ICP备00000000号</p></div>",
        "<script>window.onload = function () {};</script>",
        "</body>",
        "</html>",
        "",
    ])


_RUN = "<span style='font-size:{size}pt;font-family:{font};mso-ascii-font-family:\"Times New Roman\"'>{text}</span>"


def word_runs(text: str) -> str:
    """The text in runs of three characters, each its own ``<span>`` as Word writes it."""
    runs = [text[i: i + 3] for i in range(0, len(text), 3)]
    return "".join(_RUN.format(size=10.5 if i % 2 else 11, font="宋体" if i % 2 else "仿宋_GB2312",
                               text=html.escape(run)) for i, run in enumerate(runs))


def word_paragraph(text: str, cls: str = "MsoNormal") -> str:
    return f"<p class={cls} style='text-indent:21.0pt;mso-char-indent-count:2.0'>{word_runs(text)}<o:p></o:p></p>"


def word_cell_text(text: str) -> str:
    if not text:
        return "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    if len(text) <= 6:
        return f"<p class=MsoNormal align=center style='text-align:center'>{word_runs(text)}<o:p></o:p></p>"
    half = len(text) // 2
    return (f"<p class=MsoNormal align=center style='text-align:center'>{word_runs(text[:half])}</p>\n"
            f"<p class=MsoNormal align=center style='text-align:center'>{word_runs(text[half:])}"
            "<span lang=EN-US>&nbsp;&nbsp;&nbsp; <o:p></o:p></span></p>")


def word_table(rows: list[list[Spanned]]) -> str:
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
           "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
           "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for i, row in enumerate(rows):
        out.append(f" <tr style='mso-yfti-irow:{i};height:15.0pt'>")
        for _, text, rowspan, colspan in row:
            attrs = (f" rowspan={rowspan}" if rowspan > 1 else "") + (f" colspan={colspan}" if colspan > 1 else "")
            out.append(f"  <td{attrs} valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid "
                       f"windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  {word_cell_text(text)}\n  </td>")
        out.append(" </tr>")
    out.append("</table>")
    return "\n".join(out)


def split_requests(grid: Grid) -> list[list[list[Spanned]]]:
    """表三 as two tables, cut before （四）; the cut rowspans are printed again in the second table."""
    rows = grid[1]
    cut = next(i for i, row in enumerate(rows) if any(text.startswith("（四）") for _, text, _, _ in row))
    first = [list(r) for r in rows[:cut]]
    second = [list(r) for r in rows[cut:]]
    for i, row in enumerate(first):
        for j, (column, text, rowspan, colspan) in enumerate(row):
            if i + rowspan > cut:
                row[j] = (column, text, cut - i, colspan)
                second[0].insert(0, (column, text, rowspan - (cut - i), colspan))
    return [first, second]


def word_page(stem: str) -> bytes:
    title_lines, preamble, headings, bodies = prose_of(stem)
    tables = grids(values_of(stem), never)
    body = [word_paragraph(s, "MsoTitle") for s in title_lines] + [word_paragraph(s) for s in preamble]
    for n in range(1, 7):
        body.append(f"<p class=MsoNormal><b><span style='font-family:黑体;mso-hansi-font-family:宋体'>"
                    f"{html.escape(headings[n])}</span></b><span lang=EN-US><o:p></o:p></span></p>")
        if n == 3:
            first, second = split_requests(tables[3])
            body += [word_table(first), "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>",
                     word_table(second)]
        elif n in tables:
            body.append(word_table(tables[n][1]))
        else:
            body += [word_paragraph(s) for s in bodies[n]]
    page = "\n".join([
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
        "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">",
        "<head>",
        "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">",
        "<meta name=ProgId content=Word.Document>",
        "<meta name=Generator content=\"Microsoft Word 15\">",
        f"<title>{html.escape(title_lines[0])}</title>",
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->",
        "<style>\n<!--\np.MsoNormal {mso-style-parent:\"\"; margin:0cm; font-size:10.5pt;}\n-->\n</style>",
        "</head>",
        "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>",
        "<div class=WordSection1 style='layout-grid:15.6pt'>",
        *body,
        "</div>",
        "</body>",
        "</html>",
        "",
    ])
    return page.encode("gb18030")


# --- DOCX ---------------------------------------------------------------------
def docx_table(document: docx.document.Document, grid: Grid) -> None:
    columns, rows = grid
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for column, text, rowspan, colspan in row:
            cell = table.cell(r, column)
            if rowspan > 1 or colspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, column + colspan - 1))
            cell.text = text


def docx_file(stem: str) -> bytes:
    title_lines, preamble, headings, bodies = prose_of(stem)
    tables = grids(values_of(stem), never)
    document = docx.Document()
    document.core_properties.title = ""
    for s in title_lines:
        document.add_paragraph().add_run(s).font.size = Pt(22)
    for s in preamble:
        document.add_paragraph(s)
    for n in range(1, 7):
        document.add_paragraph().add_run(headings[n]).bold = True
        if n in tables:
            docx_table(document, tables[n])
        else:
            for s in bodies[n]:
                document.add_paragraph(s)
    return deterministic_zip(document)


def deterministic_zip(document: docx.document.Document) -> bytes:
    """The saved document with fixed timestamps, so that rebuilding gives the same bytes."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), source.read(info.filename),
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def seed_stems() -> Iterator[str]:
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.name.split(".")[0]


def main() -> None:
    (DATA / "html").mkdir(exist_ok=True)
    (DATA / "docx").mkdir(exist_ok=True)
    stems = list(seed_stems())
    for stem, container in zip(stems, CONTAINERS):
        (DATA / "html" / f"{stem}.official.html").write_text(official_page(stem, container), "utf-8")
        (DATA / "html" / f"{stem}.word.html").write_bytes(word_page(stem))
        (DATA / "docx" / f"{stem}.docx").write_bytes(docx_file(stem))
    legal = [c.label for c in REQUESTS.blocks[0].columns[1:-1]]
    total = REQUESTS.blocks[0].columns[-1].label
    (DATA / "html" / "blank_legal_persons.html").write_text(
        official_page(stems[0], CONTAINERS[0], lambda row, column: column in legal), "utf-8")
    (DATA / "html" / "blank_totals.html").write_text(
        official_page(stems[0], CONTAINERS[0], lambda row, column: column == total and len(row.parts) == 3), "utf-8")


if __name__ == "__main__":
    main()
