"""``gsgk render FILE``: a report in the standard form, as text, HTML, Markdown, DOCX or JSON.

``FILE`` may be ``-`` for standard input.  The format is ``--format``, else the
suffix of ``-o OUT`` (a suffix of no format gsgk writes, such as ``.pdf``, is
refused), else text.  DOCX is binary: it goes to ``-o OUT``, or to standard
output only when that is not a terminal.  A report with errors is rendered
all the same, with a warning on standard error; in HTML the cells concerned
are marked.  Exit status: 0 when written, 2 when the input could not be read
or the output not written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..api import load
from ..checks import check
from ..errors import GsgkError
from ..render import BINARY_FORMATS, FORMATS, OutputFormat, render
from .messages import Messages
from .outputs import make_folder_for

SUFFIXES: dict[str, OutputFormat] = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown",
                                     ".markdown": "markdown", ".docx": "docx", ".json": "json"}
OK, FAILED = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE",
                        help="a report (text, Markdown, HTML, DOCX, PDF or gsgk JSON), or - for standard input")
    parser.add_argument("--format", "-f", choices=tuple(FORMATS),
                        help="output format (default: from the suffix of OUT, else text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    parser.add_argument("--fragment", action="store_true", help="html: a <div> to embed instead of a whole page")
    parser.add_argument("--strict", action="store_true", help="refuse a report that needed any recovery")


def run(args: argparse.Namespace) -> int:
    say: Messages = args.say
    fmt = _format(args)
    if fmt is None:
        return _fail(say, say("cannot-write", path=args.output, suffix=Path(args.output).suffix or "''",
                              suffixes=", ".join(SUFFIXES)))
    if args.fragment and fmt != "html":
        return _fail(say, say("fragment-html", format=fmt))
    if fmt in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        return _fail(say, say("binary", format=fmt))
    name = "<stdin>" if args.file == "-" else args.file
    try:
        report = load(sys.stdin.buffer if args.file == "-" else args.file, strict=args.strict)
        errors = [f for f in check(report) if f.severity == "error"]
        options = ({"fragment": True} if args.fragment else {}) | ({"findings": errors} if fmt == "html" else {})
        data = render(report, fmt, **options)
    except (GsgkError, OSError) as exc:
        print(say.about("input-error", exc, path=name), file=sys.stderr)
        return FAILED
    if errors:
        marked = say("marked") if fmt == "html" else ""
        _print(say, say("render-errors", path=name, count=len(errors), code=errors[0].code, marked=marked))
    output = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        if args.output:
            make_folder_for(Path(args.output))
            Path(args.output).write_bytes(output)
        else:
            sys.stdout.buffer.write(output)
            sys.stdout.buffer.flush()
    except OSError as exc:
        print(say.about("line", exc, command="render"), file=sys.stderr)
        return FAILED
    return OK


def _format(args: argparse.Namespace) -> OutputFormat | None:
    """``--format``, else the format of OUT's suffix (``None`` if gsgk writes none), else text."""
    if args.format:
        fmt: OutputFormat = args.format  # argparse allowed only FORMATS
        return fmt
    return SUFFIXES.get(Path(args.output).suffix.lower()) if args.output else "text"


def _print(say: Messages, message: str) -> None:
    print(say("line", command="render", detail=message), file=sys.stderr)


def _fail(say: Messages, message: str) -> int:
    _print(say, message)
    return FAILED
