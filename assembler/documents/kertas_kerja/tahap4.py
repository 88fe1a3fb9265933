"""Kertas Kerja Tahap 4: the sections of the stage's topics."""

from __future__ import annotations

from decimal import Decimal

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.analysis.prosedur import teks_satuan
from assembler.documents.dasar_hukum import katalog_ruang_kerja
from assembler.documents.kertas_kerja.umum import KODE, NO, _angka, _kapital, _kepala, _lines, _no, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    Kolom,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import target_usulan
from assembler.legal import judul as judul_regulasi
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.models.tahap4 import (
    HURUF_KUADRAN,
    KATEGORI_KEUANGAN_LABEL,
    KUADRAN,
    PERUBAHAN_LABEL,
    STATUS_UNIT_LABEL,
    Durasi,
    KapasitasTeknis,
    Kebijakan,
    Keuangan,
    Organisasi,
    Personil,
    Prosedur,
    nama_jenis_kebijakan,
)
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- Tahap 4


def _t41(view: WorkspaceView, analisis: Analisis, data: KapasitasTeknis) -> list[Blok]:
    nama = Nama(view)
    jenis = data.jenis_analisis
    kuadran = KUADRAN[jenis]
    blok = [
        tabel(
            f"Analisis {jenis}",
            [Kolom(f"{_kapital(k)} ({HURUF_KUADRAN[k]})") for k in kuadran],
            [[_lines(data.kuadran.get(k, [])) for k in kuadran]],
        ),
        tabel(
            "Strategi Peningkatan Kapasitas Teknis",
            [
                NO,
                KODE,
                Kolom("Jenis Strategi", 1.2, "tengah"),
                Kolom("Kuadran yang Dipadukan", 2.5),
                Kolom("Strategi", 8),
            ],
            [
                [_no(i), s.id, s.label(jenis), idfmt.daftar([_kapital(k) for k in s.dasar]), s.uraian]
                for i, s in enumerate(data.strategi, start=1)
            ],
        ),
    ]
    gaps = analisis.kesenjangan
    rows: list[Isi] = []
    for i, u in enumerate(data.usulan_tindakan, start=1):
        indikator = []
        for kode in u.indikator:
            b = gaps.baris_indikator(kode) if gaps is not None else None
            if b is not None:
                indikator.append(f"{b.nama} (kesenjangan {_angka(b.selisih)} {b.satuan})")
            else:
                indikator.append(nama.sebut(nama.indikator, kode))
        rows.append(
            [
                _no(i),
                u.id,
                u.uraian,
                ", ".join(u.strategi),
                indikator,
                target_usulan(view, u) or "–",
                ", ".join(u.solusi_terpadu) or "–",
            ]
        )
    blok.append(
        tabel(
            "Usulan Tindakan Peningkatan Kapasitas Teknis",
            [
                NO,
                KODE,
                Kolom("Usulan Tindakan", 4),
                Kolom("Strategi", 1.1),
                Kolom("Indikator yang Ditingkatkan", 3.5),
                Kolom("Target", 2.5),
                Kolom("Solusi Terpadu", 1.1),
            ],
            rows,
            ["Kesenjangan indikator dihitung dari Topik 2.3."] if gaps is not None else [],
        )
    )
    return blok


def _durasi(d: Durasi) -> str:
    return f"{_angka(Decimal(str(d.nilai)))} {d.satuan}"


def _selisih_langkah(n: int) -> str:
    return _angka(n) if n >= 0 else f"bertambah {_angka(-n)}"


