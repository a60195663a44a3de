"""``python -m gsgk`` runs the ``gsgk`` command."""

import sys

from .cli import main

sys.exit(main())
