"""Hostile and wrong inputs end in a gsgk error, never in another exception (and never in a wrong report)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import gsgk
from gsgk.errors import GsgkError, InputError, ParseError
from gsgk.readers import docx as docx_reader
from gsgk.readers import read_lines
from gsgk.readers.text import MAX_BYTES

from conftest import DATA

DOCX = DATA / "docx" / "000_3d6f15d5316b24ac.docx"


def rezipped(source: bytes, change: dict[str, bytes]) -> bytes:
    """``source`` with the members named in ``change`` replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change.get(info.filename, zin.read(info.filename)))
    return out.getvalue()


@pytest.mark.parametrize("tag", ["table><tr><td", "div", "span"])
def test_nesting_bomb_is_refused(tag: str) -> None:
    close = "</" + tag.split(">")[0] + ">"
    bomb = ("<html><body><p>一、总体情况</p>" + f"<{tag}>" * 30_000 + "x" + close * 30_000 + "</body></html>").encode()
    with pytest.raises(InputError, match="nested too deeply"):
        gsgk.load(io.BytesIO(bomb))


def test_a_deep_tree_from_a_parser_without_depth_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Older libxml2 builds do not stop at 255 levels; the reader's own walk then refuses the page."""
    from lxml import etree

    from gsgk.readers import html

    root = element = etree.Element("html")
    for _ in range(5000):
        element = etree.SubElement(element, "div")
    monkeypatch.setattr(html, "_parse", lambda text: root)
    with pytest.raises(InputError, match="nested too deeply"):
        html.read_html(b"<html></html>")


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
def test_input_over_the_size_limit_is_refused(fmt: str) -> None:
    big = b"<html>" + b" " * MAX_BYTES
    with pytest.raises(InputError, match="larger than the limit"):
        read_lines(big, fmt)


def test_large_file_and_text_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<html>" + b"a" * MAX_BYTES)
    with pytest.raises(InputError):
        gsgk.load(path)
    with path.open("rb") as fp, pytest.raises(InputError):
        gsgk.load(fp)
    with pytest.raises(InputError):
        gsgk.loads("<p>" + "一" * (MAX_BYTES // 3 + 1))


def test_docx_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (8 * 2**20))
    with pytest.raises(InputError, match="ZIP bomb"):
        gsgk.load(io.BytesIO(out.getvalue()))


def test_docx_total_size_and_member_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    data = DOCX.read_bytes()
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(InputError, match="once unpacked"):
        gsgk.load(io.BytesIO(data))
    monkeypatch.setattr(docx_reader, "MAX_MEMBERS", 3)
    with pytest.raises(InputError, match="ZIP members"):
        gsgk.load(io.BytesIO(data))


@pytest.mark.parametrize("data", [
    b"PK\x03\x04 this is no zip at all",
    DOCX.read_bytes()[:5000],
], ids=["not-a-zip", "truncated"])
def test_broken_docx_is_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        gsgk.load(io.BytesIO(data))


def test_a_zip_that_is_not_a_word_file_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "一、总体情况")
    with pytest.raises(InputError, match="Word"):
        gsgk.load(io.BytesIO(out.getvalue()))


def test_docx_entities_are_not_resolved() -> None:
    source = DOCX.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as z:
        xml = z.read("word/document.xml")
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname"><!ENTITY lol "LOLLOL">]>'
    xml = xml.replace(b"?>", b"?>" + doctype, 1).replace("一、总体情况".encode(), "一、总体情况&xxe;&lol;".encode(), 1)
    lines = read_lines(rezipped(source, {"word/document.xml": xml}), "docx")
    assert "一、总体情况" in [line.text for line in lines]
    assert not any("LOL" in line.text for line in lines)


def test_docx_nesting_bomb_is_refused() -> None:
    source = DOCX.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as z:
        xml = z.read("word/document.xml")
    head, body = xml.split(b"<w:body>", 1)
    bomb = b"<w:tbl><w:tr><w:tc>" * 20_000 + b"</w:tc></w:tr></w:tbl>" * 20_000
    with pytest.raises(InputError):
        gsgk.load(io.BytesIO(rezipped(source, {"word/document.xml": head + b"<w:body>" + bomb + body})))


def test_html_entities_are_not_expanded() -> None:
    page = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY x SYSTEM "file:///etc/hostname">]><html><body><p>&b;&b;&b;&x;</p></body></html>')
    texts = [line.text for line in read_lines(page.encode(), "html")]
    assert not any("aaaaaaaaaa" in t for t in texts)


@pytest.mark.parametrize("data", [
    b"<html><head><title>Home</title></head><body><div id='zoom'><p>Nothing here.</p></div></body></html>",
    "<html><body><table><tr><td>规章</td><td>3</td></tr></table></body></html>".encode(),
    "这是一封信，不是年度报告。\n".encode(),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"",
    b"<html></html>",
], ids=["html-no-report", "html-table-only", "text-letter", "binary", "empty", "empty-html"])
def test_not_a_report_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        gsgk.load(io.BytesIO(data))


def test_a_word_file_that_is_not_a_report() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("会议通知")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(GsgkError):
        gsgk.load(io.BytesIO(out.getvalue()))
