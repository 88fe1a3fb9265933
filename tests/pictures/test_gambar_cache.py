"""The picture cache: a rebuild reuses drawings of unchanged inputs, and a damaged entry is redrawn."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from assembler.pictures import common, grafik_kesenjangan
from assembler.validate import validate_workspace
from tests.conftest import CONTOH


@pytest.fixture
def data():  # type: ignore[no-untyped-def]
    return validate_workspace(CONTOH).view().topic("2.3")


def test_a_second_process_reads_the_drawing_from_disk(data, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path))
    first = grafik_kesenjangan(data)
    (entry,) = list((tmp_path / "gambar").glob("*.bin"))
    common._MEMO.clear()  # as if a new build process started
    calls = []
    monkeypatch.setattr(common, "_from_disk", _spy(common._from_disk, calls))
    assert grafik_kesenjangan(data) == first
    assert calls == ["hit"]
    assert entry.stat().st_size > len(first)


def _spy(real, calls):  # type: ignore[no-untyped-def]
    def wrapped(key, draw):  # type: ignore[no-untyped-def]
        def counting_draw():  # type: ignore[no-untyped-def]
            calls.append("draw")
            return draw()

        result = real(key, counting_draw)
        if not calls:
            calls.append("hit")
        return result

    return wrapped


def test_a_damaged_entry_is_drawn_again(data, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path))
    first = grafik_kesenjangan(data)
    (entry,) = list((tmp_path / "gambar").glob("*.bin"))
    entry.write_bytes(entry.read_bytes()[:100])
    common._MEMO.clear()
    assert grafik_kesenjangan(data) == first
    assert first in entry.read_bytes()


def test_a_changed_input_is_a_new_drawing(data, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path))
    first = grafik_kesenjangan(data)
    changed = data.model_copy(deep=True)
    changed.indikator[0].realisasi = Decimal(30)
    assert grafik_kesenjangan(changed) != first
    assert len(list((tmp_path / "gambar").glob("*.bin"))) == 2


def test_an_empty_setting_disables_the_cache(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    assert common.cache_dir() is None


def _flip_last_png_byte(blob: bytes) -> bytes:
    return blob[:-40] + bytes([blob[-40] ^ 0xFF]) + blob[-39:]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:16],  # the 16 bytes a full disk or a killed copy leaves
        lambda blob: b"",
        lambda blob: b"siap-gambar-2\n",  # the magic and nothing else
        lambda blob: blob[:-1],
        _flip_last_png_byte,  # one flipped bit inside a PNG: caught by the digest
        lambda blob: blob + b"extra",
        lambda blob: b"\x00" * len(blob),
    ],
    ids=["16-byte", "empty", "magic-only", "truncated", "bit-flip", "trailing", "zeros"],
)
def test_every_kind_of_damaged_entry_is_ignored_and_redrawn(data, tmp_path: Path, monkeypatch, damage) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path))
    first = grafik_kesenjangan(data)
    (entry,) = list((tmp_path / "gambar").glob("*.bin"))
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    common._MEMO.clear()
    assert grafik_kesenjangan(data) == first
    assert entry.read_bytes() == good  # the bad entry was replaced by a fresh one


def test_a_folder_in_place_of_an_entry_only_costs_a_redraw(data, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path))
    first = grafik_kesenjangan(data)
    (entry,) = list((tmp_path / "gambar").glob("*.bin"))
    entry.unlink()
    entry.mkdir()
    common._MEMO.clear()
    assert grafik_kesenjangan(data) == first
    assert entry.is_dir()
    assert list((tmp_path / "gambar").glob("*.tmp")) == []  # the failed write left nothing behind


def test_a_build_with_16_byte_cache_entries_succeeds(contoh: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: a 16-byte entry used to break every build (exit 70) until the cache was deleted."""
    from assembler.cli import main

    cache = tmp_path / "cache"
    monkeypatch.setenv("SIAP_CACHE_DIR", str(cache))
    out1, out2 = tmp_path / "k1", tmp_path / "k2"
    assert main(["build", str(contoh), "-o", str(out1), "--only", "sk-pokja"], stdout=io.StringIO()) == 0
    entries = list((cache / "gambar").glob("*.bin"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:16])
    common._MEMO.clear()
    err = io.StringIO()
    assert main(["build", str(contoh), "-o", str(out2), "--only", "sk-pokja"], stdout=io.StringIO(), stderr=err) == 0
    assert err.getvalue() == ""
    assert (out2 / "01-sk-pokja.docx").read_bytes() == (out1 / "01-sk-pokja.docx").read_bytes()
