"""Where the shipped data lives: ``content/`` and ``templates_docx/`` are package data of ``assembler``.

They sit inside the package (``assembler/content``, ``assembler/templates_docx``) so that the same
lookup through :mod:`importlib.resources` works in a source checkout, an editable install and a
wheel installed by pip or pipx on Windows, macOS or Linux. The example workspace is a test and
documentation fixture of the checkout and is not shipped: :data:`CONTOH_DIR` may not exist.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_folder(name: str) -> Path:
    """The shipped folder ``name`` of the package as a real path (docxtpl and globbing need one).

    pip and pipx always install unzipped, so the traversable is a plain path; a zipped import (not
    supported) fails here with a clear reason rather than later with a missing file.
    """
    found = resources.files("assembler").joinpath(name)
    if not isinstance(found, Path):  # pragma: no cover - only for a zipapp or zipped egg
        raise RuntimeError(f"siap must be installed unzipped to read its {name}/ folder")
    return found


CONTENT_DIR = package_folder("content")
TEMPLATES_DIR = package_folder("templates_docx")
#: The example workspace of a source checkout (absent from an installed wheel).
CONTOH_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "contoh"
