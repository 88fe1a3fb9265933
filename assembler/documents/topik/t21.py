"""Topik 2.1, Isu Utama Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 2), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _angka, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    paragraf,
    tabel,
)
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian, sebut
from assembler.models.tahap2 import IsuUtama
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("2.1")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: IsuUtama) -> list[Blok]:
    """Kertas Kerja Tahap 2, Topik 2.1."""
    hasil = analisis.pemeringkatan
    assert hasil is not None  # 2.1 is present
    rumusan = Nama(view).isu
    kriteria = data.kriteria
    blok = [
        KK.tabel(
            "kriteria-penilaian-isu",
            [
                [_no(i), k.id, k.nama, k.uraian or "–", f"{k.skala_min}–{k.skala_maks}"]
                for i, k in enumerate(kriteria, start=1)
            ],
        )
    ]
    seri_awal = {i for group in hasil.seri for i in group}
    ada_putaran = any(b.putaran for b in hasil.baris)
    kolom = KK.kolom(
        "matriks-pemeringkatan-isu",
        sisipan={"kriteria": [Kolom(k.nama, 1.2, "angka") for k in kriteria]},
        jika={"putaran": ada_putaran},
    )
    rows: list[Isi] = []
    for b in sorted(hasil.baris, key=lambda b: [i.id for i in data.isu].index(b.isu)):
        row = [
            _no(len(rows) + 1),
            b.isu,
            b.rumusan,
            *(_angka(b.skor.get(k.id, 0)) for k in kriteria),
            _angka(b.total),
            KK.kalimat("seri", nomor=b.peringkat) if b.isu in seri_awal else str(b.peringkat),
        ]
        if ada_putaran:
            row.append(" → ".join(_angka(v) for v in b.putaran) if b.putaran else "–")
        row.append(KK.kalimat("seri", nomor=b.urutan) if b.seri else str(b.urutan))
        rows.append(row)
    catatan = [KK.kalimat("jumlah-skor-jumlah-skor")]
    for group in hasil.seri:
        total = hasil.baris_isu(group[0])
        catatan.append(
            KK.kalimat(
                "seri-memperoleh-jumlah-skor",
                daftar=sebut(rumusan, group),
                angka=_angka(total.total if total else 0),
            )
        )
    for group in hasil.seri_tersisa:
        catatan.append(KK.kalimat("belum-terputus-masih-bernilai", daftar=sebut(rumusan, group)))
    blok.append(tabel(KK.judul("matriks-pemeringkatan-isu"), kolom, rows, catatan))

    for r, putaran in enumerate(data.putaran_ulang, start=1):
        per_kriteria = any(isinstance(v, dict) for v in putaran.skor.values())
        kriteria_putaran = [Kolom(k.nama, 1.2, "angka") for k in kriteria] if per_kriteria else []
        nilai = {i: putaran.nilai(i) or 0 for i in putaran.isu}
        levels = sorted(set(nilai.values()), reverse=True)
        rows = []
        for j, isu in enumerate(putaran.isu, start=1):
            row = [_no(j), isu, rumusan.get(isu, isu)]
            if per_kriteria:
                skor = putaran.skor.get(isu)
                row += [_angka(skor.get(k.id, 0)) if isinstance(skor, dict) else "–" for k in kriteria]
            pos = levels.index(nilai[isu]) + 1
            seri = sum(1 for v in nilai.values() if v == nilai[isu]) > 1
            row += [_angka(nilai[isu]), KK.kalimat("seri", nomor=pos) if seri else str(pos)]
            rows.append(row)
        status = KK.kalimat("putaran-dipakai" if (r - 1) in hasil.putaran_terpakai else "putaran-tidak-dipakai")
        blok.append(
            KK.tabel(
                "putaran-ulang",
                rows,
                [c for c in (status, putaran.catatan) if c],
                judul={"ke": r},
                sisipan={"kriteria": kriteria_putaran},
            )
        )
    if hasil.isu_utama is not None:
        utama = hasil.baris_isu(hasil.isu_utama)
        assert utama is not None
        teks = KK.kalimat("isu-utama-pelayanan-pdam", isu=utama.isu, rumusan=utama.rumusan, angka=_angka(utama.total))
    else:
        top = [b.isu for b in hasil.baris if b.urutan == 1]
        teks = KK.kalimat("isu-utama-belum-dapat", daftar=sebut(rumusan, top))
    blok.append(paragraf(teks))
    return blok


def draft_stpp(bahan: Bahan, t: IsuUtama) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t21``)."""
    tabel, hasil = bahan.tabel, bahan.analisis.pemeringkatan
    if hasil is None:
        return None
    cap = tabel(2, kalimat("t21_tabel"))
    ref = " ".join(cap.split(" ")[:2])
    skala = {(k.skala_min, k.skala_maks) for k in t.kriteria}
    skala_teks = (
        ", " + kalimat("t21_skala", skala=f"{min(s[0] for s in skala)}–{max(s[1] for s in skala)}")
        if len(skala) == 1
        else ""
    )
    pengantar = [
        kalimat(
            "t21_pengantar",
            jumlah_isu=_angka_jumlah(len(t.isu)),
            jumlah_kriteria=_angka_jumlah(len(t.kriteria)),
            kriteria=idfmt.daftar([k.nama.lower() for k in t.kriteria]),
            skala=skala_teks,
            tabel=ref,
        )
    ]
    kriteria_id = [k.id for k in t.kriteria]
    rumusan = bahan.nama.isu
    for idx in hasil.putaran_terpakai:
        putaran = t.putaran_ulang[idx]
        total = {b.isu: b.total for b in hasil.baris}
        nilai = total.get(putaran.isu[0], 0)
        isu = idfmt.daftar([f"“{rumusan.get(i, i)}”" for i in putaran.isu])
        teks = kalimat("t21_putaran_ulang", isu=isu, nilai=nilai) + " "
        if putaran.catatan:
            teks += _kalimat(putaran.catatan)
        pengantar.append(teks)
    for grup in hasil.seri_tersisa:
        pengantar.append(kalimat("t21_seri", isu=idfmt.daftar([f"“{rumusan.get(i, i)}”" for i in grup])))
    if hasil.isu_utama is not None:
        pengantar.append(kalimat("t21_isu_utama", isu=rumusan[hasil.isu_utama]))
    baris = []
    for i, b in enumerate(hasil.baris, 1):
        baris.append(
            {
                "no": _nomor(i),
                "isu": b.rumusan,
                "skor": [str(b.skor[k]) if k in b.skor else "–" for k in kriteria_id],
                "jumlah": str(b.total),
                "putaran": ", ".join(str(v) for v in b.putaran) if b.putaran else "–",
                "peringkat": str(b.urutan) + (" " + kalimat("t21_peringkat_seri") if b.seri else ""),
            }
        )
    return {
        "pengantar": pengantar,
        "tabel": cap,
        "kriteria": [k.nama for k in t.kriteria],
        "baris": baris,
    }


BAGIAN = Bagian(IsuUtama, kertas_kerja, draft_stpp)
