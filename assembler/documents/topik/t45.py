"""Topik 4.5, Rancangan Peningkatan Organisasi Penyelenggara Pelayanan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _durasi, _lines, _no
from assembler.documents.lembar import (
    Blok,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    STATUS_UNIT_LABEL,
    Organisasi,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.5")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Organisasi) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.5."""
    unit = Nama(view).unit_tertulis
    blok = [
        KK.tabel(
            "rancangan-organisasi-penyelenggara-pelayanan",
            [
                [
                    _no(i),
                    u.id,
                    u.nama,
                    unit.get(u.induk, u.induk) if u.induk else KK.kalimat("direksi"),
                    STATUS_UNIT_LABEL[u.status],
                    u.peran,
                ]
                for i, u in enumerate(data.unit, start=1)
            ],
        ),
        KK.tabel(
            "tabulasi-peran-tugas-tanggung",
            [[_no(i), u.nama, _lines(u.tugas), _lines(u.tanggung_jawab)] for i, u in enumerate(data.unit, start=1)],
        ),
    ]
    if data.analisis_tugas:
        blok.append(
            KK.tabel(
                "analisis-tugas",
                [
                    [_no(i), unit.get(a.unit, a.unit), a.tugas, a.volume, a.pelaksana, _durasi(a.waktu_penyelesaian)]
                    for i, a in enumerate(data.analisis_tugas, start=1)
                ],
            )
        )
    if data.uraian_jabatan:
        blok.append(
            KK.tabel(
                "uraian-jabatan",
                [
                    [
                        _no(i),
                        j.jabatan,
                        [unit.get(j.unit, j.unit), KK.kalimat("atasan", atasan=j.atasan_langsung)],
                        j.ikhtisar,
                        _lines(j.tugas_pokok),
                        _lines(j.wewenang),
                        _lines(j.syarat),
                    ]
                    for i, j in enumerate(data.uraian_jabatan, start=1)
                ],
            )
        )
    return blok


def draft_stpp(bahan: Bahan, t: Organisasi) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t45``)."""
    tabel = bahan.tabel
    cap = tabel(4, kalimat("t45_tabel"))
    nama_unit = bahan.nama.unit_tertulis
    baru = [u.nama for u in t.unit if u.status == "baru"]
    diubah = [u.nama for u in t.unit if u.status == "diubah"]
    langkah = []
    if baru:
        langkah.append(kalimat("t45_membentuk", unit=idfmt.daftar(baru)))
    if diubah:
        langkah.append(kalimat("t45_menyempurnakan", unit=idfmt.daftar(diubah)))
    return {
        "pengantar": kalimat(
            "t45_pengantar", langkah=idfmt.daftar(langkah) if langkah else kalimat("t45_tetap"), tabel=_ref(cap)
        ),
        "tabel": cap,
        "baris": [
            {
                "no": _nomor(i),
                "unit": u.nama,
                "induk": nama_unit.get(u.induk, u.induk) if u.induk else kalimat("t45_induk_direksi"),
                "status": STATUS_UNIT_LABEL[u.status],
                "peran": u.peran,
            }
            for i, u in enumerate(t.unit, 1)
        ],
    }


BAGIAN = Bagian(Organisasi, kertas_kerja, draft_stpp)
