"""Tahap 5: Perumusan Skema Tindakan Peningkatan Pelayanan (topics 5.1, 5.2, 5.3).

5.1 is the Smart Logframe the later stages hang on: 6.1 inserts its kegiatan into the company plan,
6.2 schedules them, 7.1 monitors its indicators and 7.2 places its kegiatan in the Bagan Bawang.
Budget totals are never typed: :mod:`assembler.analysis.anggaran` computes them from 5.1.

Schedules use one form everywhere, the year-month ``YYYY-MM`` (``2026-03``): the guide plans by
month, and a single form keeps ``mulai <= selesai`` a plain comparison.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, get_args

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from assembler import messages
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    Loc,
    RefField,
    Rupiah,
    SiapModel,
    Tahun,
    Teks,
    TeksOpsional,
)
from assembler.models.perancangan import checks_charter, checks_juklak
from assembler.models.tahap4 import Prioritas
from assembler.scalars import TAHUN_MAX, TAHUN_MIN

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

BULAN_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def _bulan(value: Any) -> str:
    """Accept only ``YYYY-MM`` in the years a plan can have; a full date or a bare year gets its own message.

    A schedule from 0001-01 to 9999-12 would be a hundred thousand months in every timeline.
    """
    if isinstance(value, str) and re.match(BULAN_PATTERN, value.strip()):
        if not TAHUN_MIN <= int(value.strip()[:4]) <= TAHUN_MAX:
            raise PydanticCustomError("siap.bulan.rentang", "year out of range", {"min": TAHUN_MIN, "max": TAHUN_MAX})
        return value.strip()
    raise PydanticCustomError("siap.bulan", "month must be YYYY-MM", {"input": str(value)})


#: A month of a plan, ``YYYY-MM``. Strings of this shape sort chronologically.
Bulan = Annotated[str, PlainValidator(_bulan), WithJsonSchema({"type": "string", "pattern": BULAN_PATTERN})]

#: A measured quantity: whole numbers stay ``int`` so documents print "24", not "24.0".
Angka = int | float

SumberDana = Literal["APBD", "APBN/DAK", "PDAM (RKAP)", "Hibah/CSR", "Swasta (KPBU)"]
#: Display order of funding sources in budget summaries (the order of the Literal above).
SUMBER_DANA: tuple[str, ...] = get_args(SumberDana)

SatuanWaktu = Literal["menit", "jam", "hari kerja", "hari kalender", "minggu", "bulan"]

#: Roles inside the small teams of stages 6-7 (Tim Perumus, Tim Monev, Tim Penulis).
PeranTim = Literal["Ketua", "Wakil Ketua", "Sekretaris", "Penyunting", "Anggota"]

#: The PermenPANRB 15/2014 maklumat sentence, as the real samples (mk01-mk03) print it.
MAKLUMAT_BAKU = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang "
    "telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai "
    "peraturan perundang-undangan yang berlaku."
)

messages.register(
    {
        "siap.bulan.rentang": (
            "tahun pada bulan {input} harus antara {min} dan {max}",
            "the year of the month {input} must be between {min} and {max}",
        ),
        "siap.bulan": (
            "harus berupa bulan dalam bentuk 'YYYY-MM' (misalnya '2026-03'), tertulis {input}",
            "must be a month written 'YYYY-MM' (e.g. '2026-03'), found {input}",
        ),
        "5.1.jadwal_terbalik": (
            "bulan mulai {mulai} lebih akhir daripada bulan selesai {selesai}; "
            "'mulai' harus sama dengan atau sebelum 'selesai'",
            "start month {mulai} is later than end month {selesai}; 'mulai' must be on or before 'selesai'",
        ),
        "5.1.biaya_di_luar_jadwal": (
            "biaya tahun {tahun} berada di luar jadwal kegiatan ({mulai} s.d. {selesai}); "
            "tahun biaya harus di antara tahun mulai dan tahun selesai",
            "cost for year {tahun} lies outside the activity schedule ({mulai} to {selesai}); "
            "the year must be between the start and end years",
        ),
        "5.1.tindakan_tanpa_kegiatan": (
            "tindakan prioritas Topik 4.7 belum dijabarkan menjadi kegiatan: {tindakan}; "
            "setiap tindakan perlu paling sedikit satu kegiatan",
            "priority actions of topic 4.7 have no activity yet: {tindakan}; every action needs at least one activity",
        ),
        "5.2.pemilahan_ganda": (
            "'{butir}' tercantum pada 'langsung_dilaksanakan' dan 'perlu_persetujuan' sekaligus; "
            "setiap tindakan atau kegiatan hanya boleh berada pada satu kelompok",
            "'{butir}' is listed in both 'langsung_dilaksanakan' and 'perlu_persetujuan'; "
            "each action or activity belongs to one group only",
        ),
        "5.2.pemilahan_berulang": (
            "'{butir}' dicantumkan lebih dari sekali dalam daftar yang sama; cukup satu kali",
            "'{butir}' is listed more than once in the same list; once is enough",
        ),
        "5.2.pemilahan_belum_lengkap": (
            "kegiatan Topik 5.1 belum dipilah ke 'langsung_dilaksanakan' atau 'perlu_persetujuan': {kegiatan}",
            "activities of topic 5.1 are in neither 'langsung_dilaksanakan' nor 'perlu_persetujuan': {kegiatan}",
        ),
        "5.3.tanggapan_kurang": (
            "belum ada tanggapan dari {pihak}; Draft STPP ditanggapi oleh Pimpinan DPRD dan Kepala Daerah",
            "no response from {pihak} yet; the Draft STPP is answered by the DPRD leaders and the Kepala Daerah",
        ),
        "5.3.istilah_ganda": (
            "istilah '{istilah}' didefinisikan lebih dari sekali; setiap istilah cukup satu definisi",
            "term '{istilah}' is defined more than once; each term needs one definition",
        ),
        "5.3.pihak_ganda": (
            "pihak '{pihak}' tercantum lebih dari sekali dalam dokumen kerja sama yang sama",
            "party '{pihak}' appears more than once in the same cooperation document",
        ),
    }
)


# --------------------------------------------------------------------------- shared helpers


def check_jadwal(mulai: str, selesai: str, loc: Loc, code: str) -> Iterator[Finding]:
    """An inverted schedule, reported on the ``selesai`` line where the user will fix it."""
    if mulai > selesai:
        yield Finding(loc=(*loc, "selesai"), code=code, params={"mulai": mulai, "selesai": selesai})


def check_tim(rows: list[Any], loc: Loc, code_ketua: str, code_ganda: str, tim: str) -> Iterator[Finding]:
    """A team (Tim Perumus/Monev/Penulis) has exactly one Ketua and lists nobody twice.

    ``rows`` are objects with ``anggota`` and ``peran``.
    """
    ketua = sum(1 for r in rows if r.peran == "Ketua")
    if ketua != 1:
        yield Finding(loc=loc, code=code_ketua, params={"tim": tim, "jumlah": ketua})
    seen: set[str] = set()
    for i, row in enumerate(rows):
        if row.anggota in seen:
            yield Finding(loc=(*loc, i, "anggota"), code=code_ganda, params={"anggota": row.anggota, "tim": tim})
        seen.add(row.anggota)


# --------------------------------------------------------------------------- 5.1 Smart Logframe


class IndikatorLogframe(SiapModel):
    """One SMART indicator: measurable (ukuran, satuan), with a baseline, a target and a deadline."""

    id: Kode = IdField("indikator_logframe", "Kode unik indikator logframe, misalnya 'il-01'.")
    ukuran: Teks = Field(description="Apa yang diukur, misalnya 'Tingkat kehilangan air (NRW)'.")
    satuan: Teks = Field(description="Satuan ukuran, misalnya '%', 'jam/hari', 'hari kerja', 'dokumen'.")
    baseline: Angka = Field(description="Nilai awal (kondisi saat ini) sebelum kegiatan dilaksanakan.")
    target: Angka = Field(description="Nilai yang hendak dicapai pada tenggat.")
    tenggat: Bulan = Field(description="Batas waktu pencapaian target, dalam bentuk 'YYYY-MM' (misalnya '2027-12').")
    sumber_verifikasi: Teks = Field(
        description="Sumber data untuk memverifikasi capaian, misalnya 'Laporan neraca air bulanan Bagian Teknik'."
    )
    indikator: Kode | None = RefField(
        "indikator",
        "Kode indikator kesenjangan Topik 2.3 yang diukur oleh indikator ini (boleh kosong).",
        default=None,
    )


class Jadwal(SiapModel):
    mulai: Bulan = Field(description="Bulan mulai, dalam bentuk 'YYYY-MM' (misalnya '2026-03').")
    selesai: Bulan = Field(description="Bulan selesai, dalam bentuk 'YYYY-MM'; tidak boleh sebelum bulan mulai.")


class Kegiatan(SiapModel):
    """The lowest logframe level: who does what, when, at what cost, from which source."""

    id: Kode = IdField("kegiatan", "Kode unik kegiatan, misalnya 'kg-1.1'.")
    rumusan: Teks = Field(description="Uraian kegiatan, misalnya 'Pembentukan 12 zona District Meter Area (DMA)'.")
    tindakan: Kode = RefField("tindakan", "Kode tindakan prioritas Topik 4.7 yang dilaksanakan kegiatan ini.")
    indikator: list[IndikatorLogframe] = Field(
        default_factory=list, description="Indikator SMART tingkat kegiatan (boleh kosong)."
    )
    asumsi: list[Teks] = Field(
        default_factory=list, description="Asumsi atau prasyarat agar kegiatan terlaksana (boleh kosong)."
    )
    jadwal: Jadwal = Field(description="Jadwal pelaksanaan kegiatan (bulan mulai dan bulan selesai).")
    pelaksana: Teks = Field(
        description="Organisasi pelaksana, misalnya 'Bagian Teknik Perumda Air Minum Tirta Lestari'."
    )
    penanggung_jawab: Kode = RefField(
        ("anggota", "unit"),
        "Penanggung jawab kegiatan: kode anggota Pokja (Topik 1.1) atau kode unit organisasi (Topik 4.5).",
    )
    biaya_per_tahun: dict[Tahun, Rupiah] = Field(
        min_length=1,
        description=(
            "Perkiraan biaya dalam Rupiah per tahun anggaran, misalnya '2026: 750000000'. "
            "Tulis angka tanpa titik pemisah ribuan (boleh memakai garis bawah: 750_000_000). "
            "Kegiatan satu tahun cukup satu baris."
        ),
    )
    sumber_dana: SumberDana = Field(
        description="Sumber dana: 'APBD', 'APBN/DAK', 'PDAM (RKAP)', 'Hibah/CSR' atau 'Swasta (KPBU)'."
    )

    @property
    def biaya(self) -> int:
        """Total cost over all years (derived, never typed)."""
        return sum(self.biaya_per_tahun.values())


class Keluaran(SiapModel):
    id: Kode = IdField("keluaran", "Kode unik keluaran (output), misalnya 'kl-1'.")
    rumusan: Teks = Field(description="Rumusan keluaran, misalnya 'Kehilangan air di zona pelayanan terkendali'.")
    indikator: list[IndikatorLogframe] = Field(min_length=1, description="Indikator SMART keluaran.")
    asumsi: list[Teks] = Field(default_factory=list, description="Asumsi pada tingkat keluaran (boleh kosong).")
    kegiatan: list[Kegiatan] = Field(min_length=1, description="Kegiatan yang menghasilkan keluaran ini.")


class Sasaran(SiapModel):
    id: Kode = IdField("sasaran", "Kode unik sasaran, misalnya 'ss-1'.")
    rumusan: Teks = Field(description="Rumusan sasaran (hasil/outcome) yang hendak dicapai.")
    indikator: list[IndikatorLogframe] = Field(min_length=1, description="Indikator SMART sasaran.")
    asumsi: list[Teks] = Field(default_factory=list, description="Asumsi pada tingkat sasaran (boleh kosong).")
    keluaran: list[Keluaran] = Field(min_length=1, description="Keluaran (output) yang mendukung sasaran ini.")


class Tujuan(SiapModel):
    id: Kode = IdField("tujuan", "Kode unik tujuan, misalnya 'tj-1'.")
    rumusan: Teks = Field(description="Rumusan tujuan (goal) Skema Tindakan Peningkatan Pelayanan.")
    indikator: list[IndikatorLogframe] = Field(min_length=1, description="Indikator SMART tujuan.")
    asumsi: list[Teks] = Field(default_factory=list, description="Asumsi pada tingkat tujuan (boleh kosong).")
    sasaran: list[Sasaran] = Field(min_length=1, description="Sasaran yang dijabarkan dari tujuan.")


class SkemaTindakan(SiapModel):
    """Isi berkas ``5.1-skema-tindakan.yaml``: Tabel Smart Logframe Skema Tindakan."""

    TOPIK_ID: ClassVar[str] = "5.1"

    tujuan: Tujuan = Field(
        description="Hierarki Smart Logframe: tujuan → sasaran → keluaran → kegiatan, masing-masing dengan indikator."
    )
    catatan: TeksOpsional = Field(default="", description="Catatan hasil diskusi kelompok (boleh kosong).")

    def iter_keluaran(self) -> Iterator[tuple[Loc, Keluaran]]:
        for i, ss in enumerate(self.tujuan.sasaran):
            for j, kl in enumerate(ss.keluaran):
                yield ("tujuan", "sasaran", i, "keluaran", j), kl

    def iter_kegiatan(self) -> Iterator[tuple[Loc, Keluaran, Kegiatan]]:
        """Every kegiatan with its location and its keluaran, in logframe order."""
        for loc, kl in self.iter_keluaran():
            for k, kg in enumerate(kl.kegiatan):
                yield (*loc, "kegiatan", k), kl, kg

    def iter_indikator(self) -> Iterator[IndikatorLogframe]:
        """Every logframe indicator, top-down (tujuan, then each sasaran, keluaran, kegiatan)."""
        yield from self.tujuan.indikator
        for ss in self.tujuan.sasaran:
            yield from ss.indikator
            for kl in ss.keluaran:
                yield from kl.indikator
                for kg in kl.kegiatan:
                    yield from kg.indikator

    def kegiatan_by_id(self) -> dict[str, Kegiatan]:
        return {kg.id: kg for _loc, _kl, kg in self.iter_kegiatan()}

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        for loc, _kl, kg in self.iter_kegiatan():
            jloc = (*loc, "jadwal")
            yield from check_jadwal(kg.jadwal.mulai, kg.jadwal.selesai, jloc, "5.1.jadwal_terbalik")
            first, last = int(kg.jadwal.mulai[:4]), int(kg.jadwal.selesai[:4])
            for tahun in kg.biaya_per_tahun:
                if not first <= tahun <= last:
                    yield Finding(
                        loc=(*loc, "biaya_per_tahun", tahun),
                        code="5.1.biaya_di_luar_jadwal",
                        params={"tahun": tahun, "mulai": kg.jadwal.mulai, "selesai": kg.jadwal.selesai},
                    )
        prioritas = ws.get(Prioritas)
        if prioritas is not None:
            used = {kg.tindakan for _loc, _kl, kg in self.iter_kegiatan()}
            missing = [t.id for t in prioritas.tindakan if t.id not in used]
            if missing:
                yield Finding(
                    loc=("tujuan",),
                    code="5.1.tindakan_tanpa_kegiatan",
                    params={"tindakan": missing},
                    severity="warning",
                )


# --------------------------------------------------------------------------- 5.2 Citizen Charter


class Durasi(SiapModel):
    """A measurable time: a number and a unit, so a promise can be checked afterwards."""

    nilai: Angka = Field(gt=0, description="Besaran waktu (angka lebih dari nol), misalnya 5.")
    satuan: SatuanWaktu = Field(
        description="Satuan waktu: 'menit', 'jam', 'hari kerja', 'hari kalender', 'minggu' atau 'bulan'."
    )


class BiayaTarif(SiapModel):
    uraian: Teks = Field(description="Uraian komponen biaya, misalnya 'Sambungan rumah pipa dinas ½ inci'.")
    jumlah: Rupiah = Field(description="Besaran biaya dalam Rupiah; 0 berarti tidak dipungut biaya.")
    keterangan: TeksOpsional = Field(default="", description="Keterangan tambahan (boleh kosong).")


class JumlahPelaksana(SiapModel):
    jabatan: Teks = Field(description="Jabatan atau fungsi pelaksana, misalnya 'Petugas loket pelayanan'.")
    jumlah: int = Field(ge=1, description="Jumlah orang pelaksana pada jabatan ini.")


class StandarPelayanan(SiapModel):
    """One service's standard with every component of UU 25/2009 Pasal 21 (no component can be skipped)."""

    id: Kode = IdField("layanan", "Kode unik jenis layanan, misalnya 'ly-sambungan-baru'.")
    nama_layanan: Teks = Field(description="Nama jenis layanan, misalnya 'Pemasangan Sambungan Baru'.")
    dasar_hukum: list[Teks] = Field(min_length=1, description="Dasar hukum penyelenggaraan layanan.")
    persyaratan: list[Teks] = Field(min_length=1, description="Persyaratan yang harus dipenuhi pemohon.")
    prosedur: Kode | None = RefField(
        "prosedur", "Kode prosedur perbaikan Topik 4.2 (misalnya 'pr-sambungan-baru'); langkahnya diambil dari sana.",
        default=None,
    )
    sistem_mekanisme_prosedur: list[Teks] = Field(
        default_factory=list, description="Langkah prosedur; hanya bila layanan tidak mempunyai 'prosedur' Topik 4.2."
    )
    jangka_waktu: Durasi = Field(description="Jangka waktu penyelesaian layanan (angka dan satuan).")
    biaya_tarif: list[BiayaTarif] = Field(min_length=1, description="Biaya/tarif layanan beserta rinciannya.")
    produk_pelayanan: list[Teks] = Field(min_length=1, description="Produk (hasil) pelayanan yang diterima pelanggan.")
    sarana_prasarana: list[Teks] = Field(min_length=1, description="Sarana, prasarana dan/atau fasilitas pelayanan.")
    kompetensi_pelaksana: list[Teks] = Field(min_length=1, description="Kompetensi yang wajib dimiliki pelaksana.")
    pengawasan_internal: list[Teks] = Field(min_length=1, description="Pengawasan internal atas pelayanan.")
    penanganan_pengaduan: list[Teks] = Field(
        min_length=1, description="Penanganan pengaduan, saran dan masukan untuk layanan ini."
    )
    jumlah_pelaksana: list[JumlahPelaksana] = Field(min_length=1, description="Jumlah pelaksana per jabatan.")
    jaminan_pelayanan: Teks = Field(description="Jaminan pelayanan yang memberikan kepastian layanan sesuai standar.")
    jaminan_keamanan_keselamatan: Teks = Field(
        description="Jaminan keamanan dan keselamatan pelayanan (rasa aman, bebas bahaya dan risiko)."
    )
    evaluasi_kinerja_pelaksana: Teks = Field(
        description="Cara dan frekuensi evaluasi kinerja pelaksana terhadap standar pelayanan."
    )


