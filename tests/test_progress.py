"""The progress line: on a terminal only, after about a second, erased at the end; --quiet silences it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assembler import progress
from assembler.cli import main
from tests.conftest import CONTOH


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _build(tmp_path: Path, err: io.StringIO, *extra: str) -> str:
    out = io.StringIO()
    code = main(
        ["build", str(CONTOH), "-o", str(tmp_path / "out"), "--only", "hubungan-antar-kebijakan", *extra],
        stdout=out,
        stderr=err,
    )
    assert code == 0
    return out.getvalue()


def test_a_terminal_sees_each_step_and_the_line_is_erased(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    err = Terminal()
    _build(tmp_path, err)
    shown = err.getvalue()
    assert "\rmemeriksa ruang kerja" in shown
    assert "\rmenyusun naskah 1 dari 1: hubungan-antar-kebijakan" in shown
    assert "\rmenulis paket" in shown
    erased = "\r" + " " * len("menulis paket") + "\r"
    assert erased in shown
    assert "\r" not in shown.split(erased)[-1]  # after the erase only whole lines (the example's warnings)


def test_english_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    err = Terminal()
    _build(tmp_path, err, "--lang", "en")
    assert "\rcomposing document 1 of 1: hubungan-antar-kebijakan" in err.getvalue()


def test_a_quick_build_shows_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY_S", 3600.0)
    err = Terminal()
    _build(tmp_path, err)
    assert err.getvalue() == ""


def test_quiet_and_pipes_show_nothing_and_the_output_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    quiet = Terminal()
    first = _build(tmp_path, quiet, "--quiet")
    piped = io.StringIO()
    second = _build(tmp_path, piped)
    assert quiet.getvalue() == piped.getvalue()
    assert piped.getvalue() == ""
    assert first == second
    assert "hubungan-antar-kebijakan" in first
