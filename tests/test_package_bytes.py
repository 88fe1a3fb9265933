"""The bytes of a build are pinned: speed work (issue 16) must leave every byte of the package alone.

The golden file holds the SHA-256 of every document of a whole build of fixtures/contoh that has no
picture (a picture's PNG depends on the installed FreeType and Graphviz, which a golden cannot pin;
those are compared serial against parallel in ``tests/pictures/test_gambar_paralel.py``). A change
of templates, example or document code changes these on purpose: regenerate with ``--force-regen``
and say in the commit which documents changed and why. A change that only makes siap faster must not.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from typing import Any

from assembler.build import build
from tests.conftest import CONTOH


def _has_picture(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        return any(name.startswith("word/media/") for name in zf.namelist())


def test_documents_without_pictures_keep_their_bytes(tmp_path: Path, data_regression: Any) -> None:
    build(CONTOH, tmp_path / "out")
    documents = sorted((tmp_path / "out").glob("*.docx"))
    plain = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in documents if not _has_picture(p)}
    assert len(plain) > len(documents) // 2  # most documents have no picture: the pin covers most of a build
    data_regression.check(plain)
