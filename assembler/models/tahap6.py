"""Tahap 6: Pengawalan Pelaksanaan (topics 6.1 and 6.2).

6.1 adds to each 5.1 kegiatan the columns the guide asks for (jangka waktu, kode anggaran, target
planning document) and holds the financial review the guide's stage header calls "Kajian Keuangan
(Integrasi Corplan)" (docs/dev/kontrak.md puts it here). 6.2 lists what PDAM starts at once, when, and how
the Pokja keeps watch.
"""

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from assembler import messages
from assembler.models.base import Finding, Kode, RefField, Rupiah, SiapModel, Tahun, Teks, TeksOpsional, empty_list
from assembler.models.tahap5 import Bulan, CitizenCharter, PeranTim, SkemaTindakan, check_jadwal, check_tim

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

Frekuensi = Literal["harian", "mingguan", "dua mingguan", "bulanan", "triwulanan", "semesteran", "tahunan"]

#: Code of a programme, kegiatan or sub-kegiatan in the Permendagri 90/2019 classification:
#: urusan (1 digit) . bidang urusan (2) . program (2) [. kegiatan (1 digit . 2 digits) [. sub-kegiatan (4)]],
#: e.g. program "1.03.03", kegiatan "1.03.03.2.01", sub-kegiatan "1.03.03.2.01.0001".
KODE_ANGGARAN_PATTERN = r"^\d\.\d{2}\.\d{2}(\.\d\.\d{2}(\.\d{4})?)?$"


def _kode_anggaran(value: Any) -> str:
    if isinstance(value, str) and re.match(KODE_ANGGARAN_PATTERN, value.strip()):
        return value.strip()
    raise PydanticCustomError("siap.kode_anggaran", "not a Permendagri 90/2019 code", {"input": str(value)})


KodeAnggaran = Annotated[
    str, PlainValidator(_kode_anggaran), WithJsonSchema({"type": "string", "pattern": KODE_ANGGARAN_PATTERN})
]

DokumenPerencanaan = Literal["Corporate Plan/Rencana Bisnis", "RKAP", "RPJMD", "Renstra SKPD", "Renja SKPD", "RKA-SKPD"]

#: Funding sources whose kegiatan go through the regional budget and so need a Permendagri 90/2019 code.
SUMBER_DANA_BERKODE = ("APBD", "APBN/DAK")

