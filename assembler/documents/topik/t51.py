"""Topik 5.1, Rancangan Pengembangan Efektivitas Teknis dan Manajemen Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 5), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from decimal import Decimal

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.umum import KODE, NO, _angka, _content, _lines, _no, _rentang, _rp
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
from assembler.documents.naskah import bulan_tahun
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


def _indikator_logframe(ind: IndikatorLogframe) -> str:
    return (
        f"{ind.id}: {ind.ukuran}: {_angka(Decimal(str(ind.baseline)))} → {_angka(Decimal(str(ind.target)))} "
        f"{ind.satuan} pada {bulan_tahun(ind.tenggat)}"
    )


def _porsi(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) / Decimal(total) * 100, 2) if total else "–"


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: SkemaTindakan) -> list[Blok]:
    """Kertas Kerja Tahap 5, Topik 5.1."""
    nama = Nama(view)
    tj = data.tujuan
    rows: list[Isi] = []

    nomor = analisis.logframe

    def level(tingkat: str, obj: Tujuan | Sasaran | Keluaran | Kegiatan) -> list[Nilai]:
        return [
            nomor.label(obj.id),
            obj.id,
            obj.rumusan,
            [_indikator_logframe(i) for i in obj.indikator] or ["–"],
            [i.sumber_verifikasi for i in obj.indikator] or ["–"],
            _lines(obj.asumsi) if obj.asumsi else "–",
        ]

    rows.append(level("Tujuan", tj))
    for ss in tj.sasaran:
        rows.append(level("Sasaran", ss))
        for kl in ss.keluaran:
            rows.append(level("Keluaran", kl))
            for kg in kl.kegiatan:
                rows.append(level("Kegiatan", kg))
    blok = [
        tabel(
            "Ringkasan Smart Logframe",
            [
                Kolom("Tingkat", 1),
                KODE,
                Kolom("Rumusan", 4),
                Kolom("Indikator (baseline → target, tenggat)", 4.5),
                Kolom("Sumber Verifikasi", 3),
                Kolom("Asumsi", 2.5),
            ],
            rows,
        )
    ]
    t47 = view.get(Prioritas)
    ringkas = analisis.anggaran
    assert ringkas is not None  # 5.1 is present
    years = [t.tahun for t in ringkas.per_tahun]
    kol = [
        NO,
        Kolom("Kegiatan", 3.5),
        Kolom("Tindakan (4.7)", 2),
        Kolom("Jadwal", 1.6),
        Kolom("Pelaksana", 2),
        Kolom("Penanggung Jawab", 2.2),
        Kolom("Sumber Dana", 1.3),
    ]
    kol += [Kolom(f"Biaya {y} (Rp)", 1.7, "angka") for y in years]
    kol.append(Kolom("Jumlah Biaya (Rp)", 1.8, "angka"))
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
        rows.append(jumlah(f"Jumlah {nomor.label(kl.id)}", *(_rp(v) for v in per_year), _rp(total_keluaran[kl.id])))
    rows.append(jumlah("Jumlah seluruh kegiatan", *(_rp(t.jumlah) for t in ringkas.per_tahun), _rp(ringkas.total)))
    blok.append(
        tabel(
            "Skema Tindakan Peningkatan Pelayanan",
            kol,
            rows,
            [
                f"Jumlah anggaran Skema Tindakan: {idfmt.rupiah(ringkas.total)} "
                f"({idfmt.terbilang_rupiah(ringkas.total)})."
            ],
        )
    )
    p3o = _content(view).p3o
    rekap: list[tuple[str, str, list[tuple[str, int]]]] = [
        (
            "Rekapitulasi Anggaran per Keluaran",
            "Keluaran",
            [(f"{nomor.label(t.keluaran)}: {t.rumusan}", t.jumlah) for t in ringkas.per_keluaran],
        ),
        (
            "Rekapitulasi Anggaran per Aspek",
            "Aspek",
            [
                (
                    p3o.aspek[t.aspek].nama if t.aspek in p3o.aspek else "Aspek belum diketahui (Topik 4.7 belum ada)",
                    t.jumlah,
                )
                for t in ringkas.per_aspek
            ],
        ),
        (
            "Rekapitulasi Anggaran per Sumber Dana",
            "Sumber Dana",
            [(t.sumber_dana, t.jumlah) for t in ringkas.per_sumber_dana],
        ),
        ("Rekapitulasi Anggaran per Tahun", "Tahun Anggaran", [(str(t.tahun), t.jumlah) for t in ringkas.per_tahun]),
    ]
    for judul, label, items in rekap:
        rows = [[_no(i), teks, _rp(n), _porsi(n, ringkas.total)] for i, (teks, n) in enumerate(items, 1)]
        subtotal = sum(n for _t, n in items)
        rows.append(jumlah("Jumlah", _rp(subtotal), _porsi(subtotal, ringkas.total)))
        blok.append(
            tabel(
                judul, [NO, Kolom(label, 8), Kolom("Jumlah Biaya (Rp)", 2, "angka"), Kolom("Porsi", 1.2, "angka")], rows
            )
        )
    blok[-1]["catatan"] = [
        f"Keempat rekapitulasi dihitung dari biaya per tahun setiap kegiatan dan berjumlah sama: "
        f"{idfmt.rupiah(ringkas.total)}.",
        "Aspek kegiatan mengikuti aspek tindakan Topik 4.7 yang dilaksanakannya."
        if t47 is not None
        else "Topik 4.7 belum ada: aspek kegiatan belum dapat ditentukan.",
    ]
    if data.catatan:
        blok.append(paragraf(data.catatan))
    return blok


BAGIAN = Bagian(SkemaTindakan, kertas_kerja, draft_stpp.BAGIAN["5.1"])
