"""Tahap 4, Analisis Peningkatan Kapasitas Pelayanan PDAM: topics 4.1 to 4.7.

4.1-4.6 are the designs (technical capacity, procedures, policy, personnel, organisation,
finances), each traceable to the integrated solutions of 3.2. 4.7 gathers the proposed actions,
scores them with MCUA and records tie-break rounds; the ranks themselves are computed by
:mod:`assembler.scoring.mcua`, never typed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from assembler.messages import register
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
)
from assembler.models.tahap3 import AkarMasalah
from assembler.scoring.mcua import ASPEK, hitung_mcua, jumlah_terbobot

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        # 4.1
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
        # 4.2
        "4.2.langkah.kode_ganda": (
            "kode langkah '{kode}' dipakai lebih dari sekali dalam layanan '{layanan}'",
            "step code '{kode}' is used more than once in service '{layanan}'",
        ),
        "4.2.perubahan.tanpa_tujuan": (
            "perubahan '{perubahan}' harus menunjuk langkah perbaikan (langkah_baru)",
            "change '{perubahan}' must point to an improved step (langkah_baru)",
        ),
        "4.2.perubahan.dihapus_bertujuan": (
            "langkah yang dihapus tidak boleh menunjuk langkah perbaikan (tertulis: {langkah})",
            "a removed step must not point to an improved step (found: {langkah})",
        ),
        "4.2.perubahan.langkah_tidak_ada": (
            "langkah perbaikan '{kode}' tidak ada dalam layanan '{layanan}' (yang ada: {ada})",
            "improved step '{kode}' does not exist in service '{layanan}' (existing: {ada})",
        ),
        "4.2.perubahan.pelimpahan_tanpa_pelaku": (
            "perubahan 'dilimpahkan' harus menyebut pelaksana penerima pelimpahan (dilimpahkan_kepada)",
            "change 'dilimpahkan' must name the actor the step is delegated to (dilimpahkan_kepada)",
        ),
        "4.2.perubahan.pelaku_bukan_pelimpahan": (
            "dilimpahkan_kepada hanya diisi untuk perubahan 'dilimpahkan', bukan '{perubahan}'",
            "dilimpahkan_kepada is only for change 'dilimpahkan', not '{perubahan}'",
        ),
        "4.2.perubahan.gabung_tunggal": (
            "langkah digabung ke langkah perbaikan '{kode}', tetapi tidak ada langkah lain yang menuju ke sana",
            "the step is merged into improved step '{kode}', but no other step leads there",
        ),
        # 4.3
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
        # 4.4
        "4.4.kebutuhan.ganda": (
            "posisi '{posisi}' pada unit '{unit}' tercatat lebih dari sekali",
            "position '{posisi}' in unit '{unit}' is listed more than once",
        ),
        "4.4.program.rekrutmen_tanpa_kekurangan": (
            "program rekrutmen '{program}' diusulkan, padahal Tabel Kebutuhan Pengembangan Personil "
            "tidak menunjukkan kekurangan personil",
            "recruitment programme '{program}' is proposed although the personnel needs table shows no shortage",
        ),
        # 4.5
        "4.5.unit.induk_melingkar": (
            "susunan induk unit membentuk lingkaran: {lingkaran}",
            "the parent units form a cycle: {lingkaran}",
        ),
        # 4.6
        "4.6.usulan.tarif_tanpa_regulasi": (
            "usulan kategori 'tarif' harus menyebut regulasi acuan (misalnya Permendagri 71/2016)",
            "a proposal of category 'tarif' must name its regulations (e.g. Permendagri 71/2016)",
        ),
        # 4.7
        "4.7.kriteria.jumlah_bobot": (
            "jumlah bobot kriteria {jumlah}, seharusnya 100",
            "criterion weights sum to {jumlah}, expected 100",
        ),
        "4.7.kriteria.skala_terbalik": (
            "skala_min ({min}) harus lebih kecil dari skala_maks ({maks})",
            "skala_min ({min}) must be smaller than skala_maks ({maks})",
        ),
        "4.7.kriteria.id_ganda": (
            "kode kriteria '{kriteria}' dipakai lebih dari sekali",
            "criterion code '{kriteria}' is used more than once",
        ),
        "4.7.skor.di_luar_skala": (
            "skor {nilai} di luar skala kriteria '{kriteria}' ({min}–{maks})",
            "score {nilai} is outside the scale of criterion '{kriteria}' ({min}-{maks})",
        ),
        "4.7.skor.kriteria_tidak_dikenal": (
            "kriteria '{kriteria}' tidak ada dalam daftar kriteria (yang ada: {ada})",
            "criterion '{kriteria}' is not in the list of criteria (existing: {ada})",
        ),
        "4.7.skor.belum_dinilai": (
            "tindakan '{tindakan}' belum dinilai pada kriteria '{kriteria}'",
            "action '{tindakan}' has no score for criterion '{kriteria}'",
        ),
        "4.7.tindakan.sub_aspek_wajib": (
            "tindakan aspek manajemen harus menyebut sub_aspek P3O (prosedur, personil, kebijakan, organisasi)",
            "a management action must name its P3O sub_aspek (prosedur, personil, kebijakan, organisasi)",
        ),
        "4.7.tindakan.sub_aspek_terlarang": (
            "sub_aspek hanya diisi untuk aspek manajemen; tindakan ini beraspek '{aspek}'",
            "sub_aspek is only for management actions; this action's aspect is '{aspek}'",
        ),
        "4.7.putaran.tidak_seri": (
            "putaran ulang hanya untuk tindakan yang bernilai sama pada putaran pertama; nilai: {rincian}",
            "a tie-break round is only for actions with equal first-round totals; totals: {rincian}",
        ),
        "4.7.putaran.bukan_peserta": (
            "tindakan '{tindakan}' bukan peserta putaran ulang ini (peserta: {peserta})",
            "action '{tindakan}' does not take part in this tie-break round (participants: {peserta})",
        ),
        "4.7.solusi_terpadu.tanpa_tindakan": (
            "solusi terpadu '{solusi}' (Topik 3.2) belum dijabarkan dalam usulan tindakan mana pun "
            "(rujukan.solusi_terpadu)",
            "integrated solution '{solusi}' (topic 3.2) is not taken up by any action (rujukan.solusi_terpadu)",
        ),
        "4.7.seri.belum_diputus": (
            "tindakan {tindakan} bernilai sama ({total}) pada aspek {aspek}; catat putaran ulang MCUA "
            "untuk menentukan urutannya",
            "actions {tindakan} have equal totals ({total}) in aspect {aspek}; record a tie-break MCUA "
            "round to order them",
        ),
    }
)


def _solusi_terpadu_field() -> Any:
    """The link back to 3.2 that every stage-4 design item carries (optional)."""
    return RefField(
        "solusi_terpadu",
        "Kode solusi terpadu (Topik 3.2) yang dijabarkan oleh butir ini (boleh kosong).",
        default_factory=list,
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
    solusi_terpadu: list[Kode] = _solusi_terpadu_field()


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

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        berlaku = KUADRAN[self.jenis_analisis]
        for kuadran in self.kuadran:
            if kuadran not in berlaku:
                yield Finding(
                    loc=("kuadran", kuadran),
                    code="4.1.kuadran.bukan_bagian",
                    params={"kuadran": kuadran, "jenis": self.jenis_analisis, "berlaku": list(berlaku)},
                )
        for wajib in berlaku:
            if wajib not in self.kuadran:
                yield Finding(
                    loc=("kuadran",),
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


# --- 4.2 Rancangan Perbaikan Prosedur Pelayanan ----------------------------------------------------

SatuanWaktu = Literal["menit", "jam", "hari kerja", "hari"]
JenisPerubahan = Literal["dihapus", "digabung", "disederhanakan", "dilimpahkan", "tetap"]
#: How every document prints a JenisPerubahan (capitalised; lower-case it inside a sentence).
PERUBAHAN_LABEL: dict[JenisPerubahan, str] = {
    "dihapus": "Dihapus",
    "digabung": "Digabung",
    "disederhanakan": "Disederhanakan",
    "dilimpahkan": "Dilimpahkan",
    "tetap": "Tetap",
}


class Durasi(SiapModel):
    """A duration as the Pokja states it; totals are computed later, per unit."""

    nilai: float = Field(ge=0, description="Lama waktu, misalnya 2 atau 0.5.")
    satuan: SatuanWaktu = Field(description="Satuan waktu: 'menit', 'jam', 'hari kerja' atau 'hari'.")


class Langkah(SiapModel):
    """One step of a service procedure (a box of the Bagan Alir)."""

    kode: Kode = Field(
        description="Kode langkah, unik dalam satu layanan, misalnya 'A1' (prosedur saat ini) atau 'B1' "
        "(prosedur perbaikan). Nomor urut dicetak menurut urutan daftar."
    )
    uraian: Teks = Field(description="Kegiatan yang dilakukan pada langkah ini.")
    pelaku: Teks = Field(description="Pelaksana langkah, misalnya 'Petugas loket Hubungan Langganan' atau 'Pemohon'.")
    durasi: Durasi = Field(description="Lama penyelesaian langkah.")
    dokumen: list[Teks] = Field(
        default_factory=list, description="Dokumen/formulir yang dipakai atau dihasilkan pada langkah ini."
    )


class Perubahan(SiapModel):
    """What happens to a current step in the improved procedure, and why."""

    jenis: JenisPerubahan = Field(
        description="Perubahan langkah: 'dihapus', 'digabung', 'disederhanakan', 'dilimpahkan' atau 'tetap'."
    )
    langkah_baru: list[Kode] = Field(
        default_factory=list,
        description="Kode langkah pada prosedur perbaikan yang menampung langkah ini; kosong bila 'dihapus'.",
    )
    dilimpahkan_kepada: TeksOpsional = Field(
        default="", description="Pelaksana penerima pelimpahan; hanya untuk perubahan 'dilimpahkan'."
    )
    alasan: Teks = Field(description="Alasan perubahan yang disepakati Pokja.")


class LangkahSaatIni(Langkah):
    """A step of the current procedure, with the change agreed for it."""

    perubahan: Perubahan = Field(description="Perubahan yang disepakati untuk langkah ini.")


class Layanan(SiapModel):
    """One service whose procedure is redesigned (Rancangan Bagan Alir Prosedur Distribusi Pelayanan)."""

    id: Kode = IdField("prosedur", "Kode prosedur layanan, misalnya 'pr-sambungan-baru'.")
    nama: Teks = Field(description="Nama layanan, misalnya 'Pemasangan Sambungan Baru'.")
    keterangan: TeksOpsional = Field(default="", description="Ruang lingkup atau catatan tentang layanan ini.")
    langkah_saat_ini: list[LangkahSaatIni] = Field(
        min_length=1, description="Langkah-langkah prosedur yang berlaku saat ini, berurutan."
    )
    langkah_perbaikan: list[Langkah] = Field(
        min_length=1, description="Langkah-langkah prosedur hasil perbaikan, berurutan."
    )
    solusi_terpadu: list[Kode] = _solusi_terpadu_field()

    def _checks(self, base: Loc) -> Iterator[Finding]:
        for daftar in ("langkah_saat_ini", "langkah_perbaikan"):
            langkah: list[LangkahSaatIni] | list[Langkah] = getattr(self, daftar)
            kembar = {k for k, n in Counter(s.kode for s in langkah).items() if n > 1}
            for i, s in enumerate(langkah):
                if s.kode in kembar:
                    yield Finding(
                        loc=(*base, daftar, i, "kode"),
                        code="4.2.langkah.kode_ganda",
                        params={"kode": s.kode, "layanan": self.nama},
                    )
        baru = [s.kode for s in self.langkah_perbaikan]
        # A merge needs a partner: another current step (of any change) flowing into the same box.
        tujuan = Counter(k for s in self.langkah_saat_ini for k in set(s.perubahan.langkah_baru))
        for i, s in enumerate(self.langkah_saat_ini):
            p = s.perubahan
            loc: Loc = (*base, "langkah_saat_ini", i, "perubahan")
            if p.jenis == "dihapus":
                if p.langkah_baru:
                    yield Finding(
                        loc=(*loc, "langkah_baru"),
                        code="4.2.perubahan.dihapus_bertujuan",
                        params={"langkah": p.langkah_baru},
                    )
            elif not p.langkah_baru:
                yield Finding(loc=(*loc, "jenis"), code="4.2.perubahan.tanpa_tujuan", params={"perubahan": p.jenis})
            else:
                for j, kode in enumerate(p.langkah_baru):
                    if kode not in baru:
                        yield Finding(
                            loc=(*loc, "langkah_baru", j),
                            code="4.2.perubahan.langkah_tidak_ada",
                            params={"kode": kode, "layanan": self.nama, "ada": baru},
                        )
                    elif p.jenis == "digabung" and tujuan[kode] < 2:
                        # A lone "digabung" is usually meant as "disederhanakan".
                        yield Finding(
                            loc=(*loc, "langkah_baru", j),
                            code="4.2.perubahan.gabung_tunggal",
                            params={"kode": kode},
                            severity="warning",
                        )
            if p.jenis == "dilimpahkan" and not p.dilimpahkan_kepada:
                yield Finding(loc=(*loc, "jenis"), code="4.2.perubahan.pelimpahan_tanpa_pelaku")
            if p.jenis != "dilimpahkan" and p.dilimpahkan_kepada:
                yield Finding(
                    loc=(*loc, "dilimpahkan_kepada"),
                    code="4.2.perubahan.pelaku_bukan_pelimpahan",
                    params={"perubahan": p.jenis},
                )


class Prosedur(SiapModel):
    """Isi berkas ``4.2-prosedur.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.2"

    layanan: list[Layanan] = Field(
        min_length=1, description="Layanan yang prosedurnya diperbaiki, masing-masing dengan bagan alirnya."
    )

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        for i, layanan in enumerate(self.layanan):
            yield from layanan._checks(("layanan", i))


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
        "regulasi", "Kode regulasi (Topik 2.2) yang menjadi acuan atau dasar hukum.", default_factory=list
    )
    pemrakarsa: Kode = RefField(
        ("lembaga", "stakeholder"),
        "Kode lembaga (Topik 2.2) atau stakeholder (Topik 1.1) yang memprakarsai penyusunan.",
    )
    rencana_pembahasan: list[RencanaPembahasan] = Field(
        default_factory=list, description="Rencana pembahasan usulan dengan pihak terkait."
    )
    solusi_terpadu: list[Kode] = _solusi_terpadu_field()