messages.register(
    {
        "siap.kode_anggaran": (
            "{input} bukan kode program/kegiatan menurut Permendagri 90/2019; bentuknya "
            "urusan.bidang.program[.kegiatan[.sub-kegiatan]], misalnya '1.03.03.2.01'",
            "{input} is not a programme/activity code of Permendagri 90/2019; the form is "
            "urusan.bidang.program[.kegiatan[.sub-kegiatan]], e.g. '1.03.03.2.01'",
        ),
        "6.1.kegiatan_ganda": (
            "kegiatan '{kegiatan}' sudah dicantumkan pada penyisipan[{indeks}]; setiap kegiatan cukup satu baris",
            "activity '{kegiatan}' is already listed at penyisipan[{indeks}]; one row per activity",
        ),
        "6.1.kegiatan_belum_disisipkan": (
            "kegiatan Topik 5.1 belum direncanakan penyisipannya ke dokumen perencanaan: {kegiatan}",
            "activities of topic 5.1 have no insertion into a planning document yet: {kegiatan}",
        ),
        "6.1.kode_anggaran_kosong": (
            "kegiatan '{kegiatan}' dibiayai {sumber_dana} tetapi 'kode_anggaran' kosong; "
            "isi kode program/kegiatan menurut Permendagri 90/2019, misalnya '1.03.03.2.01'",
            "activity '{kegiatan}' is funded by {sumber_dana} but 'kode_anggaran' is empty; "
            "give the programme/activity code of Permendagri 90/2019, e.g. '1.03.03.2.01'",
        ),
        "6.1.ketua_tim": (
            "{tim} harus mempunyai tepat satu Ketua; ditemukan {jumlah}",
            "{tim} must have exactly one Ketua; found {jumlah}",
        ),
        "6.1.anggota_ganda": (
            "anggota '{anggota}' tercantum lebih dari sekali dalam {tim}",
            "member '{anggota}' is listed more than once in {tim}",
        ),
        "6.2.kegiatan_ganda": (
            "kegiatan '{kegiatan}' tercantum lebih dari sekali dalam daftar yang sama; cukup satu kali",
            "activity '{kegiatan}' is listed more than once in the same list; once is enough",
        ),
        "6.2.jadwal_terbalik": (
            "bulan mulai {mulai} lebih akhir daripada bulan selesai {selesai}; "
            "'mulai' harus sama dengan atau sebelum 'selesai'",
            "start month {mulai} is later than end month {selesai}; 'mulai' must be on or before 'selesai'",
        ),
        "6.2.tanpa_jadwal": (
            "kegiatan yang langsung dilaksanakan belum mempunyai jadwal kerja penerapan: {kegiatan}",
            "directly executable activities have no implementation schedule yet: {kegiatan}",
        ),
        "6.2.perlu_persetujuan": (
            "kegiatan '{kegiatan}' dipilah 'perlu_persetujuan' pada Topik 5.2; "
            "kegiatan yang langsung dilaksanakan PDAM harus termasuk kelompok 'langsung_dilaksanakan'",
            "activity '{kegiatan}' is classified 'perlu_persetujuan' in topic 5.2; "
            "activities PDAM executes directly must be in 'langsung_dilaksanakan'",
        ),
        "6.2.jadwal_di_luar_skema": (
            "jadwal penerapan {mulai} s.d. {selesai} berada di luar jadwal kegiatan '{kegiatan}' pada Topik 5.1 "
            "({skema_mulai} s.d. {skema_selesai})",
            "implementation schedule {mulai} to {selesai} lies outside the schedule of activity '{kegiatan}' "
            "in topic 5.1 ({skema_mulai} to {skema_selesai})",
        ),
    }
)


class AnggotaTim(SiapModel):
    """A Pokja member in one of the small teams the guide forms from the Pokja."""

    anggota: Kode = RefField("anggota", "Kode anggota Pokja (Topik 1.1).")
    peran: PeranTim = Field(
        description="Peran dalam tim: 'Ketua', 'Wakil Ketua', 'Sekretaris', 'Penyunting' atau 'Anggota'."
    )


# --------------------------------------------------------------------------- 6.1


class Penyisipan(SiapModel):
    kegiatan: Kode = RefField("kegiatan", "Kode kegiatan Topik 5.1 yang disisipkan.")
    jangka_waktu: Literal["5 tahun", "1-2 tahun"] = Field(
        description="Jangka waktu pelaksanaan: '5 tahun' (jangka menengah) atau '1-2 tahun' (jangka pendek)."
    )
    dokumen_perencanaan: list[DokumenPerencanaan] = Field(
        min_length=1,
        description=(
            "Dokumen perencanaan tujuan penyisipan: 'Corporate Plan/Rencana Bisnis', 'RKAP', 'RPJMD', "
            "'Renstra SKPD', 'Renja SKPD' atau 'RKA-SKPD'."
        ),
    )
    kode_anggaran: KodeAnggaran | None = Field(
        default=None,
        description=(
            "Kode program/kegiatan/sub-kegiatan menurut Permendagri 90/2019: urusan.bidang.program"
            "[.kegiatan[.sub-kegiatan]], misalnya '1.03.03.2.01'. Wajib untuk kegiatan yang dibiayai APBD atau "
            "APBN/DAK; kosongkan untuk kegiatan yang dibiayai PDAM."
        ),
    )
    nomenklatur: TeksOpsional = Field(
        default="",
        description="Nama program/kegiatan pada dokumen perencanaan tujuan, misalnya 'Program Pengelolaan dan "
        "Pengembangan Sistem Penyediaan Air Minum'.",
    )


