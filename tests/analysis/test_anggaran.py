"""Budget totals of the Skema Tindakan: exact Rupiah per keluaran, aspect, funding source and year."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from assembler.analysis.anggaran import (
    RingkasanAnggaran,
    TotalAspek,
    TotalKeluaran,
    TotalSumberDana,
    TotalTahun,
    anggaran_workspace,
    aspek_tindakan,
    ringkas_anggaran,
)
from assembler.models.tahap5 import SkemaTindakan
from assembler.workspace_view import WorkspaceView

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"

ASPEK_CONTOH = {
    "tk-01": "teknis",
    "tk-02": "teknis",
    "tk-03": "teknis",
    "fn-01": "finansial",
    "fn-02": "finansial",
    "mj-01": "manajemen",
    "mj-02": "manajemen",
    "mj-03": "manajemen",
    "mj-04": "manajemen",
}


@pytest.fixture
def skema() -> SkemaTindakan:
    data = yaml.safe_load((CONTOH / "5.1-skema-tindakan.yaml").read_text(encoding="utf-8"))
    return SkemaTindakan.model_validate(data)


def kegiatan(
    kid: str, tindakan: str, biaya: dict[int, int], sumber: str, mulai: str = "2026-01", selesai: str = "2028-12"
) -> dict[str, Any]:
    return {
        "id": kid,
        "rumusan": f"Kegiatan {kid}",
        "tindakan": tindakan,
        "jadwal": {"mulai": mulai, "selesai": selesai},
        "pelaksana": "Perumda Air Minum",
        "penanggung_jawab": "u-teknik",
        "biaya_per_tahun": biaya,
        "sumber_dana": sumber,
    }


def skema_kecil(*keluaran: list[dict[str, Any]]) -> SkemaTindakan:
    indikator = {
        "id": "il-x",
        "ukuran": "u",
        "satuan": "%",
        "baseline": 0,
        "target": 1,
        "tenggat": "2027-12",
        "sumber_verifikasi": "laporan",
    }
    return SkemaTindakan.model_validate(
        {
            "tujuan": {
                "id": "tj",
                "rumusan": "tujuan",
                "indikator": [indikator],
                "sasaran": [
                    {
                        "id": "ss",
                        "rumusan": "sasaran",
                        "indikator": [{**indikator, "id": "il-y"}],
                        "keluaran": [
                            {
                                "id": f"kl-{i}",
                                "rumusan": f"keluaran {i}",
                                "indikator": [{**indikator, "id": f"il-{i}"}],
                                "kegiatan": kg,
                            }
                            for i, kg in enumerate(keluaran, start=1)
                        ],
                    }
                ],
            }
        }
    )


def test_contoh_totals_per_keluaran_source_and_year(skema: SkemaTindakan) -> None:
    r = ringkas_anggaran(skema)
    assert [(t.keluaran, t.jumlah) for t in r.per_keluaran] == [
        ("kl-1", 3_700_000_000),
        ("kl-2", 2_225_000_000),
        ("kl-3", 550_000_000),
        ("kl-4", 550_000_000),
    ]
    assert r.per_sumber_dana == (
        TotalSumberDana("APBD", 2_225_000_000),
        TotalSumberDana("APBN/DAK", 2_450_000_000),
        TotalSumberDana("PDAM (RKAP)", 2_200_000_000),
        TotalSumberDana("Hibah/CSR", 150_000_000),
    )
    assert r.per_tahun == (TotalTahun(2026, 4_105_000_000), TotalTahun(2027, 2_920_000_000))
    assert r.total == 7_025_000_000


def test_contoh_aspect_unknown_without_4_7(skema: SkemaTindakan) -> None:
    assert ringkas_anggaran(skema).per_aspek == (TotalAspek(None, 7_025_000_000),)


def test_contoh_totals_per_aspect(skema: SkemaTindakan) -> None:
    assert ringkas_anggaran(skema, ASPEK_CONTOH).per_aspek == (
        TotalAspek("teknis", 5_925_000_000),
        TotalAspek("finansial", 390_000_000),
        TotalAspek("manajemen", 710_000_000),
    )


def test_every_breakdown_adds_up_to_the_grand_total(skema: SkemaTindakan) -> None:
    r = ringkas_anggaran(skema, ASPEK_CONTOH)
    for rows in (r.per_keluaran, r.per_aspek, r.per_sumber_dana, r.per_tahun):
        assert sum(row.jumlah for row in rows) == r.total


def test_order_is_fixed_not_first_seen() -> None:
    skema = skema_kecil(
        [
            kegiatan("a", "mj-01", {2028: 5, 2026: 7}, "Hibah/CSR"),
            kegiatan("b", "zz-01", {2027: 11}, "APBD"),
        ],
        [
            kegiatan("c", "fn-01", {2026: 13}, "PDAM (RKAP)"),
            kegiatan("d", "tk-01", {2027: 17}, "APBD"),
        ],
    )
    r = ringkas_anggaran(skema, {"mj-01": "manajemen", "fn-01": "finansial", "tk-01": "teknis"})
    assert r == RingkasanAnggaran(
        per_keluaran=(TotalKeluaran("kl-1", "keluaran 1", 23), TotalKeluaran("kl-2", "keluaran 2", 30)),
        per_aspek=(
            TotalAspek("teknis", 17),
            TotalAspek("finansial", 13),
            TotalAspek("manajemen", 12),
            TotalAspek(None, 11),  # zz-01 is not in 4.7: unknown, listed last
        ),
        per_sumber_dana=(
            TotalSumberDana("APBD", 28),
            TotalSumberDana("PDAM (RKAP)", 13),
            TotalSumberDana("Hibah/CSR", 12),
        ),
        per_tahun=(TotalTahun(2026, 20), TotalTahun(2027, 28), TotalTahun(2028, 5)),
        total=53,
    )


def test_aspek_tindakan_reads_4_7() -> None:
    prioritas = SimpleNamespace(
        tindakan=[SimpleNamespace(id="tk-01", aspek="teknis"), SimpleNamespace(id="mj-02", aspek="manajemen")]
    )
    assert aspek_tindakan(prioritas) == {"tk-01": "teknis", "mj-02": "manajemen"}  # type: ignore[arg-type]
    assert aspek_tindakan(None) == {}


def test_anggaran_workspace(skema: SkemaTindakan) -> None:
    assert anggaran_workspace(WorkspaceView(stpp=None, topics={})) is None
    prioritas = SimpleNamespace(tindakan=[SimpleNamespace(id=k, aspek=v) for k, v in ASPEK_CONTOH.items()])
    ws = WorkspaceView(stpp=None, topics={"5.1": skema, "4.7": prioritas})  # type: ignore[dict-item]
    r = anggaran_workspace(ws)
    assert r is not None
    assert [a.aspek for a in r.per_aspek] == ["teknis", "finansial", "manajemen"]
    assert r.total == 7_025_000_000


def test_aspects_from_the_example_4_7(skema: SkemaTindakan) -> None:
    from assembler.models.tahap4 import Prioritas

    data = yaml.safe_load((CONTOH / "4.7-prioritas.yaml").read_text(encoding="utf-8"))
    assert aspek_tindakan(Prioritas.model_validate(data)) == ASPEK_CONTOH
