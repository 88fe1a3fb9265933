"""Allows ``python -m assembler`` as well as the ``siap`` console script."""

from __future__ import annotations

import sys

from assembler.cli import main

sys.exit(main())
