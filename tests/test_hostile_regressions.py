"""Regression tests for issue 14: each reproducer ends in a gsgk error or a correct result, in bounded memory."""

from __future__ import annotations

import io
import json
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from decimal import Decimal

import pytest

import gsgk
from gsgk.checks import check
from gsgk.errors import GsgkError, InputError, StructureError
from gsgk.layout import MAX_CELLS, MAX_LINES
from gsgk.model import Cells, Report
from gsgk.readers import zipguard
from gsgk.readers.markup import MAX_ELEMENTS
from gsgk.template import TEMPLATE
from gsgk.values import total

from conftest import DATA

DOCX = DATA / "docx" / "000_3d6f15d5316b24ac.docx"
SEED = DATA / "seeds" / "003_59d91e6a9fd921ee.txt"
MB = 2**20


def members(source: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def raw_zip(parts: dict[str, bytes], *, padding: dict[str, int] | None = None, method: int = 8,
            flags: int = 0) -> bytes:
    """A ZIP written by hand whose headers declare each member's real content, but whose deflated data
    goes on with ``padding[name]`` spaces the headers do not count (a lying header)."""
    out, central = io.BytesIO(), []
    for name, data in parts.items():
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        compressed = deflate.compress(data)
        for _ in range((padding or {}).get(name, 0) // MB):
            compressed += deflate.compress(b" " * MB)
        compressed += deflate.flush()
        crc, offset, encoded = zlib.crc32(data), out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0, crc, len(compressed),
                              len(data), len(encoded), 0) + encoded + compressed)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, method, 0, 0, crc,
                                   len(compressed), len(data), len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def peak_memory(action: Callable[[], object]) -> int:
    """The peak of Python allocations while ``action`` runs (exceptions are part of the action)."""
    tracemalloc.start()
    try:
        action()
    except GsgkError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# --- DOCX ---------------------------------------------------------------------------------------


def test_a_docx_whose_headers_lie_about_sizes_reads_what_they_declare_in_bounded_memory() -> None:
    """document.xml deflates to 300 MiB more than its headers declare: only the declared part is inflated."""
    lying = raw_zip(members(DOCX.read_bytes()), padding={"word/document.xml": 300 * MB})
    assert len(lying) < 2 * MB
    assert gsgk.load(io.BytesIO(lying)) == gsgk.load(DOCX)
    assert peak_memory(lambda: gsgk.load(io.BytesIO(lying))) < 200 * MB


def test_the_inflater_keeps_its_own_budget_whatever_the_headers_say() -> None:
    data = raw_zip({"a.xml": b"<a>" + b"x" * (3 * MB) + b"</a>"})
    with pytest.raises(InputError, match=r"^ZIP refused: more than .* once unpacked"):
        zipguard.unpack(data, wanted=lambda name: True, budget=MB, ratio=100, members=10)
    with pytest.raises(InputError, match=r"^ZIP refused: member .* compressed more than 100 times"):
        zipguard.unpack(data, wanted=lambda name: True, budget=10 * MB, ratio=100, members=10)
    assert zipguard.unpack(data, wanted=lambda name: False, budget=MB, ratio=100, members=10) == {"a.xml": b""}


@pytest.mark.parametrize(("change", "message"), [
    (lambda data: raw_zip(members(data), method=14), "compression method 14"),
    (lambda data: raw_zip(members(data), flags=1), "encrypted"),
    (lambda data: data.replace(b"PK\x03\x04", b"PK\x03\x04", 1)[:-200], "not a readable"),
], ids=["lzma-member", "encrypted-member", "no-central-directory"])
def test_broken_docx_containers_are_input_errors(change: Callable[[bytes], bytes], message: str) -> None:
    with pytest.raises(InputError, match=message):
        gsgk.load(io.BytesIO(change(DOCX.read_bytes())))


def test_a_corrupted_deflate_stream_is_an_input_error() -> None:
    parts = members(DOCX.read_bytes())
    data = bytearray(raw_zip(parts))
    start = data.index(b"word/document.xml") + len(b"word/document.xml")
    data[start + 100: start + 140] = b"\xff" * 40
    with pytest.raises(InputError):
        gsgk.load(io.BytesIO(bytes(data)))


def test_a_relationship_without_target_is_an_input_error() -> None:
    """python-docx raised TypeError on this package (found by the fuzzer)."""
    parts = members(DOCX.read_bytes())
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b'Target="word/document.xml"', b"", 1)
    with pytest.raises(InputError, match="Word"):
        gsgk.load(io.BytesIO(raw_zip(parts)))


def test_core_properties_of_the_wrong_content_type_are_an_input_error() -> None:
    """python-docx raised AttributeError on this package (found by the fuzzer); the reader checks the type."""
    parts = members(DOCX.read_bytes())
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = types.replace(b"core-properties+xml", b"core-propeRties+xml", 1)
    assert parts["[Content_Types].xml"] != types
    with pytest.raises(InputError, match="core-propeRties"):
        gsgk.load(io.BytesIO(raw_zip(parts)))


