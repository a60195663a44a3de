"""What a path argument names: a file, a folder, a glob, or an iterable of those.

:func:`gsgk.load_many`, :func:`gsgk.to_frame` and the ``gsgk`` command expand
their inputs here, the way pandas readers take a path.  A folder is walked
recursively (sorted) for every suffix in :data:`gsgk.readers.SUFFIXES`; a file
with a suffix of :data:`gsgk.readers.NOT_READ` is :class:`Skipped` with its
reason, as are a glob that matches nothing and a folder with no report in it,
so every input is accounted for.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import attrs

from .readers import NOT_READ, SUFFIXES

Source = str | os.PathLike[str]
"""A path to a report file or folder, or a glob."""
T = TypeVar("T")


@attrs.frozen
class Skipped:
    """A path that names no file to read, and why."""

    path: str
    reason: str


def expand(sources: Source | Iterable[Source | T]) -> Iterator[str | Skipped | T]:
    """The files ``sources`` name, in order, with a :class:`Skipped` for what is not read.

    A path (``str`` or ``os.PathLike``) that is a folder is walked; one that
    does not exist but has glob characters is matched (sorted, ``**`` recursive);
    any other path is yielded as given (a missing file fails when loaded).
    Items of an iterable that are not paths (reports) pass through unchanged.
    """
    if isinstance(sources, (str, os.PathLike)):
        yield from _expand_one(os.fspath(sources))
        return
    for item in sources:
        if isinstance(item, (str, os.PathLike)):
            yield from _expand_one(os.fspath(item))
        else:
            yield item


def _expand_one(path: str) -> Iterator[str | Skipped]:
    if os.path.isdir(path):
        yield from _walk(path)
    elif not os.path.exists(path) and glob.has_magic(path):
        matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
        yield from matches
        if not matches:
            yield Skipped(path, "no file matches this pattern")
    else:
        yield path


def _walk(folder: str) -> Iterator[str | Skipped]:
    found = False
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            suffix = Path(name).suffix.lower()
            if suffix in SUFFIXES:
                found = True
                yield os.path.join(root, name)
            elif suffix in NOT_READ:
                found = True
                yield Skipped(os.path.join(root, name), f"not read: {NOT_READ[suffix]}")
    if not found:
        yield Skipped(folder, f"the folder holds no report file ({', '.join(sorted(SUFFIXES))})")
