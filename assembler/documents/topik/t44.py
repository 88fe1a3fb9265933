"""Topik 4.4, Rancangan Pengembangan Kapasitas Personil.

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
from assembler.documents.kertas_kerja.umum import _angka, _kapital, _lines, _no, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    jumlah,
)
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    Personil,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.4")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Personil) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.4."""
    rows: list[Isi] = []
    for i, b in enumerate(data.kebutuhan, start=1):
        kurang = b.kekurangan
        ket = _angka(kurang) if kurang >= 0 else KK.kalimat("kelebihan", jumlah=_angka(-kurang))
        rows.append(
            [_no(i), b.unit, b.posisi, _angka(b.jumlah_ada), _angka(b.jumlah_dibutuhkan), ket, _lines(b.kompetensi)]
        )
    ada = sum(b.jumlah_ada for b in data.kebutuhan)
    butuh = sum(b.jumlah_dibutuhkan for b in data.kebutuhan)
    kurang_total = sum(max(b.kekurangan, 0) for b in data.kebutuhan)
    rows.append(jumlah(KK.kalimat("jumlah"), _angka(ada), _angka(butuh), _angka(kurang_total), ""))
    blok = [
        KK.tabel("kebutuhan-pengembangan-personil", rows, [KK.kalimat("kekurangan-jumlah-dibutuhkan-jumlah")]),
        KK.tabel(
            "peningkatan-kompetensi-personil",
            [
                [
                    _no(i),
                    k.kompetensi,
                    k.sasaran or "–",
                    k.kondisi_saat_ini,
                    k.kondisi_diharapkan,
                    _kapital(k.prioritas),
                ]
                for i, k in enumerate(data.peningkatan_kompetensi, start=1)
            ],
        ),
    ]
    rows = [
        [
            _no(i),
            p.id,
            _kapital(p.jenis),
            p.nama,
            p.sasaran_peserta,
            _angka(p.jumlah_peserta),
            p.waktu,
            p.penyelenggara,
            _rp(p.biaya),
        ]
        for i, p in enumerate(data.program, start=1)
    ]
    total = sum(p.biaya for p in data.program)
    rows.append(jumlah(KK.kalimat("jumlah"), _rp(total)))
    blok.append(
        KK.tabel(
            "program-peningkatan-kemampuan-personil",
            rows,
            [KK.kalimat("jumlah-biaya", rupiah=idfmt.rupiah(total), terbilang_rupiah=idfmt.terbilang_rupiah(total))],
        )
    )
    blok.append(
        KK.tabel(
            "kerangka-acuan-tor-program",
            [[p.id, p.nama, p.tor.latar_belakang, p.tor.tujuan, p.tor.keluaran] for p in data.program],
        )
    )
    return blok


def draft_stpp(bahan: Bahan, t: Personil) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t44``)."""
    tabel = bahan.tabel
    cap_k = tabel(4, kalimat("t44_tabel_kebutuhan"))
    cap_p = tabel(4, kalimat("t44_tabel_program"))
    total = sum(p.biaya for p in t.program)
    return {
        "pengantar": kalimat("t44_pengantar", tabel_kebutuhan=_ref(cap_k), tabel_program=_ref(cap_p)),
        "tabel_kebutuhan": cap_k,
        "kebutuhan": [
            {
                "no": _nomor(i),
                "unit": k.unit,
                "posisi": k.posisi,
                "ada": idfmt.angka(k.jumlah_ada),
                "butuh": idfmt.angka(k.jumlah_dibutuhkan),
                "kurang": idfmt.angka(k.kekurangan) if k.kekurangan > 0 else "–",
            }
            for i, k in enumerate(t.kebutuhan, 1)
        ],
        "tabel_program": cap_p,
        "program": [
            {
                "no": _nomor(i),
                "nama": p.nama,
                "jenis": p.jenis.capitalize(),
                "peserta": kalimat("t44_peserta", jumlah=idfmt.angka(p.jumlah_peserta)),
                "waktu": p.waktu,
                "biaya": idfmt.angka(p.biaya),
            }
            for i, p in enumerate(t.program, 1)
        ],
        "total": idfmt.angka(total),
    }


BAGIAN = Bagian(Personil, kertas_kerja, draft_stpp)
