"""The Lark LALR parser over the lexer's tokens, and its transformer to plain nodes.

The grammar is ``report.lark`` and the rules :mod:`gsgk.grammar` generates
from the template; :func:`parse_lines` runs the lexer, feeds its tokens to one
cached LALR parser whose transformer turns each rule into a small node, and
returns a :class:`Document` that carries the lexer's and the parser's
findings.  A token the grammar does not accept where it stands (a stray number
between rows, a loose line in a table) is reported as ``token-unexpected``
with what the template expects there, and skipped, so the rest of the report
is still read; a row of 表二 or 表三 out of the template's order is reported as
``row-order`` and put back among its section's items with its values, so the
builder reads it by its label.  A report that ends where the grammar cannot
end is a :class:`~gsgk.ParseError` with the line quoted.
:mod:`gsgk.builder` turns the document into a ``Report``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import attrs
from lark import Lark, Transformer
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from .errors import ParseError
from .findings import Finding, note
from .grammar import ITEMS, ORDERED, USUAL, grammar, terminal
from .layout import Line
from .lexer import Word, tokenize
from .template import ACTIVE, APPEALS, REQUESTS, Block, Row

TERMINALS = {
    "TITLE": ("the report title", "标题"),
    "TEXT": ("a paragraph", "段落"),
    "SIGNATURE": ("the signature", "落款"),
    "DATE": ("the date", "日期"),
    "HEADING_PROSE": ("a section heading (一、五、六)", "第一、五、六部分的标题"),
    "HEADING_ACTIVE": (f"the heading {ACTIVE.heading}", f"标题「{ACTIVE.heading}」"),
    "HEADING_REQUESTS": (f"the heading {REQUESTS.heading}", f"标题「{REQUESTS.heading}」"),
    "HEADING_APPEALS": (f"the heading {APPEALS.heading}", f"标题「{APPEALS.heading}」"),
    "HEADER": ("a column header", "表头"),
    "GROUP": (f"a group label such as {REQUESTS.blocks[0].rows[4].groups[-1]}",
              f"分组标签（如「{REQUESTS.blocks[0].rows[4].groups[-1]}」）"),
    "LABEL": ("a row label", "行标签"),
    "NUMBER": ("a number", "数值"),
    "LOOSE": ("a number or blank mark on a line of its own", "单独一行的数值或空白标记"),
    "BLANK": ("a blank cell", "空白单元格"),
    "$END": ("the end of the report", "报告结尾"),
}
"""Each terminal in words: English for :class:`ParseError`, Chinese for findings."""


@attrs.frozen
class RowNode:
    label: Word
    values: tuple[Word, ...]


@attrs.frozen
class SectionNode:
    heading: Word
    items: tuple[Word | RowNode, ...]


@attrs.frozen
class Document:
    """The parse of a report: its nodes, the findings made reading it, and the lines it was read from."""

    title: Word | None
    preamble: tuple[Word, ...]
    sections: tuple[SectionNode, ...]
    signature: Word | None
    date: Word | None
    findings: tuple[Finding, ...] = ()
    lines: tuple[Line, ...] = attrs.field(default=(), eq=False, repr=False)
    loose: tuple[Word, ...] = attrs.field(default=(), eq=False, repr=False)
    """Numbers or blank marks printed alone on the line after a row printed on one line (``LOOSE``, skipped)."""


class _TokenStream(Lexer):
    """Lark's custom-lexer hook: the tokens are already made by :mod:`gsgk.lexer`."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Word]:  # type: ignore[override]
        return iter(data)  # one iterator: after a skipped token the parser resumes where it stopped


VALUES = ("NUMBER", "BLANK")


