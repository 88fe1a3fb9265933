"""Diagram Alur Pelayanan (3.2): columns in flow order and the PNG."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from assembler.models.tahap3 import AkarMasalah
from assembler.pictures import diagram_alur_pelayanan, gambar_diagram_alur_pelayanan
from assembler.pictures.alur_pelayanan import kolom_alur
from assembler.pictures.common import DPI, ukuran_png

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"
RAW: dict[str, Any] = yaml.safe_load((CONTOH / "3.2-akar-masalah.yaml").read_text(encoding="utf-8"))


def test_columns_follow_the_flow_and_hold_their_causes() -> None:
    cols = kolom_alur(AkarMasalah.model_validate(RAW))
    assert [c.kunci for c in cols] == [
        "rancangan_pelayanan",
        "mobilisasi",
        "penyaluran",
        "menjangkau_kelompok_sasaran",
    ]
    assert cols[0].nama == ["1. Rancangan", "Pelayanan"]
    assert [k for k, _ in cols[2].akar] == ["am-05", "am-06", "am-07"]
    assert " ".join(cols[0].akar[0][1]).startswith("Standar Pelayanan dan Maklumat Pelayanan PDAM")


def test_png_deterministic_and_print_sized() -> None:
    data = AkarMasalah.model_validate(RAW)
    png = diagram_alur_pelayanan(data)
    assert png == diagram_alur_pelayanan.__wrapped__(data)  # drawn again, not from the cache
    w, h = ukuran_png(png)
    assert abs(w / DPI * 25.4 - 160) < 0.5 and 60 < h / DPI * 25.4 < 160
    assert (
        gambar_diagram_alur_pelayanan(data).keterangan == "Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah"
    )


def test_step_without_causes_and_a_crowded_step() -> None:
    raw = copy.deepcopy(RAW)
    raw["akar_masalah"] = [a for a in raw["akar_masalah"] if a["tahap_alur"] != "mobilisasi"] + [
        dict(raw["akar_masalah"][0], id=f"am-z{i}", tahap_alur="penyaluran") for i in range(6)
    ]
    data = AkarMasalah.model_validate(raw)
    cols = kolom_alur(data)
    assert cols[1].akar == [] and len(cols[2].akar) == 9
    assert diagram_alur_pelayanan(data)[:4] == b"\x89PNG"
