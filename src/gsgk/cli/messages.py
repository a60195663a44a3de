"""Errors as the one line the command prints: what went wrong, with which file."""

from __future__ import annotations

from ..errors import GsgkError


def describe(exc: BaseException) -> str:
    """``exc`` in one line: the file and the reason for an ``OSError``, the first line of
    a gsgk error (a parse error's quoted line and caret follow it only in Python)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    text = str(exc).splitlines()
    first = text[0] if text else type(exc).__name__
    return first if isinstance(exc, GsgkError) else f"{type(exc).__name__}: {first}"
