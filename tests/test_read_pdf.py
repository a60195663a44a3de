"""PDF files: every cell of real and generated reports, blanks kept, located findings, hostile files refused."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

import gsgk
from gsgk.blocks import Paragraph, Table
from gsgk.errors import GsgkError, InputError
from gsgk.layout import Origin
from gsgk.readers import detect
from gsgk.readers.pdf import MAX_PAGES, check_mapped, read_blocks
from gsgk.readers.pdfpages import Grid, GridCell, assemble
from gsgk.readers.text import unify

from conftest import DATA, agrees, expected_cells, expected_meta

PDFS = DATA / "pdf"
GENERATED = sorted(p for p in PDFS.glob("0*.pdf") if ".borderless." not in p.name)
REAL = PDFS / "淮安市人民政府_2024.pdf"


def values(report: gsgk.Report) -> dict[tuple[int, str, str], object]:
    return {(r["section"], r["row"], r["column"]): r["value"] for r in gsgk.to_records(report)}


def wrong(expected: dict[tuple[int, str, str], str], report: gsgk.Report) -> dict[object, object]:
    got = values(report)
    return {k: (v, got[k]) for k, v in expected.items() if not agrees(v, got[k])}


def test_a_real_wps_export_loads_to_its_checked_values() -> None:
    report = gsgk.load(REAL)
    assert wrong(expected_cells(REAL), report) == {}
    meta = expected_meta(REAL)
    assert (report.organ, report.year) == (meta["organ"], meta["year"])
    assert [f for f in report.diagnostics if f.severity != "info"] == []


@pytest.mark.parametrize("variant", ["rotated", "turned"])
def test_pages_turned_on_their_side_are_read_upright(variant: str) -> None:
    report = gsgk.load(PDFS / f"淮安市人民政府_2024.{variant}.pdf")
    assert wrong(expected_cells(REAL), report) == {}


def test_the_label_cut_by_the_page_break_is_one_label() -> None:
    report = gsgk.load(REAL)
    assert not [f for f in report.diagnostics if f.code == "text-in-table"]
    assert report[(3, "三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作", "总计")] == 11


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name.split("_")[0] + "." + p.name.split(".")[1])
def test_generated_pdfs_load_to_the_seed_values(path: Path) -> None:
    seed = DATA / "seeds" / (path.name.split(".")[0] + ".txt")
    assert wrong(expected_cells(seed), gsgk.load(path)) == {}


WORD_LIKE = sorted(p for p in GENERATED if p.name.split(".")[1] in ("libreoffice", "official", "repeated", "roundtrip"))


@pytest.mark.parametrize("path", WORD_LIKE, ids=lambda p: p.name.split("_")[0] + "." + p.name.split(".")[1])
def test_labels_and_rows_cut_by_page_breaks_are_rejoined(path: Path) -> None:
    """A Word-like export cuts rows, group labels and vertical labels at page breaks: none is left in pieces."""
    loose = {"text-in-table", "label-fuzzy", "header-fuzzy", "row-unknown", "row-no-values"}
    assert [str(f) for f in gsgk.load(path).diagnostics if f.code in loose] == []


@pytest.mark.parametrize("path", sorted(PDFS.glob("*.borderless.pdf")), ids=lambda p: p.name[:3])
def test_a_table_without_rulings_is_read_by_the_gaps_between_its_cells(path: Path) -> None:
    """Cells split at the gaps; label lines printed above and below a row's values joined to that row."""
    report = gsgk.load(path)
    assert wrong(expected_cells(DATA / "seeds" / (path.name.split(".")[0] + ".txt")), report) == {}


@pytest.mark.parametrize("path", sorted(PDFS.glob("0*.roundtrip.pdf")), ids=lambda p: p.name[:3])
def test_render_docx_then_pdf_reads_back_the_same_cells_and_metadata(path: Path) -> None:
    source = gsgk.load(DATA / "seeds" / (path.name.split(".")[0] + ".txt"))
    report = gsgk.load(path)
    assert report.cells == source.cells
    assert (report.title, report.organ, report.year) == (source.title, source.organ, source.year)


