"""Tahap 2, Analisis Isu Strategis: the main issue, the legal corridor and the service gaps.

2.1 holds the Matriks Pemeringkatan as typed by the secretariat (scores only: totals and ranks are
computed in :mod:`assembler.scoring.pemeringkatan`); 2.2 the Tabel Hubungan Antar-kebijakan; 2.3
the Tabel Pencapaian Target Pelayanan (gaps computed in :mod:`assembler.analysis.kesenjangan`).
"""

import difflib
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from assembler.content import JenisKode
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
    empty_dict,
    empty_list,
)
from assembler.scoring.pemeringkatan import rank_issues

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "2.1.kriteria.skala": (
            "skala kriteria '{kriteria}' tidak sah: "
            "skala_min ({min}) harus lebih kecil daripada skala_maks ({maks})",
            "the scale of criterion '{kriteria}' is invalid: "
            "skala_min ({min}) must be below skala_maks ({maks})",
        ),
        "2.1.skor.kurang": (
            "isu '{isu}' belum diberi skor untuk kriteria: {kriteria}",
            "issue '{isu}' has no score yet for criteria: {kriteria}",
        ),
        "2.1.skor.di_luar_skala": (
            "skor {nilai} di luar skala kriteria '{kriteria}' ({min}–{maks})",
            "score {nilai} is outside the scale of criterion '{kriteria}' ({min}-{maks})",
        ),
        "2.1.skor.kriteria_tidak_dikenal": (
            "'{kriteria}' bukan kriteria yang disepakati; kriteria yang ada: {daftar}",
            "'{kriteria}' is not an agreed criterion; the criteria are: {daftar}",
        ),
        "2.1.skor.kriteria_tidak_dikenal.suggest": (
            "'{kriteria}' bukan kriteria yang disepakati; maksud Anda '{suggestion}'?",
            "'{kriteria}' is not an agreed criterion; did you mean '{suggestion}'?",
        ),
        "2.1.putaran_ulang.tanpa_seri": (
            "putaran ulang ke-{nomor} tidak diperlukan: tidak ada isu yang memperoleh nilai sama",
            "tie-break round {nomor} is not needed: no issues have equal totals",
        ),
        "2.1.putaran_ulang.bukan_seri": (
            "putaran ulang ke-{nomor} ({isu}) harus memuat tepat isu-isu yang bernilai sama; "
            "yang seri: {seri}",
            "tie-break round {nomor} ({isu}) must hold exactly the issues that are tied; "
            "the ties are: {seri}",
        ),
        "2.1.putaran_ulang.skor_kurang": (
            "isu '{isu}' mengikuti putaran ulang ini tetapi belum diberi skor",
            "issue '{isu}' takes part in this tie-break round but has no score",
        ),
        "2.1.putaran_ulang.bukan_peserta": (
            "isu '{isu}' tidak termasuk isu pada putaran ulang ini ({peserta})",
            "issue '{isu}' is not one of the issues of this tie-break round ({peserta})",
        ),
        "2.1.isu_utama.seri": (
            "isu utama belum dapat ditetapkan: {isu} memperoleh nilai tertinggi yang sama ({total}); "
            "catat hasil pemeringkatan ulang pada 'putaran_ulang'",
            "the main issue cannot be chosen yet: {isu} share the highest total ({total}); "
            "record the tie-break in 'putaran_ulang'",
        ),
        "2.2.regulasi.bentuk": (
            "tulis 'katalog' untuk regulasi dari katalog, atau 'id' beserta jenis, nomor, tahun, dan tentang "
            "untuk regulasi yang ditulis lengkap; tidak keduanya",
            "write 'katalog' for a regulation from the catalogue, or 'id' with jenis, nomor, tahun and "
            "tentang "
            "for one written out; not both",
        ),
        "2.2.regulasi.kolom_kurang": (
            "regulasi '{id}' yang ditulis lengkap harus memuat: {kolom}",
            "regulation '{id}', written out, needs: {kolom}",
        ),
        "2.2.regulasi.kolom_katalog": (
            "'{kolom}' tidak diisi untuk regulasi dari katalog; data '{katalog}' diambil dari katalog",
            "'{kolom}' is not given for a catalogue regulation; the data of '{katalog}' come from the "
            "catalogue",
        ),
        "2.2.regulasi.lembaran_berpasangan": (
            "'{tahun}' dan '{nomor}' diisi berdua atau dikosongkan berdua",
            "'{tahun}' and '{nomor}' are given together or not at all",
        ),
        "2.2.regulasi.ganda": (
            "regulasi '{regulasi}' sudah dicantumkan pada regulasi[{pertama}]",
            "regulation '{regulasi}' is already listed at regulasi[{pertama}]",
        ),
        "2.2.regulasi.dicabut": (
            "regulasi '{regulasi}' berstatus dicabut; jangan dijadikan dasar hukum STPP",
            "regulation '{regulasi}' has been repealed; do not use it as a legal basis of the plan",
        ),
        "2.2.hubungan.regulasi_tidak_didaftar": (
            "regulasi '{regulasi}' belum dicantumkan dalam daftar 'regulasi' berkas ini",
            "regulation '{regulasi}' is not listed under 'regulasi' in this file",
        ),
        "2.3.indikator.tanpa_strategis": (
            "belum ada indikator yang ditetapkan strategis ('strategis: true'); indikator strategis menjadi "
            "bahan Tahap 4.1",
            "no indicator is marked strategic ('strategis: true'); the strategic indicators feed topic 4.1",
        ),
    }
)