# --- JSON ---------------------------------------------------------------------------------------


def json_report(**changes: object) -> str:
    data = gsgk.unstructure(gsgk.load(SEED))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def test_a_json_cell_with_a_huge_exponent_is_refused() -> None:
    cells = [{"section": 3, "row": "一、本年新收政府信息公开申请数量", "column": "自然人", "value": "1e100000000"}]
    with pytest.raises(StructureError, match="more than 15 digits"):
        gsgk.loads(json_report(cells=cells))
    with pytest.raises(InputError, match="more than 15 digits"):
        gsgk.loads(json_report(cells=[]).replace('"cells": []', '"cells": 1e100000000'))


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        gsgk.loads('{"title": ' + "[" * 12_000 + "]" * 12_000 + "}")


def test_a_json_year_of_4301_digits_is_refused() -> None:
    with pytest.raises(InputError, match="more than 15 digits"):
        gsgk.loads(json_report(year=0).replace('"year": 0', '"year": ' + "1" * 4301))


def test_json_still_round_trips() -> None:
    report = gsgk.load(SEED)
    assert gsgk.loads(gsgk.dumps(report, format="json")) == report


# --- numbers ------------------------------------------------------------------------------------


def test_a_4300_digit_number_in_prose_is_not_a_count() -> None:
    stated = "全年受理政府信息依申请公开22件"
    text = SEED.read_text("utf-8").replace(stated, stated.replace("22", "1" * 5000))
    report = gsgk.loads(text)
    assert "prose-received" not in {f.code for f in check(report)}


def test_a_cell_of_more_than_15_digits_is_not_a_value() -> None:
    report = gsgk.load(SEED)
    received = (3, "一、本年新收政府信息公开申请数量", "总计")
    text = gsgk.dumps(report)
    long = gsgk.loads(text.replace(f"\t{report.cells[received]}\t", "\t" + "9" * 16 + "\t", 1))
    assert long.cells[received] != 10**16 - 1


def test_sums_are_exact_beyond_28_digits() -> None:
    assert total([Decimal("1e30"), 1, Decimal("-1e30")]) == 1
    assert total([10**30, 1, -(10**30)]) == 1
    balance = next(i for i in TEMPLATE.identities if i.code == "sum-balance")
    values = dict(zip(balance.left, (10**30 + 1, 0))) | dict(zip(balance.right, (10**30, 0)))
    cells = Cells(tuple(values.get(cell) for cell in TEMPLATE.cells))
    found = [f for f in check(Report(cells=cells)) if f.code == "sum-balance"]
    assert len(found) == 1 and found[0].message.endswith("相差1")


# --- cost ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "message"), [
    (b"a\n" * (MAX_LINES + 1), "lines refused"),
    (b"|" * (MAX_CELLS + 1), "cells refused"),
    (b"a\t" * (MAX_CELLS + 1), "cells refused"),
    (b"<html><body>" + b"<p>a" * MAX_ELEMENTS + b"</body></html>", "tags refused"),
], ids=["one-character-lines", "pipes", "tabs", "paragraphs"])
def test_inputs_past_the_line_cell_and_tag_limits_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        gsgk.load(io.BytesIO(data))


def test_the_html_cell_limit_is_kept_by_the_lines_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from gsgk import layout

    monkeypatch.setattr(layout, "MAX_CELLS", 50)
    page = "<html><body><p>一、总体情况</p><table>" + "<tr><td>规章</td><td>1</td></tr>" * 30 + "</table></body></html>"
    with pytest.raises(InputError, match="61 cells"):
        gsgk.load(io.BytesIO(page.encode()))


def test_a_word_file_past_the_tag_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from gsgk.readers import markup

    monkeypatch.setattr(markup, "MAX_ELEMENTS", 1000)
    with pytest.raises(InputError, match="tags refused"):
        gsgk.load(DOCX)


# --- round trips --------------------------------------------------------------------------------

SEED_000 = DATA / "seeds" / "000_3d6f15d5316b24ac.txt"


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_a_date_before_the_year_1000_is_read_back(fmt: str) -> None:
    report = gsgk.loads(SEED_000.read_text("utf-8").replace("\n2023年1月31日", "\n0999年1月31日"))
    assert report.published is not None and report.published.year == 999
    assert gsgk.loads(gsgk.dumps(report, format=fmt)) == report


@pytest.mark.parametrize("text", ["<b>一、总体情况</b>", "{这一年}"], ids=["angle-bracket", "brace"])
def test_loads_and_load_recognise_the_same_format(text: str) -> None:
    document = SEED.read_text("utf-8")
    title = document.split("\n", 1)[0]
    changed = document.replace(title, text + title, 1)
    assert gsgk.loads(changed) == gsgk.load(io.BytesIO(changed.encode()))
