"""Draft STPP chapter 4: the sections of the stage's topics (template keys t41 ...)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.content import Content
from assembler.documents.common import daftar_gambar
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat, _Penomor, _ref, muat_halaman
from assembler.documents.nama import Nama
from assembler.documents.naskah import nilai as _nilai
from assembler.documents.naskah import nomor as _nomor
from assembler.models.tahap4 import (
    HURUF_KUADRAN,
    KATEGORI_KEUANGAN_LABEL,
    KUADRAN,
    PERUBAHAN_LABEL,
    STATUS_UNIT_LABEL,
    JenisPerubahan,
    KapasitasTeknis,
    Kebijakan,
    Keuangan,
    Organisasi,
    Personil,
    Prioritas,
    Prosedur,
    nama_jenis_kebijakan,
)
from assembler.pictures import gambar_bagan_alir_prosedur
from assembler.scoring.mcua import ASPEK, HasilMcua
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------------------------
# Tahap 4
# --------------------------------------------------------------------------------------------


def _t41(view: WorkspaceView, tabel: _Penomor, nama: Nama) -> dict[str, Any] | None:
    t = view.get(KapasitasTeknis)
    if t is None:
        return None
    cap_q = tabel(4, f"Analisis {t.jenis_analisis} Kapasitas Teknis")
    cap_u = tabel(4, "Usulan Tindakan Peningkatan Kapasitas Teknis")
    urutan = KUADRAN[t.jenis_analisis]
    kuadran = [
        {"judul": f"{k.capitalize()} ({HURUF_KUADRAN[k]})", "butir": list(t.kuadran.get(k) or []) or ["–"]}
        for k in urutan
    ]
    pasangan = [{"kiri": kuadran[i], "kanan": kuadran[i + 1]} for i in range(0, len(kuadran) - 1, 2)]
    return {
        "pengantar": kalimat(
            "t41_pengantar",
            metode=t.jenis_analisis,
            tabel_kuadran=_ref(cap_q),
            jumlah_strategi=_angka_jumlah(len(t.strategi)),
            jumlah_usulan=_angka_jumlah(len(t.usulan_tindakan)),
            tabel_usulan=_ref(cap_u),
        ),
        "tabel_kuadran": cap_q,
        "pasangan": pasangan,
        "strategi": [{"no": s.label(t.jenis_analisis), "teks": _kalimat(s.uraian)} for s in t.strategi],
        "tabel_usulan": cap_u,
        "usulan": [
            {
                "no": _nomor(i),
                "uraian": u.uraian,
                "indikator": [nama.indikator.get(k, k) for k in u.indikator],
                "target": u.target,
            }
            for i, u in enumerate(t.usulan_tindakan, 1)
        ],
    }


def _t42(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(Prosedur)
    if t is None:
        return None
    layanan = []
    for lay in t.layanan:
        cap = tabel(4, f"Rancangan Prosedur {lay.nama}")
        per_jenis: dict[JenisPerubahan, list[str]] = {}
        for s in lay.langkah_saat_ini:
            per_jenis.setdefault(s.perubahan.jenis, []).append(s.kode)
        perubahan = idfmt.daftar(
            [
                f"{_angka_jumlah(len(v))} langkah {PERUBAHAN_LABEL[k].lower()}"
                for k, v in per_jenis.items()
                if k != "tetap"
            ]
        )
        pengantar = (
            kalimat(
                "t42_pengantar",
                layanan=lay.nama.lower(),
                jumlah_lama=_angka_jumlah(len(lay.langkah_saat_ini)),
                perubahan=perubahan or kalimat("t42_tetap"),
                jumlah_baru=_angka_jumlah(len(lay.langkah_perbaikan)),
                tabel=_ref(cap),
            )
        )
        langkah = [
            {
                "no": _nomor(i),
                "uraian": s.uraian,
                "pelaku": s.pelaku,
                "waktu": f"{idfmt.angka(Decimal(str(s.durasi.nilai)))} {s.durasi.satuan}",
            }
            for i, s in enumerate(lay.langkah_perbaikan, 1)
        ]
        # The flowchart shows the procedure before and after, side by side (Gambar 4.n).
        gambar = daftar_gambar(muat_halaman(gambar_bagan_alir_prosedur(lay, nomor=tabel.gambar(4))))
        layanan.append({"pengantar": pengantar, "tabel": cap, "langkah": langkah, "gambar": gambar})
    return {"layanan": layanan}


def _t43(view: WorkspaceView, tabel: _Penomor, nama: Nama, r: dict[str, Any]) -> dict[str, Any] | None:
    t = view.get(Kebijakan)
    if t is None:
        return None
    cap = tabel(4, "Usulan Pengembangan Kebijakan")
    baris = []
    for i, u in enumerate(t.usulan, 1):
        waktu = [p.waktu for p in u.rencana_pembahasan]
        baris.append(
            {
                "no": _nomor(i),
                "jenis": f"{nama_jenis_kebijakan(u.jenis, r['kepala'])} ({u.status})",
                "judul": u.judul,
                "pemrakarsa": nama.lembaga.get(u.pemrakarsa) or nama.stakeholder.get(u.pemrakarsa, u.pemrakarsa),
                "pembahasan": (waktu[0] if len(waktu) == 1 else f"{waktu[0]} s.d. {waktu[-1]}") if waktu else "–",
            }
        )
    return {
        "pengantar": kalimat("t43_pengantar", jumlah=_angka_jumlah(len(t.usulan)), tabel=_ref(cap)),
        "tabel": cap,
        "baris": baris,
    }


def _t44(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(Personil)
    if t is None:
        return None
    cap_k = tabel(4, "Kebutuhan Pengembangan Personil")
    cap_p = tabel(4, "Program Peningkatan Kemampuan Personil")
    total = sum(p.biaya for p in t.program)
    return {
        "pengantar": kalimat("t44_pengantar", tabel_kebutuhan=_ref(cap_k), tabel_program=_ref(cap_p)),
        "tabel_kebutuhan": cap_k,
        "kebutuhan": [
            {
                "no": _nomor(i),
                "unit": k.unit,
                "posisi": k.posisi,
                "ada": idfmt.angka(k.jumlah_ada),
                "butuh": idfmt.angka(k.jumlah_dibutuhkan),
                "kurang": idfmt.angka(k.kekurangan) if k.kekurangan > 0 else "–",
            }
            for i, k in enumerate(t.kebutuhan, 1)
        ],
        "tabel_program": cap_p,
        "program": [
            {
                "no": _nomor(i),
                "nama": p.nama,
                "jenis": p.jenis.capitalize(),
                "peserta": f"{idfmt.angka(p.jumlah_peserta)} orang",
                "waktu": p.waktu,
                "biaya": idfmt.angka(p.biaya),
            }
            for i, p in enumerate(t.program, 1)
        ],
        "total": idfmt.angka(total),
    }


def _t45(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(Organisasi)
    if t is None:
        return None
    cap = tabel(4, "Rancangan Unit Penyelenggara Pelayanan")
    nama_unit = {u.id: u.nama for u in t.unit}
    baru = [u.nama for u in t.unit if u.status == "baru"]
    diubah = [u.nama for u in t.unit if u.status == "diubah"]
    langkah = []
    if baru:
        langkah.append(f"membentuk {idfmt.daftar(baru)}")
    if diubah:
        langkah.append(f"menyempurnakan {idfmt.daftar(diubah)}")
    return {
        "pengantar": kalimat(
            "t45_pengantar", langkah=idfmt.daftar(langkah) if langkah else kalimat("t45_tetap"), tabel=_ref(cap)
        ),
        "tabel": cap,
        "baris": [
            {
                "no": _nomor(i),
                "unit": u.nama,
                "induk": nama_unit.get(u.induk, u.induk) if u.induk else "Direksi",
                "status": STATUS_UNIT_LABEL[u.status],
                "peran": u.peran,
            }
            for i, u in enumerate(t.unit, 1)
        ],
    }


def _t46(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(Keuangan)
    if t is None:
        return None
    cap_k = tabel(4, "Kondisi Keuangan PDAM")
    cap_u = tabel(4, "Usulan Peningkatan Kapasitas Keuangan")
    return {
        "pengantar": kalimat("t46_pengantar", tabel_kondisi=_ref(cap_k), tabel_usulan=_ref(cap_u)),
        "tabel_kondisi": cap_k,
        "kondisi": [
            {
                "no": _nomor(i),
                "indikator": k.indikator,
                "nilai": _nilai(Decimal(str(k.nilai)), k.satuan),
                "tahun": str(k.tahun),
                "keterangan": k.keterangan or k.sumber,
            }
            for i, k in enumerate(t.kondisi, 1)
        ],
        "tabel_usulan": cap_u,
        "usulan": [
            {
                "no": _nomor(i),
                "uraian": u.uraian,
                "kategori": KATEGORI_KEUANGAN_LABEL[u.kategori],
                "dampak": idfmt.rupiah(u.dampak_keuangan),
                "prasyarat": list(u.prasyarat) or ["–"],
            }
            for i, u in enumerate(t.usulan, 1)
        ],
    }


def _t47(view: WorkspaceView, tabel: _Penomor, content: Content, hasil: HasilMcua | None) -> dict[str, Any] | None:
    t = view.get(Prioritas)
    if t is None or hasil is None:
        return None
    cap = tabel(4, "Urutan Prioritas Tindakan Peningkatan Pelayanan")
    maks = sum(k.bobot * k.skala_maks for k in t.kriteria)
    baris = []
    for aspek in ASPEK:
        for j, p in enumerate(hasil.per_aspek.get(aspek, ())):
            tindakan = next(x for x in t.tindakan if x.id == p.tindakan)
            sub = f" ({content.p3o.sub_aspek_manajemen[tindakan.sub_aspek].nama})" if tindakan.sub_aspek else ""
            putaran = f"; putaran ulang {p.putaran[-1].total}" if p.putaran else ""
            baris.append(
                {
                    "aspek": content.p3o.aspek[aspek].nama if j == 0 else "",
                    "peringkat": f"{p.peringkat}{' (seri)' if p.seri else ''}",
                    "tindakan": f"{tindakan.nama}{sub}",
                    "nilai": f"{p.total}{putaran}",
                }
            )
    kriteria = idfmt.daftar([f"{k.nama.lower()} (bobot {k.bobot})" for k in t.kriteria])
    pengantar = [
        kalimat("t47_pengantar", kriteria=kriteria, maks=idfmt.angka(maks), tabel=_ref(cap))
    ]
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


def _nama_t(prioritas: Prioritas, kode: str) -> str:
    return next((str(x.nama) for x in prioritas.tindakan if x.id == kode), kode)