class _Tokens:
    """The lexer's tokens as the parser reads them (a plain iterator: nothing is done per token), and what the
    error handler needs about a token the parser refused: its section, whether its row came before, its values.
    """

    def __init__(self, tokens: Sequence[Word]) -> None:
        self.tokens = tokens
        self.iterator = iter(tokens)
        self.places: dict[int, tuple[int, int, bool]] = {}  # id(token) → index, section, seen before in it

    def _place(self, token: Word) -> tuple[int, int, bool]:
        if not self.places:  # on the first refusal, in one pass
            section, seen = 0, set[str]()
            for i, t in enumerate(self.tokens):
                if t.type.startswith("HEADING_"):
                    section, seen = t.target.number, set()
                self.places[id(t)] = (i, section, t.type in seen)
                seen.add(t.type)
        return self.places[id(token)]

    def position(self, token: Word) -> int:
        return self._place(token)[0]

    def section(self, token: Word) -> int:
        """The number of the section ``token`` stands in (0 before the first heading)."""
        return self._place(token)[1]

    def repeated(self, token: Word) -> bool:
        """Did a token of the same type come before ``token`` in its section (a row printed twice)?"""
        return self._place(token)[2]

    def displaced(self, label: Word) -> RowNode:
        """The row ``label`` (just refused) opens, its values taken out of the parser's way."""
        at = self.position(label) + 1
        end = at
        while end < len(self.tokens) and self.tokens[end].type in VALUES:
            end += 1
        for _ in range(end - at):
            next(self.iterator)
        return RowNode(label, tuple(self.tokens[at:end]))


def _first(tokens: Sequence[Word], type_: str) -> Word | None:
    return next((t for t in tokens if t.type == type_), None)