class JanjiLayanan(SiapModel):
    layanan: Kode | None = RefField(
        "layanan", "Kode jenis layanan yang dijanjikan (boleh kosong bila janji umum).", default=None
    )
    uraian: Teks = Field(description="Isi janji layanan, misalnya 'Gangguan aliran air ditangani paling lama'.")
    waktu: Durasi = Field(description="Batas waktu yang dijanjikan; harus terukur (angka dan satuan).")


class KanalPengaduan(SiapModel):
    kanal: Teks = Field(description="Nama saluran pengaduan, misalnya 'Telepon', 'WhatsApp', 'SP4N-LAPOR!'.")
    alamat: Teks = Field(description="Alamat, nomor telepon, alamat surel atau tautan saluran tersebut.")
    jam_layanan: Teks = Field(description="Jam layanan, misalnya 'Senin–Jumat 07.30–15.30 WIB' atau '24 jam'.")


PihakPenandaTangan = Literal["PDAM", "Pemerintah Daerah", "DPRD", "Forum Pelanggan", "Masyarakat/LSM"]


class PenandaTangan(SiapModel):
    nama: Teks = Field(description="Nama lengkap penanda tangan.")
    jabatan: Teks = Field(description="Jabatan penanda tangan, misalnya 'Direktur Utama'.")
    nip: TeksOpsional = Field(default="", description="NIP bila penanda tangan ASN (boleh kosong).")
    pihak: PihakPenandaTangan = Field(
        description="Pihak yang diwakili: 'PDAM', 'Pemerintah Daerah', 'DPRD', 'Forum Pelanggan' atau 'Masyarakat/LSM'."
    )


