"""Topik 3.2, Analisis Manajemen Persoalan Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 3), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler.analysis.analisis import Analisis
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _ref, muat_halaman
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _content, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap3 import (
    TAHAP_ALUR,
    AkarMasalah,
)
from assembler.pictures import gambar_diagram_alur_pelayanan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("3.2")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: AkarMasalah) -> list[Blok]:
    """Kertas Kerja Tahap 3, Topik 3.2."""
    alur = _content(view).alur
    nama = Nama(view)
    akar = nama.akar
    rows: list[Isi] = []
    no = 0
    for tahap in TAHAP_ALUR:
        t = alur.tahap[tahap]
        rows.append(Kelompok(KK.kalimat("tahap", urutan=t.urutan, nama=t.nama)))
        items = [a for a in data.akar_masalah if a.tahap_alur == tahap]
        for a in items:
            no += 1
            rows.append([_no(no), a.id, a.uraian, nama.sebut(nama.isu, a.isu) if a.isu else "–"])
        if not items:
            rows.append(["–", "–", KK.kalimat("belum-ada-akar-masalah"), "–"])
    blok = [KK.tabel("akar-masalah-per-tahap", rows)]
    solusi = nama.solusi
    blok.append(
        KK.tabel(
            "solusi-alternatif",
            [
                [_no(i), s.id, s.uraian, [f"{k}: {akar.get(k, '')}".rstrip(": ") for k in s.akar_masalah]]
                for i, s in enumerate(data.solusi_alternatif, start=1)
            ],
        )
    )
    blok.append(
        KK.tabel(
            "solusi-terpadu",
            [
                [_no(i), st.id, st.rumusan, [f"{k}: {solusi.get(k, '')}".rstrip(": ") for k in st.solusi]]
                for i, st in enumerate(data.solusi_terpadu, start=1)
            ],
        )
    )
    return blok


def gambar(view: WorkspaceView, data: AkarMasalah) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(pictures.gambar_diagram_alur_pelayanan(data, nomor=None))]


def draft_stpp(bahan: Bahan, t: AkarMasalah) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t32``)."""
    tabel, content = bahan.tabel, bahan.content
    cap = tabel(3, kalimat("t32_tabel"))
    solusi_per_akar: dict[str, list[str]] = {}
    for s in t.solusi_alternatif:
        for am in s.akar_masalah:
            solusi_per_akar.setdefault(am, []).append(s.uraian)
    baris = []
    nomor = 0
    for tahap in TAHAP_ALUR:
        items = [a for a in t.akar_masalah if a.tahap_alur == tahap]
        for j, a in enumerate(items):
            nomor += 1
            baris.append(
                {
                    "no": _nomor(nomor),
                    "tahap": content.alur.tahap[tahap].nama if j == 0 else "",
                    "akar": a.uraian,
                    "solusi": solusi_per_akar.get(a.id, []) or ["–"],
                }
            )
    return {
        "pengantar": kalimat("t32_pengantar", tabel=_ref(cap), jumlah=_angka_jumlah(len(t.solusi_terpadu))),
        "tabel": cap,
        "baris": baris,
        "terpadu": [{"no": _nomor(i), "teks": _kalimat(s.rumusan)} for i, s in enumerate(t.solusi_terpadu, 1)],
        "gambar": daftar_gambar(muat_halaman([gambar_diagram_alur_pelayanan(t, nomor=tabel.gambar(3))])),
    }


BAGIAN = Bagian(AkarMasalah, kertas_kerja, draft_stpp, gambar=gambar)
