"""Topik 7.1, Monitoring dan Evaluasi.

Its working-paper section (Kertas Kerja Tahap 7), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from decimal import Decimal

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _kapital, _no, _tim
from assembler.documents.lembar import (
    Blok,
    Isi,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian
from assembler.models.tahap5 import (
    IndikatorLogframe,
    SkemaTindakan,
)
from assembler.models.tahap7 import Monev
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("7.1")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Monev) -> list[Blok]:
    """Kertas Kerja Tahap 7, Topik 7.1."""
    nama = Nama(view)
    skema = view.get(SkemaTindakan)
    letak: dict[str, tuple[str, IndikatorLogframe]] = {}
    if skema is not None:
        tj = skema.tujuan
        for ind in tj.indikator:
            letak[ind.id] = (analisis.logframe.label(tj.id), ind)
        for ss in tj.sasaran:
            for ind in ss.indikator:
                letak[ind.id] = (analisis.logframe.label(ss.id), ind)
            for kl in ss.keluaran:
                for ind in kl.indikator:
                    letak[ind.id] = (analisis.logframe.label(kl.id), ind)
                for kg in kl.kegiatan:
                    for ind in kg.indikator:
                        letak[ind.id] = (analisis.logframe.label(kg.id), ind)
    rows: list[Isi] = []
    for i, f in enumerate(data.format_monev, start=1):
        where = letak.get(f.indikator_logframe)
        if where is not None:
            tingkat, ind = where
            rows.append(
                [
                    _no(i),
                    f"{ind.id}: {ind.ukuran}",
                    tingkat,
                    f"{_angka(Decimal(str(ind.baseline)))} {ind.satuan}",
                    f"{_angka(Decimal(str(ind.target)))} {ind.satuan}",
                    bulan_tahun(ind.tenggat),
                    _kapital(f.frekuensi),
                    f.metode,
                    f.sumber_data,
                    nama.orang_lengkap(f.penanggung_jawab),
                    "",
                    "",
                ]
            )
        else:
            rows.append(
                [
                    _no(i),
                    f.indikator_logframe,
                    "–",
                    "–",
                    "–",
                    "–",
                    _kapital(f.frekuensi),
                    f.metode,
                    f.sumber_data,
                    nama.orang_lengkap(f.penanggung_jawab),
                    "",
                    "",
                ]
            )
    catatan = [KK.kalimat("baseline-target-tenggat-diambil")]
    tanpa = [k for k in letak if k not in {f.indikator_logframe for f in data.format_monev}]
    if tanpa:
        catatan.append(KK.kalimat("indikator-logframe-belum-mempunyai", daftar=idfmt.daftar(tanpa)))
    blok = [
        KK.tabel("format-monitoring-evaluasi-pelaksanaan", rows, catatan),
        _tim(KK, "tim-monev", view, data.tim_monev),
        KK.tabel(
            "rencana-kerja-tim-monev",
            [
                [_no(i), r.kegiatan, bulan_tahun(r.waktu), r.keluaran, nama.nama_anggota(r.pic) if r.pic else "–"]
                for i, r in enumerate(data.rencana_kerja, start=1)
            ],
        ),
    ]
    return blok


BAGIAN = Bagian(Monev, kertas_kerja, DI_LUAR_DRAFT)
