"""Bagan Bawang Kegiatan (7.2): layout facts and the rendered PNG."""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import yaml

from assembler.models.tahap5 import SkemaTindakan
from assembler.models.tahap7 import DokumentasiReplikasi
from assembler.pictures import bagan_bawang, gambar_bagan_bawang
from assembler.pictures.bagan_bawang import _BADGE, LEBAR_MM, tata_letak
from assembler.pictures.common import DPI, lebar_teks_mm, ukuran_png

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"


def _raw(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CONTOH / name).read_text(encoding="utf-8"))
    return data


DOK = _raw("7.2-dokumentasi-replikasi.yaml")
SKEMA = SkemaTindakan.model_validate(_raw("5.1-skema-tindakan.yaml"))


def _dok(rings: list[list[str]]) -> DokumentasiReplikasi:
    raw = copy.deepcopy(DOK)
    raw["bagan_bawang"] = [{"kegiatan": r, "keterangan": f"Lingkaran uji {i}"} for i, r in enumerate(rings)]
    return DokumentasiReplikasi.model_validate(raw)


def test_innermost_ring_holds_exactly_the_one_activity() -> None:
    layout = tata_letak(DokumentasiReplikasi.model_validate(DOK), SKEMA)
    inti = layout.lingkaran[0]
    assert [p.kegiatan for p in inti.kegiatan] == ["kg-1.2"]
    assert (inti.kegiatan[0].x, inti.kegiatan[0].y) == layout.pusat  # drawn at the very centre
    assert inti.kegiatan[0].nama.startswith("Pembentukan 12 zona DMA")
    assert [len(r.kegiatan) for r in layout.lingkaran] == [1, 3, 4, 4]
    assert [p.nomor for r in layout.lingkaran for p in r.kegiatan] == list(range(1, 13))


def test_badges_sit_inside_their_ring_and_never_touch() -> None:
    layout = tata_letak(_dok([["kg-1.2"], ["kg-1.1", "kg-1.3"], [f"kg-x{i}" for i in range(30)]]), None)
    cx, cy = layout.pusat
    for ring in layout.lingkaran[1:]:
        for p in ring.kegiatan:
            r = math.hypot(p.x - cx, p.y - cy)
            assert ring.r_dalam + _BADGE <= r + 1e-6 and r + _BADGE <= ring.r_luar + 1e-6
        pts = ring.kegiatan
        for a in pts:
            for b in pts:
                if a is not b:
                    assert math.hypot(a.x - b.x, a.y - b.y) >= 2 * _BADGE


def test_key_lines_fit_the_width_and_stay_clear_of_the_rings() -> None:
    layout = tata_letak(DokumentasiReplikasi.model_validate(DOK), SKEMA)
    cx, cy = layout.pusat
    radius = layout.lingkaran[-1].r_luar
    for line in layout.kunci:
        right = line.x + lebar_teks_mm(line.teks, 8.5, line.tebal)
        assert right <= LEBAR_MM - 2.0, line.teks
        beside = line.x > cx + radius
        below = line.y < cy - radius
        assert beside or below, line.teks
        assert 0 < line.y < layout.tinggi_mm
    texts = " ".join(line.teks for line in layout.kunci)
    assert "Lingkaran 1 (inti)" in texts
    assert "Sosialisasi Maklumat Pelayanan" in texts


def test_render_is_deterministic_and_print_sized() -> None:
    dok = DokumentasiReplikasi.model_validate(DOK)
    png = bagan_bawang(dok, SKEMA)
    assert png == bagan_bawang.__wrapped__(dok, SKEMA)  # drawn again, not from the cache
    w, h = ukuran_png(png)
    assert abs(w / DPI * 25.4 - 160) < 0.5  # drawn at its print width: font sizes are paper sizes
    assert 80 < h / DPI * 25.4 < 235
    g = gambar_bagan_bawang(dok, SKEMA)
    assert g.keterangan == "Gambar 7.1 Bagan Bawang Kegiatan"
    assert g.lebar_mm == 159.9


def test_single_activity_and_codes_without_5_1() -> None:
    png = bagan_bawang(_dok([["kg-1.2"]]), None)
    w, h = ukuran_png(png)
    assert w > 1800 and 300 < h < 1400
    layout = tata_letak(_dok([["kg-1.2"]]), None)
    assert [line.teks for line in layout.kunci if line.nomor] == ["kg-1.2"]


def test_many_and_long_activities_do_not_crash() -> None:
    long_ids = [f"kg-{i}" for i in range(40)]
    dok = _dok([["kg-1.2"], long_ids[:10], long_ids[10:]])
    layout = tata_letak(dok, None)
    assert layout.tinggi_mm > 100
    assert bagan_bawang(dok, None)[:4] == b"\x89PNG"
    raw = copy.deepcopy(_raw("5.1-skema-tindakan.yaml"))
    kg = raw["tujuan"]["sasaran"][0]["keluaran"][0]["kegiatan"][0]
    kg["rumusan"] = "Pembentukan " + "zona-distribusi-terukur-yang-sangat-panjang " * 6
    skema = SkemaTindakan.model_validate(raw)
    layout = tata_letak(DokumentasiReplikasi.model_validate(DOK), skema)
    for line in layout.kunci:
        assert line.x + lebar_teks_mm(line.teks, 8.5, line.tebal) <= LEBAR_MM - 2.0
