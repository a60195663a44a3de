"""Build the PDF fixtures (run from the project root; the output is committed, CI never runs this).

Needs LibreOffice (``soffice``), Chromium (``chromium``) and ``qpdf``, which
CI does not have.  For every seed it writes, into ``tests/data/pdf/``:

* ``<stem>.libreoffice.pdf`` — ``docx/<stem>.docx`` (the official merged
  layout) converted by LibreOffice: 表三 runs over a page break;
* ``<stem>.chromium.pdf`` — ``html/<stem>.official.html`` printed by headless
  Chromium, as a browser's "save as PDF" gives it: the site's navigation,
  footer and a script's stray heading included, labels wrapped in narrow
  cells, ideographs mapped to CJK radical code points by the font;
* ``<stem>.borderless.pdf`` — the same page with its table rulings removed
  (a table printed without borders, read by the gaps between its cells);
* ``<stem>.roundtrip.pdf`` — ``gsgk render --format docx`` of the seed,
  converted by LibreOffice: the round trip render → PDF → load;

and, from the blank-versus-zero variants, ``blank_legal_persons.chromium.pdf``
and ``blank_totals.chromium.pdf``; ``encrypted.pdf`` is the real report
locked with a user password by ``qpdf``; ``淮安市人民政府_2024.rotated.pdf``
has pages 4–5 (表三, 表四) turned by a ``/Rotate`` entry, and
``淮安市人民政府_2024.turned.pdf`` the same turn flattened into the page
content (text drawn on end on an unrotated page).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for seed in sorted((DATA / "seeds").glob("*.txt")):
        stem = seed.stem
        libreoffice(DATA / "docx" / f"{stem}.docx", OUT / f"{stem}.libreoffice.pdf")
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