class DampakKeuangan(SiapModel):
    uraian: Teks = Field(description="Uraian dampak keuangan, misalnya 'Tambahan air terjual dari penurunan NRW'.")
    jenis: Literal["tambahan pendapatan", "penghematan biaya", "tambahan biaya operasional"] = Field(
        description="Jenis dampak: 'tambahan pendapatan', 'penghematan biaya' atau 'tambahan biaya operasional'."
    )
    nilai_per_tahun: dict[Tahun, Rupiah] = Field(
        min_length=1, description="Perkiraan nilai dalam Rupiah per tahun, misalnya '2027: 1250000000'."
    )

    @property
    def tanda(self) -> int:
        """+1 where the impact adds to the net (income, savings), -1 where it takes from it (operating cost)."""
        return -1 if self.jenis == "tambahan biaya operasional" else 1


class KajianKeuangan(SiapModel):
    """The guide's 'Kajian Keuangan (Integrasi Corplan)': financing and budget impact of the plan."""

    ringkasan: Teks = Field(description="Ringkasan kajian keuangan atas skema tindakan.")
    asumsi: list[Teks] = Field(
        default_factory=empty_list, description="Asumsi perhitungan (tarif, volume air, inflasi...)."
    )
    dampak: list[DampakKeuangan] = Field(
        default_factory=empty_list,
        description="Perkiraan dampak keuangan per tahun (pendapatan, penghematan, biaya).",
    )
    kesimpulan: Teks = Field(description="Kesimpulan kelayakan keuangan dan rekomendasi pembiayaan.")


class RencanaKomunikasi(SiapModel):
    kegiatan: Teks = Field(description="Kegiatan komunikasi/lobi, misalnya 'Audiensi dengan Pimpinan DPRD'.")
    sasaran: list[Kode] = RefField("stakeholder", "Kode stakeholder (Topik 1.1) yang disasar.", min_length=1)
    pesan_kunci: Teks = Field(description="Pesan kunci yang disampaikan.")
    media: Teks = Field(description="Media atau forum, misalnya 'rapat dengar pendapat', 'siaran pers'.")
    waktu: Bulan = Field(description="Bulan pelaksanaan, dalam bentuk 'YYYY-MM'.")
    pic: Kode = RefField("anggota", "Kode anggota Pokja penanggung jawab kegiatan komunikasi.")


class TugasPerumus(SiapModel):
    jenis: Literal["Naskah Akademik", "Draft Kebijakan Daerah"] = Field(
        description="Jenis naskah: 'Naskah Akademik' atau 'Draft Kebijakan Daerah'."
    )
    judul: Teks = Field(description="Judul naskah yang disusun.")
    kebijakan: Kode | None = RefField(
        "kebijakan", "Kode usulan kebijakan Topik 4.3 yang dirumuskan (boleh kosong).", default=None
    )
    tenggat: Bulan = Field(description="Bulan target penyelesaian naskah, dalam bentuk 'YYYY-MM'.")


class TimPerumus(SiapModel):
    anggota: list[AnggotaTim] = Field(min_length=1, description="Susunan Tim Perumus (dari anggota Pokja).")
    tugas: list[TugasPerumus] = Field(min_length=1, description="Naskah akademik/draft kebijakan yang disusun.")


