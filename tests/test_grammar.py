"""The grammar's rows come from the template, in its order; the parser's tables are cached where the user owns."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from gsgk.grammar import grammar, terminal
from gsgk.lexer import tokenize
from gsgk.parser import cache
from gsgk.readers import read_lines
from gsgk.template import EDITIONS, Row, Section

from conftest import SEEDS


@pytest.mark.parametrize("edition", sorted(EDITIONS))
@pytest.mark.parametrize("section", [2, 3])
def test_every_caption_and_row_of_every_edition_is_a_terminal_in_template_order(edition: int, section: int) -> None:
    blocks = EDITIONS[edition].section(section).blocks
    items = [item for block in blocks for item in ((block,) if block.caption else ()) + block.rows]
    rules = grammar()[grammar().index("generated from gsgk.template"):].split("\n")
    places = [next(i for i, rule in enumerate(rules) if f" {terminal(section, item)} " in f"{rule} ") for item in items]
    assert places == sorted(places)


def test_no_label_is_typed_in_the_grammar() -> None:
    labels = {row.leaf for t in EDITIONS.values() for s in t.sections for b in s.blocks for row in b.rows}
    assert [label for label in labels if label in grammar()] == []


def test_the_cache_is_the_users_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache() == str(tmp_path / "gsgk" / "grammar.lark-cache")
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file where the folder should be
    assert cache() is False


def test_tokens_keep_what_they_were_recognised_as_when_copied_or_pickled() -> None:
    tokens, _ = tokenize(read_lines(SEEDS[0].read_bytes(), "text"))
    for copied in (copy.deepcopy(tokens), pickle.loads(pickle.dumps(tokens))):
        assert [(t.type, str(t), t.line, t.column, t.target) for t in copied] \
            == [(t.type, str(t), t.line, t.column, t.target) for t in tokens]
    assert any(isinstance(t.target, Section) for t in tokens) and any(isinstance(t.target, Row) for t in tokens)
