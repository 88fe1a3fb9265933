"""Make ``fcntl`` unavailable, as on Windows: the test suite can run as if POSIX locking did not exist.

``SIAP_TEST_NO_FCNTL=1 .venv/bin/python -m pytest`` installs the blocker in ``tests/conftest.py`` before
anything else is imported, and puts this folder on ``PYTHONPATH`` so that the ``sitecustomize`` here
installs it in every Python the tests start too (``python -m assembler`` subprocesses). Any
``import fcntl`` then fails with ModuleNotFoundError, as it does on Windows; libraries that choose a
backend at import time (filelock) take their non-fcntl path.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ENV = "SIAP_TEST_NO_FCNTL"
BLOCKED = ("fcntl",)
HERE = Path(__file__).resolve().parent


class _Blocker(importlib.abc.MetaPathFinder):
    """A finder consulted first that refuses the blocked modules."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> None:
        if fullname in BLOCKED:
            raise ModuleNotFoundError(f"No module named '{fullname}' (blocked by {ENV})", name=fullname)
        return None


def install(*, subprocesses: bool = False) -> None:
    """Block the import from now on; forget modules already imported that chose an fcntl backend."""
    if not any(isinstance(f, _Blocker) for f in sys.meta_path):
        sys.meta_path.insert(0, _Blocker())
    for name in list(sys.modules):
        if name in BLOCKED or name == "filelock" or name.startswith("filelock."):
            del sys.modules[name]
    if subprocesses:
        os.environ[ENV] = "1"
        parts = [str(HERE), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(parts))


def active() -> bool:
    """Whether this interpreter runs with the blocker."""
    return any(isinstance(f, _Blocker) for f in sys.meta_path)
