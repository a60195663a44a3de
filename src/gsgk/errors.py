"""gsgk's exceptions: one root, one class per kind of failure."""

from __future__ import annotations

import unicodedata


class GsgkError(Exception):
    """Root of every exception gsgk raises on purpose."""


class ParseError(GsgkError, ValueError):
    """The input is not a readable report (or, with ``strict=True``, needed a recovery).

    ``line`` and ``column`` are 1-based (columns count characters); ``expected``
    says what would have been accepted there.  ``str()`` quotes the line with a
    caret under the offending character, placed by display width so that it
    lines up under Chinese text.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        expected: str | None = None,
        source_line: str | None = None,
        code: str = "syntax",
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        self.source_line = source_line
        self.code = code
        super().__init__(self._render())

    def _render(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line is not None else ""
        text = f"{where}{self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.source_line is not None and self.column is not None:
            shown = self.source_line.replace("\t", " ")
            text += f"\n  {shown}\n  {' ' * display_width(shown[: self.column - 1])}^"
        return text


class InputError(GsgkError, ValueError):
    """The bytes cannot be read as a report: unknown encoding, too large, unsafe."""


class MissingExtraError(GsgkError, ImportError):
    """An optional dependency is needed; the message names the ``pip install`` to run.

    ``name`` is the module that is missing, ``extra`` the gsgk extra that installs it.
    """

    def __init__(self, message: str, *, name: str | None = None, extra: str | None = None) -> None:
        super().__init__(message, name=name)
        self.extra = extra


def display_width(text: str) -> int:
    """Terminal columns taken by ``text`` (wide and full-width characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class StructureError(GsgkError, ValueError):
    """Data handed to ``from_records`` or ``structure`` does not describe a report."""


class UnknownCellError(GsgkError, KeyError):
    """A cell named by labels or keys that the report's edition of the template does not have.

    The message names the nearest valid keys; ``str()`` is the message itself
    (not a quoted key, as for a plain ``KeyError``).
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message
