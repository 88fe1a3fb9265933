"""Kertas Kerja Tahap 1: the sections of the stage's topics."""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import NO, _angka, _content, _kapital, _kepala, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    Kolom,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.models.tahap1 import KATEGORI_STAKEHOLDER_LABEL, KEDUDUKAN_LABEL, KalenderKerja, StakeholderPokja
from assembler.topics import TOPIK
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- Tahap 1


def _t11(view: WorkspaceView, analisis: Analisis, data: StakeholderPokja) -> list[Blok]:
    nama = Nama(view)
    content = _content(view)
    kategori_label = KATEGORI_STAKEHOLDER_LABEL
    blok = [
        tabel(
            "Matriks Stakeholders Pelayanan PDAM",
            [
                NO,
                Kolom("Stakeholder", 3),
                Kolom("Kategori", 1.6),
                Kolom("Peran dan Fungsi", 4),
                Kolom("Kepentingan", 4),
                Kolom("Pengaruh", 1.1, "tengah"),
                Kolom("Tingkat Kepentingan", 1.6, "tengah"),
                Kolom("Bentuk Pelibatan", 2.5),
            ],
            [
                [
                    _no(i),
                    s.nama,
                    kategori_label[s.kategori],
                    s.peran,
                    s.kepentingan,
                    _kapital(s.pengaruh),
                    _kapital(s.tingkat_kepentingan or "–"),
                    s.keterlibatan or "–",
                ]
                for i, s in enumerate(data.stakeholders, start=1)
            ],
        )
    ]
    # Representation check of the guide: providers and users both sit in the Pokja.
    kat = {s.id: s.kategori for s in data.stakeholders}
    rows: list[Isi] = []
    for key, label in kategori_label.items():
        jumlah_sh = sum(1 for s in data.stakeholders if s.kategori == key)
        wakil = [a for a in data.pokja.anggota if a.stakeholder and kat.get(a.stakeholder) == key]
        rows.append([label, _angka(jumlah_sh), _angka(len(wakil)), "; ".join(a.jabatan for a in wakil) or "–"])
    tanpa = [a for a in data.pokja.anggota if not a.stakeholder]
    if tanpa:
        rows.append(["Tidak dikaitkan", "–", _angka(len(tanpa)), "; ".join(a.jabatan for a in tanpa)])
    rows.append(jumlah("Jumlah", _angka(len(data.stakeholders)), _angka(len(data.pokja.anggota)), ""))
    blok.append(
        tabel(
            "Keterwakilan Stakeholders dalam Pokja",
            [
                Kolom("Kategori", 1.5),
                Kolom("Jumlah Stakeholder", 1, "angka"),
                Kolom("Jumlah Anggota Pokja", 1, "angka"),
                Kolom("Anggota Pokja yang Mewakili", 8),
            ],
            rows,
            ["Jumlah dihitung dari Matriks Stakeholders dan kolom 'stakeholder' setiap anggota Pokja."],
        )
    )

    tim_inti = set(data.pokja.tim_inti)
    rows = []
    no = 0
    for kedudukan, label in KEDUDUKAN_LABEL.items():
        anggota = data.pokja.dengan_kedudukan(kedudukan)
        if not anggota:
            continue
        rows.append(Kelompok(label))
        for a in anggota:
            no += 1
            rows.append(
                [
                    _no(no),
                    a.nama,
                    a.jabatan,
                    a.instansi,
                    nama.sh(a.stakeholder) if a.stakeholder else "–",
                    "Ya" if a.id in tim_inti else "–",
                ]
            )
    blok.append(
        tabel(
            f"Struktur Organisasi {data.pokja.nama}",
            [
                NO,
                Kolom("Nama", 2.5),
                Kolom("Jabatan", 4),
                Kolom("Instansi/Kelompok", 3),
                Kolom("Mewakili", 3),
                Kolom("Tim Inti", 0.9, "tengah"),
            ],
            rows,
        )
    )
    anggota_by_id = {a.id: a for a in data.pokja.anggota}
    blok.append(
        tabel(
            "Susunan Tim Inti",
            [NO, Kolom("Nama", 3), Kolom("Jabatan", 5), Kolom("Kedudukan dalam Pokja", 2)],
            [
                [
                    _no(i),
                    anggota_by_id[k].nama if k in anggota_by_id else k,
                    anggota_by_id[k].jabatan if k in anggota_by_id else "–",
                    KEDUDUKAN_LABEL[anggota_by_id[k].kedudukan] if k in anggota_by_id else "–",
                ]
                for i, k in enumerate(data.pokja.tim_inti, start=1)
            ]
            or [["–", "Tim Inti belum ditetapkan", "–", "–"]],
        )
    )
    rows = []
    baku = False
    held = {a.kedudukan for a in data.pokja.anggota}
    for kedudukan, label in [*KEDUDUKAN_LABEL.items(), ("tim_inti", "Tim Inti")]:
        if kedudukan == "tim_inti":
            if not data.pokja.tim_inti:
                continue
        elif kedudukan not in held:
            continue
        tugas = data.pokja.tugas.untuk(kedudukan)
        if not tugas and kedudukan in content.sk.tugas_kedudukan:
            tugas = [f"{t} *)" for t in content.sk.tugas_kedudukan[kedudukan]]
            baku = True
        rows.append([label, _lines(tugas)])
    blok.append(
        tabel(
            "Peran dan Fungsi Anggota Pokja",
            [Kolom("Kedudukan", 1.5), Kolom("Uraian Tugas", 10)],
            rows,
            ["*) uraian tugas baku dari katalog program, karena belum dirumuskan Pokja."] if baku else [],
        )
    )
    blok.append(
        paragraf(
            "Tindak lanjut: struktur dan kepengurusan Pokja di atas dituangkan dalam draft Keputusan "
            f"{_kepala(view)} tentang Pokja (naskah 'sk-pokja'), untuk disempurnakan Bagian Hukum."
        )
    )
    return blok


