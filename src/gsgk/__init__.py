"""gsgk: China's 政府信息公开工作年度报告 as typed data.

>>> import gsgk
>>> report = gsgk.load("report.txt")                # text, HTML or DOCX
>>> report.organ, report.year
>>> report.edition                                  # 2021, or 2019 for reports on 2019 and 2020
>>> report["received", "total"]                      # a cell by its stable keys
>>> gsgk.to_records(report)                          # one dict per template cell
>>> print(gsgk.dumps(report))                        # the standard form again
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "api": ("build", "dump", "dumps", "load", "loads", "parse", "read_lines", "report_from_lines", "tokenize"),
    "batch": ("load_many",),
    "checks": ("check", "check_series"),
    "convert": ("structure", "unstructure"),
    "errors": ("GsgkError", "InputError", "MissingExtraError", "ParseError", "StructureError", "UnknownCellError"),
    "findings": ("Finding",),
    "frames": ("to_frame", "to_wide_frame"),
    "model": ("Cells", "Note", "Report", "Span"),
    "records": ("from_records", "to_records"),
    "template": ("EDITIONS", "TEMPLATE", "TEMPLATE_2019"),
}
"""Where each public name lives; a module is imported when one of its names is first used, so
``import gsgk`` (and ``gsgk --version``) stays cheap."""
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}

if TYPE_CHECKING:
    from .api import build, dump, dumps, load, loads, parse, read_lines, report_from_lines, tokenize
    from .batch import load_many
    from .checks import check, check_series
    from .convert import structure, unstructure
    from .errors import GsgkError, InputError, MissingExtraError, ParseError, StructureError, UnknownCellError
    from .findings import Finding
    from .frames import to_frame, to_wide_frame
    from .model import Cells, Note, Report, Span
    from .records import from_records, to_records
    from .template import EDITIONS, TEMPLATE, TEMPLATE_2019

    __version__: str


def __getattr__(name: str) -> Any:
    """A public name (or submodule) of gsgk, imported on first use; ``__version__`` from the metadata."""
    if name == "__version__":
        from importlib.metadata import version

        value: Any = version("gsgk")
    elif name in _HOME:
        value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    else:
        try:
            value = import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'gsgk' has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, "__version__"})


__all__ = [
    "EDITIONS",
    "TEMPLATE",
    "TEMPLATE_2019",
    "Cells",
    "Finding",
    "GsgkError",
    "InputError",
    "MissingExtraError",
    "Note",
    "ParseError",
    "Report",
    "Span",
    "StructureError",
    "UnknownCellError",
    "build",
    "check",
    "check_series",
    "dump",
    "dumps",
    "from_records",
    "load",
    "load_many",
    "loads",
    "parse",
    "read_lines",
    "report_from_lines",
    "structure",
    "to_frame",
    "to_records",
    "to_wide_frame",
    "tokenize",
    "unstructure",
]
