"""Kertas Kerja Tahap 5: the sections of the stage's topics."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import KODE, NO, _angka, _content, _kapital, _lines, _no, _rentang, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    Kolom,
    Nilai,
    daftar,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.models.tahap4 import (
    Prioritas,
)
from assembler.models.tahap5 import (
    CitizenCharter,
    IndikatorLogframe,
    Kegiatan,
    Keluaran,
    Kesepakatan,
    PenandaTangan,
    Sasaran,
    SkemaTindakan,
    Tujuan,
)
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- Tahap 5


def _indikator_logframe(ind: IndikatorLogframe) -> str:
    return (
        f"{ind.id}: {ind.ukuran}: {_angka(Decimal(str(ind.baseline)))} → {_angka(Decimal(str(ind.target)))} "
        f"{ind.satuan} pada {bulan_tahun(ind.tenggat)}"
    )


def _porsi(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) / Decimal(total) * 100, 2) if total else "–"


def _t51(view: WorkspaceView, analisis: Analisis, data: SkemaTindakan) -> list[Blok]:
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


_KELOMPOK = {
    "langsung_dilaksanakan": "Dapat langsung dilaksanakan PDAM",
    "perlu_persetujuan": "Perlu persetujuan pimpinan daerah",
}


def _t52(view: WorkspaceView, analisis: Analisis, data: CitizenCharter) -> list[Blok]:
    nama = Nama(view)
    skema = view.get(SkemaTindakan)
    blok: list[Blok] = []
    if skema is not None:
        groups: dict[str | None, list[Kegiatan]] = {"langsung_dilaksanakan": [], "perlu_persetujuan": [], None: []}
        for _loc, _kl, kg in skema.iter_kegiatan():
            groups[data.kelompok(kg)].append(kg)
        rows: list[Isi] = []
        no = 0
        for key, items in groups.items():
            if not items:
                continue
            rows.append(Kelompok(_KELOMPOK[key] if key else "Belum dipilah"))
            for kg in items:
                no += 1
                dasar = (
                    "kegiatan"
                    if kg.id in (data.pemilahan.langsung_dilaksanakan + data.pemilahan.perlu_persetujuan)
                    else "tindakan"
                )
                rows.append(
                    [
                        _no(no),
                        f"{analisis.logframe.nomor[kg.id]} {kg.rumusan}",
                        nama.sebut(nama.tindakan, kg.tindakan),
                        f"menurut {dasar}",
                        _rp(kg.biaya),
                    ]
                )
            rows.append(jumlah("Jumlah", _rp(sum(kg.biaya for kg in items))))
        blok.append(
            tabel(
                "Pemilahan Kegiatan Skema Tindakan",
                [
                    NO,
                    Kolom("Kegiatan", 5),
                    Kolom("Tindakan (4.7)", 3.5),
                    Kolom("Dasar Pemilahan", 1.5),
                    Kolom("Biaya (Rp)", 1.8, "angka"),
                ],
                rows,
                ["Dasar pemilahan: kode kegiatan sendiri, atau kode tindakan yang dilaksanakannya (Topik 5.2)."],
            )
        )
    else:
        for key, label in _KELOMPOK.items():
            items = getattr(data.pemilahan, key)
            blok.append(daftar(label, [nama.sebut({**nama.tindakan, **nama.kegiatan}, k) for k in items]))
    blok.append(paragraf(f"Maklumat Pelayanan: \u201c{data.maklumat.teks}\u201d"))
    rows = []
    for i, s in enumerate(data.standar_pelayanan, start=1):
        biaya = [f"{b.uraian}: {idfmt.rupiah(b.jumlah) if b.jumlah else 'tidak dipungut biaya'}" for b in s.biaya_tarif]
        rows.append(
            [
                _no(i),
                s.nama_layanan,
                _lines(s.persyaratan),
                _lines(analisis.prosedur_layanan.get(s.id, s.sistem_mekanisme_prosedur)),
                f"{_angka(Decimal(str(s.jangka_waktu.nilai)))} {s.jangka_waktu.satuan}",
                biaya,
                _lines(s.produk_pelayanan),
            ]
        )
    blok.append(
        tabel(
            "Ringkasan Standar Pelayanan (Citizen Charter)",
            [
                NO,
                Kolom("Layanan", 2),
                Kolom("Persyaratan", 3.5),
                Kolom("Prosedur", 4.5),
                Kolom("Jangka Waktu", 1.3),
                Kolom("Biaya/Tarif", 2.5),
                Kolom("Produk", 2),
            ],
            rows,
            ["Komponen standar pelayanan selengkapnya dimuat dalam naskah Citizen Charter."],
        )
    )
    layanan = {s.id: s.nama_layanan for s in data.standar_pelayanan}
    blok.append(
        tabel(
            "Janji Layanan",
            [NO, Kolom("Layanan", 2.5), Kolom("Janji", 7), Kolom("Batas Waktu", 1.5)],
            [
                [
                    _no(i),
                    layanan.get(j.layanan, j.layanan) if j.layanan else "Umum",
                    j.uraian,
                    f"{_angka(Decimal(str(j.waktu.nilai)))} {j.waktu.satuan}",
                ]
                for i, j in enumerate(data.janji_layanan, start=1)
            ],
        )
    )
    blok.append(
        tabel(
            "Saluran Pengaduan",
            [NO, Kolom("Saluran", 2), Kolom("Alamat/Kontak", 5), Kolom("Jam Layanan", 3)],
            [[_no(i), k.kanal, k.alamat, k.jam_layanan] for i, k in enumerate(data.kanal_pengaduan, start=1)],
        )
    )
    blok.append(
        tabel(
            "Hak dan Kewajiban Pelanggan",
            [Kolom("Hak Pelanggan"), Kolom("Kewajiban Pelanggan")],
            [[_lines(data.hak_pelanggan), _lines(data.kewajiban_pelanggan)]],
        )
    )
    if data.sanksi_kompensasi:
        blok.append(
            tabel(
                "Sanksi dan Kompensasi",
                [NO, Kolom("Berlaku bagi", 1.5), Kolom("Keadaan", 5), Kolom("Bentuk", 5)],
                [[_no(i), s.berlaku_bagi, s.keadaan, s.bentuk] for i, s in enumerate(data.sanksi_kompensasi, 1)],
            )
        )
    blok.append(_penanda_tangan("Penanda Tangan Citizen Charter", data.penanda_tangan))
    if data.analisis_finansial:
        blok.append(paragraf(f"Analisis finansial: {data.analisis_finansial}"))
    if data.narasi_stpp:
        blok.append(paragraf(f"Draft narasi STPP: {data.narasi_stpp}"))
    return blok


def _penanda_tangan(judul: str, items: Sequence[PenandaTangan]) -> Blok:
    return tabel(
        judul,
        [NO, Kolom("Nama", 3), Kolom("Jabatan", 4), Kolom("NIP", 2.5), Kolom("Pihak", 2)],
        [[_no(i), p.nama, p.jabatan, p.nip or "–", p.pihak] for i, p in enumerate(items, start=1)],
    )


def _t53(view: WorkspaceView, analisis: Analisis, data: Kesepakatan) -> list[Blok]:
    r = data.rapat
    blok = [
        tabel(
            "Rapat Penyepakatan Draft STPP",
            [Kolom("Unsur", 1), Kolom("Uraian", 6)],
            [
                ["Hari, tanggal", f"{idfmt.hari(r.tanggal)}, {idfmt.tanggal(r.tanggal)}"],
                ["Waktu", r.waktu or "–"],
                ["Tempat", r.tempat],
                ["Pimpinan rapat", f"{r.pimpinan_rapat.nama} ({r.pimpinan_rapat.jabatan})"],
                ["Jumlah peserta", f"{_angka(len(r.peserta))} orang"],
            ],
        ),
        tabel(
            "Peserta Rapat",
            [NO, Kolom("Nama", 3), Kolom("Jabatan", 5), Kolom("Unsur", 2)],
            [[_no(i), p.nama, p.jabatan, p.unsur] for i, p in enumerate(r.peserta, start=1)],
        ),
        tabel(
            "Tanggapan atas Draft STPP",
            [
                NO,
                Kolom("Pihak", 1.6),
                Kolom("Nama dan Jabatan", 2.5),
                Kolom("Pokok Tanggapan", 5),
                Kolom("Tindak Lanjut", 4),
            ],
            [
                [
                    _no(i),
                    t.pihak,
                    [t.nama, t.jabatan],
                    _lines(t.pokok_tanggapan),
                    _lines(t.tindak_lanjut) if t.tindak_lanjut else "–",
                ]
                for i, t in enumerate(data.tanggapan, start=1)
            ],
        ),
        daftar("Butir Kesepakatan Draft STPP", data.kesepakatan),
    ]
    jj = data.juklak_juknis
    rows: list[Isi] = [
        [
            "Juklak/Juknis",
            jj.judul,
            f"Disahkan oleh {jj.disahkan_oleh}",
            _kapital(jj.status),
            _lines(jj.catatan_perbaikan) if jj.catatan_perbaikan else "–",
        ]
    ]
    nama = Nama(view)
    for ks in data.kerja_sama:
        pihak = [nama.sh(p.stakeholder) for p in ks.para_pihak]
        rows.append(
            [
                f"Kerja sama {ks.id}",
                ks.judul,
                [*pihak, f"Jangka waktu {ks.jangka_waktu_tahun} tahun"],
                _kapital(ks.status),
                _lines(ks.catatan_perbaikan) if ks.catatan_perbaikan else "–",
            ]
        )
    blok.append(
        tabel(
            "Kesepakatan atas Juklak/Juknis dan Dokumen Kerja Sama",
            [
                Kolom("Dokumen", 1.5),
                Kolom("Judul", 4),
                Kolom("Pengesahan/Para Pihak", 3.5),
                Kolom("Status", 1.8),
                Kolom("Catatan Perbaikan", 4),
            ],
            rows,
        )
    )
    blok.append(_penanda_tangan("Penanda Tangan Berita Acara Kesepakatan", data.penanda_tangan))
    return blok
