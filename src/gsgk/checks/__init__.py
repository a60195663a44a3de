"""Checking reports: the template's sums, values, metadata, prose against tables, and across years.

``check(report)`` returns everything there is to say about one report: the
diagnostics made while reading it (label variants, foreign headers, missing
rows, inferred cells, …) followed by the findings of the rules, each family
of rules in its own module.  ``check_series(reports)`` compares the reports of
one organ across years.  Every code is listed in ``docs/checks.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding, by_position
from ..model import Report
from .arithmetic import check_sums
from .metadata import check_metadata
from .prose import check_prose
from .series import check_series, series_findings
from .values import check_values

RULES: tuple[Callable[[Report], Iterable[Finding]], ...] = (check_sums, check_values, check_metadata, check_prose)
"""The families of rules, in the order their findings are listed."""


def check(report: Report) -> list[Finding]:
    """The report's parse diagnostics and the findings of every rule, in order of position
    (findings about the whole report last, parse diagnostics before the rules')."""
    found = list(report.diagnostics)
    for rule in RULES:
        found += rule(report)
    return by_position(found)


__all__ = ["RULES", "check", "check_series", "series_findings"]
