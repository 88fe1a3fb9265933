"""Context of the Draft STPP (``draft-stpp.docx``): the whole plan, printed for the DPRD and the Kepala Daerah.

The reader is a DPRD member, not a facilitator: every chapter opens with a sentence or two of prose
that says what the table after it shows, and every figure in the executive summary comes from the
analyses (:mod:`assembler.analysis`), never from a number typed twice. The registry requires all 21
topics, but each topic is built defensively: a missing topic yields ``None`` and the template prints
"Bagian ini akan dilengkapi setelah Topik n.m disepakati." so that a growing draft can be printed too.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.anggaran import RingkasanAnggaran, anggaran_workspace
from assembler.analysis.kesenjangan import AnalisisKesenjangan, analyse_gaps
from assembler.analysis.mcua import ASPEK, HasilMcua, hitung_mcua
from assembler.analysis.pemeringkatan import Pemeringkatan, rank_issues
from assembler.content import JENIS, Content, load_content
from assembler.documents.common import daftar_gambar, region_context
from assembler.documents.naskah import bulan_tahun, periode
from assembler.documents.naskah import nilai as _nilai
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.registry import BY_ID, Dokumen
from assembler.legal import judul as judul_regulasi
from assembler.models.tahap1 import KEDUDUKAN_LABEL, KalenderKerja, StakeholderPokja
from assembler.models.tahap2 import IsuUtama, Kesenjangan, Regulasi
from assembler.models.tahap3 import KRITERIA_GOOD_GOVERNANCE, PROSES, TAHAP_ALUR, AkarMasalah, KebutuhanTeknisManajemen
from assembler.models.tahap4 import (
    HURUF_KUADRAN,
    KUADRAN,
    KapasitasTeknis,
    Kebijakan,
    Keuangan,
    Organisasi,
    Personil,
    Prioritas,
    Prosedur,
    nama_jenis_kebijakan,
)
from assembler.models.tahap5 import CitizenCharter, Kesepakatan, SkemaTindakan
from assembler.models.tahap6 import IntegrasiCorporatePlan, Pelaksanaan
from assembler.models.tahap7 import DokumentasiReplikasi, Monev
from assembler.pictures import gambar_bagan_bawang, gambar_grafik_kesenjangan
from assembler.topics import BY_ID as TOPIK_BY_ID
from assembler.topics import TAHAP_JUDUL, TOPIK
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("draft-stpp",)

#: The closing chapter follows the seven stages.
BAB_PENUTUP = len(TAHAP_JUDUL) + 1

#: Documents of the package the draft refers to as separate annexes, in package order.
LAMPIRAN_DOKUMEN = ("sk-pokja", "hubungan-antar-kebijakan", "smart-logframe", "citizen-charter", "juklak-juknis")

_KATEGORI_STAKEHOLDER = {"penyelenggara": "Penyelenggara", "pengguna": "Pengguna", "pendukung": "Pendukung"}
_PENILAIAN = {"sudah": "Sudah", "sebagian": "Sebagian", "belum": "Belum"}
_STATUS_UNIT = {"ada": "Tetap", "baru": "Baru", "diubah": "Disempurnakan"}
_KATEGORI_KEUANGAN = {
    "pendapatan": "Peningkatan pendapatan",
    "efisiensi_biaya": "Efisiensi biaya",
    "pembiayaan_investasi": "Pembiayaan investasi",
    "tarif": "Tarif",
}
_PERUBAHAN = {
    "dihapus": "dihapus",
    "digabung": "digabung",
    "disederhanakan": "disederhanakan",
    "dilimpahkan": "dilimpahkan",
    "tetap": "tetap",
}
_STATUS_REGULASI = {
    "berlaku": "Berlaku",
    "diubah": "Berlaku dengan perubahan",
    "dicabut": "Dicabut",
    "diganti": "Diganti",
    "tidak_berlaku": "Tidak berlaku",
    "tidak_diketahui": "Perlu diperiksa",
}


# --------------------------------------------------------------------------------------------
# Small formatting helpers: every value the template prints is a ready string.
# --------------------------------------------------------------------------------------------


def _rentang_tanggal(mulai: _dt.date, selesai: _dt.date | None) -> str:
    if selesai is None or selesai == mulai:
        return idfmt.tanggal(mulai)
    if (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return f"{mulai.day}–{idfmt.tanggal(selesai)}"
    return f"{idfmt.tanggal(mulai)}–{idfmt.tanggal(selesai)}"


def _kalimat(teks: str) -> str:
    """User text as a sentence: a final period when it has none."""
    teks = teks.strip()
    return teks if not teks or teks[-1] in ".!?" else teks + "."


def _persen_bagian(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) * 100 / Decimal(total), 1) if total else "–"


def _angka_jumlah(n: int) -> str:
    """Small counts in words in prose (``lima``), as formal Indonesian writes them."""
    return idfmt.terbilang(n) if 0 <= n <= 10 else idfmt.angka(n)


def _ref(caption: str) -> str:
    """``Tabel 2.3`` out of ``Tabel 2.3 Analisis ...``: how the prose points at a table."""
    return " ".join(caption.split(" ")[:2])


def _belum_tercapai(gap: AnalisisKesenjangan) -> str:
    """``tiga``, or ``seluruhnya`` when no indicator met its target."""
    n = gap.jumlah_belum_tercapai
    return "seluruhnya" if n == len(gap.baris) and n > 1 else _angka_jumlah(n)


class _Penomor:
    """Table numbers per chapter (``Tabel 2.3``), given in the order the template prints tables."""

    def __init__(self) -> None:
        self._per_bab: dict[int, int] = {}

    def __call__(self, bab: int, judul: str) -> str:
        self._per_bab[bab] = self._per_bab.get(bab, 0) + 1
        return f"Tabel {bab}.{self._per_bab[bab]} {judul}"


class _Nama:
    """Display names of ids across topics; an unknown id prints as itself rather than failing."""

    def __init__(self, view: WorkspaceView) -> None:
        self.anggota: dict[str, Any] = {}
        self.stakeholder: dict[str, str] = {}
        self.unit: dict[str, str] = {}
        self.tindakan: dict[str, Any] = {}
        self.kegiatan: dict[str, Any] = {}
        self.indikator: dict[str, str] = {}
        self.lembaga: dict[str, str] = {}
        self.solusi: dict[str, str] = {}
        t11, t23, t32, t45 = (
            view.get(StakeholderPokja),
            view.get(Kesenjangan),
            view.get(AkarMasalah),
            view.get(Organisasi),
        )
        t47, t51, t22 = view.get(Prioritas), view.get(SkemaTindakan), view.get(Regulasi)
        if t11 is not None:
            self.anggota = {a.id: a for a in t11.pokja.anggota}
            self.stakeholder = {s.id: s.nama for s in t11.stakeholders}
        if t23 is not None:
            self.indikator = {i.id: i.nama for i in t23.indikator}
        if t32 is not None:
            self.solusi = {s.id: s.uraian for s in t32.solusi_alternatif}
        if t45 is not None:
            self.unit = {u.id: u.nama for u in t45.unit}
        if t47 is not None:
            self.tindakan = {t.id: t for t in t47.tindakan}
        if t51 is not None:
            self.kegiatan = t51.kegiatan_by_id()
        if t22 is not None:
            self.lembaga = {lb.id: lb.nama for lb in t22.lembaga}

    def orang(self, kode: str) -> str:
        """A Pokja member by office (the office outlives the person) or a unit by name."""
        if kode in self.anggota:
            return str(self.anggota[kode].jabatan)
        return self.unit.get(kode, kode)

    def orang_bernama(self, kode: str) -> str:
        a = self.anggota.get(kode)
        return f"{a.nama}, {a.jabatan}" if a is not None else self.unit.get(kode, kode)

    def nama_tindakan(self, kode: str) -> str:
        t = self.tindakan.get(kode)
        return str(t.nama) if t is not None else kode

    def nama_kegiatan(self, kode: str) -> str:
        kg = self.kegiatan.get(kode)
        if kg is not None:
            return str(kg.rumusan)
        return self.nama_tindakan(kode)


# --------------------------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------------------------


def _judul_topik() -> dict[str, str]:
    return {f"t{t.id.replace('.', '')}": f"{t.id}\t{t.judul}" for t in TOPIK}


def _bab() -> dict[str, str]:
    """Chapter headings, ``BAB I PERSIAPAN DAN PENGENALAN`` ... ``BAB VIII PENUTUP``."""
    bab = {f"b{n}": f"BAB {idfmt.romawi(n)} {judul.upper()}" for n, judul in TAHAP_JUDUL.items()}
    bab[f"b{BAB_PENUTUP}"] = f"BAB {idfmt.romawi(BAB_PENUTUP)} PENUTUP"
    return bab


def _ketua(view: WorkspaceView) -> Any:
    t11 = view.get(StakeholderPokja)
    if t11 is None:
        return None
    ketua = t11.pokja.dengan_kedudukan("ketua")
    return ketua[0] if ketua else None


def _nama_pokja(view: WorkspaceView, r: dict[str, Any]) -> str:
    t11 = view.get(StakeholderPokja)
    if t11 is not None:
        return str(t11.pokja.nama)
    return f"Kelompok Kerja Peningkatan Pelayanan {r['pdam']}"


def _sampul(view: WorkspaceView, r: dict[str, Any]) -> dict[str, Any]:
    judul = ["DRAFT", "SKEMA TINDAKAN PENINGKATAN PELAYANAN", str(r["pdam"]).upper()]
    # Most utilities carry the region in their name; the cover does not repeat it.
    if not judul[-1].endswith(str(r["daerah_kapital"])):
        judul.append(str(r["daerah_kapital"]))
    return {
        "judul": judul,
        "tahun": f"TAHUN {r['tahun']}",
        "disampaikan": f"Disampaikan kepada Pimpinan Dewan Perwakilan Rakyat Daerah {r['daerah']} "
        f"dan {r['kepala_daerah']}",
        "penyusun": ["Disusun oleh:", _nama_pokja(view, r)],
    }


def _pengantar(view: WorkspaceView, r: dict[str, Any]) -> dict[str, Any]:
    pokja = _nama_pokja(view, r)
    ketua = _ketua(view)
    tahap = idfmt.daftar([judul for judul in TAHAP_JUDUL.values()])
    paragraf = [
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena atas rahmat-Nya Draft Skema "
        f"Tindakan Peningkatan Pelayanan (STPP) {r['pdam']} Tahun {r['tahun']} dapat diselesaikan.",
        f"Draft STPP ini disusun secara partisipatif oleh {pokja}, yang beranggotakan unsur Pemerintah "
        f"{r['daerah']}, {r['pdam_singkat']}, Dewan Perwakilan Rakyat Daerah, dan masyarakat pengguna "
        f"layanan, melalui tujuh tahap: {tahap}. Setiap hasil yang dimuat dalam naskah ini merupakan "
        "kesepakatan pertemuan Kelompok Kerja; angka jumlah, peringkat, kesenjangan, prioritas, dan "
        "anggaran dihitung dari hasil kesepakatan tersebut.",
        f"Naskah ini disampaikan kepada Pimpinan Dewan Perwakilan Rakyat Daerah {r['daerah']} dan "
        f"{r['kepala_daerah']} untuk mendapatkan tanggapan dan persetujuan, khususnya atas kegiatan yang "
        f"memerlukan persetujuan pimpinan daerah dan dukungan anggaran daerah.",
        "Kami menyampaikan terima kasih kepada seluruh anggota Kelompok Kerja, narasumber, pelanggan, dan "
        "semua pihak yang telah berperan serta. Semoga Skema Tindakan ini bermanfaat bagi peningkatan "
        "pelayanan air minum kepada masyarakat.",
    ]
    return {
        "paragraf": paragraf,
        # A draft is dated when it is printed and handed over: the secretariat fills in the day.
        "tempat_tanggal": f"{r['ibu_kota']}, ............................. {r['tahun']}",
        "jabatan": f"Ketua {pokja},",
        "nama": str(ketua.nama) if ketua is not None else "",
    }


# --------------------------------------------------------------------------------------------
# Executive summary
# --------------------------------------------------------------------------------------------


def _ringkasan(
    view: WorkspaceView,
    r: dict[str, Any],
    nama: _Nama,
    peringkat: Pemeringkatan | None,
    gap: AnalisisKesenjangan | None,
    mcua: HasilMcua | None,
    anggaran: RingkasanAnggaran | None,
    pemilahan: dict[str, Any] | None,
) -> dict[str, Any]:
    content = view.content or load_content()
    pembuka = [
        f"Skema Tindakan Peningkatan Pelayanan (STPP) {r['pdam']} adalah rencana tindakan terpadu untuk "
        f"meningkatkan pelayanan air minum kepada masyarakat {r['daerah']}. Ringkasan ini memuat pokok-pokok "
        "hasil kesepakatan Kelompok Kerja; uraian lengkapnya terdapat pada Bab I sampai dengan "
        f"Bab {idfmt.romawi(len(TAHAP_JUDUL))}."
    ]

    isu: dict[str, Any] | None = None
    t21 = view.get(IsuUtama)
    if peringkat is not None and t21 is not None:
        kriteria = idfmt.daftar([k.nama.lower() for k in t21.kriteria])
        if peringkat.isu_utama is not None:
            utama = peringkat.baris_isu(peringkat.isu_utama)
            assert utama is not None
            teks = (
                f"Dari {_angka_jumlah(len(t21.isu))} isu pelayanan yang dinilai dengan kriteria {kriteria}, "
                f"isu dengan jumlah skor tertinggi ({utama.total}) dan karena itu ditetapkan sebagai isu utama adalah:"
            )
            isu = {"pengantar": teks, "rumusan": utama.rumusan}
        else:
            puncak = idfmt.daftar([f"“{b.rumusan}”" for b in peringkat.baris if b.urutan == 1])
            isu = {
                "pengantar": f"Isu utama belum dapat ditetapkan karena isu-isu berikut memperoleh jumlah skor "
                f"tertinggi yang sama dan belum dinilai ulang: {puncak}.",
                "rumusan": "",
            }

    kesenjangan: dict[str, Any] | None = None
    if gap is not None:
        strategis = [b for b in gap.baris if b.strategis]
        butir = []
        for b in strategis:
            arah = "paling tinggi" if b.arah == "turun" else "paling rendah"
            selisih = f"{idfmt.angka(b.selisih)} poin persen" if b.satuan == "%" else _nilai(b.selisih, b.satuan)
            keadaan = f"kesenjangan {selisih}" if not b.tercapai else "target telah tercapai"
            butir.append(
                f"{b.nama}: realisasi {_nilai(b.realisasi, b.satuan)} pada tahun {b.tahun} terhadap target "
                f"{arah} {_nilai(b.target, b.satuan)} ({keadaan})."
            )
        kesenjangan = {
            "pengantar": f"Dari {_angka_jumlah(len(gap.baris))} indikator kinerja pelayanan, "
            f"{_belum_tercapai(gap)} belum mencapai target. Indikator strategis yang ditindaklanjuti dalam "
            "rancangan peningkatan kapasitas adalah:",
            "butir": butir,
        }

    solusi: dict[str, Any] | None = None
    t32 = view.get(AkarMasalah)
    if t32 is not None:
        solusi = {
            "pengantar": f"Analisis akar masalah pada setiap tahap alur pelayanan menghasilkan "
            f"{_angka_jumlah(len(t32.solusi_terpadu))} solusi terpadu sebagai titik strategis perbaikan:",
            "butir": [{"no": _nomor(i), "teks": _kalimat(s.rumusan)} for i, s in enumerate(t32.solusi_terpadu, 1)],
        }

    prioritas: dict[str, Any] | None = None
    if mcua is not None:
        baris = []
        for aspek in ASPEK:
            urut = mcua.per_aspek.get(aspek, ())
            if not urut:
                continue
            baris.append(
                {
                    "aspek": content.p3o.aspek[aspek].nama,
                    "tindakan": [
                        f"{p.peringkat}. {nama.nama_tindakan(p.tindakan)}{' (seri)' if p.seri else ''}" for p in urut
                    ],
                }
            )
        prioritas = {
            "pengantar": "Usulan tindakan dinilai dengan Multiple Criteria Utility Assessment (MCUA). Urutan "
            "prioritas dalam setiap aspek adalah sebagai berikut.",
            "baris": baris,
        }

    biaya: dict[str, Any] | None = None
    if anggaran is not None:
        sumber = idfmt.daftar([f"{s.sumber_dana} {idfmt.rupiah(s.jumlah)}" for s in anggaran.per_sumber_dana])
        tahun = idfmt.daftar([f"tahun {t.tahun} {idfmt.rupiah(t.jumlah)}" for t in anggaran.per_tahun])
        paragraf = [
            f"Seluruh kegiatan Skema Tindakan membutuhkan biaya {idfmt.rupiah(anggaran.total)} "
            f"({idfmt.terbilang_rupiah(anggaran.total)}). Menurut sumber dananya, biaya itu terdiri atas "
            f"{sumber}; menurut tahun anggaran, {tahun}."
        ]
        if pemilahan is not None:
            paragraf.append(
                f"Dari jumlah tersebut, kegiatan senilai {pemilahan['langsung_jumlah']} dapat langsung "
                f"dilaksanakan oleh {r['pdam_singkat']}, sedangkan kegiatan senilai {pemilahan['perlu_jumlah']} "
                f"memerlukan persetujuan {r['kepala_daerah']} dan, untuk kegiatan yang dibiayai APBD, "
                "pembahasan bersama Dewan Perwakilan Rakyat Daerah."
            )
        biaya = {
            "paragraf": paragraf,
            "total": idfmt.rupiah(anggaran.total),
            "terbilang": idfmt.terbilang_rupiah(anggaran.total),
        }

    return {
        "pembuka": pembuka,
        "isu": isu,
        "kesenjangan": kesenjangan,
        "solusi": solusi,
        "prioritas": prioritas,
        "anggaran": biaya,
    }


# --------------------------------------------------------------------------------------------
# Tahap 1
# --------------------------------------------------------------------------------------------


def _t11(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(StakeholderPokja)
    if t is None:
        return None
    hitung = {k: sum(1 for s in t.stakeholders if s.kategori == k) for k in _KATEGORI_STAKEHOLDER}
    cap_sh = tabel(1, "Matriks Stakeholders Pelayanan PDAM")
    cap_pokja = tabel(1, "Susunan Keanggotaan Kelompok Kerja")
    ketua = t.pokja.dengan_kedudukan("ketua")
    tim_inti = set(t.pokja.tim_inti)
    anggota = []
    for i, a in enumerate(t.pokja.anggota, 1):
        kedudukan = KEDUDUKAN_LABEL.get(a.kedudukan, a.kedudukan)
        if a.id in tim_inti:
            kedudukan += "; Tim Inti"
        anggota.append({"no": _nomor(i), "nama": a.nama, "jabatan": a.jabatan, "kedudukan": kedudukan})
    return {
        "pengantar": f"Pemetaan stakeholder mengidentifikasi {_angka_jumlah(len(t.stakeholders))} pihak yang "
        f"berkepentingan dengan pelayanan air minum: {_angka_jumlah(hitung['penyelenggara'])} penyelenggara "
        f"layanan, {_angka_jumlah(hitung['pengguna'])} pengguna layanan, dan "
        f"{_angka_jumlah(hitung['pendukung'])} pihak pendukung ({_ref(cap_sh)}). "
        "Pemetaan ini menjadi dasar pembentukan Kelompok Kerja agar penyelenggara maupun pengguna layanan "
        "terwakili.",
        "tabel_stakeholder": cap_sh,
        "stakeholder": [
            {
                "no": _nomor(i),
                "nama": s.nama,
                "kategori": _KATEGORI_STAKEHOLDER.get(s.kategori, s.kategori),
                "peran": s.peran,
                "kepentingan": s.kepentingan,
                "pengaruh": f"{s.pengaruh.capitalize()} / {(s.tingkat_kepentingan or '–').capitalize()}",
                "keterlibatan": s.keterlibatan,
            }
            for i, s in enumerate(t.stakeholders, 1)
        ],
        "pengantar_pokja": f"{t.pokja.nama} beranggotakan {_angka_jumlah(len(t.pokja.anggota))} orang"
        + (f" dan diketuai oleh {ketua[0].jabatan}" if ketua else "")
        + f"; {_angka_jumlah(len(tim_inti))} anggota membentuk Tim Inti yang menyiapkan bahan setiap "
        f"pertemuan ({_ref(cap_pokja)}). Uraian tugas setiap kedudukan dimuat dalam draft "
        "keputusan kepala daerah tentang pembentukan Kelompok Kerja.",
        "tabel_pokja": cap_pokja,
        "anggota": anggota,
    }


def _t12(view: WorkspaceView, tabel: _Penomor) -> dict[str, Any] | None:
    t = view.get(KalenderKerja)
    if t is None:
        return None
    cap = tabel(1, "Kalender Kerja Penyusunan STPP")
    jadwal = sorted(t.jadwal, key=lambda j: (j.tanggal, j.jam_mulai or ""))
    rows = []
    for i, j in enumerate(jadwal, 1):
        topik = TOPIK_BY_ID.get(j.topik)
        waktu = ""
        if j.jam_mulai:
            waktu = f"{j.jam_mulai}–{j.jam_selesai or 'selesai'} {t.zona_waktu}"
        rows.append(
            {
                "no": _nomor(i),
                "topik": f"{j.topik} {topik.judul}" if topik else j.topik,
                "tanggal": _rentang_tanggal(j.tanggal, j.tanggal_selesai),
                "waktu": waktu,
                "tempat": j.tempat,
            }
        )
    awal, akhir = jadwal[0], jadwal[-1]
    return {
        "kesepakatan": f"Pada tanggal {idfmt.tanggal(t.kesepakatan.tanggal)} di {t.kesepakatan.tempat}, "
        f"Kelompok Kerja menyepakati cara kerja berikut. {_kalimat(t.kesepakatan.isi)}",
        "pengantar": f"Kalender Kerja ({_ref(cap)}) menjadwalkan "
        f"{_angka_jumlah(len(jadwal))} pertemuan, mulai {idfmt.tanggal(awal.tanggal)} sampai dengan "
        f"{idfmt.tanggal(akhir.tanggal_selesai or akhir.tanggal)}.",
        "tabel": cap,
        "jadwal": rows,
    }


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
        f", masing-masing berskala {min(s[0] for s in skala)}–{max(s[1] for s in skala)}" if len(skala) == 1 else ""
    )
    pengantar = [
        f"Kelompok diskusi mengusulkan {_angka_jumlah(len(t.isu))} isu pelayanan. Peserta menyepakati "
        f"{_angka_jumlah(len(t.kriteria))} kriteria penilaian, yaitu "
        f"{idfmt.daftar([k.nama.lower() for k in t.kriteria])}{skala_teks}, dan menilai setiap isu dengan "
        f"kriteria tersebut. Jumlah skor dan peringkat pada {ref} dihitung dari skor yang disepakati."
    ]
    kriteria_id = [k.id for k in t.kriteria]
    rumusan = {i.id: i.rumusan for i in t.isu}
    for idx in hasil.putaran_terpakai:
        putaran = t.putaran_ulang[idx]
        total = {b.isu: b.total for b in hasil.baris}
        nilai = total.get(putaran.isu[0], 0)
        kalimat = (
            f"Isu {idfmt.daftar([f'“{rumusan.get(i, i)}”' for i in putaran.isu])} memperoleh jumlah skor "
            f"yang sama ({nilai}) sehingga dinilai ulang sesuai panduan. "
        )
        if putaran.catatan:
            kalimat += _kalimat(putaran.catatan)
        pengantar.append(kalimat)
    for grup in hasil.seri_tersisa:
        pengantar.append(
            f"Isu {idfmt.daftar([f'“{rumusan.get(i, i)}”' for i in grup])} masih memperoleh nilai yang sama "
            "dan berbagi peringkat sampai dilakukan penilaian ulang."
        )
    if hasil.isu_utama is not None:
        pengantar.append(f"Isu utama yang ditetapkan adalah “{rumusan[hasil.isu_utama]}”.")
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
        "catatan": "Peringkat disusun dari jumlah skor; isu dengan jumlah skor sama diurutkan menurut nilai "
        "putaran ulang, tidak menurut urutan penulisan.",
    }


def _regulasi(view: WorkspaceView, content: Content, r: dict[str, Any]) -> dict[str, Any]:
    """Title and status of every regulation code the workspace can cite (catalogue and 2.2 entries)."""
    out: dict[str, Any] = {}
    t = view.get(Regulasi)
    if t is None:
        return out
    for e in t.regulasi:
        if e.katalog is not None:
            reg = content.regulasi.get(e.katalog)
            if reg is not None:
                out[e.katalog] = {"judul": judul_regulasi(reg), "status": _STATUS_REGULASI.get(reg.status, reg.status)}
            continue
        jenis = JENIS.get(e.jenis or "")
        nama_jenis = jenis.nama if jenis else (e.jenis or "")
        if jenis is not None and jenis.kepala_daerah:
            nama_jenis = f"{nama_jenis} {e.kepala_daerah or r['kepala']} {r['nama_daerah']}"
        elif jenis is not None and jenis.daerah:
            nama_jenis = f"{nama_jenis} {e.daerah or r['daerah']}"
        out[str(e.id)] = {
            "judul": f"{nama_jenis} Nomor {e.nomor} Tahun {e.tahun} tentang {e.tentang}",
            "status": _STATUS_REGULASI.get(e.status, e.status),
        }
    return out


def _t22(view: WorkspaceView, tabel: _Penomor, nama: _Nama, reg: dict[str, Any]) -> dict[str, Any] | None:
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
        "pengantar": f"Kelompok Kerja bersama Bagian Hukum menelaah {_angka_jumlah(len(t.regulasi))} peraturan "
        f"perundang-undangan yang terkait dengan pelayanan air minum ({_ref(cap_reg)}) dan "
        f"memetakan hubungan antara ketentuan peraturan dengan lembaga yang melaksanakannya "
        f"({_ref(cap_hub)}). Dari telaah itu dirumuskan koridor hukum penyusunan dan "
        "pelaksanaan STPP.",
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
    acuan = f" dengan acuan {t.acuan}" if t.acuan else ""
    return {
        "gambar": daftar_gambar([gambar_grafik_kesenjangan(t, nomor="2.1")]),
        "pengantar": f"Kesenjangan kinerja pelayanan diukur dengan membandingkan target{acuan} dengan "
        f"realisasinya ({_ref(cap)}). Selisih dan persentase capaian dihitung menurut arah "
        "indikator: untuk indikator yang makin rendah makin baik, seperti kehilangan air dan lama pelayanan, "
        f"capaian adalah target dibagi realisasi. Dari {_angka_jumlah(len(gap.baris))} indikator, "
        f"{_belum_tercapai(gap)} belum mencapai target.",
        "tabel": cap,
        "baris": baris,
        "pengantar_strategis": "Indikator strategis yang ditindaklanjuti pada Tahap IV dan alasannya:",
        "strategis": [
            {"no": _nomor(i), "teks": f"{b.nama}: {_kalimat(b.alasan_strategis)}" if b.alasan_strategis else b.nama}
            for i, b in enumerate([b for b in gap.baris if b.strategis], 1)
        ],
    }


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
    hitung = {k: 0 for k in _PENILAIAN}
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
            nilai.append(_PENILAIAN[c.penilaian])
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
        "pengantar": f"Kelompok Kerja menilai lima proses pelayanan terhadap lima kriteria good governance "
        f"({_ref(cap_gg)}). Dari {total} penilaian, {_angka_jumlah(hitung['sudah'])} "
        f"telah terpenuhi, {_angka_jumlah(hitung['sebagian'])} terpenuhi sebagian, dan "
        f"{_angka_jumlah(hitung['belum'])} belum terpenuhi.",
        "tabel_gg": cap_gg,
        "kriteria": [gg.kriteria[k].nama for k in KRITERIA_GOOD_GOVERNANCE],
        "baris": baris,
        "pengantar_temuan": "Kesenjangan yang belum terpenuhi sama sekali adalah:" if temuan else "",
        "temuan": temuan,
        "pengantar_persoalan": f"Persoalan utama manajemen penyaluran pelayanan dan kriteria pelayanan yang "
        f"belum dipenuhinya disajikan pada {_ref(cap_pu)}.",
        "tabel_persoalan": cap_pu,
        "persoalan": persoalan,
        "pengantar_kartu": f"Kesenjangan antara harapan pelanggan dan kenyataan pelayanan dirangkum pada "
        f"{_ref(cap_hk)}."
        if kartu
        else "",
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
        "pengantar": f"Persoalan pelayanan ditelusuri sampai ke akar masalahnya pada setiap tahap Diagram Alur "
        f"Pelayanan Publik; untuk setiap akar masalah dirumuskan solusi alternatif ({_ref(cap)}). "
        f"Solusi alternatif itu kemudian dipadukan menjadi {_angka_jumlah(len(t.solusi_terpadu))} solusi terpadu.",
        "tabel": cap,
        "baris": baris,
        "terpadu": [{"no": _nomor(i), "teks": _kalimat(s.rumusan)} for i, s in enumerate(t.solusi_terpadu, 1)],
    }


# --------------------------------------------------------------------------------------------
# Tahap 4
# --------------------------------------------------------------------------------------------


def _t41(view: WorkspaceView, tabel: _Penomor, nama: _Nama) -> dict[str, Any] | None:
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
        "pengantar": f"Kapasitas teknis dianalisis dengan metode {t.jenis_analisis} "
        f"({_ref(cap_q)}). Dari analisis itu dirumuskan "
        f"{_angka_jumlah(len(t.strategi))} strategi dan {_angka_jumlah(len(t.usulan_tindakan))} usulan "
        f"tindakan teknis untuk mencapai target indikator strategis ({_ref(cap_u)}).",
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
        per_jenis: dict[str, list[str]] = {}
        for s in lay.langkah_saat_ini:
            per_jenis.setdefault(s.perubahan.jenis, []).append(s.kode)
        perubahan = idfmt.daftar(
            [f"{_angka_jumlah(len(v))} langkah {_PERUBAHAN.get(k, k)}" for k, v in per_jenis.items() if k != "tetap"]
        )
        pengantar = (
            f"Prosedur {lay.nama.lower()} yang berlaku terdiri atas {_angka_jumlah(len(lay.langkah_saat_ini))} "
            f"langkah. Dalam rancangan perbaikan, {perubahan or 'seluruh langkah tetap'}, sehingga prosedur "
            f"menjadi {_angka_jumlah(len(lay.langkah_perbaikan))} langkah ({_ref(cap)})."
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
        layanan.append({"pengantar": pengantar, "tabel": cap, "langkah": langkah})
    return {"layanan": layanan}


def _t43(view: WorkspaceView, tabel: _Penomor, nama: _Nama, r: dict[str, Any]) -> dict[str, Any] | None:
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
        "pengantar": f"Kelompok Kerja bersama Bagian Hukum merumuskan {_angka_jumlah(len(t.usulan))} usulan "
        f"kebijakan beserta rencana pembahasannya dengan pihak terkait ({_ref(cap)}).",
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
        "pengantar": f"Kebutuhan personil dihitung per posisi dari jumlah yang ada dan jumlah yang dibutuhkan "
        f"({_ref(cap_k)}); kekurangannya dipenuhi melalui program rekrutmen dan pelatihan "
        f"({_ref(cap_p)}).",
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
    kalimat = []
    if baru:
        kalimat.append(f"membentuk {idfmt.daftar(baru)}")
    if diubah:
        kalimat.append(f"menyempurnakan {idfmt.daftar(diubah)}")
    return {
        "pengantar": f"Rancangan organisasi penyelenggara pelayanan "
        f"{idfmt.daftar(kalimat) if kalimat else 'mempertahankan unit yang ada'}; peran setiap unit disajikan "
        f"pada {_ref(cap)}.",
        "tabel": cap,
        "baris": [
            {
                "no": _nomor(i),
                "unit": u.nama,
                "induk": nama_unit.get(u.induk, u.induk) if u.induk else "Direksi",
                "status": _STATUS_UNIT.get(u.status, u.status),
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
        "pengantar": f"Kondisi keuangan {_ref(cap_k)} menjadi dasar usulan peningkatan "
        f"kapasitas keuangan pada {_ref(cap_u)}. Dampak keuangan bertanda negatif adalah "
        "beban investasi.",
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
                "kategori": _KATEGORI_KEUANGAN.get(u.kategori, u.kategori),
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
        f"Usulan tindakan dari Topik 4.1 sampai dengan Topik 4.6 dinilai dengan MCUA menggunakan kriteria "
        f"{kriteria}. Nilai setiap tindakan adalah jumlah bobot dikalikan skor, dengan nilai tertinggi yang "
        f"mungkin {idfmt.angka(maks)}; urutan prioritas disusun dalam setiap aspek ({_ref(cap)})."
    ]
    for ulang in t.putaran_ulang:
        if ulang.catatan:
            pengantar.append(
                f"Tindakan {idfmt.daftar([f'“{view_nama}”' for view_nama in (_nama_t(t, x) for x in ulang.tindakan)])} "
                f"dinilai ulang dalam putaran kedua. {_kalimat(ulang.catatan)}"
            )
    return {"pengantar": pengantar, "tabel": cap, "baris": baris}


def _nama_t(prioritas: Any, kode: str) -> str:
    return next((str(x.nama) for x in prioritas.tindakan if x.id == kode), kode)


# --------------------------------------------------------------------------------------------
# Tahap 5
# --------------------------------------------------------------------------------------------


def _indikator_rows(
    tingkat: str, rumusan: str, indikator: Sequence[Any], asumsi: Sequence[str]
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
    view: WorkspaceView, tabel: _Penomor, nama: _Nama, anggaran: RingkasanAnggaran | None, content: Content
) -> dict[str, Any] | None:
    t = view.get(SkemaTindakan)
    if t is None or anggaran is None:
        return None
    cap_lf = tabel(5, "Smart Logframe Skema Tindakan Peningkatan Pelayanan")
    cap_sk = tabel(5, "Skema Tindakan Peningkatan Pelayanan")
    cap_rk = tabel(5, "Rekapitulasi Anggaran Skema Tindakan")
    tj = t.tujuan
    logframe = _indikator_rows("Tujuan", tj.rumusan, tj.indikator, tj.asumsi)
    n_kl = 0
    for i, ss in enumerate(tj.sasaran, 1):
        logframe += _indikator_rows(f"Sasaran {i}", ss.rumusan, ss.indikator, ss.asumsi)
        for kl in ss.keluaran:
            n_kl += 1
            logframe += _indikator_rows(f"Keluaran {n_kl}", kl.rumusan, kl.indikator, kl.asumsi)
            for k, kg in enumerate(kl.kegiatan, 1):
                if kg.indikator:
                    logframe += _indikator_rows(f"Kegiatan {n_kl}.{k}", kg.rumusan, kg.indikator, kg.asumsi)
    total_kl = {x.keluaran: x.jumlah for x in anggaran.per_keluaran}
    keluaran = []
    for n_kl, (_loc, kl) in enumerate(t.iter_keluaran(), 1):
        kegiatan = []
        for k, kg in enumerate(kl.kegiatan, 1):
            tindakan = nama.tindakan.get(kg.tindakan)
            aspek = f" ({content.p3o.aspek[tindakan.aspek].nama})" if tindakan is not None else ""
            kegiatan.append(
                {
                    "no": f"{n_kl}.{k}",
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
                "judul": f"Keluaran {n_kl}: {kl.rumusan}",
                "kegiatan": kegiatan,
                "jumlah_label": f"Jumlah Keluaran {n_kl}",
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
        "pengantar_logframe": f"Tabel Smart Logframe ({_ref(cap_lf)}) menjabarkan tujuan STPP "
        "menjadi sasaran, keluaran, dan kegiatan. Setiap tingkat memiliki indikator yang terukur dengan nilai "
        "awal (baseline), target, tenggat, dan sumber verifikasinya.",
        "tabel_logframe": cap_lf,
        "logframe": logframe,
        "pengantar_skema": f"Skema Tindakan ({_ref(cap_sk)}) merinci setiap kegiatan: tindakan "
        "prioritas yang dilaksanakannya, jadwal, organisasi pelaksana, penanggung jawab, biaya, dan sumber "
        f"dananya. Jumlah biaya seluruh kegiatan adalah {idfmt.rupiah(anggaran.total)} "
        f"({idfmt.terbilang_rupiah(anggaran.total)}).",
        "tabel_skema": cap_sk,
        "keluaran": keluaran,
        "total": idfmt.angka(anggaran.total),
        "pengantar_rekap": f"Rekapitulasi anggaran menurut sumber dana, tahun, dan aspek tindakan disajikan pada "
        f"{_ref(cap_rk)}.",
        "tabel_rekap": cap_rk,
        "rekap": rekap,
        "total_rupiah": idfmt.rupiah(anggaran.total),
        "catatan": t.catatan,
    }


def _pemilahan(view: WorkspaceView, nama: _Nama) -> dict[str, Any] | None:
    """Actions the PDAM can start now versus those awaiting the Kepala Daerah (5.2, per 5.1 kegiatan)."""
    charter = view.get(CitizenCharter)
    if charter is None:
        return None
    skema = view.get(SkemaTindakan)
    kelompok: dict[str, list[dict[str, str]]] = {"langsung_dilaksanakan": [], "perlu_persetujuan": [], "": []}
    jumlah = {k: 0 for k in kelompok}
    if skema is not None:
        for _loc, _kl, kg in skema.iter_kegiatan():
            k = charter.kelompok(kg) or ""
            jumlah[k] += kg.biaya
            kelompok[k].append(
                {
                    "rumusan": kg.rumusan,
                    "jadwal": periode(kg.jadwal.mulai, kg.jadwal.selesai, "–"),
                    "biaya": idfmt.angka(kg.biaya),
                    "sumber": kg.sumber_dana,
                }
            )
    else:
        # Without the logframe only the names of the sorted actions can be printed.
        for k, ids in (
            ("langsung_dilaksanakan", charter.pemilahan.langsung_dilaksanakan),
            ("perlu_persetujuan", charter.pemilahan.perlu_persetujuan),
        ):
            kelompok[k] = [{"rumusan": nama.nama_kegiatan(x), "jadwal": "", "biaya": "", "sumber": ""} for x in ids]
    for rows in kelompok.values():
        for i, row in enumerate(rows, 1):
            row["no"] = _nomor(i)
    return {
        "langsung": kelompok["langsung_dilaksanakan"],
        "perlu": kelompok["perlu_persetujuan"],
        "belum": kelompok[""],
        "langsung_jumlah": idfmt.rupiah(jumlah["langsung_dilaksanakan"]),
        "perlu_jumlah": idfmt.rupiah(jumlah["perlu_persetujuan"]),
        "belum_jumlah": idfmt.rupiah(jumlah[""]),
        "langsung_angka": idfmt.angka(jumlah["langsung_dilaksanakan"]),
        "perlu_angka": idfmt.angka(jumlah["perlu_persetujuan"]),
        "belum_angka": idfmt.angka(jumlah[""]),
        "ada_biaya": skema is not None,
    }


def _durasi(d: Any) -> str:
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
        "pengantar": f"Citizen Charter memuat janji {r['pdam_singkat']} kepada pelanggan: Maklumat Pelayanan, "
        f"standar pelayanan setiap jenis layanan ({_ref(cap_sp)}), janji layanan dengan "
        f"batas waktu terukur ({_ref(cap_jl)}), dan saluran pengaduan "
        f"({_ref(cap_kp)}). Citizen Charter ditandatangani oleh {penanda}.",
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
        "pengantar_pemilahan": f"Kegiatan Skema Tindakan dipilah menjadi kegiatan yang dapat langsung "
        f"dilaksanakan {r['pdam_singkat']} ({_ref(cap_l)}) dan kegiatan yang memerlukan "
        f"persetujuan {r['kepala_daerah']} terlebih dahulu ({_ref(cap_p)}).",
        "tabel_langsung": cap_l,
        "tabel_perlu": cap_p,
        "tabel_belum": cap_b,
        "pemilahan": pemilahan,
        "analisis_finansial": t.analisis_finansial,
        "narasi": t.narasi_stpp,
    }


def _t53(view: WorkspaceView, r: dict[str, Any]) -> dict[str, Any] | None:
    t = view.get(Kesepakatan)
    if t is None:
        return None
    rapat = t.rapat
    waktu = f", pukul {rapat.waktu}" if rapat.waktu else ""
    return {
        "pengantar": f"Draft STPP disampaikan dan dibahas dalam rapat pada tanggal {idfmt.tanggal(rapat.tanggal)}"
        f"{waktu}, di {rapat.tempat}, dipimpin oleh {rapat.pimpinan_rapat.jabatan} dan dihadiri "
        f"{_angka_jumlah(len(rapat.peserta))} peserta. Pokok tanggapan yang disampaikan adalah sebagai berikut.",
        "tanggapan": [
            {"pihak": f"{x.pihak} ({x.jabatan})", "butir": [_kalimat(b) for b in x.pokok_tanggapan]}
            for x in t.tanggapan
        ],
        "pengantar_kesepakatan": "Rapat menyepakati hal-hal berikut:",
        "kesepakatan": [{"no": _nomor(i), "teks": _kalimat(k)} for i, k in enumerate(t.kesepakatan, 1)],
        "dokumen": [f"{t.juklak_juknis.judul}: {t.juklak_juknis.status}."]
        + [f"{ks.judul}: {ks.status}." for ks in t.kerja_sama],
    }


# --------------------------------------------------------------------------------------------
# Tahap 6 and 7
# --------------------------------------------------------------------------------------------


def _t61(view: WorkspaceView, tabel: _Penomor, nama: _Nama) -> dict[str, Any] | None:
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
        "perumus": f"Tim Perumus diketuai oleh {nama.orang_bernama(ketua.anggota)} dengan "
        f"{_angka_jumlah(len(t.tim_perumus.anggota) - 1)} anggota lainnya dan bertugas menyusun:"
        if ketua is not None
        else "Tim Perumus bertugas menyusun:",
        "perumus_tugas": [f"{x.jenis}: {x.judul}, selesai {bulan_tahun(x.tenggat)}." for x in t.tim_perumus.tugas],
    }


def _t62(view: WorkspaceView, tabel: _Penomor, nama: _Nama) -> dict[str, Any] | None:
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


def _t71(view: WorkspaceView, tabel: _Penomor, nama: _Nama) -> dict[str, Any] | None:
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
        "tim": [f"{a.peran}: {nama.orang_bernama(a.anggota)}" for a in t.tim_monev],
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


def _t72(view: WorkspaceView, tabel: _Penomor, nama: _Nama) -> dict[str, Any] | None:
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
        "penulis": [f"{a.peran}: {nama.orang_bernama(a.anggota)}" for a in t.tim_penulis],
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


# --------------------------------------------------------------------------------------------
# Closing
# --------------------------------------------------------------------------------------------


def _penutup(r: dict[str, Any], pemilahan: dict[str, Any] | None) -> list[str]:
    paragraf = [
        f"Draft Skema Tindakan Peningkatan Pelayanan ini merupakan hasil kerja bersama Pemerintah {r['daerah']}, "
        f"{r['pdam_singkat']}, dan masyarakat pengguna layanan. Keberhasilannya bergantung pada kesungguhan "
        "semua pihak melaksanakan kegiatan sesuai jadwal, anggaran, dan pembagian tanggung jawab yang telah "
        "disepakati."
    ]
    if pemilahan is not None and pemilahan["ada_biaya"]:
        paragraf.append(
            f"Kelompok Kerja memohon tanggapan dan persetujuan Pimpinan Dewan Perwakilan Rakyat Daerah dan "
            f"{r['kepala_daerah']}, terutama atas kegiatan senilai {pemilahan['perlu_jumlah']} yang memerlukan "
            f"persetujuan pimpinan daerah, sementara kegiatan senilai {pemilahan['langsung_jumlah']} segera "
            f"dimulai oleh {r['pdam_singkat']}."
        )
    paragraf.append(
        "Kelompok Kerja akan mengawal pelaksanaan, memantau capaian indikator, dan melaporkan hasilnya secara "
        "berkala, sehingga pelayanan air minum yang lebih baik benar-benar dirasakan masyarakat."
    )
    return paragraf


def _lampiran(r: dict[str, Any]) -> list[dict[str, str]]:
    # Registry titles say "Kepala Daerah"; the printed list names the office of this region.
    return [
        {"no": _nomor(i), "teks": BY_ID[d].judul.replace("Kepala Daerah", str(r["kepala_daerah"]))}
        for i, d in enumerate(LAMPIRAN_DOKUMEN, 1)
    ]


def context(view: WorkspaceView, dokumen: Dokumen) -> dict[str, Any]:
    """Everything ``draft-stpp.docx`` prints, as ready strings; a missing topic is ``None``."""
    stpp = view.stpp
    assert stpp is not None  # the build only calls builders of a valid workspace
    content = view.content or load_content()
    r = region_context(stpp)
    nama = _Nama(view)
    tabel = _Penomor()

    t21, t23, t47 = view.get(IsuUtama), view.get(Kesenjangan), view.get(Prioritas)
    peringkat = rank_issues(t21) if t21 is not None else None
    gap = analyse_gaps(t23) if t23 is not None else None
    mcua = hitung_mcua(t47) if t47 is not None else None
    anggaran = anggaran_workspace(view)
    pemilahan = _pemilahan(view, nama)
    reg = _regulasi(view, content, r)

    ctx: dict[str, Any] = {
        **r,
        "sampul": _sampul(view, r),
        "pengantar": _pengantar(view, r),
        "ringkasan": _ringkasan(view, r, nama, peringkat, gap, mcua, anggaran, pemilahan),
        "bab": _bab(),
        "judul_topik": _judul_topik(),
    }
    # Built in print order so that table numbers follow the pages.
    ctx["t11"] = _t11(view, tabel)
    ctx["t12"] = _t12(view, tabel)
    ctx["t21"] = _t21(view, tabel, peringkat)
    ctx["t22"] = _t22(view, tabel, nama, reg)
    ctx["t23"] = _t23(view, tabel, gap)
    ctx["t31"] = _t31(view, tabel, content)
    ctx["t32"] = _t32(view, tabel, content)
    ctx["t41"] = _t41(view, tabel, nama)
    ctx["t42"] = _t42(view, tabel)
    ctx["t43"] = _t43(view, tabel, nama, r)
    ctx["t44"] = _t44(view, tabel)
    ctx["t45"] = _t45(view, tabel)
    ctx["t46"] = _t46(view, tabel)
    ctx["t47"] = _t47(view, tabel, content, mcua)
    ctx["t51"] = _t51(view, tabel, nama, anggaran, content)
    ctx["t52"] = _t52(view, tabel, r, pemilahan)
    ctx["t53"] = _t53(view, r)
    ctx["t61"] = _t61(view, tabel, nama)
    ctx["t62"] = _t62(view, tabel, nama)
    ctx["t71"] = _t71(view, tabel, nama)
    ctx["t72"] = _t72(view, tabel, nama)
    ctx["penutup"] = _penutup(r, pemilahan)
    ctx["lampiran"] = _lampiran(r)
    ctx["bab_pengantar"] = _bab_pengantar(r)
    return ctx


def _bab_pengantar(r: dict[str, Any]) -> dict[str, str]:
    """One sentence under each chapter heading: what the stage did, in the guide's terms."""
    return {
        "b1": "Tahap persiapan memetakan para pemangku kepentingan pelayanan air minum, membentuk Kelompok "
        "Kerja, serta menyepakati cara kerja dan Kalender Kerja penyusunan STPP.",
        "b2": "Tahap analisis isu strategis menetapkan isu utama pelayanan, menelaah koridor hukumnya, dan mengukur "
        "kesenjangan antara target dan realisasi kinerja pelayanan.",
        "b3": "Tahap analisis kebutuhan mengenali persoalan teknis dan manajemen pelayanan, menelusuri akar "
        "masalahnya, dan merumuskan solusi terpadu.",
        "b4": "Tahap ini merancang peningkatan kapasitas teknis, prosedur, kebijakan, personil, organisasi, dan "
        "keuangan, lalu menetapkan prioritas tindakan.",
        "b5": "Tahap perumusan menuangkan tindakan prioritas ke dalam Smart Logframe dan Skema Tindakan, menyusun "
        f"Citizen Charter, dan memilah kegiatan yang dapat langsung dilaksanakan {r['pdam_singkat']} dari "
        f"kegiatan yang memerlukan persetujuan {r['kepala_daerah']}.",
        "b6": "Tahap pengawalan mengintegrasikan STPP ke dalam dokumen perencanaan perusahaan dan daerah serta "
        "mengatur jadwal dan mekanisme pengawalan pelaksanaannya.",
        "b7": "Tahap akhir menyiapkan pemantauan dan evaluasi capaian indikator serta mendokumentasikan "
        "pengalaman penyusunan STPP untuk direplikasi.",
    }