class Kebijakan(SiapModel):
    """Isi berkas ``4.3-kebijakan.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.3"

    usulan: list[UsulanKebijakan] = Field(
        min_length=1, description="Usulan penyempurnaan atau penyusunan kebijakan daerah yang mendukung pelayanan."
    )

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
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
    solusi_terpadu: list[Kode] = _solusi_terpadu_field()


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

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
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
    solusi_terpadu: list[Kode] = _solusi_terpadu_field()


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
    wewenang: list[Teks] = Field(default_factory=list, description="Wewenang jabatan.")
    syarat: list[Teks] = Field(default_factory=list, description="Syarat jabatan (pendidikan, pengalaman, pelatihan).")


class Organisasi(SiapModel):
    """Isi berkas ``4.5-organisasi.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.5"

    unit: list[Unit] = Field(
        min_length=1, description="Unit-unit penyelenggara pelayanan beserta peran, tugas dan tanggung jawabnya."
    )
    analisis_tugas: list[AnalisisTugas] = Field(default_factory=list, description="Tabulasi analisis tugas per unit.")
    uraian_jabatan: list[UraianJabatan] = Field(
        default_factory=list, description="Uraian jabatan untuk jabatan kunci pelayanan."
    )

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
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
    prasyarat: list[Teks] = Field(default_factory=list, description="Prasyarat pelaksanaan usulan.")
    regulasi: list[Kode] = RefField(
        "regulasi", "Kode regulasi (Topik 2.2) yang menjadi acuan usulan.", default_factory=list
    )
    solusi_terpadu: list[Kode] = _solusi_terpadu_field()


