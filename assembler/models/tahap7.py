"""Tahap 7: Monev dan Replikasi (topics 7.1 and 7.2).

7.1 monitors the agreed Smart Logframe: one monitoring row per 5.1 indicator, so the check warns
about indicators nobody watches. 7.2 records the reflection, the Bagan Bawang Kegiatan (the single
most influential kegiatan in the innermost ring) and the best-practice writing and dissemination.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from assembler import messages
from assembler.models.base import Finding, Kode, RefField, Rupiah, SiapModel, Teks, TeksOpsional, empty_list
from assembler.models.tahap5 import Bulan, SkemaTindakan, check_jadwal, check_tim
from assembler.models.tahap6 import AnggotaTim, Frekuensi

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

messages.register(
    {
        "7.1.ketua_tim": (
            "{tim} harus mempunyai tepat satu Ketua; ditemukan {jumlah}",
            "{tim} must have exactly one Ketua; found {jumlah}",
        ),
        "7.1.anggota_ganda": (
            "anggota '{anggota}' tercantum lebih dari sekali dalam {tim}",
            "member '{anggota}' is listed more than once in {tim}",
        ),
        "7.1.indikator_ganda": (
            "indikator '{indikator}' sudah mempunyai format monev pada format_monev[{indeks}]; "
            "setiap indikator cukup satu baris",
            "indicator '{indikator}' already has a monitoring row at format_monev[{indeks}]; one row per indicator",
        ),
        "7.1.indikator_tanpa_monev": (
            "indikator logframe Topik 5.1 belum mempunyai format monev: {indikator}",
            "logframe indicators of topic 5.1 have no monitoring row: {indikator}",
        ),
        "7.2.lingkaran_inti": (
            "lingkaran terdalam Bagan Bawang harus berisi tepat satu kegiatan (yang paling berpengaruh); "
            "ditemukan {jumlah}",
            "the innermost ring of the Bagan Bawang must hold exactly one activity (the most influential); "
            "found {jumlah}",
        ),
        "7.2.kegiatan_ganda": (
            "kegiatan '{kegiatan}' sudah ditempatkan pada lingkaran {lingkaran}; "
            "setiap kegiatan hanya berada pada satu lingkaran",
            "activity '{kegiatan}' is already placed in ring {lingkaran}; each activity belongs to one ring",
        ),
        "7.2.kegiatan_belum_dipetakan": (
            "kegiatan Topik 5.1 belum ditempatkan dalam Bagan Bawang: {kegiatan}",
            "activities of topic 5.1 are not placed in the Bagan Bawang: {kegiatan}",
        ),
        "7.2.topik_bukan_bagan": (
            "topik '{kegiatan}' tidak terdapat dalam Bagan Bawang; kerangka dokumen disusun dari kegiatan "
            "yang ada pada Bagan Bawang",
            "topic '{kegiatan}' is not in the Bagan Bawang; the outline is built from activities in the Bagan Bawang",
        ),
        "7.2.jadwal_terbalik": (
            "bulan mulai {mulai} lebih akhir daripada bulan selesai {selesai}; "
            "'mulai' harus sama dengan atau sebelum 'selesai'",
            "start month {mulai} is later than end month {selesai}; 'mulai' must be on or before 'selesai'",
        ),
        "7.2.ketua_tim": (
            "{tim} harus mempunyai tepat satu Ketua; ditemukan {jumlah}",
            "{tim} must have exactly one Ketua; found {jumlah}",
        ),
        "7.2.anggota_ganda": (
            "anggota '{anggota}' tercantum lebih dari sekali dalam {tim}",
            "member '{anggota}' is listed more than once in {tim}",
        ),
    }
)


# --------------------------------------------------------------------------- 7.1


class FormatMonev(SiapModel):
    """How one logframe indicator is monitored; baseline and target come from 5.1, not retyped."""

    indikator_logframe: Kode = RefField("indikator_logframe", "Kode indikator logframe Topik 5.1 yang dipantau.")
    frekuensi: Frekuensi = Field(
        description=(
            "Frekuensi: 'harian', 'mingguan', 'dua mingguan', 'bulanan', 'triwulanan', 'semesteran' atau 'tahunan'."
        )
    )
    metode: Teks = Field(description="Metode pengumpulan data, misalnya 'telaah laporan neraca air dan uji petik'.")
    sumber_data: Teks = Field(description="Sumber data, misalnya 'Laporan bulanan Bagian Teknik'.")
    penanggung_jawab: Kode = RefField(
        ("anggota", "unit"), "Penanggung jawab: kode anggota Pokja (Topik 1.1) atau kode unit (Topik 4.5)."
    )


class RencanaKerjaMonev(SiapModel):
    kegiatan: Teks = Field(description="Kegiatan Tim Monev, misalnya 'Pemantauan triwulan I'.")
    waktu: Bulan = Field(description="Bulan pelaksanaan, dalam bentuk 'YYYY-MM'.")
    keluaran: Teks = Field(description="Keluaran kegiatan, misalnya 'Laporan monev triwulan I'.")
    pic: Kode | None = RefField("anggota", "Kode anggota Tim Monev penanggung jawab (boleh kosong).", default=None)


class Monev(SiapModel):
    """Isi berkas ``7.1-monev.yaml``: Format Monev, Susunan Tim Monev dan Rencana Kerja Tim Monev."""

    TOPIK_ID: ClassVar[str] = "7.1"

    tim_monev: list[AnggotaTim] = Field(min_length=1, description="Susunan Tim Monev (dari anggota Pokja).")
    format_monev: list[FormatMonev] = Field(
        min_length=1, description="Format monev: satu baris untuk setiap indikator Smart Logframe Topik 5.1."
    )
    rencana_kerja: list[RencanaKerjaMonev] = Field(min_length=1, description="Rencana kerja Tim Monev.")

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        yield from check_tim(self.tim_monev, ("tim_monev",), "7.1.ketua_tim", "7.1.anggota_ganda", "Tim Monev")
        first: dict[str, int] = {}
        for i, row in enumerate(self.format_monev):
            if row.indikator_logframe in first:
                yield Finding(
                    ("format_monev", i, "indikator_logframe"),
                    "7.1.indikator_ganda",
                    {"indikator": row.indikator_logframe, "indeks": first[row.indikator_logframe]},
                )
            else:
                first[row.indikator_logframe] = i
        skema = ws.get(SkemaTindakan)
        if skema is not None:
            missing = [ind.id for ind in skema.iter_indikator() if ind.id not in first]
            if missing:
                yield Finding(("format_monev",), "7.1.indikator_tanpa_monev", {"indikator": missing}, "warning")


# --------------------------------------------------------------------------- 7.2


class CatatanRefleksi(SiapModel):
    aspek: Teks = Field(description="Aspek yang direfleksikan, misalnya 'Partisipasi stakeholder'.")
    pembelajaran: Teks = Field(description="Pembelajaran (apa yang berhasil, apa yang perlu diperbaiki).")


class Lingkaran(SiapModel):
    kegiatan: list[Kode] = RefField("kegiatan", "Kode kegiatan Topik 5.1 pada lingkaran ini.", min_length=1)
    keterangan: TeksOpsional = Field(
        default="", description="Keterangan tingkat pengaruh lingkaran ini (boleh kosong)."
    )


class Bab(SiapModel):
    judul: Teks = Field(description="Judul bab, misalnya 'BAB II Zonasi DMA sebagai Kunci Penurunan NRW'.")
    sub_bab: list[Teks] = Field(default_factory=empty_list, description="Judul-judul sub-bab (boleh kosong).")
    topik: list[Kode] = RefField(
        "kegiatan",
        "Kode kegiatan Bagan Bawang yang dibahas dalam bab ini (boleh kosong).",
        default_factory=empty_list,
    )


class KerangkaDokumen(SiapModel):
    judul: Teks = Field(description="Judul dokumen good/best practice.")
    topik_terpilih: list[Kode] = RefField(
        "kegiatan", "Kode kegiatan Bagan Bawang yang dipilih sebagai topik penulisan.", min_length=1
    )
    bab: list[Bab] = Field(min_length=1, description="Susunan bab dan sub-bab dokumen.")


class JadwalPenulisan(SiapModel):
    kegiatan: Teks = Field(description="Kegiatan penulisan, misalnya 'Pengumpulan bahan'.")
    mulai: Bulan = Field(description="Bulan mulai, dalam bentuk 'YYYY-MM'.")
    selesai: Bulan = Field(description="Bulan selesai, dalam bentuk 'YYYY-MM'.")
    pic: Kode = RefField("anggota", "Kode anggota Tim Penulis penanggung jawab.")


class Diseminasi(SiapModel):
    sasaran: Teks = Field(description="Sasaran diseminasi, misalnya 'PDAM dan Pemda kabupaten/kota se-Jawa Tengah'.")
    media: Teks = Field(description="Media diseminasi, misalnya 'lokakarya regional', 'buku saku', 'situs web'.")
    waktu: Bulan = Field(description="Bulan pelaksanaan, dalam bentuk 'YYYY-MM'.")
    biaya: Rupiah = Field(description="Perkiraan biaya dalam Rupiah (0 bila tanpa biaya).")


class StrategiReplikasi(SiapModel):
    strategi: Teks = Field(description="Nama strategi replikasi, misalnya 'Kunjungan belajar (studi banding)'.")
    uraian: Teks = Field(description="Uraian langkah strategi.")
    sasaran: Teks = Field(description="Pihak yang diharapkan mereplikasi.")


class DokumentasiReplikasi(SiapModel):
    """Isi berkas ``7.2-dokumentasi-replikasi.yaml``."""

    TOPIK_ID: ClassVar[str] = "7.2"

    catatan_refleksi: list[CatatanRefleksi] = Field(
        min_length=1, description="Catatan hasil refleksi penyusunan dan pelaksanaan STPP."
    )
    bagan_bawang: list[Lingkaran] = Field(
        min_length=1,
        description=(
            "Bagan Bawang Kegiatan, diurutkan dari lingkaran terdalam (pertama) ke luar. Lingkaran terdalam "
            "berisi tepat satu kegiatan yang paling berpengaruh terhadap perbaikan pelayanan."
        ),
    )
    kesimpulan_bagan_bawang: Teks = Field(description="Kesimpulan yang ditarik dari visualisasi Bagan Bawang.")
    kerangka_dokumen: KerangkaDokumen = Field(description="Kerangka dokumen good/best practice.")
    tim_penulis: list[AnggotaTim] = Field(min_length=1, description="Susunan Tim Penulis (dari anggota Pokja).")
    jadwal_penulisan: list[JadwalPenulisan] = Field(min_length=1, description="Jadwal penulisan best practice.")
    rencana_diseminasi: list[Diseminasi] = Field(min_length=1, description="Rencana diseminasi best practice.")
    strategi_replikasi: list[StrategiReplikasi] = Field(min_length=1, description="Strategi replikasi best practice.")

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        inti = self.bagan_bawang[0].kegiatan
        if len(inti) != 1:
            yield Finding(("bagan_bawang", 0, "kegiatan"), "7.2.lingkaran_inti", {"jumlah": len(inti)})
        placed: dict[str, int] = {}
        for i, ring in enumerate(self.bagan_bawang):
            for j, k in enumerate(ring.kegiatan):
                if k in placed:
                    yield Finding(
                        ("bagan_bawang", i, "kegiatan", j),
                        "7.2.kegiatan_ganda",
                        {"kegiatan": k, "lingkaran": placed[k] + 1},
                    )
                else:
                    placed[k] = i
        kd = self.kerangka_dokumen
        for i, k in enumerate(kd.topik_terpilih):
            if k not in placed:
                yield Finding(("kerangka_dokumen", "topik_terpilih", i), "7.2.topik_bukan_bagan", {"kegiatan": k})
        for b, bab in enumerate(kd.bab):
            for i, k in enumerate(bab.topik):
                if k not in placed:
                    yield Finding(("kerangka_dokumen", "bab", b, "topik", i), "7.2.topik_bukan_bagan", {"kegiatan": k})
        yield from check_tim(self.tim_penulis, ("tim_penulis",), "7.2.ketua_tim", "7.2.anggota_ganda", "Tim Penulis")
        for i, row in enumerate(self.jadwal_penulisan):
            yield from check_jadwal(row.mulai, row.selesai, ("jadwal_penulisan", i), "7.2.jadwal_terbalik")
        skema = ws.get(SkemaTindakan)
        if skema is not None:
            missing = [k for k in skema.kegiatan_by_id() if k not in placed]
            if missing:
                yield Finding(("bagan_bawang",), "7.2.kegiatan_belum_dipetakan", {"kegiatan": missing}, "warning")
