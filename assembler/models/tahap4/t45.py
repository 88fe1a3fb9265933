"""Topik 4.5, Rancangan Peningkatan Organisasi Penyelenggara Pelayanan: units, tasks, job descriptions."""

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from assembler.messages import register
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    RefField,
    SiapModel,
    Teks,
    empty_list,
)
from assembler.models.tahap4.t42 import Durasi
from assembler.models.tahap4.umum import solusi_terpadu_field

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "4.5.unit.induk_melingkar": (
            "susunan induk unit membentuk lingkaran: {lingkaran}",
            "the parent units form a cycle: {lingkaran}",
        ),
    }
)


# --- 4.5 Rancangan Peningkatan Organisasi Penyelenggara Pelayanan ----------------------------------


StatusUnit = Literal["ada", "baru", "diubah"]
#: How the documents' tables print a unit's StatusUnit.
STATUS_UNIT_LABEL: dict[StatusUnit, str] = {"ada": "Tetap", "baru": "Baru", "diubah": "Disempurnakan"}


class Unit(SiapModel):
    """An organisational unit: its place in the chart and its role, tasks and responsibilities."""

    id: Kode = IdField("unit", "Kode unit, misalnya 'u-hublang'.")
    nama: Teks = Field(description="Nama unit, misalnya 'Bagian Hubungan Langganan'.")
    induk: Kode | None = RefField(
        "unit",
        "Kode unit atasan langsung (untuk bagan organisasi); kosong bila langsung di bawah Direksi.",
        default=None,
    )
    status: StatusUnit = Field(
        description="'ada' (tetap), 'baru' (unit baru) atau 'diubah' (unit yang disempurnakan)."
    )
    peran: Teks = Field(description="Peran unit dalam sistem pelayanan.")
    tugas: list[Teks] = Field(min_length=1, description="Tugas unit.")
    tanggung_jawab: list[Teks] = Field(min_length=1, description="Tanggung jawab unit.")
    solusi_terpadu: list[Kode] = solusi_terpadu_field()


class AnalisisTugas(SiapModel):
    """A row of the Format tabulasi analisis tugas."""

    unit: Kode = RefField("unit", "Kode unit pelaksana tugas.")
    tugas: Teks = Field(description="Uraian tugas.")
    volume: Teks = Field(description="Volume atau frekuensi tugas, misalnya '± 400 permohonan per bulan'.")
    pelaksana: Teks = Field(description="Jabatan pelaksana tugas.")
    waktu_penyelesaian: Durasi = Field(description="Waktu penyelesaian per satuan tugas.")


class UraianJabatan(SiapModel):
    """A job description of a key position (uraian jabatan)."""

    jabatan: Teks = Field(description="Nama jabatan.")
    unit: Kode = RefField("unit", "Kode unit tempat jabatan ini.")
    atasan_langsung: Teks = Field(description="Jabatan atasan langsung.")
    ikhtisar: Teks = Field(description="Ikhtisar jabatan dalam satu kalimat.")
    tugas_pokok: list[Teks] = Field(min_length=1, description="Tugas pokok jabatan.")
    wewenang: list[Teks] = Field(default_factory=empty_list, description="Wewenang jabatan.")
    syarat: list[Teks] = Field(
        default_factory=empty_list, description="Syarat jabatan (pendidikan, pengalaman, pelatihan)."
    )


class Organisasi(SiapModel):
    """Isi berkas ``4.5-organisasi.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.5"

    unit: list[Unit] = Field(
        min_length=1, description="Unit-unit penyelenggara pelayanan beserta peran, tugas dan tanggung jawabnya."
    )
    analisis_tugas: list[AnalisisTugas] = Field(
        default_factory=empty_list, description="Tabulasi analisis tugas per unit."
    )
    uraian_jabatan: list[UraianJabatan] = Field(
        default_factory=empty_list, description="Uraian jabatan untuk jabatan kunci pelayanan."
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        # A cycle makes the organisation chart impossible to draw; report each cycle once, at the
        # first unit of the cycle in list order.
        induk = {u.id: u.induk for u in self.unit}
        posisi = {u.id: i for i, u in enumerate(self.unit)}
        dilaporkan: set[str] = set()
        for u in self.unit:
            jalur: list[str] = []
            kini: str | None = u.id
            while kini is not None and kini in induk and kini not in jalur:
                jalur.append(kini)
                kini = induk[kini]
            if kini is None or kini not in jalur:
                continue
            lingkaran = jalur[jalur.index(kini) :]
            if dilaporkan.intersection(lingkaran):
                continue
            dilaporkan.update(lingkaran)
            awal = min(lingkaran, key=lambda k: posisi[k])
            mulai = lingkaran.index(awal)
            urut = lingkaran[mulai:] + lingkaran[:mulai] + [awal]
            yield Finding(
                loc=("unit", posisi[awal], "induk"),
                code="4.5.unit.induk_melingkar",
                params={"lingkaran": " → ".join(urut)},
            )


