"""Topik 1.1, Analisis Stakeholders dan Pembentukan Kelompok Kerja.

Its working-paper section (Kertas Kerja Tahap 1), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler.analysis.analisis import Analisis
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _ref, muat_halaman
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _content, _kapital, _kepala, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    jumlah,
    paragraf,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap1 import KATEGORI_STAKEHOLDER_LABEL, KEDUDUKAN_LABEL, StakeholderPokja
from assembler.pictures import gambar_struktur_pokja
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("1.1")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: StakeholderPokja) -> list[Blok]:
    """Kertas Kerja Tahap 1, Topik 1.1."""
    nama = Nama(view)
    content = _content(view)
    kategori_label = KATEGORI_STAKEHOLDER_LABEL
    blok = [
        KK.tabel(
            "matriks-stakeholders-pelayanan-pdam",
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
        rows.append([KK.kalimat("tidak-dikaitkan"), "–", _angka(len(tanpa)), "; ".join(a.jabatan for a in tanpa)])
    rows.append(jumlah(KK.kalimat("jumlah"), _angka(len(data.stakeholders)), _angka(len(data.pokja.anggota)), ""))
    blok.append(
        KK.tabel("keterwakilan-stakeholders-dalam-pokja", rows, [KK.kalimat("jumlah-dihitung-matriks-stakeholders")])
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
                    KK.kalimat("ya") if a.id in tim_inti else "–",
                ]
            )
    blok.append(KK.tabel("struktur-organisasi", rows, judul={"nama": data.pokja.nama}))
    anggota_by_id = {a.id: a for a in data.pokja.anggota}
    blok.append(
        KK.tabel(
            "susunan-tim-inti",
            [
                [
                    _no(i),
                    anggota_by_id[k].nama if k in anggota_by_id else k,
                    anggota_by_id[k].jabatan if k in anggota_by_id else "–",
                    KEDUDUKAN_LABEL[anggota_by_id[k].kedudukan] if k in anggota_by_id else "–",
                ]
                for i, k in enumerate(data.pokja.tim_inti, start=1)
            ]
            or [["–", KK.kalimat("tim-inti-belum-ditetapkan"), "–", "–"]],
        )
    )
    rows = []
    baku = False
    held = {a.kedudukan for a in data.pokja.anggota}
    for kedudukan, label in [*KEDUDUKAN_LABEL.items(), ("tim_inti", KK.kalimat("tim-inti"))]:
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
    blok.append(KK.tabel("peran-fungsi-anggota-pokja", rows, [KK.kalimat("uraian-tugas-baku-katalog")] if baku else []))
    blok.append(paragraf(KK.kalimat("tindak-lanjut-struktur-kepengurusan", kepala=_kepala(view))))
    return blok


def gambar(view: WorkspaceView, data: StakeholderPokja) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(g) for g in pictures.gambar_struktur_pokja(data, nomor=None)]


def draft_stpp(bahan: Bahan, t: StakeholderPokja) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t11``)."""
    tabel = bahan.tabel
    hitung = {k: sum(1 for s in t.stakeholders if s.kategori == k) for k in KATEGORI_STAKEHOLDER_LABEL}
    cap_sh = tabel(1, kalimat("t11_tabel_stakeholder"))
    cap_pokja = tabel(1, kalimat("t11_tabel_pokja"))
    ketua = t.pokja.dengan_kedudukan("ketua")
    tim_inti = set(t.pokja.tim_inti)
    anggota = []
    for i, a in enumerate(t.pokja.anggota, 1):
        kedudukan = KEDUDUKAN_LABEL.get(a.kedudukan, a.kedudukan)
        if a.id in tim_inti:
            kedudukan += kalimat("t11_tim_inti")
        anggota.append({"no": _nomor(i), "nama": a.nama, "jabatan": a.jabatan, "kedudukan": kedudukan})
    return {
        "pengantar": kalimat(
            "t11_pengantar",
            jumlah=_angka_jumlah(len(t.stakeholders)),
            penyelenggara=_angka_jumlah(hitung["penyelenggara"]),
            pengguna=_angka_jumlah(hitung["pengguna"]),
            pendukung=_angka_jumlah(hitung["pendukung"]),
            tabel=_ref(cap_sh),
        ),
        "tabel_stakeholder": cap_sh,
        "stakeholder": [
            {
                "no": _nomor(i),
                "nama": s.nama,
                "kategori": KATEGORI_STAKEHOLDER_LABEL[s.kategori],
                "peran": s.peran,
                "kepentingan": s.kepentingan,
                "pengaruh": f"{s.pengaruh.capitalize()} / {(s.tingkat_kepentingan or '–').capitalize()}",
                "keterlibatan": s.keterlibatan,
            }
            for i, s in enumerate(t.stakeholders, 1)
        ],
        "pengantar_pokja": kalimat(
            "t11_pengantar_pokja",
            pokja=t.pokja.nama,
            jumlah=_angka_jumlah(len(t.pokja.anggota)),
            diketuai=" " + kalimat("t11_diketuai", jabatan=ketua[0].jabatan) if ketua else "",
            tim_inti=_angka_jumlah(len(tim_inti)),
            tabel=_ref(cap_pokja),
        ),
        "tabel_pokja": cap_pokja,
        "anggota": anggota,
        "gambar": daftar_gambar(muat_halaman(gambar_struktur_pokja(t, nomor=tabel.gambar(1)))),
    }


BAGIAN = Bagian(StakeholderPokja, kertas_kerja, draft_stpp, gambar=gambar)
