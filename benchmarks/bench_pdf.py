"""PDF load time per page against the bare extractor passes it stands on, measured in one run.

Run from the project root: ``python benchmarks/bench_pdf.py [--repeat N]``.
For each PDF in ``tests/data/pdf`` it times, per page (medians over ``N``
runs, CPU time):

* ``tables`` — pdfplumber opening the file and ``extract_tables()`` on every
  page: the extractor pass gsgk needs (it finds the ruled tables and reads
  the characters that gsgk also uses for the text outside them);
* ``text`` — pypdfium2's plain text of every page (fast, but without cell
  boundaries: a blank cell becomes invisible);
* ``gsgk`` — ``gsgk.load``: the tables and lines, pages assembled, the
  report lexed, parsed and built;

and prints ``gsgk / tables``, the share gsgk adds to the pass it needs.
"""

from __future__ import annotations

import argparse
import io
import logging
import statistics
from pathlib import Path

import pdfplumber
import pypdfium2
from bench_core import cpu_median

import gsgk

PDFS = Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"


def tables(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def text(data: bytes) -> None:
    pdf = pypdfium2.PdfDocument(data)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    print(f"median CPU time per page over {repeat} runs (ms)")
    print(f"{'file':44} {'pages':>5} {'tables':>8} {'text':>8} {'gsgk':>8} {'gsgk/tables':>12}")
    ratios = []
    for path in sorted(PDFS.glob("*.pdf")):
        if path.name == "encrypted.pdf":
            continue
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        base = cpu_median(lambda data=data: tables(data), repeat) / pages * 1000
        fast = cpu_median(lambda data=data: text(data), repeat) / pages * 1000
        ours = cpu_median(lambda data=data: gsgk.load(io.BytesIO(data)), repeat) / pages * 1000
        ratios.append(ours / base)
        print(f"{path.name:44} {pages:>5} {base:>8.1f} {fast:>8.1f} {ours:>8.1f} {ours / base:>11.2f}×")
    print(f"median gsgk/tables: {statistics.median(ratios):.2f}×")


if __name__ == "__main__":
    main()
