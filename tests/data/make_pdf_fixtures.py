"""Build the PDF fixtures (run from the project root; the output is committed, CI never runs this).

Needs LibreOffice (``soffice``), Chromium (``chromium``) and ``qpdf``, which
CI does not have.  For every seed it writes, into ``tests/data/pdf/``:

* ``<stem>.libreoffice.pdf`` — ``docx/<stem>.docx`` (the official merged
  layout) converted by LibreOffice: 表三 runs over a page break;
* ``<stem>.official.pdf`` — the official blank template
  (``official-blank-2021.docx``) filled with the seed's title, prose and
  hand-checked values by python-docx, converted by LibreOffice: the form's
  own fonts, widths and merged cells; for seed 001 also
  ``<stem>.repeated.pdf``, the same with 表三's three header rows marked to
  repeat on every page (Word's 重复标题行);
* ``<stem>.chromium.pdf`` — ``html/<stem>.official.html`` printed by headless
  Chromium, as a browser's "save as PDF" gives it: the site's navigation,
  footer and a script's stray heading included, labels wrapped in narrow
  cells, ideographs mapped to CJK radical code points by the font;
* ``<stem>.borderless.pdf`` — the same page with its table rulings removed
  (a table printed without borders, read by the gaps between its cells);
* ``<stem>.roundtrip.pdf`` — ``gsgk render --format docx`` of the seed,
  converted by LibreOffice: the round trip render → PDF → load;

``continued_<n>.roundtrip.pdf`` (with ``continued_<n>.json``, its model) are
reports the benchmark corpus generator makes (``benchmarks/corpus.py``,
``random.Random(2026)``, numbers 9 and 10), rendered as DOCX by
``gsgk.dump`` and converted by LibreOffice: a 表三 row of four-digit numbers,
each wrapped in its narrow cell, is cut by the page break, its second line of
digits at the top of the next page; ``../flattened/generated_<n>.pdfminer.txt``
(with ``generated_<n>.json``) is pdfminer's ``extract_text`` of numbers 5 and 18
drawn the same way, and ``generated_8.chromium.pdfminer.txt`` of number 8's
HTML form printed by Chromium: their tables come out in no order the template
allows;

and, from the blank-versus-zero variants, ``blank_legal_persons.chromium.pdf``
and ``blank_totals.chromium.pdf``; ``encrypted.pdf`` is the real report
locked with a user password by ``qpdf``; ``淮安市人民政府_2024.rotated.pdf``
has pages 4–5 (表三, 表四) turned by a ``/Rotate`` entry, and
``淮安市人民政府_2024.turned.pdf`` the same turn flattened into the page
content (text drawn on end on an unrotated page).
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from make_fixtures import prose_of

import gsgk

DATA = Path(__file__).parent
OUT = DATA / "pdf"


def libreoffice(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / (source.stem + ".pdf"), target)


def chromium(source: Path, target: Path) -> None:
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", source.resolve().as_uri()],
                   check=True, capture_output=True, timeout=180)


SECTION_2_CELLS = ((2, (1, 2, 3)), (3, (1, 2, 3)), (6, (1,)), (9, (1,)), (10, (1,)), (13, (1,)))
"""Where 表二's values go in the blank form's first table: (row, columns), in template order."""


def filled_official(stem: str, target: Path, *, repeat_header: bool = False) -> None:
    """The official blank form filled with a seed, as a .docx at ``target`` (see the module docstring)."""
    values = [value for _, value in sorted_values(stem)]
    form = docx.Document(str(DATA / "official-blank-2021.docx"))
    active, requests, appeals = form.tables
    places = [(active, r, c) for r, columns in SECTION_2_CELLS for c in columns]
    places += [(requests, r, c) for r in range(3, 28) for c in range(3, 10)]
    places += [(appeals, 3, c) for c in range(15)]
    assert len(places) == len(values)
    for (table, r, c), value in zip(places, values):
        table.cell(r, c).text = "" if value in ("", "~0") else value
    title, _, _, bodies = prose_of(stem)
    paragraphs = form.paragraphs
    paragraphs[1].text = "".join(title)
    for index, section in ((4, 1), (29, 5), (31, 6)):
        first, *rest = bodies[section] or [""]
        paragraphs[index].text = first
        anchor = paragraphs[index + 1]
        for text in rest:
            anchor.insert_paragraph_before(text)
    if repeat_header:
        for row in requests.rows[:3]:
            mark = OxmlElement("w:tblHeader")
            mark.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(mark)
    form.save(str(target))


def sorted_values(stem: str) -> list[tuple[tuple[int, str, str], str]]:
    """The seed's hand-checked values in the order of its TSV (the template's order)."""
    with (DATA / "seeds" / f"{stem}.expected.tsv").open(encoding="utf-8") as fp:
        return [((int(r["section"]), r["row"], r["column"]), r["value"])
                for r in csv.DictReader(fp, delimiter="\t")]


def generated() -> None:
    """Reports of the benchmark corpus generator drawn by LibreOffice (see the module docstring)."""
    sys.path.insert(0, str(DATA.parents[1] / "benchmarks"))
    from corpus import random_report
    from pdfminer.high_level import extract_text

    rng = random.Random(2026)
    reports = [random_report(rng) for _ in range(19)]
    for n, pdf in ((9, OUT), (10, OUT), (5, None), (18, None)):
        with tempfile.TemporaryDirectory() as tmp:
            rendered = Path(tmp) / f"generated_{n}.docx"
            with rendered.open("wb") as fp:
                gsgk.dump(reports[n], fp, format="docx")
            target = (pdf or Path(tmp)) / (f"continued_{n}.roundtrip.pdf" if pdf else f"generated_{n}.pdf")
            libreoffice(rendered, target)
            folder, stem = (OUT, f"continued_{n}") if pdf else (DATA / "flattened", f"generated_{n}")
            (folder / f"{stem}.json").write_text(json.dumps(gsgk.unstructure(reports[n]), ensure_ascii=False),
                                                 "utf-8")
            if pdf is None:
                (folder / f"{stem}.pdfminer.txt").write_text(extract_text(target), "utf-8")
    with tempfile.TemporaryDirectory() as tmp:  # number 8 printed by Chromium from its HTML form
        page, printed = Path(tmp) / "generated_8.html", Path(tmp) / "generated_8.pdf"
        page.write_text(gsgk.dumps(reports[8], format="html"), "utf-8")
        chromium(page, printed)
        (DATA / "flattened" / "generated_8.chromium.pdfminer.txt").write_text(extract_text(printed), "utf-8")
        (DATA / "flattened" / "generated_8.json").write_text(
            json.dumps(gsgk.unstructure(reports[8]), ensure_ascii=False), "utf-8")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for seed in sorted((DATA / "seeds").glob("*.txt")):
        stem = seed.stem
        libreoffice(DATA / "docx" / f"{stem}.docx", OUT / f"{stem}.libreoffice.pdf")
        with tempfile.TemporaryDirectory() as tmp:
            form = Path(tmp) / f"{stem}.docx"
            filled_official(stem, form)
            libreoffice(form, OUT / f"{stem}.official.pdf")
            if stem.startswith("001"):
                filled_official(stem, form, repeat_header=True)
                libreoffice(form, OUT / f"{stem}.repeated.pdf")
        chromium(DATA / "html" / f"{stem}.official.html", OUT / f"{stem}.chromium.pdf")
        with tempfile.TemporaryDirectory() as tmp:
            page = (DATA / "html" / f"{stem}.official.html").read_text("utf-8")
            bare = Path(tmp) / f"{stem}.html"
            bare.write_text(page.replace('border="1"', 'border="0"').replace(
                "td { border: 1px solid #000; }", "td { border: none; padding: 2px 6px; }"), "utf-8")
            chromium(bare, OUT / f"{stem}.borderless.pdf")
        with tempfile.TemporaryDirectory() as tmp:
            rendered = Path(tmp) / f"{stem}.docx"
            subprocess.run([sys.executable, "-m", "gsgk.cli", "render", str(seed), "--format", "docx",
                            "-o", str(rendered)], check=True, timeout=120)
            libreoffice(rendered, OUT / f"{stem}.roundtrip.pdf")
    generated()
    for variant in ("blank_legal_persons", "blank_totals"):
        chromium(DATA / "html" / f"{variant}.html", OUT / f"{variant}.chromium.pdf")
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", str(OUT / "淮安市人民政府_2024.pdf"),
                    str(OUT / "encrypted.pdf")], check=True)
    rotated = OUT / "淮安市人民政府_2024.rotated.pdf"
    subprocess.run(["qpdf", "--rotate=+90:4-5", str(OUT / "淮安市人民政府_2024.pdf"), str(rotated)], check=True)
    subprocess.run(["qpdf", "--flatten-rotation", str(rotated), str(OUT / "淮安市人民政府_2024.turned.pdf")],
                   check=True)


if __name__ == "__main__":
    main()
