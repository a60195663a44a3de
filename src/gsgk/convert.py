"""JSON-ready dicts and back, via a cattrs converter with gsgk's hooks.

``unstructure(report)`` gives plain ``dict``/``list``/``str``/``int`` data
(dates as ISO strings, the fee as a decimal string, cells as records);
``structure(data)`` rebuilds an equal :class:`~gsgk.Report`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.v import format_exception

from .errors import StructureError
from .model import Cells, Report
from .records import from_records, to_records

converter = cattrs.Converter()
converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))


def _unstructure_cells(cells: Cells) -> list[dict[str, Any]]:
    records = to_records(Report(cells=cells))
    for record in records:
        if isinstance(record["value"], Decimal):
            record["value"] = str(record["value"])
    return records


converter.register_unstructure_hook(Cells, _unstructure_cells)
converter.register_structure_hook(Cells, lambda v, _: from_records(v).cells)


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
