"""Topik 2.2, Analisis Peraturan Perundang-undangan Pelayanan Air Minum dan PDAM.

Its working-paper section (Kertas Kerja Tahap 2), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler.analysis.analisis import Analisis
from assembler.documents.dasar_hukum import katalog_ruang_kerja, kutipan
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.legal import judul as judul_regulasi
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("2.2")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: TopikRegulasi) -> list[Blok]:
    """Kertas Kerja Tahap 2, Topik 2.2."""
    katalog = katalog_ruang_kerja(view)
    regs = {e.kode: katalog[e.kode] for e in data.regulasi}
    blok = [
        KK.tabel(
            "peraturan-perundang-undangan-terkait",
            [
                [
                    _no(i),
                    *kutipan(regs[e.kode], katalog),
                    e.relevansi,
                    _lines(e.ketentuan) if e.ketentuan else "–",
                ]
                for i, e in enumerate(data.regulasi, start=1)
            ],
        ),
        KK.tabel(
            "lembaga-terkait-pelayanan-air",
            [[_no(i), lb.id, lb.nama, lb.peran] for i, lb in enumerate(data.lembaga, start=1)],
        ),
    ]
    lembaga = Nama(view).lembaga
    rows: list[Isi] = []
    for i, h in enumerate(data.hubungan, start=1):
        reg = katalog.get(h.regulasi)
        rows.append(
            [
                _no(i),
                judul_regulasi(reg) if reg is not None else h.regulasi,
                h.ketentuan or "–",
                _lines([lembaga.get(x, x) for x in h.lembaga], bernomor=False),
                h.kewenangan,
                h.implikasi,
            ]
        )
    blok.append(
        KK.tabel(
            "hubungan-antar-kebijakan", rows or [["–", KK.kalimat("belum-ada-baris-hubungan"), "–", "–", "–", "–"]]
        )
    )
    blok.append(
        KK.tabel(
            "koridor-hukum",
            [
                [KK.kalimat("koridor-penyusunan-stpp"), data.koridor_hukum.penyusunan_stpp],
                [KK.kalimat("koridor-kerja-sama"), data.koridor_hukum.kerja_sama_antarinstansi],
            ],
        )
    )
    return blok


def draft_stpp(bahan: Bahan, t: TopikRegulasi) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t22``)."""
    tabel, nama, reg = bahan.tabel, bahan.nama, bahan.reg
    cap_reg = tabel(2, kalimat("t22_tabel_regulasi"))
    cap_hub = tabel(2, kalimat("t22_tabel_hubungan"))
    regulasi = [
        {
            "no": _nomor(i),
            "judul": reg.get(e.kode, {}).get("judul", e.kode),
            "relevansi": e.relevansi,
            "status": reg.get(e.kode, {}).get("status", ""),
        }
        for i, e in enumerate(t.regulasi, 1)
    ]
    hubungan = [
        {
            "no": _nomor(i),
            "regulasi": reg.get(h.regulasi, {}).get("judul", h.regulasi) + (f" ({h.ketentuan})" if h.ketentuan else ""),
            "lembaga": [nama.lembaga.get(lb, lb) for lb in h.lembaga],
            "kewenangan": h.kewenangan,
            "implikasi": h.implikasi,
        }
        for i, h in enumerate(t.hubungan, 1)
    ]
    return {
        "pengantar": kalimat(
            "t22_pengantar",
            jumlah=_angka_jumlah(len(t.regulasi)),
            tabel_regulasi=_ref(cap_reg),
            tabel_hubungan=_ref(cap_hub),
        ),
        "tabel_regulasi": cap_reg,
        "regulasi": regulasi,
        "tabel_hubungan": cap_hub,
        "hubungan": hubungan,
        "koridor_penyusunan": t.koridor_hukum.penyusunan_stpp,
        "koridor_kerja_sama": t.koridor_hukum.kerja_sama_antarinstansi,
    }


BAGIAN = Bagian(TopikRegulasi, kertas_kerja, draft_stpp)
