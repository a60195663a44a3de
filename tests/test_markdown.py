"""Markdown made by PDF-to-Markdown converters and OCR pipelines, read to the seeds' known values.

The fixtures in ``data/flattened/*.md`` are made by ``data/flattened/make_markdown.py``:
real converters (pymupdf4llm, markitdown) run on the PDFs in ``data/pdf``, and
the per-group tables with placeholder headers (``项目 | 数据1 | …``) OCR
pipelines emit.  The expected values are the reports' hand-checked
``expected.tsv``, never a reading of the same fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gsgk
from gsgk import Report

from conftest import DATA, agrees, expected_cells

PLACEHOLDER = sorted((DATA / "flattened").glob("*.placeholder.md"))
OPEN = ("flattened-ambiguous", "flattened-unreadable")


def expected_for(path: Path) -> dict[tuple[int, str, str], str]:
    stem = path.name.split(".")[0]
    for folder in (DATA / "seeds", DATA / "pdf"):
        if (folder / f"{stem}.expected.tsv").exists():
            return expected_cells(folder / f"{stem}.txt")
    raise FileNotFoundError(stem)


def wrong_cells(report: Report, expected: dict[tuple[int, str, str], str]) -> list[tuple[object, ...]]:
    """Table cells whose value differs from the known one (a blank is not wrong)."""
    return [(key, value, report.cells[key]) for key, value in expected.items()
            if 1 < key[0] < 5 and report.cells[key] is not None and not agrees(value, report.cells[key])]


@pytest.mark.parametrize("path", PLACEHOLDER, ids=lambda p: p.name)
def test_placeholder_header_tables_read_their_known_values(path: Path) -> None:
    report, expected = gsgk.load(path), expected_for(path)
    assert len(PLACEHOLDER) >= 5
    for key, value in expected.items():
        if 1 < key[0] < 5:
            assert agrees(value, report.cells[key]), (key, value, report.cells[key])
    notes = [f for f in report.diagnostics if f.code == "header-placeholder"]
    assert notes and all(f.severity == "info" for f in notes)
    assert not [f for f in report.diagnostics if f.code in ("header-foreign", "block-other-edition")]


def test_a_placeholder_header_is_not_taken_for_a_column_of_the_2019_edition() -> None:
    # 「项目」 is a fragment of the 2019 edition's 「上一年项目数量」: it must not make 表二 a 2019 block
    path = PLACEHOLDER[0]
    report = gsgk.load(path)
    assert report.edition == 2021
    assert all(report.cells[c.key] is not None for c in gsgk.TEMPLATE.section_cells(2)
               if expected_for(path)[c.key] not in ("", "~0"))