def _t42(view: WorkspaceView, analisis: Analisis, data: Prosedur) -> list[Blok]:
    blok: list[Blok] = []
    for layanan in data.layanan:
        if layanan.keterangan:
            blok.append(paragraf(f"Layanan {layanan.nama}: {layanan.keterangan}"))
        baru = {s.kode: s for s in layanan.langkah_perbaikan}
        rows: list[Isi] = []
        for i, s in enumerate(layanan.langkah_saat_ini, start=1):
            p = s.perubahan
            perubahan = PERUBAHAN_LABEL[p.jenis]
            if p.jenis == "dilimpahkan":
                perubahan += f" kepada {p.dilimpahkan_kepada}"
            tujuan = [f"{k}: {baru[k].uraian}" if k in baru else k for k in p.langkah_baru] or ["–"]
            rows.append([_no(i), f"{s.kode}: {s.uraian}", s.pelaku, _durasi(s.durasi), perubahan, tujuan, p.alasan])
        blok.append(
            tabel(
                f"Perubahan Prosedur {layanan.nama} per Langkah",
                [
                    NO,
                    Kolom("Langkah Saat Ini", 4),
                    Kolom("Pelaku", 2),
                    Kolom("Waktu", 1.2),
                    Kolom("Perubahan", 1.5),
                    Kolom("Menjadi Langkah", 3.5),
                    Kolom("Alasan", 3.5),
                ],
                rows,
            )
        )
        blok.append(
            tabel(
                f"Rancangan Bagan Alir Prosedur {layanan.nama} (Perbaikan)",
                [
                    NO,
                    KODE,
                    Kolom("Langkah", 5),
                    Kolom("Pelaku", 2.5),
                    Kolom("Waktu", 1.3),
                    Kolom("Dokumen/Formulir", 3),
                ],
                [
                    [_no(i), s.kode, s.uraian, s.pelaku, _durasi(s.durasi), _lines(s.dokumen) if s.dokumen else "–"]
                    for i, s in enumerate(layanan.langkah_perbaikan, start=1)
                ],
            )
        )
        sebelum, sesudah = analisis.durasi_prosedur[layanan.id]
        satuan = [u for u in ("hari kerja", "hari", "menit") if u in sebelum or u in sesudah]
        rows = [
            [
                "Jumlah langkah",
                _angka(len(layanan.langkah_saat_ini)),
                _angka(len(layanan.langkah_perbaikan)),
                _selisih_langkah(len(layanan.langkah_saat_ini) - len(layanan.langkah_perbaikan)),
            ]
        ]
        for u in satuan:
            selisih = sebelum.get(u, Decimal(0)) - sesudah.get(u, Decimal(0))
            label = "Waktu (jam dan menit)" if u == "menit" else f"Waktu ({u})"
            # The column says "Berkurang"; an improvement that takes longer must say so, not print "-1 jam".
            berkurang = teks_satuan({u: selisih}, u) if selisih >= 0 else f"bertambah {teks_satuan({u: -selisih}, u)}"
            rows.append([label, teks_satuan(sebelum, u), teks_satuan(sesudah, u), berkurang])
        hitung = {j: sum(1 for s in layanan.langkah_saat_ini if s.perubahan.jenis == j) for j in PERUBAHAN_LABEL}
        blok.append(
            tabel(
                f"Perbandingan Prosedur {layanan.nama} Sebelum dan Sesudah Perbaikan",
                [
                    Kolom("Uraian", 3),
                    Kolom("Sebelum", 2, "angka"),
                    Kolom("Sesudah", 2, "angka"),
                    Kolom("Berkurang", 2, "angka"),
                ],
                rows,
                [
                    "Waktu dijumlahkan per satuan dari kolom Waktu kedua tabel di atas; menit dan jam digabung, "
                    "hari kerja dan hari kalender tidak dikonversi.",
                    "Perubahan langkah: "
                    + ", ".join(f"{PERUBAHAN_LABEL[j].lower()} {n}" for j, n in hitung.items() if n)
                    + ".",
                ],
            )
        )
    return blok


def _t43(view: WorkspaceView, analisis: Analisis, data: Kebijakan) -> list[Blok]:
    nama = Nama(view)
    kepala = _kepala(view)
    lembaga: dict[str, str] = {}
    t22 = view.get(TopikRegulasi)
    if t22 is not None:
        lembaga = {lb.id: lb.nama for lb in t22.lembaga}
    katalog = katalog_ruang_kerja(view)

    def reg(kode: str) -> str:
        r = katalog.get(kode)
        return judul_regulasi(r) if r is not None else kode

    rows: list[Isi] = []
    for i, u in enumerate(data.usulan, start=1):
        status = "Baru" if u.status == "baru" else f"Revisi atas {reg(u.regulasi_direvisi or '')}"
        rows.append(
            [
                _no(i),
                u.id,
                nama_jenis_kebijakan(u.jenis, kepala),
                u.judul,
                status,
                _lines(u.substansi_pokok),
                _lines([reg(r) for r in u.regulasi_acuan]) if u.regulasi_acuan else "–",
                lembaga.get(u.pemrakarsa) or nama.sh(u.pemrakarsa),
            ]
        )
    blok = [
        tabel(
            "Usulan Penyempurnaan/Penyusunan Kebijakan",
            [
                NO,
                KODE,
                Kolom("Jenis", 1.6),
                Kolom("Judul", 2.5),
                Kolom("Status", 1.8),
                Kolom("Substansi Pokok", 4),
                Kolom("Regulasi Acuan", 3),
                Kolom("Pemrakarsa", 1.8),
            ],
            rows,
        )
    ]
    rows = []
    no = 0
    for u in data.usulan:
        if not u.rencana_pembahasan:
            continue
        rows.append(Kelompok(f"{u.id}: {u.judul}"))
        for r in u.rencana_pembahasan:
            no += 1
            rows.append(
                [
                    _no(no),
                    r.kegiatan,
                    _lines([nama.sh(p) for p in r.pihak_terkait], bernomor=False),
                    r.waktu,
                    r.keluaran,
                ]
            )
    blok.append(
        tabel(
            "Rencana Pembahasan Usulan Kebijakan",
            [NO, Kolom("Kegiatan", 4), Kolom("Pihak Terkait", 4), Kolom("Waktu", 2), Kolom("Keluaran", 4)],
            rows or [["–", "Belum ada rencana pembahasan", "–", "–", "–"]],
        )
    )
    return blok


