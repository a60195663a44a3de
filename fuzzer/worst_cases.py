"""The costliest inputs inside gsgk's limits, one per format: ``python fuzzer/worst_cases.py``.

Each case is built just under the limits (:data:`gsgk.readers.text.MAX_BYTES`,
:data:`gsgk.layout.MAX_LINES`, :data:`gsgk.layout.MAX_CELLS`,
:data:`gsgk.readers.markup.MAX_ELEMENTS`) and loaded and checked in a fresh
process; the table printed (wall time, peak resident memory, outcome) is the
one ``docs/inputs.md`` quotes.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from gsgk.layout import MAX_CELLS, MAX_LINES
from gsgk.readers.docx import MAX_XML
from gsgk.readers.markup import MAX_ELEMENTS
from gsgk.readers.text import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "data" / "seeds" / "003_59d91e6a9fd921ee.txt").read_text("utf-8")
DOCX = ROOT / "tests" / "data" / "docx" / "000_3d6f15d5316b24ac.docx"
MARKDOWN = (ROOT / "tests" / "data" / "flattened" / "000_3d6f15d5316b24ac.libreoffice.pymupdf4llm.md").read_text(
    "utf-8")

_MEASURE = """
import io, sys, time
import gsgk
data = sys.stdin.buffer.read()
start = time.perf_counter()
try:
    gsgk.check(gsgk.load(io.BytesIO(data)))
    outcome = "loaded and checked"
except gsgk.GsgkError as exc:
    outcome = type(exc).__name__ + ": " + str(exc).splitlines()[0][:70]
took = time.perf_counter() - start
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(f"{took:.1f} s | {int(peak) // 1024} MB | {outcome}")
"""


def text_seed_lines() -> bytes:
    """The seed report's lines repeated up to the line limit."""
    lines = SEED.split("\n")
    return "\n".join(lines[i % len(lines)] for i in range(MAX_LINES - 1)).encode()


def text_long_lines() -> bytes:
    """As many lines as allowed, each as long as the size limit leaves (Chinese prose)."""
    width = MAX_BYTES // MAX_LINES // 3 - 1
    return "\n".join(("一、总体情况" if i == 0 else "报" * width) for i in range(MAX_LINES - 1)).encode()


def text_table_rows() -> bytes:
    """Table rows of numbers with as many cells as allowed."""
    per_line = MAX_CELLS // MAX_LINES - 1
    row = "\t".join(["规章"] + ["1"] * (per_line - 1))
    return ("三、收到和处理政府信息公开申请情况\n" + "\n".join([row] * (MAX_LINES - 2))).encode()


def markdown_spaces() -> bytes:
    """A converted (Markdown) report with a blank cell, then one line of spaces up to the size limit
    that ends like a table's delimiter row (a regex that backtracks over the spaces would never end)."""
    head = MARKDOWN.replace("| 0 |", "| |", 1)
    return (head + "\n" + " " * (MAX_BYTES - len(head.encode()) - 100) + "|---|---x\n").encode()


