"""``python -m amcalc``."""

import sys

from amcalc.cli import main

sys.exit(main())
