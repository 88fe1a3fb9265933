"""Topik 1.2, Pengenalan Pelayanan Publik dan Skema Tindakan Peningkatan Pelayanan.

Its working-paper section (Kertas Kerja Tahap 1), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap1 import KalenderKerja
from assembler.topics import BY_ID as TOPIK_BY_ID
from assembler.topics import TOPIK
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("1.2")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: KalenderKerja) -> list[Blok]:
    """Kertas Kerja Tahap 1, Topik 1.2."""
    nama = Nama(view)
    k = data.kesepakatan
    blok = [
        KK.tabel(
            "kesepakatan-penyusunan-stpp-partisipatif",
            [
                [KK.kalimat("tanggal"), idfmt.tanggal(k.tanggal)],
                [KK.kalimat("tempat"), k.tempat],
                [KK.kalimat("isi-kesepakatan"), k.isi],
            ],
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
        undangan = [KK.kalimat("anggota-pokja"), *(nama.sh(u) for u in j.undangan)]
        rows.append(
            [
                _no(i),
                f"{j.topik} {judul.get(j.topik, '')}".strip(),
                tanggal,
                waktu,
                j.tempat,
                _lines(undangan, bernomor=False),
                _lines(j.agenda) if j.agenda else KK.kalimat("agenda-menurut-panduan"),
                j.catatan or "–",
            ]
        )
    belum = [t.id for t in TOPIK if data.jadwal_topik(t.id) is None]
    blok.append(
        KK.tabel(
            "kalender-kerja-penyusunan-stpp",
            rows,
            [KK.kalimat("topik-belum-dijadwalkan", daftar=idfmt.daftar(belum))] if belum else [],
        )
    )
    return blok


def _rentang_tanggal(mulai: _dt.date, selesai: _dt.date | None) -> str:
    if selesai is None or selesai == mulai:
        return idfmt.tanggal(mulai)
    if (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return f"{mulai.day}–{idfmt.tanggal(selesai)}"
    return f"{idfmt.tanggal(mulai)}–{idfmt.tanggal(selesai)}"


def draft_stpp(bahan: Bahan, t: KalenderKerja) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t12``)."""
    tabel = bahan.tabel
    cap = tabel(1, kalimat("t12_tabel"))
    jadwal = sorted(t.jadwal, key=lambda j: (j.tanggal, j.jam_mulai or ""))
    rows = []
    for i, j in enumerate(jadwal, 1):
        topik = TOPIK_BY_ID.get(j.topik)
        waktu = ""
        if j.jam_mulai:
            selesai = j.jam_selesai or kalimat("t12_selesai")
            waktu = f"{j.jam_mulai}–{selesai} {t.zona_waktu}"
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


BAGIAN = Bagian(KalenderKerja, kertas_kerja, draft_stpp)
