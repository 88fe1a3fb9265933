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


def kota_variant(workspace: Path) -> Path:
    """Turn the example's Kabupaten into a Kota, in place (the Walikota variant of every document)."""
    replace_in(workspace / "stpp.yaml", "jenis: kabupaten", "jenis: kota")
    return workspace
