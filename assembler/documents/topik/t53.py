"""Topik 5.3, Penyepakatan Draft STPP.

Its working-paper section (Kertas Kerja Tahap 5), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import (
    NO,
    _angka,
    _kapital,
    _lines,
    _no,
    _penanda_tangan,
)
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    daftar,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian
from assembler.models.tahap5 import (
    Kesepakatan,
)
from assembler.workspace_view import WorkspaceView


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Kesepakatan) -> list[Blok]:
    """Kertas Kerja Tahap 5, Topik 5.3."""
    r = data.rapat
    blok = [
        tabel(
            "Rapat Penyepakatan Draft STPP",
            [Kolom("Unsur", 1), Kolom("Uraian", 6)],
            [
                ["Hari, tanggal", f"{idfmt.hari(r.tanggal)}, {idfmt.tanggal(r.tanggal)}"],
                ["Waktu", r.waktu or "–"],
                ["Tempat", r.tempat],
                ["Pimpinan rapat", f"{r.pimpinan_rapat.nama} ({r.pimpinan_rapat.jabatan})"],
                ["Jumlah peserta", f"{_angka(len(r.peserta))} orang"],
            ],
        ),
        tabel(
            "Peserta Rapat",
            [NO, Kolom("Nama", 3), Kolom("Jabatan", 5), Kolom("Unsur", 2)],
            [[_no(i), p.nama, p.jabatan, p.unsur] for i, p in enumerate(r.peserta, start=1)],
        ),
        tabel(
            "Tanggapan atas Draft STPP",
            [
                NO,
                Kolom("Pihak", 1.6),
                Kolom("Nama dan Jabatan", 2.5),
                Kolom("Pokok Tanggapan", 5),
                Kolom("Tindak Lanjut", 4),
            ],
            [
                [
                    _no(i),
                    t.pihak,
                    [t.nama, t.jabatan],
                    _lines(t.pokok_tanggapan),
                    _lines(t.tindak_lanjut) if t.tindak_lanjut else "–",
                ]
                for i, t in enumerate(data.tanggapan, start=1)
            ],
        ),
        daftar("Butir Kesepakatan Draft STPP", data.kesepakatan),
    ]
    jj = data.juklak_juknis
    rows: list[Isi] = [
        [
            "Juklak/Juknis",
            jj.judul,
            f"Disahkan oleh {jj.disahkan_oleh}",
            _kapital(jj.status),
            _lines(jj.catatan_perbaikan) if jj.catatan_perbaikan else "–",
        ]
    ]
    nama = Nama(view)
    for ks in data.kerja_sama:
        pihak = [nama.sh(p.stakeholder) for p in ks.para_pihak]
        rows.append(
            [
                f"Kerja sama {ks.id}",
                ks.judul,
                [*pihak, f"Jangka waktu {ks.jangka_waktu_tahun} tahun"],
                _kapital(ks.status),
                _lines(ks.catatan_perbaikan) if ks.catatan_perbaikan else "–",
            ]
        )
    blok.append(
        tabel(
            "Kesepakatan atas Juklak/Juknis dan Dokumen Kerja Sama",
            [
                Kolom("Dokumen", 1.5),
                Kolom("Judul", 4),
                Kolom("Pengesahan/Para Pihak", 3.5),
                Kolom("Status", 1.8),
                Kolom("Catatan Perbaikan", 4),
            ],
            rows,
        )
    )
    blok.append(_penanda_tangan("Penanda Tangan Berita Acara Kesepakatan", data.penanda_tangan))
    return blok


BAGIAN = Bagian(Kesepakatan, kertas_kerja, DI_LUAR_DRAFT)
