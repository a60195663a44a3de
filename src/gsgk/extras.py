"""Optional dependencies, imported when first needed.

Formats and frames rely on well-kept libraries installed as extras
(``gsgk[html]`` lxml, ``gsgk[docx]`` python-docx, ``gsgk[pandas]``,
``gsgk[parquet]`` pyarrow, ``gsgk[batch]`` tqdm); without one, the feature
that needs it raises :class:`~gsgk.MissingExtraError` naming the install.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from .errors import MissingExtraError


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming ``pip install "gsgk[extra]"``."""
    try:
        return import_module(module)
    except ImportError:
        message = f'{module} is needed here: pip install "gsgk[{extra}]"'
        raise MissingExtraError(message, name=module, extra=extra) from None
