"""Topik 3.1, Analisis Kebutuhan Teknis dan Manajemen Pelayanan PDAM.

Its working-paper section (Kertas Kerja Tahap 3), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _ref
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import _content, _lines, _no
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kolom,
    Nilai,
    paragraf,
    tabel,
)
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap3 import (
    AREA_PERSOALAN,
    KRITERIA_GOOD_GOVERNANCE,
    KRITERIA_PELAYANAN,
    PENILAIAN_LABEL,
    PROSES,
    KebutuhanTeknisManajemen,
    Penilaian,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("3.1")


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: KebutuhanTeknisManajemen) -> list[Blok]:
    """Kertas Kerja Tahap 3, Topik 3.1."""
    gg = _content(view).good_governance
    kol = KK.kolom(
        "daftar-periksa-identifikasi-kesenjangan",
        sisipan={"kriteria": [Kolom(gg.kriteria[k].nama, 2) for k in KRITERIA_GOOD_GOVERNANCE]},
    )
    rows: list[Isi] = []
    for i, proses in enumerate(PROSES, start=1):
        sel = data.daftar_periksa.get(proses, {})
        cells: list[Nilai] = [_no(i), gg.proses[proses].nama]
        hitung: dict[Penilaian, int] = {"sudah": 0, "sebagian": 0, "belum": 0}
        for k in KRITERIA_GOOD_GOVERNANCE:
            s = sel.get(k)
            if s is None:
                cells.append("–")
                continue
            hitung[s.penilaian] += 1
            cells.append([PENILAIAN_LABEL[s.penilaian], s.catatan] if s.catatan else PENILAIAN_LABEL[s.penilaian])
        cells.append([f"{PENILAIAN_LABEL[p]}: {n}" for p, n in hitung.items()])
        rows.append(cells)
    blok = [
        tabel(
            KK.judul("daftar-periksa-identifikasi-kesenjangan"),
            kol,
            rows,
            [KK.kalimat("penilaian-sudah-telah-terpenuhi")],
        )
    ]
    blok.append(
        KK.tabel(
            "persoalan-teknis-manajemen-per",
            [
                [
                    _no(i),
                    gg.area_persoalan[a].nama,
                    _lines(data.persoalan[a].teknis) if a in data.persoalan else "–",
                    _lines(data.persoalan[a].manajemen) if a in data.persoalan else "–",
                ]
                for i, a in enumerate(AREA_PERSOALAN, start=1)
            ],
        )
    )
    kol = KK.kolom(
        "persoalan-utama-terhadap-kriteria",
        sisipan={"kriteria": [Kolom(gg.kriteria_pelayanan[k].nama, 1, "tengah") for k in KRITERIA_PELAYANAN]},
    )
    blok.append(
        tabel(
            KK.judul("persoalan-utama-terhadap-kriteria"),
            kol,
            [
                [_no(i), p.uraian, *("√" if k in p.kriteria else "" for k in KRITERIA_PELAYANAN), p.keterangan or "–"]
                for i, p in enumerate(data.persoalan_utama, start=1)
            ],
            [KK.kalimat("kriteria-pelayanan-belum-terpenuhi")],
        )
    )
    if data.kartu:
        blok.append(
            KK.tabel(
                "kartu-harapan-kenyataan",
                [
                    [_no(i), gg.proses[k.proses].nama, _lines(k.harapan), _lines(k.kenyataan)]
                    for i, k in enumerate(data.kartu, start=1)
                ],
            )
        )
    blok.append(
        KK.tabel("faktor-pendukung-penghambat", [[_lines(data.faktor.pendukung), _lines(data.faktor.penghambat)]])
    )
    if data.analisis_diagnostik:
        blok.append(
            KK.tabel(
                "lembar-kerja-analisis-diagnostik",
                [
                    [
                        _no(i),
                        d.persoalan,
                        _lines(d.gejala),
                        _lines(d.penyebab),
                        _lines(d.dampak),
                        _lines(d.peluang),
                        _lines(d.prasyarat),
                    ]
                    for i, d in enumerate(data.analisis_diagnostik, start=1)
                ],
            )
        )
    else:
        blok.append(paragraf(KK.kalimat("lembar-kerja-analisis-diagnostik")))
    return blok


def draft_stpp(bahan: Bahan, t: KebutuhanTeknisManajemen) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t31``)."""
    tabel, content = bahan.tabel, bahan.content
    gg = content.good_governance
    cap_gg = tabel(3, kalimat("t31_tabel_gg"))
    cap_pu = tabel(3, kalimat("t31_tabel_persoalan"))
    cap_hk = tabel(3, kalimat("t31_tabel_kartu"))
    hitung = {k: 0 for k in PENILAIAN_LABEL}
    baris = []
    temuan = []
    for proses in PROSES:
        sel = t.daftar_periksa.get(proses) or {}
        nilai = []
        for kriteria in KRITERIA_GOOD_GOVERNANCE:
            c = sel.get(kriteria)
            if c is None:
                nilai.append("–")
                continue
            hitung[c.penilaian] += 1
            nilai.append(PENILAIAN_LABEL[c.penilaian])
            if c.penilaian == "belum":
                temuan.append(
                    kalimat(
                        "t31_temuan",
                        proses=gg.proses[proses].nama,
                        kriteria=gg.kriteria[kriteria].nama.lower(),
                        catatan=_kalimat(c.catatan) if c.catatan else kalimat("t31_belum_terpenuhi"),
                    )
                )
        baris.append({"proses": gg.proses[proses].nama, "nilai": nilai})
    persoalan = [
        {
            "no": _nomor(i),
            "uraian": p.uraian,
            "kriteria": idfmt.daftar([gg.kriteria_pelayanan[k].nama.lower() for k in p.kriteria]).capitalize(),
            "keterangan": p.keterangan,
        }
        for i, p in enumerate(t.persoalan_utama, 1)
    ]
    kartu = [
        {"proses": gg.proses[k.proses].nama, "harapan": list(k.harapan), "kenyataan": list(k.kenyataan)}
        for k in t.kartu
    ]
    total = sum(hitung.values())
    return {
        "pengantar": kalimat(
            "t31_pengantar",
            tabel=_ref(cap_gg),
            total=total,
            sudah=_angka_jumlah(hitung["sudah"]),
            sebagian=_angka_jumlah(hitung["sebagian"]),
            belum=_angka_jumlah(hitung["belum"]),
        ),
        "tabel_gg": cap_gg,
        "kriteria": [gg.kriteria[k].nama for k in KRITERIA_GOOD_GOVERNANCE],
        "baris": baris,
        "pengantar_temuan": kalimat("t31_pengantar_temuan") if temuan else "",
        "temuan": temuan,
        "pengantar_persoalan": kalimat("t31_pengantar_persoalan", tabel=_ref(cap_pu)),
        "tabel_persoalan": cap_pu,
        "persoalan": persoalan,
        "pengantar_kartu": kalimat("t31_pengantar_kartu", tabel=_ref(cap_hk)) if kartu else "",
        "tabel_kartu": cap_hk if kartu else "",
        "kartu": kartu,
        "pendukung": list(t.faktor.pendukung),
        "penghambat": list(t.faktor.penghambat),
    }


BAGIAN = Bagian(KebutuhanTeknisManajemen, kertas_kerja, draft_stpp)
