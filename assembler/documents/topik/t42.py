"""Topik 4.2, Rancangan Perbaikan Prosedur Pelayanan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.analysis.prosedur import teks_satuan
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _ref, muat_halaman
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _durasi, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    paragraf,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    PERUBAHAN_LABEL,
    JenisPerubahan,
    Prosedur,
)
from assembler.pictures import gambar_bagan_alir_prosedur
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.2")


def _selisih_langkah(n: int) -> str:
    return _angka(n) if n >= 0 else KK.kalimat("bertambah", jumlah=_angka(-n))


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Prosedur) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.2."""
    blok: list[Blok] = []
    for layanan in data.layanan:
        if layanan.keterangan:
            blok.append(paragraf(KK.kalimat("keterangan-layanan", nama=layanan.nama, keterangan=layanan.keterangan)))
        baru = {s.kode: s for s in layanan.langkah_perbaikan}
        rows: list[Isi] = []
        for i, s in enumerate(layanan.langkah_saat_ini, start=1):
            p = s.perubahan
            perubahan = PERUBAHAN_LABEL[p.jenis]
            if p.jenis == "dilimpahkan":
                perubahan = KK.kalimat("dilimpahkan-kepada", perubahan=perubahan, kepada=p.dilimpahkan_kepada)
            tujuan = [f"{k}: {baru[k].uraian}" if k in baru else k for k in p.langkah_baru] or ["–"]
            rows.append([_no(i), f"{s.kode}: {s.uraian}", s.pelaku, _durasi(s.durasi), perubahan, tujuan, p.alasan])
        blok.append(KK.tabel("perubahan-prosedur-per-langkah", rows, judul={"nama": layanan.nama}))
        blok.append(
            KK.tabel(
                "rancangan-bagan-alir-prosedur",
                [
                    [_no(i), s.kode, s.uraian, s.pelaku, _durasi(s.durasi), _lines(s.dokumen) if s.dokumen else "–"]
                    for i, s in enumerate(layanan.langkah_perbaikan, start=1)
                ],
                judul={"nama": layanan.nama},
            )
        )
        sebelum, sesudah = analisis.durasi_prosedur[layanan.id]
        satuan = [u for u in ("hari kerja", "hari", "menit") if u in sebelum or u in sesudah]
        rows = [
            [
                KK.kalimat("jumlah-langkah"),
                _angka(len(layanan.langkah_saat_ini)),
                _angka(len(layanan.langkah_perbaikan)),
                _selisih_langkah(len(layanan.langkah_saat_ini) - len(layanan.langkah_perbaikan)),
            ]
        ]
        for u in satuan:
            selisih = sebelum.get(u, Decimal(0)) - sesudah.get(u, Decimal(0))
            label = KK.kalimat("waktu-jam-menit") if u == "menit" else KK.kalimat("waktu-satuan", satuan=u)
            # The column says "Berkurang"; an improvement that takes longer must say so, not print "-1 jam".
            berkurang = (
                teks_satuan({u: selisih}, u)
                if selisih >= 0
                else KK.kalimat("bertambah", jumlah=teks_satuan({u: -selisih}, u))
            )
            rows.append([label, teks_satuan(sebelum, u), teks_satuan(sesudah, u), berkurang])
        hitung = {j: sum(1 for s in layanan.langkah_saat_ini if s.perubahan.jenis == j) for j in PERUBAHAN_LABEL}
        blok.append(
            KK.tabel(
                "perbandingan-prosedur-sebelum-sesudah",
                rows,
                [
                    KK.kalimat("waktu-dijumlahkan-per-satuan"),
                    KK.kalimat(
                        "perubahan-langkah",
                        daftar=", ".join(f"{PERUBAHAN_LABEL[j].lower()} {n}" for j, n in hitung.items() if n),
                    ),
                ],
                judul={"nama": layanan.nama},
            )
        )
    return blok


def gambar(view: WorkspaceView, data: Prosedur) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [
        blok_gambar(g) for layanan in data.layanan for g in pictures.gambar_bagan_alir_prosedur(layanan, nomor=None)
    ]


def draft_stpp(bahan: Bahan, t: Prosedur) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t42``)."""
    tabel = bahan.tabel
    layanan = []
    for lay in t.layanan:
        cap = tabel(4, kalimat("t42_tabel", layanan=lay.nama))
        per_jenis: dict[JenisPerubahan, list[str]] = {}
        for s in lay.langkah_saat_ini:
            per_jenis.setdefault(s.perubahan.jenis, []).append(s.kode)
        perubahan = idfmt.daftar(
            [
                kalimat("t42_langkah_berubah", jumlah=_angka_jumlah(len(v)), perubahan=PERUBAHAN_LABEL[k].lower())
                for k, v in per_jenis.items()
                if k != "tetap"
            ]
        )
        pengantar = kalimat(
            "t42_pengantar",
            layanan=lay.nama.lower(),
            jumlah_lama=_angka_jumlah(len(lay.langkah_saat_ini)),
            perubahan=perubahan or kalimat("t42_tetap"),
            jumlah_baru=_angka_jumlah(len(lay.langkah_perbaikan)),
            tabel=_ref(cap),
        )
        langkah = [
            {
                "no": _nomor(i),
                "uraian": s.uraian,
                "pelaku": s.pelaku,
                "waktu": f"{idfmt.angka(Decimal(str(s.durasi.nilai)))} {s.durasi.satuan}",
            }
            for i, s in enumerate(lay.langkah_perbaikan, 1)
        ]
        # The flowchart shows the procedure before and after, side by side (Gambar 4.n).
        gambar = daftar_gambar(muat_halaman(gambar_bagan_alir_prosedur(lay, nomor=tabel.gambar(4))))
        layanan.append({"pengantar": pengantar, "tabel": cap, "langkah": langkah, "gambar": gambar})
    return {"layanan": layanan}


BAGIAN = Bagian(Prosedur, kertas_kerja, draft_stpp, gambar=gambar)
