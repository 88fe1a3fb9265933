"""Topik 4.1, Rancangan Peningkatan Kapasitas Teknis: SWOT/SOAR quadrants, strategies and technical proposals."""

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
    TeksOpsional,
)
from assembler.models.tahap4.umum import solusi_terpadu_field

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "4.1.kuadran.bukan_bagian": (
            "kuadran '{kuadran}' bukan bagian dari analisis {jenis} (yang berlaku: {berlaku})",
            "quadrant '{kuadran}' is not part of a {jenis} analysis (expected: {berlaku})",
        ),
        "4.1.kuadran.kurang": (
            "kuadran '{kuadran}' analisis {jenis} belum diisi",
            "quadrant '{kuadran}' of the {jenis} analysis is missing",
        ),
        "4.1.strategi.kuadran_bukan_bagian": (
            "strategi berdasar pada kuadran '{kuadran}' yang bukan bagian dari analisis {jenis} "
            "(yang berlaku: {berlaku})",
            "the strategy is based on quadrant '{kuadran}', which is not part of a {jenis} analysis "
            "(expected: {berlaku})",
        ),
    }
)


# --- 4.1 Rancangan Peningkatan Kapasitas Teknis ----------------------------------------------------

JenisAnalisis = Literal["SWOT", "SOAR"]
Kuadran = Literal["kekuatan", "kelemahan", "peluang", "ancaman", "aspirasi", "hasil"]

#: The quadrants of each analysis, in display order.
KUADRAN: dict[JenisAnalisis, tuple[Kuadran, ...]] = {
    "SWOT": ("kekuatan", "kelemahan", "peluang", "ancaman"),
    "SOAR": ("kekuatan", "peluang", "aspirasi", "hasil"),
}
#: Letters of each quadrant, for the customary strategy labels (SO, WT, SA ...).
HURUF_KUADRAN: dict[str, str] = {
    "kekuatan": "S",
    "kelemahan": "W",
    "peluang": "O",
    "ancaman": "T",
    "aspirasi": "A",
    "hasil": "R",
}


class Strategi(SiapModel):
    """A strategy built from two or more quadrants (e.g. SO: use strengths to seize opportunities)."""

    id: Kode = IdField("strategi", "Kode strategi, misalnya 'sg-01'.")
    dasar: list[Kuadran] = Field(
        min_length=1,
        description="Kuadran yang dipadukan strategi ini, misalnya [kekuatan, peluang] untuk strategi SO.",
    )
    uraian: Teks = Field(description="Rumusan strategi peningkatan kapasitas teknis.")

    def label(self, jenis: JenisAnalisis) -> str:
        """'SO', 'WT', 'SA'...: letters in the analysis's own quadrant order."""
        urutan = KUADRAN[jenis]
        dasar = sorted(set(self.dasar), key=lambda k: urutan.index(k) if k in urutan else len(urutan))
        return "".join(HURUF_KUADRAN[k] for k in dasar)


class UsulanTeknis(SiapModel):
    """A proposed technical action (usulan tindakan teknis) serving strategies and indicators."""

    id: Kode = IdField("usulan_teknis", "Kode usulan tindakan teknis, misalnya 'ut-01'.")
    uraian: Teks = Field(description="Rumusan usulan tindakan peningkatan kapasitas teknis.")
    strategi: list[Kode] = RefField("strategi", "Kode strategi yang dijalankan (paling sedikit satu).", min_length=1)
    indikator: list[Kode] = RefField(
        "indikator",
        "Kode indikator kinerja (Topik 2.3) yang ditingkatkan, misalnya 'ind-nrw' (paling sedikit satu).",
        min_length=1,
    )
    target: TeksOpsional = Field(
        default="",
        description="Target khusus usulan ini, misalnya 'aliran zona 3 menjadi 24 jam'; kosongkan bila targetnya "
        "target indikator yang dirujuk: naskah mengambilnya dari Topik 5.1/2.3 agar ditulis sekali.",
    )
    solusi_terpadu: list[Kode] = solusi_terpadu_field()


class KapasitasTeknis(SiapModel):
    """Isi berkas ``4.1-kapasitas-teknis.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.1"

    jenis_analisis: JenisAnalisis = Field(
        description="Alat analisis yang dipakai: 'SWOT' (kekuatan, kelemahan, peluang, ancaman) atau 'SOAR' "
        "(kekuatan, peluang, aspirasi, hasil; pendekatan Appreciative Inquiry)."
    )
    kuadran: dict[Kuadran, list[Teks]] = Field(
        description="Isi setiap kuadran analisis. SWOT: kekuatan, kelemahan, peluang, ancaman. SOAR: kekuatan, "
        "peluang, aspirasi, hasil."
    )
    strategi: list[Strategi] = Field(min_length=1, description="Strategi umum peningkatan kapasitas teknis.")
    usulan_tindakan: list[UsulanTeknis] = Field(
        min_length=1, description="Usulan tindakan peningkatan kapasitas teknis pelayanan PDAM."
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        berlaku = KUADRAN[self.jenis_analisis]
        for kuadran in self.kuadran:
            if kuadran not in berlaku:
                yield Finding(
                    loc=("kuadran", kuadran),
                    code="4.1.kuadran.bukan_bagian",
                    params={"kuadran": kuadran, "jenis": self.jenis_analisis, "berlaku": list(berlaku)},
                )
        for wajib in berlaku:
            if not self.kuadran.get(wajib):  # absent, or written with nothing in it ('kekuatan: []')
                yield Finding(
                    loc=("kuadran", wajib) if wajib in self.kuadran else ("kuadran",),
                    code="4.1.kuadran.kurang",
                    params={"kuadran": wajib, "jenis": self.jenis_analisis},
                )
        for i, sg in enumerate(self.strategi):
            for j, kuadran in enumerate(sg.dasar):
                if kuadran not in berlaku:
                    yield Finding(
                        loc=("strategi", i, "dasar", j),
                        code="4.1.strategi.kuadran_bukan_bagian",
                        params={"kuadran": kuadran, "jenis": self.jenis_analisis, "berlaku": list(berlaku)},
                    )


