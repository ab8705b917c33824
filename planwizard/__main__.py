"""Run planwizard as ``python -m planwizard``."""

import sys

from planwizard.cli import main

sys.exit(main())
