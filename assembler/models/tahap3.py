"""Tahap 3, Analisis Kebutuhan: topics 3.1 (technical and management needs) and 3.2 (root causes).

3.1 records the facilitated diagnosis: the good-governance checklist (5 processes x 5 criteria), the
technical/management problems per area, the main problems against the service criteria, the
Harapan/Kenyataan cards, supporting and inhibiting factors, and the Analisis Diagnostik worksheet.
3.2 turns it into root causes per step of the Diagram Alur Pelayanan Publik, alternative solutions
and the 2-3 integrated solutions (solusi terpadu) that every stage-4 design builds on.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal, get_args

from pydantic import Field

from assembler.messages import register
from assembler.models.base import Finding, IdField, Kode, Loc, RefField, SiapModel, Teks, TeksOpsional, empty_list

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

# --- 3.1 -------------------------------------------------------------------------------------------

#: Processes of the checklist "Identifikasi Kesenjangan Proses Berdasarkan Aspek Good Governance".
#: The keys are fixed: content/ holds their display names, templates iterate in this order.
ProsesPelayanan = Literal[
    "penetapan_kelompok_sasaran",
    "perancangan_paket_layanan",
    "mobilisasi_dukungan",
    "penyaluran_pelayanan",
    "pusat_pelayanan",
]
#: Good-governance criteria of the checklist (columns).
KriteriaGoodGovernance = Literal["transparan", "partisipatif", "akuntabel", "aksesibel", "terjangkau"]
#: Criteria of a good service delivery against which the main problems are visualised.
KriteriaPelayanan = Literal["transparan", "partisipatif", "akuntabel", "mudah", "cepat", "lancar"]
#: The four areas of service delivery management named in the Keluaran of 3.1.
AreaPersoalan = Literal["penetapan_kelompok_sasaran", "penyiapan", "penyaluran", "penyajian"]
Penilaian = Literal["sudah", "sebagian", "belum"]
#: How every document prints a Penilaian.
PENILAIAN_LABEL: dict[Penilaian, str] = {"sudah": "Sudah", "sebagian": "Sebagian", "belum": "Belum"}

PROSES: tuple[ProsesPelayanan, ...] = get_args(ProsesPelayanan)
KRITERIA_GOOD_GOVERNANCE: tuple[KriteriaGoodGovernance, ...] = get_args(KriteriaGoodGovernance)
KRITERIA_PELAYANAN: tuple[str, ...] = get_args(KriteriaPelayanan)
AREA_PERSOALAN: tuple[str, ...] = get_args(AreaPersoalan)

register(
    {
        "3.1.daftar_periksa.sel_kosong": (
            "penilaian proses '{proses}' pada kriteria '{kriteria}' belum diisi; daftar periksa good "
            "governance harus lengkap (5 proses x 5 kriteria)",
            "process '{proses}' has no judgement for criterion '{kriteria}'; the good-governance "
            "checklist must be complete (5 processes x 5 criteria)",
        ),
        "3.2.solusi_terpadu.jumlah": (
            "terdapat {jumlah} solusi terpadu; panduan meminta 2-3 solusi terpadu",
            "there are {jumlah} integrated solutions; the guide asks for 2-3",
        ),
        "3.2.solusi.tidak_dipakai": (
            "solusi alternatif '{solusi}' tidak dipakai oleh solusi terpadu mana pun",
            "alternative solution '{solusi}' is not used by any integrated solution",
        ),
        "3.2.alur.tanpa_akar_masalah": (
            "tahap alur pelayanan '{tahap}' belum memiliki akar masalah",
            "step '{tahap}' of the service flow has no root cause",
        ),
    }
)


class SelPeriksa(SiapModel):
    """One cell of the checklist: how far a process meets one good-governance criterion."""

    penilaian: Penilaian = Field(
        description="Penilaian Pokja: 'sudah' (telah terpenuhi), 'sebagian' (terpenuhi sebagian) "
        "atau 'belum' (belum terpenuhi)."
    )
    catatan: TeksOpsional = Field(
        default="", description="Catatan singkat yang menjelaskan penilaian atau kesenjangan yang ditemukan."
    )


class PersoalanArea(SiapModel):
    """Technical and management problems found in one area of service delivery."""

    teknis: list[Teks] = Field(
        default_factory=empty_list, description="Persoalan teknis (jaringan, produksi, peralatan) pada area ini."
    )
    manajemen: list[Teks] = Field(
        default_factory=empty_list,
        description="Persoalan manajemen (prosedur, personil, kebijakan, organisasi) pada area ini.",
    )


class PersoalanUtama(SiapModel):
    """A main problem of service delivery management, tied to the criteria it violates."""

    uraian: Teks = Field(description="Rumusan persoalan utama dalam manajemen penyaluran pelayanan PDAM.")
    kriteria: list[KriteriaPelayanan] = Field(
        min_length=1,
        description="Kriteria pelayanan yang belum terpenuhi: transparan, partisipatif, akuntabel, mudah, "
        "cepat, lancar.",
    )
    keterangan: TeksOpsional = Field(default="", description="Penjelasan atau bukti pendukung (boleh kosong).")


class KartuKesenjangan(SiapModel):
    """The metaplan cards of one process, sorted into Harapan (expectation) and Kenyataan (reality)."""

    proses: ProsesPelayanan = Field(description="Proses pelayanan yang dibahas kartu-kartu ini.")
    harapan: list[Teks] = Field(min_length=1, description="Kartu 'Harapan': keadaan yang diinginkan.")
    kenyataan: list[Teks] = Field(min_length=1, description="Kartu 'Kenyataan': keadaan yang terjadi saat ini.")


class Faktor(SiapModel):
    """Forces that help or hinder solving the problems (Visualisasi Faktor Pendukung dan Penghambat)."""

    pendukung: list[Teks] = Field(
        min_length=1, description="Faktor pendukung/pendorong penanganan persoalan pelayanan."
    )
    penghambat: list[Teks] = Field(min_length=1, description="Faktor penghambat penanganan persoalan pelayanan.")


class BarisDiagnostik(SiapModel):
    """One row of the Analisis Diagnostik worksheet.

    Columns follow a diagnostic worksheet as the guide's session 2 describes it: the problem, its
    symptoms, its (root) causes, its effects, and the ideas to close the gap split into opportunities
    (peluang) and preconditions (prasyarat).
    """

    persoalan: Teks = Field(description="Persoalan yang dianalisis.")
    gejala: list[Teks] = Field(default_factory=empty_list, description="Gejala yang tampak (fakta, data, keluhan).")
    penyebab: list[Teks] = Field(min_length=1, description="Penyebab atau akar persoalan.")
    dampak: list[Teks] = Field(default_factory=empty_list, description="Dampak persoalan terhadap pelanggan dan PDAM.")
    peluang: list[Teks] = Field(
        default_factory=empty_list, description="Peluang atau ide perbaikan untuk mengurangi kesenjangan."
    )
    prasyarat: list[Teks] = Field(
        default_factory=empty_list, description="Prasyarat agar ide perbaikan dapat dilaksanakan."
    )


class KebutuhanTeknisManajemen(SiapModel):
    """Isi berkas ``3.1-kebutuhan-teknis-manajemen.yaml``."""

    TOPIK_ID: ClassVar[str] = "3.1"

    daftar_periksa: dict[ProsesPelayanan, dict[KriteriaGoodGovernance, SelPeriksa]] = Field(
        description="Daftar periksa Identifikasi Kesenjangan Proses Berdasarkan Aspek Good Governance: untuk "
        "setiap proses (penetapan_kelompok_sasaran, perancangan_paket_layanan, mobilisasi_dukungan, "
        "penyaluran_pelayanan, pusat_pelayanan) penilaian tiap kriteria (transparan, partisipatif, "
        "akuntabel, aksesibel, terjangkau)."
    )
    persoalan: dict[AreaPersoalan, PersoalanArea] = Field(
        description="Identifikasi persoalan teknis dan manajemen per area: penetapan_kelompok_sasaran, "
        "penyiapan, penyaluran, penyajian."
    )
    persoalan_utama: list[PersoalanUtama] = Field(
        min_length=1,
        description="Persoalan utama manajemen penyaluran pelayanan, dikaitkan dengan kriteria pelayanan.",
    )
    kartu: list[KartuKesenjangan] = Field(
        default_factory=empty_list,
        description="Kartu metaplan Harapan dan Kenyataan, dikelompokkan per proses pelayanan.",
    )
    faktor: Faktor = Field(description="Faktor pendukung/pendorong dan penghambat penanganan persoalan.")
    analisis_diagnostik: list[BarisDiagnostik] = Field(
        default_factory=empty_list,
        description="Lembar kerja Analisis Diagnostik (Tindak Lanjut Pokja); boleh kosong sampai dikerjakan.",
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        # Every cell must be judged: an empty cell would print as a blank in the working paper and
        # hide a gap the Pokja never discussed.
        periksa: dict[str, set[str]] = {str(p): {str(k) for k in sel} for p, sel in self.daftar_periksa.items()}
        for proses in PROSES:
            diisi = periksa.get(proses)
            # A missing process points at the checklist itself, a missing cell at its process.
            loc: Loc = ("daftar_periksa",) if diisi is None else ("daftar_periksa", proses)
            for kriteria in KRITERIA_GOOD_GOVERNANCE:
                if diisi is None or kriteria not in diisi:
                    yield Finding(
                        loc=loc,
                        code="3.1.daftar_periksa.sel_kosong",
                        params={"proses": proses, "kriteria": kriteria},
                    )


# --- 3.2 -------------------------------------------------------------------------------------------

#: Steps of the Diagram Alur Pelayanan Publik, in flow order.
TahapAlur = Literal["rancangan_pelayanan", "mobilisasi", "penyaluran", "menjangkau_kelompok_sasaran"]
TAHAP_ALUR: tuple[str, ...] = get_args(TahapAlur)


class AkarMasalahItem(SiapModel):
    """A root cause found at one step of the service flow."""

    id: Kode = IdField("akar_masalah", "Kode akar masalah, misalnya 'am-01'.")
    tahap_alur: TahapAlur = Field(
        description="Tahap dalam Diagram Alur Pelayanan Publik: rancangan_pelayanan, mobilisasi, penyaluran "
        "atau menjangkau_kelompok_sasaran."
    )
    uraian: Teks = Field(description="Rumusan akar masalah yang disepakati.")
    isu: Kode | None = RefField("isu", "Kode isu (Topik 2.1) yang terkait, biasanya isu utama.", default=None)


class SolusiAlternatif(SiapModel):
    """An alternative solution to one or more root causes."""

    id: Kode = IdField("solusi", "Kode solusi alternatif, misalnya 'sa-01'.")
    uraian: Teks = Field(description="Rumusan solusi alternatif perbaikan manajemen pelayanan.")
    akar_masalah: list[Kode] = RefField(
        "akar_masalah", "Kode akar masalah yang diatasi solusi ini (paling sedikit satu).", min_length=1
    )


class SolusiTerpadu(SiapModel):
    """An integrated solution: the strategic point combining several alternative solutions."""

    id: Kode = IdField("solusi_terpadu", "Kode solusi terpadu, misalnya 'st-1'.")
    rumusan: Teks = Field(description="Rumusan solusi terpadu perbaikan manajemen pelayanan publik.")
    solusi: list[Kode] = RefField(
        "solusi", "Kode solusi alternatif yang dipadukan (paling sedikit satu).", min_length=1
    )


class AkarMasalah(SiapModel):
    """Isi berkas ``3.2-akar-masalah.yaml``."""

    TOPIK_ID: ClassVar[str] = "3.2"

    akar_masalah: list[AkarMasalahItem] = Field(
        min_length=1, description="Daftar akar masalah per tahap Diagram Alur Pelayanan Publik."
    )
    solusi_alternatif: list[SolusiAlternatif] = Field(
        min_length=1, description="Daftar solusi alternatif perbaikan manajemen pelayanan publik."
    )
    solusi_terpadu: list[SolusiTerpadu] = Field(
        description="Dua sampai tiga solusi terpadu sebagai titik strategis perbaikan manajemen pelayanan."
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        # The guide asks for a focused set of 2-3 strategic points; more dilutes stage 4.
        jumlah = len(self.solusi_terpadu)
        if not 2 <= jumlah <= 3:
            yield Finding(loc=("solusi_terpadu",), code="3.2.solusi_terpadu.jumlah", params={"jumlah": jumlah})
        dipakai = {ref for st in self.solusi_terpadu for ref in st.solusi}
        for i, sa in enumerate(self.solusi_alternatif):
            if sa.id not in dipakai:
                # A warning, not an error: a solution may be deliberately set aside, but it is
                # more often forgotten when the integrated solutions were written.
                yield Finding(
                    loc=("solusi_alternatif", i, "id"),
                    code="3.2.solusi.tidak_dipakai",
                    params={"solusi": sa.id},
                    severity="warning",
                )
        ada = {am.tahap_alur for am in self.akar_masalah}
        for tahap in TAHAP_ALUR:
            if tahap not in ada:
                yield Finding(
                    loc=("akar_masalah",),
                    code="3.2.alur.tanpa_akar_masalah",
                    params={"tahap": tahap},
                    severity="warning",
                )
