"""Topik 4.4, Rancangan Pengembangan Kapasitas Personil.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.umum import KODE, NO, _angka, _kapital, _lines, _no, _rp
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    jumlah,
    tabel,
)
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import (
    Personil,
)
from assembler.workspace_view import WorkspaceView


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Personil) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.4."""
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


BAGIAN = Bagian(Personil, kertas_kerja, draft_stpp.BAGIAN["4.4"])
