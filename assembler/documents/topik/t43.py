"""Topik 4.3, Rancangan Pengembangan Kebijakan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler.analysis.analisis import Analisis
from assembler.documents.dasar_hukum import katalog_ruang_kerja
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _kepala, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.legal import judul as judul_regulasi
from assembler.models.tahap4 import (
    Kebijakan,
    nama_jenis_kebijakan,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.3")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Kebijakan) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.3."""
    nama = Nama(view)
    kepala = _kepala(view)
    lembaga = nama.lembaga
    katalog = katalog_ruang_kerja(view)

    def reg(kode: str) -> str:
        r = katalog.get(kode)
        return judul_regulasi(r) if r is not None else kode

    rows: list[Isi] = []
    for i, u in enumerate(data.usulan, start=1):
        status = (
            KK.kalimat("baru")
            if u.status == "baru"
            else KK.kalimat("revisi-atas", regulasi=reg(u.regulasi_direvisi or ""))
        )
        rows.append(
            [
                _no(i),
                u.id,
                nama_jenis_kebijakan(u.jenis, kepala),
                u.judul,
                status,
                _lines(u.substansi_pokok),
                _lines([reg(r) for r in u.regulasi_acuan]) if u.regulasi_acuan else "–",
                lembaga.get(u.pemrakarsa) or nama.sh(u.pemrakarsa),
            ]
        )
    blok = [KK.tabel("usulan-penyempurnaan-penyusunan-kebijakan", rows)]
    rows = []
    no = 0
    for u in data.usulan:
        if not u.rencana_pembahasan:
            continue
        rows.append(Kelompok(f"{u.id}: {u.judul}"))
        for r in u.rencana_pembahasan:
            no += 1
            rows.append(
                [
                    _no(no),
                    r.kegiatan,
                    _lines([nama.sh(p) for p in r.pihak_terkait], bernomor=False),
                    r.waktu,
                    r.keluaran,
                ]
            )
    blok.append(
        KK.tabel(
            "rencana-pembahasan-usulan-kebijakan",
            rows or [["–", KK.kalimat("belum-ada-rencana-pembahasan"), "–", "–", "–"]],
        )
    )
    return blok


def draft_stpp(bahan: Bahan, t: Kebijakan) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t43``)."""
    tabel, nama, r = bahan.tabel, bahan.nama, bahan.r
    cap = tabel(4, kalimat("t43_tabel"))
    baris = []
    for i, u in enumerate(t.usulan, 1):
        waktu = [p.waktu for p in u.rencana_pembahasan]
        baris.append(
            {
                "no": _nomor(i),
                "jenis": f"{nama_jenis_kebijakan(u.jenis, r['kepala'])} ({u.status})",
                "judul": u.judul,
                "pemrakarsa": nama.lembaga.get(u.pemrakarsa) or nama.stakeholder.get(u.pemrakarsa, u.pemrakarsa),
                "pembahasan": (waktu[0] if len(waktu) == 1 else kalimat("t43_rentang", awal=waktu[0], akhir=waktu[-1]))
                if waktu
                else "–",
            }
        )
    return {
        "pengantar": kalimat("t43_pengantar", jumlah=_angka_jumlah(len(t.usulan)), tabel=_ref(cap)),
        "tabel": cap,
        "baris": baris,
    }


BAGIAN = Bagian(Kebijakan, kertas_kerja, draft_stpp)