class IntegrasiCorporatePlan(SiapModel):
    """Isi berkas ``6.1-integrasi-corporate-plan.yaml``."""

    TOPIK_ID: ClassVar[str] = "6.1"

    penyisipan: list[Penyisipan] = Field(
        min_length=1, description="Rancangan penyisipan setiap kegiatan STPP ke dokumen perencanaan."
    )
    strategi_penyisipan: list[Teks] = Field(
        min_length=1,
        description="Strategi penyisipan STPP ke dalam dokumen perencanaan perusahaan dan daerah.",
    )
    kajian_keuangan: KajianKeuangan = Field(description="Kajian keuangan/finansial integrasi Corporate Plan.")
    rencana_komunikasi: list[RencanaKomunikasi] = Field(
        min_length=1,
        description="Rencana komunikasi, lobi dan pelibatan media untuk dasar hukum pelaksanaan STPP.",
    )
    tim_perumus: TimPerumus = Field(description="Tim Perumus naskah akademik dan draft kebijakan daerah.")

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        first: dict[str, int] = {}
        for i, row in enumerate(self.penyisipan):
            if row.kegiatan in first:
                yield Finding(
                    ("penyisipan", i, "kegiatan"),
                    "6.1.kegiatan_ganda",
                    {"kegiatan": row.kegiatan, "indeks": first[row.kegiatan]},
                )
            else:
                first[row.kegiatan] = i
        yield from check_tim(
            self.tim_perumus.anggota,
            ("tim_perumus", "anggota"),
            "6.1.ketua_tim",
            "6.1.anggota_ganda",
            "Tim Perumus",
        )
        skema = ws.get(SkemaTindakan)
        if skema is None:
            return
        by_id = skema.kegiatan_by_id()
        missing = [k for k in by_id if k not in first]
        if missing:
            yield Finding(("penyisipan",), "6.1.kegiatan_belum_disisipkan", {"kegiatan": missing}, "warning")
        for i, row in enumerate(self.penyisipan):
            kg = by_id.get(row.kegiatan)
            if kg is not None and kg.sumber_dana in SUMBER_DANA_BERKODE and not row.kode_anggaran:
                yield Finding(
                    ("penyisipan", i),
                    "6.1.kode_anggaran_kosong",
                    {"kegiatan": row.kegiatan, "sumber_dana": kg.sumber_dana},
                    "warning",
                )


# --------------------------------------------------------------------------- 6.2


class JadwalKerja(SiapModel):
    kegiatan: Kode = RefField("kegiatan", "Kode kegiatan Topik 5.1 yang dijadwalkan.")
    mulai: Bulan = Field(description="Bulan mulai penerapan, dalam bentuk 'YYYY-MM'.")
    selesai: Bulan = Field(description="Bulan selesai penerapan, dalam bentuk 'YYYY-MM'.")
    langkah: list[Teks] = Field(default_factory=empty_list, description="Langkah-langkah penerapan (boleh kosong).")


class KegiatanPengawalan(SiapModel):
    uraian: Teks = Field(description="Kegiatan pengawalan, misalnya 'Rapat evaluasi kemajuan pelaksanaan STPP'.")
    pelaksana: list[Kode] = RefField("anggota", "Kode anggota Pokja yang melakukan pengawalan.", min_length=1)
    cara: Teks = Field(description="Cara pengawalan, misalnya 'kunjungan lapangan dan telaah laporan kemajuan'.")
    frekuensi: Frekuensi = Field(
        description=(
            "Frekuensi: 'harian', 'mingguan', 'dua mingguan', 'bulanan', 'triwulanan', 'semesteran' atau 'tahunan'."
        )
    )
    laporan_kepada: Teks = Field(description="Pihak yang menerima laporan hasil pengawalan.")


class Eskalasi(SiapModel):
    keadaan: Teks = Field(description="Keadaan yang memicu eskalasi, misalnya 'kegiatan terlambat lebih dari 2 bulan'.")
    langkah: Teks = Field(description="Langkah yang diambil.")
    kepada: Teks = Field(description="Pejabat yang menerima eskalasi.")