class Keuangan(SiapModel):
    """Isi berkas ``4.6-keuangan.yaml``."""

    TOPIK_ID: ClassVar[str] = "4.6"

    kondisi: list[KondisiKeuangan] = Field(
        min_length=1, description="Ringkasan kondisi keuangan PDAM saat ini (data dengan tahun dan sumber)."
    )
    usulan: list[UsulanKeuangan] = Field(min_length=1, description="Usulan peningkatan kapasitas keuangan PDAM.")

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        # A tariff change is only lawful under the tariff regulations; naming them early saves the
        # Bagian Hukum a round trip.
        for i, u in enumerate(self.usulan):
            if u.kategori == "tarif" and not u.regulasi:
                yield Finding(loc=("usulan", i, "regulasi"), code="4.6.usulan.tarif_tanpa_regulasi")


# --- 4.7 Prioritisasi Tindakan Peningkatan Pelayanan -----------------------------------------------

Aspek = Literal["teknis", "finansial", "manajemen"]
SubAspek = Literal["prosedur", "personil", "kebijakan", "organisasi"]


class Rujukan(SiapModel):
    """Where an action comes from in the earlier topics (all optional)."""

    solusi_terpadu: list[Kode] = RefField("solusi_terpadu", "Kode solusi terpadu (3.2).", default_factory=list)
    strategi: list[Kode] = RefField("strategi", "Kode strategi (4.1).", default_factory=list)
    usulan_teknis: list[Kode] = RefField("usulan_teknis", "Kode usulan tindakan teknis (4.1).", default_factory=list)
    prosedur: list[Kode] = RefField("prosedur", "Kode prosedur layanan (4.2).", default_factory=list)
    kebijakan: list[Kode] = RefField("kebijakan", "Kode usulan kebijakan (4.3).", default_factory=list)
    program_personil: list[Kode] = RefField(
        "program_personil", "Kode program peningkatan kemampuan personil (4.4).", default_factory=list
    )
    unit: list[Kode] = RefField("unit", "Kode unit organisasi (4.5).", default_factory=list)
    usulan_keuangan: list[Kode] = RefField("usulan_keuangan", "Kode usulan keuangan (4.6).", default_factory=list)


