"""The Lark LALR parser over the lexer's tokens, and its transformer to plain nodes.

``report.lark`` is the grammar; :func:`parse_lines` runs the lexer, feeds its
tokens to one cached LALR parser whose transformer turns each rule into a
small node, and translates any Lark error into a :class:`~gsgk.ParseError`
with the line quoted.  :mod:`gsgk.build` turns the nodes into a ``Report``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, cast

import attrs
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from .errors import ParseError
from .findings import Finding
from .layout import Line, quote
from .lexer import tokenize
from .template import ACTIVE, APPEALS, REQUESTS

DESCRIPTIONS = {
    "TITLE": "the report title",
    "TEXT": "a paragraph",
    "SIGNATURE": "the signature",
    "DATE": "the date",
    "HEADING_PROSE": "a section heading (一、五、六)",
    "HEADING_ACTIVE": f"the heading {ACTIVE.heading}",
    "HEADING_REQUESTS": f"the heading {REQUESTS.heading}",
    "HEADING_APPEALS": f"the heading {APPEALS.heading}",
    "CAPTION": f"a caption such as {ACTIVE.blocks[0].caption}",
    "HEADER": "a column header",
    "GROUP": f"a group label such as {REQUESTS.blocks[0].rows[4].groups[-1]}",
    "LABEL": "a row label",
    "NUMBER": "a number",
    "BLANK": "a blank cell",
    "$END": "the end of the report",
}


@attrs.frozen
class RowNode:
    label: Token
    values: tuple[Token, ...]


@attrs.frozen
class SectionNode:
    heading: Token
    items: tuple[Token | RowNode, ...]


@attrs.frozen
class Document:
    title: Token | None
    preamble: tuple[Token, ...]
    sections: tuple[SectionNode, ...]
    signature: Token | None
    date: Token | None


class _TokenStream(Lexer):
    """Lark's custom-lexer hook: the tokens are already made by :mod:`gsgk.lexer`."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)


def _first(tokens: Sequence[Token], type_: str) -> Token | None:
    return next((t for t in tokens if t.type == type_), None)


class _Nodes(Transformer[Token, Any]):
    """Rule → node, applied inside the LALR parser (no tree is built)."""

    def start(self, children: list[Any]) -> Document:
        (title, preamble), *sections, (signature, date) = children
        return Document(title, preamble, tuple(sections), signature, date)

    def front(self, children: list[Token]) -> tuple[Token | None, tuple[Token, ...]]:
        return _first(children, "TITLE"), tuple(t for t in children if t.type == "TEXT")

    def closing(self, children: list[Token]) -> tuple[Token | None, Token | None]:
        return _first(children, "SIGNATURE"), _first(children, "DATE")

    def row(self, children: list[Token]) -> RowNode:
        return RowNode(children[0], tuple(children[1:]))

    def _section(self, children: list[Any]) -> SectionNode:
        return SectionNode(children[0], tuple(children[1:]))

    prose_section = active_section = requests_section = appeals_section = _section


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The one LALR parser (built on first use)."""
    return Lark.open(
        "report.lark", rel_to=__file__, parser="lalr", lexer=_TokenStream, transformer=_Nodes(),
    )


def parse_lines(lines: Sequence[Line]) -> tuple[Document, list[Finding]]:
    """Tokenise and parse; Lark's errors come back as :class:`ParseError`."""
    tokens, findings = tokenize(lines)
    try:
        document = cast(Document, parser().parse(tokens))
    except UnexpectedToken as exc:
        raise _error(exc, lines) from None
    except UnexpectedInput as exc:  # pragma: no cover - the token stream is never text
        raise ParseError(str(exc)) from None
    return document, findings


def _error(exc: UnexpectedToken, lines: Sequence[Line]) -> ParseError:
    token = exc.token
    expected = sorted({DESCRIPTIONS.get(name, name) for name in exc.expected})
    if token.type == "$END":
        last = next((line for line in reversed(lines) if not line.is_blank), None)
        return ParseError(
            "the report ends too early",
            line=last.number if last else 1, column=1,
            expected=" or ".join(expected), source_line=last.text if last else "",
        )
    line, column = token.line or 1, token.column or 1
    source, caret = quote(lines, line, column)
    return ParseError(
        f"did not expect {DESCRIPTIONS.get(token.type, token.type)} here: 「{token}」",
        line=line, column=caret, expected=" or ".join(expected), source_line=source,
    )
