"""Topik 6.1, Integrasi STPP ke dalam Corporate Plan/Rencana Bisnis PDAM.

Its working-paper section (Kertas Kerja Tahap 6), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _kapital, _lines, _no, _rp, _tim
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    daftar,
    jumlah,
    paragraf,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian
from assembler.models.tahap5 import (
    SkemaTindakan,
)
from assembler.models.tahap6 import IntegrasiCorporatePlan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("6.1")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: IntegrasiCorporatePlan) -> list[Blok]:
    """Kertas Kerja Tahap 6, Topik 6.1."""
    nama = Nama(view)
    skema = view.get(SkemaTindakan)
    kegiatan = skema.kegiatan_by_id() if skema is not None else {}
    rows: list[Isi] = []
    total = 0
    for i, p in enumerate(data.penyisipan, start=1):
        kg = kegiatan.get(p.kegiatan)
        total += kg.biaya if kg is not None else 0
        rows.append(
            [
                _no(i),
                nama.sebut(nama.kegiatan, p.kegiatan),
                p.jangka_waktu,
                _lines(p.dokumen_perencanaan, bernomor=False),
                p.kode_anggaran or "–",
                p.nomenklatur or "–",
                kg.sumber_dana if kg is not None else "–",
                _rp(kg.biaya) if kg is not None else "–",
            ]
        )
    if skema is not None:
        rows.append(jumlah(KK.kalimat("jumlah"), _rp(total)))
    catatan = [KK.kalimat("sumber-dana-biaya-diambil")]
    belum = [k for k in kegiatan if k not in {p.kegiatan for p in data.penyisipan}]
    if belum:
        catatan.append(KK.kalimat("kegiatan-topik-5-1", daftar=idfmt.daftar(belum)))
    blok = [
        KK.tabel("integrasi-kegiatan-stpp-dalam", rows, catatan),
        daftar(KK.kalimat("judul-strategi-penyisipan"), data.strategi_penyisipan),
    ]
    kk = data.kajian_keuangan
    blok.append(paragraf(KK.kalimat("kajian-keuangan-integrasi-corporate", ringkasan=kk.ringkasan)))
    if kk.asumsi:
        blok.append(daftar(KK.kalimat("judul-asumsi-kajian-keuangan"), kk.asumsi))
    if kk.dampak:
        years = sorted({y for d in kk.dampak for y in d.nilai_per_tahun})
        rows = [
            [
                _no(i),
                d.uraian,
                _kapital(d.jenis),
                *(_rp(d.nilai_per_tahun[y]) if y in d.nilai_per_tahun else "–" for y in years),
                _rp(sum(d.nilai_per_tahun.values())),
            ]
            for i, d in enumerate(kk.dampak, start=1)
        ]
        bersih = [sum(d.tanda * d.nilai_per_tahun.get(y, 0) for d in kk.dampak) for y in years]
        rows.append(jumlah(KK.kalimat("dampak-bersih"), *(_rp(v) for v in bersih), _rp(sum(bersih))))
        blok.append(
            KK.tabel(
                "perkiraan-dampak-keuangan-per",
                rows,
                [KK.kalimat("dampak-bersih-tambahan-pendapatan")],
                sisipan={"tahun": [Kolom(KK.kalimat("kolom-tahun", tahun=y), 1.7, "angka") for y in years]},
            )
        )
    blok.append(paragraf(KK.kalimat("kesimpulan-kajian-keuangan", kesimpulan=kk.kesimpulan)))
    blok.append(
        KK.tabel(
            "rencana-komunikasi-lobi-media",
            [
                [
                    _no(i),
                    r.kegiatan,
                    _lines([nama.sh(s) for s in r.sasaran], bernomor=False),
                    r.pesan_kunci,
                    r.media,
                    bulan_tahun(r.waktu),
                    nama.nama_anggota(r.pic),
                ]
                for i, r in enumerate(data.rencana_komunikasi, 1)
            ],
        )
    )
    blok.append(_tim(KK, "tim-perumus", view, data.tim_perumus.anggota))
    kebijakan = nama.usulan
    blok.append(
        KK.tabel(
            "tugas-tim-perumus",
            [
                [
                    _no(i),
                    t.jenis,
                    t.judul,
                    nama.sebut(kebijakan, t.kebijakan) if t.kebijakan else "–",
                    bulan_tahun(t.tenggat),
                ]
                for i, t in enumerate(data.tim_perumus.tugas, start=1)
            ],
        )
    )
    return blok


BAGIAN = Bagian(IntegrasiCorporatePlan, kertas_kerja, DI_LUAR_DRAFT)
