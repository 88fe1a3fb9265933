"""Topik 7.2, Dokumentasi dan Replikasi Peningkatan Manajemen Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 7), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import NO, _lama_bulan, _lines, _no, _rp, _tim
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.lembar import gambar as blok_gambar
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian
from assembler.models.tahap5 import (
    SkemaTindakan,
)
from assembler.models.tahap7 import DokumentasiReplikasi
from assembler.workspace_view import WorkspaceView


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: DokumentasiReplikasi) -> list[Blok]:
    """Kertas Kerja Tahap 7, Topik 7.2."""
    nama = Nama(view)
    blok = [
        tabel(
            "Catatan Hasil Refleksi",
            [NO, Kolom("Aspek", 2.5), Kolom("Pembelajaran", 10)],
            [[_no(i), c.aspek, c.pembelajaran] for i, c in enumerate(data.catatan_refleksi, start=1)],
        )
    ]
    rows: list[Isi] = []
    for i, ring in enumerate(data.bagan_bawang, start=1):
        label = f"{i} (inti)" if i == 1 else f"{i}" + (" (terluar)" if i == len(data.bagan_bawang) else "")
        rows.append([label, _lines([nama.sebut(nama.kegiatan, k) for k in ring.kegiatan]), ring.keterangan or "–"])
    blok.append(
        tabel(
            "Bagan Bawang Kegiatan",
            [Kolom("Lingkaran", 1.2, "tengah"), Kolom("Kegiatan", 7), Kolom("Tingkat Pengaruh", 4)],
            rows,
            [
                "Lingkaran 1 (inti) memuat satu kegiatan yang paling berpengaruh; lingkaran berikutnya makin ke luar "
                "makin kecil pengaruhnya."
            ],
        )
    )
    blok.append(paragraf(f"Kesimpulan Bagan Bawang: {data.kesimpulan_bagan_bawang}"))
    kd = data.kerangka_dokumen
    blok.append(paragraf(f"Judul dokumen good/best practice: {kd.judul}"))
    blok.append(
        tabel(
            "Kerangka Dokumen Good/Best Practice",
            [Kolom("Bab", 4), Kolom("Sub-bab", 5), Kolom("Kegiatan yang Dibahas", 4)],
            [
                [
                    b.judul,
                    _lines(b.sub_bab) if b.sub_bab else "–",
                    _lines([nama.sebut(nama.kegiatan, k) for k in b.topik], bernomor=False) if b.topik else "–",
                ]
                for b in kd.bab
            ],
            [f"Topik terpilih: {idfmt.daftar(kd.topik_terpilih)}."],
        )
    )
    blok.append(_tim("Susunan Tim Penulis", view, data.tim_penulis))
    blok.append(
        tabel(
            "Jadwal Penulisan",
            [
                NO,
                Kolom("Kegiatan", 5),
                Kolom("Mulai", 1.5),
                Kolom("Selesai", 1.5),
                Kolom("Lama", 1, "angka"),
                Kolom("Penanggung Jawab", 3),
            ],
            [
                [
                    _no(i),
                    j.kegiatan,
                    bulan_tahun(j.mulai),
                    bulan_tahun(j.selesai),
                    f"{_lama_bulan(j.mulai, j.selesai)} bulan",
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
    rows.append(jumlah("Jumlah", _rp(total)))
    blok.append(
        tabel(
            "Rencana Diseminasi",
            [NO, Kolom("Sasaran", 5), Kolom("Media", 4), Kolom("Waktu", 1.5), Kolom("Biaya (Rp)", 1.8, "angka")],
            rows,
        )
    )
    blok.append(
        tabel(
            "Strategi Replikasi",
            [NO, Kolom("Strategi", 3), Kolom("Uraian", 7), Kolom("Sasaran", 3)],
            [[_no(i), s.strategi, s.uraian, s.sasaran] for i, s in enumerate(data.strategi_replikasi, start=1)],
        )
    )
    return blok


def gambar(view: WorkspaceView, data: DokumentasiReplikasi) -> list[Blok]:
    """The pictures of the Keluaran, after the tables."""
    from assembler import pictures

    return [blok_gambar(pictures.gambar_bagan_bawang(data, view.get(SkemaTindakan), nomor=None))]


BAGIAN = Bagian(DokumentasiReplikasi, kertas_kerja, DI_LUAR_DRAFT, gambar=gambar)
