"""Reference data shipped with siap (``assembler/content/*.yaml``), validated once and cached.

Facts that are the same for every district (the regulation catalogue, the default legal bases and
wording of the Pokja SK, the guide's checklists and meeting facts) live as YAML so a maintainer can
correct a Lembaran Negara number or a sentence without touching code; the models here make a typo
in those files fail at load time (and in the test suite) instead of in a printed decree.
"""

import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assembler import interrupts
from assembler.resources import CONTENT_DIR  # package data, found through importlib.resources

# Annotations are evaluated as each class is made, not postponed as text: see assembler/models/base.py.
# --- common ----------------------------------------------------------------------------------------


class ContentModel(BaseModel):
    """Shipped data is strict (unknown keys are typos) and immutable (it is shared through a cache)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Butir(ContentModel):
    """A named item of a fixed list (a process, a criterion, an aspect): display name and explanation."""

    nama: str = Field(min_length=1, description="Nama tampilan dalam bahasa Indonesia.")
    penjelasan: str = Field(min_length=1, description="Penjelasan satu kalimat.")


def _exact_keys(found: dict[str, Any], expected: tuple[str, ...], what: str) -> None:
    """Keys are fixed by the models that reference them: a missing or extra one is a bug."""
    if tuple(found) != expected:
        raise ValueError(f"{what}: kunci harus {list(expected)} (berurutan), ditemukan {list(found)}")


# --- regulations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class JenisRegulasi:
    """A kind of legal instrument: its name for citations and its rank in the hierarchy."""

    nama: str
    tingkat: int
    #: Regional instruments take the region's name after ``nama`` ("Peraturan Daerah Kabupaten X").
    daerah: bool = False
    #: Head-of-region instruments name the office and the region ("Peraturan Bupati Lembah Sari").
    kepala_daerah: bool = False


#: Hierarchy ranks follow UU 12/2011 Pasal 7-8 as written in Mengingat lists (format-sk rule 10):
#: UUD, UU, Perppu, PP, Perpres, ministerial regulations and decisions, Perda, head-of-region acts.
JENIS: dict[str, JenisRegulasi] = {
    "UUD": JenisRegulasi("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", 1),
    "UU": JenisRegulasi("Undang-Undang", 2),
    "Perppu": JenisRegulasi("Peraturan Pemerintah Pengganti Undang-Undang", 3),
    "PP": JenisRegulasi("Peraturan Pemerintah", 4),
    "Perpres": JenisRegulasi("Peraturan Presiden", 5),
    "Permendagri": JenisRegulasi("Peraturan Menteri Dalam Negeri", 6),
    "Permen PU": JenisRegulasi("Peraturan Menteri Pekerjaan Umum", 6),
    "Permen PUPR": JenisRegulasi("Peraturan Menteri Pekerjaan Umum dan Perumahan Rakyat", 6),
    "PermenPAN-RB": JenisRegulasi(
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", 6
    ),
    "Permenkes": JenisRegulasi("Peraturan Menteri Kesehatan", 6),
    "Permen LH": JenisRegulasi("Peraturan Menteri Negara Lingkungan Hidup", 6),
    "Kepmendagri": JenisRegulasi("Keputusan Menteri Dalam Negeri", 6),
    "Kep MenPAN": JenisRegulasi("Keputusan Menteri Pendayagunaan Aparatur Negara", 6),
    "Kepmenkes": JenisRegulasi("Keputusan Menteri Kesehatan", 6),
    "Kepmen LH": JenisRegulasi("Keputusan Menteri Negara Lingkungan Hidup", 6),
    "Perda": JenisRegulasi("Peraturan Daerah", 7, daerah=True),
    "Perkada": JenisRegulasi("Peraturan", 8, kepala_daerah=True),
    "Kepkada": JenisRegulasi("Keputusan", 9, kepala_daerah=True),
}

JenisKode = Literal[
    "UUD", "UU", "Perppu", "PP", "Perpres", "Permendagri", "Permen PU", "Permen PUPR", "PermenPAN-RB",
    "Permenkes", "Permen LH", "Kepmendagri", "Kep MenPAN", "Kepmenkes", "Kepmen LH", "Perda", "Perkada",
    "Kepkada",
]
StatusRegulasi = Literal["berlaku", "diubah", "dicabut", "diganti", "tidak_berlaku", "tidak_diketahui"]
Keyakinan = Literal["C", "S", "U"]

_ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


class Pengganti(ContentModel):
    """What replaced a regulation: its catalogue id when catalogued, and always a text naming it."""

    id: str | None = Field(default=None, description="Kode peraturan pengganti bila ada dalam katalog.")
    teks: str = Field(min_length=1, description="Sebutan peraturan pengganti untuk pesan peringatan.")


class Regulasi(ContentModel):
    """One legal instrument, with only the publication numbers a source confirms."""

    id: str = Field(description="Kode unik, misalnya 'uu-23-2014'.")
    jenis: JenisKode = Field(description="Kode jenis peraturan; nama lengkap dan tingkat ada pada JENIS.")
    nomor: str | None = Field(
        default=None, description="Nomor sebagaimana tertulis ('23', '18/PRT/M/2007'); kosong untuk UUD."
    )
    tahun: int = Field(ge=1900, le=2100, description="Tahun penetapan.")
    tentang: str | None = Field(default=None, description="Judul (tanpa kata 'tentang'); kosong untuk UUD.")
    pasal: str | None = Field(
        default=None, description="Pasal yang dirujuk secara khusus, misalnya 'Pasal 18 ayat (6)'."
    )
    daerah: str | None = Field(
        default=None,
        description="Untuk Perda/Perkada: nama lengkap daerah, misalnya 'Kabupaten Lembah Sari'.",
    )
    kepala_daerah: Literal["Bupati", "Walikota", "Gubernur"] | None = Field(
        default=None, description="Untuk Perkada/Kepkada: jabatan kepala daerah yang menetapkan."
    )
    ln_tahun: int | None = Field(default=None, description="Tahun Lembaran Negara (null bila belum pasti).")
    ln_nomor: str | None = Field(default=None, description="Nomor Lembaran Negara (null bila belum pasti).")
    tln_nomor: str | None = Field(
        default=None, description="Nomor Tambahan Lembaran Negara (null bila belum pasti)."
    )
    bn_tahun: int | None = Field(default=None, description="Tahun Berita Negara (null bila belum pasti).")
    bn_nomor: str | None = Field(default=None, description="Nomor Berita Negara (null bila belum pasti).")
    ld_tahun: int | None = Field(default=None, description="Tahun Lembaran Daerah.")
    ld_nomor: str | None = Field(default=None, description="Nomor Lembaran Daerah.")
    tld_nomor: str | None = Field(default=None, description="Nomor Tambahan Lembaran Daerah.")
    bd_tahun: int | None = Field(default=None, description="Tahun Berita Daerah.")
    bd_nomor: str | None = Field(default=None, description="Nomor Berita Daerah.")
    status: StatusRegulasi = Field(description="Status berlakunya peraturan.")
    dicabut_oleh: Pengganti | None = Field(default=None, description="Peraturan yang mencabutnya.")
    diganti_oleh: Pengganti | None = Field(default=None, description="Peraturan yang menggantikannya.")
    diubah_dengan: list[str] = Field(
        default=[], description="Kode peraturan pengubah dalam katalog, urut dari yang pertama."
    )
    keyakinan: Keyakinan = Field(description="Keyakinan atas status: C (naskah sendiri), S (sekunder), U.")
    sumber: str = Field(min_length=1, description="Sumber keterangan status.")
    catatan: str = Field(default="", description="Catatan tambahan bagi perancang.")

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"kode regulasi '{value}' harus huruf kecil, angka, titik atau tanda hubung")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        jenis = JENIS[self.jenis]
        if self.jenis != "UUD" and (not self.nomor or not self.tentang):
            raise ValueError(f"{self.id}: nomor dan tentang wajib diisi kecuali untuk UUD")
        if jenis.daerah or jenis.kepala_daerah:
            if not self.daerah:
                raise ValueError(f"{self.id}: peraturan daerah memerlukan 'daerah'")
            if jenis.kepala_daerah and not self.kepala_daerah:
                raise ValueError(f"{self.id}: peraturan/keputusan kepala daerah memerlukan 'kepala_daerah'")
        for tahun, nomor, nama in (
            (self.ln_tahun, self.ln_nomor, "ln"),
            (self.bn_tahun, self.bn_nomor, "bn"),
            (self.ld_tahun, self.ld_nomor, "ld"),
            (self.bd_tahun, self.bd_nomor, "bd"),
        ):
            if (tahun is None) != (nomor is None):
                raise ValueError(
                    f"{self.id}: {nama}_tahun dan {nama}_nomor diisi berdua atau tidak sama sekali"
                )
        if self.status == "diubah" and not self.diubah_dengan:
            raise ValueError(f"{self.id}: status 'diubah' memerlukan diubah_dengan")
        if self.status == "berlaku" and self.diubah_dengan:
            raise ValueError(f"{self.id}: peraturan yang telah diubah berstatus 'diubah', bukan 'berlaku'")
        if self.status == "dicabut" and self.dicabut_oleh is None:
            raise ValueError(f"{self.id}: status 'dicabut' memerlukan dicabut_oleh")
        if self.status in ("diganti", "tidak_berlaku") and self.diganti_oleh is None:
            raise ValueError(f"{self.id}: status '{self.status}' memerlukan diganti_oleh")
        if self.status == "tidak_diketahui" and self.keyakinan != "U":
            raise ValueError(f"{self.id}: status yang tidak diketahui hanya dapat berkeyakinan U")
        return self

    @property
    def tingkat(self) -> int:
        """Rank in the hierarchy of legal instruments (1 = UUD)."""
        return JENIS[self.jenis].tingkat

    @property
    def nama_jenis(self) -> str:
        """The kind as cited: 'Peraturan Menteri Dalam Negeri', 'Peraturan Bupati Lembah Sari'."""
        jenis = JENIS[self.jenis]
        if jenis.kepala_daerah:
            nama_daerah = (self.daerah or "").removeprefix("Kabupaten ").removeprefix("Kota ")
            nama_daerah = nama_daerah.removeprefix("Provinsi ")
            return f"{jenis.nama} {self.kepala_daerah} {nama_daerah}"
        if jenis.daerah:
            return f"{jenis.nama} {self.daerah}"
        return jenis.nama

    @property
    def pengganti(self) -> Pengganti | None:
        return self.dicabut_oleh or self.diganti_oleh

    @property
    def tidak_berlaku_lagi(self) -> bool:
        """True when the regulation must not be cited as a current legal basis."""
        return self.status in ("dicabut", "diganti", "tidak_berlaku")


class KatalogRegulasi(ContentModel):
    """``content/regulasi.yaml``: every regulation the workspace may refer to by id."""

    regulasi: list[Regulasi] = Field(description="Daftar peraturan.")

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        ids = [r.id for r in self.regulasi]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"kode regulasi ganda: {dupes}")
        known = set(ids)
        for r in self.regulasi:
            for ref in r.diubah_dengan:
                if ref not in known:
                    raise ValueError(f"{r.id}: diubah_dengan '{ref}' tidak ada dalam katalog")
            p = r.pengganti
            if p is not None and p.id is not None and p.id not in known:
                raise ValueError(f"{r.id}: pengganti '{p.id}' tidak ada dalam katalog")
        return self

    def __getitem__(self, reg_id: str) -> Regulasi:
        for r in self.regulasi:
            if r.id == reg_id:
                return r
        raise KeyError(reg_id)

    def __contains__(self, reg_id: object) -> bool:
        return any(r.id == reg_id for r in self.regulasi)

    def get(self, reg_id: str) -> Regulasi | None:
        return next((r for r in self.regulasi if r.id == reg_id), None)

    def ids(self) -> list[str]:
        return [r.id for r in self.regulasi]

    def as_dict(self) -> dict[str, Regulasi]:
        return {r.id: r for r in self.regulasi}


# --- the Pokja SK defaults -------------------------------------------------------------------------

#: Placeholders the SK builder fills in ``content/sk-default.yaml`` texts (``str.format`` style).
SK_PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "daerah",  # "Kabupaten Lembah Sari"
        "kepala",  # "Bupati" / "Walikota"
        "kepala_daerah",  # "Bupati Lembah Sari"
        "pdam",  # full name of the utility
        "pdam_singkatan",  # short name used in the text
        "sekretariat",  # unit hosting the Pokja secretariat
        "tahun_anggaran",  # APBD year
        "judul",  # the SK subject in Title Case
        "rujukan",  # idfmt.rujukan_huruf(k) for the closing Menimbang item
        "melalui",  # " melalui Penanggung Jawab" when that position is held: one reporting line
        "diktum_pembentukan",  # computed ordinal of the diktum that forms the Pokja ("KESATU")
        "diktum_tugas",
    }
)

#: Keys of the default diktums, in the order format-sk rule 14 prescribes.
DIKTUM_KEYS: tuple[str, ...] = ("pembentukan", "tugas", "sekretariat", "pembiayaan", "mulai_berlaku")
KEDUDUKAN_KEYS: tuple[str, ...] = (
    "pengarah", "penanggung_jawab", "ketua", "wakil_ketua", "sekretaris", "anggota",
)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class DiktumDefault(ContentModel):
    teks: str = Field(min_length=1, description="Bunyi diktum lengkap dengan tanda baca akhirnya.")
    rincian: list[str] = Field(
        default=[],
        description="Rincian berhuruf (a., b., ...) tanpa tanda baca akhir; pembangun naskah menambahkan "
        "';', '; dan' dan '.' menurut letaknya.",
    )


class SkDefault(ContentModel):
    """``content/sk-default.yaml``: legal bases and wording of the SK forming the Pokja."""

    judul: str = Field(description="Pokok keputusan (setelah TENTANG), huruf awal kapital.")
    mengingat: list[str] = Field(min_length=1, description="Kode regulasi dasar hukum bawaan.")
    menimbang: list[str] = Field(min_length=1, description="Pertimbangan bawaan selain butir penutup.")
    menimbang_penutup: str = Field(description="Butir penutup Menimbang dengan {rujukan}.")
    diktum: dict[str, DiktumDefault] = Field(description="Diktum bawaan menurut urutan kaidah.")
    tugas_kedudukan: dict[str, list[str]] = Field(
        description="Tugas per kedudukan dalam Pokja untuk Lampiran (tanpa tanda baca akhir)."
    )

    @model_validator(mode="after")
    def _shape(self) -> Self:
        _exact_keys(self.diktum, DIKTUM_KEYS, "sk-default.diktum")
        _exact_keys(self.tugas_kedudukan, KEDUDUKAN_KEYS, "sk-default.tugas_kedudukan")
        texts = [self.judul, *self.menimbang, self.menimbang_penutup]
        for d in self.diktum.values():
            texts += [d.teks, *d.rincian]
        for t in texts:
            unknown = _placeholders(t) - SK_PLACEHOLDERS
            if unknown:
                raise ValueError(f"placeholder tidak dikenal {sorted(unknown)} dalam: {t}")
        for m in self.menimbang:
            if not m.startswith("bahwa ") or not m.endswith(";"):
                raise ValueError(f"butir Menimbang harus diawali 'bahwa' dan diakhiri ';': {m}")
        if "{rujukan}" not in self.menimbang_penutup:
            raise ValueError("menimbang_penutup harus memuat {rujukan}")
        return self


# --- guide checklists ------------------------------------------------------------------------------

PROSES_KEYS: tuple[str, ...] = (
    "penetapan_kelompok_sasaran", "perancangan_paket_layanan", "mobilisasi_dukungan",
    "penyaluran_pelayanan", "pusat_pelayanan",
)
KRITERIA_GG_KEYS: tuple[str, ...] = ("transparan", "partisipatif", "akuntabel", "aksesibel", "terjangkau")
KRITERIA_PELAYANAN_KEYS: tuple[str, ...] = (
    "transparan", "partisipatif", "akuntabel", "mudah", "cepat", "lancar",
)
AREA_KEYS: tuple[str, ...] = ("penetapan_kelompok_sasaran", "penyiapan", "penyaluran", "penyajian")


class GoodGovernance(ContentModel):
    """``content/good-governance.yaml``: the 3.1 checklist axes and the service criteria."""

    proses: dict[str, Butir] = Field(description="Proses pelayanan (baris daftar periksa).")
    kriteria: dict[str, Butir] = Field(description="Kriteria good governance (kolom daftar periksa).")
    kriteria_pelayanan: dict[str, Butir] = Field(description="Kriteria pelayanan untuk persoalan utama.")
    area_persoalan: dict[str, Butir] = Field(description="Area manajemen penyaluran pelayanan.")

    @model_validator(mode="after")
    def _keys(self) -> Self:
        _exact_keys(self.proses, PROSES_KEYS, "good-governance.proses")
        _exact_keys(self.kriteria, KRITERIA_GG_KEYS, "good-governance.kriteria")
        _exact_keys(self.kriteria_pelayanan, KRITERIA_PELAYANAN_KEYS, "good-governance.kriteria_pelayanan")
        _exact_keys(self.area_persoalan, AREA_KEYS, "good-governance.area_persoalan")
        return self


ALUR_KEYS: tuple[str, ...] = (
    "rancangan_pelayanan", "mobilisasi", "penyaluran", "menjangkau_kelompok_sasaran",
)


class TahapAlur(ContentModel):
    nama: str = Field(min_length=1, description="Nama tahap pada Diagram Alur Pelayanan Publik.")
    urutan: int = Field(ge=1, description="Urutan tahap dalam alur.")
    penjelasan: str = Field(min_length=1, description="Penjelasan singkat.")


class AlurPelayanan(ContentModel):
    """``content/alur-pelayanan.yaml``: the steps of the Diagram Alur Pelayanan Publik (3.2)."""

    tahap: dict[str, TahapAlur] = Field(description="Tahap alur pelayanan menurut urutannya.")

    @model_validator(mode="after")
    def _keys(self) -> Self:
        _exact_keys(self.tahap, ALUR_KEYS, "alur-pelayanan.tahap")
        if [t.urutan for t in self.tahap.values()] != list(range(1, len(self.tahap) + 1)):
            raise ValueError("alur-pelayanan: urutan harus 1, 2, 3, ... sesuai urutan kunci")
        return self


ASPEK_KEYS: tuple[str, ...] = ("teknis", "finansial", "manajemen")
P3O_KEYS: tuple[str, ...] = ("prosedur", "personil", "kebijakan", "organisasi")


class P3O(ContentModel):
    """``content/p3o.yaml``: the three action aspects of 4.7 and the four P3O management sub-aspects."""

    aspek: dict[str, Butir] = Field(description="Aspek tindakan.")
    sub_aspek_manajemen: dict[str, Butir] = Field(description="Sub-aspek manajemen P3O.")

    @model_validator(mode="after")
    def _keys(self) -> Self:
        _exact_keys(self.aspek, ASPEK_KEYS, "p3o.aspek")
        _exact_keys(self.sub_aspek_manajemen, P3O_KEYS, "p3o.sub_aspek_manajemen")
        return self


KOMPONEN_KEYS: tuple[str, ...] = (
    "dasar_hukum", "persyaratan", "sistem_mekanisme_prosedur", "jangka_waktu", "biaya_tarif",
    "produk_pelayanan", "sarana_prasarana", "kompetensi_pelaksana", "pengawasan_internal",
    "penanganan_pengaduan", "jumlah_pelaksana", "jaminan_pelayanan", "jaminan_keamanan", "evaluasi_kinerja",
)
KelompokKomponen = Literal["penyampaian", "pengelolaan"]


class KomponenStandar(ContentModel):
    nama: str = Field(min_length=1, description="Nama komponen menurut PermenPAN-RB 15/2014.")
    huruf_pasal_21: str = Field(pattern=r"^[a-n]$", description="Huruf butir dalam Pasal 21 UU 25/2009.")
    uraian_pasal_21: str = Field(min_length=1, description="Bunyi butir Pasal 21 UU 25/2009.")
    kelompok: KelompokKomponen = Field(description="Kelompok komponen PermenPAN-RB 15/2014.")
    urutan: int = Field(ge=1, description="Nomor urut di dalam kelompoknya.")


class StandarPelayananContent(ContentModel):
    """``content/standar-pelayanan.yaml``: the 14 components of a service standard and the maklumat."""

    kelompok: dict[KelompokKomponen, str] = Field(description="Judul kedua kelompok komponen.")
    komponen: dict[str, KomponenStandar] = Field(description="Komponen standar pelayanan.")
    maklumat: str = Field(min_length=1, description="Kalimat baku Maklumat Pelayanan.")

    @model_validator(mode="after")
    def _keys(self) -> Self:
        _exact_keys(self.komponen, KOMPONEN_KEYS, "standar-pelayanan.komponen")
        if [k.huruf_pasal_21 for k in self.komponen.values()] != list("abcdefghijklmn"):
            raise ValueError("standar-pelayanan: huruf Pasal 21 harus a..n sesuai urutan kunci")
        for grup in ("penyampaian", "pengelolaan"):
            nomor = sorted(k.urutan for k in self.komponen.values() if k.kelompok == grup)
            if nomor != list(range(1, len(nomor) + 1)):
                raise ValueError(f"standar-pelayanan: urutan kelompok {grup} harus 1..{len(nomor)}")
        return self

    def per_kelompok(self, kelompok: KelompokKomponen) -> list[tuple[str, KomponenStandar]]:
        """Components of one group in their PermenPAN-RB order (the table order of a Standar Pelayanan)."""
        items = [(k, v) for k, v in self.komponen.items() if v.kelompok == kelompok]
        return sorted(items, key=lambda kv: kv[1].urutan)


# --- meeting facts per topic -----------------------------------------------------------------------

#: A topic id of the guide: stage 1-7, topic 1-9 (the list of topics is this file's own keys).
TOPIK_ID_PATTERN = re.compile(r"[1-7]\.[1-9]")


class Waktu(ContentModel):
    sesi: int = Field(ge=1, description="Jumlah sesi.")
    jam_per_sesi: float = Field(gt=0, description="Lama setiap sesi dalam jam.")

    @property
    def total_jam(self) -> float:
        return self.sesi * self.jam_per_sesi


class Langkah(ContentModel):
    teks: str = Field(min_length=1, description="Langkah fasilitasi.")
    rincian: list[str] = Field(default=[], description="Butir rincian langkah.")


class SesiAgenda(ContentModel):
    sesi: int = Field(ge=1, description="Nomor sesi.")
    langkah: list[Langkah] = Field(min_length=1, description="Langkah fasilitasi dalam sesi ini.")

    @field_validator("langkah", mode="before")
    @classmethod
    def _plain_strings(cls, value: Any) -> Any:
        # A step without sub-items is written as a plain string in the YAML.
        if isinstance(value, list):
            return [{"teks": v} if isinstance(v, str) else v for v in value]
        return value


class TopikPanduan(ContentModel):
    """The guide's facts for one topic, printed in its meeting kit (Kerangka Acuan/ToR)."""

    judul: str = Field(min_length=1, description="Judul topik.")
    berkas: str = Field(
        pattern=r"^[1-7]\.[1-9]-[a-z]+(-[a-z]+)*\.yaml$",
        description="Nama berkas topik di ruang kerja (kontrak pengguna: tetap antarversi).",
    )
    tujuan: list[str] = Field(min_length=1, description="Tujuan.")
    keluaran: list[str] = Field(min_length=1, description="Keluaran.")
    peserta: list[str] = Field(min_length=1, description="Peserta.")
    fasilitator: list[str] = Field(min_length=1, description="Profil fasilitator (orang atau tim yang ...).")
    narasumber: str | None = Field(default=None, description="Kerja sama fasilitator dengan narasumber.")
    metode: list[str] = Field(min_length=1, description="Metode.")
    materi: list[str] = Field(min_length=1, description="Materi.")
    regulasi: list[str] = Field(
        default=[],
        description="Kode katalog regulasi yang menjadi materi, agar paket pertemuan mencetak statusnya.",
    )
    alat_bahan: list[str] = Field(min_length=1, description="Alat dan bahan.")
    waktu: Waktu = Field(description="Jumlah sesi x jam.")
    agenda: list[SesiAgenda] = Field(min_length=1, description="Agenda/proses fasilitasi per sesi.")
    tindak_lanjut: list[str] = Field(min_length=1, description="Tindak lanjut bagi Kelompok Kerja.")
    catatan: list[str] = Field(
        default=[], description="Catatan penyuntingan atas naskah panduan (bukan untuk dicetak)."
    )
    kertas_kerja: dict[str, Any] = Field(
        default={}, description="Kata-kata bagian Kertas Kerja; diperiksa documents/kertas_kerja/teks.py."
    )

    @model_validator(mode="after")
    def _sessions(self) -> Self:
        if [s.sesi for s in self.agenda] != list(range(1, self.waktu.sesi + 1)):
            raise ValueError(f"agenda harus memuat sesi 1..{self.waktu.sesi} sesuai waktu.sesi")
        return self