class KriteriaMcua(SiapModel):
    """An MCUA criterion: its weight (bobot, in percent) and its scoring scale."""

    id: Kode = Field(description="Kode kriteria, dipakai sebagai kunci skor, misalnya 'dampak'.")
    nama: Teks = Field(description="Nama kriteria, misalnya 'Dampak terhadap kualitas pelayanan'.")
    bobot: int = Field(ge=1, le=100, description="Bobot kriteria dalam persen; jumlah seluruh bobot harus 100.")
    skala_min: int = Field(default=1, description="Skor terendah yang boleh diberikan.")
    skala_maks: int = Field(default=5, description="Skor tertinggi yang boleh diberikan.")
    keterangan: TeksOpsional = Field(default="", description="Pedoman pemberian skor (boleh kosong).")


class Tindakan(SiapModel):
    """A proposed action (usulan tindakan) with its MCUA scores."""

    id: Kode = IdField("tindakan", "Kode tindakan, misalnya 'tk-01', 'fn-01', 'mj-01'.")
    nama: Teks = Field(description="Rumusan usulan tindakan peningkatan kualitas pelayanan.")
    aspek: Aspek = Field(description="Aspek tindakan: 'teknis', 'finansial' atau 'manajemen'.")
    sub_aspek: SubAspek | None = Field(
        default=None,
        description="Untuk aspek manajemen saja (P3O): 'prosedur', 'personil', 'kebijakan' atau 'organisasi'.",
    )
    rujukan: Rujukan = Field(default_factory=Rujukan, description="Asal usulan pada topik sebelumnya.")
    skor: dict[Kode, int] = Field(
        description="Skor tindakan per kriteria MCUA, ditulis 'kode_kriteria: skor', misalnya 'dampak: 4'."
    )


