"""Output files of the commands: their folder is created when it does not exist yet."""

from __future__ import annotations

import errno
from pathlib import Path


def make_folder_for(path: Path) -> None:
    """Create the folder ``path`` goes into; a file in the way raises ``NotADirectoryError`` naming it."""
    for parent in (path.parent, *path.parent.parents):
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "a file, not a folder: choose another output path",
                                         str(parent))
            break
    path.parent.mkdir(parents=True, exist_ok=True)
