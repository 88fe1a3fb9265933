"""Shared pieces of the Draft STPP: table numbering, sentence and number formats used by every chapter."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from assembler import idfmt
from assembler.analysis.kesenjangan import AnalisisKesenjangan
from assembler.documents.dasar_hukum import katalog_ruang_kerja, kutipan
from assembler.documents.draft_stpp.kalimat import kalimat, kalimat_mentah
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.naskah import periode
from assembler.models.tahap5 import CitizenCharter, SkemaTindakan
from assembler.pictures.common import ukuran_alami_mm
from assembler.render import Gambar
from assembler.workspace_view import WorkspaceView

#: Tallest picture (mm) that still leaves its caption room on an F4 page of the draft.
TINGGI_GAMBAR_MM = 205.0


def muat_halaman(gambar: Sequence[Gambar], tinggi_maks: float = TINGGI_GAMBAR_MM) -> list[Gambar]:
    """Pictures narrowed until each, with its caption, fits one page (a caption never stands alone)."""
    out = []
    for g in gambar:
        lebar, tinggi = ukuran_alami_mm(g.png)
        tinggi_cetak = g.lebar_mm * tinggi / lebar if lebar else 0.0
        if tinggi_cetak > tinggi_maks:
            g = replace(g, lebar_mm=round(tinggi_maks * lebar / tinggi, 1))
        out.append(g)
    return out


def _kalimat(teks: str) -> str:
    """User text as a sentence: a final period when it has none."""
    teks = teks.strip()
    return teks if not teks or teks[-1] in ".!?" else teks + "."


def _angka_jumlah(n: int) -> str:
    """Small counts in words in prose (``lima``), as formal Indonesian writes them."""
    return idfmt.terbilang(n) if 0 <= n <= 10 else idfmt.angka(n)


def _ref(caption: str) -> str:
    """``Tabel 2.3`` out of ``Tabel 2.3 Analisis ...``: how the prose points at a table.

    The reference is the caption's start in the form of ``tabel`` in ``content/draft-stpp.yaml``, so
    rewording that form (``Tab. {nomor}``) changes captions and references together.
    """
    bagian = kalimat_mentah("tabel").split("{nomor}")
    bentuk = r"[0-9]+\.[0-9]+".join(re.escape(b) for b in bagian)
    m = re.match(bentuk, caption)
    assert m is not None, caption  # every caption comes from _Penomor
    return m.group(0)


def _belum_tercapai(gap: AnalisisKesenjangan) -> str:
    """``tiga``, or ``seluruhnya`` when no indicator met its target."""
    n = gap.jumlah_belum_tercapai
    return kalimat("belum_tercapai_semua") if n == len(gap.baris) and n > 1 else _angka_jumlah(n)


class _Penomor:
    """Table and picture numbers per chapter (``Tabel 2.3``, ``Gambar 4.1``), in the order the template prints them."""

    def __init__(self) -> None:
        self._per_bab: dict[int, int] = {}
        self._gambar: dict[int, int] = {}

    def __call__(self, bab: int, judul: str) -> str:
        self._per_bab[bab] = self._per_bab.get(bab, 0) + 1
        return f"{kalimat('tabel', nomor=f'{bab}.{self._per_bab[bab]}')} {judul}"

    def gambar(self, bab: int) -> str:
        """The next picture number of chapter ``bab`` (``4.2``); the picture helper writes ``Gambar``."""
        self._gambar[bab] = self._gambar.get(bab, 0) + 1
        return f"{bab}.{self._gambar[bab]}"


def _regulasi(view: WorkspaceView) -> dict[str, Any]:
    """Title and status of every regulation code the workspace can cite (catalogue and 2.2 entries)."""
    katalog = katalog_ruang_kerja(view)
    out: dict[str, Any] = {}
    for kode, reg in katalog.items():
        judul, status = kutipan(reg, katalog)
        out[kode] = {"judul": judul, "status": status}
    return out


def _pemilahan(view: WorkspaceView, nama: Nama) -> dict[str, Any] | None:
    """Actions the PDAM can start now versus those awaiting the Kepala Daerah (5.2, per 5.1 kegiatan)."""
    charter = view.get(CitizenCharter)
    if charter is None:
        return None
    skema = view.get(SkemaTindakan)
    kelompok: dict[str, list[dict[str, str]]] = {"langsung_dilaksanakan": [], "perlu_persetujuan": [], "": []}
    jumlah = {k: 0 for k in kelompok}
    if skema is not None:
        for _loc, _kl, kg in skema.iter_kegiatan():
            k = charter.kelompok(kg) or ""
            jumlah[k] += kg.biaya
            kelompok[k].append(
                {
                    "rumusan": kg.rumusan,
                    "jadwal": periode(kg.jadwal.mulai, kg.jadwal.selesai, "–"),
                    "biaya": idfmt.angka(kg.biaya),
                    "sumber": kg.sumber_dana,
                }
            )
    else:
        # Without the logframe only the names of the sorted actions can be printed.
        for k, ids in (
            ("langsung_dilaksanakan", charter.pemilahan.langsung_dilaksanakan),
            ("perlu_persetujuan", charter.pemilahan.perlu_persetujuan),
        ):
            kelompok[k] = [{"rumusan": nama.nama_kegiatan(x), "jadwal": "", "biaya": "", "sumber": ""} for x in ids]
    for rows in kelompok.values():
        for i, row in enumerate(rows, 1):
            row["no"] = _nomor(i)
    return {
        "langsung": kelompok["langsung_dilaksanakan"],
        "perlu": kelompok["perlu_persetujuan"],
        "belum": kelompok[""],
        "langsung_jumlah": idfmt.rupiah(jumlah["langsung_dilaksanakan"]),
        "perlu_jumlah": idfmt.rupiah(jumlah["perlu_persetujuan"]),
        "belum_jumlah": idfmt.rupiah(jumlah[""]),
        "langsung_angka": idfmt.angka(jumlah["langsung_dilaksanakan"]),
        "perlu_angka": idfmt.angka(jumlah["perlu_persetujuan"]),
        "belum_angka": idfmt.angka(jumlah[""]),
        "ada_biaya": skema is not None,
    }