class SanksiKompensasi(SiapModel):
    berlaku_bagi: Literal["PDAM", "Pelanggan"] = Field(
        description=(
            "'PDAM' untuk kompensasi bila PDAM ingkar janji; 'Pelanggan' untuk sanksi atas pelanggaran pelanggan."
        )
    )
    keadaan: Teks = Field(description="Keadaan atau pelanggaran yang menimbulkan sanksi/kompensasi.")
    bentuk: Teks = Field(
        description="Bentuk sanksi atau kompensasi, misalnya 'potongan rekening 10% bulan berikutnya'."
    )
    batas: TeksOpsional = Field(
        default="",
        description="Batas kompensasi PDAM, misalnya 'paling banyak 50% dari biaya pemasangan' (kosong untuk "
        "sanksi pelanggan).",
    )


class Maklumat(SiapModel):
    teks: Teks = Field(
        default=MAKLUMAT_BAKU,
        description="Kalimat Maklumat Pelayanan; bila tidak diisi dipakai rumusan baku PermenPANRB 15/2014.",
    )
    tempat: TeksOpsional = Field(default="", description="Tempat penetapan maklumat (boleh kosong).")
    tanggal: _dt.date | None = Field(default=None, description="Tanggal penetapan maklumat (boleh kosong).")


class Pemilahan(SiapModel):
    """The guide's split: what PDAM can do now versus what waits for the Kepala Daerah."""

    langsung_dilaksanakan: list[Kode] = RefField(
        ("tindakan", "kegiatan"),
        "Kode tindakan (4.7) atau kegiatan (5.1) yang dapat langsung dilaksanakan PDAM.",
        default_factory=list,
    )
    perlu_persetujuan: list[Kode] = RefField(
        ("tindakan", "kegiatan"),
        "Kode tindakan atau kegiatan yang perlu mendapat persetujuan pimpinan daerah terlebih dahulu.",
        default_factory=list,
    )


