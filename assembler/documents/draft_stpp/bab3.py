"""Draft STPP chapter 3: the sections of the stage's topics (template keys t31 ...)."""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.content import Content
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _Penomor, _ref, muat_halaman
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap3 import (
    KRITERIA_GOOD_GOVERNANCE,
    PENILAIAN_LABEL,
    PROSES,
    TAHAP_ALUR,
    AkarMasalah,
    KebutuhanTeknisManajemen,
)
from assembler.pictures import gambar_diagram_alur_pelayanan
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------------------------
# Tahap 3
# --------------------------------------------------------------------------------------------


def _t31(view: WorkspaceView, tabel: _Penomor, content: Content) -> dict[str, Any] | None:
    t = view.get(KebutuhanTeknisManajemen)
    if t is None:
        return None
    gg = content.good_governance
    cap_gg = tabel(3, "Identifikasi Kesenjangan Proses Berdasarkan Aspek Good Governance")
    cap_pu = tabel(3, "Persoalan Utama Manajemen Penyaluran Pelayanan")
    cap_hk = tabel(3, "Harapan dan Kenyataan Pelayanan")
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
                    f"{gg.proses[proses].nama}, {gg.kriteria[kriteria].nama.lower()}: "
                    f"{_kalimat(c.catatan) if c.catatan else 'belum terpenuhi.'}"
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


def _t32(view: WorkspaceView, tabel: _Penomor, content: Content) -> dict[str, Any] | None:
    t = view.get(AkarMasalah)
    if t is None:
        return None
    cap = tabel(3, "Akar Masalah dan Solusi Alternatif per Tahap Alur Pelayanan")
    solusi_per_akar: dict[str, list[str]] = {}
    for s in t.solusi_alternatif:
        for am in s.akar_masalah:
            solusi_per_akar.setdefault(am, []).append(s.uraian)
    baris = []
    nomor = 0
    for tahap in TAHAP_ALUR:
        items = [a for a in t.akar_masalah if a.tahap_alur == tahap]
        for j, a in enumerate(items):
            nomor += 1
            baris.append(
                {
                    "no": _nomor(nomor),
                    "tahap": content.alur.tahap[tahap].nama if j == 0 else "",
                    "akar": a.uraian,
                    "solusi": solusi_per_akar.get(a.id, []) or ["–"],
                }
            )
    return {
        "pengantar": kalimat("t32_pengantar", tabel=_ref(cap), jumlah=_angka_jumlah(len(t.solusi_terpadu))),
        "tabel": cap,
        "baris": baris,
        "terpadu": [{"no": _nomor(i), "teks": _kalimat(s.rumusan)} for i, s in enumerate(t.solusi_terpadu, 1)],
        "gambar": daftar_gambar(muat_halaman([gambar_diagram_alur_pelayanan(t, nomor=tabel.gambar(3))])),
    }
