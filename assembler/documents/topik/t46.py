"""Topik 4.6, Rancangan Peningkatan Kapasitas Keuangan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from decimal import Decimal

from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _lines, _no, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    jumlah,
)
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
    rows.append(jumlah("Jumlah dampak positif", _rp(naik), "", "", ""))
    rows.append(jumlah("Jumlah dampak negatif", _rp(turun), "", "", ""))
    rows.append(jumlah("Dampak bersih per tahun", _rp(bersih), "", "", ""))
    blok.append(
        KK.tabel("usulan-peningkatan-kapasitas-keuangan", rows, [KK.kalimat("dampak-positif-tambahan-pendapatan")])
    )
    return blok


BAGIAN = Bagian(Keuangan, kertas_kerja, draft_stpp.BAGIAN["4.6"])
