"""Topik 5.1, Smart Logframe: the plan's goals, targets, outputs and activities with their budgets."""

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

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
    empty_list,
)
from assembler.models.tahap4 import Prioritas
from assembler.models.tahap5.umum import Angka, Bulan, SumberDana, check_jadwal

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

messages.register(
    {
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
    }
)


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
        default_factory=empty_list, description="Indikator SMART tingkat kegiatan (boleh kosong)."
    )
    asumsi: list[Teks] = Field(
        default_factory=empty_list, description="Asumsi atau prasyarat agar kegiatan terlaksana (boleh kosong)."
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
    asumsi: list[Teks] = Field(default_factory=empty_list, description="Asumsi pada tingkat keluaran (boleh kosong).")
    kegiatan: list[Kegiatan] = Field(min_length=1, description="Kegiatan yang menghasilkan keluaran ini.")


class Sasaran(SiapModel):
    id: Kode = IdField("sasaran", "Kode unik sasaran, misalnya 'ss-1'.")
    rumusan: Teks = Field(description="Rumusan sasaran (hasil/outcome) yang hendak dicapai.")
    indikator: list[IndikatorLogframe] = Field(min_length=1, description="Indikator SMART sasaran.")
    asumsi: list[Teks] = Field(default_factory=empty_list, description="Asumsi pada tingkat sasaran (boleh kosong).")
    keluaran: list[Keluaran] = Field(min_length=1, description="Keluaran (output) yang mendukung sasaran ini.")


class Tujuan(SiapModel):
    id: Kode = IdField("tujuan", "Kode unik tujuan, misalnya 'tj-1'.")
    rumusan: Teks = Field(description="Rumusan tujuan (goal) Skema Tindakan Peningkatan Pelayanan.")
    indikator: list[IndikatorLogframe] = Field(min_length=1, description="Indikator SMART tujuan.")
    asumsi: list[Teks] = Field(default_factory=empty_list, description="Asumsi pada tingkat tujuan (boleh kosong).")
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

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
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