def _as_text(value: Any) -> Any:
    """A regulation number typed unquoted (``nomor: 5``) is read by YAML as a number; keep its text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Nomor = Annotated[str, BeforeValidator(_as_text)]


def _as_text_or_none(value: Any) -> Any:
    """An optional publication number left blank (``bd_nomor: ''``) is not given, as its blank cell is.

    Kept as an empty text it passed the year/number pairing and printed "Nomor " with nothing after.
    """
    value = _as_text(value)
    if isinstance(value, str) and not value.strip():
        return None
    return value


NomorOpsional = Annotated[str | None, BeforeValidator(_as_text_or_none)]


# --- 2.1 ---------------------------------------------------------------------------------------


class KriteriaIsu(SiapModel):
    """A criterion of the Matriks Pemeringkatan agreed by the participants (e.g. urgency, breadth)."""

    id: Kode = IdField(
        "kriteria_isu", "Kode kriteria, misalnya 'urgensi'; dipakai sebagai kunci pada 'skor'."
    )
    nama: Teks = Field(description="Nama kriteria, misalnya 'Tingkat urgensi'.")
    uraian: TeksOpsional = Field(default="", description="Penjelasan arti nilai rendah dan nilai tinggi.")
    skala_min: int = Field(default=1, description="Nilai terendah skala penilaian kriteria ini.")
    skala_maks: int = Field(default=5, description="Nilai tertinggi skala penilaian kriteria ini.")


class CalonIsu(SiapModel):
    """One candidate issue, one row of the matrix: its scores on every criterion."""

    id: Kode = IdField("isu", "Kode isu, misalnya 'isu-01'.")
    rumusan: Teks = Field(description="Rumusan isu sebagaimana disepakati dalam pleno.")
    asal_kelompok: TeksOpsional = Field(
        default="",
        description="Kelompok diskusi yang mengusulkan isu ini, misalnya 'Kelompok 2'; boleh kosong.",
    )
    skor: dict[str, int] = RefField(
        "kriteria_isu",
        "Skor isu per kriteria, satu baris per kriteria: 'kode-kriteria: nilai', misalnya 'urgensi: 5'. "
        "Jumlah skor dan peringkat dihitung oleh program.",
        default_factory=empty_dict,
    )


class PutaranUlang(SiapModel):
    """A recorded repeat of the ranking among tied issues ("ulangi proses jika ada nilai sama")."""

    isu: list[str] = RefField(
        "isu", "Kode isu-isu yang bernilai sama dan dinilai ulang pada putaran ini.", min_length=2
    )
    skor: dict[str, int | dict[str, int]] = RefField(
        "isu",
        "Hasil putaran ulang per isu: 'kode-isu: nilai' (misalnya jumlah suara), atau skor ulang per "
        "kriteria "
        "'kode-isu: {urgensi: 5, cakupan: 4}'. Nilai lebih besar berperingkat lebih tinggi.",
    )
    catatan: TeksOpsional = Field(default="", description="Cara dan alasan penilaian ulang yang disepakati.")

    def nilai(self, isu: str) -> int | None:
        """The round's total for ``isu`` (a per-criterion rescore is summed), None when not scored."""
        value = self.skor.get(isu)
        if value is None:
            return None
        if isinstance(value, dict):
            return sum(value.values())
        return value


