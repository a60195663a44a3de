"""Unpacking a ZIP within a byte budget of its own: the sizes a header declares are never trusted.

:func:`unpack` inflates the members a reader needs in chunks of
:data:`CHUNK` bytes and counts what really comes out: it stops at the first
byte over the budget, or over the compression ratio, whatever the headers
say.  Only stored and deflated members are read (the two methods Office
writes); every failure of :mod:`zipfile` or :mod:`zlib` on a broken archive
becomes :class:`~gsgk.errors.InputError`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from ..errors import InputError

CHUNK = 64 * 1024
"""Bytes inflated per step."""
RATIO_FLOOR = 2**20
"""Members smaller than this (1 MiB unpacked) are never refused for their ratio."""

_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError, OSError)
"""What :mod:`zipfile` raises on a broken, truncated or encrypted archive."""


def unpack(data: bytes, *, wanted: Callable[[str], bool], budget: int, ratio: int,
           members: int) -> dict[str, bytes]:
    """The members of the ZIP ``data``, those ``wanted`` unpacked, the others as ``b""``.

    Refused with :class:`InputError`: not a ZIP, more than ``members``
    members, more than ``budget`` bytes unpacked in all, a member over
    :data:`RATIO_FLOOR` unpacked that is ``ratio`` times its compressed size,
    another method than stored or deflated, a broken or encrypted member.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > members:
                raise InputError(f"ZIP refused: {len(infos)} ZIP members (limit {members})")
            unpacked: dict[str, bytes] = {}
            used = 0
            for info in infos:
                if info.is_dir():
                    continue
                content = _inflate(archive, info, budget - used, ratio) if wanted(info.filename) else b""
                used += len(content)
                if used > budget:
                    raise InputError(f"ZIP refused: more than {budget} bytes once unpacked "
                                     "(whatever the headers declare); a ZIP bomb?")
                unpacked[info.filename] = content
            return unpacked
    except InputError:
        raise
    except BROKEN as exc:
        raise InputError(f"not a readable ZIP file: {type(exc).__name__}: {exc}") from None


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, left: int, ratio: int) -> bytes:
    """The member's bytes, inflated until it ends or passes ``left`` bytes (then at most one chunk more)."""
    if info.compress_type not in _METHODS:
        raise InputError(f"ZIP refused: member {info.filename!r} uses compression method "
                         f"{info.compress_type} (only stored and deflated are read)")
    limit = max(ratio * info.compress_size, RATIO_FLOOR)
    out = bytearray()
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            out += chunk
            if len(out) > left:
                break
            if len(out) > limit:
                raise InputError(f"ZIP refused: member {info.filename!r} is compressed more than {ratio} "
                                 "times; a ZIP bomb?")
    return bytes(out)
