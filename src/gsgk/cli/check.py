"""``gsgk check PATH...``: every finding on each report, grouped by file; ``--series`` across years.

A PATH is a file, a folder, a glob (as for ``gsgk batch``) or ``-`` for a
report on standard input.  Exit status: 0 when no error was found, 1 when
some report has an error, 2 when a file could not be read or parsed, or when
no file was read at all (a file that is not a report format is listed as
skipped).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from ..api import load
from ..checks import check, series_findings
from ..errors import GsgkError, ParseError
from ..findings import SEVERITIES, Finding
from ..model import Report
from ..sources import Skipped, expand
from .messages import Messages, describe

STDIN = "-"

OK, FOUND_ERROR, UNREADABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="PATH",
                        help="reports to check (text, Markdown, HTML, DOCX, PDF or gsgk JSON): files, folders "
                             "(searched recursively), globs, or - for standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one line per finding, path:line:col: severity [code] message; json: one document")
    parser.add_argument("--series", action="store_true",
                        help="also run the cross-year rules on the reports of each organ")
    parser.add_argument("--min-severity", choices=SEVERITIES[::-1], default="info",
                        help="print only findings at least this severe (the exit status counts all)")


def run(args: argparse.Namespace) -> int:
    reports: list[tuple[str, Report]] = []
    results: list[dict[str, Any]] = []
    status = OK
    for path in _inputs(args.files):
        if isinstance(path, Skipped):
            results.append({"path": path.path, "skipped": path.reason})
            continue
        try:
            report = load(sys.stdin.buffer if path == STDIN else path)
        except (GsgkError, OSError) as exc:
            status = UNREADABLE
            results.append({"path": path, "error": _error(exc), "exception": exc})
            continue
        reports.append((path, report))
        results.append({"path": path, "organ": report.organ, "year": report.year, "findings": check(report)})
    if not reports:
        status = UNREADABLE
    series: list[tuple[str | None, Finding]] = []
    if args.series:
        series = [(None if i is None else reports[i][0], f) for i, f in series_findings([r for _, r in reports])]
    findings = [f for r in results for f in r.get("findings", ())] + [f for _, f in series]
    if status == OK and any(f.severity == "error" for f in findings):
        status = FOUND_ERROR
    shown = SEVERITIES[: SEVERITIES.index(args.min_severity) + 1]
    if args.format == "json":
        _print_json(results, series, shown, status)
    else:
        _print_text(results, series, shown, args.say)
    return status


def _inputs(arguments: list[str]) -> Iterator[str | Skipped]:
    """``-`` as itself, every other argument expanded like a ``gsgk batch`` PATH."""
    for argument in arguments:
        yield from [argument] if argument == STDIN else expand(argument)


def _error(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, ParseError):
        return {"message": str(exc), "code": exc.code, "line": exc.line, "column": exc.column}
    return {"message": describe(exc), "code": type(exc).__name__, "line": None, "column": None}


def _line(path: str, finding: Finding) -> str:
    where = f"{path}:{finding.location}" if finding.location else path
    return f"{where}: {finding.severity} [{finding.code}] {finding.message}"


def _print_text(results: list[dict[str, Any]], series: list[tuple[str | None, Finding]],
                shown: tuple[str, ...], say: Messages) -> None:
    for result in results:
        path = result["path"]
        if "skipped" in result:
            print(say.about("skipped", result["skipped"], path=path), file=sys.stderr)
            continue
        if "error" in result:
            cause = result["exception"]  # a file error has a Chinese wording; a parse error keeps its caret
            detail = cause if isinstance(cause, OSError) else result["error"]["message"]
            print(say.about("cannot-check", detail, path=path), file=sys.stderr)
            continue
        findings: list[Finding] = result["findings"]
        for finding in findings:
            if finding.severity in shown:
                print(_line(path, finding))
        print(f"{path}{say('colon')}{_summary(findings, say)}")
    for path, finding in series:
        if finding.severity in shown:
            print(_line(path or "series", finding))
    if series:
        print(f"series{say('colon')}{_summary([f for _, f in series], say)}")


def _summary(findings: list[Finding], say: Messages) -> str:
    counts = Counter(f.severity for f in findings)
    errors, warnings = counts["error"], counts["warning"]
    return say("counts", errors=errors, es="s" * (errors != 1), warnings=warnings, ws="s" * (warnings != 1),
               info=counts["info"])


def _print_json(results: list[dict[str, Any]], series: list[tuple[str | None, Finding]],
                shown: tuple[str, ...], status: int) -> None:
    def dump(finding: Finding) -> dict[str, Any]:
        return attrs.asdict(finding)

    for result in results:
        if "findings" in result:
            result["findings"] = [dump(f) for f in result["findings"] if f.severity in shown]
    document = {
        "status": status,
        "files": [{key: value for key, value in r.items() if key != "exception"} for r in results],
        "series": [{"path": path, **dump(f)} for path, f in series if f.severity in shown],
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
    print()
