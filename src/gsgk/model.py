"""The typed report model: immutable attrs classes built from the template.

A :class:`Report` holds the prose of 一、五、六 verbatim, the metadata the
report prints (title, organ, year, publication date, signature) and its 200
numeric cells in a :class:`Cells` mapping keyed by the template's canonical
labels.  ``None`` is a blank cell, distinct from ``0``.  Where a value came
from (line and column) and whether it was inferred travel with the cells but
take no part in equality, so a report equals its own round trip.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from .findings import CellKey, Finding
from .template import TEMPLATE, Cell

Number = int | Decimal
Value = int | Decimal | None
KeyLike = Cell | CellKey


@attrs.frozen
class Span:
    """A place in the source: 1-based line and column (columns count characters)."""

    line: int
    column: int


def _key(key: KeyLike) -> CellKey:
    return key.key if isinstance(key, Cell) else key


def _check_values(_: object, __: object, values: tuple[Value, ...]) -> None:
    if len(values) != len(TEMPLATE.cells):
        raise ValueError(f"Cells needs {len(TEMPLATE.cells)} values, got {len(values)}")
    for cell, value in zip(TEMPLATE.cells, values):
        if value is None:
            continue
        wanted: type = Decimal if cell.kind == "decimal" else int
        if isinstance(value, bool) or not isinstance(value, wanted):
            raise TypeError(f"{cell.describe()} takes {wanted.__name__} or None, got {value!r}")


@attrs.frozen
class Cells(Mapping[CellKey, Value]):
    """The 200 numeric cells, keyed by ``(section, row label, column label)``.

    Also indexable by a template :class:`~gsgk.template.Cell`.  ``span(key)``
    tells where a value was read, ``is_inferred(key)`` whether gsgk derived it
    from the template's sums because the report dropped it.
    """

    data: tuple[Value, ...] = attrs.field(validator=_check_values)
    spans: tuple[Span | None, ...] = attrs.field(eq=False, repr=False)
    inferred: frozenset[CellKey] = attrs.field(eq=False, repr=False, factory=frozenset)

    @spans.default
    def _no_spans(self) -> tuple[Span | None, ...]:
        return (None,) * len(self.data)

    @classmethod
    def blank(cls) -> Cells:
        """Every cell blank."""
        return cls((None,) * len(TEMPLATE.cells))

    def __getitem__(self, key: KeyLike) -> Value:
        return self.data[TEMPLATE.index[_key(key)]]

    def __iter__(self) -> Iterator[CellKey]:
        return iter(TEMPLATE.index)

    def __len__(self) -> int:
        return len(self.data)

    def span(self, key: KeyLike) -> Span | None:
        """Where the value of ``key`` was read, if it was read from a source."""
        return self.spans[TEMPLATE.index[_key(key)]]

    def is_inferred(self, key: KeyLike) -> bool:
        return _key(key) in self.inferred

    def replace(self, updates: Mapping[CellKey, Value]) -> Cells:
        """A copy with some values changed (their provenance is dropped)."""
        values = list(self.data)
        spans = list(self.spans)
        for key, value in updates.items():
            i = TEMPLATE.index[_key(key)]
            values[i], spans[i] = value, None
        return Cells(tuple(values), tuple(spans), self.inferred - set(map(_key, updates)))


@attrs.frozen
class Note:
    """Free text printed inside a table section (after its table)."""

    section: int
    text: str


@attrs.frozen
class Report:
    """One annual report on government information disclosure."""

    cells: Cells = attrs.field(factory=Cells.blank)
    title: str | None = None
    organ: str | None = None
    year: int | None = attrs.field(
        default=None, validator=attrs.validators.optional([attrs.validators.ge(1), attrs.validators.lt(9999)]))
    """The year reported on (1–9998: the year after it must be a calendar year too)."""
    published: datetime.date | None = None
    preamble: tuple[str, ...] = ()
    overview: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    other_matters: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    signature: str | None = None
    diagnostics: tuple[Finding, ...] = attrs.field(default=(), eq=False, repr=False)

    def prose(self, section: int) -> tuple[str, ...]:
        """The paragraphs of prose section 1 (一), 5 (五) or 6 (六)."""
        paragraphs: tuple[str, ...] = getattr(self, PROSE_FIELDS[section])
        return paragraphs

    def __getitem__(self, key: KeyLike) -> Value:
        return self.cells[key]

    def _repr_html_(self) -> str:
        """Jupyter: the tables and a one-line summary of findings."""
        from .render.notebook import repr_html

        return repr_html(self)

    def _repr_markdown_(self) -> str:
        """Jupyter and other Markdown front ends: the whole report."""
        from .render.notebook import repr_markdown

        return repr_markdown(self)


PROSE_FIELDS = {1: "overview", 5: "problems", 6: "other_matters"}
"""Which :class:`Report` field holds the paragraphs of each prose section."""

METADATA_FIELDS = tuple(
    f.name for f in attrs.fields(Report) if f.name not in ("cells", "diagnostics")
)
"""The fields of a report that are not its numbers (``from_records`` takes them)."""
