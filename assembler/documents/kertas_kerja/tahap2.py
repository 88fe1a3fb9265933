"""Kertas Kerja Tahap 2: the sections of the stage's topics."""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.dasar_hukum import katalog_ruang_kerja, kutipan
from assembler.documents.kertas_kerja.umum import KODE, NO, _angka, _kapital, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    paragraf,
    tabel,
)
from assembler.legal import judul as judul_regulasi
from assembler.models.tahap2 import IsuUtama, Kesenjangan
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- Tahap 2


def _t21(view: WorkspaceView, analisis: Analisis, data: IsuUtama) -> list[Blok]:
    hasil = analisis.pemeringkatan
    assert hasil is not None  # 2.1 is present
    kriteria = data.kriteria
    blok = [
        tabel(
            "Kriteria Penilaian Isu",
            [NO, KODE, Kolom("Kriteria", 2.5), Kolom("Uraian", 8), Kolom("Skala", 1, "tengah")],
            [
                [_no(i), k.id, k.nama, k.uraian or "–", f"{k.skala_min}–{k.skala_maks}"]
                for i, k in enumerate(kriteria, start=1)
            ],
        )
    ]
    seri_awal = {i for group in hasil.seri for i in group}
    ada_putaran = any(b.putaran for b in hasil.baris)
    kolom = [NO, KODE, Kolom("Isu", 6)] + [Kolom(k.nama, 1.2, "angka") for k in kriteria]
    kolom += [Kolom("Jumlah Skor", 1, "angka"), Kolom("Peringkat", 1.1, "tengah")]
    if ada_putaran:
        kolom.append(Kolom("Nilai Putaran Ulang", 1.2, "angka"))
    kolom.append(Kolom("Urutan Akhir", 1.1, "tengah"))
    rows: list[Isi] = []
    for b in sorted(hasil.baris, key=lambda b: [i.id for i in data.isu].index(b.isu)):
        row = [
            _no(len(rows) + 1),
            b.isu,
            b.rumusan,
            *(_angka(b.skor.get(k.id, 0)) for k in kriteria),
            _angka(b.total),
            f"{b.peringkat} (seri)" if b.isu in seri_awal else str(b.peringkat),
        ]
        if ada_putaran:
            row.append(" → ".join(_angka(v) for v in b.putaran) if b.putaran else "–")
        row.append(f"{b.urutan} (seri)" if b.seri else str(b.urutan))
        rows.append(row)
    catatan = [
        "Jumlah skor = jumlah skor seluruh kriteria. Peringkat menurut jumlah skor; isu dengan jumlah sama "
        "berperingkat sama (seri) dan diurutkan hanya oleh putaran ulang yang dicatat, tidak oleh urutan penulisan."
    ]
    for group in hasil.seri:
        total = hasil.baris_isu(group[0])
        catatan.append(
            f"Seri: {idfmt.daftar(group)} memperoleh jumlah skor sama ({_angka(total.total if total else 0)})."
        )
    for group in hasil.seri_tersisa:
        catatan.append(f"Belum terputus: {idfmt.daftar(group)} masih bernilai sama; catat putaran ulang berikutnya.")
    blok.append(tabel("Matriks Pemeringkatan Isu", kolom, rows, catatan))

    for r, putaran in enumerate(data.putaran_ulang, start=1):
        per_kriteria = any(isinstance(v, dict) for v in putaran.skor.values())
        kol = [NO, KODE, Kolom("Isu", 6)]
        if per_kriteria:
            kol += [Kolom(k.nama, 1.2, "angka") for k in kriteria]
        kol += [Kolom("Nilai Putaran", 1.2, "angka"), Kolom("Urutan dalam Putaran", 1.3, "tengah")]
        nilai = {i: putaran.nilai(i) or 0 for i in putaran.isu}
        levels = sorted(set(nilai.values()), reverse=True)
        rumusan = {i.id: i.rumusan for i in data.isu}
        rows = []
        for j, isu in enumerate(putaran.isu, start=1):
            row = [_no(j), isu, rumusan.get(isu, isu)]
            if per_kriteria:
                skor = putaran.skor.get(isu)
                row += [_angka(skor.get(k.id, 0)) if isinstance(skor, dict) else "–" for k in kriteria]
            pos = levels.index(nilai[isu]) + 1
            seri = sum(1 for v in nilai.values() if v == nilai[isu]) > 1
            row += [_angka(nilai[isu]), f"{pos} (seri)" if seri else str(pos)]
            rows.append(row)
        status = (
            "dipakai untuk memutus seri" if (r - 1) in hasil.putaran_terpakai else "tidak dipakai (bukan isu yang seri)"
        )
        blok.append(
            tabel(
                f"Putaran Ulang ke-{r}: {idfmt.daftar(putaran.isu)}",
                kol,
                rows,
                [c for c in (f"Putaran ini {status}.", putaran.catatan) if c],
            )
        )
    if hasil.isu_utama is not None:
        utama = hasil.baris_isu(hasil.isu_utama)
        assert utama is not None
        teks = (
            f"Isu utama pelayanan PDAM: {utama.isu} \u201c{utama.rumusan}\u201d, dengan jumlah skor tertinggi "
            f"{_angka(utama.total)}."
        )
    else:
        top = [b.isu for b in hasil.baris if b.urutan == 1]
        teks = (
            f"Isu utama belum dapat ditetapkan: {idfmt.daftar(top)} memperoleh jumlah skor tertinggi yang sama; "
            "lakukan dan catat penilaian ulang di antara isu tersebut."
        )
    blok.append(paragraf(teks))
    return blok