class MekanismePengawalan(SiapModel):
    kegiatan_pengawalan: list[KegiatanPengawalan] = Field(
        min_length=1, description="Siapa mengawal, dengan cara apa, seberapa sering, melapor kepada siapa."
    )
    jalur_pelaporan: list[Teks] = Field(
        min_length=1, description="Jalur pelaporan berjenjang, dari pelaksana sampai Kepala Daerah."
    )
    eskalasi: list[Eskalasi] = Field(default_factory=empty_list, description="Aturan eskalasi bila ada hambatan.")


class TindakLanjutKerjaSama(SiapModel):
    kerja_sama: Kode | None = RefField(
        "kerja_sama", "Kode dokumen kerja sama Topik 5.3 yang dibahas (boleh kosong).", default=None
    )
    agenda: Teks = Field(description="Agenda pembahasan lanjutan kerja sama pelaksanaan STPP.")
    waktu: Bulan = Field(description="Bulan pembahasan, dalam bentuk 'YYYY-MM'.")


class Pelaksanaan(SiapModel):
    """Isi berkas ``6.2-pelaksanaan.yaml``."""

    TOPIK_ID: ClassVar[str] = "6.2"

    kegiatan_langsung: list[Kode] = RefField(
        "kegiatan",
        "Kode kegiatan Topik 5.1 yang bisa langsung dilaksanakan PDAM (kelompok 'langsung_dilaksanakan' Topik 5.2).",
        min_length=1,
    )
    jadwal_kerja: list[JadwalKerja] = Field(
        min_length=1, description="Jadwal Kerja Penerapan program/kegiatan hasil STPP."
    )
    mekanisme_pengawalan: MekanismePengawalan = Field(
        description="Mekanisme pengawalan pelaksanaan program/kegiatan hasil STPP oleh Pokja."
    )
    tindak_lanjut_kerja_sama: list[TindakLanjutKerjaSama] = Field(
        default_factory=empty_list,
        description="Jadwal pembahasan lanjutan kerja sama pelaksanaan STPP (boleh kosong).",
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        seen: set[str] = set()
        for i, k in enumerate(self.kegiatan_langsung):
            if k in seen:
                yield Finding(("kegiatan_langsung", i), "6.2.kegiatan_ganda", {"kegiatan": k})
            seen.add(k)
        scheduled: set[str] = set()
        for i, row in enumerate(self.jadwal_kerja):
            if row.kegiatan in scheduled:
                yield Finding(("jadwal_kerja", i, "kegiatan"), "6.2.kegiatan_ganda", {"kegiatan": row.kegiatan})
            scheduled.add(row.kegiatan)
            yield from check_jadwal(row.mulai, row.selesai, ("jadwal_kerja", i), "6.2.jadwal_terbalik")
        missing = [k for k in dict.fromkeys(self.kegiatan_langsung) if k not in scheduled]
        if missing:
            yield Finding(("jadwal_kerja",), "6.2.tanpa_jadwal", {"kegiatan": missing}, "warning")
        skema = ws.get(SkemaTindakan)
        if skema is None:
            return
        by_id = skema.kegiatan_by_id()
        for i, row in enumerate(self.jadwal_kerja):
            kg = by_id.get(row.kegiatan)
            if kg is not None and (row.mulai < kg.jadwal.mulai or row.selesai > kg.jadwal.selesai):
                yield Finding(
                    ("jadwal_kerja", i),
                    "6.2.jadwal_di_luar_skema",
                    {
                        "kegiatan": row.kegiatan,
                        "mulai": row.mulai,
                        "selesai": row.selesai,
                        "skema_mulai": kg.jadwal.mulai,
                        "skema_selesai": kg.jadwal.selesai,
                    },
                    "warning",
                )
        charter = ws.get(CitizenCharter)
        if charter is None:
            return
        for i, k in enumerate(self.kegiatan_langsung):
            kg = by_id.get(k)
            if kg is not None and charter.kelompok(kg) == "perlu_persetujuan":
                yield Finding(("kegiatan_langsung", i), "6.2.perlu_persetujuan", {"kegiatan": k}, "warning")
