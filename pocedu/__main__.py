"""``python -m pocedu`` is the ``pocedu`` command."""

import sys

from .cli import main

sys.exit(main())
