"""Topik 5.1, Rancangan Pengembangan Efektivitas Teknis dan Manajemen Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 5), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _content, _lines, _no, _rentang, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    Kolom,
    Nilai,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun, periode
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    Prioritas,
)
from assembler.models.tahap5 import (
    IndikatorLogframe,
    Kegiatan,
    Keluaran,
    Sasaran,
    SkemaTindakan,
    Tujuan,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("5.1")


def _indikator_logframe(ind: IndikatorLogframe) -> str:
    return KK.kalimat(
        "indikator-logframe",
        id=ind.id,
        ukuran=ind.ukuran,
        baseline=_angka(Decimal(str(ind.baseline))),
        target=_angka(Decimal(str(ind.target))),
        satuan=ind.satuan,
        tenggat=bulan_tahun(ind.tenggat),
    )


def _porsi(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) / Decimal(total) * 100, 2) if total else "–"


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: SkemaTindakan) -> list[Blok]:
    """Kertas Kerja Tahap 5, Topik 5.1."""
    nama = Nama(view)
    tj = data.tujuan
    rows: list[Isi] = []

    nomor = analisis.logframe

    def level(obj: Tujuan | Sasaran | Keluaran | Kegiatan) -> list[Nilai]:
        return [
            nomor.label(obj.id),
            obj.id,
            obj.rumusan,
            [_indikator_logframe(i) for i in obj.indikator] or ["–"],
            [i.sumber_verifikasi for i in obj.indikator] or ["–"],
            _lines(obj.asumsi) if obj.asumsi else "–",
        ]

    rows.append(level(tj))
    for ss in tj.sasaran:
        rows.append(level(ss))
        for kl in ss.keluaran:
            rows.append(level(kl))
            for kg in kl.kegiatan:
                rows.append(level(kg))
    blok = [KK.tabel("ringkasan-smart-logframe", rows)]
    t47 = view.get(Prioritas)
    ringkas = analisis.anggaran
    assert ringkas is not None  # 5.1 is present
    years = [t.tahun for t in ringkas.per_tahun]
    kol = KK.kolom(
        "skema-tindakan",
        sisipan={"tahun": [Kolom(KK.kalimat("kolom-biaya-tahun", tahun=y), 1.7, "angka") for y in years]},
    )
    rows = []
    no = 0
    total_keluaran = {t.keluaran: t.jumlah for t in ringkas.per_keluaran}
    for _loc, kl in data.iter_keluaran():
        rows.append(Kelompok(f"{nomor.label(kl.id)}: {kl.rumusan}"))
        for kg in kl.kegiatan:
            no += 1
            rows.append(
                [
                    _no(no),
                    f"{analisis.logframe.nomor[kg.id]} {kg.rumusan}",
                    nama.sebut(nama.tindakan, kg.tindakan),
                    _rentang(kg.jadwal.mulai, kg.jadwal.selesai),
                    kg.pelaksana,
                    nama.orang_lengkap(kg.penanggung_jawab),
                    kg.sumber_dana,
                    *(_rp(kg.biaya_per_tahun[y]) if y in kg.biaya_per_tahun else "–" for y in years),
                    _rp(kg.biaya),
                ]
            )
        per_year = [sum(kg.biaya_per_tahun.get(y, 0) for kg in kl.kegiatan) for y in years]
        rows.append(
            jumlah(
                KK.kalimat("jumlah-keluaran", keluaran=nomor.label(kl.id)),
                *(_rp(v) for v in per_year),
                _rp(total_keluaran[kl.id]),
            )
        )
    rows.append(
        jumlah(KK.kalimat("jumlah-seluruh-kegiatan"), *(_rp(t.jumlah) for t in ringkas.per_tahun), _rp(ringkas.total))
    )
    blok.append(
        tabel(
            KK.judul("skema-tindakan"),
            kol,
            rows,
            [
                KK.kalimat(
                    "jumlah-anggaran-skema-tindakan",
                    rupiah=idfmt.rupiah(ringkas.total),
                    terbilang_rupiah=idfmt.terbilang_rupiah(ringkas.total),
                )
            ],
        )
    )
    p3o = _content(view).p3o
    rekap: list[tuple[str, list[tuple[str, int]]]] = [
        (
            "rekapitulasi-keluaran",
            [(f"{nomor.label(t.keluaran)}: {t.rumusan}", t.jumlah) for t in ringkas.per_keluaran],
        ),
        (
            "rekapitulasi-aspek",
            [
                (
                    p3o.aspek[t.aspek].nama if t.aspek in p3o.aspek else KK.kalimat("aspek-belum-diketahui-topik"),
                    t.jumlah,
                )
                for t in ringkas.per_aspek
            ],
        ),
        ("rekapitulasi-sumber-dana", [(t.sumber_dana, t.jumlah) for t in ringkas.per_sumber_dana]),
        ("rekapitulasi-tahun", [(str(t.tahun), t.jumlah) for t in ringkas.per_tahun]),
    ]
    for kunci, items in rekap:
        rows = [[_no(i), teks, _rp(n), _porsi(n, ringkas.total)] for i, (teks, n) in enumerate(items, 1)]
        subtotal = sum(n for _t, n in items)
        rows.append(jumlah(KK.kalimat("jumlah"), _rp(subtotal), _porsi(subtotal, ringkas.total)))
        blok.append(KK.tabel(kunci, rows))
    blok[-1]["catatan"] = [
        KK.kalimat("keempat-rekapitulasi-dihitung-biaya", rupiah=idfmt.rupiah(ringkas.total)),
        KK.kalimat("aspek-kegiatan-mengikuti-aspek") if t47 is not None else KK.kalimat("topik-4-7-belum"),
    ]
    if data.catatan:
        blok.append(paragraf(data.catatan))
    return blok


def _persen_bagian(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) * 100 / Decimal(total), 1) if total else "–"


def _indikator_rows(
    tingkat: str, rumusan: str, indikator: Sequence[IndikatorLogframe], asumsi: Sequence[str]
) -> list[dict[str, Any]]:
    rows = []
    for j, ind in enumerate(indikator):
        rows.append(
            {
                "tingkat": tingkat if j == 0 else "",
                "rumusan": rumusan if j == 0 else "",
                "indikator": f"{ind.ukuran} ({ind.satuan})",
                "baseline": idfmt.angka(Decimal(str(ind.baseline))),
                "target": idfmt.angka(Decimal(str(ind.target))),
                "tenggat": bulan_tahun(ind.tenggat),
                "sumber": ind.sumber_verifikasi,
                # A cell needs at least one paragraph: an empty list would leave a cell without one.
                "asumsi": (list(asumsi) or [""]) if j == 0 else [""],
            }
        )
    return rows


def draft_stpp(bahan: Bahan, t: SkemaTindakan) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t51``)."""
    tabel, nama, content = bahan.tabel, bahan.nama, bahan.content
    anggaran, nomor = bahan.analisis.anggaran, bahan.analisis.logframe
    if anggaran is None:
        return None
    cap_lf = tabel(5, kalimat("t51_tabel_logframe"))
    cap_sk = tabel(5, kalimat("t51_tabel_skema"))
    cap_rk = tabel(5, kalimat("t51_tabel_rekap"))
    tj = t.tujuan
    # The numbering of the Smart Logframe attachment (analysis.logframe): one name per element everywhere.
    logframe = _indikator_rows(nomor.label(tj.id), tj.rumusan, tj.indikator, tj.asumsi)
    for ss in tj.sasaran:
        logframe += _indikator_rows(nomor.label(ss.id), ss.rumusan, ss.indikator, ss.asumsi)
        for kl in ss.keluaran:
            logframe += _indikator_rows(nomor.label(kl.id), kl.rumusan, kl.indikator, kl.asumsi)
            for kg in kl.kegiatan:
                if kg.indikator:
                    logframe += _indikator_rows(nomor.label(kg.id), kg.rumusan, kg.indikator, kg.asumsi)
    total_kl = {x.keluaran: x.jumlah for x in anggaran.per_keluaran}
    keluaran = []
    for _loc, kl in t.iter_keluaran():
        kegiatan = []
        for kg in kl.kegiatan:
            tindakan = nama.tindakan_model.get(kg.tindakan)
            aspek = f" ({content.p3o.aspek[tindakan.aspek].nama})" if tindakan is not None else ""
            kegiatan.append(
                {
                    "no": nomor.nomor[kg.id],
                    "rumusan": kg.rumusan,
                    "tindakan": f"{nama.nama_tindakan(kg.tindakan)}{aspek}",
                    "jadwal": periode(kg.jadwal.mulai, kg.jadwal.selesai, "–"),
                    "pelaksana": kg.pelaksana,
                    "pj": nama.orang(kg.penanggung_jawab),
                    "biaya": idfmt.angka(kg.biaya),
                    "sumber": kg.sumber_dana,
                }
            )
        keluaran.append(
            {
                "judul": f"{nomor.label(kl.id)}: {kl.rumusan}",
                "kegiatan": kegiatan,
                "jumlah_label": kalimat("t51_jumlah_keluaran", keluaran=nomor.label(kl.id)),
                "jumlah": idfmt.angka(total_kl.get(kl.id, 0)),
            }
        )
    # The recap: a group row, then one row per source of funds, per budget year, per action aspect.
    kelompok: list[tuple[str, list[tuple[str, int]]]] = [
        (kalimat("t51_rekap_sumber_dana"), [(s.sumber_dana, s.jumlah) for s in anggaran.per_sumber_dana]),
        (kalimat("t51_rekap_tahun"), [(kalimat("t51_tahun", tahun=x.tahun), x.jumlah) for x in anggaran.per_tahun]),
        (
            kalimat("t51_rekap_aspek"),
            [
                (
                    content.p3o.aspek[a.aspek].nama if a.aspek in content.p3o.aspek else kalimat("t51_aspek_belum"),
                    a.jumlah,
                )
                for a in anggaran.per_aspek
            ],
        ),
    ]
    rekap: list[dict[str, str]] = []
    for judul, baris in kelompok:
        rekap.append({"kelompok": judul, "uraian": "", "jumlah": "", "persen": ""})
        rekap += [
            {
                "kelompok": "",
                "uraian": uraian,
                "jumlah": idfmt.angka(jumlah),
                "persen": _persen_bagian(jumlah, anggaran.total),
            }
            for uraian, jumlah in baris
        ]
    return {
        "pengantar_logframe": kalimat("t51_pengantar_logframe", tabel=_ref(cap_lf)),
        "tabel_logframe": cap_lf,
        "logframe": logframe,
        "pengantar_skema": kalimat(
            "t51_pengantar_skema",
            tabel=_ref(cap_sk),
            total=idfmt.rupiah(anggaran.total),
            terbilang=idfmt.terbilang_rupiah(anggaran.total),
        ),
        "tabel_skema": cap_sk,
        "keluaran": keluaran,
        "total": idfmt.angka(anggaran.total),
        "pengantar_rekap": kalimat("t51_pengantar_rekap", tabel=_ref(cap_rk)),
        "tabel_rekap": cap_rk,
        "rekap": rekap,
        "total_rupiah": idfmt.rupiah(anggaran.total),
        "catatan": t.catatan,
    }


BAGIAN = Bagian(SkemaTindakan, kertas_kerja, draft_stpp)