class IsuUtama(SiapModel):
    """Isi berkas 2.1: Matriks Pemeringkatan isu utama pelayanan PDAM."""

    TOPIK_ID: ClassVar[str] = "2.1"

    kriteria: list[KriteriaIsu] = Field(
        min_length=1, description="Kriteria penilaian yang disepakati peserta."
    )
    isu: list[CalonIsu] = Field(min_length=1, description="Isu-isu hasil diskusi kelompok beserta skornya.")
    putaran_ulang: list[PutaranUlang] = Field(
        default_factory=empty_list,
        description="Putaran penilaian ulang bagi isu-isu yang memperoleh jumlah skor sama, sesuai urutan "
        "pelaksanaannya. Isu utama tidak pernah ditetapkan dari urutan penulisan.",
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        kriteria = {k.id: k for k in self.kriteria}
        for i, k in enumerate(self.kriteria):
            if k.skala_min >= k.skala_maks:
                yield Finding(
                    ("kriteria", i, "skala_maks"),
                    "2.1.kriteria.skala",
                    {"kriteria": k.id, "min": k.skala_min, "maks": k.skala_maks},
                )
        complete = True
        for i, isu in enumerate(self.isu):
            findings = list(_check_scores(isu.id, isu.skor, kriteria, ("isu", i, "skor"), unknown_keys=False))
            complete = complete and not any(f.code == "2.1.skor.kurang" for f in findings)
            yield from findings
        for r, putaran in enumerate(self.putaran_ulang):
            yield from self._check_putaran(r, putaran, kriteria)
        if complete:
            yield from self._check_seri()

    def _check_putaran(
        self, r: int, putaran: PutaranUlang, kriteria: dict[str, KriteriaIsu]
    ) -> Iterator[Finding]:
        here = ("putaran_ulang", r, "skor")
        for isu in putaran.isu:
            if isu not in putaran.skor:
                yield Finding(here, "2.1.putaran_ulang.skor_kurang", {"isu": isu})
        for isu, value in putaran.skor.items():
            if isu not in putaran.isu:
                yield Finding(
                    (*here, isu), "2.1.putaran_ulang.bukan_peserta", {"isu": isu, "peserta": putaran.isu}
                )
            elif isinstance(value, dict):
                yield from _check_scores(isu, value, kriteria, (*here, isu), unknown_keys=True)

    def _check_seri(self) -> Iterator[Finding]:
        hasil = rank_issues(self)
        shown = "; ".join(" = ".join(group) for group in hasil.seri_semua)
        for r, putaran in enumerate(self.putaran_ulang):
            if r in hasil.putaran_terpakai:
                continue
            if not hasil.seri_semua:
                yield Finding(("putaran_ulang", r, "isu"), "2.1.putaran_ulang.tanpa_seri", {"nomor": r + 1})
            else:
                yield Finding(
                    ("putaran_ulang", r, "isu"),
                    "2.1.putaran_ulang.bukan_seri",
                    {"nomor": r + 1, "isu": putaran.isu, "seri": shown},
                )
        if hasil.isu_utama is None and hasil.baris:
            top = [b.isu for b in hasil.baris if b.urutan == 1]
            yield Finding(
                ("isu",), "2.1.isu_utama.seri", {"isu": top, "total": hasil.baris[0].total}, "warning"
            )


def _check_scores(
    isu: str,
    skor: dict[str, int],
    kriteria: dict[str, KriteriaIsu],
    loc: tuple[str | int, ...],
    *,
    unknown_keys: bool,
) -> Iterator[Finding]:
    """Every criterion scored, each score within its criterion's scale.

    Unknown keys of an issue's ``skor`` are references the workspace pass checks; the keys of a
    per-criterion rescore inside a tie-break round are not a field of their own, so they are checked here.
    """
    missing = [k for k in kriteria if k not in skor]
    if missing:
        yield Finding(loc, "2.1.skor.kurang", {"isu": isu, "kriteria": missing})
    for key, nilai in skor.items():
        k = kriteria.get(key)
        if k is None:
            if unknown_keys:
                match = difflib.get_close_matches(key, list(kriteria), n=1, cutoff=0.6)
                if match:
                    yield Finding(
                        (*loc, key),
                        "2.1.skor.kriteria_tidak_dikenal.suggest",
                        {"kriteria": key, "suggestion": match[0]},
                    )
                else:
                    yield Finding(
                        (*loc, key),
                        "2.1.skor.kriteria_tidak_dikenal",
                        {"kriteria": key, "daftar": list(kriteria)},
                    )
        elif not k.skala_min <= nilai <= k.skala_maks:
            yield Finding(
                (*loc, key),
                "2.1.skor.di_luar_skala",
                {"nilai": nilai, "kriteria": key, "min": k.skala_min, "maks": k.skala_maks},
            )


# --- 2.2 ---------------------------------------------------------------------------------------

#: Fields a written-out regulation must have (a catalogue entry must leave them empty).
_KOLOM_WAJIB = ("jenis", "nomor", "tahun", "tentang")
#: Publication places, as (year field, number field): both or neither, as in the catalogue.
_LEMBARAN = (
    ("ln_tahun", "ln_nomor"),
    ("bn_tahun", "bn_nomor"),
    ("ld_tahun", "ld_nomor"),
    ("bd_tahun", "bd_nomor"),
)
_KOLOM_TERTULIS = (
    *_KOLOM_WAJIB,
    "daerah",
    "kepala_daerah",
    *(f for pair in _LEMBARAN for f in pair),
    "tln_nomor",
    "tld_nomor",
    "status",
)


class EntriRegulasi(SiapModel):
    """A regulation relevant to the STPP: a catalogue entry by its code, or written out in full.

    The written-out fields mirror the catalogue (``content/regulasi.yaml``): the same ``jenis`` codes
    and publication fields, so a Perda typed here is cited and ordered like a catalogue entry.
    """

    katalog: str | None = RefField(
        "regulasi",
        "Kode regulasi dari katalog program, misalnya 'uu-23-2014'. Bila diisi, kolom regulasi yang ditulis "
        "lengkap (id, jenis, nomor, tahun, tentang, lembaran) dikosongkan: datanya diambil dari katalog.",
        default=None,
    )
    id: Kode | None = IdField(
        "regulasi",
        "Kode regulasi yang tidak ada dalam katalog (misalnya Perda), misalnya 'perda-lembahsari-5-2019'; "
        "diisi bersama 'jenis', 'nomor', 'tahun', dan 'tentang'.",
        default=None,
    )
    jenis: JenisKode | None = Field(
        default=None,
        description="Kode jenis peraturan yang ditulis lengkap: 'UU', 'PP', 'Perpres', 'Permendagri', "
        "'Permen PUPR', 'PermenPAN-RB', 'Permenkes', 'Perda', 'Perkada' (Peraturan Bupati/Walikota), "
        "'Kepkada' (Keputusan Bupati/Walikota), dan seterusnya.",
    )
    nomor: Nomor = Field(default="", description="Nomor peraturan, misalnya '5' atau '27/PRT/M/2016'.")
    tahun: Tahun | None = Field(default=None, description="Tahun penetapan peraturan.")
    tentang: TeksOpsional = Field(default="", description="Judul peraturan setelah kata 'tentang'.")
    daerah: TeksOpsional = Field(
        default="",
        description="Untuk Perda/Perkada/Kepkada: nama lengkap daerah, misalnya 'Provinsi Jawa Tengah'; bila "
        "kosong, daerah pada stpp.yaml.",
    )
    kepala_daerah: Literal["Bupati", "Walikota", "Gubernur"] | None = Field(
        default=None,
        description="Untuk Perkada/Kepkada: jabatan yang menetapkan; bila kosong, kepala daerah pada "
        "stpp.yaml.",
    )
    ln_tahun: Tahun | None = Field(default=None, description="Tahun Lembaran Negara; boleh kosong.")
    ln_nomor: NomorOpsional = Field(default=None, description="Nomor Lembaran Negara; boleh kosong.")
    tln_nomor: NomorOpsional = Field(default=None, description="Nomor Tambahan Lembaran Negara; boleh kosong.")
    bn_tahun: Tahun | None = Field(default=None, description="Tahun Berita Negara; boleh kosong.")
    bn_nomor: NomorOpsional = Field(default=None, description="Nomor Berita Negara; boleh kosong.")
    ld_tahun: Tahun | None = Field(default=None, description="Tahun Lembaran Daerah; boleh kosong.")
    ld_nomor: NomorOpsional = Field(default=None, description="Nomor Lembaran Daerah; boleh kosong.")
    tld_nomor: NomorOpsional = Field(default=None, description="Nomor Tambahan Lembaran Daerah; boleh kosong.")
    bd_tahun: Tahun | None = Field(default=None, description="Tahun Berita Daerah; boleh kosong.")
    bd_nomor: NomorOpsional = Field(default=None, description="Nomor Berita Daerah; boleh kosong.")
    status: Literal["berlaku", "diubah", "dicabut"] = Field(
        default="berlaku",
        description="Status regulasi yang ditulis lengkap: 'berlaku', 'diubah' (berlaku dengan perubahan), "
        "atau 'dicabut'. Status regulasi katalog diambil dari katalog.",
    )
    relevansi: Teks = Field(description="Kaitan regulasi ini dengan isu utama dan penyusunan STPP.")
    ketentuan: list[Teks] = Field(
        default_factory=empty_list,
        description="Pasal atau ketentuan yang relevan, satu per butir, misalnya 'Pasal 345: manajemen "
        "pelayanan publik'.",
    )

    @property
    def kode(self) -> str:
        """The code other fields refer to, whichever form the entry takes."""
        return self.katalog or self.id or ""


class Lembaga(SiapModel):
    """An institution of the Tabel Hubungan Antar-kebijakan."""

    id: Kode = IdField("lembaga", "Kode lembaga, misalnya 'lb-pdam'.")
    nama: Teks = Field(description="Nama lembaga atau perangkat daerah.")
    peran: Teks = Field(description="Peran lembaga dalam pelayanan air minum dan dalam pelaksanaan STPP.")
    stakeholder: str | None = RefField(
        "stakeholder",
        "Kode stakeholder pada berkas 1.1 yang sama dengan lembaga ini; boleh kosong.",
        default=None,
    )


class HubunganKebijakan(SiapModel):
    """One row of the Tabel Hubungan Antar-kebijakan: what a regulation asks of which institutions."""

    regulasi: str = RefField(
        "regulasi", "Kode regulasi (dari katalog atau dari daftar 'regulasi' berkas ini)."
    )
    lembaga: list[str] = RefField("lembaga", "Kode lembaga yang terkait ketentuan ini.", min_length=1)
    ketentuan: TeksOpsional = Field(
        default="", description="Pasal atau ketentuan yang menjadi dasar hubungan."
    )
    kewenangan: Teks = Field(
        description="Kewenangan atau kewajiban yang diatur bagi lembaga-lembaga tersebut."
    )
    implikasi: Teks = Field(description="Implikasi bagi penyusunan dan pelaksanaan STPP.")


class KoridorHukum(SiapModel):
    """The two outputs of topic 2.2, as the guide names them."""

    penyusunan_stpp: Teks = Field(description="Koridor hukum dalam pengembangan proses penyusunan STPP.")
    kerja_sama_antarinstansi: Teks = Field(
        description="Koridor hukum kerja sama antar-instansi terkait pengembangan penyusunan STPP."
    )


class Regulasi(SiapModel):
    """Isi berkas 2.2: regulasi terkait, Tabel Hubungan Antar-kebijakan, dan koridor hukum."""

    TOPIK_ID: ClassVar[str] = "2.2"

    regulasi: list[EntriRegulasi] = Field(
        min_length=1, description="Peraturan perundang-undangan yang terkait isu utama dan penyusunan STPP."
    )
    lembaga: list[Lembaga] = Field(
        min_length=1, description="Lembaga yang terkait dalam pelayanan air minum."
    )
    hubungan: list[HubunganKebijakan] = Field(
        default_factory=empty_list, description="Baris Tabel Hubungan Antar-kebijakan."
    )
    koridor_hukum: KoridorHukum = Field(description="Rumusan koridor hukum hasil diskusi.")

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        first: dict[str, int] = {}
        for i, entry in enumerate(self.regulasi):
            here = ("regulasi", i)
            if (entry.katalog is None) == (entry.id is None):
                yield Finding(here, "2.2.regulasi.bentuk")
                continue
            if entry.katalog is not None:
                for kolom in _KOLOM_TERTULIS:
                    if kolom in entry.model_fields_set and getattr(entry, kolom) not in ("", None):
                        yield Finding(
                            (*here, kolom),
                            "2.2.regulasi.kolom_katalog",
                            {"kolom": kolom, "katalog": entry.katalog},
                        )
            else:
                missing = [k for k in _KOLOM_WAJIB if getattr(entry, k) in ("", None)]
                if missing:
                    yield Finding(here, "2.2.regulasi.kolom_kurang", {"id": entry.id, "kolom": missing})
                for tahun, nomor in _LEMBARAN:
                    if (getattr(entry, tahun) is None) != (getattr(entry, nomor) is None):
                        yield Finding(
                            here, "2.2.regulasi.lembaran_berpasangan", {"tahun": tahun, "nomor": nomor}
                        )
                if entry.status == "dicabut":
                    yield Finding(
                        (*here, "status"), "2.2.regulasi.dicabut", {"regulasi": entry.id}, "warning"
                    )
            if entry.kode in first:
                yield Finding(
                    (*here, "katalog" if entry.katalog else "id"),
                    "2.2.regulasi.ganda",
                    {"regulasi": entry.kode, "pertama": first[entry.kode]},
                )
            else:
                first[entry.kode] = i
        for i, row in enumerate(self.hubungan):
            if row.regulasi not in first:
                yield Finding(
                    ("hubungan", i, "regulasi"),
                    "2.2.hubungan.regulasi_tidak_didaftar",
                    {"regulasi": row.regulasi},
                    "warning",
                )


# --- 2.3 ---------------------------------------------------------------------------------------


class Indikator(SiapModel):
    """One row of the Tabel Pencapaian Target Pelayanan/Corporate Plan (target against realisation)."""

    id: Kode = IdField("indikator", "Kode indikator, misalnya 'ind-nrw'.")
    nama: Teks = Field(description="Nama indikator kinerja pelayanan, misalnya 'Tingkat kehilangan air'.")
    satuan: Teks = Field(description="Satuan indikator, misalnya '%', 'jam/hari', atau 'hari kerja'.")
    target: Decimal = Field(
        description="Target menurut Corporate Plan/SPM/Standar Pelayanan (titik untuk desimal)."
    )
    realisasi: Decimal = Field(description="Realisasi (capaian nyata) pada tahun data (titik untuk desimal).")
    arah: Literal["naik", "turun"] = Field(
        description="'naik' bila nilai lebih tinggi lebih baik (misalnya cakupan), 'turun' bila nilai lebih "
        "rendah lebih baik (misalnya kehilangan air atau lama waktu layanan)."
    )
    tahun: Tahun = Field(description="Tahun data realisasi.")
    sumber_data: Teks = Field(description="Sumber data realisasi, misalnya laporan kinerja atau audit BPKP.")
    acuan_target: TeksOpsional = Field(
        default="", description="Dokumen acuan target, misalnya 'Corporate Plan 2024–2028'; boleh kosong."
    )
    strategis: bool = Field(
        default=False,
        description="true bila ditetapkan sebagai indikator strategis untuk ditindaklanjuti di Tahap 4.1.",
    )
    alasan_strategis: TeksOpsional = Field(
        default="", description="Alasan indikator ditetapkan strategis; boleh kosong."
    )


class Kesenjangan(SiapModel):
    """Isi berkas 2.3: Tabel Pencapaian Target Pelayanan/Corporate Plan dan indikator strategis."""

    TOPIK_ID: ClassVar[str] = "2.3"

    acuan: TeksOpsional = Field(
        default="",
        description="Dokumen perencanaan yang menjadi acuan target, misalnya 'Corporate Plan Perumda Air "
        "Minum "
        "Tirta Lestari 2024–2028'.",
    )
    indikator: list[Indikator] = Field(
        min_length=1,
        description="Indikator kinerja pelayanan dengan target dan realisasinya. Selisih, persentase "
        "capaian, "
        "dan status dihitung oleh program.",
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        if not any(i.strategis for i in self.indikator):
            yield Finding(("indikator",), "2.3.indikator.tanpa_strategis", {}, "warning")
