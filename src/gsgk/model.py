"""The typed report model: immutable attrs classes built from the template.

A :class:`Report` holds the prose of 一、五、六 verbatim, the metadata the
report prints (title, organ, year, publication date, signature) and its
numeric cells in a :class:`Cells` mapping keyed by the canonical labels of the
report's edition of the template (200 cells in 2021, 198 in 2019; the edition
travels with the cells: ``report.edition``).  A cell is also reachable by its
stable keys: ``report["received", "total"]``.  ``None`` is a blank cell,
distinct from ``0``.  Where a value came
from (line and column) and whether it was inferred travel with the cells but
take no part in equality, so a report equals its own round trip.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from .findings import CellKey, Finding
from .template import EDITION, EDITIONS, Cell, CellName, Template

Number = int | Decimal
Value = int | Decimal | None
KeyLike = Cell | CellName
"""A cell: a template :class:`~gsgk.template.Cell`, its labels ``(section, row, column)``
or its keys ``(row key, column key)``."""


@attrs.frozen
class Span:
    """A place in the source: 1-based line and column (columns count characters)."""

    line: int
    column: int


def _name(key: KeyLike) -> CellName:
    return key.key if isinstance(key, Cell) else key


def _check_edition(_: object, __: object, edition: int) -> None:
    if edition not in EDITIONS:
        raise ValueError(f"no {edition} edition of the template; editions: {sorted(EDITIONS)}")


def _check_values(instance: Cells, _: object, values: tuple[Value, ...]) -> None:
    cells = instance.template.cells
    if len(values) != len(cells):
        raise ValueError(f"Cells of the {instance.edition} edition needs {len(cells)} values, got {len(values)}")
    for cell, value in zip(cells, values):
        if value is None:
            continue
        wanted: type = Decimal if cell.kind == "decimal" else int
        if isinstance(value, bool) or not isinstance(value, wanted):
            raise TypeError(f"{cell.describe()} takes {wanted.__name__} or None, got {value!r}")


@attrs.frozen
class Cells(Mapping[CellKey, Value]):
    """The numeric cells of one edition, keyed by ``(section, row label, column label)``.

    Also indexable by a template :class:`~gsgk.template.Cell` or by the stable
    keys ``(row key, column key)``; an unknown name raises
    :class:`~gsgk.UnknownCellError` naming the nearest keys.  ``span(key)``
    tells where a value was read, ``is_inferred(key)`` whether gsgk derived it
    from the template's sums because the report dropped it.
    """

    data: tuple[Value, ...] = attrs.field(validator=_check_values)
    spans: tuple[Span | None, ...] = attrs.field(eq=False, repr=False)
    inferred: frozenset[CellKey] = attrs.field(eq=False, repr=False, factory=frozenset)
    edition: int = attrs.field(default=EDITION, kw_only=True, validator=_check_edition)

    @spans.default
    def _no_spans(self) -> tuple[Span | None, ...]:
        return (None,) * len(self.data)

    @classmethod
    def blank(cls, edition: int = EDITION) -> Cells:
        """Every cell of ``edition`` blank."""
        return cls((None,) * len(EDITIONS[edition].cells), edition=edition)

    @property
    def template(self) -> Template:
        """The edition of the template these cells fill."""
        return EDITIONS[self.edition]

    def __getitem__(self, key: KeyLike) -> Value:
        return self.data[self.template.position(_name(key))]

    def __iter__(self) -> Iterator[CellKey]:
        return iter(self.template.index)

    def __len__(self) -> int:
        return len(self.data)

    def span(self, key: KeyLike) -> Span | None:
        """Where the value of ``key`` was read, if it was read from a source."""
        return self.spans[self.template.position(_name(key))]

    def is_inferred(self, key: KeyLike) -> bool:
        return self.template.cells[self.template.position(_name(key))].key in self.inferred

    def replace(self, updates: Mapping[CellKey, Value] | Mapping[tuple[str, str], Value] | Mapping[Cell, Value]
                ) -> Cells:
        """A copy with some values changed (their provenance is dropped)."""
        values = list(self.data)
        spans = list(self.spans)
        changed: set[CellKey] = set()
        for key, value in updates.items():
            i = self.template.position(_name(key))
            values[i], spans[i] = value, None
            changed.add(self.template.cells[i].key)
        return Cells(tuple(values), tuple(spans), self.inferred - changed, edition=self.edition)


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

    @property
    def edition(self) -> int:
        """The edition of the template the report is printed in: 2019 or 2021."""
        return self.cells.edition

    @property
    def template(self) -> Template:
        """The report's edition of the template (its sections, cells and sums)."""
        return self.cells.template

    def prose(self, section: int) -> tuple[str, ...]:
        """The paragraphs of prose section 1 (一), 5 (五) or 6 (六)."""
        paragraphs: tuple[str, ...] = getattr(self, PROSE_FIELDS[section])
        return paragraphs

    def __getitem__(self, key: KeyLike) -> Value:
        """A cell's value: ``report["received", "total"]`` (keys) or ``report[(3, row, column)]`` (labels)."""
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
