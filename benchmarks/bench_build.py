"""Benchmarks of whole builds, and of the print step against a bare LibreOffice conversion.

Run: ``python -m pytest benchmarks/`` (pytest-benchmark prints the figures; nothing is asserted
about time). Build times are CPU work in one process: interpreter start is excluded, the first
round pays for imports and template compilation, later rounds show a warm build.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from assembler.build import build

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"
SIX = ["sk-pokja", "hubungan-antar-kebijakan", "smart-logframe", "citizen-charter", "juklak-juknis", "best-practice"]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"


@pytest.fixture(autouse=True)
def _picture_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Benchmarks draw pictures unless a test fills its own cache; the user's cache is never touched."""
    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    return tmp_path / "cache"


def _forget_pictures() -> None:
    """Each round starts without the pictures this process remembers, as a new ``siap build`` does."""
    from assembler.pictures import common

    common._MEMO.clear()


def test_six_official_drafts(benchmark: Any, out_dir: Path) -> None:
    result = benchmark.pedantic(build, args=(CONTOH, out_dir, SIX), setup=_forget_pictures, rounds=5)
    assert len(result.built) == 6


def test_six_official_drafts_rebuild_with_picture_cache(
    benchmark: Any, out_dir: Path, _picture_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The usual rebuild: pictures of unchanged inputs come from the disk cache."""
    monkeypatch.setenv("SIAP_CACHE_DIR", str(_picture_cache))
    build(CONTOH, out_dir, SIX)
    result = benchmark.pedantic(build, args=(CONTOH, out_dir, SIX), setup=_forget_pictures, rounds=5)
    assert len(result.built) == 6


def test_full_package(benchmark: Any, out_dir: Path) -> None:
    result = benchmark.pedantic(build, args=(CONTOH, out_dir), setup=_forget_pictures, rounds=5)
    assert len(result.built) == 36  # 8 drafts and minutes, 7 working papers, 21 meeting kits


def test_cli_cold_start_full_package(benchmark: Any, tmp_path: Path) -> None:
    """A user's ``siap build``: a fresh interpreter, imports and all (what the README calls cold)."""
    import sys

    siap = Path(sys.executable).with_name("siap")
    benchmark.pedantic(
        subprocess.run,
        args=([str(siap), "build", str(CONTOH), "-o", str(tmp_path / "out")],),
        kwargs={"check": True, "capture_output": True},
        rounds=3,
        iterations=1,
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_of_full_package(benchmark: Any, out_dir: Path) -> None:
    """``siap build --pdf``: one office run via UNO (tables of contents updated) for every document."""
    result = benchmark.pedantic(build, args=(CONTOH, out_dir), kwargs={"pdf": True}, rounds=2, iterations=1)
    assert result.pdf_error is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_bare_soffice_convert_of_the_same_files(benchmark: Any, tmp_path: Path) -> None:
    """The baseline: ``soffice --headless --convert-to pdf`` of the same .docx files in one run."""
    build(CONTOH, tmp_path / "docx")
    files = sorted(str(p) for p in (tmp_path / "docx").glob("*.docx"))

    def convert() -> None:
        with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as pdf_dir:
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                 "--outdir", pdf_dir, *files],
                check=True, capture_output=True, timeout=600,
            )

    benchmark.pedantic(convert, rounds=2, iterations=1)
