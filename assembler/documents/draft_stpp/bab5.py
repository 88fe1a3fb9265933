"""Draft STPP chapter 5: the sections of the stage's topics (template keys t51 ...)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.anggaran import RingkasanAnggaran
from assembler.analysis.logframe import NomorLogframe
from assembler.content import Content
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _kalimat, _Penomor, _ref
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun, periode
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap5 import CitizenCharter, IndikatorLogframe, SkemaTindakan
from assembler.models.tahap5 import Durasi as DurasiLayanan
from assembler.workspace_view import WorkspaceView


def _persen_bagian(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) * 100 / Decimal(total), 1) if total else "–"


# --------------------------------------------------------------------------------------------
# Tahap 5
# --------------------------------------------------------------------------------------------


def _indikator_rows(
    tingkat: str, rumusan: str, indikator: Sequence[IndikatorLogframe], asumsi: Sequence[str]
) -> list[dict[str, Any]]:
    rows = []
    for j, ind in enumerate(indikator):
        rows.append(
            {
                "tingkat": tingkat if j == 0 else "",
                "rumusan": rumusan if j == 0 else "",
                "indikator": f"{ind.ukuran} ({ind.satuan})",
                "baseline": idfmt.angka(Decimal(str(ind.baseline))),
                "target": idfmt.angka(Decimal(str(ind.target))),
                "tenggat": bulan_tahun(ind.tenggat),
                "sumber": ind.sumber_verifikasi,
                # A cell needs at least one paragraph: an empty list would leave a cell without one.
                "asumsi": (list(asumsi) or [""]) if j == 0 else [""],
            }
        )
    return rows


def _t51(
    view: WorkspaceView,
    tabel: _Penomor,
    nama: Nama,
    anggaran: RingkasanAnggaran | None,
    nomor: NomorLogframe,
    content: Content,
) -> dict[str, Any] | None:
    t = view.get(SkemaTindakan)
    if t is None or anggaran is None:
        return None
    cap_lf = tabel(5, "Smart Logframe Skema Tindakan Peningkatan Pelayanan")
    cap_sk = tabel(5, "Skema Tindakan Peningkatan Pelayanan")
    cap_rk = tabel(5, "Rekapitulasi Anggaran Skema Tindakan")
    tj = t.tujuan
    # The numbering of the Smart Logframe attachment (analysis.logframe): one name per element everywhere.
    logframe = _indikator_rows(nomor.label(tj.id), tj.rumusan, tj.indikator, tj.asumsi)
    for ss in tj.sasaran:
        logframe += _indikator_rows(nomor.label(ss.id), ss.rumusan, ss.indikator, ss.asumsi)
        for kl in ss.keluaran:
            logframe += _indikator_rows(nomor.label(kl.id), kl.rumusan, kl.indikator, kl.asumsi)
            for kg in kl.kegiatan:
                if kg.indikator:
                    logframe += _indikator_rows(nomor.label(kg.id), kg.rumusan, kg.indikator, kg.asumsi)
    total_kl = {x.keluaran: x.jumlah for x in anggaran.per_keluaran}
    keluaran = []
    for _loc, kl in t.iter_keluaran():
        kegiatan = []
        for kg in kl.kegiatan:
            tindakan = nama.tindakan_model.get(kg.tindakan)
            aspek = f" ({content.p3o.aspek[tindakan.aspek].nama})" if tindakan is not None else ""
            kegiatan.append(
                {
                    "no": nomor.nomor[kg.id],
                    "rumusan": kg.rumusan,
                    "tindakan": f"{nama.nama_tindakan(kg.tindakan)}{aspek}",
                    "jadwal": periode(kg.jadwal.mulai, kg.jadwal.selesai, "–"),
                    "pelaksana": kg.pelaksana,
                    "pj": nama.orang(kg.penanggung_jawab),
                    "biaya": idfmt.angka(kg.biaya),
                    "sumber": kg.sumber_dana,
                }
            )
        keluaran.append(
            {
                "judul": f"{nomor.label(kl.id)}: {kl.rumusan}",
                "kegiatan": kegiatan,
                "jumlah_label": f"Jumlah {nomor.label(kl.id)}",
                "jumlah": idfmt.angka(total_kl.get(kl.id, 0)),
            }
        )
    rekap: list[dict[str, str]] = [{"kelompok": "Menurut sumber dana", "uraian": "", "jumlah": "", "persen": ""}]
    rekap += [
        {
            "kelompok": "",
            "uraian": s.sumber_dana,
            "jumlah": idfmt.angka(s.jumlah),
            "persen": _persen_bagian(s.jumlah, anggaran.total),
        }
        for s in anggaran.per_sumber_dana
    ]
    rekap.append({"kelompok": "Menurut tahun anggaran", "uraian": "", "jumlah": "", "persen": ""})
    rekap += [
        {
            "kelompok": "",
            "uraian": f"Tahun {x.tahun}",
            "jumlah": idfmt.angka(x.jumlah),
            "persen": _persen_bagian(x.jumlah, anggaran.total),
        }
        for x in anggaran.per_tahun
    ]
    rekap.append({"kelompok": "Menurut aspek tindakan", "uraian": "", "jumlah": "", "persen": ""})
    rekap += [
        {
            "kelompok": "",
            "uraian": content.p3o.aspek[a.aspek].nama if a.aspek in content.p3o.aspek else "Aspek belum ditetapkan",
            "jumlah": idfmt.angka(a.jumlah),
            "persen": _persen_bagian(a.jumlah, anggaran.total),
        }
        for a in anggaran.per_aspek
    ]
    return {
        "pengantar_logframe": kalimat("t51_pengantar_logframe", tabel=_ref(cap_lf)),
        "tabel_logframe": cap_lf,
        "logframe": logframe,
        "pengantar_skema": kalimat(
            "t51_pengantar_skema",
            tabel=_ref(cap_sk),
            total=idfmt.rupiah(anggaran.total),
            terbilang=idfmt.terbilang_rupiah(anggaran.total),
        ),
        "tabel_skema": cap_sk,
        "keluaran": keluaran,
        "total": idfmt.angka(anggaran.total),
        "pengantar_rekap": kalimat("t51_pengantar_rekap", tabel=_ref(cap_rk)),
        "tabel_rekap": cap_rk,
        "rekap": rekap,
        "total_rupiah": idfmt.rupiah(anggaran.total),
        "catatan": t.catatan,
    }


def _durasi(d: DurasiLayanan) -> str:
    return f"{idfmt.angka(Decimal(str(d.nilai)))} {d.satuan}"


def _t52(
    view: WorkspaceView, tabel: _Penomor, r: dict[str, Any], pemilahan: dict[str, Any] | None
) -> dict[str, Any] | None:
    t = view.get(CitizenCharter)
    if t is None or pemilahan is None:
        return None
    cap_sp = tabel(5, "Ringkasan Standar Pelayanan")
    cap_jl = tabel(5, "Janji Layanan")
    cap_kp = tabel(5, "Saluran Pengaduan")
    cap_l = tabel(5, f"Kegiatan yang Dapat Langsung Dilaksanakan {r['pdam_singkat']}")
    cap_p = tabel(5, f"Kegiatan yang Memerlukan Persetujuan {r['kepala_daerah']}")
    cap_b = tabel(5, "Kegiatan yang Belum Dipilah") if pemilahan["belum"] else ""
    penanda = idfmt.daftar([f"{p.jabatan} ({p.nama})" for p in t.penanda_tangan])
    tempat = ""
    if t.maklumat.tempat or t.maklumat.tanggal:
        tempat = ", ".join(
            x for x in (t.maklumat.tempat, idfmt.tanggal(t.maklumat.tanggal) if t.maklumat.tanggal else "") if x
        )
    layanan = [
        {
            "no": _nomor(i),
            "nama": s.nama_layanan,
            "waktu": _durasi(s.jangka_waktu),
            "biaya": [
                f"{b.uraian}: {'tidak dipungut biaya' if b.jumlah == 0 else idfmt.rupiah(b.jumlah)}"
                for b in s.biaya_tarif
            ],
            "produk": list(s.produk_pelayanan),
        }
        for i, s in enumerate(t.standar_pelayanan, 1)
    ]
    return {
        "pengantar": kalimat(
            "t52_pengantar",
            pdam_singkat=r["pdam_singkat"],
            tabel_standar=_ref(cap_sp),
            tabel_janji=_ref(cap_jl),
            tabel_kanal=_ref(cap_kp),
            penanda=penanda,
        ),
        "maklumat": t.maklumat.teks,
        "maklumat_tempat": tempat,
        "tabel_standar": cap_sp,
        "layanan": layanan,
        "tabel_janji": cap_jl,
        "janji": [
            {"no": _nomor(i), "uraian": j.uraian, "waktu": _durasi(j.waktu)} for i, j in enumerate(t.janji_layanan, 1)
        ],
        "tabel_kanal": cap_kp,
        "kanal": [
            {"no": _nomor(i), "kanal": k.kanal, "alamat": k.alamat, "jam": k.jam_layanan}
            for i, k in enumerate(t.kanal_pengaduan, 1)
        ],
        "hak": [_kalimat(x) for x in t.hak_pelanggan],
        "kewajiban": [_kalimat(x) for x in t.kewajiban_pelanggan],
        "kompensasi": [
            f"{'Kompensasi dari PDAM' if s.berlaku_bagi == 'PDAM' else 'Sanksi bagi pelanggan'}: "
            f"{s.keadaan.rstrip('.')}: {_kalimat(s.bentuk)}"
            for s in t.sanksi_kompensasi
        ],
        "pengantar_pemilahan": kalimat(
            "t52_pengantar_pemilahan",
            pdam_singkat=r["pdam_singkat"],
            tabel_langsung=_ref(cap_l),
            kepala_daerah=r["kepala_daerah"],
            tabel_perlu=_ref(cap_p),
        ),
        "tabel_langsung": cap_l,
        "tabel_perlu": cap_p,
        "tabel_belum": cap_b,
        "pemilahan": pemilahan,
        "analisis_finansial": t.analisis_finansial,
        "narasi": t.narasi_stpp,
    }