class CitizenCharter(SiapModel):
    """Isi berkas ``5.2-citizen-charter.yaml``: Citizen Charter dan pemilahan skema tindakan."""

    TOPIK_ID: ClassVar[str] = "5.2"

    maklumat: Maklumat = Field(default_factory=Maklumat, description="Maklumat Pelayanan PDAM.")
    standar_ditetapkan: _dt.date | None = Field(
        default=None,
        description="Tanggal Keputusan Direksi yang menetapkan Standar Pelayanan (kosong bila belum ditetapkan); "
        "Maklumat Pelayanan tidak boleh bertanggal sebelumnya.",
    )
    standar_pelayanan: list[StandarPelayanan] = Field(
        min_length=1, description="Standar pelayanan per jenis layanan (komponen Pasal 21 UU 25/2009)."
    )
    janji_layanan: list[JanjiLayanan] = Field(
        min_length=1, description="Janji layanan kepada pelanggan, masing-masing dengan batas waktu terukur."
    )
    kanal_pengaduan: list[KanalPengaduan] = Field(min_length=1, description="Saluran pengaduan pelanggan.")
    hak_pelanggan: list[Teks] = Field(min_length=1, description="Hak pelanggan.")
    kewajiban_pelanggan: list[Teks] = Field(min_length=1, description="Kewajiban pelanggan.")
    sanksi_kompensasi: list[SanksiKompensasi] = Field(
        default_factory=list,
        description="Sanksi bagi pelanggan dan kompensasi bila PDAM tidak menepati janji.",
    )
    penanda_tangan: list[PenandaTangan] = Field(
        min_length=1,
        description="Pihak yang menandatangani Citizen Charter, sesuai urutan di lembar tanda tangan.",
    )
    pemilahan: Pemilahan = Field(
        default_factory=Pemilahan,
        description="Pemilahan skema tindakan: langsung dilaksanakan PDAM atau perlu persetujuan pimpinan daerah.",
    )
    analisis_finansial: TeksOpsional = Field(
        default="",
        description="Ringkasan analisis finansial skema tindakan (kelayakan, dampak pada tarif/kas).",
    )
    narasi_stpp: TeksOpsional = Field(default="", description="Draft narasi STPP yang disempurnakan (boleh kosong).")

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        langsung = self.pemilahan.langsung_dilaksanakan
        perlu = self.pemilahan.perlu_persetujuan
        for name, items in (("langsung_dilaksanakan", langsung), ("perlu_persetujuan", perlu)):
            seen: set[str] = set()
            for i, butir in enumerate(items):
                if butir in seen:
                    yield Finding(("pemilahan", name, i), "5.2.pemilahan_berulang", {"butir": butir})
                seen.add(butir)
        for i, butir in enumerate(perlu):
            if butir in langsung:
                yield Finding(("pemilahan", "perlu_persetujuan", i), "5.2.pemilahan_ganda", {"butir": butir})
        yield from checks_charter(self, ws)
        skema = ws.get(SkemaTindakan)
        if skema is not None and (langsung or perlu):
            sorted_ = set(langsung) | set(perlu)
            missing = [
                kg.id for _l, _k, kg in skema.iter_kegiatan() if kg.id not in sorted_ and kg.tindakan not in sorted_
            ]
            if missing:
                yield Finding(("pemilahan",), "5.2.pemilahan_belum_lengkap", {"kegiatan": missing}, "warning")

    def kelompok(self, kegiatan: Kegiatan) -> str | None:
        """'langsung_dilaksanakan', 'perlu_persetujuan' or None for a 5.1 kegiatan (its id or its tindakan)."""
        # The kegiatan's own id wins over its tindakan: a kegiatan may be split out of its action's group.
        for key in (kegiatan.id, kegiatan.tindakan):
            if key in self.pemilahan.langsung_dilaksanakan:
                return "langsung_dilaksanakan"
            if key in self.pemilahan.perlu_persetujuan:
                return "perlu_persetujuan"
        return None


