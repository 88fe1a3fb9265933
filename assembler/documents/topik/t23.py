"""Topik 2.3, Analisis Kesenjangan Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 2), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.umum import NO, _angka, _kapital, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    tabel,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap2 import Kesenjangan
from assembler.workspace_view import WorkspaceView


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Kesenjangan) -> list[Blok]:
    """Kertas Kerja Tahap 2, Topik 2.3."""
    hasil = analisis.kesenjangan
    assert hasil is not None  # 2.3 is present
    arah = {"naik": "Makin tinggi makin baik", "turun": "Makin rendah makin baik"}
    rows: list[Isi] = []
    for i, b in enumerate(hasil.baris, start=1):
        ind = data.indikator[i - 1]
        rows.append(
            [
                _no(i),
                b.nama,
                b.satuan,
                arah[b.arah],
                _angka(b.target),
                f"{_angka(b.realisasi)} ({b.tahun})",
                _angka(b.selisih),
                idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–",
                _kapital(b.status),
                "Ya" if b.strategis else "–",
                ind.sumber_data,
            ]
        )
    blok = [
        tabel(
            "Analisis Kesenjangan Kuantitatif (Pencapaian Target Pelayanan/Corporate Plan)",
            [
                NO,
                Kolom("Indikator", 3.3),
                Kolom("Satuan", 1.2),
                Kolom("Arah", 1.5),
                Kolom("Target", 1, "angka"),
                Kolom("Realisasi (Tahun)", 1.3, "angka"),
                Kolom("Kesenjangan", 1.2, "angka"),
                Kolom("% Capaian", 1.1, "angka"),
                Kolom("Status", 1.2),
                Kolom("Strategis", 0.9, "tengah"),
                Kolom("Sumber Data", 2.6),
            ],
            rows,
            [
                f"Acuan target: {data.acuan}." if data.acuan else "",
                "Makin tinggi makin baik: kesenjangan = target − realisasi; % capaian = realisasi ÷ target × 100.",
                "Makin rendah makin baik: kesenjangan = realisasi − target; % capaian = target ÷ realisasi × 100.",
                "Kesenjangan positif berarti target belum tercapai; nol atau negatif berarti target tercapai.",
                f"Ringkasan: {hasil.jumlah_belum_tercapai} dari {len(hasil.baris)} indikator belum mencapai target.",
            ],
        )
    ]
    blok[0]["catatan"] = [c for c in blok[0]["catatan"] if c]
    strategis = [b for b in hasil.baris if b.strategis]
    blok.append(
        tabel(
            "Indikator Strategis untuk Tahap 4.1",
            [NO, Kolom("Indikator", 3), Kolom("Kesenjangan", 1.5, "angka"), Kolom("Alasan Ditetapkan Strategis", 7)],
            [
                [_no(i), b.nama, f"{_angka(b.selisih)} {b.satuan}", b.alasan_strategis or "–"]
                for i, b in enumerate(strategis, start=1)
            ]
            or [["–", "Belum ada indikator strategis", "–", "–"]],
        )
    )
    return blok


def gambar(view: WorkspaceView, data: Kesenjangan) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(pictures.gambar_grafik_kesenjangan(data, nomor=None))]


BAGIAN = Bagian(Kesenjangan, kertas_kerja, draft_stpp.BAGIAN["2.3"], gambar=gambar)