class TopikContent(ContentModel):
    """``content/topik.yaml``: every topic 1.1 ... 7.2."""

    topik: dict[str, TopikPanduan] = Field(description="Fakta panduan per topik.")
    kertas_kerja: dict[str, Any] = Field(description="Kalimat Kertas Kerja sendiri; diperiksa kertas_kerja/teks.py.")

    @model_validator(mode="after")
    def _keys(self) -> Self:
        # topik.yaml is the list of topics (assembler/topics.py reads its ids, files and titles).
        wrong = [i for i, t in self.topik.items() if not (TOPIK_ID_PATTERN.fullmatch(i) and t.berkas.startswith(i))]
        berkas = [t.berkas for t in self.topik.values()]
        if wrong or len(set(berkas)) != len(berkas):
            raise ValueError(f"topik {wrong or berkas}: kunci 'n.m', berkas diawali 'n.m-', tiap berkas sekali")
        return self


# --- loading ---------------------------------------------------------------------------------------


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses duplicate keys: in shipped data a repeated key is always a mistake.

    libyaml's parser when PyYAML has it (same nodes and marks, ~10x faster: the reference content
    was over a second of every ``siap check``), the pure-Python one otherwise.
    """


def _construct_mapping(
    loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"kunci ganda '{key}'", key_node.start_mark
            )
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=deep)
    return mapping


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
M = TypeVar("M", bound=BaseModel)


def load_yaml(name: str, model: type[M], directory: Path | None = None) -> M:
    """Read ``content/<name>`` into ``model``; errors name the file so a maintainer finds the typo."""
    path = (directory or CONTENT_DIR) / name
    with path.open(encoding="utf-8") as fh:
        # _UniqueKeyLoader is a SafeLoader subclass: no arbitrary objects are constructed.
        data = yaml.load(fh, Loader=_UniqueKeyLoader)
    if isinstance(data, dict):
        # Top-level keys starting with "_" only hold YAML anchors shared by the entries below.
        data = {k: v for k, v in data.items() if not str(k).startswith("_")}
    try:
        with interrupts.deferred():  # Ctrl-C inside pydantic-core is not a KeyboardInterrupt (see there)
            return model.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError, re-raised with the file name
        raise ValueError(f"{path}: {exc}") from exc


@cache
def katalog_regulasi() -> KatalogRegulasi:
    return load_yaml("regulasi.yaml", KatalogRegulasi)


@cache
def sk_default() -> SkDefault:
    sk = load_yaml("sk-default.yaml", SkDefault)
    missing = [i for i in sk.mengingat if i not in katalog_regulasi()]
    if missing:
        raise ValueError(f"sk-default.yaml: mengingat merujuk kode yang tidak ada dalam katalog: {missing}")
    return sk


@cache
def good_governance() -> GoodGovernance:
    return load_yaml("good-governance.yaml", GoodGovernance)


@cache
def alur_pelayanan() -> AlurPelayanan:
    return load_yaml("alur-pelayanan.yaml", AlurPelayanan)


@cache
def p3o() -> P3O:
    return load_yaml("p3o.yaml", P3O)


@cache
def standar_pelayanan() -> StandarPelayananContent:
    return load_yaml("standar-pelayanan.yaml", StandarPelayananContent)


@cache
def topik() -> TopikContent:
    content = load_yaml("topik.yaml", TopikContent)
    katalog = katalog_regulasi()
    for tid, t in content.topik.items():
        missing = [i for i in t.regulasi if i not in katalog]
        if missing:
            raise ValueError(f"topik.yaml: topik {tid} merujuk regulasi yang tidak ada dalam katalog: {missing}")
    return content


class Content:
    """All shipped reference data, as the workspace view carries it, each part read when first asked for
    (``siap check`` needs only the regulation catalogue; the loaders are cached, once per process)."""

    @property
    def regulasi(self) -> KatalogRegulasi:
        return katalog_regulasi()

    @property
    def sk(self) -> SkDefault:
        return sk_default()

    @property
    def good_governance(self) -> GoodGovernance:
        return good_governance()

    @property
    def alur(self) -> AlurPelayanan:
        return alur_pelayanan()

    @property
    def p3o(self) -> P3O:
        return p3o()

    @property
    def standar_pelayanan(self) -> StandarPelayananContent:
        return standar_pelayanan()

    @property
    def topik(self) -> TopikContent:
        return topik()

    def regulasi_ids(self) -> list[str]:
        """Ids the cross-reference pass accepts for kind ``regulasi``."""
        return self.regulasi.ids()


@cache
def load_content() -> Content:
    """The shipped reference data, one object per process; each file is read when first used."""
    return Content()
