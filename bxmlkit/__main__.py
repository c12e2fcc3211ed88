"""``python -m bxmlkit`` runs the command line."""

import sys

from bxmlkit.cli import main

sys.exit(main())