class _Nodes(Transformer[Word, Any]):
    """Rule → node, applied inside the LALR parser (no tree is built)."""

    def start(self, children: list[Any]) -> Document:
        (title, preamble), *sections, (signature, date) = children
        return Document(title, preamble, tuple(sections), signature, date)

    def front(self, children: list[Word]) -> tuple[Word | None, tuple[Word, ...]]:
        return _first(children, "TITLE"), tuple(t for t in children if t.type == "TEXT")

    def closing(self, children: list[Word]) -> tuple[Word | None, Word | None]:
        return _first(children, "SIGNATURE"), _first(children, "DATE")

    def row(self, children: list[Word]) -> RowNode:
        return RowNode(children[0], tuple(children[1:]))

    def _section(self, children: list[Any]) -> SectionNode:
        return SectionNode(children[0], tuple(children[1:]))

    prose_section = active_section = requests_section = appeals_section = _section


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The one LALR parser over the generated grammar (built on first use, its tables kept by Lark in :func:`cache`)."""
    return Lark(grammar(), parser="lalr", lexer=_TokenStream, transformer=_Nodes(), cache=cache())


def cache() -> str | bool:
    """Where Lark keeps the parser's tables between runs (analysing the grammar takes about 0.2 s, loading 20 ms).

    The user's cache folder (``$XDG_CACHE_HOME/gsgk``, else ``~/.cache/gsgk``), not a shared temporary folder:
    Lark reads the file with pickle.  Lark checks the file against the grammar and rebuilds it when they differ;
    ``False`` (no cache) when the folder cannot be made.
    """
    try:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gsgk"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home, or not writable
        return False
    return str(folder / "grammar.lark-cache")


def parse_lines(lines: Sequence[Line]) -> Document:
    """Tokenise and parse (see the module docstring)."""
    tokens, findings = tokenize(lines)
    stream = _Tokens(tokens)
    displaced: list[Word | RowNode] = []
    loose: list[Word] = []

    def skip(exc: UnexpectedInput) -> bool:
        if not isinstance(exc, UnexpectedToken) or exc.token.type == "$END":
            return False
        if exc.token.type == "LOOSE":
            loose.append(exc.token)
        section = stream.section(exc.token)
        if exc.token.type in ORDERED:
            displaced.append(stream.displaced(exc.token) if isinstance(ORDERED[exc.token.type], Row) else exc.token)
            if not stream.repeated(exc.token):  # a row printed twice is the builder's to report (row-duplicate)
                findings.append(_misplaced(exc, section))
        else:
            findings.append(_skipped(exc, section))
        return True

    try:
        document = cast(Document, parser().parse(stream.iterator, on_error=skip))  # one iterator: resumes go on
    except UnexpectedToken as exc:
        raise _error(exc, lines) from None
    except UnexpectedInput as exc:  # pragma: no cover - the token stream is never text
        raise ParseError(str(exc)) from None
    sections = _put_back(document.sections, displaced, stream.position)
    return attrs.evolve(document, sections=sections, findings=tuple(findings), lines=tuple(lines),
                        loose=tuple(loose))


def _put_back(sections: tuple[SectionNode, ...], displaced: Sequence[Word | RowNode],
              position: Callable[[Word], int]) -> tuple[SectionNode, ...]:
    """The sections with each displaced caption and row put back in its section where it was printed."""
    if not displaced:
        return sections
    items = [list(node.items) for node in sections]

    def at(item: Word | RowNode) -> int:
        return position(item.label if isinstance(item, RowNode) else item)

    for one in displaced:
        k = at(one)
        i = max(j for j, node in enumerate(sections) if position(node.heading) < k)
        items[i].insert(next((j for j, item in enumerate(items[i]) if at(item) > k), len(items[i])), one)
    return tuple(attrs.evolve(node, items=tuple(own)) for node, own in zip(sections, items))


def _words(name: str, language: int) -> str:
    item = ORDERED.get(name)
    if isinstance(item, Row):
        return f"「{item.leaf}」行" if language else f"the row {item.leaf}"
    if isinstance(item, Block):
        return f"表题「{item.caption}」" if language else f"the caption {item.caption}"
    return TERMINALS[name][language] if name in TERMINALS else name


def _expected(exc: UnexpectedToken, language: int = 0, section: int = 0) -> str:
    """What the template expects where the parser stands.

    Inside 表二 and 表三 (``section``) that is the next caption or row it may take (or a later one; of the
    default edition where it has one) and the current row's values; elsewhere every terminal the parser could take.
    """
    ordered = [name for name in (terminal(section, item) for item in ITEMS.get(section, ())) if name in exc.expected]
    others = [name for name in exc.expected if name in VALUES] if ordered else exc.expected
    words = sorted({_words(name, language) for name in others})
    if ordered:
        rows = all(isinstance(ORDERED[name], Row) for name in ordered)
        later = ("或其后各行" if rows else "或其后各项") if language else " or a later one"
        first = next((name for name in ordered if name in USUAL), ordered[0])
        words.insert(0, _words(first, language) + (later if len(ordered) > 1 else ""))
    return "、".join(words) if language else " or ".join(words)


def _skipped(exc: UnexpectedToken, section: int) -> Finding:
    token = exc.token
    text = str(token) or token.type
    return note("token-unexpected", "warning", f"此处不应有{_words(token.type, 1)}「{text}」，已忽略"
                f"（此处应为{_expected(exc, 1, section)}）", token)


def _misplaced(exc: UnexpectedToken, section: int) -> Finding:
    token = exc.token
    expected = _expected(exc, 1, section)
    if isinstance(ORDERED[token.type], Row):
        return note("row-order", "warning", f"「{token}」行不在模板的次序上（此处应为{expected}）；按其行标签读取",
                    token)
    return note("block-order", "warning", f"表题「{token}」不在模板的次序上（此处应为{expected}）；"
                "其后的表头按此表题读取", token)


def _error(exc: UnexpectedToken, lines: Sequence[Line]) -> ParseError:
    last = next((line for line in reversed(lines) if not line.is_blank), None)
    return ParseError(
        "the report ends too early",
        line=last.number if last else 1, column=1,
        expected=_expected(exc), source_line=last.text if last else "",
    )
