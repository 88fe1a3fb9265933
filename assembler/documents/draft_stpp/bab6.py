"""Draft STPP chapter 6: the sections of the stage's topics (template keys t61 ...)."""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _Penomor, _ref
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun, periode
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap6 import IntegrasiCorporatePlan, Pelaksanaan
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------------------------
# Tahap 6 and 7
# --------------------------------------------------------------------------------------------


def _t61(view: WorkspaceView, tabel: _Penomor, nama: Nama) -> dict[str, Any] | None:
    t = view.get(IntegrasiCorporatePlan)
    if t is None:
        return None
    cap_p = tabel(6, "Rancangan Penyisipan Kegiatan STPP ke dalam Dokumen Perencanaan")
    cap_k = tabel(6, "Dampak Keuangan Skema Tindakan")
    cap_r = tabel(6, "Rencana Komunikasi dan Lobi")
    kj = t.kajian_keuangan
    ketua = next((a for a in t.tim_perumus.anggota if a.peran == "Ketua"), None)
    return {
        "pengantar": f"Setiap kegiatan STPP disisipkan ke dalam dokumen perencanaan perusahaan dan daerah, "
        f"lengkap dengan jangka waktu dan kode program/kegiatan ({_ref(cap_p)}).",
        "tabel_penyisipan": cap_p,
        "penyisipan": [
            {
                "no": _nomor(i),
                "kegiatan": nama.nama_kegiatan(p.kegiatan),
                "jangka": p.jangka_waktu,
                "dokumen": ", ".join(p.dokumen_perencanaan),
                "kode": p.kode_anggaran or "–",
                "nomenklatur": p.nomenklatur or "–",
            }
            for i, p in enumerate(t.penyisipan, 1)
        ],
        "strategi": [_kalimat(s) for s in t.strategi_penyisipan],
        "kajian": _kalimat(kj.ringkasan),
        "asumsi": [_kalimat(a) for a in kj.asumsi],
        "tabel_kajian": cap_k if kj.dampak else "",
        "dampak": [
            {
                "no": _nomor(i),
                "uraian": d.uraian,
                "jenis": d.jenis.capitalize(),
                "nilai": [f"{th}: {idfmt.rupiah(v)}" for th, v in sorted(d.nilai_per_tahun.items())],
            }
            for i, d in enumerate(kj.dampak, 1)
        ],
        "kesimpulan": _kalimat(kj.kesimpulan),
        "tabel_komunikasi": cap_r,
        "komunikasi": [
            {
                "no": _nomor(i),
                "kegiatan": k.kegiatan,
                "sasaran": [nama.stakeholder.get(s, s) for s in k.sasaran],
                "pesan": k.pesan_kunci,
                "media": k.media,
                "waktu": bulan_tahun(k.waktu),
                "pic": nama.orang(k.pic),
            }
            for i, k in enumerate(t.rencana_komunikasi, 1)
        ],
        "perumus": f"Tim Perumus diketuai oleh {nama.orang_lengkap(ketua.anggota)} dengan "
        f"{_angka_jumlah(len(t.tim_perumus.anggota) - 1)} anggota lainnya dan bertugas menyusun:"
        if ketua is not None
        else "Tim Perumus bertugas menyusun:",
        "perumus_tugas": [f"{x.jenis}: {x.judul}, selesai {bulan_tahun(x.tenggat)}." for x in t.tim_perumus.tugas],
    }


def _t62(view: WorkspaceView, tabel: _Penomor, nama: Nama) -> dict[str, Any] | None:
    t = view.get(Pelaksanaan)
    if t is None:
        return None
    cap_j = tabel(6, "Jadwal Kerja Penerapan")
    cap_m = tabel(6, "Mekanisme Pengawalan Pelaksanaan")
    mk = t.mekanisme_pengawalan
    return {
        "pengantar": f"{_angka_jumlah(len(t.kegiatan_langsung)).capitalize()} kegiatan dapat langsung "
        f"dilaksanakan dan dijadwalkan penerapannya ({_ref(cap_j)}). Pelaksanaannya "
        f"dikawal oleh Kelompok Kerja ({_ref(cap_m)}).",
        "tabel_jadwal": cap_j,
        "jadwal": [
            {
                "no": _nomor(i),
                "kegiatan": nama.nama_kegiatan(j.kegiatan),
                "waktu": periode(j.mulai, j.selesai, "–"),
                "langkah": [_kalimat(x) for x in j.langkah] or ["–"],
            }
            for i, j in enumerate(t.jadwal_kerja, 1)
        ],
        "tabel_pengawalan": cap_m,
        "pengawalan": [
            {
                "no": _nomor(i),
                "uraian": k.uraian,
                "pelaksana": [nama.orang(x) for x in k.pelaksana],
                "cara": k.cara,
                "frekuensi": k.frekuensi.capitalize(),
                "laporan": k.laporan_kepada,
            }
            for i, k in enumerate(mk.kegiatan_pengawalan, 1)
        ],
        "jalur": [{"no": _nomor(i), "teks": _kalimat(x)} for i, x in enumerate(mk.jalur_pelaporan, 1)],
        "eskalasi": [f"{_kalimat(e.keadaan)[:-1]}: {e.langkah.rstrip('.')}, kepada {e.kepada}." for e in mk.eskalasi],
    }
