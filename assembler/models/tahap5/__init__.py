"""Tahap 5: Perumusan Skema Tindakan Peningkatan Pelayanan (topics 5.1, 5.2, 5.3).

5.1 is the Smart Logframe the later stages hang on: 6.1 inserts its kegiatan into the company plan,
6.2 schedules them, 7.1 monitors its indicators and 7.2 places its kegiatan in the Bagan Bawang.
Budget totals are never typed: :mod:`assembler.analysis.anggaran` computes them from 5.1.

Schedules use one form everywhere, the year-month ``YYYY-MM`` (``2026-03``): the guide plans by
month, and a single form keeps ``mulai <= selesai`` a plain comparison.

One module per topic, ``umum.py`` (shared) and ``t51.py`` … ``t53.py``; this package re-exports their names, so
``from assembler.models.tahap5 import X`` reads the same as before the split (issue 10).
"""

from __future__ import annotations

from assembler.models.tahap5.t51 import (
    IndikatorLogframe,
    Jadwal,
    Kegiatan,
    Keluaran,
    Sasaran,
    SkemaTindakan,
    Tujuan,
)
from assembler.models.tahap5.t52 import (
    BiayaTarif,
    CitizenCharter,
    Durasi,
    JanjiLayanan,
    JumlahPelaksana,
    KanalPengaduan,
    Maklumat,
    Pemilahan,
    PenandaTangan,
    PihakPenandaTangan,
    SanksiKompensasi,
    StandarPelayanan,
)
from assembler.models.tahap5.t53 import (
    BagianKetentuan,
    Istilah,
    JuklakJuknis,
    KerjaSama,
    Kesepakatan,
    Orang,
    Perbaikan,
    PerubahanStpp,
    PesertaRapat,
    PihakKerjaSama,
    Rapat,
    StatusKesepakatan,
    Tanggapan,
    TopikDraft,
    UnsurPeserta,
)
from assembler.models.tahap5.umum import (
    BULAN_PATTERN,
    MAKLUMAT_BAKU,
    SUMBER_DANA,
    Angka,
    Bulan,
    PeranTim,
    SatuanWaktu,
    SumberDana,
    check_jadwal,
    check_tim,
)

__all__ = [
    "BULAN_PATTERN",
    "MAKLUMAT_BAKU",
    "SUMBER_DANA",
    "Angka",
    "BagianKetentuan",
    "BiayaTarif",
    "Bulan",
    "CitizenCharter",
    "Durasi",
    "IndikatorLogframe",
    "Istilah",
    "Jadwal",
    "JanjiLayanan",
    "JuklakJuknis",
    "JumlahPelaksana",
    "KanalPengaduan",
    "Kegiatan",
    "Keluaran",
    "KerjaSama",
    "Kesepakatan",
    "Maklumat",
    "Orang",
    "Pemilahan",
    "PenandaTangan",
    "PeranTim",
    "Perbaikan",
    "PerubahanStpp",
    "PesertaRapat",
    "PihakKerjaSama",
    "PihakPenandaTangan",
    "Rapat",
    "SanksiKompensasi",
    "Sasaran",
    "SatuanWaktu",
    "SkemaTindakan",
    "StandarPelayanan",
    "StatusKesepakatan",
    "SumberDana",
    "Tanggapan",
    "TopikDraft",
    "Tujuan",
    "UnsurPeserta",
    "check_jadwal",
    "check_tim",
]
