"""The 21 topics of the guide, their files and their models: the one table the pipeline reads.

Models are imported lazily by dotted name so each stage's module stays independent.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from assembler.models.base import SiapModel

STPP_FILE = "stpp.yaml"


@dataclass(frozen=True)
class Topik:
    """One topic (Topik) of one stage (Tahap) of the STPP guide."""

    id: str
    tahap: int
    file: str
    judul: str
    model_path: str

    @property
    def model(self) -> type[SiapModel]:
        return _import(self.model_path)


@cache
def _import(dotted: str) -> type[SiapModel]:
    module, _, name = dotted.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, SiapModel)
    return cls  # type: ignore[no-any-return]


TAHAP_JUDUL: dict[int, str] = {
    1: "Persiapan dan Pengenalan",
    2: "Analisis Isu Strategis",
    3: "Analisis Kebutuhan",
    4: "Analisis Peningkatan Kapasitas Pelayanan PDAM",
    5: "Perumusan Skema Tindakan Peningkatan Pelayanan",
    6: "Pengawalan Pelaksanaan",
    7: "Monev dan Replikasi",
}

_M = "assembler.models"

TOPIK: tuple[Topik, ...] = (
    Topik("1.1", 1, "1.1-stakeholder-pokja.yaml",
          "Analisis Stakeholders dan Pembentukan Kelompok Kerja", f"{_M}.tahap1.StakeholderPokja"),
    Topik("1.2", 1, "1.2-kalender-kerja.yaml",
          "Pengenalan Pelayanan Publik dan Skema Tindakan Peningkatan Pelayanan", f"{_M}.tahap1.KalenderKerja"),
    Topik("2.1", 2, "2.1-isu-utama.yaml", "Isu Utama Pelayanan PDAM", f"{_M}.tahap2.IsuUtama"),
    Topik("2.2", 2, "2.2-regulasi.yaml",
          "Analisis Peraturan Perundang-undangan Pelayanan Air Minum dan PDAM", f"{_M}.tahap2.Regulasi"),
    Topik("2.3", 2, "2.3-kesenjangan.yaml", "Analisis Kesenjangan Pelayanan PDAM", f"{_M}.tahap2.Kesenjangan"),
    Topik("3.1", 3, "3.1-kebutuhan-teknis-manajemen.yaml",
          "Analisis Kebutuhan Teknis dan Manajemen Pelayanan PDAM", f"{_M}.tahap3.KebutuhanTeknisManajemen"),
    Topik("3.2", 3, "3.2-akar-masalah.yaml",
          "Analisis Manajemen Persoalan Pelayanan PDAM", f"{_M}.tahap3.AkarMasalah"),
    Topik("4.1", 4, "4.1-kapasitas-teknis.yaml", "Rancangan Peningkatan Kapasitas Teknis",
          f"{_M}.tahap4.KapasitasTeknis"),
    Topik("4.2", 4, "4.2-prosedur.yaml", "Rancangan Perbaikan Prosedur Pelayanan", f"{_M}.tahap4.Prosedur"),
    Topik("4.3", 4, "4.3-kebijakan.yaml", "Rancangan Pengembangan Kebijakan", f"{_M}.tahap4.Kebijakan"),
    Topik("4.4", 4, "4.4-personil.yaml", "Rancangan Pengembangan Kapasitas Personil", f"{_M}.tahap4.Personil"),
    Topik("4.5", 4, "4.5-organisasi.yaml", "Rancangan Peningkatan Organisasi Penyelenggara Pelayanan",
          f"{_M}.tahap4.Organisasi"),
    Topik("4.6", 4, "4.6-keuangan.yaml", "Rancangan Peningkatan Kapasitas Keuangan", f"{_M}.tahap4.Keuangan"),
    Topik("4.7", 4, "4.7-prioritas.yaml", "Prioritisasi Tindakan Peningkatan Pelayanan",
          f"{_M}.tahap4.Prioritas"),
    Topik("5.1", 5, "5.1-skema-tindakan.yaml",
          "Rancangan Pengembangan Efektivitas Teknis dan Manajemen Pelayanan PDAM", f"{_M}.tahap5.SkemaTindakan"),
    Topik("5.2", 5, "5.2-citizen-charter.yaml", "Penyusunan Citizen Charter", f"{_M}.tahap5.CitizenCharter"),
    Topik("5.3", 5, "5.3-kesepakatan.yaml", "Penyepakatan Draft STPP", f"{_M}.tahap5.Kesepakatan"),
    Topik("6.1", 6, "6.1-integrasi-corporate-plan.yaml",
          "Integrasi STPP ke dalam Corporate Plan/Rencana Bisnis PDAM", f"{_M}.tahap6.IntegrasiCorporatePlan"),
    Topik("6.2", 6, "6.2-pelaksanaan.yaml", "Pelaksanaan STPP", f"{_M}.tahap6.Pelaksanaan"),
    Topik("7.1", 7, "7.1-monev.yaml", "Monitoring dan Evaluasi", f"{_M}.tahap7.Monev"),
    Topik("7.2", 7, "7.2-dokumentasi-replikasi.yaml",
          "Dokumentasi dan Replikasi Peningkatan Manajemen Pelayanan PDAM", f"{_M}.tahap7.DokumentasiReplikasi"),
)

BY_ID: dict[str, Topik] = {t.id: t for t in TOPIK}
BY_FILE: dict[str, Topik] = {t.file: t for t in TOPIK}
