"""Bagan Alir prosedur (4.2): DOT content, change marks, totals, parts and the PNG."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from assembler.models.tahap4 import Prosedur
from assembler.pictures import bagan_alir_prosedur, gambar_bagan_alir_prosedur, potongan_bagan_alir_prosedur
from assembler.pictures.bagan_alir import bagian_bagan_alir, sumber_bagan_alir, teks_total, total_durasi
from assembler.pictures.common import TINGGI_MAKS_MM, ukuran_alami_mm

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"
RAW: dict[str, Any] = yaml.safe_load((CONTOH / "4.2-prosedur.yaml").read_text(encoding="utf-8"))
PROSEDUR = Prosedur.model_validate(RAW)


def _flat(dot: str) -> str:
    return dot.replace("<BR/>", " ")


def test_dot_has_every_step_with_its_change_tag_and_totals() -> None:
    layanan = PROSEDUR.layanan[0]
    dot = sumber_bagan_alir(layanan)
    flat = _flat(dot)
    for s in layanan.langkah_saat_ini:
        assert f"<B>{s.kode}</B>  <B>[{s.perubahan.jenis}]</B>" in dot
        assert s.uraian in flat
    for b in layanan.langkah_perbaikan:
        assert f"<B>{b.kode}</B><BR/>" in dot  # no change tag on the improved steps
        assert b.uraian in flat
    assert "8 langkah, 14 hari kerja" in dot
    assert "4 langkah, 4 hari kerja + 30 menit" in dot
    assert 'style="filled,dashed"' in dot  # A7 dihapus: dashed border for black-and-white print
    assert "dilimpahkan kepada Kepala Bagian Hubungan Langganan" in flat
    assert "cluster_a" in dot and "cluster_b" in dot


def test_totals_combine_minutes_and_hours_but_not_days() -> None:
    layanan = PROSEDUR.layanan[1]
    assert teks_total(total_durasi(layanan.langkah_saat_ini)) == "2 hari + 8 hari kerja"
    assert teks_total(total_durasi(layanan.langkah_perbaikan)) == "2 hari kerja + 3 jam"
    assert teks_total({}) == "0 menit"


def test_png_deterministic_and_print_sized() -> None:
    layanan = PROSEDUR.layanan[0]
    png = bagan_alir_prosedur(layanan)
    assert png == bagan_alir_prosedur.__wrapped__(layanan)  # drawn again, not from the cache
    lebar, tinggi = ukuran_alami_mm(png)
    assert 140 < lebar < 166 and tinggi <= TINGGI_MAKS_MM
    [g] = gambar_bagan_alir_prosedur(layanan, "4.1")
    assert g.keterangan == "Gambar 4.1 Bagan Alir Prosedur Pemasangan Sambungan Baru"
    assert g.lebar_mm <= 160


def test_twenty_five_steps_are_cut_into_parts() -> None:
    raw = copy.deepcopy(RAW)
    layanan = raw["layanan"][0]
    steps = []
    for i in range(25):
        s = copy.deepcopy(layanan["langkah_saat_ini"][i % 8])
        s["kode"] = f"A{i + 1}"
        steps.append(s)
    layanan["langkah_saat_ini"] = steps
    data = Prosedur.model_validate(raw).layanan[0]
    parts = bagian_bagan_alir(data)
    assert [len(a) for a, _b in parts] == [6, 6, 6, 7]
    assert [len(b) for _a, b in parts] == [1, 1, 1, 1]
    flat = "".join(_flat(sumber_bagan_alir(data, a, b)) for a, b in parts)
    for s in data.langkah_saat_ini:
        assert f"<B>{s.kode}</B>" in flat
    assert "… lanjutan" in flat and "bersambung …" in flat
    pngs = potongan_bagan_alir_prosedur(data)
    assert len(pngs) == 4
    for png in pngs:
        assert ukuran_alami_mm(png)[1] <= TINGGI_MAKS_MM
    assert gambar_bagan_alir_prosedur(data)[3].keterangan.endswith("(bagian 4 dari 4)")


def test_single_step_procedure() -> None:
    raw = copy.deepcopy(RAW)
    layanan = raw["layanan"][0]
    layanan["langkah_saat_ini"] = [dict(layanan["langkah_saat_ini"][7], uraian="x" * 300)]
    layanan["langkah_perbaikan"] = [layanan["langkah_perbaikan"][3]]
    data = Prosedur.model_validate(raw).layanan[0]
    assert bagian_bagan_alir(data) == [(range(1), range(1))]
    assert bagan_alir_prosedur(data)[:4] == b"\x89PNG"