def _t44(view: WorkspaceView, analisis: Analisis, data: Personil) -> list[Blok]:
    rows: list[Isi] = []
    for i, b in enumerate(data.kebutuhan, start=1):
        kurang = b.kekurangan
        ket = _angka(kurang) if kurang >= 0 else f"kelebihan {_angka(-kurang)}"
        rows.append(
            [_no(i), b.unit, b.posisi, _angka(b.jumlah_ada), _angka(b.jumlah_dibutuhkan), ket, _lines(b.kompetensi)]
        )
    ada = sum(b.jumlah_ada for b in data.kebutuhan)
    butuh = sum(b.jumlah_dibutuhkan for b in data.kebutuhan)
    kurang_total = sum(max(b.kekurangan, 0) for b in data.kebutuhan)
    rows.append(jumlah("Jumlah", _angka(ada), _angka(butuh), _angka(kurang_total), ""))
    blok = [
        tabel(
            "Kebutuhan Pengembangan Personil",
            [
                NO,
                Kolom("Unit", 2.5),
                Kolom("Posisi", 2.8),
                Kolom("Jumlah Ada", 1, "angka"),
                Kolom("Jumlah Dibutuhkan", 1.2, "angka"),
                Kolom("Kekurangan", 1.2, "angka"),
                Kolom("Kompetensi yang Dibutuhkan", 5),
            ],
            rows,
            [
                "Kekurangan = jumlah dibutuhkan − jumlah ada; jumlah kekurangan tidak mengurangkan "
                "kelebihan di posisi lain."
            ],
        ),
        tabel(
            "Peningkatan Kompetensi Personil",
            [
                NO,
                Kolom("Kompetensi", 3),
                Kolom("Sasaran", 2.5),
                Kolom("Kondisi Saat Ini", 3.5),
                Kolom("Kondisi Diharapkan", 3.5),
                Kolom("Prioritas", 1.1, "tengah"),
            ],
            [
                [
                    _no(i),
                    k.kompetensi,
                    k.sasaran or "–",
                    k.kondisi_saat_ini,
                    k.kondisi_diharapkan,
                    _kapital(k.prioritas),
                ]
                for i, k in enumerate(data.peningkatan_kompetensi, start=1)
            ],
        ),
    ]
    rows = [
        [
            _no(i),
            p.id,
            _kapital(p.jenis),
            p.nama,
            p.sasaran_peserta,
            _angka(p.jumlah_peserta),
            p.waktu,
            p.penyelenggara,
            _rp(p.biaya),
        ]
        for i, p in enumerate(data.program, start=1)
    ]
    total = sum(p.biaya for p in data.program)
    rows.append(jumlah("Jumlah", _rp(total)))
    blok.append(
        tabel(
            "Program Peningkatan Kemampuan Personil",
            [
                NO,
                KODE,
                Kolom("Jenis", 1.1),
                Kolom("Program", 3),
                Kolom("Sasaran Peserta", 2.5),
                Kolom("Jumlah Peserta", 1, "angka"),
                Kolom("Waktu", 1.5),
                Kolom("Penyelenggara", 2.2),
                Kolom("Biaya (Rp)", 1.8, "angka"),
            ],
            rows,
            [f"Jumlah biaya: {idfmt.rupiah(total)} ({idfmt.terbilang_rupiah(total)})."],
        )
    )
    blok.append(
        tabel(
            "Kerangka Acuan (ToR) Program Personil",
            [KODE, Kolom("Program", 2.5), Kolom("Latar Belakang", 4), Kolom("Tujuan", 3), Kolom("Keluaran", 3)],
            [[p.id, p.nama, p.tor.latar_belakang, p.tor.tujuan, p.tor.keluaran] for p in data.program],
        )
    )
    return blok


