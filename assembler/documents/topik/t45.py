"""Topik 4.5, Rancangan Peningkatan Organisasi Penyelenggara Pelayanan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.umum import KODE, NO, _durasi, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Kolom,
    tabel,
)
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    STATUS_UNIT_LABEL,
    Organisasi,
)
from assembler.workspace_view import WorkspaceView


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Organisasi) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.5."""
    unit = {u.id: u.nama for u in data.unit}
    blok = [
        tabel(
            "Rancangan Organisasi Penyelenggara Pelayanan",
            [NO, KODE, Kolom("Unit", 2.5), Kolom("Atasan Langsung", 2.5), Kolom("Status", 1.2), Kolom("Peran", 6)],
            [
                [
                    _no(i),
                    u.id,
                    u.nama,
                    unit.get(u.induk, u.induk) if u.induk else "Direksi",
                    STATUS_UNIT_LABEL[u.status],
                    u.peran,
                ]
                for i, u in enumerate(data.unit, start=1)
            ],
        ),
        tabel(
            "Tabulasi Peran, Tugas dan Tanggung Jawab Unit",
            [NO, Kolom("Unit", 2.2), Kolom("Tugas", 5.5), Kolom("Tanggung Jawab", 5.5)],
            [[_no(i), u.nama, _lines(u.tugas), _lines(u.tanggung_jawab)] for i, u in enumerate(data.unit, start=1)],
        ),
    ]
    if data.analisis_tugas:
        blok.append(
            tabel(
                "Analisis Tugas",
                [
                    NO,
                    Kolom("Unit", 2.2),
                    Kolom("Tugas", 4.5),
                    Kolom("Volume/Frekuensi", 2.5),
                    Kolom("Pelaksana", 2.5),
                    Kolom("Waktu Penyelesaian", 1.6),
                ],
                [
                    [_no(i), unit.get(a.unit, a.unit), a.tugas, a.volume, a.pelaksana, _durasi(a.waktu_penyelesaian)]
                    for i, a in enumerate(data.analisis_tugas, start=1)
                ],
            )
        )
    if data.uraian_jabatan:
        blok.append(
            tabel(
                "Uraian Jabatan",
                [
                    NO,
                    Kolom("Jabatan", 2),
                    Kolom("Unit dan Atasan", 2.2),
                    Kolom("Ikhtisar", 2.8),
                    Kolom("Tugas Pokok", 3.5),
                    Kolom("Wewenang", 2.5),
                    Kolom("Syarat Jabatan", 2.5),
                ],
                [
                    [
                        _no(i),
                        j.jabatan,
                        [unit.get(j.unit, j.unit), f"Atasan: {j.atasan_langsung}"],
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


BAGIAN = Bagian(Organisasi, kertas_kerja, draft_stpp.BAGIAN["4.5"])
