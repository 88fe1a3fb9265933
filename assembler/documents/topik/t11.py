"""Topik 1.1, Analisis Stakeholders dan Pembentukan Kelompok Kerja.

Its working-paper section (Kertas Kerja Tahap 1), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
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
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.nama import Nama
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap1 import KATEGORI_STAKEHOLDER_LABEL, KEDUDUKAN_LABEL, StakeholderPokja
from assembler.workspace_view import WorkspaceView


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: StakeholderPokja) -> list[Blok]:
    """Kertas Kerja Tahap 1, Topik 1.1."""
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


def gambar(view: WorkspaceView, data: StakeholderPokja) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(g) for g in pictures.gambar_struktur_pokja(data, nomor=None)]


BAGIAN = Bagian(StakeholderPokja, kertas_kerja, draft_stpp.BAGIAN["1.1"], gambar=gambar)
