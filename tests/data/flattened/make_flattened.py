"""Make the flattened-text fixtures (run from the project root; the output is committed).

The forms are the ones crawlers produce, made with the tools they use:
``lxml.html.fromstring(page).text_content()`` of

* the HTML rendered from each seed (``gsgk.dumps(report, format="html")``) →
  ``<stem>.text_content.txt`` (rows on lines of their own, digits glued) and
  ``<stem>.collapsed.txt`` (every run of whitespace removed: the whole report
  on one line);
* the corpus HTML pages in ``tests/data/html`` (pingtan, 杭州式样例) → the
  same two forms;

and pdfminer.six's ``extract_text`` of the corpus PDF (淮安市人民政府_2024, from
``/work/shared/corpus/pdf`` or the folder given as the first argument) →
``<stem>.pdfminer.txt``: labels first, then the numbers column by column.

Needs lxml (``gsgk[html]``) and pdfminer.six (MIT; only to make fixtures).  The expected values are the reports' own
``expected.tsv`` files next to their sources; nothing here is checked by gsgk.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import lxml.html
from pdfminer.high_level import extract_text

import gsgk

ROOT = Path(__file__).parents[1]
OUT = Path(__file__).parent


def write(stem: str, page: bytes | str) -> None:
    text = lxml.html.fromstring(page).text_content()
    (OUT / f"{stem}.text_content.txt").write_text(text, "utf-8")
    (OUT / f"{stem}.collapsed.txt").write_text(re.sub(r"\s+", "", text), "utf-8")


def main() -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        write(seed.stem, gsgk.dumps(gsgk.load(seed), format="html"))
    for page in ("pingtan_2024", "测试市(杭州式样例)_2025_filingHtmlImport-fixture"):
        write(page, (ROOT / "html" / f"{page}.html").read_bytes())
    pdfs = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/pdf")
    for pdf in sorted(pdfs.glob("*.pdf")):
        (OUT / f"{pdf.stem}.pdfminer.txt").write_text(extract_text(pdf), "utf-8")
        for suffix in (".expected.tsv", ".expected.json"):
            shutil.copy(pdf.with_suffix(suffix), OUT / f"{pdf.stem}{suffix}")


if __name__ == "__main__":
    main()
