"""Golden files: one seed rendered in each format, compared with the committed rendering.

An intentional change to a renderer regenerates them in the same commit:
``python tests/test_render_golden.py``.  For DOCX the golden file is the
document part (``word/document.xml``): the rest of the package is python-docx's.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

import gsgk
from gsgk.render import render

GOLDEN = Path(__file__).parent / "golden"
SEED = Path(__file__).parent / "data" / "seeds" / "000_3d6f15d5316b24ac.txt"
FILES = {"text": "000.txt", "html": "000.html", "markdown": "000.md", "json": "000.json",
         "docx": "000.docx.document.xml"}


def rendering(fmt: str) -> str:
    data = render(gsgk.load(SEED), fmt)
    if isinstance(data, bytes):
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return data


@pytest.mark.parametrize("fmt", FILES)
def test_golden(fmt: str) -> None:
    expected = (GOLDEN / FILES[fmt]).read_text(encoding="utf-8")
    assert rendering(fmt) == expected, f"{fmt} rendering changed; if intended, run python {__file__}"


if __name__ == "__main__":  # regenerate after an intentional change
    for fmt, name in FILES.items():
        (GOLDEN / name).write_text(rendering(fmt), encoding="utf-8", newline="")
        print(f"wrote {GOLDEN / name}", file=sys.stderr)
