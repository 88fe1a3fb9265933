"""Topik 7.2, Dokumentasi dan Replikasi Peningkatan Manajemen Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 7), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _lama_bulan, _lines, _no, _rp, _tim
from assembler.documents.lembar import (
    Blok,
    Isi,
    jumlah,
    paragraf,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian, sebut
from assembler.models.tahap5 import (
    SkemaTindakan,
)
from assembler.models.tahap7 import DokumentasiReplikasi
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("7.2")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: DokumentasiReplikasi) -> list[Blok]:
    """Kertas Kerja Tahap 7, Topik 7.2."""
    nama = Nama(view)
    blok = [
        KK.tabel(
            "catatan-hasil-refleksi",
            [[_no(i), c.aspek, c.pembelajaran] for i, c in enumerate(data.catatan_refleksi, start=1)],
        )
    ]
    rows: list[Isi] = []
    for i, ring in enumerate(data.bagan_bawang, start=1):
        if i == 1:
            label = KK.kalimat("lingkaran-inti", nomor=i)
        elif i == len(data.bagan_bawang):
            label = KK.kalimat("lingkaran-terluar", nomor=i)
        else:
            label = str(i)
        rows.append([label, _lines([nama.sebut(nama.kegiatan, k) for k in ring.kegiatan]), ring.keterangan or "–"])
    blok.append(KK.tabel("bagan-bawang-kegiatan", rows, [KK.kalimat("lingkaran-1-inti-memuat")]))
    blok.append(paragraf(KK.kalimat("kesimpulan-bagan-bawang", kesimpulan=data.kesimpulan_bagan_bawang)))
    kd = data.kerangka_dokumen
    blok.append(paragraf(KK.kalimat("judul-dokumen-good-best", judul=kd.judul)))
    blok.append(
        KK.tabel(
            "kerangka-dokumen-good-best",
            [
                [
                    b.judul,
                    _lines(b.sub_bab) if b.sub_bab else "–",
                    _lines([nama.sebut(nama.kegiatan, k) for k in b.topik], bernomor=False) if b.topik else "–",
                ]
                for b in kd.bab
            ],
            [KK.kalimat("topik-terpilih", daftar=sebut(nama.kegiatan, kd.topik_terpilih))],
        )
    )
    blok.append(_tim(KK, "tim-penulis", view, data.tim_penulis))
    blok.append(
        KK.tabel(
            "jadwal-penulisan",
            [
                [
                    _no(i),
                    j.kegiatan,
                    bulan_tahun(j.mulai),
                    bulan_tahun(j.selesai),
                    KK.kalimat("lama-bulan", bulan=_lama_bulan(j.mulai, j.selesai)),
                    nama.nama_anggota(j.pic),
                ]
                for i, j in enumerate(data.jadwal_penulisan, start=1)
            ],
        )
    )
    rows = [
        [_no(i), d.sasaran, d.media, bulan_tahun(d.waktu), _rp(d.biaya)]
        for i, d in enumerate(data.rencana_diseminasi, start=1)
    ]
    total = sum(d.biaya for d in data.rencana_diseminasi)
    rows.append(jumlah(KK.kalimat("jumlah"), _rp(total)))
    blok.append(KK.tabel("rencana-diseminasi", rows))
    blok.append(
        KK.tabel(
            "strategi-replikasi",
            [[_no(i), s.strategi, s.uraian, s.sasaran] for i, s in enumerate(data.strategi_replikasi, start=1)],
        )
    )
    return blok


def gambar(view: WorkspaceView, data: DokumentasiReplikasi) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(pictures.gambar_bagan_bawang(data, view.get(SkemaTindakan), nomor=None))]


BAGIAN = Bagian(DokumentasiReplikasi, kertas_kerja, DI_LUAR_DRAFT, gambar=gambar)
