"""``gsgk render FILE``: a report in the standard form, as text, HTML, Markdown, DOCX or JSON.

The format is ``--format``, else the suffix of ``-o OUT``, else text.  DOCX is
binary: it goes to ``-o OUT``, or to standard output only when that is not a
terminal.  Exit status: 0 when written, 2 when the input could not be read or
the output not written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..api import load
from ..errors import GsgkError
from ..render import BINARY_FORMATS, FORMATS, render

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
            ".docx": "docx", ".json": "json"}
OK, FAILED = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a report (text, HTML, DOCX or gsgk JSON)")
    parser.add_argument("--format", "-f", choices=tuple(FORMATS),
                        help="output format (default: from the suffix of OUT, else text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    parser.add_argument("--fragment", action="store_true", help="html: a <div> to embed instead of a whole page")
    parser.add_argument("--strict", action="store_true", help="refuse a report that needed any recovery")


def run(args: argparse.Namespace) -> int:
    fmt = _format(args)
    if args.fragment and fmt != "html":
        return _fail(f"--fragment is for html, not {fmt}")
    if fmt in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        return _fail(f"{fmt} is binary: give -o OUT or redirect standard output")
    try:
        report = load(args.file, strict=args.strict)
        data = render(report, fmt, **({"fragment": True} if args.fragment else {}))
    except (GsgkError, OSError) as exc:
        return _fail(f"{args.file}: {exc}")
    output = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        if args.output:
            Path(args.output).write_bytes(output)
        else:
            sys.stdout.buffer.write(output)
            sys.stdout.buffer.flush()
    except OSError as exc:
        return _fail(f"{args.output or 'stdout'}: {exc}")
    return OK


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return SUFFIXES.get(Path(args.output).suffix.lower(), "text") if args.output else "text"


def _fail(message: str) -> int:
    print(f"gsgk render: {message}", file=sys.stderr)
    return FAILED
