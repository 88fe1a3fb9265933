"""Topik 4.7, Prioritisasi Tindakan Peningkatan Pelayanan.

Its working-paper section (Kertas Kerja Tahap 4), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _kalimat, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _content, _no
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
from assembler.documents.topik.bagian import Bagian, sebut
from assembler.models.tahap4 import (
    Prioritas,
    Tindakan,
)
from assembler.scoring.mcua import ASPEK, Peringkat, jumlah_terbobot
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.7")


def _skor_kali(skor: int, bobot: int) -> str:
    return KK.kalimat("skor-kali-bobot", skor=skor, bobot=bobot, angka=_angka(skor * bobot))


def _nama_tindakan(data: Prioritas, tid: str) -> str:
    return next((t.nama for t in data.tindakan if t.id == tid), tid)


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: Prioritas) -> list[Blok]:
    """Kertas Kerja Tahap 4, Topik 4.7."""
    p3o = _content(view).p3o
    hasil = analisis.mcua
    assert hasil is not None  # 4.7 is present
    kriteria = data.kriteria
    rows: list[Isi] = [
        [_no(i), k.id, k.nama, _angka(k.bobot), f"{k.skala_min}–{k.skala_maks}", k.keterangan or "–"]
        for i, k in enumerate(kriteria, start=1)
    ]
    rows.append(jumlah(KK.kalimat("jumlah-bobot"), _angka(sum(k.bobot for k in kriteria)), "", ""))
    blok = [KK.tabel("kriteria-bobot-mcua", rows)]
    rank_aspek = {r.tindakan: r for a in ASPEK for r in hasil.per_aspek[a]}
    rank_all = {r.tindakan: r for r in hasil.keseluruhan}

    def _rank(r: Peringkat) -> str:
        return KK.kalimat("seri", nomor=r.peringkat) if r.seri else str(r.peringkat)

    def _aspek(t: Tindakan) -> str:
        nama = p3o.aspek[t.aspek].nama
        return f"{nama}: {p3o.sub_aspek_manajemen[t.sub_aspek].nama}" if t.sub_aspek else nama

    kol = KK.kolom(
        "matriks-penilaian-mcua",
        sisipan={
            "kriteria": [
                Kolom(KK.kalimat("kolom-kriteria", nama=k.nama, bobot=k.bobot), 1.5, "angka") for k in kriteria
            ]
        },
    )
    rows = []
    for i, t in enumerate(data.tindakan, start=1):
        n = hasil.nilai[t.id]
        rows.append(
            [
                _no(i),
                t.id,
                t.nama,
                _aspek(t),
                *(_skor_kali(t.skor.get(k.id, 0), k.bobot) for k in kriteria),
                _angka(n.total),
                _rank(rank_aspek[t.id]),
                _rank(rank_all[t.id]),
            ]
        )
    catatan = [
        KK.kalimat("setiap-sel-kriteria-skor"),
        KK.kalimat("tindakan-jumlah-nilai-sama"),
    ]
    blok.append(tabel(KK.judul("matriks-penilaian-mcua"), kol, rows, catatan))

    for r, p in enumerate(data.putaran_ulang, start=1):
        krit = p.kriteria or kriteria
        bobot = {k.id: k.bobot for k in krit}
        kol = KK.kolom(
            "putaran-ulang-mcua",
            sisipan={
                "kriteria": [
                    Kolom(KK.kalimat("kolom-kriteria", nama=k.nama, bobot=k.bobot), 1.8, "angka") for k in krit
                ]
            },
        )
        totals = {t: jumlah_terbobot(bobot, s) for t, s in p.skor.items()}
        levels = sorted(set(totals.values()), reverse=True)
        rows = []
        for j, tid in enumerate(p.tindakan, start=1):
            skor = p.skor.get(tid, {})
            first = hasil.nilai.get(tid)
            rows.append(
                [
                    _no(j),
                    tid,
                    _nama_tindakan(data, tid),
                    _angka(first.total) if first else "–",
                    *(_skor_kali(skor.get(k.id, 0), k.bobot) for k in krit),
                    _angka(totals.get(tid, 0)),
                    str(levels.index(totals.get(tid, 0)) + 1) if tid in totals else "–",
                ]
            )
        blok.append(
            tabel(
                KK.judul("putaran-ulang-mcua", ke=r),
                kol,
                rows,
                [
                    c
                    for c in (
                        KK.kalimat("kriteria-putaran-khusus" if p.kriteria else "kriteria-putaran-sama"),
                        p.catatan,
                    )
                    if c
                ],
            )
        )

    rows = []
    for aspek in ASPEK:
        rows.append(Kelompok(KK.kalimat("aspek", nama=p3o.aspek[aspek].nama)))
        for r_ in hasil.per_aspek[aspek]:
            t = next(x for x in data.tindakan if x.id == r_.tindakan)
            putaran = (
                "; ".join(KK.kalimat("putaran-ulang", ke=v.indeks + 1, angka=_angka(v.total)) for v in r_.putaran)
                or "–"
            )
            rows.append(
                [
                    _rank(r_),
                    t.id,
                    t.nama,
                    p3o.sub_aspek_manajemen[t.sub_aspek].nama if t.sub_aspek else "–",
                    _angka(r_.total),
                    putaran,
                ]
            )
    blok.append(KK.tabel("urutan-prioritas-tindakan-per", rows))
    blok.append(
        KK.tabel(
            "urutan-prioritas-tindakan-keseluruhan",
            [
                [
                    _rank(r_),
                    r_.tindakan,
                    _nama_tindakan(data, r_.tindakan),
                    _aspek(next(x for x in data.tindakan if x.id == r_.tindakan)),
                    _angka(r_.total),
                    "; ".join(KK.kalimat("putaran-ulang", ke=v.indeks + 1, angka=_angka(v.total)) for v in r_.putaran)
                    or "–",
                ]
                for r_ in hasil.keseluruhan
            ],
        )
    )
    for aspek in ASPEK:
        for group in hasil.seri_per_aspek[aspek]:
            blok.append(
                paragraf(
                    KK.kalimat(
                        "perhatian-masih-bernilai-sama",
                        daftar=sebut(Nama(view).tindakan, group),
                        nama=p3o.aspek[aspek].nama,
                    )
                )
            )
    return blok


def _nama_t(prioritas: Prioritas, kode: str) -> str:
    return next((str(x.nama) for x in prioritas.tindakan if x.id == kode), kode)


def draft_stpp(bahan: Bahan, t: Prioritas) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t47``)."""
    tabel, content, hasil = bahan.tabel, bahan.content, bahan.analisis.mcua
    if hasil is None:
        return None
    cap = tabel(4, kalimat("t47_tabel"))
    maks = sum(k.bobot * k.skala_maks for k in t.kriteria)
    baris = []
    for aspek in ASPEK:
        for j, p in enumerate(hasil.per_aspek.get(aspek, ())):
            tindakan = next(x for x in t.tindakan if x.id == p.tindakan)
            sub = f" ({content.p3o.sub_aspek_manajemen[tindakan.sub_aspek].nama})" if tindakan.sub_aspek else ""
            putaran = kalimat("t47_putaran_ulang", nilai=p.putaran[-1].total) if p.putaran else ""
            baris.append(
                {
                    "aspek": content.p3o.aspek[aspek].nama if j == 0 else "",
                    "peringkat": str(p.peringkat) + (" " + kalimat("t47_peringkat_seri") if p.seri else ""),
                    "tindakan": f"{tindakan.nama}{sub}",
                    "nilai": f"{p.total}{putaran}",
                }
            )
    kriteria = idfmt.daftar([kalimat("t47_kriteria_bobot", kriteria=k.nama.lower(), bobot=k.bobot) for k in t.kriteria])
    pengantar = [kalimat("t47_pengantar", kriteria=kriteria, maks=idfmt.angka(maks), tabel=_ref(cap))]
    for ulang in t.putaran_ulang:
        if ulang.catatan:
            pengantar.append(
                kalimat(
                    "t47_ulang",
                    tindakan=idfmt.daftar([f"“{_nama_t(t, x)}”" for x in ulang.tindakan]),
                    catatan=_kalimat(ulang.catatan),
                )
            )
    return {"pengantar": pengantar, "tabel": cap, "baris": baris}


BAGIAN = Bagian(Prioritas, kertas_kerja, draft_stpp)
