"""Kertas Kerja Tahap 3: the sections of the stage's topics."""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import KODE, NO, _content, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    Kolom,
    Nilai,
    paragraf,
    tabel,
)
from assembler.models.tahap3 import (
    AREA_PERSOALAN,
    KRITERIA_GOOD_GOVERNANCE,
    KRITERIA_PELAYANAN,
    PENILAIAN_LABEL,
    PROSES,
    TAHAP_ALUR,
    AkarMasalah,
    KebutuhanTeknisManajemen,
    Penilaian,
)
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- Tahap 3


def _t31(view: WorkspaceView, analisis: Analisis, data: KebutuhanTeknisManajemen) -> list[Blok]:
    gg = _content(view).good_governance
    kol = [NO, Kolom("Proses", 2.2)] + [Kolom(gg.kriteria[k].nama, 2) for k in KRITERIA_GOOD_GOVERNANCE]
    kol.append(Kolom("Ringkasan", 1.5))
    rows: list[Isi] = []
    for i, proses in enumerate(PROSES, start=1):
        sel = data.daftar_periksa.get(proses, {})
        cells: list[Nilai] = [_no(i), gg.proses[proses].nama]
        hitung: dict[Penilaian, int] = {"sudah": 0, "sebagian": 0, "belum": 0}
        for k in KRITERIA_GOOD_GOVERNANCE:
            s = sel.get(k)
            if s is None:
                cells.append("–")
                continue
            hitung[s.penilaian] += 1
            cells.append([PENILAIAN_LABEL[s.penilaian], s.catatan] if s.catatan else PENILAIAN_LABEL[s.penilaian])
        cells.append([f"{PENILAIAN_LABEL[p]}: {n}" for p, n in hitung.items()])
        rows.append(cells)
    blok = [
        tabel(
            "Daftar Periksa Identifikasi Kesenjangan Proses Berdasarkan Aspek Good Governance",
            kol,
            rows,
            [
                "Penilaian: Sudah = telah terpenuhi; Sebagian = terpenuhi sebagian; Belum = belum terpenuhi. "
                "Ringkasan = banyaknya kriteria per penilaian."
            ],
        )
    ]
    blok.append(
        tabel(
            "Persoalan Teknis dan Manajemen per Area Pelayanan",
            [NO, Kolom("Area", 2), Kolom("Persoalan Teknis", 5), Kolom("Persoalan Manajemen", 5)],
            [
                [
                    _no(i),
                    gg.area_persoalan[a].nama,
                    _lines(data.persoalan[a].teknis) if a in data.persoalan else "–",
                    _lines(data.persoalan[a].manajemen) if a in data.persoalan else "–",
                ]
                for i, a in enumerate(AREA_PERSOALAN, start=1)
            ],
        )
    )
    kol = [NO, Kolom("Persoalan Utama", 5)] + [
        Kolom(gg.kriteria_pelayanan[k].nama, 1, "tengah") for k in KRITERIA_PELAYANAN
    ]
    kol.append(Kolom("Keterangan", 3))
    blok.append(
        tabel(
            "Persoalan Utama terhadap Kriteria Pelayanan",
            kol,
            [
                [_no(i), p.uraian, *("√" if k in p.kriteria else "" for k in KRITERIA_PELAYANAN), p.keterangan or "–"]
                for i, p in enumerate(data.persoalan_utama, start=1)
            ],
            ["√ = kriteria pelayanan yang belum terpenuhi oleh persoalan tersebut."],
        )
    )
    if data.kartu:
        blok.append(
            tabel(
                "Kartu Harapan dan Kenyataan",
                [NO, Kolom("Proses", 2.2), Kolom("Harapan", 5), Kolom("Kenyataan", 5)],
                [
                    [_no(i), gg.proses[k.proses].nama, _lines(k.harapan), _lines(k.kenyataan)]
                    for i, k in enumerate(data.kartu, start=1)
                ],
            )
        )
    blok.append(
        tabel(
            "Faktor Pendukung dan Penghambat",
            [Kolom("Faktor Pendukung/Pendorong", 1), Kolom("Faktor Penghambat", 1)],
            [[_lines(data.faktor.pendukung), _lines(data.faktor.penghambat)]],
        )
    )
    if data.analisis_diagnostik:
        blok.append(
            tabel(
                "Lembar Kerja Analisis Diagnostik",
                [
                    NO,
                    Kolom("Persoalan", 2.5),
                    Kolom("Gejala", 2.5),
                    Kolom("Penyebab", 2.5),
                    Kolom("Dampak", 2.5),
                    Kolom("Peluang Perbaikan", 2.5),
                    Kolom("Prasyarat", 2.5),
                ],
                [
                    [
                        _no(i),
                        d.persoalan,
                        _lines(d.gejala),
                        _lines(d.penyebab),
                        _lines(d.dampak),
                        _lines(d.peluang),
                        _lines(d.prasyarat),
                    ]
                    for i, d in enumerate(data.analisis_diagnostik, start=1)
                ],
            )
        )
    else:
        blok.append(paragraf("Lembar kerja Analisis Diagnostik belum diisi (tindak lanjut Pokja)."))
    return blok


def _t32(view: WorkspaceView, analisis: Analisis, data: AkarMasalah) -> list[Blok]:
    alur = _content(view).alur
    akar = {a.id: a.uraian for a in data.akar_masalah}
    rows: list[Isi] = []
    no = 0
    for tahap in TAHAP_ALUR:
        t = alur.tahap[tahap]
        rows.append(Kelompok(f"Tahap {t.urutan}: {t.nama}"))
        items = [a for a in data.akar_masalah if a.tahap_alur == tahap]
        for a in items:
            no += 1
            rows.append([_no(no), a.id, a.uraian, a.isu or "–"])
        if not items:
            rows.append(["–", "–", "Belum ada akar masalah pada tahap ini", "–"])
    blok = [
        tabel(
            "Akar Masalah per Tahap Diagram Alur Pelayanan Publik",
            [NO, KODE, Kolom("Akar Masalah", 10), Kolom("Isu Terkait", 1.2)],
            rows,
        )
    ]
    solusi = {s.id: s.uraian for s in data.solusi_alternatif}
    blok.append(
        tabel(
            "Solusi Alternatif",
            [NO, KODE, Kolom("Solusi Alternatif", 5.5), Kolom("Akar Masalah yang Diatasi", 5.5)],
            [
                [_no(i), s.id, s.uraian, [f"{k}: {akar.get(k, '')}".rstrip(": ") for k in s.akar_masalah]]
                for i, s in enumerate(data.solusi_alternatif, start=1)
            ],
        )
    )
    blok.append(
        tabel(
            "Solusi Terpadu",
            [NO, KODE, Kolom("Solusi Terpadu", 5), Kolom("Solusi Alternatif yang Dipadukan", 6)],
            [
                [_no(i), st.id, st.rumusan, [f"{k}: {solusi.get(k, '')}".rstrip(": ") for k in st.solusi]]
                for i, st in enumerate(data.solusi_terpadu, start=1)
            ],
        )
    )
    return blok
