"""Topik 4.2, Rancangan Perbaikan Prosedur Pelayanan: each service's current and improved steps."""

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from assembler.messages import register
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    Loc,
    SiapModel,
    Teks,
    TeksOpsional,
    empty_list,
)
from assembler.models.tahap4.umum import solusi_terpadu_field

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
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
    }
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
        default_factory=empty_list, description="Dokumen/formulir yang dipakai atau dihasilkan pada langkah ini."
    )


class Perubahan(SiapModel):
    """What happens to a current step in the improved procedure, and why."""

    jenis: JenisPerubahan = Field(
        description="Perubahan langkah: 'dihapus', 'digabung', 'disederhanakan', 'dilimpahkan' atau 'tetap'."
    )
    langkah_baru: list[Kode] = Field(
        default_factory=empty_list,
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
    solusi_terpadu: list[Kode] = solusi_terpadu_field()

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

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        for i, layanan in enumerate(self.layanan):
            yield from layanan._checks(("layanan", i))


