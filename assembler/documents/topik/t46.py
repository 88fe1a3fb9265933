"""Topik 4.6, Rancangan Peningkatan Kapasitas Keuangan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _lines, _no, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    jumlah,
)
from assembler.documents.naskah import nilai as _nilai
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    KATEGORI_KEUANGAN_LABEL,
    Keuangan,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.6")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Keuangan) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.6."""
    blok = [
        KK.tabel(
            "kondisi-keuangan-pdam",
            [
                [
                    _no(i),
                    k.indikator,
                    _angka(Decimal(str(k.nilai))),
                    k.satuan,
                    str(k.tahun),
                    k.sumber,
                    k.keterangan or "–",
                ]
                for i, k in enumerate(data.kondisi, start=1)
            ],
        )
    ]
    rows: list[Isi] = [
        [
            _no(i),
            u.id,
            u.uraian,
            KATEGORI_KEUANGAN_LABEL[u.kategori],
            _rp(u.dampak_keuangan),
            u.dasar_perhitungan or "–",
            u.sumber,
            _lines(u.prasyarat) if u.prasyarat else "–",
        ]
        for i, u in enumerate(data.usulan, start=1)
    ]
    naik = sum(u.dampak_keuangan for u in data.usulan if u.dampak_keuangan > 0)
    turun = sum(u.dampak_keuangan for u in data.usulan if u.dampak_keuangan < 0)
    bersih = naik + turun
    rows.append(jumlah(KK.kalimat("jumlah-dampak-positif"), _rp(naik), "", "", ""))
    rows.append(jumlah(KK.kalimat("jumlah-dampak-negatif"), _rp(turun), "", "", ""))
    rows.append(jumlah(KK.kalimat("dampak-bersih-per-tahun"), _rp(bersih), "", "", ""))
    blok.append(
        KK.tabel("usulan-peningkatan-kapasitas-keuangan", rows, [KK.kalimat("dampak-positif-tambahan-pendapatan")])
    )
    return blok


def draft_stpp(bahan: Bahan, t: Keuangan) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t46``)."""
    tabel = bahan.tabel
    cap_k = tabel(4, kalimat("t46_tabel_kondisi"))
    cap_u = tabel(4, kalimat("t46_tabel_usulan"))
    return {
        "pengantar": kalimat("t46_pengantar", tabel_kondisi=_ref(cap_k), tabel_usulan=_ref(cap_u)),
        "tabel_kondisi": cap_k,
        "kondisi": [
            {
                "no": _nomor(i),
                "indikator": k.indikator,
                "nilai": _nilai(Decimal(str(k.nilai)), k.satuan),
                "tahun": str(k.tahun),
                "keterangan": k.keterangan or k.sumber,
            }
            for i, k in enumerate(t.kondisi, 1)
        ],
        "tabel_usulan": cap_u,
        "usulan": [
            {
                "no": _nomor(i),
                "uraian": u.uraian,
                "kategori": KATEGORI_KEUANGAN_LABEL[u.kategori],
                "dampak": idfmt.rupiah(u.dampak_keuangan),
                "prasyarat": list(u.prasyarat) or ["–"],
            }
            for i, u in enumerate(t.usulan, 1)
        ],
    }


BAGIAN = Bagian(Keuangan, kertas_kerja, draft_stpp)
