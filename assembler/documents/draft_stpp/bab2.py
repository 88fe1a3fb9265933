"""Draft STPP chapter 2: the sections of the stage's topics (template keys t21 ...)."""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.kesenjangan import AnalisisKesenjangan
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _belum_tercapai, _kalimat, _Penomor, _ref
from assembler.documents.nama import Nama
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap2 import IsuUtama, Kesenjangan, Regulasi
from assembler.pictures import gambar_grafik_kesenjangan
from assembler.scoring.pemeringkatan import Pemeringkatan
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------------------------
# Tahap 2
# --------------------------------------------------------------------------------------------


def _t21(view: WorkspaceView, tabel: _Penomor, hasil: Pemeringkatan | None) -> dict[str, Any] | None:
    t = view.get(IsuUtama)
    if t is None or hasil is None:
        return None
    cap = tabel(2, "Matriks Pemeringkatan Isu Pelayanan")
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
    rumusan = {i.id: i.rumusan for i in t.isu}
    for idx in hasil.putaran_terpakai:
        putaran = t.putaran_ulang[idx]
        total = {b.isu: b.total for b in hasil.baris}
        nilai = total.get(putaran.isu[0], 0)
        teks = (
            f"Isu {idfmt.daftar([f'“{rumusan.get(i, i)}”' for i in putaran.isu])} memperoleh jumlah skor "
            f"yang sama ({nilai}) sehingga dinilai ulang sesuai panduan. "
        )
        if putaran.catatan:
            teks += _kalimat(putaran.catatan)
        pengantar.append(teks)
    for grup in hasil.seri_tersisa:
        pengantar.append(
            f"Isu {idfmt.daftar([f'“{rumusan.get(i, i)}”' for i in grup])} masih memperoleh nilai yang sama "
            "dan berbagi peringkat sampai dilakukan penilaian ulang."
        )
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
                "peringkat": f"{b.urutan}{' (seri)' if b.seri else ''}",
            }
        )
    return {
        "pengantar": pengantar,
        "tabel": cap,
        "kriteria": [k.nama for k in t.kriteria],
        "baris": baris,
    }


def _t22(view: WorkspaceView, tabel: _Penomor, nama: Nama, reg: dict[str, Any]) -> dict[str, Any] | None:
    t = view.get(Regulasi)
    if t is None:
        return None
    cap_reg = tabel(2, "Peraturan Perundang-undangan Terkait Pelayanan Air Minum")
    cap_hub = tabel(2, "Hubungan Antar-kebijakan")
    regulasi = [
        {
            "no": _nomor(i),
            "judul": reg.get(e.kode, {}).get("judul", e.kode),
            "relevansi": e.relevansi,
            "status": reg.get(e.kode, {}).get("status", ""),
        }
        for i, e in enumerate(t.regulasi, 1)
    ]
    hubungan = [
        {
            "no": _nomor(i),
            "regulasi": reg.get(h.regulasi, {}).get("judul", h.regulasi) + (f" ({h.ketentuan})" if h.ketentuan else ""),
            "lembaga": [nama.lembaga.get(lb, lb) for lb in h.lembaga],
            "kewenangan": h.kewenangan,
            "implikasi": h.implikasi,
        }
        for i, h in enumerate(t.hubungan, 1)
    ]
    return {
        "pengantar": kalimat(
            "t22_pengantar",
            jumlah=_angka_jumlah(len(t.regulasi)),
            tabel_regulasi=_ref(cap_reg),
            tabel_hubungan=_ref(cap_hub),
        ),
        "tabel_regulasi": cap_reg,
        "regulasi": regulasi,
        "tabel_hubungan": cap_hub,
        "hubungan": hubungan,
        "koridor_penyusunan": t.koridor_hukum.penyusunan_stpp,
        "koridor_kerja_sama": t.koridor_hukum.kerja_sama_antarinstansi,
    }


def _t23(view: WorkspaceView, tabel: _Penomor, gap: AnalisisKesenjangan | None) -> dict[str, Any] | None:
    t = view.get(Kesenjangan)
    if t is None or gap is None:
        return None
    cap = tabel(2, "Analisis Kesenjangan Kuantitatif Pelayanan")
    baris = []
    for i, b in enumerate(gap.baris, 1):
        arah = " (makin rendah makin baik)" if b.arah == "turun" else ""
        baris.append(
            {
                "no": _nomor(i),
                "indikator": f"{b.nama}{arah}",
                "satuan": b.satuan,
                "target": idfmt.angka(b.target),
                "realisasi": f"{idfmt.angka(b.realisasi)} ({b.tahun})",
                "selisih": idfmt.angka(b.selisih) if not b.tercapai else "–",
                "capaian": idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–",
                "status": b.status.capitalize(),
                "strategis": "Ya" if b.strategis else "–",
            }
        )
    acuan = " " + kalimat("t23_acuan", acuan=t.acuan) if t.acuan else ""
    return {
        "gambar": daftar_gambar([gambar_grafik_kesenjangan(t, nomor=tabel.gambar(2))]),
        "pengantar": kalimat(
            "t23_pengantar",
            acuan=acuan,
            tabel=_ref(cap),
            jumlah=_angka_jumlah(len(gap.baris)),
            belum=_belum_tercapai(gap),
        ),
        "tabel": cap,
        "baris": baris,
        "strategis": [
            {"no": _nomor(i), "teks": f"{b.nama}: {_kalimat(b.alasan_strategis)}" if b.alasan_strategis else b.nama}
            for i, b in enumerate([b for b in gap.baris if b.strategis], 1)
        ],
    }
