"""JSON-ready dicts and back, via a cattrs converter with gsgk's hooks.

``unstructure(report)`` gives plain ``dict``/``list``/``str``/``int`` data
(the template ``edition`` first, dates as ISO strings, money as a decimal
string, cells as records with their labels); ``structure(data)`` rebuilds an
equal :class:`~gsgk.Report` (data without ``edition`` is of the 2021 edition).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from .errors import StructureError
from .findings import Finding
from .model import Cells, Report
from .records import from_records, to_records
from .template import EDITION

LABELS = ("section", "row", "column", "value")
"""What a cell record holds in the JSON data (the keys follow from the labels and the edition)."""

converter = cattrs.Converter()
converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))


def _unstructure_cells(cells: Cells) -> list[dict[str, Any]]:
    return [{name: str(r[name]) if isinstance(r[name], Decimal) else r[name] for name in LABELS}
            for r in to_records(Report(cells=cells))]


def _unstructure_report(report: Report) -> dict[str, Any]:
    return {"edition": report.edition, **_report_fields(report)}


def _structure_report(data: Any, _: type) -> Report:
    if not isinstance(data, dict):
        raise StructureError(f"not a report: expected an object, got {type(data).__name__}")
    fields = dict(data)
    edition = fields.pop("edition", EDITION)
    records = fields.pop("cells", [])
    if not isinstance(edition, int) or not isinstance(records, list):
        raise StructureError("not a report: edition must be a year and cells a list of records")
    cells = from_records(records, edition=edition).cells
    report: Report = _report_from_fields(fields, Report)
    return attrs.evolve(report, cells=cells)


converter.register_unstructure_hook(Cells, _unstructure_cells)
converter.register_unstructure_hook(Finding, make_dict_unstructure_fn(  # the PDF place only where there is one
    Finding, converter, page=override(omit_if_default=True), position=override(omit_if_default=True)))
converter.register_structure_hook(Cells, lambda v, _: from_records(v).cells)  # the records' edition
_report_fields = make_dict_unstructure_fn(Report, converter)
_report_from_fields = make_dict_structure_fn(Report, converter)
converter.register_unstructure_hook(Report, _unstructure_report)
converter.register_structure_hook(Report, _structure_report)


def _describe(exc: BaseException, type_: Any) -> str:
    """cattrs' words for a failure, with gsgk's own message when a hook or a validator refused the value."""
    if isinstance(exc, StructureError):
        return str(exc)
    described = format_exception(exc, type_)
    return f"{described}: {exc}" if isinstance(exc, ValueError) and str(exc) else described


def unstructure(report: Report) -> dict[str, Any]:
    """``report`` as JSON-ready data."""
    data: dict[str, Any] = converter.unstructure(report)
    return data


def structure(data: Any) -> Report:
    """The report ``data`` (as :func:`unstructure` makes it) describes."""
    try:
        return converter.structure(data, Report)
    except StructureError:
        raise
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as exc:
        detail = ("; ".join(cattrs.transform_error(exc, format_exception=_describe))
                  if isinstance(exc, cattrs.BaseValidationError) else str(exc))
        raise StructureError(f"not a report: {detail}") from None
