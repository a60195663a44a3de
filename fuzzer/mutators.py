"""Mutations of report files, shared by the long fuzz runs (``fuzz.py``) and the bounded CI test.

:func:`mutate` takes a seed file and a ``random.Random`` and returns one
mutant: byte-level damage (bit flips, cuts, repeats, truncation, hostile
tokens) for every format; for a ZIP (DOCX) also damage inside one of its XML
members, re-zipped, so that the XML parser and the body walk are reached; for
gsgk's JSON also one value replaced by a hostile one, so that the structuring
is reached.
:func:`run` loads one input and says what went wrong, if anything.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import gsgk
from gsgk.errors import GsgkError
from gsgk.readers import detect
from gsgk.readers.markup import squeeze

TOKENS = (
    b"\t", b"|", b"\n", b"<", b">", b"{", b"}", b"[", b"\"", b"0", b"-", b".", b"\xe4\xb8\x80",
    b"1" * 5000, b"9" * 40, b"1e100000000", b"-0", b"NaN", b"</table>", b"<tr><td>", b"<td>",
    b"</td>", b"\r", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"&nbsp;", b"<br>", b"{" * 3000,
    "一、总体情况".encode(), "（一）".encode(), "年".encode(), "件".encode(), "万元".encode(),
    b"<w:p>", b"</w:p>", b"<w:tc>", b"</w:tc>", b"<w:tbl>", b"<w:tr>",
)
"""Fragments that often mean something to one of the readers."""


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _cut(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 1 + len(data) // 8):]


def _repeat(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    span = data[start:start + rng.randint(1, 2000)]
    return data[:start] + span * rng.randint(2, 50) + data[start:]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(TOKENS) * rng.choice((1, 1, 2, 100)) + data[at:]


def _swap(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


BYTE_MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (_flip, _cut, _repeat, _truncate, _insert, _swap)


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        if not data:
            return rng.choice(TOKENS)
        data = rng.choice(BYTE_MUTATIONS)(data, rng)
    return data


def _mutate_member(data: bytes, rng: random.Random) -> bytes:
    """``data`` (a ZIP) with one XML member damaged, written again as a sound ZIP."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        infos = zin.infolist()
        xml = [i.filename for i in infos if i.filename.endswith((".xml", ".rels"))]
        victim = rng.choice(xml) if xml else None
        for info in infos:
            content = zin.read(info.filename)
            zout.writestr(info.filename, _mutate_bytes(content, rng) if info.filename == victim else content)
    return out.getvalue()


JSON_VALUES: tuple[object, ...] = (
    None, True, -1, 0, 10**30, 1e308, "1e100000000", "9" * 5000, "", "一", [], {}, [[[[[]]]]], {"a": 1},
    "2023-02-30", "0999-01-01", float("nan"),
)
"""Values that a JSON report may hold where it should hold something else."""


def _mutate_json(data: bytes, rng: random.Random) -> bytes:
    """``data`` (gsgk's JSON) with one value replaced, one key dropped or one list item duplicated."""
    document = json.loads(data)
    if not isinstance(document, (dict, list)) or not document:
        return json.dumps(rng.choice(JSON_VALUES)).encode()
    node: Any = document
    key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
    while isinstance(node[key], (dict, list)) and node[key] and rng.random() < 0.7:
        node = node[key]
        key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
    action = rng.random()
    if action < 0.2 and isinstance(node, dict):
        del node[key]
    elif action < 0.3 and isinstance(node, list):
        node.insert(key, node[key])
    else:
        node[key] = rng.choice(JSON_VALUES)
    return json.dumps(document, ensure_ascii=False).encode()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One mutant of ``data``."""
    if zipfile.is_zipfile(io.BytesIO(data)) and rng.random() < 0.6:
        return _mutate_member(data, rng)
    if data.startswith(b"{") and rng.random() < 0.6:
        return _mutate_json(data, rng)
    return _mutate_bytes(data, rng)


ROUND_TRIPS = ("json", "text", "html")
"""The formats in which ``loads(dumps(report, format=f)) == report`` is promised."""


def run(data: bytes, *, damaged: bool = True) -> str | None:
    """``None`` if ``data`` loads (and round-trips) or fails with a gsgk error; else the problem.

    The JSON round trip is checked for every report.  The text and HTML ones
    are checked for reports read from a document (a report built from JSON
    may hold metadata that no document carries: an organ its title does not
    name), if they needed no recovery, and with ``damaged`` also if they did
    (``round trip (damaged): …``; ``docs/inputs.md`` names the class that remains).
    """
    try:
        report = gsgk.load(io.BytesIO(data))
        gsgk.check(report)
    except GsgkError:
        return None
    except Exception as exc:  # any other exception is what the fuzzer looks for
        return f"crash: {type(exc).__module__}.{type(exc).__name__}: {str(exc)[:200]}"
    clean = all(finding.severity == "info" for finding in report.diagnostics)
    documents = detect(data) != "json" and (clean or damaged)
    for fmt in ROUND_TRIPS if documents else ROUND_TRIPS[:1]:
        kind = "round trip" if clean or fmt == "json" else "round trip (damaged)"
        try:
            again = gsgk.loads(gsgk.dumps(report, format=fmt))
        except GsgkError as exc:
            return f"{kind}: {fmt}: {type(exc).__name__}: {str(exc)[:200]}"
        kept = _as_html_keeps if fmt == "html" else _as_is
        if kept(again) != kept(report):
            return f"{kind}: {fmt}: {_difference(kept(report), kept(again))}"
    return None


def _as_is(report: gsgk.Report) -> gsgk.Report:
    return report


def _as_html_keeps(report: gsgk.Report) -> gsgk.Report:
    """``report`` with its texts' whitespace collapsed as HTML collapses it (``docs/rendering.md``)."""
    def kept(value: object) -> object:
        if isinstance(value, str):
            return squeeze(value)
        if isinstance(value, tuple):
            return tuple(kept(item) for item in value)
        if isinstance(value, gsgk.Note):
            return attrs.evolve(value, text=squeeze(value.text))
        return value

    return attrs.evolve(report, **{f.name: kept(getattr(report, f.name)) for f in attrs.fields(gsgk.Report)
                                   if f.init and f.name != "cells"})


def _difference(report: gsgk.Report, again: gsgk.Report) -> str:
    """The first field in which ``again`` differs from ``report``."""
    for field in attrs.fields(gsgk.Report):
        if field.eq and getattr(report, field.name) != getattr(again, field.name):
            return field.name
    return "?"  # pragma: no cover - reports that differ differ in a field


def seeds(*roots: Path) -> list[bytes]:
    """The report files under ``roots`` (text, HTML, DOCX, PDF), and each text report rendered as JSON and HTML."""
    paths = sorted(p for root in roots for p in root.rglob("*") if p.suffix in {".txt", ".html", ".docx", ".pdf"})
    found = [p.read_bytes() for p in paths]
    for path in paths:
        try:
            report = gsgk.load(path)
        except GsgkError:
            continue
        if path.suffix == ".txt":
            found += [gsgk.dumps(report, format=f).encode() for f in ("json", "html")]
    return found
