"""Topik 6.2, Pelaksanaan STPP.

Its working-paper section (Kertas Kerja Tahap 6), bound to the model of its file;
not in the Draft STPP, which covers 1.1–5.2.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _kapital, _lama_bulan, _lines, _no, _rentang, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    daftar,
    jumlah,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.documents.topik.bagian import DI_LUAR_DRAFT, Bagian
from assembler.models.tahap5 import (
    SkemaTindakan,
)
from assembler.models.tahap6 import Pelaksanaan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("6.2")


def _triwulan(ym: str) -> tuple[int, int]:
    tahun, bulan = (int(x) for x in ym.split("-"))
    return tahun, (bulan - 1) // 3 + 1


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Pelaksanaan) -> list[Blok]:
    """Kertas Kerja Tahap 6, Topik 6.2."""
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
        rows.append(
            jumlah(KK.kalimat("jumlah"), _rp(sum(kegiatan[k].biaya for k in data.kegiatan_langsung if k in kegiatan)))
        )
    blok = [KK.tabel("program-kegiatan-dapat-langsung", rows)]
    rows = [
        [
            _no(i),
            nama.sebut(nama.kegiatan, j.kegiatan),
            bulan_tahun(j.mulai),
            bulan_tahun(j.selesai),
            KK.kalimat("lama-bulan", bulan=_lama_bulan(j.mulai, j.selesai)),
            _lines(j.langkah) if j.langkah else "–",
        ]
        for i, j in enumerate(data.jadwal_kerja, start=1)
    ]
    blok.append(KK.tabel("jadwal-kerja-penerapan", rows, [KK.kalimat("lama-dihitung-bulan-mulai")]))
    awal = min(_triwulan(j.mulai) for j in data.jadwal_kerja)
    akhir = max(_triwulan(j.selesai) for j in data.jadwal_kerja)
    quarters = [(y, q) for y in range(awal[0], akhir[0] + 1) for q in range(1, 5) if awal <= (y, q) <= akhir]
    if len(quarters) <= 16:
        kol = KK.kolom(
            "bagan-jadwal-kerja-penerapan",
            sisipan={"triwulan": [Kolom(f"{idfmt.romawi(q)}/{y}", 0.8, "tengah") for y, q in quarters]},
        )
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
                KK.judul("bagan-jadwal-kerja-penerapan"),
                kol,
                rows,
                [KK.kalimat("kolom-triwulan-tahun-kegiatan")],
            )
        )
    mp = data.mekanisme_pengawalan
    blok.append(
        KK.tabel(
            "mekanisme-pengawalan-pelaksanaan",
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
    blok.append(daftar(KK.kalimat("judul-jalur-pelaporan"), mp.jalur_pelaporan))
    if mp.eskalasi:
        blok.append(
            KK.tabel(
                "aturan-eskalasi",
                [[_no(i), e.keadaan, e.langkah, e.kepada] for i, e in enumerate(mp.eskalasi, start=1)],
            )
        )
    if data.tindak_lanjut_kerja_sama:
        kerja_sama = nama.kerja_sama
        blok.append(
            KK.tabel(
                "pembahasan-lanjutan-kerja-sama",
                [
                    [
                        _no(i),
                        nama.sebut(kerja_sama, t.kerja_sama) if t.kerja_sama else "–",
                        t.agenda,
                        bulan_tahun(t.waktu),
                    ]
                    for i, t in enumerate(data.tindak_lanjut_kerja_sama, start=1)
                ],
            )
        )
    return blok


BAGIAN = Bagian(Pelaksanaan, kertas_kerja, DI_LUAR_DRAFT)
