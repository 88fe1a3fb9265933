"""Topik 4.1, Rancangan Peningkatan Kapasitas Teknis.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _kapital, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.naskah import target_usulan
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    HURUF_KUADRAN,
    KUADRAN,
    KapasitasTeknis,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.1")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: KapasitasTeknis) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.1."""
    nama = Nama(view)
    jenis = data.jenis_analisis
    kuadran = KUADRAN[jenis]
    blok = [
        KK.tabel(
            "analisis-kuadran",
            [[_lines(data.kuadran.get(k, [])) for k in kuadran]],
            judul={"jenis": jenis},
            sisipan={"kuadran": [Kolom(f"{_kapital(k)} ({HURUF_KUADRAN[k]})") for k in kuadran]},
        ),
        KK.tabel(
            "strategi-peningkatan-kapasitas-teknis",
            [
                [_no(i), s.id, s.label(jenis), idfmt.daftar([_kapital(k) for k in s.dasar]), s.uraian]
                for i, s in enumerate(data.strategi, start=1)
            ],
        ),
    ]
    gaps = analisis.kesenjangan
    rows: list[Isi] = []
    # codes pointing at other rows are written "kode: name", as everywhere in the working papers
    strategi, terpadu = nama.strategi, nama.solusi_terpadu
    for i, u in enumerate(data.usulan_tindakan, start=1):
        indikator = []
        for kode in u.indikator:
            b = gaps.baris_indikator(kode) if gaps is not None else None
            if b is not None:
                indikator.append(KK.kalimat("kesenjangan", nama=b.nama, angka=_angka(b.selisih), satuan=b.satuan))
            else:
                indikator.append(nama.sebut(nama.indikator, kode))
        rows.append(
            [
                _no(i),
                u.id,
                u.uraian,
                [nama.sebut(strategi, k) for k in u.strategi],
                indikator,
                target_usulan(view, u) or "–",
                [nama.sebut(terpadu, k) for k in u.solusi_terpadu] or "–",
            ]
        )
    blok.append(
        KK.tabel(
            "usulan-tindakan-peningkatan-kapasitas",
            rows,
            [KK.kalimat("kesenjangan-indikator-dihitung-topik")] if gaps is not None else [],
        )
    )
    return blok


def draft_stpp(bahan: Bahan, t: KapasitasTeknis) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t41``)."""
    view, tabel, nama = bahan.view, bahan.tabel, bahan.nama
    cap_q = tabel(4, kalimat("t41_tabel_kuadran", metode=t.jenis_analisis))
    cap_u = tabel(4, kalimat("t41_tabel_usulan"))
    urutan = KUADRAN[t.jenis_analisis]
    kuadran = [
        {"judul": f"{k.capitalize()} ({HURUF_KUADRAN[k]})", "butir": list(t.kuadran.get(k) or []) or ["–"]}
        for k in urutan
    ]
    pasangan = [{"kiri": kuadran[i], "kanan": kuadran[i + 1]} for i in range(0, len(kuadran) - 1, 2)]
    return {
        "pengantar": kalimat(
            "t41_pengantar",
            metode=t.jenis_analisis,
            tabel_kuadran=_ref(cap_q),
            jumlah_strategi=_angka_jumlah(len(t.strategi)),
            jumlah_usulan=_angka_jumlah(len(t.usulan_tindakan)),
            tabel_usulan=_ref(cap_u),
        ),
        "tabel_kuadran": cap_q,
        "pasangan": pasangan,
        "strategi": [{"no": s.label(t.jenis_analisis), "teks": _kalimat(s.uraian)} for s in t.strategi],
        "tabel_usulan": cap_u,
        "usulan": [
            {
                "no": _nomor(i),
                "uraian": u.uraian,
                "indikator": [nama.indikator.get(k, k) for k in u.indikator],
                "target": target_usulan(view, u),
            }
            for i, u in enumerate(t.usulan_tindakan, 1)
        ],
    }


BAGIAN = Bagian(KapasitasTeknis, kertas_kerja, draft_stpp)