def markdown_rows() -> bytes:
    """A converted report whose rows of numbers are repeated up to the line or cell limit."""
    lines = MARKDOWN.split("\n")
    rows = [line for line in lines if line.startswith("|") and any(ch.isdigit() for ch in line)]
    at = next(i for i, line in enumerate(lines) if line.startswith("|") and "---" in line)
    cells = sum(line.count("|") + 1 for line in lines)
    per_row = max(row.count("|") for row in rows) + 1
    count = min(MAX_LINES - len(lines), (MAX_CELLS - cells) // per_row) - 10
    filler = [rows[i % len(rows)] for i in range(count)]
    return "\n".join(lines[: at + 1] + filler + lines[at + 1:]).encode()


def html_table() -> bytes:
    """One table with as many cells as allowed."""
    per_row = 5
    rows = min(MAX_CELLS // per_row, MAX_ELEMENTS // (2 * per_row + 2)) - 10
    row = "<tr>" + "<td>1</td>" * per_row + "</tr>"
    return ("<html><body><p>一、总体情况</p><table>" + row * rows + "</table></body></html>").encode()


def html_paragraphs() -> bytes:
    """As many paragraphs as the tag limit allows (the line limit refuses them, once they are read)."""
    return ("<html><body><p>一、总体情况</p>" + "<p>报告" * (MAX_ELEMENTS - 10) + "</body></html>").encode()


def html_text() -> bytes:
    """A page of text up to the size limit, in text nodes just under libxml2's 10 MB."""
    node = "报" * (3_000_000 - 100)
    return ("<html><body><p>一、总体情况</p><p>" + "</p><p>".join([node] * 2) + "</p></body></html>").encode()


def _docx(paragraphs: int, text: Callable[[int], str]) -> bytes:
    """The fixture Word file with ``paragraphs`` more paragraphs whose text is ``text(i)``."""
    with zipfile.ZipFile(DOCX) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    head, _, tail = parts["word/document.xml"].partition(b"<w:body>")
    body = "".join(f"<w:p><w:r><w:t>{text(i)}</w:t></w:r></w:p>" for i in range(paragraphs)).encode()
    parts["word/document.xml"] = head + b"<w:body>" + body + tail
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def docx_paragraphs() -> bytes:
    """A Word file whose body has as many paragraphs as the line limit allows."""
    return _docx(MAX_LINES - 1000, lambda i: f"第{i}段")


def docx_tags() -> bytes:
    """A Word file with as many paragraphs as the tag limit allows (counted in the parts the reader
    parses: the fixture's document part has 3 756 tags of its own, its core properties a few)."""
    return _docx((MAX_ELEMENTS - 4_000) // 6, lambda i: f"第{i}段")


def docx_text() -> bytes:
    """A Word file with as much XML text as the unpacking budget allows, compressed as much as allowed."""
    rng = random.Random(1)
    paragraphs = MAX_LINES * 3 // 4
    width = MAX_XML // paragraphs - 200
    return _docx(paragraphs, lambda i: "".join(rng.choices("报告一二", k=width // 3)))


def json_notes() -> bytes:
    """gsgk's JSON with as many notes as fit in the size limit."""
    import gsgk

    data = gsgk.unstructure(gsgk.loads(SEED))
    note = {"section": 3, "text": "注"}
    data["notes"] = [note] * (MAX_BYTES // len(json.dumps(note)))
    return _fit(data)


def _fit(data: dict[str, object]) -> bytes:
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    notes = data["notes"]
    assert isinstance(notes, list)
    while len(encoded) > MAX_BYTES:
        del notes[len(notes) * MAX_BYTES // len(encoded):]
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return encoded


CASES: dict[str, Callable[[], bytes]] = {
    "text: seed lines to the line limit": text_seed_lines,
    "text: long prose lines": text_long_lines,
    "text: table rows to the cell limit": text_table_rows,
    "Markdown: a line of spaces to the size limit": markdown_spaces,
    "Markdown: table rows to the line limit": markdown_rows,
    "HTML: one table to the cell limit": html_table,
    "HTML: paragraphs to the tag limit": html_paragraphs,
    "HTML: one text node to the size limit": html_text,
    "DOCX: paragraphs to the line limit": docx_paragraphs,
    "DOCX: paragraphs to the tag limit": docx_tags,
    "DOCX: XML text to the unpacking budget": docx_text,
    "JSON: notes to the size limit": json_notes,
}


def main() -> None:
    print("| case | size | time | peak memory | outcome |\n|---|---|---|---|---|")
    for name, build in CASES.items():
        data = build()
        result = subprocess.run([sys.executable, "-c", _MEASURE], input=data, capture_output=True, check=True)
        took, memory, outcome = result.stdout.decode().strip().split(" | ")
        print(f"| {name} | {len(data) / 2**20:.1f} MiB | {took} | {memory} | {outcome} |", flush=True)


if __name__ == "__main__":
    main()
