"""Topik 2.3, Analisis Kesenjangan Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 2), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _belum_tercapai, _kalimat, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _kapital, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap2 import Kesenjangan
from assembler.pictures import gambar_grafik_kesenjangan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("2.3")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Kesenjangan) -> list[Blok]:
    """Kertas Kerja Tahap 2, Topik 2.3."""
    hasil = analisis.kesenjangan
    assert hasil is not None  # 2.3 is present
    arah = {"naik": KK.kalimat("arah-naik"), "turun": KK.kalimat("arah-turun")}
    rows: list[Isi] = []
    for i, b in enumerate(hasil.baris, start=1):
        ind = data.indikator[i - 1]
        rows.append(
            [
                _no(i),
                b.nama,
                b.satuan,
                arah[b.arah],
                _angka(b.target),
                f"{_angka(b.realisasi)} ({b.tahun})",
                _angka(b.selisih),
                idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–",
                _kapital(b.status),
                KK.kalimat("ya") if b.strategis else "–",
                ind.sumber_data,
            ]
        )
    blok = [
        KK.tabel(
            "analisis-kesenjangan-kuantitatif-pencapaian",
            rows,
            [
                KK.kalimat("acuan-target", acuan=data.acuan) if data.acuan else "",
                KK.kalimat("makin-tinggi-makin-baik"),
                KK.kalimat("makin-rendah-makin-baik"),
                KK.kalimat("kesenjangan-positif-berarti-target"),
                KK.kalimat(
                    "ringkasan-indikator-belum-mencapai",
                    belum_tercapai=hasil.jumlah_belum_tercapai,
                    jumlah=len(hasil.baris),
                ),
            ],
        )
    ]
    blok[0]["catatan"] = [c for c in blok[0]["catatan"] if c]
    strategis = [b for b in hasil.baris if b.strategis]
    blok.append(
        KK.tabel(
            "indikator-strategis-tahap-4",
            [
                [_no(i), b.nama, f"{_angka(b.selisih)} {b.satuan}", b.alasan_strategis or "–"]
                for i, b in enumerate(strategis, start=1)
            ]
            or [["–", KK.kalimat("belum-ada-indikator-strategis"), "–", "–"]],
        )
    )
    return blok


def gambar(view: WorkspaceView, data: Kesenjangan) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(pictures.gambar_grafik_kesenjangan(data, nomor=None))]


def draft_stpp(bahan: Bahan, t: Kesenjangan) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t23``)."""
    tabel, gap = bahan.tabel, bahan.analisis.kesenjangan
    if gap is None:
        return None
    cap = tabel(2, kalimat("t23_tabel"))
    baris = []
    for i, b in enumerate(gap.baris, 1):
        arah = " " + kalimat("t23_arah_turun") if b.arah == "turun" else ""
        baris.append(
            {
                "no": _nomor(i),
                "indikator": f"{b.nama}{arah}",
                "satuan": b.satuan,
                "target": idfmt.angka(b.target),
                "realisasi": f"{idfmt.angka(b.realisasi)} ({b.tahun})",
                "selisih": idfmt.angka(b.selisih) if not b.tercapai else "–",
                "capaian": idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–",
                "status": b.status.capitalize(),
                "strategis": kalimat("t23_strategis") if b.strategis else "–",
            }
        )
    acuan = " " + kalimat("t23_acuan", acuan=t.acuan) if t.acuan else ""
    return {
        "gambar": daftar_gambar([gambar_grafik_kesenjangan(t, nomor=tabel.gambar(2))]),
        "pengantar": kalimat(
            "t23_pengantar",
            acuan=acuan,
            tabel=_ref(cap),
            jumlah=_angka_jumlah(len(gap.baris)),
            belum=_belum_tercapai(gap),
        ),
        "tabel": cap,
        "baris": baris,
        "strategis": [
            {"no": _nomor(i), "teks": f"{b.nama}: {_kalimat(b.alasan_strategis)}" if b.alasan_strategis else b.nama}
            for i, b in enumerate([b for b in gap.baris if b.strategis], 1)
        ],
    }


BAGIAN = Bagian(Kesenjangan, kertas_kerja, draft_stpp, gambar=gambar)