# --------------------------------------------------------------------------- 5.3 Kesepakatan

UnsurPeserta = Literal["DPRD", "Pemerintah Daerah", "Bappeda", "SKPD", "PDAM", "Masyarakat", "Fasilitator"]


class Orang(SiapModel):
    nama: Teks = Field(description="Nama lengkap.")
    jabatan: Teks = Field(description="Jabatan.")


class PesertaRapat(SiapModel):
    nama: Teks = Field(description="Nama peserta yang hadir.")
    jabatan: Teks = Field(description="Jabatan peserta.")
    unsur: UnsurPeserta = Field(
        description="Unsur: 'DPRD', 'Pemerintah Daerah', 'Bappeda', 'SKPD', 'PDAM', 'Masyarakat' atau 'Fasilitator'."
    )


class Rapat(SiapModel):
    tanggal: _dt.date = Field(description="Tanggal rapat penyepakatan yang terlaksana (rencana: Topik 1.2).")
    waktu: TeksOpsional = Field(default="", description="Jam rapat, misalnya '09.00–12.00 WIB' (boleh kosong).")
    tempat: Teks = Field(description="Tempat rapat yang terlaksana (rencananya di Kalender Kerja, Topik 1.2).")
    pimpinan_rapat: Orang = Field(description="Pimpinan rapat.")
    peserta: list[PesertaRapat] = Field(min_length=1, description="Peserta yang hadir.")