def _t12(view: WorkspaceView, analisis: Analisis, data: KalenderKerja) -> list[Blok]:
    nama = Nama(view)
    k = data.kesepakatan
    blok = [
        tabel(
            "Kesepakatan Penyusunan STPP yang Partisipatif",
            [Kolom("Unsur", 1), Kolom("Uraian", 8)],
            [["Tanggal", idfmt.tanggal(k.tanggal)], ["Tempat", k.tempat], ["Isi kesepakatan", k.isi]],
        )
    ]
    urutan = {t.id: i for i, t in enumerate(TOPIK)}
    judul = {t.id: t.judul for t in TOPIK}
    rows: list[Isi] = []
    for i, j in enumerate(sorted(data.jadwal, key=lambda j: (urutan.get(j.topik, 99), j.tanggal)), start=1):
        tanggal = idfmt.tanggal(j.tanggal)
        if j.tanggal_selesai and j.tanggal_selesai != j.tanggal:
            tanggal = f"{tanggal} s.d. {idfmt.tanggal(j.tanggal_selesai)}"
        waktu = f"{j.jam_mulai}–{j.jam_selesai or 'selesai'} {data.zona_waktu}" if j.jam_mulai else "–"
        undangan = ["Anggota Pokja", *(nama.sh(u) for u in j.undangan)]
        rows.append(
            [
                _no(i),
                f"{j.topik} {judul.get(j.topik, '')}".strip(),
                tanggal,
                waktu,
                j.tempat,
                _lines(undangan, bernomor=False),
                _lines(j.agenda) if j.agenda else "Agenda menurut panduan",
                j.catatan or "–",
            ]
        )
    belum = [t.id for t in TOPIK if data.jadwal_topik(t.id) is None]
    blok.append(
        tabel(
            "Kalender Kerja Penyusunan STPP (rencana)",
            [
                NO,
                Kolom("Topik", 3.2),
                Kolom("Tanggal", 1.6),
                Kolom("Waktu", 1.3),
                Kolom("Tempat", 2.2),
                Kolom("Undangan", 3),
                Kolom("Agenda", 2.2),
                Kolom("Catatan", 1.8),
            ],
            rows,
            [f"Topik yang belum dijadwalkan: {idfmt.daftar(belum)}."] if belum else [],
        )
    )
    return blok