def _t22(view: WorkspaceView, analisis: Analisis, data: TopikRegulasi) -> list[Blok]:
    katalog = katalog_ruang_kerja(view)
    regs = {e.kode: katalog[e.kode] for e in data.regulasi}
    blok = [
        tabel(
            "Peraturan Perundang-undangan Terkait",
            [
                NO,
                Kolom("Peraturan", 5),
                Kolom("Status", 2),
                Kolom("Relevansi dengan STPP", 4.5),
                Kolom("Ketentuan yang Relevan", 3.5),
            ],
            [
                [
                    _no(i),
                    *kutipan(regs[e.kode], katalog),
                    e.relevansi,
                    _lines(e.ketentuan) if e.ketentuan else "–",
                ]
                for i, e in enumerate(data.regulasi, start=1)
            ],
        ),
        tabel(
            "Lembaga Terkait Pelayanan Air Minum",
            [NO, KODE, Kolom("Lembaga", 3.5), Kolom("Peran", 8)],
            [[_no(i), lb.id, lb.nama, lb.peran] for i, lb in enumerate(data.lembaga, start=1)],
        ),
    ]
    lembaga = {lb.id: lb.nama for lb in data.lembaga}
    rows: list[Isi] = []
    for i, h in enumerate(data.hubungan, start=1):
        reg = katalog.get(h.regulasi)
        rows.append(
            [
                _no(i),
                judul_regulasi(reg) if reg is not None else h.regulasi,
                h.ketentuan or "–",
                _lines([lembaga.get(x, x) for x in h.lembaga], bernomor=False),
                h.kewenangan,
                h.implikasi,
            ]
        )
    blok.append(
        tabel(
            "Hubungan Antar-kebijakan",
            [
                NO,
                Kolom("Peraturan", 3.5),
                Kolom("Ketentuan", 1.8),
                Kolom("Lembaga Terkait", 2.5),
                Kolom("Kewenangan/Kewajiban", 3.5),
                Kolom("Implikasi bagi STPP", 3.5),
            ],
            rows or [["–", "Belum ada baris hubungan antar-kebijakan", "–", "–", "–", "–"]],
        )
    )
    blok.append(
        tabel(
            "Koridor Hukum",
            [Kolom("Koridor", 2), Kolom("Rumusan", 8)],
            [
                ["Pengembangan proses penyusunan STPP", data.koridor_hukum.penyusunan_stpp],
                ["Kerja sama antar-instansi", data.koridor_hukum.kerja_sama_antarinstansi],
            ],
        )
    )
    return blok


def _t23(view: WorkspaceView, analisis: Analisis, data: Kesenjangan) -> list[Blok]:
    hasil = analisis.kesenjangan
    assert hasil is not None  # 2.3 is present
    arah = {"naik": "Makin tinggi makin baik", "turun": "Makin rendah makin baik"}
    rows: list[Isi] = []
    for i, b in enumerate(hasil.baris, start=1):
        ind = data.indikator[i - 1]
        rows.append(
            [
                _no(i),
                b.nama,
                b.satuan,
                arah[b.arah],
                _angka(b.target),
                f"{_angka(b.realisasi)} ({b.tahun})",
                _angka(b.selisih),
                idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–",
                _kapital(b.status),
                "Ya" if b.strategis else "–",
                ind.sumber_data,
            ]
        )
    blok = [
        tabel(
            "Analisis Kesenjangan Kuantitatif (Pencapaian Target Pelayanan/Corporate Plan)",
            [
                NO,
                Kolom("Indikator", 3.3),
                Kolom("Satuan", 1.2),
                Kolom("Arah", 1.5),
                Kolom("Target", 1, "angka"),
                Kolom("Realisasi (Tahun)", 1.3, "angka"),
                Kolom("Kesenjangan", 1.2, "angka"),
                Kolom("% Capaian", 1.1, "angka"),
                Kolom("Status", 1.2),
                Kolom("Strategis", 0.9, "tengah"),
                Kolom("Sumber Data", 2.6),
            ],
            rows,
            [
                f"Acuan target: {data.acuan}." if data.acuan else "",
                "Makin tinggi makin baik: kesenjangan = target − realisasi; % capaian = realisasi ÷ target × 100.",
                "Makin rendah makin baik: kesenjangan = realisasi − target; % capaian = target ÷ realisasi × 100.",
                "Kesenjangan positif berarti target belum tercapai; nol atau negatif berarti target tercapai.",
                f"Ringkasan: {hasil.jumlah_belum_tercapai} dari {len(hasil.baris)} indikator belum mencapai target.",
            ],
        )
    ]
    blok[0]["catatan"] = [c for c in blok[0]["catatan"] if c]
    strategis = [b for b in hasil.baris if b.strategis]
    blok.append(
        tabel(
            "Indikator Strategis untuk Tahap 4.1",
            [NO, Kolom("Indikator", 3), Kolom("Kesenjangan", 1.5, "angka"), Kolom("Alasan Ditetapkan Strategis", 7)],
            [
                [_no(i), b.nama, f"{_angka(b.selisih)} {b.satuan}", b.alasan_strategis or "–"]
                for i, b in enumerate(strategis, start=1)
            ]
            or [["–", "Belum ada indikator strategis", "–", "–"]],
        )
    )
    return blok
