"""Kertas Kerja Tahap 6: the sections of the stage's topics."""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.umum import NO, _kapital, _lama_bulan, _lines, _no, _rentang, _rp, _tim
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    daftar,
    jumlah,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.models.tahap4 import (
    Kebijakan,
)
from assembler.models.tahap5 import (
    SkemaTindakan,
)
from assembler.models.tahap6 import IntegrasiCorporatePlan, Pelaksanaan
from assembler.workspace_view import WorkspaceView


def _t61(view: WorkspaceView, analisis: Analisis, data: IntegrasiCorporatePlan) -> list[Blok]:
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
        rows.append(jumlah("Jumlah", _rp(total)))
    catatan = [
        "Sumber dana dan biaya diambil dari Skema Tindakan Topik 5.1; kode anggaran menurut Permendagri 90/2019."
    ]
    belum = [k for k in kegiatan if k not in {p.kegiatan for p in data.penyisipan}]
    if belum:
        catatan.append(f"Kegiatan Topik 5.1 yang belum direncanakan penyisipannya: {idfmt.daftar(belum)}.")
    blok = [
        tabel(
            "Integrasi Kegiatan STPP ke dalam Corporate Plan dan Dokumen Perencanaan",
            [
                NO,
                Kolom("Kegiatan", 4),
                Kolom("Jangka Waktu", 1.2),
                Kolom("Dokumen Perencanaan", 2.5),
                Kolom("Kode Program/Kegiatan", 1.8),
                Kolom("Nomenklatur", 3.5),
                Kolom("Sumber Dana", 1.3),
                Kolom("Biaya (Rp)", 1.8, "angka"),
            ],
            rows,
            catatan,
        ),
        daftar("Strategi Penyisipan STPP", data.strategi_penyisipan),
    ]
    kk = data.kajian_keuangan
    blok.append(paragraf(f"Kajian keuangan (integrasi Corporate Plan): {kk.ringkasan}"))
    if kk.asumsi:
        blok.append(daftar("Asumsi Kajian Keuangan", kk.asumsi))
    if kk.dampak:
        years = sorted({y for d in kk.dampak for y in d.nilai_per_tahun})
        tanda = {"tambahan pendapatan": 1, "penghematan biaya": 1, "tambahan biaya operasional": -1}
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
        bersih = [sum(tanda[d.jenis] * d.nilai_per_tahun.get(y, 0) for d in kk.dampak) for y in years]
        rows.append(jumlah("Dampak bersih", *(_rp(v) for v in bersih), _rp(sum(bersih))))
        blok.append(
            tabel(
                "Perkiraan Dampak Keuangan per Tahun",
                [
                    NO,
                    Kolom("Uraian", 4),
                    Kolom("Jenis", 2.2),
                    *(Kolom(f"{y} (Rp)", 1.7, "angka") for y in years),
                    Kolom("Jumlah (Rp)", 1.8, "angka"),
                ],
                rows,
                ["Dampak bersih = tambahan pendapatan + penghematan biaya − tambahan biaya operasional."],
            )
        )
    blok.append(paragraf(f"Kesimpulan kajian keuangan: {kk.kesimpulan}"))
    blok.append(
        tabel(
            "Rencana Komunikasi, Lobi dan Media",
            [
                NO,
                Kolom("Kegiatan", 3),
                Kolom("Sasaran", 3),
                Kolom("Pesan Kunci", 4),
                Kolom("Media/Forum", 2.2),
                Kolom("Waktu", 1.4),
                Kolom("Penanggung Jawab", 2.2),
            ],
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
    blok.append(_tim("Susunan Tim Perumus", view, data.tim_perumus.anggota))
    kebijakan: dict[str, str] = {}
    t43 = view.get(Kebijakan)
    if t43 is not None:
        kebijakan = {u.id: u.judul for u in t43.usulan}
    blok.append(
        tabel(
            "Tugas Tim Perumus",
            [
                NO,
                Kolom("Jenis Naskah", 2),
                Kolom("Judul", 6),
                Kolom("Usulan Kebijakan (4.3)", 3),
                Kolom("Tenggat", 1.5),
            ],
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


def _triwulan(ym: str) -> tuple[int, int]:
    tahun, bulan = (int(x) for x in ym.split("-"))
    return tahun, (bulan - 1) // 3 + 1


def _t62(view: WorkspaceView, analisis: Analisis, data: Pelaksanaan) -> list[Blok]:
    nama = Nama(view)
    skema = view.get(SkemaTindakan)
    kegiatan = skema.kegiatan_by_id() if skema is not None else {}
    rows: list[Isi] = []
    for i, k in enumerate(data.kegiatan_langsung, start=1):
        kg = kegiatan.get(k)
        if kg is None:
            rows.append([_no(i), k, "–", "–", "–", "–"])
            continue
        rows.append(
            [
                _no(i),
                f"{analisis.logframe.nomor[kg.id]} {kg.rumusan}",
                nama.sebut(nama.tindakan, kg.tindakan),
                nama.orang_lengkap(kg.penanggung_jawab),
                _rentang(kg.jadwal.mulai, kg.jadwal.selesai),
                _rp(kg.biaya),
            ]
        )
    if skema is not None:
        rows.append(jumlah("Jumlah", _rp(sum(kegiatan[k].biaya for k in data.kegiatan_langsung if k in kegiatan))))
    blok = [
        tabel(
            "Program/Kegiatan yang Dapat Langsung Dilaksanakan PDAM",
            [
                NO,
                Kolom("Kegiatan", 4.5),
                Kolom("Tindakan (4.7)", 3),
                Kolom("Penanggung Jawab", 3),
                Kolom("Jadwal Skema Tindakan", 2.2),
                Kolom("Biaya (Rp)", 1.8, "angka"),
            ],
            rows,
        )
    ]
    rows = [
        [
            _no(i),
            nama.sebut(nama.kegiatan, j.kegiatan),
            bulan_tahun(j.mulai),
            bulan_tahun(j.selesai),
            f"{_lama_bulan(j.mulai, j.selesai)} bulan",
            _lines(j.langkah) if j.langkah else "–",
        ]
        for i, j in enumerate(data.jadwal_kerja, start=1)
    ]
    blok.append(
        tabel(
            "Jadwal Kerja Penerapan",
            [
                NO,
                Kolom("Kegiatan", 4.5),
                Kolom("Mulai", 1.4),
                Kolom("Selesai", 1.4),
                Kolom("Lama", 1, "angka"),
                Kolom("Langkah Penerapan", 5.5),
            ],
            rows,
            ["Lama dihitung dari bulan mulai sampai bulan selesai, keduanya termasuk."],
        )
    )
    awal = min(_triwulan(j.mulai) for j in data.jadwal_kerja)
    akhir = max(_triwulan(j.selesai) for j in data.jadwal_kerja)
    quarters = [(y, q) for y in range(awal[0], akhir[0] + 1) for q in range(1, 5) if awal <= (y, q) <= akhir]
    if len(quarters) <= 16:
        kol = [NO, Kolom("Kegiatan", 6)] + [Kolom(f"{idfmt.romawi(q)}/{y}", 0.8, "tengah") for y, q in quarters]
        rows = [
            [
                _no(i),
                nama.sebut(nama.kegiatan, j.kegiatan),
                *("■" if _triwulan(j.mulai) <= yq <= _triwulan(j.selesai) else "" for yq in quarters),
            ]
            for i, j in enumerate(data.jadwal_kerja, start=1)
        ]
        blok.append(
            tabel(
                "Bagan Jadwal Kerja Penerapan per Triwulan",
                kol,
                rows,
                ["Kolom: triwulan/tahun; ■ = kegiatan berlangsung pada triwulan tersebut."],
            )
        )
    mp = data.mekanisme_pengawalan
    blok.append(
        tabel(
            "Mekanisme Pengawalan Pelaksanaan",
            [
                NO,
                Kolom("Kegiatan Pengawalan", 3.5),
                Kolom("Pelaksana", 3.5),
                Kolom("Cara", 3.5),
                Kolom("Frekuensi", 1.4),
                Kolom("Laporan kepada", 2.2),
            ],
            [
                [
                    _no(i),
                    k.uraian,
                    _lines([nama.orang_lengkap(p) for p in k.pelaksana], bernomor=False),
                    k.cara,
                    _kapital(k.frekuensi),
                    k.laporan_kepada,
                ]
                for i, k in enumerate(mp.kegiatan_pengawalan, start=1)
            ],
        )
    )
    blok.append(daftar("Jalur Pelaporan", mp.jalur_pelaporan))
    if mp.eskalasi:
        blok.append(
            tabel(
                "Aturan Eskalasi",
                [NO, Kolom("Keadaan", 4), Kolom("Langkah", 5), Kolom("Kepada", 3)],
                [[_no(i), e.keadaan, e.langkah, e.kepada] for i, e in enumerate(mp.eskalasi, start=1)],
            )
        )
    if data.tindak_lanjut_kerja_sama:
        blok.append(
            tabel(
                "Pembahasan Lanjutan Kerja Sama Pelaksanaan STPP",
                [NO, Kolom("Dokumen Kerja Sama", 2), Kolom("Agenda", 7), Kolom("Waktu", 1.5)],
                [
                    [_no(i), t.kerja_sama or "–", t.agenda, bulan_tahun(t.waktu)]
                    for i, t in enumerate(data.tindak_lanjut_kerja_sama, start=1)
                ],
            )
        )
    return blok