class Tanggapan(SiapModel):
    pihak: Literal["Pimpinan DPRD", "Kepala Daerah", "Bappeda", "SKPD Mitra Utama", "Lainnya"] = Field(
        description=(
            "Pihak yang menanggapi: 'Pimpinan DPRD', 'Kepala Daerah', 'Bappeda', 'SKPD Mitra Utama' atau 'Lainnya'."
        )
    )
    nama: Teks = Field(description="Nama yang menyampaikan tanggapan.")
    jabatan: Teks = Field(description="Jabatan yang menyampaikan tanggapan.")
    pokok_tanggapan: list[Teks] = Field(min_length=1, description="Pokok-pokok tanggapan terhadap Draft STPP.")
    tindak_lanjut: list[Teks] = Field(default_factory=list, description="Tindak lanjut atas tanggapan (boleh kosong).")


class Istilah(SiapModel):
    istilah: Teks = Field(description="Istilah yang didefinisikan, misalnya 'District Meter Area'.")
    definisi: Teks = Field(description="Definisi istilah.")


class BagianKetentuan(SiapModel):
    judul: Teks = Field(description="Judul bagian ketentuan pelaksanaan, misalnya 'Zonasi DMA'.")
    ketentuan: list[Teks] = Field(min_length=1, description="Butir-butir ketentuan pada bagian ini.")


