"""The report as JSON: :func:`gsgk.unstructure`'s data, which :func:`gsgk.loads` reads back."""

from __future__ import annotations

import json

from ..convert import unstructure
from ..model import Report


def dumps_json(report: Report, *, indent: int | None = 2) -> str:
    """``report`` as a JSON object (UTF-8 text, Chinese unescaped); ``indent=None`` for one line."""
    return json.dumps(unstructure(report), ensure_ascii=False, indent=indent) + "\n"