@pytest.mark.parametrize("path", sorted(PDFS.glob("continued_*.roundtrip.pdf")), ids=lambda p: p.name.split(".")[0])
def test_a_row_of_wrapped_numbers_cut_by_the_page_break_is_joined_by_its_sums(path: Path) -> None:
    """The digits of a row's second line, printed at the top of the next page, continue its numbers."""
    source = gsgk.structure(json.loads(path.with_name(path.name.split(".")[0] + ".json").read_text("utf-8")))
    report = gsgk.load(path)
    assert report.cells == source.cells
    continued = [d for d in report.diagnostics if d.code == "row-continued"]
    assert len(continued) == 1 and continued[0].page is not None
    assert continued[0].cells and all(report.cells.is_inferred(key) for key in continued[0].cells)
    assert [d for d in report.diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("variant", ["blank_legal_persons", "blank_totals"])
def test_blank_cells_in_a_printed_page_stay_blank(variant: str) -> None:
    printed = gsgk.load(PDFS / f"{variant}.chromium.pdf")
    page = gsgk.load(DATA / "html" / f"{variant}.html")
    assert printed.cells == page.cells
    assert any(v is None for v in values(printed).values())


def test_page_numbers_are_reported_with_their_page_and_never_read() -> None:
    report = gsgk.load(REAL)
    furniture = [f for f in report.diagnostics if f.code == "page-furniture"]
    assert [f.page for f in furniture] == [1, 2, 3, 4, 5, 6]
    assert all(f.position is not None and f.location.startswith(f"page {f.page} (") for f in furniture)
    assert not any("- 5 -" in p or "-5-" in p for p in report.problems)


def test_findings_in_a_pdf_name_the_page_and_quote_the_cell() -> None:
    report = gsgk.load(PDFS / "004_5f12d2b1ea74e05c.libreoffice.pdf")
    located = [f for f in report.diagnostics if f.severity != "info" and f.line is not None]
    assert located and all(f.page is not None and f.position is not None for f in located)
    assert all("「" in f.message for f in located)


def test_prose_is_rebuilt_as_paragraphs() -> None:
    report = gsgk.load(REAL)
    assert report.problems[0].startswith("对照上级新要求和公众新期待，还有一些需要加强和改进的地方。")
    assert report.other_matters == (
        "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。",)


def test_detected_by_magic_bytes_whatever_the_name(tmp_path: Path) -> None:
    data = REAL.read_bytes()
    assert detect(data) == "pdf"
    renamed = tmp_path / "report.txt"
    renamed.write_bytes(data)
    assert gsgk.load(renamed).cells == gsgk.load(io.BytesIO(data)).cells


def test_an_old_binary_word_file_names_its_format_and_the_conversion() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(InputError, match=r"\.doc.*soffice --headless --convert-to docx"):
        gsgk.load(io.BytesIO(ole))


def test_radical_code_points_read_as_ideographs() -> None:
    assert unify("⼀、总体情况 郟县⼈⺠政府 ⾸⻚") == "一、总体情况 郟县人民政府 首页"


# --- hostile files ----------------------------------------------------------------
def raw_pdf(pages: int = 1, content: bytes = b"", extra: bytes = b"") -> bytes:
    """A minimal hand-made PDF: ``pages`` empty pages, one content stream, an ``extra`` object."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R %s >>" % extra] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_text_printed_twice_for_bold_is_read_once() -> None:
    font = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    stroke = b"BT /F1 12 Tf %s Td (Report 2024) Tj ET"
    content = b"\n".join([stroke % b"72 700", stroke % b"72.4 700"])
    [paragraph] = read_blocks(raw_pdf(content=content, extra=font))
    assert isinstance(paragraph, Paragraph) and paragraph.text == "Report 2024"


def test_glyphs_that_map_to_no_character_say_to_run_ocr() -> None:
    unreadable = [Paragraph("(cid:1234)(cid:77)(cid:9)政府", Origin(1)), Paragraph("(cid:12)(cid:13)", Origin(2))]
    with pytest.raises(InputError, match=r"no character.*OCR"):
        check_mapped(unreadable)
    check_mapped([Paragraph("一、总体情况(cid:5)", Origin(1))])  # a stray unmapped glyph is read around


def test_a_pdf_without_text_says_to_run_ocr() -> None:
    with pytest.raises(InputError, match=r"no text layer.*OCR"):
        gsgk.load(io.BytesIO(raw_pdf(content=b"0 0 m 100 100 l S")))


def test_too_many_pages_are_refused_before_reading_them() -> None:
    with pytest.raises(InputError, match=f"limit {MAX_PAGES}"):
        gsgk.load(io.BytesIO(raw_pdf(pages=MAX_PAGES + 1)))


def test_deeply_nested_objects_are_a_gsgk_error() -> None:
    nested = b"/Deep " + b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(GsgkError):
        gsgk.load(io.BytesIO(raw_pdf(extra=nested)))


@pytest.mark.parametrize("cut", [200, 1000, 5000])
def test_a_truncated_or_corrupted_pdf_is_a_gsgk_error_or_a_report(cut: int) -> None:
    data = REAL.read_bytes()
    for broken in (data[:cut], data[:cut] + bytes(64) + data[cut + 64:]):
        with contextlib.suppress(GsgkError):
            gsgk.load(io.BytesIO(broken))


def test_a_broken_xref_table_is_a_gsgk_error_or_a_report() -> None:
    data = raw_pdf().replace(b"xref\n0 5", b"xref\n0 9")
    with pytest.raises(GsgkError):
        gsgk.load(io.BytesIO(data))


def test_an_encrypted_pdf_says_so() -> None:
    with pytest.raises(InputError, match=r"encrypted with a password.*decrypt"):
        gsgk.load(PDFS / "encrypted.pdf")


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(REAL.read_bytes() + bytes(50 * 2**20))
    with pytest.raises(InputError):
        gsgk.load(big)


# --- page assembly on hand-made grids -------------------------------------------
def grid(page: int, rows: list[list[str]]) -> Grid:
    cells = tuple(GridCell(page, text, r, c, 1, 1, 100.0 * c, 100.0 + 20 * r)
                  for r, row in enumerate(rows) for c, text in enumerate(row))
    return Grid(page, (0.0, 100.0, 300.0, 100.0 + 20 * len(rows)), cells, (0.0, 100.0, 200.0, 300.0))


def table_rows(blocks: list[object]) -> list[list[str]]:
    [table] = [b for b in blocks if isinstance(b, Table)]
    return [[c.text for c in row] for row in table.rows()]


def test_a_header_repeated_on_the_next_page_is_read_once() -> None:
    header = ["信息内容", "本年制发件数", "本年废止件数"]
    blocks = assemble([[grid(1, [header, ["规章", "1", "2"]])], [grid(2, [header, ["行政规范性文件", "3", "4"]])]])
    assert table_rows(blocks) == [header, ["规章", "1", "2"], ["行政规范性文件", "3", "4"]]


def test_a_group_label_cut_by_the_page_break_is_rejoined_and_a_new_label_is_not() -> None:
    first = grid(1, [["（三）不予公开", "8.属于行政查询事项", "1"], ["（四）无", "1.本机关不掌握相关政府信息", "2"]])
    cut = grid(2, [["法提供", "2.没有现成信息需要另行制作", "3"]])
    fresh = grid(2, [["（五）不予处理", "1.信访举报投诉类申请", "3"]])
    assert table_rows(assemble([[first], [cut]]))[1:] == [
        ["（四）无法提供", "1.本机关不掌握相关政府信息", "2"], ["2.没有现成信息需要另行制作", "3"]]
    assert table_rows(assemble([[first], [fresh]]))[2] == ["（五）不予处理", "1.信访举报投诉类申请", "3"]


@pytest.mark.parametrize("path", [p for p in WORD_LIKE if p.name.split(".")[1] in ("libreoffice", "official")],
                         ids=lambda p: p.name.split("_")[0] + "." + p.name.split(".")[1])
def test_prose_comes_back_paragraph_by_paragraph(path: Path) -> None:
    """Wrapped lines are joined (over page breaks, around unbreakable numbers) and paragraphs kept apart."""
    source = gsgk.load(DATA / "seeds" / (path.name.split(".")[0] + ".txt"))
    printed = gsgk.load(path)
    for section in (1, 5, 6):
        assert len(printed.prose(section)) == len(source.prose(section)), section
