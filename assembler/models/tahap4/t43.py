"""Topik 4.3, Rancangan Pengembangan Kebijakan: the proposed regulations and their discussion plan."""

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
from assembler.models.tahap4.umum import solusi_terpadu_field

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "4.3.kebijakan.revisi_tanpa_regulasi": (
            "usulan berstatus 'revisi' harus menyebut regulasi yang direvisi (regulasi_direvisi)",
            "a proposal with status 'revisi' must name the regulation it revises (regulasi_direvisi)",
        ),
        "4.3.kebijakan.standar_pelayanan": (
            "Standar Pelayanan dan Maklumat Pelayanan ditetapkan oleh penyelenggara (Direksi Perumda, UU 25/2009 "
            "Pasal 15 dan 20), bukan dengan {jenis}; gunakan jenis 'peraturan_direksi'",
            "the Standar Pelayanan and the Maklumat are set by the service provider (the Perumda's Direksi, UU "
            "25/2009 Pasal 15 and 20), not by {jenis}; use jenis 'peraturan_direksi'",
        ),
        "4.3.kebijakan.baru_merevisi": (
            "usulan berstatus 'baru' tidak merevisi regulasi; kosongkan regulasi_direvisi atau ubah "
            "status menjadi 'revisi'",
            "a proposal with status 'baru' revises nothing; empty regulasi_direvisi or set status to 'revisi'",
        ),
    }
)


# --- 4.3 Rancangan Pengembangan Kebijakan ----------------------------------------------------------

JenisKebijakan = Literal[
    "perda",
    "peraturan_kepala_daerah",
    "keputusan_kepala_daerah",
    "juklak",
    "juknis",
    "peraturan_direksi",
    "sop",
]


def nama_jenis_kebijakan(jenis: str, kepala: str = "Bupati") -> str:
    """Display name of a policy type; ``kepala`` ('Bupati'/'Walikota') comes from stpp.yaml."""
    return {
        "perda": "Peraturan Daerah",
        "peraturan_kepala_daerah": f"Peraturan {kepala}",
        "keputusan_kepala_daerah": f"Keputusan {kepala}",
        "juklak": "Petunjuk Pelaksanaan (Juklak)",
        "juknis": "Petunjuk Teknis (Juknis)",
        "peraturan_direksi": "Peraturan Direksi",
        "sop": "Standar Operasional Prosedur (SOP)",
    }.get(jenis, jenis)


class RencanaPembahasan(SiapModel):
    """One step of the plan to discuss a policy proposal with the parties concerned."""

    kegiatan: Teks = Field(description="Kegiatan pembahasan, misalnya 'Rapat harmonisasi dengan Bagian Hukum'.")
    pihak_terkait: list[Kode] = RefField(
        "stakeholder", "Kode stakeholder (Topik 1.1) yang dilibatkan (paling sedikit satu).", min_length=1
    )
    waktu: Teks = Field(description="Waktu pelaksanaan, misalnya 'Minggu II Mei 2026'.")
    keluaran: Teks = Field(description="Hasil yang diharapkan dari kegiatan ini.")


class UsulanKebijakan(SiapModel):
    """A proposed new or revised regional policy (Rumusan Usulan Penyempurnaan/Penyusunan Kebijakan)."""

    id: Kode = IdField("kebijakan", "Kode usulan kebijakan, misalnya 'kb-01'.")
    jenis: JenisKebijakan = Field(
        description="Jenis kebijakan: perda, peraturan_kepala_daerah (Perbup/Perwal), keputusan_kepala_daerah "
        "(Keputusan Bupati/Walikota), juklak, juknis, peraturan_direksi atau sop."
    )
    judul: Teks = Field(description="Judul rancangan kebijakan.")
    status: Literal["baru", "revisi"] = Field(
        description="'baru' bila kebijakan disusun baru; 'revisi' bila menyempurnakan kebijakan yang berlaku."
    )
    regulasi_direvisi: Kode | None = RefField(
        "regulasi", "Kode regulasi (Topik 2.2) yang direvisi; wajib bila status 'revisi'.", default=None
    )
    substansi_pokok: list[Teks] = Field(min_length=1, description="Pokok-pokok substansi yang diatur.")
    regulasi_acuan: list[Kode] = RefField(
        "regulasi", "Kode regulasi (Topik 2.2) yang menjadi acuan atau dasar hukum.", default_factory=empty_list
    )
    pemrakarsa: Kode = RefField(
        ("lembaga", "stakeholder"),
        "Kode lembaga (Topik 2.2) atau stakeholder (Topik 1.1) yang memprakarsai penyusunan.",
    )
    rencana_pembahasan: list[RencanaPembahasan] = Field(
        default_factory=empty_list, description="Rencana pembahasan usulan dengan pihak terkait."
    )
    solusi_terpadu: list[Kode] = solusi_terpadu_field()


class Kebijakan(SiapModel):
    """Isi berkas ``4.3-kebijakan.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.3"

    usulan: list[UsulanKebijakan] = Field(
        min_length=1, description="Usulan penyempurnaan atau penyusunan kebijakan daerah yang mendukung pelayanan."
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        for i, u in enumerate(self.usulan):
            if u.status == "revisi" and u.regulasi_direvisi is None:
                yield Finding(loc=("usulan", i, "status"), code="4.3.kebijakan.revisi_tanpa_regulasi")
            if u.status == "baru" and u.regulasi_direvisi is not None:
                yield Finding(loc=("usulan", i, "regulasi_direvisi"), code="4.3.kebijakan.baru_merevisi")
            # format-perkada-sop.md §0 and §4 no. 13: the penyelenggara sets its own service standard.
            judul = u.judul.lower()
            if (
                u.jenis in ("perda", "peraturan_kepala_daerah", "keputusan_kepala_daerah")
                and ("maklumat pelayanan" in judul or ("standar pelayanan" in judul and "minimal" not in judul))
            ):
                kepala = ws.stpp.daerah.kepala if ws.stpp is not None else "Bupati"
                yield Finding(
                    loc=("usulan", i, "jenis"),
                    code="4.3.kebijakan.standar_pelayanan",
                    params={"jenis": nama_jenis_kebijakan(u.jenis, kepala)},
                    severity="warning",
                )


