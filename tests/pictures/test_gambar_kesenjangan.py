"""Grafik kesenjangan (2.3): rows, axis range and the PNG."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from assembler.models.tahap2 import Kesenjangan
from assembler.pictures import gambar_grafik_kesenjangan, grafik_kesenjangan
from assembler.pictures.common import DPI, ukuran_png
from assembler.pictures.grafik_kesenjangan import baris_grafik, skala_maks

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"
RAW: dict[str, Any] = yaml.safe_load((CONTOH / "2.3-kesenjangan.yaml").read_text(encoding="utf-8"))


def test_rows_carry_both_numbers_and_the_strategic_mark() -> None:
    rows = baris_grafik(Kesenjangan.model_validate(RAW))
    assert len(rows) == 7
    nrw = rows[0]
    assert nrw.nama[0].startswith("★ Tingkat kehilangan air")
    assert nrw.angka == ["Realisasi 2025: 38,6%", "Target: ≤ 25%"]
    assert nrw.persen == 64.77  # lower is better: target / realisasi
    assert rows[1].angka == ["Realisasi 2025: 16 jam/hari", "Target: ≥ 24 jam/hari"]
    assert not rows[3].nama[0].startswith("★")
    assert skala_maks(rows) == 110.0


def test_met_beaten_and_undefined_indicators() -> None:
    raw = copy.deepcopy(RAW)
    raw["indikator"][1]["realisasi"] = 60  # 250 %: the bar is cut at 200 %
    raw["indikator"][4]["realisasi"] = 0  # lower is better with realisasi 0: no percentage
    data = Kesenjangan.model_validate(raw)
    rows = baris_grafik(data)
    assert rows[1].persen == 250.0 and rows[4].persen is None
    assert skala_maks(rows) == 200.0
    assert grafik_kesenjangan(data)[:4] == b"\x89PNG"


def test_png_deterministic_and_print_sized() -> None:
    data = Kesenjangan.model_validate(RAW)
    png = grafik_kesenjangan(data)
    assert png == grafik_kesenjangan.__wrapped__(data)  # drawn again, not from the cache
    w, h = ukuran_png(png)
    assert abs(w / DPI * 25.4 - 160) < 0.5
    assert 60 < h / DPI * 25.4 < 140
    g = gambar_grafik_kesenjangan(data)
    assert g.keterangan == "Gambar 2.1 Grafik Kesenjangan Target dan Realisasi Indikator"


def test_single_indicator() -> None:
    raw = copy.deepcopy(RAW)
    raw["indikator"] = raw["indikator"][:1]
    png = grafik_kesenjangan(Kesenjangan.model_validate(raw))
    assert 20 < ukuran_png(png)[1] / DPI * 25.4 < 50