class Perbaikan(SiapModel):
    """A change agreed at the 5.3 meeting, with the wording that goes into the regulation."""

    uraian: Teks = Field(description="Perbaikan yang disepakati, misalnya 'Ditambahkan skema keringanan tarif'.")
    bagian: Teks = Field(
        description="Bagian yang diperbaiki: judul salah satu ketentuan_pelaksanaan, 'Pembiayaan' atau "
        "'Pemantauan'."
    )
    ketentuan: list[Teks] = Field(min_length=1, description="Bunyi ketentuan baru yang ditambahkan pada bagian itu.")


StatusKesepakatan = Literal["disepakati", "disepakati dengan perbaikan", "belum disepakati"]


class JuklakJuknis(SiapModel):
    """Content of the Juklak/Juknis beyond what 5.1 (kegiatan) and 6.2 (jadwal, pengawalan) supply."""

    judul: Teks = Field(description="Judul Juklak/Juknis, misalnya 'Petunjuk Pelaksanaan STPP PDAM'.")
    disahkan_oleh: Literal["Kepala Daerah", "Direksi PDAM"] = Field(
        default="Kepala Daerah", description="Pejabat yang mengesahkan: 'Kepala Daerah' atau 'Direksi PDAM'."
    )
    maksud: Teks = Field(description="Maksud penyusunan Juklak/Juknis.")
    tujuan: list[Teks] = Field(min_length=1, description="Tujuan Juklak/Juknis.")
    sasaran: list[Teks] = Field(min_length=1, description="Sasaran Juklak/Juknis.")
    ruang_lingkup: list[Teks] = Field(min_length=1, description="Ruang lingkup pengaturan.")
    pengertian: list[Istilah] = Field(default_factory=list, description="Ketentuan umum: istilah dan definisinya.")
    ketentuan_pelaksanaan: list[BagianKetentuan] = Field(
        min_length=1, description="Ketentuan pelaksanaan, dikelompokkan per bagian (menjadi bab-bab isi)."
    )
    pembiayaan: list[Teks] = Field(min_length=1, description="Ketentuan pembiayaan pelaksanaan STPP.")
    pemantauan: list[Teks] = Field(min_length=1, description="Ketentuan pemantauan, evaluasi dan pelaporan.")
    penutup: Teks = Field(
        default=(
            "Petunjuk pelaksanaan ini menjadi pedoman bagi seluruh pihak yang melaksanakan, mengawal, dan "
            "memantau STPP."
        ),
        description="Ketentuan penutup.",
    )
    status: StatusKesepakatan = Field(
        description="Hasil rapat atas draft ini: 'disepakati', 'disepakati dengan perbaikan' atau 'belum disepakati'."
    )
    catatan_perbaikan: list[Teks] = Field(default_factory=list, description="Perbaikan yang disepakati (boleh kosong).")
    perbaikan: list[Perbaikan] = Field(
        default_factory=list,
        description="Perbaikan yang disepakati beserta bunyi ketentuannya; dimuat ke dalam Peraturan (boleh kosong).",
    )