class PutaranUlang(SiapModel):
    """A recorded second MCUA round between actions tied in the first round."""

    tindakan: list[Kode] = RefField("tindakan", "Kode tindakan yang bernilai sama (paling sedikit dua).", min_length=2)
    kriteria: list[KriteriaMcua] = Field(
        default_factory=list,
        description="Kriteria putaran ulang; bila kosong, kriteria putaran pertama dipakai kembali.",
    )
    skor: dict[Kode, dict[Kode, int]] = Field(
        description="Skor putaran ulang: untuk setiap tindakan peserta, 'kode_kriteria: skor'."
    )
    catatan: TeksOpsional = Field(default="", description="Catatan pembahasan putaran ulang.")


def _check_kriteria(kriteria: list[KriteriaMcua], base: Loc) -> Iterator[Finding]:
    jumlah = sum(k.bobot for k in kriteria)
    if jumlah != 100:
        yield Finding(loc=base, code="4.7.kriteria.jumlah_bobot", params={"jumlah": jumlah})
    kembar = {k for k, n in Counter(k.id for k in kriteria).items() if n > 1}
    for i, k in enumerate(kriteria):
        if k.id in kembar:
            yield Finding(loc=(*base, i, "id"), code="4.7.kriteria.id_ganda", params={"kriteria": k.id})
        if k.skala_min >= k.skala_maks:
            yield Finding(
                loc=(*base, i, "skala_maks"),
                code="4.7.kriteria.skala_terbalik",
                params={"min": k.skala_min, "maks": k.skala_maks},
            )


