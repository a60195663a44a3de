"""Paths the way pandas readers take them: a file, a folder, a glob, or an iterable of those."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import gsgk
from gsgk.batch import Failure
from gsgk.readers import NOT_READ, SUFFIXES
from gsgk.sources import Skipped, expand

from conftest import SEEDS


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two seeds, one of them as Markdown in a sub-folder, a .wps file and an image."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(gsgk.dumps(gsgk.load(SEEDS[1]), format="markdown"), encoding="utf-8")
    (tmp_path / "sub" / "c.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "sub" / "logo.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_a_string_is_one_path_not_its_characters() -> None:
    assert list(expand("r20")) == ["r20"]
    ((path, failure),) = gsgk.load_many("r20", jobs=1)
    assert path == "r20" and isinstance(failure, Failure) and failure.error == "FileNotFoundError"


def test_a_folder_is_walked_for_every_format_gsgk_reads(folder: Path) -> None:
    assert list(expand(folder)) == [
        str(folder / "a.txt"), str(folder / "sub" / "b.md"),
        Skipped(str(folder / "sub" / "c.wps"), f"not read: {NOT_READ['.wps']}"),
    ]
    results = dict(gsgk.load_many(folder, jobs=1))
    assert results[str(folder / "a.txt")] == gsgk.load(SEEDS[0])
    assert results[str(folder / "sub" / "b.md")].cells == gsgk.load(SEEDS[1]).cells  # type: ignore[union-attr]
    assert results[str(folder / "sub" / "c.wps")] == Failure("Skipped", f"not read: {NOT_READ['.wps']}")


def test_every_readable_format_is_a_walked_suffix() -> None:
    assert {".txt", ".md", ".html", ".htm", ".docx", ".json", ".pdf"} <= SUFFIXES
    assert not SUFFIXES & set(NOT_READ)


def test_globs_and_iterables_of_paths(folder: Path) -> None:
    assert list(expand(str(folder / "**" / "*.md"))) == [str(folder / "sub" / "b.md")]
    assert list(expand([folder / "a.txt", str(folder / "nothing-*.txt")])) == [
        str(folder / "a.txt"), Skipped(str(folder / "nothing-*.txt"), "no file matches this pattern")]


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (skipped,) = expand(tmp_path)
    assert isinstance(skipped, Skipped) and skipped.path == str(tmp_path)
    assert skipped.reason.startswith("the folder holds no report file")


def test_to_frame_takes_a_folder_a_path_object_or_a_report(folder: Path) -> None:
    pytest.importorskip("pandas")
    frame = gsgk.to_frame(folder, jobs=1)
    assert list(frame["file"].unique()) == [str(folder / p) for p in ("a.txt", "sub/b.md", "sub/c.wps")]
    assert len(frame) == 200 * 2 + 1
    assert frame["error"].iloc[-1] == f"not read: {NOT_READ['.wps']}"
    assert gsgk.to_frame(folder / "a.txt")["value"].equals(gsgk.to_frame(gsgk.load(SEEDS[0]))["value"])
