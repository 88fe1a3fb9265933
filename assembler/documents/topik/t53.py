"""Topik 5.3, Penyepakatan Draft STPP.

Its working-paper section (Kertas Kerja Tahap 5), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import (
    _angka,
    _kapital,
    _lines,
    _no,
    _penanda_tangan,
)
from assembler.documents.lembar import (
    Blok,
    Isi,
    daftar,
)
from assembler.documents.nama import Nama
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian
from assembler.models.tahap5 import (
    Kesepakatan,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("5.3")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Kesepakatan) -> list[Blok]:
    """Kertas Kerja Tahap 5, Topik 5.3."""
    r = data.rapat
    blok = [
        KK.tabel(
            "rapat-penyepakatan-draft-stpp",
            [
                [KK.kalimat("hari-tanggal"), f"{idfmt.hari(r.tanggal)}, {idfmt.tanggal(r.tanggal)}"],
                [KK.kalimat("waktu"), r.waktu or "–"],
                [KK.kalimat("tempat"), r.tempat],
                [KK.kalimat("pimpinan-rapat"), f"{r.pimpinan_rapat.nama} ({r.pimpinan_rapat.jabatan})"],
                [KK.kalimat("jumlah-peserta"), KK.kalimat("orang", jumlah=_angka(len(r.peserta)))],
            ],
        ),
        KK.tabel("peserta-rapat", [[_no(i), p.nama, p.jabatan, p.unsur] for i, p in enumerate(r.peserta, start=1)]),
        KK.tabel(
            "tanggapan-atas-draft-stpp",
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
        daftar(KK.kalimat("judul-butir-kesepakatan"), data.kesepakatan),
    ]
    jj = data.juklak_juknis
    rows: list[Isi] = [
        [
            KK.kalimat("juklak-juknis"),
            jj.judul,
            KK.kalimat("disahkan-oleh", pengesah=jj.disahkan_oleh),
            _kapital(jj.status),
            _lines(jj.catatan_perbaikan) if jj.catatan_perbaikan else "–",
        ]
    ]
    nama = Nama(view)
    for ks in data.kerja_sama:
        pihak = [nama.sh(p.stakeholder) for p in ks.para_pihak]
        rows.append(
            [
                KK.kalimat("kerja-sama"),
                f"{ks.id}: {ks.judul}",
                [*pihak, KK.kalimat("jangka-waktu", tahun=ks.jangka_waktu_tahun)],
                _kapital(ks.status),
                _lines(ks.catatan_perbaikan) if ks.catatan_perbaikan else "–",
            ]
        )
    blok.append(KK.tabel("kesepakatan-atas-juklak-juknis", rows))
    blok.append(_penanda_tangan(KK, "penanda-tangan", data.penanda_tangan))
    return blok


BAGIAN = Bagian(Kesepakatan, kertas_kerja, DI_LUAR_DRAFT)
