"""Topik 1.2, Pengenalan Pelayanan Publik dan Skema Tindakan Peningkatan Pelayanan.

Its working-paper section (Kertas Kerja Tahap 1), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
)
from assembler.documents.nama import Nama
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap1 import KalenderKerja
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
        KK.tabel(
            "kalender-kerja-penyusunan-stpp",
            rows,
            [KK.kalimat("topik-belum-dijadwalkan", daftar=idfmt.daftar(belum))] if belum else [],
        )
    )
    return blok


BAGIAN = Bagian(KalenderKerja, kertas_kerja, draft_stpp.BAGIAN["1.2"])
