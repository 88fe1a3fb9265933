"""Draft STPP chapter 7: the sections of the stage's topics (template keys t71 ...)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.umum import _kalimat, _Penomor, _ref
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap5 import SkemaTindakan
from assembler.models.tahap7 import DokumentasiReplikasi, Monev
from assembler.pictures import gambar_bagan_bawang
from assembler.workspace_view import WorkspaceView


def _t71(view: WorkspaceView, tabel: _Penomor, nama: Nama) -> dict[str, Any] | None:
    t = view.get(Monev)
    if t is None:
        return None
    cap_f = tabel(7, "Format Monitoring dan Evaluasi")
    cap_r = tabel(7, "Rencana Kerja Tim Monev")
    skema = view.get(SkemaTindakan)
    indikator = {i.id: i for i in skema.iter_indikator()} if skema is not None else {}
    rows = []
    for i, f in enumerate(t.format_monev, 1):
        ind = indikator.get(f.indikator_logframe)
        rows.append(
            {
                "no": _nomor(i),
                "indikator": f"{ind.ukuran} ({ind.satuan})" if ind is not None else f.indikator_logframe,
                "baseline": idfmt.angka(Decimal(str(ind.baseline))) if ind is not None else "–",
                "target": idfmt.angka(Decimal(str(ind.target))) if ind is not None else "–",
                "tenggat": bulan_tahun(ind.tenggat) if ind is not None else "–",
                "frekuensi": f.frekuensi.capitalize(),
                "metode": f.metode,
                "pj": nama.orang(f.penanggung_jawab),
            }
        )
    return {
        "pengantar": f"Format monitoring dan evaluasi disusun dari indikator Smart Logframe: untuk setiap "
        f"indikator ditetapkan frekuensi, metode, dan penanggung jawab pemantauan ({_ref(cap_f)}).",
        "tim": [f"{a.peran}: {nama.orang_lengkap(a.anggota)}" for a in t.tim_monev],
        "tabel_format": cap_f,
        "format": rows,
        "tabel_rencana": cap_r,
        "rencana": [
            {
                "no": _nomor(i),
                "kegiatan": x.kegiatan,
                "waktu": bulan_tahun(x.waktu),
                "keluaran": x.keluaran,
                "pic": nama.orang(x.pic) if x.pic else "–",
            }
            for i, x in enumerate(t.rencana_kerja, 1)
        ],
    }


def _t72(view: WorkspaceView, tabel: _Penomor, nama: Nama) -> dict[str, Any] | None:
    t = view.get(DokumentasiReplikasi)
    if t is None:
        return None
    cap_b = tabel(7, "Bagan Bawang Kegiatan")
    cap_d = tabel(7, "Rencana Diseminasi")
    lingkaran = []
    for i, ring in enumerate(t.bagan_bawang, 1):
        label = f"Lingkaran {i}" + (" (terdalam)" if i == 1 else "")
        kegiatan = [nama.nama_kegiatan(k) for k in ring.kegiatan]
        lingkaran.append({"lingkaran": label, "kegiatan": kegiatan, "keterangan": ring.keterangan})
    return {
        "gambar": daftar_gambar([gambar_bagan_bawang(t, view.get(SkemaTindakan), nomor="7.1")]),
        "refleksi": [{"aspek": c.aspek, "teks": _kalimat(c.pembelajaran)} for c in t.catatan_refleksi],
        "pengantar_bagan": f"Bagan Bawang Kegiatan ({_ref(cap_b)}) menempatkan kegiatan yang "
        "paling berpengaruh terhadap perbaikan pelayanan pada lingkaran terdalam.",
        "tabel_bagan": cap_b,
        "bagan": lingkaran,
        "kesimpulan": _kalimat(t.kesimpulan_bagan_bawang),
        "dokumen": f"Pengalaman ini akan ditulis sebagai dokumen praktik baik berjudul “{t.kerangka_dokumen.judul}”, "
        "dengan susunan bab:",
        "bab": [b.judul for b in t.kerangka_dokumen.bab],
        "penulis": [f"{a.peran}: {nama.orang_lengkap(a.anggota)}" for a in t.tim_penulis],
        "tabel_diseminasi": cap_d,
        "diseminasi": [
            {
                "no": _nomor(i),
                "sasaran": d.sasaran,
                "media": d.media,
                "waktu": bulan_tahun(d.waktu),
                "biaya": idfmt.angka(d.biaya) if d.biaya else "–",
            }
            for i, d in enumerate(t.rencana_diseminasi, 1)
        ],
        "diseminasi_total": idfmt.angka(sum(d.biaya for d in t.rencana_diseminasi)),
        "replikasi": [f"{s.strategi}: {_kalimat(s.uraian)[:-1]}; sasaran: {s.sasaran}." for s in t.strategi_replikasi],
    }
