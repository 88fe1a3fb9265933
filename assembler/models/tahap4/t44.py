"""Topik 4.4, Rancangan Pengembangan Kapasitas Personil: staffing needs, competences, programmes."""

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from assembler.messages import register
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    Rupiah,
    SiapModel,
    Teks,
    TeksOpsional,
)
from assembler.models.tahap4.umum import solusi_terpadu_field

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "4.4.kebutuhan.ganda": (
            "posisi '{posisi}' pada unit '{unit}' tercatat lebih dari sekali",
            "position '{posisi}' in unit '{unit}' is listed more than once",
        ),
        "4.4.program.rekrutmen_tanpa_kekurangan": (
            "program rekrutmen '{program}' diusulkan, padahal Tabel Kebutuhan Pengembangan Personil "
            "tidak menunjukkan kekurangan personil",
            "recruitment programme '{program}' is proposed although the personnel needs table shows no shortage",
        ),
    }
)


# --- 4.4 Rancangan Pengembangan Kapasitas Personil -------------------------------------------------


class KebutuhanPersonil(SiapModel):
    """A row of the Tabel Kebutuhan Pengembangan Personil; the shortage is computed."""

    unit: Teks = Field(
        description="Unit kerja, misalnya 'Bagian Hubungan Langganan' (ditulis, karena Topik 4.5 disusun kemudian)."
    )
    posisi: Teks = Field(description="Posisi/jabatan, misalnya 'Petugas penanganan pengaduan'.")
    jumlah_ada: int = Field(ge=0, description="Jumlah personil yang ada saat ini.")
    jumlah_dibutuhkan: int = Field(ge=0, description="Jumlah personil yang dibutuhkan.")
    kompetensi: list[Teks] = Field(min_length=1, description="Kompetensi yang dibutuhkan untuk posisi ini.")

    @property
    def kekurangan(self) -> int:
        """Positive: staff to add; negative: surplus."""
        return self.jumlah_dibutuhkan - self.jumlah_ada


class PeningkatanKompetensi(SiapModel):
    """A row of the Tabel Peningkatan Kompetensi Personil."""

    kompetensi: Teks = Field(description="Kompetensi yang ditingkatkan.")
    sasaran: TeksOpsional = Field(default="", description="Posisi atau kelompok personil sasaran.")
    kondisi_saat_ini: Teks = Field(description="Kondisi kompetensi saat ini.")
    kondisi_diharapkan: Teks = Field(description="Kondisi kompetensi yang diharapkan.")
    prioritas: Literal["tinggi", "sedang", "rendah"] = Field(
        description="Prioritas yang disepakati Pokja: 'tinggi', 'sedang' atau 'rendah'."
    )


class KerangkaAcuan(SiapModel):
    """A short Terms of Reference (ToR) of a personnel programme."""

    latar_belakang: Teks = Field(description="Latar belakang program.")
    tujuan: Teks = Field(description="Tujuan program.")
    keluaran: Teks = Field(description="Keluaran yang diharapkan.")


class ProgramPersonil(SiapModel):
    """A row of the Tabel Program Peningkatan Kemampuan Personil (recruitment or training)."""

    id: Kode = IdField("program_personil", "Kode program, misalnya 'pp-01'.")
    jenis: Literal["rekrutmen", "pelatihan"] = Field(description="Jenis program: 'rekrutmen' atau 'pelatihan'.")
    nama: Teks = Field(description="Nama program/kegiatan.")
    sasaran_peserta: Teks = Field(description="Sasaran peserta, misalnya 'Petugas loket dan call center'.")
    jumlah_peserta: int = Field(ge=1, description="Jumlah peserta atau personil yang direkrut.")
    waktu: Teks = Field(description="Waktu pelaksanaan, misalnya 'Triwulan III 2026'.")
    penyelenggara: Teks = Field(description="Penyelenggara program.")
    biaya: Rupiah = Field(description="Perkiraan biaya dalam Rupiah (bilangan bulat, tanpa titik).")
    tor: KerangkaAcuan = Field(description="Kerangka Acuan (ToR) ringkas program.")
    solusi_terpadu: list[Kode] = solusi_terpadu_field()


class Personil(SiapModel):
    """Isi berkas ``4.4-personil.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.4"

    kebutuhan: list[KebutuhanPersonil] = Field(min_length=1, description="Tabel Kebutuhan Pengembangan Personil.")
    peningkatan_kompetensi: list[PeningkatanKompetensi] = Field(
        min_length=1, description="Tabel Peningkatan Kompetensi Personil."
    )
    program: list[ProgramPersonil] = Field(
        min_length=1, description="Tabel Program Peningkatan Kemampuan Personil (rekrutmen atau pelatihan)."
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        kembar = {k for k, n in Counter((b.unit, b.posisi) for b in self.kebutuhan).items() if n > 1}
        dilaporkan: set[tuple[str, str]] = set()
        for i, b in enumerate(self.kebutuhan):
            key = (b.unit, b.posisi)
            if key in kembar and key not in dilaporkan:
                dilaporkan.add(key)
                yield Finding(
                    loc=("kebutuhan", i, "posisi"),
                    code="4.4.kebutuhan.ganda",
                    params={"unit": b.unit, "posisi": b.posisi},
                )
        if not any(b.kekurangan > 0 for b in self.kebutuhan):
            for i, p in enumerate(self.program):
                if p.jenis == "rekrutmen":
                    yield Finding(
                        loc=("program", i, "jenis"),
                        code="4.4.program.rekrutmen_tanpa_kekurangan",
                        params={"program": p.id},
                        severity="warning",
                    )


