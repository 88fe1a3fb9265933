"""Topik 4.6, Rancangan Peningkatan Kapasitas Keuangan: financial condition and proposals."""

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
    Tahun,
    Teks,
    TeksOpsional,
    empty_list,
)
from assembler.models.tahap4.umum import solusi_terpadu_field

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "4.6.usulan.tarif_tanpa_regulasi": (
            "usulan kategori 'tarif' harus menyebut regulasi acuan (misalnya Permendagri 71/2016)",
            "a proposal of category 'tarif' must name its regulations (e.g. Permendagri 71/2016)",
        ),
    }
)


# --- 4.6 Rancangan Peningkatan Kapasitas Keuangan --------------------------------------------------

KategoriKeuangan = Literal["pendapatan", "efisiensi_biaya", "pembiayaan_investasi", "tarif"]
#: How every document prints a KategoriKeuangan.
KATEGORI_KEUANGAN_LABEL: dict[KategoriKeuangan, str] = {
    "pendapatan": "Peningkatan pendapatan",
    "efisiensi_biaya": "Efisiensi biaya",
    "pembiayaan_investasi": "Pembiayaan investasi",
    "tarif": "Tarif",
}


class KondisiKeuangan(SiapModel):
    """A fact about the current financial condition, with its year and source."""

    indikator: Teks = Field(description="Nama indikator, misalnya 'Rasio biaya operasional terhadap pendapatan'.")
    nilai: float = Field(description="Nilai indikator.")
    satuan: Teks = Field(description="Satuan, misalnya '%' atau 'kali'.")
    tahun: Tahun = Field(description="Tahun data.")
    sumber: Teks = Field(description="Sumber data, misalnya 'Laporan Keuangan Audited 2025'.")
    keterangan: TeksOpsional = Field(default="", description="Tafsiran atau pembanding (boleh kosong).")


class UsulanKeuangan(SiapModel):
    """A proposal to strengthen the utility's finances (Rumusan Usulan Pengembangan Kapasitas Finansial)."""

    id: Kode = IdField("usulan_keuangan", "Kode usulan keuangan, misalnya 'uk-01'.")
    uraian: Teks = Field(description="Rumusan usulan.")
    kategori: KategoriKeuangan = Field(
        description="Kategori: 'pendapatan', 'efisiensi_biaya', 'pembiayaan_investasi' atau 'tarif'."
    )
    dampak_keuangan: int = Field(
        description="Perkiraan dampak keuangan per tahun dalam Rupiah: positif untuk tambahan pendapatan atau "
        "penghematan, negatif untuk tambahan beban/investasi."
    )
    dasar_perhitungan: TeksOpsional = Field(default="", description="Cara perkiraan dampak dihitung.")
    sumber: Teks = Field(description="Sumber dana atau sumber penerimaan, misalnya 'RKAP PDAM' atau 'APBD'.")
    prasyarat: list[Teks] = Field(default_factory=empty_list, description="Prasyarat pelaksanaan usulan.")
    regulasi: list[Kode] = RefField(
        "regulasi", "Kode regulasi (Topik 2.2) yang menjadi acuan usulan.", default_factory=empty_list
    )
    solusi_terpadu: list[Kode] = solusi_terpadu_field()


class Keuangan(SiapModel):
    """Isi berkas ``4.6-keuangan.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.6"

    kondisi: list[KondisiKeuangan] = Field(
        min_length=1, description="Ringkasan kondisi keuangan PDAM saat ini (data dengan tahun dan sumber)."
    )
    usulan: list[UsulanKeuangan] = Field(min_length=1, description="Usulan peningkatan kapasitas keuangan PDAM.")

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        # A tariff change is only lawful under the tariff regulations; naming them early saves the
        # Bagian Hukum a round trip.
        for i, u in enumerate(self.usulan):
            if u.kategori == "tarif" and not u.regulasi:
                yield Finding(loc=("usulan", i, "regulasi"), code="4.6.usulan.tarif_tanpa_regulasi")


