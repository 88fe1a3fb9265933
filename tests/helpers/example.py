"""Build the example workspace (or an edited copy) the way the document tests need it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assembler.build import build
from tests.conftest import CONTOH, replace_in


def build_docs(workspace: Path, out: Path, only: list[str]) -> dict[str, Path]:
    """Build exactly the documents ``only`` into ``out``; assert they were all built, in that order."""
    report = build(workspace, out, only=only)
    assert [d.id for d in report.built] == only
    return {d.id: out / d.file for d in report.built}


def build_example(
    tmp_path_factory: pytest.TempPathFactory, only: list[str], workspace: Path = CONTOH
) -> dict[str, Path]:
    """``build_docs`` into a fresh folder, for module-scoped fixtures that share one build."""
    return build_docs(workspace, tmp_path_factory.mktemp("build") / "out", only)


def copy_example(target: Path) -> Path:
    """A copy of fixtures/contoh at ``target`` without any build output, for a test to edit."""
    shutil.copytree(CONTOH, target, ignore=shutil.ignore_patterns("keluaran*"))
    return target


#: How a Kota's secretariat writes what the example's Kabupaten wrote (its own prose, not siap's).
KOTA_PROSA = (
    ("Kabupaten Lembah Sari", "Kota Lembah Sari"),
    ("KABUPATEN LEMBAH SARI", "KOTA LEMBAH SARI"),
    ("Pemerintah Kabupaten", "Pemerintah Kota"),
    ("Wakil Bupati", "Wakil Walikota"),
    ("Bupati", "Walikota"),
)


def kota_variant(workspace: Path) -> Path:
    """Turn the example's Kabupaten into a Kota, in place (the Walikota variant of every document).

    stpp.yaml says 'kota'; the topics' own prose is written as a Kota's secretariat would write it, so
    whatever still says Bupati or Kabupaten in a built document came from siap (issue 11).
    """
    replace_in(workspace / "stpp.yaml", "jenis: kabupaten", "jenis: kota")
    for path in sorted(workspace.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for kabupaten, kota in KOTA_PROSA:
            text = text.replace(kabupaten, kota)
        path.write_text(text, encoding="utf-8")
    return workspace
