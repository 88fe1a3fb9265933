"""The 21 topics of the guide and their files: what a topic is, below every model.

The model of each topic is bound in ``assembler.models.registry`` (imported directly, no strings).
"""

from __future__ import annotations

from dataclasses import dataclass

STPP_FILE = "stpp.yaml"


@dataclass(frozen=True)
class Topik:
    """One topic (Topik) of one stage (Tahap) of the STPP guide."""

    id: str
    tahap: int
    file: str
    judul: str


TAHAP_JUDUL: dict[int, str] = {
    1: "Persiapan dan Pengenalan",
    2: "Analisis Isu Strategis",
    3: "Analisis Kebutuhan",
    4: "Analisis Peningkatan Kapasitas Pelayanan PDAM",
    5: "Perumusan Skema Tindakan Peningkatan Pelayanan",
    6: "Pengawalan Pelaksanaan",
    7: "Monev dan Replikasi",
}

TOPIK: tuple[Topik, ...] = (
    Topik("1.1", 1, "1.1-stakeholder-pokja.yaml",
          "Analisis Stakeholders dan Pembentukan Kelompok Kerja"),
    Topik("1.2", 1, "1.2-kalender-kerja.yaml",
          "Pengenalan Pelayanan Publik dan Skema Tindakan Peningkatan Pelayanan"),
    Topik("2.1", 2, "2.1-isu-utama.yaml", "Isu Utama Pelayanan PDAM"),
    Topik("2.2", 2, "2.2-regulasi.yaml",
          "Analisis Peraturan Perundang-undangan Pelayanan Air Minum dan PDAM"),
    Topik("2.3", 2, "2.3-kesenjangan.yaml", "Analisis Kesenjangan Pelayanan PDAM"),
    Topik("3.1", 3, "3.1-kebutuhan-teknis-manajemen.yaml",
          "Analisis Kebutuhan Teknis dan Manajemen Pelayanan PDAM"),
    Topik("3.2", 3, "3.2-akar-masalah.yaml",
          "Analisis Manajemen Persoalan Pelayanan PDAM"),
    Topik("4.1", 4, "4.1-kapasitas-teknis.yaml", "Rancangan Peningkatan Kapasitas Teknis"),
    Topik("4.2", 4, "4.2-prosedur.yaml", "Rancangan Perbaikan Prosedur Pelayanan"),
    Topik("4.3", 4, "4.3-kebijakan.yaml", "Rancangan Pengembangan Kebijakan"),
    Topik("4.4", 4, "4.4-personil.yaml", "Rancangan Pengembangan Kapasitas Personil"),
    Topik("4.5", 4, "4.5-organisasi.yaml", "Rancangan Peningkatan Organisasi Penyelenggara Pelayanan"),
    Topik("4.6", 4, "4.6-keuangan.yaml", "Rancangan Peningkatan Kapasitas Keuangan"),
    Topik("4.7", 4, "4.7-prioritas.yaml", "Prioritisasi Tindakan Peningkatan Pelayanan"),
    Topik("5.1", 5, "5.1-skema-tindakan.yaml",
          "Rancangan Pengembangan Efektivitas Teknis dan Manajemen Pelayanan PDAM"),
    Topik("5.2", 5, "5.2-citizen-charter.yaml", "Penyusunan Citizen Charter"),
    Topik("5.3", 5, "5.3-kesepakatan.yaml", "Penyepakatan Draft STPP"),
    Topik("6.1", 6, "6.1-integrasi-corporate-plan.yaml",
          "Integrasi STPP ke dalam Corporate Plan/Rencana Bisnis PDAM"),
    Topik("6.2", 6, "6.2-pelaksanaan.yaml", "Pelaksanaan STPP"),
    Topik("7.1", 7, "7.1-monev.yaml", "Monitoring dan Evaluasi"),
    Topik("7.2", 7, "7.2-dokumentasi-replikasi.yaml",
          "Dokumentasi dan Replikasi Peningkatan Manajemen Pelayanan PDAM"),
)

BY_ID: dict[str, Topik] = {t.id: t for t in TOPIK}
BY_FILE: dict[str, Topik] = {t.file: t for t in TOPIK}
