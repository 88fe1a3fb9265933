"""Topik 5.2, Citizen Charter: service standards, the maklumat and the sorting of actions."""

import datetime as _dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from assembler import messages
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    RefField,
    Rupiah,
    SiapModel,
    Teks,
    TeksOpsional,
    empty_list,
)
from assembler.models.perancangan import checks_charter
from assembler.models.tahap5.t51 import Kegiatan, SkemaTindakan
from assembler.models.tahap5.umum import MAKLUMAT_BAKU, Angka, SatuanWaktu

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

messages.register(
    {
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
    }
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
        default_factory=empty_list,
        description="Langkah prosedur; hanya bila layanan tidak mempunyai 'prosedur' Topik 4.2.",
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
        default_factory=empty_list,
    )
    perlu_persetujuan: list[Kode] = RefField(
        ("tindakan", "kegiatan"),
        "Kode tindakan atau kegiatan yang perlu mendapat persetujuan pimpinan daerah terlebih dahulu.",
        default_factory=empty_list,
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
        default_factory=empty_list,
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

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
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


