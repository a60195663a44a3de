"""``python -m gsgk.cli`` runs the ``gsgk`` command."""

import sys

from . import main

sys.exit(main())