def _t45(view: WorkspaceView, analisis: Analisis, data: Organisasi) -> list[Blok]:
    unit = {u.id: u.nama for u in data.unit}
    blok = [
        tabel(
            "Rancangan Organisasi Penyelenggara Pelayanan",
            [NO, KODE, Kolom("Unit", 2.5), Kolom("Atasan Langsung", 2.5), Kolom("Status", 1.2), Kolom("Peran", 6)],
            [
                [
                    _no(i),
                    u.id,
                    u.nama,
                    unit.get(u.induk, u.induk) if u.induk else "Direksi",
                    STATUS_UNIT_LABEL[u.status],
                    u.peran,
                ]
                for i, u in enumerate(data.unit, start=1)
            ],
        ),
        tabel(
            "Tabulasi Peran, Tugas dan Tanggung Jawab Unit",
            [NO, Kolom("Unit", 2.2), Kolom("Tugas", 5.5), Kolom("Tanggung Jawab", 5.5)],
            [[_no(i), u.nama, _lines(u.tugas), _lines(u.tanggung_jawab)] for i, u in enumerate(data.unit, start=1)],
        ),
    ]
    if data.analisis_tugas:
        blok.append(
            tabel(
                "Analisis Tugas",
                [
                    NO,
                    Kolom("Unit", 2.2),
                    Kolom("Tugas", 4.5),
                    Kolom("Volume/Frekuensi", 2.5),
                    Kolom("Pelaksana", 2.5),
                    Kolom("Waktu Penyelesaian", 1.6),
                ],
                [
                    [_no(i), unit.get(a.unit, a.unit), a.tugas, a.volume, a.pelaksana, _durasi(a.waktu_penyelesaian)]
                    for i, a in enumerate(data.analisis_tugas, start=1)
                ],
            )
        )
    if data.uraian_jabatan:
        blok.append(
            tabel(
                "Uraian Jabatan",
                [
                    NO,
                    Kolom("Jabatan", 2),
                    Kolom("Unit dan Atasan", 2.2),
                    Kolom("Ikhtisar", 2.8),
                    Kolom("Tugas Pokok", 3.5),
                    Kolom("Wewenang", 2.5),
                    Kolom("Syarat Jabatan", 2.5),
                ],
                [
                    [
                        _no(i),
                        j.jabatan,
                        [unit.get(j.unit, j.unit), f"Atasan: {j.atasan_langsung}"],
                        j.ikhtisar,
                        _lines(j.tugas_pokok),
                        _lines(j.wewenang),
                        _lines(j.syarat),
                    ]
                    for i, j in enumerate(data.uraian_jabatan, start=1)
                ],
            )
        )
    return blok


def _t46(view: WorkspaceView, analisis: Analisis, data: Keuangan) -> list[Blok]:
    blok = [
        tabel(
            "Kondisi Keuangan PDAM",
            [
                NO,
                Kolom("Indikator", 3.5),
                Kolom("Nilai", 1.2, "angka"),
                Kolom("Satuan", 1),
                Kolom("Tahun", 0.8, "tengah"),
                Kolom("Sumber", 3),
                Kolom("Keterangan", 4),
            ],
            [
                [
                    _no(i),
                    k.indikator,
                    _angka(Decimal(str(k.nilai))),
                    k.satuan,
                    str(k.tahun),
                    k.sumber,
                    k.keterangan or "–",
                ]
                for i, k in enumerate(data.kondisi, start=1)
            ],
        )
    ]
    rows: list[Isi] = [
        [
            _no(i),
            u.id,
            u.uraian,
            KATEGORI_KEUANGAN_LABEL[u.kategori],
            _rp(u.dampak_keuangan),
            u.dasar_perhitungan or "–",
            u.sumber,
            _lines(u.prasyarat) if u.prasyarat else "–",
        ]
        for i, u in enumerate(data.usulan, start=1)
    ]
    naik = sum(u.dampak_keuangan for u in data.usulan if u.dampak_keuangan > 0)
    turun = sum(u.dampak_keuangan for u in data.usulan if u.dampak_keuangan < 0)
    bersih = naik + turun
    rows.append(jumlah("Jumlah dampak positif", _rp(naik), "", "", ""))
    rows.append(jumlah("Jumlah dampak negatif", _rp(turun), "", "", ""))
    rows.append(jumlah("Dampak bersih per tahun", _rp(bersih), "", "", ""))
    blok.append(
        tabel(
            "Usulan Peningkatan Kapasitas Keuangan",
            [
                NO,
                KODE,
                Kolom("Usulan", 4),
                Kolom("Kategori", 1.5),
                Kolom("Dampak Keuangan per Tahun (Rp)", 1.9, "angka"),
                Kolom("Dasar Perhitungan", 3.5),
                Kolom("Sumber", 1.8),
                Kolom("Prasyarat", 3),
            ],
            rows,
            [
                "Dampak positif: tambahan pendapatan atau penghematan; negatif: tambahan beban atau investasi. "
                "Dampak bersih = jumlah dampak positif + jumlah dampak negatif."
            ],
        )
    )
    return blok
