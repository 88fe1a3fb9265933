"""Draft STPP chapter 1: the sections of the stage's topics (template keys t11 ...)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from assembler import idfmt
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _Penomor, _ref, muat_halaman
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap1 import KATEGORI_STAKEHOLDER_LABEL, KEDUDUKAN_LABEL, KalenderKerja, StakeholderPokja
from assembler.pictures import gambar_struktur_pokja
from assembler.topics import BY_ID as TOPIK_BY_ID
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------------------------
# Small formatting helpers: every value the template prints is a ready string.
# --------------------------------------------------------------------------------------------


def _rentang_tanggal(mulai: _dt.date, selesai: _dt.date | None) -> str:
    if selesai is None or selesai == mulai:
        return idfmt.tanggal(mulai)
    if (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return f"{mulai.day}–{idfmt.tanggal(selesai)}"
    return f"{idfmt.tanggal(mulai)}–{idfmt.tanggal(selesai)}"


# --------------------------------------------------------------------------------------------
# Tahap 1
# --------------------------------------------------------------------------------------------


def _t11(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(StakeholderPokja)
    if t is None:
        return None
    hitung = {k: sum(1 for s in t.stakeholders if s.kategori == k) for k in KATEGORI_STAKEHOLDER_LABEL}
    cap_sh = tabel(1, "Matriks Stakeholders Pelayanan PDAM")
    cap_pokja = tabel(1, "Susunan Keanggotaan Kelompok Kerja")
    ketua = t.pokja.dengan_kedudukan("ketua")
    tim_inti = set(t.pokja.tim_inti)
    anggota = []
    for i, a in enumerate(t.pokja.anggota, 1):
        kedudukan = KEDUDUKAN_LABEL.get(a.kedudukan, a.kedudukan)
        if a.id in tim_inti:
            kedudukan += "; Tim Inti"
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


def _t12(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(KalenderKerja)
    if t is None:
        return None
    cap = tabel(1, "Kalender Kerja Penyusunan STPP")
    jadwal = sorted(t.jadwal, key=lambda j: (j.tanggal, j.jam_mulai or ""))
    rows = []
    for i, j in enumerate(jadwal, 1):
        topik = TOPIK_BY_ID.get(j.topik)
        waktu = ""
        if j.jam_mulai:
            waktu = f"{j.jam_mulai}–{j.jam_selesai or 'selesai'} {t.zona_waktu}"
        rows.append(
            {
                "no": _nomor(i),
                "topik": f"{j.topik} {topik.judul}" if topik else j.topik,
                "tanggal": _rentang_tanggal(j.tanggal, j.tanggal_selesai),
                "waktu": waktu,
                "tempat": j.tempat,
            }
        )
    awal, akhir = jadwal[0], jadwal[-1]
    return {
        "kesepakatan": kalimat(
            "t12_kesepakatan",
            tanggal=idfmt.tanggal(t.kesepakatan.tanggal),
            tempat=t.kesepakatan.tempat,
            isi=_kalimat(t.kesepakatan.isi),
        ),
        "pengantar": kalimat(
            "t12_pengantar",
            tabel=_ref(cap),
            jumlah=_angka_jumlah(len(jadwal)),
            awal=idfmt.tanggal(awal.tanggal),
            akhir=idfmt.tanggal(akhir.tanggal_selesai or akhir.tanggal),
        ),
        "tabel": cap,
        "jadwal": rows,
    }
