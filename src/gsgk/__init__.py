"""gsgk: China's 政府信息公开工作年度报告 as typed data.

>>> import gsgk
>>> report = gsgk.load("report.txt")                # text, HTML or DOCX
>>> report.organ, report.year
>>> report.edition                                  # 2021, or 2019 for reports on 2019 and 2020
>>> report["received", "total"]                      # a cell by its stable keys
>>> gsgk.to_records(report)                          # one dict per template cell
>>> print(gsgk.dumps(report))                        # the standard form again
"""

from importlib.metadata import version

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

__version__ = version("gsgk")

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