class PihakKerjaSama(SiapModel):
    stakeholder: Kode = RefField("stakeholder", "Kode stakeholder (Topik 1.1) yang menjadi pihak kerja sama.")
    hak: list[Teks] = Field(min_length=1, description="Hak pihak ini.")
    kewajiban: list[Teks] = Field(min_length=1, description="Kewajiban pihak ini.")


class KerjaSama(SiapModel):
    id: Kode = IdField("kerja_sama", "Kode unik dokumen kerja sama, misalnya 'ks-01'.")
    judul: Teks = Field(description="Judul dokumen kerja sama antar-SKPD/instansi.")
    para_pihak: list[PihakKerjaSama] = Field(min_length=2, description="Para pihak beserta hak dan kewajibannya.")
    ruang_lingkup: list[Teks] = Field(min_length=1, description="Ruang lingkup kerja sama.")
    jangka_waktu_tahun: int = Field(ge=1, le=30, description="Jangka waktu kerja sama dalam tahun.")
    status: StatusKesepakatan = Field(
        description="Hasil rapat atas draft ini: 'disepakati', 'disepakati dengan perbaikan' atau 'belum disepakati'."
    )
    catatan_perbaikan: list[Teks] = Field(default_factory=list, description="Perbaikan yang disepakati (boleh kosong).")


TopikDraft = Literal[
    "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "5.1", "5.2"
]


class PerubahanStpp(SiapModel):
    """A change to the Rancangan STPP agreed at the 5.3 meeting: the agreed STPP prints it in that topic."""

    topik: TopikDraft = Field(description="Topik (bagian Rancangan STPP) yang diubah, misalnya '4.6'.")
    uraian: Teks = Field(description="Perubahan yang disepakati, misalnya 'Usulan penyesuaian tarif didahului "
                         "konsultasi publik'.")
    bunyi: list[Teks] = Field(
        default_factory=list, description="Bunyi baru yang dimuat dalam STPP pada bagian itu (boleh kosong)."
    )


class Kesepakatan(SiapModel):
    """Isi berkas ``5.3-kesepakatan.yaml``: Berita Acara Kesepakatan Draft STPP."""

    TOPIK_ID: ClassVar[str] = "5.3"

    rapat: Rapat = Field(description="Rapat penyepakatan Draft STPP bersama DPRD dan Kepala Daerah.")
    tanggapan: list[Tanggapan] = Field(min_length=1, description="Tanggapan Pimpinan DPRD, Kepala Daerah dan lainnya.")
    kesepakatan: list[Teks] = Field(min_length=1, description="Butir-butir kesepakatan atas Draft STPP.")
    juklak_juknis: JuklakJuknis = Field(description="Isi Juklak/Juknis pelaksanaan STPP yang disepakati.")
    kerja_sama: list[KerjaSama] = Field(default_factory=list, description="Dokumen kerja sama antar-SKPD/instansi.")
    perubahan_stpp: list[PerubahanStpp] = Field(
        default_factory=list,
        description="Perubahan atas Rancangan STPP yang disepakati; dimuat dalam STPP yang disepakati (boleh kosong).",
    )
    penanda_tangan: list[PenandaTangan] = Field(
        min_length=1,
        description="Penanda tangan Berita Acara Kesepakatan, sesuai urutan di lembar tanda tangan.",
    )

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        pihak = {t.pihak for t in self.tanggapan}
        missing = [p for p in ("Pimpinan DPRD", "Kepala Daerah") if p not in pihak]
        if missing:
            yield Finding(("tanggapan",), "5.3.tanggapan_kurang", {"pihak": missing}, "warning")
        seen: set[str] = set()
        for i, ist in enumerate(self.juklak_juknis.pengertian):
            key = ist.istilah.casefold()
            if key in seen:
                yield Finding(
                    ("juklak_juknis", "pengertian", i, "istilah"),
                    "5.3.istilah_ganda",
                    {"istilah": ist.istilah},
                )
            seen.add(key)
        yield from checks_juklak(self)
        for i, ks in enumerate(self.kerja_sama):
            pihak_seen: set[str] = set()
            for j, ph in enumerate(ks.para_pihak):
                if ph.stakeholder in pihak_seen:
                    yield Finding(
                        ("kerja_sama", i, "para_pihak", j, "stakeholder"),
                        "5.3.pihak_ganda",
                        {"pihak": ph.stakeholder},
                    )
                pihak_seen.add(ph.stakeholder)
