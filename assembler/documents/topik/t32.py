"""Topik 3.2, Analisis Manajemen Persoalan Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 3), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _content, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.nama import Nama
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap3 import (
    TAHAP_ALUR,
    AkarMasalah,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("3.2")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: AkarMasalah) -> list[Blok]:
    """Kertas Kerja Tahap 3, Topik 3.2."""
    alur = _content(view).alur
    akar = {a.id: a.uraian for a in data.akar_masalah}
    nama = Nama(view)
    rows: list[Isi] = []
    no = 0
    for tahap in TAHAP_ALUR:
        t = alur.tahap[tahap]
        rows.append(Kelompok(f"Tahap {t.urutan}: {t.nama}"))
        items = [a for a in data.akar_masalah if a.tahap_alur == tahap]
        for a in items:
            no += 1
            rows.append([_no(no), a.id, a.uraian, nama.sebut(nama.isu, a.isu) if a.isu else "–"])
        if not items:
            rows.append(["–", "–", KK.kalimat("belum-ada-akar-masalah"), "–"])
    blok = [KK.tabel("akar-masalah-per-tahap", rows)]
    solusi = {s.id: s.uraian for s in data.solusi_alternatif}
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


BAGIAN = Bagian(AkarMasalah, kertas_kerja, draft_stpp.BAGIAN["3.2"], gambar=gambar)