def _check_skor(tindakan: str, skor: dict[str, int], kriteria: list[KriteriaMcua], base: Loc) -> Iterator[Finding]:
    by_id = {k.id: k for k in kriteria}
    for kid, nilai in skor.items():
        k = by_id.get(kid)
        if k is None:
            yield Finding(
                loc=(*base, kid), code="4.7.skor.kriteria_tidak_dikenal", params={"kriteria": kid, "ada": list(by_id)}
            )
        elif not k.skala_min <= nilai <= k.skala_maks:
            yield Finding(
                loc=(*base, kid),
                code="4.7.skor.di_luar_skala",
                params={"nilai": nilai, "kriteria": kid, "min": k.skala_min, "maks": k.skala_maks},
            )
    for kid in by_id:
        if kid not in skor:
            yield Finding(loc=base, code="4.7.skor.belum_dinilai", params={"tindakan": tindakan, "kriteria": kid})


class Prioritas(SiapModel):
    """Isi berkas ``4.7-prioritas.yaml``: Matriks Penilaian MCUA. Peringkat dihitung, tidak diketik."""

    TOPIK_ID: ClassVar[str] = "4.7"

    kriteria: list[KriteriaMcua] = Field(
        min_length=1, description="Kriteria MCUA beserta bobot (jumlah 100) dan skala skornya."
    )
    tindakan: list[Tindakan] = Field(
        min_length=1,
        description="Usulan tindakan peningkatan kualitas pelayanan dari Topik 4.1-4.6, dengan skor per kriteria.",
    )
    putaran_ulang: list[PutaranUlang] = Field(
        default_factory=list,
        description="Putaran MCUA ulang untuk tindakan yang bernilai sama; menentukan urutan di antara mereka.",
    )

    def checks(self, ws: WorkspaceView) -> Iterator[Finding]:
        errors = list(self._errors())
        yield from errors
        if errors:
            return  # ranks of an inconsistent matrix would only add noise
        yield from self._coverage(ws)
        hasil = hitung_mcua(self)
        posisi = {t.id: i for i, t in enumerate(self.tindakan)}
        for aspek in ASPEK:
            for kelompok in hasil.seri_per_aspek.get(aspek, ()):
                terakhir = max(kelompok, key=lambda t: posisi[t])
                yield Finding(
                    loc=("tindakan", posisi[terakhir], "skor"),
                    code="4.7.seri.belum_diputus",
                    params={"tindakan": list(kelompok), "total": hasil.nilai[kelompok[0]].total, "aspek": aspek},
                    severity="warning",
                )

    def _coverage(self, ws: WorkspaceView) -> Iterator[Finding]:
        # The integrated solutions are the plan's strategic points: one that no action carries
        # forward silently drops out of the STPP.
        akar = ws.get(AkarMasalah)
        if akar is None:
            return
        dijabarkan = {st for t in self.tindakan for st in t.rujukan.solusi_terpadu}
        for st in akar.solusi_terpadu:
            if st.id not in dijabarkan:
                yield Finding(
                    loc=("tindakan",),
                    code="4.7.solusi_terpadu.tanpa_tindakan",
                    params={"solusi": st.id},
                    severity="warning",
                )

    def _errors(self) -> Iterator[Finding]:
        pertama = list(self._first_round_errors())
        yield from pertama
        yield from self._round_errors(first_round_ok=not pertama)

    def _first_round_errors(self) -> Iterator[Finding]:
        yield from _check_kriteria(self.kriteria, ("kriteria",))
        for i, t in enumerate(self.tindakan):
            if t.aspek == "manajemen" and t.sub_aspek is None:
                yield Finding(loc=("tindakan", i, "aspek"), code="4.7.tindakan.sub_aspek_wajib")
            if t.aspek != "manajemen" and t.sub_aspek is not None:
                yield Finding(
                    loc=("tindakan", i, "sub_aspek"), code="4.7.tindakan.sub_aspek_terlarang", params={"aspek": t.aspek}
                )
            yield from _check_skor(t.id, t.skor, self.kriteria, ("tindakan", i, "skor"))

    def _round_errors(self, first_round_ok: bool) -> Iterator[Finding]:
        bobot = {k.id: k.bobot for k in self.kriteria}
        total = {t.id: jumlah_terbobot(bobot, t.skor) for t in self.tindakan}
        for r, p in enumerate(self.putaran_ulang):
            base: Loc = ("putaran_ulang", r)
            kriteria = p.kriteria or self.kriteria
            if p.kriteria:
                yield from _check_kriteria(p.kriteria, (*base, "kriteria"))
            dikenal = [t for t in p.tindakan if t in total]  # unknown ids: the reference pass reports them
            # Totals of an inconsistent first round are meaningless; its errors come first.
            if first_round_ok and len({total[t] for t in dikenal}) > 1:
                yield Finding(
                    loc=(*base, "tindakan"),
                    code="4.7.putaran.tidak_seri",
                    params={"rincian": [f"{t} = {total[t]}" for t in dikenal]},
                )
            for tid, skor in p.skor.items():
                if tid not in p.tindakan:
                    yield Finding(
                        loc=(*base, "skor", tid),
                        code="4.7.putaran.bukan_peserta",
                        params={"tindakan": tid, "peserta": p.tindakan},
                    )
                else:
                    yield from _check_skor(tid, skor, kriteria, (*base, "skor", tid))
            for j, tid in enumerate(p.tindakan):
                if tid not in p.skor:
                    for k in kriteria:
                        yield Finding(
                            loc=(*base, "tindakan", j),
                            code="4.7.skor.belum_dinilai",
                            params={"tindakan": tid, "kriteria": k.id},
                        )
