"""The picture cache: a rebuild reuses drawings of unchanged inputs, and a damaged entry is redrawn."""

from __future__ import annotations

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
