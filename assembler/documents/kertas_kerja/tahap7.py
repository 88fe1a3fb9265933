"""Kertas Kerja Tahap 7: the sections of the stage's topics."""

from __future__ import annotations

from decimal import Decimal

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import NO, _angka, _kapital, _lama_bulan, _lines, _no, _rp, _tim
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.models.tahap5 import (
    IndikatorLogframe,
    SkemaTindakan,
)
from assembler.models.tahap7 import DokumentasiReplikasi, Monev
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- Tahap 7


def _t71(view: WorkspaceView, analisis: Analisis, data: Monev) -> list[Blok]:
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
    catatan = [
        "Baseline, target dan tenggat diambil dari Smart Logframe Topik 5.1; kolom Realisasi dan Catatan "
        "diisi pada setiap putaran pemantauan."
    ]
    tanpa = [k for k in letak if k not in {f.indikator_logframe for f in data.format_monev}]
    if tanpa:
        catatan.append(f"Indikator logframe yang belum mempunyai format monev: {idfmt.daftar(tanpa)}.")
    blok = [
        tabel(
            "Format Monitoring dan Evaluasi Pelaksanaan STPP",
            [
                NO,
                Kolom("Indikator", 3.2),
                Kolom("Tingkat Logframe", 1.4),
                Kolom("Baseline", 1.1, "angka"),
                Kolom("Target", 1.1, "angka"),
                Kolom("Tenggat", 1.3),
                Kolom("Frekuensi", 1.1),
                Kolom("Metode", 2.3),
                Kolom("Sumber Data", 2.3),
                Kolom("Penanggung Jawab", 2.2),
                Kolom("Realisasi", 1.3),
                Kolom("Catatan", 1.6),
            ],
            rows,
            catatan,
        ),
        _tim("Susunan Tim Monev", view, data.tim_monev),
        tabel(
            "Rencana Kerja Tim Monev",
            [NO, Kolom("Kegiatan", 4.5), Kolom("Waktu", 1.6), Kolom("Keluaran", 4.5), Kolom("Penanggung Jawab", 3)],
            [
                [_no(i), r.kegiatan, bulan_tahun(r.waktu), r.keluaran, nama.nama_anggota(r.pic) if r.pic else "–"]
                for i, r in enumerate(data.rencana_kerja, start=1)
            ],
        ),
    ]
    return blok


def _t72(view: WorkspaceView, analisis: Analisis, data: DokumentasiReplikasi) -> list[Blok]:
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
